#define G_LOG_DOMAIN "td-format"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "td-date.h"
#include "td-error.h"
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

/* A whole number as people type it: «21790», «21.790», «21 790», or
 * «21,790» — separators only between groups of three, one kind in a
 * number.  «21,79» is not a count: FALSE with a message for the field. */
gboolean
td_parse_count (const char  *text,
                const char  *field,
                gint64      *value,
                GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  guint64 number = 0;
  char separator = 0;
  int group = -1;   /* digits since the last separator; -1 before any */
  gboolean any = FALSE;

  for (const char *p = trimmed; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (number > (guint64) (G_MAXINT64 - 9) / 10)
            goto invalid;
          number = number * 10 + (guint64) (*p - '0');
          any = TRUE;
          if (group >= 0)
            group++;
        }
      else if ((*p == '.' || *p == ',' || *p == ' ') && any &&
               (separator == 0 || separator == *p) && (group < 0 || group == 3))
        {
          separator = *p;
          group = 0;
        }
      else
        goto invalid;
    }
  if (!any || (group >= 0 && group != 3))
    goto invalid;
  *value = (gint64) number;
  return TRUE;

invalid:
  td_set_field_error (error, TD_FIELD_ERROR_FORMAT, field,
                      _("“%s” is not a whole number. Type digits, with «.» between thousands if you like: 21.790."),
                      trimmed);
  return FALSE;
}
