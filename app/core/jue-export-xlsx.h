/* jue-export-xlsx.h — the report as one workbook (.xlsx, libxlsxwriter):
 * one sheet per table of the report's template, in template order, laid
 * out by jue-render.h (title, number, 编制单位, 单位, merged header rows,
 * codes as text, amounts as numbers formatted 0.00), then one sheet per
 * self-evaluation in the CSV export's layout.  Frozen header, widths for
 * Chinese text, A4 landscape with the header rows repeated on each page.
 */
#pragma once

#include <glib.h>

#include "jue-document.h"

G_BEGIN_DECLS

/* Writes the workbook to filename (through a temporary file in the same
 * folder, renamed into place).  Unless force, refuses (JUE_ERROR_EXISTS)
 * when filename exists.  explanations and classification may be NULL. */
gboolean    jue_export_xlsx          (JueReport   *report,
                                      GHashTable  *explanations,
                                      GPtrArray   *classification,
                                      const char  *filename,
                                      gboolean     force,
                                      GError     **error);
/* The same for an open document. */
gboolean    jue_export_xlsx_document (JueDocument *document,
                                      const char  *filename,
                                      gboolean     force,
                                      GError     **error);

G_END_DECLS
