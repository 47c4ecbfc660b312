/* jue-export.h — the finished report as CSV files (docs/csv-format.md).
 *
 * One file per published table, named and ordered as the published
 * document's tables (01_收入支出决算总表.csv …), then the profile, other
 * matters, glossary, the self-evaluations, the findings with their
 * explanations, the exact amounts and the classification tables: together
 * they hold every field of the report, so jue-import.h can rebuild it.
 * UTF-8 with BOM, CRLF, RFC 4180, amounts in 万元 with 2 decimals, computed
 * columns from jue-computed.h, text guarded against formula injection.
 *
 * For the GUI: call jue_export_csv_dir() or jue_export_csv_single() with
 * force = FALSE first; on JUE_ERROR_EXISTS ask the user (the message names
 * the first existing file) and call again with force = TRUE.
 */
#pragma once

#include <glib.h>

#include "jue-document.h"

G_BEGIN_DECLS

typedef struct {
  char   *name;   /* "01_收入支出决算总表.csv" */
  GBytes *data;
} JueExportFile;

void        jue_export_file_free     (JueExportFile *file);

/* Every file, in order, in memory.  explanations ("rule\x1fpath" → text,
 * as jue_document_get_explanations()), classification and economic (the
 * imported economic classification; JueClassEntry) may be NULL: file 18
 * (the economic classification) is written only for a non-empty economic. */
GPtrArray  *jue_export_csv_files     (JueReport  *report,
                                      GHashTable *explanations,
                                      GPtrArray  *classification,
                                      GPtrArray  *economic);
/* The same tables as one CSV: before each table a row holding only its
 * name (the file name without ".csv"), after it an empty line. */
GBytes     *jue_export_csv_bytes     (JueReport  *report,
                                      GHashTable *explanations,
                                      GPtrArray  *classification,
                                      GPtrArray  *economic);

/* Writes the files into dir (created if missing).  Unless force, refuses
 * (JUE_ERROR_EXISTS, nothing written) when any of them — or any earlier
 * special-fund file (14_专项资金绩效自评_*.csv) or economic classification
 * (18_经济分类科目表.csv) — exists already; with force, overwrites them and
 * removes such earlier files that this export does not write, so the folder
 * imports as exactly this report. */
gboolean    jue_export_csv_dir       (JueDocument *document,
                                      const char  *dir,
                                      gboolean     force,
                                      GError     **error);
/* Writes one CSV file (see jue_export_csv_bytes()); unless force, refuses
 * when it exists. */
gboolean    jue_export_csv_single    (JueDocument *document,
                                      const char  *filename,
                                      gboolean     force,
                                      GError     **error);

G_END_DECLS
