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
  g_assert_cmpmem (&v, sizeof v, value, sizeof *value);
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
  g_test_add_func ("/computed/zh-reason", test_zh_reason);
  g_test_add_func ("/computed/paths-and-docs", test_paths_and_docs);
  g_test_add_func ("/computed/update-after", test_update_after);
  g_test_add_func ("/computed/indicator-number", test_indicator_number);
  return g_test_run ();
}
