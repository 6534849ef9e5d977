#define G_LOG_DOMAIN "td-words"

#include "config.h"

#include "td-settings-store.h"
#include "td-words.h"

static const char *const digits[] = {
  "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
};

static void
append_word (GString    *out,
             const char *word)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, word);
}

/* One group of three digits.  @full: a higher group is not empty, so an
 * empty hundreds digit is said («không trăm») and a lone unit takes «linh». */
static void
append_group (GString              *out,
              guint                 group,
              gboolean              full,
              const TdWordsOptions *options)
{
  guint hundreds = group / 100;
  guint tens = group / 10 % 10;
  guint units = group % 10;

  if (hundreds > 0 || full)
    {
      append_word (out, digits[hundreds]);
      append_word (out, "trăm");
    }

  if (tens == 0)
    {
      if (units == 0)
        return;
      if (hundreds > 0 || full)
        append_word (out, options->le ? "lẻ" : "linh");
      append_word (out, digits[units]);
      return;
    }

  if (tens == 1)
    append_word (out, "mười");
  else
    {
      append_word (out, digits[tens]);
      append_word (out, "mươi");
    }

  switch (units)
    {
    case 0:
      break;
    case 1:
      /* «mốt» after «mươi»; «mười một» keeps «một». */
      append_word (out, tens == 1 ? "một" : "mốt");
      break;
    case 4:
      append_word (out, tens == 1 || options->bon ? "bốn" : "tư");
      break;
    case 5:
      append_word (out, "lăm");
      break;
    default:
      append_word (out, digits[units]);
      break;
    }
}

/* Lower-case words of @number without the currency: «hai mươi mốt triệu
 * bảy trăm chín mươi nghìn». */
char *
td_words_number (guint64               number,
                 const TdWordsOptions *options)
{
  static const TdWordsOptions defaults = { FALSE, FALSE, FALSE, FALSE };
  guint groups[8];
  guint n = 0;
  GString *out = g_string_new (NULL);
  gboolean seen = FALSE;

  if (options == NULL)
    options = &defaults;
  if (number == 0)
    {
      g_string_append (out, digits[0]);
      return g_string_free (out, FALSE);
    }

  while (number > 0)
    {
      groups[n++] = number % 1000;
      number /= 1000;
    }

  for (guint i = n; i-- > 0;)
    {
      const char *scale[] = { NULL, options->ngan ? "ngàn" : "nghìn", "triệu" };

      if (groups[i] == 0)
        continue;
      append_group (out, groups[i], seen, options);
      seen = TRUE;

      /* Groups above «tỷ» repeat it: nghìn tỷ, triệu tỷ, tỷ tỷ. */
      if (scale[i % 3] != NULL)
        append_word (out, scale[i % 3]);
      for (guint t = 0; t < i / 3; t++)
        append_word (out, "tỷ");
    }

  return g_string_free (out, FALSE);
}

/* «Hai mươi mốt triệu bảy trăm chín mươi nghìn đồng». */
char *
td_words_amount (gint64                amount,
                 const TdWordsOptions *options)
{
  g_autofree char *words = NULL;
  g_autofree char *first = NULL;
  gboolean negative = amount < 0;
  guint64 magnitude = negative ? (guint64) (-(amount + 1)) + 1 : (guint64) amount;
  const char *rest;
  GString *out = g_string_new (NULL);

  words = td_words_number (magnitude, options);
  if (negative)
    g_string_append (out, "âm ");
  g_string_append (out, words);
  g_string_append (out, " đồng");
  if (options != NULL && options->chan)
    g_string_append (out, " chẵn");

  /* Capitalise the first letter (a multi-byte one included). */
  rest = g_utf8_next_char (out->str);
  first = g_utf8_strup (out->str, rest - out->str);
  g_string_erase (out, 0, rest - out->str);
  g_string_prepend (out, first);
  return g_string_free (out, FALSE);
}

/* The options stored in the database's settings (words.*). */
void
td_words_options_load (TdDatabase     *db,
                       TdWordsOptions *options)
{
  g_autofree char *linh = td_settings_store_get (db, "words.linh", NULL);
  g_autofree char *nghin = td_settings_store_get (db, "words.nghin", NULL);
  g_autofree char *tu = td_settings_store_get (db, "words.tu", NULL);
  g_autofree char *chan = td_settings_store_get (db, "words.chan", NULL);

  options->le = g_strcmp0 (linh, "lẻ") == 0;
  options->ngan = g_strcmp0 (nghin, "ngàn") == 0;
  options->bon = g_strcmp0 (tu, "bốn") == 0;
  options->chan = g_strcmp0 (chan, "1") == 0;
}
