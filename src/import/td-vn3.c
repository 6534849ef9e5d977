#define G_LOG_DOMAIN "td-vn3"

#include "config.h"

#include <string.h>

#include "td-import-table.h"

/* Text typed with the TCVN3 (VN3, «ABC») fonts .VnTime, .VnArial…: each
 * Vietnamese letter is stored as the byte of TCVN 5712:1993 VN3, which
 * Excel reads as the Latin-1 character of that code: «NguyÔn V¨n An» is
 * «Nguyễn Văn An».  The table is VN3's, which agrees with glibc's
 * TCVN5712-1 (VN1) at these codes; VN1's capitals with tones (0xAF,
 * 0xBA, 0xBF–0xC5…) have no place in VN3, whose .VnTimeH fonts draw
 * capitals at the lowercase codes instead.  0 = not a VN3 letter. */
static const gunichar vn3_letters[0x100 - 0xA1] = {
  /* A1 */ 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
  /* A8 */ 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0,
  /* B0 */ 0, 0, 0, 0, 0, 0x00E0, 0x1EA3, 0x00E3,
  /* B8 */ 0x00E1, 0x1EA1, 0, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0,
  /* C0 */ 0, 0, 0, 0, 0, 0, 0x1EB7, 0x1EA7,
  /* C8 */ 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0, 0x1EBB, 0x1EBD,
  /* D0 */ 0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
  /* D8 */ 0x1EC9, 0, 0, 0, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
  /* E0 */ 0, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
  /* E8 */ 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
  /* F0 */ 0, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
  /* F8 */ 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5,
};

/* Syllables: what a Vietnamese word can be, tones taken off. */
static const char *const initials[] = {
  "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
  "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
};
static const char *const nuclei[] = {
  "iêu", "oai", "oay", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "yêu",
  "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi",
  "ôi", "ơi", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
  "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
};
static const char *const finals[] = {
  "ch", "ng", "nh", "c", "m", "n", "p", "t", "",
};

static gunichar
vn3_letter (gunichar c)
{
  return c >= 0xA1 && c <= 0xFF ? vn3_letters[c - 0xA1] : 0;
}

/* Letters of Vietnamese that Latin-1 lacks: VN3 look-alike text never
 * has them. */
static gboolean
is_unicode_vietnamese (gunichar c)
{
  gunichar lower = g_unichar_tolower (c);

  return (lower >= 0x1EA0 && lower <= 0x1EF9) || lower == 0x0103 || lower == 0x0111 ||
         lower == 0x0129 || lower == 0x0169 || lower == 0x01A1 || lower == 0x01B0;
}

static gboolean
matches_one_of (const char        *text,
                const char *const *list,
                guint              n_list,
                gboolean           whole)
{
  for (guint i = 0; i < n_list; i++)
    if (whole ? g_str_equal (text, list[i]) : g_str_has_prefix (text, list[i]))
      return TRUE;
  return FALSE;
}

static gboolean
parse_rhyme (const char *rhyme)
{
  for (guint i = 0; i < G_N_ELEMENTS (nuclei); i++)
    if (g_str_has_prefix (rhyme, nuclei[i]) &&
        matches_one_of (rhyme + strlen (nuclei[i]), finals, G_N_ELEMENTS (finals), TRUE))
      return TRUE;
  return FALSE;
}

/* Whether @word (lowercase, NFC) could be one Vietnamese syllable: one
 * tone at most, an initial, a nucleus and a final of the language. */
static gboolean
is_syllable (const char *word)
{
  g_autofree char *nfd = g_utf8_normalize (word, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) bare = g_string_new (NULL);
  g_autofree char *toneless = NULL;
  guint tones = 0;

  if (nfd == NULL)
    return FALSE;
  for (const char *p = nfd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323)
        tones++;
      else
        g_string_append_unichar (bare, c);
    }
  if (tones > 1)
    return FALSE;
  toneless = g_utf8_normalize (bare->str, bare->len, G_NORMALIZE_NFC);
  if (toneless == NULL)
    return FALSE;
  /* Longest initial first, shorter ones when the rest is no rhyme: «gì»
   * is g + ì, «gia» gi + a. */
  for (guint i = 0; i < G_N_ELEMENTS (initials); i++)
    if (g_str_has_prefix (toneless, initials[i]) && parse_rhyme (toneless + strlen (initials[i])))
      return TRUE;
  return FALSE;
}

static gboolean
is_word_char (gunichar c)
{
  return (c < 0x80 && g_ascii_isalpha ((char) c)) || (c >= 0xA1 && c <= 0xFF) ||
         is_unicode_vietnamese (c);
}

/* Capitals when the cell looks typed in a .VnTimeH font: ASCII letters,
 * none of them lowercase. */
static gboolean
is_all_capitals (const char *text)
{
  gboolean upper = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_islower (*p))
        return FALSE;
      upper |= g_ascii_isupper (*p);
    }
  return upper;
}

static gboolean
has_latin1_letters (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p == 0xC2 || (guchar) *p == 0xC3)
      return TRUE;
  return FALSE;
}

/* Words weighed at most: enough to tell. */
#define SAMPLE_WORDS 2000

typedef struct
{
  guint words;      /* words with characters of 0xA1–0xFF */
  guint converted;  /* of them, Vietnamese only once converted */
  guint original;   /* of them, Vietnamese only as they are */
  guint real_cells; /* cells with letters of Unicode Vietnamese */
} Evidence;

static void
weigh_word (Evidence   *evidence,
            const char *start,
            gsize       length)
{
  g_autofree char *word = g_utf8_strdown (start, length);
  g_autofree char *converted = td_vn3_to_unicode (word);
  gboolean before = is_syllable (word);
  gboolean after = is_syllable (converted);

  evidence->words++;
  if (after && !before)
    evidence->converted++;
  else if (before && !after)
    evidence->original++;
}

static gboolean
has_unicode_vietnamese (const char *cell)
{
  for (const char *p = cell; *p != '\0'; p = g_utf8_next_char (p))
    if ((guchar) *p >= 0xC4 && is_unicode_vietnamese (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
weigh_cell (Evidence   *evidence,
            const char *cell)
{
  const char *word = NULL;
  gboolean candidate = FALSE;

  for (const char *p = cell;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (*p != '\0' && is_word_char (c))
        {
          if (word == NULL)
            word = p;
          candidate |= c >= 0xA1 && c <= 0xFF;
          continue;
        }
      if (word != NULL && candidate)
        weigh_word (evidence, word, p - word);
      word = NULL;
      candidate = FALSE;
      if (*p == '\0')
        break;
    }
}

/* Public API */

char *
td_vn3_to_unicode (const char *text)
{
  g_autoptr(GString) out = NULL;
  gboolean capitals;

  g_return_val_if_fail (text != NULL, NULL);

  if (!has_latin1_letters (text))
    return g_strdup (text);
  capitals = is_all_capitals (text);
  out = g_string_sized_new (strlen (text) + 8);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar letter = vn3_letter (c);

      if (letter == 0)
        g_string_append_unichar (out, c);
      else
        g_string_append_unichar (out, capitals ? g_unichar_toupper (letter) : letter);
    }
  return td_import_normalize (out->str, out->len);
}

/* Conservative: words that become Vietnamese syllables once converted
 * («V¨n» → «Văn») and stay none as they are, in number; «José» or
 * «Müller» are no syllables either way and count for nothing; any real
 * Vietnamese letter speaks against it. */
gboolean
td_vn3_detect (const TdImportTable *table)
{
  Evidence evidence = { 0 };

  g_return_val_if_fail (table != NULL, FALSE);

  for (guint r = 0; r < table->rows->len; r++)
    {
      const TdImportRow *row = g_ptr_array_index (table->rows, r);
      guint converted_before = evidence.converted;
      guint real_in_row = 0;

      for (guint i = 0; i < row->n_cells; i++)
        {
          if (g_str_is_ascii (row->cells[i]))
            continue;
          if (has_unicode_vietnamese (row->cells[i]))
            real_in_row++;
          else if (evidence.words < SAMPLE_WORDS)
            weigh_cell (&evidence, row->cells[i]);
        }
      /* Real letters speak against only beside look-alikes: a title or a
       * header typed again in Unicode above old rows does not. */
      if (evidence.converted > converted_before || evidence.words >= SAMPLE_WORDS)
        evidence.real_cells += real_in_row;
      /* The sample is full: more real letters can only say no. */
      if (evidence.words >= SAMPLE_WORDS && evidence.real_cells * 20 > evidence.converted)
        return FALSE;
    }
  return evidence.converted > 0 &&
         evidence.converted >= 2 * evidence.original &&
         evidence.converted * 4 >= evidence.words &&
         evidence.real_cells * 20 <= evidence.converted;
}

void
td_import_table_convert_vn3 (TdImportTable *table)
{
  g_return_if_fail (table != NULL);

  for (guint r = 0; r < table->rows->len; r++)
    {
      TdImportRow *row = g_ptr_array_index (table->rows, r);

      /* Cells already in Unicode Vietnamese (a header typed again) stay. */
      for (guint i = 0; i < row->n_cells; i++)
        if (has_latin1_letters (row->cells[i]) && !has_unicode_vietnamese (row->cells[i]))
          {
            char *converted = td_vn3_to_unicode (row->cells[i]);

            g_free (row->cells[i]);
            row->cells[i] = converted;
          }
    }
  table->vn3_converted = TRUE;
  table->vn3_font = FALSE;
}
