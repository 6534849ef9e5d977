#define G_LOG_DOMAIN "thidua"

#include "config.h"

#include <signal.h>

#include "td-application.h"
#include "td-locale.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TdApplication) app = NULL;

  /* A file-size limit must make writes fail cleanly, not kill us. */
  signal (SIGXFSZ, SIG_IGN);
  td_locale_init ();

  app = td_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
