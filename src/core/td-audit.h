#pragma once

#include "td-database.h"

G_BEGIN_DECLS

/* The audit trail (sql/003-audit.sql): every change to a record, who
 * made it (desktop user and host; NULL when another program wrote it),
 * when, the values before and after.  Read-only: the file refuses any
 * change to it. */

typedef struct
{
  char *field;       /* the column: full_name, achievement… */
  char *old_value;   /* NULL: none (an insert) or empty */
  char *new_value;   /* NULL: none (a delete) or empty */
} TdAuditChange;

typedef struct
{
  gint64      id;
  GDateTime  *time;      /* UTC */
  char       *actor;     /* NULL: another program */
  char       *host;
  char       *action;    /* "insert", "update" or "delete" */
  GPtrArray  *changes;   /* TdAuditChange: the fields that changed
                          * (every field given, for an insert or delete) */
} TdAuditEntry;

void        td_audit_entry_free (TdAuditEntry  *entry);

/* The history of one record (@table as in the schema: "people", "awards"…),
 * newest first. */
GPtrArray  *td_audit_list       (TdDatabase    *db,
                                 const char    *table,
                                 gint64         row_id,
                                 GError       **error);
/* How many entries the whole trail holds. */
gint64      td_audit_count      (TdDatabase    *db,
                                 GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdAuditEntry, td_audit_entry_free)

G_END_DECLS
