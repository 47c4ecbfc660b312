/* jue-application.h — the application: windows, command line, about. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JUE_TYPE_APPLICATION (jue_application_get_type ())
G_DECLARE_FINAL_TYPE (JueApplication, jue_application, JUE, APPLICATION, AdwApplication)

JueApplication *jue_application_new (void);

G_END_DECLS
