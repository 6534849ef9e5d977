#define G_LOG_DOMAIN "td-unit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "td-error.h"
#include "td-format.h"
#include "td-preferences-util.h"
#include "td-unit-dialog.h"
#include "td-unit-store.h"

struct _TdUnitDialog
{
  AdwWindow       parent_instance;

  TdDatabase     *database;
  TdUnit         *unit;         /* what is being edited; id 0 when new */

  AdwWindowTitle *window_title;
  AdwEntryRow    *name_row;
  AdwEntryRow    *short_name_row;
  AdwComboRow    *kind_row;
  GPtrArray      *kinds;        /* codes in the kind row; "" for none */
  AdwEntryRow    *order_row;
  TdUnitChooser  *parent_chooser;
  GtkLabel       *message_label;
};

G_DEFINE_FINAL_TYPE (TdUnitDialog, td_unit_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The kinds the sample and the reports know; another code read from the
 * file is offered as it is, so saving keeps it. */
static const struct {
  const char *code;
  const char *label;
} known_kinds[] = {
  { "", N_("Not given") },
  { "department", N_("Department or agency") },
  { "district", N_("District, town or city") },
  { "commune", N_("Commune, ward or township") },
  { "armed", N_("Armed forces command") },
  { "border_post", N_("Border post") },
  { "school", N_("School") },
  { "enterprise", N_("Enterprise") },
};

static void
fill_kinds (TdUnitDialog *self,
            const char   *current)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_ptr_array_set_size (self->kinds, 0);
  for (guint i = 0; i < G_N_ELEMENTS (known_kinds); i++)
    {
      g_ptr_array_add (self->kinds, g_strdup (known_kinds[i].code));
      gtk_string_list_append (labels, _(known_kinds[i].label));
      if (g_strcmp0 (known_kinds[i].code, current) == 0)
        selected = i;
    }
  if (current != NULL && *current != '\0' && selected == 0)
    {
      selected = self->kinds->len;
      g_ptr_array_add (self->kinds, g_strdup (current));
      gtk_string_list_append (labels, current);
    }
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->kind_row, selected);
}

static void
clear_errors (TdUnitDialog *self)
{
  td_preferences_set_field_message (GTK_WIDGET (self->name_row), NULL);
  td_preferences_set_field_message (GTK_WIDGET (self->order_row), NULL);
  td_unit_chooser_set_message (self->parent_chooser, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
}

/* The message on the field it concerns, and under the form. */
static void
show_error (TdUnitDialog *self,
            const GError *error)
{
  const char *field = td_field_error_get_field (error);

  clear_errors (self);
  if (g_strcmp0 (field, "parent_id") == 0)
    td_unit_chooser_set_message (self->parent_chooser, error->message);
  else
    {
      GtkWidget *row = td_unit_dialog_get_field (self, field);

      if (row != NULL)
        td_preferences_set_field_message (row, error->message);
    }
  gtk_label_set_text (self->message_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
}

static void
set_row (AdwEntryRow *row,
         const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static char *
row_text (AdwEntryRow *row)
{
  return td_preferences_strip_text (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_field_changed (TdUnitDialog *self,
                  GParamSpec   *pspec,
                  GtkWidget    *row)
{
  td_preferences_set_field_message (row, NULL);
}

gboolean
td_unit_dialog_save (TdUnitDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_unit_new ();
  g_autofree char *order = NULL;
  gint64 sort_order = 0;
  gboolean ok;

  g_return_val_if_fail (TD_IS_UNIT_DIALOG (self), FALSE);

  clear_errors (self);
  unit->id = self->unit->id;
  unit->archived = self->unit->archived;
  unit->name = row_text (self->name_row);
  unit->short_name = row_text (self->short_name_row);
  {
    guint kind = adw_combo_row_get_selected (self->kind_row);

    unit->kind = kind < self->kinds->len ? g_strdup (g_ptr_array_index (self->kinds, kind)) : NULL;
  }
  unit->parent_id = td_unit_chooser_get_unit (self->parent_chooser);
  order = row_text (self->order_row);
  if (*order != '\0' && !td_parse_count (order, "sort_order", &sort_order, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  if (sort_order > 100000)
    {
      td_set_field_error (&error, TD_FIELD_ERROR_RANGE, "sort_order",
                          _("The order is a small number: 1 for the first unit, 2 for the next. Leave it empty to sort by name."));
      show_error (self, error);
      return FALSE;
    }
  unit->sort_order = (int) sort_order;

  ok = unit->id > 0 ? td_unit_store_update (self->database, unit, &error)
                    : td_unit_store_insert (self->database, unit, &error);
  if (!ok)
    {
      show_error (self, error);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, unit->id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  td_unit_dialog_save (TD_UNIT_DIALOG (widget));
}

static void
td_unit_dialog_dispose (GObject *object)
{
  TdUnitDialog *self = TD_UNIT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_UNIT_DIALOG);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (td_unit_dialog_parent_class)->dispose (object);
}

static void
td_unit_dialog_finalize (GObject *object)
{
  TdUnitDialog *self = TD_UNIT_DIALOG (object);

  g_clear_pointer (&self->unit, td_unit_free);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);

  G_OBJECT_CLASS (td_unit_dialog_parent_class)->finalize (object);
}

static void
td_unit_dialog_class_init (TdUnitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_unit_dialog_dispose;
  object_class->finalize = td_unit_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (TD_TYPE_UNIT_CHOOSER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/td-unit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TdUnitDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TdUnitDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TdUnitDialog, short_name_row);
  gtk_widget_class_bind_template_child (widget_class, TdUnitDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TdUnitDialog, order_row);
  gtk_widget_class_bind_template_child (widget_class, TdUnitDialog, parent_chooser);
  gtk_widget_class_bind_template_child (widget_class, TdUnitDialog, message_label);

  gtk_widget_class_install_action (widget_class, "unit.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "unit.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
td_unit_dialog_init (TdUnitDialog *self)
{
  self->kinds = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  td_unit_chooser_set_none_label (self->parent_chooser, _("Top level (no parent unit)"));
  g_signal_connect_swapped (self->name_row, "notify::text", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->order_row, "notify::text", G_CALLBACK (on_field_changed), self);
}

TdUnitDialog *
td_unit_dialog_new (GtkWindow  *parent,
                    TdDatabase *database,
                    gint64      unit_id,
                    gint64      parent_id)
{
  TdUnitDialog *self = g_object_new (TD_TYPE_UNIT_DIALOG, "transient-for", parent, NULL);

  self->database = g_object_ref (database);
  td_unit_chooser_set_database (self->parent_chooser, database);
  if (unit_id > 0)
    self->unit = td_unit_store_get (database, unit_id, NULL);
  if (self->unit == NULL)
    {
      self->unit = td_unit_new ();
      self->unit->parent_id = parent_id;
      adw_window_title_set_title (self->window_title, _("New Unit"));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Edit Unit"));
      set_row (self->name_row, self->unit->name);
      set_row (self->short_name_row, self->unit->short_name);
      if (self->unit->sort_order != 0)
        {
          g_autofree char *order = g_strdup_printf ("%d", self->unit->sort_order);

          set_row (self->order_row, order);
        }
      if (self->unit->archived)
        adw_window_title_set_subtitle (self->window_title, _("Archived"));
    }
  fill_kinds (self, self->unit->kind);
  td_unit_chooser_set_unit (self->parent_chooser, self->unit->parent_id);
  clear_errors (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

/* Types @text in a field: "name", "short_name", "sort_order"; "kind"
 * takes a kind's code. */
void
td_unit_dialog_set_field (TdUnitDialog *self,
                          const char   *field,
                          const char   *text)
{
  GtkWidget *row;

  g_return_if_fail (TD_IS_UNIT_DIALOG (self));

  if (g_strcmp0 (field, "kind") == 0)
    {
      for (guint i = 0; i < self->kinds->len; i++)
        if (g_strcmp0 (g_ptr_array_index (self->kinds, i), text) == 0)
          adw_combo_row_set_selected (self->kind_row, i);
      return;
    }
  row = td_unit_dialog_get_field (self, field);
  if (ADW_IS_ENTRY_ROW (row))
    set_row (ADW_ENTRY_ROW (row), text);
}

GtkWidget *
td_unit_dialog_get_field (TdUnitDialog *self,
                          const char   *field)
{
  g_return_val_if_fail (TD_IS_UNIT_DIALOG (self), NULL);

  if (g_strcmp0 (field, "name") == 0)
    return GTK_WIDGET (self->name_row);
  if (g_strcmp0 (field, "short_name") == 0)
    return GTK_WIDGET (self->short_name_row);
  if (g_strcmp0 (field, "kind") == 0)
    return GTK_WIDGET (self->kind_row);
  if (g_strcmp0 (field, "sort_order") == 0)
    return GTK_WIDGET (self->order_row);
  if (g_strcmp0 (field, "parent_id") == 0)
    return td_unit_chooser_get_row (self->parent_chooser);
  return NULL;
}

TdUnitChooser *
td_unit_dialog_get_parent_chooser (TdUnitDialog *self)
{
  g_return_val_if_fail (TD_IS_UNIT_DIALOG (self), NULL);
  return self->parent_chooser;
}
