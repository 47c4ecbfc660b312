/* bench-helper — the in-process parts of bench/run (see README.md):
 *
 *   bench-helper fixture N OUT.juesuan
 *       writes the built-in sample with its functional rows, department
 *       indicators and special funds repeated N times (the ×N fixtures)
 *   bench-helper edit-commit FILE COPY ROUNDS
 *       alternates ROUNDS edits of one amount in FILE (model, file and the
 *       incremental check, as the window does) with ROUNDS bare SQLite
 *       UPDATEs of the same row in COPY (journal DELETE, synchronous FULL,
 *       as Juesuan writes); prints "p50 p99 base_p50 base_p99" in ms
 *   bench-helper open-check FILE ROUNDS
 *       opens FILE read-only and runs every check, ROUNDS times; prints the
 *       median in ms
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "jue-checks.h"
#include "jue-document.h"
#include "jue-tsv.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (double *v,
            guint   n,
            double  p)
{
  guint i;

  qsort (v, n, sizeof *v, compare_double);
  i = (guint) (p * (n - 1) + 0.5);
  return v[MIN (i, n - 1)];
}

static void
repeat (GPtrArray          *list,
        const JueRecordDef *def,
        guint               times)
{
  guint n = list->len;

  for (guint t = 1; t < times; t++)
    for (guint i = 0; i < n; i++)
      g_ptr_array_add (list, jue_record_copy (def, list->pdata[i]));
}

static int
fixture (guint       times,
         const char *out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) r = jue_sample_new (&error);
  g_autoptr (JueDocument) doc = NULL;

  if (r == NULL)
    {
      g_printerr ("sample: %s\n", error->message);
      return 1;
    }
  repeat (r->functional, &JueFunctionalRow_def, times);
  repeat (r->dept_eval.indicators, &JueIndicator_def, times);
  repeat (r->special_funds, &JueSpecialFund_def, times);
  doc = jue_document_create (out, r, &error);
  if (doc == NULL)
    {
      g_printerr ("%s: %s\n", out, error->message);
      return 1;
    }
  return 0;
}

static int
edit_commit (const char *file,
             const char *copy,
             guint       rounds)
{
  static const char *path = "functional[1].actual";
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) doc = jue_document_open (file, FALSE, &error);
  g_autoptr (JueChecker) checker = jue_checker_new ();
  g_autofree double *t = g_new (double, rounds);
  g_autofree double *b = g_new (double, rounds);
  sqlite3 *db = NULL;
  sqlite3_stmt *update = NULL;

  if (doc == NULL)
    {
      g_printerr ("%s: %s\n", file, error->message);
      return 1;
    }
  jue_checker_check (checker, jue_document_get_report (doc));
  if (sqlite3_open (copy, &db) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL",
                    NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "UPDATE field SET value = ?1 WHERE path = ?2", -1,
                          &update, NULL) != SQLITE_OK)
    {
      g_printerr ("%s: %s\n", copy, sqlite3_errmsg (db));
      return 1;
    }
  for (guint i = 0; i < rounds; i++)
    {
      g_autofree char *value = g_strdup_printf ("%u.%02u", 300 + i % 50, i % 100);
      double t0 = now_ms ();

      if (!jue_document_set (doc, path, value, &error))
        {
          g_printerr ("%s: %s\n", file, error->message);
          return 1;
        }
      jue_checker_update (checker, jue_document_get_report (doc), path);
      t[i] = now_ms () - t0;

      t0 = now_ms ();
      sqlite3_bind_text (update, 1, value, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (update, 2, path, -1, SQLITE_STATIC);
      if (sqlite3_step (update) != SQLITE_DONE)
        {
          g_printerr ("%s: %s\n", copy, sqlite3_errmsg (db));
          return 1;
        }
      sqlite3_reset (update);
      b[i] = now_ms () - t0;
    }
  sqlite3_finalize (update);
  sqlite3_close (db);
  printf ("%.3f %.3f %.3f %.3f\n", percentile (t, rounds, 0.5), percentile (t, rounds, 0.99),
          percentile (b, rounds, 0.5), percentile (b, rounds, 0.99));
  return 0;
}

static int
open_check (const char *file,
            guint       rounds)
{
  g_autofree double *t = g_new (double, rounds);

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JueDocument) doc = NULL;
      g_autoptr (JueChecker) checker = NULL;
      double t0 = now_ms ();

      doc = jue_document_open (file, TRUE, &error);
      if (doc == NULL)
        {
          g_printerr ("%s: %s\n", file, error->message);
          return 1;
        }
      checker = jue_checker_new ();
      jue_checker_check (checker, jue_document_get_report (doc));
      t[i] = now_ms () - t0;
    }
  printf ("%.3f\n", percentile (t, rounds, 0.5));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  if (argc == 4 && g_str_equal (argv[1], "fixture"))
    return fixture ((guint) atoi (argv[2]), argv[3]);
  if (argc == 5 && g_str_equal (argv[1], "edit-commit"))
    return edit_commit (argv[2], argv[3], (guint) atoi (argv[4]));
  if (argc == 4 && g_str_equal (argv[1], "open-check"))
    return open_check (argv[2], (guint) atoi (argv[3]));
  g_printerr ("usage: bench-helper fixture N OUT | edit-commit FILE COPY ROUNDS | "
              "open-check FILE ROUNDS\n");
  return 2;
}
