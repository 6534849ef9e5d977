#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  unsigned              first;
  unsigned              last;
  const unsigned short *advances;
} TdFontRange;

extern const unsigned td_font_units_per_em;
extern const TdFontRange *const td_font_ranges[4];
extern const unsigned td_font_n_ranges;

double td_font_text_width  (const char *text,
                            double      size,
                            gboolean    bold,
                            gboolean    italic);
int    td_font_count_lines (const char *text,
                            double      width,
                            double      size,
                            gboolean    bold,
                            gboolean    italic);

G_END_DECLS
