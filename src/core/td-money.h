#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TD_ROUNDING_UP_10000,
  TD_ROUNDING_DOWN_10000,
  TD_ROUNDING_NONE,
} TdRounding;

gint64      td_money_bonus            (double       coefficient,
                                       gint64       base_salary,
                                       TdRounding   rounding);
const char *td_rounding_to_string     (TdRounding   rounding);
gboolean    td_rounding_from_string   (const char  *text,
                                       TdRounding  *rounding);

G_END_DECLS
