/* jue-code-picker.h — type-ahead for a functional row's code: typing a
 * code or part of a name in the code cell lists matching entries of the
 * classification (政府收支分类科目); choosing one fills the code and the
 * 类/款/项 names.  The cell still takes any text typed freely. */
#pragma once

#include <gtk/gtk.h>

#include "jue-session.h"

G_BEGIN_DECLS

#define JUE_TYPE_CODE_PICKER (jue_code_picker_get_type ())
G_DECLARE_FINAL_TYPE (JueCodePicker, jue_code_picker, JUE, CODE_PICKER, GtkPopover)

/* Attaches a picker to entry, the code cell of row index of list_path. */
void        jue_code_picker_attach   (JueSession  *session,
                                      GtkWidget   *entry,
                                      const char  *list_path,
                                      guint        index);

/* The classification in force for session: the document's imported table,
 * else the built-in one (JueClassEntry*; borrowed). */
GPtrArray  *jue_session_classification (JueSession *session);
/* The economic classification in force: the report's imported one, else
 * the built-in (partial) one.  Owned by the document or the library. */
GPtrArray  *jue_session_economic_classification (JueSession *session);

G_END_DECLS
