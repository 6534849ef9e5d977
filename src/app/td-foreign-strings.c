#define G_LOG_DOMAIN "td-foreign-strings"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "td-foreign-strings.h"

/* The Vietnamese catalogues of libadwaita 1.2 and GTK 4.8 as distributions
 * ship them miss the strings of the about and shortcuts windows («Details»,
 * «Credits», «Legal», «Shortcuts»…).  Where a string is still English in its
 * own domain, this puts ours in its place, so the whole window reads
 * Vietnamese.  Strings the libraries do translate are left alone. */
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
};

static const char *
replacement (const char *text)
{
  if (text == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (foreign); i++)
    if (g_str_equal (text, foreign[i]))
      {
        const char *ours = _(foreign[i]);

        if (g_str_equal (g_dgettext ("libadwaita", foreign[i]), foreign[i]) &&
            g_str_equal (g_dgettext ("gtk40", foreign[i]), foreign[i]) &&
            !g_str_equal (ours, foreign[i]))
          return ours;
        return NULL;
      }
  return NULL;
}

void
td_translate_foreign_strings (GtkWidget *root)
{
  const char *ours;

  g_return_if_fail (GTK_IS_WIDGET (root));

  if (ADW_IS_PREFERENCES_ROW (root) &&
      (ours = replacement (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)))))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (root), ours);
  else if (ADW_IS_WINDOW_TITLE (root) &&
           (ours = replacement (adw_window_title_get_title (ADW_WINDOW_TITLE (root)))))
    adw_window_title_set_title (ADW_WINDOW_TITLE (root), ours);
  else if (GTK_IS_LABEL (root) && !gtk_label_get_use_markup (GTK_LABEL (root)) &&
           (ours = replacement (gtk_label_get_label (GTK_LABEL (root)))))
    gtk_label_set_label (GTK_LABEL (root), ours);
  else if (GTK_IS_WINDOW (root) &&
           (ours = replacement (gtk_window_get_title (GTK_WINDOW (root)))))
    gtk_window_set_title (GTK_WINDOW (root), ours);
  else if (ADW_IS_PREFERENCES_PAGE (root) &&
           (ours = replacement (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (root)))))
    adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (root), ours);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    td_translate_foreign_strings (child);
}
