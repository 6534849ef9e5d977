#pragma once

#include <gtk/gtk.h>

#include "td-database.h"

G_BEGIN_DECLS

#define TD_TYPE_STATISTICS_PAGE (td_statistics_page_get_type ())

G_DECLARE_FINAL_TYPE (TdStatisticsPage, td_statistics_page, TD, STATISTICS_PAGE, GtkWidget)

void        td_statistics_page_set_database (TdStatisticsPage *self,
                                             TdDatabase       *database);
gboolean    td_statistics_page_show         (TdStatisticsPage *self,
                                             gint64            campaign_id,
                                             int               year);
int         td_statistics_page_get_year     (TdStatisticsPage *self);
gint64      td_statistics_page_get_campaign_id (TdStatisticsPage *self);
GListModel *td_statistics_page_get_rows     (TdStatisticsPage *self);
guint       td_statistics_page_get_n_indicators (TdStatisticsPage *self);
double      td_statistics_page_get_total    (TdStatisticsPage *self,
                                             guint             indicator);
GtkWidget  *td_statistics_page_get_cell     (TdStatisticsPage *self,
                                             gint64            unit_id,
                                             guint             indicator);
const char *td_statistics_page_get_message  (TdStatisticsPage *self);
guint       td_statistics_page_get_chart_indicator (TdStatisticsPage *self);
guint       td_statistics_page_get_chart_n_bars    (TdStatisticsPage *self);
gboolean    td_statistics_page_get_chart_bar       (TdStatisticsPage *self,
                                                    guint             bar,
                                                    gint64           *unit_id,
                                                    double           *this_year,
                                                    double           *last_year);

G_END_DECLS
