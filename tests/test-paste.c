/* Paste from a spreadsheet (jue-paste.c): the clipboard text of Excel, WPS
 * and LibreOffice read into a block, and a block written into a table as
 * one undo step, all or nothing.  Also: grouped undo steps in the document,
 * and quoted input cut to a sensible length in messages. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "jue-document.h"
#include "jue-codes.h"
#include "jue-empty.h"
#include "jue-paste.h"
#include "jue-store.h"
#include "jue-tsv.h"

static char *tmpdir;

static JueDocument *
sample_document (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) report = jue_sample_new (&error);
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  JueDocument *doc;

  g_assert_no_error (error);
  g_unlink (path);
  doc = jue_document_create (path, report, &error);
  g_assert_no_error (error);
  return doc;
}

/* What a second program reading the file sees. */
static char *
file_value (JueDocument *doc,
            const char  *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) other = jue_document_open (jue_document_get_filename (doc), TRUE,
                                                      &error);
  char *value;

  g_assert_no_error (error);
  value = jue_report_get (jue_document_get_report (other), path, &error);
  g_assert_no_error (error);
  return value;
}

static guint
list_length (JueDocument *doc,
             const char  *list_path)
{
  JueFieldRef ref;

  g_assert_true (jue_report_resolve (jue_document_get_report (doc), list_path, &ref, NULL));
  return (*(GPtrArray **) ref.ptr)->len;
}

#define assert_file(doc, path, want) \
  G_STMT_START { g_autofree char *v_ = file_value (doc, path); \
                 g_assert_cmpstr (v_, ==, want); } G_STMT_END

/* ---- parsing ---------------------------------------------------------- */

static void
test_parse_excel_row (void)
{
  /* one row of Excel: TABs between cells, CRLF after it */
  g_autoptr (JuePasteBlock) b = jue_paste_parse ("2060101\t行政运行\t329.53\r\n");

  g_assert_cmpuint (jue_paste_block_rows (b), ==, 1);
  g_assert_cmpuint (jue_paste_block_columns (b), ==, 3);
  g_assert_cmpstr (jue_paste_block_cell (b, 0, 0), ==, "2060101");
  g_assert_cmpstr (jue_paste_block_cell (b, 0, 2), ==, "329.53");
  g_assert_false (jue_paste_block_is_single (b));
}

static void
test_parse_block (void)
{
  /* LibreOffice: LF; a shorter row is blank to the right */
  g_autoptr (JuePasteBlock) lf = jue_paste_parse ("1\t2\t3\n4\t5\n\n");
  /* WPS / Excel: CRLF, a cell with a line break and a quote in quotes */
  g_autoptr (JuePasteBlock) crlf = jue_paste_parse ("a\t\"two\r\nlines, \"\"quoted\"\"\"\r\nb\tc\r\n");
  /* old Mac line ends */
  g_autoptr (JuePasteBlock) cr = jue_paste_parse ("x\ry\r");
  /* a quote that does not close where the cell ends is text */
  g_autoptr (JuePasteBlock) odd = jue_paste_parse ("\"5\" 寸\t7");

  g_assert_cmpuint (jue_paste_block_rows (lf), ==, 2);
  g_assert_cmpuint (jue_paste_block_columns (lf), ==, 3);
  g_assert_cmpstr (jue_paste_block_cell (lf, 1, 1), ==, "5");
  g_assert_cmpstr (jue_paste_block_cell (lf, 1, 2), ==, "");

  g_assert_cmpuint (jue_paste_block_rows (crlf), ==, 2);
  g_assert_cmpstr (jue_paste_block_cell (crlf, 0, 1), ==, "two\r\nlines, \"quoted\"");
  g_assert_cmpstr (jue_paste_block_cell (crlf, 1, 1), ==, "c");

  g_assert_cmpuint (jue_paste_block_rows (cr), ==, 2);
  g_assert_cmpstr (jue_paste_block_cell (cr, 1, 0), ==, "y");

  g_assert_cmpuint (jue_paste_block_columns (odd), ==, 2);
  g_assert_cmpstr (jue_paste_block_cell (odd, 0, 0), ==, "\"5\" 寸");
}

static void
test_parse_single (void)
{
  /* a copied cell: its text, without the line end */
  g_autoptr (JuePasteBlock) excel = jue_paste_parse ("329.53\r\n");
  g_autoptr (JuePasteBlock) calc = jue_paste_parse ("招商引资\n");
  g_autoptr (JuePasteBlock) plain = jue_paste_parse ("12");
  g_autoptr (JuePasteBlock) empty = jue_paste_parse ("");

  g_assert_true (jue_paste_block_is_single (excel));
  g_assert_cmpstr (jue_paste_block_cell (excel, 0, 0), ==, "329.53");
  g_assert_true (jue_paste_block_is_single (calc));
  g_assert_cmpstr (jue_paste_block_cell (calc, 0, 0), ==, "招商引资");
  g_assert_true (jue_paste_block_is_single (plain));
  g_assert_true (jue_paste_block_is_single (empty));
  g_assert_cmpstr (jue_paste_block_cell (empty, 0, 0), ==, "");
}

/* ---- applying ------------------------------------------------------- */

/* Functional columns: code, class, kuan, xiang, budget, actual. */
static void
test_apply_block_adds_rows (void)
{
  g_autoptr (JueDocument) doc = sample_document ("block.juesuan");
  g_autoptr (GError) error = NULL;
  guint n = list_length (doc, "functional");
  guint added = 99;
  /* two rows × two columns from the budget column of the last row on:
   * the second row is new */
  g_autoptr (JuePasteBlock) b = jue_paste_parse ("1,234.5\t1200元\r\n３２９．５３\t7\r\n");
  g_autofree char *last_budget = g_strdup_printf ("functional[%u].budget", n - 1);
  g_autofree char *new_budget = g_strdup_printf ("functional[%u].budget", n);
  g_autofree char *new_actual = g_strdup_printf ("functional[%u].actual", n);
  g_autofree char *last_actual = g_strdup_printf ("functional[%u].actual", n - 1);
  g_autofree char *before = file_value (doc, last_budget);
  g_autofree char *path = NULL;

  g_assert_true (jue_paste_apply (doc, "functional", n - 1, 4, b, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (list_length (doc, "functional"), ==, n + 1);
  assert_file (doc, last_budget, "1234.50");
  assert_file (doc, last_actual, "0.12");
  assert_file (doc, new_budget, "329.53");
  assert_file (doc, new_actual, "7.00");

  /* one undo takes all of it back, one redo brings it again */
  g_assert_true (jue_document_undo (doc, &path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, last_budget);
  g_assert_cmpuint (list_length (doc, "functional"), ==, n);
  assert_file (doc, last_budget, before);
  g_assert_true (jue_document_redo (doc, NULL, &error));
  g_assert_cmpuint (list_length (doc, "functional"), ==, n + 1);
  assert_file (doc, new_budget, "329.53");
  g_assert_true (jue_document_undo (doc, NULL, &error));
  g_assert_cmpuint (list_length (doc, "functional"), ==, n);
}

static void
test_apply_refuses_whole_block (void)
{
  g_autoptr (JueDocument) doc = sample_document ("refuse.juesuan");
  g_autoptr (GError) error = NULL;
  guint n = list_length (doc, "functional");
  /* the second row's actual cannot be read: nothing goes in, not even the
   * first row, and no row is added */
  g_autoptr (JuePasteBlock) b = jue_paste_parse ("1\t2\n3\t78x.6\n4\t5\n");
  g_autofree char *before = file_value (doc, "functional[15].budget");
  gboolean could_undo = jue_document_can_undo (doc);

  g_assert_false (jue_paste_apply (doc, "functional", 15, 4, b, NULL, &error));
  g_assert_error (error, JUE_ERROR, JUE_ERROR_PARSE);
  /* the cell is named as the table numbers it, with its column */
  g_assert_nonnull (strstr (error->message, "row 17"));
  g_assert_nonnull (strstr (error->message, "Actual"));
  g_assert_nonnull (strstr (error->message, "“78x.6”"));
  g_assert_null (strstr (error->message, "functional[16]"));
  assert_file (doc, "functional[15].budget", before);
  g_assert_cmpuint (list_length (doc, "functional"), ==, n);
  g_assert_cmpint (jue_document_can_undo (doc), ==, could_undo);
  g_clear_error (&error);

  /* wider than the table from here on */
  {
    /* budget, actual, basic, project, budget_initial, previous, reason:
     * seven columns */
    g_autoptr (JuePasteBlock) wide = jue_paste_parse ("1\t2\t3\t4\t5\t6\t7\t8\n");
    g_assert_false (jue_paste_apply (doc, "functional", 0, 4, wide, NULL, &error));
    g_assert_error (error, JUE_ERROR, JUE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "8 columns"));
    assert_file (doc, "functional[0].budget", "5.00");
  }
}

/* Text and choice columns of an indicator table, as typed. */
static void
test_apply_indicators (void)
{
  g_autoptr (JueDocument) doc = sample_document ("indicators.juesuan");
  g_autoptr (GError) error = NULL;
  const char *list = "special_funds[2].indicators";
  guint n = list_length (doc, list);
  g_autoptr (JuePasteBlock) b =
    jue_paste_parse ("产出指标\t数量指标\t招商引资项目\t≥\t3\t个\t10\r\n");
  g_autofree char *name = g_strdup_printf ("%s[%u].name", list, n);
  g_autofree char *weight = g_strdup_printf ("%s[%u].weight", list, n);

  g_assert_true (jue_paste_apply (doc, list, n, 0, b, NULL, &error));
  g_assert_no_error (error);
  assert_file (doc, name, "招商引资项目");
  assert_file (doc, weight, "10");
}

/* ---- groups ----------------------------------------------------------- */

static void
test_group_abort (void)
{
  g_autoptr (JueDocument) doc = sample_document ("abort.juesuan");
  g_autoptr (GError) error = NULL;

  jue_document_begin_group (doc);
  g_assert_true (jue_document_set (doc, "income.general_budget", "1", &error));
  g_assert_cmpint (jue_document_insert_row (doc, "functional", -1, &error), ==, 17);
  /* no undo in the middle of a group */
  g_assert_false (jue_document_undo (doc, NULL, &error));
  g_clear_error (&error);
  g_assert_true (jue_document_abort_group (doc, &error));
  assert_file (doc, "income.general_budget", "1447.01");
  g_assert_cmpuint (list_length (doc, "functional"), ==, 17);
  g_assert_false (jue_document_can_undo (doc));

  /* a group of one edit is that edit */
  jue_document_begin_group (doc);
  g_assert_true (jue_document_set (doc, "income.general_budget", "2", &error));
  jue_document_end_group (doc, "income");
  g_assert_true (jue_document_undo (doc, NULL, &error));
  assert_file (doc, "income.general_budget", "1447.01");
  g_assert_false (jue_document_can_undo (doc));
}

/* ---- a failed write in the middle of a group -------------------------- */

/* A VFS over SQLite's default one that fails every write-class call (write,
 * sync, truncate) from the k-th on, as a disk that fills up does: the
 * group's transaction must leave the file holding all of it or none. */
typedef struct {
  sqlite3_file  base;
  sqlite3_file *real;
} ShimFile;

static sqlite3_vfs *real_vfs;
static int shim_calls;      /* write-class calls seen */
static int shim_fail_from;  /* 0: none fail */

static gboolean
shim_fails (void)
{
  shim_calls++;
  return shim_fail_from > 0 && shim_calls >= shim_fail_from;
}

#define REAL(f) (((ShimFile *) (f))->real)
static int shim_close (sqlite3_file *f) { int rc = REAL (f)->pMethods ? REAL (f)->pMethods->xClose (REAL (f)) : SQLITE_OK; return rc; }
static int shim_read (sqlite3_file *f, void *b, int n, sqlite3_int64 o) { return REAL (f)->pMethods->xRead (REAL (f), b, n, o); }
static int shim_write (sqlite3_file *f, const void *b, int n, sqlite3_int64 o) { return shim_fails () ? SQLITE_FULL : REAL (f)->pMethods->xWrite (REAL (f), b, n, o); }
static int shim_truncate (sqlite3_file *f, sqlite3_int64 s) { return shim_fails () ? SQLITE_IOERR_TRUNCATE : REAL (f)->pMethods->xTruncate (REAL (f), s); }
static int shim_sync (sqlite3_file *f, int fl) { return shim_fails () ? SQLITE_IOERR_FSYNC : REAL (f)->pMethods->xSync (REAL (f), fl); }
static int shim_size (sqlite3_file *f, sqlite3_int64 *s) { return REAL (f)->pMethods->xFileSize (REAL (f), s); }
static int shim_lock (sqlite3_file *f, int l) { return REAL (f)->pMethods->xLock (REAL (f), l); }
static int shim_unlock (sqlite3_file *f, int l) { return REAL (f)->pMethods->xUnlock (REAL (f), l); }
static int shim_reserved (sqlite3_file *f, int *r) { return REAL (f)->pMethods->xCheckReservedLock (REAL (f), r); }
static int shim_control (sqlite3_file *f, int op, void *a) { return REAL (f)->pMethods->xFileControl (REAL (f), op, a); }
static int shim_sector (sqlite3_file *f) { return REAL (f)->pMethods->xSectorSize (REAL (f)); }
static int shim_device (sqlite3_file *f) { return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f)); }
static int shim_shm_map (sqlite3_file *f, int i, int sz, int e, void volatile **p) { return REAL (f)->pMethods->xShmMap (REAL (f), i, sz, e, p); }
static int shim_shm_lock (sqlite3_file *f, int o, int n, int fl) { return REAL (f)->pMethods->xShmLock (REAL (f), o, n, fl); }
static void shim_shm_barrier (sqlite3_file *f) { REAL (f)->pMethods->xShmBarrier (REAL (f)); }
static int shim_shm_unmap (sqlite3_file *f, int d) { return REAL (f)->pMethods->xShmUnmap (REAL (f), d); }
static int shim_fetch (sqlite3_file *f, sqlite3_int64 o, int n, void **p) { return REAL (f)->pMethods->xFetch (REAL (f), o, n, p); }
static int shim_unfetch (sqlite3_file *f, sqlite3_int64 o, void *p) { return REAL (f)->pMethods->xUnfetch (REAL (f), o, p); }

static const sqlite3_io_methods shim_io = {
  3, shim_close, shim_read, shim_write, shim_truncate, shim_sync, shim_size, shim_lock,
  shim_unlock, shim_reserved, shim_control, shim_sector, shim_device, shim_shm_map,
  shim_shm_lock, shim_shm_barrier, shim_shm_unmap, shim_fetch, shim_unfetch,
};

static int
shim_open (sqlite3_vfs  *vfs,
           const char   *name,
           sqlite3_file *file,
           int           flags,
           int          *out_flags)
{
  ShimFile *shim = (ShimFile *) file;
  int rc;

  shim->real = (sqlite3_file *) &shim[1];
  rc = real_vfs->xOpen (real_vfs, name, shim->real, flags, out_flags);
  /* the methods are set even on failure: SQLite then calls xClose */
  file->pMethods = shim->real->pMethods ? &shim_io : NULL;
  return rc;
}

static int
shim_delete (sqlite3_vfs *vfs,
             const char  *name,
             int          sync_dir)
{
  /* deleting the journal is how a commit ends */
  if (shim_fails ())
    return SQLITE_IOERR_DELETE;
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static void
install_failing_vfs (void)
{
  static sqlite3_vfs shim;

  if (real_vfs)
    return;
  real_vfs = sqlite3_vfs_find (NULL);
  shim = *real_vfs;
  shim.zName = "jue-failing";
  shim.szOsFile = (int) sizeof (ShimFile) + real_vfs->szOsFile;
  shim.xOpen = shim_open;
  shim.xDelete = shim_delete;
  g_assert_cmpint (sqlite3_vfs_register (&shim, 1), ==, SQLITE_OK);
}

static void
dump_one (const char        *path,
          const JueFieldRef *ref,
          gpointer           user_data)
{
  g_autofree char *text = jue_field_get_text (ref);

  if (text)
    g_string_append_printf (user_data, "%s\t%s\n", path, text);
}

/* Every field of a report, one "path<TAB>value" line each. */
static char *
dump (JueReport *report)
{
  GString *out = g_string_new (NULL);

  g_assert_true (jue_report_foreach (report, NULL, dump_one, out, NULL));
  return g_string_free (out, FALSE);
}

/* What the file holds, as a second program opening it sees it (after a
 * failed commit: recovered from the journal in a private copy). */
static char *
dump_file (const char *filename)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) other = jue_document_open (filename, TRUE, &error);

  g_assert_no_error (error);
  return dump (jue_document_get_report (other));
}

/* A paste of two rows × two cells from the last row of a table on (one row
 * added) fails at its k-th write call, for every k until it succeeds: the
 * file holds the whole paste or none of it, the document shows what the
 * file holds, nothing is left to undo, and the next edit is stored. */
static void
test_group_fails_midway (void)
{
  g_autoptr (JuePasteBlock) b = jue_paste_parse ("1,234.5\t1200元\r\n３２９．５３\t7\r\n");
  g_autofree char *old_state = NULL;
  g_autofree char *new_state = NULL;
  guint n, failures = 0, k;

  install_failing_vfs ();
  {
    g_autoptr (JueDocument) doc = sample_document ("midway-new.juesuan");
    g_autoptr (GError) error = NULL;

    old_state = dump (jue_document_get_report (doc));
    n = list_length (doc, "functional");
    shim_calls = 0;
    g_assert_true (jue_paste_apply (doc, "functional", n - 1, 4, b, NULL, &error));
    g_assert_no_error (error);
    new_state = dump_file (jue_document_get_filename (doc));
    g_test_message ("a paste of 2×2 cells, one row added: %d write calls", shim_calls);
  }
  g_assert_cmpstr (old_state, !=, new_state);

  for (k = 1; ; k++)
    {
      g_autoptr (JueDocument) doc = sample_document ("midway.juesuan");
      g_autoptr (GError) error = NULL;
      g_autofree char *in_file = NULL;
      g_autofree char *shown = NULL;
      gboolean ok;

      shim_calls = 0;
      shim_fail_from = (int) k;
      ok = jue_paste_apply (doc, "functional", n - 1, 4, b, NULL, &error);
      shim_fail_from = 0;
      in_file = dump_file (jue_document_get_filename (doc));
      shown = dump (jue_document_get_report (doc));
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (in_file, ==, new_state);
          g_assert_cmpstr (shown, ==, new_state);
          break;
        }
      failures++;
      g_assert_nonnull (error);
      /* all or nothing: a failed paste left none of it */
      if (g_strcmp0 (in_file, old_state) != 0)
        g_error ("failed at write call %u: the file holds part of the paste", k);
      g_assert_cmpstr (shown, ==, old_state);
      g_assert_false (jue_document_can_undo (doc));
      /* and the document goes on: the next edit is stored */
      g_clear_error (&error);
      jue_document_set (doc, "income.general_budget", "1", &error);
      g_assert_no_error (error);
      assert_file (doc, "income.general_budget", "1.00");
    }
  g_test_message ("the paste failed at each of its %u write calls and left the file "
                  "as it was every time", failures);
  g_assert_cmpuint (failures, >=, 3);
}

/* The same for an undo and a redo of a paste: one transaction each. */
static void
test_undo_of_group_fails_midway (void)
{
  g_autoptr (JuePasteBlock) b = jue_paste_parse ("5\t6\r\n7\t8\r\n");
  guint failures = 0;

  install_failing_vfs ();
  for (guint k = 1; ; k++)
    {
      g_autoptr (JueDocument) doc = sample_document ("undo-midway.juesuan");
      g_autoptr (GError) error = NULL;
      g_autofree char *before = NULL;
      g_autofree char *pasted = NULL;
      g_autofree char *in_file = NULL;
      guint n = list_length (doc, "functional");
      gboolean ok;

      before = dump (jue_document_get_report (doc));
      g_assert_true (jue_paste_apply (doc, "functional", n - 1, 4, b, NULL, &error));
      pasted = dump (jue_document_get_report (doc));
      shim_calls = 0;
      shim_fail_from = (int) k;
      ok = jue_document_undo (doc, NULL, &error);
      shim_fail_from = 0;
      in_file = dump_file (jue_document_get_filename (doc));
      g_assert_cmpstr (in_file, ==, ok ? before : pasted);
      {
        g_autofree char *shown = dump (jue_document_get_report (doc));
        g_assert_cmpstr (shown, ==, in_file);
      }
      if (ok)
        break;
      failures++;
      /* the paste is still there to undo */
      g_assert_true (jue_document_can_undo (doc));
      g_clear_error (&error);
      g_assert_true (jue_document_undo (doc, NULL, &error));
      g_free (in_file);
      in_file = dump_file (jue_document_get_filename (doc));
      g_assert_cmpstr (in_file, ==, before);
    }
  g_assert_cmpuint (failures, >=, 3);
}

/* ---- quoted input ----------------------------------------------------- */

static void
test_message_excerpt (void)
{
  g_autoptr (GString) page = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  JueAmount a;

  for (guint i = 0; i < 100; i++)
    g_string_append (page, "一二三四五六七八九x");
  g_assert_false (jue_amount_parse (page->str, &a, &error));
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 120);
  g_assert_nonnull (strstr (error->message, "“一二三四五六七八九x一二三四五六七八九x"));
  g_assert_nonnull (strstr (error->message, "…”"));
  g_clear_error (&error);

  /* short input is quoted whole */
  g_assert_false (jue_amount_parse ("12x.3", &a, &error));
  g_assert_nonnull (strstr (error->message, "“12x.3”"));
  g_clear_error (&error);
  {
    g_autofree char *cut = jue_input_excerpt (page->str);
    g_assert_cmpuint (g_utf8_strlen (cut, -1), ==, JUE_EXCERPT_CHARS + 1);
  }
}

/* ---- rows by code (jue-codes.h) ----------------------------------------- */

/* The index of the row of list with code, or -1. */
static gint
code_index (JueDocument *doc,
            const char  *list,
            const char  *code)
{
  for (guint i = 0; i < list_length (doc, list); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u].code", list, i);
      g_autofree char *value = jue_report_get (jue_document_get_report (doc), path, NULL);

      if (g_strcmp0 (value, code) == 0)
        return (gint) i;
    }
  return -1;
}

/* assert_file of prefix (“functional[4].”) and field */
static void
assert_field (JueDocument *doc,
              const char  *prefix,
              const char  *field,
              const char  *want)
{
  g_autofree char *path = g_strconcat (prefix, field, NULL);

  assert_file (doc, path, want);
}

static const char *
row_field (JueDocument *doc,
           const char  *list,
           gint         index,
           const char  *field)
{
  static char *last;
  g_autofree char *path = g_strdup_printf ("%s[%d].%s", list, index, field);

  g_free (last);
  last = jue_report_get (jue_document_get_report (doc), path, NULL);
  return last;
}

static void
test_insert_by_code (void)
{
  g_autoptr (JueDocument) doc = sample_document ("codes.juesuan");
  g_autoptr (GError) error = NULL;
  g_autofree char *undone = NULL;
  guint n = list_length (doc, "accounts");
  gint index = -1, at;

  /* 2080599: after 2080505, names from the built-in classification */
  g_assert_true (jue_document_insert_by_code (doc, "accounts", "2080599", NULL, &index, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (list_length (doc, "accounts"), ==, n + 1);
  g_assert_cmpstr (row_field (doc, "accounts", index - 1, "code"), ==, "2080505");
  g_assert_cmpstr (row_field (doc, "accounts", index, "code"), ==, "2080599");
  g_assert_cmpstr (row_field (doc, "accounts", index, "class_name"), ==, "社会保障和就业支出");
  g_assert_cmpstr (row_field (doc, "accounts", index, "kuan_name"), ==, "行政事业单位养老支出");
  g_assert_cmpstr (row_field (doc, "accounts", index, "xiang_name"), ==, "其他行政事业单位养老支出");
  g_assert_cmpstr (row_field (doc, "accounts", index + 1, "code"), ==, "2080801");
  assert_file (doc, "accounts[13].code", "2080599");
  /* one undo step */
  g_assert_true (jue_document_undo (doc, &undone, &error));
  g_assert_cmpstr (undone, ==, "accounts");
  g_assert_cmpuint (list_length (doc, "accounts"), ==, n);
  g_assert_cmpstr (row_field (doc, "accounts", index, "code"), ==, "2080801");

  /* refused, nothing changed: a code already there, a 款 code, not digits */
  g_assert_false (jue_document_insert_by_code (doc, "accounts", "2080501", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "already has a row with the code 2080501"));
  g_clear_error (&error);
  g_assert_false (jue_document_insert_by_code (doc, "functional", "20805", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "“20805” is not a code"));
  g_assert_nonnull (strstr (error->message, "7-digit 项 code"));
  g_clear_error (&error);
  g_assert_false (jue_document_insert_by_code (doc, "economic", "3010x", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "3-digit 类 or 5-digit 款"));
  g_clear_error (&error);
  g_assert_false (jue_document_insert_by_code (doc, "glossary", "301", NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_cmpuint (list_length (doc, "accounts"), ==, n);

  /* economic: 类 and 款, named from the built-in economic classification,
   * 301 before 30101 before 302 */
  g_assert_true (jue_document_insert_by_code (doc, "economic", "30101", NULL, &at, &error));
  g_assert_true (jue_document_insert_by_code (doc, "economic", "302", NULL, &at, &error));
  g_assert_true (jue_document_insert_by_code (doc, "economic", "301", NULL, &at, &error));
  g_assert_no_error (error);
  g_assert_cmpint (at, ==, 0);
  g_assert_cmpstr (row_field (doc, "economic", 0, "name"), ==, "工资福利支出");
  g_assert_cmpstr (row_field (doc, "economic", 1, "name"), ==, "基本工资");
  g_assert_cmpstr (row_field (doc, "economic", 2, "code"), ==, "302");
  /* a fund row: its name is the 项's */
  g_assert_true (jue_document_insert_by_code (doc, "gov_fund.rows", "2120803", NULL, &at, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (row_field (doc, "gov_fund.rows", at, "name"), ==, "城市建设支出");
  /* a classification given (a year's own table) names it */
  {
    g_autoptr (GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) jue_class_entry_free);
    JueClassEntry *e = g_new0 (JueClassEntry, 1);

    e->code = g_strdup ("2069999");
    e->name = g_strdup ("其他科学技术支出（新）");
    e->level = 3;
    e->parent = g_strdup ("20699");
    g_ptr_array_add (table, e);
    g_assert_true (jue_document_insert_by_code (doc, "functional", "2069999", table, &at, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (row_field (doc, "functional", at, "xiang_name"), ==, "其他科学技术支出（新）");
  }
}

/* ---- paste onto a published table ---------------------------------------- */

static JueRenderedTable *
render_table (JueDocument *doc,
              guint        index)
{
  const JueTemplate *tmpl = jue_render_report_template (jue_document_get_report (doc), NULL);

  return jue_render_table (tmpl, index, jue_document_get_report (doc), NULL);
}

/* The body row of t whose code (or, for 合计, kind) is code. */
static guint
row_with_code (const JueRenderedTable *t,
               const char             *code)
{
  for (guint r = 0; r < t->rows->len; r++)
    {
      const JueRenderedRow *row = t->rows->pdata[r];
      if (code == NULL ? row->kind == JUE_RENDER_ROW_TOTAL : g_strcmp0 (row->code, code) == 0)
        return r;
    }
  g_assert_not_reached ();
  return 0;
}

/* What a user copies from a published 支出决算表: the header, 合计 and the
 * 208 class with a changed 项 (9.91 → 10.91) and a new one (2080599 1.00). */
#define T3_HEADER "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t经营支出\t对附属单位补助支出\r\n"
#define T3_208 \
  "208\t社会保障和就业\t91.48\t91.48\t0.00\t0.00\t0.00\t0.00\r\n" \
  "20805\t行政事业单位养老支出\t67.24\t67.24\t0.00\t0.00\t0.00\t0.00\r\n" \
  "2080501\t行政单位离退休\t10.91\t10.91\t0.00\t0.00\t0.00\t0.00\r\n" \
  "2080502\t事业单位离退休\t2.83\t2.83\t0.00\t0.00\t0.00\t0.00\r\n" \
  "2080505\t机关事业单位基本养老保险缴费支出\t52.50\t52.50\t0.00\t0.00\t0.00\t0.00\r\n" \
  "2080599\t其他行政事业单位养老支出\t1.00\t1.00\t0.00\t0.00\t0.00\t0.00\r\n" \
  "20808\t抚恤\t24.24\t24.24\t0.00\t0.00\t0.00\t0.00\r\n" \
  "2080801\t死亡抚恤\t24.24\t24.24\t0.00\t0.00\t0.00\t0.00\r\n"

static void
test_paste_whole_table (void)
{
  g_autoptr (JueDocument) doc = sample_document ("paste-table.juesuan");
  g_autoptr (JueRenderedTable) t = render_table (doc, 2);   /* Sichuan 表3 支出决算表 */
  g_autoptr (GError) error = NULL;
  g_autofree char *undone = NULL;
  guint n = list_length (doc, "accounts"), added = 0;
  g_autoptr (JuePasteBlock) good = jue_paste_parse (
    T3_HEADER "\t合计\t1449.01\t710.77\t738.24\t0.00\t0.00\t0.00\r\n" T3_208);
  g_autoptr (JuePasteBlock) bad = jue_paste_parse (
    T3_HEADER "\t合计\t1449.01\t710.77\t738.24\t0.00\t0.00\t0.00\r\n"
    "208\t社会保障和就业\t91.48\t91.50\t0.00\t0.00\t0.00\t0.00\r\n" T3_208);
  g_autoptr (JuePasteBlock) cent = jue_paste_parse (
    "\t合计\t1449.02\t710.77\t738.24\t0.00\t0.00\t0.00\r\n" T3_208);
  g_autofree char *before = NULL;

  g_assert_cmpstr (t->title, ==, "2024年度支出决算表");
  /* a 类 row that does not add up: nothing pasted, the row, column and both figures named */
  g_assert_false (jue_paste_apply_table (doc, t, 0, 0, bad, &added, &error));
  g_assert_error (error, JUE_ERROR, JUE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Nothing was pasted: row 208 社会保障和就业, 基本支出: "
                   "the copied table says 91.50, but its rows add up to 91.48");
  g_clear_error (&error);
  g_assert_cmpuint (list_length (doc, "accounts"), ==, n);
  assert_file (doc, "accounts[10].exp_basic", "9.91");
  g_assert_false (jue_document_can_undo (doc));

  /* the whole table: 项 rows by code, a new code in code order, checked */
  g_assert_true (jue_paste_apply_table (doc, t, 0, 0, good, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (list_length (doc, "accounts"), ==, n + 1);
  assert_file (doc, "accounts[10].exp_basic", "10.91");
  assert_file (doc, "accounts[13].code", "2080599");
  assert_file (doc, "accounts[13].xiang_name", "其他行政事业单位养老支出");
  assert_file (doc, "accounts[13].exp_basic", "1.00");
  assert_file (doc, "accounts[13].exp_project", "0.00");
  /* one undo step */
  g_assert_true (jue_document_undo (doc, &undone, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (list_length (doc, "accounts"), ==, n);
  assert_file (doc, "accounts[10].exp_basic", "9.91");
  g_assert_false (jue_document_can_undo (doc));

  /* 0.01 is rounding */
  g_clear_pointer (&t, jue_rendered_table_free);
  t = render_table (doc, 2);
  g_assert_true (jue_paste_apply_table (doc, t, 0, 0, cent, NULL, &error));
  g_assert_no_error (error);
  assert_file (doc, "accounts[10].exp_basic", "10.91");
  before = jue_report_get (jue_document_get_report (doc), "accounts_total.exp_basic", NULL);

  /* 收入决算表: a row's 本年收入合计 is the sum of its columns */
  g_clear_pointer (&t, jue_rendered_table_free);
  t = render_table (doc, 1);
  {
    g_autoptr (JuePasteBlock) row_sum = jue_paste_parse (
      "2080501\t行政单位离退休\t10.91\t9.91\t0\t0\t0\t0\t0\r\n");

    g_assert_false (jue_paste_apply_table (doc, t, 0, 0, row_sum, NULL, &error));
    g_assert_nonnull (strstr (error->message, "本年收入合计: the copied table says 10.91, but the "
                                              "row's columns add up to 9.91"));
    g_clear_error (&error);
  }

  /* 表6: a 项 the report has without its code lands on it by its names
   * and gets the code the published table prints */
  g_clear_pointer (&t, jue_rendered_table_free);
  t = render_table (doc, 5);
  {
    g_autoptr (JuePasteBlock) named = jue_paste_parse (
      "20601\t科学技术管理事务\t384.73\t377.28\t7.45\r\n"
      "2060101\t行政运行\t330.53\t330.53\t0.00\r\n");
    guint n_functional = list_length (doc, "functional");

    g_assert_true (jue_paste_apply_table (doc, t, 0, 0, named, &added, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (added, ==, 0);
    g_assert_cmpuint (list_length (doc, "functional"), ==, n_functional);
    assert_file (doc, "functional[1].code", "2060101");
    assert_file (doc, "functional[1].actual", "330.53");
  }
  /* a table marked empty takes no figures */
  g_assert_true (jue_document_mark_table_empty (doc, "表10", "无", &error));
  g_clear_pointer (&t, jue_rendered_table_free);
  t = render_table (doc, 9);
  {
    g_autoptr (JuePasteBlock) one = jue_paste_parse ("1\r\n");

    g_assert_false (jue_paste_apply_table (doc, t, 0, 0, one, NULL, &error));
    g_assert_nonnull (strstr (error->message, "is marked empty"));
    g_clear_error (&error);
  }
}

/* Without codes: cells land on the cells under them; a computed cell is
 * checked, not written. */
static void
test_paste_table_by_position (void)
{
  g_autoptr (JueDocument) doc = sample_document ("paste-position.juesuan");
  g_autoptr (JueRenderedTable) t = render_table (doc, 5);   /* Sichuan 表6 */
  g_autoptr (GError) error = NULL;
  g_autoptr (JuePasteBlock) figures = jue_paste_parse ("330.53\t330.53\t0\r\n");
  g_autoptr (JuePasteBlock) total = jue_paste_parse ("1447.00\r\n");
  g_autoptr (JuePasteBlock) total_ok = jue_paste_parse ("1,448.01\r\n");
  g_autoptr (JuePasteBlock) wide = jue_paste_parse ("1\t2\t3\t4\r\n");
  guint r = 0;

  /* 行政运行 (functional[1], no code in the sample): the row under 20601 */
  for (r = 0; r < t->rows->len; r++)
    if (g_strcmp0 (jue_rendered_cell (t, r, 1)->text, "行政运行") == 0)
      break;
  g_assert_cmpuint (r, <, t->rows->len);
  g_assert_true (jue_paste_apply_table (doc, t, r, 2, figures, NULL, &error));
  g_assert_no_error (error);
  assert_file (doc, "functional[1].actual", "330.53");
  assert_file (doc, "functional[1].basic", "330.53");
  assert_file (doc, "functional[1].project", "0.00");
  /* the 合计 is computed: a different figure refuses, the same one passes */
  g_clear_pointer (&t, jue_rendered_table_free);
  t = render_table (doc, 5);
  g_assert_false (jue_paste_apply_table (doc, t, row_with_code (t, NULL), 2, total, NULL, &error));
  g_assert_nonnull (strstr (error->message, "合计, 本年支出 小计: the copied table says 1447.00, "
                                            "but its rows add up to 1448.01"));
  g_clear_error (&error);
  g_assert_true (jue_paste_apply_table (doc, t, row_with_code (t, NULL), 2, total_ok, NULL, &error));
  g_assert_no_error (error);
  /* wider than the table from here */
  g_assert_false (jue_paste_apply_table (doc, t, r, 2, wide, NULL, &error));
  g_assert_nonnull (strstr (error->message, "4 columns wide"));
  g_clear_error (&error);
  /* past the end */
  {
    g_autoptr (JuePasteBlock) two = jue_paste_parse ("1\n2\n");

    g_assert_false (jue_paste_apply_table (doc, t, t->rows->len - 1, 2, two, NULL, &error));
    g_assert_nonnull (strstr (error->message, "the copied cells reach row"));
    g_clear_error (&error);
  }
}

/* Sichuan 表5 prints three lists (functional + gov_fund.rows +
 * state_capital.rows): a 项 the report lacks goes to the list that has its
 * 款, else its 类, else (类 223: state_capital.rows) the one budget the
 * report does not give as 0.00; else it is refused, naming the row. */
#define T5_HEADER "科目编码\t科目名称\t合计\t基本支出\t项目支出\r\n"
#define T5_206 \
  "20601\t科学技术管理事务\t383.73\t376.28\t7.45\r\n" \
  "2060102\t一般行政管理事务\t7.46\t0.01\t7.45\r\n" \
  "2060199\t其他科学技术管理事务支出\t46.74\t46.74\t0.00\r\n" \
  "20607\t科学技术普及\t2.00\t0.00\t2.00\r\n" \
  "2060702\t科普活动\t2.00\t0.00\t2.00\r\n"
#define T5_224 \
  "224\t灾害防治及应急管理支出\t3.00\t0.00\t3.00\r\n" \
  "22402\t消防救援事务\t3.00\t0.00\t3.00\r\n" \
  "2240299\t其他消防救援事务支出\t3.00\t0.00\t3.00\r\n"

static void
test_paste_table5_adds_rows (void)
{
  g_autoptr (JueDocument) doc = sample_document ("paste-table5.juesuan");
  g_autoptr (JueRenderedTable) t = render_table (doc, 4);   /* Sichuan 表5 */
  g_autoptr (GError) error = NULL;
  g_autofree char *undone = NULL;
  guint n = list_length (doc, "functional"), added = 0;
  g_autoptr (JuePasteBlock) good = jue_paste_parse (
    "2024年度财政拨款支出决算明细表\r\n" T5_HEADER
    "\t合计\t1452.01\t708.77\t743.24\r\n"
    "206\t科学技术支出\t1290.67\t551.80\t738.87\r\n" T5_206 T5_224);
  g_autoptr (JuePasteBlock) bad = jue_paste_parse (
    T5_HEADER "206\t科学技术支出\t1290.67\t551.90\t738.87\r\n" T5_206 T5_224);

  g_assert_cmpstr (t->title, ==, "2024年度财政拨款支出决算明细表");
  /* a 类 row that does not add up: nothing pasted, row, column and both figures named */
  g_assert_false (jue_paste_apply_table (doc, t, 0, 0, bad, &added, &error));
  g_assert_error (error, JUE_ERROR, JUE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Nothing was pasted: row 206 科学技术支出, 本年支出 基本支出: "
                   "the copied table says 551.90, but its rows add up to 551.80");
  g_clear_error (&error);
  g_assert_cmpuint (list_length (doc, "functional"), ==, n);
  assert_file (doc, "functional[3].code", "");
  g_assert_false (jue_document_can_undo (doc));
  /* a 项 copied twice would land twice on one row */
  {
    g_autoptr (JuePasteBlock) twice = jue_paste_parse (
      T5_HEADER "2060702\t科普活动\t2.00\t0.00\t2.00\r\n"
      "2060702\t科普活动\t3.00\t0.00\t3.00\r\n");

    g_assert_false (jue_paste_apply_table (doc, t, 0, 0, twice, &added, &error));
    g_assert_cmpstr (error->message, ==, "Nothing was pasted: the code 2060702 is in the copied "
                     "cells twice, in rows 2 and 3");
    g_clear_error (&error);
    g_assert_cmpuint (list_length (doc, "functional"), ==, n);
  }

  /* 2060199, typed without its code, gets it; 2060702 (款 20607 nowhere,
   * 类 206 in functional) and 2240299 (类 224 nowhere; the report gives
   * 政府性基金 and 国有资本经营 spending as 0.00) go to functional in code
   * order, named from the classification; 合计, 类 and 款 rows checked */
  g_assert_true (jue_paste_apply_table (doc, t, 0, 0, good, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpuint (list_length (doc, "functional"), ==, n + 2);
  g_assert_cmpuint (list_length (doc, "gov_fund.rows"), ==, 0);
  assert_file (doc, "functional[3].code", "2060199");
  /* in code order among the rows without codes too (their 类 and 款 by
   * name): 2060702 (款 20607) after 科技条件与服务 (20605) and before
   * 科技交流与合作 (20608), 2240299 after 住房保障支出 (221), the last */
  {
    gint science = code_index (doc, "functional", "2060702");
    gint fire = code_index (doc, "functional", "2240299");
    g_autofree char *p1 = g_strdup_printf ("functional[%d].", science);
    g_autofree char *p2 = g_strdup_printf ("functional[%d].", fire);

    g_assert_cmpint (science, ==, 8);
    assert_file (doc, "functional[7].kuan_name", "科技条件与服务");
    assert_file (doc, "functional[9].kuan_name", "科技交流与合作");
    g_assert_cmpint (fire, ==, (gint) n + 1);
    assert_file (doc, "functional[17].class_name", "住房保障支出");
    assert_field (doc, p1, "class_name", "科学技术支出");
    assert_field (doc, p1, "kuan_name", "科学技术普及");
    assert_field (doc, p1, "xiang_name", "科普活动");
    assert_field (doc, p1, "actual", "2.00");
    assert_field (doc, p1, "project", "2.00");
    assert_field (doc, p2, "class_name", "灾害防治及应急管理支出");
    assert_field (doc, p2, "xiang_name", "其他消防救援事务支出");
    assert_field (doc, p2, "actual", "3.00");
  }
  /* one undo step */
  g_assert_true (jue_document_undo (doc, &undone, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (list_length (doc, "functional"), ==, n);
  assert_file (doc, "functional[3].code", "");
  g_assert_false (jue_document_can_undo (doc));

  /* 类 223 is the state-capital budget's */
  g_clear_pointer (&t, jue_rendered_table_free);
  t = render_table (doc, 4);
  {
    g_autoptr (JuePasteBlock) capital = jue_paste_parse (
      "2230105\t国有企业退休人员社会化管理补助支出\t1.20\t0.00\t1.20\r\n");

    g_assert_true (jue_paste_apply_table (doc, t, 0, 0, capital, &added, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (added, ==, 1);
    assert_file (doc, "state_capital.rows[0].code", "2230105");
    assert_file (doc, "state_capital.rows[0].name", "国有企业退休人员社会化管理补助支出");
    assert_file (doc, "state_capital.rows[0].project", "1.20");
    g_assert_cmpuint (list_length (doc, "functional"), ==, n);
  }

  /* the 政府性基金 budget's spending not given as 0.00: a 类 no list has
   * cannot be placed; nothing pasted, the row and both tables named */
  g_assert_true (jue_document_set (doc, "gov_fund.expenditure", "", &error));
  g_assert_true (jue_document_set (doc, "appropriation.expenditure_gov_fund", "", &error));
  g_assert_no_error (error);
  g_clear_pointer (&t, jue_rendered_table_free);
  t = render_table (doc, 4);
  {
    g_autoptr (JuePasteBlock) open = jue_paste_parse (T5_HEADER T5_206 T5_224);

    g_assert_false (jue_paste_apply_table (doc, t, 0, 0, open, &added, &error));
    g_assert_error (error, JUE_ERROR, JUE_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==,
                     "Nothing was pasted: row 2240299 其他消防救援事务支出: 表5 has no row of "
                     "its 类 224, so it cannot be told which of 表6 一般公共预算财政拨款支出决算表、"
                     "表10 政府性基金预算财政拨款收入支出决算表 the new 项 belongs to: add it in its "
                     "own table first, or give the other budgets' spending as 0.00");
    g_clear_error (&error);
    g_assert_cmpuint (list_length (doc, "functional"), ==, n);
    assert_file (doc, "functional[3].code", "");
  }
  /* a 款 the fund list has: there */
  g_assert_true (jue_document_insert_by_code (doc, "gov_fund.rows", "2240201", NULL, NULL,
                                              &error));
  g_assert_no_error (error);
  g_clear_pointer (&t, jue_rendered_table_free);
  t = render_table (doc, 4);
  {
    g_autoptr (JuePasteBlock) fund = jue_paste_parse (T5_HEADER T5_224);

    g_assert_true (jue_paste_apply_table (doc, t, 0, 0, fund, &added, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (added, ==, 1);
    assert_file (doc, "gov_fund.rows[1].code", "2240299");
    assert_file (doc, "gov_fund.rows[1].actual", "3.00");
    g_assert_cmpuint (list_length (doc, "functional"), ==, n);
  }
}

/* Sichuan 表8 (一般公共预算财政拨款基本支出决算明细表, by economic
 * classification) copied whole from Excel: its 款 rows land by code in
 * code order, named from the economic classification in force; a 类 over
 * 款 rows and each block's 合计 line are checked, not stored (a blank
 * block total takes the copied one); all or nothing, one undo step. */
#define T8_HEAD \
  "2024年度一般公共预算财政拨款基本支出决算明细表\r\n" \
  "编制单位：遂宁市科学技术局\t\t\t单位：万元\t\t\r\n" \
  "人员经费\t\t\t公用经费\t\t\r\n" \
  "科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数\r\n"
#define T8_LINES(c301) \
  "301\t工资福利支出\t" c301 "\t302\t商品和服务支出\t78.50\r\n" \
  "30101\t基本工资\t300.00\t30201\t办公费\t40.00\r\n" \
  "30102\t津贴\t300.27\t30299\t其他商品和服务支出\t38.50\r\n" \
  "303\t对个人和家庭的补助\t30.00\t\t\t\r\n" \
  "30302\t退休费\t30.00\t\t\t\r\n"

static void
test_paste_economic_by_code (void)
{
  g_autoptr (JueDocument) doc = sample_document ("paste-economic.juesuan");
  g_autoptr (JueRenderedTable) t = render_table (doc, 7);   /* Sichuan 表8 */
  g_autoptr (GError) error = NULL;
  g_autofree char *undone = NULL;
  guint added = 0;
  g_autoptr (JuePasteBlock) good = jue_paste_parse (
    T8_HEAD T8_LINES ("600.27") "人员经费合计\t\t630.27\t公用经费合计\t\t78.50\r\n");
  g_autoptr (JuePasteBlock) bad = jue_paste_parse (
    T8_HEAD T8_LINES ("600.37") "人员经费合计\t\t630.27\t公用经费合计\t\t78.50\r\n");
  g_autoptr (JuePasteBlock) short_total = jue_paste_parse (
    T8_HEAD T8_LINES ("600.27") "人员经费合计\t\t620.27\t公用经费合计\t\t78.50\r\n");
  g_autoptr (JuePasteBlock) other_total = jue_paste_parse (
    "301\t工资福利支出\t610.27\r\n30101\t基本工资\t610.27\r\n人员经费合计\t\t610.27\r\n");

  g_assert_cmpstr (t->title, ==, "2024年度一般公共预算财政拨款基本支出决算明细表");
  g_assert_cmpuint (list_length (doc, "economic"), ==, 0);
  /* a 类 that is not its 款 rows' sum: nothing pasted; row, column, both figures */
  g_assert_false (jue_paste_apply_table (doc, t, 0, 0, bad, &added, &error));
  g_assert_error (error, JUE_ERROR, JUE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Nothing was pasted: row 301 工资福利支出, 人员经费 决算数: "
                   "the copied table says 600.37, but its rows add up to 600.27");
  g_clear_error (&error);
  /* a 合计 line that is not its lines' sum */
  g_assert_false (jue_paste_apply_table (doc, t, 0, 0, short_total, &added, &error));
  g_assert_cmpstr (error->message, ==, "Nothing was pasted: row 人员经费合计, 人员经费 决算数: "
                   "the copied table says 620.27, but its rows add up to 630.27");
  g_clear_error (&error);
  /* a 合计 line other than the block total the report holds */
  g_assert_false (jue_paste_apply_table (doc, t, 0, 0, other_total, &added, &error));
  g_assert_cmpstr (error->message, ==, "Nothing was pasted: row 人员经费合计, 人员经费 决算数: "
                   "the copied table says 610.27, but the report's 人员经费合计 is 630.27 "
                   "(clear it to take the copied one)");
  g_clear_error (&error);
  /* a line copied twice */
  {
    g_autoptr (JuePasteBlock) twice = jue_paste_parse (
      "30101\t基本工资\t1.00\t30201\t办公费\t1.00\r\n30101\t基本工资\t2.00\t\t\t\r\n");

    g_assert_false (jue_paste_apply_table (doc, t, 0, 0, twice, &added, &error));
    g_assert_cmpstr (error->message, ==, "Nothing was pasted: the code 30101 is in the copied "
                     "cells twice, in rows 1 and 2");
    g_clear_error (&error);
  }
  g_assert_cmpuint (list_length (doc, "economic"), ==, 0);
  g_assert_false (jue_document_can_undo (doc));

  /* the whole table: 8 rows (the 类 rows for their names), in code order */
  g_assert_true (jue_paste_apply_table (doc, t, 0, 0, good, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 8);
  g_assert_cmpuint (list_length (doc, "economic"), ==, 8);
  assert_file (doc, "economic[0].code", "301");
  assert_file (doc, "economic[0].name", "工资福利支出");
  assert_file (doc, "economic[0].actual", "");
  assert_file (doc, "economic[1].code", "30101");
  assert_file (doc, "economic[1].actual", "300.00");
  assert_file (doc, "economic[2].code", "30102");
  assert_file (doc, "economic[2].name", "津贴补贴");   /* the classification's */
  assert_file (doc, "economic[2].actual", "300.27");
  assert_file (doc, "economic[3].code", "302");
  assert_file (doc, "economic[5].code", "30299");
  assert_file (doc, "economic[5].actual", "38.50");
  assert_file (doc, "economic[7].code", "30302");
  assert_file (doc, "economic[7].actual", "30.00");
  assert_file (doc, "basic.personnel", "630.27");
  {
    /* nothing left 未分项 */
    g_autoptr (JueRenderedTable) now = render_table (doc, 7);
    for (guint r = 0; r < now->rows->len; r++)
      for (guint c = 0; c < now->n_columns; c++)
        g_assert_cmpstr (jue_rendered_cell (now, r, c)->text, !=, "未分项");
  }
  /* one undo step */
  g_assert_true (jue_document_undo (doc, &undone, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (list_length (doc, "economic"), ==, 0);
  g_assert_false (jue_document_can_undo (doc));

  /* a blank block total takes the copied 合计; one block's rows pasted on
   * one of its figures land by code all the same; a code the
   * classification lacks is named as copied */
  g_assert_true (jue_document_set (doc, "basic.public", "", &error));
  g_assert_no_error (error);
  g_clear_pointer (&t, jue_rendered_table_free);
  t = render_table (doc, 7);
  {
    g_autoptr (JuePasteBlock) right = jue_paste_parse (
      "30201\t办公费\t40.00\r\n399\t其他支出\t2.00\r\n公用经费合计\t\t42.00\r\n");
    guint r = row_with_code (t, NULL);

    g_assert_cmpstr (jue_rendered_cell (t, r, 5)->path, ==, "basic.public");
    g_assert_true (jue_paste_apply_table (doc, t, r, 5, right, &added, &error));
    g_assert_no_error (error);
    /* 30201's 类 row added for its name (the table prints 302 商品和服务支出) */
    g_assert_cmpuint (added, ==, 3);
    assert_file (doc, "economic[0].code", "302");
    assert_file (doc, "economic[0].name", "商品和服务支出");
    assert_file (doc, "economic[0].actual", "");
    assert_file (doc, "economic[1].code", "30201");
    assert_file (doc, "economic[1].actual", "40.00");
    assert_file (doc, "economic[2].code", "399");
    assert_file (doc, "economic[2].name", "其他支出");
    assert_file (doc, "economic[2].actual", "2.00");
    assert_file (doc, "basic.public", "42.00");
  }
  {
    g_autoptr (JueRenderedTable) now = render_table (doc, 7);
    gboolean named = FALSE;

    for (guint r = 0; r < now->rows->len; r++)
      named = named || (g_strcmp0 (jue_rendered_cell (now, r, 3)->text, "302") == 0 &&
                        g_strcmp0 (jue_rendered_cell (now, r, 4)->text, "商品和服务支出") == 0);
    g_assert_true (named);
  }
}

/* A 项 name most 款 have (行政运行) typed without a code in two 款: pasted
 * without its 款 row it cannot be told which row it is (nothing pasted);
 * with its 款 row it lands on the row of that 款. */
static void
test_paste_uncoded_two_kuan (void)
{
  g_autoptr (JueDocument) doc = sample_document ("paste-two-kuan.juesuan");
  g_autoptr (JueRenderedTable) t = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JuePasteBlock) alone = jue_paste_parse ("2060101\t行政运行\t330.53\t330.53\t0.00\r\n");
  g_autoptr (JuePasteBlock) with_kuan = jue_paste_parse (
    "20601\t科学技术管理事务\t384.73\t377.28\t7.45\r\n"
    "2060101\t行政运行\t330.53\t330.53\t0.00\r\n");
  guint added = 0;

  /* 一般公共服务 / 商贸事务 / 行政运行, first in the list */
  g_assert_cmpint (jue_document_insert_row (doc, "functional", 0, &error), ==, 0);
  g_assert_true (jue_document_set (doc, "functional[0].class_name", "一般公共服务", &error));
  g_assert_true (jue_document_set (doc, "functional[0].kuan_name", "商贸事务", &error));
  g_assert_true (jue_document_set (doc, "functional[0].xiang_name", "行政运行", &error));
  g_assert_true (jue_document_set (doc, "functional[0].actual", "1.00", &error));
  g_assert_no_error (error);
  t = render_table (doc, 5);   /* Sichuan 表6 */
  g_assert_false (jue_paste_apply_table (doc, t, 0, 0, alone, &added, &error));
  g_assert_error (error, JUE_ERROR, JUE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Nothing was pasted: row 2060101 行政运行: 表6 "
                   "一般公共预算财政拨款支出决算表 has rows 行政运行 without a code under more than "
                   "one 款, so it cannot be told which one it is: copy the rows with their 款 row, "
                   "or give them their codes first");
  g_clear_error (&error);
  assert_file (doc, "functional[0].code", "");
  assert_file (doc, "functional[0].actual", "1.00");
  assert_file (doc, "functional[2].actual", "329.53");

  g_assert_true (jue_paste_apply_table (doc, t, 0, 0, with_kuan, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 0);
  assert_file (doc, "functional[0].code", "");
  assert_file (doc, "functional[0].actual", "1.00");
  assert_file (doc, "functional[2].code", "2060101");
  assert_file (doc, "functional[2].actual", "330.53");
}

/* Code order among rows typed without a code (the sample's functional
 * rows): they stand where their 类 and 款 names put them, so 2210201
 * (住房保障支出) goes after the 卫生健康 (210) rows, not after the one coded
 * row 2060102 in among the 科学技术支出 rows, and 2010199 goes first,
 * before 一般公共服务 / 商贸事务 (20113). */
static void
test_insert_by_code_among_names (void)
{
  g_autoptr (JueDocument) doc = sample_document ("names.juesuan");
  g_autoptr (GError) error = NULL;
  gint index = -1;

  g_assert_cmpstr (row_field (doc, "functional", 15, "class_name"), ==, "卫生健康");
  g_assert_cmpstr (row_field (doc, "functional", 16, "class_name"), ==, "住房保障支出");
  g_assert_true (jue_document_insert_by_code (doc, "functional", "2210201", NULL, &index,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpint (index, ==, 16);
  g_assert_true (jue_document_insert_by_code (doc, "functional", "2010199", NULL, &index,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpint (index, ==, 0);
  g_assert_cmpstr (row_field (doc, "functional", 1, "kuan_name"), ==, "商贸事务");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("juesuan-paste-XXXXXX", NULL);

  g_test_add_func ("/paste/parse/excel-row", test_parse_excel_row);
  g_test_add_func ("/paste/parse/block", test_parse_block);
  g_test_add_func ("/paste/parse/single", test_parse_single);
  g_test_add_func ("/paste/apply/block-adds-rows", test_apply_block_adds_rows);
  g_test_add_func ("/paste/apply/refuses-whole-block", test_apply_refuses_whole_block);
  g_test_add_func ("/paste/apply/indicators", test_apply_indicators);
  g_test_add_func ("/paste/group/abort", test_group_abort);
  g_test_add_func ("/paste/group/fails-midway", test_group_fails_midway);
  g_test_add_func ("/paste/group/undo-fails-midway", test_undo_of_group_fails_midway);
  g_test_add_func ("/paste/message-excerpt", test_message_excerpt);
  g_test_add_func ("/codes/insert", test_insert_by_code);
  g_test_add_func ("/paste/insert-by-code-among-names", test_insert_by_code_among_names);
  g_test_add_func ("/paste/table/whole", test_paste_whole_table);
  g_test_add_func ("/paste/table/position", test_paste_table_by_position);
  g_test_add_func ("/paste/table/table5-adds-rows", test_paste_table5_adds_rows);
  g_test_add_func ("/paste/table/economic-by-code", test_paste_economic_by_code);
  g_test_add_func ("/paste/table/uncoded-two-kuan", test_paste_uncoded_two_kuan);
  status = g_test_run ();
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
  return status;
}
