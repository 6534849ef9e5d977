#define G_LOG_DOMAIN "thidua-cli"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "td-cli.h"
#include "td-locale.h"

typedef struct
{
  const char *name;
  int (*run) (const TdCliGlobals *globals, int argc, char **argv);
} Command;

static const Command commands[] = {
  { "init", td_cli_init },
  { "check", td_cli_check },
  { "backup", td_cli_backup },
  { "list", td_cli_list },
  { "words", td_cli_words },
  { "export", td_cli_export },
  { "import", td_cli_import },
};

/* The command being run («list»), for «See thidua-cli list --help.». */
static const char *command_name;

TdDatabase *
td_cli_open (const TdCliGlobals   *globals,
             TdDatabaseOpenFlags   flags,
             GError              **error)
{
  TdDatabase *db;
  GStatBuf st;

  /* The first run, before any database was made: say how to make one
   * rather than which file is missing. */
  if (globals->default_db && g_stat (globals->db_path, &st) != 0 && errno == ENOENT)
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_FOUND,
                   _("There is no database yet. Create it with “thidua-cli init”, or give one with --db FILE."));
      return NULL;
    }
  db = td_database_open (globals->db_path, flags, error);
  if (db != NULL && td_database_get_network (db))
    {
      fprintf (stderr, "thidua-cli: ");
      fprintf (stderr, _("The database is in a network folder: two people writing to it at once may damage it. Keep it on this computer's disk."));
      fprintf (stderr, "\n");
    }
  return db;
}

gboolean
td_cli_parse (GOptionContext   *context,
              int              *argc,
              char           ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  g_autofree char *prgname = NULL;
  const char *first = *argc > 0 ? (*argv)[0] : "";

  /* A subcommand («export award-list») is parsed with its own name first. */
  if (command_name == NULL || g_str_equal (first, command_name))
    command = g_strdup (first);
  else
    command = g_strdup_printf ("%s %s", command_name, first);

  /* The help's usage line then reads «thidua-cli list [OPTION…] KIND…». */
  prgname = g_strdup_printf ("thidua-cli %s", command);
  g_set_prgname (prgname);

  g_option_context_set_help_enabled (context, TRUE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_autofree char *message = g_strdup (error->message);
      gsize len = strlen (message);

      while (len > 0 && (message[len - 1] == '.' || g_ascii_isspace (message[len - 1])))
        message[--len] = '\0';
      /* Translators: %s is GLib's message («Unknown option --x»), then
       * the command («list»). */
      td_cli_usage (_("%s. See thidua-cli %s --help."), message, command);
      return FALSE;
    }
  return TRUE;
}

/* A full disk or a closed pipe behind stdout must not pass for success. */
static int
finish_output (int status)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int saved = errno;

      fprintf (stderr, "thidua-cli: ");
      fprintf (stderr, _("Writing the output failed: %s."), g_strerror (saved != 0 ? saved : EIO));
      fprintf (stderr, "\n");
      return status == TD_CLI_OK ? TD_CLI_FAILED : status;
    }
  return status;
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: thidua-cli [--db FILE] COMMAND [OPTIONS…]"));
  fprintf (out, "%s\n\n", _("Keeps the records of emulation movements and awards (Thi Đua) in one database file."));
  fprintf (out, "%s\n", _("Commands:"));
  fprintf (out, "  init [--sample]        %s\n", _("create the database file; --sample fills it with the sample campaign"));
  fprintf (out, "  check                  %s\n", _("check the file's integrity and references"));
  fprintf (out, "  backup [OUT.db]        %s\n", _("write a backup copy of the database (default: with the automatic backups)"));
  fprintf (out, "  list KIND [OPTIONS…]   %s\n", _("print records as tab-separated text, in Vietnamese order"));
  fprintf (out, "                         %s\n", _("KIND: units people campaigns indicators decisions awards forms"));
  fprintf (out, "  export award-list (--decision NUMBER | --decision-id ID) -o OUT.xlsx\n");
  fprintf (out, "                         %s\n", _("the award list of a decision, as an Excel workbook to print"));
  fprintf (out, "  export summary --campaign ID --year N -o OUT.xlsx\n");
  fprintf (out, "                         %s\n", _("the year-end summary of a campaign, as an Excel workbook"));
  fprintf (out, "  import KIND FILE [--dry-run] [--update] [--skip-errors] [--create-units] [--encoding ENC]\n");
  fprintf (out, "                         %s\n", _("read units, people, awards or stats from a CSV, XLSX or XLS file, all or nothing"));
  fprintf (out, "  words AMOUNT [--le] [--ngan] [--bon] [--chan]\n");
  fprintf (out, "                         %s\n", _("the amount in Vietnamese words; needs no database"));
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  --db FILE              %s\n", _("the database file (default: the program's own database)"));
  fprintf (out, "  -h, --help             %s\n", _("show this help; COMMAND --help shows a command's options"));
  fprintf (out, "  --version              %s\n", _("show the version"));
  fprintf (out, "\n%s\n", _("Exit status: 0 on success, 1 on a failure, 2 on a usage error."));
}

static int
run (int   argc,
     char *argv[])
{
  TdCliGlobals globals = { NULL };
  g_autofree char *default_path = NULL;
  int i;

  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_help (stdout);
          return TD_CLI_OK;
        }
      else if (g_str_equal (arg, "--version"))
        {
          printf ("thidua-cli %s\n", PACKAGE_VERSION);
          return TD_CLI_OK;
        }
      else if (g_str_equal (arg, "--db"))
        {
          if (i + 1 >= argc || argv[i + 1][0] == '\0')
            return td_cli_usage (_("--db needs a file name."));
          globals.db_path = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--db="))
        {
          globals.db_path = arg + strlen ("--db=");
          if (*globals.db_path == '\0')
            return td_cli_usage (_("--db needs a file name."));
        }
      else if (arg[0] == '-')
        return td_cli_usage (_("Unknown option “%s”. See thidua-cli --help."), arg);
      else
        break;
    }

  if (i >= argc)
    return td_cli_usage (_("No command given. See thidua-cli --help."));

  if (globals.db_path == NULL)
    {
      globals.db_path = default_path = td_database_default_path ();
      globals.default_db = TRUE;
    }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      {
        command_name = commands[c].name;
        return commands[c].run (&globals, argc - i, argv + i);
      }

  return td_cli_usage (_("Unknown command “%s”. See thidua-cli --help."), argv[i]);
}

/* GOption prints --help through g_print, which converts to the locale's
 * character set: output is UTF-8 whatever the locale (DESIGN.md). */
static void
print_raw (const char *text)
{
  fputs (text, stdout);
}

int
main (int   argc,
      char *argv[])
{
  /* A file-size limit must make writes fail cleanly, not kill us. */
  signal (SIGXFSZ, SIG_IGN);
  td_locale_init ();
  g_set_print_handler (print_raw);

  return finish_output (run (argc, argv));
}
