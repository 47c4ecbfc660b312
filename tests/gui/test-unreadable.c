/* test-unreadable.c — what the person typed is what the file holds: a value
 * that cannot be read ("48o") is kept as typed, in the file, shown again
 * after the program is gone, counted as an error, unknown in every total,
 * undone like any edit, and closing the window asks once. */
#include "config.h"

#include <string.h>

#include "gui-fixture.h"
#include "jue-finding-item.h"
#include "jue-session.h"

static void
clear_field (GtkWidget *widget)
{
  gtk_editable_delete_text (GTK_EDITABLE (widget), 0, -1);
  spin ();
}

static gboolean
has_finding (JueWindow  *window,
             const char *rule,
             const char *path,
             const char *text)
{
  GListModel *findings = jue_session_get_findings (jue_window_get_session (window));

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (findings, i);
      const JueFinding *f = jue_finding_item_get_finding ((gpointer) item);
      if (strcmp (f->rule, rule) == 0 && strcmp (f->path, path) == 0 &&
          (text == NULL || strstr (f->message, text)))
        return TRUE;
    }
  return FALSE;
}

static JueWindow *
open_window (const char *path)
{
  JueWindow *window = jue_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  wait_mapped (GTK_WIDGET (window));
  g_assert_true (jue_window_open_file (window, path, FALSE));
  spin ();
  return window;
}

static GtkWidget *
widget_at (JueWindow  *window,
           const char *path)
{
  JueField *field;

  g_assert_true (jue_window_goto_field (window, path));
  spin ();
  field = jue_session_lookup_field (jue_window_get_session (window), path);
  g_assert_nonnull (field);
  return jue_field_get_widget (field);
}

static void
test_kept_as_typed (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *row = field_widget (f, "other.operating_cost");
  JueField *field = jue_field_from_widget (row);
  guint errors_before = count_errors (f->window);
  g_autofree char *value = NULL;
  JueWindow *again;

  g_assert_cmpstr (jue_window_get_status_text (f->window), ==, "Saved");
  clear_field (row);
  type_chars (row, "48o");
  value = file_value (f->path, "other.operating_cost");
  g_assert_cmpstr (value, ==, "48o");           /* not 48.00 */
  g_assert_nonnull (jue_field_get_parse_error (field));
  g_assert_nonnull (strstr (jue_field_get_parse_error (field), "48o"));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (jue_window_get_status_text (f->window), ==, "1 value cannot be read");
  g_assert_true (has_finding (f->window, "E-UNREADABLE", "other.operating_cost", "48o"));
  g_assert_cmpuint (count_errors (f->window), ==, errors_before + 1);

  /* the program is gone without closing (as if killed): a new one shows
   * what was typed, with its error */
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin ();
  again = open_window (f->path);
  f->window = again;
  row = widget_at (again, "other.operating_cost");
  field = jue_field_from_widget (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "48o");
  g_assert_nonnull (jue_field_get_parse_error (field));
  /* said in words under the row, as when it was typed */
  g_assert_nonnull (jue_field_get_error_label (field));
  g_assert_true (gtk_widget_get_mapped (jue_field_get_error_label (field)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (jue_field_get_error_label (field))),
                            "48o"));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (jue_window_get_status_text (again), ==, "1 value cannot be read");
  g_assert_true (has_finding (again, "E-UNREADABLE", "other.operating_cost", "48o"));

  /* corrected: a number again, and the header says Saved */
  gtk_widget_grab_focus (row);
  gtk_editable_delete_text (GTK_EDITABLE (row), 2, 3);
  spin ();
  type_chars (row, ".5");
  g_free (value);
  value = file_value (f->path, "other.operating_cost");
  g_assert_cmpstr (value, ==, "48.50");
  g_assert_null (jue_field_get_parse_error (field));
  g_assert_cmpstr (jue_window_get_status_text (again), ==, "Saved");
  g_assert_false (has_finding (again, "E-UNREADABLE", "other.operating_cost", NULL));
}

/* Each of the examples stays what was typed. */
static void
test_examples (Fixture       *f,
               gconstpointer  data)
{
  static const char *typed[] = { "12x.3", "1.2.3", "1 447.01" };
  GtkWidget *row = field_widget (f, "expenditure.basic");

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autofree char *value = NULL;

      clear_field (row);
      type_chars (row, typed[i]);
      value = file_value (f->path, "expenditure.basic");
      g_assert_cmpstr (value, ==, typed[i]);
    }
}

/* In a table cell; a total that depends on it is unknown, not its prefix. */
static void
test_table_cell_and_totals (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *cell = field_widget (f, "functional[3].actual");
  JueSession *session = jue_window_get_session (f->window);
  g_autofree char *value = NULL;
  JueValue total;

  clear_field (cell);
  type_chars (cell, "78x.6");
  value = file_value (f->path, "functional[3].actual");
  g_assert_cmpstr (value, ==, "78x.6");
  g_assert_true (jue_computed_lookup (jue_session_get_computed (session),
                                      "functional_total.actual", &total));
  g_assert_false (total.defined);
  g_assert_cmpint (total.reason, ==, JUE_UNDEFINED_UNREADABLE);
  /* the sum rule does not take it as 78 or 0 */
  g_assert_false (has_finding (f->window, "E-FUNCTIONAL-TOTAL",
                               "appropriation.expenditure_general_budget", NULL));
  g_assert_true (has_finding (f->window, "E-UNREADABLE", "functional[3].actual", "78x.6"));
}

/* Undo takes it back to the number before; redo brings the typed text. */
static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *row = field_widget (f, "other.operating_cost");
  g_autofree char *value = NULL;

  gtk_widget_grab_focus (row);
  gtk_editable_set_position (GTK_EDITABLE (row), -1);
  type_chars (row, "x");
  value = file_value (f->path, "other.operating_cost");
  g_assert_cmpstr (value, ==, "78.50x");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  spin ();
  g_free (value);
  value = file_value (f->path, "other.operating_cost");
  g_assert_cmpstr (value, ==, "78.50");
  g_assert_cmpstr (jue_window_get_status_text (f->window), ==, "Saved");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  spin ();
  g_free (value);
  value = file_value (f->path, "other.operating_cost");
  g_assert_cmpstr (value, ==, "78.50x");
  g_assert_cmpstr (jue_window_get_status_text (f->window), ==, "1 value cannot be read");
}

/* Closing with a value that cannot be read asks once; "Correct It" keeps
 * the window and goes to the value, "Close Anyway" closes. */
static void
test_close_asks (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *row = field_widget (f, "other.operating_cost");
  JueWindow *window = f->window;
  AdwMessageDialog *dialog;

  clear_field (row);
  type_chars (row, "48o");
  jue_window_show_section (window, "income");
  spin ();

  gtk_window_close (GTK_WINDOW (window));
  spin ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "48o"));
  adw_message_dialog_response (dialog, "correct");
  spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (jue_window_get_section (window), ==, "other");

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "close");
  spin ();
  g_assert_null (window);
  f->window = NULL;
}

/* What was just typed into a table cell is in the file even when the window
 * goes at once, before the commit's idle has run. */
static void
test_typed_then_gone (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *cell = field_widget (f, "functional[3].actual");
  g_autofree char *value = NULL;
  int pos;

  gtk_widget_grab_focus (cell);
  spin ();
  gtk_editable_delete_text (GTK_EDITABLE (cell), 0, -1);
  pos = 0;
  gtk_editable_insert_text (GTK_EDITABLE (cell), "46.75", -1, &pos);
  /* no spin: the window goes with the commit still pending */
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  spin ();
  value = file_value (f->path, "functional[3].actual");
  g_assert_cmpstr (value, ==, "46.75");
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  if (f->window == NULL)
    {
      f->window = jue_window_new (NULL);   /* closed by the test */
    }
  fixture_tear_down (f, data);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/unreadable/kept-as-typed", Fixture, NULL, fixture_set_up,
              test_kept_as_typed, tear_down);
  g_test_add ("/gui/unreadable/examples", Fixture, NULL, fixture_set_up, test_examples,
              tear_down);
  g_test_add ("/gui/unreadable/table-and-totals", Fixture, NULL, fixture_set_up,
              test_table_cell_and_totals, tear_down);
  g_test_add ("/gui/unreadable/undo", Fixture, NULL, fixture_set_up, test_undo, tear_down);
  g_test_add ("/gui/unreadable/close-asks", Fixture, NULL, fixture_set_up, test_close_asks,
              tear_down);
  g_test_add ("/gui/unreadable/typed-then-gone", Fixture, NULL, fixture_set_up,
              test_typed_then_gone, tear_down);
  return g_test_run ();
}
