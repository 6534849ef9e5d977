#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Asks which backup of the file at @db_path to restore, newest first; the
 * answer activates @action (a path parameter: «win.restore-from») on
 * @parent.  NULL when the backups cannot be listed. */
AdwMessageDialog *td_backup_dialog_new (GtkWindow   *parent,
                                        const char  *db_path,
                                        const char  *action,
                                        GError     **error);

G_END_DECLS
