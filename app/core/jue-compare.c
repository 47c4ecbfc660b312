/* jue-compare.c — this year against last year (jue-compare.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jue-compare.h"

#define INCOME_PARTS \
  "income.general_budget income.gov_fund income.state_capital income.superior_subsidy " \
  "income.business income.operating income.affiliated income.other " \
  "income.non_fiscal_surplus_used income.carried_in"
#define EXPENDITURE_PARTS \
  "expenditure.basic expenditure.project expenditure.to_superior expenditure.operating " \
  "expenditure.affiliated_subsidy expenditure.surplus_distribution expenditure.carried_out"
#define APPROPRIATION_PARTS \
  "appropriation.expenditure_general_budget appropriation.expenditure_gov_fund " \
  "appropriation.expenditure_state_capital appropriation.carried_out"

static const JueChangeLine lines[] = {
  { N_("Income grand total"), "income.grand_total", INCOME_PARTS,
    "overview.previous_income_total", NULL, "overview.change_reason", FALSE, TRUE },
  { N_("Expenditure grand total"), "expenditure.grand_total", EXPENDITURE_PARTS,
    "overview.previous_expenditure_total", NULL, "overview.change_reason", FALSE, TRUE },
  { N_("Appropriation total"), "appropriation.expenditure_grand_total", APPROPRIATION_PARTS,
    "appropriation.previous_total", NULL, "appropriation.change_reason", FALSE, TRUE },
  { N_("General-budget appropriation expenditure"), "appropriation.expenditure_general_budget",
    NULL, "appropriation.previous_general_budget", NULL,
    "appropriation.general_budget_change_reason", FALSE, TRUE },
  { N_("“Three public” total"), "three_public.total.actual",
    "three_public.abroad.actual three_public.vehicle.actual three_public.reception.actual",
    "three_public.total.previous",
    "three_public.abroad.previous three_public.vehicle.previous three_public.reception.previous",
    "three_public.reason", TRUE, TRUE },
  { N_("Overseas travel"), "three_public.abroad.actual", NULL, "three_public.abroad.previous",
    NULL, "three_public.abroad.reason", TRUE, TRUE },
  { N_("Official vehicles"), "three_public.vehicle.actual", NULL,
    "three_public.vehicle.previous", NULL, "three_public.vehicle.reason", TRUE, TRUE },
  { N_("Vehicle purchase"), "three_public.vehicle.purchase.actual", NULL,
    "three_public.vehicle.purchase.previous", NULL, "three_public.vehicle.reason", TRUE, FALSE },
  { N_("Vehicle operation and maintenance"), "three_public.vehicle.operation.actual", NULL,
    "three_public.vehicle.operation.previous", NULL, "three_public.vehicle.reason", TRUE, FALSE },
  { N_("Official reception"), "three_public.reception.actual", NULL,
    "three_public.reception.previous", NULL, "three_public.reception.reason", TRUE, TRUE },
  { N_("Administrative operating cost"), "other.operating_cost", NULL,
    "other.operating_cost_previous", NULL, "other.operating_cost_reason", FALSE, TRUE },
  { N_("Government-fund budget expenditure"), "gov_fund.expenditure", NULL, "gov_fund.previous",
    NULL, "gov_fund.reason", FALSE, TRUE },
  { N_("State-capital budget expenditure"), "state_capital.expenditure", NULL,
    "state_capital.previous", NULL, "state_capital.reason", FALSE, TRUE },
  { NULL, NULL, NULL, NULL, NULL, NULL, FALSE, FALSE }
};

const JueChangeLine *
jue_change_lines (void)
{
  return lines;
}

/* ---- thresholds ---------------------------------------------------------- */

gboolean
jue_change_threshold_parse (const char          *text,
                            JueChangeThreshold  *out,
                            GError             **error)
{
  g_auto (GStrv) parts = NULL;
  JuePercent pct;
  JueAmount amount;

  if (text == NULL || (parts = g_strsplit (text, ",", 2)) == NULL || parts[0] == NULL ||
      parts[1] == NULL || !jue_percent_parse (g_strstrip (parts[0]), &pct, NULL) ||
      !jue_amount_parse (g_strstrip (parts[1]), &amount, NULL) || !pct.set || !amount.set ||
      pct.centi < 0 || amount.fen < 0)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                   _("“%s” is not a change threshold: give a percent and an amount in 万元, "
                     "e.g. 10%%,10"), text ? text : "");
      return FALSE;
    }
  out->centi = pct.centi;
  out->fen = amount.fen;
  return TRUE;
}

JueChangeThreshold
jue_change_threshold_default (void)
{
  JueChangeThreshold t = { JUE_CHANGE_THRESHOLD_FEN, JUE_CHANGE_THRESHOLD_CENTI };
  const char *env = g_getenv ("JUESUAN_CHANGE_THRESHOLD");
  JueChangeThreshold parsed;

  if (env && *env && jue_change_threshold_parse (env, &parsed, NULL))
    return parsed;
  return t;
}

JueChangeThreshold
jue_change_threshold_for_report (const JueReport *report)
{
  JueChangeThreshold t = jue_change_threshold_default ();
  const JuePercent *pct = &report->profile.change_threshold_percent;
  const JueAmount *amount = &report->profile.change_threshold_amount;

  if (pct->set && !pct->unreadable && pct->centi >= 0)
    t.centi = pct->centi;
  if (amount->set && !amount->unreadable && amount->fen >= 0)
    t.fen = amount->fen;
  return t;
}

static gint64
abs64 (gint64 v)
{
  return v < 0 ? -v : v;
}

gboolean
jue_change_is_large (gint64                    previous_fen,
                     gint64                    current_fen,
                     const JueChangeThreshold *t)
{
  gint64 d = abs64 (current_fen - previous_fen);

  if (d == 0)
    return FALSE;
  if (d >= t->fen || previous_fen == 0)
    return TRUE;
  /* |d| / |previous| ≥ centi / 10000, exactly: d · 10000 ≥ centi · |previous| */
  return d * 10000 >= t->centi * abs64 (previous_fen);
}

const char *
jue_reason_contradicts (const char *reason,
                        gint64      change)
{
  static const char * const up[] = { "增加", "增长", "上升", "提高", "增多", "上涨", NULL };
  static const char * const down[] = { "减少", "下降", "降低", "压减", "缩减", "减支", "下降",
                                       "节约", "压缩", NULL };
  const char *said_up = NULL, *said_down = NULL;

  if (reason == NULL || change == 0)
    return NULL;
  for (guint i = 0; up[i] && !said_up; i++)
    if (strstr (reason, up[i]))
      said_up = up[i];
  for (guint i = 0; down[i] && !said_down; i++)
    if (strstr (reason, down[i]))
      said_down = down[i];
  if (said_up && said_down)
    return NULL;
  if (change < 0)
    return said_up;
  return said_down;
}

/* ---- figures ---------------------------------------------------------------- */

static gboolean
parts_set (const JueReport *report,
           const char      *parts)
{
  g_auto (GStrv) list = g_strsplit (parts, " ", -1);

  for (guint i = 0; list[i]; i++)
    {
      JueFieldRef ref;
      if (!jue_report_resolve ((JueReport *) report, list[i], &ref, NULL) ||
          ref.def->kind != JUE_KIND_AMOUNT)
        return FALSE;
      if (!((JueAmount *) ref.ptr)->set || ((JueAmount *) ref.ptr)->unreadable)
        return FALSE;
    }
  return TRUE;
}

static JueAmount
figure (const JueReport   *report,
        const JueComputed *computed,
        const char        *path,
        const char        *parts)
{
  JueAmount none = { 0, FALSE, FALSE };
  JueFieldRef ref;
  JueValue v;

  if (parts)
    {
      if (!parts_set (report, parts) || !jue_computed_lookup (computed, path, &v) || !v.defined)
        return none;
      return jue_amount_from_fen (v.value);
    }
  if (!jue_report_resolve ((JueReport *) report, path, &ref, NULL) ||
      ref.def->kind != JUE_KIND_AMOUNT)
    return none;
  if (((JueAmount *) ref.ptr)->unreadable)
    return none;
  return *(JueAmount *) ref.ptr;
}

JueAmount
jue_change_figure (const JueReport     *report,
                   const JueComputed   *computed,
                   const JueChangeLine *line,
                   gboolean             previous)
{
  return previous ? figure (report, computed, line->previous, line->previous_parts)
                  : figure (report, computed, line->current, line->current_parts);
}

/* ---- comparing two reports ----------------------------------------------- */

void
jue_compare_line_free (JueCompareLine *l)
{
  if (l == NULL)
    return;
  g_free (l->label);
  g_free (l->path);
  g_free (l->reason);
  g_free (l->reason_path);
  g_free (l);
}

const char *
jue_compare_heading (JueCompareColumn column)
{
  static const char * const headings[] = {
    N_("Line"), N_("Last year"), N_("This year"), N_("Change"), N_("Change %"), N_("Reason"),
    N_("Note") };

  g_return_val_if_fail (column < JUE_COMPARE_N_COLS, "");
  return _(headings[column]);
}

static char *
amount_text (const JueAmount *a)
{
  return a->set ? jue_fen_display (a->fen) : g_strdup ("—");
}

static char *
reason_text (const char *reason,
             guint       max_chars)
{
  g_autofree char *line = NULL;

  if (reason == NULL)
    return g_strdup ("");
  if (*reason == '\0')
    return g_strdup (_("(none)"));
  line = g_strdelimit (g_strdup (reason), "\r\n\t", ' ');
  if (max_chars > 0 && g_utf8_strlen (line, -1) > max_chars)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, max_chars);
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

char **
jue_compare_line_texts (const JueCompareLine *l,
                        guint                 reason_chars)
{
  char **texts = g_new0 (char *, JUE_COMPARE_N_COLS + 1);
  gboolean known = l->last.set && l->current.set;

  texts[JUE_COMPARE_COL_LINE] = g_strdup (l->label);
  texts[JUE_COMPARE_COL_LAST] = amount_text (&l->last);
  texts[JUE_COMPARE_COL_THIS] = amount_text (&l->current);
  if (known)
    {
      JueValue change = { l->change, JUE_VALUE_AMOUNT, JUE_UNDEFINED_NONE, TRUE };
      texts[JUE_COMPARE_COL_CHANGE] = jue_value_display_signed (&change);
      texts[JUE_COMPARE_COL_CHANGE_PCT] = l->change == 0 ? g_strdup ("0.00%")
                                        : jue_value_display_signed (&l->change_pct);
    }
  else
    {
      texts[JUE_COMPARE_COL_CHANGE] = g_strdup ("—");
      texts[JUE_COMPARE_COL_CHANGE_PCT] = g_strdup ("—");
    }
  texts[JUE_COMPARE_COL_REASON] = reason_text (l->reason, reason_chars);
  texts[JUE_COMPARE_COL_NOTE] = note_text (l);
  return texts;
}

static void
finish (JueCompareLine           *l,
        const JueChangeThreshold *t)
{
  if (!l->last.set || !l->current.set)
    {
      l->change_pct = (JueValue) { 0, JUE_VALUE_PERCENT, JUE_UNDEFINED_NO_PREVIOUS, FALSE };
      return;
    }
  l->change = l->current.fen - l->last.fen;
  if (l->last.fen == 0)
    l->change_pct = (JueValue) { 0, JUE_VALUE_PERCENT, JUE_UNDEFINED_PREVIOUS_ZERO, FALSE };
  else
    {
      l->change_pct = (JueValue) { jue_ratio_centi (l->change, l->last.fen), JUE_VALUE_PERCENT,
                                   JUE_UNDEFINED_NONE, TRUE };
    }
  l->large = jue_change_is_large (l->last.fen, l->current.fen, t);
  l->contradiction = l->reason ? jue_reason_contradicts (l->reason, l->change) : NULL;
}

static JueAmount
known_amount (const JueAmount *a)
{
  return a->unreadable ? (JueAmount) { 0, FALSE, FALSE } : *a;
}

static char *
row_key (const JueFunctionalRow *row)
{
  if (row->code && *row->code)
    return g_strdup (row->code);
  return g_strdup_printf ("%s/%s/%s", row->class_name ? row->class_name : "",
                          row->kuan_name ? row->kuan_name : "",
                          row->xiang_name ? row->xiang_name : "");
}

static char *
row_label (const JueFunctionalRow *row)
{
  const char *name = row->xiang_name && *row->xiang_name ? row->xiang_name
                   : row->kuan_name && *row->kuan_name ? row->kuan_name
                   : row->class_name ? row->class_name : "";
  if (row->code && *row->code)
    return g_strdup_printf ("%s %s", row->code, name);
  return g_strdup (name);
}

typedef struct {
  JueCompareSort sort;
} SortSpec;

static int
compare_lines (gconstpointer pa,
               gconstpointer pb,
               gpointer      data)
{
  const JueCompareLine *a = *(JueCompareLine * const *) pa;
  const JueCompareLine *b = *(JueCompareLine * const *) pb;
  const SortSpec *spec = data;
  gboolean ka = a->last.set && a->current.set, kb = b->last.set && b->current.set;

  if (ka != kb)
    return ka ? -1 : 1;
  if (!ka)
    return 0;
  if (spec->sort == JUE_COMPARE_SORT_PERCENT)
    {
      /* a change from 0 has no percent: it is the largest of all */
      gboolean ia = !a->change_pct.defined && a->change != 0;
      gboolean ib = !b->change_pct.defined && b->change != 0;

      if (ia != ib)
        return ia ? -1 : 1;
      if (a->change_pct.defined && b->change_pct.defined)
        {
          gint64 x = abs64 (a->change_pct.value), y = abs64 (b->change_pct.value);
          if (x != y)
            return x > y ? -1 : 1;
        }
    }
  {
    gint64 x = abs64 (a->change), y = abs64 (b->change);
    return x > y ? -1 : x < y ? 1 : 0;
  }
}

GPtrArray *
jue_compare_reports (const JueReport          *last,
                     const JueReport          *current,
                     const JueChangeThreshold *threshold,
                     JueCompareSort            sort)
{
  g_autoptr (JueComputed) lc = jue_computed_new ();
  g_autoptr (JueComputed) cc = jue_computed_new ();
  g_autoptr (GHashTable) last_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) jue_compare_line_free);
  SortSpec spec = { sort };

  if (last)
    jue_computed_update (lc, last);
  jue_computed_update (cc, current);
  for (const JueChangeLine *line = lines; line->label; line++)
    {
      JueCompareLine *l = g_new0 (JueCompareLine, 1);
      JueFieldRef ref;

      l->label = g_strdup (_(line->label));
      l->path = g_strdup (line->current_parts ? line->previous : line->current);
      l->current = jue_change_figure (current, cc, line, FALSE);
      l->stated_previous = jue_change_figure (current, cc, line, TRUE);
      l->has_stated = last != NULL;
      l->last = last ? jue_change_figure (last, lc, line, FALSE) : l->stated_previous;
      if (jue_report_resolve ((JueReport *) current, line->reason, &ref, NULL))
        l->reason = g_strdup (*(char **) ref.ptr ? *(char **) ref.ptr : "");
      l->reason_path = g_strdup (line->reason);
      finish (l, threshold);
      g_ptr_array_add (out, l);
    }

  /* functional rows, matched by code (or by names without one); against
   * its own figures, each row's 上年 figure */
  for (guint i = 0; last && i < last->functional->len; i++)
    g_hash_table_insert (last_rows, row_key (last->functional->pdata[i]),
                         last->functional->pdata[i]);
  for (guint i = 0; i < current->functional->len; i++)
    {
      const JueFunctionalRow *row = current->functional->pdata[i];
      char *key = row_key (row);
      const JueFunctionalRow *before = g_hash_table_lookup (last_rows, key);
      JueCompareLine *l;

      if (last == NULL && !known_amount (&row->previous).set)
        {
          g_free (key);
          continue;   /* nothing to compare it with */
        }
      l = g_new0 (JueCompareLine, 1);
      l->label = row_label (row);
      l->path = g_strdup_printf ("functional[%u].actual", i);
      l->current = known_amount (&row->actual);
      l->stated_previous = known_amount (&row->previous);
      l->has_stated = last != NULL;
      if (last == NULL)
        l->last = l->stated_previous;
      else if (before)
        l->last = known_amount (&before->actual);
      l->reason = g_strdup (row->reason ? row->reason : "");
      l->reason_path = g_strdup_printf ("functional[%u].reason", i);
      finish (l, threshold);
      g_hash_table_add (seen, key);
      g_ptr_array_add (out, l);
    }
  if (last == NULL)
    goto sort;
  for (guint i = 0; i < last->functional->len; i++)
    {
      const JueFunctionalRow *row = last->functional->pdata[i];
      g_autofree char *key = row_key (row);
      JueCompareLine *l;

      if (g_hash_table_contains (seen, key))
        continue;
      /* a row of last year that this year has not: it fell to 0 */
      l = g_new0 (JueCompareLine, 1);
      l->label = row_label (row);
      l->path = g_strdup ("functional");
      l->last = row->actual.unreadable ? (JueAmount) { 0, FALSE, FALSE } : row->actual;
      l->current = jue_amount_from_fen (0);
      finish (l, threshold);
      g_ptr_array_add (out, l);
    }
sort:
  g_ptr_array_sort_with_data (out, compare_lines, &spec);
  return out;
}

/* ---- which changes need a reason ------------------------------------------ */

gboolean
jue_change_line_needs_reason (const JueChangeLine      *line,
                              gint64                    previous_fen,
                              gint64                    current_fen,
                              const JueChangeThreshold *threshold)
{
  if (current_fen == previous_fen)
    return FALSE;
  return line->always || jue_change_is_large (previous_fen, current_fen, threshold);
}

gboolean
jue_change_reason_required (const JueReport          *report,
                            const JueComputed        *computed,
                            const char               *reason_path,
                            const JueChangeThreshold *threshold)
{
  for (const JueChangeLine *line = lines; line->label; line++)
    {
      JueAmount current, previous;

      if (!line->checked || g_strcmp0 (line->reason, reason_path) != 0)
        continue;
      current = jue_change_figure (report, computed, line, FALSE);
      previous = jue_change_figure (report, computed, line, TRUE);
      if (current.set && previous.set &&
          jue_change_line_needs_reason (line, previous.fen, current.fen, threshold))
        return TRUE;
    }
  return FALSE;
}
