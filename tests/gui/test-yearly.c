/* test-yearly.c — issue 13 in the window: Open Folder for Review… lists
 * every submission (one that cannot be opened too), Enter opens one
 * read-only and Next/Previous Submission follow the list's order, with no
 * file written; Compare lists the seed's changes, the largest first; New
 * from Last Year's Report… shows the 2025 report. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-fixture.h"
#include "jue-field-private.h"
#include "jue-table-window.h"
#include "jue-window-private.h"

static GtkWidget *
table_window (const char *title)
{
  GListModel *tops = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (tops, i);
      if (g_strcmp0 (gtk_window_get_title (w), title) == 0 && gtk_widget_get_visible (GTK_WIDGET (w)))
        return GTK_WIDGET (w);
    }
  return NULL;
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static void
test_review_folder (Fixture      *f,
                    gconstpointer data)
{
  g_autofree char *folder = g_build_filename (f->dir, "submissions", NULL);
  g_autofree char *text = g_build_filename (folder, "c-text.juesuan", NULL);
  g_autofree char *a = NULL, *b = NULL, *sum_a = NULL, *sum_b = NULL, *sum_t = NULL;
  GtkWidget *list, *view;
  GListModel *sorted;
  const char *first, *second;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  a = create_sample (folder, "a.juesuan");
  b = create_sample (folder, "b.juesuan");
  g_assert_true (g_file_set_contents (text, "not a report", -1, NULL));
  sum_a = file_sha256 (a);
  sum_b = file_sha256 (b);
  sum_t = file_sha256 (text);

  g_assert_true (jue_window_open_review_folder (f->window, folder));
  spin ();
  list = table_window ("Submissions for Review");
  g_assert_nonnull (list);
  sorted = jue_table_window_get_sorted (list);
  g_assert_cmpuint (g_list_model_get_n_items (sorted), ==, 3);
  {
    /* sorted by errors, the most first: the file that cannot be opened */
    g_autoptr (JueTableRow) row = g_list_model_get_item (sorted, 0);
    g_assert_cmpstr (jue_table_row_get_cell (row, 0), ==, "c-text.juesuan");
    g_assert_true (strstr (jue_table_row_get_cell (row, 9), "not a Juesuan report") != NULL);
  }
  {
    g_autoptr (JueTableRow) row = g_list_model_get_item (sorted, 1);
    g_assert_cmpstr (jue_table_row_get_cell (row, 1), ==, "遂宁市科学技术局");
    g_assert_cmpstr (jue_table_row_get_cell (row, 3), ==, "1");
    g_assert_cmpstr (jue_table_row_get_cell (row, 6), ==, "99.43");
    first = jue_table_row_get_data (row);
  }
  {
    g_autoptr (JueTableRow) row = g_list_model_get_item (sorted, 2);
    second = jue_table_row_get_data (row);
  }

  /* Enter on a row: the window shows it for review */
  view = find_by_type (list, GTK_TYPE_COLUMN_VIEW);
  g_signal_emit_by_name (view, "activate", 1);
  spin ();
  g_assert_cmpstr (jue_window_get_filename (f->window), ==, first);
  g_assert_true (jue_document_is_read_only (jue_session_get_document (jue_window_get_session (f->window))));
  g_assert_true (gtk_widget_get_visible (f->window->review_buttons));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review-next", NULL));
  spin ();
  g_assert_cmpstr (jue_window_get_filename (f->window), ==, second);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review-previous", NULL));
  spin ();
  g_assert_cmpstr (jue_window_get_filename (f->window), ==, first);

  /* not a byte written, nothing created */
  {
    g_autofree char *now_a = file_sha256 (a), *now_b = file_sha256 (b), *now_t = file_sha256 (text);
    g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
    guint n = 0;

    g_assert_cmpstr (now_a, ==, sum_a);
    g_assert_cmpstr (now_b, ==, sum_b);
    g_assert_cmpstr (now_t, ==, sum_t);
    while (g_dir_read_name (dir))
      n++;
    g_assert_cmpuint (n, ==, 3);
  }
  gtk_window_destroy (GTK_WINDOW (list));
}

static void
test_compare (Fixture      *f,
              gconstpointer data)
{
  GListModel *sorted;

  g_assert_true (jue_window_show_compare (f->window, NULL));
  spin ();
  /* a page of the window, not a window of its own */
  g_assert_cmpstr (jue_window_get_section (f->window), ==, "compare");
  g_assert_null (table_window ("Compared with Last Year"));
  sorted = jue_window_get_compare_rows (f->window);
  g_assert_nonnull (sorted);
  g_assert_cmpuint (g_list_model_get_n_items (sorted), ==, 13);
  {
    /* the largest change first: 1578.50 → 1447.01, with its reason */
    g_autoptr (JueTableRow) row = g_list_model_get_item (sorted, 0);
    g_assert_cmpstr (jue_table_row_get_cell (row, 1), ==, "1578.50");
    g_assert_cmpstr (jue_table_row_get_cell (row, 3), ==, "-131.49");
    g_assert_cmpstr (jue_table_row_get_cell (row, 4), ==, "-8.33%");
    g_assert_cmpstr (jue_table_row_get_cell (row, 5), ==, "本年项目经费减少");
  }
  /* the page follows the report: a figure changed elsewhere shows when it
   * is shown again */
  jue_window_show_section (f->window, "profile");
  spin ();
  g_assert_true (jue_document_set (jue_session_get_document (jue_window_get_session (f->window)),
                                   "overview.previous_income_total", "1500", NULL));
  jue_window_show_section (f->window, "compare");
  spin ();
  sorted = jue_window_get_compare_rows (f->window);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (sorted); i++)
      {
        g_autoptr (JueTableRow) row = g_list_model_get_item (sorted, i);
        if (g_strcmp0 (jue_table_row_get_cell (row, 0), "Income grand total") != 0)
          continue;
        found = TRUE;
        g_assert_cmpstr (jue_table_row_get_cell (row, 1), ==, "1500.00");
        g_assert_cmpstr (jue_table_row_get_cell (row, 3), ==, "-52.99");
      }
    g_assert_true (found);
  }
}

static void
test_new_from_last (Fixture      *f,
                    gconstpointer data)
{
  g_autofree char *next = g_build_filename (f->dir, "2025.juesuan", NULL);
  JueReport *r;

  g_assert_true (jue_window_new_from_last (f->window, f->path, next));
  spin ();
  g_assert_cmpstr (jue_window_get_filename (f->window), ==, next);
  r = jue_document_get_report (jue_session_get_document (jue_window_get_session (f->window)));
  g_assert_cmpint (r->profile.year.value, ==, 2025);
  g_assert_cmpint (r->overview.previous_income_total.fen, ==, G_GINT64_CONSTANT (1447010000));   /* 1447.01 万元 in fen */
  g_assert_false (r->income.general_budget.set);
  g_assert_true (strstr (jue_window_get_last_message (f->window), "carried texts") != NULL);

  /* a carried text says so, and Confirm keeps it for this year: the mark
   * leaves the window and the file */
  {
    GtkWidget *row = field_widget (f, "three_public.abroad.reason");
    JueField *field = jue_field_from_widget (row);
    GtkWidget *confirm;
    g_autoptr (JueDocument) again = NULL;

    g_assert_nonnull (field->carried);
    g_assert_true (gtk_widget_get_visible (field->carried));
    confirm = gtk_widget_get_last_child (field->carried);
    g_signal_emit_by_name (confirm, "clicked");
    spin ();
    g_assert_false (gtk_widget_get_visible (field->carried));
    again = jue_document_open (next, TRUE, NULL);
    g_assert_nonnull (again);
    g_assert_false (jue_document_is_carried (again, "three_public.abroad.reason"));
    g_assert_true (jue_document_is_carried (again, "three_public.reception.reason"));
  }

  /* each 项's 上年 figure is its 2024 actual: Compare lists the row against
   * it, with the row's reason, and Enter goes to the row's actual */
  {
    JueDocument *doc = jue_session_get_document (jue_window_get_session (f->window));
    GListModel *sorted;
    gboolean found = FALSE;

    g_assert_true (jue_document_set (doc, "functional[1].actual", "400", NULL));
    g_assert_true (jue_document_set (doc, "functional[1].reason", "新增人员，工资支出增加", NULL));
    g_assert_true (jue_window_show_compare (f->window, NULL));
    spin ();
    sorted = jue_window_get_compare_rows (f->window);
    for (guint i = 0; i < g_list_model_get_n_items (sorted); i++)
      {
        g_autoptr (JueTableRow) row = g_list_model_get_item (sorted, i);
        if (g_strcmp0 (jue_table_row_get_cell (row, 0), "行政运行") != 0)
          continue;
        found = TRUE;
        g_assert_cmpstr (jue_table_row_get_cell (row, 1), ==, "329.53");
        g_assert_cmpstr (jue_table_row_get_cell (row, 2), ==, "400.00");
        g_assert_cmpstr (jue_table_row_get_cell (row, 3), ==, "+70.47");
        g_assert_cmpstr (jue_table_row_get_cell (row, 5), ==, "新增人员，工资支出增加");
        g_assert_cmpstr (jue_table_row_get_data (row), ==, "functional[1].actual");
      }
    g_assert_true (found);
  }
}

static gboolean
carried_shown (JueField *field)
{
  return field->carried != NULL && gtk_widget_get_visible (field->carried);
}

static gboolean
file_carried (const char *file,
              const char *path)
{
  g_autoptr (JueDocument) doc = jue_document_open (file, TRUE, NULL);

  g_assert_nonnull (doc);
  return jue_document_is_carried (doc, path);
}

/* A special fund's title and period are one-line texts: carried, they say
 * so with Confirm like the long texts; and undoing the edit of a carried
 * text (long or one-line) makes it last year's text again, marked. */
static void
test_carried_marks (Fixture      *f,
                    gconstpointer data)
{
  g_autofree char *next = g_build_filename (f->dir, "2025.juesuan", NULL);
  GtkWidget *w = f->window ? GTK_WIDGET (f->window) : NULL;
  JueDocument *doc;
  JueField *title, *period, *reason;
  g_autofree char *old_period = NULL;

  g_assert_true (jue_window_new_from_last (f->window, f->path, next));
  spin ();
  doc = jue_session_get_document (jue_window_get_session (f->window));

  /* one-line: marked, and Confirm takes the mark away (window and file) */
  title = jue_field_from_widget (field_widget (f, "special_funds[0].title"));
  period = jue_field_from_widget (field_widget (f, "special_funds[0].period"));
  g_assert_true (carried_shown (title));
  g_assert_true (carried_shown (period));
  g_signal_emit_by_name (gtk_widget_get_last_child (title->carried), "clicked");
  spin ();
  g_assert_false (carried_shown (title));
  g_assert_false (file_carried (next, "special_funds[0].title"));
  g_assert_true (file_carried (next, "special_funds[0].period"));

  /* typed over, then undone: last year's period, marked again */
  old_period = g_strdup (gtk_editable_get_text (period->editable));
  g_assert_cmpstr (old_period, !=, "");
  replace_chars (field_widget (f, "special_funds[0].period"), "2025年");
  gtk_widget_activate (period->widget);   /* Enter commits */
  spin ();
  g_assert_false (carried_shown (period));
  g_assert_false (file_carried (next, "special_funds[0].period"));
  {
    g_autofree char *v = file_value (next, "special_funds[0].period");
    g_assert_cmpstr (v, ==, "2025年");
  }
  g_assert_true (gtk_widget_activate_action (w, "win.undo", NULL));
  spin ();
  g_assert_cmpstr (gtk_editable_get_text (period->editable), ==, old_period);
  g_assert_true (carried_shown (period));
  g_assert_true (file_carried (next, "special_funds[0].period"));
  /* redo is the edit again: no mark */
  g_assert_true (gtk_widget_activate_action (w, "win.redo", NULL));
  spin ();
  g_assert_false (carried_shown (period));
  g_assert_false (file_carried (next, "special_funds[0].period"));

  /* a long text: the same */
  reason = jue_field_from_widget (field_widget (f, "three_public.reception.reason"));
  g_assert_true (carried_shown (reason));
  g_assert_true (jue_document_set (doc, "three_public.reception.reason", "本年无公务接待", NULL));
  spin ();
  g_assert_false (carried_shown (reason));
  g_assert_false (file_carried (next, "three_public.reception.reason"));
  g_assert_true (gtk_widget_activate_action (w, "win.undo", NULL));
  spin ();
  g_assert_true (carried_shown (reason));
  g_assert_true (file_carried (next, "three_public.reception.reason"));
  {
    g_autofree char *v = file_value (next, "three_public.reception.reason");
    g_assert_cmpstr (v, ==, "厉行节约减少公务接待开支");
  }
}

static gboolean
has_label_with (GtkWidget  *root,
                const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (has_label_with (c, text))
      return TRUE;
  return FALSE;
}

/* The threshold of a large change is typed on the profile page: the
 * warning follows it at once, Compare says it, and the file keeps it (a
 * reviewer's copy gives the same findings). */
static void
test_change_threshold (Fixture      *f,
                       gconstpointer data)
{
  JueSession *session = jue_window_get_session (f->window);
  JueDocument *doc = jue_session_get_document (session);
  JueField *percent;
  g_autofree char *message = NULL;

  /* 84.13 → 78.50 (−6.70%, −5.63万元): under 10% and 10万元, no reason needed */
  g_assert_true (jue_document_set (doc, "other.operating_cost_reason", "", NULL));
  spin ();
  g_assert_cmpint (jue_session_get_mark (session, "other.operating_cost_reason", NULL), !=,
                   JUE_MARK_WARNING);
  percent = jue_field_from_widget (field_widget (f, "profile.change_threshold_percent"));
  replace_chars (field_widget (f, "profile.change_threshold_percent"), "5");
  gtk_widget_activate (percent->widget);
  spin ();
  {
    g_autofree char *v = file_value (f->path, "profile.change_threshold_percent");
    g_assert_cmpstr (v, ==, "5");
  }
  g_assert_cmpint (jue_session_get_mark (session, "other.operating_cost_reason", &message), ==,
                   JUE_MARK_WARNING);
  g_assert_nonnull (strstr (message, "no reason"));
  g_assert_true (jue_window_show_compare (f->window, NULL));
  spin ();
  g_assert_true (has_label_with (GTK_WIDGET (f->window), "(5.00% or 10.00 万元)"));
  /* undone: the default again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin ();
  {
    g_autofree char *v = file_value (f->path, "profile.change_threshold_percent");
    g_assert_cmpstr (v, ==, "");
  }
  g_assert_cmpint (jue_session_get_mark (session, "other.operating_cost_reason", NULL), !=,
                   JUE_MARK_WARNING);
}

static void
test_consolidate (Fixture      *f,
                  gconstpointer data)
{
  g_autofree char *b = create_sample (f->dir, "unit-b.juesuan");
  g_autofree char *c = create_sample (f->dir, "unit-c.juesuan");
  g_autofree char *out = g_build_filename (f->dir, "department.juesuan", NULL);
  const char *units[] = { b, c, NULL };
  JueReport *r;

  g_assert_true (jue_window_consolidate (f->window, units, out, FALSE));
  spin ();
  g_assert_cmpstr (jue_window_get_filename (f->window), ==, out);
  r = jue_document_get_report (jue_session_get_document (jue_window_get_session (f->window)));
  /* three copies of 1447.01 万元 */
  g_assert_cmpint (r->income.general_budget.fen, ==, G_GINT64_CONSTANT (3) * 1447010000);
  g_assert_cmpuint (r->special_funds->len, ==, 8 * 3 + 2);
  g_assert_true (strstr (jue_window_get_last_message (f->window), "3 units") != NULL);
}

/* Consolidate asks first: elimination is an option, off by default; asked
 * for, the flows between the units are taken out and listed. */
static void
test_consolidate_eliminate (Fixture      *f,
                            gconstpointer data)
{
  g_autofree char *b = create_sample (f->dir, "unit-b.juesuan");
  g_autofree char *out = g_build_filename (f->dir, "department.juesuan", NULL);
  g_autofree char *list = g_strdup (b);
  const char *units[] = { b, NULL };
  JueDocument *own = jue_session_get_document (jue_window_get_session (f->window));
  AdwMessageDialog *ask, *told;
  GtkWidget *check;
  JueReport *r;

  g_assert_true (jue_document_set (own, "expenditure.affiliated_subsidy", "100", NULL));
  {
    g_autoptr (JueDocument) unit = jue_document_open (b, FALSE, NULL);
    g_assert_true (jue_document_set (unit, "income.superior_subsidy", "100", NULL));
  }

  jue_window_ask_consolidate (f->window, list);
  spin ();
  ask = find_message_dialog ();
  g_assert_nonnull (ask);
  check = find_by_type (GTK_WIDGET (ask), GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ask), "1 unit's report"));
  adw_message_dialog_response (ask, "cancel");
  gtk_window_destroy (GTK_WINDOW (ask));
  spin ();

  g_assert_true (jue_window_consolidate (f->window, units, out, TRUE));
  spin ();
  r = jue_document_get_report (jue_session_get_document (jue_window_get_session (f->window)));
  g_assert_cmpint (r->expenditure.affiliated_subsidy.fen, ==, 0);
  g_assert_cmpint (r->income.superior_subsidy.fen, ==, 0);
  told = find_message_dialog ();
  g_assert_nonnull (told);
  g_assert_cmpstr (adw_message_dialog_get_heading (told), ==, "Flows Eliminated Between the Units");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (told),
                            "expenditure.affiliated_subsidy and income.superior_subsidy: 100.00 "
                            "eliminated from each"));
  gtk_window_destroy (GTK_WINDOW (told));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/yearly/review-folder", Fixture, NULL, fixture_set_up, test_review_folder,
              fixture_tear_down);
  g_test_add ("/yearly/compare", Fixture, NULL, fixture_set_up, test_compare, fixture_tear_down);
  g_test_add ("/yearly/new-from-last", Fixture, NULL, fixture_set_up, test_new_from_last,
              fixture_tear_down);
  g_test_add ("/yearly/consolidate", Fixture, NULL, fixture_set_up, test_consolidate,
              fixture_tear_down);
  g_test_add ("/yearly/carried-marks", Fixture, NULL, fixture_set_up, test_carried_marks,
              fixture_tear_down);
  g_test_add ("/yearly/change-threshold", Fixture, NULL, fixture_set_up, test_change_threshold,
              fixture_tear_down);
  g_test_add ("/yearly/consolidate-eliminate", Fixture, NULL, fixture_set_up,
              test_consolidate_eliminate, fixture_tear_down);
  return g_test_run ();
}
