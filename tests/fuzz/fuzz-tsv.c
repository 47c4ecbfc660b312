/* Fuzz target: PATH<TAB>VALUE lines (the sample format).  Invariants: no
 * crash; whatever is accepted writes back out and reads in to an equal
 * report. */
#include "config.h"

#include <string.h>

#include "jue-tsv.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (JueReport) r = jue_report_new ();

  if (jue_report_apply_tsv (r, (const char *) data, size, "fuzz", NULL))
    {
      g_autofree char *out = jue_report_to_tsv (r);
      g_autoptr (JueReport) back = jue_report_new ();
      g_assert_true (jue_report_apply_tsv (back, out, strlen (out), "again", NULL));
      g_assert_true (jue_report_equal (r, back));
    }
  return 0;
}
