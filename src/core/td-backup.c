#define G_LOG_DOMAIN "td-backup"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

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

/* «20261129-081502.db», «20261129-081502-2.db» (two in one second), and
 * nothing else: a user's «… (copy).db» is not ours to list or remove. */
static GDateTime *
parse_time (const char *text)
{
  int y, mo, d, h, mi, s;

  if (!g_regex_match_simple ("^[0-9]{8}-[0-9]{6}(-[0-9]{1,3})?\\.db$", text, 0, 0) ||
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

/* The newest N are kept, and the last of each of the N latest days too
 * (a day of many imports does not push out every older day), and never
 * @spared (the backup being restored). */
static void
prune (TdDatabase *db,
       const char *spared)
{
  g_autoptr(GPtrArray) backups = td_backup_list (td_database_get_path (db), NULL);
  guint keep = td_backup_get_keep (db);
  guint days = 0;
  int last_day = -1, last_year = -1;

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      const TdBackupInfo *info = g_ptr_array_index (backups, i);
      int day = g_date_time_get_day_of_year (info->time);
      int year = g_date_time_get_year (info->time);
      gboolean newest_of_day = day != last_day || year != last_year;

      last_day = day;
      last_year = year;
      if (newest_of_day)
        days++;
      if (i < keep || (newest_of_day && days <= keep) || g_strcmp0 (info->path, spared) == 0)
        continue;
      if (g_unlink (info->path) != 0)
        g_debug ("Removing the old backup %s failed: %s", info->path, g_strerror (errno));
    }
}

static gboolean
backup_now (TdDatabase  *db,
            const char  *spared,
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
  prune (db, spared);
  if (made_path != NULL)
    *made_path = g_steal_pointer (&path);
  return TRUE;
}

gboolean
td_backup_now (TdDatabase  *db,
               char       **made_path,
               GError     **error)
{
  return backup_now (db, NULL, made_path, error);
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

/* The highest id of @table in @handle's main database, 0 when it has none
 * or no such table (a backup made before the audit trail). */
static gint64
max_id (sqlite3    *handle,
        const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (id), 0) FROM main.%s", table);
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

/* The audit trail outlives a restore: the rows written since the backup
 * was made (ids above the backup's highest) come from the state before
 * restoring, with their sessions, then the restore itself, by whom. */
static gboolean
carry_trail_over (TdDatabase  *copy,
                  const char  *before_path,
                  gint64       last_session,
                  gint64       last_row,
                  const char  *restored_path,
                  GError     **error)
{
  sqlite3 *handle = td_database_get_handle (copy);
  g_autofree char *restored = g_path_get_basename (restored_path);
  g_autofree char *before = g_path_get_basename (before_path);
  char *sql;
  gboolean ok;

  if (!td_database_exec (copy, "CREATE TEMP TABLE td_session_map (old INTEGER PRIMARY KEY, new INTEGER)", error))
    return FALSE;
  {
    g_autoptr(TdStmt) attach = td_database_prepare (copy, "ATTACH ?1 AS td_before", error);

    if (attach == NULL)
      return FALSE;
    td_bind_text (attach, 1, before_path);
    if (!td_database_step_done (copy, attach, error))
      return FALSE;
  }
  sql = sqlite3_mprintf ("BEGIN IMMEDIATE;"
                         "INSERT INTO td_session_map (old) SELECT id FROM td_before.audit_sessions "
                         " WHERE id > %lld ORDER BY id;"
                         "INSERT INTO main.audit_sessions (actor, host, started) "
                         " SELECT s.actor, s.host, s.started FROM td_session_map m "
                         " JOIN td_before.audit_sessions s ON s.id = m.old ORDER BY m.old;"
                         "UPDATE td_session_map SET new = (SELECT max (id) FROM main.audit_sessions) "
                         " - (SELECT count (*) FROM td_session_map) + "
                         " (SELECT count (*) FROM td_session_map p WHERE p.old <= td_session_map.old);"
                         "INSERT INTO main.audit_log (at, session, actor, host, table_name, row_id, action, "
                         " old_values, new_values) "
                         " SELECT l.at, (SELECT new FROM td_session_map WHERE old = l.session), l.actor, l.host, "
                         "  l.table_name, l.row_id, l.action, l.old_values, l.new_values "
                         " FROM td_before.audit_log l WHERE l.id > %lld ORDER BY l.id;"
                         "INSERT INTO main.audit_sessions (actor, host) VALUES (td_actor (), td_host ());"
                         "INSERT INTO main.audit_log (session, table_name, row_id, action, old_values, new_values) "
                         " VALUES (last_insert_rowid (), 'restore', 0, 'update', "
                         "  json_object ('backup', %Q), json_object ('backup', %Q));"
                         "COMMIT;",
                         (long long) last_session, (long long) last_row, before, restored);
  ok = sqlite3_exec (handle, sql, NULL, NULL, NULL) == SQLITE_OK;
  if (!ok)
    {
      td_database_set_error (copy, error, sqlite3_extended_errcode (handle));
      sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
    }
  sqlite3_free (sql);
  td_database_exec (copy, "DETACH td_before", NULL);
  return ok;
}

/* The backup as it will be once restored, made in a copy beside the
 * backups: brought to this version, the trail carried over.  Nothing of
 * the open file changes until the copy is whole. */
static char *
prepare_copy (const char  *backup_path,
              sqlite3     *source,
              const char  *before_path,
              GError     **error)
{
  g_autofree char *folder = td_backup_folder ();
  g_autofree char *name = g_strdup_printf ("restoring-%d.db", (int) getpid ());
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(TdDatabase) copy = NULL;
  gint64 last_session = max_id (source, "audit_sessions");
  gint64 last_row = max_id (source, "audit_log");
  sqlite3 *target = NULL;
  int rc;

  td_database_remove_files (path);
  rc = sqlite3_open_v2 (path, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    rc = td_database_copy_pages (target, source, NULL);
  if (rc == SQLITE_DONE || rc == SQLITE_OK)
    rc = sqlite3_exec (target, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close_v2 (target);
  if (rc != SQLITE_OK)
    {
      g_autofree char *display = g_filename_display_name (backup_path);

      td_database_remove_files (path);
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_FAILED,
                   _("The backup “%s” could not be copied to be restored: %s. Nothing was restored."),
                   display, sqlite3_errstr (rc));
      return NULL;
    }

  copy = td_database_open (path, TD_DATABASE_OPEN_SHARED | TD_DATABASE_OPEN_COPY, error);
  if (copy == NULL || !carry_trail_over (copy, before_path, last_session, last_row, backup_path, error))
    {
      g_clear_object (&copy);
      td_database_remove_files (path);
      return NULL;
    }
  g_clear_object (&copy);
  return g_steal_pointer (&path);
}

gboolean
td_backup_restore (TdDatabase  *db,
                   const char   *backup_path,
                   GError      **error)
{
  g_autofree char *before_path = NULL;
  g_autofree char *copy_path = NULL;
  sqlite3 *source;
  sqlite3 *copy = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  source = open_backup (backup_path, error);
  if (source == NULL)
    return FALSE;
  if (!backup_now (db, backup_path, &before_path, error))
    {
      g_prefix_error (error, _("Nothing was restored: the present state could not be backed up first. "));
      sqlite3_close_v2 (source);
      return FALSE;
    }
  copy_path = prepare_copy (backup_path, source, before_path, error);
  sqlite3_close_v2 (source);
  if (copy_path == NULL)
    return FALSE;

  rc = sqlite3_open_v2 (copy_path, &copy, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = td_database_copy_pages (td_database_get_handle (db), copy, NULL);
  sqlite3_close_v2 (copy);
  td_database_remove_files (copy_path);
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      td_database_set_error (db, error, rc);
      g_prefix_error (error, _("Nothing was restored: "));
      return FALSE;
    }
  return td_database_reload (db, error);
}
