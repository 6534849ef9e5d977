#define G_LOG_DOMAIN "td-ui-test"

#include "config.h"

#include <glib/gstdio.h>

#include "td-locale.h"
#include "td-test-util.h"
#include "td-ui-test-util.h"

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
