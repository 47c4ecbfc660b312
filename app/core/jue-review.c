/* jue-review.c — the summary of a folder of submissions (jue-review.h). */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "jue-checks.h"
#include "jue-completeness.h"
#include "jue-csv.h"
#include "jue-document.h"
#include "jue-review.h"

void
jue_review_entry_free (JueReviewEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->file);
  g_free (entry->problem);
  g_free (entry->department);
  g_free (entry);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(char * const *) a, *(char * const *) b);
}

GPtrArray *
jue_review_list_folder (const char  *folder,
                        GError     **error)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, error);
  GPtrArray *files;
  const char *name;

  if (dir == NULL)
    return NULL;
  files = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".juesuan") && name[0] != '.')
      g_ptr_array_add (files, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (files, compare_names);
  return files;
}

static JueValue
points_value (const JuePercent *p)
{
  JueValue v = { 0, JUE_VALUE_POINTS, JUE_UNDEFINED_NONE, TRUE };

  if (p->unreadable)
    {
      v.defined = FALSE;
      v.reason = JUE_UNDEFINED_UNREADABLE;
    }
  else if (!p->set)
    {
      v.defined = FALSE;
      v.reason = JUE_UNDEFINED_BLANK;
    }
  else
    v.value = p->centi;
  return v;
}

JueReviewEntry *
jue_review_summarize (const char *filename)
{
  JueReviewEntry *e = g_new0 (JueReviewEntry, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (JueChecker) checker = NULL;
  g_autoptr (JueCompleteness) done = NULL;
  const JueComputed *c;
  GPtrArray *findings;
  JueReport *report;

  e->file = g_strdup (filename);
  e->department = g_strdup ("");
  doc = jue_document_open_with_flags (filename, JUE_STORE_READ_ONLY, &error);
  if (doc == NULL)
    {
      e->problem = g_strdup (error->message);
      e->in_use = g_error_matches (error, JUE_ERROR, JUE_ERROR_IN_USE);
      return e;
    }
  report = jue_document_get_report (doc);
  g_free (e->department);
  e->department = g_strdup (report->profile.name ? report->profile.name : "");
  e->year = report->profile.year.set && !report->profile.year.unreadable
              ? report->profile.year.value : 0;

  checker = jue_checker_new ();
  jue_checker_set_classification (checker, jue_document_get_classification (doc));
  jue_checker_set_economic_classification (checker,
                                           jue_document_get_economic_classification (doc));
  jue_checker_set_explanations (checker, jue_document_get_explanations (doc));
  jue_checker_check (checker, report);
  findings = jue_checker_get_findings (checker);
  for (guint i = 0; i < findings->len; i++)
    {
      const JueFinding *f = findings->pdata[i];
      if (f->severity == JUE_SEVERITY_ERROR)
        e->errors++;
      else if (f->severity == JUE_SEVERITY_WARNING)
        {
          e->warnings++;
          if (f->explanation == NULL)
            e->warnings_unexplained++;
        }
    }
  done = jue_completeness_new (report);
  e->filled = done->filled;
  e->required = done->required;
  c = jue_checker_get_computed (checker);
  e->score = c->dept_eval.score;
  e->score_gap = c->dept_eval.score_gap;
  e->self_score = points_value (&report->dept_eval.self_score);
  return e;
}

/* ---- sorting ------------------------------------------------------------ */

static const char * const sort_names[] = {
  "file", "department", "year", "errors", "warnings", "completeness", "score", "gap", NULL
};

gboolean
jue_review_sort_from_name (const char    *name,
                           JueReviewSort *out)
{
  for (guint i = 0; sort_names[i]; i++)
    if (g_strcmp0 (name, sort_names[i]) == 0)
      {
        *out = (JueReviewSort) i;
        return TRUE;
      }
  return FALSE;
}

guint
jue_review_entry_percent (const JueReviewEntry *entry)
{
  return jue_completeness_percent (entry->filled, entry->required);
}

/* filled/required compared exactly: a/b < c/d ⇔ a·d < c·b (nothing
 * required counts as complete). */
static int
compare_completeness (const JueReviewEntry *a,
                      const JueReviewEntry *b)
{
  guint64 ra = a->required ? a->required : 1, fa = a->required ? a->filled : 1;
  guint64 rb = b->required ? b->required : 1, fb = b->required ? b->filled : 1;
  guint64 l = fa * rb, r = fb * ra;

  return l < r ? -1 : l > r ? 1 : 0;
}

/* Undefined values (no score) come before defined ones: they need a look. */
static int
compare_values (const JueValue *a,
                const JueValue *b)
{
  if (a->defined != b->defined)
    return a->defined ? 1 : -1;
  if (!a->defined)
    return 0;
  return a->value < b->value ? -1 : a->value > b->value ? 1 : 0;
}

static gint64
abs64 (gint64 v)
{
  return v < 0 ? -v : v;
}

typedef struct {
  JueReviewSort key;
  gboolean      reverse;
} SortSpec;

static int
compare_by_key (const JueReviewEntry *a,
                const JueReviewEntry *b,
                JueReviewSort         key)
{
  switch (key)
    {
    case JUE_REVIEW_SORT_FILE:
      return 0;
    case JUE_REVIEW_SORT_DEPARTMENT:
      return g_utf8_collate (a->department, b->department);
    case JUE_REVIEW_SORT_YEAR:
      return a->year < b->year ? -1 : a->year > b->year ? 1 : 0;
    case JUE_REVIEW_SORT_ERRORS:
      return a->errors > b->errors ? -1 : a->errors < b->errors ? 1 : 0;
    case JUE_REVIEW_SORT_WARNINGS:
      return a->warnings_unexplained > b->warnings_unexplained ? -1
           : a->warnings_unexplained < b->warnings_unexplained ? 1 : 0;
    case JUE_REVIEW_SORT_COMPLETENESS:
      return compare_completeness (a, b);
    case JUE_REVIEW_SORT_SCORE:
      return compare_values (&a->score, &b->score);
    case JUE_REVIEW_SORT_GAP:
      if (a->score_gap.defined != b->score_gap.defined)
        return a->score_gap.defined ? 1 : -1;
      {
        gint64 ga = abs64 (a->score_gap.value), gb = abs64 (b->score_gap.value);
        return ga > gb ? -1 : ga < gb ? 1 : 0;
      }
    }
  return 0;
}

static int
compare_entries (gconstpointer pa,
                 gconstpointer pb,
                 gpointer      data)
{
  const JueReviewEntry *a = *(JueReviewEntry * const *) pa;
  const JueReviewEntry *b = *(JueReviewEntry * const *) pb;
  const SortSpec *spec = data;
  int r = 0;

  if (spec->key != JUE_REVIEW_SORT_FILE && (a->problem != NULL) != (b->problem != NULL))
    return a->problem ? -1 : 1;
  if (a->problem == NULL && b->problem == NULL)
    r = compare_by_key (a, b, spec->key);
  if (spec->reverse)
    r = -r;
  if (r == 0)
    {
      r = g_utf8_collate (a->file, b->file);
      if (spec->reverse && spec->key == JUE_REVIEW_SORT_FILE)
        r = -r;
    }
  return r;
}

void
jue_review_sort (GPtrArray     *entries,
                 JueReviewSort  key,
                 gboolean       reverse)
{
  SortSpec spec = { key, reverse };

  g_ptr_array_sort_with_data (entries, compare_entries, &spec);
}

/* ---- output ------------------------------------------------------------- */

const char * const *
jue_review_headings (void)
{
  static const char *headings[13];

  if (headings[0] == NULL)
    {
      headings[0] = _("File");
      headings[1] = _("Department");
      headings[2] = _("Year");
      headings[3] = _("Errors");
      headings[4] = _("Unexplained warnings");
      headings[5] = _("Filled in");
      headings[6] = _("Required");
      headings[7] = _("Complete %");
      headings[8] = _("Computed score");
      headings[9] = _("Self-reported score");
      headings[10] = _("Gap");
      headings[11] = _("Cannot be opened");
      headings[12] = NULL;
    }
  return headings;
}

static char *
value_plain (const JueValue *v,
             gboolean        signed_)
{
  if (!v->defined)
    return g_strdup ("");
  return signed_ ? jue_value_display_signed (v) : jue_value_display (v);
}

char **
jue_review_entry_cells (const JueReviewEntry *e)
{
  GPtrArray *b = g_ptr_array_new ();

  g_ptr_array_add (b, g_strdup (e->file));
  if (e->problem)
    {
      for (guint i = 1; i < 11; i++)
        g_ptr_array_add (b, g_strdup (""));
      g_ptr_array_add (b, g_strdup (e->problem));
    }
  else
    {
      g_ptr_array_add (b, g_strdup (e->department));
      g_ptr_array_add (b, e->year ? g_strdup_printf ("%" G_GINT64_FORMAT, e->year)
                                      : g_strdup (""));
      g_ptr_array_add (b, g_strdup_printf ("%u", e->errors));
      g_ptr_array_add (b, g_strdup_printf ("%u", e->warnings_unexplained));
      g_ptr_array_add (b, g_strdup_printf ("%u", e->filled));
      g_ptr_array_add (b, g_strdup_printf ("%u", e->required));
      g_ptr_array_add (b, g_strdup_printf ("%u", jue_review_entry_percent (e)));
      g_ptr_array_add (b, value_plain (&e->score, FALSE));
      g_ptr_array_add (b, value_plain (&e->self_score, FALSE));
      g_ptr_array_add (b, value_plain (&e->score_gap, TRUE));
      g_ptr_array_add (b, g_strdup (""));
    }
  g_ptr_array_add (b, NULL);
  return (char **) g_ptr_array_free (b, FALSE);
}

/* Columns that hold numbers (written as numbers in CSV and XLSX). */
static gboolean
numeric_column (guint column)
{
  return column >= 2 && column <= 10;
}

char *
jue_review_to_csv (GPtrArray *entries,
                   gsize     *len_out)
{
  g_autoptr (JueCsvWriter) w = jue_csv_writer_new ();
  const char * const *headings = jue_review_headings ();
  const char *data;
  gsize len;

  for (guint i = 0; headings[i]; i++)
    jue_csv_write_text (w, headings[i]);
  jue_csv_end_row (w);
  for (guint r = 0; r < entries->len; r++)
    {
      g_auto (GStrv) cells = jue_review_entry_cells (entries->pdata[r]);
      for (guint i = 0; cells[i]; i++)
        if (numeric_column (i) && *cells[i])
          jue_csv_write_number (w, cells[i] + (cells[i][0] == '+'));
        else
          jue_csv_write_text (w, cells[i]);
      jue_csv_end_row (w);
    }
  data = jue_csv_writer_data (w, &len);
  if (len_out)
    *len_out = len;
  return g_memdup2 (data, len + 1);
}

/* Columns a text takes: two for a wide (CJK) character. */
static guint
text_width (const char *text)
{
  guint w = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    w += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return w;
}

gboolean
jue_review_write_xlsx (GPtrArray   *entries,
                       const char  *filename,
                       gboolean     force,
                       GError     **error)
{
  const char * const *headings = jue_review_headings ();
  g_autofree char *tmp = NULL;
  lxw_workbook_options options = { 0 };
  lxw_workbook *wb;
  lxw_worksheet *ws;
  lxw_format *head, *text, *number, *points, *problem;
  lxw_error err;
  guint widths[12] = { 0 };

  if (!force && g_file_test (filename, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_EXISTS,
                   _("%s already exists; nothing was exported"), filename);
      return FALSE;
    }
  tmp = g_strdup_printf ("%s.%d.tmp", filename, (int) getpid ());
  options.tmpdir = (char *) g_get_tmp_dir ();
  wb = workbook_new_opt (tmp, &options);
  if (wb == NULL)
    {
      g_autofree char *dir = g_path_get_dirname (filename);
      g_set_error (error, JUE_ERROR, JUE_ERROR_IO,
                   _("Could not write %s: the workbook could not be created in %s"),
                   filename, dir);
      return FALSE;
    }
  /* TRANSLATORS: the sheet name of the review summary (at most 31 characters) */
  ws = workbook_add_worksheet (wb, _("Submissions"));
  head = workbook_add_format (wb);
  format_set_bold (head);
  format_set_bg_color (head, 0xF2F2F2);
  format_set_border (head, LXW_BORDER_THIN);
  text = workbook_add_format (wb);
  format_set_border (text, LXW_BORDER_THIN);
  format_set_num_format (text, "@");
  number = workbook_add_format (wb);
  format_set_border (number, LXW_BORDER_THIN);
  points = workbook_add_format (wb);
  format_set_border (points, LXW_BORDER_THIN);
  format_set_num_format (points, "0.00");
  problem = workbook_add_format (wb);
  format_set_border (problem, LXW_BORDER_THIN);
  format_set_font_color (problem, 0xC00000);
  format_set_text_wrap (problem);

  for (guint i = 0; headings[i]; i++)
    {
      worksheet_write_string (ws, 0, i, headings[i], head);
      widths[i] = text_width (headings[i]);
    }
  for (guint r = 0; r < entries->len; r++)
    {
      g_auto (GStrv) cells = jue_review_entry_cells (entries->pdata[r]);
      for (guint i = 0; cells[i]; i++)
        {
          /* the numbers are decimal texts of exact integers: written as the
           * spreadsheet's number only at this last step */
          if (numeric_column (i) && *cells[i])
            worksheet_write_number (ws, r + 1, i, g_ascii_strtod (cells[i], NULL),
                                    i >= 8 ? points : number);
          else if (*cells[i])
            worksheet_write_string (ws, r + 1, i, cells[i], i == 11 ? problem : text);
          widths[i] = MAX (widths[i], text_width (cells[i]));
        }
      /* a reason longer than its column wraps: the row is as tall as its
       * lines (a spreadsheet keeps one line, showing only the last) */
      if (g_strv_length (cells) > 11 && *cells[11])
        {
          guint lines = (text_width (cells[11]) + 37) / 38;

          if (lines > 1)
            worksheet_set_row (ws, r + 1, 15.0 * lines, NULL);
        }
    }
  /* the reason a file cannot be opened wraps in its cell, rather than
   * widening the sheet to a page of its own when printed */
  for (guint i = 0; i < 12; i++)
    worksheet_set_column (ws, i, i, CLAMP (widths[i] + 2, 6u, i == 11 ? 40u : 60u), NULL);
  worksheet_freeze_panes (ws, 1, 1);
  worksheet_autofilter (ws, 0, 0, entries->len, 11);
  /* printed as the reviewer reads it: every column on one A4 page across
   * (it printed on three pages, a column or five each), the headings on
   * each page */
  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9);
  worksheet_set_margins (ws, 0.4, 0.4, 0.6, 0.6);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_repeat_rows (ws, 0, 0);

  err = workbook_close (wb);
  if (err != LXW_NO_ERROR)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_IO, _("Could not write %s: %s"),
                   filename, lxw_strerror (err));
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, filename) != 0)
    {
      int saved = errno;
      g_set_error (error, JUE_ERROR, JUE_ERROR_IO, _("Could not write %s: %s"),
                   filename, g_strerror (saved));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}
