/* jue-export-doc.c — the document's files (jue-export-doc.h). */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jue-chart-data.h"
#include "jue-chart-draw.h"
#include "jue-export-doc.h"

gboolean
jue_export_charts (JueReport   *report,
                   GPtrArray   *classification,
                   const char  *dir,
                   gboolean     force,
                   GError     **error)
{
  g_autoptr (GPtrArray) charts = jue_charts_new (report, NULL, classification);
  static const char * const exts[] = { ".png", ".svg" };

  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      int e = errno;
      g_set_error (error, JUE_ERROR, JUE_ERROR_IO, _("%s cannot be created: %s"), dir,
                   g_strerror (e));
      return FALSE;
    }
  for (guint i = 0; !force && i < charts->len; i++)
    for (guint k = 0; k < G_N_ELEMENTS (exts); k++)
      {
        g_autofree char *stem = jue_chart_file_stem (charts->pdata[i]);
        g_autofree char *name = g_strconcat (stem, exts[k], NULL);
        g_autofree char *path = g_build_filename (dir, name, NULL);

        if (g_file_test (path, G_FILE_TEST_EXISTS))
          {
            g_set_error (error, JUE_ERROR, JUE_ERROR_EXISTS,
                         _("%s already exists; nothing was exported"), path);
            return FALSE;
          }
      }
  for (guint i = 0; i < charts->len; i++)
    {
      g_autofree char *stem = jue_chart_file_stem (charts->pdata[i]);
      g_autofree char *png = g_strconcat (stem, ".png", NULL);
      g_autofree char *svg = g_strconcat (stem, ".svg", NULL);
      g_autofree char *png_path = g_build_filename (dir, png, NULL);
      g_autofree char *svg_path = g_build_filename (dir, svg, NULL);

      if (!jue_chart_write_png (charts->pdata[i], png_path, 2.0, error)
          || !jue_chart_write_svg (charts->pdata[i], svg_path, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
jue_export_charts_document (JueDocument *document,
                            const char  *dir,
                            gboolean     force,
                            GError     **error)
{
  return jue_export_charts (jue_document_get_report (document),
                            jue_document_get_classification (document),
                            dir, force, error);
}
