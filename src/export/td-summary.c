#define G_LOG_DOMAIN "td-summary"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "td-campaign-store.h"
#include "td-date.h"
#include "td-decision-store.h"
#include "td-summary.h"
#include "td-unit-store.h"
#include "td-xlsx-doc.h"

/* The year-end summary of a campaign (sơ kết, tổng kết): its statistics
 * by unit, the comparison with the year before, and the awards of the
 * year.  Vietnamese in the source: it is a document, not the interface. */

typedef struct
{
  char     *name;
  char     *number;     /* «1», «1.2» */
  int       depth;
  int       parent;     /* index of the parent row, -1 at the top */
  gboolean  is_parent;
  double   *own;        /* the unit's own values this year */
  gboolean *own_set;
  double   *sum;        /* own + everything under it */
  gboolean *sum_set;
} UnitRow;

typedef struct
{
  char   *name;
  int     precedence;
  int     collectives;
  int     individuals;
  gint64  money;
} FormRow;

typedef struct
{
  char   *number;
  char   *date;
  char   *issuer;
  int     collectives;
  int     individuals;
  gint64  money;
} DecisionRow;

struct _TdSummary
{
  TdSummaryOptions  options;
  char             *parent;
  char             *org;
  char             *date_line;
  char             *title;
  char             *launch;
  char             *campaign;
  char            **signer_lines;
  char             *signer_name;
  GPtrArray        *indicators;   /* TdIndicator */
  GPtrArray        *rows;         /* UnitRow, tree order, only those shown */
  double           *total;
  double           *previous;     /* totals of the year before */
  GPtrArray        *forms;        /* FormRow, precedence order */
  GPtrArray        *decisions;    /* DecisionRow */
};

static void
unit_row_free (gpointer data)
{
  UnitRow *row = data;

  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->number);
  g_free (row->own);
  g_free (row->own_set);
  g_free (row->sum);
  g_free (row->sum_set);
  g_free (row);
}

static void
form_row_free (gpointer data)
{
  FormRow *row = data;

  g_free (row->name);
  g_free (row);
}

static void
decision_row_free (gpointer data)
{
  DecisionRow *row = data;

  g_free (row->number);
  g_free (row->date);
  g_free (row->issuer);
  g_free (row);
}

void
td_summary_free (TdSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->parent);
  g_free (summary->org);
  g_free (summary->date_line);
  g_free (summary->title);
  g_free (summary->launch);
  g_free (summary->campaign);
  g_strfreev (summary->signer_lines);
  g_free (summary->signer_name);
  g_clear_pointer (&summary->indicators, g_ptr_array_unref);
  g_clear_pointer (&summary->rows, g_ptr_array_unref);
  g_free (summary->total);
  g_free (summary->previous);
  g_clear_pointer (&summary->forms, g_ptr_array_unref);
  g_clear_pointer (&summary->decisions, g_ptr_array_unref);
  g_free (summary);
}

static int
indicator_index (TdSummary *summary,
                 gint64     indicator_id)
{
  for (guint i = 0; i < summary->indicators->len; i++)
    if (((TdIndicator *) g_ptr_array_index (summary->indicators, i))->id == indicator_id)
      return (int) i;
  return -1;
}

/* Units in tree order, each with its own values and the sums of what is
 * under it; then those with nothing that year are left out. */
static gboolean
load_units (TdDatabase  *db,
            TdSummary   *summary,
            GError     **error)
{
  g_autoptr(GPtrArray) units = td_unit_store_list (db, NULL, TRUE, error);
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (unit_row_free);
  g_autoptr(GHashTable) by_unit = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree int *index_of = NULL;
  guint n = summary->indicators->len;
  guint counters[16] = { 0 };

  if (units == NULL)
    return FALSE;
  values = td_campaign_store_list_values (db, summary->options.campaign_id, summary->options.year, error);
  if (values == NULL)
    return FALSE;

  for (guint i = 0; i < units->len; i++)
    {
      TdUnit *unit = g_ptr_array_index (units, i);
      UnitRow *row = g_new0 (UnitRow, 1);

      row->name = g_strdup (unit->name);
      row->depth = unit->depth;
      row->own = g_new0 (double, n);
      row->own_set = g_new0 (gboolean, n);
      row->sum = g_new0 (double, n);
      row->sum_set = g_new0 (gboolean, n);
      while (stack->len > 0 && ((UnitRow *) g_ptr_array_index (all, g_array_index (stack, int, stack->len - 1)))->depth >= unit->depth)
        g_array_set_size (stack, stack->len - 1);
      row->parent = stack->len > 0 ? g_array_index (stack, int, stack->len - 1) : -1;
      g_array_append_val (stack, i);
      g_ptr_array_add (all, row);
      g_hash_table_insert (by_unit, &unit->id, row);
    }

  for (guint i = 0; i < values->len; i++)
    {
      TdIndicatorValue *value = g_ptr_array_index (values, i);
      UnitRow *row = g_hash_table_lookup (by_unit, &value->unit_id);
      int k = indicator_index (summary, value->indicator_id);

      if (row == NULL || k < 0)
        continue;
      row->own[k] += value->value;
      row->own_set[k] = TRUE;
    }

  /* Sums, from the leaves up (tree order: children after their parent). */
  for (guint i = all->len; i-- > 0;)
    {
      UnitRow *row = g_ptr_array_index (all, i);

      for (guint k = 0; k < n; k++)
        if (row->own_set[k])
          {
            row->sum[k] += row->own[k];
            row->sum_set[k] = TRUE;
          }
      if (row->parent >= 0)
        {
          UnitRow *parent = g_ptr_array_index (all, row->parent);

          for (guint k = 0; k < n; k++)
            if (row->sum_set[k])
              {
                parent->sum[k] += row->sum[k];
                parent->sum_set[k] = TRUE;
              }
        }
    }

  /* Keep what has a value (or everything when asked), renumber parents. */
  index_of = g_new (int, all->len);
  summary->rows = g_ptr_array_new_with_free_func (unit_row_free);
  for (guint i = 0; i < all->len; i++)
    {
      UnitRow *row = g_ptr_array_index (all, i);
      gboolean any = FALSE;

      for (guint k = 0; k < n; k++)
        any |= row->sum_set[k];
      index_of[i] = -1;
      if (!any && !summary->options.keep_empty_units)
        continue;
      if (row->parent >= 0 && index_of[row->parent] < 0)
        continue;   /* its parent is left out: so is it */
      index_of[i] = summary->rows->len;
      row->parent = row->parent >= 0 ? index_of[row->parent] : -1;
      if (row->parent >= 0)
        ((UnitRow *) g_ptr_array_index (summary->rows, row->parent))->is_parent = TRUE;

      /* «1», «1.1», «1.1.2». */
      if (row->depth < (int) G_N_ELEMENTS (counters))
        {
          GString *number = g_string_new (NULL);

          counters[row->depth]++;
          for (int d = row->depth + 1; d < (int) G_N_ELEMENTS (counters); d++)
            counters[d] = 0;
          for (int d = 0; d <= row->depth; d++)
            g_string_append_printf (number, d ? ".%u" : "%u", counters[d]);
          row->number = g_string_free (number, FALSE);
        }
      g_ptr_array_add (summary->rows, g_ptr_array_steal_index (all, i));
      g_ptr_array_insert (all, i, NULL);
    }

  summary->total = g_new0 (double, n);
  for (guint i = 0; i < summary->rows->len; i++)
    {
      UnitRow *row = g_ptr_array_index (summary->rows, i);

      if (row->parent < 0)
        for (guint k = 0; k < n; k++)
          summary->total[k] += row->sum[k];
    }

  summary->previous = g_new0 (double, n);
  for (guint k = 0; k < n; k++)
    {
      TdIndicator *indicator = g_ptr_array_index (summary->indicators, k);
      GError *local = NULL;

      summary->previous[k] = td_campaign_store_total (db, indicator->id, summary->options.year - 1, &local);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
    }
  return TRUE;
}

typedef struct
{
  TdSummary   *summary;
  DecisionRow *decision;
} AwardState;

static gboolean
count_award (TdAward  *owned,
             gpointer  user_data,
             GError  **error)
{
  g_autoptr(TdAward) award = owned;
  AwardState *state = user_data;
  FormRow *form = NULL;

  for (guint i = 0; i < state->summary->forms->len && form == NULL; i++)
    if (g_strcmp0 (((FormRow *) g_ptr_array_index (state->summary->forms, i))->name, award->form_name) == 0)
      form = g_ptr_array_index (state->summary->forms, i);
  if (form == NULL)
    {
      form = g_new0 (FormRow, 1);
      form->name = g_strdup (award->form_name);
      form->precedence = award->form_precedence;
      g_ptr_array_add (state->summary->forms, form);
    }
  if (award->unit_id > 0)
    {
      form->collectives++;
      state->decision->collectives++;
    }
  else
    {
      form->individuals++;
      state->decision->individuals++;
    }
  form->money += award->amount;
  state->decision->money += award->amount;
  return TRUE;
}

static int
compare_forms (gconstpointer a,
               gconstpointer b)
{
  const FormRow *x = *(const FormRow * const *) a;
  const FormRow *y = *(const FormRow * const *) b;

  return x->precedence - y->precedence;
}

/* The awards of the campaign and year: issued decisions only, a draft
 * rewards nobody yet. */
static gboolean
load_awards (TdDatabase  *db,
             TdSummary   *summary,
             GError     **error)
{
  g_autoptr(GPtrArray) decisions = td_decision_store_list (db, NULL, summary->options.campaign_id,
                                                            summary->options.year, error);

  if (decisions == NULL)
    return FALSE;
  summary->forms = g_ptr_array_new_with_free_func (form_row_free);
  summary->decisions = g_ptr_array_new_with_free_func (decision_row_free);

  /* Oldest first, as a report lists them. */
  for (guint i = decisions->len; i-- > 0;)
    {
      TdDecision *decision = g_ptr_array_index (decisions, i);
      DecisionRow *row;
      AwardState state;

      if (decision->number == NULL)
        continue;
      row = g_new0 (DecisionRow, 1);
      row->number = g_strdup (decision->number);
      row->date = td_xlsx_decree_date (decision->date, TRUE);
      row->issuer = g_strdup (decision->issuer);
      g_ptr_array_add (summary->decisions, row);
      state.summary = summary;
      state.decision = row;
      if (!td_decision_store_foreach_award (db, decision->id, count_award, &state, error))
        return FALSE;
    }
  g_ptr_array_sort (summary->forms, compare_forms);
  return TRUE;
}

TdSummary *
td_summary_load (TdDatabase              *db,
                 const TdSummaryOptions  *options,
                 GError                 **error)
{
  g_autoptr(TdSummary) summary = g_new0 (TdSummary, 1);
  g_autoptr(TdCampaign) campaign = NULL;
  g_autofree char *place = NULL;
  g_autofree char *signer_title = NULL;
  g_autofree char *today = td_date_today ();
  g_autofree char *date = td_xlsx_decree_date (today, FALSE);
  g_autofree char *title = NULL;
  gboolean any = FALSE;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  summary->options = *options;
  campaign = td_campaign_store_get (db, options->campaign_id, error);
  if (campaign == NULL)
    return NULL;
  summary->indicators = td_campaign_store_list_indicators (db, campaign->id, error);
  if (summary->indicators == NULL || !load_units (db, summary, error) || !load_awards (db, summary, error))
    return NULL;

  for (guint k = 0; k < summary->indicators->len; k++)
    any |= summary->total[k] != 0 || summary->previous[k] != 0;
  if (!any && summary->rows->len == 0 && summary->decisions->len == 0)
    {
      g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_NOTHING,
                   _("The campaign has no statistics and no issued awards for %d. Choose another year."),
                   options->year);
      return NULL;
    }

  {
    g_autofree char *parent = td_doc_setting_or (db, NULL, "org.parent");
    g_autofree char *org = td_doc_setting_or (db, NULL, "org.name");

    summary->parent = td_doc_upper (parent);
    summary->org = td_doc_upper (org);
  }
  place = td_doc_setting_or (db, NULL, "org.place");
  summary->date_line = g_strdup_printf ("%s, %s", place ? place : "", date);
  signer_title = td_doc_setting_or (db, NULL, "signer.title");
  summary->signer_lines = g_strsplit (signer_title ? signer_title : "", "\n", -1);
  summary->signer_name = td_doc_setting_or (db, NULL, "signer.name");
  summary->campaign = g_strdup (campaign->title);

  title = td_doc_upper (campaign->title);
  summary->title = g_strdup_printf ("BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA \"%s\" NĂM %d",
                                    title, options->year);
  if (campaign->launch_number != NULL)
    {
      g_autofree char *launched = td_xlsx_decree_date (campaign->launch_date, TRUE);
      GString *launch = g_string_new ("(Thực hiện Quyết định số ");

      g_string_append (launch, campaign->launch_number);
      if (*launched)
        g_string_append_printf (launch, " ngày %s", launched);
      if (campaign->issuer != NULL)
        g_string_append_printf (launch, " của %s", campaign->issuer);
      g_string_append_c (launch, ')');
      summary->launch = g_string_free (launch, FALSE);
    }
  return g_steal_pointer (&summary);
}

/* Sheet «Tổng hợp»: the units with their statistics. */
static gboolean
write_results (TdSummary     *summary,
               TdXlsxFile    *file,
               lxw_workbook  *workbook,
               TdDocFormats  *f,
               GCancellable  *cancellable,
               GError       **error)
{
  guint n = summary->indicators->len;
  g_autofree double *widths = g_new (double, n + 2);
  g_autoptr(GString) total_formula = NULL;
  TdDocSheet doc = { 0 };
  lxw_row_t head_row, first_row;
  double head_height = 0;

  widths[0] = 6;
  widths[1] = 40;
  for (guint k = 0; k < n; k++)
    widths[k + 2] = n >= 4 ? 20 : MAX (16, 48.0 / MAX (n, 1));
  doc.widths = widths;
  doc.formats = f;
  doc.last_col = (int) n + 1;
  doc.sheet = workbook_add_worksheet (workbook, "Tổng hợp");
  if (doc.sheet == NULL)
    return td_xlsx_check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);

  if (!td_doc_setup_page (&doc, n >= 4, error) ||
      !td_doc_write_header (&doc, summary->parent, summary->org, summary->date_line, 1, 2 + (n - 1) / 2, error) ||
      !td_doc_write_band (&doc, summary->title, f->title, error) ||
      (summary->launch && !td_doc_write_band (&doc, summary->launch, f->subtitle, error)))
    return FALSE;
  if (!td_doc_start_row (&doc, 8, error))
    return FALSE;
  doc.row++;

  head_row = doc.row;
  for (guint k = 0; k < n; k++)
    {
      TdIndicator *indicator = g_ptr_array_index (summary->indicators, k);
      g_autofree char *head = indicator->measure
                              ? g_strdup_printf ("%s\n(%s)", indicator->name, indicator->measure)
                              : g_strdup (indicator->name);

      head_height = MAX (head_height, td_xlsx_row_height (head, widths[k + 2], TD_DOC_SIZE, TRUE, FALSE));
    }
  if (!td_doc_start_row (&doc, head_height, error) ||
      !td_doc_put (&doc, 0, "STT", f->head, error) ||
      !td_doc_put (&doc, 1, "Đơn vị", f->head, error))
    return FALSE;
  for (guint k = 0; k < n; k++)
    {
      TdIndicator *indicator = g_ptr_array_index (summary->indicators, k);
      g_autofree char *head = indicator->measure
                              ? g_strdup_printf ("%s\n(%s)", indicator->name, indicator->measure)
                              : g_strdup (indicator->name);

      if (!td_doc_put (&doc, (int) k + 2, head, f->head, error))
        return FALSE;
    }
  doc.row++;

  /* Parents carry the sums of their own units, as formulas with their
   * values (LibreOffice does not recompute on load). */
  first_row = doc.row;
  total_formula = g_string_new (NULL);
  for (guint i = 0; i < summary->rows->len; i++)
    {
      UnitRow *row = g_ptr_array_index (summary->rows, i);
      lxw_format *name_format = row->is_parent ? f->bold_text : f->indent[MIN (row->depth, 2)];

      if (row->depth == 0 && row->is_parent)
        name_format = f->bold_text;
      else if (row->depth == 0)
        name_format = f->text;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!td_doc_start_row (&doc, td_xlsx_row_height (row->name, widths[1] - 2 * row->depth, TD_DOC_SIZE,
                                                       row->is_parent, FALSE), error) ||
          !td_doc_put (&doc, 0, row->number, f->centered, error) ||
          !td_doc_put (&doc, 1, row->name, name_format, error))
        return FALSE;

      for (guint k = 0; k < n; k++)
        {
          int col = (int) k + 2;

          if (row->is_parent && row->sum_set[k])
            {
              g_autoptr(GString) cells = g_string_new (NULL);
              g_autoptr(GString) formula = g_string_new ("=");

              for (guint j = i + 1; j < summary->rows->len; j++)
                if (((UnitRow *) g_ptr_array_index (summary->rows, j))->parent == (int) i &&
                    ((UnitRow *) g_ptr_array_index (summary->rows, j))->sum_set[k])
                  {
                    g_autofree char *cell = td_doc_cell_name (first_row + j, col);

                    g_string_append_printf (cells, "%s%s", cells->len ? "," : "", cell);
                  }
              /* The parent's own figure, if any, then its units'. */
              if (row->own_set[k] && row->own[k] != 0)
                g_string_append_printf (formula, "%.15g%s", row->own[k], cells->len ? "+" : "");
              if (cells->len)
                g_string_append_printf (formula, "SUM(%s)", cells->str);
              if (!td_xlsx_check (worksheet_write_formula_num (doc.sheet, doc.row, col, formula->str,
                                                               f->bold_number, row->sum[k]), error))
                return FALSE;
            }
          else if (!row->is_parent && row->own_set[k])
            {
              if (!td_xlsx_check (worksheet_write_number (doc.sheet, doc.row, col, row->own[k], f->number), error))
                return FALSE;
            }
          else if (!td_doc_put (&doc, col, NULL, f->number, error))
            return FALSE;
        }
      if (row->parent < 0)
        {
          g_string_append_printf (total_formula, "%s%u", total_formula->len ? "," : "", (unsigned) doc.row + 1);
        }
      doc.row++;
    }

  /* «Tổng cộng»: the sum of the top rows. */
  if (!td_doc_start_row (&doc, td_xlsx_row_height ("Tổng cộng", widths[1], TD_DOC_SIZE, TRUE, FALSE), error) ||
      !td_doc_merge (&doc, 0, 1, "Tổng cộng", f->sum_label, error))
    return FALSE;
  for (guint k = 0; k < n; k++)
    {
      g_autoptr(GString) formula = g_string_new ("=SUM(");
      g_auto(GStrv) rows = g_strsplit (total_formula->str, ",", -1);
      char column[4];

      g_snprintf (column, sizeof column, "%c", 'A' + (int) k + 2);
      for (guint r = 0; rows[r] != NULL && *rows[r]; r++)
        g_string_append_printf (formula, "%s%s%s", r ? "," : "", column, rows[r]);
      g_string_append_c (formula, ')');
      if (rows[0] == NULL || *rows[0] == '\0')
        g_string_assign (formula, "=0");
      if (!td_xlsx_check (worksheet_write_formula_num (doc.sheet, doc.row, (int) k + 2, formula->str,
                                                       f->bold_number, summary->total[k]), error))
        return FALSE;
    }
  doc.row++;

  if (!td_doc_write_signature (&doc, summary->signer_lines, summary->signer_name, MAX (2, doc.last_col - 2), error))
    return FALSE;

  worksheet_repeat_rows (doc.sheet, head_row, head_row);
  worksheet_freeze_panes (doc.sheet, head_row + 1, 2);
  if (!td_xlsx_check (worksheet_print_area (doc.sheet, 0, 0, doc.row - 1, doc.last_col), error))
    return FALSE;
  td_xlsx_file_add_sheet (file, doc.row);
  return TRUE;
}

/* Sheet «So sánh»: each indicator, the year before and this year; two
 * charts. */
static gboolean
write_comparison (TdSummary     *summary,
                  TdXlsxFile    *file,
                  lxw_workbook  *workbook,
                  TdDocFormats  *f,
                  GError       **error)
{
  static const double widths[] = { 6, 40, 14, 15, 15, 15, 13 };
  guint n = summary->indicators->len;
  int year = summary->options.year;
  TdDocSheet doc = { 0 };
  g_autofree char *previous = g_strdup_printf ("Năm %d", year - 1);
  g_autofree char *current = g_strdup_printf ("Năm %d", year);
  const char *heads[] = { "STT", "Chỉ tiêu", "Đơn vị tính", previous, current, "Tăng, giảm", "Tỷ lệ tăng, giảm" };
  g_autofree char *title = g_strdup_printf ("SO SÁNH KẾT QUẢ NĂM %d VỚI NĂM %d", year, year - 1);
  lxw_row_t head_row, first, units_first = 0;
  guint n_units = 0;
  lxw_chart *chart;
  lxw_chart_series *series;
  g_autofree char *categories = NULL;
  g_autofree char *values = NULL;

  doc.widths = widths;
  doc.formats = f;
  doc.last_col = 6;
  doc.sheet = workbook_add_worksheet (workbook, "So sánh");
  if (doc.sheet == NULL)
    return td_xlsx_check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);
  if (!td_doc_setup_page (&doc, FALSE, error) ||
      !td_doc_write_band (&doc, title, f->title, error) ||
      !td_doc_write_band (&doc, summary->campaign, f->subtitle, error) ||
      !td_doc_start_row (&doc, 8, error))
    return FALSE;
  doc.row++;

  head_row = doc.row;
  if (!td_doc_start_row (&doc, 36, error))
    return FALSE;
  for (int c = 0; c <= doc.last_col; c++)
    if (!td_doc_put (&doc, c, heads[c], f->head, error))
      return FALSE;
  doc.row++;

  first = doc.row;
  for (guint k = 0; k < n; k++)
    {
      TdIndicator *indicator = g_ptr_array_index (summary->indicators, k);
      g_autofree char *number = g_strdup_printf ("%u", k + 1);
      g_autofree char *d = td_doc_cell_name (doc.row, 3);
      g_autofree char *e = td_doc_cell_name (doc.row, 4);
      g_autofree char *change = g_strdup_printf ("=%s-%s", e, d);

      if (!td_doc_start_row (&doc, td_xlsx_row_height (indicator->name, widths[1], TD_DOC_SIZE, FALSE, FALSE), error) ||
          !td_doc_put (&doc, 0, number, f->centered, error) ||
          !td_doc_put (&doc, 1, indicator->name, f->text, error) ||
          !td_doc_put (&doc, 2, indicator->measure, f->centered, error) ||
          !td_xlsx_check (worksheet_write_number (doc.sheet, doc.row, 3, summary->previous[k], f->number), error) ||
          !td_xlsx_check (worksheet_write_number (doc.sheet, doc.row, 4, summary->total[k], f->number), error) ||
          !td_xlsx_check (worksheet_write_formula_num (doc.sheet, doc.row, 5, change, f->number,
                                                       summary->total[k] - summary->previous[k]), error))
        return FALSE;
      /* Nothing the year before: no percentage, never a division error. */
      if (summary->previous[k] == 0)
        {
          if (!td_doc_put (&doc, 6, "–", f->centered, error))
            return FALSE;
        }
      else
        {
          g_autofree char *rate = g_strdup_printf ("=(%s-%s)/%s", e, d, d);

          if (!td_xlsx_check (worksheet_write_formula_num (doc.sheet, doc.row, 6, rate, f->percent,
                                                           (summary->total[k] - summary->previous[k]) / summary->previous[k]),
                              error))
            return FALSE;
        }
      doc.row++;
    }

  /* The first indicator by unit (the top rows of «Tổng hợp»), for the
   * second chart. */
  if (n > 0)
    {
      TdIndicator *main_indicator = g_ptr_array_index (summary->indicators, 0);
      g_autofree char *band = g_strdup_printf ("%s theo đơn vị, năm %d", main_indicator->name, year);

      if (!td_doc_start_row (&doc, 12, error))
        return FALSE;
      doc.row++;
      if (!td_doc_write_band (&doc, band, f->section, error))
        return FALSE;
      units_first = doc.row;
      for (guint i = 0; i < summary->rows->len; i++)
        {
          UnitRow *row = g_ptr_array_index (summary->rows, i);

          if (row->parent >= 0)
            continue;
          if (!td_doc_start_row (&doc, td_xlsx_row_height (row->name, widths[1], TD_DOC_SIZE, FALSE, FALSE), error) ||
              !td_doc_put (&doc, 0, row->number, f->centered, error) ||
              !td_doc_merge (&doc, 1, 3, row->name, f->text, error) ||
              !td_xlsx_check (worksheet_write_number (doc.sheet, doc.row, 4, row->sum[0], f->number), error))
            return FALSE;
          doc.row++;
          n_units++;
        }
    }

  worksheet_repeat_rows (doc.sheet, head_row, head_row);
  worksheet_freeze_panes (doc.sheet, head_row + 1, 0);
  if (!td_xlsx_check (worksheet_print_area (doc.sheet, 0, 0, doc.row - 1 + 34, doc.last_col), error))
    return FALSE;

  /* A clustered column chart of the two years by indicator. */
  if (n > 0)
    {
      chart = workbook_add_chart (workbook, LXW_CHART_COLUMN);
      categories = g_strdup_printf ("='So sánh'!$B$%u:$B$%u", (unsigned) first + 1, (unsigned) first + n);
      values = g_strdup_printf ("='So sánh'!$D$%u:$D$%u", (unsigned) first + 1, (unsigned) first + n);
      series = chart_add_series (chart, categories, values);
      chart_series_set_name (series, previous);
      g_free (values);
      values = g_strdup_printf ("='So sánh'!$E$%u:$E$%u", (unsigned) first + 1, (unsigned) first + n);
      series = chart_add_series (chart, categories, values);
      chart_series_set_name (series, current);
      chart_title_set_name (chart, "Kết quả theo chỉ tiêu");
      chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
      if (!td_xlsx_check (worksheet_insert_chart (doc.sheet, doc.row + 1, 0, chart), error))
        return FALSE;
    }
  if (n_units > 0)
    {
      TdIndicator *main_indicator = g_ptr_array_index (summary->indicators, 0);
      g_autofree char *chart_title = g_strdup_printf ("%s theo đơn vị", main_indicator->name);

      g_free (categories);
      g_free (values);
      chart = workbook_add_chart (workbook, LXW_CHART_COLUMN);
      categories = g_strdup_printf ("='So sánh'!$B$%u:$B$%u", (unsigned) units_first + 1, (unsigned) units_first + n_units);
      values = g_strdup_printf ("='So sánh'!$E$%u:$E$%u", (unsigned) units_first + 1, (unsigned) units_first + n_units);
      series = chart_add_series (chart, categories, values);
      chart_series_set_name (series, current);
      chart_title_set_name (chart, chart_title);
      chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
      if (!td_xlsx_check (worksheet_insert_chart (doc.sheet, doc.row + 17, 0, chart), error))
        return FALSE;
    }

  td_xlsx_file_add_sheet (file, doc.row);
  return TRUE;
}

/* Sheet «Khen thưởng»: the awards of the year by form, then the decisions. */
static gboolean
write_awards (TdSummary     *summary,
              TdXlsxFile    *file,
              lxw_workbook  *workbook,
              TdDocFormats  *f,
              GError       **error)
{
  static const double widths[] = { 6, 22, 13, 34, 11, 11, 16 };
  TdDocSheet doc = { 0 };
  g_autofree char *title = g_strdup_printf ("KẾT QUẢ KHEN THƯỞNG NĂM %d", summary->options.year);
  lxw_row_t head_row, first;
  int collectives = 0, individuals = 0;
  gint64 money = 0;

  doc.widths = widths;
  doc.formats = f;
  doc.last_col = 6;
  doc.sheet = workbook_add_worksheet (workbook, "Khen thưởng");
  if (doc.sheet == NULL)
    return td_xlsx_check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);
  if (!td_doc_setup_page (&doc, FALSE, error) ||
      !td_doc_write_band (&doc, title, f->title, error) ||
      !td_doc_write_band (&doc, summary->campaign, f->subtitle, error) ||
      !td_doc_start_row (&doc, 8, error))
    return FALSE;
  doc.row++;

  if (summary->decisions->len == 0)
    {
      g_autofree char *none = g_strdup_printf ("Không có quyết định khen thưởng nào đã ban hành cho năm %d.",
                                               summary->options.year);

      if (!td_doc_write_band (&doc, none, f->words, error))
        return FALSE;
      td_xlsx_file_add_sheet (file, doc.row);
      return td_xlsx_check (worksheet_print_area (doc.sheet, 0, 0, doc.row - 1, doc.last_col), error);
    }

  head_row = doc.row;
  if (!td_doc_start_row (&doc, 36, error) ||
      !td_doc_put (&doc, 0, "STT", f->head, error) ||
      !td_doc_merge (&doc, 1, 3, "Hình thức khen thưởng", f->head, error) ||
      !td_doc_put (&doc, 4, "Tập thể", f->head, error) ||
      !td_doc_put (&doc, 5, "Cá nhân", f->head, error) ||
      !td_doc_put (&doc, 6, "Số tiền (đồng)", f->head, error))
    return FALSE;
  doc.row++;

  first = doc.row;
  for (guint i = 0; i < summary->forms->len; i++)
    {
      FormRow *form = g_ptr_array_index (summary->forms, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      if (!td_doc_start_row (&doc, td_xlsx_row_height (form->name, 67, TD_DOC_SIZE, FALSE, FALSE), error) ||
          !td_doc_put (&doc, 0, number, f->centered, error) ||
          !td_doc_merge (&doc, 1, 3, form->name, f->text, error) ||
          !td_xlsx_check (worksheet_write_number (doc.sheet, doc.row, 4, form->collectives, f->number), error) ||
          !td_xlsx_check (worksheet_write_number (doc.sheet, doc.row, 5, form->individuals, f->number), error) ||
          !td_xlsx_check (worksheet_write_number (doc.sheet, doc.row, 6, (double) form->money, f->amount), error))
        return FALSE;
      collectives += form->collectives;
      individuals += form->individuals;
      money += form->money;
      doc.row++;
    }
  {
    g_autofree char *e = g_strdup_printf ("=SUM(E%u:E%u)", (unsigned) first + 1, (unsigned) doc.row);
    g_autofree char *fcol = g_strdup_printf ("=SUM(F%u:F%u)", (unsigned) first + 1, (unsigned) doc.row);
    g_autofree char *g = g_strdup_printf ("=SUM(G%u:G%u)", (unsigned) first + 1, (unsigned) doc.row);

    if (!td_doc_start_row (&doc, 20, error) ||
        !td_doc_merge (&doc, 0, 3, "Tổng cộng", f->sum_label, error) ||
        !td_xlsx_check (worksheet_write_formula_num (doc.sheet, doc.row, 4, e, f->bold_number, collectives), error) ||
        !td_xlsx_check (worksheet_write_formula_num (doc.sheet, doc.row, 5, fcol, f->bold_number, individuals), error) ||
        !td_xlsx_check (worksheet_write_formula_num (doc.sheet, doc.row, 6, g, f->bold_amount, (double) money), error))
      return FALSE;
    doc.row++;
  }

  if (!td_doc_start_row (&doc, 12, error))
    return FALSE;
  doc.row++;
  if (!td_doc_write_band (&doc, "CÁC QUYẾT ĐỊNH KHEN THƯỞNG", f->section, error))
    return FALSE;
  {
    const char *heads[] = { "STT", "Số quyết định", "Ngày", "Cơ quan, người ban hành", "Tập thể", "Cá nhân",
                            "Tổng tiền (đồng)" };

    if (!td_doc_start_row (&doc, 36, error))
      return FALSE;
    for (int c = 0; c <= doc.last_col; c++)
      if (!td_doc_put (&doc, c, heads[c], f->head, error))
        return FALSE;
    doc.row++;
  }
  for (guint i = 0; i < summary->decisions->len; i++)
    {
      DecisionRow *decision = g_ptr_array_index (summary->decisions, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      if (!td_doc_start_row (&doc, td_xlsx_row_height (decision->issuer, widths[3], TD_DOC_SIZE, FALSE, FALSE), error) ||
          !td_doc_put (&doc, 0, number, f->centered, error) ||
          !td_doc_put (&doc, 1, decision->number, f->text, error) ||
          !td_doc_put (&doc, 2, decision->date, f->centered, error) ||
          !td_doc_put (&doc, 3, decision->issuer, f->text, error) ||
          !td_xlsx_check (worksheet_write_number (doc.sheet, doc.row, 4, decision->collectives, f->number), error) ||
          !td_xlsx_check (worksheet_write_number (doc.sheet, doc.row, 5, decision->individuals, f->number), error) ||
          !td_xlsx_check (worksheet_write_number (doc.sheet, doc.row, 6, (double) decision->money, f->amount), error))
        return FALSE;
      doc.row++;
    }

  worksheet_repeat_rows (doc.sheet, head_row, head_row);
  if (!td_xlsx_check (worksheet_print_area (doc.sheet, 0, 0, doc.row - 1, doc.last_col), error))
    return FALSE;
  td_xlsx_file_add_sheet (file, doc.row);
  return TRUE;
}

gboolean
td_summary_write (TdSummary         *summary,
                  const char        *path,
                  GCancellable      *cancellable,
                  TdExportProgress   progress,
                  gpointer           user_data,
                  GError           **error)
{
  TdXlsxFile *file;
  lxw_workbook *workbook;
  TdDocFormats formats;
  lxw_doc_properties properties = { 0 };
  g_autofree char *doc_title = NULL;
  gboolean ok;

  g_return_val_if_fail (summary != NULL, FALSE);

  file = td_xlsx_file_open (path, error);
  if (file == NULL)
    return FALSE;
  workbook = td_xlsx_file_workbook (file);
  td_doc_formats_create (workbook, &formats);
  doc_title = g_strdup_printf ("Báo cáo tổng hợp phong trào thi đua năm %d", summary->options.year);
  properties.title = doc_title;
  properties.company = summary->org;
  properties.comments = "Thi Đua";
  workbook_set_properties (workbook, &properties);

  ok = write_results (summary, file, workbook, &formats, cancellable, error);
  if (ok && progress != NULL)
    progress (0.5, user_data);
  ok = ok && write_comparison (summary, file, workbook, &formats, error) &&
       write_awards (summary, file, workbook, &formats, error);
  return td_xlsx_file_finish (file, ok, progress, user_data, error);
}

gboolean
td_summary_export (TdDatabase             *db,
                   const TdSummaryOptions *options,
                   const char             *path,
                   GError                **error)
{
  g_autoptr(TdSummary) summary = td_summary_load (db, options, error);

  return summary != NULL && td_summary_write (summary, path, NULL, NULL, NULL, error);
}
