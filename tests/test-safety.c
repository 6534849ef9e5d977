/* Nothing lost, nothing corrupted: automatic backups and restore, the
 * lock of one writer, read-only files, the audit trail, odd input. */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "td-audit.h"
#include "td-backup.h"
#include "td-person-store.h"
#include "td-test-util.h"
#include "td-undo.h"

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  g_file_get_contents (path, &data, &size, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, size);
}

static TdDatabase *
open_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  TdDatabase *db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return db;
}

static gint64
add_person (TdDatabase *db,
            const char *name)
{
  g_autoptr(TdPerson) person = td_person_new ();
  g_autoptr(GError) error = NULL;

  person->full_name = g_strdup (name);
  td_person_store_insert (db, person, &error);
  g_assert_no_error (error);
  return person->id;
}

static guint
count_people (TdDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = td_person_store_list (db, NULL, 0, &error);

  g_assert_no_error (error);
  return people->len;
}

static void
remove_backups_of (const char *path)
{
  g_autoptr(GPtrArray) backups = td_backup_list (path, NULL);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    g_unlink (((TdBackupInfo *) g_ptr_array_index (backups, i))->path);
}

/* Change, back up, change, restore → the state at the backup, and the
 * state before the restore kept as a backup too. */
static void
test_backup_restore_round_trip (void)
{
  g_autofree char *path = td_test_tmp_path ("round-trip.db");
  g_autoptr(TdDatabase) db = open_path (path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *made = NULL;
  g_autofree char *folder = td_backup_folder ();
  gint64 binh;

  add_person (db, "Nguyễn Văn An");
  td_backup_now (db, &made, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (made, folder));
  g_assert_nonnull (strstr (made + strlen (folder), "round-trip-"));

  binh = add_person (db, "Trần Thị Bình");
  g_assert_cmpuint (count_people (db), ==, 2);

  td_backup_restore (db, made, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_people (db), ==, 1);
  g_assert_false (td_database_can_undo (db));
  /* The trail still tells that Trần Thị Bình was added after the backup. */
  {
    g_autoptr(GPtrArray) history = td_audit_list (db, "people", binh, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (history->len, ==, 1);
    g_assert_cmpstr (((TdAuditEntry *) g_ptr_array_index (history, 0))->action, ==, "insert");
  }

  backups = td_backup_list (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 2);
  /* The newest: the state before restoring, with both people. */
  td_backup_restore (db, ((TdBackupInfo *) g_ptr_array_index (backups, 0))->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_people (db), ==, 2);
  remove_backups_of (path);
}

static void
test_backup_keeps_newest (void)
{
  g_autofree char *path = td_test_tmp_path ("keep.db");
  g_autoptr(TdDatabase) db = open_path (path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;

  td_backup_set_keep (db, 3, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      td_backup_now (db, NULL, &error);
      g_assert_no_error (error);
    }
  backups = td_backup_list (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 3);
  g_assert_false (td_backup_set_keep (db, 0, &error));
  g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_RANGE);
  remove_backups_of (path);
}

/* Opening makes one backup a day; a restore refuses what is no backup. */
static void
test_backup_daily_and_refusals (void)
{
  g_autofree char *path = td_test_tmp_path ("daily.db");
  g_autofree char *junk = td_test_tmp_path ("junk.db");
  g_autoptr(TdDatabase) db = open_path (path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&db);
  db = open_path (path);
  g_clear_object (&db);
  db = open_path (path);
  backups = td_backup_list (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);

  g_file_set_contents (junk, "not a database at all", -1, &error);
  g_assert_no_error (error);
  add_person (db, "Lê Văn Cường");
  g_assert_false (td_backup_restore (db, junk, &error));
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_CORRUPT);
  g_assert_cmpuint (count_people (db), ==, 1);
  remove_backups_of (path);
}

/* A file of an older version is backed up, as it was, before migrating. */
static void
test_backup_before_migration (void)
{
  g_autofree char *path = td_test_tmp_path ("old.db");
  g_autoptr(TdDatabase) db = open_path (path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;

  g_clear_object (&db);
  remove_backups_of (path);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA user_version = 2", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (td_database_get_schema_version (db), ==, TD_SCHEMA_VERSION);
  backups = td_backup_list (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);

  g_assert_cmpint (sqlite3_open (((TdBackupInfo *) g_ptr_array_index (backups, 0))->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);

  /* That backup restored: brought to this version again, the trail kept,
   * the restore on it; with one backup kept, the one restored survives. */
  {
    g_autofree char *older = g_strdup (((TdBackupInfo *) g_ptr_array_index (backups, 0))->path);
    gint64 person = add_person (db, "Mạc Văn Khoa");
    g_autoptr(GPtrArray) history = NULL;
    gint64 trail;

    td_backup_set_keep (db, 1, &error);
    g_assert_no_error (error);
    td_backup_restore (db, older, &error);
    g_assert_no_error (error);
    g_assert_true (g_file_test (older, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (td_database_get_schema_version (db), ==, TD_SCHEMA_VERSION);
    g_assert_cmpuint (count_people (db), ==, 0);
    history = td_audit_list (db, "people", person, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (history->len, ==, 1);
    trail = td_audit_count (db, &error);
    g_assert_no_error (error);
    g_assert_cmpint (trail, >=, 2);
    g_clear_pointer (&history, g_ptr_array_unref);
    history = td_audit_list (db, "restore", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (history->len, ==, 1);
    g_assert_cmpstr (((TdAuditEntry *) g_ptr_array_index (history, 0))->actor, ==, g_get_user_name ());
  }
  remove_backups_of (path);
}

/* A second writer is told who has the file; a lock left by a process
 * that died is taken over. */
static void
test_lock_second_writer (void)
{
  g_autofree char *path = td_test_tmp_path ("lock.db");
  g_autoptr(TdDatabase) first = open_path (path);
  g_autoptr(TdDatabase) second = NULL;
  g_autoptr(TdDatabase) reader = NULL;
  g_autoptr(GError) error = NULL;

  second = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_null (second);
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, g_get_user_name ()));
  g_assert_nonnull (strstr (error->message, g_get_host_name ()));
  g_clear_error (&error);

  reader = td_database_open (path, TD_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (td_database_get_read_only (reader));
  g_assert_cmpuint (count_people (reader), ==, 0);

  g_clear_object (&first);
  second = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (td_database_get_lock_was_stale (second));
  remove_backups_of (path);
}

static void
test_lock_stale_taken_over (void)
{
  g_autofree char *path = td_test_tmp_path ("stale.db");
  g_autoptr(TdDatabase) db = open_path (path);
  g_autoptr(GError) error = NULL;
  int ready[2];
  char byte;
  pid_t child;
  int status;

  g_clear_object (&db);
  g_assert_cmpint (pipe (ready), ==, 0);
  child = fork ();
  if (child == 0)
    {
      TdDatabase *held = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, NULL);

      byte = held != NULL ? 'y' : 'n';
      if (write (ready[1], &byte, 1) != 1)
        _exit (2);
      pause ();
      _exit (0);
    }
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  g_assert_cmpint (byte, ==, 'y');

  db = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_IN_USE);
  g_clear_error (&error);

  kill (child, SIGKILL);
  waitpid (child, &status, 0);
  db = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (td_database_get_lock_was_stale (db));
  close (ready[0]);
  close (ready[1]);
  remove_backups_of (path);
}

/* A file that cannot be written opens read-only: every write refused, the
 * bytes unchanged. */
static void
test_read_only_file (void)
{
  g_autofree char *path = td_test_tmp_path ("read-only.db");
  g_autoptr(TdDatabase) db = open_path (path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPerson) person = td_person_new ();

  add_person (db, "Phạm Văn Dũng");
  g_clear_object (&db);
  before = read_file (path);

  g_setenv ("THIDUA_SIMULATE", "read-only", TRUE);
  db = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);
  g_unsetenv ("THIDUA_SIMULATE");
  g_assert_no_error (error);
  g_assert_true (td_database_get_read_only (db));
  g_assert_cmpuint (count_people (db), ==, 1);
  person->full_name = g_strdup ("Không được ghi");
  g_assert_false (td_person_store_insert (db, person, &error));
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_READ_ONLY);
  g_clear_object (&db);

  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  remove_backups_of (path);
}

static void
test_unreadable_and_network (void)
{
  g_autofree char *path = td_test_tmp_path ("conditions.db");
  g_autoptr(TdDatabase) db = open_path (path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (td_database_get_network (db));
  g_clear_object (&db);
  before = read_file (path);

  g_setenv ("THIDUA_SIMULATE", "unreadable", TRUE);
  db = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_UNREADABLE);
  g_clear_error (&error);

  g_setenv ("THIDUA_SIMULATE", "network", TRUE);
  db = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);
  g_unsetenv ("THIDUA_SIMULATE");
  g_assert_no_error (error);
  g_assert_true (td_database_get_network (db));
  g_assert_false (td_database_get_wal (db));
  g_clear_object (&db);

  after = read_file (path);
  g_assert_cmpuint (g_bytes_get_size (after), ==, g_bytes_get_size (before));
  remove_backups_of (path);
}

/* Who changed what, when: kept by the file, never editable. */
static void
test_audit_trail (void)
{
  g_autofree char *path = td_test_tmp_path ("audit.db");
  g_autoptr(TdDatabase) db = open_path (path);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPerson) person = NULL;
  const TdAuditEntry *newest, *oldest;
  sqlite3 *raw = NULL;
  gint64 id = add_person (db, "Hoàng Văn Em");

  person = td_person_store_get (db, id, &error);
  g_assert_no_error (error);
  person->birth_year = 1980;
  td_person_store_update (db, person, &error);
  g_assert_no_error (error);
  td_person_store_delete (db, id, &error);
  g_assert_no_error (error);
  td_database_undo (db, &error);
  g_assert_no_error (error);

  history = td_audit_list (db, "people", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 4);
  newest = g_ptr_array_index (history, 0);
  oldest = g_ptr_array_index (history, 3);
  g_assert_cmpstr (newest->action, ==, "insert");
  g_assert_cmpstr (((TdAuditEntry *) g_ptr_array_index (history, 1))->action, ==, "delete");
  g_assert_cmpstr (oldest->action, ==, "insert");
  g_assert_cmpstr (oldest->actor, ==, g_get_user_name ());
  g_assert_cmpstr (oldest->host, ==, g_get_host_name ());
  {
    const TdAuditEntry *update = g_ptr_array_index (history, 2);
    const TdAuditChange *change;

    g_assert_cmpstr (update->action, ==, "update");
    g_assert_cmpuint (update->changes->len, ==, 1);
    change = g_ptr_array_index (update->changes, 0);
    g_assert_cmpstr (change->field, ==, "birth_year");
    g_assert_null (change->old_value);
    g_assert_cmpstr (change->new_value, ==, "1980");
  }
  /* The highest id deleted and given again to someone else: a history of
   * its own. */
  {
    g_autoptr(GPtrArray) reused = NULL;
    gint64 last = add_person (db, "Vương Văn Cũ");
    gint64 again;

    td_person_store_delete (db, last, &error);
    g_assert_no_error (error);
    again = add_person (db, "Quách Thị Mới");
    g_assert_cmpint (again, ==, last);
    reused = td_audit_list (db, "people", again, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (reused->len, ==, 1);
    g_assert_cmpstr (((TdAuditEntry *) g_ptr_array_index (reused, 0))->action, ==, "insert");
  }
  g_clear_object (&db);

  /* Another program writes: recorded without a user; it cannot rewrite
   * or delete the trail. */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "INSERT INTO people (full_name) VALUES ('Từ Công Phụng')", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE audit_log SET actor = 'ai đó'", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "DELETE FROM audit_log", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE audit_log SET new_values = '{}' WHERE actor IS NULL", NULL, NULL, NULL), !=, SQLITE_OK);
  /* Nor pass for the program's user. */
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE audit_log SET actor = 'ai đó' WHERE actor IS NULL AND session IS NULL", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "INSERT INTO audit_sessions (actor, host) VALUES ('ketoan', 'may-1')", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "INSERT INTO audit_current (one, session) VALUES (1, 1)", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "DELETE FROM audit_sessions", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (raw);

  db = open_path (path);
  {
    g_autoptr(GPtrArray) people = td_person_store_list (db, "Từ Công Phụng", 0, &error);
    g_autoptr(GPtrArray) outside = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (people->len, ==, 1);
    outside = td_audit_list (db, "people", ((TdPerson *) g_ptr_array_index (people, 0))->id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (outside->len, ==, 1);
    g_assert_null (((TdAuditEntry *) g_ptr_array_index (outside, 0))->actor);
  }
  remove_backups_of (path);
}

/* Long and odd text: stored whole, NFC, without control characters. */
static void
test_odd_input (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPerson) person = td_person_new ();
  g_autoptr(TdPerson) read = NULL;
  g_autoptr(GString) long_note = g_string_new (NULL);

  while (long_note->len < 100000)
    g_string_append (long_note, "Thành tích xuất sắc 🎖 ");
  /* «Nguyễn» typed with combining marks (NFD), an emoji, controls from Word. */
  person->full_name = g_strdup ("Nguye\xcc\x82\xcc\x83n Va\xcc\x86n \x0b\x01Tu\xcc\x9b\xcc\x81 \xf0\x9f\x8c\xb8");
  person->note = g_strdup (long_note->str);
  td_person_store_insert (db, person, &error);
  g_assert_no_error (error);
  read = td_person_store_get (db, person->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->full_name, ==, "Nguyễn Văn Tứ 🌸");
  g_assert_cmpuint (strlen (read->note), >=, 100000 - 40);
}

int
main (int    argc,
      char **argv)
{
  td_test_init (&argc, &argv);

  g_test_add_func ("/safety/backup/restore-round-trip", test_backup_restore_round_trip);
  g_test_add_func ("/safety/backup/keeps-the-newest", test_backup_keeps_newest);
  g_test_add_func ("/safety/backup/daily-and-refusals", test_backup_daily_and_refusals);
  g_test_add_func ("/safety/backup/before-migrating", test_backup_before_migration);
  g_test_add_func ("/safety/lock/second-writer-told-who", test_lock_second_writer);
  g_test_add_func ("/safety/lock/stale-taken-over", test_lock_stale_taken_over);
  g_test_add_func ("/safety/open/read-only-file", test_read_only_file);
  g_test_add_func ("/safety/open/unreadable-and-network", test_unreadable_and_network);
  g_test_add_func ("/safety/audit/trail", test_audit_trail);
  g_test_add_func ("/safety/input/long-and-odd", test_odd_input);

  return td_test_run ();
}
