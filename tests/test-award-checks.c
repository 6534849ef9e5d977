#define G_LOG_DOMAIN "test-award-checks"

#include "config.h"

#include <string.h>

#include "td-award-checks.h"
#include "td-catalogue-store.h"
#include "td-decision-store.h"
#include "td-test-util.h"

/* The sample database (DOMAIN.md): campaign 1; decision 1 is 125/QĐ-UBND
 * for 2018 (issued), decision 2 the draft for 2019 of 20/12/2019.  Person 1
 * is Đặng Minh Hiếu (a line in decision 1), person 9 Hoàng Văn Thắng (a
 * line in decision 2), person 11 Phạm Minh Tuấn (no line), unit 7 Đồn
 * Biên phòng Hoành Mô (a line in decision 1). */
#define CAMPAIGN 1
#define ISSUED_2018 1
#define DRAFT_2019 2
#define HIEU 1
#define THANG 9
#define TUAN 11
#define HOANH_MO 7

static gint64
form_id (TdDatabase *db,
         const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAwardForm) form = td_catalogue_store_get_form_by_code (db, code, &error);

  g_assert_no_error (error);
  return form->id;
}

static gint64
new_decision (TdDatabase *db,
              const char *date,
              gint64      campaign_id,
              int         year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDecision) decision = td_decision_new ();

  decision->date = g_strdup (date);
  decision->issuer = g_strdup ("Chủ tịch UBND tỉnh Quảng Ninh");
  decision->campaign_id = campaign_id;
  decision->year = year;
  td_decision_store_insert (db, decision, &error);
  g_assert_no_error (error);
  return decision->id;
}

static gint64
add_line (TdDatabase *db,
          gint64      decision_id,
          const char *code,
          gint64      unit_id,
          gint64      person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAward) award = td_award_new ();

  award->decision_id = decision_id;
  award->form_id = form_id (db, code);
  award->unit_id = unit_id;
  award->person_id = person_id;
  award->achievement = g_strdup ("Đã hoàn thành xuất sắc nhiệm vụ");
  td_decision_store_insert_award (db, award, &error);
  g_assert_no_error (error);
  return award->id;
}

static void
issue (TdDatabase *db,
       gint64      decision_id,
       const char *number)
{
  g_autoptr(GError) error = NULL;

  td_decision_store_issue (db, decision_id, number, NULL, &error);
  g_assert_no_error (error);
}

/* An issued decision of @year (no campaign) giving @code to @person_id. */
static void
issued_award (TdDatabase *db,
              int         year,
              const char *code,
              gint64      person_id)
{
  static guint counter;
  g_autofree char *date = g_strdup_printf ("%d-12-15", year);
  g_autofree char *number = g_strdup_printf ("%u/QĐ-UBND", ++counter);
  gint64 decision = new_decision (db, date, 0, year);

  add_line (db, decision, code, 0, person_id);
  issue (db, decision, number);
}

static GPtrArray *
check (TdDatabase *db,
       gint64      award_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *warnings = td_award_checks_for_award (db, award_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (warnings);
  return warnings;
}

static guint
count_kind (GPtrArray          *warnings,
            TdAwardWarningKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < warnings->len; i++)
    n += ((TdAwardWarning *) g_ptr_array_index (warnings, i))->kind == kind;
  return n;
}

static const char *
message_of (GPtrArray          *warnings,
            TdAwardWarningKind  kind)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      TdAwardWarning *warning = g_ptr_array_index (warnings, i);

      if (warning->kind == kind)
        return warning->message;
    }
  g_assert_not_reached ();
}

static void
test_clean_line (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  gint64 line = add_line (db, DRAFT_2019, "lao_dong_tien_tien", 0, TUAN);
  g_autoptr(GPtrArray) warnings = check (db, line);

  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_same_recipient_twice (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  gint64 first = add_line (db, DRAFT_2019, "lao_dong_tien_tien", 0, TUAN);
  gint64 second = add_line (db, DRAFT_2019, "giay_khen", 0, TUAN);
  gint64 other = add_line (db, DRAFT_2019, "giay_khen", 0, HIEU);
  gint64 unit_line = add_line (db, DRAFT_2019, "giay_khen", HOANH_MO, 0);
  gint64 unit_again = add_line (db, DRAFT_2019, "tt_lao_dong_tien_tien", HOANH_MO, 0);
  g_autoptr(GPtrArray) on_first = check (db, first);
  g_autoptr(GPtrArray) on_second = check (db, second);
  g_autoptr(GPtrArray) on_other = check (db, other);
  g_autoptr(GPtrArray) on_unit = check (db, unit_line);
  g_autoptr(GPtrArray) on_unit_again = check (db, unit_again);

  /* Each line names the other one's form. */
  g_assert_cmpuint (count_kind (on_first, TD_AWARD_WARNING_SAME_DECISION), ==, 1);
  g_assert_cmpstr (message_of (on_first, TD_AWARD_WARNING_SAME_DECISION), ==,
                   "Phạm Minh Tuấn already has another line in this decision (Giấy khen): "
                   "list each person or unit once, as one achievement is rewarded once.");
  g_assert_cmpuint (count_kind (on_second, TD_AWARD_WARNING_SAME_DECISION), ==, 1);
  g_assert_nonnull (strstr (message_of (on_second, TD_AWARD_WARNING_SAME_DECISION), "(Lao động tiên tiến)"));

  /* Another person, or the same person in another decision, is fine. */
  g_assert_cmpuint (count_kind (on_other, TD_AWARD_WARNING_SAME_DECISION), ==, 0);

  /* A unit too; a unit's line never matches a person's. */
  g_assert_cmpuint (count_kind (on_unit, TD_AWARD_WARNING_SAME_DECISION), ==, 1);
  g_assert_nonnull (strstr (message_of (on_unit, TD_AWARD_WARNING_SAME_DECISION), "Đồn Biên phòng Hoành Mô already has"));
  g_assert_cmpuint (count_kind (on_unit_again, TD_AWARD_WARNING_SAME_DECISION), ==, 1);
}

static void
test_same_campaign_and_year (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  gint64 supplement_2018 = new_decision (db, "2019-02-01", CAMPAIGN, 2018);
  gint64 supplement_2019 = new_decision (db, "2020-01-10", CAMPAIGN, 2019);
  gint64 no_year = new_decision (db, "2019-02-01", CAMPAIGN, 0);
  gint64 no_campaign = new_decision (db, "2019-02-01", 0, 2018);
  gint64 hieu_2018 = add_line (db, supplement_2018, "giay_khen", 0, HIEU);
  gint64 unit_2018 = add_line (db, supplement_2018, "giay_khen", HOANH_MO, 0);
  gint64 thang_2019 = add_line (db, supplement_2019, "giay_khen", 0, THANG);
  gint64 hieu_2019 = add_line (db, supplement_2019, "giay_khen", 0, HIEU);
  gint64 hieu_no_year = add_line (db, no_year, "giay_khen", 0, HIEU);
  gint64 hieu_no_campaign = add_line (db, no_campaign, "giay_khen", 0, HIEU);
  g_autoptr(GPtrArray) on_hieu_2018 = check (db, hieu_2018);
  g_autoptr(GPtrArray) on_unit_2018 = check (db, unit_2018);
  g_autoptr(GPtrArray) on_thang_2019 = check (db, thang_2019);
  g_autoptr(GPtrArray) on_hieu_2019 = check (db, hieu_2019);
  g_autoptr(GPtrArray) on_no_year = check (db, hieu_no_year);
  g_autoptr(GPtrArray) on_no_campaign = check (db, hieu_no_campaign);

  /* Issued: named by its number. */
  g_assert_cmpuint (count_kind (on_hieu_2018, TD_AWARD_WARNING_SAME_YEAR), ==, 1);
  g_assert_cmpstr (message_of (on_hieu_2018, TD_AWARD_WARNING_SAME_YEAR), ==,
                   "Đặng Minh Hiếu already has a line in decision 125/QĐ-UBND for the same campaign "
                   "and year: one achievement is rewarded once.");
  g_assert_cmpuint (count_kind (on_unit_2018, TD_AWARD_WARNING_SAME_YEAR), ==, 1);

  /* A draft: named by its date. */
  g_assert_cmpuint (count_kind (on_thang_2019, TD_AWARD_WARNING_SAME_YEAR), ==, 1);
  g_assert_cmpstr (message_of (on_thang_2019, TD_AWARD_WARNING_SAME_YEAR), ==,
                   "Hoàng Văn Thắng already has a line in the draft decision of 20/12/2019 for the "
                   "same campaign and year: one achievement is rewarded once.");

  /* Another year, or a decision without a campaign or a year: nothing. */
  g_assert_cmpuint (count_kind (on_hieu_2019, TD_AWARD_WARNING_SAME_YEAR), ==, 0);
  g_assert_cmpuint (count_kind (on_no_year, TD_AWARD_WARNING_SAME_YEAR), ==, 0);
  g_assert_cmpuint (count_kind (on_no_campaign, TD_AWARD_WARNING_SAME_YEAR), ==, 0);
}

static void
test_cstd_tinh_needs_three_years (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  gint64 review = new_decision (db, "2021-12-20", 0, 2021);
  gint64 line = add_line (db, review, "cstd_tinh", 0, TUAN);
  gint64 draft_2020;

  /* No history. */
  {
    g_autoptr(GPtrArray) warnings = check (db, line);

    g_assert_cmpuint (count_kind (warnings, TD_AWARD_WARNING_RULE), ==, 1);
    g_assert_cmpstr (message_of (warnings, TD_AWARD_WARNING_RULE), ==,
                     "Phạm Minh Tuấn: Chiến sĩ thi đua cấp tỉnh needs Chiến sĩ thi đua cơ sở in each "
                     "year from 2018 to 2020 (Law 06/2022), but no issued decision records it.");
  }

  /* Two years of three, and a draft for the third: drafts do not count. */
  issued_award (db, 2018, "cstd_co_so", TUAN);
  issued_award (db, 2019, "cstd_co_so", TUAN);
  draft_2020 = new_decision (db, "2020-12-15", 0, 2020);
  add_line (db, draft_2020, "cstd_co_so", 0, TUAN);
  {
    g_autoptr(GPtrArray) warnings = check (db, line);

    g_assert_cmpuint (count_kind (warnings, TD_AWARD_WARNING_RULE), ==, 1);
    g_assert_cmpstr (message_of (warnings, TD_AWARD_WARNING_RULE), ==,
                     "Phạm Minh Tuấn: Chiến sĩ thi đua cấp tỉnh needs Chiến sĩ thi đua cơ sở in each "
                     "year from 2018 to 2020 (Law 06/2022), but the issued decisions record it in "
                     "2018, 2019 only.");
  }

  /* Issued: three consecutive years ending the year before. */
  issue (db, draft_2020, "20/QĐ-UBND");
  {
    g_autoptr(GPtrArray) warnings = check (db, line);

    g_assert_cmpuint (warnings->len, ==, 0);
  }
}

static void
test_cstd_tinh_years_end_the_year_before (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  /* No year on the decision: the year of its date. */
  gint64 review = new_decision (db, "2022-01-20", 0, 0);
  gint64 line = add_line (db, review, "cstd_tinh", 0, TUAN);
  g_autoptr(GPtrArray) warnings = NULL;

  issued_award (db, 2017, "cstd_co_so", TUAN);
  issued_award (db, 2018, "cstd_co_so", TUAN);
  issued_award (db, 2019, "cstd_co_so", TUAN);
  /* Someone else's years are not his. */
  issued_award (db, 2020, "cstd_co_so", HIEU);
  issued_award (db, 2021, "cstd_co_so", HIEU);

  warnings = check (db, line);
  g_assert_cmpuint (count_kind (warnings, TD_AWARD_WARNING_RULE), ==, 1);
  g_assert_nonnull (strstr (message_of (warnings, TD_AWARD_WARNING_RULE), "from 2019 to 2021"));
  g_assert_nonnull (strstr (message_of (warnings, TD_AWARD_WARNING_RULE), "record it in 2017, 2018, 2019 only"));
}

static void
test_bang_khen_tinh_hint (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  gint64 review = new_decision (db, "2019-12-20", 0, 2019);
  gint64 line = add_line (db, review, "bang_khen_tinh", 0, TUAN);
  gint64 unit_line = add_line (db, review, "bang_khen_tinh", HOANH_MO, 0);

  issued_award (db, 2018, "cstd_co_so", TUAN);
  {
    g_autoptr(GPtrArray) warnings = check (db, line);
    const char *message;

    g_assert_cmpuint (count_kind (warnings, TD_AWARD_WARNING_RULE), ==, 1);
    message = message_of (warnings, TD_AWARD_WARNING_RULE);
    g_assert_cmpstr (message, ==,
                     "Phạm Minh Tuấn: Bằng khen của Chủ tịch UBND tỉnh is usually given after Chiến sĩ "
                     "thi đua cơ sở in each year from 2017 to 2018 (Law 06/2022), but the issued "
                     "decisions record it in 2018 only. This is one path of several: ignore this hint "
                     "if another one applies.");
  }
  /* A unit has no such rule. */
  {
    g_autoptr(GPtrArray) warnings = check (db, unit_line);

    g_assert_cmpuint (count_kind (warnings, TD_AWARD_WARNING_RULE), ==, 0);
  }

  issued_award (db, 2017, "cstd_co_so", TUAN);
  {
    g_autoptr(GPtrArray) warnings = check (db, line);

    g_assert_cmpuint (count_kind (warnings, TD_AWARD_WARNING_RULE), ==, 0);
  }
}

static void
test_cstd_toan_quoc_needs_two_years (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  gint64 review = new_decision (db, "2019-12-20", 0, 2019);
  gint64 line = add_line (db, review, "cstd_toan_quoc", 0, TUAN);

  issued_award (db, 2017, "cstd_tinh", TUAN);
  /* Chiến sĩ thi đua cơ sở is not Chiến sĩ thi đua cấp tỉnh. */
  issued_award (db, 2018, "cstd_co_so", TUAN);
  {
    g_autoptr(GPtrArray) warnings = check (db, line);

    g_assert_cmpuint (count_kind (warnings, TD_AWARD_WARNING_RULE), ==, 1);
    g_assert_cmpstr (message_of (warnings, TD_AWARD_WARNING_RULE), ==,
                     "Phạm Minh Tuấn: Chiến sĩ thi đua toàn quốc needs Chiến sĩ thi đua cấp tỉnh in "
                     "each year from 2017 to 2018 (Law 06/2022), but the issued decisions record it "
                     "in 2017 only.");
  }
  issued_award (db, 2018, "cstd_tinh", TUAN);
  {
    g_autoptr(GPtrArray) warnings = check (db, line);

    g_assert_cmpuint (warnings->len, ==, 0);
  }
}

static void
test_missing_line (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = td_award_checks_for_award (db, 999999, &error);

  /* Deleted meanwhile: nothing to warn about, and no error to show. */
  g_assert_no_error (error);
  g_assert_nonnull (warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  td_test_init (&argc, &argv);

  g_test_add_func ("/checks/clean-line-has-no-warning", test_clean_line);
  g_test_add_func ("/checks/same-recipient-twice", test_same_recipient_twice);
  g_test_add_func ("/checks/same-campaign-and-year", test_same_campaign_and_year);
  g_test_add_func ("/checks/cstd-tinh-needs-three-years-of-cstd-co-so", test_cstd_tinh_needs_three_years);
  g_test_add_func ("/checks/cstd-tinh-years-end-the-year-before", test_cstd_tinh_years_end_the_year_before);
  g_test_add_func ("/checks/bang-khen-tinh-hint", test_bang_khen_tinh_hint);
  g_test_add_func ("/checks/cstd-toan-quoc-needs-two-years-of-cstd-tinh", test_cstd_toan_quoc_needs_two_years);
  g_test_add_func ("/checks/deleted-line-has-no-warnings", test_missing_line);

  return td_test_run ();
}
