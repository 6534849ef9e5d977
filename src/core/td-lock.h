#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Who has a database open for writing: a lock file beside it
 * («thidua.db-lock») holding the user, the host, the process and since
 * when, with an fcntl lock held on it while the file is open.  The kernel
 * drops that lock when the process ends however it ends, so a lock file
 * without it was left by a crash: stale, and taken over. */
typedef struct _TdLock TdLock;

/* NULL with TD_DATABASE_ERROR_IN_USE naming who and since when. */
TdLock   *td_lock_acquire      (const char  *db_path,
                                GError     **error);
void      td_lock_release      (TdLock      *lock);
/* The lock file was left by a process that is gone, and was taken over. */
gboolean  td_lock_was_stale    (TdLock      *lock);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdLock, td_lock_release)

G_END_DECLS
