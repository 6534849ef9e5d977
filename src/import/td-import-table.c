#define G_LOG_DOMAIN "td-import-table"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "td-import-table.h"

/* How much of a file is looked at to tell binary from text. */
#define SNIFF_SIZE 4096

/* NFC is applied this many bytes at a time, so that a whole file is never
 * held twice as UTF-16. */
#define NORMALIZE_CHUNK (256 * 1024)

G_DEFINE_QUARK (td-import-error-quark, td_import_error)

static void
import_row_free (TdImportRow *row)
{
  g_strfreev (row->cells);
  g_free (row);
}

static gboolean
is_ascii (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) text[i] >= 0x80)
      return FALSE;
  return TRUE;
}

/* Whether the cell holds anything but spaces and line breaks. */
static gboolean
has_text (const char *cell)
{
  for (const char *p = cell; *p != '\0'; p++)
    if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
      return TRUE;
  return FALSE;
}

/* NFC of @length bytes of UTF-8 (ICU's quick check first: most text is
 * already NFC, and then it is copied as it is). */
static void
normalize_span (GString    *out,
                const char *text,
                gsize       length,
                GArray     *utf16)
{
  const UNormalizer2 *nfc;
  UErrorCode status = U_ZERO_ERROR;
  g_autofree UChar *normal = NULL;
  int32_t n_units = 0;
  int32_t n_normal;
  int32_t n_bytes = 0;
  gsize old_len;

  nfc = unorm2_getNFCInstance (&status);
  /* A UTF-16 text has at most as many units as its UTF-8 has bytes. */
  g_array_set_size (utf16, length + 1);
  u_strFromUTF8 ((UChar *) utf16->data, (int32_t) utf16->len, &n_units, text, (int32_t) length,
                 &status);
  if (U_FAILURE (status) ||
      unorm2_spanQuickCheckYes (nfc, (UChar *) utf16->data, n_units, &status) == n_units ||
      U_FAILURE (status))
    {
      g_string_append_len (out, text, length);
      return;
    }

  n_normal = unorm2_normalize (nfc, (UChar *) utf16->data, n_units, NULL, 0, &status);
  status = U_ZERO_ERROR;
  normal = g_new (UChar, n_normal + 1);
  unorm2_normalize (nfc, (UChar *) utf16->data, n_units, normal, n_normal + 1, &status);
  old_len = out->len;
  g_string_set_size (out, old_len + (gsize) n_normal * 3 + 1);
  if (U_SUCCESS (status))
    u_strToUTF8 (out->str + old_len, n_normal * 3 + 1, &n_bytes, normal, n_normal, &status);
  if (U_FAILURE (status))
    {
      g_string_truncate (out, old_len);
      g_string_append_len (out, text, length);
      return;
    }
  g_string_truncate (out, old_len + n_bytes);
}

/* Cut before an ASCII byte: no ASCII character is ever the second of a
 * composition, so the two pieces normalise independently. */
static void
normalize_append (GString    *out,
                  const char *text,
                  gsize       length)
{
  g_autoptr(GArray) utf16 = g_array_new (FALSE, FALSE, sizeof (UChar));
  const char *end = text + length;
  const char *p = text;

  while (p < end)
    {
      const char *cut = end;

      if ((gsize) (end - p) > NORMALIZE_CHUNK)
        {
          cut = p + NORMALIZE_CHUNK;
          while (cut > p && (guchar) *cut >= 0x80)
            cut--;
          if (cut == p)
            for (cut = p + NORMALIZE_CHUNK; cut < end && (guchar) *cut >= 0x80; cut++)
              ;
        }
      if (is_ascii (p, cut - p))
        g_string_append_len (out, p, cut - p);
      else
        normalize_span (out, p, cut - p, utf16);
      p = cut;
    }
}

static gboolean
is_tcvn3_font (const TdImportReadOptions *options)
{
  return options != NULL && options->encoding != NULL &&
         g_ascii_strcasecmp (options->encoding, "tcvn3-font") == 0;
}

static gboolean
has_extension (const char        *path,
               const char *const *extensions)
{
  const char *dot = strrchr (path, '.');

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;
  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_ascii_strcasecmp (dot + 1, extensions[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A web page or XML saved under a spreadsheet's name, as some old web
 * applications export their «Excel» files. */
static gboolean
is_markup_named_spreadsheet (const char *path,
                             const char *data,
                             gsize       length)
{
  static const char *const spreadsheet[] = { "xls", "xlsx", "xlsm", NULL };
  gsize i = 0;

  if (!has_extension (path, spreadsheet))
    return FALSE;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  return i < length && data[i] == '<';
}

static gboolean
starts_with_utf16_bom (const char *data,
                       gsize       length)
{
  return length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0);
}

static TdImportTable *
read_mapped (const char                *path,
             GMappedFile               *mapped,
             const TdImportReadOptions *options,
             GError                   **error)
{
  const char *data = g_mapped_file_get_contents (mapped);
  gsize length = g_mapped_file_get_length (mapped);
  g_autofree char *display = g_filename_display_name (path);

  if (length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    {
      g_autoptr(GBytes) bytes = g_mapped_file_get_bytes (mapped);

      return td_xlsx_parse (bytes, options, error);
    }
  if (length >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    return td_xls_read (path, options, error);
  if ((memchr (data, '\0', MIN (length, SNIFF_SIZE)) != NULL && !starts_with_utf16_bom (data, length)) ||
      (length >= 4 && memcmp (data, "PK\x05\x06", 4) == 0))
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_UNSUPPORTED,
                   _("“%s” is not a CSV, XLSX or XLS file. Save the table in one of these "
                     "formats from Excel or LibreOffice, then import it."),
                   display);
      return NULL;
    }
  if (is_markup_named_spreadsheet (path, data, length))
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_UNSUPPORTED,
                   _("“%s” is a web page or XML file named like a workbook, not a real "
                     "Excel file. Open it in Excel or LibreOffice and save it as XLSX."),
                   display);
      return NULL;
    }
  return td_csv_parse (data, length, options, error);
}

/* Public API */

TdImportTable *
td_import_table_new (const char *format)
{
  TdImportTable *table = g_new0 (TdImportTable, 1);

  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) import_row_free);
  table->format = g_strdup (format);
  table->encoding = g_strdup ("UTF-8");
  return table;
}

void
td_import_table_free (TdImportTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_free (table->format);
  g_free (table->encoding);
  g_free (table->sheet);
  g_strfreev (table->sheets);
  g_free (table);
}

void
td_import_table_add_row (TdImportTable *table,
                         guint          line,
                         GPtrArray     *cells)
{
  TdImportRow *row;
  gboolean any_text = FALSE;

  g_return_if_fail (table != NULL);
  g_return_if_fail (cells != NULL);

  while (cells->len > 0)
    {
      const char *last = g_ptr_array_index (cells, cells->len - 1);

      if (last != NULL && *last != '\0')
        break;
      g_free (g_ptr_array_steal_index (cells, cells->len - 1));
    }
  for (guint i = 0; i < cells->len; i++)
    {
      if (g_ptr_array_index (cells, i) == NULL)
        cells->pdata[i] = g_strdup ("");
      else if (!any_text)
        any_text = has_text (g_ptr_array_index (cells, i));
    }
  if (!any_text)
    {
      g_ptr_array_set_free_func (cells, g_free);
      g_ptr_array_unref (cells);
      return;
    }

  row = g_new0 (TdImportRow, 1);
  row->line = line;
  row->n_cells = cells->len;
  g_ptr_array_add (cells, NULL);
  g_ptr_array_set_free_func (cells, NULL);
  row->cells = (char **) g_ptr_array_free (cells, FALSE);
  g_ptr_array_add (table->rows, row);
}

char *
td_import_normalize (const char *text,
                     gssize      length)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  if (is_ascii (text, length))
    return g_strndup (text, length);
  out = g_string_sized_new (length + 1);
  normalize_append (out, text, length);
  return g_string_free (out, FALSE);
}

char *
td_import_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("NaN");
  if (isinf (value))
    return g_strdup (value > 0 ? "Infinity" : "-Infinity");
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

void
td_import_table_apply_vn3 (TdImportTable             *table,
                           const TdImportReadOptions *options)
{
  g_return_if_fail (table != NULL);

  if (is_tcvn3_font (options))
    {
      if (!table->vn3_converted)
        td_import_table_convert_vn3 (table);
    }
  else
    table->vn3_font = td_vn3_detect (table);
}

gboolean
td_import_encoding_is_valid (const char *encoding)
{
  static const char *const known[] = {
    "utf-8", "utf8", "windows-1258", "cp1258", "tcvn3", "tcvn5712-1", "tcvn3-font",
  };

  if (encoding == NULL || *encoding == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_ascii_strcasecmp (encoding, known[i]) == 0)
      return TRUE;
  return FALSE;
}

TdImportTable *
td_import_table_read (const char                *path,
                      const TdImportReadOptions *options,
                      GError                   **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  struct stat info;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED,
                   _("Could not open “%s”: %s."), display, g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (fd, &info) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED,
                   _("Could not read “%s”: %s."), display, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (info.st_mode))
    {
      close (fd);
      if (S_ISDIR (info.st_mode))
        g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED,
                     _("“%s” is a folder. Choose a CSV, XLSX or XLS file in it."), display);
      else
        g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED,
                     _("“%s” is not a regular file. Choose a CSV, XLSX or XLS file."), display);
      return NULL;
    }
  if (info.st_size > TD_IMPORT_MAX_FILE_SIZE)
    {
      close (fd);
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is larger than 256 MB. Split it into smaller files and import "
                     "them one by one."),
                   display);
      return NULL;
    }
  if (info.st_size == 0)
    {
      close (fd);
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty. Choose the file that holds the table of records."), display);
      return NULL;
    }

  mapped = g_mapped_file_new_from_fd (fd, FALSE, &local_error);
  close (fd);
  if (mapped == NULL)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED,
                   _("Could not read “%s”: %s."), display, local_error->message);
      return NULL;
    }
  return read_mapped (path, mapped, options, error);
}
