#define G_LOG_DOMAIN "thidua-cli"

#include "config.h"

#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "td-backup.h"
#include "td-cli.h"
#include "td-sample.h"
#include "td-format.h"
#include "td-words.h"

static void
remove_database_files (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

int
td_cli_init (const TdCliGlobals  *globals,
             int                  argc,
             char               **argv)
{
  gboolean sample = FALSE;
  const GOptionEntry entries[] = {
    { "sample", 0, 0, G_OPTION_ARG_NONE, &sample, N_("Fill the new database with the sample campaign"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— create the database file"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDatabase) db = NULL;
  g_autofree char *default_path = td_database_default_path ();
  g_autofree char *display = g_filename_display_name (globals->db_path);
  GStatBuf st;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!td_cli_parse (context, &argc, &argv))
    return TD_CLI_USAGE;
  if (argc > 1)
    return td_cli_usage (_("init takes no file name: give it with --db FILE."));

  if (g_stat (globals->db_path, &st) == 0 && (!S_ISREG (st.st_mode) || st.st_size > 0))
    {
      fprintf (stderr, "thidua-cli: %s\n",
               S_ISDIR (st.st_mode)
               ? _("The database file name is a folder. Give a file name with --db.")
               : _("The database file already exists. Choose another name with --db, or remove the file first."));
      return TD_CLI_FAILED;
    }

  if (g_str_equal (globals->db_path, default_path))
    {
      g_autofree char *folder = g_path_get_dirname (default_path);

      g_mkdir_with_parents (folder, 0700);
    }

  db = td_database_open (globals->db_path, TD_DATABASE_OPEN_CREATE, &error);
  if (db == NULL)
    return td_cli_fail (error);

  if (sample && !td_sample_load (db, &error))
    {
      g_clear_object (&db);
      remove_database_files (globals->db_path);
      return td_cli_fail (error);
    }

  if (isatty (STDERR_FILENO))
    fprintf (stderr, sample ? _("Created %s with the sample campaign.\n") : _("Created %s.\n"), display);
  return TD_CLI_OK;
}

int
td_cli_check (const TdCliGlobals  *globals,
              int                  argc,
              char               **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— check the database's integrity and references"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDatabase) db = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!td_cli_parse (context, &argc, &argv))
    return TD_CLI_USAGE;
  if (argc > 1)
    return td_cli_usage (_("check takes no arguments."));

  db = td_cli_open (globals, TD_DATABASE_OPEN_SHARED, &error);
  if (db == NULL || !td_database_check (db, &problems, &error))
    return td_cli_fail (error);

  for (guint i = 0; i < problems->len; i++)
    printf ("%s\n", (const char *) g_ptr_array_index (problems, i));

  if (problems->len > 0)
    {
      fprintf (stderr, "thidua-cli: ");
      fprintf (stderr,
               g_dngettext (GETTEXT_PACKAGE,
                            "%u problem found. Restore the file from a backup.\n",
                            "%u problems found. Restore the file from a backup.\n",
                            problems->len),
               problems->len);
      return TD_CLI_FAILED;
    }
  return TD_CLI_OK;
}

int
td_cli_backup (const TdCliGlobals  *globals,
               int                  argc,
               char               **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context = g_option_context_new (_("[OUT.db] — write a backup of the database (without OUT.db: among the automatic backups)"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDatabase) db = NULL;
  g_autofree char *made = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!td_cli_parse (context, &argc, &argv))
    return TD_CLI_USAGE;
  if (argc > 2)
    return td_cli_usage (_("backup takes one file name at most: thidua-cli backup [OUT.db]"));

  db = td_cli_open (globals, TD_DATABASE_OPEN_SHARED, &error);
  if (db == NULL)
    return td_cli_fail (error);
  if (argc == 2)
    return td_database_backup (db, argv[1], &error) ? TD_CLI_OK : td_cli_fail (error);
  if (!td_backup_now (db, &made, &error))
    return td_cli_fail (error);
  printf ("%s\n", made);
  return TD_CLI_OK;
}

int
td_cli_words (const TdCliGlobals  *globals,
              int                  argc,
              char               **argv)
{
  TdWordsOptions options = { FALSE, FALSE, FALSE, FALSE };
  const GOptionEntry entries[] = {
    { "le", 0, 0, G_OPTION_ARG_NONE, &options.le, N_("Say «lẻ» instead of «linh» (105 = một trăm lẻ năm)"), NULL },
    { "ngan", 0, 0, G_OPTION_ARG_NONE, &options.ngan, N_("Say «ngàn» instead of «nghìn»"), NULL },
    { "bon", 0, 0, G_OPTION_ARG_NONE, &options.bon, N_("Say «bốn» instead of «tư» after «mươi»"), NULL },
    { "chan", 0, 0, G_OPTION_ARG_NONE, &options.chan, N_("End with «đồng chẵn»"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("AMOUNT — the amount in Vietnamese words"));
  g_autofree char *words = NULL;
  gint64 amount = 0;

  /* «-5» would read as an unknown option: name the real problem. */
  for (int i = 1; i < argc; i++)
    if (argv[i][0] == '-' && g_ascii_isdigit (argv[i][1]))
      return td_cli_usage (_("The amount “%s” is negative. Give an amount of 0 or more."), argv[i]);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!td_cli_parse (context, &argc, &argv))
    return TD_CLI_USAGE;
  if (argc != 2)
    return td_cli_usage (_("words needs one amount in đồng: thidua-cli words 21790000"));
  if (!td_parse_count (argv[1], "amount", &amount, NULL))
    return td_cli_usage (_("“%s” is not an amount. Give whole đồng in digits, like 21790000 or 21.790.000."), argv[1]);

  words = td_words_amount (amount, &options);
  printf ("%s\n", words);
  return TD_CLI_OK;
}
