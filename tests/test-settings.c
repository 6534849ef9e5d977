#define G_LOG_DOMAIN "test-settings"

#include "config.h"

#include "td-database-private.h"
#include "td-settings-store.h"
#include "td-test-util.h"

/* The whole settings table as text, NULL values marked. */
static char *
dump_settings (TdDatabase *db)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (td_database_get_handle (db),
                           "SELECT key, coalesce(quote(value), 'NULL') FROM settings ORDER BY key",
                           -1, &stmt, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (out, "%s=%s\n",
                            (const char *) sqlite3_column_text (stmt, 0),
                            (const char *) sqlite3_column_text (stmt, 1));
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static gint64
query_int (TdDatabase *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 result;

  g_assert_cmpint (sqlite3_prepare_v2 (td_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return result;
}

static void
exec_sql (TdDatabase *db,
          const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (td_database_get_handle (db), sql, NULL, NULL, &message);

  g_assert_cmpstr (message, ==, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
}

static void
assert_setting (TdDatabase *db,
                const char *key,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = td_settings_store_get (db, key, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, expected);
}

static void
set_ok (TdDatabase *db,
        const char *key,
        const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (td_settings_store_set (db, key, value, &error));
  g_assert_no_error (error);
}

static void
test_get_defaults (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();

  assert_setting (db, "bonus.rounding", "up10000");
  assert_setting (db, "words.linh", "linh");
  assert_setting (db, "words.nghin", "nghìn");
  assert_setting (db, "words.tu", "tư");
  assert_setting (db, "words.chan", "0");
}

static void
test_get_missing_is_null (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  value = td_settings_store_get (db, "org.name", &error);
  g_assert_no_error (error);
  g_assert_null (value);

  value = td_settings_store_get (db, "no such key", &error);
  g_assert_no_error (error);
  g_assert_null (value);
}

static void
test_set_normalises_and_replaces (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();

  set_ok (db, "org.name", "  UBND   tỉnh  Quảng Ninh ");
  assert_setting (db, "org.name", "UBND tỉnh Quảng Ninh");
  /* «Ủy ban» typed with combining marks is stored composed. */
  set_ok (db, "org.parent", "U\xcc\x89y ban nha\xcc\x82n da\xcc\x82n");
  assert_setting (db, "org.parent", "Ủy ban nhân dân");

  set_ok (db, "org.name", "Sở Nội vụ");
  assert_setting (db, "org.name", "Sở Nội vụ");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM settings WHERE key = 'org.name'"), ==, 1);
}

static void
test_set_keeps_signer_lines (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();

  /* The signature block is printed line by line (DESIGN.md). */
  set_ok (db, "signer.title", " TM. ỦY BAN  NHÂN DÂN\r\nKT. CHỦ TỊCH \n\nPHÓ CHỦ TỊCH\n");
  assert_setting (db, "signer.title", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH");
}

static void
test_set_empty_stores_null (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GHashTable) settings = NULL;
  g_autoptr(GError) error = NULL;

  set_ok (db, "org.place", "Quảng Ninh");
  set_ok (db, "org.place", "   ");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM settings WHERE key = 'org.place' AND value IS NULL"), ==, 1);
  assert_setting (db, "org.place", NULL);

  set_ok (db, "signer.name", NULL);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM settings WHERE key = 'signer.name' AND value IS NULL"), ==, 1);

  settings = td_settings_store_list (db, &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_contains (settings, "org.place"));
  g_assert_null (g_hash_table_lookup (settings, "org.place"));
}

static void
test_set_checks_known_values (void)
{
  const struct {
    const char *key;
    const char *value;
  } refused[] = {
    { "bonus.rounding", "up" },
    { "bonus.rounding", "UP10000" },
    { "bonus.rounding", "" },
    { "bonus.rounding", NULL },
    { "words.linh", "le" },
    { "words.nghin", "nghin" },
    { "words.tu", "4" },
    { "words.chan", "2" },
    { "words.chan", "yes" },
  };
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autofree char *before = dump_settings (db);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_assert_false (td_settings_store_set (db, refused[i].key, refused[i].value, &error));
      g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_RANGE);
      g_assert_cmpstr (td_field_error_get_field (error), ==, refused[i].key);
      after = dump_settings (db);
      g_assert_cmpstr (after, ==, before);
    }

  set_ok (db, "bonus.rounding", " down10000 ");
  assert_setting (db, "bonus.rounding", "down10000");
  set_ok (db, "bonus.rounding", "none");
  assert_setting (db, "bonus.rounding", "none");
  /* «lẻ» typed decomposed is still «lẻ». */
  set_ok (db, "words.linh", "le\xcc\x89");
  assert_setting (db, "words.linh", "lẻ");
  set_ok (db, "words.nghin", "ngàn");
  assert_setting (db, "words.nghin", "ngàn");
  set_ok (db, "words.tu", "bốn");
  assert_setting (db, "words.tu", "bốn");
  set_ok (db, "words.chan", "1");
  assert_setting (db, "words.chan", "1");
}

static void
test_set_key_names (void)
{
  const char *refused[] = { "", "orgname", "Org.Name", "org.name ", "my-plugin.x", "org.tên", NULL };
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autofree char *before = dump_settings (db);

  for (guint i = 0; refused[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_assert_false (td_settings_store_set (db, refused[i], "x", &error));
      g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_FORMAT);
      g_assert_cmpstr (td_field_error_get_field (error), ==, refused[i]);
      after = dump_settings (db);
      g_assert_cmpstr (after, ==, before);
    }

  set_ok (db, "export.font_size2", "13");
  assert_setting (db, "export.font_size2", "13");
}

static void
test_delete_removes_key (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  set_ok (db, "org.name", "Sở Nội vụ");
  g_assert_true (td_settings_store_delete (db, "org.name", &error));
  g_assert_no_error (error);
  assert_setting (db, "org.name", NULL);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM settings WHERE key = 'org.name'"), ==, 0);

  /* A key that is not there: nothing to do. */
  before = dump_settings (db);
  g_assert_true (td_settings_store_delete (db, "org.name", &error));
  g_assert_no_error (error);
  after = dump_settings (db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_list_all_keys (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GHashTable) settings = NULL;
  g_autoptr(GError) error = NULL;

  set_ok (db, "org.name", "Sở Nội vụ");
  set_ok (db, "signer.name", "Nguyễn Văn An");
  settings = td_settings_store_list (db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (settings);
  g_assert_cmpuint (g_hash_table_size (settings), ==, query_int (db, "SELECT count(*) FROM settings"));
  g_assert_cmpuint (g_hash_table_size (settings), ==, 7);
  g_assert_cmpstr (g_hash_table_lookup (settings, "org.name"), ==, "Sở Nội vụ");
  g_assert_cmpstr (g_hash_table_lookup (settings, "signer.name"), ==, "Nguyễn Văn An");
  g_assert_cmpstr (g_hash_table_lookup (settings, "words.nghin"), ==, "nghìn");
  g_assert_false (g_hash_table_contains (settings, "org.place"));
}

static void
test_rounding_default_and_invalid (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (td_settings_store_get_rounding (db), ==, TD_ROUNDING_UP_10000);
  set_ok (db, "bonus.rounding", "down10000");
  g_assert_cmpint (td_settings_store_get_rounding (db), ==, TD_ROUNDING_DOWN_10000);
  set_ok (db, "bonus.rounding", "none");
  g_assert_cmpint (td_settings_store_get_rounding (db), ==, TD_ROUNDING_NONE);

  /* Unset, or written wrong by an outside tool: the default. */
  g_assert_true (td_settings_store_delete (db, "bonus.rounding", &error));
  g_assert_no_error (error);
  g_assert_cmpint (td_settings_store_get_rounding (db), ==, TD_ROUNDING_UP_10000);
  exec_sql (db, "INSERT INTO settings (key, value) VALUES ('bonus.rounding', 'sideways')");
  g_assert_cmpint (td_settings_store_get_rounding (db), ==, TD_ROUNDING_UP_10000);
  exec_sql (db, "UPDATE settings SET value = 'none' WHERE key = 'bonus.rounding'");
  g_assert_cmpint (td_settings_store_get_rounding (db), ==, TD_ROUNDING_NONE);
  exec_sql (db, "UPDATE settings SET value = NULL WHERE key = 'bonus.rounding'");
  g_assert_cmpint (td_settings_store_get_rounding (db), ==, TD_ROUNDING_UP_10000);
}

int
main (int   argc,
      char *argv[])
{
  td_test_init (&argc, &argv);

  g_test_add_func ("/settings/get/defaults", test_get_defaults);
  g_test_add_func ("/settings/get/missing-is-null-without-error", test_get_missing_is_null);
  g_test_add_func ("/settings/set/normalises-and-replaces", test_set_normalises_and_replaces);
  g_test_add_func ("/settings/set/keeps-signer-lines", test_set_keeps_signer_lines);
  g_test_add_func ("/settings/set/empty-stores-null", test_set_empty_stores_null);
  g_test_add_func ("/settings/set/checks-known-values", test_set_checks_known_values);
  g_test_add_func ("/settings/set/refuses-bad-key-names", test_set_key_names);
  g_test_add_func ("/settings/delete/removes-key", test_delete_removes_key);
  g_test_add_func ("/settings/list/all-keys", test_list_all_keys);
  g_test_add_func ("/settings/rounding/default-and-invalid", test_rounding_default_and_invalid);

  return td_test_run ();
}
