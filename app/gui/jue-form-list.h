/* jue-form-list.h — a list of records edited in place (offices, tasks,
 * glossary entries, report sections, special funds): each row's fields,
 * with add, remove and move up / down. */
#pragma once

#include <adwaita.h>

#include "jue-session.h"

G_BEGIN_DECLS

#define JUE_TYPE_FORM_LIST (jue_form_list_get_type ())
G_DECLARE_FINAL_TYPE (JueFormList, jue_form_list, JUE, FORM_LIST, GtkWidget)

/* summary_field: when not NULL, each row shows only that field and a
 * button that opens the row's own section (special funds). */
GtkWidget *jue_form_list_new (JueSession        *session,
                              const char        *list_path,
                              const JueFieldDef *list_def,
                              const char        *summary_field);

G_END_DECLS

G_BEGIN_DECLS
const char *jue_form_list_get_list_path (JueFormList *self);
G_END_DECLS
