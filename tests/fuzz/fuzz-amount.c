/* Fuzz target: every parser of typed values.  Invariants: no crash; an
 * accepted amount's canonical text reads back to the same fen; display
 * never fails. */
#include "config.h"

#include <string.h>

#include "jue-amount.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  JueAmount a;
  JueInteger i;
  JuePercent p;
  char *iso = NULL;
  gint64 micro;

  if (jue_amount_parse (text, &a, NULL) && a.set)
    {
      g_autofree char *canon = jue_amount_canonical (a);
      g_autofree char *shown = jue_amount_display (a);
      JueAmount back;
      g_assert_true (jue_amount_parse (canon, &back, NULL));
      g_assert_cmpint (back.fen, ==, a.fen);
      g_assert_nonnull (shown);
      if (a.fen != 0)
        (void) jue_ratio_centi (a.fen / 3, a.fen);
    }
  if (jue_integer_parse (text, &i, NULL) && i.set)
    {
      g_autofree char *canon = jue_integer_canonical (i);
      JueInteger back;
      g_assert_true (jue_integer_parse (canon, &back, NULL));
      g_assert_cmpint (back.value, ==, i.value);
    }
  if (jue_percent_parse (text, &p, NULL) && p.set)
    {
      g_autofree char *canon = jue_percent_canonical (p);
      JuePercent back;
      g_assert_true (jue_percent_parse (canon, &back, NULL));
      g_assert_cmpint (back.centi, ==, p.centi);
    }
  if (jue_date_parse (text, &iso, NULL))
    g_free (iso);
  (void) jue_text_first_number (text, &micro);
  return 0;
}
