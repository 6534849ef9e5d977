#include "config.h"

#include "td-campaign-store.h"
#include "td-database-private.h"
#include "td-person-store.h"
#include "td-test-util.h"
#include "td-undo.h"
#include "td-unit-store.h"

static gint64
count (TdDatabase *db,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (td_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static gint64
add_person (TdDatabase *db,
            const char *name)
{
  g_autoptr(TdPerson) person = td_person_new ();
  g_autoptr(GError) error = NULL;

  person->full_name = g_strdup (name);
  g_assert_true (td_person_store_insert (db, person, &error));
  g_assert_no_error (error);
  return person->id;
}

static void
test_each_change_undone_in_turn (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPerson) person = NULL;
  g_autoptr(GPtrArray) found = NULL;
  gint64 id;

  g_assert_false (td_database_can_undo (db));
  id = add_person (db, "Đặng Văn Tư");
  person = td_person_store_get (db, id, &error);
  g_free (person->full_name);
  person->full_name = g_strdup ("Đặng Văn Tứ");
  g_assert_true (td_person_store_update (db, person, &error));
  g_assert_true (td_person_store_delete (db, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM people"), ==, 0);

  /* Undo the delete: the renamed person is back, found by search. */
  g_assert_true (td_database_can_undo (db));
  g_assert_true (td_database_undo (db, &error));
  g_assert_no_error (error);
  found = td_person_store_list (db, "dang van tu", 0, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((TdPerson *) g_ptr_array_index (found, 0))->full_name, ==, "Đặng Văn Tứ");
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Undo the rename, then the insert. */
  g_assert_true (td_database_undo (db, &error));
  g_clear_pointer (&person, td_person_free);
  person = td_person_store_get (db, id, &error);
  g_assert_cmpstr (person->full_name, ==, "Đặng Văn Tư");
  g_assert_true (td_database_undo (db, &error));
  g_assert_cmpint (count (db, "SELECT count(*) FROM people"), ==, 0);
  g_assert_false (td_database_can_undo (db));

  /* Redo all three. */
  g_assert_true (td_database_can_redo (db));
  for (int i = 0; i < 3; i++)
    g_assert_true (td_database_redo (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM people"), ==, 0);
  g_assert_false (td_database_can_redo (db));
  g_assert_true (td_database_undo (db, &error));
  g_assert_cmpint (count (db, "SELECT count(*) FROM people WHERE full_name = 'Đặng Văn Tứ'"), ==, 1);
}

static void
test_transaction_is_one_step (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;

  add_person (db, "Lò Văn Pá");
  /* A paste of many rows: one transaction, one step. */
  g_assert_true (td_database_begin (db, &error));
  for (int i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("Hoàng Văn Số %d", i);

      add_person (db, name);
    }
  g_assert_true (td_database_commit (db, &error));
  g_assert_cmpint (count (db, "SELECT count(*) FROM people"), ==, 51);

  g_assert_true (td_database_undo (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM people"), ==, 1);
  g_assert_true (td_database_redo (db, &error));
  g_assert_cmpint (count (db, "SELECT count(*) FROM people"), ==, 51);
}

static void
test_new_change_ends_redo (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;

  add_person (db, "Vi Thị Mai");
  g_assert_true (td_database_undo (db, &error));
  g_assert_true (td_database_can_redo (db));
  add_person (db, "Nông Văn Dền");
  g_assert_false (td_database_can_redo (db));
  g_assert_true (td_database_redo (db, &error));
  g_assert_cmpint (count (db, "SELECT count(*) FROM people"), ==, 1);
}

static void
test_across_stores (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TdIndicatorValue) value = td_indicator_value_new ();
  gint64 before = count (db, "SELECT total(value) FROM indicator_values WHERE indicator_id = 1 AND year = 2018");

  value->indicator_id = 1;
  value->unit_id = count (db, "SELECT unit_id FROM indicator_values WHERE indicator_id = 1 AND year = 2018 LIMIT 1");
  value->year = 2018;
  value->value = 1000;
  g_assert_true (td_campaign_store_set_value (db, value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (db, "SELECT total(value) FROM indicator_values WHERE indicator_id = 1 AND year = 2018"), !=, before);
  g_assert_true (td_database_undo (db, &error));
  g_assert_cmpint (count (db, "SELECT total(value) FROM indicator_values WHERE indicator_id = 1 AND year = 2018"), ==, before);
  g_assert_cmpint (count (db, "SELECT total(value) FROM indicator_values WHERE indicator_id = 1 AND year = 2018"), ==, 562);
}

int
main (int   argc,
      char *argv[])
{
  td_test_init (&argc, &argv);

  g_test_add_func ("/undo/each-change-undone-and-redone-in-turn", test_each_change_undone_in_turn);
  g_test_add_func ("/undo/one-transaction-is-one-step", test_transaction_is_one_step);
  g_test_add_func ("/undo/a-new-change-ends-redo", test_new_change_ends_redo);
  g_test_add_func ("/undo/statistics-and-every-store", test_across_stores);

  return td_test_run ();
}
