/* jue-export-published.h — the published tables as CSV, one file per table
 * of the report's template, laid out as printed (docs/csv-format.md,
 * "The published layouts").
 *
 * Each file is the table as jue-render.h lays it out: its number (top
 * right), title, 编制单位 and 单位 rows, the header rows (a merged cell's
 * text in its first cell, the cells it spans empty), then the body rows and
 * the note.  Amounts are numbers in 万元, exact (at least 2 decimals: the
 * published 2 unless the figure is finer); percentages numbers without %;
 * codes bare digits; text guarded as in every Juesuan CSV.  A folder of
 * these files imports back like a workbook (jue-workbook.h reads it as one
 * sheet per file), so export → import gives the same tables' figures.
 */
#pragma once

#include <glib.h>

#include "jue-document.h"

G_BEGIN_DECLS

/* The files ("01_公开01表_收入支出决算总表.csv" …), in template order:
 * JueExportFile (jue-export.h). */
GPtrArray *jue_export_published_files (JueReport *report);

/* Writes them into dir (created if missing); unless force, refuses
 * (JUE_ERROR_EXISTS, nothing written) when one exists already. */
gboolean   jue_export_published_dir   (JueDocument *document,
                                       const char  *dir,
                                       gboolean     force,
                                       GError     **error);

G_END_DECLS
