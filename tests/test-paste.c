#define G_LOG_DOMAIN "test-paste"

#include "config.h"

#include <string.h>

#include "td-catalogue-store.h"
#include "td-database-private.h"
#include "td-decision-store.h"
#include "td-error.h"
#include "td-paste.h"
#include "td-person-store.h"
#include "td-test-util.h"
#include "td-unit-store.h"

/* The sample database: decision 1 is issued, decision 2 the draft of
 * 20/12/2019 (base salary 1,490,000).  People: 1 Đặng Minh Hiếu (Đồn
 * Biên phòng Hoành Mô), 4 Nguyễn Văn Ánh (Phó Đồn trưởng, Đồn Biên phòng
 * Pò Hèn), 5 Nguyễn Văn Anh (Trưởng thôn, Xã Hải Sơn), 6 Trần Văn An.
 * Units: 7 Đồn Biên phòng Hoành Mô, 9 Pò Hèn, 10 Ka Long, 17 Xã Quảng Đức. */
#define ISSUED 1
#define DRAFT 2

/* Four rows as Excel copies them: a header, CRLF after every row, the
 * achievement with a line break quoted and its quotes doubled. */
static const char excel_block[] =
  "Họ và tên\tChức vụ, đơn vị\tHình thức\tThành tích\tSố tiền\r\n"
  "Đặng Minh Hiếu\tTrung tá, Đồn trưởng Đồn Biên phòng Hoành Mô\tBằng khen tỉnh\t"
  "\"Đã có thành tích xuất sắc trong phong trào thi đua \"\"Toàn dân tham gia bảo vệ chủ quyền "
  "lãnh thổ, an ninh biên giới quốc gia\"\"\nnăm 2019\"\t\r\n"
  "Đồn Biên phòng Ka Long\tBộ Chỉ huy Bộ đội Biên phòng tỉnh\tBằng khen của Chủ tịch UBND tỉnh\t"
  "Đã hoàn thành xuất sắc nhiệm vụ năm 2019\t\r\n"
  "Lường Văn Pằng\tThiếu tá, Đội trưởng Đội vận động quần chúng Đồn Biên phòng Pò Hèn\tGiấy khen\t"
  "Đã có thành tích trong công tác vận động quần chúng\t1.390.000\r\n"
  "Trần Văn An\tChủ tịch UBND xã Quảng Đức\tLao động tiên tiến\tĐã hoàn thành tốt nhiệm vụ\t\r\n";

static gint64
count_rows (TdDatabase *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (td_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

typedef struct
{
  gint64 awards;
  gint64 people;
  gint64 units;
} Counts;

static Counts
counts (TdDatabase *db)
{
  return (Counts) {
    .awards = count_rows (db, "awards"),
    .people = count_rows (db, "people"),
    .units = count_rows (db, "units"),
  };
}

static void
assert_unchanged (TdDatabase *db,
                  Counts      before)
{
  Counts after = counts (db);

  g_assert_cmpint (after.awards, ==, before.awards);
  g_assert_cmpint (after.people, ==, before.people);
  g_assert_cmpint (after.units, ==, before.units);
}

static gint64
form_id (TdDatabase *db,
         const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAwardForm) form = td_catalogue_store_get_form_by_code (db, code, &error);

  g_assert_no_error (error);
  return form->id;
}

static GPtrArray *
parse (TdDatabase *db,
       const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = td_paste_parse (db, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static TdPasteRow *
row_at (GPtrArray *rows,
        guint      index)
{
  g_assert_cmpuint (index, <, rows->len);
  return g_ptr_array_index (rows, index);
}

/* The only row of a one-row block. */
static TdPasteRow *
only_row (GPtrArray *rows)
{
  g_assert_cmpuint (rows->len, ==, 1);
  return g_ptr_array_index (rows, 0);
}

static void
test_parse_excel_block (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GPtrArray) rows = parse (db, excel_block);
  TdPasteRow *row;

  /* The header is skipped; lines count the rows of the block. */
  g_assert_cmpuint (rows->len, ==, 4);

  row = row_at (rows, 0);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_cmpint (row->state, ==, TD_PASTE_ROW_READY);
  g_assert_null (row->message);
  g_assert_cmpstr (row->name, ==, "Đặng Minh Hiếu");
  g_assert_cmpstr (row->detail, ==, "Trung tá, Đồn trưởng Đồn Biên phòng Hoành Mô");
  g_assert_cmpstr (row->form_text, ==, "Bằng khen tỉnh");
  g_assert_cmpint (row->form_id, ==, form_id (db, "bang_khen_tinh"));
  g_assert_cmpint (row->person_id, ==, 1);
  g_assert_cmpint (row->unit_id, ==, 7);
  g_assert_false (row->collective);
  g_assert_cmpint (row->amount, ==, -1);

  row = row_at (rows, 1);
  g_assert_cmpint (row->state, ==, TD_PASTE_ROW_READY);
  g_assert_true (row->collective);
  g_assert_cmpint (row->unit_id, ==, 10);
  g_assert_cmpint (row->person_id, ==, 0);

  row = row_at (rows, 2);
  g_assert_cmpuint (row->line, ==, 4);
  g_assert_cmpint (row->state, ==, TD_PASTE_ROW_NEW_PERSON);
  g_assert_cmpstr (row->message, ==,
                   "Row 4: nobody is named Lường Văn Pằng. A new person will be added to Đồn Biên phòng Pò Hèn.");
  g_assert_cmpint (row->unit_id, ==, 9);
  g_assert_cmpint (row->person_id, ==, 0);
  g_assert_cmpint (row->amount, ==, 1390000);

  row = row_at (rows, 3);
  g_assert_cmpint (row->state, ==, TD_PASTE_ROW_READY);
  g_assert_cmpint (row->person_id, ==, 6);
  g_assert_cmpint (row->form_id, ==, form_id (db, "lao_dong_tien_tien"));
}

static void
test_parse_quoted_cells (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GPtrArray) rows = NULL;
  TdPasteRow *row;

  /* A quoted cell holds a tab, CRLF and LF line breaks and doubled quotes;
   * a cell that merely starts with a quote is taken as it is; NFD text
   * comes back NFC; the last row has no line break. */
  rows = parse (db,
                "\"Đặng Minh\tHiếu\"\t  Đồn trưởng  \tGiấy khen\t"
                "\"  Dòng một\r\nDòng \"\"hai\"\"  \n\n  dòng ba \"\r\n"
                "Tra\xcc\x82\xcc\x80n Va\xcc\x86n An\t\"Chủ tịch\" UBND xã\tGiấy khen\t\"Tốt\" năm 2019");
  g_assert_cmpuint (rows->len, ==, 2);

  row = row_at (rows, 0);
  g_assert_cmpstr (row->name, ==, "Đặng Minh Hiếu");
  g_assert_cmpint (row->person_id, ==, 1);
  g_assert_cmpstr (row->detail, ==, "Đồn trưởng");
  g_assert_cmpstr (row->achievement, ==, "Dòng một\nDòng \"hai\"\ndòng ba");

  row = row_at (rows, 1);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_cmpstr (row->name, ==, "Trần Văn An");
  g_assert_cmpint (row->person_id, ==, 6);
  g_assert_cmpstr (row->detail, ==, "\"Chủ tịch\" UBND xã");
  g_assert_cmpstr (row->achievement, ==, "\"Tốt\" năm 2019");
}

static void
test_parse_blank_rows_and_columns (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GPtrArray) rows = NULL;

  /* Blank rows inside and after the block are skipped, LF alone works,
   * missing cells are empty; a leading STT column is dropped. */
  rows = parse (db,
                "STT\tHọ và tên\tChức vụ, đơn vị\tHình thức khen thưởng\tThành tích\n"
                "1\tTrần Văn An\t\tGiấy khen\tTốt\n"
                "\t\t\t\t\n"
                "2.\tĐặng Minh Hiếu\t\tGiấy khen\n"
                "\n\r\n\t\r\n");
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (row_at (rows, 0)->person_id, ==, 6);
  g_assert_cmpuint (row_at (rows, 0)->line, ==, 2);
  g_assert_cmpstr (row_at (rows, 0)->achievement, ==, "Tốt");
  g_assert_cmpint (row_at (rows, 1)->person_id, ==, 1);
  g_assert_cmpuint (row_at (rows, 1)->line, ==, 4);
  g_assert_cmpstr (row_at (rows, 1)->achievement, ==, "");

  /* Numbers without a header. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = parse (db, "1\tTrần Văn An\t\tGiấy khen\tTốt\r\n2\tĐặng Minh Hiếu\t\tGiấy khen\tTốt\r\n");
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (row_at (rows, 0)->person_id, ==, 6);
  g_assert_cmpint (row_at (rows, 1)->person_id, ==, 1);
}

static void
test_parse_not_a_block (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  static const char *const texts[] = { "", "  \r\n\t\r\n", "Đặng Minh Hiếu\nTrần Văn An\n", "\xff\xfe" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = td_paste_parse (db, texts[i], &error);

      g_assert_null (rows);
      /* Nothing, no columns, not UTF-8. */
      g_assert_error (error, TD_FIELD_ERROR, (int) (i < 2 ? TD_FIELD_ERROR_REQUIRED : TD_FIELD_ERROR_FORMAT));
    }

  /* A header alone. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) rows = td_paste_parse (db, "Họ và tên\tChức vụ\tHình thức\tThành tích\r\n", &error);

    g_assert_null (rows);
    g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_REQUIRED);
  }
}

static void
test_parse_amount_formats (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  static const struct
  {
    const char *cell;
    gint64      amount;
  } good[] = {
    { "1.390.000", 1390000 },
    { "1390000", 1390000 },
    { "1,390,000", 1390000 },
    { "1 390 000", 1390000 },
    { "710.000", 710000 },
    { "0", 0 },
    { "", -1 },
    { "  ", -1 },
    { "1390000đ", 1390000 },
    { "450.000 đ", 450000 },
    { "450.000 đồng", 450000 },
  };
  static const char *const bad[] = {
    "1.39", "1.390,000", "1.3900.000", ".390.000", "1.390.000.", "-1390000", "đ", "một triệu", "1e6",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *text = g_strdup_printf ("Trần Văn An\t\tGiấy khen\tTốt\t%s\r\n", good[i].cell);
      g_autoptr(GPtrArray) rows = parse (db, text);

      g_assert_cmpint (only_row (rows)->state, ==, TD_PASTE_ROW_READY);
      g_assert_cmpint (only_row (rows)->amount, ==, good[i].amount);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdup_printf ("Trần Văn An\t\tGiấy khen\tTốt\t%s\r\n", bad[i]);
      g_autofree char *expected = g_strdup_printf ("Row 1: the amount “%s” is not a number of đồng. Type it as "
                                                   "1.390.000 or 1390000, or leave it empty to compute it.",
                                                   bad[i]);
      g_autoptr(GPtrArray) rows = parse (db, text);

      g_assert_cmpint (only_row (rows)->state, ==, TD_PASTE_ROW_ERROR);
      g_assert_cmpstr (only_row (rows)->message, ==, expected);
    }
}

static void
test_parse_matches_forms (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  static const struct
  {
    const char *cell;
    const char *code;   /* NULL: an error */
  } cases[] = {
    { "Bằng khen của Chủ tịch UBND tỉnh", "bang_khen_tinh" },
    { "bang khen cua chu tich ubnd tinh", "bang_khen_tinh" },
    { "Bằng khen tỉnh", "bang_khen_tinh" },
    { "Bằng khen Thủ tướng", "bang_khen_thu_tuong" },
    { "CSTĐ cơ sở", "cstd_co_so" },
    { "cstd_tinh", "cstd_tinh" },
    { "Lao động tiên tiến", "lao_dong_tien_tien" },
    { "Bằng khen", NULL },
    { "Huy hiệu", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("Trần Văn An\t\t%s\tTốt\r\n", cases[i].cell);
      g_autoptr(GPtrArray) rows = parse (db, text);
      TdPasteRow *row = only_row (rows);

      if (cases[i].code != NULL)
        {
          g_assert_cmpint (row->state, ==, TD_PASTE_ROW_READY);
          g_assert_cmpint (row->form_id, ==, form_id (db, cases[i].code));
        }
      else
        {
          g_assert_cmpint (row->state, ==, TD_PASTE_ROW_ERROR);
          g_assert_nonnull (strstr (row->message, "Row 1: "));
          g_assert_nonnull (strstr (row->message, cases[i].cell));
        }
    }

  {
    g_autoptr(GPtrArray) rows = parse (db, "Trần Văn An\t\tBằng khen\tTốt\r\n");

    g_assert_cmpstr (only_row (rows)->message, ==,
                     "Row 1: “Bằng khen” fits 3 award forms (Bằng khen của Thủ tướng Chính phủ, "
                     "Bằng khen của Chủ tịch UBND tỉnh, Bằng khen cấp quân khu). Type more of the form’s name.");
  }
  {
    /* Spellings offices mix up, initials in capitals. */
    g_autoptr(GPtrArray) rows = parse (db, "Đặng Minh Hiếu\t\tChiến sỹ thi đua cơ sở\tTốt\r\n"
                                           "Đặng Minh Hiếu\t\tCSTĐCS\tTốt\r\n"
                                           "Đặng Minh Hiếu\t\tHCLĐ hạng 3\tTốt\r\n");

    for (guint i = 0; i < 3; i++)
      g_assert_cmpint (row_at (rows, i)->state, ==, TD_PASTE_ROW_READY);
    g_assert_cmpint (row_at (rows, 0)->form_id, ==, row_at (rows, 1)->form_id);
  }
  {
    g_autoptr(GPtrArray) rows = parse (db, "Trần Văn An\t\t\tTốt\r\n");

    g_assert_cmpint (only_row (rows)->state, ==, TD_PASTE_ROW_ERROR);
    g_assert_nonnull (strstr (only_row (rows)->message, "Row 1 has no award form"));
  }
}

static void
test_parse_matches_person_by_unit (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  /* Nguyễn Văn Ánh and Nguyễn Văn Anh fold to the same name. */
  g_autoptr(GPtrArray) rows = parse (db,
                                     "Nguyễn Văn Ánh\tThiếu tá, Phó Đồn trưởng Đồn Biên phòng Pò Hèn\tGiấy khen\tTốt\r\n"
                                     "Nguyễn Văn Anh\tTrưởng thôn, Xã Hải Sơn\tGiấy khen\tTốt\r\n"
                                     "Nguyen Van Anh\tĐồn BP Pò Hèn\tGiấy khen\tTốt\r\n"
                                     "Nguyễn Văn Anh\tTrưởng thôn\tGiấy khen\tTốt\r\n"
                                     "Nguyễn Văn Anh\t\tGiấy khen\tTốt\r\n"
                                     "Nguyễn Văn Anh\tCán bộ Sở Tư pháp\tGiấy khen\tTốt\r\n");

  g_assert_cmpuint (rows->len, ==, 6);
  g_assert_cmpint (row_at (rows, 0)->person_id, ==, 4);
  g_assert_cmpint (row_at (rows, 0)->unit_id, ==, 9);
  g_assert_cmpint (row_at (rows, 1)->person_id, ==, 5);
  g_assert_cmpint (row_at (rows, 1)->unit_id, ==, 22);
  /* By the unit's short name, then by position alone. */
  g_assert_cmpint (row_at (rows, 2)->person_id, ==, 4);
  g_assert_cmpint (row_at (rows, 3)->person_id, ==, 5);
  /* Spelled as one of them only: that one. */
  g_assert_cmpint (row_at (rows, 4)->state, ==, TD_PASTE_ROW_READY);
  g_assert_cmpint (row_at (rows, 4)->person_id, ==, 5);
  /* In another unit: somebody else, new. */
  g_assert_cmpint (row_at (rows, 5)->state, ==, TD_PASTE_ROW_NEW_PERSON);
  g_assert_cmpint (row_at (rows, 5)->unit_id, ==, 1);
  g_assert_cmpstr (row_at (rows, 5)->message, ==,
                   "Row 6: nobody named Nguyễn Văn Anh works in Sở Tư pháp. A new person will be added to it.");
}

/* Without accents, the two fold alike: the row must say which. */
static void
test_parse_unaccented_needs_unit (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GPtrArray) rows = parse (db, "Nguyen Van Anh\t\tGiấy khen\tTốt\r\n");

  g_assert_cmpint (only_row (rows)->state, ==, TD_PASTE_ROW_ERROR);
  g_assert_nonnull (strstr (only_row (rows)->message, "several people are named Nguyen Van Anh"));
}

static void
test_parse_form_decides_recipient (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GPtrArray) rows = parse (db,
                                     "Đồn Biên phòng Hoành Mô\t\tLao động tiên tiến\tTốt\r\n"
                                     "Trần Văn An\t\tCờ thi đua của UBND tỉnh\tTốt\r\n"
                                     "Đội vận động quần chúng số 3\tĐồn Biên phòng Hoành Mô\tCờ thi đua tỉnh\tTốt\r\n"
                                     "Đồn bp hoành mô\t\tGiấy khen\tTốt\r\n");
  TdPasteRow *row;

  row = row_at (rows, 0);
  g_assert_cmpint (row->state, ==, TD_PASTE_ROW_ERROR);
  g_assert_cmpstr (row->message, ==,
                   "Row 1: Đồn Biên phòng Hoành Mô is a unit, but Lao động tiên tiến is given to "
                   "individuals only. Choose another form, or check the name.");

  row = row_at (rows, 1);
  g_assert_cmpint (row->state, ==, TD_PASTE_ROW_ERROR);
  g_assert_cmpstr (row->message, ==,
                   "Row 2: Cờ thi đua của UBND tỉnh is given to collectives only, and Trần Văn An is a "
                   "person. Choose another form, or check the name.");

  row = row_at (rows, 2);
  g_assert_cmpint (row->state, ==, TD_PASTE_ROW_NEW_UNIT);
  g_assert_true (row->collective);
  g_assert_cmpint (row->unit_id, ==, 0);
  g_assert_cmpstr (row->message, ==,
                   "Row 3: no unit is named Đội vận động quần chúng số 3. A new unit will be added at "
                   "the top of the directory.");

  /* A unit by its short name, ignoring case and marks. */
  row = row_at (rows, 3);
  g_assert_cmpint (row->state, ==, TD_PASTE_ROW_READY);
  g_assert_true (row->collective);
  g_assert_cmpint (row->unit_id, ==, 7);
}

static void
test_apply_adds_lines (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = parse (db,
                                     "Đặng Minh Hiếu\tĐồn Biên phòng Hoành Mô\tBằng khen tỉnh\t"
                                     "\"Dòng một\nDòng hai\"\r\n"
                                     "Đồn Biên phòng Ka Long\t\tBằng khen tỉnh\tTốt\t1.000.000\r\n");
  g_autoptr(GPtrArray) awards = NULL;
  Counts before = counts (db);
  guint added = 0;
  TdAward *award;

  g_assert_true (td_paste_apply (db, DRAFT, rows, FALSE, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpint (counts (db).awards, ==, before.awards + 2);
  g_assert_cmpint (counts (db).people, ==, before.people);

  awards = td_decision_store_list_awards (db, DRAFT, &error);
  g_assert_no_error (error);
  award = g_ptr_array_index (awards, awards->len - 2);
  g_assert_cmpint (award->person_id, ==, 1);
  g_assert_cmpint (award->amount, ==, 1490000);
  g_assert_false (award->amount_overridden);
  g_assert_nonnull (strstr (award->achievement, "Dòng một"));
  award = g_ptr_array_index (awards, awards->len - 1);
  g_assert_cmpint (award->unit_id, ==, 10);
  g_assert_cmpint (award->amount, ==, 1000000);
  g_assert_true (award->amount_overridden);
}

static void
test_apply_one_transaction (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  Counts before = counts (db);

  /* An ERROR row: nothing is added, the message names the first one. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) rows = parse (db,
                                       "Đặng Minh Hiếu\t\tGiấy khen\tTốt\r\n"
                                       "Lường Văn Pằng\tĐồn Biên phòng Pò Hèn\tGiấy khen\tTốt\r\n"
                                       "Trần Văn An\t\tHuy hiệu\tTốt\r\n");
    guint added = 99;

    g_assert_false (td_paste_apply (db, DRAFT, rows, TRUE, &added, &error));
    g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_FORMAT);
    g_assert_nonnull (strstr (error->message, "Row 3: no award form is named “Huy hiệu”"));
    g_assert_cmpuint (added, ==, 0);
    assert_unchanged (db, before);
  }

  /* New people and units, not allowed. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) rows = parse (db,
                                       "Đặng Minh Hiếu\t\tGiấy khen\tTốt\r\n"
                                       "Lường Văn Pằng\tĐồn Biên phòng Pò Hèn\tGiấy khen\tTốt\r\n"
                                       "Tổ tự quản cột mốc 1320\t\tCờ thi đua tỉnh\tTốt\r\n");

    g_assert_false (td_paste_apply (db, DRAFT, rows, FALSE, NULL, &error));
    g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_REFERENCE);
    g_assert_cmpstr (error->message, ==,
                     "2 rows name people or units that are not in the directory, so nothing was "
                     "added. Allow adding them to the directory, or add them first.");
    assert_unchanged (db, before);
  }

  /* An issued decision: the people created for it are undone too. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) rows = parse (db,
                                       "Lường Văn Pằng\tĐồn Biên phòng Pò Hèn\tGiấy khen\tTốt\r\n"
                                       "Tổ tự quản cột mốc 1320\t\tCờ thi đua tỉnh\tTốt\r\n"
                                       "Đặng Minh Hiếu\t\tGiấy khen\tTốt\r\n");

    g_assert_false (td_paste_apply (db, ISSUED, rows, TRUE, NULL, &error));
    g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_LOCKED);
    assert_unchanged (db, before);
  }

  /* A failure on the last row undoes the first ones. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) rows = parse (db,
                                       "Lường Văn Pằng\tĐồn Biên phòng Pò Hèn\tGiấy khen\tTốt\r\n"
                                       "Đặng Minh Hiếu\t\tGiấy khen\tTốt\r\n");

    /* The form is taken away after parsing. */
    row_at (rows, 1)->form_id = 999999;
    g_assert_false (td_paste_apply (db, DRAFT, rows, TRUE, NULL, &error));
    g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_REFERENCE);
    assert_unchanged (db, before);
  }

  /* And the database still takes a good block afterwards. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) rows = parse (db, "Đặng Minh Hiếu\t\tGiấy khen\tTốt\r\n");

    g_assert_true (td_paste_apply (db, DRAFT, rows, FALSE, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (counts (db).awards, ==, before.awards + 1);
  }
}

static void
test_apply_creates_missing (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = parse (db, excel_block);
  g_autoptr(GPtrArray) awards = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) more = NULL;
  Counts before = counts (db);
  TdPerson *person;
  TdAward *award;
  guint added = 0;

  g_assert_true (td_paste_apply (db, DRAFT, rows, TRUE, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 4);
  g_assert_cmpint (counts (db).awards, ==, before.awards + 4);
  g_assert_cmpint (counts (db).people, ==, before.people + 1);
  g_assert_cmpint (counts (db).units, ==, before.units);

  /* The new officer: rank and position apart, in his post. */
  people = td_person_store_list (db, "Lường Văn Pằng", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  person = g_ptr_array_index (people, 0);
  g_assert_cmpstr (person->rank, ==, "Thiếu tá");
  g_assert_cmpstr (person->position, ==, "Đội trưởng Đội vận động quần chúng");
  g_assert_cmpint (person->unit_id, ==, 9);

  awards = td_decision_store_list_awards (db, DRAFT, &error);
  g_assert_no_error (error);
  award = g_ptr_array_index (awards, awards->len - 2);
  g_assert_cmpint (award->person_id, ==, person->id);
  g_assert_cmpint (award->amount, ==, 1390000);
  g_assert_true (award->amount_overridden);
  g_assert_cmpstr (award->display_detail, ==,
                   "Thiếu tá, Đội trưởng Đội vận động quần chúng Đồn Biên phòng Pò Hèn");
  award = g_ptr_array_index (awards, awards->len - 1);
  g_assert_cmpint (award->person_id, ==, 6);
  g_assert_cmpint (award->amount, ==, 450000);

  /* A new unit, at the top, once for the two rows that name it; a new
   * person without a unit; a position without a rank. */
  before = counts (db);
  more = parse (db,
                "Tổ tự quản cột mốc 1320\tXã Hoành Mô\tCờ thi đua tỉnh\tTốt\r\n"
                "Tổ tự quản cột mốc 1320\t\tGiấy khen\tTốt\r\n"
                "Hà Thị Nhung\tCán bộ văn hóa\tGiấy khen\tTốt\r\n"
                "Hà Thị Nhung\tCán bộ văn hóa\tLao động tiên tiến\tTốt\r\n");
  /* Giấy khen goes to both: the name is a unit, as in the row above. */
  g_assert_cmpint (row_at (more, 1)->state, ==, TD_PASTE_ROW_NEW_UNIT);
  g_assert_cmpint (row_at (more, 2)->state, ==, TD_PASTE_ROW_NEW_PERSON);
  g_assert_true (td_paste_apply (db, DRAFT, more, TRUE, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 4);
  g_assert_cmpint (counts (db).units, ==, before.units + 1);
  g_assert_cmpint (counts (db).people, ==, before.people + 1);

  units = td_unit_store_find (db, "Tổ tự quản cột mốc 1320", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 1);
  g_assert_cmpint (((TdUnit *) g_ptr_array_index (units, 0))->parent_id, ==, 0);

  g_clear_pointer (&people, g_ptr_array_unref);
  people = td_person_store_list (db, "Hà Thị Nhung", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  person = g_ptr_array_index (people, 0);
  g_assert_null (person->rank);
  g_assert_cmpstr (person->position, ==, "Cán bộ văn hóa");
  g_assert_cmpint (person->unit_id, ==, 0);
}

/* Counts as Calc copies them: «21.790» and «21790» read alike, an empty
 * cell clears, the trailing line break is no row. */
static void
test_numbers_block (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdNumberBlock) block = NULL;

  block = td_paste_parse_numbers ("12\t21.790\t\r\n3\t\t0\r\n", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (block);
  g_assert_cmpuint (block->n_rows, ==, 2);
  g_assert_cmpuint (block->n_columns, ==, 3);
  g_assert_true (block->present[0]);
  g_assert_cmpint (block->values[0], ==, 12);
  g_assert_cmpint (block->values[1], ==, 21790);
  g_assert_false (block->present[2]);
  g_assert_cmpint (block->values[3], ==, 3);
  g_assert_false (block->present[4]);
  g_assert_true (block->present[5]);
  g_assert_cmpint (block->values[5], ==, 0);

  g_clear_pointer (&block, td_number_block_free);
  block = td_paste_parse_numbers ("7\n8\t9", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (block->n_columns, ==, 2);
  g_assert_false (block->present[1]);
}

/* One bad cell refuses the block and is named. */
static void
test_numbers_refused (void)
{
  const char *bad[] = { "1\t2\n3\t-4\n", "1\t2\n3\tabc\n", "1\t2\n3\t21,79\n" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      guint row = 99, column = 99;

      g_assert_null (td_paste_parse_numbers (bad[i], &row, &column, &error));
      g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_FORMAT);
      g_assert_cmpuint (row, ==, 1);
      g_assert_cmpuint (column, ==, 1);
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (td_paste_parse_numbers ("\r\n\r\n", NULL, NULL, &error));
    g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_REQUIRED);
  }
}

int
main (int   argc,
      char *argv[])
{
  td_test_init (&argc, &argv);

  g_test_add_func ("/paste/parse/four-rows-copied-from-excel", test_parse_excel_block);
  g_test_add_func ("/paste/parse/quoted-cells-with-line-breaks", test_parse_quoted_cells);
  g_test_add_func ("/paste/parse/skips-blank-rows-header-and-row-numbers", test_parse_blank_rows_and_columns);
  g_test_add_func ("/paste/parse/refuses-text-that-is-not-a-block", test_parse_not_a_block);
  g_test_add_func ("/paste/parse/amount-formats", test_parse_amount_formats);
  g_test_add_func ("/paste/parse/matches-forms-by-name-prefix-or-code", test_parse_matches_forms);
  g_test_add_func ("/paste/parse/matches-person-by-unit", test_parse_matches_person_by_unit);
  g_test_add_func ("/paste/parse/unaccented-name-needs-unit", test_parse_unaccented_needs_unit);
  g_test_add_func ("/paste/parse/form-decides-person-or-unit", test_parse_form_decides_recipient);
  g_test_add_func ("/paste/apply/adds-lines-computed-or-overridden", test_apply_adds_lines);
  g_test_add_func ("/paste/apply/one-transaction-nothing-on-error", test_apply_one_transaction);
  g_test_add_func ("/paste/apply/creates-missing-when-asked", test_apply_creates_missing);

  g_test_add_func ("/paste/numbers/block-of-counts", test_numbers_block);
  g_test_add_func ("/paste/numbers/one-bad-cell-refuses-the-block", test_numbers_refused);

  return td_test_run ();
}
