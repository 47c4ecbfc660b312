/* jue-findings-page.h — the findings of the checks: errors, warnings and
 * hints with their explanations; activating one goes to its field. */
#pragma once

#include <adwaita.h>

#include "jue-session.h"

G_BEGIN_DECLS

#define JUE_TYPE_FINDINGS_PAGE (jue_findings_page_get_type ())
G_DECLARE_FINAL_TYPE (JueFindingsPage, jue_findings_page, JUE, FINDINGS_PAGE, GtkWidget)

GtkWidget *jue_findings_page_new (JueSession *session);
/* Puts the cursor on the finding of rule at path (back from its field);
 * FALSE when it is no longer listed. */
gboolean   jue_findings_page_focus_finding (JueFindingsPage *self,
                                            const char      *rule,
                                            const char      *path);

G_END_DECLS
