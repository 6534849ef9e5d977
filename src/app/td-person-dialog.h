#pragma once

#include <adwaita.h>

#include "td-database.h"
#include "td-records.h"
#include "td-unit-chooser.h"

G_BEGIN_DECLS

#define TD_TYPE_PERSON_DIALOG (td_person_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TdPersonDialog, td_person_dialog, TD, PERSON_DIALOG, AdwWindow)

/* Adds a person (@person_id 0, in @unit_id when > 0) or edits one.
 * Emits "saved" with the person's id each time the store took one. */
TdPersonDialog *td_person_dialog_new         (GtkWindow      *parent,
                                              TdDatabase     *database,
                                              gint64          person_id,
                                              gint64          unit_id);
gboolean        td_person_dialog_save        (TdPersonDialog *self,
                                              gboolean        keep_open);
void            td_person_dialog_set_field   (TdPersonDialog *self,
                                              const char     *field,
                                              const char     *text);
GtkWidget      *td_person_dialog_get_field   (TdPersonDialog *self,
                                              const char     *field);
void            td_person_dialog_set_gender  (TdPersonDialog *self,
                                              TdGender        gender);
TdUnitChooser  *td_person_dialog_get_unit_chooser (TdPersonDialog *self);

G_END_DECLS
