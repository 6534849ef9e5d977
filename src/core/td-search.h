#pragma once

#include "td-database.h"

G_BEGIN_DECLS

/* The search across everything: people, units, campaigns, decisions and
 * award lines, ignoring case, tone marks, letter marks and đ. */

typedef struct
{
  char   *kind;     /* "person", "unit", "campaign", "decision" or "award" */
  gint64  ref;      /* the id of the record in its table */
  char   *title;    /* what to show: a name, a title, a decision number */
  char   *snippet;  /* a short piece of the record's text, or NULL */
} TdSearchHit;

void       td_search_hit_free (TdSearchHit  *hit);

GPtrArray *td_search_query    (TdDatabase   *db,
                               const char   *text,
                               guint         limit_per_kind,
                               GError      **error);

/* For td_database_open only: the index follows every change made through
 * this connection (temporary triggers), and is made whole again when
 * outside tools changed the records behind its back. */
gboolean   td_search_attach   (TdDatabase   *db,
                               GError      **error);
gboolean   td_search_sync     (TdDatabase   *db,
                               GError      **error);

/* Around a bulk write (an import) inside one transaction: the index is
 * brought up to date once, by td_search_resume(), not row by row. */
void       td_search_defer    (TdDatabase   *db);
gboolean   td_search_resume   (TdDatabase   *db,
                               GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdSearchHit, td_search_hit_free)

G_END_DECLS
