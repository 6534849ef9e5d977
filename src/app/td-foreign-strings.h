#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void td_translate_foreign_strings (GtkWidget *root);

G_END_DECLS
