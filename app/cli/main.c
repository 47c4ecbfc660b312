/* juesuan-cli — create, inspect, edit, check and export .juesuan reports. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "jue-cli.h"
#include "jue-i18n.h"

static const JueCliCommand commands[] = {
  { "new", "[--sample] FILE | --from LAST.juesuan [--classification NEW-YEAR.csv] [--economic-classification NEW-YEAR-ECONOMIC.csv] FILE", N_("Create a report file (blank, or the built-in sample); with --from, next year's report from last year's: the year advanced, last year's figures as this year's previous-year figures, the profile, offices, glossary and evaluation structure kept, this year's figures blank, every carried text marked until confirmed or edited"), jue_cli_new },
  { "info", "FILE", N_("Show the file format, schema version, department and year"), jue_cli_info },
  { "show", "FILE", N_("Print every section in readable form"), jue_cli_show },
  { "paths", "[--computed] FILE", N_("List every field: PATH, TYPE and VALUE separated by tabs"), jue_cli_paths },
  { "schema", "", N_("List every field path pattern with its type and label"), jue_cli_schema },
  { "get", "FILE PATH", N_("Print one field's value"), jue_cli_get },
  { "set", "FILE PATH VALUE", N_("Change one field"), jue_cli_set },
  { "add", "FILE LIST [INDEX] | --code CODE FILE LIST", N_("Add a blank row to a list (at the end, or at INDEX); with --code, a row of a list by code (functional, accounts, gov_fund.rows, state_capital.rows: a 7-digit 项 code; economic: a 3-digit 类 or 5-digit 款 code) placed in code order, its 类/款/项 names filled from the report's classification (else the built-in one)"), jue_cli_add },
  { "remove", "FILE ROW", N_("Remove a list row, e.g. functional[3]"), jue_cli_remove },
  { "move", "FILE ROW INDEX", N_("Move a list row to another position"), jue_cli_move },
  { "validate", "[--format text|json|csv] [--explained] [--require-complete] FILE|DIR… | --summary [--sort KEY] [--reverse] [--format text|csv|xlsx] [--output FILE] [--force] FILE|DIR…", N_("Check reports (a folder stands for every .juesuan file in it): one line per finding (each required item not filled in is a warning W-MISSING), then a summary per file (for json and csv the summaries go to stderr); explained findings are listed only with --explained; exit 1 when a file has errors, or with --require-complete when something required is missing. With --summary, one line per submission instead: department, year, errors, unexplained warnings, completeness, computed and self-reported score; sorted by file, department, year, errors, warnings, completeness, score or gap (what needs attention first; --reverse flips); submissions that cannot be opened are listed with the reason; no file is written to"), jue_cli_validate },
  { "progress", "FILE", N_("Print how much of each section a finished report needs is filled in: SECTION, FILLED and REQUIRED separated by tabs, then a total line"), jue_cli_progress },
  { "explain", "FILE RULE PATH TEXT", N_("Record the explanation (出错说明) of a finding; an empty TEXT removes it"), jue_cli_explain },
  { "classification", "import [--economic] FILE.csv REPORT", N_("Load the year's functional classification (CSV: code,name,level,parent) into a report; with --economic, the economic classification (部门预算支出经济分类: 3-digit 类, 5-digit 款)"), jue_cli_classification },
  { "export", "--format csv|xlsx|txt|charts|pdf|html [--force] [--single OUT.csv | --published] FILE [DIR|OUT]", N_("Export the report as CSV: one file per table into DIR, or all tables into one file; with --published, the published tables of the report's template into DIR, one CSV each, laid out as printed; with --format xlsx, as one workbook: a sheet per published table of the report's template, then the self-evaluations; with --format txt, Parts 1 to 3 of the document as UTF-8 text, written from the figures; with --format charts, the charts of Part 2 into DIR as PNG and SVG; with --format pdf or html, the whole document (A4 PDF with contents and page numbers, or one self-contained HTML file)"), jue_cli_export },
  { "import", "DIR|FILE.csv|WORKBOOK.xlsx|WORKBOOK.xls NEW.juesuan | --into EXISTING.juesuan WORKBOOK", N_("Create a report file from exported CSV (a folder or a single file) or from a workbook of the published tables (or a folder of them as CSV, export --published); with --into, replace the tables' figures of an existing report from a workbook or such a folder, every text kept"), jue_cli_import },
  { "confirm", "FILE [PATH…|--all]", N_("List the texts carried from last year that are not confirmed yet (PATH and the start of the text); with PATH or --all, confirm them as they stand"), jue_cli_confirm },
  { "compare", "[--sort amount|percent] [--threshold PCT,WANYUAN] [LAST] THIS", N_("Compare this year's report with last year's (or, given one file, with its own previous-year figures): the lines Part 2 explains and the functional rows (by code), with the change in amount and percent and the reason given; notes a large change without a reason, a reason that names the other direction, and a previous-year figure that differs from last year's report"), jue_cli_compare },
  { "consolidate", "[--eliminate] [--department UNIT] OUT.juesuan UNIT.juesuan…", N_("Build a department's report from its units' reports: the tables summed row by row by code, counts summed, the profile, texts and department-wide evaluation from the department's own unit (the first, or --department), every unit's special-fund evaluations listed and the others' department-wide evaluations kept as attachments; with --eliminate, the flows between the units taken out and listed; an existing consolidation is rebuilt keeping the department's own texts"), jue_cli_consolidate },
  { "provenance", "FILE [PATH]", N_("Which unit contributed which figure of a consolidated report: PATH, UNIT and VALUE separated by tabs"), jue_cli_provenance },
  { "empty", "FILE [TABLE [REASON] | --clear TABLE]", N_("Mark a published table empty (本表为空表) with the reason, which the table then prints; TABLE is its number (表10), title or key (gov_fund); --clear takes the mark away; FILE alone lists the tables marked empty: NUMBER, TITLE, KEY and REASON separated by tabs"), jue_cli_empty },
};

void
jue_cli_error (const char *format,
               ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("juesuan-cli: %s\n", msg);
}

int
jue_cli_exit_for (const GError *error)
{
  if (error->domain == JUE_ERROR &&
      (error->code == JUE_ERROR_IN_USE || error->code == JUE_ERROR_CHANGED))
    return JUE_EXIT_IN_USE;
  if (error->domain == JUE_ERROR &&
      (error->code == JUE_ERROR_NOT_OURS || error->code == JUE_ERROR_NEWER ||
       error->code == JUE_ERROR_CORRUPT))
    return JUE_EXIT_FILE;
  if (error->domain == G_FILE_ERROR)
    return JUE_EXIT_FILE;
  return JUE_EXIT_REFUSED;
}

static int open_status = JUE_EXIT_FILE;

int
jue_cli_open_status (void)
{
  return open_status;
}

JueDocument *
jue_cli_open (const char *filename,
              gboolean    read_only)
{
  g_autoptr (GError) error = NULL;
  JueDocument *doc = jue_document_open_with_flags (filename,
                                                   read_only ? JUE_STORE_READ_ONLY
                                                             : JUE_STORE_WAIT, &error);

  if (doc == NULL)
    {
      jue_cli_error ("%s", error->message);
      open_status = g_error_matches (error, JUE_ERROR, JUE_ERROR_IN_USE) ? JUE_EXIT_IN_USE
                                                                         : JUE_EXIT_FILE;
    }
  return doc;
}

JueDocument *
jue_cli_open_for_edit (const char *filename,
                       int        *exit_code)
{
  JueDocument *doc = jue_cli_open (filename, FALSE);

  *exit_code = jue_cli_open_status ();
  if (doc && jue_document_is_read_only (doc))
    {
      const char *why = jue_document_get_read_only_reason (doc);
      /* TRANSLATORS: the file, then why, e.g. "It is open for editing in
       * juesuan-cli (process 4711)." */
      jue_cli_error (_("%s cannot be edited now: %s Nothing was changed."), filename,
                     why ? why : _("The file is read-only."));
      *exit_code = jue_document_is_in_use (doc) ? JUE_EXIT_IN_USE : JUE_EXIT_REFUSED;
      g_object_unref (doc);
      return NULL;
    }
  return doc;
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: juesuan-cli COMMAND [ARGUMENTS…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *head = g_strdup_printf ("%s %s", commands[i].name, commands[i].usage);
      fprintf (out, "  %-44s %s\n", head, _(commands[i].summary));
    }
  fprintf (out, "\n%s\n", _("Exit status: 0 success; 1 a refused value, unknown path "
                            "or errors found; 2 a file that cannot be opened as a "
                            "Juesuan report; 3 the file is in use (another program has "
                            "it open for editing): nothing was changed, try again later."));
}

int
jue_cli_usage (const char *command)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, command) == 0)
      {
        g_printerr (_("Usage: juesuan-cli %s %s\n"), command, commands[i].usage);
        return JUE_EXIT_FILE;
      }
  return JUE_EXIT_FILE;
}

int
main (int   argc,
      char *argv[])
{
  jue_i18n_init ();

  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_help (argc < 2 ? stderr : stdout);
      return argc < 2 ? JUE_EXIT_FILE : JUE_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("juesuan-cli %s\n", PACKAGE_VERSION);
      return JUE_EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, argv[1]) == 0)
      return commands[i].func (argc - 1, argv + 1);

  jue_cli_error (_("unknown command “%s”; run juesuan-cli --help"), argv[1]);
  return JUE_EXIT_FILE;
}
