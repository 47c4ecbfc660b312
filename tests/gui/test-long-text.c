/* test-long-text.c — a long text without break points (Chinese pasted
 * without punctuation, a long address) in every kind of place a text is
 * shown: it is shown in full, and the window stays usable (issue 10 part 3).
 *
 * The times are reported (g_test_message), never limited: with -m perf
 * the sizes go up to the limit of one value (256 KiB). */
#include "config.h"

#include <string.h>

#include "gui-fixture.h"
#include "jue-field-private.h"
#include "jue-finding-item.h"
#include "jue-window-private.h"

/* n characters of Chinese text, no space or punctuation anywhere */
static char *
unbroken_text (gsize n_bytes)
{
  static const char *const pieces[] = { "科技创新", "成果转化", "专项资金", "绩效目标",
                                        "遂宁市科学技术局" };
  GString *out = g_string_new (NULL);

  for (guint i = 0; out->len < n_bytes; i++)
    g_string_append (out, pieces[i % G_N_ELEMENTS (pieces)]);
  while (out->len > n_bytes)
    {
      /* cut at a character boundary */
      const char *end = g_utf8_find_prev_char (out->str, out->str + out->len);
      g_string_truncate (out, end - out->str);
    }
  return g_string_free (out, FALSE);
}

/* Where a text is shown: paragraphs (text views), a table cell shown
 * wrapped, a fund's name (sidebar, page title), its title, and the
 * department's name (a one-line row and the header).  A one-line field
 * holds at most 65,534 bytes (GtkEntryBuffer): it gets that much. */
static const struct {
  const char *path;
  gboolean    one_line;
} places[] = {
  { "profile.duties", FALSE },
  { "other.operating_cost_reason", FALSE },
  { "functional[1].xiang_name", TRUE },
  { "special_funds[0].project_name", TRUE },
  { "special_funds[0].title", TRUE },
  { "profile.name", TRUE },
};

#define ONE_LINE_MAX_BYTES 65534

static char *
text_shown (JueField *field)
{
  if (field->buffer)
    {
      GtkTextIter start, end;
      gtk_text_buffer_get_bounds (field->buffer, &start, &end);
      return gtk_text_buffer_get_text (field->buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (field->editable));
}

static void
run_size (gsize n_bytes)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("juesuan-gui-XXXXXX", &error);
  g_autofree char *path = create_sample (dir, "long.juesuan");
  g_autofree char *text = unbroken_text (n_bytes);
  g_autofree char *line = unbroken_text (MIN (n_bytes, ONE_LINE_MAX_BYTES));
  g_autoptr (GTimer) timer = g_timer_new ();
  JueWindow *window;
  JueSession *session;

  {
    g_autoptr (JueDocument) doc = jue_document_open (path, FALSE, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (places); i++)
      {
        g_assert_true (jue_document_set (doc, places[i].path,
                                         places[i].one_line ? line : text, &error));
        g_assert_no_error (error);
      }
  }

  window = jue_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  wait_mapped (GTK_WIDGET (window));
  g_timer_start (timer);
  g_assert_true (jue_window_open_file (window, path, FALSE));
  wait_frames (GTK_WIDGET (window), 2);
  g_test_message ("%" G_GSIZE_FORMAT " bytes (%ld characters): window open %.0f ms",
                  n_bytes, g_utf8_strlen (text, -1), g_timer_elapsed (timer, NULL) * 1000);
  session = jue_window_get_session (window);

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      JueField *field;
      g_autofree char *shown = NULL;

      const char *want = places[i].one_line ? line : text;

      g_timer_start (timer);
      g_assert_true (jue_window_goto_field (window, places[i].path));
      wait_frames (GTK_WIDGET (window), 3);
      g_test_message ("  %s (%ld characters): shown in %.0f ms", places[i].path,
                      g_utf8_strlen (want, -1), g_timer_elapsed (timer, NULL) * 1000);
      field = jue_session_lookup_field (session, places[i].path);
      g_assert_nonnull (field);
      /* in full: every character, as stored, and editable */
      shown = text_shown (field);
      g_assert_cmpuint (strlen (shown), ==, strlen (want));
      g_assert_cmpstr (shown, ==, want);
      g_assert_null (jue_field_get_parse_error (field));
      if (field->editable)
        g_assert_true (gtk_editable_get_editable (field->editable));
    }

  /* a page-long name in the header or the sidebar does not take the
   * window's width: the sidebar stays a sidebar */
  g_test_message ("  sidebar width %d of %d", gtk_widget_get_width (window->sidebar),
                  gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (gtk_widget_get_width (window->sidebar), <,
                   gtk_widget_get_width (GTK_WIDGET (window)) / 2);
  g_assert_cmpint (g_utf8_strlen (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (
                     window->doc_title)), -1), <, 40);

  /* the findings page quotes values only in part, and lists them all */
  g_timer_start (timer);
  jue_window_show_section (window, "findings");
  wait_frames (GTK_WIDGET (window), 3);
  g_test_message ("  findings: shown in %.0f ms", g_timer_elapsed (timer, NULL) * 1000);
  {
    GListModel *findings = jue_session_get_findings (session);
    guint quoted = 0;

    g_assert_cmpuint (g_list_model_get_n_items (findings), >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
      {
        g_autoptr (GObject) item = g_list_model_get_item (findings, i);
        const JueFinding *finding = jue_finding_item_get_finding ((gpointer) item);

        /* a message is a sentence: what it quotes is cut, and says so */
        g_assert_cmpuint (g_utf8_strlen (finding->message, -1), <, 1000);
        if (strstr (finding->message, "科技创新成果转化") && strstr (finding->message, "…"))
          quoted++;
      }
    g_assert_cmpuint (quoted, >, 0);
  }

  /* typing at the end of the longest paragraph still goes to the file */
  {
    JueField *field = jue_session_lookup_field (session, "profile.duties");
    GtkTextIter end;
    g_autofree char *stored = NULL;

    jue_window_goto_field (window, "profile.duties");
    wait_frames (GTK_WIDGET (window), 2);
    g_timer_start (timer);
    gtk_text_buffer_get_end_iter (field->buffer, &end);
    gtk_text_buffer_insert (field->buffer, &end, "。", -1);
    wait_frames (GTK_WIDGET (window), 2);
    g_test_message ("  one character typed at the end: %.0f ms",
                    g_timer_elapsed (timer, NULL) * 1000);
    stored = file_value (path, "profile.duties");
    g_assert_true (g_str_has_suffix (stored, "。"));
    g_assert_cmpuint (strlen (stored), ==, strlen (text) + strlen ("。"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  remove_tree (dir);
}

/* A one-line value longer than an entry holds (put in by juesuan-cli or a
 * CSV import) is shown cut and marked, and can never be stored cut. */
static void
test_one_line_too_long (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("juesuan-gui-XXXXXX", &error);
  g_autofree char *path = create_sample (dir, "too-long.juesuan");
  g_autofree char *text = unbroken_text (100000);
  g_autofree char *stored = NULL;
  JueWindow *window;
  JueField *field;
  int pos = 0;

  {
    g_autoptr (JueDocument) doc = jue_document_open (path, FALSE, &error);
    g_assert_true (jue_document_set (doc, "profile.name", text, &error));
  }
  window = jue_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_mapped (GTK_WIDGET (window));
  g_assert_true (jue_window_open_file (window, path, FALSE));
  g_assert_true (jue_window_goto_field (window, "profile.name"));
  wait_frames (GTK_WIDGET (window), 2);
  field = jue_session_lookup_field (jue_window_get_session (window), "profile.name");
  g_assert_false (gtk_editable_get_editable (field->editable));
  g_assert_true (g_str_has_suffix (gtk_editable_get_text (field->editable), "…"));
  g_assert_nonnull (strstr (jue_field_get_parse_error (field), "characters long"));
  g_assert_true (gtk_widget_has_css_class (field->widget, "error"));
  /* whatever reaches the entry, the file keeps the whole text */
  gtk_editable_insert_text (field->editable, "改", -1, &pos);
  spin ();
  jue_session_flush_fields (jue_window_get_session (window));
  stored = file_value (path, "profile.name");
  g_assert_cmpstr (stored, ==, text);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_free (stored);
  stored = file_value (path, "profile.name");
  g_assert_cmpstr (stored, ==, text);
  remove_tree (dir);
}

static void
test_4k (void)
{
  run_size (4000 * 3);   /* 4,000 characters of Chinese */
}

static void
test_64k (void)
{
  run_size (64 << 10);
}

static void
test_256k (void)
{
  run_size ((256 << 10) - 16);   /* the most one value may hold */
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/long-text/4k-characters", test_4k);
  g_test_add_func ("/gui/long-text/64k", test_64k);
  g_test_add_func ("/gui/long-text/one-line-too-long", test_one_line_too_long);
  if (g_test_perf () || g_getenv ("JUE_LONG_TEXT_ALL"))
    g_test_add_func ("/gui/long-text/256k", test_256k);
  return g_test_run ();
}
