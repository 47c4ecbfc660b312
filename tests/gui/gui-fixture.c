/* gui-fixture.c — what the GUI tests share: a window on a fresh copy of
 * the sample, waiting for it to settle, finding widgets, reading the file
 * as a second program would. */
#include "config.h"

#include <glib/gstdio.h>

#include "gui-fixture.h"
#include "jue-list-editor.h"
#include "jue-tsv.h"


void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

void
wait_mapped (GtkWidget *widget)
{
  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  spin ();
}

GtkWidget *
find_by_type (GtkWidget *root,
              GType      type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
      found = find_by_type (c, type);
      if (found)
        return found;
    }
  return NULL;
}

GtkWidget *
find_by_class (GtkWidget  *root,
               const char *css_class)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (c, css_class))
        return c;
      found = find_by_class (c, css_class);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  guint *left = data;

  return --*left > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Lets the window lay itself out (sizes settle over a frame or two). */
void
wait_frames (GtkWidget *widget,
             guint      n)
{
  guint left = n;

  gtk_widget_add_tick_callback (widget, count_frame, &left, NULL);
  while (left > 0)
    g_main_context_iteration (NULL, TRUE);
  spin ();
}

char *
create_sample (const char *dir,
               const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) report = jue_sample_new (&error);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (JueDocument) doc = NULL;

  g_assert_no_error (error);
  doc = jue_document_create (path, report, &error);
  g_assert_no_error (error);
  return path;
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("juesuan-gui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = create_sample (f->dir, "sample.juesuan");
  f->window = jue_window_new (NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_mapped (GTK_WIDGET (f->window));
  g_assert_true (jue_window_open_file (f->window, f->path, data != NULL));
  spin ();
}

void
remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      if (g_file_test (p, G_FILE_TEST_IS_DIR))
        remove_tree (p);
      else
        g_unlink (p);
    }
  g_rmdir (dir);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin ();
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* What a second program reading the file sees. */
char *
file_value (const char *filename,
            const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) doc = jue_document_open (filename, TRUE, &error);
  char *value;

  g_assert_no_error (error);
  value = jue_report_get (jue_document_get_report (doc), path, &error);
  g_assert_no_error (error);
  return value;
}

guint
file_list_length (const char *filename,
                  const char *list_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) doc = jue_document_open (filename, TRUE, &error);
  JueFieldRef ref;

  g_assert_no_error (error);
  g_assert_true (jue_report_resolve (jue_document_get_report (doc), list_path, &ref, &error));
  return (*(GPtrArray **) ref.ptr)->len;
}

GtkWidget *
field_widget (Fixture    *f,
              const char *path)
{
  JueField *field;

  g_assert_true (jue_window_goto_field (f->window, path));
  spin ();
  field = jue_session_lookup_field (jue_window_get_session (f->window), path);
  g_assert_nonnull (field);
  return jue_field_get_widget (field);
}

GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type,
                 const char *list_path)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        {
          const char *p = jue_list_editor_get_list_path (JUE_LIST_EDITOR (c));
          if (g_strcmp0 (p, list_path) == 0)
            return c;
        }
      found = find_descendant (c, type, list_path);
      if (found)
        return found;
    }
  return NULL;
}

static void
insert_chars (GtkEditable *editable,
              const char  *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      int pos = (int) g_utf8_strlen (gtk_editable_get_text (editable), -1);
      gtk_editable_insert_text (editable, p, (int) (g_utf8_next_char (p) - p), &pos);
      gtk_editable_set_position (editable, pos);
      spin ();
    }
}

void
type_chars (GtkWidget  *widget,
            const char *text)
{
  gtk_widget_grab_focus (widget);
  spin ();
  insert_chars (GTK_EDITABLE (widget), text);
}

void
replace_chars (GtkWidget  *widget,
               const char *text)
{
  gtk_widget_grab_focus (widget);
  spin ();
  gtk_editable_delete_text (GTK_EDITABLE (widget), 0, -1);
  spin ();
  insert_chars (GTK_EDITABLE (widget), text);
}

GBytes *
file_bytes (const char *path)
{
  char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (data, len);
}

AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *tops = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (tops, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

gboolean
wake_main_loop (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

guint
count_errors (JueWindow *window)
{
  guint errors, warnings;

  jue_session_count_findings (jue_window_get_session (window), "", &errors, &warnings);
  return errors;
}
