#define G_LOG_DOMAIN "td-text"

#include "config.h"

#include <string.h>

#include <unicode/ucol.h>
#include <unicode/uclean.h>
#include <unicode/ustring.h>

#include "td-text.h"

/* One collator for the process.  ICU collators are safe for concurrent
 * const use (compare, sort keys) once opened. */
static UCollator *collator;
static GMutex collator_lock;

static UCollator *
get_collator (void)
{
  UCollator *result;

  g_mutex_lock (&collator_lock);
  if (collator == NULL)
    {
      UErrorCode status = U_ZERO_ERROR;

      collator = ucol_open ("vi", &status);
      if (U_FAILURE (status))
        g_error ("Cannot open the ICU collator for Vietnamese: %s", u_errorName (status));
    }
  result = collator;
  g_mutex_unlock (&collator_lock);

  return result;
}

static UChar *
to_utf16 (const char *text,
          int32_t    *length)
{
  UErrorCode status = U_ZERO_ERROR;
  int32_t needed = 0;
  UChar *buffer;

  u_strFromUTF8 (NULL, 0, &needed, text, -1, &status);
  status = U_ZERO_ERROR;
  buffer = g_new (UChar, needed + 1);
  u_strFromUTF8 (buffer, needed + 1, length, text, -1, &status);
  if (U_FAILURE (status))
    {
      *length = 0;
      buffer[0] = 0;
    }
  return buffer;
}

/* Characters pasted from word processors that mean nothing in a record:
 * control characters (a line break is white space, handled before), the
 * byte-order mark, soft hyphens, zero-width spaces (not the joiners
 * that emoji need). */
static gboolean
is_invisible (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_CONTROL || c == 0xFEFF || c == 0x00AD ||
         c == 0x200B || c == 0x2060;
}

/* Text whose characters are all below the combining marks (U+0300) or
 * Vietnamese letters (Latin Extended Additional) is NFC already: no such
 * character changes under NFC.  Most names are, and normalising is the
 * dearest part of reading a large list. */
static gboolean
is_plainly_nfc (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        continue;
      c = g_utf8_get_char (p);
      if (c >= 0x300 && (c < 0x1E00 || c > 0x1EFF))
        return FALSE;
    }
  return TRUE;
}

/* Text that normalising would give back unchanged: NFC plainly (above),
 * no white space but single ASCII spaces between words, nothing
 * invisible.  Checked in one pass, it spares the copy character by
 * character for nearly every name of a large list. */
static gboolean
is_clean (const char *text)
{
  gboolean space = TRUE;   /* at the start, a space would be leading */

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      guchar byte = (guchar) *p;
      gunichar c;

      if (byte < 0x80)
        {
          if (byte == ' ')
            {
              if (space)
                return FALSE;
              space = TRUE;
              continue;
            }
          if (byte < 0x20 || byte == 0x7F)
            return FALSE;
          space = FALSE;
          continue;
        }
      c = g_utf8_get_char (p);
      if ((c >= 0x300 && (c < 0x1E00 || c > 0x1EFF)) || c < 0xA1 || c == 0xAD)
        return FALSE;
      space = FALSE;
    }
  return !space || *text == '\0';
}

/* Trimmed, runs of white space made one space, no control characters,
 * NFC: how text is stored. */
char *
td_text_normalize (const char *text)
{
  g_autofree char *nfc = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return NULL;

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;
  if (is_clean (text))
    return g_strdup (text);
  nfc = is_plainly_nfc (text) ? g_strdup (text) : g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return NULL;

  out = g_string_sized_new (strlen (nfc));
  for (const char *p = nfc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (is_invisible (c))
        continue;
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Text that keeps its line breaks (a description, the lines of a signer's
 * title): each line normalised like any text; with @keep_blank, one blank
 * line at most between paragraphs, else none. */
char *
td_text_normalize_lines (const char *text,
                         gboolean    keep_blank)
{
  g_auto(GStrv) lines = NULL;
  GString *out;
  gboolean blank = FALSE;

  if (text == NULL)
    return NULL;

  lines = g_strsplit (text, "\n", -1);
  out = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = td_text_normalize (lines[i]);

      if (line == NULL || *line == '\0')
        {
          blank = keep_blank && out->len > 0;
          continue;
        }
      if (out->len > 0)
        g_string_append (out, blank ? "\n\n" : "\n");
      blank = FALSE;
      g_string_append (out, line);
    }
  return g_string_free (out, FALSE);
}

/* Search text: lower case, tone and letter marks removed, đ folded to d
 * (DOMAIN.md: «dang huy hau» finds «Đặng Huy Hậu»). */
char *
td_text_fold (const char *text)
{
  GString *out;
  gboolean space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n_parts = 1;

      /* Each character's canonical decomposition, the marks left out:
       * what NFD then dropping the marks gives, without normalising the
       * whole text first. */
      if (c < 0x80)
        parts[0] = c;
      else
        n_parts = g_unichar_fully_decompose (c, FALSE, parts, G_N_ELEMENTS (parts));
      for (gsize i = 0; i < n_parts; i++)
        {
          c = parts[i];
          if (g_unichar_ismark (c))
            continue;
          if (g_unichar_isspace (c))
            {
              space = out->len > 0;
              continue;
            }
          if (c == 0x0110 || c == 0x0111 || c == 0x00D0)
            c = 'd';
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          if (c < 0x80)
            g_string_append_c (out, g_ascii_tolower ((char) c));
          else
            g_string_append_unichar (out, g_unichar_tolower (c));
        }
    }
  return g_string_free (out, FALSE);
}

gboolean
td_text_fold_contains (const char *folded_haystack,
                       const char *needle)
{
  g_autofree char *folded = td_text_fold (needle);

  return strstr (folded_haystack != NULL ? folded_haystack : "", folded) != NULL;
}

/* The folded words of what a user typed in a search field; NULL when
 * there is nothing to search for. */
GStrv
td_text_search_words (const char *search)
{
  g_autofree char *folded = td_text_fold (search);

  if (*folded == '\0')
    return NULL;
  /* td_text_fold leaves single spaces between words. */
  return g_strsplit (folded, " ", -1);
}

/* Every word appears, in any order: «hieu dang» finds «Đặng Minh Hiếu». */
gboolean
td_text_matches_words (const char         *folded_haystack,
                       const char * const *words)
{
  if (words == NULL)
    return TRUE;
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (folded_haystack != NULL ? folded_haystack : "", words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* The ICU sort key without its terminating zero (blobs compare with
 * memcmp in SQLite), appended to @out. */
static void
append_sort_key (GByteArray *out,
                 const char *text)
{
  UCollator *coll = get_collator ();
  g_autofree UChar *wide = NULL;
  int32_t length = 0;
  int32_t needed;
  guint old_len = out->len;

  wide = to_utf16 (text != NULL ? text : "", &length);
  needed = ucol_getSortKey (coll, wide, length, NULL, 0);
  if (needed <= 0)
    return;
  g_byte_array_set_size (out, old_len + needed);
  ucol_getSortKey (coll, wide, length, out->data + old_len, needed);
  g_byte_array_set_size (out, old_len + needed - 1);
}

GBytes *
td_text_sort_key (const char *text)
{
  GByteArray *key = g_byte_array_new ();

  append_sort_key (key, text);
  return g_byte_array_free_to_bytes (key);
}

void
td_text_split_name (const char  *full_name,
                    char       **family,
                    char       **middle,
                    char       **given)
{
  g_autofree char *normal = td_text_normalize (full_name);
  g_auto(GStrv) words = g_strsplit (normal != NULL ? normal : "", " ", -1);
  guint n = g_strv_length (words);

  if (n == 0 || words[0][0] == '\0')
    {
      if (family) *family = g_strdup ("");
      if (middle) *middle = g_strdup ("");
      if (given) *given = g_strdup ("");
      return;
    }

  if (given)
    *given = g_strdup (words[n - 1]);
  if (family)
    *family = g_strdup (n > 1 ? words[0] : "");
  if (middle)
    {
      if (n > 2)
        {
          char *last = words[n - 1];

          words[n - 1] = NULL;
          *middle = g_strjoinv (" ", words + 1);
          words[n - 1] = last;
        }
      else
        *middle = g_strdup ("");
    }
}

/* DOMAIN.md: people are listed by given name, then middle, then family. */
char *
td_text_name_for_sort (const char *full_name)
{
  g_autofree char *family = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *given = NULL;
  GString *out = g_string_new (NULL);

  td_text_split_name (full_name, &family, &middle, &given);
  g_string_append (out, given);
  if (*middle)
    g_string_append_printf (out, " %s", middle);
  if (*family)
    g_string_append_printf (out, " %s", family);
  return g_string_free (out, FALSE);
}

/* DOMAIN.md: the given name decides first, whole and with its tones
 * («Trần Văn Anh» before «Lê Thị Ánh»), then the middle name, then the
 * family name.  One ICU key over the reordered name would compare all the
 * letters before any tone, so the key is key(given) 0 key(middle) 0
 * key(family): ICU keys hold no zero byte, so each part ends before the
 * next one is looked at. */
GBytes *
td_text_name_sort_key (const char *full_name)
{
  g_autofree char *family = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *given = NULL;
  GByteArray *key = g_byte_array_new ();
  const guint8 zero = 0;

  td_text_split_name (full_name, &family, &middle, &given);
  append_sort_key (key, given);
  g_byte_array_append (key, &zero, 1);
  append_sort_key (key, middle);
  g_byte_array_append (key, &zero, 1);
  append_sort_key (key, family);
  return g_byte_array_free_to_bytes (key);
}

int
td_text_collate (const char *a,
                 const char *b)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult result;

  result = ucol_strcollUTF8 (get_collator (),
                             a != NULL ? a : "", -1,
                             b != NULL ? b : "", -1,
                             &status);
  if (U_FAILURE (status))
    return g_strcmp0 (a, b);
  return (int) result;
}

/* For leak checkers: ICU keeps caches until u_cleanup(). */
void
td_text_cleanup (void)
{
  g_mutex_lock (&collator_lock);
  g_clear_pointer (&collator, ucol_close);
  g_mutex_unlock (&collator_lock);
  u_cleanup ();
}
