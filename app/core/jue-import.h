/* jue-import.h — rebuilding a report from the CSV files of jue-export.h.
 *
 * The import reads every file the export writes (a folder, or the single
 * file of jue_export_csv_single()), checks each header, row label and cell,
 * and builds the report in memory; the first problem refuses the whole
 * import with a message naming the file, line and column.  Computed
 * columns are ignored (they are recomputed); a figure printed in several
 * tables is read from the first and must agree in the others.  Text cells
 * lose exactly the one leading ' of the formula guard.
 *
 * export → import gives a report equal to the original (jue_report_equal),
 * with the same explanations and classification tables (the economic one
 * read from file 18 when there is one), so export → import
 * → export is byte-identical.
 *
 * For the GUI: jue_import_csv() on what the user picked, then
 * jue_import_create_document() with the new file's name.
 */
#pragma once

#include <glib.h>

#include "jue-document.h"

G_BEGIN_DECLS

typedef struct {
  JueReport *report;
  GPtrArray *explanations;    /* JueExplanation (rule, path, text) */
  GPtrArray *classification;  /* JueClassEntry; NULL when none was loaded */
  GPtrArray *economic;        /* the economic classification (file 18), the same */
} JueImport;

void        jue_import_free            (JueImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JueImport, jue_import_free)

/* A folder written by jue_export_csv_dir(). */
JueImport  *jue_import_csv_dir         (const char *dir,
                                        GError    **error);
/* One file written by jue_export_csv_single(). */
JueImport  *jue_import_csv_single      (const char *filename,
                                        GError    **error);
/* The data of such a file; origin names it in messages. */
JueImport  *jue_import_csv_single_data (const char *data,
                                        gsize       len,
                                        const char *origin,
                                        GError    **error);
/* A folder or a single file, whichever path is. */
JueImport  *jue_import_csv             (const char *path,
                                        GError    **error);

/* Creates filename (which must not exist) holding the imported report,
 * its explanations and classification tables.  On failure no file is left. */
JueDocument *jue_import_create_document (JueImport  *import,
                                         const char *filename,
                                         GError    **error);

G_END_DECLS
