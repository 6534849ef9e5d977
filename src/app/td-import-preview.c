#define G_LOG_DOMAIN "td-import-preview"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "td-import-preview.h"
#include "td-table.h"

struct _TdImportPreview
{
  GtkBox          parent_instance;

  GtkLabel       *summary_label;
  GtkLabel       *hint_label;
  GtkLabel       *message_label;
  GtkWidget      *frame;
  GtkColumnView  *view;
  GListStore     *reports;
  guint           counts[TD_IMPORT_ROW_ERROR + 1];
  gboolean        failed;
};

G_DEFINE_FINAL_TYPE (TdImportPreview, td_import_preview, GTK_TYPE_BOX)

typedef enum
{
  CELL_LINE,
  CELL_STATE,
  CELL_TITLE,
  CELL_MESSAGE,
} CellKind;

static const char *const state_labels[] = {
  [TD_IMPORT_ROW_NEW] = N_("New"),
  [TD_IMPORT_ROW_SAME] = N_("Already there"),
  [TD_IMPORT_ROW_MATCH] = N_("Differs"),
  [TD_IMPORT_ROW_UPDATE] = N_("Will update"),
  [TD_IMPORT_ROW_ERROR] = N_("Error"),
};

/* Colours of libadwaita's style classes, so that dark style is kept. */
static const char *const state_classes[] = {
  [TD_IMPORT_ROW_NEW] = "success",
  [TD_IMPORT_ROW_SAME] = "dim-label",
  [TD_IMPORT_ROW_MATCH] = "warning",
  [TD_IMPORT_ROW_UPDATE] = "accent",
  [TD_IMPORT_ROW_ERROR] = "error",
};

static void
set_state_class (GtkWidget        *label,
                 TdImportRowState  state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    if (i != state)
      gtk_widget_remove_css_class (label, state_classes[i]);
  gtk_widget_add_css_class (label, state_classes[state]);
}

static void
on_cell_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  CellKind kind = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), kind == CELL_LINE ? 1.0 : 0.0);
  if (kind == CELL_MESSAGE || kind == CELL_TITLE)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 3);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
      gtk_label_set_max_width_chars (GTK_LABEL (label), kind == CELL_MESSAGE ? 60 : 30);
    }
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (kind == CELL_LINE)
    gtk_widget_add_css_class (label, "numeric");
  if (kind == CELL_STATE)
    gtk_widget_add_css_class (label, "heading");
  gtk_list_item_set_child (list_item, label);
}

static void
on_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  CellKind kind = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const TdImportRowReport *report = td_item_get_record (gtk_list_item_get_item (list_item));
  g_autofree char *line = NULL;

  switch (kind)
    {
    case CELL_LINE:
      line = g_strdup_printf ("%u", report->line);
      gtk_label_set_text (GTK_LABEL (label), line);
      break;
    case CELL_STATE:
      gtk_label_set_text (GTK_LABEL (label), _(state_labels[report->state]));
      set_state_class (label, report->state);
      break;
    case CELL_TITLE:
      gtk_label_set_text (GTK_LABEL (label), report->title);
      gtk_widget_set_tooltip_text (label, report->title);
      break;
    case CELL_MESSAGE:
    default:
      gtk_label_set_text (GTK_LABEL (label), report->message != NULL ? report->message : "");
      gtk_widget_set_tooltip_text (label, report->message);
      if (report->state == TD_IMPORT_ROW_ERROR)
        gtk_widget_add_css_class (label, "error");
      else
        gtk_widget_remove_css_class (label, "error");
      break;
    }
}

static void
add_column (TdImportPreview *self,
            const char      *title,
            CellKind         kind,
            gboolean         expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind), GINT_TO_POINTER (kind));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->view, column);
}

/* «3 rows to add · 1 row with an error»: the states found, in the order
 * of the table's states. */
static char *
summary_text (TdImportPreview *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_rows = 0;

  for (guint state = 0; state < G_N_ELEMENTS (self->counts); state++)
    {
      guint n = self->counts[state];
      g_autofree char *part = NULL;

      n_rows += n;
      if (n == 0)
        continue;
      switch ((TdImportRowState) state)
        {
        case TD_IMPORT_ROW_NEW:
          part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row to add", "%u rows to add", n), n);
          break;
        case TD_IMPORT_ROW_SAME:
          part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row already there", "%u rows already there", n), n);
          break;
        case TD_IMPORT_ROW_MATCH:
          part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row differs from its record, kept as it is",
                                               "%u rows differ from their records, kept as they are", n), n);
          break;
        case TD_IMPORT_ROW_UPDATE:
          part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row to update", "%u rows to update", n), n);
          break;
        case TD_IMPORT_ROW_ERROR:
        default:
          part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row with an error", "%u rows with errors", n), n);
          break;
        }
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, part);
    }
  if (n_rows == 0)
    return g_strdup (_("There are no rows of records under the header row."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
td_import_preview_dispose (GObject *object)
{
  TdImportPreview *self = TD_IMPORT_PREVIEW (object);

  g_clear_object (&self->reports);

  G_OBJECT_CLASS (td_import_preview_parent_class)->dispose (object);
}

static void
td_import_preview_class_init (TdImportPreviewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = td_import_preview_dispose;
}

static void
td_import_preview_init (TdImportPreview *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->summary_label));

  self->hint_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->hint_label, 0);
  gtk_label_set_wrap (self->hint_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->hint_label));

  self->message_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->message_label, 0);
  gtk_label_set_wrap (self->message_label, TRUE);
  gtk_label_set_selectable (self->message_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->message_label));

  self->reports = g_list_store_new (TD_TYPE_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->reports)));
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_steal_pointer (&selection))));
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  add_column (self, _("Line"), CELL_LINE, FALSE);
  add_column (self, _("State"), CELL_STATE, FALSE);
  add_column (self, _("Record"), CELL_TITLE, TRUE);
  add_column (self, _("Details"), CELL_MESSAGE, TRUE);

  /* The page scrolls too: the table keeps a height of its own. */
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 380);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  self->frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (self->frame), scroller);
  gtk_box_append (GTK_BOX (self), self->frame);
}

GtkWidget *
td_import_preview_new (void)
{
  return g_object_new (TD_TYPE_IMPORT_PREVIEW, NULL);
}

void
td_import_preview_set_reports (TdImportPreview *self,
                               GPtrArray       *reports,
                               const GError    *error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *summary = NULL;

  g_return_if_fail (TD_IS_IMPORT_PREVIEW (self));

  memset (self->counts, 0, sizeof self->counts);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; reports != NULL && i < reports->len; i++)
    {
      TdImportRowReport *report = g_ptr_array_index (reports, i);

      self->counts[report->state]++;
      g_ptr_array_add (items, td_item_new (report, (GDestroyNotify) td_import_row_report_free));
    }
  if (reports != NULL)
    {
      g_ptr_array_set_free_func (reports, NULL);
      g_ptr_array_set_size (reports, 0);
    }
  g_list_store_splice (self->reports, 0, g_list_model_get_n_items (G_LIST_MODEL (self->reports)),
                       items->pdata, items->len);

  self->failed = error != NULL;
  gtk_label_set_text (self->message_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), error != NULL);
  gtk_widget_set_visible (self->frame, error == NULL);
  summary = error == NULL ? summary_text (self) : NULL;
  gtk_label_set_text (self->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL);
}

void
td_import_preview_set_hint (TdImportPreview *self,
                            const char      *hint)
{
  g_return_if_fail (TD_IS_IMPORT_PREVIEW (self));

  gtk_label_set_text (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
}

guint
td_import_preview_count (TdImportPreview  *self,
                         TdImportRowState  state)
{
  g_return_val_if_fail (TD_IS_IMPORT_PREVIEW (self), 0);
  g_return_val_if_fail (state <= TD_IMPORT_ROW_ERROR, 0);
  return self->counts[state];
}

/* Whether the last check failed as a whole (a required column missing…). */
gboolean
td_import_preview_has_error (TdImportPreview *self)
{
  g_return_val_if_fail (TD_IS_IMPORT_PREVIEW (self), FALSE);
  return self->failed;
}

GListModel *
td_import_preview_get_reports (TdImportPreview *self)
{
  g_return_val_if_fail (TD_IS_IMPORT_PREVIEW (self), NULL);
  return G_LIST_MODEL (self->reports);
}

GtkWidget *
td_import_preview_get_summary (TdImportPreview *self)
{
  g_return_val_if_fail (TD_IS_IMPORT_PREVIEW (self), NULL);
  return GTK_WIDGET (self->summary_label);
}

GtkWidget *
td_import_preview_get_message (TdImportPreview *self)
{
  g_return_val_if_fail (TD_IS_IMPORT_PREVIEW (self), NULL);
  return GTK_WIDGET (self->message_label);
}
