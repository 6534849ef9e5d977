#pragma once

#include "td-import.h"
#include "td-import-units.h"
#include "td-paste.h"
#include "td-records.h"

G_BEGIN_DECLS

/* Shared by td-import.c, td-import-columns.c and td-import-kinds.c. */

struct _TdImport
{
  GObject          parent_instance;

  TdDatabase      *db;
  TdImportTable   *table;
  TdImportOptions  options;
  guint            header_row;
  GArray          *columns;      /* TdImportColumn, one per column */
  guint            subheader_row; /* «Nam | Nữ» under «Năm sinh»; G_MAXUINT: none */
  guint            last_line;    /* of the last row naming its record: what
                                  * follows (a signature block, notes) is
                                  * not data */
  GPtrArray       *indicators;   /* TdIndicator: stats only */

  /* The plan of the last check, what apply writes. */
  TdUnitIndex     *units;
  GPtrArray       *plan;         /* Plan *, one per data row */
  GPtrArray       *paste_rows;   /* awards: TdPasteRow, as resolved */
};

/* What a data row will do, as the check found it. */
typedef struct
{
  guint              row;        /* index in the table */
  TdImportRowState   state;
  gint64             unit_ref;   /* the unit: a record (> 0) or one planned (< 0) */
  gint64             record_id;  /* the matching record */
  TdPerson          *person;     /* people: the values of the file */
  char              *kind;       /* units */
  char              *short_name; /* units */
  TdPasteRow        *paste;      /* awards, owned by paste_rows */
  GArray            *values;     /* stats: StatValue */
  TdImportRowReport *report;     /* stats: its report, settled last */
} Plan;

void td_import_plan_free (Plan *plan);


/* An apply in progress. */
typedef struct
{
  TdImport          *self;
  GCancellable      *cancellable;
  TdImportProgress   progress;
  gpointer           progress_data;
  TdImportCounts    *counts;
} TdImportApplying;

const TdImportRow *td_import_row_at      (TdImport          *self,
                                         guint              index);
const char     *td_import_raw_cell      (const TdImportRow *row,
                                         guint              column);
int             td_import_column_of     (TdImport          *self,
                                         TdImportField      field);
char           *td_import_cell_text     (TdImport          *self,
                                         const TdImportRow *row,
                                         TdImportField      field);
const char     *td_import_column_title_of (TdImport        *self,
                                         TdImportField      field);
TdImportRowReport *td_import_add_report (GPtrArray         *reports,
                                         const TdImportRow *row,
                                         TdImportRowState   state,
                                         const char        *title,
                                         char              *message);
gboolean        td_import_require_column (TdImport         *self,
                                         TdImportField      field,
                                         GError           **error);
gboolean        td_import_is_data_row   (TdImport          *self,
                                         const TdImportRow *row);

/* td-import-kinds.c: what the kinds share. */
void       td_import_set_text        (char             **field,
                                      const char        *text);
Plan      *td_import_add_plan        (TdImport          *self,
                                      guint              row);
void       td_import_report_error    (GPtrArray         *reports,
                                      Plan              *plan,
                                      const TdImportRow *row,
                                      const char        *title,
                                      char              *message);
gboolean   td_import_progress        (TdImportApplying  *applying,
                                      guint              done,
                                      guint              total,
                                      GError           **error);
gboolean   td_import_step            (TdImportApplying  *applying,
                                      guint              done,
                                      guint              total,
                                      GError           **error);
char      *td_import_lookup_unit     (TdImport          *self,
                                      const TdImportRow *row,
                                      const char        *text,
                                      gint64            *id);
void       td_import_append_difference (GString         *list,
                                      const char        *label);
void       td_import_report_difference (TdImport        *self,
                                      GPtrArray         *reports,
                                      Plan              *plan,
                                      const TdImportRow *row,
                                      const char        *title,
                                      const char        *differences);
guint      td_import_repeated_line   (GHashTable        *seen,
                                      char              *key,
                                      guint              line);
void       td_import_strip_honorific (char              *name);

/* td-import-kinds.c (units, people) and td-import-records.c (award lines,
 * statistics): each kind's check (reports and plan) and apply. */
gboolean td_import_check_units  (TdImport *self, GPtrArray *reports, GError **error);
gboolean td_import_check_people (TdImport *self, GPtrArray *reports, GError **error);
gboolean td_import_check_awards (TdImport *self, GPtrArray *reports, GError **error);
gboolean td_import_check_stats  (TdImport *self, GPtrArray *reports, GError **error);
gboolean td_import_apply_units  (TdImportApplying *applying, GError **error);
gboolean td_import_apply_people (TdImportApplying *applying, GError **error);
gboolean td_import_apply_awards (TdImportApplying *applying, GError **error);
gboolean td_import_apply_stats  (TdImportApplying *applying, GError **error);


/* Field → the word stored for a remembered mapping, and back. */
const char     *td_import_field_to_string   (TdImportField    field);
gboolean        td_import_field_from_string (const char      *text,
                                             TdImportField   *field);

/* The field a header cell's title names for @kind, from the usual
 * Vietnamese titles; TD_IMPORT_FIELD_IGNORE when none. */
TdImportField   td_import_guess_field       (TdImportKind     kind,
                                             const char      *title);
/* The indicator of @indicators (TdIndicator) a stats header names, or 0. */
gint64          td_import_guess_indicator   (GPtrArray       *indicators,
                                             const char      *title);

/* «title=field» lines, titles folded, as kept in the settings. */
GHashTable     *td_import_mapping_parse     (const char      *text);
char           *td_import_mapping_format    (GHashTable      *mapping);
/* The folded, trimmed title of a header cell: the key of a mapping. */
char           *td_import_title_key         (const char      *title);

/* Rows that are not data under a header: column numbers «(1) (2) (3)»,
 * sums, section headings. */
gboolean        td_import_row_is_numbering  (const TdImportRow *row);
gboolean        td_import_row_is_total      (const TdImportRow *row);
gboolean        td_import_row_is_section    (const TdImportRow *row);

G_END_DECLS
