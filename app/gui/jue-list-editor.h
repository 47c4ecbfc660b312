/* jue-list-editor.h — a list of records edited in place: its title, how
 * many rows it has, the banner of the findings on the list as a whole, an
 * Add button, and each row with its actions (Insert Row Above, Move Up,
 * Move Down, Remove Row; Open for a record with a page of its own).
 *
 * A list of figures (functional rows, indicators, fund rows, accounts and
 * economic rows) is a table typed into as a spreadsheet is: the same
 * table editor (jue-table-editor.h) as the published tables, with the
 * same keys, click, Escape, paste and rows built as they come into view.
 * Other lists (offices, tasks, glossary entries, report sections, special
 * funds) are a form per row, or a row per record when a record shows one
 * field. */
#pragma once

#include <adwaita.h>

#include "jue-session.h"

G_BEGIN_DECLS

#define JUE_TYPE_LIST_EDITOR (jue_list_editor_get_type ())
G_DECLARE_FINAL_TYPE (JueListEditor, jue_list_editor, JUE, LIST_EDITOR, GtkWidget)

/* summary_field: when not NULL, each row shows only that field and a
 * button that opens the row's own section (special funds). */
GtkWidget  *jue_list_editor_new           (JueSession        *session,
                                           const char        *list_path,
                                           const JueFieldDef *list_def,
                                           const char        *summary_field);
/* TRUE for the element records shown as tables. */
gboolean    jue_list_is_tabular           (const JueRecordDef *element);
const char *jue_list_editor_get_list_path (JueListEditor *self);
/* The table the rows are typed into, or NULL for a list of forms. */
GtkWidget  *jue_list_editor_get_table     (JueListEditor *self);
/* A line under the list's title (what the page wants said about the
 * whole list). */
void        jue_list_editor_add_note      (JueListEditor *self,
                                           GtkWidget     *note);

G_END_DECLS
