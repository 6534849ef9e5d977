#pragma once

#include <gtk/gtk.h>

#include "td-database.h"
#include "td-person-dialog.h"
#include "td-unit-dialog.h"

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
gint64      td_directory_page_get_selected_person (TdDirectoryPage *self);
gboolean    td_directory_page_select_person (TdDirectoryPage *self,
                                             gint64           person_id);
TdPersonDialog *td_directory_page_edit_person (TdDirectoryPage *self,
                                               gint64           person_id);
TdUnitDialog   *td_directory_page_edit_unit   (TdDirectoryPage *self,
                                               gint64           unit_id,
                                               gint64           parent_id);
gboolean    td_directory_page_delete_person (TdDirectoryPage  *self,
                                             gint64            person_id,
                                             GError          **error);
gboolean    td_directory_page_delete_unit   (TdDirectoryPage  *self,
                                             gint64            unit_id,
                                             GError          **error);
gboolean    td_directory_page_set_archived  (TdDirectoryPage  *self,
                                             gint64            unit_id,
                                             gboolean          archived,
                                             GError          **error);

G_END_DECLS
