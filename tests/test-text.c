#include "config.h"

#include "td-test-util.h"
#include "td-text.h"

static int
compare_keys (const char *a,
              const char *b,
              GBytes *(*key) (const char *))
{
  g_autoptr(GBytes) ka = key (a);
  g_autoptr(GBytes) kb = key (b);

  return g_bytes_compare (ka, kb);
}

static void
test_fold (void)
{
  g_autofree char *a = td_text_fold ("Đặng Huy Hậu");
  g_autofree char *b = td_text_fold ("  ƯNG   Thị\tLoan ");
  g_autofree char *c = td_text_fold ("Đồn Biên phòng Bắc Phong Sinh");

  g_assert_cmpstr (a, ==, "dang huy hau");
  g_assert_cmpstr (b, ==, "ung thi loan");
  g_assert_cmpstr (c, ==, "don bien phong bac phong sinh");
  g_assert_true (td_text_fold_contains (a, "DANG"));
  g_assert_true (td_text_fold_contains (a, "đặng huy"));
  g_assert_false (td_text_fold_contains (a, "dung"));
}

static void
test_normalize (void)
{
  /* «ế» typed as e + circumflex + acute (combining marks): stored NFC. */
  g_autofree char *n = td_text_normalize ("  Nguye\xcc\x82\xcc\x81n   Văn\nAn ");

  g_assert_cmpstr (n, ==, "Nguyến Văn An");
}

static void
test_alphabet (void)
{
  /* DOMAIN.md: a ă â b c d đ e ê … o ô ơ … u ư; tones break ties only. */
  g_assert_cmpint (td_text_collate ("Dung", "Đạt"), <, 0);
  g_assert_cmpint (td_text_collate ("Đạt", "Em"), <, 0);
  g_assert_cmpint (td_text_collate ("Uyên", "Ưng"), <, 0);
  g_assert_cmpint (td_text_collate ("Ưng", "Vân"), <, 0);
  g_assert_cmpint (td_text_collate ("An", "Ăn"), <, 0);
  g_assert_cmpint (td_text_collate ("Ăn", "Ân"), <, 0);
  g_assert_cmpint (td_text_collate ("Ân", "Bình"), <, 0);
  g_assert_cmpint (td_text_collate ("Ơn", "Phú"), <, 0);
  g_assert_cmpint (td_text_collate ("Ô", "Ơ"), <, 0);
  /* Tone order: none, huyền, hỏi, ngã, sắc, nặng. */
  g_assert_cmpint (td_text_collate ("Anh", "Ành"), <, 0);
  g_assert_cmpint (td_text_collate ("Ành", "Ảnh"), <, 0);
  g_assert_cmpint (td_text_collate ("Ảnh", "Ãnh"), <, 0);
  g_assert_cmpint (td_text_collate ("Ãnh", "Ánh"), <, 0);
  g_assert_cmpint (td_text_collate ("Ánh", "Ạnh"), <, 0);
  /* Letters first: a tone never outweighs a later letter. */
  g_assert_cmpint (td_text_collate ("Ánh", "Anhb"), <, 0);
  g_assert_cmpint (compare_keys ("Dung", "Đạt", td_text_sort_key), <, 0);
  g_assert_cmpint (compare_keys ("Uyên", "Ưng", td_text_sort_key), <, 0);
}

static void
test_names (void)
{
  g_autofree char *family = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *given = NULL;
  g_autofree char *for_sort = td_text_name_for_sort ("Tôn Nữ Thị Ninh");

  td_text_split_name ("Tôn Nữ Thị Ninh", &family, &middle, &given);
  g_assert_cmpstr (family, ==, "Tôn");
  g_assert_cmpstr (middle, ==, "Nữ Thị");
  g_assert_cmpstr (given, ==, "Ninh");
  g_assert_cmpstr (for_sort, ==, "Ninh Nữ Thị Tôn");

  /* DOMAIN.md: «Trần Văn An» before «Nguyễn Thị Bình». */
  g_assert_cmpint (compare_keys ("Trần Văn An", "Nguyễn Thị Bình", td_text_name_sort_key), <, 0);
  /* Same given name: the middle name decides, then the family name. */
  g_assert_cmpint (compare_keys ("Vũ Thị An", "Lê Văn An", td_text_name_sort_key), <, 0);
  g_assert_cmpint (compare_keys ("Lê Văn An", "Trần Văn An", td_text_name_sort_key), <, 0);
  /* «An» before «Anh», whatever the rest of the name. */
  g_assert_cmpint (compare_keys ("Vũ Văn An", "Lê Anh", td_text_name_sort_key), <, 0);
  /* Names differing only by tone. */
  g_assert_cmpint (compare_keys ("Nguyễn Văn Anh", "Nguyễn Văn Ánh", td_text_name_sort_key), <, 0);
}

/* The given name is compared whole, tones included, before the middle
 * name is looked at: all the «Anh» before all the «Ánh». */
static void
test_names_whole_parts (void)
{
  const char *ordered[] = {
    "Nguyễn Văn An", "Lê Văn Ạn",
    "Bùi Văn Anh", "Lê Văn Anh", "Trần Văn Anh",
    "Lê Thị Ánh", "Nguyễn Văn Ánh",
  };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (ordered); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (ordered); j++)
      {
        g_test_message ("%s < %s", ordered[i], ordered[j]);
        g_assert_cmpint (compare_keys (ordered[i], ordered[j], td_text_name_sort_key), <, 0);
      }

  /* The middle name whole before the family name. */
  g_assert_cmpint (compare_keys ("Vũ Văn An", "Lê Vắn An", td_text_name_sort_key), <, 0);
  g_assert_cmpint (compare_keys ("Trần Văn An", "Nguyễn Thị Bình", td_text_name_sort_key), <, 0);
  /* A one-word name has no middle or family name: before any other. */
  g_assert_cmpint (compare_keys ("An", "Lê An", td_text_name_sort_key), <, 0);
}

static void
test_search_words (void)
{
  g_autofree char *name = td_text_fold ("Đặng Minh Hiếu");
  g_auto(GStrv) words = td_text_search_words ("  Hiếu   ĐẶNG ");
  g_auto(GStrv) other = td_text_search_words ("hieu nam");
  g_auto(GStrv) none = td_text_search_words ("   ");

  g_assert_cmpuint (g_strv_length (words), ==, 2);
  g_assert_cmpstr (words[0], ==, "hieu");
  g_assert_cmpstr (words[1], ==, "dang");
  g_assert_true (td_text_matches_words (name, (const char * const *) words));
  g_assert_false (td_text_matches_words (name, (const char * const *) other));
  g_assert_null (none);
  g_assert_true (td_text_matches_words (name, NULL));
}

int
main (int   argc,
      char *argv[])
{
  td_test_init (&argc, &argv);

  g_test_add_func ("/text/fold/ignores-marks-and-folds-d", test_fold);
  g_test_add_func ("/text/normalize/nfc-and-spaces", test_normalize);
  g_test_add_func ("/text/collate/vietnamese-alphabet-and-tones", test_alphabet);
  g_test_add_func ("/text/names/given-name-first", test_names);
  g_test_add_func ("/text/names/given-name-whole-with-tones-before-middle", test_names_whole_parts);
  g_test_add_func ("/text/search/every-word-in-any-order", test_search_words);

  return td_test_run ();
}
