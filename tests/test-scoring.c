/* test-scoring.c — DOMAIN.md "Scoring": per indicator by nature, 定性 by
 * grade, budget execution, table totals and the gap to the self-score, all
 * in centi-points.
 */
#include "config.h"

#include <string.h>

#include "jue-computed.h"
#include "jue-tsv.h"

typedef struct {
  const char *nature;
  const char *target;
  const char *actual;
  const char *weight;
  const char *grade;
  gint64      score;      /* centi-points */
  JueIndicatorStatus status;
} Row;

static const Row rows[] = {
  { "≥", "98", "98%", "10", "", 1000, JUE_INDICATOR_MET },
  { "≥", "98", "95%", "10", "", 969, JUE_INDICATOR_MISSED },        /* 10 × 95/98 = 9.694 */
  { "≥", "≥98%", "99.5", "5", "", 500, JUE_INDICATOR_MET },
  { "≤", "5", "10", "10", "", 500, JUE_INDICATOR_MISSED },          /* 10 × 5/10 */
  { "≤", "5天", "3天", "10", "", 1000, JUE_INDICATOR_MET },
  { "=", "100", "100", "4", "", 400, JUE_INDICATOR_MET },
  { "=", "100", "99", "4", "", 0, JUE_INDICATOR_MISSED },
  { "定性", "优", "良", "10", "80", 800, JUE_INDICATOR_QUALITATIVE },
  { "定性", "优", "良", "10", "", 1000, JUE_INDICATOR_QUALITATIVE },  /* ungraded: full */
  { "定性", "13亿元", "12.44", "9", "", 900, JUE_INDICATOR_QUALITATIVE },
  /* a word where a figure is expected scores 0 (was full weight) … */
  { "≥", "96", "满意", "5", "", 0, JUE_INDICATOR_NOT_NUMERIC },
  { "≤", "30万元", "完成", "90", "", 0, JUE_INDICATOR_NOT_NUMERIC },
  /* … unless the reviewer grades it */
  { "≥", "96", "满意", "5", "60", 300, JUE_INDICATOR_NOT_NUMERIC },
  /* a blank actual cannot be scored: 0 (was full weight) */
  { "≥", "96", "", "5", "", 0, JUE_INDICATOR_NO_ACTUAL },
  { "=", "100", "  ", "4", "", 0, JUE_INDICATOR_NO_ACTUAL },
  { "≥", "３", "２", "3", "", 200, JUE_INDICATOR_MISSED },           /* full-width digits */
};

static void
set (JueReport  *r,
     const char *path,
     const char *value)
{
  g_autoptr (GError) error = NULL;

  jue_report_ensure_path (r, path, &error);
  g_assert_no_error (error);
  jue_report_set (r, path, value, &error);
  g_assert_no_error (error);
}

static void
test_indicators (void)
{
  g_autoptr (JueReport) r = jue_report_new ();
  g_autoptr (JueComputed) c = jue_computed_new ();
  gint64 total = 0, weights = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *p = g_strdup_printf ("special_funds[0].indicators[%u]", i);
      g_autofree char *n = g_strconcat (p, ".nature", NULL);
      g_autofree char *t = g_strconcat (p, ".target", NULL);
      g_autofree char *a = g_strconcat (p, ".actual", NULL);
      g_autofree char *w = g_strconcat (p, ".weight", NULL);
      g_autofree char *g = g_strconcat (p, ".grade", NULL);

      set (r, n, rows[i].nature);
      set (r, t, rows[i].target);
      set (r, a, rows[i].actual);
      set (r, w, rows[i].weight);
      set (r, g, rows[i].grade);
      total += rows[i].score;
      weights += g_ascii_strtoll (rows[i].weight, NULL, 10) * 100;
    }
  set (r, "special_funds[0].funds_total", "100");
  set (r, "special_funds[0].funds_executed", "95");
  set (r, "special_funds[0].self_score", "100");
  jue_computed_update (c, r);

  {
    const JueEvalComputed *e = jue_computed_get_eval (c, "special_funds[0]");

    g_assert_nonnull (e);
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        const JueIndicatorComputed *ic = &g_array_index (e->indicators, JueIndicatorComputed, i);
        if (ic->score.value != rows[i].score || ic->status != rows[i].status)
          g_error ("row %u (%s %s / %s, grade “%s”): score %" G_GINT64_FORMAT " status %d",
                   i, rows[i].nature, rows[i].target, rows[i].actual, rows[i].grade,
                   ic->score.value, ic->status);
      }
    g_assert_cmpint (e->weight_total.value, ==, weights);
    g_assert_cmpint (e->indicator_score.value, ==, total);
    g_assert_cmpint (e->execution_rate.value, ==, 9500);
    g_assert_cmpint (e->execution_score.value, ==, 950);            /* 10 × 0.95 */
    g_assert_cmpint (e->score.value, ==, total + 950);
    g_assert_cmpint (e->score_gap.value, ==, total + 950 - 10000);
    g_assert_cmpint (e->ungraded.value, ==, 2);     /* the two 定性 rows without a grade */
    g_assert_cmpint (e->unscored.value, ==, 4);     /* 满意, 完成, and the two blank actuals */
  }
}

static void
test_execution (void)
{
  static const struct { const char *budget, *executed, *template_total; gint64 rate, score; gboolean defined; } cases[] = {
    { "100", "95", "", 9500, 950, TRUE },
    { "100", "120", "", 12000, 1000, TRUE },   /* min(1, …) */
    { "1511.20", "1447.01", "90", 9575, 958, TRUE },
    { "100", "50", "100", 5000, 0, TRUE },      /* a 100 template leaves no execution points */
    { "", "50", "", 0, 0, FALSE },
    { "0", "50", "", 0, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JueReport) r = jue_report_new ();
      g_autoptr (JueComputed) c = jue_computed_new ();

      set (r, "dept_eval.budget_adjusted", cases[i].budget);
      set (r, "dept_eval.budget_executed", cases[i].executed);
      set (r, "dept_eval.template_total", cases[i].template_total);
      jue_computed_update (c, r);
      g_assert_cmpint (c->dept_eval.execution_rate.defined, ==, cases[i].defined);
      g_assert_cmpint (c->dept_eval.execution_score.defined, ==, cases[i].defined);
      if (cases[i].defined)
        {
          g_assert_cmpint (c->dept_eval.execution_rate.value, ==, cases[i].rate);
          g_assert_cmpint (c->dept_eval.execution_score.value, ==, cases[i].score);
        }
      g_assert_false (c->dept_eval.score_gap.defined);   /* no self score */
    }
}

/* A table whose 完成值 are all blank computed 100.00 (issue 9): now 0
 * points from the indicators, and it says how many rows it could not
 * score. */
static void
test_blank_actuals (void)
{
  g_autoptr (JueReport) r = jue_report_new ();
  g_autoptr (JueComputed) c = jue_computed_new ();
  static const char * const targets[] = { "60", "95%", "≤30万元" };
  static const char * const natures[] = { "≥", "≥", "≤" };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *p = g_strdup_printf ("dept_eval.indicators[%u]", i);
      g_autofree char *n = g_strconcat (p, ".nature", NULL);
      g_autofree char *t = g_strconcat (p, ".target", NULL);
      g_autofree char *w = g_strconcat (p, ".weight", NULL);

      set (r, n, natures[i]);
      set (r, t, targets[i]);
      set (r, w, "30");
    }
  set (r, "dept_eval.budget_adjusted", "100");
  set (r, "dept_eval.budget_executed", "100");
  jue_computed_update (c, r);
  g_assert_cmpint (c->dept_eval.indicator_score.value, ==, 0);
  g_assert_cmpint (c->dept_eval.score.value, ==, 1000);       /* budget execution only */
  g_assert_cmpint (c->dept_eval.unscored.value, ==, 3);
  g_assert_cmpint (c->dept_eval.ungraded.value, ==, 0);
  {
    JueValue v;
    g_assert_true (jue_computed_lookup (c, "dept_eval.unscored", &v));
    g_assert_cmpint (v.value, ==, 3);
  }
  /* an empty row (nature not typed yet) is neither unscored nor ungraded */
  g_assert_cmpint (jue_report_list_insert (r, "dept_eval.indicators", -1, NULL), ==, 3);
  jue_computed_update (c, r);
  g_assert_cmpint (c->dept_eval.unscored.value, ==, 3);
  g_assert_cmpint (c->dept_eval.ungraded.value, ==, 0);
}

/* 附件2 of the sample: computed 99.45 beside the self-reported 99.45. */
static void
test_sample_scores (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) r = jue_sample_new (&error);
  g_autoptr (JueComputed) c = jue_computed_new ();
  const JueEvalComputed *e;

  g_assert_no_error (error);
  jue_computed_update (c, r);
  e = jue_computed_get_eval (c, "special_funds[0]");
  g_assert_cmpint (e->score.value, ==, 9945);
  g_assert_cmpint (e->score_gap.value, ==, 0);
  e = jue_computed_get_eval (c, "special_funds[2]");
  g_assert_cmpint (e->weight_total.value, ==, 18000);
  g_assert_null (jue_computed_get_eval (c, "special_funds[99]"));
  g_assert_null (jue_computed_get_eval (c, "special_funds[0].x"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scoring/indicators", test_indicators);
  g_test_add_func ("/scoring/execution", test_execution);
  g_test_add_func ("/scoring/sample", test_sample_scores);
  g_test_add_func ("/scoring/blank-actuals", test_blank_actuals);
  return g_test_run ();
}
