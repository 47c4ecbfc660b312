/* jue-application.h — the application: windows, command line, about. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JUE_TYPE_APPLICATION (jue_application_get_type ())
G_DECLARE_FINAL_TYPE (JueApplication, jue_application, JUE, APPLICATION, AdwApplication)

JueApplication *jue_application_new (void);

/* Quick exit (the program sets it; tests and sanitizer builds do not):
 * once the last window is closing and every edit is in its file, the
 * process ends without taking the widgets apart one by one. */
void jue_application_set_quick_exit (JueApplication *self,
                                     gboolean        quick);
/* Ends the process now if quick exit is on and window is the last report
 * window: what was typed is committed, the file closed, settings written. */
void jue_application_exit_if_last   (GtkApplication *app,
                                     GtkWindow      *window);

G_END_DECLS
