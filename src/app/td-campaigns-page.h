#pragma once

#include <gtk/gtk.h>

#include "td-database.h"

G_BEGIN_DECLS

#define TD_TYPE_CAMPAIGNS_PAGE (td_campaigns_page_get_type ())

G_DECLARE_FINAL_TYPE (TdCampaignsPage, td_campaigns_page, TD, CAMPAIGNS_PAGE, GtkWidget)

void   td_campaigns_page_set_database     (TdCampaignsPage *self,
                                           TdDatabase      *database);
guint  td_campaigns_page_get_n_campaigns  (TdCampaignsPage *self);
guint  td_campaigns_page_get_n_indicators (TdCampaignsPage *self);
void   td_campaigns_page_select           (TdCampaignsPage *self,
                                           guint            position);
gboolean td_campaigns_page_select_campaign (TdCampaignsPage *self,
                                           gint64           campaign_id);

G_END_DECLS
