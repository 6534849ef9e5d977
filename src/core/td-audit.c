#define G_LOG_DOMAIN "td-audit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-audit.h"
#include "td-database-private.h"

static void
change_free (TdAuditChange *change)
{
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

void
td_audit_entry_free (TdAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_pointer (&entry->time, g_date_time_unref);
  g_free (entry->actor);
  g_free (entry->host);
  g_free (entry->action);
  g_clear_pointer (&entry->changes, g_ptr_array_unref);
  g_free (entry);
}

static void
sql_actor (sqlite3_context *context,
           int              argc,
           sqlite3_value  **argv)
{
  sqlite3_result_text (context, g_get_user_name (), -1, SQLITE_TRANSIENT);
}

static void
sql_host (sqlite3_context *context,
          int              argc,
          sqlite3_value  **argv)
{
  sqlite3_result_text (context, g_get_host_name (), -1, SQLITE_TRANSIENT);
}

/* A statement of ours outside any transaction (sqlite3_get_autocommit)
 * has no session: its rows get the user and host from the temporary
 * trigger below, one by one. */
static void
sql_row_by_row (sqlite3_context *context,
                int              argc,
                sqlite3_value  **argv)
{
  sqlite3_result_int (context, sqlite3_get_autocommit (sqlite3_context_db_handle (context)));
}

static void
sql_writer (sqlite3_context *context,
            int              argc,
            sqlite3_value  **argv)
{
  sqlite3_result_int (context, 1);
}

/* The session of the transaction in progress, and the trail's last row
 * when it began. */
typedef struct
{
  gint64 session;
  gint64 last_row;
} Audit;

static GQuark
audit_quark (void)
{
  return g_quark_from_static_string ("td-audit");
}

gboolean
td_audit_attach (TdDatabase  *db,
                 GError     **error)
{
  sqlite3 *handle = td_database_get_handle (db);

  if (sqlite3_create_function (handle, "td_actor", 0, SQLITE_UTF8, NULL, sql_actor, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function (handle, "td_host", 0, SQLITE_UTF8, NULL, sql_host, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function (handle, "td_audit_row_by_row", 0, SQLITE_UTF8, NULL, sql_row_by_row, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function (handle, "td_audit_writer", 0, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_writer, NULL, NULL) != SQLITE_OK)
    {
      td_database_set_error (db, error, sqlite3_errcode (handle));
      return FALSE;
    }
  g_object_set_qdata_full (G_OBJECT (db), audit_quark (), g_new0 (Audit, 1), g_free);
  return td_database_exec (db,
                           "CREATE TEMP TRIGGER td_audit_actor AFTER INSERT ON main.audit_log "
                           "WHEN NEW.session IS NULL AND td_audit_row_by_row () BEGIN "
                           "UPDATE audit_log SET actor = td_actor (), host = td_host () WHERE id = NEW.id; "
                           "END",
                           error);
}

gboolean
td_audit_begin (TdDatabase  *db,
                GError     **error)
{
  Audit *audit = g_object_get_qdata (G_OBJECT (db), audit_quark ());
  g_autoptr(TdStmt) session = NULL;
  g_autoptr(TdStmt) current = NULL;

  if (audit == NULL)
    return TRUE;
  audit->last_row = td_database_max_id (db, "audit_log");
  session = td_database_prepare (db, "INSERT INTO audit_sessions (actor, host) VALUES (td_actor (), td_host ())", error);
  if (session == NULL || !td_database_step_done (db, session, error))
    return FALSE;
  audit->session = sqlite3_last_insert_rowid (td_database_get_handle (db));
  current = td_database_prepare (db, "INSERT OR REPLACE INTO audit_current (one, session) VALUES (1, ?1)", error);
  if (current == NULL)
    return FALSE;
  sqlite3_bind_int64 (current, 1, audit->session);
  return td_database_step_done (db, current, error);
}

gboolean
td_audit_finish (TdDatabase  *db,
                 GError     **error)
{
  Audit *audit = g_object_get_qdata (G_OBJECT (db), audit_quark ());
  g_autoptr(TdStmt) stmt = NULL;
  g_autoptr(TdStmt) unused = NULL;

  if (audit == NULL)
    return TRUE;
  stmt = td_database_prepare (db, "DELETE FROM audit_current", error);
  if (stmt == NULL || !td_database_step_done (db, stmt, error))
    return FALSE;
  /* A transaction that changed no record leaves no session behind. */
  if (td_database_max_id (db, "audit_log") != audit->last_row)
    return TRUE;
  unused = td_database_prepare (db, "DELETE FROM audit_sessions WHERE id = ?1", error);
  if (unused == NULL)
    return FALSE;
  sqlite3_bind_int64 (unused, 1, audit->session);
  return td_database_step_done (db, unused, error);
}

/* The values of an insert (as added) or a delete (as they were). */
static char *
values_of (const TdAuditEntry *entry,
           gboolean            added)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < entry->changes->len; i++)
    {
      const TdAuditChange *change = g_ptr_array_index (entry->changes, i);

      g_string_append_printf (out, "%s=%s\x1f", change->field,
                              (added ? change->new_value : change->old_value) != NULL
                                ? (added ? change->new_value : change->old_value) : "");
    }
  return g_string_free (out, FALSE);
}

/* Ids are given again once the highest record is deleted: an insert that
 * follows a delete with other values starts another record, and what came
 * before is not its history.  (An undone delete puts the same values back.) */
static void
forget_former_record (GPtrArray *entries)
{
  for (guint i = 0; i + 1 < entries->len; i++)
    {
      const TdAuditEntry *entry = g_ptr_array_index (entries, i);
      const TdAuditEntry *before = g_ptr_array_index (entries, i + 1);
      g_autofree char *added = NULL;
      g_autofree char *deleted = NULL;

      if (!g_str_equal (entry->action, "insert") || !g_str_equal (before->action, "delete"))
        continue;
      added = values_of (entry, TRUE);
      deleted = values_of (before, FALSE);
      if (!g_str_equal (added, deleted))
        {
          g_ptr_array_set_size (entries, i + 1);
          return;
        }
    }
}

GPtrArray *
td_audit_list (TdDatabase  *db,
               const char  *table,
               gint64       row_id,
               GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) td_audit_entry_free);
  g_autoptr(TdStmt) stmt = NULL;
  TdAuditEntry *entry = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  stmt = td_database_prepare (db,
                              "SELECT a.id, a.at, coalesce (s.actor, a.actor), coalesce (s.host, a.host), a.action, f.key, "
                              "       CAST (json_extract (a.old_values, '$.\"' || f.key || '\"') AS TEXT), "
                              "       CAST (json_extract (a.new_values, '$.\"' || f.key || '\"') AS TEXT) "
                              "FROM audit_log a LEFT JOIN audit_sessions s ON s.id = a.session, "
                              "     json_each (CASE WHEN json_valid (coalesce (a.new_values, a.old_values)) "
                              "                THEN coalesce (a.new_values, a.old_values) ELSE '{}' END) f "
                              "WHERE a.table_name = ?1 AND a.row_id = ?2 "
                              "ORDER BY a.id DESC, f.id",
                              error);
  if (stmt == NULL)
    return NULL;
  td_bind_text (stmt, 1, table);
  sqlite3_bind_int64 (stmt, 2, row_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      TdAuditChange *change;

      if (entry == NULL || entry->id != id)
        {
          g_autofree char *at = td_column_text (stmt, 1);

          entry = g_new0 (TdAuditEntry, 1);
          entry->id = id;
          entry->time = g_date_time_new_from_iso8601 (at, NULL);
          if (entry->time == NULL)
            entry->time = g_date_time_new_from_unix_utc (0);
          entry->actor = td_column_text (stmt, 2);
          entry->host = td_column_text (stmt, 3);
          entry->action = td_column_text (stmt, 4);
          entry->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
          g_ptr_array_add (entries, entry);
        }
      change = g_new0 (TdAuditChange, 1);
      change->field = td_column_text (stmt, 5);
      change->old_value = td_column_text (stmt, 6);
      change->new_value = td_column_text (stmt, 7);
      /* An update lists what changed only. */
      if (g_str_equal (entry->action, "update") && g_strcmp0 (change->old_value, change->new_value) == 0)
        change_free (change);
      else
        g_ptr_array_add (entry->changes, change);
    }
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return NULL;
    }
  forget_former_record (entries);
  return g_steal_pointer (&entries);
}

gint64
td_audit_count (TdDatabase  *db,
                GError     **error)
{
  g_autoptr(TdStmt) stmt = td_database_prepare (db, "SELECT count(*) FROM audit_log", error);

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      td_database_set_error (db, error, sqlite3_errcode (td_database_get_handle (db)));
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}
