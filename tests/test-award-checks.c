#include "config.h"
#include "td-test-util.h"
int
main (int argc, char *argv[])
{
  td_test_init (&argc, &argv);
  return td_test_run ();
}
