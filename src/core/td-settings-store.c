#define G_LOG_DOMAIN "td-settings-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "td-database-private.h"
#include "td-settings-store.h"
#include "td-text.h"

/* The keys whose values the documents depend on (DESIGN.md «Schema»). */
typedef struct
{
  const char *key;
  const char *values[4];
} CheckedKey;

static const CheckedKey checked_keys[] = {
  { "bonus.rounding", { "up10000", "down10000", "none", NULL } },
  { "words.linh", { "linh", "lẻ", NULL } },
  { "words.nghin", { "nghìn", "ngàn", NULL } },
  { "words.tu", { "tư", "bốn", NULL } },
  { "words.chan", { "0", "1", NULL } },
};

static const CheckedKey *
find_checked_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (checked_keys); i++)
    if (g_str_equal (checked_keys[i].key, key))
      return &checked_keys[i];
  return NULL;
}

/* Keys outside DESIGN.md's list are allowed for plugins and later
 * versions, in the same shape: «group.name», lower-case ASCII. */
static gboolean
key_is_valid (const char *key)
{
  if (strchr (key, '.') == NULL)
    return FALSE;
  for (const char *p = key; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '.' && *p != '_')
      return FALSE;
  return TRUE;
}

/* The value to store for @key, or NULL with @error set. */
static char *
check_value (const char  *key,
             const char  *value,
             GError     **error)
{
  const CheckedKey *checked = find_checked_key (key);
  g_autofree char *normal = NULL;
  g_autofree char *choices = NULL;

  if (checked == NULL)
    {
      normal = td_text_normalize_lines (value, TRUE);
      return normal != NULL ? g_steal_pointer (&normal) : g_strdup ("");
    }

  normal = td_text_normalize (value);
  for (guint i = 0; checked->values[i] != NULL; i++)
    if (g_strcmp0 (normal, checked->values[i]) == 0)
      return g_steal_pointer (&normal);

  choices = g_strjoinv (", ", (char **) checked->values);
  td_set_field_error (error, TD_FIELD_ERROR_RANGE, key,
                      _("“%s” is not a value the setting “%s” takes. Use one of: %s."),
                      normal != NULL ? normal : "", key, choices);
  return NULL;
}

char *
td_settings_store_get (TdDatabase  *db,
                       const char  *key,
                       GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = td_database_prepare (db, "SELECT value FROM settings WHERE key = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return td_column_text (stmt, 0);
  if (rc != SQLITE_DONE)
    td_database_set_error (db, error, rc);
  return NULL;
}

/* An empty value is kept as NULL: «no organisation name», which the
 * documents show as an empty line rather than a default. */
gboolean
td_settings_store_set (TdDatabase  *db,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  g_autofree char *stored = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!key_is_valid (key))
    {
      td_set_field_error (error, TD_FIELD_ERROR_FORMAT, key,
                          _("“%s” is not a setting name. Use lower-case letters, digits and "
                            "underscores in two parts joined by a dot, like “org.name”."),
                          key);
      return FALSE;
    }
  stored = check_value (key, value, error);
  if (stored == NULL)
    return FALSE;

  stmt = td_database_prepare (db,
                              "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  td_bind_text (stmt, 2, stored);
  return td_database_step_done (db, stmt, error);
}

/* Deleting a key that is not there is not an error. */
gboolean
td_settings_store_delete (TdDatabase  *db,
                          const char  *key,
                          GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  stmt = td_database_prepare (db, "DELETE FROM settings WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  return td_database_step_done (db, stmt, error);
}

/* Keys with a NULL value are present, mapped to NULL. */
GHashTable *
td_settings_store_list (TdDatabase  *db,
                        GError     **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  g_autoptr(GHashTable) settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  stmt = td_database_prepare (db, "SELECT key, value FROM settings", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (settings, td_column_text (stmt, 0), td_column_text (stmt, 1));
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return NULL;
    }
  return g_steal_pointer (&settings);
}

/* DOMAIN.md: up to the next 10,000 đồng unless the office chose otherwise;
 * a value written wrong by an outside tool falls back to that too. */
TdRounding
td_settings_store_get_rounding (TdDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  TdRounding rounding = TD_ROUNDING_UP_10000;

  g_return_val_if_fail (TD_IS_DATABASE (db), TD_ROUNDING_UP_10000);

  value = td_settings_store_get (db, "bonus.rounding", &error);
  if (error != NULL)
    g_debug ("Reading the rounding setting failed: %s", error->message);
  if (value == NULL || !td_rounding_from_string (value, &rounding))
    return TD_ROUNDING_UP_10000;
  return rounding;
}
