#pragma once

#include "td-database.h"
#include "td-records.h"

G_BEGIN_DECLS

/* The people of a database in memory, for a table of any size: plain
 * arrays, an order computed once per sort, a filter over the folded text. */
typedef struct _TdPersonTable TdPersonTable;

typedef enum
{
  TD_PERSON_COLUMN_NAME,
  TD_PERSON_COLUMN_GENDER,
  TD_PERSON_COLUMN_BIRTH_YEAR,
  TD_PERSON_COLUMN_RANK,
  TD_PERSON_COLUMN_POSITION,
  TD_PERSON_COLUMN_UNIT,
  TD_PERSON_N_COLUMNS
} TdPersonColumn;

TdPersonTable *td_person_table_load         (TdDatabase     *db,
                                             GError        **error);
TdPersonTable *td_person_table_new_empty    (void);
void           td_person_table_free         (TdPersonTable  *table);
void           td_person_table_set_gender_labels (TdPersonTable *table,
                                                  const char    *male,
                                                  const char    *female);
guint          td_person_table_get_n_people (TdPersonTable  *table);
guint          td_person_table_get_n_shown  (TdPersonTable  *table);
guint          td_person_table_get_row      (TdPersonTable  *table,
                                             guint           position);
gint64         td_person_table_get_id       (TdPersonTable  *table,
                                             guint           position);
const char    *td_person_table_get_name     (TdPersonTable  *table,
                                             guint           position);
TdPerson      *td_person_table_get_person   (TdPersonTable  *table,
                                             guint           position);
guint          td_person_table_find         (TdPersonTable  *table,
                                             gint64          id);
void           td_person_table_sort         (TdPersonTable  *table,
                                             TdPersonColumn  column,
                                             gboolean        descending);
void           td_person_table_set_filter   (TdPersonTable  *table,
                                             const char     *search);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdPersonTable, td_person_table_free)

G_END_DECLS
