#pragma once

#include <adwaita.h>

#include "td-application.h"
#include "td-database.h"

G_BEGIN_DECLS

#define TD_TYPE_WINDOW (td_window_get_type ())

G_DECLARE_FINAL_TYPE (TdWindow, td_window, TD, WINDOW, AdwApplicationWindow)

TdWindow   *td_window_new               (TdApplication *application);
gboolean    td_window_open_path         (TdWindow      *self,
                                         const char    *path,
                                         gboolean       create);
void        td_window_open_startup_file (TdWindow      *self);
void        td_window_open_sample       (TdWindow      *self);
TdDatabase *td_window_get_database      (TdWindow      *self);
GtkWidget  *td_window_get_page          (TdWindow      *self,
                                         const char    *name);
const char *td_window_get_visible_page  (TdWindow      *self);
const char *td_window_get_last_export   (TdWindow      *self);
void        td_window_reload            (TdWindow      *self);
void        td_window_show_record       (TdWindow      *self,
                                         const char    *kind,
                                         gint64         ref);

G_END_DECLS
