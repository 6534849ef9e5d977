#define G_LOG_DOMAIN "td-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "td-import-private.h"
#include "td-records.h"
#include "td-text.h"

/* The usual titles of columns in the lists offices keep, folded (td_text_fold),
 * by kind.  A cell names a field when its folded text is one of them, or
 * starts with one followed by something else than a letter or digit
 * («so tien (dong)»).  The longest title that fits wins. */
typedef struct
{
  TdImportField  field;
  const char    *title;
} Title;

static const Title common_titles[] = {
  { TD_IMPORT_FIELD_NUMBER, "stt" },
  { TD_IMPORT_FIELD_NUMBER, "tt" },
  { TD_IMPORT_FIELD_NUMBER, "so tt" },
  { TD_IMPORT_FIELD_NUMBER, "so thu tu" },
  { TD_IMPORT_FIELD_NOTE, "ghi chu" },
};

static const Title unit_titles[] = {
  { TD_IMPORT_FIELD_NAME, "ten" },
  { TD_IMPORT_FIELD_NAME, "don vi" },
  { TD_IMPORT_FIELD_NAME, "ten don vi" },
  { TD_IMPORT_FIELD_NAME, "co quan, don vi" },
  { TD_IMPORT_FIELD_NAME, "ten co quan, don vi" },
  { TD_IMPORT_FIELD_NAME, "ten tap the" },
  { TD_IMPORT_FIELD_SHORT_NAME, "ten viet tat" },
  { TD_IMPORT_FIELD_SHORT_NAME, "ten tat" },
  { TD_IMPORT_FIELD_SHORT_NAME, "viet tat" },
  { TD_IMPORT_FIELD_KIND, "loai" },
  { TD_IMPORT_FIELD_KIND, "loai don vi" },
  { TD_IMPORT_FIELD_KIND, "cap" },
  { TD_IMPORT_FIELD_KIND, "cap don vi" },
  { TD_IMPORT_FIELD_PARENT, "don vi cap tren" },
  { TD_IMPORT_FIELD_PARENT, "cap tren" },
  { TD_IMPORT_FIELD_PARENT, "truc thuoc" },
  { TD_IMPORT_FIELD_PARENT, "don vi truc thuoc" },
  { TD_IMPORT_FIELD_PARENT, "thuoc" },
  { TD_IMPORT_FIELD_PARENT, "don vi chu quan" },
};

static const Title person_titles[] = {
  { TD_IMPORT_FIELD_FAMILY_NAME, "ho" },
  { TD_IMPORT_FIELD_FAMILY_NAME, "ho va dem" },
  { TD_IMPORT_FIELD_FAMILY_NAME, "ho dem" },
  { TD_IMPORT_FIELD_FAMILY_NAME, "ho va ten dem" },
  { TD_IMPORT_FIELD_FAMILY_NAME, "ho, ten dem" },
  { TD_IMPORT_FIELD_NAME, "ho va ten" },
  { TD_IMPORT_FIELD_NAME, "ho ten" },
  { TD_IMPORT_FIELD_NAME, "ten" },
  { TD_IMPORT_FIELD_NAME, "ho va ten can bo" },
  { TD_IMPORT_FIELD_NAME, "ten can bo" },
  { TD_IMPORT_FIELD_GENDER, "gioi tinh" },
  { TD_IMPORT_FIELD_GENDER, "gioi" },
  { TD_IMPORT_FIELD_GENDER, "nam/nu" },
  { TD_IMPORT_FIELD_BIRTH_YEAR, "nam sinh" },
  { TD_IMPORT_FIELD_BIRTH_YEAR, "ngay sinh" },
  { TD_IMPORT_FIELD_BIRTH_YEAR, "ngay, thang, nam sinh" },
  { TD_IMPORT_FIELD_BIRTH_YEAR, "ngay thang nam sinh" },
  { TD_IMPORT_FIELD_POSITION, "chuc vu" },
  { TD_IMPORT_FIELD_POSITION, "chuc danh" },
  { TD_IMPORT_FIELD_POSITION, "chuc vu, chuc danh" },
  { TD_IMPORT_FIELD_RANK, "cap bac" },
  { TD_IMPORT_FIELD_RANK, "quan ham" },
  { TD_IMPORT_FIELD_RANK, "cap bac, quan ham" },
  { TD_IMPORT_FIELD_UNIT, "don vi" },
  { TD_IMPORT_FIELD_UNIT, "don vi cong tac" },
  { TD_IMPORT_FIELD_UNIT, "co quan" },
  { TD_IMPORT_FIELD_UNIT, "co quan, don vi" },
  { TD_IMPORT_FIELD_UNIT, "noi cong tac" },
};

static const Title award_titles[] = {
  { TD_IMPORT_FIELD_FAMILY_NAME, "ho" },
  { TD_IMPORT_FIELD_FAMILY_NAME, "ho va dem" },
  { TD_IMPORT_FIELD_FAMILY_NAME, "ho dem" },
  { TD_IMPORT_FIELD_FAMILY_NAME, "ho va ten dem" },
  { TD_IMPORT_FIELD_NAME, "ho va ten" },
  { TD_IMPORT_FIELD_NAME, "ho ten" },
  { TD_IMPORT_FIELD_NAME, "ten" },
  { TD_IMPORT_FIELD_NAME, "ten tap the" },
  { TD_IMPORT_FIELD_NAME, "ten ca nhan" },
  { TD_IMPORT_FIELD_NAME, "ten tap the, ca nhan" },
  { TD_IMPORT_FIELD_NAME, "ten tap the/ca nhan" },
  { TD_IMPORT_FIELD_NAME, "tap the, ca nhan" },
  { TD_IMPORT_FIELD_NAME, "ho va ten/ten tap the" },
  { TD_IMPORT_FIELD_DETAIL, "chuc vu, don vi" },
  { TD_IMPORT_FIELD_DETAIL, "chuc vu, don vi cong tac" },
  { TD_IMPORT_FIELD_DETAIL, "chuc vu - don vi" },
  { TD_IMPORT_FIELD_DETAIL, "chuc vu va don vi" },
  { TD_IMPORT_FIELD_POSITION, "chuc vu" },
  { TD_IMPORT_FIELD_POSITION, "chuc danh" },
  { TD_IMPORT_FIELD_RANK, "cap bac" },
  { TD_IMPORT_FIELD_UNIT, "don vi" },
  { TD_IMPORT_FIELD_UNIT, "don vi cong tac" },
  { TD_IMPORT_FIELD_UNIT, "co quan, don vi" },
  { TD_IMPORT_FIELD_FORM, "hinh thuc" },
  { TD_IMPORT_FIELD_FORM, "hinh thuc khen thuong" },
  { TD_IMPORT_FIELD_FORM, "hinh thuc khen" },
  { TD_IMPORT_FIELD_FORM, "danh hieu" },
  { TD_IMPORT_FIELD_FORM, "danh hieu, hinh thuc khen thuong" },
  { TD_IMPORT_FIELD_FORM, "hinh thuc de nghi" },
  { TD_IMPORT_FIELD_FORM, "de nghi khen thuong" },
  { TD_IMPORT_FIELD_ACHIEVEMENT, "thanh tich" },
  { TD_IMPORT_FIELD_ACHIEVEMENT, "thanh tich dat duoc" },
  { TD_IMPORT_FIELD_ACHIEVEMENT, "tom tat thanh tich" },
  { TD_IMPORT_FIELD_ACHIEVEMENT, "ly do" },
  { TD_IMPORT_FIELD_ACHIEVEMENT, "da co thanh tich" },
  { TD_IMPORT_FIELD_AMOUNT, "so tien" },
  { TD_IMPORT_FIELD_AMOUNT, "so tien thuong" },
  { TD_IMPORT_FIELD_AMOUNT, "tien thuong" },
  { TD_IMPORT_FIELD_AMOUNT, "muc thuong" },
  { TD_IMPORT_FIELD_AMOUNT, "thanh tien" },
};

static const Title stats_titles[] = {
  { TD_IMPORT_FIELD_UNIT, "don vi" },
  { TD_IMPORT_FIELD_UNIT, "ten don vi" },
  { TD_IMPORT_FIELD_UNIT, "co quan, don vi" },
  { TD_IMPORT_FIELD_UNIT, "dia phuong" },
  { TD_IMPORT_FIELD_UNIT, "dia phuong, don vi" },
};

static const struct
{
  TdImportField  field;
  const char    *word;
} field_words[] = {
  { TD_IMPORT_FIELD_IGNORE, "ignore" },
  { TD_IMPORT_FIELD_NUMBER, "number" },
  { TD_IMPORT_FIELD_NAME, "name" },
  { TD_IMPORT_FIELD_SHORT_NAME, "short_name" },
  { TD_IMPORT_FIELD_KIND, "kind" },
  { TD_IMPORT_FIELD_PARENT, "parent" },
  { TD_IMPORT_FIELD_GENDER, "gender" },
  { TD_IMPORT_FIELD_BIRTH_YEAR, "birth_year" },
  { TD_IMPORT_FIELD_POSITION, "position" },
  { TD_IMPORT_FIELD_RANK, "rank" },
  { TD_IMPORT_FIELD_UNIT, "unit" },
  { TD_IMPORT_FIELD_NOTE, "note" },
  { TD_IMPORT_FIELD_DETAIL, "detail" },
  { TD_IMPORT_FIELD_FORM, "form" },
  { TD_IMPORT_FIELD_ACHIEVEMENT, "achievement" },
  { TD_IMPORT_FIELD_AMOUNT, "amount" },
  { TD_IMPORT_FIELD_INDICATOR, "indicator" },
  { TD_IMPORT_FIELD_BIRTH_YEAR_MALE, "birth_year_male" },
  { TD_IMPORT_FIELD_BIRTH_YEAR_FEMALE, "birth_year_female" },
  { TD_IMPORT_FIELD_FAMILY_NAME, "family_name" },
};

const char *
td_import_field_to_string (TdImportField field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_words); i++)
    if (field_words[i].field == field)
      return field_words[i].word;
  return "ignore";
}

gboolean
td_import_field_from_string (const char    *text,
                             TdImportField *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_words); i++)
    if (g_strcmp0 (field_words[i].word, text) == 0)
      {
        *field = field_words[i].field;
        return TRUE;
      }
  return FALSE;
}

char *
td_import_title_key (const char *title)
{
  g_autofree char *folded = td_text_fold (title != NULL ? title : "");

  /* Titles broken over lines in the cell, or with a colon after them. */
  g_strdelimit (folded, "\n\r\t:*", ' ');
  return td_text_normalize (folded);
}

static gboolean
title_fits (const char *key,
            const char *title)
{
  gsize len = strlen (title);

  /* The title, then the end or something else than a letter or a digit
   * («hoµng» is no «ho» title: µ is a letter). */
  return strncmp (key, title, len) == 0 &&
         (key[len] == '\0' || !g_unichar_isalnum (g_utf8_get_char_validated (key + len, -1)));
}

static TdImportField
guess_in (const Title *titles,
          guint        n_titles,
          const char  *key,
          gsize       *best_len)
{
  TdImportField found = TD_IMPORT_FIELD_IGNORE;

  for (guint i = 0; i < n_titles; i++)
    {
      gsize len = strlen (titles[i].title);

      /* «TT», «Họ»: whole cells only, not the start of a name («Hồ Văn Nam»). */
      if (len < 3 && !g_str_equal (key, titles[i].title))
        continue;
      if (len > *best_len && title_fits (key, titles[i].title))
        {
          found = titles[i].field;
          *best_len = len;
        }
    }
  return found;
}

TdImportField
td_import_guess_field (TdImportKind  kind,
                       const char   *title)
{
  g_autofree char *key = td_import_title_key (title);
  TdImportField found = TD_IMPORT_FIELD_IGNORE;
  TdImportField field;
  gsize best = 0;

  if (key == NULL || *key == '\0')
    return TD_IMPORT_FIELD_IGNORE;

  found = guess_in (common_titles, G_N_ELEMENTS (common_titles), key, &best);
  switch (kind)
    {
    case TD_IMPORT_UNITS:
      field = guess_in (unit_titles, G_N_ELEMENTS (unit_titles), key, &best);
      break;
    case TD_IMPORT_PEOPLE:
      field = guess_in (person_titles, G_N_ELEMENTS (person_titles), key, &best);
      break;
    case TD_IMPORT_AWARDS:
      field = guess_in (award_titles, G_N_ELEMENTS (award_titles), key, &best);
      break;
    case TD_IMPORT_STATS:
    default:
      field = guess_in (stats_titles, G_N_ELEMENTS (stats_titles), key, &best);
      break;
    }
  if (field != TD_IMPORT_FIELD_IGNORE)
    found = field;
  /* A note column means nothing in an award list or a grid of counts. */
  if (found == TD_IMPORT_FIELD_NOTE && kind != TD_IMPORT_PEOPLE)
    found = TD_IMPORT_FIELD_IGNORE;
  return found;
}

gint64
td_import_guess_indicator (GPtrArray  *indicators,
                           const char *title)
{
  g_autofree char *key = td_import_title_key (title);
  gint64 found = 0;
  guint n_found = 0;

  if (key == NULL || *key == '\0' || indicators == NULL)
    return 0;
  for (guint i = 0; i < indicators->len; i++)
    {
      const TdIndicator *indicator = g_ptr_array_index (indicators, i);
      g_autofree char *name = td_import_title_key (indicator->name);

      if (g_str_equal (name, key))
        return indicator->id;
    }
  /* «Số hộ gia đình văn hóa (hộ)» for «Số hộ gia đình văn hóa». */
  for (guint i = 0; i < indicators->len; i++)
    {
      const TdIndicator *indicator = g_ptr_array_index (indicators, i);
      g_autofree char *name = td_import_title_key (indicator->name);

      if (*name != '\0' && (title_fits (key, name) || title_fits (name, key)))
        {
          found = indicator->id;
          n_found++;
        }
    }
  return n_found == 1 ? found : 0;
}

GHashTable *
td_import_mapping_parse (const char *text)
{
  GHashTable *mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *equals = strrchr (lines[i], '=');

      if (equals == NULL || equals == lines[i])
        continue;
      g_hash_table_replace (mapping, g_strndup (lines[i], equals - lines[i]), g_strdup (equals + 1));
    }
  return mapping;
}

char *
td_import_mapping_format (GHashTable *mapping)
{
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (mapping), (GCompareFunc) strcmp);
  GString *out = g_string_new (NULL);

  for (GList *l = keys; l != NULL; l = l->next)
    g_string_append_printf (out, "%s=%s\n", (const char *) l->data,
                            (const char *) g_hash_table_lookup (mapping, l->data));
  return g_string_free (out, FALSE);
}

/* «Tổng cộng», «Cộng:», «Tổng số: 12 người»: a row of sums, said so in
 * one of its first cells — with its accents: «Tổng công ty», «Công an
 * huyện» are names. */
gboolean
td_import_row_is_total (const TdImportRow *row)
{
  static const char *const starts[] = { "tổng cộng", "tổng số", "cộng chung" };
  static const char *const alone[] = { "tổng", "cộng" };
  guint seen = 0;

  for (guint i = 0; i < row->n_cells && seen < 2; i++)
    {
      g_autofree char *normal = NULL;
      g_autofree char *cased = NULL;

      if (*row->cells[i] == '\0')
        continue;
      seen++;
      /* Sums start with T or C: anything else at once. */
      if (g_ascii_toupper (*row->cells[i]) != 'T' && g_ascii_toupper (*row->cells[i]) != 'C' &&
          !g_ascii_isspace (*row->cells[i]))
        continue;
      normal = td_text_normalize (row->cells[i]);
      cased = g_utf8_casefold (normal != NULL ? normal : "", -1);
      g_strdelimit (cased, ".:", ' ');
      g_strstrip (cased);
      for (guint k = 0; k < G_N_ELEMENTS (starts); k++)
        if (g_str_has_prefix (cased, starts[k]) && !g_ascii_isalpha (cased[strlen (starts[k])]) &&
            (guchar) cased[strlen (starts[k])] < 0x80)
          return TRUE;
      for (guint k = 0; k < G_N_ELEMENTS (alone); k++)
        if (g_str_equal (cased, alone[k]))
          return TRUE;
    }
  return FALSE;
}

static gboolean
is_roman (const char *text)
{
  gsize n = strspn (text, "IVX");

  return n > 0 && (text[n] == '\0' || ((text[n] == '.' || text[n] == '/') && text[n + 1] == '\0'));
}

static gboolean
is_capitals (const char *text)
{
  g_autofree char *upper = g_utf8_strup (text, -1);

  return g_str_equal (upper, text);
}

/* «I | TẬP THỂ», «II. CÁ NHÂN», «A | CÁN BỘ XÃ»: the heading of a section
 * of a list — a roman numeral or a capital letter where rows have their
 * number, with one title in capitals at most — or «Tập thể», «Cá nhân»
 * alone. */
gboolean
td_import_row_is_section (const TdImportRow *row)
{
  const char *first = NULL;
  const char *title = NULL;
  guint filled = 0;

  for (guint i = 0; i < row->n_cells; i++)
    if (*row->cells[i] != '\0')
      {
        if (filled == 0)
          first = row->cells[i];
        else
          title = row->cells[i];
        filled++;
      }
  if (filled == 1)
    {
      /* «I / TẬP THỂ», «II. CÁ NHÂN» in one cell. */
      gsize numeral = strspn (first, "IVX");
      const char *rest = first + numeral;
      g_autofree char *key = NULL;

      while (numeral > 0 && (*rest == '.' || *rest == '/' || *rest == '-' || *rest == ' ' || *rest == ':'))
        rest++;
      key = td_import_title_key (rest);
      g_strdelimit (key, ".:", ' ');
      g_strstrip (key);
      return g_str_equal (key, "tap the") || g_str_equal (key, "ca nhan") || is_roman (first) ||
             (numeral > 0 && rest > first + numeral && *rest != '\0' && is_capitals (rest));
    }
  if (filled != 2)
    return FALSE;
  if (is_roman (first))
    {
      g_autofree char *key = td_import_title_key (title);

      if (g_str_equal (key, "tap the") || g_str_equal (key, "ca nhan"))
        return TRUE;
    }
  return (is_roman (first) || (strlen (first) <= 2 && g_ascii_isupper (*first) && (first[1] == '\0' || first[1] == '.'))) &&
         is_capitals (title);
}

/* «(1)», «1», «(2)»: the numbers some forms put under their titles. */
gboolean
td_import_row_is_numbering (const TdImportRow *row)
{
  guint numbered = 0;

  for (guint i = 0; i < row->n_cells; i++)
    {
      const char *p = row->cells[i];

      if (*p == '\0')
        continue;
      if (*p == '(')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      if (*p == ')')
        p++;
      if (*p != '\0')
        return FALSE;
      numbered++;
    }
  return numbered >= 2;
}
