#include "config.h"

#include <glib/gi18n.h>

#include "td-date.h"
#include "td-page-util.h"

GtkWindow *
td_page_get_window (GtkWidget *page)
{
  GtkRoot *root = gtk_widget_get_root (page);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* A toast in the window's overlay, with Undo when @undoable; the overlay
 * owns it (NULL when the page is not in a window). */
AdwToast *
td_page_toast (GtkWidget  *page,
               const char *text,
               gboolean    undoable)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (page, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return NULL;
  toast = adw_toast_new (text);
  if (undoable)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return toast;
}

/* Whether the pages may offer to change records: not without a file, nor
 * in one opened read-only (the stores would refuse the change anyway). */
gboolean
td_page_can_write (TdDatabase *database)
{
  return database != NULL && !td_database_get_read_only (database);
}

void
td_page_show_error (GtkWidget  *page,
                    const char *heading,
                    const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (td_page_get_window (page), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_day_selected (GtkCalendar *calendar,
                 AdwEntryRow *row)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%d/%m/%Y");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

/* The calendar opens on the date typed, if it is one. */
static void
on_calendar_shown (GtkPopover  *popover,
                   AdwEntryRow *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  g_autofree char *iso = NULL;
  GDate date;

  if (td_date_parse_display (gtk_editable_get_text (GTK_EDITABLE (row)), &iso) &&
      td_date_parse_iso (iso, &date))
    {
      g_autoptr(GDateTime) shown = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                                          g_date_get_day (&date), 0, 0, 0);

      gtk_calendar_select_day (calendar, shown);
    }
}

/* Dates are typed dd/mm/yyyy, or picked in a calendar that pops up from a
 * button at the end of @row. */
void
td_date_row_add_calendar (AdwEntryRow *row)
{
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *button = gtk_menu_button_new ();

  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Pick the date in a calendar"));
  adw_entry_row_add_suffix (row, button);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_day_selected), row);
  g_signal_connect (popover, "show", G_CALLBACK (on_calendar_shown), row);
}
