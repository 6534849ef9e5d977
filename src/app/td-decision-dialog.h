#pragma once

#include <adwaita.h>

#include "td-database.h"

G_BEGIN_DECLS

#define TD_TYPE_DECISION_DIALOG (td_decision_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TdDecisionDialog, td_decision_dialog, TD, DECISION_DIALOG, AdwWindow)

/* A new draft decision (@decision_id 0) or the fields of one.  Emits
 * "saved" with the decision's id. */
TdDecisionDialog *td_decision_dialog_new       (GtkWindow        *parent,
                                                TdDatabase       *database,
                                                gint64            decision_id);
gboolean          td_decision_dialog_save      (TdDecisionDialog *self);
void              td_decision_dialog_set_field (TdDecisionDialog *self,
                                                const char       *field,
                                                const char       *text);
void              td_decision_dialog_select_campaign (TdDecisionDialog *self,
                                                      gint64            campaign_id);

G_END_DECLS
