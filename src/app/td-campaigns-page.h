#pragma once

#include <adwaita.h>

#include "td-campaign-dialog.h"
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
gint64   td_campaigns_page_get_campaign_id (TdCampaignsPage *self);

TdCampaignDialog *td_campaigns_page_edit_campaign   (TdCampaignsPage  *self,
                                                     gboolean          new);
gboolean          td_campaigns_page_delete_campaign (TdCampaignsPage  *self,
                                                     gboolean          force,
                                                     GError          **error);

AdwMessageDialog *td_campaigns_page_edit_indicator   (TdCampaignsPage  *self,
                                                      gint64            indicator_id);
gboolean          td_campaigns_page_add_indicator    (TdCampaignsPage  *self,
                                                      const char       *name,
                                                      const char       *measure,
                                                      GError          **error);
gboolean          td_campaigns_page_update_indicator (TdCampaignsPage  *self,
                                                      gint64            indicator_id,
                                                      const char       *name,
                                                      const char       *measure,
                                                      GError          **error);
gboolean          td_campaigns_page_move_indicator   (TdCampaignsPage  *self,
                                                      gint64            indicator_id,
                                                      int               delta,
                                                      GError          **error);
gboolean          td_campaigns_page_delete_indicator (TdCampaignsPage  *self,
                                                      gint64            indicator_id,
                                                      gboolean          force,
                                                      GError          **error);

G_END_DECLS
