#pragma once

#include <adwaita.h>

#include "td-database.h"

G_BEGIN_DECLS

#define TD_TYPE_CATALOGUE_EDITOR (td_catalogue_editor_get_type ())

G_DECLARE_FINAL_TYPE (TdCatalogueEditor, td_catalogue_editor, TD, CATALOGUE_EDITOR, AdwPreferencesPage)

/* The «Award Catalogue» page of the preferences: the forms of award in
 * precedence order, each opening on its fields and its coefficients.
 * Emits "changed" (deleted, warning) after every change it wrote:
 * @deleted is the message of a deletion that Undo can bring back, or
 * NULL; @warning says why some drafts could not follow, or is NULL. */
void td_catalogue_editor_set_database   (TdCatalogueEditor *self,
                                         TdDatabase        *database);
void td_catalogue_editor_reload         (TdCatalogueEditor *self);
void td_catalogue_editor_commit_pending (TdCatalogueEditor *self);

G_END_DECLS
