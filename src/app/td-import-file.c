#define G_LOG_DOMAIN "td-import-file"

#include "config.h"

#include <glib/gi18n.h>

#include "td-import-file.h"

typedef struct
{
  GCancellable     *cancellable;
  char             *path;
  char             *encoding;
  char             *sheet;
  TdImportProgress  progress;
  gpointer          progress_data;
  double            posted;
} ReadJob;

typedef struct
{
  GCancellable     *cancellable;
  TdImportProgress  progress;
  gpointer          progress_data;
  double            fraction;
} ReadProgress;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  g_clear_object (&job->cancellable);
  g_free (job->path);
  g_free (job->encoding);
  g_free (job->sheet);
  g_free (job);
}

static void
read_progress_free (gpointer data)
{
  ReadProgress *progress = data;

  g_clear_object (&progress->cancellable);
  g_free (progress);
}

static gboolean
report_progress (gpointer data)
{
  ReadProgress *progress = data;

  /* A read cancelled, or replaced by another, says nothing more. */
  if (!g_cancellable_is_cancelled (progress->cancellable))
    progress->progress (progress->fraction, progress->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the thread: the figure goes to the main loop, a percent at a time. */
static void
on_read_progress (double   fraction,
                  gpointer user_data)
{
  ReadJob *job = user_data;
  ReadProgress *progress;

  if (job->progress == NULL || (fraction < 1.0 && fraction - job->posted < 0.01))
    return;
  job->posted = fraction;
  progress = g_new0 (ReadProgress, 1);
  progress->cancellable = g_object_ref (job->cancellable);
  progress->progress = job->progress;
  progress->progress_data = job->progress_data;
  progress->fraction = fraction;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, report_progress, progress, read_progress_free);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  TdImportReadOptions options = { 0 };
  GError *error = NULL;
  TdImportTable *table;

  options.encoding = job->encoding;
  options.sheet = job->sheet;
  options.cancellable = cancellable;
  options.progress = on_read_progress;
  options.progress_data = job;
  table = td_import_table_read (job->path, &options, &error);
  if (table != NULL)
    g_task_return_pointer (task, table, (GDestroyNotify) td_import_table_free);
  else
    g_task_return_error (task, error);
}

void
td_import_read_async (const char          *path,
                      const char          *encoding,
                      const char          *sheet,
                      GCancellable        *cancellable,
                      TdImportProgress     progress,
                      gpointer             progress_data,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadJob *job;

  g_return_if_fail (path != NULL);
  g_return_if_fail (G_IS_CANCELLABLE (cancellable));

  job = g_new0 (ReadJob, 1);
  job->cancellable = g_object_ref (cancellable);
  job->path = g_strdup (path);
  job->encoding = g_strdup (encoding);
  job->sheet = g_strdup (sheet);
  job->progress = progress;
  job->progress_data = progress_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, td_import_read_async);
  g_task_set_task_data (task, job, read_job_free);
  g_task_run_in_thread (task, read_thread);
}

TdImportTable *
td_import_read_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == td_import_read_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  GWeakRef *target_ref = user_data;
  g_autoptr(GtkWidget) target = g_weak_ref_get (target_ref);
  const char *action = g_object_get_data (G_OBJECT (dialog), "td-action");

  if (response == GTK_RESPONSE_ACCEPT && target != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        gtk_widget_activate_action (target, action, "s", path);
    }
  g_weak_ref_clear (target_ref);
  g_free (target_ref);
  g_object_unref (dialog);
}

/* A chooser cannot be driven by a test: its answer goes through an action
 * with the path, which a test can activate itself. */
void
td_import_choose_file (GtkWindow  *parent,
                       GtkWidget  *target,
                       const char *action_name)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GWeakRef *target_ref;

  g_return_if_fail (GTK_IS_WIDGET (target));
  g_return_if_fail (action_name != NULL);

  chooser = gtk_file_chooser_native_new (_("Import from File"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Tables (CSV, XLSX, XLS)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "xls");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  target_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (target_ref, target);
  g_object_set_data_full (G_OBJECT (chooser), "td-action", g_strdup (action_name), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), target_ref);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_file_dropped (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 gpointer       user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GFile *file = NULL;
  g_autofree char *path = NULL;

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);
  else if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      file = files != NULL ? files->data : NULL;
      g_slist_free (files);
    }
  path = file != NULL ? g_file_get_path (file) : NULL;
  return path != NULL &&
         gtk_widget_activate_action (widget, g_object_get_data (G_OBJECT (target), "td-action"), "s", path);
}

void
td_import_add_drop_target (GtkWidget  *widget,
                           const char *action_name)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_object_set_data_full (G_OBJECT (drop), "td-action", g_strdup (action_name), g_free);
  g_signal_connect (drop, "drop", G_CALLBACK (on_file_dropped), NULL);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drop));
}
