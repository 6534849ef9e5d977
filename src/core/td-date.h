#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean td_date_parse_iso (const char *text,
                            GDate      *date);
gboolean td_date_is_valid  (const char *text);
char    *td_date_today     (void);
gboolean td_date_parse_display (const char  *text,
                                char       **iso);

G_END_DECLS
