/* Importing people from a CSV file: 100,000 rows by default (the goal:
 * under 3 s on a 2-core machine), read, checked and written in one
 * transaction as thidua-cli import does, timed; and the check alone, as
 * the window's preview makes it before.
 *
 *   bench-import [N_ROWS] [windows-1258]
 */

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "bench-names.h"
#include "td-import.h"
#include "td-person-store.h"
#include "td-sample.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int    argc,
      char **argv)
{
  guint n_rows = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  gboolean legacy = argc > 2;
  g_autoptr(GRand) rand = g_rand_new_with_seed (4440);
  g_autoptr(GString) csv = g_string_new ("STT,Họ và tên,Giới tính,Năm sinh,Chức vụ,Cấp bậc,Đơn vị,Ghi chú\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-import-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "people.csv", NULL);
  static const char *const units[] = { "Xã Hoành Mô", "Xã Đồng Văn", "Xã Húc Động", "Xã Quảng Đức",
                                       "Đồn Biên phòng Hoành Mô", "Sở Tư pháp", "Phường Trà Cổ" };
  g_autoptr(TdDatabase) db = NULL;
  g_autoptr(TdImportTable) table = NULL;
  g_autoptr(TdImport) import = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) people = NULL;
  TdImportOptions options = { TD_IMPORT_PEOPLE };
  TdImportReadOptions read_options = { 0 };
  TdImportCounts counts = { 0 };
  gint64 start, total;

  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  for (guint i = 0; i < n_rows; i++)
    {
      gboolean female = g_rand_boolean (rand);
      g_autofree char *name = bench_person_name (rand, female);

      g_string_append_printf (csv, "%u,%s,%s,%d,\"%s\",%s,%s,Mã cán bộ %06u\n", i + 1, name, female ? "Nữ" : "Nam",
                              g_rand_int_range (rand, 1960, 2002), bench_position (rand),
                              g_rand_int_range (rand, 0, 4) == 0 ? bench_rank (rand) : "",
                              units[g_rand_int_range (rand, 0, G_N_ELEMENTS (units))], i + 1);
    }
  if (legacy)
    {
      g_autofree char *converted = g_convert (csv->str, csv->len, "WINDOWS-1258", "UTF-8", NULL, NULL, &error);

      g_assert_no_error (error);
      g_file_set_contents (csv_path, converted, -1, &error);
    }
  else
    g_file_set_contents (csv_path, csv->str, csv->len, &error);
  g_assert_no_error (error);

  db = td_database_open (db_path, TD_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  td_sample_load (db, &error);
  g_assert_no_error (error);

  printf ("%u people, %.1f MB of CSV%s\n", n_rows, csv->len / 1e6, legacy ? " in Windows-1258" : "");
  total = start = g_get_monotonic_time ();
  table = td_import_table_read (csv_path, &read_options, &error);
  g_assert_no_error (error);
  printf ("read (%s):             %.3f s\n", table->encoding, seconds_since (start));

  start = g_get_monotonic_time ();
  import = td_import_new (db, g_steal_pointer (&table), &options, &error);
  g_assert_no_error (error);
  td_import_apply (import, NULL, NULL, NULL, &counts, &error);
  g_assert_no_error (error);
  printf ("checked and written:      %.3f s, %u added (with the backup before, the audit trail,\n"
          "                          the undo step and the search index)\n",
          seconds_since (start), counts.added);
  printf ("total:                    %.3f s\n", seconds_since (total));

  /* The preview of the window: the check alone, on the same file again
   * (every row already there now). */
  table = td_import_table_read (csv_path, &read_options, &error);
  g_assert_no_error (error);
  g_clear_object (&import);
  import = td_import_new (db, g_steal_pointer (&table), &options, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  reports = td_import_check (import, &error);
  g_assert_no_error (error);
  printf ("a preview's check alone:  %.3f s\n", seconds_since (start));

  people = td_person_store_list (db, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, >=, n_rows);
  g_clear_object (&db);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

    if (system (cmd) != 0)
      fprintf (stderr, "Could not remove %s\n", dir);
  }
  return 0;
}
