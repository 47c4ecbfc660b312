/* test-speed.c — what keeps big pages fast (issue 14), as a user would
 * notice it: a table cell's tooltip still says its label and what it
 * holds, but is made when shown, never stored (storing one asks the X
 * server where the pointer is: thousands of round trips per big page). */
#include "config.h"

#include <string.h>

#include "gui-fixture.h"
#include "jue-finding-row.h"
#include "jue-findings-page.h"
#include "jue-list-editor.h"
#include "jue-section-list.h"
#include "jue-tsv.h"
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

/* Widgets under root with a tooltip text stored, and with one made when
 * shown (jue_widget_set_tooltip_later). */
static guint
w_sections (Fixture *f)
{
  return f->window->sections->len;
}

static guint
count_tooltips (GtkWidget *root,
                guint     *later)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      if (gtk_widget_get_tooltip_text (c) != NULL)
        n++;
      if (jue_widget_get_tooltip_later (c) != NULL)
        (*later)++;
      n += count_tooltips (c, later);
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

  /* nor do the sidebar's titles, progress and counts (a ×20 report has
   * 170 sections); each still has its tooltip */
  {
    GtkWidget *sidebar = find_by_type (GTK_WIDGET (f->window), JUE_TYPE_SECTION_LIST);
    guint later = 0;

    g_assert_cmpuint (count_tooltips (sidebar, &later), ==, 0);
    g_assert_cmpuint (later, >=, w_sections (f));
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

static void
collect_menu_buttons (GtkWidget *root,
                      GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_MENU_BUTTON (c) && gtk_widget_get_visible (c))
        g_ptr_array_add (out, c);
      collect_menu_buttons (c, out);
    }
}

static gboolean
menu_has (GMenuModel *menu,
          const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *a = NULL;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &a) &&
          g_str_equal (a, action))
        return TRUE;
    }
  return FALSE;
}

/* A row's menu (Insert Row Above, Move Up, Move Down, Remove Row) is made
 * when it is opened, and is the same menu as ever. */
static void
test_row_menus (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  GtkMenuButton *first, *second;
  GMenuModel *menu;

  jue_window_show_section (f->window, "functional");
  wait_frames (GTK_WIDGET (f->window), 2);
  collect_menu_buttons (jue_window_get_page (f->window, "functional"), buttons);
  g_assert_cmpuint (buttons->len, >=, 17);
  for (guint i = 0; i < buttons->len; i++)
    {
      g_assert_null (gtk_menu_button_get_popover (buttons->pdata[i]));
      g_assert_null (gtk_widget_get_tooltip_text (buttons->pdata[i]));
      g_assert_true (gtk_widget_get_sensitive (buttons->pdata[i]));
    }
  first = buttons->pdata[0];
  second = buttons->pdata[1];
  gtk_menu_button_popup (first);
  spin ();
  menu = gtk_menu_button_get_menu_model (first);
  g_assert_nonnull (gtk_menu_button_get_popover (first));
  g_assert_nonnull (menu);
  g_assert_true (menu_has (menu, "list.insert"));
  g_assert_false (menu_has (menu, "list.move-up"));
  g_assert_true (menu_has (menu, "list.move-down"));
  g_assert_true (menu_has (menu, "list.remove"));
  gtk_menu_button_popdown (first);
  gtk_menu_button_popup (second);
  spin ();
  g_assert_true (menu_has (gtk_menu_button_get_menu_model (second), "list.move-up"));
  gtk_menu_button_popdown (second);
  spin ();
}

/* The sample with its functional rows, indicators and special funds ×6
 * (as bench/run's ×N fixtures), in its own window. */
static void
big_set_up (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) r = jue_sample_new (&error);
  g_autoptr (JueDocument) doc = NULL;
  GPtrArray *lists[] = { r->functional, r->dept_eval.indicators, r->special_funds };
  const JueRecordDef *defs[] = { &JueFunctionalRow_def, &JueIndicator_def, &JueSpecialFund_def };

  for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
    for (guint t = 1, n = lists[k]->len; t < 6; t++)
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (lists[k], jue_record_copy (defs[k], lists[k]->pdata[i]));
  f->dir = g_dir_make_tmp ("juesuan-gui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "x6.juesuan", NULL);
  doc = jue_document_create (f->path, r, &error);
  g_assert_no_error (error);
  g_clear_object (&doc);
  f->window = jue_window_new (NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_mapped (GTK_WIDGET (f->window));
  g_assert_true (jue_window_open_file (f->window, f->path, FALSE));
  spin ();
}

/* The finding rows there are, in order: each shows the model's item at
 * its index. */
static guint
check_rows (GtkWidget  *page,
            GListModel *model)
{
  GtkWidget *list = find_by_type (page, GTK_TYPE_LIST_BOX);
  guint n = 0;
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) n)))
    {
      g_autoptr (JueFindingItem) item = g_list_model_get_item (model, n);
      g_assert_true (jue_finding_row_get_item (JUE_FINDING_ROW (row)) == item);
      n++;
    }
  return n;
}

/* More findings than fit on a screen (×6): the page shows at once with
 * the rows on screen (and some more), says how many there are in all,
 * builds the rest as it is scrolled, follows edits, and goes back to a
 * finding not built yet. */
static void
test_findings_lazy (Fixture       *f,
                    gconstpointer  data)
{
  JueSession *session = jue_window_get_session (f->window);
  GListModel *model = jue_session_get_findings (session);
  guint n = g_list_model_get_n_items (model);
  g_autoptr (JueFindingItem) last = NULL;
  GtkWidget *page, *scroller;
  GtkAdjustment *adj;
  guint built;

  g_assert_cmpuint (n, >, 80);
  jue_window_show_section (f->window, "findings");
  wait_frames (GTK_WIDGET (f->window), 2);
  page = jue_window_get_page (f->window, "findings");
  built = check_rows (page, model);
  g_assert_cmpuint (built, >=, 10);
  g_assert_cmpuint (built, <, n);

  /* an edit that changes the findings near the top */
  g_assert_true (jue_document_set (jue_session_get_document (session), "functional[1].actual",
                                   "1", NULL));
  spin ();
  g_assert_cmpuint (check_rows (page, model), <, g_list_model_get_n_items (model));

  /* back to the last finding: built to it, and it has the focus */
  last = g_list_model_get_item (model, g_list_model_get_n_items (model) - 1);
  g_assert_true (jue_findings_page_focus_finding (JUE_FINDINGS_PAGE (page),
                                                  jue_finding_item_get_finding (last)->rule,
                                                  jue_finding_item_get_finding (last)->path));
  g_assert_cmpuint (check_rows (page, model), ==, g_list_model_get_n_items (model));

  /* scrolling: a new page of the same report builds as it goes */
  gtk_stack_remove (GTK_STACK (f->window->pages), page);
  jue_window_show_section (f->window, "findings");
  wait_frames (GTK_WIDGET (f->window), 2);
  page = jue_window_get_page (f->window, "findings");
  scroller = gtk_widget_get_ancestor (find_by_type (page, GTK_TYPE_LIST_BOX),
                                     GTK_TYPE_SCROLLED_WINDOW);
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  for (guint i = 0; i < 200 && check_rows (page, model) < g_list_model_get_n_items (model); i++)
    {
      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      wait_frames (GTK_WIDGET (f->window), 1);
    }
  g_assert_cmpuint (check_rows (page, model), ==, g_list_model_get_n_items (model));
}

/* Only the most recently shown pages are kept (a ×20 report has 170
 * sections): the oldest is taken down, what was typed in it is in the
 * file, and it is built again, showing it, when it is shown again. */
static void
test_pages_kept (Fixture       *f,
                 gconstpointer  data)
{
  JueWindow *w = f->window;
  GtkWidget *cell;
  g_autofree char *stored = NULL;

  jue_window_show_section (w, "functional");
  wait_frames (GTK_WIDGET (w), 1);
  cell = jue_field_get_widget (jue_session_lookup_field (jue_window_get_session (w),
                                                         "functional[1].actual"));
  gtk_widget_grab_focus (cell);
  gtk_editable_set_text (GTK_EDITABLE (cell), "333.33");   /* typed, not yet committed */
  for (guint i = 0; i < w->sections->len; i++)
    {
      JueSection *s = w->sections->pdata[i];
      if (!g_str_equal (s->id, "functional"))
        jue_window_show_section (w, s->id);
    }
  wait_frames (GTK_WIDGET (w), 1);
  g_assert_cmpuint (w->sections->len, >, 14);
  g_assert_null (gtk_stack_get_child_by_name (GTK_STACK (w->pages), "functional"));
  g_assert_nonnull (gtk_stack_get_child_by_name (GTK_STACK (w->pages), "findings"));
  stored = file_value (f->path, "functional[1].actual");
  g_assert_cmpstr (stored, ==, "333.33");
  jue_window_show_section (w, "functional");
  wait_frames (GTK_WIDGET (w), 1);
  cell = jue_field_get_widget (jue_session_lookup_field (jue_window_get_session (w),
                                                         "functional[1].actual"));
  g_assert_true (gtk_widget_get_mapped (cell));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "333.33");
}

/* How many of the list's first n rows have their cells built. */
static guint
rows_built (JueSession *session,
            const char *list,
            guint       n)
{
  guint built = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u].name", list, i);
      if (jue_session_find_built_field (session, path))
        built++;
    }
  return built;
}

static const char *
cell_text (JueSession *session,
           const char *path)
{
  JueField *field = jue_session_find_built_field (session, path);

  g_assert_nonnull (field);
  return gtk_editable_get_text (GTK_EDITABLE (jue_field_get_widget (field)));
}

/* A long table (the department's 108 indicators at ×6) shows at once with
 * the rows on screen and a few more; the others are built as the page is
 * scrolled, tabbed through or sent to a row (a finding, Find), each with
 * its own row's values. */
static void
test_table_lazy (Fixture       *f,
                 gconstpointer  data)
{
  JueSession *session = jue_window_get_session (f->window);
  GPtrArray *rows = jue_session_get_report (session)->dept_eval.indicators;
  const char *list = "dept_eval.indicators";
  guint n = rows->len;
  guint built;
  GtkWidget *page, *cell, *focus, *scroller;
  GtkAdjustment *adj;
  g_autofree char *path = NULL;
  g_autofree char *next = NULL;
  g_autofree char *far = NULL;

  g_assert_cmpuint (n, ==, 108);
  jue_window_show_section (f->window, "dept-eval");
  wait_frames (GTK_WIDGET (f->window), 2);
  built = rows_built (session, list, n);
  g_assert_cmpuint (built, >=, 18);
  g_assert_cmpuint (built, <, n);
  /* the rows are built in order, from the first */
  path = g_strdup_printf ("%s[%u].name", list, built - 1);
  g_assert_cmpstr (cell_text (session, path), ==,
                   ((JueIndicator *) rows->pdata[built - 1])->name);

  /* Tab from the last row built goes on into the next row, not out of
   * the table */
  g_clear_pointer (&path, g_free);
  path = g_strdup_printf ("%s[%u].grade", list, built - 1);
  next = g_strdup_printf ("%s[%u].level1", list, built);
  gtk_widget_grab_focus (jue_field_get_widget (jue_session_find_built_field (session, path)));
  spin ();
  g_assert_cmpuint (rows_built (session, list, n), >, built);
  cell = jue_field_get_widget (jue_session_find_built_field (session, next));
  for (guint i = 0; i < 4; i++)
    {
      focus = gtk_root_get_focus (GTK_ROOT (f->window));
      if (focus == cell || gtk_widget_is_ancestor (focus, cell))
        break;
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
    }
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == cell || gtk_widget_is_ancestor (focus, cell));

  /* scrolled to the end, every row is there */
  scroller = gtk_widget_get_ancestor (gtk_widget_get_ancestor (cell, JUE_TYPE_LIST_EDITOR),
                                      GTK_TYPE_SCROLLED_WINDOW);
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  for (guint i = 0; i < 300 && rows_built (session, list, n) < n; i++)
    {
      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      wait_frames (GTK_WIDGET (f->window), 1);
    }
  g_assert_cmpuint (rows_built (session, list, n), ==, n);
  g_clear_pointer (&path, g_free);
  path = g_strdup_printf ("%s[%u].name", list, n - 1);
  g_assert_cmpstr (cell_text (session, path), ==, ((JueIndicator *) rows->pdata[n - 1])->name);

  /* a new page of the same report, sent to row 41: built to it (and not
   * to the end), the focus in it */
  page = jue_window_get_page (f->window, "dept-eval");
  jue_window_show_section (f->window, "findings");
  gtk_stack_remove (GTK_STACK (f->window->pages), page);
  wait_frames (GTK_WIDGET (f->window), 1);
  far = g_strdup_printf ("%s[40].name", list);
  g_assert_true (jue_window_goto_field (f->window, far));
  wait_frames (GTK_WIDGET (f->window), 2);
  built = rows_built (session, list, n);
  g_assert_cmpuint (built, >, 40);
  g_assert_cmpuint (built, <, n);
  cell = jue_field_get_widget (jue_session_find_built_field (session, far));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == cell || gtk_widget_is_ancestor (focus, cell));
  g_assert_cmpstr (cell_text (session, far), ==, ((JueIndicator *) rows->pdata[40])->name);
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
  g_test_add ("/gui/speed/row-menus", Fixture, NULL, fixture_set_up, test_row_menus,
              fixture_tear_down);
  g_test_add ("/gui/speed/findings-lazy", Fixture, NULL, big_set_up, test_findings_lazy,
              fixture_tear_down);
  g_test_add ("/gui/speed/table-lazy", Fixture, NULL, big_set_up, test_table_lazy,
              fixture_tear_down);
  g_test_add ("/gui/speed/pages-kept", Fixture, NULL, fixture_set_up, test_pages_kept,
              fixture_tear_down);
  return g_test_run ();
}
