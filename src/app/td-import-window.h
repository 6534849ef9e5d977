#pragma once

#include <adwaita.h>

#include "td-database.h"
#include "td-import.h"

G_BEGIN_DECLS

#define TD_TYPE_IMPORT_WINDOW (td_import_window_get_type ())

G_DECLARE_FINAL_TYPE (TdImportWindow, td_import_window, TD, IMPORT_WINDOW, AdwWindow)

/* The import assistant on the file at @path: read in a thread, then its
 * columns mapped, its rows checked and shown, and written on «Import».
 * @kind, @decision_id (awards), @campaign_id and @year (statistics) are
 * what the page shown suggests; 0 when it has none.  Emits "imported"
 * with the rows added and updated, then closes. */
TdImportWindow *td_import_window_new         (GtkWindow      *parent,
                                              TdDatabase     *database,
                                              const char     *path,
                                              TdImportKind    kind,
                                              gint64          decision_id,
                                              gint64          campaign_id,
                                              int             year);
/* For tests: the import being prepared (NULL while reading or after an
 * error), the reports of its last check (TdItem of TdImportRowReport),
 * and the widgets named "kind", "decision", "campaign", "year", "sheet",
 * "encoding", "header", "update", "skip_errors", "create_units",
 * "import_button", "message" (above the form), "check_message" (the
 * check's failure), "summary", "vn3_banner", "columns", "preview",
 * "status". */
TdImport       *td_import_window_get_import  (TdImportWindow *self);
GListModel     *td_import_window_get_reports (TdImportWindow *self);
GtkWidget      *td_import_window_get_part    (TdImportWindow *self,
                                              const char     *name);
/* The combo row of the file's @column, to choose its field. */
AdwComboRow    *td_import_window_get_column_row (TdImportWindow *self,
                                                 guint           column);

G_END_DECLS
