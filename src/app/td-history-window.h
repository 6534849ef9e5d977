#pragma once

#include <adwaita.h>

#include "td-audit.h"
#include "td-database.h"

G_BEGIN_DECLS

#define TD_TYPE_HISTORY_WINDOW (td_history_window_get_type ())

G_DECLARE_FINAL_TYPE (TdHistoryWindow, td_history_window, TD, HISTORY_WINDOW, AdwWindow)

/* The audit trail of one record (@table as in the schema: "people"…),
 * newest first, read-only.  NULL when the trail cannot be read. */
TdHistoryWindow *td_history_window_new      (GtkWindow       *parent,
                                             TdDatabase      *database,
                                             const char      *table,
                                             gint64           row_id,
                                             const char      *record_name,
                                             GError         **error);
guint            td_history_window_get_n_entries (TdHistoryWindow *self);
GtkListBox      *td_history_window_get_list (TdHistoryWindow *self);

/* One change as the window shows it: «Birth year: 1990 → 1991», with the
 * column's label and values made readable (names for ids, dates). */
char            *td_history_format_change   (TdDatabase          *database,
                                             const char          *table,
                                             const char          *action,
                                             const TdAuditChange *change);

G_END_DECLS
