/* CSV: the RFC 4180 writer and reader (quoting, BOM, CRLF, multi-line
 * cells, the formula guard and its exact inverse, bad input with line and
 * column), and the export/import of whole reports. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "jue-checks.h"
#include "jue-csv-tables.h"
#include "jue-csv.h"
#include "jue-export.h"
#include "jue-import.h"
#include "jue-tsv.h"

/* ---- writer ----------------------------------------------------------- */

/* One cell written alone: the bytes between the BOM and the CRLF. */
static char *
written_cell (const char *text,
              gboolean    number)
{
  g_autoptr (JueCsvWriter) w = jue_csv_writer_new ();
  const char *data;
  gsize len;

  if (number)
    jue_csv_write_number (w, text);
  else
    jue_csv_write_text (w, text);
  jue_csv_end_row (w);
  data = jue_csv_writer_data (w, &len);
  g_assert_cmpuint (len, >=, 5);
  g_assert_cmpmem (data, 3, JUE_CSV_BOM, 3);
  g_assert_cmpmem (data + len - 2, 2, "\r\n", 2);
  return g_strndup (data + 3, len - 5);
}

static void
test_write_cells (void)
{
  static const struct { const char *in; gboolean number; const char *out; } cases[] = {
    { "行政运行", FALSE, "行政运行" },
    { "", FALSE, "" },
    { NULL, FALSE, "" },
    { "a,b", FALSE, "\"a,b\"" },
    { "say \"hi\"", FALSE, "\"say \"\"hi\"\"\"" },
    { "第一行\n第二行", FALSE, "\"第一行\n第二行\"" },
    { "第一行\r\n第二行", FALSE, "\"第一行\r\n第二行\"" },
    { " 前后空格 ", FALSE, "\" 前后空格 \"" },
    /* the guard: one ' before = + - @ TAB CR, and before ' itself */
    { "=1+1", FALSE, "'=1+1" },
    { "+86 138", FALSE, "'+86 138" },
    { "-5%", FALSE, "'-5%" },
    { "@SUM(A1)", FALSE, "'@SUM(A1)" },
    { "\tcalc", FALSE, "'\tcalc" },
    { "\rcalc", FALSE, "\"'\rcalc\"" },
    { "'已有引号", FALSE, "''已有引号" },
    { "=HYPERLINK(\"http://x\",\"点击\")", FALSE,
      "\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\"" },
    { "a=b", FALSE, "a=b" },
    { "2060101", FALSE, "2060101" },
    /* numbers are never guarded, so negative amounts stay numbers */
    { "-131.49", TRUE, "-131.49" },
    { "1447.01", TRUE, "1447.01" },
    { "0.00", TRUE, "0.00" },
    { "", TRUE, "" },
    /* what is not a plain number is written as guarded text */
    { "=1+1", TRUE, "'=1+1" },
    { "上年为0", TRUE, "上年为0" },
    { "1e5", TRUE, "1e5" },
    { "-", TRUE, "'-" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = written_cell (cases[i].in, cases[i].number);
      g_test_message ("case %u", i);
      g_assert_cmpstr (got, ==, cases[i].out);
    }
}

static void
test_write_rows (void)
{
  g_autoptr (JueCsvWriter) w = jue_csv_writer_new ();
  const char *data;
  gsize len;

  jue_csv_write_text (w, "项目");
  jue_csv_write_text (w, "金额（万元）");
  jue_csv_end_row (w);
  jue_csv_write_text (w, "说明");
  jue_csv_write_number (w, "-0.50");
  jue_csv_end_row (w);
  jue_csv_end_row (w);   /* an empty line */
  data = jue_csv_writer_data (w, &len);
  g_assert_cmpstr (data, ==, JUE_CSV_BOM "项目,金额（万元）\r\n说明,-0.50\r\n\r\n");
}

/* unguard (guard (t)) == t, and the whole write → parse → unguard path too. */
static void
test_guard_inverse (void)
{
  static const char * const texts[] = {
    "", "普通", "=1+1", "==", "'", "''", "'=1", "+", "-", "@", "\t", "\r", "\r\n",
    "\n开头换行", "-12.5", "'-12.5", "a'b", "\"", ",", " ", "=A1\r\n'B\"C,D",
  };
  g_autoptr (JueCsvWriter) w = jue_csv_writer_new ();
  g_autoptr (JueCsvTable) t = NULL;
  g_autoptr (GError) error = NULL;
  const char *data;
  gsize len;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *g = jue_csv_guard (texts[i]);
      g_autofree char *u = jue_csv_unguard (g);
      g_assert_cmpstr (u, ==, texts[i]);
      g_assert_cmpint (g[0] == '\'', ==, jue_csv_needs_guard (texts[i]));
      jue_csv_write_text (w, texts[i]);
    }
  jue_csv_end_row (w);
  data = jue_csv_writer_data (w, &len);
  t = jue_csv_parse (data, len, "guard.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (t->rows->len, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *u = jue_csv_unguard (jue_csv_row_cell (t->rows->pdata[0], i));
      g_assert_cmpstr (u, ==, texts[i]);
    }
}

/* ---- reader ----------------------------------------------------------- */

static JueCsvTable *
parse_ok (const char *data)
{
  g_autoptr (GError) error = NULL;
  JueCsvTable *t = jue_csv_parse (data, strlen (data), "t.csv", &error);

  g_assert_no_error (error);
  return t;
}

static void
test_read_basic (void)
{
  g_autoptr (JueCsvTable) a = parse_ok (JUE_CSV_BOM "项目,金额\r\n行政运行,329.53\r\n");
  g_autoptr (JueCsvTable) b = parse_ok ("项目,金额\n行政运行,329.53");   /* no BOM, LF, no final break */
  JueCsvRow *row;

  g_assert_true (a->had_bom);
  g_assert_false (b->had_bom);
  for (guint k = 0; k < 2; k++)
    {
      JueCsvTable *t = k ? b : a;
      g_assert_cmpuint (t->rows->len, ==, 2);
      row = t->rows->pdata[1];
      g_assert_cmpuint (row->cells->len, ==, 2);
      g_assert_cmpstr (jue_csv_row_cell (row, 0), ==, "行政运行");
      g_assert_cmpstr (jue_csv_row_cell (row, 1), ==, "329.53");
      g_assert_cmpuint (row->line, ==, 2);
    }
}

static void
test_read_multiline (void)
{
  g_autoptr (JueCsvTable) t =
    parse_ok ("标题,正文\r\n一,\"第一段\r\n第二段\n\"\"引\"\",号\"\r\n\r\n二,末\r\n");
  JueCsvRow *row;

  g_assert_cmpuint (t->rows->len, ==, 4);
  row = t->rows->pdata[1];
  g_assert_cmpstr (jue_csv_row_cell (row, 1), ==, "第一段\r\n第二段\n\"引\",号");
  g_assert_cmpuint (row->line, ==, 2);
  /* the empty line after the multi-line cell is line 5, the next row line 6 */
  row = t->rows->pdata[2];
  g_assert_true (jue_csv_row_is_blank (row));
  g_assert_cmpuint (row->line, ==, 5);
  row = t->rows->pdata[3];
  g_assert_cmpuint (row->line, ==, 6);
  g_assert_cmpstr (jue_csv_row_cell (row, 1), ==, "末");
  /* a trailing comma makes an empty last cell */
  {
    g_autoptr (JueCsvTable) u = parse_ok ("a,\r\n");
    g_assert_cmpuint (((JueCsvRow *) u->rows->pdata[0])->cells->len, ==, 2);
  }
}

static void
test_read_errors (void)
{
  static const struct { const char *data; const char *says[3]; } cases[] = {
    /* unterminated quote: named where it opens */
    { "项目,内容\r\n说明,\"没有结束\r\n下一行\r\n",
      { "t.csv, line 2, column 4", "never closed", NULL } },
    { "a,\"b\"c\r\n", { "line 1, column 6", "closing quote", NULL } },
    { "a,b\"c\r\n", { "line 1, column 4", "quote", NULL } },
    /* GBK: 收入 is CA D5 C8 EB */
    { "项目,金额\r\n\xca\xd5\xc8\xeb,1\r\n", { "line 2, column 1", "UTF-8", "GBK" } },
    { "a,b\r\n中文,\"x\r\ny\",\xff\r\n", { "line 3, column 4", "GBK", NULL } },
    { JUE_CSV_BOM "ab\r\nc\xe4\xb8", { "line 2, column 2", "UTF-8", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JueCsvTable) t = jue_csv_parse (cases[i].data, strlen (cases[i].data),
                                                 "t.csv", &error);
      g_test_message ("case %u: %s", i, error ? error->message : "(no error)");
      g_assert_null (t);
      g_assert_error (error, JUE_ERROR, JUE_ERROR_PARSE);
      for (guint k = 0; k < 3 && cases[i].says[k]; k++)
        g_assert_nonnull (strstr (error->message, cases[i].says[k]));
    }
}

static void
test_read_ragged (void)
{
  g_autoptr (JueCsvTable) t = parse_ok ("a,b,c\r\n1,2,3\r\n1,2\r\n1,2,3,4\r\n");
  g_autoptr (GError) e1 = NULL;
  g_autoptr (GError) e2 = NULL;

  g_assert_true (jue_csv_check_width (t, t->rows->pdata[1], 3, NULL));
  g_assert_false (jue_csv_check_width (t, t->rows->pdata[2], 3, &e1));
  g_assert_nonnull (strstr (e1->message, "t.csv, line 3, column 3"));
  g_assert_nonnull (strstr (e1->message, "2 cells where the header has 3"));
  g_assert_false (jue_csv_check_width (t, t->rows->pdata[3], 3, &e2));
  g_assert_nonnull (strstr (e2->message, "line 4, column 4"));
}

/* ---- the layouts cover the whole model -------------------------------- */

static void
cover_cells (GHashTable          *covered,
             const JueCsvRowSpec *row,
             guint                width,
             const char          *base)
{
  for (guint c = 0; c < width; c++)
    if (row->cells[c] && row->cells[c][0] == '@')
      g_hash_table_add (covered, jue_csv_join_path (base, row->cells[c] + 1));
}

static void
cover_table (GHashTable            *covered,
             const JueCsvTableSpec *table,
             const char            *prefix)
{
  for (guint b = 0; b < table->n_blocks; b++)
    {
      const JueCsvBlockSpec *block = &table->blocks[b];
      guint width = jue_csv_block_width (block);

      for (guint r = 0; r < block->n_rows; r++)
        {
          const JueCsvRowSpec *row = &block->rows[r];
          if (row->kind == JUE_CSV_ROW_FIXED)
            cover_cells (covered, row, width, prefix);
          else if (row->kind != JUE_CSV_ROW_CLASSES)
            {
              g_autofree char *list = jue_csv_join_path (prefix, row->list);
              g_autofree char *item = g_strconcat (list, "[N]", NULL);
              cover_cells (covered, row, width, item);
            }
        }
    }
}

typedef struct { GHashTable *covered; GPtrArray *missing; } Coverage;

static void
check_pattern (const char        *pattern,
               const JueFieldDef *def,
               gpointer           user_data)
{
  Coverage *cov = user_data;

  if (!g_hash_table_contains (cov->covered, pattern))
    g_ptr_array_add (cov->missing, g_strdup (pattern));
}

static void
test_layout_covers_model (void)
{
  g_autoptr (GHashTable) covered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  Coverage cov = { covered, missing };
  guint n;
  const JueCsvTableSpec *fixed = jue_csv_fixed_tables (&n);
  g_autofree char *list = NULL;

  for (guint t = 0; t < n; t++)
    cover_table (covered, &fixed[t], fixed[t].prefix);
  cover_table (covered, jue_csv_special_fund_table (), "special_funds[N]");
  jue_schema_foreach (check_pattern, &cov);
  g_ptr_array_add (missing, NULL);
  list = g_strjoinv (", ", (char **) missing->pdata);
  g_assert_cmpstr (list, ==, "");
}

/* ---- whole reports ---------------------------------------------------- */

static const char * const tricky_texts[] = {
  "=1+1", "+86 138", "-负号开头", "@SUM(A1)", "\tTAB开头", "\r回车开头", "'引号开头",
  "含,逗号", "含\"引号\"", "多行\r\n第二行\n第三行", " 前后空格 ", "普通文本",
};

typedef struct { JueReport *report; guint k; } Fill;

static char *
value_for (const JueFieldDef *def,
           guint              k)
{
  switch (def->kind)
    {
    case JUE_KIND_AMOUNT:
      {
        static const char * const v[] = { "-12.345678", "1447.01", "0.000001", "0", "98765.4321" };
        return g_strdup (v[k % G_N_ELEMENTS (v)]);
      }
    case JUE_KIND_INTEGER:
      return g_strdup (k % 2 ? "29" : "0");
    case JUE_KIND_PERCENT:
      return g_strdup (k % 2 ? "12.5" : "90");
    case JUE_KIND_DATE:
      return g_strdup ("2025-06-30");
    case JUE_KIND_CHOICE:
      {
        const JueChoiceSet *set = def->extra;
        guint n = g_strv_length ((char **) set->values);
        return g_strdup (set->values[k % n]);
      }
    default:
      return g_strdup_printf ("%s%u", tricky_texts[k % G_N_ELEMENTS (tricky_texts)], k);
    }
}

/* Sets every field (two rows in every list), leaving every 7th blank. */
static void
fill_pattern (const char        *pattern,
              const JueFieldDef *def,
              gpointer           user_data)
{
  Fill *fill = user_data;
  guint n_lists = 0;
  const char *p;

  for (p = strstr (pattern, "[N]"); p; p = strstr (p + 1, "[N]"))
    n_lists++;
  for (guint combo = 0; combo < (1u << n_lists); combo++)
    {
      GString *path = g_string_new (NULL);
      guint bit = 0;
      g_autofree char *value = NULL;
      g_autoptr (GError) error = NULL;

      for (p = pattern; *p; p++)
        if (strncmp (p, "[N]", 3) == 0)
          {
            g_string_append_printf (path, "[%u]", (combo >> bit++) & 1);
            p += 2;
          }
        else
          g_string_append_c (path, *p);
      fill->k++;
      g_assert_true (jue_report_ensure_path (fill->report, path->str, &error));
      if (fill->k % 7 != 6)
        {
          value = value_for (def, fill->k);
          g_assert_true (jue_report_set (fill->report, path->str, value, &error));
          g_assert_no_error (error);
        }
      g_string_free (path, TRUE);
    }
}

static JueReport *
full_report (void)
{
  Fill fill = { jue_report_new (), 0 };

  jue_schema_foreach (fill_pattern, &fill);
  return fill.report;
}

static GHashTable *
some_explanations (void)
{
  GHashTable *h = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_insert (h, jue_explanation_key ("W-FUNCTIONAL-LOW-COMPLETION", "functional[0].actual"),
                       g_strdup ("招商引资项目延期，\"资金\"已收回,\r\n次年执行"));
  g_hash_table_insert (h, jue_explanation_key ("E-WEIGHT-TOTAL", "special_funds[1].indicators"),
                       g_strdup ("=原表如此"));
  return h;
}

static GPtrArray *
some_classification (void)
{
  GPtrArray *a = g_ptr_array_new_with_free_func ((GDestroyNotify) jue_class_entry_free);
  static const struct { const char *code, *name; int level; const char *parent; } e[] = {
    { "206", "科学技术支出", 1, "" },
    { "20601", "科学技术管理事务", 2, "206" },
    { "2060101", "行政运行", 3, "20601" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (e); i++)
    {
      JueClassEntry *c = g_new0 (JueClassEntry, 1);
      c->code = g_strdup (e[i].code);
      c->name = g_strdup (e[i].name);
      c->level = e[i].level;
      c->parent = g_strdup (e[i].parent);
      g_ptr_array_add (a, c);
    }
  return a;
}

/* A year's economic classification with the 类 the built-in table lacks. */
static GPtrArray *
some_economic (void)
{
  static const char csv[] = "code,name,level,parent\n301,工资福利支出,1,\n30101,基本工资,2,301\n"
                            "307,债务利息及费用支出,1,\n30799,其他债务利息及费用支出,2,307\n";
  g_autoptr (GError) error = NULL;
  GPtrArray *a = jue_classification_economic_parse (csv, strlen (csv), "econ.csv", &error);

  g_assert_no_error (error);
  return a;
}

static char *
write_files (GPtrArray *files)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("jue-csv-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < files->len; i++)
    {
      JueExportFile *f = files->pdata[i];
      g_autofree char *path = g_build_filename (dir, f->name, NULL);
      gsize len;
      const char *data = g_bytes_get_data (f->data, &len);
      g_assert_true (g_file_set_contents (path, data, (gssize) len, NULL));
    }
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
assert_same_files (GPtrArray *a,
                   GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      JueExportFile *x = a->pdata[i], *y = b->pdata[i];
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_true (g_bytes_equal (x->data, y->data));
    }
}

static void
assert_same_entries (GPtrArray *got,
                     GPtrArray *want)
{
  if (want == NULL)
    {
      g_assert_null (got);
      return;
    }
  g_assert_nonnull (got);
  g_assert_cmpuint (got->len, ==, want->len);
  for (guint i = 0; i < want->len; i++)
    {
      JueClassEntry *x = want->pdata[i], *y = got->pdata[i];
      g_assert_cmpstr (x->code, ==, y->code);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpint (x->level, ==, y->level);
      g_assert_cmpstr (x->parent, ==, y->parent);
    }
}

static void
assert_side_tables (JueImport  *imp,
                    GHashTable *explanations,
                    GPtrArray  *classification,
                    GPtrArray  *economic)
{
  g_assert_cmpuint (imp->explanations->len, ==, g_hash_table_size (explanations));
  for (guint i = 0; i < imp->explanations->len; i++)
    {
      JueExplanation *e = imp->explanations->pdata[i];
      g_autofree char *key = jue_explanation_key (e->rule, e->path);
      g_assert_cmpstr (e->text, ==, g_hash_table_lookup (explanations, key));
    }
  assert_same_entries (imp->classification, classification);
  assert_same_entries (imp->economic, economic);
}

/* export → import gives an equal report; export again is byte-identical;
 * through a folder and through a single file. */
static void
round_trip (JueReport  *report,
            GHashTable *explanations,
            GPtrArray  *classification,
            GPtrArray  *economic)
{
  g_autoptr (GPtrArray) files = jue_export_csv_files (report, explanations, classification,
                                                      economic);
  g_autofree char *dir = write_files (files);
  g_autoptr (GError) error = NULL;
  g_autoptr (JueImport) imp = jue_import_csv_dir (dir, &error);
  g_autoptr (GBytes) single = NULL;
  g_autoptr (JueImport) imp1 = NULL;

  g_assert_no_error (error);
  g_assert_true (jue_report_equal (report, imp->report));
  assert_side_tables (imp, explanations, classification, economic);
  {
    g_autoptr (GHashTable) again = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    g_autoptr (GPtrArray) files2 = NULL;
    for (guint i = 0; i < imp->explanations->len; i++)
      {
        JueExplanation *e = imp->explanations->pdata[i];
        g_hash_table_insert (again, jue_explanation_key (e->rule, e->path), g_strdup (e->text));
      }
    files2 = jue_export_csv_files (imp->report, again, imp->classification, imp->economic);
    assert_same_files (files, files2);
  }
  remove_dir (dir);

  single = jue_export_csv_bytes (report, explanations, classification, economic);
  imp1 = jue_import_csv_single_data (g_bytes_get_data (single, NULL), g_bytes_get_size (single),
                                     "all.csv", &error);
  g_assert_no_error (error);
  g_assert_true (jue_report_equal (report, imp1->report));
  assert_side_tables (imp1, explanations, classification, economic);
  {
    g_autoptr (GBytes) single2 = NULL;
    g_autoptr (GHashTable) again = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    for (guint i = 0; i < imp1->explanations->len; i++)
      {
        JueExplanation *e = imp1->explanations->pdata[i];
        g_hash_table_insert (again, jue_explanation_key (e->rule, e->path), g_strdup (e->text));
      }
    single2 = jue_export_csv_bytes (imp1->report, again, imp1->classification, imp1->economic);
    g_assert_true (g_bytes_equal (single, single2));
  }
}

static void
test_round_trip_full (void)
{
  g_autoptr (JueReport) report = full_report ();
  g_autoptr (GHashTable) expl = some_explanations ();
  g_autoptr (GPtrArray) cls = some_classification ();

  g_assert_cmpuint (report->special_funds->len, ==, 2);
  g_assert_cmpuint (report->functional->len, ==, 2);
  round_trip (report, expl, cls, NULL);
}

/* A report with an imported economic classification exports it as file 18
 * (after 17, the files before unchanged) and imports it back; one without
 * has no file 18. */
static void
test_round_trip_economic (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) report = jue_sample_new (&error);
  g_autoptr (GHashTable) expl = some_explanations ();
  g_autoptr (GPtrArray) cls = some_classification ();
  g_autoptr (GPtrArray) econ = some_economic ();
  g_autoptr (GPtrArray) with = NULL;
  g_autoptr (GPtrArray) without = NULL;
  JueExportFile *last;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  /* two lines of 表6: one named otherwise than the table, one it lacks */
  static const char * const edits[][2] = {
    { "economic[0].code", "30101" }, { "economic[0].name", "工资" },
    { "economic[0].actual", "1" }, { "economic[1].code", "30102" },
    { "economic[1].name", "津贴补贴" }, { "economic[1].actual", "2" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_assert_true (jue_report_ensure_path (report, edits[i][0], &error));
      g_assert_true (jue_report_set (report, edits[i][0], edits[i][1], &error));
    }
  with = jue_export_csv_files (report, expl, cls, econ);
  without = jue_export_csv_files (report, expl, cls, NULL);
  g_assert_cmpuint (with->len, ==, without->len + 1);
  for (guint i = 0; i < without->len; i++)
    {
      JueExportFile *x = with->pdata[i], *y = without->pdata[i];
      g_autofree char *data = g_strndup (g_bytes_get_data (x->data, NULL),
                                         g_bytes_get_size (x->data));

      g_assert_cmpstr (x->name, ==, y->name);
      /* the findings (15) are checked against the economic table as well */
      if (strcmp (x->name, JUE_CSV_FINDINGS_NAME ".csv") == 0)
        {
          g_assert_nonnull (strstr (data, "W-ECONOMIC-NAME,economic[0].name"));
          g_assert_nonnull (strstr (data, "W-ECONOMIC-CODE,economic[1].code"));
          g_assert_null (g_strstr_len (g_bytes_get_data (y->data, NULL),
                                       (gssize) g_bytes_get_size (y->data), "W-ECONOMIC-NAME"));
        }
      else
        g_assert_true (g_bytes_equal (x->data, y->data));
    }
  last = with->pdata[with->len - 1];
  g_assert_cmpstr (last->name, ==, "18_经济分类科目表.csv");
  text = g_strndup (g_bytes_get_data (last->data, NULL), g_bytes_get_size (last->data));
  g_assert_cmpstr (text, ==, "\xEF\xBB\xBF科目编码,科目名称,级次,上级编码\r\n"
                             "301,工资福利支出,1,\r\n30101,基本工资,2,301\r\n"
                             "307,债务利息及费用支出,1,\r\n"
                             "30799,其他债务利息及费用支出,2,307\r\n");
  round_trip (report, expl, cls, econ);
  /* an empty table is none */
  {
    g_autoptr (GPtrArray) empty = g_ptr_array_new ();
    g_autoptr (GPtrArray) files = jue_export_csv_files (report, expl, cls, empty);
    g_assert_cmpuint (files->len, ==, without->len);
  }
}

static void
test_round_trip_empty (void)
{
  g_autoptr (JueReport) report = jue_report_new ();
  g_autoptr (GHashTable) expl = g_hash_table_new (g_str_hash, g_str_equal);

  round_trip (report, expl, NULL, NULL);
}

static void
test_round_trip_sample (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) report = jue_sample_new (&error);
  g_autoptr (GHashTable) expl = some_explanations ();

  g_assert_no_error (error);
  round_trip (report, expl, NULL, NULL);
}

/* A bad row of file 18 refuses the whole import, naming the file, the line,
 * the cell and the reason; from a folder as from the single file. */
static void
test_import_economic_refused (void)
{
  static const struct { const char *from, *to; const char *says[3]; } cases[] = {
    { "30101,基本工资,2,301", "3010,基本工资,2,301",
      { "column 1", "“科目编码”", "code “3010” is not a 3-digit 类 or 5-digit 款 code" } },
    { "30101,基本工资,2,301", "30101,,2,301", { "column 2", "code 30101 has no name", NULL } },
    { "30101,基本工资,2,301", "30101,基本工资,3,301", { "column 3", "level “3” is not 1 or 2", NULL } },
    { "30799,其他债务利息及费用支出,2,307", "30799,其他债务利息及费用支出,2,301",
      { "column 4", "parent “301” of code 30799 is not its first 3 digits", NULL } },
    { "30101,基本工资,2,301", "301,工资福利支出,1,", { "column 1", "code 301 is listed twice", NULL } },
    { "科目编码,科目名称,级次,上级编码\r\n301", "科目编码,科目名称,级别,上级编码\r\n301",
      { "column 3", "级别", "级次" } },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) report = jue_sample_new (&error);
  g_autoptr (GPtrArray) econ = some_economic ();
  g_autoptr (GBytes) bytes = jue_export_csv_bytes (report, NULL, NULL, econ);
  g_autoptr (GPtrArray) files = jue_export_csv_files (report, NULL, NULL, econ);
  g_autofree char *data = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  JueExportFile *last = files->pdata[files->len - 1];
  g_autofree char *file18 = g_strndup (g_bytes_get_data (last->data, NULL),
                                       g_bytes_get_size (last->data));
  /* the line of file 18's first data row in the single file */
  guint header_line = 1;

  g_assert_no_error (error);
  g_assert_cmpstr (last->name, ==, "18_经济分类科目表.csv");
  for (const char *p = data; p < strstr (data, "科目编码,科目名称,级次,上级编码\r\n301"); p++)
    header_line += *p == '\n';
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GString) bad = g_string_new (data);
      g_autoptr (GString) bad18 = g_string_new (file18);
      g_autoptr (GError) err = NULL;
      g_autoptr (GError) err2 = NULL;
      g_autoptr (JueImport) imp = NULL;
      g_autoptr (JueImport) imp2 = NULL;
      g_autoptr (GPtrArray) changed = jue_export_csv_files (report, NULL, NULL, econ);
      g_autofree char *dir = NULL;
      JueExportFile *f18 = changed->pdata[changed->len - 1];
      g_autofree char *line = NULL;

      g_assert_cmpuint (g_string_replace (bad, cases[i].from, cases[i].to, 1), ==, 1);
      imp = jue_import_csv_single_data (bad->str, bad->len, "all.csv", &err);
      g_test_message ("case %u: %s", i, err ? err->message : "(accepted)");
      g_assert_null (imp);
      g_assert_error (err, JUE_ERROR, JUE_ERROR_PARSE);
      for (guint k = 0; k < 3 && cases[i].says[k]; k++)
        g_assert_nonnull (strstr (err->message, cases[i].says[k]));
      /* its line in the single file: the header's, or the row's below it */
      {
        const char *at = strstr (data, cases[i].from);
        guint n = 1;
        for (const char *p = data; p < at; p++)
          n += *p == '\n';
        if (g_str_has_prefix (cases[i].to, "科目编码"))
          g_assert_cmpuint (n, ==, header_line);
        line = g_strdup_printf ("all.csv, line %u,", n);
        g_assert_nonnull (strstr (err->message, line));
      }

      /* the same from a folder: the message names file 18 */
      g_assert_cmpuint (g_string_replace (bad18, cases[i].from, cases[i].to, 1), ==, 1);
      g_bytes_unref (f18->data);
      f18->data = g_bytes_new (bad18->str, bad18->len);
      dir = write_files (changed);
      imp2 = jue_import_csv_dir (dir, &err2);
      g_assert_null (imp2);
      g_assert_error (err2, JUE_ERROR, JUE_ERROR_PARSE);
      g_assert_nonnull (strstr (err2->message, "18_经济分类科目表.csv"));
      g_assert_nonnull (strstr (err2->message, cases[i].says[0]));
      remove_dir (dir);
    }
}

/* ---- bad input: one change to the single-file export each ------------- */

static void
test_import_refused (void)
{
  static const struct { const char *from, *to; const char *says[3]; } cases[] = {
    { "项目,金额（万元）,占比（%）", "项目,金额,占比（%）",
      { "all.csv, line 27, column 2", "“金额”", "金额（万元）" } },
    { "一般公共预算财政拨款收入,1447.01,100.00", "一般公共预算财政拨款收入,1447.02,100.00",
      { "line 29, column 2", "1447.01", "line 3, column 2" } },
    { "四、上级补助收入,0.00,,,,", "四、上级补助收入,12a,,,,",
      { "line 6, column 2", "differs", "12a" } },
    { "五、事业收入,0.00,,,,", "五、事业收入,0.00,,,",
      { "line 7, column 6", "5 cells where the header has 6", NULL } },
    { "六、经营收入,0.00", "六、营业收入,0.00",
      { "line 8, column 1", "六、经营收入", "六、营业收入" } },
    { "02_收入决算表\r\n", "02_收入表\r\n", { "line 26", "02_收入决算表", "02_收入表" } },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) report = jue_sample_new (&error);
  g_autoptr (GBytes) bytes = jue_export_csv_bytes (report, NULL, NULL, NULL);
  g_autofree char *data = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GString) bad = g_string_new (data);
      g_autoptr (GError) err = NULL;
      g_autoptr (JueImport) imp = NULL;

      g_assert_cmpuint (g_string_replace (bad, cases[i].from, cases[i].to, 1), ==, 1);
      imp = jue_import_csv_single_data (bad->str, bad->len, "all.csv", &err);
      g_test_message ("case %u: %s", i, err ? err->message : "(accepted)");
      g_assert_null (imp);
      g_assert_error (err, JUE_ERROR, JUE_ERROR_PARSE);
      for (guint k = 0; k < 3 && cases[i].says[k]; k++)
        g_assert_nonnull (strstr (err->message, cases[i].says[k]));
    }
}

/* A figure that cannot be read (typed "12a", or exported as typed by
 * Juesuan) comes back as that text, unreadable — never as 12 or 0 — and is
 * exported again as typed. */
static void
test_import_unreadable (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) report = jue_sample_new (&error);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GString) data = NULL;
  g_autoptr (JueImport) imp = NULL;
  g_autoptr (GBytes) again = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_true (jue_report_set_typed (report, "other.operating_cost", "78.5o", NULL, &error));
  g_assert_no_error (error);
  bytes = jue_export_csv_bytes (report, NULL, NULL, NULL);
  data = g_string_new_len (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
  /* the typed text is in its cell, not a number */
  g_assert_nonnull (strstr (data->str, "机关运行经费（万元）,78.5o,84.13,,,"));
  /* a hand-typed one in a table, in both copies of the figure */
  g_assert_cmpuint (g_string_replace (data, "四、上级补助收入,0.00,", "四、上级补助收入,12a,", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (data, "上级补助收入,0.00,0.00", "上级补助收入,12a,", 1), ==, 1);

  imp = jue_import_csv_single_data (data->str, data->len, "all.csv", &error);
  g_assert_no_error (error);
  text = jue_report_get (imp->report, "other.operating_cost", NULL);
  g_assert_cmpstr (text, ==, "78.5o");
  g_clear_pointer (&text, g_free);
  text = jue_report_get (imp->report, "income.superior_subsidy", NULL);
  g_assert_cmpstr (text, ==, "12a");
  g_assert_true (imp->report->income.superior_subsidy.unreadable);
  g_assert_false (imp->report->income.superior_subsidy.set);
  g_assert_cmpuint (jue_report_count_unreadable (imp->report), ==, 2);

  /* the findings file names both */
  again = jue_export_csv_bytes (imp->report, NULL, NULL, NULL);
  {
    g_autofree char *s2 = g_strndup (g_bytes_get_data (again, NULL), g_bytes_get_size (again));
    g_assert_nonnull (strstr (s2, "E-UNREADABLE,other.operating_cost"));
    g_assert_nonnull (strstr (s2, "E-UNREADABLE,income.superior_subsidy"));
    g_assert_nonnull (strstr (s2, "机关运行经费（万元）,78.5o,"));
  }
}

/* ---- docs/csv-format.md shows the layouts as they are ---------------- */

static void
doc_cell (GString    *out,
          const char *cell,
          const char *base)
{
  g_autofree char *path = NULL;

  if (cell == NULL)
    return;
  if (cell[0] == '@' || cell[0] == '=')
    {
      path = jue_csv_join_path (base, cell + 1);
      g_string_append_printf (out, cell[0] == '=' ? "= `%s`" : "`%s`", path);
    }
  else if (strcmp (cell, "*name") == 0)
    g_string_append (out, "(class name)");
  else
    g_string_append (out, cell);
}

static void
doc_table (GString               *out,
           const JueCsvTableSpec *table,
           const char            *name,
           const char            *prefix)
{
  g_string_append_printf (out, "### %s.csv\n\n", name);
  for (guint b = 0; b < table->n_blocks; b++)
    {
      const JueCsvBlockSpec *block = &table->blocks[b];
      guint width = jue_csv_block_width (block);

      if (table->n_blocks > 1)
        g_string_append_printf (out, "Part %u:\n\n", b + 1);
      g_string_append (out, "|");
      for (guint c = 0; c < width; c++)
        g_string_append_printf (out, " %s |", jue_csv_column_name (block->columns[c]));
      g_string_append (out, "\n|");
      for (guint c = 0; c < width; c++)
        g_string_append (out, "---|");
      g_string_append (out, "\n");
      for (guint r = 0; r < block->n_rows; r++)
        {
          const JueCsvRowSpec *row = &block->rows[r];
          g_autofree char *base = NULL;

          if (row->kind == JUE_CSV_ROW_FIXED)
            base = g_strdup (prefix);
          else if (row->kind == JUE_CSV_ROW_CLASSES)
            base = g_strdup ("functional_classes[N]");
          else
            {
              g_autofree char *list = jue_csv_join_path (prefix, row->list);
              base = g_strconcat (list, "[N]", NULL);
            }
          g_string_append (out, "|");
          for (guint c = 0; c < width; c++)
            {
              g_string_append (out, " ");
              doc_cell (out, row->cells[c], base);
              g_string_append (out, " |");
            }
          if (row->kind == JUE_CSV_ROW_REPEAT || row->kind == JUE_CSV_ROW_ITEMS)
            g_string_append (out, " *(one row per item)*");
          else if (row->kind == JUE_CSV_ROW_CLASSES)
            g_string_append (out, " *(one per class, before its rows)*");
          g_string_append (out, "\n");
        }
      g_string_append (out, "\n");
    }
}

/* The tables part of the doc is exactly what the layouts say.  On a
 * difference the expected text is written to the build directory. */
static void
test_doc_in_step (void)
{
  g_autofree char *doc_path = g_test_build_filename (G_TEST_DIST, "..", "docs",
                                                     "csv-format.md", NULL);
  g_autofree char *doc = NULL;
  g_autoptr (GString) want = g_string_new (NULL);
  guint n;
  const JueCsvTableSpec *fixed = jue_csv_fixed_tables (&n);

  g_assert_true (g_file_get_contents (doc_path, &doc, NULL, NULL));
  for (guint t = 0; t < n; t++)
    doc_table (want, &fixed[t], fixed[t].name, fixed[t].prefix);
  doc_table (want, jue_csv_special_fund_table (), JUE_CSV_SPECIAL_FUND_STEM "_NN_项目名称",
             "special_funds[N]");
  if (strstr (doc, want->str) == NULL)
    {
      g_autofree char *out = g_test_build_filename (G_TEST_BUILT, "csv-format-tables.md", NULL);
      g_file_set_contents (out, want->str, -1, NULL);
      g_test_message ("docs/csv-format.md is out of step with jue-csv-tables.c; the tables "
                      "should read as in %s", out);
      g_test_fail ();
    }
}

/* What a spreadsheet may do when it saves a table again still imports to
 * the same report. */
static void
test_import_tolerated (void)
{
  static const struct { const char *from, *to; } cases[] = {
    { "政府性基金预算财政拨款收入,0.00,0.00", "政府性基金预算财政拨款收入,0,0.00" },
    { "一般公共预算财政拨款收入,1447.01,100.00", "一般公共预算财政拨款收入,\"1,447.01\",100" },
    { "收入总计,1447.01,1578.50,-131.49,-8.33", "收入总计,1447.01,1578.5,-131.49,-8.33" },
    { JUE_CSV_BOM, "" },
    { "\r\n", "\n" },
    /* the labels an earlier version wrote for the special funds' rows */
    { "\n绩效分配方式,", "\n资金分配方式," },
    { "\n立项依据,", "\n分配依据," },
    { "\n申报（补助）条件,", "\n补助对象及条件," },
    { "\n项目起止年限,", "\n实施期限," },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) report = jue_sample_new (&error);
  g_autoptr (GBytes) bytes = jue_export_csv_bytes (report, NULL, NULL, NULL);
  g_autofree char *data = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GString) changed = g_string_new (data);
      g_autoptr (GError) err = NULL;
      g_autoptr (JueImport) imp = NULL;

      g_test_message ("case %u", i);
      g_assert_cmpuint (g_string_replace (changed, cases[i].from, cases[i].to, 0), >=, 1);
      imp = jue_import_csv_single_data (changed->str, changed->len, "all.csv", &err);
      g_assert_no_error (err);
      g_assert_true (jue_report_equal (report, imp->report));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/write/cells", test_write_cells);
  g_test_add_func ("/csv/write/rows", test_write_rows);
  g_test_add_func ("/csv/guard/inverse", test_guard_inverse);
  g_test_add_func ("/csv/read/basic", test_read_basic);
  g_test_add_func ("/csv/read/multiline", test_read_multiline);
  g_test_add_func ("/csv/read/errors", test_read_errors);
  g_test_add_func ("/csv/read/ragged", test_read_ragged);
  g_test_add_func ("/csv/layout/covers-model", test_layout_covers_model);
  g_test_add_func ("/csv/layout/documented", test_doc_in_step);
  g_test_add_func ("/csv/round-trip/full", test_round_trip_full);
  g_test_add_func ("/csv/round-trip/empty", test_round_trip_empty);
  g_test_add_func ("/csv/round-trip/sample", test_round_trip_sample);
  g_test_add_func ("/csv/round-trip/economic", test_round_trip_economic);
  g_test_add_func ("/csv/import/economic-refused", test_import_economic_refused);
  g_test_add_func ("/csv/import/refused", test_import_refused);
  g_test_add_func ("/csv/import/unreadable", test_import_unreadable);
  g_test_add_func ("/csv/import/tolerated", test_import_tolerated);
  return g_test_run ();
}
