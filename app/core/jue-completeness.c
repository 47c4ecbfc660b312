/* jue-completeness.c — the required fields and tables of each section
 * (docs/completeness.md gives the reason for every one), and what of them
 * a report holds.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jue-checks.h"
#include "jue-compare.h"
#include "jue-completeness.h"
#include "jue-empty.h"
#include "jue-computed.h"
#include "jue-glossary.h"

typedef enum {
  REQ_END,
  REQ_FIELD,    /* always required */
  REQ_ZERO,     /* a cell printed as 0.00 under the Sichuan template:
                   required only when the report's template prints 0.00 */
  REQ_ROWS,     /* a table: at least one row, each with its row fields */
  REQ_CODE_TERMS, /* the glossary defines every 项 the report uses
                     (jue-glossary.h) — the generated text says
                     【请填写名词解释】 where it does not */
  REQ_REASON,   /* a reason for a change: required while the change it
                   explains needs one, as W-CHANGE-NO-REASON asks
                   (jue_change_reason_required: past the threshold, or any
                   “三公” change) — the generated text says 【请填写变动原因】
                   where it is blank */
} ReqKind;

typedef struct {
  ReqKind             kind;
  const char         *path;        /* relative to the section's root */
  const char * const *row_fields;  /* REQ_ROWS */
} Req;

#define F(p) { REQ_FIELD, p, NULL }
#define Z(p) { REQ_ZERO, p, NULL }
#define ROWS(p, fields) { REQ_ROWS, p, fields }
#define REASON(p) { REQ_REASON, p, NULL }
#define END { REQ_END, NULL, NULL }

static const char * const office_fields[] = { "name", NULL };
static const char * const functional_fields[] = { "class_name", "budget", "actual", NULL };
static const char * const glossary_fields[] = { "term", "definition", NULL };
static const char * const task_fields[] = { "name", "content", NULL };
static const char * const indicator_fields[] = {
  "level1", "level2", "name", "nature", "target", "weight", "actual", NULL };
static const char * const section_fields[] = { "title", "body", NULL };

static const Req profile_reqs[] = {
  F ("profile.name"), F ("profile.year"), F ("profile.duties"), F ("profile.unit_level"),
  F ("profile.subordinate_units"), F ("profile.admin_units"), F ("profile.institution_units"),
  F ("profile.structure"), ROWS ("profile.offices", office_fields),
  F ("profile.staff.in_service"), F ("profile.staff.civil_servants"),
  F ("profile.staff.institution_staff"), F ("profile.staff.retired"),
  END
};

static const Req income_expenditure_reqs[] = {
  F ("income.general_budget"), Z ("income.gov_fund"), Z ("income.state_capital"),
  Z ("income.superior_subsidy"), Z ("income.business"), Z ("income.operating"),
  Z ("income.affiliated"), Z ("income.other"), Z ("income.non_fiscal_surplus_used"),
  Z ("income.carried_in"),
  F ("expenditure.basic"), F ("expenditure.project"), Z ("expenditure.to_superior"),
  Z ("expenditure.operating"), Z ("expenditure.affiliated_subsidy"),
  Z ("expenditure.surplus_distribution"), Z ("expenditure.carried_out"),
  F ("overview.previous_income_total"), F ("overview.previous_expenditure_total"),
  REASON ("overview.change_reason"),
  END
};

static const Req appropriation_reqs[] = {
  F ("appropriation.income_general_budget"), Z ("appropriation.income_gov_fund"),
  Z ("appropriation.income_state_capital"), Z ("appropriation.carried_in"),
  F ("appropriation.expenditure_general_budget"), Z ("appropriation.expenditure_gov_fund"),
  Z ("appropriation.expenditure_state_capital"), Z ("appropriation.carried_out"),
  F ("appropriation.general_budget_basic"), F ("appropriation.general_budget_project"),
  F ("appropriation.previous_total"), F ("appropriation.previous_general_budget"),
  REASON ("appropriation.change_reason"),
  REASON ("appropriation.general_budget_change_reason"),
  END
};

static const Req functional_reqs[] = {
  ROWS ("functional", functional_fields),
  END
};

static const Req basic_reqs[] = {
  F ("basic.personnel"), F ("basic.personnel_items"), F ("basic.public"), F ("basic.public_items"),
  END
};

static const Req three_public_reqs[] = {
  Z ("three_public.abroad.budget"), Z ("three_public.abroad.actual"),
  Z ("three_public.abroad.previous"),
  Z ("three_public.vehicle.budget"), Z ("three_public.vehicle.actual"),
  Z ("three_public.vehicle.previous"),
  Z ("three_public.vehicle.purchase.budget"), Z ("three_public.vehicle.purchase.actual"),
  Z ("three_public.vehicle.operation.budget"), Z ("three_public.vehicle.operation.actual"),
  Z ("three_public.vehicle.sedans"), Z ("three_public.vehicle.suvs"),
  Z ("three_public.vehicle.buses"),
  Z ("three_public.reception.budget"), Z ("three_public.reception.actual"),
  Z ("three_public.reception.previous"),
  Z ("three_public.reception.domestic.actual"), Z ("three_public.reception.foreign.actual"),
  REASON ("three_public.reason"),
  REASON ("three_public.abroad.reason"),
  REASON ("three_public.vehicle.reason"),
  REASON ("three_public.reception.reason"),
  END
};

static const Req gov_fund_reqs[] = {
  Z ("gov_fund.carried_in"), Z ("gov_fund.income"), Z ("gov_fund.expenditure"),
  Z ("gov_fund.carried_out"), F ("gov_fund.reason"),
  END
};

static const Req state_capital_reqs[] = {
  Z ("state_capital.carried_in"), Z ("state_capital.income"), Z ("state_capital.expenditure"),
  Z ("state_capital.carried_out"), F ("state_capital.reason"),
  END
};

static const Req other_reqs[] = {
  F ("other.operating_cost"), F ("other.operating_cost_previous"),
  REASON ("other.operating_cost_reason"),
  Z ("other.procurement.goods"), Z ("other.procurement.works"), Z ("other.procurement.services"),
  Z ("other.procurement.sme"), Z ("other.procurement.small_micro"),
  Z ("other.assets.vehicles_leader"), Z ("other.assets.vehicles_confidential"),
  Z ("other.assets.vehicles_emergency"), Z ("other.assets.vehicles_law_enforcement"),
  Z ("other.assets.vehicles_special"), Z ("other.assets.vehicles_other"),
  Z ("other.assets.equipment_over_1m"),
  F ("other.performance_text"), F ("other.self_score"),
  END
};

static const Req glossary_reqs[] = {
  ROWS ("glossary", glossary_fields),
  { REQ_CODE_TERMS, "glossary", NULL },
  END
};

static const Req dept_eval_reqs[] = {
  F ("dept_eval.funds_total"), F ("dept_eval.funds_appropriation"), Z ("dept_eval.funds_other"),
  F ("dept_eval.budget_adjusted"), F ("dept_eval.budget_executed"),
  F ("dept_eval.basic_budget"), F ("dept_eval.basic_actual"),
  F ("dept_eval.project_budget"), F ("dept_eval.project_actual"),
  F ("dept_eval.target"), ROWS ("dept_eval.tasks", task_fields),
  ROWS ("dept_eval.indicators", indicator_fields), F ("dept_eval.self_score"),
  ROWS ("dept_eval.sections", section_fields),
  END
};

/* relative to special_funds[N] */
static const Req fund_reqs[] = {
  F ("project_name"), F ("budget_unit"), F ("allocation"), F ("scope"), F ("period"),
  F ("funds_total"), F ("funds_appropriation"), F ("funds_executed"), F ("target"),
  ROWS ("indicators", indicator_fields), F ("self_score"), ROWS ("sections", section_fields),
  END
};

static const struct {
  const char *id;
  const Req  *reqs;
  const char *empty_key;    /* the table a mark (empty_tables) makes complete */
  const char *roots;        /* the records and lists the section shows, for
                               the texts carried from last year */
} fixed_sections[] = {
  { "profile", profile_reqs, NULL, "profile" },
  { "income-expenditure", income_expenditure_reqs, NULL, "income expenditure overview" },
  { "appropriation", appropriation_reqs, NULL, "appropriation" },
  { "functional", functional_reqs, NULL, "functional" },
  { "basic", basic_reqs, NULL, "basic economic" },
  { "three-public", three_public_reqs, "three_public", "three_public" },
  { "gov-fund", gov_fund_reqs, "gov_fund", "gov_fund" },
  { "state-capital", state_capital_reqs, "state_capital", "state_capital" },
  { "other", other_reqs, NULL, "other" },
  { "glossary", glossary_reqs, NULL, "glossary" },
  { "dept-eval", dept_eval_reqs, NULL, "dept_eval" },
};

gboolean
jue_text_states_empty (const char *text)
{
  static const char * const phrases[] = {
    "本表无数据", "本表为空", "空表", "无数据", "表为空", "无此项", "没有政府性基金",
    "没有国有资本经营", NULL };

  if (text == NULL)
    return FALSE;
  for (guint i = 0; phrases[i]; i++)
    if (strstr (text, phrases[i]))
      return TRUE;
  return FALSE;
}

guint
jue_completeness_percent (guint filled,
                          guint required)
{
  if (required == 0)
    return 100;
  return (guint) ((guint64) MIN (filled, required) * 100 / required);
}

static void
missing_free (JueMissing *m)
{
  g_free (m->path);
  g_free (m->message);
  g_free (m);
}

static void
section_free (JueSectionProgress *s)
{
  g_free (s->id);
  g_free (s);
}

typedef struct {
  JueReport          *report;
  JueComputed        *computed;
  JueCompleteness    *out;
  JueSectionProgress *section;
  gboolean            zero;       /* the template prints 0.00 */
  gboolean            stated_empty;
  GHashTable         *carried_seen; /* carried paths counted as required items */
  gboolean            any_carried;
  JueChangeThreshold  threshold;    /* what change needs a reason */
} Walk;

static void
add_missing (Walk       *w,
             const char *path,
             char       *message)
{
  JueMissing *m = g_new0 (JueMissing, 1);

  m->section = w->section->id;
  m->path = g_strdup (path);
  m->message = message;
  g_ptr_array_add (w->out->missing, m);
}

/* A field counts as filled when it is not blank.  Returns its label. */
static gboolean
field_filled (Walk        *w,
              const char  *path,
              const char **label)
{
  JueFieldRef ref;

  *label = path;
  if (!jue_report_resolve (w->report, path, &ref, NULL))
    return FALSE;
  *label = _(ref.def->label);
  return !jue_field_is_blank (&ref);
}

static char *
carried_message (const char *label)
{
  /* TRANSLATORS: a text taken over from last year's report */
  return g_strdup_printf (_("%s was carried over from last year: confirm it or edit it"), label);
}

/* A carried text still to be confirmed counts as not done. */
static gboolean
field_carried (Walk       *w,
               const char *path)
{
  JueFieldRef ref;

  if (!w->any_carried ||
      !jue_report_resolve (w->report, path, &ref, NULL) || !jue_field_is_carried (&ref))
    return FALSE;
  g_hash_table_add (w->carried_seen, g_strdup (path));
  return TRUE;
}

static void
require_field (Walk       *w,
               const char *path)
{
  const char *label;

  w->section->required++;
  if (w->stated_empty || field_filled (w, path, &label))
    {
      if (!w->stated_empty && field_carried (w, path))
        {
          add_missing (w, path, carried_message (label));
          return;
        }
      w->section->filled++;
      return;
    }
  add_missing (w, path, g_strdup_printf (_("%s is not filled in"), label));
}

/* Carried texts the section's requirements did not count: each one more
 * item to confirm. */
static void
count_carried (const char        *path,
               const JueFieldRef *ref,
               gpointer           user_data)
{
  Walk *w = user_data;

  if (g_hash_table_contains (w->carried_seen, path))
    return;
  w->section->required++;
  add_missing (w, path, carried_message (_(ref->def->label)));
}

static const JueFieldDef *
field_def (const JueRecordDef *def,
           const char         *name)
{
  for (guint i = 0; i < def->n_fields; i++)
    if (strcmp (def->fields[i].name, name) == 0)
      return &def->fields[i];
  return NULL;
}

/* A table: a row, and each row's required fields.  Paths are built only
 * for what is missing (a ×20 report has thousands of cells). */
static void
require_rows (Walk               *w,
              const char         *path,
              const char * const *fields)
{
  JueFieldRef ref;
  GPtrArray *rows;
  const JueRecordDef *elem;
  const JueFieldDef *defs[8];
  const char *label;
  guint n;

  w->section->required++;
  if (!jue_report_resolve (w->report, path, &ref, NULL) || ref.def->kind != JUE_KIND_LIST)
    return;
  rows = *(GPtrArray **) ref.ptr;
  elem = ref.def->extra;
  label = _(ref.def->label);
  if (rows->len == 0)
    {
      add_missing (w, path, g_strdup_printf (_("%s: no row yet"), label));
      return;
    }
  w->section->filled++;
  for (n = 0; fields[n] && n < G_N_ELEMENTS (defs); n++)
    {
      defs[n] = field_def (elem, fields[n]);
      g_return_if_fail (defs[n] != NULL);
    }
  for (guint i = 0; i < rows->len; i++)
    for (guint k = 0; k < n; k++)
      {
        const JueFieldDef *f = defs[k];
        JueFieldRef cell = { f, (guint8 *) rows->pdata[i] + f->offset, -1, elem };

        w->section->required++;
        if (jue_field_is_blank (&cell))
          {
            g_autofree char *p = g_strdup_printf ("%s[%u].%s", path, i, f->name);
            add_missing (w, p, g_strdup_printf (_("%s %u: %s is not filled in"), label, i + 1,
                                               _(f->label)));
          }
        else if (jue_field_is_carried (&cell))
          {
            char *p = g_strdup_printf ("%s[%u].%s", path, i, f->name);
            g_autofree char *what = g_strdup_printf ("%s %u: %s", label, i + 1, _(f->label));
            add_missing (w, p, carried_message (what));
            g_hash_table_add (w->carried_seen, p);
          }
        else
          w->section->filled++;
      }
}

/* Each 项 used, defined by a typed glossary entry. */
static void
require_code_terms (Walk       *w,
                    const char *path)
{
  g_autoptr (GPtrArray) codes = jue_glossary_codes (w->report, NULL);

  for (guint i = 0; i < codes->len; i++)
    {
      const JueGlossaryCode *c = codes->pdata[i];

      w->section->required++;
      if (c->defined)
        w->section->filled++;
      else
        /* TRANSLATORS: the 类/款/项 names of a functional item */
        add_missing (w, path, g_strdup_printf (_("Glossary: %s is not defined"), c->term));
    }
}

static void
walk_section (Walk       *w,
              const char *id,
              const Req  *reqs,
              const char *prefix,
              const char *empty_key,
              const char *roots)
{
  JueSectionProgress *s = g_new0 (JueSectionProgress, 1);

  s->id = g_strdup (id);
  g_ptr_array_add (w->out->sections, s);
  w->section = s;
  /* a table marked empty (本表为空表) is complete: the mark is the one
   * flag; the explanation's words are read only from files of schema ≤ 4
   * (jue_report_read_legacy_empty) */
  w->stated_empty = empty_key && jue_report_table_empty_reason (w->report, empty_key) != NULL;
  for (const Req *r = reqs; r->kind != REQ_END; r++)
    {
      g_autofree char *path = prefix ? g_strconcat (prefix, ".", r->path, NULL)
                                     : g_strdup (r->path);

      switch (r->kind)
        {
        case REQ_ZERO:
          if (!w->zero)
            break;
          G_GNUC_FALLTHROUGH;
        case REQ_FIELD:
          require_field (w, path);
          break;
        case REQ_ROWS:
          require_rows (w, path, r->row_fields);
          break;
        case REQ_CODE_TERMS:
          require_code_terms (w, path);
          break;
        case REQ_REASON:
          if (jue_change_reason_required (w->report, w->computed, path, &w->threshold))
            require_field (w, path);
          break;
        default:
          break;
        }
    }
  if (roots && w->any_carried)
    {
      g_auto (GStrv) list = g_strsplit (roots, " ", -1);
      for (guint i = 0; list[i]; i++)
        jue_report_foreach_carried (w->report, list[i], count_carried, w);
    }
  w->out->filled += s->filled;
  w->out->required += s->required;
}

JueCompleteness *
jue_completeness_new (const JueReport *report)
{
  JueCompleteness *c = g_new0 (JueCompleteness, 1);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (JueComputed) computed = jue_computed_new ();
  Walk w = { (JueReport *) report, computed, c, NULL, jue_report_prints_zero (report), FALSE, seen,
             jue_report_has_carried (report),
             jue_change_threshold_for_report (report) };

  jue_computed_update (computed, report);

  c->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  c->missing = g_ptr_array_new_with_free_func ((GDestroyNotify) missing_free);
  for (guint i = 0; i < G_N_ELEMENTS (fixed_sections); i++)
    walk_section (&w, fixed_sections[i].id, fixed_sections[i].reqs, NULL,
                  fixed_sections[i].empty_key, fixed_sections[i].roots);
  for (guint i = 0; i < report->special_funds->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("fund-%u", i);
      g_autofree char *prefix = g_strdup_printf ("special_funds[%u]", i);

      walk_section (&w, id, fund_reqs, prefix, NULL, prefix);
    }
  return c;
}

void
jue_completeness_free (JueCompleteness *c)
{
  if (c == NULL)
    return;
  g_ptr_array_unref (c->missing);
  g_ptr_array_unref (c->sections);
  g_free (c);
}

const JueSectionProgress *
jue_completeness_get_section (const JueCompleteness *c,
                              const char            *id)
{
  for (guint i = 0; id && i < c->sections->len; i++)
    {
      const JueSectionProgress *s = c->sections->pdata[i];
      if (strcmp (s->id, id) == 0)
        return s;
    }
  return NULL;
}
