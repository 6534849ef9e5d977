#include "config.h"

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

int
main (int   argc,
      char *argv[])
{
  td_test_init (&argc, &argv);

  g_test_add_func ("/records/person/position-and-unit", test_describe);

  return td_test_run ();
}
