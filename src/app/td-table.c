#define G_LOG_DOMAIN "td-table"

#include "config.h"

#include "td-table.h"

struct _TdItem
{
  GObject         parent_instance;

  gpointer        record;
  GDestroyNotify  destroy;
  gboolean        emphasis;
};

G_DEFINE_FINAL_TYPE (TdItem, td_item, G_TYPE_OBJECT)

typedef struct
{
  TdCellTextFunc   text;
  TdCellDepthFunc  depth;
  TdCellTextFunc   tooltip;
  gpointer         tooltip_data;
  gpointer         user_data;
  TdColumnFlags    flags;
} ColumnData;

static void
td_item_finalize (GObject *object)
{
  TdItem *self = TD_ITEM (object);

  if (self->destroy != NULL && self->record != NULL)
    self->destroy (self->record);

  G_OBJECT_CLASS (td_item_parent_class)->finalize (object);
}

static void
td_item_class_init (TdItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_item_finalize;
}

static void
td_item_init (TdItem *self)
{
}

TdItem *
td_item_new (gpointer       record,
             GDestroyNotify destroy)
{
  TdItem *self = g_object_new (TD_TYPE_ITEM, NULL);

  self->record = record;
  self->destroy = destroy;
  return self;
}

gpointer
td_item_get_record (TdItem *self)
{
  g_return_val_if_fail (TD_IS_ITEM (self), NULL);
  return self->record;
}

gboolean
td_item_get_emphasis (TdItem *self)
{
  g_return_val_if_fail (TD_IS_ITEM (self), FALSE);
  return self->emphasis;
}

void
td_item_set_emphasis (TdItem  *self,
                      gboolean emphasis)
{
  g_return_if_fail (TD_IS_ITEM (self));
  self->emphasis = emphasis;
}

/* Takes the records out of @records (whose own free function is not
 * called) into a new store of TdItems that free them with @destroy. */
GListStore *
td_item_store_new_take (GPtrArray      *records,
                        GDestroyNotify  destroy)
{
  GListStore *store = g_list_store_new (TD_TYPE_ITEM);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (records == NULL)
    return store;

  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (items, td_item_new (g_ptr_array_index (records, i), destroy));
  g_ptr_array_set_free_func (records, NULL);
  g_ptr_array_set_size (records, 0);

  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return store;
}

/* gtk_widget_set_tooltip_text() asks the display where the pointer is,
 * even for the same text (a round trip to the X server): on a big table
 * that was most of the time of a re-sort. */
static void
set_tooltip (GtkWidget  *widget,
             const char *tip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), tip) != 0)
    gtk_widget_set_tooltip_text (widget, tip);
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          ColumnData               *data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), (data->flags & TD_COLUMN_NUMERIC) ? 1.0 : 0.0);
  if (data->flags & TD_COLUMN_WRAP)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 3);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (data->flags & TD_COLUMN_NUMERIC)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         ColumnData               *data)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  TdItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = data->text (item->record, data->user_data);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  if (data->tooltip != NULL)
    {
      g_autofree char *tip = data->tooltip (item->record, data->tooltip_data);

      set_tooltip (label, tip);
    }
  else
    set_tooltip (label, (data->flags & TD_COLUMN_WRAP) && text ? text : NULL);
  if (item->emphasis)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
  if ((data->flags & TD_COLUMN_INDENT) && data->depth != NULL)
    gtk_widget_set_margin_start (label, 18 * data->depth (item->record));
}

GtkColumnViewColumn *
td_column_new (const char     *title,
               TdCellTextFunc  text,
               gpointer        user_data,
               TdColumnFlags   flags)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  ColumnData *data = g_new0 (ColumnData, 1);

  data->text = text;
  data->user_data = user_data;
  data->flags = flags;
  g_object_set_data_full (G_OBJECT (factory), "td-column-data", data, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), data);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), data);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, (flags & TD_COLUMN_EXPAND) != 0);
  gtk_column_view_column_set_resizable (column, TRUE);
  return column;
}

void
td_column_set_depth_func (GtkColumnViewColumn *column,
                          TdCellDepthFunc      depth)
{
  GtkListItemFactory *factory = gtk_column_view_column_get_factory (column);
  ColumnData *data = g_object_get_data (G_OBJECT (factory), "td-column-data");

  g_return_if_fail (data != NULL);
  data->depth = depth;
}

void
td_column_set_tooltip_func (GtkColumnViewColumn *column,
                            TdCellTextFunc       tooltip,
                            gpointer             user_data)
{
  GtkListItemFactory *factory = gtk_column_view_column_get_factory (column);
  ColumnData *data = g_object_get_data (G_OBJECT (factory), "td-column-data");

  g_return_if_fail (data != NULL);
  data->tooltip = tooltip;
  data->tooltip_data = user_data;
}

void
td_column_view_clear (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (view, column);
    }
}
