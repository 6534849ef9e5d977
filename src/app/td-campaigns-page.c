#define G_LOG_DOMAIN "td-campaigns-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "td-campaign-dialog.h"
#include "td-campaign-store.h"
#include "td-campaigns-page.h"
#include "td-decision-store.h"
#include "td-error.h"
#include "td-format.h"
#include "td-page-util.h"
#include "td-preferences-util.h"

struct _TdCampaignsPage
{
  GtkWidget             parent_instance;

  TdDatabase           *database;
  GPtrArray            *campaigns;
  GPtrArray            *detail_rows;
  GPtrArray            *indicators;
  gint64                campaign_id;
  AdwToast             *last_toast;

  GtkListBox           *campaign_list;
  GtkStack             *detail_stack;
  GtkLabel             *title_label;
  AdwPreferencesGroup  *launch_group;
  AdwPreferencesGroup  *indicator_group;
};

G_DEFINE_FINAL_TYPE (TdCampaignsPage, td_campaigns_page, GTK_TYPE_WIDGET)

/* What offices count in (DOMAIN.md): offered beside the measure of an
 * indicator.  They are words of the records, Vietnamese in any locale. */
static const char *const measures[] = {
  "buổi", "lượt người", "người", "lớp", "tổ", "đơn vị", "cuộc", "tin, bài", "hộ", "lượt",
};

static void reload_keeping (TdCampaignsPage *self,
                            gint64           campaign_id);

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

/* A file opened read-only offers no change at all. */
static void
update_actions (TdCampaignsPage *self)
{
  static const char *editing[] = { "campaigns.edit", "campaigns.delete", "campaigns.add-indicator",
                                   "campaigns.edit-indicator", "campaigns.move-indicator",
                                   "campaigns.delete-indicator" };
  gboolean writable = td_page_can_write (self->database);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaigns.new", writable);
  for (guint i = 0; i < G_N_ELEMENTS (editing); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), editing[i], writable && self->campaign_id > 0);
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
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  self->campaign_id = 0;
  update_actions (self);
}

static GtkWidget *
indicator_button (const char *icon_name,
                  const char *tooltip,
                  const char *action_name,
                  GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

/* An indicator with its buttons: up, down, edit, remove. */
static void
add_indicator_row (TdCampaignsPage *self,
                   TdIndicator     *indicator,
                   guint            position)
{
  g_autofree char *measure = indicator->measure
                             /* Translators: the unit an indicator is counted in. */
                             ? g_strdup_printf (_("Counted in: %s"), indicator->measure)
                             : NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *up = indicator_button ("go-up-symbolic", _("Move up"), "campaigns.move-indicator",
                                    g_variant_new ("(xi)", indicator->id, -1));
  GtkWidget *down = indicator_button ("go-down-symbolic", _("Move down"), "campaigns.move-indicator",
                                      g_variant_new ("(xi)", indicator->id, 1));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), indicator->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), measure ? measure : _("No measure"));
  /* An actionable button follows its action's state: the ends of the list
   * lose the action to look disabled. */
  if (position == 0)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (up), NULL);
      gtk_widget_set_sensitive (up, FALSE);
    }
  if (position + 1 >= self->indicators->len)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (down), NULL);
      gtk_widget_set_sensitive (down, FALSE);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             indicator_button ("document-edit-symbolic", _("Rename, or change the measure"),
                                               "campaigns.edit-indicator", g_variant_new_int64 (indicator->id)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             indicator_button ("user-trash-symbolic", _("Remove the indicator"),
                                               "campaigns.delete-indicator", g_variant_new_int64 (indicator->id)));
  adw_preferences_group_add (self->indicator_group, row);
  g_ptr_array_add (self->detail_rows, row);
}

static void
show_campaign (TdCampaignsPage *self,
               TdCampaign      *campaign)
{
  g_autoptr(GError) error = NULL;
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

  self->campaign_id = campaign->id;
  update_actions (self);

  self->indicators = td_campaign_store_list_indicators (self->database, campaign->id, &error);
  if (self->indicators == NULL)
    {
      g_message ("Listing indicators failed: %s", error->message);
      return;
    }
  for (guint i = 0; i < self->indicators->len; i++)
    add_indicator_row (self, g_ptr_array_index (self->indicators, i), i);
  if (self->indicators->len == 0)
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
reload_keeping (TdCampaignsPage *self,
                gint64           campaign_id)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint selected = 0;

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
      if (campaign->id == campaign_id)
        selected = i;
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  gtk_list_box_select_row (self->campaign_list, gtk_list_box_get_row_at_index (self->campaign_list, selected));
}

static void
toast (TdCampaignsPage *self,
       const char      *text)
{
  /* The newest deletion is the one Undo takes back: an older toast goes. */
  if (self->last_toast != NULL)
    adw_toast_dismiss (self->last_toast);
  g_set_weak_pointer (&self->last_toast, td_page_toast (GTK_WIDGET (self), text, TRUE));
}

static TdIndicator *
find_indicator (TdCampaignsPage *self,
                gint64           indicator_id,
                guint           *position)
{
  for (guint i = 0; self->indicators != NULL && i < self->indicators->len; i++)
    {
      TdIndicator *indicator = g_ptr_array_index (self->indicators, i);

      if (indicator->id == indicator_id)
        {
          if (position != NULL)
            *position = i;
          return indicator;
        }
    }
  return NULL;
}

static void
on_campaign_saved (TdCampaignsPage *self,
                   gint64           campaign_id)
{
  reload_keeping (self, campaign_id);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  td_campaigns_page_edit_campaign (TD_CAMPAIGNS_PAGE (widget), TRUE);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  td_campaigns_page_edit_campaign (TD_CAMPAIGNS_PAGE (widget), FALSE);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    TdCampaignsPage  *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "delete") && !td_campaigns_page_delete_campaign (self, TRUE, &error))
    td_page_show_error (GTK_WIDGET (self), _("The campaign could not be deleted"), error->message);
}

/* Statistics are typed by hand: losing them needs the user's word.
 * Decisions that name the campaign refuse the deletion outright. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TdCampaignsPage *self = TD_CAMPAIGNS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  GtkWidget *dialog;

  if (td_campaigns_page_delete_campaign (self, FALSE, &error))
    return;
  decisions = td_decision_store_list (self->database, NULL, self->campaign_id, 0, NULL);
  if (!g_error_matches (error, TD_FIELD_ERROR, TD_FIELD_ERROR_IN_USE) ||
      decisions == NULL || decisions->len > 0)
    {
      td_page_show_error (GTK_WIDGET (self), _("The campaign could not be deleted"), error->message);
      return;
    }
  dialog = adw_message_dialog_new (td_page_get_window (GTK_WIDGET (self)), _("Delete the Campaign and Its Statistics?"),
                                   error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete All"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_measure_chosen (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), g_variant_get_string (parameter, NULL));
}

static void
on_indicator_name_changed (GtkEditable      *name,
                           AdwMessageDialog *dialog)
{
  g_autofree char *text = td_preferences_strip_text (gtk_editable_get_text (name));

  adw_message_dialog_set_response_enabled (dialog, "save", *text != '\0');
}

static void
on_indicator_response (AdwMessageDialog *dialog,
                       const char       *response,
                       TdCampaignsPage  *self)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  GtkEditable *measure = g_object_get_data (G_OBJECT (dialog), "measure");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "indicator-id"));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!g_str_equal (response, "save"))
    return;
  ok = id > 0 ? td_campaigns_page_update_indicator (self, id, gtk_editable_get_text (name),
                                                    gtk_editable_get_text (measure), &error)
              : td_campaigns_page_add_indicator (self, gtk_editable_get_text (name),
                                                 gtk_editable_get_text (measure), &error);
  if (!ok)
    td_page_show_error (GTK_WIDGET (self), _("The indicator could not be saved"), error->message);
}

/* The name and the measure of an indicator (@indicator_id 0: a new one),
 * in a small dialog: its entries are "name" and "measure". */
static AdwMessageDialog *
edit_indicator (TdCampaignsPage *self,
                gint64           indicator_id)
{
  TdIndicator *indicator = find_indicator (self, indicator_id, NULL);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) choose = g_simple_action_new ("measure", G_VARIANT_TYPE_STRING);
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *name = adw_entry_row_new ();
  GtkWidget *measure = adw_entry_row_new ();
  GtkWidget *suggestions = gtk_menu_button_new ();
  GtkWidget *dialog;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("What is counted"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (measure), _("Measure (buổi, lượt người, lớp…)"));
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (measures[i], NULL);

      g_menu_item_set_action_and_target_value (item, "indicator.measure", g_variant_new_string (measures[i]));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (suggestions), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (suggestions), "view-more-symbolic");
  gtk_widget_set_valign (suggestions, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (suggestions, "flat");
  gtk_widget_set_tooltip_text (suggestions, _("Choose a usual measure"));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (measure), suggestions);
  g_signal_connect (choose, "activate", G_CALLBACK (on_measure_chosen), measure);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (choose));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), name);
  gtk_list_box_append (GTK_LIST_BOX (list), measure);

  dialog = adw_message_dialog_new (td_page_get_window (GTK_WIDGET (self)),
                                   indicator ? _("Indicator") : _("New Indicator"),
                                   _("An indicator is what the units count each year, such as the propaganda sessions held or the people who attended them."));
  gtk_widget_insert_action_group (dialog, "indicator", G_ACTION_GROUP (group));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "save", indicator ? _("_Save") : _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (name), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (measure), TRUE);
  g_signal_connect (name, "changed", G_CALLBACK (on_indicator_name_changed), dialog);
  gtk_editable_set_text (GTK_EDITABLE (name), indicator ? indicator->name : "");
  gtk_editable_set_text (GTK_EDITABLE (measure), indicator && indicator->measure ? indicator->measure : "");
  on_indicator_name_changed (GTK_EDITABLE (name), ADW_MESSAGE_DIALOG (dialog));
  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "measure", measure);
  g_object_set_data (G_OBJECT (dialog), "indicator-id", GSIZE_TO_POINTER (indicator ? indicator->id : 0));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_indicator_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name);
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
add_indicator_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TdCampaignsPage *self = TD_CAMPAIGNS_PAGE (widget);

  if (self->campaign_id > 0)
    edit_indicator (self, 0);
}

static void
edit_indicator_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TdCampaignsPage *self = TD_CAMPAIGNS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);

  if (find_indicator (self, id, NULL) != NULL)
    edit_indicator (self, id);
}

static void
move_indicator_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TdCampaignsPage *self = TD_CAMPAIGNS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;
  int delta;

  g_variant_get (parameter, "(xi)", &id, &delta);
  if (!td_campaigns_page_move_indicator (self, id, delta, &error))
    td_page_show_error (GTK_WIDGET (self), _("The indicator could not be moved"), error->message);
}

static void
on_delete_indicator_response (AdwMessageDialog *dialog,
                              const char       *response,
                              TdCampaignsPage  *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "indicator-id"));
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "delete") && !td_campaigns_page_delete_indicator (self, id, TRUE, &error))
    td_page_show_error (GTK_WIDGET (self), _("The indicator could not be removed"), error->message);
}

/* Refused when statistics were typed for it, unless the user confirms. */
static void
delete_indicator_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TdCampaignsPage *self = TD_CAMPAIGNS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);
  GtkWidget *dialog;

  if (td_campaigns_page_delete_indicator (self, id, FALSE, &error))
    return;
  if (!g_error_matches (error, TD_FIELD_ERROR, TD_FIELD_ERROR_IN_USE))
    {
      td_page_show_error (GTK_WIDGET (self), _("The indicator could not be removed"), error->message);
      return;
    }
  dialog = adw_message_dialog_new (td_page_get_window (GTK_WIDGET (self)), _("Remove the Indicator and Its Statistics?"),
                                   error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Remove All"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "indicator-id", GSIZE_TO_POINTER (id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_indicator_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_weak_pointer (&self->last_toast);
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

  gtk_widget_class_install_action (widget_class, "campaigns.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "campaigns.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "campaigns.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "campaigns.add-indicator", NULL, add_indicator_action);
  gtk_widget_class_install_action (widget_class, "campaigns.edit-indicator", "x", edit_indicator_action);
  gtk_widget_class_install_action (widget_class, "campaigns.move-indicator", "(xi)", move_indicator_action);
  gtk_widget_class_install_action (widget_class, "campaigns.delete-indicator", "x", delete_indicator_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "campaigns.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "campaigns.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "campaigns.add-indicator", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
td_campaigns_page_init (TdCampaignsPage *self)
{
  self->detail_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  reload_keeping (self, 0);
}

void
td_campaigns_page_set_database (TdCampaignsPage *self,
                                TdDatabase      *database)
{
  gint64 keep;

  g_return_if_fail (TD_IS_CAMPAIGNS_PAGE (self));

  /* The same file shown again (after an undo): the same campaign stays. */
  keep = database == self->database ? self->campaign_id : 0;
  g_set_object (&self->database, database);
  reload_keeping (self, keep);
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
  return self->indicators != NULL ? self->indicators->len : 0;
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

/* The campaign shown, 0 when none. */
gint64
td_campaigns_page_get_campaign_id (TdCampaignsPage *self)
{
  g_return_val_if_fail (TD_IS_CAMPAIGNS_PAGE (self), 0);
  return self->campaign_id;
}

/* A new campaign (@new) or the one shown, in its dialog. */
TdCampaignDialog *
td_campaigns_page_edit_campaign (TdCampaignsPage *self,
                                 gboolean         new)
{
  TdCampaignDialog *dialog;

  g_return_val_if_fail (TD_IS_CAMPAIGNS_PAGE (self), NULL);

  if (self->database == NULL || (!new && self->campaign_id == 0))
    return NULL;
  dialog = td_campaign_dialog_new (td_page_get_window (GTK_WIDGET (self)), self->database, new ? 0 : self->campaign_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_campaign_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* The campaign shown, one step of Undo, said in a toast.  Without @force,
 * refused when statistics were typed for its indicators. */
gboolean
td_campaigns_page_delete_campaign (TdCampaignsPage  *self,
                                   gboolean          force,
                                   GError          **error)
{
  g_autoptr(TdCampaign) campaign = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (TD_IS_CAMPAIGNS_PAGE (self), FALSE);

  campaign = td_campaign_store_get (self->database, self->campaign_id, error);
  if (campaign == NULL || !td_campaign_store_delete (self->database, campaign->id, force, error))
    return FALSE;
  reload_keeping (self, 0);
  /* Translators: a toast, «Deleted the campaign “Biên giới”», with Undo. */
  text = g_strdup_printf (_("Deleted the campaign “%s”"),
                          campaign->short_title ? campaign->short_title : campaign->title);
  toast (self, text);
  return TRUE;
}

/* At the end of the indicators of the campaign shown. */
gboolean
td_campaigns_page_add_indicator (TdCampaignsPage  *self,
                                 const char       *name,
                                 const char       *measure,
                                 GError          **error)
{
  g_autoptr(TdIndicator) indicator = td_indicator_new ();
  g_autofree char *stripped = td_preferences_strip_text (measure);

  g_return_val_if_fail (TD_IS_CAMPAIGNS_PAGE (self), FALSE);
  g_return_val_if_fail (self->campaign_id > 0, FALSE);

  indicator->campaign_id = self->campaign_id;
  indicator->name = g_strdup (name);
  indicator->measure = *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
  if (!td_campaign_store_insert_indicator (self->database, indicator, error))
    return FALSE;
  reload_keeping (self, self->campaign_id);
  return TRUE;
}

gboolean
td_campaigns_page_update_indicator (TdCampaignsPage  *self,
                                    gint64            indicator_id,
                                    const char       *name,
                                    const char       *measure,
                                    GError          **error)
{
  g_autoptr(TdIndicator) indicator = NULL;
  g_autofree char *stripped = td_preferences_strip_text (measure);

  g_return_val_if_fail (TD_IS_CAMPAIGNS_PAGE (self), FALSE);

  indicator = td_campaign_store_get_indicator (self->database, indicator_id, error);
  if (indicator == NULL)
    return FALSE;
  g_free (indicator->name);
  indicator->name = g_strdup (name);
  g_free (indicator->measure);
  indicator->measure = *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
  if (!td_campaign_store_update_indicator (self->database, indicator, error))
    return FALSE;
  reload_keeping (self, self->campaign_id);
  return TRUE;
}

/* One place up (@delta -1) or down (+1).  The indicators are numbered
 * again in one transaction, so the move is one step of Undo. */
gboolean
td_campaigns_page_move_indicator (TdCampaignsPage  *self,
                                  gint64            indicator_id,
                                  int               delta,
                                  GError          **error)
{
  g_autoptr(GPtrArray) order = NULL;
  guint position = 0;
  gboolean written = TRUE;

  g_return_val_if_fail (TD_IS_CAMPAIGNS_PAGE (self), FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);

  if (find_indicator (self, indicator_id, &position) == NULL)
    return TRUE;
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= self->indicators->len))
    return TRUE;

  /* Borrowed pointers: the page's list keeps owning the indicators. */
  order = g_ptr_array_sized_new (self->indicators->len);
  for (guint i = 0; i < self->indicators->len; i++)
    g_ptr_array_add (order, g_ptr_array_index (self->indicators, i));
  g_ptr_array_index (order, position) = g_ptr_array_index (self->indicators, position + delta);
  g_ptr_array_index (order, position + delta) = g_ptr_array_index (self->indicators, position);
  if (!td_database_begin (self->database, error))
    return FALSE;
  for (guint i = 0; written && i < order->len; i++)
    {
      TdIndicator *indicator = g_ptr_array_index (order, i);

      if (indicator->sort_order == (int) i + 1)
        continue;
      indicator->sort_order = (int) i + 1;
      written = td_campaign_store_update_indicator (self->database, indicator, error);
    }
  if (!td_preferences_end_change (self->database, written, FALSE, NULL, error))
    {
      reload_keeping (self, self->campaign_id);
      return FALSE;
    }
  reload_keeping (self, self->campaign_id);
  return TRUE;
}

/* Without @force, refused when statistics were typed for it. */
gboolean
td_campaigns_page_delete_indicator (TdCampaignsPage  *self,
                                    gint64            indicator_id,
                                    gboolean          force,
                                    GError          **error)
{
  g_autoptr(TdIndicator) indicator = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (TD_IS_CAMPAIGNS_PAGE (self), FALSE);

  indicator = td_campaign_store_get_indicator (self->database, indicator_id, error);
  if (indicator == NULL || !td_campaign_store_delete_indicator (self->database, indicator_id, force, error))
    return FALSE;
  reload_keeping (self, self->campaign_id);
  /* Translators: a toast, «Removed the indicator “Buổi tuyên truyền”», with Undo. */
  text = g_strdup_printf (_("Removed the indicator “%s”"), indicator->name);
  toast (self, text);
  return TRUE;
}

/* For tests: the dialog of a new indicator (@indicator_id 0) or of one. */
AdwMessageDialog *
td_campaigns_page_edit_indicator (TdCampaignsPage *self,
                                  gint64           indicator_id)
{
  g_return_val_if_fail (TD_IS_CAMPAIGNS_PAGE (self), NULL);

  if (self->campaign_id == 0 || (indicator_id > 0 && find_indicator (self, indicator_id, NULL) == NULL))
    return NULL;
  return edit_indicator (self, indicator_id);
}
