#define G_LOG_DOMAIN "td-test"

#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "td-sample.h"
#include "td-test-util.h"
#include "td-text.h"

static char *tmp_dir;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

char *
td_test_tmp_path (const char *name)
{
  static guint counter;

  if (tmp_dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      tmp_dir = g_dir_make_tmp ("thidua-test-XXXXXX", &error);
      g_assert_no_error (error);
    }
  return g_strdup_printf ("%s/%u-%s", tmp_dir, ++counter, name);
}

TdDatabase *
td_test_new_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = td_test_tmp_path ("test.db");
  TdDatabase *db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

TdDatabase *
td_test_sample_database (void)
{
  g_autoptr(GError) error = NULL;
  TdDatabase *db = td_test_new_database ();

  td_sample_load (db, &error);
  g_assert_no_error (error);
  return db;
}

void
td_test_init (int    *argc,
              char ***argv)
{
  /* Messages in English whatever the machine: tests compare texts. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, NULL);
}

int
td_test_run (void)
{
  int result = g_test_run ();

  if (tmp_dir != NULL)
    remove_tree (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
  td_text_cleanup ();
  return result;
}
