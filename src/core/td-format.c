#define G_LOG_DOMAIN "td-format"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "td-date.h"
#include "td-format.h"

/* 21790 → «21.790» with separator «.» (Vietnamese), «21,790» with «,». */
char *
td_format_thousands (gint64      value,
                     const char *separator)
{
  char digits[32];
  GString *out = g_string_new (NULL);
  guint64 magnitude = value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;
  int n, i;

  n = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude);
  if (value < 0)
    g_string_append_c (out, '-');
  for (i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* A count or a measure: integers without decimals, others with up to
 * three, trailing zeros dropped. */
char *
td_format_number (double      value,
                  const char *thousands,
                  const char *decimal)
{
  gint64 thousandths;
  gint64 whole;
  int fraction;
  char digits[8];
  char *integral;
  char *result;
  int len;

  if (!isfinite (value))
    return g_strdup ("");

  /* Rounded to thousandths first, so 1.9999 shows as 2, not «1,». */
  thousandths = llround (fabs (value) * 1000);
  whole = thousandths / 1000;
  fraction = (int) (thousandths % 1000);
  integral = td_format_thousands (value < 0 && thousandths > 0 ? -whole : whole, thousands);
  if (fraction == 0)
    {
      if (value < 0 && whole == 0 && thousandths > 0)
        {
          result = g_strconcat ("-", integral, NULL);
          g_free (integral);
          return result;
        }
      return integral;
    }

  g_snprintf (digits, sizeof digits, "%03d", fraction);
  len = strlen (digits);
  while (len > 0 && digits[len - 1] == '0')
    digits[--len] = '\0';
  result = g_strconcat (value < 0 && whole == 0 ? "-" : "", integral, decimal, digits, NULL);
  g_free (integral);
  return result;
}

/* ISO «2019-01-15» → «15/01/2019», as Vietnamese offices write dates. */
char *
td_format_date (const char *iso_date)
{
  GDate date;

  if (!td_date_parse_iso (iso_date, &date))
    return g_strdup (iso_date != NULL ? iso_date : "");
  return g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (&date),
                          g_date_get_month (&date), g_date_get_year (&date));
}
