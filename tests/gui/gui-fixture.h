/* gui-fixture.h — what the GUI tests share (gui-fixture.c). */
#pragma once

#include <adwaita.h>

#include "jue-field.h"
#include "jue-window.h"

typedef struct {
  char      *dir;
  char      *path;
  JueWindow *window;
} Fixture;

/* Runs what is pending in the main loop. */
void       spin              (void);
void       wait_mapped       (GtkWidget *widget);
/* Lets the window lay itself out (sizes settle over a frame or two). */
void       wait_frames       (GtkWidget *widget,
                              guint      n);
GtkWidget *find_by_type      (GtkWidget  *root,
                              GType       type);
GtkWidget *find_by_class     (GtkWidget  *root,
                              const char *css_class);
/* The list editor (JUE_TYPE_LIST_EDITOR) of list_path. */
GtkWidget *find_descendant   (GtkWidget  *root,
                              GType       type,
                              const char *list_path);
/* A copy of the built-in sample in dir. */
char      *create_sample     (const char *dir,
                              const char *name);
void       remove_tree       (const char *dir);
/* A window on a copy of the sample (data non-NULL: for review). */
void       fixture_set_up    (Fixture       *f,
                              gconstpointer  data);
void       fixture_tear_down (Fixture       *f,
                              gconstpointer  data);
/* What a second program reading the file sees. */
char      *file_value        (const char *filename,
                              const char *path);
guint      file_list_length  (const char *filename,
                              const char *list_path);
/* The widget of the field at path, after going to it. */
GtkWidget *field_widget      (Fixture    *f,
                              const char *path);
/* Types text into a one-line field character by character, as a person
 * does, after moving the caret to the end (replace: after clearing it). */
void       type_chars        (GtkWidget  *widget,
                              const char *text);
void       replace_chars     (GtkWidget  *widget,
                              const char *text);
/* The contents of a file (asserts it can be read). */
GBytes    *file_bytes        (const char *path);
/* The message dialog being shown, or NULL. */
AdwMessageDialog *find_message_dialog (void);
/* A timeout callback that only wakes the main loop. */
gboolean   wake_main_loop    (gpointer data);
/* Errors among the window's findings. */
guint      count_errors      (JueWindow *window);
