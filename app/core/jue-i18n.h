/* jue-i18n.h — gettext set-up shared by juesuan and juesuan-cli. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* setlocale (LC_ALL, "") and binds the "juesuan" domain: to the build
 * tree's translations when the program runs uninstalled from the build
 * directory (or JUESUAN_LOCALEDIR is set), else to the installed ones. */
void jue_i18n_init (void);

G_END_DECLS
