/* jue-computed.c — computing every derived figure of a report in one pass.
 *
 * Everything is integer arithmetic on exact fen; percentages are rounded
 * half up once, from the exact amounts (never from rounded figures).  The
 * pass allocates nothing once the arrays have grown to the report's size,
 * so the GUI can recompute on every keystroke.  Paths, lookup and display
 * live in jue-computed-paths.c.
 */
#include "config.h"

#include <string.h>

#include "jue-computed.h"

/* ---- values ----------------------------------------------------------- */

static inline JueValue
value_of (JueValueKind kind,
          gint64       v)
{
  JueValue r = { v, kind, JUE_UNDEFINED_NONE, TRUE };
  return r;
}

static inline JueValue
undefined (JueValueKind       kind,
           JueUndefinedReason reason)
{
  JueValue r = { 0, kind, reason, FALSE };
  return r;
}

/* a × b / c rounded half away from zero, without overflow for any figure a
 * report can hold. */
static gint64
mul_div (gint64 a,
         gint64 b,
         gint64 c)
{
#ifdef __SIZEOF_INT128__
  __int128 n = (__int128) a * b;
  __int128 q, r;
  gboolean neg = (n < 0) != (c < 0);

  if (n < 0)
    n = -n;
  if (c < 0)
    c = -c;
  q = n / c;
  r = n % c;
  if (r >= c - r)
    q++;
  return (gint64) (neg ? -q : q);
#else
  if (b != 0 && (a > G_MAXINT64 / b || a < G_MININT64 / b))
    return jue_div_round (a, c / b);
  return jue_div_round (a * b, c);
#endif
}

static JueAmount
sum_amounts (const JueAmount *parts,
             guint            n)
{
  JueAmount total = { 0, FALSE, FALSE };

  /* a part that cannot be read makes the sum unknown: not 0, not the rest */
  for (guint i = 0; i < n; i++)
    if (parts[i].unreadable)
      return (JueAmount) { 0, FALSE, TRUE };
  for (guint i = 0; i < n; i++)
    if (parts[i].set)
      {
        total.fen += parts[i].fen;
        total.set = TRUE;
      }
  return total;
}

static JueValue
amount_value (JueAmount a)
{
  if (a.unreadable)
    return undefined (JUE_VALUE_AMOUNT, JUE_UNDEFINED_UNREADABLE);
  return a.set ? value_of (JUE_VALUE_AMOUNT, a.fen)
               : undefined (JUE_VALUE_AMOUNT, JUE_UNDEFINED_BLANK);
}

static JueValue
completion (JueAmount actual,
            JueAmount budget)
{
  if (actual.unreadable || budget.unreadable)
    return undefined (JUE_VALUE_PERCENT, JUE_UNDEFINED_UNREADABLE);
  if (!budget.set || budget.fen == 0)
    return undefined (JUE_VALUE_PERCENT, JUE_UNDEFINED_NO_BUDGET);
  if (!actual.set)
    return undefined (JUE_VALUE_PERCENT, JUE_UNDEFINED_BLANK);
  return value_of (JUE_VALUE_PERCENT, jue_ratio_centi (actual.fen, budget.fen));
}

static JueValue
share (JueAmount part,
       JueAmount total)
{
  if (part.unreadable || total.unreadable)
    return undefined (JUE_VALUE_PERCENT, JUE_UNDEFINED_UNREADABLE);
  if (!part.set)
    return undefined (JUE_VALUE_PERCENT, JUE_UNDEFINED_BLANK);
  if (!total.set || total.fen == 0)
    return undefined (JUE_VALUE_PERCENT, JUE_UNDEFINED_ZERO_TOTAL);
  return value_of (JUE_VALUE_PERCENT, jue_ratio_centi (part.fen, total.fen));
}

static JueValue
change (JueAmount current,
        JueAmount previous)
{
  if (current.unreadable || previous.unreadable)
    return undefined (JUE_VALUE_AMOUNT, JUE_UNDEFINED_UNREADABLE);
  if (!previous.set)
    return undefined (JUE_VALUE_AMOUNT, JUE_UNDEFINED_NO_PREVIOUS);
  if (!current.set)
    return undefined (JUE_VALUE_AMOUNT, JUE_UNDEFINED_BLANK);
  return value_of (JUE_VALUE_AMOUNT, current.fen - previous.fen);
}

/* From a zero base there is no percentage: 上年为0, never "增长100%". */
static JueValue
change_pct (JueAmount current,
            JueAmount previous)
{
  if (current.unreadable || previous.unreadable)
    return undefined (JUE_VALUE_PERCENT, JUE_UNDEFINED_UNREADABLE);
  if (!previous.set)
    return undefined (JUE_VALUE_PERCENT, JUE_UNDEFINED_NO_PREVIOUS);
  if (!current.set)
    return undefined (JUE_VALUE_PERCENT, JUE_UNDEFINED_BLANK);
  if (previous.fen == 0)
    return undefined (JUE_VALUE_PERCENT, JUE_UNDEFINED_PREVIOUS_ZERO);
  return value_of (JUE_VALUE_PERCENT,
                   jue_ratio_centi (current.fen - previous.fen, previous.fen));
}

/* ---- numbers in indicator texts ---------------------------------------- */

/* Decodes one character of s as jue_normalize_input() would see it:
 * full-width ASCII becomes ASCII; anything else non-ASCII is returned as
 * 0x80 ("some other character").  Returns the byte length consumed. */
static inline guint
next_char (const guchar *s,
           int          *c)
{
  if (s[0] < 0x80)
    {
      *c = s[0];
      return 1;
    }
  /* U+FF01…U+FF5E are EF BC 81…BF and EF BD 80…9E. */
  if (s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x81 && s[2] <= 0xBF)
    {
      *c = 0x21 + (s[2] - 0x81);
      return 3;
    }
  if (s[0] == 0xEF && s[1] == 0xBD && s[2] >= 0x80 && s[2] <= 0x9E)
    {
      *c = 0x21 + 0x3F + (s[2] - 0x80);
      return 3;
    }
  *c = 0x80;
  return 1;
}

gboolean
jue_indicator_number (const char *text,
                      gint64     *micro_out)
{
  const guchar *p = (const guchar *) text;
  int c = 0, prev = 0;
  guint n;
  gint64 ip = 0, fp = 0;
  guint fd = 0;
  gboolean neg;

  if (p == NULL)
    return FALSE;
  for (;;)
    {
      if (*p == '\0')
        return FALSE;
      n = next_char (p, &c);
      if (g_ascii_isdigit (c))
        break;
      prev = c;
      p += n;
    }
  neg = prev == '-';
  while (g_ascii_isdigit (c))
    {
      if (ip > G_MAXINT64 / 100000000)
        return FALSE;
      ip = ip * 10 + (c - '0');
      p += n;
      n = *p ? next_char (p, &c) : (c = 0, 0);
    }
  if (c == '.')
    {
      int d;
      const guchar *q = p + n;
      guint m = *q ? next_char (q, &d) : (d = 0, 0);

      while (g_ascii_isdigit (d))
        {
          if (fd < 6)
            {
              fp = fp * 10 + (d - '0');
              fd++;
            }
          q += m;
          m = *q ? next_char (q, &d) : (d = 0, 0);
        }
    }
  for (; fd < 6; fd++)
    fp *= 10;
  *micro_out = (neg ? -1 : 1) * (ip * 1000000 + fp);
  return TRUE;
}

/* ---- sections ---------------------------------------------------------- */

static void
compute_income (JueComputed     *c,
                const JueReport *r)
{
  const JueIncome *in = &r->income;
  JueAmount lines[] = { in->general_budget, in->gov_fund, in->state_capital,
                        in->superior_subsidy, in->business, in->operating,
                        in->affiliated, in->other };
  JueShareComputed *shares[] = { &c->income.general_budget, &c->income.gov_fund,
                                 &c->income.state_capital, &c->income.superior_subsidy,
                                 &c->income.business, &c->income.operating,
                                 &c->income.affiliated, &c->income.other };
  JueAmount total = sum_amounts (lines, G_N_ELEMENTS (lines));
  JueAmount all[] = { total, in->non_fiscal_surplus_used, in->carried_in };
  JueAmount grand = sum_amounts (all, G_N_ELEMENTS (all));

  c->income.total = amount_value (total);
  c->income.grand_total = amount_value (grand);
  c->income.change = change (grand, r->overview.previous_income_total);
  c->income.change_pct = change_pct (grand, r->overview.previous_income_total);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    shares[i]->share = share (lines[i], total);
}

static void
compute_expenditure (JueComputed     *c,
                     const JueReport *r)
{
  const JueExpenditure *ex = &r->expenditure;
  JueAmount lines[] = { ex->basic, ex->project, ex->to_superior, ex->operating,
                        ex->affiliated_subsidy };
  JueShareComputed *shares[] = { &c->expenditure.basic, &c->expenditure.project,
                                 &c->expenditure.to_superior, &c->expenditure.operating,
                                 &c->expenditure.affiliated_subsidy };
  JueAmount total = sum_amounts (lines, G_N_ELEMENTS (lines));
  JueAmount all[] = { total, ex->surplus_distribution, ex->carried_out };
  JueAmount grand = sum_amounts (all, G_N_ELEMENTS (all));

  c->expenditure.total = amount_value (total);
  c->expenditure.grand_total = amount_value (grand);
  c->expenditure.change = change (grand, r->overview.previous_expenditure_total);
  c->expenditure.change_pct = change_pct (grand, r->overview.previous_expenditure_total);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    shares[i]->share = share (lines[i], total);

  c->balance.difference = value_of (JUE_VALUE_AMOUNT,
                                    c->income.grand_total.value - c->expenditure.grand_total.value);
}

static void
compute_appropriation (JueComputed     *c,
                       const JueReport *r)
{
  const JueAppropriation *ap = &r->appropriation;
  JueAppropriationComputed *o = &c->appropriation;
  JueAmount in[] = { ap->income_general_budget, ap->income_gov_fund, ap->income_state_capital };
  JueAmount out[] = { ap->expenditure_general_budget, ap->expenditure_gov_fund,
                      ap->expenditure_state_capital };
  JueAmount in_total = sum_amounts (in, 3), out_total = sum_amounts (out, 3);
  JueAmount in_all[] = { in_total, ap->carried_in };
  JueAmount out_all[] = { out_total, ap->carried_out };
  JueAmount bp[] = { ap->general_budget_basic, ap->general_budget_project };
  JueAmount out_grand = sum_amounts (out_all, 2);
  JueAmount exp_total = { c->expenditure.total.value, c->expenditure.total.defined };

  o->income_total = amount_value (in_total);
  o->income_grand_total = amount_value (sum_amounts (in_all, 2));
  o->expenditure_total = amount_value (out_total);
  o->expenditure_grand_total = amount_value (out_grand);
  o->basic_project_total = amount_value (sum_amounts (bp, 2));
  o->change = change (out_grand, ap->previous_total);
  o->change_pct = change_pct (out_grand, ap->previous_total);
  o->general_budget.change = change (ap->expenditure_general_budget, ap->previous_general_budget);
  o->general_budget.change_pct = change_pct (ap->expenditure_general_budget,
                                             ap->previous_general_budget);
  o->general_budget.share = share (ap->expenditure_general_budget, exp_total);
  o->general_budget_basic.share = share (ap->general_budget_basic, ap->expenditure_general_budget);
  o->general_budget_project.share = share (ap->general_budget_project,
                                           ap->expenditure_general_budget);
}

/* ---- sums that keep blank and unreadable apart ------------------------- */

/* An accumulator: value the sum of the parts typed, defined once one was,
 * reason UNREADABLE once one could not be read. */
static inline JueValue
acc_new (void)
{
  JueValue v = { 0, JUE_VALUE_AMOUNT, JUE_UNDEFINED_NONE, FALSE };
  return v;
}

static inline void
acc_add (JueValue *v,
         JueAmount a)
{
  if (a.unreadable)
    v->reason = JUE_UNDEFINED_UNREADABLE;
  else if (a.set)
    {
      v->value += a.fen;
      v->defined = TRUE;
    }
}

static inline void
acc_add_value (JueValue       *v,
               const JueValue *part)
{
  if (part->reason == JUE_UNDEFINED_UNREADABLE)
    v->reason = JUE_UNDEFINED_UNREADABLE;
  else if (part->defined)
    {
      v->value += part->value;
      v->defined = TRUE;
    }
}

/* blank when nothing was typed, unknown when a part cannot be read */
static inline void
acc_finish (JueValue *v)
{
  if (v->reason == JUE_UNDEFINED_UNREADABLE)
    *v = undefined (JUE_VALUE_AMOUNT, JUE_UNDEFINED_UNREADABLE);
  else if (!v->defined)
    *v = undefined (JUE_VALUE_AMOUNT, JUE_UNDEFINED_BLANK);
}

/* A typed whole minus its parts typed so far (未分项): a blank part is not
 * known yet, so the rest of the whole is still unsplit.  Blank when the
 * whole is; unknown when the whole or a part cannot be read. */
static JueValue
remainder_of (JueAmount       whole,
              const JueValue *parts,
              guint           n)
{
  gint64 rest;

  if (whole.unreadable)
    return undefined (JUE_VALUE_AMOUNT, JUE_UNDEFINED_UNREADABLE);
  for (guint i = 0; i < n; i++)
    if (parts[i].reason == JUE_UNDEFINED_UNREADABLE)
      return undefined (JUE_VALUE_AMOUNT, JUE_UNDEFINED_UNREADABLE);
  if (!whole.set)
    return undefined (JUE_VALUE_AMOUNT, JUE_UNDEFINED_BLANK);
  rest = whole.fen;
  for (guint i = 0; i < n; i++)
    if (parts[i].defined)
      rest -= parts[i].value;
  return value_of (JUE_VALUE_AMOUNT, rest);
}

static JueValue
split_remainder (JueAmount whole,
                 JueAmount basic,
                 JueAmount project)
{
  JueValue parts[2] = { acc_new (), acc_new () };

  acc_add (&parts[0], basic);
  acc_add (&parts[1], project);
  return remainder_of (whole, parts, 2);
}

/* How many leading ASCII digits code has (at most 8). */
static guint
code_digits (const char *code)
{
  guint n = 0;

  while (code && n < 8 && g_ascii_isdigit (code[n]))
    n++;
  return n;
}

/* The 类 (level 1) or 款 (level 2, under the 类 subtotal parent) subtotal
 * a row belongs to: by code (its first 3 or 5 digits) when both the row and
 * the subtotal have one, else by name, so that a list coded only in part
 * (the sample: the built-in classification lacks most of 206) still gets
 * one subtotal per 类 and 款.  Added at the end when new (order of first
 * appearance).  G_MAXUINT when the row has neither code nor name. */
static guint
subtotal_index (GArray     *subs,
                guint       level,
                guint       parent,
                const char *code,
                const char *name,
                guint       n_columns)
{
  guint len = level == 1 ? 3 : 5;
  char key[8] = "";
  JueSubtotalComputed s;

  if (code_digits (code) >= len)
    {
      memcpy (key, code, len);
      key[len] = '\0';
    }
  if (name && !*name)
    name = NULL;
  if (!key[0] && name == NULL)
    return G_MAXUINT;
  for (guint k = 0; k < subs->len; k++)
    {
      JueSubtotalComputed *e = &g_array_index (subs, JueSubtotalComputed, k);

      if (e->level.value != (gint64) level || (level == 2 && e->parent.value != (gint64) parent))
        continue;
      if (key[0] && e->code[0])
        {
          if (strcmp (key, e->code) == 0)
            return k;
        }
      else if (name && e->name && strcmp (name, e->name) == 0)
        return k;
    }
  memset (&s, 0, sizeof s);
  s.code_value = undefined (JUE_VALUE_COUNT, JUE_UNDEFINED_BLANK);
  s.level = value_of (JUE_VALUE_COUNT, level);
  s.parent = level == 2 ? value_of (JUE_VALUE_COUNT, parent)
                        : undefined (JUE_VALUE_COUNT, JUE_UNDEFINED_BLANK);
  s.rows = value_of (JUE_VALUE_COUNT, 0);
  for (guint c = 0; c < n_columns; c++)
    s.v[c] = acc_new ();
  g_array_append_val (subs, s);
  return subs->len - 1;
}

/* Adds a row's figures to its 类 subtotal and (with_kuan) its 款 subtotal;
 * the indices go to class_out and kuan_out (undefined when none). */
static void
add_to_subtotals (GArray         *subs,
                  const char     *code,
                  const char     *class_name,
                  const char     *kuan_name,
                  gboolean        with_kuan,
                  const JueValue *values,
                  guint           n_columns,
                  JueValue       *class_out,
                  JueValue       *kuan_out)
{
  guint parent = G_MAXUINT;

  for (guint level = 1; level <= 2; level++)
    {
      JueValue *out = level == 1 ? class_out : kuan_out;
      const char *name = level == 1 ? class_name : kuan_name;
      guint k = G_MAXUINT;

      if (level == 1 || (with_kuan && parent != G_MAXUINT))
        k = subtotal_index (subs, level, parent, code, name, n_columns);
      if (out)
        *out = k == G_MAXUINT ? undefined (JUE_VALUE_COUNT, JUE_UNDEFINED_BLANK)
                              : value_of (JUE_VALUE_COUNT, k);
      if (k == G_MAXUINT)
        continue;
      {
        JueSubtotalComputed *s = &g_array_index (subs, JueSubtotalComputed, k);
        guint len = level == 1 ? 3 : 5;

        if (!s->code[0] && code_digits (code) >= len)
          {
            memcpy (s->code, code, len);
            s->code[len] = '\0';
            s->code_value = value_of (JUE_VALUE_COUNT, g_ascii_strtoll (s->code, NULL, 10));
          }
        if (s->name == NULL && name && *name)
          s->name = name;
        s->rows.value++;
        for (guint c = 0; c < n_columns; c++)
          acc_add_value (&s->v[c], &values[c]);
      }
      if (level == 1)
        parent = k;
    }
}

static void
finish_subtotals (GArray *subs,
                  guint   n_columns)
{
  for (guint k = 0; k < subs->len; k++)
    for (guint c = 0; c < n_columns; c++)
      acc_finish (&g_array_index (subs, JueSubtotalComputed, k).v[c]);
}

static inline JueValue
acc_of (JueAmount a)
{
  JueValue v = acc_new ();

  acc_add (&v, a);
  return v;
}

static void
class_key_of (const JueFunctionalRow *row,
              char                    code3[8])
{
  const char *code = row->code;

  code3[0] = '\0';
  if (code && g_ascii_isdigit (code[0]) && g_ascii_isdigit (code[1]) &&
      g_ascii_isdigit (code[2]))
    {
      memcpy (code3, code, 3);
      code3[3] = '\0';
    }
}

static gboolean
class_matches (const JueFunctionalClassComputed *cls,
               const char                       *code3,
               const char                       *name)
{
  if (code3[0] && cls->code[0] && strcmp (code3, cls->code) == 0)
    return TRUE;
  return name && *name && cls->name && strcmp (name, cls->name) == 0;
}

static guint
find_or_add_class (GArray                 *classes,
                   const JueFunctionalRow *row)
{
  char code3[8];
  JueFunctionalClassComputed *cls;
  guint k;

  class_key_of (row, code3);
  for (k = 0; k < classes->len; k++)
    {
      cls = &g_array_index (classes, JueFunctionalClassComputed, k);
      if (class_matches (cls, code3, row->class_name))
        break;
    }
  if (k == classes->len)
    {
      JueFunctionalClassComputed blank = { { 0 }, NULL,
        { 0, JUE_VALUE_AMOUNT, 0, TRUE }, { 0, JUE_VALUE_AMOUNT, 0, TRUE },
        { 0 }, { 0 }, { 0, JUE_VALUE_COUNT, 0, TRUE } };
      g_array_append_val (classes, blank);
    }
  cls = &g_array_index (classes, JueFunctionalClassComputed, k);
  if (!cls->code[0] && code3[0])
    memcpy (cls->code, code3, sizeof code3);
  if ((cls->name == NULL || !*cls->name) && row->class_name && *row->class_name)
    cls->name = row->class_name;
  return k;
}

static void
compute_functional (JueComputed     *c,
                    const JueReport *r)
{
  GPtrArray *rows = r->functional;
  JueAmount budget = { 0, FALSE }, actual = { 0, FALSE };

  g_array_set_size (c->functional, rows->len);
  g_array_set_size (c->functional_classes, 0);

  for (guint i = 0; i < rows->len; i++)
    {
      const JueFunctionalRow *row = rows->pdata[i];
      JueAmount pair_b[] = { budget, row->budget }, pair_a[] = { actual, row->actual };
      guint k = find_or_add_class (c->functional_classes, row);
      JueFunctionalClassComputed *cls = &g_array_index (c->functional_classes,
                                                        JueFunctionalClassComputed, k);

      budget = sum_amounts (pair_b, 2);
      actual = sum_amounts (pair_a, 2);
      cls->budget.value += jue_amount_fen (row->budget);
      cls->actual.value += jue_amount_fen (row->actual);
      /* reason marks a class holding a row that cannot be read */
      if (row->budget.unreadable)
        cls->budget.reason = JUE_UNDEFINED_UNREADABLE;
      if (row->actual.unreadable)
        cls->actual.reason = JUE_UNDEFINED_UNREADABLE;
      cls->rows.value++;
      g_array_index (c->functional, JueFunctionalRowComputed, i).class_index =
        value_of (JUE_VALUE_COUNT, k);
    }

  c->functional_total.budget = amount_value (budget);
  c->functional_total.actual = amount_value (actual);
  c->functional_total.completion = completion (actual, budget);
  c->functional_total.basic = acc_new ();
  c->functional_total.project = acc_new ();
  c->functional_total.budget_initial = acc_new ();
  g_array_set_size (c->functional_subtotals, 0);

  for (guint i = 0; i < rows->len; i++)
    {
      const JueFunctionalRow *row = rows->pdata[i];
      JueFunctionalRowComputed *o = &g_array_index (c->functional, JueFunctionalRowComputed, i);
      JueValue v[JUE_FUNCTIONAL_SUBTOTAL_COLUMNS] = {
        acc_of (row->budget), acc_of (row->actual), acc_of (row->basic), acc_of (row->project),
        acc_of (row->budget_initial) };

      o->share = share (row->actual, actual);
      o->completion = completion (row->actual, row->budget);
      o->unsplit = split_remainder (row->actual, row->basic, row->project);
      acc_add (&c->functional_total.basic, row->basic);
      acc_add (&c->functional_total.project, row->project);
      acc_add (&c->functional_total.budget_initial, row->budget_initial);
      add_to_subtotals (c->functional_subtotals, row->code, row->class_name, row->kuan_name,
                        TRUE, v, JUE_FUNCTIONAL_SUBTOTAL_COLUMNS, &o->class_subtotal,
                        &o->kuan_subtotal);
    }
  finish_subtotals (c->functional_subtotals, JUE_FUNCTIONAL_SUBTOTAL_COLUMNS);
  {
    JueValue parts[2] = { c->functional_total.basic, c->functional_total.project };
    c->functional_total.unsplit = remainder_of (actual, parts, 2);
  }
  acc_finish (&c->functional_total.basic);
  acc_finish (&c->functional_total.project);
  acc_finish (&c->functional_total.budget_initial);
  for (guint k = 0; k < c->functional_classes->len; k++)
    {
      JueFunctionalClassComputed *cls = &g_array_index (c->functional_classes,
                                                        JueFunctionalClassComputed, k);
      JueAmount b = { cls->budget.value, TRUE, FALSE }, a = { cls->actual.value, TRUE, FALSE };

      if (cls->budget.reason == JUE_UNDEFINED_UNREADABLE)
        {
          b = (JueAmount) { 0, FALSE, TRUE };
          cls->budget = undefined (JUE_VALUE_AMOUNT, JUE_UNDEFINED_UNREADABLE);
        }
      if (cls->actual.reason == JUE_UNDEFINED_UNREADABLE)
        {
          a = (JueAmount) { 0, FALSE, TRUE };
          cls->actual = undefined (JUE_VALUE_AMOUNT, JUE_UNDEFINED_UNREADABLE);
        }

      cls->share = share (a, actual);
      cls->completion = completion (a, b);
    }
}

/* ---- accounts: 表2 and 表3 by functional 项 ------------------------------ */

static void
compute_accounts (JueComputed     *c,
                  const JueReport *r)
{
  GPtrArray *rows = r->accounts;

  g_array_set_size (c->accounts, rows->len);
  g_array_set_size (c->accounts_subtotals, 0);
  for (guint k = 0; k < JUE_ACCOUNT_N_COLUMNS; k++)
    c->accounts_total.v[k] = acc_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      const JueAccountRow *row = rows->pdata[i];
      JueAccountRowComputed *o = &g_array_index (c->accounts, JueAccountRowComputed, i);
      const JueAmount cols[] = {
        row->income_appropriation, row->income_superior, row->income_business,
        row->income_operating, row->income_affiliated, row->income_other,
        row->exp_basic, row->exp_project, row->exp_to_superior, row->exp_operating,
        row->exp_affiliated,
      };
      JueValue v[JUE_ACCOUNT_N_COLUMNS];

      G_STATIC_ASSERT (G_N_ELEMENTS (cols) == JUE_ACCOUNT_INCOME_TOTAL);
      o->income_total = acc_new ();
      o->exp_total = acc_new ();
      for (guint k = 0; k < G_N_ELEMENTS (cols); k++)
        {
          v[k] = acc_of (cols[k]);
          acc_add (k <= JUE_ACCOUNT_INCOME_OTHER ? &o->income_total : &o->exp_total, cols[k]);
        }
      acc_finish (&o->income_total);
      acc_finish (&o->exp_total);
      v[JUE_ACCOUNT_INCOME_TOTAL] = o->income_total;
      v[JUE_ACCOUNT_EXP_TOTAL] = o->exp_total;
      for (guint k = 0; k < JUE_ACCOUNT_N_COLUMNS; k++)
        acc_add_value (&c->accounts_total.v[k], &v[k]);
      add_to_subtotals (c->accounts_subtotals, row->code, row->class_name, row->kuan_name,
                        TRUE, v, JUE_ACCOUNT_N_COLUMNS, &o->class_subtotal, &o->kuan_subtotal);
    }
  for (guint k = 0; k < JUE_ACCOUNT_N_COLUMNS; k++)
    acc_finish (&c->accounts_total.v[k]);
  finish_subtotals (c->accounts_subtotals, JUE_ACCOUNT_N_COLUMNS);
}

/* ---- economic: 表6 ------------------------------------------------------ */

/* Whether another row's code goes on from code (a 类 row with 款 rows). */
static gboolean
has_rows_under (GPtrArray  *rows,
                const char *code,
                guint       digits)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const JueEconomicRow *other = rows->pdata[i];

      if (code_digits (other->code) > digits && strncmp (other->code, code, digits) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
compute_economic (JueComputed     *c,
                  const JueReport *r)
{
  GPtrArray *rows = r->economic;
  JueEconomicComputed *o = &c->economic_total;
  JueValue blocks[2];

  g_array_set_size (c->economic, rows->len);
  g_array_set_size (c->economic_subtotals, 0);
  o->personnel = acc_new ();
  o->public = acc_new ();
  o->actual = acc_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      const JueEconomicRow *row = rows->pdata[i];
      JueEconomicRowComputed *e = &g_array_index (c->economic, JueEconomicRowComputed, i);
      guint digits = code_digits (row->code);
      gboolean personnel = digits >= 3 && (strncmp (row->code, "301", 3) == 0 ||
                                           strncmp (row->code, "303", 3) == 0);
      gboolean counted = digits >= 3 && !has_rows_under (rows, row->code, digits);

      e->block = value_of (JUE_VALUE_COUNT, digits < 3 ? 0 : personnel ? 1 : 2);
      e->counted = value_of (JUE_VALUE_COUNT, counted);
      e->class_subtotal = undefined (JUE_VALUE_COUNT, JUE_UNDEFINED_BLANK);
      if (digits < 3)
        continue;
      {
        /* 类 by code only; a 类 row over its 款 rows names the subtotal and
         * is not added (its 款 rows are) */
        JueValue v = counted ? acc_of (row->actual) : acc_new ();
        add_to_subtotals (c->economic_subtotals, row->code, NULL, NULL, FALSE, &v, 1,
                          &e->class_subtotal, NULL);
        if (digits == 3)
          {
            JueSubtotalComputed *s = &g_array_index (c->economic_subtotals, JueSubtotalComputed,
                                                     e->class_subtotal.value);
            s->name = row->name && *row->name ? row->name : s->name;
            if (!counted)
              s->rows.value--;
          }
        if (!counted)
          continue;
        acc_add_value (personnel ? &o->personnel : &o->public, &v);
        acc_add_value (&o->actual, &v);
      }
    }
  acc_finish (&o->personnel);
  acc_finish (&o->public);
  acc_finish (&o->actual);
  finish_subtotals (c->economic_subtotals, 1);
  blocks[0] = acc_new ();
  acc_add_value (&blocks[0], &o->personnel);
  blocks[1] = acc_new ();
  acc_add_value (&blocks[1], &o->public);
  o->unsplit_personnel = remainder_of (r->basic.personnel, &blocks[0], 1);
  o->unsplit_public = remainder_of (r->basic.public, &blocks[1], 1);
}

static void
compute_basic (JueComputed     *c,
               const JueReport *r)
{
  JueAmount parts[] = { r->basic.personnel, r->basic.public };
  JueAmount total = sum_amounts (parts, 2);

  c->basic.total = amount_value (total);
  c->basic.personnel.share = share (r->basic.personnel, total);
  c->basic.public.share = share (r->basic.public, total);
}

static void
compute_item (JueThreePublicItemComputed *o,
              JueAmount                   budget,
              JueAmount                   actual,
              JueAmount                   previous,
              JueAmount                   whole)
{
  o->completion = completion (actual, budget);
  o->change = change (actual, previous);
  o->change_pct = change_pct (actual, previous);
  o->share = share (actual, whole);
}

static void
compute_three_public (JueComputed     *c,
                      const JueReport *r)
{
  const JueThreePublic *tp = &r->three_public;
  JueThreePublicComputed *o = &c->three_public;
  JueAmount b[] = { tp->abroad.budget, tp->vehicle.budget, tp->reception.budget };
  JueAmount a[] = { tp->abroad.actual, tp->vehicle.actual, tp->reception.actual };
  JueAmount p[] = { tp->abroad.previous, tp->vehicle.previous, tp->reception.previous };
  JueAmount budget = sum_amounts (b, 3), actual = sum_amounts (a, 3);
  JueAmount previous = sum_amounts (p, 3);

  o->total.budget = amount_value (budget);
  o->total.actual = amount_value (actual);
  o->total.previous = previous.set ? amount_value (previous)
                                   : undefined (JUE_VALUE_AMOUNT, JUE_UNDEFINED_NO_PREVIOUS);
  o->total.completion = completion (actual, budget);
  o->total.change = change (actual, previous);
  o->total.change_pct = change_pct (actual, previous);

  compute_item (&o->abroad, tp->abroad.budget, tp->abroad.actual, tp->abroad.previous, actual);
  compute_item (&o->vehicle, tp->vehicle.budget, tp->vehicle.actual, tp->vehicle.previous, actual);
  compute_item (&o->reception, tp->reception.budget, tp->reception.actual,
                tp->reception.previous, actual);
  compute_item (&o->vehicle_purchase, tp->vehicle.purchase.budget, tp->vehicle.purchase.actual,
                tp->vehicle.purchase.previous, tp->vehicle.actual);
  compute_item (&o->vehicle_operation, tp->vehicle.operation.budget,
                tp->vehicle.operation.actual, tp->vehicle.operation.previous,
                tp->vehicle.actual);

  o->vehicle_count = value_of (JUE_VALUE_COUNT,
                               tp->vehicle.sedans.value * tp->vehicle.sedans.set +
                               tp->vehicle.suvs.value * tp->vehicle.suvs.set +
                               tp->vehicle.buses.value * tp->vehicle.buses.set);
  o->reception_batches = value_of (JUE_VALUE_COUNT,
                                   tp->reception.domestic.batches.value * tp->reception.domestic.batches.set +
                                   tp->reception.foreign.batches.value * tp->reception.foreign.batches.set);
  o->reception_persons = value_of (JUE_VALUE_COUNT,
                                   tp->reception.domestic.persons.value * tp->reception.domestic.persons.set +
                                   tp->reception.foreign.persons.value * tp->reception.foreign.persons.set);
}

static void
compute_fund (JueFundComputed *o,
              const JueFund   *f)
{
  JueAmount budget = { 0, FALSE }, actual = { 0, FALSE };

  g_array_set_size (o->rows, f->rows->len);
  g_array_set_size (o->subtotals, 0);
  o->rows_carried_in = acc_new ();
  o->rows_income = acc_new ();
  o->rows_basic = acc_new ();
  o->rows_project = acc_new ();
  o->rows_carried_out = acc_new ();
  for (guint i = 0; i < f->rows->len; i++)
    {
      const JueFundRow *row = f->rows->pdata[i];
      JueAmount pb[] = { budget, row->budget }, pa[] = { actual, row->actual };
      JueFundRowComputed *rc = &g_array_index (o->rows, JueFundRowComputed, i);
      JueValue v[JUE_FUND_SUBTOTAL_COLUMNS] = {
        acc_of (row->budget), acc_of (row->carried_in), acc_of (row->income),
        acc_of (row->actual), acc_of (row->basic), acc_of (row->project),
        acc_of (row->carried_out) };

      budget = sum_amounts (pb, 2);
      actual = sum_amounts (pa, 2);
      rc->completion = completion (row->actual, row->budget);
      rc->unsplit = split_remainder (row->actual, row->basic, row->project);
      acc_add (&o->rows_carried_in, row->carried_in);
      acc_add (&o->rows_income, row->income);
      acc_add (&o->rows_basic, row->basic);
      acc_add (&o->rows_project, row->project);
      acc_add (&o->rows_carried_out, row->carried_out);
      add_to_subtotals (o->subtotals, row->code, NULL, NULL, TRUE, v, JUE_FUND_SUBTOTAL_COLUMNS,
                        &rc->class_subtotal, &rc->kuan_subtotal);
    }
  finish_subtotals (o->subtotals, JUE_FUND_SUBTOTAL_COLUMNS);
  acc_finish (&o->rows_carried_in);
  acc_finish (&o->rows_income);
  acc_finish (&o->rows_basic);
  acc_finish (&o->rows_project);
  acc_finish (&o->rows_carried_out);
  o->rows_budget = amount_value (budget);
  o->rows_actual = amount_value (actual);
  o->change = change (f->expenditure, f->previous);
  o->change_pct = change_pct (f->expenditure, f->previous);
}

static gint64
count_of (JueInteger i)
{
  return i.set ? i.value : 0;
}

static void
compute_other (JueComputed     *c,
               const JueReport *r)
{
  const JueOther *ot = &r->other;
  const JueAssets *as = &ot->assets;
  JueAmount parts[] = { ot->procurement.goods, ot->procurement.works, ot->procurement.services };
  JueAmount total = sum_amounts (parts, 3);

  c->other.operating_cost_change = change (ot->operating_cost, ot->operating_cost_previous);
  c->other.operating_cost_change_pct = change_pct (ot->operating_cost,
                                                   ot->operating_cost_previous);
  c->other.procurement_total = amount_value (total);
  c->other.procurement_sme_share = share (ot->procurement.sme, total);
  c->other.procurement_small_micro_share = share (ot->procurement.small_micro, total);
  c->other.vehicles_total = value_of (JUE_VALUE_COUNT,
                                      count_of (as->vehicles_leader) +
                                      count_of (as->vehicles_confidential) +
                                      count_of (as->vehicles_emergency) +
                                      count_of (as->vehicles_law_enforcement) +
                                      count_of (as->vehicles_special) +
                                      count_of (as->vehicles_other));
}

/* ---- scoring ----------------------------------------------------------- */

typedef enum { NATURE_GE, NATURE_LE, NATURE_EQ, NATURE_QUALITATIVE } Nature;

static Nature
nature_of (const char *s)
{
  if (s == NULL)
    return NATURE_QUALITATIVE;
  if (strcmp (s, "≥") == 0 || strcmp (s, ">=") == 0)
    return NATURE_GE;
  if (strcmp (s, "≤") == 0 || strcmp (s, "<=") == 0)
    return NATURE_LE;
  if (strcmp (s, "=") == 0)
    return NATURE_EQ;
  return NATURE_QUALITATIVE;
}

static void
read_indicator_numbers (JueIndicatorComputed *o,
                        const JueIndicator   *ind)
{
  o->has_target = jue_indicator_number (ind->target, &o->target_micro);
  o->has_actual = jue_indicator_number (ind->actual, &o->actual_micro);
  if (!o->has_target)
    o->target_micro = 0;
  if (!o->has_actual)
    o->actual_micro = 0;
}

static gboolean
blank_text (const char *s)
{
  for (; s && *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* DOMAIN.md "Scoring": met → full weight; ≥ missed → weight × actual /
 * target; ≤ missed → weight × target / actual; = → full only when equal;
 * 定性 → the grade, a percentage of the weight, blank counting as full
 * weight.  A ≥ ≤ = row that cannot be scored — no actual, or a word where
 * a figure is expected (完成, 满意) — gets 0 points (its grade, if the
 * reviewer gave one, for the word) and counts as unscored. */
static void
score_indicator (JueIndicatorComputed *o,
                 const JueIndicator   *ind)
{
  gint64 w = ind->weight.set ? ind->weight.centi : 0;
  gint64 t = o->target_micro, a = o->actual_micro;
  Nature nature = nature_of (ind->nature);
  gint64 score;
  gboolean met;

  o->graded = ind->grade.set;
  o->ungraded = FALSE;
  o->unscored = FALSE;
  if (nature != NATURE_QUALITATIVE && o->has_target && blank_text (ind->actual))
    {
      o->status = JUE_INDICATOR_NO_ACTUAL;
      o->unscored = TRUE;
      score = 0;
    }
  else if (nature != NATURE_QUALITATIVE && o->has_target && o->has_actual)
    {
      switch (nature)
        {
        case NATURE_GE:
          met = a >= t;
          score = met ? w : (t > 0 && a > 0 ? mul_div (w, a, t) : 0);
          break;
        case NATURE_LE:
          met = a <= t;
          score = met ? w : (t > 0 ? mul_div (w, t, a) : 0);
          break;
        default:
          met = a == t;
          score = met ? w : 0;
          break;
        }
      o->status = met ? JUE_INDICATOR_MET : JUE_INDICATOR_MISSED;
    }
  else
    {
      o->status = nature == NATURE_QUALITATIVE ? JUE_INDICATOR_QUALITATIVE
                                               : JUE_INDICATOR_NOT_NUMERIC;
      if (o->graded)
        score = mul_div (w, CLAMP (ind->grade.centi, 0, 10000), 10000);
      else if (nature != NATURE_QUALITATIVE)
        {
          score = 0;
          o->unscored = TRUE;
        }
      else
        {
          score = w;
          /* a row whose nature is not typed yet is not a 定性 row */
          o->ungraded = ind->nature != NULL && *ind->nature != '\0';
        }
    }
  o->score = value_of (JUE_VALUE_POINTS, score);
}

static void
compute_eval (JueEvalComputed *o,
              GPtrArray       *indicators,
              JuePercent       template_total,
              JuePercent       self_score,
              JueAmount        executed,
              JueAmount        budget,
              gboolean         reparse)
{
  gint64 weights = 0, points = 0, ungraded = 0, unscored = 0, exec_points;

  if (o->indicators->len != indicators->len)
    {
      g_array_set_size (o->indicators, indicators->len);
      reparse = TRUE;
    }
  for (guint i = 0; i < indicators->len; i++)
    {
      const JueIndicator *ind = indicators->pdata[i];
      JueIndicatorComputed *ic = &g_array_index (o->indicators, JueIndicatorComputed, i);

      if (reparse)
        read_indicator_numbers (ic, ind);
      score_indicator (ic, ind);
      weights += ind->weight.set ? ind->weight.centi : 0;
      points += ic->score.value;
      ungraded += ic->ungraded;
      unscored += ic->unscored;
    }

  o->weight_total = value_of (JUE_VALUE_POINTS, weights);
  o->template_total = value_of (JUE_VALUE_POINTS, template_total.set
                                ? template_total.centi : JUE_DEFAULT_TEMPLATE_TOTAL_CENTI);
  /* Budget execution carries what the template leaves of 100: 10 points
   * beside a 90 template, none beside a 100 one (附件8). */
  exec_points = CLAMP (10000 - o->template_total.value, 0, 10000);
  o->execution_rate = completion (executed, budget);
  if (o->execution_rate.defined)
    o->execution_score = value_of (JUE_VALUE_POINTS,
                                   CLAMP (mul_div (exec_points, executed.fen, budget.fen),
                                          0, exec_points));
  else
    o->execution_score = undefined (JUE_VALUE_POINTS, o->execution_rate.reason);
  o->indicator_score = value_of (JUE_VALUE_POINTS, points);
  o->score = value_of (JUE_VALUE_POINTS, points + o->execution_score.value);
  o->score_gap = self_score.set ? value_of (JUE_VALUE_POINTS, o->score.value - self_score.centi)
                                : undefined (JUE_VALUE_POINTS, JUE_UNDEFINED_NO_SELF_SCORE);
  o->ungraded = value_of (JUE_VALUE_COUNT, ungraded);
  o->unscored = value_of (JUE_VALUE_COUNT, unscored);
}

static void
eval_init (JueEvalComputed *e)
{
  memset (e, 0, sizeof *e);
  e->indicators = g_array_new (FALSE, TRUE, sizeof (JueIndicatorComputed));
}

static void
eval_clear (gpointer data)
{
  JueEvalComputed *e = data;

  g_clear_pointer (&e->indicators, g_array_unref);
}

/* ---- the whole pass ----------------------------------------------------- */

JueComputed *
jue_computed_new (void)
{
  JueComputed *c = g_new0 (JueComputed, 1);

  c->functional = g_array_new (FALSE, TRUE, sizeof (JueFunctionalRowComputed));
  c->functional_classes = g_array_new (FALSE, TRUE, sizeof (JueFunctionalClassComputed));
  c->functional_subtotals = g_array_new (FALSE, TRUE, sizeof (JueSubtotalComputed));
  c->accounts = g_array_new (FALSE, TRUE, sizeof (JueAccountRowComputed));
  c->accounts_subtotals = g_array_new (FALSE, TRUE, sizeof (JueSubtotalComputed));
  c->economic = g_array_new (FALSE, TRUE, sizeof (JueEconomicRowComputed));
  c->economic_subtotals = g_array_new (FALSE, TRUE, sizeof (JueSubtotalComputed));
  c->gov_fund.rows = g_array_new (FALSE, TRUE, sizeof (JueFundRowComputed));
  c->state_capital.rows = g_array_new (FALSE, TRUE, sizeof (JueFundRowComputed));
  c->gov_fund.subtotals = g_array_new (FALSE, TRUE, sizeof (JueSubtotalComputed));
  c->state_capital.subtotals = g_array_new (FALSE, TRUE, sizeof (JueSubtotalComputed));
  eval_init (&c->dept_eval);
  c->special_funds = g_array_new (FALSE, TRUE, sizeof (JueEvalComputed));
  g_array_set_clear_func (c->special_funds, eval_clear);
  return c;
}

void
jue_computed_free (JueComputed *c)
{
  if (c == NULL)
    return;
  g_array_unref (c->functional);
  g_array_unref (c->functional_classes);
  g_array_unref (c->functional_subtotals);
  g_array_unref (c->accounts);
  g_array_unref (c->accounts_subtotals);
  g_array_unref (c->economic);
  g_array_unref (c->economic_subtotals);
  g_array_unref (c->gov_fund.subtotals);
  g_array_unref (c->state_capital.subtotals);
  g_array_unref (c->gov_fund.rows);
  g_array_unref (c->state_capital.rows);
  eval_clear (&c->dept_eval);
  g_array_unref (c->special_funds);
  g_free (c);
}

/* Which indicator texts must be read again: all, none, or one. */
typedef struct {
  gboolean all;
  gint     eval;       /* -1 dept_eval, k special_funds[k], G_MININT none */
  gint     indicator;
} Reparse;

static void
compute_all (JueComputed     *c,
             const JueReport *r,
             const Reparse   *rp)
{
  GPtrArray *funds = r->special_funds;
  gboolean resized = c->special_funds->len != funds->len;

  compute_income (c, r);
  compute_expenditure (c, r);
  compute_appropriation (c, r);
  compute_functional (c, r);
  compute_accounts (c, r);
  compute_basic (c, r);
  compute_economic (c, r);
  compute_three_public (c, r);
  compute_fund (&c->gov_fund, &r->gov_fund);
  compute_fund (&c->state_capital, &r->state_capital);
  compute_other (c, r);

  if (!rp->all && rp->eval == -1)
    read_indicator_numbers (&g_array_index (c->dept_eval.indicators, JueIndicatorComputed,
                                            rp->indicator),
                            r->dept_eval.indicators->pdata[rp->indicator]);
  compute_eval (&c->dept_eval, r->dept_eval.indicators, r->dept_eval.template_total,
                r->dept_eval.self_score, r->dept_eval.budget_executed,
                r->dept_eval.budget_adjusted, rp->all);

  while (c->special_funds->len < funds->len)
    {
      JueEvalComputed e;
      eval_init (&e);
      g_array_append_val (c->special_funds, e);
    }
  if (c->special_funds->len > funds->len)
    g_array_set_size (c->special_funds, funds->len);

  for (guint k = 0; k < funds->len; k++)
    {
      const JueSpecialFund *sf = funds->pdata[k];
      JueEvalComputed *e = &g_array_index (c->special_funds, JueEvalComputed, k);

      if (!rp->all && rp->eval == (gint) k)
        read_indicator_numbers (&g_array_index (e->indicators, JueIndicatorComputed,
                                                rp->indicator),
                                sf->indicators->pdata[rp->indicator]);
      compute_eval (e, sf->indicators, sf->template_total, sf->self_score,
                    sf->funds_executed, sf->funds_total, rp->all || resized);
    }
}

void
jue_computed_update (JueComputed     *c,
                     const JueReport *r)
{
  Reparse rp = { TRUE, G_MININT, 0 };

  compute_all (c, r, &rp);
}

/* Parses "dept_eval.indicators[I].FIELD" or
 * "special_funds[K].indicators[I].FIELD"; FIELD is returned. */
static const char *
indicator_of_path (const char *path,
                   gint       *eval,
                   gint       *index)
{
  const char *p;
  char *end;

  if (g_str_has_prefix (path, "dept_eval.indicators["))
    {
      *eval = -1;
      p = path + strlen ("dept_eval.indicators[");
    }
  else if (g_str_has_prefix (path, "special_funds["))
    {
      *eval = (gint) g_ascii_strtoll (path + strlen ("special_funds["), &end, 10);
      if (!g_str_has_prefix (end, "].indicators["))
        return NULL;
      p = end + strlen ("].indicators[");
    }
  else
    return NULL;
  *index = (gint) g_ascii_strtoll (p, &end, 10);
  if (end == p || end[0] != ']' || end[1] != '.')
    return NULL;
  return end + 2;
}

void
jue_computed_update_after (JueComputed     *c,
                           const JueReport *r,
                           const char      *changed_path)
{
  Reparse rp = { FALSE, G_MININT, 0 };
  const char *field;
  gint eval, index;

  if (changed_path == NULL)
    rp.all = TRUE;
  else if ((field = indicator_of_path (changed_path, &eval, &index)) != NULL)
    {
      GPtrArray *list = eval < 0 ? r->dept_eval.indicators
        : (eval < (gint) r->special_funds->len
           ? ((JueSpecialFund *) r->special_funds->pdata[eval])->indicators : NULL);
      gboolean text = strcmp (field, "target") == 0 || strcmp (field, "actual") == 0;

      if (list == NULL || index < 0 || index >= (gint) list->len || strchr (field, '.') ||
          strchr (field, '['))
        rp.all = TRUE;
      else if (text)
        {
          rp.eval = eval;
          rp.indicator = index;
        }
      else if (strcmp (field, "weight") != 0 && strcmp (field, "nature") != 0 &&
               strcmp (field, "grade") != 0 && strcmp (field, "name") != 0 &&
               strcmp (field, "unit") != 0 && strcmp (field, "level1") != 0 &&
               strcmp (field, "level2") != 0)
        rp.all = TRUE;   /* not a scalar of the row: rows changed */
    }
  else if (g_str_has_suffix (changed_path, "indicators") ||
           g_str_has_suffix (changed_path, "special_funds") ||
           (g_str_has_prefix (changed_path, "special_funds[") &&
            g_str_has_suffix (changed_path, "]")))
    rp.all = TRUE;

  /* Rows inserted, removed or moved elsewhere change an array's length,
   * which compute_eval() notices by itself. */
  if (!rp.all && rp.eval != G_MININT)
    {
      const JueEvalComputed *e = rp.eval < 0 ? &c->dept_eval
        : (rp.eval < (gint) c->special_funds->len
           ? &g_array_index (c->special_funds, JueEvalComputed, rp.eval) : NULL);
      if (e == NULL || e->indicators->len <= (guint) rp.indicator)
        rp.all = TRUE;
    }
  compute_all (c, r, &rp);
}
