/* jue-export-text.h — Parts 1 to 3 of the published document as plain
 * UTF-8 text (juesuan-cli export --format txt), written by jue-narrative.h.
 */
#pragma once

#include <glib.h>

#include "jue-document.h"

G_BEGIN_DECLS

/* Writes the text to filename (complete or not at all).  Unless force,
 * refuses (JUE_ERROR_EXISTS) when filename exists.  classification may be
 * NULL (the built-in table). */
gboolean    jue_export_text          (JueReport   *report,
                                      GPtrArray   *classification,
                                      const char  *filename,
                                      gboolean     force,
                                      GError     **error);
gboolean    jue_export_text_document (JueDocument *document,
                                      const char  *filename,
                                      gboolean     force,
                                      GError     **error);

G_END_DECLS
