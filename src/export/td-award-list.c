#define G_LOG_DOMAIN "td-award-list"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "td-award-list.h"
#include "td-catalogue-store.h"
#include "td-decision-store.h"
#include "td-person-store.h"
#include "td-text.h"
#include "td-words.h"
#include "td-xlsx-doc.h"

/* The award list attached to a decision (DOMAIN.md «The award list
 * document»).  Its text is Vietnamese whatever the desktop language: it is
 * a legal document.  Written row by row in libxlsxwriter's constant-memory
 * mode (NOTES.md): every row is set, then its cells written, never again. */

#define TD_DOC_TITLE_SIZE 14
#define PROGRESS_STEP 500

enum { COL_NUMBER, COL_NAME, COL_DETAIL, COL_ACHIEVEMENT, COL_FORM, COL_AMOUNT };
enum { SECTION_COLLECTIVE, SECTION_INDIVIDUAL, N_SECTIONS };

/* The texts live in the list's string chunk: no allocation per text, and
 * a «Chức vụ, đơn vị» shared by many lines is kept once. */
typedef struct
{
  const char *name;
  const char *detail;
  const char *achievement;
  const char *form;     /* the group's */
  gint64  amount;
  /* For the orders of the list. */
  char   *unit;
  char   *position;
  GBytes *name_key;
  gint64  sort_order;
} Line;

typedef struct
{
  gint64     form_id;
  int        precedence;
  char      *form_name;
  char      *phrase;       /* «TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH» */
  GPtrArray *lines[N_SECTIONS];
} Group;

struct _TdAwardList
{
  TdAwardListOptions  options;
  char               *parent;
  char               *org;
  char               *date_line;
  char               *attached;
  char               *number;
  char               *doc_title;
  char              **signer_lines;
  char               *signer_name;
  GPtrArray          *groups;
  TdWordsOptions      words;
  guint               n_lines;
  GStringChunk       *texts;
};


typedef struct
{
  TdDocSheet        doc;
  TdAwardList      *list;
  guint             written;
  GCancellable     *cancellable;
  TdExportProgress  progress;
  gpointer          user_data;
} Sheet;

/* Column widths, in Excel's units, fitted to A4 inside Decree 30's margins. */
static const double landscape_widths[] = { 5, 24, 28, 46, 18, 13 };
static const double landscape_widths_no_money[] = { 5, 26, 30, 54, 20 };
static const double portrait_widths[] = { 4.5, 17, 19, 27, 13, 11.5 };
static const double portrait_widths_no_money[] = { 4.5, 19, 21, 31, 15 };

static void
line_free (gpointer data)
{
  Line *line = data;

  g_free (line->unit);
  g_free (line->position);
  g_clear_pointer (&line->name_key, g_bytes_unref);
  g_free (line);
}

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->form_name);
  g_free (group->phrase);
  for (int s = 0; s < N_SECTIONS; s++)
    g_clear_pointer (&group->lines[s], g_ptr_array_unref);
  g_free (group);
}

void
td_award_list_free (TdAwardList *list)
{
  if (list == NULL)
    return;
  g_free (list->parent);
  g_free (list->org);
  g_free (list->date_line);
  g_free (list->attached);
  g_free (list->number);
  g_free (list->doc_title);
  g_strfreev (list->signer_lines);
  g_free (list->signer_name);
  g_clear_pointer (&list->groups, g_ptr_array_unref);
  g_clear_pointer (&list->texts, g_string_chunk_free);
  g_free (list);
}

gboolean
td_award_order_from_string (const char   *text,
                            TdAwardOrder *order)
{
  if (g_strcmp0 (text, "decision") == 0)
    *order = TD_AWARD_ORDER_DECISION;
  else if (g_strcmp0 (text, "unit") == 0)
    *order = TD_AWARD_ORDER_UNIT;
  else if (g_strcmp0 (text, "name") == 0)
    *order = TD_AWARD_ORDER_NAME;
  else
    return FALSE;
  return TRUE;
}

guint
td_award_list_get_n_lines (TdAwardList *list)
{
  return list->n_lines;
}

/* «/QĐ-UBND»: the tail of the numbers this office gives its decisions,
 * for the blanks of a draft. */
static char *
number_suffix (TdDatabase *db)
{
  g_autoptr(GPtrArray) decisions = td_decision_store_list (db, NULL, 0, 0, NULL);

  for (guint i = 0; decisions != NULL && i < decisions->len; i++)
    {
      TdDecision *d = g_ptr_array_index (decisions, i);
      const char *slash = d->number ? strchr (d->number, '/') : NULL;

      if (slash != NULL)
        return g_strdup (slash);
    }
  return g_strdup ("/QĐ-UBND");
}

/* «TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH», «CÔNG NHẬN DANH HIỆU LAO ĐỘNG
 * TIÊN TIẾN»: flags and commendations are given, titles recognised. */
static char *
form_phrase (const TdAwardForm *form)
{
  g_autofree char *name = td_doc_upper (form->name);

  if (form->family == TD_FAMILY_COMMENDATION || g_str_has_prefix (form->code ? form->code : "", "co_thi_dua"))
    return g_strconcat ("TẶNG ", name, NULL);
  return g_strconcat ("CÔNG NHẬN DANH HIỆU ", name, NULL);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const Line *x = *(const Line * const *) a;
  const Line *y = *(const Line * const *) b;
  TdAwardOrder order = GPOINTER_TO_INT (user_data);
  int result = 0;

  if (order == TD_AWARD_ORDER_UNIT)
    {
      result = td_text_collate (x->unit, y->unit);
      if (result == 0)
        result = td_text_collate (x->position, y->position);
    }
  if (result == 0 && order != TD_AWARD_ORDER_DECISION)
    result = g_bytes_compare (x->name_key, y->name_key);
  if (result == 0)
    result = x->sort_order < y->sort_order ? -1 : x->sort_order > y->sort_order;
  return result;
}

static Group *
find_group (TdDatabase  *db,
            GPtrArray   *groups,
            TdAward     *award,
            GError     **error)
{
  g_autoptr(TdAwardForm) form = NULL;
  Group *group;

  for (guint i = 0; i < groups->len; i++)
    if (((Group *) g_ptr_array_index (groups, i))->form_id == award->form_id)
      return g_ptr_array_index (groups, i);

  form = td_catalogue_store_get_form (db, award->form_id, error);
  if (form == NULL)
    return NULL;
  group = g_new0 (Group, 1);
  group->form_id = form->id;
  group->precedence = form->precedence;
  group->form_name = g_strdup (form->name);
  group->phrase = form_phrase (form);
  for (int s = 0; s < N_SECTIONS; s++)
    group->lines[s] = g_ptr_array_new_with_free_func (line_free);
  g_ptr_array_add (groups, group);
  return group;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *x = *(const Group * const *) a;
  const Group *y = *(const Group * const *) b;

  if (x->precedence != y->precedence)
    return x->precedence < y->precedence ? -1 : 1;
  return x->form_id < y->form_id ? -1 : x->form_id > y->form_id;
}

typedef struct
{
  TdDatabase               *db;
  TdAwardList              *list;
  const TdAwardListOptions *options;
} LoadState;

/* One line of the decision, as the store hands it over. */
static gboolean
add_line (TdAward  *owned,
          gpointer  user_data,
          GError  **error)
{
  LoadState *state = user_data;
  TdDatabase *db = state->db;
  TdAwardList *list = state->list;
  const TdAwardListOptions *options = state->options;
  g_autoptr(TdAward) award = owned;
  Group *group = find_group (db, list->groups, award, error);
  Line *line;

  if (group == NULL)
    return FALSE;
  line = g_new0 (Line, 1);
  line->name = g_string_chunk_insert (list->texts, award->display_name ? award->display_name : "");
  line->detail = g_string_chunk_insert_const (list->texts, award->display_detail ? award->display_detail : "");
  line->achievement = g_string_chunk_insert (list->texts, award->achievement ? award->achievement : "");
  line->form = group->form_name;
  line->amount = award->amount;
  line->sort_order = award->sort_order;

  /* What the chosen order needs, and only that. */
  if (options->order == TD_AWARD_ORDER_UNIT && award->person_id > 0)
    {
      g_autoptr(TdPerson) person = td_person_store_get (db, award->person_id, NULL);

      line->unit = g_strdup (person ? person->unit_name : NULL);
      line->position = g_strdup (person ? person->position : NULL);
    }
  else if (options->order == TD_AWARD_ORDER_UNIT)
    line->unit = g_strdup (line->name);
  if (options->order != TD_AWARD_ORDER_DECISION)
    line->name_key = award->person_id > 0 ? td_text_name_sort_key (line->name)
                                          : td_text_sort_key (line->name);
  g_ptr_array_add (group->lines[award->unit_id > 0 ? SECTION_COLLECTIVE : SECTION_INDIVIDUAL], line);
  list->n_lines++;
  return TRUE;
}

/* Everything the document shows, read in one go: the writing can then
 * run in a thread without the database. */
TdAwardList *
td_award_list_load (TdDatabase               *db,
                    const TdAwardListOptions *options,
                    GError                  **error)
{
  g_autoptr(TdAwardList) list = g_new0 (TdAwardList, 1);
  g_autoptr(TdDecision) decision = NULL;
  g_autofree char *place = NULL;
  g_autofree char *signer_title = NULL;
  g_autofree char *year = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  list->options = *options;
  decision = td_decision_store_get (db, options->decision_id, error);
  if (decision == NULL)
    return NULL;

  /* The header belongs to the issuer of the decision, else the settings. */
  {
    g_autofree char *parent = td_doc_setting_or (db, decision->org_parent, "org.parent");
    g_autofree char *org = td_doc_setting_or (db, decision->org_name, "org.name");

    list->parent = td_doc_upper (parent);
    list->org = td_doc_upper (org);
  }
  place = td_doc_setting_or (db, decision->place, "org.place");
  signer_title = td_doc_setting_or (db, decision->signer_title, "signer.title");
  list->signer_name = td_doc_setting_or (db, decision->signer_name, "signer.name");
  list->signer_lines = g_strsplit (signer_title ? signer_title : "", "\n", -1);
  td_words_options_load (db, &list->words);
  list->number = g_strdup (decision->number);
  year = g_strndup (decision->date, 4);

  if (decision->number != NULL)
    {
      g_autofree char *date = td_xlsx_decree_date (decision->date, FALSE);
      g_autofree char *numeric = td_xlsx_decree_date (decision->date, TRUE);

      list->date_line = g_strdup_printf ("%s, %s", place ? place : "", date);
      list->attached = decision->issuer
                       ? g_strdup_printf ("(Kèm theo Quyết định số %s ngày %s của %s)",
                                          decision->number, numeric, decision->issuer)
                       : g_strdup_printf ("(Kèm theo Quyết định số %s ngày %s)", decision->number, numeric);
      list->doc_title = g_strdup_printf ("Danh sách khen thưởng kèm theo Quyết định số %s", decision->number);
    }
  else
    {
      /* A draft leaves blanks for what is not decided yet. */
      g_autofree char *suffix = number_suffix (db);

      list->date_line = g_strdup_printf ("%s, ngày      tháng      năm %s", place ? place : "", year);
      list->attached = decision->issuer
                       ? g_strdup_printf ("(Kèm theo Quyết định số        %s ngày      /      /%s của %s)",
                                          suffix, year, decision->issuer)
                       : g_strdup_printf ("(Kèm theo Quyết định số        %s ngày      /      /%s)", suffix, year);
      list->doc_title = g_strdup ("Danh sách khen thưởng (dự thảo)");
    }

  list->groups = g_ptr_array_new_with_free_func (group_free);
  list->texts = g_string_chunk_new (64 * 1024);
  {
    LoadState state = { db, list, options };

    if (!td_decision_store_foreach_award (db, decision->id, add_line, &state, error))
      return NULL;
  }
  if (list->n_lines == 0)
    {
      g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_NOTHING,
                   _("The decision has no award lines yet. Add the collectives and individuals first."));
      return NULL;
    }

  g_ptr_array_sort (list->groups, compare_groups);
  for (guint i = 0; options->order != TD_AWARD_ORDER_DECISION && i < list->groups->len; i++)
    for (int s = 0; s < N_SECTIONS; s++)
      g_ptr_array_sort_with_data (((Group *) g_ptr_array_index (list->groups, i))->lines[s],
                                  compare_lines, GINT_TO_POINTER (options->order));

  return g_steal_pointer (&list);
}

static char *
sheet_title (GPtrArray *groups)
{
  gboolean collectives = FALSE, individuals = FALSE, all_given = TRUE;
  GString *title = g_string_new ("DANH SÁCH ");

  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      collectives |= group->lines[SECTION_COLLECTIVE]->len > 0;
      individuals |= group->lines[SECTION_INDIVIDUAL]->len > 0;
      all_given &= g_str_has_prefix (group->phrase, "TẶNG ");
    }
  g_string_append (title, collectives && individuals ? "TẬP THỂ, CÁ NHÂN" : collectives ? "TẬP THỂ" : "CÁ NHÂN");
  g_string_append (title, " ĐƯỢC ");

  /* One form: named.  A few forms that are all given: named together.
   * Otherwise the general «khen thưởng». */
  if (groups->len == 1)
    g_string_append (title, ((Group *) g_ptr_array_index (groups, 0))->phrase);
  else if (all_given && groups->len <= 3)
    {
      g_string_append (title, "TẶNG ");
      for (guint i = 0; i < groups->len; i++)
        {
          Group *group = g_ptr_array_index (groups, i);

          if (i > 0)
            g_string_append (title, i + 1 == groups->len ? " VÀ " : ", ");
          g_string_append (title, group->phrase + strlen ("TẶNG "));
        }
    }
  else
    g_string_append (title, "KHEN THƯỞNG");
  return g_string_free (title, FALSE);
}

static gboolean
write_titles (Sheet      *s,
              GPtrArray  *groups,
              GError    **error)
{
  g_autofree char *title = sheet_title (groups);
  double all = td_doc_span_width (&s->doc, 0, s->doc.last_col);

  if (!td_doc_start_row (&s->doc, td_xlsx_row_height (title, all, TD_DOC_TITLE_SIZE, TRUE, FALSE), error) ||
      !td_doc_merge (&s->doc, 0, s->doc.last_col, title, s->doc.formats->title, error))
    return FALSE;
  s->doc.row++;
  if (!td_doc_start_row (&s->doc, td_xlsx_row_height (s->list->attached, all, TD_DOC_SIZE, FALSE, TRUE), error) ||
      !td_doc_merge (&s->doc, 0, s->doc.last_col, s->list->attached, s->doc.formats->subtitle, error))
    return FALSE;
  s->doc.row++;
  if (!td_doc_start_row (&s->doc, 8, error))
    return FALSE;
  s->doc.row++;
  return TRUE;
}

static gboolean
write_table_head (Sheet   *s,
                  GError **error)
{
  const char *heads[] = { "STT", "Tên tập thể / Họ và tên", "Chức vụ, đơn vị", "Thành tích",
                          "Hình thức", "Số tiền (đồng)" };
  double height = 0;

  for (int c = 0; c <= s->doc.last_col; c++)
    height = MAX (height, td_xlsx_row_height (heads[c], s->doc.widths[c], TD_DOC_SIZE, TRUE, FALSE));
  if (!td_doc_start_row (&s->doc, height, error))
    return FALSE;
  for (int c = 0; c <= s->doc.last_col; c++)
    if (!td_doc_put (&s->doc, c, heads[c], s->doc.formats->head, error))
      return FALSE;
  s->doc.row++;
  return TRUE;
}

static gboolean
tick (Sheet   *s,
      GError **error)
{
  s->written++;
  if (s->written % PROGRESS_STEP != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (s->cancellable, error))
    return FALSE;
  if (s->progress != NULL && s->list->n_lines > 0)
    s->progress ((double) s->written / s->list->n_lines, s->user_data);
  return TRUE;
}

static gboolean
write_line (Sheet   *s,
            guint    number,
            Line    *line,
            GError **error)
{
  g_autofree char *stt = g_strdup_printf ("%u", number);
  const char *texts[] = { stt, line->name, line->detail, line->achievement, line->form };
  double height = 0;

  for (int c = COL_NAME; c <= COL_FORM; c++)
    height = MAX (height, td_xlsx_row_height (texts[c], s->doc.widths[c], TD_DOC_SIZE, FALSE, FALSE));
  if (!td_doc_start_row (&s->doc, height, error) ||
      !td_doc_put (&s->doc, COL_NUMBER, stt, s->doc.formats->centered, error))
    return FALSE;
  for (int c = COL_NAME; c <= COL_FORM; c++)
    if (!td_doc_put (&s->doc, c, texts[c], s->doc.formats->text, error))
      return FALSE;
  if (!s->list->options.no_money &&
      !td_xlsx_check (worksheet_write_number (s->doc.sheet, s->doc.row, COL_AMOUNT, (double) line->amount,
                                              s->doc.formats->amount), error))
    return FALSE;
  s->doc.row++;
  return tick (s, error);
}

/* The sum row of a section, or the total: a formula carrying its value
 * (LibreOffice does not recompute on load). */
static gboolean
write_sum (Sheet       *s,
           const char  *label,
           const char  *formula,
           gint64       value,
           GError     **error)
{
  if (!td_doc_start_row (&s->doc, td_xlsx_row_height (label, td_doc_span_width (&s->doc, 0, COL_FORM), TD_DOC_SIZE, TRUE, FALSE), error) ||
      !td_doc_merge (&s->doc, 0, COL_FORM, label, s->doc.formats->sum_label, error) ||
      !td_xlsx_check (worksheet_write_formula_num (s->doc.sheet, s->doc.row, COL_AMOUNT, formula,
                                                   s->doc.formats->bold_amount, (double) value), error))
    return FALSE;
  s->doc.row++;
  return TRUE;
}

static gboolean
write_sections (Sheet      *s,
                GPtrArray  *groups,
                gint64     *total,
                GError    **error)
{
  static const char *const numerals[] = { "I", "II" };
  static const char *const names[] = { "TẬP THỂ", "CÁ NHÂN" };
  g_autoptr(GString) total_formula = g_string_new ("=");
  guint n_sections = 0;

  *total = 0;
  for (int section = 0; section < N_SECTIONS; section++)
    {
      g_autofree char *band = NULL;
      lxw_row_t first_row;
      gint64 subtotal = 0;
      guint number = 0, n_groups = 0;

      for (guint i = 0; i < groups->len; i++)
        if (((Group *) g_ptr_array_index (groups, i))->lines[section]->len > 0)
          n_groups++;
      if (n_groups == 0)
        continue;

      band = g_strdup_printf ("%s. %s", numerals[n_sections], names[section]);
      if (!td_doc_write_band (&s->doc, band, s->doc.formats->section, error))
        return FALSE;
      first_row = s->doc.row;

      n_groups = 0;
      for (guint i = 0; i < groups->len; i++)
        {
          Group *group = g_ptr_array_index (groups, i);
          g_autofree char *heading = NULL;

          if (group->lines[section]->len == 0)
            continue;
          heading = g_strdup_printf ("%u. %s", ++n_groups, group->form_name);
          if (!td_doc_write_band (&s->doc, heading, s->doc.formats->group, error))
            return FALSE;
          for (guint j = 0; j < group->lines[section]->len; j++)
            {
              Line *line = g_ptr_array_index (group->lines[section], j);

              if (!write_line (s, ++number, line, error))
                return FALSE;
              subtotal += line->amount;
            }
        }

      if (!s->list->options.no_money)
        {
          g_autofree char *label = g_strdup_printf ("Cộng %s", numerals[n_sections]);
          g_autofree char *from = td_doc_cell_name (first_row, COL_AMOUNT);
          g_autofree char *to = td_doc_cell_name (s->doc.row - 1, COL_AMOUNT);
          g_autofree char *formula = g_strdup_printf ("=SUM(%s:%s)", from, to);
          g_autofree char *here = td_doc_cell_name (s->doc.row, COL_AMOUNT);

          if (!write_sum (s, label, formula, subtotal, error))
            return FALSE;
          g_string_append_printf (total_formula, "%s%s", n_sections > 0 ? "+" : "", here);
        }
      *total += subtotal;
      n_sections++;
    }

  if (!s->list->options.no_money)
    {
      g_autofree char *words = td_words_amount (*total, &s->list->words);
      g_autofree char *line = g_strdup_printf ("Bằng chữ: %s", words);
      double all = td_doc_span_width (&s->doc, 0, s->doc.last_col);

      if (!write_sum (s, "Tổng cộng", total_formula->str, *total, error))
        return FALSE;
      if (!td_doc_start_row (&s->doc, td_xlsx_row_height (line, all, TD_DOC_SIZE, FALSE, TRUE), error) ||
          !td_doc_merge (&s->doc, 0, s->doc.last_col, line, s->doc.formats->words, error))
        return FALSE;
      s->doc.row++;
    }
  return TRUE;
}

/* Excel's sheet names: 31 characters at most, none of []:*?/\\, unique.
 * A long form name is cut at a word. */
static char *
sheet_name (const char *name,
            GHashTable *used)
{
  GString *clean = g_string_new (NULL);
  g_autofree char *cut = NULL;
  char *candidate;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c > 0x7f || strchr ("[]:*?/\\'", (int) c) == NULL)
        g_string_append_unichar (clean, c);
    }
  if (g_utf8_strlen (clean->str, -1) > 31)
    {
      char *end = g_utf8_offset_to_pointer (clean->str, 31);
      char *space;

      *end = '\0';
      space = strrchr (clean->str, ' ');
      if (space != NULL && space > clean->str)
        *space = '\0';
    }
  cut = g_strstrip (g_string_free (clean, FALSE));
  candidate = g_strdup (*cut ? cut : "Danh sách");
  for (int i = 2; g_hash_table_contains (used, candidate); i++)
    {
      g_autofree char *shorter = g_utf8_substring (cut, 0, MIN (27, g_utf8_strlen (cut, -1)));

      g_free (candidate);
      candidate = g_strdup_printf ("%s %d", shorter, i);
    }
  g_hash_table_add (used, candidate);
  return g_strdup (candidate);
}

static gboolean
write_sheet (TdAwardList      *list,
             TdXlsxFile       *file,
             lxw_workbook     *workbook,
             TdDocFormats     *formats,
             GPtrArray        *groups,
             const char       *name,
             guint            *written,
             GCancellable     *cancellable,
             TdExportProgress  progress,
             gpointer          user_data,
             GError          **error)
{
  Sheet s = { 0 };
  lxw_row_t head_row;
  gint64 total;

  s.list = list;
  s.doc.formats = formats;
  s.written = *written;
  s.cancellable = cancellable;
  s.progress = progress;
  s.user_data = user_data;
  s.doc.last_col = list->options.no_money ? COL_FORM : COL_AMOUNT;
  if (list->options.portrait)
    s.doc.widths = list->options.no_money ? portrait_widths_no_money : portrait_widths;
  else
    s.doc.widths = list->options.no_money ? landscape_widths_no_money : landscape_widths;

  s.doc.sheet = workbook_add_worksheet (workbook, name);
  if (s.doc.sheet == NULL)
    return td_xlsx_check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);

  /* The issuing body over the first two columns, the nation over the
   * others; the rules under «Tên» and «Thành tích». */
  if (!td_doc_setup_page (&s.doc, !list->options.portrait, error) ||
      !td_doc_write_header (&s.doc, list->parent, list->org, list->date_line, COL_NAME, COL_ACHIEVEMENT, error) ||
      !write_titles (&s, groups, error))
    return FALSE;

  head_row = s.doc.row;
  if (!write_table_head (&s, error) ||
      !write_sections (&s, groups, &total, error))
    return FALSE;
  if (!list->options.no_signature &&
      !td_doc_write_signature (&s.doc, list->signer_lines, list->signer_name, COL_ACHIEVEMENT, error))
    return FALSE;

  worksheet_repeat_rows (s.doc.sheet, head_row, head_row);
  worksheet_freeze_panes (s.doc.sheet, head_row + 1, 0);
  if (!td_xlsx_check (worksheet_print_area (s.doc.sheet, 0, 0, s.doc.row - 1, s.doc.last_col), error))
    return FALSE;
  td_xlsx_file_add_sheet (file, s.doc.row);
  *written = s.written;
  return TRUE;
}

gboolean
td_award_list_write (TdAwardList       *list,
                     const char        *path,
                     GCancellable      *cancellable,
                     TdExportProgress   progress,
                     gpointer           user_data,
                     GError           **error)
{
  TdXlsxFile *file;
  lxw_workbook *workbook;
  TdDocFormats formats;
  lxw_doc_properties properties = { 0 };
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint written = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = td_xlsx_file_open (path, error);
  if (file == NULL)
    return FALSE;
  workbook = td_xlsx_file_workbook (file);
  td_doc_formats_create (workbook, &formats);

  properties.title = list->doc_title;
  properties.company = list->org;
  properties.comments = "Thi Đua";
  workbook_set_properties (workbook, &properties);

  if (list->options.per_form)
    {
      for (guint i = 0; ok && i < list->groups->len; i++)
        {
          Group *group = g_ptr_array_index (list->groups, i);
          g_autoptr(GPtrArray) one = g_ptr_array_new ();
          g_autofree char *name = sheet_name (group->form_name, used);

          g_ptr_array_add (one, group);
          ok = write_sheet (list, file, workbook, &formats, one, name, &written, cancellable,
                            progress, user_data, error);
        }
    }
  else
    ok = write_sheet (list, file, workbook, &formats, list->groups, "Danh sách", &written,
                      cancellable, progress, user_data, error);

  return td_xlsx_file_finish (file, ok, progress, user_data, error);
}

gboolean
td_award_list_export (TdDatabase               *db,
                      const TdAwardListOptions *options,
                      const char               *path,
                      GError                  **error)
{
  g_autoptr(TdAwardList) list = td_award_list_load (db, options, error);

  return list != NULL && td_award_list_write (list, path, NULL, NULL, NULL, error);
}
