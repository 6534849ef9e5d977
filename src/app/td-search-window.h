#pragma once

#include <adwaita.h>

#include "td-database.h"

G_BEGIN_DECLS

#define TD_TYPE_SEARCH_WINDOW (td_search_window_get_type ())

G_DECLARE_FINAL_TYPE (TdSearchWindow, td_search_window, TD, SEARCH_WINDOW, AdwWindow)

/* Search across everything; choosing a result emits "open" with the kind
 * («person», «unit», «campaign», «decision», «award») and the record's id. */
TdSearchWindow *td_search_window_new       (GtkWindow      *parent,
                                            TdDatabase     *database);
void            td_search_window_search    (TdSearchWindow *self,
                                            const char     *text);
GtkListBox     *td_search_window_get_results (TdSearchWindow *self);

G_END_DECLS
