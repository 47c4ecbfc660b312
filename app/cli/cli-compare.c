/* cli-compare.c — `compare LAST THIS`: what changed most on last year, for
 * the lines Part 2 explains and the functional rows, with the reason
 * given beside each (jue-compare.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "jue-cli.h"
#include "jue-compare.h"

int
jue_cli_compare (int    argc,
                 char **argv)
{
  g_autoptr (JueDocument) last = NULL;
  g_autoptr (JueDocument) current = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr (GString) out = g_string_new (NULL);
  JueChangeThreshold threshold;
  gboolean threshold_given = FALSE;
  JueCompareSort sort = JUE_COMPARE_SORT_AMOUNT;
  const char *files[2] = { NULL, NULL };
  const char *heads[7];
  guint n_files = 0, widths[7];

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--sort") == 0 && i + 1 < argc)
        {
          const char *v = argv[++i];
          if (strcmp (v, "amount") == 0)
            sort = JUE_COMPARE_SORT_AMOUNT;
          else if (strcmp (v, "percent") == 0)
            sort = JUE_COMPARE_SORT_PERCENT;
          else
            {
              jue_cli_error (_("cannot sort by “%s”: use amount or percent"), v);
              return JUE_EXIT_FILE;
            }
        }
      else if (strcmp (argv[i], "--threshold") == 0 && i + 1 < argc)
        {
          g_autoptr (GError) error = NULL;
          if (!jue_change_threshold_parse (argv[++i], &threshold, &error))
            {
              jue_cli_error ("%s", error->message);
              return JUE_EXIT_FILE;
            }
          threshold_given = TRUE;
        }
      else if (argv[i][0] != '-' && n_files < 2)
        files[n_files++] = argv[i];
      else
        return jue_cli_usage (argv[0]);
    }
  if (n_files == 0)
    return jue_cli_usage (argv[0]);
  if (n_files == 2)
    {
      last = jue_cli_open (files[0], TRUE);
      if (last == NULL)
        return jue_cli_open_status ();
    }
  current = jue_cli_open (files[n_files - 1], TRUE);
  if (current == NULL)
    return jue_cli_open_status ();

  /* --threshold, else the report's own setting, else the default */
  if (!threshold_given)
    threshold = jue_change_threshold_for_report (jue_document_get_report (current));
  lines = jue_compare_reports (last ? jue_document_get_report (last) : NULL,
                               jue_document_get_report (current), &threshold, sort);
  for (guint i = 0; i < 7; i++)
    heads[i] = jue_compare_heading (i);
  for (guint i = 0; i < 7; i++)
    widths[i] = jue_cli_display_width (heads[i]);
  for (guint r = 0; r < lines->len; r++)
    {
      /* the reason on one line, cut to 30 characters */
      char **row = jue_compare_line_texts (lines->pdata[r], 30);

      for (guint i = 0; i < 7; i++)
        widths[i] = MAX (widths[i], jue_cli_display_width (row[i]));
      g_ptr_array_add (rows, row);
    }
  {
    g_autofree char *pct = jue_centi_percent_display (threshold.centi);
    g_autofree char *amount = jue_fen_display (threshold.fen);
    /* TRANSLATORS: the header of compare: LAST file → THIS file, the threshold */
    if (last)
      g_string_append_printf (out, _("%s → %s (a large change: %s or %s 万元)\n"), files[0],
                              files[1], pct, amount);
    else
      /* TRANSLATORS: compare of one file against its own previous-year figures */
      g_string_append_printf (out, _("%s against its own previous-year figures (a large "
                                     "change: %s or %s 万元)\n"), files[0], pct, amount);
  }
  for (guint i = 0; i < 7; i++)
    {
      jue_cli_print_padded (out, heads[i], i == 6 ? 0 : widths[i], i >= 1 && i <= 4);
      g_string_append (out, i < 6 ? "  " : "\n");
    }
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = rows->pdata[r];
      for (guint i = 0; i < 7; i++)
        {
          jue_cli_print_padded (out, row[i], i == 6 ? 0 : widths[i], i >= 1 && i <= 4);
          g_string_append (out, i < 6 ? "  " : "\n");
        }
    }
  fputs (out->str, stdout);
  return JUE_EXIT_OK;
}
