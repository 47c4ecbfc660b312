/* cli-empty.c — the published tables' commands: juesuan-cli empty (mark a
 * table empty, 本表为空表) and add --code (a 项 row by its code). */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jue-cli.h"
#include "jue-codes.h"
#include "jue-empty.h"
#include "jue-render.h"

/* One line per mark: NUMBER, TITLE, KEY and REASON separated by tabs (a
 * key that names several tables of the template gives a line each; one
 * that names none, a line with empty number and title). */
static void
print_marks (JueReport *report)
{
  const JueTemplate *tmpl = jue_render_report_template (report, NULL);

  for (guint i = 0; i < report->empty_tables->len; i++)
    {
      const JueEmptyTable *e = report->empty_tables->pdata[i];
      g_autoptr (GArray) tables = jue_template_tables_of_key (tmpl, e->table);
      g_autofree char *reason = jue_escape_line (e->reason ? e->reason : "");

      if (tables->len == 0)
        g_print ("\t\t%s\t%s\n", e->table ? e->table : "", reason);
      for (guint k = 0; k < tables->len; k++)
        {
          const JueTemplateTable *t = jue_template_table (tmpl, g_array_index (tables, guint, k));
          g_print ("%s\t%s\t%s\t%s\n", t->number, t->title, t->key, reason);
        }
    }
}

int
jue_cli_empty (int    argc,
               char **argv)
{
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  gboolean clear = FALSE;
  const char *args[3] = { NULL, NULL, NULL };
  guint n = 0;
  int code;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--clear") == 0)
        clear = TRUE;
      else if (n < G_N_ELEMENTS (args))
        args[n++] = argv[i];
      else
        return jue_cli_usage (argv[0]);
    }
  if (n == 0 || (clear && n != 2))
    return jue_cli_usage (argv[0]);
  if (n == 1)
    {
      doc = jue_cli_open (args[0], TRUE);
      if (doc == NULL)
        return jue_cli_open_status ();
      print_marks (jue_document_get_report (doc));
      return JUE_EXIT_OK;
    }
  doc = jue_cli_open_for_edit (args[0], &code);
  if (doc == NULL)
    return code;
  if (clear ? !jue_document_unmark_table_empty (doc, args[1], &error)
            : !jue_document_mark_table_empty (doc, args[1], args[2], &error))
    {
      jue_cli_error ("%s", error->message);
      return jue_cli_exit_for (error);
    }
  return JUE_EXIT_OK;
}

/* juesuan-cli add --code CODE FILE LIST: a row by its code, named from the
 * report's classification (else the built-in one), in code order; prints
 * the new row's path. */
int
jue_cli_add_code (int    argc,
                  char **argv)
{
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  gint index = -1;
  int code;

  /* add --code CODE FILE LIST */
  if (argc != 5)
    return jue_cli_usage (argv[0]);
  doc = jue_cli_open_for_edit (argv[3], &code);
  if (doc == NULL)
    return code;
  if (!jue_document_insert_by_code (doc, argv[4], argv[2], NULL, &index, &error))
    {
      jue_cli_error ("%s", error->message);
      return jue_cli_exit_for (error);
    }
  g_print ("%s[%d]\n", argv[4], index);
  return JUE_EXIT_OK;
}
