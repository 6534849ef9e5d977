#pragma once

#include <gtk/gtk.h>

#include "td-database.h"

G_BEGIN_DECLS

#define TD_TYPE_DIRECTORY_PAGE (td_directory_page_get_type ())

G_DECLARE_FINAL_TYPE (TdDirectoryPage, td_directory_page, TD, DIRECTORY_PAGE, GtkWidget)

void        td_directory_page_set_database (TdDirectoryPage *self,
                                            TdDatabase      *database);
GListModel *td_directory_page_get_units    (TdDirectoryPage *self);
GListModel *td_directory_page_get_people   (TdDirectoryPage *self);
void        td_directory_page_set_search   (TdDirectoryPage *self,
                                            const char      *text);
gboolean    td_directory_page_select_unit  (TdDirectoryPage *self,
                                            gint64           unit_id);
gint64      td_directory_page_get_selected_unit (TdDirectoryPage *self);

G_END_DECLS
