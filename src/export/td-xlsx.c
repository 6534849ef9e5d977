#define G_LOG_DOMAIN "td-xlsx"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "td-date.h"
#include "td-font-metrics.h"
#include "td-xlsx.h"
#include "td-xlsx-verify.h"

/* Excel's limit on the characters of one cell. */
#define MAX_CELL_CHARS 32767
/* Excel caps a row at 409 points. */
#define MAX_ROW_POINTS 409.0

struct _TdXlsxFile
{
  char         *target;
  char         *tmp_path;
  lxw_workbook *workbook;
  locale_t      c_numeric;
  locale_t      previous;
  GArray       *rows;
};

G_DEFINE_QUARK (td-export-error-quark, td_export_error)

static void
restore_locale (TdXlsxFile *file)
{
  if (file->c_numeric != (locale_t) 0)
    {
      uselocale (file->previous);
      freelocale (file->c_numeric);
      file->c_numeric = (locale_t) 0;
    }
}

static void
file_free (TdXlsxFile *file)
{
  restore_locale (file);
  g_clear_pointer (&file->rows, g_array_unref);
  g_free (file->target);
  g_free (file->tmp_path);
  g_free (file);
}

/* Refuses what would fail or do harm, before anything is written: a
 * missing folder, a target that is a folder, a target LibreOffice has
 * open (Linux has no mandatory locks: its «.~lock.NAME#» file tells). */
TdXlsxFile *
td_xlsx_file_open (const char  *target,
                   GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *lock = NULL;
  g_autofree char *display = g_filename_display_name (target);
  g_autofree char *template = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
  TdXlsxFile *file;
  int fd;

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display_folder = g_filename_display_name (folder);

      if (g_file_test (folder, G_FILE_TEST_EXISTS))
        g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_NO_FOLDER,
                     _("“%s” is a file, not a folder. Check the path of the workbook."),
                     display_folder);
      else
        g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_NO_FOLDER,
                     _("The folder “%s” does not exist. Choose another place for the file."),
                     display_folder);
      return NULL;
    }
  if (g_file_test (target, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_WRITE,
                   _("“%s” is a folder. Give a file name for the workbook."), display);
      return NULL;
    }
  lock = g_strdup_printf ("%s/.~lock.%s#", folder, base);
  if (g_file_test (lock, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_LOCKED,
                   _("“%s” is open in LibreOffice. Close it there and export again."), display);
      return NULL;
    }

  /* The temporary file lives beside the target, so the final rename
   * stays on one filesystem and cannot half-happen. */
  template = g_strdup_printf ("%s/.%s.XXXXXX", folder, base);
  fd = g_mkstemp (template);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_WRITE,
                   _("“%s” cannot be written: %s. Choose another place for the file."),
                   display, g_strerror (saved));
      return NULL;
    }
  close (fd);

  file = g_new0 (TdXlsxFile, 1);
  file->target = g_strdup (target);
  file->rows = g_array_new (FALSE, FALSE, sizeof (guint));
  file->tmp_path = g_steal_pointer (&template);

  /* libxlsxwriter formats numbers with the C library: under a Vietnamese
   * locale it writes «13,28» into the XML.  Only the numbers change. */
  file->c_numeric = newlocale (LC_NUMERIC_MASK, "C", duplocale (LC_GLOBAL_LOCALE));
  file->previous = uselocale (file->c_numeric);

  file->workbook = workbook_new_opt (file->tmp_path, &options);
  if (file->workbook == NULL)
    {
      g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_WRITE,
                   _("The workbook could not be created. Check the disk and try again."));
      g_unlink (file->tmp_path);
      file_free (file);
      return NULL;
    }
  return file;
}

lxw_workbook *
td_xlsx_file_workbook (TdXlsxFile *file)
{
  return file->workbook;
}

/* The rows a sheet holds, in the order the sheets were added: checked
 * against the written file before it replaces anything. */
void
td_xlsx_file_add_sheet (TdXlsxFile *file,
                        guint       rows)
{
  g_array_append_val (file->rows, rows);
}

gboolean
td_xlsx_check (lxw_error   result,
               GError    **error)
{
  if (result == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_WRITE,
               _("Writing the workbook failed (%s). Check that the disk has room and try again."),
               lxw_strerror (result));
  return FALSE;
}

/* Closes the workbook and renames it over the target only when whole;
 * on any failure the target is left as it was and nothing stays behind. */
gboolean
td_xlsx_file_commit (TdXlsxFile  *file,
                     GError     **error)
{
  g_autofree char *display = g_filename_display_name (file->target);
  lxw_error result = workbook_close (file->workbook);
  int fd;

  file->workbook = NULL;
  restore_locale (file);

  if (result != LXW_NO_ERROR)
    {
      td_xlsx_check (result, error);
      g_unlink (file->tmp_path);
      file_free (file);
      return FALSE;
    }

  if (!td_xlsx_verify (file->tmp_path, (const guint *) file->rows->data, file->rows->len))
    {
      g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_WRITE,
                   _("Writing the workbook failed: the disk is full or the file grew too large. Free some space and try again."));
      g_unlink (file->tmp_path);
      file_free (file);
      return FALSE;
    }

  fd = g_open (file->tmp_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }

  if (g_rename (file->tmp_path, file->target) != 0)
    {
      int saved = errno;

      g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_WRITE,
                   _("The workbook could not be saved as “%s”: %s."), display, g_strerror (saved));
      g_unlink (file->tmp_path);
      file_free (file);
      return FALSE;
    }
  file_free (file);
  return TRUE;
}

void
td_xlsx_file_abort (TdXlsxFile *file)
{
  if (file == NULL)
    return;
  if (file->workbook != NULL)
    workbook_close (file->workbook);
  g_unlink (file->tmp_path);
  file_free (file);
}

/* XML 1.0 cannot carry most control characters: they go.  A text longer
 * than a cell holds is cut, with a warning in the log. */
/* @text itself when it can go into a cell as it is (most texts), else a
 * cleaned copy in *@owned. */
const char *
td_xlsx_text (const char  *text,
              char       **owned)
{
  gboolean clean = TRUE;
  gsize length = 0;

  *owned = NULL;
  if (text == NULL)
    return "";
  for (const guchar *p = (const guchar *) text; *p && clean; p++, length++)
    clean = *p >= 0x20 || *p == '\n';
  if (clean && length <= MAX_CELL_CHARS && g_utf8_validate (text, length, NULL) &&
      strstr (text, "\xef\xbf\xbe") == NULL && strstr (text, "\xef\xbf\xbf") == NULL)
    return text;
  *owned = td_xlsx_clean_text (text);
  return *owned;
}

char *
td_xlsx_clean_text (const char *text)
{
  GString *out;
  glong n = 0;
  glong limit;

  if (text == NULL)
    return g_strdup ("");

  /* Longer than a cell holds (a 100,000-character achievement): cut,
   * with an ellipsis to show it was. */
  limit = g_utf8_strlen (text, -1) > MAX_CELL_CHARS ? MAX_CELL_CHARS - 1 : MAX_CELL_CHARS;
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0xFFFE || c == 0xFFFF)
        continue;
      if (c == '\t')
        c = ' ';
      if (++n > limit)
        {
          g_debug ("A text of more than %d characters was cut to fit one cell.", MAX_CELL_CHARS);
          g_string_append (out, "…");
          break;
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Column width in Excel's units (characters of the default font, 7 pixels
 * at 96 dpi, plus 5 pixels of padding) to points. */
double
td_xlsx_column_points (double width)
{
  return ((int) (width * 7 + 5 + 0.5)) * 0.75;
}

/* Height in points of a row whose cell, @column_width units wide, holds
 * @text wrapped.  A little narrower than the cell, for the cell padding
 * and for spreadsheets whose default font is not quite Calibri. */
double
td_xlsx_row_height (const char *text,
                    double      column_width,
                    double      size,
                    gboolean    bold,
                    gboolean    italic)
{
  double width = td_xlsx_column_points (column_width) * 0.96 - 4;
  int lines = td_font_count_lines (text, width, size, bold, italic);
  double height = lines * size * 1.18 + 5;

  return MIN (height, MAX_ROW_POINTS);
}

/* Decree 30/2020: days 01–09 and months 01–02 keep a leading zero, other
 * months do not.  «ngày 05 tháng 6 năm 2025» or, numeric, «05/6/2025». */
char *
td_xlsx_decree_date (const char *iso_date,
                     gboolean    numeric)
{
  GDate date;
  guint day, month;
  g_autofree char *month_text = NULL;

  if (!td_date_parse_iso (iso_date, &date))
    return g_strdup ("");
  day = g_date_get_day (&date);
  month = g_date_get_month (&date);
  month_text = month <= 2 ? g_strdup_printf ("%02u", month) : g_strdup_printf ("%u", month);
  if (numeric)
    return g_strdup_printf ("%02u/%s/%u", day, month_text, g_date_get_year (&date));
  return g_strdup_printf ("ngày %02u tháng %s năm %u", day, month_text, g_date_get_year (&date));
}

/* The end of every export: the workbook renamed over the target when
 * @written, else removed; the progress then says done. */
gboolean
td_xlsx_file_finish (TdXlsxFile        *file,
                     gboolean           written,
                     TdExportProgress   progress,
                     gpointer           user_data,
                     GError           **error)
{
  if (!written)
    {
      td_xlsx_file_abort (file);
      return FALSE;
    }
  if (!td_xlsx_file_commit (file, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}
