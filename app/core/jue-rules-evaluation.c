/* jue-rules-evaluation.c — checks of the self-evaluations (附件1–9):
 * weights, indicators against their targets, qualitative rows that carry
 * numbers, and ungraded rows; plus the field-level checks every record
 * gets (required fields, negative amounts, blanks where 0 is printed).
 */
#include "config.h"

#include <stddef.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jue-rules-private.h"

#define ERROR JUE_SEVERITY_ERROR
#define WARNING JUE_SEVERITY_WARNING
#define HINT JUE_SEVERITY_HINT

static gboolean
text_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

static char *
points_text (gint64 centi)
{
  JuePercent p = { centi, TRUE };
  return jue_percent_canonical (p);
}

/* A number read from an indicator text, for messages: "12.44", "650". */
static char *
micro_text (gint64 micro)
{
  g_autofree char *s = g_strdup_printf ("%s%" G_GINT64_FORMAT ".%06" G_GINT64_FORMAT,
                                        micro < 0 ? "-" : "", ABS (micro) / 1000000,
                                        ABS (micro) % 1000000);
  gsize len = strlen (s);

  while (s[len - 1] == '0')
    s[--len] = '\0';
  if (s[len - 1] == '.')
    s[--len] = '\0';
  return g_steal_pointer (&s);
}

static char *
table_label (const JueCheckRun *run,
             gint               eval)
{
  const JueSpecialFund *sf;

  if (eval < 0)
    return g_strdup (_("Department-wide self-evaluation"));
  sf = run->report->special_funds->pdata[eval];
  if (!text_blank (sf->project_name))
    return g_strdup (sf->project_name);
  return g_strdup_printf ("special_funds[%d]", eval);
}

/* ---- weights -------------------------------------------------------------- */

static const char * const reads_weight_total[] = {
  "@.indicators[N].weight", "@.template_total", "@.project_name", NULL };

static void
rule_weight_total (JueCheckRun *run)
{
  JueEvalView v;
  g_autofree char *prefix = NULL, *path = NULL, *label = NULL, *w = NULL, *t = NULL, *d = NULL;

  if (!jue_check_eval_view (run, run->index[0], &v) || v.indicators->len == 0 ||
      v.computed->weight_total.value == v.computed->template_total.value)
    return;
  prefix = jue_check_eval_prefix (run->index[0]);
  path = g_strconcat (prefix, ".indicators", NULL);
  label = table_label (run, run->index[0]);
  w = points_text (v.computed->weight_total.value);
  t = points_text (v.computed->template_total.value);
  d = points_text (ABS (v.computed->weight_total.value - v.computed->template_total.value));
  jue_check_add (run, ERROR, path,
                 _("%s: the indicator weights total %s, but the template expects %s "
                   "(difference %s)"), label, w, t, d);
}

static const char * const reads_template_differs[] = {
  "dept_eval.template_total", "special_funds[N].template_total", "@.project_name", NULL };

static gint64
effective_template (JuePercent p)
{
  return p.set ? p.centi : JUE_DEFAULT_TEMPLATE_TOTAL_CENTI;
}

/* A table whose template differs from the one most tables of the report
 * use (附件8's 100 among 90s) is worth a word even when it says so. */
static void
rule_template_differs (JueCheckRun *run)
{
  const JueReport *r = run->report;
  gint64 values[8], mine, other = 0;
  guint counts[8], n_values = 0, same = 0, best = 0;
  g_autofree char *prefix = NULL, *path = NULL, *label = NULL, *m = NULL, *o = NULL;
  JueEvalView v;

  if (!jue_check_eval_view (run, run->index[0], &v))
    return;
  mine = effective_template (v.template_total);
  /* Count each template figure once: a report uses one or two of them. */
  for (gint k = -1; k < (gint) r->special_funds->len; k++)
    {
      JueEvalView a;
      gint64 t;
      guint j;

      jue_check_eval_view (run, k, &a);
      t = effective_template (a.template_total);
      for (j = 0; j < n_values && values[j] != t; j++)
        ;
      if (j == n_values)
        {
          if (n_values == G_N_ELEMENTS (values))
            continue;
          values[n_values] = t;
          counts[n_values++] = 0;
        }
      counts[j]++;
    }
  for (guint j = 0; j < n_values; j++)
    {
      if (values[j] == mine)
        same = counts[j];
      else if (counts[j] > best)
        {
          best = counts[j];
          other = values[j];
        }
    }
  if (best <= same)
    return;
  prefix = jue_check_eval_prefix (run->index[0]);
  path = g_strconcat (prefix, ".template_total", NULL);
  label = table_label (run, run->index[0]);
  m = points_text (mine);
  o = points_text (other);
  jue_check_add (run, WARNING, path,
                 _("%s: the template weight total %s differs from the %s most tables of the "
                   "report use"), label, m, o);
}

static const char * const reads_weight_positive[] = {
  "@.indicators[N].weight", "@.indicators[N].name", NULL };

static void
rule_weight_positive (JueCheckRun *run)
{
  JueEvalView v;
  const JueIndicator *ind;
  g_autofree char *prefix = NULL, *path = NULL, *w = NULL;

  if (!jue_check_eval_view (run, run->index[0], &v))
    return;
  ind = v.indicators->pdata[run->index[1]];
  if (!ind->weight.set || ind->weight.centi > 0)
    return;
  prefix = jue_check_eval_prefix (run->index[0]);
  path = g_strdup_printf ("%s.indicators[%d].weight", prefix, run->index[1]);
  w = points_text (ind->weight.centi);
  jue_check_add (run, ERROR, path, _("“%s”: the weight %s is not positive"),
                 ind->name ? ind->name : "", w);
}

/* ---- indicators against their targets ----------------------------------- */

static const char * const reads_indicator[] = {
  "@.indicators[N].nature", "@.indicators[N].target", "@.indicators[N].actual",
  "@.indicators[N].unit", "@.indicators[N].name", NULL };

static const JueIndicator *
indicator_of (const JueCheckRun           *run,
              const JueIndicatorComputed **computed)
{
  JueEvalView v;

  if (!jue_check_eval_view (run, run->index[0], &v))
    return NULL;
  *computed = &g_array_index (v.computed->indicators, JueIndicatorComputed, run->index[1]);
  return v.indicators->pdata[run->index[1]];
}

static char *
indicator_path (const JueCheckRun *run,
                const char        *field)
{
  g_autofree char *prefix = jue_check_eval_prefix (run->index[0]);

  return g_strdup_printf ("%s.indicators[%d].%s", prefix, run->index[1], field);
}

static const char *
or_empty (const char *s)
{
  return s ? s : "";
}

static void
rule_indicator_missed (JueCheckRun *run)
{
  const JueIndicatorComputed *c;
  const JueIndicator *ind = indicator_of (run, &c);
  g_autofree char *path = NULL;

  if (ind == NULL || c->status != JUE_INDICATOR_MISSED)
    return;
  path = indicator_path (run, "actual");
  jue_check_add (run, WARNING, path,
                 _("“%s”: the actual value %s misses the target %s %s %s"),
                 or_empty (ind->name), or_empty (ind->actual), or_empty (ind->nature),
                 or_empty (ind->target), or_empty (ind->unit));
}

static void
rule_qualitative_number (JueCheckRun *run)
{
  const JueIndicatorComputed *c;
  const JueIndicator *ind = indicator_of (run, &c);
  g_autofree char *path = NULL, *t = NULL, *a = NULL;

  if (ind == NULL || c->status != JUE_INDICATOR_QUALITATIVE || !c->has_target ||
      !c->has_actual || c->actual_micro >= c->target_micro)
    return;
  path = indicator_path (run, "nature");
  t = micro_text (c->target_micro);
  a = micro_text (c->actual_micro);
  jue_check_add (run, HINT, path,
                 _("“%s” is marked 定性, but its target “%s” carries the number %s and the "
                   "actual %s is below it; should the row be ≥?"),
                 or_empty (ind->name), ind->target, t, a);
}

static void
rule_indicator_not_numeric (JueCheckRun *run)
{
  const JueIndicatorComputed *c;
  const JueIndicator *ind = indicator_of (run, &c);
  g_autofree char *path = NULL;

  if (ind == NULL || c->status != JUE_INDICATOR_NOT_NUMERIC)
    return;
  if (!c->has_target)
    {
      path = indicator_path (run, "target");
      jue_check_add (run, WARNING, path,
                     _("“%s”: the target “%s” of a %s row holds no number; the row is scored "
                       "by its grade"),
                     or_empty (ind->name), or_empty (ind->target), or_empty (ind->nature));
    }
  else
    {
      path = indicator_path (run, "actual");
      jue_check_add (run, WARNING, path,
                     _("“%s”: the target %s %s is a number but the actual “%s” is not; the row "
                       "is scored by its grade"),
                     or_empty (ind->name), or_empty (ind->nature), or_empty (ind->target),
                     or_empty (ind->actual));
    }
}

static const char * const reads_ungraded[] = {
  "@.indicators[N].nature", "@.indicators[N].target", "@.indicators[N].actual",
  "@.indicators[N].grade", "@.project_name", NULL };

static void
rule_ungraded (JueCheckRun *run)
{
  JueEvalView v;
  g_autofree char *path = NULL, *label = NULL;
  guint first = 0;

  if (!jue_check_eval_view (run, run->index[0], &v) || v.computed->ungraded.value == 0)
    return;
  for (; first < v.computed->indicators->len; first++)
    {
      const JueIndicatorComputed *c = &g_array_index (v.computed->indicators,
                                                      JueIndicatorComputed, first);
      if (c->status >= JUE_INDICATOR_QUALITATIVE && !c->graded)
        break;
    }
  path = indicator_path (&(JueCheckRun) { .index = { run->index[0], (gint) first } }, "grade");
  label = table_label (run, run->index[0]);
  jue_check_add (run, HINT, path,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%s: %lld qualitative indicator has no grade and is scored at full weight",
                              "%s: %lld qualitative indicators have no grade and are scored at full weight",
                              (gulong) v.computed->ungraded.value),
                 label, (long long) v.computed->ungraded.value);
}

/* ---- field-level checks ---------------------------------------------------- */

typedef struct {
  const JueRecordDef *def;
  gconstpointer       record;
} ScopeRecord;

/* The record a field-level check instance looks at.  Its path prefix is
 * only built when there is something to report (scope_prefix()), because
 * almost every record is fine and the ×20 report has thousands. */
static gboolean
scope_record (const JueCheckRun *run,
              ScopeRecord       *out)
{
  const JueReport *r = run->report;
  gint i = run->index[0];

  switch (run->entry->scope)
    {
    case JUE_SCOPE_REPORT:
      *out = (ScopeRecord) { &JueReport_def, r };
      return TRUE;
    case JUE_SCOPE_OFFICES:
      *out = (ScopeRecord) { &JueOffice_def, r->profile.offices->pdata[i] };
      return TRUE;
    case JUE_SCOPE_FUNCTIONAL:
      *out = (ScopeRecord) { &JueFunctionalRow_def, r->functional->pdata[i] };
      return TRUE;
    case JUE_SCOPE_GOV_FUND_ROWS:
      *out = (ScopeRecord) { &JueFundRow_def, r->gov_fund.rows->pdata[i] };
      return TRUE;
    case JUE_SCOPE_STATE_CAPITAL_ROWS:
      *out = (ScopeRecord) { &JueFundRow_def, r->state_capital.rows->pdata[i] };
      return TRUE;
    case JUE_SCOPE_GLOSSARY:
      *out = (ScopeRecord) { &JueGlossaryEntry_def, r->glossary->pdata[i] };
      return TRUE;
    case JUE_SCOPE_DEPT_TASKS:
      *out = (ScopeRecord) { &JueTask_def, r->dept_eval.tasks->pdata[i] };
      return TRUE;
    case JUE_SCOPE_SPECIAL_FUNDS:
      *out = (ScopeRecord) { &JueSpecialFund_def, r->special_funds->pdata[i] };
      return TRUE;
    case JUE_SCOPE_EVAL_INDICATORS:
      {
        JueEvalView v;

        if (!jue_check_eval_view (run, i, &v))
          return FALSE;
        *out = (ScopeRecord) { &JueIndicator_def, v.indicators->pdata[run->index[1]] };
        return TRUE;
      }
    default:
      return FALSE;
    }
}

static char *
scope_prefix (const JueCheckRun *run)
{
  static const char * const lists[JUE_N_SCOPES] = {
    [JUE_SCOPE_OFFICES] = "profile.offices", [JUE_SCOPE_FUNCTIONAL] = "functional",
    [JUE_SCOPE_GOV_FUND_ROWS] = "gov_fund.rows",
    [JUE_SCOPE_STATE_CAPITAL_ROWS] = "state_capital.rows", [JUE_SCOPE_GLOSSARY] = "glossary",
    [JUE_SCOPE_DEPT_TASKS] = "dept_eval.tasks", [JUE_SCOPE_SPECIAL_FUNDS] = "special_funds",
  };

  if (run->entry->scope == JUE_SCOPE_REPORT)
    return g_strdup ("");
  if (run->entry->scope == JUE_SCOPE_EVAL_INDICATORS)
    {
      g_autofree char *eval = jue_check_eval_prefix (run->index[0]);
      return g_strdup_printf ("%s.indicators[%d]", eval, run->index[1]);
    }
  return g_strdup_printf ("%s[%d]", lists[run->entry->scope], run->index[0]);
}

static gboolean
slot_blank (const JueFieldDef *f,
            gconstpointer      slot)
{
  switch (f->kind)
    {
    case JUE_KIND_AMOUNT:
      return !((const JueAmount *) slot)->set;
    case JUE_KIND_INTEGER:
      return !((const JueInteger *) slot)->set;
    case JUE_KIND_PERCENT:
      return !((const JuePercent *) slot)->set;
    default:
      return text_blank (*(char * const *) slot);
    }
}

/* prefix NULL: the scope's own record, whose prefix is built on demand. */
static char *
join_path (const JueCheckRun *run,
           const char        *prefix,
           const char        *name)
{
  g_autofree char *own = prefix ? NULL : scope_prefix (run);
  const char *p = prefix ? prefix : own;

  return *p ? g_strconcat (p, ".", name, NULL) : g_strdup (name);
}

/* Walks a record and its embedded records (not its lists: those rows are
 * instances of their own). */
static void
walk_required (JueCheckRun        *run,
               const JueRecordDef *def,
               gconstpointer       rec,
               const char         *prefix,
               gboolean            negative)
{
  for (guint i = 0; i < def->n_fields; i++)
    {
      const JueFieldDef *f = &def->fields[i];
      gconstpointer slot = (const guint8 *) rec + f->offset;

      if (f->kind == JUE_KIND_LIST)
        continue;
      if (f->kind == JUE_KIND_RECORD)
        {
          g_autofree char *child = join_path (run, prefix, f->name);
          walk_required (run, f->extra, slot, child, negative);
        }
      else if (!negative && (f->flags & JUE_FIELD_REQUIRED) && slot_blank (f, slot))
        {
          g_autofree char *path = join_path (run, prefix, f->name);
          jue_check_add (run, ERROR, path, _("%s is required"), _(f->label));
        }
      else if (negative && f->kind == JUE_KIND_AMOUNT && ((const JueAmount *) slot)->set &&
               ((const JueAmount *) slot)->fen < 0)
        {
          g_autofree char *path = join_path (run, prefix, f->name);
          g_autofree char *v = jue_fen_display (((const JueAmount *) slot)->fen);
          jue_check_add (run, ERROR, path, _("%s is negative: %s"), _(f->label), v);
        }
    }
}

static void
rule_required (JueCheckRun *run)
{
  ScopeRecord s;

  if (scope_record (run, &s))
    walk_required (run, s.def, s.record, NULL, FALSE);
}

static void
rule_negative (JueCheckRun *run)
{
  ScopeRecord s;

  if (scope_record (run, &s))
    walk_required (run, s.def, s.record, NULL, TRUE);
}

#define BLANK(path) { #path, offsetof (JueReport, path) }
static const struct { const char *path; gsize offset; } zero_fields[] = {
  BLANK (three_public.abroad.budget), BLANK (three_public.abroad.actual),
  BLANK (three_public.vehicle.budget), BLANK (three_public.vehicle.actual),
  BLANK (three_public.vehicle.purchase.budget), BLANK (three_public.vehicle.purchase.actual),
  BLANK (three_public.vehicle.operation.budget), BLANK (three_public.vehicle.operation.actual),
  BLANK (three_public.reception.budget), BLANK (three_public.reception.actual),
  BLANK (three_public.reception.domestic.actual), BLANK (three_public.reception.foreign.actual),
  BLANK (gov_fund.carried_in), BLANK (gov_fund.income), BLANK (gov_fund.expenditure),
  BLANK (gov_fund.carried_out), BLANK (state_capital.carried_in), BLANK (state_capital.income),
  BLANK (state_capital.expenditure), BLANK (state_capital.carried_out),
};

static void
rule_blank_zero (JueCheckRun *run)
{
  for (guint i = 0; i < G_N_ELEMENTS (zero_fields); i++)
    {
      const JueAmount *a = (const JueAmount *) ((const guint8 *) run->report +
                                                zero_fields[i].offset);
      if (!a->set)
        jue_check_add (run, WARNING, zero_fields[i].path,
                       _("Blank in a table that is published with 0.00; type 0 if there was "
                         "none"));
    }
}

/* ---- the table ---------------------------------------------------------------- */

static const char * const reads_all[] = { "*", NULL };
static const char * const reads_offices[] = { "profile.offices[N].*", NULL };
static const char * const reads_functional[] = { "functional[N].*", NULL };
static const char * const reads_gov_rows[] = { "gov_fund.rows[N].*", NULL };
static const char * const reads_sc_rows[] = { "state_capital.rows[N].*", NULL };
static const char * const reads_glossary[] = { "glossary[N].*", NULL };
static const char * const reads_tasks[] = { "dept_eval.tasks[N].*", NULL };
static const char * const reads_funds[] = { "special_funds[N].*", NULL };
static const char * const reads_indicators[] = { "@.indicators[N].*", NULL };
static const char * const reads_zero[] = {
  "three_public.*", "gov_fund.*", "state_capital.*", NULL };

#define RULE(id, sev, scope, reads, summary, func) \
  { id, sev, JUE_SCOPE_##scope, reads, summary, func, NULL }
#define REQUIRED(scope, reads) \
  RULE ("E-REQUIRED", ERROR, scope, reads, N_("A required field is filled in"), rule_required)
#define NEGATIVE(scope, reads) \
  RULE ("E-NEGATIVE", ERROR, scope, reads, N_("An amount is not negative"), rule_negative)

const JueRuleEntry jue_rules_evaluation[] = {
  RULE ("E-WEIGHT-TOTAL", ERROR, EVAL, reads_weight_total,
        N_("The indicator weights total the template's figure (blank = 90)"), rule_weight_total),
  RULE ("W-TEMPLATE-DIFFERS", WARNING, EVAL, reads_template_differs,
        N_("A table's template total is the one most tables use"), rule_template_differs),
  RULE ("E-WEIGHT-POSITIVE", ERROR, EVAL_INDICATORS, reads_weight_positive,
        N_("An indicator's weight is positive"), rule_weight_positive),
  RULE ("W-INDICATOR-MISSED", WARNING, EVAL_INDICATORS, reads_indicator,
        N_("A ≥ ≤ = indicator's actual meets its target"), rule_indicator_missed),
  RULE ("W-INDICATOR-NOT-NUMERIC", WARNING, EVAL_INDICATORS, reads_indicator,
        N_("A ≥ ≤ = indicator has a number in its target and its actual"),
        rule_indicator_not_numeric),
  RULE ("H-QUALITATIVE-NUMBER", HINT, EVAL_INDICATORS, reads_indicator,
        N_("A 定性 indicator whose target carries a number the actual misses"),
        rule_qualitative_number),
  RULE ("H-INDICATOR-UNGRADED", HINT, EVAL, reads_ungraded,
        N_("Qualitative indicators are graded (blank counts as full weight)"), rule_ungraded),
  REQUIRED (REPORT, reads_all),
  REQUIRED (OFFICES, reads_offices),
  REQUIRED (FUNCTIONAL, reads_functional),
  REQUIRED (GOV_FUND_ROWS, reads_gov_rows),
  REQUIRED (STATE_CAPITAL_ROWS, reads_sc_rows),
  REQUIRED (GLOSSARY, reads_glossary),
  REQUIRED (DEPT_TASKS, reads_tasks),
  REQUIRED (SPECIAL_FUNDS, reads_funds),
  REQUIRED (EVAL_INDICATORS, reads_indicators),
  NEGATIVE (REPORT, reads_all),
  NEGATIVE (FUNCTIONAL, reads_functional),
  NEGATIVE (GOV_FUND_ROWS, reads_gov_rows),
  NEGATIVE (STATE_CAPITAL_ROWS, reads_sc_rows),
  NEGATIVE (SPECIAL_FUNDS, reads_funds),
  RULE ("W-BLANK-ZERO", WARNING, REPORT, reads_zero,
        N_("A blank where the published table prints 0.00"), rule_blank_zero),
};
const guint jue_n_rules_evaluation = G_N_ELEMENTS (jue_rules_evaluation);
