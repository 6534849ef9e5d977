#define G_LOG_DOMAIN "td-application"

#include "config.h"

#include <glib/gi18n.h>

#include "td-app-resources.h"
#include "td-application.h"
#include "td-foreign-strings.h"
#include "td-window.h"

struct _TdApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  gboolean        open_sample;
};

G_DEFINE_FINAL_TYPE (TdApplication, td_application, ADW_TYPE_APPLICATION)

/* A missing schema (an odd install, a test) must not abort the program:
 * without it the window simply remembers nothing. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed: settings will not be kept.", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static TdWindow *
get_window (TdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (td_window_new (self));
  return TD_WINDOW (window);
}

static void
on_quit (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  TdApplication *self = user_data;
  /* Closing a window removes it from the application's own list. */
  GList *windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                                     (GCopyFunc) (void (*) (void)) g_object_ref, NULL);

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
  g_application_quit (G_APPLICATION (self));
}

static void
on_about (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  TdApplication *self = user_data;
  const char *developers[] = { _("The Thi Đua developers"), NULL };
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Thi Đua"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Keep the records of emulation movements and award decisions: campaigns, statistics, awards and bonus money."),
                        "developer-name", _("The Thi Đua developers"),
                        "developers", developers,
                        "copyright", "© 2026 The Thi Đua developers",
                        "license-type", GTK_LICENSE_CUSTOM,
                        "license", _("Thi Đua is free software: you can redistribute it and change it under the terms of the GNU General Public License, version 3 or any later version. It comes with absolutely no warranty."),
                        "translator-credits", _("translator-credits"),
                        NULL);
  td_translate_foreign_strings (GTK_WIDGET (about));
  gtk_window_present (about);
}

static const GActionEntry app_actions[] = {
  { "quit", on_quit },
  { "about", on_about },
};

static void
td_application_startup (GApplication *application)
{
  TdApplication *self = TD_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *new_accels[] = { "<Control><Alt>n", NULL };
  static const char *new_record_accels[] = { "<Control>n", NULL };
  static const char *export_accels[] = { "<Control>e", NULL };
  static const char *undo_accels[] = { "<Control>z", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *search_accels[] = { "<Control><Shift>f", NULL };
  static const char *redo_accels[] = { "<Control><Shift>z", "<Control>y", NULL };
  static const char *page_accels[][2] = {
    { "<Alt>1", NULL }, { "<Alt>2", NULL }, { "<Alt>3", NULL }, { "<Alt>4", NULL },
  };
  static const char *pages[] = { "campaigns", "statistics", "awards", "directory" };

  G_APPLICATION_CLASS (td_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open-database", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-database", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-record", new_record_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.export-award-list('')", export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.redo", redo_accels);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.show-page::%s", pages[i]);

      gtk_application_set_accels_for_action (GTK_APPLICATION (self), detailed, page_accels[i]);
    }

  self->settings = create_settings ();
}

/* No file given: the last one used, else the default database, created
 * on first start (DESIGN.md «Storage»). */
static void
td_application_activate (GApplication *application)
{
  TdApplication *self = TD_APPLICATION (application);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  TdWindow *window;

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  window = get_window (self);
  gtk_window_present (GTK_WINDOW (window));
  if (self->open_sample)
    td_window_open_sample (window);
  else
    td_window_open_startup_file (window);
}

static int
td_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  TdApplication *self = TD_APPLICATION (application);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("thidua %s\n", PACKAGE_VERSION);
      return 0;
    }
  self->open_sample = g_variant_dict_contains (options, "sample");
  return -1;
}

static void
td_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  TdApplication *self = TD_APPLICATION (application);
  TdWindow *window = get_window (self);
  g_autofree char *path = g_file_get_path (files[0]);

  gtk_window_present (GTK_WINDOW (window));
  if (path != NULL)
    td_window_open_path (window, path, FALSE);
}

static void
td_application_dispose (GObject *object)
{
  TdApplication *self = TD_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (td_application_parent_class)->dispose (object);
}

static void
td_application_class_init (TdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* Registered by hand (a static library drops resource constructors),
   * before startup looks for gtk/help-overlay.ui and style.css. */
  td_app_register_resource ();

  object_class->dispose = td_application_dispose;
  app_class->startup = td_application_startup;
  app_class->activate = td_application_activate;
  app_class->open = td_application_open;
  app_class->handle_local_options = td_application_handle_local_options;
}

static void
td_application_init (TdApplication *self)
{
  const GOptionEntry entries[] = {
    { "sample", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open a new copy of the sample data"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE.db]"));
}

TdApplication *
td_application_new (void)
{
  return g_object_new (TD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/thidua/ThiDua",
                       NULL);
}

GSettings *
td_application_get_settings (TdApplication *self)
{
  g_return_val_if_fail (TD_IS_APPLICATION (self), NULL);
  return self->settings;
}
