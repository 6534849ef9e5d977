#include "config.h"

#include "td-money.h"
#include "td-test-util.h"

static void
test_rounds_up (void)
{
  /* DOMAIN.md's worked examples at 2,340,000. */
  g_assert_cmpint (td_money_bonus (0.3, 2340000, TD_ROUNDING_UP_10000), ==, 710000);
  g_assert_cmpint (td_money_bonus (0.8, 2340000, TD_ROUNDING_UP_10000), ==, 1880000);
  g_assert_cmpint (td_money_bonus (0.6, 2340000, TD_ROUNDING_UP_10000), ==, 1410000);
  g_assert_cmpint (td_money_bonus (8.0, 2340000, TD_ROUNDING_UP_10000), ==, 18720000);
  g_assert_cmpint (td_money_bonus (1.5, 2340000, TD_ROUNDING_UP_10000), ==, 3510000);
  /* Already a multiple of ten thousand: unchanged. */
  g_assert_cmpint (td_money_bonus (1.0, 1390000, TD_ROUNDING_UP_10000), ==, 1390000);
}

static void
test_other_roundings (void)
{
  g_assert_cmpint (td_money_bonus (0.3, 2340000, TD_ROUNDING_DOWN_10000), ==, 700000);
  g_assert_cmpint (td_money_bonus (0.3, 2340000, TD_ROUNDING_NONE), ==, 702000);
  g_assert_cmpint (td_money_bonus (0.8, 1490000, TD_ROUNDING_NONE), ==, 1192000);
  g_assert_cmpint (td_money_bonus (0, 2340000, TD_ROUNDING_UP_10000), ==, 0);
}

static void
test_rounding_names (void)
{
  TdRounding r;

  g_assert_true (td_rounding_from_string ("down10000", &r));
  g_assert_cmpint (r, ==, TD_ROUNDING_DOWN_10000);
  g_assert_cmpstr (td_rounding_to_string (r), ==, "down10000");
  g_assert_false (td_rounding_from_string ("up", &r));
}

int
main (int   argc,
      char *argv[])
{
  td_test_init (&argc, &argv);

  g_test_add_func ("/money/bonus/rounds-up-to-ten-thousand", test_rounds_up);
  g_test_add_func ("/money/bonus/rounds-down-or-not-at-all", test_other_roundings);
  g_test_add_func ("/money/rounding/setting-values", test_rounding_names);

  return td_test_run ();
}
