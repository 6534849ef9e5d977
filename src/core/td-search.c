#define G_LOG_DOMAIN "td-search"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "td-database-private.h"
#include "td-format.h"
#include "td-search.h"
#include "td-text.h"

/* The index is the FTS5 table search_index (sql/002-search.sql).  The
 * rowid of a record's row is its kind's number × 2^56 + its id: one row is
 * found, replaced or deleted by rowid, and one kind is a rowid range that
 * FTS5 walks without looking at the others.  Ids outside 1 … 2^56 - 1 are
 * left out of the index rather than let them land in another kind. */
#define KIND_SHIFT 56
#define MAX_REF    ((G_GINT64_CONSTANT (1) << KIND_SHIFT) - 1)

/* Ranking a match reads its length from the index: ranking all 90,000
 * people that «ng» matches costs 0.1 s, for an order nobody reads past the
 * first screen.  So the newest matches of a kind, up to this many, are
 * ranked; a query precise enough to match fewer is ranked whole. */
#define RANKED_MATCHES 2000

#define SNIPPET_CHARS 120

#define OPTIMIZE_AFTER 20000

#define INDEX_RESOURCE RESOURCE_PREFIX "sql/002-search.sql"

typedef struct
{
  const char *kind;
  const char *table;
  const char *watched;  /* the source columns the indexed text is made of */
  const char *from;     /* the record is «r» */
  const char *title;
  const char *text;     /* folded into body */
} SearchKind;

/* In the fixed order of the results. */
static const SearchKind kinds[] = {
  { "person", "people", "id, full_name, position, rank, unit_id",
    "main.people r LEFT JOIN main.units u ON u.id = r.unit_id",
    "r.full_name",
    "r.full_name || ' ' || coalesce (r.position, '') || ' ' || coalesce (r.rank, '') || ' ' || "
    "coalesce (u.name, '')" },
  { "unit", "units", "id, name, short_name",
    "main.units r",
    "r.name",
    "r.name || ' ' || coalesce (r.short_name, '')" },
  { "campaign", "campaigns", "id, title, short_title, launch_number",
    "main.campaigns r",
    "r.title",
    "r.title || ' ' || coalesce (r.short_title, '') || ' ' || coalesce (r.launch_number, '')" },
  { "decision", "decisions", "id, number, title, issuer",
    "main.decisions r",
    "coalesce (r.number, '')",
    "coalesce (r.number, '') || ' ' || coalesce (r.title, '') || ' ' || coalesce (r.issuer, '')" },
  /* An award line shows its recipient as the decision does: the frozen
   * name of an issued decision, else the live person or unit. */
  { "award", "awards", "id, person_id, unit_id, form_id, achievement, recipient_name",
    "main.awards r LEFT JOIN main.people p ON p.id = r.person_id "
    "LEFT JOIN main.units u ON u.id = r.unit_id LEFT JOIN main.award_forms f ON f.id = r.form_id",
    "coalesce (r.recipient_name, p.full_name, u.name, '')",
    "coalesce (r.recipient_name, p.full_name, u.name, '') || ' ' || coalesce (r.achievement, '') || ' ' || "
    "coalesce (f.name, '')" },
};

enum { PERSON, UNIT, CAMPAIGN, DECISION, AWARD };

/* Rows of other tables whose indexed text shows this column. */
typedef struct
{
  const char *table;
  const char *column;
  guint       kind;
  const char *condition;
} Dependent;

static const Dependent dependents[] = {
  { "people", "full_name", AWARD, "r.person_id = new.id AND r.recipient_name IS NULL" },
  { "units", "name", PERSON, "r.unit_id = new.id" },
  { "units", "name", AWARD, "r.unit_id = new.id AND r.recipient_name IS NULL" },
  { "award_forms", "name", AWARD, "r.form_id = new.id" },
};

/* bm25 as FTS5 computes it (k1 = 1.2, b = 0.75, the same scores), except
 * that the inverse document frequencies, which take a walk through each
 * word's whole doclist (8 ms for «th»* among 700,000 rows), are computed
 * once per search rather than once for each of the five kinds. */
typedef struct
{
  int     n_phrases;
  double *idf;
  double *freq;
  double  avgdl;
} RankCache;

static GQuark
rank_quark (void)
{
  return g_quark_from_static_string ("td-search-rank");
}

static gint64
kind_base (guint kind)
{
  return (gint64) (kind + 1) << KIND_SHIFT;
}

void
td_search_hit_free (TdSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->kind);
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

/* rid, kind, ref, title, body of the records of @kind that meet @condition. */
static char *
rows_sql (guint       kind,
          const char *condition)
{
  const SearchKind *k = &kinds[kind];

  return g_strdup_printf ("SELECT %" G_GINT64_FORMAT " + r.id AS rid, '%s' AS kind, r.id AS ref, "
                          "%s AS title, td_fold (%s) AS body FROM %s "
                          "WHERE r.id BETWEEN 1 AND %" G_GINT64_FORMAT " AND (%s)",
                          kind_base (kind), k->kind, k->title, k->text, k->from, MAX_REF, condition);
}

/* Trigger statements that index again the records of @kind meeting
 * @condition.  Delete, then insert: an INSERT OR REPLACE would turn into
 * the OR IGNORE of an outer statement that says so. */
static void
append_reindex (GString    *sql,
                guint       kind,
                const char *condition)
{
  g_autofree char *rows = rows_sql (kind, condition);

  g_string_append_printf (sql,
                          "DELETE FROM search_index WHERE rowid IN "
                          "(SELECT %" G_GINT64_FORMAT " + r.id FROM main.%s r "
                          " WHERE r.id BETWEEN 1 AND %" G_GINT64_FORMAT " AND (%s));"
                          "INSERT INTO search_index (rowid, kind, ref, title, body) %s;",
                          kind_base (kind), kinds[kind].table, MAX_REF, condition, rows);
}

static void
append_delete_old (GString *sql,
                   guint    kind)
{
  g_string_append_printf (sql,
                          "DELETE FROM search_index WHERE rowid = %" G_GINT64_FORMAT " + old.id "
                          "AND old.id BETWEEN 1 AND %" G_GINT64_FORMAT ";",
                          kind_base (kind), MAX_REF);
}

/* Temporary triggers: they belong to this connection, so outside tools
 * writing plain SQL need neither td_fold nor the index (td_search_sync
 * catches up when the file is opened again), and they fire for the
 * statements an undo or redo replays as for any other. */
static char *
triggers_sql (void)
{
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const char *table = kinds[i].table;

      g_string_append_printf (sql, "CREATE TEMP TRIGGER td_search_%s_insert AFTER INSERT ON main.%s "
                              "WHEN td_search_live () BEGIN ",
                              table, table);
      append_reindex (sql, i, "r.id = new.id");
      g_string_append (sql, "END;");

      g_string_append_printf (sql, "CREATE TEMP TRIGGER td_search_%s_update AFTER UPDATE OF %s ON main.%s "
                              "WHEN td_search_live () BEGIN ",
                              table, kinds[i].watched, table);
      append_delete_old (sql, i);
      append_reindex (sql, i, "r.id = new.id");
      g_string_append (sql, "END;");

      g_string_append_printf (sql, "CREATE TEMP TRIGGER td_search_%s_delete AFTER DELETE ON main.%s "
                              "WHEN td_search_live () BEGIN ",
                              table, table);
      append_delete_old (sql, i);
      g_string_append (sql, "END;");
    }

  for (guint i = 0; i < G_N_ELEMENTS (dependents); i++)
    {
      const Dependent *d = &dependents[i];

      g_string_append_printf (sql,
                              "CREATE TEMP TRIGGER td_search_%s_%s_%s AFTER UPDATE OF %s ON main.%s "
                              "WHEN old.%s IS NOT new.%s AND td_search_live () BEGIN ",
                              d->table, d->column, kinds[d->kind].kind, d->column, d->table,
                              d->column, d->column);
      append_reindex (sql, d->kind, d->condition);
      g_string_append (sql, "END;");
    }

  return g_string_free (sql, FALSE);
}

typedef struct
{
  gint64 n;
  gint64 enough;
} HitCount;

static int
count_hit (const Fts5ExtensionApi *api,
           Fts5Context            *fts,
           void                   *data)
{
  HitCount *count = data;

  /* SQLITE_DONE ends the walk without an error. */
  return ++count->n < count->enough ? SQLITE_OK : SQLITE_DONE;
}

static int
fill_rank_cache (const Fts5ExtensionApi *api,
                 Fts5Context            *fts,
                 RankCache              *cache)
{
  sqlite3_int64 n_rows = 0;
  sqlite3_int64 n_tokens = 0;
  int n_phrases = api->xPhraseCount (fts);
  int rc;

  rc = api->xRowCount (fts, &n_rows);
  if (rc == SQLITE_OK)
    rc = api->xColumnTotalSize (fts, -1, &n_tokens);
  if (rc != SQLITE_OK)
    return rc;

  g_free (cache->idf);
  g_free (cache->freq);
  cache->n_phrases = n_phrases;
  cache->idf = g_new0 (double, n_phrases);
  cache->freq = g_new0 (double, n_phrases);
  cache->avgdl = n_rows > 0 ? (double) n_tokens / (double) n_rows : 1.0;

  for (int i = 0; i < n_phrases; i++)
    {
      /* A word in half the rows or more has the least weight there is:
       * counting them all would change nothing. */
      HitCount count = { 0, (n_rows + 1) / 2 + 1 };
      double idf;

      rc = api->xQueryPhrase (fts, i, &count, count_hit);
      if (rc != SQLITE_OK && rc != SQLITE_DONE)
        {
          g_clear_pointer (&cache->idf, g_free);
          return rc;
        }
      idf = log ((n_rows - count.n + 0.5) / (count.n + 0.5));
      cache->idf[i] = idf > 1e-6 ? idf : 1e-6;
    }
  return SQLITE_OK;
}

static void
rank_function (const Fts5ExtensionApi  *api,
               Fts5Context             *fts,
               sqlite3_context         *context,
               int                      argc,
               sqlite3_value          **argv)
{
  const double k1 = 1.2;
  const double b = 0.75;
  RankCache *cache = api->xUserData (fts);
  int n_inst = 0;
  int length = 0;
  double score = 0.0;
  int rc = SQLITE_OK;

  if (cache->idf == NULL || cache->n_phrases != api->xPhraseCount (fts))
    rc = fill_rank_cache (api, fts, cache);
  if (rc == SQLITE_OK)
    rc = api->xInstCount (fts, &n_inst);
  if (rc == SQLITE_OK)
    rc = api->xColumnSize (fts, -1, &length);
  if (rc != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }

  memset (cache->freq, 0, sizeof (double) * cache->n_phrases);
  for (int i = 0; i < n_inst; i++)
    {
      int phrase, column, offset;

      if (api->xInst (fts, i, &phrase, &column, &offset) == SQLITE_OK &&
          phrase >= 0 && phrase < cache->n_phrases)
        cache->freq[phrase] += 1.0;
    }

  for (int i = 0; i < cache->n_phrases; i++)
    {
      double f = cache->freq[i];

      score += cache->idf[i] * (f * (k1 + 1.0)) / (f + k1 * (1.0 - b + b * length / cache->avgdl));
    }
  /* Lower is better, as bm25() has it. */
  sqlite3_result_double (context, -score);
}

static void
free_rank_cache (void *data)
{
  RankCache *cache = data;

  g_free (cache->idf);
  g_free (cache->freq);
  g_free (cache);
}

static fts5_api *
get_fts5_api (sqlite3 *handle)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle, "SELECT fts5(?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  return api;
}

/* While deferred (a bulk write), the index is left alone: the records
 * written are noted in search_stale by the file's own triggers, and
 * indexed in one go when resumed.  FTS5 writes its pending rows at every
 * savepoint, so a row at a time costs a hundred times more. */
typedef struct
{
  gboolean deferred;
} Live;

static gboolean sync_noted (TdDatabase     *db,
                            const gboolean *done,
                            GError        **error);

static GQuark
live_quark (void)
{
  return g_quark_from_static_string ("td-search-live");
}

static void
sql_live (sqlite3_context *context,
          int              argc,
          sqlite3_value  **argv)
{
  const Live *live = sqlite3_user_data (context);

  sqlite3_result_int (context, !live->deferred);
}

void
td_search_defer (TdDatabase *db)
{
  Live *live = g_object_get_qdata (G_OBJECT (db), live_quark ());

  g_return_if_fail (live != NULL);
  live->deferred = TRUE;
}

gboolean
td_search_resume (TdDatabase  *db,
                  GError     **error)
{
  Live *live = g_object_get_qdata (G_OBJECT (db), live_quark ());

  gboolean none_done[G_N_ELEMENTS (kinds)] = { FALSE };

  g_return_val_if_fail (live != NULL, FALSE);
  if (!live->deferred)
    return TRUE;
  live->deferred = FALSE;
  /* Only what was written meanwhile: the rest of the index is current. */
  return sync_noted (db, none_done, error);
}

gboolean
td_search_attach (TdDatabase  *db,
                  GError     **error)
{
  sqlite3 *handle = td_database_get_handle (db);
  Live *live;
  g_autofree char *sql = NULL;
  RankCache *cache;
  fts5_api *api;

  api = get_fts5_api (handle);
  if (api == NULL)
    {
      td_database_set_error (db, error, SQLITE_ERROR);
      return FALSE;
    }
  /* The connection owns the cache: it frees it when it closes. */
  cache = g_new0 (RankCache, 1);
  if (api->xCreateFunction (api, "td_search_rank", cache, rank_function, free_rank_cache) != SQLITE_OK)
    {
      free_rank_cache (cache);
      td_database_set_error (db, error, sqlite3_errcode (handle));
      return FALSE;
    }
  g_object_set_qdata (G_OBJECT (db), rank_quark (), cache);

  live = g_new0 (Live, 1);
  g_object_set_qdata_full (G_OBJECT (db), live_quark (), live, g_free);
  if (sqlite3_create_function (handle, "td_search_live", 0, SQLITE_UTF8, live, sql_live, NULL, NULL) != SQLITE_OK)
    {
      td_database_set_error (db, error, sqlite3_errcode (handle));
      return FALSE;
    }

  sql = triggers_sql ();
  return td_database_exec (db, sql, error);
}

/* Figures of one kind, on the side of the records and of the index. */
static gboolean
query_figure (TdDatabase  *db,
              const char  *sql,
              gint64       lo,
              gint64       hi,
              gint64      *value,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (td_database_get_handle (db), sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      if (sqlite3_bind_parameter_count (stmt) >= 2)
        {
          sqlite3_bind_int64 (stmt, 1, lo);
          sqlite3_bind_int64 (stmt, 2, hi);
        }
      rc = sqlite3_step (stmt);
    }
  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
kind_figures (TdDatabase  *db,
              guint        kind,
              gboolean     exact,
              gint64      *source_count,
              gint64      *source_max,
              gint64      *index_count,
              gint64      *index_max,
              GError     **error)
{
  const char *table = kinds[kind].table;
  gint64 lo = kind_base (kind);
  g_autofree char *count_sql = NULL;
  g_autofree char *max_sql = NULL;

  /* A whole-table count(*) is SQLite's cheap one: the exact count of the
   * ids the index may hold is for when the cheap figures disagree. */
  count_sql = exact ? g_strdup_printf ("SELECT count(*) FROM main.%s WHERE id BETWEEN ?1 AND ?2", table)
                    : g_strdup_printf ("SELECT count(*) FROM main.%s", table);
  max_sql = g_strdup_printf ("SELECT id FROM main.%s WHERE id BETWEEN ?1 AND ?2 ORDER BY id DESC LIMIT 1",
                             table);

  if (!query_figure (db, count_sql, 1, MAX_REF, source_count, error) ||
      !query_figure (db, max_sql, 1, MAX_REF, source_max, error) ||
      !query_figure (db, "SELECT id - ?1 FROM main.search_index_docsize WHERE id BETWEEN ?1 AND ?2 "
                     "ORDER BY id DESC LIMIT 1", lo, lo + MAX_REF, index_max, error))
    return FALSE;
  if (exact)
    return query_figure (db, "SELECT count(*) FROM main.search_index_docsize WHERE id BETWEEN ?1 AND ?2",
                         lo, lo + MAX_REF, index_count, error);
  *index_count = -1;
  return TRUE;
}

/* Makes the rows of @kind equal to the records: removes the rows of
 * deleted records, writes those that are missing or whose text changed.
 * Only what differs is written. */
static gboolean
sync_kind (TdDatabase  *db,
           guint        kind,
           gboolean     index_empty,
           GError     **error)
{
  gint64 lo = kind_base (kind);
  g_autofree char *rows = rows_sql (kind, "1");
  g_autofree char *sql = NULL;

  if (index_empty)
    sql = g_strdup_printf ("INSERT INTO search_index (rowid, kind, ref, title, body) %s", rows);
  else
    sql = g_strdup_printf (
      "DELETE FROM search_index WHERE rowid IN "
      " (SELECT c.id FROM main.search_index_content c "
      "  WHERE c.id BETWEEN %" G_GINT64_FORMAT " AND %" G_GINT64_FORMAT
      "  AND NOT EXISTS (SELECT 1 FROM main.%s r WHERE r.id = c.id - %" G_GINT64_FORMAT "));"
      "CREATE TEMP TABLE IF NOT EXISTS td_search_changed "
      " (rid INTEGER PRIMARY KEY, kind TEXT, ref INTEGER, title TEXT, body TEXT);"
      "DELETE FROM temp.td_search_changed;"
      /* c2 and c3 of the content table: title and body. */
      "INSERT INTO temp.td_search_changed SELECT v.rid, v.kind, v.ref, v.title, v.body FROM (%s) v "
      " LEFT JOIN main.search_index_content c ON c.id = v.rid "
      " WHERE c.id IS NULL OR c.c2 IS NOT v.title OR c.c3 IS NOT v.body;"
      "DELETE FROM search_index WHERE rowid IN (SELECT rid FROM temp.td_search_changed);"
      "INSERT INTO search_index (rowid, kind, ref, title, body) "
      " SELECT rid, kind, ref, title, body FROM temp.td_search_changed;"
      "DELETE FROM temp.td_search_changed;",
      lo, lo + MAX_REF, kinds[kind].table, lo, rows);

  g_debug ("Bringing the search index of %s up to date", kinds[kind].table);
  return td_database_exec (db, sql, error);
}

/* The records that the plain triggers of sql/002-search.sql noted as
 * written (by this program or an outside tool) are indexed anew, with the
 * rows that show their names: a unit's people and award lines, a person's
 * or an award form's lines.  Kinds in @done were compared whole already.
 * The notes are then cleared. */
static gboolean
sync_noted (TdDatabase     *db,
            const gboolean *done,
            GError        **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_append (sql,
                   "INSERT OR IGNORE INTO main.search_stale (kind, ref) SELECT 'person', p.id "
                   " FROM main.search_stale s JOIN main.people p ON p.unit_id = s.ref WHERE s.kind = 'unit';"
                   "INSERT OR IGNORE INTO main.search_stale (kind, ref) SELECT 'award', a.id "
                   " FROM main.search_stale s JOIN main.awards a ON a.unit_id = s.ref "
                   " WHERE s.kind = 'unit' AND a.recipient_name IS NULL;"
                   "INSERT OR IGNORE INTO main.search_stale (kind, ref) SELECT 'award', a.id "
                   " FROM main.search_stale s JOIN main.awards a ON a.person_id = s.ref "
                   " WHERE s.kind = 'person' AND a.recipient_name IS NULL;"
                   "INSERT OR IGNORE INTO main.search_stale (kind, ref) SELECT 'award', a.id "
                   " FROM main.search_stale s JOIN main.awards a ON a.form_id = s.ref WHERE s.kind = 'form';");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *condition = NULL;
      g_autofree char *rows = NULL;

      if (done[i])
        continue;
      condition = g_strdup_printf ("r.id IN (SELECT ref FROM main.search_stale WHERE kind = '%s')", kinds[i].kind);
      rows = rows_sql (i, condition);
      g_string_append_printf (sql,
                              "DELETE FROM search_index WHERE rowid IN "
                              " (SELECT %" G_GINT64_FORMAT " + ref FROM main.search_stale "
                              "  WHERE kind = '%s' AND ref BETWEEN 1 AND %" G_GINT64_FORMAT ");"
                              "INSERT INTO search_index (rowid, kind, ref, title, body) %s;",
                              kind_base (i), kinds[i].kind, MAX_REF, rows);
    }
  g_string_append (sql, "DELETE FROM main.search_stale;");
  return td_database_exec (db, sql->str, error);
}

/* The index is derived data too: a file whose index or triggers an
 * outside tool dropped gets them back, made as the migration to version 2
 * makes them (every statement of it says IF NOT EXISTS). */
static gboolean
ensure_index (TdDatabase  *db,
              GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  gint64 exists = 0;

  /* The index, search_stale and its 16 triggers. */
  if (!query_figure (db, "SELECT count(*) FROM main.sqlite_schema WHERE name IN ('search_index', 'search_stale') "
                     "OR (type = 'trigger' AND name LIKE 'search!_stale!_%' ESCAPE '!')",
                     0, 0, &exists, error))
    return FALSE;
  if (exists == 2 + 16)
    return TRUE;

  bytes = g_resources_lookup_data (INDEX_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return td_database_exec (db, sql, error);
}

/* Derived data is never trusted (DESIGN.md «Storage»): records written by
 * outside tools with plain SQL fired no trigger of ours.  A kind whose
 * count or highest id differs from its rows in the index is brought up to
 * date.  Looking is a few reads; the exact counts are taken only when the
 * cheap ones disagree. */
gboolean
td_search_sync (TdDatabase  *db,
                GError     **error)
{
  gint64 source_total = 0;
  gint64 index_total = 0;
  gboolean stale[G_N_ELEMENTS (kinds)] = { FALSE };
  gboolean index_empty[G_N_ELEMENTS (kinds)] = { FALSE };
  gboolean any = FALSE;
  gboolean maxima_agree = TRUE;
  gint64 noted = 0;
  int changes;

  /* A file that cannot be written is searched as its index stands. */
  if (sqlite3_db_readonly (td_database_get_handle (db), "main") == 1)
    return TRUE;
  if (!ensure_index (db, error))
    return FALSE;
  if (!query_figure (db, "SELECT EXISTS (SELECT 1 FROM main.search_stale)", 0, 0, &noted, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      gint64 source_count, source_max, index_count, index_max;

      if (!kind_figures (db, i, FALSE, &source_count, &source_max, &index_count, &index_max, error))
        return FALSE;
      source_total += source_count;
      if (source_max != index_max)
        {
          maxima_agree = FALSE;
          stale[i] = TRUE;
          index_empty[i] = index_max == 0;
        }
    }
  if (!query_figure (db, "SELECT count(*) FROM main.search_index_docsize", 0, 0, &index_total, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds) && !(maxima_agree && source_total == index_total); i++)
    {
      gint64 source_count, source_max, index_count, index_max;

      if (stale[i])
        continue;
      if (!kind_figures (db, i, TRUE, &source_count, &source_max, &index_count, &index_max, error))
        return FALSE;
      stale[i] = source_count != index_count;
    }

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    any |= stale[i];
  if (!any && !noted)
    return TRUE;

  if (!td_database_begin (db, error))
    return FALSE;
  changes = sqlite3_total_changes (td_database_get_handle (db));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (stale[i] && !sync_kind (db, i, index_empty[i], error))
      goto fail;
  if (noted && !sync_noted (db, stale, error))
    goto fail;

  /* A build of many rows leaves the index in many segments: merged into
   * one, queries take a fifth less time (3 s for 700,000 rows, once). */
  changes = sqlite3_total_changes (td_database_get_handle (db)) - changes;
  g_debug ("The search index was brought up to date: %d rows written", changes);
  if (changes >= OPTIMIZE_AFTER &&
      !td_database_exec (db, "INSERT INTO search_index (search_index) VALUES ('optimize')", error))
    goto fail;

  return td_database_commit (db, error);

fail:
  td_database_rollback (db);
  return FALSE;
}

/* Each word typed is a prefix: «ng hau» finds «Nguyễn Văn Hậu».  Words are
 * quoted, so that quotes, hyphens, slashes and FTS5's own operators are
 * text: «125/QĐ» becomes the phrase "125 qd"* of two tokens.  A word
 * without a letter or digit makes no token and is left out. */
static char *
match_expression (const char * const *words)
{
  GString *expr = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean has_token = FALSE;

      for (const char *p = words[i]; *p && !has_token; p = g_utf8_next_char (p))
        has_token = g_unichar_isalnum (g_utf8_get_char (p));
      if (!has_token)
        continue;

      if (expr->len > 0)
        g_string_append (expr, " AND ");
      g_string_append_c (expr, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (expr, '"');
          g_string_append_c (expr, *p);
        }
      g_string_append (expr, "\"*");
    }

  if (expr->len == 0)
    {
      g_string_free (expr, TRUE);
      return NULL;
    }
  return g_string_free (expr, FALSE);
}

/* @word starts a token of @folded (a token starts after a character that
 * is not a letter or a digit). */
static gboolean
starts_token (const char *folded,
              const char *word)
{
  for (const char *p = strstr (folded, word); p != NULL; p = strstr (p + 1, word))
    {
      if (p == folded)
        return TRUE;
      if (!g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p))))
        return TRUE;
    }
  return FALSE;
}

/* A piece of @text of about SNIPPET_CHARS characters, on one line, that
 * starts a little before the first word the search matched. */
static char *
shorten (const char         *text,
         const char * const *words)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  GString *out;
  gboolean found = FALSE;
  guint first = 0;
  guint start;
  glong length = 0;
  guint i;

  if (text == NULL || *text == '\0')
    return NULL;

  parts = g_strsplit_set (text, " \t\r\n", -1);
  kept = g_ptr_array_new ();
  for (i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (kept, parts[i]);
  if (kept->len == 0)
    return NULL;

  for (i = 0; i < kept->len && !found; i++)
    {
      g_autofree char *folded = td_text_fold (g_ptr_array_index (kept, i));

      for (guint w = 0; words[w] != NULL && !found; w++)
        if (starts_token (folded, words[w]))
          {
            first = i;
            found = TRUE;
          }
    }

  /* Three words of what comes before the match, unless the whole fits. */
  start = first > 3 ? first - 3 : 0;
  for (i = 0; i < kept->len; i++)
    length += g_utf8_strlen (g_ptr_array_index (kept, i), -1) + 1;
  if (length - 1 <= SNIPPET_CHARS)
    start = 0;

  out = g_string_new (start > 0 ? "…" : "");
  length = 0;
  for (i = start; i < kept->len; i++)
    {
      const char *part = g_ptr_array_index (kept, i);
      glong chars = g_utf8_strlen (part, -1);

      if (length > 0 && length + 1 + chars > SNIPPET_CHARS)
        break;
      if (length > 0)
        g_string_append_c (out, ' ');
      if (chars > SNIPPET_CHARS)
        {
          g_string_append_len (out, part, g_utf8_offset_to_pointer (part, SNIPPET_CHARS) - part);
          length = SNIPPET_CHARS + 1;
          break;
        }
      g_string_append (out, part);
      length += (length > 0 ? 1 : 0) + chars;
    }
  if (i < kept->len || length > SNIPPET_CHARS)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

static char *
join_parts (const char *separator,
            ...)
{
  GString *out = g_string_new (NULL);
  const char *part;
  va_list args;

  va_start (args, separator);
  while ((part = va_arg (args, const char *)) != NULL)
    {
      if (*part == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, part);
    }
  va_end (args);

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static const char *
text_or_empty (sqlite3_stmt *stmt,
               int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* What each kind shows under its title, from the live records. */
static const char *const snippet_sql[] = {
  [PERSON] = "SELECT r.rank, r.position, u.name FROM main.people r "
             "LEFT JOIN main.units u ON u.id = r.unit_id WHERE r.id = ?1",
  [UNIT] = "SELECT CASE WHEN r.short_name IS NOT r.name THEN r.short_name END, pu.name FROM main.units r "
           "LEFT JOIN main.units pu ON pu.id = r.parent_id WHERE r.id = ?1",
  [CAMPAIGN] = "SELECT r.launch_number, r.short_title FROM main.campaigns r WHERE r.id = ?1",
  [DECISION] = "SELECT r.title, r.date FROM main.decisions r WHERE r.id = ?1",
  [AWARD] = "SELECT r.achievement FROM main.awards r WHERE r.id = ?1",
};

static gboolean
fill_snippet (TdDatabase         *db,
              guint               kind,
              TdSearchHit        *hit,
              const char * const *words,
              GError            **error)
{
  g_autoptr(TdStmt) stmt = td_database_prepare (db, snippet_sql[kind], error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, hit->ref);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      td_database_set_error (db, error, rc);
      return FALSE;
    }

  switch (kind)
    {
    case PERSON:
      /* «Thiếu tá, Đồn trưởng, Đồn Biên phòng Hoành Mô» */
      hit->snippet = join_parts (", ", text_or_empty (stmt, 0), text_or_empty (stmt, 1),
                                 text_or_empty (stmt, 2), NULL);
      break;
    case UNIT:
    case CAMPAIGN:
      hit->snippet = join_parts (", ", text_or_empty (stmt, 0), text_or_empty (stmt, 1), NULL);
      break;
    case DECISION:
      hit->snippet = shorten (text_or_empty (stmt, 0), words);
      if (*hit->title == '\0')
        {
          g_autofree char *date = td_format_date (text_or_empty (stmt, 1));

          g_free (hit->title);
          /* Translators: a decision not issued yet, with its planned date. */
          hit->title = g_strdup_printf (_("Draft decision, dated %s"), date);
        }
      break;
    case AWARD:
      hit->snippet = shorten (text_or_empty (stmt, 0), words);
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

static gboolean
query_kind (TdDatabase         *db,
            guint               kind,
            const char         *match,
            const char * const *words,
            guint               limit,
            GPtrArray          *hits,
            GError            **error)
{
  g_autoptr(TdStmt) stmt = NULL;
  guint first = hits->len;
  int rc;

  /* The newest matches first, then bm25 among them. */
  stmt = td_database_prepare (db,
                              "SELECT rid, ref, title FROM "
                              " (SELECT rowid AS rid, ref, title, td_search_rank (search_index) AS score "
                              "  FROM main.search_index "
                              "  WHERE search_index MATCH ?1 AND rowid BETWEEN ?2 AND ?3 "
                              "  ORDER BY rowid DESC LIMIT ?4) "
                              "ORDER BY score, rid DESC LIMIT ?5",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, kind_base (kind));
  sqlite3_bind_int64 (stmt, 3, kind_base (kind) + MAX_REF);
  sqlite3_bind_int (stmt, 4, RANKED_MATCHES);
  sqlite3_bind_int (stmt, 5, (int) limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TdSearchHit *hit = g_new0 (TdSearchHit, 1);

      hit->kind = g_strdup (kinds[kind].kind);
      hit->ref = sqlite3_column_int64 (stmt, 0) - kind_base (kind);
      hit->title = g_strdup (text_or_empty (stmt, 2));
      g_ptr_array_add (hits, hit);
    }
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return FALSE;
    }
  td_stmt_release (stmt);

  for (guint i = first; i < hits->len; i++)
    if (!fill_snippet (db, kind, g_ptr_array_index (hits, i), words, error))
      return FALSE;
  return TRUE;
}

/**
 * td_search_query:
 * @text: what the user typed
 * @limit_per_kind: at most this many hits of each kind
 *
 * Finds records whose text holds every word of @text as the start of a
 * word, ignoring case, marks and đ.  Hits come grouped by kind (people,
 * units, campaigns, decisions, award lines), the best match first inside
 * each kind.  Blank @text finds nothing.
 *
 * Returns: (transfer container) (element-type TdSearchHit): the hits
 */
GPtrArray *
td_search_query (TdDatabase  *db,
                 const char  *text,
                 guint        limit_per_kind,
                 GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) td_search_hit_free);
  g_auto(GStrv) words = NULL;
  g_autofree char *match = NULL;
  RankCache *cache;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (limit_per_kind > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  words = td_text_search_words (text);
  if (words == NULL)
    return g_steal_pointer (&hits);
  match = match_expression ((const char * const *) words);
  if (match == NULL)
    return g_steal_pointer (&hits);

  /* A new search: its words' frequencies are to be counted again. */
  cache = g_object_get_qdata (G_OBJECT (db), rank_quark ());
  g_return_val_if_fail (cache != NULL, NULL);
  g_clear_pointer (&cache->idf, g_free);

  limit_per_kind = MIN (limit_per_kind, RANKED_MATCHES);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (!query_kind (db, i, match, (const char * const *) words, limit_per_kind, hits, error))
      return NULL;

  return g_steal_pointer (&hits);
}
