/* Fuzz target: a .juesuan file someone sent.  Invariants: no crash, no
 * hang; opening it for review never changes a byte. */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "jue-store.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static char *path;
  JueReport *report = NULL;
  JueStore *store;
  char *after = NULL;
  gsize after_len = 0;

  if (path == NULL)
    path = g_strdup_printf ("%s/jue-fuzz-%d.juesuan", g_get_tmp_dir (), (int) getpid ());
  g_assert_true (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));

  store = jue_store_open (path, JUE_STORE_READ_ONLY, &report, NULL);
  if (store)
    {
      g_autoptr (GPtrArray) e = jue_store_load_explanations (store, NULL);
      g_autoptr (GPtrArray) c = jue_store_load_classification (store, NULL);

      (void) e;   /* loaded to be read, then freed */
      (void) c;
      jue_store_close (store);
      jue_report_free (report);
    }
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpuint (after_len, ==, size);
  g_assert_true (memcmp (after, data, size) == 0);
  g_free (after);
  {
    g_autofree char *journal = g_strconcat (path, "-journal", NULL);
    g_unlink (journal);
  }
  return 0;
}
