#define G_LOG_DOMAIN "td-font-measure"

#include "config.h"

#include <string.h>

#include "td-font-metrics.h"

static inline double
char_width (gunichar c,
            int      style)
{
  const TdFontRange *ranges = td_font_ranges[style];

  /* Latin letters, with and without marks, are nearly all in the first range. */
  if (c >= ranges[0].first && c <= ranges[0].last)
    return ranges[0].advances[c - ranges[0].first];
  for (unsigned i = 1; i < td_font_n_ranges; i++)
    if (c >= ranges[i].first && c <= ranges[i].last)
      return ranges[i].advances[c - ranges[i].first];
  /* Anything else (CJK, symbols): as wide as an «M», to err on the tall side. */
  return td_font_units_per_em;
}

/* Width in points of @text set in Times New Roman (Liberation Serif). */
double
td_font_text_width (const char *text,
                    double      size,
                    gboolean    bold,
                    gboolean    italic)
{
  int style = (bold ? 1 : 0) + (italic ? 2 : 0);
  double units = 0;

  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    units += char_width (g_utf8_get_char (p), style);
  return units * size / td_font_units_per_em;
}

/* Lines @text takes when wrapped at word boundaries into @width points,
 * as a spreadsheet wraps it; explicit line breaks start new lines.  A
 * word wider than the line is broken, as Excel and LibreOffice do.
 * Allocation-free: it runs for every cell of a long list. */
int
td_font_count_lines (const char *text,
                     double      width,
                     double      size,
                     gboolean    bold,
                     gboolean    italic)
{
  int style = (bold ? 1 : 0) + (italic ? 2 : 0);
  double scale = size / td_font_units_per_em;
  double space = char_width (' ', style) * scale;
  double used = 0, word = 0;
  int lines = 1;
  const char *p = text;

  if (text == NULL || *text == '\0')
    return 1;

  for (;;)
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c == 0 || c == ' ' || c == '\n')
        {
          if (word > 0)
            {
              if (used > 0 && used + space + word > width)
                {
                  lines++;
                  used = 0;
                }
              if (used > 0)
                used += space;
              while (word > width && width > 0)
                {
                  lines++;
                  word -= width;
                }
              used += word;
              word = 0;
            }
          if (c == 0)
            break;
          if (c == '\n')
            {
              lines++;
              used = 0;
            }
        }
      else
        word += char_width (c, style) * scale;
      p = g_utf8_next_char (p);
    }
  return lines;
}
