#define G_LOG_DOMAIN "test-import-readers"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <zip.h>

#include "td-import-table.h"

/* Names as the award lists have them, with every kind of diacritic. */
static const char *const names[] = {
  "Nguyễn Văn An",
  "Đặng Thị Hồng Nhung",
  "Huyện Bình Liêu",
  "Trần Quốc Tuấn",
  "Lường Văn Pằng",
  "Đồn Biên phòng Pò Hèn",
  "Xã Quảng Đức",
  "Phạm Thị Thuỷ, Trưởng ấp",
};

/* Helpers */

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "import-files", name, NULL);
}

static const char *
cell (TdImportTable *table,
      guint          row,
      guint          col)
{
  const TdImportRow *r;

  g_assert_cmpuint (row, <, table->rows->len);
  r = g_ptr_array_index (table->rows, row);
  return col < r->n_cells ? r->cells[col] : "";
}

static const TdImportRow *
row_at (TdImportTable *table,
        guint          row)
{
  g_assert_cmpuint (row, <, table->rows->len);
  return g_ptr_array_index (table->rows, row);
}

static TdImportTable *
parse_csv (const char *text,
           const char *encoding,
           GError    **error)
{
  TdImportReadOptions options = { .encoding = encoding };

  return td_csv_parse (text, strlen (text), &options, error);
}

/* Whether @message names @number as a whole word (the line, in any
 * language). */
static gboolean
names_number (const char *message,
              guint       number)
{
  g_autofree char *pattern = g_strdup_printf ("(^|[^0-9])%u([^0-9]|$)", number);

  return g_regex_match_simple (pattern, message, 0, 0);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-import-readers-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tmp_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

/* A one-sheet workbook in memory, written with libzip: @sheet_data is
 * the content of <sheetData>, @after what follows it (merges). */
static GBytes *
build_xlsx (const char *workbook_pr,
            const char *sheet_xml,
            const char *shared_xml,
            const char *styles_xml)
{
  const char *content_types =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
  const char *root_rels =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
  const char *book_rels =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"worksheets/data.xml\"/>"
    "<Relationship Id=\"rId8\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/styles\" Target=\"styles.xml\"/></Relationships>";
  g_autofree char *workbook = g_strdup_printf (
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">%s"
    "<sheets><sheet name=\"Trang 1\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>",
    workbook_pr != NULL ? workbook_pr : "");
  struct { const char *name; const char *data; } entries[] = {
    { "[Content_Types].xml", content_types },
    { "_rels/.rels", root_rels },
    { "xl/workbook.xml", workbook },
    { "xl/_rels/workbook.xml.rels", book_rels },
    { "xl/worksheets/data.xml", sheet_xml },
    { "xl/sharedStrings.xml", shared_xml },
    { "xl/styles.xml", styles_xml },
  };
  zip_error_t zip_error;
  zip_source_t *source;
  zip_t *zip;
  zip_int64_t size;
  char *data;

  zip_error_init (&zip_error);
  source = zip_source_buffer_create (NULL, 0, 0, &zip_error);
  g_assert_nonnull (source);
  zip_source_keep (source);
  zip = zip_open_from_source (source, ZIP_TRUNCATE, &zip_error);
  g_assert_nonnull (zip);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (entries[i].data != NULL)
      {
        zip_source_t *member = zip_source_buffer (zip, entries[i].data, strlen (entries[i].data), 0);

        g_assert_cmpint (zip_file_add (zip, entries[i].name, member, ZIP_FL_ENC_UTF_8), >=, 0);
      }
  g_assert_cmpint (zip_close (zip), ==, 0);

  g_assert_cmpint (zip_source_open (source), ==, 0);
  g_assert_cmpint (zip_source_seek (source, 0, SEEK_END), ==, 0);
  size = zip_source_tell (source);
  g_assert_cmpint (zip_source_seek (source, 0, SEEK_SET), ==, 0);
  data = g_malloc (size);
  g_assert_cmpint (zip_source_read (source, data, size), ==, size);
  zip_source_close (source);
  zip_source_free (source);
  zip_error_fini (&zip_error);
  return g_bytes_new_take (data, size);
}

static char *
sheet (const char *rows)
{
  return g_strdup_printf ("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
                          "2006/main\"><sheetData>%s</sheetData></worksheet>",
                          rows);
}

/* CSV */

static void
test_csv_quoting (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = parse_csv (
    "Tên,\"Chức vụ, đơn vị\",Ghi chú\n"
    "An,\"Trưởng thôn, Xã Hải Sơn\",\"Nói \"\"Có\"\"\"\n"
    "Bình,\"Dòng một\r\ndòng hai\",x\"y\n", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (table->format, ==, "csv");
  g_assert_cmpint (table->delimiter, ==, ',');
  g_assert_cmpuint (table->rows->len, ==, 3);
  g_assert_cmpstr (cell (table, 0, 1), ==, "Chức vụ, đơn vị");
  g_assert_cmpstr (cell (table, 1, 1), ==, "Trưởng thôn, Xã Hải Sơn");
  g_assert_cmpstr (cell (table, 1, 2), ==, "Nói \"Có\"");
  g_assert_cmpstr (cell (table, 2, 1), ==, "Dòng một\ndòng hai");
  g_assert_cmpstr (cell (table, 2, 2), ==, "x\"y");
  g_assert_null (table->sheet);
  g_assert_null (table->sheets);
}

static void
test_csv_delimiters (void)
{
  struct { const char *text; char delimiter; } cases[] = {
    { "Tên;Số tiền;Ghi chú\nAn;1,5;a, b\nBình;2,25;c\n", ';' },
    { "Tên\tSố tiền\nAn\t1,5\nBình\t2;3\n", '\t' },
    { "\"a;b;c\",d\n\"e;f\",g\n", ',' },
    { "Chỉ một cột\nAn\n", ',' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TdImportTable) table = parse_csv (cases[i].text, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (table->delimiter, ==, cases[i].delimiter);
    }
}

static void
test_csv_bom_and_line_ends (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = parse_csv (
    "\xEF\xBB\xBFTên,Đơn vị\r\nAn,\"Xã\r\nHải Sơn\"\r\n\r\nBình,Ka Long\rChâu,Pò Hèn\nDũng,Hoành Mô",
    NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (table->encoding, ==, "UTF-8");
  g_assert_cmpuint (table->rows->len, ==, 5);
  g_assert_cmpstr (cell (table, 0, 0), ==, "Tên");
  g_assert_cmpuint (row_at (table, 0)->line, ==, 1);
  g_assert_cmpuint (row_at (table, 1)->line, ==, 2);
  g_assert_cmpstr (cell (table, 1, 1), ==, "Xã\nHải Sơn");
  g_assert_cmpuint (row_at (table, 2)->line, ==, 5);
  g_assert_cmpuint (row_at (table, 3)->line, ==, 6);
  g_assert_cmpuint (row_at (table, 4)->line, ==, 7);
  g_assert_cmpstr (cell (table, 4, 1), ==, "Hoành Mô");
}

static void
test_csv_empty_cells (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = parse_csv (" An , ,,\n,,,\n \t\n,Bình\n", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (table->rows->len, ==, 2);
  /* Kept as written: trimming is the columns' business. */
  g_assert_cmpuint (row_at (table, 0)->n_cells, ==, 2);
  g_assert_cmpstr (cell (table, 0, 0), ==, " An ");
  g_assert_cmpstr (cell (table, 0, 1), ==, " ");
  g_assert_null (row_at (table, 0)->cells[2]);
  g_assert_cmpuint (row_at (table, 1)->line, ==, 4);
  g_assert_cmpstr (cell (table, 1, 0), ==, "");
  g_assert_cmpstr (cell (table, 1, 1), ==, "Bình");
}

static void
test_csv_nfc (void)
{
  g_autoptr(GError) error = NULL;
  /* «Nguyễn» with its marks apart, as macOS and Windows-1258 write it. */
  g_autoptr(TdImportTable) table = parse_csv ("Nguye\xCC\x82\xCC\x83n V\xC4\x83n An\n", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cell (table, 0, 0), ==, "Nguyễn Văn An");
}

static void
check_legacy_encoding (const char *charset,
                       const char *option)
{
  g_autoptr(GString) text = g_string_new ("STT,Họ và tên\r\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = NULL;
  g_autofree char *bytes = NULL;
  gsize length = 0;
  TdImportReadOptions options = { .encoding = option };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_string_append_printf (text, "%u,\"%s\"\r\n", i + 1, names[i]);
  bytes = g_convert (text->str, text->len, charset, "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate_len (bytes, length, NULL));
  if (option == NULL)
    g_assert_cmpstr (td_csv_detect_encoding (bytes, length), ==, charset);

  table = td_csv_parse (bytes, length, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (table->encoding, ==, charset);
  g_assert_cmpstr (cell (table, 0, 1), ==, "Họ và tên");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (cell (table, i + 1, 1), ==, names[i]);
  g_assert_false (table->vn3_font);
}

static void
test_csv_windows_1258 (void)
{
  check_legacy_encoding ("WINDOWS-1258", NULL);
  check_legacy_encoding ("WINDOWS-1258", "windows-1258");
}

static void
test_csv_tcvn3 (void)
{
  check_legacy_encoding ("TCVN5712-1", NULL);
  check_legacy_encoding ("TCVN5712-1", "TCVN3");
}

static void
test_csv_forced_wrong_encoding (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = g_convert ("Tên\nAn\nNguyễn Văn An\n", -1, "WINDOWS-1258", "UTF-8",
                                      NULL, NULL, NULL);
  g_autoptr(TdImportTable) table = parse_csv (bytes, "utf-8", &error);

  g_assert_null (table);
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_ENCODING);
  g_assert_true (names_number (error->message, 3));
  g_assert_nonnull (strstr (error->message, "Windows-1258"));
  g_clear_error (&error);

  table = parse_csv ("An\n", "latin-9", &error);
  g_assert_null (table);
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_ENCODING);
}

static void
test_csv_utf16 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = NULL;
  gsize length = 0;
  g_autofree char *utf16 = g_convert ("Họ và tên\tĐơn vị\r\nNguyễn Văn An\tXã Hải Sơn\r\n", -1,
                                      "UTF-16LE", "UTF-8", NULL, &length, NULL);
  g_autofree char *bytes = g_malloc (length + 2);

  memcpy (bytes, "\xFF\xFE", 2);
  memcpy (bytes + 2, utf16, length);
  table = td_csv_parse (bytes, length + 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (table->encoding, ==, "UTF-16LE");
  g_assert_cmpint (table->delimiter, ==, '\t');
  g_assert_cmpstr (cell (table, 1, 0), ==, "Nguyễn Văn An");
  g_assert_cmpstr (cell (table, 1, 1), ==, "Xã Hải Sơn");
}

static void
test_csv_limits (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("Tên,Ghi chú\nAn,ngắn\nBình,");
  g_autoptr(TdImportTable) table = NULL;

  g_string_append_c (text, '"');
  for (guint i = 0; i < 2 * 1024 * 1024; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\"\n");
  table = td_csv_parse (text->str, text->len, NULL, &error);
  g_assert_null (table);
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_TOO_LARGE);
  g_assert_true (names_number (error->message, 3));
  g_clear_error (&error);

  table = parse_csv ("An\nB\0nh\n", NULL, &error);
  g_assert_no_error (error);   /* strlen() stops at the NUL */
  g_clear_pointer (&table, td_import_table_free);
  table = td_csv_parse ("An\nB\0nh\n", 8, NULL, &error);
  g_assert_null (table);
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_UNSUPPORTED);
  g_assert_true (names_number (error->message, 2));
  g_clear_error (&error);

  table = parse_csv ("\n , \r\n\t\n", NULL, &error);
  g_assert_null (table);
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_EMPTY);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

static void
test_csv_progress_and_cancel (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(TdImportTable) table = NULL;
  g_autoptr(GError) error = NULL;
  TdImportReadOptions options = { .progress = on_progress, .progress_data = fractions };

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "%u,%s,Giấy khen\n", i, names[i % G_N_ELEMENTS (names)]);
  table = td_csv_parse (text->str, text->len, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->rows->len, ==, 20000);
  g_assert_cmpuint (fractions->len, >, 5);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=,
                       g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  g_clear_pointer (&table, td_import_table_free);

  g_cancellable_cancel (cancellable);
  options.cancellable = cancellable;
  table = td_csv_parse (text->str, text->len, &options, &error);
  g_assert_null (table);
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CANCELLED);
}

/* TCVN3 fonts */

/* @text as typed with a .VnTime font: its TCVN3 bytes seen as Latin-1. */
static char *
vn3_look_alike (const char *text)
{
  g_autofree char *bytes = g_convert (text, -1, "TCVN5712-1", "UTF-8", NULL, NULL, NULL);

  g_assert_nonnull (bytes);
  return g_convert (bytes, -1, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
}

static void
test_vn3_convert (void)
{
  struct { const char *vn3; const char *unicode; } cases[] = {
    { "NguyÔn V¨n An", "Nguyễn Văn An" },
    { "Hµ Néi", "Hà Nội" },
    { "§Æng ThÞ Hång Nhung", "Đặng Thị Hồng Nhung" },
    { "HuyÖn B×nh Liªu", "Huyện Bình Liêu" },
    { "TrÇn Quèc TuÊn", "Trần Quốc Tuấn" },
    { "L­êng V¨n P»ng", "Lường Văn Pằng" },
    /* .VnTimeH: the same codes drawn as capitals. */
    { "NGUYÔN V¡N AN", "NGUYỄN VĂN AN" },
    { "§åN BI£N PHßNG", "ĐỒN BIÊN PHÒNG" },
    { "STT 12", "STT 12" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *converted = td_vn3_to_unicode (cases[i].vn3);

      g_assert_cmpstr (converted, ==, cases[i].unicode);
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *look_alike = vn3_look_alike (names[i]);
      g_autofree char *converted = td_vn3_to_unicode (look_alike);

      g_assert_cmpstr (converted, ==, names[i]);
    }
}

/* Every letter of the table is glibc's TCVN5712-1 at the same code. */
static void
test_vn3_table_matches_iconv (void)
{
  guint letters = 0;

  for (guint code = 0xA1; code <= 0xFF; code++)
    {
      char byte = (char) code;
      g_autofree char *latin1 = g_convert (&byte, 1, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
      g_autofree char *iconv = g_convert (&byte, 1, "UTF-8", "TCVN5712-1", NULL, NULL, NULL);
      g_autofree char *converted = NULL;
      g_autofree char *lower = NULL;

      /* «x» keeps the cell from looking all capitals (.VnTimeH). */
      g_autofree char *probe = g_strconcat ("x", latin1, NULL);

      converted = td_vn3_to_unicode (probe);
      if (g_str_equal (converted, probe))
        continue;
      letters++;
      g_assert_nonnull (iconv);
      lower = g_strconcat ("x", iconv, NULL);
      g_assert_cmpstr (converted, ==, lower);
    }
  /* 60 lowercase letters with tones, ă â ê ô ơ ư đ and their capitals;
   * but «ý» (0xFD) is Latin-1's too. */
  g_assert_cmpuint (letters, ==, 60 + 7 + 7 - 1);
}

static TdImportTable *
table_of (const char *const *cells)
{
  TdImportTable *table = td_import_table_new ("csv");

  for (guint i = 0; cells[i] != NULL; i++)
    {
      GPtrArray *row = g_ptr_array_new ();

      g_ptr_array_add (row, g_strdup (cells[i]));
      td_import_table_add_row (table, i + 1, row);
    }
  return table;
}

static void
test_vn3_detect (void)
{
  const char *const vn3[] = { "Hä vµ tªn", "NguyÔn V¨n An", "§Æng ThÞ Hång Nhung", "Hµ Néi", NULL };
  const char *const one[] = { "NguyÔn V¨n An", NULL };
  const char *const western[] = {
    "Name", "José García", "Müller", "François Lefèvre", "Noël", "Zoë Brontë", "Café «Le Dôme»",
    "Microsoft®", "© 2023", "½ giá", NULL,
  };
  const char *const unicode[] = { "Họ và tên", "Nguyễn Văn An", "Hà Nội", "Bình", NULL };
  g_autoptr(TdImportTable) table = table_of (vn3);

  g_assert_true (td_vn3_detect (table));
  g_clear_pointer (&table, td_import_table_free);
  table = table_of (one);
  g_assert_true (td_vn3_detect (table));
  g_clear_pointer (&table, td_import_table_free);
  table = table_of (western);
  g_assert_false (td_vn3_detect (table));
  g_clear_pointer (&table, td_import_table_free);
  table = table_of (unicode);
  g_assert_false (td_vn3_detect (table));
}

static void
test_vn3_read_option (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = parse_csv ("Hä vµ tªn,§¬n vÞ\nNguyÔn V¨n An,Hµ Néi\n", NULL, &error);
  g_autofree char *bytes = NULL;
  gsize length = 0;
  TdImportReadOptions options = { .encoding = "tcvn3-font" };

  g_assert_no_error (error);
  g_assert_true (table->vn3_font);
  g_assert_false (table->vn3_converted);
  g_assert_cmpstr (cell (table, 1, 0), ==, "NguyÔn V¨n An");
  td_import_table_convert_vn3 (table);
  g_assert_true (table->vn3_converted);
  g_assert_false (table->vn3_font);
  g_assert_cmpstr (cell (table, 0, 1), ==, "Đơn vị");
  g_clear_pointer (&table, td_import_table_free);

  table = parse_csv ("Hä vµ tªn,§¬n vÞ\nNguyÔn V¨n An,Hµ Néi\n", "TCVN3-font", &error);
  g_assert_no_error (error);
  g_assert_true (table->vn3_converted);
  g_assert_cmpstr (cell (table, 1, 0), ==, "Nguyễn Văn An");
  g_assert_cmpstr (cell (table, 1, 1), ==, "Hà Nội");
  g_clear_pointer (&table, td_import_table_free);

  /* The same saved as bytes of the font, not as UTF-8. */
  bytes = g_convert ("Hä vµ tªn,§¬n vÞ\nNguyÔn V¨n An,Hµ Néi\n", -1, "ISO-8859-1", "UTF-8",
                     NULL, &length, NULL);
  table = td_csv_parse (bytes, length, &options, &error);
  g_assert_no_error (error);
  g_assert_true (table->vn3_converted);
  g_assert_cmpstr (cell (table, 1, 0), ==, "Nguyễn Văn An");
}

/* XLSX */

static TdImportTable *
read_fixture (const char *name,
              const char *sheet_name,
              GError    **error)
{
  g_autofree char *path = fixture (name);
  TdImportReadOptions options = { .sheet = sheet_name };

  return td_import_table_read (path, &options, error);
}

static void
test_xlsx_openpyxl (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = read_fixture ("awards.xlsx", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (table->format, ==, "xlsx");
  g_assert_cmpstr (table->encoding, ==, "UTF-8");
  g_assert_cmpstr (table->sheet, ==, "Danh sách");
  g_assert_cmpuint (g_strv_length (table->sheets), ==, 2);
  g_assert_cmpstr (table->sheets[1], ==, "Đơn vị");
  g_assert_false (table->vn3_font);

  /* The title merged over A1:F1 is in each of its cells. */
  g_assert_cmpuint (row_at (table, 0)->line, ==, 1);
  g_assert_cmpuint (row_at (table, 0)->n_cells, ==, 6);
  g_assert_cmpstr (cell (table, 0, 5), ==, "DANH SÁCH KHEN THƯỞNG NĂM 2023");
  g_assert_cmpuint (row_at (table, 1)->line, ==, 2);
  /* The header over rows 4 and 5: «STT» in both, «Khen thưởng» over D:E. */
  g_assert_cmpuint (row_at (table, 2)->line, ==, 4);
  g_assert_cmpstr (cell (table, 2, 0), ==, "STT");
  g_assert_cmpstr (cell (table, 2, 3), ==, "Khen thưởng");
  g_assert_cmpstr (cell (table, 2, 4), ==, "Khen thưởng");
  g_assert_cmpuint (row_at (table, 3)->line, ==, 5);
  g_assert_cmpstr (cell (table, 3, 0), ==, "STT");
  g_assert_cmpstr (cell (table, 3, 1), ==, "Họ và tên");
  g_assert_cmpstr (cell (table, 3, 3), ==, "Hình thức");
  g_assert_cmpstr (cell (table, 3, 4), ==, "Số tiền");
  g_assert_cmpstr (cell (table, 3, 5), ==, "Ngày");

  g_assert_cmpuint (row_at (table, 4)->line, ==, 6);
  g_assert_cmpstr (cell (table, 4, 0), ==, "1");
  g_assert_cmpstr (cell (table, 4, 1), ==, "Nguyễn Văn An");
  g_assert_cmpstr (cell (table, 4, 4), ==, "1390000");
  g_assert_cmpstr (cell (table, 4, 5), ==, "2023-05-12");
  g_assert_cmpstr (cell (table, 4, 6), ==, "");
  g_assert_cmpstr (cell (table, 4, 7), ==, "Hai\ndòng _x0041_");
  /* Rich text: its runs, not its phonetic reading. */
  g_assert_cmpstr (cell (table, 5, 2), ==, "Đồn Biên phòng Hoành Mô");
  g_assert_cmpstr (cell (table, 5, 4), ==, "1490000.5");
  g_assert_cmpstr (cell (table, 5, 5), ==, "2024-02-29");
  g_assert_cmpstr (cell (table, 6, 3), ==, "Đã hoàn thành\nxuất sắc");
  g_assert_cmpstr (cell (table, 6, 4), ==, "0.3");
  g_assert_cmpstr (cell (table, 6, 5), ==, "2023-12-31 14:30:00");
  g_assert_cmpuint (table->rows->len, ==, 7);
}

static void
test_xlsx_sheet_by_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = read_fixture ("awards.xlsx", "Đơn vị", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (table->sheet, ==, "Đơn vị");
  g_assert_cmpstr (cell (table, 2, 1), ==, "Đồn Biên phòng Pò Hèn");
  g_clear_pointer (&table, td_import_table_free);

  table = read_fixture ("awards.xlsx", "ĐƠN VỊ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (table->sheet, ==, "Đơn vị");
  g_clear_pointer (&table, td_import_table_free);

  table = read_fixture ("awards.xlsx", "Khen thưởng", &error);
  g_assert_null (table);
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_NO_SHEET);
  g_assert_nonnull (strstr (error->message, "Khen thưởng"));
  g_assert_nonnull (strstr (error->message, "“Danh sách”, “Đơn vị”"));
}

static void
test_xlsx_libreoffice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = read_fixture ("libreoffice.xlsx", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (table->rows->len, ==, 3);
  g_assert_cmpstr (cell (table, 0, 0), ==, "Họ và tên");
  g_assert_cmpstr (cell (table, 1, 0), ==, "Nguyễn Văn An");
  g_assert_cmpstr (cell (table, 1, 1), ==, "1985-03-07");
  g_assert_cmpstr (cell (table, 1, 2), ==, "1390000");
  g_assert_cmpstr (cell (table, 2, 2), ==, "2500.75");
  g_assert_cmpstr (cell (table, 2, 3), ==, "Có dấu phẩy, trong ô");
}

static void
test_xlsx_inline_and_numbers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = read_fixture ("inline-strings.xlsx", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cell (table, 0, 0), ==, "Họ và tên");
  g_assert_cmpstr (cell (table, 1, 0), ==, "Lường Văn Pằng");
  g_assert_cmpstr (cell (table, 1, 1), ==, "Đồn Biên phòng Pò Hèn");
  g_assert_cmpstr (cell (table, 1, 2), ==, "7");
  g_clear_pointer (&table, td_import_table_free);

  table = read_fixture ("numbers-only.xlsx", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cell (table, 0, 1), ==, "2.5");
  g_assert_cmpstr (cell (table, 1, 2), ==, "6.25");
}

static void
test_xlsx_cell_types (void)
{
  g_autofree char *xml = sheet (
    "<row><c t=\"b\"><v>1</v></c><c t=\"b\"><v>0</v></c><c t=\"e\"><v>#N/A</v></c>"
    "<c t=\"str\"><f>A1&amp;\"x\"</f><v>TRUEx</v></c></row>"
    "<row r=\"3\"><c><v>1.0E+2</v></c><c><v>0.1</v></c><c><v>-0</v></c><c><v>1E+20</v></c>"
    "<c><v>-2.5E-3</v></c><c><v>12345678901234567</v></c></row>"
    "<row r=\"4\"><c r=\"C4\" s=\"1\"><v>0</v></c><c s=\"2\"><v>0.75</v></c><c s=\"3\"><v>1.5</v></c></row>"
    "<row r=\"5\"><c r=\"B5\" t=\"inlineStr\"><is><t>x</t><rPh><t>y</t></rPh></is></c></row>");
  const char *styles =
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<numFmts><numFmt numFmtId=\"200\" formatCode=\"[$-42A]dd/mm/yyyy;@\"/>"
    "<numFmt numFmtId=\"201\" formatCode=\"#,##0 &quot;đ&quot;\"/></numFmts>"
    "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"200\"/><xf numFmtId=\"20\"/><xf numFmtId=\"201\"/></cellXfs>"
    "</styleSheet>";
  g_autoptr(GBytes) bytes = build_xlsx ("<workbookPr date1904=\"1\"/>", xml, NULL, styles);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = td_xlsx_parse (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (table->sheet, ==, "Trang 1");
  g_assert_cmpuint (row_at (table, 0)->line, ==, 1);
  g_assert_cmpstr (cell (table, 0, 0), ==, "TRUE");
  g_assert_cmpstr (cell (table, 0, 1), ==, "FALSE");
  g_assert_cmpstr (cell (table, 0, 2), ==, "#N/A");
  g_assert_cmpstr (cell (table, 0, 3), ==, "TRUEx");
  g_assert_cmpuint (row_at (table, 1)->line, ==, 3);
  g_assert_cmpstr (cell (table, 1, 0), ==, "100");
  g_assert_cmpstr (cell (table, 1, 1), ==, "0.1");
  g_assert_cmpstr (cell (table, 1, 2), ==, "0");
  g_assert_cmpstr (cell (table, 1, 3), ==, "1e+20");
  g_assert_cmpstr (cell (table, 1, 4), ==, "-0.0025");
  g_assert_cmpstr (cell (table, 1, 5), ==, "1.23456789012346e+16");
  /* Dates of the 1904 system; a time; a number with «đ» in quotes. */
  g_assert_cmpstr (cell (table, 2, 2), ==, "1904-01-01");
  g_assert_cmpstr (cell (table, 2, 3), ==, "18:00:00");
  g_assert_cmpstr (cell (table, 2, 4), ==, "1.5");
  g_assert_cmpstr (cell (table, 3, 1), ==, "x");
}

static void
test_xlsx_refused (void)
{
  struct { const char *sheet_data; int code; const char *named; } cases[] = {
    { "<row r=\"1048577\"><c><v>1</v></c></row>", TD_IMPORT_ERROR_TOO_LARGE, "1048577" },
    { "<row><c r=\"XFE1\"><v>1</v></c></row>", TD_IMPORT_ERROR_TOO_LARGE, "XFE1" },
    { "<row><c r=\"A1\" t=\"s\"><v>0</v></c></row>", TD_IMPORT_ERROR_CORRUPT, "A1" },
    { "<row><c r=\"A1\"><v>1</v></c></row><row><c r=\"B2\"", TD_IMPORT_ERROR_CORRUPT, "data.xml" },
    { "", TD_IMPORT_ERROR_EMPTY, "Trang 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *xml = sheet (cases[i].sheet_data);
      g_autoptr(GBytes) bytes = build_xlsx (NULL, xml, NULL, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(TdImportTable) table = td_xlsx_parse (bytes, NULL, &error);

      g_assert_null (table);
      g_assert_error (error, TD_IMPORT_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].named));
    }
}

/* Entities that would grow to gigabytes: refused before any is expanded. */
static void
test_xlsx_billion_laughs (void)
{
  const char *xml =
    "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaa\">"
    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
    "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
    "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\"><!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    "<row><c t=\"inlineStr\"><is><t>&h;&x;</t></is></c></row></sheetData></worksheet>";
  g_autoptr(GBytes) bytes = build_xlsx (NULL, xml, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = td_xlsx_parse (bytes, NULL, &error);

  g_assert_null (table);
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CORRUPT);
}

static void
test_xlsx_cell_too_long (void)
{
  g_autoptr(GString) rows = g_string_new ("<row><c t=\"inlineStr\"><is><t>ngắn</t></is></c></row>"
                                          "<row><c r=\"B2\" t=\"inlineStr\"><is><t>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = NULL;
  g_autofree char *xml = NULL;

  for (guint i = 0; i < 150000; i++)
    g_string_append (rows, "abcdefghij");
  g_string_append (rows, "</t></is></c></row>");
  xml = sheet (rows->str);
  bytes = build_xlsx (NULL, xml, NULL, NULL);
  table = td_xlsx_parse (bytes, NULL, &error);
  g_assert_null (table);
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "B2"));
}

/* XLS */

static void
test_xls_libreoffice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = read_fixture ("libreoffice.xls", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (table->format, ==, "xls");
  g_assert_cmpuint (table->rows->len, ==, 3);
  g_assert_cmpstr (cell (table, 0, 0), ==, "Họ và tên");
  g_assert_cmpstr (cell (table, 1, 0), ==, "Nguyễn Văn An");
  g_assert_cmpstr (cell (table, 1, 1), ==, "1985-03-07");
  g_assert_cmpstr (cell (table, 1, 2), ==, "1390000");
  g_assert_cmpstr (cell (table, 2, 2), ==, "2500.75");
  g_assert_cmpstr (cell (table, 2, 3), ==, "Có dấu phẩy, trong ô");
  g_clear_pointer (&table, td_import_table_free);

  table = read_fixture ("awards.xls", "đơn vị", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (table->sheet, ==, "Đơn vị");
  g_assert_cmpstrv (table->sheets, ((const char *const[]) { "Danh sách", "Đơn vị", NULL }));
  g_assert_cmpstr (cell (table, 1, 1), ==, "Xã Quảng Đức");
  g_clear_pointer (&table, td_import_table_free);

  table = read_fixture ("awards.xls", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cell (table, 0, 0), ==, "DANH SÁCH KHEN THƯỞNG NĂM 2023");
  g_assert_cmpstr (cell (table, 4, 1), ==, "Nguyễn Văn An");
  g_assert_cmpstr (cell (table, 4, 4), ==, "1390000");
  g_assert_cmpstr (cell (table, 4, 5), ==, "2023-05-12");
  g_assert_cmpstr (cell (table, 5, 4), ==, "1490000.5");
  g_assert_cmpstr (cell (table, 6, 4), ==, "0.3");
  g_clear_pointer (&table, td_import_table_free);

  table = read_fixture ("awards.xls", "Không có", &error);
  g_assert_null (table);
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_NO_SHEET);
  g_assert_nonnull (strstr (error->message, "“Danh sách”, “Đơn vị”"));
}

/* Reading files */

static void
test_read_by_content (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *source = fixture ("awards.xlsx");
  g_autofree char *renamed = g_build_filename (dir, "danh-sach.csv", NULL);
  g_autofree char *web = g_build_filename (dir, "bao-cao.xls", NULL);
  g_autofree char *text = g_build_filename (dir, "danh-sach.txt", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = NULL;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (renamed, contents, length, NULL));
  table = td_import_table_read (renamed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (table->format, ==, "xlsx");
  g_clear_pointer (&table, td_import_table_free);

  g_assert_true (g_file_set_contents (text, "Tên\tĐơn vị\nAn\tKa Long\n", -1, NULL));
  table = td_import_table_read (text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (table->format, ==, "csv");
  g_assert_cmpint (table->delimiter, ==, '\t');
  g_clear_pointer (&table, td_import_table_free);

  g_assert_true (g_file_set_contents (web, "<html><table><tr><td>An</td></tr></table></html>", -1, NULL));
  table = td_import_table_read (web, NULL, &error);
  g_assert_null (table);
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "bao-cao.xls"));
  remove_tmp_dir (dir);
}

/* The broken files */

static void
assert_broken (const char   *name,
               const char   *encoding,
               int           code,
               guint         line)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "import-files", "broken", name, NULL);
  TdImportReadOptions options = { .encoding = encoding };
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = td_import_table_read (path, &options, &error);

  g_assert_null (table);
  g_assert_error (error, TD_IMPORT_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 20);
  if (line > 0)
    g_assert_true (names_number (error->message, line));
}

static void
test_broken_files (void)
{
  assert_broken ("truncated.xlsx", NULL, TD_IMPORT_ERROR_CORRUPT, 0);
  assert_broken ("missing-shared-strings.xlsx", NULL, TD_IMPORT_ERROR_CORRUPT, 0);
  assert_broken ("windows-1258.csv", "utf-8", TD_IMPORT_ERROR_ENCODING, 1);
  assert_broken ("junk.bin", NULL, TD_IMPORT_ERROR_UNSUPPORTED, 0);
  assert_broken ("unterminated.csv", NULL, TD_IMPORT_ERROR_CORRUPT, 4);
  assert_broken ("empty.csv", NULL, TD_IMPORT_ERROR_EMPTY, 0);
}

static void
test_broken_shared_strings_named (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = read_fixture ("broken/missing-shared-strings.xlsx", NULL, &error);

  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "A1"));
  g_assert_nonnull (strstr (error->message, "Danh sách"));
  g_assert_nonnull (strstr (error->message, "sharedStrings.xml"));
}

static void
test_broken_detected_encoding (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = read_fixture ("broken/windows-1258.csv", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (table->encoding, ==, "WINDOWS-1258");
  g_assert_cmpint (table->delimiter, ==, ';');
  g_assert_cmpstr (cell (table, 2, 0), ==, "Đặng Thị Hồng Nhung");
}

static void
test_broken_ragged_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = read_fixture ("broken/ragged.csv", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (table->rows->len, ==, 4);
  g_assert_cmpuint (row_at (table, 1)->n_cells, ==, 1);
  g_assert_cmpuint (row_at (table, 2)->n_cells, ==, 5);
  g_assert_cmpstr (cell (table, 2, 4), ==, "thừa nữa");
  g_assert_cmpuint (row_at (table, 3)->line, ==, 5);
  g_assert_cmpuint (row_at (table, 3)->n_cells, ==, 2);
}

static void
test_broken_huge_cell (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.csv", NULL);
  const gsize size = 50 * 1024 * 1024;
  g_autofree char *contents = g_malloc (size);
  const char *head = "Họ và tên,Ghi chú\nNguyễn Văn An,\"";
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = NULL;

  memset (contents, 'x', size);
  memcpy (contents, head, strlen (head));
  memcpy (contents + size - 2, "\"\n", 2);
  g_assert_true (g_file_set_contents (path, contents, size, NULL));
  table = td_import_table_read (path, NULL, &error);
  g_assert_null (table);
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_TOO_LARGE);
  g_assert_true (names_number (error->message, 2));
  remove_tmp_dir (dir);
}

static void
test_broken_not_a_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "không-có.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdImportTable) table = td_import_table_read (dir, NULL, &error);
  g_autofree char *base = g_path_get_basename (dir);

  g_assert_null (table);
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, base));
  g_clear_error (&error);

  table = td_import_table_read (missing, NULL, &error);
  g_assert_null (table);
  g_assert_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "không-có.csv"));
  remove_tmp_dir (dir);
}

static void
test_encoding_names (void)
{
  const char *const valid[] = { NULL, "", "utf-8", "UTF-8", "windows-1258", "tcvn3", "TCVN3-Font" };
  const char *const invalid[] = { "latin1", "utf-16", "tcvn", "auto" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (td_import_encoding_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (td_import_encoding_is_valid (invalid[i]));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/csv/quoted-cells", test_csv_quoting);
  g_test_add_func ("/import/csv/delimiter-detected", test_csv_delimiters);
  g_test_add_func ("/import/csv/bom-line-ends-and-numbers", test_csv_bom_and_line_ends);
  g_test_add_func ("/import/csv/empty-cells-and-rows-dropped", test_csv_empty_cells);
  g_test_add_func ("/import/csv/text-in-nfc", test_csv_nfc);
  g_test_add_func ("/import/csv/windows-1258-detected", test_csv_windows_1258);
  g_test_add_func ("/import/csv/tcvn3-detected", test_csv_tcvn3);
  g_test_add_func ("/import/csv/wrong-encoding-refused", test_csv_forced_wrong_encoding);
  g_test_add_func ("/import/csv/utf-16-with-bom", test_csv_utf16);
  g_test_add_func ("/import/csv/limits", test_csv_limits);
  g_test_add_func ("/import/csv/progress-and-cancel", test_csv_progress_and_cancel);
  g_test_add_func ("/import/vn3/converted", test_vn3_convert);
  g_test_add_func ("/import/vn3/table-matches-iconv", test_vn3_table_matches_iconv);
  g_test_add_func ("/import/vn3/detected-not-latin-names", test_vn3_detect);
  g_test_add_func ("/import/vn3/tcvn3-font-encoding", test_vn3_read_option);
  g_test_add_func ("/import/xlsx/openpyxl-title-merges-dates", test_xlsx_openpyxl);
  g_test_add_func ("/import/xlsx/sheet-by-name", test_xlsx_sheet_by_name);
  g_test_add_func ("/import/xlsx/libreoffice", test_xlsx_libreoffice);
  g_test_add_func ("/import/xlsx/inline-strings-and-numbers-only", test_xlsx_inline_and_numbers);
  g_test_add_func ("/import/xlsx/cell-types", test_xlsx_cell_types);
  g_test_add_func ("/import/xlsx/damaged-refused", test_xlsx_refused);
  g_test_add_func ("/import/xlsx/doctype-refused", test_xlsx_billion_laughs);
  g_test_add_func ("/import/xlsx/cell-too-long", test_xlsx_cell_too_long);
  g_test_add_func ("/import/xls/libreoffice", test_xls_libreoffice);
  g_test_add_func ("/import/read/by-content", test_read_by_content);
  g_test_add_func ("/import/broken/refused-with-reason", test_broken_files);
  g_test_add_func ("/import/broken/missing-shared-strings-named", test_broken_shared_strings_named);
  g_test_add_func ("/import/broken/windows-1258-read-when-detected", test_broken_detected_encoding);
  g_test_add_func ("/import/broken/ragged-rows-read", test_broken_ragged_rows);
  g_test_add_func ("/import/broken/huge-cell", test_broken_huge_cell);
  g_test_add_func ("/import/broken/folder-and-missing-file", test_broken_not_a_file);
  g_test_add_func ("/import/encoding-names", test_encoding_names);

  return g_test_run ();
}
