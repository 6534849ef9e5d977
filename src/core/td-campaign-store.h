#pragma once

#include "td-database.h"
#include "td-records.h"

G_BEGIN_DECLS

gboolean    td_campaign_store_insert           (TdDatabase        *db,
                                                TdCampaign        *campaign,
                                                GError           **error);
gboolean    td_campaign_store_update           (TdDatabase        *db,
                                                const TdCampaign  *campaign,
                                                GError           **error);
/* Refused while decisions refer to the campaign; its indicators and their
 * values go with it only when @force (one transaction). */
gboolean    td_campaign_store_delete           (TdDatabase        *db,
                                                gint64             id,
                                                gboolean           force,
                                                GError           **error);
TdCampaign *td_campaign_store_get              (TdDatabase        *db,
                                                gint64             id,
                                                GError           **error);
GPtrArray  *td_campaign_store_list             (TdDatabase        *db,
                                                const char        *search,
                                                GError           **error);

gboolean     td_campaign_store_insert_indicator (TdDatabase        *db,
                                                 TdIndicator       *indicator,
                                                 GError           **error);
gboolean     td_campaign_store_update_indicator (TdDatabase        *db,
                                                 const TdIndicator *indicator,
                                                 GError           **error);
/* Refused when values exist, unless @force. */
gboolean     td_campaign_store_delete_indicator (TdDatabase        *db,
                                                 gint64             id,
                                                 gboolean           force,
                                                 GError           **error);
TdIndicator *td_campaign_store_get_indicator    (TdDatabase        *db,
                                                 gint64             id,
                                                 GError           **error);
/* campaign_id 0: indicators of every campaign. Order: campaign, sort_order. */
GPtrArray   *td_campaign_store_list_indicators  (TdDatabase        *db,
                                                 gint64             campaign_id,
                                                 GError           **error);

/* Insert or replace the value of (indicator, unit, year). */
gboolean     td_campaign_store_set_value        (TdDatabase             *db,
                                                 const TdIndicatorValue *value,
                                                 GError                **error);
gboolean     td_campaign_store_clear_value      (TdDatabase             *db,
                                                 gint64                  indicator_id,
                                                 gint64                  unit_id,
                                                 int                     year,
                                                 GError                **error);
/* Values of the campaign's indicators for one year (year 0: every year). */
GPtrArray   *td_campaign_store_list_values      (TdDatabase             *db,
                                                 gint64                  campaign_id,
                                                 int                     year,
                                                 GError                **error);
/* Sum of an indicator over all units for a year. */
double       td_campaign_store_total            (TdDatabase             *db,
                                                 gint64                  indicator_id,
                                                 int                     year,
                                                 GError                **error);

G_END_DECLS
