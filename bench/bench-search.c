/* The search across everything, on a database of 200,000 people and
 * 500,000 award lines:
 *
 *   - the records, written with plain SQL by a connection of its own (an
 *     outside tool: no trigger of ours fires);
 *   - opening it: the derived data and the whole index are built;
 *   - the same from a file of schema version 1 (the migration's build);
 *   - opening it again with nothing to do, then after an outside tool
 *     added a few rows;
 *   - 50 typical queries of 1–3 words, prefixes, as typed in the search
 *     field: mean and worst per query (each query gives up to 10 hits of
 *     each kind, with their snippets).
 *
 *   bench-search [N_PEOPLE N_AWARDS]      (default 200000 500000)
 *   bench-search queries DB               the queries alone, on a kept file
 *
 * BENCH_SEARCH_KEEP=1 keeps the file; BENCH_SEARCH_VERBOSE=1 prints the
 * time of each query.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bench-names.h"
#include "td-database-private.h"
#include "td-person-store.h"
#include "td-search.h"
#include "td-text.h"

static const char *const achievements[] = {
  "Đã có thành tích xuất sắc trong phong trào thi đua \"Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, "
  "an ninh biên giới quốc gia\"",
  "Đã hoàn thành xuất sắc nhiệm vụ",
  "Đã có thành tích xuất sắc trong công tác tuyên truyền, vận động Nhân dân tham gia bảo vệ chủ quyền "
  "lãnh thổ, an ninh biên giới quốc gia",
  "Đã có thành tích trong công tác phổ biến, giáo dục pháp luật về biên giới quốc gia",
  "Đã có thành tích xuất sắc trong xây dựng và duy trì hoạt động các tổ tự quản đường biên, cột mốc",
  "Hoàn thành tốt nhiệm vụ",
  "Đã có thành tích xuất sắc trong công tác phòng, chống dịch bệnh",
  "Đã có thành tích trong công tác cứu hộ, cứu nạn, phòng chống thiên tai",
};

/* What people type: names, pieces of names, units, numbers, words of an
 * achievement, forms, positions; whole words and prefixes. */
static const char *const queries[] = {
  "nguyen van hung", "tran thi lan", "le duc", "pham minh tuan", "hoang van thang",
  "dang huy hau", "vu thi thu", "ng hau", "tr th h", "ngu van",
  "hoa", "ph m t", "dan hu ha", "bui quang", "do van dung",
  "nguyễn thị hằng", "Lê Văn Đức", "trinh", "luc van", "chu thi",
  "don bien phong", "xa hoanh mo", "po hen", "ka long", "dong van",
  "125/qd", "4440/qđ-ubnd", "17/qd", "2019", "qd-ubnd 2021",
  "thanh tich xuat sac", "tuyen truyen", "phong trao thi dua", "hoan thanh xuat sac nhiem vu",
  "cuu ho cuu nan", "bang khen", "chien si thi dua", "giay khen", "co thi dua",
  "don truong", "chu tich ubnd", "truong thon", "dai uy", "thieu ta",
  "n", "t", "th", "ng", "nguyen", "h",
};

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The records, as an outside tool writes them: one transaction, prepared
 * statements, no function or trigger of ours. */
static void
fill (const char *path,
      int         n_people,
      int         n_awards)
{
  const int n_units = 600, n_campaigns = 30, n_decisions = 3000;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20190115);
  sqlite3 *handle = NULL;
  sqlite3_stmt *unit = NULL, *person = NULL, *campaign = NULL, *decision = NULL, *award = NULL;
  int n_forms;

  bench_check (handle, sqlite3_open (path, &handle));
  bench_check (handle, sqlite3_exec (handle, "BEGIN", NULL, NULL, NULL));
  bench_check (handle, sqlite3_prepare_v2 (handle, "INSERT INTO units (id, parent_id, name, short_name, kind) "
                                     "VALUES (?1, ?2, ?3, ?4, 'commune')", -1, &unit, NULL));
  bench_check (handle, sqlite3_prepare_v2 (handle, "INSERT INTO people (id, full_name, gender, position, rank, unit_id) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1, &person, NULL));
  bench_check (handle, sqlite3_prepare_v2 (handle, "INSERT INTO campaigns (id, title, short_title, launch_number, launch_date) "
                                     "VALUES (?1, ?2, ?3, ?4, '2017-11-13')", -1, &campaign, NULL));
  bench_check (handle, sqlite3_prepare_v2 (handle, "INSERT INTO decisions (id, number, date, issuer, campaign_id, year, title) "
                                     "VALUES (?1, ?2, ?3, 'Chủ tịch UBND tỉnh Quảng Ninh', ?4, ?5, ?6)",
                                     -1, &decision, NULL));
  bench_check (handle, sqlite3_prepare_v2 (handle, "INSERT INTO awards (id, decision_id, form_id, unit_id, person_id, "
                                     "achievement, amount) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)", -1, &award, NULL));

  for (int i = 1; i <= n_units; i++)
    {
      const char *place = bench_place (rand);
      g_autofree char *number = i > 60 ? g_strdup_printf (" %d", i) : g_strdup ("");
      g_autofree char *name = g_strdup_printf ("%s %s%s", bench_unit_kind (rand), place, number);
      g_autofree char *short_name = g_strdup_printf ("%s%s", place, number);

      sqlite3_bind_int (unit, 1, i);
      if (i > 30)
        sqlite3_bind_int (unit, 2, g_rand_int_range (rand, 1, 31));
      else
        sqlite3_bind_null (unit, 2);
      sqlite3_bind_text (unit, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (unit, 4, short_name, -1, SQLITE_TRANSIENT);
      bench_step (handle, unit);
    }

  for (int i = 1; i <= n_people; i++)
    {
      gboolean female = g_rand_boolean (rand);
      gboolean armed = g_rand_int_range (rand, 0, 4) == 0;
      const char *position = bench_position (rand);
      g_autofree char *name = bench_person_name (rand, female);

      sqlite3_bind_int (person, 1, i);
      sqlite3_bind_text (person, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (person, 3, female ? "female" : "male", -1, SQLITE_STATIC);
      if (position != NULL)
        sqlite3_bind_text (person, 4, position, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (person, 4);
      if (armed)
        sqlite3_bind_text (person, 5, bench_rank (rand), -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (person, 5);
      sqlite3_bind_int (person, 6, g_rand_int_range (rand, 1, n_units + 1));
      bench_step (handle, person);
    }

  for (int i = 1; i <= n_campaigns; i++)
    {
      g_autofree char *title = g_strdup_printf ("Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới "
                                                "quốc gia, giai đoạn %d", 2000 + i);
      g_autofree char *number = g_strdup_printf ("%d/QĐ-UBND", 4400 + i * 7);

      sqlite3_bind_int (campaign, 1, i);
      sqlite3_bind_text (campaign, 2, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (campaign, 3, "Bảo vệ chủ quyền biên giới", -1, SQLITE_STATIC);
      sqlite3_bind_text (campaign, 4, number, -1, SQLITE_TRANSIENT);
      bench_step (handle, campaign);
    }

  for (int i = 1; i <= n_decisions; i++)
    {
      int year = 2015 + i % 11;
      g_autofree char *number = g_strdup_printf ("%d/QĐ-UBND", 1 + (i * 37) % 5000);
      g_autofree char *date = g_strdup_printf ("%d-%02d-%02d", year + 1, 1 + i % 12, 1 + i % 28);
      g_autofree char *title = g_strdup_printf ("Về việc tặng Bằng khen cho các tập thể, cá nhân có thành tích "
                                                "xuất sắc trong phong trào thi đua năm %d", year);

      sqlite3_bind_int (decision, 1, i);
      sqlite3_bind_text (decision, 2, number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (decision, 3, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (decision, 4, 1 + i % n_campaigns);
      sqlite3_bind_int (decision, 5, year);
      sqlite3_bind_text (decision, 6, title, -1, SQLITE_TRANSIENT);
      bench_step (handle, decision);
    }

  {
    sqlite3_stmt *count = NULL;

    bench_check (handle, sqlite3_prepare_v2 (handle, "SELECT max(id) FROM award_forms", -1, &count, NULL));
    bench_check (handle, sqlite3_step (count));
    n_forms = sqlite3_column_int (count, 0);
    sqlite3_finalize (count);
  }

  for (int i = 1; i <= n_awards; i++)
    {
      g_autofree char *achievement = g_strdup_printf ("%s năm %d", achievements[g_rand_int_range (rand, 0, G_N_ELEMENTS (achievements))],
                                                      2015 + i % 11);
      gboolean collective = g_rand_int_range (rand, 0, 7) == 0;

      sqlite3_bind_int (award, 1, i);
      sqlite3_bind_int (award, 2, g_rand_int_range (rand, 1, n_decisions + 1));
      sqlite3_bind_int (award, 3, g_rand_int_range (rand, 1, n_forms + 1));
      if (collective)
        {
          sqlite3_bind_int (award, 4, g_rand_int_range (rand, 1, n_units + 1));
          sqlite3_bind_null (award, 5);
        }
      else
        {
          sqlite3_bind_null (award, 4);
          sqlite3_bind_int (award, 5, g_rand_int_range (rand, 1, n_people + 1));
        }
      sqlite3_bind_text (award, 6, achievement, -1, SQLITE_TRANSIENT);
      bench_step (handle, award);
    }

  sqlite3_finalize (unit);
  sqlite3_finalize (person);
  sqlite3_finalize (campaign);
  sqlite3_finalize (decision);
  sqlite3_finalize (award);
  bench_check (handle, sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL));
  sqlite3_close (handle);
}

static void
outside_exec (const char *path,
              const char *sql)
{
  sqlite3 *handle = NULL;

  bench_check (handle, sqlite3_open (path, &handle));
  bench_check (handle, sqlite3_exec (handle, sql, NULL, NULL, NULL));
  sqlite3_close (handle);
}

static TdDatabase *
timed_open (const char *path,
            const char *what)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  TdDatabase *db = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);

  if (db == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
  printf ("%-58s %8.3f s\n", what, seconds_since (start));
  return db;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gint64 size = 0;

  if (g_stat (path, &st) == 0)
    size += st.st_size;
  if (g_stat (wal, &st) == 0)
    size += st.st_size;
  return size;
}

static gint64
query_int (TdDatabase *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  bench_check (td_database_get_handle (db), sqlite3_prepare_v2 (td_database_get_handle (db), sql, -1, &stmt, NULL));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
timed_exec (TdDatabase *db,
            const char *sql,
            const char *what)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!td_database_exec (db, sql, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
  printf ("%-58s %8.3f s\n", what, seconds_since (start));
}

/* The index kept up by the temporary triggers, as the program edits. */
static void
run_edits (TdDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPerson) person = td_person_store_get (db, 1, &error);
  g_autofree char *what = NULL;
  gint64 start;

  g_free (person->full_name);
  person->full_name = g_strdup ("Nguyễn Văn Đổi Tên");
  start = g_get_monotonic_time ();
  if (!td_person_store_update (db, person, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
  what = g_strdup_printf ("Rename a person (store; %" G_GINT64_FORMAT " award lines follow)",
                          query_int (db, "SELECT count(*) FROM awards WHERE person_id = 1"));
  printf ("%-58s %8.3f s\n", what, seconds_since (start));
  g_clear_pointer (&what, g_free);

  what = g_strdup_printf ("Rename a unit (%" G_GINT64_FORMAT " people, %" G_GINT64_FORMAT " lines follow)",
                          query_int (db, "SELECT count(*) FROM people WHERE unit_id = 1"),
                          query_int (db, "SELECT count(*) FROM awards WHERE unit_id = 1"));
  timed_exec (db, "UPDATE units SET name = name || ' mới' WHERE id = 1", what);
  g_clear_pointer (&what, g_free);

  what = g_strdup_printf ("Rename an award form (%" G_GINT64_FORMAT " lines follow)",
                          query_int (db, "SELECT count(*) FROM awards WHERE form_id = 1"));
  timed_exec (db, "UPDATE award_forms SET name = name || ' (mới)' WHERE id = 1", what);

  timed_exec (db,
              "BEGIN;"
              "INSERT INTO awards (decision_id, form_id, person_id, achievement, amount) "
              " SELECT 1, 2, id, 'Đã có thành tích xuất sắc trong công tác cứu hộ, cứu nạn năm 2025', 0 "
              " FROM people WHERE id <= 10000;"
              "COMMIT;",
              "Insert 10,000 award lines in one transaction");
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
run_queries (TdDatabase *db)
{
  double times[G_N_ELEMENTS (queries)];
  double sorted[G_N_ELEMENTS (queries)];
  double total = 0, worst = 0;
  guint worst_i = 0;
  guint total_hits = 0;

  /* One pass to warm the page cache, as a session would have it. */
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) hits = td_search_query (db, queries[i], 10, NULL);

      g_assert (hits != NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) hits = td_search_query (db, queries[i], 10, &error);

      times[i] = seconds_since (start) * 1000;
      if (hits == NULL)
        {
          fprintf (stderr, "%s: %s\n", queries[i], error->message);
          exit (1);
        }
      total_hits += hits->len;
      total += times[i];
      if (times[i] > worst)
        {
          worst = times[i];
          worst_i = i;
        }
    }

  memcpy (sorted, times, sizeof times);
  qsort (sorted, G_N_ELEMENTS (sorted), sizeof (double), compare_doubles);
  printf ("%u queries, up to 10 hits of each kind (%u hits in all):\n",
          (guint) G_N_ELEMENTS (queries), total_hits);
  printf ("  mean %.1f ms, median %.1f ms, 90th percentile %.1f ms, worst %.1f ms («%s»)\n",
          total / G_N_ELEMENTS (queries), sorted[G_N_ELEMENTS (sorted) / 2],
          sorted[G_N_ELEMENTS (sorted) * 9 / 10], worst, queries[worst_i]);
  if (g_getenv ("BENCH_SEARCH_VERBOSE") != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      printf ("  %6.1f ms  %s\n", times[i], queries[i]);
}

int
main (int   argc,
      char *argv[])
{
  int n_people = argc == 3 ? atoi (argv[1]) : 200000;
  int n_awards = argc == 3 ? atoi (argv[2]) : 500000;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-search-XXXXXX", &error);
  g_autofree char *path = NULL;
  TdDatabase *db;
  gint64 start;

  if (argc == 3 && g_str_equal (argv[1], "queries"))
    {
      db = timed_open (argv[2], "Open");
      run_queries (db);
      g_object_unref (db);
      g_rmdir (dir);
      td_text_cleanup ();
      return 0;
    }

  if (dir == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "bench.db", NULL);

  db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);
  if (db == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  g_object_unref (db);

  start = g_get_monotonic_time ();
  fill (path, n_people, n_awards);
  printf ("%d people, %d award lines\n", n_people, n_awards);
  printf ("%-58s %8.3f s\n", "Records written with plain SQL (no trigger)", seconds_since (start));

  db = timed_open (path, "Open: derived data and the whole index built");
  g_object_unref (db);

  /* The file as version 1 had it: the migration's build alone. */
  outside_exec (path, "DROP TABLE search_index; PRAGMA user_version = 1; VACUUM;");
  printf ("%-58s %8.1f MB\n", "File without the index", file_size (path) / 1e6);
  db = timed_open (path, "Open a version 1 file: migration builds the index");
  g_object_unref (db);
  outside_exec (path, "PRAGMA wal_checkpoint(TRUNCATE);");
  printf ("%-58s %8.1f MB\n", "File with the index", file_size (path) / 1e6);

  db = timed_open (path, "Open again, index up to date (the check alone)");
  g_object_unref (db);

  outside_exec (path,
                "INSERT INTO people (full_name, unit_id) VALUES ('Vàng A Páo', 1);"
                "INSERT INTO awards (decision_id, form_id, person_id, achievement, amount) "
                " VALUES (1, 1, last_insert_rowid (), 'Cứu hộ, cứu nạn', 0);"
                "DELETE FROM awards WHERE id = 17;");
  db = timed_open (path, "Open after an outside tool added and deleted rows");
  {
    g_autoptr(GPtrArray) hits = td_search_query (db, "vang a pao", 10, NULL);

    g_assert (hits != NULL && hits->len == 2);
  }

  run_queries (db);
  run_edits (db);

  g_object_unref (db);
  if (g_getenv ("BENCH_SEARCH_KEEP") != NULL)
    {
      printf ("Kept %s\n", path);
      return 0;
    }
  for (guint i = 0; i < 3; i++)
    {
      const char *suffix[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffix[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
  td_text_cleanup ();
  return 0;
}
