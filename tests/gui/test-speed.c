/* test-speed.c — what keeps big pages fast (issue 14), as a user would
 * notice it: a table cell's tooltip still says its label and what it
 * holds, but is made when shown, never stored (storing one asks the X
 * server where the pointer is: thousands of round trips per big page). */
#include "config.h"

#include <string.h>

#include "gui-fixture.h"
#include "jue-window-private.h"

static guint
count_cells_with_stored_tooltip (GtkWidget *root,
                                 guint     *n_cells)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_ENTRY (c) && gtk_widget_has_css_class (c, "jue-cell"))
        {
          (*n_cells)++;
          g_assert_true (gtk_widget_get_has_tooltip (c));
          if (gtk_widget_get_tooltip_text (c) != NULL)
            n++;
        }
      n += count_cells_with_stored_tooltip (c, n_cells);
    }
  return n;
}

static void
test_cell_tooltips (Fixture       *f,
                    gconstpointer  data)
{
  JueSession *session = jue_window_get_session (f->window);
  const char *sections[] = { "functional", "dept-eval", "fund-2" };
  JueField *field;
  GtkWidget *cell;
  g_autofree char *tip = NULL;
  g_autofree char *typed = NULL;
  JueFieldRef ref;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      guint n_cells = 0;

      jue_window_show_section (f->window, sections[i]);
      wait_frames (GTK_WIDGET (f->window), 2);
      g_assert_cmpuint (count_cells_with_stored_tooltip (jue_window_get_page (f->window,
                                                                              sections[i]),
                                                         &n_cells), ==, 0);
      g_assert_cmpuint (n_cells, >, 20);
    }

  /* what it says: the label and the whole text, as typed */
  jue_window_show_section (f->window, "functional");
  wait_frames (GTK_WIDGET (f->window), 2);
  field = jue_session_lookup_field (session, "functional[1].actual");
  g_assert_nonnull (field);
  cell = jue_field_get_widget (field);
  tip = jue_field_dup_cell_tooltip (field);
  g_assert_nonnull (strstr (tip, gtk_editable_get_text (GTK_EDITABLE (cell))));
  g_assert_true (jue_report_resolve (jue_session_get_report (session), "functional[1].actual", &ref,
                                     NULL));
  g_assert_true (g_str_has_prefix (tip, g_dgettext (GETTEXT_PACKAGE, ref.def->label)));
  gtk_widget_grab_focus (cell);
  gtk_editable_set_text (GTK_EDITABLE (cell), "400.5");
  typed = jue_field_dup_cell_tooltip (field);
  g_assert_nonnull (strstr (typed, "400.5"));
  jue_session_flush_fields (session);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/speed/cell-tooltips", Fixture, NULL, fixture_set_up, test_cell_tooltips,
              fixture_tear_down);
  return g_test_run ();
}
