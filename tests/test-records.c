#include "config.h"

#include "td-date.h"
#include "td-error.h"
#include "td-format.h"
#include "td-records.h"
#include "td-test-util.h"

static void
check (const char *rank,
       const char *position,
       const char *unit,
       const char *expected)
{
  g_autofree char *text = td_person_describe (rank, position, unit);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_describe (void)
{
  /* DOMAIN.md: the rank before the position. */
  check ("Thiếu tá", "Đồn trưởng", "Đồn Biên phòng Hoành Mô", "Thiếu tá, Đồn trưởng Đồn Biên phòng Hoành Mô");
  check (NULL, "Chủ tịch UBND xã", "Xã Quảng Đức", "Chủ tịch UBND xã Quảng Đức");
  check (NULL, "Cán bộ tư pháp", "Xã Hoành Mô", "Cán bộ tư pháp xã Hoành Mô");
  check (NULL, "Phó Giám đốc Sở", "Sở Tư pháp", "Phó Giám đốc Sở Tư pháp");
  check (NULL, "Chủ tịch UBND thị xã", "Thị xã Quảng Yên", "Chủ tịch UBND thị xã Quảng Yên");
  check (NULL, NULL, "Thành phố Móng Cái", "Thành phố Móng Cái");
  check ("Đại úy", NULL, NULL, "Đại úy");
  check (NULL, "Trưởng thôn", NULL, "Trưởng thôn");
  check (NULL, NULL, NULL, "");
}

static void
test_format (void)
{
  struct { double value; const char *text; } cases[] = {
    { 21790, "21.790" }, { 562, "562" }, { 0, "0" }, { 1.5, "1,5" }, { 1.9999, "2" },
    { 0.0004, "0" }, { 1234567.125, "1.234.567,125" }, { -2.5, "-2,5" }, { -0.25, "-0,25" },
  };
  g_autofree char *money = td_format_thousands (18720000, ".");
  g_autofree char *date = td_format_date ("2019-01-15");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = td_format_number (cases[i].value, ".", ",");

      g_assert_cmpstr (text, ==, cases[i].text);
    }
  g_assert_cmpstr (money, ==, "18.720.000");
  g_assert_cmpstr (date, ==, "15/01/2019");
}

static void
test_dates (void)
{
  const char *good[][2] = {
    { "15/01/2019", "2019-01-15" }, { "5/1/2019", "2019-01-05" }, { "15-01-2019", "2019-01-15" },
    { " 29/02/2024 ", "2024-02-29" }, { "2019-01-15", "2019-01-15" },
  };
  const char *bad[] = { "31/02/2019", "29/02/2023", "15/13/2019", "15/01/19", "ngày 15", "", "15/01/2019/1" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *iso = NULL;

      g_assert_true (td_date_parse_display (good[i][0], &iso));
      g_assert_cmpstr (iso, ==, good[i][1]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      char *iso = NULL;

      g_assert_false (td_date_parse_display (bad[i], &iso));
      g_assert_null (iso);
    }
}

static void
test_counts (void)
{
  struct { const char *text; gint64 value; } good[] = {
    { "21790", 21790 }, { "21.790", 21790 }, { "21 790", 21790 }, { "21,790", 21790 },
    { " 1.390.000 ", 1390000 }, { "0", 0 }, { "562", 562 },
  };
  const char *bad[] = { "21,79", "21.79", "1.2345", "21.790,5", "1.390,000", "-5", "abc", "", "1..000", "2e5" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 value = -1;

      g_assert_true (td_parse_count (good[i].text, "value", &value, NULL));
      g_assert_cmpint (value, ==, good[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -1;

      g_assert_false (td_parse_count (bad[i], "value", &value, &error));
      g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_FORMAT);
      g_assert_cmpstr (td_field_error_get_field (error), ==, "value");
      g_assert_cmpint (value, ==, -1);
    }
}

int
main (int   argc,
      char *argv[])
{
  td_test_init (&argc, &argv);

  g_test_add_func ("/records/person/position-and-unit", test_describe);
  g_test_add_func ("/format/numbers-and-dates", test_format);
  g_test_add_func ("/dates/typed-as-offices-write-them", test_dates);
  g_test_add_func ("/format/counts-typed-with-or-without-thousands", test_counts);

  return td_test_run ();
}
