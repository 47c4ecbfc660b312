/* test-report.c — the Report page (issue 12 part 6): the document as it
 * will print, Parts 1 to 4, kept up to date while the report is typed;
 * Copy puts a section's text on the clipboard; a figure is a link to the
 * field it comes from.  The time of one update is reported (g_test_message)
 * for the sample and a report twenty times its size, never limited. */
#include "config.h"

#include <string.h>

#include "gui-fixture.h"
#include "jue-report-page.h"
#include "jue-tsv.h"
#include "jue-window-private.h"

static JueReportPage *
show_report (Fixture *f)
{
  GtkWidget *page;

  jue_window_show_section (f->window, "report");
  page = jue_window_get_page (f->window, "report");
  g_assert_true (JUE_IS_REPORT_PAGE (page));
  wait_mapped (page);
  wait_frames (page, 1);
  return JUE_REPORT_PAGE (page);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” is not in “%.200s…”", needle, haystack ? haystack : "(null)");
}

/* The sidebar lists it, next to Findings; it shows the sample's figures
 * and its texts, Parts 1 to 4 in order. */
static void
test_shows_document (Fixture       *f,
                     gconstpointer  data)
{
  JueReportPage *page = show_report (f);
  GtkWidget *label;

  g_assert_cmpstr (jue_window_get_section (f->window), ==, "report");
  /* next to Findings (Compared with Last Year comes after them) */
  g_assert_cmpstr (((JueSection *) f->window->sections->pdata[f->window->sections->len - 3])->id,
                   ==, "report");
  g_assert_cmpstr (((JueSection *) f->window->sections->pdata[f->window->sections->len - 2])->id,
                   ==, "findings");
  assert_contains (jue_report_page_get_text (page, "s1"),
                   "2024年度收入、支出总计均为1447.01万元。与2023年度相比，收入、支出总计各减少"
                   "131.49万元，下降8.33%。");
  assert_contains (jue_report_page_get_text (page, "s7.1"), "万元");
  assert_contains (jue_report_page_get_text (page, "p1.duties"), "拟订全市创新驱动发展战略");
  /* Part 4: the department-wide self-evaluation's typed texts */
  g_assert_nonnull (jue_report_page_get_text (page, "attachment-1"));
  g_assert_nonnull (jue_report_page_get_text (page, "attachment-1.0"));
  g_assert_cmpstr (jue_report_page_get_text (page, "attachment-1"), ==,
                   "附件1\n遂宁市科学技术局部门整体支出绩效自评报告\n");
  /* what is shown is that text, the figures as links */
  label = jue_report_page_get_label (page, "s1");
  assert_contains (gtk_label_get_text (GTK_LABEL (label)), "总计均为1447.01万元");
  assert_contains (gtk_label_get_label (GTK_LABEL (label)),
                   "<a href=\"income.grand_total\">1447.01</a>");
  /* the charts Part 2 refers to are drawn on the page */
  g_assert_nonnull (find_by_type (GTK_WIDGET (page), GTK_TYPE_DRAWING_AREA));
}

static void
wait_update (JueReportPage *page)
{
  while (jue_report_page_is_pending (page))
    g_main_context_iteration (NULL, TRUE);
}

/* Typing a figure changes the text that uses it — and only that: the
 * other sections are not written again. */
static void
test_follows_typing (Fixture       *f,
                     gconstpointer  data)
{
  JueReportPage *page = show_report (f);
  JueDocument *doc = jue_session_get_document (jue_window_get_session (f->window));
  g_autoptr (GError) error = NULL;
  GtkWidget *row;
  double ms_x1;

  assert_contains (jue_report_page_get_text (page, "s10.1"), "机关运行经费支出");
  g_assert_null (strstr (jue_report_page_get_text (page, "s10.1"), "80.00万元"));

  /* typed in its field, on another page: the text is right when shown */
  row = field_widget (f, "other.operating_cost");
  gtk_editable_set_text (GTK_EDITABLE (row), "80");
  jue_session_flush_fields (jue_window_get_session (f->window));
  spin ();
  page = show_report (f);
  g_assert_false (jue_report_page_is_pending (page));
  assert_contains (jue_report_page_get_text (page, "s10.1"), "机关运行经费支出80.00万元");

  /* changed while the page is shown: once typing pauses */
  g_assert_true (jue_document_set (doc, "other.operating_cost", "81.5", &error));
  g_assert_no_error (error);
  g_assert_true (jue_report_page_is_pending (page));
  wait_update (page);
  assert_contains (jue_report_page_get_text (page, "s10.1"), "机关运行经费支出81.50万元");
  assert_contains (gtk_label_get_text (GTK_LABEL (jue_report_page_get_label (page, "s10.1"))),
                   "81.50");
  g_assert_cmpuint (jue_report_page_get_n_rewritten (page), >=, 1);
  g_assert_cmpuint (jue_report_page_get_n_rewritten (page), <=, 2);
  ms_x1 = jue_report_page_get_update_ms (page);
  g_test_message ("one update of the Report page, the sample: %.1f ms", ms_x1);
  g_print ("# one update of the Report page, the sample: %.1f ms\n", ms_x1);

  /* a typed text: its attachment section follows */
  g_assert_true (jue_document_set (doc, "dept_eval.sections[0].body", "新的第一段。\n第二段。",
                                   &error));
  g_assert_no_error (error);
  wait_update (page);
  g_assert_cmpstr (jue_report_page_get_text (page, "attachment-1.0"), !=, NULL);
  assert_contains (jue_report_page_get_text (page, "attachment-1.0"), "新的第一段。\n第二段。\n");
}

static void
on_text_read (GObject      *clipboard,
              GAsyncResult *result,
              gpointer      data)
{
  char **out = data;

  *out = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  if (*out == NULL)
    *out = g_strdup ("");
}

/* Copy puts the section's text on the clipboard, as printed (no links). */
static void
test_copy (Fixture       *f,
           gconstpointer  data)
{
  JueReportPage *page = show_report (f);
  GtkWidget *button = jue_report_page_get_copy_button (page, "s1");
  g_autofree char *text = NULL;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (button), NULL, on_text_read, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (text, ==, jue_report_page_get_text (page, "s1"));
  assert_contains (text, "一、收入支出决算总体情况说明\n2024年度收入、支出总计均为1447.01万元。");
  g_assert_null (strchr (text, '\001'));
  g_assert_cmpstr (jue_window_get_last_message (f->window), ==, "Copied to the clipboard");
}

static gboolean
activate_link (GtkWidget  *label,
               const char *uri)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (label, "activate-link", uri, &handled);
  spin ();
  return handled;
}

static gboolean
focus_in (JueWindow  *window,
          const char *path)
{
  JueField *field = jue_session_find_built_field (jue_window_get_session (window), path);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return field && focus && (focus == jue_field_get_widget (field) ||
                            gtk_widget_is_ancestor (focus, jue_field_get_widget (field)));
}

/* A figure goes to the field it comes from; a computed one (a total) to
 * the fields it is computed from. */
static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  JueReportPage *page = show_report (f);

  g_assert_true (activate_link (jue_report_page_get_label (page, "s10.1"), "other.operating_cost"));
  g_assert_cmpstr (jue_window_get_section (f->window), ==, "other");
  g_assert_true (focus_in (f->window, "other.operating_cost"));

  page = show_report (f);
  g_assert_true (activate_link (jue_report_page_get_label (page, "s5.3"), "functional[2].actual"));
  g_assert_cmpstr (jue_window_get_section (f->window), ==, "functional");
  g_assert_true (focus_in (f->window, "functional[2].actual"));

  page = show_report (f);
  g_assert_true (activate_link (jue_report_page_get_label (page, "s7.1"),
                                "three_public.total.actual"));
  g_assert_cmpstr (jue_window_get_section (f->window), ==, "three-public");

  page = show_report (f);
  g_assert_true (activate_link (jue_report_page_get_label (page, "s1"), "income.grand_total"));
  g_assert_cmpstr (jue_window_get_section (f->window), ==, "income-expenditure");
}

/* The sample with its functional rows, department indicators and special
 * funds repeated 20 times (as bench/ makes the ×20 report). */
static void
repeat (GPtrArray          *list,
        const JueRecordDef *def,
        guint               times)
{
  guint n = list->len;

  for (guint t = 1; t < times; t++)
    for (guint i = 0; i < n; i++)
      g_ptr_array_add (list, jue_record_copy (def, list->pdata[i]));
}

static void
test_x20 (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) r = jue_sample_new (&error);
  g_autofree char *path = g_build_filename (f->dir, "x20.juesuan", NULL);
  g_autoptr (JueDocument) created = NULL;
  JueReportPage *page;
  JueDocument *doc;
  gint64 start;
  double build_ms;

  g_assert_no_error (error);
  repeat (r->functional, &JueFunctionalRow_def, 20);
  repeat (r->dept_eval.indicators, &JueIndicator_def, 20);
  repeat (r->special_funds, &JueSpecialFund_def, 20);
  created = jue_document_create (path, r, &error);
  g_assert_no_error (error);
  g_clear_object (&created);
  g_assert_true (jue_window_open_file (f->window, path, FALSE));
  spin ();

  start = g_get_monotonic_time ();
  page = show_report (f);
  build_ms = (g_get_monotonic_time () - start) / 1000.0;
  doc = jue_session_get_document (jue_window_get_session (f->window));
  g_assert_true (jue_document_set (doc, "other.operating_cost", "81.5", &error));
  g_assert_no_error (error);
  wait_update (page);
  assert_contains (jue_report_page_get_text (page, "s10.1"), "机关运行经费支出81.50万元");
  g_assert_cmpuint (jue_report_page_get_n_rewritten (page), <=, 2);
  g_assert_nonnull (jue_report_page_get_text (page, "attachment-161"));
  g_test_message ("the Report page of a ×20 report: shown in %.0f ms, one update %.1f ms",
                  build_ms, jue_report_page_get_update_ms (page));
  g_print ("# the Report page of a ×20 report: shown in %.0f ms, one update %.1f ms\n", build_ms,
           jue_report_page_get_update_ms (page));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/report/shows-document", Fixture, NULL, fixture_set_up, test_shows_document,
              fixture_tear_down);
  g_test_add ("/report/follows-typing", Fixture, NULL, fixture_set_up, test_follows_typing,
              fixture_tear_down);
  g_test_add ("/report/copy", Fixture, NULL, fixture_set_up, test_copy, fixture_tear_down);
  g_test_add ("/report/links", Fixture, NULL, fixture_set_up, test_links, fixture_tear_down);
  g_test_add ("/report/x20", Fixture, NULL, fixture_set_up, test_x20, fixture_tear_down);
  return g_test_run ();
}
