#pragma once

#include <adwaita.h>

#include "td-import.h"

G_BEGIN_DECLS

#define TD_TYPE_IMPORT_MAPPING (td_import_mapping_get_type ())

G_DECLARE_FINAL_TYPE (TdImportMapping, td_import_mapping, TD, IMPORT_MAPPING, AdwPreferencesGroup)

/* The header row of a file and what each of its columns holds: a row per
 * column with its title, a value under it, and the field it is read as.
 * Emits "changed" when the user chooses another header or field. */
void         td_import_mapping_set_import     (TdImportMapping *self,
                                               TdImport        *import);
AdwComboRow *td_import_mapping_get_header_row (TdImportMapping *self);
AdwComboRow *td_import_mapping_get_column_row (TdImportMapping *self,
                                               guint            column);

G_END_DECLS
