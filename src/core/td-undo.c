#define G_LOG_DOMAIN "td-undo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-database-private.h"
#include "td-undo.h"

/* The technique of «Automatic Undo/Redo Using SQLite»: temporary triggers
 * write, for every row a statement changes, the SQL that puts it back.
 * Each entry carries the number of the transaction that made it (counted
 * by a commit hook), so a step is all the entries of one transaction.
 * Undoing a step runs its statements backwards in one transaction; the
 * triggers record what that did, which becomes the redo step. */

typedef struct
{
  gint64   txn;          /* the transaction being written */
  gboolean replaying;    /* an undo or redo is running */
  gboolean redo_stale;   /* an ordinary change since the last undo */
} Undo;

static GQuark
undo_quark (void)
{
  return g_quark_from_static_string ("td-undo");
}

static Undo *
get_undo (TdDatabase *self)
{
  return g_object_get_qdata (G_OBJECT (self), undo_quark ());
}

static int
on_commit (void *data)
{
  Undo *undo = data;

  if (!undo->replaying)
    undo->redo_stale = TRUE;
  undo->txn++;
  return 0;
}

static void
sql_txn (sqlite3_context *context,
         int              argc,
         sqlite3_value  **argv)
{
  Undo *undo = sqlite3_user_data (context);

  sqlite3_result_int64 (context, undo->txn);
}

/* Three triggers per table: the inverse of an insert, an update and a
 * delete, as SQL text with the old values quoted. */
static char *
triggers_for (sqlite3    *handle,
              const char *table)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA main.table_info(\"%s\")", table);
  g_autoptr(GString) set = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new ("rowid");
  g_autoptr(GString) values = g_string_new ("'||old.rowid||'");
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle, pragma, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (stmt, 1);

      g_string_append_printf (set, "%s\"%s\"='||quote(old.\"%s\")||'", set->len ? "," : "", column, column);
      g_string_append_printf (names, ",\"%s\"", column);
      g_string_append_printf (values, ",'||quote(old.\"%s\")||'", column);
    }
  sqlite3_finalize (stmt);

  return g_strdup_printf (
    "CREATE TEMP TRIGGER \"td_undo_%s_i\" AFTER INSERT ON main.\"%s\" BEGIN "
    "  INSERT INTO td_undo_log (txn, sql) VALUES (td_undo_txn (), 'DELETE FROM \"%s\" WHERE rowid='||new.rowid); END;"
    "CREATE TEMP TRIGGER \"td_undo_%s_u\" AFTER UPDATE ON main.\"%s\" BEGIN "
    "  INSERT INTO td_undo_log (txn, sql) VALUES (td_undo_txn (), 'UPDATE \"%s\" SET %s WHERE rowid='||old.rowid); END;"
    "CREATE TEMP TRIGGER \"td_undo_%s_d\" BEFORE DELETE ON main.\"%s\" BEGIN "
    "  INSERT INTO td_undo_log (txn, sql) VALUES (td_undo_txn (), 'INSERT INTO \"%s\" (%s) VALUES (%s)'); END;",
    table, table, table,
    table, table, table, set->str,
    table, table, table, names->str, values->str);
}

/* Called once the file is open, migrated and its derived data rebuilt:
 * what happened before is not the user's to undo. */
gboolean
td_undo_attach (TdDatabase  *self,
                GError     **error)
{
  sqlite3 *handle = td_database_get_handle (self);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  Undo *undo = g_new0 (Undo, 1);

  undo->txn = 1;
  g_object_set_qdata_full (G_OBJECT (self), undo_quark (), undo, g_free);

  if (sqlite3_create_function (handle, "td_undo_txn", 0, SQLITE_UTF8, undo, sql_txn, NULL, NULL) != SQLITE_OK)
    {
      td_database_set_error (self, error, sqlite3_errcode (handle));
      return FALSE;
    }
  sqlite3_commit_hook (handle, on_commit, undo);

  if (!td_database_exec (self,
                         "CREATE TEMP TABLE td_undo_log (seq INTEGER PRIMARY KEY, txn INTEGER NOT NULL, sql TEXT NOT NULL);"
                         "CREATE TEMP TABLE td_redo_log (seq INTEGER PRIMARY KEY, txn INTEGER NOT NULL, sql TEXT NOT NULL);",
                         error))
    return FALSE;

  /* Ordinary tables only: no trigger can be put on a virtual table, and
   * the full-text index and its shadow tables («search_index_data»…) are
   * derived data that the search triggers rewrite as the replayed
   * statements run; so is search_stale, the notes of records written.
   * The audit trail is never undone: an undo is one more change in it. */
  sqlite3_prepare_v2 (handle, "SELECT name FROM main.sqlite_schema t WHERE type = 'table' "
                      "AND name NOT LIKE 'sqlite_%' AND name NOT IN ('search_stale', 'audit_log', 'audit_sessions', 'audit_current') AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' "
                      "AND NOT EXISTS (SELECT 1 FROM main.sqlite_schema v WHERE v.type = 'table' "
                      " AND v.sql LIKE 'CREATE VIRTUAL TABLE%' AND t.name LIKE v.name || '!_%' ESCAPE '!') "
                      "ORDER BY name", -1, &stmt, NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = triggers_for (handle, g_ptr_array_index (tables, i));

      if (sql == NULL || !td_database_exec (self, sql, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
last_txn (TdDatabase *self,
          const char *log)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce(max(txn), 0) FROM temp.%s", log);
  sqlite3_stmt *stmt = NULL;
  gint64 txn = 0;

  if (sqlite3_prepare_v2 (td_database_get_handle (self), sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    txn = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return txn;
}

/* An ordinary change after an undo ends what could be redone. */
static void
drop_stale_redo (TdDatabase *self)
{
  Undo *undo = get_undo (self);

  if (undo != NULL && undo->redo_stale)
    {
      sqlite3_exec (td_database_get_handle (self), "DELETE FROM temp.td_redo_log", NULL, NULL, NULL);
      undo->redo_stale = FALSE;
    }
}

void
td_undo_forget (TdDatabase *self)
{
  sqlite3_exec (td_database_get_handle (self),
                "DELETE FROM temp.td_undo_log; DELETE FROM temp.td_redo_log", NULL, NULL, NULL);
}

gboolean
td_database_can_undo (TdDatabase *self)
{
  g_return_val_if_fail (TD_IS_DATABASE (self), FALSE);
  return get_undo (self) != NULL && last_txn (self, "td_undo_log") > 0;
}

gboolean
td_database_can_redo (TdDatabase *self)
{
  g_return_val_if_fail (TD_IS_DATABASE (self), FALSE);
  drop_stale_redo (self);
  return get_undo (self) != NULL && last_txn (self, "td_redo_log") > 0;
}

/* Runs the statements of step @txn of @from backwards, in one
 * transaction; what they did is recorded by the triggers in the undo log
 * under the current transaction, and moved to @to when @to is the redo
 * log. */
static gboolean
replay (TdDatabase  *self,
        const char  *from,
        const char  *to,
        GError     **error)
{
  Undo *undo = get_undo (self);
  sqlite3 *handle = td_database_get_handle (self);
  gint64 step = last_txn (self, from);
  g_autofree char *select = g_strdup_printf ("SELECT sql FROM temp.%s WHERE txn = ?1 ORDER BY seq DESC", from);
  g_autofree char *forget = g_strdup_printf ("DELETE FROM temp.%s WHERE txn = %" G_GINT64_FORMAT, from, step);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  gint64 txn;

  if (step == 0)
    return TRUE;

  if (sqlite3_prepare_v2 (handle, select, -1, &stmt, NULL) != SQLITE_OK)
    {
      td_database_set_error (self, error, sqlite3_errcode (handle));
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, step);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (statements, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  undo->replaying = TRUE;
  if (!td_database_begin (self, error))
    {
      undo->replaying = FALSE;
      return FALSE;
    }
  txn = undo->txn;
  for (guint i = 0; i < statements->len; i++)
    if (!td_database_exec (self, g_ptr_array_index (statements, i), error))
      goto fail;
  if (!td_database_exec (self, forget, error))
    goto fail;
  if (g_str_equal (to, "td_redo_log"))
    {
      g_autofree char *move = g_strdup_printf (
        "INSERT INTO temp.td_redo_log (txn, sql) SELECT txn, sql FROM temp.td_undo_log WHERE txn = %" G_GINT64_FORMAT " ORDER BY seq;"
        "DELETE FROM temp.td_undo_log WHERE txn = %" G_GINT64_FORMAT, txn, txn);

      if (!td_database_exec (self, move, error))
        goto fail;
    }
  if (!td_database_commit (self, error))
    goto fail;
  undo->replaying = FALSE;
  return TRUE;

fail:
  td_database_rollback (self);
  undo->replaying = FALSE;
  return FALSE;
}

gboolean
td_database_undo (TdDatabase  *self,
                  GError     **error)
{
  g_return_val_if_fail (TD_IS_DATABASE (self), FALSE);

  if (get_undo (self) == NULL)
    return TRUE;
  drop_stale_redo (self);
  return replay (self, "td_undo_log", "td_redo_log", error);
}

gboolean
td_database_redo (TdDatabase  *self,
                  GError     **error)
{
  g_return_val_if_fail (TD_IS_DATABASE (self), FALSE);

  if (get_undo (self) == NULL)
    return TRUE;
  drop_stale_redo (self);
  return replay (self, "td_redo_log", "td_undo_log", error);
}
