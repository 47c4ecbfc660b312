/* cli-consolidate.c — `consolidate` (a department's report from its units'
 * reports, jue-consolidate.h) and `provenance` (which unit gave which
 * figure of a consolidated report). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "jue-cli.h"
#include "jue-consolidate.h"

/* consolidate [--eliminate] [--department UNIT] OUT.juesuan UNIT… */
int
jue_cli_consolidate (int    argc,
                     char **argv)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) files = g_ptr_array_new ();
  g_autoptr (JueConsolidation) c = NULL;
  g_autoptr (GError) error = NULL;
  const char *out = NULL, *department_file = NULL;
  gboolean eliminate = FALSE, again = FALSE;
  guint department = 0;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--eliminate") == 0)
        eliminate = TRUE;
      else if (strcmp (argv[i], "--department") == 0 && i + 1 < argc)
        department_file = argv[++i];
      else if (argv[i][0] == '-')
        return jue_cli_usage (argv[0]);
      else if (out == NULL)
        out = argv[i];
      else
        g_ptr_array_add (files, argv[i]);
    }
  if (out == NULL || files->len == 0)
    return jue_cli_usage (argv[0]);
  if (department_file)
    {
      gboolean found = FALSE;
      for (guint i = 0; i < files->len && !found; i++)
        if (strcmp (files->pdata[i], department_file) == 0)
          {
            department = i;
            found = TRUE;
          }
      if (!found)
        {
          jue_cli_error (_("--department %s is not one of the units"), department_file);
          return JUE_EXIT_FILE;
        }
    }
  for (guint i = 0; i < files->len; i++)
    {
      JueDocument *doc = jue_cli_open (files->pdata[i], TRUE);
      JueUnit *u;

      if (doc == NULL)
        {
          jue_cli_error (_("%s was not written"), out);
          return jue_cli_open_status ();
        }
      g_ptr_array_add (docs, doc);
      u = g_new0 (JueUnit, 1);
      u->name = files->pdata[i];
      u->report = jue_document_get_report (doc);
      g_ptr_array_add (units, u);
    }
  c = jue_consolidate (units, department, eliminate, &error);
  if (c == NULL || !jue_consolidation_write (c, units, department, out, &again, &error))
    {
      jue_cli_error ("%s", error->message);
      jue_cli_error (_("%s was not written"), out);
      return jue_cli_exit_for (error);
    }
  for (guint i = 0; i < c->eliminated->len; i++)
    printf ("%s\n", (char *) c->eliminated->pdata[i]);
  /* TRANSLATORS: "dept.juesuan: 3 units consolidated (department: a.juesuan)" */
  printf (again ? g_dngettext (GETTEXT_PACKAGE,
                               "%s: %u unit consolidated again (department: %s), its own texts kept\n",
                               "%s: %u units consolidated again (department: %s), its own texts kept\n",
                               units->len)
                : g_dngettext (GETTEXT_PACKAGE, "%s: %u unit consolidated (department: %s)\n",
                               "%s: %u units consolidated (department: %s)\n", units->len),
          out, units->len, (char *) files->pdata[department]);
  return JUE_EXIT_OK;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* provenance FILE [PATH]: PATH<TAB>UNIT<TAB>VALUE, one per contribution. */
int
jue_cli_provenance (int    argc,
                    char **argv)
{
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (GHashTable) rows = NULL;
  g_autoptr (GHashTable) units = NULL;
  g_autoptr (GPtrArray) keys = NULL;

  if (argc != 2 && argc != 3)
    return jue_cli_usage (argv[0]);
  doc = jue_cli_open (argv[1], TRUE);
  if (doc == NULL)
    return jue_cli_open_status ();
  units = jue_store_read_meta (jue_document_get_store (doc), "consolidation:units");
  if (g_hash_table_size (units) == 0)
    {
      jue_cli_error (_("%s is not a consolidation of units' reports"), argv[1]);
      return JUE_EXIT_REFUSED;
    }
  rows = jue_store_read_meta (jue_document_get_store (doc), "provenance:");
  keys = g_ptr_array_new ();
  {
    GHashTableIter it;
    gpointer k;
    g_hash_table_iter_init (&it, rows);
    while (g_hash_table_iter_next (&it, &k, NULL))
      g_ptr_array_add (keys, k);
  }
  g_ptr_array_sort (keys, compare_keys);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      const char *path = key + strlen ("provenance:");
      g_auto (GStrv) lines = NULL;

      if (argc == 3 && strcmp (path, argv[2]) != 0)
        continue;
      lines = g_strsplit (g_hash_table_lookup (rows, key), "\n", -1);
      for (guint k = 0; lines[k]; k++)
        if (*lines[k])
          printf ("%s\t%s\n", path, lines[k]);
    }
  return JUE_EXIT_OK;
}
