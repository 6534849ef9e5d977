#define G_LOG_DOMAIN "test-decisions"

#include "config.h"

#include <string.h>

#include "td-catalogue-store.h"
#include "td-database-private.h"
#include "td-decision-store.h"
#include "td-test-util.h"

/* A Border Guard command with one post under it, an officer of that post
 * and a campaign: the recipients of the tests' award lines. */
typedef struct
{
  TdDatabase *db;
  gint64      command;
  gint64      post;
  gint64      officer;
  gint64      clerk;
  gint64      campaign;
} Fixture;

static void
exec_sql (TdDatabase *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (td_database_get_handle (db), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
query_int (TdDatabase *db,
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

static char *
query_text (TdDatabase *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (td_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* Every row of the decisions and their lines, to compare before and
 * after a refused change. */
static char *
dump_tables (TdDatabase *db)
{
  static const char * const queries[] = {
    "SELECT * FROM decisions ORDER BY id",
    "SELECT * FROM awards ORDER BY id",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (td_database_get_handle (db), queries[i], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              g_string_append_printf (out, "%s|", text != NULL ? text : "∅");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
      g_string_append (out, "--\n");
    }
  return g_string_free (out, FALSE);
}

static void
assert_field_error (const GError *error,
                    TdFieldError  code,
                    const char   *field)
{
  g_assert_error (error, TD_FIELD_ERROR, (int) code);
  g_assert_cmpstr (td_field_error_get_field (error), ==, field);
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

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  sqlite3 *handle;

  f->db = td_test_new_database ();
  handle = td_database_get_handle (f->db);
  exec_sql (f->db, "INSERT INTO units (name) VALUES ('Bộ Chỉ huy Bộ đội Biên phòng tỉnh')");
  f->command = sqlite3_last_insert_rowid (handle);
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO units (parent_id, name) VALUES (%" G_GINT64_FORMAT ", 'Đồn Biên phòng Hoành Mô')",
                                            f->command);
    exec_sql (f->db, sql);
    f->post = sqlite3_last_insert_rowid (handle);
  }
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO people (full_name, rank, position, unit_id) "
                                            "VALUES ('Nguyễn Văn Hùng', 'Thiếu tá', 'Đồn trưởng', %" G_GINT64_FORMAT ")",
                                            f->post);
    exec_sql (f->db, sql);
    f->officer = sqlite3_last_insert_rowid (handle);
  }
  exec_sql (f->db, "INSERT INTO people (full_name) VALUES ('Trần Thị Bình')");
  f->clerk = sqlite3_last_insert_rowid (handle);
  exec_sql (f->db, "INSERT INTO campaigns (title) VALUES ('Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia')");
  f->campaign = sqlite3_last_insert_rowid (handle);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
}

static gint64
new_decision (Fixture    *f,
              const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDecision) decision = td_decision_new ();

  decision->date = g_strdup (date);
  decision->issuer = g_strdup ("Chủ tịch UBND tỉnh Quảng Ninh");
  g_assert_true (td_decision_store_insert (f->db, decision, &error));
  g_assert_no_error (error);
  g_assert_cmpint (decision->id, >, 0);
  return decision->id;
}

static TdAward *
award_for (Fixture    *f,
           gint64      decision_id,
           const char *code,
           gint64      unit_id,
           gint64      person_id)
{
  TdAward *award = td_award_new ();

  award->decision_id = decision_id;
  award->form_id = form_id (f->db, code);
  award->unit_id = unit_id;
  award->person_id = person_id;
  award->achievement = g_strdup ("Đã có thành tích xuất sắc trong phong trào");
  return award;
}

static gint64
add_award (Fixture    *f,
           gint64      decision_id,
           const char *code,
           gint64      unit_id,
           gint64      person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAward) award = award_for (f, decision_id, code, unit_id, person_id);

  g_assert_true (td_decision_store_insert_award (f->db, award, &error));
  g_assert_no_error (error);
  g_assert_cmpint (award->id, >, 0);
  return award->id;
}

static gint64
award_amount (Fixture *f,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAward) award = td_decision_store_get_award (f->db, id, &error);

  g_assert_no_error (error);
  return award->amount;
}

static void
issue (Fixture    *f,
       gint64      id,
       const char *number,
       const char *date)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (td_decision_store_issue (f->db, id, number, date, &error));
  g_assert_no_error (error);
}

/* Decisions */

static void
test_insert_validates (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDecision) decision = td_decision_new ();

  g_assert_false (td_decision_store_insert (f->db, decision, &error));
  assert_field_error (error, TD_FIELD_ERROR_REQUIRED, "date");
  g_clear_error (&error);

  decision->date = g_strdup ("15/01/2019");
  g_assert_false (td_decision_store_insert (f->db, decision, &error));
  assert_field_error (error, TD_FIELD_ERROR_FORMAT, "date");
  g_clear_error (&error);

  g_free (decision->date);
  decision->date = g_strdup ("2025-02-29");
  g_assert_false (td_decision_store_insert (f->db, decision, &error));
  assert_field_error (error, TD_FIELD_ERROR_FORMAT, "date");
  g_clear_error (&error);

  g_free (decision->date);
  decision->date = g_strdup ("2024-02-29");
  decision->year = 1944;
  g_assert_false (td_decision_store_insert (f->db, decision, &error));
  assert_field_error (error, TD_FIELD_ERROR_RANGE, "year");
  g_clear_error (&error);
  decision->year = 2201;
  g_assert_false (td_decision_store_insert (f->db, decision, &error));
  assert_field_error (error, TD_FIELD_ERROR_RANGE, "year");
  g_clear_error (&error);

  decision->year = 2023;
  decision->campaign_id = f->campaign + 100;
  g_assert_false (td_decision_store_insert (f->db, decision, &error));
  assert_field_error (error, TD_FIELD_ERROR_REFERENCE, "campaign_id");
  g_clear_error (&error);

  g_assert_cmpint (decision->id, ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM decisions"), ==, 0);

  decision->campaign_id = f->campaign;
  g_assert_true (td_decision_store_insert (f->db, decision, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM decisions WHERE year = 2023 AND date = '2024-02-29'"), ==, 1);
}

static void
test_insert_and_update (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDecision) decision = td_decision_new ();
  g_autoptr(TdDecision) read = NULL;
  g_autoptr(TdDecision) again = NULL;

  decision->number = g_strdup ("  ");
  decision->date = g_strdup ("2019-01-15");
  /* «Quyết» typed decomposed, as some input methods do. */
  decision->title = g_strdup ("  Quye\xcc\x82\xcc\x81t định   khen thưởng ");
  decision->issuer = g_strdup ("Chủ tịch UBND tỉnh Quảng Ninh");
  decision->org_name = g_strdup ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH");
  decision->place = g_strdup ("Quảng Ninh");
  decision->signer_title = g_strdup ("TM. ỦY BAN NHÂN DÂN\n  KT. CHỦ TỊCH \n\nPHÓ CHỦ TỊCH\n");
  decision->signer_name = g_strdup ("Đặng Huy Hậu");
  decision->campaign_id = f->campaign;
  decision->year = 2018;
  g_assert_true (td_decision_store_insert (f->db, decision, &error));
  g_assert_no_error (error);

  read = td_decision_store_get (f->db, decision->id, &error);
  g_assert_no_error (error);
  g_assert_null (read->number);
  g_assert_cmpstr (read->date, ==, "2019-01-15");
  g_assert_cmpstr (read->title, ==, "Quyết định khen thưởng");
  g_assert_cmpstr (read->issuer, ==, "Chủ tịch UBND tỉnh Quảng Ninh");
  g_assert_null (read->org_parent);
  g_assert_cmpstr (read->org_name, ==, "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH");
  g_assert_cmpstr (read->place, ==, "Quảng Ninh");
  g_assert_cmpstr (read->signer_title, ==, "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
  g_assert_cmpstr (read->signer_name, ==, "Đặng Huy Hậu");
  g_assert_cmpint (read->campaign_id, ==, f->campaign);
  g_assert_cmpint (read->year, ==, 2018);

  /* Update keeps the number: only issue and reopen set it. */
  g_free (read->number);
  read->number = g_strdup ("123/QĐ-UBND");
  g_free (read->date);
  read->date = g_strdup ("2019-01-17");
  read->year = 0;
  read->campaign_id = 0;
  g_clear_pointer (&read->place, g_free);
  g_assert_true (td_decision_store_update (f->db, read, &error));
  g_assert_no_error (error);
  again = td_decision_store_get (f->db, decision->id, &error);
  g_assert_no_error (error);
  g_assert_null (again->number);
  g_assert_cmpstr (again->date, ==, "2019-01-17");
  g_assert_cmpint (again->year, ==, 0);
  g_assert_cmpint (again->campaign_id, ==, 0);
  g_assert_null (again->place);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM decisions WHERE year IS NULL AND campaign_id IS NULL "
                                     "AND number IS NULL"), ==, 1);

  g_assert_null (td_decision_store_get (f->db, decision->id + 100, &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id");
}

static void
test_update_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = new_decision (f, "2025-03-15");
  g_autoptr(TdDecision) decision = td_decision_store_get (f->db, id, &error);
  g_autofree char *before = dump_tables (f->db);
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_free (decision->date);
  decision->date = g_strdup ("");
  g_assert_false (td_decision_store_update (f->db, decision, &error));
  assert_field_error (error, TD_FIELD_ERROR_REQUIRED, "date");
  g_clear_error (&error);

  g_free (decision->date);
  decision->date = g_strdup ("2025-03-15");
  decision->year = 3000;
  g_assert_false (td_decision_store_update (f->db, decision, &error));
  assert_field_error (error, TD_FIELD_ERROR_RANGE, "year");
  g_clear_error (&error);

  decision->year = 2024;
  decision->id = id + 100;
  g_assert_false (td_decision_store_update (f->db, decision, &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id");
  g_clear_error (&error);

  after = dump_tables (f->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_list_newest_first_with_counts (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 a = new_decision (f, "2025-03-15");
  gint64 old = new_decision (f, "2024-12-01");
  gint64 b = new_decision (f, "2025-03-15");
  TdDecision *first;

  add_award (f, a, "tt_lao_dong_tien_tien", f->post, 0);
  add_award (f, a, "lao_dong_tien_tien", 0, f->officer);
  add_award (f, a, "lao_dong_tien_tien", 0, f->clerk);

  list = td_decision_store_list (f->db, NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (((TdDecision *) list->pdata[0])->id, ==, b);
  g_assert_cmpint (((TdDecision *) list->pdata[1])->id, ==, a);
  g_assert_cmpint (((TdDecision *) list->pdata[2])->id, ==, old);

  first = list->pdata[1];
  g_assert_cmpint (first->n_collectives, ==, 1);
  g_assert_cmpint (first->n_individuals, ==, 2);
  g_assert_cmpint (first->total, ==, 1880000 + 2 * 710000);
  g_assert_cmpint (((TdDecision *) list->pdata[0])->n_individuals, ==, 0);
  g_assert_cmpint (((TdDecision *) list->pdata[0])->total, ==, 0);
}

static void
test_list_search_and_filters (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDecision) one = td_decision_new ();
  g_autoptr(TdDecision) two = td_decision_new ();
  g_autoptr(GPtrArray) list = NULL;

  one->date = g_strdup ("2019-01-15");
  one->title = g_strdup ("Khen thưởng tổng kết phong trào năm 2018");
  one->issuer = g_strdup ("Chủ tịch UBND tỉnh Quảng Ninh");
  one->campaign_id = f->campaign;
  one->year = 2018;
  g_assert_true (td_decision_store_insert (f->db, one, &error));
  g_assert_no_error (error);
  issue (f, one->id, "123/QĐ-UBND", NULL);

  two->date = g_strdup ("2025-01-10");
  two->title = g_strdup ("Khen thưởng sơ kết");
  two->issuer = g_strdup ("Chỉ huy trưởng Bộ đội Biên phòng tỉnh");
  two->campaign_id = f->campaign;
  two->year = 2024;
  g_assert_true (td_decision_store_insert (f->db, two, &error));
  g_assert_no_error (error);
  new_decision (f, "2025-02-01");

#define ASSERT_FOUND(search, campaign, year, n) \
  G_STMT_START { \
    g_autoptr(GPtrArray) found = td_decision_store_list (f->db, search, campaign, year, &error); \
    g_assert_no_error (error); \
    g_assert_cmpuint (found->len, ==, n); \
  } G_STMT_END

  ASSERT_FOUND ("tong ket", 0, 0, 1);
  ASSERT_FOUND ("TỔNG KẾT", 0, 0, 1);
  ASSERT_FOUND ("123/qd", 0, 0, 1);
  ASSERT_FOUND ("bien phong", 0, 0, 1);
  ASSERT_FOUND ("khen thuong", 0, 0, 2);
  ASSERT_FOUND ("quang ninh", 0, 0, 2);
  ASSERT_FOUND ("", 0, 0, 3);
  ASSERT_FOUND ("không có", 0, 0, 0);
  ASSERT_FOUND (NULL, f->campaign, 0, 2);
  ASSERT_FOUND (NULL, f->campaign, 2024, 1);
  ASSERT_FOUND (NULL, 0, 2018, 1);
  ASSERT_FOUND (NULL, f->campaign + 100, 0, 0);
  ASSERT_FOUND ("khen thuong", f->campaign, 2018, 1);

#undef ASSERT_FOUND

  list = td_decision_store_list (f->db, "so ket", 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((TdDecision *) list->pdata[0])->id, ==, two->id);
}

static void
test_find_by_number (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDecision) found = NULL;
  gint64 a = new_decision (f, "2019-01-15");
  gint64 b = new_decision (f, "2020-01-15");
  gint64 c = new_decision (f, "2020-02-01");

  issue (f, a, "123/QĐ-UBND", NULL);
  issue (f, b, "123/QĐ-UBND", NULL);
  issue (f, c, "45/QĐ-BCH", NULL);

  found = td_decision_store_find_by_number (f->db, " 45/QĐ-BCH ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, c);
  g_assert_cmpstr (found->number, ==, "45/QĐ-BCH");

  g_assert_null (td_decision_store_find_by_number (f->db, "123/QĐ-UBND", &error));
  assert_field_error (error, TD_FIELD_ERROR_AMBIGUOUS, "number");
  g_assert_nonnull (strstr (error->message, "123/QĐ-UBND"));
  g_assert_nonnull (strstr (error->message, "id"));
  g_clear_error (&error);

  g_assert_null (td_decision_store_find_by_number (f->db, "45/QĐ", &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "number");
  g_clear_error (&error);

  /* A draft has no number to be found by. */
  new_decision (f, "2025-01-01");
  g_assert_null (td_decision_store_find_by_number (f->db, "", &error));
  g_assert_nonnull (error);
}

/* Lines */

static void
test_awards_amount_from_decision_date (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAward) individual = NULL;
  g_autoptr(TdDecision) decision = NULL;
  gint64 june = new_decision (f, "2025-06-30");
  gint64 jan2019 = new_decision (f, "2019-01-17");
  gint64 collective;

  individual = award_for (f, june, "bang_khen_tinh", 0, f->officer);
  individual->amount = 1;   /* not overridden: ignored */
  g_assert_true (td_decision_store_insert_award (f->db, individual, &error));
  g_assert_no_error (error);
  g_assert_cmpint (individual->amount, ==, 2340000);
  g_assert_cmpint (award_amount (f, individual->id), ==, 2340000);
  collective = add_award (f, june, "bang_khen_tinh", f->post, 0);
  g_assert_cmpint (award_amount (f, collective), ==, 4680000);

  g_assert_cmpint (award_amount (f, add_award (f, jan2019, "lao_dong_tien_tien", 0, f->clerk)), ==, 420000);
  g_assert_cmpint (award_amount (f, add_award (f, jan2019, "giay_khen", f->command, 0)), ==, 840000);

  /* A new date recomputes the lines at once (DOMAIN.md: the bonus in
   * force on the decision's date). */
  decision = td_decision_store_get (f->db, june, &error);
  g_assert_no_error (error);
  g_free (decision->date);
  decision->date = g_strdup ("2025-07-01");
  g_assert_true (td_decision_store_update (f->db, decision, &error));
  g_assert_no_error (error);
  g_assert_cmpint (award_amount (f, individual->id), ==, 3510000);
  g_assert_cmpint (award_amount (f, collective), ==, 7020000);

  g_assert_true (td_decision_store_recompute (f->db, june, &error));
  g_assert_no_error (error);
  g_assert_cmpint (award_amount (f, individual->id), ==, 3510000);

  /* A line added now uses the new date straight away. */
  g_assert_cmpint (award_amount (f, add_award (f, june, "bang_khen_tinh", 0, f->clerk)), ==, 3510000);
}

static void
test_awards_sort_order_appends (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(TdAward) placed = NULL;
  gint64 id = new_decision (f, "2025-03-15");
  gint64 other = new_decision (f, "2025-03-15");
  gint64 a, b, c;

  add_award (f, other, "giay_khen", f->post, 0);
  a = add_award (f, id, "lao_dong_tien_tien", 0, f->officer);
  b = add_award (f, id, "giay_khen", f->post, 0);
  placed = award_for (f, id, "lao_dong_tien_tien", 0, f->clerk);
  placed->sort_order = -5;
  g_assert_true (td_decision_store_insert_award (f->db, placed, &error));
  g_assert_no_error (error);
  c = add_award (f, id, "tt_lao_dong_tien_tien", f->command, 0);

  list = td_decision_store_list_awards (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpint (((TdAward *) list->pdata[0])->id, ==, placed->id);
  g_assert_cmpint (((TdAward *) list->pdata[1])->id, ==, a);
  g_assert_cmpint (((TdAward *) list->pdata[1])->sort_order, ==, 1);
  g_assert_cmpint (((TdAward *) list->pdata[2])->id, ==, b);
  g_assert_cmpint (((TdAward *) list->pdata[2])->sort_order, ==, 2);
  g_assert_cmpint (((TdAward *) list->pdata[3])->id, ==, c);
  g_assert_cmpint (((TdAward *) list->pdata[3])->sort_order, ==, 3);
}

static void
test_awards_override_kept (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAward) kept = NULL;
  g_autoptr(TdAward) zero = NULL;
  g_autoptr(TdBaseSalary) salary = td_base_salary_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = new_decision (f, "2025-03-15");
  gint64 computed = add_award (f, id, "lao_dong_tien_tien", 0, f->clerk);

  kept = award_for (f, id, "lao_dong_tien_tien", 0, f->officer);
  kept->amount_overridden = TRUE;
  kept->amount = 1000000;
  g_assert_true (td_decision_store_insert_award (f->db, kept, &error));
  g_assert_no_error (error);
  zero = award_for (f, id, "giay_khen", f->post, 0);
  zero->amount_overridden = TRUE;
  zero->amount = 0;
  g_assert_true (td_decision_store_insert_award (f->db, zero, &error));
  g_assert_no_error (error);

  /* The government raises the base salary, back-dated to the year's start. */
  salary->effective_from = g_strdup ("2025-01-01");
  salary->amount = 2500000;
  g_assert_true (td_catalogue_store_set_base_salary (f->db, salary, &error));
  g_assert_no_error (error);
  g_assert_true (td_decision_store_recompute (f->db, id, &error));
  g_assert_no_error (error);

  g_assert_cmpint (award_amount (f, computed), ==, 750000);
  g_assert_cmpint (award_amount (f, kept->id), ==, 1000000);
  g_assert_cmpint (award_amount (f, zero->id), ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM awards WHERE amount_overridden = 1"), ==, 2);

  /* A negative override is refused. */
  before = dump_tables (f->db);
  kept->amount = -1;
  g_assert_false (td_decision_store_update_award (f->db, kept, &error));
  assert_field_error (error, TD_FIELD_ERROR_RANGE, "amount");
  g_clear_error (&error);
  kept->id = 0;
  g_assert_false (td_decision_store_insert_award (f->db, kept, &error));
  assert_field_error (error, TD_FIELD_ERROR_RANGE, "amount");
  after = dump_tables (f->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_awards_recipient_rules (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAward) award = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = new_decision (f, "2025-03-15");
  gint64 old = new_decision (f, "2017-06-01");

  add_award (f, id, "giay_khen", f->post, 0);
  before = dump_tables (f->db);

  award = award_for (f, id, "giay_khen", 0, 0);
  g_assert_false (td_decision_store_insert_award (f->db, award, &error));
  assert_field_error (error, TD_FIELD_ERROR_REQUIRED, "person_id");
  g_clear_error (&error);

  award->unit_id = f->post;
  award->person_id = f->officer;
  g_assert_false (td_decision_store_insert_award (f->db, award, &error));
  assert_field_error (error, TD_FIELD_ERROR_RANGE, "unit_id");
  g_clear_error (&error);

  award->unit_id = f->post + 100;
  award->person_id = 0;
  g_assert_false (td_decision_store_insert_award (f->db, award, &error));
  assert_field_error (error, TD_FIELD_ERROR_REFERENCE, "unit_id");
  g_clear_error (&error);

  award->unit_id = 0;
  award->person_id = f->officer + 100;
  g_assert_false (td_decision_store_insert_award (f->db, award, &error));
  assert_field_error (error, TD_FIELD_ERROR_REFERENCE, "person_id");
  g_clear_error (&error);

  award->person_id = f->officer;
  award->form_id = 99999;
  g_assert_false (td_decision_store_insert_award (f->db, award, &error));
  assert_field_error (error, TD_FIELD_ERROR_REFERENCE, "form_id");
  g_clear_error (&error);

  award->form_id = form_id (f->db, "giay_khen");
  award->decision_id = id + 100;
  g_assert_false (td_decision_store_insert_award (f->db, award, &error));
  assert_field_error (error, TD_FIELD_ERROR_REFERENCE, "decision_id");
  g_clear_error (&error);

  /* No coefficient yet on the decision's date (before Decree 91/2017). */
  award->decision_id = old;
  g_assert_false (td_decision_store_insert_award (f->db, award, &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "form_id");
  g_assert_nonnull (strstr (error->message, "Giấy khen"));
  g_clear_error (&error);

  g_assert_cmpint (award->id, ==, 0);
  after = dump_tables (f->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_awards_form_must_fit_recipient (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAward) flag = NULL;
  g_autoptr(TdAward) title = NULL;
  g_autoptr(TdAward) line = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = new_decision (f, "2025-03-15");
  gint64 existing = add_award (f, id, "lao_dong_tien_tien", 0, f->officer);

  before = dump_tables (f->db);

  flag = award_for (f, id, "co_thi_dua_tinh", 0, f->officer);
  g_assert_false (td_decision_store_insert_award (f->db, flag, &error));
  assert_field_error (error, TD_FIELD_ERROR_RANGE, "form_id");
  g_assert_nonnull (strstr (error->message, "Cờ thi đua của UBND tỉnh"));
  g_clear_error (&error);

  title = award_for (f, id, "lao_dong_tien_tien", f->post, 0);
  g_assert_false (td_decision_store_insert_award (f->db, title, &error));
  assert_field_error (error, TD_FIELD_ERROR_RANGE, "form_id");
  g_assert_nonnull (strstr (error->message, "Lao động tiên tiến"));
  g_clear_error (&error);

  /* Moving an individual's line to a unit with the same form: refused too. */
  line = td_decision_store_get_award (f->db, existing, &error);
  g_assert_no_error (error);
  line->person_id = 0;
  line->unit_id = f->post;
  g_assert_false (td_decision_store_update_award (f->db, line, &error));
  assert_field_error (error, TD_FIELD_ERROR_RANGE, "form_id");
  g_clear_error (&error);

  after = dump_tables (f->db);
  g_assert_cmpstr (after, ==, before);

  /* A form for both goes to either. */
  g_assert_cmpint (award_amount (f, add_award (f, id, "bang_khen_thu_tuong", f->post, 0)), ==, 16380000);
  g_assert_cmpint (award_amount (f, add_award (f, id, "bang_khen_thu_tuong", 0, f->clerk)), ==, 8190000);
}

static void
test_awards_display_from_live_records (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(TdAward) one = NULL;
  gint64 id = new_decision (f, "2025-03-15");
  TdAward *line;

  add_award (f, id, "tt_lao_dong_tien_tien", f->post, 0);
  add_award (f, id, "co_thi_dua_tinh", f->command, 0);
  add_award (f, id, "lao_dong_tien_tien", 0, f->officer);
  add_award (f, id, "lao_dong_tien_tien", 0, f->clerk);

  list = td_decision_store_list_awards (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);

  line = list->pdata[0];
  g_assert_cmpstr (line->display_name, ==, "Đồn Biên phòng Hoành Mô");
  g_assert_cmpstr (line->display_detail, ==, "Bộ Chỉ huy Bộ đội Biên phòng tỉnh");
  g_assert_cmpstr (line->form_name, ==, "Tập thể lao động tiên tiến");
  g_assert_cmpint (line->form_precedence, ==, 180);
  g_assert_null (line->recipient_name);
  g_assert_cmpstr (line->achievement, ==, "Đã có thành tích xuất sắc trong phong trào");

  line = list->pdata[1];
  g_assert_cmpstr (line->display_name, ==, "Bộ Chỉ huy Bộ đội Biên phòng tỉnh");
  g_assert_null (line->display_detail);
  g_assert_cmpint (line->amount, ==, 18720000);

  line = list->pdata[2];
  g_assert_cmpstr (line->display_name, ==, "Nguyễn Văn Hùng");
  g_assert_cmpstr (line->display_detail, ==, "Thiếu tá, Đồn trưởng Đồn Biên phòng Hoành Mô");
  g_assert_cmpint (line->person_id, ==, f->officer);
  g_assert_cmpint (line->unit_id, ==, 0);

  line = list->pdata[3];
  g_assert_cmpstr (line->display_name, ==, "Trần Thị Bình");
  g_assert_null (line->display_detail);

  /* The live records are read each time: a draft follows a promotion. */
  exec_sql (f->db, "UPDATE people SET rank = 'Trung tá' WHERE full_name = 'Nguyễn Văn Hùng'");
  one = td_decision_store_get_award (f->db, ((TdAward *) list->pdata[2])->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (one->display_detail, ==, "Trung tá, Đồn trưởng Đồn Biên phòng Hoành Mô");
  g_assert_cmpstr (one->form_name, ==, "Lao động tiên tiến");

  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_decision_store_list_awards (f->db, id + 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_awards_update_and_delete (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAward) line = NULL;
  g_autoptr(TdAward) read = NULL;
  gint64 id = new_decision (f, "2025-07-15");
  gint64 award = add_award (f, id, "giay_khen", 0, f->officer);

  line = td_decision_store_get_award (f->db, award, &error);
  g_assert_no_error (error);
  g_assert_cmpint (line->amount, ==, 710000);
  line->form_id = form_id (f->db, "bang_khen_tinh");
  g_free (line->achievement);
  line->achievement = g_strdup (" Hoàn thành xuất sắc nhiệm vụ  năm 2024 ");
  line->sort_order = 7;
  g_assert_true (td_decision_store_update_award (f->db, line, &error));
  g_assert_no_error (error);

  read = td_decision_store_get_award (f->db, award, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->amount, ==, 3510000);
  g_assert_cmpstr (read->achievement, ==, "Hoàn thành xuất sắc nhiệm vụ năm 2024");
  g_assert_cmpint (read->sort_order, ==, 7);
  g_assert_cmpstr (read->form_name, ==, "Bằng khen của Chủ tịch UBND tỉnh");

  line->id = award + 100;
  g_assert_false (td_decision_store_update_award (f->db, line, &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id");
  g_clear_error (&error);

  g_assert_true (td_decision_store_delete_award (f->db, award, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM awards"), ==, 0);
  g_assert_false (td_decision_store_delete_award (f->db, award, &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id");
  g_clear_error (&error);
  g_assert_null (td_decision_store_get_award (f->db, award, &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id");
}

/* Issue and reopen */

static void
test_issue_freezes_recipient_texts (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(TdDecision) decision = NULL;
  gint64 id = new_decision (f, "2019-01-10");
  gint64 officer = add_award (f, id, "bang_khen_tinh", 0, f->officer);
  gint64 post = add_award (f, id, "tt_lao_dong_xuat_sac", f->post, 0);
  gint64 command = add_award (f, id, "co_thi_dua_tinh", f->command, 0);
  TdAward *line;

  issue (f, id, " 123/QĐ-UBND ", NULL);
  decision = td_decision_store_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (decision->number, ==, "123/QĐ-UBND");
  g_assert_cmpstr (decision->date, ==, "2019-01-10");

  /* After the ceremony, a promotion, a new name, a renamed post. */
  exec_sql (f->db, "UPDATE people SET full_name = 'Nguyễn Văn Hưng', rank = 'Trung tá', position = 'Chính trị viên'");
  exec_sql (f->db, "UPDATE units SET name = 'Đồn Biên phòng cửa khẩu Hoành Mô' WHERE name = 'Đồn Biên phòng Hoành Mô'");
  exec_sql (f->db, "UPDATE units SET name = 'Bộ Chỉ huy BĐBP tỉnh' WHERE parent_id IS NULL");

  list = td_decision_store_list_awards (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);

  line = list->pdata[0];
  g_assert_cmpint (line->id, ==, officer);
  g_assert_cmpstr (line->recipient_name, ==, "Nguyễn Văn Hùng");
  g_assert_cmpstr (line->recipient_detail, ==, "Thiếu tá, Đồn trưởng Đồn Biên phòng Hoành Mô");
  g_assert_cmpstr (line->display_name, ==, "Nguyễn Văn Hùng");
  g_assert_cmpstr (line->display_detail, ==, "Thiếu tá, Đồn trưởng Đồn Biên phòng Hoành Mô");

  line = list->pdata[1];
  g_assert_cmpint (line->id, ==, post);
  g_assert_cmpstr (line->display_name, ==, "Đồn Biên phòng Hoành Mô");
  g_assert_cmpstr (line->display_detail, ==, "Bộ Chỉ huy Bộ đội Biên phòng tỉnh");

  line = list->pdata[2];
  g_assert_cmpint (line->id, ==, command);
  g_assert_cmpstr (line->display_name, ==, "Bộ Chỉ huy Bộ đội Biên phòng tỉnh");
  g_assert_null (line->recipient_detail);
  g_assert_null (line->display_detail);

  /* A unit without a parent when issued keeps its empty detail. */
  {
    g_autoptr(TdAward) again = NULL;
    g_autofree char *sql = g_strdup_printf ("UPDATE units SET parent_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                                            f->post, f->command);

    exec_sql (f->db, "UPDATE units SET parent_id = NULL");
    exec_sql (f->db, sql);
    again = td_decision_store_get_award (f->db, command, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (again->display_name, ==, "Bộ Chỉ huy Bộ đội Biên phòng tỉnh");
    g_assert_null (again->display_detail);
  }
}

static void
test_issue_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = new_decision (f, "2025-03-15");

  add_award (f, id, "lao_dong_tien_tien", 0, f->officer);
  before = dump_tables (f->db);

  g_assert_false (td_decision_store_issue (f->db, id, NULL, NULL, &error));
  assert_field_error (error, TD_FIELD_ERROR_REQUIRED, "number");
  g_clear_error (&error);
  g_assert_false (td_decision_store_issue (f->db, id, "   ", NULL, &error));
  assert_field_error (error, TD_FIELD_ERROR_REQUIRED, "number");
  g_clear_error (&error);
  g_assert_false (td_decision_store_issue (f->db, id, "12/QĐ-UBND", "2025-3-20", &error));
  assert_field_error (error, TD_FIELD_ERROR_FORMAT, "date");
  g_clear_error (&error);
  g_assert_false (td_decision_store_issue (f->db, id + 100, "12/QĐ-UBND", NULL, &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id");
  g_clear_error (&error);

  after = dump_tables (f->db);
  g_assert_cmpstr (after, ==, before);

  issue (f, id, "12/QĐ-UBND", "2025-03-20");
  g_clear_pointer (&before, g_free);
  before = dump_tables (f->db);
  g_assert_false (td_decision_store_issue (f->db, id, "13/QĐ-UBND", NULL, &error));
  assert_field_error (error, TD_FIELD_ERROR_LOCKED, "number");
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = dump_tables (f->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_issue_new_date_recomputes (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAward) kept = NULL;
  g_autoptr(TdDecision) decision = NULL;
  gint64 id = new_decision (f, "2025-06-20");
  gint64 line = add_award (f, id, "bang_khen_tinh", 0, f->officer);

  kept = award_for (f, id, "bang_khen_tinh", 0, f->clerk);
  kept->amount_overridden = TRUE;
  kept->amount = 2000000;
  g_assert_true (td_decision_store_insert_award (f->db, kept, &error));
  g_assert_no_error (error);
  g_assert_cmpint (award_amount (f, line), ==, 2340000);

  /* Signed on 5 July: the bonus is the one in force on that date. */
  issue (f, id, "1500/QĐ-UBND", "2025-07-05");
  decision = td_decision_store_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (decision->date, ==, "2025-07-05");
  g_assert_cmpint (decision->total, ==, 3510000 + 2000000);
  g_assert_cmpint (award_amount (f, line), ==, 3510000);
  g_assert_cmpint (award_amount (f, kept->id), ==, 2000000);
}

static void
test_issue_one_transaction (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = new_decision (f, "2025-06-20");

  add_award (f, id, "bang_khen_tinh", 0, f->officer);
  add_award (f, id, "bang_khen_tinh", f->post, 0);
  before = dump_tables (f->db);

  /* The second line cannot be frozen: nothing of the issue may stay. */
  exec_sql (f->db, "CREATE TEMP TRIGGER refuse_freeze BEFORE UPDATE OF recipient_name ON awards "
                   "WHEN NEW.unit_id IS NOT NULL BEGIN SELECT RAISE(ABORT, 'refused'); END");
  g_assert_false (td_decision_store_issue (f->db, id, "1500/QĐ-UBND", "2025-07-05", &error));
  g_assert_nonnull (error);
  after = dump_tables (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM decisions WHERE number IS NULL"), ==, 1);
}

static void
test_issued_locked (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDecision) decision = NULL;
  g_autoptr(TdAward) line = NULL;
  g_autoptr(TdAward) extra = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = new_decision (f, "2025-03-15");
  gint64 draft = new_decision (f, "2025-03-15");
  gint64 award = add_award (f, id, "lao_dong_tien_tien", 0, f->officer);

  issue (f, id, "77/QĐ-BCH", NULL);
  decision = td_decision_store_get (f->db, id, &error);
  g_assert_no_error (error);
  line = td_decision_store_get_award (f->db, award, &error);
  g_assert_no_error (error);
  before = dump_tables (f->db);

#define ASSERT_LOCKED(call) \
  G_STMT_START { \
    g_assert_false (call); \
    assert_field_error (error, TD_FIELD_ERROR_LOCKED, "number"); \
    g_assert_nonnull (strstr (error->message, "77/QĐ-BCH")); \
    g_assert_nonnull (strstr (error->message, "issued")); \
    g_assert_nonnull (strstr (error->message, "Reopen")); \
    g_clear_error (&error); \
  } G_STMT_END

  g_free (decision->title);
  decision->title = g_strdup ("Đổi tên");
  ASSERT_LOCKED (td_decision_store_update (f->db, decision, &error));
  ASSERT_LOCKED (td_decision_store_delete (f->db, id, &error));
  extra = award_for (f, id, "lao_dong_tien_tien", 0, f->clerk);
  ASSERT_LOCKED (td_decision_store_insert_award (f->db, extra, &error));
  line->amount_overridden = TRUE;
  line->amount = 5000000;
  ASSERT_LOCKED (td_decision_store_update_award (f->db, line, &error));
  /* Nor may a line be moved out of it into a draft. */
  line->amount_overridden = FALSE;
  line->decision_id = draft;
  ASSERT_LOCKED (td_decision_store_update_award (f->db, line, &error));
  ASSERT_LOCKED (td_decision_store_delete_award (f->db, award, &error));
  ASSERT_LOCKED (td_decision_store_recompute (f->db, id, &error));

#undef ASSERT_LOCKED

  after = dump_tables (f->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_reopen_unlocks (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDecision) decision = NULL;
  g_autoptr(TdAward) line = NULL;
  gint64 id = new_decision (f, "2025-03-15");
  gint64 award = add_award (f, id, "lao_dong_tien_tien", 0, f->officer);

  issue (f, id, "77/QĐ-BCH", NULL);
  exec_sql (f->db, "UPDATE people SET rank = 'Trung tá'");

  g_assert_true (td_decision_store_reopen (f->db, id, &error));
  g_assert_no_error (error);
  decision = td_decision_store_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_null (decision->number);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM awards WHERE recipient_name IS NOT NULL "
                                     "OR recipient_detail IS NOT NULL"), ==, 0);

  line = td_decision_store_get_award (f->db, award, &error);
  g_assert_no_error (error);
  g_assert_null (line->recipient_name);
  g_assert_cmpstr (line->display_detail, ==, "Trung tá, Đồn trưởng Đồn Biên phòng Hoành Mô");

  /* A draft again: its lines change. */
  line->amount_overridden = TRUE;
  line->amount = 800000;
  g_assert_true (td_decision_store_update_award (f->db, line, &error));
  g_assert_no_error (error);
  g_assert_cmpint (award_amount (f, award), ==, 800000);

  g_assert_false (td_decision_store_reopen (f->db, id + 100, &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id");
}

static void
test_delete_draft_one_transaction (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = new_decision (f, "2025-03-15");
  gint64 other = new_decision (f, "2025-03-16");

  add_award (f, id, "lao_dong_tien_tien", 0, f->officer);
  add_award (f, id, "giay_khen", f->post, 0);
  add_award (f, other, "giay_khen", f->post, 0);
  before = dump_tables (f->db);

  /* The decision row refuses to go: its lines must stay too. */
  exec_sql (f->db, "CREATE TEMP TRIGGER keep_decisions BEFORE DELETE ON decisions "
                   "BEGIN SELECT RAISE(ABORT, 'kept'); END");
  g_assert_false (td_decision_store_delete (f->db, id, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  after = dump_tables (f->db);
  g_assert_cmpstr (after, ==, before);
  exec_sql (f->db, "DROP TRIGGER keep_decisions");

  g_assert_true (td_decision_store_delete (f->db, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM decisions"), ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM awards"), ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT decision_id FROM awards"), ==, other);

  g_assert_false (td_decision_store_delete (f->db, id, &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id");
}

static void
test_recompute_one_transaction (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdBaseSalary) salary = td_base_salary_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = new_decision (f, "2025-03-15");

  add_award (f, id, "lao_dong_tien_tien", 0, f->officer);
  add_award (f, id, "giay_khen", f->post, 0);
  add_award (f, id, "lao_dong_tien_tien", 0, f->clerk);

  salary->effective_from = g_strdup ("2025-01-01");
  salary->amount = 2500000;
  g_assert_true (td_catalogue_store_set_base_salary (f->db, salary, &error));
  g_assert_no_error (error);
  g_assert_true (td_catalogue_store_delete_rate (f->db, form_id (f->db, "giay_khen"), "2017-10-01", &error));
  g_assert_no_error (error);
  before = dump_tables (f->db);

  /* The second line has no coefficient any more: no line may change. */
  g_assert_false (td_decision_store_recompute (f->db, id, &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "form_id");
  g_assert_nonnull (strstr (error->message, "Giấy khen"));
  g_clear_error (&error);
  after = dump_tables (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_int (f->db, "SELECT sum(amount) FROM awards"), ==, 710000 * 2 + 1410000);

  g_assert_false (td_decision_store_recompute (f->db, id + 100, &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id");
  g_clear_error (&error);

  /* With the coefficient back, every line follows the new base salary. */
  {
    g_autoptr(TdAwardRate) rate = td_award_rate_new ();
    g_autofree char *text = NULL;

    rate->form_id = form_id (f->db, "giay_khen");
    rate->effective_from = g_strdup ("2017-10-01");
    rate->coef_individual = 0.3;
    rate->coef_collective = 0.6;
    g_assert_true (td_catalogue_store_set_rate (f->db, rate, &error));
    g_assert_no_error (error);
    g_assert_true (td_decision_store_recompute (f->db, id, &error));
    g_assert_no_error (error);
    g_assert_cmpint (query_int (f->db, "SELECT sum(amount) FROM awards"), ==, 750000 * 2 + 1500000);
    text = query_text (f->db, "SELECT group_concat(amount, ' ') FROM (SELECT amount FROM awards ORDER BY id)");
    g_assert_cmpstr (text, ==, "750000 1500000 750000");
  }
}

/* A catalogue change while the decision was a draft: issuing locks in
 * the amounts of the catalogue as it is then, not as it was. */
static void
test_issue_recomputes_with_catalogue (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAwardRate) rate = td_award_rate_new ();
  gint64 decision = new_decision (f, "2025-08-01");
  gint64 line = add_award (f, decision, "giay_khen", 0, f->officer);

  g_assert_cmpint (award_amount (f, line), ==, 710000);
  rate->form_id = form_id (f->db, "giay_khen");
  rate->effective_from = g_strdup ("2025-07-15");
  rate->coef_individual = 0.5;
  rate->coef_collective = 1.0;
  g_assert_true (td_catalogue_store_set_rate (f->db, rate, &error));
  g_assert_no_error (error);

  g_assert_true (td_decision_store_issue (f->db, decision, "9/QĐ-UBND", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (award_amount (f, line), ==, 1170000);
}

int
main (int   argc,
      char *argv[])
{
  td_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/decisions/insert/validates-fields", test_insert_validates);
  ADD ("/decisions/insert/normalizes-and-update-keeps-number", test_insert_and_update);
  ADD ("/decisions/update/refused-values-change-nothing", test_update_refused);
  ADD ("/decisions/list/newest-first-with-counts", test_list_newest_first_with_counts);
  ADD ("/decisions/list/search-ignores-marks-and-filters", test_list_search_and_filters);
  ADD ("/decisions/find-by-number/exact-missing-or-ambiguous", test_find_by_number);
  ADD ("/decisions/awards/amount-computed-from-decision-date", test_awards_amount_from_decision_date);
  ADD ("/decisions/awards/sort-order-appends", test_awards_sort_order_appends);
  ADD ("/decisions/awards/override-kept-on-recompute", test_awards_override_kept);
  ADD ("/decisions/awards/one-recipient-that-exists", test_awards_recipient_rules);
  ADD ("/decisions/awards/form-must-fit-recipient", test_awards_form_must_fit_recipient);
  ADD ("/decisions/awards/display-from-live-records", test_awards_display_from_live_records);
  ADD ("/decisions/awards/update-and-delete", test_awards_update_and_delete);
  ADD ("/decisions/issue/freezes-recipient-texts", test_issue_freezes_recipient_texts);
  ADD ("/decisions/issue/refused-values-change-nothing", test_issue_refused);
  ADD ("/decisions/issue/new-date-recomputes-amounts", test_issue_new_date_recomputes);
  ADD ("/decisions/issue/one-transaction", test_issue_one_transaction);
  ADD ("/decisions/issue/recomputes-with-the-catalogue-of-now", test_issue_recomputes_with_catalogue);
  ADD ("/decisions/issued/locked", test_issued_locked);
  ADD ("/decisions/reopen/unlocks-and-thaws-texts", test_reopen_unlocks);
  ADD ("/decisions/delete/draft-with-lines-one-transaction", test_delete_draft_one_transaction);
  ADD ("/decisions/recompute/one-transaction", test_recompute_one_transaction);

#undef ADD

  return td_test_run ();
}
