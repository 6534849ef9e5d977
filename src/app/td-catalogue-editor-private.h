#pragma once

#include "td-catalogue-editor.h"
#include "td-records.h"

G_BEGIN_DECLS

struct _TdCatalogueEditor
{
  AdwPreferencesPage   parent_instance;

  TdDatabase          *database;
  /* Set while widgets are filled or moved: nothing is written then. */
  gboolean             loading;
  GPtrArray           *form_rows;      /* owned AdwExpanderRows, in list order */

  AdwPreferencesGroup *form_group;
  GtkSwitch           *archived_switch;
  AdwEntryRow         *new_form_row;
};

/* td-catalogue-editor.c */
gboolean           td_catalogue_editor_end_change          (TdCatalogueEditor  *self,
                                                            gboolean            written,
                                                            char              **warning,
                                                            GError            **error);
void               td_catalogue_editor_report_deletion     (TdCatalogueEditor  *self,
                                                            const char         *message,
                                                            const char         *warning);
void               td_catalogue_editor_sort_forms          (TdCatalogueEditor  *self);

/* td-catalogue-editor-form.c: the expander row of one form */
GtkWidget         *td_catalogue_editor_form_new            (TdCatalogueEditor  *self,
                                                            TdAwardForm        *form);
const TdAwardForm *td_catalogue_editor_form_get            (GtkWidget          *row);
void               td_catalogue_editor_form_commit_pending (GtkWidget          *row);

G_END_DECLS
