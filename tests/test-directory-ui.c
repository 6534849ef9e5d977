#include "config.h"

#include <adwaita.h>

#include "td-application.h"
#include "td-directory-page.h"
#include "td-person-store.h"
#include "td-sample.h"
#include "td-table.h"
#include "td-test-util.h"
#include "td-ui-test-util.h"
#include "td-unit-store.h"
#include "td-window.h"

/* The directory kept by hand: people added, edited, deleted and undone;
 * units added, archived, refused when in use or moved under their own. */

static TdApplication *app;

typedef struct
{
  TdWindow        *window;
  TdDirectoryPage *page;
  TdDatabase      *db;      /* the window's */
} Fixture;

static gboolean
has_results (gpointer list)
{
  return gtk_list_box_get_row_at_index (list, 0) != NULL &&
         gtk_widget_get_visible (GTK_WIDGET (list));
}

static gboolean
destroyed (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_destroy (GtkWidget *widget,
            gpointer   data)
{
  *(gboolean *) data = TRUE;
}

static void
fixture_open (Fixture    *f,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = td_test_tmp_path (name);

  {
    g_autoptr(TdDatabase) db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);

    g_assert_no_error (error);
    td_sample_load (db, &error);
    g_assert_no_error (error);
  }
  f->window = td_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (td_window_open_path (f->window, path, FALSE));
  f->db = td_window_get_database (f->window);
  f->page = TD_DIRECTORY_PAGE (td_window_get_page (f->window, "directory"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "directory"));
  td_ui_settle ();
}

/* Types @text in a unit chooser and takes the result titled @pick. */
static void
choose_unit (TdUnitChooser *chooser,
             const char    *text,
             const char    *pick)
{
  GtkListBox *results = td_unit_chooser_get_results (chooser);
  GtkListBoxRow *row = NULL;

  gtk_editable_set_text (td_unit_chooser_get_search (chooser), text);
  g_assert_true (td_ui_spin_until (has_results, results));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (results, i)) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), pick) == 0)
      break;
  g_assert_nonnull (row);
  g_signal_emit_by_name (results, "row-activated", row);
}

static TdPerson *
person_named (TdDatabase *db,
              const char *name)
{
  g_autoptr(GPtrArray) people = td_person_store_list (db, name, 0, NULL);

  g_assert_nonnull (people);
  for (guint i = 0; i < people->len; i++)
    if (g_strcmp0 (((TdPerson *) g_ptr_array_index (people, i))->full_name, name) == 0)
      return g_ptr_array_steal_index (people, i);
  return NULL;
}

static guint
count_people (TdDatabase *db)
{
  g_autoptr(GPtrArray) people = td_person_store_list (db, NULL, 0, NULL);

  return people->len;
}

static gboolean
shows_unit (TdDirectoryPage *page,
            gint64           unit_id)
{
  GListModel *rows = td_directory_page_get_units (page);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(TdItem) item = gtk_tree_list_row_get_item (row);

      if (((TdUnit *) td_item_get_record (item))->id == unit_id)
        return TRUE;
    }
  return FALSE;
}

static void
test_people (void)
{
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  TdPersonDialog *dialog;
  g_autoptr(TdPerson) added = NULL;
  g_autoptr(TdPerson) second = NULL;
  gboolean gone = FALSE;
  guint before;

  fixture_open (&f, "people.db");
  before = count_people (f.db);

  /* Insert's action opens the form; the unit typed without accents. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.page), "directory.add-person", NULL));
  dialog = TD_PERSON_DIALOG (td_ui_find_toplevel (TD_TYPE_PERSON_DIALOG));
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_destroy), &gone);
  td_person_dialog_set_field (dialog, "full_name", "Lò Thị Thử");
  td_person_dialog_set_gender (dialog, TD_GENDER_FEMALE);
  td_person_dialog_set_field (dialog, "birth_year", "1990");
  td_person_dialog_set_field (dialog, "rank", "Đại úy");
  td_person_dialog_set_field (dialog, "position", "Đội trưởng");
  choose_unit (td_person_dialog_get_unit_chooser (dialog), "don bien phong hoanh mo", "Đồn Biên phòng Hoành Mô");
  td_ui_settle ();
  td_ui_save_screenshot (GTK_WIDGET (dialog), "person-dialog.png");
  td_ui_assert_translated (GTK_WIDGET (dialog), "person dialog");

  /* «Add and continue»: written, and the form stays for the next one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "person.save-and-continue", NULL));
  td_ui_settle ();
  g_assert_false (gone);
  added = person_named (f.db, "Lò Thị Thử");
  g_assert_nonnull (added);
  g_assert_cmpint (added->unit_id, ==, 7);
  g_assert_cmpint (added->gender, ==, TD_GENDER_FEMALE);
  g_assert_cmpint (added->birth_year, ==, 1990);
  g_assert_cmpstr (added->rank, ==, "Đại úy");
  g_assert_cmpstr (added->position, ==, "Đội trưởng");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (td_person_dialog_get_field (dialog, "full_name"))), ==, "");
  td_person_dialog_set_field (dialog, "full_name", "Hà Văn Tiếp");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "person.save-and-continue", NULL));
  second = person_named (f.db, "Hà Văn Tiếp");
  g_assert_nonnull (second);
  g_assert_cmpint (second->unit_id, ==, 7);
  g_assert_cmpuint (count_people (f.db), ==, before + 2);

  /* An empty name: shown on the field, nothing written. */
  td_person_dialog_set_field (dialog, "full_name", "   ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "person.save", NULL));
  td_ui_settle ();
  g_assert_false (gone);
  g_assert_true (gtk_widget_has_css_class (td_person_dialog_get_field (dialog, "full_name"), "error"));
  g_assert_cmpuint (count_people (f.db), ==, before + 2);
  td_ui_save_screenshot (GTK_WIDGET (dialog), "person-dialog-error.png");
  td_ui_assert_translated (GTK_WIDGET (dialog), "person dialog with an error");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (td_ui_spin_until (destroyed, &gone));

  /* No unit: shown on the unit, nothing written. */
  dialog = td_person_dialog_new (GTK_WINDOW (f.window), f.db, 0, 0);
  gone = FALSE;
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_destroy), &gone);
  gtk_window_present (GTK_WINDOW (dialog));
  td_person_dialog_set_field (dialog, "full_name", "Người Không Đơn Vị");
  g_assert_false (td_person_dialog_save (dialog, FALSE));
  g_assert_true (gtk_widget_has_css_class (td_person_dialog_get_field (dialog, "unit_id"), "error"));
  g_assert_cmpuint (count_people (f.db), ==, before + 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (td_ui_spin_until (destroyed, &gone));

  /* Edited from the selected row. */
  td_ui_settle ();
  g_assert_true (td_directory_page_select_person (f.page, added->id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.page), "directory.edit-person", NULL));
  dialog = TD_PERSON_DIALOG (td_ui_find_toplevel (TD_TYPE_PERSON_DIALOG));
  g_assert_nonnull (dialog);
  gone = FALSE;
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_destroy), &gone);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (td_person_dialog_get_field (dialog, "full_name"))), ==, "Lò Thị Thử");
  td_person_dialog_set_field (dialog, "position", "Phó Đồn trưởng");
  choose_unit (td_person_dialog_get_unit_chooser (dialog), "ka long", "Đồn Biên phòng Ka Long");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "person.save", NULL));
  g_assert_true (td_ui_spin_until (destroyed, &gone));
  {
    g_autoptr(TdPerson) edited = td_person_store_get (f.db, added->id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (edited->position, ==, "Phó Đồn trưởng");
    g_assert_cmpint (edited->unit_id, ==, 10);
    g_assert_cmpint (edited->birth_year, ==, 1990);
  }
  g_assert_cmpint (td_directory_page_get_selected_person (f.page), ==, added->id);

  /* Deleted with Delete's action, and back with the toast's undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.page), "directory.delete-person", NULL));
  {
    TdPerson *gone_person = td_person_store_get (f.db, added->id, NULL);

    g_assert_null (gone_person);
  }
  g_assert_cmpuint (g_list_model_get_n_items (td_directory_page_get_people (f.page)), ==, before + 1);
  g_assert_null (td_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  td_ui_save_screenshot (GTK_WIDGET (f.window), "directory-person-deleted.png");
  td_ui_assert_translated (GTK_WIDGET (f.window), "directory page after a delete");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  td_ui_settle ();
  {
    g_autoptr(TdPerson) back = td_person_store_get (f.db, added->id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (back->full_name, ==, "Lò Thị Thử");
  }
  gtk_window_destroy (GTK_WINDOW (f.window));
}

/* The unit tree: the page's list view. */
static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A key pressed on @widget, as its key controllers receive it. */
static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      gboolean done = FALSE;

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &done);
      handled |= done;
    }
  td_ui_settle ();
  return handled;
}

static void
test_units (void)
{
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  TdUnitDialog *dialog;
  gboolean gone = FALSE;
  gint64 added;

  fixture_open (&f, "units.db");

  /* A commune under the selected district. */
  g_assert_true (td_directory_page_select_unit (f.page, 12));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.page), "directory.add-unit", NULL));
  dialog = TD_UNIT_DIALOG (td_ui_find_toplevel (TD_TYPE_UNIT_DIALOG));
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_destroy), &gone);
  td_unit_dialog_set_field (dialog, "name", "Xã Lục Hồn");
  td_unit_dialog_set_field (dialog, "short_name", "Lục Hồn");
  td_unit_dialog_set_field (dialog, "kind", "commune");
  td_unit_dialog_set_field (dialog, "sort_order", "4");
  td_ui_save_screenshot (GTK_WIDGET (dialog), "unit-dialog.png");
  td_ui_assert_translated (GTK_WIDGET (dialog), "unit dialog");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "unit.save", NULL));
  g_assert_true (td_ui_spin_until (destroyed, &gone));
  {
    g_autoptr(GPtrArray) found = td_unit_store_find (f.db, "xa luc hon", &error);
    TdUnit *unit;

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    unit = g_ptr_array_index (found, 0);
    g_assert_cmpint (unit->parent_id, ==, 12);
    g_assert_cmpint (unit->sort_order, ==, 4);
    g_assert_cmpstr (unit->kind, ==, "commune");
    g_assert_cmpstr (unit->short_name, ==, "Lục Hồn");
    added = unit->id;
  }
  g_assert_cmpint (td_directory_page_get_selected_unit (f.page), ==, added);

  /* Archived: gone from the tree unless archived units are shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.page), "directory.archive-unit", NULL));
  {
    g_autoptr(TdUnit) unit = td_unit_store_get (f.db, added, NULL);

    g_assert_true (unit->archived);
  }
  g_assert_false (shows_unit (f.page, added));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.page), "directory.show-archived", NULL));
  g_assert_true (shows_unit (f.page, added));
  td_ui_settle ();
  td_ui_save_screenshot (GTK_WIDGET (f.window), "directory-archived.png");
  td_ui_assert_translated (GTK_WIDGET (f.window), "directory page with archived units");
  g_assert_true (td_directory_page_select_unit (f.page, added));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.page), "directory.unarchive-unit", NULL));
  {
    g_autoptr(TdUnit) unit = td_unit_store_get (f.db, added, NULL);

    g_assert_false (unit->archived);
  }

  /* A district in use cannot be deleted: the store says why. */
  g_assert_false (td_directory_page_delete_unit (f.page, 12, &error));
  g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_IN_USE);
  g_clear_error (&error);

  /* Under its own commune: refused on the parent field. */
  dialog = td_directory_page_edit_unit (f.page, 12, 0);
  gone = FALSE;
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_destroy), &gone);
  choose_unit (td_unit_dialog_get_parent_chooser (dialog), "luc hon", "Xã Lục Hồn");
  g_assert_false (td_unit_dialog_save (dialog));
  g_assert_false (gone);
  g_assert_true (gtk_widget_has_css_class (td_unit_dialog_get_field (dialog, "parent_id"), "error"));
  {
    g_autoptr(TdUnit) unit = td_unit_store_get (f.db, 12, NULL);

    g_assert_cmpint (unit->parent_id, ==, 0);
  }
  td_ui_save_screenshot (GTK_WIDGET (dialog), "unit-dialog-error.png");
  td_ui_assert_translated (GTK_WIDGET (dialog), "unit dialog with an error");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (td_ui_spin_until (destroyed, &gone));

  /* Moved under another district. */
  dialog = td_directory_page_edit_unit (f.page, added, 0);
  gone = FALSE;
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_destroy), &gone);
  choose_unit (td_unit_dialog_get_parent_chooser (dialog), "hai ha", "Huyện Hải Hà");
  g_assert_true (td_unit_dialog_save (dialog));
  g_assert_true (td_ui_spin_until (destroyed, &gone));
  {
    g_autoptr(TdUnit) unit = td_unit_store_get (f.db, added, NULL);

    g_assert_cmpint (unit->parent_id, ==, 16);
  }

  /* A unit nothing refers to is deleted, and comes back with undo. */
  g_assert_true (td_directory_page_select_unit (f.page, added));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.page), "directory.delete-unit", NULL));
  g_assert_null (td_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  {
    TdUnit *unit = td_unit_store_get (f.db, added, NULL);

    g_assert_null (unit);
  }
  g_assert_false (shows_unit (f.page, added));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  td_ui_settle ();
  g_assert_true (shows_unit (f.page, added));

  /* In the unit tree, F2 edits the unit selected and Insert adds one. */
  {
    GtkWidget *tree = find_list_view (GTK_WIDGET (f.page));
    guint keys[] = { GDK_KEY_F2, GDK_KEY_Insert };

    g_assert_nonnull (tree);
    g_assert_true (td_directory_page_select_unit (f.page, added));
    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        g_assert_true (press_key (tree, keys[i]));
        dialog = TD_UNIT_DIALOG (td_ui_find_toplevel (TD_TYPE_UNIT_DIALOG));
        g_assert_nonnull (dialog);
        gtk_window_destroy (GTK_WINDOW (dialog));
        td_ui_settle ();
      }
  }
  gtk_window_destroy (GTK_WINDOW (f.window));
}

static GtkColumnView *
find_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return GTK_COLUMN_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkColumnView *found = find_column_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The id and year of birth of the person on row @position. */
static gint64
shown_id (TdDirectoryPage *page,
          guint            position,
          int             *birth_year)
{
  g_autoptr(TdItem) item = g_list_model_get_item (td_directory_page_get_people (page), position);
  TdPerson *person = td_item_get_record (item);

  if (birth_year != NULL)
    *birth_year = person->birth_year;
  return person->id;
}

static guint
index_of (GPtrArray *people,
          gint64     id)
{
  for (guint i = 0; i < people->len; i++)
    if (((TdPerson *) g_ptr_array_index (people, i))->id == id)
      return i;
  g_assert_not_reached ();
}

/* A click on a header sorts by that column (the page's own sort, not a
 * GtkSorter's), keeps the selected person and the filter. */
static void
test_people_sorted (void)
{
  Fixture f = { 0 };
  GtkColumnView *view;
  g_autoptr(GtkColumnViewColumn) born = NULL;
  g_autoptr(GtkColumnViewColumn) name = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  GListModel *people;
  gint64 selected;
  guint n, filtered;

  fixture_open (&f, "sorted.db");
  view = find_column_view (GTK_WIDGET (f.page));
  g_assert_nonnull (view);
  people = td_directory_page_get_people (f.page);
  n = g_list_model_get_n_items (people);
  g_assert_cmpuint (n, >=, 12);
  name = g_list_model_get_item (gtk_column_view_get_columns (view), 0);
  born = g_list_model_get_item (gtk_column_view_get_columns (view), 2);

  g_assert_true (td_directory_page_select_person (f.page, shown_id (f.page, 3, NULL)));
  selected = td_directory_page_get_selected_person (f.page);
  gtk_column_view_sort_by_column (view, born, GTK_SORT_DESCENDING);
  td_ui_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n);
  g_assert_cmpint (td_directory_page_get_selected_person (f.page), ==, selected);
  for (guint i = 1; i < n; i++)
    {
      int before, year;

      shown_id (f.page, i - 1, &before);
      shown_id (f.page, i, &year);
      /* Youngest first, unknown years last. */
      g_assert_true (year == 0 || (before != 0 && before >= year));
    }

  gtk_column_view_sort_by_column (view, born, GTK_SORT_ASCENDING);
  for (guint i = 1; i < n; i++)
    {
      int before, year;

      shown_id (f.page, i - 1, &before);
      shown_id (f.page, i, &year);
      g_assert_true (year == 0 || (before != 0 && before <= year));
    }

  /* Back to names: the store's Vietnamese order. */
  gtk_column_view_sort_by_column (view, name, GTK_SORT_ASCENDING);
  listed = td_person_store_list (f.db, NULL, 0, NULL);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (shown_id (f.page, i, NULL), ==, ((TdPerson *) g_ptr_array_index (listed, i))->id);
  g_assert_cmpint (td_directory_page_get_selected_person (f.page), ==, selected);

  /* Filtered, then sorted the other way: still filtered, names reversed. */
  td_directory_page_set_search (f.page, "thi");
  filtered = g_list_model_get_n_items (people);
  g_assert_cmpuint (filtered, >, 1);
  g_assert_cmpuint (filtered, <, n);
  gtk_column_view_sort_by_column (view, name, GTK_SORT_DESCENDING);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, filtered);
  for (guint i = 1; i < filtered; i++)
    g_assert_cmpuint (index_of (listed, shown_id (f.page, i - 1, NULL)), >,
                      index_of (listed, shown_id (f.page, i, NULL)));
  g_assert_cmpint (td_directory_page_get_selected_person (f.page), !=, 0);
  gtk_window_destroy (GTK_WINDOW (f.window));
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

  g_test_add_func ("/directory-ui/people-added-edited-deleted-undone", test_people);
  g_test_add_func ("/directory-ui/units-added-archived-refused-moved", test_units);
  g_test_add_func ("/directory-ui/people-sorted-by-header-click", test_people_sorted);

  status = td_test_run ();
  g_clear_object (&app);
  return status;
}
