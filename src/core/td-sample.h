#pragma once

#include "td-database.h"

G_BEGIN_DECLS

gboolean td_sample_load (TdDatabase  *db,
                         GError     **error);

G_END_DECLS
