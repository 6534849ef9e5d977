#pragma once

#include "td-database.h"

G_BEGIN_DECLS

/* Automatic backups (SQLite's online backup, never a file copy) in
 * $XDG_DATA_HOME/thidua/backups, named after the database file and the
 * time: when a file is opened (once a day), before a migration, an
 * import or a restore, and when asked.  The newest N of each file are
 * kept (setting backup.keep, default 30). */

#define TD_BACKUP_KEEP_DEFAULT 30

typedef struct
{
  char      *path;
  GDateTime *time;   /* local time it was made */
  goffset    size;
} TdBackupInfo;

void        td_backup_info_free  (TdBackupInfo  *info);

char       *td_backup_folder     (void);
guint       td_backup_get_keep   (TdDatabase    *db);
gboolean    td_backup_set_keep   (TdDatabase    *db,
                                  guint          keep,
                                  GError       **error);

/* A backup now, then the oldest beyond the kept number removed.  The path
 * made in *@made_path when not NULL. */
gboolean    td_backup_now        (TdDatabase    *db,
                                  char         **made_path,
                                  GError       **error);
/* A backup unless one was made today. */
gboolean    td_backup_daily      (TdDatabase    *db,
                                  GError       **error);
/* The backups of the database at @db_path, newest first. */
GPtrArray  *td_backup_list       (const char    *db_path,
                                  GError       **error);
/* Replaces the whole content of @db with the backup's, after a backup of
 * the state before; the undo history is forgotten. */
gboolean    td_backup_restore    (TdDatabase    *db,
                                  const char    *backup_path,
                                  GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdBackupInfo, td_backup_info_free)

G_END_DECLS
