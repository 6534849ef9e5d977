#define G_LOG_DOMAIN "td-person-model"

#include "config.h"

#include "td-person-model.h"
#include "td-table.h"

/* The people table as a GListModel of TdItems: the rows live in a
 * TdPersonTable and an item (with its TdPerson) is made only when a row is
 * asked for, that is for the rows on screen. */
struct _TdPersonModel
{
  GObject         parent_instance;

  TdPersonTable  *table;
  TdItem        **items;    /* per table row: the living item, weak */
  guint           n_items;  /* what the last items-changed announced */
  TdPersonColumn  column;
  gboolean        descending;
};

static void td_person_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdPersonModel, td_person_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, td_person_model_list_model_init))

static void
on_item_finalized (gpointer  data,
                   GObject  *where_the_object_was)
{
  TdItem **slot = data;

  *slot = NULL;
}

static void
forget_items (TdPersonModel *self)
{
  guint n;

  if (self->items == NULL)
    return;
  n = td_person_table_get_n_people (self->table);
  for (guint i = 0; i < n; i++)
    if (self->items[i] != NULL)
      g_object_weak_unref (G_OBJECT (self->items[i]), on_item_finalized, &self->items[i]);
  g_clear_pointer (&self->items, g_free);
}

/* Everything goes, then everything comes: one items-changed replacing all
 * the rows would make GTK 4.8 look for each row it tracks (the focus, the
 * scroll anchor) among all the new ones, making an item of every row. */
static void
announce (TdPersonModel *self)
{
  guint old = self->n_items;

  self->n_items = 0;
  if (old > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, 0);
  self->n_items = td_person_table_get_n_shown (self->table);
  if (self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
}

static GType
td_person_model_get_item_type (GListModel *model)
{
  return TD_TYPE_ITEM;
}

static guint
td_person_model_get_n_items (GListModel *model)
{
  return TD_PERSON_MODEL (model)->n_items;
}

static gpointer
td_person_model_get_item (GListModel *model,
                          guint       position)
{
  TdPersonModel *self = TD_PERSON_MODEL (model);
  guint row;

  if (position >= self->n_items)
    return NULL;
  row = td_person_table_get_row (self->table, position);
  if (self->items[row] == NULL)
    {
      self->items[row] = td_item_new (td_person_table_get_person (self->table, position),
                                      (GDestroyNotify) td_person_free);
      g_object_weak_ref (G_OBJECT (self->items[row]), on_item_finalized, &self->items[row]);
      return self->items[row];
    }
  return g_object_ref (self->items[row]);
}

static void
td_person_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = td_person_model_get_item_type;
  iface->get_n_items = td_person_model_get_n_items;
  iface->get_item = td_person_model_get_item;
}

static void
td_person_model_finalize (GObject *object)
{
  TdPersonModel *self = TD_PERSON_MODEL (object);

  forget_items (self);
  g_clear_pointer (&self->table, td_person_table_free);

  G_OBJECT_CLASS (td_person_model_parent_class)->finalize (object);
}

static void
td_person_model_class_init (TdPersonModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_person_model_finalize;
}

static void
td_person_model_init (TdPersonModel *self)
{
  self->table = td_person_table_new_empty ();
  self->items = g_new0 (TdItem *, 1);
  self->column = TD_PERSON_COLUMN_NAME;
}

TdPersonModel *
td_person_model_new (void)
{
  return g_object_new (TD_TYPE_PERSON_MODEL, NULL);
}

/* Takes @table, sorted as the model was. */
void
td_person_model_set_table (TdPersonModel *self,
                           TdPersonTable *table)
{
  g_return_if_fail (TD_IS_PERSON_MODEL (self));
  g_return_if_fail (table != NULL);

  forget_items (self);
  g_clear_pointer (&self->table, td_person_table_free);
  self->table = table;
  self->items = g_new0 (TdItem *, MAX (td_person_table_get_n_people (table), 1));
  if (self->column != TD_PERSON_COLUMN_NAME || self->descending)
    td_person_table_sort (table, self->column, self->descending);
  announce (self);
}

TdPersonTable *
td_person_model_get_table (TdPersonModel *self)
{
  g_return_val_if_fail (TD_IS_PERSON_MODEL (self), NULL);
  return self->table;
}

void
td_person_model_sort (TdPersonModel  *self,
                      TdPersonColumn  column,
                      gboolean        descending)
{
  g_return_if_fail (TD_IS_PERSON_MODEL (self));

  if (self->column == column && self->descending == descending)
    return;
  self->column = column;
  self->descending = descending;
  td_person_table_sort (self->table, column, descending);
  announce (self);
}

void
td_person_model_set_filter (TdPersonModel *self,
                            const char    *search)
{
  g_return_if_fail (TD_IS_PERSON_MODEL (self));

  td_person_table_set_filter (self->table, search);
  announce (self);
}

/* The position of the person, or GTK_INVALID_LIST_POSITION. */
guint
td_person_model_find (TdPersonModel *self,
                      gint64         person_id)
{
  g_return_val_if_fail (TD_IS_PERSON_MODEL (self), G_MAXUINT);
  return td_person_table_find (self->table, person_id);
}
