/* test-document.c — the generated document from the window (issue 12):
 * Export the Document as PDF writes what was just typed, and asks before
 * replacing a file. */
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

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/document/export-pdf", Fixture, NULL, fixture_set_up, test_export_pdf,
              fixture_tear_down);
  return g_test_run ();
}
