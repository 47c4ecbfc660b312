/* jue-table-editor.h — one published table of the report's template
 * (jue-render.h), shown as printed and typed into in place.
 *
 * Title, number, 编制单位 and 单位 above; the header rows with their spans;
 * then the body: computed cells (合计, 类 and 款 subtotals, row sums, 行次)
 * as labels, bold where printed bold, never editable; typed cells as field
 * cells (jue-field.h) bound to their paths, so marks, undo, Find and the
 * findings' jump work on them.  A figure typed re-renders the table and
 * the computed cells change in place; the rows are rebuilt only when the
 * set of rows changes.  Rows are built as they come into view.
 *
 * Keys as in a spreadsheet: arrows move between typed cells (Up and Down
 * in the same column, Left and Right when the caret is at the text's
 * start or end), Enter moves down, Tab and Shift+Tab across, a cell
 * arrived at has its text selected (typing replaces it), Escape puts back
 * the value the cell had when it was arrived at. */
#pragma once

#include <adwaita.h>

#include "jue-render.h"
#include "jue-session.h"

G_BEGIN_DECLS

#define JUE_TYPE_TABLE_EDITOR (jue_table_editor_get_type ())
G_DECLARE_FINAL_TYPE (JueTableEditor, jue_table_editor, JUE, TABLE_EDITOR, GtkWidget)

/* Table index of the report's template (jue_render_report_template). */
GtkWidget *jue_table_editor_new      (JueSession *session,
                                      guint       index);
/* A list of records (list_path of list_def's records: functional rows,
 * indicators …) as a table, typed into the same way: a 序号 column, the
 * fields, the computed values, and each row's menu (Insert Row Above,
 * Move Up, Move Down, Remove Row: the list.* actions of the list editor
 * around it, jue-list-editor.h).  Enter in the last row adds a row; a
 * block pasted fills the list from the cell, adding rows. */
GtkWidget *jue_table_editor_new_for_list (JueSession        *session,
                                          const char        *list_path,
                                          const JueFieldDef *list_def);
/* While expect is TRUE, a change of the list that adds one row is a row
 * added at its end (Add Row, Enter in the last row): the rows shown stay
 * as they are and the new one is built after them, rather than the table
 * rebuilt under the cursor. */
void       jue_table_editor_expect_append (JueTableEditor *self,
                                           gboolean        expect);
/* The same in a page of the window: scrolled, with margins. */
GtkWidget *jue_table_page_new        (JueSession *session,
                                      guint       index);

/* The table as last rendered (owned by the editor). */
const JueRenderedTable *jue_table_editor_get_table (JueTableEditor *self);
/* The widget showing body cell (row, col): a label for a computed or
 * fixed cell, a field cell for a typed one; NULL when the row is not
 * built yet or the cell is empty. */
GtkWidget *jue_table_editor_get_cell (JueTableEditor *self,
                                      guint           row,
                                      guint           col);
/* The first body row of kind with code (NULL: any), or -1. */
gint       jue_table_editor_find_row (JueTableEditor  *self,
                                      JueRenderRowKind kind,
                                      const char      *code);
/* Marks the table empty (本表为空表) with reason (NULL or "": none), as
 * the Mark as Empty… dialog does; FALSE (and the error reported) when the
 * document refuses. */
gboolean   jue_table_editor_mark_empty (JueTableEditor *self,
                                        const char     *reason);
/* Adds a 项 (an economic 类 or 款) with code to the table's list, in code
 * order, named from the classification, as Add a Row by Code… does; its
 * first figure is set to 0 (a row whose figures are all blank is not
 * printed) and the cursor put there.  One undo step. */
gboolean   jue_table_editor_add_code  (JueTableEditor *self,
                                       const char     *code,
                                       GError        **error);
/* Builds every row (tests, printing). */
void       jue_table_editor_build_all (JueTableEditor *self);

G_END_DECLS
