/* The award list of a decision of 100,000 lines, timed three ways (see
 * run-award-list): Thi Đua's exporter from the database; the floor, a
 * plain libxlsxwriter program writing the same cells, formats and row
 * heights from memory; and Python XlsxWriter (award-list-xlsxwriter.py).
 *
 *   bench-award-list setup DB N   a database with one decision of N lines
 *   bench-award-list export DB OUT
 *   bench-award-list floor N OUT
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

#include "td-award-list.h"
#include "td-database-private.h"
#include "td-font-metrics.h"
#include "td-xlsx.h"

static const double widths[] = { 5, 24, 28, 46, 18, 13 };

static void
line_texts (int    i,
            char **name,
            char **detail,
            char **achievement)
{
  *name = g_strdup_printf ("Nguyễn Văn Người %d", i);
  *detail = g_strdup_printf ("Cán bộ, Đồn Biên phòng số %d", i % 100);
  *achievement = g_strdup_printf ("Đã có thành tích xuất sắc trong phong trào thi đua \"Toàn dân tham gia "
                                  "bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia\" năm 2018 (%d)", i);
}

static int
setup (const char *path,
       int         n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDatabase) db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);
  sqlite3 *handle;
  sqlite3_stmt *person = NULL, *award = NULL;

  if (db == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  handle = td_database_get_handle (db);
  sqlite3_exec (handle, "BEGIN;"
                "INSERT INTO decisions (id, number, date, issuer) VALUES (1, '1/QĐ-UBND', '2019-01-15', 'Chủ tịch UBND tỉnh Quảng Ninh');"
                "INSERT INTO settings (key, value) VALUES ('org.name', 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH'), ('org.place', 'Quảng Ninh'),"
                " ('signer.title', 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH'), ('signer.name', 'Nguyễn Văn Ký')",
                NULL, NULL, NULL);
  sqlite3_prepare_v2 (handle, "INSERT INTO people (id, full_name) VALUES (?1, ?2)", -1, &person, NULL);
  sqlite3_prepare_v2 (handle, "INSERT INTO awards (decision_id, form_id, person_id, achievement, amount, sort_order, "
                      "recipient_name, recipient_detail) VALUES (1, (SELECT id FROM award_forms WHERE code = 'bang_khen_tinh'), "
                      "?1, ?2, 1390000, ?1, ?3, ?4)", -1, &award, NULL);
  for (int i = 1; i <= n; i++)
    {
      g_autofree char *name = NULL, *detail = NULL, *achievement = NULL;

      line_texts (i, &name, &detail, &achievement);
      sqlite3_bind_int (person, 1, i);
      sqlite3_bind_text (person, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_step (person);
      sqlite3_reset (person);
      sqlite3_bind_int (award, 1, i);
      sqlite3_bind_text (award, 2, achievement, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (award, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (award, 4, detail, -1, SQLITE_TRANSIENT);
      sqlite3_step (award);
      sqlite3_reset (award);
    }
  sqlite3_finalize (person);
  sqlite3_finalize (award);
  sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
  return 0;
}

static int
export (const char *path,
        const char *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDatabase) db = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);
  TdAwardListOptions options = { .decision_id = 1 };
  g_autoptr(TdAwardList) list = NULL;
  gint64 start = g_get_monotonic_time (), loaded;

  if (db == NULL || (list = td_award_list_load (db, &options, &error)) == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  loaded = g_get_monotonic_time ();
  if (!td_award_list_write (list, out, NULL, NULL, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  if (g_getenv ("BENCH_VERBOSE") != NULL)
    fprintf (stderr, "load %.3f s, write %.3f s\n", (loaded - start) / 1e6,
             (g_get_monotonic_time () - loaded) / 1e6);
  return 0;
}

/* The same cells, formats and row heights, straight from memory. */
static int
floor_export (int         n,
              const char *out)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *workbook = workbook_new_opt (out, &options);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "Danh sách");
  lxw_format *text = workbook_add_format (workbook);
  lxw_format *amount = workbook_add_format (workbook);
  lxw_format *centered = workbook_add_format (workbook);

  for (lxw_format **f = (lxw_format *[]) { text, amount, centered, NULL }; *f; f++)
    {
      format_set_font_name (*f, "Times New Roman");
      format_set_font_size (*f, 13);
      format_set_text_wrap (*f);
      format_set_border (*f, LXW_BORDER_THIN);
      format_set_align (*f, LXW_ALIGN_VERTICAL_CENTER);
    }
  format_set_num_format (amount, "#,##0");
  format_set_align (centered, LXW_ALIGN_CENTER);
  for (int c = 0; c < 6; c++)
    worksheet_set_column (sheet, c, c, widths[c], NULL);

  for (int i = 1; i <= n; i++)
    {
      g_autofree char *name = NULL, *detail = NULL, *achievement = NULL, *stt = g_strdup_printf ("%d", i);
      double height;

      line_texts (i, &name, &detail, &achievement);
      /* The same measure as the exporter: every text cell of the row. */
      height = MAX (MAX (td_xlsx_row_height (achievement, widths[3], 13, FALSE, FALSE),
                         td_xlsx_row_height (detail, widths[2], 13, FALSE, FALSE)),
                    MAX (td_xlsx_row_height (name, widths[1], 13, FALSE, FALSE),
                         td_xlsx_row_height ("Bằng khen của Chủ tịch UBND tỉnh", widths[4], 13, FALSE, FALSE)));
      worksheet_set_row (sheet, i, height, NULL);
      worksheet_write_string (sheet, i, 0, stt, centered);
      worksheet_write_string (sheet, i, 1, name, text);
      worksheet_write_string (sheet, i, 2, detail, text);
      worksheet_write_string (sheet, i, 3, achievement, text);
      worksheet_write_string (sheet, i, 4, "Bằng khen của Chủ tịch UBND tỉnh", text);
      worksheet_write_number (sheet, i, 5, 1390000, amount);
    }
  return workbook_close (workbook) == LXW_NO_ERROR ? 0 : 1;
}

/* The glyph advances of the regular style as JSON, so the Python writer
 * can measure rows the same way. */
static int
metrics (void)
{
  printf ("{\"units_per_em\": %u, \"ranges\": [", td_font_units_per_em);
  for (unsigned r = 0; r < td_font_n_ranges; r++)
    {
      const TdFontRange *range = &td_font_ranges[0][r];

      printf ("%s[%u, [", r ? ", " : "", range->first);
      for (unsigned c = range->first; c <= range->last; c++)
        printf ("%s%u", c > range->first ? "," : "", range->advances[c - range->first]);
      printf ("]]");
    }
  printf ("]}\n");
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 2 && g_str_equal (argv[1], "metrics"))
    return metrics ();
  if (argc == 4 && g_str_equal (argv[1], "setup"))
    return setup (argv[2], atoi (argv[3]));
  if (argc == 4 && g_str_equal (argv[1], "export"))
    return export (argv[2], argv[3]);
  if (argc == 4 && g_str_equal (argv[1], "floor"))
    return floor_export (atoi (argv[2]), argv[3]);
  fprintf (stderr, "usage: bench-award-list setup DB N | export DB OUT | floor N OUT\n");
  return 2;
}
