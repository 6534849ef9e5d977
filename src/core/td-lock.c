#define G_LOG_DOMAIN "td-lock"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "td-error.h"
#include "td-lock.h"

struct _TdLock
{
  char     *path;
  int       fd;
  gboolean  stale;
};

static char *
lock_path (const char *db_path)
{
  return g_strconcat (db_path, "-lock", NULL);
}

/* «user\nhost\npid\n2026-11-29T08:15:02+07:00\n» */
static char *
describe_self (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *since = g_date_time_format_iso8601 (now);

  return g_strdup_printf ("%s\n%s\n%d\n%s\n", g_get_user_name (), g_get_host_name (),
                          (int) getpid (), since);
}

static void
set_in_use_error (int          fd,
                  const char  *db_path,
                  GError     **error)
{
  g_autofree char *display = g_filename_display_name (db_path);
  char text[1024] = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autofree char *when = NULL;
  gssize n = pread (fd, text, sizeof text - 1, 0);

  lines = g_strsplit (n > 0 ? text : "", "\n", 5);
  if (g_strv_length (lines) >= 4)
    since = g_date_time_new_from_iso8601 (lines[3], NULL);
  if (since != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (since);

      when = g_date_time_format (local, "%H:%M %d/%m/%Y");
    }
  if (when != NULL && g_utf8_validate (lines[0], -1, NULL) && g_utf8_validate (lines[1], -1, NULL))
    /* Translators: the file, a user name, a computer's name, a time and date. */
    g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_IN_USE,
                 _("“%s” is open in Thi Đua by %s on the computer %s since %s. Open it read-only, or ask them to close it first."),
                 display, lines[0], lines[1], when);
  else
    g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_IN_USE,
                 _("“%s” is open in Thi Đua in another window or on another computer. Open it read-only, or close it there first."),
                 display);
}

TdLock *
td_lock_acquire (const char  *db_path,
                 GError     **error)
{
  g_autofree char *path = lock_path (db_path);
  g_autofree char *me = describe_self ();
  struct flock whole = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
  struct stat st;
  TdLock *lock;
  int fd;

  for (guint attempt = 0;; attempt++)
    {
      struct stat named;

      fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
      if (fd < 0)
        {
          int saved = errno;
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_FAILED,
                       _("The lock file “%s” cannot be written: %s. Check that the folder may be written to."),
                       display, g_strerror (saved));
          return NULL;
        }
      /* An open-file-description lock: two opens even in one process
       * exclude each other, and the kernel releases it when the process
       * dies. */
      if (fcntl (fd, F_OFD_SETLK, &whole) != 0)
        {
          int saved = errno;

          if (saved == EAGAIN || saved == EACCES)
            {
              set_in_use_error (fd, db_path, error);
              close (fd);
              return NULL;
            }
          /* A filesystem without locks (some network mounts): the file
           * is still ours to write, only unguarded. */
          g_debug ("Locking %s is not possible here: %s", path, g_strerror (saved));
          break;
        }
      /* The holder before may have removed the file as we opened it: the
       * lock counts only on the file that still has the name. */
      if (g_stat (path, &named) == 0 && fstat (fd, &st) == 0 &&
          named.st_dev == st.st_dev && named.st_ino == st.st_ino)
        break;
      close (fd);
      if (attempt >= 10)
        {
          set_in_use_error (-1, db_path, error);
          return NULL;
        }
    }

  lock = g_new0 (TdLock, 1);
  lock->path = g_steal_pointer (&path);
  lock->fd = fd;
  lock->stale = fstat (fd, &st) == 0 && st.st_size > 0;
  if (lock->stale)
    g_debug ("Taking over the stale lock %s", lock->path);
  if (ftruncate (fd, 0) != 0 || pwrite (fd, me, strlen (me), 0) != (gssize) strlen (me))
    g_debug ("Writing the lock %s failed: %s", lock->path, g_strerror (errno));
  return lock;
}

gboolean
td_lock_was_stale (TdLock *lock)
{
  return lock != NULL && lock->stale;
}

void
td_lock_release (TdLock *lock)
{
  if (lock == NULL)
    return;
  /* Removed while still held, so no one takes a lock being removed. */
  g_unlink (lock->path);
  close (lock->fd);
  g_free (lock->path);
  g_free (lock);
}
