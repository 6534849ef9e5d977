#pragma once

#include <gtk/gtk.h>

#include "td-award-dialog.h"
#include "td-database.h"
#include "td-decision-dialog.h"

G_BEGIN_DECLS

#define TD_TYPE_AWARDS_PAGE (td_awards_page_get_type ())

G_DECLARE_FINAL_TYPE (TdAwardsPage, td_awards_page, TD, AWARDS_PAGE, GtkWidget)

/* A row of the award lines table: a section heading, a line, a subtotal
 * or the total.  Exposed so the view state can be tested. */
typedef enum
{
  TD_AWARD_ROW_SECTION,
  TD_AWARD_ROW_LINE,
  TD_AWARD_ROW_SUBTOTAL,
  TD_AWARD_ROW_TOTAL,
} TdAwardRowKind;

typedef struct
{
  TdAwardRowKind  kind;
  gint64          award_id;
  char           *number;
  char           *name;
  char           *detail;
  char           *form;
  char           *achievement;
  gint64          amount;
  gboolean        overridden;
  char           *warnings;      /* NULL when none */
} TdAwardRow;

void              td_awards_page_set_database     (TdAwardsPage *self,
                                                   TdDatabase   *database);
guint             td_awards_page_get_n_decisions  (TdAwardsPage *self);
void              td_awards_page_select           (TdAwardsPage *self,
                                                   guint         position);
gboolean          td_awards_page_select_decision  (TdAwardsPage *self,
                                                   gint64        decision_id);
gint64            td_awards_page_get_decision_id  (TdAwardsPage *self);
void              td_awards_page_select_line      (TdAwardsPage *self,
                                                   gint64        award_id);
gint64            td_awards_page_get_selected_line (TdAwardsPage *self);
GListModel       *td_awards_page_get_rows         (TdAwardsPage *self);
char             *td_awards_page_get_export_name  (TdAwardsPage *self);
const char       *td_awards_page_get_words        (TdAwardsPage *self);

/* What the buttons and dialogs do, callable as they call it. */
TdDecisionDialog *td_awards_page_edit_decision    (TdAwardsPage *self,
                                                   gboolean      new_one);
TdAwardDialog    *td_awards_page_edit_line        (TdAwardsPage *self,
                                                   gint64        award_id);
gboolean          td_awards_page_issue            (TdAwardsPage *self,
                                                   const char   *number,
                                                   const char   *date,
                                                   GError      **error);
gboolean          td_awards_page_reopen           (TdAwardsPage *self,
                                                   GError      **error);
gboolean          td_awards_page_paste_text       (TdAwardsPage *self,
                                                   const char   *text,
                                                   gboolean      create_missing,
                                                   guint        *added,
                                                   GError      **error);
gboolean          td_awards_page_delete_line      (TdAwardsPage *self,
                                                   gint64        award_id,
                                                   GError      **error);

G_END_DECLS
