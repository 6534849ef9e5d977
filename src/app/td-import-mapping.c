#define G_LOG_DOMAIN "td-import-mapping"

#include "config.h"

#include <glib/gi18n.h>

#include "td-import-mapping.h"
#include "td-records.h"

/* The rows offered as the header: the import looks for it among as many. */
#define HEADER_CHOICES 30
/* How much of a row is shown to recognise it in the header chooser. */
#define ROW_PREVIEW_CHARS 90

struct _TdImportMapping
{
  AdwPreferencesGroup  parent_instance;

  TdImport            *import;
  AdwComboRow         *header_row;
  GArray              *choices;      /* TdImportColumn of each field label */
  GtkStringList       *field_labels;
  GPtrArray           *column_rows;
  guint                syncing;      /* rows set from the import, not by the user */
};

G_DEFINE_FINAL_TYPE (TdImportMapping, td_import_mapping, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* «A», «B» … «Z», «AA»: how a spreadsheet names its columns. */
static char *
column_letters (guint column)
{
  char letters[8];
  int i = G_N_ELEMENTS (letters) - 1;

  letters[i] = '\0';
  do
    {
      letters[--i] = 'A' + column % 26;
      column = column / 26;
    }
  while (column-- > 0 && i > 0);
  return g_strdup (letters + i);
}

/* A cell's text on one line, cut to @max characters. */
static char *
one_line (const char *text,
          glong       max)
{
  g_autofree char *flat = g_strdup (text);
  g_autofree char *cut = NULL;

  g_strstrip (g_strdelimit (flat, "\r\n\t", ' '));
  if (g_utf8_strlen (flat, -1) <= max)
    return g_steal_pointer (&flat);
  cut = g_utf8_substring (flat, 0, max);
  return g_strconcat (cut, "…", NULL);
}

static void
fill_field_choices (TdImportMapping *self)
{
  TdImportKind kind = td_import_get_options (self->import)->kind;
  guint n_fields = 0;
  const TdImportField *fields = td_import_kind_fields (kind, &n_fields);
  GPtrArray *indicators = td_import_list_indicators (self->import);

  g_clear_object (&self->field_labels);
  self->field_labels = gtk_string_list_new (NULL);
  g_array_set_size (self->choices, 0);
  for (guint i = 0; i < n_fields; i++)
    {
      TdImportColumn choice = { fields[i], 0 };

      gtk_string_list_append (self->field_labels, td_import_field_label (fields[i]));
      g_array_append_val (self->choices, choice);
    }
  for (guint i = 0; kind == TD_IMPORT_STATS && indicators != NULL && i < indicators->len; i++)
    {
      const TdIndicator *indicator = g_ptr_array_index (indicators, i);
      TdImportColumn choice = { TD_IMPORT_FIELD_INDICATOR, indicator->id };
      /* Translators: a choice of what a column holds, «Indicator: Tuyên truyền». */
      g_autofree char *label = g_strdup_printf (_("Indicator: %s"), indicator->name);

      gtk_string_list_append (self->field_labels, label);
      g_array_append_val (self->choices, choice);
    }
}

static guint
choice_index (TdImportMapping *self,
              TdImportColumn   column)
{
  for (guint i = 0; i < self->choices->len; i++)
    {
      TdImportColumn choice = g_array_index (self->choices, TdImportColumn, i);

      if (choice.field == column.field && choice.indicator_id == column.indicator_id)
        return i;
    }
  return 0;
}

static void
sync_column_rows (TdImportMapping *self)
{
  self->syncing++;
  for (guint c = 0; c < self->column_rows->len; c++)
    adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, c),
                                choice_index (self, td_import_get_column (self->import, c)));
  self->syncing--;
}

/* The first text under the header in @column, to recognise it by. */
static const char *
column_sample (TdImportMapping *self,
               guint            column)
{
  const TdImportTable *table = td_import_get_table (self->import);

  for (guint i = td_import_get_header_row (self->import) + 1; i < table->rows->len; i++)
    {
      const TdImportRow *row = g_ptr_array_index (table->rows, i);

      if (column < row->n_cells && *row->cells[column] != '\0')
        return row->cells[column];
    }
  return NULL;
}

static void
on_column_selected (AdwComboRow     *row,
                    GParamSpec      *pspec,
                    TdImportMapping *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "td-column"));
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing > 0 || self->import == NULL || selected >= self->choices->len)
    return;
  td_import_set_column (self->import, column, g_array_index (self->choices, TdImportColumn, selected));
  /* A field is read from one column: the one it was taken from says so. */
  sync_column_rows (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static AdwComboRow *
column_row_new (TdImportMapping *self,
                guint            column)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autofree char *title = one_line (td_import_get_column_title (self->import, column), 60);
  const char *sample = column_sample (self, column);

  /* Titles and values are the file's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (*title == '\0')
    {
      g_autofree char *letters = column_letters (column);

      g_free (title);
      /* Translators: a column without a title, «Column C». */
      title = g_strdup_printf (_("Column %s"), letters);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  if (sample != NULL)
    {
      g_autofree char *text = one_line (sample, 60);
      /* Translators: under a column's title, the first value in it. */
      g_autofree char *subtitle = g_strdup_printf (_("For example: %s"), text);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (self->field_labels));
  adw_combo_row_set_selected (row, choice_index (self, td_import_get_column (self->import, column)));
  g_object_set_data (G_OBJECT (row), "td-column", GUINT_TO_POINTER (column));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_column_selected), self);
  return row;
}

static void
build_column_rows (TdImportMapping *self)
{
  guint n_columns = self->import != NULL ? td_import_get_n_columns (self->import) : 0;

  for (guint c = 0; c < self->column_rows->len; c++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->column_rows, c));
  g_ptr_array_set_size (self->column_rows, 0);

  for (guint c = 0; c < n_columns; c++)
    {
      AdwComboRow *row = column_row_new (self, c);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }
}

static void
fill_header_choices (TdImportMapping *self)
{
  const TdImportTable *table = td_import_get_table (self->import);
  guint header = td_import_get_header_row (self->import);
  guint n = MIN (table->rows->len, MAX (HEADER_CHOICES, header + 1));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      const TdImportRow *row = g_ptr_array_index (table->rows, i);
      g_autoptr(GString) cells = g_string_new (NULL);
      g_autofree char *text = NULL;
      g_autofree char *label = NULL;

      for (guint c = 0; c < row->n_cells; c++)
        if (*row->cells[c] != '\0')
          g_string_append_printf (cells, "%s%s", cells->len > 0 ? " · " : "", row->cells[c]);
      text = one_line (cells->str, ROW_PREVIEW_CHARS);
      /* Translators: a row offered as the header, «Line 3: STT · Họ và tên · Giới tính». */
      label = g_strdup_printf (_("Line %u: %s"), row->line, text);
      gtk_string_list_append (labels, label);
    }
  self->syncing++;
  adw_combo_row_set_model (self->header_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->header_row, header);
  self->syncing--;
}

static void
on_header_selected (TdImportMapping *self)
{
  guint selected = adw_combo_row_get_selected (self->header_row);

  if (self->syncing > 0 || self->import == NULL ||
      selected >= td_import_get_table (self->import)->rows->len)
    return;
  td_import_set_header_row (self->import, selected);
  build_column_rows (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
td_import_mapping_dispose (GObject *object)
{
  TdImportMapping *self = TD_IMPORT_MAPPING (object);

  g_clear_object (&self->import);
  g_clear_object (&self->field_labels);

  G_OBJECT_CLASS (td_import_mapping_parent_class)->dispose (object);
}

static void
td_import_mapping_finalize (GObject *object)
{
  TdImportMapping *self = TD_IMPORT_MAPPING (object);

  g_clear_pointer (&self->choices, g_array_unref);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (td_import_mapping_parent_class)->finalize (object);
}

static void
td_import_mapping_class_init (TdImportMappingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = td_import_mapping_dispose;
  object_class->finalize = td_import_mapping_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
td_import_mapping_init (TdImportMapping *self)
{
  self->choices = g_array_new (FALSE, FALSE, sizeof (TdImportColumn));
  self->column_rows = g_ptr_array_new ();

  self->header_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->header_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->header_row), _("Header row"));
  /* The row's cells are long: shown under the title, not beside it. */
  adw_combo_row_set_use_subtitle (self->header_row, TRUE);
  g_signal_connect_swapped (self->header_row, "notify::selected", G_CALLBACK (on_header_selected), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->header_row));
}

/* The rows of @import's columns (NULL: none). */
void
td_import_mapping_set_import (TdImportMapping *self,
                              TdImport        *import)
{
  g_return_if_fail (TD_IS_IMPORT_MAPPING (self));
  g_return_if_fail (import == NULL || TD_IS_IMPORT (import));

  g_set_object (&self->import, import);
  gtk_widget_set_visible (GTK_WIDGET (self->header_row), import != NULL);
  if (import != NULL)
    {
      fill_field_choices (self);
      fill_header_choices (self);
    }
  build_column_rows (self);
}

AdwComboRow *
td_import_mapping_get_header_row (TdImportMapping *self)
{
  g_return_val_if_fail (TD_IS_IMPORT_MAPPING (self), NULL);
  return self->header_row;
}

AdwComboRow *
td_import_mapping_get_column_row (TdImportMapping *self,
                                  guint            column)
{
  g_return_val_if_fail (TD_IS_IMPORT_MAPPING (self), NULL);
  return column < self->column_rows->len ? g_ptr_array_index (self->column_rows, column) : NULL;
}
