/* bench-checks.c — how long checking takes: a full check, and one
 * incremental re-check after an edit, on the sample and on the sample
 * scaled ×20 (twenty times the functional rows, indicator rows and special
 * funds).  Beside them, a baseline measured in the same run: copying the
 * report.  Prints medians in microseconds.  Not a test: it asserts nothing
 * about time.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "jue-checks.h"
#include "jue-completeness.h"
#include "jue-tsv.h"

#define ROUNDS 201

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

static double
median_us (gint64 *ns,
           guint   n)
{
  qsort (ns, n, sizeof *ns, compare_gint64);
  return ns[n / 2] / 1000.0;
}

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static void
multiply_list (GPtrArray          *list,
               const JueRecordDef *def,
               guint               times)
{
  guint n = list->len;

  for (guint t = 1; t < times; t++)
    for (guint i = 0; i < n; i++)
      g_ptr_array_add (list, jue_record_copy (def, list->pdata[i]));
}

static JueReport *
scaled (JueReport *sample,
        guint      times)
{
  JueReport *r = jue_report_copy (sample);

  multiply_list (r->functional, &JueFunctionalRow_def, times);
  multiply_list (r->dept_eval.indicators, &JueIndicator_def, times);
  multiply_list (r->special_funds, &JueSpecialFund_def, times);
  return r;
}

static void
bench (const char *name,
       JueReport  *r)
{
  static const char * const values[] = { "47.74", "46.74" };
  static const char * const actuals[] = { "96%", "95%" };
  gint64 copy[ROUNDS], full[ROUNDS], inc_amount[ROUNDS], inc_indicator[ROUNDS], done[ROUNDS];
  g_autoptr (JueChecker) checker = jue_checker_new ();
  guint counts[JUE_N_SEVERITIES];

  for (guint i = 0; i < ROUNDS; i++)
    {
      gint64 t0 = now_ns ();
      JueReport *c = jue_report_copy (r);
      copy[i] = now_ns () - t0;
      jue_report_free (c);
    }
  for (guint i = 0; i < ROUNDS; i++)
    {
      gint64 t0 = now_ns ();
      jue_checker_check (checker, r);
      full[i] = now_ns () - t0;
    }
  for (guint i = 0; i < ROUNDS; i++)
    {
      gint64 t0;
      jue_report_set (r, "functional[3].actual", values[i % 2], NULL);
      t0 = now_ns ();
      jue_checker_update (checker, r, "functional[3].actual");
      inc_amount[i] = now_ns () - t0;
    }
  for (guint i = 0; i < ROUNDS; i++)
    {
      gint64 t0;
      jue_report_set (r, "dept_eval.indicators[8].actual", actuals[i % 2], NULL);
      t0 = now_ns ();
      jue_checker_update (checker, r, "dept_eval.indicators[8].actual");
      inc_indicator[i] = now_ns () - t0;
    }
  for (guint i = 0; i < ROUNDS; i++)
    {
      gint64 t0 = now_ns ();
      JueCompleteness *c = jue_completeness_new (r);
      done[i] = now_ns () - t0;
      jue_completeness_free (c);
    }
  jue_checker_count (checker, counts);
  printf ("%-12s %4u functional rows, %3u special funds, %4u findings\n", name,
          r->functional->len, r->special_funds->len,
          counts[0] + counts[1] + counts[2]);
  printf ("  baseline: copy the report         %9.1f µs\n", median_us (copy, ROUNDS));
  printf ("  full check                        %9.1f µs\n", median_us (full, ROUNDS));
  printf ("  incremental, functional[3].actual %9.1f µs\n", median_us (inc_amount, ROUNDS));
  printf ("  incremental, an indicator actual  %9.1f µs\n", median_us (inc_indicator, ROUNDS));
  printf ("  completeness (every edit, GUI)    %9.1f µs\n", median_us (done, ROUNDS));
}

int
main (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) sample = jue_sample_new (&error);
  g_autoptr (JueReport) big = NULL;

  if (sample == NULL)
    {
      g_printerr ("sample: %s\n", error->message);
      return 1;
    }
  big = scaled (sample, 20);
  printf ("median of %d runs each\n", ROUNDS);
  bench ("sample", sample);
  bench ("sample ×20", big);
  return 0;
}
