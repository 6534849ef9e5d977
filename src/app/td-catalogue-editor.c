#define G_LOG_DOMAIN "td-catalogue-editor"

#include "config.h"

#include "td-catalogue-editor-private.h"
#include "td-catalogue-store.h"
#include "td-preferences-util.h"
#include "td-text.h"

G_DEFINE_FINAL_TYPE (TdCatalogueEditor, td_catalogue_editor, ADW_TYPE_PREFERENCES_PAGE)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static int
compare_form_rows (gconstpointer a,
                   gconstpointer b)
{
  const TdAwardForm *x = td_catalogue_editor_form_get (*(GtkWidget * const *) a);
  const TdAwardForm *y = td_catalogue_editor_form_get (*(GtkWidget * const *) b);

  if (x->precedence != y->precedence)
    return x->precedence < y->precedence ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static void
load_forms (TdCatalogueEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) forms = NULL;
  gboolean loading = self->loading;

  self->loading = TRUE;
  for (guint i = 0; i < self->form_rows->len; i++)
    adw_preferences_group_remove (self->form_group, g_ptr_array_index (self->form_rows, i));
  g_ptr_array_set_size (self->form_rows, 0);
  if (self->database == NULL)
    {
      self->loading = loading;
      return;
    }

  forms = td_catalogue_store_list_forms (self->database, NULL, gtk_switch_get_active (self->archived_switch), &error);
  if (forms == NULL)
    g_message ("Listing the award forms failed: %s", error->message);
  for (guint i = 0; forms != NULL && i < forms->len; i++)
    {
      GtkWidget *row = td_catalogue_editor_form_new (self, g_steal_pointer (&g_ptr_array_index (forms, i)));

      g_ptr_array_add (self->form_rows, g_object_ref_sink (row));
      adw_preferences_group_add (self->form_group, row);
    }
  self->loading = loading;
}

/* Callbacks */

static void
on_show_archived (TdCatalogueEditor *self)
{
  if (!self->loading)
    load_forms (self);
}

/* A code for the command line and imports from the name: «Giấy khen tập
 * thể» → «giay_khen_tap_the», numbered when taken. */
static char *
make_form_code (TdCatalogueEditor *self,
                const char        *name)
{
  g_autofree char *folded = td_text_fold (name);
  g_autoptr(GString) code = g_string_new (NULL);

  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (code, g_ascii_tolower (*p));
      else if (code->len > 0 && code->str[code->len - 1] != '_')
        g_string_append_c (code, '_');
    }
  while (code->len > 0 && code->str[code->len - 1] == '_')
    g_string_truncate (code, code->len - 1);
  if (code->len == 0)
    g_string_append (code, "form");

  for (guint n = 1;; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (code->str) : g_strdup_printf ("%s_%u", code->str, n);
      g_autoptr(TdAwardForm) taken = td_catalogue_store_get_form_by_code (self->database, candidate, NULL);

      if (taken == NULL)
        return g_steal_pointer (&candidate);
    }
}

static void
on_new_form_add (TdCatalogueEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) forms = td_catalogue_store_list_forms (self->database, NULL, TRUE, NULL);
  g_autoptr(TdAwardForm) form = td_award_form_new ();
  gboolean written;

  form->name = td_preferences_strip_text (gtk_editable_get_text (GTK_EDITABLE (self->new_form_row)));
  form->code = make_form_code (self, form->name);
  form->family = TD_FAMILY_COMMENDATION;
  form->recipient = TD_RECIPIENT_BOTH;
  for (guint i = 0; forms != NULL && i < forms->len; i++)
    form->precedence = MAX (form->precedence, ((TdAwardForm *) g_ptr_array_index (forms, i))->precedence + 10);

  written = td_database_begin (self->database, &error) &&
            td_catalogue_editor_end_change (self,
                                            td_catalogue_store_insert_form (self->database, form, &error),
                                            NULL, &error);
  td_preferences_set_field_message (GTK_WIDGET (self->new_form_row), written ? NULL : error->message);
  if (!written)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->new_form_row), "");
  load_forms (self);
  for (guint i = 0; i < self->form_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->form_rows, i);

      if (td_catalogue_editor_form_get (row)->id == form->id)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    }
}

/* Overrides */

static void
td_catalogue_editor_dispose (GObject *object)
{
  TdCatalogueEditor *self = TD_CATALOGUE_EDITOR (object);

  /* Rows losing the focus while they go must not write. */
  self->loading = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_CATALOGUE_EDITOR);
  g_clear_pointer (&self->form_rows, g_ptr_array_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (td_catalogue_editor_parent_class)->dispose (object);
}

static void
td_catalogue_editor_class_init (TdCatalogueEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_catalogue_editor_dispose;

  /* After every change written to the database. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/td-catalogue-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TdCatalogueEditor, form_group);
  gtk_widget_class_bind_template_child (widget_class, TdCatalogueEditor, archived_switch);
  gtk_widget_class_bind_template_child (widget_class, TdCatalogueEditor, new_form_row);

  gtk_widget_class_bind_template_callback (widget_class, on_show_archived);
  gtk_widget_class_bind_template_callback (widget_class, on_new_form_add);
}

static void
td_catalogue_editor_init (TdCatalogueEditor *self)
{
  self->form_rows = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

void
td_catalogue_editor_set_database (TdCatalogueEditor *self,
                                  TdDatabase        *database)
{
  g_return_if_fail (TD_IS_CATALOGUE_EDITOR (self));
  g_return_if_fail (database == NULL || TD_IS_DATABASE (database));

  g_set_object (&self->database, database);
  td_catalogue_editor_reload (self);
}

/* Shows again what the file holds, as after an Undo. */
void
td_catalogue_editor_reload (TdCatalogueEditor *self)
{
  g_return_if_fail (TD_IS_CATALOGUE_EDITOR (self));

  load_forms (self);
}

/* Writes what was typed in the opened forms without the apply button
 * (DESIGN.md: no Save button, no lost work). */
void
td_catalogue_editor_commit_pending (TdCatalogueEditor *self)
{
  g_return_if_fail (TD_IS_CATALOGUE_EDITOR (self));

  for (guint i = 0; i < self->form_rows->len; i++)
    td_catalogue_editor_form_commit_pending (g_ptr_array_index (self->form_rows, i));
}

/* Private API, for the rows of the forms (td-catalogue-editor-form.c) */

/* Every change, of the list or of one form, recomputes the drafts
 * (td_preferences_end_change()).  A deletion passes @warning and reports
 * itself once its rows are gone. */
gboolean
td_catalogue_editor_end_change (TdCatalogueEditor  *self,
                                gboolean            written,
                                char              **warning,
                                GError            **error)
{
  g_autofree char *draft_warning = NULL;

  if (!td_preferences_end_change (self->database, written, TRUE, &draft_warning, error))
    return FALSE;
  if (warning != NULL)
    *warning = g_steal_pointer (&draft_warning);
  else
    g_signal_emit (self, signals[CHANGED], 0, NULL, draft_warning);
  return TRUE;
}

/* After a deletion, once its rows are gone: Undo can bring it back. */
void
td_catalogue_editor_report_deletion (TdCatalogueEditor *self,
                                     const char        *message,
                                     const char        *warning)
{
  g_signal_emit (self, signals[CHANGED], 0, message, warning);
}

/* Puts the forms back in precedence order, keeping each row as it is
 * (opened, half-typed). */
void
td_catalogue_editor_sort_forms (TdCatalogueEditor *self)
{
  gboolean loading = self->loading;

  self->loading = TRUE;
  for (guint i = 0; i < self->form_rows->len; i++)
    adw_preferences_group_remove (self->form_group, g_ptr_array_index (self->form_rows, i));
  g_ptr_array_sort (self->form_rows, compare_form_rows);
  for (guint i = 0; i < self->form_rows->len; i++)
    adw_preferences_group_add (self->form_group, g_ptr_array_index (self->form_rows, i));
  self->loading = loading;
}
