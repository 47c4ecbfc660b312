/* test-file-actions.c — loading the year's classification table into
 * the open report (Import Classification Table…): the checks re-run
 * against it, the code picker offers its codes, the functional page says
 * which table is in use, the file holds it; a bad table is refused with
 * its lines named and nothing stored.  Also: dropping files on the window. */
#include "config.h"

#include <string.h>

#include "gui-fixture.h"
#include "jue-code-picker.h"
#include "jue-codes.h"
#include "jue-finding-item.h"
#include "jue-form-page.h"
#include "jue-window-private.h"

/* the sample's only coded functional row: 2060102 一般行政管理事务, not
 * in the partial built-in table */
#define CODED_ROW "functional[2].code"

static const char official[] =
  "\xEF\xBB\xBF" "code,name,level,parent\r\n"
  "206,科学技术支出,1,\r\n"
  "20601,科学技术管理事务,2,206\r\n"
  "2060101,行政运行,3,20601\r\n"
  "2060102,一般行政管理事务,3,20601\r\n"
  "208,社会保障和就业支出,1,\r\n"
  "20805,行政事业单位养老支出,2,208\r\n";

/* the same year without 2060102 */
static const char without_row[] =
  "code,name,level,parent\n"
  "206,科学技术支出,1,\n"
  "20601,科学技术管理事务,2,206\n"
  "2060101,行政运行,3,20601\n";

static char *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* The finding of rule on path, or NULL. */
static const JueFinding *
finding_on (JueWindow  *window,
            const char *rule,
            const char *path)
{
  GListModel *findings = jue_session_get_findings (jue_window_get_session (window));

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (findings, i);
      const JueFinding *finding = jue_finding_item_get_finding ((JueFindingItem *) item);

      if (g_str_equal (finding->rule, rule) && g_str_equal (finding->path, path))
        return finding;
    }
  return NULL;
}

static const char *
table_note (JueWindow *window)
{
  GtkWidget *page = jue_window_get_page (window, "functional");
  GtkWidget *label = jue_form_page_get_table_label (JUE_FORM_PAGE (page));

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Whether the action is enabled, as a menu item or button showing it
 * would be sensitive. */
static gboolean
action_enabled (JueWindow  *window,
                const char *action)
{
  GtkWidget *button = gtk_button_new ();
  gboolean sensitive;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_box_append (GTK_BOX (window->content), button);
  spin ();
  sensitive = gtk_widget_get_sensitive (button);
  gtk_box_remove (GTK_BOX (window->content), button);
  return sensitive;
}

/* The rows the code picker offers when typed into the first row's code. */
static guint
picker_rows (Fixture    *f,
             const char *typed)
{
  GtkWidget *cell = field_widget (f, "functional[0].code");
  GtkWidget *picker = find_by_type (cell, JUE_TYPE_CODE_PICKER);
  GtkWidget *list = find_by_type (picker, GTK_TYPE_LIST_BOX);
  guint n = 0;

  gtk_editable_set_text (GTK_EDITABLE (cell), typed);
  spin ();
  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) n))
    n++;
  gtk_popover_popdown (GTK_POPOVER (picker));
  return n;
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  JueSession *session = jue_window_get_session (f->window);
  JueDocument *doc = jue_session_get_document (session);
  g_autofree char *csv = write_file (f, "official-2025.csv", official);
  g_autofree char *partial = write_file (f, "partial.csv", without_row);
  g_autoptr (GError) error = NULL;
  GPtrArray *entries;
  const JueFinding *finding;

  g_assert_true (action_enabled (f->window, "win.import-classification"));
  g_assert_null (jue_document_get_classification (doc));
  g_assert_nonnull (strstr (table_note (f->window), "built-in classification table"));
  g_assert_nonnull (strstr (table_note (f->window), "import the official table"));
  /* against the partial built-in table the code is unverified, not wrong:
   * one note for the report, nothing on the row */
  g_assert_null (finding_on (f->window, "W-CLASSIFICATION-CODE", CODED_ROW));
  finding = finding_on (f->window, "H-CLASSIFICATION-UNVERIFIED", "functional");
  g_assert_nonnull (finding);
  g_assert_cmpint (finding->severity, ==, JUE_SEVERITY_HINT);
  g_assert_cmpint (jue_session_get_mark (session, CODED_ROW, NULL), ==, JUE_MARK_NONE);
  g_assert_cmpuint (picker_rows (f, "20605"), ==, 5);   /* the built-in 科技条件与服务 */

  g_assert_true (jue_window_import_classification_file (f->window, csv));
  spin ();
  g_assert_cmpstr (jue_window_get_last_message (f->window), ==,
                   "Loaded 6 codes from “official-2025.csv”");
  entries = jue_document_get_classification (doc);
  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, ==, 6);
  g_assert_cmpstr (((JueClassEntry *) entries->pdata[3])->code, ==, "2060102");
  g_assert_cmpstr (((JueClassEntry *) entries->pdata[3])->name, ==, "一般行政管理事务");
  /* the checks re-ran against it: the code is in the official table */
  g_assert_null (finding_on (f->window, "W-CLASSIFICATION-CODE", CODED_ROW));
  g_assert_null (finding_on (f->window, "H-CLASSIFICATION-UNVERIFIED", "functional"));
  g_assert_cmpint (jue_session_get_mark (session, CODED_ROW, NULL), ==, JUE_MARK_NONE);
  g_assert_cmpstr (table_note (f->window), ==,
                   "Codes are checked against the imported classification table (6 codes).");
  /* the code picker offers the imported codes, and only those */
  g_assert_cmpuint (picker_rows (f, "20605"), ==, 0);
  g_assert_cmpuint (picker_rows (f, "2060"), ==, 3);

  /* what a second program reading the file sees */
  {
    g_autoptr (JueDocument) reader = jue_document_open (f->path, TRUE, &error);
    GPtrArray *stored;

    g_assert_no_error (error);
    stored = jue_document_get_classification (reader);
    g_assert_nonnull (stored);
    g_assert_cmpuint (stored->len, ==, 6);
    for (guint i = 0; i < stored->len; i++)
      g_assert_cmpstr (((JueClassEntry *) stored->pdata[i])->code, ==,
                       ((JueClassEntry *) entries->pdata[i])->code);
  }

  /* a table without the code: now a warning, not a doubt */
  g_assert_true (jue_window_import_classification_file (f->window, partial));
  spin ();
  g_assert_cmpstr (jue_window_get_last_message (f->window), ==,
                   "Loaded 3 codes from “partial.csv”");
  finding = finding_on (f->window, "W-CLASSIFICATION-CODE", CODED_ROW);
  g_assert_nonnull (finding);
  g_assert_cmpint (finding->severity, ==, JUE_SEVERITY_WARNING);
  g_assert_nonnull (strstr (finding->message, "2060102"));
  g_assert_cmpint (jue_session_get_mark (session, CODED_ROW, NULL), ==, JUE_MARK_WARNING);
  g_assert_nonnull (strstr (table_note (f->window), "(3 codes)"));
}

static void
test_one_code (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *csv = write_file (f, "one.csv", "code,name,level,parent\n206,科学技术支出,1,\n");

  g_assert_true (jue_window_import_classification_file (f->window, csv));
  g_assert_cmpstr (jue_window_get_last_message (f->window), ==, "Loaded 1 code from “one.csv”");
  g_assert_cmpstr (table_note (f->window), ==,
                   "Codes are checked against the imported classification table (1 code).");
}

static char *
read_file_data (const char *path,
            gsize      *len)
{
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, len, NULL));
  return data;
}

static void
test_bad_table (Fixture       *f,
                gconstpointer  data)
{
  JueSession *session = jue_window_get_session (f->window);
  g_autofree char *bad = write_file (f, "bad.csv",
                                     "code,name,level,parent\n"
                                     "206,科学技术支出,1,\n"
                                     "2060x,科学技术管理事务,2,206\n");
  g_autofree char *missing = g_build_filename (f->dir, "nowhere.csv", NULL);
  g_autofree char *noise = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GString) many = g_string_new ("code,name,level,parent\n");
  gsize before_len, after_len;
  const char *message;

  before = read_file_data (f->path, &before_len);
  g_assert_false (jue_window_import_classification_file (f->window, bad));
  spin ();
  /* a dialog names the file, the line and what is wrong */
  g_assert_nonnull (f->window->error_dialog);
  g_assert_true (gtk_widget_get_visible (f->window->error_dialog));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (f->window->error_dialog)), ==,
                   "bad.csv:3: code “2060x” is not 3, 5 or 7 digits");
  message = jue_window_get_last_message (f->window);
  g_assert_nonnull (strstr (message, "The classification table was not imported"));
  /* nothing stored: not in the document, not in the file */
  g_assert_null (jue_document_get_classification (jue_session_get_document (session)));
  g_assert_nonnull (strstr (table_note (f->window), "built-in"));
  g_assert_nonnull (finding_on (f->window, "H-CLASSIFICATION-UNVERIFIED", "functional"));
  g_assert_cmpint (jue_session_get_mark (session, CODED_ROW, NULL), ==, JUE_MARK_NONE);
  after = read_file_data (f->path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);

  /* a file that is no table at all: the first lines, and how many more */
  for (guint i = 0; i < 30; i++)
    g_string_append_printf (many, "第%u行,什么,都,不是\n", i + 1);
  noise = write_file (f, "notes.csv", many->str);
  g_assert_false (jue_window_import_classification_file (f->window, noise));
  message = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (f->window->error_dialog));
  g_assert_true (g_str_has_prefix (message, "notes.csv:2: code “第1行” is not 3, 5 or 7 digits\n"));
  g_assert_nonnull (strstr (message, "notes.csv:13: "));
  g_assert_null (strstr (message, "notes.csv:14: "));
  g_assert_true (g_str_has_suffix (message, "\n… and 18 more lines with problems"));

  /* a file that is not there */
  g_assert_false (jue_window_import_classification_file (f->window, missing));
  g_assert_nonnull (strstr (jue_window_get_last_message (f->window), "nowhere.csv"));

  g_free (after);
  after = read_file_data (f->path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
}

/* Review: the action is off, the page does not ask for an import, and
 * nothing reaches the file even when asked directly. */
static void
test_review (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *csv = write_file (f, "official.csv", official);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  before = read_file_data (f->path, &before_len);
  g_assert_false (action_enabled (f->window, "win.import-classification"));
  g_assert_cmpstr (table_note (f->window), ==,
                   "Codes are checked against the built-in classification table, which is "
                   "partial.");
  g_assert_false (jue_window_import_classification_file (f->window, csv));
  g_assert_null (jue_document_get_classification (
                   jue_session_get_document (jue_window_get_session (f->window))));
  after = read_file_data (f->path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
}

/* The economic classification (issue 11): imported from the primary menu's
 * action as one undo step; the add-by-code list of the economic tables is
 * then the imported one; a bad table is refused naming its line, nothing
 * changed; a report open for review cannot import. */
static void
test_economic (Fixture       *f,
               gconstpointer  data)
{
  JueSession *session = jue_window_get_session (f->window);
  JueDocument *doc = jue_session_get_document (session);
  g_autofree char *csv = write_file (f, "economic-2025.csv",
                                     "code,name,level,parent\n"
                                     "301,工资福利支出,1,\n30101,基本工资,2,301\n"
                                     "307,债务利息及费用支出,1,\n"
                                     "30799,其他债务利息及费用支出,2,307\n");
  g_autofree char *bad = write_file (f, "economic-bad.csv",
                                     "code,name,level,parent\n301,工资福利支出,1,\n"
                                     "3010,基本工资,2,301\n");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  gsize before_len, after_len;
  gboolean review = data != NULL;

  g_assert_true (jue_session_economic_classification (session) ==
                 jue_classification_economic_builtin ());
  if (review)
    {
      before = read_file_data (f->path, &before_len);
      g_assert_false (action_enabled (f->window, "win.import-economic"));
      g_assert_false (jue_window_import_economic_classification_file (f->window, csv));
      g_assert_null (jue_document_get_economic_classification (doc));
      after = read_file_data (f->path, &after_len);
      g_assert_cmpmem (before, before_len, after, after_len);
      return;
    }
  g_assert_true (action_enabled (f->window, "win.import-economic"));

  before = read_file_data (f->path, &before_len);
  g_assert_false (jue_window_import_economic_classification_file (f->window, bad));
  spin ();
  g_assert_nonnull (f->window->error_dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (f->window->error_dialog)), ==,
                   "economic-bad.csv:3: code “3010” is not a 3-digit 类 or 5-digit 款 code of "
                   "the economic classification");
  g_assert_nonnull (strstr (jue_window_get_last_message (f->window),
                            "The economic classification was not imported"));
  g_assert_null (jue_document_get_economic_classification (doc));
  after = read_file_data (f->path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  gtk_window_destroy (GTK_WINDOW (f->window->error_dialog));
  spin ();

  g_assert_true (jue_window_import_economic_classification_file (f->window, csv));
  spin ();
  g_assert_cmpstr (jue_window_get_last_message (f->window), ==,
                   "Loaded 4 economic codes from “economic-2025.csv”");
  g_assert_cmpuint (jue_session_economic_classification (session)->len, ==, 4);
  /* the functional table is untouched */
  g_assert_null (jue_document_get_classification (doc));
  /* one undo step takes it back */
  g_assert_true (jue_document_undo (doc, &undone, NULL));
  g_assert_cmpstr (undone, ==, "economic");
  g_assert_null (jue_document_get_economic_classification (doc));
  g_assert_true (jue_session_economic_classification (session) ==
                 jue_classification_economic_builtin ());
}

static void
test_no_document (void)
{
  JueWindow *window = jue_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  wait_mapped (GTK_WIDGET (window));
  g_assert_false (action_enabled (window, "win.import-classification"));
  g_assert_true (action_enabled (window, "win.open"));   /* the test can tell */
  g_assert_false (jue_window_import_classification_file (window, "/nonexistent.csv"));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* ---- the tables' figures from a workbook ------------------------------ */

static char *
doc_value (Fixture    *f,
           const char *path)
{
  JueDocument *doc = jue_session_get_document (jue_window_get_session (f->window));

  return jue_report_get (jue_document_get_report (doc), path, NULL);
}

#define assert_doc(f, path, want) \
  G_STMT_START { g_autofree char *v_ = doc_value (f, path); \
                 g_assert_cmpstr (v_, ==, want); } G_STMT_END

/* Import Figures from a Workbook: the figures replaced, one undo step
 * takes all of them back; a bad cell refuses it all, naming sheet and
 * cell; not offered for review. */
static void
test_workbook (Fixture       *f,
               gconstpointer  data)
{
  JueDocument *doc = jue_session_get_document (jue_window_get_session (f->window));
  g_autofree char *yuan = g_test_build_filename (G_TEST_DIST, "..", "data", "workbooks",
                                                 "yuan.xlsx", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "..", "data", "workbooks",
                                                "bad-cell.xlsx", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (action_enabled (f->window, "win.import-workbook"));
  /* The fixtures are the national set; the sample is a Sichuan report,
   * whose tables the workbook lacks. */
  g_assert_false (jue_window_import_workbook_file (f->window, yuan));
  spin ();
  g_assert_nonnull (f->window->error_dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (
                              ADW_MESSAGE_DIALOG (f->window->error_dialog)),
                            "明细表"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (f->window->error_dialog), "close");
  g_assert_null (f->window->error_dialog);
  spin ();
  g_assert_true (jue_document_set (doc, "profile.template", "national", &error));
  g_assert_true (jue_document_set (doc, "three_public.abroad.actual", "9", &error));
  g_assert_true (jue_document_set (doc, "expenditure.basic", "1", &error));
  spin ();

  g_assert_true (jue_window_import_workbook_file (f->window, yuan));
  spin ();
  assert_doc (f, "three_public.abroad.actual", "3.25");
  assert_doc (f, "expenditure.basic", "708.77");
  g_assert_cmpstr (jue_window_get_last_message (f->window), ==,
                   "Imported the tables' figures from “yuan.xlsx” (Undo takes them back)");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  spin ();
  assert_doc (f, "three_public.abroad.actual", "9.00");
  assert_doc (f, "expenditure.basic", "1.00");

  g_assert_false (jue_window_import_workbook_file (f->window, bad));
  spin ();
  g_assert_nonnull (f->window->error_dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (
                              ADW_MESSAGE_DIALOG (f->window->error_dialog)),
                            "sheet “表7”, cell J7"));
  assert_doc (f, "three_public.abroad.actual", "9.00");
}

static void
test_workbook_review (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *yuan = g_test_build_filename (G_TEST_DIST, "..", "data", "workbooks",
                                                 "yuan.xlsx", NULL);

  g_assert_false (action_enabled (f->window, "win.import-workbook"));
  g_assert_false (jue_window_import_workbook_file (f->window, yuan));
}

/* ---- dropping files --------------------------------------------------- */

/* Emits ::drop on the window's drop target, as GTK does when a file is
 * dropped on it; returns what the handler answered. */
static gboolean
drop_file (JueWindow *window,
           GFile     *file)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_assert_true (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (target),
                                                    G_TYPE_FILE));
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 100.0, 100.0, &accepted);
  g_value_unset (&value);
  spin ();
  return accepted;
}

static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *other = create_sample (f->dir, "other.juesuan");
  g_autofree char *text = write_file (f, "notes.txt", "这不是报表\n");
  g_autoptr (GFile) report = g_file_new_for_path (other);
  g_autoptr (GFile) not_report = g_file_new_for_path (text);
  g_autoptr (GFile) remote = g_file_new_for_uri ("https://example.com/report.juesuan");
  const char *message;

  /* a report: opened in the window, for editing */
  g_assert_true (drop_file (f->window, report));
  g_assert_cmpstr (jue_window_get_filename (f->window), ==, other);
  g_assert_false (jue_session_is_read_only (jue_window_get_session (f->window)));
  g_assert_nonnull (jue_window_get_page (f->window, "functional"));

  /* not a report: said plainly, and the open report stays */
  g_assert_false (drop_file (f->window, not_report));
  g_assert_nonnull (f->window->error_dialog);
  message = jue_window_get_last_message (f->window);
  g_assert_true (g_str_has_prefix (message, "Cannot open “notes.txt”\n"));
  g_assert_nonnull (strstr (message, "is not a Juesuan report"));
  g_assert_cmpstr (jue_window_get_filename (f->window), ==, other);
  g_assert_nonnull (jue_window_get_session (f->window));

  /* not on this computer */
  g_assert_false (drop_file (f->window, remote));
  g_assert_nonnull (strstr (jue_window_get_last_message (f->window),
                            "Only report files on this computer can be opened."));
  g_assert_cmpstr (jue_window_get_filename (f->window), ==, other);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/classification/import", Fixture, NULL, fixture_set_up, test_import,
              fixture_tear_down);
  g_test_add ("/gui/classification/one-code", Fixture, NULL, fixture_set_up, test_one_code,
              fixture_tear_down);
  g_test_add ("/gui/classification/bad-table", Fixture, NULL, fixture_set_up, test_bad_table,
              fixture_tear_down);
  g_test_add ("/gui/classification/review", Fixture, "review", fixture_set_up, test_review,
              fixture_tear_down);
  g_test_add_func ("/gui/classification/no-document", test_no_document);
  g_test_add ("/gui/classification/economic", Fixture, NULL, fixture_set_up, test_economic,
              fixture_tear_down);
  g_test_add ("/gui/classification/economic-review", Fixture, "review", fixture_set_up,
              test_economic, fixture_tear_down);
  g_test_add ("/gui/drop", Fixture, NULL, fixture_set_up, test_drop, fixture_tear_down);
  g_test_add ("/gui/workbook/import", Fixture, NULL, fixture_set_up, test_workbook,
              fixture_tear_down);
  g_test_add ("/gui/workbook/review", Fixture, "review", fixture_set_up, test_workbook_review,
              fixture_tear_down);
  return g_test_run ();
}
