/* Workbooks in (jue-workbook.c, jue-workbook-import.c): .xlsx and .xls
 * read into one grid, within limits; the published tables found by title
 * and header words in the fixtures of tests/data/workbooks (made by
 * make-workbooks.py with LibreOffice), read to the same report whatever
 * the sheet order, title rows, unit or number storage; bad cells refused
 * naming sheet and cell; an import into an open report is one undo step. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-stdio.h>
#include <gsf/gsf-utils.h>

#include "jue-checks.h"
#include "jue-document.h"
#include "jue-template.h"
#include "jue-tsv.h"
#include "jue-workbook.h"
#include "jue-workbook-import.h"

static char *tmpdir;

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "workbooks", name, NULL);
}

static JueWorkbook *
open_fixture (const char *name)
{
  g_autofree char *path = fixture (name);
  g_autoptr (GError) error = NULL;
  JueWorkbook *wb = jue_workbook_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (wb);
  return wb;
}

static const JueWbSheet *
sheet_named (const JueWorkbook *wb,
             const char        *name)
{
  for (guint i = 0; i < jue_workbook_n_sheets (wb); i++)
    if (strcmp (jue_wb_sheet_name (jue_workbook_sheet (wb, i)), name) == 0)
      return jue_workbook_sheet (wb, i);
  g_assert_not_reached ();
  return NULL;
}

static void
check_grid (const JueWorkbook *wb,
            gboolean           merges)
{
  const JueWbSheet *t7;
  const JueWbCell *c;

  g_assert_cmpuint (jue_workbook_n_sheets (wb), ==, 10);
  g_assert_cmpstr (jue_wb_sheet_name (jue_workbook_sheet (wb, 0)), ==, "封面");
  g_assert_cmpstr (jue_wb_sheet_name (jue_workbook_sheet (wb, 7)), ==, "表7");
  t7 = sheet_named (wb, "表7");
  g_assert_cmpstr (jue_wb_sheet_text (t7, 0, 0), ==,
                   "2024年度一般公共预算财政拨款“三公”经费支出决算表");
  g_assert_cmpstr (jue_wb_sheet_text (t7, 2, 11), ==, "单位：万元");
  g_assert_cmpstr (jue_wb_sheet_text (t7, 3, 6), ==, "决算数");
  g_assert_cmpstr (jue_wb_sheet_text (t7, 5, 3), ==, "购置费");
  /* B7: 因公出国（境）费 预算数, a number stored exactly. */
  c = jue_wb_sheet_cell (t7, 6, 2);
  g_assert_nonnull (c);
  g_assert_cmpint (c->kind, ==, JUE_WB_CELL_NUMBER);
  g_assert_cmpstr (c->text, ==, "3.0046");
  c = jue_wb_sheet_cell (t7, 3, 0);
  g_assert_cmpint (c->kind, ==, JUE_WB_CELL_TEXT);
  g_assert_null (jue_wb_sheet_cell (t7, 3, 1));   /* under the merge: no cell */
  if (merges)
    {
      const JueWbRange *m = jue_wb_sheet_merge_at (t7, 3, 4);

      g_assert_nonnull (m);
      g_assert_cmpuint (m->first_row, ==, 3);
      g_assert_cmpuint (m->first_column, ==, 0);
      g_assert_cmpuint (m->last_column, ==, 5);
      m = jue_wb_sheet_merge_at (t7, 5, 0);   /* 合计: two rows */
      g_assert_nonnull (m);
      g_assert_cmpuint (m->first_row, ==, 4);
      g_assert_cmpuint (m->last_row, ==, 5);
    }
}

static void
test_read_xlsx (void)
{
  g_autoptr (JueWorkbook) wb = open_fixture ("report.xlsx");

  check_grid (wb, TRUE);
}

static void
test_read_xls (void)
{
  g_autoptr (JueWorkbook) wb = open_fixture ("report.xls");

  check_grid (wb, FALSE);
}

static void
test_cell_names (void)
{
  guint r, c;
  g_autofree char *a1 = jue_wb_cell_name (0, 0);
  g_autofree char *ab12 = jue_wb_cell_name (11, 27);

  g_assert_cmpstr (a1, ==, "A1");
  g_assert_cmpstr (ab12, ==, "AB12");
  g_assert_true (jue_wb_parse_cell_name ("AB12", &r, &c));
  g_assert_cmpuint (r, ==, 11);
  g_assert_cmpuint (c, ==, 27);
  g_assert_true (jue_wb_parse_cell_name ("$C$3", &r, &c));
  g_assert_cmpuint (c, ==, 2);
  g_assert_false (jue_wb_parse_cell_name ("A0", &r, &c));
  g_assert_false (jue_wb_parse_cell_name ("12", &r, &c));
}

static void
test_parse_amount (void)
{
  gint64 fen;

  g_assert_true (jue_wb_parse_amount ("1447.01", FALSE, &fen));
  g_assert_cmpint (fen, ==, 1447010000);
  g_assert_true (jue_wb_parse_amount ("3.0046", FALSE, &fen));
  g_assert_cmpint (fen, ==, 3004600);
  /* 元: exact, to the fen. */
  g_assert_true (jue_wb_parse_amount ("30046", TRUE, &fen));
  g_assert_cmpint (fen, ==, 3004600);
  g_assert_true (jue_wb_parse_amount ("14470100.00", TRUE, &fen));
  g_assert_cmpint (fen, ==, 1447010000);
  g_assert_false (jue_wb_parse_amount ("3.005", TRUE, &fen));
  g_assert_false (jue_wb_parse_amount ("1.0000001", FALSE, &fen));
  /* A double's noise is rounded away. */
  g_assert_true (jue_wb_parse_amount ("0.30000000000000004", FALSE, &fen));
  g_assert_cmpint (fen, ==, 300000);
  g_assert_true (jue_wb_parse_amount ("329.52999999999997", FALSE, &fen));
  g_assert_cmpint (fen, ==, 329530000);
  g_assert_true (jue_wb_parse_amount ("1.5E-2", FALSE, &fen));
  g_assert_cmpint (fen, ==, 15000);
  g_assert_true (jue_wb_parse_amount ("-2.5", FALSE, &fen));
  g_assert_cmpint (fen, ==, -2500000);
  g_assert_false (jue_wb_parse_amount ("1.2.3", FALSE, &fen));
  g_assert_false (jue_wb_parse_amount ("", FALSE, &fen));
  g_assert_false (jue_wb_parse_amount ("1e400", FALSE, &fen));
  g_assert_false (jue_wb_parse_amount ("99999999999999999999", FALSE, &fen));
}

/* ---- hostile files --------------------------------------------------------- */

typedef struct {
  const char *name;
  const char *data;
  gsize       len;     /* 0: strlen (data) */
} Member;

static char *
write_zip (const char   *name,
           const Member *members,
           guint         n)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (tmpdir, name, NULL);
  GsfOutput *file = gsf_output_stdio_new (path, &error);
  GsfOutfile *zip;

  g_assert_no_error (error);
  zip = gsf_outfile_zip_new (file, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_auto (GStrv) parts = g_strsplit (members[i].name, "/", 0);
      GsfOutfile *dir = zip;
      GsfOutput *out;
      GPtrArray *dirs = g_ptr_array_new_with_free_func (g_object_unref);
      guint k;

      for (k = 0; parts[k + 1] != NULL; k++)
        {
          dir = GSF_OUTFILE (gsf_outfile_new_child (dir, parts[k], TRUE));
          g_ptr_array_add (dirs, dir);
        }
      out = gsf_outfile_new_child (dir, parts[k], FALSE);
      gsf_output_write (out, members[i].len ? members[i].len : strlen (members[i].data),
                        (const guint8 *) members[i].data);
      gsf_output_close (out);
      g_object_unref (out);
      for (guint d = dirs->len; d > 0; d--)
        gsf_output_close (GSF_OUTPUT (g_ptr_array_index (dirs, d - 1)));
      g_ptr_array_unref (dirs);
    }
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  gsf_output_close (file);
  g_object_unref (file);
  return path;
}

#define RELS "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
#define WB_RELS "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" \
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"
#define WB "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"表7\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
#define SHEET(cells) "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" cells "</sheetData></worksheet>"

static void
assert_refused (const char *path,
                gint        code,
                const char *needle)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueWorkbook) wb = jue_workbook_open (path, &error);

  g_assert_null (wb);
  g_assert_error (error, JUE_ERROR, code);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not say “%s”", error->message, needle);
}

static void
test_small_handmade (void)
{
  Member m[] = {
    { "_rels/.rels", RELS, 0 },
    { "xl/_rels/workbook.xml.rels", WB_RELS, 0 },
    { "xl/workbook.xml", WB, 0 },
    { "xl/sharedStrings.xml", "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<si><t>预算数</t></si><si><r><t>公务</t></r><r><t>接待费</t></r><rPh><t>こうむ</t></rPh></si></sst>", 0 },
    { "xl/worksheets/sheet1.xml", SHEET ("<row r=\"2\"><c r=\"B2\" t=\"s\"><v>1</v></c><c t=\"inlineStr\"><is><t>x_x000D_y</t></is></c>"
      "<c r=\"E2\"><v>0.30000000000000004</v></c><c r=\"F2\" t=\"s\"><v>0</v></c></row>"), 0 },
  };
  g_autofree char *path = write_zip ("small.xlsx", m, G_N_ELEMENTS (m));
  g_autoptr (GError) error = NULL;
  g_autoptr (JueWorkbook) wb = jue_workbook_open (path, &error);
  const JueWbSheet *s;

  g_assert_no_error (error);
  s = jue_workbook_sheet (wb, 0);
  g_assert_cmpstr (jue_wb_sheet_text (s, 1, 1), ==, "公务接待费");   /* runs, no phonetics */
  g_assert_cmpstr (jue_wb_sheet_text (s, 1, 2), ==, "x\ry");          /* C2: after B2 */
  g_assert_cmpstr (jue_wb_sheet_text (s, 1, 4), ==, "0.30000000000000004");
  g_assert_cmpstr (jue_wb_sheet_text (s, 1, 5), ==, "预算数");
  g_assert_cmpuint (jue_wb_sheet_n_rows (s), ==, 2);
}

static void
test_zip_bomb (void)
{
  /* 2 MiB of one character packs to a few KiB: far beyond any ratio a
   * workbook has. */
  gsize n = 2 * 1024 * 1024;
  g_autofree char *big = g_malloc (n + 64);
  Member m[] = {
    { "_rels/.rels", RELS, 0 },
    { "xl/_rels/workbook.xml.rels", WB_RELS, 0 },
    { "xl/workbook.xml", WB, 0 },
    { "xl/sharedStrings.xml", big, 0 },
    { "xl/worksheets/sheet1.xml", SHEET (""), 0 },
  };
  g_autofree char *path = NULL;

  strcpy (big, "<sst><si><t>");
  memset (big + strlen (big), 'a', n);
  strcpy (big + 12 + n, "</t></si></sst>");
  m[3].len = strlen (big);
  path = write_zip ("bomb.xlsx", m, G_N_ELEMENTS (m));
  assert_refused (path, JUE_ERROR_TOO_LARGE, "zip bomb");
}

static void
test_far_cell (void)
{
  Member m[] = {
    { "_rels/.rels", RELS, 0 },
    { "xl/_rels/workbook.xml.rels", WB_RELS, 0 },
    { "xl/workbook.xml", WB, 0 },
    { "xl/worksheets/sheet1.xml", SHEET ("<row r=\"200000\"><c r=\"A200000\"><v>1</v></c></row>"), 0 },
  };
  g_autofree char *path = write_zip ("far.xlsx", m, G_N_ELEMENTS (m));

  /* The sheet and the cell are named. */
  assert_refused (path, JUE_ERROR_TOO_LARGE, "A200000");
  assert_refused (path, JUE_ERROR_TOO_LARGE, "表7");
}

static void
test_doctype (void)
{
  Member m[] = {
    { "_rels/.rels", RELS, 0 },
    { "xl/_rels/workbook.xml.rels", WB_RELS, 0 },
    { "xl/workbook.xml", WB, 0 },
    { "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
      "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>", 0 },
  };
  g_autofree char *path = write_zip ("doctype.xlsx", m, G_N_ELEMENTS (m));

  assert_refused (path, JUE_ERROR_CORRUPT, "xl/worksheets/sheet1.xml");
}

static void
test_not_a_workbook (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "plain.xlsx", NULL);
  Member m[] = { { "hello.txt", "hello", 0 } };
  g_autofree char *zip = write_zip ("other.zip", m, 1);

  g_assert_true (g_file_set_contents (path, "项目,金额\n", -1, NULL));
  assert_refused (path, JUE_ERROR_NOT_OURS, "plain.xlsx");
  assert_refused (zip, JUE_ERROR_CORRUPT, "xl/workbook.xml");
}

/* libgsf itself logs for some damaged zips (a directory entry's impossible
 * date: “g_date_time_unref: assertion 'datetime != NULL' failed”, then
 * carries on); that is not ours to fail on.  Everything else stays fatal. */
static gboolean
ignore_libgsf_noise (const gchar    *domain,
                     GLogLevelFlags  level,
                     const gchar    *message,
                     gpointer        user_data)
{
  return !(g_strcmp0 (domain, "libgsf") == 0 || g_str_has_prefix (domain ? domain : "", "libgsf:")
           || (g_strcmp0 (domain, "GLib") == 0 && strstr (message, "g_date_time_") != NULL));
}

/* Damaged copies of a real workbook: cut short, or bytes changed in the
 * packed data, the zip headers and the directory.  Each is refused with a
 * message or read; none crashes (the sanitizer build runs this too). */
static void
test_mangled (void)
{
  g_autofree char *path = fixture ("report.xlsx");
  g_autofree char *data = NULL;
  gsize len;
  GRand *rand;

  /* In a child process: libgsf prints its complaints to stdout, which
   * would be read as test output. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }
  rand = g_rand_new_with_seed (11);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_test_log_set_fatal_handler (ignore_libgsf_noise, NULL);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, len);
      gsize n = len;
      g_autoptr (GError) error = NULL;
      g_autoptr (JueWorkbook) wb = NULL;

      if (i < 60)
        n = (gsize) g_rand_int_range (rand, 0, (gint32) len);
      else
        for (guint k = 0; k < 1 + i % 8; k++)
          copy[g_rand_int_range (rand, 0, (gint32) len)] ^= (guint8) g_rand_int_range (rand, 1, 256);
      wb = jue_workbook_open_xlsx_data (copy, n, "mangled.xlsx", &error);
      if (wb == NULL)
        {
          g_assert_nonnull (error);
          g_assert_nonnull (strstr (error->message, "mangled.xlsx"));
        }
      else
        {
          g_autoptr (JueWbImport) imp = NULL;
          g_autoptr (GError) e2 = NULL;

          imp = jue_wb_import_workbook (wb, NULL, FALSE, &e2);
          g_assert_true ((imp == NULL) == (e2 != NULL));
        }
    }
  g_rand_free (rand);
  g_test_log_set_fatal_handler (NULL, NULL);
}

/* ---- the tables ------------------------------------------------------------ */

static JueReport *
import_new (const char *name)
{
  g_autofree char *path = fixture (name);
  g_autoptr (GError) error = NULL;
  g_autoptr (JueWbImport) imp = jue_wb_import_file (path, NULL, FALSE, &error);
  JueReport *report;

  g_assert_no_error (error);
  report = jue_wb_import_new_report (imp, &error);
  g_assert_no_error (error);
  return report;
}

static void
assert_value (JueReport  *report,
              const char *path,
              const char *want)
{
  g_autofree char *v = jue_report_get (report, path, NULL);

  g_assert_cmpstr (v, ==, want);
}

static void
test_tables_report (void)
{
  g_autoptr (JueReport) r = import_new ("report.xlsx");

  assert_value (r, "profile.name", "遂宁市科学技术局");
  assert_value (r, "profile.year", "2024");
  assert_value (r, "income.general_budget", "1447.01");
  assert_value (r, "income.other", "0.00");
  assert_value (r, "profile.template", "national");
  assert_value (r, "three_public.abroad.budget", "3.25");
  assert_value (r, "three_public.vehicle.budget", "3.0046");
  assert_value (r, "three_public.vehicle.purchase.actual", "0.00");
  assert_value (r, "three_public.vehicle.operation.actual", "2.98");
  assert_value (r, "three_public.reception.budget", "0.02");
  /* 财政拨款收入支出决算总表 */
  assert_value (r, "appropriation.income_general_budget", "1447.01");
  assert_value (r, "appropriation.expenditure_general_budget", "1447.01");
  assert_value (r, "appropriation.carried_out", "0.00");
  /* 收入决算表 and 支出决算表: one accounts row per 项, both tables' columns. */
  assert_value (r, "accounts[0].code", "2011308");
  assert_value (r, "accounts[0].class_name", "一般公共服务支出");
  assert_value (r, "accounts[0].kuan_name", "商贸事务");
  assert_value (r, "accounts[0].xiang_name", "招商引资");
  assert_value (r, "accounts[0].income_appropriation", "1.37");
  assert_value (r, "accounts[0].income_other", "0.00");
  assert_value (r, "accounts[0].exp_basic", "0.00");
  assert_value (r, "accounts[0].exp_project", "1.37");
  assert_value (r, "accounts[1].exp_basic", "329.53");
  assert_value (r, "accounts[16].code", "2210201");
  assert_value (r, "accounts[17].code", NULL);
  /* 一般公共预算财政拨款支出决算表: the split. */
  assert_value (r, "functional[3].basic", "39.29");
  assert_value (r, "functional[3].project", "7.45");
  /* 基本支出决算表: the block totals and the rows by economic code. */
  assert_value (r, "basic.personnel", "630.27");
  assert_value (r, "basic.public", "78.50");
  assert_value (r, "economic[0].code", "301");
  assert_value (r, "economic[0].actual", "600.00");
  assert_value (r, "economic[2].code", "302");
  assert_value (r, "economic[2].name", "商品和服务支出");
  assert_value (r, "economic[2].actual", "");   /* its 款 rows add up to it */
  assert_value (r, "economic[3].code", "30231");
  assert_value (r, "economic[3].actual", "2.98");
  assert_value (r, "economic[5].code", "310");
  /* 表8 is printed as 本表为空表, 表9 with a 合计 row only: no rows. */
  assert_value (r, "gov_fund.rows[0].code", NULL);
  assert_value (r, "state_capital.rows[0].code", NULL);
  /* Not in these tables: untouched. */
  assert_value (r, "three_public.abroad.previous", "");
  assert_value (r, "basic.econ_abroad", "");
  /* A 合计 the template names as a typed total (totals=). */
  assert_value (r, "expenditure.basic", "708.77");
  assert_value (r, "appropriation.general_budget_project", "738.24");
  assert_value (r, "state_capital.expenditure", "0.00");
  assert_value (r, "gov_fund.income", "0.00");
}

static void
test_tables_variants (void)
{
  g_autoptr (JueReport) base = import_new ("report.xlsx");
  const char *same[] = { "report.xls", "moved.xlsx", "yuan.xlsx" };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autoptr (JueReport) other = import_new (same[i]);

      if (!jue_report_equal (base, other))
        g_error ("%s does not import to the same report as report.xlsx", same[i]);
    }
}

static void
assert_import_refused (const char *name,
                       const char *needle)
{
  g_autofree char *path = fixture (name);
  g_autoptr (GError) error = NULL;
  g_autoptr (JueWbImport) imp = jue_wb_import_file (path, NULL, FALSE, &error);
  g_autoptr (JueReport) report = NULL;

  if (imp != NULL)
    report = jue_wb_import_new_report (imp, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not say “%s”", error->message, needle);
}

static void
test_tables_refused (void)
{
  /* The sheet, the cell and the reason. */
  assert_import_refused ("bad-cell.xlsx", "“表7”");
  assert_import_refused ("bad-cell.xlsx", "J7");
  assert_import_refused ("bad-cell.xlsx", "1.2.3");
  assert_import_refused ("bad-total.xlsx", "G7");
  assert_import_refused ("bad-total.xlsx", "6.33");
  /* A 类 row that is not the sum of its 项 rows. */
  assert_import_refused ("bad-subtotal.xlsx", "“表5”, cell C10");
  assert_import_refused ("bad-subtotal.xlsx", "1288.67");
}

static void
test_blank_for_zero (void)
{
  g_autofree char *path = fixture ("blank.xlsx");
  g_autoptr (GError) error = NULL;
  g_autoptr (JueWbImport) zero = jue_wb_import_file (path, NULL, TRUE, &error);
  g_autoptr (JueWbImport) blank = NULL;
  g_autoptr (JueReport) r1 = jue_report_new ();
  g_autoptr (JueReport) r2 = jue_report_new ();

  g_assert_no_error (error);
  blank = jue_wb_import_file (path, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (jue_wb_import_apply (zero, r1, &error));
  g_assert_true (jue_wb_import_apply (blank, r2, &error));
  /* The template prints blank for zero: a blank cell is 0. */
  assert_value (r1, "three_public.reception.actual", "0.00");
  assert_value (r1, "income.other", "0.00");
  assert_value (r1, "accounts[0].exp_basic", "0.00");
  assert_value (r1, "accounts[0].exp_project", "1.37");
  /* It prints 0.00: a blank cell is not known. */
  assert_value (r2, "three_public.reception.actual", "");
  assert_value (r2, "three_public.abroad.actual", "3.25");
  assert_value (r2, "accounts[0].exp_basic", "");
  assert_value (r2, "accounts[0].exp_project", "1.37");
}

/* 表5's 项 rows: into the functional list, by code or by names; a row
 * the table lacks is added with its code and names, a row of the report
 * the table does not print gets 0; one undo step takes all of it back. */
static void
test_list_rows (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) sample = jue_sample_new (&error);
  g_autoptr (JueReport) fresh = import_new ("report.xlsx");
  g_autofree char *file = g_build_filename (tmpdir, "rows.juesuan", NULL);
  g_autofree char *xlsx = fixture ("report.xlsx");
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (JueWbImport) imp = NULL;
  g_autoptr (JueReport) before = NULL;
  JueReport *r;
  gint extra;

  /* A new report: every 项 row, with the 类 and 款 names above it. */
  assert_value (fresh, "functional[0].code", "2011308");
  assert_value (fresh, "functional[0].class_name", "一般公共服务支出");
  assert_value (fresh, "functional[0].kuan_name", "商贸事务");
  assert_value (fresh, "functional[0].xiang_name", "招商引资");
  assert_value (fresh, "functional[0].actual", "1.37");
  assert_value (fresh, "functional[16].code", "2210201");
  assert_value (fresh, "functional[16].actual", "44.33");
  assert_value (fresh, "functional[17].code", NULL);

  g_assert_no_error (error);
  g_unlink (file);
  doc = jue_document_create (file, sample, &error);
  g_assert_no_error (error);
  g_assert_true (jue_document_set (doc, "functional[1].actual", "1", &error));
  g_assert_true (jue_document_remove_row (doc, "functional[16]", &error));   /* 住房公积金 */
  extra = jue_document_insert_row (doc, "functional", -1, &error);
  g_assert_cmpint (extra, ==, 16);
  g_assert_true (jue_document_set (doc, "functional[16].xiang_name", "不在表中", &error));
  g_assert_true (jue_document_set (doc, "functional[16].actual", "5", &error));
  before = jue_report_copy (jue_document_get_report (doc));

  imp = jue_wb_import_file (xlsx, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (jue_wb_import_into_document (imp, doc, &error));
  g_assert_no_error (error);
  r = jue_document_get_report (doc);
  assert_value (r, "functional[1].actual", "329.53");      /* by names */
  assert_value (r, "functional[1].code", "");              /* its texts kept */
  assert_value (r, "functional[2].actual", "7.46");        /* by code */
  assert_value (r, "functional[16].xiang_name", "不在表中");
  assert_value (r, "functional[16].actual", "0.00");       /* not printed: none */
  assert_value (r, "functional[17].code", "2210201");      /* added */
  assert_value (r, "functional[17].xiang_name", "住房公积金");
  assert_value (r, "functional[17].actual", "44.33");

  g_assert_true (jue_document_undo (doc, NULL, &error));
  g_assert_true (jue_report_equal (before, jue_document_get_report (doc)));
}

/* The layouts made from the national template (jue-template.h) find the
 * same tables and read the same figures as the built-in ones, for what
 * both read. */
static void
test_template_layout (void)
{
  g_autoptr (GError) error = NULL;
  const JueTemplate *tmpl = jue_template_get ("national", &error);
  g_autoptr (JueWbLayout) layout = NULL;
  g_autofree char *path = fixture ("report.xlsx");
  g_autoptr (JueWorkbook) wb = NULL;
  g_autoptr (JueWbImport) imp = NULL;
  g_autoptr (JueReport) r = jue_report_new ();
  const JueWbTableSpec *specs;
  guint n;

  g_assert_no_error (error);
  layout = jue_wb_layout_new (tmpl);
  specs = jue_wb_layout_tables (layout, &n);
  /* All nine: lines, two-sided, matrices over accounts, functional and the
   * fund rows, economic, row. */
  g_assert_cmpuint (n, ==, 9);
  {
    g_autoptr (JueWbLayout) sichuan = jue_wb_layout_new (jue_template_get ("sichuan", NULL));
    guint n_sichuan;

    const JueWbTableSpec *ss = jue_wb_layout_tables (sichuan, &n_sichuan);

    /* All thirteen: 财政拨款支出决算明细表's rows are those of three lists
     * at once (the tables by fund print them too), read when it is there. */
    g_assert_cmpuint (n_sichuan, ==, 13);
    g_assert_cmpstr (ss[4].name, ==, "财政拨款支出决算明细表");
    g_assert_nonnull (ss[4].rows);
    g_assert_true (ss[4].rows->multi && ss[4].optional);
    g_assert_cmpuint (ss[4].rows->n_columns, ==, 3);
    g_assert_cmpstr (ss[4].rows->columns[1].field, ==, "basic");
    g_assert_false (ss[5].optional);
  }
  wb = jue_workbook_open (path, &error);
  g_assert_no_error (error);
  imp = jue_wb_import_read (wb, specs, n, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (jue_wb_import_apply (imp, r, &error));
  g_assert_no_error (error);
  assert_value (r, "income.general_budget", "1447.01");
  assert_value (r, "appropriation.expenditure_general_budget", "1447.01");
  assert_value (r, "basic.personnel", "630.27");
  assert_value (r, "three_public.vehicle.operation.budget", "3.0046");
  assert_value (r, "functional[0].code", "2011308");
  assert_value (r, "functional[16].actual", "44.33");
  jue_wb_import_free (g_steal_pointer (&imp));

  /* A bad cell is refused the same way. */
  {
    g_autofree char *bad = fixture ("bad-cell.xlsx");
    g_autoptr (JueWorkbook) wb2 = jue_workbook_open (bad, &error);

    g_assert_no_error (error);
    imp = jue_wb_import_read (wb2, specs, n, FALSE, &error);
    g_assert_null (imp);
    g_assert_nonnull (strstr (error->message, "J7"));
  }
}

static void
test_into_document_one_undo (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) sample = jue_sample_new (&error);
  g_autofree char *file = g_build_filename (tmpdir, "into.juesuan", NULL);
  g_autofree char *xlsx = fixture ("yuan.xlsx");
  g_autofree char *bad = fixture ("bad-cell.xlsx");
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (JueWbImport) imp = NULL;
  g_autoptr (JueReport) before = NULL;
  g_autoptr (JueReport) imported = NULL;
  g_autofree char *undone_path = NULL;

  g_assert_no_error (error);
  g_unlink (file);
  doc = jue_document_create (file, sample, &error);
  g_assert_no_error (error);
  g_assert_true (jue_document_set (doc, "three_public.abroad.actual", "9", &error));
  g_assert_true (jue_document_set (doc, "expenditure.basic", "1", &error));
  before = jue_report_copy (jue_document_get_report (doc));

  /* A refused workbook changes nothing. */
  imp = jue_wb_import_file (bad, NULL, FALSE, &error);
  g_assert_null (imp);
  g_clear_error (&error);
  g_assert_true (jue_report_equal (before, jue_document_get_report (doc)));

  imp = jue_wb_import_file (xlsx, NULL, FALSE, &error);
  g_assert_no_error (error);
  imported = jue_report_copy (before);
  g_assert_true (jue_wb_import_apply (imp, imported, &error));
  g_assert_true (jue_wb_import_into_document (imp, doc, &error));
  g_assert_no_error (error);
  assert_value (jue_document_get_report (doc), "three_public.abroad.actual", "3.25");
  assert_value (jue_document_get_report (doc), "functional[2].basic", "7.46");
  /* 表3's 合计 is the typed total. */
  assert_value (jue_document_get_report (doc), "expenditure.basic", "708.77");
  /* Not in the tables: as it was. */
  assert_value (jue_document_get_report (doc), "overview.previous_income_total", "1578.50");
  g_assert_true (jue_report_equal (jue_document_get_report (doc), imported));
  /* Every text and evaluation kept. */
  {
    const char *texts[] = { "profile.duties", "basic.personnel_items", "special_funds[0].title",
                            "special_funds[0].indicators[0].name", "dept_eval.indicators[0].name",
                            "functional[0].xiang_name", "glossary[0].definition" };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_autofree char *want = jue_report_get (sample, texts[i], NULL);

        assert_value (jue_document_get_report (doc), texts[i], want);
      }
  }

  /* One undo step takes all of it back; one redo brings it again. */
  g_assert_true (jue_document_undo (doc, &undone_path, &error));
  g_assert_true (jue_report_equal (before, jue_document_get_report (doc)));
  g_assert_true (jue_document_redo (doc, NULL, &error));
  g_assert_true (jue_report_equal (imported, jue_document_get_report (doc)));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gsf_init ();
  tmpdir = g_dir_make_tmp ("juesuan-workbook-XXXXXX", NULL);

  g_test_add_func ("/workbook/read-xlsx", test_read_xlsx);
  g_test_add_func ("/workbook/read-xls", test_read_xls);
  g_test_add_func ("/workbook/cell-names", test_cell_names);
  g_test_add_func ("/workbook/parse-amount", test_parse_amount);
  g_test_add_func ("/workbook/small-handmade", test_small_handmade);
  g_test_add_func ("/workbook/zip-bomb", test_zip_bomb);
  g_test_add_func ("/workbook/far-cell", test_far_cell);
  g_test_add_func ("/workbook/doctype", test_doctype);
  g_test_add_func ("/workbook/not-a-workbook", test_not_a_workbook);
  g_test_add_func ("/workbook/mangled", test_mangled);
  g_test_add_func ("/workbook/tables/report", test_tables_report);
  g_test_add_func ("/workbook/tables/variants", test_tables_variants);
  g_test_add_func ("/workbook/tables/refused", test_tables_refused);
  g_test_add_func ("/workbook/tables/blank-for-zero", test_blank_for_zero);
  g_test_add_func ("/workbook/tables/into-document", test_into_document_one_undo);
  g_test_add_func ("/workbook/tables/list-rows", test_list_rows);
  g_test_add_func ("/workbook/tables/template-layout", test_template_layout);

  ret = g_test_run ();
  {
    g_autoptr (GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *p = g_build_filename (tmpdir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (tmpdir);
  }
  return ret;
}
