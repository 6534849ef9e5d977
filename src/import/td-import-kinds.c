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

void
td_import_set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

Plan *
td_import_add_plan (TdImport *self,
          guint     row)
{
  Plan *plan = g_new0 (Plan, 1);

  plan->row = row;
  plan->state = TD_IMPORT_ROW_ERROR;
  g_ptr_array_add (self->plan, plan);
  return plan;
}

void
td_import_report_error (GPtrArray         *reports,
              Plan              *plan,
              const TdImportRow *row,
              const char        *title,
              char              *message)
{
  plan->state = TD_IMPORT_ROW_ERROR;
  td_import_add_report (reports, row, TD_IMPORT_ROW_ERROR, title, message);
}

/* A way out, and how far: @done rows of @total. */
gboolean
td_import_progress (TdImportApplying  *applying,
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
gboolean
td_import_step (TdImportApplying  *applying,
      guint              done,
      guint              total,
      GError           **error)
{
  return done % 256 != 0 || td_import_progress (applying, done, total, error);
}

/* The message of a unit that cannot be found, or NULL when found. */
char *
td_import_lookup_unit (TdImport          *self,
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

void
td_import_append_difference (GString    *list,
                   const char *label)
{
  if (list->len > 0)
    g_string_append (list, ", ");
  g_string_append (list, label);
}

/* MATCH or UPDATE, with what differs. */
void
td_import_report_difference (TdImport          *self,
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
guint
td_import_repeated_line (GHashTable *seen,
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
      plan = td_import_add_plan (self, i);
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
          td_import_report_error (reports, plan, row, "",
                        g_strdup_printf (_("Line %u has no unit name. Type the name in the column “%s”."),
                                         row->line, td_import_column_title_of (self, TD_IMPORT_FIELD_NAME)));
          continue;
        }
      if (*parent_text != '\0' && (message = td_import_lookup_unit (self, row, parent_text, &parent_id)) != NULL)
        {
          td_import_report_error (reports, plan, row, name, g_steal_pointer (&message));
          continue;
        }

      /* Without a unit above, a unit of that name anywhere is the one. */
      if (*parent_text == '\0' && !strchr (name, '/'))
        {
          switch (td_unit_index_lookup (self->units, name, FALSE, &id, NULL))
            {
            case TD_UNIT_AMBIGUOUS:
              td_import_report_error (reports, plan, row, name,
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
            td_import_append_difference (differences, td_import_field_label (TD_IMPORT_FIELD_KIND));
          if (*short_name != '\0' && g_strcmp0 (short_name, unit->short_name) != 0)
            td_import_append_difference (differences, td_import_field_label (TD_IMPORT_FIELD_SHORT_NAME));
          plan->record_id = id;
          plan->kind = g_steal_pointer (&kind);
          plan->short_name = g_steal_pointer (&short_name);
          if (differences->len == 0)
            {
              plan->state = TD_IMPORT_ROW_SAME;
              td_import_add_report (reports, row, plan->state, name, g_strdup (_("Already in the directory.")));
            }
          else
            td_import_report_difference (self, reports, plan, row, name, differences->str);
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
      if (parent_id < 0)
        /* Translators: %s is the name of the unit above, new too. */
        td_import_add_report (reports, row, plan->state, name,
                              g_strdup_printf (_("New, under %s, which is added too."),
                                               td_unit_index_name (self->units, parent_id)));
      else if (parent_id != 0)
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

      if (!td_import_step (applying, i, self->plan->len, error))
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
        td_import_set_text (&unit->kind, plan->kind);
      if (*plan->short_name != '\0')
        td_import_set_text (&unit->short_name, plan->short_name);
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
  const char *digits = NULL;
  guint n_parts = 1;
  gsize first_len = 0;
  const char *last = text;

  *year = 0;
  if (*text == '\0')
    return TRUE;
  /* «1985», «1985-03-02», «02/03/1985», «2.3.1985»: the four digits
   * standing alone, first or last. */
  for (const char *p = text; *p != '\0'; p++)
    if (*p == '-' || *p == '/' || *p == '.')
      {
        if (n_parts == 1)
          first_len = p - text;
        n_parts++;
        last = p + 1;
      }
  if (n_parts == 1)
    digits = text;
  else if (n_parts == 3 && first_len == 4)
    digits = text;
  else if (n_parts == 3 && strlen (last) == 4)
    digits = last;
  if (digits == NULL)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (digits[i]))
      return FALSE;
  if (n_parts == 1 && digits[4] != '\0')
    return FALSE;
  *year = (int) g_ascii_strtoll (digits, NULL, 10);
  return TRUE;
}

static void
add_to_key (GHashTable *table,
            char       *key,
            TdPerson   *person)
{
  GPtrArray *same = g_hash_table_lookup (table, key);

  if (same == NULL)
    {
      same = g_ptr_array_new ();
      g_hash_table_insert (table, key, same);
    }
  else
    g_free (key);
  g_ptr_array_add (same, person);
}

/* The same person: the same unit and the same name, letter for letter
 * but for case — «Nguyễn Văn Anh» and «Nguyễn Văn Ánh» are two people. */
static char *
person_key (gint64      unit_id,
            const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_strdup_printf ("%" G_GINT64_FORMAT "|%s", unit_id, folded);
}

/* «Ông Đặng Minh Hiếu», «Đ/c Lý Thị Hoa»: the name without the title
 * a list puts before it. */
void
td_import_strip_honorific (char *name)
{
  static const char *const titles[] = { "ông", "bà", "đồng chí", "đ/c", "đc" };
  gunichar first = g_unichar_tolower (g_utf8_get_char (name));
  g_autofree char *folded = NULL;

  /* Most names start otherwise: no folding for them. */
  if (first != 0x00F4 && first != 'b' && first != 0x0111)
    return;
  folded = g_utf8_casefold (name, -1);

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
      /* A title, then a name of three words at least: «Ông» is also a
       * family name («Ông Văn Dũng»). */
      if (strchr (rest, ' ') == NULL || strchr (strchr (rest, ' ') + 1, ' ') == NULL)
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
             int                year_now,
             TdPerson          *person)
{
  g_autofree char *gender = td_import_cell_text (self, row, TD_IMPORT_FIELD_GENDER);
  g_autofree char *year = td_import_cell_text (self, row, TD_IMPORT_FIELD_BIRTH_YEAR);
  g_autofree char *year_male = td_import_cell_text (self, row, TD_IMPORT_FIELD_BIRTH_YEAR_MALE);
  g_autofree char *year_female = td_import_cell_text (self, row, TD_IMPORT_FIELD_BIRTH_YEAR_FEMALE);

  person->full_name = td_import_cell_text (self, row, TD_IMPORT_FIELD_NAME);
  td_import_strip_honorific (person->full_name);
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
  /* The birth year under «Nam» or under «Nữ». */
  if (*year_male != '\0' && *year_female != '\0')
    return g_strdup_printf (_("Line %u has a birth year under both Nam and Nữ. Leave the one that is wrong empty."),
                            row->line);
  if (*year == '\0' && (*year_male != '\0' || *year_female != '\0'))
    {
      g_free (year);
      year = g_strdup (*year_male != '\0' ? year_male : year_female);
      person->gender = *year_male != '\0' ? TD_GENDER_MALE : TD_GENDER_FEMALE;
    }
  if (!parse_birth_year (year, &person->birth_year))
    return g_strdup_printf (_("Line %u: the birth year “%s” is not a year. Write it as 1985, or the date of birth as 02/03/1985."),
                            row->line, year);
  if (person->birth_year != 0 && (person->birth_year < 1900 || person->birth_year > 2100))
    return g_strdup_printf (_("Line %u: the birth year %d is not between 1900 and 2100. Check the year."),
                            row->line, person->birth_year);
  if (person->birth_year > year_now)
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
    td_import_append_difference (differences, td_import_field_label (TD_IMPORT_FIELD_GENDER));
  if (file->birth_year != 0 && file->birth_year != record->birth_year)
    td_import_append_difference (differences, td_import_field_label (TD_IMPORT_FIELD_BIRTH_YEAR));
  if (*file->position != '\0' && g_strcmp0 (file->position, record->position) != 0)
    td_import_append_difference (differences, td_import_field_label (TD_IMPORT_FIELD_POSITION));
  if (*file->rank != '\0' && g_strcmp0 (file->rank, record->rank) != 0)
    td_import_append_difference (differences, td_import_field_label (TD_IMPORT_FIELD_RANK));
  if (*file->note != '\0' && g_strcmp0 (file->note, record->note) != 0)
    td_import_append_difference (differences, td_import_field_label (TD_IMPORT_FIELD_NOTE));
}

gboolean
td_import_check_people (TdImport   *self,
                        GPtrArray  *reports,
                        GError    **error)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GHashTable) unaccented = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Once: the local time zone is looked up on the disk each time. */
  int year_now = this_year ();

  if (!td_import_require_column (self, TD_IMPORT_FIELD_NAME, error))
    return FALSE;
  people = td_person_store_list (self->db, NULL, 0, error);
  if (people == NULL)
    return FALSE;
  known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  unaccented = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < people->len; i++)
    {
      TdPerson *person = g_ptr_array_index (people, i);
      g_autofree char *folded = td_text_fold (person->full_name);

      add_to_key (known, person_key (person->unit_id, person->full_name), person);
      add_to_key (unaccented, g_strdup_printf ("%" G_GINT64_FORMAT "|%s", person->unit_id, folded), person);
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
      plan = td_import_add_plan (self, i);
      person = td_person_new ();
      if ((message = read_person (self, row, year_now, person)) != NULL)
        {
          td_import_report_error (reports, plan, row, person->full_name, g_steal_pointer (&message));
          continue;
        }
      unit = td_import_cell_text (self, row, TD_IMPORT_FIELD_UNIT);
      if (*unit != '\0' && (message = td_import_lookup_unit (self, row, unit, &plan->unit_ref)) != NULL)
        {
          td_import_report_error (reports, plan, row, person->full_name, g_steal_pointer (&message));
          continue;
        }

      key = person_key (plan->unit_ref, person->full_name);
      {
        /* The same row twice: every field the same, not namesakes. */
        guint first = td_import_repeated_line (seen,
                                               g_strdup_printf ("%s|%d|%d|%s|%s|%s", key, person->birth_year,
                                                                person->gender, person->position, person->rank,
                                                                person->note),
                                               row->line);

        if (first != 0)
          {
            /* Translators: two line numbers, then a person's name. */
            td_import_report_error (reports, plan, row, person->full_name,
                          g_strdup_printf (_("Line %u repeats line %u: %s in the same unit, every field the same. Leave one of them."),
                                           row->line, first, person->full_name));
            continue;
          }
      }
      record = NULL;
      same = plan->unit_ref >= 0 ? g_hash_table_lookup (known, key) : NULL;
      /* A name typed without any accent («Dang Minh Hieu») is the one
       * person of the unit it folds to, if there is only one. */
      if (same == NULL && plan->unit_ref >= 0)
        {
          g_autofree char *folded = td_text_fold (person->full_name);
          g_autofree char *cased = g_utf8_casefold (person->full_name, -1);
          g_autofree char *folded_key = g_strdup_printf ("%" G_GINT64_FORMAT "|%s", plan->unit_ref, folded);
          GPtrArray *alike = g_str_equal (folded, cased) ? g_hash_table_lookup (unaccented, folded_key) : NULL;

          if (alike != NULL && alike->len == 1)
            same = alike;
        }
      if (same != NULL)
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
              td_import_report_error (reports, plan, row, person->full_name,
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
            td_import_report_difference (self, reports, plan, row, person->full_name, differences->str);
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
    td_import_set_text (&record->position, file->position);
  if (*file->rank != '\0')
    td_import_set_text (&record->rank, file->rank);
  if (*file->note != '\0')
    td_import_set_text (&record->note, file->note);
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
          if (!td_import_progress (applying, i, self->plan->len, error))
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

