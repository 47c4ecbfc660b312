/* jue-chart-data.c — the charts' figures (jue-chart-data.h). */
#include "config.h"

#include <string.h>

#include "jue-chart-data.h"
#include "jue-narrative.h"

typedef struct {
  const JueReport   *report;
  const JueComputed *computed;
  const JuePhrases  *phrases;
  GPtrArray         *classification;
  GHashTable        *vars;
} Ctx;

static void
item_free (JueChartItem *it)
{
  g_free (it->label);
  g_free (it->value_text);
  g_free (it->share_text);
  g_free (it->previous_text);
  g_free (it);
}

void
jue_chart_free (JueChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->id);
  g_free (chart->title);
  g_free (chart->caption);
  g_free (chart->unit);
  g_free (chart->series[0]);
  g_free (chart->series[1]);
  g_ptr_array_unref (chart->items);
  g_free (chart->empty_text);
  g_free (chart);
}

static char *
amount_text (Ctx   *c,
             gint64 fen)
{
  g_autofree char *a = jue_narrative_amount_text (c->phrases, fen);
  g_autoptr (GHashTable) vars = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (vars, "amount", a);
  return jue_phrases_expand (c->phrases, "chart", "value", vars, NULL);
}

static JueChartItem *
add_item (JueChart   *chart,
          Ctx        *c,
          const char *label,
          gint64      value,
          const JueValue *share)
{
  JueChartItem *it = g_new0 (JueChartItem, 1);

  it->label = g_strdup (label);
  it->value = value;
  it->value_text = amount_text (c, value);
  if (share && share->defined)
    {
      it->share = share->value;
      it->has_share = TRUE;
      it->share_text = jue_narrative_percent_text (c->phrases, share->value);
    }
  g_ptr_array_add (chart->items, it);
  return it;
}

static JueValue
lookup (Ctx        *c,
        const char *path)
{
  JueValue v = { 0, JUE_VALUE_COUNT, JUE_UNDEFINED_BLANK, FALSE };

  jue_computed_lookup (c->computed, path, &v);
  return v;
}

static gint64
field_fen (const JueReport *report,
           const char      *path)
{
  JueFieldRef ref;

  if (!jue_report_resolve ((JueReport *) report, path, &ref, NULL) || ref.def->kind != JUE_KIND_AMOUNT)
    return 0;
  return jue_amount_fen (*(JueAmount *) ref.ptr);
}

/* A pie of a record's lines (the section's lines=, label:field[?]). */
static void
fill_pie (JueChart   *chart,
          Ctx        *c,
          const char *group,
          const char *record)
{
  const char *from = jue_phrases_lookup (c->phrases, group, "lines_from", NULL);
  g_auto (GStrv) lines = from ? jue_phrases_list (c->phrases, from, "lines") : NULL;
  g_autofree char *total_path = g_strconcat (record, ".total", NULL);
  JueValue total = lookup (c, total_path);

  chart->empty = !total.defined || total.value <= 0;
  for (guint i = 0; lines && lines[i] && !chart->empty; i++)
    {
      g_autofree char *spec = g_strdup (lines[i]);
      char *field = strchr (spec, ':');
      g_autofree char *path = NULL, *share_path = NULL;
      gsize n;
      gint64 fen;
      JueValue share;

      if (field == NULL)
        continue;
      *field++ = '\0';
      n = strlen (field);
      if (n && field[n - 1] == '?')
        field[n - 1] = '\0';
      path = g_strconcat (record, ".", field, NULL);
      share_path = g_strconcat (record, ".", field, ".share", NULL);
      fen = field_fen (c->report, path);
      if (fen <= 0)
        continue;     /* a pie has no slice for nothing */
      share = lookup (c, share_path);
      add_item (chart, c, spec, fen, &share);
    }
}

static void
fill_functional (JueChart *chart,
                 Ctx      *c)
{
  JueValue total = lookup (c, "functional_total.actual");

  chart->empty = !total.defined || total.value <= 0;
  for (guint i = 0; !chart->empty && i < c->computed->functional_classes->len; i++)
    {
      const JueFunctionalClassComputed *cl =
        &g_array_index (c->computed->functional_classes, JueFunctionalClassComputed, i);
      g_autofree char *name = jue_narrative_class_name (cl, c->classification);

      add_item (chart, c, name, cl->actual.defined ? cl->actual.value : 0, &cl->share);
    }
}

static void
fill_three_public (JueChart   *chart,
                   Ctx        *c,
                   const char *group)
{
  static const char * const items[] = { "abroad", "vehicle", "reception" };
  g_auto (GStrv) labels = jue_phrases_list (c->phrases, group, "labels");
  g_auto (GStrv) series = jue_phrases_list (c->phrases, group, "series");
  JueValue total = lookup (c, "three_public.total.actual");
  JueValue previous = lookup (c, "three_public.total.previous");

  for (guint i = 0; series && series[i] && i < 2; i++)
    chart->series[i] = jue_phrases_expand_text (c->phrases, group, series[i], c->vars, NULL);
  chart->empty = (!total.defined || total.value == 0) && (!previous.defined || previous.value == 0);
  for (guint i = 0; !chart->empty && i <= G_N_ELEMENTS (items); i++)
    {
      g_autofree char *actual = NULL, *prev = NULL;
      gint64 a, p;
      JueChartItem *it;

      if (i < G_N_ELEMENTS (items))
        {
          actual = g_strdup_printf ("three_public.%s.actual", items[i]);
          prev = g_strdup_printf ("three_public.%s.previous", items[i]);
          a = field_fen (c->report, actual);
          p = field_fen (c->report, prev);
        }
      else
        {
          a = total.defined ? total.value : 0;
          p = previous.defined ? previous.value : 0;
        }
      it = add_item (chart, c, labels && g_strv_length (labels) > i ? labels[i] : "", a, NULL);
      it->previous = p;
      it->previous_text = amount_text (c, p);
    }
}

static JueChart *
chart_new (Ctx        *c,
           const char *id,
           guint       number)
{
  g_autofree char *group = g_strconcat ("chart.", id, NULL);
  const char *kind = jue_phrases_lookup (c->phrases, group, "kind", NULL);
  JueChart *chart;

  if (kind == NULL)
    return NULL;
  chart = g_new0 (JueChart, 1);
  chart->id = g_strdup (id);
  chart->number = number;
  chart->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  chart->title = jue_phrases_expand (c->phrases, group, "title", c->vars, NULL);
  chart->caption = g_strdup_printf ("图%u：%s", number, chart->title);
  chart->unit = jue_phrases_expand (c->phrases, "chart", "unit", c->vars, NULL);
  chart->empty_text = jue_phrases_expand (c->phrases, group, "empty", c->vars, NULL);
  if (strcmp (kind, "pie") == 0)
    {
      chart->kind = JUE_CHART_PIE;
      fill_pie (chart, c, group, id);
    }
  else if (strcmp (kind, "bars") == 0)
    {
      chart->kind = JUE_CHART_BARS;
      fill_functional (chart, c);
    }
  else
    {
      chart->kind = JUE_CHART_COMPARE;
      fill_three_public (chart, c, group);
    }
  if (chart->items->len == 0)
    chart->empty = TRUE;
  return chart;
}

GPtrArray *
jue_charts_new (const JueReport   *report,
                const JueComputed *computed,
                GPtrArray         *classification)
{
  g_autoptr (JueComputed) own = NULL;
  g_autoptr (JueNarrative) n = NULL;
  GPtrArray *charts = g_ptr_array_new_with_free_func ((GDestroyNotify) jue_chart_free);
  Ctx c = { 0 };
  guint number = 0;

  if (computed == NULL)
    {
      own = jue_computed_new ();
      jue_computed_update (own, report);
      computed = own;
    }
  c.report = report;
  c.computed = computed;
  c.phrases = jue_narrative_phrases_for (report);
  c.classification = classification;
  c.vars = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (c.vars, "year", jue_integer_canonical (report->profile.year));
  g_hash_table_insert (c.vars, "prev_year",
                       report->profile.year.set
                         ? g_strdup_printf ("%" G_GINT64_FORMAT, report->profile.year.value - 1)
                         : g_strdup (""));
  /* the charts in the order Part 2's sections refer to them */
  n = jue_narrative_new (report, computed, classification);
  for (guint i = 0; i < n->parts->len; i++)
    {
      const JueNarrativePart *p = n->parts->pdata[i];
      for (guint k = 0; k < p->sections->len; k++)
        {
          const JueNarrativeSection *s = p->sections->pdata[k];
          JueChart *chart;

          if (s->figure == NULL)
            continue;
          chart = chart_new (&c, s->figure, number + 1);
          if (chart)
            {
              number++;
              g_ptr_array_add (charts, chart);
            }
        }
    }
  g_hash_table_unref (c.vars);
  return charts;
}

char *
jue_chart_file_stem (const JueChart *chart)
{
  return g_strdup_printf ("图%u_%s", chart->number, chart->title);
}
