/* test-walkthrough.c — what trying the window as an accountant and as a
 * reviewer found (session 5), each as the user would notice it. */
#include "config.h"

#include <string.h>

#include "gui-fixture.h"
#include "jue-section-list.h"
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

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/gui/walkthrough/sidebar-follows", Fixture, NULL, fixture_set_up,
              test_sidebar_follows, fixture_tear_down);
  return g_test_run ();
}
