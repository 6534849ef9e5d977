#pragma once

#include "td-database.h"
#include "td-money.h"

G_BEGIN_DECLS

/* Keys of DESIGN.md: org.parent, org.name, org.place, signer.title,
 * signer.name, bonus.rounding, words.linh, words.nghin, words.tu,
 * words.chan.  Values of the bonus and words keys are checked. */
char       *td_settings_store_get          (TdDatabase  *db,
                                            const char  *key,
                                            GError     **error);
gboolean    td_settings_store_set          (TdDatabase  *db,
                                            const char  *key,
                                            const char  *value,
                                            GError     **error);
gboolean    td_settings_store_delete       (TdDatabase  *db,
                                            const char  *key,
                                            GError     **error);
/* All settings, key → value. */
GHashTable *td_settings_store_list         (TdDatabase  *db,
                                            GError     **error);
TdRounding  td_settings_store_get_rounding (TdDatabase  *db);

G_END_DECLS
