/* test-render.c — the published tables' templates (jue-template.c) and the
 * one renderer (jue-render.c): what a reader of the printed table sees —
 * titles, merged headers, 合计 and 类/款 subtotals added exactly, blanks as
 * the template prints them, unreadable figures as typed, empty tables as
 * their note. */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "jue-amount.h"
#include "jue-computed.h"
#include "jue-render.h"
#include "jue-empty.h"
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

static JueRenderedTable *
render (const char *tmpl_id,
        guint       index,
        JueReport  *report)
{
  g_autoptr (GError) error = NULL;
  const JueTemplate *tmpl = jue_template_get (tmpl_id, &error);

  g_assert_no_error (error);
  return jue_render_table (tmpl, index, report, NULL);
}

/* The row whose cell col reads text (first match), or -1. */
static gint
find_row (const JueRenderedTable *t,
          guint                   col,
          const char             *text)
{
  for (guint r = 0; r < t->rows->len; r++)
    if (strcmp (jue_rendered_cell (t, r, col)->text, text) == 0)
      return r;
  return -1;
}

static const char *
cell_text (const JueRenderedTable *t,
           gint                    row,
           guint                   col)
{
  g_assert_cmpint (row, >=, 0);
  return jue_rendered_cell (t, row, col)->text;
}

static const JueRenderedHeaderCell *
header_at (const JueRenderedTable *t,
           guint                   row,
           guint                   col)
{
  for (guint i = 0; i < t->header->len; i++)
    {
      const JueRenderedHeaderCell *h = t->header->pdata[i];
      if (h->row == row && h->col == col)
        return h;
    }
  return NULL;
}

static void
test_builtin_sets (void)
{
  const JueTemplate *national = jue_template_get (NULL, NULL);
  const JueTemplate *sichuan = jue_template_get ("sichuan", NULL);
  static const char *sichuan_titles[] = {
    "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
    "财政拨款支出决算明细表", "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款支出决算明细表", "一般公共预算财政拨款基本支出决算明细表",
    "一般公共预算财政拨款项目支出决算表", "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表",
    "财政拨款“三公”经费支出决算表",
  };
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (national);
  g_assert_cmpstr (national->id, ==, "national");
  g_assert_cmpuint (jue_template_n_tables (national), ==, 9);
  g_assert_cmpstr (jue_template_table (national, 6)->title, ==,
                   "一般公共预算财政拨款“三公”经费支出决算表");
  g_assert_cmpstr (jue_template_table (national, 0)->number, ==, "公开01表");

  g_assert_nonnull (sichuan);
  g_assert_cmpuint (jue_template_n_tables (sichuan), ==, G_N_ELEMENTS (sichuan_titles));
  for (guint i = 0; i < G_N_ELEMENTS (sichuan_titles); i++)
    {
      const JueTemplateTable *t = jue_template_table (sichuan, i);
      g_assert_cmpstr (t->title, ==, sichuan_titles[i]);
      g_assert_cmpstr (t->part, ==, "第五部分 附表");
      /* the 明细表 and the 收入支出 state-capital variant are provisional */
      g_assert_cmpint (t->provisional, ==,
                       i == 4 || i == 6 || i == 7 || i == 8 || i == 10);
    }
  g_assert_cmpstr (jue_template_table (sichuan, 4)->short_name, ==, "05_财政拨款支出决算明细表");

  g_assert_null (jue_template_get ("hubei", &error));
  g_assert_error (error, JUE_ERROR, JUE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "hubei"));
}

static void
test_parse_errors (void)
{
  static const struct { const char *text; const char *expect; } cases[] = {
    { "[table 1]\ntitle=x\n", "no [template] group" },
    { "[template]\nid=x\n", "no [table N]" },
    { "[template]\nid=x\n[table 1]\nlayout=row\ncolumns=a:b\n", "[table 1] title" },
    { "[template]\nid=x\n[table 1]\ntitle=T\nlayout=grid\ncolumns=a:b\n", "[table 1] layout" },
    { "[template]\nid=x\n[table 1]\ntitle=T\nlayout=matrix\ncolumns=a:b\n", "[table 1] rows" },
    { "[template]\nid=x\n[table 1]\ntitle=T\nlayout=row\ncolumns=no colon\n", "no colon" },
    { "[template]\nid=x\n[table 1]\ntitle=T\nlayout=row\ncolumns=a|b|c|d:x\n", "4 header rows" },
    { "[template]\nid=x\n[table 1]\ntitle=T\nlayout=lines\ncolumns=项目:label;金额:\n"
      "lines=一:income.other,income.gov_fund\n", "names 2 figures" },
    { "[template]\nid=x\n[table 1]\ntitle=T\nlayout=row\nblank=maybe\ncolumns=a:b\n", "[table 1] blank" },
    { "[template]\nid=x\n[tabel 2]\n", "[tabel 2]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JueTemplate) t = jue_template_parse (cases[i].text, strlen (cases[i].text),
                                                      "test.ini", &error);
      g_assert_null (t);
      g_assert_error (error, JUE_ERROR, JUE_ERROR_PARSE);
      if (strstr (error->message, cases[i].expect) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].expect);
      g_assert_true (g_str_has_prefix (error->message, "test.ini"));
    }
}

/* A province is a data file: a one-table template parses and renders. */
static void
test_data_only_template (void)
{
  static const char text[] =
    "[template]\nid=demo\nname=示例\n"
    "[table 1]\nnumber=表一\ntitle=收入表\nlayout=lines\nblank=blank\n"
    "columns=项目:label;行次:lineno;金额:\n"
    "lines=财政拨款收入:income.general_budget;其他收入:income.other;!合计:=income.total\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (JueTemplate) t = jue_template_parse (text, strlen (text), "demo.ini", &error);
  g_autoptr (JueReport) report = jue_report_new ();
  g_autoptr (JueRenderedTable) r = NULL;

  g_assert_no_error (error);
  g_assert_true (jue_report_set (report, "income.general_budget", "12.5", NULL));
  r = jue_render_table (t, 0, report, NULL);
  g_assert_cmpuint (r->rows->len, ==, 3);
  g_assert_cmpstr (cell_text (r, 0, 0), ==, "财政拨款收入");
  g_assert_cmpstr (cell_text (r, 0, 1), ==, "1");
  g_assert_cmpstr (cell_text (r, 0, 2), ==, "12.50");
  g_assert_cmpstr (jue_rendered_cell (r, 0, 2)->path, ==, "income.general_budget");
  /* blank=blank: an untyped figure is an empty cell, not 0.00 */
  g_assert_cmpstr (cell_text (r, 1, 2), ==, "");
  g_assert_true (jue_rendered_cell (r, 1, 2)->blank);
  g_assert_cmpint (((JueRenderedRow *) r->rows->pdata[2])->kind, ==, JUE_RENDER_ROW_TOTAL);
  g_assert_cmpstr (cell_text (r, 2, 2), ==, "12.50");
  g_assert_null (jue_rendered_cell (r, 2, 2)->path);
}

/* 表1: income lines typed, totals computed, expenditure by functional 类. */
static void
test_table1 (void)
{
  g_autoptr (JueReport) report = sample ();
  g_autoptr (JueRenderedTable) t = render ("national", 0, report);
  gint row;

  /* the year in the title, as published */
  g_assert_cmpstr (t->title, ==, "2024年度收入支出决算总表");
  g_assert_cmpstr (t->unit_name, ==, "编制单位：遂宁市科学技术局");
  g_assert_cmpstr (t->unit, ==, "单位：万元");
  g_assert_cmpuint (t->n_columns, ==, 6);
  g_assert_cmpuint (t->n_header_rows, ==, 2);
  g_assert_cmpstr (header_at (t, 0, 0)->text, ==, "收入");
  g_assert_cmpuint (header_at (t, 0, 0)->col_span, ==, 3);
  g_assert_cmpstr (header_at (t, 0, 3)->text, ==, "支出");
  g_assert_cmpstr (header_at (t, 1, 2)->text, ==, "金额");

  g_assert_cmpstr (cell_text (t, 0, 0), ==, "一、一般公共预算财政拨款收入");
  g_assert_cmpstr (cell_text (t, 0, 1), ==, "1");
  g_assert_cmpstr (cell_text (t, 0, 2), ==, "1447.01");
  g_assert_cmpstr (jue_rendered_cell (t, 0, 2)->path, ==, "income.general_budget");
  g_assert_cmpint (jue_rendered_cell (t, 0, 2)->value, ==, G_GINT64_CONSTANT (1447010000));
  row = find_row (t, 0, "本年收入合计");
  g_assert_cmpstr (cell_text (t, row, 2), ==, "1447.01");
  g_assert_null (jue_rendered_cell (t, row, 2)->path);

  /* the right side: the five 类 of the sample, then the totals */
  row = find_row (t, 3, "科学技术支出");
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpstr (cell_text (t, row, 5), ==, "1288.67");
  g_assert_null (jue_rendered_cell (t, row, 5)->path);
  row = find_row (t, 3, "本年支出合计");
  g_assert_cmpstr (cell_text (t, row, 5), ==, "1447.01");
  g_assert_cmpstr (cell_text (t, row, 4), ==, "18");   /* 行次 after 12 + 5 */
  row = find_row (t, 3, "总计");
  g_assert_cmpstr (cell_text (t, row, 5), ==, "1447.01");
}

/* 表7: one row of twelve cells under a three-row header. */
static void
test_three_public_row (void)
{
  g_autoptr (JueReport) report = sample ();
  g_autoptr (JueRenderedTable) t = render ("national", 6, report);
  const JueRenderedHeaderCell *h;
  static const char *expect[] = { "6.27", "3.25", "3.00", "0.00", "3.00", "0.02",
                                  "6.23", "3.25", "2.98", "0.00", "2.98", "0.00" };

  g_assert_cmpuint (t->n_columns, ==, 12);
  g_assert_cmpuint (t->rows->len, ==, 1);
  g_assert_cmpuint (t->n_header_rows, ==, 3);
  h = header_at (t, 0, 0);
  g_assert_cmpstr (h->text, ==, "预算数");
  g_assert_cmpuint (h->col_span, ==, 6);
  h = header_at (t, 1, 0);
  g_assert_cmpstr (h->text, ==, "合计");
  g_assert_cmpuint (h->row_span, ==, 2);
  h = header_at (t, 1, 2);
  g_assert_cmpstr (h->text, ==, "公务用车购置及运行费");
  g_assert_cmpuint (h->col_span, ==, 3);
  g_assert_cmpuint (h->row_span, ==, 1);
  g_assert_cmpstr (header_at (t, 2, 3)->text, ==, "购置费");
  for (guint c = 0; c < 12; c++)
    g_assert_cmpstr (cell_text (t, 0, c), ==, expect[c]);
  g_assert_null (jue_rendered_cell (t, 0, 6)->path);
  g_assert_cmpstr (jue_rendered_cell (t, 0, 8)->path, ==, "three_public.vehicle.actual");
  g_assert_cmpstr (((JueRenderedColumn *) t->columns->pdata[7])->field, ==,
                   "three_public.abroad.actual");
}

/* profile.blank_cells decides how a blank figure prints. */
static void
test_blank_cells (void)
{
  g_autoptr (JueReport) report = sample ();
  g_autoptr (JueRenderedTable) zero = NULL;
  g_autoptr (JueRenderedTable) blank = NULL;

  g_assert_true (jue_report_set (report, "three_public.reception.actual", "", NULL));
  zero = render ("national", 6, report);
  g_assert_cmpstr (cell_text (zero, 0, 11), ==, "0.00");
  g_assert_true (jue_rendered_cell (zero, 0, 11)->blank);
  g_assert_true (jue_report_set (report, "profile.blank_cells", "空白", NULL));
  blank = render ("national", 6, report);
  g_assert_cmpstr (cell_text (blank, 0, 11), ==, "");
  g_assert_false (jue_rendered_cell (blank, 0, 11)->has_value);
  /* a typed 0 is a figure either way */
  g_assert_cmpstr (cell_text (blank, 0, 9), ==, "0.00");
}

/* 表5: 合计 first, 类 and 款 rows added from the 项 rows, in code order. */
static void
test_matrix_subtotals (void)
{
  g_autoptr (JueReport) report = jue_report_new ();
  g_autoptr (JueRenderedTable) t = NULL;
  static const struct { const char *code, *actual; } rows[] = {
    { "2060102", "5" }, { "2010301", "3.004" }, { "2060101", "10.001" }, { "2060201", "1" },
  };
  static const char *expect[][3] = {
    { "", "合计", "19.01" },
    { "201", "一般公共服务支出", "3.00" },
    { "20103", "政府办公厅（室）及相关机构事务", "3.00" },
    { "2010301", "行政运行", "3.00" },
    { "206", "科学技术支出", "16.00" },
    { "20601", "", "15.00" },
    { "2060101", "", "10.00" },
    { "2060102", "", "5.00" },
    { "20602", "", "1.00" },
    { "2060201", "", "1.00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *code = g_strdup_printf ("functional[%u].code", i);
      g_autofree char *actual = g_strdup_printf ("functional[%u].actual", i);
      g_assert_true (jue_report_ensure_path (report, code, NULL));
      g_assert_true (jue_report_set (report, code, rows[i].code, NULL));
      g_assert_true (jue_report_set (report, actual, rows[i].actual, NULL));
    }
  g_assert_true (jue_report_set (report, "functional[2].xiang_name", "行政运行（科技）", NULL));
  t = render ("national", 4, report);
  g_assert_false (t->empty);
  g_assert_cmpstr (t->list, ==, "functional");
  g_assert_cmpuint (t->rows->len, ==, G_N_ELEMENTS (expect));
  for (guint r = 0; r < G_N_ELEMENTS (expect); r++)
    {
      g_assert_cmpstr (cell_text (t, r, 0), ==, expect[r][0]);
      if (*expect[r][1])
        g_assert_cmpstr (cell_text (t, r, 1), ==, expect[r][1]);
      g_assert_cmpstr (cell_text (t, r, 2), ==, expect[r][2]);
    }
  /* 合计 is the exact sum (3.004 + 10.001 + 5 + 1 = 19.005 → 19.01), not a sum of printed figures */
  g_assert_cmpint (jue_rendered_cell (t, 0, 2)->value, ==, 19005000);
  g_assert_cmpint (((JueRenderedRow *) t->rows->pdata[0])->kind, ==, JUE_RENDER_ROW_TOTAL);
  g_assert_cmpint (((JueRenderedRow *) t->rows->pdata[1])->kind, ==, JUE_RENDER_ROW_CLASS);
  g_assert_cmpint (((JueRenderedRow *) t->rows->pdata[2])->kind, ==, JUE_RENDER_ROW_KUAN);
  g_assert_cmpint (((JueRenderedRow *) t->rows->pdata[6])->kind, ==, JUE_RENDER_ROW_ITEM);
  g_assert_cmpint (((JueRenderedRow *) t->rows->pdata[6])->item, ==, 2);
  g_assert_cmpstr (cell_text (t, 6, 1), ==, "行政运行（科技）");
  g_assert_cmpstr (jue_rendered_cell (t, 6, 2)->path, ==, "functional[2].actual");
  g_assert_null (jue_rendered_cell (t, 4, 2)->path);
  g_assert_cmpint (jue_rendered_cell (t, 0, 0)->kind, ==, JUE_RENDER_CELL_CODE);
  g_assert_cmpint (jue_rendered_cell (t, 6, 0)->kind, ==, JUE_RENDER_CELL_CODE);
}

/* The sample's rows have names but no codes: grouped by class name. */
static void
test_matrix_by_name (void)
{
  g_autoptr (JueReport) report = sample ();
  g_autoptr (JueRenderedTable) t = render ("national", 4, report);
  gint row = find_row (t, 1, "科学技术支出");

  g_assert_cmpstr (cell_text (t, 0, 1), ==, "合计");
  g_assert_cmpstr (cell_text (t, 0, 2), ==, "1447.01");
  g_assert_cmpint (row, >, 0);
  g_assert_cmpint (((JueRenderedRow *) t->rows->pdata[row])->kind, ==, JUE_RENDER_ROW_CLASS);
  g_assert_cmpstr (cell_text (t, row, 2), ==, "1288.67");
}

/* An unreadable figure prints as typed, and the subtotals above it are not
 * numbers. */
static void
test_unreadable (void)
{
  g_autoptr (JueReport) report = sample ();
  g_autoptr (JueRenderedTable) t = NULL;
  gboolean readable = TRUE;
  gint row;

  g_assert_true (jue_report_set_typed (report, "functional[1].actual", "329.5三", &readable, NULL));
  g_assert_false (readable);
  t = render ("national", 4, report);
  g_assert_cmpuint (t->n_unreadable, >=, 1);
  row = find_row (t, 2, "329.5三");
  g_assert_cmpint (row, >, 0);
  g_assert_true (jue_rendered_cell (t, row, 2)->unreadable);
  g_assert_false (jue_rendered_cell (t, row, 2)->has_value);
  g_assert_cmpstr (jue_rendered_cell (t, row, 2)->path, ==, "functional[1].actual");
  /* 合计 cannot be a number */
  g_assert_true (jue_rendered_cell (t, 0, 2)->unreadable);
  g_assert_cmpstr (cell_text (t, 0, 2), ==, "");
  row = find_row (t, 1, "科学技术支出");
  g_assert_true (jue_rendered_cell (t, row, 2)->unreadable);
  /* other classes still add up */
  row = find_row (t, 1, "卫生健康");
  g_assert_false (jue_rendered_cell (t, row, 2)->unreadable);
  g_assert_true (jue_rendered_cell (t, row, 2)->has_value);
}

/* A table without data prints its 合计 alone; one marked empty
 * (empty_tables, jue-empty.h) prints its note and the reason, whatever
 * figures it holds. */
static void
test_empty (void)
{
  g_autoptr (JueReport) report = sample ();
  g_autoptr (JueRenderedTable) t = render ("national", 7, report);
  g_autoptr (JueReport) blank = jue_report_new ();
  g_autoptr (JueRenderedTable) row = render ("national", 6, blank);
  g_autoptr (JueRenderedTable) marked = NULL;
  g_autoptr (JueRenderedTable) unmarked = NULL;
  g_autoptr (JueRenderedTable) three = NULL;

  g_assert_false (t->empty);
  g_assert_false (t->marked_empty);
  g_assert_cmpuint (t->rows->len, ==, 1);
  g_assert_cmpint (((JueRenderedRow *) t->rows->pdata[0])->kind, ==, JUE_RENDER_ROW_TOTAL);
  g_assert_cmpstr (cell_text (t, 0, 1), ==, "合计");
  g_assert_false (row->empty);
  g_assert_cmpuint (row->rows->len, ==, 1);

  /* marked: 本表为空表 and the reason, also with a figure typed */
  g_assert_true (jue_report_list_insert (report, "empty_tables", -1, NULL) == 0);
  g_assert_true (jue_report_set (report, "empty_tables[0].table", "gov_fund", NULL));
  g_assert_true (jue_report_set (report, "empty_tables[0].reason", "本单位无政府性基金收支", NULL));
  g_assert_true (jue_report_list_insert (report, "gov_fund.rows", -1, NULL) == 0);
  g_assert_true (jue_report_set (report, "gov_fund.rows[0].name", "X", NULL));
  g_assert_true (jue_report_set (report, "gov_fund.rows[0].income", "3", NULL));
  marked = render ("national", 7, report);
  g_assert_true (marked->empty);
  g_assert_true (marked->marked_empty);
  g_assert_cmpuint (marked->rows->len, ==, 2);
  g_assert_cmpint (((JueRenderedRow *) marked->rows->pdata[0])->kind, ==, JUE_RENDER_ROW_NOTE);
  g_assert_cmpstr (cell_text (marked, 0, 0), ==, "本表为空表");
  g_assert_cmpstr (cell_text (marked, 1, 0), ==, "本单位无政府性基金收支");
  /* the same table as if not marked (what the check reads) */
  unmarked = jue_render_table_unmarked (jue_template_get ("national", NULL), 7, report, NULL);
  g_assert_false (unmarked->empty);
  g_assert_cmpstr (cell_text (unmarked, 0, 3), ==, "3.00");
  /* a mark without a reason: the note alone; another key marks another table */
  g_assert_true (jue_report_set (report, "empty_tables[0].table", "three_public", NULL));
  g_assert_true (jue_report_set (report, "empty_tables[0].reason", "", NULL));
  three = render ("national", 6, report);
  g_assert_true (three->marked_empty);
  g_assert_cmpuint (three->rows->len, ==, 1);
  g_assert_cmpstr (cell_text (three, 0, 0), ==, "本表为空表");
}

/* A 项 row just added by its code has no figure yet: the published table
 * leaves it out, an editor asks for it (JUE_RENDER_BLANK_ITEMS). */
static void
test_blank_items (void)
{
  g_autoptr (JueReport) report = sample ();
  g_autoptr (JueRenderedTable) printed = NULL;
  g_autoptr (JueRenderedTable) edited = NULL;
  gint n;

  n = jue_report_list_insert (report, "accounts", -1, NULL);
  g_assert_cmpint (n, >=, 0);
  {
    g_autofree char *path = g_strdup_printf ("accounts[%d].code", n);
    g_autofree char *name = g_strdup_printf ("accounts[%d].xiang_name", n);
    g_autofree char *cls = g_strdup_printf ("accounts[%d].class_name", n);

    g_assert_true (jue_report_set (report, path, "2080599", NULL));
    g_assert_true (jue_report_set (report, name, "其他行政事业单位养老支出", NULL));
    g_assert_true (jue_report_set (report, cls, "社会保障和就业", NULL));
  }
  printed = render ("sichuan", 2, report);
  edited = jue_render_table_with_flags (jue_template_get ("sichuan", NULL), 2, report, NULL,
                                        JUE_RENDER_BLANK_ITEMS);
  g_assert_cmpint (find_row (printed, 0, "2080599"), ==, -1);
  g_assert_cmpint (find_row (edited, 0, "2080599"), >, find_row (edited, 0, "2080505"));
  g_assert_cmpuint (edited->rows->len, ==, printed->rows->len + 1);
}

/* 表6: the typed block totals, with what the lines do not give as 未分项. */
static void
test_economic_blocks (void)
{
  g_autoptr (JueReport) report = sample ();
  g_autoptr (JueRenderedTable) t = render ("national", 5, report);
  JueRenderedRow *last;

  g_assert_false (t->empty);
  g_assert_cmpuint (t->n_columns, ==, 6);
  last = t->rows->pdata[t->rows->len - 1];
  g_assert_cmpint (last->kind, ==, JUE_RENDER_ROW_TOTAL);
  g_assert_cmpstr (cell_text (t, t->rows->len - 1, 0), ==, "人员经费合计");
  g_assert_cmpstr (cell_text (t, t->rows->len - 1, 2), ==, "630.27");
  g_assert_cmpstr (jue_rendered_cell (t, t->rows->len - 1, 2)->path, ==, "basic.personnel");
  g_assert_cmpstr (cell_text (t, t->rows->len - 1, 3), ==, "公用经费合计");
  g_assert_cmpstr (cell_text (t, t->rows->len - 1, 5), ==, "78.50");
  g_assert_cmpint (find_row (t, 1, "未分项"), >=, 0);
}

static void
test_report_template (void)
{
  g_autoptr (JueReport) report = jue_report_new ();
  gboolean unknown = TRUE;
  const JueTemplate *t = jue_render_report_template (report, &unknown);

  g_assert_cmpstr (t->id, ==, "national");
  g_assert_false (unknown);
  g_assert_cmpuint (jue_render_text_width ("合计ab"), ==, 6);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/template/builtin-sets", test_builtin_sets);
  g_test_add_func ("/template/parse-errors", test_parse_errors);
  g_test_add_func ("/template/data-only", test_data_only_template);
  g_test_add_func ("/render/table1", test_table1);
  g_test_add_func ("/render/three-public-row", test_three_public_row);
  g_test_add_func ("/render/blank-cells", test_blank_cells);
  g_test_add_func ("/render/matrix-subtotals", test_matrix_subtotals);
  g_test_add_func ("/render/matrix-by-name", test_matrix_by_name);
  g_test_add_func ("/render/unreadable", test_unreadable);
  g_test_add_func ("/render/empty", test_empty);
  g_test_add_func ("/render/blank-items", test_blank_items);
  g_test_add_func ("/render/economic-blocks", test_economic_blocks);
  g_test_add_func ("/render/report-template", test_report_template);
  return g_test_run ();
}
