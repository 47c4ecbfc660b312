/* jue-export-text.c — the document's text as a file (jue-export-text.h). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jue-export-text.h"
#include "jue-narrative.h"

gboolean
jue_export_text (JueReport   *report,
                 GPtrArray   *classification,
                 const char  *filename,
                 gboolean     force,
                 GError     **error)
{
  g_autoptr (JueNarrative) n = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) local = NULL;

  if (!force && g_file_test (filename, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_EXISTS,
                   _("%s already exists; nothing was exported"), filename);
      return FALSE;
    }
  n = jue_narrative_new (report, NULL, classification);
  text = jue_narrative_to_text (n);
  /* g_file_set_contents writes a temporary file and renames it */
  if (!g_file_set_contents (filename, text, -1, &local))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
jue_export_text_document (JueDocument *document,
                          const char  *filename,
                          gboolean     force,
                          GError     **error)
{
  return jue_export_text (jue_document_get_report (document),
                          jue_document_get_classification (document),
                          filename, force, error);
}
