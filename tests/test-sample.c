/* test-sample.c — the built-in sample (resources/sample/suining-kjj-2024.tsv)
 * holds the whole 2024 report of 遂宁市科学技术局, and every figure the
 * published report prints comes out of it again, computed exactly: sums to
 * the fen, percentages from jue_ratio_centi() (integer arithmetic only). */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "jue-amount.h"
#include "jue-computed.h"
#include "jue-report.h"
#include "jue-tsv.h"
#include "jue-core-resources.h"

static JueReport *sample;

/* 万元 text → fen, through the same parser the app uses (no floating point). */
static gint64
wan (const char *text)
{
  JueAmount a;
  GError *error = NULL;

  g_assert_true (jue_amount_parse (text, &a, &error));
  g_assert_no_error (error);
  g_assert_true (a.set);
  return a.fen;
}

#define FEN(a) jue_amount_fen (a)
#define ROW(i) ((JueFunctionalRow *) g_ptr_array_index (sample->functional, (i)))
#define FUND(i) ((JueSpecialFund *) g_ptr_array_index (sample->special_funds, (i)))
#define IND(list, i) ((JueIndicator *) g_ptr_array_index ((list), (i)))

/* Printed 2-decimal 万元 figure of an exact amount. */
static void
assert_displays (JueAmount a, const char *printed)
{
  g_autofree char *shown = jue_amount_display (a);
  g_assert_true (a.set);
  g_assert_cmpstr (shown, ==, printed);
}

static gint64
weight_total (GPtrArray *indicators)
{
  gint64 total = 0;
  for (guint i = 0; i < indicators->len; i++)
    {
      g_assert_true (IND (indicators, i)->weight.set);
      total += IND (indicators, i)->weight.centi;
    }
  return total;
}

static void
test_loads (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) again = jue_sample_new (&error);

  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_true (jue_report_equal (sample, again));
  g_assert_cmpstr (sample->profile.name, ==, "遂宁市科学技术局");
  g_assert_cmpint (sample->profile.year.value, ==, 2024);
  g_assert_cmpstr (sample->profile.unit_level, ==, "一级预算单位");
}

static void
test_round_trip (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tsv = jue_report_to_tsv (sample);
  g_autoptr (JueReport) copy = jue_report_new ();

  g_assert_true (jue_report_apply_tsv (copy, tsv, strlen (tsv), "round-trip", &error));
  g_assert_no_error (error);
  g_assert_true (jue_report_equal (sample, copy));
}

static void
test_list_sizes (void)
{
  static const guint indicators[8] = { 7, 8, 7, 7, 7, 5, 8, 3 };

  g_assert_cmpuint (sample->profile.offices->len, ==, 5);
  g_assert_cmpuint (sample->functional->len, ==, 17);
  g_assert_cmpuint (sample->glossary->len, ==, 30);
  g_assert_cmpuint (sample->dept_eval.tasks->len, ==, 6);
  g_assert_cmpuint (sample->dept_eval.indicators->len, ==, 18);
  g_assert_cmpuint (sample->dept_eval.sections->len, ==, 4);
  g_assert_cmpuint (sample->special_funds->len, ==, 8);
  for (guint i = 0; i < 8; i++)
    {
      g_assert_cmpuint (FUND (i)->indicators->len, ==, indicators[i]);
      g_assert_cmpuint (FUND (i)->sections->len, ==, 6);
    }
}

static void
test_profile (void)
{
  JueProfile *p = &sample->profile;

  g_assert_cmpstr (((JueOffice *) g_ptr_array_index (p->offices, 0))->name, ==, "办公室");
  g_assert_cmpstr (((JueOffice *) g_ptr_array_index (p->offices, 4))->name, ==, "引智与交流合作科");
  g_assert_cmpint (p->subordinate_units.value, ==, 0);
  g_assert_cmpint (p->admin_units.value, ==, 1);
  g_assert_cmpint (p->institution_units.value, ==, 2);
  g_assert_cmpint (p->staff.in_service.value, ==, 29);
  g_assert_cmpint (p->staff.in_service.value, ==,
                   p->staff.civil_servants.value + p->staff.institution_staff.value);
  g_assert_cmpint (p->staff.retired.value, ==, 30);
  g_assert_true (g_str_has_prefix (p->duties, "拟订全市创新驱动发展战略"));
  g_assert_true (g_str_has_suffix (p->duties, "统筹全市科技人才队伍建设和引进国外智力工作。"));
}

static void
test_overview_sums (void)
{
  gint64 total = FEN (sample->income.general_budget);
  gint64 previous = FEN (sample->overview.previous_income_total);
  JueExpenditure *e = &sample->expenditure;
  gint64 spent = FEN (e->basic) + FEN (e->project) + FEN (e->to_superior) +
                 FEN (e->operating) + FEN (e->affiliated_subsidy);

  g_assert_cmpint (total, ==, wan ("1447.01"));
  g_assert_cmpint (FEN (e->basic), ==, wan ("708.77"));
  g_assert_cmpint (FEN (e->project), ==, wan ("738.24"));
  g_assert_cmpint (spent, ==, total);
  /* the balance: income + carried in = expenditure + carried out */
  g_assert_cmpint (total + FEN (sample->income.carried_in) + FEN (sample->income.non_fiscal_surplus_used), ==,
                   spent + FEN (e->surplus_distribution) + FEN (e->carried_out));
  /* 与2023年度相比…减少131.49万元，下降8.33% */
  g_assert_cmpint (previous, ==, wan ("1578.50"));
  g_assert_cmpint (previous - total, ==, wan ("131.49"));
  g_assert_cmpint (jue_ratio_centi (previous - total, previous), ==, 833);
  g_assert_cmpint (jue_ratio_centi (FEN (sample->appropriation.previous_total) -
                                    FEN (sample->appropriation.income_general_budget),
                                    FEN (sample->appropriation.previous_total)), ==, 833);
  /* 基本支出 48.98%，项目支出 51.02% */
  g_assert_cmpint (jue_ratio_centi (FEN (e->basic), spent), ==, 4898);
  g_assert_cmpint (jue_ratio_centi (FEN (e->project), spent), ==, 5102);
  /* section 3 holds the same money */
  g_assert_cmpint (FEN (sample->appropriation.expenditure_general_budget), ==, total);
  g_assert_cmpint (FEN (sample->appropriation.general_budget_basic) +
                   FEN (sample->appropriation.general_budget_project), ==, total);
  /* basic = 人员经费 + 公用经费 */
  g_assert_cmpint (FEN (sample->basic.personnel), ==, wan ("630.27"));
  g_assert_cmpint (FEN (sample->basic.public), ==, wan ("78.5"));
  g_assert_cmpint (FEN (sample->basic.personnel) + FEN (sample->basic.public), ==, FEN (e->basic));
}

static void
test_functional (void)
{
  /* the printed actual and completion rate of each row, in order */
  static const struct { const char *actual; gint64 centi; } rows[17] = {
    { "1.37", 2740 }, { "329.53", 9503 }, { "7.46", 9987 }, { "46.74", 8864 },
    { "175.52", 9966 }, { "224.12", 9223 }, { "254.03", 10000 }, { "35.00", 10000 },
    { "21.27", 7089 }, { "195.00", 10000 }, { "9.91", 8558 }, { "2.83", 6920 },
    { "52.50", 9518 }, { "24.24", 10000 }, { "13.03", 10000 }, { "10.13", 9713 },
    { "44.33", 9335 },
  };
  static const struct { const char *name; const char *total; gint64 computed, printed; } classes[5] = {
    { "一般公共服务", "1.37", 9, 10 },          /* printed 0.1% */
    { "科学技术支出", "1288.67", 8906, 8905 },   /* printed 89.05% */
    { "社会保障和就业", "89.48", 618, 619 },     /* printed 6.19% */
    { "卫生健康", "23.16", 160, 160 },
    { "住房保障支出", "44.33", 306, 306 },
  };
  gint64 actual = 0, budget = 0, printed_shares = 0;
  gint64 displayed_budgets = 0;

  for (guint i = 0; i < 17; i++)
    {
      JueFunctionalRow *r = ROW (i);
      g_assert_true (r->actual.set && r->budget.set);
      g_assert_cmpint (FEN (r->actual), ==, wan (rows[i].actual));
      /* budgets are whole yuan */
      g_assert_cmpint (FEN (r->budget) % JUE_FEN_PER_YUAN, ==, 0);
      g_assert_cmpint (jue_ratio_centi (FEN (r->actual), FEN (r->budget)), ==, rows[i].centi);
      actual += FEN (r->actual);
      budget += FEN (r->budget);
      displayed_budgets += jue_div_round (FEN (r->budget), JUE_FEN_PER_DISPLAY_UNIT);
    }
  g_assert_cmpstr (ROW (2)->code, ==, "2060102");
  g_assert_cmpstr (ROW (2)->xiang_name, ==, "一般行政管理事务");
  g_assert_null (ROW (1)->code);
  g_assert_cmpstr (ROW (9)->xiang_name, ==, "科技奖励");
  g_assert_cmpstr (ROW (8)->xiang_name, ==, "其他科技交流与合作支出");

  /* 1447.01, 95.75% of an adjusted budget of 1511.20 (= 附件1) */
  g_assert_cmpint (actual, ==, wan ("1447.01"));
  g_assert_cmpint (actual, ==, FEN (sample->income.general_budget));
  g_assert_cmpint (budget, ==, wan ("1511.20"));
  g_assert_cmpint (displayed_budgets, ==, 151120);
  g_assert_cmpint (budget, ==, FEN (sample->dept_eval.budget_adjusted));
  g_assert_cmpint (jue_ratio_centi (actual, budget), ==, 9575);

  /* class subtotals; the shares the seed prints were forced to total 100% */
  for (guint c = 0; c < 5; c++)
    {
      gint64 sum = 0;
      for (guint i = 0; i < 17; i++)
        if (g_strcmp0 (ROW (i)->class_name, classes[c].name) == 0)
          sum += FEN (ROW (i)->actual);
      g_assert_cmpint (sum, ==, wan (classes[c].total));
      g_assert_cmpint (jue_ratio_centi (sum, actual), ==, classes[c].computed);
      printed_shares += classes[c].printed;
    }
  g_assert_cmpint (printed_shares, ==, 10000);
}

/* Issue 11: the published tables' figures.  表2/表3 by 项 and the
 * basic/project split reproduce the printed totals to the fen
 * (resources/sample/NOTES.md states the rule); 表6 is wholly 未分项. */
static void
test_published_tables (void)
{
  static const char *const basic_items[] = {   /* wholly basic 项 (by item name) */
    "行政运行", "机构运行", "其他科学技术管理事务支出", "行政单位离退休", "事业单位离退休",
    "机关事业单位基本养老保险缴费支出", "死亡抚恤", "行政单位医疗", "事业单位医疗", "住房公积金",
  };
  static const struct { guint row; const char *code; } codes[] = {
    { 2, "2060102" }, { 7, "2060502" }, { 10, "2080501" }, { 11, "2080502" }, { 12, "2080505" },
    { 13, "2080801" }, { 14, "2101101" }, { 15, "2101102" }, { 16, "2210201" },
  };
  g_autoptr (JueComputed) c = jue_computed_new ();
  gint64 basic = 0, project = 0, income = 0;

  g_assert_cmpstr (sample->profile.template, ==, "sichuan");
  g_assert_cmpuint (sample->accounts->len, ==, 17);
  g_assert_cmpuint (sample->economic->len, ==, 0);
  for (guint i = 0; i < 17; i++)
    {
      JueAccountRow *a = g_ptr_array_index (sample->accounts, i);
      JueFunctionalRow *f = ROW (i);
      gboolean wholly_basic = FALSE;

      g_assert_cmpstr (a->class_name, ==, f->class_name);
      g_assert_cmpstr (a->kuan_name, ==, f->kuan_name);
      g_assert_cmpstr (a->xiang_name, ==, f->xiang_name);
      /* all income is general-budget appropriation */
      g_assert_cmpint (FEN (a->income_appropriation), ==, FEN (f->actual));
      g_assert_true (a->income_superior.set && a->income_business.set &&
                     a->income_operating.set && a->income_affiliated.set && a->income_other.set);
      g_assert_cmpint (FEN (a->income_superior) + FEN (a->income_business) +
                       FEN (a->income_operating) + FEN (a->income_affiliated) +
                       FEN (a->income_other), ==, 0);
      g_assert_cmpint (FEN (a->exp_to_superior) + FEN (a->exp_operating) +
                       FEN (a->exp_affiliated), ==, 0);
      /* the split: the same in both tables, whole, never negative */
      g_assert_true (a->exp_basic.set && a->exp_project.set && f->basic.set && f->project.set);
      g_assert_cmpint (FEN (a->exp_basic), ==, FEN (f->basic));
      g_assert_cmpint (FEN (a->exp_project), ==, FEN (f->project));
      g_assert_cmpint (FEN (f->basic) + FEN (f->project), ==, FEN (f->actual));
      g_assert_cmpint (FEN (f->basic), >=, 0);
      g_assert_cmpint (FEN (f->project), >=, 0);
      for (guint k = 0; k < G_N_ELEMENTS (basic_items); k++)
        wholly_basic |= g_strcmp0 (f->xiang_name, basic_items[k]) == 0;
      if (wholly_basic)
        g_assert_cmpint (FEN (f->project), ==, 0);
      else if (i == 2)
        g_assert_cmpint (FEN (f->basic), ==, wan ("0.01"));   /* 2060102: the last fen */
      else
        g_assert_cmpint (FEN (f->basic), ==, 0);
      g_assert_false (f->budget_initial.set);
      basic += FEN (a->exp_basic);
      project += FEN (a->exp_project);
      income += FEN (a->income_appropriation);
    }
  for (guint k = 0; k < G_N_ELEMENTS (codes); k++)
    g_assert_cmpstr (((JueAccountRow *) g_ptr_array_index (sample->accounts, codes[k].row))->code,
                     ==, codes[k].code);
  g_assert_null (((JueAccountRow *) g_ptr_array_index (sample->accounts, 1))->code);

  /* every printed total, to the fen */
  g_assert_cmpint (basic, ==, wan ("708.77"));
  g_assert_cmpint (project, ==, wan ("738.24"));
  g_assert_cmpint (income, ==, wan ("1447.01"));
  g_assert_cmpint (basic, ==, FEN (sample->expenditure.basic));
  g_assert_cmpint (project, ==, FEN (sample->expenditure.project));
  g_assert_cmpint (basic, ==, FEN (sample->appropriation.general_budget_basic));
  g_assert_cmpint (project, ==, FEN (sample->appropriation.general_budget_project));

  jue_computed_update (c, sample);
  g_assert_cmpint (c->accounts_total.v[JUE_ACCOUNT_INCOME_TOTAL].value, ==, wan ("1447.01"));
  g_assert_cmpint (c->accounts_total.v[JUE_ACCOUNT_EXP_TOTAL].value, ==, wan ("1447.01"));
  g_assert_cmpint (c->accounts_total.v[JUE_ACCOUNT_EXP_BASIC].value, ==, wan ("708.77"));
  g_assert_cmpint (c->functional_total.basic.value, ==, wan ("708.77"));
  g_assert_cmpint (c->functional_total.project.value, ==, wan ("738.24"));
  g_assert_true (c->functional_total.unsplit.defined);
  g_assert_cmpint (c->functional_total.unsplit.value, ==, 0);
  /* 表6: the blocks are known, their lines are not */
  g_assert_cmpint (c->economic_total.unsplit_personnel.value, ==, wan ("630.27"));
  g_assert_cmpint (c->economic_total.unsplit_public.value, ==, wan ("78.50"));
  g_assert_false (c->economic_total.personnel.defined);
  /* 类 subtotals of 表2/表3 as 第二部分 五（二） prints them */
  {
    static const struct { const char *name; const char *total; } classes[] = {
      { "一般公共服务", "1.37" }, { "科学技术支出", "1288.67" }, { "社会保障和就业", "89.48" },
      { "卫生健康", "23.16" }, { "住房保障支出", "44.33" },
    };
    guint n_classes = 0;

    for (guint k = 0; k < c->accounts_subtotals->len; k++)
      {
        const JueSubtotalComputed *s = &g_array_index (c->accounts_subtotals, JueSubtotalComputed, k);
        if (s->level.value != 1)
          continue;
        g_assert_cmpstr (s->name, ==, classes[n_classes].name);
        g_assert_cmpint (s->v[JUE_ACCOUNT_EXP_TOTAL].value, ==, wan (classes[n_classes].total));
        n_classes++;
      }
    g_assert_cmpuint (n_classes, ==, 5);
  }
}

static void
test_three_public (void)
{
  JueThreePublic *t = &sample->three_public;
  gint64 actual = FEN (t->abroad.actual) + FEN (t->vehicle.actual) + FEN (t->reception.actual);
  gint64 budget = FEN (t->abroad.budget) + FEN (t->vehicle.budget) + FEN (t->reception.budget);
  gint64 previous = FEN (t->abroad.previous) + FEN (t->vehicle.previous) + FEN (t->reception.previous);

  g_assert_cmpint (FEN (t->abroad.actual), ==, wan ("3.25"));
  g_assert_cmpint (FEN (t->vehicle.actual), ==, wan ("2.98"));
  g_assert_true (t->reception.actual.set);
  g_assert_cmpint (FEN (t->reception.actual), ==, 0);
  g_assert_cmpint (actual, ==, wan ("6.23"));
  /* 完成预算99.29%，较上年度增加2.39万元，增长62.24% */
  g_assert_cmpint (jue_ratio_centi (actual, budget), ==, 9929);
  g_assert_cmpint (jue_div_round (actual - previous, JUE_FEN_PER_DISPLAY_UNIT), ==, 239);
  g_assert_cmpint (jue_ratio_centi (actual - previous, previous), ==, 6224);
  /* shares 52.17% / 47.83% / 0% */
  g_assert_cmpint (jue_ratio_centi (FEN (t->abroad.actual), actual), ==, 5217);
  g_assert_cmpint (jue_ratio_centi (FEN (t->vehicle.actual), actual), ==, 4783);
  /* abroad: 100% of budget, 1 group of 1; from zero last year */
  g_assert_cmpint (jue_ratio_centi (FEN (t->abroad.actual), FEN (t->abroad.budget)), ==, 10000);
  g_assert_true (t->abroad.previous.set);
  g_assert_cmpint (FEN (t->abroad.previous), ==, 0);
  g_assert_cmpint (t->abroad.groups.value, ==, 1);
  g_assert_cmpint (t->abroad.persons.value, ==, 1);
  g_assert_cmpstr (t->abroad.purpose, ==, "本年到柬埔寨执行经济贸易合作任务");
  /* vehicles: 99.18% of budget, +0.16 / +5.68% on last year (2.82) */
  g_assert_cmpint (jue_ratio_centi (FEN (t->vehicle.actual), FEN (t->vehicle.budget)), ==, 9918);
  assert_displays (t->vehicle.previous, "2.82");
  g_assert_cmpint (jue_div_round (FEN (t->vehicle.actual) - FEN (t->vehicle.previous),
                                  JUE_FEN_PER_DISPLAY_UNIT), ==, 16);
  g_assert_cmpint (jue_ratio_centi (FEN (t->vehicle.actual) - FEN (t->vehicle.previous),
                                    FEN (t->vehicle.previous)), ==, 568);
  /* the rounded figures would give 5.67%: the seed computed from yuan */
  g_assert_cmpint (jue_ratio_centi (wan ("0.16"), wan ("2.82")), ==, 567);
  g_assert_cmpint (FEN (t->vehicle.purchase.actual) + FEN (t->vehicle.operation.actual), ==,
                   FEN (t->vehicle.actual));
  g_assert_cmpint (FEN (t->vehicle.purchase.budget) + FEN (t->vehicle.operation.budget), ==,
                   FEN (t->vehicle.budget));
  g_assert_cmpint (FEN (t->vehicle.purchase.previous) + FEN (t->vehicle.operation.previous), ==,
                   FEN (t->vehicle.previous));
  g_assert_cmpint (t->vehicle.sedans.value + t->vehicle.suvs.value + t->vehicle.buses.value, ==, 1);
  /* reception: 0 of a positive budget (0%), −1.02 on last year */
  g_assert_cmpint (FEN (t->reception.budget), >, 0);
  g_assert_cmpint (jue_ratio_centi (FEN (t->reception.actual), FEN (t->reception.budget)), ==, 0);
  g_assert_cmpint (FEN (t->reception.previous), ==, wan ("1.02"));
  g_assert_cmpint (FEN (t->reception.domestic.actual) + FEN (t->reception.foreign.actual), ==,
                   FEN (t->reception.actual));
  /* vehicles in the 三公 section = vehicles in state assets */
  g_assert_cmpint (sample->other.assets.vehicles_emergency.value, ==, 1);
  g_assert_cmpint (sample->other.assets.vehicles_leader.value +
                   sample->other.assets.vehicles_confidential.value +
                   sample->other.assets.vehicles_emergency.value +
                   sample->other.assets.vehicles_law_enforcement.value +
                   sample->other.assets.vehicles_special.value +
                   sample->other.assets.vehicles_other.value, ==, 1);
}

static void
test_other (void)
{
  JueOther *o = &sample->other;
  gint64 change = FEN (o->operating_cost) - FEN (o->operating_cost_previous);

  /* 机关运行经费78.5万元，比2023年度减少5.63万元，下降6.70% */
  g_assert_cmpint (FEN (o->operating_cost), ==, wan ("78.5"));
  assert_displays (o->operating_cost_previous, "84.13");
  g_assert_cmpint (jue_div_round (change, JUE_FEN_PER_DISPLAY_UNIT), ==, -563);
  g_assert_cmpint (jue_ratio_centi (change, FEN (o->operating_cost_previous)), ==, -670);
  /* the rounded figures would give 6.69% */
  g_assert_cmpint (jue_ratio_centi (wan ("5.63"), wan ("84.13")), ==, 669);
  g_assert_cmpint (FEN (o->operating_cost), <=, FEN (sample->basic.public));
  g_assert_true (o->procurement.goods.set);
  g_assert_cmpint (FEN (o->procurement.goods) + FEN (o->procurement.works) +
                   FEN (o->procurement.services), ==, 0);
  g_assert_cmpint (o->assets.equipment_over_1m.value, ==, 0);
  g_assert_cmpint (o->self_score.centi, ==, 9096);
  g_assert_true (g_str_has_suffix (o->performance_text, "专项预算项目绩效自评得分及绩效自评综述详见附件。"));
  g_assert_true (sample->gov_fund.expenditure.set);
  g_assert_cmpint (FEN (sample->gov_fund.expenditure), ==, 0);
  g_assert_cmpint (FEN (sample->state_capital.expenditure), ==, 0);
}

static void
test_glossary (void)
{
  JueGlossaryEntry *first = g_ptr_array_index (sample->glossary, 0);
  JueGlossaryEntry *last = g_ptr_array_index (sample->glossary, 29);
  JueGlossaryEntry *three = g_ptr_array_index (sample->glossary, 28);

  g_assert_cmpstr (first->term, ==, "财政拨款收入");
  g_assert_cmpstr (first->definition, ==, "指单位从同级财政部门取得的财政预算资金。");
  g_assert_cmpstr (three->term, ==, "“三公”经费");
  g_assert_cmpstr (last->term, ==, "机关运行经费");
  g_assert_true (g_str_has_prefix (last->definition, "为保障行政单位"));
  for (guint i = 0; i < 30; i++)
    {
      JueGlossaryEntry *g = g_ptr_array_index (sample->glossary, i);
      g_assert_nonnull (g->term);
      g_assert_nonnull (g->definition);
      g_assert_null (strchr (g->term, ':'));
      g_assert_null (strstr (g->term, "："));
    }
}

static void
test_dept_eval (void)
{
  JueDeptEval *d = &sample->dept_eval;
  JueIndicator *rate = IND (d->indicators, 8);
  JueTextSection *s0 = g_ptr_array_index (d->sections, 0);
  JueTextSection *s3 = g_ptr_array_index (d->sections, 3);

  g_assert_cmpint (FEN (d->funds_total), ==, wan ("550.34"));
  g_assert_cmpint (FEN (d->funds_appropriation), ==, wan ("550.34"));
  g_assert_true (d->funds_other.set);
  g_assert_cmpint (FEN (d->funds_other), ==, 0);
  g_assert_cmpint (FEN (d->budget_executed), ==, wan ("1447.01"));
  g_assert_cmpint (jue_ratio_centi (FEN (d->budget_executed), FEN (d->budget_adjusted)), ==, 9575);
  g_assert_cmpint (FEN (d->basic_actual) + FEN (d->project_actual), ==, FEN (d->budget_executed));
  /* 基本支出总体执行进度95.6%，项目支出总体执行进度95.90% */
  g_assert_cmpint (jue_ratio_centi (FEN (d->basic_actual), FEN (d->basic_budget)), ==, 9560);
  g_assert_cmpint (jue_ratio_centi (FEN (d->project_actual), FEN (d->project_budget)), ==, 9590);
  assert_displays (d->project_budget, "763.40");
  /* the rounded 763.40 would give 95.91% */
  g_assert_cmpint (jue_ratio_centi (wan ("732.14"), wan ("763.40")), ==, 9591);
  /* basic 714.87 here vs 708.77 in the accounts: a gap of 6.10, which the
   * text explains as 3.25 + 2.86 = 6.11 reclassified — 0.01 apart (NOTES.md) */
  g_assert_cmpint (FEN (d->basic_actual) - FEN (sample->expenditure.basic), ==, wan ("6.10"));
  g_assert_cmpint (wan ("3.25") + wan ("2.86") - wan ("6.10"), ==, JUE_FEN_PER_DISPLAY_UNIT);

  g_assert_cmpint (weight_total (d->indicators), ==, 9000);
  g_assert_cmpint (d->template_total.centi, ==, 9000);
  g_assert_cmpint (d->self_score.centi, ==, 9096);
  g_assert_cmpstr (IND (d->indicators, 2)->actual, ==, "591，230");
  g_assert_cmpstr (IND (d->indicators, 2)->nature, ==, "定性");
  g_assert_cmpstr (IND (d->indicators, 3)->target, ==, "全社会研发投入突破13亿元");
  g_assert_cmpstr (IND (d->indicators, 3)->actual, ==, "12.44");
  g_assert_cmpstr (rate->name, ==, "重点工作完成率");
  g_assert_cmpstr (rate->nature, ==, "≥");
  g_assert_cmpstr (rate->target, ==, "98");
  g_assert_cmpstr (rate->unit, ==, "%");
  g_assert_cmpint (rate->weight.centi, ==, 500);
  g_assert_cmpstr (rate->actual, ==, "95%");
  g_assert_cmpstr (IND (d->indicators, 13)->level2, ==, "可持续发展指标");
  g_assert_cmpstr (IND (d->indicators, 17)->target, ==, "0.3元/张，10元/册");

  g_assert_cmpstr (((JueTask *) g_ptr_array_index (d->tasks, 0))->name, ==, "单位人员开支保障工作");
  g_assert_cmpstr (s0->title, ==, "一、部门（单位）基本情况");
  g_assert_true (g_str_has_prefix (s0->body, "（一）机构组成。"));
  g_assert_nonnull (strchr (s0->body, '\n'));
  g_assert_cmpstr (s3->title, ==, "四、评价结论及建议");
  g_assert_true (g_str_has_suffix (d->target, "服务遂宁企业。"));
}

static void
test_special_funds (void)
{
  static const gint64 weights[8] = { 9000, 9000, 18000, 9000, 9000, 9000, 10000, 9000 };
  static const char *executed[8] = { "28.35", "195", "254.03", "18", "210", "1.37", "35", "0.5" };
  JueSpecialFund *f2 = FUND (0), *f3 = FUND (1), *f4 = FUND (2), *f5 = FUND (3), *f6 = FUND (4);
  JueIndicator *satisfaction = IND (f6->indicators, 5);

  for (guint i = 0; i < 8; i++)
    {
      g_assert_cmpint (weight_total (FUND (i)->indicators), ==, weights[i]);
      g_assert_cmpint (FEN (FUND (i)->funds_executed), ==, wan (executed[i]));
      g_assert_cmpint (FEN (FUND (i)->funds_appropriation), ==, FEN (FUND (i)->funds_total));
      g_assert_nonnull (FUND (i)->project_name);
    }
  /* 附件4: 15+15+15+10+105+10+10 = 180 */
  g_assert_cmpint (IND (f4->indicators, 4)->weight.centi, ==, 10500);
  g_assert_cmpint (FUND (6)->template_total.centi, ==, 10000);

  /* 附件2: 99.45 = 90 indicator points + 10 × 28.35 / 30 */
  g_assert_cmpint (f2->self_score.centi, ==, 9945);
  g_assert_cmpint (FEN (f2->funds_total), ==, wan ("30"));
  g_assert_cmpint (weight_total (f2->indicators) +
                   10 * jue_ratio_centi (FEN (f2->funds_executed), FEN (f2->funds_total)) / 100, ==, 9945);
  g_assert_cmpstr (f2->allocation, ==, "项目法");
  g_assert_cmpstr (IND (f2->indicators, 6)->actual, ==, "企业满意度100%");

  /* 附件3 科技创新券 195 = the 科技奖励 row */
  g_assert_cmpstr (f3->functional_ref, ==, "科技奖励");
  g_assert_cmpint (FEN (f3->funds_total), ==, FEN (ROW (9)->actual));
  g_assert_cmpstr (f3->allocation, ==, "据实据效");
  g_assert_cmpstr (f3->title, ==, "2024年科技创新券专项资金绩效自评报告");

  g_assert_cmpstr (f5->allocation, ==, "项目法、据实据效");
  g_assert_cmpstr (IND (f5->indicators, 6)->unit, ==, "人/元");

  /* 附件6: ≥ 96 百分比, actual 满意; score 100 */
  g_assert_cmpstr (satisfaction->nature, ==, "≥");
  g_assert_cmpstr (satisfaction->target, ==, "96");
  g_assert_cmpstr (satisfaction->unit, ==, "百分比");
  g_assert_cmpstr (satisfaction->actual, ==, "满意");
  g_assert_cmpint (f6->self_score.centi, ==, 10000);
  g_assert_cmpint (FEN (f6->funds_total), ==, wan ("225"));
  g_assert_cmpstr (((JueTextSection *) g_ptr_array_index (f6->sections, 4))->title, ==, "五、存在主要问题");

  /* 附件7 spent 1.37 of 5: the 招商引资 row (27.40%) */
  g_assert_cmpint (FEN (FUND (5)->funds_executed), ==, FEN (ROW (0)->actual));
  g_assert_cmpint (FEN (FUND (5)->funds_total), ==, FEN (ROW (0)->budget));

  /* 附件9: = 0.5 万元 */
  g_assert_cmpstr (IND (FUND (7)->indicators, 0)->nature, ==, "=");
  g_assert_cmpint (FEN (FUND (7)->funds_total), ==, wan ("0.5"));
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The sample lives in the core resource bundle, an object of the static
   * core library that a linker drops when nothing names it: name it. */
  g_assert_nonnull (jue_core_get_resource ());

  sample = jue_sample_new (&error);
  g_assert_no_error (error);
  g_assert_nonnull (sample);

  g_test_add_func ("/sample/loads", test_loads);
  g_test_add_func ("/sample/round-trip", test_round_trip);
  g_test_add_func ("/sample/list-sizes", test_list_sizes);
  g_test_add_func ("/sample/profile", test_profile);
  g_test_add_func ("/sample/overview-sums", test_overview_sums);
  g_test_add_func ("/sample/functional", test_functional);
  g_test_add_func ("/sample/published-tables", test_published_tables);
  g_test_add_func ("/sample/three-public", test_three_public);
  g_test_add_func ("/sample/other", test_other);
  g_test_add_func ("/sample/glossary", test_glossary);
  g_test_add_func ("/sample/dept-eval", test_dept_eval);
  g_test_add_func ("/sample/special-funds", test_special_funds);

  status = g_test_run ();
  jue_report_free (sample);
  return status;
}
