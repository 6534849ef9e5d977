#include "config.h"

#include <string.h>

#include "td-database-private.h"
#include "td-person-store.h"
#include "td-test-util.h"
#include "td-unit-store.h"

static gint64
add_unit (TdDatabase *db,
          const char *name,
          gint64      parent_id,
          int         order)
{
  g_autoptr(TdUnit) unit = td_unit_new ();
  g_autoptr(GError) error = NULL;

  unit->name = g_strdup (name);
  unit->parent_id = parent_id;
  unit->sort_order = order;
  g_assert_true (td_unit_store_insert (db, unit, &error));
  g_assert_no_error (error);
  return unit->id;
}

static guint
count_units (TdDatabase *db)
{
  g_autoptr(GPtrArray) units = td_unit_store_list (db, NULL, TRUE, NULL);

  return units->len;
}

static void
test_requires_name (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(TdUnit) unit = td_unit_new ();
  g_autoptr(GError) error = NULL;

  unit->name = g_strdup ("   ");
  g_assert_false (td_unit_store_insert (db, unit, &error));
  g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_REQUIRED);
  g_assert_cmpstr (td_field_error_get_field (error), ==, "name");
  g_assert_cmpuint (count_units (db), ==, 0);
  g_clear_error (&error);

  g_free (unit->name);
  unit->name = g_strdup ("Xã Húc Động");
  unit->parent_id = 404;
  g_assert_false (td_unit_store_insert (db, unit, &error));
  g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_REFERENCE);
  g_assert_cmpstr (td_field_error_get_field (error), ==, "parent_id");
  g_assert_cmpuint (count_units (db), ==, 0);
}

static void
test_tree_order (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;
  gint64 binh_lieu = add_unit (db, "Huyện Bình Liêu", 0, 0);
  gint64 bien_phong = add_unit (db, "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", 0, 0);
  const char *expected[] = {
    "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Đồn Biên phòng Hoành Mô",
    "Huyện Bình Liêu", "Xã Đồng Tâm", "Xã Đồng Văn", "Xã Húc Động",
  };

  add_unit (db, "Xã Húc Động", binh_lieu, 0);
  add_unit (db, "Xã Đồng Văn", binh_lieu, 0);
  add_unit (db, "Xã Đồng Tâm", binh_lieu, 0);
  add_unit (db, "Đồn Biên phòng Hoành Mô", bien_phong, 0);

  units = td_unit_store_list (db, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < units->len; i++)
    g_assert_cmpstr (((TdUnit *) g_ptr_array_index (units, i))->name, ==, expected[i]);
  g_assert_cmpint (((TdUnit *) g_ptr_array_index (units, 3))->depth, ==, 1);
  g_clear_pointer (&units, g_ptr_array_unref);

  /* Accent-insensitive search keeps tree order. */
  units = td_unit_store_list (db, "dong", FALSE, &error);
  g_assert_cmpuint (units->len, ==, 3);
  g_assert_cmpstr (((TdUnit *) g_ptr_array_index (units, 0))->name, ==, "Xã Đồng Tâm");
}

static void
test_no_cycles (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  gint64 top = add_unit (db, "Huyện Hải Hà", 0, 0);
  gint64 child = add_unit (db, "Xã Quảng Đức", top, 0);
  gint64 grandchild = add_unit (db, "Thôn Mốc 7", child, 0);
  g_autoptr(TdUnit) unit = td_unit_store_get (db, top, &error);

  unit->parent_id = grandchild;
  g_assert_false (td_unit_store_update (db, unit, &error));
  g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_RANGE);
  g_clear_error (&error);
  unit->parent_id = top;
  g_assert_false (td_unit_store_update (db, unit, &error));
  g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_RANGE);
  g_clear_pointer (&unit, td_unit_free);

  unit = td_unit_store_get (db, top, &error);
  g_assert_cmpint (unit->parent_id, ==, 0);
}

static void
test_update_and_path (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  gint64 top = add_unit (db, "Huyện Bình Liêu", 0, 0);
  gint64 child = add_unit (db, "Xã Đồng Văn", 0, 0);
  g_autoptr(TdUnit) unit = td_unit_store_get (db, child, &error);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) found = NULL;

  unit->parent_id = top;
  unit->short_name = g_strdup ("ĐV");
  g_assert_true (td_unit_store_update (db, unit, &error));
  g_assert_no_error (error);
  path = td_unit_store_path (db, child, &error);
  g_assert_cmpstr (path, ==, "Huyện Bình Liêu / Xã Đồng Văn");

  found = td_unit_store_find (db, "xa dong van", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = td_unit_store_find (db, "dv", &error);
  g_assert_cmpuint (found->len, ==, 1);
}

static void
test_delete (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPerson) person = td_person_new ();
  gint64 top = add_unit (db, "Đồn Biên phòng Pò Hèn", 0, 0);
  gint64 lone = add_unit (db, "Tổ tự quản số 3", 0, 0);

  person->full_name = g_strdup ("Đỗ Văn Dũng");
  person->unit_id = top;
  g_assert_true (td_person_store_insert (db, person, &error));

  g_assert_false (td_unit_store_delete (db, top, &error));
  g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "1 person"));
  g_assert_nonnull (strstr (error->message, "Archive"));
  g_assert_cmpuint (count_units (db), ==, 2);
  g_clear_error (&error);

  g_assert_true (td_unit_store_delete (db, lone, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_units (db), ==, 1);
}

static void
test_archived (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  gint64 id = add_unit (db, "Huyện Hoành Bồ", 0, 0);
  g_autoptr(TdUnit) unit = td_unit_store_get (db, id, &error);
  g_autoptr(GPtrArray) shown = NULL;

  unit->archived = TRUE;
  g_assert_true (td_unit_store_update (db, unit, &error));
  shown = td_unit_store_list (db, NULL, FALSE, &error);
  g_assert_cmpuint (shown->len, ==, 0);
  g_assert_cmpuint (count_units (db), ==, 1);
}

/* The units of an archived unit are hidden with it, not shown under the
 * unit listed before them. */
static void
test_archived_subtree (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  gint64 kept = add_unit (db, "Huyện Bình Liêu", 0, 0);
  gint64 merged = add_unit (db, "Thị xã Quảng Yên cũ", 0, 1);
  gint64 commune = add_unit (db, "Xã Tiền An", merged, 0);
  g_autoptr(TdUnit) unit = td_unit_store_get (db, merged, &error);
  g_autoptr(GPtrArray) shown = NULL;

  add_unit (db, "Xã Đồng Văn", kept, 0);
  add_unit (db, "Thôn Cẩm La", commune, 0);
  unit->archived = TRUE;
  g_assert_true (td_unit_store_update (db, unit, &error));
  g_assert_no_error (error);

  shown = td_unit_store_list (db, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shown->len, ==, 2);
  g_assert_cmpstr (((TdUnit *) g_ptr_array_index (shown, 0))->name, ==, "Huyện Bình Liêu");
  g_assert_cmpstr (((TdUnit *) g_ptr_array_index (shown, 1))->name, ==, "Xã Đồng Văn");
  g_clear_pointer (&shown, g_ptr_array_unref);

  shown = td_unit_store_list (db, "tien an", FALSE, &error);
  g_assert_cmpuint (shown->len, ==, 0);
  g_clear_pointer (&shown, g_ptr_array_unref);

  /* Asked for, the archived subtree is there, in tree order. */
  shown = td_unit_store_list (db, NULL, TRUE, &error);
  g_assert_cmpuint (shown->len, ==, 5);
  g_assert_cmpstr (((TdUnit *) g_ptr_array_index (shown, 3))->name, ==, "Xã Tiền An");
  g_assert_cmpint (((TdUnit *) g_ptr_array_index (shown, 4))->depth, ==, 2);
}

static void
test_search_words (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  add_unit (db, "Đồn Biên phòng Hoành Mô", 0, 0);
  add_unit (db, "Xã Hoành Mô", 0, 0);

  found = td_unit_store_list (db, "Hoành Mô Đồn", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((TdUnit *) g_ptr_array_index (found, 0))->name, ==, "Đồn Biên phòng Hoành Mô");
  g_clear_pointer (&found, g_ptr_array_unref);

  found = td_unit_store_list (db, "mo hoanh", FALSE, &error);
  g_assert_cmpuint (found->len, ==, 2);
}


static void
write_on_change (TdDatabase *db)
{
  sqlite3_exec (td_database_get_handle (db),
                "CREATE TEMP TABLE IF NOT EXISTS noise (x); DELETE FROM temp.noise", NULL, NULL, NULL);
}

/* The window writes its undo state on "changed": the delete still sees
 * its own row go. */
static void
test_delete_with_writing_handler (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_unit_new ();
  TdUnit *gone;

  unit->name = g_strdup ("Xã Lục Hồn");
  g_assert_true (td_unit_store_insert (db, unit, &error));
  g_signal_connect (db, "changed", G_CALLBACK (write_on_change), NULL);
  g_assert_true (td_unit_store_delete (db, unit->id, &error));
  g_assert_no_error (error);
  gone = td_unit_store_get (db, unit->id, NULL);
  g_assert_null (gone);
}

int
main (int   argc,
      char *argv[])
{
  td_test_init (&argc, &argv);

  g_test_add_func ("/units/insert/requires-name-and-existing-parent", test_requires_name);
  g_test_add_func ("/units/list/tree-in-vietnamese-order", test_tree_order);
  g_test_add_func ("/units/update/never-under-itself", test_no_cycles);
  g_test_add_func ("/units/update/path-and-find", test_update_and_path);
  g_test_add_func ("/units/delete/refused-when-referred-to", test_delete);
  g_test_add_func ("/units/delete/while-a-change-handler-writes", test_delete_with_writing_handler);
  g_test_add_func ("/units/list/archived-hidden", test_archived);
  g_test_add_func ("/units/list/archived-hides-its-subtree", test_archived_subtree);
  g_test_add_func ("/units/list/search-every-word-in-any-order", test_search_words);

  return td_test_run ();
}
