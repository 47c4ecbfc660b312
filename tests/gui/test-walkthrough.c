/* test-walkthrough.c — what trying the window as an accountant and as a
 * reviewer found (session 5), each as the user would notice it. */
#include "config.h"

#include <string.h>

#include "gui-fixture.h"
#include "jue-document.h"
#include "jue-section-list.h"
#include "jue-session.h"
#include "jue-window.h"

/* Whether the sidebar row of section id is in view: inside the part of
 * the scrolled list that is shown (and selected). */
static gboolean
sidebar_shows (Fixture    *f,
               const char *id)
{
  GtkWidget *sidebar = find_by_type (GTK_WIDGET (f->window), JUE_TYPE_SECTION_LIST);
  GtkWidget *scroller = find_by_type (sidebar, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *list = find_by_type (sidebar, GTK_TYPE_LIST_BOX);
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (GTK_LIST_BOX (list));
  graphene_rect_t b;

  g_assert_nonnull (selected);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (selected), "section-id"), ==, id);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (selected), scroller, &b));
  g_test_message ("  %s: row at %.0f–%.0f, sidebar 0–%d", id, b.origin.y,
                  b.origin.y + b.size.height, gtk_widget_get_height (scroller));
  return b.origin.y >= 0 && b.origin.y + b.size.height <= gtk_widget_get_height (scroller);
}

/* A section shown from elsewhere (a finding's jump, Find, the section of
 * the last session, the next submission) is in view in the sidebar, with
 * its counts, however far down the list it is: the sample's Findings and
 * last tables were below the sidebar's bottom, selected but unseen. */
static void
test_sidebar_follows (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *sidebar = find_by_type (GTK_WIDGET (f->window), JUE_TYPE_SECTION_LIST);
  GtkWidget *list = find_by_type (sidebar, GTK_TYPE_LIST_BOX);
  GtkWidget *scroller = find_by_type (sidebar, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t b;
  GtkListBoxRow *last = NULL;

  for (int i = 0; gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i); i++)
    last = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 860);
  jue_window_show_section (f->window, "profile");
  wait_frames (GTK_WIDGET (f->window), 3);
  g_assert_true (sidebar_shows (f, "profile"));
  /* the list is longer than the sidebar: its last row is below the bottom */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (last), scroller, &b));
  g_assert_cmpfloat (b.origin.y, >, gtk_widget_get_height (scroller));

  const char *ids[] = { "findings", "table-13", "profile", "table-7", "fund-7", "report" };
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      jue_window_show_section (f->window, ids[i]);
      wait_frames (GTK_WIDGET (f->window), 3);
      g_assert_true (sidebar_shows (f, ids[i]));
    }
}

/* Whether the focus is in the field at path. */
static gboolean
focus_in (Fixture    *f,
          const char *path)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
  JueField *field = jue_session_lookup_field (jue_window_get_session (f->window), path);
  GtkWidget *w = field ? jue_field_get_widget (field) : NULL;

  g_test_message ("  focus on %s, looking for %s",
                  focus ? G_OBJECT_TYPE_NAME (focus) : "nothing", path);
  return w && focus && (focus == w || gtk_widget_is_ancestor (focus, w));
}

/* Enter and Tab after a value that cannot be read go to the next field,
 * as after any other: the reason shown under it in words (a row of its
 * own) took Tab out of the whole group, so Enter after 年度资金总额 55O.34
 * landed on the first task's name, eight amounts further down; and
 * Shift+Tab from below came back to the group's top instead. */
static void
test_enter_past_unreadable (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *w = field_widget (f, "dept_eval.funds_total");

  replace_chars (w, "55O.34");
  spin ();
  g_assert_nonnull (jue_field_get_parse_error (jue_session_lookup_field (
                      jue_window_get_session (f->window), "dept_eval.funds_total")));
  g_assert_true (gtk_widget_get_visible (jue_field_get_error_label (jue_session_lookup_field (
                   jue_window_get_session (f->window), "dept_eval.funds_total"))));
  /* Enter, as the keyboard gives it */
  g_signal_emit_by_name (w, "entry-activated");
  spin ();
  g_assert_true (focus_in (f, "dept_eval.funds_appropriation"));

  /* Tab from the field, and Shift+Tab back to it, past its message */
  gtk_widget_grab_focus (w);
  spin ();
  g_assert_true (focus_in (f, "dept_eval.funds_total"));
  for (guint i = 0; i < 8 && focus_in (f, "dept_eval.funds_total"); i++)
    {
      g_signal_emit_by_name (f->window, "move-focus", GTK_DIR_TAB_FORWARD);
      spin ();
    }
  g_assert_true (focus_in (f, "dept_eval.funds_appropriation"));
  for (guint i = 0; i < 8 && focus_in (f, "dept_eval.funds_appropriation"); i++)
    {
      g_signal_emit_by_name (f->window, "move-focus", GTK_DIR_TAB_BACKWARD);
      spin ();
    }
  g_assert_true (focus_in (f, "dept_eval.funds_total"));
}

/* The sidebar's heading above the published tables: a report on the
 * national template (part= empty, as a new blank report is) showed an
 * empty heading, a gap above 公开01表. */
static void
test_tables_heading (Fixture       *f,
                     gconstpointer  data)
{
  JueDocument *doc = jue_session_get_document (jue_window_get_session (f->window));
  GtkWidget *sidebar = find_by_type (GTK_WIDGET (f->window), JUE_TYPE_SECTION_LIST);
  GtkWidget *list = find_by_type (sidebar, GTK_TYPE_LIST_BOX);
  const char *templates[] = { "sichuan", "national" };
  const char *headings[] = { "第五部分 附表", "Published tables" };
  g_autoptr (GError) error = NULL;

  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    {
      GtkWidget *header = NULL;
      guint n_headers = 0;

      g_assert_true (jue_document_set (doc, "profile.template", templates[t], &error));
      g_assert_no_error (error);
      wait_frames (GTK_WIDGET (f->window), 2);
      for (int i = 0; gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i); i++)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);
          if (gtk_list_box_row_get_header (row))
            {
              header = gtk_list_box_row_get_header (row);
              n_headers++;
              g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "section-id"), ==, "table-1");
            }
        }
      g_assert_cmpuint (n_headers, ==, 1);
      g_test_message ("  %s: heading “%s”", templates[t], gtk_label_get_text (GTK_LABEL (header)));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (header)), ==, headings[t]);
    }
}

/* The keyboard shortcuts window (F1) lists the keys a reviewer and an
 * accountant use: Alt+Page Down/Up to the next/previous submission of a
 * folder under review (README; the window did not say), the arrows,
 * Escape and Ctrl+V in a table; and each of its keys is one the window
 * answers to. */
static void
test_shortcuts_listed (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/juesuan/Juesuan/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr (GString) listed = g_string_new ("|");
  GSList *objects = gtk_builder_get_objects (builder);

  g_assert_nonnull (overlay);
  for (GSList *l = objects; l; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accel = NULL;
        g_autofree char *title = NULL;

        g_object_get (l->data, "accelerator", &accel, "title", &title, NULL);
        g_string_append_printf (listed, "%s|", accel);
        /* every key of the window parses as a key */
        {
          g_auto (GStrv) keys = g_strsplit (accel, " ", -1);
          for (guint i = 0; keys[i]; i++)
            {
              guint key = 0;
              GdkModifierType mods = 0;

              g_assert_true (gtk_accelerator_parse (keys[i], &key, &mods));
              g_assert_cmpuint (key, !=, 0);
            }
        }
      }
  g_slist_free (objects);
  g_test_message ("  %s", listed->str);
  g_assert_nonnull (strstr (listed->str, "|<Alt>Page_Down|"));
  g_assert_nonnull (strstr (listed->str, "|<Alt>Page_Up|"));
  g_assert_nonnull (strstr (listed->str, "|Escape|"));
  g_assert_nonnull (strstr (listed->str, "|<Control>v|"));
  g_assert_nonnull (strstr (listed->str, "|Up Down Left Right|"));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/gui/walkthrough/sidebar-follows", Fixture, NULL, fixture_set_up,
              test_sidebar_follows, fixture_tear_down);
  g_test_add ("/gui/walkthrough/enter-past-unreadable", Fixture, NULL, fixture_set_up,
              test_enter_past_unreadable, fixture_tear_down);
  g_test_add ("/gui/walkthrough/tables-heading", Fixture, NULL, fixture_set_up,
              test_tables_heading, fixture_tear_down);
  g_test_add ("/gui/walkthrough/shortcuts-listed", Fixture, NULL, fixture_set_up,
              test_shortcuts_listed, fixture_tear_down);
  return g_test_run ();
}
