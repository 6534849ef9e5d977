#define G_LOG_DOMAIN "td-decision-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "td-catalogue-store.h"
#include "td-database-private.h"
#include "td-date.h"
#include "td-decision-store.h"
#include "td-text.h"

#define DECISION_COLUMNS \
  "d.id, d.number, d.date, d.issuer, d.org_parent, d.org_name, d.place, d.signer_title, " \
  "d.signer_name, d.campaign_id, d.year, d.title, " \
  "(SELECT count(*) FROM awards a WHERE a.decision_id = d.id AND a.unit_id IS NOT NULL), " \
  "(SELECT count(*) FROM awards a WHERE a.decision_id = d.id AND a.person_id IS NOT NULL), " \
  "(SELECT coalesce(sum(a.amount), 0) FROM awards a WHERE a.decision_id = d.id)"

/* The line, its form, and the live records its texts come from. */
#define AWARD_QUERY \
  "SELECT a.id, a.decision_id, a.form_id, a.unit_id, a.person_id, a.achievement, a.amount, " \
  "a.amount_overridden, a.sort_order, a.recipient_name, a.recipient_detail, " \
  "f.name, f.precedence, u.name, pu.name, p.full_name, p.rank, p.position, pun.name " \
  "FROM awards a " \
  "LEFT JOIN award_forms f ON f.id = a.form_id " \
  "LEFT JOIN units u ON u.id = a.unit_id " \
  "LEFT JOIN units pu ON pu.id = u.parent_id " \
  "LEFT JOIN people p ON p.id = a.person_id " \
  "LEFT JOIN units pun ON pun.id = p.unit_id "

typedef struct
{
  gboolean  exists;
  char     *number;
  char     *date;
} DecisionState;

typedef struct
{
  gint64  id;
  char   *name;
  char   *detail;
} FrozenTexts;

typedef struct
{
  gint64    id;
  gint64    form_id;
  gboolean  collective;
} ComputedLine;

static void
decision_state_clear (DecisionState *state)
{
  g_clear_pointer (&state->number, g_free);
  g_clear_pointer (&state->date, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DecisionState, decision_state_clear)

static void
frozen_texts_free (FrozenTexts *texts)
{
  g_free (texts->name);
  g_free (texts->detail);
  g_free (texts);
}

/* Helpers */

static gboolean
read_decision_state (TdDatabase     *db,
                     gint64          id,
                     DecisionState  *state,
                     GError        **error)
{
  g_autoptr(TdStmt) stmt = td_database_prepare (db, "SELECT number, date FROM decisions WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return FALSE;
    }
  state->exists = rc == SQLITE_ROW;
  if (state->exists)
    {
      state->number = td_column_text (stmt, 0);
      state->date = td_column_text (stmt, 1);
    }
  return TRUE;
}

static void
set_locked_error (GError     **error,
                  const char  *number)
{
  td_set_field_error (error, TD_FIELD_ERROR_LOCKED, "number",
                      _("Decision %s is issued, so it cannot be changed. Reopen it as a draft to change it."),
                      number);
}

static void
set_missing_decision_error (GError **error)
{
  td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id",
                      _("The decision no longer exists. Reload the list."));
}

/* A decision that exists and is a draft; @missing_field names the field
 * to blame when it does not exist (a line's decision_id, or the id). */
static gboolean
require_draft (TdDatabase     *db,
               gint64          id,
               const char     *missing_field,
               DecisionState  *state,
               GError        **error)
{
  if (!read_decision_state (db, id, state, error))
    return FALSE;
  if (!state->exists)
    {
      if (g_str_equal (missing_field, "id"))
        set_missing_decision_error (error);
      else
        td_set_field_error (error, TD_FIELD_ERROR_REFERENCE, missing_field,
                            _("The decision no longer exists. Choose another decision."));
      return FALSE;
    }
  if (state->number != NULL)
    {
      set_locked_error (error, state->number);
      return FALSE;
    }
  return TRUE;
}

static gboolean
row_exists (TdDatabase  *db,
            const char  *sql,
            gint64       id,
            gboolean    *exists,
            GError     **error)
{
  g_autoptr(TdStmt) stmt = td_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return FALSE;
    }
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
check_date (const char  *date,
            GError     **error)
{
  if (date == NULL || *date == '\0')
    {
      td_set_field_error (error, TD_FIELD_ERROR_REQUIRED, "date",
                          _("The decision needs a date. Type a date such as 2025-07-01."));
      return FALSE;
    }
  if (!td_date_is_valid (date))
    {
      td_set_field_error (error, TD_FIELD_ERROR_FORMAT, "date",
                          _("“%s” is not a valid date. Type a date such as 2025-07-01."), date);
      return FALSE;
    }
  return TRUE;
}

/* Decisions */

static TdDecision *
decision_from_row (TdStmt *stmt)
{
  TdDecision *decision = td_decision_new ();

  decision->id = sqlite3_column_int64 (stmt, 0);
  decision->number = td_column_text (stmt, 1);
  decision->date = td_column_text (stmt, 2);
  decision->issuer = td_column_text (stmt, 3);
  decision->org_parent = td_column_text (stmt, 4);
  decision->org_name = td_column_text (stmt, 5);
  decision->place = td_column_text (stmt, 6);
  decision->signer_title = td_column_text (stmt, 7);
  decision->signer_name = td_column_text (stmt, 8);
  decision->campaign_id = td_column_id (stmt, 9);
  decision->year = sqlite3_column_int (stmt, 10);
  decision->title = td_column_text (stmt, 11);
  decision->n_collectives = sqlite3_column_int (stmt, 12);
  decision->n_individuals = sqlite3_column_int (stmt, 13);
  decision->total = sqlite3_column_int64 (stmt, 14);
  return decision;
}

static gboolean
validate_decision (TdDatabase        *db,
                   const TdDecision  *decision,
                   GError           **error)
{
  if (!check_date (decision->date, error))
    return FALSE;
  if (decision->year != 0 && (decision->year < 1945 || decision->year > 2200))
    {
      td_set_field_error (error, TD_FIELD_ERROR_RANGE, "year",
                          _("The year %d is out of range. Type a year between 1945 and 2200, or leave it empty."),
                          decision->year);
      return FALSE;
    }
  if (decision->campaign_id > 0)
    {
      gboolean exists = FALSE;

      if (!row_exists (db, "SELECT 1 FROM campaigns WHERE id = ?1", decision->campaign_id, &exists, error))
        return FALSE;
      if (!exists)
        {
          td_set_field_error (error, TD_FIELD_ERROR_REFERENCE, "campaign_id",
                              _("The campaign no longer exists. Choose another campaign, or none."));
          return FALSE;
        }
    }
  return TRUE;
}

/* Binds ?2–?11: every field but the number. */
static void
bind_decision (TdStmt           *stmt,
               const TdDecision *decision)
{
  g_autofree char *issuer = td_text_normalize (decision->issuer);
  g_autofree char *org_parent = td_text_normalize (decision->org_parent);
  g_autofree char *org_name = td_text_normalize (decision->org_name);
  g_autofree char *place = td_text_normalize (decision->place);
  g_autofree char *signer_title = td_text_normalize_lines (decision->signer_title, FALSE);
  g_autofree char *signer_name = td_text_normalize (decision->signer_name);
  g_autofree char *title = td_text_normalize (decision->title);

  td_bind_text (stmt, 2, decision->date);
  td_bind_text (stmt, 3, issuer);
  td_bind_text (stmt, 4, org_parent);
  td_bind_text (stmt, 5, org_name);
  td_bind_text (stmt, 6, place);
  td_bind_text (stmt, 7, signer_title);
  td_bind_text (stmt, 8, signer_name);
  td_bind_id (stmt, 9, decision->campaign_id);
  td_bind_int_or_null (stmt, 10, decision->year);
  td_bind_text (stmt, 11, title);
}

gboolean
td_decision_store_insert (TdDatabase  *db,
                          TdDecision  *decision,
                          GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  g_autofree char *number = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (decision != NULL, FALSE);

  if (!validate_decision (db, decision, error))
    return FALSE;

  stmt = td_database_prepare (db,
                              "INSERT INTO decisions (number, date, issuer, org_parent, org_name, place, "
                              "signer_title, signer_name, campaign_id, year, title) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                              error);
  if (stmt == NULL)
    return FALSE;
  number = td_text_normalize (decision->number);
  td_bind_text (stmt, 1, number);
  bind_decision (stmt, decision);
  if (!td_database_step_done (db, stmt, error))
    return FALSE;

  decision->id = sqlite3_last_insert_rowid (td_database_get_handle (db));
  return TRUE;
}

static gboolean recompute_lines (TdDatabase  *db,
                                 gint64       decision_id,
                                 const char  *date,
                                 GError     **error);

gboolean
td_decision_store_update (TdDatabase        *db,
                          const TdDecision  *decision,
                          GError           **error)
{
  g_auto(DecisionState) state = { 0 };
  g_autoptr(TdStmt) stmt = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (decision != NULL && decision->id > 0, FALSE);

  if (!td_database_begin (db, error))
    return FALSE;

  if (!require_draft (db, decision->id, "id", &state, error) ||
      !validate_decision (db, decision, error))
    goto fail;

  /* The number changes only through issue and reopen. */
  stmt = td_database_prepare (db,
                              "UPDATE decisions SET date = ?2, issuer = ?3, org_parent = ?4, org_name = ?5, "
                              "place = ?6, signer_title = ?7, signer_name = ?8, campaign_id = ?9, year = ?10, "
                              "title = ?11 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, decision->id);
  bind_decision (stmt, decision);
  if (!td_database_step_done (db, stmt, error))
    goto fail;
  /* A new date may bring another coefficient or base salary (DOMAIN.md):
   * the lines that are not overridden follow it. */
  if (g_strcmp0 (decision->date, state.date) != 0 &&
      !recompute_lines (db, decision->id, decision->date, error))
    goto fail;
  if (!td_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

gboolean
td_decision_store_delete (TdDatabase  *db,
                          gint64       id,
                          GError     **error)
{
  g_auto(DecisionState) state = { 0 };
  g_autoptr(TdStmt) awards = NULL;
  g_autoptr(TdStmt) stmt = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);

  if (!td_database_begin (db, error))
    return FALSE;

  if (!require_draft (db, id, "id", &state, error))
    goto fail;

  awards = td_database_prepare (db, "DELETE FROM awards WHERE decision_id = ?1", error);
  if (awards == NULL)
    goto fail;
  sqlite3_bind_int64 (awards, 1, id);
  if (!td_database_step_done (db, awards, error))
    goto fail;

  stmt = td_database_prepare (db, "DELETE FROM decisions WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!td_database_step_done (db, stmt, error) ||
      !td_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

TdDecision *
td_decision_store_get (TdDatabase  *db,
                       gint64       id,
                       GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  stmt = td_database_prepare (db, "SELECT " DECISION_COLUMNS " FROM decisions d WHERE d.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return decision_from_row (stmt);
  if (rc == SQLITE_DONE)
    td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id",
                        _("There is no decision number %lld."), (long long) id);
  else
    td_database_set_error (db, error, rc);
  return NULL;
}

GPtrArray *
td_decision_store_list (TdDatabase  *db,
                        const char  *search,
                        gint64       campaign_id,
                        int          year,
                        GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) td_decision_free);
  g_autofree char *needle = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  stmt = td_database_prepare (db,
                              "SELECT " DECISION_COLUMNS " FROM decisions d "
                              "WHERE (?1 IS NULL OR instr(td_fold(coalesce(d.number, '') || ' ' || "
                              "coalesce(d.title, '') || ' ' || coalesce(d.issuer, '')), ?1) > 0) "
                              "AND (?2 = 0 OR d.campaign_id = ?2) AND (?3 = 0 OR d.year = ?3) "
                              "ORDER BY d.date DESC, d.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  needle = search != NULL ? td_text_fold (search) : NULL;
  td_bind_text (stmt, 1, needle);
  sqlite3_bind_int64 (stmt, 2, MAX (campaign_id, 0));
  sqlite3_bind_int (stmt, 3, year);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (decisions, decision_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return NULL;
    }
  return g_steal_pointer (&decisions);
}

TdDecision *
td_decision_store_find_by_number (TdDatabase  *db,
                                  const char  *number,
                                  GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  g_autofree char *wanted = td_text_normalize (number);
  g_autoptr(TdDecision) found = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  if (wanted == NULL || *wanted == '\0')
    {
      td_set_field_error (error, TD_FIELD_ERROR_REQUIRED, "number",
                          _("Type the number of the decision, such as 123/QĐ-UBND."));
      return NULL;
    }

  stmt = td_database_prepare (db,
                              "SELECT " DECISION_COLUMNS " FROM decisions d WHERE d.number = ?1 "
                              "ORDER BY d.date DESC, d.id DESC LIMIT 2",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, wanted, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (found != NULL)
        {
          td_set_field_error (error, TD_FIELD_ERROR_AMBIGUOUS, "number",
                              _("Several decisions have the number %s. Choose the decision by its id instead."),
                              wanted);
          return NULL;
        }
      found = decision_from_row (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return NULL;
    }
  if (found == NULL)
    td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "number",
                        _("No decision has the number %s. Check the number, or choose the decision from the list."),
                        wanted);
  return g_steal_pointer (&found);
}

/* Lines */

/* The name and «Chức vụ, đơn vị» of a line's recipient from the live
 * records (columns 13–18 of AWARD_QUERY): a person's name and description,
 * or a unit's name and the name of the unit above it. */
static void
live_texts (TdStmt  *stmt,
            char   **name,
            char   **detail)
{
  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    {
      const char *rank = (const char *) sqlite3_column_text (stmt, 16);
      const char *position = (const char *) sqlite3_column_text (stmt, 17);
      const char *unit_name = (const char *) sqlite3_column_text (stmt, 18);
      char *described = td_person_describe (rank, position, unit_name);

      *name = td_column_text (stmt, 15);
      if (*described == '\0')
        g_clear_pointer (&described, g_free);
      *detail = described;
    }
  else
    {
      *name = td_column_text (stmt, 13);
      *detail = td_column_text (stmt, 14);
    }
}

static TdAward *
award_from_row (TdStmt *stmt)
{
  TdAward *award = td_award_new ();

  award->id = sqlite3_column_int64 (stmt, 0);
  award->decision_id = sqlite3_column_int64 (stmt, 1);
  award->form_id = sqlite3_column_int64 (stmt, 2);
  award->unit_id = td_column_id (stmt, 3);
  award->person_id = td_column_id (stmt, 4);
  award->achievement = td_column_text (stmt, 5);
  award->amount = sqlite3_column_int64 (stmt, 6);
  award->amount_overridden = sqlite3_column_int (stmt, 7) != 0;
  award->sort_order = sqlite3_column_int (stmt, 8);
  award->recipient_name = td_column_text (stmt, 9);
  award->recipient_detail = td_column_text (stmt, 10);
  award->form_name = td_column_text (stmt, 11);
  award->form_precedence = sqlite3_column_int (stmt, 12);

  /* The frozen texts go together: an issued line whose unit had no parent
   * keeps its empty detail even if the unit is moved later. */
  if (award->recipient_name != NULL)
    {
      award->display_name = g_strdup (award->recipient_name);
      award->display_detail = g_strdup (award->recipient_detail);
    }
  else
    live_texts (stmt, &award->display_name, &award->display_detail);
  return award;
}

/* Checks a line against its decision, recipient and form, and computes
 * its amount unless overridden (into *@amount). */
static gboolean
validate_award (TdDatabase     *db,
                const TdAward  *award,
                gint64         *amount,
                GError        **error)
{
  g_auto(DecisionState) state = { 0 };
  g_autoptr(TdStmt) form = NULL;
  g_autofree char *form_name = NULL;
  g_autofree char *recipient = NULL;
  gboolean collective = award->unit_id > 0;
  gboolean exists = FALSE;
  int rc;

  if (!require_draft (db, award->decision_id, "decision_id", &state, error))
    return FALSE;

  if (award->unit_id <= 0 && award->person_id <= 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_REQUIRED, "person_id",
                          _("Choose who receives the award: a person or a unit."));
      return FALSE;
    }
  if (award->unit_id > 0 && award->person_id > 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_RANGE, "unit_id",
                          _("An award line goes to one person or one unit, not both. Clear one of them."));
      return FALSE;
    }
  if (collective)
    {
      if (!row_exists (db, "SELECT 1 FROM units WHERE id = ?1", award->unit_id, &exists, error))
        return FALSE;
      if (!exists)
        {
          td_set_field_error (error, TD_FIELD_ERROR_REFERENCE, "unit_id",
                              _("The unit no longer exists. Choose another unit."));
          return FALSE;
        }
    }
  else
    {
      if (!row_exists (db, "SELECT 1 FROM people WHERE id = ?1", award->person_id, &exists, error))
        return FALSE;
      if (!exists)
        {
          td_set_field_error (error, TD_FIELD_ERROR_REFERENCE, "person_id",
                              _("The person no longer exists. Choose another person."));
          return FALSE;
        }
    }

  form = td_database_prepare (db, "SELECT coalesce(name, code, ''), recipient FROM award_forms WHERE id = ?1", error);
  if (form == NULL)
    return FALSE;
  sqlite3_bind_int64 (form, 1, award->form_id);
  rc = sqlite3_step (form);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return FALSE;
    }
  if (rc == SQLITE_DONE)
    {
      td_set_field_error (error, TD_FIELD_ERROR_REFERENCE, "form_id",
                          _("The award form no longer exists. Choose a form from the catalogue."));
      return FALSE;
    }
  form_name = td_column_text (form, 0);
  recipient = td_column_text (form, 1);
  if (collective && g_strcmp0 (recipient, "individual") == 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_RANGE, "form_id",
                          _("“%s” is given to individuals only, not to a unit. Choose another form."),
                          form_name);
      return FALSE;
    }
  if (!collective && g_strcmp0 (recipient, "collective") == 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_RANGE, "form_id",
                          _("“%s” is given to collectives only, not to a person. Choose another form."),
                          form_name);
      return FALSE;
    }

  if (award->amount_overridden)
    {
      if (award->amount < 0)
        {
          td_set_field_error (error, TD_FIELD_ERROR_RANGE, "amount",
                              _("The amount cannot be negative. Type 0 or more đồng."));
          return FALSE;
        }
      *amount = award->amount;
      return TRUE;
    }
  return td_catalogue_store_compute_bonus (db, award->form_id, collective, state.date, amount, error);
}

/* Binds ?1–?10 of a line. */
static void
bind_award (TdStmt        *stmt,
            const TdAward *award,
            gint64         amount,
            int            sort_order)
{
  g_autofree char *achievement = td_text_normalize_lines (award->achievement, TRUE);
  g_autofree char *recipient_name = td_text_normalize (award->recipient_name);
  g_autofree char *recipient_detail = td_text_normalize (award->recipient_detail);

  sqlite3_bind_int64 (stmt, 1, award->decision_id);
  sqlite3_bind_int64 (stmt, 2, award->form_id);
  td_bind_id (stmt, 3, award->unit_id);
  td_bind_id (stmt, 4, award->person_id);
  td_bind_text (stmt, 5, achievement);
  sqlite3_bind_int64 (stmt, 6, amount);
  sqlite3_bind_int (stmt, 7, award->amount_overridden ? 1 : 0);
  sqlite3_bind_int (stmt, 8, sort_order);
  td_bind_text (stmt, 9, recipient_name);
  td_bind_text (stmt, 10, recipient_detail);
}

gboolean
td_decision_store_insert_award (TdDatabase  *db,
                                TdAward     *award,
                                GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  gint64 amount = 0;
  int sort_order = award != NULL ? award->sort_order : 0;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (award != NULL, FALSE);

  if (!td_database_begin (db, error))
    return FALSE;

  if (!validate_award (db, award, &amount, error))
    goto fail;

  if (sort_order == 0)
    {
      g_autoptr(TdStmt) last = td_database_prepare (db,
                                                    "SELECT coalesce(max(sort_order), 0) + 1 FROM awards WHERE decision_id = ?1",
                                                    error);
      int rc;

      if (last == NULL)
        goto fail;
      sqlite3_bind_int64 (last, 1, award->decision_id);
      rc = sqlite3_step (last);
      if (rc != SQLITE_ROW)
        {
          td_database_set_error (db, error, rc);
          goto fail;
        }
      sort_order = sqlite3_column_int (last, 0);
    }

  stmt = td_database_prepare (db,
                              "INSERT INTO awards (decision_id, form_id, unit_id, person_id, achievement, amount, "
                              "amount_overridden, sort_order, recipient_name, recipient_detail) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                              error);
  if (stmt == NULL)
    goto fail;
  bind_award (stmt, award, amount, sort_order);
  if (!td_database_step_done (db, stmt, error) ||
      !td_database_commit (db, error))
    goto fail;

  award->id = sqlite3_last_insert_rowid (td_database_get_handle (db));
  award->amount = amount;
  award->sort_order = sort_order;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

/* The decision a stored line belongs to, 0 when there is no such line. */
static gboolean
award_decision (TdDatabase  *db,
                gint64       award_id,
                gint64      *decision_id,
                GError     **error)
{
  g_autoptr(TdStmt) stmt = td_database_prepare (db, "SELECT decision_id FROM awards WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, award_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return FALSE;
    }
  *decision_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static void
set_missing_award_error (GError **error)
{
  td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id",
                      _("The award line no longer exists. Reload the decision."));
}

gboolean
td_decision_store_update_award (TdDatabase     *db,
                                const TdAward  *award,
                                GError        **error)
{
  g_auto(DecisionState) state = { 0 };
  g_autoptr(TdStmt) stmt = NULL;
  gint64 current = 0;
  gint64 amount = 0;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (award != NULL && award->id > 0, FALSE);

  if (!td_database_begin (db, error))
    return FALSE;

  if (!award_decision (db, award->id, &current, error))
    goto fail;
  if (current == 0)
    {
      set_missing_award_error (error);
      goto fail;
    }
  /* A line leaves its decision only if that one is a draft too. */
  if ((current != award->decision_id && !require_draft (db, current, "id", &state, error)) ||
      !validate_award (db, award, &amount, error))
    goto fail;

  stmt = td_database_prepare (db,
                              "UPDATE awards SET decision_id = ?1, form_id = ?2, unit_id = ?3, person_id = ?4, "
                              "achievement = ?5, amount = ?6, amount_overridden = ?7, sort_order = ?8, "
                              "recipient_name = ?9, recipient_detail = ?10 WHERE id = ?11",
                              error);
  if (stmt == NULL)
    goto fail;
  bind_award (stmt, award, amount, award->sort_order);
  sqlite3_bind_int64 (stmt, 11, award->id);
  if (!td_database_step_done (db, stmt, error) ||
      !td_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

gboolean
td_decision_store_delete_award (TdDatabase  *db,
                                gint64       id,
                                GError     **error)
{
  g_auto(DecisionState) state = { 0 };
  g_autoptr(TdStmt) stmt = NULL;
  gint64 decision_id = 0;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);

  if (!td_database_begin (db, error))
    return FALSE;

  if (!award_decision (db, id, &decision_id, error))
    goto fail;
  if (decision_id == 0)
    {
      set_missing_award_error (error);
      goto fail;
    }
  if (!require_draft (db, decision_id, "id", &state, error))
    goto fail;

  stmt = td_database_prepare (db, "DELETE FROM awards WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!td_database_step_done (db, stmt, error) ||
      !td_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

TdAward *
td_decision_store_get_award (TdDatabase  *db,
                             gint64       id,
                             GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  stmt = td_database_prepare (db, AWARD_QUERY "WHERE a.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return award_from_row (stmt);
  if (rc == SQLITE_DONE)
    td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id",
                        _("There is no award line number %lld."), (long long) id);
  else
    td_database_set_error (db, error, rc);
  return NULL;
}

static gboolean
collect_award (TdAward  *award,
               gpointer  user_data,
               GError  **error)
{
  g_ptr_array_add (user_data, award);
  return TRUE;
}

GPtrArray *
td_decision_store_list_awards (TdDatabase  *db,
                               gint64       decision_id,
                               GError     **error)
{
  g_autoptr(GPtrArray) awards = g_ptr_array_new_with_free_func ((GDestroyNotify) td_award_free);

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  if (!td_decision_store_foreach_award (db, decision_id, collect_award, awards, error))
    return NULL;
  return g_steal_pointer (&awards);
}

/* Each line in the decision's order, handed over to @func one by one:
 * a long decision is never held twice in memory. */
gboolean
td_decision_store_foreach_award (TdDatabase  *db,
                                 gint64       decision_id,
                                 TdAwardFunc  func,
                                 gpointer     user_data,
                                 GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = td_database_prepare (db, AWARD_QUERY "WHERE a.decision_id = ?1 ORDER BY a.sort_order, a.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, decision_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!func (award_from_row (stmt), user_data, error))
      return FALSE;
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* Every line of @decision_id that is not overridden gets the bonus in
 * force on @date.  The caller holds the transaction. */
static gboolean
recompute_lines (TdDatabase  *db,
                 gint64       decision_id,
                 const char  *date,
                 GError     **error)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (ComputedLine));
  g_autoptr(TdStmt) select = NULL;
  int rc;

  select = td_database_prepare (db,
                                "SELECT id, form_id, unit_id IS NOT NULL FROM awards "
                                "WHERE decision_id = ?1 AND amount_overridden = 0",
                                error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, decision_id);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      ComputedLine line = {
        .id = sqlite3_column_int64 (select, 0),
        .form_id = sqlite3_column_int64 (select, 1),
        .collective = sqlite3_column_int (select, 2) != 0,
      };

      g_array_append_val (lines, line);
    }
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return FALSE;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      const ComputedLine *line = &g_array_index (lines, ComputedLine, i);
      g_autoptr(TdStmt) update = NULL;
      gint64 amount = 0;

      if (!td_catalogue_store_compute_bonus (db, line->form_id, line->collective, date, &amount, error))
        return FALSE;
      update = td_database_prepare (db, "UPDATE awards SET amount = ?1 WHERE id = ?2", error);
      if (update == NULL)
        return FALSE;
      sqlite3_bind_int64 (update, 1, amount);
      sqlite3_bind_int64 (update, 2, line->id);
      if (!td_database_step_done (db, update, error))
        return FALSE;
    }
  return TRUE;
}

/* Freezes the name and «Chức vụ, đơn vị» of every line from the live
 * records, so a reprint never changes after a promotion or a merger. */
static gboolean
freeze_texts (TdDatabase  *db,
              gint64       decision_id,
              GError     **error)
{
  g_autoptr(GPtrArray) frozen = g_ptr_array_new_with_free_func ((GDestroyNotify) frozen_texts_free);
  g_autoptr(TdStmt) select = NULL;
  int rc;

  select = td_database_prepare (db, AWARD_QUERY "WHERE a.decision_id = ?1 ORDER BY a.sort_order, a.id", error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, decision_id);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      FrozenTexts *texts = g_new0 (FrozenTexts, 1);

      texts->id = sqlite3_column_int64 (select, 0);
      live_texts (select, &texts->name, &texts->detail);
      g_ptr_array_add (frozen, texts);
    }
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return FALSE;
    }

  for (guint i = 0; i < frozen->len; i++)
    {
      FrozenTexts *texts = g_ptr_array_index (frozen, i);
      g_autoptr(TdStmt) update = NULL;

      update = td_database_prepare (db,
                                    "UPDATE awards SET recipient_name = ?1, recipient_detail = ?2 WHERE id = ?3",
                                    error);
      if (update == NULL)
        return FALSE;
      td_bind_text (update, 1, texts->name);
      td_bind_text (update, 2, texts->detail);
      sqlite3_bind_int64 (update, 3, texts->id);
      if (!td_database_step_done (db, update, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
td_decision_store_issue (TdDatabase  *db,
                         gint64       id,
                         const char  *number,
                         const char  *date,
                         GError     **error)
{
  g_auto(DecisionState) state = { 0 };
  g_autoptr(TdStmt) stmt = NULL;
  g_autofree char *wanted = td_text_normalize (number);
  gboolean new_date = date != NULL && *date != '\0';

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);

  if (wanted == NULL || *wanted == '\0')
    {
      td_set_field_error (error, TD_FIELD_ERROR_REQUIRED, "number",
                          _("An issued decision needs its number. Type the number, such as 123/QĐ-UBND."));
      return FALSE;
    }
  if (new_date && !check_date (date, error))
    return FALSE;

  if (!td_database_begin (db, error))
    return FALSE;

  if (!require_draft (db, id, "id", &state, error))
    goto fail;

  stmt = td_database_prepare (db, "UPDATE decisions SET number = ?1, date = coalesce(?2, date) WHERE id = ?3",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, wanted, -1, SQLITE_TRANSIENT);
  td_bind_text (stmt, 2, new_date ? date : NULL);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!td_database_step_done (db, stmt, error))
    goto fail;

  /* The bonus locked in is the one in force on the decision's date
   * (DOMAIN.md), with the catalogue as it is now. */
  if (!recompute_lines (db, id, new_date ? date : state.date, error))
    goto fail;

  if (!freeze_texts (db, id, error) ||
      !td_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

gboolean
td_decision_store_reopen (TdDatabase  *db,
                          gint64       id,
                          GError     **error)
{
  g_auto(DecisionState) state = { 0 };
  g_autoptr(TdStmt) decision = NULL;
  g_autoptr(TdStmt) awards = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);

  if (!td_database_begin (db, error))
    return FALSE;

  if (!read_decision_state (db, id, &state, error))
    goto fail;
  if (!state.exists)
    {
      set_missing_decision_error (error);
      goto fail;
    }

  decision = td_database_prepare (db, "UPDATE decisions SET number = NULL WHERE id = ?1", error);
  if (decision == NULL)
    goto fail;
  sqlite3_bind_int64 (decision, 1, id);
  if (!td_database_step_done (db, decision, error))
    goto fail;

  awards = td_database_prepare (db,
                                "UPDATE awards SET recipient_name = NULL, recipient_detail = NULL "
                                "WHERE decision_id = ?1",
                                error);
  if (awards == NULL)
    goto fail;
  sqlite3_bind_int64 (awards, 1, id);
  if (!td_database_step_done (db, awards, error) ||
      !td_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

gboolean
td_decision_store_recompute (TdDatabase  *db,
                             gint64       decision_id,
                             GError     **error)
{
  g_auto(DecisionState) state = { 0 };

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);

  if (!td_database_begin (db, error))
    return FALSE;

  if (!require_draft (db, decision_id, "id", &state, error) ||
      !recompute_lines (db, decision_id, state.date, error) ||
      !td_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

/* After a change of the catalogue, the base salaries or the rounding:
 * every draft follows (issued decisions keep what they locked in).  One
 * transaction. */
gboolean
td_decision_store_recompute_drafts (TdDatabase  *db,
                                    GError     **error)
{
  g_autoptr(GPtrArray) decisions = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);

  decisions = td_decision_store_list (db, NULL, 0, 0, error);
  if (decisions == NULL || !td_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < decisions->len; i++)
    {
      TdDecision *decision = g_ptr_array_index (decisions, i);

      if (decision->number == NULL && !recompute_lines (db, decision->id, decision->date, error))
        {
          td_database_rollback (db);
          return FALSE;
        }
    }
  return td_database_commit (db, error);
}
