#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean td_xlsx_verify (const char  *path,
                         const guint *rows_per_sheet,
                         guint        n_sheets);

G_END_DECLS
