#pragma once

#include "td-database.h"
#include "td-records.h"

G_BEGIN_DECLS

gboolean   td_person_store_insert (TdDatabase     *db,
                                   TdPerson       *person,
                                   GError        **error);
/* Many people in one transaction (an import): each checked as by
 * td_person_store_insert(), the ids set (0 in the unlikely case that SQLite
 * had to draw them, the highest id being taken); nothing added when one
 * is refused. */
gboolean   td_person_store_insert_many (TdDatabase  *db,
                                   GPtrArray      *people,
                                   GError        **error);
gboolean   td_person_store_update (TdDatabase     *db,
                                   const TdPerson *person,
                                   GError        **error);
gboolean   td_person_store_delete (TdDatabase     *db,
                                   gint64          id,
                                   GError        **error);
TdPerson  *td_person_store_get    (TdDatabase     *db,
                                   gint64          id,
                                   GError        **error);
GPtrArray *td_person_store_list   (TdDatabase     *db,
                                   const char     *search,
                                   gint64          unit_id,
                                   GError        **error);

G_END_DECLS
