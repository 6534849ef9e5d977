#define G_LOG_DOMAIN "td-awards-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "td-award-checks.h"
#include "td-awards-page.h"
#include "td-campaign-store.h"
#include "td-date.h"
#include "td-decision-store.h"
#include "td-format.h"
#include "td-page-util.h"
#include "td-paste.h"
#include "td-table.h"
#include "td-words.h"

/* The page the secretariat lives in before a ceremony: the decisions,
 * one decision's lines in the shape of the printed list, and everything
 * done to them — through the stores, each change one undo step. */

struct _TdAwardsPage
{
  GtkWidget           parent_instance;

  TdDatabase         *database;
  GPtrArray          *decisions;
  GListStore         *rows;
  GtkSingleSelection *selection;
  gint64              decision_id;
  gboolean            issued;
  char               *words;

  GtkListBox         *decision_list;
  GtkSearchEntry     *search_entry;
  GtkStack           *detail_stack;
  GtkLabel           *heading_label;
  GtkLabel           *title_label;
  GtkLabel           *info_label;
  GtkColumnView      *award_view;
  GtkLabel           *total_label;
  GtkLabel           *words_label;
  GtkWidget          *issue_button;
  GtkWidget          *reopen_button;
  GtkWidget          *lock_label;
};

G_DEFINE_FINAL_TYPE (TdAwardsPage, td_awards_page, GTK_TYPE_WIDGET)

enum { COL_NUMBER, COL_NAME, COL_DETAIL, COL_FORM, COL_ACHIEVEMENT, COL_AMOUNT, COL_WARNING };

static void reload (TdAwardsPage *self);

static void
award_row_free (gpointer data)
{
  TdAwardRow *row = data;

  g_free (row->number);
  g_free (row->name);
  g_free (row->detail);
  g_free (row->form);
  g_free (row->achievement);
  g_free (row->warnings);
  g_free (row);
}

static char *
format_money (gint64 amount)
{
  /* Translators: the thousands separator of amounts of money
   * (Vietnamese: «.», as in 18.720.000). */
  return td_format_thousands (amount, C_("money", ","));
}

static char *
row_text (gpointer record,
          gpointer user_data)
{
  TdAwardRow *row = record;

  switch (GPOINTER_TO_INT (user_data))
    {
    case COL_NUMBER:
      return g_strdup (row->number);
    case COL_NAME:
      return g_strdup (row->name);
    case COL_DETAIL:
      return g_strdup (row->detail);
    case COL_FORM:
      return g_strdup (row->form);
    case COL_ACHIEVEMENT:
      return g_strdup (row->achievement);
    case COL_AMOUNT:
      if (row->kind == TD_AWARD_ROW_SECTION)
        return NULL;
      {
        g_autofree char *money = format_money (row->amount);

        /* A typed amount is marked as such. */
        return row->overridden ? g_strdup_printf ("%s ✎", money) : g_steal_pointer (&money);
      }
    case COL_WARNING:
      return row->warnings ? g_strdup ("⚠") : NULL;
    default:
      g_assert_not_reached ();
    }
}

static char *
row_warnings (gpointer record,
              gpointer user_data)
{
  TdAwardRow *row = record;

  if (GPOINTER_TO_INT (user_data) == COL_WARNING)
    return g_strdup (row->warnings);
  return row->overridden ? g_strdup (_("Typed amount, not computed")) : NULL;
}

static TdAwardRow *
new_row (TdAwardRowKind kind)
{
  TdAwardRow *row = g_new0 (TdAwardRow, 1);

  row->kind = kind;
  return row;
}

/* Appends a filled row: the view binds it at once. */
static void
append_row (TdAwardsPage *self,
            TdAwardRow   *row)
{
  g_autoptr(TdItem) item = td_item_new (row, award_row_free);

  td_item_set_emphasis (item, row->kind != TD_AWARD_ROW_LINE);
  g_list_store_append (self->rows, item);
}

static char *
warnings_of (TdAwardsPage *self,
             gint64        award_id)
{
  g_autoptr(GPtrArray) warnings = td_award_checks_for_award (self->database, award_id, NULL);
  g_autoptr(GString) text = NULL;

  if (warnings == NULL || warnings->len == 0)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < warnings->len; i++)
    g_string_append_printf (text, "%s%s", i ? "\n" : "", ((TdAwardWarning *) g_ptr_array_index (warnings, i))->message);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Sections «I. Collectives» and «II. Individuals», each numbered from 1
 * with its subtotal, then the total: the shape of the printed list, in
 * the decision's own order. */
static void
fill_lines (TdAwardsPage *self,
            GPtrArray    *awards)
{
  const char *numerals[] = { "I", "II" };
  gint64 total = 0;
  guint section = 0;

  for (int collective = 1; collective >= 0; collective--)
    {
      gint64 subtotal = 0;
      guint count = 0;
      TdAwardRow *row;

      for (guint i = 0; i < awards->len; i++)
        {
          TdAward *award = g_ptr_array_index (awards, i);

          if ((award->unit_id > 0) != collective)
            continue;
          if (count == 0)
            {
              row = new_row (TD_AWARD_ROW_SECTION);
              row->number = g_strdup (numerals[section]);
              row->name = g_strdup (collective ? _("Collectives") : _("Individuals"));
              append_row (self, row);
            }
          row = new_row (TD_AWARD_ROW_LINE);
          row->award_id = award->id;
          row->number = g_strdup_printf ("%u", ++count);
          row->name = g_strdup (award->display_name);
          row->detail = g_strdup (award->display_detail);
          row->form = g_strdup (award->form_name);
          row->achievement = g_strdup (award->achievement);
          row->amount = award->amount;
          row->overridden = award->amount_overridden;
          row->warnings = warnings_of (self, award->id);
          append_row (self, row);
          subtotal += award->amount;
        }
      if (count > 0)
        {
          row = new_row (TD_AWARD_ROW_SUBTOTAL);
          /* Translators: the subtotal of a section, «Cộng I». */
          row->name = g_strdup_printf (_("Subtotal %s"), numerals[section]);
          row->amount = subtotal;
          append_row (self, row);
          total += subtotal;
          section++;
        }
    }

  if (awards->len > 0)
    {
      TdAwardRow *row = new_row (TD_AWARD_ROW_TOTAL);

      row->name = g_strdup (_("Total"));
      row->amount = total;
      append_row (self, row);
    }
}

static void
update_actions (TdAwardsPage *self)
{
  gboolean writable = td_page_can_write (self->database);
  gboolean shown = self->decision_id > 0;
  gboolean draft = writable && shown && !self->issued;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "awards.new-decision", writable);
  gtk_widget_action_set_enabled (widget, "awards.edit-decision", draft);
  gtk_widget_action_set_enabled (widget, "awards.issue", draft);
  gtk_widget_action_set_enabled (widget, "awards.reopen", writable && shown && self->issued);
  gtk_widget_action_set_enabled (widget, "awards.delete-decision", draft);
  gtk_widget_action_set_enabled (widget, "awards.add-line", draft);
  gtk_widget_action_set_enabled (widget, "awards.paste", draft);
  gtk_widget_action_set_enabled (widget, "awards.move-line", draft);
  gtk_widget_action_set_enabled (widget, "awards.delete-line", draft);
  gtk_widget_set_visible (self->issue_button, !self->issued);
  gtk_widget_set_visible (self->reopen_button, self->issued);
  gtk_widget_set_visible (self->lock_label, self->issued);
}

static void
show_decision (TdAwardsPage *self,
               TdDecision   *decision)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) awards = NULL;
  g_autofree char *date = td_format_date (decision->date);
  g_autofree char *heading = NULL;
  g_autofree char *info = NULL;
  g_autofree char *money = format_money (decision->total);
  g_autofree char *collectives = NULL;
  g_autofree char *individuals = NULL;
  g_autofree char *totals = NULL;
  TdWordsOptions options;

  g_list_store_remove_all (self->rows);
  self->decision_id = decision->id;
  self->issued = decision->number != NULL;

  if (decision->number != NULL)
    /* Translators: «Decision 125/QĐ-UBND of 15/01/2019». */
    heading = g_strdup_printf (_("Decision %s of %s"), decision->number, date);
  else
    /* Translators: a decision not issued yet, with its planned date. */
    heading = g_strdup_printf (_("Draft decision, dated %s"), date);
  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->title_label, decision->title ? decision->title : "");

  if (decision->year > 0)
    /* Translators: «Chủ tịch UBND tỉnh Quảng Ninh · rewarding the year 2018». */
    info = g_strdup_printf (_("%s · rewarding the year %d"), decision->issuer ? decision->issuer : "", decision->year);
  else
    info = g_strdup (decision->issuer ? decision->issuer : "");
  gtk_label_set_text (self->info_label, info);

  awards = td_decision_store_list_awards (self->database, decision->id, &error);
  if (awards == NULL)
    {
      g_message ("Listing awards failed: %s", error->message);
      return;
    }
  fill_lines (self, awards);

  collectives = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d collective", "%d collectives",
                                              decision->n_collectives), decision->n_collectives);
  individuals = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d individual", "%d individuals",
                                              decision->n_individuals), decision->n_individuals);
  /* Translators: «6 collectives, 8 individuals · Total: 44.480.000 đồng». */
  totals = g_strdup_printf (_("%s, %s · Total: %s đồng"), collectives, individuals, money);
  gtk_label_set_text (self->total_label, totals);

  /* The total in words, as the list prints it (the file's word options). */
  td_words_options_load (self->database, &options);
  g_free (self->words);
  self->words = td_words_amount (decision->total, &options);
  gtk_label_set_text (self->words_label, self->words);
  update_actions (self);
}

static void
on_row_selected (TdAwardsPage  *self,
                 GtkListBoxRow *row)
{
  int index;

  /* The list box unselects its rows while the page is disposed. */
  if (self->issue_button == NULL)
    return;
  g_list_store_remove_all (self->rows);
  self->decision_id = 0;
  self->issued = FALSE;
  if (row != NULL && self->decisions != NULL)
    {
      index = gtk_list_box_row_get_index (row);
      if (index >= 0 && (guint) index < self->decisions->len)
        show_decision (self, g_ptr_array_index (self->decisions, index));
    }
  update_actions (self);
}

/* Lists the decisions again and shows @keep (or the first). */
static void
reload_keeping (TdAwardsPage *self,
                gint64        keep)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) campaigns = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GtkWidget *child;
  guint select = 0;

  g_list_store_remove_all (self->rows);
  self->decision_id = 0;
  self->issued = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->decision_list))) != NULL)
    gtk_list_box_remove (self->decision_list, child);
  g_clear_pointer (&self->decisions, g_ptr_array_unref);

  if (self->database != NULL)
    {
      g_autoptr(GPtrArray) list = td_campaign_store_list (self->database, NULL, NULL);

      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          TdCampaign *campaign = g_ptr_array_index (list, i);

          g_hash_table_insert (campaigns, g_memdup2 (&campaign->id, sizeof campaign->id),
                               g_strdup (campaign->short_title ? campaign->short_title : campaign->title));
        }
      self->decisions = td_decision_store_list (self->database,
                                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                                0, 0, &error);
      if (self->decisions == NULL)
        g_message ("Listing decisions failed: %s", error->message);
    }

  if (self->decisions == NULL || self->decisions->len == 0)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      update_actions (self);
      return;
    }

  for (guint i = 0; i < self->decisions->len; i++)
    {
      TdDecision *decision = g_ptr_array_index (self->decisions, i);
      g_autofree char *date = td_format_date (decision->date);
      g_autofree char *money = format_money (decision->total);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      g_autofree char *collectives = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d collective", "%d collectives",
                                                                   decision->n_collectives), decision->n_collectives);
      g_autofree char *individuals = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d individual", "%d individuals",
                                                                   decision->n_individuals), decision->n_individuals);
      GString *text = g_string_new (NULL);
      const char *campaign = g_hash_table_lookup (campaigns, &decision->campaign_id);

      /* Translators: under a decision in the list, «15/01/2019 · 44.480.000 đ»;
       * a no-break space before «đ» keeps it with the amount. */
      g_string_append_printf (text, _("%s · %s\u00a0đ"), date, money);
      /* Translators: «6 collectives, 8 individuals». */
      g_string_append_printf (text, _("\n%s, %s"), collectives, individuals);
      if (decision->year > 0)
        /* Translators: after the counts, the year a decision rewards. */
        g_string_append_printf (text, _(" · year %d"), decision->year);
      if (campaign != NULL)
        g_string_append_printf (text, " · %s", campaign);
      if (decision->title != NULL)
        g_string_append_printf (text, "\n%s", decision->title);
      subtitle = g_string_free (text, FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     decision->number ? decision->number : _("Draft"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      gtk_widget_set_tooltip_text (row, decision->title);
      if (decision->number == NULL)
        gtk_widget_add_css_class (row, "draft");
      gtk_list_box_append (self->decision_list, row);
      if (decision->id == keep)
        select = i;
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  gtk_list_box_select_row (self->decision_list, gtk_list_box_get_row_at_index (self->decision_list, select));
}

static void
reload (TdAwardsPage *self)
{
  reload_keeping (self, self->decision_id);
}

static void
on_search_changed (TdAwardsPage *self)
{
  reload (self);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (TD_AWARDS_PAGE (widget)->search_entry));
}

static TdAwardRow *
selected_line (TdAwardsPage *self)
{
  TdItem *item = gtk_single_selection_get_selected_item (self->selection);
  TdAwardRow *row = item ? td_item_get_record (item) : NULL;

  return row != NULL && row->kind == TD_AWARD_ROW_LINE ? row : NULL;
}

/* The award line selected, or 0. */
gint64
td_awards_page_get_selected_line (TdAwardsPage *self)
{
  TdAwardRow *row;

  g_return_val_if_fail (TD_IS_AWARDS_PAGE (self), 0);
  row = selected_line (self);
  return row != NULL ? row->award_id : 0;
}

void
td_awards_page_select_line (TdAwardsPage *self,
                            gint64        award_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i++)
    {
      g_autoptr(TdItem) item = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (((TdAwardRow *) td_item_get_record (item))->award_id == award_id)
        gtk_single_selection_set_selected (self->selection, i);
    }
}

static void
on_decision_saved (TdAwardsPage *self,
                   gint64        decision_id)
{
  reload_keeping (self, decision_id);
}

static void
on_line_saved (TdAwardsPage *self,
               gint64        award_id)
{
  reload (self);
  td_awards_page_select_line (self, award_id);
}

TdDecisionDialog *
td_awards_page_edit_decision (TdAwardsPage *self,
                              gboolean      new_one)
{
  TdDecisionDialog *dialog;

  g_return_val_if_fail (TD_IS_AWARDS_PAGE (self), NULL);
  g_return_val_if_fail (self->database != NULL, NULL);

  dialog = td_decision_dialog_new (td_page_get_window (GTK_WIDGET (self)), self->database, new_one ? 0 : self->decision_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_decision_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

TdAwardDialog *
td_awards_page_edit_line (TdAwardsPage *self,
                          gint64        award_id)
{
  TdAwardDialog *dialog;

  g_return_val_if_fail (TD_IS_AWARDS_PAGE (self), NULL);
  g_return_val_if_fail (self->decision_id > 0, NULL);

  dialog = td_award_dialog_new (td_page_get_window (GTK_WIDGET (self)), self->database, self->decision_id, award_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_line_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Giving the number issues the decision: the store locks its lines and
 * keeps its recipients' names and positions as they are today. */
gboolean
td_awards_page_issue (TdAwardsPage  *self,
                      const char    *number,
                      const char    *date,
                      GError       **error)
{
  g_autofree char *iso = NULL;
  gint64 id = self->decision_id;

  g_return_val_if_fail (TD_IS_AWARDS_PAGE (self), FALSE);

  if (date != NULL && *date != '\0' && !td_date_parse_display (date, &iso))
    {
      td_set_field_error (error, TD_FIELD_ERROR_FORMAT, "date",
                          _("“%s” is not a date. Type it as dd/mm/yyyy, such as 15/01/2019."), date);
      return FALSE;
    }
  if (!td_decision_store_issue (self->database, id, number, iso, error))
    return FALSE;
  reload_keeping (self, id);
  return TRUE;
}

gboolean
td_awards_page_reopen (TdAwardsPage  *self,
                       GError       **error)
{
  gint64 id = self->decision_id;

  g_return_val_if_fail (TD_IS_AWARDS_PAGE (self), FALSE);

  if (!td_decision_store_reopen (self->database, id, error))
    return FALSE;
  reload_keeping (self, id);
  return TRUE;
}

/* Rows copied from a spreadsheet: all added in one transaction, or none. */
gboolean
td_awards_page_paste_text (TdAwardsPage  *self,
                           const char    *text,
                           gboolean       create_missing,
                           guint         *added,
                           GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  guint count = 0;

  g_return_val_if_fail (TD_IS_AWARDS_PAGE (self), FALSE);

  rows = td_paste_parse (self->database, text, error);
  if (rows == NULL || !td_paste_apply (self->database, self->decision_id, rows, create_missing, &count, error))
    return FALSE;
  if (added != NULL)
    *added = count;
  reload (self);
  return TRUE;
}

gboolean
td_awards_page_delete_line (TdAwardsPage  *self,
                            gint64         award_id,
                            GError       **error)
{
  g_autoptr(TdAward) award = td_decision_store_get_award (self->database, award_id, error);
  g_autofree char *text = NULL;

  if (award == NULL || !td_decision_store_delete_award (self->database, award_id, error))
    return FALSE;
  reload (self);
  /* Translators: a toast, «Deleted the line of Nguyễn Văn An». */
  text = g_strdup_printf (_("Deleted the line of %s"), award->display_name);
  td_page_toast (GTK_WIDGET (self), text, TRUE);
  return TRUE;
}

static void
new_decision_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  td_awards_page_edit_decision (TD_AWARDS_PAGE (widget), TRUE);
}

static void
edit_decision_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  td_awards_page_edit_decision (TD_AWARDS_PAGE (widget), FALSE);
}

static void
on_issue_response (AdwMessageDialog *dialog,
                   const char       *response,
                   TdAwardsPage     *self)
{
  GtkEditable *number = g_object_get_data (G_OBJECT (dialog), "number");
  GtkEditable *date = g_object_get_data (G_OBJECT (dialog), "date");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "issue"))
    return;
  if (!td_awards_page_issue (self, gtk_editable_get_text (number), gtk_editable_get_text (date), &error))
    td_page_show_error (GTK_WIDGET (self), _("The decision could not be issued"), error->message);
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TdAwardsPage *self = TD_AWARDS_PAGE (widget);
  g_autoptr(TdDecision) decision = td_decision_store_get (self->database, self->decision_id, NULL);
  g_autofree char *date = decision ? td_format_date (decision->date) : NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *number = gtk_entry_new ();
  GtkWidget *date_entry = gtk_entry_new ();
  GtkWidget *dialog;

  gtk_entry_set_placeholder_text (GTK_ENTRY (number), _("Number, such as 125/QĐ-UBND"));
  gtk_editable_set_text (GTK_EDITABLE (date_entry), date ? date : "");
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), date_entry);
  dialog = adw_message_dialog_new (td_page_get_window (GTK_WIDGET (self)), _("Issue the Decision?"),
                                   _("The number and the date of the signed decision. Its lines are then locked, and the names and positions of its recipients kept as they are today."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "issue", _("_Issue"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "issue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "issue");
  g_object_set_data (G_OBJECT (dialog), "number", number);
  g_object_set_data (G_OBJECT (dialog), "date", date_entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_issue_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_reopen_response (AdwMessageDialog *dialog,
                    const char       *response,
                    TdAwardsPage     *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "reopen") && !td_awards_page_reopen (self, &error))
    td_page_show_error (GTK_WIDGET (self), _("The decision could not be reopened"), error->message);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TdAwardsPage *self = TD_AWARDS_PAGE (widget);
  GtkWidget *dialog = adw_message_dialog_new (td_page_get_window (GTK_WIDGET (self)), _("Reopen the Decision?"),
                                              _("It becomes a draft again: its number is removed and its lines can be changed. The names and positions of its recipients will be taken again when it is issued."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "reopen", _("_Reopen"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reopen", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reopen_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_decision_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TdAwardsPage *self = TD_AWARDS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!td_decision_store_delete (self->database, self->decision_id, &error))
    {
      td_page_show_error (GTK_WIDGET (self), _("The decision could not be deleted"), error->message);
      return;
    }
  reload_keeping (self, 0);
  td_page_toast (GTK_WIDGET (self), _("Deleted the draft decision"), TRUE);
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  td_awards_page_edit_line (TD_AWARDS_PAGE (widget), 0);
}

static void
on_line_activated (TdAwardsPage *self,
                   guint         position)
{
  g_autoptr(TdItem) item = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  TdAwardRow *row = item ? td_item_get_record (item) : NULL;

  if (row != NULL && row->kind == TD_AWARD_ROW_LINE && !self->issued && td_page_can_write (self->database))
    td_awards_page_edit_line (self, row->award_id);
}

static void
delete_line_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TdAwardsPage *self = TD_AWARDS_PAGE (widget);
  TdAwardRow *row = selected_line (self);
  g_autoptr(GError) error = NULL;

  if (row != NULL && !td_awards_page_delete_line (self, row->award_id, &error))
    td_page_show_error (GTK_WIDGET (self), _("The line could not be deleted"), error->message);
}

/* Swaps the line with its neighbour in the decision's own order. */
static void
move_line_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TdAwardsPage *self = TD_AWARDS_PAGE (widget);
  TdAwardRow *row = selected_line (self);
  int step = g_variant_get_int32 (parameter);
  g_autoptr(GPtrArray) awards = NULL;
  g_autoptr(GError) error = NULL;
  TdAward *a, *b;
  int order;
  gint64 id;

  if (row == NULL)
    return;
  id = row->award_id;
  awards = td_decision_store_list_awards (self->database, self->decision_id, &error);
  for (guint i = 0; awards != NULL && i < awards->len; i++)
    {
      a = g_ptr_array_index (awards, i);
      if (a->id != id)
        continue;
      /* The neighbour of the same kind: sections stay apart. */
      for (int j = (int) i + step; j >= 0 && j < (int) awards->len; j += step)
        {
          b = g_ptr_array_index (awards, j);
          if ((b->unit_id > 0) != (a->unit_id > 0))
            continue;
          order = a->sort_order;
          if (!td_database_begin (self->database, &error))
            break;
          a->sort_order = b->sort_order;
          b->sort_order = order;
          if (!td_decision_store_update_award (self->database, a, &error) ||
              !td_decision_store_update_award (self->database, b, &error) ||
              !td_database_commit (self->database, &error))
            {
              td_database_rollback (self->database);
              break;
            }
          break;
        }
      break;
    }
  if (error != NULL)
    td_page_show_error (GTK_WIDGET (self), _("The line could not be moved"), error->message);
  reload (self);
  td_awards_page_select_line (self, id);
}

static void
on_paste_confirm (AdwMessageDialog *dialog,
                  const char       *response,
                  TdAwardsPage     *self)
{
  const char *text = g_object_get_data (G_OBJECT (dialog), "text");
  g_autoptr(GError) error = NULL;
  guint added = 0;

  if (!g_str_equal (response, "add"))
    return;
  if (!td_awards_page_paste_text (self, text, TRUE, &added, &error))
    td_page_show_error (GTK_WIDGET (self), _("The rows could not be pasted"), error->message);
  else
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u line", "Added %u lines", added), added);

      td_page_toast (GTK_WIDGET (self), message, TRUE);
    }
}

/* Before anything is added: rows that cannot be matched are shown and
 * nothing goes in; people to create are named and asked about. */
static void
paste_interactively (TdAwardsPage *self,
                     const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = td_paste_parse (self->database, text, &error);
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autoptr(GString) missing = g_string_new (NULL);
  guint added = 0;

  if (rows == NULL)
    {
      td_page_show_error (GTK_WIDGET (self), _("The rows could not be pasted"), error->message);
      return;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      TdPasteRow *row = g_ptr_array_index (rows, i);

      if (row->state == TD_PASTE_ROW_ERROR)
        g_string_append_printf (errors, "%s\n", row->message);
      else if (row->state != TD_PASTE_ROW_READY)
        g_string_append_printf (missing, "%s\n", row->name);
    }
  if (errors->len > 0)
    {
      td_page_show_error (GTK_WIDGET (self), _("Nothing was pasted: some rows cannot be matched"), errors->str);
      return;
    }
  if (missing->len > 0)
    {
      GtkWidget *dialog = adw_message_dialog_new (td_page_get_window (GTK_WIDGET (self)), _("Add New Names to the Directory?"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("These names are not in the directory yet:\n%s\nThey will be added with the lines, in one step that can be undone."),
                                      missing->str);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add and Paste"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
      g_object_set_data_full (G_OBJECT (dialog), "text", g_strdup (text), g_free);
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_paste_confirm), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (!td_awards_page_paste_text (self, text, FALSE, &added, &error))
    td_page_show_error (GTK_WIDGET (self), _("The rows could not be pasted"), error->message);
  else
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u line", "Added %u lines", added), added);

      td_page_toast (GTK_WIDGET (self), message, TRUE);
    }
}

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TdAwardsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL || self->database == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        td_page_toast (GTK_WIDGET (self), _("The clipboard holds no text to paste"), FALSE);
      return;
    }
  paste_interactively (self, text);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);

  gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_text, g_object_ref (widget));
}

static void
td_awards_page_dispose (GObject *object)
{
  TdAwardsPage *self = TD_AWARDS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_AWARDS_PAGE);
  /* A plain GtkWidget parent unparents its children itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->decisions, g_ptr_array_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->database);
  g_clear_pointer (&self->words, g_free);

  G_OBJECT_CLASS (td_awards_page_parent_class)->dispose (object);
}

static void
td_awards_page_class_init (TdAwardsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_awards_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/td-awards-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdAwardsPage, decision_list);
  gtk_widget_class_bind_template_child (widget_class, TdAwardsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TdAwardsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, TdAwardsPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, TdAwardsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TdAwardsPage, info_label);
  gtk_widget_class_bind_template_child (widget_class, TdAwardsPage, award_view);
  gtk_widget_class_bind_template_child (widget_class, TdAwardsPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, TdAwardsPage, words_label);
  gtk_widget_class_bind_template_child (widget_class, TdAwardsPage, issue_button);
  gtk_widget_class_bind_template_child (widget_class, TdAwardsPage, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, TdAwardsPage, lock_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_line_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "awards.new-decision", NULL, new_decision_action);
  gtk_widget_class_install_action (widget_class, "awards.edit-decision", NULL, edit_decision_action);
  gtk_widget_class_install_action (widget_class, "awards.issue", NULL, issue_action);
  gtk_widget_class_install_action (widget_class, "awards.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "awards.delete-decision", NULL, delete_decision_action);
  gtk_widget_class_install_action (widget_class, "awards.add-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "awards.delete-line", NULL, delete_line_action);
  gtk_widget_class_install_action (widget_class, "awards.move-line", "i", move_line_action);
  gtk_widget_class_install_action (widget_class, "awards.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "awards.find", NULL, find_action);

  /* A whole decision by keyboard. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "awards.new-decision", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "awards.add-line", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "awards.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "awards.delete-line", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "awards.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "awards.move-line", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "awards.move-line", "i", 1);
}

static void
td_awards_page_init (TdAwardsPage *self)
{
  struct {
    const char *title;
    int column;
    TdColumnFlags flags;
    int width;
  } columns[] = {
    /* Translators: the «No.» column of the award lines (STT). */
    { C_("column", "No."), COL_NUMBER, TD_COLUMN_NUMERIC, 48 },
    { _("Collective / Full Name"), COL_NAME, TD_COLUMN_WRAP, 190 },
    { _("Position, Unit"), COL_DETAIL, TD_COLUMN_WRAP, 200 },
    { _("Form"), COL_FORM, TD_COLUMN_WRAP, 160 },
    { _("Achievement"), COL_ACHIEVEMENT, TD_COLUMN_WRAP | TD_COLUMN_EXPAND, 260 },
    { _("Amount (đồng)"), COL_AMOUNT, TD_COLUMN_NUMERIC, 130 },
    { "", COL_WARNING, TD_COLUMN_DEFAULT, 32 },
  };

  self->rows = g_list_store_new (TD_TYPE_ITEM);
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = td_column_new (columns[i].title, row_text,
                                                             GINT_TO_POINTER (columns[i].column),
                                                             columns[i].flags);

      if (columns[i].column == COL_WARNING || columns[i].column == COL_AMOUNT)
        td_column_set_tooltip_func (column, row_warnings, GINT_TO_POINTER (columns[i].column));
      if (!(columns[i].flags & TD_COLUMN_EXPAND))
        gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_append_column (self->award_view, column);
    }
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->award_view, GTK_SELECTION_MODEL (self->selection));
  reload (self);
}

void
td_awards_page_set_database (TdAwardsPage *self,
                             TdDatabase   *database)
{
  g_return_if_fail (TD_IS_AWARDS_PAGE (self));

  g_set_object (&self->database, database);
  reload_keeping (self, 0);
}

guint
td_awards_page_get_n_decisions (TdAwardsPage *self)
{
  g_return_val_if_fail (TD_IS_AWARDS_PAGE (self), 0);
  return self->decisions != NULL ? self->decisions->len : 0;
}

void
td_awards_page_select (TdAwardsPage *self,
                       guint         position)
{
  g_return_if_fail (TD_IS_AWARDS_PAGE (self));
  gtk_list_box_select_row (self->decision_list, gtk_list_box_get_row_at_index (self->decision_list, position));
}

gboolean
td_awards_page_select_decision (TdAwardsPage *self,
                                gint64        decision_id)
{
  g_return_val_if_fail (TD_IS_AWARDS_PAGE (self), FALSE);

  for (int attempt = 0; attempt < 2; attempt++)
    {
      for (guint i = 0; self->decisions != NULL && i < self->decisions->len; i++)
        if (((TdDecision *) g_ptr_array_index (self->decisions, i))->id == decision_id)
          {
            td_awards_page_select (self, i);
            return TRUE;
          }
      /* Hidden by the page's search: the list is shown whole. */
      if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) == '\0')
        break;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      reload_keeping (self, decision_id);
    }
  return FALSE;
}

gint64
td_awards_page_get_decision_id (TdAwardsPage *self)
{
  g_return_val_if_fail (TD_IS_AWARDS_PAGE (self), 0);
  return self->decision_id;
}

/* TdItems holding TdAwardRow records. */
GListModel *
td_awards_page_get_rows (TdAwardsPage *self)
{
  g_return_val_if_fail (TD_IS_AWARDS_PAGE (self), NULL);
  return G_LIST_MODEL (self->rows);
}

/* The total in words under the lines. */
const char *
td_awards_page_get_words (TdAwardsPage *self)
{
  g_return_val_if_fail (TD_IS_AWARDS_PAGE (self), NULL);
  return self->words;
}

/* A file name for the list of the decision shown: «Danh sách kèm theo
 * QĐ 125-QĐ-UBND.xlsx» (a «/» cannot be in a file name). */
char *
td_awards_page_get_export_name (TdAwardsPage *self)
{
  g_return_val_if_fail (TD_IS_AWARDS_PAGE (self), NULL);

  for (guint i = 0; self->decisions != NULL && i < self->decisions->len; i++)
    {
      TdDecision *decision = g_ptr_array_index (self->decisions, i);

      if (decision->id != self->decision_id)
        continue;
      if (decision->number != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (decision->number, "/", -1);
          g_autofree char *number = g_strjoinv ("-", parts);

          /* Translators: the suggested file name of an exported list. */
          return g_strdup_printf (_("Award list %s.xlsx"), number);
        }
      /* Translators: the suggested file name of the list of a draft. */
      return g_strdup_printf (_("Award list draft %s.xlsx"), decision->date);
    }
  return NULL;
}
