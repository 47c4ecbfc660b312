/* test-document.c — the generated document from the window (issue 12):
 * Export the Document as PDF writes what was just typed, and asks before
 * replacing a file; Print draws the same pages (through GtkPrintOperation,
 * here sent to a PDF file as the print dialog's "Print to File" does). */
#include "config.h"

#include <string.h>

#include "gui-fixture.h"
#include "jue-window-private.h"

static char *
pdf_text (const char *pdf)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", pdf, "-", NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, NULL, NULL))
    return NULL;
  return g_steal_pointer (&out);
}

static void
test_export_pdf (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "报告.pdf", NULL);
  g_autofree char *text = NULL;
  GtkWidget *row = field_widget (f, "other.operating_cost");

  /* typed and not yet left: the export holds it */
  gtk_editable_set_text (GTK_EDITABLE (row), "80");
  spin ();
  g_assert_true (jue_window_export_pdf (f->window, pdf, FALSE));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (jue_window_get_last_message (f->window), ==, "Exported the document as PDF");
  text = pdf_text (pdf);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "机关运行经费支出80.00万元"));
  /* a second export asks before replacing and writes nothing until asked */
  g_assert_false (jue_window_export_pdf (f->window, pdf, FALSE));
  g_assert_true (jue_window_export_pdf (f->window, pdf, TRUE));
}

static char *
pdf_pages (const char *pdf)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", pdf, NULL };
  char *pages;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, NULL, NULL))
    return NULL;
  pages = strstr (out, "Pages:");
  return pages ? g_strndup (pages, strcspn (pages, "\n")) : NULL;
}

static int
strcmp_ptr (const char **a,
            const char **b)
{
  return strcmp (*a, *b);
}

/* Each page's lines, sorted: the text of each page, whatever order a
 * reader takes a chart's labels in (the printed pages are drawn into
 * the PDF as recorded pages). */
static char *
page_lines (const char *text)
{
  g_auto (GStrv) pages = g_strsplit (text, "\f", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; pages[i]; i++)
    {
      g_auto (GStrv) lines = g_strsplit (pages[i], "\n", -1);

      qsort (lines, g_strv_length (lines), sizeof (char *),
             (int (*) (const void *, const void *)) strcmp_ptr);
      g_string_append_printf (out, "— page %u —\n", i + 1);
      for (guint k = 0; lines[k]; k++)
        if (*lines[k])
          g_string_append_printf (out, "%s\n", lines[k]);
    }
  return g_string_free (out, FALSE);
}

static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *exported = g_build_filename (f->dir, "exported.pdf", NULL);
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *text_exported = NULL;
  g_autofree char *text_printed = NULL;
  g_autofree char *pages_exported = NULL;
  g_autofree char *pages_printed = NULL;
  GtkWidget *row = field_widget (f, "other.operating_cost");

  /* typed and not yet left: the print holds it */
  gtk_editable_set_text (GTK_EDITABLE (row), "79");
  spin ();
  g_assert_true (jue_window_print (f->window, GTK_PRINT_OPERATION_ACTION_EXPORT, printed));
  g_assert_true (g_file_test (printed, G_FILE_TEST_EXISTS));
  g_assert_true (jue_window_export_pdf (f->window, exported, FALSE));
  pages_printed = pdf_pages (printed);
  text_printed = pdf_text (printed);
  if (pages_printed == NULL || text_printed == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }
  pages_exported = pdf_pages (exported);
  text_exported = pdf_text (exported);
  /* the same pages, the same text on each, in the same order */
  g_assert_cmpstr (pages_printed, ==, pages_exported);
  g_assert_cmpstr (pages_printed, !=, "Pages:           1");
  {
    g_autofree char *lines_printed = page_lines (text_printed);
    g_autofree char *lines_exported = page_lines (text_exported);
    g_assert_cmpstr (lines_printed, ==, lines_exported);
  }
  g_assert_nonnull (strstr (text_printed, "机关运行经费支出79.00万元"));
  g_assert_nonnull (strstr (text_printed, "目 录"));   /* the contents */
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/document/export-pdf", Fixture, NULL, fixture_set_up, test_export_pdf,
              fixture_tear_down);
  g_test_add ("/document/print", Fixture, NULL, fixture_set_up, test_print, fixture_tear_down);
  return g_test_run ();
}
