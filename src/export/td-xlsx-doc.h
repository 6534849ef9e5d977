#pragma once

#include "td-database.h"
#include "td-xlsx.h"

G_BEGIN_DECLS

/* What the documents share (DOMAIN.md, Decree 30/2020): Times New Roman,
 * the header block of the issuing body and the nation, the signature
 * block, A4 page setup; written row by row in constant-memory mode. */

#define TD_DOC_FONT "Times New Roman"
#define TD_DOC_SIZE 13
#define TD_DOC_TITLE_SIZE 14

typedef struct
{
  lxw_format *parent;
  lxw_format *org;
  lxw_format *nation;
  lxw_format *motto;
  lxw_format *rule;
  lxw_format *date_line;
  lxw_format *title;
  lxw_format *subtitle;
  lxw_format *head;
  lxw_format *section;
  lxw_format *group;
  lxw_format *text;
  lxw_format *bold_text;
  lxw_format *centered;
  lxw_format *amount;
  lxw_format *bold_amount;
  lxw_format *number;
  lxw_format *bold_number;
  lxw_format *percent;
  lxw_format *sum_label;
  lxw_format *words;
  lxw_format *signer;
  lxw_format *indent[3];
} TdDocFormats;

typedef struct
{
  lxw_worksheet *sheet;
  TdDocFormats  *formats;
  const double  *widths;
  int            last_col;
  lxw_row_t      row;
} TdDocSheet;

void      td_doc_formats_create  (lxw_workbook  *workbook,
                                  TdDocFormats  *formats);
double    td_doc_span_width      (TdDocSheet    *doc,
                                  int            first,
                                  int            last);
char     *td_doc_cell_name       (lxw_row_t      row,
                                  int            col);
gboolean  td_doc_start_row       (TdDocSheet    *doc,
                                  double         height,
                                  GError       **error);
gboolean  td_doc_put             (TdDocSheet    *doc,
                                  int            col,
                                  const char    *text,
                                  lxw_format    *format,
                                  GError       **error);
gboolean  td_doc_merge           (TdDocSheet    *doc,
                                  int            first,
                                  int            last,
                                  const char    *text,
                                  lxw_format    *format,
                                  GError       **error);
gboolean  td_doc_write_band      (TdDocSheet    *doc,
                                  const char    *text,
                                  lxw_format    *format,
                                  GError       **error);
gboolean  td_doc_write_header    (TdDocSheet    *doc,
                                  const char    *parent,
                                  const char    *org,
                                  const char    *date_line,
                                  int            left_last,
                                  int            right_rule,
                                  GError       **error);
gboolean  td_doc_write_signature (TdDocSheet    *doc,
                                  char         **lines,
                                  const char    *name,
                                  int            first_col,
                                  GError       **error);
gboolean  td_doc_setup_page      (TdDocSheet    *doc,
                                  gboolean       landscape,
                                  GError       **error);
char     *td_doc_upper           (const char    *text);
char     *td_doc_setting_or      (TdDatabase    *db,
                                  const char    *own,
                                  const char    *key);

G_END_DECLS
