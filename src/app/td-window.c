#define G_LOG_DOMAIN "td-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "td-award-list.h"
#include "td-awards-page.h"
#include "td-campaigns-page.h"
#include "td-directory-page.h"
#include "td-file-banner.h"
#include "td-foreign-strings.h"
#include "td-import-file.h"
#include "td-import-window.h"
#include "td-preferences-window.h"
#include "td-search-window.h"
#include "td-decision-store.h"
#include "td-page-util.h"
#include "td-person-store.h"
#include "td-sample.h"
#include "td-statistics-page.h"
#include "td-summary.h"
#include "td-undo.h"
#include "td-window.h"
#include "td-window-private.h"

#define MAX_RECENT 8

struct _TdWindow
{
  AdwApplicationWindow  parent_instance;

  TdDatabase           *database;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwWindowTitle       *window_title;
  AdwHeaderBar         *header_bar;
  TdFileBanner         *file_banner;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  GMenu                *recent_section;
  TdCampaignsPage      *campaigns_page;
  TdStatisticsPage     *statistics_page;
  TdAwardsPage         *awards_page;
  TdDirectoryPage      *directory_page;

  GtkNativeDialog      *chooser;
  GtkRevealer          *export_revealer;
  GtkLabel             *export_label;
  GtkProgressBar       *export_progress;
  GCancellable         *export_cancellable;
  char                 *last_export;
};

G_DEFINE_FINAL_TYPE (TdWindow, td_window, ADW_TYPE_APPLICATION_WINDOW)

static GSettings *
get_settings (TdWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return TD_IS_APPLICATION (app) ? td_application_get_settings (TD_APPLICATION (app)) : NULL;
}

static void
show_error (TdWindow   *self,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_recent_menu (TdWindow *self)
{
  GSettings *settings = get_settings (self);
  g_auto(GStrv) recent = settings ? g_settings_get_strv (settings, "recent-files") : NULL;

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; recent != NULL && recent[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (recent[i]);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      /* Menu labels take «_» as a mnemonic: double it in file names. */
      {
        g_auto(GStrv) parts = g_strsplit (base, "_", -1);

        label = g_strjoinv ("__", parts);
      }
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-file", g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_section, item);
    }
}

static void
remember_file (TdWindow   *self,
               const char *path)
{
  GSettings *settings = get_settings (self);
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  if (settings == NULL)
    return;

  recent = g_settings_get_strv (settings, "recent-files");
  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (recent[i], path) && g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-files", (const char * const *) updated);
  g_settings_set_string (settings, "last-file", path);
  update_recent_menu (self);
}

static void
update_title (TdWindow *self)
{
  g_autofree char *base = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *title = NULL;

  if (self->database == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Thi Đua"));
      adw_view_switcher_title_set_title (self->switcher_title, _("Thi Đua"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      adw_window_title_set_title (self->window_title, _("Thi Đua"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }

  base = g_filename_display_basename (td_database_get_path (self->database));
  folder = g_path_get_dirname (td_database_get_path (self->database));
  /* Translators: the window title, «thidua.db — Thi Đua». */
  title = g_strdup_printf (_("%s — Thi Đua"), base);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_title (self->switcher_title, base);
  adw_window_title_set_title (self->window_title, base);
  {
    g_autofree char *display_folder = g_filename_display_name (folder);

    adw_view_switcher_title_set_subtitle (self->switcher_title, display_folder);
    adw_window_title_set_subtitle (self->window_title, display_folder);
  }
}

/* A file opened read-only offers no change (td_page_can_write()). */
static void
update_undo_actions (TdWindow *self)
{
  gboolean writable = td_page_can_write (self->database);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", writable && td_database_can_undo (self->database));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", writable && td_database_can_redo (self->database));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-record", writable);
  td_window_update_safety_actions (self);
}

static void
on_database_changed (TdWindow *self)
{
  update_undo_actions (self);
}

static void
reload_pages (TdWindow *self)
{
  gboolean empty = self->database == NULL || td_database_is_empty (self->database);

  td_campaigns_page_set_database (self->campaigns_page, self->database);
  td_statistics_page_set_database (self->statistics_page, self->database);
  td_awards_page_set_database (self->awards_page, self->database);
  td_directory_page_set_database (self->directory_page, self->database);

  gtk_stack_set_visible_child_name (self->main_stack, empty ? "welcome" : "pages");
  /* The view switcher is of no use on the welcome page; and disabling
   * it breaks its allocation on libadwaita 1.2: show a plain title. */
  adw_header_bar_set_title_widget (self->header_bar,
                                   empty ? GTK_WIDGET (self->window_title)
                                         : GTK_WIDGET (self->switcher_title));
}

static gboolean
open_database (TdWindow             *self,
               const char           *path,
               TdDatabaseOpenFlags   flags,
               GError              **error)
{
  g_autoptr(TdDatabase) database = NULL;

  /* Not in the middle of an import: its rows are still being written. */
  if (self->database != NULL && td_database_in_transaction (self->database))
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_LOCKED,
                   _("An import is being written into the file shown. Open the other file when it is done."));
      return FALSE;
    }

  /* The file shown, writable: its own lock would refuse it a second time. */
  if (self->database != NULL && !td_database_get_read_only (self->database) &&
      (flags & TD_DATABASE_OPEN_READ_ONLY) == 0)
    {
      g_autofree char *open = g_canonicalize_filename (td_database_get_path (self->database), NULL);
      g_autofree char *asked = g_canonicalize_filename (path, NULL);

      if (g_str_equal (open, asked))
        {
          td_window_reload (self);
          return TRUE;
        }
    }

  database = td_database_open (path, flags, error);
  if (database == NULL)
    return FALSE;

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed, self);
  g_set_object (&self->database, database);
  g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, G_CONNECT_SWAPPED);
  remember_file (self, path);
  update_title (self);
  reload_pages (self);
  update_undo_actions (self);
  td_file_banner_set_database (self->file_banner, database, (flags & TD_DATABASE_OPEN_READ_ONLY) != 0);
  return TRUE;
}

/* A file in use by another Thi Đua may be opened read-only instead. */
static void
report_open_error (TdWindow     *self,
                   const char   *path,
                   const GError *error)
{
  if (g_error_matches (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_IN_USE))
    td_window_offer_read_only (self, path, error->message);
  else
    show_error (self, _("The database could not be opened"), error->message);
}

/* Opening a file the core refuses shows its message and keeps the file
 * that was open. */
gboolean
td_window_open_with_flags (TdWindow            *self,
                           const char          *path,
                           TdDatabaseOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TD_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (open_database (self, path, flags, &error))
    return TRUE;
  report_open_error (self, path, error);
  return FALSE;
}

gboolean
td_window_open_path (TdWindow   *self,
                     const char *path,
                     gboolean    create)
{
  return td_window_open_with_flags (self, path, create ? TD_DATABASE_OPEN_CREATE : TD_DATABASE_OPEN_DEFAULT);
}

/* Every page shows the records again (after an undo, a paste…), on the
 * page that was shown. */
void
td_window_reload (TdWindow *self)
{
  g_autofree char *page = NULL;

  g_return_if_fail (TD_IS_WINDOW (self));

  page = g_strdup (adw_view_stack_get_visible_child_name (self->view_stack));
  reload_pages (self);
  if (page != NULL && gtk_stack_get_visible_child_name (self->main_stack) != NULL &&
      g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "pages"))
    adw_view_stack_set_visible_child_name (self->view_stack, page);
  update_undo_actions (self);
}

/* Shows a record found by the search on its page. */
void
td_window_show_record (TdWindow   *self,
                       const char *kind,
                       gint64      ref)
{
  g_return_if_fail (TD_IS_WINDOW (self));

  if (self->database == NULL || !g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "pages"))
    return;
  if (g_str_equal (kind, "person"))
    {
      g_autoptr(TdPerson) person = td_person_store_get (self->database, ref, NULL);

      adw_view_stack_set_visible_child_name (self->view_stack, "directory");
      /* The whole list with the person selected; namesakes stay apart. */
      td_directory_page_set_search (self->directory_page, "");
      if (person != NULL && !td_directory_page_select_person (self->directory_page, ref))
        td_directory_page_set_search (self->directory_page, person->full_name);
    }
  else if (g_str_equal (kind, "unit"))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "directory");
      td_directory_page_select_unit (self->directory_page, ref);
    }
  else if (g_str_equal (kind, "campaign"))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "campaigns");
      td_campaigns_page_select_campaign (self->campaigns_page, ref);
    }
  else if (g_str_equal (kind, "decision"))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "awards");
      td_awards_page_select_decision (self->awards_page, ref);
    }
  else if (g_str_equal (kind, "award"))
    {
      g_autoptr(TdAward) award = td_decision_store_get_award (self->database, ref, NULL);

      adw_view_stack_set_visible_child_name (self->view_stack, "awards");
      if (award != NULL && td_awards_page_select_decision (self->awards_page, award->decision_id))
        td_awards_page_select_line (self->awards_page, ref);
    }
}

static void
on_search_open (TdWindow   *self,
                const char *kind,
                gint64      ref)
{
  td_window_show_record (self, kind, ref);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TdWindow *self = TD_WINDOW (widget);
  TdSearchWindow *search;

  if (self->database == NULL)
    return;
  search = td_search_window_new (GTK_WINDOW (self), self->database);
  g_signal_connect_object (search, "open", G_CALLBACK (on_search_open), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (search));
}

/* Ctrl+N: a new record of the kind the page shows. */
static void
new_record_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  static const struct { const char *page; const char *action; } actions[] = {
    { "campaigns", "campaigns.new" },
    { "awards", "awards.new-decision" },
    { "directory", "directory.add-person" },
  };
  TdWindow *self = TD_WINDOW (widget);
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  if (self->database == NULL || page == NULL ||
      !g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "pages"))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (page, actions[i].page))
      gtk_widget_activate_action (td_window_get_page (self, page), actions[i].action, NULL);
}

/* The preferences of the open file: what they change is shown again. */
static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TdWindow *self = TD_WINDOW (widget);
  TdPreferencesWindow *preferences;

  if (self->database == NULL)
    return;
  preferences = td_preferences_window_new (GTK_WINDOW (self), self->database);
  g_signal_connect_object (preferences, "changed", G_CALLBACK (td_window_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
undo_redo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TdWindow *self = TD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean undo = g_str_equal (action_name, "win.undo");

  if (self->database == NULL)
    return;
  if (!(undo ? td_database_undo (self->database, &error) : td_database_redo (self->database, &error)))
    {
      show_error (self, undo ? _("The change could not be undone") : _("The change could not be redone"),
                  error->message);
      return;
    }
  td_window_reload (self);
}

void
td_window_open_startup_file (TdWindow *self)
{
  GSettings *settings = get_settings (self);
  g_autofree char *last = settings ? g_settings_get_string (settings, "last-file") : NULL;
  g_autofree char *path = NULL;

  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GError) error = NULL;

      if (open_database (self, last, TD_DATABASE_OPEN_DEFAULT, &error))
        return;
      report_open_error (self, last, error);
      /* Its user is asked whether to open it read-only: nothing else meanwhile. */
      if (g_error_matches (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_IN_USE))
        return;
    }

  path = td_database_default_path ();
  {
    g_autofree char *folder = g_path_get_dirname (path);

    g_mkdir_with_parents (folder, 0700);
  }
  td_window_open_path (self, path, TRUE);
}

/* A new file beside the default database, never over an existing one. */
void
td_window_open_sample (TdWindow *self)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = td_database_default_path ();

  folder = g_path_get_dirname (default_path);
  g_mkdir_with_parents (folder, 0700);
  for (int i = 1; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      g_free (path);
      path = i == 1 ? g_build_filename (folder, "du-lieu-mau.db", NULL)
                    : g_strdup_printf ("%s/du-lieu-mau-%d.db", folder, i);
    }

  database = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);
  if (database == NULL || !td_sample_load (database, &error))
    {
      g_clear_object (&database);
      g_unlink (path);
      show_error (self, _("The sample data could not be created"), error->message);
      return;
    }
  g_clear_object (&database);
  td_window_open_path (self, path, FALSE);
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  TdWindow *self = user_data;
  gboolean create = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "create"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), create ? "win.create-file" : "win.open-file",
                                    "s", path);
    }
  g_clear_object (&self->chooser);
}

static void
run_chooser (TdWindow  *self,
             gboolean   create)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (create ? _("New Database") : _("Open Database"),
                                         GTK_WINDOW (self),
                                         create ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         create ? _("_Create") : _("_Open"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Thi Đua databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("awards.db"));

  g_object_set_data (G_OBJECT (chooser), "create", GINT_TO_POINTER (create));
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  run_chooser (TD_WINDOW (widget), FALSE);
}

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  run_chooser (TD_WINDOW (widget), TRUE);
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  td_window_open_path (TD_WINDOW (widget), g_variant_get_string (parameter, NULL), FALSE);
}

/* A new database never replaces a file, whatever the chooser asked:
 * records are not thrown away by a slip of the mouse. */
static void
create_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TdWindow *self = TD_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      show_error (self, _("The database could not be created"),
                  _("A file with this name already exists and was left as it is. Choose another name, or open that file with “Open Database…”."));
      return;
    }
  td_window_open_path (self, path, TRUE);
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  td_window_open_sample (TD_WINDOW (widget));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TdWindow *self = TD_WINDOW (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "pages"))
    adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

/* An export: the document read from the database in the main thread
 * (a TdAwardList or a TdSummary), written in a thread. */
typedef struct
{
  TdWindow    *window;
  TdAwardList *list;
  TdSummary   *summary;
  char        *path;
  double       fraction;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->window);
  g_clear_pointer (&job->list, td_award_list_free);
  g_clear_pointer (&job->summary, td_summary_free);
  g_free (job->path);
  g_free (job);
}

static void
show_export_progress (TdWindow *self,
                      double    fraction)
{
  gtk_revealer_set_reveal_child (self->export_revealer, fraction >= 0);
  gtk_progress_bar_set_fraction (self->export_progress, CLAMP (fraction, 0, 1));
}

static gboolean
show_progress_idle (gpointer data)
{
  ExportJob *job = data;

  if (job->window->export_cancellable != NULL)
    show_export_progress (job->window, job->fraction);
  export_job_free (job);
  return G_SOURCE_REMOVE;
}

/* Called from the export thread: hand the figure to the main loop. */
static void
on_export_progress (double   fraction,
                    gpointer user_data)
{
  ExportJob *job = user_data;
  ExportJob *copy = g_new0 (ExportJob, 1);

  copy->window = g_object_ref (job->window);
  copy->fraction = fraction;
  g_idle_add (show_progress_idle, copy);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  if (job->list != NULL)
    ok = td_award_list_write (job->list, job->path, cancellable, on_export_progress, job, &error);
  else
    ok = td_summary_write (job->summary, job->path, cancellable, on_export_progress, job, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_export_finished (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  TdWindow *self = TD_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  g_clear_object (&self->export_cancellable);
  show_export_progress (self, -1);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("The export was cancelled")));
      else
        show_error (self, job->list ? _("The list could not be exported") : _("The summary could not be exported"),
                    error->message);
      return;
    }

  g_free (self->last_export);
  self->last_export = g_strdup (job->path);
  {
    g_autofree char *base = g_filename_display_basename (job->path);
    /* Translators: a toast after an export, «Saved Award list 125-QĐ-UBND.xlsx». */
    g_autofree char *title = g_strdup_printf (_("Saved %s"), base);

    toast = adw_toast_new (title);
  }
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-external");
  adw_toast_set_action_target_value (toast, g_variant_new_string (job->path));
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
start_export (TdWindow  *self,
              ExportJob *job)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *base = g_filename_display_basename (job->path);
  /* Translators: shown while an export runs, «Exporting Award list….xlsx…». */
  g_autofree char *label = g_strdup_printf (_("Exporting %s…"), base);

  job->window = g_object_ref (self);
  gtk_label_set_text (self->export_label, label);
  self->export_cancellable = g_cancellable_new ();
  show_export_progress (self, 0);
  task = g_task_new (self, self->export_cancellable, on_export_finished, NULL);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* The document is read here; only the writing runs in the thread, which
 * never touches the database. */
static void
export_award_list_to (TdWindow   *self,
                      const char *path)
{
  TdAwardListOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  ExportJob *job = g_new0 (ExportJob, 1);

  options.decision_id = td_awards_page_get_decision_id (self->awards_page);
  job->list = td_award_list_load (self->database, &options, &error);
  if (job->list == NULL)
    {
      export_job_free (job);
      show_error (self, _("The list could not be exported"), error->message);
      return;
    }
  job->path = g_strdup (path);
  start_export (self, job);
}

static void
export_summary_to (TdWindow   *self,
                   const char *path)
{
  TdSummaryOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  ExportJob *job = g_new0 (ExportJob, 1);

  options.campaign_id = td_statistics_page_get_campaign_id (self->statistics_page);
  options.year = td_statistics_page_get_year (self->statistics_page);
  job->summary = td_summary_load (self->database, &options, &error);
  if (job->summary == NULL)
    {
      export_job_free (job);
      show_error (self, _("The summary could not be exported"), error->message);
      return;
    }
  job->path = g_strdup (path);
  start_export (self, job);
}

static void
on_export_chooser_response (GtkNativeDialog *dialog,
                            int              response,
                            gpointer         user_data)
{
  TdWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self),
                                    g_object_get_data (G_OBJECT (dialog), "td-action"), "s", path);
    }
  g_clear_object (&self->chooser);
}

static void
run_export_chooser (TdWindow   *self,
                    const char *title,
                    const char *name,
                    const char *action)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "td-action", (gpointer) action);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chooser_response), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* win.export-award-list(''): asks where; with a path, exports there (the
 * chooser's answer goes through the same action, and so can a test). */
static void
export_award_list_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TdWindow *self = TD_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;

  if (self->database == NULL || self->export_cancellable != NULL)
    return;
  if (td_awards_page_get_decision_id (self->awards_page) <= 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Choose a decision on the Awards page first")));
      return;
    }
  if (*path != '\0')
    {
      export_award_list_to (self, path);
      return;
    }

  name = td_awards_page_get_export_name (self->awards_page);
  run_export_chooser (self, _("Export the Award List"), name, "win.export-award-list");
}

/* win.export-summary(''): the campaign and year shown on the Statistics
 * page; with a path, exports there. */
static void
export_summary_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TdWindow *self = TD_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  int year = td_statistics_page_get_year (self->statistics_page);
  g_autofree char *name = NULL;

  if (self->database == NULL || self->export_cancellable != NULL)
    return;
  if (td_statistics_page_get_campaign_id (self->statistics_page) <= 0 || year <= 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Choose a campaign and a year on the Statistics page first")));
      return;
    }
  if (*path != '\0')
    {
      export_summary_to (self, path);
      return;
    }

  /* Translators: the suggested file name of a year-end summary. */
  name = g_strdup_printf (_("Summary %d.xlsx"), year);
  run_export_chooser (self, _("Export the Year-End Summary"), name, "win.export-summary");
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TdWindow *self = TD_WINDOW (widget);

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

static void
on_imported (TdWindow *self,
             guint     added,
             guint     updated)
{
  guint n = added + updated;
  g_autofree char *text = NULL;
  AdwToast *toast;

  td_window_reload (self);
  if (n == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Nothing was imported")));
      return;
    }
  /* Translators: a toast after an import; the whole import is undone at once. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u record", "Imported %u records", n), n);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* win.import(''): asks for the file; with a path, the import assistant on
 * it, for the kind of records of the page shown. */
static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TdWindow *self = TD_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  const char *page = td_window_get_visible_page (self);
  TdImportKind kind = TD_IMPORT_PEOPLE;
  gint64 decision_id = 0, campaign_id = 0;
  int year = td_statistics_page_get_year (self->statistics_page);
  TdImportWindow *assistant;

  if (self->database == NULL)
    return;
  if (*path == '\0')
    {
      td_import_choose_file (GTK_WINDOW (self), widget, "win.import");
      return;
    }
  /* An empty file has no units yet: they come first. */
  if (g_str_equal (page, "welcome"))
    kind = TD_IMPORT_UNITS;
  else if (g_str_equal (page, "awards"))
    {
      kind = TD_IMPORT_AWARDS;
      decision_id = td_awards_page_get_decision_id (self->awards_page);
    }
  else if (g_str_equal (page, "statistics") || g_str_equal (page, "campaigns"))
    {
      kind = TD_IMPORT_STATS;
      campaign_id = g_str_equal (page, "campaigns") ? td_campaigns_page_get_campaign_id (self->campaigns_page)
                                                    : td_statistics_page_get_campaign_id (self->statistics_page);
    }
  assistant = td_import_window_new (GTK_WINDOW (self), self->database, path, kind, decision_id, campaign_id, year);
  g_signal_connect_object (assistant, "imported", G_CALLBACK (on_imported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (assistant));
}

/* No GtkFileLauncher before GTK 4.10: the default application by URI. */
static void
open_external_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TdWindow *self = TD_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    show_error (self, _("The file could not be opened"), error->message);
}

static gboolean
td_window_close_request (GtkWindow *window)
{
  TdWindow *self = TD_WINDOW (window);
  GSettings *settings = get_settings (self);

  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (td_window_parent_class)->close_request (window);
}

static void
td_window_dispose (GObject *object)
{
  TdWindow *self = TD_WINDOW (object);

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_pointer (&self->last_export, g_free);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_WINDOW);
  g_clear_object (&self->switcher_title);
  g_clear_object (&self->window_title);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (td_window_parent_class)->dispose (object);
}

static void
td_window_class_init (TdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = td_window_dispose;
  window_class->close_request = td_window_close_request;

  g_type_ensure (TD_TYPE_CAMPAIGNS_PAGE);
  g_type_ensure (TD_TYPE_STATISTICS_PAGE);
  g_type_ensure (TD_TYPE_AWARDS_PAGE);
  g_type_ensure (TD_TYPE_DIRECTORY_PAGE);
  g_type_ensure (TD_TYPE_FILE_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/td-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, file_banner);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, campaigns_page);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, statistics_page);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, awards_page);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, directory_page);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, export_label);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, export_progress);

  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);
  gtk_widget_class_install_action (widget_class, "win.create-file", "s", create_file_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.new-record", NULL, new_record_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.export-award-list", "s", export_award_list_action);
  gtk_widget_class_install_action (widget_class, "win.export-summary", "s", export_summary_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (widget_class, "win.open-external", "s", open_external_action);
  gtk_widget_class_install_action (widget_class, "win.import", "s", import_action);
  td_window_class_add_safety_actions (widget_class);
}

static void
td_window_init (TdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  td_import_add_drop_target (GTK_WIDGET (self), "win.import");

  /* Both titles are swapped in and out of the header bar: keep them. */
  self->switcher_title = g_object_ref (ADW_VIEW_SWITCHER_TITLE (adw_header_bar_get_title_widget (self->header_bar)));
  self->window_title = g_object_ref_sink (ADW_WINDOW_TITLE (adw_window_title_new (_("Thi Đua"), NULL)));
}

TdWindow *
td_window_new (TdApplication *application)
{
  TdWindow *self = g_object_new (TD_TYPE_WINDOW, "application", application, NULL);
  GSettings *settings = get_settings (self);
  static const char *import_accels[] = { "<Control>i", NULL };

  if (application != NULL)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.import('')", import_accels);
  td_window_add_safety_accels (self);

  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  update_recent_menu (self);
  update_title (self);
  update_undo_actions (self);
  {
    GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));

    if (overlay != NULL)
      {
        gtk_window_set_title (GTK_WINDOW (overlay), _("Keyboard Shortcuts"));
        td_translate_foreign_strings (GTK_WIDGET (overlay));
      }
  }
  return self;
}

TdDatabase *
td_window_get_database (TdWindow *self)
{
  g_return_val_if_fail (TD_IS_WINDOW (self), NULL);
  return self->database;
}

GtkWidget *
td_window_get_page (TdWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (TD_IS_WINDOW (self), NULL);

  if (g_str_equal (name, "welcome"))
    return gtk_stack_get_child_by_name (self->main_stack, "welcome");
  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

/* «welcome» or the name of the page shown. */
const char *
td_window_get_visible_page (TdWindow *self)
{
  g_return_val_if_fail (TD_IS_WINDOW (self), NULL);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "welcome"))
    return "welcome";
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
td_window_add_toast (TdWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (TD_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The file the last export wrote, or NULL. */
const char *
td_window_get_last_export (TdWindow *self)
{
  g_return_val_if_fail (TD_IS_WINDOW (self), NULL);
  return self->last_export;
}
