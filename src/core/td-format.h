#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *td_format_thousands (gint64      value,
                           const char *separator);
char *td_format_number    (double      value,
                           const char *thousands,
                           const char *decimal);
char *td_format_date      (const char *iso_date);
gboolean td_parse_count (const char  *text,
                         const char  *field,
                         gint64      *value,
                         GError     **error);

G_END_DECLS
