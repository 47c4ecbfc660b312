/* cli-csv.c — export (CSV) and import. */
#include "config.h"

#include <string.h>

#include "jue-cli.h"
#include "jue-export.h"
#include "jue-export-xlsx.h"
#include "jue-export-published.h"
#include "jue-export-text.h"
#include "jue-export-doc.h"
#include "jue-html.h"
#include "jue-pdf.h"
#include "jue-import.h"

/* export --format csv [--force] [--single OUT.csv | --published] FILE [DIR]
 * export --format xlsx [--force] FILE OUT.xlsx
 * export --format txt [--force] FILE OUT.txt
 * export --format charts [--force] FILE DIR
 * export --format pdf|html [--force] FILE OUT */
int
jue_cli_export (int    argc,
                char **argv)
{
  const char *format = "csv", *single = NULL;
  gboolean published = FALSE;
  const char *positional[2] = { NULL, NULL };
  guint n_positional = 0;
  gboolean force = FALSE, ok;
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (GError) error = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--force") == 0)
        force = TRUE;
      else if (strcmp (argv[i], "--format") == 0 && i + 1 < argc)
        format = argv[++i];
      else if (g_str_has_prefix (argv[i], "--format="))
        format = argv[i] + strlen ("--format=");
      else if (strcmp (argv[i], "--single") == 0 && i + 1 < argc)
        single = argv[++i];
      else if (strcmp (argv[i], "--published") == 0)
        published = TRUE;
      else if (argv[i][0] != '-' && n_positional < 2)
        positional[n_positional++] = argv[i];
      else
        return jue_cli_usage (argv[0]);
    }
  if (strcmp (format, "csv") != 0 && strcmp (format, "xlsx") != 0
      && strcmp (format, "txt") != 0 && strcmp (format, "charts") != 0
      && strcmp (format, "pdf") != 0 && strcmp (format, "html") != 0)
    {
      jue_cli_error (_("unsupported export format “%s”; the formats are csv, xlsx, txt, charts, pdf and html"), format);
      return JUE_EXIT_FILE;
    }
  if (n_positional != (single ? 1u : 2u) || (single && strcmp (format, "csv") != 0)
      || (published && (single || strcmp (format, "csv") != 0)))
    return jue_cli_usage (argv[0]);

  /* one file out (a workbook, the document, one CSV): its folder must be
   * there, and the name not a folder's.  Said plainly here, before the
   * writers say “error while writing to output stream” (cairo) or
   * “Usually a permissions error” (libxlsxwriter, after its own [ERROR]
   * line), or advise --force to replace a folder. */
  if (single || (!published && strcmp (format, "csv") != 0 && strcmp (format, "charts") != 0))
    {
      const char *target = single ? single : positional[1];
      g_autofree char *folder = g_path_get_dirname (target);

      if (g_file_test (target, G_FILE_TEST_IS_DIR))
        {
          jue_cli_error (_("%s is a folder: give the name of the file to write in it"), target);
          return JUE_EXIT_REFUSED;
        }
      if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
        {
          jue_cli_error (_("Cannot write %s: there is no folder %s"), target, folder);
          return JUE_EXIT_REFUSED;
        }
    }
  doc = jue_cli_open (positional[0], TRUE);
  if (doc == NULL)
    return jue_cli_open_status ();
  if (strcmp (format, "xlsx") == 0)
    ok = jue_export_xlsx_document (doc, positional[1], force, &error);
  else if (published)
    ok = jue_export_published_dir (doc, positional[1], force, &error);
  else if (strcmp (format, "txt") == 0)
    ok = jue_export_text_document (doc, positional[1], force, &error);
  else if (strcmp (format, "charts") == 0)
    ok = jue_export_charts_document (doc, positional[1], force, &error);
  else if (strcmp (format, "pdf") == 0)
    ok = jue_export_pdf_document (doc, positional[1], force, &error);
  else if (strcmp (format, "html") == 0)
    ok = jue_export_html_document (doc, positional[1], force, &error);
  else
    ok = single ? jue_export_csv_single (doc, single, force, &error)
                : jue_export_csv_dir (doc, positional[1], force, &error);
  if (!ok)
    {
      jue_cli_error ("%s", error->message);
      if (g_error_matches (error, JUE_ERROR, JUE_ERROR_EXISTS))
        jue_cli_error ("%s", _("use --force to replace the files of an earlier export"));
      return JUE_EXIT_REFUSED;
    }
  return JUE_EXIT_OK;
}

static void
print_unreadable (const char        *path,
                  const JueFieldRef *ref,
                  gpointer           user_data)
{
  g_autofree char *why = jue_field_unreadable_message (ref, path);

  g_printerr ("  %s\n", why ? why : path);
}

/* An amount the files give that cannot be read (1..37) is brought in as
 * it was typed, marked, as the application keeps one (docs/csv-format.md);
 * the import says so, naming each, rather than pass it in silence. */
static void
say_unreadable (const char      *file,
                const JueReport *report)
{
  guint n = jue_report_count_unreadable (report);

  if (n == 0)
    return;
  g_printerr (g_dngettext (GETTEXT_PACKAGE,
                           /* TRANSLATORS: the new report file, how many values */
                           "%s: %u value cannot be read; it is kept as typed and marked "
                           "(E-UNREADABLE) until it is corrected:\n",
                           "%s: %u values cannot be read; they are kept as typed and marked "
                           "(E-UNREADABLE) until they are corrected:\n", n), file, n);
  jue_report_foreach_unreadable (report, print_unreadable, NULL);
}

/* import DIR-or-FILE.csv NEW.juesuan; workbooks: cli-workbook.c */
int
jue_cli_import (int    argc,
                char **argv)
{
  g_autoptr (JueImport) import = NULL;
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (GError) error = NULL;

  if ((argc == 4 && strcmp (argv[1], "--into") == 0)
      || (argc == 3 && (jue_cli_is_workbook (argv[1]) || jue_cli_is_published_dir (argv[1]))))
    return jue_cli_import_workbook (argc, argv);
  if (argc != 3)
    return jue_cli_usage (argv[0]);
  if (g_file_test (argv[2], G_FILE_TEST_EXISTS))
    {
      jue_cli_error (_("%s already exists; the import creates a new report file"), argv[2]);
      return JUE_EXIT_REFUSED;
    }
  import = jue_import_csv (argv[1], &error);
  if (import == NULL)
    {
      jue_cli_error ("%s", error->message);
      return JUE_EXIT_REFUSED;
    }
  doc = jue_import_create_document (import, argv[2], &error);
  if (doc == NULL)
    {
      jue_cli_error ("%s", error->message);
      return JUE_EXIT_REFUSED;
    }
  say_unreadable (argv[2], jue_document_get_report (doc));
  return JUE_EXIT_OK;
}
