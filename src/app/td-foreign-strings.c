#define G_LOG_DOMAIN "td-foreign-strings"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "td-foreign-strings.h"

/* The Vietnamese catalogues of libadwaita 1.2 and GTK 4.8 as distributions
 * ship them miss the strings of the about and shortcuts windows («Details»,
 * «Credits», «Legal», «Shortcuts»…).  Where a window still shows one in
 * English, this puts ours in its place, so the whole window reads
 * Vietnamese. */
static const char *const foreign[] = {
  N_("About"),
  N_("Details"),
  N_("_Details"),
  N_("_Credits"),
  N_("_Legal"),
  N_("_Acknowledgements"),
  N_("_Website"),
  N_("_Report an Issue"),
  N_("_Support Questions"),
  N_("_Troubleshooting"),
  N_("Troubleshooting"),
  N_("Credits"),
  N_("Legal"),
  N_("Acknowledgements"),
  N_("Code by"),
  N_("Translated by"),
  N_("Website"),
  N_("Report an Issue"),
  N_("Support Questions"),
  N_("Back"),
  N_("Copyright"),
  N_("Search Results"),
  N_("Search Shortcuts"),
  N_("Try a different search"),
  N_("Shortcuts"),
  N_("Apply"),
};

/* A text shown in English is one its library did not translate: ours
 * takes its place. */
static const char *
replacement (const char *text)
{
  if (text == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (foreign); i++)
    if (g_str_equal (text, foreign[i]))
      {
        const char *ours = _(foreign[i]);

        return g_str_equal (ours, foreign[i]) ? NULL : ours;
      }
  return NULL;
}

void
td_translate_foreign_strings (GtkWidget *root)
{
  const char *ours;

  g_return_if_fail (GTK_IS_WIDGET (root));

  if ((ours = replacement (gtk_widget_get_tooltip_text (root))))
    gtk_widget_set_tooltip_text (root, ours);
  if (ADW_IS_PREFERENCES_ROW (root) &&
      (ours = replacement (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)))))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (root), ours);
  if (ADW_IS_PREFERENCES_GROUP (root) &&
      (ours = replacement (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root)))))
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (root), ours);
  if (ADW_IS_WINDOW_TITLE (root) &&
      (ours = replacement (adw_window_title_get_title (ADW_WINDOW_TITLE (root)))))
    adw_window_title_set_title (ADW_WINDOW_TITLE (root), ours);
  if (GTK_IS_LABEL (root) && !gtk_label_get_use_markup (GTK_LABEL (root)) &&
      (ours = replacement (gtk_label_get_label (GTK_LABEL (root)))))
    gtk_label_set_label (GTK_LABEL (root), ours);
  if (GTK_IS_BUTTON (root) && (ours = replacement (gtk_button_get_label (GTK_BUTTON (root)))))
    gtk_button_set_label (GTK_BUTTON (root), ours);
  if (GTK_IS_WINDOW (root) && (ours = replacement (gtk_window_get_title (GTK_WINDOW (root)))))
    gtk_window_set_title (GTK_WINDOW (root), ours);
  if (ADW_IS_PREFERENCES_PAGE (root) &&
      (ours = replacement (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (root)))))
    adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (root), ours);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    td_translate_foreign_strings (child);
}
