#pragma once

#include <adwaita.h>

#include "td-database.h"

G_BEGIN_DECLS

/* What the pages and dialogs of the window share: their window, toasts,
 * error dialogs, date rows. */
GtkWindow *td_page_get_window (GtkWidget  *page);
AdwToast  *td_page_toast      (GtkWidget  *page,
                               const char *text,
                               gboolean    undoable);
void       td_page_show_error (GtkWidget  *page,
                               const char *heading,
                               const char *message);
void       td_date_row_add_calendar (AdwEntryRow *row);
gboolean   td_page_can_write  (TdDatabase *database);

G_END_DECLS
