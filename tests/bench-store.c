/* bench-store — how long the file operations take, beside a baseline
 * measured in the same run (one bare SQLite commit on the same disk), since
 * this machine is shared and noisy.  Prints figures; asserts nothing about
 * time.  Usage: bench-store [DIR] */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <malloc.h>
#include <sqlite3.h>

#include "jue-document.h"
#include "jue-tsv.h"

#define ROUNDS 50

static char *dir;

static double
median (GArray *t)
{
  gdouble *v = (gdouble *) t->data;
  for (guint i = 1; i < t->len; i++)
    for (guint j = i; j > 0 && v[j - 1] > v[j]; j--)
      {
        gdouble x = v[j]; v[j] = v[j - 1]; v[j - 1] = x;
      }
  return t->len ? v[t->len / 2] : 0;
}

/* Resident memory now, in KiB (from /proc/self/status). */
static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
bare_sqlite_commit (void)
{
  g_autofree char *path = g_build_filename (dir, "bare.db", NULL);
  g_autoptr (GArray) t = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db;

  g_unlink (path);
  sqlite3_open (path, &db);
  sqlite3_exec (db, "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;"
                "CREATE TABLE f (p TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID", NULL, NULL, NULL);
  for (int i = 0; i < ROUNDS; i++)
    {
      double t0 = now_ms ();
      g_autofree char *sql = g_strdup_printf ("INSERT OR REPLACE INTO f VALUES ('x', '%d')", i);
      sqlite3_exec (db, sql, NULL, NULL, NULL);
      double d = now_ms () - t0;
      g_array_append_val (t, d);
    }
  sqlite3_close (db);
  g_unlink (path);
  return median (t);
}

/* The sample with every list ×factor. */
static JueReport *
scaled_sample (int factor)
{
  JueReport *r = jue_sample_new (NULL);
  guint nf = r->functional->len, ns = r->special_funds->len, ni = r->dept_eval.indicators->len;

  for (int k = 1; k < factor; k++)
    {
      for (guint i = 0; i < nf; i++)
        g_ptr_array_add (r->functional, jue_record_copy (&JueFunctionalRow_def, r->functional->pdata[i]));
      for (guint i = 0; i < ni; i++)
        g_ptr_array_add (r->dept_eval.indicators, jue_record_copy (&JueIndicator_def, r->dept_eval.indicators->pdata[i]));
      for (guint i = 0; i < ns; i++)
        g_ptr_array_add (r->special_funds, jue_record_copy (&JueSpecialFund_def, r->special_funds->pdata[i]));
    }
  return r;
}

static void
bench_report (const char *label,
              int         factor)
{
  g_autoptr (JueReport) r = scaled_sample (factor);
  g_autofree char *path = g_build_filename (dir, "bench.juesuan", NULL);
  g_autoptr (GArray) create = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) open = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) set = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) insert = g_array_new (FALSE, FALSE, sizeof (double));
  GStatBuf st;

  for (int i = 0; i < 5; i++)
    {
      g_autoptr (JueDocument) doc = NULL;
      double t0, d;
      g_unlink (path);
      t0 = now_ms ();
      doc = jue_document_create (path, r, NULL);
      d = now_ms () - t0;
      g_array_append_val (create, d);
      g_clear_object (&doc);
      t0 = now_ms ();
      doc = jue_document_open (path, FALSE, NULL);
      d = now_ms () - t0;
      g_array_append_val (open, d);
    }
  {
    g_autoptr (JueDocument) doc = jue_document_open (path, FALSE, NULL);
    for (int i = 0; i < ROUNDS; i++)
      {
        g_autofree char *v = g_strdup_printf ("%d.%02d", 300 + i, i);
        double t0 = now_ms (), d;
        jue_document_set (doc, "functional[1].actual", v, NULL);
        d = now_ms () - t0;
        g_array_append_val (set, d);
      }
    for (int i = 0; i < 10; i++)
      {
        double t0 = now_ms (), d;
        jue_document_insert_row (doc, "functional", 0, NULL);
        d = now_ms () - t0;
        g_array_append_val (insert, d);
      }
  }
  {
    /* memory: what one open document of this size holds */
    size_t before = mallinfo2 ().uordblks, after;
    g_autoptr (JueDocument) doc = jue_document_open (path, TRUE, NULL);
    after = mallinfo2 ().uordblks;
    printf ("%-12s memory: one open document holds %.0f KiB of heap (model, findings excluded; "
            "SQLite's page cache included)\n", label, (after - before) / 1024.0);
  }
  g_stat (path, &st);
  printf ("%-12s rows: functional %u, special funds %u; file %.0f KiB\n", label,
          r->functional->len, r->special_funds->len, st.st_size / 1024.0);
  printf ("%-12s create %.2f ms, open+validate %.2f ms, one edit committed %.2f ms, "
          "insert a functional row (rewrites the list) %.2f ms\n",
          label, median (create), median (open), median (set), median (insert));
  g_unlink (path);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  dir = argc > 1 ? g_strdup (argv[1]) : g_dir_make_tmp ("jue-bench-XXXXXX", NULL);
  printf ("baseline: process resident memory at start %ld KiB, heap in use %.0f KiB\n",
          rss_kib (), mallinfo2 ().uordblks / 1024.0);
  printf ("baseline: one bare SQLite commit (journal DELETE, synchronous FULL): %.2f ms (median of %d)\n",
          bare_sqlite_commit (), ROUNDS);
  bench_report ("sample", 1);
  bench_report ("sample ×20", 20);
  printf ("baseline again: %.2f ms\n", bare_sqlite_commit ());
  if (argc <= 1)
    g_rmdir (dir);
  g_free (dir);
  return 0;
}
