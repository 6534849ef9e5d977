#pragma once

#include "td-database.h"
#include "td-xlsx.h"

G_BEGIN_DECLS

typedef struct
{
  gint64   campaign_id;
  int      year;
  gboolean keep_empty_units;   /* units without a value that year too */
} TdSummaryOptions;

typedef struct _TdSummary TdSummary;

TdSummary *td_summary_load   (TdDatabase             *db,
                              const TdSummaryOptions *options,
                              GError                **error);
gboolean   td_summary_write  (TdSummary              *summary,
                              const char             *path,
                              GCancellable           *cancellable,
                              TdExportProgress        progress,
                              gpointer                user_data,
                              GError                **error);
void       td_summary_free   (TdSummary              *summary);
gboolean   td_summary_export (TdDatabase             *db,
                              const TdSummaryOptions *options,
                              const char             *path,
                              GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdSummary, td_summary_free)

G_END_DECLS
