#define G_LOG_DOMAIN "td-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "td-campaign-store.h"
#include "td-decision-store.h"
#include "td-format.h"
#include "td-import-private.h"
#include "td-person-store.h"
#include "td-text.h"
#include "td-unit-store.h"

/* Each kind's check (a report and a plan for every data row, nothing
 * written) and apply (the plan, inside the import's transaction). */

static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

static Plan *
add_plan (TdImport *self,
          guint     row)
{
  Plan *plan = g_new0 (Plan, 1);

  plan->row = row;
  plan->state = TD_IMPORT_ROW_ERROR;
  g_ptr_array_add (self->plan, plan);
  return plan;
}

static void
report_error (GPtrArray         *reports,
              Plan              *plan,
              const TdImportRow *row,
              const char        *title,
              char              *message)
{
  plan->state = TD_IMPORT_ROW_ERROR;
  td_import_add_report (reports, row, TD_IMPORT_ROW_ERROR, title, message);
}

/* A way out, and how far: @done rows of @total. */
static gboolean
progress (TdImportApplying  *applying,
          guint              done,
          guint              total,
          GError           **error)
{
  if (g_cancellable_is_cancelled (applying->cancellable))
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_CANCELLED,
                   _("The import was cancelled; nothing was imported."));
      return FALSE;
    }
  if (applying->progress != NULL && total > 0)
    applying->progress ((double) done / total, applying->progress_data);
  return TRUE;
}

/* Every 256 rows. */
static gboolean
step (TdImportApplying  *applying,
      guint              done,
      guint              total,
      GError           **error)
{
  return done % 256 != 0 || progress (applying, done, total, error);
}

/* The message of a unit that cannot be found, or NULL when found. */
static char *
lookup_unit (TdImport          *self,
             const TdImportRow *row,
             const char        *text,
             gint64            *id)
{
  g_autofree char *missing = NULL;

  switch (td_unit_index_lookup (self->units, text, self->options.create_units, id, &missing))
    {
    case TD_UNIT_FOUND:
      return NULL;
    case TD_UNIT_AMBIGUOUS:
      /* Translators: the line, a unit name, then the same name in an example path. */
      return g_strdup_printf (_("Line %u: several units are named “%s”. Write the unit above it too, as in “Unit above / %s”."),
                              row->line, text, text);
    case TD_UNIT_MISSING:
    default:
      if (missing != NULL && strchr (text, '/') != NULL)
        /* Translators: the line, a unit name, then the path it was looked for along. */
        return g_strdup_printf (_("Line %u: there is no unit “%s” along “%s”. Check the path, add the unit first, or let the import add the units it does not know."),
                                row->line, missing, text);
      /* Translators: the line and a unit name. */
      return g_strdup_printf (_("Line %u: no unit is named “%s”. Add it to the directory first, or let the import add the units it does not know."),
                              row->line, missing != NULL ? missing : text);
    }
}

static void
append_difference (GString    *list,
                   const char *label)
{
  if (list->len > 0)
    g_string_append (list, ", ");
  g_string_append (list, label);
}

/* MATCH or UPDATE, with what differs. */
static void
report_difference (TdImport          *self,
                   GPtrArray         *reports,
                   Plan              *plan,
                   const TdImportRow *row,
                   const char        *title,
                   const char        *differences)
{
  plan->state = self->options.update ? TD_IMPORT_ROW_UPDATE : TD_IMPORT_ROW_MATCH;
  if (self->options.update)
    /* Translators: %s lists fields, such as «Position, Birth year». */
    td_import_add_report (reports, row, plan->state, title,
                          g_strdup_printf (_("Already there; will be updated: %s."), differences));
  else
    td_import_add_report (reports, row, plan->state, title,
                          g_strdup_printf (_("Already there, with another %s; kept as it is unless you choose to update."),
                                           differences));
}

/* A row that gives again what a row above gave: the line it repeats, or
 * 0 (then @key is remembered for @line). */
static guint
repeated_line (GHashTable *seen,
               char       *key,
               guint       line)
{
  gpointer first = g_hash_table_lookup (seen, key);

  if (first != NULL)
    {
      g_free (key);
      return GPOINTER_TO_UINT (first);
    }
  g_hash_table_insert (seen, key, GUINT_TO_POINTER (line));
  return 0;
}

/* Units */

gboolean
td_import_check_units (TdImport   *self,
                       GPtrArray  *reports,
                       GError    **error)
{
  if (!td_import_require_column (self, TD_IMPORT_FIELD_NAME, error))
    return FALSE;

  for (guint i = self->header_row + 1; i < self->table->rows->len; i++)
    {
      const TdImportRow *row = td_import_row_at (self, i);
      g_autofree char *name = NULL;
      g_autofree char *parent_text = td_import_cell_text (self, row, TD_IMPORT_FIELD_PARENT);
      g_autofree char *kind = td_import_cell_text (self, row, TD_IMPORT_FIELD_KIND);
      g_autofree char *short_name = td_import_cell_text (self, row, TD_IMPORT_FIELD_SHORT_NAME);
      g_autofree char *message = NULL;
      const char *slash;
      gint64 parent_id = 0, id;
      Plan *plan;

      if (!td_import_is_data_row (self, row))
        continue;
      plan = add_plan (self, i);
      name = td_import_cell_text (self, row, TD_IMPORT_FIELD_NAME);

      /* «Huyện Bình Liêu / Xã Đồng Văn» in the name: its parent, then it. */
      slash = strrchr (name, '/');
      if (slash != NULL && *parent_text == '\0')
        {
          g_free (parent_text);
          parent_text = g_strndup (name, slash - name);
          memmove (name, slash + 1, strlen (slash + 1) + 1);
          g_strstrip (name);
        }
      if (*name == '\0')
        {
          report_error (reports, plan, row, "",
                        g_strdup_printf (_("Line %u has no unit name. Type the name in the column “%s”."),
                                         row->line, td_import_column_title_of (self, TD_IMPORT_FIELD_NAME)));
          continue;
        }
      if (*parent_text != '\0' && (message = lookup_unit (self, row, parent_text, &parent_id)) != NULL)
        {
          report_error (reports, plan, row, name, g_steal_pointer (&message));
          continue;
        }

      /* Without a unit above, a unit of that name anywhere is the one. */
      if (*parent_text == '\0' && !strchr (name, '/'))
        {
          switch (td_unit_index_lookup (self->units, name, FALSE, &id, NULL))
            {
            case TD_UNIT_AMBIGUOUS:
              report_error (reports, plan, row, name,
                            g_strdup_printf (_("Line %u: several units are named “%s”. Write the unit above it too, as in “Unit above / %s”."),
                                             row->line, name, name));
              continue;
            case TD_UNIT_MISSING:
              id = 0;
              break;
            case TD_UNIT_FOUND:
            default:
              break;
            }
        }
      else
        id = td_unit_index_child (self->units, parent_id, name);
      if (id > 0)
        {
          const TdUnit *unit = td_unit_index_get (self->units, id);
          g_autoptr(GString) differences = g_string_new (NULL);

          if (*kind != '\0' && g_strcmp0 (kind, unit->kind) != 0)
            append_difference (differences, td_import_field_label (TD_IMPORT_FIELD_KIND));
          if (*short_name != '\0' && g_strcmp0 (short_name, unit->short_name) != 0)
            append_difference (differences, td_import_field_label (TD_IMPORT_FIELD_SHORT_NAME));
          plan->record_id = id;
          plan->kind = g_steal_pointer (&kind);
          plan->short_name = g_steal_pointer (&short_name);
          if (differences->len == 0)
            {
              plan->state = TD_IMPORT_ROW_SAME;
              td_import_add_report (reports, row, plan->state, name, g_strdup (_("Already in the directory.")));
            }
          else
            report_difference (self, reports, plan, row, name, differences->str);
          continue;
        }
      if (id < 0)
        {
          plan->state = TD_IMPORT_ROW_SAME;
          td_import_add_report (reports, row, plan->state, name,
                                g_strdup (_("Already above in the file.")));
          continue;
        }

      plan->state = TD_IMPORT_ROW_NEW;
      plan->unit_ref = td_unit_index_plan (self->units, parent_id, name);
      td_unit_index_set_details (self->units, plan->unit_ref, short_name, kind);
      if (parent_id != 0)
        /* Translators: %s is the name of the unit above. */
        td_import_add_report (reports, row, plan->state, name,
                              g_strdup_printf (_("New, under %s."), td_unit_index_name (self->units, parent_id)));
      else
        td_import_add_report (reports, row, plan->state, name, g_strdup (_("New, at the top.")));
    }
  return TRUE;
}

gboolean
td_import_apply_units (TdImportApplying  *applying,
                       GError           **error)
{
  TdImport *self = applying->self;

  if (!td_unit_index_create (self->units, error))
    return FALSE;
  applying->counts->added = td_unit_index_n_planned (self->units);
  for (guint i = 0; i < self->plan->len; i++)
    {
      const Plan *plan = g_ptr_array_index (self->plan, i);
      g_autoptr(TdUnit) unit = NULL;

      if (!step (applying, i, self->plan->len, error))
        return FALSE;
      if (plan->state == TD_IMPORT_ROW_ERROR)
        applying->counts->skipped++;
      else if (plan->state == TD_IMPORT_ROW_SAME || plan->state == TD_IMPORT_ROW_MATCH)
        applying->counts->unchanged++;
      if (plan->state != TD_IMPORT_ROW_UPDATE)
        continue;
      unit = td_unit_store_get (self->db, plan->record_id, error);
      if (unit == NULL)
        return FALSE;
      if (*plan->kind != '\0')
        set_text (&unit->kind, plan->kind);
      if (*plan->short_name != '\0')
        set_text (&unit->short_name, plan->short_name);
      if (!td_unit_store_update (self->db, unit, error))
        return FALSE;
      applying->counts->updated++;
    }
  return TRUE;
}

/* People */

static gboolean
parse_gender (const char *text,
              TdGender   *gender)
{
  g_autofree char *folded = td_text_fold (text);

  if (*folded == '\0')
    *gender = TD_GENDER_UNKNOWN;
  else if (g_str_equal (folded, "nam") || g_str_equal (folded, "male") || g_str_equal (folded, "m"))
    *gender = TD_GENDER_MALE;
  else if (g_str_equal (folded, "nu") || g_str_equal (folded, "female") || g_str_equal (folded, "f"))
    *gender = TD_GENDER_FEMALE;
  else
    return FALSE;
  return TRUE;
}

/* «1985», or a date of birth: «1985-03-02», «02/03/1985», «2.3.1985»;
 * the year in *@year, 0 for an empty cell.  FALSE when no year is there. */
static gboolean
parse_birth_year (const char *text,
                  int        *year)
{
  g_auto(GStrv) parts = NULL;
  const char *digits = NULL;

  *year = 0;
  if (*text == '\0')
    return TRUE;
  parts = g_regex_split_simple ("[-/.]", text, 0, 0);
  if (g_strv_length (parts) == 1)
    digits = parts[0];
  else if (g_strv_length (parts) == 3 && strlen (parts[0]) == 4)
    digits = parts[0];
  else if (g_strv_length (parts) == 3 && strlen (parts[2]) == 4)
    digits = parts[2];
  if (digits == NULL || strlen (digits) != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (digits[i]))
      return FALSE;
  *year = (int) g_ascii_strtoll (digits, NULL, 10);
  return TRUE;
}

/* The same person: the same unit and the same name, letter for letter
 * but for case — «Nguyễn Văn Anh» and «Nguyễn Văn Ánh» are two people. */
static char *
person_key (gint64      unit_id,
            const char *name)
{
  g_autofree char *normal = td_text_normalize (name);
  g_autofree char *folded = g_utf8_casefold (normal != NULL ? normal : "", -1);

  return g_strdup_printf ("%" G_GINT64_FORMAT "|%s", unit_id, folded);
}

/* «Ông Đặng Minh Hiếu», «Đ/c Lý Thị Hoa»: the name without the title
 * a list puts before it. */
static void
strip_honorific (char *name)
{
  static const char *const titles[] = { "ông", "bà", "đồng chí", "đ/c", "đc" };
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      gsize len = strlen (titles[i]);
      const char *rest;

      if (!g_str_has_prefix (folded, titles[i]) || (folded[len] != ' ' && folded[len] != '.'))
        continue;
      /* Case folding keeps the bytes of these titles as many. */
      rest = name + len;
      while (*rest == ' ' || *rest == '.')
        rest++;
      /* A title, then at least a family and a given name. */
      if (strchr (rest, ' ') == NULL)
        return;
      memmove (name, rest, strlen (rest) + 1);
      return;
    }
}

static int
this_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

/* The person of the row from its cells; an error message, or NULL. */
static char *
read_person (TdImport          *self,
             const TdImportRow *row,
             TdPerson          *person)
{
  g_autofree char *gender = td_import_cell_text (self, row, TD_IMPORT_FIELD_GENDER);
  g_autofree char *year = td_import_cell_text (self, row, TD_IMPORT_FIELD_BIRTH_YEAR);

  person->full_name = td_import_cell_text (self, row, TD_IMPORT_FIELD_NAME);
  strip_honorific (person->full_name);
  person->position = td_import_cell_text (self, row, TD_IMPORT_FIELD_POSITION);
  person->rank = td_import_cell_text (self, row, TD_IMPORT_FIELD_RANK);
  person->note = td_import_cell_text (self, row, TD_IMPORT_FIELD_NOTE);

  if (*person->full_name == '\0')
    return g_strdup_printf (_("Line %u has no name. Type the person’s full name in the column “%s”."),
                            row->line, td_import_column_title_of (self, TD_IMPORT_FIELD_NAME));
  if (!parse_gender (gender, &person->gender))
    /* Translators: the line and the text of the gender cell. */
    return g_strdup_printf (_("Line %u: the gender “%s” is neither Nam nor Nữ. Write Nam or Nữ, or leave the cell empty."),
                            row->line, gender);
  if (!parse_birth_year (year, &person->birth_year))
    return g_strdup_printf (_("Line %u: the birth year “%s” is not a year. Write it as 1985, or the date of birth as 02/03/1985."),
                            row->line, year);
  if (person->birth_year != 0 && (person->birth_year < 1900 || person->birth_year > 2100))
    return g_strdup_printf (_("Line %u: the birth year %d is not between 1900 and 2100. Check the year."),
                            row->line, person->birth_year);
  if (person->birth_year > this_year ())
    return g_strdup_printf (_("Line %u: the birth year %d is still to come. Check the year."),
                            row->line, person->birth_year);
  return NULL;
}

static void
person_differences (const TdPerson *file,
                    const TdPerson *record,
                    GString        *differences)
{
  if (file->gender != TD_GENDER_UNKNOWN && file->gender != record->gender)
    append_difference (differences, td_import_field_label (TD_IMPORT_FIELD_GENDER));
  if (file->birth_year != 0 && file->birth_year != record->birth_year)
    append_difference (differences, td_import_field_label (TD_IMPORT_FIELD_BIRTH_YEAR));
  if (*file->position != '\0' && g_strcmp0 (file->position, record->position) != 0)
    append_difference (differences, td_import_field_label (TD_IMPORT_FIELD_POSITION));
  if (*file->rank != '\0' && g_strcmp0 (file->rank, record->rank) != 0)
    append_difference (differences, td_import_field_label (TD_IMPORT_FIELD_RANK));
  if (*file->note != '\0' && g_strcmp0 (file->note, record->note) != 0)
    append_difference (differences, td_import_field_label (TD_IMPORT_FIELD_NOTE));
}

gboolean
td_import_check_people (TdImport   *self,
                        GPtrArray  *reports,
                        GError    **error)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!td_import_require_column (self, TD_IMPORT_FIELD_NAME, error))
    return FALSE;
  people = td_person_store_list (self->db, NULL, 0, error);
  if (people == NULL)
    return FALSE;
  known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < people->len; i++)
    {
      TdPerson *person = g_ptr_array_index (people, i);
      char *key = person_key (person->unit_id, person->full_name);
      GPtrArray *same = g_hash_table_lookup (known, key);

      if (same == NULL)
        {
          same = g_ptr_array_new ();
          g_hash_table_insert (known, key, same);
        }
      else
        g_free (key);
      g_ptr_array_add (same, person);
    }

  for (guint i = self->header_row + 1; i < self->table->rows->len; i++)
    {
      const TdImportRow *row = td_import_row_at (self, i);
      g_autoptr(TdPerson) person = NULL;
      g_autofree char *unit = NULL;
      g_autofree char *message = NULL;
      g_autofree char *key = NULL;
      const TdPerson *record;
      GPtrArray *same;
      Plan *plan;

      if (!td_import_is_data_row (self, row))
        continue;
      plan = add_plan (self, i);
      person = td_person_new ();
      if ((message = read_person (self, row, person)) != NULL)
        {
          report_error (reports, plan, row, person->full_name, g_steal_pointer (&message));
          continue;
        }
      unit = td_import_cell_text (self, row, TD_IMPORT_FIELD_UNIT);
      if (*unit != '\0' && (message = lookup_unit (self, row, unit, &plan->unit_ref)) != NULL)
        {
          report_error (reports, plan, row, person->full_name, g_steal_pointer (&message));
          continue;
        }

      key = person_key (plan->unit_ref, person->full_name);
      {
        guint first = repeated_line (seen, g_strdup_printf ("%s|%d", key, person->birth_year), row->line);

        if (first != 0)
          {
            /* Translators: two line numbers, then a person's name. */
            report_error (reports, plan, row, person->full_name,
                          g_strdup_printf (_("Line %u repeats line %u: %s in the same unit. Leave one of them, or tell them apart by the birth year."),
                                           row->line, first, person->full_name));
            continue;
          }
      }
      record = NULL;
      if (plan->unit_ref >= 0 && (same = g_hash_table_lookup (known, key)) != NULL)
        {
          /* Namesakes in one unit: told apart by the birth year. */
          if (same->len == 1)
            record = g_ptr_array_index (same, 0);
          for (guint k = 0; same->len > 1 && k < same->len; k++)
            if (person->birth_year != 0 && ((TdPerson *) g_ptr_array_index (same, k))->birth_year == person->birth_year)
              record = g_ptr_array_index (same, k);
          if (same->len > 1 && person->birth_year == 0)
            {
              /* Translators: the line and a person's name. */
              report_error (reports, plan, row, person->full_name,
                            g_strdup_printf (_("Line %u: the unit has several people named %s. Give the birth year to tell which."),
                                             row->line, person->full_name));
              continue;
            }
        }
      if (record != NULL)
        {
          g_autoptr(GString) differences = g_string_new (NULL);

          person_differences (person, record, differences);
          plan->record_id = record->id;
          if (differences->len == 0)
            {
              plan->state = TD_IMPORT_ROW_SAME;
              td_import_add_report (reports, row, plan->state, person->full_name,
                                    g_strdup (_("Already in the directory.")));
            }
          else
            report_difference (self, reports, plan, row, person->full_name, differences->str);
        }
      else
        {
          plan->state = TD_IMPORT_ROW_NEW;
          td_import_add_report (reports, row, plan->state, person->full_name,
                                plan->unit_ref < 0
                                  /* Translators: %s is the name of a unit. */
                                  ? g_strdup_printf (_("New; the unit %s will be added too."),
                                                     td_unit_index_name (self->units, plan->unit_ref))
                                  : NULL);
        }
      plan->person = g_steal_pointer (&person);
    }
  return TRUE;
}

static void
merge_person (TdPerson       *record,
              const TdPerson *file)
{
  if (file->gender != TD_GENDER_UNKNOWN)
    record->gender = file->gender;
  if (file->birth_year != 0)
    record->birth_year = file->birth_year;
  if (*file->position != '\0')
    set_text (&record->position, file->position);
  if (*file->rank != '\0')
    set_text (&record->rank, file->rank);
  if (*file->note != '\0')
    set_text (&record->note, file->note);
}

/* New people go in by batches, each one statement of the store: the
 * progress and a way out between batches. */
#define PEOPLE_BATCH 500

gboolean
td_import_apply_people (TdImportApplying  *applying,
                        GError           **error)
{
  TdImport *self = applying->self;
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();

  if (!td_unit_index_create (self->units, error))
    return FALSE;
  for (guint i = 0; i <= self->plan->len; i++)
    {
      Plan *plan = i < self->plan->len ? g_ptr_array_index (self->plan, i) : NULL;

      if (batch->len > 0 && (plan == NULL || batch->len == PEOPLE_BATCH))
        {
          if (!td_person_store_insert_many (self->db, batch, error))
            return FALSE;
          applying->counts->added += batch->len;
          g_ptr_array_set_size (batch, 0);
          if (!progress (applying, i, self->plan->len, error))
            return FALSE;
        }
      if (plan == NULL)
        break;

      switch (plan->state)
        {
        case TD_IMPORT_ROW_NEW:
          plan->person->unit_id = td_unit_index_real_id (self->units, plan->unit_ref);
          g_ptr_array_add (batch, plan->person);
          break;
        case TD_IMPORT_ROW_UPDATE:
          {
            g_autoptr(TdPerson) record = td_person_store_get (self->db, plan->record_id, error);

            if (record == NULL)
              return FALSE;
            merge_person (record, plan->person);
            if (!td_person_store_update (self->db, record, error))
              return FALSE;
            applying->counts->updated++;
          }
          break;
        case TD_IMPORT_ROW_SAME:
        case TD_IMPORT_ROW_MATCH:
          applying->counts->unchanged++;
          break;
        case TD_IMPORT_ROW_ERROR:
        default:
          applying->counts->skipped++;
          break;
        }
    }
  return TRUE;
}

/* Awards */

static char *
award_key (gint64 person_id,
           gint64 unit_id,
           gint64 form_id)
{
  return person_id > 0 ? g_strdup_printf ("p%" G_GINT64_FORMAT " f%" G_GINT64_FORMAT, person_id, form_id)
                       : g_strdup_printf ("u%" G_GINT64_FORMAT " f%" G_GINT64_FORMAT, unit_id, form_id);
}

/* «Chức vụ, đơn vị» of a row: its own column, else made of the rank,
 * position and unit columns. */
static char *
award_detail (TdImport          *self,
              const TdImportRow *row)
{
  g_autofree char *detail = td_import_cell_text (self, row, TD_IMPORT_FIELD_DETAIL);
  g_autofree char *rank = NULL;
  g_autofree char *position = NULL;
  g_autofree char *unit = NULL;

  if (*detail != '\0')
    return g_steal_pointer (&detail);
  rank = td_import_cell_text (self, row, TD_IMPORT_FIELD_RANK);
  position = td_import_cell_text (self, row, TD_IMPORT_FIELD_POSITION);
  unit = td_import_cell_text (self, row, TD_IMPORT_FIELD_UNIT);
  return td_person_describe (rank, position, unit);
}

/* The message of a row the matching refused, naming the file's columns
 * (the clipboard's name them by their place). */
static char *
award_problem (TdImport         *self,
               const TdPasteRow *paste)
{
  const char *detail = td_import_column_of (self, TD_IMPORT_FIELD_DETAIL) >= 0
                       ? td_import_column_title_of (self, TD_IMPORT_FIELD_DETAIL)
                       : td_import_column_title_of (self, TD_IMPORT_FIELD_UNIT);

  switch (paste->problem)
    {
    case TD_PASTE_PROBLEM_NO_NAME:
      return g_strdup_printf (_("Line %u has no name. Type the name of the person or unit in the column “%s”."),
                              paste->line, td_import_column_title_of (self, TD_IMPORT_FIELD_NAME));
    case TD_PASTE_PROBLEM_NO_FORM:
      return g_strdup_printf (_("Line %u has no award form. Type the form in the column “%s”, such as Giấy khen."),
                              paste->line, td_import_column_title_of (self, TD_IMPORT_FIELD_FORM));
    case TD_PASTE_PROBLEM_SEVERAL_PEOPLE:
      if (*detail == '\0')
        /* Translators: the line and a person's name. */
        return g_strdup_printf (_("Line %u: several people are named %s. Add a column with their unit to the file."),
                                paste->line, paste->name);
      /* Translators: the line, a person's name and a column's title. */
      return g_strdup_printf (_("Line %u: several people are named %s. Write the unit in the column “%s”."),
                              paste->line, paste->name, detail);
    case TD_PASTE_PROBLEM_SEVERAL_UNITS:
      if (*detail == '\0')
        return g_strdup_printf (_("Line %u: several units are named %s. Add a column with the unit above each to the file."),
                                paste->line, paste->name);
      /* Translators: the line, a unit's name and a column's title. */
      return g_strdup_printf (_("Line %u: several units are named %s. Write the unit above it in the column “%s”."),
                              paste->line, paste->name, detail);
    case TD_PASTE_PROBLEM_OTHER:
    default:
      return g_strdup (paste->message);
    }
}

gboolean
td_import_check_awards (TdImport   *self,
                        GPtrArray  *reports,
                        GError    **error)
{
  g_autoptr(GArray) cells = g_array_new (FALSE, TRUE, sizeof (TdPasteCells));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) td_award_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int achievement_column = td_import_column_of (self, TD_IMPORT_FIELD_ACHIEVEMENT);

  if (!td_import_require_column (self, TD_IMPORT_FIELD_NAME, error) ||
      !td_import_require_column (self, TD_IMPORT_FIELD_FORM, error))
    return FALSE;

  for (guint i = self->header_row + 1; i < self->table->rows->len; i++)
    {
      const TdImportRow *row = td_import_row_at (self, i);
      TdPasteCells one = { row->line };

      if (!td_import_is_data_row (self, row))
        continue;
      add_plan (self, i);
      g_ptr_array_add (texts, (char *) (one.name = td_import_cell_text (self, row, TD_IMPORT_FIELD_NAME)));
      strip_honorific ((char *) one.name);
      g_ptr_array_add (texts, (char *) (one.detail = award_detail (self, row)));
      g_ptr_array_add (texts, (char *) (one.form = td_import_cell_text (self, row, TD_IMPORT_FIELD_FORM)));
      g_ptr_array_add (texts, (char *) (one.amount = td_import_cell_text (self, row, TD_IMPORT_FIELD_AMOUNT)));
      one.achievement = achievement_column >= 0 ? td_import_raw_cell (row, achievement_column) : "";
      g_array_append_val (cells, one);
    }
  self->paste_rows = td_paste_resolve (self->db, (TdPasteCells *) (void *) cells->data, cells->len, error);
  if (self->paste_rows == NULL)
    return FALSE;

  lines = td_decision_store_list_awards (self->db, self->options.decision_id, error);
  if (lines == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      TdAward *award = g_ptr_array_index (lines, i);

      g_hash_table_replace (existing, award_key (award->person_id, award->unit_id, award->form_id),
                            g_ptr_array_steal_index_fast (lines, i--));
    }

  for (guint i = 0; i < self->paste_rows->len; i++)
    {
      TdPasteRow *paste = g_ptr_array_index (self->paste_rows, i);
      Plan *plan = g_ptr_array_index (self->plan, i);
      const TdImportRow *row = td_import_row_at (self, plan->row);
      g_autofree char *key = NULL;
      const TdAward *award;

      plan->paste = paste;
      if (paste->state == TD_PASTE_ROW_ERROR)
        {
          report_error (reports, plan, row, paste->name, award_problem (self, paste));
          continue;
        }
      if (paste->state != TD_PASTE_ROW_READY)
        {
          if (self->options.create_units)
            {
              plan->state = TD_IMPORT_ROW_NEW;
              td_import_add_report (reports, row, plan->state, paste->name, g_strdup (paste->message));
            }
          else
            /* Translators: %s is a message saying who is missing from the directory. */
            report_error (reports, plan, row, paste->name,
                          g_strdup_printf (_("%s Let the import add the people and units the directory lacks, or add them first."),
                                           paste->message));
          continue;
        }

      key = award_key (paste->collective ? 0 : paste->person_id, paste->unit_id, paste->form_id);
      {
        guint first = repeated_line (seen, g_strdup (key), row->line);

        if (first != 0)
          {
            /* Translators: two line numbers. */
            report_error (reports, plan, row, paste->name,
                          g_strdup_printf (_("Line %u repeats line %u: the same recipient and the same form. Leave one of them."),
                                           row->line, first));
            continue;
          }
      }
      award = g_hash_table_lookup (existing, key);
      if (award == NULL)
        {
          plan->state = TD_IMPORT_ROW_NEW;
          td_import_add_report (reports, row, plan->state, paste->name, NULL);
          continue;
        }
      plan->record_id = award->id;
      {
        g_autoptr(GString) differences = g_string_new (NULL);

        if (*paste->achievement != '\0' && g_strcmp0 (paste->achievement, award->achievement) != 0)
          append_difference (differences, td_import_field_label (TD_IMPORT_FIELD_ACHIEVEMENT));
        if (paste->amount >= 0 && paste->amount != award->amount)
          append_difference (differences, td_import_field_label (TD_IMPORT_FIELD_AMOUNT));
        if (differences->len == 0)
          {
            plan->state = TD_IMPORT_ROW_SAME;
            td_import_add_report (reports, row, plan->state, paste->name,
                                  g_strdup (_("Already in the decision with this form.")));
          }
        else
          report_difference (self, reports, plan, row, paste->name, differences->str);
      }
    }
  return TRUE;
}

gboolean
td_import_apply_awards (TdImportApplying  *applying,
                        GError           **error)
{
  TdImport *self = applying->self;
  g_autoptr(GPtrArray) to_add = g_ptr_array_new ();
  guint added = 0;

  for (guint i = 0; i < self->plan->len; i++)
    {
      Plan *plan = g_ptr_array_index (self->plan, i);
      g_autoptr(TdAward) award = NULL;

      if (!step (applying, i, self->plan->len, error))
        return FALSE;
      switch (plan->state)
        {
        case TD_IMPORT_ROW_NEW:
          g_ptr_array_add (to_add, plan->paste);
          break;
        case TD_IMPORT_ROW_UPDATE:
          award = td_decision_store_get_award (self->db, plan->record_id, error);
          if (award == NULL)
            return FALSE;
          if (*plan->paste->achievement != '\0')
            set_text (&award->achievement, plan->paste->achievement);
          if (plan->paste->amount >= 0)
            {
              award->amount = plan->paste->amount;
              award->amount_overridden = TRUE;
            }
          if (!td_decision_store_update_award (self->db, award, error))
            return FALSE;
          applying->counts->updated++;
          break;
        case TD_IMPORT_ROW_SAME:
        case TD_IMPORT_ROW_MATCH:
          applying->counts->unchanged++;
          break;
        case TD_IMPORT_ROW_ERROR:
        default:
          applying->counts->skipped++;
          break;
        }
    }
  if (to_add->len > 0 &&
      !td_paste_apply (self->db, self->options.decision_id, to_add, self->options.create_units, &added, error))
    return FALSE;
  applying->counts->added = added;
  return TRUE;
}

/* Statistics */

typedef struct
{
  gint64   indicator_id;
  gint64   value;       /* to store: the unit's own */
  gint64   file_value;  /* as the file has it */
  gboolean subtotal;    /* the file's is a sum of the units below */
  char    *note;        /* kept with the value it replaces */
  gboolean skip;        /* nothing to store */
  gboolean differs;     /* a value is kept, another */
  gboolean is_new;      /* no value kept */
} StatValue;

static void
stat_value_clear (gpointer data)
{
  g_free (((StatValue *) data)->note);
}

static char *
value_key (gint64 indicator_id,
           gint64 unit_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, indicator_id, unit_id);
}

/* The values of the row's indicator columns; an error message or NULL. */
static char *
read_values (TdImport          *self,
             const TdImportRow *row,
             GArray            *values)
{
  for (guint c = 0; c < self->columns->len; c++)
    {
      TdImportColumn column = g_array_index (self->columns, TdImportColumn, c);
      g_autofree char *text = NULL;
      StatValue value = { column.indicator_id };

      if (column.field != TD_IMPORT_FIELD_INDICATOR)
        continue;
      text = td_text_normalize (td_import_raw_cell (row, c));
      if (text == NULL || *text == '\0')
        continue;
      if (!td_parse_count (text, "value", &value.file_value, NULL))
        /* Translators: the line, the text of the cell and the column's title. */
        return g_strdup_printf (_("Line %u: “%s” under “%s” is not a count. Write a whole number such as 21790 or 21.790."),
                                row->line, text, td_import_get_column_title (self, c));
      value.value = value.file_value;
      g_array_append_val (values, value);
    }
  return NULL;
}

/* A file's row of a unit whose units below have rows too holds their
 * sum (the year-end summary, and most grids, add them up): what the unit
 * has of its own is the rest.  Stored as it is, the sums would count twice. */
static void
take_out_subtotals (TdImport *self)
{
  for (guint i = 0; i < self->plan->len; i++)
    {
      Plan *parent = g_ptr_array_index (self->plan, i);

      if (parent->report == NULL || parent->unit_ref <= 0)
        continue;
      for (guint v = 0; v < parent->values->len; v++)
        {
          StatValue *value = &g_array_index (parent->values, StatValue, v);
          gint64 below = 0;
          gboolean any = FALSE;

          for (guint j = 0; j < self->plan->len; j++)
            {
              const Plan *child = g_ptr_array_index (self->plan, j);
              const TdUnit *unit = child->report != NULL ? td_unit_index_get (self->units, child->unit_ref) : NULL;

              if (unit == NULL || unit->parent_id != parent->unit_ref)
                continue;
              for (guint w = 0; w < child->values->len; w++)
                if (g_array_index (child->values, StatValue, w).indicator_id == value->indicator_id)
                  {
                    below += g_array_index (child->values, StatValue, w).file_value;
                    any = TRUE;
                  }
            }
          if (any && value->file_value >= below)
            {
              value->value = value->file_value - below;
              value->subtotal = TRUE;
            }
        }
    }
}

/* The state and message of a row, once its figures are known. */
static void
settle_stats_row (TdImport   *self,
                  Plan       *plan,
                  GHashTable *known)
{
  TdImportRowReport *report = plan->report;
  guint n_new = 0, n_different = 0, n_subtotals = 0;

  for (guint v = 0; v < plan->values->len; v++)
    {
      StatValue *value = &g_array_index (plan->values, StatValue, v);
      g_autofree char *key = value_key (value->indicator_id, plan->unit_ref);
      const TdIndicatorValue *old = plan->unit_ref > 0 ? g_hash_table_lookup (known, key) : NULL;

      /* A unit's own share of zero where nothing is kept: nothing to store. */
      if (value->subtotal && value->value == 0 && old == NULL)
        {
          value->skip = TRUE;
          n_subtotals++;
          continue;
        }
      n_subtotals += value->subtotal;
      value->is_new = old == NULL;
      value->differs = old != NULL && old->value != (double) value->value;
      /* The note kept with a figure stays with the figure replacing it. */
      if (old != NULL && old->note != NULL)
        value->note = g_strdup (old->note);
      n_new += value->is_new;
      n_different += value->differs;
    }

  g_clear_pointer (&report->message, g_free);
  if (n_different > 0)
    {
      plan->state = self->options.update ? TD_IMPORT_ROW_UPDATE : TD_IMPORT_ROW_MATCH;
      report->message = self->options.update
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u figure differs from the one kept; it will be replaced.",
                                        "%u figures differ from those kept; they will be replaced.",
                                        n_different), n_different)
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u figure differs from the one kept; it is kept unless you choose to update.",
                                        "%u figures differ from those kept; they are kept unless you choose to update.",
                                        n_different), n_different);
    }
  else if (n_new > 0)
    plan->state = TD_IMPORT_ROW_NEW;
  else
    {
      plan->state = TD_IMPORT_ROW_SAME;
      report->message = g_strdup (_("The same figures are kept already."));
    }
  if (n_subtotals > 0)
    {
      g_autofree char *note = g_strdup (_("The row adds up the units below it: only the rest is the unit’s own."));

      if (report->message == NULL)
        report->message = g_steal_pointer (&note);
      else
        {
          char *both = g_strconcat (report->message, " ", note, NULL);

          g_free (report->message);
          report->message = both;
        }
    }
  report->state = plan->state;
}

gboolean
td_import_check_stats (TdImport   *self,
                       GPtrArray  *reports,
                       GError    **error)
{
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) td_indicator_value_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!td_import_require_column (self, TD_IMPORT_FIELD_UNIT, error))
    return FALSE;
  if (td_import_column_of (self, TD_IMPORT_FIELD_INDICATOR) < 0)
    {
      g_set_error (error, TD_IMPORT_ERROR, TD_IMPORT_ERROR_FAILED,
                   _("No column of the file is read as an indicator of the campaign. Title the columns with the indicators’ names, or choose them in the import window."));
      return FALSE;
    }
  kept = td_campaign_store_list_values (self->db, self->options.campaign_id, self->options.year, error);
  if (kept == NULL)
    return FALSE;
  for (guint i = 0; i < kept->len; i++)
    {
      TdIndicatorValue *value = g_ptr_array_index (kept, i);

      g_hash_table_replace (known, value_key (value->indicator_id, value->unit_id),
                            g_ptr_array_steal_index (kept, i--));
    }

  for (guint i = self->header_row + 1; i < self->table->rows->len; i++)
    {
      const TdImportRow *row = td_import_row_at (self, i);
      g_autofree char *unit = td_import_cell_text (self, row, TD_IMPORT_FIELD_UNIT);
      g_autofree char *message = NULL;
      g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (StatValue));
      Plan *plan;

      g_array_set_clear_func (values, stat_value_clear);
      if (!td_import_is_data_row (self, row))
        continue;
      plan = add_plan (self, i);
      if ((message = read_values (self, row, values)) != NULL)
        {
          report_error (reports, plan, row, unit, g_steal_pointer (&message));
          continue;
        }
      if (*unit == '\0')
        {
          report_error (reports, plan, row, unit,
                        g_strdup_printf (_("Line %u has figures but no unit. Type the unit in the column “%s”."),
                                         row->line, td_import_column_title_of (self, TD_IMPORT_FIELD_UNIT)));
          continue;
        }
      if ((message = lookup_unit (self, row, unit, &plan->unit_ref)) != NULL)
        {
          report_error (reports, plan, row, unit, g_steal_pointer (&message));
          continue;
        }
      {
        guint first = repeated_line (seen, g_strdup_printf ("%" G_GINT64_FORMAT, plan->unit_ref), row->line);

        if (first != 0)
          {
            /* Translators: two line numbers and a unit. */
            report_error (reports, plan, row, unit,
                          g_strdup_printf (_("Line %u gives the figures of %s again, after line %u. Leave one of them."),
                                           row->line, unit, first));
            continue;
          }
      }
      plan->values = g_steal_pointer (&values);
      plan->state = TD_IMPORT_ROW_NEW;
      plan->report = td_import_add_report (reports, row, plan->state, unit, NULL);
    }

  take_out_subtotals (self);
  for (guint i = 0; i < self->plan->len; i++)
    {
      Plan *plan = g_ptr_array_index (self->plan, i);

      if (plan->report != NULL)
        settle_stats_row (self, plan, known);
    }
  return TRUE;
}

gboolean
td_import_apply_stats (TdImportApplying  *applying,
                       GError           **error)
{
  TdImport *self = applying->self;

  if (!td_unit_index_create (self->units, error))
    return FALSE;
  for (guint i = 0; i < self->plan->len; i++)
    {
      const Plan *plan = g_ptr_array_index (self->plan, i);
      gboolean wrote = FALSE;

      if (!step (applying, i, self->plan->len, error))
        return FALSE;
      if (plan->state == TD_IMPORT_ROW_ERROR)
        {
          applying->counts->skipped++;
          continue;
        }
      for (guint v = 0; v < plan->values->len; v++)
        {
          const StatValue *value = &g_array_index (plan->values, StatValue, v);
          g_autoptr(TdIndicatorValue) record = NULL;

          if (value->skip || (!value->is_new && !(value->differs && self->options.update)))
            continue;
          record = td_indicator_value_new ();
          record->indicator_id = value->indicator_id;
          record->unit_id = td_unit_index_real_id (self->units, plan->unit_ref);
          record->year = self->options.year;
          record->value = (double) value->value;
          record->note = g_strdup (value->note);
          if (!td_campaign_store_set_value (self->db, record, error))
            return FALSE;
          wrote = TRUE;
        }
      if (plan->state == TD_IMPORT_ROW_NEW)
        applying->counts->added++;
      else if (wrote)
        applying->counts->updated++;
      else
        applying->counts->unchanged++;
    }
  return TRUE;
}
