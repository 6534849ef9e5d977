#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "td-application.h"
#include "td-catalogue-store.h"
#include "td-decision-store.h"
#include "td-format.h"
#include "td-locale.h"
#include "td-person-store.h"
#include "td-preferences-window.h"
#include "td-settings-store.h"
#include "td-test-util.h"
#include "td-ui-test-util.h"

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* The window, on a new database with one draft and one issued decision
 * that each give a Giấy khen to a person on 15/03/2026. */
typedef struct
{
  TdDatabase          *db;
  char                *path;
  TdPreferencesWindow *window;
  guint                changed;
  gint64               draft_line;
  gint64               issued_line;
} Fixture;

static void
on_changed (Fixture *f)
{
  f->changed++;
}

static gint64
form_id (TdDatabase *db,
         const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAwardForm) form = td_catalogue_store_get_form_by_code (db, code, &error);

  g_assert_no_error (error);
  return form->id;
}

static gboolean
form_exists (TdDatabase *db,
             const char *code)
{
  g_autoptr(TdAwardForm) form = td_catalogue_store_get_form_by_code (db, code, NULL);

  return form != NULL;
}

static gint64
insert_line (TdDatabase *db,
             gint64      person_id,
             gboolean    issue)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDecision) decision = td_decision_new ();
  g_autoptr(TdAward) award = td_award_new ();

  decision->date = g_strdup ("2026-03-15");
  decision->issuer = g_strdup ("Giám đốc Sở Nội vụ");
  g_assert_true (td_decision_store_insert (db, decision, &error));
  g_assert_no_error (error);
  award->decision_id = decision->id;
  award->form_id = form_id (db, "giay_khen");
  award->person_id = person_id;
  award->achievement = g_strdup ("Hoàn thành xuất sắc nhiệm vụ năm 2025");
  g_assert_true (td_decision_store_insert_award (db, award, &error));
  g_assert_no_error (error);
  if (issue)
    {
      g_assert_true (td_decision_store_issue (db, decision->id, "12/QĐ-SNV", "2026-03-15", &error));
      g_assert_no_error (error);
    }
  return award->id;
}

static gint64
line_amount (Fixture *f,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAward) award = td_decision_store_get_award (f->db, id, &error);

  g_assert_no_error (error);
  return award->amount;
}

static gint64
bonus (TdDatabase *db,
       const char *code,
       const char *date)
{
  g_autoptr(GError) error = NULL;
  gint64 amount = 0;

  g_assert_true (td_catalogue_store_compute_bonus (db, form_id (db, code), FALSE, date, &amount, &error));
  g_assert_no_error (error);
  return amount;
}

static char *
setting (TdDatabase *db,
         const char *key)
{
  g_autoptr(GError) error = NULL;
  char *value = td_settings_store_get (db, key, &error);

  g_assert_no_error (error);
  return value;
}

static void
open_window (Fixture *f)
{
  f->window = td_preferences_window_new (NULL, f->db);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  g_signal_connect_swapped (f->window, "changed", G_CALLBACK (on_changed), f);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (td_ui_spin_until (is_mapped, f->window));
  td_ui_settle ();
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPerson) person = td_person_new ();

  f->db = td_test_new_database ();
  f->path = g_strdup (td_database_get_path (f->db));
  person->full_name = g_strdup ("Nguyễn Thị Bình");
  person->position = g_strdup ("Chuyên viên");
  g_assert_true (td_person_store_insert (f->db, person, &error));
  g_assert_no_error (error);
  f->draft_line = insert_line (f->db, person->id, FALSE);
  f->issued_line = insert_line (f->db, person->id, TRUE);
  /* 0.3 × 2,340,000 = 702,000, rounded up to 710,000 (DOMAIN.md). */
  g_assert_cmpint (line_amount (f, f->draft_line), ==, 710000);
  g_assert_cmpint (line_amount (f, f->issued_line), ==, 710000);
  open_window (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->db);
  g_free (f->path);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
child_named (GtkWidget  *root,
             const char *name)
{
  GtkWidget *widget = find_named (root, name);

  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A widget of the window by its name in the .ui file. */
static gpointer
window_child (Fixture    *f,
                const char *name)
{
  return child_named (GTK_WIDGET (f->window), name);
}

/* Types the text and presses the row's apply button (or Enter). */
static void
type_and_apply (GtkWidget  *row,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
has_error (GtkWidget *field)
{
  return gtk_widget_has_css_class (field, "error") && gtk_widget_get_tooltip_text (field) != NULL;
}

static void
show_page (Fixture    *f,
           const char *name)
{
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->window), name);
  td_ui_settle ();
}

/* Scrolls the page so that @widget is at its top. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  td_ui_settle ();
  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  /* The point is in the viewport, which shows the page already scrolled. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 12);
  td_ui_settle ();
}

/* A toast whose text names the form (the drafts' reason). */
static gboolean
toast_about_giay_khen (gpointer root)
{
  GType toast_type = g_type_from_name ("AdwToastWidget");

  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (root), "“Giấy khen”") != NULL &&
      gtk_widget_get_ancestor (root, toast_type) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (toast_about_giay_khen (child))
      return TRUE;
  return FALSE;
}

static AdwExpanderRow *
open_form (Fixture    *f,
           const char *code)
{
  GtkWidget *expander = child_named (GTK_WIDGET (f->window), code);

  g_assert_true (ADW_IS_EXPANDER_ROW (expander));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  td_ui_settle ();
  return ADW_EXPANDER_ROW (expander);
}

static char *
money (gint64 amount)
{
  return td_format_thousands (amount, C_("money", ","));
}

static void
test_organization (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *name_row = window_child (f, "org-name");
  GtkTextView *view = window_child (f, "signer-title-view");
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *place = NULL;

  show_page (f, "organization");
  type_and_apply (window_child (f, "org-parent"), "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH");
  type_and_apply (name_row, "  SỞ NỘI VỤ ");
  name = setting (f->db, "org.name");
  g_assert_cmpstr (name, ==, "SỞ NỘI VỤ");
  g_assert_false (has_error (name_row));
  g_assert_cmpuint (f->changed, ==, 2);

  /* Applying the same text again writes nothing. */
  type_and_apply (name_row, "SỞ NỘI VỤ");
  g_assert_cmpuint (f->changed, ==, 2);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", -1);
  g_assert_true (gtk_widget_get_visible (window_child (f, "signer-title-apply")));
  click (window_child (f, "signer-title-apply"));
  title = setting (f->db, "signer.title");
  g_assert_cmpstr (title, ==, "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC");
  g_assert_false (gtk_widget_get_visible (window_child (f, "signer-title-apply")));
  type_and_apply (window_child (f, "signer-name"), "Trần Văn Minh");
  td_ui_settle ();
  td_ui_save_screenshot (GTK_WIDGET (f->window), "preferences-organization.png");
  td_ui_assert_translated (GTK_WIDGET (f->window), "preferences");

  /* Typed without pressing apply, then the window closed: still written. */
  gtk_editable_set_text (GTK_EDITABLE (window_child (f, "org-place")), "Quảng Ninh");
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_null (f->window);
  place = setting (f->db, "org.place");
  g_assert_cmpstr (place, ==, "Quảng Ninh");
}

static void
test_rounding (Fixture       *f,
               gconstpointer  data)
{
  AdwComboRow *rounding = window_child (f, "rounding");
  g_autofree char *value = NULL;

  show_page (f, "bonus");
  g_assert_cmpuint (adw_combo_row_get_selected (rounding), ==, 0);
  g_assert_cmpint (bonus (f->db, "lao_dong_tien_tien", "2025-03-01"), ==, 710000);

  adw_combo_row_set_selected (rounding, 1);
  value = setting (f->db, "bonus.rounding");
  g_assert_cmpstr (value, ==, "down10000");
  g_assert_cmpint (bonus (f->db, "lao_dong_tien_tien", "2025-03-01"), ==, 700000);
  /* Drafts follow; an issued decision keeps its amount. */
  g_assert_cmpint (line_amount (f, f->draft_line), ==, 700000);
  g_assert_cmpint (line_amount (f, f->issued_line), ==, 710000);
  g_assert_cmpuint (f->changed, ==, 1);

  adw_combo_row_set_selected (rounding, 2);
  g_assert_cmpint (bonus (f->db, "lao_dong_tien_tien", "2025-03-01"), ==, 702000);
  g_assert_cmpint (line_amount (f, f->draft_line), ==, 702000);
}

static void
test_base_salary (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *date_row = window_child (f, "salary-date");
  GtkWidget *amount_row = window_child (f, "salary-amount");
  g_autoptr(GPtrArray) before = td_catalogue_store_list_base_salaries (f->db, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *amount = money (3000000);
  GtkWidget *row;

  show_page (f, "bonus");

  /* 31 February: refused on the date field, nothing written. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "31/02/2026");
  gtk_editable_set_text (GTK_EDITABLE (amount_row), "3.000.000");
  click (window_child (f, "salary-add"));
  g_assert_true (has_error (date_row));
  g_assert_false (has_error (amount_row));
  after = td_catalogue_store_list_base_salaries (f->db, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  g_clear_pointer (&after, g_ptr_array_unref);
  g_assert_cmpuint (f->changed, ==, 0);

  /* A decimal amount is not an amount of đồng. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "1/1/2026");
  gtk_editable_set_text (GTK_EDITABLE (amount_row), "3.000,5");
  click (window_child (f, "salary-add"));
  g_assert_false (has_error (date_row));
  g_assert_true (has_error (amount_row));
  scroll_to (date_row);
  td_ui_save_screenshot (GTK_WIDGET (f->window), "preferences-bonus-error.png");

  gtk_editable_set_text (GTK_EDITABLE (amount_row), "3.000.000");
  click (window_child (f, "salary-add"));
  g_assert_false (has_error (date_row));
  g_assert_false (has_error (amount_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "");
  after = td_catalogue_store_list_base_salaries (f->db, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_cmpint (bonus (f->db, "giay_khen", "2026-02-01"), ==, 900000);
  g_assert_cmpint (bonus (f->db, "giay_khen", "2025-12-31"), ==, 710000);
  g_assert_cmpint (line_amount (f, f->draft_line), ==, 900000);
  g_assert_cmpint (line_amount (f, f->issued_line), ==, 710000);
  g_assert_cmpuint (f->changed, ==, 1);

  /* Its row: «3.000.000 đ from 01/01/2026». */
  row = child_named (GTK_WIDGET (f->window), "2026-01-01");
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), amount));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "01/01/2026"));
  scroll_to (window_child (f, "rounding"));
  td_ui_save_screenshot (GTK_WIDGET (f->window), "preferences-bonus.png");

  /* Deleted with its button, back with Undo. */
  click (find_type (row, GTK_TYPE_BUTTON));
  g_assert_null (find_named (GTK_WIDGET (f->window), "2026-01-01"));
  g_assert_cmpint (line_amount (f, f->draft_line), ==, 710000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "prefs.undo", NULL));
  g_assert_nonnull (find_named (GTK_WIDGET (f->window), "2026-01-01"));
  g_assert_cmpint (line_amount (f, f->draft_line), ==, 900000);
  g_assert_cmpint (bonus (f->db, "giay_khen", "2026-02-01"), ==, 900000);
}

static void
test_coefficient (Fixture       *f,
                  gconstpointer  data)
{
  AdwExpanderRow *form;
  GtkWidget *date_row, *individual_row, *collective_row;
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GError) error = NULL;
  TdAwardRate *rate;

  show_page (f, "catalogue");
  form = open_form (f, "giay_khen");
  date_row = child_named (GTK_WIDGET (form), "rate-date");
  individual_row = child_named (GTK_WIDGET (form), "rate-individual");
  collective_row = child_named (GTK_WIDGET (form), "rate-collective");

  /* Not numbers: refused on their fields. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "01/03/2026");
  gtk_editable_set_text (GTK_EDITABLE (individual_row), "nửa");
  gtk_editable_set_text (GTK_EDITABLE (collective_row), "");
  click (child_named (GTK_WIDGET (form), "rate-add"));
  g_assert_false (has_error (date_row));
  g_assert_true (has_error (individual_row));
  /* Giấy khen is given to collectives too: their coefficient is needed. */
  g_assert_true (has_error (collective_row));
  scroll_to (GTK_WIDGET (form));
  td_ui_save_screenshot (GTK_WIDGET (f->window), "preferences-catalogue-error.png");
  rates = td_catalogue_store_list_rates (f->db, form_id (f->db, "giay_khen"), NULL);
  g_assert_cmpuint (rates->len, ==, 1);
  g_clear_pointer (&rates, g_ptr_array_unref);
  g_assert_cmpuint (f->changed, ==, 0);

  /* «0,5» and «1.0» are both numbers. */
  gtk_editable_set_text (GTK_EDITABLE (individual_row), "0,5");
  gtk_editable_set_text (GTK_EDITABLE (collective_row), "1.0");
  click (child_named (GTK_WIDGET (form), "rate-add"));
  rates = td_catalogue_store_list_rates (f->db, form_id (f->db, "giay_khen"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rates->len, ==, 2);
  rate = g_ptr_array_index (rates, 1);
  g_assert_cmpstr (rate->effective_from, ==, "2026-03-01");
  g_assert_cmpfloat (rate->coef_individual, ==, 0.5);
  g_assert_cmpfloat (rate->coef_collective, ==, 1.0);
  g_assert_cmpuint (f->changed, ==, 1);

  /* 0.5 × 2,340,000 = 1,170,000 from 1 March 2026, not before. */
  g_assert_cmpint (bonus (f->db, "giay_khen", "2026-03-15"), ==, 1170000);
  g_assert_cmpint (bonus (f->db, "giay_khen", "2026-02-28"), ==, 710000);
  g_assert_cmpint (line_amount (f, f->draft_line), ==, 1170000);
  g_assert_cmpint (line_amount (f, f->issued_line), ==, 710000);

  /* The fields are empty again, the new rate has its row. */
  date_row = child_named (GTK_WIDGET (form), "rate-date");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "");
  g_assert_nonnull (find_named (GTK_WIDGET (form), "rate-2026-03-01"));
  scroll_to (GTK_WIDGET (form));
  td_ui_save_screenshot (GTK_WIDGET (f->window), "preferences-catalogue-form.png");

  /* Deleted, then back with Undo. */
  click (find_type (child_named (GTK_WIDGET (form), "rate-2026-03-01"), GTK_TYPE_BUTTON));
  g_assert_cmpint (line_amount (f, f->draft_line), ==, 710000);
  g_assert_null (find_named (GTK_WIDGET (form), "rate-2026-03-01"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "prefs.undo", NULL));
  g_assert_cmpint (line_amount (f, f->draft_line), ==, 1170000);
  g_assert_cmpint (bonus (f->db, "giay_khen", "2026-03-15"), ==, 1170000);

  /* Without any coefficient the draft cannot follow: the deletion is
   * kept, the draft keeps its amount, a toast says why. */
  form = open_form (f, "giay_khen");
  click (find_type (child_named (GTK_WIDGET (form), "rate-2026-03-01"), GTK_TYPE_BUTTON));
  click (find_type (child_named (GTK_WIDGET (form), "rate-2017-10-01"), GTK_TYPE_BUTTON));
  g_clear_pointer (&rates, g_ptr_array_unref);
  rates = td_catalogue_store_list_rates (f->db, form_id (f->db, "giay_khen"), NULL);
  g_assert_cmpuint (rates->len, ==, 0);
  g_assert_cmpint (line_amount (f, f->draft_line), ==, 710000);
  g_assert_true (td_ui_spin_until (toast_about_giay_khen, f->window));
  td_ui_settle ();
  td_ui_save_screenshot (GTK_WIDGET (f->window), "preferences-catalogue-toast.png");
}

static void
test_forms (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAwardForm) created = NULL;
  g_autoptr(GPtrArray) forms = NULL;
  AdwExpanderRow *form;
  GtkWidget *name_row;

  show_page (f, "catalogue");
  td_ui_save_screenshot (GTK_WIDGET (f->window), "preferences-catalogue.png");

  /* An empty name is refused on the field. */
  click (child_named (GTK_WIDGET (f->window), "new-form-add"));
  g_assert_true (has_error (window_child (f, "new-form")));

  gtk_editable_set_text (GTK_EDITABLE (window_child (f, "new-form")), "Giấy khen của Giám đốc Sở");
  click (child_named (GTK_WIDGET (f->window), "new-form-add"));
  g_assert_false (has_error (window_child (f, "new-form")));
  created = td_catalogue_store_get_form_by_code (f->db, "giay_khen_cua_giam_doc_so", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (created->name, ==, "Giấy khen của Giám đốc Sở");

  /* It opens at the end of the list: kind, precedence, a coefficient. */
  form = ADW_EXPANDER_ROW (child_named (GTK_WIDGET (f->window), "giay_khen_cua_giam_doc_so"));
  g_assert_true (adw_expander_row_get_expanded (form));
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_named (GTK_WIDGET (form), "form-recipient")), 0);
  type_and_apply (child_named (GTK_WIDGET (form), "form-precedence"), "185");
  gtk_editable_set_text (GTK_EDITABLE (child_named (GTK_WIDGET (form), "rate-date")), "1/1/2026");
  gtk_editable_set_text (GTK_EDITABLE (child_named (GTK_WIDGET (form), "rate-individual")), "0,4");
  click (child_named (GTK_WIDGET (form), "rate-add"));
  g_clear_pointer (&created, td_award_form_free);
  created = td_catalogue_store_get_form_by_code (f->db, "giay_khen_cua_giam_doc_so", &error);
  g_assert_cmpint (created->recipient, ==, TD_RECIPIENT_INDIVIDUAL);
  g_assert_cmpint (created->precedence, ==, 185);
  /* 0.4 × 2,340,000 = 936,000 → 940,000. */
  g_assert_cmpint (bonus (f->db, "giay_khen_cua_giam_doc_so", "2026-02-01"), ==, 940000);

  /* Between Tập thể lao động tiên tiến (180) and Giấy khen (190). */
  forms = td_catalogue_store_list_forms (f->db, NULL, FALSE, NULL);
  for (guint i = 0; i < forms->len; i++)
    if (((TdAwardForm *) g_ptr_array_index (forms, i))->id == created->id)
      g_assert_cmpstr (((TdAwardForm *) g_ptr_array_index (forms, i + 1))->code, ==, "giay_khen");

  /* Renamed; an empty name is refused and the old one kept. */
  name_row = child_named (GTK_WIDGET (form), "form-name");
  type_and_apply (name_row, "");
  g_assert_true (has_error (name_row));
  type_and_apply (name_row, "Giấy khen của Giám đốc");
  g_assert_false (has_error (name_row));
  g_clear_pointer (&created, td_award_form_free);
  created = td_catalogue_store_get_form_by_code (f->db, "giay_khen_cua_giam_doc_so", &error);
  g_assert_cmpstr (created->name, ==, "Giấy khen của Giám đốc");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (form)), ==, "Giấy khen của Giám đốc");

  /* No award uses it yet: it can be deleted, and Undo brings it back. */
  click (find_type (child_named (GTK_WIDGET (form), "form-delete"), GTK_TYPE_BUTTON));
  g_assert_false (form_exists (f->db, "giay_khen_cua_giam_doc_so"));
  g_assert_null (find_named (GTK_WIDGET (f->window), "giay_khen_cua_giam_doc_so"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "prefs.undo", NULL));
  g_assert_true (form_exists (f->db, "giay_khen_cua_giam_doc_so"));
  g_assert_cmpint (bonus (f->db, "giay_khen_cua_giam_doc_so", "2026-02-01"), ==, 940000);
  form = open_form (f, "giay_khen_cua_giam_doc_so");

  /* Archived: gone from the list unless archived forms are shown. */
  gtk_switch_set_active (GTK_SWITCH (find_type (child_named (GTK_WIDGET (form), "form-archived"), GTK_TYPE_SWITCH)), TRUE);
  g_clear_pointer (&created, td_award_form_free);
  created = td_catalogue_store_get_form_by_code (f->db, "giay_khen_cua_giam_doc_so", &error);
  g_assert_true (created->archived);
  gtk_switch_set_active (window_child (f, "show-archived"), FALSE);
  gtk_switch_set_active (window_child (f, "show-archived"), TRUE);
  g_assert_nonnull (find_named (GTK_WIDGET (f->window), "giay_khen_cua_giam_doc_so"));
  gtk_switch_set_active (window_child (f, "show-archived"), FALSE);
  g_assert_null (find_named (GTK_WIDGET (f->window), "giay_khen_cua_giam_doc_so"));

  /* A form in use cannot be deleted: the message shows on its row. */
  form = open_form (f, "giay_khen");
  click (find_type (child_named (GTK_WIDGET (form), "form-delete"), GTK_TYPE_BUTTON));
  g_assert_true (has_error (child_named (GTK_WIDGET (form), "form-delete")));
  g_assert_true (form_exists (f->db, "giay_khen"));
}

static void
test_words (Fixture       *f,
            gconstpointer  data)
{
  AdwActionRow *example = window_child (f, "words-example");
  const char *switches[] = { "words-le", "words-ngan", "words-bon", "words-chan" };
  const char *keys[] = { "words.linh", "words.nghin", "words.tu", "words.chan" };
  const char *values[] = { "lẻ", "ngàn", "bốn", "1" };

  show_page (f, "words");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (example)), ==,
                   "Một triệu không trăm linh năm nghìn không trăm hai mươi tư đồng");
  td_ui_save_screenshot (GTK_WIDGET (f->window), "preferences-words.png");

  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    {
      g_autofree char *value = NULL;

      gtk_switch_set_active (window_child (f, switches[i]), TRUE);
      value = setting (f->db, keys[i]);
      g_assert_cmpstr (value, ==, values[i]);
    }
  g_assert_cmpuint (f->changed, ==, 4);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (example)), ==,
                   "Một triệu không trăm lẻ năm ngàn không trăm hai mươi bốn đồng chẵn");
  td_ui_settle ();
  td_ui_save_screenshot (GTK_WIDGET (f->window), "preferences-words-on.png");

  gtk_switch_set_active (window_child (f, "words-le"), FALSE);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (example)), ==,
                   "Một triệu không trăm linh năm ngàn không trăm hai mươi bốn đồng chẵn");
}

/* Every change is in the file: another connection sees it, and a new
 * window shows it. */
static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  g_autofree char *name = NULL;
  g_autofree char *rounding = NULL;
  g_autofree char *linh = NULL;
  AdwExpanderRow *form;

  type_and_apply (window_child (f, "org-name"), "SỞ NỘI VỤ");
  adw_combo_row_set_selected (window_child (f, "rounding"), 1);
  gtk_editable_set_text (GTK_EDITABLE (window_child (f, "salary-date")), "01/01/2026");
  gtk_editable_set_text (GTK_EDITABLE (window_child (f, "salary-amount")), "3000000");
  click (window_child (f, "salary-add"));
  form = open_form (f, "giay_khen");
  gtk_editable_set_text (GTK_EDITABLE (child_named (GTK_WIDGET (form), "rate-date")), "01/03/2026");
  gtk_editable_set_text (GTK_EDITABLE (child_named (GTK_WIDGET (form), "rate-individual")), "0.5");
  gtk_editable_set_text (GTK_EDITABLE (child_named (GTK_WIDGET (form), "rate-collective")), "1");
  click (child_named (GTK_WIDGET (form), "rate-add"));
  gtk_switch_set_active (window_child (f, "words-le"), TRUE);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_null (f->window);
  g_clear_object (&f->db);

  f->db = td_database_open (f->path, TD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  name = setting (f->db, "org.name");
  rounding = setting (f->db, "bonus.rounding");
  linh = setting (f->db, "words.linh");
  g_assert_cmpstr (name, ==, "SỞ NỘI VỤ");
  g_assert_cmpstr (rounding, ==, "down10000");
  g_assert_cmpstr (linh, ==, "lẻ");
  rates = td_catalogue_store_list_rates (f->db, form_id (f->db, "giay_khen"), NULL);
  g_assert_cmpuint (rates->len, ==, 2);
  /* 0.5 × 3,000,000, rounded down. */
  g_assert_cmpint (bonus (f->db, "giay_khen", "2026-03-15"), ==, 1500000);
  g_assert_cmpint (line_amount (f, f->draft_line), ==, 1500000);
  g_assert_cmpint (line_amount (f, f->issued_line), ==, 710000);

  open_window (f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window_child (f, "org-name"))), ==, "SỞ NỘI VỤ");
  g_assert_cmpuint (adw_combo_row_get_selected (window_child (f, "rounding")), ==, 1);
  g_assert_true (gtk_switch_get_active (window_child (f, "words-le")));
  g_assert_false (gtk_switch_get_active (window_child (f, "words-ngan")));
  g_assert_nonnull (find_named (GTK_WIDGET (f->window), "2026-01-01"));
  g_assert_cmpuint (f->changed, ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TdApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  td_ui_init (&argc, &argv);
  /* Its startup loads the resources and the style, as the program does. */
  app = td_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/preferences/organization/header-and-signer-are-saved", test_organization);
  ADD ("/preferences/bonus/rounding-applies-to-drafts-not-issued", test_rounding);
  ADD ("/preferences/bonus/new-base-salary-and-refused-date", test_base_salary);
  ADD ("/preferences/catalogue/new-coefficient-applies-to-drafts", test_coefficient);
  ADD ("/preferences/catalogue/new-form-edited-archived", test_forms);
  ADD ("/preferences/words/options-change-the-example", test_words);
  ADD ("/preferences/everything-survives-reopening", test_reopen);
#undef ADD

  return td_test_run ();
}
