#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "td-application.h"
#include "td-awards-page.h"
#include "td-campaign-store.h"
#include "td-campaign-dialog.h"
#include "td-campaigns-page.h"
#include "td-decision-store.h"
#include "td-directory-page.h"
#include "td-locale.h"
#include "td-person-dialog.h"
#include "td-person-store.h"
#include "td-sample.h"
#include "td-search-window.h"
#include "td-statistics-page.h"
#include "td-table.h"
#include "td-test-util.h"
#include "td-text.h"
#include "td-unit-store.h"
#include "td-ui-test-util.h"
#include "td-window.h"

static TdApplication *app;

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static char *
new_sample_file (void)
{
  g_autoptr(GError) error = NULL;
  char *path = td_test_tmp_path ("mau.db");
  g_autoptr(TdDatabase) db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  td_sample_load (db, &error);
  g_assert_no_error (error);
  return path;
}

static TdWindow *
open_window (const char *path)
{
  TdWindow *window = td_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (td_ui_spin_until (is_mapped, window));
  g_assert_true (td_window_open_path (window, path, FALSE));
  td_ui_settle ();
  return window;
}

static void
show_page (TdWindow   *window,
           const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name));
  td_ui_settle ();
  g_assert_cmpstr (td_window_get_visible_page (window), ==, name);
}

static void
test_campaigns (TdWindow   *window,
                TdDatabase *db)
{
  TdCampaignsPage *page = TD_CAMPAIGNS_PAGE (td_window_get_page (window, "campaigns"));
  g_autoptr(GPtrArray) campaigns = td_campaign_store_list (db, NULL, NULL);
  g_autoptr(GPtrArray) indicators = NULL;

  show_page (window, "campaigns");
  g_assert_cmpuint (td_campaigns_page_get_n_campaigns (page), ==, campaigns->len);
  indicators = td_campaign_store_list_indicators (db, ((TdCampaign *) g_ptr_array_index (campaigns, 0))->id, NULL);
  g_assert_cmpuint (td_campaigns_page_get_n_indicators (page), ==, indicators->len);
  td_ui_save_screenshot (GTK_WIDGET (window), "campaigns.png");
  td_ui_assert_translated (GTK_WIDGET (window), "campaigns");
}

typedef struct
{
  TdWindow   *window;
  const char *path;
} ExportWait;

static gboolean
exported_to (gpointer data)
{
  ExportWait *wait = data;

  return g_strcmp0 (td_window_get_last_export (wait->window), wait->path) == 0;
}

static void
test_statistics (TdWindow   *window,
                 TdDatabase *db)
{
  TdStatisticsPage *page = TD_STATISTICS_PAGE (td_window_get_page (window, "statistics"));
  g_autoptr(GPtrArray) campaigns = td_campaign_store_list (db, NULL, NULL);
  TdCampaign *campaign = g_ptr_array_index (campaigns, 0);
  g_autoptr(GPtrArray) indicators = td_campaign_store_list_indicators (db, campaign->id, NULL);
  g_autoptr(GPtrArray) values = td_campaign_store_list_values (db, campaign->id, 2018, NULL);
  g_autoptr(GHashTable) units = g_hash_table_new (g_int64_hash, g_int64_equal);

  show_page (window, "statistics");
  g_assert_true (td_statistics_page_show (page, campaign->id, 2018));
  td_ui_settle ();
  g_assert_cmpint (td_statistics_page_get_year (page), ==, 2018);
  g_assert_cmpuint (td_statistics_page_get_n_indicators (page), ==, indicators->len);
  for (guint i = 0; i < indicators->len; i++)
    {
      TdIndicator *indicator = g_ptr_array_index (indicators, i);

      g_assert_cmpfloat (td_statistics_page_get_total (page, i), ==,
                         td_campaign_store_total (db, indicator->id, 2018, NULL));
    }
  /* Every unit with a value has its row, plus parents and the total. */
  for (guint i = 0; i < values->len; i++)
    g_hash_table_add (units, &((TdIndicatorValue *) g_ptr_array_index (values, i))->unit_id);
  g_assert_cmpuint (g_list_model_get_n_items (td_statistics_page_get_rows (page)), >,
                    g_hash_table_size (units));
  td_ui_save_screenshot (GTK_WIDGET (window), "statistics.png");
  td_ui_assert_translated (GTK_WIDGET (window), "statistics");

  /* «Export the summary…» for the campaign and year shown. */
  {
    g_autofree char *path = td_test_tmp_path ("summary.xlsx");
    g_autofree char *contents = NULL;
    gsize length = 0;
    ExportWait wait = { window, path };

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-summary", "s", path));
    g_assert_true (td_ui_spin_until (exported_to, &wait));
    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 4000);
    g_assert_true (memcmp (contents, "PK", 2) == 0);
  }
}

static void
test_awards (TdWindow   *window,
             TdDatabase *db)
{
  TdAwardsPage *page = TD_AWARDS_PAGE (td_window_get_page (window, "awards"));
  g_autoptr(GPtrArray) decisions = td_decision_store_list (db, NULL, 0, 0, NULL);
  GListModel *rows = td_awards_page_get_rows (page);

  show_page (window, "awards");
  g_assert_cmpuint (td_awards_page_get_n_decisions (page), ==, decisions->len);

  for (guint i = 0; i < decisions->len; i++)
    {
      TdDecision *decision = g_ptr_array_index (decisions, i);
      g_autoptr(GPtrArray) awards = td_decision_store_list_awards (db, decision->id, NULL);
      g_autoptr(TdItem) last = NULL;
      guint lines = 0;

      td_awards_page_select (page, i);
      td_ui_settle ();
      g_assert_cmpint (td_awards_page_get_decision_id (page), ==, decision->id);
      for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
        {
          g_autoptr(TdItem) item = g_list_model_get_item (rows, r);

          if (((TdAwardRow *) td_item_get_record (item))->kind == TD_AWARD_ROW_LINE)
            lines++;
        }
      g_assert_cmpuint (lines, ==, awards->len);
      last = g_list_model_get_item (rows, g_list_model_get_n_items (rows) - 1);
      g_assert_cmpint (((TdAwardRow *) td_item_get_record (last))->kind, ==, TD_AWARD_ROW_TOTAL);
      g_assert_cmpint (((TdAwardRow *) td_item_get_record (last))->amount, ==, decision->total);
      if (decision->number != NULL)
        {
          td_ui_save_screenshot (GTK_WIDGET (window), "awards.png");
          td_ui_assert_translated (GTK_WIDGET (window), "awards");
        }
    }
}

/* «Export the list…» on the issued decision, through the action the file
 * chooser's answer also goes through. */
static void
test_export (TdWindow   *window,
             TdDatabase *db)
{
  TdAwardsPage *page = TD_AWARDS_PAGE (td_window_get_page (window, "awards"));
  g_autoptr(GPtrArray) decisions = td_decision_store_list (db, NULL, 0, 0, NULL);
  g_autofree char *path = td_test_tmp_path ("export.xlsx");
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  for (guint i = 0; i < decisions->len; i++)
    if (((TdDecision *) g_ptr_array_index (decisions, i))->number != NULL)
      td_awards_page_select (page, i);
  td_ui_settle ();
  name = td_awards_page_get_export_name (page);
  g_assert_cmpstr (name, ==, "Danh sách khen thưởng 125-QĐ-UBND.xlsx");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-award-list", "s", path));
  {
    ExportWait wait = { window, path };

    g_assert_true (td_ui_spin_until (exported_to, &wait));
  }
  g_assert_cmpstr (td_window_get_last_export (window), ==, path);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4000);
  g_assert_true (memcmp (contents, "PK", 2) == 0);
  td_ui_settle ();
  td_ui_save_screenshot (GTK_WIDGET (window), "awards-exported.png");
}

static void
test_directory (TdWindow   *window,
                TdDatabase *db)
{
  TdDirectoryPage *page = TD_DIRECTORY_PAGE (td_window_get_page (window, "directory"));
  g_autoptr(GPtrArray) people = td_person_store_list (db, NULL, 0, NULL);
  g_autoptr(GPtrArray) units = td_unit_store_list (db, NULL, FALSE, NULL);
  g_autoptr(GPtrArray) dang = td_person_store_list (db, "dang", 0, NULL);
  GListModel *model = td_directory_page_get_people (page);

  show_page (window, "directory");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, people->len);
  for (guint i = 0; i < people->len; i++)
    {
      g_autoptr(TdItem) item = g_list_model_get_item (model, i);

      g_assert_cmpstr (((TdPerson *) td_item_get_record (item))->full_name, ==,
                       ((TdPerson *) g_ptr_array_index (people, i))->full_name);
    }
  /* The tree opens expanded: every unit has its row, in tree order. */
  g_assert_cmpuint (g_list_model_get_n_items (td_directory_page_get_units (page)), ==, units->len);
  for (guint i = 0; i < units->len; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (td_directory_page_get_units (page), i);
      g_autoptr(TdItem) item = gtk_tree_list_row_get_item (row);
      TdUnit *unit = g_ptr_array_index (units, i);

      g_assert_cmpstr (((TdUnit *) td_item_get_record (item))->name, ==, unit->name);
      g_assert_cmpuint (gtk_tree_list_row_get_depth (row), ==, unit->depth);
    }
  td_ui_save_screenshot (GTK_WIDGET (window), "directory.png");
  td_ui_assert_translated (GTK_WIDGET (window), "directory");

  td_directory_page_set_search (page, "dang");
  td_ui_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (td_directory_page_get_people (page)), ==, dang->len);
  td_directory_page_set_search (page, "");
}

/* The first result row of a kind, or NULL. */
static GtkListBoxRow *
search_result (TdSearchWindow *search,
               const char     *kind)
{
  GtkListBox *results = td_search_window_get_results (search);

  for (int i = 0; gtk_list_box_get_row_at_index (results, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (results, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "kind"), kind) == 0)
        return row;
    }
  return NULL;
}

static TdSearchWindow *
open_search (TdWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_true (td_ui_spin_until (td_ui_toplevel_shown, GSIZE_TO_POINTER (TD_TYPE_SEARCH_WINDOW)));
  return TD_SEARCH_WINDOW (td_ui_find_toplevel (TD_TYPE_SEARCH_WINDOW));
}

static void
test_search (TdWindow   *window,
             TdDatabase *db)
{
  TdDirectoryPage *page = TD_DIRECTORY_PAGE (td_window_get_page (window, "directory"));
  g_autoptr(GPtrArray) units = td_unit_store_list (db, NULL, FALSE, NULL);
  TdUnit *unit = g_ptr_array_index (units, units->len - 1);
  g_autofree char *folded = td_text_fold (unit->name);
  TdSearchWindow *search;
  GtkListBoxRow *row;

  /* Unaccented words find the person; choosing the row shows the person. */
  show_page (window, "campaigns");
  search = open_search (window);
  td_search_window_search (search, "dang minh");
  td_ui_settle ();
  td_ui_save_screenshot (GTK_WIDGET (search), "search.png");
  td_ui_assert_translated (GTK_WIDGET (search), "search");
  row = search_result (search, "person");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Đặng Minh Hiếu");
  g_signal_emit_by_name (td_search_window_get_results (search), "row-activated", row);
  td_ui_settle ();
  g_assert_cmpstr (td_window_get_visible_page (window), ==, "directory");
  g_assert_cmpint (td_directory_page_get_selected_person (page), ==, 1);
  td_directory_page_set_search (page, "");

  /* A unit: its row in the tree is selected. */
  show_page (window, "campaigns");
  search = open_search (window);
  td_search_window_search (search, folded);
  row = search_result (search, "unit");
  g_assert_nonnull (row);
  g_signal_emit_by_name (td_search_window_get_results (search), "row-activated", row);
  td_ui_settle ();
  g_assert_cmpstr (td_window_get_visible_page (window), ==, "directory");
  g_assert_cmpint (td_directory_page_get_selected_unit (page), ==, unit->id);

  /* Nothing found says so; Escape closes the window. */
  search = open_search (window);
  td_search_window_search (search, "khongcogica");
  td_ui_settle ();
  g_assert_null (gtk_list_box_get_row_at_index (td_search_window_get_results (search), 0));
  td_ui_save_screenshot (GTK_WIDGET (search), "search-nothing.png");
  td_ui_assert_translated (GTK_WIDGET (search), "search nothing found");
  gtk_window_close (GTK_WINDOW (search));
  td_ui_settle ();
}

/* Ctrl+N makes a record of the kind the page shows. */
static void
test_new_record (TdWindow *window)
{
  struct { const char *page; GType (*type) (void); } pages[] = {
    { "campaigns", td_campaign_dialog_get_type },
    { "directory", td_person_dialog_get_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWindow *dialog;

      show_page (window, pages[i].page);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-record", NULL));
      g_assert_true (td_ui_spin_until (td_ui_toplevel_shown, GSIZE_TO_POINTER (pages[i].type ())));
      dialog = td_ui_find_toplevel (pages[i].type ());
      gtk_window_destroy (dialog);
      td_ui_settle ();
    }
}

static void
test_sample (void)
{
  g_autofree char *path = new_sample_file ();
  g_autofree char *text_path = td_test_tmp_path ("notes.txt");
  /* The test's own look at the file, beside the window that writes it. */
  g_autoptr(TdDatabase) db = td_database_open (path, TD_DATABASE_OPEN_SHARED, NULL);
  TdWindow *window = open_window (path);
  g_autofree char *base = g_path_get_basename (path);
  GtkWindow *dialog;

  g_assert_cmpstr (td_window_get_visible_page (window), !=, "welcome");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), base));

  test_campaigns (window, db);
  test_statistics (window, db);
  test_awards (window, db);
  test_export (window, db);
  test_directory (window, db);
  test_search (window, db);
  test_new_record (window);

  /* About. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (td_ui_spin_until (td_ui_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW)));
  td_ui_settle ();
  dialog = td_ui_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  td_ui_save_screenshot (GTK_WIDGET (dialog), "about.png");
  td_ui_assert_translated (GTK_WIDGET (dialog), "about");
  gtk_window_destroy (dialog);

  /* Keyboard shortcuts. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (td_ui_spin_until (td_ui_toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW)));
  td_ui_settle ();
  dialog = td_ui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  td_ui_save_screenshot (GTK_WIDGET (dialog), "shortcuts.png");
  td_ui_assert_translated (GTK_WIDGET (dialog), "shortcuts");
  gtk_window_close (dialog);

  /* A bad file: the core's message in a dialog, the sample stays open. */
  g_assert_true (g_file_set_contents (text_path, "Không phải cơ sở dữ liệu\n", -1, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-file", "s", text_path));
  g_assert_true (td_ui_spin_until (td_ui_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  td_ui_settle ();
  dialog = td_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "notes.txt"));
  td_ui_save_screenshot (GTK_WIDGET (dialog), "bad-file.png");
  td_ui_assert_translated (GTK_WIDGET (dialog), "bad-file dialog");
  gtk_window_destroy (dialog);
  g_assert_cmpstr (td_database_get_path (td_window_get_database (window)), ==, path);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_welcome (void)
{
  g_autofree char *path = td_test_tmp_path ("empty.db");
  TdWindow *window;
  g_autoptr(GPtrArray) people = NULL;
  const char *opened;

  {
    g_autoptr(TdDatabase) db = td_database_open (path, TD_DATABASE_OPEN_CREATE, NULL);

    g_assert_nonnull (db);
  }
  window = open_window (path);
  g_assert_cmpstr (td_window_get_visible_page (window), ==, "welcome");
  td_ui_save_screenshot (GTK_WIDGET (window), "welcome.png");
  td_ui_assert_translated (GTK_WIDGET (window), "welcome");

  /* «Open the sample data» makes a new file beside the default database. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  td_ui_settle ();
  opened = td_database_get_path (td_window_get_database (window));
  g_assert_true (g_str_has_suffix (opened, "du-lieu-mau.db"));
  g_assert_cmpstr (td_window_get_visible_page (window), !=, "welcome");
  people = td_person_store_list (td_window_get_database (window), NULL, 0, NULL);
  g_assert_cmpuint (people->len, >=, 12);

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

  g_test_add_func ("/window/sample/every-page-shows-the-records", test_sample);
  g_test_add_func ("/window/empty/welcome-offers-the-sample", test_welcome);

  status = td_test_run ();
  g_clear_object (&app);
  return status;
}
