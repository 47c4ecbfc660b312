/* jue-window.h — the main window: a start page, or one open report with
 * its sections on the left and the section's form on the right. */
#pragma once

#include <adwaita.h>

#include "jue-session.h"

G_BEGIN_DECLS

#define JUE_TYPE_WINDOW (jue_window_get_type ())
G_DECLARE_FINAL_TYPE (JueWindow, jue_window, JUE, WINDOW, AdwApplicationWindow)

JueWindow   *jue_window_new            (GtkApplication *application);

/* Opens filename in this window (read_only: for review).  On failure the
 * user is told and the window keeps what it showed; returns FALSE. */
gboolean     jue_window_open_file      (JueWindow  *self,
                                        const char *filename,
                                        gboolean    read_only);
/* Shows document in this window (takes a reference). */
void         jue_window_set_document   (JueWindow   *self,
                                        JueDocument *document);
JueSession  *jue_window_get_session    (JueWindow  *self);
/* Issue 13 (jue-window-yearly.c): next year's report made from last
 * year's and shown; a folder's submissions listed for review (each opened
 * read-only, Next/Previous Submission); the open report compared with last
 * year's (last_file NULL: with its own previous-year figures). */
gboolean     jue_window_new_from_last  (JueWindow  *self,
                                        const char *last,
                                        const char *filename);
gboolean     jue_window_open_review_folder (JueWindow  *self,
                                            const char *folder);
gboolean     jue_window_show_compare   (JueWindow  *self,
                                        const char *last_file);
/* The open report (the department's own unit) and unit_files summed into a
 * new file out_file (jue-consolidate.h), then shown; eliminate: the flows
 * between the units taken out, and what was is listed in a dialog. */
gboolean     jue_window_consolidate    (JueWindow          *self,
                                        const char * const *unit_files,
                                        const char         *out_file,
                                        gboolean            eliminate);
/* Asks whether to eliminate the flows between the units (off by default),
 * then where to save; unit_files: the chosen files, one a line. */
void         jue_window_ask_consolidate (JueWindow  *self,
                                         const char *unit_files);
const char  *jue_window_get_filename   (JueWindow  *self);

void         jue_window_show_section   (JueWindow  *self,
                                        const char *section_id);
const char  *jue_window_get_section    (JueWindow  *self);
/* Shows the section holding path, scrolls to the field and focuses it. */
/* What the header says of the file: "Saved", or how many values cannot be read. */
const char  *jue_window_get_status_text (JueWindow *self);
gboolean     jue_window_goto_field     (JueWindow  *self,
                                        const char *path);
/* The page widget of a section (built if needed), for tests. */
GtkWidget   *jue_window_get_page       (JueWindow  *self,
                                        const char *section_id);
/* The message of the last error dialog or toast, for tests. */
const char  *jue_window_get_last_message (JueWindow *self);

G_END_DECLS
