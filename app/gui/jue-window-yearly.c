/* jue-window-yearly.c — the year's other reports (issue 13): New from Last
 * Year's Report…, Open Folder for Review… (a sortable list of submissions,
 * each opened read-only, with Next/Previous Submission), and Compare with
 * Last Year's Report… (what changed most, the reason beside each). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jue-carry.h"
#include "jue-compare.h"
#include "jue-consolidate.h"
#include "jue-review.h"
#include "jue-table-window.h"
#include "jue-window-private.h"

/* ---- choosing files ------------------------------------------------------ */

typedef void (*Chosen) (JueWindow *self, const char *path, gpointer data);

typedef struct {
  JueWindow *window;
  Chosen     chosen;
  char      *data;
} Choice;

static void
on_response (GtkNativeDialog *dialog,
             int              response,
             Choice          *c)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      if (path)
        c->chosen (c->window, path, c->data);
    }
  g_object_unref (c->window);
  g_free (c->data);
  g_free (c);
  g_object_unref (dialog);
}

static void
choose (JueWindow            *self,
        const char           *title,
        GtkFileChooserAction  action,
        const char           *accept,
        const char           *current_name,
        Chosen                chosen,
        const char           *data)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                                              accept, _("_Cancel"));
  Choice *c = g_new0 (Choice, 1);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      g_autoptr (GtkFileFilter) reports = gtk_file_filter_new ();
      gtk_file_filter_set_name (reports, _("Juesuan reports"));
      gtk_file_filter_add_suffix (reports, "juesuan");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), reports);
    }
  if (current_name)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), current_name);
  c->window = g_object_ref (self);
  c->chosen = chosen;
  c->data = g_strdup (data);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), c);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- New from Last Year's Report… ----------------------------------------- */

gboolean
jue_window_new_from_last (JueWindow  *self,
                          const char *last,
                          const char *filename)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (JueDocument) doc = NULL;
  g_autofree char *text = NULL;
  guint carried;

  doc = jue_carry_forward_file (last, filename, NULL, NULL, &notes, &error);
  if (doc == NULL)
    {
      jue_window_show_error (self, _("Could not make next year's report"), error->message);
      return FALSE;
    }
  carried = jue_report_count_carried (jue_document_get_report (doc));
  jue_window_set_document (self, doc);
  /* TRANSLATORS: after New from Last Year's Report… */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Last year's figures are this year's previous-year "
                                       "figures; %u carried text to confirm or edit",
                                       "Last year's figures are this year's previous-year "
                                       "figures; %u carried texts to confirm or edit", carried),
                          carried);
  jue_window_toast (self, text);
  return TRUE;
}

static void
new_from_chosen_target (JueWindow  *self,
                        const char *path,
                        gpointer    last)
{
  g_autofree char *name = g_str_has_suffix (path, ".juesuan") ? g_strdup (path)
                                                              : g_strconcat (path, ".juesuan", NULL);
  jue_window_new_from_last (self, last, name);
}

static void
new_from_chosen_last (JueWindow  *self,
                      const char *path,
                      gpointer    data)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = NULL;
  gint64 year = 0;

  /* “2024.juesuan” → “2025.juesuan”; otherwise “… (next year).juesuan” */
  if (sscanf (base, "%" G_GINT64_FORMAT, &year) == 1 && year > 1900 && year < 3000)
    name = g_strdup_printf ("%" G_GINT64_FORMAT "%s", year + 1, base + 4);
  else
    name = g_strdup (_("next-year.juesuan"));
  choose (self, _("Name Next Year's Report"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), name,
          new_from_chosen_target, path);
}

/* ---- Open Folder for Review… ------------------------------------------------ */

static void
review_open_at (JueWindow *self,
                guint      index)
{
  const char *file;

  if (self->review_files == NULL || index >= self->review_files->len)
    return;
  self->review_index = index;
  file = self->review_files->pdata[index];
  jue_window_open_file (self, file, TRUE);
  jue_window_update_review (self);
}

static void
on_submission_activated (JueTableRow *row,
                         GListModel  *sorted,
                         guint        position,
                         gpointer     user_data)
{
  JueWindow *self = user_data;

  /* Next / Previous follow the list as it is sorted now */
  g_clear_pointer (&self->review_files, g_ptr_array_unref);
  self->review_files = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (sorted); i++)
    {
      g_autoptr (JueTableRow) r = g_list_model_get_item (sorted, i);
      g_ptr_array_add (self->review_files, g_strdup (jue_table_row_get_data (r)));
    }
  review_open_at (self, position);
  gtk_window_present (GTK_WINDOW (self));
}

void
jue_window_review_step (JueWindow *self,
                        int        step)
{
  if (self->review_files == NULL)
    return;
  if ((step < 0 && self->review_index == 0) ||
      (step > 0 && self->review_index + 1 >= self->review_files->len))
    return;
  review_open_at (self, self->review_index + step);
}

void
jue_window_update_review (JueWindow *self)
{
  gboolean on = self->review_files != NULL && self->review_files->len > 0;

  gtk_widget_set_visible (self->review_buttons, on);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-previous",
                                 on && self->review_index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-next",
                                 on && self->review_index + 1 < self->review_files->len);
  if (on)
    {
      g_autofree char *tip = g_strdup_printf (_("Submission %u of %u"), self->review_index + 1,
                                              self->review_files->len);
      gtk_widget_set_tooltip_text (self->review_buttons, tip);
    }
}

gboolean
jue_window_open_review_folder (JueWindow  *self,
                               const char *folder)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) files = jue_review_list_folder (folder, &error);
  g_autoptr (GListStore) rows = g_list_store_new (JUE_TYPE_TABLE_ROW);
  g_autofree char *subtitle = NULL;
  const char * const *h = jue_review_headings ();
  const char *headings[] = { h[0], h[1], h[2], h[3], h[4], h[7], h[8], h[9], h[10], h[11] };
  const gboolean numeric[] = { FALSE, FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE };
  guint problems = 0;
  GtkWidget *window;

  if (files == NULL)
    {
      jue_window_show_error (self, _("Cannot read the folder"), error->message);
      return FALSE;
    }
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr (JueReviewEntry) e = jue_review_summarize (files->pdata[i]);
      g_auto (GStrv) cells = jue_review_entry_cells (e);
      g_autofree char *base = g_path_get_basename (e->file);
      g_autofree char *pct = e->problem ? g_strdup ("") :
                             g_strdup_printf ("%u%%", jue_review_entry_percent (e));
      const char *shown[] = { base, cells[1], cells[2], cells[3], cells[4], pct, cells[8],
                              cells[9], cells[10], cells[11] };
      /* complete % sorted exactly: filled · 10⁶ / required */
      gint64 complete = e->required ? (gint64) e->filled * 1000000 / e->required : 1000000;
      const gint64 keys[] = { 0, 0, e->year, e->errors, e->warnings_unexplained, complete,
                              e->score.value, e->self_score.value,
                              e->score_gap.value < 0 ? -e->score_gap.value : e->score_gap.value, 0 };
      const gboolean known[] = { TRUE, TRUE, !e->problem && e->year, !e->problem, !e->problem,
                                 !e->problem, !e->problem && e->score.defined,
                                 !e->problem && e->self_score.defined,
                                 !e->problem && e->score_gap.defined, TRUE };
      g_autoptr (JueTableRow) row = jue_table_row_new (shown, keys, known, G_N_ELEMENTS (shown),
                                                       e->file);
      if (e->problem)
        problems++;
      g_list_store_append (rows, row);
    }
  /* TRANSLATORS: under the title of the review list */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s: %u submission, %u cannot be opened. Each is "
                                           "opened read-only; not a byte of it is written. "
                                           "Enter opens one; Next and Previous Submission "
                                           "follow this order.",
                                           "%s: %u submissions, %u cannot be opened. Each is "
                                           "opened read-only; not a byte of it is written. "
                                           "Enter opens one; Next and Previous Submission "
                                           "follow this order.", files->len),
                              folder, files->len, problems);
  window = jue_table_window_new (GTK_WINDOW (self), _("Submissions for Review"), subtitle,
                                 headings, numeric, G_N_ELEMENTS (headings), rows, 3, TRUE,
                                 on_submission_activated, self);
  g_signal_connect_object (self, "destroy", G_CALLBACK (gtk_window_destroy), window,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  g_free (self->last_message);
  self->last_message = g_strdup (subtitle);
  return TRUE;
}

static void
review_folder_chosen (JueWindow  *self,
                      const char *path,
                      gpointer    data)
{
  jue_window_open_review_folder (self, path);
}

/* ---- Compare with Last Year's Report… ------------------------------------- */

static void
on_line_activated (JueTableRow *row,
                   GListModel  *sorted,
                   guint        position,
                   gpointer     user_data)
{
  JueWindow *self = user_data;

  if (jue_table_row_get_data (row))
    {
      jue_window_goto_field (self, jue_table_row_get_data (row));
      gtk_window_present (GTK_WINDOW (self));
    }
}

/* The comparison's rows and its heading line; NULL with an error shown
 * when last year's file cannot be opened. */
static GListStore *
compare_rows (JueWindow   *self,
              const char  *last_file,
              char       **subtitle_out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) last = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  GListStore *rows = g_list_store_new (JUE_TYPE_TABLE_ROW);
  JueChangeThreshold threshold;
  g_autofree char *pct = NULL, *amount = NULL, *base = NULL;

  if (last_file)
    {
      last = jue_document_open_with_flags (last_file, JUE_STORE_READ_ONLY, &error);
      if (last == NULL)
        {
          jue_window_show_error (self, _("Cannot open last year's report"), error->message);
          g_object_unref (rows);
          return NULL;
        }
    }
  threshold = jue_change_threshold_for_report (jue_session_get_report (self->session));
  lines = jue_compare_reports (last ? jue_document_get_report (last) : NULL,
                               jue_document_get_report (jue_session_get_document (self->session)),
                               &threshold, JUE_COMPARE_SORT_AMOUNT);
  for (guint i = 0; i < lines->len; i++)
    {
      const JueCompareLine *l = lines->pdata[i];
      gboolean known = l->last.set && l->current.set;
      g_auto (GStrv) cells = jue_compare_line_texts (l, 0);
      /* by size of the change: a change from 0 counts as the largest percent */
      gint64 abs_change = l->change < 0 ? -l->change : l->change;
      gint64 abs_pct = l->change_pct.defined ? (l->change_pct.value < 0 ? -l->change_pct.value
                                                                        : l->change_pct.value)
                                             : G_MAXINT64;
      /* a line not known in both years sorts as the smallest change: last */
      const gint64 keys[] = { 0, l->last.set ? l->last.fen : G_MININT64,
                              l->current.set ? l->current.fen : G_MININT64,
                              known ? abs_change : -1, known ? (l->change == 0 ? 0 : abs_pct) : -1,
                              0, 0 };
      /* Enter goes to the reason; a functional row's reason is not a
       * column of the window's table (CLI, CSV): to its actual then */
      const char *target = l->reason_path && !g_str_has_prefix (l->path, "functional")
                           ? l->reason_path : l->path;
      g_autoptr (JueTableRow) row = jue_table_row_new ((const char * const *) cells, keys, NULL,
                                                       JUE_COMPARE_N_COLS, target);
      g_list_store_append (rows, row);
    }
  pct = jue_centi_percent_display (threshold.centi);
  amount = jue_fen_display (threshold.fen);
  base = last_file ? g_path_get_basename (last_file) : NULL;
  *subtitle_out = last_file
    ? g_strdup_printf (_("Against %s. A large change (%s or %s 万元) needs a reason; the “三公” "
                         "lines any change. Enter goes to the reason."), base, pct, amount)
    : g_strdup_printf (_("Against this report's own previous-year figures. A large change (%s "
                         "or %s 万元) needs a reason; the “三公” lines any change. Enter goes to "
                         "the reason."), pct, amount);
  return rows;
}

/* Fills the page with the comparison as it stands now. */
static void
compare_page_refresh (JueWindow *self,
                      GtkWidget *page)
{
  const gboolean numeric[] = { FALSE, TRUE, TRUE, TRUE, TRUE, FALSE, FALSE };
  const char *headings[JUE_COMPARE_N_COLS];
  /* the file given for this document (another one opened since: none) */
  const char *last_file = g_object_get_data (G_OBJECT (self), "jue-compare-doc") ==
                          (gpointer) jue_session_get_document (self->session)
                          ? g_object_get_data (G_OBJECT (self), "jue-compare-last") : NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr (GListStore) rows = NULL;
  GtkWidget *child;

  if (self->session == NULL)
    return;
  rows = compare_rows (self, last_file, &subtitle);
  if (rows == NULL)
    {
      /* the file went away: against the report's own figures */
      g_object_set_data (G_OBJECT (self), "jue-compare-last", NULL);
      rows = compare_rows (self, NULL, &subtitle);
    }
  for (guint i = 0; i < JUE_COMPARE_N_COLS; i++)
    headings[i] = jue_compare_heading (i);
  while ((child = gtk_widget_get_first_child (page)))
    gtk_box_remove (GTK_BOX (page), child);
  child = jue_table_view_new (subtitle, headings, numeric, JUE_COMPARE_N_COLS, rows, 3, TRUE,
                              on_line_activated, self);
  gtk_widget_set_vexpand (child, TRUE);
  gtk_box_append (GTK_BOX (page), child);
}

static void
on_compare_page_map (GtkWidget *page,
                     JueWindow *self)
{
  compare_page_refresh (self, page);
}

GtkWidget *
jue_window_compare_page_new (JueWindow *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  g_signal_connect_object (page, "map", G_CALLBACK (on_compare_page_map), self, 0);
  return page;
}

GListModel *
jue_window_get_compare_rows (JueWindow *self)
{
  GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (self->pages), "compare");
  GtkWidget *view = page ? gtk_widget_get_first_child (page) : NULL;

  return view ? jue_table_window_get_sorted (view) : NULL;
}

/* Compare with last year's report (last_file), or with the report's own
 * 上年 figures (NULL): the Compared with Last Year page. */
gboolean
jue_window_show_compare (JueWindow  *self,
                         const char *last_file)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *page;

  if (self->session == NULL)
    return FALSE;
  if (last_file)
    {
      g_autoptr (JueDocument) last = jue_document_open_with_flags (last_file, JUE_STORE_READ_ONLY,
                                                                   &error);
      if (last == NULL)
        {
          jue_window_show_error (self, _("Cannot open last year's report"), error->message);
          return FALSE;
        }
    }
  g_object_set_data_full (G_OBJECT (self), "jue-compare-last", g_strdup (last_file), g_free);
  g_object_set_data (G_OBJECT (self), "jue-compare-doc", jue_session_get_document (self->session));
  jue_window_show_section (self, "compare");
  page = gtk_stack_get_child_by_name (GTK_STACK (self->pages), "compare");
  if (page == NULL)
    return FALSE;
  /* shown already: the map that fills it does not come again */
  compare_page_refresh (self, page);
  return TRUE;
}

static void
compare_chosen (JueWindow  *self,
                const char *path,
                gpointer    data)
{
  jue_window_show_compare (self, path);
}

/* ---- Consolidate with Units' Reports… -------------------------------------- */

/* The open report is the department's own unit (本级); the chosen files are
 * its units; the sum is written to a new file and shown. */
static void
show_eliminated (JueWindow *self,
                 GPtrArray *eliminated)
{
  g_autoptr (GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; i < eliminated->len; i++)
    g_string_append_printf (body, "%s%s", i ? "\n" : "", (char *) eliminated->pdata[i]);
  if (eliminated->len == 0)
    g_string_assign (body, _("No unit's report shows a flow to another: nothing was "
                             "eliminated."));
  g_free (self->last_message);
  self->last_message = g_strdup (body->str);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Flows Eliminated Between the Units"),
                                   body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
jue_window_consolidate (JueWindow          *self,
                        const char * const *unit_files,
                        const char         *out_file,
                        gboolean            eliminate)
{
  g_autoptr (GPtrArray) eliminated = NULL;
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (JueConsolidation) c = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) result = NULL;
  g_autofree char *text = NULL;
  JueDocument *own;
  JueUnit *u;

  if (self->session == NULL)
    return FALSE;
  own = jue_session_get_document (self->session);
  u = g_new0 (JueUnit, 1);
  u->name = jue_document_get_filename (own);
  u->report = jue_document_get_report (own);
  g_ptr_array_add (units, u);
  for (guint i = 0; unit_files[i]; i++)
    {
      JueDocument *doc = jue_document_open_with_flags (unit_files[i], JUE_STORE_READ_ONLY, &error);
      if (doc == NULL)
        {
          jue_window_show_error (self, _("Could not consolidate the reports"), error->message);
          return FALSE;
        }
      g_ptr_array_add (docs, doc);
      u = g_new0 (JueUnit, 1);
      u->name = jue_document_get_filename (doc);
      u->report = jue_document_get_report (doc);
      g_ptr_array_add (units, u);
    }
  c = jue_consolidate (units, 0, eliminate, &error);
  if (c == NULL || !jue_consolidation_write (c, units, 0, out_file, NULL, &error))
    {
      jue_window_show_error (self, _("Could not consolidate the reports"), error->message);
      return FALSE;
    }
  eliminated = g_steal_pointer (&c->eliminated);
  g_clear_pointer (&c, jue_consolidation_free);
  g_ptr_array_set_size (docs, 0);
  if (!jue_window_open_file (self, out_file, FALSE))
    return FALSE;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Consolidated %u unit's report",
                                       "Consolidated %u units' reports", units->len),
                          units->len);
  jue_window_toast (self, text);
  if (eliminate)
    show_eliminated (self, eliminated);
  return TRUE;
}

/* data: "1" or "0" (eliminate), then the units' files, one a line */
static void
consolidate_chosen_target (JueWindow  *self,
                           const char *path,
                           gpointer    data)
{
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
  g_autofree char *name = g_str_has_suffix (path, ".juesuan") ? g_strdup (path)
                                                              : g_strconcat (path, ".juesuan", NULL);
  jue_window_consolidate (self, (const char * const *) lines + 1, name,
                          g_str_equal (lines[0], "1"));
}

typedef struct {
  JueWindow *window;
  GtkWidget *eliminate;
  char      *files;
} AskConsolidate;

static void
on_consolidate_response (AdwMessageDialog *dialog,
                         const char       *response,
                         AskConsolidate   *ask)
{
  if (g_str_equal (response, "consolidate"))
    {
      gboolean eliminate = gtk_check_button_get_active (GTK_CHECK_BUTTON (ask->eliminate));
      g_autofree char *data = g_strdup_printf ("%s\n%s", eliminate ? "1" : "0", ask->files);

      choose (ask->window, _("Name the Department's Consolidated Report"),
              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("consolidated.juesuan"),
              consolidate_chosen_target, data);
    }
  g_object_unref (ask->window);
  g_free (ask->files);
  g_free (ask);
}

void
jue_window_ask_consolidate (JueWindow  *self,
                            const char *unit_files)
{
  AskConsolidate *ask = g_new0 (AskConsolidate, 1);
  g_auto (GStrv) files = g_strsplit (unit_files, "\n", -1);
  guint n = g_strv_length (files);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *note = gtk_label_new (_("对附属单位补助支出 against the units' 上级补助收入, 附属单位上缴收入 "
                                     "against their 上缴上级支出, in the totals and in the accounts "
                                     "rows; every elimination is listed."));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("Consolidate the Units' Reports?"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "This report (the department's own unit) and %u "
                                               "unit's report are summed into a new report.",
                                               "This report (the department's own unit) and %u "
                                               "units' reports are summed into a new report.", n),
                                  n);
  ask->window = g_object_ref (self);
  ask->files = g_strdup (unit_files);
  ask->eliminate = gtk_check_button_new_with_mnemonic (_("_Eliminate the flows between the units"));
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_add_css_class (note, "caption");
  gtk_box_append (GTK_BOX (box), ask->eliminate);
  gtk_box_append (GTK_BOX (box), note);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "consolidate", _("C_onsolidate…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "consolidate",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "consolidate");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_consolidate_response), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_units_response (GtkNativeDialog *dialog,
                   int              response,
                   JueWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr (GString) list = g_string_new (NULL);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr (GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);
          if (path)
            g_string_append_printf (list, "%s%s", list->len ? "\n" : "", path);
        }
      if (list->len)
        jue_window_ask_consolidate (self, list->str);
    }
  g_object_unref (self);
  g_object_unref (dialog);
}

static void
choose_units (JueWindow *self)
{
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Choose the Units' Reports to Add to This One"),
                                 GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                 _("_Cancel"));
  g_autoptr (GtkFileFilter) reports = gtk_file_filter_new ();

  gtk_file_filter_set_name (reports, _("Juesuan reports"));
  gtk_file_filter_add_suffix (reports, "juesuan");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), reports);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_units_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- actions ---------------------------------------------------------------- */

static void
on_yearly_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  JueWindow *self = JUE_WINDOW (widget);

  if (g_str_equal (action, "win.new-from-last"))
    choose (self, _("Choose Last Year's Report"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
            NULL, new_from_chosen_last, NULL);
  else if (g_str_equal (action, "win.open-review-folder"))
    choose (self, _("Open a Folder of Submissions for Review"),
            GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Open"), NULL, review_folder_chosen, NULL);
  else if (g_str_equal (action, "win.compare"))
    choose (self, _("Compare with Last Year's Report"), GTK_FILE_CHOOSER_ACTION_OPEN,
            _("_Compare"), NULL, compare_chosen, NULL);
  else if (g_str_equal (action, "win.compare-own"))
    jue_window_show_compare (self, NULL);
  else if (g_str_equal (action, "win.consolidate"))
    choose_units (self);
  else if (g_str_equal (action, "win.review-next"))
    jue_window_review_step (self, 1);
  else if (g_str_equal (action, "win.review-previous"))
    jue_window_review_step (self, -1);
}

void
jue_window_yearly_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-from-last", NULL, on_yearly_action);
  gtk_widget_class_install_action (widget_class, "win.open-review-folder", NULL, on_yearly_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, on_yearly_action);
  gtk_widget_class_install_action (widget_class, "win.compare-own", NULL, on_yearly_action);
  gtk_widget_class_install_action (widget_class, "win.consolidate", NULL, on_yearly_action);
  gtk_widget_class_install_action (widget_class, "win.review-next", NULL, on_yearly_action);
  gtk_widget_class_install_action (widget_class, "win.review-previous", NULL, on_yearly_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK,
                                       "win.review-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK,
                                       "win.review-previous", NULL);
}
