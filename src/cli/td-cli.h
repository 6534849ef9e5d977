#pragma once

#include <stdio.h>

#include "td-database.h"

G_BEGIN_DECLS

/* Exit codes (DESIGN.md «Command line»). */
enum
{
  TD_CLI_OK = 0,
  TD_CLI_FAILED = 1,
  TD_CLI_USAGE = 2,
};

typedef struct
{
  const char *db_path;
  gboolean    default_db;   /* no --db: the program's own database */
} TdCliGlobals;

int         td_cli_fail        (const GError *error);
int         td_cli_usage       (const char   *format,
                                ...) G_GNUC_PRINTF (1, 2);
/* @flags: TD_DATABASE_OPEN_SHARED for the commands that only read. */
TdDatabase *td_cli_open        (const TdCliGlobals  *globals,
                                TdDatabaseOpenFlags  flags,
                                GError             **error);
gboolean    td_cli_parse       (GOptionContext *context,
                                int            *argc,
                                char         ***argv);
void        td_cli_print_tsv   (GString      *line,
                                const char   *field,
                                gboolean      last);
gboolean    td_cli_parse_number (const char  *text,
                                gint64       min,
                                gint64       max,
                                gint64      *value);
void        td_cli_progress    (double        fraction,
                                gpointer      user_data);

int td_cli_init   (const TdCliGlobals *globals, int argc, char **argv);
int td_cli_check  (const TdCliGlobals *globals, int argc, char **argv);
int td_cli_backup (const TdCliGlobals *globals, int argc, char **argv);
int td_cli_list   (const TdCliGlobals *globals, int argc, char **argv);
int td_cli_words  (const TdCliGlobals *globals, int argc, char **argv);
int td_cli_export (const TdCliGlobals *globals, int argc, char **argv);
int td_cli_import (const TdCliGlobals *globals, int argc, char **argv);

G_END_DECLS
