#pragma once

#include <gio/gio.h>

#include "td-person-table.h"

G_BEGIN_DECLS

#define TD_TYPE_PERSON_MODEL (td_person_model_get_type ())

G_DECLARE_FINAL_TYPE (TdPersonModel, td_person_model, TD, PERSON_MODEL, GObject)

TdPersonModel *td_person_model_new        (void);
void           td_person_model_set_table  (TdPersonModel  *self,
                                           TdPersonTable  *table);
TdPersonTable *td_person_model_get_table  (TdPersonModel  *self);
void           td_person_model_sort       (TdPersonModel  *self,
                                           TdPersonColumn  column,
                                           gboolean        descending);
void           td_person_model_set_filter (TdPersonModel  *self,
                                           const char     *search);
guint          td_person_model_find       (TdPersonModel  *self,
                                           gint64          person_id);

G_END_DECLS
