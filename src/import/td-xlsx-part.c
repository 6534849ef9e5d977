#define G_LOG_DOMAIN "td-xlsx-reader"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "td-xlsx-part.h"

/* Progress is reported, and cancellation checked, every this many bytes. */
#define PROGRESS_STEP (64 * 1024)

/* No network, no entity substitution, no DTD loaded: a workbook never
 * needs them, and they are how XML files attack (XXE, billion laughs). */
#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT)

typedef struct
{
  char *id;
  char *type;
  char *target;   /* resolved to a part path */
} Relation;

static void
relation_free (Relation *relation)
{
  g_free (relation->id);
  g_free (relation->type);
  g_free (relation->target);
  g_free (relation);
}

/* Parts */

static int
on_part_read (void *context,
              char *buffer,
              int   length)
{
  XlsxPart *part = context;
  XlsxBook *book = part->book;
  const TdImportReadOptions *options = book->options;
  zip_int64_t n;

  n = zip_fread (part->file, buffer, length);
  if (n < 0)
    {
      if (part->read_error == NULL)
        part->read_error = g_strdup (zip_file_strerror (part->file));
      return -1;
    }
  part->read += n;
  book->done += n;
  if (part->read > TD_IMPORT_MAX_PART_SIZE)
    {
      part->too_large = TRUE;
      return -1;
    }
  if (book->done >= book->next_report && options != NULL)
    {
      book->next_report = book->done + PROGRESS_STEP;
      if (g_cancellable_is_cancelled (options->cancellable))
        {
          part->cancelled = TRUE;
          return -1;
        }
      if (options->progress != NULL && book->total > 0)
        options->progress (MIN (1.0, (double) book->done / book->total), options->progress_data);
    }
  return (int) n;
}

static int
on_part_close (void *context)
{
  return 0;
}

static void
on_xml_error (void        *data,
              xmlErrorPtr  error)
{
  XlsxPart *part = data;

  if (part->xml_error == NULL && error->level >= XML_ERR_ERROR && error->message != NULL)
    {
      part->xml_error = g_strchomp (g_strdup (error->message));
      part->xml_line = error->line;
    }
}

/* What libxml2 reports outside a parser (encoding and input errors)
 * comes here, in pieces, rather than to stderr. */
static void G_GNUC_PRINTF (2, 3)
on_generic_error (void       *data,
                  const char *format,
                  ...)
{
  XlsxBook *book = data;
  XlsxPart *part = book->current;
  va_list args;

  if (part == NULL || part->xml_error != NULL)
    return;
  if (part->generic_error == NULL)
    part->generic_error = g_string_new (NULL);
  if (part->generic_error->len < 200)
    {
      va_start (args, format);
      g_string_append_vprintf (part->generic_error, format, args);
      va_end (args);
    }
}

static zip_int64_t
locate (zip_t      *zip,
        const char *path)
{
  zip_int64_t index = zip_name_locate (zip, path, 0);

  return index >= 0 ? index : zip_name_locate (zip, path, ZIP_FL_NOCASE);
}

static guint64
part_size (XlsxBook   *book,
           const char *path)
{
  zip_int64_t index = path != NULL ? locate (book->zip, path) : -1;
  zip_stat_t stat;

  zip_stat_init (&stat);
  if (index < 0 || zip_stat_index (book->zip, index, 0, &stat) != 0 ||
      !(stat.valid & ZIP_STAT_SIZE))
    return 0;
  return stat.size;
}

static void
set_part_error (XlsxPart *part,
                GError  **error)
{
  if (part->cancelled)
    g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CANCELLED,
                 _("Reading the file was cancelled."));
  else if (part->too_large)
    g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_TOO_LARGE,
                 _("The workbook’s part %s is larger than 512 MB once uncompressed. Split the "
                   "workbook into smaller files and import them one by one."),
                 part->path);
  else if (part->read_error != NULL)
    g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CORRUPT,
                 _("The workbook is damaged: its part %s cannot be read (%s). Open it in Excel "
                   "or LibreOffice and save it again."),
                 part->path, part->read_error);
  else
    g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CORRUPT,
                 _("The workbook is damaged: its part %s has an XML error on line %d (%s). Open "
                   "it in Excel or LibreOffice and save it again."),
                 part->path, part->xml_line,
                 part->xml_error != NULL ? part->xml_error
                 : part->generic_error != NULL ? g_strstrip (part->generic_error->str)
                 : _("the file ends too early"));
}

XlsxPart *
td_xlsx_part_open (XlsxBook   *book,
                   const char *path,
                   GError    **error)
{
  g_autoptr(XlsxPart) part = NULL;
  zip_int64_t index = path != NULL ? locate (book->zip, path) : -1;

  if (index < 0)
    return NULL;
  part = g_new0 (XlsxPart, 1);
  part->book = book;
  part->path = g_strdup (path);
  part->file = zip_fopen_index (book->zip, index, 0);
  if (part->file == NULL)
    {
      part->read_error = g_strdup (zip_strerror (book->zip));
      set_part_error (part, error);
      return NULL;
    }
  part->reader = xmlReaderForIO (on_part_read, on_part_close, part, path, NULL, XML_OPTIONS);
  if (part->reader == NULL)
    {
      set_part_error (part, error);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (part->reader, on_xml_error, part);
  book->current = part;
  return g_steal_pointer (&part);
}

void
td_xlsx_part_free (XlsxPart *part)
{
  if (part == NULL)
    return;
  if (part->book->current == part)
    part->book->current = NULL;
  g_clear_pointer (&part->reader, xmlFreeTextReader);
  g_clear_pointer (&part->file, zip_fclose);
  g_free (part->path);
  g_free (part->read_error);
  g_free (part->xml_error);
  if (part->generic_error != NULL)
    g_string_free (part->generic_error, TRUE);
  g_free (part);
}

int
td_xlsx_part_next (XlsxPart *part,
                   GError  **error)
{
  int ret = xmlTextReaderRead (part->reader);

  if (ret == 1 && xmlTextReaderNodeType (part->reader) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CORRUPT,
                   _("The workbook is damaged: its part %s declares a document type, which "
                     "Excel files never do. Open it in Excel or LibreOffice and save it again."),
                   part->path);
      return -1;
    }
  if (ret < 0 || (ret == 0 && (part->xml_error != NULL || part->read_error != NULL)))
    {
      set_part_error (part, error);
      return -1;
    }
  return ret;
}

/* Text */

XlsxText
td_xlsx_read_text (XlsxPart *part,
                   GString  *out,
                   gboolean  rich,
                   GError  **error)
{
  xmlTextReaderPtr reader = part->reader;
  int depth = xmlTextReaderDepth (reader);
  int t_depth = -1;
  int phonetic_depth = -1;
  int ret;

  if (xmlTextReaderIsEmptyElement (reader))
    return XLSX_TEXT_OK;
  while ((ret = td_xlsx_part_next (part, error)) == 1)
    {
      int node = xmlTextReaderNodeType (reader);
      int node_depth = xmlTextReaderDepth (reader);

      if (node == XML_READER_TYPE_END_ELEMENT)
        {
          if (node_depth == depth)
            return XLSX_TEXT_OK;
          if (node_depth == t_depth)
            t_depth = -1;
          if (node_depth == phonetic_depth)
            phonetic_depth = -1;
        }
      else if (node == XML_READER_TYPE_ELEMENT && rich && !xmlTextReaderIsEmptyElement (reader))
        {
          const char *name = (const char *) xmlTextReaderConstLocalName (reader);

          if (g_str_equal (name, "t") && t_depth < 0)
            t_depth = node_depth;
          else if (g_str_equal (name, "rPh") && phonetic_depth < 0)
            phonetic_depth = node_depth;
        }
      else if ((node == XML_READER_TYPE_TEXT || node == XML_READER_TYPE_CDATA ||
                node == XML_READER_TYPE_WHITESPACE ||
                node == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
               (!rich || (t_depth >= 0 && phonetic_depth < 0)))
        {
          g_string_append (out, (const char *) xmlTextReaderConstValue (reader));
          if (out->len > TD_IMPORT_MAX_CELL_SIZE)
            return XLSX_TEXT_TOO_LONG;
        }
    }
  if (ret == 0)
    set_part_error (part, error);
  return XLSX_TEXT_ERROR;
}

/* Office escapes characters XML cannot hold as _xHHHH_ («_x000D_» for a
 * carriage return), and an underscore before such text as _x005F_. */
char *
td_xlsx_finish_text (GString *text)
{
  g_autoptr(GString) out = NULL;
  const char *p;

  if (strstr (text->str, "_x") == NULL)
    return td_import_normalize (text->str, text->len);
  out = g_string_sized_new (text->len);
  for (p = text->str; *p != '\0'; p++)
    {
      guint64 code = 0;
      char hex[5] = { 0 };

      if (p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
          g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          memcpy (hex, p + 2, 4);
          code = g_ascii_strtoull (hex, NULL, 16);
        }
      if (code != 0 && g_unichar_validate ((gunichar) code))
        {
          g_string_append_unichar (out, (gunichar) code);
          p += 6;
        }
      else
        g_string_append_c (out, *p);
    }
  return td_import_normalize (out->str, out->len);
}

char *
td_xlsx_attribute (xmlTextReaderPtr reader,
                   const char      *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* The value of the attribute @local_name in any namespace with
 * «relationships» in its name (transitional and strict OOXML). */
static char *
relationship_attribute (xmlTextReaderPtr reader,
                        const char      *local_name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (reader) == 1)
    {
      do
        {
          const char *local = (const char *) xmlTextReaderConstLocalName (reader);
          const char *ns = (const char *) xmlTextReaderConstNamespaceUri (reader);

          if (ns != NULL && strstr (ns, "relationships") != NULL && g_str_equal (local, local_name))
            {
              value = g_strdup ((const char *) xmlTextReaderConstValue (reader));
              break;
            }
        }
      while (xmlTextReaderMoveToNextAttribute (reader) == 1);
      xmlTextReaderMoveToElement (reader);
    }
  return value;
}

void
td_xlsx_cell_attributes (xmlTextReaderPtr reader,
                         char             ref[24],
                         char             type[24],
                         char             style[24])
{
  *ref = *type = *style = '\0';
  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return;
  do
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);
      const char *value = (const char *) xmlTextReaderConstValue (reader);

      if (name == NULL || value == NULL || name[1] != '\0')
        continue;
      if (name[0] == 'r')
        g_strlcpy (ref, value, 24);
      else if (name[0] == 't')
        g_strlcpy (type, value, 24);
      else if (name[0] == 's')
        g_strlcpy (style, value, 24);
    }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);
}

/* Structure */

/* @target of a relationship of @source, as a part path: relative to
 * @source's folder, or absolute from the zip's root. */
static char *
resolve_target (const char *source,
                const char *target)
{
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  g_auto(GStrv) parts = NULL;
  const char *slash = strrchr (source, '/');

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else if (slash != NULL)
    joined = g_strdup_printf ("%.*s/%s", (int) (slash - source), source, target);
  else
    joined = g_strdup (target);

  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (g_str_equal (parts[i], ".."))
        {
          if (segments->len > 0)
            g_ptr_array_remove_index (segments, segments->len - 1);
          continue;
        }
      g_ptr_array_add (segments, g_strdup (parts[i]));
    }
  g_ptr_array_add (segments, NULL);
  return g_strjoinv ("/", (GStrv) segments->pdata);
}

/* The relationships of part @source, NULL when it has none. */
static GPtrArray *
read_relations (XlsxBook   *book,
                const char *source,
                GError    **error)
{
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(XlsxPart) part = NULL;
  g_autofree char *path = NULL;
  const char *slash = strrchr (source, '/');
  int ret;

  if (slash == NULL)
    path = g_strdup_printf ("_rels/%s.rels", source);
  else
    path = g_strdup_printf ("%.*s/_rels/%s.rels", (int) (slash - source), source, slash + 1);
  part = td_xlsx_part_open (book, path, error);
  if (part == NULL)
    return NULL;

  relations = g_ptr_array_new_with_free_func ((GDestroyNotify) relation_free);
  while ((ret = td_xlsx_part_next (part, error)) == 1)
    {
      xmlTextReaderPtr reader = part->reader;
      g_autofree char *target = NULL;
      g_autofree char *mode = NULL;
      Relation *relation;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT ||
          !g_str_equal ((const char *) xmlTextReaderConstLocalName (reader), "Relationship"))
        continue;
      target = td_xlsx_attribute (reader, "Target");
      mode = td_xlsx_attribute (reader, "TargetMode");
      if (target == NULL || (mode != NULL && g_str_equal (mode, "External")))
        continue;
      relation = g_new0 (Relation, 1);
      relation->id = td_xlsx_attribute (reader, "Id");
      relation->type = td_xlsx_attribute (reader, "Type");
      relation->target = resolve_target (*source != '\0' ? source : "/", target);
      g_ptr_array_add (relations, relation);
    }
  if (ret < 0)
    return NULL;
  return g_steal_pointer (&relations);
}

static const Relation *
find_relation (GPtrArray  *relations,
               const char *id,
               const char *type_end)
{
  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      const Relation *relation = g_ptr_array_index (relations, i);

      if ((id == NULL || g_strcmp0 (relation->id, id) == 0) &&
          (type_end == NULL || (relation->type != NULL && g_str_has_suffix (relation->type, type_end))))
        return relation;
    }
  return NULL;
}

/* An OpenDocument spreadsheet, or a zip with no workbook at all. */
static void
set_no_workbook (XlsxBook *book,
                 GError  **error)
{
  zip_int64_t index = locate (book->zip, "mimetype");
  char mimetype[64] = { 0 };
  zip_file_t *file;

  if (index >= 0 && (file = zip_fopen_index (book->zip, index, 0)) != NULL)
    {
      zip_fread (file, mimetype, sizeof mimetype - 1);
      zip_fclose (file);
    }
  if (g_str_has_prefix (mimetype, "application/vnd.oasis.opendocument.spreadsheet"))
    g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_UNSUPPORTED,
                 _("The file is an OpenDocument spreadsheet (ODS). Save it as XLSX in LibreOffice, "
                   "then import that file."));
  else if (zip_name_locate (book->zip, "[Content_Types].xml", 0) < 0)
    g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_UNSUPPORTED,
                 _("The file is a zip archive, not an Excel workbook. Choose a CSV, XLSX or XLS "
                   "file."));
  else
    g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CORRUPT,
                 _("The workbook is damaged: its part %s is missing. Open it in Excel or "
                   "LibreOffice and save it again."),
                 book->workbook);
}

static gboolean
read_workbook (XlsxBook  *book,
               GPtrArray *relations,
               GError   **error)
{
  g_autoptr(XlsxPart) part = td_xlsx_part_open (book, book->workbook, error);
  int ret;

  if (part == NULL)
    {
      if (error == NULL || *error == NULL)
        set_no_workbook (book, error);
      return FALSE;
    }
  while ((ret = td_xlsx_part_next (part, error)) == 1)
    {
      xmlTextReaderPtr reader = part->reader;
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      if (g_str_equal (name, "workbookPr"))
        {
          g_autofree char *date1904 = td_xlsx_attribute (reader, "date1904");

          book->date1904 = g_strcmp0 (date1904, "1") == 0 || g_strcmp0 (date1904, "true") == 0;
        }
      else if (g_str_equal (name, "sheet"))
        {
          g_autofree char *sheet_name = td_xlsx_attribute (reader, "name");
          g_autofree char *state = td_xlsx_attribute (reader, "state");
          g_autofree char *id = relationship_attribute (reader, "id");
          const Relation *relation = find_relation (relations, id, NULL);
          gboolean hidden = state != NULL && !g_str_equal (state, "visible");
          char *path;

          if (relations == NULL)
            path = g_strdup_printf ("xl/worksheets/sheet%u.xml", book->paths->len + 1);
          else if (id != NULL && relation != NULL && relation->type != NULL &&
                   g_str_has_suffix (relation->type, "/worksheet"))
            path = g_strdup (relation->target);
          else
            continue;   /* a chart sheet, or a dangling one */
          g_ptr_array_insert (book->sheets, book->sheets->len - 1,
                              td_import_normalize (sheet_name != NULL ? sheet_name : "", -1));
          g_ptr_array_add (book->paths, path);
          g_array_append_val (book->hidden, hidden);
        }
    }
  if (ret < 0)
    return FALSE;
  if (book->paths->len == 0)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CORRUPT,
                   _("The workbook has no worksheet: it is damaged or holds only charts. Open it "
                     "in Excel or LibreOffice and check it."));
      return FALSE;
    }
  return TRUE;
}

/* The shared texts, or the styles, of the workbook: @type_end of the
 * relationship, else @default_name next to the workbook. */
static char *
find_book_part (XlsxBook   *book,
                GPtrArray  *relations,
                const char *type_end,
                const char *default_name)
{
  const Relation *relation = find_relation (relations, NULL, type_end);
  g_autofree char *fallback = NULL;

  if (relation != NULL && locate (book->zip, relation->target) >= 0)
    return g_strdup (relation->target);
  fallback = resolve_target (book->workbook, default_name);
  if (relation != NULL || locate (book->zip, fallback) >= 0)
    return g_steal_pointer (&fallback);
  return NULL;
}

/* Styles and shared texts */

/* Whether a number format shows a date, a time or both: its first
 * section's letters outside quotes, escapes and [brackets] ([h] and [mm]
 * are times); «m» is minutes next to hours or seconds, else the month. */
static XlsxKind
classify_format (const char *code)
{
  gboolean date = FALSE;
  gboolean month = FALSE;
  gboolean time = FALSE;

  for (const char *p = code; *p != '\0' && *p != ';'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (*p == '"')
        {
          const char *close = strchr (p + 1, '"');

          if (close == NULL)
            break;
          p = close;
        }
      else if ((*p == '\\' || *p == '_' || *p == '*') && p[1] != '\0')
        p++;
      else if (*p == '[')
        {
          const char *close = strchr (p, ']');
          gsize span = strspn (p + 1, "hHmMsS");

          if (close == NULL)
            break;
          time |= span > 0 && p + 1 + span == close;
          p = close;
        }
      else if (c == 'y' || c == 'd')
        date = TRUE;
      else if (c == 'm')
        month = TRUE;
      else if (c == 'h' || c == 's')
        time = TRUE;
    }
  date |= month && !time;
  if (date && time)
    return XLSX_KIND_DATETIME;
  return date ? XLSX_KIND_DATE : time ? XLSX_KIND_TIME : XLSX_KIND_NUMBER;
}

static XlsxKind
builtin_kind (guint64 id)
{
  if (id >= 14 && id <= 17)
    return XLSX_KIND_DATE;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
    return XLSX_KIND_TIME;
  if (id == 22)
    return XLSX_KIND_DATETIME;
  return XLSX_KIND_NUMBER;
}

static gboolean
read_styles (XlsxBook *book,
             GError  **error)
{
  g_autoptr(XlsxPart) part = td_xlsx_part_open (book, book->styles_path, error);
  g_autoptr(GHashTable) custom = NULL;
  int cell_xfs_depth = -1;
  int ret;

  book->styles = g_array_new (FALSE, FALSE, sizeof (guint8));
  if (part == NULL)
    return error == NULL || *error == NULL;
  custom = g_hash_table_new (NULL, NULL);
  while ((ret = td_xlsx_part_next (part, error)) == 1)
    {
      xmlTextReaderPtr reader = part->reader;
      int node = xmlTextReaderNodeType (reader);
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);
      g_autofree char *id_text = NULL;
      guint64 id = 0;

      if (node == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == cell_xfs_depth)
        cell_xfs_depth = -1;
      if (node != XML_READER_TYPE_ELEMENT)
        continue;
      if (g_str_equal (name, "cellXfs") && !xmlTextReaderIsEmptyElement (reader))
        cell_xfs_depth = xmlTextReaderDepth (reader);
      if (!g_str_equal (name, "numFmt") && !(g_str_equal (name, "xf") && cell_xfs_depth >= 0))
        continue;

      id_text = td_xlsx_attribute (reader, "numFmtId");
      if (id_text != NULL)
        g_ascii_string_to_unsigned (id_text, 10, 0, G_MAXUINT32, &id, NULL);
      if (g_str_equal (name, "numFmt"))
        {
          g_autofree char *code = td_xlsx_attribute (reader, "formatCode");

          if (code != NULL)
            g_hash_table_insert (custom, GSIZE_TO_POINTER (id),
                                 GUINT_TO_POINTER (classify_format (code) + 1));
        }
      else
        {
          gpointer kind = g_hash_table_lookup (custom, GSIZE_TO_POINTER (id));
          guint8 value = kind != NULL ? GPOINTER_TO_UINT (kind) - 1 : builtin_kind (id);

          g_array_append_val (book->styles, value);
        }
    }
  return ret == 0;
}

static gboolean
read_shared (XlsxBook *book,
             GError  **error)
{
  g_autoptr(XlsxPart) part = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  int ret;

  if (book->shared_path == NULL)
    return TRUE;
  part = td_xlsx_part_open (book, book->shared_path, error);
  if (part == NULL)
    return error == NULL || *error == NULL;
  book->shared = g_ptr_array_new_with_free_func (g_free);
  while ((ret = td_xlsx_part_next (part, error)) == 1)
    {
      xmlTextReaderPtr reader = part->reader;
      XlsxText result;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT ||
          !g_str_equal ((const char *) xmlTextReaderConstLocalName (reader), "si"))
        continue;
      g_string_truncate (text, 0);
      result = td_xlsx_read_text (part, text, TRUE, error);
      if (result == XLSX_TEXT_TOO_LONG)
        g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_TOO_LARGE,
                     _("A cell of the workbook is longer than 1 MB. Shorten it in Excel or "
                       "LibreOffice, then import the file again."));
      if (result != XLSX_TEXT_OK)
        return FALSE;
      g_ptr_array_add (book->shared, td_xlsx_finish_text (text));
    }
  return ret == 0;
}

/* The book */

XlsxBook *
td_xlsx_book_open (GBytes                    *bytes,
                   const TdImportReadOptions *options,
                   GError                   **error)
{
  g_autoptr(XlsxBook) book = g_new0 (XlsxBook, 1);
  g_autoptr(GPtrArray) root = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  const Relation *office;
  zip_source_t *source;
  zip_error_t zip_error;
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);

  static gsize initialized;
  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }

  xmlSetGenericErrorFunc (book, on_generic_error);
  book->options = options;
  book->sheets = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (book->sheets, NULL);
  book->paths = g_ptr_array_new_with_free_func (g_free);
  book->hidden = g_array_new (FALSE, FALSE, sizeof (gboolean));

  zip_error_init (&zip_error);
  source = zip_source_buffer_create (data, size, 0, &zip_error);
  if (source != NULL)
    {
      book->zip = zip_open_from_source (source, ZIP_RDONLY, &zip_error);
      if (book->zip == NULL)
        zip_source_free (source);
    }
  if (book->zip == NULL)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CORRUPT,
                   _("The file is not a readable XLSX workbook: its zip archive is damaged (%s). "
                     "Open it in Excel or LibreOffice and save it again."),
                   zip_error_strerror (&zip_error));
      zip_error_fini (&zip_error);
      return NULL;
    }
  zip_error_fini (&zip_error);

  root = read_relations (book, "", error);
  if (root == NULL && error != NULL && *error != NULL)
    return NULL;
  office = find_relation (root, NULL, "/officeDocument");
  book->workbook = g_strdup (office != NULL ? office->target : "xl/workbook.xml");

  relations = read_relations (book, book->workbook, error);
  if ((relations == NULL && error != NULL && *error != NULL) ||
      !read_workbook (book, relations, error))
    return NULL;
  book->shared_path = find_book_part (book, relations, "/sharedStrings", "sharedStrings.xml");
  book->styles_path = find_book_part (book, relations, "/styles", "styles.xml");
  return g_steal_pointer (&book);
}

gboolean
td_xlsx_book_load (XlsxBook *book,
                   guint     index,
                   GError  **error)
{
  book->total = part_size (book, book->shared_path) + part_size (book, book->styles_path) +
                part_size (book, g_ptr_array_index (book->paths, index));
  book->done = 0;
  book->next_report = 0;
  return read_shared (book, error) && read_styles (book, error);
}

void
td_xlsx_book_free (XlsxBook *book)
{
  if (book == NULL)
    return;
  xmlSetGenericErrorFunc (NULL, NULL);
  g_clear_pointer (&book->zip, zip_discard);
  g_free (book->workbook);
  g_ptr_array_unref (book->sheets);
  g_ptr_array_unref (book->paths);
  g_array_unref (book->hidden);
  g_free (book->shared_path);
  g_free (book->styles_path);
  g_clear_pointer (&book->shared, g_ptr_array_unref);
  g_clear_pointer (&book->styles, g_array_unref);
  g_free (book);
}
