/* test-computed.c — computed values on the sample match the published
 * figures; undefined values say why; paths, lookup, foreach and
 * docs/computed.md agree; the cheap update equals the full one.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jue-computed.h"
#include "jue-tsv.h"

static JueReport *
sample (void)
{
  g_autoptr (GError) error = NULL;
  JueReport *r = jue_sample_new (&error);

  g_assert_no_error (error);
  return r;
}

static char *
shown (const JueComputed *c,
       const char        *path)
{
  JueValue v;

  if (!jue_computed_lookup (c, path, &v))
    g_error ("no computed value at %s", path);
  return strstr (path, "change") ? jue_value_display_signed (&v) : jue_value_display (&v);
}

/* Figures printed in the seed report. */
static const struct { const char *path; const char *text; } published[] = {
  { "income.total", "1447.01" },
  { "income.grand_total", "1447.01" },
  { "income.change", "-131.49" },
  { "income.change_pct", "-8.33%" },
  { "income.general_budget.share", "100.00%" },
  { "expenditure.total", "1447.01" },
  { "expenditure.basic.share", "48.98%" },
  { "expenditure.project.share", "51.02%" },
  { "balance.difference", "0.00" },
  { "appropriation.expenditure_grand_total", "1447.01" },
  { "appropriation.change", "-131.49" },
  { "functional_total.actual", "1447.01" },
  { "functional[1].completion", "95.03%" },
  { "functional[0].completion", "27.40%" },
  { "functional_classes[1].actual", "1288.67" },
  { "functional_classes[1].rows", "9" },
  { "functional_classes[2].actual", "89.48" },
  { "basic.total", "708.77" },
  { "three_public.total.actual", "6.23" },
  { "three_public.total.completion", "99.29%" },
  { "three_public.total.change", "+2.39" },
  { "three_public.total.change_pct", "+62.24%" },
  { "three_public.vehicle.change", "+0.16" },
  { "three_public.vehicle.change_pct", "+5.68%" },   /* from yuan-exact figures, not 5.67% */
  { "three_public.vehicle.count", "1" },
  { "three_public.abroad.change_pct", "previous year was 0" },
  { "three_public.vehicle.purchase.completion", "no budget" },
  { "other.operating_cost.change", "-5.63" },
  { "other.procurement.total", "0.00" },
  { "other.procurement.sme_share", "total is 0" },
  { "other.assets.vehicles_total", "1" },
  { "dept_eval.weight_total", "90.00" },
  { "dept_eval.execution_rate", "95.75%" },
  { "special_funds[2].weight_total", "180.00" },
  { "special_funds[6].template_total", "100.00" },
  { "special_funds[0].score", "99.45" },
  { "special_funds[0].score_gap", "0.00" },
  /* the published tables (issue 11): the sample's 表2/表3 rows, 表5 split, 表6 */
  { "accounts_total.income_total", "1447.01" },
  { "accounts_total.income_appropriation", "1447.01" },
  { "accounts_total.exp_total", "1447.01" },
  { "accounts_total.exp_basic", "708.77" },
  { "accounts_total.exp_project", "738.24" },
  { "accounts[1].exp_total", "329.53" },
  { "functional_total.basic", "708.77" },
  { "functional_total.project", "738.24" },
  { "functional_total.unsplit", "0.00" },
  { "functional[2].unsplit", "0.00" },
  { "functional_total.budget_initial", "blank" },
  { "economic.unsplit_personnel", "630.27" },
  { "economic.unsplit_public", "78.50" },
  { "economic_total.actual", "blank" },
};

static void
test_sample_figures (void)
{
  g_autoptr (JueReport) r = sample ();
  g_autoptr (JueComputed) c = jue_computed_new ();

  jue_computed_update (c, r);
  for (guint i = 0; i < G_N_ELEMENTS (published); i++)
    {
      g_autofree char *text = shown (c, published[i].path);
      if (strcmp (text, published[i].text) != 0)
        g_error ("%s: %s, expected %s", published[i].path, text, published[i].text);
    }
  g_assert_cmpuint (c->functional_classes->len, ==, 5);
  g_assert_cmpstr (g_array_index (c->functional_classes, JueFunctionalClassComputed, 1).code,
                   ==, "206");
  g_assert_cmpstr (g_array_index (c->functional_classes, JueFunctionalClassComputed, 1).name,
                   ==, "科学技术支出");
  g_assert_cmpint (c->three_public.total.actual.value, ==, 6230000);
  g_assert_cmpint (c->three_public.total.actual.kind, ==, JUE_VALUE_AMOUNT);
}

static void
test_undefined (void)
{
  g_autoptr (JueReport) r = jue_report_new ();
  g_autoptr (JueComputed) c = jue_computed_new ();
  JueValue v;

  jue_report_set (r, "three_public.abroad.actual", "3", NULL);
  jue_report_set (r, "three_public.abroad.previous", "0", NULL);
  jue_report_set (r, "three_public.vehicle.actual", "2", NULL);
  jue_computed_update (c, r);

  g_assert_true (jue_computed_lookup (c, "three_public.abroad.change", &v));
  g_assert_true (v.defined);
  g_assert_cmpint (v.value, ==, 3000000);
  g_assert_true (jue_computed_lookup (c, "three_public.abroad.change_pct", &v));
  g_assert_false (v.defined);       /* 上年为0, never +100% */
  g_assert_cmpint (v.reason, ==, JUE_UNDEFINED_PREVIOUS_ZERO);
  g_assert_true (jue_computed_lookup (c, "three_public.vehicle.change", &v));
  g_assert_cmpint (v.reason, ==, JUE_UNDEFINED_NO_PREVIOUS);
  g_assert_true (jue_computed_lookup (c, "three_public.abroad.completion", &v));
  g_assert_cmpint (v.reason, ==, JUE_UNDEFINED_NO_BUDGET);
  g_assert_true (jue_computed_lookup (c, "three_public.abroad.share", &v));
  g_assert_cmpint (v.value, ==, 6000);   /* 3 of 5 */

  g_assert_false (jue_computed_lookup (c, "three_public.nothing", &v));
  g_assert_false (jue_computed_lookup (c, "functional[0].share", &v));   /* no rows */
  g_assert_false (jue_computed_lookup (c, "special_funds[0].score", &v));
  g_assert_false (jue_computed_lookup (c, "income.total.x", &v));
}

static void
set_all (JueReport  *r,
         const char *edits)
{
  g_auto (GStrv) parts = g_strsplit (edits, ";", -1);

  for (guint i = 0; parts[i] && *parts[i]; i++)
    {
      g_autoptr (GError) error = NULL;
      char *eq = strchr (parts[i], '=');

      *eq = '\0';
      jue_report_ensure_path (r, parts[i], &error);
      g_assert_no_error (error);
      jue_report_set_typed (r, parts[i], eq + 1, NULL, &error);
      g_assert_no_error (error);
    }
}

/* Row totals, list totals, 类/款 subtotals (by code, else by name), 未分项
 * remainders and 表6's blocks: blank is unknown (not 0), a figure that
 * cannot be read makes what depends on it unknown. */
static void
test_published_lists (void)
{
  static const struct { const char *path; const char *text; } expect[] = {
    { "accounts[0].exp_total", "10.00" },
    { "accounts[0].income_total", "blank" },
    { "accounts[1].income_total", "a figure cannot be read" },
    { "accounts[1].exp_total", "5.00" },
    { "accounts_total.exp_basic", "17.00" },
    { "accounts_total.exp_project", "blank" },
    { "accounts_total.income_other", "a figure cannot be read" },
    { "accounts_total.income_superior", "blank" },
    { "accounts_total.exp_total", "17.00" },
    /* rows 0 (coded) and 1 (named) make one 类 and one 款 */
    { "accounts_subtotals[0].code", "206" },
    { "accounts_subtotals[0].level", "1" },
    { "accounts_subtotals[0].rows", "2" },
    { "accounts_subtotals[0].exp_basic", "15.00" },
    { "accounts_subtotals[0].income_other", "a figure cannot be read" },
    { "accounts_subtotals[1].code", "20601" },
    { "accounts_subtotals[1].level", "2" },
    { "accounts_subtotals[1].parent", "0" },
    { "accounts_subtotals[1].rows", "2" },
    { "accounts_subtotals[2].code", "208" },
    { "accounts_subtotals[3].code", "20805" },
    { "accounts_subtotals[3].parent", "2" },
    { "accounts_subtotals[3].exp_basic", "2.00" },
    { "accounts[1].class_subtotal", "0" },
    { "accounts[1].kuan_subtotal", "1" },
    { "accounts[2].kuan_subtotal", "3" },
    /* 未分项 of a 项: what the typed parts leave of its actual */
    { "functional[0].unsplit", "7.00" },
    { "functional[1].unsplit", "blank" },
    { "functional[2].unsplit", "a figure cannot be read" },
    { "functional_total.basic", "4.00" },
    { "functional_subtotals[0].actual", "15.00" },
    { "functional_subtotals[0].project", "a figure cannot be read" },
    { "gov_fund.rows[0].unsplit", "1.00" },
    { "gov_fund.rows_carried_in", "4.00" },
    { "gov_fund.rows_income", "blank" },
    { "gov_fund.subtotals[0].code", "212" },
    { "gov_fund.subtotals[1].code", "21208" },
    { "gov_fund.subtotals[1].actual", "3.00" },
    /* 表6: 302 over its 款 lines is their subtotal, not counted again */
    { "economic[0].counted", "0" },
    { "economic[0].block", "2" },
    { "economic[3].block", "1" },
    { "economic[3].counted", "1" },
    { "economic[5].block", "0" },
    { "economic_total.personnel", "20.50" },
    { "economic_total.public", "3.00" },
    { "economic_total.actual", "23.50" },
    { "economic.unsplit_personnel", "4.50" },
    { "economic.unsplit_public", "0.00" },
    { "economic_subtotals[0].code", "302" },
    { "economic_subtotals[0].rows", "2" },
    { "economic_subtotals[0].actual", "3.00" },
    { "economic_subtotals[1].code", "301" },
    { "economic_subtotals[1].actual", "20.00" },
    { "economic_subtotals[2].actual", "0.50" },
  };
  g_autoptr (JueReport) r = jue_report_new ();
  g_autoptr (JueComputed) c = jue_computed_new ();
  JueValue v;

  set_all (r, "accounts[0].code=2060101;accounts[0].class_name=科学技术支出;"
              "accounts[0].kuan_name=科学技术管理事务;accounts[0].exp_basic=10;"
              "accounts[1].class_name=科学技术支出;accounts[1].kuan_name=科学技术管理事务;"
              "accounts[1].exp_basic=5;accounts[1].income_other=4x;"
              "accounts[2].code=2080501;accounts[2].class_name=社会保障和就业支出;"
              "accounts[2].exp_basic=2;"
              "functional[0].class_name=A;functional[0].actual=10;functional[0].basic=3;"
              "functional[1].class_name=A;functional[1].basic=1;"
              "functional[2].class_name=A;functional[2].actual=5;functional[2].project=1x;"
              "gov_fund.rows[0].code=2120803;gov_fund.rows[0].name=X;gov_fund.rows[0].actual=3;"
              "gov_fund.rows[0].basic=2;gov_fund.rows[0].carried_in=4;"
              "economic[0].code=302;economic[0].name=商品和服务支出;economic[0].actual=9;"
              "economic[1].code=30201;economic[1].name=办公费;economic[1].actual=1;"
              "economic[2].code=30231;economic[2].name=公务用车运行维护费;economic[2].actual=2;"
              "economic[3].code=301;economic[3].name=工资福利支出;economic[3].actual=20;"
              "economic[4].code=30302;economic[4].name=退休费;economic[4].actual=0.5;"
              "economic[5].name=无编码;economic[5].actual=100;"
              "basic.personnel=25;basic.public=3");
  jue_computed_update (c, r);
  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      g_autofree char *text = shown (c, expect[i].path);
      if (strcmp (text, expect[i].text) != 0)
        g_error ("%s: %s, expected %s", expect[i].path, text, expect[i].text);
    }
  g_assert_cmpuint (c->accounts_subtotals->len, ==, 4);
  g_assert_cmpstr (g_array_index (c->accounts_subtotals, JueSubtotalComputed, 1).name, ==,
                   "科学技术管理事务");
  g_assert_cmpstr (g_array_index (c->economic_subtotals, JueSubtotalComputed, 0).name, ==,
                   "商品和服务支出");
  g_assert_cmpuint (c->economic_subtotals->len, ==, 3);

  /* a blank block total leaves its 未分项 unknown too */
  set_all (r, "basic.personnel=");
  jue_computed_update (c, r);
  g_assert_true (jue_computed_lookup (c, "economic.unsplit_personnel", &v));
  g_assert_false (v.defined);
  g_assert_cmpint (v.reason, ==, JUE_UNDEFINED_BLANK);
  /* and a block with no lines is wholly unsplit */
  set_all (r, "basic.personnel=7;economic[3].code=;economic[4].code=");
  jue_computed_update (c, r);
  g_assert_true (jue_computed_lookup (c, "economic.unsplit_personnel", &v));
  g_assert_cmpint (v.value, ==, 7000000);
}

static void
test_zh_reason (void)
{
  JueValue v = { 0, JUE_VALUE_PERCENT, JUE_UNDEFINED_PREVIOUS_ZERO, FALSE };
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *text = NULL;

  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("zh_CN.UTF-8 locale is not installed");
      return;
    }
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  text = jue_value_display (&v);
  g_assert_cmpstr (text, ==, "上年为0");
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, saved);
}

typedef struct {
  const JueComputed *c;
  guint              n;
} Walk;

static void
check_lookup (const char *path, const JueValue *value, gpointer user_data)
{
  Walk *w = user_data;
  JueValue v;

  g_assert_true (jue_computed_lookup (w->c, path, &v));
  /* member by member: the struct's padding is not part of the value */
  g_assert_cmpint (v.value, ==, value->value);
  g_assert_cmpuint (v.kind, ==, value->kind);
  g_assert_cmpuint (v.reason, ==, value->reason);
  g_assert_cmpint (v.defined, ==, value->defined);
  w->n++;
}

static void
collect_pattern (const char *pattern, JueValueKind kind, const char *description,
                 gpointer user_data)
{
  g_ptr_array_add (user_data, g_strdup (pattern));
}

/* Every value foreach visits can be looked up; every schema pattern is in
 * docs/computed.md. */
static void
test_paths_and_docs (void)
{
  g_autoptr (JueReport) r = sample ();
  g_autoptr (JueComputed) c = jue_computed_new ();
  g_autoptr (GPtrArray) patterns = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *doc = NULL;
  g_autofree char *doc_path = g_test_build_filename (G_TEST_DIST, "..", "docs", "computed.md", NULL);
  Walk w = { c, 0 };

  jue_computed_update (c, r);
  jue_computed_foreach (c, NULL, check_lookup, &w);
  g_assert_cmpuint (w.n, >, 300);
  w.n = 0;
  jue_computed_foreach (c, "special_funds[2]", check_lookup, &w);
  g_assert_cmpuint (w.n, ==, 9 + ((JueSpecialFund *) r->special_funds->pdata[2])->indicators->len);

  jue_computed_schema_foreach (collect_pattern, patterns);
  g_assert_cmpuint (patterns->len, >, 80);
  g_assert_true (g_file_get_contents (doc_path, &doc, NULL, NULL));
  for (guint i = 0; i < patterns->len; i++)
    {
      g_autofree char *quoted = g_strdup_printf ("`%s`", (char *) patterns->pdata[i]);
      if (strstr (doc, quoted) == NULL)
        g_error ("docs/computed.md does not list %s", quoted);
    }
}

/* jue_computed_update_after() after one edit equals a full update. */
static void
test_update_after (void)
{
  static const struct { const char *path; const char *value; } edits[] = {
    { "dept_eval.indicators[8].actual", "98%" },
    { "special_funds[4].indicators[5].actual", "97" },
    { "special_funds[4].indicators[5].nature", "定性" },
    { "special_funds[2].indicators[4].weight", "15" },
    { "functional[3].actual", "47.74" },
    { "dept_eval.indicators[3].target", "12" },
    { "accounts[3].exp_basic", "40" },
    { "functional[4].basic", "2" },
  };
  g_autoptr (JueReport) r = sample ();
  g_autoptr (JueComputed) inc = jue_computed_new ();
  g_autoptr (JueComputed) full = jue_computed_new ();

  jue_computed_update (inc, r);
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr (GError) error = NULL;
      Walk w = { full, 0 };

      jue_report_set (r, edits[i].path, edits[i].value, &error);
      g_assert_no_error (error);
      jue_computed_update_after (inc, r, edits[i].path);
      jue_computed_update (full, r);
      w.c = full;
      jue_computed_foreach (inc, NULL, check_lookup, &w);
    }
  g_assert_cmpint (g_array_index (inc->special_funds, JueEvalComputed, 2).weight_total.value,
                   ==, 9000);
}

static void
test_indicator_number (void)
{
  static const char * const texts[] = {
    "95%", "≥ 98", "591，230", "１２．４４亿元", "全社会研发投入突破13亿元", "-3.5", "x-2", "满意",
    "", "0.0000001", "2024年12月", "１２.5", "12.", "99999999999999999999", "－５",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      gint64 a = -1, b = -1;
      gboolean ra = jue_indicator_number (texts[i], &a);
      gboolean rb = jue_text_first_number (texts[i], &b);

      if (ra != rb || (ra && a != b))
        g_error ("“%s”: %d %" G_GINT64_FORMAT " vs %d %" G_GINT64_FORMAT, texts[i], ra, a, rb, b);
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, SOURCE_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/computed/sample-figures", test_sample_figures);
  g_test_add_func ("/computed/undefined", test_undefined);
  g_test_add_func ("/computed/published-lists", test_published_lists);
  g_test_add_func ("/computed/zh-reason", test_zh_reason);
  g_test_add_func ("/computed/paths-and-docs", test_paths_and_docs);
  g_test_add_func ("/computed/update-after", test_update_after);
  g_test_add_func ("/computed/indicator-number", test_indicator_number);
  return g_test_run ();
}
