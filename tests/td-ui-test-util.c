#define G_LOG_DOMAIN "td-ui-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "td-locale.h"
#include "td-test-util.h"
#include "td-ui-test-util.h"

#include <adwaita.h>

/* Spins the main loop until @condition holds, for at most five seconds:
 * no test sleeps for a fixed time. */
gboolean
td_ui_spin_until (TdCondition condition,
                  gpointer    data)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

/* Lets the window lay out and draw what changed. */
void
td_ui_settle (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 5;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

void
td_ui_save_screenshot (GtkWidget  *widget,
                       const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *folder = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_autofree char *file = NULL;
  GskRenderer *renderer;
  int width, height;

  /* A window just presented is drawn once it is mapped. */
  g_assert_true (td_ui_spin_until ((TdCondition) gtk_widget_get_mapped, widget));
  td_ui_settle ();
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_mkdir_with_parents (folder, 0755);
  file = g_build_filename (folder, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("screenshot: %s", file);
}

/* The window in Vietnamese, from the build folder's catalogue, with a
 * data folder of its own and no animations. */
void
td_ui_init (int    *argc,
            char ***argv)
{
  g_autofree char *data_home = NULL;

  td_test_init (argc, argv);
  g_setenv ("LANGUAGE", "vi", TRUE);
  td_locale_init ();
  data_home = td_test_tmp_path ("data-home");
  g_mkdir_with_parents (data_home, 0700);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

GtkWindow *
td_ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

gboolean
td_ui_toplevel_shown (gpointer type)
{
  GtkWindow *window = td_ui_find_toplevel (GPOINTER_TO_SIZE (type));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

/* The English source strings that po/vi.po translates differently. */
static GHashTable *
english_strings (void)
{
  static GHashTable *strings;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GString *msgid = NULL;
  GString *msgstr = NULL;
  GString *current = NULL;

  if (strings != NULL)
    return strings;
  strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "po", "vi.po", NULL);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  msgid = g_string_new (NULL);
  msgstr = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *quote = strchr (line, '"');
      g_autofree char *text = NULL;

      if (g_str_has_prefix (line, "msgid \""))
        {
          if (msgid->len > 0 && msgstr->len > 0 && !g_str_equal (msgid->str, msgstr->str))
            g_hash_table_add (strings, g_strdup (msgid->str));
          g_string_truncate (msgid, 0);
          g_string_truncate (msgstr, 0);
          current = msgid;
        }
      else if (g_str_has_prefix (line, "msgstr"))
        current = msgstr;
      else if (g_str_has_prefix (line, "msgid_plural"))
        current = NULL;
      else if (line[0] != '"')
        continue;
      if (current == NULL || quote == NULL)
        continue;
      text = g_strndup (quote + 1, strlen (quote + 1) - 1);
      {
        g_autofree char *unescaped = g_strcompress (text);

        g_string_append (current, unescaped);
      }
    }
  if (msgid->len > 0 && msgstr->len > 0 && !g_str_equal (msgid->str, msgstr->str))
    g_hash_table_add (strings, g_strdup (msgid->str));
  g_string_free (msgid, TRUE);
  g_string_free (msgstr, TRUE);
  return strings;
}

static void
check_text (GPtrArray  *found,
            const char *text,
            GtkWidget  *widget)
{
  GHashTable *english = english_strings ();
  g_autoptr(GString) plain = NULL;

  /* Keycaps («N», «F10») and option placeholders («N», «ID») look alike. */
  if (text == NULL || strlen (text) <= 2)
    return;
  /* Mnemonics are shown without their underscore. */
  plain = g_string_new (NULL);
  for (const char *p = text; *p; p++)
    if (*p != '_')
      g_string_append_c (plain, *p);
  if (g_hash_table_contains (english, text) || g_hash_table_contains (english, plain->str))
    g_ptr_array_add (found, g_strdup_printf ("%s: «%s»", G_OBJECT_TYPE_NAME (widget), text));
}

static void
collect_untranslated (GtkWidget *widget,
                      GPtrArray *found)
{
  /* What the user cannot see does not count; keycaps are keys, not words. */
  if (!gtk_widget_get_visible (widget) || g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkShortcutLabel"))
    return;
  check_text (found, gtk_widget_get_tooltip_text (widget), widget);
  if (GTK_IS_LABEL (widget))
    check_text (found, gtk_label_get_label (GTK_LABEL (widget)), widget);
  if (GTK_IS_BUTTON (widget))
    check_text (found, gtk_button_get_label (GTK_BUTTON (widget)), widget);
  if (ADW_IS_PREFERENCES_ROW (widget))
    check_text (found, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), widget);
  if (ADW_IS_ACTION_ROW (widget))
    check_text (found, adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), widget);
  if (ADW_IS_WINDOW_TITLE (widget))
    {
      check_text (found, adw_window_title_get_title (ADW_WINDOW_TITLE (widget)), widget);
      check_text (found, adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)), widget);
    }
  if (ADW_IS_STATUS_PAGE (widget))
    {
      check_text (found, adw_status_page_get_title (ADW_STATUS_PAGE (widget)), widget);
      check_text (found, adw_status_page_get_description (ADW_STATUS_PAGE (widget)), widget);
    }
  if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      check_text (found, adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), widget);
      check_text (found, adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (widget)), widget);
    }
  if (GTK_IS_ENTRY (widget))
    check_text (found, gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), widget);
  if (GTK_IS_SEARCH_ENTRY (widget))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      check_text (found, placeholder, widget);
    }
  if (GTK_IS_WINDOW (widget))
    check_text (found, gtk_window_get_title (GTK_WINDOW (widget)), widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_untranslated (child, found);
}

/* Under LANGUAGE=vi, no text of ours is left in English anywhere in
 * @root: labels, buttons, rows, titles, placeholders, tooltips. */
void
td_ui_assert_translated (GtkWidget  *root,
                         const char *where)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  collect_untranslated (root, found);
  for (guint i = 0; i < found->len; i++)
    g_test_message ("%s: untranslated %s", where, (const char *) g_ptr_array_index (found, i));
  g_assert_cmpuint (found->len, ==, 0);
}
