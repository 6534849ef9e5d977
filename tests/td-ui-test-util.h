#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*TdCondition) (gpointer data);

gboolean td_ui_spin_until       (TdCondition  condition,
                                 gpointer     data);
void     td_ui_settle           (void);
void     td_ui_save_screenshot  (GtkWidget   *widget,
                                 const char  *name);
void     td_ui_init             (int         *argc,
                                 char      ***argv);
GtkWindow *td_ui_find_toplevel  (GType        type);
gboolean td_ui_toplevel_shown   (gpointer     type);
void     td_ui_assert_translated (GtkWidget  *root,
                                  const char *where);

G_END_DECLS
