/* test-table-pages.c — the published tables as pages of the window
 * (issue 11 part 3): the sample's Sichuan tables as printed, typing in a
 * 项 cell and its 款/类/合计 following, computed cells not editable, the
 * spreadsheet keys, undo, and the findings' jump onto a table cell. */
#include "config.h"

#include <string.h>

#include "gui-fixture.h"
#include "jue-finding-item.h"
#include "jue-list-editor.h"
#include "jue-sections.h"
#include "jue-table-editor.h"
#include "jue-tsv.h"
#include "jue-window-private.h"

static JueTableEditor *
show_table (Fixture    *f,
            const char *id)
{
  GtkWidget *page;
  GtkWidget *editor;

  jue_window_show_section (f->window, id);
  wait_frames (GTK_WIDGET (f->window), 3);
  g_assert_cmpstr (jue_window_get_section (f->window), ==, id);
  page = jue_window_get_page (f->window, id);
  editor = find_by_type (page, JUE_TYPE_TABLE_EDITOR);
  g_assert_nonnull (editor);
  return JUE_TABLE_EDITOR (editor);
}

/* The text a body cell shows: a label's, or a typed cell's entry. */
static const char *
cell_text (JueTableEditor *editor,
           gint            row,
           guint           col)
{
  GtkWidget *cell;

  g_assert_cmpint (row, >=, 0);
  cell = jue_table_editor_get_cell (editor, (guint) row, col);
  g_assert_nonnull (cell);
  if (GTK_IS_LABEL (cell))
    return gtk_label_get_text (GTK_LABEL (cell));
  g_assert_true (GTK_IS_EDITABLE (cell));
  return gtk_editable_get_text (GTK_EDITABLE (cell));
}

/* The first item row after row (a 项 of the 类 or 款 at row). */
static gint
item_after (JueTableEditor *editor,
            gint            row)
{
  const JueRenderedTable *t = jue_table_editor_get_table (editor);

  for (guint r = (guint) row + 1; r < t->rows->len; r++)
    if (((JueRenderedRow *) t->rows->pdata[r])->kind == JUE_RENDER_ROW_ITEM)
      return (gint) r;
  return -1;
}

static gint
kuan_above (JueTableEditor *editor,
            gint            row)
{
  const JueRenderedTable *t = jue_table_editor_get_table (editor);

  for (gint r = row; r >= 0; r--)
    if (((JueRenderedRow *) t->rows->pdata[r])->kind == JUE_RENDER_ROW_KUAN)
      return r;
  return -1;
}

static const char *
cell_path (JueTableEditor *editor,
           gint            row,
           guint           col)
{
  return jue_rendered_cell (jue_table_editor_get_table (editor), (guint) row, col)->path;
}

static GtkWidget *
focus_widget (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static gboolean
focus_in_cell (Fixture        *f,
               JueTableEditor *editor,
               gint            row,
               guint           col)
{
  GtkWidget *focus = focus_widget (f);
  GtkWidget *cell = jue_table_editor_get_cell (editor, (guint) row, col);

  return focus && cell && (focus == cell || gtk_widget_is_ancestor (focus, cell));
}

/* A key as the keyboard gives it to the table (its capture-phase key
 * controller sees it before the focused entry does). */
static void
press (JueTableEditor  *editor,
       guint            keyval,
       GdkModifierType  state)
{
  GtkWidget *grid = find_by_class (GTK_WIDGET (editor), "jue-editor-grid");
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (grid);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        {
          g_signal_emit_by_name (c, "key-pressed", keyval, 0, state, &handled);
          break;
        }
    }
  spin ();
}

static void
type_into (GtkWidget  *cell,
           const char *text)
{
  gtk_widget_grab_focus (cell);
  spin ();
  gtk_editable_set_text (GTK_EDITABLE (cell), text);
  jue_field_flush (jue_field_from_widget (cell));
  spin ();
}

/* The sidebar: the template's tables after the evaluations, before the
 * Report page and the findings, titled with number and title. */
static void
test_sections (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GPtrArray) sections = jue_sections_for_report (jue_session_get_report (jue_window_get_session (f->window)));
  guint first = 0, n = 0;

  for (guint i = 0; i < sections->len; i++)
    {
      JueSection *s = sections->pdata[i];
      if (s->kind != JUE_SECTION_TABLE)
        continue;
      if (n++ == 0)
        first = i;
      g_assert_cmpstr (s->group, ==, "第五部分 附表");
    }
  g_assert_cmpuint (n, ==, 13);
  g_assert_true (g_str_has_prefix (((JueSection *) sections->pdata[first - 1])->id, "fund-"));
  g_assert_cmpstr (((JueSection *) sections->pdata[first + 13])->id, ==, "report");
  g_assert_cmpstr (((JueSection *) sections->pdata[first + 5])->id, ==, "table-6");
  g_assert_cmpstr (((JueSection *) sections->pdata[first + 5])->title, ==,
                   "表6 一般公共预算财政拨款支出决算表");
  /* the split is typed on the table page; the narrative keeps the rest */
  g_assert_cmpstr (jue_sections_find_for_path (sections, "functional[3].basic")->id, ==, "table-6");
  g_assert_cmpstr (jue_sections_find_for_path (sections, "functional[3].budget")->id, ==,
                   "functional");
  g_assert_cmpstr (jue_sections_find_for_path (sections, "accounts[0].exp_basic")->id, ==,
                   "table-3");
  g_assert_cmpstr (jue_sections_find_for_path (sections, "income.general_budget")->id, ==,
                   "income-expenditure");
}

/* 表6 shows the sample's printed figures: 合计 1447.01 = 708.77 + 738.24,
 * the 类 206 科学技术支出 1288.67; computed cells are labels, bold where
 * printed bold, and cannot be typed into. */
static void
test_table6_figures (Fixture       *f,
                     gconstpointer  data)
{
  JueTableEditor *editor = show_table (f, "table-6");
  gint total = jue_table_editor_find_row (editor, JUE_RENDER_ROW_TOTAL, NULL);
  gint science = jue_table_editor_find_row (editor, JUE_RENDER_ROW_CLASS, "206");
  GtkWidget *cell;

  g_assert_cmpint (total, ==, 0);
  g_assert_cmpstr (cell_text (editor, total, 1), ==, "合计");
  g_assert_cmpstr (cell_text (editor, total, 2), ==, "1447.01");
  g_assert_cmpstr (cell_text (editor, total, 3), ==, "708.77");
  g_assert_cmpstr (cell_text (editor, total, 4), ==, "738.24");
  g_assert_cmpstr (cell_text (editor, science, 1), ==, "科学技术支出");
  g_assert_cmpstr (cell_text (editor, science, 2), ==, "1288.67");

  cell = jue_table_editor_get_cell (editor, (guint) science, 2);
  g_assert_true (GTK_IS_LABEL (cell));
  g_assert_false (GTK_IS_EDITABLE (cell));
  g_assert_null (jue_field_from_widget (cell));
  g_assert_false (gtk_widget_get_focusable (cell));
  g_assert_true (gtk_widget_has_css_class (cell, "jue-pt-bold"));
  /* a typed 项 figure is a field cell bound to its path */
  {
    gint item = item_after (editor, science);
    GtkWidget *typed = jue_table_editor_get_cell (editor, (guint) item, 2);
    JueField *field = jue_field_from_widget (typed);

    g_assert_nonnull (field);
    g_assert_true (GTK_IS_EDITABLE (typed));
    g_assert_cmpstr (jue_field_get_path (field), ==, cell_path (editor, item, 2));
    g_assert_true (g_str_has_prefix (jue_field_get_path (field), "functional["));
    g_assert_true (g_str_has_suffix (jue_field_get_path (field), "].actual"));
  }
}

/* Typing a 项 figure: its 款, 类 and 合计 cells change in place (the same
 * labels), the file has it; undo puts all back. */
static void
test_typing_updates_subtotals (Fixture       *f,
                               gconstpointer  data)
{
  JueTableEditor *editor = show_table (f, "table-6");
  gint total = jue_table_editor_find_row (editor, JUE_RENDER_ROW_TOTAL, NULL);
  gint science = jue_table_editor_find_row (editor, JUE_RENDER_ROW_CLASS, "206");
  gint item = item_after (editor, science);
  gint kuan = kuan_above (editor, item);
  GtkWidget *class_label = jue_table_editor_get_cell (editor, (guint) science, 2);
  g_autofree char *path = g_strdup (cell_path (editor, item, 2));
  g_autofree char *was = file_value (f->path, path);
  g_autofree char *kuan_was = g_strdup (cell_text (editor, kuan, 2));
  g_autofree char *now = NULL;
  g_autofree char *back = NULL;

  g_assert_cmpint (kuan, >, science);
  g_assert_cmpstr (was, ==, "329.53");
  g_assert_cmpstr (kuan_was, ==, "383.73");
  type_into (jue_table_editor_get_cell (editor, (guint) item, 2), "330.53");
  now = file_value (f->path, path);
  g_assert_cmpstr (now, ==, "330.53");
  g_assert_true (jue_table_editor_get_cell (editor, (guint) science, 2) == class_label);
  g_assert_cmpstr (cell_text (editor, kuan, 2), ==, "384.73");
  g_assert_cmpstr (cell_text (editor, science, 2), ==, "1289.67");
  g_assert_cmpstr (cell_text (editor, total, 2), ==, "1448.01");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  wait_frames (GTK_WIDGET (f->window), 2);
  back = file_value (f->path, path);
  g_assert_cmpstr (back, ==, "329.53");
  g_assert_cmpstr (cell_text (editor, science, 2), ==, "1288.67");
  g_assert_cmpstr (cell_text (editor, total, 2), ==, "1447.01");
}

/* Up and Down keep the column and pass over the computed rows; Left and
 * Right move at the text's ends; Enter goes down; Tab across; a cell
 * arrived at has its text selected; Escape puts back its value. */
static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  JueTableEditor *editor = show_table (f, "table-6");
  gint science = jue_table_editor_find_row (editor, JUE_RENDER_ROW_CLASS, "206");
  gint item = item_after (editor, science);
  gint next = item_after (editor, item);
  gint prev_item = -1;
  GtkWidget *cell = jue_table_editor_get_cell (editor, (guint) item, 2);
  GtkEditable *editable;
  int start, end;
  g_autofree char *path = NULL;
  g_autofree char *kept = NULL;

  /* the item before the 类 206 row (in the 类 above it) */
  for (gint r = science - 1; r >= 0 && prev_item < 0; r--)
    if (((JueRenderedRow *) jue_table_editor_get_table (editor)->rows->pdata[r])->kind == JUE_RENDER_ROW_ITEM)
      prev_item = r;
  g_assert_cmpint (prev_item, >=, 0);

  gtk_widget_grab_focus (cell);
  spin ();
  g_assert_true (focus_in_cell (f, editor, item, 2));

  /* Up: over the 类 and 款 rows between, to the 项 above */
  press (editor, GDK_KEY_Up, 0);
  g_assert_true (focus_in_cell (f, editor, prev_item, 2));
  /* Down: back, and its text is selected (typing replaces it) */
  press (editor, GDK_KEY_Down, 0);
  g_assert_true (focus_in_cell (f, editor, item, 2));
  editable = GTK_EDITABLE (cell);
  g_assert_true (gtk_editable_get_selection_bounds (editable, &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, (int) g_utf8_strlen (gtk_editable_get_text (editable), -1));

  /* A click into a cell not being edited: the focus comes and its text
   * is selected (typing replaces it); the press is not passed on to put
   * the caret where it was pressed */
  {
    GtkWidget *other = jue_table_editor_get_cell (editor, (guint) next, 2);
    int s2, e2;

    GtkGesture *click = g_object_get_data (G_OBJECT (other), "jue-cell-click");

    g_assert_nonnull (click);
    g_signal_emit_by_name (click, "pressed", 1, 2.0, 2.0);
    spin ();
    g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (other), &s2, &e2));
    g_assert_cmpint (s2, ==, 0);
    g_assert_cmpint (e2, ==, (int) g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (other)), -1));
    gtk_widget_grab_focus (cell);
    spin ();
    g_assert_true (focus_in_cell (f, editor, item, 2));
  }

  /* Right with all selected: the next column (基本支出) */
  press (editor, GDK_KEY_Right, 0);
  g_assert_true (focus_in_cell (f, editor, item, 3));
  /* Left with the caret inside the text: it moves in the text */
  editable = GTK_EDITABLE (jue_table_editor_get_cell (editor, (guint) item, 3));
  gtk_editable_set_position (editable, 1);
  press (editor, GDK_KEY_Left, 0);
  g_assert_true (focus_in_cell (f, editor, item, 3));
  /* …and at its start, to the cell on the left */
  gtk_editable_set_position (editable, 0);
  press (editor, GDK_KEY_Left, 0);
  g_assert_true (focus_in_cell (f, editor, item, 2));

  /* Tab across: 小计 → 基本支出 → 项目支出 → the next row's 小计 */
  press (editor, GDK_KEY_Tab, 0);
  g_assert_true (focus_in_cell (f, editor, item, 3));
  press (editor, GDK_KEY_Tab, 0);
  g_assert_true (focus_in_cell (f, editor, item, 4));
  press (editor, GDK_KEY_Tab, 0);
  g_assert_true (focus_in_cell (f, editor, next, 2));
  press (editor, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK);
  g_assert_true (focus_in_cell (f, editor, item, 4));

  /* Enter: down the column */
  cell = jue_table_editor_get_cell (editor, (guint) item, 2);
  gtk_widget_grab_focus (cell);
  spin ();
  g_signal_emit_by_name (cell, "activate");
  spin ();
  g_assert_true (focus_in_cell (f, editor, next, 2));

  /* Escape: the value the cell had when arrived at, in the file too */
  cell = jue_table_editor_get_cell (editor, (guint) next, 2);
  path = g_strdup (jue_field_get_path (jue_field_from_widget (cell)));
  kept = file_value (f->path, path);
  gtk_editable_set_text (GTK_EDITABLE (cell), "12");
  jue_field_flush (jue_field_from_widget (cell));
  spin ();
  {
    g_autofree char *typed = file_value (f->path, path);
    g_assert_cmpstr (typed, ==, "12.00");
  }
  press (editor, GDK_KEY_Escape, 0);
  {
    g_autofree char *restored = file_value (f->path, path);
    g_assert_cmpstr (restored, ==, kept);
  }
}

/* A finding on a figure only the tables show (the functional split) goes
 * to the table page and into its cell. */
static void
test_finding_jump (Fixture       *f,
                   gconstpointer  data)
{
  JueTableEditor *editor = show_table (f, "table-6");
  gint science = jue_table_editor_find_row (editor, JUE_RENDER_ROW_CLASS, "206");
  gint item = item_after (editor, science);
  GtkWidget *cell = jue_table_editor_get_cell (editor, (guint) item, 3);
  g_autofree char *path = g_strdup (cell_path (editor, item, 3));
  GListModel *findings = jue_session_get_findings (jue_window_get_session (f->window));
  g_autofree char *rule = NULL;

  g_assert_true (g_str_has_suffix (path, "].basic"));
  type_into (cell, "12x");   /* unreadable: an error on that path */
  for (guint i = 0; i < g_list_model_get_n_items (findings) && rule == NULL; i++)
    {
      g_autoptr (JueFindingItem) it = g_list_model_get_item (findings, i);
      const JueFinding *finding = jue_finding_item_get_finding (it);
      if (g_strcmp0 (finding->path, path) == 0)
        rule = g_strdup (finding->rule);
    }
  g_assert_nonnull (rule);

  jue_window_show_section (f->window, "findings");
  wait_frames (GTK_WIDGET (f->window), 2);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.goto-finding", "(ss)", rule, path);
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpstr (jue_window_get_section (f->window), ==, "table-6");
  editor = JUE_TABLE_EDITOR (find_by_type (jue_window_get_page (f->window, "table-6"),
                                           JUE_TYPE_TABLE_EDITOR));
  g_assert_true (focus_in_cell (f, editor, item, 3));
}

/* The button of root whose action target is target, or NULL. */
static GtkWidget *
find_link (GtkWidget  *root,
           const char *target)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && gtk_actionable_get_action_target_value (GTK_ACTIONABLE (c)) &&
          g_variant_is_of_type (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (c)),
                                G_VARIANT_TYPE_STRING) &&
          g_str_equal (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (c)), NULL),
                       target))
        return c;
      found = find_link (c, target);
      if (found)
        return found;
    }
  return NULL;
}

/* The functional list does not show the split: it says where it is typed,
 * with a link that goes there. */
static void
test_narrative_link (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *link;

  jue_window_show_section (f->window, "functional");
  wait_frames (GTK_WIDGET (f->window), 2);
  link = find_link (jue_window_get_page (f->window, "functional"), "table-6");
  g_assert_nonnull (link);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (link)), ==, "Fill in on 表6");
  g_signal_emit_by_name (link, "clicked");
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpstr (jue_window_get_section (f->window), ==, "table-6");
}

/* Mark as Empty: the table prints 本表为空表 and the reason, the file has
 * the mark; Not Empty takes it away;
 * undo puts it back. */
static void
test_mark_empty (Fixture       *f,
                 gconstpointer  data)
{
  JueTableEditor *editor = show_table (f, "table-10");
  JueSession *session = jue_window_get_session (f->window);
  GtkWidget *bar = find_by_class (GTK_WIDGET (editor), "jue-list-mark");
  g_autofree char *key = NULL;
  g_autoptr (GPtrArray) sections = NULL;

  g_assert_false (jue_table_editor_get_table (editor)->marked_empty);
  g_assert_false (gtk_widget_get_visible (bar));
  g_assert_cmpuint (file_list_length (f->path, "empty_tables"), ==, 0);
  g_assert_true (jue_table_editor_mark_empty (editor, "本单位无政府性基金预算财政拨款收支"));
  wait_frames (GTK_WIDGET (f->window), 2);
  key = file_value (f->path, "empty_tables[0].table");
  g_assert_cmpstr (key, ==, "gov_fund");
  g_assert_true (jue_table_editor_get_table (editor)->marked_empty);
  g_assert_cmpstr (cell_text (editor, 0, 0), ==, "本表为空表");
  g_assert_cmpstr (cell_text (editor, 1, 0), ==, "本单位无政府性基金预算财政拨款收支");
  g_assert_true (gtk_widget_get_visible (bar));
  sections = jue_sections_for_report (jue_session_get_report (session));
  /* the government-fund form has the mark's switch too: its findings go there */
  g_assert_cmpstr (jue_sections_find_for_path (sections, "empty_tables[0].table")->id, ==,
                   "gov-fund");

  gtk_widget_activate_action (GTK_WIDGET (editor), "table.unmark-empty", NULL);
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpuint (file_list_length (f->path, "empty_tables"), ==, 0);
  g_assert_false (jue_table_editor_get_table (editor)->marked_empty);
  g_assert_false (gtk_widget_get_visible (bar));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpuint (file_list_length (f->path, "empty_tables"), ==, 1);
  g_assert_true (gtk_widget_get_visible (bar));
}

/* Ctrl+V of cells copied from a spreadsheet onto a 项's 基本支出: its
 * 基本支出 and 项目支出 in the file, the 类 follows; cells that cannot be
 * read: nothing stored. */
static void
test_paste (Fixture       *f,
            gconstpointer  data)
{
  JueTableEditor *editor = show_table (f, "table-6");
  gint science = jue_table_editor_find_row (editor, JUE_RENDER_ROW_CLASS, "206");
  gint item = item_after (editor, science);
  g_autofree char *basic = g_strdup (cell_path (editor, item, 3));
  g_autofree char *project = g_strdup (cell_path (editor, item, 4));
  GtkWidget *cell = jue_table_editor_get_cell (editor, (guint) item, 3);
  g_autofree char *basic_was = file_value (f->path, basic);

  gtk_widget_grab_focus (cell);
  spin ();
  gtk_widget_activate_action (cell, "table.paste", "(ss)", basic, "329.00\t0.53");
  wait_frames (GTK_WIDGET (f->window), 2);
  {
    g_autofree char *b = file_value (f->path, basic);
    g_autofree char *p = file_value (f->path, project);
    g_assert_cmpstr (b, ==, "329.00");
    g_assert_cmpstr (p, ==, "0.53");
  }
  g_assert_cmpstr (cell_text (editor, science, 3), !=, "551.80");

  /* not figures: refused whole */
  gtk_widget_activate_action (cell, "table.paste", "(ss)", basic, "x1\ty2");
  wait_frames (GTK_WIDGET (f->window), 2);
  {
    g_autofree char *b = file_value (f->path, basic);
    g_assert_cmpstr (b, ==, "329.00");
  }
  g_assert_cmpstr (basic_was, !=, "329.00");
}

/* Add a Row by Code…: the 项 in the table, in its 类 and 款, its name from
 * the classification, the cursor in its figure; one undo step takes it
 * away; a code of the wrong length is refused, naming it. */
static void
test_add_by_code (Fixture       *f,
                  gconstpointer  data)
{
  JueTableEditor *editor = show_table (f, "table-6");
  guint n = file_list_length (f->path, "functional");
  g_autoptr (GError) error = NULL;
  gint row;

  g_assert_cmpint (jue_table_editor_find_row (editor, JUE_RENDER_ROW_ITEM, "2060503"), ==, -1);
  g_assert_true (jue_table_editor_add_code (editor, "2060503", &error));
  g_assert_no_error (error);
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpuint (file_list_length (f->path, "functional"), ==, n + 1);
  row = jue_table_editor_find_row (editor, JUE_RENDER_ROW_ITEM, "2060503");
  g_assert_cmpint (row, >, jue_table_editor_find_row (editor, JUE_RENDER_ROW_CLASS, "206"));
  g_assert_cmpstr (cell_text (editor, row, 1), ==, "科技条件专项");
  g_assert_cmpint (kuan_above (editor, row), ==,
                   jue_table_editor_find_row (editor, JUE_RENDER_ROW_KUAN, "20605"));
  g_assert_true (focus_in_cell (f, editor, row, 2));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpuint (file_list_length (f->path, "functional"), ==, n);
  g_assert_cmpint (jue_table_editor_find_row (editor, JUE_RENDER_ROW_ITEM, "2060503"), ==, -1);

  g_assert_false (jue_table_editor_add_code (editor, "20602", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "20602"));
  g_assert_cmpuint (file_list_length (f->path, "functional"), ==, n);
  g_clear_error (&error);

  /* a code the classification in force lacks (the built-in one is
   * partial): refused, the page having no cell for its names */
  g_assert_false (jue_table_editor_add_code (editor, "2010101", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "2010101"));
  g_assert_cmpuint (file_list_length (f->path, "functional"), ==, n);
}

/* On the economic table, Add a Row by Code… takes its codes from the
 * economic classification in force: 30799 is not in the built-in table,
 * and is added, with its name, once a table that has it is imported. */
static void
test_add_economic_code (Fixture       *f,
                        gconstpointer  data)
{
  JueTableEditor *editor = show_table (f, "table-8");
  g_autofree char *csv = g_build_filename (f->dir, "economic-2025.csv", NULL);
  g_autoptr (GError) error = NULL;
  gint row;

  g_assert_true (g_file_set_contents (csv, "code,name,level,parent\n"
                                      "307,债务利息及费用支出,1,\n"
                                      "30799,其他债务利息及费用支出,2,307\n", -1, NULL));
  g_assert_false (jue_table_editor_add_code (editor, "30799", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (file_list_length (f->path, "economic"), ==, 0);

  g_assert_true (jue_window_import_economic_classification_file (f->window, csv));
  spin ();
  editor = show_table (f, "table-8");
  g_assert_true (jue_table_editor_add_code (editor, "30799", &error));
  g_assert_no_error (error);
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpuint (file_list_length (f->path, "economic"), ==, 1);
  row = jue_table_editor_find_row (editor, JUE_RENDER_ROW_ITEM, "30799");
  g_assert_cmpint (row, >=, 0);
  {
    g_autofree char *name = file_value (f->path, "economic[0].name");
    g_assert_cmpstr (name, ==, "其他债务利息及费用支出");
  }
}

/* A window on the sample with its functional rows twenty times over. */
static void
fixture_set_up_x20 (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) report = jue_sample_new (&error);
  g_autoptr (JueDocument) doc = NULL;
  guint n;

  g_assert_no_error (error);
  n = report->functional->len;
  for (guint t = 1; t < 20; t++)
    for (guint i = 0; i < n; i++)
      g_ptr_array_add (report->functional,
                       jue_record_copy (&JueFunctionalRow_def, report->functional->pdata[i]));
  f->dir = g_dir_make_tmp ("juesuan-gui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "x20.juesuan", NULL);
  doc = jue_document_create (f->path, report, &error);
  g_assert_no_error (error);
  f->window = jue_window_new (NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_mapped (GTK_WIDGET (f->window));
  g_assert_true (jue_window_open_file (f->window, f->path, FALSE));
  spin ();
}

/* ×20: the page builds the rows on screen, not 340 项; a finding's path
 * far down builds the rows to it and goes into its cell; the figures are
 * the sample's twenty times. */
static void
test_x20_builds_what_is_seen (Fixture       *f,
                              gconstpointer  data)
{
  JueTableEditor *editor = show_table (f, "table-6");
  const JueRenderedTable *t = jue_table_editor_get_table (editor);
  const char *last_path = NULL;
  gint last = -1;

  g_assert_cmpuint (t->rows->len, >, 340);
  g_assert_cmpstr (cell_text (editor, 0, 2), ==, "28940.20");   /* 1447.01 × 20 */
  g_assert_null (jue_table_editor_get_cell (editor, t->rows->len - 1, 2));
  for (gint r = (gint) t->rows->len - 1; r >= 0 && last < 0; r--)
    if (cell_path (editor, r, 3))
      {
        last = r;
        last_path = cell_path (editor, r, 3);
      }
  g_assert_true (jue_window_goto_field (f->window, last_path));
  wait_frames (GTK_WIDGET (f->window), 3);
  g_assert_cmpstr (jue_window_get_section (f->window), ==, "table-6");
  g_assert_true (focus_in_cell (f, editor, last, 3));
}

/* Add a Row by Code… on Sichuan 表5, which prints three budgets' lists:
 * the new 项 goes to the list its 款 decides (20605 is the general
 * budget's, functional), as a paste would put it, in code order. */
static void
test_add_by_code_table5 (Fixture       *f,
                         gconstpointer  data)
{
  JueTableEditor *editor = show_table (f, "table-5");
  guint n = file_list_length (f->path, "functional");
  guint funds = file_list_length (f->path, "gov_fund.rows");
  GtkWidget *button = find_by_class (GTK_WIDGET (editor), "jue-add-by-code");
  g_autoptr (GError) error = NULL;
  gint row;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (jue_table_editor_add_code (editor, "2060503", &error));
  g_assert_no_error (error);
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpuint (file_list_length (f->path, "functional"), ==, n + 1);
  g_assert_cmpuint (file_list_length (f->path, "gov_fund.rows"), ==, funds);
  row = jue_table_editor_find_row (editor, JUE_RENDER_ROW_ITEM, "2060503");
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpint (kuan_above (editor, row), ==,
                   jue_table_editor_find_row (editor, JUE_RENDER_ROW_KUAN, "20605"));
  g_assert_true (focus_in_cell (f, editor, row, 2));
}

/* The lists of figures are the same table editor (one editor for every
 * table and list): on the functional list of the narrative page, and on
 * the department's indicators, the same keys as on a published table —
 * Up and Down along a column, a cell arrived at or clicked selected,
 * Right at the end of the text to the next column, Escape back to the
 * value the cell had on arrival — and the row's menu acts on the list. */
static guint
list_column (JueTableEditor *editor,
             const char     *field)
{
  const JueRenderedTable *t = jue_table_editor_get_table (editor);

  for (guint c = 0; c < t->n_columns; c++)
    if (g_strcmp0 (((JueRenderedColumn *) t->columns->pdata[c])->field, field) == 0)
      return c;
  g_assert_not_reached ();
}

static void
test_list_keys (Fixture       *f,
                gconstpointer  data)
{
  JueSession *session = jue_window_get_session (f->window);
  GtkWidget *page, *list, *cell, *other;
  JueTableEditor *editor;
  guint budget, actual, n_rows;
  int start, end;
  g_autofree char *kept = NULL;

  jue_window_show_section (f->window, "functional");
  wait_frames (GTK_WIDGET (f->window), 3);
  page = jue_window_get_page (f->window, "functional");
  list = find_descendant (page, JUE_TYPE_LIST_EDITOR, "functional");
  g_assert_nonnull (list);
  editor = JUE_TABLE_EDITOR (jue_list_editor_get_table (JUE_LIST_EDITOR (list)));
  g_assert_nonnull (editor);
  /* its rows are the list's, with the list's number column */
  n_rows = jue_session_get_report (session)->functional->len;
  g_assert_cmpuint (jue_table_editor_get_table (editor)->rows->len, ==, n_rows);
  budget = list_column (editor, "budget");
  actual = list_column (editor, "actual");
  g_assert_cmpuint (actual, ==, budget + 1);

  cell = jue_table_editor_get_cell (editor, 1, actual);
  gtk_widget_grab_focus (cell);
  spin ();
  press (editor, GDK_KEY_Down, 0);
  g_assert_true (focus_in_cell (f, editor, 2, actual));
  g_assert_true (gtk_editable_get_selection_bounds (
                   GTK_EDITABLE (jue_table_editor_get_cell (editor, 2, actual)), &start, &end));
  g_assert_cmpint (start, ==, 0);
  press (editor, GDK_KEY_Up, 0);
  press (editor, GDK_KEY_Up, 0);
  g_assert_true (focus_in_cell (f, editor, 0, actual));
  /* Left with all selected: 调整后预算; Right back */
  press (editor, GDK_KEY_Left, 0);
  g_assert_true (focus_in_cell (f, editor, 0, budget));
  press (editor, GDK_KEY_Right, 0);
  g_assert_true (focus_in_cell (f, editor, 0, actual));

  /* Escape: typed 9.99 is put back to what the cell held, in the file */
  cell = jue_table_editor_get_cell (editor, 0, actual);
  kept = file_value (f->path, "functional[0].actual");
  g_assert_cmpstr (kept, ==, "1.37");
  gtk_editable_set_text (GTK_EDITABLE (cell), "9.99");
  jue_field_flush (jue_field_from_widget (cell));
  spin ();
  {
    g_autofree char *typed = file_value (f->path, "functional[0].actual");
    g_assert_cmpstr (typed, ==, "9.99");
  }
  press (editor, GDK_KEY_Escape, 0);
  {
    g_autofree char *restored = file_value (f->path, "functional[0].actual");
    g_assert_cmpstr (restored, ==, "1.37");
  }

  /* a click into another cell selects it */
  other = jue_table_editor_get_cell (editor, 3, budget);
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (other), "jue-cell-click"), "pressed",
                         1, 2.0, 2.0);
  spin ();
  g_assert_true (focus_in_cell (f, editor, 3, budget));
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (other), &start, &end));
  g_assert_cmpint (end - start, ==,
                   (int) g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (other)), -1));

  /* the row's menu: Remove Row on row 3 removes it from the file */
  gtk_widget_activate_action (other, "list.remove", "i", (gint32) 3);
  spin ();
  g_assert_cmpuint (jue_session_get_report (session)->functional->len, ==, n_rows - 1);
  g_assert_cmpuint (jue_table_editor_get_table (editor)->rows->len, ==, n_rows - 1);
  g_assert_cmpuint (file_list_length (f->path, "functional"), ==, n_rows - 1);
}

/* Ctrl+V of a published table copied from Excel with its code column, in
 * one of its figures (the only cells a user can be in): on 表8 (economic)
 * the 款 rows land by code, their 类 and 合计 checked; on 表5 a 项 the
 * report lacks is added to functional (its 类 206 is there) in code
 * order; a 类 that does not add up pastes nothing. */
static void
test_paste_by_code (Fixture       *f,
                    gconstpointer  data)
{
  JueTableEditor *editor = show_table (f, "table-8");
  const JueRenderedTable *t = jue_table_editor_get_table (editor);
  gint total = jue_table_editor_find_row (editor, JUE_RENDER_ROW_TOTAL, NULL);
  GtkWidget *cell;
  guint n;

  g_assert_cmpint (total, >=, 0);
  g_assert_cmpstr (cell_path (editor, total, 2), ==, "basic.personnel");
  g_assert_cmpuint (file_list_length (f->path, "economic"), ==, 0);
  cell = jue_table_editor_get_cell (editor, (guint) total, 2);
  gtk_widget_grab_focus (cell);
  spin ();
  gtk_widget_activate_action (cell, "table.paste", "(ss)", "basic.personnel",
                              "科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数\r\n"
                              "301\t工资福利支出\t630.27\t302\t商品和服务支出\t78.50\r\n"
                              "30101\t基本工资\t330.27\t30201\t办公费\t78.50\r\n"
                              "30102\t津贴补贴\t300.00\t\t\t\r\n"
                              "人员经费合计\t\t630.27\t公用经费合计\t\t78.50\r\n");
  wait_frames (GTK_WIDGET (f->window), 3);
  g_assert_cmpuint (file_list_length (f->path, "economic"), ==, 5);
  {
    g_autofree char *code = file_value (f->path, "economic[1].code");
    g_autofree char *actual = file_value (f->path, "economic[1].actual");
    g_assert_cmpstr (code, ==, "30101");
    g_assert_cmpstr (actual, ==, "330.27");
  }
  editor = show_table (f, "table-8");
  t = jue_table_editor_get_table (editor);
  g_assert_cmpint (jue_table_editor_find_row (editor, JUE_RENDER_ROW_CLASS, "301"), >=, 0);
  for (guint r = 0; r < t->rows->len; r++)
    g_assert_cmpstr (jue_rendered_cell (t, r, 1)->text, !=, "未分项");

  /* 表5: 2060702 科普活动, new, under 206 */
  editor = show_table (f, "table-5");
  n = file_list_length (f->path, "functional");
  {
    gint science = jue_table_editor_find_row (editor, JUE_RENDER_ROW_CLASS, "206");
    gint item = item_after (editor, science);
    g_autofree char *path = g_strdup (cell_path (editor, item, 2));
    const char *bad = "206\t科学技术支出\t1290.67\t551.80\t738.00\r\n"
                      "20607\t科学技术普及\t2.00\t0.00\t2.00\r\n"
                      "2060702\t科普活动\t2.00\t0.00\t2.00\r\n";
    const char *good = "206\t科学技术支出\t1290.67\t551.80\t738.87\r\n"
                       "20607\t科学技术普及\t2.00\t0.00\t2.00\r\n"
                       "2060702\t科普活动\t2.00\t0.00\t2.00\r\n";

    cell = jue_table_editor_get_cell (editor, (guint) item, 2);
    gtk_widget_grab_focus (cell);
    spin ();
    gtk_widget_activate_action (cell, "table.paste", "(ss)", path, bad);
    wait_frames (GTK_WIDGET (f->window), 2);
    g_assert_cmpuint (file_list_length (f->path, "functional"), ==, n);
    gtk_widget_activate_action (cell, "table.paste", "(ss)", path, good);
    wait_frames (GTK_WIDGET (f->window), 3);
  }
  g_assert_cmpuint (file_list_length (f->path, "functional"), ==, n + 1);
  editor = show_table (f, "table-5");
  {
    gint row = jue_table_editor_find_row (editor, JUE_RENDER_ROW_ITEM, "2060702");

    g_assert_cmpint (row, >=, 0);
    g_assert_cmpstr (cell_text (editor, row, 1), ==, "科普活动");
    g_assert_cmpstr (cell_text (editor, row, 2), ==, "2.00");
    g_assert_cmpstr (cell_text (editor, jue_table_editor_find_row (editor, JUE_RENDER_ROW_CLASS,
                                                                   "206"), 2), ==, "1290.67");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add ("/table-pages/sections", Fixture, NULL, fixture_set_up, test_sections,
              fixture_tear_down);
  g_test_add ("/table-pages/table6-figures", Fixture, NULL, fixture_set_up,
              test_table6_figures, fixture_tear_down);
  g_test_add ("/table-pages/typing-updates-subtotals", Fixture, NULL, fixture_set_up,
              test_typing_updates_subtotals, fixture_tear_down);
  g_test_add ("/table-pages/keys", Fixture, NULL, fixture_set_up, test_keys,
              fixture_tear_down);
  g_test_add ("/table-pages/finding-jump", Fixture, NULL, fixture_set_up, test_finding_jump,
              fixture_tear_down);
  g_test_add ("/table-pages/narrative-link", Fixture, NULL, fixture_set_up,
              test_narrative_link, fixture_tear_down);
  g_test_add ("/table-pages/mark-empty", Fixture, NULL, fixture_set_up, test_mark_empty,
              fixture_tear_down);
  g_test_add ("/table-pages/x20-builds-what-is-seen", Fixture, NULL, fixture_set_up_x20,
              test_x20_builds_what_is_seen, fixture_tear_down);
  g_test_add ("/table-pages/paste", Fixture, NULL, fixture_set_up, test_paste,
              fixture_tear_down);
  g_test_add ("/table-pages/add-economic-code", Fixture, NULL, fixture_set_up,
              test_add_economic_code, fixture_tear_down);
  g_test_add ("/table-pages/list-keys", Fixture, NULL, fixture_set_up, test_list_keys,
              fixture_tear_down);
  g_test_add ("/table-pages/add-by-code-table5", Fixture, NULL, fixture_set_up,
              test_add_by_code_table5, fixture_tear_down);
  g_test_add ("/table-pages/add-by-code", Fixture, NULL, fixture_set_up, test_add_by_code,
              fixture_tear_down);
  g_test_add ("/table-pages/paste-by-code", Fixture, NULL, fixture_set_up, test_paste_by_code,
              fixture_tear_down);
  return g_test_run ();
}
