/* jue-find-popover.h — Ctrl+F: find a field or a section by name. */
#pragma once

#include <gtk/gtk.h>

#include "jue-sections.h"
#include "jue-session.h"

G_BEGIN_DECLS

#define JUE_TYPE_FIND_POPOVER (jue_find_popover_get_type ())
G_DECLARE_FINAL_TYPE (JueFindPopover, jue_find_popover, JUE, FIND_POPOVER, GtkPopover)

/* sections is borrowed (the window's); session may be NULL. */
void  jue_find_popover_set_session (JueFindPopover *self,
                                    JueSession     *session,
                                    GPtrArray      *sections);
/* The number of matches for query (for tests); fills the list. */
guint jue_find_popover_search      (JueFindPopover *self,
                                    const char     *query);

G_END_DECLS
