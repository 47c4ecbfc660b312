/* jue-workbook-template.c — the layouts the workbook importer looks for,
 * made from a template of the published tables (jue-template.h), so the
 * tables a report prints are the tables its workbook is read by.
 *
 * From each table of the template: its title (a table whose title is
 * inside a longer title of the same template, 收入支出决算总表 inside
 * 财政拨款收入支出决算总表, does not take that one); for a row table each
 * value column's header words and path; for lines, two-sided and economic
 * tables each line's label with, per value column of its side, the header
 * words and the path or the computed path checked; for a matrix table
 * whose rows are a list with 类/款/项 names (functional, accounts) its code,
 * name and value columns; for an economic table the rows of its two blocks.  A
 * matrix table over several lists (Sichuan's 财政拨款支出决算明细表, whose
 * rows repeat those of the tables by fund) is read when there, each row
 * checked against the same row of its list's own table. */
#include "config.h"

#include <string.h>

#include "jue-workbook-import.h"

struct _JueWbLayout {
  GPtrArray    *list_specs;    /* JueWbListSpec (columns in list_columns) */
  GPtrArray    *list_columns;  /* GArray of JueWbListColumn */
  GStringChunk *strings;
  GPtrArray    *cell_arrays;   /* GArray of JueWbCellSpec, per table */
  GPtrArray    *word_arrays;   /* char ** (NULL-terminated, strings in chunk) */
  GArray       *tables;        /* JueWbTableSpec */
};

static const char *
keep (JueWbLayout *layout,
      const char  *text)
{
  return text != NULL ? g_string_chunk_insert_const (layout->strings, text) : NULL;
}

static const char * const *
keep_words (JueWbLayout *layout,
            GPtrArray   *words)   /* char *, borrowed */
{
  const char **array = g_new0 (const char *, words->len + 1);

  for (guint i = 0; i < words->len; i++)
    array[i] = keep (layout, g_ptr_array_index (words, i));
  g_ptr_array_add (layout->word_arrays, array);
  return array;
}

/* A computed cell is checked against its parts only in a row table, whose
 * parts are on the same row: a line's total (本年支出合计) may add figures
 * of a matrix table not read yet.  Elsewhere it is read as an amount (a bad
 * cell is still refused) and not compared. */
static void
add_source (JueWbLayout *layout,
            GArray      *cells,
            const char  *label,
            const char  *header,
            const char  *source,
            gboolean     check)
{
  JueWbCellSpec cs = { 0 };

  if (source == NULL || *source == '\0')
    return;
  cs.label = keep (layout, label);
  cs.header = keep (layout, header);
  if (source[0] == '=')
    cs.computed = check ? keep (layout, source + 1) : NULL;
  else
    cs.path = keep (layout, source);
  g_array_append_val (cells, cs);
}

static gboolean
has_field (const JueRecordDef *def,
           const char         *name,
           JueKind             kind)
{
  for (guint i = 0; i < def->n_fields; i++)
    if (strcmp (def->fields[i].name, name) == 0 && def->fields[i].kind == kind)
      return TRUE;
  return FALSE;
}

/* A matrix table's 项 rows, when they are rows of one list of the model
 * with a code and a name (functional and accounts with 类/款/项 names, the
 * fund tables' rows with one name); or, for an economic table, the rows of
 * one block (side 0 人员经费, 1 公用经费).  A value column whose field the
 * model does not have (yet) is read as an amount and not kept. */
static const JueWbListSpec *
list_rows (JueWbLayout            *layout,
           const JueTemplateTable *table,
           gboolean                economic,
           guint                   side)
{
  g_autoptr (JueReport) blank = jue_report_new ();
  g_auto (GStrv) names = NULL;
  g_autoptr (GPtrArray) defs = g_ptr_array_new ();   /* every list's, for a multi list */
  const JueRecordDef *def;
  JueFieldRef ref;
  JueWbListSpec *ls;
  GArray *columns;

  if (table->rows == NULL)
    return NULL;
  names = g_strsplit (table->rows, "+", -1);
  for (guint l = 0; names[l] != NULL; l++)
    {
      if (!jue_report_resolve (blank, g_strstrip (names[l]), &ref, NULL)
          || ref.def->kind != JUE_KIND_LIST
          || !has_field (ref.def->extra, "code", JUE_KIND_TEXT))
        return NULL;
      g_ptr_array_add (defs, (gpointer) ref.def->extra);
    }
  def = defs->pdata[0];
  ls = g_new0 (JueWbListSpec, 1);
  if (has_field (def, "xiang_name", JUE_KIND_TEXT) && has_field (def, "class_name", JUE_KIND_TEXT)
      && has_field (def, "kuan_name", JUE_KIND_TEXT))
    ls->name_field = keep (layout, "xiang_name");
  else if (has_field (def, "name", JUE_KIND_TEXT))
    {
      ls->name_field = keep (layout, "name");
      ls->no_class_names = TRUE;
    }
  else
    {
      g_free (ls);
      return NULL;
    }
  ls->economic = economic;
  ls->multi = defs->len > 1;
  columns = g_array_new (FALSE, TRUE, sizeof (JueWbListColumn));
  ls->list = keep (layout, table->rows);
  for (guint c = 0; c < table->columns->len; c++)
    {
      const JueTemplateColumn *col = g_ptr_array_index (table->columns, c);

      if (economic && col->side != side)
        continue;
      if (col->role == JUE_COLUMN_CODE)
        ls->code_header = keep (layout, col->header);
      else if (col->role == JUE_COLUMN_NAME)
        ls->name_header = keep (layout, col->header);
      else if (col->role == JUE_COLUMN_VALUE && !col->count && col->source != NULL)
        {
          JueWbListColumn lc = { keep (layout, col->header), NULL };

          gboolean every = TRUE;

          for (guint l = 0; l < defs->len; l++)
            every = every && has_field (defs->pdata[l], col->source, JUE_KIND_AMOUNT);
          if (every)
            lc.field = keep (layout, col->source);
          g_array_append_val (columns, lc);
        }
    }
  if (ls->code_header == NULL || ls->name_header == NULL || columns->len == 0)
    {
      g_array_unref (columns);
      g_free (ls);
      return NULL;
    }
  ls->columns = (const JueWbListColumn *) columns->data;
  ls->n_columns = columns->len;
  g_ptr_array_add (layout->list_columns, columns);
  g_ptr_array_add (layout->list_specs, ls);
  return ls;
}

JueWbLayout *
jue_wb_layout_new (const JueTemplate *tmpl)
{
  JueWbLayout *layout = g_new0 (JueWbLayout, 1);
  guint n = jue_template_n_tables (tmpl);

  layout->strings = g_string_chunk_new (4096);
  layout->list_specs = g_ptr_array_new_with_free_func (g_free);
  layout->list_columns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  layout->cell_arrays = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  layout->word_arrays = g_ptr_array_new_with_free_func (g_free);
  layout->tables = g_array_new (FALSE, TRUE, sizeof (JueWbTableSpec));

  for (guint t = 0; t < n; t++)
    {
      const JueTemplateTable *table = jue_template_table (tmpl, t);
      GArray *cells = g_array_new (FALSE, TRUE, sizeof (JueWbCellSpec));
      g_autoptr (GPtrArray) words = g_ptr_array_new ();
      g_autoptr (GPtrArray) longer = g_ptr_array_new ();
      JueWbTableSpec spec = { 0 };
      const JueWbListSpec *rows = NULL, *rows2 = NULL;

      switch (table->layout)
        {
        case JUE_LAYOUT_ROW:
          for (guint c = 0; c < table->columns->len; c++)
            {
              const JueTemplateColumn *col = g_ptr_array_index (table->columns, c);

              if (col->role == JUE_COLUMN_VALUE && !col->count)
                add_source (layout, cells, NULL, col->header, col->source, TRUE);
            }
          break;
        case JUE_LAYOUT_LINES:
        case JUE_LAYOUT_TWO_SIDED:
        case JUE_LAYOUT_ECONOMIC:
          for (guint side = 0; side < 2; side++)
            {
              GPtrArray *lines = table->lines[side];
              g_autoptr (GPtrArray) values = g_ptr_array_new ();
              g_autoptr (GPtrArray) amounts = g_ptr_array_new ();

              if (lines == NULL)
                continue;
              for (guint c = 0; c < table->columns->len; c++)
                {
                  const JueTemplateColumn *col = g_ptr_array_index (table->columns, c);

                  if (!(table->layout == JUE_LAYOUT_LINES || col->side == side) || col->count)
                    continue;
                  if (col->role == JUE_COLUMN_VALUE)
                    g_ptr_array_add (values, col->header);
                  if (col->role == JUE_COLUMN_VALUE || col->role == JUE_COLUMN_ROWSUM)
                    g_ptr_array_add (amounts, col->header);
                }
              for (guint l = 0; l < lines->len; l++)
                {
                  const JueTemplateLine *line = g_ptr_array_index (lines, l);
                  /* As jue-render.c lays them: a line with a source per
                   * column, row sum included, fills them all. */
                  GPtrArray *over = line->n_sources == amounts->len
                                    && amounts->len != values->len ? amounts : values;

                  if (line->classes)
                    continue;
                  for (guint j = 0; j < line->n_sources && j < over->len; j++)
                    add_source (layout, cells, line->label, g_ptr_array_index (over, j),
                                line->sources[j], FALSE);
                }
            }
          if (table->layout == JUE_LAYOUT_ECONOMIC)
            {
              rows = list_rows (layout, table, TRUE, 0);
              rows2 = list_rows (layout, table, TRUE, 1);
            }
          break;
        case JUE_LAYOUT_MATRIX:
          rows = list_rows (layout, table, FALSE, 0);
          /* The 合计 row's figures that are typed totals of the model. */
          for (guint i = 0; rows != NULL && table->totals != NULL && table->totals[i]; i++)
            {
              g_auto (GStrv) pair = g_strsplit (table->totals[i], ":", 2);

              for (guint c = 0; c < table->columns->len; c++)
                {
                  const JueTemplateColumn *col = g_ptr_array_index (table->columns, c);

                  if (col->role == JUE_COLUMN_VALUE && g_strcmp0 (col->source, pair[0]) == 0)
                    add_source (layout, cells, "合计", col->header, pair[1], FALSE);
                }
            }
          break;
        }
      if (cells->len == 0 && rows == NULL)
        {
          g_array_unref (cells);
          continue;
        }
      g_ptr_array_add (layout->cell_arrays, cells);
      g_ptr_array_add (words, table->title);
      for (guint o = 0; o < n; o++)
        {
          const JueTemplateTable *other = jue_template_table (tmpl, o);

          if (o != t && strlen (other->title) > strlen (table->title)
              && strstr (other->title, table->title) != NULL)
            g_ptr_array_add (longer, other->title);
        }
      spec.name = keep (layout, table->title);
      spec.key = keep (layout, table->key);
      spec.title_words = keep_words (layout, words);
      spec.title_not = keep_words (layout, longer);
      spec.cells = (const JueWbCellSpec *) cells->data;
      spec.n_cells = cells->len;
      spec.rows = rows;
      spec.rows2 = rows2;
      spec.optional = rows != NULL && rows->multi;
      for (guint side = 0; side < 2 && table->layout != JUE_LAYOUT_ECONOMIC; side++)
        for (guint l = 0; table->lines[side] != NULL && l < table->lines[side]->len; l++)
          if (((const JueTemplateLine *) g_ptr_array_index (table->lines[side], l))->classes)
            {
              spec.tmpl = tmpl;
              spec.table_index = t;
            }
      g_array_append_val (layout->tables, spec);
    }
  return layout;
}

const JueWbTableSpec *
jue_wb_layout_tables (const JueWbLayout *layout,
                      guint             *n_tables)
{
  *n_tables = layout->tables->len;
  return (const JueWbTableSpec *) layout->tables->data;
}

void
jue_wb_layout_free (JueWbLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->tables);
  g_ptr_array_unref (layout->word_arrays);
  g_ptr_array_unref (layout->cell_arrays);
  g_ptr_array_unref (layout->list_specs);
  g_ptr_array_unref (layout->list_columns);
  g_string_chunk_free (layout->strings);
  g_free (layout);
}
