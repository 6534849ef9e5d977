#define G_LOG_DOMAIN "td-import-window"

#include "config.h"

#include <glib/gi18n.h>

#include "td-campaign-store.h"
#include "td-decision-store.h"
#include "td-format.h"
#include "td-import-file.h"
#include "td-import-mapping.h"
#include "td-import-preview.h"
#include "td-import-window.h"

struct _TdImportWindow
{
  AdwWindow            parent_instance;

  TdDatabase          *database;
  char                *path;        /* of the table read */
  char                *encoding;    /* the table was read with; NULL: detected */
  char                *sheet;       /* asked for; NULL: the first */
  char                *read_path;   /* of the read going on */
  char                *read_encoding;
  TdImportTable       *table;       /* as read: each TdImport takes a copy */
  TdImport            *import;
  TdImportOptions      options;
  GCancellable        *read_cancellable;
  GCancellable        *write_cancellable; /* while writing: the window stays */
  GArray              *decision_ids;
  GArray              *campaign_ids;
  guint                check_source;
  gboolean             can_apply;
  guint                syncing;     /* widgets set from the state, not by the user */

  AdwWindowTitle      *window_title;
  GtkWidget           *import_button;
  GtkStack            *stack;
  GtkSpinner          *read_spinner;
  GtkLabel            *read_label;
  GtkProgressBar      *read_progress;
  AdwStatusPage       *status_page;
  GtkScrolledWindow   *scroller;
  GtkRevealer         *vn3_revealer;
  GtkLabel            *message_label;
  AdwComboRow         *kind_row;
  AdwComboRow         *decision_row;
  AdwComboRow         *campaign_row;
  AdwActionRow        *year_row;
  GtkSpinButton       *year_spin;
  AdwComboRow         *sheet_row;
  AdwComboRow         *encoding_row;
  TdImportMapping     *mapping;
  GtkSwitch           *update_switch;
  GtkSwitch           *skip_errors_switch;
  GtkSwitch           *create_units_switch;
  GtkWidget           *preview_group;
  TdImportPreview     *preview;
};

G_DEFINE_FINAL_TYPE (TdImportWindow, td_import_window, ADW_TYPE_WINDOW)

enum
{
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The items of the encoding chooser, as td_import_table_read() takes them. */
static const char *const encodings[] = { NULL, "utf-8", "windows-1258", "tcvn3", "tcvn3-font" };

static void start_read     (TdImportWindow *self,
                            const char     *path,
                            const char     *encoding,
                            const char     *sheet);
static void rebuild_import (TdImportWindow *self,
                            gboolean        keep_mapping);

static void
show_message (TdImportWindow *self,
              const char     *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  if (message != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* td_import_new() takes its table: a new import (another kind, another
 * decision) starts again from a copy of the one read. */
static TdImportTable *
copy_table (const TdImportTable *table)
{
  TdImportTable *copy = td_import_table_new (table->format);

  for (guint i = 0; i < table->rows->len; i++)
    {
      const TdImportRow *row = g_ptr_array_index (table->rows, i);
      GPtrArray *cells = g_ptr_array_new_full (row->n_cells + 1, NULL);

      for (guint c = 0; c < row->n_cells; c++)
        g_ptr_array_add (cells, g_strdup (row->cells[c]));
      td_import_table_add_row (copy, row->line, cells);
    }
  g_free (copy->encoding);
  copy->encoding = g_strdup (table->encoding);
  copy->sheet = g_strdup (table->sheet);
  copy->sheets = g_strdupv (table->sheets);
  copy->delimiter = table->delimiter;
  copy->vn3_font = table->vn3_font;
  copy->vn3_converted = table->vn3_converted;
  return copy;
}

/* Pickers */

static void
fill_decisions (TdImportWindow *self,
                gint64          wanted)
{
  g_autoptr(GPtrArray) decisions = td_decision_store_list (self->database, NULL, 0, 0, NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_array_set_size (self->decision_ids, 0);
  for (guint i = 0; decisions != NULL && i < decisions->len; i++)
    {
      const TdDecision *decision = g_ptr_array_index (decisions, i);
      g_autofree char *date = NULL;
      g_autofree char *label = NULL;

      if (decision->number != NULL)
        continue;
      date = td_format_date (decision->date);
      label = date != NULL && *date != '\0' ? g_strdup_printf (_("Draft decision, dated %s"), date)
                                            : g_strdup (_("Draft"));
      if (decision->title != NULL && *decision->title != '\0')
        {
          g_autofree char *titled = g_strdup_printf ("%s — %s", label, decision->title);

          g_free (label);
          label = g_steal_pointer (&titled);
        }
      if (decision->id == wanted)
        selected = self->decision_ids->len;
      gtk_string_list_append (labels, label);
      g_array_append_val (self->decision_ids, decision->id);
    }
  if (self->decision_ids->len == 0)
    {
      gint64 none = 0;

      gtk_string_list_append (labels, _("No draft decision: add one on the Awards page first"));
      g_array_append_val (self->decision_ids, none);
    }
  adw_combo_row_set_model (self->decision_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->decision_row, selected);
  self->options.decision_id = g_array_index (self->decision_ids, gint64, selected);
}

static void
fill_campaigns (TdImportWindow *self,
                gint64          wanted)
{
  g_autoptr(GPtrArray) campaigns = td_campaign_store_list (self->database, NULL, NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_array_set_size (self->campaign_ids, 0);
  for (guint i = 0; campaigns != NULL && i < campaigns->len; i++)
    {
      const TdCampaign *campaign = g_ptr_array_index (campaigns, i);

      if (campaign->id == wanted)
        selected = self->campaign_ids->len;
      gtk_string_list_append (labels, campaign->title);
      g_array_append_val (self->campaign_ids, campaign->id);
    }
  if (self->campaign_ids->len == 0)
    {
      gint64 none = 0;

      gtk_string_list_append (labels, _("No campaign: add one on the Campaigns page first"));
      g_array_append_val (self->campaign_ids, none);
    }
  adw_combo_row_set_model (self->campaign_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->campaign_row, selected);
  self->options.campaign_id = g_array_index (self->campaign_ids, gint64, selected);
}

static void
show_kind_rows (TdImportWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->decision_row), self->options.kind == TD_IMPORT_AWARDS);
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_row), self->options.kind == TD_IMPORT_STATS);
  gtk_widget_set_visible (GTK_WIDGET (self->year_row), self->options.kind == TD_IMPORT_STATS);
}

/* The sheet, encoding and TCVN3 notice of the table read. */
static void
sync_file_rows (TdImportWindow *self)
{
  const TdImportTable *table = self->table;
  guint encoding = 0;

  self->syncing++;
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), table->sheets != NULL);
  if (table->sheets != NULL)
    {
      g_autoptr(GtkStringList) sheets = gtk_string_list_new ((const char * const *) table->sheets);
      guint selected = 0;

      for (guint i = 0; table->sheets[i] != NULL; i++)
        if (g_strcmp0 (table->sheets[i], table->sheet) == 0)
          selected = i;
      adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (sheets));
      adw_combo_row_set_selected (self->sheet_row, selected);
    }

  for (guint i = 1; i < G_N_ELEMENTS (encodings); i++)
    if (self->encoding != NULL && g_ascii_strcasecmp (self->encoding, encodings[i]) == 0)
      encoding = i;
  if (table->vn3_converted)
    encoding = G_N_ELEMENTS (encodings) - 1;
  adw_combo_row_set_selected (self->encoding_row, encoding);
  /* Workbooks carry Unicode: only the old fonts' look-alike text is theirs to convert. */
  gtk_widget_set_visible (GTK_WIDGET (self->encoding_row),
                          g_strcmp0 (table->format, "csv") == 0 || table->vn3_font || table->vn3_converted);
  if (g_strcmp0 (table->format, "csv") == 0)
    {
      /* Translators: under the encoding chooser, «Read as WINDOWS-1258». */
      g_autofree char *read_as = g_strdup_printf (_("Read as %s"), table->encoding);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), read_as);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), NULL);
  gtk_revealer_set_reveal_child (self->vn3_revealer, table->vn3_font && !table->vn3_converted);
  self->syncing--;
}

static gboolean
run_check (gpointer data)
{
  TdImportWindow *self = data;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  const char *hint = NULL;
  guint n_errors, n_writes;

  self->check_source = 0;
  self->can_apply = FALSE;
  if (self->import != NULL)
    {
      reports = td_import_check (self->import, &error);
      td_import_preview_set_reports (self->preview, reports, error);
      n_errors = td_import_preview_count (self->preview, TD_IMPORT_ROW_ERROR);
      n_writes = td_import_preview_count (self->preview, TD_IMPORT_ROW_NEW) +
                 td_import_preview_count (self->preview, TD_IMPORT_ROW_UPDATE);
      if (error != NULL)
        hint = NULL;
      else if (n_errors > 0 && !self->options.skip_errors)
        hint = _("Correct the rows with errors in the file and choose it again, or switch on “Skip rows with errors”.");
      else if (n_writes == 0 && td_import_preview_count (self->preview, TD_IMPORT_ROW_MATCH) > 0)
        hint = _("Nothing new to import. Switch on “Update existing records” to take the values of the file.");
      else if (n_writes == 0)
        hint = _("Nothing to import: the records of the file are already in the database.");
      self->can_apply = error == NULL && hint == NULL;
      td_import_preview_set_hint (self->preview, hint);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", self->can_apply);
  return G_SOURCE_REMOVE;
}

/* Checked once the changes of a moment are made (a mapping reset moves
 * several columns at once). */
static void
queue_check (TdImportWindow *self)
{
  /* Never while writing: the check replaces the plan being written. */
  if (self->write_cancellable != NULL)
    return;
  self->can_apply = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", FALSE);
  if (self->check_source == 0)
    self->check_source = g_idle_add (run_check, self);
}

/* A new import of the table read, after the options; with
 * @keep_mapping, the header and columns chosen so far are kept. */
static void
rebuild_import (TdImportWindow *self,
                gboolean        keep_mapping)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) old_columns = NULL;
  guint old_header = 0;
  gboolean ok;

  if (keep_mapping && self->import != NULL)
    {
      old_header = td_import_get_header_row (self->import);
      old_columns = g_array_new (FALSE, FALSE, sizeof (TdImportColumn));
      for (guint c = 0; c < td_import_get_n_columns (self->import); c++)
        {
          TdImportColumn column = td_import_get_column (self->import, c);

          g_array_append_val (old_columns, column);
        }
    }
  g_clear_object (&self->import);
  show_message (self, NULL);
  if (self->table == NULL)
    return;

  self->import = td_import_new (self->database, copy_table (self->table), &self->options, &error);
  ok = self->import != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->mapping), ok);
  gtk_widget_set_visible (self->preview_group, ok);
  if (!ok)
    {
      show_message (self, error->message);
      td_import_mapping_set_import (self->mapping, NULL);
      queue_check (self);
      return;
    }

  if (old_columns != NULL && old_columns->len == td_import_get_n_columns (self->import))
    {
      if (old_header != td_import_get_header_row (self->import))
        td_import_set_header_row (self->import, old_header);
      for (guint c = 0; c < old_columns->len; c++)
        td_import_set_column (self->import, c, g_array_index (old_columns, TdImportColumn, c));
    }
  td_import_mapping_set_import (self->mapping, self->import);
  queue_check (self);
}

/* Callbacks of the form */

static void
on_kind_selected (TdImportWindow *self)
{
  if (self->syncing > 0)
    return;
  self->options.kind = (TdImportKind) adw_combo_row_get_selected (self->kind_row);
  show_kind_rows (self);
  rebuild_import (self, FALSE);
}

static void
on_decision_selected (TdImportWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->decision_row);

  if (self->syncing > 0 || selected >= self->decision_ids->len)
    return;
  self->options.decision_id = g_array_index (self->decision_ids, gint64, selected);
  rebuild_import (self, TRUE);
}

static void
on_campaign_selected (TdImportWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->campaign_row);

  if (self->syncing > 0 || selected >= self->campaign_ids->len)
    return;
  self->options.campaign_id = g_array_index (self->campaign_ids, gint64, selected);
  /* Another campaign has other indicators: the columns are read again. */
  rebuild_import (self, FALSE);
}

static void
on_year_changed (TdImportWindow *self)
{
  if (self->syncing > 0)
    return;
  self->options.year = gtk_spin_button_get_value_as_int (self->year_spin);
  rebuild_import (self, TRUE);
}

static void
on_sheet_selected (TdImportWindow *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->sheet_row);

  if (self->syncing > 0 || item == NULL || self->path == NULL)
    return;
  start_read (self, self->path, self->encoding, gtk_string_object_get_string (item));
}

static void
on_encoding_selected (TdImportWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->encoding_row);

  if (self->syncing > 0 || selected >= G_N_ELEMENTS (encodings) || self->path == NULL)
    return;
  start_read (self, self->path, encodings[selected], self->sheet);
}

static void
on_option_switched (TdImportWindow *self)
{
  self->options.update = gtk_switch_get_active (self->update_switch);
  self->options.skip_errors = gtk_switch_get_active (self->skip_errors_switch);
  self->options.create_units = gtk_switch_get_active (self->create_units_switch);
  if (self->import == NULL)
    return;
  td_import_set_update (self->import, self->options.update);
  td_import_set_skip_errors (self->import, self->options.skip_errors);
  td_import_set_create_units (self->import, self->options.create_units);
  queue_check (self);
}

/* Reading the file */

static void
on_read_progress (double   fraction,
                  gpointer user_data)
{
  TdImportWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->read_progress, CLAMP (fraction, 0, 1));
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CANCELLED);
}

static void
on_read_finished (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TdImportWindow) self = user_data;
  g_autoptr(TdImportTable) table = NULL;
  g_autoptr(GError) error = NULL;

  table = td_import_read_finish (result, &error);
  /* A read replaced by another, or a window closed meanwhile. */
  if (g_task_get_cancellable (G_TASK (result)) != self->read_cancellable)
    return;
  g_clear_object (&self->read_cancellable);
  gtk_spinner_stop (self->read_spinner);

  if (table == NULL && is_cancelled (error) && self->table == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (table == NULL && (is_cancelled (error) || (self->table != NULL && g_strcmp0 (self->read_path, self->path) == 0)))
    {
      /* Another sheet or encoding did not work out: the table read stays. */
      gtk_stack_set_visible_child_name (self->stack, "form");
      sync_file_rows (self);
      if (!is_cancelled (error))
        show_message (self, error->message);
      queue_check (self);
      return;
    }
  if (table == NULL)
    {
      adw_status_page_set_description (self->status_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      return;
    }

  g_clear_pointer (&self->table, td_import_table_free);
  self->table = g_steal_pointer (&table);
  g_free (self->path);
  self->path = g_steal_pointer (&self->read_path);
  g_free (self->encoding);
  self->encoding = g_steal_pointer (&self->read_encoding);
  g_free (self->sheet);
  self->sheet = g_strdup (self->table->sheet);
  sync_file_rows (self);
  rebuild_import (self, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "form");
}

static void
start_read (TdImportWindow *self,
            const char     *path,
            const char     *encoding,
            const char     *sheet)
{
  g_autofree char *name = g_filename_display_basename (path);
  /* Translators: while a file is read, «Reading “danh-sach.xlsx”…». */
  g_autofree char *label = g_strdup_printf (_("Reading “%s”…"), name);

  if (self->read_cancellable != NULL)
    g_cancellable_cancel (self->read_cancellable);
  g_clear_object (&self->read_cancellable);
  self->read_cancellable = g_cancellable_new ();
  g_free (self->read_path);
  self->read_path = g_strdup (path);
  g_free (self->read_encoding);
  self->read_encoding = g_strdup (encoding);

  adw_window_title_set_subtitle (self->window_title, name);
  gtk_label_set_text (self->read_label, label);
  gtk_progress_bar_set_fraction (self->read_progress, 0);
  gtk_spinner_start (self->read_spinner);
  gtk_stack_set_visible_child_name (self->stack, "reading");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", FALSE);

  td_import_read_async (path, encoding, sheet, self->read_cancellable, on_read_progress, self,
                        on_read_finished, g_object_ref (self));
}

/* Actions */

static void
cancel_read_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TdImportWindow *self = TD_IMPORT_WINDOW (widget);

  if (self->read_cancellable != NULL)
    g_cancellable_cancel (self->read_cancellable);
  if (self->write_cancellable != NULL)
    g_cancellable_cancel (self->write_cancellable);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  td_import_choose_file (GTK_WINDOW (widget), widget, "import.open");
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TdImportWindow *self = TD_IMPORT_WINDOW (widget);

  start_read (self, g_variant_get_string (parameter, NULL), NULL, NULL);
}

/* The user's yes to the TCVN3 notice: read again, converting. */
static void
convert_vn3_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TdImportWindow *self = TD_IMPORT_WINDOW (widget);

  if (self->path != NULL)
    start_read (self, self->path, "tcvn3-font", self->sheet);
}

/* While writing, the page of progress with its Cancel; the window shows
 * it between the rows written (the connection is not shared with a
 * thread, and the window is modal: nothing else can change the records). */
static void
on_write_progress (double   fraction,
                   gpointer user_data)
{
  TdImportWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->read_progress, CLAMP (fraction, 0, 1));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
on_close_request (GtkWindow *window,
                  gpointer   user_data)
{
  TdImportWindow *self = TD_IMPORT_WINDOW (window);

  /* Closing while writing cancels the writing; the window closes after. */
  if (self->write_cancellable != NULL)
    {
      g_cancellable_cancel (self->write_cancellable);
      return TRUE;
    }
  return FALSE;
}

/* Written in the main thread: the database connection is not shared. */
static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TdImportWindow *self = TD_IMPORT_WINDOW (widget);
  TdImportCounts counts = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  g_autoptr(TdImport) import = NULL;
  gboolean ok;

  if (self->check_source != 0)
    {
      g_source_remove (self->check_source);
      self->check_source = 0;
      run_check (self);
    }
  if (self->import == NULL || !self->can_apply || self->write_cancellable != NULL)
    return;

  name = g_filename_display_basename (self->path);
  /* Translators: while the rows of a file are written, «Importing “danh-sach.xlsx”…». */
  label = g_strdup_printf (_("Importing “%s”…"), name);
  gtk_label_set_text (self->read_label, label);
  gtk_progress_bar_set_fraction (self->read_progress, 0);
  gtk_spinner_start (self->read_spinner);
  gtk_stack_set_visible_child_name (self->stack, "reading");
  gtk_widget_action_set_enabled (widget, "import.apply", FALSE);
  self->write_cancellable = g_cancellable_new ();

  g_object_ref (self);
  import = g_object_ref (self->import);
  ok = td_import_apply (import, self->write_cancellable, on_write_progress, self, &counts, &error);
  g_clear_object (&self->write_cancellable);
  gtk_spinner_stop (self->read_spinner);
  if (!ok)
    {
      gtk_stack_set_visible_child_name (self->stack, "form");
      if (!g_error_matches (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CANCELLED))
        show_message (self, error->message);
      queue_check (self);
    }
  else
    {
      g_signal_emit (self, signals[IMPORTED], 0, counts.added, counts.updated);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  g_object_unref (self);
}

/* Overrides */

static void
td_import_window_dispose (GObject *object)
{
  TdImportWindow *self = TD_IMPORT_WINDOW (object);

  if (self->read_cancellable != NULL)
    g_cancellable_cancel (self->read_cancellable);
  g_clear_object (&self->read_cancellable);
  if (self->write_cancellable != NULL)
    g_cancellable_cancel (self->write_cancellable);
  g_clear_handle_id (&self->check_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_IMPORT_WINDOW);
  g_clear_object (&self->import);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (td_import_window_parent_class)->dispose (object);
}

static void
td_import_window_finalize (GObject *object)
{
  TdImportWindow *self = TD_IMPORT_WINDOW (object);

  g_clear_pointer (&self->table, td_import_table_free);
  g_clear_pointer (&self->decision_ids, g_array_unref);
  g_clear_pointer (&self->campaign_ids, g_array_unref);
  g_free (self->path);
  g_free (self->encoding);
  g_free (self->sheet);
  g_free (self->read_path);
  g_free (self->read_encoding);

  G_OBJECT_CLASS (td_import_window_parent_class)->finalize (object);
}

static void
td_import_window_class_init (TdImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_import_window_dispose;
  object_class->finalize = td_import_window_finalize;

  /* The rows added and the rows updated. */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  g_type_ensure (TD_TYPE_IMPORT_MAPPING);
  g_type_ensure (TD_TYPE_IMPORT_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/td-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, read_spinner);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, read_label);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, read_progress);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, vn3_revealer);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, message_label);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, decision_row);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, year_row);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, year_spin);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, mapping);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, update_switch);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, skip_errors_switch);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, create_units_switch);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, preview_group);
  gtk_widget_class_bind_template_child (widget_class, TdImportWindow, preview);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "import.cancel-read", NULL, cancel_read_action);
  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "import.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "import.convert-vn3", NULL, convert_vn3_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "import.apply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
td_import_window_init (TdImportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->decision_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->campaign_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", FALSE);

  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected), self);
  g_signal_connect_swapped (self->decision_row, "notify::selected", G_CALLBACK (on_decision_selected), self);
  g_signal_connect_swapped (self->campaign_row, "notify::selected", G_CALLBACK (on_campaign_selected), self);
  g_signal_connect_swapped (self->year_spin, "value-changed", G_CALLBACK (on_year_changed), self);
  g_signal_connect_swapped (self->sheet_row, "notify::selected", G_CALLBACK (on_sheet_selected), self);
  g_signal_connect_swapped (self->encoding_row, "notify::selected", G_CALLBACK (on_encoding_selected), self);
  g_signal_connect_swapped (self->mapping, "changed", G_CALLBACK (queue_check), self);
  g_signal_connect_swapped (self->update_switch, "notify::active", G_CALLBACK (on_option_switched), self);
  g_signal_connect_swapped (self->skip_errors_switch, "notify::active", G_CALLBACK (on_option_switched), self);
  g_signal_connect_swapped (self->create_units_switch, "notify::active", G_CALLBACK (on_option_switched), self);
}

/* Public API */

TdImportWindow *
td_import_window_new (GtkWindow    *parent,
                      TdDatabase   *database,
                      const char   *path,
                      TdImportKind  kind,
                      gint64        decision_id,
                      gint64        campaign_id,
                      int           year)
{
  TdImportWindow *self;

  g_return_val_if_fail (TD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (kind <= TD_IMPORT_STATS, NULL);

  self = g_object_new (TD_TYPE_IMPORT_WINDOW, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->options.kind = kind;
  if (year <= 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      year = g_date_time_get_year (now);
    }
  self->options.year = year;

  self->syncing++;
  adw_combo_row_set_selected (self->kind_row, kind);
  fill_decisions (self, decision_id);
  fill_campaigns (self, campaign_id);
  gtk_spin_button_set_value (self->year_spin, year);
  self->syncing--;
  show_kind_rows (self);

  start_read (self, path, NULL, NULL);
  return self;
}

TdImport *
td_import_window_get_import (TdImportWindow *self)
{
  g_return_val_if_fail (TD_IS_IMPORT_WINDOW (self), NULL);
  return self->import;
}

GListModel *
td_import_window_get_reports (TdImportWindow *self)
{
  g_return_val_if_fail (TD_IS_IMPORT_WINDOW (self), NULL);
  return td_import_preview_get_reports (self->preview);
}

GtkWidget *
td_import_window_get_part (TdImportWindow *self,
                           const char     *name)
{
  struct { const char *name; gpointer widget; } parts[] = {
    { "kind", self->kind_row },
    { "decision", self->decision_row },
    { "campaign", self->campaign_row },
    { "year", self->year_spin },
    { "sheet", self->sheet_row },
    { "encoding", self->encoding_row },
    { "header", td_import_mapping_get_header_row (self->mapping) },
    { "update", self->update_switch },
    { "skip_errors", self->skip_errors_switch },
    { "create_units", self->create_units_switch },
    { "import_button", self->import_button },
    { "message", self->message_label },
    { "check_message", td_import_preview_get_message (self->preview) },
    { "summary", td_import_preview_get_summary (self->preview) },
    { "vn3_banner", self->vn3_revealer },
    { "columns", self->mapping },
    { "preview", self->preview },
    { "status", self->status_page },
  };

  g_return_val_if_fail (TD_IS_IMPORT_WINDOW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_str_equal (parts[i].name, name))
      return parts[i].widget;
  return NULL;
}

AdwComboRow *
td_import_window_get_column_row (TdImportWindow *self,
                                 guint           column)
{
  g_return_val_if_fail (TD_IS_IMPORT_WINDOW (self), NULL);
  return td_import_mapping_get_column_row (self->mapping, column);
}
