#include "config.h"

#include <string.h>

#include "td-campaign-store.h"
#include "td-catalogue-store.h"
#include "td-decision-store.h"
#include "td-person-store.h"
#include "td-sample.h"
#include "td-test-util.h"
#include "td-unit-store.h"

static void
test_totals (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) campaigns = td_campaign_store_list (db, NULL, &error);
  g_autoptr(GPtrArray) indicators = NULL;
  const double expected[] = { 562, 21790, 4, 238 };
  TdCampaign *campaign;

  g_assert_no_error (error);
  g_assert_cmpuint (campaigns->len, ==, 1);
  campaign = g_ptr_array_index (campaigns, 0);
  g_assert_cmpstr (campaign->launch_number, ==, "4440/QĐ-UBND");
  g_assert_cmpstr (campaign->launch_date, ==, "2017-11-13");
  g_assert_nonnull (strstr (campaign->title, "bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia"));

  indicators = td_campaign_store_list_indicators (db, campaign->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (indicators->len, ==, 4);
  for (guint i = 0; i < indicators->len; i++)
    {
      TdIndicator *indicator = g_ptr_array_index (indicators, i);

      g_assert_cmpfloat (td_campaign_store_total (db, indicator->id, 2018, &error), ==, expected[i]);
      g_assert_cmpfloat (td_campaign_store_total (db, indicator->id, 2017, &error), >, 0);
      g_assert_cmpfloat (td_campaign_store_total (db, indicator->id, 2019, &error), >, 0);
      g_assert_no_error (error);
    }
}

static gboolean
has_family (GPtrArray  *people,
            const char *family)
{
  for (guint i = 0; i < people->len; i++)
    if (g_str_has_prefix (((TdPerson *) g_ptr_array_index (people, i))->full_name, family))
      return TRUE;
  return FALSE;
}

static void
test_people_and_units (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = td_person_store_list (db, NULL, 0, &error);
  g_autoptr(GPtrArray) units = td_unit_store_list (db, NULL, FALSE, &error);
  g_autoptr(GPtrArray) dang = td_person_store_list (db, "dang", 0, &error);
  gboolean has_rank = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (people->len, >=, 12);
  g_assert_cmpuint (units->len, >=, 15);
  g_assert_true (has_family (people, "Đặng "));
  g_assert_true (has_family (people, "Đỗ "));
  g_assert_true (has_family (people, "Ưng "));
  g_assert_cmpuint (dang->len, >=, 1);
  for (guint i = 0; i < people->len; i++)
    if (((TdPerson *) g_ptr_array_index (people, i))->rank != NULL)
      has_rank = TRUE;
  g_assert_true (has_rank);
}

static void
test_decisions (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = td_decision_store_list (db, NULL, 0, 0, &error);
  guint issued = 0, drafts = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 2);
  for (guint i = 0; i < decisions->len; i++)
    {
      TdDecision *d = g_ptr_array_index (decisions, i);
      g_autoptr(GPtrArray) awards = td_decision_store_list_awards (db, d->id, &error);
      gint64 total = 0;

      g_assert_no_error (error);
      g_assert_cmpuint (awards->len, >, 0);
      if (d->number != NULL)
        {
          issued++;
          g_assert_true (g_str_has_prefix (d->date, "2019-01-"));
          g_assert_cmpint (d->year, ==, 2018);
          g_assert_cmpint (d->n_collectives, >, 0);
          g_assert_cmpint (d->n_individuals, >, 0);
        }
      else
        drafts++;

      for (guint j = 0; j < awards->len; j++)
        {
          TdAward *a = g_ptr_array_index (awards, j);
          g_autoptr(TdAwardForm) form = td_catalogue_store_get_form (db, a->form_id, &error);
          gint64 computed = 0;

          g_assert_true (td_catalogue_store_compute_bonus (db, a->form_id, a->unit_id > 0, d->date,
                                                           &computed, &error));
          g_assert_no_error (error);
          g_assert_cmpint (a->amount, ==, computed);
          g_assert_false (a->amount_overridden);
          g_assert_nonnull (a->display_name);
          g_assert_nonnull (a->achievement);
          total += a->amount;

          /* DOMAIN.md at the 2018-07-01 base salary of 1,390,000. */
          if (d->number != NULL && g_str_equal (form->code, "bang_khen_tinh"))
            g_assert_cmpint (a->amount, ==, a->unit_id > 0 ? 2780000 : 1390000);
          if (d->number != NULL && g_str_equal (form->code, "co_thi_dua_tinh"))
            g_assert_cmpint (a->amount, ==, 11120000);
          /* An issued decision's texts are frozen. */
          if (d->number != NULL)
            g_assert_nonnull (a->recipient_name);
          else
            g_assert_null (a->recipient_name);
        }
      g_assert_cmpint (total, ==, d->total);
    }
  g_assert_cmpuint (issued, ==, 1);
  g_assert_cmpuint (drafts, ==, 1);
}

static void
test_only_into_empty (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = td_person_store_list (db, NULL, 0, NULL);
  g_autoptr(GPtrArray) after = NULL;

  g_assert_false (td_sample_load (db, &error));
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_FAILED);
  after = td_person_store_list (db, NULL, 0, NULL);
  g_assert_cmpuint (before->len, ==, after->len);
}

int
main (int   argc,
      char *argv[])
{
  td_test_init (&argc, &argv);

  g_test_add_func ("/sample/statistics/totals-of-2018", test_totals);
  g_test_add_func ("/sample/directory/names-that-exercise-order-and-search", test_people_and_units);
  g_test_add_func ("/sample/decisions/amounts-by-the-rules", test_decisions);
  g_test_add_func ("/sample/load/only-into-an-empty-database", test_only_into_empty);

  return td_test_run ();
}
