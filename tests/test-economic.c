/* test-economic.c — the year's economic classification imported into a
 * report (issue 11): stored in the file (schema 7), kept through reopening,
 * a file of schema 6 opened read-only never migrated, a bad CSV refused with
 * its line and reason, and insert-by-code on `economic` using it. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "jue-checks.h"
#include "jue-codes.h"
#include "jue-document.h"
#include "jue-tsv.h"
#include "jue-store.h"

static char *tmpdir;

/* A year's table with the 类 the built-in one lacks (307, 309, 399). */
static const char year_csv[] =
  "code,name,level,parent\n"
  "301,工资福利支出,1,\n"
  "30101,基本工资,2,301\n"
  "302,商品和服务支出,1,\n"
  "30201,办公费,2,302\n"
  "307,债务利息及费用支出,1,\n"
  "30701,国内债务付息,2,307\n"
  "30799,其他债务利息及费用支出,2,307\n"
  "399,其他支出,1,\n"
  "39999,其他支出,2,399\n";

static GBytes *
read_bytes (const char *path)
{
  char *data;
  gsize len;
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (data, len);
}

static int
file_user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int v = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

/* What a second program sees in the file: the economic table's rows, -1
 * when the file has no such table. */
static int
stored_economic (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM economic_classification", -1, &stmt,
                          NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static GPtrArray *
parse_year (void)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *t = jue_classification_economic_parse (year_csv, strlen (year_csv), "year.csv",
                                                    &error);
  g_assert_no_error (error);
  g_assert_cmpuint (t->len, ==, 9);
  return t;
}

static const char *
economic_name (JueDocument *doc,
               gint         index)
{
  static char *last;
  g_autofree char *path = g_strdup_printf ("economic[%d].name", index);

  g_free (last);
  last = jue_report_get (jue_document_get_report (doc), path, NULL);
  return last;
}

static JueDocument *
sample_document (const char *name,
                 char      **path_out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) report = jue_sample_new (&error);
  char *path = g_build_filename (tmpdir, name, NULL);
  JueDocument *doc;

  g_assert_no_error (error);
  g_unlink (path);
  doc = jue_document_create (path, report, &error);
  g_assert_no_error (error);
  *path_out = path;
  return doc;
}

/* Import, one undo step, kept through reopening; the functional table is a
 * different one and stays as it is. */
static void
test_import_round_trip (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) year = parse_year ();
  g_autofree char *undone = NULL;

  {
    g_autoptr (JueDocument) doc = sample_document ("import.juesuan", &path);
    g_assert_null (jue_document_get_economic_classification (doc));
    g_assert_cmpint (stored_economic (path), ==, 0);
    g_assert_true (jue_document_set_economic_classification (doc, year, &error));
    g_assert_no_error (error);
    g_assert_cmpint (stored_economic (path), ==, 9);
    g_assert_null (jue_document_get_classification (doc));
    /* one undo step, back to the built-in table, then again */
    g_assert_true (jue_document_undo (doc, &undone, &error));
    g_assert_cmpstr (undone, ==, "economic");
    g_assert_null (jue_document_get_economic_classification (doc));
    g_assert_cmpint (stored_economic (path), ==, 0);
    g_assert_true (jue_document_redo (doc, NULL, &error));
    g_assert_cmpint (stored_economic (path), ==, 9);
  }
  {
    g_autoptr (JueDocument) doc = jue_document_open (path, TRUE, &error);
    GPtrArray *t;
    JueClassEntry *e;

    g_assert_no_error (error);
    t = jue_document_get_economic_classification (doc);
    g_assert_nonnull (t);
    g_assert_cmpuint (t->len, ==, 9);
    e = t->pdata[6];  /* ORDER BY code */
    g_assert_cmpstr (e->code, ==, "30799");
    g_assert_cmpstr (e->name, ==, "其他债务利息及费用支出");
    g_assert_cmpint (e->level, ==, 2);
    g_assert_cmpstr (e->parent, ==, "307");
    g_assert_null (jue_document_get_classification (doc));
  }
}

/* A file made by main before the economic table (schema 6, the sample with
 * the functional classification imported): read-only, never migrated; for
 * editing, migrated only by the first edit; the import stores it. */
static void
test_schema6_file (void)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "fixtures", "sample-v6.juesuan", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "v6.juesuan", NULL);
  g_autoptr (GBytes) bytes = read_bytes (src);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) year = parse_year ();

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL));
  g_assert_cmpint (file_user_version (path), ==, 6);
  {
    g_autoptr (JueDocument) doc = jue_document_open (path, TRUE, &error);
    g_autoptr (GBytes) after = NULL;

    g_assert_no_error (error);
    g_assert_null (jue_document_get_economic_classification (doc));
    g_assert_cmpuint (jue_document_get_classification (doc)->len, ==, 134);
    g_assert_false (jue_document_set_economic_classification (doc, year, &error));
    g_assert_error (error, JUE_ERROR, JUE_ERROR_READ_ONLY);
    g_clear_error (&error);
    g_clear_object (&doc);
    after = read_bytes (path);
    g_assert_true (g_bytes_equal (bytes, after));
  }
  /* opened for editing, not edited: still a file of schema 6 */
  {
    g_autoptr (JueDocument) doc = jue_document_open (path, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (jue_store_get_version (jue_document_get_store (doc)), ==, 6);
  }
  g_assert_cmpint (file_user_version (path), ==, 6);
  g_assert_cmpint (stored_economic (path), ==, -1);
  /* the import is the first edit: schema 7, the table stored */
  {
    g_autoptr (JueDocument) doc = jue_document_open (path, FALSE, &error);
    g_assert_no_error (error);
    g_assert_true (jue_document_set_economic_classification (doc, year, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (file_user_version (path), ==, JUE_SCHEMA_VERSION);
  g_assert_cmpint (stored_economic (path), ==, 9);
  {
    g_autoptr (JueDocument) doc = jue_document_open (path, TRUE, &error);
    g_autofree char *name = NULL;
    g_assert_no_error (error);
    g_assert_cmpuint (jue_document_get_economic_classification (doc)->len, ==, 9);
    g_assert_cmpuint (jue_document_get_classification (doc)->len, ==, 134);
    name = jue_report_get (jue_document_get_report (doc), "profile.name", NULL);
    g_assert_cmpstr (name, ==, "遂宁市科学技术局");
  }
  /* another first edit (not the import) takes the step as well */
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL));
  {
    g_autoptr (JueDocument) doc = jue_document_open (path, FALSE, &error);
    g_assert_true (jue_document_set (doc, "profile.preparer", "张三", &error));
    g_assert_no_error (error);
    g_assert_null (jue_document_get_economic_classification (doc));
  }
  g_assert_cmpint (file_user_version (path), ==, JUE_SCHEMA_VERSION);
  g_assert_cmpint (stored_economic (path), ==, 0);
}

/* A bad CSV: every bad line named with its reason, nothing returned. */
static void
test_bad_csv (void)
{
  static const char bad[] =
    "code,name,level,parent\n"
    "301,工资福利支出,1,\n"
    "30101,基本工资,2,301\n"
    "2010101,人大事务,3,20101\n"
    "30799,其他债务利息及费用支出,2,307\n"
    "302,,1,\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) t = jue_classification_economic_parse (bad, strlen (bad), "econ.csv",
                                                               &error);

  g_assert_null (t);
  g_assert_error (error, JUE_ERROR, JUE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message,
                            "econ.csv:4: code “2010101” is not a 3-digit 类 or 5-digit 款 code "
                            "of the economic classification"));
  g_assert_nonnull (strstr (error->message, "econ.csv:5: parent 307 of code 30799 is not listed "
                                            "before it"));
  g_assert_nonnull (strstr (error->message, "econ.csv:6: code 302 has no name"));
  /* the functional parser takes the 7-digit code the economic one refuses */
  g_clear_error (&error);
  {
    static const char fn[] = "code,name,level,parent\n201,一般公共服务支出,1,\n"
                             "20101,人大事务,2,201\n2010101,行政运行,3,20101\n";
    g_autoptr (GPtrArray) f = jue_classification_parse (fn, strlen (fn), "fn.csv", &error);
    g_assert_no_error (error);
    g_assert_null (jue_classification_economic_parse (fn, strlen (fn), "fn.csv", &error));
    g_assert_nonnull (strstr (error->message, "fn.csv:4:"));
  }
}

/* 30799 is not in the built-in table: refused by code before the import,
 * added with its name after it; undoing the import refuses it again. */
static void
test_insert_by_code (void)
{
  g_autofree char *path = NULL;
  g_autoptr (JueDocument) doc = sample_document ("insert.juesuan", &path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) year = parse_year ();
  JueReport *r = jue_document_get_report (doc);
  guint n = r->economic->len;
  gint index = -1;

  g_assert_false (jue_document_insert_by_code (doc, "economic", "30799", NULL, &index, &error));
  g_assert_error (error, JUE_ERROR, JUE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "30799 is not in the built-in economic "
                                            "classification"));
  g_clear_error (&error);
  g_assert_cmpuint (r->economic->len, ==, n);

  g_assert_true (jue_document_set_economic_classification (doc, year, &error));
  g_assert_true (jue_document_insert_by_code (doc, "economic", "30799", NULL, &index, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r->economic->len, ==, n + 1);
  g_assert_cmpstr (economic_name (doc, index), ==, "其他债务利息及费用支出");
  /* a code of the built-in table the imported one lacks is refused now */
  g_assert_false (jue_document_insert_by_code (doc, "economic", "30102", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "30102 is not in the report's economic "
                                            "classification"));
  g_clear_error (&error);
  g_assert_cmpuint (r->economic->len, ==, n + 1);
}

int
main (int    argc,
      char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("jue-economic-XXXXXX", NULL);
  g_test_add_func ("/economic/import-round-trip", test_import_round_trip);
  g_test_add_func ("/economic/schema6-file", test_schema6_file);
  g_test_add_func ("/economic/bad-csv", test_bad_csv);
  g_test_add_func ("/economic/insert-by-code", test_insert_by_code);
  rc = g_test_run ();
  {
    g_autoptr (GDir) d = g_dir_open (tmpdir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name (d)))
      {
        g_autofree char *p = g_build_filename (tmpdir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (tmpdir);
  }
  return rc;
}
