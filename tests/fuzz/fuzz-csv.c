/* Fuzz target: a CSV file someone sent (the import's reader and the whole
 * import of a single-file export).  Invariants: no crash; every table the
 * reader accepts is written back by the writer and read again to the same
 * cells (text cells guarded and unguarded exactly). */
#include "config.h"

#include <string.h>

#include "jue-csv.h"
#include "jue-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
round_trip (JueCsvTable *table)
{
  g_autoptr (JueCsvWriter) w = jue_csv_writer_new ();
  g_autoptr (JueCsvTable) again = NULL;
  const char *out;
  gsize len;

  for (guint r = 0; r < table->rows->len; r++)
    {
      JueCsvRow *row = table->rows->pdata[r];
      for (guint c = 0; c < row->cells->len; c++)
        {
          g_autofree char *plain = jue_csv_unguard (row->cells->pdata[c]);
          jue_csv_write_text (w, plain);
        }
      jue_csv_end_row (w);
    }
  out = jue_csv_writer_data (w, &len);
  again = jue_csv_parse (out, len, "again", NULL);
  g_assert_nonnull (again);
  g_assert_cmpuint (again->rows->len, ==, table->rows->len);
  for (guint r = 0; r < table->rows->len; r++)
    {
      JueCsvRow *a = table->rows->pdata[r], *b = again->rows->pdata[r];
      g_assert_cmpuint (a->cells->len, ==, b->cells->len);
      for (guint c = 0; c < a->cells->len; c++)
        {
          g_autofree char *x = jue_csv_unguard (a->cells->pdata[c]);
          g_autofree char *y = jue_csv_unguard (b->cells->pdata[c]);
          g_assert_cmpstr (x, ==, y);
        }
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (JueCsvTable) table = jue_csv_parse ((const char *) data, size, "fuzz.csv", NULL);
  JueImport *import;

  if (table)
    round_trip (table);
  import = jue_import_csv_single_data ((const char *) data, size, "fuzz.csv", NULL);
  if (import)
    jue_import_free (import);
  return 0;
}
