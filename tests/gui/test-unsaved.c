/* test-unsaved.c — the window never loses a keystroke (issue 10 part 6):
 * when the file cannot be written (a full disk, the file taken away,
 * another program's change), what was typed stays in its field, marked;
 * the header says it is not saved and closing asks; the file is left as it
 * was; the next edit (or Retry) writes it once the file can be written. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>

#include "gui-fixture.h"
#include "jue-field-private.h"
#include "jue-window-private.h"

/* Writes past the first byte fail (EFBIG), as on a full disk. */
static struct rlimit saved_limit;

static void
disk_full (void)
{
  struct rlimit tiny = { 0, 0 };

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
  tiny.rlim_max = saved_limit.rlim_max;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &tiny), ==, 0);
}

static void
disk_room (void)
{
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
}

static JueField *
field_at (Fixture    *f,
          const char *path)
{
  return jue_field_from_widget (field_widget (f, path));
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Typed into a form row, a table cell and a paragraph of text while the
 * disk is full: all three are shown as typed and marked, the file is
 * byte for byte what it was, even after the pages are left and come back
 * to; then one edit with room again writes all of them. */
static void
test_kept_then_next_edit (Fixture       *f,
                          gconstpointer  data)
{
  JueField *amount = field_at (f, "other.operating_cost");
  JueField *cell, *duties, *later;
  g_autoptr (GBytes) before = file_bytes (f->path);
  g_autoptr (GBytes) after = NULL;
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;

  disk_full ();
  replace_chars (amount->widget, "81.25");
  cell = field_at (f, "functional[3].actual");
  replace_chars (cell->widget, "46.75");
  duties = field_at (f, "profile.duties");
  gtk_text_buffer_set_text (duties->buffer, "主要职责：贯彻落实科技创新政策", -1);
  spin ();

  g_assert_cmpuint (jue_session_count_unsaved (jue_window_get_session (f->window)), ==, 3);
  g_assert_cmpstr (jue_window_get_status_text (f->window), ==, "3 changes not saved");
  g_assert_nonnull (strstr (jue_window_get_last_message (f->window), "sample.juesuan"));
  g_assert_true (gtk_widget_has_css_class (amount->widget, "error"));
  g_assert_true (gtk_widget_has_css_class (cell->widget, "error"));
  g_assert_true (gtk_widget_has_css_class (duties->widget, "error"));
  /* pages left and come back to: still what was typed */
  jue_window_show_section (f->window, "income");
  spin ();
  jue_window_show_section (f->window, "profile");
  spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount->widget)), ==, "81.25");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell->widget)), ==, "46.75");
  text = buffer_text (duties->buffer);
  g_assert_cmpstr (text, ==, "主要职责：贯彻落实科技创新政策");
  after = file_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));

  /* room again: the next edit, elsewhere, writes it all */
  disk_room ();
  later = field_at (f, "profile.preparer");
  replace_chars (later->widget, "李会计");
  value = file_value (f->path, "profile.preparer");
  g_assert_cmpstr (value, ==, "李会计");
  g_free (value);
  value = file_value (f->path, "other.operating_cost");
  g_assert_cmpstr (value, ==, "81.25");
  g_free (value);
  value = file_value (f->path, "functional[3].actual");
  g_assert_cmpstr (value, ==, "46.75");
  g_free (value);
  value = file_value (f->path, "profile.duties");
  g_assert_cmpstr (value, ==, "主要职责：贯彻落实科技创新政策");
  g_assert_cmpuint (jue_session_count_unsaved (jue_window_get_session (f->window)), ==, 0);
  g_assert_cmpstr (jue_window_get_status_text (f->window), ==, "Saved");
  g_assert_false (gtk_widget_has_css_class (duties->widget, "error"));
  /* and each of them is an edit like any other: undo takes the last back */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  spin ();
  g_free (value);
  value = file_value (f->path, "profile.preparer");
  g_assert_cmpstr (value, !=, "李会计");
}

/* Typed back to what the file holds: nothing is waiting any more. */
static void
test_typed_back (Fixture       *f,
                 gconstpointer  data)
{
  JueField *amount = field_at (f, "other.operating_cost");

  disk_full ();
  replace_chars (amount->widget, "99");
  g_assert_cmpstr (jue_window_get_status_text (f->window), ==, "1 change not saved");
  replace_chars (amount->widget, "78.50");
  disk_room ();
  g_assert_cmpstr (jue_window_get_status_text (f->window), ==, "Saved");
  g_assert_false (gtk_widget_has_css_class (amount->widget, "error"));
}

/* Closing with something not saved asks; Keep Open keeps it; Retry with
 * room again writes it and closes. */
static void
test_close_asks (Fixture       *f,
                 gconstpointer  data)
{
  JueField *amount = field_at (f, "other.operating_cost");
  JueWindow *window = f->window;
  AdwMessageDialog *dialog;
  g_autofree char *value = NULL;

  disk_full ();
  replace_chars (amount->widget, "12.5");
  jue_window_show_section (window, "income");
  spin ();

  gtk_window_close (GTK_WINDOW (window));
  spin ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "not saved"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "12.5"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "sample.juesuan"));
  adw_message_dialog_response (dialog, "keep");
  spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (jue_window_get_section (window), ==, "other");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount->widget)), ==, "12.5");

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  disk_room ();
  adw_message_dialog_response (dialog, "retry");
  spin ();
  g_assert_null (window);
  f->window = NULL;
  value = file_value (f->path, "other.operating_cost");
  g_assert_cmpstr (value, ==, "12.50");
}

/* The file moved away while open: the edit is kept and the message says
 * so in words; once the file is back, the next edit writes both. */
static void
test_file_moved (Fixture       *f,
                 gconstpointer  data)
{
  JueField *amount = field_at (f, "other.operating_cost");
  JueField *name;
  g_autofree char *away = g_strconcat (f->path, ".moved", NULL);
  g_autofree char *value = NULL;

  g_assert_cmpint (g_rename (f->path, away), ==, 0);
  replace_chars (amount->widget, "66");
  spin ();
  g_assert_nonnull (strstr (jue_window_get_last_message (f->window), "sample.juesuan"));
  g_assert_nonnull (strstr (jue_window_get_last_message (f->window), "moved or deleted"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount->widget)), ==, "66");
  g_assert_cmpstr (jue_window_get_status_text (f->window), ==, "1 change not saved");
  value = file_value (away, "other.operating_cost");
  g_assert_cmpstr (value, ==, "78.50");

  g_assert_cmpint (g_rename (away, f->path), ==, 0);
  name = field_at (f, "profile.preparer");
  replace_chars (name->widget, "王");
  g_free (value);
  value = file_value (f->path, "other.operating_cost");
  g_assert_cmpstr (value, ==, "66.00");
  g_free (value);
  value = file_value (f->path, "profile.preparer");
  g_assert_cmpstr (value, ==, "王");
  g_assert_cmpstr (jue_window_get_status_text (f->window), ==, "Saved");
}

/* A program that ignores the lock (the sqlite3 shell) changed the file:
 * what is typed next is not written over a stale copy; the window
 * reloads, keeps what was typed and writes it on top of the other
 * program's change. */
static void
test_changed_elsewhere (Fixture       *f,
                        gconstpointer  data)
{
  JueField *amount = field_at (f, "other.operating_cost");
  sqlite3 *db = NULL;
  g_autofree char *value = NULL;
  guint i;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE field SET value = '别处填的' "
                                     "WHERE path = 'profile.preparer'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  /* one change: the reload replaces the widgets */
  gtk_editable_set_text (GTK_EDITABLE (amount->widget), "55");
  spin ();
  /* the reload is asynchronous */
  for (i = 0; i < 200 && jue_session_count_unsaved (jue_window_get_session (f->window)); i++)
    {
      g_usleep (10000);
      spin ();
    }
  value = file_value (f->path, "other.operating_cost");
  g_assert_cmpstr (value, ==, "55.00");
  g_free (value);
  value = file_value (f->path, "profile.preparer");
  g_assert_cmpstr (value, ==, "别处填的");
  amount = jue_session_lookup_field (jue_window_get_session (f->window), "other.operating_cost");
  g_assert_nonnull (amount);
  g_assert_cmpstr (jue_window_get_status_text (f->window), ==, "Saved");
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  struct rlimit now;

  /* a failed assertion must not leave the limit for the next test */
  if (getrlimit (RLIMIT_FSIZE, &now) == 0 && now.rlim_cur == 0)
    disk_room ();
  if (f->window == NULL)
    f->window = jue_window_new (NULL);   /* closed by the test */
  fixture_tear_down (f, data);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/unsaved/kept-then-next-edit", Fixture, NULL, fixture_set_up,
              test_kept_then_next_edit, tear_down);
  g_test_add ("/gui/unsaved/typed-back", Fixture, NULL, fixture_set_up, test_typed_back,
              tear_down);
  g_test_add ("/gui/unsaved/close-asks", Fixture, NULL, fixture_set_up, test_close_asks,
              tear_down);
  g_test_add ("/gui/unsaved/file-moved", Fixture, NULL, fixture_set_up, test_file_moved,
              tear_down);
  g_test_add ("/gui/unsaved/changed-elsewhere", Fixture, NULL, fixture_set_up,
              test_changed_elsewhere, tear_down);
  return g_test_run ();
}
