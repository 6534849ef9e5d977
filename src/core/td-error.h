#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TD_DATABASE_ERROR (td_database_error_quark ())

/* What went wrong opening or writing a database file.  Messages are
 * translated and say what the user can do about it. */
typedef enum
{
  TD_DATABASE_ERROR_NOT_FOUND,
  TD_DATABASE_ERROR_NO_FOLDER,
  TD_DATABASE_ERROR_IS_FOLDER,
  TD_DATABASE_ERROR_EMPTY,
  TD_DATABASE_ERROR_NOT_DATABASE,
  TD_DATABASE_ERROR_FOREIGN,
  TD_DATABASE_ERROR_NEWER,
  TD_DATABASE_ERROR_TRUNCATED,
  TD_DATABASE_ERROR_CORRUPT,
  TD_DATABASE_ERROR_UNREADABLE,
  TD_DATABASE_ERROR_READ_ONLY,
  TD_DATABASE_ERROR_LOCKED,
  TD_DATABASE_ERROR_DISK_FULL,
  TD_DATABASE_ERROR_FAILED,
  TD_DATABASE_ERROR_IN_USE,      /* open for writing in another Thi Đua */
} TdDatabaseError;

#define TD_FIELD_ERROR (td_field_error_quark ())

/* A value a user gave that a store refuses.  The error carries the name
 * of the field (td_field_error_get_field()) so a form can show it there. */
typedef enum
{
  TD_FIELD_ERROR_REQUIRED,
  TD_FIELD_ERROR_RANGE,
  TD_FIELD_ERROR_FORMAT,
  TD_FIELD_ERROR_REFERENCE,
  TD_FIELD_ERROR_IN_USE,
  TD_FIELD_ERROR_LOCKED,
  TD_FIELD_ERROR_NOT_FOUND,
  TD_FIELD_ERROR_AMBIGUOUS,
} TdFieldError;

GQuark      td_database_error_quark  (void);
GQuark      td_field_error_quark     (void);

void        td_set_field_error       (GError       **error,
                                      TdFieldError   code,
                                      const char    *field,
                                      const char    *format,
                                      ...) G_GNUC_PRINTF (4, 5);
const char *td_field_error_get_field (const GError  *error);

G_END_DECLS
