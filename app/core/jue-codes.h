/* jue-codes.h — 项 rows by their code: a new row of a functional or
 * economic list added by its code, named from the classification in force
 * and placed in code order.
 *
 * The lists of functional 项 rows (functional, accounts, gov_fund.rows,
 * state_capital.rows) take a 7-digit 项 code (2060101); the economic rows
 * of the basic-expenditure table (economic) a 3-digit 类 or 5-digit 款 code
 * (301, 30101).  The names come from the classification: the one given,
 * else the report's (jue_document_get_classification, or for economic
 * jue_document_get_economic_classification), else the built-in one
 * (functional: resources/gfs-expenditure-functional.csv; economic:
 * resources/gfs-expenditure-economic.csv, both partial).  A functional code
 * the table lacks is still added, its names blank (to be typed); the checks
 * say whether it is a code of the year (W-CLASSIFICATION-CODE,
 * W-ECONOMIC-CODE).  An economic code the table in force lacks is refused
 * when added by its code alone (no names given: not a paste).
 */
#pragma once

#include "jue-document.h"

G_BEGIN_DECLS

/* How many digits a code of list_path has: 7 for the functional lists,
 * 3 or 5 (either) for economic — then *alt_out is 5, else 0.  0 when
 * list_path takes no codes. */
guint        jue_list_code_digits          (const char *list_path,
                                            guint      *alt_out);

/* The built-in economic classification (部门预算支出经济分类, partial: see
 * /work/shared/data/README.md), of JueClassEntry.  Owned by the library. */
GPtrArray   *jue_classification_economic_builtin (void);

/* A text field (name) of a list row of def, "" when blank or not a text
 * field. */
const char  *jue_row_text                  (gconstpointer       record,
                                            const JueRecordDef *def,
                                            const char         *name);

/* Where a row with code goes in list_path's rows: after the last row whose
 * code is smaller (rows without a code are passed over), else before the
 * first coded row, else at the end.  -1 with an error when code is there
 * already (naming its row) or is not a code of the list (naming the digits
 * it needs). */
gint         jue_report_code_position      (JueReport   *report,
                                            const char  *list_path,
                                            const char  *code,
                                            GError     **error);

/* Adds a row with code to list_path (see above), its names from
 * classification (JueClassEntry; NULL: the report's — functional or
 * economic as the list is — else the built-in one); *index_out (may be NULL) gets its index.  One undo step, one
 * transaction; nothing changes on error.  name_hint (may be NULL) fills the
 * 项 (or economic) name when the classification has none. */
gboolean     jue_document_insert_by_code   (JueDocument *document,
                                            const char  *list_path,
                                            const char  *code,
                                            GPtrArray   *classification,
                                            gint        *index_out,
                                            GError     **error);

/* The same inside a group the caller has begun (jue_document_begin_group),
 * for a paste that adds several rows as one step; names not found in the
 * classification come from names (code → name, may be NULL: the 类 and 款
 * rows of a pasted table) or name_hint. */
gint         jue_document_insert_by_code_in_group (JueDocument *document,
                                                   const char  *list_path,
                                                   const char  *code,
                                                   GPtrArray   *classification,
                                                   GHashTable  *names,
                                                   const char  *name_hint,
                                                   GError     **error);

G_END_DECLS
