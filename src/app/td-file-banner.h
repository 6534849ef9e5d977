#pragma once

#include <adwaita.h>

#include "td-database.h"

G_BEGIN_DECLS

#define TD_TYPE_FILE_BANNER (td_file_banner_get_type ())

G_DECLARE_FINAL_TYPE (TdFileBanner, td_file_banner, TD, FILE_BANNER, GtkWidget)

/* The bands above the pages that say what is unsafe or limited about the
 * open file: read-only (@asked: the user chose it, the file being in use
 * elsewhere), on a network folder.  libadwaita 1.2 has no AdwBanner. */
void      td_file_banner_set_database         (TdFileBanner *self,
                                               TdDatabase   *database,
                                               gboolean      asked);
gboolean  td_file_banner_shows_read_only      (TdFileBanner *self);
gboolean  td_file_banner_shows_network        (TdFileBanner *self);

G_END_DECLS
