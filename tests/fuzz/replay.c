/* Runs a fuzz target over saved inputs (the corpus), without libFuzzer, so
 * every input that once found a bug is checked by `meson test`. */
#include "config.h"

#include <glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GDir) dir = g_dir_open (argv[i], 0, NULL);
      const char *name;

      if (dir == NULL)
        {
          g_autofree char *data = NULL;
          gsize len;
          g_assert_true (g_file_get_contents (argv[i], &data, &len, NULL));
          LLVMFuzzerTestOneInput ((const guint8 *) data, len);
          n++;
          continue;
        }
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          g_autofree char *data = NULL;
          gsize len;
          g_assert_true (g_file_get_contents (path, &data, &len, NULL));
          LLVMFuzzerTestOneInput ((const guint8 *) data, len);
          n++;
        }
    }
  g_print ("replayed %u inputs\n", n);
  return n > 0 ? 0 : 1;
}
