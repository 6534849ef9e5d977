#define G_LOG_DOMAIN "fuzz-xlsx"

#include "config.h"

#include <stdint.h>

#include "td-import-table.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* The bytes as an XLSX workbook: its first sheet, then (when it has
 * more) its last by name. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(TdImportTable) table = NULL;
  g_autoptr(GError) error = NULL;
  TdImportReadOptions options = { 0 };
  guint n_sheets;

  table = td_xlsx_parse (bytes, NULL, &error);
  g_assert ((table == NULL) != (error == NULL));
  if (table == NULL)
    return 0;
  n_sheets = g_strv_length (table->sheets);
  g_assert (n_sheets > 0);
  if (n_sheets > 1)
    {
      g_autoptr(TdImportTable) last = NULL;
      g_autoptr(GError) last_error = NULL;

      options.sheet = table->sheets[n_sheets - 1];
      last = td_xlsx_parse (bytes, &options, &last_error);
      g_assert ((last == NULL) != (last_error == NULL));
    }
  return 0;
}
