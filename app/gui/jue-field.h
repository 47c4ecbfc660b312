/* jue-field.h — the widget for one scalar field of the report.
 *
 * Every field widget commits what is typed as it is typed (a valid value
 * goes to jue_document_set at once; an invalid one is marked and not
 * stored), shows amounts as 万元 with 2 decimals when not focused, carries
 * the marks of the checks, and registers with its session so findings,
 * undo and Ctrl+F can find it by path.  Not a class: each widget is a
 * stock GTK or libadwaita widget with a JueField attached. */
#pragma once

#include <adwaita.h>

#include "jue-session.h"

G_BEGIN_DECLS

/* A row for a form (AdwEntryRow, AdwComboRow or a multi-line text row). */
GtkWidget   *jue_field_row_new        (JueSession        *session,
                                       const char        *path,
                                       const JueFieldDef *def);
/* A compact cell for a table row (GtkEntry or GtkDropDown).  row_label
 * ("Row 3") goes into the accessible name. */
GtkWidget   *jue_field_cell_new       (JueSession        *session,
                                       const char        *path,
                                       const JueFieldDef *def,
                                       const char        *row_label);
/* Shows the text of a one-line cell on up to lines lines while it is not
 * being edited (long names in a narrow column); returns the widget to put
 * in the table in place of cell. */
GtkWidget   *jue_field_cell_wrap      (GtkWidget *cell,
                                       int        lines);

JueField    *jue_field_from_widget    (GtkWidget *widget);
const char  *jue_field_get_path       (JueField  *field);
GtkWidget   *jue_field_get_widget     (JueField  *field);
/* The message of the value typed but refused (NULL when what is shown is
 * what is stored). */
const char  *jue_field_get_parse_error (JueField *field);

/* The label showing the parse error as text (under a form row, or in a
 * popover at a table cell); NULL until there has been one.  Shown only
 * while there is one. */
GtkWidget   *jue_field_get_error_label (JueField *field);

/* A table cell's tooltip, "label: text" (made when shown), or NULL. */
char        *jue_field_dup_cell_tooltip (JueField *field);

/* The message shown by the field's mark icon (its tooltip), or NULL. */
char        *jue_field_dup_mark_message (JueField *field);

/* Stores now what was typed and is waiting for the end of the change. */
void         jue_field_flush          (JueField  *field);

/* Shows the stored value again (after undo, or a change made elsewhere),
 * unless what is typed already means it. */
void         jue_field_refresh        (JueField  *field);
/* Applies the marks of the last check. */
void         jue_field_update_marks   (JueField  *field);
/* Scrolls to the field and puts the cursor in it. */
void         jue_field_focus          (JueField  *field);

/* Shows the findings on a whole list (weights that do not add up) in box,
 * which holds an icon and a label. */
void         jue_list_mark_update     (JueSession *session,
                                       const char *list_path,
                                       GtkWidget  *box,
                                       GtkWidget  *icon,
                                       GtkWidget  *label);

/* Moves keyboard focus to the next field (Enter in a one-line field). */
void         jue_focus_next           (GtkWidget *from);

/* A tooltip made when it is about to be shown: its text is kept on the
 * widget (copied; NULL: none) and handed over on query-tooltip.  Setting
 * a tooltip's text asks the X server where the pointer is, and the
 * sidebar of a ×20 report has hundreds. */
void         jue_widget_set_tooltip_later (GtkWidget  *widget,
                                           const char *text);
const char  *jue_widget_get_tooltip_later (GtkWidget  *widget);

G_END_DECLS
