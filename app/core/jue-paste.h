/* jue-paste.h — cells copied from a spreadsheet, pasted into a list.
 *
 * Excel, WPS and LibreOffice Calc put a copied range on the clipboard as
 * text: the cells of a row separated by TAB, rows ended by CRLF (or LF, or
 * CR), a cell holding a TAB, a line break or a quote written in double
 * quotes with "" for a quote, and a line end after the last row.  One
 * copied cell is its text and a line end.
 *
 * jue_paste_parse reads that text into a block of rows × columns;
 * jue_paste_apply writes a block into a list of the report (a table) from
 * a row and column on, adding rows as needed, each cell read as if typed,
 * all of it or nothing, as one undo step.  The GUI's tables use it, and so
 * will any other table editor. */
#pragma once

#include "jue-document.h"
#include "jue-render.h"

G_BEGIN_DECLS

typedef struct _JuePasteBlock JuePasteBlock;

/* Never fails: any text is a block (at least 1 × 1). */
JuePasteBlock *jue_paste_parse        (const char *text);
void           jue_paste_block_free   (JuePasteBlock *block);
guint          jue_paste_block_rows   (const JuePasteBlock *block);
/* The widest row's width (shorter rows are blank to the right). */
guint          jue_paste_block_columns (const JuePasteBlock *block);
/* "" outside a shorter row. */
const char    *jue_paste_block_cell   (const JuePasteBlock *block,
                                       guint                row,
                                       guint                column);
/* One cell: what a one-line field takes (its text, without the line end
 * a spreadsheet adds). */
gboolean       jue_paste_block_is_single (const JuePasteBlock *block);

/* Writes block into the list at list_path ("functional",
 * "special_funds[2].indicators"), its top left cell at row (0-based; the
 * list's length or more adds rows) and column (the index of a field of the
 * list's rows, in the order of jue-report.h, which is the order the tables
 * show).  Rows are added at the end as needed.  Every cell is read as if
 * typed into its field; if one cannot be, or the block is wider than the
 * columns from column on, nothing changes and the error names the cell
 * (row number as the table shows it, column title).  On success it is one
 * undo step and *n_added (may be NULL) gets the number of rows added. */
gboolean       jue_paste_apply        (JueDocument         *document,
                                       const char          *list_path,
                                       guint                row,
                                       guint                column,
                                       const JuePasteBlock *block,
                                       guint               *n_added,
                                       GError             **error);

/* Writes block onto a published table as the renderer laid it out
 * (jue_render_table of the document's report), its top left cell at body
 * row row and column column (jue-paste-table.c):
 * - a block with codes where the table's code column is (a published
 *   table copied from Excel/WPS with its code column, 合计/类/款 rows and
 *   header rows, or some of its rows): each 项 row lands on the row with
 *   its code (else on a row typed without a code with its 项 and 款 names,
 *   which gets the code; else a new row in code order, named from the
 *   classification or as pasted — on a table of several lists, 表5, in
 *   the list its 款 or 类 decides, see decide_list and docs/templates.md
 *   "Paste"; row is not used); header and title rows are passed over;
 * - an economic table (表7, 表8) copied with its code column(s): each 款
 *   row, and each 类 row without 款 rows, lands on the economic row with
 *   its code (else a new one in code order, named from the economic
 *   classification in force); a 类 over 款 rows and each block's total
 *   line (人员经费合计) are checked; a blank block total takes the pasted
 *   one (paste_economic);
 * - a block whose first column holds codes (a code with a name beside it,
 *   or a 合计 row) is one of these whichever cell it is pasted on;
 * - else each cell lands on the cell under it: a typed cell is written as
 *   if typed, a computed one is not;
 * and every 合计, 类 and 款 row of the block (and every computed cell a
 * figure was pasted onto) is compared with what the result computes, 0.01
 * 万元 allowed for rounding.  Amounts are 万元 (or typed with 元).  Any
 * cell that cannot be read, a mismatch, a block wider than the table:
 * nothing is stored and the message names the row (code and name), the
 * column header and both figures.  One transaction, one undo step; *n_added
 * (may be NULL) gets the number of rows added. */
gboolean       jue_paste_apply_table  (JueDocument            *document,
                                       const JueRenderedTable *table,
                                       guint                   row,
                                       guint                   column,
                                       const JuePasteBlock    *block,
                                       guint                  *n_added,
                                       GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JuePasteBlock, jue_paste_block_free)

/* The list of table t a new 项 with code goes to: t's list, or on a table
 * printing several budgets' lists (表5) the one its 款 or 类 decides, by the
 * rule a paste follows (decide_list, docs/templates.md "Paste"); NULL, with
 * error saying why, when it cannot be told.  Add a Row by Code… uses it. */
char          *jue_paste_list_for_code (JueReport              *report,
                                        const JueRenderedTable *t,
                                        const char             *code,
                                        GError                **error);

G_END_DECLS
