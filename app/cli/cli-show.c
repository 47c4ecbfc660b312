/* cli-show.c — `show`: every section of the report in readable form. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "jue-cli.h"
#include "jue-computed.h"

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
print_field (const JueRecordDef *owner,
             const JueFieldDef *f,
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
        JueFieldRef ref = { f, (gpointer) slot, -1, owner };
        const char *typed = jue_field_get_unreadable (&ref);
        /* a value that cannot be read is shown as typed, and said to be so */
        g_autofree char *value = typed ? g_strdup_printf (_("“%s” (cannot be read)"), typed)
                                       : display_value (f, slot);
        if (*value == '\0')
          return;
        indent (depth);
        /* TRANSLATORS: a field label and its value follow */
        printf (_("%s: "), _(f->label));
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
    print_field (def, &def->fields[i], rec, path, depth);
}

/* ---- computed values beside each section -------------------------------- */

typedef struct {
  const char *section;   /* top-level field name */
  const char *label;     /* N_() */
  const char *path;      /* computed path; "%d" for a list index */
} ComputedLine;

static const ComputedLine computed_lines[] = {
  { "income", N_("Total income of the year"), "income.total" },
  { "income", N_("Income grand total"), "income.grand_total" },
  { "income", N_("Change on last year"), "income.change" },
  { "income", N_("Change on last year, percent"), "income.change_pct" },
  { "income", N_("General-budget appropriation share"), "income.general_budget.share" },
  { "expenditure", N_("Total expenditure of the year"), "expenditure.total" },
  { "expenditure", N_("Expenditure grand total"), "expenditure.grand_total" },
  { "expenditure", N_("Change on last year"), "expenditure.change" },
  { "expenditure", N_("Change on last year, percent"), "expenditure.change_pct" },
  { "expenditure", N_("Basic expenditure share"), "expenditure.basic.share" },
  { "expenditure", N_("Project expenditure share"), "expenditure.project.share" },
  { "expenditure", N_("Income minus expenditure"), "balance.difference" },
  { "appropriation", N_("Appropriation income"), "appropriation.income_total" },
  { "appropriation", N_("Appropriation expenditure"), "appropriation.expenditure_total" },
  { "appropriation", N_("Change on last year"), "appropriation.change" },
  { "appropriation", N_("Change on last year, percent"), "appropriation.change_pct" },
  { "functional", N_("Total budget"), "functional_total.budget" },
  { "functional", N_("Total actual"), "functional_total.actual" },
  { "functional", N_("Completion of budget"), "functional_total.completion" },
  { "basic", N_("Personnel plus public expenses"), "basic.total" },
  { "basic", N_("Personnel share"), "basic.personnel.share" },
  { "basic", N_("Public share"), "basic.public.share" },
  { "three_public", N_("“Three public” budget total"), "three_public.total.budget" },
  { "three_public", N_("“Three public” actual total"), "three_public.total.actual" },
  { "three_public", N_("Completion of budget"), "three_public.total.completion" },
  { "three_public", N_("Change on last year"), "three_public.total.change" },
  { "three_public", N_("Change on last year, percent"), "three_public.total.change_pct" },
  { "three_public", N_("Overseas travel: change, percent"), "three_public.abroad.change_pct" },
  { "three_public", N_("Official vehicles: change, percent"), "three_public.vehicle.change_pct" },
  { "three_public", N_("Official reception: change, percent"), "three_public.reception.change_pct" },
  { "three_public", N_("Vehicles"), "three_public.vehicle.count" },
  { "other", N_("Operating cost: change on last year"), "other.operating_cost.change" },
  { "other", N_("Operating cost: change, percent"), "other.operating_cost.change_pct" },
  { "other", N_("Procurement total"), "other.procurement.total" },
  { "other", N_("SME share"), "other.procurement.sme_share" },
  { "other", N_("Small and micro share"), "other.procurement.small_micro_share" },
  { "other", N_("Vehicles by use"), "other.assets.vehicles_total" },
  { "dept_eval", N_("Weight total"), "dept_eval.weight_total" },
  { "dept_eval", N_("Budget execution rate"), "dept_eval.execution_rate" },
  { "dept_eval", N_("Computed score"), "dept_eval.score" },
  { "dept_eval", N_("Gap to the self-reported score"), "dept_eval.score_gap" },
  { "special_funds", N_("Weight total"), "special_funds[%d].weight_total" },
  { "special_funds", N_("Budget execution rate"), "special_funds[%d].execution_rate" },
  { "special_funds", N_("Computed score"), "special_funds[%d].score" },
  { "special_funds", N_("Gap to the self-reported score"), "special_funds[%d].score_gap" },
};

static void
print_computed_value (const JueComputed *c,
                      const char        *label,
                      const char        *path,
                      int                depth)
{
  JueValue v;
  g_autofree char *text = NULL;

  if (!jue_computed_lookup (c, path, &v))
    return;
  text = strstr (path, "change") || strstr (path, "gap") ? jue_value_display_signed (&v) : jue_value_display (&v);
  indent (depth);
  if (v.defined && v.kind == JUE_VALUE_AMOUNT)
    printf (_("⇒ %s: %s 万元\n"), _(label), text);
  else
    printf (_("⇒ %s: %s\n"), _(label), text);
}

static void
print_computed (const JueComputed *c,
                const char        *section)
{
  gboolean list = strcmp (section, "special_funds") == 0;
  guint n = list ? c->special_funds->len : 1;

  if (strcmp (section, "functional") == 0)
    for (guint k = 0; k < c->functional_classes->len; k++)
      {
        const JueFunctionalClassComputed *cls = &g_array_index (c->functional_classes,
                                                                JueFunctionalClassComputed, k);
        g_autofree char *actual = jue_value_display (&cls->actual);
        g_autofree char *share = jue_value_display (&cls->share);
        g_autofree char *done = jue_value_display (&cls->completion);

        indent (1);
        printf (_("⇒ class %s %s: %s 万元, %s of the total, %s of budget\n"),
                cls->code, cls->name ? cls->name : "", actual, share, done);
      }
  for (guint k = 0; k < n; k++)
    {
      if (list)
        {
          indent (1);
          printf ("⇒ [special_funds[%u]]\n", k);
        }
      for (guint i = 0; i < G_N_ELEMENTS (computed_lines); i++)
        if (strcmp (computed_lines[i].section, section) == 0)
          {
            g_autofree char *path = NULL;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
            path = g_strdup_printf (computed_lines[i].path, k);
#pragma GCC diagnostic pop
            print_computed_value (c, computed_lines[i].label, path, list ? 2 : 1);
          }
    }
}

int
jue_cli_show (int    argc,
              char **argv)
{
  g_autoptr (JueDocument) doc = NULL;
  JueReport *report;
  g_autoptr (JueComputed) computed = jue_computed_new ();

  if (argc != 2)
    return jue_cli_usage (argv[0]);
  doc = jue_cli_open (argv[1], TRUE);
  if (doc == NULL)
    return jue_cli_open_status ();
  report = jue_document_get_report (doc);
  jue_computed_update (computed, report);

  for (guint i = 0; i < JueReport_def.n_fields; i++)
    {
      const JueFieldDef *f = &JueReport_def.fields[i];
      printf ("%s== %s ==\n", i ? "\n" : "", _(f->label));
      if (f->kind == JUE_KIND_RECORD)
        print_record (f->extra, (const guint8 *) report + f->offset, f->name, 1);
      else
        print_field (&JueReport_def, f, report, "", 1);
      print_computed (computed, f->name);
    }
  return JUE_EXIT_OK;
}
