#define G_LOG_DOMAIN "td-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "td-backup.h"
#include "td-core-resources.h"
#include "td-database-private.h"
#include "td-lock.h"
#include "td-search.h"
#include "td-text.h"

struct _TdDatabase
{
  GObject     parent_instance;

  sqlite3    *handle;
  char       *path;
  GHashTable *statements;
  guint       depth;
  TdLock     *lock;
  guint       created : 1;
  guint       wal : 1;
  guint       read_only : 1;
  guint       network : 1;
  guint       no_backups : 1;
};

G_DEFINE_FINAL_TYPE (TdDatabase, td_database, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define SQLITE_MAGIC "SQLite format 3"
#define MIGRATIONS_PATH RESOURCE_PREFIX "sql/"

/* Derived data (DESIGN.md «Storage»): folded search text and collation
 * keys, rebuilt wherever the source text changed behind our back.  The
 * source carries a version: bump it when td_fold() or the keys change, so
 * that rows made by an older program get new derived data too. */
#define DERIVED_VERSION "'2|' || "

typedef struct
{
  const char *table;
  const char *source;
  const char *search;
  const char *sort_key;
} DerivedTable;

static const DerivedTable derived_tables[] = {
  { "units",
    DERIVED_VERSION "name || char(31) || coalesce(short_name, '')",
    "td_fold(name || ' ' || coalesce(short_name, ''))",
    "td_sort_key(name)" },
  { "people",
    DERIVED_VERSION "full_name || char(31) || coalesce(position, '') || char(31) || coalesce(rank, '')",
    "td_fold(full_name || ' ' || coalesce(position, '') || ' ' || coalesce(rank, ''))",
    "td_name_key(full_name)" },
  { "campaigns",
    DERIVED_VERSION "title || char(31) || coalesce(short_title, '') || char(31) || coalesce(launch_number, '')",
    "td_fold(title || ' ' || coalesce(short_title, '') || ' ' || coalesce(launch_number, ''))",
    "td_sort_key(title)" },
};

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
sql_fold (sqlite3_context *context,
          int              argc,
          sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *folded = td_text_fold (text);

  sqlite3_result_text (context, folded, -1, g_free);
}

static void
result_key (sqlite3_context *context,
            GBytes          *key)
{
  gsize size = 0;
  const void *data = g_bytes_get_data (key, &size);

  sqlite3_result_blob (context, data, (int) size, SQLITE_TRANSIENT);
  g_bytes_unref (key);
}

static void
sql_sort_key (sqlite3_context *context,
              int              argc,
              sqlite3_value  **argv)
{
  result_key (context, td_text_sort_key ((const char *) sqlite3_value_text (argv[0])));
}

static void
sql_name_key (sqlite3_context *context,
              int              argc,
              sqlite3_value  **argv)
{
  result_key (context, td_text_name_sort_key ((const char *) sqlite3_value_text (argv[0])));
}

static int
sql_collate_vi (void       *user_data,
                int         len_a,
                const void *a,
                int         len_b,
                const void *b)
{
  g_autofree char *sa = g_strndup (a, len_a);
  g_autofree char *sb = g_strndup (b, len_b);

  return td_text_collate (sa, sb);
}

static gboolean
is_disk_full_errno (int value)
{
  return value == ENOSPC || value == EFBIG;
}

/* A write cut short by a file-size limit (EFBIG), or by a full disk on
 * some paths, comes back as SQLITE_IOERR.  sqlite3_system_errno() does not
 * always keep the cause: ask the files (the WAL or journal included). */
static gboolean
io_error_is_disk_full (sqlite3 *handle)
{
  sqlite3_file *journal = NULL;
  int value = 0;

  if (handle == NULL)
    return FALSE;
  if (is_disk_full_errno (sqlite3_system_errno (handle)))
    return TRUE;
  if (sqlite3_file_control (handle, "main", SQLITE_FCNTL_LAST_ERRNO, &value) == SQLITE_OK &&
      is_disk_full_errno (value))
    return TRUE;
  value = 0;
  if (sqlite3_file_control (handle, "main", SQLITE_FCNTL_JOURNAL_POINTER, &journal) == SQLITE_OK &&
      journal != NULL && journal->pMethods != NULL &&
      journal->pMethods->xFileControl (journal, SQLITE_FCNTL_LAST_ERRNO, &value) == SQLITE_OK &&
      is_disk_full_errno (value))
    return TRUE;
  return FALSE;
}

void
td_database_set_error (TdDatabase  *self,
                       GError     **error,
                       int          rc)
{
  const char *detail = self != NULL && self->handle != NULL
                       ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc);

  if ((rc & 0xff) == SQLITE_IOERR && self != NULL && io_error_is_disk_full (self->handle))
    rc = SQLITE_FULL;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_LOCKED,
                   _("The database is busy in another program. Try again in a moment."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_READ_ONLY,
                   _("The database file cannot be changed: it is read-only. Open a copy you may write to."));
      break;
    case SQLITE_FULL:
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_DISK_FULL,
                   _("The disk is full. Free some space and try again."));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_CORRUPT,
                   _("The database file is damaged. Restore it from a backup."));
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_UNREADABLE,
                   _("The database file cannot be opened: %s."), detail);
      break;
    case SQLITE_IOERR:
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_FAILED,
                   _("Reading or writing the database file failed: %s. Check the disk and try again."),
                   detail);
      break;
    default:
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_FAILED,
                   _("The database refused the change: %s."), detail);
      break;
    }
}

/* «notes.txt/x.db»: stat() says ENOTDIR. */
static void
set_not_folder_error (const char  *path,
                      GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NO_FOLDER,
               _("A part of the path “%s” is a file, not a folder. Check the path."),
               display);
}

static void
set_identity_error (GError          **error,
                    TdDatabaseError   code,
                    const char       *display,
                    guint             version)
{
  if (code == TD_DATABASE_ERROR_FOREIGN)
    g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_FOREIGN,
                 _("“%s” is a database of another program, not of Thi Đua. It was left unchanged."),
                 display);
  else
    g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NEWER,
                 _("“%s” was written by a newer version of Thi Đua (data version %u; this program reads up to %u). Update Thi Đua to open it."),
                 display, version, (guint) TD_SCHEMA_VERSION);
}

static gboolean
has_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > 0;
}

/* Conditions a test running as root cannot make for real (NOTES.md
 * «Failing safely»): THIDUA_SIMULATE=unreadable,read-only,network. */
static gboolean
simulated (const char *condition)
{
  const char *list = g_getenv ("THIDUA_SIMULATE");
  g_auto(GStrv) conditions = NULL;

  if (list == NULL || *list == '\0')
    return FALSE;
  conditions = g_strsplit (list, ",", -1);
  return g_strv_contains ((const char * const *) conditions, condition);
}

/* The file, or its folder (where SQLite keeps the WAL and the lock),
 * cannot be written to. */
static gboolean
cannot_write (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  return simulated ("read-only") || g_access (path, W_OK) != 0 || g_access (folder, W_OK) != 0;
}

/* Reads the 100-byte header without opening the file for writing and
 * refuses whatever is not a whole Thi Đua database (DESIGN.md «Storage»).
 * *@is_new: the file is to be created (it is missing or empty);
 * *@missing: there is no file at all yet. */
static gboolean
check_header (const char  *path,
              gboolean     create,
              gboolean    *is_new,
              gboolean    *missing,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *folder = g_path_get_dirname (path);
  guint8 header[100];
  struct stat st;
  guint32 page_size, page_count, user_version, app_id;
  gssize n;
  int fd;

  *is_new = FALSE;
  *missing = FALSE;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      if (saved == ENOTDIR)
        {
          set_not_folder_error (path, error);
          return FALSE;
        }
      if (saved == ENOENT && !g_file_test (folder, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *display_folder = g_filename_display_name (folder);

          g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NO_FOLDER,
                       _("The folder “%s” does not exist. Choose another place for the database."),
                       display_folder);
          return FALSE;
        }
      if (saved == ENOENT && create)
        {
          *is_new = TRUE;
          *missing = TRUE;
          return TRUE;
        }
      if (saved == ENOENT)
        g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_FOUND,
                     _("The file “%s” does not exist. Check the name, or create a new database."),
                     display);
      else
        g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_UNREADABLE,
                     _("The file “%s” cannot be read: %s."), display, g_strerror (saved));
      return FALSE;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_IS_FOLDER,
                   _("“%s” is a folder, not a database file. Choose a file."), display);
      return FALSE;
    }

  /* Everything may still be in the WAL of a first session that never
   * checkpointed: SQLite reads it, then check_identity decides. */
  if (st.st_size == 0 && has_wal (path))
    return TRUE;

  if (st.st_size == 0)
    {
      if (create)
        {
          *is_new = TRUE;
          return TRUE;
        }
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_EMPTY,
                   _("The file “%s” is empty, not a Thi Đua database. Create a new database instead."),
                   display);
      return FALSE;
    }

  fd = simulated ("unreadable") ? -1 : g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = simulated ("unreadable") ? EACCES : errno;

      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_UNREADABLE,
                   _("The file “%s” cannot be read: %s."), display, g_strerror (saved));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n < (gssize) sizeof header || memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Thi Đua database (it is not a database file at all). Choose a file made by Thi Đua."),
                   display);
      return FALSE;
    }

  app_id = read_be32 (header + 68);
  user_version = read_be32 (header + 60);
  /* A session that ended without a checkpoint (a crash, a power cut)
   * leaves the newest header in the WAL: then SQLite itself tells, once
   * the file is open and before anything is written (check_identity). */
  if (app_id != TD_APPLICATION_ID && !has_wal (path))
    {
      set_identity_error (error, TD_DATABASE_ERROR_FOREIGN, display, 0);
      return FALSE;
    }
  if (user_version > TD_SCHEMA_VERSION)
    {
      set_identity_error (error, TD_DATABASE_ERROR_NEWER, display, user_version);
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = read_be32 (header + 28);
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_CORRUPT,
                   _("The database file “%s” is damaged. Restore it from a backup."), display);
      return FALSE;
    }
  /* The in-header size is valid only when its version matches the change
   * counter (SQLite file format §1.3.7). */
  if ((read_be32 (header + 24) == read_be32 (header + 92) &&
       (guint64) page_count * page_size > (guint64) st.st_size) ||
      st.st_size % page_size != 0)
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_TRUNCATED,
                   _("The database file “%s” is incomplete (cut off, perhaps by a failed copy). Restore it from a backup."),
                   display);
      return FALSE;
    }

  return TRUE;
}

static gboolean
on_network_filesystem (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  struct statfs fs;

  if (simulated ("network"))
    return TRUE;
  if (statfs (folder, &fs) != 0)
    return FALSE;

  switch ((unsigned long) fs.f_type)
    {
    case 0x6969:      /* NFS */
    case 0x517B:      /* SMB */
    case 0xFF534D42:  /* CIFS */
    case 0xFE534D42:  /* SMB2 */
    case 0x65735546:  /* FUSE (sshfs and friends) */
    case 0x564C:      /* NCP */
    case 0x73757245:  /* Coda */
    case 0x6B414653:  /* AFS */
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
td_database_exec (TdDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      td_database_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

static int
query_int (TdDatabase *self,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Migrations are numbered files in the GResource: 001-schema.sql… Each
 * runs in one transaction that also bumps user_version. */
static gboolean
run_migrations (TdDatabase  *self,
                GError     **error)
{
  g_auto(GStrv) names = NULL;
  int current = query_int (self, "PRAGMA user_version");
  guint n;

  names = g_resources_enumerate_children (MIGRATIONS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return FALSE;
  n = g_strv_length (names);
  qsort (names, n, sizeof (char *), compare_names);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *resource = NULL;
      g_autofree char *pragma = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      int version = atoi (names[i]);

      if (version <= current || version > TD_SCHEMA_VERSION)
        continue;

      /* A file made by an older version is backed up before it changes. */
      if (current > 0 && !self->created && !self->no_backups && !td_backup_now (self, NULL, error))
        {
          g_prefix_error (error, _("The database was not updated, because it could not be backed up first: "));
          return FALSE;
        }

      resource = g_strconcat (MIGRATIONS_PATH, names[i], NULL);
      bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      pragma = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                TD_APPLICATION_ID, version);

      if (!td_database_begin (self, error))
        return FALSE;
      if (!td_database_exec (self, sql, error) ||
          !td_database_exec (self, pragma, error) ||
          !td_database_commit (self, error))
        {
          td_database_rollback (self);
          g_prefix_error (error, _("Updating the database to version %d failed: "), version);
          return FALSE;
        }
      current = version;
    }

  return TRUE;
}

static gboolean
register_functions (TdDatabase *self)
{
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;

  return sqlite3_create_function (self->handle, "td_fold", 1, flags, NULL, sql_fold, NULL, NULL) == SQLITE_OK &&
         sqlite3_create_function (self->handle, "td_sort_key", 1, flags, NULL, sql_sort_key, NULL, NULL) == SQLITE_OK &&
         sqlite3_create_function (self->handle, "td_name_key", 1, flags, NULL, sql_name_key, NULL, NULL) == SQLITE_OK &&
         sqlite3_create_collation_v2 (self->handle, "vi", SQLITE_UTF8, NULL, sql_collate_vi, NULL) == SQLITE_OK;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
td_database_finalize (GObject *object)
{
  TdDatabase *self = (TdDatabase *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  /* Released after the last checkpoint, made while still the writer. */
  g_clear_pointer (&self->lock, td_lock_release);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (td_database_parent_class)->finalize (object);
}

static void
td_database_class_init (TdDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_database_finalize;

  /* Emitted after every change committed through this connection. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
td_database_init (TdDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

char *
td_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "thidua", "thidua.db", NULL);
}

/* A database file and the files SQLite keeps beside it. */
static const char *const file_suffixes[] = { "", "-wal", "-shm", "-journal" };

static void remove_files (const char *path,
                          gboolean    with_database);

int
td_database_copy_pages (sqlite3 *to,
                        sqlite3 *from,
                        int     *saved_errno)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  int rc;

  if (saved_errno != NULL)
    *saved_errno = 0;
  if (backup == NULL)
    return sqlite3_errcode (to);
  /* A file kept busy by another program: a few seconds, then a clear
   * refusal rather than waiting for ever. */
  for (guint tries = 0;; tries++)
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || tries >= 100)
        break;
      sqlite3_sleep (50);
    }
  if (saved_errno != NULL)
    *saved_errno = errno;
  sqlite3_backup_finish (backup);
  return rc;
}

gint64
td_database_max_id (TdDatabase *self,
                    const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (id), 0) FROM %s", table);
  g_autoptr(TdStmt) stmt = td_database_prepare (self, sql, NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
}

void
td_database_remove_files (const char *path)
{
  remove_files (path, TRUE);
}

static void
remove_files (const char *path,
              gboolean    with_database)
{
  for (guint i = with_database ? 0 : 1; i < G_N_ELEMENTS (file_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, file_suffixes[i], NULL);

      g_unlink (file);
    }
}

static void
close_handle (TdDatabase *self)
{
  /* Cached statements keep a closed connection (and its files) alive. */
  g_hash_table_remove_all (self->statements);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  self->handle = NULL;
}

/* A database that was being created and failed half-way (a full disk, a
 * file-size limit, a failed migration) leaves nothing behind: an empty
 * file we were given stays empty, a file we made is removed. */
static void
discard_created (TdDatabase *self,
                 gboolean    missing)
{
  close_handle (self);
  if (!missing && truncate (self->path, 0) != 0)
    g_debug ("Emptying %s again failed: %s", self->path, g_strerror (errno));
  remove_files (self->path, missing);
}

/* The identity as SQLite reads it, the WAL included: nothing has been
 * written yet, so a refused file is left as it was. */
static gboolean
check_identity (TdDatabase  *self,
                GError     **error)
{
  g_autofree char *display = g_filename_display_name (self->path);
  int app_id = query_int (self, "PRAGMA application_id");
  int version = query_int (self, "PRAGMA user_version");

  /* Closing the last connection would checkpoint the WAL into the file:
   * a refused file must be left as it was. */
  if (app_id != TD_APPLICATION_ID || version > TD_SCHEMA_VERSION)
    sqlite3_db_config (self->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  if (app_id != TD_APPLICATION_ID)
    {
      set_identity_error (error, TD_DATABASE_ERROR_FOREIGN, display, 0);
      return FALSE;
    }
  if (version > TD_SCHEMA_VERSION)
    {
      set_identity_error (error, TD_DATABASE_ERROR_NEWER, display, (guint) version);
      return FALSE;
    }
  return TRUE;
}

static gboolean
readable_now (sqlite3 *handle)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = sqlite3_prepare_v2 (handle, "PRAGMA application_id", -1, &stmt, NULL) == SQLITE_OK &&
                sqlite3_step (stmt) == SQLITE_ROW;

  sqlite3_finalize (stmt);
  return ok;
}

/* A file opened read-only is read as it is: one that needs a migration
 * cannot be. */
static gboolean
check_read_only_version (TdDatabase  *self,
                         GError     **error)
{
  g_autofree char *display = g_filename_display_name (self->path);

  if (query_int (self, "PRAGMA user_version") >= TD_SCHEMA_VERSION)
    return TRUE;
  g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_READ_ONLY,
               _("“%s” was made by an older version of Thi Đua and must be updated, but it cannot be written to. Copy it to a folder you may write to and open the copy."),
               display);
  return FALSE;
}

static gboolean
open_handle (TdDatabase  *self,
             GError     **error)
{
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->handle,
                        (self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                        (self->created ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      td_database_set_error (self, error, rc);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->handle, 1);

  /* A WAL file in a folder that cannot be written has no shared-memory
   * file to read through: read it as a file nobody changes meanwhile. */
  if (self->read_only && !readable_now (self->handle))
    {
      g_autofree char *absolute = g_canonicalize_filename (self->path, NULL);
      g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);
      g_autofree char *immutable = uri != NULL ? g_strconcat (uri, "?immutable=1", NULL) : NULL;

      sqlite3_close_v2 (self->handle);
      self->handle = NULL;
      rc = immutable == NULL ? SQLITE_CANTOPEN
                             : sqlite3_open_v2 (immutable, &self->handle,
                                                SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
      if (rc != SQLITE_OK)
        {
          td_database_set_error (self, error, rc);
          return FALSE;
        }
      sqlite3_extended_result_codes (self->handle, 1);
    }

  if (!self->created && !check_identity (self, error))
    return FALSE;

  if (!register_functions (self))
    {
      td_database_set_error (self, error, sqlite3_errcode (self->handle));
      return FALSE;
    }

  sqlite3_busy_timeout (self->handle, 5000);
  /* The undo history and the pages of a large change (an import) stay in
   * memory instead of spilling to temporary files. */
  if (!td_database_exec (self, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; "
                         "PRAGMA cache_size = -32768", error))
    return FALSE;

  /* WAL needs shared memory that network filesystems do not provide. */
  self->network = on_network_filesystem (self->path);
  self->wal = !self->network;
  if (self->read_only)
    return check_read_only_version (self, error) && td_search_attach (self, error) &&
           td_undo_attach (self, error);
  if (!td_database_exec (self,
                         self->wal ? "PRAGMA journal_mode = WAL"
                                   : "PRAGMA journal_mode = DELETE",
                         error))
    return FALSE;

  return run_migrations (self, error) && td_audit_attach (self, error) &&
         td_database_rebuild_derived (self, error) &&
         td_search_attach (self, error) && td_undo_attach (self, error);
}

TdDatabase *
td_database_open (const char           *path,
                  TdDatabaseOpenFlags   flags,
                  GError              **error)
{
  g_autoptr(TdDatabase) self = NULL;
  gboolean is_new = FALSE;
  gboolean missing = FALSE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_header (path, (flags & TD_DATABASE_OPEN_CREATE) != 0, &is_new, &missing, error))
    return NULL;

  {
    static gsize registered;

    /* Registered by hand: a static library drops resource constructors. */
    if (g_once_init_enter (&registered))
      {
        td_core_register_resource ();
        g_once_init_leave (&registered, 1);
      }
  }

  self = g_object_new (TD_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->created = is_new;
  self->read_only = !is_new && ((flags & TD_DATABASE_OPEN_READ_ONLY) != 0 || cannot_write (path));
  self->no_backups = (flags & TD_DATABASE_OPEN_COPY) != 0;

  /* One writer at a time: the second is told who has the file. */
  if (!self->read_only && (flags & TD_DATABASE_OPEN_SHARED) == 0)
    {
      self->lock = td_lock_acquire (path, error);
      if (self->lock == NULL)
        {
          if (is_new && missing)
            remove_files (path, TRUE);
          return NULL;
        }
    }

  if (!open_handle (self, error))
    {
      if (is_new)
        discard_created (self, missing);
      return NULL;
    }

  /* Once a day; a backup that fails does not keep the file closed. */
  if (!is_new && !self->read_only && !self->no_backups)
    {
      g_autoptr(GError) backup_error = NULL;

      if (!td_backup_daily (self, &backup_error))
        g_debug ("No backup on opening %s: %s", path, backup_error->message);
    }

  return g_steal_pointer (&self);
}

gboolean
td_database_reload (TdDatabase  *self,
                    GError     **error)
{
  g_return_val_if_fail (TD_IS_DATABASE (self), FALSE);

  td_undo_forget (self);
  if (!run_migrations (self, error) || !td_database_rebuild_derived (self, error) ||
      !td_search_sync (self, error))
    return FALSE;
  td_undo_forget (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

const char *
td_database_get_path (TdDatabase *self)
{
  g_return_val_if_fail (TD_IS_DATABASE (self), NULL);
  return self->path;
}

gboolean
td_database_get_created (TdDatabase *self)
{
  g_return_val_if_fail (TD_IS_DATABASE (self), FALSE);
  return self->created;
}

gboolean
td_database_get_read_only (TdDatabase *self)
{
  g_return_val_if_fail (TD_IS_DATABASE (self), FALSE);
  return self->read_only;
}

gboolean
td_database_get_network (TdDatabase *self)
{
  g_return_val_if_fail (TD_IS_DATABASE (self), FALSE);
  return self->network;
}

gboolean
td_database_get_lock_was_stale (TdDatabase *self)
{
  g_return_val_if_fail (TD_IS_DATABASE (self), FALSE);
  return td_lock_was_stale (self->lock);
}

gboolean
td_database_get_wal (TdDatabase *self)
{
  g_return_val_if_fail (TD_IS_DATABASE (self), FALSE);
  return self->wal;
}

int
td_database_get_schema_version (TdDatabase *self)
{
  g_return_val_if_fail (TD_IS_DATABASE (self), -1);
  return query_int (self, "PRAGMA user_version");
}

sqlite3 *
td_database_get_handle (TdDatabase *self)
{
  g_return_val_if_fail (TD_IS_DATABASE (self), NULL);
  return self->handle;
}

TdStmt *
td_database_prepare (TdDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      td_database_set_error (self, error, rc);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
td_database_step_done (TdDatabase  *self,
                       TdStmt      *stmt,
                       GError     **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      td_database_set_error (self, error, rc);
      return FALSE;
    }
  /* A change outside a transaction committed by itself. */
  if (self->depth == 0 && !sqlite3_stmt_readonly (stmt))
    g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* Nested transactions become savepoints, so a store may call another
 * store inside its own transaction; their statements are prepared once
 * (a bulk write opens and releases one for every row). */
static gboolean
run_cached (TdDatabase  *self,
            const char  *sql,
            GError     **error)
{
  g_autoptr(TdStmt) stmt = td_database_prepare (self, sql, error);

  return stmt != NULL && td_database_step_done (self, stmt, error);
}

gboolean
td_database_begin (TdDatabase  *self,
                   GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (self), FALSE);

  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT td_%u", self->depth);
  if (self->depth == 0 ? !td_database_exec (self, sql, error) : !run_cached (self, sql, error))
    return FALSE;
  self->depth++;
  if (self->depth == 1 && !td_audit_begin (self, error))
    {
      td_database_rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
td_database_commit (TdDatabase  *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE td_%u", self->depth - 1);
  if (self->depth == 1 && !td_audit_finish (self, error))
    return FALSE;
  if (self->depth == 1 ? !td_database_exec (self, sql, error) : !run_cached (self, sql, error))
    return FALSE;
  self->depth--;
  if (self->depth == 0)
    g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
td_database_in_transaction (TdDatabase *self)
{
  g_return_val_if_fail (TD_IS_DATABASE (self), FALSE);
  return self->depth > 0;
}

void
td_database_rollback (TdDatabase *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (TD_IS_DATABASE (self));
  g_return_if_fail (self->depth > 0);

  self->depth--;

  /* After some errors (a full disk, I/O) SQLite has already rolled the
   * whole transaction back: there is nothing left to undo. */
  if (sqlite3_get_autocommit (self->handle))
    return;

  sql = self->depth == 0 ? g_strdup ("ROLLBACK")
                         : g_strdup_printf ("ROLLBACK TO td_%u; RELEASE td_%u",
                                            self->depth, self->depth);
  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Rolling back failed: %s", sqlite3_errmsg (self->handle));
}

/* No records a user made: the window then offers the sample. */
gboolean
td_database_is_empty (TdDatabase *self)
{
  g_return_val_if_fail (TD_IS_DATABASE (self), TRUE);

  return query_int (self,
                    "SELECT (SELECT count(*) FROM units) + (SELECT count(*) FROM people)"
                    " + (SELECT count(*) FROM campaigns) + (SELECT count(*) FROM decisions)") == 0;
}

static const DerivedTable *
find_derived (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (derived_tables); i++)
    if (g_str_equal (derived_tables[i].table, table))
      return &derived_tables[i];
  return NULL;
}

const char *
td_database_derived_sql (const char  *table,
                         const char **search,
                         const char **sort_key)
{
  const DerivedTable *d = find_derived (table);

  g_return_val_if_fail (d != NULL, NULL);
  *search = d->search;
  *sort_key = d->sort_key;
  return d->source;
}

gboolean
td_database_update_derived (TdDatabase  *self,
                            const char  *table,
                            gint64       id,
                            GError     **error)
{
  const DerivedTable *d = find_derived (table);
  g_autofree char *sql = NULL;
  g_autoptr(TdStmt) stmt = NULL;

  g_return_val_if_fail (d != NULL, FALSE);

  sql = g_strdup_printf ("UPDATE %s SET search_text = %s, sort_key = %s, derived_from = %s "
                         "WHERE id = ?1",
                         d->table, d->search, d->sort_key, d->source);
  stmt = td_database_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return td_database_step_done (self, stmt, error);
}

/* Rows written by outside tools carry no derived data, or stale data:
 * compare each row's source with what its derived data was made from.
 * Looking is a plain read: opening a file another program is writing to
 * must not wait for its write lock when there is nothing to rebuild. */
static char *
stale_condition (const DerivedTable *d)
{
  return g_strdup_printf ("derived_from IS NOT %s OR search_text IS NULL OR sort_key IS NULL",
                          d->source);
}

static gboolean
needs_rebuild (TdDatabase  *self,
               gboolean    *needed,
               GError     **error)
{
  *needed = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (derived_tables) && !*needed; i++)
    {
      const DerivedTable *d = &derived_tables[i];
      g_autofree char *condition = stale_condition (d);
      g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s WHERE %s)",
                                              d->table, condition);
      sqlite3_stmt *stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *needed = sqlite3_column_int (stmt, 0) != 0;
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW)
        {
          td_database_set_error (self, error, rc);
          return FALSE;
        }
    }
  return TRUE;
}

/* The stale search_text, sort_key and derived_from columns, in one
 * transaction. */
static gboolean
rebuild_columns (TdDatabase  *self,
                 GError     **error)
{
  if (!td_database_begin (self, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (derived_tables); i++)
    {
      const DerivedTable *d = &derived_tables[i];
      g_autofree char *condition = stale_condition (d);
      g_autofree char *sql = NULL;

      sql = g_strdup_printf ("UPDATE %s SET search_text = %s, sort_key = %s, derived_from = %s "
                             "WHERE %s",
                             d->table, d->search, d->sort_key, d->source, condition);
      if (!td_database_exec (self, sql, error))
        {
          td_database_rollback (self);
          return FALSE;
        }
    }

  return td_database_commit (self, error);
}

gboolean
td_database_rebuild_derived (TdDatabase  *self,
                             GError     **error)
{
  gboolean needed = FALSE;

  g_return_val_if_fail (TD_IS_DATABASE (self), FALSE);

  if (!needs_rebuild (self, &needed, error))
    return FALSE;
  if (needed && !rebuild_columns (self, error))
    return FALSE;

  /* The full-text index is derived data too; after the migration to
   * version 2 this builds it whole. */
  return td_search_sync (self, error);
}

static gboolean
same_file (const GStatBuf *a,
           const GStatBuf *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* TRUE when @path names the database or one of its -wal, -shm, -journal
 * files, by device and inode rather than by spelling: a symbolic link or
 * a symlinked folder must not let a backup replace the live database. */
static gboolean
is_own_file (TdDatabase     *self,
             const char     *path,
             const GStatBuf *target)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *own_folder = g_path_get_dirname (self->path);
  g_autofree char *own_name = g_path_get_basename (self->path);
  GStatBuf a, b;
  gboolean same_folder;

  same_folder = g_stat (folder, &a) == 0 && g_stat (own_folder, &b) == 0 && same_file (&a, &b);

  for (guint i = 0; i < G_N_ELEMENTS (file_suffixes); i++)
    {
      g_autofree char *own = g_strconcat (self->path, file_suffixes[i], NULL);
      g_autofree char *own_base = g_strconcat (own_name, file_suffixes[i], NULL);
      GStatBuf st;

      if (target != NULL && g_stat (own, &st) == 0 && same_file (&st, target))
        return TRUE;
      /* A -journal that does not exist yet would be taken for a hot
       * journal by SQLite and played into the database. */
      if (same_folder && g_str_equal (name, own_base))
        return TRUE;
    }
  return FALSE;
}

/* An older backup of ours: SQLite's magic and our application_id. */
static gboolean
is_thidua_file (const char *path)
{
  guint8 header[100];
  gssize n;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    return FALSE;
  n = read (fd, header, sizeof header);
  close (fd);

  return n == (gssize) sizeof header &&
         memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) == 0 &&
         read_be32 (header + 68) == TD_APPLICATION_ID;
}

/* The backup replaces nothing but an empty file or an older backup. */
static gboolean
check_backup_target (TdDatabase  *self,
                     const char  *out_path,
                     GError     **error)
{
  g_autofree char *display = g_filename_display_name (out_path);
  g_autofree char *folder = g_path_get_dirname (out_path);
  GStatBuf st;
  gboolean exists = g_stat (out_path, &st) == 0;

  if (!exists)
    {
      int saved = errno;

      if (saved == ENOTDIR)
        {
          set_not_folder_error (out_path, error);
          return FALSE;
        }
      if (saved == ENOENT && !g_file_test (folder, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *display_folder = g_filename_display_name (folder);

          g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NO_FOLDER,
                       _("The folder “%s” does not exist. Choose another place for the backup."),
                       display_folder);
          return FALSE;
        }
      if (saved != ENOENT)
        {
          g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_FAILED,
                       _("The backup file “%s” cannot be written: %s. Choose another place for the backup."),
                       display, g_strerror (saved));
          return FALSE;
        }
    }
  else if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_IS_FOLDER,
                   _("“%s” is a folder. Give the name of the backup file."), display);
      return FALSE;
    }
  else if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_FAILED,
                   _("“%s” is not a regular file (it is a device or a pipe). Give the name of a file for the backup."),
                   display);
      return FALSE;
    }

  if (is_own_file (self, out_path, exists ? &st : NULL))
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_FAILED,
                   _("The backup cannot replace the database itself. Choose another file name."));
      return FALSE;
    }

  if (exists && st.st_size > 0 && !is_thidua_file (out_path))
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_FOREIGN,
                   _("“%s” already exists and is not a Thi Đua database. Choose another name for the backup, or remove that file first."),
                   display);
      return FALSE;
    }

  return TRUE;
}

/* Our own words for what went wrong writing the copy, not SQLite's. */
static void
set_backup_error (sqlite3     *target,
                  int          rc,
                  int          saved_errno,
                  const char  *display,
                  GError     **error)
{
  int system_errno = target != NULL && sqlite3_system_errno (target) != 0
                     ? sqlite3_system_errno (target) : saved_errno;

  if ((rc & 0xff) == SQLITE_FULL || is_disk_full_errno (system_errno) ||
      ((rc & 0xff) == SQLITE_IOERR && io_error_is_disk_full (target)))
    g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_DISK_FULL,
                 _("The disk is full: the backup “%s” could not be written. Free some space and try again."),
                 display);
  else if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_CORRUPT,
                 _("The database file is damaged. Restore it from a backup."));
  else if (system_errno != 0)
    g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_FAILED,
                 _("The backup file “%s” cannot be written: %s. Choose another place for the backup."),
                 display, g_strerror (system_errno));
  else
    g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_FAILED,
                 _("The backup file “%s” cannot be written. Check the disk and try again."),
                 display);
}

/* An online backup through SQLite (never a file copy: the WAL may hold
 * the newest pages), written beside the target and renamed when whole. */
gboolean
td_database_backup (TdDatabase  *self,
                    const char  *out_path,
                    GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *tmp_path = NULL;
  sqlite3 *target = NULL;
  int saved_errno = 0;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (out_path != NULL, FALSE);

  if (!check_backup_target (self, out_path, error))
    return FALSE;

  display = g_filename_display_name (out_path);
  tmp_path = g_strdup_printf ("%s.tmp-%d", out_path, (int) getpid ());
  remove_files (tmp_path, TRUE);

  rc = sqlite3_open_v2 (tmp_path, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      rc = td_database_copy_pages (target, self->handle, &saved_errno);
      if (rc == SQLITE_DONE)
        {
          rc = sqlite3_exec (target, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
          saved_errno = errno;
        }
    }
  else
    saved_errno = errno;

  if (rc != SQLITE_OK)
    {
      set_backup_error (target, rc, saved_errno, display, error);
      sqlite3_close_v2 (target);
      remove_files (tmp_path, TRUE);
      return FALSE;
    }
  sqlite3_close_v2 (target);

  if (g_rename (tmp_path, out_path) != 0)
    {
      int saved = errno;

      remove_files (tmp_path, TRUE);
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_FAILED,
                   _("The backup could not be saved as “%s”: %s."), display, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

/* integrity_check and foreign_key_check; each problem found is one line. */
gboolean
td_database_check (TdDatabase  *self,
                   GPtrArray  **problems,
                   GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (self), FALSE);

  rc = sqlite3_prepare_v2 (self->handle, "PRAGMA integrity_check", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (found, g_strdup (line));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      td_database_set_error (self, error, rc);
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (self->handle, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (found,
                       g_strdup_printf (_("Row %lld of table “%s” refers to a missing row of “%s”."),
                                        (long long) sqlite3_column_int64 (stmt, 1),
                                        (const char *) sqlite3_column_text (stmt, 0),
                                        (const char *) sqlite3_column_text (stmt, 2)));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      td_database_set_error (self, error, rc);
      return FALSE;
    }

  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return TRUE;
}

void
td_bind_text (TdStmt     *stmt,
              int         index,
              const char *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
td_bind_id (TdStmt *stmt,
            int     index,
            gint64  id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

void
td_bind_int_or_null (TdStmt *stmt,
                     int     index,
                     gint64  value)
{
  if (value == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

char *
td_column_text (TdStmt *stmt,
                int     index)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

gint64
td_column_id (TdStmt *stmt,
              int     index)
{
  return sqlite3_column_type (stmt, index) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, index);
}
