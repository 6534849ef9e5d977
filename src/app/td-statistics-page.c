#define G_LOG_DOMAIN "td-statistics-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "td-campaign-store.h"
#include "td-format.h"
#include "td-statistics-page.h"
#include "td-table.h"
#include "td-unit-store.h"

/* One row of the grid: a unit (a parent shows the sum of its own units)
 * or the total. */
typedef struct
{
  char     *name;
  int       depth;
  guint     n_values;
  gboolean  is_parent;
  double   *values;
  gboolean *has_value;
} StatRow;

struct _TdStatisticsPage
{
  GtkWidget        parent_instance;

  TdDatabase      *database;
  GPtrArray       *campaigns;
  GArray          *years;
  GPtrArray       *indicators;
  GListStore      *rows;
  guint            loading;

  GtkDropDown     *campaign_dropdown;
  GtkDropDown     *year_dropdown;
  GtkStack        *stack;
  GtkColumnView   *grid_view;
};

G_DEFINE_FINAL_TYPE (TdStatisticsPage, td_statistics_page, GTK_TYPE_WIDGET)

static void
stat_row_free (gpointer data)
{
  StatRow *row = data;

  g_free (row->name);
  g_free (row->values);
  g_free (row->has_value);
  g_free (row);
}

static char *
row_name (gpointer record,
          gpointer user_data)
{
  return g_strdup (((StatRow *) record)->name);
}

static int
row_depth (gpointer record)
{
  return ((StatRow *) record)->depth;
}

static char *
row_value (gpointer record,
           gpointer user_data)
{
  StatRow *row = record;
  guint index = GPOINTER_TO_UINT (user_data);

  if (index >= row->n_values || !row->has_value[index])
    return NULL;
  /* Translators: the thousands separator and the decimal point of
   * numbers shown in tables (Vietnamese: «.» and «,»). */
  return td_format_number (row->values[index], C_("number", ","), C_("number", "."));
}

static gint64
selected_campaign_id (TdStatisticsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->campaign_dropdown);

  if (self->campaigns == NULL || selected >= self->campaigns->len)
    return 0;
  return ((TdCampaign *) g_ptr_array_index (self->campaigns, selected))->id;
}

static int
selected_year (TdStatisticsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->years == NULL || selected >= self->years->len)
    return 0;
  return g_array_index (self->years, int, selected);
}

/* Column titles cannot wrap (GTK 4.8): a long indicator name is cut at a
 * word, visibly. */
static char *
short_name (const char *name)
{
  const glong limit = 26;
  const char *cut;
  const char *space;

  if (g_utf8_strlen (name, -1) <= limit)
    return g_strdup (name);
  cut = g_utf8_offset_to_pointer (name, limit);
  space = g_utf8_strrchr (name, cut - name, ' ');
  if (space != NULL && space > name)
    cut = space;
  while (cut > name && (cut[-1] == ',' || cut[-1] == ' '))
    cut--;
  return g_strdup_printf ("%.*s…", (int) (cut - name), name);
}

static void
rebuild_columns (TdStatisticsPage *self)
{
  g_autoptr(GtkColumnViewColumn) unit_column = NULL;

  td_column_view_clear (self->grid_view);
  unit_column = td_column_new (_("Unit"), row_name, self, TD_COLUMN_EXPAND | TD_COLUMN_INDENT);
  td_column_set_depth_func (unit_column, row_depth);
  gtk_column_view_append_column (self->grid_view, unit_column);

  for (guint i = 0; self->indicators != NULL && i < self->indicators->len; i++)
    {
      TdIndicator *indicator = g_ptr_array_index (self->indicators, i);
      g_autofree char *name = short_name (indicator->name);
      g_autofree char *title = indicator->measure
                               /* Translators: a column title, «Tuyên truyền (buổi)». */
                               ? g_strdup_printf (_("%s (%s)"), name, indicator->measure)
                               : g_strdup (name);
      g_autoptr(GtkColumnViewColumn) column = td_column_new (title, row_value, GUINT_TO_POINTER (i),
                                                             TD_COLUMN_NUMERIC);

      gtk_column_view_append_column (self->grid_view, column);
    }
}

/* Units in tree order; those with a value that year, and their parents
 * with the sums of what is under them. */
static void
rebuild_rows (TdStatisticsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GHashTable) rows_by_unit = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  guint n = self->indicators ? self->indicators->len : 0;
  gint64 campaign_id = selected_campaign_id (self);
  int year = selected_year (self);
  StatRow *total;

  g_list_store_remove_all (self->rows);
  if (self->database == NULL || campaign_id == 0 || year == 0 || n == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  units = td_unit_store_list (self->database, NULL, TRUE, &error);
  values = units ? td_campaign_store_list_values (self->database, campaign_id, year, &error) : NULL;
  if (values == NULL)
    {
      g_message ("Listing statistics failed: %s", error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  rows_by_unit = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < units->len; i++)
    {
      TdUnit *unit = g_ptr_array_index (units, i);
      StatRow *row = g_new0 (StatRow, 1);

      row->name = g_strdup (unit->name);
      row->depth = unit->depth;
      row->n_values = n;
      row->values = g_new0 (double, n);
      row->has_value = g_new0 (gboolean, n);
      g_ptr_array_add (rows, row);
      g_hash_table_insert (rows_by_unit, &unit->id, row);
    }

  for (guint i = 0; i < values->len; i++)
    {
      TdIndicatorValue *value = g_ptr_array_index (values, i);
      StatRow *row = g_hash_table_lookup (rows_by_unit, &value->unit_id);

      for (guint j = 0; row != NULL && j < n; j++)
        if (((TdIndicator *) g_ptr_array_index (self->indicators, j))->id == value->indicator_id)
          {
            row->values[j] += value->value;
            row->has_value[j] = TRUE;
          }
    }

  /* Sums up the tree: walking backwards, each row adds itself to the
   * nearest row above it with a smaller depth. */
  for (guint i = rows->len; i-- > 0;)
    {
      StatRow *row = g_ptr_array_index (rows, i);

      for (guint k = i; k-- > 0;)
        {
          StatRow *parent = g_ptr_array_index (rows, k);

          if (parent->depth < row->depth)
            {
              for (guint j = 0; j < n; j++)
                if (row->has_value[j])
                  {
                    parent->values[j] += row->values[j];
                    parent->has_value[j] = TRUE;
                  }
              parent->is_parent = TRUE;
              break;
            }
        }
    }

  total = g_new0 (StatRow, 1);
  total->name = g_strdup (_("Total"));
  total->n_values = n;
  total->values = g_new0 (double, n);
  total->has_value = g_new0 (gboolean, n);
  for (guint i = 0; i < rows->len; i++)
    {
      StatRow *row = g_ptr_array_index (rows, i);
      gboolean any = FALSE;

      for (guint j = 0; j < n; j++)
        {
          any |= row->has_value[j];
          if (row->depth == 0 && row->has_value[j])
            {
              total->values[j] += row->values[j];
              total->has_value[j] = TRUE;
            }
        }
      if (any)
        {
          g_autoptr(TdItem) item = td_item_new (row, stat_row_free);

          td_item_set_emphasis (item, row->is_parent);
          g_list_store_append (self->rows, item);
        }
      else
        stat_row_free (row);
    }
  g_ptr_array_set_size (rows, 0);

  {
    g_autoptr(TdItem) item = td_item_new (total, stat_row_free);

    td_item_set_emphasis (item, TRUE);
    g_list_store_append (self->rows, item);
  }
  gtk_stack_set_visible_child_name (self->stack, "grid");
}

static void
load_years (TdStatisticsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  gint64 campaign_id = selected_campaign_id (self);

  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_array_set_size (self->years, 0);

  if (self->database != NULL && campaign_id > 0)
    {
      self->indicators = td_campaign_store_list_indicators (self->database, campaign_id, &error);
      values = self->indicators ? td_campaign_store_list_values (self->database, campaign_id, 0, &error) : NULL;
      if (values == NULL)
        g_message ("Listing statistics failed: %s", error->message);
    }

  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      int year = ((TdIndicatorValue *) g_ptr_array_index (values, i))->year;
      gboolean seen = FALSE;

      for (guint j = 0; j < self->years->len; j++)
        seen |= g_array_index (self->years, int, j) == year;
      if (!seen)
        g_array_append_val (self->years, year);
    }
  /* Newest first: the year being reviewed is usually the last. */
  for (guint i = 0; i < self->years->len; i++)
    for (guint j = i + 1; j < self->years->len; j++)
      if (g_array_index (self->years, int, j) > g_array_index (self->years, int, i))
        {
          int tmp = g_array_index (self->years, int, i);

          g_array_index (self->years, int, i) = g_array_index (self->years, int, j);
          g_array_index (self->years, int, j) = tmp;
        }
  for (guint i = 0; i < self->years->len; i++)
    {
      g_autofree char *label = g_strdup_printf ("%d", g_array_index (self->years, int, i));

      gtk_string_list_append (labels, label);
    }

  self->loading++;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->year_dropdown, 0);
  self->loading--;

  /* The rows were sized for the previous campaign's indicators: drop them
   * before the new columns bind to them. */
  g_list_store_remove_all (self->rows);
  rebuild_columns (self);
  rebuild_rows (self);
}

static void
on_campaign_changed (TdStatisticsPage *self)
{
  if (self->loading == 0)
    load_years (self);
}

static void
on_year_changed (TdStatisticsPage *self)
{
  if (self->loading == 0)
    rebuild_rows (self);
}

static void
reload (TdStatisticsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  if (self->database != NULL)
    {
      self->campaigns = td_campaign_store_list (self->database, NULL, &error);
      if (self->campaigns == NULL)
        g_message ("Listing campaigns failed: %s", error->message);
    }
  for (guint i = 0; self->campaigns != NULL && i < self->campaigns->len; i++)
    {
      TdCampaign *campaign = g_ptr_array_index (self->campaigns, i);

      gtk_string_list_append (titles, campaign->title);
    }

  self->loading++;
  gtk_drop_down_set_model (self->campaign_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->campaign_dropdown, 0);
  self->loading--;
  load_years (self);
}

static void
td_statistics_page_dispose (GObject *object)
{
  TdStatisticsPage *self = TD_STATISTICS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_STATISTICS_PAGE);
  /* A plain GtkWidget parent unparents its children itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_object (&self->rows);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (td_statistics_page_parent_class)->dispose (object);
}

static void
td_statistics_page_class_init (TdStatisticsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_statistics_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/td-statistics-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdStatisticsPage, campaign_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdStatisticsPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdStatisticsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TdStatisticsPage, grid_view);
  gtk_widget_class_bind_template_callback (widget_class, on_campaign_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
td_statistics_page_init (TdStatisticsPage *self)
{
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->rows = g_list_store_new (TD_TYPE_ITEM);
  self->loading = 1;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = 0;
  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));

    gtk_column_view_set_model (self->grid_view, GTK_SELECTION_MODEL (selection));
  }
  reload (self);
}

void
td_statistics_page_set_database (TdStatisticsPage *self,
                                 TdDatabase       *database)
{
  g_return_if_fail (TD_IS_STATISTICS_PAGE (self));

  g_set_object (&self->database, database);
  reload (self);
}

/* Shows a campaign and a year; FALSE when either has nothing to show. */
gboolean
td_statistics_page_show (TdStatisticsPage *self,
                         gint64            campaign_id,
                         int               year)
{
  g_return_val_if_fail (TD_IS_STATISTICS_PAGE (self), FALSE);

  for (guint i = 0; self->campaigns != NULL && i < self->campaigns->len; i++)
    if (((TdCampaign *) g_ptr_array_index (self->campaigns, i))->id == campaign_id)
      {
        gtk_drop_down_set_selected (self->campaign_dropdown, i);
        for (guint j = 0; j < self->years->len; j++)
          if (g_array_index (self->years, int, j) == year)
            {
              gtk_drop_down_set_selected (self->year_dropdown, j);
              return TRUE;
            }
      }
  return FALSE;
}

int
td_statistics_page_get_year (TdStatisticsPage *self)
{
  g_return_val_if_fail (TD_IS_STATISTICS_PAGE (self), 0);
  return selected_year (self);
}

GListModel *
td_statistics_page_get_rows (TdStatisticsPage *self)
{
  g_return_val_if_fail (TD_IS_STATISTICS_PAGE (self), NULL);
  return G_LIST_MODEL (self->rows);
}

guint
td_statistics_page_get_n_indicators (TdStatisticsPage *self)
{
  g_return_val_if_fail (TD_IS_STATISTICS_PAGE (self), 0);
  return self->indicators != NULL ? self->indicators->len : 0;
}

/* The total row's value of the @indicator-th indicator. */
double
td_statistics_page_get_total (TdStatisticsPage *self,
                              guint             indicator)
{
  guint n;
  g_autoptr(TdItem) last = NULL;
  StatRow *row;

  g_return_val_if_fail (TD_IS_STATISTICS_PAGE (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  if (n == 0 || indicator >= td_statistics_page_get_n_indicators (self))
    return 0;
  last = g_list_model_get_item (G_LIST_MODEL (self->rows), n - 1);
  row = td_item_get_record (last);
  return row->values[indicator];
}

gint64
td_statistics_page_get_campaign_id (TdStatisticsPage *self)
{
  g_return_val_if_fail (TD_IS_STATISTICS_PAGE (self), 0);
  return selected_campaign_id (self);
}
