/* jue-frame-hooks.h — hooks for timing the window from outside (bench/run).
 * Documented in README.md; they do nothing unless their variable is set:
 *
 *   JUESUAN_QUIT_AFTER_FIRST_FRAME=1  quit, as Ctrl+Q does, once the window
 *                                     has drawn its first frame (with
 *                                     --section: the first frame showing
 *                                     that section)
 *   JUESUAN_SHOW_EVERY_SECTION=1      then show every section in turn, one
 *                                     drawn frame each, and quit after the
 *                                     last
 */
#pragma once

#include "jue-window.h"

G_BEGIN_DECLS

/* Starts the hooks on window, if one is asked for.  Call once the window
 * shows what is to be timed. */
void jue_frame_hooks_attach (JueWindow *window);

G_END_DECLS
