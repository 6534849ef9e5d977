#define G_LOG_DOMAIN "td-xlsx-reader"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include "td-xlsx-part.h"

#define MAX_ROWS    1048576
#define MAX_COLUMNS 16384    /* XFD */

/* Merged ranges bigger than this keep their value in the first cell
 * only: they are pictures or notes laid over the sheet, not headers. */
#define MAX_MERGE_AREA 65536

typedef struct
{
  guint      number;   /* 1-based */
  GPtrArray *cells;    /* char * or NULL, by column */
} SheetRow;

typedef struct
{
  guint row1, col1, row2, col2;   /* rows 1-based, columns 0-based */
} Range;

typedef struct
{
  XlsxBook   *book;
  const char *sheet;
  GPtrArray  *rows;      /* SheetRow */
  GArray     *merges;    /* Range */
  guint64     n_cells;   /* cells allotted, empty ones before the last included */
  guint64     merged_bytes;
  guint       max_row;
  guint       max_col;
} Sheet;

static void
sheet_row_free (SheetRow *row)
{
  g_ptr_array_unref (row->cells);
  g_free (row);
}

static SheetRow *
sheet_row_new (guint number)
{
  SheetRow *row = g_new0 (SheetRow, 1);

  row->number = number;
  row->cells = g_ptr_array_new_with_free_func (g_free);
  return row;
}

static char *
cell_name (guint col,
           guint row)
{
  char letters[8];
  int i = G_N_ELEMENTS (letters) - 1;

  letters[i] = '\0';
  for (col++; col > 0 && i > 0; col = (col - 1) / 26)
    letters[--i] = 'A' + (col - 1) % 26;
  return g_strdup_printf ("%s%u", letters + i, row);
}

/* «B7» → column 1, row 7; «B» → column 1, row 0.  FALSE when not a
 * reference, or beyond XFD or row 1,048,576. */
static gboolean
parse_reference (const char *text,
                 guint      *col,
                 guint      *row)
{
  const char *p = text;
  guint64 c = 0;
  guint64 r = 0;

  for (; g_ascii_isalpha (*p) && p - text < 4; p++)
    c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  if (c == 0 || c > MAX_COLUMNS || g_ascii_isalpha (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p) && r <= MAX_ROWS; p++)
    r = r * 10 + (*p - '0');
  if (*p != '\0' || r > MAX_ROWS)
    return FALSE;
  *col = c - 1;
  *row = r;
  return TRUE;
}

static gboolean
parse_range (const char *text,
             Range      *range)
{
  g_auto(GStrv) ends = g_strsplit (text, ":", 3);
  guint n = g_strv_length (ends);

  if ((n != 1 && n != 2) ||
      !parse_reference (ends[0], &range->col1, &range->row1) ||
      !parse_reference (ends[n - 1], &range->col2, &range->row2) ||
      range->row1 == 0 || range->row2 == 0)
    return FALSE;
  if (range->row1 > range->row2)
    {
      guint swap = range->row1;
      range->row1 = range->row2;
      range->row2 = swap;
    }
  if (range->col1 > range->col2)
    {
      guint swap = range->col1;
      range->col1 = range->col2;
      range->col2 = swap;
    }
  return TRUE;
}

static void
set_too_many_cells (Sheet   *sheet,
                    GError **error)
{
  g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_TOO_LARGE,
               _("Sheet “%s” has more than 16 million cells. Split it into smaller sheets or "
                 "files and import them one by one."),
               sheet->sheet);
}

/* Puts @value (taken) in @row at @col. */
static gboolean
sheet_set (Sheet    *sheet,
           SheetRow *row,
           guint     col,
           char     *value,
           GError  **error)
{
  if (col >= row->cells->len)
    {
      sheet->n_cells += col + 1 - row->cells->len;
      if (sheet->n_cells > TD_IMPORT_MAX_CELLS)
        {
          g_free (value);
          set_too_many_cells (sheet, error);
          return FALSE;
        }
      g_ptr_array_set_size (row->cells, col + 1);
    }
  g_free (row->cells->pdata[col]);
  row->cells->pdata[col] = value;
  if (value != NULL && *value != '\0')
    {
      sheet->max_row = MAX (sheet->max_row, row->number);
      sheet->max_col = MAX (sheet->max_col, col);
    }
  return TRUE;
}

/* Values */

/* Excel's serial day @serial as «YYYY-MM-DD», «YYYY-MM-DD HH:MM:SS» or
 * «HH:MM:SS».  The 1900 system counts 29 February 1900, which never was
 * (a bug kept from Lotus 1-2-3): day 60, and 1 March is day 61. */
static char *
format_serial (double     serial,
               XlsxKind   kind,
               gboolean   date1904)
{
  gint64 seconds;
  gint64 days;
  guint time;
  GDate date;
  char *day;
  char *time_text;

  if (!(serial >= 0 && serial < 2958466))
    return td_import_format_number (serial);
  seconds = (gint64) llround (serial * 86400.0);
  days = seconds / 86400;
  time = seconds % 86400;
  if (kind == XLSX_KIND_TIME && days == 0)
    return g_strdup_printf ("%02u:%02u:%02u", time / 3600, time / 60 % 60, time % 60);
  if (!date1904 && days == 0)
    return td_import_format_number (serial);

  if (!date1904 && days == 60)
    day = g_strdup ("1900-02-29");
  else
    {
      if (date1904)
        g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1904);
      else if (days < 60)
        g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 1899);
      else
        g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
      g_date_add_days (&date, (guint) days);
      if (!g_date_valid (&date) || g_date_get_year (&date) > 9999)
        return td_import_format_number (serial);
      day = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                             g_date_get_month (&date), g_date_get_day (&date));
    }
  if (kind == XLSX_KIND_DATE || time == 0)
    return day;
  time_text = g_strdup_printf ("%s %02u:%02u:%02u", day, time / 3600, time / 60 % 60, time % 60);
  g_free (day);
  return time_text;
}

static char *
format_number_text (XlsxBook   *book,
                    const char *text,
                    guint       style)
{
  XlsxKind kind = XLSX_KIND_NUMBER;
  char *end = NULL;
  double value;

  while (*text == ' ')
    text++;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    return td_import_normalize (text, -1);
  if (book->styles != NULL && style < book->styles->len)
    kind = g_array_index (book->styles, guint8, style);
  if (kind != XLSX_KIND_NUMBER)
    return format_serial (value, kind, book->date1904);
  return td_import_format_number (value);
}

static char *
shared_text (Sheet      *sheet,
             const char *index_text,
             guint       col,
             guint       row,
             GError    **error)
{
  XlsxBook *book = sheet->book;
  g_autofree char *name = cell_name (col, row);
  guint64 index = 0;

  if (book->shared == NULL)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CORRUPT,
                   _("Cell %s of sheet “%s” refers to the workbook’s table of shared texts, "
                     "which is missing (xl/sharedStrings.xml): the file is damaged. Open it in "
                     "Excel or LibreOffice and save it again."),
                   name, sheet->sheet);
      return NULL;
    }
  if (!g_ascii_string_to_unsigned (g_strstrip ((char *) index_text), 10, 0,
                                   book->shared->len > 0 ? book->shared->len - 1 : 0,
                                   &index, NULL) ||
      book->shared->len == 0)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CORRUPT,
                   _("Cell %s of sheet “%s” refers to a shared text that the workbook does "
                     "not have: the file is damaged. Open it in Excel or LibreOffice and save "
                     "it again."),
                   name, sheet->sheet);
      return NULL;
    }
  return g_strdup (g_ptr_array_index (book->shared, index));
}

/* The text of a cell from its type (t), style (s), value (<v>) and
 * inline text (<is>); NULL and no @error when it has none. */
static char *
cell_value (Sheet      *sheet,
            const char *type,
            guint       style,
            GString    *value,
            GString    *inline_text,
            guint       col,
            guint       row,
            GError    **error)
{
  if (g_str_equal (type, "inlineStr"))
    return inline_text != NULL ? td_xlsx_finish_text (inline_text) : NULL;
  if (value == NULL)
    return NULL;
  if (g_str_equal (type, "s"))
    return shared_text (sheet, value->str, col, row, error);
  if (g_str_equal (type, "str"))
    return td_xlsx_finish_text (value);
  if (g_str_equal (type, "b"))
    return g_strdup (g_strstrip (value->str)[0] == '1' ? "TRUE" : "FALSE");
  if (g_str_equal (type, "e"))
    return td_import_normalize (value->str, value->len);
  if (g_str_equal (type, "d"))
    {
      char *t = strchr (value->str, 'T');

      if (t != NULL && g_str_equal (t, "T00:00:00"))
        *t = '\0';
      else if (t != NULL)
        *t = ' ';
      return td_import_normalize (value->str, value->len);
    }
  return format_number_text (sheet->book, value->str, style);
}

/* Reading the sheet */

static void
set_cell_too_long (Sheet   *sheet,
                   guint    col,
                   guint    row,
                   GError **error)
{
  g_autofree char *name = cell_name (col, row);

  g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_TOO_LARGE,
               _("Cell %s of sheet “%s” is longer than 1 MB. Shorten it in Excel or "
                 "LibreOffice, then import the file again."),
               name, sheet->sheet);
}

/* From <c> to its end: its value, or an error. */
static gboolean
read_cell (Sheet      *sheet,
           XlsxPart   *part,
           const char *type,
           guint       style,
           guint       col,
           guint       row,
           char      **text,
           GError    **error)
{
  xmlTextReaderPtr reader = part->reader;
  g_autoptr(GString) value = NULL;
  g_autoptr(GString) inline_text = NULL;
  int depth = xmlTextReaderDepth (reader);
  int ret;

  *text = NULL;
  if (xmlTextReaderIsEmptyElement (reader))
    return TRUE;
  while ((ret = td_xlsx_part_next (part, error)) == 1)
    {
      int node = xmlTextReaderNodeType (reader);
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);
      XlsxText result = XLSX_TEXT_OK;

      if (node == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == depth)
        break;
      if (node != XML_READER_TYPE_ELEMENT)
        continue;
      if (g_str_equal (name, "v") && value == NULL)
        {
          value = g_string_new (NULL);
          result = td_xlsx_read_text (part, value, FALSE, error);
        }
      else if (g_str_equal (name, "is") && inline_text == NULL)
        {
          inline_text = g_string_new (NULL);
          result = td_xlsx_read_text (part, inline_text, TRUE, error);
        }
      if (result == XLSX_TEXT_TOO_LONG)
        set_cell_too_long (sheet, col, row, error);
      if (result != XLSX_TEXT_OK)
        return FALSE;
    }
  if (ret < 0)
    return FALSE;
  *text = cell_value (sheet, type, style, value, inline_text, col, row, error);
  return error == NULL || *error == NULL;
}

static void
set_beyond_limits (Sheet      *sheet,
                   const char *what,
                   GError    **error)
{
  g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_TOO_LARGE,
               _("Sheet “%s” has a cell “%s” beyond column XFD or row 1,048,576, the limits "
                 "of Excel: the file is damaged. Open it in Excel or LibreOffice and save it "
                 "again."),
               sheet->sheet, what);
}

static gboolean
read_sheet_data (Sheet    *sheet,
                 XlsxPart *part,
                 GError  **error)
{
  xmlTextReaderPtr reader = part->reader;
  SheetRow *row = NULL;
  guint last_row = 0;
  guint last_col = 0;
  int ret;

  while ((ret = td_xlsx_part_next (part, error)) == 1)
    {
      const char *name;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      name = (const char *) xmlTextReaderConstLocalName (reader);
      if (g_str_equal (name, "row"))
        {
          g_autofree char *r = td_xlsx_attribute (reader, "r");
          guint64 number = last_row + 1;

          if (r != NULL && !g_ascii_string_to_unsigned (r, 10, 1, MAX_ROWS, &number, NULL))
            {
              set_beyond_limits (sheet, r, error);
              return FALSE;
            }
          if (r == NULL && number > MAX_ROWS)
            {
              set_beyond_limits (sheet, "1048577", error);
              return FALSE;
            }
          row = sheet_row_new (number);
          g_ptr_array_add (sheet->rows, row);
          last_row = number;
          last_col = 0;
        }
      else if (g_str_equal (name, "c"))
        {
          char ref[24], type[24], style_text[24];
          guint col = last_col + (row != NULL && row->cells->len > 0 ? 1 : 0);
          guint ref_row = last_row;
          guint64 style = 0;
          char *text = NULL;

          td_xlsx_cell_attributes (reader, ref, type, style_text);
          if (*ref != '\0' && (!parse_reference (ref, &col, &ref_row) || ref_row == 0))
            {
              set_beyond_limits (sheet, ref, error);
              return FALSE;
            }
          if (row == NULL)
            {
              row = sheet_row_new (ref_row > 0 ? ref_row : 1);
              g_ptr_array_add (sheet->rows, row);
              last_row = row->number;
            }
          if (*ref == '\0' && row->cells->len > 0 && col >= MAX_COLUMNS)
            {
              set_beyond_limits (sheet, "XFE", error);
              return FALSE;
            }
          g_ascii_string_to_unsigned (style_text, 10, 0, G_MAXUINT, &style, NULL);
          if (!read_cell (sheet, part, *type != '\0' ? type : "n", style, col, row->number,
                          &text, error) ||
              !sheet_set (sheet, row, col, text, error))
            return FALSE;
          last_col = col;
        }
      else if (g_str_equal (name, "mergeCell"))
        {
          g_autofree char *ref = td_xlsx_attribute (reader, "ref");
          Range range;

          if (ref != NULL && parse_range (ref, &range))
            g_array_append_val (sheet->merges, range);
        }
    }
  return ret == 0;
}

static SheetRow *
find_or_add_row (Sheet      *sheet,
                 GHashTable *by_number,
                 guint       number,
                 gboolean   *added)
{
  SheetRow *row = g_hash_table_lookup (by_number, GUINT_TO_POINTER (number));

  if (row == NULL)
    {
      row = sheet_row_new (number);
      g_ptr_array_add (sheet->rows, row);
      g_hash_table_insert (by_number, GUINT_TO_POINTER (number), row);
      *added = TRUE;
    }
  return row;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const SheetRow *row_a = *(SheetRow **) a;
  const SheetRow *row_b = *(SheetRow **) b;

  return row_a->number < row_b->number ? -1 : row_a->number > row_b->number;
}

/* The value of a merged range's first cell in each of its cells, so that
 * a header over two rows or columns is seen in each of them. */
static gboolean
apply_merges (Sheet   *sheet,
              GError **error)
{
  g_autoptr(GHashTable) by_number = NULL;
  gboolean added = FALSE;

  if (sheet->merges->len == 0)
    return TRUE;
  by_number = g_hash_table_new (NULL, NULL);
  for (guint i = sheet->rows->len; i > 0; i--)
    {
      SheetRow *row = g_ptr_array_index (sheet->rows, i - 1);

      g_hash_table_insert (by_number, GUINT_TO_POINTER (row->number), row);
    }

  for (guint m = 0; m < sheet->merges->len; m++)
    {
      Range range = g_array_index (sheet->merges, Range, m);
      SheetRow *first = g_hash_table_lookup (by_number, GUINT_TO_POINTER (range.row1));
      const char *value;
      gsize length;
      guint max_row = MIN (range.row2, sheet->max_row);
      guint max_col = MIN (range.col2, sheet->max_col);

      if (first == NULL || range.col1 >= first->cells->len)
        continue;
      value = g_ptr_array_index (first->cells, range.col1);
      if (value == NULL || *value == '\0' || max_row < range.row1 || max_col < range.col1 ||
          (guint64) (max_row - range.row1 + 1) * (max_col - range.col1 + 1) > MAX_MERGE_AREA)
        continue;
      length = strlen (value);
      for (guint r = range.row1; r <= max_row; r++)
        {
          SheetRow *row = find_or_add_row (sheet, by_number, r, &added);

          for (guint c = range.col1; c <= max_col; c++)
            {
              if (r == range.row1 && c == range.col1)
                continue;
              sheet->merged_bytes += length;
              if (sheet->merged_bytes > TD_IMPORT_MAX_PART_SIZE)
                {
                  set_too_many_cells (sheet, error);
                  return FALSE;
                }
              /* @first->cells may have moved: take the value anew. */
              value = g_ptr_array_index (first->cells, range.col1);
              if (!sheet_set (sheet, row, c, g_strdup (value), error))
                return FALSE;
            }
        }
    }
  if (added)
    g_ptr_array_sort (sheet->rows, compare_rows);
  return TRUE;
}

static TdImportTable *
read_sheet (XlsxBook   *book,
            const char *sheet_name,
            const char *path,
            GError    **error)
{
  g_autoptr(TdImportTable) table = td_import_table_new ("xlsx");
  g_autoptr(XlsxPart) part = NULL;
  Sheet sheet = {
    .book = book,
    .sheet = sheet_name,
    .rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_row_free),
    .merges = g_array_new (FALSE, FALSE, sizeof (Range)),
  };
  gboolean ok;

  part = td_xlsx_part_open (book, path, error);
  if (part == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CORRUPT,
                     _("The workbook is damaged: the part %s of sheet “%s” is missing. Open it "
                       "in Excel or LibreOffice and save it again."),
                     path, sheet_name);
      ok = FALSE;
    }
  else
    ok = read_sheet_data (&sheet, part, error) && apply_merges (&sheet, error);

  for (guint i = 0; ok && i < sheet.rows->len; i++)
    {
      SheetRow *row = g_ptr_array_index (sheet.rows, i);

      td_import_table_add_row (table, row->number, g_steal_pointer (&row->cells));
      row->cells = g_ptr_array_new ();
    }
  g_ptr_array_unref (sheet.rows);
  g_array_unref (sheet.merges);
  if (!ok)
    return NULL;
  if (table->rows->len == 0)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_EMPTY,
                   _("Sheet “%s” has no text in it. Choose another sheet, or the file that "
                     "holds the table of records."),
                   sheet_name);
      return NULL;
    }
  return g_steal_pointer (&table);
}

/* Choosing the sheet */

static char *
quoted_list (GStrv names)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (list, "%s“%s”", i > 0 ? ", " : "", names[i]);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static int
choose_sheet (XlsxBook   *book,
              const char *wanted,
              GError    **error)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *list = NULL;

  if (wanted == NULL || *wanted == '\0')
    {
      for (guint i = 0; i < book->paths->len; i++)
        if (!g_array_index (book->hidden, gboolean, i))
          return i;
      return 0;
    }
  normal = td_import_normalize (wanted, -1);
  for (guint i = 0; i < book->paths->len; i++)
    if (g_str_equal (g_ptr_array_index (book->sheets, i), normal))
      return i;
  folded = g_utf8_casefold (normal, -1);
  for (guint i = 0; i < book->paths->len; i++)
    {
      g_autofree char *name = g_utf8_casefold (g_ptr_array_index (book->sheets, i), -1);

      if (g_str_equal (name, folded))
        return i;
    }

  list = quoted_list ((GStrv) book->sheets->pdata);
  g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_NO_SHEET,
               _("The workbook has no sheet “%s”. Its sheets are: %s."), wanted, list);
  return -1;
}

/* Public API */

TdImportTable *
td_xlsx_parse (GBytes                    *bytes,
               const TdImportReadOptions *options,
               GError                   **error)
{
  g_autoptr(XlsxBook) book = NULL;
  g_autoptr(TdImportTable) table = NULL;
  int index;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_bytes_get_size (bytes) > TD_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_TOO_LARGE,
                   _("The file is larger than 256 MB. Split it into smaller files and import "
                     "them one by one."));
      return NULL;
    }
  book = td_xlsx_book_open (bytes, options, error);
  if (book == NULL)
    return NULL;
  index = choose_sheet (book, options != NULL ? options->sheet : NULL, error);
  if (index < 0 || !td_xlsx_book_load (book, index, error))
    return NULL;

  table = read_sheet (book, g_ptr_array_index (book->sheets, index),
                      g_ptr_array_index (book->paths, index), error);
  if (table == NULL)
    return NULL;
  table->sheet = g_strdup (g_ptr_array_index (book->sheets, index));
  table->sheets = g_strdupv ((GStrv) book->sheets->pdata);
  td_import_table_apply_vn3 (table, options);
  if (options != NULL && options->progress != NULL)
    options->progress (1.0, options->progress_data);
  return g_steal_pointer (&table);
}
