#define G_LOG_DOMAIN "td-search-window"

#include "config.h"

#include <glib/gi18n.h>

#include "td-search-window.h"
#include "td-search.h"

#define PER_KIND 8

struct _TdSearchWindow
{
  AdwWindow       parent_instance;

  TdDatabase     *database;

  GtkSearchEntry *entry;
  GtkStack       *stack;
  AdwStatusPage  *status_page;
  GtkListBox     *results;

  char           *hint;     /* the status page's first description */
  char           *searched; /* the text the results are for */
};

G_DEFINE_FINAL_TYPE (TdSearchWindow, td_search_window, ADW_TYPE_WINDOW)

enum
{
  OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
kind_heading (const char *kind)
{
  if (g_str_equal (kind, "person"))
    return _("People");
  if (g_str_equal (kind, "unit"))
    return _("Units");
  if (g_str_equal (kind, "campaign"))
    return _("Campaigns");
  if (g_str_equal (kind, "decision"))
    return _("Award decisions");
  return _("Award lines");
}

/* Results grouped by kind, a heading over each group. */
static void
show_hits (TdSearchWindow *self,
           GPtrArray      *hits)
{
  GtkWidget *child;
  const char *kind = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);

  for (guint i = 0; i < hits->len; i++)
    {
      TdSearchHit *hit = g_ptr_array_index (hits, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;

      if (g_strcmp0 (kind, hit->kind) != 0)
        {
          GtkWidget *heading = gtk_label_new (kind_heading (hit->kind));
          GtkWidget *heading_row = gtk_list_box_row_new ();

          kind = hit->kind;
          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_widget_add_css_class (heading, "heading");
          gtk_widget_set_margin_start (heading, 12);
          gtk_widget_set_margin_top (heading, 12);
          gtk_widget_set_margin_bottom (heading, 6);
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (heading_row), heading);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (heading_row), FALSE);
          gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (heading_row), FALSE);
          gtk_list_box_append (self->results, heading_row);
        }
      /* Titles and snippets are the user's text, not markup: «Sở TT&TT». */
      title = g_markup_escape_text (hit->title ? hit->title : "", -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (hit->snippet != NULL)
        {
          g_autofree char *snippet = g_markup_escape_text (hit->snippet, -1);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), snippet);
        }
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "kind", g_strdup (hit->kind), g_free);
      g_object_set_data_full (G_OBJECT (row), "ref", g_memdup2 (&hit->ref, sizeof hit->ref), g_free);
      gtk_list_box_append (self->results, row);
    }
}

void
td_search_window_search (TdSearchWindow *self,
                         const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  g_return_if_fail (TD_IS_SEARCH_WINDOW (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  g_free (self->searched);
  self->searched = g_strdup (text);
  hits = td_search_query (self->database, text, PER_KIND, &error);
  if (hits == NULL)
    {
      g_autofree char *message = g_markup_escape_text (error->message, -1);

      adw_status_page_set_title (self->status_page, _("The search failed"));
      adw_status_page_set_description (self->status_page, message);
      gtk_stack_set_visible_child_name (self->stack, "hint");
      return;
    }
  if (hits->len == 0)
    {
      g_autofree char *typed = g_strstrip (g_strdup (text));

      show_hits (self, hits);   /* empties the list */

      if (*typed)
        {
          adw_status_page_set_title (self->status_page, _("Nothing Found"));
          adw_status_page_set_description (self->status_page,
                                           _("No record holds every word typed. Try fewer words or part of a word."));
        }
      else
        {
          adw_status_page_set_title (self->status_page, _("Search Everything"));
          adw_status_page_set_description (self->status_page, self->hint);
        }
      gtk_stack_set_visible_child_name (self->stack, "hint");
      return;
    }
  show_hits (self, hits);
  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
on_search_changed (TdSearchWindow *self)
{
  td_search_window_search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
on_row_activated (TdSearchWindow *self,
                  GtkListBoxRow  *row)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "kind");
  const gint64 *ref = g_object_get_data (G_OBJECT (row), "ref");

  if (kind == NULL || ref == NULL)
    return;
  g_signal_emit (self, signals[OPEN], 0, kind, *ref);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Enter opens the first result of the text as typed: the entry tells
 * its delayed «search-changed» only after «activate». */
static void
on_activate (TdSearchWindow *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (g_strcmp0 (typed, self->searched) != 0)
    td_search_window_search (self, typed);
  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->results, i);

      if (row == NULL)
        return;
      if (g_object_get_data (G_OBJECT (row), "kind") != NULL &&
          g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results"))
        {
          on_row_activated (self, row);
          return;
        }
    }
}

static void
on_stop_search (TdSearchWindow *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
td_search_window_dispose (GObject *object)
{
  TdSearchWindow *self = TD_SEARCH_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_SEARCH_WINDOW);
  g_clear_object (&self->database);
  g_clear_pointer (&self->hint, g_free);
  g_clear_pointer (&self->searched, g_free);

  G_OBJECT_CLASS (td_search_window_parent_class)->dispose (object);
}

static void
td_search_window_class_init (TdSearchWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_search_window_dispose;

  signals[OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/td-search-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TdSearchWindow, entry);
  gtk_widget_class_bind_template_child (widget_class, TdSearchWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TdSearchWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, TdSearchWindow, results);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
td_search_window_init (TdSearchWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->hint = g_strdup (adw_status_page_get_description (self->status_page));
}

TdSearchWindow *
td_search_window_new (GtkWindow  *parent,
                      TdDatabase *database)
{
  TdSearchWindow *self = g_object_new (TD_TYPE_SEARCH_WINDOW, "transient-for", parent, NULL);

  self->database = g_object_ref (database);
  return self;
}

GtkListBox *
td_search_window_get_results (TdSearchWindow *self)
{
  g_return_val_if_fail (TD_IS_SEARCH_WINDOW (self), NULL);
  return self->results;
}
