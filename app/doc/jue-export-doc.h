/* jue-export-doc.h — the generated document as files: the charts (PNG and
 * SVG), and later the whole document (PDF, HTML).
 */
#pragma once

#include <glib.h>

#include "jue-document.h"

G_BEGIN_DECLS

/* Writes each chart Part 2 refers to into dir (created when missing) as
 * 图N_TITLE.png (2 × 96 dpi) and .svg.  Unless force, refuses
 * (JUE_ERROR_EXISTS) when one of the files exists, writing nothing. */
gboolean    jue_export_charts          (JueReport   *report,
                                        GPtrArray   *classification,
                                        const char  *dir,
                                        gboolean     force,
                                        GError     **error);
gboolean    jue_export_charts_document (JueDocument *document,
                                        const char  *dir,
                                        gboolean     force,
                                        GError     **error);

G_END_DECLS
