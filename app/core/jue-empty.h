/* jue-empty.h — published tables marked empty (本表为空表).
 *
 * A table with no data is still printed, saying it is empty and why.  The
 * one flag for that is a row of empty_tables: empty_tables[N].table names
 * the table by its template key (resources/templates/<id>.ini `key=`: the
 * same table has the same key in every template, and tables printing the
 * same data share one, as Sichuan's 表11 and 表12 share "state_capital"),
 * empty_tables[N].reason says why.  The renderer prints a marked table as
 * its empty_note and the reason, completeness counts it complete, and the
 * check E-EMPTY-TABLE-FIGURES reports a marked table that has figures.
 *
 * Files of schema 4 or older had no flag: a government-fund or
 * state-capital table without figures whose explanation said it was empty
 * (本表无数据 …) counted as complete.  Such a file is read as marked (the
 * explanation as the reason), and its first edit writes the mark
 * (jue-store.c, schema 5), so it means the same before and after.
 */
#pragma once

#include "jue-document.h"
#include "jue-template.h"

G_BEGIN_DECLS

/* The index in empty_tables of the row marking key, or -1. */
gint        jue_report_find_empty_table   (const JueReport *report,
                                           const char      *key);
/* NULL when the table is not marked empty, else its reason ("" when none
 * is given).  Points into the report. */
const char *jue_report_table_empty_reason (const JueReport *report,
                                           const char      *key);

/* A table of tmpl by key, number ("表10", "公开08表") or title; NULL. */
const JueTemplateTable *jue_template_find_table (const JueTemplate *tmpl,
                                                 const char        *name);
/* The key a user's name for a table stands for: a key of any built-in
 * template, or a number or title of tmpl's tables (NULL: the national
 * template).  NULL with a message naming it when no table is called so. */
char       *jue_table_key_resolve         (const JueTemplate *tmpl,
                                           const char        *name,
                                           GError           **error);
/* The tables of tmpl a key marks, by index (empty when none). */
GArray     *jue_template_tables_of_key    (const JueTemplate *tmpl,
                                           const char        *key);

/* Schema ≤ 4: marks the fund tables whose explanation states they are
 * empty and which hold no figure (see above).  Returns how many rows of
 * empty_tables it added. */
guint       jue_report_read_legacy_empty  (JueReport *report);

/* Marks table empty with reason (NULL or "" for none): one undo step, one
 * transaction.  table is resolved with jue_table_key_resolve() against the
 * report's template.  An already marked table gets the new reason.  The
 * table's figures are left as they are.  Nothing changes on error. */
gboolean    jue_document_mark_table_empty   (JueDocument *document,
                                             const char  *table,
                                             const char  *reason,
                                             GError     **error);
/* Takes the mark away (every row marking it); TRUE and nothing written
 * when it was not marked.  One undo step. */
gboolean    jue_document_unmark_table_empty (JueDocument *document,
                                             const char  *table,
                                             GError     **error);

G_END_DECLS
