#define G_LOG_DOMAIN "td-unit-store"

#include "config.h"


#include <glib/gi18n-lib.h>

#include "td-database-private.h"
#include "td-text.h"
#include "td-unit-store.h"

#define UNIT_COLUMNS "id, parent_id, name, short_name, kind, sort_order, archived"

static TdUnit *
unit_from_row (TdStmt *stmt)
{
  TdUnit *unit = td_unit_new ();

  unit->id = sqlite3_column_int64 (stmt, 0);
  unit->parent_id = td_column_id (stmt, 1);
  unit->name = td_column_text (stmt, 2);
  unit->short_name = td_column_text (stmt, 3);
  unit->kind = td_column_text (stmt, 4);
  unit->sort_order = sqlite3_column_int (stmt, 5);
  unit->archived = sqlite3_column_int (stmt, 6) != 0;
  return unit;
}

static gboolean
unit_exists (TdDatabase  *db,
             gint64       id,
             gboolean    *exists,
             GError     **error)
{
  g_autoptr(TdStmt) stmt = td_database_prepare (db, "SELECT 1 FROM units WHERE id = ?1", error);
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

/* TRUE in *@cycle when @parent_id is @id or one of its descendants. */
static gboolean
would_cycle (TdDatabase  *db,
             gint64       id,
             gint64       parent_id,
             gboolean    *cycle,
             GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  int rc;

  stmt = td_database_prepare (db,
                              "WITH RECURSIVE up (id, parent_id) AS ("
                              "  SELECT id, parent_id FROM units WHERE id = ?2"
                              "  UNION SELECT u.id, u.parent_id FROM units u JOIN up ON u.id = up.parent_id"
                              ") SELECT 1 FROM up WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, parent_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return FALSE;
    }
  *cycle = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
validate (TdDatabase    *db,
          const TdUnit  *unit,
          GError       **error)
{
  g_autofree char *name = td_text_normalize (unit->name);

  if (name == NULL || *name == '\0')
    {
      td_set_field_error (error, TD_FIELD_ERROR_REQUIRED, "name",
                          _("The unit needs a name. Type the name of the unit."));
      return FALSE;
    }
  if (unit->parent_id > 0)
    {
      gboolean exists = FALSE, cycle = FALSE;

      if (!unit_exists (db, unit->parent_id, &exists, error))
        return FALSE;
      if (!exists)
        {
          td_set_field_error (error, TD_FIELD_ERROR_REFERENCE, "parent_id",
                              _("The parent unit no longer exists. Choose another parent."));
          return FALSE;
        }
      if (unit->id > 0 && !would_cycle (db, unit->id, unit->parent_id, &cycle, error))
        return FALSE;
      if (cycle)
        {
          td_set_field_error (error, TD_FIELD_ERROR_RANGE, "parent_id",
                              _("A unit cannot be placed under itself or under one of its own units. Choose another parent."));
          return FALSE;
        }
    }
  return TRUE;
}

static void
bind_unit (TdStmt       *stmt,
           const TdUnit *unit)
{
  g_autofree char *name = td_text_normalize (unit->name);
  g_autofree char *short_name = td_text_normalize (unit->short_name);
  g_autofree char *kind = td_text_normalize (unit->kind);

  td_bind_id (stmt, 1, unit->parent_id);
  td_bind_text (stmt, 2, name);
  td_bind_text (stmt, 3, short_name);
  td_bind_text (stmt, 4, kind);
  sqlite3_bind_int (stmt, 5, unit->sort_order);
  sqlite3_bind_int (stmt, 6, unit->archived ? 1 : 0);
}

gboolean
td_unit_store_insert (TdDatabase  *db,
                      TdUnit      *unit,
                      GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (unit != NULL, FALSE);

  if (!validate (db, unit, error))
    return FALSE;

  if (!td_database_begin (db, error))
    return FALSE;

  stmt = td_database_prepare (db,
                              "INSERT INTO units (parent_id, name, short_name, kind, sort_order, archived) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    goto fail;
  bind_unit (stmt, unit);
  if (!td_database_step_done (db, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (td_database_get_handle (db));
  if (!td_database_update_derived (db, "units", id, error) ||
      !td_database_commit (db, error))
    goto fail;

  unit->id = id;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

gboolean
td_unit_store_update (TdDatabase    *db,
                      const TdUnit  *unit,
                      GError       **error)
{
  g_autoptr(TdStmt) stmt = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (unit != NULL && unit->id > 0, FALSE);

  if (!validate (db, unit, error))
    return FALSE;

  if (!td_database_begin (db, error))
    return FALSE;

  stmt = td_database_prepare (db,
                              "UPDATE units SET parent_id = ?1, name = ?2, short_name = ?3, kind = ?4, "
                              "sort_order = ?5, archived = ?6 WHERE id = ?7",
                              error);
  if (stmt == NULL)
    goto fail;
  bind_unit (stmt, unit);
  sqlite3_bind_int64 (stmt, 7, unit->id);
  if (!td_database_step_done (db, stmt, error))
    goto fail;
  if (sqlite3_changes (td_database_get_handle (db)) == 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id",
                          _("The unit no longer exists. Reload the list."));
      goto fail;
    }
  if (!td_database_update_derived (db, "units", unit->id, error) ||
      !td_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

gboolean
td_unit_store_delete (TdDatabase  *db,
                      gint64       id,
                      GError     **error)
{
  g_autoptr(TdStmt) uses = NULL;
  g_autoptr(TdStmt) stmt = NULL;
  gint64 children, people, awards, values;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);

  uses = td_database_prepare (db,
                              "SELECT (SELECT count(*) FROM units WHERE parent_id = ?1),"
                              " (SELECT count(*) FROM people WHERE unit_id = ?1),"
                              " (SELECT count(*) FROM awards WHERE unit_id = ?1),"
                              " (SELECT count(*) FROM indicator_values WHERE unit_id = ?1)",
                              error);
  if (uses == NULL)
    return FALSE;
  sqlite3_bind_int64 (uses, 1, id);
  rc = sqlite3_step (uses);
  if (rc != SQLITE_ROW)
    {
      td_database_set_error (db, error, rc);
      return FALSE;
    }
  children = sqlite3_column_int64 (uses, 0);
  people = sqlite3_column_int64 (uses, 1);
  awards = sqlite3_column_int64 (uses, 2);
  values = sqlite3_column_int64 (uses, 3);

  if (children + people + awards + values > 0)
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = NULL;

      if (children > 0)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d unit under it", "%d units under it", children), (int) children));
      if (people > 0)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d person", "%d people", people), (int) people));
      if (awards > 0)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d award", "%d awards", awards), (int) awards));
      if (values > 0)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d statistic", "%d statistics", values), (int) values));
      g_ptr_array_add (parts, NULL);
      joined = g_strjoinv (", ", (char **) parts->pdata);

      /* Translators: %s lists what refers to the unit, «2 people, 3 awards». */
      td_set_field_error (error, TD_FIELD_ERROR_IN_USE, "id",
                          _("The unit cannot be deleted while other records refer to it (%s). Archive it instead."),
                          joined);
      return FALSE;
    }

  /* In a transaction: "changed" is emitted at the commit, and what its
   * handlers run (the window's undo state) cannot reset
   * sqlite3_changes() before it is read. */
  if (!td_database_begin (db, error))
    return FALSE;
  stmt = td_database_prepare (db, "DELETE FROM units WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!td_database_step_done (db, stmt, error))
    goto fail;
  if (sqlite3_changes (td_database_get_handle (db)) == 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id",
                          _("The unit no longer exists. Reload the list."));
      goto fail;
    }
  if (!td_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

TdUnit *
td_unit_store_get (TdDatabase  *db,
                   gint64       id,
                   GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  stmt = td_database_prepare (db, "SELECT " UNIT_COLUMNS " FROM units WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return unit_from_row (stmt);
  if (rc == SQLITE_DONE)
    td_set_field_error (error, TD_FIELD_ERROR_NOT_FOUND, "id",
                        _("There is no unit number %lld."), (long long) id);
  else
    td_database_set_error (db, error, rc);
  return NULL;
}

static void
append_subtree (GPtrArray  *out,
                GHashTable *children,
                gint64      parent_id,
                int         depth)
{
  GPtrArray *list = g_hash_table_lookup (children, &parent_id);

  if (list == NULL)
    return;
  for (guint i = 0; i < list->len; i++)
    {
      TdUnit *unit = g_ptr_array_index (list, i);

      unit->depth = depth;
      g_ptr_array_add (out, unit);
      append_subtree (out, children, unit->id, depth + 1);
    }
}

/* Tree order: each unit followed by its own units, siblings by their
 * order and then by name in Vietnamese order.  With @search, only the
 * units whose folded name or short name contains every word of it, still
 * in tree order.  Without @include_archived, an archived unit hides its
 * whole subtree: its units never show up under another parent. */
GPtrArray *
td_unit_store_list (TdDatabase  *db,
                    const char  *search,
                    gboolean     include_archived,
                    GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) td_unit_free);
  g_autoptr(GHashTable) children = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) ordered = NULL;
  g_autoptr(GHashTable) hidden = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) td_unit_free);
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  stmt = td_database_prepare (db,
                              "SELECT " UNIT_COLUMNS ", coalesce(search_text, '') FROM units "
                              "ORDER BY sort_order, sort_key, id",
                              error);
  if (stmt == NULL)
    return NULL;

  words = td_text_search_words (search);
  children = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                    (GDestroyNotify) g_ptr_array_unref);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TdUnit *unit = unit_from_row (stmt);

      g_ptr_array_add (all, unit);
      g_hash_table_add (ids, &unit->id);
    }
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return NULL;
    }

  /* Units whose parent is missing (written by outside tools without
   * foreign keys) are shown at the top rather than lost. */
  for (guint i = 0; i < all->len; i++)
    {
      TdUnit *unit = g_ptr_array_index (all, i);
      gint64 parent = unit->parent_id > 0 && g_hash_table_contains (ids, &unit->parent_id)
                      ? unit->parent_id : 0;
      GPtrArray *list = g_hash_table_lookup (children, &parent);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (children, g_memdup2 (&parent, sizeof parent), list);
        }
      g_ptr_array_add (list, unit);
    }

  ordered = g_ptr_array_new ();
  append_subtree (ordered, children, 0, 0);

  /* A cycle written from outside leaves units unreached: add them too. */
  if (ordered->len < all->len)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);

      for (guint i = 0; i < ordered->len; i++)
        g_hash_table_add (seen, g_ptr_array_index (ordered, i));
      for (guint i = 0; i < all->len; i++)
        if (!g_hash_table_contains (seen, g_ptr_array_index (all, i)))
          g_ptr_array_add (ordered, g_ptr_array_index (all, i));
    }

  for (guint i = 0; i < ordered->len; i++)
    {
      TdUnit *unit = g_ptr_array_index (ordered, i);
      g_autofree char *folded = NULL;
      TdUnit *copy;

      if (!include_archived &&
          (unit->archived || g_hash_table_contains (hidden, &unit->parent_id)))
        {
          g_hash_table_add (hidden, &unit->id);
          continue;
        }
      if (words != NULL)
        {
          g_autofree char *haystack = g_strconcat (unit->name, " ", unit->short_name ? unit->short_name : "", NULL);

          folded = td_text_fold (haystack);
          if (!td_text_matches_words (folded, (const char * const *) words))
            continue;
        }

      copy = td_unit_new ();
      *copy = *unit;
      copy->name = g_strdup (unit->name);
      copy->short_name = g_strdup (unit->short_name);
      copy->kind = g_strdup (unit->kind);
      g_ptr_array_add (result, copy);
    }

  return g_steal_pointer (&result);
}

/* Units whose name or short name equals @name, ignoring case, tones and
 * letter marks; for matching names typed or imported. */
GPtrArray *
td_unit_store_find (TdDatabase  *db,
                    const char  *name,
                    GError     **error)
{
  g_autoptr(GPtrArray) all = td_unit_store_list (db, NULL, TRUE, error);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) td_unit_free);
  g_autofree char *needle = td_text_fold (name);

  if (all == NULL)
    return NULL;

  for (guint i = 0; i < all->len; i++)
    {
      TdUnit *unit = g_ptr_array_index (all, i);
      g_autofree char *a = td_text_fold (unit->name);
      g_autofree char *b = td_text_fold (unit->short_name);

      if (g_str_equal (a, needle) || (*b != '\0' && g_str_equal (b, needle)))
        g_ptr_array_add (found, g_ptr_array_steal_index (all, i--));
    }
  return g_steal_pointer (&found);
}

/* «Huyện Bình Liêu / Xã Đồng Văn»: the names from the top down. */
char *
td_unit_store_path (TdDatabase  *db,
                    gint64       id,
                    GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  GString *path = g_string_new (NULL);
  int rc;

  stmt = td_database_prepare (db,
                              "WITH RECURSIVE up (id, parent_id, name, depth) AS ("
                              "  SELECT id, parent_id, name, 0 FROM units WHERE id = ?1"
                              "  UNION SELECT u.id, u.parent_id, u.name, up.depth + 1"
                              "  FROM units u JOIN up ON u.id = up.parent_id WHERE up.depth < 64"
                              ") SELECT name FROM up ORDER BY depth DESC",
                              error);
  if (stmt == NULL)
    return g_string_free (path, TRUE);
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (path->len > 0)
        g_string_append (path, " / ");
      g_string_append (path, (const char *) sqlite3_column_text (stmt, 0));
    }
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return g_string_free (path, TRUE);
    }
  return g_string_free (path, FALSE);
}
