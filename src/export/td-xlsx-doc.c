#define G_LOG_DOMAIN "td-xlsx-doc"

#include "config.h"

#include <string.h>

#include "td-font-metrics.h"
#include "td-settings-store.h"
#include "td-xlsx-doc.h"

static lxw_format *
new_format (lxw_workbook *workbook,
            double        size,
            gboolean      bold,
            gboolean      italic,
            uint8_t       align,
            gboolean      border)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_font_name (format, TD_DOC_FONT);
  format_set_font_size (format, size);
  if (bold)
    format_set_bold (format);
  if (italic)
    format_set_italic (format);
  format_set_align (format, align);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (format);
  if (border)
    format_set_border (format, LXW_BORDER_THIN);
  return format;
}

void
td_doc_formats_create (lxw_workbook *workbook,
                       TdDocFormats *f)
{
  f->parent = new_format (workbook, TD_DOC_SIZE, FALSE, FALSE, LXW_ALIGN_CENTER, FALSE);
  f->org = new_format (workbook, TD_DOC_SIZE, TRUE, FALSE, LXW_ALIGN_CENTER, FALSE);
  f->nation = new_format (workbook, 12, TRUE, FALSE, LXW_ALIGN_CENTER, FALSE);
  f->motto = new_format (workbook, TD_DOC_SIZE, TRUE, FALSE, LXW_ALIGN_CENTER, FALSE);
  format_set_align (f->org, LXW_ALIGN_VERTICAL_BOTTOM);
  format_set_align (f->motto, LXW_ALIGN_VERTICAL_BOTTOM);
  f->rule = workbook_add_format (workbook);
  format_set_top (f->rule, LXW_BORDER_THIN);
  f->date_line = new_format (workbook, TD_DOC_SIZE, FALSE, TRUE, LXW_ALIGN_CENTER, FALSE);
  f->title = new_format (workbook, TD_DOC_TITLE_SIZE, TRUE, FALSE, LXW_ALIGN_CENTER, FALSE);
  f->subtitle = new_format (workbook, TD_DOC_SIZE, FALSE, TRUE, LXW_ALIGN_CENTER, FALSE);
  f->head = new_format (workbook, TD_DOC_SIZE, TRUE, FALSE, LXW_ALIGN_CENTER, TRUE);
  f->section = new_format (workbook, TD_DOC_SIZE, TRUE, FALSE, LXW_ALIGN_LEFT, TRUE);
  f->group = new_format (workbook, TD_DOC_SIZE, TRUE, TRUE, LXW_ALIGN_LEFT, TRUE);
  f->text = new_format (workbook, TD_DOC_SIZE, FALSE, FALSE, LXW_ALIGN_LEFT, TRUE);
  f->bold_text = new_format (workbook, TD_DOC_SIZE, TRUE, FALSE, LXW_ALIGN_LEFT, TRUE);
  f->centered = new_format (workbook, TD_DOC_SIZE, FALSE, FALSE, LXW_ALIGN_CENTER, TRUE);
  f->amount = new_format (workbook, TD_DOC_SIZE, FALSE, FALSE, LXW_ALIGN_RIGHT, TRUE);
  format_set_num_format (f->amount, "#,##0");
  f->bold_amount = new_format (workbook, TD_DOC_SIZE, TRUE, FALSE, LXW_ALIGN_RIGHT, TRUE);
  format_set_num_format (f->bold_amount, "#,##0");
  /* Counts and measures: thousands grouped, decimals only when there are. */
  f->number = new_format (workbook, TD_DOC_SIZE, FALSE, FALSE, LXW_ALIGN_RIGHT, TRUE);
  format_set_num_format (f->number, "#,##0.###");
  f->bold_number = new_format (workbook, TD_DOC_SIZE, TRUE, FALSE, LXW_ALIGN_RIGHT, TRUE);
  format_set_num_format (f->bold_number, "#,##0.###");
  f->percent = new_format (workbook, TD_DOC_SIZE, FALSE, FALSE, LXW_ALIGN_RIGHT, TRUE);
  format_set_num_format (f->percent, "0.0%");
  f->sum_label = new_format (workbook, TD_DOC_SIZE, TRUE, FALSE, LXW_ALIGN_CENTER, TRUE);
  f->words = new_format (workbook, TD_DOC_SIZE, FALSE, TRUE, LXW_ALIGN_LEFT, FALSE);
  f->signer = new_format (workbook, TD_DOC_SIZE, TRUE, FALSE, LXW_ALIGN_CENTER, FALSE);
  for (int i = 0; i < 3; i++)
    {
      f->indent[i] = new_format (workbook, TD_DOC_SIZE, FALSE, FALSE, LXW_ALIGN_LEFT, TRUE);
      format_set_indent (f->indent[i], i + 1);
    }
}

double
td_doc_span_width (TdDocSheet *doc,
                   int         first,
                   int         last)
{
  double width = 0;

  for (int c = first; c <= last; c++)
    width += doc->widths[c];
  return width;
}

/* «F12», «AB3». */
char *
td_doc_cell_name (lxw_row_t row,
                  int       col)
{
  char letters[4] = { 0 };

  if (col < 26)
    letters[0] = 'A' + col;
  else
    {
      letters[0] = 'A' + col / 26 - 1;
      letters[1] = 'A' + col % 26;
    }
  return g_strdup_printf ("%s%u", letters, (unsigned) row + 1);
}

gboolean
td_doc_start_row (TdDocSheet  *doc,
                  double       height,
                  GError     **error)
{
  return td_xlsx_check (worksheet_set_row (doc->sheet, doc->row, height, NULL), error);
}

gboolean
td_doc_put (TdDocSheet  *doc,
            int          col,
            const char  *text,
            lxw_format  *format,
            GError     **error)
{
  g_autofree char *owned = NULL;
  const char *clean = td_xlsx_text (text, &owned);

  if (*clean == '\0')
    return td_xlsx_check (worksheet_write_blank (doc->sheet, doc->row, col, format), error);
  return td_xlsx_check (worksheet_write_string (doc->sheet, doc->row, col, clean, format), error);
}

/* Merges only within the row: constant-memory mode flushes a row as soon
 * as the next begins. */
gboolean
td_doc_merge (TdDocSheet  *doc,
              int          first,
              int          last,
              const char  *text,
              lxw_format  *format,
              GError     **error)
{
  g_autofree char *owned = NULL;
  const char *clean = td_xlsx_text (text, &owned);

  if (first == last)
    return td_doc_put (doc, first, clean, format, error);
  return td_xlsx_check (worksheet_merge_range (doc->sheet, doc->row, first, doc->row, last, clean, format),
                        error);
}

/* A row across the table: a title, a section, a group heading. */
gboolean
td_doc_write_band (TdDocSheet  *doc,
                   const char  *text,
                   lxw_format  *format,
                   GError     **error)
{
  double all = td_doc_span_width (doc, 0, doc->last_col);
  double size = format == doc->formats->title ? TD_DOC_TITLE_SIZE : TD_DOC_SIZE;

  if (!td_doc_start_row (doc, td_xlsx_row_height (text, all, size, TRUE, FALSE), error) ||
      !td_doc_merge (doc, 0, doc->last_col, text, format, error))
    return FALSE;
  doc->row++;
  return TRUE;
}

char *
td_doc_upper (const char *text)
{
  return text != NULL ? g_utf8_strup (text, -1) : g_strdup ("");
}

char *
td_doc_setting_or (TdDatabase *db,
                   const char *own,
                   const char *key)
{
  if (own != NULL && *own != '\0')
    return g_strdup (own);
  return td_settings_store_get (db, key, NULL);
}

/* «ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH» on two lines breaks before the level
 * («ỦY BAN NHÂN DÂN» / «TỈNH QUẢNG NINH»), as the documents set it. */
static char *
break_org_name (const char *name,
                double      width,
                gboolean    bold)
{
  static const char *const levels[] = {
    " TỈNH ", " THÀNH PHỐ ", " HUYỆN ", " QUẬN ", " THỊ XÃ ", " XÃ ", " PHƯỜNG ", " THỊ TRẤN ",
  };
  double available = td_xlsx_column_points (width) * 0.96 - 4;

  if (strchr (name, '\n') != NULL || td_font_text_width (name, TD_DOC_SIZE, bold, FALSE) <= available)
    return g_strdup (name);
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      const char *at = strstr (name, levels[i]);

      if (at != NULL)
        return g_strdup_printf ("%.*s\n%s", (int) (at - name), name, at + 1);
    }
  return g_strdup (name);
}

/* The two halves of the header written together, row by row (constant
 * memory mode cannot go back).  Left, columns 0..@left_last: the parent
 * body and the issuing body over a short rule; right: the national title
 * and motto over a rule (the top border of column @right_rule), the place
 * and date line.  The rules are cells nearly centred under the texts: the
 * library draws no lines. */
gboolean
td_doc_write_header (TdDocSheet  *doc,
                     const char  *parent_name,
                     const char  *org_name,
                     const char  *date_line,
                     int          left_last,
                     int          right_rule,
                     GError     **error)
{
  TdDocFormats *f = doc->formats;
  double left = td_doc_span_width (doc, 0, left_last);
  double right = td_doc_span_width (doc, left_last + 1, doc->last_col);
  g_autofree char *parent = parent_name && *parent_name ? break_org_name (parent_name, left, FALSE) : NULL;
  g_autofree char *org = break_org_name (org_name ? org_name : "", left, TRUE);
  const char *left_top = parent ? parent : org;
  const char *left_second = parent ? org : NULL;
  int rule_col = left_last > 0 ? left_last : 0;
  double height;

  height = MAX (td_xlsx_row_height (left_top, left, TD_DOC_SIZE, left_second == NULL, FALSE),
                td_xlsx_row_height ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right, 12, TRUE, FALSE));
  if (!td_doc_start_row (doc, height, error) ||
      !td_doc_merge (doc, 0, left_last, left_top, left_second ? f->parent : f->org, error) ||
      !td_doc_merge (doc, left_last + 1, doc->last_col, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f->nation, error))
    return FALSE;
  doc->row++;

  height = MAX (left_second ? td_xlsx_row_height (left_second, left, TD_DOC_SIZE, TRUE, FALSE) : 0,
                td_xlsx_row_height ("Độc lập - Tự do - Hạnh phúc", right, TD_DOC_SIZE, TRUE, FALSE));
  if (!td_doc_start_row (doc, height, error))
    return FALSE;
  if (left_second != NULL && !td_doc_merge (doc, 0, left_last, left_second, f->org, error))
    return FALSE;
  /* Without a parent body the issuing body's rule sits in this row. */
  if (left_second == NULL && !td_doc_put (doc, rule_col, NULL, f->rule, error))
    return FALSE;
  if (!td_doc_merge (doc, left_last + 1, doc->last_col, "Độc lập - Tự do - Hạnh phúc", f->motto, error))
    return FALSE;
  doc->row++;

  if (!td_doc_start_row (doc, 6, error) ||
      (left_second != NULL && !td_doc_put (doc, rule_col, NULL, f->rule, error)) ||
      !td_doc_put (doc, right_rule, NULL, f->rule, error))
    return FALSE;
  doc->row++;

  if (!td_doc_start_row (doc, td_xlsx_row_height (date_line, right, TD_DOC_SIZE, FALSE, TRUE), error) ||
      !td_doc_merge (doc, left_last + 1, doc->last_col, date_line, f->date_line, error))
    return FALSE;
  doc->row++;

  if (!td_doc_start_row (doc, 8, error))
    return FALSE;
  doc->row++;
  return TRUE;
}

/* Right, from @first_col: «TM. ỦY BAN NHÂN DÂN» / «KT. CHỦ TỊCH» /
 * «PHÓ CHỦ TỊCH», room to sign, the name. */
gboolean
td_doc_write_signature (TdDocSheet  *doc,
                        char       **lines,
                        const char  *name,
                        int          first_col,
                        GError     **error)
{
  double right = td_doc_span_width (doc, first_col, doc->last_col);

  if (!td_doc_start_row (doc, 12, error))
    return FALSE;
  doc->row++;
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_autofree char *text = td_doc_upper (lines[i]);

      if (*text == '\0')
        continue;
      if (!td_doc_start_row (doc, td_xlsx_row_height (text, right, TD_DOC_SIZE, TRUE, FALSE), error) ||
          !td_doc_merge (doc, first_col, doc->last_col, text, doc->formats->signer, error))
        return FALSE;
      doc->row++;
    }
  for (int i = 0; i < 4; i++)
    {
      if (!td_doc_start_row (doc, 18, error))
        return FALSE;
      doc->row++;
    }
  if (!td_doc_start_row (doc, td_xlsx_row_height (name, right, TD_DOC_SIZE, TRUE, FALSE), error) ||
      !td_doc_merge (doc, first_col, doc->last_col, name, doc->formats->signer, error))
    return FALSE;
  doc->row++;
  return TRUE;
}

/* A4, Decree 30/2020's margins, one page wide, the page number centred at
 * the top (on every page: the library cannot leave page 1 without it). */
gboolean
td_doc_setup_page (TdDocSheet  *doc,
                   gboolean     landscape,
                   GError     **error)
{
  for (int c = 0; c <= doc->last_col; c++)
    if (!td_xlsx_check (worksheet_set_column (doc->sheet, c, c, doc->widths[c], NULL), error))
      return FALSE;
  worksheet_set_paper (doc->sheet, 9);
  if (landscape)
    worksheet_set_landscape (doc->sheet);
  else
    worksheet_set_portrait (doc->sheet);
  worksheet_set_margins (doc->sheet, 30 / 25.4, 15 / 25.4, 20 / 25.4, 20 / 25.4);
  if (!td_xlsx_check (worksheet_set_header (doc->sheet, "&C&\"Times New Roman,Regular\"&13&P"), error))
    return FALSE;
  worksheet_fit_to_pages (doc->sheet, 1, 0);
  worksheet_center_horizontally (doc->sheet);
  return TRUE;
}
