#include "config.h"

#include <string.h>

#include "td-application.h"
#include "td-awards-page.h"
#include "td-catalogue-store.h"
#include "td-decision-store.h"
#include "td-person-store.h"
#include "td-sample.h"
#include "td-table.h"
#include "td-test-util.h"
#include "td-ui-test-util.h"
#include "td-window.h"

/* The secretariat's day, as a user does it: a decision, its lines typed
 * and pasted, amounts computed and overridden, a new date, issued and
 * locked, reopened, a line deleted and undone. */

static TdApplication *app;

typedef struct
{
  TdWindow     *window;
  TdAwardsPage *page;
  TdDatabase   *db;      /* the window's */
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

/* Types @text in the recipient search, waits for the results and takes
 * the first row whose title starts with @pick. */
static void
choose_recipient (TdAwardDialog *dialog,
                  const char    *text,
                  const char    *pick)
{
  GtkListBox *results = td_award_dialog_get_results (dialog);
  GtkListBoxRow *row = NULL;

  gtk_editable_set_text (td_award_dialog_get_search (dialog), text);
  g_assert_true (td_ui_spin_until (has_results, results));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (results, i)) != NULL; i++)
    if (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), pick))
      break;
  g_assert_nonnull (row);
  g_signal_emit_by_name (results, "row-activated", row);
}

static gint64
amount_of (TdDatabase *db,
           gint64      award_id,
           gboolean   *overridden)
{
  g_autoptr(TdAward) award = td_decision_store_get_award (db, award_id, NULL);

  g_assert_nonnull (award);
  if (overridden != NULL)
    *overridden = award->amount_overridden;
  return award->amount;
}

static gint64
expected_bonus (TdDatabase *db,
                gint64      award_id)
{
  g_autoptr(TdAward) award = td_decision_store_get_award (db, award_id, NULL);
  g_autoptr(TdDecision) decision = td_decision_store_get (db, award->decision_id, NULL);
  g_autoptr(GError) error = NULL;
  gint64 amount = 0;

  g_assert_true (td_catalogue_store_compute_bonus (db, award->form_id, award->unit_id > 0, decision->date,
                                                   &amount, &error));
  return amount;
}

static gint64
line_named (Fixture    *f,
            const char *name)
{
  GListModel *rows = td_awards_page_get_rows (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TdItem) item = g_list_model_get_item (rows, i);
      TdAwardRow *row = td_item_get_record (item);

      if (row->kind == TD_AWARD_ROW_LINE && g_strcmp0 (row->name, name) == 0)
        return row->award_id;
    }
  return 0;
}

static void
test_decision_day (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = td_test_tmp_path ("day.db");
  Fixture f = { 0 };
  TdDecisionDialog *decision_dialog;
  TdAwardDialog *line_dialog;
  gboolean gone = FALSE;
  gint64 decision_id, collective, individual, pasted;
  gboolean overridden = FALSE;
  guint added = 0;
  g_autoptr(GPtrArray) awards = NULL;
  g_autoptr(TdDecision) decision = NULL;

  {
    g_autoptr(TdDatabase) db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);

    g_assert_no_error (error);
    td_sample_load (db, &error);
    g_assert_no_error (error);
  }
  f.window = td_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f.window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f.window));
  g_assert_true (td_window_open_path (f.window, path, FALSE));
  f.db = td_window_get_database (f.window);
  f.page = TD_AWARDS_PAGE (td_window_get_page (f.window, "awards"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-page", "s", "awards"));
  td_ui_settle ();

  /* A new decision; an impossible date is refused on its field. */
  decision_dialog = td_awards_page_edit_decision (f.page, TRUE);
  g_signal_connect (decision_dialog, "destroy", G_CALLBACK (on_destroy), &gone);
  td_decision_dialog_set_field (decision_dialog, "date", "31/02/2025");
  td_decision_dialog_set_field (decision_dialog, "issuer", "Chủ tịch UBND tỉnh Quảng Ninh");
  td_decision_dialog_set_field (decision_dialog, "year", "2024");
  td_decision_dialog_set_field (decision_dialog, "title", "Về việc tặng Bằng khen năm 2024");
  td_decision_dialog_select_campaign (decision_dialog, 1);
  td_ui_settle ();
  g_assert_false (td_decision_dialog_save (decision_dialog));
  g_assert_false (gone);
  td_ui_save_screenshot (GTK_WIDGET (decision_dialog), "decision-dialog-error.png");
  td_ui_assert_translated (GTK_WIDGET (decision_dialog), "decision dialog");
  td_decision_dialog_set_field (decision_dialog, "date", "05/08/2025");
  g_assert_true (td_decision_dialog_save (decision_dialog));
  g_assert_true (td_ui_spin_until (destroyed, &gone));
  td_ui_settle ();
  decision_id = td_awards_page_get_decision_id (f.page);
  decision = td_decision_store_get (f.db, decision_id, &error);
  g_assert_cmpstr (decision->date, ==, "2025-08-05");
  g_assert_null (decision->number);
  g_assert_cmpint (decision->campaign_id, ==, 1);

  /* A collective, typed without accents. */
  line_dialog = td_awards_page_edit_line (f.page, 0);
  gone = FALSE;
  g_signal_connect (line_dialog, "destroy", G_CALLBACK (on_destroy), &gone);
  choose_recipient (line_dialog, "don bien phong hoanh mo", "Đồn Biên phòng Hoành Mô");
  g_assert_true (td_award_dialog_select_form (line_dialog, "bang_khen_tinh"));
  /* Collective-only forms are offered, individual-only ones are not. */
  g_assert_false (td_award_dialog_select_form (line_dialog, "lao_dong_tien_tien"));
  g_assert_true (td_award_dialog_select_form (line_dialog, "bang_khen_tinh"));
  td_award_dialog_set_achievement (line_dialog, "Đã có thành tích xuất sắc trong năm 2024");
  td_ui_settle ();
  g_assert_cmpint (td_award_dialog_get_computed (line_dialog), ==, 7020000);
  td_ui_save_screenshot (GTK_WIDGET (line_dialog), "award-dialog.png");
  td_ui_assert_translated (GTK_WIDGET (line_dialog), "award line dialog");
  g_assert_true (td_award_dialog_save (line_dialog));
  g_assert_true (td_ui_spin_until (destroyed, &gone));
  td_ui_settle ();
  collective = line_named (&f, "Đồn Biên phòng Hoành Mô");
  g_assert_cmpint (collective, >, 0);
  g_assert_cmpint (amount_of (f.db, collective, NULL), ==, expected_bonus (f.db, collective));

  /* An individual. */
  line_dialog = td_awards_page_edit_line (f.page, 0);
  gone = FALSE;
  g_signal_connect (line_dialog, "destroy", G_CALLBACK (on_destroy), &gone);
  choose_recipient (line_dialog, "dang minh", "Đặng Minh Hiếu");
  g_assert_true (td_award_dialog_select_form (line_dialog, "bang_khen_tinh"));
  td_award_dialog_set_achievement (line_dialog, "Đã có thành tích xuất sắc trong chỉ đạo phong trào");
  g_assert_true (td_award_dialog_save (line_dialog));
  g_assert_true (td_ui_spin_until (destroyed, &gone));
  td_ui_settle ();
  individual = line_named (&f, "Đặng Minh Hiếu");
  g_assert_cmpint (amount_of (f.db, individual, NULL), ==, 3510000);

  /* Four rows pasted from a spreadsheet, one of them someone new. */
  g_assert_true (td_awards_page_paste_text (f.page,
                                            "Trần Văn An\tChủ tịch UBND xã Quảng Đức\tBằng khen của Chủ tịch UBND tỉnh\tĐã có thành tích xuất sắc\r\n"
                                            "Nguyễn Thị Bình\tPhó Chủ tịch UBND xã Đồng Văn\tBằng khen của Chủ tịch UBND tỉnh\t\"Đã có thành tích\nxuất sắc\"\r\n"
                                            "Xã Hoành Mô\t\tBằng khen của Chủ tịch UBND tỉnh\tĐã có thành tích xuất sắc\r\n"
                                            "Hà Văn Mới\tCán bộ Đồn Biên phòng Ka Long\tBằng khen của Chủ tịch UBND tỉnh\tĐã có thành tích xuất sắc\r\n",
                                            TRUE, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 4);
  td_ui_settle ();
  td_ui_save_screenshot (GTK_WIDGET (f.window), "awards-editing.png");
  td_ui_assert_translated (GTK_WIDGET (f.window), "awards page while editing");
  awards = td_decision_store_list_awards (f.db, decision_id, &error);
  g_assert_cmpuint (awards->len, ==, 6);
  for (guint i = 0; i < awards->len; i++)
    {
      TdAward *award = g_ptr_array_index (awards, i);

      g_assert_cmpint (award->amount, ==, expected_bonus (f.db, award->id));
    }
  pasted = line_named (&f, "Hà Văn Mới");
  g_assert_cmpint (pasted, >, 0);

  /* One amount typed by hand, marked as such. */
  line_dialog = td_awards_page_edit_line (f.page, individual);
  gone = FALSE;
  g_signal_connect (line_dialog, "destroy", G_CALLBACK (on_destroy), &gone);
  td_award_dialog_set_amount (line_dialog, "2.000.000");
  g_assert_true (td_award_dialog_save (line_dialog));
  g_assert_true (td_ui_spin_until (destroyed, &gone));
  g_assert_cmpint (amount_of (f.db, individual, &overridden), ==, 2000000);
  g_assert_true (overridden);

  /* A new date: the computed amounts follow, the typed one stays. */
  decision_dialog = td_awards_page_edit_decision (f.page, FALSE);
  gone = FALSE;
  g_signal_connect (decision_dialog, "destroy", G_CALLBACK (on_destroy), &gone);
  td_decision_dialog_set_field (decision_dialog, "date", "1/6/2025");
  g_assert_true (td_decision_dialog_save (decision_dialog));
  g_assert_true (td_ui_spin_until (destroyed, &gone));
  td_ui_settle ();
  g_assert_cmpint (amount_of (f.db, collective, NULL), ==, 4680000);
  g_assert_cmpint (amount_of (f.db, pasted, NULL), ==, 2340000);
  g_assert_cmpint (amount_of (f.db, individual, NULL), ==, 2000000);
  g_assert_nonnull (td_awards_page_get_words (f.page));

  /* Issued: locked, and its recipients kept as they were. */
  g_assert_false (td_awards_page_issue (f.page, "77/QĐ-UBND", "31/06/2025", &error));
  g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_true (td_awards_page_issue (f.page, "77/QĐ-UBND", NULL, &error));
  g_assert_no_error (error);
  td_ui_settle ();
  /* The buttons that change lines do nothing now. */
  gtk_widget_activate_action (GTK_WIDGET (f.page), "awards.add-line", NULL);
  td_ui_settle ();
  g_assert_null (td_ui_find_toplevel (TD_TYPE_AWARD_DIALOG));
  {
    g_autoptr(TdAward) award = td_decision_store_get_award (f.db, individual, NULL);
    g_autoptr(TdPerson) person = td_person_store_get (f.db, award->person_id, NULL);

    g_free (person->full_name);
    person->full_name = g_strdup ("Đặng Minh Hiếu Mới");
    g_assert_true (td_person_store_update (f.db, person, &error));
    g_assert_false (td_decision_store_delete_award (f.db, individual, &error));
    g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_LOCKED);
    g_clear_error (&error);
  }
  td_window_reload (f.window);
  g_assert_true (td_awards_page_select_decision (f.page, decision_id));
  td_ui_settle ();
  g_assert_cmpint (line_named (&f, "Đặng Minh Hiếu"), ==, individual);
  td_ui_save_screenshot (GTK_WIDGET (f.window), "awards-issued.png");
  td_ui_assert_translated (GTK_WIDGET (f.window), "issued decision");

  /* Reopened: a draft again, with the names of today. */
  g_assert_true (td_awards_page_reopen (f.page, &error));
  g_assert_no_error (error);
  td_ui_settle ();
  g_assert_cmpint (line_named (&f, "Đặng Minh Hiếu Mới"), ==, individual);
  gtk_window_destroy (GTK_WINDOW (f.window));
}

static void
test_delete_and_undo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = td_test_tmp_path ("undo.db");
  TdWindow *window;
  TdAwardsPage *page;
  TdDatabase *db;
  gint64 draft = 0;
  guint before;

  {
    g_autoptr(TdDatabase) sample = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);

    td_sample_load (sample, &error);
    g_assert_no_error (error);
  }
  window = td_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (td_window_open_path (window, path, FALSE));
  db = td_window_get_database (window);
  page = TD_AWARDS_PAGE (td_window_get_page (window, "awards"));
  {
    g_autoptr(GPtrArray) decisions = td_decision_store_list (db, NULL, 0, 0, NULL);

    for (guint i = 0; i < decisions->len; i++)
      if (((TdDecision *) g_ptr_array_index (decisions, i))->number == NULL)
        draft = ((TdDecision *) g_ptr_array_index (decisions, i))->id;
  }
  g_assert_true (td_awards_page_select_decision (page, draft));
  td_ui_settle ();
  {
    g_autoptr(GPtrArray) awards = td_decision_store_list_awards (db, draft, NULL);
    TdAward *first = g_ptr_array_index (awards, 0);

    before = awards->len;
    g_assert_true (td_awards_page_delete_line (page, first->id, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(GPtrArray) awards = td_decision_store_list_awards (db, draft, NULL);

    g_assert_cmpuint (awards->len, ==, before - 1);
  }
  td_ui_settle ();
  td_ui_save_screenshot (GTK_WIDGET (window), "awards-deleted-toast.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  td_ui_settle ();
  {
    g_autoptr(GPtrArray) awards = td_decision_store_list_awards (db, draft, NULL);

    g_assert_cmpuint (awards->len, ==, before);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  {
    g_autoptr(GPtrArray) awards = td_decision_store_list_awards (db, draft, NULL);

    g_assert_cmpuint (awards->len, ==, before - 1);
  }
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

  g_test_add_func ("/awards-ui/decision-typed-pasted-issued-reopened", test_decision_day);
  g_test_add_func ("/awards-ui/delete-a-line-and-undo", test_delete_and_undo);

  status = td_test_run ();
  g_clear_object (&app);
  return status;
}
