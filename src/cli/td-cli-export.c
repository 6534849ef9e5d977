#define G_LOG_DOMAIN "thidua-cli"

#include "config.h"

#include <unistd.h>

#include <glib/gi18n.h>

#include "td-award-list.h"
#include "td-cli.h"
#include "td-decision-store.h"
#include "td-summary.h"

static int
export_award_list (const TdCliGlobals  *globals,
                   int                  argc,
                   char               **argv)
{
  g_autofree char *number = NULL;
  g_autofree char *output = NULL;
  g_autofree char *order = NULL;
  gint64 decision_id = 0;
  TdAwardListOptions options = { 0 };
  const GOptionEntry entries[] = {
    { "decision", 0, 0, G_OPTION_ARG_FILENAME, &number, N_("The decision numbered NUMBER"), N_("NUMBER") },
    { "decision-id", 0, 0, G_OPTION_ARG_INT64, &decision_id, N_("The decision ID (drafts have no number)"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the workbook to FILE"), N_("FILE") },
    { "no-money", 0, 0, G_OPTION_ARG_NONE, &options.no_money, N_("Leave out the money column"), NULL },
    { "per-form", 0, 0, G_OPTION_ARG_NONE, &options.per_form, N_("One sheet for each form of award"), NULL },
    { "no-signature", 0, 0, G_OPTION_ARG_NONE, &options.no_signature, N_("Leave out the signature block"), NULL },
    { "portrait", 0, 0, G_OPTION_ARG_NONE, &options.portrait, N_("Portrait pages instead of landscape"), NULL },
    { "order", 0, 0, G_OPTION_ARG_FILENAME, &order, N_("Order inside each form: decision (default), unit or name"), N_("ORDER") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— the award list of a decision, as an Excel workbook"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDatabase) db = NULL;
  g_autoptr(TdAwardList) list = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!td_cli_parse (context, &argc, &argv))
    return TD_CLI_USAGE;
  if (argc > 1)
    return td_cli_usage (_("Unexpected argument “%s”. See thidua-cli export award-list --help."), argv[1]);
  if ((number == NULL) == (decision_id <= 0))
    return td_cli_usage (_("Give the decision with --decision NUMBER or --decision-id ID."));
  if (number != NULL && !g_utf8_validate (number, -1, NULL))
    return td_cli_usage (_("The text given is not UTF-8. Type it again in a UTF-8 terminal."));
  if (output == NULL || *output == '\0')
    return td_cli_usage (_("Give the file to write with -o OUT.xlsx."));
  if (order != NULL && !td_award_order_from_string (order, &options.order))
    return td_cli_usage (_("Unknown order “%s”: use decision, unit or name."), order);

  db = td_cli_open (globals, TD_DATABASE_OPEN_SHARED, &error);
  if (db == NULL)
    return td_cli_fail (error);
  if (number != NULL)
    {
      g_autoptr(TdDecision) decision = td_decision_store_find_by_number (db, number, &error);

      if (decision == NULL)
        return td_cli_fail (error);
      decision_id = decision->id;
    }
  options.decision_id = decision_id;

  list = td_award_list_load (db, &options, &error);
  if (list == NULL)
    return td_cli_fail (error);
  if (!td_award_list_write (list, output, NULL, isatty (STDERR_FILENO) ? td_cli_progress : NULL, NULL, &error))
    {
      if (isatty (STDERR_FILENO))
        fprintf (stderr, "\r");
      return td_cli_fail (error);
    }
  if (isatty (STDERR_FILENO))
    fprintf (stderr, "\r");
  return TD_CLI_OK;
}

static int
export_summary (const TdCliGlobals  *globals,
                int                  argc,
                char               **argv)
{
  g_autofree char *campaign_text = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *output = NULL;
  TdSummaryOptions options = { 0 };
  gint64 campaign = 0, year = 0;
  const GOptionEntry entries[] = {
    { "campaign", 0, 0, G_OPTION_ARG_FILENAME, &campaign_text, N_("The campaign ID"), N_("ID") },
    { "year", 0, 0, G_OPTION_ARG_FILENAME, &year_text, N_("The year under review"), N_("N") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the workbook to FILE"), N_("FILE") },
    { "keep-empty-units", 0, 0, G_OPTION_ARG_NONE, &options.keep_empty_units, N_("Also list the units without statistics that year"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— the year-end summary of a campaign, as an Excel workbook"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDatabase) db = NULL;
  g_autoptr(TdSummary) summary = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!td_cli_parse (context, &argc, &argv))
    return TD_CLI_USAGE;
  if (argc > 1)
    return td_cli_usage (_("Unexpected argument “%s”. See thidua-cli export summary --help."), argv[1]);
  if (campaign_text == NULL || year_text == NULL)
    return td_cli_usage (_("Give the campaign and the year: --campaign ID --year N."));
  if (!td_cli_parse_number (campaign_text, 1, G_MAXINT64, &campaign))
    return td_cli_usage (_("--campaign needs an ID of 1 or more, not “%s”."), campaign_text);
  if (!td_cli_parse_number (year_text, 1945, 2200, &year))
    return td_cli_usage (_("--year needs a year between 1945 and 2200, not “%s”."), year_text);
  if (output == NULL || *output == '\0')
    return td_cli_usage (_("Give the file to write with -o OUT.xlsx."));

  options.campaign_id = campaign;
  options.year = (int) year;
  db = td_cli_open (globals, TD_DATABASE_OPEN_SHARED, &error);
  if (db == NULL || (summary = td_summary_load (db, &options, &error)) == NULL ||
      !td_summary_write (summary, output, NULL, NULL, NULL, &error))
    return td_cli_fail (error);
  return TD_CLI_OK;
}

int
td_cli_export (const TdCliGlobals  *globals,
               int                  argc,
               char               **argv)
{
  if (argc < 2 || argv[1][0] == '-')
    {
      if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
        {
          printf ("%s\n", _("Usage: thidua-cli export award-list (--decision NUMBER | --decision-id ID) -o OUT.xlsx"));
          printf ("%s\n", _("       thidua-cli export summary --campaign ID --year N -o OUT.xlsx"));
          return TD_CLI_OK;
        }
      return td_cli_usage (_("export needs what to export: award-list or summary."));
    }
  if (g_str_equal (argv[1], "award-list"))
    return export_award_list (globals, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "summary"))
    return export_summary (globals, argc - 1, argv + 1);
  return td_cli_usage (_("Unknown export “%s”: use award-list or summary."), argv[1]);
}
