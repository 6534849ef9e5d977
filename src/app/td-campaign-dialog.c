#define G_LOG_DOMAIN "td-campaign-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "td-campaign-dialog.h"
#include "td-campaign-store.h"
#include "td-date.h"
#include "td-error.h"
#include "td-foreign-strings.h"
#include "td-format.h"
#include "td-page-util.h"
#include "td-preferences-util.h"

struct _TdCampaignDialog
{
  AdwWindow       parent_instance;

  TdDatabase     *database;
  TdCampaign     *campaign;

  AdwWindowTitle *window_title;
  GtkLabel       *message_label;
  AdwEntryRow    *title_row;
  AdwEntryRow    *short_title_row;
  AdwEntryRow    *description_row;
  AdwEntryRow    *launch_number_row;
  AdwEntryRow    *launch_date_row;
  AdwEntryRow    *issuer_row;
  AdwEntryRow    *start_date_row;
  AdwEntryRow    *end_date_row;
};

G_DEFINE_FINAL_TYPE (TdCampaignDialog, td_campaign_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const fields[] = {
  "title", "short_title", "description", "launch_number", "launch_date", "issuer", "start_date", "end_date",
};

static AdwEntryRow *
row_for_field (TdCampaignDialog *self,
               const char       *field)
{
  AdwEntryRow *rows[] = {
    self->title_row, self->short_title_row, self->description_row, self->launch_number_row,
    self->launch_date_row, self->issuer_row, self->start_date_row, self->end_date_row,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (rows) == G_N_ELEMENTS (fields));
  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i], field))
      return rows[i];
  return NULL;
}

static void
clear_errors (TdCampaignDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    td_preferences_set_field_message (GTK_WIDGET (row_for_field (self, fields[i])), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
}

static void
show_error (TdCampaignDialog *self,
            const GError     *error)
{
  AdwEntryRow *row = row_for_field (self, td_field_error_get_field (error));

  clear_errors (self);
  if (row != NULL)
    {
      td_preferences_set_field_message (GTK_WIDGET (row), error->message);
      gtk_widget_grab_focus (GTK_WIDGET (row));
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

/* The text of a row, NULL when it is empty: an optional field left blank. */
static char *
row_text (AdwEntryRow *row)
{
  g_autofree char *text = td_preferences_strip_text (gtk_editable_get_text (GTK_EDITABLE (row)));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* A date typed dd/mm/yyyy (or left empty) into *@iso; an impossible one
 * is said on its field. */
static gboolean
read_date (TdCampaignDialog  *self,
           const char        *field,
           char             **iso,
           GError           **error)
{
  g_autofree char *text = row_text (row_for_field (self, field));
  g_autofree char *parsed = NULL;

  if (text != NULL && !td_date_parse_display (text, &parsed))
    {
      td_set_field_error (error, TD_FIELD_ERROR_FORMAT, field,
                          _("“%s” is not a date. Type it as dd/mm/yyyy, such as 15/01/2019."), text);
      return FALSE;
    }
  g_free (*iso);
  *iso = g_steal_pointer (&parsed);
  return TRUE;
}

gboolean
td_campaign_dialog_save (TdCampaignDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdCampaign) c = td_campaign_new ();
  gboolean ok;

  g_return_val_if_fail (TD_IS_CAMPAIGN_DIALOG (self), FALSE);

  clear_errors (self);
  /* A copy: a refused save leaves the record as it was read. */
  c->id = self->campaign->id;
  if (!read_date (self, "launch_date", &c->launch_date, &error) ||
      !read_date (self, "start_date", &c->start_date, &error) ||
      !read_date (self, "end_date", &c->end_date, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  c->title = row_text (self->title_row);
  c->short_title = row_text (self->short_title_row);
  c->description = row_text (self->description_row);
  c->launch_number = row_text (self->launch_number_row);
  c->issuer = row_text (self->issuer_row);

  ok = c->id > 0 ? td_campaign_store_update (self->database, c, &error)
                 : td_campaign_store_insert (self->database, c, &error);
  if (!ok)
    {
      show_error (self, error);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, c->id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  td_campaign_dialog_save (TD_CAMPAIGN_DIALOG (widget));
}

static void
td_campaign_dialog_dispose (GObject *object)
{
  TdCampaignDialog *self = TD_CAMPAIGN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_CAMPAIGN_DIALOG);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (td_campaign_dialog_parent_class)->dispose (object);
}

static void
td_campaign_dialog_finalize (GObject *object)
{
  TdCampaignDialog *self = TD_CAMPAIGN_DIALOG (object);

  g_clear_pointer (&self->campaign, td_campaign_free);

  G_OBJECT_CLASS (td_campaign_dialog_parent_class)->finalize (object);
}

static void
td_campaign_dialog_class_init (TdCampaignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_campaign_dialog_dispose;
  object_class->finalize = td_campaign_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/td-campaign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TdCampaignDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignDialog, short_title_row);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignDialog, launch_number_row);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignDialog, launch_date_row);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignDialog, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignDialog, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignDialog, end_date_row);

  gtk_widget_class_install_action (widget_class, "campaign.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "campaign.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
td_campaign_dialog_init (TdCampaignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  td_date_row_add_calendar (self->launch_date_row);
  td_date_row_add_calendar (self->start_date_row);
  td_date_row_add_calendar (self->end_date_row);
}

TdCampaignDialog *
td_campaign_dialog_new (GtkWindow  *parent,
                        TdDatabase *database,
                        gint64      campaign_id)
{
  TdCampaignDialog *self;
  g_autofree char *launch_date = NULL;
  g_autofree char *start_date = NULL;
  g_autofree char *end_date = NULL;
  TdCampaign *c;

  g_return_val_if_fail (TD_IS_DATABASE (database), NULL);

  self = g_object_new (TD_TYPE_CAMPAIGN_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  if (campaign_id > 0)
    self->campaign = td_campaign_store_get (database, campaign_id, NULL);
  if (self->campaign == NULL)
    {
      self->campaign = td_campaign_new ();
      adw_window_title_set_title (self->window_title, _("New Campaign"));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Campaign"));
      adw_window_title_set_subtitle (self->window_title,
                                     self->campaign->short_title ? self->campaign->short_title
                                                                 : self->campaign->title);
    }
  c = self->campaign;

  launch_date = td_format_date (c->launch_date);
  start_date = td_format_date (c->start_date);
  end_date = td_format_date (c->end_date);
  set_row (self->title_row, c->title);
  set_row (self->short_title_row, c->short_title);
  set_row (self->description_row, c->description);
  set_row (self->launch_number_row, c->launch_number);
  set_row (self->launch_date_row, launch_date);
  set_row (self->issuer_row, c->issuer);
  set_row (self->start_date_row, start_date);
  set_row (self->end_date_row, end_date);
  td_translate_foreign_strings (GTK_WIDGET (self));
  return self;
}

/* For tests and scripts: types into the field named like the record's. */
void
td_campaign_dialog_set_field (TdCampaignDialog *self,
                              const char       *field,
                              const char       *text)
{
  AdwEntryRow *row;

  g_return_if_fail (TD_IS_CAMPAIGN_DIALOG (self));

  if ((row = row_for_field (self, field)) != NULL)
    set_row (row, text);
}

const char *
td_campaign_dialog_get_field_message (TdCampaignDialog *self,
                                      const char       *field)
{
  AdwEntryRow *row;

  g_return_val_if_fail (TD_IS_CAMPAIGN_DIALOG (self), NULL);

  row = row_for_field (self, field);
  if (row == NULL || !gtk_widget_has_css_class (GTK_WIDGET (row), "error"))
    return NULL;
  return gtk_widget_get_tooltip_text (GTK_WIDGET (row));
}
