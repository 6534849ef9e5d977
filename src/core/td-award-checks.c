#define G_LOG_DOMAIN "td-award-checks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-award-checks.h"
#include "td-database-private.h"
#include "td-format.h"

/* The line being checked, with its decision and recipient. */
typedef struct
{
  gint64  id;
  gint64  decision_id;
  gint64  person_id;
  gint64  unit_id;
  gint64  campaign_id;
  int     year;        /* decisions.year, 0 when none */
  int     rule_year;   /* the year, else the year of the decision's date */
  char   *code;
  char   *name;
} Line;

/* A rule of Law 06/2022 (DOMAIN.md «Rules a program can check»): the
 * award @code follows @needed consecutive years of @previous, ending the
 * year before.  A @hint rule is one path among several. */
typedef struct
{
  const char *code;
  const char *previous;
  int         needed;
  gboolean    individual_only;
  gboolean    hint;
} Rule;

static const Rule rules[] = {
  { "cstd_tinh", "cstd_co_so", 3, TRUE, FALSE },
  { "cstd_toan_quoc", "cstd_tinh", 2, TRUE, FALSE },
  { "bang_khen_tinh", "cstd_co_so", 2, TRUE, TRUE },
};

static void
line_clear (Line *line)
{
  g_clear_pointer (&line->code, g_free);
  g_clear_pointer (&line->name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Line, line_clear)

static void
add_warning (GPtrArray          *warnings,
             TdAwardWarningKind  kind,
             char               *message)
{
  TdAwardWarning *warning = g_new0 (TdAwardWarning, 1);

  warning->kind = kind;
  warning->message = message;
  g_ptr_array_add (warnings, warning);
}

/* FALSE with @error on a database failure; *@found FALSE when the line
 * is gone (deleted meanwhile: it has nothing to warn about). */
static gboolean
read_line (TdDatabase  *db,
           gint64       award_id,
           Line        *line,
           gboolean    *found,
           GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  int rc;

  stmt = td_database_prepare (db,
                              "SELECT a.decision_id, a.person_id, a.unit_id, f.code, d.campaign_id, "
                              "coalesce(d.year, 0), coalesce(CAST(substr(d.date, 1, 4) AS INTEGER), 0), "
                              "coalesce(a.recipient_name, p.full_name, u.name, '') "
                              "FROM awards a JOIN decisions d ON d.id = a.decision_id "
                              "LEFT JOIN award_forms f ON f.id = a.form_id "
                              "LEFT JOIN people p ON p.id = a.person_id "
                              "LEFT JOIN units u ON u.id = a.unit_id "
                              "WHERE a.id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, award_id);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      td_database_set_error (db, error, rc);
      return FALSE;
    }
  line->id = award_id;
  line->decision_id = sqlite3_column_int64 (stmt, 0);
  line->person_id = td_column_id (stmt, 1);
  line->unit_id = td_column_id (stmt, 2);
  line->code = td_column_text (stmt, 3);
  line->campaign_id = td_column_id (stmt, 4);
  line->year = sqlite3_column_int (stmt, 5);
  line->rule_year = line->year > 0 ? line->year : sqlite3_column_int (stmt, 6);
  line->name = td_column_text (stmt, 7);
  return TRUE;
}

/* One achievement is rewarded once: the recipient's other lines in the
 * same decision. */
static gboolean
check_same_decision (TdDatabase  *db,
                     const Line  *line,
                     GPtrArray   *warnings,
                     GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  int rc;

  stmt = td_database_prepare (db,
                              "SELECT coalesce(f.name, f.code, '') FROM awards a "
                              "LEFT JOIN award_forms f ON f.id = a.form_id "
                              "WHERE a.decision_id = ?1 AND a.id <> ?2 "
                              "AND (a.person_id = ?3 OR a.unit_id = ?4) "
                              "ORDER BY a.sort_order, a.id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line->decision_id);
  sqlite3_bind_int64 (stmt, 2, line->id);
  td_bind_id (stmt, 3, line->person_id);
  td_bind_id (stmt, 4, line->unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *form = (const char *) sqlite3_column_text (stmt, 0);

      /* Translators: %s are the recipient and the form of the other line. */
      add_warning (warnings, TD_AWARD_WARNING_SAME_DECISION,
                   g_strdup_printf (_("%s already has another line in this decision (%s): list each person or unit once, as one achievement is rewarded once."),
                                    line->name, form));
    }
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* The recipient in another decision, issued or draft, of the same
 * campaign and year. */
static gboolean
check_same_year (TdDatabase  *db,
                 const Line  *line,
                 GPtrArray   *warnings,
                 GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  int rc;

  if (line->campaign_id <= 0 || line->year <= 0)
    return TRUE;

  stmt = td_database_prepare (db,
                              "SELECT d.number, d.date FROM decisions d "
                              "WHERE d.campaign_id = ?1 AND d.year = ?2 AND d.id <> ?3 "
                              "AND EXISTS (SELECT 1 FROM awards a WHERE a.decision_id = d.id "
                              "  AND (a.person_id = ?4 OR a.unit_id = ?5)) "
                              "ORDER BY d.date, d.id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line->campaign_id);
  sqlite3_bind_int (stmt, 2, line->year);
  sqlite3_bind_int64 (stmt, 3, line->decision_id);
  td_bind_id (stmt, 4, line->person_id);
  td_bind_id (stmt, 5, line->unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *number = (const char *) sqlite3_column_text (stmt, 0);
      char *message;

      if (number != NULL && *number != '\0')
        /* Translators: %s are the recipient and a decision number, 12/QĐ-UBND. */
        message = g_strdup_printf (_("%s already has a line in decision %s for the same campaign and year: one achievement is rewarded once."),
                                   line->name, number);
      else
        {
          g_autofree char *date = td_format_date ((const char *) sqlite3_column_text (stmt, 1));

          /* Translators: %s are the recipient and the date of a draft decision. */
          message = g_strdup_printf (_("%s already has a line in the draft decision of %s for the same campaign and year: one achievement is rewarded once."),
                                     line->name, date);
        }
      add_warning (warnings, TD_AWARD_WARNING_SAME_YEAR, message);
    }
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return FALSE;
    }
  return TRUE;
}

static char *
form_name (TdDatabase  *db,
           const char  *code,
           GError     **error)
{
  g_autoptr(TdStmt) stmt = td_database_prepare (db, "SELECT coalesce(name, code) FROM award_forms WHERE code = ?1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return td_column_text (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return NULL;
    }
  return g_strdup (code);
}

/* The years of the person's @code in issued decisions other than the
 * line's own, ascending and without repeats. */
static GArray *
history_years (TdDatabase  *db,
               const Line  *line,
               const char  *code,
               GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  int rc;

  stmt = td_database_prepare (db,
                              "SELECT DISTINCT coalesce(d.year, CAST(substr(d.date, 1, 4) AS INTEGER)) AS y "
                              "FROM awards a JOIN decisions d ON d.id = a.decision_id "
                              "JOIN award_forms f ON f.id = a.form_id "
                              "WHERE a.person_id = ?1 AND d.id <> ?2 AND coalesce(d.number, '') <> '' "
                              "AND f.code = ?3 ORDER BY y",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, line->person_id);
  sqlite3_bind_int64 (stmt, 2, line->decision_id);
  sqlite3_bind_text (stmt, 3, code, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);

      g_array_append_val (years, year);
    }
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return NULL;
    }
  return g_steal_pointer (&years);
}

static gboolean
has_year (GArray *years,
          int     year)
{
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, int, i) == year)
      return TRUE;
  return FALSE;
}

static char *
join_years (GArray *years)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < years->len; i++)
    g_string_append_printf (out, "%s%d", i > 0 ? ", " : "", g_array_index (years, int, i));
  return g_string_free (out, FALSE);
}

static gboolean
check_rule (TdDatabase  *db,
            const Line  *line,
            const Rule  *rule,
            GPtrArray   *warnings,
            GError     **error)
{
  g_autoptr(GArray) years = NULL;
  g_autofree char *award = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *found = NULL;
  int first = line->rule_year - rule->needed;
  int last = line->rule_year - 1;
  gboolean met = TRUE;
  char *message;

  years = history_years (db, line, rule->previous, error);
  if (years == NULL)
    return FALSE;
  for (int year = first; year <= last; year++)
    met = met && has_year (years, year);
  if (met)
    return TRUE;

  award = form_name (db, rule->code, error);
  if (award == NULL)
    return FALSE;
  previous = form_name (db, rule->previous, error);
  if (previous == NULL)
    return FALSE;
  found = join_years (years);

  /* Translators: the person, the award of the line, the award needed
   * before it, the first and the last year needed; then the years found. */
  if (rule->hint && years->len > 0)
    message = g_strdup_printf (_("%s: %s is usually given after %s in each year from %d to %d (Law 06/2022), but the issued decisions record it in %s only. This is one path of several: ignore this hint if another one applies."),
                               line->name, award, previous, first, last, found);
  else if (rule->hint)
    message = g_strdup_printf (_("%s: %s is usually given after %s in each year from %d to %d (Law 06/2022), but no issued decision records it. This is one path of several: ignore this hint if another one applies."),
                               line->name, award, previous, first, last);
  else if (years->len > 0)
    message = g_strdup_printf (_("%s: %s needs %s in each year from %d to %d (Law 06/2022), but the issued decisions record it in %s only."),
                               line->name, award, previous, first, last, found);
  else
    message = g_strdup_printf (_("%s: %s needs %s in each year from %d to %d (Law 06/2022), but no issued decision records it."),
                               line->name, award, previous, first, last);
  add_warning (warnings, TD_AWARD_WARNING_RULE, message);
  return TRUE;
}

static gboolean
check_rules (TdDatabase  *db,
             const Line  *line,
             GPtrArray   *warnings,
             GError     **error)
{
  if (line->code == NULL || line->rule_year <= 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      const Rule *rule = &rules[i];

      if (!g_str_equal (line->code, rule->code))
        continue;
      if (rule->individual_only && line->person_id <= 0)
        continue;
      if (!check_rule (db, line, rule, warnings, error))
        return FALSE;
    }
  return TRUE;
}

void
td_award_warning_free (TdAwardWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->message);
  g_free (warning);
}

GPtrArray *
td_award_checks_for_award (TdDatabase  *db,
                           gint64       award_id,
                           GError     **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) td_award_warning_free);
  g_auto(Line) line = { 0 };
  gboolean found = FALSE;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  if (!read_line (db, award_id, &line, &found, error))
    return NULL;
  if (!found)
    return g_steal_pointer (&warnings);
  if (!check_same_decision (db, &line, warnings, error) ||
      !check_same_year (db, &line, warnings, error) ||
      (line.person_id > 0 && !check_rules (db, &line, warnings, error)))
    return NULL;
  return g_steal_pointer (&warnings);
}
