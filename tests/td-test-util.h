#pragma once

#include "td-database.h"

G_BEGIN_DECLS

/* A new database in a fresh temporary folder; the folder is removed by
 * td_test_cleanup(). */
TdDatabase *td_test_new_database   (void);
TdDatabase *td_test_sample_database (void);
char       *td_test_tmp_path       (const char *name);
void        td_test_init           (int        *argc,
                                    char     ***argv);
int         td_test_run            (void);

G_END_DECLS
