#define G_LOG_DOMAIN "td-xls-reader"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <freexl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "td-import-table.h"

/* Cancellation is checked, and progress reported, every this many rows. */
#define PROGRESS_ROWS 1024

typedef struct
{
  const void *handle;
} Workbook;

static void
workbook_clear (Workbook *workbook)
{
  if (workbook->handle != NULL)
    freexl_close (workbook->handle);
  workbook->handle = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Workbook, workbook_clear)

/* FreeXL's error codes, for the messages' technical part. */
static const char *
freexl_reason (int code)
{
  switch (code)
    {
    case FREEXL_INVALID_CFBF_HEADER: return "invalid compound file header";
    case FREEXL_CFBF_READ_ERROR: return "read error";
    case FREEXL_CFBF_SEEK_ERROR: return "seek error";
    case FREEXL_CFBF_INVALID_SIGNATURE: return "invalid compound file signature";
    case FREEXL_CFBF_INVALID_SECTOR_SIZE: return "invalid sector size";
    case FREEXL_CFBF_EMPTY_FAT_CHAIN: return "empty FAT chain";
    case FREEXL_CFBF_ILLEGAL_FAT_ENTRY: return "illegal FAT entry";
    case FREEXL_BIFF_INVALID_BOF: return "invalid BOF record";
    case FREEXL_BIFF_INVALID_SST: return "invalid shared string table";
    case FREEXL_BIFF_ILLEGAL_SST_INDEX: return "illegal shared string index";
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND: return "no workbook stream";
    case FREEXL_BIFF_ILLEGAL_SHEET_INDEX: return "illegal sheet index";
    case FREEXL_INVALID_CHARACTER: return "invalid character";
    case FREEXL_UNSUPPORTED_CHARSET: return "unsupported character set";
    case FREEXL_ILLEGAL_CELL_ROW_COL: return "illegal cell position";
    case FREEXL_ILLEGAL_RK_VALUE: return "illegal number value";
    case FREEXL_INVALID_MINI_STREAM: return "invalid mini stream";
    case FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY: return "illegal mini FAT entry";
    case FREEXL_CRAFTED_FILE: return "crafted or severely damaged file";
    case FREEXL_INSUFFICIENT_MEMORY: return "out of memory";
    default: return "unknown error";
    }
}

static void
set_freexl_error (GError **error,
                  int      code)
{
  switch (code)
    {
    case FREEXL_INVALID_CFBF_HEADER:
    case FREEXL_CFBF_INVALID_SIGNATURE:
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_UNSUPPORTED,
                   _("The file is not an Excel 97–2003 workbook (XLS): %s. Choose a CSV, XLSX "
                     "or XLS file."),
                   freexl_reason (code));
      break;

    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_UNSUPPORTED,
                   _("The file is an Office document with no Excel workbook in it: a Word or "
                     "PowerPoint file, or an XLSX workbook protected by a password. Save the "
                     "table as XLSX without a password, then import that file."));
      break;

    case FREEXL_INVALID_CHARACTER:
    case FREEXL_UNSUPPORTED_CHARSET:
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_ENCODING,
                   _("The XLS workbook’s text is in a character set that cannot be read (%s). "
                     "Save it as XLSX in Excel or LibreOffice, then import that file."),
                   freexl_reason (code));
      break;

    default:
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CORRUPT,
                   _("The XLS workbook is damaged (%s). Open it in Excel or LibreOffice and "
                     "save it again."),
                   freexl_reason (code));
      break;
    }
}

static char *
cell_text (const FreeXL_CellValue *value)
{
  switch (value->type)
    {
    case FREEXL_CELL_INT:
      return g_strdup_printf ("%d", value->value.int_value);
    case FREEXL_CELL_DOUBLE:
      return td_import_format_number (value->value.double_value);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_TIME:
      return value->value.text_value != NULL ? td_import_normalize (value->value.text_value, -1)
                                             : NULL;
    case FREEXL_CELL_DATETIME:
      if (value->value.text_value == NULL)
        return NULL;
      if (g_str_has_suffix (value->value.text_value, " 00:00:00"))
        return g_strndup (value->value.text_value, strlen (value->value.text_value) - 9);
      return g_strdup (value->value.text_value);
    default:
      return NULL;
    }
}

static gboolean
read_names (Workbook  *workbook,
            GPtrArray *names,
            GError   **error)
{
  unsigned int count = 0;
  int ret = freexl_get_info (workbook->handle, FREEXL_BIFF_SHEET_COUNT, &count);

  if (ret != FREEXL_OK)
    {
      set_freexl_error (error, ret);
      return FALSE;
    }
  for (unsigned int i = 0; i < count && i <= G_MAXUINT16; i++)
    {
      const char *name = NULL;

      ret = freexl_get_worksheet_name (workbook->handle, i, &name);
      if (ret != FREEXL_OK)
        {
          set_freexl_error (error, ret);
          return FALSE;
        }
      g_ptr_array_add (names, td_import_normalize (name != NULL ? name : "", -1));
    }
  g_ptr_array_add (names, NULL);
  if (count == 0)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CORRUPT,
                   _("The workbook has no worksheet: it is damaged or holds only charts. Open it "
                     "in Excel or LibreOffice and check it."));
      return FALSE;
    }
  return TRUE;
}

static int
choose_sheet (GPtrArray  *names,
              const char *wanted,
              GError    **error)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) list = NULL;
  guint n = names->len - 1;

  if (wanted == NULL || *wanted == '\0')
    return 0;
  normal = td_import_normalize (wanted, -1);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (g_ptr_array_index (names, i), normal))
      return i;
  folded = g_utf8_casefold (normal, -1);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_utf8_casefold (g_ptr_array_index (names, i), -1);

      if (g_str_equal (name, folded))
        return i;
    }

  list = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (list, "%s“%s”", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (names, i));
  g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_NO_SHEET,
               _("The workbook has no sheet “%s”. Its sheets are: %s."), wanted, list->str);
  return -1;
}

static gboolean
read_rows (Workbook                  *workbook,
           TdImportTable             *table,
           const TdImportReadOptions *options,
           GError                   **error)
{
  unsigned int n_rows = 0;
  unsigned short n_columns = 0;
  int ret = freexl_worksheet_dimensions (workbook->handle, &n_rows, &n_columns);

  if (ret != FREEXL_OK)
    {
      set_freexl_error (error, ret);
      return FALSE;
    }
  if ((guint64) n_rows * n_columns > TD_IMPORT_MAX_CELLS)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_TOO_LARGE,
                   _("Sheet “%s” has more than 16 million cells. Split it into smaller sheets or "
                     "files and import them one by one."),
                   table->sheet);
      return FALSE;
    }

  for (unsigned int r = 0; r < n_rows; r++)
    {
      GPtrArray *cells = g_ptr_array_new_full (n_columns, g_free);

      if (r % PROGRESS_ROWS == 0 && options != NULL)
        {
          if (g_cancellable_is_cancelled (options->cancellable))
            {
              g_ptr_array_unref (cells);
              g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CANCELLED,
                           _("Reading the file was cancelled."));
              return FALSE;
            }
          if (options->progress != NULL)
            options->progress ((double) r / n_rows, options->progress_data);
        }
      for (unsigned short c = 0; c < n_columns; c++)
        {
          FreeXL_CellValue value = { 0 };

          ret = freexl_get_cell_value (workbook->handle, r, c, &value);
          if (ret != FREEXL_OK)
            {
              g_ptr_array_unref (cells);
              set_freexl_error (error, ret);
              return FALSE;
            }
          g_ptr_array_add (cells, cell_text (&value));
        }
      td_import_table_add_row (table, r + 1, cells);
    }
  return TRUE;
}

/* Public API */

TdImportTable *
td_xls_read (const char                *path,
             const TdImportReadOptions *options,
             GError                   **error)
{
  g_auto(Workbook) workbook = { NULL };
  g_autoptr(TdImportTable) table = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *display = NULL;
  unsigned int password = 0;
  GStatBuf info;
  int index;
  int ret;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);
  if (g_stat (path, &info) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED,
                   _("Could not open “%s”: %s."), display, g_strerror (saved_errno));
      return NULL;
    }
  if (info.st_size > TD_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is larger than 256 MB. Split it into smaller files and import "
                     "them one by one."),
                   display);
      return NULL;
    }

  ret = freexl_open (path, &workbook.handle);
  if (ret != FREEXL_OK)
    {
      set_freexl_error (error, ret);
      return NULL;
    }
  if (freexl_get_info (workbook.handle, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
      password == FREEXL_BIFF_OBFUSCATED)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_UNSUPPORTED,
                   _("The workbook is protected by a password. Open it in Excel or LibreOffice, "
                     "remove the password and save it again, then import it."));
      return NULL;
    }
  if (!read_names (&workbook, names, error))
    return NULL;
  index = choose_sheet (names, options != NULL ? options->sheet : NULL, error);
  if (index < 0)
    return NULL;
  ret = freexl_select_active_worksheet (workbook.handle, index);
  if (ret != FREEXL_OK)
    {
      set_freexl_error (error, ret);
      return NULL;
    }

  table = td_import_table_new ("xls");
  table->sheet = g_strdup (g_ptr_array_index (names, index));
  table->sheets = g_strdupv ((GStrv) names->pdata);
  if (!read_rows (&workbook, table, options, error))
    return NULL;
  if (table->rows->len == 0)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_EMPTY,
                   _("Sheet “%s” has no text in it. Choose another sheet, or the file that "
                     "holds the table of records."),
                   table->sheet);
      return NULL;
    }
  td_import_table_apply_vn3 (table, options);
  if (options != NULL && options->progress != NULL)
    options->progress (1.0, options->progress_data);
  return g_steal_pointer (&table);
}
