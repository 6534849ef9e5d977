/* The people table of the directory page, on a database of 200,000
 * people (the names generated as bench-search does):
 *
 *   - loading the table (td_person_table_load: every row, the keys);
 *   - sorting it by each column, both ways;
 *   - filtering it at each keystroke while typing «nguyen v a n», «dang»
 *     (then erasing it), «thi».
 *
 *   bench-people [N_PEOPLE]      (default 200000)
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-names.h"
#include "td-database-private.h"
#include "td-person-table.h"
#include "td-text.h"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e3;
}

/* The people and their units, as an outside tool writes them. */
static void
fill (const char *path,
      int         n_people)
{
  const int n_units = 600;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20190115);
  sqlite3 *handle = NULL;
  sqlite3_stmt *unit = NULL, *person = NULL;

  bench_check (handle, sqlite3_open (path, &handle));
  bench_check (handle, sqlite3_exec (handle, "BEGIN", NULL, NULL, NULL));
  bench_check (handle, sqlite3_prepare_v2 (handle, "INSERT INTO units (id, parent_id, name, short_name, kind) "
                                     "VALUES (?1, ?2, ?3, ?4, 'commune')", -1, &unit, NULL));
  bench_check (handle, sqlite3_prepare_v2 (handle, "INSERT INTO people (id, full_name, gender, birth_year, position, "
                                     "rank, unit_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", -1, &person, NULL));

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
      if (g_rand_int_range (rand, 0, 5) > 0)
        sqlite3_bind_int (person, 4, g_rand_int_range (rand, 1955, 2003));
      else
        sqlite3_bind_null (person, 4);
      if (position != NULL)
        sqlite3_bind_text (person, 5, position, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (person, 5);
      if (armed)
        sqlite3_bind_text (person, 6, bench_rank (rand), -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (person, 6);
      sqlite3_bind_int (person, 7, g_rand_int_range (rand, 1, n_units + 1));
      bench_step (handle, person);
    }

  sqlite3_finalize (unit);
  sqlite3_finalize (person);
  bench_check (handle, sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL));
  sqlite3_close (handle);
}

static TdPersonTable *
load (TdDatabase *db)
{
  g_autoptr(GError) error = NULL;
  TdPersonTable *table = td_person_table_load (db, &error);

  if (table == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
  return table;
}

/* Types @text letter by letter (and erases it again with @erase). */
static double
type (TdPersonTable *table,
      const char    *text,
      gboolean       erase)
{
  g_autoptr(GString) typed = g_string_new (NULL);
  double worst = 0;
  guint n = strlen (text);

  for (guint i = 0; i < 2 * n; i++)
    {
      gint64 start;
      double ms;

      if (i < n)
        g_string_append_c (typed, text[i]);
      else if (erase)
        g_string_truncate (typed, typed->len - 1);
      else
        break;
      start = g_get_monotonic_time ();
      td_person_table_set_filter (table, typed->str);
      ms = ms_since (start);
      worst = MAX (worst, ms);
      printf ("  %-14s %7.1f ms %8u people\n", typed->len ? typed->str : "(empty)", ms,
              td_person_table_get_n_shown (table));
    }
  return worst;
}

int
main (int   argc,
      char *argv[])
{
  static const struct { TdPersonColumn column; const char *name; } columns[] = {
    { TD_PERSON_COLUMN_GENDER, "gender" },
    { TD_PERSON_COLUMN_BIRTH_YEAR, "year of birth" },
    { TD_PERSON_COLUMN_RANK, "rank" },
    { TD_PERSON_COLUMN_POSITION, "position" },
    { TD_PERSON_COLUMN_UNIT, "unit" },
    { TD_PERSON_COLUMN_NAME, "name" },
  };
  int n_people = argc == 2 ? atoi (argv[1]) : 200000;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-people-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(TdDatabase) db = NULL;
  TdPersonTable *table;
  double best = G_MAXDOUBLE, worst_sort = 0, worst_key, ms;
  gint64 start;

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
  g_clear_object (&db);
  fill (path, n_people);
  /* Opening builds the derived columns (the name keys, the folded text). */
  db = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("%d people\n", n_people);

  for (int i = 0; i < 3; i++)
    {
      start = g_get_monotonic_time ();
      table = load (db);
      best = MIN (best, ms_since (start));
      if (i == 0)
        printf ("%-40s %7.1f ms\n", "Load (first)", best);
      td_person_table_free (table);
    }
  printf ("%-40s %7.1f ms\n", "Load (best of 3)", best);

  table = load (db);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    for (int descending = 0; descending < 2; descending++)
      {
        g_autofree char *what = g_strdup_printf ("Sort by %s, %s", columns[i].name,
                                                 descending ? "descending" : "ascending");

        start = g_get_monotonic_time ();
        td_person_table_sort (table, columns[i].column, descending);
        ms = ms_since (start);
        worst_sort = MAX (worst_sort, ms);
        printf ("%-40s %7.1f ms\n", what, ms);
      }

  printf ("Filter, per keystroke (sorted by name):\n");
  worst_key = type (table, "nguyen v a n", FALSE);
  td_person_table_set_filter (table, "");
  ms = type (table, "dang", TRUE);
  worst_key = MAX (worst_key, ms);
  ms = type (table, "thi", FALSE);
  worst_key = MAX (worst_key, ms);
  start = g_get_monotonic_time ();
  td_person_table_sort (table, TD_PERSON_COLUMN_UNIT, FALSE);
  printf ("%-40s %7.1f ms\n", "Sort by unit with «thi» typed", ms_since (start));
  td_person_table_free (table);

  printf ("Worst: sort %.1f ms, keystroke %.1f ms\n", worst_sort, worst_key);

  g_clear_object (&db);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  td_text_cleanup ();
  return 0;
}
