#include "config.h"

#include <string.h>

#include "td-database-private.h"
#include "td-person-store.h"
#include "td-test-util.h"
#include "td-unit-store.h"

static gint64
add_person (TdDatabase *db,
            const char *name,
            const char *position)
{
  g_autoptr(TdPerson) person = td_person_new ();
  g_autoptr(GError) error = NULL;

  person->full_name = g_strdup (name);
  person->position = g_strdup (position);
  g_assert_true (td_person_store_insert (db, person, &error));
  g_assert_no_error (error);
  return person->id;
}

static void
test_validation (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(TdPerson) person = td_person_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_false (td_person_store_insert (db, person, &error));
  g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_REQUIRED);
  g_assert_cmpstr (td_field_error_get_field (error), ==, "full_name");
  g_clear_error (&error);

  person->full_name = g_strdup ("Lục Văn Hùng");
  person->birth_year = 1850;
  g_assert_false (td_person_store_insert (db, person, &error));
  g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_RANGE);
  g_assert_cmpstr (td_field_error_get_field (error), ==, "birth_year");
  g_clear_error (&error);

  person->birth_year = 1975;
  person->unit_id = 12;
  g_assert_false (td_person_store_insert (db, person, &error));
  g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_REFERENCE);
  g_assert_cmpstr (td_field_error_get_field (error), ==, "unit_id");

  all = td_person_store_list (db, NULL, 0, NULL);
  g_assert_cmpuint (all->len, ==, 0);
}

static void
test_order (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  const char *expected[] = {
    "Trần Văn An", "Nguyễn Văn Anh", "Nguyễn Văn Ánh", "Nguyễn Thị Bình",
    "Đỗ Văn Dũng", "Lê Văn Đức", "Ưng Thị Lan", "Hà Văn Út", "Vũ Thị Ưng",
  };

  for (int i = G_N_ELEMENTS (expected) - 1; i >= 0; i--)
    add_person (db, expected[i], NULL);

  people = td_person_store_list (db, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < people->len; i++)
    g_assert_cmpstr (((TdPerson *) g_ptr_array_index (people, i))->full_name, ==, expected[i]);
}

static void
test_search (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  add_person (db, "Đặng Minh Hiếu", "Đồn trưởng");
  add_person (db, "Dương Văn Nam", "Trưởng thôn");
  add_person (db, "Ưng Thị Lan", "Cán bộ tư pháp");

  found = td_person_store_list (db, "dang", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((TdPerson *) g_ptr_array_index (found, 0))->full_name, ==, "Đặng Minh Hiếu");
  g_clear_pointer (&found, g_ptr_array_unref);

  found = td_person_store_list (db, "ĐỒN TRƯỞNG", 0, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = td_person_store_list (db, "ung", 0, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = td_person_store_list (db, "xyz", 0, &error);
  g_assert_cmpuint (found->len, ==, 0);
}

/* DOMAIN.md: the given name whole, with its tones, then the middle name
 * whole, then the family name. */
static void
test_order_whole_names (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  const char *expected[] = {
    "Nguyễn Văn An", "Lê Văn Ạn",
    "Bùi Văn Anh", "Lê Văn Anh", "Trần Văn Anh",
    "Lê Thị Ánh", "Nguyễn Văn Ánh",
    "Nguyễn Thị Bình",
  };

  for (int i = G_N_ELEMENTS (expected) - 1; i >= 0; i--)
    add_person (db, expected[i], NULL);

  people = td_person_store_list (db, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < people->len; i++)
    g_assert_cmpstr (((TdPerson *) g_ptr_array_index (people, i))->full_name, ==, expected[i]);
}

static void
test_search_words (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  add_person (db, "Đặng Minh Hiếu", "Đồn trưởng");
  add_person (db, "Hiếu Văn Nam", "Trưởng thôn");

  found = td_person_store_list (db, "Hiếu Đặng", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((TdPerson *) g_ptr_array_index (found, 0))->full_name, ==, "Đặng Minh Hiếu");
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Words of the name and of the position together. */
  found = td_person_store_list (db, "truong hieu", 0, &error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = td_person_store_list (db, "hieu xyz", 0, &error);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_update_delete (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_unit_new ();
  g_autoptr(TdPerson) person = NULL;
  g_autoptr(GPtrArray) found = NULL;
  gint64 id = add_person (db, "Hoàng Thị Thu", NULL);
  sqlite3 *handle = td_database_get_handle (db);

  unit->name = g_strdup ("Xã Hoành Mô");
  g_assert_true (td_unit_store_insert (db, unit, &error));

  person = td_person_store_get (db, id, &error);
  person->rank = g_strdup ("Thiếu tá");
  person->gender = TD_GENDER_FEMALE;
  person->unit_id = unit->id;
  g_assert_true (td_person_store_update (db, person, &error));
  g_assert_no_error (error);
  g_clear_pointer (&person, td_person_free);

  person = td_person_store_get (db, id, &error);
  g_assert_cmpstr (person->rank, ==, "Thiếu tá");
  g_assert_cmpstr (person->unit_name, ==, "Xã Hoành Mô");
  g_assert_cmpint (person->gender, ==, TD_GENDER_FEMALE);
  found = td_person_store_list (db, "thieu ta", 0, &error);
  g_assert_cmpuint (found->len, ==, 1);

  /* An award refers to her: refused, nothing changes. */
  g_assert_cmpint (sqlite3_exec (handle,
                                 "INSERT INTO decisions (id, date) VALUES (1, '2019-01-15');"
                                 "INSERT INTO awards (decision_id, form_id, person_id, amount) "
                                 "VALUES (1, (SELECT id FROM award_forms WHERE code = 'bang_khen_tinh'), 1, 1390000);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (td_person_store_delete (db, id, &error));
  g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_IN_USE);
  g_clear_error (&error);
  g_clear_pointer (&person, td_person_free);
  person = td_person_store_get (db, id, &error);
  g_assert_nonnull (person);

  g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM awards", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (td_person_store_delete (db, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&person, td_person_free);
  person = td_person_store_get (db, id, &error);
  g_assert_null (person);
  g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_NOT_FOUND);
}


/* What a "changed" handler writes (the window updates its undo state on
 * each change) must not make the delete look like it found nothing. */
static void
write_on_change (TdDatabase *db)
{
  sqlite3_exec (td_database_get_handle (db),
                "CREATE TEMP TABLE IF NOT EXISTS noise (x); DELETE FROM temp.noise", NULL, NULL, NULL);
}

static void
test_delete_with_writing_handler (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  gint64 id = add_person (db, "Hoàng Thị Thu", NULL);
  TdPerson *gone;

  g_signal_connect (db, "changed", G_CALLBACK (write_on_change), NULL);
  g_assert_true (td_person_store_delete (db, id, &error));
  g_assert_no_error (error);
  gone = td_person_store_get (db, id, NULL);
  g_assert_null (gone);
}

int
main (int   argc,
      char *argv[])
{
  td_test_init (&argc, &argv);

  g_test_add_func ("/people/insert/errors-on-the-field", test_validation);
  g_test_add_func ("/people/list/given-name-then-middle-then-family", test_order);
  g_test_add_func ("/people/list/given-name-whole-before-middle-name", test_order_whole_names);
  g_test_add_func ("/people/list/search-ignores-accents-and-folds-d", test_search);
  g_test_add_func ("/people/list/search-every-word-in-any-order", test_search_words);
  g_test_add_func ("/people/update-and-delete", test_update_delete);
  g_test_add_func ("/people/delete/while-a-change-handler-writes", test_delete_with_writing_handler);

  return td_test_run ();
}
