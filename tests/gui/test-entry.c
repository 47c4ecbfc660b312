/* test-entry.c — entering and reading a report through the real window:
 * figures never cut by their mark, long texts read whole in review, Enter
 * never moving rows, paste from a spreadsheet, finding values, opening a
 * CSV file, reaching every Add, and going back from a finding. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <string.h>

#include "gui-fixture.h"
#include "jue-find-popover.h"
#include "jue-finding-item.h"
#include "jue-finding-row.h"
#include "jue-list-editor.h"
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



static GtkWidget *
focus_widget (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

/* Whether the focus is in the field at path. */
static gboolean
focus_in (Fixture    *f,
          const char *path)
{
  GtkWidget *focus = focus_widget (f);
  GtkWidget *w = jue_field_get_widget (lookup (f, path));

  return focus && (focus == w || gtk_widget_is_ancestor (focus, w));
}

/* Enter in a one-line field, as the keyboard gives it. */
static void
press_enter (GtkWidget *widget)
{
  if (ADW_IS_ENTRY_ROW (widget))
    g_signal_emit_by_name (widget, "entry-activated");
  else
    g_signal_emit_by_name (widget, "activate");
  spin ();
}

/* Whether widget is wholly inside the page's (vertical) scrolled window. */
static gboolean
on_screen (GtkWidget *widget)
{
  GtkWidget *scroller = widget;
  graphene_point_t at;

  for (;;)
    {
      GtkPolicyType v;

      scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller),
                                          GTK_TYPE_SCROLLED_WINDOW);
      g_assert_nonnull (scroller);
      gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (scroller), NULL, &v);
      if (v != GTK_POLICY_NEVER)
        break;
    }
  g_assert_true (gtk_widget_compute_point (widget, scroller, &GRAPHENE_POINT_INIT (0, 0), &at));
  g_test_message ("at %.0f height %d in %d (value %.0f upper %.0f)", at.y, gtk_widget_get_height (widget), gtk_widget_get_height (scroller), gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))), gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))));
  return at.y >= 0 && at.y + gtk_widget_get_height (widget) <= gtk_widget_get_height (scroller);
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
          {
            g_autofree char *mark = jue_field_dup_mark_message (field);
            g_assert_nonnull (mark);
          }
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

/* ---- 3, 8. Enter: the next field, never a button; down a table -------- */

/* After naming a new special fund, Enter goes to a field, not to 上移, so
 * a second Enter cannot reorder the funds. */
static void
test_enter_skips_buttons (Fixture       *f,
                          gconstpointer  data)
{
  guint n = file_list_length (f->path, "special_funds");
  g_autofree char *first = file_value (f->path, "special_funds[0].project_name");
  g_autofree char *last = NULL;
  g_autofree char *name_path = g_strdup_printf ("special_funds[%u].project_name", n);
  g_autofree char *last_path = g_strdup_printf ("special_funds[%u].project_name", n - 1);
  g_autofree char *before_last = file_value (f->path, last_path);
  g_autofree char *named = NULL;
  GtkWidget *list, *row, *focus;

  jue_window_show_section (f->window, "special-funds");
  wait_frames (GTK_WIDGET (f->window), 2);
  list = find_descendant (jue_window_get_page (f->window, "special-funds"), JUE_TYPE_LIST_EDITOR,
                          "special_funds");
  gtk_widget_activate_action (list, "list.add", NULL);
  spin ();
  g_assert_true (focus_in (f, name_path));
  row = jue_field_get_widget (lookup (f, name_path));
  type_text (row, "新的专项资金");
  press_enter (row);
  focus = focus_widget (f);
  g_assert_nonnull (focus);
  g_assert_false (GTK_IS_BUTTON (focus));
  g_assert_null (gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON));
  /* …and a second Enter, in whatever it is, moves no fund */
  if (GTK_IS_TEXT (focus))
    g_signal_emit_by_name (focus, "activate");
  spin ();
  named = file_value (f->path, name_path);
  g_assert_cmpstr (named, ==, "新的专项资金");
  last = file_value (f->path, last_path);
  g_assert_cmpstr (last, ==, before_last);
  g_free (last);
  last = file_value (f->path, "special_funds[0].project_name");
  g_assert_cmpstr (last, ==, first);

  /* a form: Enter in 政府性基金 goes to 国有资本经营, past nothing else */
  row = field_widget (f, "income.gov_fund");
  gtk_widget_grab_focus (row);
  press_enter (row);
  g_assert_true (focus_in (f, "income.state_capital"));
}

/* In a table Enter goes down the column and Tab across; after the last
 * row Enter adds a row; a row moved to is wholly on screen. */
static void
test_table_enter (Fixture       *f,
                  gconstpointer  data)
{
  guint n = file_list_length (f->path, "functional");
  g_autofree char *code = g_strdup_printf ("functional[%u].code", n);
  GtkWidget *cell;

  set_window_size (f, 1024, 700);
  cell = field_widget (f, "functional[3].budget");
  gtk_widget_grab_focus (cell);
  g_signal_emit_by_name (GTK_ROOT (f->window), "move-focus", GTK_DIR_TAB_FORWARD);
  g_assert_true (focus_in (f, "functional[3].actual"));

  for (guint i = 3; i + 1 < n; i++)
    {
      g_autofree char *here = g_strdup_printf ("functional[%u].actual", i);
      g_autofree char *below = g_strdup_printf ("functional[%u].actual", i + 1);

      press_enter (jue_field_get_widget (lookup (f, here)));
      wait_frames (GTK_WIDGET (f->window), 3);
      g_assert_true (focus_in (f, below));
      g_assert_true (on_screen (jue_field_get_widget (lookup (f, below))));
    }
  /* the last row: Enter adds one, and goes to its first cell */
  {
    g_autofree char *last = g_strdup_printf ("functional[%u].actual", n - 1);
    press_enter (jue_field_get_widget (lookup (f, last)));
  }
  wait_frames (GTK_WIDGET (f->window), 3);
  g_assert_cmpuint (file_list_length (f->path, "functional"), ==, n + 1);
  g_assert_true (focus_in (f, code));
  /* the new row is laid out over the next frames (jue_field_focus looks
   * again for a few): on screen once they have passed */
  for (guint i = 0; i < 8 && !on_screen (jue_field_get_widget (lookup (f, code))); i++)
    wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_true (on_screen (jue_field_get_widget (lookup (f, code))));
}

/* Alt+A on a page with a table and a list: in either, a row is added to
 * it; elsewhere each Alt+A goes to the next Add. */
static void
test_add_reachable (Fixture       *f,
                    gconstpointer  data)
{
  const char *sections = "special_funds[2].sections";
  const char *indicators = "special_funds[2].indicators";
  guint n_sections = file_list_length (f->path, sections);
  guint n_indicators = file_list_length (f->path, indicators);
  GtkWidget *page, *table, *list, *focus, *first_add;

  field_widget (f, "special_funds[2].project_name");
  wait_frames (GTK_WIDGET (f->window), 2);
  page = jue_window_get_page (f->window, "fund-2");
  table = find_descendant (page, JUE_TYPE_LIST_EDITOR, indicators);
  list = find_descendant (page, JUE_TYPE_LIST_EDITOR, sections);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-row", NULL);
  spin ();
  first_add = focus_widget (f);
  g_assert_true (gtk_widget_has_css_class (first_add, "jue-add-button"));
  g_assert_true (gtk_widget_is_ancestor (first_add, table));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-row", NULL);
  spin ();
  focus = focus_widget (f);
  g_assert_true (gtk_widget_has_css_class (focus, "jue-add-button"));
  g_assert_true (gtk_widget_is_ancestor (focus, list));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-row", NULL);
  spin ();
  g_assert_true (focus_widget (f) == first_add);
  /* nothing added by going round */
  g_assert_cmpuint (file_list_length (f->path, sections), ==, n_sections);
  g_assert_cmpuint (file_list_length (f->path, indicators), ==, n_indicators);

  /* in the list of report sections: a section */
  gtk_widget_grab_focus (jue_field_get_widget (lookup (f, "special_funds[2].sections[0].title")));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-row", NULL);
  spin ();
  g_assert_cmpuint (file_list_length (f->path, sections), ==, n_sections + 1);
  /* in the indicator table: an indicator */
  gtk_widget_grab_focus (jue_field_get_widget (lookup (f, "special_funds[2].indicators[0].target")));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-row", NULL);
  spin ();
  g_assert_cmpuint (file_list_length (f->path, indicators), ==, n_indicators + 1);
  g_assert_cmpuint (file_list_length (f->path, sections), ==, n_sections + 1);
}

/* ---- 10. back from a finding ------------------------------------------ */

static GtkWidget *
finding_row (GtkWidget  *root,
             const char *rule,
             const char *path)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (JUE_IS_FINDING_ROW (c))
        {
          const JueFinding *finding =
            jue_finding_item_get_finding (jue_finding_row_get_item (JUE_FINDING_ROW (c)));
          if (g_str_equal (finding->rule, rule) && g_str_equal (finding->path, path))
            return c;
          continue;
        }
      found = finding_row (c, rule, path);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_back_to_finding (Fixture       *f,
                      gconstpointer  data)
{
  JueSession *session = jue_window_get_session (f->window);
  GListModel *findings = jue_session_get_findings (session);
  g_autoptr (JueFindingItem) item = NULL;
  g_autoptr (JueFindingItem) next = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *path = NULL;
  const JueFinding *finding;
  GtkWidget *page, *row, *bar, *focus;
  guint at = 0;

  /* a finding on a field, not the first */
  for (guint i = 1; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr (JueFindingItem) it = g_list_model_get_item (findings, i);
      if (jue_session_lookup_field (session, jue_finding_item_get_finding (it)->path) ||
          (jue_window_goto_field (f->window, jue_finding_item_get_finding (it)->path)))
        {
          at = i;
          break;
        }
    }
  g_assert_cmpuint (at, >, 0);
  g_assert_cmpuint (at + 1, <, g_list_model_get_n_items (findings));
  item = g_list_model_get_item (findings, at);
  finding = jue_finding_item_get_finding (item);
  rule = g_strdup (finding->rule);
  path = g_strdup (finding->path);

  jue_window_show_section (f->window, "findings");
  wait_frames (GTK_WIDGET (f->window), 2);
  page = jue_window_get_page (f->window, "findings");
  row = finding_row (page, rule, path);
  g_assert_nonnull (row);
  /* Enter on the finding: its field */
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpstr (jue_window_get_section (f->window), !=, "findings");
  focus = focus_widget (f);
  g_assert_nonnull (focus);
  bar = find_by_class (GTK_WIDGET (f->window), "jue-finding-bar");
  g_assert_nonnull (bar);
  g_assert_true (gtk_widget_get_mapped (bar));

  /* Alt+Left: back at the same finding */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back-to-findings", NULL);
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpstr (jue_window_get_section (f->window), ==, "findings");
  focus = focus_widget (f);
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));
  g_assert_false (gtk_widget_get_mapped (bar));

  /* F8: the next finding's field */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-finding", NULL);
  wait_frames (GTK_WIDGET (f->window), 2);
  next = g_list_model_get_item (findings, at + 1);
  {
    const char *next_path = jue_finding_item_get_finding (next)->path;
    JueField *field = jue_session_lookup_field (session, next_path);

    g_assert_cmpstr (jue_window_get_section (f->window), !=, "findings");
    if (field)
      g_assert_true (focus_in (f, next_path));
  }
  /* …and back goes to that one */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back-to-findings", NULL);
  wait_frames (GTK_WIDGET (f->window), 2);
  row = finding_row (page, jue_finding_item_get_finding (next)->rule,
                     jue_finding_item_get_finding (next)->path);
  focus = focus_widget (f);
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));
}

/* ---- 4, 9. paste from a spreadsheet ------------------------------------ */

/* Puts text on the clipboard and pastes it into widget, as Ctrl+V does,
 * and waits for the paste to be read. */
static void
paste (Fixture    *f,
       GtkWidget  *widget,
       const char *text)
{
  GtkWidget *inner = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (widget)));
  JueDocument *doc = jue_session_get_document (jue_window_get_session (f->window));
  gboolean could_undo = jue_document_can_undo (doc);
  const char *message = jue_window_get_last_message (f->window);
  g_autofree char *last = g_strdup (message);
  g_autofree char *before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
  guint tick = g_timeout_add (20, wake_main_loop, NULL);

  g_object_ref (widget);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (inner), text);
  gtk_widget_grab_focus (widget);
  spin ();
  g_signal_emit_by_name (inner, "paste-clipboard");
  /* done when the text, the history or the last message has changed */
  for (guint i = 0; i < 1000; i++)
    {
      g_main_context_iteration (NULL, TRUE);
      if (jue_document_can_undo (doc) != could_undo ||
          g_strcmp0 (last, jue_window_get_last_message (f->window)) != 0 ||
          gtk_widget_get_root (widget) == NULL ||   /* its table was rebuilt */
          g_strcmp0 (before, gtk_editable_get_text (GTK_EDITABLE (widget))) != 0)
        break;
    }
  g_source_remove (tick);
  g_object_unref (widget);
  spin ();
}

static void
test_paste_cell (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *cell = field_widget (f, "functional[0].actual");
  GtkWidget *row = field_widget (f, "income.general_budget");
  g_autofree char *value = NULL;

  /* one copied cell: its figure, without the line end Excel adds */
  gtk_widget_grab_focus (cell);
  gtk_editable_select_region (GTK_EDITABLE (cell), 0, -1);
  paste (f, cell, "329.53\r\n");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "329.53");
  value = file_value (f->path, "functional[0].actual");
  g_assert_cmpstr (value, ==, "329.53");
  /* …into a form's field as well (LibreOffice: LF) */
  row = field_widget (f, "income.general_budget");
  gtk_widget_grab_focus (row);
  gtk_editable_select_region (GTK_EDITABLE (row), 0, -1);
  paste (f, row, "1,500.5\n");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "1,500.5");
  g_free (value);
  value = file_value (f->path, "income.general_budget");
  g_assert_cmpstr (value, ==, "1500.50");
}

/* A copied Excel block fills the table from the cell across and down,
 * adds the rows it needs, and is one undo step. */
static void
test_paste_block (Fixture       *f,
                  gconstpointer  data)
{
  guint n = file_list_length (f->path, "functional");
  g_autofree char *last_budget = g_strdup_printf ("functional[%u].budget", n - 1);
  g_autofree char *last_actual = g_strdup_printf ("functional[%u].actual", n - 1);
  g_autofree char *new_code = g_strdup_printf ("functional[%u].code", n);
  g_autofree char *new_budget = g_strdup_printf ("functional[%u].budget", n);
  g_autofree char *new_actual = g_strdup_printf ("functional[%u].actual", n + 1);
  g_autofree char *budget_before = file_value (f->path, last_budget);
  g_autofree char *value = NULL;
  GtkWidget *cell = field_widget (f, last_budget);

  paste (f, cell, "1,234.5\t7\r\n３２９．５３\t8\r\n\t9\r\n");
  g_assert_cmpuint (file_list_length (f->path, "functional"), ==, n + 2);
  value = file_value (f->path, last_budget);
  g_assert_cmpstr (value, ==, "1234.50");
  g_free (value);
  value = file_value (f->path, last_actual);
  g_assert_cmpstr (value, ==, "7.00");
  g_free (value);
  value = file_value (f->path, new_budget);
  g_assert_cmpstr (value, ==, "329.53");
  g_free (value);
  value = file_value (f->path, new_actual);
  g_assert_cmpstr (value, ==, "9.00");
  g_free (value);
  value = file_value (f->path, new_code);
  g_assert_cmpstr (value, ==, "");
  /* the new rows are in the table */
  g_assert_nonnull (jue_session_lookup_field (jue_window_get_session (f->window), new_actual));

  /* one Ctrl+Z takes the whole paste back */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  spin ();
  g_assert_cmpuint (file_list_length (f->path, "functional"), ==, n);
  g_free (value);
  value = file_value (f->path, last_budget);
  g_assert_cmpstr (value, ==, budget_before);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  spin ();
  g_assert_cmpuint (file_list_length (f->path, "functional"), ==, n + 2);
}

/* A block with a cell that cannot be read: nothing pasted, the cell
 * named; a whole page pasted into a field is quoted only in part. */
static void
test_paste_refused (Fixture       *f,
                    gconstpointer  data)
{
  guint n = file_list_length (f->path, "functional");
  g_autofree char *before = file_value (f->path, "functional[15].budget");
  g_autofree char *after = NULL;
  GtkWidget *cell = field_widget (f, "functional[15].budget");
  g_autoptr (GString) page = g_string_new (NULL);
  const char *message;
  GtkWidget *row;
  JueField *field;

  paste (f, cell, "1\t2\r\n3\t78x.6\r\n4\t5\r\n");
  message = jue_window_get_last_message (f->window);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Nothing was pasted"));
  g_assert_nonnull (strstr (message, "row 17"));
  g_assert_nonnull (strstr (message, "Actual"));
  g_assert_nonnull (strstr (message, "“78x.6”"));
  g_assert_cmpuint (file_list_length (f->path, "functional"), ==, n);
  after = file_value (f->path, "functional[15].budget");
  g_assert_cmpstr (after, ==, before);

  /* 1,000 characters into an amount: kept as typed, and the message
   * quotes the beginning of it, not all of it */
  for (guint i = 0; i < 100; i++)
    g_string_append (page, "一二三四五六七八九x");
  row = field_widget (f, "income.general_budget");
  field = jue_field_from_widget (row);
  gtk_widget_grab_focus (row);
  gtk_editable_select_region (GTK_EDITABLE (row), 0, -1);
  paste (f, row, page->str);
  spin ();
  g_assert_nonnull (jue_field_get_parse_error (field));
  g_test_message ("%s", jue_field_get_parse_error (field));
  g_assert_cmpuint (g_utf8_strlen (jue_field_get_parse_error (field), -1), <, 160);
  g_assert_nonnull (strstr (jue_field_get_parse_error (field), "…"));
}

/* A paste that the disk cannot take (issue 10): one transaction, so the
 * file holds none of it; the window shows what the file holds (no row
 * added, the cell as it was), says why, and has nothing to undo. */
static void
test_paste_disk_full (Fixture       *f,
                      gconstpointer  data)
{
  guint n = file_list_length (f->path, "functional");
  g_autofree char *last_budget = g_strdup_printf ("functional[%u].budget", n - 1);
  g_autofree char *new_budget = g_strdup_printf ("functional[%u].budget", n);
  g_autofree char *before = file_value (f->path, last_budget);
  g_autofree char *value = NULL;
  JueSession *session = jue_window_get_session (f->window);
  JueDocument *doc = jue_session_get_document (session);
  GtkWidget *cell = field_widget (f, last_budget);
  struct rlimit old, tiny = { 0, 0 };
  gboolean could_undo = jue_document_can_undo (doc);
  JueFieldRef ref;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old), ==, 0);
  tiny.rlim_max = old.rlim_max;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &tiny), ==, 0);
  paste (f, cell, "1,234.5\t7\r\n３２９．５３\t8\r\n\t9\r\n");
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old), ==, 0);

  g_assert_nonnull (strstr (jue_window_get_last_message (f->window), "the disk is full"));
  g_assert_cmpuint (file_list_length (f->path, "functional"), ==, n);
  value = file_value (f->path, last_budget);
  g_assert_cmpstr (value, ==, before);
  /* the window: what the file holds */
  g_assert_true (jue_report_resolve (jue_session_get_report (session), "functional", &ref, NULL));
  g_assert_cmpuint ((*(GPtrArray **) ref.ptr)->len, ==, n);
  g_assert_null (jue_session_lookup_field (session, new_budget));
  g_free (value);
  value = jue_report_get (jue_session_get_report (session), last_budget, NULL);
  g_assert_cmpstr (value, ==, before);
  g_assert_cmpint (jue_document_can_undo (doc), ==, could_undo);

  /* with room again the same paste goes in whole */
  cell = field_widget (f, last_budget);
  paste (f, cell, "1,234.5\t7\r\n３２９．５３\t8\r\n\t9\r\n");
  g_assert_cmpuint (file_list_length (f->path, "functional"), ==, n + 2);
  g_free (value);
  value = file_value (f->path, new_budget);
  g_assert_cmpstr (value, ==, "329.53");
}

/* ---- 6. Ctrl+F finds values ------------------------------------------ */

/* The rows of the results shown. */
static GPtrArray *
result_rows (GtkWidget *popover)
{
  GtkWidget *list = find_by_type (popover, GTK_TYPE_LIST_BOX);
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    g_ptr_array_add (rows, c);
  return rows;
}

static gboolean
results_mention (GtkWidget  *popover,
                 const char *text)
{
  g_autoptr (GPtrArray) rows = result_rows (popover);

  for (guint i = 0; i < rows->len; i++)
    {
      const char *tip = gtk_widget_get_tooltip_text (rows->pdata[i]);
      GtkWidget *value = find_by_class (rows->pdata[i], "jue-find-value");

      if ((tip && strstr (tip, text)) ||
          (value && strstr (gtk_label_get_text (GTK_LABEL (value)), text)))
        return TRUE;
    }
  return FALSE;
}

static void
test_find_values (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *popover = find_by_type (GTK_WIDGET (f->window), JUE_TYPE_FIND_POPOVER);
  GtkWidget *entry = find_by_type (popover, GTK_TYPE_SEARCH_ENTRY);

  /* a name typed in a table, and a figure */
  g_assert_cmpuint (jue_find_popover_search (JUE_FIND_POPOVER (popover), "招商引资"), >=, 3);
  g_assert_true (results_mention (popover, "招商引资"));
  g_assert_cmpuint (jue_find_popover_search (JUE_FIND_POPOVER (popover), "329.53"), >=, 1);
  g_assert_true (results_mention (popover, "329.53"));
  /* a word of the name and a word of the value narrow each other */
  g_assert_cmpuint (jue_find_popover_search (JUE_FIND_POPOVER (popover), "actual 329.53"), ==, 1);

  /* Enter goes to the field that holds it (329.53 alone is also the 项's
   * figure in the accounts by 项, issue 11: name the column too) */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL);
  spin ();
  gtk_editable_set_text (GTK_EDITABLE (entry), "actual 329.53");
  jue_find_popover_search (JUE_FIND_POPOVER (popover), "actual 329.53");   /* (without the entry's pause) */
  g_signal_emit_by_name (entry, "activate");
  spin ();
  g_assert_cmpstr (jue_window_get_section (f->window), ==, "functional");
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
    GtkWidget *cell = jue_field_get_widget (lookup (f, "functional[1].actual"));
    g_assert_true (focus == cell || gtk_widget_is_ancestor (focus, cell));
  }
}

/* ---- 7. a CSV file opened as a report ----------------------------------- */

/* The message dialog whose heading names name. */
static AdwMessageDialog *
message_dialog (const char *name)
{
  GListModel *tops = gtk_window_get_toplevels ();   /* (not ours) */

  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (tops, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)) &&
          strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (w)), name))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static void
test_open_csv (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "csv", NULL);
  g_autofree char *table = g_build_filename (csv, "01_收入支出决算总表.csv", NULL);
  g_autofree char *other = g_build_filename (f->dir, "notes.csv", NULL);
  const char *message;
  AdwMessageDialog *dialog;

  g_assert_true (jue_window_export_csv (f->window, csv, FALSE));
  g_assert_false (jue_window_open_file (f->window, table, FALSE));
  spin ();
  message = jue_window_get_last_message (f->window);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "CSV"));
  g_assert_nonnull (strstr (message, "export"));
  g_assert_null (strstr (message, "SQLite"));
  dialog = message_dialog ("01_收入支出决算总表.csv");
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "import"));
  adw_message_dialog_response (dialog, "cancel");   /* (and it closes) */
  spin ();
  /* the report shown is still the one that was */
  g_assert_cmpstr (jue_window_get_filename (f->window), ==, f->path);

  /* a CSV file that is no export: said so, and nothing to import */
  g_assert_true (g_file_set_contents (other, "a,b\r\n1,2\r\n", -1, NULL));
  g_assert_false (jue_window_open_file (f->window, other, FALSE));
  spin ();
  message = jue_window_get_last_message (f->window);
  g_assert_nonnull (strstr (message, "notes.csv"));
  g_assert_nonnull (strstr (message, "CSV"));
  g_assert_null (strstr (message, "SQLite"));
  dialog = message_dialog ("notes.csv");
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_has_response (dialog, "import"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* no blinking cursor: its timer warns ("unexpected blinking selection")
   * when a paste replaces a selection between two blinks */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add ("/gui/entry/amount-never-cut", Fixture, NULL, fixture_set_up,
              test_amount_never_cut, fixture_tear_down);
  g_test_add ("/gui/entry/review-long-text", Fixture, "review", fixture_set_up,
              test_review_long_text, fixture_tear_down);
  g_test_add ("/gui/entry/enter-skips-buttons", Fixture, NULL, fixture_set_up,
              test_enter_skips_buttons, fixture_tear_down);
  g_test_add ("/gui/entry/table-enter", Fixture, NULL, fixture_set_up, test_table_enter,
              fixture_tear_down);
  g_test_add ("/gui/entry/add-reachable", Fixture, NULL, fixture_set_up, test_add_reachable,
              fixture_tear_down);
  g_test_add ("/gui/entry/back-to-finding", Fixture, NULL, fixture_set_up,
              test_back_to_finding, fixture_tear_down);
  g_test_add ("/gui/entry/paste-disk-full", Fixture, NULL, fixture_set_up,
              test_paste_disk_full, fixture_tear_down);
  g_test_add ("/gui/entry/paste-cell", Fixture, NULL, fixture_set_up, test_paste_cell,
              fixture_tear_down);
  g_test_add ("/gui/entry/paste-block", Fixture, NULL, fixture_set_up, test_paste_block,
              fixture_tear_down);
  g_test_add ("/gui/entry/paste-refused", Fixture, NULL, fixture_set_up, test_paste_refused,
              fixture_tear_down);
  g_test_add ("/gui/entry/find-values", Fixture, NULL, fixture_set_up, test_find_values,
              fixture_tear_down);
  g_test_add ("/gui/entry/open-csv", Fixture, NULL, fixture_set_up, test_open_csv,
              fixture_tear_down);
  return g_test_run ();
}
