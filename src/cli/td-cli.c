#define G_LOG_DOMAIN "thidua-cli"

#include "config.h"

#include <stdarg.h>

#include <glib/gi18n.h>

#include "td-cli.h"

/* One line on stderr, UTF-8 whatever the locale (not g_printerr, which
 * converts to the locale's character set).  td_cli_open() and
 * td_cli_parse() live in main.c, beside the global options. */
int
td_cli_fail (const GError *error)
{
  fprintf (stderr, "thidua-cli: %s\n", error->message);
  return TD_CLI_FAILED;
}

int
td_cli_usage (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "thidua-cli: %s\n", message);
  return TD_CLI_USAGE;
}

/* TSV fields cannot hold tabs or line breaks: those become spaces. */
void
td_cli_print_tsv (GString    *line,
                  const char *field,
                  gboolean    last)
{
  for (const char *p = field != NULL ? field : ""; *p; p++)
    g_string_append_c (line, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
  g_string_append_c (line, last ? '\n' : '\t');
}

/* A whole number between @min and @max given as text, as an option's
 * value: FALSE when it is not one. */
gboolean
td_cli_parse_number (const char *text,
                     gint64      min,
                     gint64      max,
                     gint64     *value)
{
  guint64 parsed = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, (guint64) min, (guint64) max, &parsed, NULL))
    return FALSE;
  *value = (gint64) parsed;
  return TRUE;
}

/* Long work's progress, on a terminal: « 42%» written over itself. */
void
td_cli_progress (double   fraction,
                 gpointer user_data)
{
  fprintf (stderr, "\r%3d%%", (int) (fraction * 100));
  fflush (stderr);
}
