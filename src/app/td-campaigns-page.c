#define G_LOG_DOMAIN "td-campaigns-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "td-campaign-store.h"
#include "td-campaigns-page.h"
#include "td-format.h"

struct _TdCampaignsPage
{
  GtkWidget             parent_instance;

  TdDatabase           *database;
  GPtrArray            *campaigns;
  GPtrArray            *detail_rows;
  guint                 n_indicators;

  GtkListBox           *campaign_list;
  GtkStack             *detail_stack;
  GtkLabel             *title_label;
  AdwPreferencesGroup  *launch_group;
  AdwPreferencesGroup  *indicator_group;
};

G_DEFINE_FINAL_TYPE (TdCampaignsPage, td_campaigns_page, GTK_TYPE_WIDGET)

static void
add_row (TdCampaignsPage     *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL && *value ? value : "—");
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->detail_rows, row);
}

static void
clear_detail (TdCampaignsPage *self)
{
  for (guint i = 0; i < self->detail_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->detail_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->detail_rows, 0);
  self->n_indicators = 0;
}

static void
show_campaign (TdCampaignsPage *self,
               TdCampaign      *campaign)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autofree char *launch_date = td_format_date (campaign->launch_date);
  g_autofree char *start = td_format_date (campaign->start_date);
  g_autofree char *end = td_format_date (campaign->end_date);
  g_autofree char *period = NULL;

  clear_detail (self);
  gtk_label_set_text (self->title_label, campaign->title);

  if (*start || *end)
    /* Translators: a period of time, «13/11/2017 – 31/12/2022». */
    period = g_strdup_printf (_("%s – %s"), start, end);

  add_row (self, self->launch_group, _("Short title"), campaign->short_title);
  add_row (self, self->launch_group, _("Decision number"), campaign->launch_number);
  add_row (self, self->launch_group, _("Decision date"), launch_date);
  add_row (self, self->launch_group, _("Issued by"), campaign->issuer);
  add_row (self, self->launch_group, _("Period"), period);
  add_row (self, self->launch_group, _("Description"), campaign->description);

  indicators = td_campaign_store_list_indicators (self->database, campaign->id, &error);
  if (indicators == NULL)
    {
      g_message ("Listing indicators failed: %s", error->message);
      return;
    }
  for (guint i = 0; i < indicators->len; i++)
    {
      TdIndicator *indicator = g_ptr_array_index (indicators, i);
      g_autofree char *measure = indicator->measure
                                 /* Translators: the unit an indicator is counted in. */
                                 ? g_strdup_printf (_("Counted in: %s"), indicator->measure)
                                 : NULL;

      add_row (self, self->indicator_group, indicator->name, measure);
    }
  self->n_indicators = indicators->len;
  if (indicators->len == 0)
    add_row (self, self->indicator_group, _("No indicators yet"), NULL);
}

static void
on_row_selected (TdCampaignsPage *self,
                 GtkListBoxRow   *row)
{
  int index;

  if (row == NULL || self->campaigns == NULL)
    {
      clear_detail (self);
      return;
    }
  index = gtk_list_box_row_get_index (row);
  if (index >= 0 && (guint) index < self->campaigns->len)
    show_campaign (self, g_ptr_array_index (self->campaigns, index));
}

static void
reload (TdCampaignsPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  clear_detail (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->campaign_list))) != NULL)
    gtk_list_box_remove (self->campaign_list, child);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);

  if (self->database != NULL)
    {
      self->campaigns = td_campaign_store_list (self->database, NULL, &error);
      if (self->campaigns == NULL)
        g_message ("Listing campaigns failed: %s", error->message);
    }

  if (self->campaigns == NULL || self->campaigns->len == 0)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }

  for (guint i = 0; i < self->campaigns->len; i++)
    {
      TdCampaign *campaign = g_ptr_array_index (self->campaigns, i);
      g_autofree char *date = td_format_date (campaign->launch_date);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (campaign->launch_number != NULL)
        /* Translators: «4440/QĐ-UBND of 13/11/2017», under a campaign's title. */
        subtitle = g_strdup_printf (_("%s of %s"), campaign->launch_number, date);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     campaign->short_title ? campaign->short_title : campaign->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      gtk_widget_set_tooltip_text (row, campaign->title);
      gtk_list_box_append (self->campaign_list, row);
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  gtk_list_box_select_row (self->campaign_list, gtk_list_box_get_row_at_index (self->campaign_list, 0));
}

static void
td_campaigns_page_dispose (GObject *object)
{
  TdCampaignsPage *self = TD_CAMPAIGNS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_CAMPAIGNS_PAGE);
  /* A plain GtkWidget parent unparents its children itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_clear_pointer (&self->detail_rows, g_ptr_array_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (td_campaigns_page_parent_class)->dispose (object);
}

static void
td_campaigns_page_class_init (TdCampaignsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_campaigns_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/td-campaigns-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdCampaignsPage, campaign_list);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignsPage, launch_group);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignsPage, indicator_group);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
td_campaigns_page_init (TdCampaignsPage *self)
{
  self->detail_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  reload (self);
}

void
td_campaigns_page_set_database (TdCampaignsPage *self,
                                TdDatabase      *database)
{
  g_return_if_fail (TD_IS_CAMPAIGNS_PAGE (self));

  g_set_object (&self->database, database);
  reload (self);
}

guint
td_campaigns_page_get_n_campaigns (TdCampaignsPage *self)
{
  g_return_val_if_fail (TD_IS_CAMPAIGNS_PAGE (self), 0);
  return self->campaigns != NULL ? self->campaigns->len : 0;
}

/* Indicators of the campaign shown. */
guint
td_campaigns_page_get_n_indicators (TdCampaignsPage *self)
{
  g_return_val_if_fail (TD_IS_CAMPAIGNS_PAGE (self), 0);
  return self->n_indicators;
}

void
td_campaigns_page_select (TdCampaignsPage *self,
                          guint            position)
{
  g_return_if_fail (TD_IS_CAMPAIGNS_PAGE (self));
  gtk_list_box_select_row (self->campaign_list, gtk_list_box_get_row_at_index (self->campaign_list, position));
}

gboolean
td_campaigns_page_select_campaign (TdCampaignsPage *self,
                                   gint64           campaign_id)
{
  g_return_val_if_fail (TD_IS_CAMPAIGNS_PAGE (self), FALSE);

  for (guint i = 0; self->campaigns != NULL && i < self->campaigns->len; i++)
    if (((TdCampaign *) g_ptr_array_index (self->campaigns, i))->id == campaign_id)
      {
        td_campaigns_page_select (self, i);
        return TRUE;
      }
  return FALSE;
}
