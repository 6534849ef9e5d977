#pragma once

#include <gtk/gtk.h>

#include "td-import-table.h"

G_BEGIN_DECLS

/* Asks for a CSV, XLSX or XLS file; its path goes to the action
 * @action_name ('s' parameter) of @target. */
void           td_import_choose_file  (GtkWindow           *parent,
                                       GtkWidget           *target,
                                       const char          *action_name);

/* A file dropped on @widget (the first of several) goes to the action
 * @action_name ('s' parameter) of @widget, while that action is enabled. */
void           td_import_add_drop_target (GtkWidget        *widget,
                                          const char       *action_name);

/* td_import_table_read() in a thread (readers touch no database).
 * @progress is called in the main thread, never once @cancellable is
 * cancelled. */
void           td_import_read_async   (const char          *path,
                                       const char          *encoding,
                                       const char          *sheet,
                                       GCancellable        *cancellable,
                                       TdImportProgress     progress,
                                       gpointer             progress_data,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
TdImportTable *td_import_read_finish  (GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
