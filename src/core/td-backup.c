#define G_LOG_DOMAIN "td-backup"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "td-backup.h"
#include "td-database-private.h"
#include "td-settings-store.h"

#define KEEP_KEY "backup.keep"
#define TIME_FORMAT "%Y%m%d-%H%M%S"

void
td_backup_info_free (TdBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_clear_pointer (&info->time, g_date_time_unref);
  g_free (info);
}

char *
td_backup_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "thidua", "backups", NULL);
}

/* «thidua-1a2b3c4d-»: the file's name without .db, and a hash of its
 * whole path, so two «thidua.db» in different folders keep apart. */
static char *
backup_prefix (const char *db_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (db_path);
  g_autofree char *absolute = g_file_get_path (file);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, absolute, -1);

  if (g_str_has_suffix (base, ".db"))
    base[strlen (base) - 3] = '\0';
  hash[8] = '\0';
  return g_strdup_printf ("%s-%s-", base, hash);
}

guint
td_backup_get_keep (TdDatabase *db)
{
  g_autofree char *text = td_settings_store_get (db, KEEP_KEY, NULL);
  guint64 keep = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, 1000, &keep, NULL))
    return TD_BACKUP_KEEP_DEFAULT;
  return (guint) keep;
}

gboolean
td_backup_set_keep (TdDatabase  *db,
                    guint        keep,
                    GError     **error)
{
  g_autofree char *text = NULL;

  if (keep < 1 || keep > 1000)
    {
      td_set_field_error (error, TD_FIELD_ERROR_RANGE, KEEP_KEY,
                          _("Keep between 1 and 1000 backups."));
      return FALSE;
    }
  text = g_strdup_printf ("%u", keep);
  return td_settings_store_set (db, KEEP_KEY, text, error);
}

/* The n of a second backup made in the same second: «…-081502-2.db». */
static guint
same_second_number (const char *path)
{
  const char *dash = strrchr (path, '-');
  guint64 n = 1;

  if (dash == NULL || !g_str_has_suffix (dash, ".db"))
    return 1;
  if (strlen (dash) > 4 && g_ascii_isdigit (dash[1]) && strlen (dash) - 4 <= 3)
    {
      g_autofree char *digits = g_strndup (dash + 1, strlen (dash) - 4);

      g_ascii_string_to_unsigned (digits, 10, 1, 999, &n, NULL);
    }
  return (guint) n;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const TdBackupInfo *x = *(TdBackupInfo * const *) a;
  const TdBackupInfo *y = *(TdBackupInfo * const *) b;
  int order = g_date_time_compare (y->time, x->time);

  if (order != 0)
    return order;
  return (int) same_second_number (y->path) - (int) same_second_number (x->path);
}

/* «20261129-081502» (and «-2» when two were made in one second). */
static GDateTime *
parse_time (const char *text)
{
  int y, mo, d, h, mi, s;

  if (strlen (text) < 15 ||
      sscanf (text, "%4d%2d%2d-%2d%2d%2d", &y, &mo, &d, &h, &mi, &s) != 6)
    return NULL;
  return g_date_time_new_local (y, mo, d, h, mi, s);
}

GPtrArray *
td_backup_list (const char  *db_path,
                GError     **error)
{
  g_autofree char *folder = td_backup_folder ();
  g_autofree char *prefix = backup_prefix (db_path);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) td_backup_info_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&found);
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_FAILED,
                   _("The backups cannot be listed: %s."), local_error->message);
      return NULL;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GDateTime) time = NULL;
      TdBackupInfo *info;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".db"))
        continue;
      time = parse_time (name + strlen (prefix));
      if (time == NULL)
        continue;
      info = g_new0 (TdBackupInfo, 1);
      info->path = g_build_filename (folder, name, NULL);
      info->time = g_steal_pointer (&time);
      info->size = g_stat (info->path, &st) == 0 ? st.st_size : 0;
      g_ptr_array_add (found, info);
    }
  g_ptr_array_sort (found, compare_newest_first);
  return g_steal_pointer (&found);
}

static void
prune (TdDatabase *db)
{
  g_autoptr(GPtrArray) backups = td_backup_list (td_database_get_path (db), NULL);
  guint keep = td_backup_get_keep (db);

  for (guint i = keep; backups != NULL && i < backups->len; i++)
    {
      const TdBackupInfo *info = g_ptr_array_index (backups, i);

      if (g_unlink (info->path) != 0)
        g_debug ("Removing the old backup %s failed: %s", info->path, g_strerror (errno));
    }
}

gboolean
td_backup_now (TdDatabase  *db,
               char       **made_path,
               GError     **error)
{
  g_autofree char *folder = td_backup_folder ();
  g_autofree char *prefix = backup_prefix (td_database_get_path (db));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, TIME_FORMAT);
  g_autofree char *path = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_FAILED,
                   _("The backup folder “%s” cannot be made: %s."), display, g_strerror (saved));
      return FALSE;
    }
  for (guint n = 1; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s%s.db", prefix, stamp)
                                     : g_strdup_printf ("%s%s-%u.db", prefix, stamp, n);

      g_free (path);
      path = g_build_filename (folder, name, NULL);
    }
  if (!td_database_backup (db, path, error))
    return FALSE;
  prune (db);
  if (made_path != NULL)
    *made_path = g_steal_pointer (&path);
  return TRUE;
}

gboolean
td_backup_daily (TdDatabase  *db,
                 GError     **error)
{
  g_autoptr(GPtrArray) backups = td_backup_list (td_database_get_path (db), error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (backups == NULL)
    return FALSE;
  if (backups->len > 0)
    {
      const TdBackupInfo *newest = g_ptr_array_index (backups, 0);

      if (g_date_time_get_year (newest->time) == g_date_time_get_year (now) &&
          g_date_time_get_day_of_year (newest->time) == g_date_time_get_day_of_year (now))
        return TRUE;
    }
  return td_backup_now (db, NULL, error);
}

/* The backup must be a whole Thi Đua database this version can read. */
static sqlite3 *
open_backup (const char  *path,
             GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  sqlite3 *source = NULL;
  sqlite3_stmt *stmt = NULL;
  int app_id = 0, version = 0;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (path, &source, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (source, "SELECT application_id, user_version FROM pragma_application_id, pragma_user_version",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      app_id = sqlite3_column_int (stmt, 0);
      version = sqlite3_column_int (stmt, 1);
    }
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (app_id == TD_APPLICATION_ID && version <= TD_SCHEMA_VERSION &&
      sqlite3_prepare_v2 (source, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  if (!ok)
    {
      sqlite3_close_v2 (source);
      if (app_id == TD_APPLICATION_ID && version > TD_SCHEMA_VERSION)
        g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NEWER,
                     _("The backup “%s” was made by a newer version of Thi Đua. Update Thi Đua to restore it."),
                     display);
      else
        g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_CORRUPT,
                     _("“%s” is not a whole Thi Đua backup (damaged, or another kind of file). Choose another backup."),
                     display);
      return NULL;
    }
  return source;
}

/* The audit trail outlives a restore: the rows written since the backup
 * was made come back from the backup of the state before restoring (the
 * ids of one file only grow, so they are those after the backup's last). */
static gboolean
carry_trail_over (TdDatabase  *db,
                  const char  *before_path,
                  GError     **error)
{
  g_autoptr(TdStmt) attach = td_database_prepare (db, "ATTACH ?1 AS td_before", error);
  gboolean ok;

  if (attach == NULL)
    return FALSE;
  td_bind_text (attach, 1, before_path);
  if (!td_database_step_done (db, attach, error))
    return FALSE;
  ok = td_database_exec (db,
                         "BEGIN IMMEDIATE;"
                         "INSERT OR IGNORE INTO main.audit_sessions (id, actor, host, started) "
                         " SELECT id, actor, host, started FROM td_before.audit_sessions "
                         " WHERE id > (SELECT coalesce (max (id), 0) FROM main.audit_sessions);"
                         "INSERT OR IGNORE INTO main.audit_log (id, at, session, actor, host, table_name, "
                         " row_id, action, old_values, new_values) "
                         " SELECT id, at, session, actor, host, table_name, row_id, action, old_values, new_values "
                         " FROM td_before.audit_log "
                         " WHERE id > (SELECT coalesce (max (id), 0) FROM main.audit_log);"
                         "COMMIT;",
                         error);
  if (!ok)
    td_database_exec (db, "ROLLBACK", NULL);
  td_database_exec (db, "DETACH td_before", NULL);
  return ok;
}

gboolean
td_backup_restore (TdDatabase  *db,
                   const char   *backup_path,
                   GError      **error)
{
  g_autofree char *before_path = NULL;
  sqlite3 *source;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  source = open_backup (backup_path, error);
  if (source == NULL)
    return FALSE;
  if (!td_backup_now (db, &before_path, error))
    {
      g_prefix_error (error, _("Nothing was restored: the present state could not be backed up first. "));
      sqlite3_close_v2 (source);
      return FALSE;
    }

  backup = sqlite3_backup_init (td_database_get_handle (db), "main", source, "main");
  if (backup == NULL)
    rc = sqlite3_errcode (td_database_get_handle (db));
  else
    {
      do
        rc = sqlite3_backup_step (backup, -1);
      while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
      sqlite3_backup_finish (backup);
    }
  sqlite3_close_v2 (source);
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      td_database_set_error (db, error, rc);
      return FALSE;
    }
  return td_database_reload (db, error) && carry_trail_over (db, before_path, error);
}
