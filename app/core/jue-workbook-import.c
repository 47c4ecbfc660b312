/* jue-workbook-import.c — finding the published tables in a workbook and
 * reading their figures (jue-workbook-import.h). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jue-amount.h"
#include "jue-checks.h"
#include "jue-computed.h"
#include "jue-render.h"
#include "jue-workbook-import.h"
#include "jue-empty.h"

/* ---- text ---------------------------------------------------------------- */

/* NFKC (full-width letters, digits, brackets and colons become ASCII), then
 * without white space and quotation marks. */
static char *
norm (const char *text)
{
  g_autofree char *n = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFKC);
  GString *out = g_string_new (NULL);

  if (n == NULL)
    return g_string_free (out, FALSE);
  for (const char *p = n; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000 || c == '"' || c == '\''
          || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019
          || c == 0x300C || c == 0x300D)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Without a leading 一、 1. (1) or 其中: and a trailing (万元)/(元). */
static char *
norm_label (const char *text)
{
  static GRegex *re;
  g_autofree char *n = norm (text);

  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new (
      "^(其中:)?([一二三四五六七八九十]+[、.]|[0-9]+[、.]|\\([0-9一二三四五六七八九十]+\\))?"
      "|\\((万元|元)\\)$", G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_replace_literal (re, n, -1, 0, "", 0, NULL);
}

static gboolean
label_matches (const char *cell_label,   /* norm_label */
               const char *spec_label)   /* norm_label */
{
  gsize n = strlen (spec_label);

  return strcmp (cell_label, spec_label) == 0
         || (strncmp (cell_label, spec_label, n) == 0 && cell_label[n] == '(');
}

/* ---- amounts ------------------------------------------------------------- */

gboolean
jue_wb_parse_amount (const char *text,
                     gboolean    yuan,
                     gint64     *fen_out)
{
  const char *p = text;
  gboolean negative = FALSE;
  guint64 digits = 0;
  guint n_sig = 0, frac = 0;
  gboolean any = FALSE, dropped = FALSE;
  gint64 exp10 = 0;
  gint64 k;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  for (gboolean after_dot = FALSE;; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          any = TRUE;
          if (n_sig == 0 && *p == '0')
            {
              if (after_dot)
                frac++;
              continue;
            }
          if (n_sig >= 18)
            {
              /* Beyond what a double holds: only noise can be here. */
              if (*p != '0')
                dropped = TRUE;
              if (!after_dot)
                exp10++;
              continue;
            }
          digits = digits * 10 + (guint64) (*p - '0');
          n_sig++;
          if (after_dot)
            frac++;
        }
      else if (*p == '.' && !after_dot)
        after_dot = TRUE;
      else
        break;
    }
  if (!any)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      gboolean eneg = FALSE;
      gint64 e = 0;

      p++;
      if (*p == '-' || *p == '+')
        eneg = *p++ == '-';
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        {
          e = e * 10 + (*p++ - '0');
          if (e > 400)
            return FALSE;
        }
      exp10 += eneg ? -e : e;
    }
  if (*p != '\0')
    return FALSE;
  k = exp10 - (gint64) frac + (yuan ? 2 : 6);
  if (k >= 0)
    {
      for (gint64 i = 0; i < k; i++)
        {
          if (digits > (guint64) 1000000000000000000 / 10)
            return FALSE;
          digits *= 10;
        }
      if (dropped && n_sig < 15)
        return FALSE;
    }
  else
    {
      guint64 pow = 1, r;
      gboolean huge = FALSE;

      for (gint64 i = 0; i < -k; i++)
        {
          if (pow > G_MAXUINT64 / 10)
            {
              huge = TRUE;
              break;
            }
          pow *= 10;
        }
      r = huge ? digits : digits % pow;
      if ((r != 0 || dropped) && n_sig < 15)
        return FALSE;   /* finer than a fen, and not a double's noise */
      if (huge)
        digits = 0;
      else
        {
          digits /= pow;
          if (r >= pow - r)
            digits++;
        }
    }
  if (digits > (guint64) 100000000000000000)   /* 1e17 fen: no report */
    return FALSE;
  *fen_out = negative ? -(gint64) digits : (gint64) digits;
  return TRUE;
}

/* ---- reading ------------------------------------------------------------- */

typedef struct {
  char   *path;       /* field path, or NULL for a check */
  char   *computed;
  gboolean blank;
  gint64  fen;
  gint64  allowance;  /* a check: one printed unit */
  char   *where;      /* “sheet “表7”, cell B6” */
} Figure;

static void
figure_free (gpointer data)
{
  Figure *f = data;

  g_free (f->path);
  g_free (f->computed);
  g_free (f->where);
  g_free (f);
}

/* A 项 row of a matrix table. */
typedef struct {
  const JueWbListSpec *spec;
  char     *code;
  char     *class_name;
  char     *kuan_name;
  char     *name;
  gint64   *fen;        /* per column of spec */
  gboolean *blank;
  char     *where;
  const JueWbTableSpec *table;   /* the table it was read from */
  const char *list;     /* the list it goes to: spec->list, or for a multi
                           spec's row the list whose table printed it */
  char    **cells;      /* per column of spec: where its figure is */
  gboolean  subtotal;   /* an economic 类 row with 款 rows: its name is kept,
                           its figure is theirs (computed) */
} ListRow;

/* The rows of one list read from every table, merged: the same row (by
 * code, else by its 类, 款 and 项 names) printed by two tables (收入决算表
 * and 支出决算表) is one row of the list. */
typedef struct {
  const char *list;
  GPtrArray  *parts;   /* ListRow, borrowed from JueWbImport.rows */
} Merged;

static void
merged_free (gpointer data)
{
  Merged *m = data;

  g_ptr_array_unref (m->parts);
  g_free (m);
}

static void
list_row_free (gpointer data)
{
  ListRow *r = data;

  g_free (r->code);
  g_free (r->class_name);
  g_free (r->kuan_name);
  g_free (r->name);
  g_free (r->fen);
  g_free (r->blank);
  g_free (r->where);
  g_strfreev (r->cells);
  g_free (r);
}

/* A 类 line of a lines table (收入支出决算总表's 支出 by 类) as read:
 * checked against the rows read once they are written. */
typedef struct {
  const JueWbTableSpec *spec;
  guint     side;
  char     *label;
  guint     n;          /* the side's amount columns, template order */
  gint64   *fen;
  gboolean *blank;
  char    **where;
  gint64    allowance;
} ClassFig;

static void
class_fig_free (gpointer data)
{
  ClassFig *c = data;

  g_free (c->label);
  g_free (c->fen);
  g_free (c->blank);
  g_strfreev (c->where);
  g_free (c);
}

struct _JueWbImport {
  GPtrArray *rows;        /* ListRow, every matrix table's */
  GPtrArray *lists;       /* const JueWbListSpec *, the matrix tables read */
  GPtrArray *merged;      /* Merged, in order of first appearance */
  GPtrArray *class_lines; /* ClassFig */
  GPtrArray *figures;     /* Figure */
  GPtrArray *found;       /* char *, per table */
  GPtrArray *empties;     /* char *: key, reason, key, reason … (本表为空表) */
  JueWbLayout *layout;    /* the specs read, when made here */
  const char *template_id;
  char      *department;
  gint       year;
};

void
jue_wb_import_free (JueWbImport *import)
{
  if (import == NULL)
    return;
  g_ptr_array_unref (import->figures);
  g_ptr_array_unref (import->found);
  g_ptr_array_unref (import->empties);
  g_clear_pointer (&import->merged, g_ptr_array_unref);
  g_clear_pointer (&import->class_lines, g_ptr_array_unref);
  g_ptr_array_unref (import->rows);
  g_ptr_array_unref (import->lists);
  g_free (import->department);
  g_clear_pointer (&import->layout, jue_wb_layout_free);
  g_free (import);
}

guint
jue_wb_import_n_tables (const JueWbImport *import)
{
  return import->found->len;
}

char *
jue_wb_import_describe (const JueWbImport *import,
                        guint              index)
{
  g_return_val_if_fail (index < import->found->len, NULL);
  return g_strdup (g_ptr_array_index (import->found, index));
}

const char *
jue_wb_import_department (const JueWbImport *import)
{
  return import->department;
}

gint
jue_wb_import_year (const JueWbImport *import)
{
  return import->year;
}

static char *
where (const JueWbSheet *sheet,
       guint             row,
       guint             column)
{
  g_autofree char *cell = jue_wb_cell_name (row, column);

  /* Translators: where a workbook cell is: sheet name, cell (B6). */
  return g_strdup_printf (_("sheet “%s”, cell %s"), jue_wb_sheet_name (sheet), cell);
}

static gboolean
refuse (GError          **error,
        const JueWbSheet *sheet,
        guint             row,
        guint             column,
        const char       *table,
        const char       *why)
{
  g_autofree char *w = where (sheet, row, column);

  g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
               /* Translators: where (sheet, cell), the table, why. */
               _("%s (%s): %s"), w, table, why);
  return FALSE;
}

typedef struct {
  const JueWbSheet     *sheet;
  const JueWbTableSpec *spec;
  gboolean              empty;         /* printed as 本表为空表 / 本表无数据 */
  guint                 title_row, title_column;
  guint                 end_row;       /* exclusive */
  guint                 header_first, header_end;   /* rows [first, end) */
  guint                 data_first;
  gboolean              yuan;
  GPtrArray            *stacks;        /* per column: GPtrArray of char * */
} Table;

static gboolean
title_matches (const JueWbTableSpec *spec,
               const char           *n)
{
  if (g_utf8_strlen (n, -1) > 80)
    return FALSE;
  for (guint i = 0; spec->title_words[i] != NULL; i++)
    {
      g_autofree char *w = norm (spec->title_words[i]);

      if (strstr (n, w) == NULL)
        return FALSE;
    }
  for (guint i = 0; spec->title_not != NULL && spec->title_not[i] != NULL; i++)
    {
      g_autofree char *w = norm (spec->title_not[i]);

      if (strstr (n, w) != NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
row_is_empty (const JueWbSheet *sheet,
              guint             row)
{
  for (guint c = 0; c < jue_wb_sheet_n_columns (sheet); c++)
    {
      const JueWbCell *cell = jue_wb_sheet_cell (sheet, row, c);

      if (cell != NULL)
        {
          g_autofree char *n = norm (cell->text);

          if (*n != '\0')
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
is_amount_text (const char *text)
{
  g_autofree char *n = jue_normalize_input (text);
  GString *s = g_string_new (NULL);
  gint64 fen;
  gboolean ok;

  for (const char *p = n; *p != '\0'; p++)
    if (*p != ',')
      g_string_append_c (s, *p);
  ok = s->len > 0 && jue_wb_parse_amount (s->str, TRUE, &fen);
  g_string_free (s, TRUE);
  return ok;
}

/* A row of figures (a number, or a number as text), the 栏次 row, or a
 * 合计 row whose figures are all blank (its only words are 合计). */
static gboolean
row_is_data (const JueWbSheet *sheet,
             guint             row)
{
  guint totals = 0, words = 0;

  for (guint c = 0; c < jue_wb_sheet_n_columns (sheet); c++)
    {
      const JueWbCell *cell = jue_wb_sheet_cell (sheet, row, c);
      g_autofree char *n = NULL;

      if (cell == NULL)
        continue;
      if (cell->kind == JUE_WB_CELL_NUMBER)
        return TRUE;
      n = norm (cell->text);
      if (strcmp (n, "栏次") == 0 || is_amount_text (cell->text))
        return TRUE;
      if (*n == '\0')
        continue;
      words++;
      if (strcmp (n, "合计") == 0 || strcmp (n, "总计") == 0)
        totals++;
    }
  return totals > 0 && totals == words;
}

/* A row between the title and the header: 编制单位, 单位, 表号 or blank. */
static gboolean
row_is_meta (const JueWbSheet *sheet,
             guint             row)
{
  for (guint c = 0; c < jue_wb_sheet_n_columns (sheet); c++)
    {
      const JueWbCell *cell = jue_wb_sheet_cell (sheet, row, c);
      g_autofree char *n = NULL;

      if (cell == NULL)
        continue;
      n = norm (cell->text);
      if (*n == '\0')
        continue;
      if (strstr (n, "单位:") == NULL && strstr (n, "编制") == NULL
          && !g_regex_match_simple ("^(公开|附)?表?[0-9一二三四五六七八九十]+表?$", n, 0, 0)
          && !g_regex_match_simple ("^[0-9]{4}年", n, 0, 0))
        return FALSE;
    }
  return TRUE;
}

/* The text a header cell shows: a merged range's first cell; in a sheet
 * without merged ranges (an .xls), a group title written once reaches
 * right over the columns that have headers below it. */
static const char *
header_text (const Table *t,
             guint        row,
             guint        column)
{
  const JueWbRange *m = jue_wb_sheet_merge_at (t->sheet, row, column);
  const char *text;

  if (m != NULL)
    return jue_wb_sheet_text (t->sheet, m->first_row, m->first_column);
  text = jue_wb_sheet_text (t->sheet, row, column);
  if (*text == '\0' && jue_wb_sheet_n_merges (t->sheet) == 0 && column > 0)
    {
      gboolean below = FALSE;

      for (guint r = row + 1; r < t->header_end && !below; r++)
        below = *jue_wb_sheet_text (t->sheet, r, column) != '\0';
      if (below)
        return header_text (t, row, column - 1);
    }
  return text;
}

static void
stack_free (gpointer data)
{
  g_ptr_array_unref (data);
}

static void
build_stacks (Table *t)
{
  guint n = jue_wb_sheet_n_columns (t->sheet);

  t->stacks = g_ptr_array_new_with_free_func (stack_free);
  for (guint c = 0; c < n; c++)
    {
      GPtrArray *stack = g_ptr_array_new_with_free_func (g_free);

      for (guint r = t->header_first; r < t->header_end; r++)
        {
          char *h = norm_label (header_text (t, r, c));

          if (*h == '\0' || (stack->len > 0
                             && strcmp (g_ptr_array_index (stack, stack->len - 1), h) == 0))
            {
              g_free (h);
              continue;
            }
          g_ptr_array_add (stack, h);
        }
      g_ptr_array_add (t->stacks, stack);
    }
}

static gboolean
header_matches (GPtrArray  *stack,
                const char *spec)
{
  g_auto (GStrv) levels = g_strsplit (spec, "|", 0);

  if (g_strv_length (levels) != stack->len)
    return FALSE;
  for (guint i = 0; levels[i] != NULL; i++)
    {
      g_auto (GStrv) alts = g_strsplit (levels[i], "/", 0);
      gboolean ok = FALSE;

      for (guint j = 0; alts[j] != NULL && !ok; j++)
        {
          g_autofree char *a = norm_label (alts[j]);

          ok = strcmp (a, g_ptr_array_index (stack, i)) == 0;
        }
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* "预算数 › 购置费" for messages. */
static char *
header_display (const char *spec)
{
  g_auto (GStrv) levels = g_strsplit (spec, "|", 0);

  for (guint i = 0; levels[i] != NULL; i++)
    {
      char *slash = strchr (levels[i], '/');

      if (slash != NULL)
        *slash = '\0';
    }
  return g_strjoinv (" › ", levels);
}

/* Reads a cell as an amount: *blank for no figure. */
static gboolean
read_amount (const Table *t,
             guint        row,
             guint        column,
             gboolean    *blank,
             gint64      *fen,
             GError     **error)
{
  const JueWbCell *cell = jue_wb_sheet_cell (t->sheet, row, column);
  g_autofree char *n = NULL;
  GString *s;
  gboolean ok;

  *blank = FALSE;
  *fen = 0;
  if (cell == NULL)
    {
      *blank = TRUE;
      return TRUE;
    }
  if (cell->kind == JUE_WB_CELL_BOOL || cell->kind == JUE_WB_CELL_ERROR)
    {
      g_autofree char *why = g_strdup_printf (_("“%s” is not an amount"), cell->text);
      return refuse (error, t->sheet, row, column, t->spec->name, why);
    }
  if (cell->kind == JUE_WB_CELL_NUMBER && cell->percent)
    {
      g_autofree char *why =
        g_strdup_printf (_("%s is shown as a percentage, not an amount"), cell->text);
      return refuse (error, t->sheet, row, column, t->spec->name, why);
    }
  n = jue_normalize_input (cell->text);
  if (*n == '\0')
    {
      *blank = TRUE;
      return TRUE;
    }
  if (strcmp (n, "-") == 0 || strcmp (n, "—") == 0 || strcmp (n, "--") == 0)
    return TRUE;   /* a dash prints a zero */
  s = g_string_new (NULL);
  for (const char *p = n; *p != '\0'; p++)
    if (*p != ',' && *p != ' ')
      g_string_append_c (s, *p);
  ok = jue_wb_parse_amount (s->str, t->yuan, fen);
  g_string_free (s, TRUE);
  if (!ok)
    {
      g_autofree char *excerpt = jue_input_excerpt (cell->text);
      g_autofree char *why =
        t->yuan ? g_strdup_printf (_("“%s” is not an amount in yuan (at most 2 decimals)"),
                                   excerpt)
                : g_strdup_printf (_("“%s” is not an amount in 万元 (at most 6 decimals)"),
                                   excerpt);
      return refuse (error, t->sheet, row, column, t->spec->name, why);
    }
  return TRUE;
}

typedef struct {
  JueWbImport          *imp;
  const JueWorkbook    *wb;
  gboolean              blank_zero;
  GHashTable           *seen;    /* path → Figure (borrowed) */
  GHashTable           *level_hints;   /* row name → 类 1, 款 2, 项 3 (-1 several) */
} Reader;

static gboolean
add_figure (Reader      *rd,
            const Table *t,
            const JueWbCellSpec *cs,
            guint        row,
            guint        column,
            GError     **error)
{
  Figure *f = g_new0 (Figure, 1);
  Figure *earlier;

  if (!read_amount (t, row, column, &f->blank, &f->fen, error))
    {
      g_free (f);
      return FALSE;
    }
  if (f->blank && rd->blank_zero)
    f->blank = FALSE;
  f->path = g_strdup (cs->path);
  f->computed = g_strdup (cs->computed);
  f->allowance = t->yuan ? 1 : JUE_FEN_PER_DISPLAY_UNIT;
  f->where = where (t->sheet, row, column);
  g_ptr_array_add (rd->imp->figures, f);
  if (f->path == NULL)
    return TRUE;
  earlier = g_hash_table_lookup (rd->seen, f->path);
  if (earlier != NULL && (earlier->blank != f->blank || earlier->fen != f->fen))
    {
      g_autofree char *a = jue_fen_display (earlier->fen);
      g_autofree char *b = jue_fen_display (f->fen);
      g_autofree char *why =
        g_strdup_printf (_("%s here but %s at %s; the same figure must agree"),
                         f->blank ? "" : b, earlier->blank ? "" : a, earlier->where);
      return refuse (error, t->sheet, row, column, t->spec->name, why);
    }
  g_hash_table_insert (rd->seen, f->path, f);
  return TRUE;
}

/* A column of names (科目名称, 项目名称): a text there is not a label. */
static gboolean
is_name_column (GPtrArray *stack)
{
  return stack->len > 0 && strstr (g_ptr_array_index (stack, stack->len - 1), "名称") != NULL;
}

/* A figure the table does not print: 0. */
static gboolean
add_zero (Reader              *rd,
          const Table         *t,
          const JueWbCellSpec *cs)
{
  Figure *f;

  if (cs->path == NULL)
    return TRUE;
  f = g_new0 (Figure, 1);
  f->path = g_strdup (cs->path);
  f->where = g_strdup_printf ("%s (%s)", jue_wb_sheet_name (t->sheet), t->spec->name);
  g_ptr_array_add (rd->imp->figures, f);
  if (g_hash_table_lookup (rd->seen, f->path) == NULL)
    g_hash_table_insert (rd->seen, f->path, f);
  return TRUE;
}

/* Whether the table says it has no data. */
static gboolean
table_is_empty (const Table *t)
{
  for (guint r = t->title_row + 1; r < t->end_row; r++)
    for (guint c = 0; c < jue_wb_sheet_n_columns (t->sheet); c++)
      {
        const char *text = jue_wb_sheet_text (t->sheet, r, c);

        if (strstr (text, "空表") != NULL || strstr (text, "无数据") != NULL)
          return TRUE;
      }
  return FALSE;
}

/* Why a table printed empty is: the text after the note in its cell
 * (本表为空表：…), else the first text of a row below it, else "". */
static char *
empty_reason (const Table *t)
{
  static const char * const marks[] = { "本表为空表", "本表无数据", "空表", "无数据", NULL };

  for (guint r = t->title_row + 1; r < t->end_row; r++)
    for (guint c = 0; c < jue_wb_sheet_n_columns (t->sheet); c++)
      {
        const char *text = jue_wb_sheet_text (t->sheet, r, c);
        const char *hit = NULL;
        gsize len = 0;

        for (guint m = 0; marks[m] && hit == NULL; m++)
          if ((hit = strstr (text, marks[m])) != NULL)
            len = strlen (marks[m]);
        if (hit == NULL)
          continue;
        {
          static const char * const seps[] = { "：", ":", "，", ",", "。", "（", "(", " ", NULL };
          g_autofree char *rest = g_strstrip (g_strdup (hit + len));
          const char *p = rest;
          gboolean more = TRUE;

          /* 本表为空表：理由 / 本表为空表（理由） */
          while (more)
            {
              more = FALSE;
              for (guint i = 0; seps[i]; i++)
                if (g_str_has_prefix (p, seps[i]))
                  {
                    p += strlen (seps[i]);
                    more = TRUE;
                  }
            }
          if (*p)
            {
              g_autofree char *reason = g_strdup (p);

              if (g_str_has_suffix (reason, "）") || g_str_has_suffix (reason, ")"))
                reason[strlen (reason) - (g_str_has_suffix (reason, ")") ? 1 : strlen ("）"))] = '\0';
              return g_strstrip (g_steal_pointer (&reason));
            }
        }
        for (guint r2 = r + 1; r2 < t->end_row; r2++)
          for (guint c2 = 0; c2 < jue_wb_sheet_n_columns (t->sheet); c2++)
            {
              const char *below = jue_wb_sheet_text (t->sheet, r2, c2);
              gint64 fen;

              if (*below != '\0' && !jue_wb_parse_amount (below, FALSE, &fen))
                return g_strstrip (g_strdup (below));
            }
        return g_strdup ("");
      }
  return g_strdup ("");
}

/* The one column headed so, or G_MAXUINT with the error set. */
static guint
column_headed (const Table *t,
               const char  *header,
               GError     **error)
{
  g_autofree char *hd = header_display (header);
  guint found = G_MAXUINT;

  for (guint c = 0; c < t->stacks->len; c++)
    if (header_matches (g_ptr_array_index (t->stacks, c), header))
      {
        if (found != G_MAXUINT)
          {
            g_autofree char *other = jue_wb_cell_name (t->header_first, found);
            g_autofree char *why =
              g_strdup_printf (_("two columns are headed “%s” (the other at %s)"), hd, other);
            refuse (error, t->sheet, t->header_first, c, t->spec->name, why);
            return G_MAXUINT;
          }
        found = c;
      }
  if (found == G_MAXUINT)
    {
      g_autofree char *why = g_strdup_printf (_("no column is headed “%s”"), hd);
      refuse (error, t->sheet, t->header_first, t->title_column, t->spec->name, why);
    }
  return found;
}

/* A row of figures of a matrix table or an economic block, as read. */
typedef struct {
  guint     row;
  char     *code;       /* digits, or "" */
  char     *name;       /* as printed, stripped */
  gint64   *fen;        /* per column of the list spec */
  gboolean *blank;
  gint      level;      /* 0 合计, 1 类, 2 款, 3 项; -1 not known (no code) */
} RawRow;

static void
raw_row_free (gpointer data)
{
  RawRow *r = data;

  g_free (r->code);
  g_free (r->name);
  g_free (r->fen);
  g_free (r->blank);
  g_free (r);
}

/* The 类/款/项 levels of rows printed without a code, from their figures:
 * a 类 row is the sum of the rows under it (项 rows straight under it, then
 * 款 rows), a 款 row the sum of its 项 rows, every 类 and 款 has a row under
 * it.  The first arrangement that adds up wins, trying 类 before 款 before
 * 项 (published tables have no empty 款). */
#define PARSE_MAX_COLUMNS 16
#define PARSE_MAX_STEPS 200000

typedef struct {
  GPtrArray *rows;      /* RawRow, without the 合计 rows */
  guint      n_columns;
  gint64     allowance;
  guint      steps;
  GHashTable *hints;    /* norm name → level seen in the tables read before */
} Parse;

typedef struct {
  gint   cls, kuan;              /* open rows, or -1 */
  guint  cls_children, kuan_items;
  gint64 crun[PARSE_MAX_COLUMNS];
  gint64 krun[PARSE_MAX_COLUMNS];
} ParseState;

static gboolean
adds_up (const Parse  *p,
         const gint64 *run,
         gint          index)
{
  const RawRow *r = g_ptr_array_index (p->rows, index);

  for (guint c = 0; c < p->n_columns; c++)
    if (!r->blank[c] && ABS (run[c] - r->fen[c]) > p->allowance)
      return FALSE;
  return TRUE;
}

/* Over the printed figure already (figures are not negative). */
static gboolean
exceeds (const Parse  *p,
         const gint64 *run,
         gint          index)
{
  const RawRow *r = g_ptr_array_index (p->rows, index);

  for (guint c = 0; c < p->n_columns; c++)
    if (!r->blank[c] && r->fen[c] >= 0 && run[c] - r->fen[c] > p->allowance)
      return TRUE;
  return FALSE;
}

static gboolean
kuan_complete (const Parse      *p,
               const ParseState *s)
{
  return s->kuan < 0 || (s->kuan_items > 0 && adds_up (p, s->krun, s->kuan));
}

static gboolean
class_complete (const Parse      *p,
                const ParseState *s)
{
  return kuan_complete (p, s)
         && (s->cls < 0 || (s->cls_children > 0 && adds_up (p, s->crun, s->cls)));
}

static void
run_add (gint64       *run,
         const RawRow *r,
         guint         n)
{
  for (guint c = 0; c < n; c++)
    run[c] += r->blank[c] ? 0 : r->fen[c];
}

static gboolean
parse_rows (Parse            *p,
            guint             i,
            const ParseState *s,
            gint             *levels)
{
  RawRow *r;

  if (++p->steps > PARSE_MAX_STEPS)
    return FALSE;
  if (i == p->rows->len)
    return class_complete (p, s);
  r = g_ptr_array_index (p->rows, i);
  for (gint k = 0; k <= 3; k++)
    {
      ParseState next = *s;
      /* The level the same name has in a table read before first (a
       * column of zeros adds up in several arrangements). */
      gint hint = r->level < 0 ? GPOINTER_TO_INT (g_hash_table_lookup (p->hints, r->name)) : 0;
      gint level = k == 0 ? hint : k;

      if (level <= 0 || (k > 0 && level == hint))
        continue;
      if (r->level >= 1 && r->level != level)
        continue;
      if (level == 1)
        {
          if (!class_complete (p, s))
            continue;
          next.cls = (gint) i;
          next.kuan = -1;
          next.cls_children = 0;
          memset (next.crun, 0, sizeof next.crun);
        }
      else if (level == 2)
        {
          if (s->cls < 0 || !kuan_complete (p, s))
            continue;
          run_add (next.crun, r, p->n_columns);
          if (exceeds (p, next.crun, s->cls))
            continue;
          next.cls_children++;
          next.kuan = (gint) i;
          next.kuan_items = 0;
          memset (next.krun, 0, sizeof next.krun);
        }
      else if (s->kuan >= 0)
        {
          run_add (next.krun, r, p->n_columns);
          if (exceeds (p, next.krun, s->kuan))
            continue;
          next.kuan_items++;
        }
      else if (s->cls >= 0)
        {
          run_add (next.crun, r, p->n_columns);
          if (exceeds (p, next.crun, s->cls))
            continue;
          next.cls_children++;
        }
      else if (r->level != 3)
        continue;   /* a 项 outside any 类: only with its code */
      levels[i] = level;
      if (parse_rows (p, i + 1, &next, levels))
        return TRUE;
    }
  return FALSE;
}

/* Reads the figures of the row's columns. */
static RawRow *
raw_row_read (Reader              *rd,
              const Table         *t,
              const JueWbListSpec *ls,
              const guint         *cols,
              guint                row,
              const char          *code,
              const char          *name,
              GError             **error)
{
  RawRow *rr = g_new0 (RawRow, 1);

  rr->row = row;
  rr->code = g_strdup (code);
  rr->name = g_strdup (name);
  g_strstrip (rr->name);
  rr->fen = g_new0 (gint64, ls->n_columns);
  rr->blank = g_new0 (gboolean, ls->n_columns);
  for (guint i = 0; i < ls->n_columns; i++)
    {
      if (!read_amount (t, row, cols[i], &rr->blank[i], &rr->fen[i], error))
        {
          raw_row_free (rr);
          return NULL;
        }
      if (rr->blank[i] && rd->blank_zero)
        rr->blank[i] = FALSE;
    }
  return rr;
}

static gboolean
row_has_figure (const Table         *t,
                const JueWbListSpec *ls,
                const guint         *cols,
                guint                row)
{
  for (guint i = 0; i < ls->n_columns; i++)
    {
      const JueWbCell *v = jue_wb_sheet_cell (t->sheet, row, cols[i]);

      if (v != NULL && (v->kind == JUE_WB_CELL_NUMBER || is_amount_text (v->text)))
        return TRUE;
    }
  return FALSE;
}

/* A line of the table's own (人员经费合计, 未分项): not a row of the list. */
static gboolean
is_table_line (const Table *t,
               const char  *text)   /* norm */
{
  g_autofree char *n = norm_label (text);

  if (*n == '\0')
    return FALSE;
  if (strcmp (n, "未分项") == 0 || g_str_has_suffix (n, "合计") || g_str_has_suffix (n, "总计"))
    return TRUE;
  for (guint i = 0; i < t->spec->n_cells; i++)
    if (t->spec->cells[i].label != NULL)
      {
        g_autofree char *want = norm_label (t->spec->cells[i].label);

        if (label_matches (n, want))
          return TRUE;
      }
  return FALSE;
}

static ListRow *
list_row_new (Reader              *rd,
              const Table         *t,
              const JueWbListSpec *ls,
              const RawRow        *rr,
              guint                code_col,
              const guint         *cols,
              const char          *class_name,
              const char          *kuan_name)
{
  ListRow *row = g_new0 (ListRow, 1);

  row->spec = ls;
  row->list = ls->list;
  row->cells = g_new0 (char *, ls->n_columns + 1);
  for (guint i = 0; i < ls->n_columns; i++)
    row->cells[i] = where (t->sheet, rr->row, cols[i]);
  row->code = g_strdup (rr->code);
  row->class_name = g_strdup (class_name != NULL ? class_name : "");
  row->kuan_name = g_strdup (kuan_name != NULL ? kuan_name : "");
  row->name = g_strdup (rr->name);
  row->fen = g_memdup2 (rr->fen, sizeof (gint64) * ls->n_columns);
  row->blank = g_memdup2 (rr->blank, sizeof (gboolean) * ls->n_columns);
  row->where = where (t->sheet, rr->row, code_col);
  row->table = t->spec;
  g_ptr_array_add (rd->imp->rows, row);
  return row;
}

/* The 类/款/项 rows of a matrix table, or the rows of an economic block. */
static gboolean
read_rows (Reader              *rd,
           Table               *t,
           const JueWbListSpec *ls,
           GError             **error)
{
  g_autoptr (GPtrArray) raw = g_ptr_array_new_with_free_func (raw_row_free);
  g_autoptr (GPtrArray) totals = g_ptr_array_new_with_free_func (raw_row_free);
  g_autofree guint *cols = g_new0 (guint, ls->n_columns);
  g_autofree gint *levels = NULL;
  gint64 allowance = t->yuan ? 1 : JUE_FEN_PER_DISPLAY_UNIT;
  guint code_col, name_col;
  gboolean all_known = TRUE;
  const char *class_name = NULL, *kuan_name = NULL;

  if (t->empty)
    {
      if (!ls->multi)
        g_ptr_array_add (rd->imp->lists, (gpointer) ls);
      return TRUE;   /* 本表为空表: no rows */
    }
  code_col = column_headed (t, ls->code_header, error);
  if (code_col == G_MAXUINT)
    return FALSE;
  name_col = column_headed (t, ls->name_header, error);
  if (name_col == G_MAXUINT)
    return FALSE;
  for (guint i = 0; i < ls->n_columns; i++)
    {
      cols[i] = column_headed (t, ls->columns[i].header, error);
      if (cols[i] == G_MAXUINT)
        return FALSE;
    }
  for (guint r = t->data_first; r < t->end_row; r++)
    {
      const JueWbCell *cc = jue_wb_sheet_cell (t->sheet, r, code_col);
      g_autofree char *code = cc != NULL ? norm (cc->text) : g_strdup ("");
      const char *raw_name = jue_wb_sheet_text (t->sheet, r, name_col);
      g_autofree char *name = norm (raw_name);
      gsize n = strlen (code);
      gboolean digits = n > 0 && strspn (code, "0123456789") == n;
      gboolean total = strcmp (code, "合计") == 0 || strcmp (name, "合计") == 0;
      RawRow *rr;

      if (!total && !digits && *code != '\0')
        {
          if (ls->economic && is_table_line (t, code))
            continue;
          if (row_has_figure (t, ls, cols, r))
            {
              g_autofree char *why = ls->economic
                ? g_strdup_printf (_("“%s” is not a code of 3 or 5 digits"), code)
                : g_strdup_printf (_("“%s” is not a code of 3, 5 or 7 digits"), code);
              return refuse (error, t->sheet, r, code_col, t->spec->name, why);
            }
          continue;   /* a note (注：…) */
        }
      if (!total && !digits)
        {
          /* No code: a row named, with figures, is a 类, 款 or 项 found by
           * its figures; 未分项 is the economic block's remainder. */
          if (*name == '\0' || !row_has_figure (t, ls, cols, r)
              || (ls->economic && is_table_line (t, name)))
            continue;
          if (ls->economic)
            {
              g_autofree char *why =
                g_strdup_printf (_("the line “%s” has no code of 3 or 5 digits"), raw_name);
              return refuse (error, t->sheet, r, code_col, t->spec->name, why);
            }
        }
      if (digits && (ls->economic ? (n != 3 && n != 5) : (n != 3 && n != 5 && n != 7)))
        {
          g_autofree char *why = ls->economic
            ? g_strdup_printf (_("“%s” is not a code of 3 or 5 digits"), code)
            : g_strdup_printf (_("“%s” is not a code of 3, 5 or 7 digits"), code);
          return refuse (error, t->sheet, r, code_col, t->spec->name, why);
        }
      rr = raw_row_read (rd, t, ls, cols, r, digits ? code : "", raw_name, error);
      if (rr == NULL)
        return FALSE;
      rr->level = total ? 0 : !digits ? -1 : n == 3 ? 1 : n == 5 ? 2 : 3;
      if (total)
        g_ptr_array_add (totals, rr);
      else
        {
          all_known = all_known && rr->level > 0;
          g_ptr_array_add (raw, rr);
        }
    }

  levels = g_new0 (gint, raw->len + 1);
  if (ls->economic)
    {
      /* A 类 row with 款 rows under it is their sum; both are kept. */
      for (guint i = 0; i < raw->len; i++)
        {
          const RawRow *rr = g_ptr_array_index (raw, i);

          levels[i] = rr->level == 1 ? 1 : 3;
        }
    }
  else if (all_known)
    for (guint i = 0; i < raw->len; i++)
      levels[i] = ((RawRow *) g_ptr_array_index (raw, i))->level;
  else
    {
      Parse p = { raw, ls->n_columns, allowance, 0, rd->level_hints };
      ParseState s = { -1, -1, 0, 0, { 0 }, { 0 } };

      if (ls->n_columns > PARSE_MAX_COLUMNS || !parse_rows (&p, 0, &s, levels))
        {
          for (guint i = 0; i < raw->len; i++)
            {
              const RawRow *rr = g_ptr_array_index (raw, i);

              if (rr->level < 0)
                return refuse (error, t->sheet, rr->row, code_col, t->spec->name,
                               _("rows without a code cannot be told apart as 类, 款 and 项 "
                                 "rows: their figures do not add up in any arrangement (give "
                                 "the rows their codes)"));
            }
        }
    }

  /* Subtotals (类, 款, 合计) against the rows under them. */
  for (guint s = 0; s < raw->len + totals->len; s++)
    {
      const RawRow *st = s < raw->len ? g_ptr_array_index (raw, s)
                                      : g_ptr_array_index (totals, s - raw->len);
      gint level = s < raw->len ? levels[s] : 0;
      guint from = s < raw->len ? s + 1 : 0;

      if (level == 3)
        continue;
      for (guint i = 0; i < ls->n_columns; i++)
        {
          gint64 sum = 0;
          guint n_items = 0;

          if (st->blank[i])
            continue;
          for (guint k = from; k < raw->len; k++)
            {
              const RawRow *it = g_ptr_array_index (raw, k);

              if (level > 0 && levels[k] <= level)
                break;
              if (levels[k] != 3)
                continue;
              sum += it->blank[i] ? 0 : it->fen[i];
              n_items++;
            }
          if (n_items == 0 && level > 0)
            continue;   /* a 类 printed without its 项 rows: nothing to add */
          if (ABS (sum - st->fen[i]) > allowance)
            {
              g_autofree char *a = jue_fen_display (st->fen[i]);
              g_autofree char *b = jue_fen_display (sum);
              g_autofree char *why = ls->economic
                ? g_strdup_printf (_("%s (万元) is not the sum of the 款 rows under it, %s"), a, b)
                : g_strdup_printf (_("%s (万元) is not the sum of the 项 rows under it, %s"), a, b);
              return refuse (error, t->sheet, st->row, cols[i], t->spec->name, why);
            }
        }
    }

  if (!ls->economic)
    for (guint i = 0; i < raw->len; i++)
      {
        const RawRow *rr = g_ptr_array_index (raw, i);
        gint had = GPOINTER_TO_INT (g_hash_table_lookup (rd->level_hints, rr->name));

        if (had == 0)
          g_hash_table_insert (rd->level_hints, g_strdup (rr->name), GINT_TO_POINTER (levels[i]));
        else if (had != levels[i])
          g_hash_table_insert (rd->level_hints, g_strdup (rr->name), GINT_TO_POINTER (-1));
      }

  /* The rows kept: 项 rows with the 类 and 款 names above them; an
   * economic block's 类 and 款 rows. */
  for (guint i = 0; i < raw->len; i++)
    {
      const RawRow *rr = g_ptr_array_index (raw, i);

      if (ls->economic)
        {
          ListRow *lr = list_row_new (rd, t, ls, rr, code_col, cols, NULL, NULL);
          const RawRow *next = i + 1 < raw->len ? g_ptr_array_index (raw, i + 1) : NULL;

          lr->subtotal = levels[i] == 1 && next != NULL && levels[i + 1] == 3
                         && g_str_has_prefix (next->code, rr->code);
          continue;
        }
      if (levels[i] == 1)
        {
          class_name = rr->name;
          kuan_name = NULL;
        }
      else if (levels[i] == 2)
        kuan_name = rr->name;
      else
        list_row_new (rd, t, ls, rr, code_col, cols, class_name, kuan_name);
    }
  /* A multi list's rows are written through their own lists' tables. */
  if (!ls->multi)
    g_ptr_array_add (rd->imp->lists, (gpointer) ls);
  return TRUE;
}

/* The 类 lines of a lines table: on a side whose template has them, every
 * line with a figure whose label is none of the template's fixed lines. */
static gboolean
read_class_lines (Reader  *rd,
                  Table   *t,
                  GError **error)
{
  const JueTemplateTable *table = jue_template_table (t->spec->tmpl, t->spec->table_index);

  for (guint side = 0; side < 2; side++)
    {
      g_autoptr (GArray) cols = g_array_new (FALSE, FALSE, sizeof (guint));
      guint label_col = G_MAXUINT;
      gboolean has_classes = FALSE;

      for (guint l = 0; table->lines[side] != NULL && l < table->lines[side]->len; l++)
        has_classes |= ((const JueTemplateLine *) table->lines[side]->pdata[l])->classes;
      if (!has_classes)
        continue;
      for (guint c = 0; c < table->columns->len; c++)
        {
          const JueTemplateColumn *col = table->columns->pdata[c];
          guint found;

          if (col->side != side || col->count)
            continue;
          if (col->role != JUE_COLUMN_LABEL && col->role != JUE_COLUMN_VALUE
              && col->role != JUE_COLUMN_ROWSUM)
            continue;
          found = column_headed (t, col->header, error);
          if (found == G_MAXUINT)
            return FALSE;
          if (col->role == JUE_COLUMN_LABEL)
            label_col = found;
          else
            g_array_append_val (cols, found);
        }
      if (label_col == G_MAXUINT)
        continue;
      for (guint r = t->data_first; r < t->end_row; r++)
        {
          const char *raw = jue_wb_sheet_text (t->sheet, r, label_col);
          g_autofree char *label = norm_label (raw);
          ClassFig *cf;
          gboolean fixed = FALSE, any = FALSE;

          if (*label == '\0' || strcmp (label, "栏次") == 0)
            continue;
          for (guint l = 0; table->lines[side] != NULL && l < table->lines[side]->len && !fixed;
               l++)
            {
              const JueTemplateLine *line = table->lines[side]->pdata[l];
              g_autofree char *want = line->classes ? NULL : norm_label (line->label);

              fixed = want != NULL && label_matches (label, want);
            }
          if (fixed)
            continue;
          cf = g_new0 (ClassFig, 1);
          cf->spec = t->spec;
          cf->side = side;
          cf->label = g_strdup (raw);
          g_strstrip (cf->label);
          cf->n = cols->len;
          cf->fen = g_new0 (gint64, cols->len);
          cf->blank = g_new0 (gboolean, cols->len);
          cf->where = g_new0 (char *, cols->len + 1);
          cf->allowance = t->yuan ? 1 : JUE_FEN_PER_DISPLAY_UNIT;
          for (guint i = 0; i < cols->len; i++)
            {
              guint c = g_array_index (cols, guint, i);

              if (!read_amount (t, r, c, &cf->blank[i], &cf->fen[i], error))
                {
                  class_fig_free (cf);
                  return FALSE;
                }
              any |= !cf->blank[i];
              cf->where[i] = where (t->sheet, r, c);
            }
          if (!any)
            {
              class_fig_free (cf);
              continue;
            }
          g_ptr_array_add (rd->imp->class_lines, cf);
        }
    }
  return TRUE;
}

/* The year a title or 编制单位 row prints ("2024年度…", "…2024年12月31日"):
 * 0 when none; *start is its byte offset, *end just past 年 or 年度. */
static gint
year_in (const char *n,
         gsize      *start,
         gsize      *end)
{
  for (const char *p = n; *p != '\0'; p++)
    if (p[0] == '2' && p[1] == '0' && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3])
        && strncmp (p + 4, "年", strlen ("年")) == 0
        && (p == n || !g_ascii_isdigit (p[-1])))
      {
        const char *e = p + 4 + strlen ("年");

        if (g_str_has_prefix (e, "度"))
          e += strlen ("度");
        *start = p - n;
        *end = e - n;
        return (p[2] - '0') * 10 + (p[3] - '0') + 2000;
      }
  return 0;
}

static gboolean
read_table (Reader  *rd,
            Table   *t,
            GError **error)
{
  const JueWbSheet *sheet = t->sheet;
  guint r = t->title_row + 1;
  guint n_columns = jue_wb_sheet_n_columns (sheet);
  g_autofree gboolean *label_cols = NULL;

  t->empty = table_is_empty (t);
  /* 编制单位, 单位 rows. */
  t->yuan = FALSE;
  for (; r < t->end_row && row_is_meta (sheet, r); r++)
    for (guint c = 0; c < n_columns; c++)
      {
        g_autofree char *n = norm (jue_wb_sheet_text (sheet, r, c));
        const char *unit = NULL, *dept;
        gsize y_start, y_end;
        gint year = year_in (n, &y_start, &y_end);

        if (year != 0 && rd->imp->year == 0)
          rd->imp->year = year;

        for (const char *p = strstr (n, "单位:"); p != NULL; p = strstr (p + 1, "单位:"))
          unit = p + strlen ("单位:");
        dept = strstr (n, "编制单位:");
        if (dept != NULL)
          {
            g_autofree char *d = g_strdup (dept + strlen ("编制单位:"));
            char *cut = strstr (d, "单位:");

            if (cut != NULL && cut != d)
              {
                /* "编制单位:X单位:万元" or "编制单位:X金额单位:万元" */
                *cut = '\0';
                if (g_str_has_suffix (d, "金额"))
                  d[strlen (d) - strlen ("金额")] = '\0';
                unit = cut + strlen ("单位:");
              }
            else
              unit = NULL;
            /* "编制单位:X 2024年度": the year is not part of the name */
            year = year_in (d, &y_start, &y_end);
            if (year != 0 && y_start > 0)
              d[y_start] = '\0';
            else if (year != 0)
              memmove (d, d + y_end, strlen (d + y_end) + 1);
            if (*d != '\0' && rd->imp->department == NULL)
              rd->imp->department = g_strdup (d);
            if (unit == NULL)
              continue;
          }
        if (unit == NULL)
          continue;
        if (strcmp (unit, "万元") == 0)
          t->yuan = FALSE;
        else if (strcmp (unit, "元") == 0)
          t->yuan = TRUE;
        else
          {
            g_autofree char *why =
              g_strdup_printf (_("the unit “%s” is neither 万元 nor 元"), unit);
            return refuse (error, sheet, r, c, t->spec->name, why);
          }
      }
  t->header_first = r;
  for (; r < t->end_row && !row_is_data (sheet, r) && !row_is_empty (sheet, r); r++)
    ;
  t->header_end = r;
  if (t->header_end == t->header_first)
    return refuse (error, sheet, t->header_first, t->title_column, t->spec->name,
                   _("no header rows under the title"));
  /* A 栏次 row under the header. */
  t->data_first = r;
  for (guint c = 0; c < n_columns && r < t->end_row; c++)
    {
      g_autofree char *n = norm (jue_wb_sheet_text (sheet, r, c));

      if (strcmp (n, "栏次") == 0)
        {
          t->data_first = r + 1;
          break;
        }
    }
  build_stacks (t);

  /* The columns the lines' labels are in: a figure right of a label is
   * never beyond the next such column (the other side of 收入/支出). */
  label_cols = g_new0 (gboolean, n_columns + 1);
  for (guint rr = t->data_first; rr < t->end_row; rr++)
    for (guint c = 0; c < n_columns; c++)
      {
        const JueWbCell *cell = jue_wb_sheet_cell (sheet, rr, c);
        g_autofree char *have = NULL;

        if (cell == NULL || cell->kind != JUE_WB_CELL_TEXT || label_cols[c])
          continue;
        have = norm_label (cell->text);
        for (guint i = 0; i < t->spec->n_cells && !label_cols[c]; i++)
          if (t->spec->cells[i].label != NULL)
            {
              g_autofree char *want = norm_label (t->spec->cells[i].label);

              label_cols[c] = label_matches (have, want);
            }
      }

  for (guint i = 0; i < t->spec->n_cells; i++)
    {
      const JueWbCellSpec *cs = &t->spec->cells[i];
      g_autofree char *hd = header_display (cs->header);
      guint row = G_MAXUINT, column = G_MAXUINT;

      if (cs->label == NULL)
        {
          /* The table's one row of figures, in the one column so headed. */
          for (guint c = 0; c < n_columns; c++)
            if (header_matches (g_ptr_array_index (t->stacks, c), cs->header))
              {
                if (column != G_MAXUINT)
                  {
                    g_autofree char *other = jue_wb_cell_name (t->header_first, column);
                    g_autofree char *why =
                      g_strdup_printf (_("two columns are headed “%s” (the other at %s)"), hd,
                                       other);
                    return refuse (error, sheet, t->header_first, c, t->spec->name, why);
                  }
                column = c;
              }
          if (column == G_MAXUINT && t->empty)
            {
              if (!add_zero (rd, t, cs))
                return FALSE;
              continue;
            }
          if (column == G_MAXUINT)
            {
              g_autofree char *why = g_strdup_printf (_("no column is headed “%s”"), hd);
              return refuse (error, sheet, t->header_first, t->title_column,
                             t->spec->name, why);
            }
          row = t->data_first;
          if (row >= t->end_row && t->empty)
            {
              if (!add_zero (rd, t, cs))
                return FALSE;
              continue;
            }
          if (row >= t->end_row)
            return refuse (error, sheet, row, column, t->spec->name,
                           _("no row of figures under the header"));
        }
      else
        {
          g_autofree char *want = norm_label (cs->label);
          guint label_row = G_MAXUINT, label_col = 0;
          gboolean label_seen = FALSE;
          gboolean code_label = strspn (cs->label, "0123456789") == strlen (cs->label);

          for (guint rr = t->data_first; rr < t->end_row; rr++)
            for (guint c = 0; c < n_columns; c++)
              {
                const JueWbCell *cell = jue_wb_sheet_cell (sheet, rr, c);
                g_autofree char *have = NULL;
                guint found = G_MAXUINT;

                if (cell == NULL || (cell->kind != JUE_WB_CELL_TEXT
                                     && !(cell->kind == JUE_WB_CELL_NUMBER && code_label)))
                  continue;
                have = norm_label (cell->text);
                if (!label_matches (have, want))
                  continue;
                label_seen = TRUE;
                for (guint cc = c + 1; cc < n_columns && found == G_MAXUINT; cc++)
                  {
                    const JueWbCell *next = jue_wb_sheet_cell (sheet, rr, cc);

                    if (header_matches (g_ptr_array_index (t->stacks, cc), cs->header))
                      found = cc;
                    else if (label_cols[cc])
                      break;   /* the other side's labels */
                    else if (next != NULL && next->kind == JUE_WB_CELL_TEXT
                             && *next->text != '\0' && !is_amount_text (next->text)
                             && !is_name_column (g_ptr_array_index (t->stacks, cc)))
                      break;   /* the next line's label: another side */
                  }
                if (found == G_MAXUINT)
                  continue;
                if (row != G_MAXUINT)
                  {
                    g_autofree char *other = jue_wb_cell_name (label_row, label_col);
                    g_autofree char *why =
                      g_strdup_printf (_("the line “%s” is there twice (also at %s)"),
                                       cs->label, other);
                    return refuse (error, sheet, rr, c, t->spec->name, why);
                  }
                row = rr;
                column = found;
                label_row = rr;
                label_col = c;
              }
          if (row == G_MAXUINT && !label_seen && cs->optional && !t->empty)
            continue;   /* a line not printed: its figure stays as it is */
          if (row == G_MAXUINT && !label_seen && t->empty)
            {
              /* A table printed empty (本表为空表): 0. */
              if (!add_zero (rd, t, cs))
                return FALSE;
              continue;
            }
          if (row == G_MAXUINT)
            {
              g_autofree char *why =
                label_seen
                  ? g_strdup_printf (_("the line “%s” has no column headed “%s”"),
                                     cs->label, hd)
                  : g_strdup_printf (_("no line “%s”"), cs->label);
              return refuse (error, sheet, t->data_first, t->title_column, t->spec->name, why);
            }
        }
      if (!add_figure (rd, t, cs, row, column, error))
        return FALSE;
    }
  if (t->spec->tmpl != NULL && !t->empty && !read_class_lines (rd, t, error))
    return FALSE;
  if (t->spec->rows != NULL && !read_rows (rd, t, t->spec->rows, error))
    return FALSE;
  if (t->spec->rows2 != NULL && !read_rows (rd, t, t->spec->rows2, error))
    return FALSE;
  return TRUE;
}

typedef struct {
  const JueWbSheet *sheet;
  guint             row, column;
  guint             spec;
} Title;

static gboolean
header_word_is (const char *spec_header,
                const char *have)
{
  g_auto (GStrv) levels = g_strsplit (spec_header, "|", 0);

  for (guint l = 0; levels[l] != NULL; l++)
    {
      g_auto (GStrv) alts = g_strsplit (levels[l], "/", 0);

      for (guint a = 0; alts[a] != NULL; a++)
        {
          g_autofree char *w = norm_label (alts[a]);

          if (strcmp (w, have) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* The header words of spec that show within a few rows under a title. */
static gboolean
header_near (const JueWbSheet     *sheet,
             const JueWbTableSpec *spec,
             guint                 row)
{
  guint last = MIN (row + 10, jue_wb_sheet_n_rows (sheet));

  for (guint r = row + 1; r < last; r++)
    for (guint c = 0; c < jue_wb_sheet_n_columns (sheet); c++)
      {
        g_autofree char *have = norm_label (jue_wb_sheet_text (sheet, r, c));

        if (*have == '\0')
          continue;
        for (guint i = 0; i < spec->n_cells; i++)
          if (header_word_is (spec->cells[i].header, have))
            return TRUE;
        for (const JueWbListSpec *ls = spec->rows; ls != NULL;
             ls = ls == spec->rows ? spec->rows2 : NULL)
          for (guint i = 0; i < ls->n_columns; i++)
            if (header_word_is (ls->columns[i].header, have))
              return TRUE;
      }
  return FALSE;
}

static char *
row_key (const ListRow *row)
{
  if (*row->code != '\0')
    return g_strconcat (row->list, "\x1f", row->code, NULL);
  return g_strconcat (row->list, "\x1fn\x1f", row->class_name, "\x1f", row->kuan_name,
                      "\x1f", row->name, NULL);
}

/* Rows of the same list from several tables become one; a figure both
 * print must agree, and a table prints a row once. */
static gboolean
merge_rows (JueWbImport          *imp,
            const JueWbTableSpec *specs,
            guint                 n_specs,
            GError              **error)
{
  g_autoptr (GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  imp->merged = g_ptr_array_new_with_free_func (merged_free);
  /* The rows of each list's own tables first; then a multi list's rows
   * (财政拨款支出决算明细表), each joining the row of the list that has it. */
  for (guint i = 0; i < imp->rows->len * 2; i++)
    {
      ListRow *row = g_ptr_array_index (imp->rows, i % imp->rows->len);
      char *key;
      Merged *m;

      if (row->spec->multi != (i >= imp->rows->len))
        continue;
      if (row->spec->multi)
        {
          g_auto (GStrv) names = g_strsplit (row->spec->list, "+", -1);
          Merged *claimed = NULL;

          m = NULL;
          for (guint l = 0; names[l] != NULL && m == NULL; l++)
            {
              Merged *cand;

              row->list = g_strstrip (names[l]);
              key = row_key (row);
              cand = g_hash_table_lookup (by_key, key);
              g_free (key);
              if (cand == NULL)
                continue;
              m = cand;
              /* the same code in two of the lists: the one not taken yet */
              for (guint k = 0; k < cand->parts->len; k++)
                {
                  const ListRow *other = g_ptr_array_index (cand->parts, k);

                  if (other->table == row->table)
                    {
                      claimed = cand;
                      m = NULL;
                    }
                }
            }
          if (m == NULL)
            m = claimed;
          if (m == NULL)
            {
              g_autoptr (GString) tables = g_string_new (NULL);

              for (guint k = 0; k < n_specs; k++)
                for (guint l = 0; names[l] != NULL; l++)
                  if (specs[k].rows != NULL && !specs[k].rows->multi
                      && strcmp (specs[k].rows->list, names[l]) == 0)
                    g_string_append_printf (tables, "%s“%s”", tables->len ? "、" : "",
                                            specs[k].name);
              row->list = NULL;
              g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                           /* Translators: where (sheet, cell), the table, the row's code
                            * or name, the tables it repeats. */
                           _("%s (%s): the row “%s” is printed by none of the tables it "
                             "repeats (%s)"),
                           row->where, row->table->name, *row->code ? row->code : row->name,
                           tables->str);
              return FALSE;
            }
          row->list = m->list;
          key = row_key (row);
        }
      else
        {
          key = row_key (row);
          m = g_hash_table_lookup (by_key, key);
        }

      if (m == NULL)
        {
          m = g_new0 (Merged, 1);
          m->list = row->list;
          m->parts = g_ptr_array_new ();
          g_ptr_array_add (m->parts, row);
          g_ptr_array_add (imp->merged, m);
          g_hash_table_insert (by_key, key, m);
          continue;
        }
      g_free (key);
      for (guint k = 0; k < m->parts->len; k++)
        {
          const ListRow *other = g_ptr_array_index (m->parts, k);

          if (other->table == row->table && other->spec == row->spec)
            {
              g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                           /* Translators: where (sheet, cell), the table, the row's
                            * code or name, where the first one is. */
                           _("%s (%s): the row “%s” is there twice (also at %s)"), row->where,
                           row->table->name, *row->code ? row->code : row->name, other->where);
              return FALSE;
            }
          for (guint a = 0; a < row->spec->n_columns; a++)
            for (guint b = 0; b < other->spec->n_columns; b++)
              {
                const char *fa = row->spec->columns[a].field;
                const char *fb = other->spec->columns[b].field;

                if (fa == NULL || fb == NULL || strcmp (fa, fb) != 0)
                  continue;
                if (row->blank[a] != other->blank[b] || row->fen[a] != other->fen[b])
                  {
                    g_autofree char *x = row->blank[a] ? g_strdup ("") : jue_fen_display (row->fen[a]);
                    g_autofree char *y =
                      other->blank[b] ? g_strdup ("") : jue_fen_display (other->fen[b]);

                    g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                                 /* Translators: where (sheet, cell), the table, then the
                                  * row, its two figures and where the other is. */
                                 _("%s (%s): the row “%s” prints %s here but %s at %s (%s); "
                                   "the same figure must agree"),
                                 row->cells[a], row->table->name,
                                 *row->code ? row->code : row->name, x, y, other->cells[b],
                                 other->table->name);
                    return FALSE;
                  }
              }
        }
      g_ptr_array_add (m->parts, row);
    }
  return TRUE;
}

JueWbImport *
jue_wb_import_read (const JueWorkbook    *workbook,
                    const JueWbTableSpec *specs,
                    guint                 n_specs,
                    gboolean              blank_zero,
                    GError              **error)
{
  g_autoptr (GArray) titles = g_array_new (FALSE, FALSE, sizeof (Title));
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JueWbImport *imp = g_new0 (JueWbImport, 1);
  g_autoptr (GHashTable) hints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Reader rd = { imp, workbook, blank_zero, seen, hints };
  g_autoptr (GRegex) year_re = g_regex_new ("(20[0-9]{2})年", 0, 0, NULL);

  imp->figures = g_ptr_array_new_with_free_func (figure_free);
  imp->found = g_ptr_array_new_with_free_func (g_free);
  imp->empties = g_ptr_array_new_with_free_func (g_free);
  imp->rows = g_ptr_array_new_with_free_func (list_row_free);
  imp->class_lines = g_ptr_array_new_with_free_func (class_fig_free);
  imp->lists = g_ptr_array_new ();

  /* Every title of every table, in sheet order. */
  for (guint s = 0; s < jue_workbook_n_sheets (workbook); s++)
    {
      const JueWbSheet *sheet = jue_workbook_sheet (workbook, s);

      for (guint i = 0; i < jue_wb_sheet_n_cells (sheet); i++)
        {
          const JueWbCell *cell = jue_wb_sheet_cell_at (sheet, i);
          g_autofree char *n = NULL;

          if (cell->kind != JUE_WB_CELL_TEXT)
            continue;
          n = norm (cell->text);
          for (guint k = 0; k < n_specs; k++)
            if (title_matches (&specs[k], n) && header_near (sheet, &specs[k], cell->row))
              {
                Title t = { sheet, cell->row, cell->column, k };
                g_autoptr (GMatchInfo) mi = NULL;

                g_array_append_val (titles, t);
                if (imp->year == 0 && g_regex_match (year_re, n, 0, &mi))
                  {
                    g_autofree char *y = g_match_info_fetch (mi, 1);

                    imp->year = (gint) g_ascii_strtoll (y, NULL, 10);
                  }
                break;
              }
        }
    }

  for (guint k = 0; k < n_specs; k++)
    {
      const Title *found = NULL;
      Table t = { 0 };
      gboolean ok;

      for (guint i = 0; i < titles->len; i++)
        {
          const Title *ti = &g_array_index (titles, Title, i);

          if (ti->spec != k)
            continue;
          if (found != NULL)
            {
              g_autofree char *first = where (found->sheet, found->row, found->column);
              g_autofree char *why =
                g_strdup_printf (_("a second table titled like it (the first at %s)"), first);

              refuse (error, ti->sheet, ti->row, ti->column, specs[k].name, why);
              jue_wb_import_free (imp);
              return NULL;
            }
          found = ti;
        }
      if (found == NULL && specs[k].optional)
        continue;   /* its rows repeat other tables' */
      if (found == NULL)
        {
          g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                       _("%s: no sheet holds the table “%s” (found by its title and header "
                         "words)"),
                       jue_workbook_get_origin (workbook), specs[k].name);
          jue_wb_import_free (imp);
          return NULL;
        }
      t.sheet = found->sheet;
      t.spec = &specs[k];
      t.title_row = found->row;
      t.title_column = found->column;
      t.end_row = jue_wb_sheet_n_rows (found->sheet);
      for (guint i = 0; i < titles->len; i++)
        {
          const Title *ti = &g_array_index (titles, Title, i);

          if (ti->sheet == found->sheet && ti->row > found->row && ti->row < t.end_row)
            t.end_row = ti->row;
        }
      ok = read_table (&rd, &t, error);
      if (ok && t.empty && specs[k].key != NULL)
        {
          g_ptr_array_add (imp->empties, g_strdup (specs[k].key));
          g_ptr_array_add (imp->empties, empty_reason (&t));
        }
      g_clear_pointer (&t.stacks, g_ptr_array_unref);
      if (!ok)
        {
          jue_wb_import_free (imp);
          return NULL;
        }
      {
        g_autofree char *w = where (found->sheet, found->row, found->column);

        g_ptr_array_add (imp->found, g_strdup_printf ("%s: %s%s", specs[k].name, w,
                                                      t.yuan ? _(" (in yuan)") : ""));
      }
    }
  if (!merge_rows (imp, specs, n_specs, error))
    {
      jue_wb_import_free (imp);
      return NULL;
    }
  return imp;
}

/* One edit: a row added at the end of a list, or a field set. */
typedef struct {
  char *insert;   /* list path, or NULL */
  char *path;
  char *text;
} Op;

static void
op_free (gpointer data)
{
  Op *op = data;

  g_free (op->insert);
  g_free (op->path);
  g_free (op->text);
  g_free (op);
}

static void
op_set (GPtrArray  *ops,
        char       *path,    /* taken */
        const char *text)
{
  Op *op = g_new0 (Op, 1);

  op->path = path;
  op->text = g_strdup (text);
  g_ptr_array_add (ops, op);
}

static char *
fen_text (gboolean blank,
          gint64   fen)
{
  return blank ? g_strdup ("") : jue_amount_canonical (jue_amount_from_fen (fen));
}

static const char *
row_text (gpointer            record,
          const JueRecordDef *def,
          const char         *field)
{
  for (guint i = 0; i < def->n_fields; i++)
    if (strcmp (def->fields[i].name, field) == 0 && def->fields[i].kind == JUE_KIND_TEXT)
      {
        const char *v = *(char **) ((guint8 *) record + def->fields[i].offset);
        return v != NULL ? v : "";
      }
  return "";
}

/* The edits that write the import into report as it is now. */
static GPtrArray *
plan (const JueWbImport *import,
      JueReport         *report,
      GError           **error)
{
  g_autoptr (GPtrArray) ops = g_ptr_array_new_with_free_func (op_free);

  /* The year and department the tables print fill a profile that has
   * none; a typed one is kept. */
  if (import->year != 0 && !report->profile.year.set)
    {
      g_autofree char *y = g_strdup_printf ("%d", import->year);

      op_set (ops, g_strdup ("profile.year"), y);
    }
  if (import->department != NULL
      && (report->profile.name == NULL || *report->profile.name == '\0'))
    op_set (ops, g_strdup ("profile.name"), import->department);
  /* tables printed 本表为空表: marked empty (a key once, the first reason) */
  for (guint i = 0, n_added = 0; i + 1 < import->empties->len; i += 2)
    {
      const char *key = import->empties->pdata[i];
      gint index = jue_report_find_empty_table (report, key);
      gboolean seen = FALSE;

      for (guint j = 0; j < i && !seen; j += 2)
        seen = strcmp (import->empties->pdata[j], key) == 0;
      if (seen)
        continue;
      if (index < 0)
        {
          Op *op = g_new0 (Op, 1);

          index = (gint) (report->empty_tables->len + n_added++);
          op->insert = g_strdup ("empty_tables");
          g_ptr_array_add (ops, op);
          op_set (ops, g_strdup_printf ("empty_tables[%d].table", index), key);
        }
      op_set (ops, g_strdup_printf ("empty_tables[%d].reason", index),
              import->empties->pdata[i + 1]);
    }
  for (guint i = 0; i < import->figures->len; i++)
    {
      const Figure *f = g_ptr_array_index (import->figures, i);
      g_autofree char *text = NULL;

      if (f->path == NULL)
        continue;
      text = fen_text (f->blank, f->fen);
      op_set (ops, g_strdup (f->path), text);
    }
  for (guint l = 0; l < import->lists->len; l++)
    {
      const JueWbListSpec *ls = g_ptr_array_index (import->lists, l);
      const char *name_field = ls->name_field != NULL ? ls->name_field : "xiang_name";
      JueFieldRef ref;
      GPtrArray *list;
      const JueRecordDef *def;
      g_autofree gboolean *matched = NULL;
      guint n_added = 0;
      gboolean first = TRUE;

      /* Each list once, with every table's rows of it. */
      for (guint e = 0; e < l && first; e++)
        first = strcmp (((const JueWbListSpec *) g_ptr_array_index (import->lists, e))->list,
                        ls->list) != 0;
      if (!first)
        continue;
      if (!jue_report_resolve (report, ls->list, &ref, error))
        return NULL;
      list = *(GPtrArray **) ref.ptr;
      def = ref.def->extra;
      matched = g_new0 (gboolean, list->len + 1);
      for (guint k = 0; k < import->merged->len; k++)
        {
          const Merged *m = g_ptr_array_index (import->merged, k);
          const ListRow *row;
          guint index = G_MAXUINT;

          if (strcmp (m->list, ls->list) != 0)
            continue;
          row = g_ptr_array_index (m->parts, 0);
          for (guint j = 0; j < list->len && index == G_MAXUINT && *row->code; j++)
            if (!matched[j] && strcmp (row_text (list->pdata[j], def, "code"), row->code) == 0)
              index = j;
          for (guint j = 0; j < list->len && index == G_MAXUINT; j++)
            if (!matched[j] && *row_text (list->pdata[j], def, "code") == '\0'
                && strcmp (row_text (list->pdata[j], def, name_field), row->name) == 0
                && (ls->no_class_names
                    || strcmp (row_text (list->pdata[j], def, "kuan_name"), row->kuan_name) == 0))
              index = j;
          if (index == G_MAXUINT)
            {
              Op *op = g_new0 (Op, 1);

              index = list->len + n_added++;
              op->insert = g_strdup (ls->list);
              g_ptr_array_add (ops, op);
              op_set (ops, g_strdup_printf ("%s[%u].code", ls->list, index), row->code);
              if (!ls->no_class_names)
                {
                  op_set (ops, g_strdup_printf ("%s[%u].class_name", ls->list, index),
                          row->class_name);
                  op_set (ops, g_strdup_printf ("%s[%u].kuan_name", ls->list, index),
                          row->kuan_name);
                }
              op_set (ops, g_strdup_printf ("%s[%u].%s", ls->list, index, name_field), row->name);
            }
          else
            matched[index] = TRUE;
          for (guint p = 0; p < m->parts->len; p++)
            {
              const ListRow *part = g_ptr_array_index (m->parts, p);

              for (guint c = 0; c < part->spec->n_columns && !part->subtotal; c++)
                {
                  g_autofree char *text = NULL;

                  if (part->spec->columns[c].field == NULL)
                    continue;
                  text = fen_text (part->blank[c], part->fen[c]);
                  op_set (ops, g_strdup_printf ("%s[%u].%s", ls->list, index,
                                                part->spec->columns[c].field), text);
                }
            }
        }
      /* A row no published table prints had none. */
      for (guint j = 0; j < list->len; j++)
        if (!matched[j])
          for (guint e = l; e < import->lists->len; e++)
            {
              const JueWbListSpec *other = g_ptr_array_index (import->lists, e);

              if (strcmp (other->list, ls->list) != 0)
                continue;
              for (guint c = 0; c < other->n_columns; c++)
                if (other->columns[c].field != NULL)
                  op_set (ops, g_strdup_printf ("%s[%u].%s", ls->list, j, other->columns[c].field),
                          "0");
            }
    }
  return g_steal_pointer (&ops);
}

static gboolean
check_totals (const JueWbImport *import,
              JueReport         *report,
              GError           **error)
{
  g_autoptr (JueComputed) computed = jue_computed_new ();

  jue_computed_update (computed, report);
  for (guint i = 0; i < import->figures->len; i++)
    {
      const Figure *f = g_ptr_array_index (import->figures, i);
      JueValue v;

      if (f->computed == NULL || f->blank)
        continue;
      if (!jue_computed_lookup (computed, f->computed, &v) || !v.defined)
        continue;
      if (ABS (v.value - f->fen) > f->allowance)
        {
          g_autofree char *a = jue_fen_display (f->fen);
          g_autofree char *b = jue_fen_display (v.value);

          g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                       _("%s: the total %s (万元) is not the sum of its parts, %s"),
                       f->where, a, b);
          return FALSE;
        }
    }
  return TRUE;
}

/* A 类 name for matching: numbering and a final 支出 left out (一般公共服务
 * and 一、一般公共服务支出 are the same 类). */
static char *
class_key (const char *text)
{
  char *n = norm_label (text);

  if (g_str_has_suffix (n, "支出") && strlen (n) > strlen ("支出"))
    n[strlen (n) - strlen ("支出")] = '\0';
  return n;
}

/* Each 类 line read is what the rows read add up to, as the renderer
 * prints it from them; a line whose name is no 类 of the rows is not
 * compared. */
static gboolean
check_class_lines (const JueWbImport *import,
                   JueReport         *report,
                   GError           **error)
{
  g_autoptr (JueComputed) computed = NULL;
  g_autoptr (GHashTable) rendered = NULL;   /* spec → JueRenderedTable */

  if (import->class_lines->len == 0)
    return TRUE;
  computed = jue_computed_new ();
  jue_computed_update (computed, report);
  rendered = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                    (GDestroyNotify) jue_rendered_table_free);
  for (guint i = 0; i < import->class_lines->len; i++)
    {
      const ClassFig *cf = g_ptr_array_index (import->class_lines, i);
      const JueTemplateTable *table = jue_template_table (cf->spec->tmpl, cf->spec->table_index);
      JueRenderedTable *rt = g_hash_table_lookup (rendered, cf->spec);
      g_autofree char *want = class_key (cf->label);
      g_autoptr (GArray) cols = g_array_new (FALSE, FALSE, sizeof (guint));
      guint label_col = G_MAXUINT;
      const JueRenderedRow *match = NULL;

      if (rt == NULL)
        {
          rt = jue_render_table (cf->spec->tmpl, cf->spec->table_index, report, computed);
          g_hash_table_insert (rendered, (gpointer) cf->spec, rt);
        }
      for (guint c = 0; c < table->columns->len; c++)
        {
          const JueTemplateColumn *col = table->columns->pdata[c];

          if (col->side != cf->side || col->count)
            continue;
          if (col->role == JUE_COLUMN_LABEL)
            label_col = c;
          else if (col->role == JUE_COLUMN_VALUE || col->role == JUE_COLUMN_ROWSUM)
            g_array_append_val (cols, c);
        }
      for (guint r = 0; r < rt->rows->len && match == NULL && label_col != G_MAXUINT; r++)
        {
          const JueRenderedRow *row = rt->rows->pdata[r];
          const JueRenderedCell *lc = row->cells->pdata[label_col];
          g_autofree char *have = class_key (lc->text);

          if (strcmp (have, want) == 0)
            match = row;
        }
      if (match == NULL)
        continue;   /* a name no 类 of the rows has: nothing to hold it to */
      for (guint k = 0; k < cf->n && k < cols->len; k++)
        {
          const JueRenderedCell *cell = match->cells->pdata[g_array_index (cols, guint, k)];
          gint64 sum = cell->has_value ? cell->value : 0;

          if (cf->blank[k] || cell->unreadable)
            continue;
          if (ABS (sum - cf->fen[k]) > cf->allowance)
            {
              g_autofree char *a = jue_fen_display (cf->fen[k]);
              g_autofree char *b = jue_fen_display (sum);

              g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                           /* Translators: where, the table, the 类's name, its
                            * figure, the sum of the rows read. */
                           _("%s (%s): the 类 line “%s” prints %s (万元), but the 项 rows read "
                             "add up to %s"),
                           cf->where[k], cf->spec->name, cf->label, a, b);
              return FALSE;
            }
        }
    }
  return TRUE;
}

gboolean
jue_wb_import_apply (const JueWbImport *import,
                     JueReport         *report,
                     GError           **error)
{
  g_autoptr (GPtrArray) ops = plan (import, report, error);

  if (ops == NULL)
    return FALSE;
  for (guint i = 0; i < ops->len; i++)
    {
      const Op *op = g_ptr_array_index (ops, i);

      if (op->insert != NULL)
        {
          if (jue_report_list_insert (report, op->insert, -1, error) < 0)
            return FALSE;
        }
      else if (!jue_report_set (report, op->path, op->text, error))
        return FALSE;
    }
  return check_totals (import, report, error) && check_class_lines (import, report, error);
}

JueReport *
jue_wb_import_new_report (const JueWbImport *import,
                          GError           **error)
{
  g_autoptr (JueReport) report = jue_report_new ();

  if (import->department != NULL
      && !jue_report_set (report, "profile.name", import->department, error))
    return NULL;
  if (import->year != 0)
    {
      g_autofree char *y = g_strdup_printf ("%d", import->year);

      if (!jue_report_set (report, "profile.year", y, error))
        return NULL;
    }
  if (import->template_id != NULL
      && !jue_report_set (report, "profile.template", import->template_id, error))
    return NULL;
  if (!jue_wb_import_apply (import, report, error))
    return NULL;
  return g_steal_pointer (&report);
}

gboolean
jue_wb_import_into_document (const JueWbImport *import,
                             JueDocument       *document,
                             GError           **error)
{
  g_autoptr (JueReport) trial = jue_report_copy (jue_document_get_report (document));
  g_autoptr (GPtrArray) ops = NULL;
  const char *first = NULL;

  /* Everything is checked on a copy first: the document changes only
   * when all of it can be written. */
  if (!jue_wb_import_apply (import, trial, error))
    return FALSE;
  ops = plan (import, jue_document_get_report (document), error);
  if (ops == NULL)
    return FALSE;
  jue_document_begin_group (document);
  for (guint i = 0; i < ops->len; i++)
    {
      const Op *op = g_ptr_array_index (ops, i);
      g_autofree char *old = NULL;
      gboolean ok;

      if (op->insert != NULL)
        ok = jue_document_insert_row (document, op->insert, -1, error) >= 0;
      else
        {
          old = jue_report_get (jue_document_get_report (document), op->path, NULL);
          if (g_strcmp0 (old, op->text) == 0)
            continue;
          ok = jue_document_set (document, op->path, op->text, error);
        }
      if (!ok)
        {
          g_autoptr (GError) undo_error = NULL;

          jue_document_abort_group (document, &undo_error);
          return FALSE;
        }
      if (first == NULL)
        first = op->insert != NULL ? op->insert : op->path;
    }
  /* one transaction: the file gets every figure or, on failure, none */
  return jue_document_commit_group (document, first != NULL ? first : "three_public", error);
}

/* Whether the workbook holds a title of each table of specs (under which
 * its header words show): how close a template comes to it. */
static guint
titles_found (const JueWorkbook    *workbook,
              const JueWbTableSpec *specs,
              guint                 n_specs)
{
  guint found = 0;

  for (guint k = 0; k < n_specs; k++)
    {
      gboolean seen = FALSE;

      for (guint s = 0; s < jue_workbook_n_sheets (workbook) && !seen; s++)
        {
          const JueWbSheet *sheet = jue_workbook_sheet (workbook, s);

          for (guint i = 0; i < jue_wb_sheet_n_cells (sheet) && !seen; i++)
            {
              const JueWbCell *cell = jue_wb_sheet_cell_at (sheet, i);
              g_autofree char *n = NULL;

              if (cell->kind != JUE_WB_CELL_TEXT)
                continue;
              n = norm (cell->text);
              seen = title_matches (&specs[k], n) && header_near (sheet, &specs[k], cell->row);
            }
        }
      found += seen;
    }
  return found;
}

JueWbImport *
jue_wb_import_workbook (const JueWorkbook *workbook,
                        const JueTemplate *tmpl,
                        gboolean           blank_zero,
                        GError           **error)
{
  const char * const *ids = jue_template_ids ();
  g_autoptr (GError) best_error = NULL;
  guint best = 0;

  for (guint i = 0; tmpl != NULL ? i == 0 : ids[i] != NULL; i++)
    {
      const JueTemplate *t = tmpl;
      g_autoptr (JueWbLayout) layout = NULL;
      g_autoptr (GError) local = NULL;
      const JueWbTableSpec *specs;
      JueWbImport *imp;
      guint n, found;

      if (t == NULL && (t = jue_template_get (ids[i], error)) == NULL)
        return NULL;
      layout = jue_wb_layout_new (t);
      specs = jue_wb_layout_tables (layout, &n);
      imp = jue_wb_import_read (workbook, specs, n, blank_zero, &local);
      if (imp != NULL)
        {
          imp->layout = g_steal_pointer (&layout);
          imp->template_id = t->id;
          return imp;
        }
      /* No template reads it: the refusal of the one that found the most
       * of its tables, named. */
      found = titles_found (workbook, specs, n) * 1000 / MAX (n, 1);
      if (best_error == NULL || found > best)
        {
          g_clear_error (&best_error);
          best = found;
          if (tmpl != NULL)
            best_error = g_steal_pointer (&local);
          else
            best_error = g_error_new (local->domain, local->code,
                                      /* Translators: the template's name, the reason. */
                                      _("read as the tables of “%s”: %s"), t->name,
                                      local->message);
        }
    }
  g_propagate_error (error, g_steal_pointer (&best_error));
  return NULL;
}

const char *
jue_wb_import_template (const JueWbImport *import)
{
  return import->template_id;
}

JueWbImport *
jue_wb_import_file (const char        *filename,
                    const JueTemplate *tmpl,
                    gboolean           blank_zero,
                    GError           **error)
{
  g_autoptr (JueWorkbook) wb = g_file_test (filename, G_FILE_TEST_IS_DIR)
                                ? jue_workbook_open_csv_dir (filename, error)
                                : jue_workbook_open (filename, error);

  if (wb == NULL)
    return NULL;
  return jue_wb_import_workbook (wb, tmpl, blank_zero, error);
}
