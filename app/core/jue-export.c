/* jue-export.c — writing the report as CSV, table by table, from the
 * layouts in jue-csv-tables.c.  Every computed figure comes from
 * jue-computed.h; nothing here adds or divides.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "jue-checks.h"
#include "jue-computed.h"
#include "jue-csv-tables.h"
#include "jue-csv.h"
#include "jue-completeness.h"
#include "jue-export.h"

typedef struct {
  JueReport   *report;
  JueComputed *computed;
} Export;

void
jue_export_file_free (JueExportFile *file)
{
  if (file == NULL)
    return;
  g_free (file->name);
  g_bytes_unref (file->data);
  g_free (file);
}

/* ---- cells ------------------------------------------------------------ */

static void
write_field (JueCsvWriter *w,
             Export       *ex,
             const char   *path)
{
  JueFieldRef ref;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (!jue_report_resolve (ex->report, path, &ref, &error))
    {
      g_critical ("CSV layout names an unknown field: %s", error->message);
      jue_csv_write_text (w, "");
      return;
    }
  switch (ref.def->kind)
    {
    case JUE_KIND_AMOUNT:
      /* an unreadable value is written as typed (a text cell), never as a number */
      text = jue_field_get_unreadable (&ref) ? jue_field_get_text (&ref)
                                             : jue_amount_display (*(JueAmount *) ref.ptr);
      jue_csv_write_number (w, text);
      break;
    case JUE_KIND_INTEGER:
    case JUE_KIND_PERCENT:
      text = jue_field_get_text (&ref);
      jue_csv_write_number (w, text);
      break;
    default:
      text = jue_field_get_text (&ref);
      jue_csv_write_text (w, text);
      break;
    }
}

static char *
value_text (const JueValue *v)
{
  switch (v->kind)
    {
    case JUE_VALUE_AMOUNT:
      return jue_fen_display (v->value);
    case JUE_VALUE_PERCENT:
    case JUE_VALUE_POINTS:
      return jue_centi_display (v->value);
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, v->value);
    }
}

static void
write_computed (JueCsvWriter *w,
                Export       *ex,
                const char   *path)
{
  JueValue v;
  g_autofree char *text = NULL;

  if (!jue_computed_lookup (ex->computed, path, &v))
    {
      g_critical ("CSV layout names an unknown computed value: %s", path);
      jue_csv_write_text (w, "");
      return;
    }
  if (!v.defined)
    {
      jue_csv_write_text (w, jue_csv_undefined_text (v.reason));
      return;
    }
  text = value_text (&v);
  jue_csv_write_number (w, text);
}

/* base: the path cells are relative to; class_name for "*name". */
static void
write_row (JueCsvWriter        *w,
           Export              *ex,
           const JueCsvRowSpec *row,
           guint                width,
           const char          *base,
           const char          *class_name)
{
  for (guint c = 0; c < width; c++)
    {
      const char *cell = row->cells[c];
      g_autofree char *path = NULL;

      if (cell == NULL)
        jue_csv_write_text (w, "");
      else if (cell[0] == '@')
        {
          path = jue_csv_join_path (base, cell + 1);
          write_field (w, ex, path);
        }
      else if (cell[0] == '=')
        {
          path = jue_csv_join_path (base, cell + 1);
          write_computed (w, ex, path);
        }
      else if (strcmp (cell, "*name") == 0)
        jue_csv_write_text (w, class_name);
      else
        jue_csv_write_text (w, cell);
    }
  jue_csv_end_row (w);
}

static guint
list_length (Export     *ex,
             const char *list_path)
{
  JueFieldRef ref;

  if (!jue_report_resolve (ex->report, list_path, &ref, NULL) ||
      ref.def->kind != JUE_KIND_LIST)
    {
      g_critical ("CSV layout names an unknown list: %s", list_path);
      return 0;
    }
  return (*(GPtrArray **) ref.ptr)->len;
}

static void
write_class_row (JueCsvWriter        *w,
                 Export              *ex,
                 const JueCsvRowSpec *row,
                 guint                width,
                 guint                k)
{
  const JueFunctionalClassComputed *cls =
    &g_array_index (ex->computed->functional_classes, JueFunctionalClassComputed, k);
  g_autofree char *base = g_strdup_printf ("functional_classes[%u]", k);

  write_row (w, ex, row, width, base, cls->name);
}

/* List rows; when the block has class subtotals, each class's row comes
 * before the first row of that class, as in the published table. */
static void
write_items (JueCsvWriter          *w,
             Export                *ex,
             const JueCsvBlockSpec *block,
             const JueCsvRowSpec   *row,
             const char            *prefix)
{
  guint width = jue_csv_block_width (block);
  g_autofree char *list_path = jue_csv_join_path (prefix, row->list);
  const JueCsvRowSpec *classes = NULL;
  g_autofree gboolean *written = NULL;
  guint n_classes = 0;
  guint n = list_length (ex, list_path);

  for (guint r = 0; r < block->n_rows; r++)
    if (block->rows[r].kind == JUE_CSV_ROW_CLASSES)
      classes = &block->rows[r];
  if (classes)
    {
      n_classes = ex->computed->functional_classes->len;
      written = g_new0 (gboolean, n_classes + 1);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item = g_strdup_printf ("%s[%u]", list_path, i);

      if (classes && i < ex->computed->functional->len)
        {
          const JueFunctionalRowComputed *rc =
            &g_array_index (ex->computed->functional, JueFunctionalRowComputed, i);
          guint k = (guint) rc->class_index.value;
          if (rc->class_index.defined && k < n_classes && !written[k])
            {
              write_class_row (w, ex, classes, width, k);
              written[k] = TRUE;
            }
        }
      write_row (w, ex, row, width, item, NULL);
    }
  for (guint k = 0; k < n_classes; k++)
    if (!written[k])
      write_class_row (w, ex, classes, width, k);
}

static void
write_block (JueCsvWriter          *w,
             Export                *ex,
             const JueCsvBlockSpec *block,
             const char            *prefix)
{
  guint width = jue_csv_block_width (block);

  for (guint c = 0; c < width; c++)
    jue_csv_write_text (w, jue_csv_column_name (block->columns[c]));
  jue_csv_end_row (w);

  for (guint r = 0; r < block->n_rows; r++)
    {
      const JueCsvRowSpec *row = &block->rows[r];

      switch (row->kind)
        {
        case JUE_CSV_ROW_FIXED:
          write_row (w, ex, row, width, prefix, NULL);
          break;
        case JUE_CSV_ROW_REPEAT:
          {
            g_autofree char *list_path = jue_csv_join_path (prefix, row->list);
            guint n = list_length (ex, list_path);
            for (guint i = 0; i < n; i++)
              {
                g_autofree char *item = g_strdup_printf ("%s[%u]", list_path, i);
                write_row (w, ex, row, width, item, NULL);
              }
          }
          break;
        case JUE_CSV_ROW_ITEMS:
          write_items (w, ex, block, row, prefix);
          break;
        case JUE_CSV_ROW_CLASSES:
          break;   /* written with the items */
        }
    }
}

static void
write_table (JueCsvWriter          *w,
             Export                *ex,
             const JueCsvTableSpec *table,
             const char            *prefix)
{
  for (guint b = 0; b < table->n_blocks; b++)
    {
      if (b > 0)
        jue_csv_end_row (w);
      write_block (w, ex, &table->blocks[b], prefix);
    }
}

static void
write_header (JueCsvWriter          *w,
              const JueCsvBlockSpec *block)
{
  guint width = jue_csv_block_width (block);

  for (guint c = 0; c < width; c++)
    jue_csv_write_text (w, jue_csv_column_name (block->columns[c]));
  jue_csv_end_row (w);
}

/* ---- findings, exact amounts, classification ------------------------- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Fixed Chinese, like the headers: the file is the same on every locale
 * except for the finding messages themselves. */
static const char *
severity_text (JueSeverity severity)
{
  switch (severity)
    {
    case JUE_SEVERITY_ERROR:
      return "错误";
    case JUE_SEVERITY_WARNING:
      return "警告";
    default:
      return "提示";
    }
}

static void
write_finding_row (JueCsvWriter *w,
                   const char   *severity,
                   const char   *rule,
                   const char   *path,
                   const char   *message,
                   const char   *explanation)
{
  jue_csv_write_text (w, severity);
  jue_csv_write_text (w, rule);
  jue_csv_write_text (w, path);
  jue_csv_write_text (w, message);
  jue_csv_write_text (w, explanation);
  jue_csv_end_row (w);
}

/* Every finding of the checks with its explanation (出错说明), then the
 * explanations whose finding no longer appears (kept in the file, so they
 * are kept here too), in key order.  The findings are validate's: against
 * the report's functional and economic classifications. */
static void
write_findings (JueCsvWriter *w,
                JueReport    *report,
                GHashTable   *explanations,
                GPtrArray    *classification,
                GPtrArray    *economic)
{
  g_autoptr (GPtrArray) findings = jue_check_report_economic (report, classification, economic,
                                                             explanations);
  g_autoptr (GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();

  write_header (w, jue_csv_findings_block ());
  for (guint i = 0; i < findings->len; i++)
    {
      const JueFinding *f = findings->pdata[i];

      write_finding_row (w, severity_text (f->severity), f->rule, f->path, f->message,
                         f->explanation);
      g_hash_table_add (listed, jue_explanation_key (f->rule, f->path));
    }
  /* what a finished report still lacks, as validate lists it (W-MISSING) */
  {
    g_autoptr (JueCompleteness) done = jue_completeness_new (report);

    for (guint i = 0; i < done->missing->len; i++)
      {
        const JueMissing *m = done->missing->pdata[i];
        char *key = jue_explanation_key (JUE_RULE_MISSING, m->path);

        write_finding_row (w, severity_text (JUE_SEVERITY_WARNING), JUE_RULE_MISSING, m->path,
                           m->message,
                           explanations ? g_hash_table_lookup (explanations, key) : NULL);
        g_hash_table_add (listed, key);
      }
  }
  if (explanations == NULL)
    return;
  {
    GHashTableIter iter;
    gpointer key;
    g_hash_table_iter_init (&iter, explanations);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_hash_table_contains (listed, key))
        g_ptr_array_add (keys, key);
  }
  g_ptr_array_sort (keys, compare_strings);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      const char *sep = strchr (key, '\x1f');
      g_autofree char *rule = sep ? g_strndup (key, (gsize) (sep - key)) : g_strdup (key);

      write_finding_row (w, "", rule, sep ? sep + 1 : "", "",
                         g_hash_table_lookup (explanations, key));
    }
}

static void
write_exact_row (const char        *path,
                 const JueFieldRef *ref,
                 gpointer           user_data)
{
  JueCsvWriter *w = user_data;
  const JueAmount *a = ref->ptr;
  g_autofree char *exact = NULL;

  if (ref->def->kind != JUE_KIND_AMOUNT || !a->set || a->fen % JUE_FEN_PER_DISPLAY_UNIT == 0)
    return;
  exact = jue_amount_canonical (*a);
  jue_csv_write_text (w, path);
  jue_csv_write_number (w, exact);
  jue_csv_end_row (w);
}

/* Amounts finer than the 0.01 万元 the tables print. */
static void
write_exact (JueCsvWriter *w,
             JueReport    *report)
{
  write_header (w, jue_csv_exact_block ());
  jue_report_foreach (report, NULL, write_exact_row, w, NULL);
}

static void
write_classification (JueCsvWriter *w,
                      GPtrArray    *classification)
{
  write_header (w, jue_csv_classification_block ());
  for (guint i = 0; classification && i < classification->len; i++)
    {
      const JueClassEntry *e = classification->pdata[i];
      g_autofree char *level = g_strdup_printf ("%d", e->level);

      jue_csv_write_text (w, e->code);
      jue_csv_write_text (w, e->name);
      jue_csv_write_number (w, level);
      jue_csv_write_text (w, e->parent);
      jue_csv_end_row (w);
    }
}

/* ---- the files -------------------------------------------------------- */

typedef struct {
  Export     *ex;
  GHashTable *explanations;
  GPtrArray  *classification;
  GPtrArray  *economic;
  /* called once per file: name without ".csv", and a function filling it */
  void      (*emit) (gpointer user_data, const char *name,
                     const JueCsvTableSpec *table, const char *prefix, guint special);
  gpointer    user_data;
} Walk;

enum { SPECIAL_NONE, SPECIAL_FINDINGS, SPECIAL_EXACT, SPECIAL_CLASSIFICATION,
       SPECIAL_ECONOMIC };

static void
write_any (JueCsvWriter          *w,
           const Walk            *walk,
           const JueCsvTableSpec *table,
           const char            *prefix,
           guint                  special)
{
  Export *ex = walk->ex;

  switch (special)
    {
    case SPECIAL_FINDINGS:
      write_findings (w, ex->report, walk->explanations, walk->classification, walk->economic);
      break;
    case SPECIAL_EXACT:
      write_exact (w, ex->report);
      break;
    case SPECIAL_CLASSIFICATION:
      write_classification (w, walk->classification);
      break;
    case SPECIAL_ECONOMIC:
      write_classification (w, walk->economic);
      break;
    default:
      write_table (w, ex, table, prefix);
      break;
    }
}

/* Calls walk->emit for every file in order. */
static void
walk_files (Walk *walk)
{
  guint n_fixed;
  const JueCsvTableSpec *fixed = jue_csv_fixed_tables (&n_fixed);
  GPtrArray *funds = walk->ex->report->special_funds;

  for (guint t = 0; t < n_fixed; t++)
    walk->emit (walk->user_data, fixed[t].name, &fixed[t], fixed[t].prefix, SPECIAL_NONE);
  for (guint i = 0; i < funds->len; i++)
    {
      const JueSpecialFund *fund = funds->pdata[i];
      g_autofree char *name = jue_csv_special_fund_name (i, fund->project_name);
      g_autofree char *prefix = g_strdup_printf ("special_funds[%u]", i);

      walk->emit (walk->user_data, name, jue_csv_special_fund_table (), prefix, SPECIAL_NONE);
    }
  walk->emit (walk->user_data, JUE_CSV_FINDINGS_NAME, NULL, NULL, SPECIAL_FINDINGS);
  walk->emit (walk->user_data, JUE_CSV_EXACT_NAME, NULL, NULL, SPECIAL_EXACT);
  walk->emit (walk->user_data, JUE_CSV_CLASSIFICATION_NAME, NULL, NULL,
              SPECIAL_CLASSIFICATION);
  /* the next number, only for a report that has imported one, so an export
   * without it is the files it always was */
  if (walk->economic && walk->economic->len > 0)
    walk->emit (walk->user_data, JUE_CSV_ECONOMIC_NAME, NULL, NULL, SPECIAL_ECONOMIC);
}

static void
export_init (Export    *ex,
             JueReport *report)
{
  ex->report = report;
  ex->computed = jue_computed_new ();
  jue_computed_update (ex->computed, report);
}

static void
export_clear (Export *ex)
{
  g_clear_pointer (&ex->computed, jue_computed_free);
}

typedef struct {
  Walk       walk;
  GPtrArray *files;
} FilesWalk;

static void
emit_file (gpointer               user_data,
           const char            *name,
           const JueCsvTableSpec *table,
           const char            *prefix,
           guint                  special)
{
  FilesWalk *fw = user_data;
  g_autoptr (JueCsvWriter) w = jue_csv_writer_new ();
  JueExportFile *file = g_new0 (JueExportFile, 1);
  const char *data;
  gsize len;

  write_any (w, &fw->walk, table, prefix, special);
  data = jue_csv_writer_data (w, &len);
  file->name = g_strconcat (name, ".csv", NULL);
  file->data = g_bytes_new (data, len);
  g_ptr_array_add (fw->files, file);
}

GPtrArray *
jue_export_csv_files (JueReport  *report,
                      GHashTable *explanations,
                      GPtrArray  *classification,
                      GPtrArray  *economic)
{
  Export ex;
  FilesWalk fw = { { &ex, explanations, classification, economic, emit_file, NULL }, NULL };

  export_init (&ex, report);
  fw.walk.user_data = &fw;
  fw.files = g_ptr_array_new_with_free_func ((GDestroyNotify) jue_export_file_free);
  walk_files (&fw.walk);
  export_clear (&ex);
  return fw.files;
}

typedef struct {
  Walk          walk;
  JueCsvWriter *w;
} SingleWalk;

static void
emit_section (gpointer               user_data,
              const char            *name,
              const JueCsvTableSpec *table,
              const char            *prefix,
              guint                  special)
{
  SingleWalk *sw = user_data;

  jue_csv_write_text (sw->w, name);
  jue_csv_end_row (sw->w);
  write_any (sw->w, &sw->walk, table, prefix, special);
  jue_csv_end_row (sw->w);
}

GBytes *
jue_export_csv_bytes (JueReport  *report,
                      GHashTable *explanations,
                      GPtrArray  *classification,
                      GPtrArray  *economic)
{
  Export ex;
  g_autoptr (JueCsvWriter) w = jue_csv_writer_new ();
  SingleWalk sw = { { &ex, explanations, classification, economic, emit_section, NULL }, w };
  const char *data;
  gsize len;

  export_init (&ex, report);
  sw.walk.user_data = &sw;
  walk_files (&sw.walk);
  export_clear (&ex);
  data = jue_csv_writer_data (w, &len);
  return g_bytes_new (data, len);
}

/* ---- writing to disk -------------------------------------------------- */

static gboolean
is_in (GPtrArray  *files,
       const char *name)
{
  for (guint i = 0; i < files->len; i++)
    if (strcmp (((JueExportFile *) files->pdata[i])->name, name) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
refuse_existing (const char *path,
                 GError    **error)
{
  g_set_error (error, JUE_ERROR, JUE_ERROR_EXISTS,
               _("%s already exists; nothing was exported"), path);
  return FALSE;
}

/* Files of an earlier export that this one does not write: special funds,
 * and the economic classification of a report that has none now. */
static GPtrArray *
stale_files (const char *dir,
             GPtrArray  *files)
{
  GPtrArray *stale = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (d && (entry = g_dir_read_name (d)) != NULL)
    if (((jue_csv_special_fund_number (entry) > 0 && g_str_has_suffix (entry, ".csv")) ||
         strcmp (entry, JUE_CSV_ECONOMIC_NAME ".csv") == 0) &&
        !is_in (files, entry))
      g_ptr_array_add (stale, g_strdup (entry));
  g_ptr_array_sort (stale, compare_strings);
  return stale;
}

static gboolean
write_bytes (const char *path,
             GBytes     *data,
             GError    **error)
{
  gsize len;
  const char *bytes = g_bytes_get_data (data, &len);

  return g_file_set_contents (path, bytes, (gssize) len, error);
}

gboolean
jue_export_csv_dir (JueDocument *document,
                    const char  *dir,
                    gboolean     force,
                    GError     **error)
{
  g_autoptr (GPtrArray) files =
    jue_export_csv_files (jue_document_get_report (document),
                          jue_document_get_explanations (document),
                          jue_document_get_classification (document),
                          jue_document_get_economic_classification (document));
  g_autoptr (GPtrArray) stale = NULL;

  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  stale = stale_files (dir, files);
  if (!force)
    {
      for (guint i = 0; i < files->len; i++)
        {
          JueExportFile *f = files->pdata[i];
          g_autofree char *path = g_build_filename (dir, f->name, NULL);
          if (g_file_test (path, G_FILE_TEST_EXISTS))
            return refuse_existing (path, error);
        }
      if (stale->len)
        {
          g_autofree char *path = g_build_filename (dir, stale->pdata[0], NULL);
          return refuse_existing (path, error);
        }
    }

  for (guint i = 0; i < files->len; i++)
    {
      JueExportFile *f = files->pdata[i];
      g_autofree char *path = g_build_filename (dir, f->name, NULL);
      if (!write_bytes (path, f->data, error))
        return FALSE;
    }
  for (guint i = 0; i < stale->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, stale->pdata[i], NULL);
      if (g_unlink (path) != 0)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Cannot remove the earlier export %s: %s"), path,
                       g_strerror (saved));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
jue_export_csv_single (JueDocument *document,
                       const char  *filename,
                       gboolean     force,
                       GError     **error)
{
  g_autoptr (GBytes) data = NULL;

  if (!force && g_file_test (filename, G_FILE_TEST_EXISTS))
    return refuse_existing (filename, error);
  data = jue_export_csv_bytes (jue_document_get_report (document),
                               jue_document_get_explanations (document),
                               jue_document_get_classification (document),
                               jue_document_get_economic_classification (document));
  return write_bytes (filename, data, error);
}
