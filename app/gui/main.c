/* juesuan — the GTK application.  `juesuan FILE` opens a report. */
#include "config.h"

#include "jue-application.h"
#include "jue-i18n.h"

/* Sanitizer builds free every object at the end, so that leak checks keep
 * their meaning; so does JUESUAN_FULL_TEARDOWN=1 (for valgrind). */
#if defined(__SANITIZE_ADDRESS__)
# define FULL_TEARDOWN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#  define FULL_TEARDOWN 1
# endif
#endif
#ifndef FULL_TEARDOWN
# define FULL_TEARDOWN 0
#endif

int
main (int   argc,
      char *argv[])
{
  g_autoptr (JueApplication) app = NULL;

  jue_i18n_init ();
  app = jue_application_new ();
  jue_application_set_quick_exit (app, !FULL_TEARDOWN && g_getenv ("JUESUAN_FULL_TEARDOWN") == NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
