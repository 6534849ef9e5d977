#define G_LOG_DOMAIN "td-backup-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "td-backup-dialog.h"
#include "td-backup.h"

/* The path of the backup chosen, on the dialog. */
#define CHOSEN_KEY "td-chosen-backup"

static void
on_backup_toggled (GtkCheckButton   *check,
                   AdwMessageDialog *dialog)
{
  if (!gtk_check_button_get_active (check))
    return;
  g_object_set_data_full (G_OBJECT (dialog), CHOSEN_KEY,
                          g_strdup (g_object_get_data (G_OBJECT (check), "td-path")), g_free);
  adw_message_dialog_set_response_enabled (dialog, "restore", TRUE);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  const char *action = g_object_get_data (G_OBJECT (dialog), "td-action");
  const char *path = g_object_get_data (G_OBJECT (dialog), CHOSEN_KEY);

  if (g_str_equal (response, "restore") && path != NULL && parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), action, "s", path);
}

static char *
format_minute (const TdBackupInfo *info)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (info->time);

  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

/* «14/03/2025 10:22»; with the seconds when a neighbour was made in the
 * same minute, so that no two rows read alike. */
static char *
describe_time (GPtrArray *backups,
               guint      index)
{
  const TdBackupInfo *info = g_ptr_array_index (backups, index);
  g_autofree char *minute = format_minute (info);

  for (guint i = index > 0 ? index - 1 : 0; i <= index + 1 && i < backups->len; i++)
    {
      g_autofree char *other = i != index ? format_minute (g_ptr_array_index (backups, i)) : NULL;

      if (other != NULL && g_str_equal (other, minute))
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (info->time);

          return g_date_time_format (local, "%d/%m/%Y %H:%M:%S");
        }
    }
  return g_steal_pointer (&minute);
}

static GtkWidget *
new_backup_row (GPtrArray      *backups,
                guint           index,
                GtkCheckButton *group)
{
  const TdBackupInfo *info = g_ptr_array_index (backups, index);
  g_autofree char *when = describe_time (backups, index);
  g_autofree char *size = g_format_size (info->size);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);
  {
    g_autofree char *display = g_filename_display_name (info->path);

    gtk_widget_set_tooltip_text (row, display);
  }
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  g_object_set_data_full (G_OBJECT (check), "td-path", g_strdup (info->path), g_free);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

AdwMessageDialog *
td_backup_dialog_new (GtkWindow   *parent,
                      const char  *db_path,
                      const char  *action,
                      GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *scrolled;
  GtkCheckButton *group = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (db_path != NULL && action != NULL, NULL);

  backups = td_backup_list (db_path, error);
  if (backups == NULL)
    return NULL;

  dialog = adw_message_dialog_new (parent, _("Restore a Backup?"),
                                   _("The file goes back to the state of the backup chosen. Its present state is backed up first, so this too can be undone by restoring that backup."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "restore", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "td-action", g_strdup (action), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);

  if (backups->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("There is no backup of this file yet."));

      gtk_widget_add_css_class (label, "dim-label");
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
      return ADW_MESSAGE_DIALOG (dialog);
    }

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < backups->len; i++)
    {
      GtkWidget *row = new_backup_row (backups, i, group);
      GtkCheckButton *check = GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));

      if (group == NULL)
        group = check;
      g_signal_connect (check, "toggled", G_CALLBACK (on_backup_toggled), dialog);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  return ADW_MESSAGE_DIALOG (dialog);
}
