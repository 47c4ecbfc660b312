/* jue-lazy-rows.h — the rows of a long grid built as they are wanted
 * (issue 14): the first screenful at once, the rest when scrolled near,
 * moved into or asked for by path; until then a spacer of their estimated
 * height keeps the page's length and its scroll bar honest.  One copy for
 * the table editor (jue-table-editor.c), for the published tables
 * and the lists.  Not a widget: a helper its owner feeds. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _JueLazyRows JueLazyRows;

/* Builds the owner's rows up to (not including) upto; the owner then
 * calls jue_lazy_rows_built. */
typedef void (*JueLazyBuildFunc) (GtkWidget *owner,
                                  guint      upto);

/* The window's focus moved (to focus, or NULL), while the owner is mapped. */
typedef void (*JueLazyFocusFunc) (GtkWidget *owner,
                                  GtkWidget *focus);

JueLazyRows *jue_lazy_rows_new          (GtkWidget        *owner,
                                         GtkGrid          *grid,
                                         JueLazyBuildFunc  build);
void         jue_lazy_rows_free         (JueLazyRows      *self);
void         jue_lazy_rows_set_focus_func (JueLazyRows    *self,
                                         JueLazyFocusFunc  focus_moved);

/* From the owner's map and unmap: follows the page's scrolling (and the
 * window's focus) while mapped. */
void         jue_lazy_rows_map          (JueLazyRows      *self);
void         jue_lazy_rows_unmap        (JueLazyRows      *self);

/* Before rows are added: the spacer out of the way (kept = FALSE when the
 * grid was emptied, and the spacer with it). */
void         jue_lazy_rows_take_spacer  (JueLazyRows      *self,
                                         gboolean          kept);
/* After rows are added: built of n_rows are; the spacer for the rest goes
 * in grid row at, across columns; sample is a built cell, measured once
 * for a row's height. */
void         jue_lazy_rows_built        (JueLazyRows      *self,
                                         guint             built,
                                         guint             n_rows,
                                         int               at,
                                         int               columns,
                                         GtkWidget        *sample);
/* Rows not built yet (a spacer stands for them). */
gboolean     jue_lazy_rows_pending      (JueLazyRows      *self);
guint        jue_lazy_rows_get_built    (JueLazyRows      *self);
/* Looks, after the next layout, whether more rows are near. */
void         jue_lazy_rows_check_near   (JueLazyRows      *self);

G_END_DECLS
