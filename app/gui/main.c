/* juesuan — the GTK application.  `juesuan FILE` opens a report. */
#include "config.h"

#include "jue-application.h"
#include "jue-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (JueApplication) app = NULL;

  jue_i18n_init ();
  app = jue_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
