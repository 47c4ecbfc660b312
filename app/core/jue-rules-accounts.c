/* jue-rules-accounts.c — checks of the accounts (sections 2–8): the same
 * money in different breakdowns, balances, parts and wholes, counts,
 * completion, changes without a reason, and cross-table agreement.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jue-rules-private.h"

#define ERROR JUE_SEVERITY_ERROR
#define WARNING JUE_SEVERITY_WARNING
#define HINT JUE_SEVERITY_HINT

#define AMOUNT_AT(r, off) (*(const JueAmount *) ((const guint8 *) (r) + (off)))

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

/* ---- breakdowns of the same money ------------------------------------------ */

static const char * const reads_income_gb[] = {
  "income.general_budget", "appropriation.income_general_budget", NULL };

static void
rule_income_general_budget (JueCheckRun *run)
{
  const JueReport *r = run->report;
  JueAmount parts[] = { r->appropriation.income_general_budget };

  jue_check_sum (run, ERROR, "appropriation.income_general_budget", r->income.general_budget,
                 parts, 1,
                 _("General-budget appropriation income %s in the income table ≠ %s in the "
                   "appropriation table, difference %s"));
}

static const char * const reads_functional_total[] = {
  "functional[N].actual", "appropriation.expenditure_general_budget", NULL };

static void
rule_functional_total (JueCheckRun *run)
{
  const JueReport *r = run->report;
  JueAmount whole = r->appropriation.expenditure_general_budget;
  gint64 sum = 0, allowance;
  gboolean any = FALSE, all = TRUE;
  g_autofree char *w = NULL, *s = NULL, *d = NULL;

  allowance = jue_check_allowance (&whole, 1);
  for (guint i = 0; i < r->functional->len; i++)
    {
      const JueFunctionalRow *row = r->functional->pdata[i];
      if (row->actual.unreadable || whole.unreadable)
        return;   /* unknown, not 0: E-UNREADABLE speaks */
      sum += jue_amount_fen (row->actual);
      any |= row->actual.set;
      all &= row->actual.set;
      allowance += jue_check_allowance (&row->actual, 1);
    }
  /* a blank row's actual is unknown: then only rows already over the
   * whole are wrong */
  if (!whole.set || !any || sum == whole.fen || (!all && sum < whole.fen))
    return;
  w = jue_check_fen (jue_amount_fen (whole));
  s = jue_check_fen (sum);
  d = jue_check_fen (ABS (jue_amount_fen (whole) - sum));
  jue_check_diff (run, ERROR, "appropriation.expenditure_general_budget",
                  jue_amount_fen (whole) - sum, allowance,
                  g_strdup_printf (_("General-budget appropriation expenditure %s ≠ the sum of "
                                     "the %u functional rows %s, difference %s"),
                                   w, r->functional->len, s, d));
}

static const char * const reads_basic_project[] = {
  "appropriation.expenditure_general_budget", "appropriation.general_budget_basic",
  "appropriation.general_budget_project", NULL };

static void
rule_basic_project (JueCheckRun *run)
{
  const JueAppropriation *ap = &run->report->appropriation;
  JueAmount parts[] = { ap->general_budget_basic, ap->general_budget_project };

  jue_check_sum (run, ERROR, "appropriation.expenditure_general_budget",
                 ap->expenditure_general_budget, parts, 2,
                 _("General-budget appropriation expenditure %s ≠ basic %s + project %s, "
                   "difference %s"));
}

static const char * const reads_breakdown_basic[] = {
  "expenditure.basic", "basic.personnel", "basic.public",
  "appropriation.general_budget_basic", "functional[N].basic", "accounts[N].exp_basic", NULL };

/* The general budget's 基本支出 that E-TIE-BASIC-ECONOMIC holds 人员经费 +
 * 公用经费 to: 表5's typed 合计, else the sum of its 项 rows when every one is
 * split; FALSE when it is not known. */
static gboolean
general_budget_basic (const JueReport *r,
                      JueAmount       *out)
{
  JueAmount whole = r->appropriation.general_budget_basic;
  gint64 fen = 0;

  if (whole.set || whole.unreadable)
    {
      *out = whole;
      return TRUE;
    }
  if (r->functional->len == 0)
    return FALSE;
  for (guint i = 0; i < r->functional->len; i++)
    {
      const JueAmount b = ((const JueFunctionalRow *) r->functional->pdata[i])->basic;

      if (!b.set || b.unreadable)
        return FALSE;
      fen += b.fen;
    }
  *out = (JueAmount) { .fen = fen, .set = TRUE };
  return TRUE;
}

/* 人员经费 + 公用经费 (表6's two 合计) are the general budget's 基本支出;
 * expenditure.basic is all funds'.  One fault gives one error:
 * - while the general budget's 基本支出 is not known (a report without the
 *   published tables' split), basic expenditure = personnel + public, as the
 *   narrative says it (基本支出 = 人员经费 + 公用经费);
 * - once it is known, E-TIE-BASIC-ECONOMIC holds the two to it, and this
 *   rule says only what that one cannot: when they agree with it, they are
 *   not more than all funds' basic expenditure (other funds may pay more of
 *   it, never less) — unless 支出决算表 has 基本支出 by 项: then
 *   E-TIE-EXPENDITURE-COLUMNS and E-TIE-FUNCTIONAL-IN-ACCOUNTS hold that,
 *   row by row. */
static void
rule_breakdown_basic (JueCheckRun *run)
{
  const JueReport *r = run->report;
  JueAmount parts[] = { r->basic.personnel, r->basic.public };
  JueAmount gb, all = r->expenditure.basic;
  gint64 sum, over;

  if (!general_budget_basic (r, &gb))
    {
      jue_check_sum (run, ERROR, "expenditure.basic", all, parts, 2,
                     _("Basic expenditure %s ≠ personnel expenses %s + public expenses %s, "
                       "difference %s"));
      return;
    }
  if (gb.unreadable || !all.set || all.unreadable)
    return;
  for (guint i = 0; i < r->accounts->len; i++)
    {
      const JueAmount b = ((const JueAccountRow *) r->accounts->pdata[i])->exp_basic;
      if (b.set || b.unreadable)
        return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (!parts[i].set || parts[i].unreadable)
      return;
  sum = parts[0].fen + parts[1].fen;
  {
    JueAmount tie[] = { gb, parts[0], parts[1] };

    if (ABS (sum - gb.fen) > jue_check_allowance (tie, G_N_ELEMENTS (tie)))
      return;   /* E-TIE-BASIC-ECONOMIC's */
  }
  over = sum - all.fen;
  if (over > 0)
    {
      JueAmount figures[] = { all, parts[0], parts[1] };
      g_autofree char *a = jue_check_figure (all);
      g_autofree char *p = jue_check_figure (parts[0]);
      g_autofree char *q = jue_check_figure (parts[1]);
      g_autofree char *d = jue_check_fen (over);

      jue_check_diff (run, ERROR, "expenditure.basic", over,
                      jue_check_allowance (figures, G_N_ELEMENTS (figures)),
                      g_strdup_printf (_("Basic expenditure %s (all funds) is less than personnel "
                                         "expenses %s + public expenses %s of the general budget, "
                                         "by %s"), a, p, q, d));
    }
}

static const char * const reads_breakdown_vehicle[] = {
  "three_public.vehicle.budget", "three_public.vehicle.actual", "three_public.vehicle.previous",
  "three_public.vehicle.purchase.budget", "three_public.vehicle.purchase.actual",
  "three_public.vehicle.purchase.previous", "three_public.vehicle.operation.budget",
  "three_public.vehicle.operation.actual", "three_public.vehicle.operation.previous", NULL };

static void
rule_breakdown_vehicle (JueCheckRun *run)
{
  const JueVehicle *v = &run->report->three_public.vehicle;
  JueAmount b[] = { v->purchase.budget, v->operation.budget };
  JueAmount a[] = { v->purchase.actual, v->operation.actual };
  JueAmount p[] = { v->purchase.previous, v->operation.previous };

  jue_check_sum (run, ERROR, "three_public.vehicle.budget", v->budget, b, 2,
                 _("Official vehicle budget %s ≠ purchase %s + operation and maintenance %s, "
                   "difference %s"));
  jue_check_sum (run, ERROR, "three_public.vehicle.actual", v->actual, a, 2,
                 _("Official vehicle expenses %s ≠ purchase %s + operation and maintenance %s, "
                   "difference %s"));
  jue_check_sum (run, ERROR, "three_public.vehicle.previous", v->previous, p, 2,
                 _("Last year's official vehicle expenses %s ≠ purchase %s + operation and "
                   "maintenance %s, difference %s"));
}

static const char * const reads_breakdown_reception[] = {
  "three_public.reception.actual", "three_public.reception.domestic.actual",
  "three_public.reception.foreign.actual", NULL };

static void
rule_breakdown_reception (JueCheckRun *run)
{
  const JueReception *rc = &run->report->three_public.reception;
  JueAmount parts[] = { rc->domestic.actual, rc->foreign.actual };

  jue_check_sum (run, ERROR, "three_public.reception.actual", rc->actual, parts, 2,
                 _("Official reception %s ≠ domestic %s + foreign affairs %s, difference %s"));
}

typedef struct {
  gsize       offset;     /* of the JueFund in JueReport */
  const char *prefix;
  const char *label;      /* N_() */
} FundSpec;

static const FundSpec gov_fund_spec = {
  offsetof (JueReport, gov_fund), "gov_fund", N_("Government-fund budget") };
static const FundSpec state_capital_spec = {
  offsetof (JueReport, state_capital), "state_capital", N_("State-capital budget") };

static const char * const reads_gov_fund_rows[] = {
  "gov_fund.expenditure", "gov_fund.rows[N].actual", NULL };
static const char * const reads_state_capital_rows[] = {
  "state_capital.expenditure", "state_capital.rows[N].actual", NULL };

static void
rule_breakdown_fund (JueCheckRun *run)
{
  const FundSpec *spec = run->entry->data;
  const JueFund *f = (const JueFund *) ((const guint8 *) run->report + spec->offset);
  g_autofree char *path = g_strconcat (spec->prefix, ".expenditure", NULL);
  g_autofree char *w = NULL, *s = NULL, *d = NULL;
  gint64 sum = 0, allowance = jue_check_allowance (&f->expenditure, 1);
  gboolean any = FALSE, all = TRUE;

  if (f->rows->len == 0 || !f->expenditure.set)
    return;
  for (guint i = 0; i < f->rows->len; i++)
    {
      const JueFundRow *row = f->rows->pdata[i];
      sum += jue_amount_fen (row->actual);
      any |= row->actual.set;
      all &= row->actual.set;
      allowance += jue_check_allowance (&row->actual, 1);
    }
  if (!any || sum == f->expenditure.fen || (!all && sum < f->expenditure.fen))
    return;
  w = jue_check_fen (jue_amount_fen (f->expenditure));
  s = jue_check_fen (sum);
  d = jue_check_fen (ABS (jue_amount_fen (f->expenditure) - sum));
  jue_check_diff (run, ERROR, path, jue_amount_fen (f->expenditure) - sum, allowance,
                  g_strdup_printf (_("%s expenditure %s ≠ the sum of its %u rows %s, "
                                     "difference %s"),
                                   _(spec->label), w, f->rows->len, s, d));
}

static const char * const reads_gov_fund_balance[] = {
  "gov_fund.carried_in", "gov_fund.income", "gov_fund.expenditure", "gov_fund.carried_out", NULL };
static const char * const reads_state_capital_balance[] = {
  "state_capital.carried_in", "state_capital.income", "state_capital.expenditure",
  "state_capital.carried_out", NULL };

static void
rule_fund_balance (JueCheckRun *run)
{
  const FundSpec *spec = run->entry->data;
  const JueFund *f = (const JueFund *) ((const guint8 *) run->report + spec->offset);
  JueAmount figures[] = { f->carried_in, f->income, f->expenditure, f->carried_out };
  gint64 diff;
  g_autofree char *path = g_strconcat (spec->prefix, ".carried_out", NULL);
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *e = NULL, *d = NULL;

  if (!jue_check_sides (figures, 2, figures + 2, 2, &diff))
    return;
  a = jue_check_figure (f->carried_in);
  b = jue_check_figure (f->income);
  c = jue_check_figure (f->expenditure);
  e = jue_check_figure (f->carried_out);
  d = jue_check_fen (ABS (diff));
  jue_check_diff (run, ERROR, path, diff, jue_check_allowance (figures, 4),
                  g_strdup_printf (_("%s: carried in %s + income %s ≠ expenditure %s + carried "
                                     "over %s, difference %s"),
                                   _(spec->label), a, b, c, e, d));
}

static const char * const reads_staff[] = {
  "profile.staff.in_service", "profile.staff.civil_servants",
  "profile.staff.institution_staff", NULL };

static void
rule_breakdown_staff (JueCheckRun *run)
{
  const JueStaff *s = &run->report->profile.staff;
  gint64 parts = (s->civil_servants.set ? s->civil_servants.value : 0) +
                 (s->institution_staff.set ? s->institution_staff.value : 0);
  gboolean all = s->civil_servants.set && s->institution_staff.set;

  /* a blank count is unknown: with one blank, only a known part that is
   * already more than the staff in service is wrong */
  if (!s->in_service.set || (!s->civil_servants.set && !s->institution_staff.set) ||
      s->in_service.value == parts || (!all && parts < s->in_service.value))
    return;
  jue_check_add (run, ERROR, "profile.staff.in_service",
                 _("Staff in service %lld ≠ civil servants %lld + public-institution staff %lld"),
                 (long long) s->in_service.value,
                 (long long) (s->civil_servants.set ? s->civil_servants.value : 0),
                 (long long) (s->institution_staff.set ? s->institution_staff.value : 0));
}

/* ---- balances ---------------------------------------------------------------- */

static const char * const reads_balance[] = { "income.*", "expenditure.*", NULL };

static void
rule_balance (JueCheckRun *run)
{
  const JueComputed *c = run->computed;
  const JueReport *r = run->report;
  JueAmount figures[] = {
    r->income.general_budget, r->income.gov_fund, r->income.state_capital,
    r->income.superior_subsidy, r->income.business, r->income.operating,
    r->income.affiliated, r->income.other, r->income.non_fiscal_surplus_used,
    r->income.carried_in, r->expenditure.basic, r->expenditure.project,
    r->expenditure.to_superior, r->expenditure.operating, r->expenditure.affiliated_subsidy,
    r->expenditure.surplus_distribution, r->expenditure.carried_out };
  gint64 diff;
  g_autofree char *i = NULL, *e = NULL, *d = NULL;

  if (!jue_check_sides (figures, 10, figures + 10, 7, &diff))
    return;
  i = jue_check_fen (c->income.grand_total.value);
  e = jue_check_fen (c->expenditure.grand_total.value);
  d = jue_check_fen (ABS (diff));
  jue_check_diff (run, ERROR, "expenditure.carried_out", diff,
                  jue_check_allowance (figures, G_N_ELEMENTS (figures)),
                  g_strdup_printf (_("Income grand total %s (income of the year + surplus used + "
                                     "carried in) ≠ expenditure grand total %s (expenditure of "
                                     "the year + surplus distribution + carried over), "
                                     "difference %s"), i, e, d));
}

static const char * const reads_appropriation_balance[] = {
  "appropriation.income_general_budget", "appropriation.income_gov_fund",
  "appropriation.income_state_capital", "appropriation.carried_in",
  "appropriation.expenditure_general_budget", "appropriation.expenditure_gov_fund",
  "appropriation.expenditure_state_capital", "appropriation.carried_out", NULL };

static void
rule_appropriation_balance (JueCheckRun *run)
{
  const JueAppropriation *ap = &run->report->appropriation;
  const JueAppropriationComputed *c = &run->computed->appropriation;
  JueAmount figures[] = { ap->income_general_budget, ap->income_gov_fund,
                          ap->income_state_capital, ap->carried_in,
                          ap->expenditure_general_budget, ap->expenditure_gov_fund,
                          ap->expenditure_state_capital, ap->carried_out };
  JueAmount left[] = { ap->income_general_budget, ap->income_gov_fund, ap->income_state_capital,
                       ap->carried_in };
  JueAmount right[] = { ap->expenditure_general_budget, ap->expenditure_gov_fund,
                        ap->expenditure_state_capital, ap->carried_out };
  gint64 diff;
  g_autofree char *a = NULL, *b = NULL, *x = NULL, *y = NULL, *d = NULL;

  if (!jue_check_sides (left, 4, right, 4, &diff))
    return;
  a = jue_check_fen (c->income_total.value);
  b = jue_check_fen (jue_amount_fen (ap->carried_in));
  x = jue_check_fen (c->expenditure_total.value);
  y = jue_check_fen (jue_amount_fen (ap->carried_out));
  d = jue_check_fen (ABS (diff));
  jue_check_diff (run, ERROR, "appropriation.carried_out", diff,
                  jue_check_allowance (figures, G_N_ELEMENTS (figures)),
                  g_strdup_printf (_("Appropriation income %s + carried in %s ≠ appropriation "
                                     "expenditure %s + carried over %s, difference %s"),
                                   a, b, x, y, d));
}

static const char * const reads_previous_balance[] = {
  "overview.previous_income_total", "overview.previous_expenditure_total", NULL };

/* Last year's 收入总计 and 支出总计 are the two sides of last year's
 * balance, so they are equal. */
static void
rule_previous_balance (JueCheckRun *run)
{
  const JueOverview *o = &run->report->overview;
  JueAmount parts[] = { o->previous_expenditure_total };

  jue_check_sum (run, ERROR, "overview.previous_expenditure_total", o->previous_income_total,
                 parts, 1,
                 _("Last year's income total %s ≠ last year's expenditure total %s, "
                   "difference %s"));
}

/* ---- parts never larger than wholes ----------------------------------------- */

static void
check_part (JueCheckRun *run,
            const char  *path,
            JueAmount    part,
            JueAmount    whole,
            const char  *format)
{
  JueAmount figures[] = { part, whole };
  gint64 over = jue_amount_fen (part) - jue_amount_fen (whole);
  g_autofree char *p = NULL, *w = NULL, *d = NULL;

  /* a blank whole is unknown, not 0 */
  if (!part.set || !whole.set || over <= 0)
    return;
  p = jue_check_fen (jue_amount_fen (part));
  w = jue_check_fen (jue_amount_fen (whole));
  d = jue_check_fen (over);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  jue_check_diff (run, ERROR, path, over, jue_check_allowance (figures, 2),
                  g_strdup_printf (format, p, w, d));
#pragma GCC diagnostic pop
}

static const char * const reads_part_three_public[] = {
  "basic.econ_abroad", "basic.econ_reception", "basic.econ_vehicle_operation",
  "basic.econ_vehicle_purchase", "three_public.abroad.actual", "three_public.reception.actual",
  "three_public.vehicle.operation.actual", "three_public.vehicle.purchase.actual",
  "economic[N].code", "economic[N].actual", NULL };

/* The line of 表6 (economic rows) with code, else the typed field: its
 * path and figure. */
static JueAmount
economic_line (const JueReport *r,
               const char      *code,
               const char      *field_path,
               JueAmount        field,
               char           **path_out)
{
  for (guint i = 0; i < r->economic->len; i++)
    {
      const JueEconomicRow *row = r->economic->pdata[i];

      if (row->code != NULL && strcmp (row->code, code) == 0)
        {
          *path_out = g_strdup_printf ("economic[%u].actual", i);
          return row->actual;
        }
    }
  *path_out = g_strdup (field_path);
  return field;
}

static void
rule_part_three_public (JueCheckRun *run)
{
  const JueReport *r = run->report;
  const JueThreePublic *tp = &r->three_public;
  g_autofree char *abroad = NULL, *reception = NULL, *operation = NULL, *purchase = NULL;
  JueAmount a = economic_line (r, "30212", "basic.econ_abroad", r->basic.econ_abroad, &abroad);
  JueAmount b = economic_line (r, "30217", "basic.econ_reception", r->basic.econ_reception,
                               &reception);
  JueAmount c = economic_line (r, "30231", "basic.econ_vehicle_operation",
                               r->basic.econ_vehicle_operation, &operation);
  JueAmount d = economic_line (r, "31013", "basic.econ_vehicle_purchase",
                               r->basic.econ_vehicle_purchase, &purchase);

  /* 表7 counts project spending too: never the other way round */
  check_part (run, abroad, a, tp->abroad.actual,
              _("30212 overseas travel %s in basic expenditure is more than the “three public” "
                "overseas travel %s, by %s"));
  check_part (run, reception, b, tp->reception.actual,
              _("30217 official reception %s in basic expenditure is more than the “three "
                "public” official reception %s, by %s"));
  check_part (run, operation, c, tp->vehicle.operation.actual,
              _("30231 vehicle operation %s in basic expenditure is more than the “three "
                "public” vehicle operation and maintenance %s, by %s"));
  check_part (run, purchase, d, tp->vehicle.purchase.actual,
              _("31013 vehicle purchase %s in basic expenditure is more than the “three "
                "public” vehicle purchase %s, by %s"));
}

static const char * const reads_part_operating[] = {
  "other.operating_cost", "basic.public", NULL };

static void
rule_part_operating_cost (JueCheckRun *run)
{
  check_part (run, "other.operating_cost", run->report->other.operating_cost,
              run->report->basic.public,
              _("Administrative operating cost %s is more than public expenses %s, by %s"));
}

static const char * const reads_part_sme[] = {
  "other.procurement.goods", "other.procurement.works", "other.procurement.services",
  "other.procurement.sme", "other.procurement.small_micro", NULL };

/* SMEs' share of a total whose parts are all known; a blank part makes
 * the total unknown.  With SME blank, the small and micro firms' contracts
 * (a part of it) already bound it from below. */
static void
rule_part_sme (JueCheckRun *run)
{
  const JueProcurement *pr = &run->report->other.procurement;
  JueAmount total = { run->computed->other.procurement_total.value,
                      pr->goods.set && pr->works.set && pr->services.set };

  if (pr->sme.set)
    check_part (run, "other.procurement.sme", pr->sme, total,
                _("Procurement awarded to SMEs %s is more than the procurement total %s, by %s"));
  else
    check_part (run, "other.procurement.sme", pr->small_micro, total,
                _("Procurement awarded to small and micro enterprises %s (a part of that "
                  "awarded to SMEs) is more than the procurement total %s, by %s"));
}

static const char * const reads_part_small_micro[] = {
  "other.procurement.sme", "other.procurement.small_micro", NULL };

static void
rule_part_small_micro (JueCheckRun *run)
{
  check_part (run, "other.procurement.small_micro", run->report->other.procurement.small_micro,
              run->report->other.procurement.sme,
              _("Procurement awarded to small and micro enterprises %s is more than that "
                "awarded to SMEs %s, by %s"));
}

static const char * const reads_sme_zero[] = {
  "other.procurement.services", "other.procurement.sme", "other.procurement.small_micro", NULL };

/* Services bought but no contract to a small firm: possible, but usually
 * the SME figures were left at 0 by mistake. */
static void
rule_sme_zero (JueCheckRun *run)
{
  const JueProcurement *pr = &run->report->other.procurement;
  g_autofree char *sv = NULL;

  if (!pr->services.set || pr->services.fen <= 0)
    return;
  sv = jue_check_fen (pr->services.fen);
  if (pr->sme.set && pr->sme.fen == 0)
    jue_check_add (run, HINT, "other.procurement.sme",
                   _("Services of %s were bought but no contract is awarded to SMEs; is 0 "
                     "right?"), sv);
  else if (pr->small_micro.set && pr->small_micro.fen == 0)
    jue_check_add (run, HINT, "other.procurement.small_micro",
                   _("Services of %s were bought but no contract is awarded to small and micro "
                     "enterprises; is 0 right?"), sv);
}

/* ---- counts ----------------------------------------------------------------- */

static const char * const reads_count_vehicles[] = {
  "three_public.vehicle.sedans", "three_public.vehicle.suvs", "three_public.vehicle.buses",
  "other.assets.vehicles_*", NULL };

static void
rule_count_vehicles (JueCheckRun *run)
{
  const JueVehicle *v = &run->report->three_public.vehicle;
  const JueAssets *a = &run->report->other.assets;
  gint64 by_type = run->computed->three_public.vehicle_count.value;
  gint64 by_use = run->computed->other.vehicles_total.value;
  const JueInteger counts[] = { v->sedans, v->suvs, v->buses, a->vehicles_leader,
                                a->vehicles_confidential, a->vehicles_emergency,
                                a->vehicles_law_enforcement, a->vehicles_special,
                                a->vehicles_other };
  JueAmount sides[G_N_ELEMENTS (counts)];
  gint64 diff;

  /* a blank count is unknown: a side with blanks is wrong only when what
   * it already counts is more than the complete other side */
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    sides[i] = (JueAmount) { counts[i].value, counts[i].set };
  if (!jue_check_sides (sides, 3, sides + 3, 6, &diff))
    return;
  jue_check_add (run, ERROR, "three_public.vehicle.sedans",
                 _("Vehicles by type in the “three public” table %lld ≠ vehicles by use in "
                   "state assets %lld"),
                 (long long) by_type, (long long) by_use);
}

/* ---- classification --------------------------------------------------------- */

static const char * const reads_classification[] = {
  "functional[N].code", "functional[N].class_name", "functional[N].kuan_name",
  "functional[N].xiang_name", NULL };

static gboolean
code_well_formed (const char *code)
{
  gsize len = strlen (code);

  for (const char *p = code; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return len == 3 || len == 5 || len == 7;
}

static void
rule_classification_code (JueCheckRun *run)
{
  const JueFunctionalRow *row = run->report->functional->pdata[run->index[0]];
  g_autofree char *path = NULL;

  if (text_blank (row->code))
    return;
  path = g_strdup_printf ("functional[%d].code", run->index[0]);
  if (!code_well_formed (row->code))
    jue_check_add (run, WARNING, path,
                   _("Functional code “%s” is not a 3-, 5- or 7-digit code"), row->code);
  /* The built-in table is partial: a code it lacks is unverified, not
   * wrong (H-CLASSIFICATION-UNVERIFIED says so once per report). */
  else if (!run->builtin_classification &&
           g_hash_table_lookup (run->classification, row->code) == NULL)
    jue_check_add (run, WARNING, path,
                   _("Functional code %s is not in the report's classification table"),
                   row->code);
}

static const char * const reads_economic_code[] = { "economic[N].code", NULL };

/* W-ECONOMIC-CODE: an economic row's code is a 3-digit 类 or 5-digit 款,
 * and one of the economic classification imported into the report.
 * Without an imported table a well-formed code is not questioned: the
 * built-in table is partial (it lacks 307, 309, 311–313, 399). */
static void
rule_economic_code (JueCheckRun *run)
{
  const JueEconomicRow *row = run->report->economic->pdata[run->index[0]];
  g_autofree char *path = NULL;

  gsize len;
  gboolean digits = TRUE;

  if (text_blank (row->code))
    return;
  for (const char *p = row->code; *p; p++)
    digits = digits && g_ascii_isdigit (*p);
  len = strlen (row->code);
  path = g_strdup_printf ("economic[%d].code", run->index[0]);
  if (!digits || (len != 3 && len != 5))
    jue_check_add (run, WARNING, path,
                   _("Economic code “%s” is not a 3-digit 类 or 5-digit 款 code"), row->code);
  else if (run->economic_classification &&
           g_hash_table_lookup (run->economic_classification, row->code) == NULL)
    jue_check_add (run, WARNING, path,
                   _("Economic code %s is not in the report's economic classification table"),
                   row->code);
}

static const char * const reads_economic_name[] = { "economic[N].code", "economic[N].name",
                                                     NULL };

/* W-ECONOMIC-NAME: an economic row's name is the imported economic
 * classification's name for its code.  Only against an imported table, as
 * W-ECONOMIC-CODE: the built-in one is partial. */
static void
rule_economic_name (JueCheckRun *run)
{
  const JueEconomicRow *row = run->report->economic->pdata[run->index[0]];
  const JueClassEntry *e;
  g_autofree char *path = NULL;

  if (run->economic_classification == NULL || text_blank (row->code) ||
      text_blank (row->name))
    return;
  e = g_hash_table_lookup (run->economic_classification, row->code);
  if (e == NULL || strcmp (e->name, row->name) == 0)
    return;
  path = g_strdup_printf ("economic[%d].name", run->index[0]);
  jue_check_add (run, WARNING, path,
                 _("Economic code %s is named “%s” in the economic classification, but the "
                   "row says “%s”"), row->code, e->name, row->name);
}

static const char * const reads_unverified[] = { "functional[N].code", NULL };

static void
rule_classification_unverified (JueCheckRun *run)
{
  const JueReport *r = run->report;
  guint coded = 0, unknown = 0;

  if (!run->builtin_classification)
    return;
  for (guint i = 0; i < r->functional->len; i++)
    {
      const JueFunctionalRow *row = r->functional->pdata[i];

      if (text_blank (row->code) || !code_well_formed (row->code))
        continue;
      coded++;
      if (g_hash_table_lookup (run->classification, row->code) == NULL)
        unknown++;
    }
  if (coded == 0)
    return;
  jue_check_add (run, HINT, "functional",
                 g_dngettext (GETTEXT_PACKAGE,
                              "The functional codes are not verified until the year's "
                              "classification table is imported (the built-in table is partial "
                              "and lacks %u code of this report)",
                              "The functional codes are not verified until the year's "
                              "classification table is imported (the built-in table is partial "
                              "and lacks %u codes of this report)", unknown),
                 unknown);
}

static void
rule_classification_name (JueCheckRun *run)
{
  const JueFunctionalRow *row = run->report->functional->pdata[run->index[0]];
  static const struct { gsize len; const char *field; gsize offset; } levels[] = {
    { 3, "class_name", offsetof (JueFunctionalRow, class_name) },
    { 5, "kuan_name", offsetof (JueFunctionalRow, kuan_name) },
    { 7, "xiang_name", offsetof (JueFunctionalRow, xiang_name) },
  };

  if (text_blank (row->code) || !code_well_formed (row->code))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      char code[8];
      const char *name = *(char * const *) ((const guint8 *) row + levels[i].offset);
      const JueClassEntry *e;

      if (strlen (row->code) < levels[i].len || text_blank (name))
        continue;
      memcpy (code, row->code, levels[i].len);
      code[levels[i].len] = '\0';
      e = g_hash_table_lookup (run->classification, code);
      if (e && strcmp (e->name, name) != 0)
        {
          g_autofree char *path = g_strdup_printf ("functional[%d].%s", run->index[0],
                                                   levels[i].field);
          jue_check_add (run, WARNING, path,
                         _("Functional code %s is named “%s” in the classification, but the "
                           "row says “%s”"), code, e->name, name);
        }
    }
}

/* ---- completion ---------------------------------------------------------------- */

static const char *
row_label (const JueFunctionalRow *row)
{
  if (!text_blank (row->xiang_name))
    return row->xiang_name;
  if (!text_blank (row->kuan_name))
    return row->kuan_name;
  if (!text_blank (row->class_name))
    return row->class_name;
  return row->code ? row->code : "";
}

static const char * const reads_completion[] = {
  "functional[N].budget", "functional[N].actual", "functional[N].xiang_name",
  "functional[N].kuan_name", "functional[N].class_name", "functional[N].code", NULL };

static void
rule_completion_high (JueCheckRun *run)
{
  const JueFunctionalRow *row = run->report->functional->pdata[run->index[0]];
  const JueFunctionalRowComputed *c = &g_array_index (run->computed->functional,
                                                      JueFunctionalRowComputed, run->index[0]);
  g_autofree char *path = NULL, *a = NULL, *b = NULL, *pct = NULL;

  if (!row->budget.set || !row->actual.set || row->actual.fen <= row->budget.fen)
    return;
  path = g_strdup_printf ("functional[%d].actual", run->index[0]);
  a = jue_check_fen (row->actual.fen);
  b = jue_check_fen (row->budget.fen);
  pct = c->completion.defined ? jue_centi_percent_display (c->completion.value)
                              : g_strdup (jue_undefined_reason_text (c->completion.reason));
  jue_check_add (run, WARNING, path, _("%s: actual %s is above the adjusted budget %s (%s)"),
                 row_label (row), a, b, pct);
}

static void
rule_completion_low (JueCheckRun *run)
{
  const JueFunctionalRow *row = run->report->functional->pdata[run->index[0]];
  const JueFunctionalRowComputed *c = &g_array_index (run->computed->functional,
                                                      JueFunctionalRowComputed, run->index[0]);
  g_autofree char *path = NULL, *a = NULL, *b = NULL, *pct = NULL, *limit = NULL;

  if (!c->completion.defined || c->completion.value >= JUE_COMPLETION_LOW_CENTI)
    return;
  path = g_strdup_printf ("functional[%d].actual", run->index[0]);
  a = jue_check_fen (row->actual.fen);
  b = jue_check_fen (row->budget.fen);
  pct = jue_centi_percent_display (c->completion.value);
  limit = jue_centi_percent_display (JUE_COMPLETION_LOW_CENTI);
  jue_check_add (run, WARNING, path,
                 _("%s: actual %s is only %s of the adjusted budget %s (below %s)"),
                 row_label (row), a, pct, b, limit);
}

static const char * const reads_three_public_high[] = {
  "three_public.abroad.budget", "three_public.abroad.actual", "three_public.vehicle.budget",
  "three_public.vehicle.actual", "three_public.reception.budget",
  "three_public.reception.actual", "three_public.vehicle.purchase.budget",
  "three_public.vehicle.purchase.actual", "three_public.vehicle.operation.budget",
  "three_public.vehicle.operation.actual", NULL };

static void
rule_three_public_high (JueCheckRun *run)
{
  const JueThreePublic *tp = &run->report->three_public;
  const struct { const char *path; const char *label; JueAmount b, a; } items[] = {
    { "three_public.abroad.actual", N_("Overseas travel"), tp->abroad.budget, tp->abroad.actual },
    { "three_public.vehicle.actual", N_("Official vehicles"), tp->vehicle.budget, tp->vehicle.actual },
    { "three_public.vehicle.purchase.actual", N_("Vehicle purchase"),
      tp->vehicle.purchase.budget, tp->vehicle.purchase.actual },
    { "three_public.vehicle.operation.actual", N_("Vehicle operation and maintenance"),
      tp->vehicle.operation.budget, tp->vehicle.operation.actual },
    { "three_public.reception.actual", N_("Official reception"), tp->reception.budget,
      tp->reception.actual },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    if (items[i].b.set && items[i].a.set && items[i].a.fen > items[i].b.fen)
      {
        g_autofree char *a = jue_check_fen (items[i].a.fen);
        g_autofree char *b = jue_check_fen (items[i].b.fen);
        g_autofree char *d = jue_check_fen (items[i].a.fen - items[i].b.fen);

        jue_check_add (run, WARNING, items[i].path,
                       _("%s: actual %s is above the budget %s, by %s"),
                       _(items[i].label), a, b, d);
      }
}

/* ---- changes without a reason ------------------------------------------------- */

static const char * const reads_change_reason[] = {
  "income.*", "expenditure.*", "overview.*", "appropriation.*", "three_public.*",
  "other.operating_cost*", "gov_fund.expenditure", "gov_fund.previous", "gov_fund.reason",
  "state_capital.expenditure", "state_capital.previous", "state_capital.reason",
  "profile.change_threshold_percent", "profile.change_threshold_amount", NULL };

static void
check_change (JueCheckRun *run,
              const char  *label,
              JueAmount    current,
              JueAmount    previous,
              const char  *reason,
              const char  *reason_path)
{
  g_autofree char *d = NULL, *p = NULL, *c = NULL;

  if (!previous.set || !current.set || current.fen == previous.fen || !text_blank (reason))
    return;
  d = jue_fen_display (current.fen - previous.fen);
  p = jue_check_fen (previous.fen);
  c = jue_check_fen (current.fen);
  jue_check_add (run, WARNING, reason_path,
                 _("%s changed by %s on last year (%s → %s) but no reason is given"),
                 label, d, p, c);
}

/* A total is known when every figure it adds is (blank is not zero). */
static gboolean
all_set (const JueAmount *a,
         guint            n)
{
  for (guint i = 0; i < n; i++)
    if (!a[i].set)
      return FALSE;
  return TRUE;
}

static void
rule_change_reason (JueCheckRun *run)
{
  JueChangeThreshold threshold = run->change_threshold_given
    ? run->change_threshold : jue_change_threshold_for_report (run->report);

  for (const JueChangeLine *line = jue_change_lines (); line->label; line++)
    {
      JueAmount current = jue_change_figure (run->report, run->computed, line, FALSE);
      JueAmount previous = jue_change_figure (run->report, run->computed, line, TRUE);
      JueFieldRef ref;
      const char *reason = NULL;

      if (!line->checked || !current.set || !previous.set)
        continue;
      /* the “三公” lines need a reason for any change; the others only for
       * a large one (the threshold is a setting, jue-compare.h) — the rule
       * completeness and the generated text follow too */
      if (!jue_change_line_needs_reason (line, previous.fen, current.fen, &threshold))
        continue;
      if (jue_report_resolve ((JueReport *) run->report, line->reason, &ref, NULL))
        reason = *(char **) ref.ptr;
      check_change (run, _(line->label), current, previous, reason, line->reason);
    }
}

/* A reason that names the other direction: “增加” where the figure fell. */
static void
rule_change_reason_sign (JueCheckRun *run)
{
  for (const JueChangeLine *line = jue_change_lines (); line->label; line++)
    {
      JueAmount current = jue_change_figure (run->report, run->computed, line, FALSE);
      JueAmount previous = jue_change_figure (run->report, run->computed, line, TRUE);
      g_autofree char *d = NULL, *p = NULL, *c = NULL;
      const char *reason = NULL, *word;
      JueFieldRef ref;

      if (!line->checked || !current.set || !previous.set || current.fen == previous.fen)
        continue;
      if (jue_report_resolve ((JueReport *) run->report, line->reason, &ref, NULL))
        reason = *(char **) ref.ptr;
      word = jue_reason_contradicts (reason, current.fen - previous.fen);
      if (word == NULL)
        continue;
      d = jue_fen_display (current.fen - previous.fen);
      p = jue_check_fen (previous.fen);
      c = jue_check_fen (current.fen);
      jue_check_add (run, WARNING, line->reason,
                     current.fen < previous.fen
                       ? _("%s fell by %s on last year (%s → %s), but its reason says “%s”")
                       : _("%s rose by %s on last year (%s → %s), but its reason says “%s”"),
                     _(line->label), d, p, c, word);
    }
}

/* ---- cross-table ---------------------------------------------------------------- */

static void
check_cross (JueCheckRun *run,
             const char  *path,
             JueAmount    a,
             JueAmount    b,
             const char  *format)
{
  g_autofree char *x = NULL, *y = NULL, *d = NULL;
  JueAmount figures[] = { a, b };

  if (!a.set || !b.set || a.fen == b.fen)
    return;
  x = jue_check_fen (a.fen);
  y = jue_check_fen (b.fen);
  d = jue_check_fen (ABS (a.fen - b.fen));
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  jue_check_diff (run, WARNING, path, a.fen - b.fen, jue_check_allowance (figures, 2),
                  g_strdup_printf (format, x, y, d));
#pragma GCC diagnostic pop
}

static const char * const reads_cross_basic[] = {
  "dept_eval.basic_actual", "expenditure.basic", NULL };

static void
rule_cross_dept_basic (JueCheckRun *run)
{
  check_cross (run, "dept_eval.basic_actual", run->report->dept_eval.basic_actual,
               run->report->expenditure.basic,
               _("Basic expenditure executed %s in the department self-evaluation ≠ basic "
                 "expenditure %s in the accounts, difference %s"));
}

static const char * const reads_cross_executed[] = {
  "dept_eval.budget_executed", "expenditure.basic", "expenditure.project",
  "expenditure.to_superior", "expenditure.operating", "expenditure.affiliated_subsidy", NULL };

static void
rule_cross_dept_executed (JueCheckRun *run)
{
  const JueExpenditure *ex = &run->report->expenditure;
  JueAmount lines[] = { ex->basic, ex->project, ex->to_superior, ex->operating,
                        ex->affiliated_subsidy };
  JueAmount total = { run->computed->expenditure.total.value, all_set (lines, 5) };

  check_cross (run, "dept_eval.budget_executed", run->report->dept_eval.budget_executed, total,
               _("Budget executed %s in the department self-evaluation ≠ total expenditure %s "
                 "in the accounts, difference %s"));
}

static char *
escape_percent (const char *s)
{
  g_auto (GStrv) parts = g_strsplit (s, "%", -1);
  return g_strjoinv ("%%", parts);
}

static const char * const reads_cross_fund[] = {
  "special_funds[N].functional_ref", "special_funds[N].funds_executed",
  "special_funds[N].project_name", "functional[N].code", "functional[N].xiang_name",
  "functional[N].actual", NULL };

static const JueFunctionalRow *
find_functional_row (const JueReport *r,
                     const char      *ref)
{
  g_autofree char *key = g_strstrip (g_strdup (ref));

  for (guint i = 0; i < r->functional->len; i++)
    {
      const JueFunctionalRow *row = r->functional->pdata[i];
      if ((row->code && strcmp (row->code, key) == 0) ||
          (row->xiang_name && strcmp (row->xiang_name, key) == 0))
        return row;
    }
  return NULL;
}

static void
rule_cross_fund (JueCheckRun *run)
{
  const JueSpecialFund *sf = run->report->special_funds->pdata[run->index[0]];
  const JueFunctionalRow *row;
  g_autofree char *path = NULL, *fmt = NULL, *name = NULL, *label = NULL;

  if (text_blank (sf->functional_ref) || (row = find_functional_row (run->report,
                                                                       sf->functional_ref)) == NULL)
    return;
  path = g_strdup_printf ("special_funds[%d].funds_executed", run->index[0]);
  /* The project and row names go into the format, the figures after. */
  name = escape_percent (text_blank (sf->project_name) ? path : sf->project_name);
  label = escape_percent (row_label (row));
  fmt = g_strdup_printf (_("%s: funds executed %%s ≠ %%s in the functional row “%s”, "
                           "difference %%s"), name, label);
  check_cross (run, path, sf->funds_executed, row->actual, fmt);
}

static void
rule_functional_ref (JueCheckRun *run)
{
  const JueSpecialFund *sf = run->report->special_funds->pdata[run->index[0]];
  g_autofree char *path = NULL;

  if (text_blank (sf->functional_ref) || find_functional_row (run->report, sf->functional_ref))
    return;
  path = g_strdup_printf ("special_funds[%d].functional_ref", run->index[0]);
  jue_check_add (run, WARNING, path,
                 _("“%s” names no functional row (by code or item name)"), sf->functional_ref);
}

/* ---- the table ------------------------------------------------------------------ */

#define RULE(id, sev, scope, reads, summary, func) \
  { id, sev, JUE_SCOPE_##scope, reads, summary, func, NULL }
#define RULE_DATA(id, sev, scope, reads, summary, func, data) \
  { id, sev, JUE_SCOPE_##scope, reads, summary, func, data }

const JueRuleEntry jue_rules_accounts[] = {
  RULE ("E-BALANCE", ERROR, REPORT, reads_balance,
        N_("Income grand total equals expenditure grand total"), rule_balance),
  RULE ("E-APPROPRIATION-BALANCE", ERROR, REPORT, reads_appropriation_balance,
        N_("Appropriation income + carried in equals expenditure + carried over"),
        rule_appropriation_balance),
  RULE ("E-GENERAL-BUDGET-INCOME", ERROR, REPORT, reads_income_gb,
        N_("General-budget appropriation income agrees between the income and appropriation tables"),
        rule_income_general_budget),
  RULE ("E-FUNCTIONAL-TOTAL", ERROR, REPORT, reads_functional_total,
        N_("General-budget appropriation expenditure equals the sum of the functional rows"),
        rule_functional_total),
  RULE ("E-BASIC-PROJECT-TOTAL", ERROR, REPORT, reads_basic_project,
        N_("General-budget appropriation expenditure equals its basic + project expenditure"),
        rule_basic_project),
  RULE ("E-BREAKDOWN-BASIC", ERROR, REPORT, reads_breakdown_basic,
        N_("Basic expenditure equals personnel + public expenses while the general budget's "
           "basic expenditure is not known; once it is (E-TIE-BASIC-ECONOMIC), is not less "
           "than them"), rule_breakdown_basic),
  RULE ("E-BREAKDOWN-VEHICLE", ERROR, REPORT, reads_breakdown_vehicle,
        N_("Official vehicle expenses equal purchase + operation"), rule_breakdown_vehicle),
  RULE ("E-BREAKDOWN-RECEPTION", ERROR, REPORT, reads_breakdown_reception,
        N_("Official reception equals domestic + foreign affairs"), rule_breakdown_reception),
  RULE_DATA ("E-BREAKDOWN-FUND", ERROR, REPORT, reads_gov_fund_rows,
             N_("A fund's expenditure equals the sum of its rows, when it has rows"),
             rule_breakdown_fund, &gov_fund_spec),
  RULE_DATA ("E-BREAKDOWN-FUND", ERROR, REPORT, reads_state_capital_rows,
             N_("A fund's expenditure equals the sum of its rows, when it has rows"),
             rule_breakdown_fund, &state_capital_spec),
  RULE_DATA ("E-FUND-BALANCE", ERROR, REPORT, reads_gov_fund_balance,
             N_("A fund's carried in + income equals expenditure + carried over"),
             rule_fund_balance, &gov_fund_spec),
  RULE_DATA ("E-FUND-BALANCE", ERROR, REPORT, reads_state_capital_balance,
             N_("A fund's carried in + income equals expenditure + carried over"),
             rule_fund_balance, &state_capital_spec),
  RULE ("E-PREVIOUS-BALANCE", ERROR, REPORT, reads_previous_balance,
        N_("Last year's income total equals last year's expenditure total"),
        rule_previous_balance),
  RULE ("E-BREAKDOWN-STAFF", ERROR, REPORT, reads_staff,
        N_("Staff in service equals civil servants + public-institution staff"),
        rule_breakdown_staff),
  RULE ("E-PART-THREE-PUBLIC", ERROR, REPORT, reads_part_three_public,
        N_("The “three public” items in basic expenditure are not more than the “three public” figures"),
        rule_part_three_public),
  RULE ("E-PART-OPERATING-COST", ERROR, REPORT, reads_part_operating,
        N_("Administrative operating cost is not more than public expenses"),
        rule_part_operating_cost),
  RULE ("E-PART-SME", ERROR, REPORT, reads_part_sme,
        N_("Procurement awarded to SMEs is not more than the procurement total"), rule_part_sme),
  RULE ("E-PART-SMALL-MICRO", ERROR, REPORT, reads_part_small_micro,
        N_("Procurement awarded to small and micro enterprises is not more than that to SMEs"),
        rule_part_small_micro),
  RULE ("H-PROCUREMENT-SME-ZERO", HINT, REPORT, reads_sme_zero,
        N_("Services were bought, and some contract went to a small firm"), rule_sme_zero),
  RULE ("E-COUNT-VEHICLES", ERROR, REPORT, reads_count_vehicles,
        N_("Vehicles by type (three public) equal vehicles by use (state assets)"),
        rule_count_vehicles),
  RULE ("W-CLASSIFICATION-CODE", WARNING, FUNCTIONAL, reads_classification,
        N_("A functional code is in the classification table"), rule_classification_code),
  RULE ("H-CLASSIFICATION-UNVERIFIED", HINT, REPORT, reads_unverified,
        N_("Functional codes are verified once the year's classification table is imported"),
        rule_classification_unverified),
  RULE ("W-CLASSIFICATION-NAME", WARNING, FUNCTIONAL, reads_classification,
        N_("A functional row's names match the classification table"), rule_classification_name),
  RULE ("W-ECONOMIC-CODE", WARNING, ECONOMIC, reads_economic_code,
        N_("An economic code is in the economic classification table"), rule_economic_code),
  RULE ("W-ECONOMIC-NAME", WARNING, ECONOMIC, reads_economic_name,
        N_("An economic row's name matches the economic classification table"),
        rule_economic_name),
  RULE ("W-COMPLETION-HIGH", WARNING, FUNCTIONAL, reads_completion,
        N_("A functional row's actual is not above its budget"), rule_completion_high),
  RULE ("W-COMPLETION-HIGH", WARNING, REPORT, reads_three_public_high,
        N_("A “three public” item's actual is not above its budget"), rule_three_public_high),
  RULE ("W-COMPLETION-LOW", WARNING, FUNCTIONAL, reads_completion,
        N_("A functional row's completion is not below 80 percent of its budget"), rule_completion_low),
  RULE ("W-CHANGE-NO-REASON", WARNING, REPORT, reads_change_reason,
        N_("A change on last year comes with a reason"), rule_change_reason),
  RULE ("W-CHANGE-REASON-SIGN", WARNING, REPORT, reads_change_reason,
        N_("A change's reason does not name the other direction (增加 where the figure fell)"),
        rule_change_reason_sign),
  RULE ("W-CROSS-DEPT-BASIC", WARNING, REPORT, reads_cross_basic,
        N_("Basic expenditure in the department self-evaluation agrees with the accounts"),
        rule_cross_dept_basic),
  RULE ("W-CROSS-DEPT-EXECUTED", WARNING, REPORT, reads_cross_executed,
        N_("Budget executed in the department self-evaluation agrees with total expenditure"),
        rule_cross_dept_executed),
  RULE ("W-CROSS-FUND-FUNCTIONAL", WARNING, SPECIAL_FUNDS, reads_cross_fund,
        N_("A special fund's executed funds agree with the functional row that pays it"),
        rule_cross_fund),
  RULE ("W-FUNCTIONAL-REF", WARNING, SPECIAL_FUNDS, reads_cross_fund,
        N_("A special fund's functional row reference names a row"), rule_functional_ref),
};
const guint jue_n_rules_accounts = G_N_ELEMENTS (jue_rules_accounts);
