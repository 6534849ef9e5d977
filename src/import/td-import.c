#define G_LOG_DOMAIN "td-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "td-backup.h"
#include "td-campaign-store.h"
#include "td-decision-store.h"
#include "td-import-private.h"
#include "td-import-units.h"
#include "td-paste.h"
#include "td-person-store.h"
#include "td-search.h"
#include "td-settings-store.h"
#include "td-text.h"
#include "td-unit-store.h"

/* How many rows from the top may hold a title block above the header. */
#define HEADER_SEARCH_ROWS 30

G_DEFINE_FINAL_TYPE (TdImport, td_import, G_TYPE_OBJECT)

void
td_import_plan_free (Plan *plan)
{
  g_clear_pointer (&plan->person, td_person_free);
  g_free (plan->kind);
  g_free (plan->short_name);
  g_clear_pointer (&plan->values, g_array_unref);
  g_free (plan);
}

static const TdImportField unit_fields[] = {
  TD_IMPORT_FIELD_IGNORE, TD_IMPORT_FIELD_NUMBER, TD_IMPORT_FIELD_NAME, TD_IMPORT_FIELD_SHORT_NAME,
  TD_IMPORT_FIELD_KIND, TD_IMPORT_FIELD_PARENT,
};
static const TdImportField person_fields[] = {
  TD_IMPORT_FIELD_IGNORE, TD_IMPORT_FIELD_NUMBER, TD_IMPORT_FIELD_NAME, TD_IMPORT_FIELD_GENDER,
  TD_IMPORT_FIELD_BIRTH_YEAR, TD_IMPORT_FIELD_POSITION, TD_IMPORT_FIELD_RANK, TD_IMPORT_FIELD_UNIT,
  TD_IMPORT_FIELD_NOTE, TD_IMPORT_FIELD_BIRTH_YEAR_MALE, TD_IMPORT_FIELD_BIRTH_YEAR_FEMALE,
  TD_IMPORT_FIELD_FAMILY_NAME,
};
static const TdImportField award_fields[] = {
  TD_IMPORT_FIELD_IGNORE, TD_IMPORT_FIELD_NUMBER, TD_IMPORT_FIELD_NAME, TD_IMPORT_FIELD_DETAIL,
  TD_IMPORT_FIELD_POSITION, TD_IMPORT_FIELD_RANK, TD_IMPORT_FIELD_UNIT, TD_IMPORT_FIELD_FORM,
  TD_IMPORT_FIELD_ACHIEVEMENT, TD_IMPORT_FIELD_AMOUNT, TD_IMPORT_FIELD_FAMILY_NAME,
};
static const TdImportField stats_fields[] = {
  TD_IMPORT_FIELD_IGNORE, TD_IMPORT_FIELD_NUMBER, TD_IMPORT_FIELD_UNIT,
};

static const char *const kind_words[] = { "units", "people", "awards", "stats" };

const char *
td_import_kind_to_string (TdImportKind kind)
{
  g_return_val_if_fail (kind <= TD_IMPORT_STATS, NULL);
  return kind_words[kind];
}

gboolean
td_import_kind_from_string (const char   *text,
                            TdImportKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_words); i++)
    if (g_strcmp0 (text, kind_words[i]) == 0)
      {
        *kind = (TdImportKind) i;
        return TRUE;
      }
  return FALSE;
}

const TdImportField *
td_import_kind_fields (TdImportKind  kind,
                       guint        *n_fields)
{
  switch (kind)
    {
    case TD_IMPORT_UNITS:
      *n_fields = G_N_ELEMENTS (unit_fields);
      return unit_fields;
    case TD_IMPORT_PEOPLE:
      *n_fields = G_N_ELEMENTS (person_fields);
      return person_fields;
    case TD_IMPORT_AWARDS:
      *n_fields = G_N_ELEMENTS (award_fields);
      return award_fields;
    case TD_IMPORT_STATS:
    default:
      *n_fields = G_N_ELEMENTS (stats_fields);
      return stats_fields;
    }
}

const char *
td_import_field_label (TdImportField field)
{
  switch (field)
    {
    case TD_IMPORT_FIELD_IGNORE: return _("Not imported");
    case TD_IMPORT_FIELD_NUMBER: return _("Row number");
    case TD_IMPORT_FIELD_NAME: return _("Name");
    case TD_IMPORT_FIELD_SHORT_NAME: return _("Short name");
    case TD_IMPORT_FIELD_KIND: return _("Kind of unit");
    case TD_IMPORT_FIELD_PARENT: return _("Unit above");
    case TD_IMPORT_FIELD_GENDER: return _("Gender");
    case TD_IMPORT_FIELD_BIRTH_YEAR: return _("Birth year");
    case TD_IMPORT_FIELD_POSITION: return _("Position");
    case TD_IMPORT_FIELD_RANK: return _("Rank");
    case TD_IMPORT_FIELD_UNIT: return _("Unit");
    case TD_IMPORT_FIELD_NOTE: return _("Note");
    case TD_IMPORT_FIELD_DETAIL: return _("Position, unit");
    case TD_IMPORT_FIELD_FORM: return _("Award form");
    case TD_IMPORT_FIELD_ACHIEVEMENT: return _("Achievement");
    case TD_IMPORT_FIELD_AMOUNT: return _("Amount");
    case TD_IMPORT_FIELD_INDICATOR: return _("Indicator");
    case TD_IMPORT_FIELD_BIRTH_YEAR_MALE: return _("Birth year (men)");
    case TD_IMPORT_FIELD_BIRTH_YEAR_FEMALE: return _("Birth year (women)");
    case TD_IMPORT_FIELD_FAMILY_NAME: return _("Family and middle names");
    case TD_IMPORT_N_FIELDS:
    default:
      return "";
    }
}

void
td_import_row_report_free (TdImportRowReport *report)
{
  if (report == NULL)
    return;
  g_free (report->title);
  g_free (report->message);
  g_free (report);
}

static void
td_import_finalize (GObject *object)
{
  TdImport *self = TD_IMPORT (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->table, td_import_table_free);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->units, td_unit_index_free);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  g_clear_pointer (&self->paste_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (td_import_parent_class)->finalize (object);
}

static void
td_import_class_init (TdImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_import_finalize;
}

static void
td_import_init (TdImport *self)
{
  self->subheader_row = G_MAXUINT;
  self->columns = g_array_new (FALSE, TRUE, sizeof (TdImportColumn));
}

/* Cells */

const TdImportRow *
td_import_row_at (TdImport *self,
        guint     index)
{
  return g_ptr_array_index (self->table->rows, index);
}

const char *
td_import_raw_cell (const TdImportRow *row,
          guint              column)
{
  return column < row->n_cells ? row->cells[column] : "";
}

/* The first column mapped to @field, or -1. */
int
td_import_column_of (TdImport      *self,
           TdImportField  field)
{
  for (guint i = 0; i < self->columns->len; i++)
    if (g_array_index (self->columns, TdImportColumn, i).field == field)
      return (int) i;
  return -1;
}

/* The trimmed one-line text of @field in @row; "" when not mapped. */
char *
td_import_cell_text (TdImport          *self,
           const TdImportRow *row,
           TdImportField      field)
{
  int column = td_import_column_of (self, field);
  char *text;

  if (column < 0)
    return g_strdup ("");
  text = td_text_normalize (td_import_raw_cell (row, column));
  /* «Họ và đệm» | «Tên»: the name is the two, when the given one is there. */
  if (field == TD_IMPORT_FIELD_NAME && text != NULL && *text != '\0' &&
      td_import_column_of (self, TD_IMPORT_FIELD_FAMILY_NAME) >= 0)
    {
      g_autofree char *family = td_import_cell_text (self, row, TD_IMPORT_FIELD_FAMILY_NAME);

      if (*family != '\0')
        {
          char *whole = g_strconcat (family, " ", text, NULL);

          g_free (text);
          text = whole;
        }
    }
  return text != NULL ? text : g_strdup ("");
}

const char *
td_import_column_title_of (TdImport      *self,
                 TdImportField  field)
{
  int column = td_import_column_of (self, field);

  return column >= 0 ? td_import_get_column_title (self, column) : "";
}

/* Header and mapping */

static char *
settings_key (TdImportKind kind)
{
  return g_strdup_printf ("import.columns.%s", td_import_kind_to_string (kind));
}

static TdImportColumn
guess_column (TdImport   *self,
              GHashTable *remembered,
              const char *title)
{
  TdImportColumn column = { TD_IMPORT_FIELD_IGNORE, 0 };
  g_autofree char *key = td_import_title_key (title);
  const char *word = remembered != NULL ? g_hash_table_lookup (remembered, key) : NULL;

  if (word != NULL && g_str_has_prefix (word, "indicator "))
    {
      gint64 id = g_ascii_strtoll (word + strlen ("indicator "), NULL, 10);

      for (guint i = 0; self->indicators != NULL && i < self->indicators->len; i++)
        if (((TdIndicator *) g_ptr_array_index (self->indicators, i))->id == id)
          return (TdImportColumn) { TD_IMPORT_FIELD_INDICATOR, id };
    }
  else if (word != NULL && td_import_field_from_string (word, &column.field))
    return column;

  column.field = td_import_guess_field (self->options.kind, title);
  if (column.field == TD_IMPORT_FIELD_IGNORE && self->options.kind == TD_IMPORT_STATS)
    {
      column.indicator_id = td_import_guess_indicator (self->indicators, title);
      if (column.indicator_id > 0)
        column.field = TD_IMPORT_FIELD_INDICATOR;
    }
  return column;
}

/* Maps the columns from the titles of row @index; returns how many
 * distinct fields they name. */
static guint
map_header (TdImport   *self,
            GHashTable *remembered,
            guint       index)
{
  const TdImportRow *row = td_import_row_at (self, index);
  guint n_columns = 0;
  guint seen = 0;
  guint score = 0;

  for (guint i = 0; i < self->table->rows->len; i++)
    n_columns = MAX (n_columns, td_import_row_at (self, i)->n_cells);

  g_array_set_size (self->columns, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      TdImportColumn column = guess_column (self, remembered, td_import_raw_cell (row, c));

      /* One column per field (the first); indicators each once too. */
      if (column.field != TD_IMPORT_FIELD_INDICATOR && column.field != TD_IMPORT_FIELD_IGNORE &&
          (seen & (1u << column.field)) != 0)
        column.field = TD_IMPORT_FIELD_IGNORE;
      for (guint k = 0; k < c && column.field == TD_IMPORT_FIELD_INDICATOR; k++)
        if (g_array_index (self->columns, TdImportColumn, k).indicator_id == column.indicator_id)
          column.field = TD_IMPORT_FIELD_IGNORE;

      if (column.field != TD_IMPORT_FIELD_IGNORE && column.field != TD_IMPORT_FIELD_NUMBER)
        score++;
      if (column.field != TD_IMPORT_FIELD_INDICATOR)
        seen |= 1u << column.field;
      g_array_index (self->columns, TdImportColumn, c) = column;
    }
  return score;
}

/* «Năm sinh» spread over two columns «Nam | Nữ» in the row below (the
 * form most lists of people use): the year in one of them says the
 * gender too, and that row is no data. */
static void
map_subheader (TdImport *self)
{
  const TdImportRow *header;
  const TdImportRow *below;
  gboolean found = FALSE;

  self->subheader_row = G_MAXUINT;
  if (self->options.kind != TD_IMPORT_PEOPLE || self->header_row + 1 >= self->table->rows->len)
    return;
  header = td_import_row_at (self, self->header_row);
  below = td_import_row_at (self, self->header_row + 1);
  for (guint c = 0; c < below->n_cells && c < self->columns->len; c++)
    {
      g_autofree char *key = td_import_title_key (below->cells[c]);
      TdImportColumn *column = &g_array_index (self->columns, TdImportColumn, c);

      if (td_import_guess_field (TD_IMPORT_PEOPLE, td_import_raw_cell (header, c)) != TD_IMPORT_FIELD_BIRTH_YEAR)
        continue;
      if (g_str_equal (key, "nam"))
        *column = (TdImportColumn) { TD_IMPORT_FIELD_BIRTH_YEAR_MALE, 0 };
      else if (g_str_equal (key, "nu"))
        *column = (TdImportColumn) { TD_IMPORT_FIELD_BIRTH_YEAR_FEMALE, 0 };
      else
        continue;
      found = TRUE;
    }
  if (found)
    self->subheader_row = self->header_row + 1;
}

/* The header is the row among the first ones whose cells name the most
 * fields: a title block («DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG…») may be above. */
static void
find_header (TdImport *self)
{
  g_autofree char *key = settings_key (self->options.kind);
  g_autofree char *text = td_settings_store_get (self->db, key, NULL);
  g_autoptr(GHashTable) remembered = td_import_mapping_parse (text);
  guint best_row = 0, best_score = 0;
  guint n = MIN (self->table->rows->len, HEADER_SEARCH_ROWS);

  for (guint i = 0; i < n; i++)
    {
      guint score = map_header (self, remembered, i);

      if (score > best_score)
        {
          best_score = score;
          best_row = i;
        }
    }
  self->header_row = best_row;
  if (self->table->rows->len > 0)
    {
      map_header (self, remembered, best_row);
      map_subheader (self);
    }
}

static gboolean
remember_mapping (TdImport  *self,
                  GError   **error)
{
  g_autofree char *key = settings_key (self->options.kind);
  g_autofree char *old = td_settings_store_get (self->db, key, NULL);
  g_autoptr(GHashTable) mapping = td_import_mapping_parse (old);
  g_autofree char *text = NULL;

  for (guint c = 0; c < self->columns->len; c++)
    {
      TdImportColumn column = g_array_index (self->columns, TdImportColumn, c);
      g_autofree char *title = td_import_title_key (td_import_get_column_title (self, c));

      if (*title == '\0')
        continue;
      if (column.field == TD_IMPORT_FIELD_INDICATOR)
        g_hash_table_replace (mapping, g_steal_pointer (&title),
                              g_strdup_printf ("indicator %" G_GINT64_FORMAT, column.indicator_id));
      else
        g_hash_table_replace (mapping, g_steal_pointer (&title),
                              g_strdup (td_import_field_to_string (column.field)));
    }
  text = td_import_mapping_format (mapping);
  if (g_strcmp0 (text, old) == 0)
    return TRUE;
  return td_settings_store_set (self->db, key, text, error);
}

/* Creating */

static gboolean
check_options (TdImport  *self,
               GError   **error)
{
  const TdImportOptions *options = &self->options;

  if (options->kind == TD_IMPORT_AWARDS)
    {
      g_autoptr(TdDecision) decision = NULL;

      if (options->decision_id <= 0)
        {
          g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED,
                       _("Choose the decision the award lines go into."));
          return FALSE;
        }
      decision = td_decision_store_get (self->db, options->decision_id, error);
      if (decision == NULL)
        return FALSE;
      if (decision->number != NULL)
        {
          /* Translators: %s is the number of a decision. */
          g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED,
                       _("Decision %s is issued: its lines cannot change. Reopen it as a draft first, or import into another decision."),
                       decision->number);
          return FALSE;
        }
    }
  else if (options->kind == TD_IMPORT_STATS)
    {
      g_autoptr(TdCampaign) campaign = NULL;

      if (options->campaign_id <= 0)
        {
          g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED,
                       _("Choose the campaign the figures belong to."));
          return FALSE;
        }
      if (options->year < 1945 || options->year > 2200)
        {
          g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED,
                       _("Choose the year of the figures, between 1945 and 2200."));
          return FALSE;
        }
      campaign = td_campaign_store_get (self->db, options->campaign_id, error);
      if (campaign == NULL)
        return FALSE;
      /* The years the campaign runs, as the Statistics page offers them. */
      {
        int first = campaign->start_date != NULL ? atoi (campaign->start_date) : 0;
        int last = campaign->end_date != NULL ? atoi (campaign->end_date) : 0;

        if ((first > 0 && options->year < first) || (last > 0 && options->year > last))
          {
            /* Translators: a campaign's title, the first and last years it runs, the year given. */
            g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED,
                         _("The campaign “%s” runs from %d to %d, not in %d. Choose a year within it."),
                         campaign->title, first > 0 ? first : 1945, last > 0 ? last : 2200, options->year);
            return FALSE;
          }
      }
      self->indicators = td_campaign_store_list_indicators (self->db, options->campaign_id, error);
      if (self->indicators == NULL)
        return FALSE;
      if (self->indicators->len == 0)
        {
          /* Translators: %s is the title of a campaign. */
          g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED,
                       _("The campaign “%s” has no indicators. Add its indicators on the Campaigns page first."),
                       campaign->title);
          return FALSE;
        }
    }
  return TRUE;
}

TdImport *
td_import_new (TdDatabase             *db,
               TdImportTable          *table,
               const TdImportOptions  *options,
               GError                **error)
{
  g_autoptr(TdImport) self = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (options != NULL && options->kind <= TD_IMPORT_STATS, NULL);

  self = g_object_new (TD_TYPE_IMPORT, NULL);
  self->db = g_object_ref (db);
  self->table = table;
  self->options = *options;
  if (!check_options (self, error))
    return NULL;
  find_header (self);
  return g_steal_pointer (&self);
}

TdImportTable *
td_import_get_table (TdImport *self)
{
  g_return_val_if_fail (TD_IS_IMPORT (self), NULL);
  return self->table;
}

const TdImportOptions *
td_import_get_options (TdImport *self)
{
  g_return_val_if_fail (TD_IS_IMPORT (self), NULL);
  return &self->options;
}

void
td_import_set_update (TdImport *self,
                      gboolean  update)
{
  g_return_if_fail (TD_IS_IMPORT (self));
  self->options.update = update;
}

void
td_import_set_skip_errors (TdImport *self,
                           gboolean  skip_errors)
{
  g_return_if_fail (TD_IS_IMPORT (self));
  self->options.skip_errors = skip_errors;
}

void
td_import_set_create_units (TdImport *self,
                            gboolean  create_units)
{
  g_return_if_fail (TD_IS_IMPORT (self));
  self->options.create_units = create_units;
}

guint
td_import_get_header_row (TdImport *self)
{
  g_return_val_if_fail (TD_IS_IMPORT (self), 0);
  return self->header_row;
}

void
td_import_set_header_row (TdImport *self,
                          guint     row)
{
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) remembered = NULL;

  g_return_if_fail (TD_IS_IMPORT (self));
  g_return_if_fail (row < self->table->rows->len);

  key = settings_key (self->options.kind);
  text = td_settings_store_get (self->db, key, NULL);
  remembered = td_import_mapping_parse (text);
  self->header_row = row;
  map_header (self, remembered, row);
  map_subheader (self);
}

guint
td_import_get_n_columns (TdImport *self)
{
  g_return_val_if_fail (TD_IS_IMPORT (self), 0);
  return self->columns->len;
}

const char *
td_import_get_column_title (TdImport *self,
                            guint     column)
{
  g_return_val_if_fail (TD_IS_IMPORT (self), "");
  if (self->header_row >= self->table->rows->len)
    return "";
  return td_import_raw_cell (td_import_row_at (self, self->header_row), column);
}

TdImportColumn
td_import_get_column (TdImport *self,
                      guint     column)
{
  TdImportColumn none = { TD_IMPORT_FIELD_IGNORE, 0 };

  g_return_val_if_fail (TD_IS_IMPORT (self), none);
  if (column >= self->columns->len)
    return none;
  return g_array_index (self->columns, TdImportColumn, column);
}

void
td_import_set_column (TdImport       *self,
                      guint           column,
                      TdImportColumn  mapping)
{
  g_return_if_fail (TD_IS_IMPORT (self));
  g_return_if_fail (column < self->columns->len);

  if (mapping.field != TD_IMPORT_FIELD_INDICATOR)
    mapping.indicator_id = 0;
  /* A field is in one column: the one chosen last. */
  for (guint c = 0; c < self->columns->len; c++)
    {
      TdImportColumn *other = &g_array_index (self->columns, TdImportColumn, c);

      if (c != column && mapping.field != TD_IMPORT_FIELD_IGNORE &&
          other->field == mapping.field && other->indicator_id == mapping.indicator_id)
        *other = (TdImportColumn) { TD_IMPORT_FIELD_IGNORE, 0 };
    }
  g_array_index (self->columns, TdImportColumn, column) = mapping;
}

GStrv
td_import_get_unread_columns (TdImport *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (TD_IS_IMPORT (self), NULL);

  for (guint c = 0; c < self->columns->len; c++)
    {
      gboolean data = FALSE;

      if (g_array_index (self->columns, TdImportColumn, c).field != TD_IMPORT_FIELD_IGNORE)
        continue;
      for (guint i = self->header_row + 1; i < self->table->rows->len && !data; i++)
        data = *td_import_raw_cell (td_import_row_at (self, i), c) != '\0';
      if (!data)
        continue;
      if (*td_import_get_column_title (self, c) != '\0')
        g_strv_builder_add (builder, td_import_get_column_title (self, c));
      else
        {
          /* Translators: an untitled column of a file, by its number. */
          g_autofree char *name = g_strdup_printf (_("column %u"), c + 1);

          g_strv_builder_add (builder, name);
        }
    }
  return g_strv_builder_end (builder);
}

GPtrArray *
td_import_list_indicators (TdImport *self)
{
  g_return_val_if_fail (TD_IS_IMPORT (self), NULL);
  return self->indicators;
}

/* Checking */

TdImportRowReport *
td_import_add_report (GPtrArray        *reports,
            const TdImportRow *row,
            TdImportRowState  state,
            const char       *title,
            char             *message)
{
  TdImportRowReport *report = g_new0 (TdImportRowReport, 1);

  report->line = row->line;
  report->state = state;
  report->title = g_strdup (title != NULL ? title : "");
  report->message = message;
  g_ptr_array_add (reports, report);
  return report;
}

gboolean
td_import_require_column (TdImport       *self,
                TdImportField   field,
                GError        **error)
{
  if (td_import_column_of (self, field) >= 0)
    return TRUE;
  /* Translators: %s is the label of a field, such as Name. */
  g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED,
               _("No column of the file is read as “%s”. Give the column its usual title (such as Họ và tên, Đơn vị, Hình thức khen thưởng), or choose it in the import window."),
               td_import_field_label (field));
  return FALSE;
}

/* Rows under the header that are not data: blank, the column numbers,
 * sums, section headings, the header again (a list printed over several
 * pages). */
gboolean
td_import_is_data_row (TdImport          *self,
             const TdImportRow *row)
{
  const TdImportRow *header = td_import_row_at (self, self->header_row);
  gboolean same = row->n_cells == header->n_cells;

  if (row->line > self->last_line || td_import_row_is_numbering (row) || td_import_row_is_total (row))
    return FALSE;
  if (self->subheader_row < self->table->rows->len && row == td_import_row_at (self, self->subheader_row))
    return FALSE;
  /* Lists of people and awards come in sections; a unit's row numbered I
   * or A is a unit. */
  if ((self->options.kind == TD_IMPORT_PEOPLE || self->options.kind == TD_IMPORT_AWARDS) &&
      td_import_row_is_section (row))
    return FALSE;
  for (guint c = 0; c < row->n_cells && same; c++)
    same = g_str_equal (row->cells[c], header->cells[c]);
  return !same;
}

/* The last row with a name (a unit's for statistics): the text below a
 * list — signatures, «Nơi nhận», notes — is not a row without a name (a
 * row whose name was forgotten after the last named one is taken for such
 * text too). */
static void
find_last_line (TdImport *self)
{
  int column = td_import_column_of (self, self->options.kind == TD_IMPORT_STATS ? TD_IMPORT_FIELD_UNIT
                                                                               : TD_IMPORT_FIELD_NAME);

  self->last_line = G_MAXUINT;
  if (column < 0)
    return;
  self->last_line = 0;
  for (guint i = self->header_row + 1; i < self->table->rows->len; i++)
    {
      const TdImportRow *row = td_import_row_at (self, i);
      g_autofree char *text = td_text_normalize (td_import_raw_cell (row, column));

      if (text != NULL && *text != '\0')
        self->last_line = row->line;
    }
}

GPtrArray *
td_import_check (TdImport  *self,
                 GError   **error)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) td_import_row_report_free);
  gboolean ok = FALSE;

  g_return_val_if_fail (TD_IS_IMPORT (self), NULL);

  g_clear_pointer (&self->plan, g_ptr_array_unref);
  g_clear_pointer (&self->paste_rows, g_ptr_array_unref);
  g_clear_pointer (&self->units, td_unit_index_free);
  self->plan = g_ptr_array_new_with_free_func ((GDestroyNotify) td_import_plan_free);
  self->units = td_unit_index_new (self->db, error);
  if (self->units == NULL)
    return NULL;
  find_last_line (self);

  switch (self->options.kind)
    {
    case TD_IMPORT_UNITS:
      ok = td_import_check_units (self, reports, error);
      break;
    case TD_IMPORT_PEOPLE:
      ok = td_import_check_people (self, reports, error);
      break;
    case TD_IMPORT_AWARDS:
      ok = td_import_check_awards (self, reports, error);
      break;
    case TD_IMPORT_STATS:
    default:
      ok = td_import_check_stats (self, reports, error);
      break;
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&reports);
}

/* Applying */

static gboolean
refuse_errors (GPtrArray  *reports,
               gboolean    skip_errors,
               GError    **error)
{
  const TdImportRowReport *first = NULL;
  guint n_errors = 0;

  if (reports->len == 0)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_EMPTY,
                   _("There is no row under the header of the file: nothing was imported. Check that the rows are on the sheet read."));
      return FALSE;
    }

  for (guint i = 0; i < reports->len; i++)
    {
      const TdImportRowReport *report = g_ptr_array_index (reports, i);

      if (report->state == TD_IMPORT_ROW_ERROR)
        {
          first = first != NULL ? first : report;
          n_errors++;
        }
    }
  if (n_errors == 0)
    return TRUE;
  if (skip_errors && n_errors < reports->len)
    return TRUE;
  if (skip_errors)
    {
      /* Translators: %s is the message of the first row. */
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED,
                   _("Every row has an error: nothing was imported. The first: %s"), first->message);
      return FALSE;
    }
  /* Translators: %u counts rows; %s is the message of the first one. */
  g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED,
               g_dngettext (GETTEXT_PACKAGE,
                            "%u row has an error, so nothing was imported. %s",
                            "%u rows have errors, so nothing was imported. The first: %s",
                            n_errors),
               n_errors, first->message);
  return FALSE;
}

gboolean
td_import_apply (TdImport          *self,
                 GCancellable      *cancellable,
                 TdImportProgress   progress,
                 gpointer           progress_data,
                 TdImportCounts    *counts,
                 GError           **error)
{
  g_autoptr(GPtrArray) reports = NULL;
  TdImportCounts local = { 0 };
  TdImportApplying applying = { self, cancellable, progress, progress_data, &local };
  gboolean ok;

  g_return_val_if_fail (TD_IS_IMPORT (self), FALSE);

  reports = td_import_check (self, error);
  if (reports == NULL)
    return FALSE;
  if (!refuse_errors (reports, self->options.skip_errors, error))
    return FALSE;
  if (td_database_get_read_only (self->db))
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_READ_ONLY,
                   _("The database file cannot be changed: it is read-only. Open a copy you may write to."));
      return FALSE;
    }
  /* The state before the import stays within reach of «Restore». */
  if (!td_backup_now (self->db, NULL, error))
    {
      g_prefix_error (error, _("Nothing was imported, because the database could not be backed up first: "));
      return FALSE;
    }

  for (guint i = 0; i < reports->len; i++)
    local.differing += ((TdImportRowReport *) g_ptr_array_index (reports, i))->state == TD_IMPORT_ROW_MATCH;

  if (!td_database_begin (self->db, error))
    return FALSE;
  td_search_defer (self->db);
  switch (self->options.kind)
    {
    case TD_IMPORT_UNITS:
      ok = td_import_apply_units (&applying, error);
      break;
    case TD_IMPORT_PEOPLE:
      ok = td_import_apply_people (&applying, error);
      break;
    case TD_IMPORT_AWARDS:
      ok = td_import_apply_awards (&applying, error);
      break;
    case TD_IMPORT_STATS:
    default:
      ok = td_import_apply_stats (&applying, error);
      break;
    }
  if (!ok || !td_search_resume (self->db, error) || !remember_mapping (self, error) ||
      !td_database_commit (self->db, error))
    {
      td_database_rollback (self->db);
      td_search_resume (self->db, NULL);
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  if (counts != NULL)
    *counts = local;
  return TRUE;
}
