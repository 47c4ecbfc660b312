/* jue-import.c — reading the CSV files of jue-export.c back into a report.
 * The layouts come from jue-csv-tables.c, the same ones the export wrote.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "jue-checks.h"
#include "jue-csv-tables.h"
#include "jue-csv.h"
#include "jue-import-private.h"

static void
home_free (gpointer data)
{
  Home *h = data;

  g_free (h->origin);
  g_free (h->text);
  g_free (h);
}

void
jue_import_free (JueImport *import)
{
  if (import == NULL)
    return;
  jue_report_free (import->report);
  g_clear_pointer (&import->explanations, g_ptr_array_unref);
  g_clear_pointer (&import->classification, g_ptr_array_unref);
  g_clear_pointer (&import->economic, g_ptr_array_unref);
  g_free (import);
}

void
jue_import_init (Import *imp)
{
  imp->result = g_new0 (JueImport, 1);
  imp->result->report = jue_report_new ();
  imp->result->explanations =
    g_ptr_array_new_with_free_func ((GDestroyNotify) jue_explanation_free);
  imp->homes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, home_free);
}

JueImport *
jue_import_finish (Import  *imp,
                   gboolean ok)
{
  JueImport *result = g_steal_pointer (&imp->result);

  g_clear_pointer (&imp->homes, g_hash_table_unref);
  if (!ok)
    g_clear_pointer (&result, jue_import_free);
  return result;
}

const JueCsvRow *
jue_import_span_row (const Span *span,
                     guint       i)
{
  return span->table->rows->pdata[i];
}

/* ---- errors ----------------------------------------------------------- */

static gboolean
cell_error (GError               **error,
            const Span            *span,
            const JueCsvRow       *row,
            guint                  column,
            const JueCsvBlockSpec *block,
            const char            *message)
{
  const char *header = column < jue_csv_block_width (block)
    ? jue_csv_column_name (block->columns[column]) : "";

  jue_csv_set_error (error, span->table->origin, jue_csv_row_cell_line (row, column),
                     column + 1, _("column “%s”: %s"), header, message);
  return FALSE;
}

static char *
header_text (const JueCsvBlockSpec *block)
{
  GString *s = g_string_new (NULL);
  guint width = jue_csv_block_width (block);

  for (guint c = 0; c < width; c++)
    {
      if (c)
        g_string_append_c (s, ',');
      g_string_append (s, jue_csv_column_name (block->columns[c]));
    }
  return g_string_free (s, FALSE);
}

static gboolean
check_header (const Span            *span,
              const JueCsvRow       *row,
              const JueCsvBlockSpec *block,
              GError               **error)
{
  guint width = jue_csv_block_width (block);
  guint n = MAX (width, row->cells->len);
  g_autofree char *expected = header_text (block);

  for (guint c = 0; c < n; c++)
    {
      const char *want = c < width ? jue_csv_column_name (block->columns[c]) : NULL;
      const char *got = c < row->cells->len ? row->cells->pdata[c] : NULL;

      if (want && got && strcmp (want, got) == 0)
        continue;
      if (got == NULL)
        jue_csv_set_error (error, span->table->origin, row->line, c + 1,
                           _("the header lacks the column “%s” (the header must be: %s)"),
                           want, expected);
      else if (want == NULL)
        jue_csv_set_error (error, span->table->origin, row->line, c + 1,
                           _("unexpected column “%s” in the header (the header must be: %s)"),
                           got, expected);
      else
        jue_csv_set_error (error, span->table->origin, row->line, c + 1,
                           _("the header has “%s” where “%s” belongs (the header must be: %s)"),
                           got, want, expected);
      return FALSE;
    }
  return TRUE;
}

/* ---- cells ------------------------------------------------------------ */

static gboolean
is_text_kind (JueKind kind)
{
  return kind == JUE_KIND_TEXT || kind == JUE_KIND_CHOICE || kind == JUE_KIND_DATE;
}

/* Reads text into ref's field (the guard removed from text kinds).  With
 * keep_typed, a figure that does not read is what someone typed (our export
 * writes an unreadable value as its text, guarded): it comes back unreadable,
 * never as another number.  ref must then be a field of the report. */
static gboolean
set_cell (const JueFieldRef *ref,
          const char        *path,
          const char        *text,
          gboolean           keep_typed,
          GError           **error)
{
  g_autofree char *value = is_text_kind (ref->def->kind) ? jue_csv_unguard (text)
                                                         : g_strdup (text);
  g_autofree char *typed = NULL;

  if (!keep_typed)
    return jue_field_set_text (ref, path, value, error);
  if (jue_field_set_text (ref, path, value, NULL))
    return TRUE;
  typed = jue_csv_unguard (text);
  return jue_field_set_typed (ref, path, typed, NULL, error);
}

/* A figure printed in several tables is read where it first appears; its
 * copies must agree, or an edit in one table would be lost silently.  They
 * are compared by value, so a spreadsheet that saved one table's 0.00 as 0
 * does not make them differ. */
static gboolean
check_copy (const Home            *home,
            const JueFieldRef     *ref,
            const char            *path,
            const Span            *span,
            const JueCsvRow       *row,
            guint                  column,
            const JueCsvBlockSpec *block,
            const char            *text,
            GError               **error)
{
  union { char *s; JueAmount a; JueInteger i; JuePercent p; } slot = { NULL };
  JueFieldRef copy = *ref;
  GError *inner = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *first = NULL;
  g_autofree char *msg = NULL;

  copy.ptr = &slot;
  copy.owner = NULL;   /* a scratch value, outside the report */
  first = jue_field_get_text (ref);
  if (!set_cell (&copy, path, text, FALSE, &inner))
    {
      /* an unreadable figure's copies carry the same typed text */
      g_autofree char *typed = jue_csv_unguard (text);
      if (jue_field_get_unreadable (ref) && strcmp (typed, first) == 0)
        {
          g_error_free (inner);
          return TRUE;
        }
      cell_error (error, span, row, column, block, inner->message);
      g_error_free (inner);
      return FALSE;
    }
  mine = jue_field_get_text (&copy);
  if (is_text_kind (ref->def->kind))
    g_free (slot.s);
  if (strcmp (mine, first) == 0)
    return TRUE;
  msg = g_strdup_printf (_("“%s” differs from “%s” in %s, line %u, column %u; the "
                           "same figure appears in both tables and must be changed "
                           "in both"),
                         text, home->text, home->origin, home->line, home->column);
  return cell_error (error, span, row, column, block, msg);
}

static gboolean
import_field (Import                *imp,
              const Span            *span,
              const JueCsvRow       *row,
              guint                  column,
              const JueCsvBlockSpec *block,
              const char            *path,
              GError               **error)
{
  const char *text = jue_csv_row_cell (row, column);
  Home *home = g_hash_table_lookup (imp->homes, path);
  JueFieldRef ref;
  GError *inner = NULL;

  if (!jue_report_resolve (imp->result->report, path, &ref, &inner))
    {
      cell_error (error, span, row, column, block, inner->message);
      g_error_free (inner);
      return FALSE;
    }
  if (home)
    return check_copy (home, &ref, path, span, row, column, block, text, error);
  if (!set_cell (&ref, path, text, TRUE, &inner))
    {
      cell_error (error, span, row, column, block, inner->message);
      g_error_free (inner);
      return FALSE;
    }

  home = g_new0 (Home, 1);
  home->origin = g_strdup (span->table->origin);
  home->line = jue_csv_row_cell_line (row, column);
  home->column = column + 1;
  home->text = g_strdup (text);
  g_hash_table_insert (imp->homes, g_strdup (path), home);
  return TRUE;
}

/* Reads the "@field" cells of row, checks its fixed cells. */
static gboolean
import_cells (Import                *imp,
              const Span            *span,
              const JueCsvRow       *row,
              const JueCsvBlockSpec *block,
              const JueCsvRowSpec   *spec,
              const char            *base,
              GError               **error)
{
  guint width = jue_csv_block_width (block);

  for (guint c = 0; c < width; c++)
    {
      const char *cell = spec->cells[c];
      const char *text = jue_csv_row_cell (row, c);

      if (cell == NULL || cell[0] == '=' || cell[0] == '*')
        continue;   /* empty or computed: recomputed, never read */
      if (cell[0] == '@')
        {
          g_autofree char *path = jue_csv_join_path (base, cell + 1);
          if (!import_field (imp, span, row, c, block, path, error))
            return FALSE;
        }
      else if (!jue_csv_label_matches (cell, text))
        {
          g_autofree char *shown = jue_input_excerpt (text);
          g_autofree char *msg = g_strdup_printf (_("expected “%s”, found “%s”"), cell, shown);
          return cell_error (error, span, row, c, block, msg);
        }
    }
  return TRUE;
}

/* Reads a row into the list: into row k when the list has it already (its
 * other columns were in an earlier file), else into a new row at the end.
 * k is G_MAXUINT for a new row always. */
static gboolean
import_item (Import                *imp,
             const Span            *span,
             const JueCsvRow       *row,
             const JueCsvBlockSpec *block,
             const JueCsvRowSpec   *spec,
             const char            *prefix,
             guint                  k,
             GError               **error)
{
  g_autofree char *list_path = jue_csv_join_path (prefix, spec->list);
  g_autofree char *item = NULL;
  GError *inner = NULL;
  JueFieldRef ref;
  gint index;

  if (k != G_MAXUINT && jue_report_resolve (imp->result->report, list_path, &ref, NULL) &&
      ref.def->kind == JUE_KIND_LIST && ref.index < 0 && k < (*(GPtrArray **) ref.ptr)->len)
    index = (gint) k;
  else
    index = jue_report_list_insert (imp->result->report, list_path, -1, &inner);

  if (index < 0)
    {
      cell_error (error, span, row, 0, block, inner->message);
      g_error_free (inner);
      return FALSE;
    }
  item = g_strdup_printf ("%s[%d]", list_path, index);
  return import_cells (imp, span, row, block, spec, item, error);
}

/* ---- blocks ----------------------------------------------------------- */

static gboolean
is_list_block (const JueCsvBlockSpec *block)
{
  for (guint r = 0; r < block->n_rows; r++)
    if (block->rows[r].kind == JUE_CSV_ROW_ITEMS)
      return TRUE;
  return FALSE;
}

/* In a list block, the computed rows (合计, 小计) are known by their first
 * cell; every other row is a list item. */
static gboolean
import_list_block (Import                *imp,
                   const Span            *span,
                   const JueCsvBlockSpec *block,
                   const char            *prefix,
                   GError               **error)
{
  const JueCsvRowSpec *items = NULL;

  for (guint r = 0; r < block->n_rows; r++)
    if (block->rows[r].kind == JUE_CSV_ROW_ITEMS)
      items = &block->rows[r];

  for (guint i = span->start + 1, k = 0; i < span->end; i++)
    {
      const JueCsvRow *row = jue_import_span_row (span, i);
      gboolean computed = FALSE;

      for (guint r = 0; r < block->n_rows && !computed; r++)
        computed = block->rows[r].kind != JUE_CSV_ROW_ITEMS &&
                   strcmp (block->rows[r].cells[0], jue_csv_row_cell (row, 0)) == 0;
      if (!computed && !import_item (imp, span, row, block, items, prefix, k++, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_record_block (Import                *imp,
                     const Span            *span,
                     const JueCsvBlockSpec *block,
                     const char            *prefix,
                     GError               **error)
{
  guint i = span->start + 1;

  for (guint r = 0; r < block->n_rows; r++)
    {
      const JueCsvRowSpec *spec = &block->rows[r];

      if (spec->kind == JUE_CSV_ROW_REPEAT)
        {
          while (i < span->end &&
                 strcmp (jue_csv_row_cell (jue_import_span_row (span, i), 0), spec->cells[0]) == 0)
            if (!import_item (imp, span, jue_import_span_row (span, i++), block, spec, prefix,
                              G_MAXUINT, error))
              return FALSE;
          continue;
        }
      if (i >= span->end)
        {
          const JueCsvRow *last = jue_import_span_row (span, span->end - 1);
          jue_csv_set_error (error, span->table->origin, last->line, 1,
                             _("the table ends before the row “%s”"), spec->cells[0]);
          return FALSE;
        }
      if (!import_cells (imp, span, jue_import_span_row (span, i++), block, spec, prefix, error))
        return FALSE;
    }
  if (i < span->end)
    {
      const JueCsvRow *row = jue_import_span_row (span, i);
      jue_csv_set_error (error, span->table->origin, row->line, 1,
                         _("unexpected row “%s” after the last row of the table"),
                         jue_csv_row_cell (row, 0));
      return FALSE;
    }
  return TRUE;
}

/* Checks the header and the width of every row. */
static gboolean
check_block_shape (const Span            *span,
                   const JueCsvBlockSpec *block,
                   GError               **error)
{
  guint width = jue_csv_block_width (block);

  if (!check_header (span, jue_import_span_row (span, span->start), block, error))
    return FALSE;
  for (guint i = span->start + 1; i < span->end; i++)
    if (!jue_csv_check_width (span->table, jue_import_span_row (span, i), width, error))
      return FALSE;
  return TRUE;
}

/* Splits a table's rows into blocks at empty lines. */
static GArray *
split_blocks (const Span *span)
{
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (Span));
  guint i = span->start;

  for (;;)
    {
      Span b = { span->table, 0, 0 };

      while (i < span->end && jue_csv_row_is_blank (jue_import_span_row (span, i)))
        i++;
      if (i >= span->end)
        break;
      b.start = i;
      while (i < span->end && !jue_csv_row_is_blank (jue_import_span_row (span, i)))
        i++;
      b.end = i;
      g_array_append_val (blocks, b);
    }
  return blocks;
}

/* After the blocks found were read: refuses a file with fewer or more
 * blocks than its table has.  Reading the blocks first lets a missing empty
 * line be reported where it is (as a row that does not belong). */
static gboolean
check_block_count (const Span            *span,
                   GArray                *blocks,
                   const char            *name,
                   const JueCsvBlockSpec *specs,
                   guint                  n_blocks,
                   GError               **error)
{
  /* the last blocks may be ones earlier versions did not write */
  while (specs && blocks->len < n_blocks && specs[n_blocks - 1].optional)
    n_blocks--;
  if (blocks->len < n_blocks)
    {
      guint line = span->end > span->start ? jue_import_span_row (span, span->end - 1)->line
                                           : span->table->n_lines;
      jue_csv_set_error (error, span->table->origin, line, 1,
                         _("the table %s ends here, but it has %u parts separated "
                           "by empty lines and only %u were found"),
                         name, n_blocks, blocks->len);
      return FALSE;
    }
  if (blocks->len > n_blocks)
    {
      const Span *extra = &g_array_index (blocks, Span, n_blocks);
      jue_csv_set_error (error, span->table->origin,
                         jue_import_span_row (span, extra->start)->line, 1,
                         _("unexpected rows after the end of the table %s"), name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_table (Import                *imp,
              const Span            *span,
              const JueCsvTableSpec *table,
              const char            *name,
              const char            *prefix,
              GError               **error)
{
  g_autoptr (GArray) blocks = split_blocks (span);

  for (guint b = 0; b < MIN (blocks->len, table->n_blocks); b++)
    {
      const Span *bs = &g_array_index (blocks, Span, b);
      const JueCsvBlockSpec *block = &table->blocks[b];

      if (!check_block_shape (bs, block, error))
        return FALSE;
      if (is_list_block (block)
          ? !import_list_block (imp, bs, block, prefix, error)
          : !import_record_block (imp, bs, block, prefix, error))
        return FALSE;
    }
  return check_block_count (span, blocks, name, table->blocks, table->n_blocks, error);
}

static gboolean
import_special_fund (Import     *imp,
                     const Span *span,
                     const char *name,
                     GError    **error)
{
  gint index = jue_report_list_insert (imp->result->report, "special_funds", -1, NULL);
  g_autofree char *prefix = g_strdup_printf ("special_funds[%d]", index);

  return import_table (imp, span, jue_csv_special_fund_table (), name, prefix, error);
}

/* ---- findings, exact amounts, classification ------------------------- */

/* The one block of a special file, its header and widths checked. */
static gboolean
single_block (const Span            *span,
              const char            *name,
              const JueCsvBlockSpec *block,
              Span                  *out,
              GError               **error)
{
  g_autoptr (GArray) blocks = split_blocks (span);

  if (blocks->len > 0)
    {
      *out = g_array_index (blocks, Span, 0);
      if (!check_block_shape (out, block, error))
        return FALSE;
    }
  return check_block_count (span, blocks, name, NULL, 1, error);
}

static gboolean
import_findings (Import     *imp,
                 const Span *span,
                 GError    **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Span b;

  if (!single_block (span, JUE_CSV_FINDINGS_NAME, jue_csv_findings_block (), &b, error))
    return FALSE;
  for (guint i = b.start + 1; i < b.end; i++)
    {
      const JueCsvRow *row = jue_import_span_row (&b, i);
      g_autofree char *text = jue_csv_unguard (jue_csv_row_cell (row, 4));
      JueExplanation *e;

      if (*text == '\0')
        continue;   /* a finding without an explanation */
      e = g_new0 (JueExplanation, 1);
      e->rule = jue_csv_unguard (jue_csv_row_cell (row, 1));
      e->path = jue_csv_unguard (jue_csv_row_cell (row, 2));
      e->text = g_steal_pointer (&text);
      /* two findings of one rule on one field share an explanation */
      if (!g_hash_table_add (seen, jue_explanation_key (e->rule, e->path)))
        {
          jue_explanation_free (e);
          continue;
        }
      g_ptr_array_add (imp->result->explanations, e);
    }
  return TRUE;
}

/* Amounts finer than the tables print.  An exact value replaces the
 * table's figure only when it rounds to that figure: if the table was
 * edited, the edit wins. */
static gboolean
import_exact (Import     *imp,
              const Span *span,
              GError    **error)
{
  const JueCsvBlockSpec *block = jue_csv_exact_block ();
  Span b;

  if (!single_block (span, JUE_CSV_EXACT_NAME, block, &b, error))
    return FALSE;
  for (guint i = b.start + 1; i < b.end; i++)
    {
      const JueCsvRow *row = jue_import_span_row (&b, i);
      g_autofree char *path = jue_csv_unguard (jue_csv_row_cell (row, 0));
      g_autofree char *shown = NULL;
      g_autofree char *exact_shown = NULL;
      JueFieldRef ref;
      JueAmount exact;
      GError *inner = NULL;

      if (!jue_report_resolve (imp->result->report, path, &ref, &inner))
        {
          cell_error (error, &b, row, 0, block, inner->message);
          g_error_free (inner);
          return FALSE;
        }
      if (ref.def->kind != JUE_KIND_AMOUNT || ref.index >= 0)
        {
          g_autofree char *msg = g_strdup_printf (_("%s is not an amount"), path);
          return cell_error (error, &b, row, 0, block, msg);
        }
      if (!jue_amount_parse (jue_csv_row_cell (row, 1), &exact, &inner))
        {
          cell_error (error, &b, row, 1, block, inner->message);
          g_error_free (inner);
          return FALSE;
        }
      shown = jue_amount_display (*(JueAmount *) ref.ptr);
      exact_shown = jue_amount_display (exact);
      if (strcmp (shown, exact_shown) == 0)
        *(JueAmount *) ref.ptr = exact;
    }
  return TRUE;
}

static gboolean
import_classification (Import     *imp,
                       const Span *span,
                       GError    **error)
{
  const JueCsvBlockSpec *block = jue_csv_classification_block ();
  Span b;

  if (!single_block (span, JUE_CSV_CLASSIFICATION_NAME, block, &b, error))
    return FALSE;
  if (b.end - b.start > 1)
    imp->result->classification =
      g_ptr_array_new_with_free_func ((GDestroyNotify) jue_class_entry_free);
  for (guint i = b.start + 1; i < b.end; i++)
    {
      const JueCsvRow *row = jue_import_span_row (&b, i);
      const char *level_text = jue_csv_row_cell (row, 2);
      JueClassEntry *e;
      JueInteger level;

      if (!jue_integer_parse (level_text, &level, NULL) || !level.set ||
          level.value < 1 || level.value > 3)
        {
          g_autofree char *msg =
            g_strdup_printf (_("“%s” is not a level; write 1 (类), 2 (款) or 3 (项)"),
                             level_text);
          return cell_error (error, &b, row, 2, block, msg);
        }
      e = g_new0 (JueClassEntry, 1);
      e->code = jue_csv_unguard (jue_csv_row_cell (row, 0));
      e->name = jue_csv_unguard (jue_csv_row_cell (row, 1));
      e->level = (int) level.value;
      e->parent = jue_csv_unguard (jue_csv_row_cell (row, 3));
      g_ptr_array_add (imp->result->classification, e);
    }
  return TRUE;
}

/* The imported economic classification (file 18): every row checked as
 * `classification import --economic` checks its CSV (3-digit 类 of level 1,
 * 5-digit 款 of level 2 under a 类 listed before it, a name, no code twice);
 * the first bad row refuses the import with its line, cell and reason. */
static gboolean
import_economic (Import     *imp,
                 const Span *span,
                 GError    **error)
{
  const JueCsvBlockSpec *block = jue_csv_classification_block ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) jue_class_entry_free);
  Span b;

  if (!single_block (span, JUE_CSV_ECONOMIC_NAME, block, &b, error))
    return FALSE;
  for (guint i = b.start + 1; i < b.end; i++)
    {
      const JueCsvRow *row = jue_import_span_row (&b, i);
      g_autofree char *code = g_strstrip (jue_csv_unguard (jue_csv_row_cell (row, 0)));
      g_autofree char *name = g_strstrip (jue_csv_unguard (jue_csv_row_cell (row, 1)));
      g_autofree char *level = g_strstrip (g_strdup (jue_csv_row_cell (row, 2)));
      g_autofree char *parent = g_strstrip (jue_csv_unguard (jue_csv_row_cell (row, 3)));
      g_autofree char *problem = NULL;
      JueClassEntry *e;
      guint column;
      int lv = 0;

      problem = jue_classification_entry_problem (code, name, level, parent, seen, TRUE, &lv,
                                                  &column);
      if (problem)
        return cell_error (error, &b, row, column, block, problem);
      e = g_new0 (JueClassEntry, 1);
      e->code = g_steal_pointer (&code);
      e->name = g_steal_pointer (&name);
      e->level = lv;
      e->parent = g_steal_pointer (&parent);
      g_hash_table_add (seen, e->code);
      g_ptr_array_add (entries, e);
    }
  if (entries->len > 0)
    imp->result->economic = g_steal_pointer (&entries);
  return TRUE;
}

/* ---- the files in order ----------------------------------------------- */

gboolean
jue_import_part (Import                *imp,
                 PartKind               kind,
                 const JueCsvTableSpec *table,
                 const char            *name,
                 const Span            *span,
                 GError               **error)
{
  switch (kind)
    {
    case PART_TABLE:
      return import_table (imp, span, table, name, table->prefix, error);
    case PART_FUND:
      return import_special_fund (imp, span, name, error);
    case PART_FINDINGS:
      return import_findings (imp, span, error);
    case PART_EXACT:
      return import_exact (imp, span, error);
    case PART_CLASSIFICATION:
      return import_classification (imp, span, error);
    case PART_ECONOMIC:
      return import_economic (imp, span, error);
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static gboolean
import_file (Import                *imp,
             const char            *dir,
             const char            *name,
             PartKind               kind,
             const JueCsvTableSpec *table,
             GError               **error)
{
  g_autofree char *filename = g_strconcat (name, ".csv", NULL);
  g_autofree char *path = g_build_filename (dir, filename, NULL);
  g_autoptr (JueCsvTable) csv = NULL;
  Span span;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                   _("%s is missing from the folder %s"), filename, dir);
      return FALSE;
    }
  csv = jue_csv_read_file (path, error);
  if (csv == NULL)
    return FALSE;
  span = (Span) { csv, 0, csv->rows->len };
  return jue_import_part (imp, kind, table, name, &span, error);
}

static int
compare_fund_names (gconstpointer a,
                    gconstpointer b)
{
  guint x = jue_csv_special_fund_number (*(const char * const *) a);
  guint y = jue_csv_special_fund_number (*(const char * const *) b);

  return x < y ? -1 : x > y;
}

/* The special-fund files, in order; numbered 01, 02, … without gaps. */
static GPtrArray *
special_fund_files (const char *dir,
                    GError    **error)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) d = g_dir_open (dir, 0, error);
  const char *entry;

  if (d == NULL)
    return NULL;
  while ((entry = g_dir_read_name (d)) != NULL)
    if (jue_csv_special_fund_number (entry) > 0 && g_str_has_suffix (entry, ".csv"))
      g_ptr_array_add (names, g_strndup (entry, strlen (entry) - 4));
  g_ptr_array_sort (names, compare_fund_names);
  for (guint i = 0; i < names->len; i++)
    {
      guint n = jue_csv_special_fund_number (names->pdata[i]);
      if (n == i + 1)
        continue;
      if (n == i)
        g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                     _("%s.csv and %s.csv have the same number; keep one of them"),
                     (char *) names->pdata[i - 1], (char *) names->pdata[i]);
      else
        g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                     _("the special-fund evaluation numbered %02u (%s_%02u_….csv) is "
                       "missing from the folder %s"),
                     i + 1, JUE_CSV_SPECIAL_FUND_STEM, i + 1, dir);
      return NULL;
    }
  return g_steal_pointer (&names);
}

JueImport *
jue_import_csv_dir (const char *dir,
                    GError    **error)
{
  Import imp;
  guint n_fixed;
  const JueCsvTableSpec *fixed = jue_csv_fixed_tables (&n_fixed);
  g_autoptr (GPtrArray) funds = NULL;
  gboolean ok = TRUE;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR, _("%s is not a folder"), dir);
      return NULL;
    }
  funds = special_fund_files (dir, error);
  if (funds == NULL)
    return NULL;

  jue_import_init (&imp);
  for (guint t = 0; ok && t < n_fixed; t++)
    ok = import_file (&imp, dir, fixed[t].name, PART_TABLE, &fixed[t], error);
  for (guint i = 0; ok && i < funds->len; i++)
    ok = import_file (&imp, dir, funds->pdata[i], PART_FUND, NULL, error);
  ok = ok && import_file (&imp, dir, JUE_CSV_FINDINGS_NAME, PART_FINDINGS, NULL, error);
  ok = ok && import_file (&imp, dir, JUE_CSV_EXACT_NAME, PART_EXACT, NULL, error);
  ok = ok && import_file (&imp, dir, JUE_CSV_CLASSIFICATION_NAME, PART_CLASSIFICATION,
                          NULL, error);
  /* written only for a report with an imported economic classification */
  {
    g_autofree char *economic = g_build_filename (dir, JUE_CSV_ECONOMIC_NAME ".csv", NULL);
    if (ok && g_file_test (economic, G_FILE_TEST_EXISTS))
      ok = import_file (&imp, dir, JUE_CSV_ECONOMIC_NAME, PART_ECONOMIC, NULL, error);
  }
  return jue_import_finish (&imp, ok);
}

/* ---- the new document ------------------------------------------------- */

JueDocument *
jue_import_create_document (JueImport  *import,
                            const char *filename,
                            GError    **error)
{
  g_autoptr (JueDocument) doc = jue_document_create (filename, import->report, error);
  gboolean ok;

  if (doc == NULL)
    return NULL;
  ok = (import->classification == NULL ||
        jue_document_set_classification (doc, import->classification, error)) &&
       (import->economic == NULL ||
        jue_document_set_economic_classification (doc, import->economic, error));
  for (guint i = 0; ok && i < import->explanations->len; i++)
    {
      const JueExplanation *e = import->explanations->pdata[i];
      ok = jue_document_set_explanation (doc, e->rule, e->path, e->text, error);
    }
  if (!ok)
    {
      g_clear_object (&doc);
      g_unlink (filename);
      return NULL;
    }
  return g_steal_pointer (&doc);
}
