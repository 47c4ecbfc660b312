/* jue-table-editor-private.h — shared by jue-table-editor.c (the table as
 * printed: cells, rows built as they are wanted, updates in place) and
 * jue-table-editor-edit.c (what a user does on it: the spreadsheet keys,
 * Escape, paste, a row added by its code, the empty mark). */
#pragma once

#include "jue-field.h"
#include "jue-lazy-rows.h"
#include "jue-table-editor.h"

G_BEGIN_DECLS

/* Rows built at a time as the table is scrolled or moved through */
#define JUE_TABLE_MORE_ROWS 20

typedef struct {
  JueTableEditor *self;
  char           *list;
} Builder;

struct _JueTableEditor {
  GtkWidget          parent_instance;

  GtkWidget         *number;
  GtkWidget         *title;
  GtkWidget         *unit_name;
  GtkWidget         *unit;
  GtkWidget         *provisional;
  GtkWidget         *grid;
  GtkWidget         *note;
  GtkWidget         *add_button;
  GtkWidget         *add_popover;
  GtkWidget         *add_entry;
  GtkWidget         *add_matches;
  GtkWidget         *add_message;
  GtkWidget         *empty_button;
  GtkWidget         *empty_bar;
  GtkWidget         *empty_label;
  GtkWidget         *unmark_button;

  JueSession        *session;
  guint              index;
  JueRenderedTable  *table;
  GPtrArray         *cells;      /* GtkWidget* (borrowed) of the rows built,
                                    row-major, NULL where none */
  guint              built;
  JueLazyRows       *lazy;       /* the rows not built yet */
  int               *widths;     /* pixels per column */
  GPtrArray         *builders;   /* Builder*, registered with the session */


  /* a list of records (jue-table-editor-list.c), not a template's table:
   * list_path is NULL for a published table */
  char              *list_path;
  const JueFieldDef *list_def;
  GPtrArray         *computed;        /* the computed columns' names */
  GHashTable        *rule_columns;    /* rule id → GStrv of the columns it reads */
  GStrv              marked_columns;  /* outlined for a finding on the list */
  JueMarkLevel       marked_level;
  struct _JueListWidth *list_widths;  /* per rendered column */
  int                per_char;

  char              *arrived_path;  /* the cell moved into, and its value */
  char              *arrived_text;  /* then (Escape puts it back) */
  guint              pending_rebuild : 1;
  guint              expect_append : 1;   /* a list's next change adds a
                                            row at its end */  /* the rows changed while the
                                              cell typed in left the table */
};

/* jue-table-editor.c */
JueRenderedTable *jue_table_editor_render         (JueTableEditor *self);
guint             jue_table_editor_n_columns      (JueTableEditor *self);
void              jue_table_editor_build_rows     (JueTableEditor *self,
                                                   guint           upto);
JueField         *jue_table_editor_focused_field  (JueTableEditor *self);

/* jue-table-editor-list.c: a list of records as the table */
gboolean          jue_table_editor_is_list        (JueTableEditor *self);
void              jue_table_editor_list_setup     (JueTableEditor    *self,
                                                   const char        *list_path,
                                                   const JueFieldDef *list_def);
JueRenderedTable *jue_table_editor_list_render    (JueTableEditor *self);
void              jue_table_editor_list_widths    (JueTableEditor *self);
void              jue_table_editor_list_header    (JueTableEditor *self);
/* The typed cell of a list's row: the field's widget, sized to its
 * column; *child is what goes in the grid (the cell, or its wrapper). */
GtkWidget        *jue_table_editor_list_cell      (JueTableEditor        *self,
                                                   guint                  row,
                                                   guint                  c,
                                                   const JueRenderedCell *cell,
                                                   GtkWidget            **child);
/* The row's computed cells and its menu, after its typed cells. */
void              jue_table_editor_list_row_end   (JueTableEditor *self,
                                                   guint           row);
/* Outlines, on rows from … upto just built, the columns a finding on the
 * whole list reads. */
void              jue_table_editor_list_mark_rows (JueTableEditor *self,
                                                   guint           from,
                                                   guint           upto);
void              jue_table_editor_list_update_marks (JueTableEditor *self,
                                                   gboolean        rebuilt);
/* Row row's menu was made for another number of rows (Move Down). */
void              jue_table_editor_list_row_count_changed (JueTableEditor *self,
                                                   guint           row);
void              jue_table_editor_list_free      (JueTableEditor *self);

/* jue-table-editor-edit.c */
void              jue_table_editor_update_empty   (JueTableEditor *self);
void              jue_table_editor_on_cell_focus_enter (GtkEventControllerFocus *controller,
                                                        JueTableEditor          *self);
/* A press on a typed cell (capture phase): selects a cell not being edited. */
void              jue_table_editor_on_cell_pressed (GtkGestureClick *gesture,
                                                    int              n_press,
                                                    double           x,
                                                    double           y,
                                                    JueTableEditor  *self);
/* The actions, keys and template callbacks of editing, from class_init
 * and init. */
void              jue_table_editor_class_init_edit (GtkWidgetClass *widget_class);
void              jue_table_editor_init_edit      (JueTableEditor *self);

G_END_DECLS
