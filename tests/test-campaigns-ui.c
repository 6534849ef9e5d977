#include "config.h"

#include <string.h>

#include "td-application.h"
#include "td-campaign-store.h"
#include "td-campaigns-page.h"
#include "td-error.h"
#include "td-sample.h"
#include "td-test-util.h"
#include "td-ui-test-util.h"
#include "td-window.h"

/* The secretariat sets up a campaign as a user does: the dialog typed
 * with a wrong date first, its indicators added, renamed, reordered and
 * removed from the page, the campaign deleted and brought back. */

static TdApplication *app;

typedef struct
{
  TdWindow        *window;
  TdCampaignsPage *page;
  TdDatabase      *db;      /* the window's */
} Fixture;

static gboolean
destroyed (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_destroy (GtkWidget *widget,
            gpointer   data)
{
  *(gboolean *) data = TRUE;
}

static gboolean
message_dialog_gone (gpointer data)
{
  return td_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* What a click on a button of a message dialog does. */
static void
respond (const char *response)
{
  GtkWindow *dialog = td_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), response));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_close (dialog);
  g_assert_true (td_ui_spin_until (message_dialog_gone, NULL));
}

static void
open_sample (Fixture    *f,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = td_test_tmp_path (name);

  {
    g_autoptr(TdDatabase) db = td_database_open (path, TD_DATABASE_OPEN_CREATE, &error);

    g_assert_no_error (error);
    td_sample_load (db, &error);
    g_assert_no_error (error);
  }
  f->window = td_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (td_window_open_path (f->window, path, FALSE));
  f->db = td_window_get_database (f->window);
  f->page = TD_CAMPAIGNS_PAGE (td_window_get_page (f->window, "campaigns"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "campaigns"));
  td_ui_settle ();
}

static guint
n_campaigns (TdDatabase *db)
{
  g_autoptr(GPtrArray) campaigns = td_campaign_store_list (db, NULL, NULL);

  g_assert_nonnull (campaigns);
  return campaigns->len;
}

static GPtrArray *
indicators_of (TdDatabase *db,
               gint64      campaign_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *indicators = td_campaign_store_list_indicators (db, campaign_id, &error);

  g_assert_no_error (error);
  return indicators;
}

static const char *
indicator_name (GPtrArray *indicators,
                guint      i)
{
  return ((TdIndicator *) g_ptr_array_index (indicators, i))->name;
}

/* Types into the indicator dialog that is open and presses its button. */
static void
answer_indicator_dialog (const char *name,
                         const char *measure,
                         const char *screenshot)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (td_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_nonnull (dialog);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "name"), name);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "measure"), measure);
  if (screenshot != NULL)
    {
      td_ui_save_screenshot (GTK_WIDGET (dialog), screenshot);
      td_ui_assert_translated (GTK_WIDGET (dialog), "indicator dialog");
    }
  respond ("save");
}

static gint64
create_campaign (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdCampaign) campaign = NULL;
  TdCampaignDialog *dialog;
  gboolean gone = FALSE;
  guint before = n_campaigns (f->db);
  gint64 id;

  dialog = td_campaigns_page_edit_campaign (f->page, TRUE);
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_destroy), &gone);

  /* No title: said on the title, nothing written. */
  td_campaign_dialog_set_field (dialog, "launch_number", "15/KH-UBND");
  td_campaign_dialog_set_field (dialog, "issuer", "UBND tỉnh Quảng Ninh");
  td_campaign_dialog_set_field (dialog, "start_date", "15/01/2019");
  td_campaign_dialog_set_field (dialog, "end_date", "31/12/2020");
  g_assert_false (td_campaign_dialog_save (dialog));
  g_assert_nonnull (td_campaign_dialog_get_field_message (dialog, "title"));
  g_assert_cmpuint (n_campaigns (f->db), ==, before);

  /* An impossible date: said on its field, nothing written. */
  td_campaign_dialog_set_field (dialog, "title", "Phong trào thi đua «Dân vận khéo» giai đoạn 2019–2020");
  td_campaign_dialog_set_field (dialog, "short_title", "Dân vận khéo");
  td_campaign_dialog_set_field (dialog, "description", "Thi đua thực hiện tốt công tác dân vận ở cơ sở");
  td_campaign_dialog_set_field (dialog, "launch_date", "31/02/2019");
  g_assert_false (td_campaign_dialog_save (dialog));
  g_assert_null (td_campaign_dialog_get_field_message (dialog, "title"));
  g_assert_nonnull (td_campaign_dialog_get_field_message (dialog, "launch_date"));
  g_assert_false (gone);
  g_assert_cmpuint (n_campaigns (f->db), ==, before);
  td_ui_save_screenshot (GTK_WIDGET (dialog), "campaign-dialog-error.png");
  td_ui_assert_translated (GTK_WIDGET (dialog), "campaign dialog");

  /* The end before the start. */
  td_campaign_dialog_set_field (dialog, "launch_date", "10/01/2019");
  td_campaign_dialog_set_field (dialog, "end_date", "31/12/2018");
  g_assert_false (td_campaign_dialog_save (dialog));
  g_assert_null (td_campaign_dialog_get_field_message (dialog, "launch_date"));
  g_assert_nonnull (td_campaign_dialog_get_field_message (dialog, "end_date"));
  g_assert_cmpuint (n_campaigns (f->db), ==, before);

  td_campaign_dialog_set_field (dialog, "end_date", "31/12/2020");
  g_assert_true (td_campaign_dialog_save (dialog));
  g_assert_true (td_ui_spin_until (destroyed, &gone));
  td_ui_settle ();
  g_assert_cmpuint (n_campaigns (f->db), ==, before + 1);

  id = td_campaigns_page_get_campaign_id (f->page);
  campaign = td_campaign_store_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (campaign->short_title, ==, "Dân vận khéo");
  g_assert_cmpstr (campaign->launch_number, ==, "15/KH-UBND");
  g_assert_cmpstr (campaign->launch_date, ==, "2019-01-10");
  g_assert_cmpstr (campaign->issuer, ==, "UBND tỉnh Quảng Ninh");
  g_assert_cmpstr (campaign->start_date, ==, "2019-01-15");
  g_assert_cmpstr (campaign->end_date, ==, "2020-12-31");
  return id;
}

static void
test_campaign_with_indicators (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(TdCampaign) edited = NULL;
  Fixture f = { 0 };
  TdCampaignDialog *dialog;
  gboolean gone = FALSE;
  gint64 id, first, third;

  open_sample (&f, "indicators.db");
  id = create_campaign (&f);

  /* Three indicators, through the page's button and its dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.page), "campaigns.add-indicator", NULL));
  g_assert_true (td_ui_spin_until (td_ui_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  answer_indicator_dialog ("Số buổi tuyên truyền", "buổi", "indicator-dialog.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.page), "campaigns.add-indicator", NULL));
  answer_indicator_dialog ("Số lượt người tham gia", "lượt người", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.page), "campaigns.add-indicator", NULL));
  answer_indicator_dialog ("Số tổ tự quản được thành lập", "tổ", NULL);
  td_ui_settle ();
  g_assert_cmpuint (td_campaigns_page_get_n_indicators (f.page), ==, 3);
  indicators = indicators_of (f.db, id);
  g_assert_cmpuint (indicators->len, ==, 3);
  g_assert_cmpstr (indicator_name (indicators, 0), ==, "Số buổi tuyên truyền");
  g_assert_cmpstr (((TdIndicator *) g_ptr_array_index (indicators, 1))->measure, ==, "lượt người");
  g_assert_cmpstr (indicator_name (indicators, 2), ==, "Số tổ tự quản được thành lập");
  first = ((TdIndicator *) g_ptr_array_index (indicators, 0))->id;
  third = ((TdIndicator *) g_ptr_array_index (indicators, 2))->id;
  g_clear_pointer (&indicators, g_ptr_array_unref);

  /* Renamed, with another measure. */
  g_assert_nonnull (td_campaigns_page_edit_indicator (f.page, third));
  answer_indicator_dialog ("Số tổ dân vận được thành lập", "tổ dân vận", NULL);
  {
    g_autoptr(TdIndicator) indicator = td_campaign_store_get_indicator (f.db, third, &error);

    g_assert_cmpstr (indicator->name, ==, "Số tổ dân vận được thành lập");
    g_assert_cmpstr (indicator->measure, ==, "tổ dân vận");
  }

  /* The third moved to the top: one step, undone as one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.page), "campaigns.move-indicator", "(xi)", third, -1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.page), "campaigns.move-indicator", "(xi)", third, -1));
  indicators = indicators_of (f.db, id);
  g_assert_cmpint (((TdIndicator *) g_ptr_array_index (indicators, 0))->id, ==, third);
  g_assert_cmpint (((TdIndicator *) g_ptr_array_index (indicators, 1))->id, ==, first);
  g_clear_pointer (&indicators, g_ptr_array_unref);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  td_ui_settle ();
  g_assert_cmpint (td_campaigns_page_get_campaign_id (f.page), ==, id);
  indicators = indicators_of (f.db, id);
  g_assert_cmpint (((TdIndicator *) g_ptr_array_index (indicators, 0))->id, ==, first);
  g_assert_cmpint (((TdIndicator *) g_ptr_array_index (indicators, 1))->id, ==, third);
  g_clear_pointer (&indicators, g_ptr_array_unref);
  /* Moving the first up does nothing. */
  g_assert_true (td_campaigns_page_move_indicator (f.page, first, -1, &error));
  g_assert_no_error (error);

  td_ui_save_screenshot (GTK_WIDGET (f.window), "campaigns-editing.png");
  td_ui_assert_translated (GTK_WIDGET (f.window), "campaigns page");

  /* Edited again: the dialog shows what was saved. */
  dialog = td_campaigns_page_edit_campaign (f.page, FALSE);
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_destroy), &gone);
  td_ui_save_screenshot (GTK_WIDGET (dialog), "campaign-dialog.png");
  td_ui_assert_translated (GTK_WIDGET (dialog), "campaign dialog, editing");
  td_campaign_dialog_set_field (dialog, "end_date", "31/12/2021");
  g_assert_true (td_campaign_dialog_save (dialog));
  g_assert_true (td_ui_spin_until (destroyed, &gone));
  edited = td_campaign_store_get (f.db, id, &error);
  g_assert_cmpstr (edited->end_date, ==, "2021-12-31");
  g_assert_cmpstr (edited->launch_date, ==, "2019-01-10");
  g_assert_cmpuint (td_campaigns_page_get_n_indicators (f.page), ==, 3);

  gtk_window_destroy (GTK_WINDOW (f.window));
}

static void
test_delete_and_undo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdIndicatorValue) value = td_indicator_value_new ();
  g_autoptr(GPtrArray) indicators = NULL;
  Fixture f = { 0 };
  guint before;
  gint64 id, indicator;

  open_sample (&f, "delete.db");

  /* The sample campaign: its decisions refer to it. */
  g_assert_true (td_campaigns_page_select_campaign (f.page, 1));
  td_ui_settle ();
  g_assert_false (td_campaigns_page_delete_campaign (f.page, TRUE, &error));
  g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.page), "campaigns.delete", NULL));
  g_assert_true (td_ui_spin_until (td_ui_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  td_ui_save_screenshot (GTK_WIDGET (td_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "campaign-delete-refused.png");
  td_ui_assert_translated (GTK_WIDGET (td_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "refusal");
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (td_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)),
                                                   "delete"));
  respond ("close");
  {
    g_autoptr(TdCampaign) kept = td_campaign_store_get (f.db, 1, &error);

    g_assert_no_error (error);
    g_assert_nonnull (kept);
  }

  /* A new campaign with a statistic: deleted only when confirmed. */
  before = n_campaigns (f.db);
  id = create_campaign (&f);
  g_assert_true (td_campaigns_page_add_indicator (f.page, "Số buổi tuyên truyền", "buổi", &error));
  g_assert_no_error (error);
  indicators = indicators_of (f.db, id);
  indicator = ((TdIndicator *) g_ptr_array_index (indicators, 0))->id;
  value->indicator_id = indicator;
  value->unit_id = 1;
  value->year = 2019;
  value->value = 12;
  g_assert_true (td_campaign_store_set_value (f.db, value, &error));
  g_assert_no_error (error);

  /* The indicator: refused, then removed when confirmed, and undone. */
  g_assert_false (td_campaigns_page_delete_indicator (f.page, indicator, FALSE, &error));
  g_assert_error (error, TD_FIELD_ERROR, TD_FIELD_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.page), "campaigns.delete-indicator", "x", indicator));
  g_assert_true (td_ui_spin_until (td_ui_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  td_ui_save_screenshot (GTK_WIDGET (td_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "indicator-delete-confirm.png");
  td_ui_assert_translated (GTK_WIDGET (td_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "indicator confirmation");
  respond ("delete");
  g_assert_null (td_campaign_store_get_indicator (f.db, indicator, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  td_ui_settle ();
  g_assert_cmpuint (td_campaigns_page_get_n_indicators (f.page), ==, 1);
  g_assert_cmpfloat (td_campaign_store_total (f.db, indicator, 2019, NULL), ==, 12);

  /* The campaign: confirmed, deleted with a toast, and undone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.page), "campaigns.delete", NULL));
  g_assert_true (td_ui_spin_until (td_ui_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  g_assert_cmpuint (n_campaigns (f.db), ==, before + 1);
  respond ("delete");
  g_assert_cmpuint (n_campaigns (f.db), ==, before);
  g_assert_cmpuint (td_campaigns_page_get_n_campaigns (f.page), ==, before);
  td_ui_settle ();
  td_ui_save_screenshot (GTK_WIDGET (f.window), "campaign-deleted-toast.png");
  td_ui_assert_translated (GTK_WIDGET (f.window), "campaigns page after deleting");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  td_ui_settle ();
  g_assert_cmpuint (n_campaigns (f.db), ==, before + 1);
  g_assert_true (td_campaigns_page_select_campaign (f.page, id));
  g_assert_cmpuint (td_campaigns_page_get_n_indicators (f.page), ==, 1);
  g_assert_cmpfloat (td_campaign_store_total (f.db, indicator, 2019, NULL), ==, 12);

  gtk_window_destroy (GTK_WINDOW (f.window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  td_ui_init (&argc, &argv);
  app = td_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/campaigns-ui/new-campaign-with-indicators-reordered-and-renamed",
                   test_campaign_with_indicators);
  g_test_add_func ("/campaigns-ui/delete-refused-confirmed-and-undone", test_delete_and_undo);

  status = td_test_run ();
  g_clear_object (&app);
  return status;
}
