#define G_LOG_DOMAIN "td-award-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "td-award-checks.h"
#include "td-award-dialog.h"
#include "td-catalogue-store.h"
#include "td-decision-store.h"
#include "td-foreign-strings.h"
#include "td-format.h"
#include "td-person-store.h"
#include "td-unit-store.h"

#define MAX_RESULTS 12

struct _TdAwardDialog
{
  AdwWindow       parent_instance;

  TdDatabase     *database;
  TdDecision     *decision;
  TdAward        *award;        /* what is being edited; id 0 when new */
  GPtrArray      *forms;        /* every form, precedence order */
  GArray         *shown_forms;  /* ids in the dropdown */
  char           *new_name;     /* a person to create on save */
  gint64          computed;

  AdwWindowTitle *window_title;
  GtkSearchEntry *recipient_entry;
  GtkLabel       *recipient_label;
  GtkListBox     *result_list;
  AdwActionRow   *form_row;
  GtkDropDown    *form_dropdown;
  AdwActionRow   *amount_row;
  GtkEntry       *amount_entry;
  GtkSwitch      *override_switch;
  GtkTextView    *achievement_view;
  GtkLabel       *message_label;
};

G_DEFINE_FINAL_TYPE (TdAwardDialog, td_award_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_money (gint64 amount)
{
  return td_format_thousands (amount, C_("money", ","));
}

static gboolean
is_collective (TdAwardDialog *self)
{
  return self->award->unit_id > 0;
}

static gboolean
has_recipient (TdAwardDialog *self)
{
  return self->award->unit_id > 0 || self->award->person_id > 0 || self->new_name != NULL;
}

static void
clear_errors (TdAwardDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->recipient_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->form_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->amount_entry), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
}

/* The message under the form, and the field it concerns marked. */
static void
show_error (TdAwardDialog *self,
            const GError  *error)
{
  const char *field = td_field_error_get_field (error);

  clear_errors (self);
  if (g_strcmp0 (field, "person_id") == 0 || g_strcmp0 (field, "unit_id") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->recipient_entry), "error");
  else if (g_strcmp0 (field, "form_id") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->form_row), "error");
  else if (g_strcmp0 (field, "amount") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->amount_entry), "error");
  gtk_label_set_text (self->message_label, error->message);
  gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
}

static gint64
selected_form_id (TdAwardDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->form_dropdown);

  if (selected >= self->shown_forms->len)
    return 0;
  return g_array_index (self->shown_forms, gint64, selected);
}

static void
update_amount (TdAwardDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 form_id = selected_form_id (self);
  g_autofree char *text = NULL;

  self->computed = -1;
  if (form_id > 0 && has_recipient (self) &&
      td_catalogue_store_compute_bonus (self->database, form_id, is_collective (self),
                                        self->decision->date, &self->computed, &error))
    text = format_money (self->computed);

  /* The amount shows that it is computed, unless typed. */
  if (gtk_switch_get_active (self->override_switch))
    adw_action_row_set_subtitle (self->amount_row, text ? text : "");
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), text ? text : "");
      adw_action_row_set_subtitle (self->amount_row,
                                   text ? _("Computed from the coefficient and the base salary") : "");
    }
}

/* The forms that fit the recipient, in precedence order. */
static void
update_forms (TdAwardDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 keep = self->award->form_id > 0 ? self->award->form_id : selected_form_id (self);
  guint select = GTK_INVALID_LIST_POSITION;
  TdRecipientKind kind = is_collective (self) ? TD_RECIPIENT_COLLECTIVE : TD_RECIPIENT_INDIVIDUAL;

  g_array_set_size (self->shown_forms, 0);
  for (guint i = 0; i < self->forms->len; i++)
    {
      TdAwardForm *form = g_ptr_array_index (self->forms, i);

      if (has_recipient (self) && (form->recipient & kind) == 0)
        continue;
      if (form->id == keep)
        select = self->shown_forms->len;
      g_array_append_val (self->shown_forms, form->id);
      gtk_string_list_append (names, form->name);
    }
  gtk_drop_down_set_model (self->form_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->form_dropdown, select);
  self->award->form_id = 0;
  update_amount (self);
}

static void
set_recipient_label (TdAwardDialog *self,
                     const char    *text)
{
  gtk_label_set_text (self->recipient_label, text);
}

static GtkWidget *
result_row (const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

/* People and units whose folded name holds what was typed. */
static void
on_recipient_changed (TdAwardDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->recipient_entry));
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) units = NULL;
  GtkWidget *child;
  gboolean exact = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->result_list))) != NULL)
    gtk_list_box_remove (self->result_list, child);
  if (*text == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (self->result_list), FALSE);
      return;
    }

  people = td_person_store_list (self->database, text, 0, NULL);
  units = td_unit_store_list (self->database, text, FALSE, NULL);
  for (guint i = 0; units != NULL && i < units->len && i < MAX_RESULTS / 2; i++)
    {
      TdUnit *unit = g_ptr_array_index (units, i);
      g_autofree char *path = td_unit_store_path (self->database, unit->id, NULL);
      GtkWidget *row = result_row (unit->name, path);

      g_object_set_data (G_OBJECT (row), "unit-id", GSIZE_TO_POINTER ((gsize) unit->id));
      gtk_list_box_append (self->result_list, row);
      exact |= g_utf8_collate (unit->name, text) == 0;
    }
  for (guint i = 0; people != NULL && i < people->len && i < MAX_RESULTS; i++)
    {
      TdPerson *person = g_ptr_array_index (people, i);
      g_autofree char *detail = td_person_describe (person->rank, person->position, person->unit_name);
      GtkWidget *row = result_row (person->full_name, detail);

      g_object_set_data (G_OBJECT (row), "person-id", GSIZE_TO_POINTER ((gsize) person->id));
      gtk_list_box_append (self->result_list, row);
      exact |= g_strcmp0 (person->full_name, text) == 0;
    }
  /* Someone not in the directory yet: created with the line. */
  if (!exact)
    {
      g_autofree char *title = g_strdup_printf (_("Add “%s” as a new person"), text);
      GtkWidget *row = result_row (title, _("Created in the directory when the line is saved"));

      g_object_set_data_full (G_OBJECT (row), "new-name", g_strdup (text), g_free);
      gtk_list_box_append (self->result_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->result_list), TRUE);
}

static void
on_result_activated (TdAwardDialog *self,
                     GtkListBoxRow *row)
{
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id"));
  gint64 unit_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "unit-id"));
  const char *new_name = g_object_get_data (G_OBJECT (row), "new-name");
  gint64 form_id = selected_form_id (self);

  g_clear_pointer (&self->new_name, g_free);
  self->award->person_id = person_id;
  self->award->unit_id = unit_id;
  self->new_name = g_strdup (new_name);
  set_recipient_label (self, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  if (new_name != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("%s (new person)"), new_name);

      set_recipient_label (self, text);
    }
  clear_errors (self);
  gtk_widget_set_visible (GTK_WIDGET (self->result_list), FALSE);
  self->award->form_id = form_id;
  update_forms (self);
}

/* Enter in the search field takes the first result. */
static void
on_recipient_activate (TdAwardDialog *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->result_list, 0);

  if (first != NULL && gtk_widget_get_visible (GTK_WIDGET (self->result_list)))
    on_result_activated (self, first);
}

static void
on_form_changed (TdAwardDialog *self)
{
  update_amount (self);
}

static void
on_override_changed (TdAwardDialog *self)
{
  gboolean typed = gtk_switch_get_active (self->override_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->amount_entry), typed);
  update_amount (self);
  if (typed)
    gtk_widget_grab_focus (GTK_WIDGET (self->amount_entry));
}

gboolean
td_award_dialog_save (TdAwardDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *achievement = NULL;
  GtkTextIter start, end;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->achievement_view);
  gboolean ok;

  g_return_val_if_fail (TD_IS_AWARD_DIALOG (self), FALSE);

  clear_errors (self);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  achievement = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_free (self->award->achievement);
  self->award->achievement = g_steal_pointer (&achievement);
  self->award->form_id = selected_form_id (self);
  self->award->amount_overridden = gtk_switch_get_active (self->override_switch);
  if (self->award->amount_overridden &&
      !td_parse_count (gtk_editable_get_text (GTK_EDITABLE (self->amount_entry)), "amount",
                       &self->award->amount, &error))
    {
      show_error (self, error);
      return FALSE;
    }

  if (!td_database_begin (self->database, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  /* A new person and the line: one change, one undo step. */
  if (self->new_name != NULL && self->award->person_id <= 0)
    {
      g_autoptr(TdPerson) person = td_person_new ();

      person->full_name = g_strdup (self->new_name);
      if (!td_person_store_insert (self->database, person, &error))
        {
          td_database_rollback (self->database);
          show_error (self, error);
          return FALSE;
        }
      self->award->person_id = person->id;
    }
  ok = self->award->id > 0 ? td_decision_store_update_award (self->database, self->award, &error)
                           : td_decision_store_insert_award (self->database, self->award, &error);
  if (!ok || !td_database_commit (self->database, &error))
    {
      td_database_rollback (self->database);
      if (self->new_name != NULL)
        self->award->person_id = 0;
      show_error (self, error);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, self->award->id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  td_award_dialog_save (TD_AWARD_DIALOG (widget));
}

static void
td_award_dialog_dispose (GObject *object)
{
  TdAwardDialog *self = TD_AWARD_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_AWARD_DIALOG);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (td_award_dialog_parent_class)->dispose (object);
}

static void
td_award_dialog_finalize (GObject *object)
{
  TdAwardDialog *self = TD_AWARD_DIALOG (object);

  g_clear_pointer (&self->decision, td_decision_free);
  g_clear_pointer (&self->award, td_award_free);
  g_clear_pointer (&self->forms, g_ptr_array_unref);
  g_clear_pointer (&self->shown_forms, g_array_unref);
  g_clear_pointer (&self->new_name, g_free);

  G_OBJECT_CLASS (td_award_dialog_parent_class)->finalize (object);
}

static void
td_award_dialog_class_init (TdAwardDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_award_dialog_dispose;
  object_class->finalize = td_award_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/td-award-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TdAwardDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TdAwardDialog, recipient_entry);
  gtk_widget_class_bind_template_child (widget_class, TdAwardDialog, recipient_label);
  gtk_widget_class_bind_template_child (widget_class, TdAwardDialog, result_list);
  gtk_widget_class_bind_template_child (widget_class, TdAwardDialog, form_row);
  gtk_widget_class_bind_template_child (widget_class, TdAwardDialog, form_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdAwardDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, TdAwardDialog, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, TdAwardDialog, override_switch);
  gtk_widget_class_bind_template_child (widget_class, TdAwardDialog, achievement_view);
  gtk_widget_class_bind_template_child (widget_class, TdAwardDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_recipient_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_recipient_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_override_changed);

  gtk_widget_class_install_action (widget_class, "award.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "award.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
td_award_dialog_init (TdAwardDialog *self)
{
  self->shown_forms = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->result_list), FALSE);
}

TdAwardDialog *
td_award_dialog_new (GtkWindow  *parent,
                     TdDatabase *database,
                     gint64      decision_id,
                     gint64      award_id)
{
  TdAwardDialog *self = g_object_new (TD_TYPE_AWARD_DIALOG, "transient-for", parent, NULL);

  self->database = g_object_ref (database);
  self->decision = td_decision_store_get (database, decision_id, NULL);
  self->forms = td_catalogue_store_list_forms (database, NULL, FALSE, NULL);
  if (self->forms == NULL)
    self->forms = g_ptr_array_new_with_free_func ((GDestroyNotify) td_award_form_free);
  if (self->decision == NULL)
    self->decision = td_decision_new ();

  if (award_id > 0)
    self->award = td_decision_store_get_award (database, award_id, NULL);
  if (self->award == NULL)
    {
      self->award = td_award_new ();
      self->award->decision_id = decision_id;
      adw_window_title_set_title (self->window_title, _("New Award Line"));
    }
  else
    {
      g_autoptr(GPtrArray) warnings = td_award_checks_for_award (database, award_id, NULL);
      gint64 form_id = self->award->form_id;

      adw_window_title_set_title (self->window_title, _("Award Line"));
      set_recipient_label (self, self->award->display_name);
      if (self->award->achievement != NULL)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->achievement_view), self->award->achievement, -1);
      gtk_switch_set_active (self->override_switch, self->award->amount_overridden);
      if (self->award->amount_overridden)
        {
          g_autofree char *amount = format_money (self->award->amount);

          gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), amount);
        }
      self->award->form_id = form_id;

      /* Warnings do not block the line: shown, not refused. */
      if (warnings != NULL && warnings->len > 0)
        {
          g_autoptr(GString) text = g_string_new (NULL);

          for (guint i = 0; i < warnings->len; i++)
            g_string_append_printf (text, "%s%s", i ? "\n" : "",
                                    ((TdAwardWarning *) g_ptr_array_index (warnings, i))->message);
          gtk_label_set_text (self->message_label, text->str);
          gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "warning");
          gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
        }
    }
  adw_window_title_set_subtitle (self->window_title,
                                 self->decision->number ? self->decision->number : _("Draft decision"));
  update_forms (self);
  if (self->award->id > 0 && self->award->amount_overridden)
    {
      g_autofree char *amount = format_money (self->award->amount);

      gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), amount);
    }
  return self;
}

GtkListBox *
td_award_dialog_get_results (TdAwardDialog *self)
{
  g_return_val_if_fail (TD_IS_AWARD_DIALOG (self), NULL);
  return self->result_list;
}

void
td_award_dialog_set_achievement (TdAwardDialog *self,
                                 const char    *text)
{
  g_return_if_fail (TD_IS_AWARD_DIALOG (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->achievement_view), text, -1);
}

/* Chooses the form by its catalogue code; FALSE when it does not fit. */
gboolean
td_award_dialog_select_form (TdAwardDialog *self,
                             const char    *code)
{
  g_return_val_if_fail (TD_IS_AWARD_DIALOG (self), FALSE);

  for (guint i = 0; i < self->forms->len; i++)
    {
      TdAwardForm *form = g_ptr_array_index (self->forms, i);

      if (g_strcmp0 (form->code, code) != 0)
        continue;
      for (guint j = 0; j < self->shown_forms->len; j++)
        if (g_array_index (self->shown_forms, gint64, j) == form->id)
          {
            gtk_drop_down_set_selected (self->form_dropdown, j);
            return TRUE;
          }
    }
  return FALSE;
}

/* Types an amount (NULL: back to the computed one). */
void
td_award_dialog_set_amount (TdAwardDialog *self,
                            const char    *text)
{
  g_return_if_fail (TD_IS_AWARD_DIALOG (self));

  gtk_switch_set_active (self->override_switch, text != NULL);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), text);
}

/* The computed amount shown, or -1 when none can be computed yet. */
gint64
td_award_dialog_get_computed (TdAwardDialog *self)
{
  g_return_val_if_fail (TD_IS_AWARD_DIALOG (self), -1);
  return self->computed;
}

GtkEditable *
td_award_dialog_get_search (TdAwardDialog *self)
{
  g_return_val_if_fail (TD_IS_AWARD_DIALOG (self), NULL);
  return GTK_EDITABLE (self->recipient_entry);
}
