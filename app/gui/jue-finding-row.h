/* jue-finding-row.h — one finding in the findings list: what is wrong,
 * where, a button to go there, and its explanation (出错说明). */
#pragma once

#include <gtk/gtk.h>

#include "jue-finding-item.h"
#include "jue-session.h"

G_BEGIN_DECLS

#define JUE_TYPE_FINDING_ROW (jue_finding_row_get_type ())
G_DECLARE_FINAL_TYPE (JueFindingRow, jue_finding_row, JUE, FINDING_ROW, GtkListBoxRow)

GtkWidget      *jue_finding_row_new       (JueSession     *session,
                                           JueFindingItem *item);
JueFindingItem *jue_finding_row_get_item  (JueFindingRow  *self);
/* Stores what is typed in the explanation now (instead of after a pause). */
void            jue_finding_row_commit    (JueFindingRow  *self);
GtkWidget      *jue_finding_row_get_explanation_entry (JueFindingRow *self);

G_END_DECLS
