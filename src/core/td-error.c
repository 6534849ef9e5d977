#define G_LOG_DOMAIN "td-error"

#include "config.h"

#include "td-error.h"

typedef struct
{
  char *field;
} TdFieldErrorPrivate;

static void
td_field_error_private_init (TdFieldErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
td_field_error_private_copy (const TdFieldErrorPrivate *src,
                             TdFieldErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
td_field_error_private_clear (TdFieldErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (TdFieldError, td_field_error)

G_DEFINE_QUARK (td-database-error-quark, td_database_error)

void
td_set_field_error (GError       **error,
                    TdFieldError   code,
                    const char    *field,
                    const char    *format,
                    ...)
{
  g_autofree char *message = NULL;
  GError *new_error;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  new_error = g_error_new_literal (TD_FIELD_ERROR, code, message);
  td_field_error_get_private (new_error)->field = g_strdup (field);
  g_propagate_error (error, new_error);
}

const char *
td_field_error_get_field (const GError *error)
{
  TdFieldErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != TD_FIELD_ERROR)
    return NULL;
  priv = td_field_error_get_private (error);
  return priv != NULL ? priv->field : NULL;
}
