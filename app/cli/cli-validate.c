/* cli-validate.c — `validate` (the checks, as text, JSON or CSV),
 * `explain` (record an explanation of a finding) and `classification
 * import` (load the year's official functional classification).
 *
 * validate prints one line per finding and a summary line per file.  With
 * --format json the findings are one JSON array on stdout and the
 * summaries go to stderr; with --format csv the findings are a CSV table
 * (UTF-8 with BOM, CRLF, RFC 4180) on stdout and the summaries go to
 * stderr.  Explained findings are left out unless --explained is given;
 * the summary counts them either way.  Exit status: 0 when no file has an
 * error (explained or not), 1 when one has, 2 when a file cannot be opened
 * (that wins).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "jue-checks.h"
#include "jue-cli.h"
#include "jue-completeness.h"
#include "jue-csv.h"
#include "jue-review.h"

typedef enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_CSV } Format;

typedef struct {
  Format        format;
  gboolean      explained;
  gboolean      require_complete;
  guint         n_json;
  JueCsvWriter *csv;
} Output;

static void
json_string (GString    *out,
             const char *s)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) s; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\t')
        g_string_append (out, "\\t");
      else if (*p == '\r')
        g_string_append (out, "\\r");
      else if (*p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
print_finding (Output           *o,
               const char       *file,
               const JueFinding *f)
{
  switch (o->format)
    {
    case FORMAT_TEXT:
      printf ("%s: %s %s %s: %s", file, jue_severity_label (f->severity), f->rule, f->path,
              f->message);
      if (f->explanation)
        printf (_(" [explained: %s]"), f->explanation);
      putchar ('\n');
      break;
    case FORMAT_JSON:
      {
        g_autoptr (GString) s = g_string_new (o->n_json++ ? ",\n  {" : "\n  {");
        g_string_append (s, "\"file\": ");
        json_string (s, file);
        g_string_append (s, ", \"severity\": ");
        json_string (s, jue_severity_id (f->severity));
        g_string_append (s, ", \"rule\": ");
        json_string (s, f->rule);
        g_string_append (s, ", \"path\": ");
        json_string (s, f->path);
        g_string_append (s, ", \"message\": ");
        json_string (s, f->message);
        if (f->explanation)
          {
            g_string_append (s, ", \"explanation\": ");
            json_string (s, f->explanation);
          }
        g_string_append_c (s, '}');
        fputs (s->str, stdout);
      }
      break;
    case FORMAT_CSV:
      jue_csv_write_text (o->csv, file);
      jue_csv_write_text (o->csv, jue_severity_id (f->severity));
      jue_csv_write_text (o->csv, f->rule);
      jue_csv_write_text (o->csv, f->path);
      jue_csv_write_text (o->csv, f->message);
      jue_csv_write_text (o->csv, f->explanation ? f->explanation : "");
      jue_csv_end_row (o->csv);
      break;
    }
}

/* "FILE: 1 error, 5 warnings, 14 hints (2 explained); score 99.43 (self-
 * reported 90.96, gap +8.47)" */
static void
print_summary (Output                *o,
               const char            *file,
               const guint            counts[JUE_N_SEVERITIES],
               guint                  n_explained,
               const JueComputed     *c,
               const JueCompleteness *done)
{
  FILE *out = o->format == FORMAT_TEXT ? stdout : stderr;
  g_autofree char *score = jue_value_display (&c->dept_eval.score);
  g_autofree char *gap = jue_value_display_signed (&c->dept_eval.score_gap);

  g_autofree char *errors = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", counts[JUE_SEVERITY_ERROR]),
    counts[JUE_SEVERITY_ERROR]);
  g_autofree char *warnings = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", counts[JUE_SEVERITY_WARNING]),
    counts[JUE_SEVERITY_WARNING]);
  g_autofree char *hints = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u hint", "%u hints", counts[JUE_SEVERITY_HINT]),
    counts[JUE_SEVERITY_HINT]);

  /* TRANSLATORS: file, then "1 error", "7 warnings", "12 hints" */
  fprintf (out, _("%s: %s, %s, %s (%u explained); computed score %s "
                  "(gap to the self-reported score: %s)"),
           file, errors, warnings, hints, n_explained, score, gap);
  if (c->dept_eval.unscored.value > 0)
    fprintf (out, g_dngettext (GETTEXT_PACKAGE, ", %u indicator row could not be scored",
                               ", %u indicator rows could not be scored",
                               (gulong) c->dept_eval.unscored.value),
             (guint) c->dept_eval.unscored.value);
  /* TRANSLATORS: "; 140 of 152 required items filled in (92%)" */
  fprintf (out, _("; %u of %u required items filled in (%u%%)\n"), done->filled, done->required,
           jue_completeness_percent (done->filled, done->required));
}

static int
validate_file (Output     *o,
               const char *file)
{
  g_autoptr (JueDocument) doc = jue_cli_open (file, TRUE);
  g_autoptr (JueChecker) checker = NULL;
  g_autoptr (JueCompleteness) done = NULL;
  GHashTable *explanations;
  GPtrArray *findings;
  guint counts[JUE_N_SEVERITIES], n_explained = 0;

  if (doc == NULL)
    return jue_cli_open_status ();
  explanations = jue_document_get_explanations (doc);
  checker = jue_checker_new ();
  jue_checker_set_classification (checker, jue_document_get_classification (doc));
  jue_checker_set_economic_classification (checker,
                                           jue_document_get_economic_classification (doc));
  jue_checker_set_explanations (checker, jue_document_get_explanations (doc));
  jue_checker_check (checker, jue_document_get_report (doc));
  findings = jue_checker_get_findings (checker);
  jue_checker_count (checker, counts);
  for (guint i = 0; i < findings->len; i++)
    {
      const JueFinding *f = findings->pdata[i];
      if (f->explanation)
        n_explained++;
      if (f->explanation == NULL || o->explained)
        print_finding (o, file, f);
    }
  /* what a finished report still lacks: a warning each (W-MISSING) */
  done = jue_completeness_new (jue_document_get_report (doc));
  for (guint i = 0; i < done->missing->len; i++)
    {
      const JueMissing *m = done->missing->pdata[i];
      g_autofree char *key = jue_explanation_key (JUE_RULE_MISSING, m->path);
      const char *text = explanations ? g_hash_table_lookup (explanations, key) : NULL;
      JueFinding f = { JUE_RULE_MISSING, JUE_SEVERITY_WARNING, m->path, m->message,
                       text && *text ? (char *) text : NULL, 0, { 0, 0 }, 0 };

      counts[JUE_SEVERITY_WARNING]++;
      if (f.explanation)
        n_explained++;
      if (f.explanation == NULL || o->explained)
        print_finding (o, file, &f);
    }
  print_summary (o, file, counts, n_explained, jue_checker_get_computed (checker), done);
  if (counts[JUE_SEVERITY_ERROR] > 0)
    return JUE_EXIT_REFUSED;
  return o->require_complete && done->missing->len > 0 ? JUE_EXIT_REFUSED : JUE_EXIT_OK;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(char * const *) a, *(char * const *) b);
}

/* A reviewer receives a folder of submissions: a folder argument stands for
 * every *.juesuan file in it, sorted by name.  Anything else is a file. */
static GPtrArray *
expand_argument (const char *arg)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (!g_file_test (arg, G_FILE_TEST_IS_DIR) ||
      (dir = g_dir_open (arg, 0, NULL)) == NULL)
    {
      g_ptr_array_add (files, g_strdup (arg));
      return files;
    }
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".juesuan") && name[0] != '.')
      g_ptr_array_add (files, g_build_filename (arg, name, NULL));
  g_ptr_array_sort (files, compare_names);
  if (files->len == 0)
    jue_cli_error (_("%s holds no .juesuan files"), arg);
  return files;
}

/* ---- validate --summary: one line per submission ----------------------- */

/* Columns of a terminal a text takes: two for a wide (CJK) character. */
guint
jue_cli_display_width (const char *text)
{
  guint w = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_iszerowidth (c))
        continue;
      w += g_unichar_iswide (c) ? 2 : 1;
    }
  return w;
}

void
jue_cli_print_padded (GString    *out,
                      const char *text,
                      guint       width,
                      gboolean    right)
{
  guint w = jue_cli_display_width (text);

  if (right)
    for (; w < width; w++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (; w < width; w++)
      g_string_append_c (out, ' ');
}

/* The table: aligned columns (the two completeness counts as "919/926
 * 99%"), and for a submission that cannot be opened the reason. */
static void
print_summary_table (GPtrArray *entries)
{
  const char * const *h = jue_review_headings ();
  /* file, department, year, errors, warnings, completeness, score, self, gap */
  const char *heads[9] = { h[0], h[1], h[2], h[3], h[4], _("Completeness"), h[8], h[9], h[10] };
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint widths[9];
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < 9; i++)
    widths[i] = jue_cli_display_width (heads[i]);
  for (guint r = 0; r < entries->len; r++)
    {
      const JueReviewEntry *e = entries->pdata[r];
      g_auto (GStrv) cells = jue_review_entry_cells (e);
      char **row = g_new0 (char *, 10);

      row[0] = g_strdup (cells[0]);
      if (e->problem == NULL)
        {
          row[1] = g_strdup (*cells[1] ? cells[1] : "—");
          row[2] = g_strdup (*cells[2] ? cells[2] : "—");
          row[3] = g_strdup (cells[3]);
          row[4] = g_strdup (cells[4]);
          row[5] = g_strdup_printf ("%u/%u %u%%", e->filled, e->required,
                                    jue_review_entry_percent (e));
          row[6] = g_strdup (*cells[8] ? cells[8] : "—");
          row[7] = g_strdup (*cells[9] ? cells[9] : "—");
          row[8] = g_strdup (*cells[10] ? cells[10] : "—");
          for (guint i = 0; i < 9; i++)
            widths[i] = MAX (widths[i], jue_cli_display_width (row[i]));
        }
      else
        widths[0] = MAX (widths[0], jue_cli_display_width (row[0]));
      g_ptr_array_add (rows, row);
    }
  for (guint i = 0; i < 9; i++)
    {
      jue_cli_print_padded (out, heads[i], widths[i], i >= 2 && i != 5);
      g_string_append (out, i < 8 ? "  " : "\n");
    }
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = rows->pdata[r];
      const JueReviewEntry *e = entries->pdata[r];

      if (e->problem)
        {
          jue_cli_print_padded (out, row[0], widths[0], FALSE);
          /* TRANSLATORS: in the review summary, instead of the figures */
          g_string_append_printf (out, "  %s %s\n", _("cannot be opened:"), e->problem);
          continue;
        }
      for (guint i = 0; i < 9; i++)
        {
          jue_cli_print_padded (out, row[i], widths[i], i >= 2 && i != 5);
          g_string_append (out, i < 8 ? "  " : "\n");
        }
    }
  fputs (out->str, stdout);
}

static gboolean
write_file_exclusive (const char  *filename,
                      const char  *data,
                      gsize        len,
                      gboolean     force,
                      GError     **error)
{
  if (!force && g_file_test (filename, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_EXISTS,
                   _("%s already exists; nothing was exported"), filename);
      return FALSE;
    }
  return g_file_set_contents (filename, data, len, error);
}

/* validate --summary [--sort KEY] [--reverse] [--format text|csv|xlsx]
 * [--output FILE] [--force] FILE|DIR… */
static int
validate_summary (int    argc,
                  char **argv,
                  int    first,
                  const char *format,
                  const char *sort,
                  gboolean    reverse,
                  const char *output,
                  gboolean    force)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jue_review_entry_free);
  g_autoptr (GError) error = NULL;
  JueReviewSort key = JUE_REVIEW_SORT_FILE;
  int status = JUE_EXIT_OK;

  if (format == NULL)
    format = "text";
  if (strcmp (format, "text") != 0 && strcmp (format, "csv") != 0 &&
      strcmp (format, "xlsx") != 0)
    {
      jue_cli_error (_("unknown summary format “%s”: use text, csv or xlsx"), format);
      return JUE_EXIT_FILE;
    }
  if (strcmp (format, "xlsx") == 0 && output == NULL)
    {
      jue_cli_error ("%s", _("--format xlsx needs --output FILE.xlsx"));
      return JUE_EXIT_FILE;
    }
  if (sort && !jue_review_sort_from_name (sort, &key))
    {
      jue_cli_error (_("cannot sort by “%s”: use file, department, year, errors, "
                       "warnings, completeness, score or gap"), sort);
      return JUE_EXIT_FILE;
    }
  if (output && !force && g_file_test (output, G_FILE_TEST_EXISTS))
    {
      jue_cli_error (_("%s already exists; nothing was exported"), output);
      jue_cli_error ("%s", _("use --force to replace it"));
      return JUE_EXIT_FILE;
    }

  for (int i = first; i < argc; i++)
    {
      g_autoptr (GPtrArray) files = NULL;

      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr (GError) dir_error = NULL;
          files = jue_review_list_folder (argv[i], &dir_error);
          if (files == NULL)
            {
              jue_cli_error ("%s", dir_error->message);
              status = MAX (status, JUE_EXIT_FILE);
              continue;
            }
          if (files->len == 0)
            {
              jue_cli_error (_("%s holds no .juesuan files"), argv[i]);
              status = MAX (status, JUE_EXIT_FILE);
            }
        }
      else
        {
          files = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (files, g_strdup (argv[i]));
        }
      for (guint k = 0; k < files->len; k++)
        {
          JueReviewEntry *e = jue_review_summarize (files->pdata[k]);
          if (e->problem)
            status = MAX (status, e->in_use ? JUE_EXIT_IN_USE : JUE_EXIT_FILE);
          else if (e->errors > 0)
            status = MAX (status, JUE_EXIT_REFUSED);
          g_ptr_array_add (entries, e);
        }
    }
  /* exit 3 (in use) only when nothing worse: a file that cannot be read
   * at all is the stronger news */
  if (status == JUE_EXIT_IN_USE)
    for (guint i = 0; i < entries->len; i++)
      if (((JueReviewEntry *) entries->pdata[i])->problem &&
          !((JueReviewEntry *) entries->pdata[i])->in_use)
        status = JUE_EXIT_FILE;
  jue_review_sort (entries, key, reverse);

  if (strcmp (format, "xlsx") == 0)
    {
      if (!jue_review_write_xlsx (entries, output, force, &error))
        {
          jue_cli_error ("%s", error->message);
          return JUE_EXIT_FILE;
        }
    }
  else if (strcmp (format, "csv") == 0)
    {
      gsize len;
      g_autofree char *data = jue_review_to_csv (entries, &len);
      if (output == NULL)
        fwrite (data, 1, len, stdout);
      else if (!write_file_exclusive (output, data, len, force, &error))
        {
          jue_cli_error ("%s", error->message);
          return JUE_EXIT_FILE;
        }
    }
  else
    {
      if (output)
        {
          jue_cli_error ("%s", _("--output is for --format csv or xlsx"));
          return JUE_EXIT_FILE;
        }
      print_summary_table (entries);
    }
  return status;
}

int
jue_cli_validate (int    argc,
                  char **argv)
{
  Output o = { FORMAT_TEXT, FALSE, FALSE, 0, NULL };
  int status = JUE_EXIT_OK, first = 1;
  gboolean summary = FALSE, reverse = FALSE, force = FALSE;
  const char *format_name = NULL, *sort = NULL, *output = NULL;

  for (; first < argc && g_str_has_prefix (argv[first], "--"); first++)
    {
      const char *arg = argv[first];
      const char *value = NULL;

      if (strcmp (arg, "--explained") == 0)
        o.explained = TRUE;
      else if (strcmp (arg, "--require-complete") == 0)
        o.require_complete = TRUE;
      else if (g_str_has_prefix (arg, "--format="))
        value = arg + strlen ("--format=");
      else if (strcmp (arg, "--format") == 0 && first + 1 < argc)
        value = argv[++first];
      else if (strcmp (arg, "--summary") == 0)
        summary = TRUE;
      else if (strcmp (arg, "--reverse") == 0)
        reverse = TRUE;
      else if (strcmp (arg, "--force") == 0)
        force = TRUE;
      else if (g_str_has_prefix (arg, "--sort="))
        sort = arg + strlen ("--sort=");
      else if (strcmp (arg, "--sort") == 0 && first + 1 < argc)
        sort = argv[++first];
      else if (g_str_has_prefix (arg, "--output="))
        output = arg + strlen ("--output=");
      else if (strcmp (arg, "--output") == 0 && first + 1 < argc)
        output = argv[++first];
      else
        return jue_cli_usage (argv[0]);
      if (value)
        format_name = value;
      if (summary || (value && strcmp (value, "xlsx") == 0))
        continue;
      if (value && strcmp (value, "text") == 0)
        o.format = FORMAT_TEXT;
      else if (value && strcmp (value, "json") == 0)
        o.format = FORMAT_JSON;
      else if (value && strcmp (value, "csv") == 0)
        o.format = FORMAT_CSV;
      else if (value)
        {
          jue_cli_error (_("unknown format “%s”: use text, json or csv"), value);
          return JUE_EXIT_FILE;
        }
    }
  if (first >= argc)
    return jue_cli_usage (argv[0]);
  if (summary)
    return validate_summary (argc, argv, first, format_name, sort, reverse, output, force);
  if (sort || reverse || output || force || (format_name && strcmp (format_name, "xlsx") == 0))
    {
      jue_cli_error ("%s", _("--sort, --reverse, --output, --force and --format xlsx "
                             "are for --summary"));
      return JUE_EXIT_FILE;
    }
  /* a format named before --summary was not checked above */
  if (format_name && o.format == FORMAT_TEXT && strcmp (format_name, "text") != 0)
    {
      jue_cli_error (_("unknown format “%s”: use text, json or csv"), format_name);
      return JUE_EXIT_FILE;
    }

  if (o.format == FORMAT_JSON)
    fputs ("[", stdout);
  if (o.format == FORMAT_CSV)
    {
      o.csv = jue_csv_writer_new ();
      for (guint i = 0; i < 6; i++)
        jue_csv_write_text (o.csv, (const char *[]) { "file", "severity", "rule", "path",
                                                      "message", "explanation" }[i]);
      jue_csv_end_row (o.csv);
    }
  for (int i = first; i < argc; i++)
    {
      g_autoptr (GPtrArray) files = expand_argument (argv[i]);
      if (files->len == 0)
        status = MAX (status, JUE_EXIT_FILE);
      for (guint k = 0; k < files->len; k++)
        {
          int s = validate_file (&o, files->pdata[k]);
          status = MAX (status, s);
        }
    }
  if (o.format == FORMAT_JSON)
    fputs (o.n_json ? "\n]\n" : "]\n", stdout);
  if (o.csv)
    {
      gsize len;
      const char *data = jue_csv_writer_data (o.csv, &len);
      fwrite (data, 1, len, stdout);
      jue_csv_writer_free (o.csv);
    }
  return status;
}

/* progress FILE: one line per section, SECTION<TAB>FILLED<TAB>REQUIRED (the
 * sidebar's section ids), then total<TAB>FILLED<TAB>REQUIRED. */
int
jue_cli_progress (int    argc,
                  char **argv)
{
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (JueCompleteness) done = NULL;

  if (argc != 2)
    return jue_cli_usage (argv[0]);
  doc = jue_cli_open (argv[1], TRUE);
  if (doc == NULL)
    return jue_cli_open_status ();
  done = jue_completeness_new (jue_document_get_report (doc));
  for (guint i = 0; i < done->sections->len; i++)
    {
      const JueSectionProgress *s = done->sections->pdata[i];
      printf ("%s\t%u\t%u\n", s->id, s->filled, s->required);
    }
  printf ("total\t%u\t%u\n", done->filled, done->required);
  return JUE_EXIT_OK;
}

int
jue_cli_explain (int    argc,
                 char **argv)
{
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  JueFieldRef ref;
  int code;

  if (argc != 5)
    return jue_cli_usage (argv[0]);
  if (!jue_rule_exists (argv[2]))
    {
      jue_cli_error (_("no check is called “%s”; see juesuan-cli validate"), argv[2]);
      return JUE_EXIT_REFUSED;
    }
  doc = jue_cli_open_for_edit (argv[1], &code);
  if (doc == NULL)
    return code;
  if (!jue_report_resolve (jue_document_get_report (doc), argv[3], &ref, &error))
    {
      jue_cli_error ("%s", error->message);
      return JUE_EXIT_REFUSED;
    }
  if (!jue_document_set_explanation (doc, argv[2], argv[3], argv[4], &error))
    {
      jue_cli_error ("%s", error->message);
      return jue_cli_exit_for (error);
    }
  return JUE_EXIT_OK;
}

int
jue_cli_classification (int    argc,
                        char **argv)
{
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *data = NULL;
  gboolean economic = FALSE;
  const char *csv, *report;
  gsize len;
  int code;

  /* classification import [--economic] FILE.csv REPORT */
  if (argc == 5 && strcmp (argv[2], "--economic") == 0)
    economic = TRUE;
  else if (argc != 4)
    return jue_cli_usage (argv[0]);
  if (strcmp (argv[1], "import") != 0)
    return jue_cli_usage (argv[0]);
  csv = argv[argc - 2];
  report = argv[argc - 1];
  if (!jue_read_regular_file (csv, JUE_MAX_CSV_BYTES, &data, &len, &error))
    {
      jue_cli_error ("%s", error->message);
      return JUE_EXIT_FILE;
    }
  entries = economic ? jue_classification_economic_parse (data, len, csv, &error)
                     : jue_classification_parse (data, len, csv, &error);
  if (entries == NULL)
    {
      g_printerr ("%s\n", error->message);
      jue_cli_error (_("%s: nothing was imported"), csv);
      return JUE_EXIT_REFUSED;
    }
  doc = jue_cli_open_for_edit (report, &code);
  if (doc == NULL)
    return code;
  if (!(economic ? jue_document_set_economic_classification (doc, entries, &error)
                 : jue_document_set_classification (doc, entries, &error)))
    {
      jue_cli_error ("%s", error->message);
      return jue_cli_exit_for (error);
    }
  if (economic)
    printf (_("%u economic classification entries imported into %s\n"), entries->len, report);
  else
    printf (_("%u classification entries imported into %s\n"), entries->len, report);
  return JUE_EXIT_OK;
}
