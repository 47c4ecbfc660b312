/* hold-report FILE — a second program for the reliability tests: opens
 * FILE for editing as the window does, prints "writable" or "read-only:
 * REASON", then runs one command per line from stdin until EOF:
 *   set PATH VALUE   → "ok" or "error CODE: MESSAGE"
 *   changed          → "yes" or "no" (another program changed the file)
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "jue-document.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) doc = NULL;
  char line[4096];

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      fprintf (stderr, "usage: hold-report FILE\n");
      return 2;
    }
  doc = jue_document_open (argv[1], FALSE, &error);
  if (doc == NULL)
    {
      printf ("error %d: %s\n", error->code, error->message);
      return 2;
    }
  if (jue_document_is_read_only (doc))
    printf ("read-only: %s\n", jue_document_get_read_only_reason (doc));
  else
    printf ("writable\n");
  fflush (stdout);
  while (fgets (line, sizeof line, stdin))
    {
      g_auto (GStrv) words = NULL;

      line[strcspn (line, "\n")] = '\0';
      words = g_strsplit (line, " ", 3);
      if (g_strcmp0 (words[0], "set") == 0 && words[1] && words[2])
        {
          if (jue_document_set (doc, words[1], words[2], &error))
            printf ("ok\n");
          else
            {
              printf ("error %d: %s\n", error->code, error->message);
              g_clear_error (&error);
            }
        }
      else if (g_strcmp0 (words[0], "changed") == 0)
        printf ("%s\n", jue_document_changed_on_disk (doc) ? "yes" : "no");
      else
        printf ("?\n");
      fflush (stdout);
    }
  return 0;
}
