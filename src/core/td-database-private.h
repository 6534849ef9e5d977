#pragma once

#include <sqlite3.h>

#include "td-database.h"

G_BEGIN_DECLS

/* For the stores only: statements are cached per database and must be
 * released (reset) after use, which g_autoptr(TdStmt) does. */
typedef sqlite3_stmt TdStmt;

static inline void
td_stmt_release (TdStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdStmt, td_stmt_release)

sqlite3  *td_database_get_handle     (TdDatabase  *self);
TdStmt   *td_database_prepare        (TdDatabase  *self,
                                      const char  *sql,
                                      GError     **error);
gboolean  td_database_exec           (TdDatabase  *self,
                                      const char  *sql,
                                      GError     **error);
gboolean  td_database_step_done      (TdDatabase  *self,
                                      TdStmt      *stmt,
                                      GError     **error);
void      td_database_set_error      (TdDatabase  *self,
                                      GError     **error,
                                      int          rc);
/* The pages of @from's main database over @to's, in one step, giving up
 * after a few seconds of a file kept busy; the errno of the step in
 * *@saved_errno. */
int       td_database_copy_pages     (sqlite3     *to,
                                      sqlite3     *from,
                                      int         *saved_errno);
/* The highest id of @table, 0 when empty, -1 on an error. */
gint64    td_database_max_id         (TdDatabase  *self,
                                      const char  *table);
/* A database file and the files SQLite keeps beside it, removed. */
void      td_database_remove_files   (const char  *path);
/* The SQL expressions of a table's derived columns, over its columns:
 * returns the source's (derived_from). */
const char *td_database_derived_sql  (const char  *table,
                                      const char **search,
                                      const char **sort_key);
gboolean  td_database_update_derived (TdDatabase  *self,
                                      const char  *table,
                                      gint64       id,
                                      GError     **error);

gboolean  td_undo_attach             (TdDatabase  *self,
                                      GError     **error);
/* The program's name on the audit trail's rows (td-audit.c). */
gboolean  td_audit_attach            (TdDatabase  *self,
                                      GError     **error);
/* At the start and before the commit of the outermost transaction. */
gboolean  td_audit_begin             (TdDatabase  *self,
                                      GError     **error);
gboolean  td_audit_finish            (TdDatabase  *self,
                                      GError     **error);
/* Forgets the undo and redo history (after a restore). */
void      td_undo_forget             (TdDatabase  *self);
/* After the whole content was replaced (a restore): migrations, derived
 * data, the search index, the undo history forgotten, «changed». */
gboolean  td_database_reload         (TdDatabase  *self,
                                      GError     **error);

void        td_bind_text       (TdStmt     *stmt,
                                int         index,
                                const char *text);
void        td_bind_id         (TdStmt     *stmt,
                                int         index,
                                gint64      id);
void        td_bind_int_or_null (TdStmt    *stmt,
                                int         index,
                                gint64      value);
char       *td_column_text     (TdStmt     *stmt,
                                int         index);
gint64      td_column_id       (TdStmt     *stmt,
                                int         index);

G_END_DECLS
