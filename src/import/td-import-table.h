#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A table read from a spreadsheet or CSV file, before any meaning is
 * given to its columns: rows of text cells, in file order.  Readers know
 * nothing of the database (they are fuzzed on their own). */

#define TD_IMPORT_ERROR (td_import_error_quark ())

/* Messages are translated, name the file's line or cell where one is at
 * fault, and say what to do. */
typedef enum
{
  TD_IMPORT_ERROR_UNSUPPORTED,   /* not a CSV, XLSX or XLS file */
  TD_IMPORT_ERROR_CORRUPT,       /* damaged zip/XML/XLS, unterminated quote… */
  TD_IMPORT_ERROR_ENCODING,      /* text not valid in the encoding given or found */
  TD_IMPORT_ERROR_TOO_LARGE,     /* a cell, a row or the file beyond the limits */
  TD_IMPORT_ERROR_NO_SHEET,      /* the sheet asked for does not exist */
  TD_IMPORT_ERROR_EMPTY,         /* no cell with text at all */
  TD_IMPORT_ERROR_CANCELLED,
  TD_IMPORT_ERROR_FAILED,        /* reading the file failed (errno) */
} TdImportError;

typedef struct
{
  guint   line;      /* where the row is in the file, 1-based: the text
                      * line it starts on (CSV) or the sheet's row number */
  guint   n_cells;
  char  **cells;     /* n_cells + NULL; NFC UTF-8, "" when empty; trailing
                      * empty cells are dropped */
} TdImportRow;

typedef struct
{
  GPtrArray *rows;       /* TdImportRow *; rows with no text at all are left out */
  char      *format;     /* "csv", "xlsx" or "xls" */
  char      *encoding;   /* what the text was read as: "UTF-8", "WINDOWS-1258"
                          * or "TCVN5712-1" (CSV); "UTF-8" for XLSX/XLS */
  char      *sheet;      /* the sheet read; NULL for CSV */
  GStrv      sheets;     /* every sheet of the workbook; NULL for CSV */
  char       delimiter;  /* CSV: ',' ';' or '\t'; 0 otherwise */
  gboolean   vn3_font;   /* the text looks typed with the old TCVN3 fonts
                          * (.VnTime: «NguyÔn V¨n An»); not yet converted */
  gboolean   vn3_converted; /* td_import_table_convert_vn3() was applied */
} TdImportTable;

/* Called now and then while reading, @fraction in 0..1. */
typedef void (*TdImportProgress) (double fraction, gpointer user_data);

typedef struct
{
  /* NULL or "" = detect.  Else "utf-8", "windows-1258", "tcvn3" (iconv's
   * TCVN5712-1), or "tcvn3-font" (text typed with .VnTime fonts: read as
   * the file says, then converted with td_import_table_convert_vn3()).
   * Case-insensitive. */
  const char       *encoding;
  const char       *sheet;       /* NULL = the first sheet */
  GCancellable     *cancellable;
  TdImportProgress  progress;
  gpointer          progress_data;
} TdImportReadOptions;

GQuark         td_import_error_quark     (void);

/* By content (zip → XLSX, OLE2 → XLS, else CSV), not only the extension.
 * @options may be NULL. */
TdImportTable *td_import_table_read      (const char                *path,
                                          const TdImportReadOptions *options,
                                          GError                   **error);
void           td_import_table_free      (TdImportTable             *table);

/* Whether @encoding (as the CLI's --encoding takes it) is known. */
gboolean       td_import_encoding_is_valid (const char              *encoding);

/* The readers, also used on their own by tests and fuzz targets. */
TdImportTable *td_csv_parse              (const char                *data,
                                          gsize                      length,
                                          const TdImportReadOptions *options,
                                          GError                   **error);
/* "UTF-8", "WINDOWS-1258" or "TCVN5712-1". */
const char    *td_csv_detect_encoding    (const char                *data,
                                          gsize                      length);
TdImportTable *td_xlsx_parse             (GBytes                    *bytes,
                                          const TdImportReadOptions *options,
                                          GError                   **error);
TdImportTable *td_xls_read               (const char                *path,
                                          const TdImportReadOptions *options,
                                          GError                   **error);

/* TCVN3 (VN3, .VnTime/.VnTimeH fonts) look-alike text. */
gboolean       td_vn3_detect             (const TdImportTable       *table);
char          *td_vn3_to_unicode         (const char                *text);
void           td_import_table_convert_vn3 (TdImportTable           *table);

/* Limits of the readers. */
#define TD_IMPORT_MAX_FILE_SIZE  (256 * 1024 * 1024)  /* bytes of a file */
#define TD_IMPORT_MAX_CELL_SIZE  (1024 * 1024)        /* bytes of one cell */
#define TD_IMPORT_MAX_PART_SIZE  (512 * 1024 * 1024)  /* uncompressed XLSX part */
#define TD_IMPORT_MAX_CELLS      (16 * 1024 * 1024)   /* cells of a sheet, empty
                                                       * ones before the last
                                                       * of each row included */

/* Additions for the readers (and their tests).
 *
 * Cell text, whatever the reader: line breaks inside a cell are "\n";
 * numbers are written with "." and up to 15 significant digits, integers
 * without ".0"; booleans "TRUE"/"FALSE"; spreadsheet errors as shown
 * ("#N/A"); dates "YYYY-MM-DD", date-times "YYYY-MM-DD HH:MM:SS" (just the
 * date at midnight), times "HH:MM:SS".  CSV also reads UTF-16 text that
 * starts with a byte order mark (Excel's «Unicode Text»): its encoding is
 * then "UTF-16LE" or "UTF-16BE".  XLSX: without @sheet, the first sheet
 * not hidden; a merged range's first value is in each of its cells (XLS
 * cannot: FreeXL does not report merges).  td_import_table_convert_vn3()
 * sets vn3_converted and clears vn3_font. */

/* An empty table of @format ("csv", "xlsx", "xls"). */
TdImportTable *td_import_table_new       (const char                *format);
/* Adds the row @cells (char *, taken) found at @line, without its
 * trailing empty cells; a row with no text is freed instead. */
void           td_import_table_add_row   (TdImportTable             *table,
                                          guint                      line,
                                          GPtrArray                 *cells);
/* What the readers do last: converts the TCVN3 font text when @options
 * ask for "tcvn3-font" (unless already done), else sets table->vn3_font
 * from td_vn3_detect(). */
void           td_import_table_apply_vn3 (TdImportTable             *table,
                                          const TdImportReadOptions *options);
/* @length bytes of valid UTF-8 (-1: up to the NUL) in NFC. */
char          *td_import_normalize       (const char                *text,
                                          gssize                     length);
/* @value as cells write it (see above), independent of the locale. */
char          *td_import_format_number   (double                     value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdImportTable, td_import_table_free)

G_END_DECLS
