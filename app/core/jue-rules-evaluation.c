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

  gboolean all = TRUE, any = FALSE;

  if (!jue_check_eval_view (run, run->index[0], &v) || v.indicators->len == 0 ||
      v.computed->weight_total.value == v.computed->template_total.value)
    return;
  for (guint i = 0; i < v.indicators->len; i++)
    {
      const JueIndicator *ind = v.indicators->pdata[i];
      all &= ind->weight.set;
      any |= ind->weight.set;
    }
  /* a blank weight is unknown: while some are blank, only weights that
   * already total more than the template are wrong */
  if (!any || (!all && v.computed->weight_total.value < v.computed->template_total.value))
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
      /* a blank target is not filled in yet (W-MISSING), not a word where
       * a figure is expected: a carried-forward table has every target
       * blank until the year's are typed */
      if (ind->target == NULL || *ind->target == '\0')
        return;
      path = indicator_path (run, "target");
      jue_check_add (run, WARNING, path,
                     _("“%s”: the target “%s” of a %s row holds no number, so the row cannot "
                       "be scored and counts 0 unless graded; give the figure or explain"),
                     or_empty (ind->name), or_empty (ind->target), or_empty (ind->nature));
    }
  else
    {
      path = indicator_path (run, "actual");
      jue_check_add (run, WARNING, path,
                     _("“%s”: the target %s %s is a number but the actual “%s” is not, so the "
                       "row scores 0 unless graded; give the figure or explain"),
                     or_empty (ind->name), or_empty (ind->nature), or_empty (ind->target),
                     or_empty (ind->actual));
    }
}

/* A quantitative row without its actual cannot be scored: 0 points. */
static void
rule_indicator_no_actual (JueCheckRun *run)
{
  const JueIndicatorComputed *c;
  const JueIndicator *ind = indicator_of (run, &c);
  g_autofree char *path = NULL;

  if (ind == NULL || c->status != JUE_INDICATOR_NO_ACTUAL)
    return;
  path = indicator_path (run, "actual");
  jue_check_add (run, ERROR, path,
                 _("“%s”: no actual value for the target %s %s %s; the row cannot be scored "
                   "(0 points)"),
                 or_empty (ind->name), or_empty (ind->nature), or_empty (ind->target),
                 or_empty (ind->unit));
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
      if (c->ungraded)
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
    case JUE_SCOPE_ACCOUNTS:
      *out = (ScopeRecord) { &JueAccountRow_def, r->accounts->pdata[i] };
      return TRUE;
    case JUE_SCOPE_ECONOMIC:
      *out = (ScopeRecord) { &JueEconomicRow_def, r->economic->pdata[i] };
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
    [JUE_SCOPE_ACCOUNTS] = "accounts", [JUE_SCOPE_ECONOMIC] = "economic",
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

/* Template prompt text left in a field: "（简要说明……）", "XX", "××",
 * "请填写".  Returns the prompt found, or NULL. */
static const char *
prompt_in (const char *text)
{
  static const char * const prompts[] = {
    "XX", "××", "ＸＸ", "xx", "请填写", "请输入", "此处填写", "简要说明……", "（简要说明",
    "(简要说明", "……）", NULL };

  if (text == NULL)
    return NULL;
  for (guint i = 0; prompts[i]; i++)
    if (strstr (text, prompts[i]))
      return prompts[i];
  return NULL;
}

typedef enum { WALK_NEGATIVE, WALK_PROMPT } WalkMode;

/* Walks a record and its embedded records (not its lists: those rows are
 * instances of their own, except report sections, which are not). */
static void
walk_required (JueCheckRun        *run,
               const JueRecordDef *def,
               gconstpointer       rec,
               const char         *prefix,
               WalkMode            mode)
{
  for (guint i = 0; i < def->n_fields; i++)
    {
      const JueFieldDef *f = &def->fields[i];
      gconstpointer slot = (const guint8 *) rec + f->offset;
      const char *prompt;

      if (f->kind == JUE_KIND_LIST)
        {
          GPtrArray *rows = *(GPtrArray * const *) slot;

          if (mode != WALK_PROMPT || f->extra != &JueTextSection_def || rows == NULL)
            continue;
          for (guint k = 0; k < rows->len; k++)
            {
              g_autofree char *list = join_path (run, prefix, f->name);
              g_autofree char *child = g_strdup_printf ("%s[%u]", list, k);
              walk_required (run, f->extra, rows->pdata[k], child, mode);
            }
          continue;
        }
      if (f->kind == JUE_KIND_RECORD)
        {
          g_autofree char *child = join_path (run, prefix, f->name);
          walk_required (run, f->extra, slot, child, mode);
        }
      else if (mode == WALK_PROMPT && f->kind == JUE_KIND_TEXT &&
               (prompt = prompt_in (*(char * const *) slot)) != NULL)
        {
          g_autofree char *path = join_path (run, prefix, f->name);
          jue_check_add (run, WARNING, path,
                         _("%s still holds the template's prompt text “%s”; replace it with "
                           "the report's own words"), _(f->label), prompt);
        }
      else if (mode == WALK_NEGATIVE && f->kind == JUE_KIND_AMOUNT &&
               ((const JueAmount *) slot)->set && ((const JueAmount *) slot)->fen < 0)
        {
          g_autofree char *path = join_path (run, prefix, f->name);
          g_autofree char *v = jue_fen_display (((const JueAmount *) slot)->fen);
          jue_check_add (run, ERROR, path, _("%s is negative: %s"), _(f->label), v);
        }
    }
}

static void
rule_prompt_text (JueCheckRun *run)
{
  ScopeRecord s;

  if (scope_record (run, &s))
    walk_required (run, s.def, s.record, NULL, WALK_PROMPT);
}

static void
rule_negative (JueCheckRun *run)
{
  ScopeRecord s;

  if (scope_record (run, &s))
    walk_required (run, s.def, s.record, NULL, WALK_NEGATIVE);
}

/* The cells of the published 三公 and fund tables, in blocks: a block is
 * an item of the 三公 table or one fund table.  Block 0 ends the list. */
#define BLANK(block, path) { block, #path, offsetof (JueReport, path) }
static const struct { guint block; const char *path; gsize offset; } zero_fields[] = {
  BLANK (1, three_public.abroad.budget), BLANK (1, three_public.abroad.actual),
  BLANK (2, three_public.vehicle.budget), BLANK (2, three_public.vehicle.actual),
  BLANK (2, three_public.vehicle.purchase.budget), BLANK (2, three_public.vehicle.purchase.actual),
  BLANK (2, three_public.vehicle.operation.budget), BLANK (2, three_public.vehicle.operation.actual),
  BLANK (3, three_public.reception.budget), BLANK (3, three_public.reception.actual),
  BLANK (3, three_public.reception.domestic.actual), BLANK (3, three_public.reception.foreign.actual),
  BLANK (4, gov_fund.carried_in), BLANK (4, gov_fund.income), BLANK (4, gov_fund.expenditure),
  BLANK (4, gov_fund.carried_out), BLANK (5, state_capital.carried_in),
  BLANK (5, state_capital.income), BLANK (5, state_capital.expenditure),
  BLANK (5, state_capital.carried_out),
};

gboolean
jue_report_prints_zero (const JueReport *report)
{
  const char *style = report->profile.blank_cells;

  return style == NULL || *style == '\0' || strcmp (style, "0.00") == 0;
}

/* Under a template that prints 0.00 (the report's profile.blank_cells),
 * a blank cell in a block someone has started is a 0 not typed.  An
 * untouched block is a completeness item, not a warning. */
static void
rule_blank_zero (JueCheckRun *run)
{
  gboolean touched[6] = { FALSE };

  if (!jue_report_prints_zero (run->report))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (zero_fields); i++)
    touched[zero_fields[i].block] |=
      ((const JueAmount *) ((const guint8 *) run->report + zero_fields[i].offset))->set;
  for (guint i = 0; i < G_N_ELEMENTS (zero_fields); i++)
    {
      const JueAmount *a = (const JueAmount *) ((const guint8 *) run->report +
                                                zero_fields[i].offset);
      if (!a->set && touched[zero_fields[i].block])
        jue_check_add (run, WARNING, zero_fields[i].path,
                       _("Blank in a table that is published with 0.00; type 0 if there was "
                         "none"));
    }
}

/* ---- a self-evaluation's funds ------------------------------------------------ */

static const char * const reads_funds_parts[] = {
  "@.funds_total", "@.funds_appropriation", "@.funds_other", "@.project_name", NULL };

static void
rule_funds_parts (JueCheckRun *run)
{
  const JueAmount *total, *appr, *other;
  g_autofree char *prefix = jue_check_eval_prefix (run->index[0]);
  g_autofree char *path = g_strconcat (prefix, ".funds_total", NULL);
  g_autofree char *label = table_label (run, run->index[0]);
  g_autofree char *fmt = NULL;
  g_auto (GStrv) pct = NULL;

  if (run->index[0] < 0)
    {
      total = &run->report->dept_eval.funds_total;
      appr = &run->report->dept_eval.funds_appropriation;
      other = &run->report->dept_eval.funds_other;
    }
  else
    {
      const JueSpecialFund *sf = run->report->special_funds->pdata[run->index[0]];
      total = &sf->funds_total;
      appr = &sf->funds_appropriation;
      other = &sf->funds_other;
    }
  /* the label goes into the format, the figures after */
  pct = g_strsplit (label, "%", -1);
  g_free (label);
  label = g_strjoinv ("%%", pct);
  fmt = g_strdup_printf (_("%s: annual funds total %%s ≠ appropriation %%s + other funds %%s, "
                           "difference %%s"), label);
  jue_check_sum (run, ERROR, path, *total, (JueAmount[]) { *appr, *other }, 2, fmt);
}

static const char * const reads_funds_executed[] = {
  "special_funds[N].funds_total", "special_funds[N].funds_executed",
  "special_funds[N].project_name", NULL };

static void
rule_funds_executed (JueCheckRun *run)
{
  const JueSpecialFund *sf = run->report->special_funds->pdata[run->index[0]];
  g_autofree char *path = NULL, *label = NULL, *t = NULL, *e = NULL, *d = NULL;

  if (!sf->funds_total.set || !sf->funds_executed.set ||
      sf->funds_executed.fen <= sf->funds_total.fen)
    return;
  path = g_strdup_printf ("special_funds[%d].funds_executed", run->index[0]);
  label = table_label (run, run->index[0]);
  t = jue_check_fen (sf->funds_total.fen);
  e = jue_check_fen (sf->funds_executed.fen);
  d = jue_check_fen (sf->funds_executed.fen - sf->funds_total.fen);
  jue_check_add (run, ERROR, path,
                 _("%s: funds executed %s are more than the annual funds total %s, by %s"),
                 label, e, t, d);
}

/* ---- figures in texts ------------------------------------------------------------ */

/* Amounts (set, non-zero) and texts of a record, its embedded records and
 * lists (not indicator rows: their numbers are not money). */
typedef struct {
  GArray    *amounts;   /* gint64 fen */
  GPtrArray *texts;     /* char * (borrowed) */
  GPtrArray *paths;     /* char * (owned), beside texts */
} Collected;

static void
collect (const JueRecordDef *def,
         gconstpointer       rec,
         const char         *prefix,
         Collected          *c)
{
  for (guint i = 0; i < def->n_fields; i++)
    {
      const JueFieldDef *f = &def->fields[i];
      gconstpointer slot = (const guint8 *) rec + f->offset;
      g_autofree char *path = *prefix ? g_strconcat (prefix, ".", f->name, NULL)
                                      : g_strdup (f->name);

      switch (f->kind)
        {
        case JUE_KIND_AMOUNT:
          if (((const JueAmount *) slot)->set && ((const JueAmount *) slot)->fen != 0)
            g_array_append_val (c->amounts, ((const JueAmount *) slot)->fen);
          break;
        case JUE_KIND_TEXT:
          if (!text_blank (*(char * const *) slot))
            {
              g_ptr_array_add (c->texts, *(char * const *) slot);
              g_ptr_array_add (c->paths, g_steal_pointer (&path));
            }
          break;
        case JUE_KIND_RECORD:
          collect (f->extra, slot, path, c);
          break;
        case JUE_KIND_LIST:
          {
            GPtrArray *rows = *(GPtrArray * const *) slot;

            if (f->extra == &JueIndicator_def || rows == NULL)
              break;
            for (guint k = 0; k < rows->len; k++)
              {
                g_autofree char *row = g_strdup_printf ("%s[%u]", path, k);
                collect (f->extra, rows->pdata[k], row, c);
              }
          }
          break;
        default:
          break;
        }
    }
}

/* The next decimal figure in a text ("135.00", "１０５．００"), as fen, and
 * its digits for comparing ("13500").  Percentages are skipped. */
static const char *
next_figure (const char *p,
             gint64     *fen,
             GString    *digits)
{
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      gint64 ip = 0, fp = 0;
      guint nd = 0, fd = 0;
      gboolean dot = FALSE;

      /* the digits the loop below reads: another script's digit (٣, ᮶)
       * is skipped here, or p would never move on */
      if (!((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19)))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      g_string_truncate (digits, 0);
      for (; *p; p = g_utf8_next_char (p))
        {
          c = g_utf8_get_char (p);
          if (g_unichar_digit_value (c) >= 0 && c < 0x10000 &&
              (c < 0x80 || (c >= 0xFF10 && c <= 0xFF19)))
            {
              gint v = g_unichar_digit_value (c);
              g_string_append_c (digits, '0' + v);
              if (dot)
                {
                  if (fd < 6)
                    fp = fp * 10 + v;
                  fd++;
                }
              else if (nd++ < 12)
                ip = ip * 10 + v;
            }
          else if (!dot && (c == '.' || c == 0xFF0E))
            {
              const char *q = g_utf8_next_char (p);
              gunichar d = g_utf8_get_char (q);
              if (!((d >= '0' && d <= '9') || (d >= 0xFF10 && d <= 0xFF19)))
                break;
              dot = TRUE;
            }
          else
            break;
        }
      if (!dot || fd != 2 || nd > 12)
        continue;
      c = g_utf8_get_char (p);
      if (c == '%' || c == 0xFF05)
        continue;
      *fen = ip * 1000000 + fp * 10000;
      return p;
    }
  return NULL;
}

/* One digit different, same number of digits: "135.00" beside "105.00". */
static gboolean
one_digit_apart (const char *a,
                 const char *b)
{
  guint diff = 0;

  if (strlen (a) != strlen (b))
    return FALSE;
  for (; *a; a++, b++)
    diff += *a != *b;
  return diff == 1;
}

static void
check_text_figures (JueCheckRun *run,
                    Collected   *c)
{
  g_autoptr (GString) digits = g_string_new (NULL);

  for (guint t = 0; t < c->texts->len; t++)
    {
      const char *p = c->texts->pdata[t];
      gint64 fen;

      while ((p = next_figure (p, &fen, digits)) != NULL)
        {
          gint64 near = 0;
          gboolean equal = FALSE, found = FALSE;

          for (guint k = 0; k < c->amounts->len && !equal; k++)
            {
              gint64 a = g_array_index (c->amounts, gint64, k);
              g_autofree char *shown = jue_check_fen (a);
              g_autofree char *ad = NULL;

              if (a == fen || jue_div_round (a, 10000) * 10000 == fen)
                {
                  equal = TRUE;
                  break;
                }
              {
                g_auto (GStrv) parts = g_strsplit (shown, ".", 2);
                ad = g_strjoinv ("", parts);
              }
              if (!found && (ABS (a - fen) <= 50000 || one_digit_apart (ad, digits->str)))
                {
                  near = a;
                  found = TRUE;
                }
            }
          if (!equal && found)
            {
              g_autofree char *said = jue_check_fen (fen);
              g_autofree char *fig = jue_check_fen (near);

              jue_check_add (run, HINT, c->paths->pdata[t],
                             _("The text says %s, close to the figure %s of this section but "
                               "not equal to it; a typo?"), said, fig);
            }
        }
    }
}

static void
collected_clear (Collected *c)
{
  g_array_unref (c->amounts);
  g_ptr_array_unref (c->texts);
  g_ptr_array_unref (c->paths);
}

static Collected
collected_new (void)
{
  return (Collected) { g_array_new (FALSE, FALSE, sizeof (gint64)), g_ptr_array_new (),
                       g_ptr_array_new_with_free_func (g_free) };
}

/* The accounts' sections (as the sidebar groups them), each on its own. */
static const struct { const char *prefix[3]; gsize offset[3]; const JueRecordDef *def[3]; }
text_sections[] = {
  { { "income", "expenditure", "overview" },
    { offsetof (JueReport, income), offsetof (JueReport, expenditure),
      offsetof (JueReport, overview) },
    { &JueIncome_def, &JueExpenditure_def, &JueOverview_def } },
  { { "appropriation" }, { offsetof (JueReport, appropriation) }, { &JueAppropriation_def } },
  { { "basic" }, { offsetof (JueReport, basic) }, { &JueBasic_def } },
  { { "three_public" }, { offsetof (JueReport, three_public) }, { &JueThreePublic_def } },
  { { "gov_fund" }, { offsetof (JueReport, gov_fund) }, { &JueFund_def } },
  { { "state_capital" }, { offsetof (JueReport, state_capital) }, { &JueFund_def } },
  { { "other" }, { offsetof (JueReport, other) }, { &JueOther_def } },
};

static const char * const reads_text_figures[] = {
  "income.*", "expenditure.*", "overview.*", "appropriation.*", "basic.*", "three_public.*",
  "gov_fund.*", "state_capital.*", "other.*", NULL };

static void
rule_text_figures (JueCheckRun *run)
{
  for (guint s = 0; s < G_N_ELEMENTS (text_sections); s++)
    {
      Collected c = collected_new ();

      for (guint k = 0; k < 3 && text_sections[s].prefix[k]; k++)
        collect (text_sections[s].def[k],
                 (const guint8 *) run->report + text_sections[s].offset[k],
                 text_sections[s].prefix[k], &c);
      check_text_figures (run, &c);
      collected_clear (&c);
    }
}

static const char * const reads_eval_text_figures[] = { "@.*", NULL };

static void
rule_eval_text_figures (JueCheckRun *run)
{
  Collected c = collected_new ();
  g_autofree char *prefix = jue_check_eval_prefix (run->index[0]);

  if (run->index[0] < 0)
    collect (&JueDeptEval_def, &run->report->dept_eval, prefix, &c);
  else
    collect (&JueSpecialFund_def, run->report->special_funds->pdata[run->index[0]], prefix, &c);
  check_text_figures (run, &c);
  collected_clear (&c);
}

/* ---- the table ---------------------------------------------------------------- */

static const char * const reads_all[] = { "*", NULL };
static const char * const reads_offices[] = { "profile.offices[N].*", NULL };
static const char * const reads_functional[] = { "functional[N].*", NULL };
static const char * const reads_gov_rows[] = { "gov_fund.rows[N].*", NULL };
static const char * const reads_sc_rows[] = { "state_capital.rows[N].*", NULL };
static const char * const reads_accounts[] = { "accounts[N].*", NULL };
static const char * const reads_economic[] = { "economic[N].*", NULL };
static const char * const reads_glossary[] = { "glossary[N].*", NULL };
static const char * const reads_tasks[] = { "dept_eval.tasks[N].*", NULL };
static const char * const reads_funds[] = { "special_funds[N].*", NULL };
static const char * const reads_indicators[] = { "@.indicators[N].*", NULL };
static const char * const reads_zero[] = {
  "three_public.*", "gov_fund.*", "state_capital.*", "profile.blank_cells", NULL };

#define RULE(id, sev, scope, reads, summary, func) \
  { id, sev, JUE_SCOPE_##scope, reads, summary, func, NULL }
#define PROMPT(scope, reads) \
  RULE ("W-PROMPT-TEXT", WARNING, scope, reads, \
        N_("A text does not still hold the template's prompt (XX, ××, 请填写, （简要说明……）)"), \
        rule_prompt_text)
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
  RULE ("E-INDICATOR-NO-ACTUAL", ERROR, EVAL_INDICATORS, reads_indicator,
        N_("A ≥ ≤ = indicator with a target has its actual value (else it cannot be scored)"),
        rule_indicator_no_actual),
  RULE ("E-FUNDS-PARTS", ERROR, EVAL, reads_funds_parts,
        N_("A self-evaluation's annual funds total equals appropriation + other funds"),
        rule_funds_parts),
  RULE ("E-FUNDS-EXECUTED", ERROR, SPECIAL_FUNDS, reads_funds_executed,
        N_("A project's funds executed are not more than its annual funds total"),
        rule_funds_executed),
  PROMPT (REPORT, reads_all),
  PROMPT (OFFICES, reads_offices),
  PROMPT (FUNCTIONAL, reads_functional),
  PROMPT (GOV_FUND_ROWS, reads_gov_rows),
  PROMPT (STATE_CAPITAL_ROWS, reads_sc_rows),
  PROMPT (ACCOUNTS, reads_accounts),
  PROMPT (ECONOMIC, reads_economic),
  PROMPT (GLOSSARY, reads_glossary),
  PROMPT (DEPT_TASKS, reads_tasks),
  PROMPT (SPECIAL_FUNDS, reads_funds),
  PROMPT (EVAL_INDICATORS, reads_indicators),
  NEGATIVE (REPORT, reads_all),
  NEGATIVE (FUNCTIONAL, reads_functional),
  NEGATIVE (GOV_FUND_ROWS, reads_gov_rows),
  NEGATIVE (STATE_CAPITAL_ROWS, reads_sc_rows),
  NEGATIVE (ACCOUNTS, reads_accounts),
  NEGATIVE (ECONOMIC, reads_economic),
  NEGATIVE (SPECIAL_FUNDS, reads_funds),
  RULE ("W-BLANK-ZERO", WARNING, REPORT, reads_zero,
        N_("A blank where the published table prints 0.00 (profile.blank_cells), in a block "
           "already started"), rule_blank_zero),
  RULE ("H-TEXT-FIGURE", HINT, REPORT, reads_text_figures,
        N_("A figure in a text is not a near miss of an amount of its section"),
        rule_text_figures),
  RULE ("H-TEXT-FIGURE", HINT, EVAL, reads_eval_text_figures,
        N_("A figure in a text is not a near miss of an amount of its section"),
        rule_eval_text_figures),
};
const guint jue_n_rules_evaluation = G_N_ELEMENTS (jue_rules_evaluation);
