#pragma once

#include <gtk/gtk.h>

#include "td-import.h"

G_BEGIN_DECLS

#define TD_TYPE_IMPORT_PREVIEW (td_import_preview_get_type ())

G_DECLARE_FINAL_TYPE (TdImportPreview, td_import_preview, TD, IMPORT_PREVIEW, GtkBox)

/* The rows of a file as td_import_check() found them: a summary of the
 * counts, then a table of line, state, record and message. */
GtkWidget  *td_import_preview_new         (void);
/* Takes the reports out of @reports (NULL: none); @error, the check's
 * failure, is shown instead of the table. */
void        td_import_preview_set_reports (TdImportPreview  *self,
                                           GPtrArray        *reports,
                                           const GError     *error);
/* Why the import cannot be done yet, in red under the summary; NULL hides it. */
void        td_import_preview_set_hint    (TdImportPreview  *self,
                                           const char       *hint);
guint       td_import_preview_count       (TdImportPreview  *self,
                                           TdImportRowState  state);
gboolean    td_import_preview_has_error   (TdImportPreview  *self);
GListModel *td_import_preview_get_reports (TdImportPreview  *self);
GtkWidget  *td_import_preview_get_summary (TdImportPreview  *self);
GtkWidget  *td_import_preview_get_message (TdImportPreview  *self);

G_END_DECLS
