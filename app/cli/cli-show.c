/* cli-show.c — `show`: every section of the report in readable form. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "jue-cli.h"

static void
indent (int depth)
{
  for (int i = 0; i < depth; i++)
    fputs ("  ", stdout);
}

static char *
display_value (const JueFieldDef *f,
               gconstpointer      slot)
{
  switch (f->kind)
    {
    case JUE_KIND_AMOUNT:
      {
        const JueAmount *a = slot;
        if (!a->set)
          return g_strdup ("");
        {
          g_autofree char *n = jue_amount_display (*a);
          return g_strdup_printf (_("%s 万元"), n);
        }
      }
    case JUE_KIND_INTEGER:
      return jue_integer_canonical (*(const JueInteger *) slot);
    case JUE_KIND_PERCENT:
      return jue_percent_canonical (*(const JuePercent *) slot);
    default:
      {
        const char *s = *(char * const *) slot;
        return g_strdup (s ? s : "");
      }
    }
}

static void print_record (const JueRecordDef *def, gconstpointer rec,
                          const char *path, int depth);

static void
print_text (const char *value,
            int         depth)
{
  g_auto (GStrv) lines = g_strsplit (value, "\n", -1);

  if (lines[0] && lines[1] == NULL)
    {
      printf ("%s\n", lines[0]);
      return;
    }
  putchar ('\n');
  for (guint i = 0; lines[i]; i++)
    {
      indent (depth + 1);
      printf ("%s\n", lines[i]);
    }
}

static void
print_field (const JueFieldDef *f,
             gconstpointer      rec,
             const char        *path,
             int                depth)
{
  gconstpointer slot = (const guint8 *) rec + f->offset;
  g_autofree char *child = *path ? g_strconcat (path, ".", f->name, NULL) : g_strdup (f->name);

  switch (f->kind)
    {
    case JUE_KIND_RECORD:
      indent (depth);
      printf ("%s\n", _(f->label));
      print_record (f->extra, slot, child, depth + 1);
      break;
    case JUE_KIND_LIST:
      {
        GPtrArray *items = *(GPtrArray * const *) slot;
        indent (depth);
        printf (_("%s (%u rows)\n"), _(f->label), items->len);
        for (guint k = 0; k < items->len; k++)
          {
            g_autofree char *row = g_strdup_printf ("%s[%u]", child, k);
            indent (depth + 1);
            printf ("%u. [%s]\n", k + 1, row);
            print_record (f->extra, items->pdata[k], row, depth + 2);
          }
      }
      break;
    default:
      {
        g_autofree char *value = display_value (f, slot);
        if (*value == '\0')
          return;
        indent (depth);
        printf ("%s: ", _(f->label));
        print_text (value, depth);
      }
    }
}

static void
print_record (const JueRecordDef *def,
              gconstpointer       rec,
              const char         *path,
              int                 depth)
{
  for (guint i = 0; i < def->n_fields; i++)
    print_field (&def->fields[i], rec, path, depth);
}

int
jue_cli_show (int    argc,
              char **argv)
{
  g_autoptr (JueDocument) doc = NULL;
  JueReport *report;

  if (argc != 2)
    return jue_cli_usage (argv[0]);
  doc = jue_cli_open (argv[1], TRUE);
  if (doc == NULL)
    return JUE_EXIT_FILE;
  report = jue_document_get_report (doc);

  for (guint i = 0; i < JueReport_def.n_fields; i++)
    {
      const JueFieldDef *f = &JueReport_def.fields[i];
      printf ("%s== %s ==\n", i ? "\n" : "", _(f->label));
      if (f->kind == JUE_KIND_RECORD)
        print_record (f->extra, (const guint8 *) report + f->offset, f->name, 1);
      else
        print_field (f, report, "", 1);
    }
  return JUE_EXIT_OK;
}
