#pragma once

#include <gio/gio.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

#define TD_EXPORT_ERROR (td_export_error_quark ())

typedef enum
{
  TD_EXPORT_ERROR_NO_FOLDER,
  TD_EXPORT_ERROR_LOCKED,
  TD_EXPORT_ERROR_WRITE,
  TD_EXPORT_ERROR_NOTHING,
} TdExportError;

/* Called now and then with the share done, 0.0 to 1.0. */
typedef void (*TdExportProgress) (double   fraction,
                                  gpointer user_data);

typedef struct _TdXlsxFile TdXlsxFile;

GQuark        td_export_error_quark   (void);
TdXlsxFile   *td_xlsx_file_open       (const char  *target,
                                       GError     **error);
lxw_workbook *td_xlsx_file_workbook   (TdXlsxFile  *file);
void          td_xlsx_file_add_sheet  (TdXlsxFile  *file,
                                       guint        rows);
gboolean      td_xlsx_file_commit     (TdXlsxFile  *file,
                                       GError     **error);
void          td_xlsx_file_abort      (TdXlsxFile  *file);
gboolean      td_xlsx_file_finish     (TdXlsxFile        *file,
                                       gboolean           written,
                                       TdExportProgress   progress,
                                       gpointer           user_data,
                                       GError           **error);
gboolean      td_xlsx_check           (lxw_error    result,
                                       GError     **error);
char         *td_xlsx_clean_text      (const char  *text);
const char   *td_xlsx_text            (const char  *text,
                                       char       **owned);
double        td_xlsx_column_points   (double       width);
double        td_xlsx_row_height      (const char  *text,
                                       double       column_width,
                                       double       size,
                                       gboolean     bold,
                                       gboolean     italic);
char         *td_xlsx_decree_date     (const char  *iso_date,
                                       gboolean     numeric);

G_END_DECLS
