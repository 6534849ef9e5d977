#define G_LOG_DOMAIN "thidua-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "td-campaign-store.h"
#include "td-catalogue-store.h"
#include "td-cli.h"
#include "td-date.h"
#include "td-decision-store.h"
#include "td-person-store.h"
#include "td-text.h"
#include "td-unit-store.h"

/* Options are read as bytes (G_OPTION_ARG_FILENAME): text is checked to
 * be UTF-8 (input is UTF-8 whatever the locale, DESIGN.md) and numbers
 * are read here, so that every message is ours and translated.  0 in
 * campaign_id, year, decision_id: not given. */
typedef struct
{
  char    *search;
  gint64   campaign_id;
  int      year;
  char    *decision_number;
  gint64   decision_id;
  gboolean archived;
} ListOptions;

/* The filters each KIND takes; any other is a usage error. */
typedef enum
{
  FILTER_SEARCH      = 1 << 0,
  FILTER_CAMPAIGN    = 1 << 1,
  FILTER_YEAR        = 1 << 2,
  FILTER_DECISION    = 1 << 3,
  FILTER_DECISION_ID = 1 << 4,
  FILTER_ARCHIVED    = 1 << 5,
} Filter;

/* One TSV line; fields may be NULL (printed empty). */
static void
row_fields (GString           *out,
            const char *const *fields,
            gsize              n_fields)
{
  for (gsize i = 0; i < n_fields; i++)
    td_cli_print_tsv (out, fields[i], i + 1 == n_fields);
}

#define row(out, ...) \
  row_fields (out, (const char *const[]) { __VA_ARGS__ }, \
              sizeof ((const char *const[]) { __VA_ARGS__ }) / sizeof (const char *))

static char *
int_text (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static char *
id_text (gint64 id)
{
  return id > 0 ? int_text (id) : g_strdup ("");
}

static char *
number_text (double value)
{
  return g_strdup_printf ("%.15g", value);
}

static gboolean
list_units (TdDatabase        *db,
            const ListOptions *options,
            GString           *out,
            GError           **error)
{
  g_autoptr(GPtrArray) units = td_unit_store_list (db, options->search, options->archived, error);

  if (units == NULL)
    return FALSE;
  row (out, "name", "short_name", "kind", "parent_id", "depth", "sort_order", "archived", "id");
  for (guint i = 0; i < units->len; i++)
    {
      TdUnit *u = g_ptr_array_index (units, i);
      g_autofree char *parent = id_text (u->parent_id);
      g_autofree char *depth = int_text (u->depth);
      g_autofree char *order = int_text (u->sort_order);
      g_autofree char *id = int_text (u->id);

      row (out, u->name, u->short_name, u->kind, parent, depth, order,
           u->archived ? "1" : "0", id);
    }
  return TRUE;
}

static gboolean
list_people (TdDatabase        *db,
             const ListOptions *options,
             GString           *out,
             GError           **error)
{
  g_autoptr(GPtrArray) people = td_person_store_list (db, options->search, 0, error);

  if (people == NULL)
    return FALSE;
  row (out, "full_name", "gender", "birth_year", "rank", "position", "unit", "unit_id", "note", "id");
  for (guint i = 0; i < people->len; i++)
    {
      TdPerson *p = g_ptr_array_index (people, i);
      g_autofree char *year = p->birth_year ? int_text (p->birth_year) : g_strdup ("");
      g_autofree char *unit = id_text (p->unit_id);
      g_autofree char *id = int_text (p->id);
      const char *gender = td_gender_to_string (p->gender);

      row (out, p->full_name, gender ? gender : "", year, p->rank, p->position,
           p->unit_name, unit, p->note, id);
    }
  return TRUE;
}

static gboolean
list_campaigns (TdDatabase        *db,
                const ListOptions *options,
                GString           *out,
                GError           **error)
{
  g_autoptr(GPtrArray) campaigns = td_campaign_store_list (db, options->search, error);

  if (campaigns == NULL)
    return FALSE;
  row (out, "title", "short_title", "launch_number", "launch_date", "issuer",
       "start_date", "end_date", "id");
  for (guint i = 0; i < campaigns->len; i++)
    {
      TdCampaign *c = g_ptr_array_index (campaigns, i);
      g_autofree char *id = int_text (c->id);

      row (out, c->title, c->short_title, c->launch_number, c->launch_date, c->issuer,
           c->start_date, c->end_date, id);
    }
  return TRUE;
}

static gboolean
list_indicators (TdDatabase        *db,
                 const ListOptions *options,
                 GString           *out,
                 GError           **error)
{
  g_autoptr(GPtrArray) indicators = td_campaign_store_list_indicators (db, options->campaign_id, error);

  if (indicators == NULL)
    return FALSE;
  if (options->year > 0)
    row (out, "name", "measure", "campaign_id", "sort_order", "total", "id");
  else
    row (out, "name", "measure", "campaign_id", "sort_order", "id");
  for (guint i = 0; i < indicators->len; i++)
    {
      TdIndicator *ind = g_ptr_array_index (indicators, i);
      g_autofree char *campaign = id_text (ind->campaign_id);
      g_autofree char *order = int_text (ind->sort_order);
      g_autofree char *id = int_text (ind->id);

      if (options->year > 0)
        {
          GError *local = NULL;
          double total = td_campaign_store_total (db, ind->id, options->year, &local);
          g_autofree char *total_text = NULL;

          if (local != NULL)
            {
              g_propagate_error (error, local);
              return FALSE;
            }
          total_text = number_text (total);
          row (out, ind->name, ind->measure, campaign, order, total_text, id);
        }
      else
        row (out, ind->name, ind->measure, campaign, order, id);
    }
  return TRUE;
}

static gboolean
list_decisions (TdDatabase        *db,
                const ListOptions *options,
                GString           *out,
                GError           **error)
{
  g_autoptr(GPtrArray) decisions = td_decision_store_list (db, options->search, options->campaign_id,
                                                            options->year, error);

  if (decisions == NULL)
    return FALSE;
  row (out, "number", "date", "title", "issuer", "campaign_id", "year",
       "collectives", "individuals", "total", "id");
  for (guint i = 0; i < decisions->len; i++)
    {
      TdDecision *d = g_ptr_array_index (decisions, i);
      g_autofree char *campaign = id_text (d->campaign_id);
      g_autofree char *year = d->year ? int_text (d->year) : g_strdup ("");
      g_autofree char *collectives = int_text (d->n_collectives);
      g_autofree char *individuals = int_text (d->n_individuals);
      g_autofree char *total = int_text (d->total);
      g_autofree char *id = int_text (d->id);

      row (out, d->number, d->date, d->title, d->issuer, campaign, year,
           collectives, individuals, total, id);
    }
  return TRUE;
}

static gboolean
resolve_decision (TdDatabase         *db,
                  const ListOptions  *options,
                  gint64             *decision_id,
                  GError            **error)
{
  if (options->decision_number != NULL)
    {
      g_autoptr(TdDecision) d = td_decision_store_find_by_number (db, options->decision_number, error);

      if (d == NULL)
        return FALSE;
      *decision_id = d->id;
    }
  else if (options->decision_id > 0)
    {
      g_autoptr(TdDecision) d = td_decision_store_get (db, options->decision_id, error);

      if (d == NULL)
        return FALSE;
      *decision_id = d->id;
    }
  return TRUE;
}

/* --search looks in what the list shows of each award: the recipient's
 * name, «Chức vụ, đơn vị» and the form. */
static gboolean
award_matches (const TdAward      *award,
               const char * const *words)
{
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  if (words == NULL)
    return TRUE;
  text = g_strjoin (" ",
                    award->display_name != NULL ? award->display_name : "",
                    award->display_detail != NULL ? award->display_detail : "",
                    award->form_name != NULL ? award->form_name : "",
                    NULL);
  folded = td_text_fold (text);
  return td_text_matches_words (folded, words);
}

static gboolean
list_awards (TdDatabase        *db,
             const ListOptions *options,
             GString           *out,
             GError           **error)
{
  g_autoptr(GPtrArray) decisions = NULL;
  g_auto(GStrv) words = td_text_search_words (options->search);
  gint64 decision_id = 0;

  if (!resolve_decision (db, options, &decision_id, error))
    return FALSE;

  if (decision_id > 0)
    {
      TdDecision *d = td_decision_store_get (db, decision_id, error);

      if (d == NULL)
        return FALSE;
      decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) td_decision_free);
      if ((options->campaign_id == 0 || d->campaign_id == options->campaign_id) &&
          (options->year == 0 || d->year == options->year))
        g_ptr_array_add (decisions, d);
      else
        td_decision_free (d);
    }
  else
    decisions = td_decision_store_list (db, NULL, options->campaign_id, options->year, error);
  if (decisions == NULL)
    return FALSE;

  row (out, "recipient", "detail", "kind", "form", "achievement", "amount",
       "amount_overridden", "decision", "decision_id", "sort_order", "id");
  for (guint i = 0; i < decisions->len; i++)
    {
      TdDecision *d = g_ptr_array_index (decisions, i);
      g_autoptr(GPtrArray) awards = td_decision_store_list_awards (db, d->id, error);

      if (awards == NULL)
        return FALSE;
      for (guint j = 0; j < awards->len; j++)
        {
          TdAward *a = g_ptr_array_index (awards, j);
          g_autofree char *amount = NULL;
          g_autofree char *decision = NULL;
          g_autofree char *order = NULL;
          g_autofree char *id = NULL;

          if (!award_matches (a, (const char * const *) words))
            continue;
          amount = int_text (a->amount);
          decision = int_text (a->decision_id);
          order = int_text (a->sort_order);
          id = int_text (a->id);
          row (out, a->display_name, a->display_detail,
               a->unit_id > 0 ? "collective" : "individual",
               a->form_name, a->achievement, amount, a->amount_overridden ? "1" : "0",
               d->number, decision, order, id);
        }
    }
  return TRUE;
}

static const char *
recipient_text (TdRecipientKind kind)
{
  switch (kind)
    {
    case TD_RECIPIENT_INDIVIDUAL:
      return "individual";
    case TD_RECIPIENT_COLLECTIVE:
      return "collective";
    case TD_RECIPIENT_BOTH:
    default:
      return "both";
    }
}

static gboolean
list_forms (TdDatabase        *db,
            const ListOptions *options,
            GString           *out,
            GError           **error)
{
  g_autoptr(GPtrArray) forms = td_catalogue_store_list_forms (db, options->search, options->archived, error);
  g_autofree char *today = td_date_today ();

  if (forms == NULL)
    return FALSE;
  row (out, "name", "code", "family", "recipient", "precedence",
       "coef_individual", "coef_collective", "id");
  for (guint i = 0; i < forms->len; i++)
    {
      TdAwardForm *f = g_ptr_array_index (forms, i);
      g_autoptr(TdAwardRate) rate = td_catalogue_store_rate_on (db, f->id, today, NULL);
      g_autofree char *precedence = int_text (f->precedence);
      g_autofree char *ci = rate && rate->coef_individual >= 0 ? number_text (rate->coef_individual) : g_strdup ("");
      g_autofree char *cc = rate && rate->coef_collective >= 0 ? number_text (rate->coef_collective) : g_strdup ("");
      g_autofree char *id = int_text (f->id);

      row (out, f->name, f->code, f->family == TD_FAMILY_TITLE ? "title" : "commendation",
           recipient_text (f->recipient), precedence, ci, cc, id);
    }
  return TRUE;
}

typedef struct
{
  const char *kind;
  Filter      filters;
  gboolean (*list) (TdDatabase *, const ListOptions *, GString *, GError **);
} Lister;

static const Lister listers[] = {
  { "units", FILTER_SEARCH | FILTER_ARCHIVED, list_units },
  { "people", FILTER_SEARCH, list_people },
  { "campaigns", FILTER_SEARCH, list_campaigns },
  { "indicators", FILTER_CAMPAIGN | FILTER_YEAR, list_indicators },
  { "decisions", FILTER_SEARCH | FILTER_CAMPAIGN | FILTER_YEAR, list_decisions },
  { "awards", FILTER_SEARCH | FILTER_CAMPAIGN | FILTER_YEAR | FILTER_DECISION | FILTER_DECISION_ID, list_awards },
  { "forms", FILTER_SEARCH | FILTER_ARCHIVED, list_forms },
};

/* The options as typed, before they are checked. */
typedef struct
{
  char    *search;
  char    *campaign;
  char    *year;
  char    *decision;
  char    *decision_id;
  gboolean archived;
} RawOptions;

/* Digits with an optional sign; FALSE when @text is no number at all.
 * *@overflow: a number too long to hold. */
static gboolean
read_number (const char *text,
             gint64     *value,
             gboolean   *overflow)
{
  const char *p = text;
  gboolean negative = FALSE;
  guint64 result = 0;

  *overflow = FALSE;
  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  if (*p == '\0')
    return FALSE;
  for (; *p; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      if (result > (guint64) (G_MAXINT64 - 9) / 10)
        *overflow = TRUE;
      else
        result = result * 10 + (guint64) (*p - '0');
    }
  *value = negative ? -(gint64) result : (gint64) result;
  return TRUE;
}

static int
number_usage (const char *option,
              const char *text)
{
  g_autofree char *shown = g_utf8_make_valid (text, -1);

  return td_cli_usage (_("%s needs a number, not “%s”. See thidua-cli list --help."), option, shown);
}

/* An ID given with @option: a record number of 1 or more. */
static int
parse_id (const char *option,
          const char *text,
          gint64     *id)
{
  gboolean overflow = FALSE;
  g_autofree char *shown = NULL;

  *id = 0;
  if (text == NULL)
    return TD_CLI_OK;
  if (!read_number (text, id, &overflow))
    return number_usage (option, text);
  if (*id >= 1 && !overflow)
    return TD_CLI_OK;
  shown = g_utf8_make_valid (text, -1);
  return td_cli_usage (_("%s needs an ID of 1 or more, not “%s”."), option, shown);
}

static int
parse_year (const char *text,
            int        *year)
{
  gboolean overflow = FALSE;
  gint64 value = 0;

  *year = 0;
  if (text == NULL)
    return TD_CLI_OK;
  if (!read_number (text, &value, &overflow))
    return number_usage ("--year", text);
  if (overflow || value < 1945 || value > 2200)
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);

      return td_cli_usage (_("The year %s is out of range: use a year between 1945 and 2200."), shown);
    }
  *year = (int) value;
  return TD_CLI_OK;
}

/* Every option given must be one the KIND takes. */
static int
check_filters (const Lister     *lister,
               const RawOptions *raw)
{
  const struct
  {
    Filter      filter;
    const char *option;
    gboolean    given;
  } given[] = {
    { FILTER_SEARCH, "--search", raw->search != NULL },
    { FILTER_CAMPAIGN, "--campaign", raw->campaign != NULL },
    { FILTER_YEAR, "--year", raw->year != NULL },
    { FILTER_DECISION, "--decision", raw->decision != NULL },
    { FILTER_DECISION_ID, "--decision-id", raw->decision_id != NULL },
    { FILTER_ARCHIVED, "--archived", raw->archived },
  };

  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    if (given[i].given && (lister->filters & given[i].filter) == 0)
      /* Translators: «--year does not apply to units.»; the KIND stays
       * in English, as it is typed. */
      return td_cli_usage (_("%s does not apply to %s."), given[i].option, lister->kind);
  return TD_CLI_OK;
}

static int
check_options (const Lister      *lister,
               const RawOptions  *raw,
               ListOptions       *options)
{
  int status;

  if ((raw->search != NULL && !g_utf8_validate (raw->search, -1, NULL)) ||
      (raw->decision != NULL && !g_utf8_validate (raw->decision, -1, NULL)))
    return td_cli_usage (_("The text given is not UTF-8. Type it again in a UTF-8 terminal."));
  if ((status = parse_id ("--campaign", raw->campaign, &options->campaign_id)) != TD_CLI_OK ||
      (status = parse_id ("--decision-id", raw->decision_id, &options->decision_id)) != TD_CLI_OK ||
      (status = parse_year (raw->year, &options->year)) != TD_CLI_OK ||
      (status = check_filters (lister, raw)) != TD_CLI_OK)
    return status;
  if (raw->decision != NULL && raw->decision_id != NULL)
    return td_cli_usage (_("Give --decision or --decision-id, not both."));

  options->search = raw->search;
  options->decision_number = raw->decision;
  options->archived = raw->archived;
  return TD_CLI_OK;
}

static void
raw_options_clear (RawOptions *raw)
{
  g_clear_pointer (&raw->search, g_free);
  g_clear_pointer (&raw->campaign, g_free);
  g_clear_pointer (&raw->year, g_free);
  g_clear_pointer (&raw->decision, g_free);
  g_clear_pointer (&raw->decision_id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RawOptions, raw_options_clear)

int
td_cli_list (const TdCliGlobals  *globals,
             int                  argc,
             char               **argv)
{
  g_auto(RawOptions) raw = { NULL };
  ListOptions options = { NULL };
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_FILENAME, &raw.search, N_("Only records matching every word of TEXT (accents ignored)"), N_("TEXT") },
    { "campaign", 0, 0, G_OPTION_ARG_FILENAME, &raw.campaign, N_("Only records of the campaign ID"), N_("ID") },
    { "year", 0, 0, G_OPTION_ARG_FILENAME, &raw.year, N_("Only records of the year N (with indicators: the year's totals)"), N_("N") },
    { "decision", 0, 0, G_OPTION_ARG_FILENAME, &raw.decision, N_("Awards of the decision numbered NUMBER"), N_("NUMBER") },
    { "decision-id", 0, 0, G_OPTION_ARG_FILENAME, &raw.decision_id, N_("Awards of the decision ID"), N_("ID") },
    { "archived", 0, 0, G_OPTION_ARG_NONE, &raw.archived, N_("Include archived units and forms"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("KIND — print records as tab-separated text"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDatabase) db = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const Lister *lister = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("KIND: units people campaigns indicators decisions awards forms"));
  g_option_context_set_description (context,
                                    _("The options each KIND takes:\n"
                                      "  units: --search --archived\n"
                                      "  people, campaigns: --search\n"
                                      "  indicators: --campaign --year\n"
                                      "  decisions: --search --campaign --year\n"
                                      "  awards: --search --campaign --year, --decision or --decision-id\n"
                                      "  forms: --search --archived"));
  if (!td_cli_parse (context, &argc, &argv))
    return TD_CLI_USAGE;
  if (argc != 2)
    return td_cli_usage (_("list needs one KIND: units people campaigns indicators decisions awards forms."));

  for (guint i = 0; i < G_N_ELEMENTS (listers); i++)
    if (g_str_equal (argv[1], listers[i].kind))
      lister = &listers[i];
  if (lister == NULL)
    return td_cli_usage (_("Unknown KIND “%s”: use units, people, campaigns, indicators, decisions, awards or forms."), argv[1]);

  status = check_options (lister, &raw, &options);
  if (status != TD_CLI_OK)
    return status;

  db = td_cli_open (globals, TD_DATABASE_OPEN_SHARED, &error);
  if (db == NULL || !lister->list (db, &options, out, &error))
    return td_cli_fail (error);
  fwrite (out->str, 1, out->len, stdout);
  return TD_CLI_OK;
}
