#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>

#include <glib/gstdio.h>

#include "td-person-store.h"
#include "td-test-util.h"
#include "td-text.h"

static void
write_file (const char *path,
            const void *data,
            gsize       size)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
}

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

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (handle);
}

static int
raw_try (const char *path,
         const char *sql)
{
  sqlite3 *handle = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  sqlite3_exec (handle, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  rc = sqlite3_exec (handle, sql, NULL, NULL, NULL);
  sqlite3_close (handle);
  return rc;
}

/* Opening @path must fail with @code and leave every byte as it was. */
static void
assert_refused_unchanged (const char *path,
                          int         code,
                          const char *fragment)
{
  g_autoptr(GBytes) before = read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDatabase) db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (db);
  g_assert_error (error, TD_DATABASE_ERROR, code);
  if (fragment != NULL)
    g_assert_nonnull (strstr (error->message, fragment));
  g_assert_null (strchr (error->message, '\n'));
  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_open_creates (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = td_test_tmp_path ("new.db");
  g_autoptr(TdDatabase) db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_true (td_database_get_created (db));
  g_assert_cmpint (td_database_get_schema_version (db), ==, TD_SCHEMA_VERSION);
  g_clear_object (&db);

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA application_id", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, TD_APPLICATION_ID);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT count(*) FROM base_salaries", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 6);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  /* Opening again migrates nothing and keeps the data. */
  db = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (td_database_get_created (db));
}

static void
test_open_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = td_test_tmp_path ("missing.db");
  g_autofree char *nested = td_test_tmp_path ("no-such-folder/x.db");
  g_autoptr(TdDatabase) db = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);

  g_assert_null (db);
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  db = td_database_open (nested, TD_DATABASE_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NO_FOLDER);
}

static void
test_open_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = td_test_tmp_path ("folder.db");
  g_autoptr(TdDatabase) db = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_IS_FOLDER);
}

static void
test_open_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = td_test_tmp_path ("empty.db");
  g_autoptr(TdDatabase) db = NULL;

  write_file (path, "", 0);
  db = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_EMPTY);
  g_clear_error (&error);

  /* Only a user who asked to create a database gets one. */
  db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (td_database_get_created (db));
}

static void
test_refuses_text (void)
{
  g_autofree char *path = td_test_tmp_path ("notes.txt");
  const char *text = "Danh sách khen thưởng năm 2018\nNguyễn Văn An\n";

  write_file (path, text, strlen (text));
  assert_refused_unchanged (path, TD_DATABASE_ERROR_NOT_DATABASE, NULL);
}

static void
test_refuses_random (void)
{
  g_autofree char *path = td_test_tmp_path ("random.db");
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 bytes[8192];

  for (gsize i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  write_file (path, bytes, sizeof bytes);
  assert_refused_unchanged (path, TD_DATABASE_ERROR_NOT_DATABASE, NULL);

  /* Random bytes behind a valid magic string are not ours either. */
  memcpy (bytes, "SQLite format 3", 16);
  write_file (path, bytes, sizeof bytes);
  assert_refused_unchanged (path, TD_DATABASE_ERROR_FOREIGN, NULL);
}

static void
test_refuses_foreign (void)
{
  g_autofree char *path = td_test_tmp_path ("other.sqlite");

  raw_exec (path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Lê Văn Tám');");
  assert_refused_unchanged (path, TD_DATABASE_ERROR_FOREIGN, NULL);
}

static void
test_refuses_newer (void)
{
  g_autofree char *path = td_test_tmp_path ("newer.db");
  g_autoptr(TdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  raw_exec (path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 7;");
  assert_refused_unchanged (path, TD_DATABASE_ERROR_NEWER, "7");
}

static void
test_refuses_truncated (void)
{
  g_autofree char *path = td_test_tmp_path ("cut.db");
  g_autoptr(TdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) whole = NULL;
  gsize size;

  db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  raw_exec (path, "PRAGMA journal_mode = DELETE;");

  whole = read_file (path);
  size = g_bytes_get_size (whole);
  g_assert_cmpuint (size, >=, 4 * 4096);

  /* Cut on a page boundary (only the header's page count tells) and
   * in the middle of a page. */
  write_file (path, g_bytes_get_data (whole, NULL), size / 2 / 4096 * 4096);
  assert_refused_unchanged (path, TD_DATABASE_ERROR_TRUNCATED, NULL);
  write_file (path, g_bytes_get_data (whole, NULL), size / 2 + 100);
  assert_refused_unchanged (path, TD_DATABASE_ERROR_TRUNCATED, NULL);
}

static void
test_constraints (void)
{
  g_autofree char *path = td_test_tmp_path ("rules.db");
  g_autoptr(TdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  const char *refused[] = {
    "INSERT INTO units (name) VALUES (NULL)",
    "INSERT INTO people (full_name) VALUES (NULL)",
    "INSERT INTO people (full_name, birth_year) VALUES ('A', 1899)",
    "INSERT INTO people (full_name, gender) VALUES ('A', 'other')",
    "INSERT INTO people (full_name, unit_id) VALUES ('A', 999)",
    "INSERT INTO campaigns (title) VALUES (NULL)",
    "INSERT INTO indicators (campaign_id, name) VALUES (1, NULL)",
    "INSERT INTO indicator_values (indicator_id, unit_id, year, value) VALUES (1, 1, 1944, 3)",
    "INSERT INTO indicator_values (indicator_id, unit_id, year, value) VALUES (1, 1, 2018, -1)",
    "INSERT INTO decisions (date) VALUES (NULL)",
    "INSERT INTO decisions (date, year) VALUES ('2019-01-15', 2201)",
    "INSERT INTO awards (decision_id, form_id, unit_id, amount) VALUES (1, 1, 1, -5)",
    "INSERT INTO awards (decision_id, form_id, unit_id, person_id, amount) VALUES (1, 1, 1, 1, 5)",
    "INSERT INTO awards (decision_id, form_id, amount) VALUES (1, 1, 5)",
    "INSERT INTO awards (decision_id, form_id, unit_id) VALUES (1, 1, 1)",
    "INSERT INTO base_salaries (effective_from, amount) VALUES ('2030-01-01', -1)",
  };

  db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  /* What outside tools may do with plain SQL, naming only what matters. */
  g_assert_cmpint (raw_try (path,
                            "INSERT INTO units (id, name) VALUES (1, 'Xã Hoành Mô');"
                            "INSERT INTO people (id, full_name) VALUES (1, 'Đặng Văn Tư');"
                            "INSERT INTO campaigns (id, title) VALUES (1, 'Phong trào');"
                            "INSERT INTO indicators (id, campaign_id, name) VALUES (1, 1, 'Tuyên truyền');"
                            "INSERT INTO indicator_values (indicator_id, unit_id, year, value) VALUES (1, 1, 2018, 3);"
                            "INSERT INTO decisions (id, date) VALUES (1, '2019-01-15');"
                            "INSERT INTO awards (decision_id, form_id, person_id, amount) VALUES (1, 1, 1, 1390000);"),
                   ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("%s", refused[i]);
      g_assert_cmpint (raw_try (path, refused[i]), !=, SQLITE_OK);
    }
}

static void
test_derived_rebuilt (void)
{
  g_autofree char *path = td_test_tmp_path ("outside.db");
  g_autoptr(TdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  raw_exec (path, "INSERT INTO people (full_name) VALUES ('Đặng Huy Hậu'), ('Nguyễn Thị Bình');");

  db = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  found = td_person_store_list (db, "dang huy", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  g_clear_object (&db);

  /* A rename behind our back makes the derived data stale. */
  raw_exec (path, "UPDATE people SET full_name = 'Đỗ Thị Bình' WHERE full_name = 'Nguyễn Thị Bình';");
  db = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  found = td_person_store_list (db, "do thi", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = td_person_store_list (db, "nguyen", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_backup (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(TdDatabase) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = td_test_tmp_path ("backup.db");
  g_autofree char *nowhere = td_test_tmp_path ("missing/backup.db");
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) copied = NULL;

  g_assert_true (td_database_backup (db, out, &error));
  g_assert_no_error (error);
  copy = td_database_open (out, TD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  people = td_person_store_list (db, NULL, 0, &error);
  copied = td_person_store_list (copy, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, copied->len);
  g_assert_cmpuint (people->len, >=, 12);

  g_assert_false (td_database_backup (db, td_database_get_path (db), &error));
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (td_database_backup (db, nowhere, &error));
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NO_FOLDER);
}

static void
test_check (void)
{
  g_autofree char *path = td_test_tmp_path ("check.db");
  g_autoptr(TdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (td_database_check (db, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* An outside tool that wrote without foreign keys. */
  raw_exec (path, "PRAGMA foreign_keys = OFF; INSERT INTO people (full_name, unit_id) VALUES ('Lò Văn Pá', 77);");
  g_assert_true (td_database_check (db, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "people"));
}

static void
test_nested_transactions (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(TdPerson) kept = td_person_new ();
  g_autoptr(TdPerson) dropped = td_person_new ();

  kept->full_name = g_strdup ("Hoàng Văn Kiên");
  dropped->full_name = g_strdup ("Vi Thị Mai");

  g_assert_true (td_database_begin (db, &error));
  g_assert_true (td_person_store_insert (db, kept, &error));
  g_assert_true (td_database_begin (db, &error));
  g_assert_true (td_person_store_insert (db, dropped, &error));
  td_database_rollback (db);
  g_assert_true (td_database_commit (db, &error));
  g_assert_no_error (error);

  people = td_person_store_list (db, NULL, 0, &error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (((TdPerson *) g_ptr_array_index (people, 0))->full_name, ==, "Hoàng Văn Kiên");
}

static void
assert_missing (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
    }
}

/* As under «ulimit -f 40»: a write past the limit fails with EFBIG
 * instead of killing the process.  Above 32 KB: SQLite's WAL index. */
static void
limit_file_size (void)
{
  struct rlimit limit = { 40 * 1024, 40 * 1024 };

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
}

/* A database that cannot be created whole is not created at all. */
static void
test_failed_create_leaves_nothing (void)
{
  g_autofree char *path = td_test_tmp_path ("limited.db");
  g_autofree char *empty = td_test_tmp_path ("given-empty.db");

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TdDatabase) db = NULL;

      write_file (empty, "", 0);
      limit_file_size ();
      db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);
      g_assert_null (db);
      g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_DISK_FULL);
      g_assert_null (strchr (error->message, '\n'));
      assert_missing (path);
      g_clear_error (&error);

      /* An empty file we were given stays, empty. */
      db = td_database_open (empty, TD_DATABASE_OPEN_CREATE, &error);
      g_assert_null (db);
      g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_DISK_FULL);
      {
        g_autoptr(GBytes) after = read_file (empty);
        g_autofree char *wal = g_strconcat (empty, "-wal", NULL);

        g_assert_cmpuint (g_bytes_get_size (after), ==, 0);
        g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      }
      return;
    }

  /* In a child: the limit, and any warning (fatal here), stay there. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* Another program in the middle of a write does not stop us from
 * opening and reading the file (WAL): opening takes no write lock when
 * there is nothing to rebuild. */
static void
test_open_while_other_writes (void)
{
  g_autofree char *path = td_test_tmp_path ("busy.db");
  g_autoptr(TdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  sqlite3 *other = NULL;

  db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (td_database_get_wal (db));
  g_clear_object (&db);
  raw_exec (path, "INSERT INTO people (full_name) VALUES ('Hoàng Văn Kiên')");
  db = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; UPDATE settings SET value = value",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  db = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  people = td_person_store_list (db, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

/* Keys made by an older program (one ICU key over «given middle family»)
 * are rebuilt, although the names did not change. */
static void
test_old_keys_rebuilt (void)
{
  g_autofree char *path = td_test_tmp_path ("old-keys.db");
  g_autoptr(TdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  const char *names[] = { "Lê Thị Ánh", "Trần Văn Anh" };
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "INSERT INTO people (full_name, search_text, sort_key, derived_from) "
                                       "VALUES (?1, ?2, ?3, ?1 || char(31) || char(31))",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *folded = td_text_fold (names[i]);
      g_autofree char *reordered = td_text_name_for_sort (names[i]);
      g_autoptr(GBytes) key = td_text_sort_key (reordered);

      sqlite3_bind_text (stmt, 1, names[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, folded, -1, SQLITE_TRANSIENT);
      sqlite3_bind_blob (stmt, 3, g_bytes_get_data (key, NULL), (int) g_bytes_get_size (key), SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  db = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  people = td_person_store_list (db, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpstr (((TdPerson *) g_ptr_array_index (people, 0))->full_name, ==, "Trần Văn Anh");
  g_assert_cmpstr (((TdPerson *) g_ptr_array_index (people, 1))->full_name, ==, "Lê Thị Ánh");
}

static void
test_open_through_file (void)
{
  g_autofree char *notes = td_test_tmp_path ("notes.txt");
  g_autofree char *path = g_build_filename (notes, "x.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDatabase) db = NULL;

  write_file (notes, "ghi chú", strlen ("ghi chú"));
  db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NO_FOLDER);
  g_assert_nonnull (strstr (error->message, "is a file, not a folder"));
  g_clear_error (&error);

  db = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NO_FOLDER);
  g_assert_nonnull (strstr (error->message, "is a file, not a folder"));
}

/* The backup must fail on @out with @code, leaving @out as it was. */
static void
assert_backup_refused (TdDatabase *db,
                       const char *out,
                       int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  GStatBuf st;
  gboolean regular = g_stat (out, &st) == 0 && S_ISREG (st.st_mode);

  g_test_message ("backup to %s", out);
  if (regular)
    before = read_file (out);
  g_assert_false (td_database_backup (db, out, &error));
  g_assert_error (error, TD_DATABASE_ERROR, code);
  g_assert_null (strchr (error->message, '\n'));
  if (regular)
    {
      g_autoptr(GBytes) after = read_file (out);

      g_assert_true (g_bytes_equal (before, after));
    }
}

static void
test_backup_refuses (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GError) error = NULL;
  const char *path = td_database_get_path (db);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *notes = td_test_tmp_path ("notes.txt");
  g_autofree char *fifo = td_test_tmp_path ("pipe");
  g_autofree char *device = td_test_tmp_path ("null");
  g_autofree char *folder_link = td_test_tmp_path ("same-folder");
  g_autofree char *hard = td_test_tmp_path ("hard-link.db");
  g_autofree char *older = td_test_tmp_path ("older-backup.db");
  g_autofree char *through_link = NULL;
  g_autofree char *journal_through_link = NULL;
  const char *sidecars[] = { "-wal", "-shm", "-journal" };
  const char *text = "Danh sách khen thưởng\n";

  /* Devices and pipes are no backup files.  The device is named through
   * a link of our own, so that a broken backup cannot replace /dev/null. */
  g_assert_cmpint (symlink ("/dev/null", device), ==, 0);
  assert_backup_refused (db, device, TD_DATABASE_ERROR_FAILED);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_backup_refused (db, fifo, TD_DATABASE_ERROR_FAILED);

  /* A file of something else is not replaced. */
  write_file (notes, text, strlen (text));
  assert_backup_refused (db, notes, TD_DATABASE_ERROR_FOREIGN);

  /* Neither the database nor its companion files, whatever the path. */
  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *own = g_strconcat (path, sidecars[i], NULL);

      assert_backup_refused (db, own, TD_DATABASE_ERROR_FAILED);
    }
  g_assert_cmpint (symlink (folder, folder_link), ==, 0);
  through_link = g_build_filename (folder_link, name, NULL);
  assert_backup_refused (db, through_link, TD_DATABASE_ERROR_FAILED);
  journal_through_link = g_strconcat (through_link, "-journal", NULL);
  assert_backup_refused (db, journal_through_link, TD_DATABASE_ERROR_FAILED);
  g_assert_false (g_file_test (journal_through_link, G_FILE_TEST_EXISTS));
  g_assert_cmpint (link (path, hard), ==, 0);
  assert_backup_refused (db, hard, TD_DATABASE_ERROR_FAILED);

  /* An older backup of ours is replaced. */
  g_assert_true (td_database_backup (db, older, &error));
  g_assert_no_error (error);
  g_assert_true (td_database_backup (db, older, &error));
  g_assert_no_error (error);
}

/* SQLite's failures, in our words. */
static void
test_backup_failures (void)
{
  g_autoptr(TdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  if (g_test_subprocess ())
    {
      db = td_test_sample_database ();
      out = td_test_tmp_path ("too-big.db");
      limit_file_size ();
      g_assert_false (td_database_backup (db, out, &error));
      g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_DISK_FULL);
      g_assert_true (g_str_has_prefix (error->message, "The disk is full"));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  /* /proc takes no new files. */
  db = td_test_sample_database ();
  g_assert_false (td_database_backup (db, "/proc/thidua-backup.db", &error));
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "cannot be written"));
  g_assert_null (strstr (error->message, "unable to open"));
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *data = NULL;
  gsize size = 0;

  if (g_file_get_contents (from, &data, &size, NULL))
    write_file (to, data, size);
}

/* The files of @path as a crash would leave them: main file, WAL and its
 * index, copied while the connection is still open. */
static void
copy_crashed (const char *path,
              const char *to)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *a = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *b = g_strconcat (to, suffixes[i], NULL);

      copy_file (a, b);
    }
}

static void
test_identity_in_wal (void)
{
  g_autofree char *path = td_test_tmp_path ("live.db");
  g_autofree char *crashed = td_test_tmp_path ("crashed.db");
  g_autofree char *newer = td_test_tmp_path ("newer-in-wal.db");
  g_autoptr(TdDatabase) db = NULL;
  g_autoptr(TdDatabase) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  sqlite3 *handle = NULL;

  /* A first session that never checkpointed: the header is in the WAL. */
  db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  copy_crashed (path, crashed);
  reopened = td_database_open (crashed, TD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (td_database_get_schema_version (reopened), ==, TD_SCHEMA_VERSION);
  g_clear_object (&reopened);
  g_clear_object (&db);

  /* A newer Thi Đua migrated the file, and its header is still in the WAL. */
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; "
                                 "PRAGMA user_version = 7", NULL, NULL, NULL), ==, SQLITE_OK);
  copy_crashed (path, newer);
  sqlite3_close (handle);
  before = read_file (newer);
  reopened = td_database_open (newer, TD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_null (reopened);
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, "7"));
  after = read_file (newer);
  g_assert_true (g_bytes_equal (before, after));
}

int
main (int   argc,
      char *argv[])
{
  td_test_init (&argc, &argv);

  g_test_add_func ("/database/open/creates-schema-and-catalogue", test_open_creates);
  g_test_add_func ("/database/open/missing-file-or-folder", test_open_missing);
  g_test_add_func ("/database/open/refuses-folder", test_open_folder);
  g_test_add_func ("/database/open/empty-file-only-when-creating", test_open_empty);
  g_test_add_func ("/database/refuses/text-file-unchanged", test_refuses_text);
  g_test_add_func ("/database/refuses/random-bytes-unchanged", test_refuses_random);
  g_test_add_func ("/database/refuses/other-program-unchanged", test_refuses_foreign);
  g_test_add_func ("/database/refuses/newer-version-unchanged", test_refuses_newer);
  g_test_add_func ("/database/refuses/truncated-unchanged", test_refuses_truncated);
  g_test_add_func ("/database/open/identity-read-through-the-wal", test_identity_in_wal);
  g_test_add_func ("/database/schema/constraints-refuse-bad-rows", test_constraints);
  g_test_add_func ("/database/derived/rebuilt-for-outside-rows", test_derived_rebuilt);
  g_test_add_func ("/database/backup/online-copy-opens", test_backup);
  g_test_add_func ("/database/check/finds-broken-references", test_check);
  g_test_add_func ("/database/transactions/nest-as-savepoints", test_nested_transactions);
  g_test_add_func ("/database/open/failed-create-leaves-nothing", test_failed_create_leaves_nothing);
  g_test_add_func ("/database/open/no-write-lock-while-another-writes", test_open_while_other_writes);
  g_test_add_func ("/database/open/path-through-a-file", test_open_through_file);
  g_test_add_func ("/database/derived/old-name-keys-rebuilt", test_old_keys_rebuilt);
  g_test_add_func ("/database/backup/refuses-what-it-must-not-replace", test_backup_refuses);
  g_test_add_func ("/database/backup/failures-in-our-words", test_backup_failures);

  return td_test_run ();
}
