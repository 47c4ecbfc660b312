/* cli-workbook.c — import from a workbook (.xlsx, .xls): a new report, or
 * the tables' figures of an existing one replaced. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "jue-checks.h"
#include "jue-cli.h"
#include "jue-render.h"
#include "jue-workbook-import.h"

gboolean
jue_cli_is_workbook (const char *filename)
{
  guint8 magic[8] = { 0 };
  FILE *f;
  size_t got;

  g_autofree char *lower = g_utf8_strdown (filename, -1);

  /* named as a workbook: read as one, whatever it holds (a CSV or a web
   * page saved as 报表.xls is then told it is not a workbook, not that its
   * first line is not a CSV table's title) */
  if (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xls"))
    return TRUE;
  if (!g_file_test (filename, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  f = fopen (filename, "rb");
  if (f == NULL)
    return FALSE;
  got = fread (magic, 1, sizeof magic, f);
  fclose (f);
  return (got >= 4 && memcmp (magic, "PK\003\004", 4) == 0)
         || (got == 8 && memcmp (magic, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0);
}

/* A folder of the published tables as CSV (export --published): CSV files,
 * but not the full export's (its 10_部门概况.csv). */
gboolean
jue_cli_is_published_dir (const char *path)
{
  g_autoptr (GDir) d = NULL;
  g_autofree char *profile = NULL;
  const char *entry;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return FALSE;
  profile = g_build_filename (path, "10_部门概况.csv", NULL);
  if (g_file_test (profile, G_FILE_TEST_EXISTS))
    return FALSE;
  d = g_dir_open (path, 0, NULL);
  while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (entry, ".csv"))
      return TRUE;
  return FALSE;
}

static void
print_found (const JueWbImport *import)
{
  for (guint i = 0; i < jue_wb_import_n_tables (import); i++)
    {
      g_autofree char *line = jue_wb_import_describe (import, i);

      printf ("%s\n", line);
    }
}

/* import WORKBOOK NEW.juesuan | import --into EXISTING.juesuan WORKBOOK */
int
jue_cli_import_workbook (int    argc,
                         char **argv)
{
  g_autoptr (JueWbImport) import = NULL;
  g_autoptr (GError) error = NULL;

  if (argc == 4 && strcmp (argv[1], "--into") == 0)
    {
      int status = JUE_EXIT_OK;
      g_autoptr (JueDocument) doc = jue_cli_open_for_edit (argv[2], &status);

      if (doc == NULL)
        return status;
      import = jue_wb_import_file (argv[3],
                                   jue_render_report_template (jue_document_get_report (doc),
                                                               NULL),
                                   !jue_report_prints_zero (jue_document_get_report (doc)),
                                   &error);
      if (import == NULL)
        {
          /* the workbook cannot be read: refused as in a new import (1),
           * not 2, which says the report cannot be opened */
          jue_cli_error ("%s", error->message);
          jue_cli_error ("%s", _("Nothing was changed."));
          return JUE_EXIT_REFUSED;
        }
      if (!jue_wb_import_into_document (import, doc, &error))
        {
          jue_cli_error ("%s", error->message);
          jue_cli_error ("%s", _("Nothing was changed."));
          return jue_cli_exit_for (error);
        }
      print_found (import);
      return JUE_EXIT_OK;
    }
  if (argc == 3)
    {
      g_autoptr (JueReport) report = NULL;
      g_autoptr (JueDocument) doc = NULL;

      if (g_file_test (argv[2], G_FILE_TEST_EXISTS))
        {
          jue_cli_error (_("%s already exists; the import creates a new report file "
                           "(use --into to replace the tables of an existing one)"), argv[2]);
          return JUE_EXIT_REFUSED;
        }
      import = jue_wb_import_file (argv[1], NULL, FALSE, &error);
      if (import != NULL)
        report = jue_wb_import_new_report (import, &error);
      if (report != NULL)
        doc = jue_document_create (argv[2], report, &error);
      if (doc == NULL)
        {
          jue_cli_error ("%s", error->message);
          return JUE_EXIT_REFUSED;
        }
      print_found (import);
      return JUE_EXIT_OK;
    }
  return jue_cli_usage (argv[0]);
}
