#define G_LOG_DOMAIN "td-directory-page"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "td-directory-page.h"
#include "td-page-util.h"
#include "td-person-dialog.h"
#include "td-person-model.h"
#include "td-person-store.h"
#include "td-table.h"
#include "td-unit-dialog.h"
#include "td-unit-store.h"

struct _TdDirectoryPage
{
  GtkWidget          parent_instance;

  TdDatabase        *database;
  GPtrArray         *units;        /* TdUnit, tree order; owns the records */
  GHashTable        *children;     /* parent id → GPtrArray of TdUnit */
  GtkTreeListModel  *unit_model;
  TdPersonModel     *people;
  GtkSingleSelection *people_selection;
  TdPersonColumn     probed_column;
  gboolean           show_archived;

  GtkListView       *unit_view;
  GtkColumnView     *people_view;
  GtkSearchEntry    *search_entry;
  GtkLabel          *people_label;
};

G_DEFINE_FINAL_TYPE (TdDirectoryPage, td_directory_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SHOW_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Which column a header click sorted by: GTK 4.8 does not say, so each
 * column's sorter notes its column when the view's sorter compares. */
typedef struct
{
  TdDirectoryPage *page;
  TdPersonColumn   column;
} SortProbe;

static void update_actions (TdDirectoryPage *self);

static GListStore *
unit_children (TdDirectoryPage *self,
               gint64           parent_id)
{
  GPtrArray *list = self->children ? g_hash_table_lookup (self->children, &parent_id) : NULL;
  GListStore *store;

  if (list == NULL)
    return NULL;
  store = g_list_store_new (TD_TYPE_ITEM);
  for (guint i = 0; i < list->len; i++)
    {
      g_autoptr(TdItem) item = td_item_new (g_ptr_array_index (list, i), NULL);

      g_list_store_append (store, item);
    }
  return store;
}

static GListModel *
create_unit_children (gpointer item,
                      gpointer user_data)
{
  TdDirectoryPage *self = user_data;
  TdUnit *unit = td_item_get_record (item);

  return G_LIST_MODEL (unit_children (self, unit->id));
}

static void
on_unit_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (list_item, expander);
}

static void
on_unit_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(TdItem) item = gtk_tree_list_row_get_item (row);
  TdUnit *unit = td_item_get_record (item);
  GtkWidget *label = gtk_tree_expander_get_child (expander);

  gtk_tree_expander_set_list_row (expander, row);
  if (unit->archived)
    {
      /* Translators: a unit in the tree when archived ones are shown. */
      g_autofree char *text = g_strdup_printf (_("%s (archived)"), unit->name);

      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_widget_add_css_class (label, "dim-label");
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (label), unit->name);
      gtk_widget_remove_css_class (label, "dim-label");
    }
  gtk_widget_set_tooltip_text (label, unit->name);
}

static char *
person_name (gpointer record,
             gpointer user_data)
{
  return g_strdup (((TdPerson *) record)->full_name);
}

static char *
person_gender (gpointer record,
               gpointer user_data)
{
  switch (((TdPerson *) record)->gender)
    {
    case TD_GENDER_MALE:
      return g_strdup (_("Male"));
    case TD_GENDER_FEMALE:
      return g_strdup (_("Female"));
    case TD_GENDER_UNKNOWN:
    default:
      return NULL;
    }
}

static char *
person_birth_year (gpointer record,
                   gpointer user_data)
{
  int year = ((TdPerson *) record)->birth_year;

  return year > 0 ? g_strdup_printf ("%d", year) : NULL;
}

static char *
person_rank (gpointer record,
             gpointer user_data)
{
  return g_strdup (((TdPerson *) record)->rank);
}

static char *
person_position (gpointer record,
                 gpointer user_data)
{
  return g_strdup (((TdPerson *) record)->position);
}

static char *
person_unit (gpointer record,
             gpointer user_data)
{
  return g_strdup (((TdPerson *) record)->unit_name);
}

static void
update_people_heading (TdDirectoryPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n), n);

  gtk_label_set_text (self->people_label, heading);
}

/* The rows are all replaced (td_person_model announces a removal, then an
 * addition): the selection is put back by person, not by position. */
static gint64
begin_people_change (TdDirectoryPage *self)
{
  gint64 selected = td_directory_page_get_selected_person (self);

  gtk_single_selection_set_selected (self->people_selection, GTK_INVALID_LIST_POSITION);
  return selected;
}

/* GTK 4.8 has no gtk_column_view_scroll_to(): the action of its list. */
static void
scroll_to_person (TdDirectoryPage *self,
                  guint            position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->people_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/* The person selected before stays selected when still shown, else the
 * first row is. */
static void
end_people_change (TdDirectoryPage *self,
                   gint64           selected)
{
  guint position = selected > 0 ? td_person_model_find (self->people, selected) : G_MAXUINT;

  if (position == G_MAXUINT && g_list_model_get_n_items (G_LIST_MODEL (self->people)) > 0)
    position = 0;
  if (position != G_MAXUINT)
    {
      gtk_single_selection_set_selected (self->people_selection, position);
      scroll_to_person (self, position);
    }
  update_people_heading (self);
  update_actions (self);
}

static void
reload_people (TdDirectoryPage *self)
{
  g_autoptr(GError) error = NULL;
  TdPersonTable *table = NULL;
  gint64 selected;

  if (self->database != NULL)
    {
      table = td_person_table_load (self->database, &error);
      if (table == NULL)
        g_message ("Listing people failed: %s", error->message);
    }
  if (table == NULL)
    table = td_person_table_new_empty ();
  td_person_table_set_gender_labels (table, _("Male"), _("Female"));
  td_person_table_set_filter (table, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  selected = begin_people_change (self);
  td_person_model_set_table (self->people, table);
  end_people_change (self, selected);
}

static int
probe_sort_column (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  SortProbe *probe = user_data;

  probe->page->probed_column = probe->column;
  return GTK_ORDERING_SMALLER;
}

static void
on_people_sorter_changed (GtkSorter       *sorter,
                          GtkSorterChange  change,
                          TdDirectoryPage *self)
{
  gboolean descending;
  gint64 selected;

  self->probed_column = TD_PERSON_COLUMN_NAME;
  /* Two distinct objects: gtk_sorter_compare() does not call the
   * sorters for an item against itself. */
  descending = gtk_sorter_compare (sorter, self, self->people) == GTK_ORDERING_LARGER;

  selected = begin_people_change (self);
  td_person_model_sort (self->people, self->probed_column, descending);
  end_people_change (self, selected);
}

static void
reload_units (TdDirectoryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) old_units = g_steal_pointer (&self->units);
  g_autoptr(GHashTable) old_children = g_steal_pointer (&self->children);
  GListStore *roots;

  /* The old records stay alive until the view holds the new model. */
  if (self->database != NULL)
    {
      self->units = td_unit_store_list (self->database, NULL, self->show_archived, &error);
      if (self->units == NULL)
        g_message ("Listing units failed: %s", error->message);
    }
  if (self->units == NULL)
    self->units = g_ptr_array_new_with_free_func ((GDestroyNotify) td_unit_free);

  self->children = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < self->units->len; i++)
    {
      TdUnit *unit = g_ptr_array_index (self->units, i);
      gint64 parent = unit->depth == 0 ? 0 : unit->parent_id;
      GPtrArray *list = g_hash_table_lookup (self->children, &parent);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (self->children, g_memdup2 (&parent, sizeof parent), list);
        }
      g_ptr_array_add (list, unit);
    }

  roots = unit_children (self, 0);
  if (roots == NULL)
    roots = g_list_store_new (TD_TYPE_ITEM);

  g_clear_object (&self->unit_model);
  self->unit_model = gtk_tree_list_model_new (G_LIST_MODEL (roots), FALSE, TRUE,
                                              create_unit_children, self, NULL);
  {
    g_autoptr(GtkSingleSelection) selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->unit_model)));

    gtk_list_view_set_model (self->unit_view, GTK_SELECTION_MODEL (selection));
    g_signal_connect_object (selection, "notify::selected", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  }
  update_actions (self);
}

static TdUnit *
selected_unit (TdDirectoryPage *self)
{
  GtkSelectionModel *model = gtk_list_view_get_model (self->unit_view);
  GtkTreeListRow *row = model ? gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model)) : NULL;
  g_autoptr(TdItem) item = NULL;

  if (row == NULL)
    return NULL;
  item = gtk_tree_list_row_get_item (row);
  return td_item_get_record (item);
}

static TdPerson *
selected_person (TdDirectoryPage *self)
{
  TdItem *item = self->people_selection ? gtk_single_selection_get_selected_item (self->people_selection) : NULL;

  return item ? td_item_get_record (item) : NULL;
}

static void
update_actions (TdDirectoryPage *self)
{
  gboolean writable = td_page_can_write (self->database);
  TdUnit *unit = writable ? selected_unit (self) : NULL;
  gboolean has_db = writable;
  gboolean has_person = writable && selected_person (self) != NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "directory.add-person", has_db);
  gtk_widget_action_set_enabled (widget, "directory.edit-person", has_person);
  gtk_widget_action_set_enabled (widget, "directory.delete-person", has_person);
  gtk_widget_action_set_enabled (widget, "directory.add-unit", has_db);
  gtk_widget_action_set_enabled (widget, "directory.edit-unit", unit != NULL);
  gtk_widget_action_set_enabled (widget, "directory.delete-unit", unit != NULL);
  gtk_widget_action_set_enabled (widget, "directory.archive-unit", unit != NULL && !unit->archived);
  gtk_widget_action_set_enabled (widget, "directory.unarchive-unit", unit != NULL && unit->archived);
}

static void
on_search_changed (TdDirectoryPage *self)
{
  gint64 selected = begin_people_change (self);

  td_person_model_set_filter (self->people, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  end_people_change (self, selected);
}

static void
on_person_saved (TdDirectoryPage *self,
                 gint64           person_id)
{
  reload_people (self);
  td_directory_page_select_person (self, person_id);
}

static void
on_unit_saved (TdDirectoryPage *self,
               gint64           unit_id)
{
  reload_units (self);
  reload_people (self);
  td_directory_page_select_unit (self, unit_id);
}

static void
on_person_activated (TdDirectoryPage *self,
                     guint            position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "directory.edit-person", NULL);
}

static void
on_unit_activated (TdDirectoryPage *self,
                   guint            position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "directory.edit-unit", NULL);
}

static void
person_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TdDirectoryPage *self = TD_DIRECTORY_PAGE (widget);
  TdPerson *person = selected_person (self);

  if (self->database == NULL)
    return;
  if (g_str_equal (action_name, "directory.add-person"))
    td_directory_page_edit_person (self, 0);
  else if (person == NULL)
    return;
  else if (g_str_equal (action_name, "directory.edit-person"))
    td_directory_page_edit_person (self, person->id);
  else
    {
      g_autoptr(GError) error = NULL;

      if (!td_directory_page_delete_person (self, person->id, &error))
        td_page_show_error (GTK_WIDGET (self), _("The person could not be deleted"), error->message);
    }
}

static void
on_delete_unit_response (AdwMessageDialog *dialog,
                         const char       *response,
                         TdDirectoryPage  *self)
{
  gint64 unit_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "unit-id"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "archive") == 0 &&
      !td_directory_page_set_archived (self, unit_id, TRUE, &error))
    td_page_show_error (GTK_WIDGET (self), _("The unit could not be archived"), error->message);
}

static void
unit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TdDirectoryPage *self = TD_DIRECTORY_PAGE (widget);
  TdUnit *unit = selected_unit (self);
  g_autoptr(GError) error = NULL;

  if (self->database == NULL)
    return;
  if (g_str_equal (action_name, "directory.add-unit"))
    td_directory_page_edit_unit (self, 0, unit ? unit->id : 0);
  else if (unit == NULL)
    return;
  else if (g_str_equal (action_name, "directory.edit-unit"))
    td_directory_page_edit_unit (self, unit->id, 0);
  else if (g_str_equal (action_name, "directory.archive-unit") ||
           g_str_equal (action_name, "directory.unarchive-unit"))
    {
      if (!td_directory_page_set_archived (self, unit->id, g_str_equal (action_name, "directory.archive-unit"), &error))
        td_page_show_error (GTK_WIDGET (self), _("The unit could not be changed"), error->message);
    }
  else if (!td_directory_page_delete_unit (self, unit->id, &error))
    {
      /* Refused while referred to: archiving keeps the records. */
      g_autofree char *heading = g_strdup_printf (_("“%s” cannot be deleted"), unit->name);
      GtkWidget *dialog = adw_message_dialog_new (td_page_get_window (GTK_WIDGET (self)), heading, error->message);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "archive", _("_Archive"),
                                        NULL);
      if (g_error_matches (error, TD_FIELD_ERROR, TD_FIELD_ERROR_IN_USE) && !unit->archived)
        adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "archive", ADW_RESPONSE_SUGGESTED);
      else
        adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "archive", FALSE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_object_set_data (G_OBJECT (dialog), "unit-id", GSIZE_TO_POINTER ((gsize) unit->id));
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_unit_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
td_directory_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TdDirectoryPage *self = TD_DIRECTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_ARCHIVED:
      g_value_set_boolean (value, self->show_archived);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_directory_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TdDirectoryPage *self = TD_DIRECTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_ARCHIVED:
      if (self->show_archived != g_value_get_boolean (value))
        {
          gint64 selected = td_directory_page_get_selected_unit (self);

          self->show_archived = g_value_get_boolean (value);
          reload_units (self);
          td_directory_page_select_unit (self, selected);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (TD_DIRECTORY_PAGE (widget)->search_entry));
}

static void
td_directory_page_dispose (GObject *object)
{
  TdDirectoryPage *self = TD_DIRECTORY_PAGE (object);
  GtkWidget *child;

  if (self->people_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->people_selection, self);
  if (self->people_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->people_view), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_DIRECTORY_PAGE);
  /* A plain GtkWidget parent unparents its children itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->unit_model);
  g_clear_object (&self->people_selection);
  g_clear_object (&self->people);
  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (td_directory_page_parent_class)->dispose (object);
}

static void
td_directory_page_class_init (TdDirectoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_directory_page_dispose;
  object_class->get_property = td_directory_page_get_property;
  object_class->set_property = td_directory_page_set_property;

  properties[PROP_SHOW_ARCHIVED] = g_param_spec_boolean ("show-archived", NULL, NULL, FALSE,
                                                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/td-directory-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdDirectoryPage, unit_view);
  gtk_widget_class_bind_template_child (widget_class, TdDirectoryPage, people_view);
  gtk_widget_class_bind_template_child (widget_class, TdDirectoryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TdDirectoryPage, people_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_person_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "directory.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "directory.find", NULL);
  gtk_widget_class_install_action (widget_class, "directory.add-person", NULL, person_action);
  gtk_widget_class_install_action (widget_class, "directory.edit-person", NULL, person_action);
  gtk_widget_class_install_action (widget_class, "directory.delete-person", NULL, person_action);
  gtk_widget_class_install_action (widget_class, "directory.add-unit", NULL, unit_action);
  gtk_widget_class_install_action (widget_class, "directory.edit-unit", NULL, unit_action);
  gtk_widget_class_install_action (widget_class, "directory.archive-unit", NULL, unit_action);
  gtk_widget_class_install_action (widget_class, "directory.unarchive-unit", NULL, unit_action);
  gtk_widget_class_install_action (widget_class, "directory.delete-unit", NULL, unit_action);
  gtk_widget_class_install_property_action (widget_class, "directory.show-archived", "show-archived");
  /* Insert adds, as on the awards page; Ctrl+N (the window's new record) too. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "directory.add-person", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Insert, 0, "directory.add-person", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "directory.delete-person", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "directory.edit-person", NULL);
}

/* In the unit tree, the keys act on units: Insert adds a unit under the
 * one selected, F2 edits it, Delete deletes it. */
static gboolean
on_unit_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     TdDirectoryPage       *self)
{
  const char *action = NULL;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Insert || keyval == GDK_KEY_KP_Insert)
    action = "directory.add-unit";
  else if (keyval == GDK_KEY_F2)
    action = "directory.edit-unit";
  else if (keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete)
    action = "directory.delete-unit";
  if (action == NULL)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
  return TRUE;
}

static void
td_directory_page_init (TdDirectoryPage *self)
{
  GtkEventController *keys;
  GtkListItemFactory *factory;
  struct {
    const char *title;
    TdCellTextFunc text;
    TdColumnFlags flags;
    TdPersonColumn column;
  } columns[] = {
    { _("Full Name"), person_name, TD_COLUMN_EXPAND, TD_PERSON_COLUMN_NAME },
    { _("Gender"), person_gender, TD_COLUMN_DEFAULT, TD_PERSON_COLUMN_GENDER },
    { _("Born"), person_birth_year, TD_COLUMN_NUMERIC, TD_PERSON_COLUMN_BIRTH_YEAR },
    { _("Rank"), person_rank, TD_COLUMN_DEFAULT, TD_PERSON_COLUMN_RANK },
    { _("Position"), person_position, TD_COLUMN_EXPAND, TD_PERSON_COLUMN_POSITION },
    { _("Unit"), person_unit, TD_COLUMN_EXPAND, TD_PERSON_COLUMN_UNIT },
  };
  GtkColumnViewColumn *name_column = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_unit_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->unit_view), keys);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_unit_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_unit_bind), self);
  gtk_list_view_set_factory (self->unit_view, factory);
  g_object_unref (factory);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = td_column_new (columns[i].title, columns[i].text,
                                                             self, columns[i].flags);

      SortProbe *probe = g_new (SortProbe, 1);
      g_autoptr(GtkSorter) sorter = NULL;

      /* The model sorts itself (td_person_table_sort); the sorters only
       * make the headers clickable and say which one was clicked. */
      probe->page = self;
      probe->column = columns[i].column;
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_sort_column, probe, g_free));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_append_column (self->people_view, column);
      if (i == 0)
        name_column = column;
    }

  self->people = td_person_model_new ();
  self->people_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->people)));
  gtk_single_selection_set_autoselect (self->people_selection, FALSE);
  gtk_column_view_set_model (self->people_view, GTK_SELECTION_MODEL (self->people_selection));
  g_signal_connect_object (self->people_selection, "notify::selected", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_sort_by_column (self->people_view, name_column, GTK_SORT_ASCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->people_view), "changed",
                           G_CALLBACK (on_people_sorter_changed), self, 0);

  reload_units (self);
  reload_people (self);
}

void
td_directory_page_set_database (TdDirectoryPage *self,
                                TdDatabase      *database)
{
  g_return_if_fail (TD_IS_DIRECTORY_PAGE (self));

  g_set_object (&self->database, database);
  reload_units (self);
  reload_people (self);
}

/* The visible rows of the unit tree (GtkTreeListRow items). */
GListModel *
td_directory_page_get_units (TdDirectoryPage *self)
{
  g_return_val_if_fail (TD_IS_DIRECTORY_PAGE (self), NULL);
  return G_LIST_MODEL (self->unit_model);
}

GListModel *
td_directory_page_get_people (TdDirectoryPage *self)
{
  g_return_val_if_fail (TD_IS_DIRECTORY_PAGE (self), NULL);
  return G_LIST_MODEL (self->people);
}

void
td_directory_page_set_search (TdDirectoryPage *self,
                              const char      *text)
{
  g_return_if_fail (TD_IS_DIRECTORY_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_search_changed (self);
}

/* Selects the unit's row in the tree (every row is shown: it opens
 * expanded). */
gboolean
td_directory_page_select_unit (TdDirectoryPage *self,
                               gint64           unit_id)
{
  GtkSelectionModel *model;

  g_return_val_if_fail (TD_IS_DIRECTORY_PAGE (self), FALSE);

  model = gtk_list_view_get_model (self->unit_view);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->unit_model)); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->unit_model), i);
      g_autoptr(TdItem) item = gtk_tree_list_row_get_item (row);

      if (((TdUnit *) td_item_get_record (item))->id == unit_id)
        {
          gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), i);
          gtk_widget_activate_action (GTK_WIDGET (self->unit_view), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }
  return FALSE;
}

gint64
td_directory_page_get_selected_unit (TdDirectoryPage *self)
{
  GtkSelectionModel *model;
  GtkTreeListRow *row;

  g_return_val_if_fail (TD_IS_DIRECTORY_PAGE (self), 0);

  model = gtk_list_view_get_model (self->unit_view);
  row = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
  if (row == NULL)
    return 0;
  {
    g_autoptr(TdItem) item = gtk_tree_list_row_get_item (row);

    return ((TdUnit *) td_item_get_record (item))->id;
  }
}

gint64
td_directory_page_get_selected_person (TdDirectoryPage *self)
{
  TdPerson *person;

  g_return_val_if_fail (TD_IS_DIRECTORY_PAGE (self), 0);

  person = selected_person (self);
  return person ? person->id : 0;
}

gboolean
td_directory_page_select_person (TdDirectoryPage *self,
                                 gint64           person_id)
{
  guint position;

  g_return_val_if_fail (TD_IS_DIRECTORY_PAGE (self), FALSE);

  position = td_person_model_find (self->people, person_id);
  if (position == G_MAXUINT)
    return FALSE;
  gtk_single_selection_set_selected (self->people_selection, position);
  return TRUE;
}

/* Opens the form of a person (@person_id 0: a new one, in the selected
 * unit). */
TdPersonDialog *
td_directory_page_edit_person (TdDirectoryPage *self,
                               gint64           person_id)
{
  TdPersonDialog *dialog;

  g_return_val_if_fail (TD_IS_DIRECTORY_PAGE (self), NULL);
  g_return_val_if_fail (self->database != NULL, NULL);

  dialog = td_person_dialog_new (td_page_get_window (GTK_WIDGET (self)), self->database, person_id,
                                 td_directory_page_get_selected_unit (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_person_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Opens the form of a unit (@unit_id 0: a new one under @parent_id). */
TdUnitDialog *
td_directory_page_edit_unit (TdDirectoryPage *self,
                             gint64           unit_id,
                             gint64           parent_id)
{
  TdUnitDialog *dialog;

  g_return_val_if_fail (TD_IS_DIRECTORY_PAGE (self), NULL);
  g_return_val_if_fail (self->database != NULL, NULL);

  dialog = td_unit_dialog_new (td_page_get_window (GTK_WIDGET (self)), self->database, unit_id, parent_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_unit_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

gboolean
td_directory_page_delete_person (TdDirectoryPage  *self,
                                 gint64            person_id,
                                 GError          **error)
{
  g_autoptr(TdPerson) person = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (TD_IS_DIRECTORY_PAGE (self), FALSE);

  person = td_person_store_get (self->database, person_id, error);
  if (person == NULL || !td_person_store_delete (self->database, person_id, error))
    return FALSE;
  reload_people (self);
  /* Translators: a toast, «Deleted Nguyễn Văn An». */
  text = g_strdup_printf (_("Deleted %s"), person->full_name);
  td_page_toast (GTK_WIDGET (self), text, TRUE);
  return TRUE;
}

/* Refused while people, awards, statistics or units refer to it: the
 * store says which, and archiving is what is left. */
gboolean
td_directory_page_delete_unit (TdDirectoryPage  *self,
                               gint64            unit_id,
                               GError          **error)
{
  g_autoptr(TdUnit) unit = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (TD_IS_DIRECTORY_PAGE (self), FALSE);

  unit = td_unit_store_get (self->database, unit_id, error);
  if (unit == NULL || !td_unit_store_delete (self->database, unit_id, error))
    return FALSE;
  reload_units (self);
  text = g_strdup_printf (_("Deleted %s"), unit->name);
  td_page_toast (GTK_WIDGET (self), text, TRUE);
  return TRUE;
}

gboolean
td_directory_page_set_archived (TdDirectoryPage  *self,
                                gint64            unit_id,
                                gboolean          archived,
                                GError          **error)
{
  g_autoptr(TdUnit) unit = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (TD_IS_DIRECTORY_PAGE (self), FALSE);

  unit = td_unit_store_get (self->database, unit_id, error);
  if (unit == NULL)
    return FALSE;
  unit->archived = archived;
  if (!td_unit_store_update (self->database, unit, error))
    return FALSE;
  reload_units (self);
  td_directory_page_select_unit (self, unit_id);
  /* Translators: toasts, «Archived Xã Hoành Mô». */
  text = g_strdup_printf (archived ? _("Archived %s") : _("Restored %s from the archive"), unit->name);
  td_page_toast (GTK_WIDGET (self), text, TRUE);
  return TRUE;
}
