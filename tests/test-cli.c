#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

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

/* How the program is started, beyond its arguments. */
typedef struct
{
  const char *language;
  const char *data_home;    /* XDG_DATA_HOME: where the default database is */
  const char *stdout_path;  /* instead of a pipe */
  gboolean    limit_size;   /* as under «ulimit -f 40» */
} Setup;

/* In the child, before exec: RLIMIT_FSIZE is inherited by thidua-cli,
 * whose main ignores SIGXFSZ so that writes fail with EFBIG. */
static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit = { 40 * 1024, 40 * 1024 };

  setrlimit (RLIMIT_FSIZE, &limit);
}

static void
run_cli_argv (Run          *run,
              const Setup  *setup,
              GPtrArray    *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDERR_PIPE;

  if (setup->stdout_path == NULL)
    flags |= G_SUBPROCESS_FLAGS_STDOUT_PIPE;
  launcher = g_subprocess_launcher_new (flags);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", setup->language != NULL ? setup->language : "C", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  if (setup->data_home != NULL)
    g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", setup->data_home, TRUE);
  if (setup->stdout_path != NULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, setup->stdout_path);
  if (setup->limit_size)
    g_subprocess_launcher_set_child_setup (launcher, limit_file_size, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  if (run->out == NULL)
    run->out = g_strdup ("");
  /* Killed (an abort on a warning, a signal): not an exit status. */
  run->status = g_subprocess_get_if_exited (process)
                ? g_subprocess_get_exit_status (process)
                : 128 + g_subprocess_get_term_sig (process);
}

static void
run_cli_setup (Run         *run,
               const Setup *setup,
               const char  *first,
               ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (char *) g_getenv ("THIDUA_CLI"));
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run_cli_argv (run, setup, args);
}

static void
run_cli_env (Run         *run,
             const char  *language,
             const char  *first,
             ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const Setup setup = { .language = language };
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (char *) g_getenv ("THIDUA_CLI"));
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run_cli_argv (run, &setup, args);
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
  g_auto(Run) automatic = { 0 };
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "thidua", "backups", NULL);

  run_cli (&check, "--db", path, "check", NULL);
  g_assert_cmpint (check.status, ==, 0);
  run_cli (&backup, "--db", path, "backup", out, NULL);
  g_assert_cmpint (backup.status, ==, 0);
  run_cli (&check_copy, "--db", out, "check", NULL);
  g_assert_cmpint (check_copy.status, ==, 0);
  run_cli (&usage, "--db", path, "backup", out, "second.db", NULL);
  g_assert_cmpint (usage.status, ==, 2);

  /* Without a name: among the automatic backups, its path printed. */
  run_cli (&automatic, "--db", path, "backup", NULL);
  g_assert_cmpint (automatic.status, ==, 0);
  g_assert_true (g_str_has_prefix (automatic.out, folder));
  g_strstrip (automatic.out);
  g_assert_true (g_file_test (automatic.out, G_FILE_TEST_IS_REGULAR));
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
  {
    g_auto(Run) decimal = { 0 };

    /* «1,5» is not an amount of đồng, nor grouped in threes. */
    run_cli (&decimal, "words", "1,5", NULL);
    g_assert_cmpint (decimal.status, ==, 2);
  }
  run_cli (&nothing, "words", NULL);
  g_assert_cmpint (nothing.status, ==, 2);
}

static void
assert_no_database_files (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
    }
}

/* One line, exit 1, the target as it was. */
static void
assert_backup_refused (const char *db,
                       const char *out,
                       const char *fragment)
{
  g_auto(Run) run = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GStatBuf st;
  gboolean regular = g_stat (out, &st) == 0 && S_ISREG (st.st_mode);

  g_test_message ("backup %s", out);
  if (regular)
    g_assert_true (g_file_get_contents (out, &before, NULL, NULL));
  run_cli (&run, "--db", db, "backup", out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  if (fragment != NULL)
    g_assert_nonnull (strstr (run.err, fragment));
  if (regular)
    {
      g_assert_true (g_file_get_contents (out, &after, NULL, NULL));
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_backup_refuses (void)
{
  g_autofree char *path = sample_path ();
  g_autofree char *notes = td_test_tmp_path ("notes.txt");
  g_autofree char *device = td_test_tmp_path ("null");
  g_autofree char *older = td_test_tmp_path ("older.db");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *folder_link = td_test_tmp_path ("link");
  g_autofree char *through_link = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_auto(Run) first = { 0 };
  g_auto(Run) again = { 0 };
  const char *text = "Không phải cơ sở dữ liệu\n";

  /* /dev/null through a link of our own: a broken backup replaces the link. */
  g_assert_cmpint (symlink ("/dev/null", device), ==, 0);
  assert_backup_refused (path, device, "not a regular file");
  g_assert_true (g_file_set_contents (notes, text, -1, NULL));
  assert_backup_refused (path, notes, "not a Thi Đua database");
  assert_backup_refused (path, wal, "database itself");
  assert_backup_refused (path, journal, "database itself");
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (symlink (folder, folder_link), ==, 0);
  through_link = g_build_filename (folder_link, name, NULL);
  assert_backup_refused (path, through_link, "database itself");

  /* An older backup is replaced. */
  run_cli (&first, "--db", path, "backup", older, NULL);
  g_assert_cmpint (first.status, ==, 0);
  run_cli (&again, "--db", path, "backup", older, NULL);
  g_assert_cmpint (again.status, ==, 0);
}

/* Under a file-size limit: a clear line, and no half-made file. */
static void
test_file_size_limit (void)
{
  g_autofree char *path = td_test_tmp_path ("limited.db");
  g_autofree char *sample = sample_path ();
  g_autofree char *out = td_test_tmp_path ("limited-backup.db");
  const Setup limited = { .limit_size = TRUE };
  g_auto(Run) init = { 0 };
  g_auto(Run) backup = { 0 };

  run_cli_setup (&init, &limited, "--db", path, "init", "--sample", NULL);
  g_assert_cmpint (init.status, ==, 1);
  g_assert_cmpuint (count_lines (init.err), ==, 1);
  g_assert_nonnull (strstr (init.err, "disk is full"));
  g_assert_null (strstr (init.err, "WARNING"));
  assert_no_database_files (path);

  run_cli_setup (&backup, &limited, "--db", sample, "backup", out, NULL);
  g_assert_cmpint (backup.status, ==, 1);
  g_assert_cmpuint (count_lines (backup.err), ==, 1);
  g_assert_nonnull (strstr (backup.err, "The disk is full"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_output_error (void)
{
  g_autofree char *path = sample_path ();
  const Setup full = { .stdout_path = "/dev/full" };
  g_auto(Run) run = { 0 };

  run_cli_setup (&run, &full, "--db", path, "list", "people", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "thidua-cli: Writing the output failed: "));
}

static void
test_filters (void)
{
  g_autofree char *path = sample_path ();
  /* KIND, then each filter with a value it takes (NULL: a switch). */
  const char *filters[][2] = {
    { "--search", "a" }, { "--campaign", "1" }, { "--year", "2018" },
    { "--decision", "125/QĐ-UBND" }, { "--decision-id", "1" }, { "--archived", NULL },
  };
  const struct
  {
    const char *kind;
    const char *allowed;
  } kinds[] = {
    { "units", "--search --archived" },
    { "people", "--search" },
    { "campaigns", "--search" },
    { "indicators", "--campaign --year" },
    { "decisions", "--search --campaign --year" },
    { "awards", "--search --campaign --year --decision --decision-id" },
    { "forms", "--search --archived" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_auto(GStrv) allowed = g_strsplit (kinds[k].allowed, " ", -1);

      for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
        {
          g_auto(Run) run = { 0 };
          gboolean ok = g_strv_contains ((const char * const *) allowed, filters[f][0]);

          g_test_message ("list %s %s", kinds[k].kind, filters[f][0]);
          run_cli (&run, "--db", path, "list", kinds[k].kind, filters[f][0], filters[f][1], NULL);
          g_assert_cmpint (run.status, ==, ok ? 0 : 2);
          if (!ok)
            {
              g_autofree char *expected = g_strdup_printf ("%s does not apply to %s", filters[f][0], kinds[k].kind);

              g_assert_cmpuint (count_lines (run.err), ==, 1);
              g_assert_nonnull (strstr (run.err, expected));
            }
        }
    }
}

static void
test_numbers (void)
{
  g_autofree char *path = sample_path ();
  const char *refused[][3] = {
    { "awards", "--campaign", "0" },
    { "awards", "--decision-id", "0" },
    { "awards", "--year", "0" },
    { "decisions", "--campaign", "-1" },
    { "decisions", "--year", "x" },
    { "indicators", "--campaign", "1x" },
    { "decisions", "--year", "99999999999999999999999" },
  };
  g_auto(Run) vi = { 0 };
  g_auto(Run) unknown = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_auto(Run) run = { 0 };

      g_test_message ("list %s %s %s", refused[i][0], refused[i][1], refused[i][2]);
      run_cli (&run, "--db", path, "list", refused[i][0], refused[i][1], refused[i][2], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpuint (count_lines (run.err), ==, 1);
      g_assert_nonnull (strstr (run.err, refused[i][2]));
    }

  /* Our message, translated, not GLib's English one. */
  run_cli_env (&vi, "vi", "--db", path, "list", "decisions", "--year", "x", NULL);
  g_assert_cmpint (vi.status, ==, 2);
  g_assert_cmpuint (count_lines (vi.err), ==, 1);
  g_assert_nonnull (strstr (vi.err, "--year cần một số"));

  /* GLib's own errors name the help to read. */
  run_cli (&unknown, "--db", path, "list", "people", "--frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_cmpuint (count_lines (unknown.err), ==, 1);
  g_assert_true (g_str_has_suffix (unknown.err, "See thidua-cli list --help.\n"));
}

static void
test_award_search (void)
{
  g_autofree char *path = sample_path ();
  g_auto(Run) person = { 0 };
  g_auto(Run) form = { 0 };
  g_auto(Run) decision = { 0 };
  g_auto(GStrv) lines = NULL;

  run_cli (&person, "--db", path, "list", "awards", "--search", "Hiếu Đặng", NULL);
  g_assert_cmpint (person.status, ==, 0);
  lines = g_strsplit (person.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[1], "Đặng Minh Hiếu\t"));

  /* The form of the award counts too, the decision's title does not. */
  run_cli (&form, "--db", path, "list", "awards", "--search", "bang khen", NULL);
  g_assert_cmpint (form.status, ==, 0);
  g_assert_cmpuint (count_lines (form.out), >, 1);
  run_cli (&decision, "--db", path, "list", "awards", "--search", "QĐ-UBND", NULL);
  g_assert_cmpint (decision.status, ==, 0);
  g_assert_cmpuint (count_lines (decision.out), ==, 1);
}

static void
test_first_run (void)
{
  g_autofree char *home = td_test_tmp_path ("data-home");
  g_autofree char *missing = td_test_tmp_path ("missing.db");
  const Setup fresh = { .data_home = home };
  g_auto(Run) list = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) given = { 0 };
  g_auto(Run) words = { 0 };

  run_cli_setup (&list, &fresh, "list", "people", NULL);
  g_assert_cmpint (list.status, ==, 1);
  g_assert_cmpstr (list.err, ==,
                   "thidua-cli: There is no database yet. Create it with “thidua-cli init”, "
                   "or give one with --db FILE.\n");
  g_assert_cmpint (g_mkdir_with_parents (home, 0700), ==, 0);
  run_cli_setup (&check, &fresh, "check", NULL);
  g_assert_cmpint (check.status, ==, 1);
  g_assert_nonnull (strstr (check.err, "There is no database yet"));
  run_cli_setup (&words, &fresh, "words", "5", NULL);
  g_assert_cmpint (words.status, ==, 0);

  /* A file named with --db keeps its own message. */
  run_cli_setup (&given, &fresh, "--db", missing, "list", "people", NULL);
  g_assert_cmpint (given.status, ==, 1);
  g_assert_nonnull (strstr (given.err, "does not exist"));
}

static void
test_path_through_file (void)
{
  g_autofree char *notes = td_test_tmp_path ("notes.txt");
  g_autofree char *path = g_build_filename (notes, "x.db", NULL);
  g_auto(Run) list = { 0 };
  g_auto(Run) init = { 0 };

  g_assert_true (g_file_set_contents (notes, "ghi chú\n", -1, NULL));
  run_cli (&list, "--db", path, "list", "people", NULL);
  g_assert_cmpint (list.status, ==, 1);
  g_assert_cmpuint (count_lines (list.err), ==, 1);
  g_assert_nonnull (strstr (list.err, "is a file, not a folder"));
  run_cli (&init, "--db", path, "init", NULL);
  g_assert_cmpint (init.status, ==, 1);
  g_assert_cmpuint (count_lines (init.err), ==, 1);
  g_assert_nonnull (strstr (init.err, "is a file, not a folder"));
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
  g_test_add_func ("/cli/backup/refuses-what-it-must-not-replace", test_backup_refuses);
  g_test_add_func ("/cli/file-size-limit/init-and-backup-leave-nothing", test_file_size_limit);
  g_test_add_func ("/cli/output/write-error-fails", test_output_error);
  g_test_add_func ("/cli/list/filters-only-where-they-apply", test_filters);
  g_test_add_func ("/cli/list/numbers-read-by-us", test_numbers);
  g_test_add_func ("/cli/list/awards-search-recipient-and-form", test_award_search);
  g_test_add_func ("/cli/first-run/no-database-yet", test_first_run);
  g_test_add_func ("/cli/db/path-through-a-file", test_path_through_file);

  return td_test_run ();
}
