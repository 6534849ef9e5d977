#include "config.h"

#include <string.h>

#include "td-database-private.h"
#include "td-decision-store.h"
#include "td-person-store.h"
#include "td-search.h"
#include "td-test-util.h"
#include "td-text.h"
#include "td-undo.h"
#include "td-unit-store.h"

static const char *const kind_order[] = { "person", "unit", "campaign", "decision", "award" };

static GPtrArray *
search (TdDatabase *db,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = td_search_query (db, text, 50, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static TdSearchHit *
find_hit (GPtrArray  *hits,
          const char *kind,
          const char *title)
{
  for (guint i = 0; i < hits->len; i++)
    {
      TdSearchHit *hit = g_ptr_array_index (hits, i);

      if (g_str_equal (hit->kind, kind) && (title == NULL || g_strcmp0 (hit->title, title) == 0))
        return hit;
    }
  return NULL;
}

static TdSearchHit *
find_ref (GPtrArray  *hits,
          const char *kind,
          gint64      ref)
{
  for (guint i = 0; i < hits->len; i++)
    {
      TdSearchHit *hit = g_ptr_array_index (hits, i);

      if (g_str_equal (hit->kind, kind) && hit->ref == ref)
        return hit;
    }
  return NULL;
}

static guint
count_kind (GPtrArray  *hits,
            const char *kind)
{
  guint n = 0;

  for (guint i = 0; i < hits->len; i++)
    n += g_str_equal (((TdSearchHit *) g_ptr_array_index (hits, i))->kind, kind);
  return n;
}

static gint64
query_int (TdDatabase *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (td_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* What an outside tool does: plain SQL through a connection of its own,
 * without the program's functions or triggers. */
static void
outside_exec (const char *path,
              const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (handle);
}

static TdDatabase *
open_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  TdDatabase *db = td_database_open (path, TD_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static TdDatabase *
reopen (TdDatabase *db)
{
  g_autofree char *path = g_strdup (td_database_get_path (db));

  g_object_unref (db);
  return open_path (path);
}

static gint64
add_person (TdDatabase *db,
            const char *name,
            gint64      unit_id)
{
  g_autoptr(TdPerson) person = td_person_new ();
  g_autoptr(GError) error = NULL;

  person->full_name = g_strdup (name);
  person->unit_id = unit_id;
  g_assert_true (td_person_store_insert (db, person, &error));
  g_assert_no_error (error);
  return person->id;
}

static void
rename_person (TdDatabase *db,
               gint64      id,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPerson) person = td_person_store_get (db, id, &error);

  g_assert_no_error (error);
  g_free (person->full_name);
  person->full_name = g_strdup (name);
  g_assert_true (td_person_store_update (db, person, &error));
  g_assert_no_error (error);
}

static void
assert_kinds_in_order (GPtrArray *hits)
{
  guint last = 0;

  for (guint i = 0; i < hits->len; i++)
    {
      TdSearchHit *hit = g_ptr_array_index (hits, i);
      guint k = 0;

      while (k < G_N_ELEMENTS (kind_order) && !g_str_equal (kind_order[k], hit->kind))
        k++;
      g_assert_cmpuint (k, <, G_N_ELEMENTS (kind_order));
      g_assert_cmpuint (k, >=, last);
      last = k;
    }
}

static void
test_d_finds_dj (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GPtrArray) hits = search (db, "dang");
  TdSearchHit *hit = find_hit (hits, "person", NULL);

  g_assert_nonnull (hit);
  g_assert_cmpstr (hit->title, ==, "Đặng Minh Hiếu");
  g_assert_cmpint (hit->ref, ==, 1);
  /* «Thiếu tá, Đồn trưởng, Đồn Biên phòng …»: what tells two people apart. */
  g_assert_cmpstr (hit->snippet, ==, "Trung tá, Đồn trưởng, Đồn Biên phòng Hoành Mô");
  g_assert_cmpuint (count_kind (hits, "person"), ==, 1);
}

static void
test_upper_case (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GPtrArray) hits = search (db, "DUC");

  g_assert_nonnull (find_hit (hits, "person", "Lê Văn Đức"));
  /* «Xã Quảng Đức» too, and in its own group after the people. */
  g_assert_nonnull (find_hit (hits, "unit", "Xã Quảng Đức"));
  assert_kinds_in_order (hits);
}

static void
test_achievement (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GPtrArray) hits = search (db, "thanh tich xuat sac");
  sqlite3_stmt *stmt = NULL;
  guint expected = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (td_database_get_handle (db),
                                       "SELECT id FROM awards WHERE achievement LIKE '%thành tích xuất sắc%'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TdSearchHit *hit = find_ref (hits, "award", sqlite3_column_int64 (stmt, 0));

      g_assert_nonnull (hit);
      g_assert_nonnull (hit->snippet);
      g_assert_nonnull (strstr (hit->snippet, "thành tích xuất sắc"));
      expected++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (expected, >, 10);

  /* Every award found says it; «Đã hoàn thành xuất sắc nhiệm vụ» does not. */
  for (guint i = 0; i < hits->len; i++)
    {
      TdSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *folded = td_text_fold (hit->snippet);

      if (!g_str_equal (hit->kind, "award"))
        continue;
      g_assert_nonnull (strstr (folded, "thanh tich xuat sac"));
    }
  g_assert_cmpuint (count_kind (hits, "award"), ==, expected);

  /* The award shows its recipient: a unit, or a person. */
  g_assert_nonnull (find_hit (hits, "award", "Đồn Biên phòng Pò Hèn"));
  g_assert_nonnull (find_hit (hits, "award", "Đặng Minh Hiếu"));
  /* The decisions whose title says it, with the draft named as one. */
  g_assert_nonnull (find_hit (hits, "decision", "125/QĐ-UBND"));
  g_assert_nonnull (find_hit (hits, "decision", "Draft decision, dated 20/12/2019"));
  assert_kinds_in_order (hits);
}

static void
test_snippet (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  TdSearchHit *hit;

  g_assert_true (td_database_exec (db,
                                   "INSERT INTO awards (decision_id, form_id, unit_id, achievement, amount) VALUES "
                                   "(2, 1, 5, 'Đã có thành tích xuất sắc trong công tác phối hợp với các lực lượng "
                                   "chức năng tuần tra, kiểm soát, bảo vệ chủ quyền lãnh thổ, an ninh biên giới "
                                   "quốc gia và đấu tranh phòng, chống buôn lậu, gian lận thương mại qua biên giới "
                                   "trên địa bàn tỉnh năm 2019', 0)",
                                   &error));
  g_assert_no_error (error);

  /* The piece of the achievement around the words found, on one line. */
  hits = search (db, "buon lau");
  hit = find_hit (hits, "award", "Bộ Chỉ huy Quân sự tỉnh");
  g_assert_nonnull (hit);
  g_assert_true (g_str_has_prefix (hit->snippet, "…"));
  g_assert_nonnull (strstr (hit->snippet, "phòng, chống buôn lậu"));
  g_assert_cmpint (g_utf8_strlen (hit->snippet, -1), <=, 122);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Three words before the first word found; from the start when it
   * comes early; cut after a whole word. */
  hits = search (db, "phoi hop luc luong");
  hit = find_hit (hits, "award", "Bộ Chỉ huy Quân sự tỉnh");
  g_assert_nonnull (hit);
  g_assert_true (g_str_has_prefix (hit->snippet, "…trong công tác phối hợp"));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (db, "tich chong");
  hit = find_hit (hits, "award", "Bộ Chỉ huy Quân sự tỉnh");
  g_assert_nonnull (hit);
  g_assert_true (g_str_has_prefix (hit->snippet, "Đã có thành tích xuất sắc"));
  g_assert_true (g_str_has_suffix (hit->snippet, "…"));
  g_assert_null (strstr (hit->snippet, "địa bàn"));
}

static void
test_prefixes (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GPtrArray) hits = NULL;
  gint64 hau;

  hau = add_person (db, "Nguyễn Văn Hậu", 0);
  add_person (db, "Nguyễn Văn Hải", 0);
  add_person (db, "Trần Thị Hậu", 0);
  add_person (db, "Đặng Huy Hậu", 0);

  hits = search (db, "ng hau");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((TdSearchHit *) g_ptr_array_index (hits, 0))->ref, ==, hau);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Any order, any marks, the đ folded (DOMAIN.md). */
  hits = search (db, "dang huy hau");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((TdSearchHit *) g_ptr_array_index (hits, 0))->title, ==, "Đặng Huy Hậu");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (db, "hậu Đ");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A prefix starts a word: «au» is inside «Hậu», not at its start. */
  hits = search (db, "au");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (db, "h");
  g_assert_cmpuint (hits->len, ==, 4);
}

static void
test_limit_and_rank (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 exact;

  add_person (db, "Hoàng Thị Mai Lan Phương Hoa", 0);
  exact = add_person (db, "Hoàng Hoa", 0);
  for (int i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Hoàng Văn Số %d Hoa", i);

      add_person (db, name, 0);
    }

  /* bm25: the shortest text holding the words comes first. */
  hits = td_search_query (db, "hoang hoa", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 5);
  g_assert_cmpint (((TdSearchHit *) g_ptr_array_index (hits, 0))->ref, ==, exact);
  g_assert_null (find_hit (hits, "person", "Hoàng Thị Mai Lan Phương Hoa"));
}

static void
test_syntax (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GPtrArray) hits = search (db, "125/QĐ");
  const char *odd[] = {
    "\"", "\"125", "125\"/", "-", "- ubnd", "NOT", "AND OR", "NEAR(a b)", "*", "title:x",
    "^a", "a + b", "(", ")", "'", "%", "_", "\\", "{body}: x", "ng\"\" hau",
  };
  TdSearchHit *hit = find_hit (hits, "decision", "125/QĐ-UBND");

  g_assert_nonnull (hit);
  g_assert_cmpint (hit->ref, ==, 1);
  g_assert_nonnull (strstr (hit->snippet, "Về việc tặng Cờ thi đua"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The launching decision's number finds the campaign. */
  hits = search (db, "4440/qđ-ubnd");
  hit = find_hit (hits, "campaign", NULL);
  g_assert_nonnull (hit);
  g_assert_cmpstr (hit->snippet, ==, "4440/QĐ-UBND, Bảo vệ chủ quyền biên giới");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* What users type is text, never FTS5 syntax. */
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = td_search_query (db, odd[i], 10, &error);

      g_assert_no_error (error);
      g_assert_nonnull (found);
    }
  hits = search (db, "ng\"\" hau\"");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (db, "\"le\" -duc");
  g_assert_nonnull (find_hit (hits, "person", "Lê Văn Đức"));
}

static void
test_blank (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  const char *blank[] = { "", " ", " \t\n ", "///", "- -", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    {
      g_autoptr(GPtrArray) hits = search (db, blank[i]);

      g_assert_cmpuint (hits->len, ==, 0);
    }
}

static void
test_outside_tools (void)
{
  TdDatabase *db = td_test_sample_database ();
  g_autofree char *path = g_strdup (td_database_get_path (db));
  g_autoptr(GPtrArray) hits = NULL;

  /* Written while the program has the file open, then after it closed. */
  outside_exec (path,
                "INSERT INTO people (full_name, position, unit_id) VALUES ('Vàng A Páo', 'Trưởng bản', 13);"
                "INSERT INTO awards (decision_id, form_id, person_id, achievement, amount) "
                " VALUES (2, 1, last_insert_rowid (), 'Cứu hộ, cứu nạn trong mưa lũ', 0);"
                "UPDATE people SET full_name = 'Vũ Thị Thu Hằng' WHERE id = 13;");
  g_object_unref (db);
  outside_exec (path,
                "INSERT INTO units (name, short_name) VALUES ('Đồn Biên phòng Quảng Đức', 'Đồn BP Quảng Đức');"
                "DELETE FROM people WHERE id = 12;");

  db = open_path (path);
  hits = search (db, "vang a pao");
  g_assert_nonnull (find_hit (hits, "person", "Vàng A Páo"));
  g_assert_cmpstr (find_hit (hits, "person", NULL)->snippet, ==, "Trưởng bản, Xã Hoành Mô");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (db, "cuu nan");
  g_assert_nonnull (find_hit (hits, "award", "Vàng A Páo"));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (db, "don bp quang duc");
  g_assert_nonnull (find_hit (hits, "unit", "Đồn Biên phòng Quảng Đức"));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (db, "chiu van sang");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  /* A kind found stale is compared row by row: the renamed one too. */
  hits = search (db, "thu hang");
  g_assert_nonnull (find_hit (hits, "person", "Vũ Thị Thu Hằng"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Opening a file whose index is up to date writes nothing. */
  db = reopen (db);
  g_assert_cmpint (sqlite3_total_changes (td_database_get_handle (db)), ==, 0);

  /* An index emptied behind the program's back is made whole again. */
  g_object_unref (db);
  outside_exec (path, "DELETE FROM search_index;");
  db = open_path (path);
  hits = search (db, "dang minh hieu");
  g_assert_nonnull (find_hit (hits, "person", "Đặng Minh Hiếu"));
  g_assert_nonnull (find_hit (hits, "award", "Đặng Minh Hiếu"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM search_index"), ==,
                   query_int (db, "SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM units) + "
                                  "(SELECT count(*) FROM campaigns) + (SELECT count(*) FROM decisions) + "
                                  "(SELECT count(*) FROM awards)"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* So is an index dropped altogether. */
  g_object_unref (db);
  outside_exec (path, "DROP TABLE search_index;");
  db = open_path (path);
  hits = search (db, "hoanh mo");
  g_assert_nonnull (find_hit (hits, "unit", "Đồn Biên phòng Hoành Mô"));
  g_object_unref (db);
}

/* Edits that keep every count and highest id: renames, an id used again. */
static void
test_outside_same_counts (void)
{
  TdDatabase *db = td_test_sample_database ();
  g_autofree char *path = g_strdup (td_database_get_path (db));
  gint64 last = query_int (db, "SELECT max(id) FROM people");
  g_autoptr(GPtrArray) hits = NULL;

  g_object_unref (db);
  outside_exec (path,
                "UPDATE people SET full_name = 'Lò Văn Pọm' WHERE id = 13;"
                "UPDATE units SET name = 'Đồn Biên phòng Cửa khẩu Trà Lĩnh' WHERE name = 'Đồn Biên phòng Hoành Mô';");
  db = open_path (path);
  hits = search (db, "lo van pom");
  g_assert_nonnull (find_hit (hits, "person", "Lò Văn Pọm"));
  g_clear_pointer (&hits, g_ptr_array_unref);
  /* The unit's people carry its new name. */
  hits = search (db, "dang minh tra linh");
  g_assert_nonnull (find_hit (hits, "person", "Đặng Minh Hiếu"));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (db, "hoanh mo");
  g_assert_null (find_hit (hits, "unit", "Đồn Biên phòng Hoành Mô"));
  g_assert_nonnull (find_hit (hits, "unit", "Đồn Biên phòng Cửa khẩu Trà Lĩnh"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The last person deleted, a new one given the same id. */
  g_object_unref (db);
  outside_exec (path, "DELETE FROM awards WHERE person_id = (SELECT max(id) FROM people);"
                      "DELETE FROM people WHERE id = (SELECT max(id) FROM people);"
                      "INSERT INTO people (full_name, unit_id) VALUES ('Sầm Thị Lan', 13);");
  db = open_path (path);
  g_assert_cmpint (query_int (db, "SELECT max(id) FROM people"), ==, last);
  hits = search (db, "sam thi lan");
  g_assert_nonnull (find_hit (hits, "person", "Sầm Thị Lan"));
  g_clear_pointer (&hits, g_ptr_array_unref);
  /* Nothing is left to note: opening again writes nothing. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM search_stale"), ==, 0);
  db = reopen (db);
  g_assert_cmpint (sqlite3_total_changes (td_database_get_handle (db)), ==, 0);
  g_object_unref (db);
}

static void
test_migration (void)
{
  TdDatabase *db = td_test_sample_database ();
  g_autofree char *path = g_strdup (td_database_get_path (db));
  g_autoptr(GPtrArray) hits = NULL;

  /* A file of version 1, with its records and no index. */
  g_object_unref (db);
  outside_exec (path, "DROP TABLE search_index; PRAGMA user_version = 1;");

  db = open_path (path);
  g_assert_cmpint (td_database_get_schema_version (db), ==, TD_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM search_index"), ==,
                   query_int (db, "SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM units) + "
                                  "(SELECT count(*) FROM campaigns) + (SELECT count(*) FROM decisions) + "
                                  "(SELECT count(*) FROM awards)"));
  hits = search (db, "le van duc");
  g_assert_nonnull (find_hit (hits, "person", "Lê Văn Đức"));
  g_object_unref (db);
}

static void
test_rename (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GPtrArray) hits = NULL;

  /* Hoàng Văn Thắng has a line in the draft decision only. */
  rename_person (db, 9, "Hoàng Văn Thành");
  hits = search (db, "hoang van thanh");
  g_assert_nonnull (find_ref (hits, "person", 9));
  g_assert_nonnull (find_hit (hits, "award", "Hoàng Văn Thành"));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (db, "hoang van thang");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* An issued decision keeps the name it was signed with. */
  rename_person (db, 1, "Đặng Minh Hiền");
  hits = search (db, "dang minh hieu");
  g_assert_null (find_hit (hits, "person", NULL));
  g_assert_nonnull (find_hit (hits, "award", "Đặng Minh Hiếu"));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (db, "dang minh hien");
  g_assert_nonnull (find_ref (hits, "person", 1));
}

static void
test_unit_rename (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_unit_store_get (db, 10, &error);
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_no_error (error);
  g_free (unit->name);
  unit->name = g_strdup ("Đồn Biên phòng Ka Long Mới");
  g_assert_true (td_unit_store_update (db, unit, &error));
  g_assert_no_error (error);

  /* Its people are found by their unit's new name, so is its line in
   * the draft decision; the issued decision keeps the old name. */
  hits = search (db, "ka long moi");
  g_assert_nonnull (find_hit (hits, "unit", "Đồn Biên phòng Ka Long Mới"));
  g_assert_nonnull (find_hit (hits, "person", "Lê Văn Đức"));
  g_assert_nonnull (find_hit (hits, "person", "Tô Văn Đạt"));
  g_assert_nonnull (find_hit (hits, "award", "Đồn Biên phòng Ka Long Mới"));
  g_assert_cmpuint (count_kind (hits, "award"), ==, 1);
}

static void
test_delete_and_undo (void)
{
  g_autoptr(TdDatabase) db = td_test_sample_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_true (td_person_store_delete (db, 12, &error));
  g_assert_no_error (error);
  hits = search (db, "chiu van sang");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The undo replays an INSERT: the search triggers index it again. */
  g_assert_true (td_database_undo (db, &error));
  g_assert_no_error (error);
  hits = search (db, "chiu van sang");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((TdSearchHit *) g_ptr_array_index (hits, 0))->ref, ==, 12);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_assert_true (td_database_redo (db, &error));
  g_assert_no_error (error);
  hits = search (db, "chiu van sang");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Undo of a rename: the old name is back in the index, the new gone. */
  g_assert_true (td_database_undo (db, &error));
  rename_person (db, 11, "Phạm Minh Tuyên");
  g_assert_true (td_database_undo (db, &error));
  g_assert_no_error (error);
  hits = search (db, "pham minh tuyen");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (db, "pham minh tuan");
  g_assert_nonnull (find_ref (hits, "person", 11));
}

static void
test_undo_history (void)
{
  g_autoptr(TdDatabase) db = td_test_new_database ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = add_person (db, "Lò Văn Pá", 0);
  rename_person (db, id, "Lò Văn Páo");
  g_assert_true (td_person_store_delete (db, id, &error));
  g_assert_true (td_database_undo (db, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM temp.td_undo_log"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM temp.td_undo_log WHERE sql LIKE '%search_index%'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM temp.td_redo_log WHERE sql LIKE '%search_index%'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_temp_schema WHERE type = 'trigger' "
                                  "AND tbl_name LIKE 'search_index%'"), ==, 0);
  /* One step per change, as before the index existed. */
  g_assert_true (td_database_undo (db, &error));
  g_assert_true (td_database_undo (db, &error));
  g_assert_no_error (error);
  g_assert_false (td_database_can_undo (db));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM search_index WHERE title LIKE 'Lò Văn%'"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  td_test_init (&argc, &argv);

  g_test_add_func ("/search/folding/dang-finds-the-dj-of-dang", test_d_finds_dj);
  g_test_add_func ("/search/folding/upper-case-finds-le-van-duc", test_upper_case);
  g_test_add_func ("/search/awards/found-by-their-achievement", test_achievement);
  g_test_add_func ("/search/awards/snippet-around-the-words-found", test_snippet);
  g_test_add_func ("/search/words/each-word-a-prefix-of-a-word", test_prefixes);
  g_test_add_func ("/search/rank/shortest-first-and-limit-per-kind", test_limit_and_rank);
  g_test_add_func ("/search/words/decision-number-and-fts-syntax-are-text", test_syntax);
  g_test_add_func ("/search/words/blank-finds-nothing", test_blank);
  g_test_add_func ("/search/index/outside-sql-found-after-reopening", test_outside_tools);
  g_test_add_func ("/search/index/outside-renames-found-after-reopening", test_outside_same_counts);
  g_test_add_func ("/search/index/built-when-migrating-from-version-1", test_migration);
  g_test_add_func ("/search/index/renamed-person-found-by-new-name-only", test_rename);
  g_test_add_func ("/search/index/renamed-unit-carries-to-its-people", test_unit_rename);
  g_test_add_func ("/search/undo/deleted-person-gone-and-back-with-undo", test_delete_and_undo);
  g_test_add_func ("/search/undo/history-holds-no-index-entries", test_undo_history);

  return td_test_run ();
}
