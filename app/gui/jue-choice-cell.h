/* jue-choice-cell.h — a closed choice in a table cell. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define JUE_TYPE_CHOICE_CELL (jue_choice_cell_get_type ())
G_DECLARE_FINAL_TYPE (JueChoiceCell, jue_choice_cell, JUE, CHOICE_CELL, GtkWidget)

/* A button showing the choice made; its list — none, then values
 * (NULL-terminated; neither is copied: static strings) — is made when it
 * is first opened.  Its "selected" property is the position in that list,
 * as GtkDropDown's (0: none). */
GtkWidget   *jue_choice_cell_new          (const char         *none,
                                           const char * const *values);
guint        jue_choice_cell_get_selected (JueChoiceCell *self);
void         jue_choice_cell_set_selected (JueChoiceCell *self,
                                           guint          position);
/* The list, opened (as a click or Enter on the cell does). */
void         jue_choice_cell_popup        (JueChoiceCell *self);

G_END_DECLS
