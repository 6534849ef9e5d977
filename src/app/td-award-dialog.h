#pragma once

#include <adwaita.h>

#include "td-database.h"

G_BEGIN_DECLS

#define TD_TYPE_AWARD_DIALOG (td_award_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TdAwardDialog, td_award_dialog, TD, AWARD_DIALOG, AdwWindow)

/* Adds a line to the draft @decision_id (@award_id 0) or edits one.
 * Emits "saved" with the line's id once the store took it. */
TdAwardDialog *td_award_dialog_new             (GtkWindow     *parent,
                                                TdDatabase    *database,
                                                gint64         decision_id,
                                                gint64         award_id);
gboolean       td_award_dialog_save            (TdAwardDialog *self);
GtkListBox    *td_award_dialog_get_results     (TdAwardDialog *self);
GtkEditable   *td_award_dialog_get_search      (TdAwardDialog *self);
void           td_award_dialog_set_achievement (TdAwardDialog *self,
                                                const char    *text);
gboolean       td_award_dialog_select_form     (TdAwardDialog *self,
                                                const char    *code);
void           td_award_dialog_set_amount      (TdAwardDialog *self,
                                                const char    *text);
gint64         td_award_dialog_get_computed    (TdAwardDialog *self);

G_END_DECLS
