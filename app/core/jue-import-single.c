/* jue-import-single.c — importing the single CSV file of
 * jue_export_csv_single(): the tables one after the other, each after a
 * row holding only its name.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jue-csv-tables.h"
#include "jue-import-private.h"

static gboolean
is_title_row (const JueCsvRow *row)
{
  return row->cells->len == 1 && !jue_csv_row_is_blank (row);
}

/* The next table of a single file: its title row at *pos, its rows up to
 * the next title. */
static gboolean
next_section (const JueCsvTable *csv,
              guint             *pos,
              const char       **title,
              Span              *span)
{
  guint i = *pos;

  while (i < csv->rows->len && jue_csv_row_is_blank (csv->rows->pdata[i]))
    i++;
  if (i >= csv->rows->len)
    return FALSE;
  *title = jue_csv_row_cell (csv->rows->pdata[i], 0);
  span->table = csv;
  span->start = ++i;
  while (i < csv->rows->len && !is_title_row (csv->rows->pdata[i]))
    i++;
  span->end = i;
  *pos = i;
  return TRUE;
}

static gboolean
expect_section (const JueCsvTable *csv,
                guint             *pos,
                const char        *want,
                Span              *span,
                GError           **error)
{
  const char *title = NULL;

  if (!next_section (csv, pos, &title, span))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                   _("%s, line %u: the file ends before the table %s"),
                   csv->origin, csv->n_lines, want);
      return FALSE;
    }
  if (strcmp (title, want) != 0)
    {
      const JueCsvRow *row = csv->rows->pdata[span->start - 1];
      jue_csv_set_error (error, csv->origin, row->line, 1,
                         _("expected the title row of the table %s, found “%s”"),
                         want, title);
      return FALSE;
    }
  return TRUE;
}

JueImport *
jue_import_csv_single_data (const char *data,
                            gsize       len,
                            const char *origin,
                            GError    **error)
{
  g_autoptr (JueCsvTable) csv = jue_csv_parse (data, len, origin, error);
  Import imp;
  guint n_fixed, pos = 0;
  const JueCsvTableSpec *fixed = jue_csv_fixed_tables (&n_fixed);
  const char *title;
  Span span;
  gboolean ok = TRUE;

  if (csv == NULL)
    return NULL;
  jue_import_init (&imp);
  for (guint t = 0; ok && t < n_fixed; t++)
    ok = expect_section (csv, &pos, fixed[t].name, &span, error) &&
         jue_import_part (&imp, PART_TABLE, &fixed[t], fixed[t].name, &span, error);

  /* Special funds: as many as there are, numbered in order. */
  for (guint i = 0; ok; i++)
    {
      guint peek = pos;
      g_autofree char *want = NULL;

      if (!next_section (csv, &peek, &title, &span) ||
          jue_csv_special_fund_number (title) == 0)
        break;
      if (jue_csv_special_fund_number (title) != i + 1)
        {
          want = g_strdup_printf ("%s_%02u_…", JUE_CSV_SPECIAL_FUND_STEM, i + 1);
          jue_csv_set_error (error, csv->origin, jue_import_span_row (&span, span.start - 1)->line, 1,
                             _("expected the title row of the table %s, found “%s”"),
                             want, title);
          ok = FALSE;
          break;
        }
      pos = peek;
      ok = jue_import_part (&imp, PART_FUND, NULL, title, &span, error);
    }

  ok = ok && expect_section (csv, &pos, JUE_CSV_FINDINGS_NAME, &span, error) &&
       jue_import_part (&imp, PART_FINDINGS, NULL, JUE_CSV_FINDINGS_NAME, &span, error);
  ok = ok && expect_section (csv, &pos, JUE_CSV_EXACT_NAME, &span, error) &&
       jue_import_part (&imp, PART_EXACT, NULL, JUE_CSV_EXACT_NAME, &span, error);
  ok = ok && expect_section (csv, &pos, JUE_CSV_CLASSIFICATION_NAME, &span, error) &&
       jue_import_part (&imp, PART_CLASSIFICATION, NULL, JUE_CSV_CLASSIFICATION_NAME, &span,
                    error);
  /* the economic classification follows when the report had one */
  if (ok)
    {
      guint peek = pos;

      if (next_section (csv, &peek, &title, &span) && strcmp (title, JUE_CSV_ECONOMIC_NAME) == 0)
        {
          pos = peek;
          ok = jue_import_part (&imp, PART_ECONOMIC, NULL, JUE_CSV_ECONOMIC_NAME, &span, error);
        }
    }
  if (ok && next_section (csv, &pos, &title, &span))
    {
      jue_csv_set_error (error, csv->origin, jue_import_span_row (&span, span.start - 1)->line, 1,
                         _("unexpected table “%s” after the last one"), title);
      ok = FALSE;
    }
  return jue_import_finish (&imp, ok);
}

JueImport *
jue_import_csv_single (const char *filename,
                       GError    **error)
{
  g_autofree char *data = NULL;
  g_autofree char *base = g_path_get_basename (filename);
  gsize len;

  if (!jue_read_regular_file (filename, JUE_MAX_CSV_BYTES, &data, &len, error))
    return NULL;
  return jue_import_csv_single_data (data, len, base, error);
}

JueImport *
jue_import_csv (const char *path,
                GError    **error)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return jue_import_csv_dir (path, error);
  return jue_import_csv_single (path, error);
}

