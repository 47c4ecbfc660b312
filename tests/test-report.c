/* The report model: field paths, every kind of field, lists, copy/equal. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "jue-report.h"
#include "jue-tsv.h"

static void
test_paths_scalar (void)
{
  g_autoptr (JueReport) r = jue_report_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *v = NULL;

  g_assert_true (jue_report_set (r, "income.general_budget", "１，４４７．０１万元", &error));
  g_assert_no_error (error);
  g_assert_cmpint (r->income.general_budget.fen, ==, 1447010000);
  v = jue_report_get (r, "income.general_budget", NULL);
  g_assert_cmpstr (v, ==, "1447.01");

  g_assert_true (jue_report_set (r, "three_public.vehicle.operation.actual", "29800元", NULL));
  g_assert_cmpint (r->three_public.vehicle.operation.actual.fen, ==, 2980000);

  g_assert_true (jue_report_set (r, "profile.staff.in_service", "29", NULL));
  g_assert_cmpint (r->profile.staff.in_service.value, ==, 29);

  g_assert_true (jue_report_set (r, "profile.fill_date", "2025年6月30日", NULL));
  g_assert_cmpstr (r->profile.fill_date, ==, "2025-06-30");

  /* clearing makes a field blank, not zero */
  g_assert_true (jue_report_set (r, "income.general_budget", "", NULL));
  g_assert_false (r->income.general_budget.set);
}

static void
test_paths_refused (void)
{
  static const struct { const char *path, *value; int code; const char *says; } cases[] = {
    { "income.general_budget", "12a", JUE_ERROR_PARSE, "income.general_budget" },
    { "income.nope", "1", JUE_ERROR_UNKNOWN_PATH, "nope" },
    { "functional[0].budget", "1", JUE_ERROR_UNKNOWN_PATH, "functional[0].budget" },
    { "functional.budget", "1", JUE_ERROR_UNKNOWN_PATH, "index" },
    { "income[0]", "1", JUE_ERROR_UNKNOWN_PATH, "income[0]" },
    { "income", "1", JUE_ERROR_INVALID, "income" },
    { "", "1", JUE_ERROR_UNKNOWN_PATH, "empty" },
    { "profile.year", "二〇二四", JUE_ERROR_PARSE, "二〇二四" },
    { "profile.unit_level", "部门", JUE_ERROR_PARSE, "一级预算单位" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JueReport) r = jue_report_new ();
      g_autoptr (JueReport) before = jue_report_copy (r);
      g_autoptr (GError) error = NULL;

      g_test_message ("case %u: %s = %s", i, cases[i].path, cases[i].value);
      g_assert_false (jue_report_set (r, cases[i].path, cases[i].value, &error));
      g_assert_error (error, JUE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_assert_true (jue_report_equal (r, before));
    }
}

static void
test_choices (void)
{
  g_autoptr (JueReport) r = jue_report_new ();
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (jue_report_list_insert (r, "special_funds", -1, NULL), ==, 0);
  g_assert_cmpint (jue_report_list_insert (r, "special_funds[0].indicators", -1, NULL), ==, 0);
  g_assert_true (jue_report_set (r, "special_funds[0].indicators[0].nature", ">=", NULL));
  g_assert_cmpstr (r->special_funds->len ? ((JueSpecialFund *) r->special_funds->pdata[0])->title : NULL, ==, NULL);
  {
    JueSpecialFund *f = r->special_funds->pdata[0];
    JueIndicator *ind = f->indicators->pdata[0];
    g_assert_cmpstr (ind->nature, ==, "≥");
    /* level 2 is open: non-standard names are kept */
    g_assert_true (jue_report_set (r, "special_funds[0].indicators[0].level2", "可持续发展指标", NULL));
    g_assert_cmpstr (ind->level2, ==, "可持续发展指标");
    /* level 1 is strict */
    g_assert_false (jue_report_set (r, "special_funds[0].indicators[0].level1", "其他", &error));
    g_assert_nonnull (strstr (error->message, "其他"));
    g_clear_error (&error);
    /* allocation takes several methods */
    g_assert_true (jue_report_set (r, "special_funds[0].allocation", "项目法，据实据效", NULL));
    g_assert_cmpstr (f->allocation, ==, "项目法、据实据效");
    g_assert_false (jue_report_set (r, "special_funds[0].allocation", "项目法、抽签", &error));
    g_assert_cmpstr (f->allocation, ==, "项目法、据实据效");
  }
}

static char *
list_names (JueReport *r)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < r->profile.offices->len; i++)
    g_string_append_printf (s, "%s%s", i ? "," : "",
                            ((JueOffice *) r->profile.offices->pdata[i])->name);
  return g_string_free (s, FALSE);
}

static void
test_lists (void)
{
  g_autoptr (JueReport) r = jue_report_new ();
  g_autoptr (GError) error = NULL;
  const char *names[] = { "办公室", "政策法规与资源配置科", "高新技术与成果转化科" };
  g_autofree char *got = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p = g_strdup_printf ("profile.offices[%u].name", i);
      g_assert_cmpint (jue_report_list_insert (r, "profile.offices", -1, NULL), ==, (gint) i);
      g_assert_true (jue_report_set (r, p, names[i], NULL));
    }
  g_assert_true (jue_report_list_move (r, "profile.offices[2]", 0, NULL));
  got = list_names (r);
  g_assert_cmpstr (got, ==, "高新技术与成果转化科,办公室,政策法规与资源配置科");
  g_clear_pointer (&got, g_free);

  g_assert_true (jue_report_list_remove (r, "profile.offices[1]", NULL));
  got = list_names (r);
  g_assert_cmpstr (got, ==, "高新技术与成果转化科,政策法规与资源配置科");
  g_clear_pointer (&got, g_free);

  g_assert_cmpint (jue_report_list_insert (r, "profile.offices", 1, NULL), ==, 1);
  g_assert_true (jue_report_set (r, "profile.offices[1].name", "办公室", NULL));
  got = list_names (r);
  g_assert_cmpstr (got, ==, "高新技术与成果转化科,办公室,政策法规与资源配置科");

  g_assert_false (jue_report_list_remove (r, "profile.offices[3]", &error));
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);
  g_assert_cmpint (jue_report_list_insert (r, "profile.offices", 7, &error), ==, -1);
  g_clear_error (&error);
  g_assert_false (jue_report_list_remove (r, "profile.offices", &error));
  g_clear_error (&error);
  g_assert_false (jue_report_list_move (r, "profile.offices[0]", 9, &error));
}

static void
count_field (const char *path, const JueFieldRef *ref, gpointer data)
{
  (*(guint *) data)++;
}

static void
count_pattern (const char *pattern, const JueFieldDef *def, gpointer data)
{
  GHashTable *kinds = data;
  g_hash_table_add (kinds, (gpointer) jue_kind_type_name (def->kind));
  g_assert_null (strchr (pattern, ' '));
}

static void
test_schema_and_walk (void)
{
  g_autoptr (JueReport) r = jue_report_new ();
  g_autoptr (GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  guint n0 = 0, n1 = 0, n_indicator = 0;

  jue_schema_foreach (count_pattern, kinds);
  /* every TYPE of the paths listing is used */
  g_assert_cmpuint (g_hash_table_size (kinds), ==, 6);

  jue_report_foreach (r, NULL, count_field, &n0, NULL);
  jue_report_list_insert (r, "special_funds", -1, NULL);
  jue_report_list_insert (r, "special_funds[0].indicators", -1, NULL);
  jue_report_foreach (r, NULL, count_field, &n1, NULL);
  jue_report_foreach (r, "special_funds[0].indicators[0]", count_field, &n_indicator, NULL);
  g_assert_cmpuint (n_indicator, ==, JueIndicator_def.n_fields);
  g_assert_cmpuint (n1 - n0, ==, JueSpecialFund_def.n_fields - 2 + JueIndicator_def.n_fields);
}

static void
test_copy_equal_tsv (void)
{
  g_autoptr (JueReport) r = jue_report_new ();
  g_autoptr (JueReport) back = jue_report_new ();
  g_autoptr (JueReport) copy = NULL;
  g_autofree char *tsv = NULL;
  g_autoptr (GError) error = NULL;
  const char *data =
    "# a comment\n"
    "profile.name\t遂宁市科学技术局\n"
    "profile.duties\t第一段\\n第二段\\t制表\\\\反斜杠\n"
    "functional[0].class_name\t科学技术支出\n"
    "functional[0].actual\t329.53\n"
    "functional[1].code\t2060102\n"
    "special_funds[0].indicators[0].actual\t591，230\n"
    "special_funds[0].indicators[1].weight\t9\n";

  g_assert_true (jue_report_apply_tsv (r, data, strlen (data), "t.tsv", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (r->profile.duties, ==, "第一段\n第二段\t制表\\反斜杠");
  copy = jue_report_copy (r);
  g_assert_true (jue_report_equal (r, copy));
  jue_report_set (copy, "functional[0].actual", "329.54", NULL);
  g_assert_false (jue_report_equal (r, copy));

  tsv = jue_report_to_tsv (r);
  g_assert_true (jue_report_apply_tsv (back, tsv, strlen (tsv), "round", &error));
  g_assert_true (jue_report_equal (r, back));

  {
    const char *bad = "profile.name\tA\nfunctional[2].code\t1\n";
    g_autoptr (JueReport) x = jue_report_new ();
    g_assert_false (jue_report_apply_tsv (x, bad, strlen (bad), "bad.tsv", &error));
    g_assert_nonnull (strstr (error->message, "bad.tsv:2"));
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/paths/scalar", test_paths_scalar);
  g_test_add_func ("/report/paths/refused", test_paths_refused);
  g_test_add_func ("/report/choices", test_choices);
  g_test_add_func ("/report/lists", test_lists);
  g_test_add_func ("/report/schema-walk", test_schema_and_walk);
  g_test_add_func ("/report/copy-equal-tsv", test_copy_equal_tsv);
  return g_test_run ();
}
