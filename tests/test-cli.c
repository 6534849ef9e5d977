#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "td-test-util.h"
#include "td-text.h"

typedef struct
{
  int    status;
  char  *out;
  char  *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli_env (Run         *run,
             const char  *language,
             const char  *first,
             ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (char *) g_getenv ("THIDUA_CLI"));
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
}

#define run_cli(run, ...) run_cli_env (run, "C", __VA_ARGS__)

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;
  return n;
}

static guint
count_tabs (const char *line)
{
  guint n = 0;

  for (const char *p = line; *p; p++)
    if (*p == '\t')
      n++;
  return n;
}

/* Every line of a TSV output has as many fields as its header. */
static void
assert_rectangular (const char *tsv)
{
  g_auto(GStrv) lines = g_strsplit (tsv, "\n", -1);
  guint columns = count_tabs (lines[0]);

  g_assert_cmpuint (columns, >, 0);
  for (guint i = 1; lines[i] != NULL && *lines[i]; i++)
    g_assert_cmpuint (count_tabs (lines[i]), ==, columns);
}

static char *
sample_path (void)
{
  g_auto(Run) run = { 0 };
  char *path = td_test_tmp_path ("sample.db");

  run_cli (&run, "--db", path, "init", "--sample", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  return path;
}

static void
test_usage (void)
{
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(Run) c = { 0 };
  g_auto(Run) d = { 0 };
  g_auto(Run) e = { 0 };

  run_cli (&a, NULL);
  g_assert_cmpint (a.status, ==, 2);
  g_assert_cmpuint (count_lines (a.err), ==, 1);

  run_cli (&b, "--help", NULL);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_nonnull (strstr (b.out, "list KIND"));

  run_cli (&c, "frobnicate", NULL);
  g_assert_cmpint (c.status, ==, 2);
  g_assert_nonnull (strstr (c.err, "frobnicate"));

  run_cli (&d, "--db", NULL);
  g_assert_cmpint (d.status, ==, 2);

  run_cli (&e, "--db", "/nonexistent/x.db", "list", "people", "--year", "twenty", NULL);
  g_assert_cmpint (e.status, ==, 2);
  g_assert_cmpuint (count_lines (e.err), ==, 1);
}

static void
test_init_and_list_people (void)
{
  g_autofree char *path = sample_path ();
  g_auto(Run) list = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(GStrv) lines = NULL;
  GBytes *previous = NULL;

  run_cli (&list, "--db", path, "list", "people", NULL);
  g_assert_cmpint (list.status, ==, 0);
  lines = g_strsplit (list.out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "full_name\t"));
  g_assert_cmpuint (g_strv_length (lines), >=, 14);
  assert_rectangular (list.out);

  /* Given-name order: each name's key is not below the previous one. */
  for (guint i = 1; lines[i] != NULL && *lines[i]; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 2);
      GBytes *key = td_text_name_sort_key (fields[0]);

      if (previous != NULL)
        {
          g_assert_cmpint (g_bytes_compare (previous, key), <=, 0);
          g_bytes_unref (previous);
        }
      previous = key;
    }
  g_clear_pointer (&previous, g_bytes_unref);

  /* init never overwrites. */
  run_cli (&again, "--db", path, "init", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_cmpuint (count_lines (again.err), ==, 1);
}

static void
test_search (void)
{
  g_autofree char *path = sample_path ();
  g_auto(Run) run = { 0 };
  g_auto(Run) none = { 0 };

  run_cli (&run, "--db", path, "list", "people", "--search", "dang", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\nĐặng "));

  run_cli (&none, "--db", path, "list", "people", "--search", "qqqq", NULL);
  g_assert_cmpint (none.status, ==, 0);
  g_assert_cmpuint (count_lines (none.out), ==, 1);
}

static void
test_totals (void)
{
  g_autofree char *path = sample_path ();
  g_auto(Run) run = { 0 };

  run_cli (&run, "--db", path, "list", "indicators", "--campaign", "1", "--year", "2018", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\t562\t"));
  g_assert_nonnull (strstr (run.out, "\t21790\t"));
  g_assert_nonnull (strstr (run.out, "\t4\t"));
  g_assert_nonnull (strstr (run.out, "\t238\t"));
  assert_rectangular (run.out);
}

static void
test_kinds (void)
{
  g_autofree char *path = sample_path ();
  const char *kinds[] = { "units", "campaigns", "indicators", "decisions", "awards", "forms" };
  const char *headers[] = { "name\t", "title\t", "name\t", "number\t", "recipient\t", "name\t" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, "--db", path, "list", kinds[i], NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_str_has_prefix (run.out, headers[i]));
      assert_rectangular (run.out);
      g_assert_cmpuint (count_lines (run.out), >, 1);
    }

  {
    g_auto(Run) run = { 0 };
    g_auto(Run) missing = { 0 };

    run_cli (&run, "--db", path, "list", "awards", "--decision", "125/QĐ-UBND", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Bằng khen"));
    run_cli (&missing, "--db", path, "list", "awards", "--decision", "999/QĐ-UBND", NULL);
    g_assert_cmpint (missing.status, ==, 1);
    g_assert_cmpuint (count_lines (missing.err), ==, 1);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "--db", path, "list", "everything", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
}

static void
test_check_and_backup (void)
{
  g_autofree char *path = sample_path ();
  g_autofree char *out = td_test_tmp_path ("copy.db");
  g_auto(Run) check = { 0 };
  g_auto(Run) backup = { 0 };
  g_auto(Run) check_copy = { 0 };
  g_auto(Run) usage = { 0 };

  run_cli (&check, "--db", path, "check", NULL);
  g_assert_cmpint (check.status, ==, 0);
  run_cli (&backup, "--db", path, "backup", out, NULL);
  g_assert_cmpint (backup.status, ==, 0);
  run_cli (&check_copy, "--db", out, "check", NULL);
  g_assert_cmpint (check_copy.status, ==, 0);
  run_cli (&usage, "--db", path, "backup", NULL);
  g_assert_cmpint (usage.status, ==, 2);
}

static void
test_bad_file (void)
{
  g_autofree char *path = td_test_tmp_path ("notes.txt");
  const char *text = "Không phải cơ sở dữ liệu\n";
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) vi = { 0 };

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  run_cli (&run, "--db", path, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, "not a Thi Đua database"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);

  /* The same line in Vietnamese, from the build folder's catalogue. */
  run_cli_env (&vi, "vi", "--db", path, "list", "people", NULL);
  g_assert_cmpint (vi.status, ==, 1);
  g_assert_cmpuint (count_lines (vi.err), ==, 1);
  g_assert_nonnull (strstr (vi.err, "không phải"));
}

static void
test_words (void)
{
  g_auto(Run) plain = { 0 };
  g_auto(Run) options = { 0 };
  g_auto(Run) negative = { 0 };
  g_auto(Run) letters = { 0 };
  g_auto(Run) nothing = { 0 };

  /* No database is needed, nor created. */
  run_cli (&plain, "--db", "/nonexistent/folder/x.db", "words", "21790000", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_cmpstr (plain.out, ==, "Hai mươi mốt triệu bảy trăm chín mươi nghìn đồng\n");

  run_cli (&options, "words", "1.005.000", "--le", "--ngan", "--bon", "--chan", NULL);
  g_assert_cmpint (options.status, ==, 0);
  g_assert_cmpstr (options.out, ==, "Một triệu không trăm lẻ năm ngàn đồng chẵn\n");

  run_cli (&negative, "words", "-5", NULL);
  g_assert_cmpint (negative.status, ==, 2);
  g_assert_nonnull (strstr (negative.err, "negative"));
  run_cli (&letters, "words", "12abc", NULL);
  g_assert_cmpint (letters.status, ==, 2);
  g_assert_cmpuint (count_lines (letters.err), ==, 1);
  run_cli (&nothing, "words", NULL);
  g_assert_cmpint (nothing.status, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  td_test_init (&argc, &argv);

  g_test_add_func ("/cli/usage/exit-codes", test_usage);
  g_test_add_func ("/cli/init-sample/list-people-in-given-name-order", test_init_and_list_people);
  g_test_add_func ("/cli/list/search-folds-accents", test_search);
  g_test_add_func ("/cli/list/indicator-totals", test_totals);
  g_test_add_func ("/cli/list/every-kind", test_kinds);
  g_test_add_func ("/cli/check-and-backup", test_check_and_backup);
  g_test_add_func ("/cli/bad-file/one-line-and-unchanged", test_bad_file);
  g_test_add_func ("/cli/words/amounts-without-database", test_words);

  return td_test_run ();
}
