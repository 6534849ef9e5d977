#define G_LOG_DOMAIN "td-window"

#include "config.h"

#include <glib/gi18n.h>

#include "td-awards-page.h"
#include "td-backup-dialog.h"
#include "td-backup.h"
#include "td-campaign-store.h"
#include "td-campaigns-page.h"
#include "td-decision-store.h"
#include "td-directory-page.h"
#include "td-history-window.h"
#include "td-page-util.h"
#include "td-person-store.h"
#include "td-unit-store.h"
#include "td-window-private.h"

/* The window's side of «nothing lost»: a file in use opened read-only,
 * backups made and restored, and the history of a record. */

static void
on_read_only_response (AdwMessageDialog *dialog,
                       const char       *response,
                       TdWindow         *self)
{
  if (g_str_equal (response, "read-only"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-read-only", "s",
                                g_object_get_data (G_OBJECT (dialog), "td-path"));
}

/* Another Thi Đua writes to the file: the core says who and since when. */
void
td_window_offer_read_only (TdWindow   *self,
                           const char *path,
                           const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The File Is in Use"), message);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "read-only", _("Open _Read-Only"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "read-only", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "read-only");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "td-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_read_only_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_read_only_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  td_window_open_with_flags (TD_WINDOW (widget), g_variant_get_string (parameter, NULL),
                             TD_DATABASE_OPEN_READ_ONLY);
}

static void
backup_now_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TdWindow *self = TD_WINDOW (widget);
  TdDatabase *database = td_window_get_database (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;

  if (database == NULL)
    return;
  /* A few tens of milliseconds even for a large file (NOTES.md «SQLite»). */
  if (!td_backup_now (database, &path, &error))
    {
      td_page_show_error (widget, _("The backup could not be made"), error->message);
      return;
    }
  base = g_filename_display_basename (path);
  /* Translators: a toast, «Backed up: thidua-20250314-102205.db». */
  text = g_strdup_printf (_("Backed up: %s"), base);
  td_window_add_toast (self, adw_toast_new (text));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TdWindow *self = TD_WINDOW (widget);
  TdDatabase *database = td_window_get_database (self);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (!td_page_can_write (database))
    return;
  dialog = td_backup_dialog_new (GTK_WINDOW (self), td_database_get_path (database), "win.restore-from", &error);
  if (dialog == NULL)
    {
      td_page_show_error (widget, _("The backups could not be listed"), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* «14/03/2025 10:22», the time of a backup, or its file name. */
static char *
describe_backup (const char *db_path,
                 const char *backup_path)
{
  g_autoptr(GPtrArray) backups = td_backup_list (db_path, NULL);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      const TdBackupInfo *info = g_ptr_array_index (backups, i);

      if (g_str_equal (info->path, backup_path))
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (info->time);

          return g_date_time_format (local, "%d/%m/%Y %H:%M");
        }
    }
  return g_filename_display_basename (backup_path);
}

/* win.restore-from('PATH'): what the dialog's answer activates. */
static void
restore_from_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TdWindow *self = TD_WINDOW (widget);
  TdDatabase *database = td_window_get_database (self);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (!td_page_can_write (database))
    return;
  when = describe_backup (td_database_get_path (database), path);
  if (!td_backup_restore (database, path, &error))
    {
      td_page_show_error (widget, _("The backup could not be restored"), error->message);
      return;
    }
  /* The database's "changed" updates the actions only: the pages read again. */
  td_window_reload (self);
  /* Translators: a toast, «Restored the backup of 14/03/2025 10:22». */
  text = g_strdup_printf (_("Restored the backup of %s"), when);
  td_window_add_toast (self, adw_toast_new (text));
}

typedef struct
{
  const char *table;
  gint64      id;
  char       *name;
} Record;

static void
set_record (Record     *record,
            const char *table,
            gint64      id,
            const char *name)
{
  record->table = table;
  record->id = id;
  record->name = g_strdup (name != NULL ? name : "");
}

/* The record selected on the page shown: a person or else a unit, an
 * award line or else the decision, the campaign. */
static gboolean
selected_record (TdWindow *self,
                 Record   *record)
{
  TdDatabase *database = td_window_get_database (self);
  const char *page = td_window_get_visible_page (self);
  GtkWidget *widget = td_window_get_page (self, page);

  if (g_str_equal (page, "directory"))
    {
      gint64 person_id = td_directory_page_get_selected_person (TD_DIRECTORY_PAGE (widget));
      gint64 unit_id = td_directory_page_get_selected_unit (TD_DIRECTORY_PAGE (widget));
      g_autoptr(TdPerson) person = person_id > 0 ? td_person_store_get (database, person_id, NULL) : NULL;
      g_autoptr(TdUnit) unit = person == NULL && unit_id > 0 ? td_unit_store_get (database, unit_id, NULL) : NULL;

      if (person != NULL)
        set_record (record, "people", person->id, person->full_name);
      else if (unit != NULL)
        set_record (record, "units", unit->id, unit->name);
    }
  else if (g_str_equal (page, "awards"))
    {
      gint64 award_id = td_awards_page_get_selected_line (TD_AWARDS_PAGE (widget));
      gint64 decision_id = td_awards_page_get_decision_id (TD_AWARDS_PAGE (widget));
      g_autoptr(TdAward) award = award_id > 0 ? td_decision_store_get_award (database, award_id, NULL) : NULL;
      g_autoptr(TdDecision) decision = award == NULL && decision_id > 0
                                       ? td_decision_store_get (database, decision_id, NULL) : NULL;

      if (award != NULL)
        set_record (record, "awards", award->id, award->display_name);
      else if (decision != NULL)
        set_record (record, "decisions", decision->id,
                    decision->number != NULL ? decision->number
                    : decision->title != NULL ? decision->title : _("Draft"));
    }
  else if (g_str_equal (page, "campaigns"))
    {
      gint64 campaign_id = td_campaigns_page_get_campaign_id (TD_CAMPAIGNS_PAGE (widget));
      g_autoptr(TdCampaign) campaign = campaign_id > 0 ? td_campaign_store_get (database, campaign_id, NULL) : NULL;

      if (campaign != NULL)
        set_record (record, "campaigns", campaign->id,
                    campaign->short_title != NULL ? campaign->short_title : campaign->title);
    }
  return record->id > 0;
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TdWindow *self = TD_WINDOW (widget);
  TdDatabase *database = td_window_get_database (self);
  g_autoptr(GError) error = NULL;
  Record record = { 0 };
  TdHistoryWindow *history;

  if (database == NULL)
    return;
  if (!selected_record (self, &record))
    {
      td_window_add_toast (self, adw_toast_new (_("Select a person, a unit, an award line, a decision or a campaign first")));
      return;
    }
  history = td_history_window_new (GTK_WINDOW (self), database, record.table, record.id, record.name, &error);
  g_free (record.name);
  if (history == NULL)
    {
      td_page_show_error (widget, _("The history could not be read"), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (history));
}

void
td_window_class_add_safety_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-read-only", "s", open_read_only_action);
  gtk_widget_class_install_action (widget_class, "win.backup-now", NULL, backup_now_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "win.restore-from", "s", restore_from_action);
  gtk_widget_class_install_action (widget_class, "win.history", NULL, history_action);
}

void
td_window_add_safety_accels (TdWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  static const char *history_accels[] = { "<Control>h", NULL };

  if (application != NULL)
    gtk_application_set_accels_for_action (application, "win.history", history_accels);
}

/* A backup may be made of a read-only file; a restore writes to it. */
void
td_window_update_safety_actions (TdWindow *self)
{
  TdDatabase *database = td_window_get_database (self);
  gboolean writable = td_page_can_write (database);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup-now", database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-from", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.history", database != NULL);
}
