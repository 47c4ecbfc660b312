/* cli-compare.c — `compare LAST THIS`: what changed most on last year, for
 * the lines Part 2 explains and the functional rows, with the reason
 * given beside each (jue-compare.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "jue-cli.h"
#include "jue-compare.h"

static char *
amount_text (const JueAmount *a)
{
  return a->set ? jue_fen_display (a->fen) : g_strdup ("—");
}

/* The reason on one line, cut to 30 characters. */
static char *
reason_text (const char *reason)
{
  g_autofree char *line = NULL;

  if (reason == NULL)
    return g_strdup ("");
  if (*reason == '\0')
    return g_strdup (_("(none)"));
  line = g_strdelimit (g_strdup (reason), "\r\n\t", ' ');
  if (g_utf8_strlen (line, -1) > 30)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, 30);
      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&line);
}

static char *
note_text (const JueCompareLine *l)
{
  GString *s = g_string_new (NULL);

  if (l->last.set && l->current.set && l->large && l->reason && *l->reason == '\0')
    g_string_append (s, _("large change, no reason"));
  if (l->contradiction)
    {
      if (s->len)
        g_string_append (s, "; ");
      g_string_append_printf (s, l->change < 0 ? _("fell, but the reason says “%s”")
                                               : _("rose, but the reason says “%s”"),
                              l->contradiction);
    }
  if (l->has_stated && l->last.set &&
      (!l->stated_previous.set || l->stated_previous.fen != l->last.fen))
    {
      g_autofree char *stated = amount_text (&l->stated_previous);
      if (s->len)
        g_string_append (s, "; ");
      /* TRANSLATORS: this year's report gives last year's figure as … */
      g_string_append_printf (s, _("this report's 上年 figure is %s"), stated);
    }
  return g_string_free (s, FALSE);
}

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
  heads[0] = _("Line");
  heads[1] = _("Last year");
  heads[2] = _("This year");
  heads[3] = _("Change");
  heads[4] = _("Change %");
  heads[5] = _("Reason");
  heads[6] = _("Note");
  for (guint i = 0; i < 7; i++)
    widths[i] = jue_cli_display_width (heads[i]);
  for (guint r = 0; r < lines->len; r++)
    {
      const JueCompareLine *l = lines->pdata[r];
      char **row = g_new0 (char *, 8);
      gboolean known = l->last.set && l->current.set;

      row[0] = g_strdup (l->label);
      row[1] = amount_text (&l->last);
      row[2] = amount_text (&l->current);
      if (known)
        {
          JueValue change = { l->change, JUE_VALUE_AMOUNT, JUE_UNDEFINED_NONE, TRUE };
          row[3] = jue_value_display_signed (&change);
          row[4] = l->change == 0 ? g_strdup ("0.00%") : jue_value_display_signed (&l->change_pct);
        }
      else
        {
          row[3] = g_strdup ("—");
          row[4] = g_strdup ("—");
        }
      row[5] = reason_text (l->reason);
      row[6] = note_text (l);
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
