#define G_LOG_DOMAIN "td-person-table"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "td-database-private.h"
#include "td-person-table.h"
#include "td-text.h"

/* An empty cell sorts after every value, whichever the direction. */
#define KEY_EMPTY G_MAXUINT32

typedef struct
{
  gint64      id;
  gint64      unit_id;
  const char *full_name;
  const char *position;   /* interned: equal texts share one pointer */
  const char *rank;
  const char *unit_name;
  const char *note;
  const char *search;     /* folded name, position and rank */
  guint32     position_key;
  guint32     rank_key;
  guint32     unit_key;
  gint16      birth_year;
  guint8      gender;
} Row;

struct _TdPersonTable
{
  GStringChunk *strings;
  GArray       *rows;      /* Row, in name order: a row's index is its name key */
  guint32      *order;     /* every row, in the current sort */
  guint32      *shown;     /* the rows that pass the filter, in order */
  guint         n_shown;
  guint8       *matches;   /* per row: passes the filter */
  GStrv         words;     /* the filter's folded words, NULL for none */
  char         *labels[2]; /* male, female: gender sorts by what is shown */
};

static const char *
intern (GStringChunk *strings,
        const char   *text)
{
  return text != NULL && *text ? g_string_chunk_insert_const (strings, text) : NULL;
}

static const char *
insert (GStringChunk *strings,
        const char   *text)
{
  return text != NULL ? g_string_chunk_insert (strings, text) : NULL;
}

typedef struct
{
  const char *text;
  GBytes     *key;
} Distinct;

static int
compare_distinct (const void *a,
                  const void *b)
{
  const Distinct *da = a, *db = b;
  gsize la, lb;
  const guint8 *ka = g_bytes_get_data (da->key, &la);
  const guint8 *kb = g_bytes_get_data (db->key, &lb);
  int result = memcmp (ka, kb, MIN (la, lb));

  if (result != 0)
    return result;
  return la < lb ? -1 : la > lb;
}

/* The key of a text column: the place of its value among the distinct
 * values in Vietnamese order (ICU sort keys, computed once per value). */
static void
rank_column (TdPersonTable *table,
             gsize          text_offset,
             gsize          key_offset)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GArray) distinct = g_array_new (FALSE, FALSE, sizeof (Distinct));
  GHashTableIter iter;
  gpointer text;

  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = &g_array_index (table->rows, Row, i);
      const char *value = G_STRUCT_MEMBER (const char *, row, text_offset);

      if (value != NULL)
        g_hash_table_add (seen, (gpointer) value);
    }
  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &text, NULL))
    {
      Distinct d = { text, td_text_sort_key (text) };

      g_array_append_val (distinct, d);
    }
  qsort (distinct->data, distinct->len, sizeof (Distinct), compare_distinct);
  for (guint i = 0; i < distinct->len; i++)
    {
      Distinct *d = &g_array_index (distinct, Distinct, i);

      g_hash_table_insert (seen, (gpointer) d->text, GUINT_TO_POINTER (i));
      g_bytes_unref (d->key);
    }
  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = &g_array_index (table->rows, Row, i);
      const char *value = G_STRUCT_MEMBER (const char *, row, text_offset);

      G_STRUCT_MEMBER (guint32, row, key_offset) =
        value != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (seen, value)) : KEY_EMPTY;
    }
}

static void
show_all_matching (TdPersonTable *table)
{
  table->n_shown = 0;
  for (guint i = 0; i < table->rows->len; i++)
    if (table->matches[table->order[i]])
      table->shown[table->n_shown++] = table->order[i];
}

static TdPersonTable *
table_new (void)
{
  TdPersonTable *table = g_new0 (TdPersonTable, 1);

  table->strings = g_string_chunk_new (64 * 1024);
  table->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  table->labels[0] = g_strdup (td_gender_to_string (TD_GENDER_MALE));
  table->labels[1] = g_strdup (td_gender_to_string (TD_GENDER_FEMALE));
  return table;
}

static void
finish_load (TdPersonTable *table)
{
  guint n = table->rows->len;

  table->order = g_new (guint32, MAX (n, 1));
  table->shown = g_new (guint32, MAX (n, 1));
  table->matches = g_new (guint8, MAX (n, 1));
  memset (table->matches, 1, n);
  for (guint i = 0; i < n; i++)
    table->order[i] = i;
  rank_column (table, G_STRUCT_OFFSET (Row, position), G_STRUCT_OFFSET (Row, position_key));
  rank_column (table, G_STRUCT_OFFSET (Row, rank), G_STRUCT_OFFSET (Row, rank_key));
  rank_column (table, G_STRUCT_OFFSET (Row, unit_name), G_STRUCT_OFFSET (Row, unit_key));
  show_all_matching (table);
}

TdPersonTable *
td_person_table_new_empty (void)
{
  TdPersonTable *table = table_new ();

  finish_load (table);
  return table;
}

/* Every person, in the order of td_person_store_list() (the stored name
 * keys: given name first, DOMAIN.md), with what a table shows of them. */
TdPersonTable *
td_person_table_load (TdDatabase  *db,
                      GError     **error)
{
  g_autoptr(TdPersonTable) table = table_new ();
  g_autoptr(TdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);

  stmt = td_database_prepare (db,
                              "SELECT p.id, p.full_name, p.gender, p.birth_year, p.position, p.rank, "
                              "p.unit_id, p.note, u.name, p.search_text FROM people p "
                              "LEFT JOIN units u ON u.id = p.unit_id "
                              "ORDER BY p.sort_key, p.id",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row row = { 0 };
      TdGender gender;

      row.id = sqlite3_column_int64 (stmt, 0);
      row.full_name = insert (table->strings, (const char *) sqlite3_column_text (stmt, 1));
      if (!td_gender_from_string ((const char *) sqlite3_column_text (stmt, 2), &gender))
        gender = TD_GENDER_UNKNOWN;
      row.gender = gender;
      row.birth_year = sqlite3_column_int (stmt, 3);
      row.position = intern (table->strings, (const char *) sqlite3_column_text (stmt, 4));
      row.rank = intern (table->strings, (const char *) sqlite3_column_text (stmt, 5));
      row.unit_id = sqlite3_column_int64 (stmt, 6);
      row.note = insert (table->strings, (const char *) sqlite3_column_text (stmt, 7));
      row.unit_name = intern (table->strings, (const char *) sqlite3_column_text (stmt, 8));
      row.search = insert (table->strings, (const char *) sqlite3_column_text (stmt, 9));
      if (row.full_name == NULL)
        row.full_name = "";
      if (row.search == NULL)
        row.search = "";
      g_array_append_val (table->rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      td_database_set_error (db, error, rc);
      return NULL;
    }
  finish_load (table);
  return g_steal_pointer (&table);
}

void
td_person_table_free (TdPersonTable *table)
{
  if (table == NULL)
    return;
  g_string_chunk_free (table->strings);
  g_array_unref (table->rows);
  g_free (table->order);
  g_free (table->shown);
  g_free (table->matches);
  g_strfreev (table->words);
  g_free (table->labels[0]);
  g_free (table->labels[1]);
  g_free (table);
}

/* The labels the gender column shows (translated): it sorts by them. */
void
td_person_table_set_gender_labels (TdPersonTable *table,
                                   const char    *male,
                                   const char    *female)
{
  g_return_if_fail (table != NULL);

  g_free (table->labels[0]);
  g_free (table->labels[1]);
  table->labels[0] = g_strdup (male);
  table->labels[1] = g_strdup (female);
}

guint
td_person_table_get_n_people (TdPersonTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

guint
td_person_table_get_n_shown (TdPersonTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->n_shown;
}

/* The row (stable while the table lives) shown at @position. */
guint
td_person_table_get_row (TdPersonTable *table,
                         guint          position)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (position < table->n_shown, 0);
  return table->shown[position];
}

static const Row *
shown_row (TdPersonTable *table,
           guint          position)
{
  return &g_array_index (table->rows, Row, table->shown[position]);
}

gint64
td_person_table_get_id (TdPersonTable *table,
                        guint          position)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (position < table->n_shown, 0);
  return shown_row (table, position)->id;
}

const char *
td_person_table_get_name (TdPersonTable *table,
                          guint          position)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (position < table->n_shown, NULL);
  return shown_row (table, position)->full_name;
}

/* A new record of the person shown at @position. */
TdPerson *
td_person_table_get_person (TdPersonTable *table,
                            guint          position)
{
  const Row *row;
  TdPerson *person;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (position < table->n_shown, NULL);

  row = shown_row (table, position);
  person = td_person_new ();
  person->id = row->id;
  person->full_name = g_strdup (row->full_name);
  person->gender = row->gender;
  person->birth_year = row->birth_year;
  person->position = g_strdup (row->position);
  person->rank = g_strdup (row->rank);
  person->unit_id = row->unit_id;
  person->note = g_strdup (row->note);
  person->unit_name = g_strdup (row->unit_name);
  return person;
}

/* The position the person is shown at, or G_MAXUINT. */
guint
td_person_table_find (TdPersonTable *table,
                      gint64         id)
{
  g_return_val_if_fail (table != NULL, G_MAXUINT);

  for (guint i = 0; i < table->n_shown; i++)
    if (shown_row (table, i)->id == id)
      return i;
  return G_MAXUINT;
}

static int
compare_u64 (const void *a,
             const void *b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

static guint32
primary_key (TdPersonTable  *table,
             const Row      *row,
             TdPersonColumn  column,
             guint32         gender_keys[3])
{
  switch (column)
    {
    case TD_PERSON_COLUMN_GENDER:
      return gender_keys[row->gender];
    case TD_PERSON_COLUMN_BIRTH_YEAR:
      return row->birth_year > 0 ? (guint32) row->birth_year : KEY_EMPTY;
    case TD_PERSON_COLUMN_RANK:
      return row->rank_key;
    case TD_PERSON_COLUMN_POSITION:
      return row->position_key;
    case TD_PERSON_COLUMN_UNIT:
      return row->unit_key;
    case TD_PERSON_COLUMN_NAME:
    case TD_PERSON_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* By @column, then by name; empty cells last in both directions.  The
 * keys are small integers, so a sort is one qsort of 64-bit numbers
 * (column key, name key) and never collates a text. */
void
td_person_table_sort (TdPersonTable  *table,
                      TdPersonColumn  column,
                      gboolean        descending)
{
  guint n;

  g_return_if_fail (table != NULL);
  g_return_if_fail (column < TD_PERSON_N_COLUMNS);

  n = table->rows->len;
  if (column == TD_PERSON_COLUMN_NAME)
    {
      for (guint i = 0; i < n; i++)
        table->order[i] = descending ? n - 1 - i : i;
    }
  else
    {
      g_autofree guint64 *keys = g_new (guint64, MAX (n, 1));
      guint32 gender_keys[3] = { KEY_EMPTY, 0, 0 };
      int female_first = td_text_collate (table->labels[1], table->labels[0]) < 0;

      g_assert (TD_GENDER_UNKNOWN == 0 && TD_GENDER_MALE < 3 && TD_GENDER_FEMALE < 3);
      gender_keys[TD_GENDER_MALE] = female_first;
      gender_keys[TD_GENDER_FEMALE] = !female_first;
      for (guint i = 0; i < n; i++)
        {
          guint32 key = primary_key (table, &g_array_index (table->rows, Row, i), column, gender_keys);

          if (descending && key != KEY_EMPTY)
            key = KEY_EMPTY - 1 - key;
          keys[i] = ((guint64) key << 32) | i;
        }
      qsort (keys, n, sizeof (guint64), compare_u64);
      for (guint i = 0; i < n; i++)
        table->order[i] = (guint32) keys[i];
    }
  show_all_matching (table);
}

/* A word of the search begins a word of the text: «v» finds «Văn», not
 * «Hoàng Lâm Vũ»'s «u»… and «dang» finds «Đặng» (the text is folded). */
static gboolean
has_word_prefix (const char *text,
                 const char *word)
{
  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    if (p == text || (!g_ascii_isalnum (p[-1]) && (guchar) p[-1] < 0x80))
      return TRUE;
  return FALSE;
}

static gboolean
row_matches (const Row          *row,
             const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (!has_word_prefix (row->search, words[i]))
      return FALSE;
  return TRUE;
}

/* Each word of @old begins the same word of @words: what matches @words
 * matches @old, so only the rows shown now need a look. */
static gboolean
narrows (const char * const *old,
         const char * const *words)
{
  if (old == NULL)
    return TRUE;
  if (words == NULL || g_strv_length ((GStrv) words) < g_strv_length ((GStrv) old))
    return FALSE;
  for (guint i = 0; old[i] != NULL; i++)
    if (!g_str_has_prefix (words[i], old[i]))
      return FALSE;
  return TRUE;
}

/* Shows the people whose name, position or rank has a word beginning with
 * each word of @search, ignoring case, tones and letter marks (đ is d). */
void
td_person_table_set_filter (TdPersonTable *table,
                            const char    *search)
{
  g_auto(GStrv) words = td_text_search_words (search);

  g_return_if_fail (table != NULL);

  if (words == NULL)
    memset (table->matches, 1, table->rows->len);
  else if (narrows ((const char * const *) table->words, (const char * const *) words))
    {
      guint kept = 0;

      for (guint i = 0; i < table->n_shown; i++)
        {
          guint32 r = table->shown[i];

          if (row_matches (&g_array_index (table->rows, Row, r), (const char * const *) words))
            table->shown[kept++] = r;
          else
            table->matches[r] = 0;
        }
      table->n_shown = kept;
      g_strfreev (table->words);
      table->words = g_steal_pointer (&words);
      return;
    }
  else
    for (guint i = 0; i < table->rows->len; i++)
      table->matches[i] = row_matches (&g_array_index (table->rows, Row, i), (const char * const *) words);

  g_strfreev (table->words);
  table->words = g_steal_pointer (&words);
  show_all_matching (table);
}
