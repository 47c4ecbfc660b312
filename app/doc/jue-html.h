/* jue-html.h — the published document as one self-contained HTML file:
 * the same Parts in the same order as the PDF, charts inlined as SVG,
 * tables as HTML tables (header rows repeated in print), CSS for print
 * (A4), so a department can publish it as it is and Word or WPS open it.
 */
#pragma once

#include <glib.h>

#include "jue-document.h"

G_BEGIN_DECLS

gboolean    jue_export_html          (JueReport   *report,
                                      GHashTable  *explanations,
                                      GPtrArray   *classification,
                                      const char  *filename,
                                      gboolean     force,
                                      GError     **error);
gboolean    jue_export_html_document (JueDocument *document,
                                      const char  *filename,
                                      gboolean     force,
                                      GError     **error);
/* The HTML as a string. */
char       *jue_html_document        (JueReport   *report,
                                      GHashTable  *explanations,
                                      GPtrArray   *classification);

G_END_DECLS
