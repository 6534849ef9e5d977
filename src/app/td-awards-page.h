#pragma once

#include <gtk/gtk.h>

#include "td-database.h"

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
  char           *number;
  char           *name;
  char           *detail;
  char           *form;
  char           *achievement;
  gint64          amount;
} TdAwardRow;

void        td_awards_page_set_database  (TdAwardsPage *self,
                                          TdDatabase   *database);
guint       td_awards_page_get_n_decisions (TdAwardsPage *self);
void        td_awards_page_select        (TdAwardsPage *self,
                                          guint         position);
gint64      td_awards_page_get_decision_id (TdAwardsPage *self);
GListModel *td_awards_page_get_rows      (TdAwardsPage *self);
char       *td_awards_page_get_export_name (TdAwardsPage *self);

G_END_DECLS
