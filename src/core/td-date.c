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
