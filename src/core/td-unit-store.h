#pragma once

#include "td-database.h"
#include "td-records.h"

G_BEGIN_DECLS

gboolean   td_unit_store_insert (TdDatabase  *db,
                                 TdUnit      *unit,
                                 GError     **error);
gboolean   td_unit_store_update (TdDatabase  *db,
                                 const TdUnit *unit,
                                 GError     **error);
gboolean   td_unit_store_delete (TdDatabase  *db,
                                 gint64       id,
                                 GError     **error);
TdUnit    *td_unit_store_get    (TdDatabase  *db,
                                 gint64       id,
                                 GError     **error);
GPtrArray *td_unit_store_list   (TdDatabase  *db,
                                 const char  *search,
                                 gboolean     include_archived,
                                 GError     **error);
GPtrArray *td_unit_store_find   (TdDatabase  *db,
                                 const char  *name,
                                 GError     **error);
char      *td_unit_store_path   (TdDatabase  *db,
                                 gint64       id,
                                 GError     **error);

G_END_DECLS
