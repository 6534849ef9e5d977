#pragma once

#include <adwaita.h>

#include "td-database.h"

G_BEGIN_DECLS

#define TD_TYPE_CAMPAIGN_DIALOG (td_campaign_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TdCampaignDialog, td_campaign_dialog, TD, CAMPAIGN_DIALOG, AdwWindow)

/* A new campaign (@campaign_id 0) or the fields of one.  Emits "saved"
 * with the campaign's id. */
TdCampaignDialog *td_campaign_dialog_new       (GtkWindow        *parent,
                                                TdDatabase       *database,
                                                gint64            campaign_id);
gboolean          td_campaign_dialog_save      (TdCampaignDialog *self);
void              td_campaign_dialog_set_field (TdCampaignDialog *self,
                                                const char       *field,
                                                const char       *text);
/* The message shown on @field, NULL when it has none. */
const char       *td_campaign_dialog_get_field_message (TdCampaignDialog *self,
                                                        const char       *field);

G_END_DECLS
