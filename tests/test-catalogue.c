#define G_LOG_DOMAIN "test-catalogue"

#include "config.h"

#include <string.h>

#include "td-catalogue-store.h"
#include "td-database-private.h"
#include "td-settings-store.h"
#include "td-test-util.h"

static gint64
form_id (TdDatabase *db,
         const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAwardForm) form = td_catalogue_store_get_form_by_code (db, code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (form);
  return form->id;
}

static gint64
bonus (TdDatabase *db,
       const char *code,
       gboolean    collective,
       const char *date)
{
  g_autoptr(GError) error = NULL;
  gint64 amount = -1;

  g_assert_true (td_catalogue_store_compute_bonus (db, form_id (db, code), collective, date, &amount, &error));
  g_assert_no_error (error);
  return amount;
}

static gint64
count_rows (TdDatabase *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (td_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
exec_sql (TdDatabase *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (td_database_get_handle (db), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
assert_field_error (const GError *error,
                    TdFieldError  code,
                    const char   *field)
{
  g_assert_error (error, TD_FIELD_ERROR, (int) code);
  g_assert_cmpstr (td_field_error_get_field (error), ==, field);
}

static gboolean
has_code (GPtrArray  *forms,
          const char *code)
{
  for (guint i = 0; i < forms->len; i++)
    if (g_strcmp0 (((TdAwardForm *) g_ptr_array_index (forms, i))->code, code) == 0)
      return TRUE;
  return FALSE;
}

static void
test_forms_seeded_codes (void)
{
  static const char * const codes[] = {
    "cstd_toan_quoc", "cstd_tinh", "cstd_co_so", "lao_dong_tien_tien", "chien_si_tien_tien",
    "tt_lao_dong_xuat_sac", "don_vi_quyet_thang", "tt_lao_dong_tien_tien", "don_vi_tien_tien",
    "co_thi_dua_chinh_phu", "co_thi_dua_tinh", "co_thi_dua_quan_khu", "xa_tieu_bieu",
    "thon_van_hoa", "bang_khen_thu_tuong", "bang_khen_tinh", "bang_khen_quan_khu", "giay_khen",
    "ky_niem_chuong", "huan_chuong_lao_dong_1", "huan_chuong_lao_dong_2", "huan_chuong_lao_dong_3",
    "huan_chuong_chien_cong_1", "huan_chuong_chien_cong_2", "huan_chuong_chien_cong_3",
    "huan_chuong_bao_ve_to_quoc_1", "huan_chuong_bao_ve_to_quoc_2", "huan_chuong_bao_ve_to_quoc_3",
  };
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) forms = td_catalogue_store_list_forms (db, NULL, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (forms);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(TdAwardForm) form = td_catalogue_store_get_form_by_code (db, codes[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (form->code, ==, codes[i]);
      g_assert_true (has_code (forms, codes[i]));
    }

  for (guint i = 1; i < forms->len; i++)
    {
      TdAwardForm *a = g_ptr_array_index (forms, i - 1);
      TdAwardForm *b = g_ptr_array_index (forms, i);

      g_assert_true (a->precedence < b->precedence ||
                     (a->precedence == b->precedence && a->id < b->id));
    }

  /* The national title before the provincial one, the provincial flag
   * before its Bằng khen, Giấy khen before Lao động tiên tiến. */
  {
    g_autoptr(TdAwardForm) toan_quoc = td_catalogue_store_get_form_by_code (db, "cstd_toan_quoc", NULL);
    g_autoptr(TdAwardForm) tinh = td_catalogue_store_get_form_by_code (db, "cstd_tinh", NULL);
    g_autoptr(TdAwardForm) co = td_catalogue_store_get_form_by_code (db, "co_thi_dua_tinh", NULL);
    g_autoptr(TdAwardForm) bang_khen = td_catalogue_store_get_form_by_code (db, "bang_khen_tinh", NULL);
    g_autoptr(TdAwardForm) giay_khen = td_catalogue_store_get_form_by_code (db, "giay_khen", NULL);
    g_autoptr(TdAwardForm) ldtt = td_catalogue_store_get_form_by_code (db, "lao_dong_tien_tien", NULL);

    g_assert_cmpint (toan_quoc->precedence, <, tinh->precedence);
    g_assert_cmpint (co->precedence, <, bang_khen->precedence);
    g_assert_cmpint (giay_khen->precedence, <, ldtt->precedence);
    g_assert_cmpint (co->recipient, ==, TD_RECIPIENT_COLLECTIVE);
    g_assert_cmpint (co->family, ==, TD_FAMILY_TITLE);
    g_assert_cmpint (ldtt->recipient, ==, TD_RECIPIENT_INDIVIDUAL);
    g_assert_cmpint (bang_khen->recipient, ==, TD_RECIPIENT_BOTH);
    g_assert_cmpint (bang_khen->family, ==, TD_FAMILY_COMMENDATION);
    g_assert_cmpstr (bang_khen->name, ==, "Bằng khen của Chủ tịch UBND tỉnh");
  }
}

static void
test_forms_insert_update (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAwardForm) form = td_award_form_new ();
  g_autoptr(TdAwardForm) read = NULL;

  form->code = g_strdup ("giay_khen_so");
  form->name = g_strdup ("  Giấy khen   của Giám đốc Sở  ");
  form->family = TD_FAMILY_COMMENDATION;
  form->recipient = TD_RECIPIENT_INDIVIDUAL;
  form->precedence = 195;
  g_assert_true (td_catalogue_store_insert_form (db, form, &error));
  g_assert_no_error (error);
  g_assert_cmpint (form->id, >, 0);

  read = td_catalogue_store_get_form (db, form->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->code, ==, "giay_khen_so");
  g_assert_cmpstr (read->name, ==, "Giấy khen của Giám đốc Sở");
  g_assert_cmpint (read->family, ==, TD_FAMILY_COMMENDATION);
  g_assert_cmpint (read->recipient, ==, TD_RECIPIENT_INDIVIDUAL);
  g_assert_cmpint (read->precedence, ==, 195);
  g_assert_false (read->archived);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM award_forms WHERE code = 'giay_khen_so' "
                                   "AND family = 'commendation' AND recipient = 'individual'"), ==, 1);

  /* Without a code: several forms may have none. */
  g_clear_pointer (&read->code, g_free);
  read->recipient = TD_RECIPIENT_COLLECTIVE;
  read->family = TD_FAMILY_TITLE;
  g_assert_true (td_catalogue_store_update_form (db, read, &error));
  g_assert_no_error (error);
  {
    g_autoptr(TdAwardForm) other = td_award_form_new ();

    other->name = g_strdup ("Danh hiệu riêng");
    other->code = g_strdup ("");
    g_assert_true (td_catalogue_store_insert_form (db, other, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM award_forms WHERE code IS NULL"), ==, 2);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM award_forms WHERE name = 'Giấy khen của Giám đốc Sở' "
                                   "AND family = 'title' AND recipient = 'collective'"), ==, 1);

  read->id = 99999;
  g_assert_false (td_catalogue_store_update_form (db, read, &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id");
}

static void
test_forms_refused (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAwardForm) form = td_award_form_new ();
  g_autoptr(TdAwardForm) giay_khen = NULL;
  gint64 before = count_rows (db, "SELECT count(*) FROM award_forms");

  form->name = g_strdup ("   ");
  g_assert_false (td_catalogue_store_insert_form (db, form, &error));
  assert_field_error (error, TD_FIELD_ERROR_REQUIRED, "name");
  g_clear_error (&error);

  g_free (form->name);
  form->name = g_strdup ("Bằng khen của Giám đốc");
  form->code = g_strdup ("Bang-Khen");
  g_assert_false (td_catalogue_store_insert_form (db, form, &error));
  assert_field_error (error, TD_FIELD_ERROR_FORMAT, "code");
  g_clear_error (&error);

  g_free (form->code);
  form->code = g_strdup ("bằng_khen");
  g_assert_false (td_catalogue_store_insert_form (db, form, &error));
  assert_field_error (error, TD_FIELD_ERROR_FORMAT, "code");
  g_clear_error (&error);

  g_free (form->code);
  form->code = g_strdup ("giay_khen");
  g_assert_false (td_catalogue_store_insert_form (db, form, &error));
  assert_field_error (error, TD_FIELD_ERROR_AMBIGUOUS, "code");
  g_assert_nonnull (strstr (error->message, "Giấy khen"));
  g_clear_error (&error);
  g_assert_cmpint (form->id, ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM award_forms"), ==, before);

  /* Renaming an existing form to another's code is refused too; keeping
   * its own code is not a duplicate. */
  giay_khen = td_catalogue_store_get_form_by_code (db, "giay_khen", &error);
  g_assert_no_error (error);
  g_assert_true (td_catalogue_store_update_form (db, giay_khen, &error));
  g_assert_no_error (error);
  g_free (giay_khen->code);
  giay_khen->code = g_strdup ("bang_khen_tinh");
  g_assert_false (td_catalogue_store_update_form (db, giay_khen, &error));
  assert_field_error (error, TD_FIELD_ERROR_AMBIGUOUS, "code");
  g_clear_error (&error);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM award_forms WHERE code = 'giay_khen'"), ==, 1);

  g_assert_null (td_catalogue_store_get_form_by_code (db, "no_such_form", &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "code");
  g_clear_error (&error);
  g_assert_null (td_catalogue_store_get_form (db, 99999, &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id");
}

static void
test_forms_search_folds_marks (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  found = td_catalogue_store_list_forms (db, "giay khen", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((TdAwardForm *) found->pdata[0])->code, ==, "giay_khen");
  g_clear_pointer (&found, g_ptr_array_unref);

  /* đ folds to d; results stay in precedence order. */
  found = td_catalogue_store_list_forms (db, "ĐƠN VỊ", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpstr (((TdAwardForm *) found->pdata[0])->code, ==, "don_vi_quyet_thang");
  g_assert_cmpstr (((TdAwardForm *) found->pdata[1])->code, ==, "don_vi_tien_tien");
  g_clear_pointer (&found, g_ptr_array_unref);

  found = td_catalogue_store_list_forms (db, "co thi dua", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpstr (((TdAwardForm *) found->pdata[0])->code, ==, "co_thi_dua_chinh_phu");
  g_clear_pointer (&found, g_ptr_array_unref);

  found = td_catalogue_store_list_forms (db, "bao_ve_to_quoc_2", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((TdAwardForm *) found->pdata[0])->name, ==, "Huân chương Bảo vệ Tổ quốc hạng Nhì");
  g_clear_pointer (&found, g_ptr_array_unref);

  found = td_catalogue_store_list_forms (db, "không có hình thức này", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_forms_archived_hidden (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAwardForm) form = td_catalogue_store_get_form_by_code (db, "don_vi_tien_tien", &error);
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_no_error (error);
  form->archived = TRUE;
  g_assert_true (td_catalogue_store_update_form (db, form, &error));
  g_assert_no_error (error);

  shown = td_catalogue_store_list_forms (db, NULL, FALSE, &error);
  g_assert_no_error (error);
  all = td_catalogue_store_list_forms (db, "", TRUE, &error);
  g_assert_no_error (error);
  g_assert_false (has_code (shown, "don_vi_tien_tien"));
  g_assert_true (has_code (all, "don_vi_tien_tien"));
  g_assert_cmpuint (all->len, ==, shown->len + 1);
  g_assert_cmpint (all->len, ==, count_rows (db, "SELECT count(*) FROM award_forms"));
}

static void
test_forms_delete (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAwardForm) form = td_award_form_new ();
  g_autoptr(TdAwardRate) rate = td_award_rate_new ();
  gint64 giay_khen = form_id (db, "giay_khen");
  g_autofree char *sql = NULL;

  /* In use: refused, with its rates kept. */
  exec_sql (db, "INSERT INTO units (id, name) VALUES (1, 'Đồn Biên phòng Hoành Mô');"
                "INSERT INTO decisions (id, date) VALUES (1, '2025-03-15');");
  sql = g_strdup_printf ("INSERT INTO awards (decision_id, form_id, unit_id, amount) VALUES (1, %" G_GINT64_FORMAT ", 1, 1410000)",
                         giay_khen);
  exec_sql (db, sql);
  g_assert_false (td_catalogue_store_delete_form (db, giay_khen, &error));
  assert_field_error (error, TD_FIELD_ERROR_IN_USE, "id");
  g_assert_nonnull (strstr (error->message, "1 award"));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM award_forms WHERE code = 'giay_khen'"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM award_form_rates r JOIN award_forms f ON f.id = r.form_id "
                                   "WHERE f.code = 'giay_khen'"), ==, 1);

  /* Unused: the form and its rates go. */
  form->name = g_strdup ("Giấy khen của Hiệu trưởng");
  form->code = g_strdup ("giay_khen_truong");
  g_assert_true (td_catalogue_store_insert_form (db, form, &error));
  g_assert_no_error (error);
  rate->form_id = form->id;
  rate->effective_from = g_strdup ("2024-01-01");
  rate->coef_individual = 0.1;
  g_assert_true (td_catalogue_store_set_rate (db, rate, &error));
  g_assert_no_error (error);
  g_free (rate->effective_from);
  rate->effective_from = g_strdup ("2025-01-01");
  g_assert_true (td_catalogue_store_set_rate (db, rate, &error));
  g_assert_no_error (error);

  g_assert_true (td_catalogue_store_delete_form (db, form->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM award_forms WHERE code = 'giay_khen_truong'"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM award_form_rates r LEFT JOIN award_forms f "
                                   "ON f.id = r.form_id WHERE f.id IS NULL"), ==, 0);

  g_assert_false (td_catalogue_store_delete_form (db, form->id, &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id");
}

static void
test_forms_delete_one_transaction (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  gint64 id = form_id (db, "xa_tieu_bieu");

  /* The form row refuses to go: its rates must stay too. */
  exec_sql (db, "CREATE TEMP TRIGGER keep_forms BEFORE DELETE ON award_forms "
                "BEGIN SELECT RAISE(ABORT, 'kept'); END;");
  g_assert_false (td_catalogue_store_delete_form (db, id, &error));
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_FAILED);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM award_form_rates r JOIN award_forms f ON f.id = r.form_id "
                                   "WHERE f.code = 'xa_tieu_bieu'"), ==, 1);
}

static void
test_rates_rate_on (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  gint64 bang_khen = form_id (db, "bang_khen_tinh");
  g_autoptr(TdAwardRate) before = td_catalogue_store_rate_on (db, bang_khen, "2025-06-30", &error);
  g_autoptr(TdAwardRate) after = NULL;
  g_autoptr(TdAwardRate) flag = NULL;
  g_autoptr(TdAwardRate) none = NULL;
  g_autoptr(GPtrArray) rates = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (before->effective_from, ==, "2017-10-01");
  g_assert_cmpfloat_with_epsilon (before->coef_individual, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (before->coef_collective, 2.0, 1e-9);

  after = td_catalogue_store_rate_on (db, bang_khen, "2025-07-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->effective_from, ==, "2025-07-01");
  g_assert_cmpfloat_with_epsilon (after->coef_individual, 1.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (after->coef_collective, 3.0, 1e-9);

  /* A NULL coefficient reads back as «not given». */
  flag = td_catalogue_store_rate_on (db, form_id (db, "co_thi_dua_tinh"), "2025-03-15", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (flag->coef_individual, <, 0);
  g_assert_cmpfloat_with_epsilon (flag->coef_collective, 8.0, 1e-9);

  rates = td_catalogue_store_list_rates (db, bang_khen, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rates->len, ==, 2);
  g_assert_cmpstr (((TdAwardRate *) rates->pdata[0])->effective_from, ==, "2017-10-01");
  g_assert_cmpstr (((TdAwardRate *) rates->pdata[1])->effective_from, ==, "2025-07-01");

  none = td_catalogue_store_rate_on (db, bang_khen, "2017-09-30", &error);
  g_assert_null (none);
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "form_id");
  g_assert_nonnull (strstr (error->message, "Bằng khen của Chủ tịch UBND tỉnh"));
  g_assert_nonnull (strstr (error->message, "30/09/2017"));
  g_assert_nonnull (strstr (error->message, "catalogue"));
  g_clear_error (&error);

  g_assert_null (td_catalogue_store_rate_on (db, bang_khen, "2025-02-30", &error));
  assert_field_error (error, TD_FIELD_ERROR_FORMAT, "date");
  g_clear_error (&error);

  g_assert_null (td_catalogue_store_rate_on (db, 99999, "2025-03-15", &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "form_id");
}

static void
test_rates_set_and_delete (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAwardRate) rate = td_award_rate_new ();
  g_autoptr(TdAwardRate) read = NULL;
  gint64 ky_niem_chuong = form_id (db, "ky_niem_chuong");
  gint64 before = count_rows (db, "SELECT count(*) FROM award_form_rates");

  rate->form_id = ky_niem_chuong;
  rate->effective_from = g_strdup ("2026-01-01");

  /* Neither coefficient given. */
  g_assert_false (td_catalogue_store_set_rate (db, rate, &error));
  assert_field_error (error, TD_FIELD_ERROR_REQUIRED, "coef_individual");
  g_clear_error (&error);

  rate->coef_individual = 0.5;
  g_free (rate->effective_from);
  rate->effective_from = g_strdup ("01/01/2026");
  g_assert_false (td_catalogue_store_set_rate (db, rate, &error));
  assert_field_error (error, TD_FIELD_ERROR_FORMAT, "effective_from");
  g_clear_error (&error);

  g_clear_pointer (&rate->effective_from, g_free);
  g_assert_false (td_catalogue_store_set_rate (db, rate, &error));
  assert_field_error (error, TD_FIELD_ERROR_REQUIRED, "effective_from");
  g_clear_error (&error);

  rate->effective_from = g_strdup ("2026-01-01");
  rate->form_id = 99999;
  g_assert_false (td_catalogue_store_set_rate (db, rate, &error));
  assert_field_error (error, TD_FIELD_ERROR_REFERENCE, "form_id");
  g_clear_error (&error);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM award_form_rates"), ==, before);

  /* Set, then replace the same (form, date). */
  rate->form_id = ky_niem_chuong;
  g_assert_true (td_catalogue_store_set_rate (db, rate, &error));
  g_assert_no_error (error);
  rate->coef_individual = 0.4;
  rate->coef_collective = 0.8;
  g_assert_true (td_catalogue_store_set_rate (db, rate, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM award_form_rates"), ==, before + 1);

  read = td_catalogue_store_rate_on (db, ky_niem_chuong, "2026-05-19", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (read->coef_individual, 0.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (read->coef_collective, 0.8, 1e-9);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM award_form_rates WHERE effective_from = '2026-01-01' "
                                   "AND typeof(coef_individual) = 'real'"), ==, 1);

  /* A coefficient dropped goes back to NULL. */
  rate->coef_collective = -1;
  g_assert_true (td_catalogue_store_set_rate (db, rate, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM award_form_rates WHERE effective_from = '2026-01-01' "
                                   "AND coef_collective IS NULL"), ==, 1);

  g_assert_true (td_catalogue_store_delete_rate (db, ky_niem_chuong, "2026-01-01", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM award_form_rates"), ==, before);
  g_assert_false (td_catalogue_store_delete_rate (db, ky_niem_chuong, "2026-01-01", &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "effective_from");
}

static void
test_base_salary (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TdBaseSalary) salary = td_base_salary_new ();
  g_autoptr(GPtrArray) list = NULL;
  gint64 amount = 0;

  g_assert_true (td_catalogue_store_base_salary_on (db, "2019-01-17", &amount, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amount, ==, 1390000);
  g_assert_true (td_catalogue_store_base_salary_on (db, "2019-07-01", &amount, &error));
  g_assert_cmpint (amount, ==, 1490000);
  g_assert_true (td_catalogue_store_base_salary_on (db, "2024-06-30", &amount, &error));
  g_assert_cmpint (amount, ==, 1800000);
  g_assert_true (td_catalogue_store_base_salary_on (db, "2025-12-31", &amount, &error));
  g_assert_cmpint (amount, ==, 2340000);

  amount = -1;
  g_assert_false (td_catalogue_store_base_salary_on (db, "2016-04-30", &amount, &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "date");
  g_assert_nonnull (strstr (error->message, "30/04/2016"));
  g_assert_cmpint (amount, ==, -1);
  g_clear_error (&error);

  g_assert_false (td_catalogue_store_base_salary_on (db, "2025-13-01", &amount, &error));
  assert_field_error (error, TD_FIELD_ERROR_FORMAT, "date");
  g_clear_error (&error);

  salary->effective_from = g_strdup ("2026-07-01");
  salary->amount = 0;
  g_assert_false (td_catalogue_store_set_base_salary (db, salary, &error));
  assert_field_error (error, TD_FIELD_ERROR_RANGE, "amount");
  g_clear_error (&error);
  salary->amount = 2530000;
  g_free (salary->effective_from);
  salary->effective_from = g_strdup ("2026-7-1");
  g_assert_false (td_catalogue_store_set_base_salary (db, salary, &error));
  assert_field_error (error, TD_FIELD_ERROR_FORMAT, "effective_from");
  g_clear_error (&error);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM base_salaries"), ==, 6);

  g_free (salary->effective_from);
  salary->effective_from = g_strdup ("2026-07-01");
  g_assert_true (td_catalogue_store_set_base_salary (db, salary, &error));
  g_assert_no_error (error);
  salary->amount = 2600000;
  g_assert_true (td_catalogue_store_set_base_salary (db, salary, &error));
  g_assert_no_error (error);
  g_assert_true (td_catalogue_store_base_salary_on (db, "2026-07-01", &amount, &error));
  g_assert_cmpint (amount, ==, 2600000);

  list = td_catalogue_store_list_base_salaries (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 7);
  g_assert_cmpstr (((TdBaseSalary *) list->pdata[0])->effective_from, ==, "2016-05-01");
  g_assert_cmpint (((TdBaseSalary *) list->pdata[0])->amount, ==, 1210000);
  g_assert_cmpstr (((TdBaseSalary *) list->pdata[6])->effective_from, ==, "2026-07-01");

  g_assert_true (td_catalogue_store_delete_base_salary (db, "2026-07-01", &error));
  g_assert_no_error (error);
  g_assert_true (td_catalogue_store_base_salary_on (db, "2026-07-01", &amount, &error));
  g_assert_cmpint (amount, ==, 2340000);
  g_assert_false (td_catalogue_store_delete_base_salary (db, "2026-07-01", &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "effective_from");
}

/* DOMAIN.md worked examples at 2,340,000 đồng. */
static void
test_bonus_rounds_up (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();

  g_assert_cmpint (bonus (db, "lao_dong_tien_tien", FALSE, "2025-03-15"), ==, 710000);
  g_assert_cmpint (bonus (db, "chien_si_tien_tien", FALSE, "2025-03-15"), ==, 710000);
  g_assert_cmpint (bonus (db, "tt_lao_dong_tien_tien", TRUE, "2025-03-15"), ==, 1880000);
  g_assert_cmpint (bonus (db, "giay_khen", TRUE, "2025-03-15"), ==, 1410000);
  g_assert_cmpint (bonus (db, "giay_khen", FALSE, "2025-03-15"), ==, 710000);
  g_assert_cmpint (bonus (db, "co_thi_dua_tinh", TRUE, "2025-11-20"), ==, 18720000);
  g_assert_cmpint (bonus (db, "cstd_co_so", FALSE, "2025-03-15"), ==, 2340000);
  /* Exact multiples stay as they are. */
  g_assert_cmpint (bonus (db, "cstd_tinh", FALSE, "2025-03-15"), ==, 7020000);
}

static void
test_bonus_bang_khen_tinh_changes (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();

  g_assert_cmpint (bonus (db, "bang_khen_tinh", FALSE, "2025-06-30"), ==, 2340000);
  g_assert_cmpint (bonus (db, "bang_khen_tinh", FALSE, "2025-07-01"), ==, 3510000);
  g_assert_cmpint (bonus (db, "bang_khen_tinh", TRUE, "2025-06-30"), ==, 4680000);
  g_assert_cmpint (bonus (db, "bang_khen_tinh", TRUE, "2025-07-01"), ==, 7020000);
  /* The other Bằng khen did not change. */
  g_assert_cmpint (bonus (db, "bang_khen_quan_khu", FALSE, "2025-07-01"), ==, 2340000);
}

static void
test_bonus_base_salary_of_the_date (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  gint64 amount = -1;

  /* January 2019: base 1,390,000. 0.3 × 1,390,000 = 417,000. */
  g_assert_cmpint (bonus (db, "lao_dong_tien_tien", FALSE, "2019-01-17"), ==, 420000);
  g_assert_cmpint (bonus (db, "bang_khen_tinh", FALSE, "2019-01-17"), ==, 1390000);
  g_assert_cmpint (bonus (db, "tt_lao_dong_tien_tien", TRUE, "2019-01-17"), ==, 1120000);
  g_assert_cmpint (bonus (db, "co_thi_dua_tinh", TRUE, "2019-01-17"), ==, 11120000);

  /* Before Decree 91/2017 the catalogue has no coefficient. */
  g_assert_false (td_catalogue_store_compute_bonus (db, form_id (db, "giay_khen"), FALSE, "2017-08-01",
                                                    &amount, &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "form_id");
  g_assert_nonnull (strstr (error->message, "Giấy khen"));
  g_assert_cmpint (amount, ==, -1);
}

static void
test_bonus_rounding_down_and_none (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;

  g_assert_true (td_settings_store_set (db, "bonus.rounding", "down10000", &error));
  g_assert_no_error (error);
  g_assert_cmpint (bonus (db, "lao_dong_tien_tien", FALSE, "2025-03-15"), ==, 700000);
  g_assert_cmpint (bonus (db, "tt_lao_dong_tien_tien", TRUE, "2025-03-15"), ==, 1870000);
  g_assert_cmpint (bonus (db, "giay_khen", TRUE, "2025-03-15"), ==, 1400000);
  g_assert_cmpint (bonus (db, "bang_khen_tinh", FALSE, "2025-07-01"), ==, 3510000);

  g_assert_true (td_settings_store_set (db, "bonus.rounding", "none", &error));
  g_assert_no_error (error);
  g_assert_cmpint (bonus (db, "lao_dong_tien_tien", FALSE, "2025-03-15"), ==, 702000);
  g_assert_cmpint (bonus (db, "tt_lao_dong_tien_tien", TRUE, "2025-03-15"), ==, 1872000);
  g_assert_cmpint (bonus (db, "giay_khen", TRUE, "2025-03-15"), ==, 1404000);
  g_assert_cmpint (bonus (db, "lao_dong_tien_tien", FALSE, "2019-01-17"), ==, 417000);

  g_assert_true (td_settings_store_set (db, "bonus.rounding", "up10000", &error));
  g_assert_no_error (error);
  g_assert_cmpint (bonus (db, "lao_dong_tien_tien", FALSE, "2025-03-15"), ==, 710000);
}

static void
test_bonus_form_not_given_to_kind (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  gint64 amount = -1;

  g_assert_false (td_catalogue_store_compute_bonus (db, form_id (db, "co_thi_dua_tinh"), FALSE, "2025-03-15",
                                                    &amount, &error));
  assert_field_error (error, TD_FIELD_ERROR_RANGE, "form_id");
  g_assert_nonnull (strstr (error->message, "Cờ thi đua của UBND tỉnh"));
  g_assert_nonnull (strstr (error->message, "individuals"));
  g_clear_error (&error);

  g_assert_false (td_catalogue_store_compute_bonus (db, form_id (db, "lao_dong_tien_tien"), TRUE, "2025-03-15",
                                                    &amount, &error));
  assert_field_error (error, TD_FIELD_ERROR_RANGE, "form_id");
  g_assert_nonnull (strstr (error->message, "collectives"));
  g_assert_cmpint (amount, ==, -1);
}

/* Users change the catalogue: a new coefficient applies from its date on. */
static void
test_bonus_follows_catalogue_edits (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAwardRate) rate = td_award_rate_new ();
  g_autoptr(TdBaseSalary) salary = td_base_salary_new ();

  rate->form_id = form_id (db, "ky_niem_chuong");
  rate->effective_from = g_strdup ("2026-01-01");
  rate->coef_individual = 0.5;
  g_assert_true (td_catalogue_store_set_rate (db, rate, &error));
  g_assert_no_error (error);
  salary->effective_from = g_strdup ("2026-07-01");
  salary->amount = 2530000;
  g_assert_true (td_catalogue_store_set_base_salary (db, salary, &error));
  g_assert_no_error (error);

  g_assert_cmpint (bonus (db, "ky_niem_chuong", FALSE, "2025-12-31"), ==, 1410000);
  g_assert_cmpint (bonus (db, "ky_niem_chuong", FALSE, "2026-01-01"), ==, 1170000);
  g_assert_cmpint (bonus (db, "ky_niem_chuong", FALSE, "2026-07-01"), ==, 1270000);
}

/* DOMAIN.md's worked examples on each side of the base salary change of
 * 2024-07-01 and of Decree 152's 2025-07-01, under each rounding rule. */
static void
test_bonus_each_side_each_rounding (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  struct {
    const char *rounding;
    const char *code;
    gboolean    collective;
    const char *date;
    gint64      amount;
  } cases[] = {
    /* 0.3 × 1,800,000 = 540,000; × 2,340,000 = 702,000. */
    { "up10000", "lao_dong_tien_tien", FALSE, "2024-06-30", 540000 },
    { "up10000", "lao_dong_tien_tien", FALSE, "2024-07-01", 710000 },
    { "down10000", "lao_dong_tien_tien", FALSE, "2024-07-01", 700000 },
    { "none", "lao_dong_tien_tien", FALSE, "2024-07-01", 702000 },
    /* 0.8 × 1,800,000 = 1,440,000; × 2,340,000 = 1,872,000. */
    { "up10000", "tt_lao_dong_tien_tien", TRUE, "2024-06-30", 1440000 },
    { "up10000", "tt_lao_dong_tien_tien", TRUE, "2024-07-01", 1880000 },
    { "down10000", "tt_lao_dong_tien_tien", TRUE, "2024-07-01", 1870000 },
    { "none", "tt_lao_dong_tien_tien", TRUE, "2024-07-01", 1872000 },
    /* Giấy khen for a collective: 0.6 × 2,340,000 = 1,404,000. */
    { "up10000", "giay_khen", TRUE, "2025-01-10", 1410000 },
    { "down10000", "giay_khen", TRUE, "2025-01-10", 1400000 },
    { "none", "giay_khen", TRUE, "2025-01-10", 1404000 },
    /* Cờ thi đua tỉnh: 8 × 2,340,000. */
    { "up10000", "co_thi_dua_tinh", TRUE, "2025-08-01", 18720000 },
    { "none", "co_thi_dua_tinh", TRUE, "2024-06-30", 14400000 },
    /* Bằng khen tỉnh, individual: 1.0 before 2025-07-01, 1.5 from then. */
    { "up10000", "bang_khen_tinh", FALSE, "2025-06-30", 2340000 },
    { "up10000", "bang_khen_tinh", FALSE, "2025-07-01", 3510000 },
    { "down10000", "bang_khen_tinh", FALSE, "2025-07-01", 3510000 },
    { "none", "bang_khen_tinh", FALSE, "2025-07-01", 3510000 },
    { "none", "bang_khen_tinh", TRUE, "2025-07-01", 7020000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (td_settings_store_set (db, "bonus.rounding", cases[i].rounding, &error));
      g_assert_no_error (error);
      g_test_message ("%s %s %s", cases[i].code, cases[i].date, cases[i].rounding);
      g_assert_cmpint (bonus (db, cases[i].code, cases[i].collective, cases[i].date), ==, cases[i].amount);
    }
}

int
main (int   argc,
      char *argv[])
{
  td_test_init (&argc, &argv);

  g_test_add_func ("/catalogue/forms/seeded-codes", test_forms_seeded_codes);
  g_test_add_func ("/catalogue/forms/insert-and-update", test_forms_insert_update);
  g_test_add_func ("/catalogue/forms/refused-values-change-nothing", test_forms_refused);
  g_test_add_func ("/catalogue/forms/search-ignores-marks", test_forms_search_folds_marks);
  g_test_add_func ("/catalogue/forms/archived-hidden-unless-asked", test_forms_archived_hidden);
  g_test_add_func ("/catalogue/forms/delete-refused-while-used", test_forms_delete);
  g_test_add_func ("/catalogue/forms/delete-one-transaction", test_forms_delete_one_transaction);
  g_test_add_func ("/catalogue/rates/rate-in-force-on-date", test_rates_rate_on);
  g_test_add_func ("/catalogue/rates/set-replace-delete", test_rates_set_and_delete);
  g_test_add_func ("/catalogue/base-salary/in-force-on-date", test_base_salary);
  g_test_add_func ("/catalogue/bonus/rounds-up-to-ten-thousand", test_bonus_rounds_up);
  g_test_add_func ("/catalogue/bonus/bang-khen-tinh-changes-on-2025-07-01", test_bonus_bang_khen_tinh_changes);
  g_test_add_func ("/catalogue/bonus/base-salary-of-the-date", test_bonus_base_salary_of_the_date);
  g_test_add_func ("/catalogue/bonus/rounding-down-and-none", test_bonus_rounding_down_and_none);
  g_test_add_func ("/catalogue/bonus/form-not-given-to-kind", test_bonus_form_not_given_to_kind);
  g_test_add_func ("/catalogue/bonus/follows-catalogue-edits", test_bonus_follows_catalogue_edits);
  g_test_add_func ("/catalogue/bonus/each-side-of-each-change-each-rounding", test_bonus_each_side_each_rounding);

  return td_test_run ();
}
