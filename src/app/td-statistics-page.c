#define G_LOG_DOMAIN "td-statistics-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "td-campaign-store.h"
#include "td-error.h"
#include "td-format.h"
#include "td-page-util.h"
#include "td-paste.h"
#include "td-statistics-page.h"
#include "td-table.h"
#include "td-unit-store.h"

/* One row of the grid: a unit (a parent shows the sum of its own units)
 * or the total. */
typedef struct
{
  char     *name;
  gint64    unit_id;    /* 0 for the total */
  int       depth;
  guint     n_values;
  gboolean  is_parent;
  gboolean  archived;
  double   *values;
  gboolean *has_value;
} StatRow;

struct _TdStatisticsPage
{
  GtkWidget        parent_instance;

  TdDatabase      *database;
  GCancellable    *cancellable;
  GPtrArray       *campaigns;
  GArray          *years;
  GPtrArray       *indicators;
  GPtrArray       *units;       /* TdUnit, every unit in tree order */
  GArray          *shown;       /* guint: indexes of the rows in the grid */
  GListStore      *rows;        /* TdItem of StatRow: the shown rows, then the total */
  GPtrArray       *cells;       /* per shown row and indicator: GtkText (leaf) or GtkLabel */
  int              anchor_row;  /* the last cell focused, -1: none */
  int              anchor_column;
  guint            loading;
  guint            building;

  GtkDropDown     *campaign_dropdown;
  GtkDropDown     *year_dropdown;
  GtkStack        *stack;
  GtkGrid         *grid;
  GtkLabel        *message_label;
  GtkDropDown     *indicator_dropdown;
  GtkDrawingArea  *legend_area;
  GtkDrawingArea  *chart_area;

  GPtrArray       *chart_bars;  /* ChartBar: the top-level units shown */
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

static StatRow *
stat_row_new (const char *name,
              guint       n)
{
  StatRow *row = g_new0 (StatRow, 1);

  row->name = g_strdup (name);
  row->n_values = n;
  row->values = g_new0 (double, n);
  row->has_value = g_new0 (gboolean, n);
  return row;
}

/* A pair of bars of the chart: a top-level unit, this year and last. */
typedef struct
{
  StatRow *this_year;
  StatRow *last_year;
} ChartBar;

static StatRow *
stat_row_copy (const StatRow *row,
               guint          n)
{
  StatRow *copy = stat_row_new (row ? row->name : NULL, n);

  if (row == NULL)
    return copy;
  copy->unit_id = row->unit_id;
  copy->depth = row->depth;
  copy->is_parent = row->is_parent;
  copy->archived = row->archived;
  memcpy (copy->values, row->values, sizeof (double) * MIN (n, row->n_values));
  memcpy (copy->has_value, row->has_value, sizeof (gboolean) * MIN (n, row->n_values));
  return copy;
}

static void
chart_bar_free (gpointer data)
{
  ChartBar *bar = data;

  stat_row_free (bar->this_year);
  stat_row_free (bar->last_year);
  g_free (bar);
}

static char *
format_value (const StatRow *row,
              guint          index)
{
  if (row == NULL || index >= row->n_values || !row->has_value[index])
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

static guint
n_indicators (TdStatisticsPage *self)
{
  return self->indicators != NULL ? self->indicators->len : 0;
}

/* Titles are cut at a word, visibly; the whole name is in the tooltip. */
static char *
short_name (const char *name)
{
  const glong limit = 40;
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
show_message (TdStatisticsPage *self,
              const char       *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* Every unit in tree order, then the total: values of @year, a parent
 * with the sums of what is under it.  NULL with @error. */
static GPtrArray *
compute_rows (TdStatisticsPage *self,
              int               year,
              GError          **error)
{
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GHashTable) rows_by_unit = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (stat_row_free);
  guint n = n_indicators (self);
  StatRow *total;

  values = td_campaign_store_list_values (self->database, selected_campaign_id (self), year, error);
  if (values == NULL)
    return NULL;

  for (guint i = 0; i < self->units->len; i++)
    {
      TdUnit *unit = g_ptr_array_index (self->units, i);
      StatRow *row = stat_row_new (unit->name, n);

      row->unit_id = unit->id;
      row->depth = unit->depth;
      row->archived = unit->archived;
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

  total = stat_row_new (_("Total"), n);
  for (guint i = 0; i < rows->len; i++)
    {
      StatRow *row = g_ptr_array_index (rows, i);

      for (guint j = 0; j < n; j++)
        if (row->depth == 0 && row->has_value[j])
          {
            total->values[j] += row->values[j];
            total->has_value[j] = TRUE;
          }
    }
  g_ptr_array_add (rows, total);
  return g_steal_pointer (&rows);
}

static gboolean
row_has_value (const StatRow *row)
{
  for (guint j = 0; j < row->n_values; j++)
    if (row->has_value[j])
      return TRUE;
  return FALSE;
}

/* The row of all units behind the @shown-th row of the grid. */
static guint
unit_index (TdStatisticsPage *self,
            guint             shown)
{
  return shown < self->shown->len ? g_array_index (self->shown, guint, shown) : self->units->len;
}

static GtkWidget *
cell_at (TdStatisticsPage *self,
         guint             row,
         guint             column)
{
  guint n = n_indicators (self);
  guint index = row * n + column;

  return column < n && index < self->cells->len ? g_ptr_array_index (self->cells, index) : NULL;
}

static gboolean
is_editable_cell (GtkWidget *cell)
{
  return cell != NULL && GTK_IS_TEXT (cell);
}

/* Chart: the indicator chosen above it, by top-level unit, this year
 * in the accent colour beside last year dimmed. */

#define CHART_PAD      6
#define CHART_BAR_GAP  2
#define CHART_PAIR_GAP 10
#define CHART_TEXT_GAP 6

static guint
chart_indicator (TdStatisticsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->indicator_dropdown);

  return selected < n_indicators (self) ? selected : GTK_INVALID_LIST_POSITION;
}

static void
chart_colors (GtkWidget *widget,
              GdkRGBA   *text,
              GdkRGBA   *this_year,
              GdkRGBA   *last_year)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  gtk_style_context_get_color (context, text);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", this_year))
    *this_year = *text;
  *last_year = *text;
  last_year->alpha *= 0.3;
}

/* A layout in the widget's font, smaller for the values; drawn on @cr, or
 * only measured when @cr is NULL. */
static PangoLayout *
chart_layout (GtkWidget  *widget,
              cairo_t    *cr,
              const char *text,
              gboolean    small)
{
  PangoLayout *layout = cr ? pango_cairo_create_layout (cr) : gtk_widget_create_pango_layout (widget, NULL);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (gtk_widget_get_pango_context (widget)));

  if (small && pango_font_description_get_size (font) > 0)
    {
      int size = pango_font_description_get_size (font) * 85 / 100;

      if (pango_font_description_get_size_is_absolute (font))
        pango_font_description_set_absolute_size (font, size);
      else
        pango_font_description_set_size (font, size);
    }
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static int
chart_bar_height (TdStatisticsPage *self)
{
  g_autoptr(PangoLayout) layout = chart_layout (GTK_WIDGET (self->chart_area), NULL, "0", TRUE);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return MAX (height, 10);
}

static char *
chart_value_text (const StatRow *row,
                  guint          j)
{
  if (row == NULL || j >= row->n_values || !row->has_value[j])
    return g_strdup ("–");
  return td_format_thousands ((gint64) round (row->values[j]), C_("number", ","));
}

static char *
legend_text (int year)
{
  /* Translators: the legend of the chart's bars, «Năm 2022». */
  return g_strdup_printf (_("Year %d"), year);
}

static void
draw_legend (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  TdStatisticsPage *self = TD_STATISTICS_PAGE (user_data);
  GdkRGBA colors[3];
  int year = selected_year (self);
  double x = 0;

  if (year == 0)
    return;
  chart_colors (GTK_WIDGET (area), &colors[0], &colors[1], &colors[2]);
  for (int k = 0; k < 2; k++)
    {
      g_autofree char *text = legend_text (year - k);
      g_autoptr(PangoLayout) layout = chart_layout (GTK_WIDGET (area), cr, text, FALSE);
      int text_width, text_height;
      int swatch;

      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      swatch = MIN (12, text_height);
      gdk_cairo_set_source_rgba (cr, &colors[k + 1]);
      cairo_rectangle (cr, x, (height - swatch) / 2.0, swatch, swatch);
      cairo_fill (cr);
      x += swatch + CHART_TEXT_GAP;
      gdk_cairo_set_source_rgba (cr, &colors[0]);
      cairo_move_to (cr, x, (height - text_height) / 2.0);
      pango_cairo_show_layout (cr, layout);
      x += text_width + 3 * CHART_TEXT_GAP;
    }
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  TdStatisticsPage *self = TD_STATISTICS_PAGE (user_data);
  GtkWidget *widget = GTK_WIDGET (area);
  guint j = chart_indicator (self);
  GdkRGBA text_color, bar_colors[2], value_colors[2];
  int bar_height = chart_bar_height (self);
  int pair_height = 2 * bar_height + CHART_BAR_GAP;
  int name_width = 0, value_width = 0;
  double max = 0, bar_x, bar_span;

  if (j == GTK_INVALID_LIST_POSITION || self->chart_bars == NULL || self->chart_bars->len == 0)
    return;
  chart_colors (widget, &text_color, &bar_colors[0], &bar_colors[1]);
  value_colors[0] = value_colors[1] = text_color;
  value_colors[1].alpha *= 0.7;

  for (guint i = 0; i < self->chart_bars->len; i++)
    {
      ChartBar *bar = g_ptr_array_index (self->chart_bars, i);
      const StatRow *rows[2] = { bar->this_year, bar->last_year };
      g_autoptr(PangoLayout) name = chart_layout (widget, cr, bar->this_year->name, FALSE);
      int w;

      pango_layout_get_pixel_size (name, &w, NULL);
      name_width = MAX (name_width, w);
      for (int k = 0; k < 2; k++)
        {
          g_autofree char *text = chart_value_text (rows[k], j);
          g_autoptr(PangoLayout) value = chart_layout (widget, cr, text, TRUE);

          pango_layout_get_pixel_size (value, &w, NULL);
          value_width = MAX (value_width, w);
          if (rows[k]->has_value[j])
            max = MAX (max, rows[k]->values[j]);
        }
    }
  name_width = MIN (name_width, (int) (width * 0.35));
  if (max <= 0)
    max = 1;
  bar_x = CHART_PAD + name_width + 2 * CHART_TEXT_GAP;
  bar_span = MAX (20, width - bar_x - value_width - CHART_TEXT_GAP - CHART_PAD);

  for (guint i = 0; i < self->chart_bars->len; i++)
    {
      ChartBar *bar = g_ptr_array_index (self->chart_bars, i);
      const StatRow *rows[2] = { bar->this_year, bar->last_year };
      double y = CHART_PAD + i * (pair_height + CHART_PAIR_GAP);
      g_autoptr(PangoLayout) name = chart_layout (widget, cr, bar->this_year->name, FALSE);
      int text_height;

      pango_layout_set_width (name, name_width * PANGO_SCALE);
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (name, NULL, &text_height);
      gdk_cairo_set_source_rgba (cr, &text_color);
      cairo_move_to (cr, CHART_PAD, y + (pair_height - text_height) / 2.0);
      pango_cairo_show_layout (cr, name);

      for (int k = 0; k < 2; k++)
        {
          g_autofree char *text = chart_value_text (rows[k], j);
          g_autoptr(PangoLayout) value = chart_layout (widget, cr, text, TRUE);
          double bar_y = y + k * (bar_height + CHART_BAR_GAP);
          double length = 0;

          if (rows[k]->has_value[j] && rows[k]->values[j] > 0)
            length = MAX (1, rows[k]->values[j] / max * bar_span);
          gdk_cairo_set_source_rgba (cr, &bar_colors[k]);
          cairo_rectangle (cr, bar_x, bar_y, length, bar_height);
          cairo_fill (cr);

          pango_layout_get_pixel_size (value, NULL, &text_height);
          gdk_cairo_set_source_rgba (cr, &value_colors[k]);
          cairo_move_to (cr, bar_x + length + CHART_TEXT_GAP, bar_y + (bar_height - text_height) / 2.0);
          pango_cairo_show_layout (cr, value);
        }
    }
}

/* Sizes and draws the chart and its legend again. */
static void
update_chart (TdStatisticsPage *self)
{
  guint n = self->chart_bars ? self->chart_bars->len : 0;
  int pair_height = 2 * chart_bar_height (self) + CHART_BAR_GAP;
  int year = selected_year (self);
  int legend_width = 0, legend_height = 0;

  gtk_drawing_area_set_content_height (self->chart_area,
                                       n > 0 ? 2 * CHART_PAD + n * (pair_height + CHART_PAIR_GAP) - CHART_PAIR_GAP : 0);
  for (int k = 0; year > 0 && k < 2; k++)
    {
      g_autofree char *text = legend_text (year - k);
      g_autoptr(PangoLayout) layout = chart_layout (GTK_WIDGET (self->legend_area), NULL, text, FALSE);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      legend_width += MIN (12, h) + CHART_TEXT_GAP + w + 3 * CHART_TEXT_GAP;
      legend_height = MAX (legend_height, h);
    }
  gtk_drawing_area_set_content_width (self->legend_area, legend_width);
  gtk_drawing_area_set_content_height (self->legend_area, legend_height);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->legend_area));
}

static void
on_chart_indicator_changed (TdStatisticsPage *self)
{
  update_chart (self);
}

/* Texts, sums and last year's values of every cell; a cell refused with
 * an error keeps what the user typed. */
static void
fill_cells (TdStatisticsPage *self,
            GPtrArray        *rows,
            GPtrArray        *last_rows)
{
  guint n = n_indicators (self);
  int year = selected_year (self);

  g_list_store_remove_all (self->rows);
  g_ptr_array_set_size (self->chart_bars, 0);
  for (guint r = 0; r <= self->shown->len; r++)
    {
      StatRow *row = g_ptr_array_index (rows, unit_index (self, r));
      StatRow *last = last_rows ? g_ptr_array_index (last_rows, unit_index (self, r)) : NULL;
      g_autoptr(TdItem) item = NULL;

      for (guint j = 0; j < n; j++)
        {
          GtkWidget *cell = cell_at (self, r, j);
          g_autofree char *text = format_value (row, j);
          g_autofree char *last_text = format_value (last, j);
          g_autofree char *tooltip = last_text
            /* Translators: the tooltip of a statistics cell. */
            ? g_strdup_printf (_("Last year (%d): %s"), year - 1, last_text)
            : g_strdup_printf (_("Last year (%d): no value"), year - 1);

          gtk_widget_set_tooltip_text (cell, tooltip);
          if (is_editable_cell (cell))
            {
              if (gtk_widget_has_css_class (cell, "error"))
                continue;
              gtk_editable_set_text (GTK_EDITABLE (cell), text ? text : "");
              g_object_set_data_full (G_OBJECT (cell), "td-shown", g_strdup (text ? text : ""), g_free);
            }
          else
            gtk_label_set_text (GTK_LABEL (cell), text ? text : "");
        }

      /* The model owns a copy: @rows is freed by the caller. */
      {
        StatRow *copy = stat_row_new (row->name, row->n_values);

        copy->unit_id = row->unit_id;
        copy->depth = row->depth;
        copy->is_parent = row->is_parent;
        memcpy (copy->values, row->values, sizeof (double) * n);
        memcpy (copy->has_value, row->has_value, sizeof (gboolean) * n);
        item = td_item_new (copy, stat_row_free);
      }
      td_item_set_emphasis (item, row->is_parent || row->unit_id == 0);
      g_list_store_append (self->rows, item);

      if (r < self->shown->len && row->depth == 0)
        {
          ChartBar *bar = g_new0 (ChartBar, 1);

          bar->this_year = stat_row_copy (row, n);
          bar->last_year = stat_row_copy (last, n);
          g_ptr_array_add (self->chart_bars, bar);
        }
    }
  update_chart (self);
}

/* After a write: the sums and the total again, the grid kept. */
static void
refresh_cells (TdStatisticsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = compute_rows (self, selected_year (self), &error);
  g_autoptr(GPtrArray) last_rows = rows ? compute_rows (self, selected_year (self) - 1, &error) : NULL;

  if (last_rows == NULL)
    {
      show_message (self, error->message);
      return;
    }
  fill_cells (self, rows, last_rows);
}

static void
clear_grid (TdStatisticsPage *self)
{
  GtkWidget *child;

  self->building++;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->cells, 0);
  g_array_set_size (self->shown, 0);
  g_list_store_remove_all (self->rows);
  g_ptr_array_set_size (self->chart_bars, 0);
  self->anchor_row = self->anchor_column = -1;
  self->building--;
  update_chart (self);
}

static void
show_cell_error (TdStatisticsPage *self,
                 GtkWidget        *cell,
                 guint             row,
                 guint             column,
                 const char       *message)
{
  TdUnit *unit = g_ptr_array_index (self->units, unit_index (self, row));
  TdIndicator *indicator = g_ptr_array_index (self->indicators, column);
  /* Translators: a unit, an indicator, then why the value was refused. */
  g_autofree char *text = g_strdup_printf (_("Not saved — %s, %s: %s"), unit->name, indicator->name, message);

  gtk_widget_add_css_class (cell, "error");
  show_message (self, text);
}

/* Writes what was typed in @cell; FALSE (nothing written) when refused. */
static gboolean
commit_cell (TdStatisticsPage *self,
             GtkWidget        *cell)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell))));
  const char *shown = g_object_get_data (G_OBJECT (cell), "td-shown");
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "td-row"));
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "td-column"));
  TdUnit *unit = g_ptr_array_index (self->units, unit_index (self, row));
  TdIndicator *indicator = g_ptr_array_index (self->indicators, column);
  gboolean written;

  if (self->building > 0 || self->database == NULL)
    return TRUE;
  if (g_strcmp0 (text, shown) == 0)
    {
      if (gtk_widget_has_css_class (cell, "error"))
        {
          gtk_widget_remove_css_class (cell, "error");
          show_message (self, NULL);
        }
      return TRUE;
    }

  if (*text == '\0')
    written = td_campaign_store_clear_value (self->database, indicator->id, unit->id, selected_year (self), &error);
  else
    {
      TdIndicatorValue value = { indicator->id, unit->id, selected_year (self), 0, NULL };
      gint64 count = 0;

      written = td_parse_count (text, indicator->name, &count, &error);
      value.value = (double) count;
      written = written && td_campaign_store_set_value (self->database, &value, &error);
    }
  if (!written)
    {
      show_cell_error (self, cell, row, column, error->message);
      return FALSE;
    }
  gtk_widget_remove_css_class (cell, "error");
  show_message (self, NULL);
  refresh_cells (self);
  return TRUE;
}

/* Focuses the next cell up (@step -1) or down (+1) the column of @cell
 * that can be typed in. */
static gboolean
move_in_column (TdStatisticsPage *self,
                GtkWidget        *cell,
                int               step)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "td-row"));
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "td-column"));

  for (gint64 r = (gint64) row + step; r >= 0 && r < self->shown->len; r += step)
    if (is_editable_cell (cell_at (self, (guint) r, column)))
      return gtk_widget_grab_focus (cell_at (self, (guint) r, column));
  return FALSE;
}

static void
on_cell_activate (GtkText          *cell,
                  TdStatisticsPage *self)
{
  if (!commit_cell (self, GTK_WIDGET (cell)))
    return;
  /* Enter goes down the column, to the next unit that can be typed in. */
  move_in_column (self, GTK_WIDGET (cell), 1);
}

/* The arrow keys up and down move along the column, as in a spreadsheet;
 * the cell left is written when it loses the focus. */
static gboolean
on_cell_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     TdStatisticsPage      *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    return move_in_column (self, cell, -1) || TRUE;
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    return move_in_column (self, cell, 1) || TRUE;
  return FALSE;
}

static void
on_cell_focus_enter (GtkEventControllerFocus *controller,
                     TdStatisticsPage        *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  self->anchor_row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "td-row"));
  self->anchor_column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "td-column"));
}

/* The chart follows the column being filled in: the window's focus, which
 * moves even while the window is not active. */
static void
on_root_focus_changed (GtkRoot          *root,
                       GParamSpec       *pspec,
                       TdStatisticsPage *self)
{
  GtkWidget *focus = gtk_root_get_focus (root);
  guint column;

  if (focus == NULL || self->building > 0 || !g_ptr_array_find (self->cells, focus, NULL))
    return;
  column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (focus), "td-column"));
  if (column < n_indicators (self))
    gtk_drop_down_set_selected (self->indicator_dropdown, column);
}

static void
td_statistics_page_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (td_statistics_page_parent_class)->root (widget);
  g_signal_connect_object (gtk_widget_get_root (widget), "notify::focus-widget",
                           G_CALLBACK (on_root_focus_changed), widget, 0);
}

static void
td_statistics_page_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_root (widget), on_root_focus_changed, widget);
  GTK_WIDGET_CLASS (td_statistics_page_parent_class)->unroot (widget);
}

static void
on_cell_focus_leave (GtkEventControllerFocus *controller,
                     TdStatisticsPage        *self)
{
  if (self->building == 0)
    commit_cell (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static GtkWidget *
new_label (const char *text,
           float       xalign,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
new_cell (TdStatisticsPage *self,
          const StatRow    *row,
          guint             r,
          guint             j)
{
  GtkWidget *cell;

  if (row->unit_id != 0 && !row->is_parent)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();
      GtkEventController *keys = gtk_event_controller_key_new ();
      TdIndicator *indicator = g_ptr_array_index (self->indicators, j);
      /* Translators: the accessible name of a cell, «unit, indicator». */
      g_autofree char *name = g_strdup_printf (_("%s, %s"), row->name, indicator->name);

      cell = gtk_text_new ();
      gtk_editable_set_editable (GTK_EDITABLE (cell), td_page_can_write (self->database));
      gtk_editable_set_alignment (GTK_EDITABLE (cell), 1.0);
      gtk_editable_set_width_chars (GTK_EDITABLE (cell), 8);
      gtk_text_set_input_purpose (GTK_TEXT (cell), GTK_INPUT_PURPOSE_DIGITS);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_signal_connect (cell, "activate", G_CALLBACK (on_cell_activate), self);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (on_cell_key_pressed), self);
      gtk_widget_add_controller (cell, keys);
      g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus_enter), self);
      g_signal_connect (focus, "leave", G_CALLBACK (on_cell_focus_leave), self);
      gtk_widget_add_controller (cell, focus);
      gtk_widget_add_css_class (cell, "stat-cell");
    }
  else
    {
      cell = new_label (NULL, 1.0, "stat-sum");
      gtk_label_set_width_chars (GTK_LABEL (cell), 8);
      gtk_widget_add_css_class (cell, "heading");
    }
  gtk_widget_add_css_class (cell, "numeric");
  g_object_set_data (G_OBJECT (cell), "td-row", GUINT_TO_POINTER (r));
  g_object_set_data (G_OBJECT (cell), "td-column", GUINT_TO_POINTER (j));
  return cell;
}

/* Units in tree order — every unit in use, and the archived ones with a
 * value that year — and the total. */
static void
rebuild_rows (TdStatisticsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) last_rows = NULL;
  g_autoptr(GtkStringList) titles = NULL;
  guint n = n_indicators (self);
  int year = selected_year (self);

  clear_grid (self);
  show_message (self, NULL);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  if (self->database == NULL || selected_campaign_id (self) == 0 || year == 0 || n == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->units = td_unit_store_list (self->database, NULL, TRUE, &error);
  rows = self->units ? compute_rows (self, year, &error) : NULL;
  last_rows = rows ? compute_rows (self, year - 1, &error) : NULL;
  if (last_rows == NULL)
    {
      g_message ("Listing statistics failed: %s", error->message);
      g_clear_pointer (&self->units, g_ptr_array_unref);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  for (guint i = 0; i < self->units->len; i++)
    {
      StatRow *row = g_ptr_array_index (rows, i);

      if (!row->archived || row_has_value (row))
        g_array_append_val (self->shown, i);
    }

  self->building++;
  gtk_grid_attach (self->grid, new_label (_("Unit"), 0, "stat-header"), 0, 0, 1, 1);
  titles = gtk_string_list_new (NULL);
  for (guint j = 0; j < n; j++)
    {
      TdIndicator *indicator = g_ptr_array_index (self->indicators, j);
      g_autofree char *name = short_name (indicator->name);
      g_autofree char *title = indicator->measure
                               /* Translators: a column title, «Tuyên truyền (buổi)». */
                               ? g_strdup_printf (_("%s (%s)"), name, indicator->measure)
                               : g_strdup (name);
      GtkWidget *header = new_label (title, 1.0, "stat-header");

      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      gtk_label_set_justify (GTK_LABEL (header), GTK_JUSTIFY_RIGHT);
      gtk_label_set_max_width_chars (GTK_LABEL (header), 16);
      gtk_label_set_width_chars (GTK_LABEL (header), 10);
      gtk_widget_set_valign (header, GTK_ALIGN_FILL);
      gtk_label_set_yalign (GTK_LABEL (header), 1.0);
      gtk_widget_set_tooltip_text (header, indicator->name);
      gtk_grid_attach (self->grid, header, j + 1, 0, 1, 1);
      gtk_string_list_append (titles, title);
    }
  {
    /* The chart keeps its indicator from one year or campaign to the next. */
    guint chart_selected = chart_indicator (self);

    gtk_drop_down_set_model (self->indicator_dropdown, G_LIST_MODEL (titles));
    gtk_drop_down_set_selected (self->indicator_dropdown,
                                chart_selected != GTK_INVALID_LIST_POSITION ? chart_selected : 0);
  }

  for (guint r = 0; r <= self->shown->len; r++)
    {
      StatRow *row = g_ptr_array_index (rows, unit_index (self, r));
      GtkWidget *name = new_label (row->name, 0, "stat-name");

      gtk_widget_set_margin_start (name, 18 * row->depth);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 42);
      gtk_widget_set_tooltip_text (name, row->name);
      if (row->is_parent || row->unit_id == 0)
        gtk_widget_add_css_class (name, "heading");
      gtk_grid_attach (self->grid, name, 0, r + 1, 1, 1);
      for (guint j = 0; j < n; j++)
        {
          GtkWidget *cell = new_cell (self, row, r, j);

          g_ptr_array_add (self->cells, cell);
          gtk_grid_attach (self->grid, cell, j + 1, r + 1, 1, 1);
        }
    }
  fill_cells (self, rows, last_rows);
  self->building--;
  gtk_stack_set_visible_child_name (self->stack, "grid");
}

/* Paste */

static GtkWidget *
focused_cell (TdStatisticsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  guint index;

  if (focus != NULL && g_ptr_array_find (self->cells, focus, &index))
    return focus;
  return NULL;
}

/* Writes the block at the anchor cell in one transaction: one undo step,
 * and nothing written when any cell is refused. */
static gboolean
paste_block (TdStatisticsPage *self,
             const char       *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdNumberBlock) block = NULL;
  GtkWidget *focus = focused_cell (self);
  guint bad_row = 0, bad_column = 0;
  guint n = n_indicators (self);
  int top = self->anchor_row, left = self->anchor_column;
  int year = selected_year (self);

  if (focus != NULL)
    {
      top = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (focus), "td-row"));
      left = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (focus), "td-column"));
    }
  if (self->database == NULL || self->units == NULL || top < 0 || left < 0)
    {
      show_message (self, _("Nothing was pasted: click the cell where the numbers should start, then paste again."));
      return FALSE;
    }

  block = td_paste_parse_numbers (text, &bad_row, &bad_column, &error);
  if (block == NULL)
    {
      g_autofree char *message = NULL;

      if (top + bad_row < self->shown->len && left + bad_column < n)
        message = g_strdup_printf (_("Nothing was pasted: row %u, column %u of the block (%s, %s): %s"),
                                   bad_row + 1, bad_column + 1,
                                   ((TdUnit *) g_ptr_array_index (self->units, unit_index (self, top + bad_row)))->name,
                                   ((TdIndicator *) g_ptr_array_index (self->indicators, left + bad_column))->name,
                                   error->message);
      else if (g_error_matches (error, TD_FIELD_ERROR, TD_FIELD_ERROR_FORMAT))
        message = g_strdup_printf (_("Nothing was pasted: row %u, column %u of the block: %s"),
                                   bad_row + 1, bad_column + 1, error->message);
      else
        message = g_strdup (error->message);
      show_message (self, message);
      return FALSE;
    }

  if (top + block->n_rows > self->shown->len || left + block->n_columns > n)
    {
      g_autofree char *message =
        g_strdup_printf (_("Nothing was pasted: a block of %u × %u cells starting at %s, %s goes past the last unit or the last indicator."),
                         block->n_rows, block->n_columns,
                         ((TdUnit *) g_ptr_array_index (self->units, unit_index (self, top)))->name,
                         ((TdIndicator *) g_ptr_array_index (self->indicators, left))->name);

      show_message (self, message);
      return FALSE;
    }
  for (guint i = 0; i < block->n_rows; i++)
    if (!is_editable_cell (cell_at (self, top + i, left)))
      {
        g_autofree char *message =
          g_strdup_printf (_("Nothing was pasted: row %u of the block falls on %s, which shows the sum of its units. Paste the rows of each unit separately."),
                           i + 1, ((TdUnit *) g_ptr_array_index (self->units, unit_index (self, top + i)))->name);

        show_message (self, message);
        return FALSE;
      }

  if (!td_database_begin (self->database, &error))
    goto failed;
  for (guint i = 0; i < block->n_rows; i++)
    for (guint j = 0; j < block->n_columns; j++)
      {
        TdUnit *unit = g_ptr_array_index (self->units, unit_index (self, top + i));
        TdIndicator *indicator = g_ptr_array_index (self->indicators, left + j);
        guint k = i * block->n_columns + j;
        TdIndicatorValue value = { indicator->id, unit->id, year, (double) block->values[k], NULL };
        gboolean written = block->present[k]
                           ? td_campaign_store_set_value (self->database, &value, &error)
                           : td_campaign_store_clear_value (self->database, indicator->id, unit->id, year, &error);

        if (!written)
          {
            td_database_rollback (self->database);
            goto failed;
          }
      }
  if (!td_database_commit (self->database, &error))
    {
      td_database_rollback (self->database);
      goto failed;
    }

  for (guint i = 0; i < block->n_rows; i++)
    for (guint j = 0; j < block->n_columns; j++)
      gtk_widget_remove_css_class (cell_at (self, top + i, left + j), "error");
  show_message (self, NULL);
  refresh_cells (self);
  return TRUE;

failed:
  {
    /* Translators: the reason follows. */
    g_autofree char *message = g_strdup_printf (_("Nothing was pasted: %s"), error->message);

    show_message (self, message);
  }
  return FALSE;
}

static void
on_paste_text_ready (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  TdStatisticsPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = TD_STATISTICS_PAGE (user_data);
  if (text == NULL)
    {
      show_message (self, _("Nothing was pasted: the clipboard holds no text. Copy a block of cells in the spreadsheet first."));
      return;
    }
  paste_block (self, text);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TdStatisticsPage *self = TD_STATISTICS_PAGE (widget);

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), self->cancellable,
                                 on_paste_text_ready, self);
}

static void
add_year (GArray *years,
          int     year)
{
  for (guint j = 0; j < years->len; j++)
    if (g_array_index (years, int, j) == year)
      return;
  g_array_append_val (years, year);
}

/* The years the campaign runs, up to this year, so that a new year can be
 * filled in: from its start (or this year) to its end (or this year). */
static void
add_campaign_years (TdStatisticsPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int this_year = g_date_time_get_year (now);
  TdCampaign *campaign = NULL;
  int first, last;

  if (self->indicators == NULL || self->indicators->len == 0)
    return;
  for (guint i = 0; self->campaigns != NULL && i < self->campaigns->len; i++)
    if (((TdCampaign *) g_ptr_array_index (self->campaigns, i))->id == selected_campaign_id (self))
      campaign = g_ptr_array_index (self->campaigns, i);
  if (campaign == NULL)
    return;

  first = campaign->start_date ? (int) g_ascii_strtoll (campaign->start_date, NULL, 10) : this_year;
  last = campaign->end_date ? (int) g_ascii_strtoll (campaign->end_date, NULL, 10) : this_year;
  last = MIN (last, this_year);
  first = MAX (first, last - 30);
  for (int year = first; year > 0 && year <= last; year++)
    add_year (self->years, year);
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
    add_year (self->years, ((TdIndicatorValue *) g_ptr_array_index (values, i))->year);
  add_campaign_years (self);
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
reload (TdStatisticsPage *self,
        gint64            keep_campaign,
        int               keep_year)
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
  /* After an undo the same database is shown again: stay on its campaign
   * and year. */
  if (keep_campaign > 0)
    td_statistics_page_show (self, keep_campaign, keep_year);
}

static void
td_statistics_page_dispose (GObject *object)
{
  TdStatisticsPage *self = TD_STATISTICS_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  self->building++;
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_STATISTICS_PAGE);
  /* A plain GtkWidget parent unparents its children itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->chart_bars, g_ptr_array_unref);
  g_clear_object (&self->rows);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (td_statistics_page_parent_class)->dispose (object);
}

static void
td_statistics_page_class_init (TdStatisticsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_statistics_page_dispose;
  widget_class->root = td_statistics_page_root;
  widget_class->unroot = td_statistics_page_unroot;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/td-statistics-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdStatisticsPage, campaign_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdStatisticsPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdStatisticsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TdStatisticsPage, grid);
  gtk_widget_class_bind_template_child (widget_class, TdStatisticsPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, TdStatisticsPage, indicator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdStatisticsPage, legend_area);
  gtk_widget_class_bind_template_child (widget_class, TdStatisticsPage, chart_area);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_indicator_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_campaign_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "statistics.paste", NULL, paste_action);
}

static void
td_statistics_page_init (TdStatisticsPage *self)
{
  GtkEventController *shortcuts;

  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->cells = g_ptr_array_new ();
  self->chart_bars = g_ptr_array_new_with_free_func (chart_bar_free);
  self->rows = g_list_store_new (TD_TYPE_ITEM);
  self->cancellable = g_cancellable_new ();
  self->anchor_row = self->anchor_column = -1;
  self->loading = 1;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = 0;
  gtk_drawing_area_set_draw_func (self->chart_area, draw_chart, self, NULL);
  gtk_drawing_area_set_draw_func (self->legend_area, draw_legend, self, NULL);

  /* Ctrl+V in a cell pastes a block, before the cell pastes it as text. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>v"),
                                                          gtk_named_action_new ("statistics.paste")));
  gtk_widget_add_controller (GTK_WIDGET (self->grid), shortcuts);
  reload (self, 0, 0);
}

void
td_statistics_page_set_database (TdStatisticsPage *self,
                                 TdDatabase       *database)
{
  g_return_if_fail (TD_IS_STATISTICS_PAGE (self));

  gint64 keep_campaign = self->database == database ? selected_campaign_id (self) : 0;
  int keep_year = selected_year (self);

  g_set_object (&self->database, database);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.paste", td_page_can_write (database));
  reload (self, keep_campaign, keep_year);
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

/* The cell of @unit_id and the @indicator-th indicator: a GtkEditable for
 * a unit without units under it, a label for a sum; NULL when not shown. */
GtkWidget *
td_statistics_page_get_cell (TdStatisticsPage *self,
                             gint64            unit_id,
                             guint             indicator)
{
  g_return_val_if_fail (TD_IS_STATISTICS_PAGE (self), NULL);

  for (guint r = 0; self->units != NULL && r < self->shown->len; r++)
    if (((TdUnit *) g_ptr_array_index (self->units, unit_index (self, r)))->id == unit_id)
      return cell_at (self, r, indicator);
  return NULL;
}

/* The message shown above the grid (a refused value or paste), or NULL. */
const char *
td_statistics_page_get_message (TdStatisticsPage *self)
{
  g_return_val_if_fail (TD_IS_STATISTICS_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;
  return gtk_label_get_text (self->message_label);
}

/* The chart: the index of its indicator, GTK_INVALID_LIST_POSITION when
 * none is shown. */
guint
td_statistics_page_get_chart_indicator (TdStatisticsPage *self)
{
  g_return_val_if_fail (TD_IS_STATISTICS_PAGE (self), GTK_INVALID_LIST_POSITION);
  return chart_indicator (self);
}

/* The number of pairs of bars: one per top-level unit shown. */
guint
td_statistics_page_get_chart_n_bars (TdStatisticsPage *self)
{
  g_return_val_if_fail (TD_IS_STATISTICS_PAGE (self), 0);
  return self->chart_bars->len;
}

/* The @bar-th pair of bars: its unit and its values of this year and of
 * last year (0 without a value); FALSE when there is no such bar. */
gboolean
td_statistics_page_get_chart_bar (TdStatisticsPage *self,
                                  guint             bar,
                                  gint64           *unit_id,
                                  double           *this_year,
                                  double           *last_year)
{
  guint j;
  ChartBar *pair;

  g_return_val_if_fail (TD_IS_STATISTICS_PAGE (self), FALSE);

  j = chart_indicator (self);
  if (bar >= self->chart_bars->len || j == GTK_INVALID_LIST_POSITION)
    return FALSE;
  pair = g_ptr_array_index (self->chart_bars, bar);
  if (unit_id != NULL)
    *unit_id = pair->this_year->unit_id;
  if (this_year != NULL)
    *this_year = pair->this_year->has_value[j] ? pair->this_year->values[j] : 0;
  if (last_year != NULL)
    *last_year = pair->last_year->has_value[j] ? pair->last_year->values[j] : 0;
  return TRUE;
}
