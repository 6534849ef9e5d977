#define G_LOG_DOMAIN "test-campaigns"

#include "config.h"

#include <math.h>
#include <string.h>

#include "td-campaign-store.h"
#include "td-database-private.h"
#include "td-test-util.h"
#include "td-unit-store.h"

/* Every row of @table, every column, as text: a refused change must leave
 * it byte for byte as it was. */
static char *
dump_table (TdDatabase *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2, 3", table);
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (td_database_get_handle (db), sql, -1, &stmt, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const guint8 *blob;
          int size;

          switch (sqlite3_column_type (stmt, i))
            {
            case SQLITE_NULL:
              g_string_append (out, "NULL");
              break;
            case SQLITE_BLOB:
              blob = sqlite3_column_blob (stmt, i);
              size = sqlite3_column_bytes (stmt, i);
              g_string_append_c (out, 'x');
              for (int j = 0; j < size; j++)
                g_string_append_printf (out, "%02x", blob[j]);
              break;
            default:
              g_string_append (out, (const char *) sqlite3_column_text (stmt, i));
              break;
            }
          g_string_append_c (out, '|');
        }
      g_string_append_c (out, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

/* The campaign tables together. */
static char *
dump_all (TdDatabase *db)
{
  g_autofree char *campaigns = dump_table (db, "campaigns");
  g_autofree char *indicators = dump_table (db, "indicators");
  g_autofree char *values = dump_table (db, "indicator_values");
  g_autofree char *decisions = dump_table (db, "decisions");

  return g_strjoin ("--\n", campaigns, indicators, values, decisions, NULL);
}

static gint64
query_int (TdDatabase *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 result;

  g_assert_cmpint (sqlite3_prepare_v2 (td_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return result;
}

static char *
query_text (TdDatabase *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_prepare_v2 (td_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return result;
}

static void
exec_sql (TdDatabase *db,
          const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (td_database_get_handle (db), sql, NULL, NULL, &message);

  g_assert_cmpstr (message, ==, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
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
add_campaign (TdDatabase *db,
              const char *title)
{
  g_autoptr(TdCampaign) campaign = td_campaign_new ();
  g_autoptr(GError) error = NULL;

  campaign->title = g_strdup (title);
  g_assert_true (td_campaign_store_insert (db, campaign, &error));
  g_assert_no_error (error);
  g_assert_cmpint (campaign->id, >, 0);
  return campaign->id;
}

static gint64
add_indicator (TdDatabase *db,
               gint64      campaign_id,
               const char *name,
               int         sort_order)
{
  g_autoptr(TdIndicator) indicator = td_indicator_new ();
  g_autoptr(GError) error = NULL;

  indicator->campaign_id = campaign_id;
  indicator->name = g_strdup (name);
  indicator->sort_order = sort_order;
  g_assert_true (td_campaign_store_insert_indicator (db, indicator, &error));
  g_assert_no_error (error);
  g_assert_cmpint (indicator->id, >, 0);
  return indicator->id;
}

static gint64
add_unit (TdDatabase *db,
          const char *name)
{
  g_autoptr(TdUnit) unit = td_unit_new ();
  g_autoptr(GError) error = NULL;

  unit->name = g_strdup (name);
  g_assert_true (td_unit_store_insert (db, unit, &error));
  g_assert_no_error (error);
  return unit->id;
}

static gboolean
set_value (TdDatabase  *db,
           gint64       indicator_id,
           gint64       unit_id,
           int          year,
           double       amount,
           GError     **error)
{
  TdIndicatorValue value = {
    .indicator_id = indicator_id,
    .unit_id = unit_id,
    .year = year,
    .value = amount,
  };

  return td_campaign_store_set_value (db, &value, error);
}

static void
add_value (TdDatabase *db,
           gint64      indicator_id,
           gint64      unit_id,
           int         year,
           double      amount)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (set_value (db, indicator_id, unit_id, year, amount, &error));
  g_assert_no_error (error);
}

static void
assert_titles (GPtrArray          *campaigns,
               const char * const *titles)
{
  g_assert_nonnull (campaigns);
  g_assert_cmpuint (campaigns->len, ==, g_strv_length ((char **) titles));
  for (guint i = 0; i < campaigns->len; i++)
    g_assert_cmpstr (((TdCampaign *) g_ptr_array_index (campaigns, i))->title, ==, titles[i]);
}

/* Campaigns */

static void
test_insert_requires_title (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(TdCampaign) campaign = td_campaign_new ();
  g_autoptr(GError) error = NULL;

  campaign->title = g_strdup ("  \t ");
  campaign->short_title = g_strdup ("Biên giới");
  g_assert_false (td_campaign_store_insert (db, campaign, &error));
  assert_field_error (error, TD_FIELD_ERROR_REQUIRED, "title");
  g_assert_cmpint (campaign->id, ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM campaigns"), ==, 0);
}

static void
test_insert_stores_normalised_text (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(TdCampaign) campaign = td_campaign_new ();
  g_autoptr(TdCampaign) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *search_text = NULL;

  /* «Bảo vệ» typed with combining marks (NFD), with stray spaces. */
  campaign->title = g_strdup ("  Toa\xcc\x80n da\xcc\x82n   tham gia ba\xcc\x89o ve\xcc\x82\xcc\xa3 ");
  campaign->short_title = g_strdup ("");
  campaign->launch_number = g_strdup (" 4440/QĐ-UBND ");
  campaign->launch_date = g_strdup ("2017-11-13");
  campaign->issuer = g_strdup ("UBND tỉnh  Quảng Ninh");
  campaign->start_date = g_strdup ("2018-01-01");
  campaign->end_date = g_strdup (" 2022-12-31 ");
  campaign->description = g_strdup ("\n  Đợt một:  tuyên truyền.\r\n\n\n Đợt hai: xây dựng. \n");
  g_assert_true (td_campaign_store_insert (db, campaign, &error));
  g_assert_no_error (error);

  read = td_campaign_store_get (db, campaign->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_cmpint (read->id, ==, campaign->id);
  g_assert_cmpstr (read->title, ==, "Toàn dân tham gia bảo vệ");
  g_assert_null (read->short_title);
  g_assert_cmpstr (read->launch_number, ==, "4440/QĐ-UBND");
  g_assert_cmpstr (read->launch_date, ==, "2017-11-13");
  g_assert_cmpstr (read->issuer, ==, "UBND tỉnh Quảng Ninh");
  g_assert_cmpstr (read->start_date, ==, "2018-01-01");
  g_assert_cmpstr (read->end_date, ==, "2022-12-31");
  g_assert_cmpstr (read->description, ==, "Đợt một: tuyên truyền.\n\nĐợt hai: xây dựng.");

  /* The derived columns are filled at once, not at the next open. */
  search_text = query_text (db, "SELECT search_text FROM campaigns");
  g_assert_cmpstr (search_text, ==, "toan dan tham gia bao ve 4440/qd-ubnd");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM campaigns WHERE sort_key IS NOT NULL"), ==, 1);
}

static void
test_insert_rejects_bad_dates (void)
{
  const struct {
    const char *launch_date, *start_date, *end_date;
    TdFieldError code;
    const char *field;
  } cases[] = {
    { "2017-13-01", NULL, NULL, TD_FIELD_ERROR_FORMAT, "launch_date" },
    { NULL, "13/11/2017", NULL, TD_FIELD_ERROR_FORMAT, "start_date" },
    { NULL, "2018-01-01", "2023-02-29", TD_FIELD_ERROR_FORMAT, "end_date" },
    { NULL, "2018-01-01", "2017-12-31", TD_FIELD_ERROR_RANGE, "end_date" },
  };
  g_autoptr(TdDatabase) db = td_test_new_database ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TdCampaign) campaign = td_campaign_new ();
      g_autoptr(GError) error = NULL;

      campaign->title = g_strdup ("Dân vận khéo");
      campaign->launch_date = g_strdup (cases[i].launch_date);
      campaign->start_date = g_strdup (cases[i].start_date);
      campaign->end_date = g_strdup (cases[i].end_date);
      g_assert_false (td_campaign_store_insert (db, campaign, &error));
      assert_field_error (error, cases[i].code, cases[i].field);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM campaigns"), ==, 0);
    }

  {
    g_autoptr(TdCampaign) campaign = td_campaign_new ();
    g_autoptr(GError) error = NULL;

    /* One day long, and open-ended: both fine. */
    campaign->title = g_strdup ("Dân vận khéo");
    campaign->start_date = g_strdup ("2024-02-29");
    campaign->end_date = g_strdup ("2024-02-29");
    g_assert_true (td_campaign_store_insert (db, campaign, &error));
    g_assert_no_error (error);
    g_clear_pointer (&campaign->end_date, g_free);
    g_assert_true (td_campaign_store_insert (db, campaign, &error));
    g_assert_no_error (error);
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM campaigns"), ==, 2);
  }
}

static void
test_insert_date_message (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(TdCampaign) campaign = td_campaign_new ();
  g_autoptr(GError) error = NULL;

  campaign->title = g_strdup ("Dân vận khéo");
  campaign->start_date = g_strdup ("1/1/2018");
  g_assert_false (td_campaign_store_insert (db, campaign, &error));
  g_assert_cmpstr (error->message, ==, "The start date is not a valid date. Use the form YYYY-MM-DD.");
}

static void
test_update_changes_and_search (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(TdCampaign) campaign = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_campaign (db, "Dân vận khéo");

  campaign = td_campaign_store_get (db, id, &error);
  g_assert_no_error (error);
  g_free (campaign->title);
  campaign->title = g_strdup (" Đông  Triều xanh ");
  campaign->end_date = g_strdup ("2025-12-31");
  g_assert_true (td_campaign_store_update (db, campaign, &error));
  g_assert_no_error (error);

  g_clear_pointer (&campaign, td_campaign_free);
  campaign = td_campaign_store_get (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (campaign->title, ==, "Đông Triều xanh");
  g_assert_cmpstr (campaign->end_date, ==, "2025-12-31");

  /* The search text follows the new title. */
  found = td_campaign_store_list (db, "dong trieu", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = td_campaign_store_list (db, "dan van", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_update_refused_leaves_row (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(TdCampaign) campaign = td_campaign_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = add_campaign (db, "Dân vận khéo");

  before = dump_all (db);

  campaign->id = id;
  campaign->title = g_strdup ("Dân vận khéo 2");
  campaign->start_date = g_strdup ("2020-05-01");
  campaign->end_date = g_strdup ("2020-04-30");
  g_assert_false (td_campaign_store_update (db, campaign, &error));
  assert_field_error (error, TD_FIELD_ERROR_RANGE, "end_date");
  g_clear_error (&error);

  g_clear_pointer (&campaign->title, g_free);
  g_assert_false (td_campaign_store_update (db, campaign, &error));
  assert_field_error (error, TD_FIELD_ERROR_REQUIRED, "title");
  g_clear_error (&error);

  campaign->id = id + 100;
  campaign->title = g_strdup ("Dân vận khéo 2");
  g_clear_pointer (&campaign->end_date, g_free);
  g_assert_false (td_campaign_store_update (db, campaign, &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id");

  after = dump_all (db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_get_missing (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(TdCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;

  campaign = td_campaign_store_get (db, 42, &error);
  g_assert_null (campaign);
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id");
}

static void
test_list_vietnamese_order (void)
{
  /* In Vietnamese, Đ is a letter after D and Ư one after U: «Dũng»
   * before «Đa», «Uy» before «Ưa» — unlike a folding or byte order. */
  const char * const expected[] = {
    "An toàn giao thông",
    "Ăn ở sạch sẽ",
    "Dũng cảm",
    "Đa dạng sinh học",
    "Đa dạng sinh học",
    "Uy tín",
    "Ưa chuộng hàng Việt",
    NULL,
  };
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GError) error = NULL;
  gint64 second, first;

  add_campaign (db, "Ưa chuộng hàng Việt");
  add_campaign (db, "Uy tín");
  first = add_campaign (db, "Đa dạng sinh học");
  add_campaign (db, "Dũng cảm");
  add_campaign (db, "Ăn ở sạch sẽ");
  add_campaign (db, "An toàn giao thông");
  second = add_campaign (db, "Đa dạng sinh học");

  campaigns = td_campaign_store_list (db, NULL, &error);
  g_assert_no_error (error);
  assert_titles (campaigns, expected);
  /* Equal titles: the older first. */
  g_assert_cmpint (((TdCampaign *) g_ptr_array_index (campaigns, 3))->id, ==, first);
  g_assert_cmpint (((TdCampaign *) g_ptr_array_index (campaigns, 4))->id, ==, second);

  /* An empty search is no search. */
  g_clear_pointer (&campaigns, g_ptr_array_unref);
  campaigns = td_campaign_store_list (db, "  ", &error);
  g_assert_no_error (error);
  assert_titles (campaigns, expected);
}

static void
test_list_search_folds_accents (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(TdCampaign) campaign = td_campaign_new ();
  g_autoptr(GError) error = NULL;
  const struct {
    const char *search;
    const char *first;
    guint n;
  } cases[] = {
    { "bao ve", "Bảo vệ chủ quyền lãnh thổ, an ninh biên giới", 1 },
    { "BẢO  VỆ", "Bảo vệ chủ quyền lãnh thổ, an ninh biên giới", 1 },
    { "dong", "Đông Triều xanh", 1 },
    { "đông", "Đông Triều xanh", 1 },
    { "4440/qd", "Bảo vệ chủ quyền lãnh thổ, an ninh biên giới", 1 },
    { "biên phòng", "Đông Triều xanh", 1 },
    { "an", "Bảo vệ chủ quyền lãnh thổ, an ninh biên giới", 3 },
    { "%", NULL, 0 },
    { "_", NULL, 0 },
    { "xyz", NULL, 0 },
  };

  campaign->title = g_strdup ("Bảo vệ chủ quyền lãnh thổ, an ninh biên giới");
  campaign->launch_number = g_strdup ("4440/QĐ-UBND");
  g_assert_true (td_campaign_store_insert (db, campaign, &error));
  g_assert_no_error (error);
  g_clear_pointer (&campaign, td_campaign_free);
  campaign = td_campaign_new ();
  campaign->title = g_strdup ("Đông Triều xanh");
  campaign->short_title = g_strdup ("Biên phòng xanh");
  g_assert_true (td_campaign_store_insert (db, campaign, &error));
  g_assert_no_error (error);
  add_campaign (db, "Dân vận khéo");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) found = td_campaign_store_list (db, cases[i].search, &error);

      g_assert_no_error (error);
      g_assert_nonnull (found);
      g_assert_cmpuint (found->len, ==, cases[i].n);
      if (cases[i].n > 0)
        g_assert_cmpstr (((TdCampaign *) g_ptr_array_index (found, 0))->title, ==, cases[i].first);
    }
}

static void
test_delete_refused_with_decisions (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  gint64 id = add_campaign (db, "Dân vận khéo");

  add_indicator (db, id, "Số buổi tuyên truyền", 0);
  sql = g_strdup_printf ("INSERT INTO decisions (date, campaign_id, year) VALUES "
                         "('2024-12-20', %" G_GINT64_FORMAT ", 2024), "
                         "('2025-12-20', %" G_GINT64_FORMAT ", 2025)", id, id);
  exec_sql (db, sql);
  before = dump_all (db);

  g_assert_false (td_campaign_store_delete (db, id, FALSE, &error));
  assert_field_error (error, TD_FIELD_ERROR_IN_USE, "id");
  g_assert_nonnull (strstr (error->message, "2 decisions"));
  g_clear_error (&error);

  /* Forcing loses statistics, never decisions. */
  g_assert_false (td_campaign_store_delete (db, id, TRUE, &error));
  assert_field_error (error, TD_FIELD_ERROR_IN_USE, "id");

  after = dump_all (db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_delete_refused_with_values (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = add_campaign (db, "Dân vận khéo");
  gint64 other = add_campaign (db, "Đông Triều xanh");
  gint64 unit = add_unit (db, "Xã Đồng Văn");
  gint64 sessions = add_indicator (db, id, "Số buổi tuyên truyền", 0);
  gint64 kept = add_indicator (db, other, "Số lớp tập huấn", 0);

  add_indicator (db, id, "Số tổ tự quản", 0);
  add_value (db, sessions, unit, 2018, 562);
  add_value (db, kept, unit, 2018, 4);
  before = dump_all (db);

  g_assert_false (td_campaign_store_delete (db, id, FALSE, &error));
  assert_field_error (error, TD_FIELD_ERROR_IN_USE, "id");
  g_assert_nonnull (strstr (error->message, "1 recorded statistic"));
  after = dump_all (db);
  g_assert_cmpstr (after, ==, before);
  g_clear_error (&error);

  g_assert_true (td_campaign_store_delete (db, id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM campaigns"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicators"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicator_values"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT indicator_id FROM indicator_values"), ==, kept);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_delete_with_empty_indicators (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  gint64 id = add_campaign (db, "Dân vận khéo");
  gint64 other = add_campaign (db, "Uy tín");

  add_indicator (db, id, "Số buổi tuyên truyền", 0);
  add_indicator (db, id, "Số lớp tập huấn", 0);
  add_indicator (db, other, "Số tổ tự quản", 0);

  g_assert_true (td_campaign_store_delete (db, id, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM campaigns"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicators"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT campaign_id FROM indicators"), ==, other);
}

static void
test_delete_missing (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  gint64 id = add_campaign (db, "Dân vận khéo");

  g_assert_false (td_campaign_store_delete (db, id + 1, TRUE, &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM campaigns"), ==, 1);
}

/* Indicators */

static void
test_indicators_validation (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(TdIndicator) indicator = td_indicator_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = add_campaign (db, "Dân vận khéo");

  indicator->campaign_id = id;
  indicator->name = g_strdup (" ");
  g_assert_false (td_campaign_store_insert_indicator (db, indicator, &error));
  assert_field_error (error, TD_FIELD_ERROR_REQUIRED, "name");
  g_clear_error (&error);

  g_free (indicator->name);
  indicator->name = g_strdup ("Số buổi tuyên truyền");
  indicator->campaign_id = id + 1;
  g_assert_false (td_campaign_store_insert_indicator (db, indicator, &error));
  assert_field_error (error, TD_FIELD_ERROR_REFERENCE, "campaign_id");
  g_clear_error (&error);

  indicator->campaign_id = 0;
  g_assert_false (td_campaign_store_insert_indicator (db, indicator, &error));
  assert_field_error (error, TD_FIELD_ERROR_REFERENCE, "campaign_id");
  g_clear_error (&error);

  g_assert_cmpint (indicator->id, ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicators"), ==, 0);
}

static void
test_indicators_append_order (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(TdIndicator) indicator = td_indicator_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a = add_campaign (db, "Dân vận khéo");
  gint64 b = add_campaign (db, "Đông Triều xanh");
  gint64 a1, a2, a10, a11, b1;
  const char *names[] = { "Tuyên truyền", "Tập huấn", "Tổ tự quản", "Cột mốc", NULL };
  const char *all[] = { "Tuyên truyền", "Tập huấn", "Tổ tự quản", "Cột mốc", "Lượt người nghe", NULL };

  a1 = add_indicator (db, a, "Tuyên truyền", 0);
  b1 = add_indicator (db, b, "Lượt người nghe", 0);
  a2 = add_indicator (db, a, "Tập huấn", 0);
  a10 = add_indicator (db, a, "Tổ tự quản", 10);
  a11 = add_indicator (db, a, "Cột mốc", 0);

  /* The new indicator learns its place. */
  indicator->campaign_id = b;
  indicator->name = g_strdup ("  Số  lớp ");
  indicator->measure = g_strdup (" lớp ");
  g_assert_true (td_campaign_store_insert_indicator (db, indicator, &error));
  g_assert_no_error (error);
  g_assert_cmpint (indicator->sort_order, ==, 2);
  g_assert_true (td_campaign_store_delete_indicator (db, indicator->id, FALSE, &error));
  g_assert_no_error (error);

  {
    g_autofree char *orders = query_text (db, "SELECT group_concat(sort_order, ',') FROM "
                                              "(SELECT sort_order FROM indicators ORDER BY id)");
    g_assert_cmpstr (orders, ==, "1,1,2,10,11");
  }

  list = td_campaign_store_list_indicators (db, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  for (guint i = 0; i < list->len; i++)
    {
      TdIndicator *item = g_ptr_array_index (list, i);

      g_assert_cmpstr (item->name, ==, names[i]);
      g_assert_cmpint (item->campaign_id, ==, a);
    }
  g_assert_cmpint (((TdIndicator *) g_ptr_array_index (list, 0))->id, ==, a1);
  g_assert_cmpint (((TdIndicator *) g_ptr_array_index (list, 1))->id, ==, a2);
  g_assert_cmpint (((TdIndicator *) g_ptr_array_index (list, 2))->id, ==, a10);
  g_assert_cmpint (((TdIndicator *) g_ptr_array_index (list, 3))->id, ==, a11);

  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_campaign_store_list_indicators (db, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 5);
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpstr (((TdIndicator *) g_ptr_array_index (list, i))->name, ==, all[i]);
  g_assert_cmpint (((TdIndicator *) g_ptr_array_index (list, 4))->id, ==, b1);

  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_campaign_store_list_indicators (db, b + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_indicators_update (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(TdIndicator) indicator = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 a = add_campaign (db, "Dân vận khéo");
  gint64 b = add_campaign (db, "Đông Triều xanh");
  gint64 id = add_indicator (db, a, "Tuyên truyền", 0);

  indicator = td_campaign_store_get_indicator (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (indicator->name, ==, "Tuyên truyền");
  g_assert_null (indicator->measure);
  g_assert_cmpint (indicator->sort_order, ==, 1);

  g_free (indicator->name);
  indicator->name = g_strdup ("Số buổi  tuyên truyền ");
  indicator->measure = g_strdup ("buổi");
  indicator->campaign_id = b;
  indicator->sort_order = 7;
  g_assert_true (td_campaign_store_update_indicator (db, indicator, &error));
  g_assert_no_error (error);
  g_clear_pointer (&indicator, td_indicator_free);
  indicator = td_campaign_store_get_indicator (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (indicator->name, ==, "Số buổi tuyên truyền");
  g_assert_cmpstr (indicator->measure, ==, "buổi");
  g_assert_cmpint (indicator->campaign_id, ==, b);
  g_assert_cmpint (indicator->sort_order, ==, 7);

  before = dump_all (db);
  indicator->campaign_id = b + 5;
  g_assert_false (td_campaign_store_update_indicator (db, indicator, &error));
  assert_field_error (error, TD_FIELD_ERROR_REFERENCE, "campaign_id");
  g_clear_error (&error);

  indicator->campaign_id = b;
  g_clear_pointer (&indicator->name, g_free);
  g_assert_false (td_campaign_store_update_indicator (db, indicator, &error));
  assert_field_error (error, TD_FIELD_ERROR_REQUIRED, "name");
  g_clear_error (&error);

  indicator->name = g_strdup ("Tập huấn");
  indicator->id = id + 1;
  g_assert_false (td_campaign_store_update_indicator (db, indicator, &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id");
  g_clear_error (&error);
  after = dump_all (db);
  g_assert_cmpstr (after, ==, before);

  g_clear_pointer (&indicator, td_indicator_free);
  indicator = td_campaign_store_get_indicator (db, id + 1, &error);
  g_assert_null (indicator);
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id");
}

static void
test_indicators_delete_refused_with_values (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 campaign = add_campaign (db, "Dân vận khéo");
  gint64 unit = add_unit (db, "Xã Đồng Văn");
  gint64 sessions = add_indicator (db, campaign, "Tuyên truyền", 0);
  gint64 classes = add_indicator (db, campaign, "Tập huấn", 0);
  gint64 empty = add_indicator (db, campaign, "Cột mốc", 0);

  add_value (db, sessions, unit, 2018, 562);
  add_value (db, sessions, unit, 2019, 600);
  add_value (db, classes, unit, 2018, 4);
  before = dump_all (db);

  g_assert_false (td_campaign_store_delete_indicator (db, sessions, FALSE, &error));
  assert_field_error (error, TD_FIELD_ERROR_IN_USE, "id");
  g_assert_nonnull (strstr (error->message, "2 recorded statistics"));
  g_clear_error (&error);
  after = dump_all (db);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (td_campaign_store_delete_indicator (db, sessions, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicators"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicator_values"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT indicator_id FROM indicator_values"), ==, classes);

  g_assert_true (td_campaign_store_delete_indicator (db, empty, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicators"), ==, 1);

  g_assert_false (td_campaign_store_delete_indicator (db, empty, TRUE, &error));
  assert_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicators"), ==, 1);
}

/* Values */

static void
test_values_set_replace_total (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  gint64 campaign = add_campaign (db, "Bảo vệ chủ quyền lãnh thổ");
  gint64 sessions = add_indicator (db, campaign, "Số buổi tuyên truyền", 0);
  gint64 listeners = add_indicator (db, campaign, "Lượt người nghe", 0);
  gint64 hoanh_mo = add_unit (db, "Đồn Biên phòng Hoành Mô");
  gint64 dong_van = add_unit (db, "Xã Đồng Văn");
  TdIndicatorValue value = {
    .indicator_id = sessions,
    .unit_id = hoanh_mo,
    .year = 2018,
    .value = 300,
    .note = (char *) "  theo  báo cáo ",
  };

  g_assert_cmpfloat (td_campaign_store_total (db, sessions, 2018, &error), ==, 0);
  g_assert_no_error (error);

  g_assert_true (td_campaign_store_set_value (db, &value, &error));
  g_assert_no_error (error);
  add_value (db, sessions, dong_van, 2018, 262);
  add_value (db, sessions, hoanh_mo, 2019, 7);
  add_value (db, listeners, hoanh_mo, 2018, 21790);
  g_assert_cmpfloat (td_campaign_store_total (db, sessions, 2018, &error), ==, 562);
  g_assert_no_error (error);

  /* Same indicator, unit and year: replaced, note included. */
  add_value (db, sessions, hoanh_mo, 2018, 338);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicator_values"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicator_values WHERE note IS NOT NULL"), ==, 0);
  g_assert_cmpfloat (td_campaign_store_total (db, sessions, 2018, &error), ==, 600);
  g_assert_cmpfloat (td_campaign_store_total (db, sessions, 2019, &error), ==, 7);
  g_assert_cmpfloat (td_campaign_store_total (db, sessions, 2020, &error), ==, 0);
  g_assert_cmpfloat (td_campaign_store_total (db, listeners + 10, 2018, &error), ==, 0);
  g_assert_no_error (error);

  g_assert_true (td_campaign_store_set_value (db, &value, &error));
  g_assert_no_error (error);
  {
    g_autofree char *note = query_text (db, "SELECT note FROM indicator_values "
                                            "WHERE year = 2018 AND value = 300");
    g_assert_cmpstr (note, ==, "theo báo cáo");
  }

  /* Fractions add up too. */
  add_value (db, sessions, dong_van, 2018, 0.5);
  g_assert_cmpfloat_with_epsilon (td_campaign_store_total (db, sessions, 2018, &error), 300.5, 1e-9);
}

static void
test_values_rejects_negative (void)
{
  const double bad[] = { -1, -0.001, NAN, INFINITY, -INFINITY };
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autofree char *before = NULL;
  gint64 campaign = add_campaign (db, "Dân vận khéo");
  gint64 indicator = add_indicator (db, campaign, "Tuyên truyền", 0);
  gint64 unit = add_unit (db, "Xã Đồng Văn");

  add_value (db, indicator, unit, 2018, 12);
  before = dump_all (db);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_assert_false (set_value (db, indicator, unit, 2018, bad[i], &error));
      assert_field_error (error, TD_FIELD_ERROR_RANGE, "value");
      after = dump_all (db);
      g_assert_cmpstr (after, ==, before);
    }

  {
    g_autoptr(GError) error = NULL;

    add_value (db, indicator, unit, 2018, 0);
    g_assert_cmpfloat (td_campaign_store_total (db, indicator, 2018, &error), ==, 0);
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicator_values"), ==, 1);
  }
}

static void
test_values_rejects_bad_references_and_years (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autofree char *before = NULL;
  gint64 campaign = add_campaign (db, "Dân vận khéo");
  gint64 indicator = add_indicator (db, campaign, "Tuyên truyền", 0);
  gint64 unit = add_unit (db, "Xã Đồng Văn");
  const struct {
    gint64 indicator_id, unit_id;
    int year;
    TdFieldError code;
    const char *field;
  } cases[] = {
    { indicator + 1, unit, 2018, TD_FIELD_ERROR_REFERENCE, "indicator_id" },
    { 0, unit, 2018, TD_FIELD_ERROR_REFERENCE, "indicator_id" },
    { indicator, unit + 1, 2018, TD_FIELD_ERROR_REFERENCE, "unit_id" },
    { indicator, 0, 2018, TD_FIELD_ERROR_REFERENCE, "unit_id" },
    { indicator, unit, 1944, TD_FIELD_ERROR_RANGE, "year" },
    { indicator, unit, 2201, TD_FIELD_ERROR_RANGE, "year" },
    { indicator, unit, 0, TD_FIELD_ERROR_RANGE, "year" },
  };

  before = dump_all (db);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_assert_false (set_value (db, cases[i].indicator_id, cases[i].unit_id, cases[i].year, 5, &error));
      assert_field_error (error, cases[i].code, cases[i].field);
      after = dump_all (db);
      g_assert_cmpstr (after, ==, before);
    }

  add_value (db, indicator, unit, 1945, 1);
  add_value (db, indicator, unit, 2200, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicator_values"), ==, 2);
}

static void
test_values_integers_stay_integers (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) error = NULL;
  gint64 campaign = add_campaign (db, "Dân vận khéo");
  gint64 indicator = add_indicator (db, campaign, "Tuyên truyền", 0);
  gint64 a = add_unit (db, "Xã Đồng Văn");
  gint64 b = add_unit (db, "Xã Hoành Mô");
  g_autofree char *types = NULL;

  add_value (db, indicator, a, 2018, 21790);
  add_value (db, indicator, b, 2018, 2.5);
  types = query_text (db, "SELECT group_concat(typeof(value) || ':' || value, ' ') FROM "
                          "(SELECT value FROM indicator_values ORDER BY unit_id)");
  g_assert_cmpstr (types, ==, "integer:21790 real:2.5");

  values = td_campaign_store_list_values (db, campaign, 2018, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 2);
  g_assert_cmpfloat (((TdIndicatorValue *) g_ptr_array_index (values, 0))->value, ==, 21790);
  g_assert_cmpfloat (((TdIndicatorValue *) g_ptr_array_index (values, 1))->value, ==, 2.5);
}

static void
test_values_list_order (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) error = NULL;
  gint64 campaign = add_campaign (db, "Dân vận khéo");
  gint64 other = add_campaign (db, "Uy tín");
  /* Inserted second, shown first. */
  gint64 late = add_indicator (db, campaign, "Tập huấn", 5);
  gint64 early = add_indicator (db, campaign, "Tuyên truyền", 1);
  gint64 foreign = add_indicator (db, other, "Cột mốc", 0);
  gint64 u1 = add_unit (db, "Xã Đồng Văn");
  gint64 u2 = add_unit (db, "Xã Hoành Mô");
  const struct {
    gint64 indicator_id, unit_id;
    int year;
  } expected_2018[] = {
    { early, u1, 2018 }, { early, u2, 2018 }, { late, u1, 2018 }, { late, u2, 2018 },
  }, expected_all[] = {
    { early, u1, 2018 }, { early, u1, 2019 }, { early, u2, 2018 }, { late, u1, 2018 }, { late, u2, 2018 },
  };

  add_value (db, late, u2, 2018, 4);
  add_value (db, early, u2, 2018, 3);
  add_value (db, early, u1, 2019, 2);
  add_value (db, late, u1, 2018, 5);
  add_value (db, early, u1, 2018, 1);
  add_value (db, foreign, u1, 2018, 9);
  {
    TdIndicatorValue value = { .indicator_id = early, .unit_id = u1, .year = 2018, .value = 1, .note = (char *) "ước tính" };

    g_assert_true (td_campaign_store_set_value (db, &value, &error));
    g_assert_no_error (error);
  }

  values = td_campaign_store_list_values (db, campaign, 2018, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, G_N_ELEMENTS (expected_2018));
  for (guint i = 0; i < values->len; i++)
    {
      TdIndicatorValue *value = g_ptr_array_index (values, i);

      g_assert_cmpint (value->indicator_id, ==, expected_2018[i].indicator_id);
      g_assert_cmpint (value->unit_id, ==, expected_2018[i].unit_id);
      g_assert_cmpint (value->year, ==, expected_2018[i].year);
    }
  g_assert_cmpstr (((TdIndicatorValue *) g_ptr_array_index (values, 0))->note, ==, "ước tính");
  g_assert_null (((TdIndicatorValue *) g_ptr_array_index (values, 1))->note);

  g_clear_pointer (&values, g_ptr_array_unref);
  values = td_campaign_store_list_values (db, campaign, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, G_N_ELEMENTS (expected_all));
  for (guint i = 0; i < values->len; i++)
    {
      TdIndicatorValue *value = g_ptr_array_index (values, i);

      g_assert_cmpint (value->indicator_id, ==, expected_all[i].indicator_id);
      g_assert_cmpint (value->unit_id, ==, expected_all[i].unit_id);
      g_assert_cmpint (value->year, ==, expected_all[i].year);
    }

  g_clear_pointer (&values, g_ptr_array_unref);
  values = td_campaign_store_list_values (db, campaign, 2020, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 0);
}

static void
test_values_clear (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  gint64 campaign = add_campaign (db, "Dân vận khéo");
  gint64 indicator = add_indicator (db, campaign, "Tuyên truyền", 0);
  gint64 unit = add_unit (db, "Xã Đồng Văn");

  add_value (db, indicator, unit, 2018, 12);
  add_value (db, indicator, unit, 2019, 13);

  g_assert_true (td_campaign_store_clear_value (db, indicator, unit, 2018, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicator_values"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT year FROM indicator_values"), ==, 2019);

  /* An empty cell cleared again: nothing to do, nothing wrong. */
  g_assert_true (td_campaign_store_clear_value (db, indicator, unit, 2018, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicator_values"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  td_test_init (&argc, &argv);

  g_test_add_func ("/campaigns/insert/requires-title", test_insert_requires_title);
  g_test_add_func ("/campaigns/insert/stores-normalised-text", test_insert_stores_normalised_text);
  g_test_add_func ("/campaigns/insert/rejects-bad-dates", test_insert_rejects_bad_dates);
  g_test_add_func ("/campaigns/insert/date-message-says-the-form", test_insert_date_message);
  g_test_add_func ("/campaigns/update/changes-title-and-search", test_update_changes_and_search);
  g_test_add_func ("/campaigns/update/refused-leaves-row", test_update_refused_leaves_row);
  g_test_add_func ("/campaigns/get/missing-is-not-found", test_get_missing);
  g_test_add_func ("/campaigns/list/vietnamese-order", test_list_vietnamese_order);
  g_test_add_func ("/campaigns/list/search-folds-accents", test_list_search_folds_accents);
  g_test_add_func ("/campaigns/delete/refused-with-decisions", test_delete_refused_with_decisions);
  g_test_add_func ("/campaigns/delete/refused-with-values-unless-forced", test_delete_refused_with_values);
  g_test_add_func ("/campaigns/delete/takes-empty-indicators", test_delete_with_empty_indicators);
  g_test_add_func ("/campaigns/delete/missing-is-not-found", test_delete_missing);
  g_test_add_func ("/campaigns/indicators/requires-name-and-campaign", test_indicators_validation);
  g_test_add_func ("/campaigns/indicators/append-after-last", test_indicators_append_order);
  g_test_add_func ("/campaigns/indicators/update", test_indicators_update);
  g_test_add_func ("/campaigns/indicators/delete-refused-with-values-unless-forced",
                   test_indicators_delete_refused_with_values);
  g_test_add_func ("/campaigns/values/set-replace-total", test_values_set_replace_total);
  g_test_add_func ("/campaigns/values/rejects-negative", test_values_rejects_negative);
  g_test_add_func ("/campaigns/values/rejects-bad-references-and-years",
                   test_values_rejects_bad_references_and_years);
  g_test_add_func ("/campaigns/values/integers-stay-integers", test_values_integers_stay_integers);
  g_test_add_func ("/campaigns/values/list-order", test_values_list_order);
  g_test_add_func ("/campaigns/values/clear", test_values_clear);

  return td_test_run ();
}
