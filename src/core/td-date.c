#define G_LOG_DOMAIN "td-date"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "td-date.h"

/* Dates are stored as ISO YYYY-MM-DD text (DESIGN.md «Storage»). */
gboolean
td_date_parse_iso (const char *text,
                   GDate      *date)
{
  unsigned year, month, day;
  char tail;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3)
    return FALSE;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  if (date != NULL)
    g_date_set_dmy (date, day, month, year);
  return TRUE;
}

gboolean
td_date_is_valid (const char *text)
{
  return td_date_parse_iso (text, NULL);
}

char *
td_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* A date as offices type it: «15/01/2019», «5/1/2019», «15-01-2019», or
 * ISO; the ISO text in *@iso.  FALSE for anything else or an impossible
 * date (31/02/2019). */
gboolean
td_date_parse_display (const char  *text,
                       char       **iso)
{
  g_auto(GStrv) parts = NULL;
  guint64 day, month, year;
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  if (td_date_parse_iso (trimmed, NULL))
    {
      *iso = g_steal_pointer (&trimmed);
      return TRUE;
    }
  parts = g_strsplit_set (trimmed, "/-.", -1);
  if (g_strv_length (parts) != 3 ||
      strlen (parts[0]) < 1 || strlen (parts[0]) > 2 || strlen (parts[1]) < 1 || strlen (parts[1]) > 2 ||
      strlen (parts[2]) != 4 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, 31, &day, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1000, 9999, &year, NULL) ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  *iso = g_strdup_printf ("%04u-%02u-%02u", (guint) year, (guint) month, (guint) day);
  return TRUE;
}
