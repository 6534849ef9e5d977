#define G_LOG_DOMAIN "thidua-cli"

#include "config.h"

#include <unistd.h>

#include <glib/gi18n.h>

#include "td-cli.h"
#include "td-decision-store.h"
#include "td-import.h"

static const char *const state_words[] = { "new", "same", "match", "update", "error" };

/* The report, as TSV with a header line: line, state, name, message. */
static void
print_report (GPtrArray *reports)
{
  g_autoptr(GString) line = g_string_new (NULL);

  printf ("line\tstate\tname\tmessage\n");
  for (guint i = 0; i < reports->len; i++)
    {
      const TdImportRowReport *report = g_ptr_array_index (reports, i);
      g_autofree char *number = g_strdup_printf ("%u", report->line);

      g_string_truncate (line, 0);
      td_cli_print_tsv (line, number, FALSE);
      td_cli_print_tsv (line, state_words[report->state], FALSE);
      td_cli_print_tsv (line, report->title, FALSE);
      td_cli_print_tsv (line, report->message != NULL ? report->message : "", TRUE);
      fputs (line->str, stdout);
    }
}

static guint
count_state (GPtrArray        *reports,
             TdImportRowState  state)
{
  guint n = 0;

  for (guint i = 0; i < reports->len; i++)
    n += ((const TdImportRowReport *) g_ptr_array_index (reports, i))->state == state;
  return n;
}

/* Rows that differ from the records they match are kept as they are:
 * say how to change them. */
static void
hint_update (guint n)
{
  if (n == 0)
    return;
  fprintf (stderr, "thidua-cli: ");
  fprintf (stderr, g_dngettext (GETTEXT_PACKAGE,
                                "%u row differs from the record it matches; import with --update to change it.",
                                "%u rows differ from the records they match; import with --update to change them.",
                                n),
           n);
  fprintf (stderr, "\n");
}

int
td_cli_import (const TdCliGlobals  *globals,
               int                  argc,
               char               **argv)
{
  gboolean dry_run = FALSE;
  TdImportOptions options = { 0 };
  g_autofree char *encoding = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *number = NULL;
  g_autofree char *decision_text = NULL;
  g_autofree char *campaign_text = NULL;
  g_autofree char *year_text = NULL;
  gint64 year = 0;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Check every row and print the report; write nothing"), NULL },
    { "update", 0, 0, G_OPTION_ARG_NONE, &options.update, N_("Update the records the rows match"), NULL },
    { "skip-errors", 0, 0, G_OPTION_ARG_NONE, &options.skip_errors, N_("Leave out the rows with errors instead of importing nothing"), NULL },
    { "create-units", 0, 0, G_OPTION_ARG_NONE, &options.create_units, N_("Add the units (and recipients) the directory lacks"), NULL },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, N_("The text encoding of a CSV: utf-8, windows-1258, tcvn3, or tcvn3-font for text typed with .VnTime fonts (default: detected)"), N_("ENC") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet, N_("The sheet of a workbook to read (default: the first)"), N_("NAME") },
    { "decision", 0, 0, G_OPTION_ARG_STRING, &number, N_("awards: the decision numbered NUMBER"), N_("NUMBER") },
    { "decision-id", 0, 0, G_OPTION_ARG_STRING, &decision_text, N_("awards: the decision ID (drafts have no number)"), N_("ID") },
    { "campaign", 0, 0, G_OPTION_ARG_STRING, &campaign_text, N_("stats: the campaign ID"), N_("ID") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("stats: the year of the figures"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("KIND FILE — read units, people, award lines or statistics from a CSV or Excel file"));
  TdImportReadOptions read_options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDatabase) db = NULL;
  g_autoptr(TdImportTable) table = NULL;
  g_autoptr(TdImport) import = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  TdImportCounts counts = { 0 };
  const char *path;

  g_option_context_set_description (context, _("KIND: units, people, awards (with --decision), stats (with --campaign and --year).\n"
                                               "Rows with errors stop the import; --dry-run lists every row with its state and reason."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!td_cli_parse (context, &argc, &argv))
    return TD_CLI_USAGE;
  if (argc < 3)
    return td_cli_usage (_("import needs what to import and the file: import KIND FILE."));
  if (argc > 3)
    return td_cli_usage (_("Unexpected argument “%s”. See thidua-cli import --help."), argv[3]);
  if (!td_import_kind_from_string (argv[1], &options.kind))
    return td_cli_usage (_("Unknown kind “%s”: use units, people, awards or stats."), argv[1]);
  path = argv[2];
  if (encoding != NULL && !td_import_encoding_is_valid (encoding))
    return td_cli_usage (_("Unknown encoding “%s”: use utf-8, windows-1258, tcvn3 or tcvn3-font."), encoding);

  if (options.kind == TD_IMPORT_AWARDS)
    {
      if (number != NULL && decision_text != NULL)
        return td_cli_usage (_("Give the decision one way, --decision NUMBER or --decision-id ID, not both."));
      if (number == NULL && decision_text == NULL)
        return td_cli_usage (_("Give the decision with --decision NUMBER or --decision-id ID."));
      if (decision_text != NULL && !td_cli_parse_number (decision_text, 1, G_MAXINT64, &options.decision_id))
        return td_cli_usage (_("--decision-id needs an ID of 1 or more, not “%s”."), decision_text);
    }
  else if (number != NULL || decision_text != NULL)
    return td_cli_usage (_("--decision and --decision-id are for importing awards."));
  if (options.kind == TD_IMPORT_STATS)
    {
      if (campaign_text == NULL || year_text == NULL)
        return td_cli_usage (_("Give the campaign and the year: --campaign ID --year N."));
      if (!td_cli_parse_number (campaign_text, 1, G_MAXINT64, &options.campaign_id))
        return td_cli_usage (_("--campaign needs an ID of 1 or more, not “%s”."), campaign_text);
      if (!td_cli_parse_number (year_text, 1945, 2200, &year))
        return td_cli_usage (_("--year needs a year between 1945 and 2200, not “%s”."), year_text);
      options.year = (int) year;
    }
  else if (campaign_text != NULL || year_text != NULL)
    return td_cli_usage (_("--campaign and --year are for importing statistics."));

  read_options.encoding = encoding;
  read_options.sheet = sheet;
  read_options.progress = isatty (STDERR_FILENO) ? td_cli_progress : NULL;
  table = td_import_table_read (path, &read_options, &error);
  if (isatty (STDERR_FILENO))
    fprintf (stderr, "\r");
  if (table == NULL)
    return td_cli_fail (error);
  if (table->vn3_font)
    {
      g_set_error (&error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_ENCODING,
                   _("The text of %s looks typed with an old TCVN3 font (.VnTime): letters such as «NguyÔn». Import it again with --encoding tcvn3-font to convert it to Unicode."),
                   path);
      return td_cli_fail (error);
    }

  /* A dry run writes nothing: it needs not be the one writer. */
  db = td_cli_open (globals, dry_run ? TD_DATABASE_OPEN_SHARED : TD_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    return td_cli_fail (error);
  if (number != NULL)
    {
      g_autoptr(TdDecision) decision = td_decision_store_find_by_number (db, number, &error);

      if (decision == NULL)
        return td_cli_fail (error);
      options.decision_id = decision->id;
    }

  import = td_import_new (db, g_steal_pointer (&table), &options, &error);
  if (import == NULL)
    return td_cli_fail (error);
  {
    g_auto(GStrv) unread = td_import_get_unread_columns (import);

    if (unread[0] != NULL)
      {
        g_autofree char *list = g_strjoinv ("», «", unread);

        fprintf (stderr, "thidua-cli: ");
        /* Translators: %s lists the titles of columns. */
        fprintf (stderr, _("Not read, as no field takes them: «%s»."), list);
        fprintf (stderr, "\n");
      }
  }

  if (dry_run)
    {
      guint n_errors;

      reports = td_import_check (import, &error);
      if (reports == NULL)
        return td_cli_fail (error);
      print_report (reports);
      n_errors = count_state (reports, TD_IMPORT_ROW_ERROR);
      /* Translators: a summary of a check; nothing was written. */
      fprintf (stderr, _("%u new, %u already there, %u to update, %u with errors; nothing was written (--dry-run)."),
               count_state (reports, TD_IMPORT_ROW_NEW),
               count_state (reports, TD_IMPORT_ROW_SAME) + count_state (reports, TD_IMPORT_ROW_MATCH),
               count_state (reports, TD_IMPORT_ROW_UPDATE), n_errors);
      fprintf (stderr, "\n");
      hint_update (count_state (reports, TD_IMPORT_ROW_MATCH));
      return n_errors > 0 && !options.skip_errors ? TD_CLI_FAILED : TD_CLI_OK;
    }

  /* The lines --skip-errors leaves out, to say which. */
  if (options.skip_errors && (reports = td_import_check (import, &error)) == NULL)
    return td_cli_fail (error);
  if (!td_import_apply (import, NULL, isatty (STDERR_FILENO) ? td_cli_progress : NULL, NULL, &counts, &error))
    {
      if (isatty (STDERR_FILENO))
        fprintf (stderr, "\r");
      return td_cli_fail (error);
    }
  if (isatty (STDERR_FILENO))
    fprintf (stderr, "\r");
  /* Translators: the summary of an import. */
  printf (_("%u added, %u updated, %u unchanged."), counts.added, counts.updated, counts.unchanged);
  if (counts.skipped > 0)
    {
      printf (" ");
      printf (g_dngettext (GETTEXT_PACKAGE, "%u row with an error was left out.",
                           "%u rows with errors were left out.", counts.skipped),
              counts.skipped);
    }
  printf ("\n");
  hint_update (counts.differing);
  for (guint i = 0; reports != NULL && i < reports->len; i++)
    {
      const TdImportRowReport *report = g_ptr_array_index (reports, i);

      if (report->state == TD_IMPORT_ROW_ERROR)
        printf ("%s:%u: %s\n", path, report->line, report->message);
    }
  return TD_CLI_OK;
}
