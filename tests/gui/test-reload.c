/* test-reload.c — the window and other programs (issue 10 part 2): a file
 * open for review follows what its writer commits; a file another program
 * has open for editing opens read-only, says who has it, and becomes
 * editable once that program is done; a save-copy over the open file by
 * another path is refused. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "gui-fixture.h"
#include "jue-window-private.h"

/* Runs the main loop until the window's report holds value at path (the
 * file monitor and the reload are asynchronous). */
static void
wait_for_value (Fixture    *f,
                const char *path,
                const char *value)
{
  guint tick = g_timeout_add (50, wake_main_loop, NULL);

  for (;;)
    {
      JueSession *session = jue_window_get_session (f->window);
      g_autofree char *now = session
        ? jue_report_get (jue_session_get_report (session), path, NULL) : NULL;

      if (g_strcmp0 (now, value) == 0)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
  spin ();
}

static JueDocument *
window_document (Fixture *f)
{
  return jue_session_get_document (jue_window_get_session (f->window));
}

static void
test_review_follows_writer (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) writer = jue_document_open (f->path, FALSE, &error);

  g_assert_no_error (error);
  g_assert_false (jue_document_is_read_only (writer));
  g_assert_true (jue_document_is_read_only (window_document (f)));

  g_assert_true (jue_document_set (writer, "profile.name", "别处改的单位", &error));
  g_assert_no_error (error);
  wait_for_value (f, "profile.name", "别处改的单位");
  g_assert_true (jue_document_is_read_only (window_document (f)));
  g_assert_nonnull (strstr (jue_window_get_last_message (f->window),
                            "changed by another program"));
}

static void
test_in_use_then_free (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("juesuan-gui-XXXXXX", NULL);
  g_autofree char *path = create_sample (dir, "held.juesuan");
  g_autofree char *pid = g_strdup_printf ("process %d", (int) getpid ());
  JueDocument *writer = jue_document_open (path, FALSE, &error);
  JueWindow *window = jue_window_new (NULL);
  Fixture f = { dir, path, window };
  JueDocument *doc;

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  wait_mapped (GTK_WIDGET (window));
  g_assert_true (jue_window_open_file (window, path, FALSE));
  spin ();
  doc = window_document (&f);
  g_assert_true (jue_document_is_read_only (doc));
  g_assert_true (jue_document_is_in_use (doc));
  /* the banner and the dialog say who has it */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (window->banner_label)), pid));
  g_assert_nonnull (strstr (jue_window_get_last_message (window), pid));

  /* the other program saves and closes: the window shows it, editable */
  g_assert_true (jue_document_set (writer, "profile.name", "写完就关", &error));
  g_assert_no_error (error);
  g_clear_object (&writer);
  wait_for_value (&f, "profile.name", "写完就关");
  doc = window_document (&f);
  g_assert_false (jue_document_is_read_only (doc));
  g_assert_true (jue_document_set (doc, "profile.year", "2025", &error));
  g_assert_no_error (error);
  {
    g_autofree char *year = file_value (path, "profile.year");
    g_assert_cmpstr (year, ==, "2025");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  remove_tree (dir);
}

/* Save a Copy onto the open file reached by another path (a link) would
 * replace the report under the window: refused, the file unchanged. */
static void
test_copy_over_itself_by_link (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *link = g_build_filename (f->dir, "link.juesuan", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize n_before, n_after;

  g_assert_cmpint (symlink (f->path, link), ==, 0);
  g_assert_true (g_file_get_contents (f->path, &before, &n_before, NULL));
  g_assert_false (jue_window_save_copy_to (f->window, link));
  g_assert_true (g_file_get_contents (f->path, &after, &n_after, NULL));
  g_assert_cmpmem (before, n_before, after, n_after);
  g_assert_nonnull (strstr (jue_window_get_last_message (f->window), "report itself"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/reload/review-follows-writer", Fixture, "review", fixture_set_up,
              test_review_follows_writer, fixture_tear_down);
  g_test_add_func ("/gui/reload/in-use-then-free", test_in_use_then_free);
  g_test_add ("/gui/reload/copy-over-itself-by-link", Fixture, NULL, fixture_set_up,
              test_copy_over_itself_by_link, fixture_tear_down);
  return g_test_run ();
}
