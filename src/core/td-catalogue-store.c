#define G_LOG_DOMAIN "td-catalogue-store"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "td-catalogue-store.h"
#include "td-database-private.h"
#include "td-date.h"
#include "td-money.h"
#include "td-settings-store.h"
#include "td-text.h"

#define FORM_COLUMNS "id, code, name, family, recipient, precedence, archived"

/* Helpers */

static const char *
family_to_string (TdAwardFamily family)
{
  return family == TD_FAMILY_COMMENDATION ? "commendation" : "title";
}

static TdAwardFamily
family_from_string (const char *text)
{
  return g_strcmp0 (text, "commendation") == 0 ? TD_FAMILY_COMMENDATION : TD_FAMILY_TITLE;
}

static const char *
recipient_to_string (TdRecipientKind recipient)
{
  switch (recipient)
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

static TdRecipientKind
recipient_from_string (const char *text)
{
  if (g_strcmp0 (text, "individual") == 0)
    return TD_RECIPIENT_INDIVIDUAL;
  if (g_strcmp0 (text, "collective") == 0)
    return TD_RECIPIENT_COLLECTIVE;
  return TD_RECIPIENT_BOTH;
}

/* «05/06/2025»: how a date reads in a message. */
static char *
display_date (const char *iso)
{
  GDate date;
  char buffer[16];

  if (!td_date_parse_iso (iso, &date))
    return g_strdup (iso != NULL ? iso : "");
  g_date_strftime (buffer, sizeof buffer, "%d/%m/%Y", &date);
  return g_strdup (buffer);
}

static gboolean
check_date (const char  *date,
            const char  *field,
            GError     **error)
{
  if (date == NULL || *date == '\0')
    {
      td_set_field_error (error, TD_FIELD_ERROR_REQUIRED, field,
                          _("The date is missing. Type a date such as 2025-07-01."));
      return FALSE;
    }
  if (!td_date_is_valid (date))
    {
      td_set_field_error (error, TD_FIELD_ERROR_FORMAT, field,
                          _("“%s” is not a valid date. Type a date such as 2025-07-01."), date);
      return FALSE;
    }
  return TRUE;
}

static TdAwardForm *
form_from_row (TdStmt *stmt)
{
  TdAwardForm *form = td_award_form_new ();
  g_autofree char *family = td_column_text (stmt, 3);
  g_autofree char *recipient = td_column_text (stmt, 4);

  form->id = sqlite3_column_int64 (stmt, 0);
  form->code = td_column_text (stmt, 1);
  form->name = td_column_text (stmt, 2);
  form->family = family_from_string (family);
  form->recipient = recipient_from_string (recipient);
  form->precedence = sqlite3_column_int (stmt, 5);
  form->archived = sqlite3_column_int (stmt, 6) != 0;
  return form;
}

/* The name of form @id for messages; NULL in *@name when there is no such form. */
static gboolean
lookup_form_name (TdDatabase  *db,
                  gint64       id,
                  char       **name,
                  GError     **error)
{
  g_autoptr(TdStmt) stmt = td_database_prepare (db,
                                                "SELECT coalesce(name, code, '') FROM award_forms WHERE id = ?1",
                                                error);
  int rc;

  *name = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *name = td_column_text (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return FALSE;
    }
  return TRUE;
}

static void
set_no_form_error (GError **error,
                   gint64   id)
{
  td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "form_id",
                      _("There is no award form number %lld. Choose a form from the catalogue."),
                      (long long) id);
}

static gboolean
validate_form (TdDatabase         *db,
               const TdAwardForm  *form,
               GError            **error)
{
  g_autofree char *name = td_text_normalize (form->name);
  g_autofree char *code = td_text_normalize (form->code);

  if (name == NULL || *name == '\0')
    {
      td_set_field_error (error, TD_FIELD_ERROR_REQUIRED, "name",
                          _("The award form needs a name. Type its name, such as “Bằng khen”."));
      return FALSE;
    }
  if (form->family != TD_FAMILY_TITLE && form->family != TD_FAMILY_COMMENDATION)
    {
      td_set_field_error (error, TD_FIELD_ERROR_RANGE, "family",
                          _("Choose whether the form is a title or a commendation."));
      return FALSE;
    }
  if (form->recipient != TD_RECIPIENT_INDIVIDUAL &&
      form->recipient != TD_RECIPIENT_COLLECTIVE &&
      form->recipient != TD_RECIPIENT_BOTH)
    {
      td_set_field_error (error, TD_FIELD_ERROR_RANGE, "recipient",
                          _("Choose whether the form is given to individuals, collectives or both."));
      return FALSE;
    }
  if (code != NULL && *code != '\0')
    {
      g_autoptr(TdStmt) stmt = NULL;
      int rc;

      for (const char *p = code; *p; p++)
        if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
          {
            td_set_field_error (error, TD_FIELD_ERROR_FORMAT, "code",
                                _("The code “%s” may only hold lower-case letters a–z without marks, digits and “_”, such as “bang_khen_tinh”."),
                                code);
            return FALSE;
          }

      stmt = td_database_prepare (db, "SELECT coalesce(name, '') FROM award_forms WHERE code = ?1 AND id <> ?2",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, form->id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          td_set_field_error (error, TD_FIELD_ERROR_AMBIGUOUS, "code",
                              _("The code “%s” is already used by “%s”. Choose another code."),
                              code, (const char *) sqlite3_column_text (stmt, 0));
          return FALSE;
        }
      if (rc != SQLITE_DONE)
        {
          td_database_set_error (db, error, rc);
          return FALSE;
        }
    }
  return TRUE;
}

static void
bind_form (TdStmt            *stmt,
           const TdAwardForm *form)
{
  g_autofree char *code = td_text_normalize (form->code);
  g_autofree char *name = td_text_normalize (form->name);

  td_bind_text (stmt, 1, code);
  td_bind_text (stmt, 2, name);
  sqlite3_bind_text (stmt, 3, family_to_string (form->family), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, recipient_to_string (form->recipient), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, form->precedence);
  sqlite3_bind_int (stmt, 6, form->archived ? 1 : 0);
}

/* Forms */

gboolean
td_catalogue_store_insert_form (TdDatabase   *db,
                                TdAwardForm  *form,
                                GError      **error)
{
  g_autoptr(TdStmt) stmt = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (form != NULL, FALSE);

  if (!validate_form (db, form, error))
    return FALSE;

  stmt = td_database_prepare (db,
                              "INSERT INTO award_forms (code, name, family, recipient, precedence, archived) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_form (stmt, form);
  if (!td_database_step_done (db, stmt, error))
    return FALSE;

  form->id = sqlite3_last_insert_rowid (td_database_get_handle (db));
  return TRUE;
}

gboolean
td_catalogue_store_update_form (TdDatabase         *db,
                                const TdAwardForm  *form,
                                GError            **error)
{
  g_autoptr(TdStmt) stmt = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (form != NULL && form->id > 0, FALSE);

  if (!validate_form (db, form, error))
    return FALSE;

  stmt = td_database_prepare (db,
                              "UPDATE award_forms SET code = ?1, name = ?2, family = ?3, recipient = ?4, "
                              "precedence = ?5, archived = ?6 WHERE id = ?7",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_form (stmt, form);
  sqlite3_bind_int64 (stmt, 7, form->id);
  if (!td_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (td_database_get_handle (db)) == 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id",
                          _("The award form no longer exists. Reload the catalogue."));
      return FALSE;
    }
  return TRUE;
}

gboolean
td_catalogue_store_delete_form (TdDatabase  *db,
                                gint64       id,
                                GError     **error)
{
  g_autoptr(TdStmt) uses = NULL;
  g_autoptr(TdStmt) rates = NULL;
  g_autoptr(TdStmt) stmt = NULL;
  gint64 awards;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);

  uses = td_database_prepare (db, "SELECT count(*) FROM awards WHERE form_id = ?1", error);
  if (uses == NULL)
    return FALSE;
  sqlite3_bind_int64 (uses, 1, id);
  rc = sqlite3_step (uses);
  if (rc != SQLITE_ROW)
    {
      td_database_set_error (db, error, rc);
      return FALSE;
    }
  awards = sqlite3_column_int64 (uses, 0);
  if (awards > 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_IN_USE, "id",
                          g_dngettext (GETTEXT_PACKAGE,
                                       "The award form cannot be deleted: %d award uses it. Archive it instead.",
                                       "The award form cannot be deleted: %d awards use it. Archive it instead.",
                                       awards),
                          (int) awards);
      return FALSE;
    }

  if (!td_database_begin (db, error))
    return FALSE;

  rates = td_database_prepare (db, "DELETE FROM award_form_rates WHERE form_id = ?1", error);
  if (rates == NULL)
    goto fail;
  sqlite3_bind_int64 (rates, 1, id);
  if (!td_database_step_done (db, rates, error))
    goto fail;

  stmt = td_database_prepare (db, "DELETE FROM award_forms WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!td_database_step_done (db, stmt, error))
    goto fail;
  if (sqlite3_changes (td_database_get_handle (db)) == 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id",
                          _("The award form no longer exists. Reload the catalogue."));
      goto fail;
    }
  if (!td_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

TdAwardForm *
td_catalogue_store_get_form (TdDatabase  *db,
                             gint64       id,
                             GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  stmt = td_database_prepare (db, "SELECT " FORM_COLUMNS " FROM award_forms WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return form_from_row (stmt);
  if (rc == SQLITE_DONE)
    td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id",
                        _("There is no award form number %lld."), (long long) id);
  else
    td_database_set_error (db, error, rc);
  return NULL;
}

TdAwardForm *
td_catalogue_store_get_form_by_code (TdDatabase  *db,
                                     const char  *code,
                                     GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  stmt = td_database_prepare (db, "SELECT " FORM_COLUMNS " FROM award_forms WHERE code = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code != NULL ? code : "", -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return form_from_row (stmt);
  if (rc == SQLITE_DONE)
    td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "code",
                        _("There is no award form with the code “%s”. Check the code in the catalogue."),
                        code != NULL ? code : "");
  else
    td_database_set_error (db, error, rc);
  return NULL;
}

GPtrArray *
td_catalogue_store_list_forms (TdDatabase  *db,
                               const char  *search,
                               gboolean     include_archived,
                               GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  g_autoptr(GPtrArray) forms = g_ptr_array_new_with_free_func ((GDestroyNotify) td_award_form_free);
  g_autofree char *needle = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  stmt = td_database_prepare (db,
                              "SELECT " FORM_COLUMNS " FROM award_forms "
                              "WHERE (?1 OR archived = 0) AND (?2 IS NULL"
                              "  OR instr(td_fold(coalesce(name, '')), ?2) > 0"
                              "  OR instr(td_fold(coalesce(code, '')), ?2) > 0) "
                              "ORDER BY precedence, id",
                              error);
  if (stmt == NULL)
    return NULL;

  needle = search != NULL ? td_text_fold (search) : NULL;
  sqlite3_bind_int (stmt, 1, include_archived ? 1 : 0);
  td_bind_text (stmt, 2, needle);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (forms, form_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return NULL;
    }
  return g_steal_pointer (&forms);
}

/* Rates */

static TdAwardRate *
rate_from_row (TdStmt *stmt)
{
  TdAwardRate *rate = td_award_rate_new ();

  rate->form_id = sqlite3_column_int64 (stmt, 0);
  rate->effective_from = td_column_text (stmt, 1);
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    rate->coef_individual = sqlite3_column_double (stmt, 2);
  if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
    rate->coef_collective = sqlite3_column_double (stmt, 3);
  return rate;
}

static void
bind_coefficient (TdStmt *stmt,
                  int     index,
                  double  coefficient)
{
  if (coefficient < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, coefficient);
}

gboolean
td_catalogue_store_set_rate (TdDatabase         *db,
                             const TdAwardRate  *rate,
                             GError            **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rate != NULL, FALSE);

  if (!lookup_form_name (db, rate->form_id, &name, error))
    return FALSE;
  if (name == NULL)
    {
      td_set_field_error (error, TD_FIELD_ERROR_REFERENCE, "form_id",
                          _("The award form no longer exists. Reload the catalogue."));
      return FALSE;
    }
  if (!check_date (rate->effective_from, "effective_from", error))
    return FALSE;
  if (isnan (rate->coef_individual) || isinf (rate->coef_individual))
    {
      td_set_field_error (error, TD_FIELD_ERROR_RANGE, "coef_individual",
                          _("The coefficient for individuals is not a number. Type a number such as 1.5."));
      return FALSE;
    }
  if (isnan (rate->coef_collective) || isinf (rate->coef_collective))
    {
      td_set_field_error (error, TD_FIELD_ERROR_RANGE, "coef_collective",
                          _("The coefficient for collectives is not a number. Type a number such as 3.0."));
      return FALSE;
    }
  if (rate->coef_individual < 0 && rate->coef_collective < 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_REQUIRED, "coef_individual",
                          _("Give a coefficient for individuals, for collectives, or for both."));
      return FALSE;
    }

  stmt = td_database_prepare (db,
                              "INSERT INTO award_form_rates (form_id, effective_from, coef_individual, coef_collective) "
                              "VALUES (?1, ?2, ?3, ?4) "
                              "ON CONFLICT (form_id, effective_from) DO UPDATE SET "
                              "coef_individual = excluded.coef_individual, coef_collective = excluded.coef_collective",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rate->form_id);
  sqlite3_bind_text (stmt, 2, rate->effective_from, -1, SQLITE_TRANSIENT);
  bind_coefficient (stmt, 3, rate->coef_individual);
  bind_coefficient (stmt, 4, rate->coef_collective);
  return td_database_step_done (db, stmt, error);
}

gboolean
td_catalogue_store_delete_rate (TdDatabase  *db,
                                gint64       form_id,
                                const char  *effective_from,
                                GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);

  stmt = td_database_prepare (db,
                              "DELETE FROM award_form_rates WHERE form_id = ?1 AND effective_from = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, form_id);
  sqlite3_bind_text (stmt, 2, effective_from != NULL ? effective_from : "", -1, SQLITE_TRANSIENT);
  if (!td_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (td_database_get_handle (db)) == 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "effective_from",
                          _("The coefficient no longer exists. Reload the catalogue."));
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
td_catalogue_store_list_rates (TdDatabase  *db,
                               gint64       form_id,
                               GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  g_autoptr(GPtrArray) rates = g_ptr_array_new_with_free_func ((GDestroyNotify) td_award_rate_free);
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  stmt = td_database_prepare (db,
                              "SELECT form_id, effective_from, coef_individual, coef_collective "
                              "FROM award_form_rates WHERE form_id = ?1 ORDER BY effective_from",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, form_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rates, rate_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return NULL;
    }
  return g_steal_pointer (&rates);
}

TdAwardRate *
td_catalogue_store_rate_on (TdDatabase  *db,
                            gint64       form_id,
                            const char  *date,
                            GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  if (!check_date (date, "date", error))
    return NULL;

  stmt = td_database_prepare (db,
                              "SELECT form_id, effective_from, coef_individual, coef_collective "
                              "FROM award_form_rates WHERE form_id = ?1 AND effective_from <= ?2 "
                              "ORDER BY effective_from DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, form_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return rate_from_row (stmt);
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return NULL;
    }

  if (!lookup_form_name (db, form_id, &name, error))
    return NULL;
  if (name == NULL)
    {
      set_no_form_error (error, form_id);
      return NULL;
    }
  shown = display_date (date);
  td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "form_id",
                      _("The award form “%s” has no coefficient in force on %s. Add a coefficient from that date or earlier in the catalogue."),
                      name, shown);
  return NULL;
}

/* Base salaries */

gboolean
td_catalogue_store_set_base_salary (TdDatabase          *db,
                                    const TdBaseSalary  *salary,
                                    GError             **error)
{
  g_autoptr(TdStmt) stmt = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (salary != NULL, FALSE);

  if (!check_date (salary->effective_from, "effective_from", error))
    return FALSE;
  if (salary->amount <= 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_RANGE, "amount",
                          _("The base salary must be more than 0 đồng. Type the amount per month, such as 2340000."));
      return FALSE;
    }

  stmt = td_database_prepare (db,
                              "INSERT INTO base_salaries (effective_from, amount) VALUES (?1, ?2) "
                              "ON CONFLICT (effective_from) DO UPDATE SET amount = excluded.amount",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, salary->effective_from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, salary->amount);
  return td_database_step_done (db, stmt, error);
}

gboolean
td_catalogue_store_delete_base_salary (TdDatabase  *db,
                                       const char  *effective_from,
                                       GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);

  stmt = td_database_prepare (db, "DELETE FROM base_salaries WHERE effective_from = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, effective_from != NULL ? effective_from : "", -1, SQLITE_TRANSIENT);
  if (!td_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (td_database_get_handle (db)) == 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "effective_from",
                          _("The base salary no longer exists. Reload the list."));
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
td_catalogue_store_list_base_salaries (TdDatabase  *db,
                                       GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  g_autoptr(GPtrArray) salaries = g_ptr_array_new_with_free_func ((GDestroyNotify) td_base_salary_free);
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  stmt = td_database_prepare (db,
                              "SELECT effective_from, amount FROM base_salaries ORDER BY effective_from",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TdBaseSalary *salary = td_base_salary_new ();

      salary->effective_from = td_column_text (stmt, 0);
      salary->amount = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (salaries, salary);
    }
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return NULL;
    }
  return g_steal_pointer (&salaries);
}

gboolean
td_catalogue_store_base_salary_on (TdDatabase  *db,
                                   const char  *date,
                                   gint64      *amount,
                                   GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  g_autofree char *shown = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (amount != NULL, FALSE);

  if (!check_date (date, "date", error))
    return FALSE;

  stmt = td_database_prepare (db,
                              "SELECT amount FROM base_salaries WHERE effective_from <= ?1 "
                              "ORDER BY effective_from DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *amount = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return FALSE;
    }
  shown = display_date (date);
  td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "date",
                      _("No base salary is recorded for %s. Add the base salary in force on that date in the catalogue."),
                      shown);
  return FALSE;
}

/* DOMAIN.md: coefficient × base salary in force on the decision's date,
 * rounded as the settings say. */
gboolean
td_catalogue_store_compute_bonus (TdDatabase  *db,
                                  gint64       form_id,
                                  gboolean     collective,
                                  const char  *date,
                                  gint64      *amount,
                                  GError     **error)
{
  g_autoptr(TdAwardRate) rate = NULL;
  gint64 base = 0;
  double coefficient;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (amount != NULL, FALSE);

  rate = td_catalogue_store_rate_on (db, form_id, date, error);
  if (rate == NULL)
    return FALSE;

  coefficient = collective ? rate->coef_collective : rate->coef_individual;
  if (coefficient < 0)
    {
      g_autofree char *name = NULL;

      if (!lookup_form_name (db, form_id, &name, error))
        return FALSE;
      if (collective)
        td_set_field_error (error, TD_FIELD_ERROR_RANGE, "form_id",
                            _("The award form “%s” is not given to collectives. Choose another form."),
                            name != NULL ? name : "");
      else
        td_set_field_error (error, TD_FIELD_ERROR_RANGE, "form_id",
                            _("The award form “%s” is not given to individuals. Choose another form."),
                            name != NULL ? name : "");
      return FALSE;
    }

  if (!td_catalogue_store_base_salary_on (db, date, &base, error))
    return FALSE;

  *amount = td_money_bonus (coefficient, base, td_settings_store_get_rounding (db));
  return TRUE;
}
