#include "config.h"

#include <string.h>

#include "td-application.h"
#include "td-campaign-store.h"
#include "td-sample.h"
#include "td-statistics-page.h"
#include "td-test-util.h"
#include "td-ui-test-util.h"
#include "td-undo.h"
#include "td-unit-store.h"
#include "td-window.h"

/* The statistics typed as a user does: a value in a cell, refused input,
 * a block pasted from a spreadsheet and undone in one step. */

#define YEAR 2018

static TdApplication *app;

/* A key pressed on @widget, as its key controller receives it. */
static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      gboolean done = FALSE;

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &done);
      handled |= done;
    }
  g_assert_true (handled);
  td_ui_settle ();
}

typedef struct
{
  TdDatabase *db;
  gint64      campaign_id;
  GPtrArray  *indicators;
} Lookup;

/* The stored value, or -1 when there is none. */
static double
stored (Lookup *l,
        gint64  unit_id,
        guint   indicator)
{
  g_autoptr(GPtrArray) values = td_campaign_store_list_values (l->db, l->campaign_id, YEAR, NULL);
  gint64 indicator_id = ((TdIndicator *) g_ptr_array_index (l->indicators, indicator))->id;

  for (guint i = 0; i < values->len; i++)
    {
      TdIndicatorValue *value = g_ptr_array_index (values, i);

      if (value->unit_id == unit_id && value->indicator_id == indicator_id)
        return value->value;
    }
  return -1;
}

static void
type_into (GtkWidget  *cell,
           const char *text)
{
  g_assert_true (GTK_IS_EDITABLE (cell));
  gtk_widget_grab_focus (cell);
  gtk_editable_set_text (GTK_EDITABLE (cell), text);
  /* Enter, as GtkText emits it. */
  g_signal_emit_by_name (cell, "activate");
  td_ui_settle ();
}

typedef struct
{
  Lookup *lookup;
  gint64  unit_id;
  guint   indicator;
  double  value;
} Wait;

static gboolean
value_written (gpointer data)
{
  Wait *wait = data;

  return stored (wait->lookup, wait->unit_id, wait->indicator) == wait->value;
}

static gboolean
has_message (gpointer page)
{
  return td_statistics_page_get_message (page) != NULL;
}

/* The chart's values of this year, by top-level unit, and their sum. */
static double
chart_sum (TdStatisticsPage *page,
           guint             indicator)
{
  double sum = 0;

  g_assert_cmpuint (td_statistics_page_get_chart_indicator (page), ==, indicator);
  for (guint i = 0; i < td_statistics_page_get_chart_n_bars (page); i++)
    {
      double this_year = -1, last_year = -1;
      gint64 unit_id = 0;

      g_assert_true (td_statistics_page_get_chart_bar (page, i, &unit_id, &this_year, &last_year));
      g_assert_cmpint (unit_id, >, 0);
      g_assert_cmpfloat (this_year, >=, 0);
      g_assert_cmpfloat (last_year, >=, 0);
      sum += this_year;
    }
  g_assert_false (td_statistics_page_get_chart_bar (page, td_statistics_page_get_chart_n_bars (page),
                                                    NULL, NULL, NULL));
  return sum;
}

/* The chart's value of this year for @unit_id. */
static double
chart_value (TdStatisticsPage *page,
             gint64            unit_id)
{
  for (guint i = 0; i < td_statistics_page_get_chart_n_bars (page); i++)
    {
      double this_year = 0;
      gint64 id = 0;

      td_statistics_page_get_chart_bar (page, i, &id, &this_year, NULL);
      if (id == unit_id)
        return this_year;
    }
  g_assert_not_reached ();
  return -1;
}

static void
test_type_and_paste (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = td_test_tmp_path ("statistics.db");
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) leaves = g_ptr_array_new ();
  TdWindow *window;
  TdStatisticsPage *page;
  Lookup l = { 0 };
  TdUnit *first = NULL;
  GtkWidget *cell;
  int start = -1;
  double total_before;

  {
    g_autoptr(TdDatabase) db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);

    g_assert_no_error (error);
    td_sample_load (db, &error);
    g_assert_no_error (error);
  }
  window = td_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (td_window_open_path (window, path, FALSE));
  l.db = td_window_get_database (window);
  campaigns = td_campaign_store_list (l.db, NULL, NULL);
  l.campaign_id = ((TdCampaign *) g_ptr_array_index (campaigns, 0))->id;
  l.indicators = td_campaign_store_list_indicators (l.db, l.campaign_id, NULL);
  g_assert_cmpuint (l.indicators->len, >=, 4);
  page = TD_STATISTICS_PAGE (td_window_get_page (window, "statistics"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "statistics"));
  g_assert_true (td_statistics_page_show (page, l.campaign_id, YEAR));
  td_ui_settle ();

  /* The units that can be typed in, in the order of the grid. */
  units = td_unit_store_list (l.db, NULL, TRUE, NULL);
  for (guint i = 0; i < units->len; i++)
    {
      TdUnit *unit = g_ptr_array_index (units, i);

      cell = td_statistics_page_get_cell (page, unit->id, 0);
      if (cell == NULL)
        continue;
      g_ptr_array_add (leaves, GTK_IS_EDITABLE (cell) ? unit : NULL);
    }
  for (guint i = 0; i + 2 < leaves->len && start < 0; i++)
    {
      gboolean empty = TRUE;

      for (guint r = i; r < i + 3; r++)
        for (guint j = 0; j < 4; j++)
          empty = empty && leaves->pdata[r] != NULL &&
                  stored (&l, ((TdUnit *) leaves->pdata[r])->id, j) < 0;
      if (empty)
        start = i;
    }
  g_assert_cmpint (start, >=, 0);
  first = leaves->pdata[start];

  /* A typed value is written; the total follows. */
  total_before = td_statistics_page_get_total (page, 1);
  type_into (td_statistics_page_get_cell (page, first->id, 1), "1.250");
  g_assert_cmpfloat (stored (&l, first->id, 1), ==, 1250);
  g_assert_cmpfloat (td_statistics_page_get_total (page, 1), ==, total_before + 1250);
  g_assert_null (td_statistics_page_get_message (page));
  td_ui_save_screenshot (GTK_WIDGET (window), "statistics-typed.png");

  /* Refused: a negative number, letters, a decimal comma; nothing written. */
  {
    const char *bad[] = { "-5", "abc", "21,79" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        cell = td_statistics_page_get_cell (page, first->id, 2);
        type_into (cell, bad[i]);
        g_assert_cmpfloat (stored (&l, first->id, 2), <, 0);
        g_assert_true (gtk_widget_has_css_class (cell, "error"));
        g_assert_nonnull (td_statistics_page_get_message (page));
        g_assert_nonnull (strstr (td_statistics_page_get_message (page), first->name));
      }
    td_ui_save_screenshot (GTK_WIDGET (window), "statistics-refused.png");
    td_ui_assert_translated (GTK_WIDGET (window), "statistics-refused");
    /* Emptied again: no error, nothing written. */
    type_into (cell, "");
    g_assert_false (gtk_widget_has_css_class (cell, "error"));
    g_assert_null (td_statistics_page_get_message (page));
  }
  /* An empty cell clears the value. */
  type_into (td_statistics_page_get_cell (page, first->id, 1), "");
  g_assert_cmpfloat (stored (&l, first->id, 1), <, 0);

  /* The arrow keys go down and up the column, as in a spreadsheet. */
  {
    GtkWidget *above = td_statistics_page_get_cell (page, first->id, 1);
    GtkWidget *below;

    gtk_widget_grab_focus (above);
    press_key (above, GDK_KEY_Down);
    below = gtk_root_get_focus (gtk_widget_get_root (above));
    g_assert_true (GTK_IS_TEXT (below) && below != above);
    g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (below), "td-column")), ==, 1);
    g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (below), "td-row")), >,
                      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (above), "td-row")));
    press_key (below, GDK_KEY_Up);
    g_assert_true (gtk_root_get_focus (gtk_widget_get_root (above)) == above);
  }

  /* A 3 × 4 block pasted at the first cell: one undo step. */
  {
    GtkWidget *anchor = td_statistics_page_get_cell (page, first->id, 0);
    Wait wait = { &l, ((TdUnit *) leaves->pdata[start + 2])->id, 3, 34 };
    guint n_top = 0;
    double chart_before_0, chart_before_3;
    gint64 top_id = 0;

    /* The chart: one pair of bars per top-level unit, of the focused
     * cell's column. */
    for (guint i = 0; i < units->len; i++)
      if (((TdUnit *) g_ptr_array_index (units, i))->depth == 0 &&
          td_statistics_page_get_cell (page, ((TdUnit *) g_ptr_array_index (units, i))->id, 0) != NULL)
        n_top++;
    g_assert_cmpuint (td_statistics_page_get_chart_n_bars (page), ==, n_top);
    gtk_widget_grab_focus (td_statistics_page_get_cell (page, first->id, 3));
    td_ui_settle ();
    chart_before_3 = chart_sum (page, 3);
    gtk_widget_grab_focus (anchor);
    td_ui_settle ();
    chart_before_0 = chart_sum (page, 0);
    /* The top-level unit over the first unit pasted into. */
    for (guint i = 0; i < units->len; i++)
      {
        TdUnit *unit = g_ptr_array_index (units, i);

        if (unit->depth == 0)
          top_id = unit->id;
        if (unit->id == first->id)
          break;
      }
    g_assert_cmpint (top_id, >, 0);

    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (page)),
                            "11\t12\t13\t14\r\n21\t22\t23\t24\r\n31\t32\t33\t34\r\n");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "statistics.paste", NULL));
    g_assert_true (td_ui_spin_until (value_written, &wait));
    for (guint r = 0; r < 3; r++)
      for (guint j = 0; j < 4; j++)
        g_assert_cmpfloat (stored (&l, ((TdUnit *) leaves->pdata[start + r])->id, j), ==,
                           (r + 1) * 10 + j + 1);
    td_ui_settle ();
    td_ui_save_screenshot (GTK_WIDGET (window), "statistics-pasted.png");
    td_ui_assert_translated (GTK_WIDGET (window), "statistics-pasted");

    /* The chart shows the pasted values: the first column, then the
     * fourth once one of its cells is focused. */
    g_assert_cmpfloat (chart_sum (page, 0), ==, chart_before_0 + 11 + 21 + 31);
    g_assert_cmpfloat (chart_value (page, top_id), >=, 11);
    gtk_widget_grab_focus (td_statistics_page_get_cell (page, first->id, 3));
    td_ui_settle ();
    g_assert_cmpfloat (chart_sum (page, 3), ==, chart_before_3 + 14 + 24 + 34);
    td_ui_save_screenshot (GTK_WIDGET (window), "statistics-chart.png");

    g_assert_true (td_database_undo (l.db, &error));
    g_assert_no_error (error);
    for (guint r = 0; r < 3; r++)
      for (guint j = 0; j < 4; j++)
        g_assert_cmpfloat (stored (&l, ((TdUnit *) leaves->pdata[start + r])->id, j), <, 0);

    /* Shown again after the undo: the chart has the values of before. */
    td_window_reload (window);
    td_ui_settle ();
    gtk_widget_grab_focus (td_statistics_page_get_cell (page, first->id, 3));
    td_ui_settle ();
    g_assert_cmpfloat (chart_sum (page, 3), ==, chart_before_3);
  }

  /* A bad cell refuses the whole block, named. */
  {
    td_window_reload (window);
    td_ui_settle ();
    gtk_widget_grab_focus (td_statistics_page_get_cell (page, first->id, 0));
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (page)), "1\t2\n3\tx4\n");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "statistics.paste", NULL));
    g_assert_true (td_ui_spin_until (has_message, page));
    g_assert_nonnull (strstr (td_statistics_page_get_message (page), "x4"));
    g_assert_cmpfloat (stored (&l, first->id, 0), <, 0);
  }

  g_ptr_array_unref (l.indicators);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  td_ui_init (&argc, &argv);
  app = td_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/statistics-ui/type-refuse-paste-undo", test_type_and_paste);

  status = td_test_run ();
  g_clear_object (&app);
  return status;
}
