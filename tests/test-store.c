/* The .juesuan file: round trips, migrations, hostile files, read-only. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "jue-completeness.h"
#include "jue-document.h"
#include "jue-empty.h"
#include "jue-tsv.h"

static char *tmpdir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  char *data;
  gsize len;
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (data, len);
}

static JueReport *
rich_report (void)
{
  JueReport *r = jue_report_new ();
  const char *data =
    "profile.name\t遂宁市科学技术局\n"
    "profile.year\t2024\n"
    "profile.duties\t拟订全市创新驱动发展战略。\\n第二段，含逗号,与\"引号\"。\n"
    "profile.unit_level\t一级预算单位\n"
    "profile.offices[0].name\t办公室\n"
    "profile.offices[1].name\t政策法规与资源配置科\n"
    "profile.staff.in_service\t29\n"
    "profile.fill_date\t2025-06-30\n"
    "income.general_budget\t1447.01\n"
    "expenditure.basic\t708.77\n"
    "expenditure.project\t738.24\n"
    "functional[0].class_name\t一般公共服务支出\n"
    "functional[0].budget\t5.0000\n"
    "functional[0].actual\t1.37\n"
    "functional[1].code\t2060102\n"
    "functional[1].actual\t7.46\n"
    "functional[1].budget\t7.469712\n"
    "three_public.vehicle.operation.actual\t2.98\n"
    "special_funds[0].project_name\t科技交流与合作\n"
    "special_funds[0].allocation\t项目法\n"
    "special_funds[0].indicators[0].nature\t≥\n"
    "special_funds[0].indicators[0].weight\t20\n"
    "special_funds[0].indicators[0].actual\t企业满意度100%\n"
    "special_funds[0].indicators[1].name\t\n"
    "special_funds[1].project_name\t科技创新券\n"
    "dept_eval.self_score\t90.96\n";
  g_assert_true (jue_report_apply_tsv (r, data, strlen (data), "rich", NULL));
  return r;
}

static void
test_round_trip (void)
{
  g_autofree char *path = tmp_path ("round.juesuan");
  g_autoptr (JueReport) r = rich_report ();
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (JueDocument) doc = jue_document_create (path, r, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr (JueDocument) doc = jue_document_open (path, TRUE, &error);
    g_assert_no_error (error);
    g_assert_true (jue_report_equal (jue_document_get_report (doc), r));
    /* the empty indicator row survives */
    g_assert_cmpuint (((JueSpecialFund *) jue_document_get_report (doc)->special_funds->pdata[0])->indicators->len, ==, 2);
  }
  /* creating over an existing file is refused and leaves it alone */
  {
    g_autoptr (GBytes) before = read_bytes (path);
    g_autoptr (GBytes) after = NULL;
    g_autoptr (JueReport) blank = jue_report_new ();
    g_autoptr (JueDocument) doc = jue_document_create (path, blank, &error);
    g_assert_null (doc);
    g_assert_error (error, JUE_ERROR, JUE_ERROR_EXISTS);
    after = read_bytes (path);
    g_assert_true (g_bytes_equal (before, after));
  }
}

static void
test_sample_round_trip (void)
{
  g_autofree char *path = tmp_path ("sample.juesuan");
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) sample = jue_sample_new (&error);
  g_assert_no_error (error);
  {
    g_autoptr (JueDocument) doc = jue_document_create (path, sample, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr (JueDocument) doc = jue_document_open (path, FALSE, &error);
    g_assert_no_error (error);
    g_assert_true (jue_report_equal (jue_document_get_report (doc), sample));
  }
}

static void
test_edits_are_committed (void)
{
  g_autofree char *path = tmp_path ("edits.juesuan");
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *copy = tmp_path ("edits-copy.juesuan");
  g_autoptr (JueReport) r = rich_report ();
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) doc = jue_document_create (path, r, &error);
  g_assert_no_error (error);

  jue_document_set (doc, "income.general_budget", "1,448.01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (jue_document_insert_row (doc, "functional", 1, &error), ==, 1);
  g_assert_true (jue_document_set (doc, "functional[1].xiang_name", "行政运行", &error));
  g_assert_no_error (error);

  /* while the document is still open, the file alone holds every edit:
   * copy just the file and read it */
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  {
    g_autoptr (GBytes) bytes = read_bytes (path);
    g_assert_true (g_file_set_contents (copy, g_bytes_get_data (bytes, NULL),
                                        (gssize) g_bytes_get_size (bytes), NULL));
  }
  {
    g_autoptr (JueDocument) other = jue_document_open (copy, TRUE, &error);
    JueReport *o;
    g_assert_no_error (error);
    o = jue_document_get_report (other);
    g_assert_cmpint (o->income.general_budget.fen, ==, 1448010000);
    g_assert_cmpuint (o->functional->len, ==, 3);
    g_assert_cmpstr (((JueFunctionalRow *) o->functional->pdata[1])->xiang_name, ==, "行政运行");
    g_assert_cmpstr (((JueFunctionalRow *) o->functional->pdata[2])->code, ==, "2060102");
    g_assert_true (jue_report_equal (o, jue_document_get_report (doc)));
  }

  /* a refused value changes nothing, in memory or on disk */
  {
    g_autoptr (GBytes) before = read_bytes (path);
    g_autoptr (GBytes) after = NULL;
    g_assert_false (jue_document_set (doc, "income.general_budget", "1447.01x", &error));
    g_assert_error (error, JUE_ERROR, JUE_ERROR_PARSE);
    g_assert_nonnull (strstr (error->message, "income.general_budget"));
    g_assert_nonnull (strstr (error->message, "1447.01x"));
    g_clear_error (&error);
    after = read_bytes (path);
    g_assert_true (g_bytes_equal (before, after));
    g_assert_cmpint (jue_document_get_report (doc)->income.general_budget.fen, ==, 1448010000);
  }
}

/* ---- hostile and foreign files ---------------------------------------- */

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db;
  char *msg = NULL;
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
  sqlite3_close (db);
}

static char *
make_ours (const char *name)
{
  char *path = tmp_path (name);
  g_autoptr (JueReport) r = rich_report ();
  g_autoptr (JueDocument) doc = NULL;
  g_unlink (path);
  doc = jue_document_create (path, r, NULL);
  g_assert_nonnull (doc);
  return path;
}

typedef struct {
  const char *name;
  int         code;
  const char *says;   /* part of the message */
} Hostile;

static void
assert_refused_unchanged (const char *path,
                          int         code,
                          const char *says)
{
  g_autoptr (GBytes) before = read_bytes (path);
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;

  for (int ro = 0; ro < 2; ro++)
    {
      g_autoptr (JueDocument) doc = jue_document_open (path, ro, &error);
      g_assert_null (doc);
      g_assert_nonnull (error);
      g_test_message ("%s → %s", path, error->message);
      g_assert_error (error, JUE_ERROR, code);
      g_assert_nonnull (strstr (error->message, path));
      if (says)
        g_assert_nonnull (strstr (error->message, says));
      g_clear_error (&error);
    }
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  {
    g_autofree char *journal = g_strconcat (path, "-journal", NULL);
    g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  }
}

static void
test_not_sqlite (void)
{
  g_autofree char *text = tmp_path ("text.juesuan");
  g_autofree char *empty = tmp_path ("empty.juesuan");
  g_autofree char *random = tmp_path ("random.juesuan");
  guint8 noise[4096];
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);
  g_assert_true (g_file_set_contents (text, "部门决算\n1447.01\n", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (random, (char *) noise, sizeof noise, NULL));

  assert_refused_unchanged (text, JUE_ERROR_NOT_OURS, "not an SQLite database");
  assert_refused_unchanged (empty, JUE_ERROR_NOT_OURS, "not an SQLite database");
  assert_refused_unchanged (random, JUE_ERROR_NOT_OURS, "not an SQLite database");
}

static void
test_foreign_sqlite (void)
{
  g_autofree char *path = tmp_path ("foreign.juesuan");
  g_unlink (path);
  exec_sql (path, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  assert_refused_unchanged (path, JUE_ERROR_NOT_OURS, "not a Juesuan report");
}

static void
test_newer_version (void)
{
  g_autofree char *path = make_ours ("newer.juesuan");
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d;", JUE_SCHEMA_VERSION + 1);
  exec_sql (path, sql);
  assert_refused_unchanged (path, JUE_ERROR_NEWER, "newer version");
}

static void
test_triggers_and_views (void)
{
  g_autofree char *trig = make_ours ("trigger.juesuan");
  g_autofree char *view = make_ours ("view.juesuan");
  g_autofree char *extra = make_ours ("extra.juesuan");
  g_autofree char *altered = tmp_path ("altered.juesuan");

  exec_sql (trig, "CREATE TABLE log (x); CREATE TRIGGER t AFTER UPDATE ON field "
                  "BEGIN INSERT INTO log VALUES (new.path); END;");
  exec_sql (view, "CREATE VIEW v AS SELECT * FROM field;");
  exec_sql (extra, "CREATE INDEX i ON field (value);");
  assert_refused_unchanged (trig, JUE_ERROR_CORRUPT, "trigger");
  assert_refused_unchanged (view, JUE_ERROR_CORRUPT, "view");
  assert_refused_unchanged (extra, JUE_ERROR_CORRUPT, "index");

  /* same names, different columns */
  g_unlink (altered);
  exec_sql (altered,
            "PRAGMA application_id = 1247102291; PRAGMA user_version = 1;"
            "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;"
            "CREATE TABLE field (path TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL, "
            "x TEXT GENERATED ALWAYS AS (upper(value))) WITHOUT ROWID;");
  assert_refused_unchanged (altered, JUE_ERROR_CORRUPT, NULL);
}

static void
test_bad_values (void)
{
  g_autofree char *amount = make_ours ("badvalue.juesuan");
  g_autofree char *unknown = make_ours ("badpath.juesuan");

  exec_sql (amount, "UPDATE field SET value = 'abc' WHERE path = 'income.general_budget';");
  exec_sql (unknown, "INSERT INTO field VALUES ('income.nope', '1');");
  assert_refused_unchanged (unknown, JUE_ERROR_CORRUPT, "income.nope");

  /* a stored amount that does not read is a value someone typed: it opens,
   * kept as typed and unknown (not 0, not refused) */
  {
    g_autoptr (GError) error = NULL;
    JueReport *report = NULL;
    JueStore *store = jue_store_open (amount, JUE_STORE_READ_ONLY, &report, &error);
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    text = jue_report_get (report, "income.general_budget", NULL);
    g_assert_cmpstr (text, ==, "abc");
    g_assert_false (report->income.general_budget.set);
    g_assert_true (report->income.general_budget.unreadable);
    g_assert_cmpuint (jue_report_count_unreadable (report), ==, 1);
    jue_report_free (report);
    jue_store_close (store);
  }
}

static void
test_truncated (void)
{
  g_autofree char *path = make_ours ("truncated.juesuan");
  g_autoptr (GBytes) whole = read_bytes (path);
  gsize len = g_bytes_get_size (whole);

  /* keep the header (so it still claims to be ours) but lose pages */
  g_assert_cmpuint (len, >, 8192);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (whole, NULL),
                                      (gssize) (len / 2), NULL));
  assert_refused_unchanged (path, JUE_ERROR_CORRUPT, "damaged");

  /* a few bytes only */
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (whole, NULL), 50, NULL));
  assert_refused_unchanged (path, JUE_ERROR_NOT_OURS, NULL);
}

static void
test_corrupt_page (void)
{
  g_autofree char *path = make_ours ("corrupt.juesuan");
  g_autoptr (GBytes) whole = read_bytes (path);
  gsize len = g_bytes_get_size (whole);
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (whole, NULL), len);

  /* scribble over the second page (the first table's b-tree) */
  for (gsize i = 4096; i < 4096 + 512 && i < len; i++)
    data[i] = 0xA5;
  g_assert_true (g_file_set_contents (path, (char *) data, (gssize) len, NULL));
  assert_refused_unchanged (path, JUE_ERROR_CORRUPT, NULL);
}

/* ---- migrations and read-only ----------------------------------------- */

static char *
make_v1 (const char *name)
{
  char *path = tmp_path (name);
  g_unlink (path);
  exec_sql (path,
            "PRAGMA application_id = 1247102291; PRAGMA user_version = 1;"
            "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;"
            "CREATE TABLE field (path TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;"
            "INSERT INTO field VALUES ('profile.name', '遂宁市科学技术局');"
            "INSERT INTO field VALUES ('income.general_budget', '1447.01');"
            "INSERT INTO field VALUES ('functional[1].actual', '329.53');"
            "INSERT INTO field VALUES ('functional[0].actual', '1.37');");
  return path;
}

static void
test_migrate_from_v1 (void)
{
  g_autofree char *path = make_v1 ("v1.juesuan");
  g_autofree char *ro = make_v1 ("v1-ro.juesuan");
  g_autoptr (GError) error = NULL;

  /* read-only: loads, stays version 1, not a byte changes */
  {
    g_autoptr (GBytes) before = read_bytes (ro);
    g_autoptr (GBytes) after = NULL;
    g_autoptr (JueDocument) doc = jue_document_open (ro, TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (jue_store_get_version (jue_document_get_store (doc)), ==, 1);
    g_assert_cmpint (jue_document_get_report (doc)->income.general_budget.fen, ==, 1447010000);
    g_clear_object (&doc);
    after = read_bytes (ro);
    g_assert_true (g_bytes_equal (before, after));
  }
  /* writable: migrated forward, data intact, new tables usable */
  {
    g_autoptr (JueDocument) doc = jue_document_open (path, FALSE, &error);
    JueReport *r;
    g_assert_no_error (error);
    /* the tables come with opening; the step without any, with the edit */
    g_assert_cmpint (jue_store_get_version (jue_document_get_store (doc)), ==, 2);
    r = jue_document_get_report (doc);
    g_assert_cmpstr (r->profile.name, ==, "遂宁市科学技术局");
    g_assert_cmpuint (r->functional->len, ==, 2);
    g_assert_cmpint (((JueFunctionalRow *) r->functional->pdata[1])->actual.fen, ==, 329530000);
    g_assert_true (jue_document_set_explanation (doc, "W-TEST", "income.general_budget", "说明", &error));
    g_assert_no_error (error);
    g_assert_cmpint (jue_store_get_version (jue_document_get_store (doc)), ==, JUE_SCHEMA_VERSION);
  }
  {
    g_autoptr (JueDocument) doc = jue_document_open (path, TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (jue_store_get_version (jue_document_get_store (doc)), ==, JUE_SCHEMA_VERSION);
    g_assert_cmpstr (jue_document_get_explanation (doc, "W-TEST", "income.general_budget"), ==, "说明");
  }
}

/* Every value as text, by path (unreadable ones as typed). */
static void
collect_value (const char        *path,
               const JueFieldRef *ref,
               gpointer           user_data)
{
  g_hash_table_insert (user_data, g_strdup (path), jue_field_get_text (ref));
}

static GHashTable *
all_values (JueReport *report)
{
  GHashTable *h = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  jue_report_foreach (report, NULL, collect_value, h, NULL);
  return h;
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

/* tests/fixtures/sample-v2.juesuan was made by main at 0e14d58 (schema 2):
 * the sample, an explanation, the classification table loaded, and
 * basic.public typed as "78x.6" (unreadable). */
static char *
copy_v2_fixture (const char *name)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "fixtures", "sample-v2.juesuan", NULL);
  g_autoptr (GBytes) bytes = read_bytes (src);
  char *path = tmp_path (name);

  g_unlink (path);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL));
  return path;
}

/* Marking a table empty: one undo step, by number, title or key; a table
 * the template does not have is refused naming it, nothing changed. */
static void
test_mark_empty (void)
{
  g_autofree char *path = tmp_path ("mark-empty.juesuan");
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) sample = jue_sample_new (&error);
  g_autoptr (JueDocument) doc = NULL;
  g_autofree char *undone = NULL;
  JueReport *r;

  g_assert_no_error (error);
  g_unlink (path);
  doc = jue_document_create (path, sample, &error);
  g_assert_no_error (error);
  r = jue_document_get_report (doc);

  g_assert_true (jue_document_mark_table_empty (doc, "表10", "本单位无政府性基金收支", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jue_report_table_empty_reason (r, "gov_fund"), ==, "本单位无政府性基金收支");
  /* by title, a new reason: the same row */
  g_assert_true (jue_document_mark_table_empty (doc, "政府性基金预算财政拨款收入支出决算表",
                                                "无收支", &error));
  g_assert_cmpuint (r->empty_tables->len, ==, 1);
  g_assert_cmpstr (jue_report_table_empty_reason (r, "gov_fund"), ==, "无收支");
  /* the same again: no edit, no undo step */
  g_assert_true (jue_document_mark_table_empty (doc, "gov_fund", "无收支", &error));
  /* 表12 and 表11 share their key */
  g_assert_true (jue_document_mark_table_empty (doc, "表12", NULL, &error));
  g_assert_cmpstr (jue_report_table_empty_reason (r, "state_capital"), ==, "");
  g_assert_true (jue_document_mark_table_empty (doc, "表11", "", &error));
  g_assert_cmpuint (r->empty_tables->len, ==, 2);
  /* one undo step each */
  g_assert_true (jue_document_undo (doc, &undone, &error));
  g_assert_cmpstr (undone, ==, "empty_tables");
  g_assert_null (jue_report_table_empty_reason (r, "state_capital"));
  g_assert_true (jue_document_undo (doc, NULL, &error));
  g_assert_cmpstr (jue_report_table_empty_reason (r, "gov_fund"), ==, "本单位无政府性基金收支");
  g_assert_true (jue_document_undo (doc, NULL, &error));
  g_assert_cmpuint (r->empty_tables->len, ==, 0);
  g_assert_true (jue_document_redo (doc, NULL, &error));
  g_assert_cmpstr (jue_report_table_empty_reason (r, "gov_fund"), ==, "本单位无政府性基金收支");
  g_assert_no_error (error);
  /* unknown: refused, named, nothing changed */
  g_assert_false (jue_document_mark_table_empty (doc, "表99", "x", &error));
  g_assert_error (error, JUE_ERROR, JUE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "表99"));
  g_clear_error (&error);
  g_assert_cmpuint (r->empty_tables->len, ==, 1);
  /* unmark: one step, undone */
  g_assert_true (jue_document_unmark_table_empty (doc, "gov_fund", &error));
  g_assert_cmpuint (r->empty_tables->len, ==, 0);
  g_assert_true (jue_document_unmark_table_empty (doc, "gov_fund", &error));
  g_assert_true (jue_document_undo (doc, NULL, &error));
  g_assert_cmpuint (r->empty_tables->len, ==, 1);
  g_assert_no_error (error);
  g_clear_object (&doc);
  /* and in the file */
  doc = jue_document_open (path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jue_report_table_empty_reason (jue_document_get_report (doc), "gov_fund"), ==,
                   "本单位无政府性基金收支");
}

/* tests/fixtures/sample-v3-empty.juesuan was made by main at 9b50330
 * (schema 3): the sample with gov_fund.reason saying 本表无数据 (no
 * figures) and state_capital.reason saying so while state_capital.income
 * is 1.  Schema 3 had no empty-table flag: the government-fund table
 * counted as complete by its words.  It reads as marked, the same whether
 * the file is migrated or not. */
static void
test_migrate_empty_from_v3 (void)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "fixtures",
                                                "sample-v3-empty.juesuan", NULL);
  g_autoptr (GBytes) bytes = read_bytes (src);
  g_autofree char *ro = tmp_path ("v3-ro.juesuan");
  g_autofree char *rw = tmp_path ("v3-rw.juesuan");
  g_autoptr (GError) error = NULL;
  const char *reason = "本单位2024年度无政府性基金预算财政拨款收支，本表无数据。";

  for (guint i = 0; i < 2; i++)
    {
      g_unlink (i ? rw : ro);
      g_assert_true (g_file_set_contents (i ? rw : ro, g_bytes_get_data (bytes, NULL),
                                          (gssize) g_bytes_get_size (bytes), NULL));
    }
  /* read-only: marked, complete, never written */
  {
    g_autoptr (JueDocument) doc = jue_document_open (ro, TRUE, &error);
    g_autoptr (JueCompleteness) c = NULL;
    g_autoptr (GBytes) after = NULL;
    JueReport *r;

    g_assert_no_error (error);
    g_assert_cmpint (jue_store_get_version (jue_document_get_store (doc)), ==, 3);
    r = jue_document_get_report (doc);
    g_assert_cmpstr (jue_report_table_empty_reason (r, "gov_fund"), ==, reason);
    /* the words with a figure beside them never meant empty */
    g_assert_null (jue_report_table_empty_reason (r, "state_capital"));
    c = jue_completeness_new (r);
    g_assert_cmpuint (jue_completeness_get_section (c, "gov-fund")->filled, ==,
                      jue_completeness_get_section (c, "gov-fund")->required);
    g_clear_object (&doc);
    after = read_bytes (ro);
    g_assert_true (g_bytes_equal (bytes, after));
  }
  /* the first edit writes the mark with the step to schema 5 */
  {
    g_autoptr (JueDocument) doc = jue_document_open (rw, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (file_user_version (rw), ==, 3);
    g_assert_true (jue_document_set (doc, "profile.preparer", "张三", &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (file_user_version (rw), ==, JUE_SCHEMA_VERSION);
  {
    g_autoptr (JueDocument) doc = jue_document_open (rw, TRUE, &error);
    JueReport *r;

    g_assert_no_error (error);
    r = jue_document_get_report (doc);
    g_assert_cmpuint (r->empty_tables->len, ==, 1);
    g_assert_cmpstr (jue_report_table_empty_reason (r, "gov_fund"), ==, reason);
    g_assert_cmpstr (r->gov_fund.reason, ==, reason);
    g_assert_cmpstr (r->profile.preparer, ==, "张三");
  }
  /* a file of schema 5 is not read by the words: the mark is the flag */
  {
    g_autoptr (JueDocument) doc = jue_document_open (rw, FALSE, &error);
    g_assert_no_error (error);
    g_assert_true (jue_document_unmark_table_empty (doc, "gov_fund", &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr (JueDocument) doc = jue_document_open (rw, TRUE, &error);
    g_assert_no_error (error);
    g_assert_null (jue_report_table_empty_reason (jue_document_get_report (doc), "gov_fund"));
  }
}

static void
test_migrate_from_v2 (void)
{
  g_autofree char *ro = copy_v2_fixture ("v2-ro.juesuan");
  g_autofree char *rw = copy_v2_fixture ("v2-rw.juesuan");
  g_autoptr (GHashTable) before = NULL;
  g_autoptr (GError) error = NULL;
  guint n_classes;

  /* read-only: every value there, version 2, not a byte changed */
  {
    g_autoptr (GBytes) bytes = read_bytes (ro);
    g_autoptr (GBytes) after = NULL;
    g_autoptr (JueDocument) doc = jue_document_open (ro, TRUE, &error);
    JueReport *r;

    g_assert_no_error (error);
    g_assert_cmpint (jue_store_get_version (jue_document_get_store (doc)), ==, 2);
    r = jue_document_get_report (doc);
    g_assert_cmpuint (r->functional->len, ==, 17);
    g_assert_cmpuint (r->accounts->len, ==, 0);
    g_assert_cmpstr (jue_document_get_explanation (doc, "W-COMPLETION-LOW", "functional[0].actual"),
                     ==, "招商引资项目延期");
    g_assert_cmpuint (jue_document_count_unreadable (doc), ==, 1);
    n_classes = jue_document_get_classification (doc)->len;
    g_assert_cmpuint (n_classes, >, 100);
    before = all_values (r);
    g_assert_cmpstr (g_hash_table_lookup (before, "basic.public"), ==, "78x.6");
    g_assert_cmpstr (g_hash_table_lookup (before, "functional[1].actual"), ==, "329.53");
    g_clear_object (&doc);
    after = read_bytes (ro);
    g_assert_true (g_bytes_equal (bytes, after));
  }
  /* opened for editing but not edited: still a file version 2 can open */
  {
    g_autoptr (JueDocument) doc = jue_document_open (rw, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (jue_store_get_version (jue_document_get_store (doc)), ==, 2);
  }
  g_assert_cmpint (file_user_version (rw), ==, 2);
  /* the first edit migrates: a new list row, version 3 */
  {
    g_autoptr (JueDocument) doc = jue_document_open (rw, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (jue_document_insert_row (doc, "accounts", -1, &error), ==, 0);
    g_assert_no_error (error);
    g_assert_true (jue_document_set (doc, "accounts[0].code", "2060101", &error));
    g_assert_true (jue_document_set (doc, "functional[1].basic", "329.53", &error));
    g_assert_no_error (error);
    g_assert_cmpint (jue_store_get_version (jue_document_get_store (doc)), ==, JUE_SCHEMA_VERSION);
  }
  g_assert_cmpint (file_user_version (rw), ==, JUE_SCHEMA_VERSION);
  /* every value of the old file kept, the new ones beside them */
  {
    g_autoptr (JueDocument) doc = jue_document_open (rw, TRUE, &error);
    g_autoptr (GHashTable) now = NULL;
    GHashTableIter it;
    gpointer k, v;

    g_assert_no_error (error);
    now = all_values (jue_document_get_report (doc));
    g_hash_table_iter_init (&it, before);
    while (g_hash_table_iter_next (&it, &k, &v))
      {
        const char *path = k;
        const char *expect = g_str_equal (path, "functional[1].basic") ? "329.53" : v;
        g_assert_true (g_hash_table_contains (now, path));
        g_assert_cmpstr (g_hash_table_lookup (now, path), ==, expect);
      }
    g_assert_cmpstr (g_hash_table_lookup (now, "accounts[0].code"), ==, "2060101");
    g_assert_cmpuint (jue_document_count_unreadable (doc), ==, 1);
    g_assert_cmpstr (jue_document_get_explanation (doc, "W-COMPLETION-LOW", "functional[0].actual"),
                     ==, "招商引资项目延期");
    g_assert_cmpuint (jue_document_get_classification (doc)->len, ==, n_classes);
  }
}

/* tests/fixtures/carried-v3.juesuan was made by main at f6fd1ec (schema 3):
 * `new --from` the sample (149 carried texts), functional[1].actual set to
 * 340.12, an explanation of W-MISSING profile.duties, and basic.public
 * typed as "78x.6".  Schema 4 adds functional[N].previous and .reason. */
static void
test_migrate_from_v3 (void)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "fixtures", "carried-v3.juesuan",
                                                NULL);
  g_autoptr (GBytes) bytes = read_bytes (src);
  g_autofree char *path = tmp_path ("v3.juesuan");
  g_autoptr (GHashTable) before = NULL;
  g_autoptr (GError) error = NULL;

  g_unlink (path);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL));
  /* read-only: version 3, its values, the new fields blank, not a byte changed */
  {
    g_autoptr (JueDocument) doc = jue_document_open (path, TRUE, &error);
    g_autoptr (GBytes) after = NULL;
    JueReport *r;

    g_assert_no_error (error);
    g_assert_cmpint (jue_store_get_version (jue_document_get_store (doc)), ==, 3);
    r = jue_document_get_report (doc);
    g_assert_cmpuint (r->functional->len, ==, 17);
    g_assert_false (((JueFunctionalRow *) r->functional->pdata[1])->previous.set);
    g_assert_null (((JueFunctionalRow *) r->functional->pdata[1])->reason);
    g_assert_cmpuint (jue_report_count_carried (r), ==, 149);
    before = all_values (r);
    g_assert_cmpstr (g_hash_table_lookup (before, "functional[1].actual"), ==, "340.12");
    g_assert_cmpstr (g_hash_table_lookup (before, "basic.public"), ==, "78x.6");
    g_clear_object (&doc);
    after = read_bytes (path);
    g_assert_true (g_bytes_equal (bytes, after));
  }
  /* the first edit (a field of schema 4) takes it to the latest version */
  {
    g_autoptr (JueDocument) doc = jue_document_open (path, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (jue_store_get_version (jue_document_get_store (doc)), ==, 3);
    g_assert_true (jue_document_set (doc, "functional[1].previous", "329.53", &error));
    g_assert_true (jue_document_set (doc, "functional[1].reason", "人员增加", &error));
    g_assert_no_error (error);
    g_assert_cmpint (jue_store_get_version (jue_document_get_store (doc)), ==, JUE_SCHEMA_VERSION);
  }
  g_assert_cmpint (file_user_version (path), ==, JUE_SCHEMA_VERSION);
  {
    g_autoptr (JueDocument) doc = jue_document_open (path, TRUE, &error);
    g_autoptr (GHashTable) now = NULL;
    GHashTableIter it;
    gpointer k, v;

    g_assert_no_error (error);
    now = all_values (jue_document_get_report (doc));
    g_hash_table_iter_init (&it, before);
    while (g_hash_table_iter_next (&it, &k, &v))
      {
        const char *expect = g_str_equal (k, "functional[1].previous") ? "329.53"
                           : g_str_equal (k, "functional[1].reason") ? "人员增加" : v;
        g_assert_cmpstr (g_hash_table_lookup (now, k), ==, expect);
      }
    g_assert_cmpuint (jue_report_count_carried (jue_document_get_report (doc)), ==, 149);
    g_assert_cmpstr (jue_document_get_explanation (doc, "W-MISSING", "profile.duties"),
                     ==, "职责未变");
  }
}

static void
test_read_only (void)
{
  g_autofree char *path = make_ours ("review.juesuan");
  g_autoptr (GBytes) before = read_bytes (path);
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;
  GStatBuf st1, st2;

  g_assert_cmpint (g_stat (path, &st1), ==, 0);
  {
    g_autoptr (JueDocument) doc = jue_document_open (path, TRUE, &error);
    g_assert_no_error (error);
    g_assert_true (jue_document_is_read_only (doc));
    g_assert_false (jue_document_set (doc, "income.general_budget", "1", &error));
    g_assert_error (error, JUE_ERROR, JUE_ERROR_READ_ONLY);
    g_clear_error (&error);
    g_assert_cmpint (jue_document_insert_row (doc, "functional", -1, &error), ==, -1);
    g_clear_error (&error);
    g_assert_false (jue_document_set_explanation (doc, "R", "income.general_budget", "x", &error));
    g_clear_error (&error);
    g_assert_false (jue_document_can_undo (doc));
    /* a reviewer may still save a copy */
    {
      g_autofree char *copy = tmp_path ("review-copy.juesuan");
      g_assert_true (jue_document_save_copy (doc, copy, &error));
      g_assert_no_error (error);
      g_autoptr (JueDocument) c = jue_document_open (copy, TRUE, &error);
      g_assert_no_error (error);
      g_assert_true (jue_report_equal (jue_document_get_report (c), jue_document_get_report (doc)));
    }
  }
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_stat (path, &st2), ==, 0);
  g_assert_cmpint (st1.st_mtime, ==, st2.st_mtime);
}

static void
test_unwritable_file_opens_read_only (void)
{
  g_autofree char *path = make_ours ("locked.juesuan");
  g_autoptr (GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root can write any file");
      return;
    }
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  {
    g_autoptr (JueDocument) doc = jue_document_open (path, FALSE, &error);
    g_assert_no_error (error);
    g_assert_true (jue_document_is_read_only (doc));
  }
}

/* ---- undo / redo ------------------------------------------------------ */

static JueReport *
reopen (const char *path)
{
  g_autoptr (JueDocument) doc = jue_document_open (path, TRUE, NULL);
  g_assert_nonnull (doc);
  return jue_report_copy (jue_document_get_report (doc));
}

static void
test_undo_redo (void)
{
  g_autofree char *path = make_ours ("undo.juesuan");
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) doc = jue_document_open (path, FALSE, &error);
  g_autoptr (JueReport) start = NULL;
  g_autofree char *changed = NULL;
  JueReport *r;

  g_assert_no_error (error);
  r = jue_document_get_report (doc);
  start = jue_report_copy (r);

  g_assert_true (jue_document_set (doc, "expenditure.basic", "709.77", NULL));
  g_assert_true (jue_document_remove_row (doc, "profile.offices[0]", NULL));
  g_assert_true (jue_document_move_row (doc, "functional[1]", 0, NULL));
  g_assert_cmpint (jue_document_insert_row (doc, "special_funds[0].indicators", 0, NULL), ==, 0);
  g_assert_true (jue_document_set_explanation (doc, "W-X", "expenditure.basic", "因调整", NULL));

  /* undo everything, each step committed */
  for (int i = 0; i < 5; i++)
    {
      g_clear_pointer (&changed, g_free);
      g_assert_true (jue_document_undo (doc, &changed, &error));
      g_assert_no_error (error);
      g_assert_nonnull (changed);
    }
  g_assert_cmpstr (changed, ==, "expenditure.basic");
  g_assert_false (jue_document_can_undo (doc));
  g_assert_true (jue_report_equal (r, start));
  {
    g_autoptr (JueReport) disk = reopen (path);
    g_assert_true (jue_report_equal (disk, start));
  }
  g_assert_null (jue_document_get_explanation (doc, "W-X", "expenditure.basic"));

  /* redo everything */
  for (int i = 0; i < 5; i++)
    g_assert_true (jue_document_redo (doc, NULL, &error));
  g_assert_false (jue_document_can_redo (doc));
  g_assert_cmpint (r->expenditure.basic.fen, ==, 709770000);
  g_assert_cmpstr (((JueOffice *) r->profile.offices->pdata[0])->name, ==, "政策法规与资源配置科");
  g_assert_cmpstr (((JueFunctionalRow *) r->functional->pdata[0])->code, ==, "2060102");
  g_assert_cmpstr (jue_document_get_explanation (doc, "W-X", "expenditure.basic"), ==, "因调整");
  {
    g_autoptr (JueReport) disk = reopen (path);
    g_assert_true (jue_report_equal (disk, r));
  }

  /* a new edit clears the redo history */
  g_assert_true (jue_document_undo (doc, NULL, NULL));
  g_assert_true (jue_document_set (doc, "profile.year", "2025", NULL));
  g_assert_false (jue_document_can_redo (doc));
  g_assert_false (jue_document_redo (doc, NULL, &error));
  g_assert_error (error, JUE_ERROR, JUE_ERROR_INVALID);
}

static GPtrArray *
table_of (const char *const *codes)
{
  GPtrArray *t = g_ptr_array_new_with_free_func ((GDestroyNotify) jue_class_entry_free);
  for (guint i = 0; codes[i]; i++)
    {
      JueClassEntry *e = g_new0 (JueClassEntry, 1);
      e->code = g_strdup (codes[i]);
      e->name = g_strdup_printf ("科目%u", i);
      e->level = (int) strlen (codes[i]) == 3 ? 1 : strlen (codes[i]) == 5 ? 2 : 3;
      g_ptr_array_add (t, e);
    }
  return t;
}

static guint
stored_codes (const char *path)
{
  g_autoptr (JueDocument) doc = jue_document_open (path, TRUE, NULL);
  GPtrArray *t = jue_document_get_classification (doc);
  return t ? t->len : 0;
}

static void
test_undo_classification (void)
{
  g_autofree char *path = make_ours ("classification.juesuan");
  g_autoptr (JueDocument) doc = jue_document_open (path, FALSE, NULL);
  g_autoptr (GPtrArray) first = table_of ((const char *[]) { "206", "20601", "2060102", NULL });
  g_autoptr (GPtrArray) second = table_of ((const char *[]) { "201", NULL });
  g_autofree char *changed = NULL;

  g_assert_null (jue_document_get_classification (doc));
  g_assert_true (jue_document_set_classification (doc, first, NULL));
  g_assert_true (jue_document_set_classification (doc, second, NULL));
  g_assert_cmpuint (stored_codes (path), ==, 1);

  g_assert_true (jue_document_undo (doc, &changed, NULL));
  g_assert_cmpstr (changed, ==, "functional");
  g_assert_cmpuint (jue_document_get_classification (doc)->len, ==, 3);
  g_assert_cmpuint (stored_codes (path), ==, 3);
  g_assert_true (jue_document_undo (doc, NULL, NULL));
  g_assert_null (jue_document_get_classification (doc));
  g_assert_cmpuint (stored_codes (path), ==, 0);
  g_assert_true (jue_document_redo (doc, NULL, NULL));
  g_assert_true (jue_document_redo (doc, NULL, NULL));
  g_assert_cmpuint (stored_codes (path), ==, 1);
}

static void
test_undo_coalesces_typing (void)
{
  g_autofree char *path = make_ours ("typing.juesuan");
  g_autoptr (JueDocument) doc = jue_document_open (path, FALSE, NULL);
  const char *steps[] = { "1", "14", "144", "1447", "1447.0", "1447.01" };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    g_assert_true (jue_document_set (doc, "income.other", steps[i], NULL));
  g_assert_true (jue_document_set (doc, "income.business", "3", NULL));
  g_assert_true (jue_document_undo (doc, NULL, NULL));
  g_assert_true (jue_document_undo (doc, NULL, NULL));
  /* one undo takes back the whole typed figure */
  g_assert_false (jue_document_get_report (doc)->income.other.set);
  g_assert_false (jue_document_can_undo (doc));
}

int
main (int argc, char *argv[])
{
  int rc;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("jue-store-XXXXXX", NULL);

  g_test_add_func ("/store/round-trip", test_round_trip);
  g_test_add_func ("/store/sample-round-trip", test_sample_round_trip);
  g_test_add_func ("/store/edits-committed", test_edits_are_committed);
  g_test_add_func ("/store/refuse/not-sqlite", test_not_sqlite);
  g_test_add_func ("/store/refuse/foreign-sqlite", test_foreign_sqlite);
  g_test_add_func ("/store/refuse/newer", test_newer_version);
  g_test_add_func ("/store/refuse/triggers-views", test_triggers_and_views);
  g_test_add_func ("/store/bad-values", test_bad_values);
  g_test_add_func ("/store/refuse/truncated", test_truncated);
  g_test_add_func ("/store/refuse/corrupt-page", test_corrupt_page);
  g_test_add_func ("/store/migrate-v1", test_migrate_from_v1);
  g_test_add_func ("/store/migrate-v2", test_migrate_from_v2);
  g_test_add_func ("/store/migrate-v3", test_migrate_from_v3);
  g_test_add_func ("/store/migrate-empty-v3", test_migrate_empty_from_v3);
  g_test_add_func ("/store/mark-empty", test_mark_empty);
  g_test_add_func ("/store/read-only", test_read_only);
  g_test_add_func ("/store/unwritable", test_unwritable_file_opens_read_only);
  g_test_add_func ("/document/undo-redo", test_undo_redo);
  g_test_add_func ("/document/undo-coalesces", test_undo_coalesces_typing);
  g_test_add_func ("/document/undo-classification", test_undo_classification);
  rc = g_test_run ();

  if (rc == 0)
    {
      g_autoptr (GDir) dir = g_dir_open (tmpdir, 0, NULL);
      const char *name;
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *p = g_build_filename (tmpdir, name, NULL);
          g_unlink (p);
        }
      g_rmdir (tmpdir);
    }
  g_free (tmpdir);
  return rc;
}
