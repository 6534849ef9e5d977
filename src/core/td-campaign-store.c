#define G_LOG_DOMAIN "td-campaign-store"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "td-campaign-store.h"
#include "td-database-private.h"
#include "td-date.h"
#include "td-text.h"

#define CAMPAIGN_COLUMNS "id, title, short_title, launch_number, launch_date, issuer, " \
                         "start_date, end_date, description"
#define INDICATOR_COLUMNS "id, campaign_id, name, measure, sort_order"

/* Doubles up to 2^53 are exact integers: stored as such they read back
 * as «12», not «12.0», in outside tools. */
#define MAX_EXACT_INTEGER 9007199254740992.0

static TdCampaign *
campaign_from_row (TdStmt *stmt)
{
  TdCampaign *campaign = td_campaign_new ();

  campaign->id = sqlite3_column_int64 (stmt, 0);
  campaign->title = td_column_text (stmt, 1);
  campaign->short_title = td_column_text (stmt, 2);
  campaign->launch_number = td_column_text (stmt, 3);
  campaign->launch_date = td_column_text (stmt, 4);
  campaign->issuer = td_column_text (stmt, 5);
  campaign->start_date = td_column_text (stmt, 6);
  campaign->end_date = td_column_text (stmt, 7);
  campaign->description = td_column_text (stmt, 8);
  return campaign;
}

static TdIndicator *
indicator_from_row (TdStmt *stmt)
{
  TdIndicator *indicator = td_indicator_new ();

  indicator->id = sqlite3_column_int64 (stmt, 0);
  indicator->campaign_id = td_column_id (stmt, 1);
  indicator->name = td_column_text (stmt, 2);
  indicator->measure = td_column_text (stmt, 3);
  indicator->sort_order = sqlite3_column_int (stmt, 4);
  return indicator;
}

/* One SELECT of a single integer, ?1 bound to @id. */
static gboolean
query_count (TdDatabase  *db,
             const char  *sql,
             gint64       id,
             gint64      *count,
             GError     **error)
{
  g_autoptr(TdStmt) stmt = td_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      td_database_set_error (db, error, rc);
      return FALSE;
    }
  *count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
row_exists (TdDatabase  *db,
            const char  *sql,
            gint64       id,
            gboolean    *exists,
            GError     **error)
{
  gint64 count = 0;

  if (id <= 0)
    {
      *exists = FALSE;
      return TRUE;
    }
  if (!query_count (db, sql, id, &count, error))
    return FALSE;
  *exists = count > 0;
  return TRUE;
}

static gboolean
delete_by_id (TdDatabase  *db,
              const char  *sql,
              gint64       id,
              GError     **error)
{
  g_autoptr(TdStmt) stmt = td_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return td_database_step_done (db, stmt, error);
}

static gboolean
check_date (const char   *text,
            const char   *field,
            const char   *message,
            GError      **error)
{
  if (text == NULL || *text == '\0' || td_date_is_valid (text))
    return TRUE;
  td_set_field_error (error, TD_FIELD_ERROR_FORMAT, field, "%s", message);
  return FALSE;
}

static gboolean
validate_campaign (const TdCampaign  *campaign,
                   GError           **error)
{
  g_autofree char *title = td_text_normalize (campaign->title);
  g_autofree char *launch_date = td_text_normalize (campaign->launch_date);
  g_autofree char *start_date = td_text_normalize (campaign->start_date);
  g_autofree char *end_date = td_text_normalize (campaign->end_date);

  if (title == NULL || *title == '\0')
    {
      td_set_field_error (error, TD_FIELD_ERROR_REQUIRED, "title",
                          _("The campaign needs a title. Type the title of the campaign."));
      return FALSE;
    }
  if (!check_date (launch_date, "launch_date",
                   _("The launch date is not a valid date. Use the form YYYY-MM-DD."), error) ||
      !check_date (start_date, "start_date",
                   _("The start date is not a valid date. Use the form YYYY-MM-DD."), error) ||
      !check_date (end_date, "end_date",
                   _("The end date is not a valid date. Use the form YYYY-MM-DD."), error))
    return FALSE;
  /* ISO dates compare as text. */
  if (start_date != NULL && *start_date != '\0' &&
      end_date != NULL && *end_date != '\0' &&
      strcmp (end_date, start_date) < 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_RANGE, "end_date",
                          _("The end date is before the start date. Correct one of the two dates."));
      return FALSE;
    }
  return TRUE;
}

static void
bind_campaign (TdStmt           *stmt,
               const TdCampaign *campaign)
{
  g_autofree char *title = td_text_normalize (campaign->title);
  g_autofree char *short_title = td_text_normalize (campaign->short_title);
  g_autofree char *launch_number = td_text_normalize (campaign->launch_number);
  g_autofree char *launch_date = td_text_normalize (campaign->launch_date);
  g_autofree char *issuer = td_text_normalize (campaign->issuer);
  g_autofree char *start_date = td_text_normalize (campaign->start_date);
  g_autofree char *end_date = td_text_normalize (campaign->end_date);
  g_autofree char *description = td_text_normalize_lines (campaign->description, TRUE);

  td_bind_text (stmt, 1, title);
  td_bind_text (stmt, 2, short_title);
  td_bind_text (stmt, 3, launch_number);
  td_bind_text (stmt, 4, launch_date);
  td_bind_text (stmt, 5, issuer);
  td_bind_text (stmt, 6, start_date);
  td_bind_text (stmt, 7, end_date);
  td_bind_text (stmt, 8, description);
}

static gboolean
validate_indicator (TdDatabase         *db,
                    const TdIndicator  *indicator,
                    GError            **error)
{
  g_autofree char *name = td_text_normalize (indicator->name);
  gboolean exists = FALSE;

  if (name == NULL || *name == '\0')
    {
      td_set_field_error (error, TD_FIELD_ERROR_REQUIRED, "name",
                          _("The indicator needs a name. Type what is counted, e.g. “Propaganda sessions”."));
      return FALSE;
    }
  if (!row_exists (db, "SELECT count(*) FROM campaigns WHERE id = ?1",
                   indicator->campaign_id, &exists, error))
    return FALSE;
  if (!exists)
    {
      td_set_field_error (error, TD_FIELD_ERROR_REFERENCE, "campaign_id",
                          _("The campaign of the indicator does not exist. Choose a campaign from the list."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_value (TdDatabase              *db,
                const TdIndicatorValue  *value,
                GError                 **error)
{
  gboolean exists = FALSE;

  if (!row_exists (db, "SELECT count(*) FROM indicators WHERE id = ?1",
                   value->indicator_id, &exists, error))
    return FALSE;
  if (!exists)
    {
      td_set_field_error (error, TD_FIELD_ERROR_REFERENCE, "indicator_id",
                          _("The indicator no longer exists. Reload the statistics."));
      return FALSE;
    }
  if (!row_exists (db, "SELECT count(*) FROM units WHERE id = ?1",
                   value->unit_id, &exists, error))
    return FALSE;
  if (!exists)
    {
      td_set_field_error (error, TD_FIELD_ERROR_REFERENCE, "unit_id",
                          _("The unit no longer exists. Reload the statistics."));
      return FALSE;
    }
  if (value->year < 1945 || value->year > 2200)
    {
      td_set_field_error (error, TD_FIELD_ERROR_RANGE, "year",
                          _("The year %d is out of range. Type a year from 1945 to 2200."),
                          value->year);
      return FALSE;
    }
  if (!isfinite (value->value) || value->value < 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_RANGE, "value",
                          _("A statistic cannot be negative. Type a number of zero or more."));
      return FALSE;
    }
  return TRUE;
}

gboolean
td_campaign_store_insert (TdDatabase  *db,
                          TdCampaign  *campaign,
                          GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (campaign != NULL, FALSE);

  if (!validate_campaign (campaign, error))
    return FALSE;

  if (!td_database_begin (db, error))
    return FALSE;

  stmt = td_database_prepare (db,
                              "INSERT INTO campaigns (title, short_title, launch_number, launch_date, "
                              "issuer, start_date, end_date, description) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                              error);
  if (stmt == NULL)
    goto fail;
  bind_campaign (stmt, campaign);
  if (!td_database_step_done (db, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (td_database_get_handle (db));
  if (!td_database_update_derived (db, "campaigns", id, error) ||
      !td_database_commit (db, error))
    goto fail;

  campaign->id = id;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

gboolean
td_campaign_store_update (TdDatabase        *db,
                          const TdCampaign  *campaign,
                          GError           **error)
{
  g_autoptr(TdStmt) stmt = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (campaign != NULL && campaign->id > 0, FALSE);

  if (!validate_campaign (campaign, error))
    return FALSE;

  if (!td_database_begin (db, error))
    return FALSE;

  stmt = td_database_prepare (db,
                              "UPDATE campaigns SET title = ?1, short_title = ?2, launch_number = ?3, "
                              "launch_date = ?4, issuer = ?5, start_date = ?6, end_date = ?7, "
                              "description = ?8 WHERE id = ?9",
                              error);
  if (stmt == NULL)
    goto fail;
  bind_campaign (stmt, campaign);
  sqlite3_bind_int64 (stmt, 9, campaign->id);
  if (!td_database_step_done (db, stmt, error))
    goto fail;
  if (sqlite3_changes (td_database_get_handle (db)) == 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id",
                          _("The campaign no longer exists. Reload the list."));
      goto fail;
    }
  if (!td_database_update_derived (db, "campaigns", campaign->id, error) ||
      !td_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

/* Decisions are records of what was signed: a campaign they name stays.
 * Statistics are typed by hand, so losing them needs the user's word. */
gboolean
td_campaign_store_delete (TdDatabase  *db,
                          gint64       id,
                          gboolean     force,
                          GError     **error)
{
  gint64 decisions = 0, values = 0;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);

  if (!td_database_begin (db, error))
    return FALSE;

  if (!query_count (db, "SELECT count(*) FROM decisions WHERE campaign_id = ?1",
                    id, &decisions, error) ||
      !query_count (db,
                    "SELECT count(*) FROM indicator_values WHERE indicator_id IN "
                    "(SELECT id FROM indicators WHERE campaign_id = ?1)",
                    id, &values, error))
    goto fail;

  if (decisions > 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_IN_USE, "id",
                          g_dngettext (GETTEXT_PACKAGE,
                                       "The campaign cannot be deleted: %d decision refers to it. "
                                       "Delete that decision or choose another campaign for it first.",
                                       "The campaign cannot be deleted: %d decisions refer to it. "
                                       "Delete those decisions or choose another campaign for them first.",
                                       decisions),
                          (int) decisions);
      goto fail;
    }
  if (values > 0 && !force)
    {
      td_set_field_error (error, TD_FIELD_ERROR_IN_USE, "id",
                          g_dngettext (GETTEXT_PACKAGE,
                                       "The campaign has %d recorded statistic, which would be lost. "
                                       "Confirm to delete the campaign with its indicators and statistics.",
                                       "The campaign has %d recorded statistics, which would be lost. "
                                       "Confirm to delete the campaign with its indicators and statistics.",
                                       values),
                          (int) values);
      goto fail;
    }

  if (!delete_by_id (db,
                     "DELETE FROM indicator_values WHERE indicator_id IN "
                     "(SELECT id FROM indicators WHERE campaign_id = ?1)",
                     id, error) ||
      !delete_by_id (db, "DELETE FROM indicators WHERE campaign_id = ?1", id, error) ||
      !delete_by_id (db, "DELETE FROM campaigns WHERE id = ?1", id, error))
    goto fail;
  if (sqlite3_changes (td_database_get_handle (db)) == 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id",
                          _("The campaign no longer exists. Reload the list."));
      goto fail;
    }
  if (!td_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

TdCampaign *
td_campaign_store_get (TdDatabase  *db,
                       gint64       id,
                       GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  stmt = td_database_prepare (db, "SELECT " CAMPAIGN_COLUMNS " FROM campaigns WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return campaign_from_row (stmt);
  if (rc == SQLITE_DONE)
    td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id",
                        _("There is no campaign number %lld."), (long long) id);
  else
    td_database_set_error (db, error, rc);
  return NULL;
}

/* Vietnamese order of the titles (ICU keys); @search matches the folded
 * title, short title and launch number, so «dong» finds «Đông». */
GPtrArray *
td_campaign_store_list (TdDatabase  *db,
                        const char  *search,
                        GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) td_campaign_free);
  g_autofree char *needle = td_text_fold (search);
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  stmt = td_database_prepare (db,
                              "SELECT " CAMPAIGN_COLUMNS " FROM campaigns "
                              "WHERE ?1 IS NULL OR instr(search_text, ?1) > 0 "
                              "ORDER BY sort_key, id",
                              error);
  if (stmt == NULL)
    return NULL;
  td_bind_text (stmt, 1, needle);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, campaign_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return NULL;
    }
  return g_steal_pointer (&result);
}

gboolean
td_campaign_store_insert_indicator (TdDatabase   *db,
                                    TdIndicator  *indicator,
                                    GError      **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *measure = NULL;
  gint64 sort_order;
  gint64 id;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (indicator != NULL, FALSE);

  sort_order = indicator->sort_order;

  if (!td_database_begin (db, error))
    return FALSE;

  if (!validate_indicator (db, indicator, error))
    goto fail;

  /* 0: after the campaign's last indicator. */
  if (sort_order == 0)
    {
      if (!query_count (db,
                        "SELECT coalesce(max(sort_order), 0) + 1 FROM indicators WHERE campaign_id = ?1",
                        indicator->campaign_id, &sort_order, error))
        goto fail;
    }

  stmt = td_database_prepare (db,
                              "INSERT INTO indicators (campaign_id, name, measure, sort_order) "
                              "VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    goto fail;
  name = td_text_normalize (indicator->name);
  measure = td_text_normalize (indicator->measure);
  sqlite3_bind_int64 (stmt, 1, indicator->campaign_id);
  td_bind_text (stmt, 2, name);
  td_bind_text (stmt, 3, measure);
  sqlite3_bind_int64 (stmt, 4, sort_order);
  if (!td_database_step_done (db, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (td_database_get_handle (db));
  if (!td_database_commit (db, error))
    goto fail;

  indicator->id = id;
  indicator->sort_order = (int) sort_order;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

gboolean
td_campaign_store_update_indicator (TdDatabase         *db,
                                    const TdIndicator  *indicator,
                                    GError            **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *measure = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (indicator != NULL && indicator->id > 0, FALSE);

  if (!td_database_begin (db, error))
    return FALSE;

  if (!validate_indicator (db, indicator, error))
    goto fail;

  stmt = td_database_prepare (db,
                              "UPDATE indicators SET campaign_id = ?1, name = ?2, measure = ?3, "
                              "sort_order = ?4 WHERE id = ?5",
                              error);
  if (stmt == NULL)
    goto fail;
  name = td_text_normalize (indicator->name);
  measure = td_text_normalize (indicator->measure);
  sqlite3_bind_int64 (stmt, 1, indicator->campaign_id);
  td_bind_text (stmt, 2, name);
  td_bind_text (stmt, 3, measure);
  sqlite3_bind_int (stmt, 4, indicator->sort_order);
  sqlite3_bind_int64 (stmt, 5, indicator->id);
  if (!td_database_step_done (db, stmt, error))
    goto fail;
  if (sqlite3_changes (td_database_get_handle (db)) == 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id",
                          _("The indicator no longer exists. Reload the list."));
      goto fail;
    }
  if (!td_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

gboolean
td_campaign_store_delete_indicator (TdDatabase  *db,
                                    gint64       id,
                                    gboolean     force,
                                    GError     **error)
{
  gint64 values = 0;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);

  if (!td_database_begin (db, error))
    return FALSE;

  if (!query_count (db, "SELECT count(*) FROM indicator_values WHERE indicator_id = ?1",
                    id, &values, error))
    goto fail;
  if (values > 0 && !force)
    {
      td_set_field_error (error, TD_FIELD_ERROR_IN_USE, "id",
                          g_dngettext (GETTEXT_PACKAGE,
                                       "The indicator has %d recorded statistic, which would be lost. "
                                       "Confirm to delete the indicator with its statistics.",
                                       "The indicator has %d recorded statistics, which would be lost. "
                                       "Confirm to delete the indicator with its statistics.",
                                       values),
                          (int) values);
      goto fail;
    }

  if (!delete_by_id (db, "DELETE FROM indicator_values WHERE indicator_id = ?1", id, error) ||
      !delete_by_id (db, "DELETE FROM indicators WHERE id = ?1", id, error))
    goto fail;
  if (sqlite3_changes (td_database_get_handle (db)) == 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id",
                          _("The indicator no longer exists. Reload the list."));
      goto fail;
    }
  if (!td_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

TdIndicator *
td_campaign_store_get_indicator (TdDatabase  *db,
                                 gint64       id,
                                 GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  stmt = td_database_prepare (db, "SELECT " INDICATOR_COLUMNS " FROM indicators WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return indicator_from_row (stmt);
  if (rc == SQLITE_DONE)
    td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id",
                        _("There is no indicator number %lld."), (long long) id);
  else
    td_database_set_error (db, error, rc);
  return NULL;
}

GPtrArray *
td_campaign_store_list_indicators (TdDatabase  *db,
                                   gint64       campaign_id,
                                   GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) td_indicator_free);
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  stmt = td_database_prepare (db,
                              "SELECT " INDICATOR_COLUMNS " FROM indicators "
                              "WHERE ?1 = 0 OR campaign_id = ?1 "
                              "ORDER BY campaign_id, sort_order, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, MAX (campaign_id, 0));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, indicator_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return NULL;
    }
  return g_steal_pointer (&result);
}

gboolean
td_campaign_store_set_value (TdDatabase              *db,
                             const TdIndicatorValue  *value,
                             GError                 **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!validate_value (db, value, error))
    return FALSE;

  stmt = td_database_prepare (db,
                              "INSERT INTO indicator_values (indicator_id, unit_id, year, value, note) "
                              "VALUES (?1, ?2, ?3, ?4, ?5) "
                              "ON CONFLICT (indicator_id, unit_id, year) "
                              "DO UPDATE SET value = excluded.value, note = excluded.note",
                              error);
  if (stmt == NULL)
    return FALSE;
  note = td_text_normalize (value->note);
  sqlite3_bind_int64 (stmt, 1, value->indicator_id);
  sqlite3_bind_int64 (stmt, 2, value->unit_id);
  sqlite3_bind_int (stmt, 3, value->year);
  if (floor (value->value) == value->value && value->value < MAX_EXACT_INTEGER)
    sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) value->value);
  else
    sqlite3_bind_double (stmt, 4, value->value);
  td_bind_text (stmt, 5, note);
  return td_database_step_done (db, stmt, error);
}

/* Clearing a cell that holds nothing is not an error. */
gboolean
td_campaign_store_clear_value (TdDatabase  *db,
                               gint64       indicator_id,
                               gint64       unit_id,
                               int          year,
                               GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);

  stmt = td_database_prepare (db,
                              "DELETE FROM indicator_values "
                              "WHERE indicator_id = ?1 AND unit_id = ?2 AND year = ?3",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  sqlite3_bind_int (stmt, 3, year);
  return td_database_step_done (db, stmt, error);
}

GPtrArray *
td_campaign_store_list_values (TdDatabase  *db,
                               gint64       campaign_id,
                               int          year,
                               GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) td_indicator_value_free);
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  stmt = td_database_prepare (db,
                              "SELECT v.indicator_id, v.unit_id, v.year, v.value, v.note "
                              "FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id "
                              "WHERE i.campaign_id = ?1 AND (?2 = 0 OR v.year = ?2) "
                              "ORDER BY i.sort_order, i.id, v.unit_id, v.year",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int (stmt, 2, year);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TdIndicatorValue *value = td_indicator_value_new ();

      value->indicator_id = sqlite3_column_int64 (stmt, 0);
      value->unit_id = sqlite3_column_int64 (stmt, 1);
      value->year = sqlite3_column_int (stmt, 2);
      value->value = sqlite3_column_double (stmt, 3);
      value->note = td_column_text (stmt, 4);
      g_ptr_array_add (result, value);
    }
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return NULL;
    }
  return g_steal_pointer (&result);
}

double
td_campaign_store_total (TdDatabase  *db,
                         gint64       indicator_id,
                         int          year,
                         GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), 0);

  stmt = td_database_prepare (db,
                              "SELECT total(value) FROM indicator_values "
                              "WHERE indicator_id = ?1 AND year = ?2",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  sqlite3_bind_int (stmt, 2, year);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      td_database_set_error (db, error, rc);
      return 0;
    }
  return sqlite3_column_double (stmt, 0);
}
