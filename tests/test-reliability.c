/* Reliability, in one process: one writer per file, no write based on a
 * stale copy, the limits, files that are not files, links, WAL sidecars,
 * UTF-8 in every text column.  The process-level tests (kills, two
 * programs, the hostile corpus) are in check-reliability.py. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "jue-document.h"
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

static guint
count_entries (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d))
    n++;
  return n;
}

static char *
new_file (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) r = jue_report_new ();
  g_autoptr (JueDocument) doc = NULL;
  const char *data =
    "profile.name\t遂宁市科学技术局\n"
    "profile.year\t2024\n"
    "functional[0].class_name\t一般公共服务支出\n"
    "functional[1].class_name\t科学技术支出\n"
    "special_funds[0].project_name\t科技交流与合作\n"
    "special_funds[0].indicators[0].name\t举办活动次数\n";
  char *path = tmp_path (name);

  g_unlink (path);
  g_assert_true (jue_report_apply_tsv (r, data, strlen (data), "test", NULL));
  doc = jue_document_create (path, r, &error);
  g_assert_no_error (error);
  return path;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* ---- one writer --------------------------------------------------------- */

static void
test_second_editor_reads_only (void)
{
  g_autofree char *path = new_file ("one-writer.juesuan");
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) first = jue_document_open (path, FALSE, &error);
  g_autoptr (JueDocument) second = NULL;
  g_autoptr (JueDocument) third = NULL;
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autofree char *value = NULL;

  g_assert_no_error (error);
  g_assert_false (jue_document_is_read_only (first));

  /* a second editor is told the file is in use, and by whom */
  second = jue_document_open (path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (jue_document_is_read_only (second));
  g_assert_true (jue_document_is_in_use (second));
  g_assert_nonnull (strstr (jue_document_get_read_only_reason (second), pid));
  g_assert_false (jue_document_set (second, "profile.name", "第二个", &error));
  g_assert_error (error, JUE_ERROR, JUE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* the writer's edit is seen by the reader, which knows to reload */
  g_assert_true (jue_document_set (first, "profile.name", "第一个", &error));
  g_assert_no_error (error);
  g_assert_true (jue_document_changed_on_disk (second));
  g_assert_false (jue_document_changed_on_disk (first));

  /* once the writer is gone, the next editor gets the file */
  g_clear_object (&first);
  g_clear_object (&second);
  third = jue_document_open (path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (jue_document_is_read_only (third));
  value = jue_report_get (jue_document_get_report (third), "profile.name", NULL);
  g_assert_cmpstr (value, ==, "第一个");
}

/* Another program that ignores the lock (the sqlite3 shell) changes the
 * file: the next edit is refused instead of writing a list back from the
 * old copy. */
static void
test_no_write_from_stale_copy (void)
{
  g_autofree char *path = new_file ("stale.juesuan");
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) doc = jue_document_open (path, FALSE, &error);
  g_autoptr (JueDocument) after = NULL;
  g_autofree char *name = NULL;
  g_autofree char *rows = NULL;

  g_assert_no_error (error);
  raw_exec (path, "UPDATE field SET value = '别人改的' WHERE path = 'profile.name';"
                  "INSERT INTO field VALUES ('functional[2].class_name', '教育支出')");
  g_assert_true (jue_document_changed_on_disk (doc));
  g_assert_cmpint (jue_document_insert_row (doc, "functional", -1, &error), ==, -1);
  g_assert_error (error, JUE_ERROR, JUE_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, "stale.juesuan"));
  g_clear_error (&error);
  g_assert_false (jue_document_set (doc, "profile.year", "2025", &error));
  g_assert_error (error, JUE_ERROR, JUE_ERROR_CHANGED);
  g_clear_error (&error);
  /* what is shown is still what was loaded */
  g_assert_cmpuint (jue_document_get_report (doc)->functional->len, ==, 2);
  g_clear_object (&doc);

  after = jue_document_open (path, TRUE, &error);
  g_assert_no_error (error);
  name = jue_report_get (jue_document_get_report (after), "profile.name", NULL);
  g_assert_cmpstr (name, ==, "别人改的");
  g_assert_cmpuint (jue_document_get_report (after)->functional->len, ==, 3);
  rows = jue_report_get (jue_document_get_report (after), "profile.year", NULL);
  g_assert_cmpstr (rows, ==, "2024");
}

/* ---- limits ------------------------------------------------------------- */

static void
assert_refused_unchanged (const char *path,
                          gint        code)
{
  g_autoptr (GBytes) before = read_bytes (path);
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) doc = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  guint entries = count_entries (dir);

  for (int read_only = 1; read_only >= 0; read_only--)
    {
      doc = jue_document_open (path, read_only, &error);
      g_assert_null (doc);
      g_assert_error (error, JUE_ERROR, code);
      g_assert_nonnull (strstr (error->message, path));
      g_clear_error (&error);
    }
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_entries (dir), ==, entries);
}

static void
test_sparse_indices_refused (void)
{
  g_autofree char *path = new_file ("sparse.juesuan");
  g_autofree char *dense = new_file ("dense.juesuan");
  g_autofree char *huge = new_file ("huge-index.juesuan");
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) doc = NULL;

  /* one row named 99999 would make 99,999 empty rows */
  raw_exec (path, "INSERT INTO field VALUES ('special_funds[0].indicators[99999].name', 'x')");
  assert_refused_unchanged (path, JUE_ERROR_CORRUPT);
  raw_exec (huge, "INSERT INTO field VALUES ('functional[18446744073709551617].code', '1')");
  assert_refused_unchanged (huge, JUE_ERROR_CORRUPT);

  /* rows stored in any order, but dense from 0, are fine */
  raw_exec (dense, "INSERT INTO field VALUES ('functional[11].code', '2060102');"
                   "INSERT INTO field VALUES ('functional[10].code', '2060101');");
  for (int i = 9; i >= 2; i--)
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO field VALUES ('functional[%d].code', '20601%02d')", i, i);
      raw_exec (dense, sql);
    }
  doc = jue_document_open (dense, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jue_document_get_report (doc)->functional->len, ==, 12);
}

static void
test_text_limit (void)
{
  g_autofree char *path = new_file ("long-text.juesuan");
  g_autofree char *long_file = new_file ("long-stored.juesuan");
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) doc = jue_document_open (path, FALSE, &error);
  g_autofree char *text = g_malloc (JUE_MAX_TEXT_BYTES + 2);
  g_autofree char *sql = NULL;
  g_autofree char *value = NULL;

  memset (text, 'a', JUE_MAX_TEXT_BYTES + 1);
  text[JUE_MAX_TEXT_BYTES + 1] = '\0';
  g_assert_false (jue_document_set (doc, "profile.duties", text, &error));
  g_assert_error (error, JUE_ERROR, JUE_ERROR_TOO_LARGE);
  g_clear_error (&error);
  value = jue_report_get (jue_document_get_report (doc), "profile.duties", NULL);
  g_assert_cmpstr (value, ==, "");
  /* exactly the limit is accepted */
  text[JUE_MAX_TEXT_BYTES] = '\0';
  g_assert_true (jue_document_set (doc, "profile.duties", text, &error));
  g_assert_no_error (error);

  sql = g_strdup_printf ("INSERT OR REPLACE INTO field VALUES ('profile.duties', "
                         "hex (zeroblob (%d)))", JUE_MAX_TEXT_BYTES / 2 + 1);
  raw_exec (long_file, sql);
  assert_refused_unchanged (long_file, JUE_ERROR_CORRUPT);
}

static void
test_list_limit (void)
{
  g_autoptr (JueReport) r = jue_report_new ();
  g_autoptr (GError) error = NULL;

  for (int i = 0; i < JUE_MAX_LIST_ROWS; i++)
    g_assert_cmpint (jue_report_list_insert (r, "glossary", -1, NULL), ==, i);
  g_assert_cmpint (jue_report_list_insert (r, "glossary", -1, &error), ==, -1);
  g_assert_error (error, JUE_ERROR, JUE_ERROR_TOO_LARGE);
}

/* ---- not a file, a linked folder, the same file by another path --------- */

static void
test_fifo_refused (void)
{
  g_autofree char *fifo = tmp_path ("pipe.juesuan");
  g_autofree char *dir = tmp_path ("folder.juesuan");
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  /* no writer on the other end: an ordinary open would wait forever */
  g_assert_null (jue_document_open (fifo, TRUE, &error));
  g_assert_error (error, JUE_ERROR, JUE_ERROR_NOT_OURS);
  g_assert_nonnull (strstr (error->message, "regular file"));
  g_clear_error (&error);
  g_assert_null (jue_document_open (fifo, FALSE, &error));
  g_assert_error (error, JUE_ERROR, JUE_ERROR_NOT_OURS);
  g_clear_error (&error);
  g_unlink (fifo);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_null (jue_document_open (dir, FALSE, &error));
  g_assert_error (error, JUE_ERROR, JUE_ERROR_NOT_OURS);
  g_rmdir (dir);
}

static void
test_linked_folder (void)
{
  g_autofree char *real = tmp_path ("real");
  g_autofree char *link = tmp_path ("link");
  g_autofree char *created = g_build_filename (link, "new.juesuan", NULL);
  g_autofree char *in_real = g_build_filename (real, "new.juesuan", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (JueDocument) again = NULL;

  g_assert_cmpint (g_mkdir (real, 0700), ==, 0);
  g_assert_cmpint (symlink (real, link), ==, 0);

  doc = jue_document_create (created, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (jue_document_is_read_only (doc));
  g_assert_true (jue_document_set (doc, "profile.name", "经链接", &error));
  g_assert_no_error (error);
  /* the same file by its real path: a copy must not replace it */
  g_assert_false (jue_document_save_copy (doc, in_real, &error));
  g_assert_error (error, JUE_ERROR, JUE_ERROR_EXISTS);
  g_clear_error (&error);
  g_clear_object (&doc);

  again = jue_document_open (created, FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (jue_document_is_read_only (again));
  g_assert_cmpstr (jue_document_get_report (again)->profile.name, ==, "经链接");
  /* nothing left beside it */
  g_assert_cmpuint (count_entries (real), ==, 1);
}

/* ---- WAL and sidecars --------------------------------------------------- */

static void
test_wal_file_refused (void)
{
  g_autofree char *path = new_file ("wal.juesuan");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  raw_exec (path, "PRAGMA journal_mode = WAL");
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_refused_unchanged (path, JUE_ERROR_CORRUPT);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

/* A -wal left by another program beside a normal file holds values that
 * are not in the file: review reads the file as it is, creates nothing,
 * and editing is refused until the log is moved away. */
static void
test_stray_wal_ignored (void)
{
  g_autofree char *path = new_file ("stray.juesuan");
  g_autofree char *other = new_file ("other.juesuan");
  g_autofree char *other_wal = g_strconcat (other, "-wal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) wal_before = NULL;
  g_autoptr (JueDocument) doc = NULL;
  sqlite3 *db;
  guint entries;

  /* a real -wal with a different name in it: kept by an open connection */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                                 "UPDATE field SET value = '日志里的' WHERE path = 'profile.name'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autoptr (GBytes) log = read_bytes (other_wal);
    g_assert_true (g_file_set_contents (wal, g_bytes_get_data (log, NULL),
                                        (gssize) g_bytes_get_size (log), NULL));
  }
  sqlite3_close (db);

  before = read_bytes (path);
  wal_before = read_bytes (wal);
  entries = count_entries (tmpdir);
  doc = jue_document_open (path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jue_document_get_report (doc)->profile.name, ==, "遂宁市科学技术局");
  g_clear_object (&doc);
  doc = jue_document_open (path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (jue_document_is_read_only (doc));
  g_assert_nonnull (strstr (jue_document_get_read_only_reason (doc), "-wal"));
  g_assert_cmpstr (jue_document_get_report (doc)->profile.name, ==, "遂宁市科学技术局");
  g_clear_object (&doc);
  g_assert_cmpuint (count_entries (tmpdir), ==, entries);
  {
    g_autoptr (GBytes) after = read_bytes (path);
    g_autoptr (GBytes) wal_after = read_bytes (wal);
    g_assert_true (g_bytes_equal (before, after));
    g_assert_true (g_bytes_equal (wal_before, wal_after));
  }
  g_unlink (wal);
}

/* ---- UTF-8 in every text column ----------------------------------------- */

static void
test_side_tables_utf8 (void)
{
  g_autofree char *expl = new_file ("bad-explanation.juesuan");
  g_autofree char *cls = new_file ("bad-classification.juesuan");

  raw_exec (expl, "INSERT INTO explanation VALUES ('W-X', 'profile.name', x'e4b8ff')");
  assert_refused_unchanged (expl, JUE_ERROR_CORRUPT);
  raw_exec (cls, "INSERT INTO classification VALUES ('201', x'c0af', 1, NULL)");
  assert_refused_unchanged (cls, JUE_ERROR_CORRUPT);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("juesuan-reliability-XXXXXX", NULL);

  g_test_add_func ("/reliability/second-editor-reads-only", test_second_editor_reads_only);
  g_test_add_func ("/reliability/no-write-from-stale-copy", test_no_write_from_stale_copy);
  g_test_add_func ("/reliability/sparse-indices-refused", test_sparse_indices_refused);
  g_test_add_func ("/reliability/text-limit", test_text_limit);
  g_test_add_func ("/reliability/list-limit", test_list_limit);
  g_test_add_func ("/reliability/fifo-refused", test_fifo_refused);
  g_test_add_func ("/reliability/linked-folder", test_linked_folder);
  g_test_add_func ("/reliability/wal-file-refused", test_wal_file_refused);
  g_test_add_func ("/reliability/stray-wal-ignored", test_stray_wal_ignored);
  g_test_add_func ("/reliability/side-tables-utf8", test_side_tables_utf8);
  result = g_test_run ();

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
    if (system (cmd) != 0)
      g_warning ("could not remove %s", tmpdir);
  }
  g_free (tmpdir);
  return result;
}
