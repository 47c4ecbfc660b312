/* jue-paste-table.c — cells copied from a spreadsheet, pasted onto a
 * published table as the renderer lays it out (jue-paste.h). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jue-codes.h"
#include "jue-paste.h"
#include "jue-render.h"

/* A 0.01 万元 difference is rounding: printed figures are sums of rounded
 * ones. */
#define ALLOWANCE_FEN 10000

/* A row or cell of the block that the result must reproduce: a subtotal
 * row (合计, 类, 款) of a whole table, or a computed cell covered. */
typedef struct {
  JueRenderRowKind kind;   /* TOTAL, CLASS, KUAN (by code); ITEM/LINE: by position */
  char            *code;
  guint            body_row;   /* position mode: the rendered row */
  guint            block_row;
  char            *name;       /* as pasted, for the message */
} Check;

static void
check_free (gpointer data)
{
  Check *c = data;

  g_free (c->code);
  g_free (c->name);
  g_free (c);
}

/* "206 科学技术支出" for a rendered row: its code and name or label cells
 * (of a two-sided or economic table, those of the side of column at; any
 * side when at is G_MAXUINT). */
static char *
row_label (const JueRenderedTable *t,
           const JueRenderedRow   *row,
           guint                   at)
{
  g_autoptr (GString) s = g_string_new (NULL);
  guint side = at < t->n_columns ? ((const JueRenderedColumn *) t->columns->pdata[at])->side : 0;

  for (guint c = 0; c < t->n_columns && c < row->cells->len; c++)
    {
      const JueRenderedColumn *col = t->columns->pdata[c];
      const JueRenderedCell *cell = row->cells->pdata[c];

      if (at < t->n_columns && col->side != side)
        continue;
      if ((col->role == JUE_COLUMN_CODE || col->role == JUE_COLUMN_NAME ||
           col->role == JUE_COLUMN_LABEL) && cell->text && *cell->text)
        {
          if (s->len)
            g_string_append_c (s, ' ');
          g_string_append (s, cell->text);
        }
    }
  if (s->len == 0)
    g_string_append (s, row->kind == JUE_RENDER_ROW_TOTAL ? "合计" : "");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* "本年支出 小计" for the header "本年支出|小计". */
static char *
column_label (const JueRenderedTable *t,
              guint                   col)
{
  const JueRenderedColumn *c = t->columns->pdata[col];
  g_auto (GStrv) words = g_strsplit (c->header ? c->header : "", "|", -1);

  return g_strjoinv (" ", words);
}

static guint
column_of_role (const JueRenderedTable *t,
                JueColumnRole           role)
{
  for (guint c = 0; c < t->n_columns; c++)
    if (((const JueRenderedColumn *) t->columns->pdata[c])->role == role)
      return c;
  return G_MAXUINT;
}

static gboolean
is_figure_column (const JueRenderedTable *t,
                  guint                   col)
{
  const JueRenderedColumn *c = t->columns->pdata[col];

  return c->role == JUE_COLUMN_VALUE || c->role == JUE_COLUMN_ROWSUM;
}

static gboolean
all_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

static gboolean
is_total_label (const char *s)
{
  g_autofree char *n = jue_normalize_input (s);
  g_autoptr (GString) packed = g_string_new (NULL);

  for (const char *p = n; *p; p++)
    if (*p != ' ')
      g_string_append_c (packed, *p);
  return strcmp (packed->str, "合计") == 0 || strcmp (packed->str, "总计") == 0;
}

/* The block's cell that lands on table column c, or NULL outside it. */
static const char *
block_at (const JuePasteBlock *block,
          guint                r,
          guint                col,
          guint                c)
{
  if (c < col || c - col >= jue_paste_block_columns (block))
    return NULL;
  return jue_paste_block_cell (block, r, c - col);
}

/* The normalized code in a block cell ("" when none). */
static char *
block_code (const JuePasteBlock *block,
            guint                r,
            guint                col,
            guint                code_col)
{
  const char *text = code_col == G_MAXUINT ? NULL : block_at (block, r, col, code_col);

  return text ? jue_normalize_input (text) : g_strdup ("");
}

/* Is the block a published table (or rows of one) copied with its code
 * column: a 3-, 5- or 7-digit code or a 合计 row where the code column
 * lands? */
static gboolean
block_has_codes (const JueRenderedTable *t,
                 const JuePasteBlock    *block,
                 guint                   col)
{
  guint cc = column_of_role (t, JUE_COLUMN_CODE);
  guint nc = column_of_role (t, JUE_COLUMN_NAME);

  if (t->table->layout != JUE_LAYOUT_MATRIX || cc == G_MAXUINT)
    return FALSE;
  for (guint r = 0; r < jue_paste_block_rows (block); r++)
    {
      g_autofree char *code = block_code (block, r, col, cc);
      const char *name = nc == G_MAXUINT ? NULL : block_at (block, r, col, nc);
      gsize len = strlen (code);

      if ((all_digits (code) && (len == 3 || len == 5 || len == 7)) ||
          (block_at (block, r, col, cc) && is_total_label (block_at (block, r, col, cc))) ||
          (name && is_total_label (name)))
        return TRUE;
    }
  return FALSE;
}

/* The rows of list_path and their record, or NULL. */
static GPtrArray *
list_rows_of (JueReport           *report,
              const char          *list_path,
              const JueRecordDef **def)
{
  JueFieldRef ref;

  if (!jue_report_resolve (report, list_path, &ref, NULL) || ref.def->kind != JUE_KIND_LIST ||
      ref.index >= 0)
    return NULL;
  *def = ref.def->extra;
  return *(GPtrArray **) ref.ptr;
}

/* Do two 类 or 款 names name the same one?  A report may print the 类
 * without its last word ("社会保障和就业" for "社会保障和就业支出"). */
static gboolean
same_name (const char *a,
           const char *b)
{
  if (a == NULL || b == NULL || *a == '\0' || *b == '\0')
    return FALSE;
  return strcmp (a, b) == 0 || g_str_has_prefix (a, b) || g_str_has_prefix (b, a);
}

/* The list and row of the table's 项 row with code, as the report is now
 * (rows added by this paste move the others): the row of one of the
 * table's lists with that code, else one typed without a code whose 项
 * (and 款) names are the pasted ones (*uncoded set: the paste writes the
 * code into it).  Such a row in two of the lists (表5), or — no 款 name
 * pasted above it — two such rows of different 款, is ambiguous: *other
 * names the second's list (*list the first's). */
static gboolean
find_item (JueReport              *report,
           const JueRenderedTable *t,
           const char             *code,
           const char             *name,
           const char             *kuan_name,
           char                  **list,
           gint                   *index,
           gboolean               *uncoded,
           char                  **other)
{
  g_auto (GStrv) lists = g_strsplit (t->list ? t->list : "", "+", -1);
  const JueRecordDef *def = NULL;
  GPtrArray *rows;
  const char *first_kuan = "";

  *uncoded = FALSE;
  for (guint l = 0; lists[l]; l++)
    {
      const char *lp = g_strstrip (lists[l]);

      rows = *lp ? list_rows_of (report, lp, &def) : NULL;
      for (guint i = 0; rows && i < rows->len; i++)
        if (strcmp (jue_row_text (rows->pdata[i], def, "code"), code) == 0)
          {
            *list = g_strdup (lp);
            *index = (gint) i;
            return TRUE;
          }
    }
  for (guint l = 0; *name && lists[l]; l++)
    {
      const char *lp = lists[l];
      gboolean names = FALSE;

      if (*lp == '\0' || (rows = list_rows_of (report, lp, &def)) == NULL)
        continue;
      for (guint f = 0; f < def->n_fields; f++)
        names = names || strcmp (def->fields[f].name, "kuan_name") == 0;
      for (guint i = 0; i < rows->len; i++)
        {
          gconstpointer row = rows->pdata[i];

          if (*jue_row_text (row, def, "code") != '\0')
            continue;
          if (strcmp (jue_row_text (row, def, names ? "xiang_name" : "name"), name) != 0)
            continue;
          if (names && kuan_name && *kuan_name && *jue_row_text (row, def, "kuan_name") &&
              strcmp (jue_row_text (row, def, "kuan_name"), kuan_name) != 0)
            continue;
          if (*uncoded)
            {
              /* another list's, or — the pasted rows not giving the 款 —
               * one of another 款 (行政运行 is a 项 of most 款) */
              if (strcmp (*list, lp) != 0 ||
                  (names && !(kuan_name && *kuan_name) &&
                   strcmp (jue_row_text (row, def, "kuan_name"), first_kuan) != 0))
                {
                  *other = g_strdup (lp);
                  return TRUE;
                }
              continue;
            }
          *list = g_strdup (lp);
          *index = (gint) i;
          *uncoded = TRUE;
          first_kuan = names ? jue_row_text (row, def, "kuan_name") : "";
        }
    }
  return *uncoded;
}

/* "表6 一般公共预算财政拨款支出决算表": the template's table that prints
 * list alone, else the list's path. */
static char *
list_table (const JueTemplate *tmpl,
            const char        *list)
{
  for (guint i = 0; tmpl && i < tmpl->tables->len; i++)
    {
      const JueTemplateTable *tt = tmpl->tables->pdata[i];

      if (tt->layout == JUE_LAYOUT_MATRIX && g_strcmp0 (tt->rows, list) == 0)
        return g_strdup_printf ("%s %s", tt->number, tt->title);
    }
  return g_strdup (list);
}

/* Has list a row under prefix (a 3-digit 类 or 5-digit 款 code): one whose
 * code begins with it, or one typed without a code whose 类 (款) name is
 * the one the pasted table prints for prefix (names)? */
static gboolean
list_has_under (JueReport  *report,
                const char *list,
                const char *prefix,
                GHashTable *names)
{
  const JueRecordDef *def = NULL;
  GPtrArray *rows = list_rows_of (report, list, &def);
  const char *name = g_hash_table_lookup (names, prefix);
  const char *field = strlen (prefix) == 3 ? "class_name" : "kuan_name";

  for (guint i = 0; rows && i < rows->len; i++)
    {
      const char *code = jue_row_text (rows->pdata[i], def, "code");

      if (*code ? g_str_has_prefix (code, prefix)
                : same_name (jue_row_text (rows->pdata[i], def, field), name))
        return TRUE;
    }
  return FALSE;
}

/* Does the report give the spending of list's budget as 0 (a typed 0.00,
 * and no figure other than 0)? */
static gboolean
budget_is_zero (JueReport  *report,
                const char *list)
{
  static const struct { const char *list, *paths[3]; } budgets[] = {
    { "functional", { "appropriation.expenditure_general_budget", NULL } },
    { "gov_fund.rows", { "gov_fund.expenditure", "appropriation.expenditure_gov_fund", NULL } },
    { "state_capital.rows", { "state_capital.expenditure",
                              "appropriation.expenditure_state_capital", NULL } },
  };
  gboolean zero = FALSE;

  for (guint b = 0; b < G_N_ELEMENTS (budgets); b++)
    {
      if (strcmp (budgets[b].list, list) != 0)
        continue;
      for (guint p = 0; budgets[b].paths[p]; p++)
        {
          g_autofree char *text = jue_report_get (report, budgets[b].paths[p], NULL);
          JueAmount a;

          if (text == NULL || !jue_amount_parse (text, &a, NULL) || !a.set)
            continue;
          if (a.fen != 0)
            return FALSE;
          zero = TRUE;
        }
    }
  return zero;
}

static gboolean refuse (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* The list of a table printing several (表5: functional + gov_fund.rows +
 * state_capital.rows, each a budget's 项 rows) that a 项 the report lacks
 * goes to.  The rule, in order:
 * 1. a 项 of 类 223 (国有资本经营预算支出, the state-capital budget's own 类)
 *    goes to state_capital.rows;
 * 2. the list that has rows of its 款 (by code, or a row typed without a
 *    code under the 款 name the pasted table prints), if one list has;
 * 3. else the list that has rows of its 类, if one list has;
 * 4. else, leaving out state_capital.rows (it takes only 类 223) and every
 *    list whose budget's spending the report gives as 0.00 (表4's 本年支出
 *    of that budget, or 表10's 合计), the one list left.
 * Two lists with rows of its 款 (or 类), or more than one list left at 4:
 * refused, naming the row and the tables it could go to. */
static char *
decide_list (JueReport              *report,
             const JueTemplate      *tmpl,
             const JueRenderedTable *t,
             const char             *code,
             const char             *row_name,
             GHashTable             *names,
             GError                **error)
{
  g_auto (GStrv) lists = g_strsplit (t->list, "+", -1);
  g_autoptr (GPtrArray) left = g_ptr_array_new ();

  for (guint l = 0; lists[l]; l++)
    g_strstrip (lists[l]);
  if (g_str_has_prefix (code, "223") && g_strv_contains ((const char * const *) lists,
                                                         "state_capital.rows"))
    return g_strdup ("state_capital.rows");
  for (guint digits = 5; digits >= 3; digits -= 2)
    {
      g_autofree char *prefix = g_strndup (code, digits);
      const char *found = NULL;

      for (guint l = 0; lists[l]; l++)
        {
          if (*lists[l] == '\0' || !list_has_under (report, lists[l], prefix, names))
            continue;
          if (found)
            {
              g_autofree char *a = list_table (tmpl, found);
              g_autofree char *b = list_table (tmpl, lists[l]);

              refuse (error,
                      /* TRANSLATORS: the row (code and name), two tables (number
                       * and title), a 类 or 款 code */
                      _("row %s: %s and %s both have rows under %s, so it cannot be told "
                        "which of them the new 项 belongs to: add it in its own table first"),
                      row_name, a, b, prefix);
              return NULL;
            }
          found = lists[l];
        }
      if (found)
        return g_strdup (found);
    }
  for (guint l = 0; lists[l]; l++)
    if (*lists[l] && strcmp (lists[l], "state_capital.rows") != 0 &&
        !budget_is_zero (report, lists[l]))
      g_ptr_array_add (left, lists[l]);
  if (left->len == 1)
    return g_strdup (left->pdata[0]);
  {
    g_autoptr (GString) tables = g_string_new (NULL);
    g_autofree char *cls = g_strndup (code, 3);

    for (guint l = 0; lists[l]; l++)
      if (*lists[l] && (left->len == 0 ? strcmp (lists[l], "state_capital.rows") != 0
                                       : g_ptr_array_find (left, lists[l], NULL)))
        {
          g_autofree char *name = list_table (tmpl, lists[l]);

          g_string_append_printf (tables, "%s%s", tables->len ? "、" : "", name);
        }
    if (left->len == 0)
      refuse (error,
              /* TRANSLATORS: the row (code and name), the tables (number and title) */
              _("row %s: the report gives the spending of %s as 0.00, so the new 项 has no "
                "table to go to"), row_name, tables->str);
    else
      refuse (error,
              /* TRANSLATORS: the row (code and name), the table's number, a 类 code,
               * the tables (number and title) it could go to */
              _("row %s: %s has no row of its 类 %s, so it cannot be told which of %s the "
                "new 项 belongs to: add it in its own table first, or give the other "
                "budgets' spending as 0.00"), row_name, t->number, cls, tables->str);
  }
  return NULL;
}

static gboolean
refuse (GError    **error,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse (GError    **error,
        const char *format,
        ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: the reason follows */
  g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID, _("Nothing was pasted: %s"), msg);
  return FALSE;
}

/* Writes text into path as typed into that cell, or refuses naming the
 * row and column as printed. */
static gboolean
write_cell (JueDocument            *document,
            const JueRenderedTable *t,
            const char             *row_name,
            guint                   col,
            const char             *path,
            const char             *text,
            char                  **first,
            GError                **error)
{
  g_autoptr (GError) inner = NULL;
  g_autofree char *now = jue_report_get (jue_document_get_report (document), path, NULL);
  g_autofree char *header = NULL;

  if (now != NULL)
    {
      JueFieldRef ref;
      g_autofree char *norm = NULL;

      /* unchanged: no write (nor undo entry) */
      if (jue_report_resolve (jue_document_get_report (document), path, &ref, NULL))
        {
          JueReport *scratch = jue_report_new ();
          JueFieldRef sref;

          if (jue_report_ensure_rows (scratch, path, FALSE, NULL) &&
              jue_report_resolve (scratch, path, &sref, NULL) &&
              jue_field_set_text (&sref, path, text, NULL))
            norm = jue_field_get_text (&sref);
          jue_report_free (scratch);
          if (norm && strcmp (norm, now) == 0)
            return TRUE;
        }
    }
  if (jue_document_set (document, path, text, &inner))
    {
      if (*first == NULL)
        *first = g_strdup (path);
      return TRUE;
    }
  header = column_label (t, col);
  {
    const char *why = inner->message;
    gsize n = strlen (path);

    if (strncmp (why, path, n) == 0 && strncmp (why + n, ": ", 2) == 0)
      why += n + 2;
    /* TRANSLATORS: the row as printed (code and name), the column, why */
    return refuse (error, _("row %s, %s: %s"), row_name, header, why);
  }
}

/* The figure of cell, for comparing: its exact value, 0 when it prints
 * none; FALSE when it is not a number (an unreadable figure in it). */
static gboolean
cell_fen (const JueRenderedCell *cell,
          gint64                *fen)
{
  if (cell == NULL || cell->unreadable)
    return FALSE;
  *fen = cell->has_value ? cell->value : 0;
  return TRUE;
}

static const JueRenderedRow *
find_row (const JueRenderedTable *t,
          JueRenderRowKind        kind,
          const char             *code)
{
  for (guint r = 0; r < t->rows->len; r++)
    {
      const JueRenderedRow *row = t->rows->pdata[r];

      if (row->kind == kind && (kind == JUE_RENDER_ROW_TOTAL || g_strcmp0 (row->code, code) == 0))
        return row;
    }
  return NULL;
}

/* Every figure of the block's subtotal rows (and computed cells covered)
 * against the result. */
static gboolean
verify (const JueRenderedTable *after,
        const JuePasteBlock    *block,
        guint                   col,
        GPtrArray              *checks,
        GError                **error)
{
  for (guint i = 0; i < checks->len; i++)
    {
      const Check *k = checks->pdata[i];
      const JueRenderedRow *row = k->kind == JUE_RENDER_ROW_ITEM || k->kind == JUE_RENDER_ROW_LINE
                                  ? (k->body_row < after->rows->len
                                     ? after->rows->pdata[k->body_row] : NULL)
                                  : find_row (after, k->kind, k->code);

      for (guint c = col; c < after->n_columns; c++)
        {
          const char *text = block_at (block, k->block_row, col, c);
          const JueRenderedCell *cell = row ? row->cells->pdata[c] : NULL;
          g_autoptr (GError) inner = NULL;
          JueAmount pasted;
          gint64 have = 0;

          if (text == NULL || !is_figure_column (after, c))
            continue;
          if (k->kind == JUE_RENDER_ROW_ITEM || k->kind == JUE_RENDER_ROW_LINE)
            {
              if (cell == NULL || cell->path != NULL ||
                  (cell->kind != JUE_RENDER_CELL_AMOUNT))
                continue;   /* typed cells were written */
            }
          if (!jue_amount_parse (text, &pasted, &inner))
            {
              g_autofree char *h = column_label (after, c);
              g_autofree char *rn = row ? row_label (after, row, c)
                                        : g_strdup_printf ("%s %s", k->code ? k->code : "",
                                                           k->name ? k->name : "");
              return refuse (error, _("row %s, %s: %s"), rn, h, inner->message);
            }
          if (!pasted.set)
            continue;
          if (!cell_fen (cell, &have))
            have = 0;
          if (ABS (pasted.fen - have) > ALLOWANCE_FEN)
            {
              g_autofree char *h = column_label (after, c);
              g_autofree char *rn = row ? row_label (after, row, c)
                                        : g_strdup_printf ("%s %s", k->code ? k->code : "",
                                                           k->name ? k->name : "");
              g_autofree char *p = jue_fen_display (pasted.fen);
              g_autofree char *q = jue_fen_display (have);

              if (((const JueRenderedColumn *) after->columns->pdata[c])->role ==
                  JUE_COLUMN_ROWSUM)
                return refuse (error,
                               /* TRANSLATORS: row (code and name), column, the pasted
                                * figure, the sum of the row's other columns */
                               _("row %s, %s: the copied table says %s, but the row's "
                                 "columns add up to %s"), g_strstrip (rn), h, p, q);
              return refuse (error,
                             /* TRANSLATORS: row (code and name), column, the pasted
                              * figure, the figure the rows give */
                             _("row %s, %s: the copied table says %s, but its rows add up "
                               "to %s"), g_strstrip (rn), h, p, q);
            }
        }
    }
  return TRUE;
}

/* A code of digits digits the block has twice would land twice on one
 * row (the second overwriting the first): refused.  seen: code → the
 * block row (from 1) it was first in. */
static gboolean
check_twice (GHashTable *seen,
             const char *code,
             gsize       digits,
             guint       r,
             GError    **error)
{
  guint before;

  if (strlen (code) != digits || !all_digits (code))
    return TRUE;
  before = GPOINTER_TO_UINT (g_hash_table_lookup (seen, code));
  if (before)
    return refuse (error,
                   /* TRANSLATORS: a code, two rows of the copied cells (from 1) */
                   _("the code %s is in the copied cells twice, in rows %u and %u"),
                   code, before, r + 1);
  g_hash_table_insert (seen, g_strdup (code), GUINT_TO_POINTER (r + 1));
  return TRUE;
}

/* ---- the economic tables (表8 基本支出决算明细表 …) ------------------------ */

/* A line of an economic block the result must reproduce: a 类 over 款
 * rows (code) or the block's total line (code NULL). */
typedef struct {
  guint  side;        /* the block: 0 人员经费, 1 公用经费 */
  char  *code;        /* NULL: the total line */
  guint  block_row;
  guint  column;      /* the table column its figure was pasted in */
} EconCheck;

static void
econ_check_free (gpointer data)
{
  EconCheck *k = data;

  g_free (k->code);
  g_free (k);
}

typedef struct {
  guint      code_col[2], name_col[2], value_col[2];
  GPtrArray *checks;       /* EconCheck */
  gint64     unsplit[2];   /* 未分项 rows pasted (fen) */
  gboolean   ok;
} Econ;

/* The columns of each block (G_MAXUINT where a side has none). */
static void
econ_columns (const JueRenderedTable *t,
              Econ                   *e)
{
  for (guint s = 0; s < 2; s++)
    e->code_col[s] = e->name_col[s] = e->value_col[s] = G_MAXUINT;
  for (guint c = 0; c < t->n_columns; c++)
    {
      const JueRenderedColumn *col = t->columns->pdata[c];
      guint s = col->side ? 1 : 0;

      if (col->role == JUE_COLUMN_CODE && e->code_col[s] == G_MAXUINT)
        e->code_col[s] = c;
      else if (col->role == JUE_COLUMN_NAME && e->name_col[s] == G_MAXUINT)
        e->name_col[s] = c;
      else if (col->role == JUE_COLUMN_VALUE && e->value_col[s] == G_MAXUINT)
        e->value_col[s] = c;
    }
}

/* The label of side's total line ("人员经费合计"), or NULL. */
static const char *
econ_total_label (const JueRenderedTable *t,
                  guint                   side)
{
  const GPtrArray *lines = t->table->lines[side];

  return lines && lines->len ? ((const JueTemplateLine *) lines->pdata[0])->label : NULL;
}

/* Is text a block's total line: its label, or a label ending in 合计?
 * *side_out: the block whose label it is (else unchanged). */
static gboolean
econ_is_total (const JueRenderedTable *t,
               const char             *text,
               guint                  *side_out)
{
  g_autofree char *n = jue_normalize_input (text ? text : "");
  g_autoptr (GString) packed = g_string_new (NULL);

  for (const char *p = n; *p; p++)
    if (*p != ' ')
      g_string_append_c (packed, *p);
  for (guint s = 0; s < 2; s++)
    if (g_strcmp0 (econ_total_label (t, s), packed->str) == 0)
      {
        *side_out = s;
        return TRUE;
      }
  return g_str_has_suffix (packed->str, "合计") || g_str_has_suffix (packed->str, "总计");
}

/* Which block an economic code is in (the template's left_codes: 301, 303). */
static guint
econ_side (const JueRenderedTable *t,
           const char             *code)
{
  for (guint i = 0; t->table->left_codes && t->table->left_codes[i]; i++)
    if (*t->table->left_codes[i] && g_str_has_prefix (code, t->table->left_codes[i]))
      return 0;
  return 1;
}

static gboolean
econ_code (const char *code)
{
  gsize len = strlen (code);

  return all_digits (code) && (len == 3 || len == 5);
}

/* An economic table copied with its code column(s): a 3- or 5-digit code
 * or a total line where a block's code column lands. */
static gboolean
block_has_econ_codes (const JueRenderedTable *t,
                      const JuePasteBlock    *block,
                      guint                   col)
{
  Econ e;

  if (t->table->layout != JUE_LAYOUT_ECONOMIC)
    return FALSE;
  econ_columns (t, &e);
  for (guint r = 0; r < jue_paste_block_rows (block); r++)
    for (guint s = 0; s < 2; s++)
      {
        const char *raw = e.code_col[s] == G_MAXUINT ? NULL
                                                     : block_at (block, r, col, e.code_col[s]);
        g_autofree char *code = raw ? jue_normalize_input (raw) : NULL;
        guint side = s;

        if (code && (econ_code (code) || econ_is_total (t, code, &side)))
          return TRUE;
      }
  return FALSE;
}

/* The row of economic with code, or -1. */
static gint
econ_row (JueReport  *report,
          const char *code)
{
  const JueRecordDef *def = NULL;
  GPtrArray *rows = list_rows_of (report, "economic", &def);

  for (guint i = 0; rows && i < rows->len; i++)
    if (strcmp (jue_row_text (rows->pdata[i], def, "code"), code) == 0)
      return (gint) i;
  return -1;
}

/* Does economic (or the block, kuans) have 款 rows under the 类 code? */
static gboolean
econ_has_kuan (JueReport  *report,
               GHashTable *kuans,
               const char *code)
{
  const JueRecordDef *def = NULL;
  GPtrArray *rows = list_rows_of (report, "economic", &def);
  GHashTableIter it;
  gpointer key;

  g_hash_table_iter_init (&it, kuans);
  while (g_hash_table_iter_next (&it, &key, NULL))
    if (g_str_has_prefix (key, code))
      return TRUE;
  for (guint i = 0; rows && i < rows->len; i++)
    {
      const char *c = jue_row_text (rows->pdata[i], def, "code");

      if (strlen (c) == 5 && g_str_has_prefix (c, code))
        return TRUE;
    }
  return FALSE;
}

/* Has the 类 code a name: the pasted one, or the economic classification
 * in force's (the report's, else the built-in one)? */
static gboolean
econ_class_named (JueDocument *document,
                  GHashTable  *names,
                  const char  *code)
{
  GPtrArray *entries = jue_document_get_economic_classification (document);

  if (g_hash_table_lookup (names, code))
    return TRUE;
  if (entries == NULL || entries->len == 0)
    entries = jue_classification_economic_builtin ();
  for (guint i = 0; i < entries->len; i++)
    {
      const JueClassEntry *e = entries->pdata[i];

      if (g_strcmp0 (e->code, code) == 0)
        return e->name && *e->name;
    }
  return FALSE;
}

/* Writes the block onto an economic table by code: each 款 row (and each
 * 类 row without 款 rows) lands on the row with its code, else on a new
 * row in code order named from the economic classification in force (or
 * as pasted); a 类 over 款 rows and each block's total line are checked
 * (verify_economic), the 类 row added for its name when the report lacks
 * it; the total line fills the block's total (人员经费合计, a typed figure)
 * only when that is blank. */
static gboolean
paste_economic (JueDocument            *document,
                const JueRenderedTable *t,
                guint                   col,
                const JuePasteBlock    *block,
                Econ                   *e,
                guint                  *n_added,
                char                  **first,
                GError                **error)
{
  JueReport *report = jue_document_get_report (document);
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) kuans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_rows = jue_paste_block_rows (block);

  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 0; r < n_rows; r++)
    for (guint s = 0; s < 2; s++)
      {
        const char *raw = e->code_col[s] == G_MAXUINT ? NULL
                                                      : block_at (block, r, col, e->code_col[s]);
        const char *name = e->name_col[s] == G_MAXUINT ? NULL
                                                       : block_at (block, r, col, e->name_col[s]);
        g_autofree char *code = raw ? jue_normalize_input (raw) : NULL;

        if (code == NULL || !econ_code (code))
          continue;
        if (!check_twice (seen, code, strlen (code), r, error))
          return FALSE;
        if (strlen (code) == 5)
          g_hash_table_add (kuans, g_strdup (code));
        if (name && *name)
          g_hash_table_replace (names, g_strdup (code), g_strstrip (g_strdup (name)));
      }

  for (guint r = 0; r < n_rows; r++)
    for (guint s = 0; s < 2; s++)
      {
        const char *raw = e->code_col[s] == G_MAXUINT ? NULL
                                                      : block_at (block, r, col, e->code_col[s]);
        const char *name = e->name_col[s] == G_MAXUINT ? NULL
                                                       : block_at (block, r, col, e->name_col[s]);
        const char *figure = e->value_col[s] == G_MAXUINT ? NULL
                                                          : block_at (block, r, col, e->value_col[s]);
        g_autofree char *code = raw ? jue_normalize_input (raw) : NULL;
        g_autofree char *pasted_name = g_strstrip (g_strdup (name ? name : ""));
        g_autofree char *row_name = NULL;
        g_autofree char *path = NULL;
        guint side = s;
        JueAmount a;
        gint index;

        if (code == NULL)
          continue;   /* the block does not reach this side */
        row_name = g_strstrip (g_strdup_printf ("%s %s", code, pasted_name));
        if (econ_is_total (t, *code ? code : pasted_name, &side))
          {
            EconCheck *k = g_new0 (EconCheck, 1);
            const JueRenderedRow *total = find_row (t, JUE_RENDER_ROW_TOTAL, NULL);
            const JueRenderedCell *cell = total && e->value_col[side] != G_MAXUINT
                                          ? total->cells->pdata[e->value_col[side]] : NULL;

            k->side = side;
            k->block_row = r;
            k->column = e->value_col[s];
            g_ptr_array_add (e->checks, k);
            /* the block's total is typed (人员经费合计 = basic.personnel): a
             * blank one takes the pasted figure, checked against its lines */
            if (figure && *figure && cell && cell->path && cell->blank && !cell->unreadable &&
                !write_cell (document, t, row_name, e->value_col[side], cell->path, figure,
                             first, error))
              return FALSE;
            continue;
          }
        if (*code == '\0' && strcmp (pasted_name, "未分项") == 0)
          {
            g_autoptr (GError) inner = NULL;

            if (figure == NULL || !jue_amount_parse (figure, &a, &inner))
              {
                g_autofree char *h = e->value_col[s] == G_MAXUINT ? g_strdup ("")
                                                                  : column_label (t, e->value_col[s]);
                if (inner == NULL)
                  continue;
                return refuse (error, _("row %s, %s: %s"), row_name, h, inner->message);
              }
            e->unsplit[s] += a.set ? a.fen : 0;
            continue;
          }
        if (!econ_code (code))
          {
            /* a title, header or unit row: no figure in it */
            if (figure && jue_amount_parse (figure, &a, NULL) && a.set)
              {
                g_autofree char *h = column_label (t, e->code_col[s]);

                if (*code)
                  {
                    g_autofree char *why = g_strdup_printf (_("“%s” is not a code of 3 or 5 digits"),
                                                            code);
                    return refuse (error, _("row %s, %s: %s"), row_name, h, why);
                  }
                return refuse (error,
                               /* TRANSLATORS: the copied row (from 1), its name */
                               _("row %u of the copied cells has a figure but no economic "
                                 "code (“%s”): copy the table with its code column"),
                               r + 1, pasted_name);
              }
            continue;
          }
        side = econ_side (t, code);
        index = econ_row (report, code);
        if (index < 0)
          {
            GError *inner = NULL;
            g_autofree char *cls = g_strndup (code, 3);

            /* a new 款 whose 类 has no row: the 类 row too (no figure), so
             * the table prints the 类's name */
            if (strlen (code) == 5 && econ_row (report, cls) < 0 &&
                econ_class_named (document, names, cls))
              {
                if (jue_document_insert_by_code_in_group (document, "economic", cls, NULL, names,
                                                          NULL, &inner) < 0)
                  {
                    g_autofree char *why = g_strdup (inner->message);
                    g_error_free (inner);
                    return refuse (error, "%s", why);
                  }
                if (n_added)
                  (*n_added)++;
              }
            index = jue_document_insert_by_code_in_group (document, "economic", code, NULL, names,
                                                          pasted_name, &inner);
            if (index < 0)
              {
                g_autofree char *why = g_strdup (inner->message);
                g_error_free (inner);
                return refuse (error, "%s", why);
              }
            if (n_added)
              (*n_added)++;
          }
        if (strlen (code) == 3 && econ_has_kuan (report, kuans, code))
          {
            /* a 类 over its 款 rows: their sum, checked */
            EconCheck *k = g_new0 (EconCheck, 1);

            k->side = side;
            k->code = g_strdup (code);
            k->block_row = r;
            k->column = e->value_col[s];
            g_ptr_array_add (e->checks, k);
            continue;
          }
        if (figure == NULL)
          continue;
        path = g_strdup_printf ("economic[%d].actual", index);
        if (!write_cell (document, t, row_name, e->value_col[s], path, figure, first, error))
          return FALSE;
      }
  return TRUE;
}

/* The rendered row of side whose code cell says code (NULL: the total). */
static const JueRenderedRow *
econ_rendered (const JueRenderedTable *t,
               const Econ             *e,
               guint                   side,
               const char             *code)
{
  if (code == NULL)
    return find_row (t, JUE_RENDER_ROW_TOTAL, NULL);
  for (guint r = 0; r < t->rows->len; r++)
    {
      const JueRenderedRow *row = t->rows->pdata[r];
      const JueRenderedCell *cell = row->cells->pdata[e->code_col[side]];

      if (row->kind != JUE_RENDER_ROW_TOTAL && g_strcmp0 (cell->text, code) == 0)
        return row;
    }
  return NULL;
}

/* "301 工资福利支出": the code and name a row shows on side. */
static char *
row_label_side (const JueRenderedTable *t,
                const Econ             *e,
                const JueRenderedRow   *row,
                guint                   side)
{
  const JueRenderedCell *code = row->cells->pdata[e->code_col[side]];
  const JueRenderedCell *name = e->name_col[side] == G_MAXUINT ? NULL
                                : row->cells->pdata[e->name_col[side]];
  char *s = g_strdup_printf ("%s %s", code->text ? code->text : "",
                             name && name->text ? name->text : "");

  (void) t;
  return g_strstrip (s);
}

/* Each pasted 类 over 款 rows and total line against the result: a 类 is
 * the sum of its 款 rows; a total line the sum of its block's 类 rows and
 * any 未分项 pasted, and the block's typed total. */
static gboolean
verify_economic (const JueRenderedTable *after,
                 const JuePasteBlock    *block,
                 guint                   col,
                 const Econ             *e,
                 GError                **error)
{
  for (guint i = 0; i < e->checks->len; i++)
    {
      const EconCheck *k = e->checks->pdata[i];
      guint vc = e->value_col[k->side];
      const char *text = k->column == G_MAXUINT ? NULL : block_at (block, k->block_row, col,
                                                                    k->column);
      const JueRenderedRow *row = vc == G_MAXUINT ? NULL : econ_rendered (after, e, k->side,
                                                                           k->code);
      g_autoptr (GError) inner = NULL;
      g_autofree char *h = vc == G_MAXUINT ? NULL : column_label (after, vc);
      g_autofree char *rn = NULL;
      JueAmount pasted;
      gint64 have = 0, lines = 0;

      if (text == NULL || row == NULL)
        continue;
      rn = k->code ? row_label_side (after, e, row, k->side)
                   : g_strdup (econ_total_label (after, k->side) ? econ_total_label (after, k->side)
                                                                : "合计");
      if (!jue_amount_parse (text, &pasted, &inner))
        return refuse (error, _("row %s, %s: %s"), rn, h, inner->message);
      if (!pasted.set)
        continue;
      if (k->code == NULL)
        {
          /* its lines: the block's 类 rows and the 未分项 pasted */
          for (guint r = 0; r < after->rows->len; r++)
            {
              const JueRenderedRow *x = after->rows->pdata[r];
              const JueRenderedCell *cc = x->cells->pdata[e->code_col[k->side]];
              gint64 v;

              if (x->kind != JUE_RENDER_ROW_TOTAL && cc->text && strlen (cc->text) == 3 &&
                  all_digits (cc->text) && cell_fen (x->cells->pdata[vc], &v))
                lines += v;
            }
          lines += e->unsplit[k->side];
          if (ABS (pasted.fen - lines) > ALLOWANCE_FEN)
            {
              g_autofree char *p = jue_fen_display (pasted.fen);
              g_autofree char *q = jue_fen_display (lines);

              return refuse (error, _("row %s, %s: the copied table says %s, but its rows add up "
                                      "to %s"), rn, h, p, q);
            }
        }
      if (!cell_fen (row->cells->pdata[vc], &have))
        have = 0;
      if (ABS (pasted.fen - have) > ALLOWANCE_FEN)
        {
          g_autofree char *p = jue_fen_display (pasted.fen);
          g_autofree char *q = jue_fen_display (have);

          if (k->code == NULL)
            return refuse (error,
                           /* TRANSLATORS: the total line, column, the pasted figure, the
                            * block's total the report holds */
                           _("row %s, %s: the copied table says %s, but the report's %s is %s "
                             "(clear it to take the copied one)"), rn, h, p, rn, q);
          return refuse (error, _("row %s, %s: the copied table says %s, but its rows add up "
                                  "to %s"), rn, h, p, q);
        }
    }
  return TRUE;
}

/* The template the rendered table comes from, for rendering it again. */
static const JueTemplate *
template_of (JueReport              *report,
             const JueRenderedTable *t,
             guint                  *index)
{
  const JueTemplate *tmpl = jue_render_report_template (report, NULL);

  for (guint i = 0; i < tmpl->tables->len; i++)
    if (tmpl->tables->pdata[i] == t->table)
      {
        *index = i;
        return tmpl;
      }
  /* another template's table (the report's changed meanwhile): its own */
  for (const char * const *id = jue_template_ids (); *id; id++)
    {
      const JueTemplate *other = jue_template_get (*id, NULL);
      for (guint i = 0; other && i < other->tables->len; i++)
        if (other->tables->pdata[i] == t->table)
          {
            *index = i;
            return other;
          }
    }
  return NULL;
}

/* By position: each block cell onto the rendered cell under it. */
static gboolean
paste_by_position (JueDocument            *document,
                   const JueRenderedTable *t,
                   guint                   row,
                   guint                   col,
                   const JuePasteBlock    *block,
                   GPtrArray              *checks,
                   char                  **first,
                   GError                **error)
{
  guint n_rows = jue_paste_block_rows (block);

  if (row + n_rows > t->rows->len)
    return refuse (error, _("the table has %u rows here, the copied cells reach row %u"),
                   t->rows->len, row + n_rows);
  for (guint r = 0; r < n_rows; r++)
    {
      const JueRenderedRow *target = t->rows->pdata[row + r];
      gboolean computed = FALSE;

      for (guint c = col; c < t->n_columns; c++)
        {
          const JueRenderedCell *cell = target->cells->pdata[c];
          const char *text = block_at (block, r, col, c);

          if (text == NULL)
            continue;
          if (cell->path != NULL)
            {
              g_autofree char *name = row_label (t, target, c);

              if (!write_cell (document, t, name, c, cell->path, text, first, error))
                return FALSE;
            }
          else if (cell->kind == JUE_RENDER_CELL_AMOUNT && *text != '\0')
            computed = TRUE;
        }
      if (computed)
        {
          Check *k = g_new0 (Check, 1);

          k->kind = target->kind == JUE_RENDER_ROW_ITEM ? JUE_RENDER_ROW_ITEM : JUE_RENDER_ROW_LINE;
          k->body_row = row + r;
          k->block_row = r;
          g_ptr_array_add (checks, k);
        }
    }
  return TRUE;
}

/* A whole published table (or some of its rows) with its code column: 项
 * rows land by code, a code not in the list is added in code order;
 * 合计, 类 and 款 rows are checked. */
static gboolean
paste_by_code (JueDocument            *document,
               const JueTemplate      *tmpl,
               const JueRenderedTable *t,
               guint                   col,
               const JuePasteBlock    *block,
               GPtrArray              *checks,
               guint                  *n_added,
               char                  **first,
               GError                **error)
{
  JueReport *report = jue_document_get_report (document);
  guint cc = column_of_role (t, JUE_COLUMN_CODE);
  guint nc = column_of_role (t, JUE_COLUMN_NAME);
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (t->list != NULL, FALSE);   /* a matrix: its rows' lists */
  /* the 类 and 款 names the block prints name a new row's 类 and 款 */
  for (guint r = 0; r < jue_paste_block_rows (block); r++)
    {
      g_autofree char *code = block_code (block, r, col, cc);
      const char *name = nc == G_MAXUINT ? NULL : block_at (block, r, col, nc);

      if (!check_twice (seen, code, 7, r, error))
        return FALSE;

      if (all_digits (code) && (strlen (code) == 3 || strlen (code) == 5) && name && *name)
        g_hash_table_replace (names, g_strdup (code), g_strstrip (g_strdup (name)));
    }

  g_autofree char *kuan_name = NULL;   /* of the last 款 row above */

  for (guint r = 0; r < jue_paste_block_rows (block); r++)
    {
      g_autofree char *code = block_code (block, r, col, cc);
      const char *raw_code = block_at (block, r, col, cc);
      const char *name = nc == G_MAXUINT ? NULL : block_at (block, r, col, nc);
      g_autofree char *pasted_name = g_strstrip (g_strdup (name ? name : ""));
      gsize len = strlen (code);
      g_autofree char *list = NULL;
      g_autofree char *other = NULL;
      g_autofree char *row_name = NULL;
      gint index = -1;
      gboolean uncoded = FALSE;

      if ((raw_code && is_total_label (raw_code)) || (*code == '\0' && is_total_label (pasted_name)) ||
          (all_digits (code) && (len == 3 || len == 5)))
        {
          Check *k = g_new0 (Check, 1);

          k->kind = len == 3 ? JUE_RENDER_ROW_CLASS : len == 5 ? JUE_RENDER_ROW_KUAN
                                                          : JUE_RENDER_ROW_TOTAL;
          k->code = len == 3 || len == 5 ? g_strdup (code) : NULL;
          k->block_row = r;
          k->name = g_strdup (len == 3 || len == 5 ? pasted_name : "合计");
          g_ptr_array_add (checks, k);
          if (len == 5)
            {
              g_free (kuan_name);
              kuan_name = g_strdup (pasted_name);
            }
          else if (len == 3)
            g_clear_pointer (&kuan_name, g_free);
          continue;
        }
      if (!(all_digits (code) && len == 7))
        {
          /* a title, header or unit row: no figure in it */
          for (guint c = col; c < t->n_columns; c++)
            {
              const char *text = block_at (block, r, col, c);
              JueAmount a;

              if (text && is_figure_column (t, c) && jue_amount_parse (text, &a, NULL) && a.set)
                {
                  g_autofree char *shown = g_strstrip (g_strdup (raw_code ? raw_code : ""));
                  return refuse (error,
                                 /* TRANSLATORS: the copied row (from 1), what its code cell holds */
                                 _("row %u of the copied cells has figures but no 项 code "
                                   "(“%s”): copy the table with its code column"),
                                 r + 1, *shown ? shown : pasted_name);
                }
            }
          continue;
        }
      row_name = g_strdup_printf ("%s %s", code, pasted_name);
      g_strstrip (row_name);
      if (find_item (report, t, code, pasted_name, kuan_name, &list, &index, &uncoded, &other) &&
          other != NULL)
        {
          g_autofree char *a = list_table (tmpl, list);
          g_autofree char *b = list_table (tmpl, other);

          if (strcmp (list, other) == 0)
            return refuse (error,
                           /* TRANSLATORS: the row (code and name), a table (number and
                            * title), the 项 name */
                           _("row %s: %s has rows %s without a code under more than one 款, "
                             "so it cannot be told which one it is: copy the rows with their "
                             "款 row, or give them their codes first"), row_name, a,
                           pasted_name);
          return refuse (error,
                         /* TRANSLATORS: the row (code and name), two tables (number and
                          * title), the 项 name */
                         _("row %s: %s and %s both have a row %s without a code, so it "
                           "cannot be told which one it is: give one of them its code "
                           "first"), row_name, a, b, pasted_name);
        }
      if (list == NULL)
        {
          GError *inner = NULL;

          /* 表5: which budget's list (decide_list says the rule) */
          list = strchr (t->list, '+') == NULL
                 ? g_strdup (t->list)
                 : decide_list (report, tmpl, t, code, row_name, names, error);
          if (list == NULL)
            return FALSE;
          index = jue_document_insert_by_code_in_group (document, list, code, NULL, names,
                                                        pasted_name, &inner);
          if (index < 0)
            {
              g_autofree char *why = g_strdup (inner->message);
              g_error_free (inner);
              return refuse (error, "%s", why);
            }
          if (n_added)
            (*n_added)++;
        }
      if (uncoded)
        {
          /* the row typed without its code: the published table gives it */
          g_autofree char *path = g_strdup_printf ("%s[%d].code", list, index);
          GError *inner = NULL;

          if (!jue_document_set (document, path, code, &inner))
            {
              g_autofree char *why = g_strdup (inner->message);
              g_error_free (inner);
              return refuse (error, "%s", why);
            }
        }
      for (guint c = col; c < t->n_columns; c++)
        {
          const JueRenderedColumn *column = t->columns->pdata[c];
          const char *text = block_at (block, r, col, c);
          g_autofree char *path = NULL;

          if (text == NULL || column->role != JUE_COLUMN_VALUE || column->field == NULL)
            continue;
          path = g_strdup_printf ("%s[%d].%s", list, index, column->field);
          if (!write_cell (document, t, row_name, c, path, text, first, error))
            return FALSE;
        }
      /* its 本年收入合计 and other row sums are checked like a subtotal */
      {
        gboolean sums = FALSE;

        for (guint c = col; c < t->n_columns && !sums; c++)
          sums = ((const JueRenderedColumn *) t->columns->pdata[c])->role == JUE_COLUMN_ROWSUM
                 && block_at (block, r, col, c) && *block_at (block, r, col, c);
        if (sums)
          {
            Check *k = g_new0 (Check, 1);

            k->kind = JUE_RENDER_ROW_ITEM;
            k->code = g_strdup (code);
            k->block_row = r;
            k->body_row = G_MAXUINT;
            k->name = g_strdup (pasted_name);
            g_ptr_array_add (checks, k);
          }
      }
    }
  return TRUE;
}

/* Does the block begin with a code column: a row whose first cell is a
 * code (3, 5 or 7 digits) and whose second a name (text, not a figure), or
 * a 合计 row (人员经费合计 …)?  A block of figures never does. */
static gboolean
block_starts_with_codes (const JuePasteBlock *block)
{
  if (jue_paste_block_columns (block) < 2)
    return FALSE;
  for (guint r = 0; r < jue_paste_block_rows (block); r++)
    {
      g_autofree char *code = jue_normalize_input (jue_paste_block_cell (block, r, 0));
      g_autofree char *name = g_strstrip (g_strdup (jue_paste_block_cell (block, r, 1)));
      gsize len = strlen (code);
      JueAmount a;

      if (all_digits (code) && (len == 3 || len == 5 || len == 7) && *name &&
          !jue_amount_parse (name, &a, NULL))
        return TRUE;
      if ((*code && (is_total_label (code) || g_str_has_suffix (code, "合计"))) ||
          (*code == '\0' && is_total_label (name)))
        return TRUE;
    }
  return FALSE;
}

gboolean
jue_paste_apply_table (JueDocument            *document,
                       const JueRenderedTable *table,
                       guint                   row,
                       guint                   column,
                       const JuePasteBlock    *block,
                       guint                  *n_added,
                       GError                **error)
{
  JueReport *report;
  const JueTemplate *tmpl;
  g_autoptr (GPtrArray) checks = g_ptr_array_new_with_free_func (check_free);
  g_autoptr (JueRenderedTable) after = NULL;
  g_autofree char *first = NULL;
  guint index = 0, added = 0;
  gboolean by_code, economic, ok;
  Econ econ = { 0 };

  g_return_val_if_fail (JUE_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (table != NULL && block != NULL, FALSE);

  report = jue_document_get_report (document);
  tmpl = template_of (report, table, &index);
  if (tmpl == NULL)
    return refuse (error, _("the table is not one of the report's template"));
  economic = table->table->layout == JUE_LAYOUT_ECONOMIC;
  by_code = economic ? block_has_econ_codes (table, block, column)
                     : block_has_codes (table, block, column);
  /* a published table copied with its code column, pasted on one of its
   * figures (the cells a user can be in): it lands by code all the same */
  if (!by_code && block_starts_with_codes (block))
    {
      guint cc = column_of_role (table, JUE_COLUMN_CODE);

      if (cc != G_MAXUINT && (economic ? block_has_econ_codes (table, block, cc)
                                       : block_has_codes (table, block, cc)))
        {
          column = cc;
          by_code = TRUE;
        }
    }
  if (column >= table->n_columns || jue_paste_block_columns (block) > table->n_columns - column)
    {
      guint room = column < table->n_columns ? table->n_columns - column : 0;
      guint n_columns = jue_paste_block_columns (block);

      g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Nothing was pasted: the copied cells are %u column wide, "
                                "but the table has %u column from here on",
                                "Nothing was pasted: the copied cells are %u columns wide, "
                                "but the table has %u columns from here on", n_columns),
                   n_columns, room);
      return FALSE;
    }
  if (table->marked_empty)
    return refuse (error, _("%s %s is marked empty (本表为空表): take the mark away first"),
                   table->number, table->title);

  econ.checks = g_ptr_array_new_with_free_func (econ_check_free);
  econ_columns (table, &econ);
  jue_document_begin_group (document);
  ok = !by_code ? paste_by_position (document, table, row, column, block, checks, &first, error)
     : economic ? paste_economic (document, table, column, block, &econ, &added, &first, error)
                : paste_by_code (document, tmpl, table, column, block, checks, &added, &first,
                                 error);
  if (ok)
    {
      after = jue_render_table (tmpl, index, report, NULL);
      ok = verify_economic (after, block, column, &econ, error);
      /* item rows checked by code: where they are now */
      for (guint i = 0; i < checks->len; i++)
        {
          Check *k = checks->pdata[i];

          if (k->kind == JUE_RENDER_ROW_ITEM && k->body_row == G_MAXUINT)
            for (guint r = 0; r < after->rows->len; r++)
              if (((JueRenderedRow *) after->rows->pdata[r])->kind == JUE_RENDER_ROW_ITEM &&
                  g_strcmp0 (((JueRenderedRow *) after->rows->pdata[r])->code, k->code) == 0)
                k->body_row = r;
        }
      ok = ok && verify (after, block, column, checks, error);
    }
  g_ptr_array_unref (econ.checks);
  if (!ok)
    {
      jue_document_abort_group (document, NULL);
      return FALSE;
    }
  /* undo names the list (rows may have been added), else the first cell */
  if (!jue_document_commit_group (document, table->list ? table->list : first ? first : "", error))
    return FALSE;
  if (n_added)
    *n_added = added;
  return TRUE;
}

/* ---- the list a 项 added by its code goes to ---------------------------- */

char *
jue_paste_list_for_code (JueReport              *report,
                         const JueRenderedTable *t,
                         const char             *code,
                         GError                **error)
{
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (report != NULL && t != NULL && code != NULL, NULL);
  if (t->list == NULL)
    {
      refuse (error, _("%s has no list of coded rows to add %s to"), t->number, code);
      return NULL;
    }
  if (strchr (t->list, '+') == NULL)
    return g_strdup (t->list);
  if (strlen (code) < 3)
    {
      refuse (error, _("“%s” is not a 7-digit 项 code"), code);
      return NULL;
    }
  return decide_list (report, jue_render_report_template (report, NULL), t, code, code, names,
                      error);
}
