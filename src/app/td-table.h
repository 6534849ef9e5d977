#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A record (a TdPerson, a TdAward…) in a list model. */
#define TD_TYPE_ITEM (td_item_get_type ())

G_DECLARE_FINAL_TYPE (TdItem, td_item, TD, ITEM, GObject)

TdItem     *td_item_new           (gpointer        record,
                                   GDestroyNotify  destroy);
gpointer    td_item_get_record    (TdItem         *self);
gboolean    td_item_get_emphasis  (TdItem         *self);
void        td_item_set_emphasis  (TdItem         *self,
                                   gboolean        emphasis);
GListStore *td_item_store_new_take (GPtrArray     *records,
                                    GDestroyNotify  destroy);

typedef enum
{
  TD_COLUMN_DEFAULT = 0,
  TD_COLUMN_EXPAND  = 1 << 0,
  TD_COLUMN_NUMERIC = 1 << 1,
  TD_COLUMN_WRAP    = 1 << 2,
  TD_COLUMN_INDENT  = 1 << 3,
} TdColumnFlags;

/* Text of a cell; NULL for an empty cell. */
typedef char *(*TdCellTextFunc) (gpointer record,
                                 gpointer user_data);
/* Depth of a record for TD_COLUMN_INDENT. */
typedef int   (*TdCellDepthFunc) (gpointer record);

GtkColumnViewColumn *td_column_new        (const char      *title,
                                           TdCellTextFunc   text,
                                           gpointer         user_data,
                                           TdColumnFlags    flags);
void                 td_column_set_depth_func (GtkColumnViewColumn *column,
                                               TdCellDepthFunc      depth);
void                 td_column_set_tooltip_func (GtkColumnViewColumn *column,
                                                 TdCellTextFunc       tooltip,
                                                 gpointer             user_data);
void                 td_column_view_clear (GtkColumnView   *view);

G_END_DECLS
