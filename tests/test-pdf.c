/* test-pdf.c — the document's pages (jue-pdf.c, issue 12): the table of
 * contents of a report twenty times the sample's size takes several pages
 * and every page number it prints is the page its entry is on; the pages
 * recorded for printing are the PDF's pages. */
#include "config.h"

#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "jue-pdf.h"
#include "jue-report.h"
#include "jue-tsv.h"

static char *
run (const char * const *argv)
{
  g_autofree char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL) || status != 0)
    return NULL;
  return g_steal_pointer (&out);
}

static guint
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = run (argv);
  const char *p = info ? strstr (info, "Pages:") : NULL;

  g_assert_nonnull (p);
  return (guint) g_ascii_strtoull (p + strlen ("Pages:"), NULL, 10);
}

static char *
page_text (const char *pdf,
           guint       page)
{
  g_autofree char *n = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", n, "-l", n, pdf, "-", NULL };
  char *text = run (argv);

  g_assert_nonnull (text);
  return text;
}

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

/* The contents' entries: "title … page" lines of pages 2 … up to the
 * first page that is not the contents'.  Returns how many pages they take. */
static guint
contents (const char *pdf,
          GPtrArray  *titles,
          GArray     *pages)
{
  g_autoptr (GRegex) entry = g_regex_new ("^(.*\\S)\\s+(\\d+)$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr (GRegex) number = g_regex_new ("—\\s*\\d+\\s*—", 0, 0, NULL);
  guint page = 2;

  for (;; page++)
    {
      g_autofree char *n = g_strdup_printf ("%u", page);
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-layout", "-f", n, "-l", n, pdf, "-", NULL };
      g_autofree char *text = run (argv);
      g_autoptr (GMatchInfo) m = NULL;
      guint found = 0;

      g_assert_nonnull (text);
      /* a page of the contents has no page number of its own ("— 3 —") */
      if (g_regex_match (number, text, 0, NULL))
        break;
      g_regex_match (entry, text, 0, &m);
      while (g_match_info_matches (m))
        {
          g_autofree char *title = g_match_info_fetch (m, 1);
          g_autofree char *number = g_match_info_fetch (m, 2);
          guint target = (guint) g_ascii_strtoull (number, NULL, 10);

          g_ptr_array_add (titles, g_strdup (g_strstrip (title)));
          g_array_append_val (pages, target);
          found++;
          g_match_info_next (m, NULL);
        }
      g_assert_cmpuint (found, >, 0);
    }
  return page - 2;
}

static gboolean
has_entry (GPtrArray  *titles,
           const char *title)
{
  for (guint i = 0; i < titles->len; i++)
    if (strcmp (titles->pdata[i], title) == 0)
      return TRUE;
  return FALSE;
}

/* Checks the contents of report's PDF; the entries' titles into titles_out
 * when given.  Returns how many pages the contents take. */
static guint
check_contents (JueReport *report,
                guint      min_toc_pages,
                GPtrArray *titles_out)
{
  g_autofree char *dir = g_dir_make_tmp ("jue-pdf-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "doc.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (JueDocPages) recorded = NULL;
  guint toc_pages, n;

  g_assert_true (jue_export_pdf (report, NULL, NULL, pdf, FALSE, &error));
  g_assert_no_error (error);
  n = pdf_pages (pdf);
  toc_pages = contents (pdf, titles, pages);
  g_test_message ("%u pages, the contents %u of them, %u entries", n, toc_pages, titles->len);
  g_assert_cmpuint (toc_pages, >=, min_toc_pages);
  g_assert_cmpuint (titles->len, >, 20);
  /* the first entry right after the contents; each entry's title on the
   * page it names (the last ones, the tables, on the last pages) */
  g_assert_cmpuint (g_array_index (pages, guint, 0), ==, 2 + toc_pages);
  g_assert_cmpuint (g_array_index (pages, guint, pages->len - 1), ==, n);
  for (guint i = 0; i < titles->len; i += MAX (1u, titles->len / 25))
    {
      const char *title = titles->pdata[i];
      g_autofree char *text = page_text (pdf, g_array_index (pages, guint, i));
      g_autofree char *flat = NULL;
      g_autofree char *want = NULL;
      g_autoptr (GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

      flat = g_regex_replace_literal (space, text, -1, 0, "", 0, NULL);
      want = g_regex_replace_literal (space, title, -1, 0, "", 0, NULL);
      /* a table's entry is its number and title, printed apart on the page */
      if (g_str_has_prefix (want, "表"))
        {
          char *cut = want;
          while (*cut && !g_ascii_isdigit (*cut))
            cut++;
          while (g_ascii_isdigit (*cut))
            cut++;
          memmove (want, cut, strlen (cut) + 1);
        }
      if (strstr (flat, want) == NULL)
        g_error ("contents: “%s” is not on page %u", title, g_array_index (pages, guint, i));
    }
  if (titles_out)
    for (guint i = 0; i < titles->len; i++)
      g_ptr_array_add (titles_out, g_strdup (titles->pdata[i]));
  /* printing draws the same pages */
  recorded = jue_doc_pages_new (report, NULL, NULL);
  g_assert_cmpuint (jue_doc_pages_get_n (recorded), ==, n);
  g_unlink (pdf);
  g_rmdir (dir);
  return toc_pages;
}

static void
test_contents_sample (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) report = jue_sample_new (&error);

  g_autofree char *tool = g_find_program_in_path ("pdftotext");

  if (tool == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (check_contents (report, 1, titles), ==, 1);
  for (guint i = 0; i < titles->len; i++)
    {
      char *flat = g_regex_replace_literal (space, titles->pdata[i], -1, 0, " ", 0, NULL);
      g_free (titles->pdata[i]);
      titles->pdata[i] = flat;
    }
  /* each attachment by its title; the contents still one page (above) */
  g_assert_true (has_entry (titles, "附件1 遂宁市科学技术局部门整体支出绩效自评报告"));
  g_assert_true (has_entry (titles, "附件9 2024年省内结对帮扶干部援藏援彝特殊补助专项资金绩效自评报告"));
}

static void
test_contents_x20 (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) report = jue_sample_new (&error);

  g_autofree char *tool = g_find_program_in_path ("pdftotext");

  if (tool == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_no_error (error);
  repeat (report->functional, &JueFunctionalRow_def, 20);
  repeat (report->dept_eval.indicators, &JueIndicator_def, 20);
  repeat (report->special_funds, &JueSpecialFund_def, 20);
  check_contents (report, 3, NULL);
}

/* The indicator tables of the attachments: each column as wide as what it
 * holds lets a short target or figure stand on one line (it used to be cut
 * into two or five, 技术合同认定登记 / 额达14亿元, while 三级指标 had room
 * to spare), and the department's 18 indicators fit on one page. */
static void
test_indicator_columns (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) report = jue_sample_new (&error);
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  guint page = 0, n;

  if (tool == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_no_error (error);
  dir = g_dir_make_tmp ("jue-pdf-XXXXXX", NULL);
  pdf = g_build_filename (dir, "doc.pdf", NULL);
  g_assert_true (jue_export_pdf (report, NULL, NULL, pdf, FALSE, &error));
  g_assert_no_error (error);
  n = pdf_pages (pdf);
  for (guint i = 1; i <= n && page == 0; i++)
    {
      g_autofree char *text = page_text (pdf, i);
      if (strstr (text, "绩效指标完成情况"))
        page = i;
    }
  g_assert_cmpuint (page, >, 0);
  {
    g_autofree char *n1 = g_strdup_printf ("%u", page);
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-layout", "-f", n1, "-l", n1, pdf, "-",
                           NULL };
    g_autofree char *text = run (argv);

    g_assert_nonnull (text);
    /* each on one line of the page */
    g_assert_nonnull (strstr (text, "技术合同认定登记额达14亿元"));
    g_assert_nonnull (strstr (text, "全社会研发投入突破13亿元"));
    g_assert_nonnull (strstr (text, "591，230"));
    /* the last of the 18 on the same page as the heading */
    g_assert_nonnull (strstr (text, "印制宣传资料"));
  }
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf/contents-sample", test_contents_sample);
  g_test_add_func ("/pdf/contents-x20", test_contents_x20);
  g_test_add_func ("/pdf/indicator-columns", test_indicator_columns);
  return g_test_run ();
}
