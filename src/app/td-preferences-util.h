#pragma once

#include <adwaita.h>

#include "td-database.h"

G_BEGIN_DECLS

/* What the pages of the preferences window share: amounts and numbers as
 * they show them, typed dates, messages on fields, and the transaction
 * every change is. */

char     *td_preferences_format_money       (gint64        amount);
char     *td_preferences_format_coefficient (double        value);
char     *td_preferences_strip_text         (const char   *text);
gboolean  td_preferences_parse_date         (const char   *text,
                                             char        **iso,
                                             GError      **error);
void      td_preferences_set_field_message  (GtkWidget    *field,
                                             const char   *message);
void      td_preferences_reset_apply_button (AdwEntryRow  *row);
gboolean  td_preferences_end_change         (TdDatabase   *database,
                                             gboolean      written,
                                             gboolean      recompute,
                                             char        **draft_warning,
                                             GError      **error);

G_END_DECLS
