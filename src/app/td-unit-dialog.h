#pragma once

#include <adwaita.h>

#include "td-database.h"
#include "td-unit-chooser.h"

G_BEGIN_DECLS

#define TD_TYPE_UNIT_DIALOG (td_unit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TdUnitDialog, td_unit_dialog, TD, UNIT_DIALOG, AdwWindow)

/* Adds a unit under @parent_id (@unit_id 0; @parent_id 0 for the top
 * level) or edits one.  Emits "saved" with its id once the store took it. */
TdUnitDialog  *td_unit_dialog_new                (GtkWindow    *parent,
                                                  TdDatabase   *database,
                                                  gint64        unit_id,
                                                  gint64        parent_id);
gboolean       td_unit_dialog_save               (TdUnitDialog *self);
void           td_unit_dialog_set_field          (TdUnitDialog *self,
                                                  const char   *field,
                                                  const char   *text);
GtkWidget     *td_unit_dialog_get_field          (TdUnitDialog *self,
                                                  const char   *field);
TdUnitChooser *td_unit_dialog_get_parent_chooser (TdUnitDialog *self);

G_END_DECLS
