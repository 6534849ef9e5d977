#pragma once

#include "td-window.h"

G_BEGIN_DECLS

/* What td-window.c shares with td-window-safety.c (opening read-only,
 * backups, the history of a record). */

gboolean td_window_open_with_flags          (TdWindow            *self,
                                             const char          *path,
                                             TdDatabaseOpenFlags  flags);
void     td_window_add_toast                (TdWindow            *self,
                                             AdwToast            *toast);

/* td-window-safety.c */
void     td_window_class_add_safety_actions (GtkWidgetClass      *widget_class);
void     td_window_add_safety_accels        (TdWindow            *self);
void     td_window_update_safety_actions    (TdWindow            *self);
void     td_window_offer_read_only          (TdWindow            *self,
                                             const char          *path,
                                             const char          *message);

G_END_DECLS
