/* jue-form-page.h — the form of one section, generated from the field
 * descriptors of jue-report.h, with the computed values beside. */
#pragma once

#include <adwaita.h>

#include "jue-sections.h"
#include "jue-session.h"

G_BEGIN_DECLS

#define JUE_TYPE_FORM_PAGE (jue_form_page_get_type ())
G_DECLARE_FINAL_TYPE (JueFormPage, jue_form_page, JUE, FORM_PAGE, GtkWidget)

GtkWidget  *jue_form_page_new         (JueSession       *session,
                                       const JueSection *section);
const char *jue_form_page_get_section_id (JueFormPage *self);
/* The line saying which classification table codes are checked against
 * (the functional page's), NULL elsewhere; for tests. */
GtkWidget  *jue_form_page_get_table_label (JueFormPage *self);

/* A short word for a computed value next to a field ("Share", "Change"). */
const char *jue_computed_short_name   (const char *path);

G_END_DECLS
