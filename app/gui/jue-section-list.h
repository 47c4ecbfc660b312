/* jue-section-list.h — the sidebar: every section of the report with its
 * count of errors and warnings. */
#pragma once

#include <gtk/gtk.h>

#include "jue-sections.h"
#include "jue-session.h"

G_BEGIN_DECLS

#define JUE_TYPE_SECTION_LIST (jue_section_list_get_type ())
G_DECLARE_FINAL_TYPE (JueSectionList, jue_section_list, JUE, SECTION_LIST, GtkWidget)

GtkWidget  *jue_section_list_new            (void);
/* sections is borrowed and must outlive the rows (the window owns it). */
void        jue_section_list_set_sections   (JueSectionList *self,
                                             GPtrArray      *sections);
void        jue_section_list_select         (JueSectionList *self,
                                             const char     *id);
void        jue_section_list_update_counts  (JueSectionList *self,
                                             JueSession     *session);

G_END_DECLS
