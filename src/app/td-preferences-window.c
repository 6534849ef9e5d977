#define G_LOG_DOMAIN "td-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "td-backup.h"
#include "td-catalogue-editor.h"
#include "td-foreign-strings.h"
#include "td-preferences-util.h"
#include "td-preferences-window.h"
#include "td-salary-editor.h"
#include "td-settings-store.h"
#include "td-text.h"
#include "td-undo.h"
#include "td-words.h"

struct _TdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  TdDatabase           *database;
  /* Set while widgets are filled: nothing is written then. */
  gboolean              loading;
  AdwToast             *undo_toast;     /* weak */

  AdwEntryRow          *org_parent_row;
  AdwEntryRow          *org_name_row;
  AdwEntryRow          *org_place_row;
  AdwPreferencesRow    *signer_title_row;
  GtkImage             *signer_title_icon;
  GtkTextView          *signer_title_view;
  GtkButton            *signer_title_apply;
  AdwEntryRow          *signer_name_row;

  TdSalaryEditor       *salary_editor;
  TdCatalogueEditor    *catalogue_editor;

  AdwActionRow         *le_row;
  AdwActionRow         *ngan_row;
  AdwActionRow         *bon_row;
  AdwActionRow         *chan_row;
  GtkSwitch            *le_switch;
  GtkSwitch            *ngan_switch;
  GtkSwitch            *bon_switch;
  GtkSwitch            *chan_switch;
  AdwActionRow         *example_row;

  AdwActionRow         *keep_row;
  GtkSpinButton        *keep_spin;
  AdwActionRow         *backup_folder_row;
};

G_DEFINE_FINAL_TYPE (TdPreferencesWindow, td_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The words options as the settings hold them (DESIGN.md «Schema»). */
static const struct
{
  const char *key;
  const char *off;
  const char *on;
} word_settings[] = {
  { "words.linh", "linh", "lẻ" },
  { "words.nghin", "nghìn", "ngàn" },
  { "words.tu", "tư", "bốn" },
  { "words.chan", "0", "1" },
};

/* Shows every word option, «linh», «nghìn» and «tư» among them. */
#define WORDS_EXAMPLE 1005024

/* Helpers */

/* A toast; the reason a draft could not follow may need several lines,
 * and stays until closed. */
static AdwToast *
show_toast (TdPreferencesWindow *self,
            const char          *message,
            const char          *warning)
{
  g_autofree char *text = warning != NULL ? g_strdup_printf ("%s\n%s", message, warning) : g_strdup (message);
  AdwToast *toast = adw_toast_new (text);

  if (warning != NULL)
    {
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      adw_toast_set_custom_title (toast, label);
      adw_toast_set_timeout (toast, 0);
    }
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
  return toast;
}

/* After a deletion (DESIGN.md «The window»): Undo is the database's. */
static void
offer_undo (TdPreferencesWindow *self,
            const char          *message,
            const char          *warning)
{
  AdwToast *toast = show_toast (self, message, warning);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "prefs.undo");
  g_set_weak_pointer (&self->undo_toast, toast);
}

/* After every change written, by this window or by one of its pages. */
static void
on_page_changed (TdPreferencesWindow *self,
                 const char          *deleted,
                 const char          *warning)
{
  /* The Undo of an earlier deletion would now undo this change. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  if (deleted != NULL)
    offer_undo (self, deleted, warning);
  else if (warning != NULL)
    show_toast (self, _("Saved."), warning);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Every change is one transaction, so one step of Undo
 * (td_preferences_end_change()). */
static gboolean
end_change (TdPreferencesWindow  *self,
            gboolean              written,
            GError              **error)
{
  if (!td_preferences_end_change (self->database, written, FALSE, NULL, error))
    return FALSE;
  on_page_changed (self, NULL, NULL);
  return TRUE;
}

static char *
get_setting (TdPreferencesWindow *self,
             const char          *key)
{
  g_autoptr(GError) error = NULL;
  char *value = td_settings_store_get (self->database, key, &error);

  if (error != NULL)
    g_message ("Reading the setting %s failed: %s", key, error->message);
  return value != NULL ? value : g_strdup ("");
}

/* Writes @text to @key unless it is what the file holds; the outcome
 * shows on @field. */
static gboolean
commit_setting (TdPreferencesWindow *self,
                GtkWidget           *field,
                const char          *key,
                const char          *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *normal = NULL;
  gboolean written;

  if (self->loading || self->database == NULL)
    return FALSE;

  stored = get_setting (self, key);
  normal = td_text_normalize_lines (text, TRUE);
  if (g_strcmp0 (normal != NULL ? normal : "", stored) == 0)
    {
      td_preferences_set_field_message (field, NULL);
      return TRUE;
    }
  written = td_database_begin (self->database, &error) &&
            end_change (self, td_settings_store_set (self->database, key, text, &error), &error);
  td_preferences_set_field_message (field, written ? NULL : error->message);
  return written;
}

/* Organization */

static void
commit_setting_row (TdPreferencesWindow *self,
                    AdwEntryRow         *row)
{
  if (commit_setting (self, GTK_WIDGET (row), g_object_get_data (G_OBJECT (row), "td-setting"),
                      gtk_editable_get_text (GTK_EDITABLE (row))))
    td_preferences_reset_apply_button (row);
}

static void
on_setting_row_apply (AdwEntryRow         *row,
                      TdPreferencesWindow *self)
{
  commit_setting_row (self, row);
}

static void
on_setting_row_leave (GtkEventController  *controller,
                      TdPreferencesWindow *self)
{
  commit_setting_row (self, ADW_ENTRY_ROW (gtk_event_controller_get_widget (controller)));
}

static char *
get_signer_title_text (TdPreferencesWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->signer_title_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
on_signer_title_apply (TdPreferencesWindow *self)
{
  g_autofree char *text = get_signer_title_text (self);

  if (commit_setting (self, GTK_WIDGET (self->signer_title_row), "signer.title", text))
    gtk_widget_set_visible (GTK_WIDGET (self->signer_title_apply), FALSE);
}

static void
on_signer_title_leave (TdPreferencesWindow *self)
{
  on_signer_title_apply (self);
}

static void
on_signer_title_changed (TdPreferencesWindow *self)
{
  if (!self->loading)
    gtk_widget_set_visible (GTK_WIDGET (self->signer_title_apply), TRUE);
}

/* Amounts in words */

static GtkSwitch *
word_switch (TdPreferencesWindow *self,
             guint                index)
{
  GtkSwitch *switches[] = { self->le_switch, self->ngan_switch, self->bon_switch, self->chan_switch };

  return switches[index];
}

static void
update_words_example (TdPreferencesWindow *self)
{
  TdWordsOptions options;
  g_autofree char *money = td_preferences_format_money (WORDS_EXAMPLE);
  g_autofree char *amount = NULL;
  g_autofree char *words = NULL;

  td_words_options_load (self->database, &options);
  words = td_words_amount (WORDS_EXAMPLE, &options);
  /* Translators: an amount of money, «1.005.024 đồng». */
  amount = g_strdup_printf (_("%s đồng"), money);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->example_row), words);
  adw_action_row_set_subtitle (self->example_row, amount);
}

/* What each option does, in words the program computes: «105 = một trăm lẻ năm». */
static void
set_word_examples (TdPreferencesWindow *self)
{
  AdwActionRow *rows[] = { self->le_row, self->ngan_row, self->bon_row, self->chan_row };
  const guint64 numbers[] = { 105, 1500, 24, 1000000 };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      TdWordsOptions options = { .le = i == 0, .ngan = i == 1, .bon = i == 2, .chan = i == 3 };
      g_autofree char *number = td_preferences_format_money ((gint64) numbers[i]);
      g_autofree char *words = i == 3 ? td_words_amount ((gint64) numbers[i], &options)
                                      : td_words_number (numbers[i], &options);
      g_autofree char *example = g_strdup_printf ("%s = %s", number, words);

      adw_action_row_set_subtitle (rows[i], example);
    }
}

static void
on_words_switch (TdPreferencesWindow *self,
                 GParamSpec          *pspec,
                 GtkSwitch           *button)
{
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (button);
  gboolean written;
  guint index = 0;

  if (self->loading || self->database == NULL)
    return;
  while (index + 1 < G_N_ELEMENTS (word_settings) && word_switch (self, index) != button)
    index++;
  written = td_database_begin (self->database, &error) &&
            end_change (self,
                        td_settings_store_set (self->database, word_settings[index].key,
                                               active ? word_settings[index].on : word_settings[index].off, &error),
                        &error);
  td_preferences_set_field_message (gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW),
                                    written ? NULL : error->message);
  if (!written)
    {
      self->loading = TRUE;
      gtk_switch_set_active (button, !active);
      self->loading = FALSE;
    }
  update_words_example (self);
}

/* Backups */

static void
on_keep_changed (TdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint keep = (guint) gtk_spin_button_get_value_as_int (self->keep_spin);
  gboolean written;

  if (self->loading || self->database == NULL || keep == td_backup_get_keep (self->database))
    return;
  written = td_database_begin (self->database, &error) &&
            end_change (self, td_backup_set_keep (self->database, keep, &error), &error);
  td_preferences_set_field_message (GTK_WIDGET (self->keep_row), written ? NULL : error->message);
}

/* A file opened read-only: everything shown, nothing changed (the groups
 * rather than the pages go insensitive, so that the pages still scroll). */
static void
disable_editing (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      gtk_widget_set_sensitive (widget, FALSE);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    disable_editing (child);
}

/* Loading */

static AdwEntryRow *
setting_row (TdPreferencesWindow *self,
             guint                index,
             const char         **key)
{
  const struct
  {
    AdwEntryRow *row;
    const char  *key;
  } rows[] = {
    { self->org_parent_row, "org.parent" },
    { self->org_name_row, "org.name" },
    { self->org_place_row, "org.place" },
    { self->signer_name_row, "signer.name" },
  };

  if (index >= G_N_ELEMENTS (rows))
    return NULL;
  *key = rows[index].key;
  return rows[index].row;
}

static void
load (TdPreferencesWindow *self)
{
  g_autofree char *signer_title = NULL;
  AdwEntryRow *row;
  const char *key;

  self->loading = TRUE;
  for (guint i = 0; (row = setting_row (self, i, &key)) != NULL; i++)
    {
      g_autofree char *value = get_setting (self, key);

      gtk_editable_set_text (GTK_EDITABLE (row), value);
      td_preferences_reset_apply_button (row);
      td_preferences_set_field_message (GTK_WIDGET (row), NULL);
    }
  signer_title = get_setting (self, "signer.title");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->signer_title_view), signer_title, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->signer_title_apply), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (word_settings); i++)
    {
      g_autofree char *value = get_setting (self, word_settings[i].key);

      gtk_switch_set_active (word_switch (self, i), g_strcmp0 (value, word_settings[i].on) == 0);
    }

  update_words_example (self);
  gtk_spin_button_set_value (self->keep_spin, td_backup_get_keep (self->database));
  self->loading = FALSE;
}

/* Everything typed is written, even without the apply button (DESIGN.md:
 * no Save button, no lost work). */
static void
commit_pending (TdPreferencesWindow *self)
{
  AdwEntryRow *row;
  const char *key;

  for (guint i = 0; (row = setting_row (self, i, &key)) != NULL; i++)
    commit_setting_row (self, row);
  if (gtk_widget_get_visible (GTK_WIDGET (self->signer_title_apply)))
    on_signer_title_apply (self);
  td_catalogue_editor_commit_pending (self->catalogue_editor);
}

static gboolean
on_close_request (TdPreferencesWindow *self)
{
  commit_pending (self);
  return FALSE;
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TdPreferencesWindow *self = TD_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!td_database_undo (self->database, &error))
    {
      show_toast (self, _("The change could not be undone"), error->message);
      return;
    }
  load (self);
  td_salary_editor_reload (self->salary_editor);
  td_catalogue_editor_reload (self->catalogue_editor);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Overrides */

static void
td_preferences_window_constructed (GObject *object)
{
  TdPreferencesWindow *self = TD_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (td_preferences_window_parent_class)->constructed (object);

  g_assert (TD_IS_DATABASE (self->database));
  td_salary_editor_set_database (self->salary_editor, self->database);
  td_catalogue_editor_set_database (self->catalogue_editor, self->database);
  load (self);
  if (td_database_get_read_only (self->database))
    disable_editing (GTK_WIDGET (self));
}

static void
td_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TdPreferencesWindow *self = TD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_set_object (&self->database, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TdPreferencesWindow *self = TD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_preferences_window_dispose (GObject *object)
{
  TdPreferencesWindow *self = TD_PREFERENCES_WINDOW (object);

  /* Rows losing the focus while they go must not write. */
  self->loading = TRUE;
  if (self->salary_editor != NULL)
    td_salary_editor_set_database (self->salary_editor, NULL);
  if (self->catalogue_editor != NULL)
    td_catalogue_editor_set_database (self->catalogue_editor, NULL);
  g_clear_weak_pointer (&self->undo_toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (td_preferences_window_parent_class)->dispose (object);
}

static void
td_preferences_window_class_init (TdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = td_preferences_window_constructed;
  object_class->set_property = td_preferences_window_set_property;
  object_class->get_property = td_preferences_window_get_property;
  object_class->dispose = td_preferences_window_dispose;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, TD_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After every change written to the database (and after an Undo). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "prefs.undo", NULL, undo_action);

  g_type_ensure (TD_TYPE_SALARY_EDITOR);
  g_type_ensure (TD_TYPE_CATALOGUE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/td-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, org_parent_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, org_name_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, org_place_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, signer_title_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, signer_title_icon);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, signer_title_view);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, signer_title_apply);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, signer_name_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, salary_editor);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, catalogue_editor);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, le_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, ngan_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, bon_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, chan_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, le_switch);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, ngan_switch);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, bon_switch);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, chan_switch);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, example_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, keep_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, keep_spin);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, backup_folder_row);

  gtk_widget_class_bind_template_callback (widget_class, on_close_request);
  gtk_widget_class_bind_template_callback (widget_class, on_signer_title_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_signer_title_leave);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_words_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_keep_changed);
}

static void
td_preferences_window_init (TdPreferencesWindow *self)
{
  AdwEntryRow *row;
  const char *key;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; (row = setting_row (self, i, &key)) != NULL; i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_object_set_data (G_OBJECT (row), "td-setting", (gpointer) key);
      g_signal_connect (row, "apply", G_CALLBACK (on_setting_row_apply), self);
      g_signal_connect (focus, "leave", G_CALLBACK (on_setting_row_leave), self);
      gtk_widget_add_controller (GTK_WIDGET (row), focus);
    }
  g_object_set_data (G_OBJECT (self->signer_title_row), "td-message-icon", self->signer_title_icon);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->signer_title_view), "changed",
                            G_CALLBACK (on_signer_title_changed), self);
  set_word_examples (self);
  {
    g_autofree char *folder = td_backup_folder ();
    g_autofree char *display = g_filename_display_name (folder);

    adw_action_row_set_subtitle (self->backup_folder_row, display);
  }
}

/* Public API */

TdPreferencesWindow *
td_preferences_window_new (GtkWindow  *parent,
                           TdDatabase *database)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TD_IS_DATABASE (database), NULL);

  TdPreferencesWindow *self = g_object_new (TD_TYPE_PREFERENCES_WINDOW,
                                            "database", database,
                                            "transient-for", parent,
                                            NULL);

  td_translate_foreign_strings (GTK_WIDGET (self));
  return self;
}
