#define G_LOG_DOMAIN "td-locale"

#include "config.h"

#include <locale.h>
#include <libintl.h>

#include "td-locale.h"

/* Translations come from the build folder when the program runs
 * uninstalled (DESIGN.md «Running from the build folder»): the compiled
 * catalogue sits in <build>/po beside <build>/src/<program>. */
static char *
find_localedir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  const char *env = g_getenv ("THIDUA_LOCALEDIR");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  if (exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (exe);

      for (int up = 0; up < 3 && dir != NULL; up++)
        {
          g_autofree char *mo = g_build_filename (dir, "po", "vi", "LC_MESSAGES",
                                                  GETTEXT_PACKAGE ".mo", NULL);
          char *parent;

          if (g_file_test (mo, G_FILE_TEST_IS_REGULAR))
            return g_build_filename (dir, "po", NULL);
          parent = g_path_get_dirname (dir);
          g_free (dir);
          dir = parent;
        }
    }

  return g_strdup (LOCALEDIR);
}

void
td_locale_init (void)
{
  g_autofree char *localedir = find_localedir ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  /* Messages are UTF-8 whatever the locale's character set. */
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
