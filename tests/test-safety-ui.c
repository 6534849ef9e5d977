#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "td-application.h"
#include "td-backup.h"
#include "td-directory-page.h"
#include "td-file-banner.h"
#include "td-history-window.h"
#include "td-person-dialog.h"
#include "td-person-store.h"
#include "td-preferences-window.h"
#include "td-sample.h"
#include "td-test-util.h"
#include "td-undo.h"
#include "td-ui-test-util.h"
#include "td-window.h"

/* The window's side of «nothing lost»: backups made and restored, a file
 * opened read-only (asked for, or because it cannot be written, or in use
 * in another Thi Đua), a file in a network folder, a record's history. */

static TdApplication *app;

/* A sample database of its own, closed again. */
static char *
new_sample (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = td_test_tmp_path (name);
  g_autoptr(TdDatabase) db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  td_sample_load (db, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static TdWindow *
new_window (void)
{
  TdWindow *window = td_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Opens @path under THIDUA_SIMULATE=@simulate (NOTES.md «Failing
 * safely»: a test running as root cannot make a file unwritable). */
static TdWindow *
open_window (const char *path,
             const char *simulate)
{
  TdWindow *window = new_window ();

  if (simulate != NULL)
    g_setenv ("THIDUA_SIMULATE", simulate, TRUE);
  g_assert_true (td_window_open_path (window, path, FALSE));
  g_unsetenv ("THIDUA_SIMULATE");
  td_ui_settle ();
  return window;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The button of @root bound to @action. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *action)
{
  if (GTK_IS_ACTIONABLE (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Every widget of @type with @css_class under @root. */
static void
collect_with_class (GtkWidget  *root,
                    GType       type,
                    const char *css_class,
                    GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_has_css_class (root, css_class))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_with_class (child, type, css_class, found);
}

/* Whether some label under @root reads @text. */
static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static TdFileBanner *
banner_of (TdWindow *window)
{
  GtkWidget *banner = find_widget (GTK_WIDGET (window), TD_TYPE_FILE_BANNER);

  g_assert_nonnull (banner);
  return TD_FILE_BANNER (banner);
}

static GPtrArray *
list_backups (const char *path)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *backups = td_backup_list (path, &error);

  g_assert_no_error (error);
  return backups;
}

/* The backup in @after that is not in @before. */
static char *
new_backup (GPtrArray *before,
            GPtrArray *after)
{
  for (guint i = 0; i < after->len; i++)
    {
      const TdBackupInfo *info = g_ptr_array_index (after, i);
      gboolean known = FALSE;

      for (guint j = 0; j < before->len; j++)
        known = known || g_str_equal (info->path, ((TdBackupInfo *) g_ptr_array_index (before, j))->path);
      if (!known)
        return g_strdup (info->path);
    }
  return NULL;
}

static gboolean
gone (gpointer data)
{
  return td_ui_find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

static void
test_backup_and_restore (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_sample ("restore.db");
  TdWindow *window = open_window (path, NULL);
  TdDatabase *db = td_window_get_database (window);
  TdDirectoryPage *page = TD_DIRECTORY_PAGE (td_window_get_page (window, "directory"));
  g_autoptr(GPtrArray) before = list_backups (path);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  g_autoptr(TdPerson) person = td_person_new ();
  g_autofree char *backup = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *check = NULL;
  guint shown;

  /* «Back up now»: one more backup of this file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.backup-now", NULL));
  after = list_backups (path);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  backup = new_backup (before, after);
  g_assert_nonnull (backup);

  /* A change after it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "directory"));
  shown = g_list_model_get_n_items (td_directory_page_get_people (page));
  person->full_name = g_strdup ("Người Sau Sao Lưu");
  person->unit_id = 7;
  g_assert_true (td_person_store_insert (db, person, &error));
  g_assert_no_error (error);
  td_window_reload (window);
  g_assert_cmpuint (g_list_model_get_n_items (td_directory_page_get_people (page)), ==, shown + 1);

  /* The dialog lists every backup, newest first; Restore waits for a choice. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore", NULL));
  dialog = ADW_MESSAGE_DIALOG (td_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "restore"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "restore"), ==, ADW_RESPONSE_DESTRUCTIVE);
  {
    GtkWidget *list = find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX);
    guint rows = 0;

    g_assert_nonnull (list);
    for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
      {
        GtkWidget *row_check = find_widget (row, GTK_TYPE_CHECK_BUTTON);

        if (g_strcmp0 (g_object_get_data (G_OBJECT (row_check), "td-path"), backup) == 0)
          check = row_check;
        rows++;
      }
    g_assert_cmpuint (rows, ==, after->len);
  }
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "restore"));
  td_ui_save_screenshot (GTK_WIDGET (dialog), "restore-dialog.png");
  td_ui_assert_translated (GTK_WIDGET (dialog), "restore dialog");

  /* Its answer goes through win.restore-from: the person is gone, the
   * pages read again, the state before kept as one more backup. */
  adw_message_dialog_response (dialog, "restore");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (td_ui_spin_until (gone, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  {
    TdPerson *lost = td_person_store_get (db, person->id, NULL);

    g_assert_null (lost);
  }
  g_assert_cmpuint (g_list_model_get_n_items (td_directory_page_get_people (page)), ==, shown);
  restored = list_backups (path);
  g_assert_cmpuint (restored->len, ==, after->len + 1);
  /* The undo history was forgotten with the state it belonged to. */
  g_assert_false (td_database_can_undo (db));

  /* The action alone, as a test or the dialog calls it: back again. */
  {
    g_autofree char *before_restore = new_backup (after, restored);
    g_autoptr(TdPerson) back = NULL;

    g_assert_nonnull (before_restore);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-from", "s", before_restore));
    back = td_person_store_get (db, person->id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (back->full_name, ==, "Người Sau Sao Lưu");
    g_assert_cmpuint (g_list_model_get_n_items (td_directory_page_get_people (page)), ==, shown + 1);
  }

  /* How many are kept is a preference of the file. */
  g_assert_cmpuint (td_backup_get_keep (db), ==, TD_BACKUP_KEEP_DEFAULT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  {
    GtkWindow *preferences = td_ui_find_toplevel (TD_TYPE_PREFERENCES_WINDOW);
    GtkWidget *spin = find_widget (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON);

    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "backups");
    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, TD_BACKUP_KEEP_DEFAULT);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 45);
    g_assert_cmpuint (td_backup_get_keep (db), ==, 45);
    td_ui_save_screenshot (GTK_WIDGET (preferences), "preferences-backups.png");
    td_ui_assert_translated (GTK_WIDGET (preferences), "backup preferences");
    gtk_window_destroy (preferences);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_sample ("read-only.db");
  TdWindow *window = open_window (path, "read-only");
  TdDatabase *db = td_window_get_database (window);
  GtkWidget *page = td_window_get_page (window, "directory");
  TdFileBanner *banner = banner_of (window);
  GtkWidget *add;

  g_assert_true (td_database_get_read_only (db));
  g_assert_true (td_file_banner_shows_read_only (banner));
  g_assert_false (td_file_banner_shows_network (banner));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (banner)));

  /* Nothing offers a change: the page's buttons, its shortcuts, Ctrl+N. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "directory"));
  td_ui_settle ();
  add = find_button (page, "directory.add-person");
  g_assert_nonnull (add);
  g_assert_false (gtk_widget_is_sensitive (add));
  g_assert_false (gtk_widget_is_sensitive (find_button (page, "directory.edit-person")));
  g_assert_false (gtk_widget_is_sensitive (find_button (page, "directory.add-unit")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-record", NULL);
  gtk_widget_activate_action (page, "directory.add-person", NULL);
  td_ui_settle ();
  g_assert_null (td_ui_find_toplevel (TD_TYPE_PERSON_DIALOG));
  g_assert_false (gtk_widget_is_sensitive (find_button (td_window_get_page (window, "awards"), "awards.new-decision")));
  g_assert_false (gtk_widget_is_sensitive (find_button (td_window_get_page (window, "campaigns"), "campaigns.new")));
  g_assert_false (gtk_widget_is_sensitive (find_button (td_window_get_page (window, "statistics"), "statistics.paste")));
  {
    g_autoptr(GPtrArray) cells = g_ptr_array_new ();

    collect_with_class (td_window_get_page (window, "statistics"), GTK_TYPE_TEXT, "stat-cell", cells);
    g_assert_cmpuint (cells->len, >, 0);
    for (guint i = 0; i < cells->len; i++)
      g_assert_false (gtk_editable_get_editable (g_ptr_array_index (cells, i)));
  }
  td_ui_save_screenshot (GTK_WIDGET (window), "read-only-banner.png");
  td_ui_assert_translated (GTK_WIDGET (window), "read-only window");

  /* Restoring writes; a backup only reads. */
  {
    g_autoptr(GPtrArray) before = list_backups (path);
    g_autoptr(GPtrArray) after = NULL;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.restore", NULL);
    td_ui_settle ();
    g_assert_null (td_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.backup-now", NULL));
    after = list_backups (path);
    g_assert_cmpuint (after->len, ==, before->len + 1);
  }

  /* The preferences are shown, none can be changed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  {
    GtkWindow *preferences = td_ui_find_toplevel (TD_TYPE_PREFERENCES_WINDOW);
    GtkWidget *spin = find_widget (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON);

    g_assert_nonnull (spin);
    g_assert_false (gtk_widget_is_sensitive (spin));
    gtk_window_destroy (preferences);
  }

  /* A control missed would still write nothing: the store refuses. */
  {
    g_autoptr(TdPerson) person = td_person_new ();

    person->full_name = g_strdup ("Không Được Ghi");
    g_assert_false (td_person_store_insert (db, person, &error));
    g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_READ_ONLY);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_network (void)
{
  g_autofree char *path = new_sample ("network.db");
  TdWindow *window = open_window (path, "network");
  TdFileBanner *banner = banner_of (window);

  g_assert_true (td_database_get_network (td_window_get_database (window)));
  g_assert_true (td_file_banner_shows_network (banner));
  g_assert_false (td_file_banner_shows_read_only (banner));
  /* A warning, not a refusal: the pages stay editable. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "directory"));
  td_ui_settle ();
  g_assert_true (gtk_widget_is_sensitive (find_button (td_window_get_page (window, "directory"), "directory.add-person")));
  td_ui_save_screenshot (GTK_WIDGET (window), "network-banner.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_in_use (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_sample ("in-use.db");
  TdDatabase *other = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);
  TdWindow *window = new_window ();
  AdwMessageDialog *dialog;
  TdFileBanner *banner = banner_of (window);

  /* Another writer holds the file: the window says who and offers to read it. */
  g_assert_no_error (error);
  g_assert_false (td_window_open_path (window, path, FALSE));
  g_assert_null (td_window_get_database (window));
  dialog = ADW_MESSAGE_DIALOG (td_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), g_get_host_name ()));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_true (adw_message_dialog_has_response (dialog, "read-only"));
  td_ui_save_screenshot (GTK_WIDGET (dialog), "in-use-dialog.png");
  td_ui_assert_translated (GTK_WIDGET (dialog), "in-use dialog");

  /* «Open read-only» goes through win.open-read-only. */
  adw_message_dialog_response (dialog, "read-only");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_nonnull (td_window_get_database (window));
  g_assert_true (td_database_get_read_only (td_window_get_database (window)));
  g_assert_true (td_file_banner_shows_read_only (banner));
  td_ui_settle ();
  td_ui_save_screenshot (GTK_WIDGET (window), "in-use-read-only.png");

  /* Once the other has closed it, «Reopen for editing» writes again. */
  g_clear_object (&other);
  {
    GtkWidget *reopen = find_button (GTK_WIDGET (banner), "win.open-file");

    g_assert_nonnull (reopen);
    g_assert_true (gtk_widget_get_visible (reopen));
    g_signal_emit_by_name (reopen, "clicked");
  }
  g_assert_false (td_database_get_read_only (td_window_get_database (window)));
  g_assert_false (td_file_banner_shows_read_only (banner));

  /* The window's own file opened again is the same file, not «in use». */
  g_assert_true (td_window_open_path (window, path, FALSE));
  g_assert_null (td_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
history_shown (gpointer data)
{
  return td_ui_toplevel_shown (GSIZE_TO_POINTER (TD_TYPE_HISTORY_WINDOW));
}

static void
test_history (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_sample ("history.db");
  TdWindow *window = open_window (path, NULL);
  TdDatabase *db = td_window_get_database (window);
  TdDirectoryPage *page = TD_DIRECTORY_PAGE (td_window_get_page (window, "directory"));
  g_autoptr(GPtrArray) people = td_person_store_list (db, NULL, 0, &error);
  g_autoptr(TdPerson) person = NULL;
  g_autofree char *old_year = NULL;
  g_autofree char *new_year = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *added = NULL;
  TdHistoryWindow *history;
  GString *long_note = g_string_new (NULL);

  g_assert_no_error (error);
  person = td_person_store_get (db, ((TdPerson *) g_ptr_array_index (people, 0))->id, &error);
  g_assert_no_error (error);
  old_year = person->birth_year > 0 ? g_strdup_printf ("%d", person->birth_year) : g_strdup (_("(empty)"));
  person->birth_year = person->birth_year == 1975 ? 1976 : 1975;
  new_year = g_strdup_printf ("%d", person->birth_year);
  g_assert_true (td_person_store_update (db, person, &error));
  g_assert_no_error (error);
  /* A 100,000-character note must not blow the window up. */
  while (long_note->len < 100000)
    g_string_append (long_note, "Thành tích xuất sắc trong phong trào thi đua. ");
  g_free (person->note);
  person->note = g_string_free (long_note, FALSE);
  g_assert_true (td_person_store_update (db, person, &error));
  g_assert_no_error (error);
  td_window_reload (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "directory"));
  td_ui_settle ();
  g_assert_true (td_directory_page_select_person (page, person->id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.history", NULL));
  g_assert_true (td_ui_spin_until (history_shown, NULL));
  history = TD_HISTORY_WINDOW (td_ui_find_toplevel (TD_TYPE_HISTORY_WINDOW));

  /* Newest first: the note, the birth year, then the insert of the sample. */
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (history)), person->full_name));
  g_assert_cmpuint (td_history_window_get_n_entries (history), ==, 3);
  changed = g_strdup_printf (_("%s: %s → %s"), _("Birth year"), old_year, new_year);
  added = g_strdup_printf (_("%s: %s"), _("Full name"), person->full_name);
  g_assert_true (has_label (GTK_WIDGET (history), changed));
  g_assert_true (has_label (GTK_WIDGET (history), added));
  g_assert_true (has_label (GTK_WIDGET (history), _("Added")));
  g_assert_true (has_label (GTK_WIDGET (history), _("Edited")));
  {
    GtkListBoxRow *newest = gtk_list_box_get_row_at_index (td_history_window_get_list (history), 0);
    GtkListBoxRow *oldest = gtk_list_box_get_row_at_index (td_history_window_get_list (history), 2);

    g_assert_true (has_label (GTK_WIDGET (newest), _("Edited")));
    g_assert_true (has_label (GTK_WIDGET (oldest), _("Added")));
    td_ui_save_screenshot (GTK_WIDGET (history), "history.png");
    /* The long note takes a few lines, the window keeps its size. */
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (newest)), <, 200);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (history)), <=, 1000);
  }
  td_ui_assert_translated (GTK_WIDGET (history), "history window");

  /* Values made readable: a unit by its name, a gender in words. */
  {
    TdAuditChange unit_change = { (char *) "unit_id", (char *) "7", NULL };
    TdAuditChange gender_change = { (char *) "gender", (char *) "male", (char *) "female" };
    g_autofree char *unit_text = td_history_format_change (db, "people", "delete", &unit_change);
    g_autofree char *gender_text = td_history_format_change (db, "people", "update", &gender_change);
    g_autofree char *gender_expected = g_strdup_printf (_("%s: %s → %s"), _("Gender"), _("Male"), _("Female"));

    g_assert_nonnull (strstr (unit_text, "Hoành Mô"));
    g_assert_cmpstr (gender_text, ==, gender_expected);
  }
  gtk_window_destroy (GTK_WINDOW (history));

  /* The decision shown on the Awards page, the campaign on the Campaigns page. */
  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? "awards" : "campaigns";
      GtkWindow *shown;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name));
      td_ui_settle ();
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.history", NULL));
      g_assert_true (td_ui_spin_until (history_shown, NULL));
      shown = td_ui_find_toplevel (TD_TYPE_HISTORY_WINDOW);
      g_assert_cmpuint (td_history_window_get_n_entries (TD_HISTORY_WINDOW (shown)), >=, 1);
      g_assert_true (has_label (GTK_WIDGET (shown), _("Added")));
      gtk_window_destroy (shown);
      g_assert_true (td_ui_spin_until (gone, GSIZE_TO_POINTER (TD_TYPE_HISTORY_WINDOW)));
    }

  /* Nothing selected on a page without records of its own: a toast, no window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "statistics"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.history", NULL));
  td_ui_settle ();
  g_assert_null (td_ui_find_toplevel (TD_TYPE_HISTORY_WINDOW));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  td_ui_init (&argc, &argv);
  app = td_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/safety-ui/backup-now-then-restore-from-the-dialog", test_backup_and_restore);
  g_test_add_func ("/safety-ui/read-only-file-shows-a-banner-and-offers-no-change", test_read_only);
  g_test_add_func ("/safety-ui/network-folder-shows-a-warning", test_network);
  g_test_add_func ("/safety-ui/file-in-use-opens-read-only-on-request", test_in_use);
  g_test_add_func ("/safety-ui/history-lists-the-changes-of-the-selected-person", test_history);

  status = td_test_run ();
  g_clear_object (&app);
  return status;
}
