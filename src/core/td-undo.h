#pragma once

#include "td-database.h"

G_BEGIN_DECLS

/* Undo and redo of every change made through this connection, whatever
 * the store or page that made it.  One step is one transaction (a store
 * call, or a multi-row change such as a paste or an import).  The history
 * lives in the connection's temporary tables: it lasts while the file is
 * open and never touches the file's own tables' shape. */

gboolean td_database_can_undo (TdDatabase  *self);
gboolean td_database_can_redo (TdDatabase  *self);
gboolean td_database_undo     (TdDatabase  *self,
                               GError     **error);
gboolean td_database_redo     (TdDatabase  *self,
                               GError     **error);

G_END_DECLS
