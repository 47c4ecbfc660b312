/* jue-field-private.h — shared by jue-field.c (values, commits, marks)
 * and jue-field-widgets.c (the rows and cells a field is shown in). */
#pragma once

#include "jue-field.h"

G_BEGIN_DECLS

struct _JueField {
  JueSession         *session;
  char               *path;
  const JueFieldDef  *def;
  GtkWidget          *widget;     /* the row or cell: carries the marks */
  GtkEditable        *editable;   /* one-line entry, or NULL */
  GtkTextBuffer      *buffer;     /* multi-line text, or NULL */
  GtkWidget          *text_view;
  GtkWidget          *selector;   /* AdwComboRow or GtkDropDown (closed choices) */
  GtkWidget          *mark;       /* GtkImage beside a row's value */
  GtkEntry           *entry;      /* a cell: marks go into its primary icon */
  GtkWidget          *popover;    /* value list of an open choice cell */
  GtkWidget          *cover;      /* a wrapped cell's text, on more lines */
  GtkWidget          *error_label;   /* the parse error, as text: in a row */
  GtkWidget          *error_holder;  /* under a form row, or a popover at a cell */
  GtkEventController *focus;
  char               *parse_error;
  JueMarkLevel        shown_level;    /* the mark as shown, to touch the */
  char               *shown_message;  /* widgets only when it changes */
  guint               commit_id;  /* a commit waiting for the end of a change */
  guint               updating : 1;
  guint               committing : 1;
  guint               too_long : 1;   /* more than a one-line entry holds: not editable */
  GtkWidget          *carried;    /* “carried over from last year” + Confirm, or NULL */
};

JueField *jue_field_attach (JueSession        *session,
                                  const char        *path,
                                  const JueFieldDef *def,
                                  GtkWidget         *widget);
/* Loads the stored value, then starts listening, so loading is no edit. */
void      jue_field_start  (JueField          *self);
void      jue_field_activate_next (GtkWidget *widget,
                                      JueField  *self);
void      jue_field_label_accessible (GtkWidget  *widget,
                                      const char *label);
void      jue_field_disable_local_undo (GtkEditable *editable);
/* Shows the parse error as text next to the field, or hides it. */
void      jue_field_show_parse_error (JueField *self);
/* Keeps a wrapped cell's text clear of the entry's mark icon. */
void      jue_field_sync_cover (JueField *self);
/* Gives a one-line text row its “carried over from last year” note. */
void      jue_field_ensure_carried_note (JueField *self);

G_END_DECLS
