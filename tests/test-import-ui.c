#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <xlsxwriter.h>

#include "td-application.h"
#include "td-awards-page.h"
#include "td-import-window.h"
#include "td-person-store.h"
#include "td-sample.h"
#include "td-table.h"
#include "td-test-util.h"
#include "td-ui-test-util.h"
#include "td-window.h"

/* Lists brought from a file: the import assistant opened by win.import or
 * a drop, its guesses, its checks shown row by row, the import written as
 * one step and undone as one. */

static TdApplication *app;

static const char *const people_csv =
  "STT,Họ và tên,Giới tính,Năm sinh,Chức vụ,Đơn vị\n"
  "1,Lò Văn Nhập,Nam,1985,Trưởng thôn,Xã Đồng Văn\n"
  "2,Sùng Thị Mai,Nữ,1990,Cán bộ văn hóa,Xã Hoành Mô\n"
  "3,Vàng Seo Lử,Nam,1978,Phó Chủ tịch,Xã Đồng Văn\n";

static const char *const bad_gender_csv =
  "STT,Họ và tên,Giới tính,Năm sinh,Chức vụ,Đơn vị\n"
  "1,Giàng A Páo,Nam,1983,Trưởng bản,Xã Đồng Văn\n"
  "2,Thào Thị Dợ,Không rõ,1992,Cán bộ tư pháp,Xã Hoành Mô\n"
  "3,Mã Văn Sình,Nam,1975,Chủ tịch Hội Nông dân,Xã Hoành Mô\n";

/* The same people typed with the .VnTime fonts and saved as Unicode: what
 * Excel shows of such a workbook.  «\u00AD» is VN3's «ư». */
static const char *const vn3_csv =
  "STT,Hä vµ tªn,Giíi tÝnh,N¨m sinh,Chøc vô,§¬n vÞ\n"
  "1,NguyÔn V¨n Thøc,Nam,1980,Tr\u00ADëng th«n,X· §ång V¨n\n"
  "2,Hoµng ThÞ Lôa,N÷,1988,Chñ tÞch Héi Phô n÷,X· Hoµnh M«\n"
  "3,§Æng V¨n TiÕn,Nam,1979,Phã Chñ tÞch,X· §ång V¨n\n";

typedef struct
{
  TdWindow   *window;
  TdDatabase *db;      /* the window's */
} Fixture;

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
              const char *name,
              const char *page)
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
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", page));
  td_ui_settle ();
}

static char *
write_file (const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = td_test_tmp_path (name);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static gboolean
has_reports (gpointer data)
{
  TdImportWindow *assistant = data;

  return g_list_model_get_n_items (td_import_window_get_reports (assistant)) > 0;
}

/* Read and checked: rows found, or the check's failure shown. */
static gboolean
checked (gpointer data)
{
  TdImportWindow *assistant = data;

  return td_import_window_get_import (assistant) != NULL &&
         (has_reports (assistant) || gtk_widget_get_visible (td_import_window_get_part (assistant, "check_message")));
}

/* win.import on @path: the assistant, once the file is read and checked. */
static TdImportWindow *
open_assistant (Fixture    *f,
                const char *path)
{
  TdImportWindow *assistant;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import", "s", path));
  assistant = TD_IMPORT_WINDOW (td_ui_find_toplevel (TD_TYPE_IMPORT_WINDOW));
  g_assert_nonnull (assistant);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (assistant)) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (assistant)));
  g_assert_true (td_ui_spin_until (checked, assistant));
  return assistant;
}

static const TdImportRowReport *
report_at (TdImportWindow *assistant,
           guint           i)
{
  g_autoptr(TdItem) item = g_list_model_get_item (td_import_window_get_reports (assistant), i);

  g_assert_nonnull (item);
  return td_item_get_record (item);
}

static guint
count_state (TdImportWindow   *assistant,
             TdImportRowState  state)
{
  GListModel *reports = td_import_window_get_reports (assistant);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    n += report_at (assistant, i)->state == state;
  return n;
}

static gboolean
widget_sensitive (gpointer widget)
{
  return gtk_widget_get_sensitive (widget);
}

static gboolean
check_failed (gpointer widget)
{
  return gtk_widget_get_visible (widget);
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

/* The page scrolled to its end, where the preview is. */
static void
scroll_to_preview (TdImportWindow *assistant)
{
  GtkWidget *preview = td_import_window_get_part (assistant, "preview");
  GtkWidget *scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (preview), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  /* Rows shown for the first time wrap and grow the page: twice. */
  for (int i = 0; i < 2; i++)
    {
      td_ui_settle ();
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    }
  td_ui_settle ();
}

/* Presses «Import» and waits for the assistant to close. */
static void
press_import (TdImportWindow *assistant)
{
  GtkWidget *button = td_import_window_get_part (assistant, "import_button");
  gboolean gone = FALSE;

  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_connect (assistant, "destroy", G_CALLBACK (on_destroy), &gone);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (td_ui_spin_until (destroyed, &gone));
}

static void
test_people (void)
{
  g_autofree char *path = write_file ("people.csv", people_csv);
  static const char *const names[] = { "Lò Văn Nhập", "Sùng Thị Mai", "Vàng Seo Lử" };
  Fixture f = { 0 };
  TdImportWindow *assistant;
  TdImport *import;
  AdwComboRow *name_row;
  GtkStringObject *shown;
  guint before;

  fixture_open (&f, "people.db", "directory");
  before = count_people (f.db);
  assistant = open_assistant (&f, path);

  /* The Directory page imports people; the usual titles are recognised. */
  import = td_import_window_get_import (assistant);
  g_assert_nonnull (import);
  g_assert_cmpint (td_import_get_options (import)->kind, ==, TD_IMPORT_PEOPLE);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (td_import_window_get_part (assistant, "kind"))),
                    ==, TD_IMPORT_PEOPLE);
  g_assert_cmpuint (td_import_get_header_row (import), ==, 0);
  g_assert_cmpint (td_import_get_column (import, 0).field, ==, TD_IMPORT_FIELD_NUMBER);
  g_assert_cmpint (td_import_get_column (import, 1).field, ==, TD_IMPORT_FIELD_NAME);
  g_assert_cmpint (td_import_get_column (import, 2).field, ==, TD_IMPORT_FIELD_GENDER);
  g_assert_cmpint (td_import_get_column (import, 3).field, ==, TD_IMPORT_FIELD_BIRTH_YEAR);
  g_assert_cmpint (td_import_get_column (import, 4).field, ==, TD_IMPORT_FIELD_POSITION);
  g_assert_cmpint (td_import_get_column (import, 5).field, ==, TD_IMPORT_FIELD_UNIT);
  name_row = td_import_window_get_column_row (assistant, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (name_row)), ==, "Họ và tên");
  shown = adw_combo_row_get_selected_item (name_row);
  g_assert_cmpstr (gtk_string_object_get_string (shown), ==, td_import_field_label (TD_IMPORT_FIELD_NAME));
  g_assert_null (td_import_window_get_column_row (assistant, 6));

  /* Three new people, in file order, by their names. */
  g_assert_cmpuint (g_list_model_get_n_items (td_import_window_get_reports (assistant)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint (report_at (assistant, i)->state, ==, TD_IMPORT_ROW_NEW);
      g_assert_cmpuint (report_at (assistant, i)->line, ==, i + 2);
      g_assert_cmpstr (report_at (assistant, i)->title, ==, names[i]);
    }
  g_assert_true (td_ui_spin_until (widget_sensitive, td_import_window_get_part (assistant, "import_button")));
  td_ui_save_screenshot (GTK_WIDGET (assistant), "import-people-mapping.png");
  td_ui_assert_translated (GTK_WIDGET (assistant), "import assistant");
  scroll_to_preview (assistant);
  td_ui_save_screenshot (GTK_WIDGET (assistant), "import-people-preview.png");

  /* Without a name column nothing can be checked: said, and no import. */
  adw_combo_row_set_selected (name_row, 0);
  g_assert_true (td_ui_spin_until (check_failed, td_import_window_get_part (assistant, "check_message")));
  g_assert_cmpint (td_import_get_column (import, 1).field, ==, TD_IMPORT_FIELD_IGNORE);
  g_assert_false (gtk_widget_get_sensitive (td_import_window_get_part (assistant, "import_button")));
  td_ui_save_screenshot (GTK_WIDGET (assistant), "import-people-no-name.png");
  /* Taken back: the column that had the field gives it up. */
  adw_combo_row_set_selected (td_import_window_get_column_row (assistant, 4), 2);
  g_assert_cmpint (td_import_get_column (import, 4).field, ==, TD_IMPORT_FIELD_NAME);
  adw_combo_row_set_selected (name_row, 2);
  g_assert_cmpint (td_import_get_column (import, 1).field, ==, TD_IMPORT_FIELD_NAME);
  g_assert_cmpint (td_import_get_column (import, 4).field, ==, TD_IMPORT_FIELD_IGNORE);
  g_assert_cmpuint (adw_combo_row_get_selected (td_import_window_get_column_row (assistant, 4)), ==, 0);
  adw_combo_row_set_selected (td_import_window_get_column_row (assistant, 4), 5);
  g_assert_cmpint (td_import_get_column (import, 4).field, ==, TD_IMPORT_FIELD_POSITION);
  g_assert_true (td_ui_spin_until (widget_sensitive, td_import_window_get_part (assistant, "import_button")));
  g_assert_false (gtk_widget_get_visible (td_import_window_get_part (assistant, "check_message")));

  press_import (assistant);
  g_assert_cmpuint (count_people (f.db), ==, before + 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TdPerson) person = person_named (f.db, names[i]);

      g_assert_nonnull (person);
      g_assert_cmpstr (person->unit_name, ==, i == 1 ? "Xã Hoành Mô" : "Xã Đồng Văn");
    }
  {
    g_autoptr(TdPerson) mai = person_named (f.db, "Sùng Thị Mai");

    g_assert_cmpint (mai->gender, ==, TD_GENDER_FEMALE);
    g_assert_cmpint (mai->birth_year, ==, 1990);
    g_assert_cmpstr (mai->position, ==, "Cán bộ văn hóa");
  }
  td_ui_settle ();
  td_ui_save_screenshot (GTK_WIDGET (f.window), "import-people-toast.png");

  /* The whole import is one step back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  g_assert_cmpuint (count_people (f.db), ==, before);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TdPerson) person = person_named (f.db, names[i]);

      g_assert_null (person);
    }
  gtk_window_destroy (GTK_WINDOW (f.window));
}

static void
test_error_row (void)
{
  g_autofree char *path = write_file ("bad-gender.csv", bad_gender_csv);
  Fixture f = { 0 };
  TdImportWindow *assistant;
  GtkWidget *button;
  g_autoptr(TdPerson) refused = NULL;
  guint before;

  fixture_open (&f, "bad-gender.db", "directory");
  before = count_people (f.db);
  assistant = open_assistant (&f, path);
  button = td_import_window_get_part (assistant, "import_button");

  g_assert_cmpuint (g_list_model_get_n_items (td_import_window_get_reports (assistant)), ==, 3);
  g_assert_cmpuint (count_state (assistant, TD_IMPORT_ROW_NEW), ==, 2);
  g_assert_cmpint (report_at (assistant, 1)->state, ==, TD_IMPORT_ROW_ERROR);
  g_assert_cmpuint (report_at (assistant, 1)->line, ==, 3);
  g_assert_nonnull (strstr (report_at (assistant, 1)->message, "Không rõ"));
  td_ui_settle ();
  g_assert_false (gtk_widget_get_sensitive (button));
  /* Pressed anyway (Ctrl+Return): nothing happens. */
  gtk_widget_activate_action (GTK_WIDGET (assistant), "import.apply", NULL);
  td_ui_settle ();
  g_assert_cmpuint (count_people (f.db), ==, before);
  scroll_to_preview (assistant);
  td_ui_save_screenshot (GTK_WIDGET (assistant), "import-error-row.png");
  td_ui_assert_translated (GTK_WIDGET (assistant), "import assistant with an error row");

  gtk_switch_set_active (GTK_SWITCH (td_import_window_get_part (assistant, "skip_errors")), TRUE);
  g_assert_true (td_ui_spin_until (widget_sensitive, button));
  press_import (assistant);
  g_assert_cmpuint (count_people (f.db), ==, before + 2);
  refused = person_named (f.db, "Thào Thị Dợ");
  g_assert_null (refused);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  g_assert_cmpuint (count_people (f.db), ==, before);
  gtk_window_destroy (GTK_WINDOW (f.window));
}

static void
close_assistant (TdImportWindow *assistant)
{
  gboolean gone = FALSE;

  g_signal_connect (assistant, "destroy", G_CALLBACK (on_destroy), &gone);
  gtk_window_destroy (GTK_WINDOW (assistant));
  g_assert_true (td_ui_spin_until (destroyed, &gone));
}

/* The kind and its records follow the page shown: the draft decision of
 * the Awards page, the campaign and year of the Statistics page. */
static void
test_kind_from_page (void)
{
  g_autofree char *path = write_file ("page.csv", people_csv);
  Fixture f = { 0 };
  TdImportWindow *assistant;
  const TdImportOptions *options;

  fixture_open (&f, "pages.db", "awards");
  g_assert_true (td_awards_page_select_decision (TD_AWARDS_PAGE (td_window_get_page (f.window, "awards")), 2));
  assistant = open_assistant (&f, path);
  options = td_import_get_options (td_import_window_get_import (assistant));
  g_assert_cmpint (options->kind, ==, TD_IMPORT_AWARDS);
  g_assert_cmpint (options->decision_id, ==, 2);
  g_assert_true (gtk_widget_get_visible (td_import_window_get_part (assistant, "decision")));
  g_assert_false (gtk_widget_get_visible (td_import_window_get_part (assistant, "campaign")));
  td_ui_save_screenshot (GTK_WIDGET (assistant), "import-awards.png");
  close_assistant (assistant);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-page", "s", "statistics"));
  td_ui_settle ();
  assistant = open_assistant (&f, path);
  options = td_import_get_options (td_import_window_get_import (assistant));
  g_assert_cmpint (options->kind, ==, TD_IMPORT_STATS);
  g_assert_cmpint (options->campaign_id, ==, 1);
  g_assert_cmpint (options->year, >, 2000);
  g_assert_true (gtk_widget_get_visible (td_import_window_get_part (assistant, "campaign")));
  g_assert_true (gtk_widget_get_visible (td_import_window_get_part (assistant, "year")));

  /* Another kind chosen: the file is mapped again for it. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (td_import_window_get_part (assistant, "kind")), TD_IMPORT_PEOPLE);
  g_assert_cmpint (td_import_get_options (td_import_window_get_import (assistant))->kind, ==, TD_IMPORT_PEOPLE);
  g_assert_false (gtk_widget_get_visible (td_import_window_get_part (assistant, "campaign")));
  g_assert_cmpint (td_import_get_column (td_import_window_get_import (assistant), 1).field, ==, TD_IMPORT_FIELD_NAME);
  close_assistant (assistant);
  gtk_window_destroy (GTK_WINDOW (f.window));
}

static gboolean
assistant_shown (gpointer data)
{
  return td_ui_find_toplevel (TD_TYPE_IMPORT_WINDOW) != NULL;
}

static gboolean
status_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* A file dropped on the window opens the assistant on it; a file that is
 * no table says why, and another can be chosen. */
static void
test_drop_and_unreadable (void)
{
  g_autofree char *path = write_file ("dropped.csv", people_csv);
  g_autofree char *bad = td_test_tmp_path ("not-a-table.xlsx");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) controllers = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *drop = NULL;
  TdImportWindow *assistant;
  GtkWidget *status;
  gboolean accepted = FALSE;
  Fixture f = { 0 };

  fixture_open (&f, "drop.db", "directory");
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (f.window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && drop == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        drop = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (drop);
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  g_assert_true (td_ui_spin_until (assistant_shown, NULL));
  assistant = TD_IMPORT_WINDOW (td_ui_find_toplevel (TD_TYPE_IMPORT_WINDOW));
  g_assert_true (td_ui_spin_until (has_reports, assistant));
  g_assert_cmpuint (count_state (assistant, TD_IMPORT_ROW_NEW), ==, 3);
  close_assistant (assistant);

  /* Bytes that are no CSV, XLSX or XLS. */
  {
    g_autoptr(GError) error = NULL;

    g_file_set_contents (bad, "\x01\x02\x00\x03 not a table", 20, &error);
    g_assert_no_error (error);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.import", "s", bad));
  assistant = TD_IMPORT_WINDOW (td_ui_find_toplevel (TD_TYPE_IMPORT_WINDOW));
  status = td_import_window_get_part (assistant, "status");
  g_assert_true (td_ui_spin_until (status_shown, status));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), "not-a-table.xlsx"));
  g_assert_null (td_import_window_get_import (assistant));
  g_assert_false (gtk_widget_get_sensitive (td_import_window_get_part (assistant, "import_button")));
  td_ui_save_screenshot (GTK_WIDGET (assistant), "import-unreadable.png");
  td_ui_assert_translated (GTK_WIDGET (assistant), "import assistant, unreadable file");

  /* «Choose Another File…» answers through import.open. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "import.open", "s", path));
  g_assert_true (td_ui_spin_until (has_reports, assistant));
  g_assert_false (gtk_widget_get_mapped (status));
  g_assert_cmpuint (count_state (assistant, TD_IMPORT_ROW_NEW), ==, 3);
  close_assistant (assistant);
  gtk_window_destroy (GTK_WINDOW (f.window));
}

/* A workbook whose first sheet is a title page and whose second holds the
 * people of people_csv. */
static char *
write_workbook (const char *name)
{
  char *path = td_test_tmp_path (name);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *cover = workbook_add_worksheet (workbook, "Bìa");
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "Cán bộ");
  g_auto(GStrv) lines = g_strsplit (people_csv, "\n", -1);

  g_assert_cmpint (worksheet_write_string (cover, 0, 0, "DANH SÁCH CÁN BỘ XÃ", NULL), ==, LXW_NO_ERROR);
  for (guint r = 0; lines[r] != NULL && *lines[r] != '\0'; r++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[r], ",", -1);

      for (guint c = 0; cells[c] != NULL; c++)
        g_assert_cmpint (worksheet_write_string (sheet, r, c, cells[c], NULL), ==, LXW_NO_ERROR);
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  return path;
}

static gboolean
shows_sheet (gpointer data)
{
  TdImportWindow *assistant = data;
  TdImport *import = td_import_window_get_import (assistant);

  return import != NULL && g_strcmp0 (td_import_get_table (import)->sheet, "Cán bộ") == 0 &&
         has_reports (assistant);
}

/* Another sheet chosen: read again, mapped again. */
static void
test_sheets (void)
{
  g_autofree char *path = write_workbook ("people.xlsx");
  Fixture f = { 0 };
  TdImportWindow *assistant;
  AdwComboRow *sheet_row;
  GListModel *sheets;

  fixture_open (&f, "sheets.db", "directory");
  assistant = open_assistant (&f, path);
  sheet_row = ADW_COMBO_ROW (td_import_window_get_part (assistant, "sheet"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sheet_row)));
  sheets = adw_combo_row_get_model (sheet_row);
  g_assert_cmpuint (g_list_model_get_n_items (sheets), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (sheets), 1), ==, "Cán bộ");
  g_assert_cmpuint (adw_combo_row_get_selected (sheet_row), ==, 0);
  /* A workbook holds Unicode: no encoding to choose. */
  g_assert_false (gtk_widget_get_visible (td_import_window_get_part (assistant, "encoding")));
  g_assert_false (gtk_widget_get_sensitive (td_import_window_get_part (assistant, "import_button")));

  adw_combo_row_set_selected (sheet_row, 1);
  g_assert_true (td_ui_spin_until (shows_sheet, assistant));
  g_assert_cmpuint (adw_combo_row_get_selected (sheet_row), ==, 1);
  g_assert_cmpuint (count_state (assistant, TD_IMPORT_ROW_NEW), ==, 3);
  g_assert_cmpint (td_import_get_column (td_import_window_get_import (assistant), 1).field, ==, TD_IMPORT_FIELD_NAME);
  g_assert_true (td_ui_spin_until (widget_sensitive, td_import_window_get_part (assistant, "import_button")));
  td_ui_save_screenshot (GTK_WIDGET (assistant), "import-xlsx-sheet.png");
  close_assistant (assistant);
  gtk_window_destroy (GTK_WINDOW (f.window));
}

static gboolean
converted (gpointer data)
{
  TdImportWindow *assistant = data;

  return has_reports (assistant) &&
         !gtk_revealer_get_reveal_child (GTK_REVEALER (td_import_window_get_part (assistant, "vn3_banner")));
}

/* Text of the old TCVN3 fonts is noticed, and converted when asked. */
static void
test_vn3_font (void)
{
  g_autofree char *path = write_file ("vnTime.csv", vn3_csv);
  static const char *const names[] = { "Nguyễn Văn Thức", "Hoàng Thị Lụa", "Đặng Văn Tiến" };
  Fixture f = { 0 };
  TdImportWindow *assistant;
  GtkRevealer *banner;

  fixture_open (&f, "vn3.db", "directory");
  assistant = open_assistant (&f, path);
  banner = GTK_REVEALER (td_import_window_get_part (assistant, "vn3_banner"));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_true (td_import_get_table (td_import_window_get_import (assistant))->vn3_font);
  td_ui_save_screenshot (GTK_WIDGET (assistant), "import-vn3-notice.png");
  td_ui_assert_translated (GTK_WIDGET (assistant), "import assistant, TCVN3 notice");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "import.convert-vn3", NULL));
  g_assert_true (td_ui_spin_until (converted, assistant));
  g_assert_true (td_import_get_table (td_import_window_get_import (assistant))->vn3_converted);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (td_import_window_get_part (assistant, "encoding"))),
                    ==, 4);
  g_assert_cmpint (td_import_get_column (td_import_window_get_import (assistant), 1).field, ==, TD_IMPORT_FIELD_NAME);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint (report_at (assistant, i)->state, ==, TD_IMPORT_ROW_NEW);
      g_assert_cmpstr (report_at (assistant, i)->title, ==, names[i]);
    }
  close_assistant (assistant);
  gtk_window_destroy (GTK_WINDOW (f.window));
}

/* Cancel while the file is read: nothing to go back to, the assistant
 * closes. */
static void
test_cancel_reading (void)
{
  g_autofree char *path = write_file ("cancelled.csv", people_csv);
  Fixture f = { 0 };
  TdImportWindow *assistant;
  gboolean gone = FALSE;

  fixture_open (&f, "cancel.db", "directory");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.import", "s", path));
  assistant = TD_IMPORT_WINDOW (td_ui_find_toplevel (TD_TYPE_IMPORT_WINDOW));
  g_signal_connect (assistant, "destroy", G_CALLBACK (on_destroy), &gone);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "import.cancel-read", NULL));
  g_assert_true (td_ui_spin_until (destroyed, &gone));
  gtk_window_destroy (GTK_WINDOW (f.window));
}

static gboolean
lists_accelerator (GtkWidget  *widget,
                   const char *accelerator)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *shown = NULL;

      g_object_get (widget, "accelerator", &shown, NULL);
      if (g_strcmp0 (shown, accelerator) == 0)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (lists_accelerator (child, accelerator))
      return TRUE;
  return FALSE;
}

/* Ctrl+I opens the chooser (win.import('')), and the shortcuts window
 * lists it; the window still lays out its columns. */
static void
test_shortcut (void)
{
  g_auto(GStrv) accels = NULL;
  GtkWindow *shortcuts;
  Fixture f = { 0 };

  fixture_open (&f, "shortcut.db", "directory");
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.import('')");
  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Control>i");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-help-overlay", NULL));
  g_assert_true (td_ui_spin_until (td_ui_toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW)));
  shortcuts = td_ui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_true (lists_accelerator (GTK_WIDGET (shortcuts), "<Control>i"));
  td_ui_save_screenshot (GTK_WIDGET (shortcuts), "import-shortcuts.png");
  gtk_window_close (shortcuts);
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

  g_test_add_func ("/import-ui/people-imported-in-one-step-undone-in-one", test_people);
  g_test_add_func ("/import-ui/error-row-blocks-until-skipped", test_error_row);
  g_test_add_func ("/import-ui/kind-follows-the-page", test_kind_from_page);
  g_test_add_func ("/import-ui/dropped-file-and-unreadable-file", test_drop_and_unreadable);
  g_test_add_func ("/import-ui/tcvn3-font-text-converted-when-asked", test_vn3_font);
  g_test_add_func ("/import-ui/another-sheet-read-again", test_sheets);
  g_test_add_func ("/import-ui/cancelled-while-reading", test_cancel_reading);
  g_test_add_func ("/import-ui/ctrl-i-listed-in-the-shortcuts", test_shortcut);

  status = td_test_run ();
  g_clear_object (&app);
  return status;
}
