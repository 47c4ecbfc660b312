/* jue-report-page.h — the Report page: the document as it will print,
 * Parts 1 to 4 (the text written from the figures, the charts, the typed
 * texts of the attachments), kept up to date while the report is edited.
 * Each section has Copy (its text to the clipboard); each figure in the
 * text is a link to the field it comes from. */
#pragma once

#include <adwaita.h>

#include "jue-session.h"

G_BEGIN_DECLS

#define JUE_TYPE_REPORT_PAGE (jue_report_page_get_type ())
G_DECLARE_FINAL_TYPE (JueReportPage, jue_report_page, JUE, REPORT_PAGE, GtkWidget)

GtkWidget  *jue_report_page_new            (JueSession    *session);

/* For tests and measurements: runs an update that is waiting (the page
 * waits until typing pauses, and until it is shown); the time the last
 * update took, in ms; how many sections it wrote again (the others were
 * left as they were). */
void        jue_report_page_update_now     (JueReportPage *self);
gboolean    jue_report_page_is_pending     (JueReportPage *self);
double      jue_report_page_get_update_ms  (JueReportPage *self);
guint       jue_report_page_get_n_rewritten (JueReportPage *self);
/* The text of a section as Copy copies it ("s1", "p3.glossary",
 * "attachment-1.0"), or NULL; its label and Copy button (made, with the
 * blocks above it, if the page has not been scrolled that far yet). */
const char *jue_report_page_get_text       (JueReportPage *self,
                                            const char    *id);
GtkWidget  *jue_report_page_get_label      (JueReportPage *self,
                                            const char    *id);
GtkWidget  *jue_report_page_get_copy_button (JueReportPage *self,
                                             const char    *id);

G_END_DECLS
