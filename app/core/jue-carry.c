/* jue-carry.c — next year's report from last year's (jue-carry.h). */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jue-carry.h"
#include "jue-computed.h"

static const JueCarryPair previous_fields[] = {
  { "overview.previous_income_total", "income.grand_total" },
  { "overview.previous_expenditure_total", "expenditure.grand_total" },
  { "appropriation.previous_total", "appropriation.expenditure_grand_total" },
  { "appropriation.previous_general_budget", "appropriation.expenditure_general_budget" },
  { "three_public.abroad.previous", "three_public.abroad.actual" },
  { "three_public.vehicle.previous", "three_public.vehicle.actual" },
  { "three_public.vehicle.purchase.previous", "three_public.vehicle.purchase.actual" },
  { "three_public.vehicle.operation.previous", "three_public.vehicle.operation.actual" },
  { "three_public.reception.previous", "three_public.reception.actual" },
  { "gov_fund.previous", "gov_fund.expenditure" },
  { "state_capital.previous", "state_capital.expenditure" },
  { "other.operating_cost_previous", "other.operating_cost" },
  { NULL, NULL }
};

const JueCarryPair *
jue_carry_previous_fields (void)
{
  return previous_fields;
}

/* Figures that describe the department or the structure of an evaluation,
 * or the report's own settings (the change threshold), not the year: kept.  Every other amount, count, percent and date is
 * this year's and starts blank. */
static gboolean
keeps_figure (const char *path)
{
  static const char * const kept[] = {
    "profile.subordinate_units", "profile.admin_units", "profile.institution_units",
    "profile.change_threshold_percent", "profile.change_threshold_amount", NULL };

  for (guint i = 0; kept[i]; i++)
    if (strcmp (path, kept[i]) == 0)
      return TRUE;
  return g_str_has_suffix (path, ".weight") || g_str_has_suffix (path, ".template_total");
}

/* Texts that are this year's results, not carried. */
static gboolean
clears_text (const char *path)
{
  return g_str_has_suffix (path, "].target") && strstr (path, ".indicators[") != NULL;
}

/* Prose that may no longer be true: marked until confirmed or edited. */
static gboolean
marks_text (const char        *path,
            const JueFieldRef *ref)
{
  if (ref->def->flags & JUE_FIELD_MULTILINE)
    return TRUE;
  /* special_funds[N].title and .period: they name last year */
  if (!g_str_has_prefix (path, "special_funds[") || strchr (path, '.') != strrchr (path, '.'))
    return FALSE;
  return g_str_has_suffix (path, "].title") || g_str_has_suffix (path, "].period");
}

typedef struct {
  JueReport *report;
} Walk;

static void
carry_one (const char        *path,
           const JueFieldRef *ref,
           gpointer           user_data)
{
  switch (ref->def->kind)
    {
    case JUE_KIND_DATE:
      jue_field_set_text (ref, path, "", NULL);
      break;
    case JUE_KIND_AMOUNT:
    case JUE_KIND_INTEGER:
    case JUE_KIND_PERCENT:
      if (!keeps_figure (path))
        jue_field_set_text (ref, path, "", NULL);
      break;
    case JUE_KIND_TEXT:
      if (clears_text (path) || g_str_has_suffix (path, "].actual"))
        jue_field_set_text (ref, path, "", NULL);
      else if (!jue_field_is_blank (ref) && marks_text (path, ref))
        jue_field_set_carried (ref, TRUE);
      break;
    default:
      break;
    }
}

static JueAmount
amount_of (const JueComputed *computed,
           JueReport         *last,
           const char        *source)
{
  JueValue v;
  JueFieldRef ref;

  if (jue_computed_lookup (computed, source, &v))
    return v.defined && v.kind == JUE_VALUE_AMOUNT ? jue_amount_from_fen (v.value)
                                                   : (JueAmount) { 0, FALSE, FALSE };
  if (jue_report_resolve (last, source, &ref, NULL) && ref.def->kind == JUE_KIND_AMOUNT)
    {
      JueAmount a = *(JueAmount *) ref.ptr;
      if (a.unreadable)
        return (JueAmount) { 0, FALSE, FALSE };
      return a;
    }
  return (JueAmount) { 0, FALSE, FALSE };
}

static gboolean
in_classification (GPtrArray  *classification,
                   const char *code)
{
  for (guint i = 0; i < classification->len; i++)
    if (g_strcmp0 (((JueClassEntry *) classification->pdata[i])->code, code) == 0)
      return TRUE;
  return FALSE;
}

JueReport *
jue_carry_forward (const JueReport *last,
                   GPtrArray       *classification,
                   GPtrArray       *economic,
                   GPtrArray      **notes_out)
{
  g_autoptr (JueComputed) computed = jue_computed_new ();
  JueReport *r = jue_report_copy (last);
  JueReport *from = (JueReport *) last;
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);
  Walk w = { r };

  jue_computed_update (computed, last);
  jue_report_foreach (r, NULL, carry_one, &w, NULL);

  if (last->profile.year.set && !last->profile.year.unreadable)
    r->profile.year = (JueInteger) { last->profile.year.value + 1, TRUE, FALSE };
  else
    r->profile.year = (JueInteger) { 0, FALSE, FALSE };

  for (const JueCarryPair *p = previous_fields; p->previous; p++)
    {
      JueFieldRef ref;

      if (!jue_report_resolve (r, p->previous, &ref, NULL))
        g_return_val_if_reached (r);
      *(JueAmount *) ref.ptr = amount_of (computed, from, p->source);
    }

  /* each functional row is last year's row (same code, same names): its
   * 上年 figure is that row's actual */
  for (guint i = 0; i < r->functional->len && i < from->functional->len; i++)
    {
      const JueFunctionalRow *before = from->functional->pdata[i];
      JueFunctionalRow *row = r->functional->pdata[i];

      row->previous = before->actual.unreadable ? (JueAmount) { 0, FALSE, FALSE }
                                                : before->actual;
    }

  /* functional rows are matched by code: one the new year's table lacks
   * is named here, and W-CLASSIFICATION-CODE flags it on its row */
  if (classification && classification->len > 0)
    for (guint i = 0; i < r->functional->len; i++)
      {
        const JueFunctionalRow *row = r->functional->pdata[i];
        if (row->code && *row->code && !in_classification (classification, row->code))
          /* TRANSLATORS: functional[3]: code 2060199 (科学技术支出/…) */
          g_ptr_array_add (notes, g_strdup_printf (
            _("functional[%u]: code %s (%s) is not in the new year's classification; "
              "change the row's code or remove the row"),
            i, row->code, row->xiang_name && *row->xiang_name ? row->xiang_name
                        : row->kuan_name && *row->kuan_name ? row->kuan_name
                        : row->class_name ? row->class_name : ""));
      }
  /* the same for the lines of 表6 and the new year's economic
   * classification (W-ECONOMIC-CODE flags them) */
  if (economic && economic->len > 0)
    for (guint i = 0; i < r->economic->len; i++)
      {
        const JueEconomicRow *row = r->economic->pdata[i];
        if (row->code && *row->code && !in_classification (economic, row->code))
          /* TRANSLATORS: economic[3]: code 30299 (其他商品和服务支出) */
          g_ptr_array_add (notes, g_strdup_printf (
            _("economic[%u]: code %s (%s) is not in the new year's economic classification; "
              "change the row's code or remove the row"),
            i, row->code, row->name ? row->name : ""));
      }
  if (notes_out)
    *notes_out = notes;
  else
    g_ptr_array_unref (notes);
  return r;
}

JueDocument *
jue_carry_forward_file (const char  *last_file,
                        const char  *new_file,
                        GPtrArray   *classification,
                        GPtrArray   *economic,
                        GPtrArray  **notes_out,
                        GError     **error)
{
  g_autoptr (JueDocument) last = jue_document_open_with_flags (last_file, JUE_STORE_READ_ONLY,
                                                               error);
  g_autoptr (JueReport) report = NULL;
  g_autoptr (JueDocument) doc = NULL;

  if (last == NULL)
    return NULL;
  report = jue_carry_forward (jue_document_get_report (last), classification, economic,
                              notes_out);
  doc = jue_document_create (new_file, report, error);
  if (doc == NULL)
    {
      if (notes_out)
        g_clear_pointer (notes_out, g_ptr_array_unref);
      return NULL;
    }
  if ((classification && classification->len > 0 &&
       !jue_document_set_classification (doc, classification, error)) ||
      (economic && economic->len > 0 &&
       !jue_document_set_economic_classification (doc, economic, error)))
    {
      if (notes_out)
        g_clear_pointer (notes_out, g_ptr_array_unref);
      return NULL;
    }
  return g_steal_pointer (&doc);
}
