#define G_LOG_DOMAIN "td-preferences-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "td-catalogue-store.h"
#include "td-date.h"
#include "td-decision-store.h"
#include "td-format.h"
#include "td-foreign-strings.h"
#include "td-preferences-window.h"
#include "td-settings-store.h"
#include "td-text.h"
#include "td-undo.h"
#include "td-words.h"

/* The rows that edit one form of the catalogue inside its expander row,
 * made when the row is first opened (a catalogue has some thirty forms). */
typedef struct
{
  TdPreferencesWindow *self;
  TdAwardForm         *form;
  AdwExpanderRow      *expander;
  GPtrArray           *rows;
  AdwEntryRow         *name_row;
  AdwEntryRow         *code_row;
  AdwComboRow         *family_row;
  AdwComboRow         *recipient_row;
  AdwEntryRow         *precedence_row;
  GtkSwitch           *archived_switch;
  AdwEntryRow         *rate_date_row;
  AdwEntryRow         *rate_individual_row;
  AdwEntryRow         *rate_collective_row;
} FormEditor;

struct _TdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  TdDatabase           *database;
  /* Set while widgets are filled or moved: nothing is written then. */
  gboolean              loading;
  GPtrArray            *salary_rows;
  GPtrArray            *form_rows;      /* owned AdwExpanderRows, in list order */
  AdwToast             *undo_toast;     /* weak */

  AdwEntryRow          *org_parent_row;
  AdwEntryRow          *org_name_row;
  AdwEntryRow          *org_place_row;
  AdwPreferencesRow    *signer_title_row;
  GtkImage             *signer_title_icon;
  GtkTextView          *signer_title_view;
  GtkButton            *signer_title_apply;
  AdwEntryRow          *signer_name_row;

  AdwComboRow          *rounding_row;
  AdwPreferencesGroup  *salary_group;
  AdwEntryRow          *salary_date_row;
  AdwEntryRow          *salary_amount_row;

  AdwPreferencesGroup  *form_group;
  GtkSwitch            *archived_switch;
  AdwEntryRow          *new_form_row;

  AdwActionRow         *le_row;
  AdwActionRow         *ngan_row;
  AdwActionRow         *bon_row;
  AdwActionRow         *chan_row;
  GtkSwitch            *le_switch;
  GtkSwitch            *ngan_switch;
  GtkSwitch            *bon_switch;
  GtkSwitch            *chan_switch;
  AdwActionRow         *example_row;
};

static void load_salaries    (TdPreferencesWindow *self);
static void load_forms       (TdPreferencesWindow *self);
static void fill_form_editor (FormEditor          *editor);

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

/* The order of the items of the combo rows. */
static const TdRounding roundings[] = { TD_ROUNDING_UP_10000, TD_ROUNDING_DOWN_10000, TD_ROUNDING_NONE };
static const TdRecipientKind recipients[] = { TD_RECIPIENT_INDIVIDUAL, TD_RECIPIENT_COLLECTIVE, TD_RECIPIENT_BOTH };

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

static char *
format_money (gint64 amount)
{
  /* Translators: the thousands separator of amounts of money
   * (Vietnamese: «.», as in 18.720.000). */
  return td_format_thousands (amount, C_("money", ","));
}

static char *
format_coefficient (double value)
{
  /* Translators: the thousands separator and the decimal point of
   * numbers shown in tables (Vietnamese: «.» and «,»). */
  return td_format_number (value, C_("number", ","), C_("number", "."));
}

static char *
strip_text (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/* Typed dates: «1/7/2025» or «01/07/2025» as offices write them («.» and
 * «-» also do), or ISO. */
static gboolean
parse_date (const char  *text,
            char       **iso,
            GError     **error)
{
  g_autofree char *trimmed = strip_text (text);
  g_auto(GStrv) parts = NULL;
  guint64 day, month, year;

  if (*trimmed == '\0')
    {
      td_set_field_error (error, TD_FIELD_ERROR_REQUIRED, "effective_from",
                          _("Type the date it applies from, such as 01/07/2025."));
      return FALSE;
    }
  if (td_date_is_valid (trimmed))
    {
      *iso = g_steal_pointer (&trimmed);
      return TRUE;
    }

  parts = g_strsplit_set (trimmed, "/.-", -1);
  if (g_strv_length (parts) == 3 &&
      strlen (parts[0]) >= 1 && strlen (parts[0]) <= 2 &&
      strlen (parts[1]) >= 1 && strlen (parts[1]) <= 2 &&
      strlen (parts[2]) == 4 &&
      g_ascii_string_to_unsigned (parts[0], 10, 1, 31, &day, NULL) &&
      g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL) &&
      g_ascii_string_to_unsigned (parts[2], 10, 1945, 2200, &year, NULL) &&
      g_date_valid_dmy (day, month, year))
    {
      *iso = g_strdup_printf ("%04u-%02u-%02u", (guint) year, (guint) month, (guint) day);
      return TRUE;
    }

  td_set_field_error (error, TD_FIELD_ERROR_FORMAT, "effective_from",
                      _("“%s” is not a date. Type the day, month and year, such as 01/07/2025."),
                      trimmed);
  return FALSE;
}

/* «2.340.000», «2,340,000», «2 340 000» or «2340000», with or without «đ»:
 * separators only between groups of three digits. */
static gboolean
parse_amount (const char  *text,
              gint64      *amount,
              GError     **error)
{
  g_autofree char *trimmed = strip_text (text);
  g_autofree char *normal = g_utf8_normalize (trimmed, -1, G_NORMALIZE_NFC);
  g_autoptr(GString) digits = g_string_new (NULL);
  guint run = 0, groups = 0;
  gboolean valid = TRUE;

  if (normal == NULL || *normal == '\0')
    {
      td_set_field_error (error, TD_FIELD_ERROR_REQUIRED, "amount",
                          _("Type the amount in đồng, such as 2,340,000."));
      return FALSE;
    }
  if (g_str_has_suffix (normal, "đồng"))
    normal[strlen (normal) - strlen ("đồng")] = '\0';
  else if (g_str_has_suffix (normal, "đ"))
    normal[strlen (normal) - strlen ("đ")] = '\0';
  g_strchomp (normal);

  for (const char *p = normal; *p && valid; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c))
        {
          g_string_append_c (digits, (char) c);
          run++;
        }
      else if (c == '.' || c == ',' || g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        {
          valid = run > 0 && (groups == 0 ? run <= 3 : run == 3);
          groups++;
          run = 0;
        }
      else
        valid = FALSE;
    }
  if (groups > 0 && run != 3)
    valid = FALSE;
  if (!valid || digits->len == 0 || digits->len > 13)
    {
      td_set_field_error (error, TD_FIELD_ERROR_FORMAT, "amount",
                          _("“%s” is not an amount. Type the amount in đồng, such as 2,340,000."),
                          trimmed);
      return FALSE;
    }
  *amount = g_ascii_strtoll (digits->str, NULL, 10);
  if (*amount <= 0)
    {
      td_set_field_error (error, TD_FIELD_ERROR_RANGE, "amount",
                          _("The base salary must be more than 0 đồng."));
      return FALSE;
    }
  return TRUE;
}

/* «1,5» or «1.5»; an empty text is «not given» (-1).  At most three
 * decimals: the bonus is computed in thousandths (td_money_bonus). */
static gboolean
parse_coefficient (const char  *text,
                   const char  *field,
                   double      *value,
                   GError     **error)
{
  g_autofree char *trimmed = strip_text (text);
  const char *dot;
  gsize decimals = 0;
  gboolean valid;

  if (*trimmed == '\0')
    {
      *value = -1;
      return TRUE;
    }
  g_strdelimit (trimmed, ",", '.');
  dot = strchr (trimmed, '.');
  valid = g_ascii_isdigit (trimmed[0]);
  for (const char *p = trimmed; *p && valid; p++)
    valid = g_ascii_isdigit (*p) || p == dot;
  if (dot != NULL)
    decimals = strlen (dot + 1);
  if (valid && (dot == NULL || (decimals >= 1 && decimals <= 3)) && strlen (trimmed) <= 10)
    {
      *value = g_ascii_strtod (trimmed, NULL);
      valid = *value <= 1000;
    }
  else
    valid = FALSE;
  if (!valid)
    {
      g_autofree char *typed = strip_text (text);

      td_set_field_error (error, TD_FIELD_ERROR_FORMAT, field,
                          _("“%s” is not a coefficient. Type a number such as 1.5."), typed);
      return FALSE;
    }
  return TRUE;
}

/* A message on the field it is about (STYLE.md «UI»): the field turns red,
 * an icon at its start and the field itself carry the message as their
 * tooltip.  NULL @message clears it. */
static void
set_field_message (GtkWidget  *field,
                   const char *message)
{
  GtkWidget *fixed_icon = g_object_get_data (G_OBJECT (field), "td-message-icon");
  GtkWidget *icon = g_object_get_data (G_OBJECT (field), "td-added-icon");

  if (fixed_icon != NULL)
    {
      gtk_widget_set_tooltip_text (fixed_icon, message);
      gtk_widget_set_visible (fixed_icon, message != NULL);
    }
  /* Removed rather than hidden: the row's prefix box would keep its room. */
  else if (icon != NULL && message == NULL)
    {
      if (ADW_IS_ENTRY_ROW (field))
        adw_entry_row_remove (ADW_ENTRY_ROW (field), icon);
      else if (ADW_IS_ACTION_ROW (field))
        adw_action_row_remove (ADW_ACTION_ROW (field), icon);
      g_object_set_data (G_OBJECT (field), "td-added-icon", NULL);
    }
  else if (icon == NULL && message != NULL)
    {
      icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      if (ADW_IS_ENTRY_ROW (field))
        adw_entry_row_add_prefix (ADW_ENTRY_ROW (field), icon);
      else if (ADW_IS_ACTION_ROW (field))
        adw_action_row_add_prefix (ADW_ACTION_ROW (field), icon);
      else
        g_clear_pointer (&icon, g_object_unref);
      g_object_set_data (G_OBJECT (field), "td-added-icon", icon);
    }
  if (icon != NULL && message != NULL)
    gtk_widget_set_tooltip_text (icon, message);

  gtk_widget_set_tooltip_text (field, message);
  if (message != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Hides the apply button of an entry row whose text was written by
 * another way than the button (focus moved away, window closed). */
static void
reset_apply_button (AdwEntryRow *row)
{
  adw_entry_row_set_show_apply_button (row, FALSE);
  adw_entry_row_set_show_apply_button (row, TRUE);
}

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

/* Every change is one transaction, so one step of Undo.  A change of the
 * rounding, the base salaries or the catalogue recomputes the drafts in
 * that same step (issued decisions keep their amounts).  A draft that
 * cannot follow (a form without a coefficient on its date…) does not
 * refuse the change: *@warning, or a toast when it is NULL, says why. */
static gboolean
begin_change (TdPreferencesWindow  *self,
              GError              **error)
{
  return td_database_begin (self->database, error);
}

static gboolean
end_change (TdPreferencesWindow  *self,
            gboolean              written,
            gboolean              recompute,
            char                **warning,
            GError              **error)
{
  g_autoptr(GError) draft_error = NULL;

  if (!written)
    {
      td_database_rollback (self->database);
      return FALSE;
    }
  if (recompute)
    td_decision_store_recompute_drafts (self->database, &draft_error);
  if (!td_database_commit (self->database, error))
    {
      td_database_rollback (self->database);
      return FALSE;
    }

  /* The Undo of an earlier deletion would now undo this change. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  if (draft_error != NULL)
    {
      /* Translators: after a change of the catalogue or the base salaries. */
      g_autofree char *message = g_strdup_printf (_("Some draft decisions could not be recomputed: %s"),
                                                  draft_error->message);

      if (warning != NULL)
        *warning = g_steal_pointer (&message);
      else
        show_toast (self, _("Saved."), message);
    }
  g_signal_emit (self, signals[CHANGED], 0);
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
      set_field_message (field, NULL);
      return TRUE;
    }
  written = begin_change (self, &error) &&
            end_change (self, td_settings_store_set (self->database, key, text, &error), FALSE, NULL, &error);
  set_field_message (field, written ? NULL : error->message);
  return written;
}

/* Organization */

static void
commit_setting_row (TdPreferencesWindow *self,
                    AdwEntryRow         *row)
{
  if (commit_setting (self, GTK_WIDGET (row), g_object_get_data (G_OBJECT (row), "td-setting"),
                      gtk_editable_get_text (GTK_EDITABLE (row))))
    reset_apply_button (row);
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

/* Rounding and base salaries */

static void
update_rounding_example (TdPreferencesWindow *self)
{
  g_autofree char *today = td_date_today ();
  g_autofree char *coefficient = format_coefficient (0.3);
  g_autofree char *base_text = NULL;
  g_autofree char *exact_text = NULL;
  g_autofree char *paid_text = NULL;
  g_autofree char *example = NULL;
  guint index = adw_combo_row_get_selected (self->rounding_row);
  gint64 base = 0, exact, paid;

  if (!td_catalogue_store_base_salary_on (self->database, today, &base, NULL) ||
      index >= G_N_ELEMENTS (roundings))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rounding_row), "");
      return;
    }
  exact = td_money_bonus (0.3, base, TD_ROUNDING_NONE);
  paid = td_money_bonus (0.3, base, roundings[index]);
  base_text = format_money (base);
  exact_text = format_money (exact);
  paid_text = format_money (paid);
  if (exact == paid)
    /* Translators: an example under the rounding, «0,3 × 2.340.000 đ = 702.000 đ». */
    example = g_strdup_printf (_("%s × %s đ = %s đ"), coefficient, base_text, exact_text);
  else
    /* Translators: an example under the rounding, «0,3 × 2.340.000 đ = 702.000 đ → 710.000 đ». */
    example = g_strdup_printf (_("%s × %s đ = %s đ → %s đ"), coefficient, base_text, exact_text, paid_text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rounding_row), example);
}

static void
on_rounding_selected (TdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint index = adw_combo_row_get_selected (self->rounding_row);
  gboolean written;

  if (self->loading || self->database == NULL || index >= G_N_ELEMENTS (roundings))
    return;
  written = begin_change (self, &error) &&
            end_change (self,
                        td_settings_store_set (self->database, "bonus.rounding",
                                               td_rounding_to_string (roundings[index]), &error),
                        TRUE, NULL, &error);
  set_field_message (GTK_WIDGET (self->rounding_row), written ? NULL : error->message);
  if (!written)
    {
      TdRounding stored = td_settings_store_get_rounding (self->database);

      self->loading = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (roundings); i++)
        if (roundings[i] == stored)
          adw_combo_row_set_selected (self->rounding_row, i);
      self->loading = FALSE;
    }
  update_rounding_example (self);
}

static void
on_salary_delete (GtkButton           *button,
                  TdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strdup (g_object_get_data (G_OBJECT (button), "td-date"));
  g_autofree char *shown = td_format_date (date);
  g_autofree char *message = NULL;
  g_autofree char *warning = NULL;
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  gboolean written;

  written = begin_change (self, &error) &&
            end_change (self, td_catalogue_store_delete_base_salary (self->database, date, &error),
                        TRUE, &warning, &error);
  if (!written)
    {
      set_field_message (row, error->message);
      return;
    }
  load_salaries (self);
  /* Translators: a toast, «Deleted the base salary from 01/07/2024». */
  message = g_strdup_printf (_("Deleted the base salary from %s"), shown);
  offer_undo (self, message, warning);
}

static void
load_salaries (TdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) salaries = NULL;
  g_autofree char *today = td_date_today ();
  guint current = G_MAXUINT;

  for (guint i = 0; i < self->salary_rows->len; i++)
    adw_preferences_group_remove (self->salary_group, g_ptr_array_index (self->salary_rows, i));
  g_ptr_array_set_size (self->salary_rows, 0);

  salaries = td_catalogue_store_list_base_salaries (self->database, &error);
  if (salaries == NULL)
    {
      g_message ("Listing the base salaries failed: %s", error->message);
      return;
    }
  for (guint i = 0; i < salaries->len; i++)
    if (g_strcmp0 (((TdBaseSalary *) g_ptr_array_index (salaries, i))->effective_from, today) <= 0)
      current = i;

  for (guint i = 0; i < salaries->len; i++)
    {
      TdBaseSalary *salary = g_ptr_array_index (salaries, i);
      g_autofree char *money = format_money (salary->amount);
      g_autofree char *date = td_format_date (salary->effective_from);
      g_autofree char *title = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      /* Translators: a base salary, «1.800.000 đ from 01/07/2023». */
      title = g_strdup_printf (_("%s đ from %s"), money, date);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (i == current)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("In force now"));
      gtk_widget_set_name (row, salary->effective_from);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Delete"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete"), -1);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "td-date", g_strdup (salary->effective_from), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_salary_delete), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      adw_preferences_group_add (self->salary_group, row);
      g_ptr_array_add (self->salary_rows, row);
    }
  if (salaries->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No base salary yet: add the one in force."));
      adw_preferences_group_add (self->salary_group, row);
      g_ptr_array_add (self->salary_rows, row);
    }
  update_rounding_example (self);
}

static void
on_salary_add (TdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  TdBaseSalary salary = { 0 };
  gboolean date_ok, amount_ok;
  gboolean written;

  date_ok = parse_date (gtk_editable_get_text (GTK_EDITABLE (self->salary_date_row)), &date, &error);
  set_field_message (GTK_WIDGET (self->salary_date_row), date_ok ? NULL : error->message);
  g_clear_error (&error);
  amount_ok = parse_amount (gtk_editable_get_text (GTK_EDITABLE (self->salary_amount_row)), &salary.amount, &error);
  set_field_message (GTK_WIDGET (self->salary_amount_row), amount_ok ? NULL : error->message);
  g_clear_error (&error);
  if (!date_ok || !amount_ok)
    return;

  salary.effective_from = date;
  written = begin_change (self, &error) &&
            end_change (self, td_catalogue_store_set_base_salary (self->database, &salary, &error),
                        TRUE, NULL, &error);
  if (!written)
    {
      set_field_message (g_strcmp0 (td_field_error_get_field (error), "amount") == 0
                         ? GTK_WIDGET (self->salary_amount_row) : GTK_WIDGET (self->salary_date_row),
                         error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->salary_date_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->salary_amount_row), "");
  load_salaries (self);
}

static void
on_salary_date_activated (TdPreferencesWindow *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->salary_amount_row)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->salary_amount_row));
  else
    on_salary_add (self);
}

/* The catalogue */

static void
form_editor_free (gpointer data)
{
  FormEditor *editor = data;

  td_award_form_free (editor->form);
  g_ptr_array_unref (editor->rows);
  g_free (editor);
}

static FormEditor *
form_editor_of (gconstpointer row)
{
  return g_object_get_data (G_OBJECT (row), "td-form-editor");
}

/* «individuals ×0,3 · collectives ×0,6» */
static void
append_coefficients (GPtrArray         *parts,
                     const TdAwardRate *rate)
{
  if (rate->coef_individual >= 0)
    {
      g_autofree char *value = format_coefficient (rate->coef_individual);

      /* Translators: the coefficient of a form for individuals, «cá nhân ×0,3». */
      g_ptr_array_add (parts, g_strdup_printf (_("individuals ×%s"), value));
    }
  if (rate->coef_collective >= 0)
    {
      g_autofree char *value = format_coefficient (rate->coef_collective);

      /* Translators: the coefficient of a form for collectives, «tập thể ×0,6». */
      g_ptr_array_add (parts, g_strdup_printf (_("collectives ×%s"), value));
    }
}

static char *
join_parts (GPtrArray *parts)
{
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* «Commendation · individuals ×0,3 · collectives ×0,6», in force today. */
static void
update_form_header (FormEditor *editor)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *today = td_date_today ();
  g_autoptr(TdAwardRate) rate = td_catalogue_store_rate_on (editor->self->database, editor->form->id, today, NULL);
  g_autofree char *subtitle = NULL;

  g_ptr_array_add (parts, g_strdup (editor->form->family == TD_FAMILY_TITLE ? _("Emulation title") : _("Commendation")));
  if (rate != NULL)
    append_coefficients (parts, rate);
  else
    g_ptr_array_add (parts, g_strdup (_("no coefficient in force")));
  if (editor->form->archived)
    g_ptr_array_add (parts, g_strdup (_("archived")));
  subtitle = join_parts (parts);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->expander), editor->form->name);
  adw_expander_row_set_subtitle (editor->expander, subtitle);
}

/* Reads the form back as the store normalized it. */
static void
reload_form (FormEditor *editor)
{
  TdAwardForm *form = td_catalogue_store_get_form (editor->self->database, editor->form->id, NULL);

  if (form != NULL)
    {
      td_award_form_free (editor->form);
      editor->form = form;
    }
  update_form_header (editor);
}

static int
compare_form_rows (gconstpointer a,
                   gconstpointer b)
{
  const TdAwardForm *x = form_editor_of (*(GtkWidget * const *) a)->form;
  const TdAwardForm *y = form_editor_of (*(GtkWidget * const *) b)->form;

  if (x->precedence != y->precedence)
    return x->precedence < y->precedence ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Puts the forms back in precedence order, keeping each row as it is
 * (opened, half-typed). */
static void
sort_forms (TdPreferencesWindow *self)
{
  gboolean loading = self->loading;

  self->loading = TRUE;
  for (guint i = 0; i < self->form_rows->len; i++)
    adw_preferences_group_remove (self->form_group, g_ptr_array_index (self->form_rows, i));
  g_ptr_array_sort (self->form_rows, compare_form_rows);
  for (guint i = 0; i < self->form_rows->len; i++)
    adw_preferences_group_add (self->form_group, g_ptr_array_index (self->form_rows, i));
  self->loading = loading;
}

/* Writes the form with one field changed; the outcome shows on @field. */
static gboolean
write_form (FormEditor        *editor,
            const TdAwardForm *form,
            GtkWidget         *field)
{
  TdPreferencesWindow *self = editor->self;
  g_autoptr(GError) error = NULL;
  gboolean written;

  written = begin_change (self, &error) &&
            end_change (self, td_catalogue_store_update_form (self->database, form, &error), TRUE, NULL, &error);
  set_field_message (field, written ? NULL : error->message);
  if (written)
    reload_form (editor);
  return written;
}

static gboolean
commit_form_entry (FormEditor  *editor,
                   AdwEntryRow *row)
{
  TdPreferencesWindow *self = editor->self;
  g_autofree char *text = strip_text (gtk_editable_get_text (GTK_EDITABLE (row)));
  TdAwardForm form = *editor->form;

  if (self->loading || self->database == NULL)
    return FALSE;

  if (row == editor->name_row)
    {
      if (g_strcmp0 (text, form.name) == 0)
        return TRUE;
      form.name = text;
    }
  else if (row == editor->code_row)
    {
      if (g_strcmp0 (text, form.code != NULL ? form.code : "") == 0)
        return TRUE;
      form.code = text;
    }
  else
    {
      guint64 precedence;

      if (!g_ascii_string_to_unsigned (text, 10, 0, 999999, &precedence, NULL))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a whole number. Forms with smaller numbers come first."),
                                                      text);

          set_field_message (GTK_WIDGET (row), message);
          return FALSE;
        }
      if ((int) precedence == form.precedence)
        {
          set_field_message (GTK_WIDGET (row), NULL);
          return TRUE;
        }
      form.precedence = (int) precedence;
    }

  if (!write_form (editor, &form, GTK_WIDGET (row)))
    return FALSE;
  if (row == editor->precedence_row)
    sort_forms (self);
  return TRUE;
}

static void
on_form_entry_apply (AdwEntryRow *row,
                     FormEditor  *editor)
{
  commit_form_entry (editor, row);
}

static void
on_form_entry_leave (GtkEventController *controller,
                     FormEditor         *editor)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (gtk_event_controller_get_widget (controller));

  if (commit_form_entry (editor, row))
    reset_apply_button (row);
}

static void
on_form_combo_selected (AdwComboRow *row,
                        GParamSpec  *pspec,
                        FormEditor  *editor)
{
  TdAwardForm form = *editor->form;
  guint index = adw_combo_row_get_selected (row);

  if (editor->self->loading || index == GTK_INVALID_LIST_POSITION)
    return;
  if (row == editor->family_row)
    form.family = index == 0 ? TD_FAMILY_TITLE : TD_FAMILY_COMMENDATION;
  else if (index < G_N_ELEMENTS (recipients))
    form.recipient = recipients[index];
  if (write_form (editor, &form, GTK_WIDGET (row)))
    return;

  /* Refused: the row shows again what the file holds. */
  editor->self->loading = TRUE;
  if (row == editor->family_row)
    adw_combo_row_set_selected (row, editor->form->family == TD_FAMILY_TITLE ? 0 : 1);
  else
    for (guint i = 0; i < G_N_ELEMENTS (recipients); i++)
      if (recipients[i] == editor->form->recipient)
        adw_combo_row_set_selected (row, i);
  editor->self->loading = FALSE;
}

static void
on_form_archived (GtkSwitch  *button,
                  GParamSpec *pspec,
                  FormEditor *editor)
{
  TdAwardForm form = *editor->form;

  if (editor->self->loading || gtk_switch_get_active (button) == editor->form->archived)
    return;
  form.archived = gtk_switch_get_active (button);
  if (!write_form (editor, &form, gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW)))
    {
      editor->self->loading = TRUE;
      gtk_switch_set_active (button, editor->form->archived);
      editor->self->loading = FALSE;
    }
}

static void
on_rate_add (FormEditor *editor)
{
  TdPreferencesWindow *self = editor->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  TdAwardRate rate = { .form_id = editor->form->id };
  gboolean date_ok, individual_ok, collective_ok;
  GtkWidget *field;
  gboolean written;

  date_ok = parse_date (gtk_editable_get_text (GTK_EDITABLE (editor->rate_date_row)), &date, &error);
  set_field_message (GTK_WIDGET (editor->rate_date_row), date_ok ? NULL : error->message);
  g_clear_error (&error);
  individual_ok = parse_coefficient (gtk_editable_get_text (GTK_EDITABLE (editor->rate_individual_row)),
                                     "coef_individual", &rate.coef_individual, &error);
  /* A form given to individuals needs their coefficient; likewise collectives. */
  if (individual_ok && rate.coef_individual < 0 && (editor->form->recipient & TD_RECIPIENT_INDIVIDUAL))
    {
      td_set_field_error (&error, TD_FIELD_ERROR_REQUIRED, "coef_individual",
                          _("The form is given to individuals: type their coefficient."));
      individual_ok = FALSE;
    }
  set_field_message (GTK_WIDGET (editor->rate_individual_row), individual_ok ? NULL : error->message);
  g_clear_error (&error);
  collective_ok = parse_coefficient (gtk_editable_get_text (GTK_EDITABLE (editor->rate_collective_row)),
                                     "coef_collective", &rate.coef_collective, &error);
  if (collective_ok && rate.coef_collective < 0 && (editor->form->recipient & TD_RECIPIENT_COLLECTIVE))
    {
      td_set_field_error (&error, TD_FIELD_ERROR_REQUIRED, "coef_collective",
                          _("The form is given to collectives: type their coefficient."));
      collective_ok = FALSE;
    }
  set_field_message (GTK_WIDGET (editor->rate_collective_row), collective_ok ? NULL : error->message);
  g_clear_error (&error);
  if (!date_ok || !individual_ok || !collective_ok)
    return;

  rate.effective_from = date;
  written = begin_change (self, &error) &&
            end_change (self, td_catalogue_store_set_rate (self->database, &rate, &error), TRUE, NULL, &error);
  if (!written)
    {
      const char *name = td_field_error_get_field (error);

      if (g_strcmp0 (name, "effective_from") == 0)
        field = GTK_WIDGET (editor->rate_date_row);
      else if (g_strcmp0 (name, "coef_collective") == 0)
        field = GTK_WIDGET (editor->rate_collective_row);
      else
        field = GTK_WIDGET (editor->rate_individual_row);
      set_field_message (field, error->message);
      return;
    }
  fill_form_editor (editor);
  update_form_header (editor);
}

static void
on_rate_delete (GtkButton  *button,
                FormEditor *editor)
{
  TdPreferencesWindow *self = editor->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strdup (g_object_get_data (G_OBJECT (button), "td-date"));
  g_autofree char *shown = td_format_date (date);
  g_autofree char *message = NULL;
  g_autofree char *warning = NULL;
  gboolean written;

  written = begin_change (self, &error) &&
            end_change (self, td_catalogue_store_delete_rate (self->database, editor->form->id, date, &error),
                        TRUE, &warning, &error);
  if (!written)
    {
      set_field_message (gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW), error->message);
      return;
    }
  fill_form_editor (editor);
  update_form_header (editor);
  /* Translators: a toast, «Deleted the coefficient of Giấy khen from 01/07/2025». */
  message = g_strdup_printf (_("Deleted the coefficient of %s from %s"), editor->form->name, shown);
  offer_undo (self, message, warning);
}

/* Enter goes to the next field the form needs, then adds. */
static void
on_rate_entry_activated (AdwEntryRow *row,
                         FormEditor  *editor)
{
  GtkEditable *collective = GTK_EDITABLE (editor->rate_collective_row);

  if (row == editor->rate_date_row)
    gtk_widget_grab_focus (GTK_WIDGET (editor->rate_individual_row));
  else if (row == editor->rate_individual_row && (editor->form->recipient & TD_RECIPIENT_COLLECTIVE) &&
           *gtk_editable_get_text (collective) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (collective));
  else
    on_rate_add (editor);
}

/* Opening a rate fills the fields below with it, to change it. */
static void
on_rate_activated (AdwActionRow *row,
                   FormEditor   *editor)
{
  const TdAwardRate *rate = g_object_get_data (G_OBJECT (row), "td-rate");
  g_autofree char *date = td_format_date (rate->effective_from);
  g_autofree char *individual = rate->coef_individual >= 0 ? format_coefficient (rate->coef_individual) : g_strdup ("");
  g_autofree char *collective = rate->coef_collective >= 0 ? format_coefficient (rate->coef_collective) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (editor->rate_date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (editor->rate_individual_row), individual);
  gtk_editable_set_text (GTK_EDITABLE (editor->rate_collective_row), collective);
  gtk_widget_grab_focus (GTK_WIDGET (editor->rate_individual_row));
}

static void
on_form_delete (GtkButton  *button,
                FormEditor *editor)
{
  TdPreferencesWindow *self = editor->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (editor->form->name);
  g_autofree char *message = NULL;
  g_autofree char *warning = NULL;
  gboolean written;

  written = begin_change (self, &error) &&
            end_change (self, td_catalogue_store_delete_form (self->database, editor->form->id, &error),
                        TRUE, &warning, &error);
  if (!written)
    {
      set_field_message (gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW), error->message);
      return;
    }
  /* Translators: a toast, «Deleted “Giấy khen”». */
  message = g_strdup_printf (_("Deleted “%s”"), name);
  load_forms (self);
  offer_undo (self, message, warning);
}

static void
add_editor_row (FormEditor *editor,
                GtkWidget  *row,
                const char *name)
{
  gtk_widget_set_name (row, name);
  adw_expander_row_add_row (editor->expander, row);
  g_ptr_array_add (editor->rows, row);
}

static AdwEntryRow *
add_entry_row (FormEditor *editor,
               const char *title,
               const char *text,
               const char *name,
               gboolean    apply)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  if (apply)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_signal_connect (row, "apply", G_CALLBACK (on_form_entry_apply), editor);
      g_signal_connect (focus, "leave", G_CALLBACK (on_form_entry_leave), editor);
      gtk_widget_add_controller (row, focus);
    }
  else
    g_signal_connect (row, "entry-activated", G_CALLBACK (on_rate_entry_activated), editor);
  add_editor_row (editor, row, name);
  return ADW_ENTRY_ROW (row);
}

static AdwComboRow *
add_combo_row (FormEditor         *editor,
               const char         *title,
               const char * const *items,
               guint               selected,
               const char         *name)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_form_combo_selected), editor);
  add_editor_row (editor, row, name);
  return ADW_COMBO_ROW (row);
}

static void
add_rate_rows (FormEditor *editor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rates = td_catalogue_store_list_rates (editor->self->database, editor->form->id, &error);

  if (rates == NULL)
    {
      g_message ("Listing the coefficients failed: %s", error->message);
      return;
    }
  for (guint i = 0; i < rates->len; i++)
    {
      TdAwardRate *rate = g_ptr_array_index (rates, i);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *date = td_format_date (rate->effective_from);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *name = g_strconcat ("rate-", rate->effective_from, NULL);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      append_coefficients (parts, rate);
      subtitle = join_parts (parts);
      /* Translators: a coefficient in force from a date, «Áp dụng từ 01/07/2025». */
      title = g_strdup_printf (_("From %s"), date);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "td-rate", g_steal_pointer (&g_ptr_array_index (rates, i)),
                              (GDestroyNotify) td_award_rate_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_rate_activated), editor);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Delete"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete"), -1);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "td-date", g_strdup (rate->effective_from), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_rate_delete), editor);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      add_editor_row (editor, row, name);
    }
}

static void
fill_form_editor (FormEditor *editor)
{
  TdPreferencesWindow *self = editor->self;
  TdAwardForm *form = editor->form;
  const char *families[] = { _("Emulation title"), _("Commendation"), NULL };
  const char *given_to[] = { _("Individuals"), _("Collectives"), _("Both"), NULL };
  g_autofree char *precedence = g_strdup_printf ("%d", form->precedence);
  gboolean loading = self->loading;
  guint recipient = 0;
  GtkWidget *row;
  GtkWidget *widget;

  self->loading = TRUE;
  for (guint i = 0; i < editor->rows->len; i++)
    adw_expander_row_remove (editor->expander, g_ptr_array_index (editor->rows, i));
  g_ptr_array_set_size (editor->rows, 0);

  for (guint i = 0; i < G_N_ELEMENTS (recipients); i++)
    if (recipients[i] == form->recipient)
      recipient = i;

  editor->name_row = add_entry_row (editor, _("Name"), form->name, "form-name", TRUE);
  editor->code_row = add_entry_row (editor, _("Code for imports and the command line"), form->code, "form-code", TRUE);
  editor->family_row = add_combo_row (editor, _("Kind"), families,
                                      form->family == TD_FAMILY_TITLE ? 0 : 1, "form-family");
  editor->recipient_row = add_combo_row (editor, _("Given to"), given_to, recipient, "form-recipient");
  editor->precedence_row = add_entry_row (editor, _("Precedence (smaller numbers first)"), precedence,
                                          "form-precedence", TRUE);

  row = adw_action_row_new ();
  widget = gtk_switch_new ();
  editor->archived_switch = GTK_SWITCH (widget);
  gtk_switch_set_active (editor->archived_switch, form->archived);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  g_signal_connect (widget, "notify::active", G_CALLBACK (on_form_archived), editor);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Archived"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Kept for past decisions, not offered for new ones"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
  add_editor_row (editor, row, "form-archived");

  add_rate_rows (editor);

  editor->rate_date_row = add_entry_row (editor, _("New coefficient from (dd/mm/yyyy)"), NULL, "rate-date", FALSE);
  editor->rate_individual_row = add_entry_row (editor, _("Coefficient for individuals"), NULL,
                                               "rate-individual", FALSE);
  editor->rate_collective_row = add_entry_row (editor, _("Coefficient for collectives"), NULL,
                                               "rate-collective", FALSE);
  widget = gtk_button_new_with_label (_("Add"));
  gtk_widget_set_name (widget, "rate-add");
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (widget, "clicked", G_CALLBACK (on_rate_add), editor);
  adw_entry_row_add_suffix (editor->rate_collective_row, widget);

  row = adw_action_row_new ();
  widget = gtk_button_new_with_label (_("Delete"));
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (widget, "destructive-action");
  g_signal_connect (widget, "clicked", G_CALLBACK (on_form_delete), editor);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Delete this form"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Only a form that no award uses can be deleted; archive the others."));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  add_editor_row (editor, row, "form-delete");

  self->loading = loading;
}

static void
on_form_expanded (AdwExpanderRow *expander,
                  GParamSpec     *pspec,
                  FormEditor     *editor)
{
  if (adw_expander_row_get_expanded (expander) && editor->rows->len == 0)
    fill_form_editor (editor);
}

static GtkWidget *
new_form_row (TdPreferencesWindow *self,
              TdAwardForm         *form)
{
  GtkWidget *expander = adw_expander_row_new ();
  FormEditor *editor = g_new0 (FormEditor, 1);

  editor->self = self;
  editor->form = form;
  editor->expander = ADW_EXPANDER_ROW (expander);
  editor->rows = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (expander), "td-form-editor", editor, form_editor_free);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  if (form->code != NULL)
    gtk_widget_set_name (expander, form->code);
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (on_form_expanded), editor);
  update_form_header (editor);
  return expander;
}

static void
load_forms (TdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) forms = NULL;
  gboolean loading = self->loading;

  self->loading = TRUE;
  for (guint i = 0; i < self->form_rows->len; i++)
    adw_preferences_group_remove (self->form_group, g_ptr_array_index (self->form_rows, i));
  g_ptr_array_set_size (self->form_rows, 0);

  forms = td_catalogue_store_list_forms (self->database, NULL, gtk_switch_get_active (self->archived_switch), &error);
  if (forms == NULL)
    g_message ("Listing the award forms failed: %s", error->message);
  for (guint i = 0; forms != NULL && i < forms->len; i++)
    {
      GtkWidget *row = new_form_row (self, g_steal_pointer (&g_ptr_array_index (forms, i)));

      g_ptr_array_add (self->form_rows, g_object_ref_sink (row));
      adw_preferences_group_add (self->form_group, row);
    }
  self->loading = loading;
}

static void
on_show_archived (TdPreferencesWindow *self)
{
  if (!self->loading)
    load_forms (self);
}

/* A code for the command line and imports from the name: «Giấy khen tập
 * thể» → «giay_khen_tap_the», numbered when taken. */
static char *
make_form_code (TdPreferencesWindow *self,
                const char          *name)
{
  g_autofree char *folded = td_text_fold (name);
  g_autoptr(GString) code = g_string_new (NULL);

  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (code, g_ascii_tolower (*p));
      else if (code->len > 0 && code->str[code->len - 1] != '_')
        g_string_append_c (code, '_');
    }
  while (code->len > 0 && code->str[code->len - 1] == '_')
    g_string_truncate (code, code->len - 1);
  if (code->len == 0)
    g_string_append (code, "form");

  for (guint n = 1;; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (code->str) : g_strdup_printf ("%s_%u", code->str, n);
      g_autoptr(TdAwardForm) taken = td_catalogue_store_get_form_by_code (self->database, candidate, NULL);

      if (taken == NULL)
        return g_steal_pointer (&candidate);
    }
}

static void
on_new_form_add (TdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) forms = td_catalogue_store_list_forms (self->database, NULL, TRUE, NULL);
  g_autoptr(TdAwardForm) form = td_award_form_new ();
  gboolean written;

  form->name = strip_text (gtk_editable_get_text (GTK_EDITABLE (self->new_form_row)));
  form->code = make_form_code (self, form->name);
  form->family = TD_FAMILY_COMMENDATION;
  form->recipient = TD_RECIPIENT_BOTH;
  for (guint i = 0; forms != NULL && i < forms->len; i++)
    form->precedence = MAX (form->precedence, ((TdAwardForm *) g_ptr_array_index (forms, i))->precedence + 10);

  written = begin_change (self, &error) &&
            end_change (self, td_catalogue_store_insert_form (self->database, form, &error), TRUE, NULL, &error);
  set_field_message (GTK_WIDGET (self->new_form_row), written ? NULL : error->message);
  if (!written)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->new_form_row), "");
  load_forms (self);
  for (guint i = 0; i < self->form_rows->len; i++)
    {
      FormEditor *editor = form_editor_of (g_ptr_array_index (self->form_rows, i));

      if (editor->form->id == form->id)
        adw_expander_row_set_expanded (editor->expander, TRUE);
    }
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
  g_autofree char *money = format_money (WORDS_EXAMPLE);
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
      g_autofree char *number = format_money ((gint64) numbers[i]);
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
  written = begin_change (self, &error) &&
            end_change (self,
                        td_settings_store_set (self->database, word_settings[index].key,
                                               active ? word_settings[index].on : word_settings[index].off, &error),
                        FALSE, NULL, &error);
  set_field_message (gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW),
                     written ? NULL : error->message);
  if (!written)
    {
      self->loading = TRUE;
      gtk_switch_set_active (button, !active);
      self->loading = FALSE;
    }
  update_words_example (self);
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
  TdRounding rounding;

  self->loading = TRUE;
  for (guint i = 0; (row = setting_row (self, i, &key)) != NULL; i++)
    {
      g_autofree char *value = get_setting (self, key);

      gtk_editable_set_text (GTK_EDITABLE (row), value);
      reset_apply_button (row);
      set_field_message (GTK_WIDGET (row), NULL);
    }
  signer_title = get_setting (self, "signer.title");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->signer_title_view), signer_title, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->signer_title_apply), FALSE);

  rounding = td_settings_store_get_rounding (self->database);
  for (guint i = 0; i < G_N_ELEMENTS (roundings); i++)
    if (roundings[i] == rounding)
      adw_combo_row_set_selected (self->rounding_row, i);

  for (guint i = 0; i < G_N_ELEMENTS (word_settings); i++)
    {
      g_autofree char *value = get_setting (self, word_settings[i].key);

      gtk_switch_set_active (word_switch (self, i), g_strcmp0 (value, word_settings[i].on) == 0);
    }

  load_salaries (self);
  load_forms (self);
  update_words_example (self);
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
  for (guint i = 0; i < self->form_rows->len; i++)
    {
      FormEditor *editor = form_editor_of (g_ptr_array_index (self->form_rows, i));

      if (editor->rows->len == 0)
        continue;
      commit_form_entry (editor, editor->name_row);
      commit_form_entry (editor, editor->code_row);
      commit_form_entry (editor, editor->precedence_row);
    }
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
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Overrides */

static void
td_preferences_window_constructed (GObject *object)
{
  TdPreferencesWindow *self = TD_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (td_preferences_window_parent_class)->constructed (object);

  g_assert (TD_IS_DATABASE (self->database));
  load (self);
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
  g_clear_weak_pointer (&self->undo_toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_PREFERENCES_WINDOW);
  g_clear_pointer (&self->form_rows, g_ptr_array_unref);
  g_clear_pointer (&self->salary_rows, g_ptr_array_unref);
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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/td-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, org_parent_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, org_name_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, org_place_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, signer_title_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, signer_title_icon);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, signer_title_view);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, signer_title_apply);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, signer_name_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, rounding_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, salary_group);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, salary_date_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, salary_amount_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, form_group);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, archived_switch);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, new_form_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, le_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, ngan_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, bon_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, chan_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, le_switch);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, ngan_switch);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, bon_switch);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, chan_switch);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, example_row);

  gtk_widget_class_bind_template_callback (widget_class, on_close_request);
  gtk_widget_class_bind_template_callback (widget_class, on_signer_title_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_signer_title_leave);
  gtk_widget_class_bind_template_callback (widget_class, on_rounding_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_salary_add);
  gtk_widget_class_bind_template_callback (widget_class, on_salary_date_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_show_archived);
  gtk_widget_class_bind_template_callback (widget_class, on_new_form_add);
  gtk_widget_class_bind_template_callback (widget_class, on_words_switch);
}

static void
td_preferences_window_init (TdPreferencesWindow *self)
{
  AdwEntryRow *row;
  const char *key;

  self->salary_rows = g_ptr_array_new ();
  self->form_rows = g_ptr_array_new_with_free_func (g_object_unref);
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
