/* jue-form-table.h — a tabular list (functional rows, indicator rows, fund
 * rows) as a grid where every cell is an editable entry, with the row's
 * computed values in read-only columns. */
#pragma once

#include <adwaita.h>

#include "jue-session.h"

G_BEGIN_DECLS

#define JUE_TYPE_FORM_TABLE (jue_form_table_get_type ())
G_DECLARE_FINAL_TYPE (JueFormTable, jue_form_table, JUE, FORM_TABLE, GtkWidget)

GtkWidget *jue_form_table_new      (JueSession        *session,
                                    const char        *list_path,
                                    const JueFieldDef *list_def);
/* TRUE for the element records shown as tables. */
gboolean   jue_form_is_tabular     (const JueRecordDef *element);

G_END_DECLS

G_BEGIN_DECLS
const char *jue_form_table_get_list_path (JueFormTable *self);
/* A line of text under the table's title (what the page wants said about
 * the whole table). */
void        jue_form_table_add_note      (JueFormTable *self,
                                          GtkWidget    *note);
G_END_DECLS
