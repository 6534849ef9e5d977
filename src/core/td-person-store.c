#define G_LOG_DOMAIN "td-person-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-database-private.h"
#include "td-person-store.h"
#include "td-text.h"

#define PERSON_COLUMNS \
  "p.id, p.full_name, p.gender, p.birth_year, p.position, p.rank, p.unit_id, p.note, u.name"

static TdPerson *
person_from_row (TdStmt *stmt)
{
  TdPerson *person = td_person_new ();
  const char *gender = (const char *) sqlite3_column_text (stmt, 2);

  person->id = sqlite3_column_int64 (stmt, 0);
  person->full_name = td_column_text (stmt, 1);
  if (!td_gender_from_string (gender, &person->gender))
    person->gender = TD_GENDER_UNKNOWN;
  person->birth_year = sqlite3_column_int (stmt, 3);
  person->position = td_column_text (stmt, 4);
  person->rank = td_column_text (stmt, 5);
  person->unit_id = td_column_id (stmt, 6);
  person->note = td_column_text (stmt, 7);
  person->unit_name = td_column_text (stmt, 8);
  return person;
}

static gboolean
validate (TdDatabase      *db,
          const TdPerson  *person,
          GError         **error)
{
  g_autofree char *name = td_text_normalize (person->full_name);

  if (name == NULL || *name == '\0')
    {
      td_set_field_error (error, TD_FIELD_ERROR_REQUIRED, "full_name",
                          _("The person needs a full name. Type the family, middle and given names."));
      return FALSE;
    }
  if (person->birth_year != 0 && (person->birth_year < 1900 || person->birth_year > 2100))
    {
      td_set_field_error (error, TD_FIELD_ERROR_RANGE, "birth_year",
                          _("The year of birth %d is not possible. Type a year between 1900 and 2100, or leave it empty."),
                          person->birth_year);
      return FALSE;
    }
  if (person->gender != TD_GENDER_UNKNOWN && person->gender != TD_GENDER_MALE &&
      person->gender != TD_GENDER_FEMALE)
    {
      td_set_field_error (error, TD_FIELD_ERROR_RANGE, "gender",
                          _("The gender is not known. Choose male, female or leave it empty."));
      return FALSE;
    }
  if (person->unit_id > 0)
    {
      g_autoptr(TdStmt) stmt = td_database_prepare (db, "SELECT 1 FROM units WHERE id = ?1", error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person->unit_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          td_set_field_error (error, TD_FIELD_ERROR_REFERENCE, "unit_id",
                              _("The unit no longer exists. Choose another unit."));
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        {
          td_database_set_error (db, error, rc);
          return FALSE;
        }
    }
  return TRUE;
}

static void
bind_person (TdStmt         *stmt,
             const TdPerson *person)
{
  g_autofree char *name = td_text_normalize (person->full_name);
  g_autofree char *position = td_text_normalize (person->position);
  g_autofree char *rank = td_text_normalize (person->rank);
  g_autofree char *note = td_text_normalize (person->note);

  td_bind_text (stmt, 1, name);
  td_bind_text (stmt, 2, td_gender_to_string (person->gender));
  td_bind_int_or_null (stmt, 3, person->birth_year);
  td_bind_text (stmt, 4, position);
  td_bind_text (stmt, 5, rank);
  td_bind_id (stmt, 6, person->unit_id);
  td_bind_text (stmt, 7, note);
}

gboolean
td_person_store_insert (TdDatabase  *db,
                        TdPerson    *person,
                        GError     **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (person != NULL, FALSE);

  g_ptr_array_add (one, person);
  return td_person_store_insert_many (db, one, error);
}

static void
append_json_text (GString    *json,
                  const char *text)
{
  if (text == NULL || *text == '\0')
    {
      g_string_append (json, "null");
      return;
    }
  g_string_append_c (json, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (json, '\\');
      if ((guchar) *p < 0x20)
        g_string_append_printf (json, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (json, *p);
    }
  g_string_append_c (json, '"');
}

/* The rows and their derived data in one statement, however many: per
 * statement, SQLite's work costs far more than the row's (100,000 people:
 * 0.5 s as one statement, 2 s as many). */
static const char *
insert_many_sql (void)
{
  static gsize sql;

  if (g_once_init_enter (&sql))
    {
      const char *search, *sort_key;
      const char *source = td_database_derived_sql ("people", &search, &sort_key);

      g_once_init_leave (&sql, (gsize)
                         g_strdup_printf ("INSERT INTO people (full_name, gender, birth_year, position, rank, "
                                          "unit_id, note, search_text, sort_key, derived_from) "
                                          "SELECT full_name, gender, birth_year, position, rank, unit_id, "
                                          "note, %s, %s, %s FROM (SELECT value ->> 0 AS full_name, "
                                          "value ->> 1 AS gender, value ->> 2 AS birth_year, "
                                          "value ->> 3 AS position, value ->> 4 AS rank, "
                                          "value ->> 5 AS unit_id, value ->> 6 AS note "
                                          "FROM json_each (?1) ORDER BY key)",
                                          search, sort_key, source));
    }
  return (const char *) sql;
}

gboolean
td_person_store_insert_many (TdDatabase  *db,
                             GPtrArray   *people,
                             GError     **error)
{
  g_autoptr(GHashTable) units_seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(TdStmt) stmt = NULL;
  gint64 last, before;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (people != NULL, FALSE);

  if (people->len == 0)
    return TRUE;
  for (guint i = 0; i < people->len; i++)
    {
      TdPerson *person = g_ptr_array_index (people, i);
      gint64 unit_id = person->unit_id;
      g_autofree char *name = NULL;
      g_autofree char *position = NULL;
      g_autofree char *rank = NULL;
      g_autofree char *note = NULL;

      /* A unit is looked up once, not for each of its people. */
      person->unit_id = g_hash_table_contains (units_seen, &unit_id) ? 0 : unit_id;
      if (!validate (db, person, error))
        {
          person->unit_id = unit_id;
          return FALSE;
        }
      person->unit_id = unit_id;
      if (unit_id > 0)
        g_hash_table_add (units_seen, g_memdup2 (&unit_id, sizeof unit_id));

      name = td_text_normalize (person->full_name);
      position = td_text_normalize (person->position);
      rank = td_text_normalize (person->rank);
      note = td_text_normalize (person->note);
      g_string_append (json, i == 0 ? "[" : ",[");
      append_json_text (json, name);
      g_string_append_c (json, ',');
      append_json_text (json, td_gender_to_string (person->gender));
      if (person->birth_year != 0)
        g_string_append_printf (json, ",%d,", person->birth_year);
      else
        g_string_append (json, ",null,");
      append_json_text (json, position);
      g_string_append_c (json, ',');
      append_json_text (json, rank);
      if (person->unit_id > 0)
        g_string_append_printf (json, ",%" G_GINT64_FORMAT ",", person->unit_id);
      else
        g_string_append (json, ",null,");
      append_json_text (json, note);
      g_string_append_c (json, ']');
    }
  g_string_append_c (json, ']');

  if (!td_database_begin (db, error))
    return FALSE;
  stmt = td_database_prepare (db, insert_many_sql (), error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, json->str, (int) json->len, SQLITE_STATIC);
  before = td_database_max_id (db, "people");
  if (before < 0 || !td_database_step_done (db, stmt, error))
    goto fail;
  last = sqlite3_last_insert_rowid (td_database_get_handle (db));
  g_clear_pointer (&stmt, td_stmt_release);
  if (!td_database_commit (db, error))
    goto fail;
  /* One writer, one statement: the rows took the ids after the highest,
   * in order — unless ids ran out at the top and SQLite drew them. */
  for (guint i = 0; i < people->len; i++)
    ((TdPerson *) g_ptr_array_index (people, i))->id =
      people->len == 1 ? last : last == before + (gint64) people->len ? before + 1 + i : 0;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

gboolean
td_person_store_update (TdDatabase      *db,
                        const TdPerson  *person,
                        GError         **error)
{
  g_autoptr(TdStmt) stmt = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (person != NULL && person->id > 0, FALSE);

  if (!validate (db, person, error))
    return FALSE;
  if (!td_database_begin (db, error))
    return FALSE;

  stmt = td_database_prepare (db,
                              "UPDATE people SET full_name = ?1, gender = ?2, birth_year = ?3, position = ?4, "
                              "rank = ?5, unit_id = ?6, note = ?7 WHERE id = ?8",
                              error);
  if (stmt == NULL)
    goto fail;
  bind_person (stmt, person);
  sqlite3_bind_int64 (stmt, 8, person->id);
  if (!td_database_step_done (db, stmt, error))
    goto fail;
  if (sqlite3_changes (td_database_get_handle (db)) == 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id",
                          _("The person no longer exists. Reload the list."));
      goto fail;
    }
  if (!td_database_update_derived (db, "people", person->id, error) ||
      !td_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

gboolean
td_person_store_delete (TdDatabase  *db,
                        gint64       id,
                        GError     **error)
{
  g_autoptr(TdStmt) uses = NULL;
  g_autoptr(TdStmt) stmt = NULL;
  gint64 awards;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);

  uses = td_database_prepare (db, "SELECT count(*) FROM awards WHERE person_id = ?1", error);
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
                                       "The person cannot be deleted: %d award refers to them. Remove the award first.",
                                       "The person cannot be deleted: %d awards refer to them. Remove the awards first.",
                                       awards),
                          (int) awards);
      return FALSE;
    }

  /* In a transaction: "changed" is emitted at the commit, and what its
   * handlers run (the window's undo state) cannot reset
   * sqlite3_changes() before it is read. */
  if (!td_database_begin (db, error))
    return FALSE;
  stmt = td_database_prepare (db, "DELETE FROM people WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!td_database_step_done (db, stmt, error))
    goto fail;
  if (sqlite3_changes (td_database_get_handle (db)) == 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id",
                          _("The person no longer exists. Reload the list."));
      goto fail;
    }
  if (!td_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

TdPerson *
td_person_store_get (TdDatabase  *db,
                     gint64       id,
                     GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  stmt = td_database_prepare (db,
                              "SELECT " PERSON_COLUMNS " FROM people p "
                              "LEFT JOIN units u ON u.id = p.unit_id WHERE p.id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return person_from_row (stmt);
  if (rc == SQLITE_DONE)
    td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id",
                        _("There is no person number %lld."), (long long) id);
  else
    td_database_set_error (db, error, rc);
  return NULL;
}

/* Vietnamese order by given name, then middle, then family name (the
 * sort_key column); @search ignores case, tones and letter marks, and
 * finds every word of it in any order («Hiếu Đặng»). */
GPtrArray *
td_person_store_list (TdDatabase  *db,
                      const char  *search,
                      gint64       unit_id,
                      GError     **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) td_person_free);
  g_autoptr(TdStmt) stmt = NULL;
  g_auto(GStrv) words = td_text_search_words (search);
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  /* The first word narrows the rows in SQL, the others are checked here. */
  stmt = td_database_prepare (db,
                              "SELECT " PERSON_COLUMNS ", p.search_text FROM people p "
                              "LEFT JOIN units u ON u.id = p.unit_id "
                              "WHERE (?1 = '' OR instr(p.search_text, ?1) > 0) "
                              "AND (?2 = 0 OR p.unit_id = ?2) "
                              "ORDER BY p.sort_key, p.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, words != NULL ? words[0] : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, unit_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (td_text_matches_words ((const char *) sqlite3_column_text (stmt, 9),
                               (const char * const *) words))
      g_ptr_array_add (result, person_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return NULL;
    }
  return g_steal_pointer (&result);
}
