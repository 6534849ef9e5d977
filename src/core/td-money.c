#define G_LOG_DOMAIN "td-money"

#include "config.h"

#include <math.h>

#include "td-money.h"

/* DOMAIN.md: bonus = coefficient × base salary, then rounded «lên hàng
 * chục nghìn đồng» by default.  Coefficients have at most three decimals;
 * the product is computed in thousandths of a đồng, exactly. */
gint64
td_money_bonus (double     coefficient,
                gint64     base_salary,
                TdRounding rounding)
{
  gint64 milli_coef, milli_dong;
  const gint64 step = 10000 * 1000;

  if (coefficient <= 0 || base_salary <= 0)
    return 0;

  milli_coef = llround (coefficient * 1000.0);
  milli_dong = milli_coef * base_salary;

  switch (rounding)
    {
    case TD_ROUNDING_UP_10000:
      return (milli_dong + step - 1) / step * 10000;
    case TD_ROUNDING_DOWN_10000:
      return milli_dong / step * 10000;
    case TD_ROUNDING_NONE:
    default:
      return (milli_dong + 500) / 1000;
    }
}

const char *
td_rounding_to_string (TdRounding rounding)
{
  switch (rounding)
    {
    case TD_ROUNDING_DOWN_10000:
      return "down10000";
    case TD_ROUNDING_NONE:
      return "none";
    case TD_ROUNDING_UP_10000:
    default:
      return "up10000";
    }
}

gboolean
td_rounding_from_string (const char *text,
                         TdRounding *rounding)
{
  if (g_strcmp0 (text, "up10000") == 0)
    *rounding = TD_ROUNDING_UP_10000;
  else if (g_strcmp0 (text, "down10000") == 0)
    *rounding = TD_ROUNDING_DOWN_10000;
  else if (g_strcmp0 (text, "none") == 0)
    *rounding = TD_ROUNDING_NONE;
  else
    return FALSE;
  return TRUE;
}
