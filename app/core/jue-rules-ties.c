/* jue-rules-ties.c — the ties between the published tables (DOMAIN.md,
 * "How they tie"), one rule each, at the typed figure it holds to the
 * others and naming both figures.  Where a figure of one table is the sum
 * of another's rows (表1's 类 lines, 表4's 类 lines, a row's 本年收入合计)
 * it is computed and cannot disagree: no rule.  A row's sum allows half a
 * display unit per rounded figure (jue_check_allowance): printed figures
 * are often sums of rounded ones.  A blank is unknown, never 0: a sum with
 * blank rows is only wrong once its known rows exceed the other figure.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jue-empty.h"
#include "jue-render.h"
#include "jue-rules-private.h"

#define ERROR JUE_SEVERITY_ERROR
#define WARNING JUE_SEVERITY_WARNING

#define AMOUNT_AT(r, off) (*(const JueAmount *) ((const guint8 *) (r) + (off)))

/* A sum of figures, blank ones unknown. */
typedef struct {
  gint64   fen;
  gint64   allowance;
  guint    n;
  gboolean any;         /* some figure is typed */
  gboolean all;         /* every figure is typed */
  gboolean unreadable;
} Sum;

static void
sum_init (Sum *s)
{
  memset (s, 0, sizeof *s);
  s->all = TRUE;
}

static void
sum_add (Sum       *s,
         JueAmount  a)
{
  s->n++;
  if (a.unreadable)
    s->unreadable = TRUE;
  if (!a.set)
    {
      s->all = FALSE;
      return;
    }
  s->any = TRUE;
  s->fen += jue_amount_fen (a);
  s->allowance += jue_check_allowance (&a, 1);
}

/* The sum of a field over the rows of a list. */
static Sum
sum_rows (GPtrArray *rows,
          gsize      offset)
{
  Sum s;

  sum_init (&s);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    sum_add (&s, AMOUNT_AT (rows->pdata[i], offset));
  return s;
}

/* left and right are the same money: a difference is reported at path,
 * the format receiving left, right and the difference (strings) after
 * the leading arguments a and b (NULL: none).  Nothing is said while a
 * side has no figure; a side with blanks is only wrong once its known
 * figures exceed the other, complete side. */
static void
tie (JueCheckRun *run,
     const char  *path,
     Sum          left,
     Sum          right,
     const char  *format,
     const char  *a,
     const char  *b)
{
  gint64 diff = left.fen - right.fen;
  g_autofree char *l = NULL, *r = NULL, *d = NULL;
  char *msg;

  if (left.unreadable || right.unreadable || !left.any || !right.any || diff == 0)
    return;
  if ((!left.all && diff < 0) || (!right.all && diff > 0))
    return;   /* the blanks may make up the difference */
  l = jue_check_fen (left.fen);
  r = jue_check_fen (right.fen);
  d = jue_check_fen (ABS (diff));
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  if (a != NULL && b != NULL)
    msg = g_strdup_printf (format, a, l, b, r, d);
  else if (a != NULL)
    msg = g_strdup_printf (format, a, l, r, d);
  else
    msg = g_strdup_printf (format, l, r, d);
#pragma GCC diagnostic pop
  jue_check_diff (run, ERROR, path, diff, left.allowance + right.allowance, msg);
}

static Sum
sum_one (JueAmount a)
{
  Sum s;

  sum_init (&s);
  sum_add (&s, a);
  return s;
}

/* ---- 表1 income lines = 表2 column totals -------------------------------- */

static const char * const reads_income_appropriation[] = {
  "income.general_budget", "income.gov_fund", "income.state_capital",
  "accounts[N].income_appropriation", NULL };

static void
rule_income_appropriation (JueCheckRun *run)
{
  const JueReport *r = run->report;
  Sum lines;

  if (r->accounts->len == 0)
    return;   /* no 项 rows: 收入决算表 prints nothing to hold them to */
  sum_init (&lines);
  sum_add (&lines, r->income.general_budget);
  sum_add (&lines, r->income.gov_fund);
  sum_add (&lines, r->income.state_capital);
  tie (run, "income.general_budget", lines,
       sum_rows (r->accounts, offsetof (JueAccountRow, income_appropriation)),
       _("The three appropriation income lines of 收入支出决算总表 add up to %s, but the "
         "财政拨款收入 column of 收入决算表 to %s, difference %s"), NULL, NULL);
}

typedef struct {
  const char *path;
  gsize       typed;      /* in JueReport */
  gsize       column;     /* in JueAccountRow */
  const char *label;      /* the printed column / line */
} ColumnTie;

static const ColumnTie income_columns[] = {
  { "income.superior_subsidy", offsetof (JueReport, income.superior_subsidy),
    offsetof (JueAccountRow, income_superior), "上级补助收入" },
  { "income.business", offsetof (JueReport, income.business),
    offsetof (JueAccountRow, income_business), "事业收入" },
  { "income.operating", offsetof (JueReport, income.operating),
    offsetof (JueAccountRow, income_operating), "经营收入" },
  { "income.affiliated", offsetof (JueReport, income.affiliated),
    offsetof (JueAccountRow, income_affiliated), "附属单位上缴收入" },
  { "income.other", offsetof (JueReport, income.other),
    offsetof (JueAccountRow, income_other), "其他收入" },
};

static const char * const reads_income_columns[] = {
  "income.superior_subsidy", "income.business", "income.operating", "income.affiliated",
  "income.other", "accounts[N].income_superior", "accounts[N].income_business",
  "accounts[N].income_operating", "accounts[N].income_affiliated", "accounts[N].income_other",
  NULL };

static void
rule_income_columns (JueCheckRun *run)
{
  const JueReport *r = run->report;

  if (r->accounts->len == 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (income_columns); i++)
    {
      const ColumnTie *c = &income_columns[i];

      tie (run, c->path, sum_one (AMOUNT_AT (r, c->typed)), sum_rows (r->accounts, c->column),
           _("%s %s in 收入支出决算总表 ≠ the %s column of 收入决算表 %s, difference %s"),
           c->label, c->label);
    }
}

/* ---- 表3 合计 (typed totals) = its 项 rows ------------------------------- */

static const ColumnTie expenditure_columns[] = {
  { "expenditure.basic", offsetof (JueReport, expenditure.basic),
    offsetof (JueAccountRow, exp_basic), "基本支出" },
  { "expenditure.project", offsetof (JueReport, expenditure.project),
    offsetof (JueAccountRow, exp_project), "项目支出" },
  { "expenditure.to_superior", offsetof (JueReport, expenditure.to_superior),
    offsetof (JueAccountRow, exp_to_superior), "上缴上级支出" },
  { "expenditure.operating", offsetof (JueReport, expenditure.operating),
    offsetof (JueAccountRow, exp_operating), "经营支出" },
  { "expenditure.affiliated_subsidy", offsetof (JueReport, expenditure.affiliated_subsidy),
    offsetof (JueAccountRow, exp_affiliated), "对附属单位补助支出" },
};

static const char * const reads_expenditure_columns[] = {
  "expenditure.basic", "expenditure.project", "expenditure.to_superior", "expenditure.operating",
  "expenditure.affiliated_subsidy", "accounts[N].exp_basic", "accounts[N].exp_project",
  "accounts[N].exp_to_superior", "accounts[N].exp_operating", "accounts[N].exp_affiliated",
  NULL };

static void
rule_expenditure_columns (JueCheckRun *run)
{
  const JueReport *r = run->report;

  if (r->accounts->len == 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (expenditure_columns); i++)
    {
      const ColumnTie *c = &expenditure_columns[i];

      /* 表1's 本年支出合计 adds these typed totals; 表1's 类 lines, the
       * rows of 支出决算表 */
      tie (run, c->path, sum_one (AMOUNT_AT (r, c->typed)), sum_rows (r->accounts, c->column),
           _("%s %s (the 合计 of 支出决算表, in 收入支出决算总表's 本年支出合计) ≠ the sum of its "
             "项 rows %s, difference %s"),
           c->label, NULL);
    }
}

/* ---- a row's 本年支出 = 基本支出 + 项目支出 (表5, 表8, 表9) --------------- */

typedef struct {
  const char *list;       /* "functional", "gov_fund.rows" */
  gsize       actual, basic, project;
} RowSpec;

static const RowSpec functional_rows = {
  "functional", offsetof (JueFunctionalRow, actual), offsetof (JueFunctionalRow, basic),
  offsetof (JueFunctionalRow, project) };
static const RowSpec fund_rows_gov = {
  "gov_fund.rows", offsetof (JueFundRow, actual), offsetof (JueFundRow, basic),
  offsetof (JueFundRow, project) };
static const RowSpec fund_rows_state = {
  "state_capital.rows", offsetof (JueFundRow, actual), offsetof (JueFundRow, basic),
  offsetof (JueFundRow, project) };

static const char * const reads_row_split_functional[] = {
  "functional[N].actual", "functional[N].basic", "functional[N].project", NULL };
static const char * const reads_row_split_gov[] = {
  "gov_fund.rows[N].actual", "gov_fund.rows[N].basic", "gov_fund.rows[N].project", NULL };
static const char * const reads_row_split_state[] = {
  "state_capital.rows[N].actual", "state_capital.rows[N].basic", "state_capital.rows[N].project",
  NULL };

static GPtrArray *
list_of (const JueReport *r,
         const char      *list)
{
  if (strcmp (list, "functional") == 0)
    return r->functional;
  if (strcmp (list, "gov_fund.rows") == 0)
    return r->gov_fund.rows;
  return r->state_capital.rows;
}

/* A split typed in part leaves the rest 未分项 (incomplete, not wrong):
 * only a split that says more than the row is. */
static void
rule_row_split (JueCheckRun *run)
{
  const RowSpec *spec = run->entry->data;
  GPtrArray *rows = list_of (run->report, spec->list);
  gconstpointer row;
  JueAmount parts[2];
  g_autofree char *path = NULL;

  if (run->index[0] < 0 || (guint) run->index[0] >= rows->len)
    return;
  row = rows->pdata[run->index[0]];
  parts[0] = AMOUNT_AT (row, spec->basic);
  parts[1] = AMOUNT_AT (row, spec->project);
  path = g_strdup_printf ("%s[%d].actual", spec->list, run->index[0]);
  jue_check_sum (run, ERROR, path, AMOUNT_AT (row, spec->actual), parts, 2,
                 _("本年支出 %s ≠ 基本支出 %s + 项目支出 %s, difference %s"));
}

/* ---- 表5 合计 (typed) = its 项 rows --------------------------------------- */

static const char * const reads_split_totals[] = {
  "appropriation.general_budget_basic", "appropriation.general_budget_project",
  "functional[N].basic", "functional[N].project", NULL };

static void
rule_split_totals (JueCheckRun *run)
{
  const JueReport *r = run->report;

  tie (run, "appropriation.general_budget_basic", sum_one (r->appropriation.general_budget_basic),
       sum_rows (r->functional, offsetof (JueFunctionalRow, basic)),
       _("%s %s (the 合计 of 一般公共预算财政拨款支出决算表) ≠ the sum of its 项 rows %s, "
         "difference %s"), "基本支出", NULL);
  tie (run, "appropriation.general_budget_project",
       sum_one (r->appropriation.general_budget_project),
       sum_rows (r->functional, offsetof (JueFunctionalRow, project)),
       _("%s %s (the 合计 of 一般公共预算财政拨款支出决算表) ≠ the sum of its 项 rows %s, "
         "difference %s"), "项目支出", NULL);
}

/* ---- 表4 = 表8, 表9 in total ---------------------------------------------- */

static const char * const reads_appropriation_funds[] = {
  "appropriation.expenditure_gov_fund", "appropriation.expenditure_state_capital",
  "gov_fund.rows[N].actual", "state_capital.rows[N].actual", NULL };

static void
rule_appropriation_funds (JueCheckRun *run)
{
  const JueReport *r = run->report;

  if (r->gov_fund.rows->len > 0)
    tie (run, "appropriation.expenditure_gov_fund",
         sum_one (r->appropriation.expenditure_gov_fund),
         sum_rows (r->gov_fund.rows, offsetof (JueFundRow, actual)),
         _("%s %s in 财政拨款收入支出决算总表 ≠ the rows of %s %s, difference %s"),
         "政府性基金预算财政拨款", "政府性基金预算财政拨款收入支出决算表");
  if (r->state_capital.rows->len > 0)
    tie (run, "appropriation.expenditure_state_capital",
         sum_one (r->appropriation.expenditure_state_capital),
         sum_rows (r->state_capital.rows, offsetof (JueFundRow, actual)),
         _("%s %s in 财政拨款收入支出决算总表 ≠ the rows of %s %s, difference %s"),
         "国有资本经营预算财政拨款", "国有资本经营预算财政拨款支出决算表");
}

/* ---- 表5 ⊆ 表3, row by row ------------------------------------------------ */

static const char * const reads_functional_in_accounts[] = {
  "functional[N].code", "functional[N].class_name", "functional[N].kuan_name",
  "functional[N].xiang_name", "functional[N].actual", "functional[N].basic",
  "functional[N].project", "accounts[N].code", "accounts[N].kuan_name", "accounts[N].xiang_name",
  "accounts[N].exp_*", NULL };

static gboolean
text_is (const char *a,
         const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* The row of 支出决算表 for a 项: by code, else (either without one) by
 * its 款 and 项 names. */
static const JueAccountRow *
account_row_of (const JueReport        *r,
                const JueFunctionalRow *f)
{
  gboolean coded = f->code != NULL && *f->code != '\0';

  for (guint i = 0; coded && i < r->accounts->len; i++)
    {
      const JueAccountRow *a = r->accounts->pdata[i];

      if (text_is (a->code, f->code))
        return a;
    }
  for (guint i = 0; i < r->accounts->len; i++)
    {
      const JueAccountRow *a = r->accounts->pdata[i];

      if ((!coded || a->code == NULL || *a->code == '\0')
          && text_is (a->xiang_name, f->xiang_name) && text_is (a->kuan_name, f->kuan_name))
        return a;
    }
  return NULL;
}

static void
rule_functional_in_accounts (JueCheckRun *run)
{
  const JueReport *r = run->report;
  const JueFunctionalRow *f;
  const JueAccountRow *a;
  const char *name;
  g_autofree char *path = NULL;
  struct {
    const char *field, *label;
    JueAmount   part;
    Sum         whole;
  } cmp[3];

  if (r->accounts->len == 0 || run->index[0] < 0 || (guint) run->index[0] >= r->functional->len)
    return;
  f = r->functional->pdata[run->index[0]];
  name = f->xiang_name && *f->xiang_name ? f->xiang_name
         : f->code && *f->code ? f->code : "";
  a = account_row_of (r, f);
  if (a == NULL)
    {
      if (!f->actual.set || f->actual.unreadable || jue_amount_fen (f->actual) == 0)
        return;
      g_autofree char *fig = jue_check_figure (f->actual);

      path = g_strdup_printf ("functional[%d].actual", run->index[0]);
      jue_check_add (run, ERROR, path,
                     _("%s: %s from the general budget, but 支出决算表 (all funds) has no row for "
                       "this 项"), name, fig);
      return;
    }
  cmp[0].field = "actual";
  cmp[0].label = "本年支出";
  cmp[0].part = f->actual;
  sum_init (&cmp[0].whole);
  sum_add (&cmp[0].whole, a->exp_basic);
  sum_add (&cmp[0].whole, a->exp_project);
  sum_add (&cmp[0].whole, a->exp_to_superior);
  sum_add (&cmp[0].whole, a->exp_operating);
  sum_add (&cmp[0].whole, a->exp_affiliated);
  cmp[1].field = "basic";
  cmp[1].label = "基本支出";
  cmp[1].part = f->basic;
  cmp[1].whole = sum_one (a->exp_basic);
  cmp[2].field = "project";
  cmp[2].label = "项目支出";
  cmp[2].part = f->project;
  cmp[2].whole = sum_one (a->exp_project);
  for (guint i = 0; i < G_N_ELEMENTS (cmp); i++)
    {
      gint64 over;
      g_autofree char *p = NULL, *w = NULL, *d = NULL, *at = NULL;

      if (!cmp[i].part.set || cmp[i].part.unreadable || cmp[i].whole.unreadable
          || !cmp[i].whole.all)
        continue;   /* a blank column of all funds is unknown */
      over = jue_amount_fen (cmp[i].part) - cmp[i].whole.fen;
      if (over <= 0)
        continue;
      p = jue_check_fen (jue_amount_fen (cmp[i].part));
      w = jue_check_fen (cmp[i].whole.fen);
      d = jue_check_fen (over);
      at = g_strdup_printf ("functional[%d].%s", run->index[0], cmp[i].field);
      jue_check_diff (run, ERROR, at, over,
                      jue_check_allowance (&cmp[i].part, 1) + cmp[i].whole.allowance,
                      g_strdup_printf (_("%s: %s %s from the general budget is more than %s from "
                                         "all funds in 支出决算表, by %s"),
                                       name, cmp[i].label, p, w, d));
    }
}

/* ---- 表5 基本支出 = 表6 人员经费合计 + 公用经费合计 --------------------------- */

static const char * const reads_basic_economic[] = {
  "appropriation.general_budget_basic", "functional[N].basic", "basic.personnel", "basic.public",
  NULL };

static void
rule_basic_economic (JueCheckRun *run)
{
  const JueReport *r = run->report;
  JueAmount whole = r->appropriation.general_budget_basic;
  JueAmount parts[] = { r->basic.personnel, r->basic.public };

  if (!whole.set && !whole.unreadable)
    {
      /* no typed 合计: the 项 rows', when every one is split */
      Sum rows = sum_rows (r->functional, offsetof (JueFunctionalRow, basic));

      if (!rows.any || !rows.all || rows.unreadable)
        return;
      whole.fen = rows.fen;
      whole.set = TRUE;
    }
  jue_check_sum (run, ERROR, "appropriation.general_budget_basic", whole, parts, 2,
                 _("基本支出 %s of 一般公共预算财政拨款支出决算表 ≠ 人员经费合计 %s + 公用经费合计 %s "
                   "of the basic-expenditure table, difference %s"));
}

/* ---- 表6: a block's lines never more than its total ---------------------- */

static const char * const reads_economic_block[] = {
  "economic[N].code", "economic[N].actual", "basic.personnel", "basic.public", NULL };

static void
block_part (JueCheckRun    *run,
            const char     *path,
            const JueValue *lines,
            JueAmount       total,
            const char     *label)
{
  JueAmount figures[] = { total };
  g_autofree char *l = NULL, *t = NULL, *d = NULL;
  gint64 over;

  if (!lines->defined || !total.set || total.unreadable)
    return;
  over = lines->value - jue_amount_fen (total);
  if (over <= 0)
    return;   /* the rest is 未分项 */
  l = jue_check_fen (lines->value);
  t = jue_check_fen (jue_amount_fen (total));
  d = jue_check_fen (over);
  jue_check_diff (run, ERROR, path, over, jue_check_allowance (figures, 1),
                  g_strdup_printf (_("The %s lines by economic classification add up to %s, "
                                     "more than %s合计 %s, by %s"), label, l, label, t, d));
}

static void
rule_economic_block (JueCheckRun *run)
{
  const JueReport *r = run->report;

  if (r->economic->len == 0)
    return;
  block_part (run, "basic.personnel", &run->computed->economic_total.personnel,
              r->basic.personnel, "人员经费");
  block_part (run, "basic.public", &run->computed->economic_total.public,
              r->basic.public, "公用经费");
}

/* ---- tables marked empty (本表为空表, jue-empty.h) ------------------- */

/* A marked table's figures can come from any field its template names: the
 * rule reads everything (it does nothing while no table is marked). */
static const char * const reads_empty_tables[] = { "*", NULL };

/* "本年支出 小计" for a header "本年支出|小计". */
static char *
column_title (const JueRenderedTable *t,
              guint                   col)
{
  const JueRenderedColumn *c = t->columns->pdata[col];
  g_auto (GStrv) words = g_strsplit (c->header ? c->header : "", "|", -1);

  return g_strjoinv (" ", words);
}

/* The row's code and name (or label) as printed. */
static char *
row_title (const JueRenderedTable *t,
           const JueRenderedRow   *row)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint c = 0; c < t->n_columns && c < row->cells->len; c++)
    {
      const JueRenderedColumn *col = t->columns->pdata[c];
      const JueRenderedCell *cell = row->cells->pdata[c];

      if ((col->role == JUE_COLUMN_CODE || col->role == JUE_COLUMN_NAME ||
           col->role == JUE_COLUMN_LABEL) && cell->text && *cell->text)
        {
          if (s->len)
            g_string_append_c (s, ' ');
          g_string_append (s, cell->text);
        }
    }
  if (s->len == 0 && row->kind == JUE_RENDER_ROW_TOTAL)
    g_string_append (s, "合计");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
cell_is_figure (const JueRenderedCell *cell)
{
  if (cell->kind != JUE_RENDER_CELL_AMOUNT && cell->kind != JUE_RENDER_CELL_COUNT)
    return FALSE;
  return cell->unreadable || (cell->has_value && !cell->blank && cell->value != 0);
}

/* The first figure a marked table holds, as "本年收入 of 2130101 …: 3.00";
 * NULL when it holds none. */
static char *
first_figure (JueCheckRun            *run,
              const JueTemplate      *tmpl,
              guint                   index)
{
  const JueTemplateTable *tt = jue_template_table (tmpl, index);
  g_autoptr (JueRenderedTable) t = jue_render_table_unmarked (tmpl, index, run->report,
                                                              run->computed);

  for (guint r = 0; r < t->rows->len; r++)
    {
      const JueRenderedRow *row = t->rows->pdata[r];

      if (row->kind == JUE_RENDER_ROW_NOTE)
        continue;
      for (guint c = 0; c < row->cells->len; c++)
        {
          const JueRenderedCell *cell = row->cells->pdata[c];
          g_autofree char *col = NULL, *what = NULL;

          if (!cell_is_figure (cell))
            continue;
          col = column_title (t, c);
          what = row_title (t, row);
          /* TRANSLATORS: column, row (code and name), the figure as printed */
          return g_strdup_printf (_("%s of %s is %s"), col, what, cell->text);
        }
    }
  /* a matrix prints no 合计 without rows, but its typed totals are figures */
  for (guint i = 0; tt->totals && tt->totals[i]; i++)
    {
      const char *path = strchr (tt->totals[i], ':');
      JueFieldRef ref;

      if (path == NULL ||
          !jue_report_resolve ((JueReport *) run->report, path + 1, &ref, NULL) ||
          ref.def->kind != JUE_KIND_AMOUNT)
        continue;
      if (((const JueAmount *) ref.ptr)->unreadable ||
          (((const JueAmount *) ref.ptr)->set && ((const JueAmount *) ref.ptr)->fen != 0))
        {
          g_autofree char *field = g_strndup (tt->totals[i], (gsize) (path - tt->totals[i]));
          g_autofree char *text = jue_field_get_text (&ref);

          for (guint c = 0; c < t->n_columns; c++)
            {
              const JueRenderedColumn *col = t->columns->pdata[c];

              if (col->field && strcmp (col->field, field) == 0)
                {
                  g_autofree char *title = column_title (t, c);
                  /* TRANSLATORS: column, "合计" (the total row as printed), the figure */
                  return g_strdup_printf (_("%s of %s is %s"), title, "合计", text);
                }
            }
          /* TRANSLATORS: a field path, then its figure */
          return g_strdup_printf (_("its total %s is %s"), path + 1, text);
        }
    }
  return NULL;
}

static void
rule_empty_tables (JueCheckRun *run)
{
  const JueReport *r = run->report;
  const JueTemplate *tmpl;

  if (r->empty_tables == NULL || r->empty_tables->len == 0)
    return;
  tmpl = jue_render_report_template (r, NULL);
  for (guint i = 0; i < r->empty_tables->len; i++)
    {
      const JueEmptyTable *e = r->empty_tables->pdata[i];
      g_autofree char *path = g_strdup_printf ("empty_tables[%u].table", i);
      g_autoptr (GArray) tables = NULL;

      if (e->table == NULL || *e->table == '\0' ||
          jue_report_find_empty_table (r, e->table) != (gint) i)
        continue;   /* blank: W-MISSING's; a second mark of a table adds nothing */
      tables = jue_template_tables_of_key (tmpl, e->table);
      if (tables->len == 0 && run->entry->severity == WARNING)
        jue_check_add (run, WARNING, path,
                       _("“%s” is marked empty, but the template %s has no table of that key"),
                       e->table, tmpl->name);
      if (run->entry->severity != ERROR)
        continue;
      for (guint k = 0; k < tables->len; k++)
        {
          guint index = g_array_index (tables, guint, k);
          const JueTemplateTable *tt = jue_template_table (tmpl, index);
          g_autofree char *figure = first_figure (run, tmpl, index);

          if (figure)
            jue_check_add (run, ERROR, path,
                           /* TRANSLATORS: table number, table title, then "COLUMN of ROW is FIGURE" */
                           _("%s %s is marked empty (本表为空表) but holds figures: %s"),
                           tt->number, tt->title, figure);
        }
    }
}

#define RULE(id, sev, scope, reads, summary, func) \
  { id, sev, JUE_SCOPE_##scope, reads, summary, func, NULL }
#define RULE_DATA(id, sev, scope, reads, summary, func, data) \
  { id, sev, JUE_SCOPE_##scope, reads, summary, func, data }

const JueRuleEntry jue_rules_ties[] = {
  RULE ("E-TIE-INCOME-APPROPRIATION", ERROR, REPORT, reads_income_appropriation,
        N_("收入支出决算总表's three appropriation income lines equal 收入决算表's 财政拨款收入 column"),
        rule_income_appropriation),
  RULE ("E-TIE-INCOME-COLUMNS", ERROR, REPORT, reads_income_columns,
        N_("收入支出决算总表's other income lines equal 收入决算表's other columns"),
        rule_income_columns),
  RULE ("E-TIE-EXPENDITURE-COLUMNS", ERROR, REPORT, reads_expenditure_columns,
        N_("The typed expenditure totals (支出决算表's 合计) equal the sums of its 项 rows"),
        rule_expenditure_columns),
  RULE_DATA ("E-TIE-ROW-SPLIT", ERROR, FUNCTIONAL, reads_row_split_functional,
             N_("A 项 row's 本年支出 equals its 基本支出 + 项目支出 (a split typed in part leaves 未分项)"),
             rule_row_split, &functional_rows),
  RULE_DATA ("E-TIE-ROW-SPLIT", ERROR, GOV_FUND_ROWS, reads_row_split_gov,
             N_("A 项 row's 本年支出 equals its 基本支出 + 项目支出 (a split typed in part leaves 未分项)"),
             rule_row_split, &fund_rows_gov),
  RULE_DATA ("E-TIE-ROW-SPLIT", ERROR, STATE_CAPITAL_ROWS, reads_row_split_state,
             N_("A 项 row's 本年支出 equals its 基本支出 + 项目支出 (a split typed in part leaves 未分项)"),
             rule_row_split, &fund_rows_state),
  RULE ("E-TIE-SPLIT-TOTALS", ERROR, REPORT, reads_split_totals,
        N_("一般公共预算财政拨款支出决算表's 合计 基本支出 and 项目支出 equal the sums of its 项 rows"),
        rule_split_totals),
  RULE ("E-TIE-APPROPRIATION-FUNDS", ERROR, REPORT, reads_appropriation_funds,
        N_("财政拨款收入支出决算总表's fund columns equal the rows of the two fund tables"),
        rule_appropriation_funds),
  RULE ("E-TIE-FUNCTIONAL-IN-ACCOUNTS", ERROR, FUNCTIONAL, reads_functional_in_accounts,
        N_("A 项's general-budget spending is not more than its spending from all funds (支出决算表)"),
        rule_functional_in_accounts),
  RULE ("E-TIE-BASIC-ECONOMIC", ERROR, REPORT, reads_basic_economic,
        N_("General-budget basic expenditure equals 人员经费合计 + 公用经费合计 of the basic-expenditure table"),
        rule_basic_economic),
  RULE ("E-TIE-ECONOMIC-BLOCK", ERROR, REPORT, reads_economic_block,
        N_("The economic lines of a block are not more than its 合计 (the rest is 未分项)"),
        rule_economic_block),
  RULE ("E-EMPTY-TABLE-FIGURES", ERROR, REPORT, reads_empty_tables,
        N_("A table marked empty (本表为空表) holds no figures"),
        rule_empty_tables),
  RULE ("W-EMPTY-TABLE-UNKNOWN", WARNING, REPORT, reads_empty_tables,
        N_("A table marked empty is a table of the report's template"),
        rule_empty_tables),
};
const guint jue_n_rules_ties = G_N_ELEMENTS (jue_rules_ties);
