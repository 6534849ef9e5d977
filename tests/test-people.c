#include "config.h"

#include <string.h>

#include "td-database-private.h"
#include "td-person-store.h"
#include "td-person-table.h"
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

/* The table of the directory page: every person, in the same order as the
 * store lists them, sortable by each column and filtered as typed. */
static gint64
add_full_person (TdDatabase *db,
                 const char *name,
                 TdGender    gender,
                 int         birth_year,
                 const char *rank,
                 const char *position,
                 gint64      unit_id)
{
  g_autoptr(TdPerson) person = td_person_new ();
  g_autoptr(GError) error = NULL;

  person->full_name = g_strdup (name);
  person->gender = gender;
  person->birth_year = birth_year;
  person->rank = g_strdup (rank);
  person->position = g_strdup (position);
  person->unit_id = unit_id;
  g_assert_true (td_person_store_insert (db, person, &error));
  g_assert_no_error (error);
  return person->id;
}

static char *
shown_names (TdPersonTable *table)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < td_person_table_get_n_shown (table); i++)
    g_string_append_printf (out, "%s%s", i ? "|" : "", td_person_table_get_name (table, i));
  return g_string_free (out, FALSE);
}

static TdDatabase *
table_database (void)
{
  TdDatabase *db = td_test_new_database ();
  g_autoptr(TdUnit) hoanh_mo = td_unit_new ();
  g_autoptr(TdUnit) dong_van = td_unit_new ();

  hoanh_mo->name = g_strdup ("Đồn Biên phòng Hoành Mô");
  g_assert_true (td_unit_store_insert (db, hoanh_mo, NULL));
  dong_van->name = g_strdup ("Đồn Biên phòng Đồng Văn");
  g_assert_true (td_unit_store_insert (db, dong_van, NULL));

  add_full_person (db, "Lê Thị Ánh", TD_GENDER_FEMALE, 1990, NULL, "Giáo viên", dong_van->id);
  add_full_person (db, "Trần Văn Anh", TD_GENDER_MALE, 1985, "Đại úy", "Đồn trưởng", hoanh_mo->id);
  add_full_person (db, "Đặng Huy Hậu", TD_GENDER_MALE, 0, "Thiếu tá", "Chính trị viên", hoanh_mo->id);
  add_full_person (db, "Nguyễn Văn Dũng", TD_GENDER_UNKNOWN, 1978, "Đại tá", NULL, 0);
  add_full_person (db, "Dương Thị Đào", TD_GENDER_FEMALE, 1995, NULL, "Kế toán", dong_van->id);
  return db;
}

static void
test_table_order (void)
{
  g_autoptr(TdDatabase) db = table_database ();
  g_autoptr(TdPersonTable) table = td_person_table_load (db, NULL);
  g_autoptr(GPtrArray) listed = td_person_store_list (db, NULL, 0, NULL);
  g_autofree char *names = shown_names (table);

  g_assert_nonnull (table);
  g_assert_cmpuint (td_person_table_get_n_people (table), ==, 5);
  g_assert_cmpuint (td_person_table_get_n_shown (table), ==, listed->len);
  for (guint i = 0; i < listed->len; i++)
    g_assert_cmpint (td_person_table_get_id (table, i), ==, ((TdPerson *) g_ptr_array_index (listed, i))->id);
  /* Given name first: «Anh» before «Ánh»; «Dũng» before «Đào» (đ after d). */
  g_assert_cmpstr (names, ==, "Trần Văn Anh|Lê Thị Ánh|Nguyễn Văn Dũng|Dương Thị Đào|Đặng Huy Hậu");

  td_person_table_sort (table, TD_PERSON_COLUMN_NAME, TRUE);
  g_clear_pointer (&names, g_free);
  names = shown_names (table);
  g_assert_cmpstr (names, ==, "Đặng Huy Hậu|Dương Thị Đào|Nguyễn Văn Dũng|Lê Thị Ánh|Trần Văn Anh");
}

static void
test_table_sort_columns (void)
{
  g_autoptr(TdDatabase) db = table_database ();
  g_autoptr(TdPersonTable) table = td_person_table_load (db, NULL);
  struct {
    TdPersonColumn column;
    gboolean descending;
    const char *names;
  } cases[] = {
    /* Ties by name; empty cells last in both directions. */
    { TD_PERSON_COLUMN_GENDER, FALSE, "Trần Văn Anh|Đặng Huy Hậu|Lê Thị Ánh|Dương Thị Đào|Nguyễn Văn Dũng" },
    { TD_PERSON_COLUMN_GENDER, TRUE, "Lê Thị Ánh|Dương Thị Đào|Trần Văn Anh|Đặng Huy Hậu|Nguyễn Văn Dũng" },
    { TD_PERSON_COLUMN_BIRTH_YEAR, FALSE, "Nguyễn Văn Dũng|Trần Văn Anh|Lê Thị Ánh|Dương Thị Đào|Đặng Huy Hậu" },
    { TD_PERSON_COLUMN_BIRTH_YEAR, TRUE, "Dương Thị Đào|Lê Thị Ánh|Trần Văn Anh|Nguyễn Văn Dũng|Đặng Huy Hậu" },
    /* «Đại tá» before «Đại úy» before «Thiếu tá». */
    { TD_PERSON_COLUMN_RANK, FALSE, "Nguyễn Văn Dũng|Trần Văn Anh|Đặng Huy Hậu|Lê Thị Ánh|Dương Thị Đào" },
    /* «Chính trị viên», «Đồn trưởng», «Giáo viên», «Kế toán»: đ between d and e. */
    { TD_PERSON_COLUMN_POSITION, FALSE, "Đặng Huy Hậu|Trần Văn Anh|Lê Thị Ánh|Dương Thị Đào|Nguyễn Văn Dũng" },
    { TD_PERSON_COLUMN_POSITION, TRUE, "Dương Thị Đào|Lê Thị Ánh|Trần Văn Anh|Đặng Huy Hậu|Nguyễn Văn Dũng" },
    /* «… Đồng Văn» before «… Hoành Mô». */
    { TD_PERSON_COLUMN_UNIT, FALSE, "Lê Thị Ánh|Dương Thị Đào|Trần Văn Anh|Đặng Huy Hậu|Nguyễn Văn Dũng" },
  };

  /* English labels: «Female» before «Male»; Vietnamese: «Nam» before «Nữ». */
  td_person_table_set_gender_labels (table, "Nam", "Nữ");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *names = NULL;

      td_person_table_sort (table, cases[i].column, cases[i].descending);
      names = shown_names (table);
      g_assert_cmpstr (names, ==, cases[i].names);
    }
}

static void
test_table_filter (void)
{
  g_autoptr(TdDatabase) db = table_database ();
  g_autoptr(TdPersonTable) table = td_person_table_load (db, NULL);
  struct {
    const char *search;
    const char *names;
  } typed[] = {
    { "d", "Trần Văn Anh|Nguyễn Văn Dũng|Dương Thị Đào|Đặng Huy Hậu" },
    { "da", "Trần Văn Anh|Nguyễn Văn Dũng|Dương Thị Đào|Đặng Huy Hậu" },
    { "dan", "Đặng Huy Hậu" },
    { "dang", "Đặng Huy Hậu" },
    { "ĐẶNG", "Đặng Huy Hậu" },
    { "", "Trần Văn Anh|Lê Thị Ánh|Nguyễn Văn Dũng|Dương Thị Đào|Đặng Huy Hậu" },
    /* The position counts: «Giáo viên», «Chính trị viên». */
    { "v", "Trần Văn Anh|Lê Thị Ánh|Nguyễn Văn Dũng|Đặng Huy Hậu" },
    { "v a", "Trần Văn Anh|Lê Thị Ánh" },
    /* Words begin words: «an» is not inside «Hoàng» or «Đặng». */
    { "an", "Trần Văn Anh|Lê Thị Ánh" },
    { "thi dao", "Dương Thị Đào" },
    { "dao thi", "Dương Thị Đào" },
    { "thieu ta", "Đặng Huy Hậu" },
    { "xyz", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autofree char *names = NULL;

      td_person_table_set_filter (table, typed[i].search);
      names = shown_names (table);
      g_assert_cmpstr (names, ==, typed[i].names);
    }

  /* A sort keeps the filter, a filter keeps the sort («thi» begins «Thiếu tá»). */
  td_person_table_set_filter (table, "thi");
  td_person_table_sort (table, TD_PERSON_COLUMN_BIRTH_YEAR, TRUE);
  {
    g_autofree char *names = shown_names (table);

    g_assert_cmpstr (names, ==, "Dương Thị Đào|Lê Thị Ánh|Đặng Huy Hậu");
  }
  td_person_table_set_filter (table, "");
  g_assert_cmpuint (td_person_table_get_n_shown (table), ==, 5);
  g_assert_cmpuint (td_person_table_find (table, td_person_table_get_id (table, 3)), ==, 3);
  g_assert_cmpuint (td_person_table_find (table, 9999), ==, G_MAXUINT);
  {
    g_autoptr(TdPerson) person = td_person_table_get_person (table, 0);

    g_assert_cmpstr (person->full_name, ==, "Dương Thị Đào");
    g_assert_cmpint (person->birth_year, ==, 1995);
    g_assert_cmpstr (person->position, ==, "Kế toán");
    g_assert_cmpstr (person->unit_name, ==, "Đồn Biên phòng Đồng Văn");
    g_assert_cmpint (person->gender, ==, TD_GENDER_FEMALE);
  }
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
  g_test_add_func ("/people/table/vietnamese-order-given-name-first", test_table_order);
  g_test_add_func ("/people/table/sorts-by-each-column-empty-last", test_table_sort_columns);
  g_test_add_func ("/people/table/filters-word-prefixes-without-accents", test_table_filter);

  return td_test_run ();
}
