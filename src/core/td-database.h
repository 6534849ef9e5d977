#pragma once

#include <gio/gio.h>

#include "td-error.h"

G_BEGIN_DECLS

/* "TdDa": marks a SQLite file as ours (PRAGMA application_id). */
#define TD_APPLICATION_ID 0x54644461
#define TD_SCHEMA_VERSION 3

typedef enum
{
  TD_DATABASE_OPEN_DEFAULT = 0,
  TD_DATABASE_OPEN_CREATE    = 1 << 0,
  /* Never written; also what a file or folder that cannot be written
   * to opens as (td_database_get_read_only()). */
  TD_DATABASE_OPEN_READ_ONLY = 1 << 1,
  /* Neither takes nor minds the lock of a writer (reading commands of
   * the CLI: list, export, check, backup). */
  TD_DATABASE_OPEN_SHARED    = 1 << 2,
  /* A copy the program makes for itself (a restore in the making): no
   * automatic backups of it. */
  TD_DATABASE_OPEN_COPY      = 1 << 3,
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
gboolean    td_database_get_read_only    (TdDatabase           *self);
/* On a network filesystem: no WAL, and a warning is due. */
gboolean    td_database_get_network      (TdDatabase           *self);
/* The lock of a process that had crashed was taken over on opening. */
gboolean    td_database_get_lock_was_stale (TdDatabase         *self);
int         td_database_get_schema_version (TdDatabase         *self);

gboolean    td_database_begin            (TdDatabase           *self,
                                          GError              **error);
gboolean    td_database_commit           (TdDatabase           *self,
                                          GError              **error);
void        td_database_rollback         (TdDatabase           *self);
/* A change is being written (an import between its rows). */
gboolean    td_database_in_transaction   (TdDatabase           *self);

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
