#define G_LOG_DOMAIN "td-import"

#include "config.h"

#include <string.h>

#include "td-import-units.h"
#include "td-records.h"
#include "td-text.h"
#include "td-unit-store.h"

struct _TdUnitIndex
{
  TdDatabase  *db;
  GPtrArray   *units;      /* TdUnit: the directory's, then the planned ones */
  GHashTable  *by_name;    /* folded name → GPtrArray of TdUnit (not owned) */
  GHashTable  *real_ids;   /* planned id → record id, after creating */
  GHashTable  *found;      /* text as given → the unit found (a list names
                            * the same units over and over); emptied
                            * whenever a unit is planned */
  guint        n_planned;
};

static void
add_name (TdUnitIndex *index,
          const char  *name,
          TdUnit      *unit)
{
  g_autofree char *key = td_text_fold (name);
  GPtrArray *same = g_hash_table_lookup (index->by_name, key);

  if (same == NULL)
    {
      same = g_ptr_array_new ();
      g_hash_table_insert (index->by_name, g_steal_pointer (&key), same);
    }
  if (!g_ptr_array_find (same, unit, NULL))
    g_ptr_array_add (same, unit);
}

/* A unit is found by its name and by its short name («Đồn BP Hoành Mô»). */
static void
add_unit (TdUnitIndex *index,
          TdUnit      *unit)
{
  add_name (index, unit->name, unit);
  if (unit->short_name != NULL && *unit->short_name != '\0')
    add_name (index, unit->short_name, unit);
  g_ptr_array_add (index->units, unit);
}

TdUnitIndex *
td_unit_index_new (TdDatabase  *db,
                   GError     **error)
{
  g_autoptr(GPtrArray) units = td_unit_store_list (db, NULL, TRUE, error);
  TdUnitIndex *index;

  if (units == NULL)
    return NULL;
  index = g_new0 (TdUnitIndex, 1);
  index->db = g_object_ref (db);
  index->units = g_ptr_array_new_with_free_func ((GDestroyNotify) td_unit_free);
  index->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  index->real_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  index->found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < units->len; i++)
    add_unit (index, g_ptr_array_steal_index_fast (units, i--));
  return index;
}

void
td_unit_index_free (TdUnitIndex *index)
{
  if (index == NULL)
    return;
  g_clear_object (&index->db);
  g_hash_table_unref (index->by_name);
  g_hash_table_unref (index->real_ids);
  g_hash_table_unref (index->found);
  g_ptr_array_unref (index->units);
  g_free (index);
}

static GPtrArray *
named (TdUnitIndex *index,
       const char  *name)
{
  g_autofree char *key = td_text_fold (name);

  return g_hash_table_lookup (index->by_name, key);
}

gint64
td_unit_index_child (TdUnitIndex *index,
                     gint64       parent_id,
                     const char  *name)
{
  GPtrArray *same = named (index, name);

  for (guint i = 0; same != NULL && i < same->len; i++)
    {
      const TdUnit *unit = g_ptr_array_index (same, i);

      if (unit->parent_id == parent_id)
        return unit->id;
    }
  return 0;
}

gint64
td_unit_index_plan (TdUnitIndex *index,
                    gint64       parent_id,
                    const char  *name)
{
  TdUnit *unit = td_unit_new ();

  g_hash_table_remove_all (index->found);
  index->n_planned++;
  unit->id = -(gint64) index->n_planned;
  unit->parent_id = parent_id;
  unit->name = g_strdup (name);
  add_unit (index, unit);
  return unit->id;
}

/* The one unit of @same, those not archived first; 0 when none or several. */
static gint64
only_unit (GPtrArray *same,
           gboolean   top_only,
           guint     *n_found)
{
  gint64 found = 0, found_live = 0;
  guint n = 0, n_live = 0;

  for (guint i = 0; same != NULL && i < same->len; i++)
    {
      const TdUnit *unit = g_ptr_array_index (same, i);

      if (top_only && unit->parent_id != 0)
        continue;
      found = unit->id;
      n++;
      if (!unit->archived)
        {
          found_live = unit->id;
          n_live++;
        }
    }
  *n_found = n;
  if (n_live == 1)
    return found_live;
  return n == 1 ? found : 0;
}

TdUnitLookup
td_unit_index_lookup (TdUnitIndex  *index,
                      const char   *text,
                      gboolean      create,
                      gint64       *id,
                      char        **missing_part)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) names = NULL;
  gint64 current = 0;
  gint64 *known;
  guint n = 0;

  *id = 0;
  if (missing_part != NULL)
    *missing_part = NULL;
  known = g_hash_table_lookup (index->found, text);
  if (known != NULL)
    {
      *id = *known;
      return TD_UNIT_FOUND;
    }
  parts = g_strsplit (text, "/", -1);
  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *name = td_text_normalize (parts[i]);

      if (name != NULL && *name != '\0')
        g_ptr_array_add (names, name);
      else
        g_free (name);
    }
  if (names->len == 0)
    return TD_UNIT_MISSING;

  /* The first part: at the top, else anywhere when its name is unique;
   * «UBND xã Hoành Mô» is the commune «Xã Hoành Mô». */
  current = only_unit (named (index, g_ptr_array_index (names, 0)), TRUE, &n);
  if (current == 0 && n == 0)
    current = only_unit (named (index, g_ptr_array_index (names, 0)), FALSE, &n);
  if (current == 0 && n == 0 && g_ascii_strncasecmp (g_ptr_array_index (names, 0), "UBND ", 5) == 0)
    current = only_unit (named (index, (char *) g_ptr_array_index (names, 0) + 5), FALSE, &n);
  if (current == 0 && n > 1)
    return TD_UNIT_AMBIGUOUS;

  for (guint i = current != 0 ? 1 : 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      gint64 child = td_unit_index_child (index, current, name);

      if (child == 0 && !create)
        {
          if (missing_part != NULL)
            *missing_part = g_strdup (name);
          return TD_UNIT_MISSING;
        }
      current = child != 0 ? child : td_unit_index_plan (index, current, name);
    }
  *id = current;
  g_hash_table_insert (index->found, g_strdup (text), g_memdup2 (&current, sizeof current));
  return TD_UNIT_FOUND;
}

static TdUnit *
unit_with_id (TdUnitIndex *index,
              gint64       id)
{
  for (guint i = 0; i < index->units->len; i++)
    {
      TdUnit *unit = g_ptr_array_index (index->units, i);

      if (unit->id == id)
        return unit;
    }
  return NULL;
}

void
td_unit_index_set_details (TdUnitIndex *index,
                           gint64       id,
                           const char  *short_name,
                           const char  *kind)
{
  TdUnit *unit = unit_with_id (index, id);

  g_return_if_fail (unit != NULL && id < 0);
  g_free (unit->short_name);
  unit->short_name = g_strdup (short_name);
  g_free (unit->kind);
  unit->kind = g_strdup (kind);
}

const TdUnit *
td_unit_index_get (TdUnitIndex *index,
                   gint64       id)
{
  return unit_with_id (index, id);
}

const char *
td_unit_index_name (TdUnitIndex *index,
                    gint64       id)
{
  const TdUnit *unit = unit_with_id (index, id);

  return unit != NULL ? unit->name : "";
}

gint64
td_unit_index_real_id (TdUnitIndex *index,
                       gint64       id)
{
  gint64 *real;

  if (id >= 0)
    return id;
  real = g_hash_table_lookup (index->real_ids, &id);
  return real != NULL ? *real : 0;
}

guint
td_unit_index_n_planned (TdUnitIndex *index)
{
  return index->n_planned;
}

gboolean
td_unit_index_create (TdUnitIndex  *index,
                      GError      **error)
{
  for (guint i = 0; i < index->units->len; i++)
    {
      const TdUnit *planned = g_ptr_array_index (index->units, i);
      g_autoptr(TdUnit) unit = NULL;

      if (planned->id >= 0)
        continue;
      unit = td_unit_new ();
      unit->name = g_strdup (planned->name);
      unit->short_name = g_strdup (planned->short_name);
      unit->kind = g_strdup (planned->kind);
      unit->parent_id = td_unit_index_real_id (index, planned->parent_id);
      if (!td_unit_store_insert (index->db, unit, error))
        return FALSE;
      g_hash_table_insert (index->real_ids, g_memdup2 (&planned->id, sizeof (gint64)),
                           g_memdup2 (&unit->id, sizeof (gint64)));
    }
  return TRUE;
}
