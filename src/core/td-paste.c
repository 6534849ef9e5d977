#define G_LOG_DOMAIN "td-paste"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "td-catalogue-store.h"
#include "td-decision-store.h"
#include "td-error.h"
#include "td-format.h"
#include "td-paste.h"
#include "td-person-store.h"
#include "td-text.h"
#include "td-unit-store.h"

enum
{
  COLUMN_NAME,
  COLUMN_DETAIL,
  COLUMN_FORM,
  COLUMN_ACHIEVEMENT,
  COLUMN_AMOUNT,
};

/* What parsing needs from the database, read once per block. */
typedef struct
{
  TdDatabase *db;
  GPtrArray  *forms;        /* TdAwardForm, not archived */
  GPtrArray  *units;        /* TdUnit, all */
} Context;

/* Ranks of the armed forces and the police, as written before a position
 * («Thiếu tá, Đồn trưởng …»). */
static const char *const ranks[] = {
  "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng",
  "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
  "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy",
  "Thượng sĩ", "Trung sĩ", "Hạ sĩ", "Binh nhất", "Binh nhì",
};

/* Column titles of a header row, folded: cells that start with one of
 * the first, or are one of the second (words a name could start with). */
static const char *const header_starts[] = {
  "stt", "so tt", "so thu tu", "ho va ten", "ho ten", "ten tap the", "ten don vi", "chuc vu",
  "hinh thuc", "thanh tich", "so tien",
};
static const char *const header_words[] = {
  "tt", "ten", "tap the", "ca nhan", "don vi", "muc thuong",
};

static void
context_clear (Context *ctx)
{
  g_clear_pointer (&ctx->forms, g_ptr_array_unref);
  g_clear_pointer (&ctx->units, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Context, context_clear)

/* Splitting */

static void
end_cell (GPtrArray *row,
          GString   *cell)
{
  g_ptr_array_add (row, g_strndup (cell->str, cell->len));
  g_string_truncate (cell, 0);
}

/* A quoted cell starting at @p (on its opening quote), as spreadsheets
 * write a cell with tabs, line breaks or quotes in it: doubled quotes
 * inside.  Returns the end of the cell, or NULL when the closing quote is
 * not followed by a tab, a line break or the end: the quotes were then
 * part of an unquoted cell. */
static const char *
read_quoted (const char *p,
             GString    *cell)
{
  for (p++; *p != '\0'; p++)
    {
      if (*p == '"' && p[1] == '"')
        {
          g_string_append_c (cell, '"');
          p++;
        }
      else if (*p == '"')
        {
          p++;
          return *p == '\0' || *p == '\t' || *p == '\n' || *p == '\r' ? p : NULL;
        }
      else if (*p == '\r' && p[1] == '\n')
        ;
      else
        g_string_append_c (cell, *p == '\r' ? '\n' : *p);
    }
  return NULL;
}

/* Rows of cells, like the clipboard of Excel or LibreOffice Calc: tabs
 * between cells, CRLF or LF between rows. */
static GPtrArray *
split_block (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = text;

  g_ptr_array_add (rows, row);
  while (*p != '\0')
    {
      if (cell->len == 0 && *p == '"')
        {
          const char *end = read_quoted (p, cell);

          if (end != NULL)
            {
              p = end;
              continue;
            }
          g_string_truncate (cell, 0);
        }
      while (*p != '\0' && *p != '\t' && *p != '\n' && *p != '\r')
        g_string_append_c (cell, *p++);
      if (*p == '\0')
        break;
      end_cell (row, cell);
      if (*p == '\t')
        {
          p++;
          continue;
        }
      p += p[0] == '\r' && p[1] == '\n' ? 2 : 1;
      row = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (rows, row);
    }
  end_cell (row, cell);
  return rows;
}

static const char *
cell_at (GPtrArray *cells,
         guint      index)
{
  return index < cells->len ? g_ptr_array_index (cells, index) : "";
}

static gboolean
row_is_blank (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    if (*(const char *) g_ptr_array_index (cells, i) != '\0')
      return FALSE;
  return TRUE;
}

/* Trimmed NFC lines in every cell: the achievement keeps its line breaks,
 * the other cells lose them when read (cell_text()). */
static void
normalize_cells (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      char *text = g_ptr_array_index (cells, i);
      char *normal = td_text_normalize_lines (text, FALSE);

      g_free (text);
      cells->pdata[i] = normal != NULL ? normal : g_strdup ("");
    }
}

static char *
cell_text (GPtrArray *cells,
           guint      index)
{
  return td_text_normalize (cell_at (cells, index));
}

static gboolean
is_header_cell (const char *cell)
{
  g_autofree char *folded = td_text_fold (cell);

  for (guint i = 0; i < G_N_ELEMENTS (header_starts); i++)
    if (g_str_has_prefix (folded, header_starts[i]) &&
        !g_ascii_isalnum (folded[strlen (header_starts[i])]))
      return TRUE;
  g_strdelimit (folded, ":/()", ' ');
  g_strstrip (folded);
  for (guint i = 0; i < G_N_ELEMENTS (header_words); i++)
    if (g_str_equal (folded, header_words[i]))
      return TRUE;
  return FALSE;
}

/* «1», «12.»: a row number in a first column «STT». */
static gboolean
is_row_number (const char *cell)
{
  const char *p = cell;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    p++;
  return *p == '\0';
}

/* Amounts */

static const char *const currency[] = { "đồng", "Đồng", "VNĐ", "VND", "vnđ", "đ", "Đ" };

/* «1390000», «1.390.000», «1,390,000» (and spaces between groups, as
 * some locales write them), with «đ» after it or not; -1 in *@amount for
 * an empty cell. */
static gboolean
parse_amount (const char *text,
              gint64     *amount)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gunichar separator = 0;
  guint group = 0;
  gboolean grouped = FALSE;

  g_autofree char *bare = NULL;

  if (*text == '\0')
    {
      *amount = -1;
      return TRUE;
    }
  /* «450.000 đ», «450.000đ», «450.000 đồng», «450.000 VNĐ». */
  bare = g_strdup (text);
  for (guint i = 0; i < G_N_ELEMENTS (currency); i++)
    if (g_str_has_suffix (bare, currency[i]))
      {
        bare[strlen (bare) - strlen (currency[i])] = '\0';
        g_strchomp (bare);
        break;
      }
  text = bare;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && g_ascii_isdigit ((char) c))
        {
          g_string_append_c (digits, (char) c);
          group++;
          continue;
        }
      if (c != '.' && c != ',' && c != ' ' && c != 0x00A0 && c != 0x202F)
        return FALSE;
      if (separator != 0 && c != separator)
        return FALSE;
      /* The first group has 1–3 digits, the others exactly 3. */
      if (group == 0 || group > 3 || (grouped && group != 3))
        return FALSE;
      separator = c;
      grouped = TRUE;
      group = 0;
    }
  if (group == 0 || (grouped && group != 3) || digits->len > 15)
    return FALSE;
  *amount = g_ascii_strtoll (digits->str, NULL, 10);
  return TRUE;
}

/* Forms */

/* Every word of @words starts a word of @words_of_name, in order:
 * «bang khen tinh» in «bang khen cua chu tich ubnd tinh». */
static gboolean
words_in_order (char **words,
                char **name_words)
{
  guint j = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      while (name_words[j] != NULL && !g_str_has_prefix (name_words[j], words[i]))
        j++;
      if (name_words[j] == NULL)
        return FALSE;
      j++;
    }
  return TRUE;
}

/* A form's name or what is typed for it, folded and with the spellings
 * offices mix up made one: «sỹ» and «sĩ», «hạng 3» and «hạng Ba». */
static char *
fold_form (const char *text)
{
  static const char *const same[][2] = {
    { "sy", "si" }, { "ky", "ki" }, { "ly", "li" }, { "my", "mi" }, { "ty", "ti" },
  };
  static const char *const grades[] = { "nhat", "nhi", "ba" };
  g_autofree char *folded = td_text_fold (text);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (same); k++)
        if (g_str_equal (words[i], same[k][0]))
          {
            g_free (words[i]);
            words[i] = g_strdup (same[k][1]);
            break;
          }
      if (i > 0 && g_str_equal (words[i - 1], "hang"))
        {
          int rank = g_str_equal (words[i], "1") || g_str_equal (words[i], "i") ? 0
                     : g_str_equal (words[i], "2") || g_str_equal (words[i], "ii") ? 1
                     : g_str_equal (words[i], "3") || g_str_equal (words[i], "iii") ? 2 : -1;

          if (rank >= 0)
            {
              g_free (words[i]);
              words[i] = g_strdup (grades[rank]);
            }
        }
    }
  return g_strjoinv (" ", words);
}

/* «CSTĐCS» for «Chiến sĩ thi đua cơ sở», «HCLĐ hạng Ba» for «Huân chương
 * Lao động hạng Ba»: a word typed in capitals that spells the initials of
 * words of the name stands for them. */
static char **
expand_initials (char       **words,
                 char       **name_words,
                 const char  *typed)
{
  g_auto(GStrv) typed_words = g_strsplit (typed, " ", -1);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *original = i < g_strv_length (typed_words) ? typed_words[i] : "";
      gsize len = strlen (words[i]);
      gboolean expanded = FALSE;

      if (len >= 2 && g_utf8_strlen (original, -1) == (glong) len && g_unichar_isupper (g_utf8_get_char (original)))
        {
          g_autofree char *upper = g_utf8_strup (original, -1);

          for (guint j = 0; !expanded && g_str_equal (upper, original) && name_words[j] != NULL; j++)
            {
              guint k = 0;

              while (k < len && name_words[j + k] != NULL && name_words[j + k][0] == words[i][k])
                k++;
              if (k == len)
                {
                  for (k = 0; k < len; k++)
                    g_ptr_array_add (out, g_strdup (name_words[j + k]));
                  expanded = TRUE;
                }
            }
        }
      if (!expanded)
        g_ptr_array_add (out, g_strdup (words[i]));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

static gboolean
form_loosely_matches (const TdAwardForm *form,
                      const char        *folded,
                      char             **words,
                      const char        *typed)
{
  g_autofree char *name = fold_form (form->name);
  g_autofree char *code = form->code != NULL ? g_strdelimit (td_text_fold (form->code), "_", ' ') : g_strdup ("");
  g_auto(GStrv) name_words = g_strsplit (name, " ", -1);
  g_auto(GStrv) code_words = g_strsplit (code, " ", -1);
  g_auto(GStrv) expanded = expand_initials (words, name_words, typed);

  return strstr (name, folded) != NULL ||
         words_in_order (words, name_words) ||
         words_in_order (expanded, name_words) ||
         words_in_order (words, code_words);
}

/* The form a cell names: its folded name or its code, else the only form
 * whose name contains it (word starts in order, the code's words too,
 * initials in capitals standing for words).  NULL with *@several set when
 * more than one form would fit, and their names in *@names. */
static const TdAwardForm *
match_form (Context     *ctx,
            const char  *text,
            guint       *several,
            GString     *names)
{
  g_autofree char *folded = fold_form (text);
  g_autofree char *typed = td_text_normalize (text);
  g_auto(GStrv) words = NULL;
  const TdAwardForm *found = NULL;
  guint n = 0;

  *several = 0;
  if (*folded == '\0')
    return NULL;

  for (guint i = 0; i < ctx->forms->len; i++)
    {
      const TdAwardForm *form = g_ptr_array_index (ctx->forms, i);
      g_autofree char *name = fold_form (form->name);

      if (g_str_equal (name, folded) || g_strcmp0 (form->code, text) == 0)
        return form;
    }

  words = g_strsplit (folded, " ", -1);
  for (guint i = 0; i < ctx->forms->len; i++)
    {
      const TdAwardForm *form = g_ptr_array_index (ctx->forms, i);

      if (form_loosely_matches (form, folded, words, typed != NULL ? typed : ""))
        {
          if (names != NULL && n < 4)
            g_string_append_printf (names, "%s%s", n > 0 ? ", " : "", form->name);
          found = form;
          n++;
        }
    }
  if (n > 1)
    {
      if (names != NULL && n > 4)
        g_string_append (names, ", …");
      *several = n;
      return NULL;
    }
  return found;
}

/* A first column «STT»: so named by the header, or a number on every row. */
static guint
count_number_column (GPtrArray *block,
                     guint      first)
{
  GPtrArray *head = g_ptr_array_index (block, first);
  g_autofree char *folded = td_text_fold (cell_at (head, 0));
  guint start = is_header_cell (cell_at (head, 0)) ? first + 1 : first;
  guint numbered = 0;

  if (g_str_equal (folded, "stt") || g_str_equal (folded, "tt") ||
      g_str_equal (folded, "so tt") || g_str_equal (folded, "so thu tu"))
    return 1;
  for (guint i = start; i < block->len; i++)
    {
      GPtrArray *cells = g_ptr_array_index (block, i);
      g_autofree char *number = cell_text (cells, 0);

      if (row_is_blank (cells))
        continue;
      if (!is_row_number (number))
        return 0;
      numbered++;
    }
  return numbered > 0 ? 1 : 0;
}

/* A header row: a header word in a cell, and no form in the form column. */
static gboolean
is_header_row (Context   *ctx,
               GPtrArray *cells,
               guint      shift)
{
  g_autofree char *form = cell_text (cells, COLUMN_FORM + shift);
  gboolean header = FALSE;
  guint several = 0;

  for (guint c = 0; c < cells->len && !header; c++)
    {
      g_autofree char *text = cell_text (cells, c);

      header = is_header_cell (text);
    }
  return header && match_form (ctx, form, &several, NULL) == NULL && several == 0;
}

/* Folding that remembers where each folded byte came from, to cut a unit
 * name found in folded text out of the text as typed. */
static char *
fold_with_offsets (const char *text,
                   GArray     *offsets)
{
  GString *out = g_string_new (NULL);
  guint end;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint offset = p - text;
      guint before = out->len;

      if (g_unichar_isspace (c))
        g_string_append_c (out, ' ');
      else
        {
          char one[8] = { 0 };
          g_autofree char *folded = NULL;

          g_unichar_to_utf8 (c, one);
          folded = td_text_fold (one);
          g_string_append (out, folded);
        }
      for (guint i = before; i < out->len; i++)
        g_array_append_val (offsets, offset);
    }
  end = strlen (text);
  g_array_append_val (offsets, end);
  return g_string_free (out, FALSE);
}

/* Where @needle occurs in @haystack as whole words, or NULL. */
static const char *
find_words (const char *haystack,
            const char *needle)
{
  gsize len = strlen (needle);

  if (len == 0)
    return NULL;
  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    if ((p == haystack || !g_ascii_isalnum (p[-1])) && !g_ascii_isalnum (p[len]))
      return p;
  return NULL;
}

/* The unit whose name appears in @detail, the longest when several do;
 * its place in @detail, in bytes, in *@start and *@end. */
static const TdUnit *
unit_in_detail (GPtrArray  *units,
                const char *detail,
                gsize      *start,
                gsize      *end)
{
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *folded = fold_with_offsets (detail, offsets);
  const TdUnit *best = NULL;
  gsize best_len = 0;

  for (guint i = 0; i < units->len; i++)
    {
      const TdUnit *unit = g_ptr_array_index (units, i);
      g_autofree char *name = td_text_fold (unit->name);
      const char *at = find_words (folded, name);
      gsize len = strlen (name);

      if (at != NULL && len > best_len)
        {
          best = unit;
          best_len = len;
          *start = g_array_index (offsets, guint, at - folded);
          *end = g_array_index (offsets, guint, at - folded + len);
        }
    }
  return best;
}

/* The rank that starts @detail, and where the text after it starts. */
static const char *
leading_rank (const char  *detail,
              const char **rest)
{
  g_autofree char *folded = td_text_fold (detail);

  for (guint i = 0; i < G_N_ELEMENTS (ranks); i++)
    {
      g_autofree char *rank = td_text_fold (ranks[i]);
      gsize len = strlen (rank);
      glong n_chars = g_utf8_strlen (rank, -1);

      if (!g_str_has_prefix (folded, rank) || g_ascii_isalnum (folded[len]))
        continue;
      /* Folding keeps one character for one: count characters, not bytes. */
      *rest = g_utf8_offset_to_pointer (detail, n_chars);
      return ranks[i];
    }
  *rest = detail;
  return NULL;
}

/* @text without the separators and spaces at its ends: «, Đồn trưởng,». */
static char *
strip_separators (const char *text)
{
  static const char separators[] = ",;-";
  const char *start = text;
  const char *end = text + strlen (text);

  while (start < end && (*start == ' ' || strchr (separators, *start) != NULL))
    start++;
  while (end > start && (end[-1] == ' ' || strchr (separators, end[-1]) != NULL))
    end--;
  return g_strndup (start, end - start);
}

/* The rank and the position in the «Chức vụ, đơn vị» of a new person,
 * with the name of the unit @unit_id (if found there) left out:
 * «Thiếu tá, Đồn trưởng Đồn Biên phòng Hoành Mô» → Thiếu tá, Đồn trưởng. */
static void
split_detail (GPtrArray   *units,
              const char  *detail,
              gint64       unit_id,
              char       **rank,
              char       **position)
{
  g_autoptr(GPtrArray) only = g_ptr_array_new ();
  g_autoptr(GString) rest = g_string_new (NULL);
  const char *after_rank = NULL;
  const char *found_rank = leading_rank (detail, &after_rank);
  gsize start = 0, end = 0;
  g_autofree char *trimmed = NULL;

  for (guint i = 0; i < units->len; i++)
    if (((TdUnit *) g_ptr_array_index (units, i))->id == unit_id)
      g_ptr_array_add (only, g_ptr_array_index (units, i));

  if (unit_id > 0 && unit_in_detail (only, after_rank, &start, &end) != NULL)
    {
      g_string_append_len (rest, after_rank, start);
      g_string_append_c (rest, ' ');
      g_string_append (rest, after_rank + end);
    }
  else
    g_string_append (rest, after_rank);

  trimmed = td_text_normalize (rest->str);
  *rank = g_strdup (found_rank);
  *position = strip_separators (trimmed);
}

/* Recipients */

static gboolean
contains_folded (const char *folded_detail,
                 const char *text)
{
  g_autofree char *folded = td_text_fold (text);

  return *folded != '\0' && find_words (folded_detail, folded) != NULL;
}

static const char *
unit_name_of (GPtrArray *units,
              gint64     id,
              gboolean   short_name)
{
  for (guint i = 0; i < units->len; i++)
    {
      const TdUnit *unit = g_ptr_array_index (units, i);

      if (unit->id == id)
        return short_name ? unit->short_name : unit->name;
    }
  return NULL;
}

/* Several people of the same name: those whose unit the detail names,
 * then among them those whose position it names. */
static TdPerson *
pick_person (Context    *ctx,
             GPtrArray  *people,
             const char *detail)
{
  g_autofree char *folded = td_text_fold (detail);
  g_autoptr(GPtrArray) by_unit = g_ptr_array_new ();
  g_autoptr(GPtrArray) by_position = g_ptr_array_new ();
  GPtrArray *pool;

  if (people->len == 1)
    return g_ptr_array_index (people, 0);

  for (guint i = 0; i < people->len; i++)
    {
      TdPerson *person = g_ptr_array_index (people, i);

      if (person->unit_id > 0 &&
          (contains_folded (folded, unit_name_of (ctx->units, person->unit_id, FALSE)) ||
           contains_folded (folded, unit_name_of (ctx->units, person->unit_id, TRUE))))
        g_ptr_array_add (by_unit, person);
    }
  if (by_unit->len == 1)
    return g_ptr_array_index (by_unit, 0);

  pool = by_unit->len > 0 ? by_unit : people;
  for (guint i = 0; i < pool->len; i++)
    {
      TdPerson *person = g_ptr_array_index (pool, i);

      if (contains_folded (folded, person->position))
        g_ptr_array_add (by_position, person);
    }
  return by_position->len == 1 ? g_ptr_array_index (by_position, 0) : NULL;
}

/* Several units of the same name: the one whose parent the detail names. */
static TdUnit *
pick_unit (Context    *ctx,
           GPtrArray  *units,
           const char *detail)
{
  g_autofree char *folded = td_text_fold (detail);
  TdUnit *found = NULL;

  if (units->len == 1)
    return g_ptr_array_index (units, 0);
  for (guint i = 0; i < units->len; i++)
    {
      TdUnit *unit = g_ptr_array_index (units, i);

      if (unit->parent_id > 0 &&
          (contains_folded (folded, unit_name_of (ctx->units, unit->parent_id, FALSE)) ||
           contains_folded (folded, unit_name_of (ctx->units, unit->parent_id, TRUE))))
        {
          if (found != NULL)
            return NULL;
          found = unit;
        }
    }
  return found;
}

/* The people of @name: spelled the same (but for case) when there are
 * such — «Nguyễn Văn Anh» is not «Nguyễn Văn Ánh» — else the same
 * without accents, as typed in haste. */
static GPtrArray *
people_named (TdDatabase  *db,
              const char  *name,
              GError     **error)
{
  g_autoptr(GPtrArray) people = td_person_store_list (db, name, 0, error);
  g_autoptr(GPtrArray) exact = NULL;
  g_autofree char *needle = td_text_fold (name);
  g_autofree char *spelled = g_utf8_casefold (name, -1);

  if (people == NULL)
    return NULL;
  exact = g_ptr_array_new_with_free_func ((GDestroyNotify) td_person_free);
  for (guint i = 0; i < people->len; i++)
    {
      TdPerson *person = g_ptr_array_index (people, i);
      g_autofree char *folded = td_text_fold (person->full_name);
      g_autofree char *cased = g_utf8_casefold (person->full_name, -1);

      if (!g_str_equal (folded, needle))
        g_ptr_array_remove_index (people, i--);
      else if (g_str_equal (cased, spelled))
        g_ptr_array_add (exact, g_ptr_array_steal_index (people, i--));
    }
  return exact->len > 0 ? g_steal_pointer (&exact) : g_steal_pointer (&people);
}

/* @unit_id is @ancestor_id or lies under it. */
static gboolean
unit_within (GPtrArray *units,
             gint64     unit_id,
             gint64     ancestor_id)
{
  for (guint depth = 0; unit_id > 0 && depth < 64; depth++)
    {
      gint64 parent = 0;

      if (unit_id == ancestor_id)
        return TRUE;
      for (guint i = 0; i < units->len; i++)
        if (((TdUnit *) g_ptr_array_index (units, i))->id == unit_id)
          parent = ((TdUnit *) g_ptr_array_index (units, i))->parent_id;
      unit_id = parent;
    }
  return FALSE;
}

static void
set_error (TdPasteRow *row,
           char       *message)
{
  row->state = TD_PASTE_ROW_ERROR;
  g_free (row->message);
  row->message = message;
}

static void
set_new_unit (TdPasteRow *row)
{
  row->state = TD_PASTE_ROW_NEW_UNIT;
  row->collective = TRUE;
  row->unit_id = 0;
  g_free (row->message);
  row->message = g_strdup_printf (_("Row %u: no unit is named %s. A new unit will be added at the top of the directory."),
                                  row->line, row->name);
}

/* «Thôn Khe Mới», «Đồn Biên phòng…», «Trường Tiểu học…»: a name that
 * starts as collectives' names do, not a person's. */
static gboolean
names_a_collective (const char *name)
{
  static const char *const starts[] = {
    "thon", "xa", "phuong", "thi tran", "huyen", "quan", "thi xa", "thanh pho", "tinh", "ban", "to",
    "doi", "don", "phong", "so", "truong", "cong an", "chi cuc", "cuc", "hoi", "doan", "chi bo",
    "dang bo", "uy ban", "ubnd", "bo chi huy", "trung tam", "cong ty", "khu", "ap", "lang",
    "tong cong ty", "tong cuc", "tong doi", "benh vien", "vien", "nha may", "hop tac xa",
  };
  g_autofree char *folded = td_text_fold (name);

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      gsize len = strlen (starts[i]);

      if (g_str_has_prefix (folded, starts[i]) && folded[len] == ' ')
        return TRUE;
    }
  return FALSE;
}

/* Finds who the row is for (DOMAIN.md: a unit by its name first, else a
 * person), within what the form allows.  FALSE only on a database error. */
static gboolean
resolve_recipient (Context            *ctx,
                   TdPasteRow         *row,
                   const TdAwardForm  *form,
                   GError            **error)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) people = NULL;
  gboolean to_units = (form->recipient & TD_RECIPIENT_COLLECTIVE) != 0;
  gboolean to_people = (form->recipient & TD_RECIPIENT_INDIVIDUAL) != 0;
  TdPerson *person;

  units = td_unit_store_find (ctx->db, row->name, error);
  if (units == NULL)
    return FALSE;
  if (units->len > 0 && to_units)
    {
      TdUnit *unit = pick_unit (ctx, units, row->detail);

      if (unit == NULL)
        {
          /* Translators: the row number and a unit name. */
          set_error (row, g_strdup_printf (_("Row %u: several units are named %s. Add the unit above it in the second column."),
                                           row->line, row->name));
          row->problem = TD_PASTE_PROBLEM_SEVERAL_UNITS;
          return TRUE;
        }
      row->state = TD_PASTE_ROW_READY;
      row->collective = TRUE;
      row->unit_id = unit->id;
      return TRUE;
    }

  people = people_named (ctx->db, row->name, error);
  if (people == NULL)
    return FALSE;

  if (people->len == 0)
    {
      if (units->len > 0)
        /* Translators: the row number, a unit name and a form. */
        set_error (row, g_strdup_printf (_("Row %u: %s is a unit, but %s is given to individuals only. Choose another form, or check the name."),
                                         row->line, row->name, form->name));
      else if (!to_people || (to_units && names_a_collective (row->name)))
        set_new_unit (row);
      else
        {
          gsize start = 0, end = 0;
          const TdUnit *unit = unit_in_detail (ctx->units, row->detail, &start, &end);

          row->state = TD_PASTE_ROW_NEW_PERSON;
          row->unit_id = unit != NULL ? unit->id : 0;
          if (unit != NULL)
            /* Translators: the row number, a person's name and a unit. */
            row->message = g_strdup_printf (_("Row %u: nobody is named %s. A new person will be added to %s."),
                                            row->line, row->name, unit->name);
          else
            row->message = g_strdup_printf (_("Row %u: nobody is named %s. A new person will be added, without a unit."),
                                            row->line, row->name);
        }
      return TRUE;
    }

  /* The unit the row names decides among them, and rules out those of
   * other units: the same name elsewhere is somebody else. */
  {
    gsize start = 0, end = 0;
    const TdUnit *named = to_people ? unit_in_detail (ctx->units, row->detail, &start, &end) : NULL;

    for (guint i = 0; named != NULL && i < people->len; i++)
      if (!unit_within (ctx->units, ((TdPerson *) g_ptr_array_index (people, i))->unit_id, named->id))
        g_ptr_array_remove_index (people, i--);
    if (named != NULL && people->len == 0)
      {
        row->state = TD_PASTE_ROW_NEW_PERSON;
        row->unit_id = named->id;
        /* Translators: the row number, a person's name and a unit. */
        row->message = g_strdup_printf (_("Row %u: nobody named %s works in %s. A new person will be added to it."),
                                        row->line, row->name, named->name);
        return TRUE;
      }
  }

  person = pick_person (ctx, people, row->detail);
  if (person == NULL)
    {
      set_error (row, g_strdup_printf (_("Row %u: several people are named %s. Add the unit to the row, in the second column."),
                                       row->line, row->name));
      row->problem = TD_PASTE_PROBLEM_SEVERAL_PEOPLE;
      return TRUE;
    }
  if (!to_people)
    {
      /* Translators: the row number, a form and a person's name. */
      set_error (row, g_strdup_printf (_("Row %u: %s is given to collectives only, and %s is a person. Choose another form, or check the name."),
                                       row->line, form->name, row->name));
      return TRUE;
    }
  row->state = TD_PASTE_ROW_READY;
  row->person_id = person->id;
  row->unit_id = person->unit_id;
  return TRUE;
}

static gboolean
parse_row (Context     *ctx,
           TdPasteRow  *row,
           const char  *amount_text,
           GError     **error)
{
  const TdAwardForm *form;
  guint several = 0;
  g_autoptr(GString) names = g_string_new (NULL);

  if (*row->name == '\0')
    {
      set_error (row, g_strdup_printf (_("Row %u has no name. Type the name of the person or unit in the first column."),
                                       row->line));
      row->problem = TD_PASTE_PROBLEM_NO_NAME;
      return TRUE;
    }
  if (*row->form_text == '\0')
    {
      set_error (row, g_strdup_printf (_("Row %u has no award form. Type the form in the third column, such as Giấy khen."),
                                       row->line));
      row->problem = TD_PASTE_PROBLEM_NO_FORM;
      return TRUE;
    }
  form = match_form (ctx, row->form_text, &several, names);
  if (form == NULL && several > 0)
    {
      /* Translators: the row number, the text of the cell, how many forms
       * fit it and some of their names. */
      set_error (row, g_strdup_printf (_("Row %u: “%s” fits %u award forms (%s). Type more of the form’s name."),
                                       row->line, row->form_text, several, names->str));
      return TRUE;
    }
  if (form == NULL)
    {
      set_error (row, g_strdup_printf (_("Row %u: no award form is named “%s”. Type a form of the catalogue, such as Giấy khen."),
                                       row->line, row->form_text));
      return TRUE;
    }
  row->form_id = form->id;

  if (!parse_amount (amount_text, &row->amount))
    {
      /* Translators: the row number and the text of the amount cell. */
      set_error (row, g_strdup_printf (_("Row %u: the amount “%s” is not a number of đồng. Type it as 1.390.000 or 1390000, or leave it empty to compute it."),
                                       row->line, amount_text));
      return TRUE;
    }

  return resolve_recipient (ctx, row, form, error);
}

/* A new name that a collective-only form makes a unit is that unit in the
 * other rows of the block too, when their form allows a unit. */
static void
new_units_everywhere (Context   *ctx,
                      GPtrArray *rows)
{
  g_autoptr(GHashTable) new_units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      TdPasteRow *row = g_ptr_array_index (rows, i);

      if (row->state == TD_PASTE_ROW_NEW_UNIT)
        g_hash_table_add (new_units, td_text_fold (row->name));
    }
  for (guint i = 0; i < rows->len && g_hash_table_size (new_units) > 0; i++)
    {
      TdPasteRow *row = g_ptr_array_index (rows, i);
      g_autofree char *folded = NULL;

      if (row->state != TD_PASTE_ROW_NEW_PERSON)
        continue;
      folded = td_text_fold (row->name);
      for (guint f = 0; f < ctx->forms->len; f++)
        {
          const TdAwardForm *form = g_ptr_array_index (ctx->forms, f);

          if (form->id == row->form_id && (form->recipient & TD_RECIPIENT_COLLECTIVE) != 0 &&
              g_hash_table_contains (new_units, folded))
            set_new_unit (row);
        }
    }
}

/* Applying */

static gboolean
create_person (Context     *ctx,
               TdPasteRow  *row,
               gint64      *id,
               GError     **error)
{
  g_autoptr(TdPerson) person = td_person_new ();

  person->full_name = g_strdup (row->name);
  person->unit_id = row->unit_id;
  split_detail (ctx->units, row->detail, row->unit_id, &person->rank, &person->position);
  if (!td_person_store_insert (ctx->db, person, error))
    return FALSE;
  *id = person->id;
  return TRUE;
}

static gboolean
create_unit (TdDatabase  *db,
             TdPasteRow  *row,
             gint64      *id,
             GError     **error)
{
  g_autoptr(TdUnit) unit = td_unit_new ();

  unit->name = g_strdup (row->name);
  if (!td_unit_store_insert (db, unit, error))
    return FALSE;
  *id = unit->id;
  return TRUE;
}

/* The person or unit a row's line goes to, created if new: once for all
 * the rows that name the same new person (same name and unit) or unit. */
static gboolean
recipient_of (Context     *ctx,
              TdPasteRow  *row,
              GHashTable  *created,
              TdAward     *award,
              GError     **error)
{
  g_autofree char *folded = td_text_fold (row->name);
  g_autofree char *key = NULL;
  gint64 *known;
  gint64 id = 0;

  if (row->state == TD_PASTE_ROW_READY)
    {
      if (row->collective)
        award->unit_id = row->unit_id;
      else
        award->person_id = row->person_id;
      return TRUE;
    }

  g_assert (row->state == TD_PASTE_ROW_NEW_PERSON || row->state == TD_PASTE_ROW_NEW_UNIT);
  if (row->state == TD_PASTE_ROW_NEW_PERSON)
    key = g_strdup_printf ("person %" G_GINT64_FORMAT " %s", row->unit_id, folded);
  else
    key = g_strdup_printf ("unit %s", folded);

  known = g_hash_table_lookup (created, key);
  if (known != NULL)
    id = *known;
  else if (row->state == TD_PASTE_ROW_NEW_PERSON ? !create_person (ctx, row, &id, error)
                                                 : !create_unit (ctx->db, row, &id, error))
    return FALSE;
  else
    g_hash_table_insert (created, g_steal_pointer (&key), g_memdup2 (&id, sizeof id));

  if (row->state == TD_PASTE_ROW_NEW_PERSON)
    award->person_id = id;
  else
    award->unit_id = id;
  return TRUE;
}

static TdPasteRow *
new_row (guint       line,
         const char *name,
         const char *detail,
         const char *form,
         const char *achievement)
{
  TdPasteRow *row = g_new0 (TdPasteRow, 1);

  row->line = line;
  row->amount = -1;
  row->name = td_text_normalize (name != NULL ? name : "");
  row->detail = td_text_normalize (detail != NULL ? detail : "");
  row->form_text = td_text_normalize (form != NULL ? form : "");
  row->achievement = g_strdup (achievement != NULL ? achievement : "");
  return row;
}

static gboolean
context_load (Context  *ctx,
              GError  **error)
{
  ctx->forms = td_catalogue_store_list_forms (ctx->db, NULL, FALSE, error);
  if (ctx->forms == NULL)
    return FALSE;
  ctx->units = td_unit_store_list (ctx->db, NULL, TRUE, error);
  return ctx->units != NULL;
}

/* The rows of a block or of a file, matched. */
static GPtrArray *
resolve_rows (Context             *ctx,
              const TdPasteCells  *cells,
              guint                n_rows,
              GError             **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) td_paste_row_free);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *achievement = td_text_normalize_lines (cells[i].achievement != NULL ? cells[i].achievement : "", FALSE);
      g_autofree char *amount = td_text_normalize (cells[i].amount != NULL ? cells[i].amount : "");
      TdPasteRow *row = new_row (cells[i].line, cells[i].name, cells[i].detail, cells[i].form,
                                 achievement);

      g_ptr_array_add (rows, row);
      if (!parse_row (ctx, row, amount != NULL ? amount : "", error))
        return NULL;
    }
  new_units_everywhere (ctx, rows);
  return g_steal_pointer (&rows);
}

/* Public API */

void
td_paste_row_free (TdPasteRow *row)
{
  if (row == NULL)
    return;
  g_free (row->message);
  g_free (row->name);
  g_free (row->detail);
  g_free (row->form_text);
  g_free (row->achievement);
  g_free (row);
}

GPtrArray *
td_paste_parse (TdDatabase  *db,
                const char  *text,
                GError     **error)
{
  g_auto(Context) ctx = { db, NULL, NULL };
  g_autoptr(GPtrArray) block = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (TdPasteCells));
  guint first = 0;
  guint shift;
  gboolean has_columns = FALSE;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      td_set_field_error (error, TD_FIELD_ERROR_FORMAT, "text",
                          _("The pasted text is not readable. Copy the cells from the spreadsheet again."));
      return NULL;
    }

  block = split_block (text);
  for (guint i = 0; i < block->len; i++)
    {
      GPtrArray *cells = g_ptr_array_index (block, i);

      normalize_cells (cells);
      has_columns = has_columns || cells->len > 1;
    }
  while (first < block->len && row_is_blank (g_ptr_array_index (block, first)))
    first++;
  if (first == block->len)
    {
      td_set_field_error (error, TD_FIELD_ERROR_REQUIRED, "text",
                          _("There is nothing to paste. Copy the rows from the spreadsheet first."));
      return NULL;
    }
  if (!has_columns)
    {
      td_set_field_error (error, TD_FIELD_ERROR_FORMAT, "text",
                          _("The pasted text has no columns. Copy the cells from the spreadsheet: name, position or unit, form, achievement and, if you like, the amount."));
      return NULL;
    }

  if (!context_load (&ctx, error))
    return NULL;

  shift = count_number_column (block, first);
  if (is_header_row (&ctx, g_ptr_array_index (block, first), shift))
    first++;

  for (guint i = first; i < block->len; i++)
    {
      GPtrArray *cells = g_ptr_array_index (block, i);
      TdPasteCells one = { i + 1 };

      if (row_is_blank (cells))
        continue;
      one.name = cell_at (cells, COLUMN_NAME + shift);
      one.detail = cell_at (cells, COLUMN_DETAIL + shift);
      one.form = cell_at (cells, COLUMN_FORM + shift);
      one.achievement = cell_at (cells, COLUMN_ACHIEVEMENT + shift);
      one.amount = cell_at (cells, COLUMN_AMOUNT + shift);
      g_array_append_val (rows, one);
    }

  if (rows->len == 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_REQUIRED, "text",
                          _("The pasted block has a header but no rows under it. Copy the rows too."));
      return NULL;
    }
  return resolve_rows (&ctx, (const TdPasteCells *) (void *) rows->data, rows->len, error);
}

GPtrArray *
td_paste_resolve (TdDatabase          *db,
                  const TdPasteCells  *cells,
                  guint                n_rows,
                  GError             **error)
{
  g_auto(Context) ctx = { db, NULL, NULL };

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  if (!context_load (&ctx, error))
    return NULL;
  return resolve_rows (&ctx, cells, n_rows, error);
}

gboolean
td_paste_apply (TdDatabase  *db,
                gint64       decision_id,
                GPtrArray   *rows,
                gboolean     create_missing,
                guint       *added,
                GError     **error)
{
  g_auto(Context) ctx = { db, NULL, NULL };
  g_autoptr(GHashTable) created = NULL;
  const TdPasteRow *first_error = NULL;
  guint n_errors = 0, n_missing = 0;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  if (added != NULL)
    *added = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      const TdPasteRow *row = g_ptr_array_index (rows, i);

      if (row->state == TD_PASTE_ROW_ERROR)
        {
          first_error = first_error != NULL ? first_error : row;
          n_errors++;
        }
      else if (row->state != TD_PASTE_ROW_READY)
        n_missing++;
    }
  if (n_errors > 0)
    {
      /* Translators: %u counts rows; %s is the message of the first one. */
      td_set_field_error (error, TD_FIELD_ERROR_FORMAT, "rows",
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u row cannot be added, so nothing was added. %s",
                                       "%u rows cannot be added, so nothing was added. The first: %s",
                                       n_errors),
                          n_errors, first_error->message);
      return FALSE;
    }
  if (n_missing > 0 && !create_missing)
    {
      td_set_field_error (error, TD_FIELD_ERROR_REFERENCE, "rows",
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u row names a person or unit that is not in the directory, so nothing was added. Allow adding it to the directory, or add it first.",
                                       "%u rows name people or units that are not in the directory, so nothing was added. Allow adding them to the directory, or add them first.",
                                       n_missing),
                          n_missing);
      return FALSE;
    }

  if (n_missing > 0 && !(ctx.units = td_unit_store_list (db, NULL, TRUE, error)))
    return FALSE;
  created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!td_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      TdPasteRow *row = g_ptr_array_index (rows, i);
      g_autoptr(TdAward) award = td_award_new ();

      award->decision_id = decision_id;
      award->form_id = row->form_id;
      award->achievement = g_strdup (row->achievement);
      award->amount_overridden = row->amount >= 0;
      award->amount = MAX (row->amount, 0);
      if (!recipient_of (&ctx, row, created, award, error) ||
          !td_decision_store_insert_award (db, award, error))
        goto fail;
    }
  if (!td_database_commit (db, error))
    goto fail;
  if (added != NULL)
    *added = rows->len;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

/* Blocks of numbers */

void
td_number_block_free (TdNumberBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->values);
  g_free (block->present);
  g_free (block);
}

TdNumberBlock *
td_paste_parse_numbers (const char  *text,
                        guint       *bad_row,
                        guint       *bad_column,
                        GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(TdNumberBlock) block = NULL;
  guint n_rows, n_columns = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = split_block (text);
  for (guint i = 0; i < rows->len; i++)
    normalize_cells (g_ptr_array_index (rows, i));
  n_rows = rows->len;
  while (n_rows > 0 && row_is_blank (g_ptr_array_index (rows, n_rows - 1)))
    n_rows--;
  for (guint i = 0; i < n_rows; i++)
    n_columns = MAX (n_columns, ((GPtrArray *) g_ptr_array_index (rows, i))->len);
  if (n_rows == 0 || n_columns == 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_REQUIRED, "block",
                          _("The clipboard holds no numbers. Copy a block of cells in the spreadsheet first."));
      return NULL;
    }

  block = g_new0 (TdNumberBlock, 1);
  block->n_rows = n_rows;
  block->n_columns = n_columns;
  block->values = g_new0 (gint64, n_rows * n_columns);
  block->present = g_new0 (gboolean, n_rows * n_columns);
  for (guint i = 0; i < n_rows; i++)
    {
      GPtrArray *cells = g_ptr_array_index (rows, i);

      /* A shorter row (a ragged copy) has empty cells at its end. */
      for (guint j = 0; j < cells->len; j++)
        {
          const char *cell = g_ptr_array_index (cells, j);
          guint k = i * n_columns + j;

          if (*cell == '\0')
            continue;
          if (!td_parse_count (cell, "block", &block->values[k], error))
            {
              if (bad_row != NULL)
                *bad_row = i;
              if (bad_column != NULL)
                *bad_column = j;
              return NULL;
            }
          block->present[k] = TRUE;
        }
    }
  return g_steal_pointer (&block);
}
