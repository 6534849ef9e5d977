#pragma once

#include <libxml/xmlreader.h>
#include <zip.h>

#include "td-import-table.h"

G_BEGIN_DECLS

/* The XLSX reader's zip and XML plumbing: a workbook's structure, its
 * shared texts and styles, and its parts read as streams of XML nodes
 * (libzip inflating into libxml2's xmlTextReader, a bounded piece at a
 * time).  Private to td-xlsx-reader.c. */

typedef enum
{
  XLSX_KIND_NUMBER,
  XLSX_KIND_DATE,
  XLSX_KIND_DATETIME,
  XLSX_KIND_TIME,
} XlsxKind;

typedef enum
{
  XLSX_TEXT_OK,
  XLSX_TEXT_TOO_LONG,    /* over TD_IMPORT_MAX_CELL_SIZE; no error set */
  XLSX_TEXT_ERROR,       /* error set */
} XlsxText;

typedef struct
{
  zip_t                     *zip;
  const TdImportReadOptions *options;
  char                      *workbook;     /* its part, «xl/workbook.xml» */
  GPtrArray                 *sheets;       /* char *, worksheet names, NULL-terminated */
  GPtrArray                 *paths;        /* char *, their parts */
  GArray                    *hidden;       /* gboolean, by sheet */
  char                      *shared_path;  /* NULL: none */
  char                      *styles_path;  /* NULL: none */
  GPtrArray                 *shared;       /* char *, NFC; NULL: no part */
  GArray                    *styles;       /* guint8 XlsxKind by cellXfs index */
  gboolean                   date1904;
  guint64                    done;         /* bytes inflated, for progress */
  guint64                    total;
  guint64                    next_report;
  gpointer                   current;      /* the XlsxPart being read */
} XlsxBook;

typedef struct
{
  XlsxBook         *book;
  char             *path;
  zip_file_t       *file;
  xmlTextReaderPtr  reader;
  guint64           read;
  gboolean          cancelled;
  gboolean          too_large;
  char             *read_error;   /* libzip's reason */
  char             *xml_error;    /* libxml2's */
  int               xml_line;
  GString          *generic_error; /* libxml2's, outside the parser */
} XlsxPart;

/* Opens the zip and reads the workbook's sheets. */
XlsxBook *td_xlsx_book_open   (GBytes                    *bytes,
                               const TdImportReadOptions *options,
                               GError                   **error);
/* Reads the shared texts and the styles, before sheet @index. */
gboolean  td_xlsx_book_load   (XlsxBook                  *book,
                               guint                      index,
                               GError                   **error);
void      td_xlsx_book_free   (XlsxBook                  *book);

/* NULL, @error unset, when the zip has no part @path. */
XlsxPart *td_xlsx_part_open   (XlsxBook                  *book,
                               const char                *path,
                               GError                   **error);
void      td_xlsx_part_free   (XlsxPart                  *part);
/* 1 on the next node, 0 at the end, -1 with @error set. */
int       td_xlsx_part_next   (XlsxPart                  *part,
                               GError                   **error);

/* From a start element to its end: its text appended to @out; with
 * @rich, only the text of its <t> elements outside <rPh> (phonetic
 * runs), as in <si> and <is>. */
XlsxText  td_xlsx_read_text   (XlsxPart                  *part,
                               GString                   *out,
                               gboolean                   rich,
                               GError                   **error);
/* @text with its _xHHHH_ escapes decoded, in NFC. */
char     *td_xlsx_finish_text (GString                   *text);

char     *td_xlsx_attribute   (xmlTextReaderPtr           reader,
                               const char                *name);
/* The r, t and s attributes of a <c>, "" when missing. */
void      td_xlsx_cell_attributes (xmlTextReaderPtr       reader,
                                   char                   ref[24],
                                   char                   type[24],
                                   char                   style[24]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XlsxBook, td_xlsx_book_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XlsxPart, td_xlsx_part_free)

G_END_DECLS
