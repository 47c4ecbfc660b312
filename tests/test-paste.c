/* Paste from a spreadsheet (jue-paste.c): the clipboard text of Excel, WPS
 * and LibreOffice read into a block, and a block written into a table as
 * one undo step, all or nothing.  Also: grouped undo steps in the document,
 * and quoted input cut to a sensible length in messages. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "jue-document.h"
#include "jue-paste.h"
#include "jue-tsv.h"

static char *tmpdir;

static JueDocument *
sample_document (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) report = jue_sample_new (&error);
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  JueDocument *doc;

  g_assert_no_error (error);
  g_unlink (path);
  doc = jue_document_create (path, report, &error);
  g_assert_no_error (error);
  return doc;
}

/* What a second program reading the file sees. */
static char *
file_value (JueDocument *doc,
            const char  *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) other = jue_document_open (jue_document_get_filename (doc), TRUE,
                                                      &error);
  char *value;

  g_assert_no_error (error);
  value = jue_report_get (jue_document_get_report (other), path, &error);
  g_assert_no_error (error);
  return value;
}

static guint
list_length (JueDocument *doc,
             const char  *list_path)
{
  JueFieldRef ref;

  g_assert_true (jue_report_resolve (jue_document_get_report (doc), list_path, &ref, NULL));
  return (*(GPtrArray **) ref.ptr)->len;
}

#define assert_file(doc, path, want) \
  G_STMT_START { g_autofree char *v_ = file_value (doc, path); \
                 g_assert_cmpstr (v_, ==, want); } G_STMT_END

/* ---- parsing ---------------------------------------------------------- */

static void
test_parse_excel_row (void)
{
  /* one row of Excel: TABs between cells, CRLF after it */
  g_autoptr (JuePasteBlock) b = jue_paste_parse ("2060101\t行政运行\t329.53\r\n");

  g_assert_cmpuint (jue_paste_block_rows (b), ==, 1);
  g_assert_cmpuint (jue_paste_block_columns (b), ==, 3);
  g_assert_cmpstr (jue_paste_block_cell (b, 0, 0), ==, "2060101");
  g_assert_cmpstr (jue_paste_block_cell (b, 0, 2), ==, "329.53");
  g_assert_false (jue_paste_block_is_single (b));
}

static void
test_parse_block (void)
{
  /* LibreOffice: LF; a shorter row is blank to the right */
  g_autoptr (JuePasteBlock) lf = jue_paste_parse ("1\t2\t3\n4\t5\n\n");
  /* WPS / Excel: CRLF, a cell with a line break and a quote in quotes */
  g_autoptr (JuePasteBlock) crlf = jue_paste_parse ("a\t\"two\r\nlines, \"\"quoted\"\"\"\r\nb\tc\r\n");
  /* old Mac line ends */
  g_autoptr (JuePasteBlock) cr = jue_paste_parse ("x\ry\r");
  /* a quote that does not close where the cell ends is text */
  g_autoptr (JuePasteBlock) odd = jue_paste_parse ("\"5\" 寸\t7");

  g_assert_cmpuint (jue_paste_block_rows (lf), ==, 2);
  g_assert_cmpuint (jue_paste_block_columns (lf), ==, 3);
  g_assert_cmpstr (jue_paste_block_cell (lf, 1, 1), ==, "5");
  g_assert_cmpstr (jue_paste_block_cell (lf, 1, 2), ==, "");

  g_assert_cmpuint (jue_paste_block_rows (crlf), ==, 2);
  g_assert_cmpstr (jue_paste_block_cell (crlf, 0, 1), ==, "two\r\nlines, \"quoted\"");
  g_assert_cmpstr (jue_paste_block_cell (crlf, 1, 1), ==, "c");

  g_assert_cmpuint (jue_paste_block_rows (cr), ==, 2);
  g_assert_cmpstr (jue_paste_block_cell (cr, 1, 0), ==, "y");

  g_assert_cmpuint (jue_paste_block_columns (odd), ==, 2);
  g_assert_cmpstr (jue_paste_block_cell (odd, 0, 0), ==, "\"5\" 寸");
}

static void
test_parse_single (void)
{
  /* a copied cell: its text, without the line end */
  g_autoptr (JuePasteBlock) excel = jue_paste_parse ("329.53\r\n");
  g_autoptr (JuePasteBlock) calc = jue_paste_parse ("招商引资\n");
  g_autoptr (JuePasteBlock) plain = jue_paste_parse ("12");
  g_autoptr (JuePasteBlock) empty = jue_paste_parse ("");

  g_assert_true (jue_paste_block_is_single (excel));
  g_assert_cmpstr (jue_paste_block_cell (excel, 0, 0), ==, "329.53");
  g_assert_true (jue_paste_block_is_single (calc));
  g_assert_cmpstr (jue_paste_block_cell (calc, 0, 0), ==, "招商引资");
  g_assert_true (jue_paste_block_is_single (plain));
  g_assert_true (jue_paste_block_is_single (empty));
  g_assert_cmpstr (jue_paste_block_cell (empty, 0, 0), ==, "");
}

/* ---- applying ------------------------------------------------------- */

/* Functional columns: code, class, kuan, xiang, budget, actual. */
static void
test_apply_block_adds_rows (void)
{
  g_autoptr (JueDocument) doc = sample_document ("block.juesuan");
  g_autoptr (GError) error = NULL;
  guint n = list_length (doc, "functional");
  guint added = 99;
  /* two rows × two columns from the budget column of the last row on:
   * the second row is new */
  g_autoptr (JuePasteBlock) b = jue_paste_parse ("1,234.5\t1200元\r\n３２９．５３\t7\r\n");
  g_autofree char *last_budget = g_strdup_printf ("functional[%u].budget", n - 1);
  g_autofree char *new_budget = g_strdup_printf ("functional[%u].budget", n);
  g_autofree char *new_actual = g_strdup_printf ("functional[%u].actual", n);
  g_autofree char *last_actual = g_strdup_printf ("functional[%u].actual", n - 1);
  g_autofree char *before = file_value (doc, last_budget);
  g_autofree char *path = NULL;

  g_assert_true (jue_paste_apply (doc, "functional", n - 1, 4, b, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (list_length (doc, "functional"), ==, n + 1);
  assert_file (doc, last_budget, "1234.50");
  assert_file (doc, last_actual, "0.12");
  assert_file (doc, new_budget, "329.53");
  assert_file (doc, new_actual, "7.00");

  /* one undo takes all of it back, one redo brings it again */
  g_assert_true (jue_document_undo (doc, &path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, last_budget);
  g_assert_cmpuint (list_length (doc, "functional"), ==, n);
  assert_file (doc, last_budget, before);
  g_assert_true (jue_document_redo (doc, NULL, &error));
  g_assert_cmpuint (list_length (doc, "functional"), ==, n + 1);
  assert_file (doc, new_budget, "329.53");
  g_assert_true (jue_document_undo (doc, NULL, &error));
  g_assert_cmpuint (list_length (doc, "functional"), ==, n);
}

static void
test_apply_refuses_whole_block (void)
{
  g_autoptr (JueDocument) doc = sample_document ("refuse.juesuan");
  g_autoptr (GError) error = NULL;
  guint n = list_length (doc, "functional");
  /* the second row's actual cannot be read: nothing goes in, not even the
   * first row, and no row is added */
  g_autoptr (JuePasteBlock) b = jue_paste_parse ("1\t2\n3\t78x.6\n4\t5\n");
  g_autofree char *before = file_value (doc, "functional[15].budget");
  gboolean could_undo = jue_document_can_undo (doc);

  g_assert_false (jue_paste_apply (doc, "functional", 15, 4, b, NULL, &error));
  g_assert_error (error, JUE_ERROR, JUE_ERROR_PARSE);
  /* the cell is named as the table numbers it, with its column */
  g_assert_nonnull (strstr (error->message, "row 17"));
  g_assert_nonnull (strstr (error->message, "Actual"));
  g_assert_nonnull (strstr (error->message, "“78x.6”"));
  g_assert_null (strstr (error->message, "functional[16]"));
  assert_file (doc, "functional[15].budget", before);
  g_assert_cmpuint (list_length (doc, "functional"), ==, n);
  g_assert_cmpint (jue_document_can_undo (doc), ==, could_undo);
  g_clear_error (&error);

  /* wider than the table from here on */
  {
    /* budget, actual, basic, project, budget_initial: five columns */
    g_autoptr (JuePasteBlock) wide = jue_paste_parse ("1\t2\t3\t4\t5\t6\n");
    g_assert_false (jue_paste_apply (doc, "functional", 0, 4, wide, NULL, &error));
    g_assert_error (error, JUE_ERROR, JUE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "6 columns"));
    assert_file (doc, "functional[0].budget", "5.00");
  }
}

/* Text and choice columns of an indicator table, as typed. */
static void
test_apply_indicators (void)
{
  g_autoptr (JueDocument) doc = sample_document ("indicators.juesuan");
  g_autoptr (GError) error = NULL;
  const char *list = "special_funds[2].indicators";
  guint n = list_length (doc, list);
  g_autoptr (JuePasteBlock) b =
    jue_paste_parse ("产出指标\t数量指标\t招商引资项目\t≥\t3\t个\t10\r\n");
  g_autofree char *name = g_strdup_printf ("%s[%u].name", list, n);
  g_autofree char *weight = g_strdup_printf ("%s[%u].weight", list, n);

  g_assert_true (jue_paste_apply (doc, list, n, 0, b, NULL, &error));
  g_assert_no_error (error);
  assert_file (doc, name, "招商引资项目");
  assert_file (doc, weight, "10");
}

/* ---- groups ----------------------------------------------------------- */

static void
test_group_abort (void)
{
  g_autoptr (JueDocument) doc = sample_document ("abort.juesuan");
  g_autoptr (GError) error = NULL;

  jue_document_begin_group (doc);
  g_assert_true (jue_document_set (doc, "income.general_budget", "1", &error));
  g_assert_cmpint (jue_document_insert_row (doc, "functional", -1, &error), ==, 17);
  /* no undo in the middle of a group */
  g_assert_false (jue_document_undo (doc, NULL, &error));
  g_clear_error (&error);
  g_assert_true (jue_document_abort_group (doc, &error));
  assert_file (doc, "income.general_budget", "1447.01");
  g_assert_cmpuint (list_length (doc, "functional"), ==, 17);
  g_assert_false (jue_document_can_undo (doc));

  /* a group of one edit is that edit */
  jue_document_begin_group (doc);
  g_assert_true (jue_document_set (doc, "income.general_budget", "2", &error));
  jue_document_end_group (doc, "income");
  g_assert_true (jue_document_undo (doc, NULL, &error));
  assert_file (doc, "income.general_budget", "1447.01");
  g_assert_false (jue_document_can_undo (doc));
}

/* ---- quoted input ----------------------------------------------------- */

static void
test_message_excerpt (void)
{
  g_autoptr (GString) page = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  JueAmount a;

  for (guint i = 0; i < 100; i++)
    g_string_append (page, "一二三四五六七八九x");
  g_assert_false (jue_amount_parse (page->str, &a, &error));
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 120);
  g_assert_nonnull (strstr (error->message, "“一二三四五六七八九x一二三四五六七八九x"));
  g_assert_nonnull (strstr (error->message, "…”"));
  g_clear_error (&error);

  /* short input is quoted whole */
  g_assert_false (jue_amount_parse ("12x.3", &a, &error));
  g_assert_nonnull (strstr (error->message, "“12x.3”"));
  g_clear_error (&error);
  {
    g_autofree char *cut = jue_input_excerpt (page->str);
    g_assert_cmpuint (g_utf8_strlen (cut, -1), ==, JUE_EXCERPT_CHARS + 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("juesuan-paste-XXXXXX", NULL);

  g_test_add_func ("/paste/parse/excel-row", test_parse_excel_row);
  g_test_add_func ("/paste/parse/block", test_parse_block);
  g_test_add_func ("/paste/parse/single", test_parse_single);
  g_test_add_func ("/paste/apply/block-adds-rows", test_apply_block_adds_rows);
  g_test_add_func ("/paste/apply/refuses-whole-block", test_apply_refuses_whole_block);
  g_test_add_func ("/paste/apply/indicators", test_apply_indicators);
  g_test_add_func ("/paste/group/abort", test_group_abort);
  g_test_add_func ("/paste/message-excerpt", test_message_excerpt);
  status = g_test_run ();
  {
    g_autoptr (GDir) d = g_dir_open (tmpdir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name (d)))
      {
        g_autofree char *p = g_build_filename (tmpdir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (tmpdir);
  }
  return status;
}
