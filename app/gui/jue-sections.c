/* jue-sections.c — the GUI's table of report sections. */
#include "config.h"
#include <glib/gi18n-lib.h>
#include <string.h>

#include "jue-empty.h"
#include "jue-render.h"
#include "jue-sections.h"

typedef struct {
  const char     *id;
  const char     *title;
  JueSectionKind  kind;
  const char     *prefixes[8];
} FixedSection;

/* The order of the published report (DOMAIN.md sections 1–11). */
static const FixedSection fixed_sections[] = {
  { "profile", N_("Department profile"), JUE_SECTION_FORM, { "profile" } },
  { "income-expenditure", N_("Income and expenditure"), JUE_SECTION_FORM,
    { "income", "expenditure", "overview", "balance", "accounts", "accounts_total" } },
  { "appropriation", N_("Fiscal appropriation"), JUE_SECTION_FORM, { "appropriation" } },
  { "functional", N_("Expenditure by function"), JUE_SECTION_FORM,
    { "functional", "functional_total", "functional_classes" } },
  { "basic", N_("Basic expenditure"), JUE_SECTION_FORM,
    { "basic", "economic", "economic_total" } },
  { "three-public", N_("“Three public” expenses"), JUE_SECTION_FORM, { "three_public" } },
  { "gov-fund", N_("Government-fund budget"), JUE_SECTION_FORM, { "gov_fund" } },
  { "state-capital", N_("State-capital budget"), JUE_SECTION_FORM, { "state_capital" } },
  { "other", N_("Other matters"), JUE_SECTION_FORM, { "other" } },
  { "glossary", N_("Glossary"), JUE_SECTION_FORM, { "glossary" } },
  { "dept-eval", N_("Department-wide self-evaluation"), JUE_SECTION_FORM, { "dept_eval" } },
  { "special-funds", N_("Special-fund self-evaluations"), JUE_SECTION_FUNDS, { "special_funds" } },
};

void
jue_section_free (JueSection *section)
{
  if (section == NULL)
    return;
  g_free (section->id);
  g_free (section->title);
  g_strfreev (section->prefixes);
  g_free (section->group);
  g_free (section->rows);
  g_strfreev (section->owns);
  g_free (section->empty_path);
  g_free (section);
}

static JueSection *
section_new (const char     *id,
             const char     *title,
             JueSectionKind  kind,
             const char     *prefix)
{
  JueSection *s = g_new0 (JueSection, 1);
  s->id = g_strdup (id);
  s->title = g_strdup (title);
  s->kind = kind;
  s->prefixes = g_new0 (char *, 2);
  s->prefixes[0] = g_strdup (prefix);
  return s;
}

static char *
fund_title (JueSpecialFund *fund,
            guint           index)
{
  /* a name is a title: a page-long one is cut (it would widen the sidebar) */
  if (fund->project_name && *fund->project_name)
    return jue_input_excerpt (fund->project_name);
  return g_strdup_printf (_("Special fund %u"), index + 1);
}

/* The list figures the narrative pages leave to the published tables:
 * the ledger by 项 (表2, 表3) and the economic rows (基本支出明细) are read
 * best as printed; the functional rows' split is not shown in their list
 * (jue-list-editor.c) at all.  NULL fields: every figure of the list. */
static const struct {
  const char *list;
  const char *fields[4];
} table_owned[] = {
  { "accounts", { NULL } },
  { "economic", { NULL } },
  { "functional", { "basic", "project", "budget_initial", NULL } },
};

static gboolean
owned_by_tables (const char *list,
                 const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_owned); i++)
    {
      if (!g_str_equal (table_owned[i].list, list))
        continue;
      if (table_owned[i].fields[0] == NULL)
        return TRUE;
      for (guint k = 0; table_owned[i].fields[k]; k++)
        if (g_str_equal (table_owned[i].fields[k], field))
          return TRUE;
    }
  return FALSE;
}

static JueSection *
table_section_new (JueReport              *report,
                   const JueTemplate      *tmpl,
                   const JueTemplateTable *t)
{
  JueSection *s = g_new0 (JueSection, 1);
  g_autoptr (GStrvBuilder) owns = g_strv_builder_new ();
  gint marked = jue_report_find_empty_table (report, t->key);

  s->id = g_strdup_printf ("table-%u", t->index + 1);
  s->title = g_strdup_printf ("%s %s", t->number, t->title);
  s->kind = JUE_SECTION_TABLE;
  s->prefixes = g_new0 (char *, 2);
  s->table = t->index;
  s->group = g_strdup (t->part && *t->part ? t->part
                       : tmpl->part && *tmpl->part ? tmpl->part
                       /* Translators: the sidebar's heading above the published tables
                        * when the template does not number their Part (the national set) */
                       : C_("sidebar", "Published tables"));
  if (marked >= 0)
    {
      /* its findings (figures in a table marked empty) count on its page,
       * and go there unless a form has the mark too (gov-fund …: the
       * first of equal prefixes) */
      s->empty_path = g_strdup_printf ("empty_tables[%d]", marked);
      s->prefixes[0] = g_strdup (s->empty_path);
    }
  if ((t->layout == JUE_LAYOUT_MATRIX || t->layout == JUE_LAYOUT_ECONOMIC) && t->rows)
    {
      g_auto (GStrv) lists = g_strsplit (t->rows, "+", -1);

      s->rows = g_strdup (t->rows);
      for (guint l = 0; lists[l]; l++)
        for (guint c = 0; c < t->columns->len; c++)
          {
            const JueTemplateColumn *col = t->columns->pdata[c];
            const char *list = g_strstrip (lists[l]);

            if (col->role == JUE_COLUMN_VALUE && col->source && owned_by_tables (list, col->source))
              {
                g_autofree char *pattern = g_strdup_printf ("%s[N].%s", list, col->source);
                g_strv_builder_add (owns, pattern);
              }
          }
    }
  s->owns = g_strv_builder_end (owns);
  return s;
}

/* A table marked empty (empty_tables[N]) is on its section's form, and so
 * are the findings about the mark. */
static void
add_empty_table_prefixes (GPtrArray *sections,
                          JueReport *report)
{
  static const struct { const char *key, *section; } tables[] = {
    { "three_public", "three-public" },
    { "gov_fund", "gov-fund" },
    { "state_capital", "state-capital" },
  };

  for (guint i = 0; report && i < report->empty_tables->len; i++)
    {
      const JueEmptyTable *e = report->empty_tables->pdata[i];

      for (guint k = 0; k < G_N_ELEMENTS (tables); k++)
        {
          JueSection *s = g_strcmp0 (e->table, tables[k].key) == 0
                          ? jue_sections_find_by_id (sections, tables[k].section) : NULL;
          guint n;

          if (s == NULL)
            continue;
          n = g_strv_length (s->prefixes);
          s->prefixes = g_renew (char *, s->prefixes, n + 2);
          s->prefixes[n] = g_strdup_printf ("empty_tables[%u]", i);
          s->prefixes[n + 1] = NULL;
        }
    }
}

GPtrArray *
jue_sections_for_report (JueReport *report)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) jue_section_free);

  for (guint i = 0; i < G_N_ELEMENTS (fixed_sections); i++)
    {
      const FixedSection *f = &fixed_sections[i];
      JueSection *s = g_new0 (JueSection, 1);

      s->id = g_strdup (f->id);
      s->title = g_strdup (_(f->title));
      s->kind = f->kind;
      s->prefixes = g_strdupv ((char **) f->prefixes);
      g_ptr_array_add (out, s);
    }
  add_empty_table_prefixes (out, report);
  for (guint i = 0; report && i < report->special_funds->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("fund-%u", i);
      g_autofree char *path = g_strdup_printf ("special_funds[%u]", i);
      g_autofree char *title = fund_title (report->special_funds->pdata[i], i);

      g_ptr_array_add (out, section_new (id, title, JUE_SECTION_FORM, path));
    }
  /* the published tables come after the evaluations (the report's order) */
  if (report)
    {
      const JueTemplate *tmpl = jue_render_report_template (report, NULL);

      for (guint i = 0; i < jue_template_n_tables (tmpl); i++)
        g_ptr_array_add (out, table_section_new (report, tmpl, jue_template_table (tmpl, i)));
    }
  /* the document as it will print: no fields of its own (no prefix) */
  g_ptr_array_add (out, section_new ("report", C_("sidebar", "Report"), JUE_SECTION_REPORT, NULL));
  g_ptr_array_add (out, section_new ("findings", _("Findings"), JUE_SECTION_FINDINGS, ""));
  /* this year against last year's: a view, no fields of its own */
  g_ptr_array_add (out, section_new ("compare", _("Compared with Last Year"), JUE_SECTION_COMPARE,
                                     NULL));
  return out;
}

gboolean
jue_path_has_prefix (const char *path,
                     const char *prefix)
{
  gsize n = strlen (prefix);

  if (n == 0 || strncmp (path, prefix, n) != 0)
    return FALSE;
  return path[n] == '\0' || path[n] == '.' || path[n] == '[';
}

/* "functional[3].basic" → "functional[N].basic" */
static char *
path_pattern (const char *path)
{
  GString *p = g_string_new (NULL);

  for (const char *s = path; *s; s++)
    {
      g_string_append_c (p, *s);
      if (*s == '[' && g_ascii_isdigit (s[1]))
        {
          while (g_ascii_isdigit (s[1]))
            s++;
          g_string_append_c (p, 'N');
        }
    }
  return g_string_free (p, FALSE);
}

/* The table page showing path as a typed cell when the tables own it: the
 * first whose rows are the path's list alone, else the first showing it. */
static JueSection *
find_table_for_path (GPtrArray  *sections,
                     const char *path)
{
  g_autofree char *pattern = path_pattern (path);
  JueSection *found = NULL;

  for (guint i = 0; i < sections->len; i++)
    {
      JueSection *s = sections->pdata[i];

      if (s->kind != JUE_SECTION_TABLE || !g_strv_contains ((const char * const *) s->owns, pattern))
        continue;
      if (strncmp (pattern, s->rows, strlen (s->rows)) == 0 && pattern[strlen (s->rows)] == '[')
        return s;
      if (found == NULL)
        found = s;
    }
  return found;
}

JueSection *
jue_sections_find_for_path (GPtrArray  *sections,
                            const char *path)
{
  JueSection *best = NULL;
  gsize best_len = 0;

  if (path == NULL)
    return NULL;
  best = find_table_for_path (sections, path);
  if (best)
    return best;
  for (guint i = 0; i < sections->len; i++)
    {
      JueSection *s = sections->pdata[i];

      for (guint k = 0; s->prefixes[k]; k++)
        if (jue_path_has_prefix (path, s->prefixes[k]) && strlen (s->prefixes[k]) > best_len)
          {
            best = s;
            best_len = strlen (s->prefixes[k]);
          }
    }
  return best;
}

JueSection *
jue_sections_find_by_id (GPtrArray  *sections,
                         const char *id)
{
  for (guint i = 0; id && i < sections->len; i++)
    {
      JueSection *s = sections->pdata[i];
      if (g_strcmp0 (s->id, id) == 0)
        return s;
    }
  return NULL;
}

char *
jue_path_describe (JueReport  *report,
                   const char *path)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const JueRecordDef *def = &JueReport_def;
  const char *p = path;

  while (p && *p && def)
    {
      const char *end = p;
      const JueFieldDef *f = NULL;

      while (*end && *end != '.' && *end != '[')
        end++;
      for (guint i = 0; i < def->n_fields; i++)
        if (strlen (def->fields[i].name) == (gsize) (end - p) &&
            strncmp (def->fields[i].name, p, (gsize) (end - p)) == 0)
          f = &def->fields[i];
      if (f == NULL)
        break;
      if (out->len)
        g_string_append (out, " › ");
      g_string_append (out, _(f->label));
      if (*end == '[')
        {
          guint64 index = g_ascii_strtoull (end + 1, (char **) &end, 10);
          g_string_append_printf (out, " %" G_GUINT64_FORMAT, index + 1);
          if (*end == ']')
            end++;
        }
      def = (f->kind == JUE_KIND_RECORD || f->kind == JUE_KIND_LIST) ? f->extra : NULL;
      p = *end == '.' ? end + 1 : end;
    }
  if (out->len == 0)
    g_string_append (out, path ? path : "");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
