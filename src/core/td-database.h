#pragma once

#include <gio/gio.h>

#include "td-error.h"

G_BEGIN_DECLS

/* "TdDa": marks a SQLite file as ours (PRAGMA application_id). */
#define TD_APPLICATION_ID 0x54644461
#define TD_SCHEMA_VERSION 2

typedef enum
{
  TD_DATABASE_OPEN_DEFAULT = 0,
  TD_DATABASE_OPEN_CREATE  = 1 << 0,
} TdDatabaseOpenFlags;

#define TD_TYPE_DATABASE (td_database_get_type ())

G_DECLARE_FINAL_TYPE (TdDatabase, td_database, TD, DATABASE, GObject)

char       *td_database_default_path     (void);
TdDatabase *td_database_open             (const char           *path,
                                          TdDatabaseOpenFlags   flags,
                                          GError              **error);
const char *td_database_get_path         (TdDatabase           *self);
gboolean    td_database_get_created      (TdDatabase           *self);
gboolean    td_database_get_wal          (TdDatabase           *self);
int         td_database_get_schema_version (TdDatabase         *self);

gboolean    td_database_begin            (TdDatabase           *self,
                                          GError              **error);
gboolean    td_database_commit           (TdDatabase           *self,
                                          GError              **error);
void        td_database_rollback         (TdDatabase           *self);

gboolean    td_database_backup           (TdDatabase           *self,
                                          const char           *out_path,
                                          GError              **error);
gboolean    td_database_check            (TdDatabase           *self,
                                          GPtrArray           **problems,
                                          GError              **error);
gboolean    td_database_is_empty         (TdDatabase           *self);
gboolean    td_database_rebuild_derived  (TdDatabase           *self,
                                          GError              **error);

G_END_DECLS
