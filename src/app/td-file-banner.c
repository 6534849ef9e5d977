#define G_LOG_DOMAIN "td-file-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "td-file-banner.h"

struct _TdFileBanner
{
  GtkWidget    parent_instance;

  GtkRevealer *read_only_revealer;
  GtkLabel    *read_only_reason;
  GtkButton   *reopen_button;
  GtkRevealer *network_revealer;
};

G_DEFINE_FINAL_TYPE (TdFileBanner, td_file_banner, GTK_TYPE_WIDGET)

static void
td_file_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TD_TYPE_FILE_BANNER);

  G_OBJECT_CLASS (td_file_banner_parent_class)->dispose (object);
}

static void
td_file_banner_class_init (TdFileBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_file_banner_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/td-file-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, TdFileBanner, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, TdFileBanner, read_only_reason);
  gtk_widget_class_bind_template_child (widget_class, TdFileBanner, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, TdFileBanner, network_revealer);
}

static void
td_file_banner_init (TdFileBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

void
td_file_banner_set_database (TdFileBanner *self,
                             TdDatabase   *database,
                             gboolean      asked)
{
  gboolean read_only;

  g_return_if_fail (TD_IS_FILE_BANNER (self));
  g_return_if_fail (database == NULL || TD_IS_DATABASE (database));

  read_only = database != NULL && td_database_get_read_only (database);
  if (read_only && asked)
    gtk_label_set_text (self->read_only_reason,
                        _("It is open for writing in another Thi Đua. Reopen it once it is closed there."));
  else if (read_only)
    gtk_label_set_text (self->read_only_reason,
                        _("The file or its folder may not be written to. To change it, copy it to a folder of your own."));
  /* Reopening for writing helps only when the other writer is gone. */
  gtk_widget_set_visible (GTK_WIDGET (self->reopen_button), read_only && asked);
  if (read_only && asked)
    {
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->reopen_button),
                                              g_variant_new_string (td_database_get_path (database)));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->reopen_button), "win.open-file");
    }
  else
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->reopen_button), NULL);
  gtk_revealer_set_reveal_child (self->read_only_revealer, read_only);
  gtk_revealer_set_reveal_child (self->network_revealer,
                                 database != NULL && td_database_get_network (database));
}

gboolean
td_file_banner_shows_read_only (TdFileBanner *self)
{
  g_return_val_if_fail (TD_IS_FILE_BANNER (self), FALSE);
  return gtk_revealer_get_reveal_child (self->read_only_revealer);
}

gboolean
td_file_banner_shows_network (TdFileBanner *self)
{
  g_return_val_if_fail (TD_IS_FILE_BANNER (self), FALSE);
  return gtk_revealer_get_reveal_child (self->network_revealer);
}
