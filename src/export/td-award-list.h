#pragma once

#include "td-database.h"
#include "td-xlsx.h"

G_BEGIN_DECLS

typedef enum
{
  TD_AWARD_ORDER_DECISION,   /* the decision's own order */
  TD_AWARD_ORDER_UNIT,       /* unit, then position, then name */
  TD_AWARD_ORDER_NAME,       /* given name (Vietnamese collation) */
} TdAwardOrder;

typedef struct
{
  gint64        decision_id;
  gboolean      no_money;      /* without the «Số tiền» column */
  gboolean      per_form;      /* one sheet per form */
  gboolean      no_signature;  /* without the signature block */
  gboolean      portrait;
  TdAwardOrder  order;
} TdAwardListOptions;

typedef struct _TdAwardList TdAwardList;

TdAwardList *td_award_list_load   (TdDatabase               *db,
                                   const TdAwardListOptions *options,
                                   GError                  **error);
gboolean     td_award_list_write  (TdAwardList              *list,
                                   const char               *path,
                                   GCancellable             *cancellable,
                                   TdExportProgress          progress,
                                   gpointer                  user_data,
                                   GError                  **error);
guint        td_award_list_get_n_lines (TdAwardList         *list);
void         td_award_list_free   (TdAwardList              *list);
gboolean     td_award_list_export (TdDatabase               *db,
                                   const TdAwardListOptions *options,
                                   const char               *path,
                                   GError                  **error);
gboolean     td_award_order_from_string (const char         *text,
                                         TdAwardOrder       *order);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdAwardList, td_award_list_free)

G_END_DECLS
