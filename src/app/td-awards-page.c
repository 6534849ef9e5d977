#define G_LOG_DOMAIN "td-awards-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "td-awards-page.h"
#include "td-decision-store.h"
#include "td-format.h"
#include "td-table.h"

struct _TdAwardsPage
{
  GtkWidget       parent_instance;

  TdDatabase     *database;
  GPtrArray      *decisions;
  GListStore     *rows;
  gint64          decision_id;

  GtkListBox     *decision_list;
  GtkStack       *detail_stack;
  GtkLabel       *heading_label;
  GtkLabel       *title_label;
  GtkLabel       *info_label;
  GtkColumnView  *award_view;
  GtkLabel       *total_label;
};

G_DEFINE_FINAL_TYPE (TdAwardsPage, td_awards_page, GTK_TYPE_WIDGET)

enum { COL_NUMBER, COL_NAME, COL_DETAIL, COL_FORM, COL_ACHIEVEMENT, COL_AMOUNT };

static void
award_row_free (gpointer data)
{
  TdAwardRow *row = data;

  g_free (row->number);
  g_free (row->name);
  g_free (row->detail);
  g_free (row->form);
  g_free (row->achievement);
  g_free (row);
}

static char *
format_money (gint64 amount)
{
  /* Translators: the thousands separator of amounts of money
   * (Vietnamese: «.», as in 18.720.000). */
  return td_format_thousands (amount, C_("money", ","));
}

static char *
row_text (gpointer record,
          gpointer user_data)
{
  TdAwardRow *row = record;

  switch (GPOINTER_TO_INT (user_data))
    {
    case COL_NUMBER:
      return g_strdup (row->number);
    case COL_NAME:
      return g_strdup (row->name);
    case COL_DETAIL:
      return g_strdup (row->detail);
    case COL_FORM:
      return g_strdup (row->form);
    case COL_ACHIEVEMENT:
      return g_strdup (row->achievement);
    case COL_AMOUNT:
      return row->kind == TD_AWARD_ROW_SECTION ? NULL : format_money (row->amount);
    default:
      g_assert_not_reached ();
    }
}

static TdAwardRow *
new_row (TdAwardRowKind kind)
{
  TdAwardRow *row = g_new0 (TdAwardRow, 1);

  row->kind = kind;
  return row;
}

/* Appends a filled row: the view binds it at once. */
static void
append_row (TdAwardsPage *self,
            TdAwardRow   *row)
{
  g_autoptr(TdItem) item = td_item_new (row, award_row_free);

  td_item_set_emphasis (item, row->kind != TD_AWARD_ROW_LINE);
  g_list_store_append (self->rows, item);
}

/* Sections «I. Collectives» and «II. Individuals», each numbered from 1
 * with its subtotal, then the total: the shape of the printed list. */
static void
fill_lines (TdAwardsPage *self,
            GPtrArray    *awards)
{
  const char *numerals[] = { "I", "II" };
  gint64 total = 0;
  guint section = 0;

  for (int collective = 1; collective >= 0; collective--)
    {
      gint64 subtotal = 0;
      guint count = 0;
      TdAwardRow *row;

      for (guint i = 0; i < awards->len; i++)
        {
          TdAward *award = g_ptr_array_index (awards, i);

          if ((award->unit_id > 0) != collective)
            continue;
          if (count == 0)
            {
              row = new_row (TD_AWARD_ROW_SECTION);
              row->number = g_strdup (numerals[section]);
              row->name = g_strdup (collective ? _("Collectives") : _("Individuals"));
              append_row (self, row);
            }
          row = new_row (TD_AWARD_ROW_LINE);
          row->number = g_strdup_printf ("%u", ++count);
          row->name = g_strdup (award->display_name);
          row->detail = g_strdup (award->display_detail);
          row->form = g_strdup (award->form_name);
          row->achievement = g_strdup (award->achievement);
          row->amount = award->amount;
          append_row (self, row);
          subtotal += award->amount;
        }
      if (count > 0)
        {
          row = new_row (TD_AWARD_ROW_SUBTOTAL);
          /* Translators: the subtotal of a section, «Cộng I». */
          row->name = g_strdup_printf (_("Subtotal %s"), numerals[section]);
          row->amount = subtotal;
          append_row (self, row);
          total += subtotal;
          section++;
        }
    }

  if (awards->len > 0)
    {
      TdAwardRow *row = new_row (TD_AWARD_ROW_TOTAL);

      row->name = g_strdup (_("Total"));
      row->amount = total;
      append_row (self, row);
    }
}

static void
show_decision (TdAwardsPage *self,
               TdDecision   *decision)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) awards = NULL;
  g_autofree char *date = td_format_date (decision->date);
  g_autofree char *heading = NULL;
  g_autofree char *info = NULL;
  g_autofree char *money = format_money (decision->total);
  g_autofree char *collectives = NULL;
  g_autofree char *individuals = NULL;
  g_autofree char *totals = NULL;

  g_list_store_remove_all (self->rows);
  self->decision_id = decision->id;

  if (decision->number != NULL)
    /* Translators: «Decision 125/QĐ-UBND of 15/01/2019». */
    heading = g_strdup_printf (_("Decision %s of %s"), decision->number, date);
  else
    /* Translators: a decision not issued yet, with its planned date. */
    heading = g_strdup_printf (_("Draft decision, dated %s"), date);
  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->title_label, decision->title ? decision->title : "");

  if (decision->year > 0)
    /* Translators: «Chủ tịch UBND tỉnh Quảng Ninh · rewarding the year 2018». */
    info = g_strdup_printf (_("%s · rewarding the year %d"), decision->issuer ? decision->issuer : "", decision->year);
  else
    info = g_strdup (decision->issuer ? decision->issuer : "");
  gtk_label_set_text (self->info_label, info);

  awards = td_decision_store_list_awards (self->database, decision->id, &error);
  if (awards == NULL)
    {
      g_message ("Listing awards failed: %s", error->message);
      return;
    }
  fill_lines (self, awards);

  collectives = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d collective", "%d collectives",
                                              decision->n_collectives), decision->n_collectives);
  individuals = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d individual", "%d individuals",
                                              decision->n_individuals), decision->n_individuals);
  /* Translators: «6 collectives, 8 individuals · Total: 44.480.000 đồng». */
  totals = g_strdup_printf (_("%s, %s · Total: %s đồng"), collectives, individuals, money);
  gtk_label_set_text (self->total_label, totals);
}

static void
on_row_selected (TdAwardsPage  *self,
                 GtkListBoxRow *row)
{
  int index;

  g_list_store_remove_all (self->rows);
  self->decision_id = 0;
  if (row == NULL || self->decisions == NULL)
    return;
  index = gtk_list_box_row_get_index (row);
  if (index >= 0 && (guint) index < self->decisions->len)
    show_decision (self, g_ptr_array_index (self->decisions, index));
}

static void
reload (TdAwardsPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_list_store_remove_all (self->rows);
  self->decision_id = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->decision_list))) != NULL)
    gtk_list_box_remove (self->decision_list, child);
  g_clear_pointer (&self->decisions, g_ptr_array_unref);

  if (self->database != NULL)
    {
      self->decisions = td_decision_store_list (self->database, NULL, 0, 0, &error);
      if (self->decisions == NULL)
        g_message ("Listing decisions failed: %s", error->message);
    }

  if (self->decisions == NULL || self->decisions->len == 0)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }

  for (guint i = 0; i < self->decisions->len; i++)
    {
      TdDecision *decision = g_ptr_array_index (self->decisions, i);
      g_autofree char *date = td_format_date (decision->date);
      g_autofree char *money = format_money (decision->total);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: under a decision in the list, «15/01/2019 · 14 awards · 44.480.000 đ»;
       * a no-break space before «đ» keeps it with the amount. */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d award · %s đ", "%s · %d awards · %s đ",
                                               decision->n_collectives + decision->n_individuals),
                                  date, decision->n_collectives + decision->n_individuals, money);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     decision->number ? decision->number : _("Draft"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_tooltip_text (row, decision->title);
      if (decision->number == NULL)
        gtk_widget_add_css_class (row, "draft");
      gtk_list_box_append (self->decision_list, row);
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  gtk_list_box_select_row (self->decision_list, gtk_list_box_get_row_at_index (self->decision_list, 0));
}

static void
td_awards_page_dispose (GObject *object)
{
  TdAwardsPage *self = TD_AWARDS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_AWARDS_PAGE);
  /* A plain GtkWidget parent unparents its children itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->decisions, g_ptr_array_unref);
  g_clear_object (&self->rows);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (td_awards_page_parent_class)->dispose (object);
}

static void
td_awards_page_class_init (TdAwardsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_awards_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/td-awards-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdAwardsPage, decision_list);
  gtk_widget_class_bind_template_child (widget_class, TdAwardsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, TdAwardsPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, TdAwardsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TdAwardsPage, info_label);
  gtk_widget_class_bind_template_child (widget_class, TdAwardsPage, award_view);
  gtk_widget_class_bind_template_child (widget_class, TdAwardsPage, total_label);

  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
td_awards_page_init (TdAwardsPage *self)
{
  struct {
    const char *title;
    int column;
    TdColumnFlags flags;
    int width;
  } columns[] = {
    /* Translators: the «No.» column of the award lines (STT). */
    { C_("column", "No."), COL_NUMBER, TD_COLUMN_NUMERIC, 48 },
    { _("Collective / Full Name"), COL_NAME, TD_COLUMN_WRAP, 190 },
    { _("Position, Unit"), COL_DETAIL, TD_COLUMN_WRAP, 200 },
    { _("Form"), COL_FORM, TD_COLUMN_WRAP, 160 },
    { _("Achievement"), COL_ACHIEVEMENT, TD_COLUMN_WRAP | TD_COLUMN_EXPAND, 260 },
    { _("Amount (đồng)"), COL_AMOUNT, TD_COLUMN_NUMERIC, 120 },
  };

  self->rows = g_list_store_new (TD_TYPE_ITEM);
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = td_column_new (columns[i].title, row_text,
                                                             GINT_TO_POINTER (columns[i].column),
                                                             columns[i].flags);

      if (!(columns[i].flags & TD_COLUMN_EXPAND))
        gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_append_column (self->award_view, column);
    }
  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));

    gtk_column_view_set_model (self->award_view, GTK_SELECTION_MODEL (selection));
  }
  reload (self);
}

void
td_awards_page_set_database (TdAwardsPage *self,
                             TdDatabase   *database)
{
  g_return_if_fail (TD_IS_AWARDS_PAGE (self));

  g_set_object (&self->database, database);
  reload (self);
}

guint
td_awards_page_get_n_decisions (TdAwardsPage *self)
{
  g_return_val_if_fail (TD_IS_AWARDS_PAGE (self), 0);
  return self->decisions != NULL ? self->decisions->len : 0;
}

void
td_awards_page_select (TdAwardsPage *self,
                       guint         position)
{
  g_return_if_fail (TD_IS_AWARDS_PAGE (self));
  gtk_list_box_select_row (self->decision_list, gtk_list_box_get_row_at_index (self->decision_list, position));
}

gint64
td_awards_page_get_decision_id (TdAwardsPage *self)
{
  g_return_val_if_fail (TD_IS_AWARDS_PAGE (self), 0);
  return self->decision_id;
}

/* TdItems holding TdAwardRow records. */
GListModel *
td_awards_page_get_rows (TdAwardsPage *self)
{
  g_return_val_if_fail (TD_IS_AWARDS_PAGE (self), NULL);
  return G_LIST_MODEL (self->rows);
}

/* A file name for the list of the decision shown: «Danh sách kèm theo
 * QĐ 125-QĐ-UBND.xlsx» (a «/» cannot be in a file name). */
char *
td_awards_page_get_export_name (TdAwardsPage *self)
{
  g_return_val_if_fail (TD_IS_AWARDS_PAGE (self), NULL);

  for (guint i = 0; self->decisions != NULL && i < self->decisions->len; i++)
    {
      TdDecision *decision = g_ptr_array_index (self->decisions, i);

      if (decision->id != self->decision_id)
        continue;
      if (decision->number != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (decision->number, "/", -1);
          g_autofree char *number = g_strjoinv ("-", parts);

          /* Translators: the suggested file name of an exported list. */
          return g_strdup_printf (_("Award list %s.xlsx"), number);
        }
      /* Translators: the suggested file name of the list of a draft. */
      return g_strdup_printf (_("Award list draft %s.xlsx"), decision->date);
    }
  return NULL;
}
