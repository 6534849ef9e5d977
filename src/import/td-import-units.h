#pragma once

#include "td-database.h"
#include "td-records.h"

G_BEGIN_DECLS

/* The units of the directory by name, with those an import will add
 * (negative ids, in the order they are to be created). */
typedef struct _TdUnitIndex TdUnitIndex;

typedef enum
{
  TD_UNIT_FOUND,
  TD_UNIT_MISSING,
  TD_UNIT_AMBIGUOUS,
} TdUnitLookup;

TdUnitIndex  *td_unit_index_new      (TdDatabase   *db,
                                      GError      **error);
void          td_unit_index_free     (TdUnitIndex  *index);

/* A unit named by @text: a name, or a path from the top «Huyện Bình Liêu
 * / Xã Đồng Văn» (the first part may also be a unit lower down, when its
 * name is unique).  Names compare without accents or case.  When
 * missing and @create, the missing part is planned (under the part
 * found) and TD_UNIT_FOUND returned; *@missing_part is the first part not
 * found (not owned) when not @create. */
TdUnitLookup  td_unit_index_lookup   (TdUnitIndex  *index,
                                      const char   *text,
                                      gboolean      create,
                                      gint64       *id,
                                      char        **missing_part);
/* The unit named @name directly under @parent_id (0 = the top), or 0. */
gint64        td_unit_index_child    (TdUnitIndex  *index,
                                      gint64        parent_id,
                                      const char   *name);
/* Plans a unit; returns its (negative) id. */
gint64        td_unit_index_plan     (TdUnitIndex  *index,
                                      gint64        parent_id,
                                      const char   *name);
/* Short name and kind a planned unit is created with. */
void          td_unit_index_set_details (TdUnitIndex *index,
                                      gint64        id,
                                      const char   *short_name,
                                      const char   *kind);
/* The unit of @id (a record's or a planned one), or NULL. */
const TdUnit *td_unit_index_get      (TdUnitIndex  *index,
                                      gint64        id);
const char   *td_unit_index_name     (TdUnitIndex  *index,
                                      gint64        id);
/* Creates the planned units (in the current transaction); after it,
 * td_unit_index_real_id() maps a planned id to the record's. */
gboolean      td_unit_index_create   (TdUnitIndex  *index,
                                      GError      **error);
gint64        td_unit_index_real_id  (TdUnitIndex  *index,
                                      gint64        id);
guint         td_unit_index_n_planned (TdUnitIndex *index);

G_END_DECLS
