#define G_LOG_DOMAIN "td-history-window"

#include "config.h"

#include <glib/gi18n.h>

#include "td-campaign-store.h"
#include "td-catalogue-store.h"
#include "td-decision-store.h"
#include "td-format.h"
#include "td-history-window.h"
#include "td-person-store.h"
#include "td-unit-store.h"

/* A value longer than this is cut: an achievement may run to pages.  The
 * two values of an update are cut shorter, so that both show. */
#define MAX_VALUE_CHARS 300
#define MAX_UPDATED_CHARS 100

struct _TdHistoryWindow
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkListBox     *list;

  guint           n_entries;
};

G_DEFINE_FINAL_TYPE (TdHistoryWindow, td_history_window, ADW_TYPE_WINDOW)

/* The columns of the schema (DESIGN.md «Schema») under the labels the
 * forms give them; a column of one table only is named with its table. */
static const struct
{
  const char *table;   /* NULL: any */
  const char *field;
  const char *label;
} field_labels[] = {
  { "decisions", "title", N_("Title of the decision") },
  { "decisions", "date", N_("Decision date") },
  { "decisions", "issuer", N_("Issuing authority") },
  { "decisions", "year", N_("Year rewarded") },
  { "campaigns", "title", N_("Title of the campaign") },
  { "campaigns", "issuer", N_("Issued by") },
  { NULL, "full_name", N_("Full name") },
  { NULL, "gender", N_("Gender") },
  { NULL, "birth_year", N_("Birth year") },
  { NULL, "position", N_("Position") },
  { NULL, "rank", N_("Rank") },
  { NULL, "unit_id", N_("Unit") },
  { NULL, "note", N_("Note") },
  { NULL, "name", N_("Name") },
  { NULL, "short_name", N_("Short name") },
  { NULL, "kind", N_("Kind") },
  { NULL, "parent_id", N_("Parent Unit") },
  { NULL, "archived", N_("Archived") },
  { NULL, "sort_order", N_("Order") },
  { NULL, "achievement", N_("Achievement") },
  { NULL, "amount", N_("Amount") },
  { NULL, "amount_overridden", N_("Amount typed by hand") },
  { NULL, "form_id", N_("Form") },
  { NULL, "decision_id", N_("Decision") },
  { NULL, "person_id", N_("Person") },
  { NULL, "campaign_id", N_("Campaign") },
  { NULL, "number", N_("Decision number") },
  { NULL, "recipient_name", N_("Name in the decision") },
  { NULL, "recipient_detail", N_("Position and unit in the decision") },
  { NULL, "short_title", N_("Short title") },
  { NULL, "launch_number", N_("Number of the launching decision") },
  { NULL, "launch_date", N_("Date of the launching decision") },
  { NULL, "start_date", N_("Start date") },
  { NULL, "end_date", N_("End date") },
  { NULL, "description", N_("Description") },
  { NULL, "org_parent", N_("Parent body") },
  { NULL, "org_name", N_("Issuing body") },
  { NULL, "place", N_("Place of the date line") },
  { NULL, "signer_title", N_("Signer's titles") },
  { NULL, "signer_name", N_("Signer's name") },
};

static const char *
field_label (const char *table,
             const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if ((field_labels[i].table == NULL || g_strcmp0 (field_labels[i].table, table) == 0) &&
        g_str_equal (field_labels[i].field, field))
      return _(field_labels[i].label);
  return field;
}

/* The name of the record an id points to, or NULL. */
static char *
referenced_name (TdDatabase *database,
                 const char *field,
                 gint64      id)
{
  if (g_str_equal (field, "unit_id") || g_str_equal (field, "parent_id"))
    {
      g_autoptr(TdUnit) unit = td_unit_store_get (database, id, NULL);

      return unit != NULL ? g_strdup (unit->name) : NULL;
    }
  if (g_str_equal (field, "person_id"))
    {
      g_autoptr(TdPerson) person = td_person_store_get (database, id, NULL);

      return person != NULL ? g_strdup (person->full_name) : NULL;
    }
  if (g_str_equal (field, "form_id"))
    {
      g_autoptr(TdAwardForm) form = td_catalogue_store_get_form (database, id, NULL);

      return form != NULL ? g_strdup (form->name) : NULL;
    }
  if (g_str_equal (field, "decision_id"))
    {
      g_autoptr(TdDecision) decision = td_decision_store_get (database, id, NULL);

      if (decision == NULL)
        return NULL;
      return g_strdup (decision->number != NULL ? decision->number : _("Draft"));
    }
  if (g_str_equal (field, "campaign_id"))
    {
      g_autoptr(TdCampaign) campaign = td_campaign_store_get (database, id, NULL);

      if (campaign == NULL)
        return NULL;
      return g_strdup (campaign->short_title != NULL ? campaign->short_title : campaign->title);
    }
  return NULL;
}

static gboolean
is_date_field (const char *field)
{
  return g_str_equal (field, "date") || g_str_has_suffix (field, "_date") ||
         g_str_equal (field, "effective_from");
}

static char *
format_value (TdDatabase *database,
              const char *field,
              const char *value,
              glong       max_chars)
{
  g_autofree char *text = NULL;
  gint64 number = 0;

  if (value == NULL || *value == '\0')
    return g_strdup (_("(empty)"));

  if (g_str_equal (field, "gender") && (g_str_equal (value, "male") || g_str_equal (value, "female")))
    text = g_strdup (g_str_equal (value, "male") ? _("Male") : _("Female"));
  else if (g_str_equal (field, "archived") || g_str_equal (field, "amount_overridden"))
    text = g_strdup (g_str_equal (value, "0") ? _("No") : _("Yes"));
  else if (g_str_equal (field, "amount") && g_ascii_string_to_signed (value, 10, 0, G_MAXINT64, &number, NULL))
    {
      g_autofree char *money = td_format_thousands (number, C_("money", ","));

      /* Translators: an amount of money, «1.005.024 đồng». */
      text = g_strdup_printf (_("%s đồng"), money);
    }
  else if (g_str_has_suffix (field, "_id") && g_ascii_string_to_signed (value, 10, 1, G_MAXINT64, &number, NULL))
    text = referenced_name (database, field, number);
  else if (is_date_field (field))
    text = td_format_date (value);

  if (text == NULL)
    text = g_strdup (value);
  if (g_utf8_strlen (text, -1) > max_chars)
    {
      g_autofree char *start = g_utf8_substring (text, 0, max_chars);

      g_free (text);
      text = g_strconcat (start, "…", NULL);
    }
  return g_steal_pointer (&text);
}

/* What is shown: an insert or a delete lists the values given, an update
 * each value before and after; ids and the order of lines are noise. */
static gboolean
change_shown (const char          *action,
              const TdAuditChange *change)
{
  const char *value = g_str_equal (action, "delete") ? change->old_value : change->new_value;

  if (g_str_equal (change->field, "id"))
    return FALSE;
  if (g_str_equal (action, "update"))
    return TRUE;
  return value != NULL && *value != '\0' && !g_str_equal (change->field, "sort_order");
}

static const char *
action_label (const char *action)
{
  if (g_str_equal (action, "insert"))
    return _("Added");
  if (g_str_equal (action, "delete"))
    return _("Deleted");
  return _("Edited");
}

static char *
describe_actor (const TdAuditEntry *entry)
{
  if (entry->actor == NULL)
    return g_strdup (_("another program"));
  if (entry->host == NULL || *entry->host == '\0')
    return g_strdup (entry->actor);
  /* Translators: who made a change: a user name, then a computer's name. */
  return g_strdup_printf (_("%s on %s"), entry->actor, entry->host);
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
new_entry_row (TdDatabase         *database,
               const char         *table,
               const TdAuditEntry *entry)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (entry->time);
  g_autofree char *when = g_date_time_format (local, "%d/%m/%Y %H:%M:%S");
  g_autofree char *who = describe_actor (entry);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label;

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (heading), new_label (action_label (entry->action), "heading"));
  label = new_label (who, "dim-label");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (heading), label);
  label = new_label (when, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (heading), label);
  gtk_box_append (GTK_BOX (box), heading);

  for (guint i = 0; i < entry->changes->len; i++)
    {
      const TdAuditChange *change = g_ptr_array_index (entry->changes, i);
      g_autofree char *text = NULL;

      if (!change_shown (entry->action, change))
        continue;
      text = td_history_format_change (database, table, entry->action, change);
      label = new_label (text, NULL);
      /* A few lines at most, whatever the length of the value. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_lines (GTK_LABEL (label), 3);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 80);
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
td_history_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TD_TYPE_HISTORY_WINDOW);

  G_OBJECT_CLASS (td_history_window_parent_class)->dispose (object);
}

static void
td_history_window_class_init (TdHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_history_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/td-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TdHistoryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TdHistoryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TdHistoryWindow, list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
td_history_window_init (TdHistoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

TdHistoryWindow *
td_history_window_new (GtkWindow   *parent,
                       TdDatabase  *database,
                       const char  *table,
                       gint64       row_id,
                       const char  *record_name,
                       GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *title = NULL;
  TdHistoryWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (table != NULL && record_name != NULL, NULL);

  entries = td_audit_list (database, table, row_id, error);
  if (entries == NULL)
    return NULL;

  self = g_object_new (TD_TYPE_HISTORY_WINDOW, "transient-for", parent, NULL);
  /* Translators: the title of the window, «Change History — Lò Thị Thử». */
  title = g_strdup_printf (_("Change History — %s"), record_name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_subtitle (self->window_title, record_name);
  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->list, new_entry_row (database, table, g_ptr_array_index (entries, i)));
  self->n_entries = entries->len;
  gtk_stack_set_visible_child_name (self->stack, entries->len > 0 ? "list" : "empty");
  return self;
}

guint
td_history_window_get_n_entries (TdHistoryWindow *self)
{
  g_return_val_if_fail (TD_IS_HISTORY_WINDOW (self), 0);
  return self->n_entries;
}

GtkListBox *
td_history_window_get_list (TdHistoryWindow *self)
{
  g_return_val_if_fail (TD_IS_HISTORY_WINDOW (self), NULL);
  return self->list;
}

char *
td_history_format_change (TdDatabase          *database,
                          const char          *table,
                          const char          *action,
                          const TdAuditChange *change)
{
  const char *label;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (table != NULL && action != NULL && change != NULL, NULL);

  label = field_label (table, change->field);
  if (g_str_equal (action, "insert"))
    new_text = format_value (database, change->field, change->new_value, MAX_VALUE_CHARS);
  else if (g_str_equal (action, "delete"))
    old_text = format_value (database, change->field, change->old_value, MAX_VALUE_CHARS);
  else
    {
      old_text = format_value (database, change->field, change->old_value, MAX_UPDATED_CHARS);
      new_text = format_value (database, change->field, change->new_value, MAX_UPDATED_CHARS);
      /* Translators: a change, «Birth year: 1990 → 1991». */
      return g_strdup_printf (_("%s: %s → %s"), label, old_text, new_text);
    }
  /* Translators: a value given or removed, «Full name: Lò Thị Thử». */
  return g_strdup_printf (_("%s: %s"), label, old_text != NULL ? old_text : new_text);
}
