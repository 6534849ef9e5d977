#define G_LOG_DOMAIN "td-salary-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "td-catalogue-store.h"
#include "td-date.h"
#include "td-format.h"
#include "td-preferences-util.h"
#include "td-salary-editor.h"
#include "td-settings-store.h"

struct _TdSalaryEditor
{
  AdwPreferencesPage   parent_instance;

  TdDatabase          *database;
  /* Set while widgets are filled: nothing is written then. */
  gboolean             loading;
  GPtrArray           *salary_rows;

  AdwComboRow         *rounding_row;
  AdwPreferencesGroup *salary_group;
  AdwEntryRow         *salary_date_row;
  AdwEntryRow         *salary_amount_row;
};

static void load_salaries (TdSalaryEditor *self);

G_DEFINE_FINAL_TYPE (TdSalaryEditor, td_salary_editor, ADW_TYPE_PREFERENCES_PAGE)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The order of the items of the rounding row. */
static const TdRounding roundings[] = { TD_ROUNDING_UP_10000, TD_ROUNDING_DOWN_10000, TD_ROUNDING_NONE };

/* Helpers */

/* «2.340.000», «2,340,000», «2 340 000» or «2340000», with or without «đ»:
 * separators only between groups of three digits. */
static gboolean
parse_amount (const char  *text,
              gint64      *amount,
              GError     **error)
{
  g_autofree char *trimmed = td_preferences_strip_text (text);
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

/* Every change recomputes the drafts (td_preferences_end_change()).  A
 * deletion passes @warning and reports itself once its row is gone. */
static gboolean
end_change (TdSalaryEditor  *self,
            gboolean         written,
            char           **warning,
            GError         **error)
{
  g_autofree char *draft_warning = NULL;

  if (!td_preferences_end_change (self->database, written, TRUE, &draft_warning, error))
    return FALSE;
  if (warning != NULL)
    *warning = g_steal_pointer (&draft_warning);
  else
    g_signal_emit (self, signals[CHANGED], 0, NULL, draft_warning);
  return TRUE;
}

static void
update_rounding_example (TdSalaryEditor *self)
{
  g_autofree char *today = td_date_today ();
  g_autofree char *coefficient = td_preferences_format_coefficient (0.3);
  g_autofree char *base_text = NULL;
  g_autofree char *exact_text = NULL;
  g_autofree char *paid_text = NULL;
  g_autofree char *example = NULL;
  guint index = adw_combo_row_get_selected (self->rounding_row);
  gint64 base = 0, exact, paid;

  if (self->database == NULL ||
      !td_catalogue_store_base_salary_on (self->database, today, &base, NULL) ||
      index >= G_N_ELEMENTS (roundings))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rounding_row), "");
      return;
    }
  exact = td_money_bonus (0.3, base, TD_ROUNDING_NONE);
  paid = td_money_bonus (0.3, base, roundings[index]);
  base_text = td_preferences_format_money (base);
  exact_text = td_preferences_format_money (exact);
  paid_text = td_preferences_format_money (paid);
  if (exact == paid)
    /* Translators: an example under the rounding, «0,3 × 2.340.000 đ = 702.000 đ». */
    example = g_strdup_printf (_("%s × %s đ = %s đ"), coefficient, base_text, exact_text);
  else
    /* Translators: an example under the rounding, «0,3 × 2.340.000 đ = 702.000 đ → 710.000 đ». */
    example = g_strdup_printf (_("%s × %s đ = %s đ → %s đ"), coefficient, base_text, exact_text, paid_text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rounding_row), example);
}

static void
select_stored_rounding (TdSalaryEditor *self)
{
  TdRounding stored = td_settings_store_get_rounding (self->database);
  gboolean loading = self->loading;

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (roundings); i++)
    if (roundings[i] == stored)
      adw_combo_row_set_selected (self->rounding_row, i);
  self->loading = loading;
}

/* Callbacks */

static void
on_rounding_selected (TdSalaryEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint index = adw_combo_row_get_selected (self->rounding_row);
  gboolean written;

  if (self->loading || self->database == NULL || index >= G_N_ELEMENTS (roundings))
    return;
  written = td_database_begin (self->database, &error) &&
            end_change (self,
                        td_settings_store_set (self->database, "bonus.rounding",
                                               td_rounding_to_string (roundings[index]), &error),
                        NULL, &error);
  td_preferences_set_field_message (GTK_WIDGET (self->rounding_row), written ? NULL : error->message);
  if (!written)
    select_stored_rounding (self);
  update_rounding_example (self);
}

static void
on_salary_delete (GtkButton      *button,
                  TdSalaryEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strdup (g_object_get_data (G_OBJECT (button), "td-date"));
  g_autofree char *shown = td_format_date (date);
  g_autofree char *message = NULL;
  g_autofree char *warning = NULL;
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  gboolean written;

  written = td_database_begin (self->database, &error) &&
            end_change (self, td_catalogue_store_delete_base_salary (self->database, date, &error),
                        &warning, &error);
  if (!written)
    {
      td_preferences_set_field_message (row, error->message);
      return;
    }
  load_salaries (self);
  /* Translators: a toast, «Deleted the base salary from 01/07/2024». */
  message = g_strdup_printf (_("Deleted the base salary from %s"), shown);
  g_signal_emit (self, signals[CHANGED], 0, message, warning);
}

static void
load_salaries (TdSalaryEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) salaries = NULL;
  g_autofree char *today = td_date_today ();
  guint current = G_MAXUINT;

  for (guint i = 0; i < self->salary_rows->len; i++)
    adw_preferences_group_remove (self->salary_group, g_ptr_array_index (self->salary_rows, i));
  g_ptr_array_set_size (self->salary_rows, 0);
  if (self->database == NULL)
    return;

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
      g_autofree char *money = td_preferences_format_money (salary->amount);
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
on_salary_add (TdSalaryEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  TdBaseSalary salary = { 0 };
  gboolean date_ok, amount_ok;
  gboolean written;

  date_ok = td_preferences_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->salary_date_row)),
                                       &date, &error);
  td_preferences_set_field_message (GTK_WIDGET (self->salary_date_row), date_ok ? NULL : error->message);
  g_clear_error (&error);
  amount_ok = parse_amount (gtk_editable_get_text (GTK_EDITABLE (self->salary_amount_row)), &salary.amount, &error);
  td_preferences_set_field_message (GTK_WIDGET (self->salary_amount_row), amount_ok ? NULL : error->message);
  g_clear_error (&error);
  if (!date_ok || !amount_ok)
    return;

  salary.effective_from = date;
  written = td_database_begin (self->database, &error) &&
            end_change (self, td_catalogue_store_set_base_salary (self->database, &salary, &error),
                        NULL, &error);
  if (!written)
    {
      td_preferences_set_field_message (g_strcmp0 (td_field_error_get_field (error), "amount") == 0
                                        ? GTK_WIDGET (self->salary_amount_row)
                                        : GTK_WIDGET (self->salary_date_row),
                                        error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->salary_date_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->salary_amount_row), "");
  load_salaries (self);
}

static void
on_salary_date_activated (TdSalaryEditor *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->salary_amount_row)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->salary_amount_row));
  else
    on_salary_add (self);
}

/* Overrides */

static void
td_salary_editor_dispose (GObject *object)
{
  TdSalaryEditor *self = TD_SALARY_EDITOR (object);

  self->loading = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_SALARY_EDITOR);
  g_clear_pointer (&self->salary_rows, g_ptr_array_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (td_salary_editor_parent_class)->dispose (object);
}

static void
td_salary_editor_class_init (TdSalaryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_salary_editor_dispose;

  /* After every change written to the database. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/td-salary-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TdSalaryEditor, rounding_row);
  gtk_widget_class_bind_template_child (widget_class, TdSalaryEditor, salary_group);
  gtk_widget_class_bind_template_child (widget_class, TdSalaryEditor, salary_date_row);
  gtk_widget_class_bind_template_child (widget_class, TdSalaryEditor, salary_amount_row);

  gtk_widget_class_bind_template_callback (widget_class, on_rounding_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_salary_add);
  gtk_widget_class_bind_template_callback (widget_class, on_salary_date_activated);
}

static void
td_salary_editor_init (TdSalaryEditor *self)
{
  self->salary_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

void
td_salary_editor_set_database (TdSalaryEditor *self,
                               TdDatabase     *database)
{
  g_return_if_fail (TD_IS_SALARY_EDITOR (self));
  g_return_if_fail (database == NULL || TD_IS_DATABASE (database));

  g_set_object (&self->database, database);
  td_salary_editor_reload (self);
}

/* Shows again what the file holds, as after an Undo. */
void
td_salary_editor_reload (TdSalaryEditor *self)
{
  g_return_if_fail (TD_IS_SALARY_EDITOR (self));

  self->loading = TRUE;
  if (self->database != NULL)
    select_stored_rounding (self);
  load_salaries (self);
  self->loading = FALSE;
}
