#define G_LOG_DOMAIN "td-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "td-campaign-store.h"
#include "td-decision-store.h"
#include "td-format.h"
#include "td-import-private.h"
#include "td-person-store.h"
#include "td-text.h"
#include "td-unit-store.h"

/* Award lines and statistics: their checks and applies (the helpers
 * they share with the other kinds are in td-import-kinds.c). */

/* Awards */

static char *
award_key (gint64 person_id,
           gint64 unit_id,
           gint64 form_id)
{
  return person_id > 0 ? g_strdup_printf ("p%" G_GINT64_FORMAT " f%" G_GINT64_FORMAT, person_id, form_id)
                       : g_strdup_printf ("u%" G_GINT64_FORMAT " f%" G_GINT64_FORMAT, unit_id, form_id);
}

/* «Chức vụ, đơn vị» of a row: its own column, else made of the rank,
 * position and unit columns. */
static char *
award_detail (TdImport          *self,
              const TdImportRow *row)
{
  g_autofree char *detail = td_import_cell_text (self, row, TD_IMPORT_FIELD_DETAIL);
  g_autofree char *rank = NULL;
  g_autofree char *position = NULL;
  g_autofree char *unit = NULL;

  if (*detail != '\0')
    return g_steal_pointer (&detail);
  rank = td_import_cell_text (self, row, TD_IMPORT_FIELD_RANK);
  position = td_import_cell_text (self, row, TD_IMPORT_FIELD_POSITION);
  unit = td_import_cell_text (self, row, TD_IMPORT_FIELD_UNIT);
  /* «Huyện Bình Liêu / Xã Đồng Văn»: the unit itself is the last. */
  if (strrchr (unit, '/') != NULL)
    {
      char *last = g_strstrip (g_strdup (strrchr (unit, '/') + 1));

      g_free (unit);
      unit = last;
    }
  return td_person_describe (rank, position, unit);
}

/* The message of a row the matching refused, naming the file's columns
 * (the clipboard's name them by their place). */
static char *
award_problem (TdImport         *self,
               const TdPasteRow *paste)
{
  const char *detail = td_import_column_of (self, TD_IMPORT_FIELD_DETAIL) >= 0
                       ? td_import_column_title_of (self, TD_IMPORT_FIELD_DETAIL)
                       : td_import_column_title_of (self, TD_IMPORT_FIELD_UNIT);

  switch (paste->problem)
    {
    case TD_PASTE_PROBLEM_NO_NAME:
      return g_strdup_printf (_("Line %u has no name. Type the name of the person or unit in the column “%s”."),
                              paste->line, td_import_column_title_of (self, TD_IMPORT_FIELD_NAME));
    case TD_PASTE_PROBLEM_NO_FORM:
      return g_strdup_printf (_("Line %u has no award form. Type the form in the column “%s”, such as Giấy khen."),
                              paste->line, td_import_column_title_of (self, TD_IMPORT_FIELD_FORM));
    case TD_PASTE_PROBLEM_SEVERAL_PEOPLE:
      if (*detail == '\0')
        /* Translators: the line and a person's name. */
        return g_strdup_printf (_("Line %u: several people are named %s. Add a column with their unit to the file."),
                                paste->line, paste->name);
      /* Translators: the line, a person's name and a column's title. */
      return g_strdup_printf (_("Line %u: several people are named %s. Write the unit in the column “%s”."),
                              paste->line, paste->name, detail);
    case TD_PASTE_PROBLEM_SEVERAL_UNITS:
      if (*detail == '\0')
        return g_strdup_printf (_("Line %u: several units are named %s. Add a column with the unit above each to the file."),
                                paste->line, paste->name);
      /* Translators: the line, a unit's name and a column's title. */
      return g_strdup_printf (_("Line %u: several units are named %s. Write the unit above it in the column “%s”."),
                              paste->line, paste->name, detail);
    case TD_PASTE_PROBLEM_OTHER:
    default:
      return g_strdup (paste->message);
    }
}

/* What is added for a recipient new to the directory, as it will be. */
static char *
new_recipient_message (TdImport         *self,
                       const TdPasteRow *paste,
                       const Plan       *plan)
{
  const TdUnit *unit = plan->unit_ref != 0 ? td_unit_index_get (self->units, plan->unit_ref) : NULL;

  if (unit == NULL)
    return g_strdup (paste->message);
  if (paste->state == TD_PASTE_ROW_NEW_PERSON)
    return plan->unit_ref < 0
      /* Translators: %s is a unit. */
      ? g_strdup_printf (_("New: a person added to %s, a unit added too."), unit->name)
      : g_strdup_printf (_("New: a person added to %s."), unit->name);
  /* Translators: %s is the unit above a new one. */
  return g_strdup_printf (_("New: a unit added under %s."), td_unit_index_name (self->units, unit->parent_id));
}

/* The unit of a recipient the directory lacks, from the file's unit
 * column: a new person's unit, a new collective's parent.  FALSE with
 * *@message when that unit cannot be found or planned. */
static gboolean
plan_new_recipient (TdImport          *self,
                    const TdImportRow *row,
                    TdPasteRow        *paste,
                    Plan              *plan,
                    char             **message)
{
  g_autofree char *unit = NULL;
  g_autofree char *path = NULL;

  if (td_import_column_of (self, TD_IMPORT_FIELD_DETAIL) >= 0)
    return TRUE;
  unit = td_import_cell_text (self, row, TD_IMPORT_FIELD_UNIT);
  if (*unit == '\0')
    return TRUE;
  if (paste->state == TD_PASTE_ROW_NEW_PERSON)
    {
      if (paste->unit_id > 0)
        return TRUE;
      *message = td_import_lookup_unit (self, row, unit, &plan->unit_ref);
      return *message == NULL;
    }
  path = g_strdup_printf ("%s / %s", unit, paste->name);
  *message = td_import_lookup_unit (self, row, path, &plan->unit_ref);
  return *message == NULL;
}

gboolean
td_import_check_awards (TdImport   *self,
                        GPtrArray  *reports,
                        GError    **error)
{
  g_autoptr(GArray) cells = g_array_new (FALSE, TRUE, sizeof (TdPasteCells));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) td_award_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int achievement_column = td_import_column_of (self, TD_IMPORT_FIELD_ACHIEVEMENT);

  if (!td_import_require_column (self, TD_IMPORT_FIELD_NAME, error) ||
      !td_import_require_column (self, TD_IMPORT_FIELD_FORM, error))
    return FALSE;

  for (guint i = self->header_row + 1; i < self->table->rows->len; i++)
    {
      const TdImportRow *row = td_import_row_at (self, i);
      TdPasteCells one = { row->line };

      if (!td_import_is_data_row (self, row))
        continue;
      td_import_add_plan (self, i);
      g_ptr_array_add (texts, (char *) (one.name = td_import_cell_text (self, row, TD_IMPORT_FIELD_NAME)));
      td_import_strip_honorific ((char *) one.name);
      g_ptr_array_add (texts, (char *) (one.detail = award_detail (self, row)));
      g_ptr_array_add (texts, (char *) (one.form = td_import_cell_text (self, row, TD_IMPORT_FIELD_FORM)));
      g_ptr_array_add (texts, (char *) (one.amount = td_import_cell_text (self, row, TD_IMPORT_FIELD_AMOUNT)));
      one.achievement = achievement_column >= 0 ? td_import_raw_cell (row, achievement_column) : "";
      g_array_append_val (cells, one);
    }
  self->paste_rows = td_paste_resolve (self->db, (TdPasteCells *) (void *) cells->data, cells->len, error);
  if (self->paste_rows == NULL)
    return FALSE;

  lines = td_decision_store_list_awards (self->db, self->options.decision_id, error);
  if (lines == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      TdAward *award = g_ptr_array_index (lines, i);

      g_hash_table_replace (existing, award_key (award->person_id, award->unit_id, award->form_id),
                            g_ptr_array_steal_index_fast (lines, i--));
    }

  for (guint i = 0; i < self->paste_rows->len; i++)
    {
      TdPasteRow *paste = g_ptr_array_index (self->paste_rows, i);
      Plan *plan = g_ptr_array_index (self->plan, i);
      const TdImportRow *row = td_import_row_at (self, plan->row);
      g_autofree char *key = NULL;
      const TdAward *award;

      plan->paste = paste;
      if (paste->state == TD_PASTE_ROW_ERROR)
        {
          td_import_report_error (reports, plan, row, paste->name, award_problem (self, paste));
          continue;
        }
      if (paste->state != TD_PASTE_ROW_READY)
        {
          if (self->options.create_units)
            {
              g_autofree char *message = NULL;

              /* A unit column says where the new person works, or under
               * which unit the new collective goes: found or planned. */
              if (!plan_new_recipient (self, row, paste, plan, &message))
                {
                  td_import_report_error (reports, plan, row, paste->name, g_steal_pointer (&message));
                  continue;
                }
              plan->state = TD_IMPORT_ROW_NEW;
              td_import_add_report (reports, row, plan->state, paste->name, new_recipient_message (self, paste, plan));
            }
          else
            /* Translators: %s is a message saying who is missing from the directory. */
            td_import_report_error (reports, plan, row, paste->name,
                          g_strdup_printf (_("%s Let the import add the people and units the directory lacks, or add them first."),
                                           paste->message));
          continue;
        }

      key = award_key (paste->collective ? 0 : paste->person_id, paste->unit_id, paste->form_id);
      {
        guint first = td_import_repeated_line (seen, g_strdup (key), row->line);

        if (first != 0)
          {
            /* Translators: two line numbers. */
            td_import_report_error (reports, plan, row, paste->name,
                          g_strdup_printf (_("Line %u repeats line %u: the same recipient and the same form. Leave one of them."),
                                           row->line, first));
            continue;
          }
      }
      award = g_hash_table_lookup (existing, key);
      if (award == NULL)
        {
          plan->state = TD_IMPORT_ROW_NEW;
          td_import_add_report (reports, row, plan->state, paste->name, NULL);
          continue;
        }
      plan->record_id = award->id;
      {
        g_autoptr(GString) differences = g_string_new (NULL);

        if (*paste->achievement != '\0' && g_strcmp0 (paste->achievement, award->achievement) != 0)
          td_import_append_difference (differences, td_import_field_label (TD_IMPORT_FIELD_ACHIEVEMENT));
        if (paste->amount >= 0 && paste->amount != award->amount)
          td_import_append_difference (differences, td_import_field_label (TD_IMPORT_FIELD_AMOUNT));
        if (differences->len == 0)
          {
            plan->state = TD_IMPORT_ROW_SAME;
            td_import_add_report (reports, row, plan->state, paste->name,
                                  g_strdup (_("Already in the decision with this form.")));
          }
        else
          td_import_report_difference (self, reports, plan, row, paste->name, differences->str);
      }
    }
  return TRUE;
}

gboolean
td_import_apply_awards (TdImportApplying  *applying,
                        GError           **error)
{
  TdImport *self = applying->self;
  g_autoptr(GPtrArray) to_add = g_ptr_array_new ();
  guint added = 0;

  if (!td_unit_index_create (self->units, error))
    return FALSE;
  for (guint i = 0; i < self->plan->len; i++)
    {
      Plan *plan = g_ptr_array_index (self->plan, i);
      g_autoptr(TdAward) award = NULL;

      /* Recipients new to the directory, placed by the unit column. */
      if (plan->state == TD_IMPORT_ROW_NEW && plan->unit_ref != 0)
        {
          gint64 unit_id = td_unit_index_real_id (self->units, plan->unit_ref);

          if (plan->paste->state == TD_PASTE_ROW_NEW_PERSON)
            plan->paste->unit_id = unit_id;
          else if (plan->paste->state == TD_PASTE_ROW_NEW_UNIT)
            {
              plan->paste->state = TD_PASTE_ROW_READY;
              plan->paste->collective = TRUE;
              plan->paste->unit_id = unit_id;
            }
        }

      if (!td_import_step (applying, i, self->plan->len, error))
        return FALSE;
      switch (plan->state)
        {
        case TD_IMPORT_ROW_NEW:
          g_ptr_array_add (to_add, plan->paste);
          break;
        case TD_IMPORT_ROW_UPDATE:
          award = td_decision_store_get_award (self->db, plan->record_id, error);
          if (award == NULL)
            return FALSE;
          if (*plan->paste->achievement != '\0')
            td_import_set_text (&award->achievement, plan->paste->achievement);
          if (plan->paste->amount >= 0)
            {
              award->amount = plan->paste->amount;
              award->amount_overridden = TRUE;
            }
          if (!td_decision_store_update_award (self->db, award, error))
            return FALSE;
          applying->counts->updated++;
          break;
        case TD_IMPORT_ROW_SAME:
        case TD_IMPORT_ROW_MATCH:
          applying->counts->unchanged++;
          break;
        case TD_IMPORT_ROW_ERROR:
        default:
          applying->counts->skipped++;
          break;
        }
    }
  if (to_add->len > 0 &&
      !td_paste_apply (self->db, self->options.decision_id, to_add, self->options.create_units, &added, error))
    return FALSE;
  applying->counts->added = added;
  return TRUE;
}

/* Statistics */

typedef struct
{
  gint64   indicator_id;
  gint64   value;       /* to store: the unit's own */
  gint64   file_value;  /* as the file has it */
  gboolean subtotal;    /* the file's is a sum of the units below */
  char    *note;        /* kept with the value it replaces */
  gboolean skip;        /* nothing to store */
  gboolean differs;     /* a value is kept, another */
  gboolean is_new;      /* no value kept */
} StatValue;

static void
stat_value_clear (gpointer data)
{
  g_free (((StatValue *) data)->note);
}

static char *
value_key (gint64 indicator_id,
           gint64 unit_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, indicator_id, unit_id);
}

/* The values of the row's indicator columns; an error message or NULL. */
static char *
read_values (TdImport          *self,
             const TdImportRow *row,
             GArray            *values)
{
  for (guint c = 0; c < self->columns->len; c++)
    {
      TdImportColumn column = g_array_index (self->columns, TdImportColumn, c);
      g_autofree char *text = NULL;
      StatValue value = { column.indicator_id };

      if (column.field != TD_IMPORT_FIELD_INDICATOR)
        continue;
      text = td_text_normalize (td_import_raw_cell (row, c));
      if (text == NULL || *text == '\0')
        continue;
      if (!td_parse_count (text, "value", &value.file_value, NULL))
        /* Translators: the line, the text of the cell and the column's title. */
        return g_strdup_printf (_("Line %u: “%s” under “%s” is not a count. Write a whole number such as 21790 or 21.790."),
                                row->line, text, td_import_get_column_title (self, c));
      value.value = value.file_value;
      g_array_append_val (values, value);
    }
  return NULL;
}

/* A file's row of a unit whose units below have rows too holds their
 * sum (the year-end summary, and most grids, add them up): what the unit
 * has of its own is the rest.  Stored as it is, the sums would count twice. */
static void
take_out_subtotals (TdImport *self)
{
  for (guint i = 0; i < self->plan->len; i++)
    {
      Plan *parent = g_ptr_array_index (self->plan, i);

      if (parent->report == NULL || parent->unit_ref <= 0)
        continue;
      for (guint v = 0; v < parent->values->len; v++)
        {
          StatValue *value = &g_array_index (parent->values, StatValue, v);
          gint64 below = 0;
          gboolean any = FALSE;

          for (guint j = 0; j < self->plan->len; j++)
            {
              const Plan *child = g_ptr_array_index (self->plan, j);
              const TdUnit *unit = child->report != NULL ? td_unit_index_get (self->units, child->unit_ref) : NULL;

              if (unit == NULL || unit->parent_id != parent->unit_ref)
                continue;
              for (guint w = 0; w < child->values->len; w++)
                if (g_array_index (child->values, StatValue, w).indicator_id == value->indicator_id)
                  {
                    below += g_array_index (child->values, StatValue, w).file_value;
                    any = TRUE;
                  }
            }
          if (any && value->file_value >= below)
            {
              value->value = value->file_value - below;
              value->subtotal = TRUE;
            }
        }
    }
}

/* The state and message of a row, once its figures are known. */
static void
settle_stats_row (TdImport   *self,
                  Plan       *plan,
                  GHashTable *known)
{
  TdImportRowReport *report = plan->report;
  guint n_new = 0, n_different = 0, n_subtotals = 0;

  for (guint v = 0; v < plan->values->len; v++)
    {
      StatValue *value = &g_array_index (plan->values, StatValue, v);
      g_autofree char *key = value_key (value->indicator_id, plan->unit_ref);
      const TdIndicatorValue *old = plan->unit_ref > 0 ? g_hash_table_lookup (known, key) : NULL;

      /* A unit's own share of zero where nothing is kept: nothing to store. */
      if (value->subtotal && value->value == 0 && old == NULL)
        {
          value->skip = TRUE;
          n_subtotals++;
          continue;
        }
      n_subtotals += value->subtotal;
      value->is_new = old == NULL;
      value->differs = old != NULL && old->value != (double) value->value;
      /* The note kept with a figure stays with the figure replacing it. */
      if (old != NULL && old->note != NULL)
        value->note = g_strdup (old->note);
      n_new += value->is_new;
      n_different += value->differs;
    }

  g_clear_pointer (&report->message, g_free);
  if (n_different > 0)
    {
      plan->state = self->options.update ? TD_IMPORT_ROW_UPDATE : TD_IMPORT_ROW_MATCH;
      report->message = self->options.update
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u figure differs from the one kept; it will be replaced.",
                                        "%u figures differ from those kept; they will be replaced.",
                                        n_different), n_different)
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u figure differs from the one kept; it is kept unless you choose to update.",
                                        "%u figures differ from those kept; they are kept unless you choose to update.",
                                        n_different), n_different);
    }
  else if (n_new > 0)
    plan->state = TD_IMPORT_ROW_NEW;
  else
    {
      plan->state = TD_IMPORT_ROW_SAME;
      report->message = g_strdup (_("The same figures are kept already."));
    }
  if (n_subtotals > 0)
    {
      g_autofree char *note = g_strdup (_("The row adds up the units below it: only the rest is the unit’s own."));

      if (report->message == NULL)
        report->message = g_steal_pointer (&note);
      else
        {
          char *both = g_strconcat (report->message, " ", note, NULL);

          g_free (report->message);
          report->message = both;
        }
    }
  report->state = plan->state;
}

gboolean
td_import_check_stats (TdImport   *self,
                       GPtrArray  *reports,
                       GError    **error)
{
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) td_indicator_value_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!td_import_require_column (self, TD_IMPORT_FIELD_UNIT, error))
    return FALSE;
  if (td_import_column_of (self, TD_IMPORT_FIELD_INDICATOR) < 0)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED,
                   _("No column of the file is read as an indicator of the campaign. Title the columns with the indicators’ names, or choose them in the import window."));
      return FALSE;
    }
  kept = td_campaign_store_list_values (self->db, self->options.campaign_id, self->options.year, error);
  if (kept == NULL)
    return FALSE;
  for (guint i = 0; i < kept->len; i++)
    {
      TdIndicatorValue *value = g_ptr_array_index (kept, i);

      g_hash_table_replace (known, value_key (value->indicator_id, value->unit_id),
                            g_ptr_array_steal_index (kept, i--));
    }

  for (guint i = self->header_row + 1; i < self->table->rows->len; i++)
    {
      const TdImportRow *row = td_import_row_at (self, i);
      g_autofree char *unit = td_import_cell_text (self, row, TD_IMPORT_FIELD_UNIT);
      g_autofree char *message = NULL;
      g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (StatValue));
      Plan *plan;

      g_array_set_clear_func (values, stat_value_clear);
      if (!td_import_is_data_row (self, row))
        continue;
      plan = td_import_add_plan (self, i);
      if ((message = read_values (self, row, values)) != NULL)
        {
          td_import_report_error (reports, plan, row, unit, g_steal_pointer (&message));
          continue;
        }
      if (*unit == '\0')
        {
          td_import_report_error (reports, plan, row, unit,
                        g_strdup_printf (_("Line %u has figures but no unit. Type the unit in the column “%s”."),
                                         row->line, td_import_column_title_of (self, TD_IMPORT_FIELD_UNIT)));
          continue;
        }
      if ((message = td_import_lookup_unit (self, row, unit, &plan->unit_ref)) != NULL)
        {
          td_import_report_error (reports, plan, row, unit, g_steal_pointer (&message));
          continue;
        }
      {
        guint first = td_import_repeated_line (seen, g_strdup_printf ("%" G_GINT64_FORMAT, plan->unit_ref), row->line);

        if (first != 0)
          {
            /* Translators: two line numbers and a unit. */
            td_import_report_error (reports, plan, row, unit,
                          g_strdup_printf (_("Line %u gives the figures of %s again, after line %u. Leave one of them."),
                                           row->line, unit, first));
            continue;
          }
      }
      plan->values = g_steal_pointer (&values);
      plan->state = TD_IMPORT_ROW_NEW;
      plan->report = td_import_add_report (reports, row, plan->state, unit, NULL);
    }

  take_out_subtotals (self);
  for (guint i = 0; i < self->plan->len; i++)
    {
      Plan *plan = g_ptr_array_index (self->plan, i);

      if (plan->report != NULL)
        settle_stats_row (self, plan, known);
    }
  return TRUE;
}

gboolean
td_import_apply_stats (TdImportApplying  *applying,
                       GError           **error)
{
  TdImport *self = applying->self;

  if (!td_unit_index_create (self->units, error))
    return FALSE;
  for (guint i = 0; i < self->plan->len; i++)
    {
      const Plan *plan = g_ptr_array_index (self->plan, i);
      gboolean wrote = FALSE;

      if (!td_import_step (applying, i, self->plan->len, error))
        return FALSE;
      if (plan->state == TD_IMPORT_ROW_ERROR)
        {
          applying->counts->skipped++;
          continue;
        }
      for (guint v = 0; v < plan->values->len; v++)
        {
          const StatValue *value = &g_array_index (plan->values, StatValue, v);
          g_autoptr(TdIndicatorValue) record = NULL;

          if (value->skip || (!value->is_new && !(value->differs && self->options.update)))
            continue;
          record = td_indicator_value_new ();
          record->indicator_id = value->indicator_id;
          record->unit_id = td_unit_index_real_id (self->units, plan->unit_ref);
          record->year = self->options.year;
          record->value = (double) value->value;
          record->note = g_strdup (value->note);
          if (!td_campaign_store_set_value (self->db, record, error))
            return FALSE;
          wrote = TRUE;
        }
      if (plan->state == TD_IMPORT_ROW_NEW)
        applying->counts->added++;
      else if (wrote)
        applying->counts->updated++;
      else
        applying->counts->unchanged++;
    }
  return TRUE;
}
