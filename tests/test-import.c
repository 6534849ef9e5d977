/* The import core on tables read from memory: header found under a title
 * block, columns mapped and remembered, one undo step, cancel, errors. */

#include "config.h"

#include <string.h>

#include "td-audit.h"
#include "td-backup.h"
#include "td-decision-store.h"
#include "td-import.h"
#include "td-person-store.h"
#include "td-test-util.h"
#include "td-undo.h"
#include "td-unit-store.h"

static TdImportTable *
table_of (const char *csv)
{
  g_autoptr(GError) error = NULL;
  TdImportTable *table = td_csv_parse (csv, strlen (csv), NULL, &error);

  g_assert_no_error (error);
  return table;
}

static TdImport *
new_import (TdDatabase   *db,
            TdImportKind  kind,
            const char   *csv)
{
  g_autoptr(GError) error = NULL;
  TdImportOptions options = { kind };
  TdImport *import;

  if (kind == TD_IMPORT_AWARDS)
    options.decision_id = 2;
  if (kind == TD_IMPORT_STATS)
    {
      options.campaign_id = 1;
      options.year = 2021;
    }
  import = td_import_new (db, table_of (csv), &options, &error);
  g_assert_no_error (error);
  return import;
}

static guint
count_people (TdDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = td_person_store_list (db, NULL, 0, &error);

  g_assert_no_error (error);
  return people->len;
}

static const char people_csv[] =
  "DANH SÁCH CÁN BỘ,,,\n"
  "(Kèm theo Công văn số 12/UBND),,,\n"
  ",,,\n"
  "Số TT,Họ và tên,Ngày sinh,Đơn vị công tác,Ghi chú\n"
  "(1),(2),(3),(4),(5)\n"
  "1,Lò Văn Nhập,12/05/1984,Xã Hoành Mô,\n"
  "2,Hà Thị Sen,1990,Xã Đồng Văn,Dân tộc Tày\n";

static void
test_header_under_title_block (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(TdImport) import = new_import (db, TD_IMPORT_PEOPLE, people_csv);
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (td_import_get_header_row (import), ==, 2);  /* the blank row is left out */
  g_assert_cmpint (td_import_get_column (import, 0).field, ==, TD_IMPORT_FIELD_NUMBER);
  g_assert_cmpint (td_import_get_column (import, 1).field, ==, TD_IMPORT_FIELD_NAME);
  g_assert_cmpint (td_import_get_column (import, 2).field, ==, TD_IMPORT_FIELD_BIRTH_YEAR);
  g_assert_cmpint (td_import_get_column (import, 3).field, ==, TD_IMPORT_FIELD_UNIT);
  g_assert_cmpint (td_import_get_column (import, 4).field, ==, TD_IMPORT_FIELD_NOTE);

  reports = td_import_check (import, &error);
  g_assert_no_error (error);
  /* The column numbers «(1) (2)…» are not a row. */
  g_assert_cmpuint (reports->len, ==, 2);
  g_assert_cmpuint (((TdImportRowReport *) g_ptr_array_index (reports, 0))->line, ==, 6);
  g_assert_cmpint (((TdImportRowReport *) g_ptr_array_index (reports, 0))->state, ==, TD_IMPORT_ROW_NEW);
}

/* The whole import is one undo step; the audit trail keeps both. */
static void
test_one_undo_step (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(TdImport) import = new_import (db, TD_IMPORT_PEOPLE, people_csv);
  g_autoptr(GError) error = NULL;
  TdImportCounts counts = { 0 };
  guint before = count_people (db);
  gint64 trail;

  g_assert_true (td_import_apply (import, NULL, NULL, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 2);
  /* The state before it, backed up. */
  {
    g_autoptr(GPtrArray) backups = td_backup_list (td_database_get_path (db), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (backups->len, >=, 1);
  }
  g_assert_cmpuint (count_people (db), ==, before + 2);
  trail = td_audit_count (db, &error);

  td_database_undo (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_people (db), ==, before);
  /* Two people and the remembered mapping, each a deletion on the trail. */
  g_assert_cmpint (td_audit_count (db, NULL), ==, trail + 3);
  td_database_redo (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_people (db), ==, before + 2);
}

/* A mapping changed by hand is used for the next file of the kind. */
static void
test_mapping_remembered (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(TdImport) first = new_import (db, TD_IMPORT_PEOPLE, "Cán bộ,Nơi ở\nLý Văn Páo,Xã Húc Động\n");
  g_autoptr(TdImport) second = NULL;
  g_autoptr(GError) error = NULL;
  TdImportColumn unit = { TD_IMPORT_FIELD_UNIT };
  TdImportColumn name = { TD_IMPORT_FIELD_NAME };

  g_assert_null (td_import_check (first, &error));
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED);
  g_clear_error (&error);
  td_import_set_column (first, 0, name);
  td_import_set_column (first, 1, unit);
  g_assert_true (td_import_apply (first, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  second = new_import (db, TD_IMPORT_PEOPLE, "Cán bộ,Nơi ở\nLý Thị Mẩy,Xã Hoành Mô\n");
  g_assert_cmpint (td_import_get_column (second, 0).field, ==, TD_IMPORT_FIELD_NAME);
  g_assert_cmpint (td_import_get_column (second, 1).field, ==, TD_IMPORT_FIELD_UNIT);
}

static void
cancel_at_once (double   fraction,
                gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel_writes_nothing (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GString) csv = g_string_new ("Họ và tên,Đơn vị\n");
  g_autoptr(TdImport) import = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint before = count_people (db);

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (csv, "Nguyễn Văn Số %u,Xã Hoành Mô\n", i);
  import = new_import (db, TD_IMPORT_PEOPLE, csv->str);
  g_assert_false (td_import_apply (import, cancellable, cancel_at_once, cancellable, NULL, &error));
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CANCELLED);
  g_assert_cmpuint (count_people (db), ==, before);
}

/* Units by path, created with their parents in the same step. */
static void
test_units_and_new_parents (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(TdImport) import = new_import (db, TD_IMPORT_UNITS,
                                           "Tên đơn vị,Trực thuộc\n"
                                           "Thôn Khe Và,Huyện Bình Liêu / Xã Hoành Mô\n"
                                           "Xã Đại Dực,Huyện Tiên Yên\n");
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  reports = td_import_check (import, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((TdImportRowReport *) g_ptr_array_index (reports, 0))->state, ==, TD_IMPORT_ROW_NEW);
  g_assert_cmpint (((TdImportRowReport *) g_ptr_array_index (reports, 1))->state, ==, TD_IMPORT_ROW_ERROR);

  td_import_set_create_units (import, TRUE);
  g_assert_true (td_import_apply (import, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  found = td_unit_store_find (db, "Xã Đại Dực", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  {
    g_autofree char *path = td_unit_store_path (db, ((TdUnit *) g_ptr_array_index (found, 0))->id, &error);

    g_assert_nonnull (strstr (path, "Huyện Tiên Yên"));
  }
}

/* Award lines into an issued decision are refused before reading on. */
static void
test_issued_decision_refused (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GError) error = NULL;
  TdImportOptions options = { TD_IMPORT_AWARDS, .decision_id = 1 };
  g_autoptr(TdImport) import = td_import_new (db, table_of ("Họ và tên,Hình thức\nA,Giấy khen\n"), &options, &error);

  g_assert_null (import);
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "125/QĐ-UBND"));
}

/* Long and odd text: a 100,000-character achievement, NFD, emoji and
 * control characters pasted from Word, stored whole and clean. */
static void
test_long_and_odd_text (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GString) csv = g_string_new ("Họ và tên,Chức vụ đơn vị,Hình thức,Thành tích\n");
  g_autoptr(GString) achievement = g_string_new (NULL);
  g_autoptr(TdImport) import = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  const TdAward *last;

  while (g_utf8_strlen (achievement->str, -1) < 100000)
    g_string_append (achievement, "Hoàn thành xuất sắc nhiệm vụ 🎖 năm 2019; ");
  g_string_append_printf (csv, "\"Đa\xcc\xa3\xcc\x86ng Minh Hie\xcc\x82\xcc\x81u\x07\",,Giấy khen,\"%s\"\n", achievement->str);
  import = new_import (db, TD_IMPORT_AWARDS, csv->str);
  g_assert_true (td_import_apply (import, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  lines = td_decision_store_list_awards (db, 2, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (lines, lines->len - 1);
  g_assert_cmpstr (last->display_name, ==, "Đặng Minh Hiếu");
  g_assert_cmpuint (g_utf8_strlen (last->achievement, -1), >=, 100000 - 50);
}

static const TdImportRowReport *
report_at (GPtrArray *reports,
           guint      i)
{
  g_assert_cmpuint (i, <, reports->len);
  return g_ptr_array_index (reports, i);
}

/* Lists as offices keep them: a sum at the bottom, a section heading, a
 * signature block, a name written twice, «Ông» before a name, a namesake
 * spelled with other accents. */
static void
test_rows_offices_write (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(TdImport) import = new_import (db, TD_IMPORT_PEOPLE,
                                           "STT,Họ và tên,Năm sinh,Đơn vị\n"
                                           "I,CÁN BỘ XÃ,,\n"
                                           "1,Nguyễn Văn Ánh,1990,Xã Hải Sơn\n"
                                           "2,Ông Đặng Minh Hiếu,1976,Đồn BP Hoành Mô\n"
                                           "3,Phan Văn Trùng,1980,Xã Hoành Mô\n"
                                           "4,Phan Văn Trùng,1980,Xã Hoành Mô\n"
                                           "Tổng cộng,4 người,,\n"
                                           ",,,TM. ỦY BAN NHÂN DÂN\n"
                                           ",,,CHỦ TỊCH\n");
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;

  td_import_set_update (import, TRUE);
  reports = td_import_check (import, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 4);
  /* Not Nguyễn Văn Anh of the same commune: somebody new. */
  g_assert_cmpint (report_at (reports, 0)->state, ==, TD_IMPORT_ROW_NEW);
  /* Đặng Minh Hiếu himself, found by his unit's short name. */
  g_assert_cmpint (report_at (reports, 1)->state, ==, TD_IMPORT_ROW_SAME);
  g_assert_cmpint (report_at (reports, 2)->state, ==, TD_IMPORT_ROW_NEW);
  g_assert_cmpint (report_at (reports, 3)->state, ==, TD_IMPORT_ROW_ERROR);
  g_assert_nonnull (strstr (report_at (reports, 3)->message, "Line 6 repeats line 5"));
}

/* Names that start like a sum, numbered like a section: rows all the same. */
static void
test_rows_like_sums_kept (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(TdImport) units = new_import (db, TD_IMPORT_UNITS,
                                          "STT,Tên đơn vị\n"
                                          "I,HUYỆN VÂN ĐỒN\n"
                                          "1,Công an huyện Tiên Yên\n"
                                          "2,Tổng công ty Đông Bắc\n"
                                          "a,Ban Chỉ huy Quân sự xã Đồng Văn\n"
                                          ",Tổng cộng: 4 đơn vị\n"
                                          "Cộng,\n");
  g_autoptr(TdImport) people = new_import (db, TD_IMPORT_PEOPLE, "Họ và tên\nCông Văn Minh\nTổng Thị Hà\n");
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;

  reports = td_import_check (units, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (report_at (reports, i)->state, ==, TD_IMPORT_ROW_NEW);
  g_clear_pointer (&reports, g_ptr_array_unref);
  reports = td_import_check (people, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 2);
}

/* «Năm sinh» over «Nam | Nữ», as merged cells read: the column a year is
 * in says the gender. */
static void
test_birth_year_under_gender (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(TdImport) import = new_import (db, TD_IMPORT_PEOPLE,
                                           "STT,Họ và tên,Năm sinh,Năm sinh,Đơn vị\n"
                                           ",,Nam,Nữ,\n"
                                           "1,Hà Văn Một,1980,,Xã Hoành Mô\n"
                                           "2,Hà Thị Ba,,1985,Xã Hoành Mô\n");
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (td_import_get_column (import, 2).field, ==, TD_IMPORT_FIELD_BIRTH_YEAR_MALE);
  g_assert_cmpint (td_import_get_column (import, 3).field, ==, TD_IMPORT_FIELD_BIRTH_YEAR_FEMALE);
  g_assert_true (td_import_apply (import, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  people = td_person_store_list (db, "Hà Thị Ba", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpint (((TdPerson *) g_ptr_array_index (people, 0))->gender, ==, TD_GENDER_FEMALE);
  g_assert_cmpint (((TdPerson *) g_ptr_array_index (people, 0))->birth_year, ==, 1985);
  g_clear_pointer (&people, g_ptr_array_unref);
  people = td_person_store_list (db, "Hà Văn Một", 0, &error);
  g_assert_cmpint (((TdPerson *) g_ptr_array_index (people, 0))->gender, ==, TD_GENDER_MALE);
}

/* «Họ và đệm» | «Tên» in two columns, section titles in one cell. */
static void
test_split_names_and_one_cell_sections (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(TdImport) import = new_import (db, TD_IMPORT_PEOPLE,
                                           "STT,Họ và đệm,Tên,Năm sinh,Đơn vị\n"
                                           "I / CÁN BỘ XÃ,,,,\n"
                                           "1,Lò Văn,Khải,1980,Xã Hoành Mô\n"
                                           ",II. CÔNG AN XÃ,,,\n"
                                           "2,Ông Văn,Dũng,1985,Xã Hoành Mô\n");
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;

  reports = td_import_check (import, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 2);
  g_assert_cmpstr (report_at (reports, 0)->title, ==, "Lò Văn Khải");
  /* «Ông» a family name here: two words after it are not a whole name. */
  g_assert_cmpstr (report_at (reports, 1)->title, ==, "Ông Văn Dũng");
}

/* A name typed without accents is the one person it folds to in the
 * unit; «UBND xã …» is the commune. */
static void
test_unaccented_and_ubnd (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(TdImport) import = new_import (db, TD_IMPORT_PEOPLE,
                                           "Họ và tên,Đơn vị,Năm sinh\n"
                                           "Dang Minh Hieu,Đồn Biên phòng Hoành Mô,1976\n"
                                           "Lò Văn Mới,UBND xã Hoành Mô,1990\n");
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;

  reports = td_import_check (import, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report_at (reports, 0)->state, ==, TD_IMPORT_ROW_SAME);
  g_assert_cmpint (report_at (reports, 1)->state, ==, TD_IMPORT_ROW_NEW);
}

/* A unit named without its parent is the one of that name, wherever. */
static void
test_unit_found_without_parent (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(TdImport) import = new_import (db, TD_IMPORT_UNITS, "Tên đơn vị\nXã Hoành Mô\nXã Mới Lập\n");
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;

  reports = td_import_check (import, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report_at (reports, 0)->state, ==, TD_IMPORT_ROW_SAME);
  g_assert_cmpint (report_at (reports, 1)->state, ==, TD_IMPORT_ROW_NEW);
}

int
main (int    argc,
      char **argv)
{
  td_test_init (&argc, &argv);

  g_test_add_func ("/import/header/under-a-title-block", test_header_under_title_block);
  g_test_add_func ("/import/apply/one-undo-step", test_one_undo_step);
  g_test_add_func ("/import/mapping/remembered-per-kind", test_mapping_remembered);
  g_test_add_func ("/import/apply/cancel-writes-nothing", test_cancel_writes_nothing);
  g_test_add_func ("/import/units/paths-and-new-parents", test_units_and_new_parents);
  g_test_add_func ("/import/awards/issued-decision-refused", test_issued_decision_refused);
  g_test_add_func ("/import/text/long-and-odd", test_long_and_odd_text);
  g_test_add_func ("/import/rows/as-offices-write-them", test_rows_offices_write);
  g_test_add_func ("/import/units/found-without-parent", test_unit_found_without_parent);
  g_test_add_func ("/import/rows/like-sums-kept", test_rows_like_sums_kept);
  g_test_add_func ("/import/people/birth-year-under-gender", test_birth_year_under_gender);
  g_test_add_func ("/import/people/split-names-sections-in-one-cell", test_split_names_and_one_cell_sections);
  g_test_add_func ("/import/people/unaccented-name-and-ubnd", test_unaccented_and_ubnd);

  return td_test_run ();
}
