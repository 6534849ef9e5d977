#define G_LOG_DOMAIN "td-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "td-error.h"
#include "td-format.h"
#include "td-person-dialog.h"
#include "td-person-store.h"
#include "td-preferences-util.h"
#include "td-text.h"

struct _TdPersonDialog
{
  AdwWindow       parent_instance;

  TdDatabase     *database;
  TdPerson       *person;       /* what is being edited; id 0 when new */

  AdwWindowTitle *window_title;
  GtkWidget      *continue_button;
  AdwEntryRow    *name_row;
  AdwComboRow    *gender_row;
  AdwEntryRow    *birth_year_row;
  AdwEntryRow    *rank_row;
  AdwEntryRow    *position_row;
  TdUnitChooser  *unit_chooser;
  GtkLabel       *message_label;
};

G_DEFINE_FINAL_TYPE (TdPersonDialog, td_person_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (TdPersonDialog *self,
              const char     *text,
              gboolean        is_error)
{
  gtk_label_set_text (self->message_label, text ? text : "");
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL);
}

static void
clear_errors (TdPersonDialog *self)
{
  td_preferences_set_field_message (GTK_WIDGET (self->name_row), NULL);
  td_preferences_set_field_message (GTK_WIDGET (self->gender_row), NULL);
  td_preferences_set_field_message (GTK_WIDGET (self->birth_year_row), NULL);
  td_unit_chooser_set_message (self->unit_chooser, NULL);
  show_message (self, NULL, FALSE);
}

/* The message on the field it concerns, and under the form. */
static void
show_error (TdPersonDialog *self,
            const GError   *error)
{
  const char *field = td_field_error_get_field (error);

  clear_errors (self);
  if (g_strcmp0 (field, "unit_id") == 0)
    td_unit_chooser_set_message (self->unit_chooser, error->message);
  else
    {
      GtkWidget *row = td_person_dialog_get_field (self, field);

      if (row != NULL)
        td_preferences_set_field_message (row, error->message);
    }
  show_message (self, error->message, TRUE);
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
on_field_changed (TdPersonDialog *self,
                  GParamSpec     *pspec,
                  GtkWidget      *row)
{
  td_preferences_set_field_message (row, NULL);
}

gboolean
td_person_dialog_save (TdPersonDialog *self,
                       gboolean        keep_open)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPerson) person = td_person_new ();
  g_autofree char *year = NULL;
  gint64 birth_year = 0;
  gboolean ok;

  g_return_val_if_fail (TD_IS_PERSON_DIALOG (self), FALSE);

  clear_errors (self);
  person->id = self->person->id;
  person->note = g_strdup (self->person->note);
  person->full_name = row_text (self->name_row);
  person->rank = row_text (self->rank_row);
  person->position = row_text (self->position_row);
  person->unit_id = td_unit_chooser_get_unit (self->unit_chooser);
  switch (adw_combo_row_get_selected (self->gender_row))
    {
    case 1:
      person->gender = TD_GENDER_MALE;
      break;
    case 2:
      person->gender = TD_GENDER_FEMALE;
      break;
    default:
      person->gender = TD_GENDER_UNKNOWN;
    }
  year = row_text (self->birth_year_row);
  if (year != NULL && *year != '\0' && !td_parse_count (year, "birth_year", &birth_year, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  person->birth_year = (int) CLAMP (birth_year, 0, G_MAXINT);

  /* The store checks the name first; a person belongs to a unit here. */
  if (person->full_name != NULL && *person->full_name != '\0' && person->unit_id <= 0)
    {
      td_set_field_error (&error, TD_FIELD_ERROR_REQUIRED, "unit_id",
                          _("The person needs a unit. Type part of its name and choose it."));
      show_error (self, error);
      return FALSE;
    }

  ok = person->id > 0 ? td_person_store_update (self->database, person, &error)
                      : td_person_store_insert (self->database, person, &error);
  if (!ok)
    {
      show_error (self, error);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, person->id);
  if (!keep_open)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return TRUE;
    }

  /* The next person, likely of the same unit. */
  {
    /* Translators: under the form after «Add and Continue». */
    g_autofree char *text = g_strdup_printf (_("Added %s. Type the next person."), person->full_name);

    show_message (self, text, FALSE);
  }
  set_row (self->name_row, NULL);
  set_row (self->birth_year_row, NULL);
  set_row (self->rank_row, NULL);
  set_row (self->position_row, NULL);
  adw_combo_row_set_selected (self->gender_row, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  td_person_dialog_save (TD_PERSON_DIALOG (widget), g_str_equal (action_name, "person.save-and-continue"));
}

static void
td_person_dialog_dispose (GObject *object)
{
  TdPersonDialog *self = TD_PERSON_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_PERSON_DIALOG);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (td_person_dialog_parent_class)->dispose (object);
}

static void
td_person_dialog_finalize (GObject *object)
{
  TdPersonDialog *self = TD_PERSON_DIALOG (object);

  g_clear_pointer (&self->person, td_person_free);

  G_OBJECT_CLASS (td_person_dialog_parent_class)->finalize (object);
}

static void
td_person_dialog_class_init (TdPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_person_dialog_dispose;
  object_class->finalize = td_person_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (TD_TYPE_UNIT_CHOOSER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/td-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TdPersonDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TdPersonDialog, continue_button);
  gtk_widget_class_bind_template_child (widget_class, TdPersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TdPersonDialog, gender_row);
  gtk_widget_class_bind_template_child (widget_class, TdPersonDialog, birth_year_row);
  gtk_widget_class_bind_template_child (widget_class, TdPersonDialog, rank_row);
  gtk_widget_class_bind_template_child (widget_class, TdPersonDialog, position_row);
  gtk_widget_class_bind_template_child (widget_class, TdPersonDialog, unit_chooser);
  gtk_widget_class_bind_template_child (widget_class, TdPersonDialog, message_label);

  gtk_widget_class_install_action (widget_class, "person.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "person.save-and-continue", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "person.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "person.save-and-continue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
td_person_dialog_init (TdPersonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->name_row, "notify::text", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->birth_year_row, "notify::text", G_CALLBACK (on_field_changed), self);
}

TdPersonDialog *
td_person_dialog_new (GtkWindow  *parent,
                      TdDatabase *database,
                      gint64      person_id,
                      gint64      unit_id)
{
  TdPersonDialog *self = g_object_new (TD_TYPE_PERSON_DIALOG, "transient-for", parent, NULL);

  self->database = g_object_ref (database);
  td_unit_chooser_set_database (self->unit_chooser, database);
  if (person_id > 0)
    self->person = td_person_store_get (database, person_id, NULL);
  if (self->person == NULL)
    {
      self->person = td_person_new ();
      self->person->unit_id = unit_id;
      adw_window_title_set_title (self->window_title, _("New Person"));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Edit Person"));
      gtk_widget_set_visible (self->continue_button, FALSE);
      set_row (self->name_row, self->person->full_name);
      set_row (self->rank_row, self->person->rank);
      set_row (self->position_row, self->person->position);
      if (self->person->birth_year > 0)
        {
          g_autofree char *year = g_strdup_printf ("%d", self->person->birth_year);

          set_row (self->birth_year_row, year);
        }
      adw_combo_row_set_selected (self->gender_row,
                                  self->person->gender == TD_GENDER_MALE ? 1 :
                                  self->person->gender == TD_GENDER_FEMALE ? 2 : 0);
    }
  td_unit_chooser_set_unit (self->unit_chooser, self->person->unit_id);
  clear_errors (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

/* Types @text in a field: "full_name", "birth_year", "rank", "position". */
void
td_person_dialog_set_field (TdPersonDialog *self,
                            const char     *field,
                            const char     *text)
{
  GtkWidget *row;

  g_return_if_fail (TD_IS_PERSON_DIALOG (self));

  row = td_person_dialog_get_field (self, field);
  if (ADW_IS_ENTRY_ROW (row))
    set_row (ADW_ENTRY_ROW (row), text);
}

/* The row of a field, where its error shows; NULL for an unknown one. */
GtkWidget *
td_person_dialog_get_field (TdPersonDialog *self,
                            const char     *field)
{
  g_return_val_if_fail (TD_IS_PERSON_DIALOG (self), NULL);

  if (g_strcmp0 (field, "full_name") == 0)
    return GTK_WIDGET (self->name_row);
  if (g_strcmp0 (field, "birth_year") == 0)
    return GTK_WIDGET (self->birth_year_row);
  if (g_strcmp0 (field, "rank") == 0)
    return GTK_WIDGET (self->rank_row);
  if (g_strcmp0 (field, "position") == 0)
    return GTK_WIDGET (self->position_row);
  if (g_strcmp0 (field, "gender") == 0)
    return GTK_WIDGET (self->gender_row);
  if (g_strcmp0 (field, "unit_id") == 0)
    return td_unit_chooser_get_row (self->unit_chooser);
  return NULL;
}

void
td_person_dialog_set_gender (TdPersonDialog *self,
                             TdGender        gender)
{
  g_return_if_fail (TD_IS_PERSON_DIALOG (self));
  adw_combo_row_set_selected (self->gender_row,
                              gender == TD_GENDER_MALE ? 1 : gender == TD_GENDER_FEMALE ? 2 : 0);
}

TdUnitChooser *
td_person_dialog_get_unit_chooser (TdPersonDialog *self)
{
  g_return_val_if_fail (TD_IS_PERSON_DIALOG (self), NULL);
  return self->unit_chooser;
}
