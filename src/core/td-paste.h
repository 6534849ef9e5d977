#pragma once

#include "td-database.h"
#include "td-records.h"

G_BEGIN_DECLS

/* A block of rows copied from Excel or LibreOffice Calc (tab-separated
 * text, quoted cells with line breaks or tabs as spreadsheets write them)
 * to add to a decision: name, position/unit, form, achievement, optional
 * amount. */

typedef enum
{
  TD_PASTE_ROW_READY,       /* recipient and form found */
  TD_PASTE_ROW_NEW_PERSON,  /* no such person: will be created on apply when allowed */
  TD_PASTE_ROW_NEW_UNIT,    /* no such unit: likewise */
  TD_PASTE_ROW_ERROR,       /* cannot be resolved: see message */
} TdPasteRowState;

/* What an ERROR row lacks, for messages that name the column otherwise
 * than by its place in a pasted block. */
typedef enum
{
  TD_PASTE_PROBLEM_OTHER,
  TD_PASTE_PROBLEM_NO_NAME,
  TD_PASTE_PROBLEM_NO_FORM,
  TD_PASTE_PROBLEM_SEVERAL_PEOPLE,
  TD_PASTE_PROBLEM_SEVERAL_UNITS,
} TdPasteProblem;

typedef struct
{
  guint            line;          /* 1-based row of the block */
  TdPasteRowState  state;
  TdPasteProblem   problem;       /* of an ERROR row */
  char            *message;       /* translated, for ERROR and NEW_* */
  char            *name;
  char            *detail;        /* «Chức vụ, đơn vị» as pasted */
  char            *form_text;
  char            *achievement;
  gint64           amount;        /* -1: computed */
  gint64           person_id;     /* the match, or 0 */
  gint64           unit_id;       /* the recipient unit, or the person's unit, or 0 */
  gint64           form_id;
  gboolean         collective;
} TdPasteRow;

void       td_paste_row_free  (TdPasteRow   *row);
/* Splits and matches the block; never writes.  NULL with @error when the
 * text is not a block of rows at all. */
GPtrArray *td_paste_parse     (TdDatabase   *db,
                               const char   *text,
                               GError      **error);
/* The cells of one row that came from elsewhere than the clipboard (an
 * imported file): already split, each cell as read. */
typedef struct
{
  guint       line;         /* where the row is, for the messages */
  const char *name;
  const char *detail;
  const char *form;
  const char *achievement;
  const char *amount;       /* "" or NULL: computed */
} TdPasteCells;

/* Matches rows given cell by cell, like td_paste_parse() does after
 * splitting; never writes. */
GPtrArray *td_paste_resolve   (TdDatabase          *db,
                               const TdPasteCells  *cells,
                               guint                n_rows,
                               GError             **error);

/* Adds the rows to the draft @decision_id in ONE transaction: creates the
 * new people/units when @create_missing, else refuses while any row is
 * not READY; refuses (nothing added) while any row is an ERROR.  Returns
 * the number of lines added. */
gboolean   td_paste_apply     (TdDatabase   *db,
                               gint64        decision_id,
                               GPtrArray    *rows,
                               gboolean      create_missing,
                               guint        *added,
                               GError      **error);

/* A block of counts copied from a spreadsheet onto the statistics grid:
 * @n_rows × @n_columns cells, row by row; an empty cell has present FALSE
 * (it clears the value). */
typedef struct
{
  guint     n_rows;
  guint     n_columns;
  gint64   *values;
  gboolean *present;
} TdNumberBlock;

void           td_number_block_free    (TdNumberBlock *block);
/* NULL with @error when a cell is not a whole number ≥ 0 (@bad_row and
 * @bad_column, 0-based, then name it) or the text has no cell at all.
 * Blank rows at the end (the line break spreadsheets add) are dropped. */
TdNumberBlock *td_paste_parse_numbers  (const char    *text,
                                        guint         *bad_row,
                                        guint         *bad_column,
                                        GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdPasteRow, td_paste_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdNumberBlock, td_number_block_free)

G_END_DECLS
