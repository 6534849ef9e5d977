#define G_LOG_DOMAIN "fuzz-csv"

#include "config.h"

#include <stdint.h>

#include "td-import-table.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* The bytes as a CSV file: the encoding found, then one given (chosen by
 * the size, so that every input always takes the same paths); the
 * TCVN3 font check and conversion on what was read. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *const encodings[] = { "utf-8", "windows-1258", "tcvn3", "tcvn3-font" };
  TdImportReadOptions options = { 0 };
  g_autoptr(TdImportTable) detected = NULL;
  g_autoptr(TdImportTable) forced = NULL;
  g_autoptr(GError) error = NULL;

  td_csv_detect_encoding ((const char *) data, size);
  detected = td_csv_parse ((const char *) data, size, NULL, &error);
  g_assert ((detected == NULL) != (error == NULL));
  g_clear_error (&error);
  if (detected != NULL)
    {
      td_vn3_detect (detected);
      td_import_table_convert_vn3 (detected);
    }

  options.encoding = encodings[size % G_N_ELEMENTS (encodings)];
  forced = td_csv_parse ((const char *) data, size, &options, &error);
  g_assert ((forced == NULL) != (error == NULL));
  return 0;
}
