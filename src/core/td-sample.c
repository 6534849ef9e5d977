#define G_LOG_DOMAIN "td-sample"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-database-private.h"
#include "td-decision-store.h"
#include "td-sample.h"

#define SAMPLE_RESOURCE RESOURCE_PREFIX "sample/sample.sql"

typedef struct
{
  gint64  id;
  char   *number;
  char   *date;
} IssuedDecision;

static void
issued_decision_free (gpointer data)
{
  IssuedDecision *d = data;

  g_free (d->number);
  g_free (d->date);
  g_free (d);
}

/* The sample campaign: the 2018 review in Quảng Ninh of «Toàn dân tham
 * gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia».  Amounts are
 * computed by the catalogue's rules and issued decisions frozen the way a
 * user would issue them, so the sample exercises the real workflow. */
gboolean
td_sample_load (TdDatabase  *db,
                GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func (issued_decision_free);
  g_autoptr(TdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);

  stmt = td_database_prepare (db, "SELECT (SELECT count(*) FROM units) + (SELECT count(*) FROM decisions)", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0)
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_FAILED,
                   _("The sample can only fill an empty database. Create a new database for it."));
      return FALSE;
    }
  td_stmt_release (stmt);

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  if (!td_database_begin (db, error))
    return FALSE;
  if (!td_database_exec (db, sql, error))
    goto fail;

  {
    g_autoptr(TdStmt) list = td_database_prepare (db, "SELECT id, number, date FROM decisions ORDER BY id", error);

    if (list == NULL)
      goto fail;
    while ((rc = sqlite3_step (list)) == SQLITE_ROW)
      {
        IssuedDecision *d = g_new0 (IssuedDecision, 1);

        d->id = sqlite3_column_int64 (list, 0);
        d->number = td_column_text (list, 1);
        d->date = td_column_text (list, 2);
        g_ptr_array_add (decisions, d);
      }
    if (rc != SQLITE_DONE)
      {
        td_database_set_error (db, error, rc);
        goto fail;
      }
  }

  for (guint i = 0; i < decisions->len; i++)
    {
      IssuedDecision *d = g_ptr_array_index (decisions, i);

      if (d->number != NULL && !td_decision_store_reopen (db, d->id, error))
        goto fail;
      if (!td_decision_store_recompute (db, d->id, error))
        goto fail;
      if (d->number != NULL && !td_decision_store_issue (db, d->id, d->number, d->date, error))
        goto fail;
    }

  if (!td_database_rebuild_derived (db, error) ||
      !td_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}
