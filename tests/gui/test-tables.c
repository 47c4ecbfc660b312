/* test-tables.c — the tables of the real window on the sample: columns
 * as wide as what they hold, names in full at the default size, long
 * texts on two lines, a narrower window still usable. */
#include "config.h"

#include <string.h>

#include "gui-fixture.h"
#include "jue-choice-cell.h"
#include "jue-list-editor.h"
#include "jue-window-private.h"

/* The label a wrapped cell shows its text in while not being edited. */
static GtkLabel *
cell_cover (GtkWidget *cell)
{
  GtkWidget *overlay = gtk_widget_get_parent (cell);

  g_assert_true (GTK_IS_OVERLAY (overlay));
  return GTK_LABEL (find_by_class (overlay, "jue-cell-cover"));
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (c) && gtk_widget_get_mapped (c) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (c)), text) == 0)
        return c;
      found = find_label (c, text);
      if (found)
        return found;
    }
  return NULL;
}

/* Whether a cell shows all of text: its text area is as wide as the text. */
static gboolean
cell_shows_all (GtkWidget  *cell,
                const char *text)
{
  /* an entry's text, or the label of a drop-down's choice */
  GtkWidget *inner = JUE_IS_CHOICE_CELL (cell) ? find_label (cell, text)
                                             : find_by_type (cell, GTK_TYPE_TEXT);
  g_autoptr (PangoLayout) layout = NULL;
  int width;

  g_assert_nonnull (inner);
  layout = gtk_widget_create_pango_layout (inner, text);
  pango_layout_get_pixel_size (layout, &width, NULL);

  return gtk_widget_get_width (inner) >= width;
}

/* At the default size (1280×860) every name of the functional table is
 * shown in full, on one line. */
static void
test_functional_names_fit (Fixture       *f,
                           gconstpointer  data)
{
  JueSession *session = jue_window_get_session (f->window);
  static const char *const names[] = { "class_name", "kuan_name", "xiang_name" };
  guint n = file_list_length (f->path, "functional");

  {
    int width;
    int height;
    gtk_window_get_default_size (GTK_WINDOW (f->window), &width, &height);
    g_assert_cmpint (width, ==, 1280);
  }
  jue_window_show_section (f->window, "functional");
  wait_frames (GTK_WIDGET (f->window), 3);
  g_assert_cmpuint (n, ==, 17);
  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < G_N_ELEMENTS (names); k++)
      {
        g_autofree char *path = g_strdup_printf ("functional[%u].%s", i, names[k]);
        g_autofree char *value = file_value (f->path, path);
        GtkWidget *cell = jue_field_get_widget (jue_session_lookup_field (session, path));
        GtkLabel *cover = cell_cover (cell);
        PangoLayout *layout = gtk_label_get_layout (cover);

        g_assert_cmpstr (gtk_label_get_text (cover), ==, value);
        g_assert_false (pango_layout_is_ellipsized (layout));
        g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
        g_assert_true (cell_shows_all (cell, value));
      }
}

/* Indicator tables: the level-2 column has room for its longest choice;
 * a long level-3 name wraps to two lines and ends in "…", and its tooltip
 * has all of it; editing shows the entry's own text. */
static void
test_indicator_columns (Fixture       *f,
                        gconstpointer  data)
{
  JueSession *session = jue_window_get_session (f->window);
  const char *level2 = "special_funds[2].indicators[6].level2";
  g_autofree char *value = file_value (f->path, level2);
  GtkWidget *cell;
  GtkLabel *cover;
  g_autofree char *longest = NULL;
  g_autofree char *longest_path = NULL;
  g_autofree char *tip = NULL;
  PangoLayout *layout;

  g_assert_cmpstr (value, ==, "服务对象满意度指标");
  jue_window_show_section (f->window, "fund-2");
  wait_frames (GTK_WIDGET (f->window), 3);
  cell = jue_field_get_widget (jue_session_lookup_field (session, level2));
  g_assert_true (cell_shows_all (cell, value));
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *path = g_strdup_printf ("special_funds[2].indicators[%u].level1", i);
      g_autofree char *level1 = file_value (f->path, path);
      g_assert_true (cell_shows_all (jue_field_get_widget (jue_session_lookup_field (session, path)),
                                     level1));
    }

  /* the sample's longest indicator name (121 columns) */
  for (guint i = 0; i < 20 && longest == NULL; i++)
    for (guint k = 0; k < 30; k++)
      {
        g_autofree char *path = g_strdup_printf ("special_funds[%u].indicators[%u].name", i, k);
        g_autofree char *name = NULL;
        JueFieldRef ref;

        if (!jue_report_resolve (jue_session_get_report (session), path, &ref, NULL))
          break;
        name = file_value (f->path, path);
        if (g_str_has_prefix (name, "赠送相关技术培训资料"))
          {
            longest = g_steal_pointer (&name);
            longest_path = g_strdup (path);
            break;
          }
      }
  g_assert_nonnull (longest_path);
  g_assert_true (jue_window_goto_field (f->window, longest_path));
  cell = jue_field_get_widget (jue_session_lookup_field (session, longest_path));
  gtk_widget_grab_focus (GTK_WIDGET (f->window));   /* not editing it */
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  wait_frames (GTK_WIDGET (f->window), 3);
  cover = cell_cover (cell);
  layout = gtk_label_get_layout (cover);
  g_assert_cmpint (pango_layout_get_line_count (layout), ==, 2);
  g_assert_true (pango_layout_is_ellipsized (layout));
  g_assert_cmpfloat (gtk_widget_get_opacity (GTK_WIDGET (cover)), ==, 1.0);
  /* the row is as tall as the two lines */
  g_assert_cmpint (gtk_widget_get_height (cell), >=, gtk_widget_get_height (GTK_WIDGET (cover)));
  tip = jue_field_dup_cell_tooltip (jue_session_lookup_field (session, longest_path));
  g_assert_nonnull (strstr (tip, longest));

  /* editing: the entry shows its text, the label steps aside */
  gtk_widget_grab_focus (cell);
  spin ();
  g_assert_cmpfloat (gtk_widget_get_opacity (GTK_WIDGET (cover)), ==, 0.0);
  g_assert_false (gtk_widget_has_css_class (cell, "jue-covered"));
  gtk_editable_set_text (GTK_EDITABLE (cell), "短名");
  spin ();
  g_assert_cmpstr (gtk_label_get_text (cover), ==, "短名");
}

/* A narrower window (1000 px): the window keeps its width, the functional
 * names wrap rather than vanish, and the wide indicator table scrolls. */
static void
test_narrow_window (Fixture       *f,
                    gconstpointer  data)
{
  JueSession *session = jue_window_get_session (f->window);
  GtkWidget *table, *scroller;
  GtkAdjustment *adj;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 800);
  jue_window_show_section (f->window, "fund-2");
  wait_frames (GTK_WIDGET (f->window), 4);
  /* (the window's own frame takes a few pixels of the 1000) */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), >=, 980);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 1000);
  table = find_descendant (jue_window_get_page (f->window, "fund-2"), JUE_TYPE_LIST_EDITOR,
                           "special_funds[2].indicators");
  scroller = find_by_type (table, GTK_TYPE_SCROLLED_WINDOW);
  adj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adj), >, gtk_adjustment_get_page_size (adj));

  jue_window_show_section (f->window, "functional");
  wait_frames (GTK_WIDGET (f->window), 4);
  {
    const char *path = "functional[12].xiang_name";
    GtkWidget *cell = jue_field_get_widget (jue_session_lookup_field (session, path));
    PangoLayout *layout = gtk_label_get_layout (cell_cover (cell));

    g_assert_cmpint (pango_layout_get_line_count (layout), ==, 2);
    g_assert_cmpint (gtk_widget_get_height (cell), >=, 2 * 16);
  }
}

/* 附件4's weights total 180, not 90: the finding is on the list, so the
 * banner says it and the weight column is outlined, title and all; the
 * outline goes when the total is right, and comes back with undo. */
static void
test_list_finding_marks_column (Fixture       *f,
                                gconstpointer  data)
{
  JueSession *session = jue_window_get_session (f->window);
  const char *list = "special_funds[2].indicators";
  GtkWidget *table, *cell, *title, *mark;

  jue_window_show_section (f->window, "fund-2");
  spin ();
  table = find_descendant (jue_window_get_page (f->window, "fund-2"), JUE_TYPE_LIST_EDITOR, list);
  mark = find_by_class (table, "jue-list-mark");
  title = find_by_class (table, "jue-list-error");
  g_assert_true (gtk_widget_get_visible (mark));
  g_assert_true (GTK_IS_LABEL (title));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, "Weight");
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *weight = g_strdup_printf ("%s[%u].weight", list, i);
      g_autofree char *name = g_strdup_printf ("%s[%u].name", list, i);

      g_assert_true (gtk_widget_has_css_class (
        jue_field_get_widget (jue_session_lookup_field (session, weight)), "jue-list-error"));
      g_assert_false (gtk_widget_has_css_class (
        jue_field_get_widget (jue_session_lookup_field (session, name)), "jue-list-error"));
    }
  /* no other table of the report is outlined */
  g_assert_null (find_by_class (jue_window_get_page (f->window, "dept-eval"), "jue-list-error"));

  /* 105 → 15: the weights total 90 */
  cell = jue_field_get_widget (jue_session_lookup_field (session,
                                                         "special_funds[2].indicators[4].weight"));
  gtk_editable_set_text (GTK_EDITABLE (cell), "15");
  spin ();
  g_assert_false (gtk_widget_get_visible (mark));
  g_assert_null (find_by_class (table, "jue-list-error"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  spin ();
  g_assert_true (gtk_widget_has_css_class (cell, "jue-list-error"));
  g_assert_true (gtk_widget_has_css_class (title, "jue-list-error"));

  /* a new row's weight is outlined too (the total is still wrong) */
  gtk_widget_activate_action (table, "list.add", NULL);
  spin ();
  cell = jue_field_get_widget (jue_session_lookup_field (session,
                                                         "special_funds[2].indicators[7].weight"));
  g_assert_true (gtk_widget_has_css_class (cell, "jue-list-error"));
}

/* A closed choice in a table cell shows what is chosen; its list is made
 * when first opened, opens on the chosen value, and a value chosen from
 * it is in the file. */
static void
test_choice_cell (Fixture       *f,
                  gconstpointer  data)
{
  JueSession *session = jue_window_get_session (f->window);
  const char *path = "dept_eval.indicators[0].nature";
  JueFieldRef ref;
  const JueChoiceSet *set;
  GtkWidget *cell, *button, *list;
  GtkPopover *popover;
  GtkListBoxRow *row;
  guint chosen = 0, other = 0;
  g_autofree char *stored = file_value (f->path, path);
  g_autofree char *now = NULL;

  jue_window_show_section (f->window, "dept-eval");
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_true (jue_report_resolve (jue_session_get_report (session), path, &ref, NULL));
  set = ref.def->extra;
  for (guint i = 0; set->values[i]; i++)
    {
      if (g_str_equal (set->values[i], stored))
        chosen = i + 1;
      else if (other == 0)
        other = i + 1;
    }
  g_assert_cmpuint (chosen, >, 0);
  g_assert_cmpuint (other, >, 0);

  cell = jue_field_get_widget (jue_session_lookup_field (session, path));
  g_assert_true (JUE_IS_CHOICE_CELL (cell));
  g_assert_nonnull (find_label (cell, stored));
  button = find_by_type (cell, GTK_TYPE_MENU_BUTTON);
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));

  /* as a user gets there (Find, a finding): in view, with the focus */
  g_assert_true (jue_window_goto_field (f->window, path));
  wait_frames (GTK_WIDGET (f->window), 3);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), cell));
  jue_choice_cell_popup (JUE_CHOICE_CELL (cell));
  spin ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  list = find_by_type (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX);
  row = gtk_list_box_get_selected_row (GTK_LIST_BOX (list));
  g_assert_nonnull (row);
  g_assert_cmpint (gtk_list_box_row_get_index (row), ==, (int) chosen);

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) other);
  g_signal_emit_by_name (list, "row-activated", row);
  spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_nonnull (find_label (cell, set->values[other - 1]));
  jue_session_flush_fields (session);
  now = file_value (f->path, path);
  g_assert_cmpstr (now, ==, set->values[other - 1]);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/functional-names-fit", Fixture, NULL, fixture_set_up,
              test_functional_names_fit, fixture_tear_down);
  g_test_add ("/gui/indicator-columns", Fixture, NULL, fixture_set_up,
              test_indicator_columns, fixture_tear_down);
  g_test_add ("/gui/narrow-window", Fixture, NULL, fixture_set_up, test_narrow_window,
              fixture_tear_down);
  g_test_add ("/gui/choice-cell", Fixture, NULL, fixture_set_up, test_choice_cell,
              fixture_tear_down);
  g_test_add ("/gui/list-finding-marks-column", Fixture, NULL, fixture_set_up,
              test_list_finding_marks_column, fixture_tear_down);
  return g_test_run ();
}
