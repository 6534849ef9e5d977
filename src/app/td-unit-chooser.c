#define G_LOG_DOMAIN "td-unit-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "td-preferences-util.h"
#include "td-unit-chooser.h"
#include "td-unit-store.h"

#define MAX_RESULTS 12

struct _TdUnitChooser
{
  GtkWidget       parent_instance;

  TdDatabase     *database;
  gint64          unit_id;
  char           *none_label;   /* offered as a result when set: «no unit» */

  GtkWidget      *row_list;
  AdwActionRow   *row;
  GtkSearchEntry *search_entry;
  GtkListBox     *result_list;
};

G_DEFINE_FINAL_TYPE (TdUnitChooser, td_unit_chooser, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_UNIT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
result_row (const char *title,
            const char *subtitle,
            gint64      unit_id)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL && *subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "unit-id", GSIZE_TO_POINTER ((gsize) unit_id));
  return row;
}

static void
show_unit (TdUnitChooser *self)
{
  g_autoptr(TdUnit) unit = NULL;
  g_autofree char *path = NULL;

  if (self->database != NULL && self->unit_id > 0)
    unit = td_unit_store_get (self->database, self->unit_id, NULL);
  if (unit != NULL)
    {
      path = td_unit_store_path (self->database, unit->id, NULL);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row), unit->name);
      adw_action_row_set_subtitle (self->row, path ? path : "");
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row),
                                     self->none_label ? self->none_label : _("No unit chosen"));
      adw_action_row_set_subtitle (self->row, "");
    }
}

static void
on_search_changed (TdUnitChooser *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) units = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->result_list))) != NULL)
    gtk_list_box_remove (self->result_list, child);
  if (*text == '\0' || self->database == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->result_list), FALSE);
      return;
    }

  units = td_unit_store_list (self->database, text, FALSE, NULL);
  for (guint i = 0; units != NULL && i < units->len && i < MAX_RESULTS; i++)
    {
      TdUnit *unit = g_ptr_array_index (units, i);
      g_autofree char *path = td_unit_store_path (self->database, unit->id, NULL);

      gtk_list_box_append (self->result_list, result_row (unit->name, path, unit->id));
    }
  if (self->none_label != NULL)
    gtk_list_box_append (self->result_list, result_row (self->none_label, NULL, 0));
  if (gtk_widget_get_first_child (GTK_WIDGET (self->result_list)) == NULL)
    {
      GtkWidget *row = result_row (_("No unit has this name"), NULL, 0);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->result_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->result_list), TRUE);
}

static void
on_result_activated (TdUnitChooser *self,
                     GtkListBoxRow *row)
{
  if (!gtk_list_box_row_get_activatable (row))
    return;
  td_unit_chooser_set_unit (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "unit-id")));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->result_list), FALSE);
}

/* Enter in the search field takes the first result. */
static void
on_search_activate (TdUnitChooser *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->result_list, 0);

  if (first != NULL && gtk_widget_get_visible (GTK_WIDGET (self->result_list)))
    on_result_activated (self, first);
}

static void
td_unit_chooser_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TdUnitChooser *self = TD_UNIT_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_UNIT_ID:
      g_value_set_int64 (value, self->unit_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_unit_chooser_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TdUnitChooser *self = TD_UNIT_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_UNIT_ID:
      td_unit_chooser_set_unit (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_unit_chooser_dispose (GObject *object)
{
  TdUnitChooser *self = TD_UNIT_CHOOSER (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (td_unit_chooser_parent_class)->dispose (object);
}

static void
td_unit_chooser_finalize (GObject *object)
{
  TdUnitChooser *self = TD_UNIT_CHOOSER (object);

  g_clear_pointer (&self->none_label, g_free);

  G_OBJECT_CLASS (td_unit_chooser_parent_class)->finalize (object);
}

static void
td_unit_chooser_class_init (TdUnitChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = td_unit_chooser_get_property;
  object_class->set_property = td_unit_chooser_set_property;
  object_class->dispose = td_unit_chooser_dispose;
  object_class->finalize = td_unit_chooser_finalize;

  properties[PROP_UNIT_ID] = g_param_spec_int64 ("unit-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                 G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
td_unit_chooser_init (TdUnitChooser *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->row_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->row_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->row_list, "boxed-list");
  self->row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->row), FALSE);
  gtk_list_box_append (GTK_LIST_BOX (self->row_list), GTK_WIDGET (self->row));
  gtk_widget_set_parent (self->row_list, GTK_WIDGET (self));

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Type part of the unit’s name to change it"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search units"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_search_activate), self);
  gtk_widget_set_parent (GTK_WIDGET (self->search_entry), GTK_WIDGET (self));

  self->result_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->result_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->result_list), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->result_list), FALSE);
  g_signal_connect_swapped (self->result_list, "row-activated", G_CALLBACK (on_result_activated), self);
  gtk_widget_set_parent (GTK_WIDGET (self->result_list), GTK_WIDGET (self));

  show_unit (self);
}

GtkWidget *
td_unit_chooser_new (void)
{
  return g_object_new (TD_TYPE_UNIT_CHOOSER, NULL);
}

void
td_unit_chooser_set_database (TdUnitChooser *self,
                              TdDatabase    *database)
{
  g_return_if_fail (TD_IS_UNIT_CHOOSER (self));

  g_set_object (&self->database, database);
  show_unit (self);
}

/* What «no unit» means here («Top level»); NULL: a unit must be chosen. */
void
td_unit_chooser_set_none_label (TdUnitChooser *self,
                                const char    *label)
{
  g_return_if_fail (TD_IS_UNIT_CHOOSER (self));

  g_free (self->none_label);
  self->none_label = g_strdup (label);
  show_unit (self);
}

gint64
td_unit_chooser_get_unit (TdUnitChooser *self)
{
  g_return_val_if_fail (TD_IS_UNIT_CHOOSER (self), 0);
  return self->unit_id;
}

void
td_unit_chooser_set_unit (TdUnitChooser *self,
                          gint64         unit_id)
{
  g_return_if_fail (TD_IS_UNIT_CHOOSER (self));

  td_unit_chooser_set_message (self, NULL);
  if (self->unit_id == unit_id)
    return;
  self->unit_id = unit_id;
  show_unit (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_ID]);
}

void
td_unit_chooser_set_message (TdUnitChooser *self,
                             const char    *message)
{
  g_return_if_fail (TD_IS_UNIT_CHOOSER (self));
  td_preferences_set_field_message (GTK_WIDGET (self->row), message);
}

GtkEditable *
td_unit_chooser_get_search (TdUnitChooser *self)
{
  g_return_val_if_fail (TD_IS_UNIT_CHOOSER (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GtkListBox *
td_unit_chooser_get_results (TdUnitChooser *self)
{
  g_return_val_if_fail (TD_IS_UNIT_CHOOSER (self), NULL);
  return self->result_list;
}

/* The row showing the chosen unit, where its errors show. */
GtkWidget *
td_unit_chooser_get_row (TdUnitChooser *self)
{
  g_return_val_if_fail (TD_IS_UNIT_CHOOSER (self), NULL);
  return GTK_WIDGET (self->row);
}
