#pragma once

#include "td-database.h"
#include "td-import-table.h"

G_BEGIN_DECLS

/* Records read from a table (td-import-table.h) into the database: the
 * header row found, its columns mapped to fields, every row checked
 * before anything is written, then all of it in one transaction (one
 * undo step), or nothing. */

typedef enum
{
  TD_IMPORT_UNITS,
  TD_IMPORT_PEOPLE,
  TD_IMPORT_AWARDS,
  TD_IMPORT_STATS,
} TdImportKind;

/* What a column holds.  Not every field belongs to every kind
 * (td_import_kind_fields()). */
typedef enum
{
  TD_IMPORT_FIELD_IGNORE,
  TD_IMPORT_FIELD_NUMBER,        /* «STT»: read, not stored */
  TD_IMPORT_FIELD_NAME,          /* a person's, a unit's, a recipient's */
  TD_IMPORT_FIELD_SHORT_NAME,
  TD_IMPORT_FIELD_KIND,          /* of a unit */
  TD_IMPORT_FIELD_PARENT,        /* a unit's parent: name or path «A / B» */
  TD_IMPORT_FIELD_GENDER,
  TD_IMPORT_FIELD_BIRTH_YEAR,
  TD_IMPORT_FIELD_POSITION,
  TD_IMPORT_FIELD_RANK,
  TD_IMPORT_FIELD_UNIT,
  TD_IMPORT_FIELD_NOTE,
  TD_IMPORT_FIELD_DETAIL,        /* «Chức vụ, đơn vị» of an award line */
  TD_IMPORT_FIELD_FORM,
  TD_IMPORT_FIELD_ACHIEVEMENT,
  TD_IMPORT_FIELD_AMOUNT,
  TD_IMPORT_FIELD_INDICATOR,     /* stats: one column per indicator */
  TD_IMPORT_FIELD_BIRTH_YEAR_MALE,   /* «Năm sinh» over «Nam | Nữ»: the year */
  TD_IMPORT_FIELD_BIRTH_YEAR_FEMALE, /* in one column says the gender too */
  TD_IMPORT_FIELD_FAMILY_NAME,   /* «Họ và đệm» beside «Tên»: the name is both */
  TD_IMPORT_N_FIELDS,
} TdImportField;

typedef struct
{
  TdImportField field;
  gint64        indicator_id;    /* TD_IMPORT_FIELD_INDICATOR only */
} TdImportColumn;

typedef enum
{
  TD_IMPORT_ROW_NEW,       /* will be added */
  TD_IMPORT_ROW_SAME,      /* already there as the file has it: nothing to do */
  TD_IMPORT_ROW_MATCH,     /* already there, differing: kept as is unless updating */
  TD_IMPORT_ROW_UPDATE,    /* already there, differing: will be updated */
  TD_IMPORT_ROW_ERROR,     /* see message */
} TdImportRowState;

typedef struct
{
  guint             line;      /* the file's line (CSV) or row (sheets) */
  TdImportRowState  state;
  char             *title;     /* what the row is: a name, «unit — indicator» */
  char             *message;   /* translated: the reason of an ERROR, the
                                * match of a MATCH/UPDATE, what NEW adds */
} TdImportRowReport;

typedef struct
{
  TdImportKind  kind;
  gboolean      update;         /* rows matching a record update it */
  gboolean      skip_errors;    /* rows with errors are left out, not fatal */
  gboolean      create_units;   /* unknown units (and recipients) are added */
  gint64        decision_id;    /* awards: a draft decision */
  gint64        campaign_id;    /* stats */
  int           year;           /* stats */
} TdImportOptions;

typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
  guint skipped;                 /* rows with errors left out */
  guint differing;               /* of the unchanged, rows that differ from
                                  * their record (kept without --update) */
} TdImportCounts;

#define TD_TYPE_IMPORT (td_import_get_type ())
G_DECLARE_FINAL_TYPE (TdImport, td_import, TD, IMPORT, GObject)

const char     *td_import_kind_to_string   (TdImportKind        kind);
gboolean        td_import_kind_from_string (const char         *text,
                                            TdImportKind       *kind);
/* Fields a column of @kind can be mapped to, TD_IMPORT_FIELD_IGNORE first
 * (indicators are listed by td_import_list_indicators()). */
const TdImportField *td_import_kind_fields (TdImportKind        kind,
                                            guint              *n_fields);
const char     *td_import_field_label      (TdImportField       field);

/* Takes @table.  Finds the header row and maps its columns (remembered
 * mapping of this kind first, then the usual Vietnamese titles).  NULL
 * with @error when the options do not fit (no such decision, an issued
 * one, no campaign). */
TdImport       *td_import_new              (TdDatabase             *db,
                                            TdImportTable          *table,
                                            const TdImportOptions  *options,
                                            GError                **error);
TdImportTable  *td_import_get_table        (TdImport               *self);
const TdImportOptions *td_import_get_options (TdImport             *self);
void            td_import_set_update       (TdImport               *self,
                                            gboolean                update);
void            td_import_set_skip_errors  (TdImport               *self,
                                            gboolean                skip_errors);
void            td_import_set_create_units (TdImport               *self,
                                            gboolean                create_units);
/* Index in the table's rows of the header row; the rows after it are data. */
guint           td_import_get_header_row   (TdImport               *self);
void            td_import_set_header_row   (TdImport               *self,
                                            guint                   row);
guint           td_import_get_n_columns    (TdImport               *self);
const char     *td_import_get_column_title (TdImport               *self,
                                            guint                   column);
TdImportColumn  td_import_get_column       (TdImport               *self,
                                            guint                   column);
void            td_import_set_column       (TdImport               *self,
                                            guint                   column,
                                            TdImportColumn          mapping);
/* The columns with figures or text under the header that nothing reads
 * (not mapped), by their titles («column 9» when untitled). */
GStrv           td_import_get_unread_columns (TdImport             *self);
/* Stats: the campaign's indicators (TdIndicator). */
GPtrArray      *td_import_list_indicators  (TdImport               *self);

/* Checks every data row against the database; never writes.  The
 * reports (TdImportRowReport) are in file order.  NULL with @error when
 * the mapping lacks a required column, or on a database error. */
GPtrArray      *td_import_check            (TdImport               *self,
                                            GError                **error);
/* Checks again, then writes in one transaction, the mapping remembered
 * for the next file of this kind.  Refused (nothing written) while a row
 * has an error, unless skip_errors.  Cancelled (nothing written) through
 * @cancellable; @progress in 0..1. */
gboolean        td_import_apply            (TdImport               *self,
                                            GCancellable           *cancellable,
                                            TdImportProgress        progress,
                                            gpointer                progress_data,
                                            TdImportCounts         *counts,
                                            GError                **error);

void            td_import_row_report_free  (TdImportRowReport      *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdImportRowReport, td_import_row_report_free)

G_END_DECLS
