#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Generated data for the benchmarks: Vietnamese names, positions, ranks
 * and units, drawn from @rand, and SQLite calls that stop the program on
 * an error. */
char       *bench_person_name (GRand        *rand,
                               gboolean      female);
const char *bench_position    (GRand        *rand);
const char *bench_rank        (GRand        *rand);
const char *bench_place       (GRand        *rand);
const char *bench_unit_kind   (GRand        *rand);
void        bench_check       (sqlite3      *handle,
                               int           rc);
void        bench_step        (sqlite3      *handle,
                               sqlite3_stmt *stmt);

G_END_DECLS
