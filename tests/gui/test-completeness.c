/* test-completeness.c — the window shows how much of the report is filled
 * in (a figure per section in the sidebar and a total under it) and lists
 * what is missing in a 未填 group on the findings page, each item going to
 * its field; typing the value takes it off the list (issue 9 part 2). */
#include "config.h"

#include <string.h>

#include "gui-fixture.h"
#include "jue-empty-table-group.h"
#include "jue-field.h"
#include "jue-section-list.h"
#include "jue-window.h"

static GtkWidget *
find_by_name (GtkWidget  *root,
              const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_name (c, name);
      if (found)
        return found;
    }
  return NULL;
}

/* The sidebar row of a section. */
static GtkWidget *
sidebar_row (Fixture    *f,
             const char *id)
{
  GtkWidget *sidebar = find_by_type (GTK_WIDGET (f->window), JUE_TYPE_SECTION_LIST);
  GtkWidget *list = find_by_type (sidebar, GTK_TYPE_LIST_BOX);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "section-id"), id) == 0)
      return row;
  return NULL;
}

static const char *
progress_of (Fixture    *f,
             const char *id)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (sidebar_row (f, id)), "progress");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : "";
}

static GtkWidget *
total_label (Fixture *f)
{
  GtkWidget *sidebar = find_by_type (GTK_WIDGET (f->window), JUE_TYPE_SECTION_LIST);
  GtkWidget *label = NULL;

  /* the last label of the sidebar, under the list */
  for (GtkWidget *c = gtk_widget_get_last_child (gtk_widget_get_first_child (sidebar)); c;
       c = gtk_widget_get_prev_sibling (c))
    if (GTK_IS_LABEL (c))
      {
        label = c;
        break;
      }
  g_assert_nonnull (label);
  return label;
}

static guint
n_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) n))
    n++;
  return n;
}

static void
test_progress_and_missing (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *page, *missing;
  GtkListBoxRow *first;
  GtkWidget *cell;
  g_autofree char *stored = NULL;

  /* the sample lacks six self-scores, 附件5's target and two 项's
   * definitions in its glossary: 941 of 950 */
  g_assert_cmpstr (progress_of (f, "profile"), ==, "100%");
  g_assert_cmpstr (progress_of (f, "fund-1"), ==, "98%");     /* 79 of 80 */
  g_assert_cmpstr (progress_of (f, "fund-4"), ==, "100%");
  g_assert_cmpstr (progress_of (f, "special-funds"), ==, "98%");   /* the funds together */
  g_assert_cmpstr (progress_of (f, "findings"), ==, "");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (total_label (f))), ==, "Filled in 99%");
  g_assert_nonnull (strstr (jue_widget_get_tooltip_later (total_label (f)), "941 of 950"));

  /* the findings page lists the nine, each going to its field (the
   * glossary's first, in section order) */
  jue_window_show_section (f->window, "findings");
  page = jue_window_get_page (f->window, "findings");
  spin ();
  missing = find_by_name (page, "missing-list");
  g_assert_nonnull (missing);
  g_assert_true (gtk_widget_get_visible (missing));
  g_assert_cmpuint (n_rows (missing), ==, 9);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (GTK_LIST_BOX (missing), 0)),
                                      "path"), ==, "glossary");
  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (missing), 2);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (first), "path"), ==, "special_funds[1].self_score");
  g_signal_emit_by_name (missing, "row-activated", first);
  spin ();
  g_assert_cmpstr (jue_window_get_section (f->window), ==, "fund-1");

  /* typing the score takes it off the list and fills the section */
  cell = field_widget (f, "special_funds[1].self_score");
  gtk_editable_set_text (GTK_EDITABLE (cell), "97.5");
  spin ();
  stored = file_value (f->path, "special_funds[1].self_score");
  g_assert_cmpstr (stored, ==, "97.5");
  g_assert_cmpstr (progress_of (f, "fund-1"), ==, "100%");
  g_assert_cmpuint (n_rows (missing), ==, 8);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (GTK_LIST_BOX (missing), 2)),
                                      "path"), ==, "special_funds[2].self_score");
  g_assert_nonnull (strstr (jue_widget_get_tooltip_later (total_label (f)), "942 of 950"));
}

/* A fund table marked empty on its form (本表为空表): the switch writes the
 * mark, the section counts as filled in, undo takes it away. */
static void
test_empty_table_switch (Fixture       *f,
                         gconstpointer  data)
{
  JueDocument *doc = jue_session_get_document (jue_window_get_session (f->window));
  GtkWidget *page, *group, *toggle, *reason;
  g_autofree char *table = NULL, *why = NULL;
  g_autoptr (GError) error = NULL;

  /* an explanation saying 本表无数据 no longer makes the table complete */
  g_assert_true (jue_document_set (doc, "gov_fund.reason", "", &error));
  spin ();
  g_assert_cmpstr (progress_of (f, "gov-fund"), !=, "100%");

  jue_window_show_section (f->window, "gov-fund");
  page = jue_window_get_page (f->window, "gov-fund");
  spin ();
  group = find_by_type (page, JUE_TYPE_EMPTY_TABLE_GROUP);
  g_assert_nonnull (group);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "表10 政府性基金预算财政拨款收入支出决算表");
  toggle = find_by_type (group, GTK_TYPE_SWITCH);
  reason = find_by_type (group, ADW_TYPE_ENTRY_ROW);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_false (gtk_widget_get_sensitive (reason));

  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  spin ();
  table = file_value (f->path, "empty_tables[0].table");
  g_assert_cmpstr (table, ==, "gov_fund");
  g_assert_cmpstr (progress_of (f, "gov-fund"), ==, "100%");
  g_assert_true (gtk_widget_get_sensitive (reason));
  gtk_editable_set_text (GTK_EDITABLE (reason), "本单位无政府性基金收支");
  g_signal_emit_by_name (reason, "apply");
  spin ();
  why = file_value (f->path, "empty_tables[0].reason");
  g_assert_cmpstr (why, ==, "本单位无政府性基金收支");

  /* undo: the reason, then the mark */
  g_assert_true (jue_document_undo (doc, NULL, &error));
  g_assert_true (jue_document_undo (doc, NULL, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_cmpuint (file_list_length (f->path, "empty_tables"), ==, 0);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_cmpstr (progress_of (f, "gov-fund"), !=, "100%");
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/gui/completeness", Fixture, NULL, fixture_set_up, test_progress_and_missing,
              fixture_tear_down);
  g_test_add ("/gui/completeness/empty-table", Fixture, NULL, fixture_set_up,
              test_empty_table_switch, fixture_tear_down);
  return g_test_run ();
}
