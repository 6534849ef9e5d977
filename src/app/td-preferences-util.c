#define G_LOG_DOMAIN "td-preferences-util"

#include "config.h"

#include <glib/gi18n.h>

#include "td-date.h"
#include "td-decision-store.h"
#include "td-error.h"
#include "td-format.h"
#include "td-preferences-util.h"

char *
td_preferences_format_money (gint64 amount)
{
  /* Translators: the thousands separator of amounts of money
   * (Vietnamese: «.», as in 18.720.000). */
  return td_format_thousands (amount, C_("money", ","));
}

char *
td_preferences_format_coefficient (double value)
{
  /* Translators: the thousands separator and the decimal point of
   * numbers shown in tables (Vietnamese: «.» and «,»). */
  return td_format_number (value, C_("number", ","), C_("number", "."));
}

char *
td_preferences_strip_text (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/* Typed dates: «1/7/2025» or «01/07/2025» as offices write them («.» and
 * «-» also do, td_date_parse_display), from 1945 to 2200, or ISO. */
gboolean
td_preferences_parse_date (const char  *text,
                           char       **iso,
                           GError     **error)
{
  g_autofree char *trimmed = td_preferences_strip_text (text);
  g_autofree char *parsed = NULL;

  g_return_val_if_fail (iso != NULL, FALSE);

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
  if (td_date_parse_display (trimmed, &parsed))
    {
      guint64 year = g_ascii_strtoull (parsed, NULL, 10);

      if (year >= 1945 && year <= 2200)
        {
          *iso = g_steal_pointer (&parsed);
          return TRUE;
        }
    }

  td_set_field_error (error, TD_FIELD_ERROR_FORMAT, "effective_from",
                      _("“%s” is not a date. Type the day, month and year, such as 01/07/2025."),
                      trimmed);
  return FALSE;
}

/* A message on the field it is about (STYLE.md «UI»): the field turns red,
 * an icon at its start and the field itself carry the message as their
 * tooltip.  NULL @message clears it. */
void
td_preferences_set_field_message (GtkWidget  *field,
                                  const char *message)
{
  GtkWidget *fixed_icon;
  GtkWidget *icon;

  g_return_if_fail (GTK_IS_WIDGET (field));

  fixed_icon = g_object_get_data (G_OBJECT (field), "td-message-icon");
  icon = g_object_get_data (G_OBJECT (field), "td-added-icon");
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
void
td_preferences_reset_apply_button (AdwEntryRow *row)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  adw_entry_row_set_show_apply_button (row, FALSE);
  adw_entry_row_set_show_apply_button (row, TRUE);
}

/* Every change is one transaction, begun with td_database_begin(), so one
 * step of Undo.  A change of the rounding, the base salaries or the
 * catalogue (@recompute) recomputes the drafts in that same step (issued
 * decisions keep their amounts).  A draft that cannot follow (a form
 * without a coefficient on its date…) does not refuse the change:
 * *@draft_warning says why. */
gboolean
td_preferences_end_change (TdDatabase  *database,
                           gboolean     written,
                           gboolean     recompute,
                           char       **draft_warning,
                           GError     **error)
{
  g_autoptr(GError) draft_error = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (database), FALSE);

  if (!written)
    {
      td_database_rollback (database);
      return FALSE;
    }
  if (recompute)
    td_decision_store_recompute_drafts (database, &draft_error);
  if (!td_database_commit (database, error))
    {
      td_database_rollback (database);
      return FALSE;
    }

  if (draft_error != NULL && draft_warning != NULL)
    /* Translators: after a change of the catalogue or the base salaries. */
    *draft_warning = g_strdup_printf (_("Some draft decisions could not be recomputed: %s"),
                                      draft_error->message);
  return TRUE;
}
