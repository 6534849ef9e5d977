#include "config.h"

#include "td-settings-store.h"
#include "td-test-util.h"
#include "td-words.h"

typedef struct
{
  gint64      amount;
  const char *words;
} Case;

static void
check (const Case           *cases,
       gsize                 n,
       const TdWordsOptions *options)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *words = td_words_amount (cases[i].amount, options);

      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

static void
test_defaults (void)
{
  const Case cases[] = {
    { 0, "Không đồng" },
    { 5, "Năm đồng" },
    { 10, "Mười đồng" },
    { 11, "Mười một đồng" },
    { 14, "Mười bốn đồng" },
    { 15, "Mười lăm đồng" },
    { 21, "Hai mươi mốt đồng" },
    { 24, "Hai mươi tư đồng" },
    { 25, "Hai mươi lăm đồng" },
    { 105, "Một trăm linh năm đồng" },
    { 101, "Một trăm linh một đồng" },
    { 104, "Một trăm linh bốn đồng" },
    { 110, "Một trăm mười đồng" },
    { 1001, "Một nghìn không trăm linh một đồng" },
    { 1005000, "Một triệu không trăm linh năm nghìn đồng" },
    { 1001000, "Một triệu không trăm linh một nghìn đồng" },
    { 21790000, "Hai mươi mốt triệu bảy trăm chín mươi nghìn đồng" },
    { 18720000, "Mười tám triệu bảy trăm hai mươi nghìn đồng" },
    { 1000000000, "Một tỷ đồng" },
    { 1000000001, "Một tỷ không trăm linh một đồng" },
    { 1000001000, "Một tỷ không trăm linh một nghìn đồng" },
    { 44480000, "Bốn mươi tư triệu bốn trăm tám mươi nghìn đồng" },
    { G_GINT64_CONSTANT (999999999999999),
      "Chín trăm chín mươi chín nghìn tỷ chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu "
      "chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng" },
    { G_GINT64_CONSTANT (123456789012345),
      "Một trăm hai mươi ba nghìn tỷ bốn trăm năm mươi sáu tỷ bảy trăm tám mươi chín triệu "
      "không trăm mười hai nghìn ba trăm bốn mươi lăm đồng" },
  };

  check (cases, G_N_ELEMENTS (cases), NULL);
}

static void
test_options (void)
{
  const TdWordsOptions southern = { TRUE, TRUE, TRUE, TRUE };
  const Case cases[] = {
    { 0, "Không đồng chẵn" },
    { 5, "Năm đồng chẵn" },
    { 10, "Mười đồng chẵn" },
    { 11, "Mười một đồng chẵn" },
    { 15, "Mười lăm đồng chẵn" },
    { 21, "Hai mươi mốt đồng chẵn" },
    { 24, "Hai mươi bốn đồng chẵn" },
    { 25, "Hai mươi lăm đồng chẵn" },
    { 105, "Một trăm lẻ năm đồng chẵn" },
    { 110, "Một trăm mười đồng chẵn" },
    { 1001, "Một ngàn không trăm lẻ một đồng chẵn" },
    { 1005000, "Một triệu không trăm lẻ năm ngàn đồng chẵn" },
    { 21790000, "Hai mươi mốt triệu bảy trăm chín mươi ngàn đồng chẵn" },
    { 1000000000, "Một tỷ đồng chẵn" },
    { 1000000001, "Một tỷ không trăm lẻ một đồng chẵn" },
    { G_GINT64_CONSTANT (1000000000000), "Một ngàn tỷ đồng chẵn" },
    { G_GINT64_CONSTANT (524024000000024),
      "Năm trăm hai mươi bốn ngàn tỷ không trăm hai mươi bốn tỷ không trăm hai mươi bốn đồng chẵn" },
  };

  check (cases, G_N_ELEMENTS (cases), &southern);
}

static void
test_single_options (void)
{
  const TdWordsOptions le = { TRUE, FALSE, FALSE, FALSE };
  const TdWordsOptions ngan = { FALSE, TRUE, FALSE, FALSE };
  const TdWordsOptions bon = { FALSE, FALSE, TRUE, FALSE };
  g_autofree char *a = td_words_amount (1005000, &le);
  g_autofree char *b = td_words_amount (1005000, &ngan);
  g_autofree char *c = td_words_amount (24024, &bon);

  g_assert_cmpstr (a, ==, "Một triệu không trăm lẻ năm nghìn đồng");
  g_assert_cmpstr (b, ==, "Một triệu không trăm linh năm ngàn đồng");
  g_assert_cmpstr (c, ==, "Hai mươi bốn nghìn không trăm hai mươi bốn đồng");
}

static void
test_settings (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  TdWordsOptions options;
  g_autofree char *words = NULL;

  td_words_options_load (db, &options);
  g_assert_false (options.le || options.ngan || options.bon || options.chan);
  g_assert_true (td_settings_store_set (db, "words.linh", "lẻ", &error));
  g_assert_true (td_settings_store_set (db, "words.chan", "1", &error));
  g_assert_no_error (error);
  td_words_options_load (db, &options);
  words = td_words_amount (105, &options);
  g_assert_cmpstr (words, ==, "Một trăm lẻ năm đồng chẵn");
}

int
main (int   argc,
      char *argv[])
{
  td_test_init (&argc, &argv);

  g_test_add_func ("/words/amount/northern-defaults", test_defaults);
  g_test_add_func ("/words/amount/every-option", test_options);
  g_test_add_func ("/words/amount/each-option-alone", test_single_options);
  g_test_add_func ("/words/options/from-settings", test_settings);

  return td_test_run ();
}
