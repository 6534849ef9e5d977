#define G_LOG_DOMAIN "td-catalogue-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "td-catalogue-editor-private.h"
#include "td-catalogue-store.h"
#include "td-date.h"
#include "td-format.h"
#include "td-preferences-util.h"

/* The part of TdCatalogueEditor that edits one form of the catalogue: its
 * expander row, and the rows inside it, made when the row is first opened
 * (a catalogue has some thirty forms). */
typedef struct
{
  TdCatalogueEditor   *self;
  TdAwardForm         *form;
  AdwExpanderRow      *expander;
  GPtrArray           *rows;
  AdwEntryRow         *name_row;
  AdwEntryRow         *code_row;
  AdwComboRow         *family_row;
  AdwComboRow         *recipient_row;
  AdwEntryRow         *precedence_row;
  GtkSwitch           *archived_switch;
  AdwEntryRow         *rate_date_row;
  AdwEntryRow         *rate_individual_row;
  AdwEntryRow         *rate_collective_row;
} FormEditor;

static void fill_form_editor (FormEditor *editor);

/* The order of the items of the «Given to» rows. */
static const TdRecipientKind recipients[] = { TD_RECIPIENT_INDIVIDUAL, TD_RECIPIENT_COLLECTIVE, TD_RECIPIENT_BOTH };

/* Helpers */

/* «1,5» or «1.5»; an empty text is «not given» (-1).  At most three
 * decimals: the bonus is computed in thousandths (td_money_bonus). */
static gboolean
parse_coefficient (const char  *text,
                   const char  *field,
                   double      *value,
                   GError     **error)
{
  g_autofree char *trimmed = td_preferences_strip_text (text);
  const char *dot;
  gsize decimals = 0;
  gboolean valid;

  if (*trimmed == '\0')
    {
      *value = -1;
      return TRUE;
    }
  g_strdelimit (trimmed, ",", '.');
  dot = strchr (trimmed, '.');
  valid = g_ascii_isdigit (trimmed[0]);
  for (const char *p = trimmed; *p && valid; p++)
    valid = g_ascii_isdigit (*p) || p == dot;
  if (dot != NULL)
    decimals = strlen (dot + 1);
  if (valid && (dot == NULL || (decimals >= 1 && decimals <= 3)) && strlen (trimmed) <= 10)
    {
      *value = g_ascii_strtod (trimmed, NULL);
      valid = *value <= 1000;
    }
  else
    valid = FALSE;
  if (!valid)
    {
      g_autofree char *typed = td_preferences_strip_text (text);

      td_set_field_error (error, TD_FIELD_ERROR_FORMAT, field,
                          _("“%s” is not a coefficient. Type a number such as 1.5."), typed);
      return FALSE;
    }
  return TRUE;
}

static void
form_editor_free (gpointer data)
{
  FormEditor *editor = data;

  td_award_form_free (editor->form);
  g_ptr_array_unref (editor->rows);
  g_free (editor);
}

static FormEditor *
form_editor_of (gconstpointer row)
{
  return g_object_get_data (G_OBJECT (row), "td-form-editor");
}

/* «individuals ×0,3 · collectives ×0,6» */
static void
append_coefficients (GPtrArray         *parts,
                     const TdAwardRate *rate)
{
  if (rate->coef_individual >= 0)
    {
      g_autofree char *value = td_preferences_format_coefficient (rate->coef_individual);

      /* Translators: the coefficient of a form for individuals, «cá nhân ×0,3». */
      g_ptr_array_add (parts, g_strdup_printf (_("individuals ×%s"), value));
    }
  if (rate->coef_collective >= 0)
    {
      g_autofree char *value = td_preferences_format_coefficient (rate->coef_collective);

      /* Translators: the coefficient of a form for collectives, «tập thể ×0,6». */
      g_ptr_array_add (parts, g_strdup_printf (_("collectives ×%s"), value));
    }
}

static char *
join_parts (GPtrArray *parts)
{
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* «Commendation · individuals ×0,3 · collectives ×0,6», in force today. */
static void
update_form_header (FormEditor *editor)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *today = td_date_today ();
  g_autoptr(TdAwardRate) rate = td_catalogue_store_rate_on (editor->self->database, editor->form->id, today, NULL);
  g_autofree char *subtitle = NULL;

  g_ptr_array_add (parts, g_strdup (editor->form->family == TD_FAMILY_TITLE ? _("Emulation title") : _("Commendation")));
  if (rate != NULL)
    append_coefficients (parts, rate);
  else
    g_ptr_array_add (parts, g_strdup (_("no coefficient in force")));
  if (editor->form->archived)
    g_ptr_array_add (parts, g_strdup (_("archived")));
  subtitle = join_parts (parts);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->expander), editor->form->name);
  adw_expander_row_set_subtitle (editor->expander, subtitle);
}

/* Reads the form back as the store normalized it. */
static void
reload_form (FormEditor *editor)
{
  TdAwardForm *form = td_catalogue_store_get_form (editor->self->database, editor->form->id, NULL);

  if (form != NULL)
    {
      td_award_form_free (editor->form);
      editor->form = form;
    }
  update_form_header (editor);
}

/* Writes the form with one field changed; the outcome shows on @field. */
static gboolean
write_form (FormEditor        *editor,
            const TdAwardForm *form,
            GtkWidget         *field)
{
  TdCatalogueEditor *self = editor->self;
  g_autoptr(GError) error = NULL;
  gboolean written;

  written = td_database_begin (self->database, &error) &&
            td_catalogue_editor_end_change (self,
                                            td_catalogue_store_update_form (self->database, form, &error),
                                            NULL, &error);
  td_preferences_set_field_message (field, written ? NULL : error->message);
  if (written)
    reload_form (editor);
  return written;
}

static gboolean
commit_form_entry (FormEditor  *editor,
                   AdwEntryRow *row)
{
  TdCatalogueEditor *self = editor->self;
  g_autofree char *text = td_preferences_strip_text (gtk_editable_get_text (GTK_EDITABLE (row)));
  TdAwardForm form = *editor->form;

  if (self->loading || self->database == NULL)
    return FALSE;

  if (row == editor->name_row)
    {
      if (g_strcmp0 (text, form.name) == 0)
        return TRUE;
      form.name = text;
    }
  else if (row == editor->code_row)
    {
      if (g_strcmp0 (text, form.code != NULL ? form.code : "") == 0)
        return TRUE;
      form.code = text;
    }
  else
    {
      guint64 precedence;

      if (!g_ascii_string_to_unsigned (text, 10, 0, 999999, &precedence, NULL))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a whole number. Forms with smaller numbers come first."),
                                                      text);

          td_preferences_set_field_message (GTK_WIDGET (row), message);
          return FALSE;
        }
      if ((int) precedence == form.precedence)
        {
          td_preferences_set_field_message (GTK_WIDGET (row), NULL);
          return TRUE;
        }
      form.precedence = (int) precedence;
    }

  if (!write_form (editor, &form, GTK_WIDGET (row)))
    return FALSE;
  if (row == editor->precedence_row)
    td_catalogue_editor_sort_forms (self);
  return TRUE;
}

static void
on_form_entry_apply (AdwEntryRow *row,
                     FormEditor  *editor)
{
  commit_form_entry (editor, row);
}

static void
on_form_entry_leave (GtkEventController *controller,
                     FormEditor         *editor)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (gtk_event_controller_get_widget (controller));

  if (commit_form_entry (editor, row))
    td_preferences_reset_apply_button (row);
}

static void
on_form_combo_selected (AdwComboRow *row,
                        GParamSpec  *pspec,
                        FormEditor  *editor)
{
  TdAwardForm form = *editor->form;
  guint index = adw_combo_row_get_selected (row);

  if (editor->self->loading || index == GTK_INVALID_LIST_POSITION)
    return;
  if (row == editor->family_row)
    form.family = index == 0 ? TD_FAMILY_TITLE : TD_FAMILY_COMMENDATION;
  else if (index < G_N_ELEMENTS (recipients))
    form.recipient = recipients[index];
  if (write_form (editor, &form, GTK_WIDGET (row)))
    return;

  /* Refused: the row shows again what the file holds. */
  editor->self->loading = TRUE;
  if (row == editor->family_row)
    adw_combo_row_set_selected (row, editor->form->family == TD_FAMILY_TITLE ? 0 : 1);
  else
    for (guint i = 0; i < G_N_ELEMENTS (recipients); i++)
      if (recipients[i] == editor->form->recipient)
        adw_combo_row_set_selected (row, i);
  editor->self->loading = FALSE;
}

static void
on_form_archived (GtkSwitch  *button,
                  GParamSpec *pspec,
                  FormEditor *editor)
{
  TdAwardForm form = *editor->form;

  if (editor->self->loading || gtk_switch_get_active (button) == editor->form->archived)
    return;
  form.archived = gtk_switch_get_active (button);
  if (!write_form (editor, &form, gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW)))
    {
      editor->self->loading = TRUE;
      gtk_switch_set_active (button, editor->form->archived);
      editor->self->loading = FALSE;
    }
}

static void
on_rate_add (FormEditor *editor)
{
  TdCatalogueEditor *self = editor->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  TdAwardRate rate = { .form_id = editor->form->id };
  gboolean date_ok, individual_ok, collective_ok;
  GtkWidget *field;
  gboolean written;

  date_ok = td_preferences_parse_date (gtk_editable_get_text (GTK_EDITABLE (editor->rate_date_row)),
                                       &date, &error);
  td_preferences_set_field_message (GTK_WIDGET (editor->rate_date_row), date_ok ? NULL : error->message);
  g_clear_error (&error);
  individual_ok = parse_coefficient (gtk_editable_get_text (GTK_EDITABLE (editor->rate_individual_row)),
                                     "coef_individual", &rate.coef_individual, &error);
  /* A form given to individuals needs their coefficient; likewise collectives. */
  if (individual_ok && rate.coef_individual < 0 && (editor->form->recipient & TD_RECIPIENT_INDIVIDUAL))
    {
      td_set_field_error (&error, TD_FIELD_ERROR_REQUIRED, "coef_individual",
                          _("The form is given to individuals: type their coefficient."));
      individual_ok = FALSE;
    }
  td_preferences_set_field_message (GTK_WIDGET (editor->rate_individual_row),
                                    individual_ok ? NULL : error->message);
  g_clear_error (&error);
  collective_ok = parse_coefficient (gtk_editable_get_text (GTK_EDITABLE (editor->rate_collective_row)),
                                     "coef_collective", &rate.coef_collective, &error);
  if (collective_ok && rate.coef_collective < 0 && (editor->form->recipient & TD_RECIPIENT_COLLECTIVE))
    {
      td_set_field_error (&error, TD_FIELD_ERROR_REQUIRED, "coef_collective",
                          _("The form is given to collectives: type their coefficient."));
      collective_ok = FALSE;
    }
  td_preferences_set_field_message (GTK_WIDGET (editor->rate_collective_row),
                                    collective_ok ? NULL : error->message);
  g_clear_error (&error);
  if (!date_ok || !individual_ok || !collective_ok)
    return;

  rate.effective_from = date;
  written = td_database_begin (self->database, &error) &&
            td_catalogue_editor_end_change (self,
                                            td_catalogue_store_set_rate (self->database, &rate, &error),
                                            NULL, &error);
  if (!written)
    {
      const char *name = td_field_error_get_field (error);

      if (g_strcmp0 (name, "effective_from") == 0)
        field = GTK_WIDGET (editor->rate_date_row);
      else if (g_strcmp0 (name, "coef_collective") == 0)
        field = GTK_WIDGET (editor->rate_collective_row);
      else
        field = GTK_WIDGET (editor->rate_individual_row);
      td_preferences_set_field_message (field, error->message);
      return;
    }
  fill_form_editor (editor);
  update_form_header (editor);
}

static void
on_rate_delete (GtkButton  *button,
                FormEditor *editor)
{
  TdCatalogueEditor *self = editor->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strdup (g_object_get_data (G_OBJECT (button), "td-date"));
  g_autofree char *shown = td_format_date (date);
  g_autofree char *message = NULL;
  g_autofree char *warning = NULL;
  gboolean written;

  written = td_database_begin (self->database, &error) &&
            td_catalogue_editor_end_change (self,
                                            td_catalogue_store_delete_rate (self->database, editor->form->id,
                                                                            date, &error),
                                            &warning, &error);
  if (!written)
    {
      td_preferences_set_field_message (gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW),
                                        error->message);
      return;
    }
  fill_form_editor (editor);
  update_form_header (editor);
  /* Translators: a toast, «Deleted the coefficient of Giấy khen from 01/07/2025». */
  message = g_strdup_printf (_("Deleted the coefficient of %s from %s"), editor->form->name, shown);
  td_catalogue_editor_report_deletion (self, message, warning);
}

/* Enter goes to the next field the form needs, then adds. */
static void
on_rate_entry_activated (AdwEntryRow *row,
                         FormEditor  *editor)
{
  GtkEditable *collective = GTK_EDITABLE (editor->rate_collective_row);

  if (row == editor->rate_date_row)
    gtk_widget_grab_focus (GTK_WIDGET (editor->rate_individual_row));
  else if (row == editor->rate_individual_row && (editor->form->recipient & TD_RECIPIENT_COLLECTIVE) &&
           *gtk_editable_get_text (collective) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (collective));
  else
    on_rate_add (editor);
}

/* Opening a rate fills the fields below with it, to change it. */
static void
on_rate_activated (AdwActionRow *row,
                   FormEditor   *editor)
{
  const TdAwardRate *rate = g_object_get_data (G_OBJECT (row), "td-rate");
  g_autofree char *date = td_format_date (rate->effective_from);
  g_autofree char *individual = rate->coef_individual >= 0
                                ? td_preferences_format_coefficient (rate->coef_individual) : g_strdup ("");
  g_autofree char *collective = rate->coef_collective >= 0
                                ? td_preferences_format_coefficient (rate->coef_collective) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (editor->rate_date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (editor->rate_individual_row), individual);
  gtk_editable_set_text (GTK_EDITABLE (editor->rate_collective_row), collective);
  gtk_widget_grab_focus (GTK_WIDGET (editor->rate_individual_row));
}

static void
on_form_delete (GtkButton  *button,
                FormEditor *editor)
{
  TdCatalogueEditor *self = editor->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (editor->form->name);
  g_autofree char *message = NULL;
  g_autofree char *warning = NULL;
  gboolean written;

  written = td_database_begin (self->database, &error) &&
            td_catalogue_editor_end_change (self,
                                            td_catalogue_store_delete_form (self->database, editor->form->id, &error),
                                            &warning, &error);
  if (!written)
    {
      td_preferences_set_field_message (gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW),
                                        error->message);
      return;
    }
  /* Translators: a toast, «Deleted “Giấy khen”». */
  message = g_strdup_printf (_("Deleted “%s”"), name);
  td_catalogue_editor_reload (self);
  td_catalogue_editor_report_deletion (self, message, warning);
}

static void
add_editor_row (FormEditor *editor,
                GtkWidget  *row,
                const char *name)
{
  gtk_widget_set_name (row, name);
  adw_expander_row_add_row (editor->expander, row);
  g_ptr_array_add (editor->rows, row);
}

static AdwEntryRow *
add_entry_row (FormEditor *editor,
               const char *title,
               const char *text,
               const char *name,
               gboolean    apply)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  if (apply)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_signal_connect (row, "apply", G_CALLBACK (on_form_entry_apply), editor);
      g_signal_connect (focus, "leave", G_CALLBACK (on_form_entry_leave), editor);
      gtk_widget_add_controller (row, focus);
    }
  else
    g_signal_connect (row, "entry-activated", G_CALLBACK (on_rate_entry_activated), editor);
  add_editor_row (editor, row, name);
  return ADW_ENTRY_ROW (row);
}

static AdwComboRow *
add_combo_row (FormEditor         *editor,
               const char         *title,
               const char * const *items,
               guint               selected,
               const char         *name)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_form_combo_selected), editor);
  add_editor_row (editor, row, name);
  return ADW_COMBO_ROW (row);
}

static void
add_rate_rows (FormEditor *editor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rates = td_catalogue_store_list_rates (editor->self->database, editor->form->id, &error);

  if (rates == NULL)
    {
      g_message ("Listing the coefficients failed: %s", error->message);
      return;
    }
  for (guint i = 0; i < rates->len; i++)
    {
      TdAwardRate *rate = g_ptr_array_index (rates, i);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *date = td_format_date (rate->effective_from);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *name = g_strconcat ("rate-", rate->effective_from, NULL);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      append_coefficients (parts, rate);
      subtitle = join_parts (parts);
      /* Translators: a coefficient in force from a date, «Áp dụng từ 01/07/2025». */
      title = g_strdup_printf (_("From %s"), date);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "td-rate", g_steal_pointer (&g_ptr_array_index (rates, i)),
                              (GDestroyNotify) td_award_rate_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_rate_activated), editor);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Delete"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete"), -1);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "td-date", g_strdup (rate->effective_from), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_rate_delete), editor);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      add_editor_row (editor, row, name);
    }
}

static void
fill_form_editor (FormEditor *editor)
{
  TdCatalogueEditor *self = editor->self;
  TdAwardForm *form = editor->form;
  const char *families[] = { _("Emulation title"), _("Commendation"), NULL };
  const char *given_to[] = { _("Individuals"), _("Collectives"), _("Both"), NULL };
  g_autofree char *precedence = g_strdup_printf ("%d", form->precedence);
  gboolean loading = self->loading;
  guint recipient = 0;
  GtkWidget *row;
  GtkWidget *widget;

  self->loading = TRUE;
  for (guint i = 0; i < editor->rows->len; i++)
    adw_expander_row_remove (editor->expander, g_ptr_array_index (editor->rows, i));
  g_ptr_array_set_size (editor->rows, 0);

  for (guint i = 0; i < G_N_ELEMENTS (recipients); i++)
    if (recipients[i] == form->recipient)
      recipient = i;

  editor->name_row = add_entry_row (editor, _("Name"), form->name, "form-name", TRUE);
  editor->code_row = add_entry_row (editor, _("Code for imports and the command line"), form->code, "form-code", TRUE);
  editor->family_row = add_combo_row (editor, _("Kind"), families,
                                      form->family == TD_FAMILY_TITLE ? 0 : 1, "form-family");
  editor->recipient_row = add_combo_row (editor, _("Given to"), given_to, recipient, "form-recipient");
  editor->precedence_row = add_entry_row (editor, _("Precedence (smaller numbers first)"), precedence,
                                          "form-precedence", TRUE);

  row = adw_action_row_new ();
  widget = gtk_switch_new ();
  editor->archived_switch = GTK_SWITCH (widget);
  gtk_switch_set_active (editor->archived_switch, form->archived);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  g_signal_connect (widget, "notify::active", G_CALLBACK (on_form_archived), editor);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Archived"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Kept for past decisions, not offered for new ones"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
  add_editor_row (editor, row, "form-archived");

  add_rate_rows (editor);

  editor->rate_date_row = add_entry_row (editor, _("New coefficient from (dd/mm/yyyy)"), NULL, "rate-date", FALSE);
  editor->rate_individual_row = add_entry_row (editor, _("Coefficient for individuals"), NULL,
                                               "rate-individual", FALSE);
  editor->rate_collective_row = add_entry_row (editor, _("Coefficient for collectives"), NULL,
                                               "rate-collective", FALSE);
  widget = gtk_button_new_with_label (_("Add"));
  gtk_widget_set_name (widget, "rate-add");
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (widget, "clicked", G_CALLBACK (on_rate_add), editor);
  adw_entry_row_add_suffix (editor->rate_collective_row, widget);

  row = adw_action_row_new ();
  widget = gtk_button_new_with_label (_("Delete"));
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (widget, "destructive-action");
  g_signal_connect (widget, "clicked", G_CALLBACK (on_form_delete), editor);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Delete this form"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Only a form that no award uses can be deleted; archive the others."));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  add_editor_row (editor, row, "form-delete");

  self->loading = loading;
}

static void
on_form_expanded (AdwExpanderRow *expander,
                  GParamSpec     *pspec,
                  FormEditor     *editor)
{
  if (adw_expander_row_get_expanded (expander) && editor->rows->len == 0)
    fill_form_editor (editor);
}

/* Private API (td-catalogue-editor-private.h) */

/* The row of @form (taken), named by its code; opened, it edits the form
 * and its coefficients. */
GtkWidget *
td_catalogue_editor_form_new (TdCatalogueEditor *self,
                              TdAwardForm       *form)
{
  GtkWidget *expander = adw_expander_row_new ();
  FormEditor *editor = g_new0 (FormEditor, 1);

  editor->self = self;
  editor->form = form;
  editor->expander = ADW_EXPANDER_ROW (expander);
  editor->rows = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (expander), "td-form-editor", editor, form_editor_free);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  if (form->code != NULL)
    gtk_widget_set_name (expander, form->code);
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (on_form_expanded), editor);
  update_form_header (editor);
  return expander;
}

const TdAwardForm *
td_catalogue_editor_form_get (GtkWidget *row)
{
  return form_editor_of (row)->form;
}

/* Writes what was typed in the fields of an opened form. */
void
td_catalogue_editor_form_commit_pending (GtkWidget *row)
{
  FormEditor *editor = form_editor_of (row);

  if (editor->rows->len == 0)
    return;
  commit_form_entry (editor, editor->name_row);
  commit_form_entry (editor, editor->code_row);
  commit_form_entry (editor, editor->precedence_row);
}
