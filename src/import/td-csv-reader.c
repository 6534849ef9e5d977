#define G_LOG_DOMAIN "td-csv-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "td-import-table.h"

/* Progress is reported, and cancellation checked, every this many bytes. */
#define PROGRESS_STEP (64 * 1024)

/* Text looked at to guess the delimiter and the legacy encoding. */
#define SAMPLE_RECORDS 50
#define SAMPLE_SIZE (64 * 1024)

typedef enum
{
  ENCODING_DETECT,
  ENCODING_UTF8,
  ENCODING_WINDOWS_1258,
  ENCODING_TCVN3,
  ENCODING_TCVN3_FONT,
} Encoding;

typedef struct
{
  const char                *text;      /* UTF-8, NFC, no NUL */
  gsize                      length;
  char                       delimiter;
  const TdImportReadOptions *options;
  gsize                      next_report;  /* offset in text */
} Parser;

/* Lines */

/* The line, 1-based, that byte @offset of @data is on: CRLF, LF and CR
 * each end one. */
static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= offset || data[i + 1] != '\n')))
      line++;
  return line;
}

/* The same for UTF-16 text, counted in code units. */
static guint
line_at_utf16 (const char *data,
               gsize       offset,
               gboolean    big_endian)
{
  guint line = 1;

  for (gsize i = 0; i + 1 < offset; i += 2)
    {
      guint unit = big_endian ? ((guchar) data[i] << 8 | (guchar) data[i + 1])
                              : ((guchar) data[i + 1] << 8 | (guchar) data[i]);
      if (unit == '\n')
        line++;
    }
  return line;
}

/* Guessing the legacy encoding */

static gboolean
is_toned_letter (gunichar lower)
{
  if (lower >= 0x1EA0 && lower <= 0x1EF9)
    return TRUE;
  switch (lower)
    {
    case 0x00E0: case 0x00E1: case 0x00E3: case 0x00E8: case 0x00E9: case 0x00EC:
    case 0x00ED: case 0x00F2: case 0x00F3: case 0x00F5: case 0x00F9: case 0x00FA:
    case 0x00FD: case 0x0129: case 0x0169:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_vietnamese_letter (gunichar lower)
{
  switch (lower)
    {
    case 0x00E2: case 0x00EA: case 0x00F4: case 0x0103: case 0x0111: case 0x01A1: case 0x01B0:
      return TRUE;
    default:
      return is_toned_letter (lower);
    }
}

/* How much @text (UTF-8, NFC) looks like Vietnamese: its letters count
 * for it; control characters, letters of other languages, symbols inside
 * words, tone marks left over (not on a vowel) and words with two tones
 * against it.  The two encodings fail differently: Windows-1258 bytes
 * read as TCVN3 give words with two tones (its separate tone bytes 0xCC
 * 0xEC 0xD2 0xDE 0xF2 become toned vowels), TCVN3 bytes read as
 * Windows-1258 give symbols and foreign letters («V¨n», «TrÇn»). */
static gint64
score_vietnamese (const char *text)
{
  gint64 score = 0;
  guint tones = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar lower = g_unichar_tolower (c);
      gboolean in_word = FALSE;

      if (c < 0x80)
        {
          if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
            score -= 10;
          in_word = g_ascii_isalpha ((char) c);
        }
      else if (is_vietnamese_letter (lower))
        {
          score += 2;
          tones += is_toned_letter (lower);
          in_word = TRUE;
        }
      else if (c >= 0x0300 && c <= 0x036F)
        score -= 6;
      else if (c < 0xA0)
        score -= 10;
      else
        {
          score -= 3;
          in_word = g_unichar_isalpha (c);
        }

      if (!in_word)
        {
          if (tones > 1)
            score -= 6;
          tones = 0;
        }
    }
  if (tones > 1)
    score -= 6;
  return score;
}

static gint64
score_as (const char *sample,
          gsize       length,
          const char *encoding)
{
  g_autofree char *decoded = g_convert (sample, length, "UTF-8", encoding, NULL, NULL, NULL);
  g_autofree char *normal = NULL;

  if (decoded == NULL)
    return G_MININT64;
  normal = td_import_normalize (decoded, -1);
  return score_vietnamese (normal);
}

/* Parsing */

static gboolean
check_cancelled (const TdImportReadOptions *options,
                 GError                   **error)
{
  if (options != NULL && g_cancellable_is_cancelled (options->cancellable))
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CANCELLED,
                   _("Reading the file was cancelled."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
report_progress (Parser     *parser,
                 const char *p,
                 GError    **error)
{
  const TdImportReadOptions *options = parser->options;

  parser->next_report = (p - parser->text) + PROGRESS_STEP;
  if (!check_cancelled (options, error))
    return FALSE;
  if (options != NULL && options->progress != NULL && parser->length > 0)
    options->progress ((double) (p - parser->text) / parser->length, options->progress_data);
  return TRUE;
}

static void
set_cell_too_large (GError **error,
                    guint    line)
{
  g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_TOO_LARGE,
               _("The cell on line %u is longer than 1 MB. Check that the file is a table of "
                 "records and that its quotes (\") come in pairs."),
               line);
}

/* The delimiter used the same number of times on most of the first
 * records (quotes respected); ',' when none is used. */
static char
detect_delimiter (const char *text,
                  gsize       length)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)][SAMPLE_RECORDS] = { { 0 } };
  guint current[G_N_ELEMENTS (candidates)] = { 0 };
  guint n_records = 0;
  gboolean in_quotes = FALSE;
  gboolean any_text = FALSE;
  char best = ',';
  guint best_matches = 0;
  guint best_mode = 0;

  length = MIN (length, SAMPLE_SIZE);
  for (gsize i = 0; i <= length && n_records < SAMPLE_RECORDS; i++)
    {
      char c = i < length ? text[i] : '\n';

      if (c == '"')
        in_quotes = !in_quotes;
      else if (in_quotes && i < length)
        continue;
      else if (c == '\n' || c == '\r')
        {
          if (any_text)
            {
              for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
                counts[k][n_records] = current[k];
              n_records++;
            }
          memset (current, 0, sizeof current);
          any_text = FALSE;
          in_quotes = FALSE;
          continue;
        }
      for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
        if (c == candidates[k])
          current[k]++;
      if (c != ' ')
        any_text = TRUE;
    }

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      guint mode = 0;
      guint mode_matches = 0;

      for (guint r = 0; r < n_records; r++)
        {
          guint matches = 0;

          if (counts[k][r] == 0)
            continue;
          for (guint s = 0; s < n_records; s++)
            matches += counts[k][s] == counts[k][r];
          if (matches > mode_matches || (matches == mode_matches && counts[k][r] > mode))
            {
              mode = counts[k][r];
              mode_matches = matches;
            }
        }
      if (mode_matches > best_matches || (mode_matches == best_matches && mode > best_mode))
        {
          best = candidates[k];
          best_matches = mode_matches;
          best_mode = mode;
        }
    }
  return best;
}

/* The text of a quoted cell from @p (after its opening quote), up to the
 * delimiter or line break after the closing quote; what follows the
 * closing quote is kept as it is, as spreadsheets read it. */
static const char *
read_quoted (Parser     *parser,
             const char *p,
             guint      *line,
             GString    *cell,
             GError    **error)
{
  const char *end = parser->text + parser->length;
  guint quote_line = *line;
  const char *q;

  g_string_truncate (cell, 0);
  for (;;)
    {
      for (q = p; q < end && *q != '"' && *q != '\r' && *q != '\n'; q++)
        ;
      g_string_append_len (cell, p, q - p);
      if (cell->len > TD_IMPORT_MAX_CELL_SIZE)
        {
          set_cell_too_large (error, quote_line);
          return NULL;
        }
      if (q == end)
        {
          g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CORRUPT,
                       _("The quote (\") that opens a cell on line %u is never closed. Add the "
                         "missing quote, or save the file again from the spreadsheet program."),
                       quote_line);
          return NULL;
        }
      if (*q == '"' && q + 1 < end && q[1] == '"')
        {
          g_string_append_c (cell, '"');
          p = q + 2;
        }
      else if (*q == '"')
        break;
      else
        {
          g_string_append_c (cell, '\n');
          (*line)++;
          p = q + (*q == '\r' && q + 1 < end && q[1] == '\n' ? 2 : 1);
        }
    }

  for (p = ++q; q < end && *q != parser->delimiter && *q != '\r' && *q != '\n'; q++)
    ;
  g_string_append_len (cell, p, q - p);
  if (cell->len > TD_IMPORT_MAX_CELL_SIZE)
    {
      set_cell_too_large (error, quote_line);
      return NULL;
    }
  return q;
}

static gboolean
parse_rows (Parser        *parser,
            TdImportTable *table,
            GError       **error)
{
  const char *p = parser->text;
  const char *end = parser->text + parser->length;
  const char delimiter = parser->delimiter;
  g_autoptr(GString) quoted = g_string_new (NULL);
  g_autoptr(GPtrArray) cells = NULL;
  guint line = 1;
  guint row_line = 1;

  parser->next_report = 0;
  while (p < end)
    {
      const char *q;

      if ((gsize) (p - parser->text) >= parser->next_report && !report_progress (parser, p, error))
        return FALSE;
      if (cells == NULL)
        {
          cells = g_ptr_array_new_full (8, g_free);
          row_line = line;
        }

      if (*p == '"')
        {
          q = read_quoted (parser, p + 1, &line, quoted, error);
          if (q == NULL)
            return FALSE;
          g_ptr_array_add (cells, g_strndup (quoted->str, quoted->len));
        }
      else
        {
          for (q = p; q < end && *q != delimiter && *q != '\r' && *q != '\n'; q++)
            ;
          if (q - p > TD_IMPORT_MAX_CELL_SIZE)
            {
              set_cell_too_large (error, line);
              return FALSE;
            }
          g_ptr_array_add (cells, g_strndup (p, q - p));
        }
      p = q;

      if (p < end && *p == delimiter)
        {
          p++;
          continue;
        }
      td_import_table_add_row (table, row_line, g_steal_pointer (&cells));
      if (p < end)
        {
          p += *p == '\r' && p + 1 < end && p[1] == '\n' ? 2 : 1;
          line++;
        }
    }
  if (cells != NULL)
    td_import_table_add_row (table, row_line, g_steal_pointer (&cells));
  return TRUE;
}

/* Decoding */

static gboolean
parse_encoding (const TdImportReadOptions *options,
                Encoding                  *encoding,
                GError                   **error)
{
  const char *name = options != NULL ? options->encoding : NULL;

  *encoding = ENCODING_DETECT;
  if (name == NULL || *name == '\0')
    return TRUE;
  if (g_ascii_strcasecmp (name, "utf-8") == 0 || g_ascii_strcasecmp (name, "utf8") == 0)
    *encoding = ENCODING_UTF8;
  else if (g_ascii_strcasecmp (name, "windows-1258") == 0 || g_ascii_strcasecmp (name, "cp1258") == 0)
    *encoding = ENCODING_WINDOWS_1258;
  else if (g_ascii_strcasecmp (name, "tcvn3") == 0 || g_ascii_strcasecmp (name, "tcvn5712-1") == 0)
    *encoding = ENCODING_TCVN3;
  else if (g_ascii_strcasecmp (name, "tcvn3-font") == 0)
    *encoding = ENCODING_TCVN3_FONT;
  else
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_ENCODING,
                   _("Unknown encoding “%s”. Use utf-8, windows-1258, tcvn3 or tcvn3-font."),
                   name);
      return FALSE;
    }
  return TRUE;
}

/* @data in @charset as UTF-8, NUL-terminated. */
static char *
convert_to_utf8 (const char *data,
                 gsize       length,
                 const char *charset,
                 gsize      *out_length,
                 GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize bytes_read = 0;
  char *text;
  guint line;

  text = g_convert (data, length, "UTF-8", charset, &bytes_read, out_length, &local_error);
  if (text != NULL)
    return text;

  if (g_str_has_prefix (charset, "UTF-16"))
    line = line_at_utf16 (data, bytes_read, g_str_equal (charset, "UTF-16BE"));
  else
    line = line_at (data, bytes_read);
  g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_ENCODING,
               _("Line %u cannot be read as %s text. Choose another encoding: UTF-8, "
                 "Windows-1258 or TCVN3."),
               line, g_str_equal (charset, "TCVN5712-1") ? "TCVN3" : charset);
  return NULL;
}

/* The text of @data as UTF-8 (not yet NFC), and its encoding's name. */
static char *
decode (const char  *data,
        gsize        length,
        Encoding     encoding,
        const char **charset,
        gsize       *out_length,
        GError     **error)
{
  const char *nul;
  const char *invalid = NULL;

  if (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      *charset = (guchar) data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      return convert_to_utf8 (data + 2, length - 2, *charset, out_length, error);
    }

  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_UNSUPPORTED,
                   _("Line %u holds binary data (a NUL byte): this is not a CSV text file. "
                     "Choose a CSV, XLSX or XLS file."),
                   line_at (data, nul - data));
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
      if (!g_utf8_validate_len (data, length, &invalid))
        {
          g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_ENCODING,
                       _("Line %u is not valid UTF-8 text, though the file starts as UTF-8 "
                         "does. Correct that line, or save the file again as UTF-8."),
                       line_at (data, invalid - data));
          return NULL;
        }
      *charset = "UTF-8";
    }
  else if (encoding == ENCODING_WINDOWS_1258)
    *charset = "WINDOWS-1258";
  else if (encoding == ENCODING_TCVN3)
    *charset = "TCVN5712-1";
  else if (g_utf8_validate_len (data, length, &invalid))
    *charset = "UTF-8";
  else if (encoding == ENCODING_UTF8)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_ENCODING,
                   _("Line %u is not valid UTF-8 text: the file was saved in another encoding. "
                     "Choose Windows-1258 or TCVN3."),
                   line_at (data, invalid - data));
      return NULL;
    }
  else if (encoding == ENCODING_TCVN3_FONT)
    /* Bytes of the .VnTime fonts are TCVN3: read so, they need no
     * conversion afterwards. */
    *charset = "TCVN5712-1";
  else
    *charset = td_csv_detect_encoding (data, length);

  if (g_str_equal (*charset, "UTF-8"))
    {
      *out_length = length;
      return g_strndup (data, length);
    }
  return convert_to_utf8 (data, length, *charset, out_length, error);
}

/* Public API */

const char *
td_csv_detect_encoding (const char *data,
                        gsize       length)
{
  g_autoptr(GString) sample = NULL;
  const char *end = data + length;
  const char *line;

  g_return_val_if_fail (data != NULL || length == 0, "UTF-8");

  if (length >= 2 && memcmp (data, "\xFF\xFE", 2) == 0)
    return "UTF-16LE";
  if (length >= 2 && memcmp (data, "\xFE\xFF", 2) == 0)
    return "UTF-16BE";
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return "UTF-8";
  if (g_utf8_validate_len (data, length, NULL))
    return "UTF-8";

  /* The lines with letters beyond ASCII, up to SAMPLE_SIZE. */
  sample = g_string_new (NULL);
  for (line = data; line < end && sample->len < SAMPLE_SIZE;)
    {
      const char *eol = memchr (line, '\n', end - line);
      const char *next = eol != NULL ? eol + 1 : end;

      for (const char *p = line; p < next; p++)
        if ((guchar) *p >= 0x80)
          {
            g_string_append_len (sample, line, MIN (next - line, SAMPLE_SIZE));
            break;
          }
      line = next;
    }

  if (score_as (sample->str, sample->len, "TCVN5712-1") >
      score_as (sample->str, sample->len, "WINDOWS-1258"))
    return "TCVN5712-1";
  return "WINDOWS-1258";
}

TdImportTable *
td_csv_parse (const char                *data,
              gsize                      length,
              const TdImportReadOptions *options,
              GError                   **error)
{
  g_autoptr(TdImportTable) table = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *normal = NULL;
  const char *charset = "UTF-8";
  const char *nul;
  gsize decoded_length = 0;
  Encoding encoding;
  Parser parser = { .options = options };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!parse_encoding (options, &encoding, error))
    return NULL;
  if (length > TD_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_TOO_LARGE,
                   _("The file is larger than 256 MB. Split it into smaller files and import "
                     "them one by one."));
      return NULL;
    }
  if (!check_cancelled (options, error))
    return NULL;

  decoded = decode (data, length, encoding, &charset, &decoded_length, error);
  if (decoded == NULL)
    return NULL;
  nul = memchr (decoded, '\0', decoded_length);
  if (nul != NULL)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_UNSUPPORTED,
                   _("Line %u holds binary data (a NUL byte): this is not a CSV text file. "
                     "Choose a CSV, XLSX or XLS file."),
                   line_at (decoded, nul - decoded));
      return NULL;
    }
  normal = td_import_normalize (decoded, decoded_length);
  g_clear_pointer (&decoded, g_free);

  parser.text = normal;
  parser.length = strlen (normal);
  parser.delimiter = detect_delimiter (parser.text, parser.length);

  table = td_import_table_new ("csv");
  g_free (table->encoding);
  table->encoding = g_strdup (charset);
  table->delimiter = parser.delimiter;
  if (!parse_rows (&parser, table, error))
    return NULL;
  if (table->rows->len == 0)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_EMPTY,
                   _("There is no text in the file. Choose the file that holds the table of "
                     "records."));
      return NULL;
    }

  if (encoding == ENCODING_TCVN3_FONT && !g_str_equal (charset, "UTF-8") &&
      !g_str_has_prefix (charset, "UTF-16"))
    table->vn3_converted = TRUE;
  td_import_table_apply_vn3 (table, options);
  if (options != NULL && options->progress != NULL)
    options->progress (1.0, options->progress_data);
  return g_steal_pointer (&table);
}
