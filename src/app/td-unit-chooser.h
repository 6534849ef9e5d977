#pragma once

#include <adwaita.h>

#include "td-database.h"

G_BEGIN_DECLS

#define TD_TYPE_UNIT_CHOOSER (td_unit_chooser_get_type ())

G_DECLARE_FINAL_TYPE (TdUnitChooser, td_unit_chooser, TD, UNIT_CHOOSER, GtkWidget)

/* A unit chosen by typing part of its name, accents left out or not:
 * the chosen unit on a row, a search field, the matching units below. */
GtkWidget   *td_unit_chooser_new          (void);
void         td_unit_chooser_set_database (TdUnitChooser *self,
                                           TdDatabase    *database);
void         td_unit_chooser_set_none_label (TdUnitChooser *self,
                                             const char    *label);
gint64       td_unit_chooser_get_unit     (TdUnitChooser *self);
void         td_unit_chooser_set_unit     (TdUnitChooser *self,
                                           gint64         unit_id);
void         td_unit_chooser_set_message  (TdUnitChooser *self,
                                           const char    *message);
GtkEditable *td_unit_chooser_get_search   (TdUnitChooser *self);
GtkListBox  *td_unit_chooser_get_results  (TdUnitChooser *self);
GtkWidget   *td_unit_chooser_get_row      (TdUnitChooser *self);

G_END_DECLS
