/* test-narrative.c — Part 2 (决算情况说明) written from the figures
 * (jue-narrative.c, resources/phrases/ files): the sample's text holds the
 * seed's sentences with the same figures, except where the seed's own
 * arithmetic is off (listed below, each with its reason); the words follow
 * the sign; a zero base has no percentage; a missing reason is visible and
 * counted; empty tables say so. */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "jue-chart-data.h"
#include "jue-completeness.h"
#include "jue-narrative.h"
#include "jue-phrases.h"
#include "jue-report.h"
#include "jue-template.h"
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
text_of (JueReport *report)
{
  g_autoptr (JueNarrative) n = jue_narrative_new (report, NULL, NULL);
  return jue_narrative_to_text (n);
}

static char *
section_of (JueReport  *report,
            const char *id)
{
  g_autoptr (JueNarrative) n = jue_narrative_new (report, NULL, NULL);
  const JueNarrativeSection *s = jue_narrative_get_section (n, id);

  g_assert_nonnull (s);
  return jue_narrative_section_text (s);
}

static void
set (JueReport  *report,
     const char *path,
     const char *value)
{
  g_autoptr (GError) error = NULL;

  jue_report_ensure_path (report, path, &error);   /* rows as needed */
  g_assert_no_error (error);

  g_assert_true (jue_report_set (report, path, value, &error));
  g_assert_no_error (error);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” is not in the text (%zu bytes)", needle, strlen (haystack));
}

static void
assert_lacks (const char *haystack,
              const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("“%s” should not be in the text", needle);
}

/* The seed's layout, not its words: Word bookmarks, white space (the seed
 * pads some lines with spaces) and an ASCII colon after （项）. */
static char *
normalize (const char *text)
{
  g_autoptr (GRegex) bookmark = g_regex_new ("\\[bookmark: [^\\]]*\\]", 0, 0, NULL);
  g_autoptr (GRegex) space = g_regex_new ("[ \\t\\x{3000}]+", 0, 0, NULL);
  g_autoptr (GRegex) colon = g_regex_new ("（项）:", 0, 0, NULL);
  g_autofree char *a = g_regex_replace_literal (bookmark, text, -1, 0, "", 0, NULL);
  g_autofree char *b = g_regex_replace_literal (space, a, -1, 0, "", 0, NULL);

  return g_regex_replace_literal (colon, b, -1, 0, "（项）：", 0, NULL);
}

/* Where the generated Part 2 differs from the seed, and why.  seed is the
 * part of the seed's sentence that differs, ours what Juesuan prints. */
static const struct {
  const char *seed;
  const char *ours;
  const char *why;
} differences[] = {
  { "（图2：收入决算结构图）（饼状图）", "（图1：收入决算结构图）",
    "Juesuan numbers its four charts in the order Part 2 refers to them; "
    "（饼状图） is an editor's note of the seed" },
  { "一般公共服务支出1.37万元，占0.1%", "一般公共服务支出1.37万元，占0.09%",
    "1.37 / 1447.01 = 0.0947%: the seed forced the class shares to total 100%" },
  { "科学技术支出1288.67万元，占89.05%", "科学技术支出1288.67万元，占89.06%",
    "1288.67 / 1447.01 = 89.0574%, rounded half up 89.06%: the seed forced 100%" },
  { "社会保障和就业支出89.48万元，占6.19%", "社会保障和就业支出89.48万元，占6.18%",
    "89.48 / 1447.01 = 6.1838%: the seed forced 100%" },
  { "2024年度一般公共预算财政拨款支出决算数为1447.01，",
    "2024年度一般公共预算财政拨款支出决算数为1447.01万元，完成预算95.75%",
    "the seed leaves out the unit" },
  { "公用经费78.5万元", "公用经费78.50万元",
    "amounts print with two decimals (the seed prints 35.00 and 195.00, but 78.5 here)" },
  { "因公出国（境）支出决算比2023年增加3.25万元，增长100%",
    "因公出国（境）支出决算比2023年增加3.25万元（上年为0，不计增长率）",
    "a change from a zero base has no percentage; never 增长100%" },
  { "2024年度，遂宁市科学技术局机关运行经费支出78.5万元",
    "2024年度，遂宁市科学技术局机关运行经费支出78.50万元，比2023年度减少5.63万元，下降6.70%",
    "two decimals, as above" },
};

static void
test_seed_sentences (void)
{
  g_autoptr (JueReport) report = sample ();
  g_autofree char *generated = text_of (report);
  g_autofree char *ours = normalize (generated);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "seed-part2.txt", NULL);
  g_autofree char *seed = NULL;
  g_autofree char *seed_norm = NULL;
  g_autoptr (GRegex) split = g_regex_new ("[。；\\n]", 0, 0, NULL);
  g_auto (GStrv) sentences = NULL;
  gboolean used[G_N_ELEMENTS (differences)] = { FALSE };
  guint n_same = 0;

  g_assert_true (g_file_get_contents (path, &seed, NULL, NULL));
  seed_norm = normalize (seed);
  sentences = g_regex_split (split, seed_norm, 0);
  for (guint i = 0; sentences[i]; i++)
    {
      const char *s = sentences[i];
      gboolean listed = FALSE;

      if (*s == '\0')
        continue;
      if (strstr (ours, s))
        {
          n_same++;
          continue;
        }
      for (guint k = 0; k < G_N_ELEMENTS (differences); k++)
        if (strstr (s, differences[k].seed))
          {
            g_autofree char *o = normalize (differences[k].ours);

            assert_contains (ours, o);
            used[k] = listed = TRUE;
          }
      if (!listed)
        g_error ("the seed's sentence “%s” is not in the generated text", s);
    }
  /* every listed difference is real: the seed's version is not printed */
  for (guint k = 0; k < G_N_ELEMENTS (differences); k++)
    {
      g_autofree char *o = normalize (differences[k].seed);

      g_assert_true (used[k]);
      assert_lacks (ours, o);
    }
  /* the seed's Part 2 has about a hundred sentences and headings */
  g_assert_cmpuint (n_same, >, 90);
  g_test_message ("%u seed sentences found as they are, %u listed differences",
                  n_same, (guint) G_N_ELEMENTS (differences));
}

/* The key figures, spelled out (a reader checks these first). */
static void
test_key_figures (void)
{
  g_autoptr (JueReport) report = sample ();
  g_autofree char *t = text_of (report);

  assert_contains (t, "2024年度收入、支出总计均为1447.01万元。与2023年度相比，收入、支出总计各减少131.49万元，下降8.33%。主要变动原因是本年项目经费减少。");
  assert_contains (t, "基本支出708.77万元，占48.98%；项目支出738.24万元，占51.02%");
  assert_contains (t, "完成预算99.29%，较上年度增加2.39万元，增长62.24%。");
  assert_contains (t, "公务用车购置及运行维护费支出决算比2023年度增加0.16万元，增长5.68%。");
  assert_contains (t, "公务接待费支出决算比2023年度减少1.02万元，下降100%。");
  assert_contains (t, "2024年度政府性基金预算财政拨款支出0万元。");
  assert_contains (t, "2024年度国有资本经营预算财政拨款支出0万元。");
  assert_lacks (t, "增长100%");
  assert_lacks (t, "【未填】");
  assert_lacks (t, "【请填写变动原因】");
  assert_lacks (t, "【无法识别】");
}

/* Part 3 defines every 项 the report uses: after the typed entries, each
 * one none of them defines, with its 类/款/项 names and a visible mark
 * (the classification tables have names, no definitions); completeness
 * counts each.  The seed's glossary leaves two of its seventeen out. */
static void
test_glossary_codes (void)
{
  g_autoptr (JueReport) report = sample ();
  g_autoptr (JueNarrative) n = jue_narrative_new (report, NULL, NULL);
  g_autoptr (JueCompleteness) before = jue_completeness_new (report);
  g_autoptr (JueCompleteness) after = NULL;
  const JueNarrativeSection *s = jue_narrative_get_section (n, "p3.codes");
  g_autofree char *t = NULL;
  guint missing = 0;

  g_assert_nonnull (s);
  g_assert_cmpuint (s->paragraphs->len, ==, 2);
  g_assert_cmpstr (s->paragraphs->pdata[0], ==,
                   "31.科学技术支出（类）科学技术管理事务（款）其他科学技术管理事务支出（项）：【请填写名词解释】");
  g_assert_cmpstr (s->paragraphs->pdata[1], ==,
                   "32.科学技术支出（类）基础研究（款）科技人才队伍建设（项）：【请填写名词解释】");
  g_assert_cmpuint (n->n_missing, ==, 2);
  for (guint i = 0; i < before->missing->len; i++)
    if (strcmp (((JueMissing *) before->missing->pdata[i])->path, "glossary") == 0)
      missing++;
  g_assert_cmpuint (missing, ==, 2);
  /* the seed's entries that differ from the rows only by a final 支出
   * (其他科技交流与合作) or by the 款 (科技奖励 under 科技重大项目) define them */
  t = text_of (report);
  assert_lacks (t, "其他科技交流与合作支出（项）：【");
  assert_lacks (t, "科技奖励（项）：【");

  /* an entry typed for one: it is defined, the other still marked */
  g_assert_cmpint (jue_report_list_insert (report, "glossary", -1, NULL), ==, 30);
  set (report, "glossary[30].term", "科技人才队伍建设");
  set (report, "glossary[30].definition", "指用于科技人才队伍建设方面的支出。");
  g_clear_pointer (&n, jue_narrative_free);
  n = jue_narrative_new (report, NULL, NULL);
  s = jue_narrative_get_section (n, "p3.codes");
  g_assert_cmpuint (s->paragraphs->len, ==, 1);
  g_assert_cmpstr (s->paragraphs->pdata[0], ==,
                   "32.科学技术支出（类）科学技术管理事务（款）其他科学技术管理事务支出（项）：【请填写名词解释】");
  after = jue_completeness_new (report);
  g_assert_cmpuint (after->required, ==, before->required + 2);   /* the entry's two fields */
  g_assert_cmpuint (after->filled, ==, before->filled + 3);
}

/* Increase, decrease and unchanged follow the sign; a zero base has no
 * percentage. */
static void
test_change_words (void)
{
  g_autoptr (JueReport) report = sample ();
  g_autofree char *down = NULL, *up = NULL, *same = NULL, *from_zero = NULL;

  down = section_of (report, "s10.1");
  assert_contains (down, "比2023年度减少5.63万元，下降6.70%。主要原因是厉行节约减少单位开支。");

  set (report, "other.operating_cost_previous", "70");
  up = section_of (report, "s10.1");
  assert_contains (up, "比2023年度增加8.50万元，增长12.14%。");

  set (report, "other.operating_cost_previous", "78.5");
  same = section_of (report, "s10.1");
  assert_contains (same, "机关运行经费支出78.50万元，与2023年度持平。");
  assert_lacks (same, "主要原因");

  set (report, "other.operating_cost_previous", "0");
  from_zero = section_of (report, "s10.1");
  assert_contains (from_zero, "比2023年度增加78.50万元（上年为0，不计增长率）。");
  assert_lacks (from_zero, "%");
}

/* Percentages are rounded half up from exact fen, as the tables show them. */
static void
test_rounding (void)
{
  g_autoptr (JueReport) report = sample ();
  g_autofree char *t = NULL;

  /* 2.98 / 3.0046 = 99.1812…% */
  t = section_of (report, "s7.vehicle");
  assert_contains (t, "完成预算99.18%");
  /* 0.005 / 0.01 exactly 50%; 1 / 3 = 33.333…% → 33.33%; 2 / 3 → 66.67% */
  set (report, "other.procurement.goods", "2");
  set (report, "other.procurement.works", "1");
  set (report, "other.procurement.sme", "1");
  set (report, "other.procurement.small_micro", "2");
  g_free (t);
  t = section_of (report, "s10.2");
  assert_contains (t, "政府采购支出总额3.00万元");
  assert_contains (t, "授予中小企业合同金额1.00万元，占政府采购支出总额的33.33%");
  assert_contains (t, "授予小微企业合同金额2.00万元，占政府采购支出总额的66.67%");
}

/* A missing reason is visible and counted, here and in completeness. */
static void
test_missing_reason (void)
{
  g_autoptr (JueReport) report = sample ();
  g_autoptr (JueCompleteness) before = jue_completeness_new (report);
  g_autoptr (JueCompleteness) after = NULL;
  g_autoptr (JueNarrative) n = NULL;
  g_autofree char *t = NULL;
  gboolean listed = FALSE;
  guint base;

  /* (the sample's two undefined 项 of Part 3 are counted too) */
  n = jue_narrative_new (report, NULL, NULL);
  base = n->n_missing;
  g_clear_pointer (&n, jue_narrative_free);
  set (report, "three_public.vehicle.reason", "");
  n = jue_narrative_new (report, NULL, NULL);
  g_assert_cmpuint (n->n_missing, ==, base + 1);
  t = jue_narrative_section_text (jue_narrative_get_section (n, "s7.vehicle"));
  assert_contains (t, "增加0.16万元，增长5.68%。主要原因是【请填写变动原因】。");

  after = jue_completeness_new (report);
  g_assert_cmpuint (after->required, ==, before->required);
  g_assert_cmpuint (after->filled + 1, ==, before->filled);
  for (guint i = 0; i < after->missing->len; i++)
    {
      JueMissing *m = after->missing->pdata[i];
      listed = listed || strcmp (m->path, "three_public.vehicle.reason") == 0;
    }
  g_assert_true (listed);

  /* no change, no reason needed: neither mark nor missing item */
  set (report, "three_public.vehicle.previous", "2.98");
  g_clear_pointer (&n, jue_narrative_free);
  n = jue_narrative_new (report, NULL, NULL);
  g_assert_cmpuint (n->n_missing, ==, base);
  g_clear_pointer (&after, jue_completeness_free);
  after = jue_completeness_new (report);
  g_assert_cmpuint (after->required + 1, ==, before->required);
}

/* A blank report: every sentence still reads, empty tables say 0万元, and
 * blanks are marked rather than printed as 0. */
static void
test_blank_report (void)
{
  g_autoptr (JueReport) report = jue_report_new ();
  g_autofree char *t = NULL;
  g_autofree char *s8 = NULL;

  set (report, "profile.template", "sichuan");
  set (report, "profile.year", "2025");
  t = text_of (report);
  assert_contains (t, "第二部分  2025年度部门决算情况说明");
  assert_contains (t, "2025年度本年收入合计0万元。");
  assert_contains (t, "2025年度一般公共预算财政拨款支出0万元。");
  assert_contains (t, "【未填】");
  assert_lacks (t, "{");
  set (report, "gov_fund.expenditure", "0");
  s8 = section_of (report, "s8");
  assert_contains (s8, "2025年度政府性基金预算财政拨款支出0万元。");
}

/* An unreadable typed value prints as typed and marked, never as a number. */
static void
test_unreadable (void)
{
  g_autoptr (JueReport) report = sample ();
  g_autoptr (GError) error = NULL;
  g_autofree char *t = NULL;
  gboolean readable = TRUE;

  g_assert_true (jue_report_set_typed (report, "other.operating_cost", "78o", &readable, &error));
  g_assert_false (readable);
  t = section_of (report, "s10.1");
  assert_contains (t, "机关运行经费支出78o【无法识别】万元");
  assert_contains (t, "【无法计算】");
}

/* The national family: the same figures, its own titles and two decimals. */
static void
test_national (void)
{
  g_autoptr (JueReport) report = sample ();
  g_autofree char *t = NULL;

  set (report, "profile.template", "national");
  t = text_of (report);
  assert_contains (t, "第三部分  2024年度部门决算情况说明");
  assert_contains (t, "一般公共预算财政拨款收入1447.01万元，占100.00%");
  assert_contains (t, "第四部分  名词解释");
  /* a share of a zero total prints as every other share does (0.00%) */
  assert_contains (t, "上缴上级支出0万元，占0.00%");
  assert_contains (t, "授予中小企业合同金额0万元，占政府采购支出总额的0.00%，"
                   "其中：授予小微企业合同金额0万元，占政府采购支出总额的0.00%。");
}

/* Every placeholder of the built-in phrase files names a key or a figure
 * the program supplies: writing both families for a full and a blank
 * report warns (fatally, under g_test) about any other. */
static void
test_phrase_files (void)
{
  for (guint i = 0; jue_phrases_ids ()[i]; i++)
    {
      const JuePhrases *p = jue_phrases_get (jue_phrases_ids ()[i]);

      g_assert_cmpstr (jue_phrases_id (p), ==, jue_phrases_ids ()[i]);
      g_assert_nonnull (jue_phrases_lookup (p, "common", "missing_reason", NULL));
    }
  g_assert_cmpstr (jue_phrases_id (jue_phrases_get ("no-such-province")), ==, "national");
}

/* The charts Part 2 refers to: numbered in order, core's figures and
 * shares, the captions Part 2 prints. */
/* The Report page's text: the same text, each figure carrying the path it
 * comes from (typed field or computed value), blanks and missing reasons
 * too; the year of a heading is not a link. */
static void
test_linked (void)
{
  g_autoptr (JueReport) report = sample ();
  g_autoptr (JueNarrative) plain = NULL;
  g_autoptr (JueNarrative) linked = NULL;
  g_autofree char *plain_text = NULL;
  g_autofree char *linked_text = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *s7 = NULL;
  const JueNarrativeSection *s1;

  set (report, "three_public.vehicle.reason", "");
  set (report, "other.procurement.goods", "");
  plain = jue_narrative_new (report, NULL, NULL);
  linked = jue_narrative_new_linked (report, NULL, NULL);
  plain_text = jue_narrative_to_text (plain);
  linked_text = jue_narrative_to_text (linked);
  stripped = jue_narrative_strip_links (linked_text);
  g_assert_cmpstr (stripped, ==, plain_text);
  g_assert_cmpuint (linked->n_missing, ==, plain->n_missing);

  s1 = jue_narrative_get_section (linked, "s1");
  assert_contains (s1->paragraphs->pdata[0], "\001income.grand_total\0021447.01\003万元");
  assert_contains (s1->paragraphs->pdata[0], "\001income.change\002131.49\003万元");
  assert_contains (s1->paragraphs->pdata[0], "\001income.change_pct\0028.33%\003");
  assert_lacks (s1->heading ? s1->heading : "", "\001");
  s7 = jue_narrative_section_text (jue_narrative_get_section (linked, "s7.vehicle"));
  assert_contains (s7, "\001three_public.vehicle.reason\002【请填写变动原因】\003");
  assert_contains (linked_text, "\001other.procurement.goods\002【未填】\003");
  assert_contains (linked_text, "\001functional[0].actual\002");
  assert_contains (linked_text, "\001functional_classes[0].share\002");
  /* a title's year stays plain */
  assert_contains (linked_text, "第二部分  2024年度部门决算情况说明");
}

/* The national phrasing's headings 一 to 九 explain the national template's
 * nine tables in order, each named as the table is titled (七 explains
 * 一般公共预算财政拨款“三公”经费支出决算表, not the Sichuan 财政拨款“三公”…). */
static char *
stem_of (const char *text,
         const char * const *suffixes)
{
  const char *p = strstr (text, "、");
  char *s = g_strdup (p ? p + strlen ("、") : text);

  for (guint i = 0; suffixes[i]; i++)
    if (g_str_has_suffix (s, suffixes[i]))
      {
        s[strlen (s) - strlen (suffixes[i])] = '\0';
        break;
      }
  return s;
}

static void
test_national_tables (void)
{
  static const char * const heading_ends[] = { "总体情况说明", "情况说明", NULL };
  static const char * const title_ends[] = { "总表", "表", NULL };
  static const char * const sections[] = { "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9" };
  g_autoptr (JueReport) report = jue_report_new ();
  g_autoptr (JueNarrative) n = NULL;
  const JueTemplate *tmpl = jue_template_get ("national", NULL);

  set (report, "profile.template", "national");
  n = jue_narrative_new (report, NULL, NULL);
  g_assert_cmpuint (jue_template_n_tables (tmpl), ==, G_N_ELEMENTS (sections));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      const JueNarrativeSection *s = jue_narrative_get_section (n, sections[i]);
      g_autofree char *heading = stem_of (s->heading, heading_ends);
      g_autofree char *title = stem_of (jue_template_table (tmpl, i)->title, title_ends);

      g_assert_cmpstr (heading, ==, title);
    }
}

static void
test_charts (void)
{
  g_autoptr (JueReport) report = sample ();
  g_autoptr (GPtrArray) charts = jue_charts_new (report, NULL, NULL);
  g_autofree char *t = text_of (report);
  const JueChart *c;
  const JueChartItem *it;

  g_assert_cmpuint (charts->len, ==, 4);
  c = charts->pdata[0];
  g_assert_cmpstr (c->id, ==, "income");
  g_assert_cmpuint (c->items->len, ==, 1);       /* the zero lines have no slice */
  it = c->items->pdata[0];
  g_assert_cmpstr (it->label, ==, "一般公共预算财政拨款收入");
  g_assert_cmpstr (it->share_text, ==, "100%");
  c = charts->pdata[1];
  g_assert_cmpstr (c->caption, ==, "图2：支出决算结构图");
  assert_contains (t, "（图2：支出决算结构图）");
  it = c->items->pdata[0];
  g_assert_cmpint (it->value, ==, 708770000);
  g_assert_cmpstr (it->value_text, ==, "708.77万元");
  g_assert_cmpstr (it->share_text, ==, "48.98%");
  c = charts->pdata[2];
  g_assert_cmpuint (c->items->len, ==, 5);
  it = c->items->pdata[1];
  g_assert_cmpstr (it->label, ==, "科学技术支出");
  g_assert_cmpstr (it->share_text, ==, "89.06%");
  it = c->items->pdata[0];
  g_assert_cmpstr (it->label, ==, "一般公共服务支出");   /* named as the classification names it */
  c = charts->pdata[3];
  g_assert_cmpstr (c->series[0], ==, "2024年");
  g_assert_cmpstr (c->series[1], ==, "2023年");
  it = c->items->pdata[3];
  g_assert_cmpstr (it->label, ==, "合计");
  g_assert_cmpstr (it->value_text, ==, "6.23万元");
  g_assert_cmpstr (it->previous_text, ==, "3.84万元");

  /* nothing spent: the chart says so instead of drawing */
  set (report, "expenditure.basic", "0");
  set (report, "expenditure.project", "0");
  g_ptr_array_unref (charts);
  charts = jue_charts_new (report, NULL, NULL);
  c = charts->pdata[1];
  g_assert_true (c->empty);
  g_assert_cmpstr (c->empty_text, ==, "本年支出合计为0万元");
}

static guint
count_of (const char *haystack,
          const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* A table marked empty (本表为空表, juesuan-cli empty) is said so in Part 2,
 * with its reason, naming the template's tables of the mark; the explanation
 * typed under the fund is not said twice; nothing else changes. */
static void
test_marked_empty (void)
{
  g_autoptr (JueReport) report = sample ();
  g_autofree char *before = text_of (report);
  g_autofree char *after = NULL;
  g_autofree char *s8 = NULL;
  g_autofree char *s9 = NULL;
  g_autofree char *s7 = NULL;
  g_auto (GStrv) a = NULL;
  g_auto (GStrv) b = NULL;
  guint changed = 0;

  assert_lacks (before, "为空表");
  set (report, "empty_tables[0].table", "gov_fund");
  set (report, "empty_tables[0].reason", "本单位无政府性基金收支。");
  set (report, "empty_tables[1].table", "state_capital");
  s8 = section_of (report, "s8");
  g_assert_cmpstr (s8, ==, "八、政府性基金预算支出决算情况说明\n"
                   "2024年度政府性基金预算财政拨款支出0万元。本单位无政府性基金收支，"
                   "故《政府性基金预算财政拨款收入支出决算表》（表10）为空表。\n");
  /* Sichuan's 表11 and 表12 print the same data: one mark, both named */
  s9 = section_of (report, "s9");
  assert_contains (s9, "2024年度国有资本经营预算财政拨款支出0万元。"
                   "《国有资本经营预算财政拨款收入支出决算表》（表11）、"
                   "《国有资本经营预算财政拨款支出决算表》（表12）为空表。");
  /* only the two sections' lines change */
  after = text_of (report);
  a = g_strsplit (before, "\n", -1);
  b = g_strsplit (after, "\n", -1);
  g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
  for (guint i = 0; a[i]; i++)
    if (strcmp (a[i], b[i]) != 0)
      changed++;
  g_assert_cmpuint (changed, ==, 2);

  /* the fund's explanation saying the same (a file of schema 4): once */
  set (report, "gov_fund.reason", "本单位无政府性基金收支");
  g_free (s8);
  s8 = section_of (report, "s8");
  g_assert_cmpuint (count_of (s8, "本单位无政府性基金收支"), ==, 1);
  /* an explanation saying more still follows */
  set (report, "gov_fund.reason", "本年未安排政府性基金预算。");
  g_free (s8);
  s8 = section_of (report, "s8");
  assert_contains (s8, "为空表。本年未安排政府性基金预算。");

  /* the 三公 table marked: 七（一） says it after the change */
  set (report, "empty_tables[2].table", "three_public");
  set (report, "empty_tables[2].reason", "本单位无“三公”经费支出");
  s7 = section_of (report, "s7.1");
  assert_contains (s7, "较上年度增加2.39万元，增长62.24%。主要原因是本年因公出国（境）费支出。"
                   "本单位无“三公”经费支出，故《财政拨款“三公”经费支出决算表》（表13）为空表。");

  /* the national template's numbers and titles */
  set (report, "profile.template", "national");
  g_free (s8);
  s8 = section_of (report, "s8");
  assert_contains (s8, "故《政府性基金预算财政拨款收入支出决算表》（公开08表）为空表。");
  g_free (s9);
  s9 = section_of (report, "s9");
  assert_contains (s9, "《国有资本经营预算财政拨款支出决算表》（公开09表）为空表。");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/narrative/seed-sentences", test_seed_sentences);
  g_test_add_func ("/narrative/key-figures", test_key_figures);
  g_test_add_func ("/narrative/change-words", test_change_words);
  g_test_add_func ("/narrative/rounding", test_rounding);
  g_test_add_func ("/narrative/missing-reason", test_missing_reason);
  g_test_add_func ("/narrative/blank-report", test_blank_report);
  g_test_add_func ("/narrative/unreadable", test_unreadable);
  g_test_add_func ("/narrative/national", test_national);
  g_test_add_func ("/narrative/phrase-files", test_phrase_files);
  g_test_add_func ("/narrative/charts", test_charts);
  g_test_add_func ("/narrative/linked", test_linked);
  g_test_add_func ("/narrative/glossary-codes", test_glossary_codes);
  g_test_add_func ("/narrative/national-tables", test_national_tables);
  g_test_add_func ("/narrative/marked-empty", test_marked_empty);
  return g_test_run ();
}
