#define G_LOG_DOMAIN "td-decision-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "td-campaign-store.h"
#include "td-date.h"
#include "td-decision-dialog.h"
#include "td-decision-store.h"
#include "td-foreign-strings.h"
#include "td-format.h"
#include "td-page-util.h"
#include "td-settings-store.h"

struct _TdDecisionDialog
{
  AdwWindow       parent_instance;

  TdDatabase     *database;
  TdDecision     *decision;
  GPtrArray      *campaigns;

  AdwWindowTitle *window_title;
  AdwEntryRow    *date_row;
  AdwEntryRow    *issuer_row;
  AdwComboRow    *campaign_row;
  AdwEntryRow    *year_row;
  AdwEntryRow    *title_row;
  GtkTextView    *signer_view;
  AdwEntryRow    *signer_name_row;
  AdwEntryRow    *org_parent_row;
  AdwEntryRow    *org_name_row;
  AdwEntryRow    *place_row;
  GtkLabel       *message_label;
};

G_DEFINE_FINAL_TYPE (TdDecisionDialog, td_decision_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AdwEntryRow *
row_for_field (TdDecisionDialog *self,
               const char       *field)
{
  struct { const char *field; AdwEntryRow *row; } rows[] = {
    { "date", self->date_row }, { "issuer", self->issuer_row }, { "year", self->year_row },
    { "title", self->title_row }, { "signer_name", self->signer_name_row },
    { "org_parent", self->org_parent_row }, { "org_name", self->org_name_row }, { "place", self->place_row },
  };

  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (rows); i++)
    if (g_str_equal (rows[i].field, field))
      return rows[i].row;
  return NULL;
}

static void
clear_errors (TdDecisionDialog *self)
{
  const char *fields[] = { "date", "issuer", "year", "title", "signer_name", "org_parent", "org_name", "place" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (row_for_field (self, fields[i])), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->campaign_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
}

static void
show_error (TdDecisionDialog *self,
            const GError     *error)
{
  const char *field = td_field_error_get_field (error);
  AdwEntryRow *row = row_for_field (self, field);

  clear_errors (self);
  if (row != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  else if (g_strcmp0 (field, "campaign_id") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->campaign_row), "error");
  gtk_label_set_text (self->message_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
set_row (AdwEntryRow *row,
         const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

gboolean
td_decision_dialog_save (TdDecisionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date_text = row_text (self->date_row);
  g_autofree char *year_text = row_text (self->year_row);
  g_autofree char *iso = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->signer_view);
  GtkTextIter start, end;
  TdDecision *d = self->decision;
  guint campaign;
  gboolean ok;

  g_return_val_if_fail (TD_IS_DECISION_DIALOG (self), FALSE);

  clear_errors (self);
  /* dd/mm/yyyy as typed; an impossible date is said on the field. */
  if (!td_date_parse_display (date_text, &iso))
    {
      td_set_field_error (&error, TD_FIELD_ERROR_FORMAT, "date",
                          _("“%s” is not a date. Type it as dd/mm/yyyy, such as 15/01/2019."), date_text);
      show_error (self, error);
      return FALSE;
    }
  g_free (d->date);
  d->date = g_steal_pointer (&iso);
  d->year = 0;
  if (*g_strstrip (year_text) != '\0')
    {
      guint64 year = 0;

      if (!g_ascii_string_to_unsigned (year_text, 10, 1945, 2200, &year, NULL))
        {
          td_set_field_error (&error, TD_FIELD_ERROR_RANGE, "year",
                              _("The year rewarded must be a year between 1945 and 2200, such as 2018."));
          show_error (self, error);
          return FALSE;
        }
      d->year = (int) year;
    }
  g_free (d->issuer);
  d->issuer = row_text (self->issuer_row);
  g_free (d->title);
  d->title = row_text (self->title_row);
  g_free (d->signer_name);
  d->signer_name = row_text (self->signer_name_row);
  g_free (d->org_parent);
  d->org_parent = row_text (self->org_parent_row);
  g_free (d->org_name);
  d->org_name = row_text (self->org_name_row);
  g_free (d->place);
  d->place = row_text (self->place_row);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (d->signer_title);
  d->signer_title = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  campaign = adw_combo_row_get_selected (self->campaign_row);
  d->campaign_id = campaign > 0 && campaign <= self->campaigns->len
                   ? ((TdCampaign *) g_ptr_array_index (self->campaigns, campaign - 1))->id : 0;

  ok = d->id > 0 ? td_decision_store_update (self->database, d, &error)
                 : td_decision_store_insert (self->database, d, &error);
  if (!ok)
    {
      show_error (self, error);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, d->id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  td_decision_dialog_save (TD_DECISION_DIALOG (widget));
}

static void
td_decision_dialog_dispose (GObject *object)
{
  TdDecisionDialog *self = TD_DECISION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_DECISION_DIALOG);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (td_decision_dialog_parent_class)->dispose (object);
}

static void
td_decision_dialog_finalize (GObject *object)
{
  TdDecisionDialog *self = TD_DECISION_DIALOG (object);

  g_clear_pointer (&self->decision, td_decision_free);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);

  G_OBJECT_CLASS (td_decision_dialog_parent_class)->finalize (object);
}

static void
td_decision_dialog_class_init (TdDecisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_decision_dialog_dispose;
  object_class->finalize = td_decision_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/td-decision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TdDecisionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TdDecisionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, TdDecisionDialog, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, TdDecisionDialog, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, TdDecisionDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, TdDecisionDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, TdDecisionDialog, signer_view);
  gtk_widget_class_bind_template_child (widget_class, TdDecisionDialog, signer_name_row);
  gtk_widget_class_bind_template_child (widget_class, TdDecisionDialog, org_parent_row);
  gtk_widget_class_bind_template_child (widget_class, TdDecisionDialog, org_name_row);
  gtk_widget_class_bind_template_child (widget_class, TdDecisionDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, TdDecisionDialog, message_label);

  gtk_widget_class_install_action (widget_class, "decision.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "decision.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
td_decision_dialog_init (TdDecisionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  td_date_row_add_calendar (self->date_row);
}

TdDecisionDialog *
td_decision_dialog_new (GtkWindow  *parent,
                        TdDatabase *database,
                        gint64      decision_id)
{
  TdDecisionDialog *self = g_object_new (TD_TYPE_DECISION_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autofree char *date = NULL;
  TdDecision *d;
  guint selected = 0;

  self->database = g_object_ref (database);
  self->campaigns = td_campaign_store_list (database, NULL, NULL);
  if (self->campaigns == NULL)
    self->campaigns = g_ptr_array_new_with_free_func ((GDestroyNotify) td_campaign_free);
  if (decision_id > 0)
    self->decision = td_decision_store_get (database, decision_id, NULL);
  if (self->decision == NULL)
    {
      /* A new draft: today, and the signer of the preferences. */
      self->decision = td_decision_new ();
      self->decision->date = td_date_today ();
      self->decision->signer_title = td_settings_store_get (database, "signer.title", NULL);
      self->decision->signer_name = td_settings_store_get (database, "signer.name", NULL);
      adw_window_title_set_title (self->window_title, _("New Decision"));
      adw_window_title_set_subtitle (self->window_title, _("Draft"));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Decision"));
      adw_window_title_set_subtitle (self->window_title,
                                     self->decision->number ? self->decision->number : _("Draft"));
    }
  d = self->decision;

  gtk_string_list_append (titles, _("None"));
  for (guint i = 0; i < self->campaigns->len; i++)
    {
      TdCampaign *campaign = g_ptr_array_index (self->campaigns, i);

      gtk_string_list_append (titles, campaign->short_title ? campaign->short_title : campaign->title);
      if (campaign->id == d->campaign_id)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->campaign_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->campaign_row, selected);

  date = td_format_date (d->date);
  set_row (self->date_row, date);
  set_row (self->issuer_row, d->issuer);
  if (d->year > 0)
    {
      g_autofree char *year = g_strdup_printf ("%d", d->year);

      set_row (self->year_row, year);
    }
  set_row (self->title_row, d->title);
  set_row (self->signer_name_row, d->signer_name);
  set_row (self->org_parent_row, d->org_parent);
  set_row (self->org_name_row, d->org_name);
  set_row (self->place_row, d->place);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->signer_view), d->signer_title ? d->signer_title : "", -1);
  td_translate_foreign_strings (GTK_WIDGET (self));
  return self;
}

/* For tests and scripts: types into the field named like the record's. */
void
td_decision_dialog_set_field (TdDecisionDialog *self,
                              const char       *field,
                              const char       *text)
{
  AdwEntryRow *row;

  g_return_if_fail (TD_IS_DECISION_DIALOG (self));

  if (g_strcmp0 (field, "signer_title") == 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->signer_view), text, -1);
  else if ((row = row_for_field (self, field)) != NULL)
    set_row (row, text);
}

void
td_decision_dialog_select_campaign (TdDecisionDialog *self,
                                    gint64            campaign_id)
{
  g_return_if_fail (TD_IS_DECISION_DIALOG (self));

  for (guint i = 0; i < self->campaigns->len; i++)
    if (((TdCampaign *) g_ptr_array_index (self->campaigns, i))->id == campaign_id)
      adw_combo_row_set_selected (self->campaign_row, i + 1);
}
