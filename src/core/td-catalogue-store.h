#pragma once

#include "td-database.h"
#include "td-records.h"

G_BEGIN_DECLS

/* The award catalogue: forms, their coefficients with effective dates,
 * and the base salary history (DOMAIN.md «Forms of award»). */

gboolean     td_catalogue_store_insert_form   (TdDatabase         *db,
                                               TdAwardForm        *form,
                                               GError            **error);
gboolean     td_catalogue_store_update_form   (TdDatabase         *db,
                                               const TdAwardForm  *form,
                                               GError            **error);
/* Refused while awards use the form. */
gboolean     td_catalogue_store_delete_form   (TdDatabase         *db,
                                               gint64              id,
                                               GError            **error);
TdAwardForm *td_catalogue_store_get_form      (TdDatabase         *db,
                                               gint64              id,
                                               GError            **error);
TdAwardForm *td_catalogue_store_get_form_by_code (TdDatabase      *db,
                                               const char         *code,
                                               GError            **error);
/* In precedence order; archived forms only when asked. */
GPtrArray   *td_catalogue_store_list_forms    (TdDatabase         *db,
                                               const char         *search,
                                               gboolean            include_archived,
                                               GError            **error);

/* Insert or replace the rate of (form, effective_from). */
gboolean     td_catalogue_store_set_rate      (TdDatabase         *db,
                                               const TdAwardRate  *rate,
                                               GError            **error);
gboolean     td_catalogue_store_delete_rate   (TdDatabase         *db,
                                               gint64              form_id,
                                               const char         *effective_from,
                                               GError            **error);
GPtrArray   *td_catalogue_store_list_rates    (TdDatabase         *db,
                                               gint64              form_id,
                                               GError            **error);
/* The rate in force on @date (ISO), or NULL with an error. */
TdAwardRate *td_catalogue_store_rate_on       (TdDatabase         *db,
                                               gint64              form_id,
                                               const char         *date,
                                               GError            **error);

gboolean     td_catalogue_store_set_base_salary    (TdDatabase         *db,
                                                    const TdBaseSalary *salary,
                                                    GError            **error);
gboolean     td_catalogue_store_delete_base_salary (TdDatabase         *db,
                                                    const char         *effective_from,
                                                    GError            **error);
GPtrArray   *td_catalogue_store_list_base_salaries (TdDatabase         *db,
                                                    GError            **error);
/* Amount in đồng in force on @date; FALSE with an error when none. */
gboolean     td_catalogue_store_base_salary_on     (TdDatabase         *db,
                                                    const char         *date,
                                                    gint64             *amount,
                                                    GError            **error);

/* Bonus for @form_id given to a collective or an individual on @date:
 * coefficient in force × base salary in force, rounded as the settings
 * say (DOMAIN.md). */
gboolean     td_catalogue_store_compute_bonus (TdDatabase         *db,
                                               gint64              form_id,
                                               gboolean            collective,
                                               const char         *date,
                                               gint64             *amount,
                                               GError            **error);

G_END_DECLS
