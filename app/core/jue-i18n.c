/* jue-i18n.c — gettext set-up. */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "jue-i18n.h"

static const char *
pick_localedir (void)
{
  const char *env = g_getenv ("JUESUAN_LOCALEDIR");
  g_autofree char *exe = NULL;

  if (env && *env)
    return env;
  /* Running from the build tree: use the .mo files meson built there. */
  exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe && g_str_has_prefix (exe, BUILD_ROOT "/"))
    return SOURCE_LOCALEDIR;
  return LOCALEDIR;
}

void
jue_i18n_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, pick_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
