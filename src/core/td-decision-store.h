#pragma once

#include "td-database.h"
#include "td-records.h"

G_BEGIN_DECLS

/* Award decisions and their lines.  A decision with a number is issued
 * and locked: its fields and lines change only after td_decision_store_reopen(). */

gboolean    td_decision_store_insert   (TdDatabase        *db,
                                        TdDecision        *decision,
                                        GError           **error);
gboolean    td_decision_store_update   (TdDatabase        *db,
                                        const TdDecision  *decision,
                                        GError           **error);
/* Deletes a draft with its lines (one transaction); an issued one is refused. */
gboolean    td_decision_store_delete   (TdDatabase        *db,
                                        gint64             id,
                                        GError           **error);
TdDecision *td_decision_store_get      (TdDatabase        *db,
                                        gint64             id,
                                        GError           **error);
/* Newest first; filled with counts and totals.  campaign_id/year 0: all. */
GPtrArray  *td_decision_store_list     (TdDatabase        *db,
                                        const char        *search,
                                        gint64             campaign_id,
                                        int                year,
                                        GError           **error);
/* By number; an error when none or several have it. */
TdDecision *td_decision_store_find_by_number (TdDatabase  *db,
                                              const char  *number,
                                              GError     **error);
/* Sets the number and date, freezes every line's recipient_name and
 * recipient_detail from the live records. */
gboolean    td_decision_store_issue    (TdDatabase        *db,
                                        gint64             id,
                                        const char        *number,
                                        const char        *date,
                                        GError           **error);
/* Back to a draft: number and frozen texts cleared. */
gboolean    td_decision_store_reopen   (TdDatabase        *db,
                                        gint64             id,
                                        GError           **error);

/* Lines.  On insert and update the amount is computed unless
 * amount_overridden; sort_order 0 on insert appends. */
gboolean    td_decision_store_insert_award (TdDatabase     *db,
                                            TdAward        *award,
                                            GError        **error);
gboolean    td_decision_store_update_award (TdDatabase     *db,
                                            const TdAward  *award,
                                            GError        **error);
gboolean    td_decision_store_delete_award (TdDatabase     *db,
                                            gint64          id,
                                            GError        **error);
TdAward    *td_decision_store_get_award    (TdDatabase     *db,
                                            gint64          id,
                                            GError        **error);
/* The decision's lines in its own order (sort_order, id). */
GPtrArray  *td_decision_store_list_awards  (TdDatabase     *db,
                                            gint64          decision_id,
                                            GError        **error);
/* Takes the award; FALSE (with @error set) stops the walk. */
typedef gboolean (*TdAwardFunc) (TdAward   *award,
                                 gpointer   user_data,
                                 GError   **error);

gboolean    td_decision_store_foreach_award (TdDatabase  *db,
                                             gint64       decision_id,
                                             TdAwardFunc  func,
                                             gpointer     user_data,
                                             GError     **error);
/* Recomputes every line that is not overridden (after a change of date,
 * catalogue or rounding).  One transaction.  An issued decision is refused
 * (TD_FIELD_ERROR_LOCKED). */
gboolean    td_decision_store_recompute    (TdDatabase     *db,
                                            gint64          decision_id,
                                            GError        **error);

gboolean    td_decision_store_recompute_drafts (TdDatabase  *db,
                                                GError     **error);

G_END_DECLS
