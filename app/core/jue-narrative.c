/* jue-narrative.c — Parts 1 to 3 written from the figures (jue-narrative.h).
 *
 * This file supplies figures and chooses cases; every word of the output
 * comes from the phrase file.  One function per phrase group fills the
 * variables its sentences use.
 */
#include "config.h"

#include <string.h>

#include "jue-checks.h"
#include "jue-compare.h"
#include "jue-empty.h"
#include "jue-glossary.h"
#include "jue-render.h"
#include "jue-narrative.h"

typedef struct {
  JueReport         *report;
  const JueComputed *computed;
  const JuePhrases  *phrases;
  GPtrArray         *classification;  /* JueClassEntry* */
  JueNarrativeSection *section;     /* being written */
  GHashTable        *vars;          /* name → text, for the section */
  GPtrArray         *cases;         /* char*, NULL-terminated on use */
  guint              n_figures;     /* charts referred to so far */
  gboolean           linked;        /* figures carry the path they come from */
  gboolean           no_link;       /* not now (the year of a heading) */
} Ctx;

/* A figure as the linked text carries it (jue_narrative_new_linked):
 * START path MID text END.  Takes text. */
static char *
link_text (Ctx        *c,
           const char *path,
           char       *text)
{
  char *out;

  if (!c->linked || c->no_link || path == NULL)
    return text;
  out = g_strdup_printf ("%c%s%c%s%c", JUE_NARRATIVE_LINK_START, path, JUE_NARRATIVE_LINK_MID,
                         text, JUE_NARRATIVE_LINK_END);
  g_free (text);
  return out;
}

char *
jue_narrative_strip_links (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    if (*p == JUE_NARRATIVE_LINK_START)
      {
        const char *mid = strchr (p, JUE_NARRATIVE_LINK_MID);
        if (mid == NULL)
          break;
        p = mid;
      }
    else if (*p != JUE_NARRATIVE_LINK_END)
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* ---- formatting -------------------------------------------------------- */

static const char *
phrase (Ctx        *c,
        const char *key)
{
  const char *t = jue_phrases_lookup (c->phrases, c->section ? c->section->id : "common",
                                      key, NULL);
  return t ? t : "";
}

char *
jue_narrative_amount_text (const JuePhrases *phrases,
                           gint64            fen)
{
  const char *zero = jue_phrases_option (phrases, "amount_zero");

  if (fen == 0 && zero && strcmp (zero, "zero") == 0)
    return g_strdup ("0");
  return jue_fen_display (fen);
}

char *
jue_narrative_percent_text (const JuePhrases *phrases,
                            gint64            centi)
{
  const char *whole = jue_phrases_option (phrases, "percent_whole");

  if (centi % 100 == 0 && whole && strcmp (whole, "trim") == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT "%%", centi / 100);
  return jue_centi_percent_display (centi);
}

static char *
fmt_fen (Ctx   *c,
         gint64 fen)
{
  return jue_narrative_amount_text (c->phrases, fen);
}

static char *
fmt_centi_percent (Ctx   *c,
                   gint64 centi)
{
  return jue_narrative_percent_text (c->phrases, centi);
}

/* A computed value as the text prints it; abs drops the sign (changes are
 * worded 增加 / 减少). */
static char *
fmt_value (Ctx            *c,
           const JueValue *v,
           gboolean        abs)
{
  gint64 x = abs && v->value < 0 ? -v->value : v->value;

  if (!v->defined)
    switch (v->reason)
      {
      case JUE_UNDEFINED_ZERO_TOTAL:
        return g_strdup (phrase (c, "share.zero_total"));
      case JUE_UNDEFINED_NO_BUDGET:
        return g_strdup (phrase (c, "no_budget"));
      case JUE_UNDEFINED_BLANK:
        return g_strdup (phrase (c, "blank"));
      default:
        return g_strdup (phrase (c, "not_computable"));
      }
  switch (v->kind)
    {
    case JUE_VALUE_AMOUNT:
      return fmt_fen (c, x);
    case JUE_VALUE_PERCENT:
      return fmt_centi_percent (c, x);
    case JUE_VALUE_POINTS:
      return jue_centi_display (x);
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, x);
    }
}

static JueValue
computed (Ctx        *c,
          const char *path)
{
  JueValue v = { 0, JUE_VALUE_COUNT, JUE_UNDEFINED_BLANK, FALSE };

  if (!jue_computed_lookup (c->computed, path, &v))
    g_warning ("narrative: no computed value %s", path);
  return v;
}

static void
note_path (Ctx        *c,
           const char *path)
{
  if (c->section && !g_ptr_array_find_with_equal_func (c->section->paths, path, g_str_equal, NULL))
    g_ptr_array_add (c->section->paths, g_strdup (path));
}

/* Strips white space and a final full stop: a typed text in mid-sentence. */
static char *
clause_text (const char *text)
{
  g_autofree char *s = g_strstrip (g_strdup (text ? text : ""));
  gsize n = strlen (s);

  while (n >= 3 && (strcmp (s + n - 3, "。") == 0 || strcmp (s + n - 3, "；") == 0))
    s[n -= 3] = '\0';
  while (n >= 1 && (s[n - 1] == '.' || s[n - 1] == ';'))
    s[--n] = '\0';
  return g_strstrip (g_steal_pointer (&s));
}

/* A typed field as printed: amounts and counts as figures, text as typed
 * (as_clause: without its final full stop).  Sets *blank_out. */
static char *
fmt_field_full (Ctx        *c,
                const char *path,
                gboolean    as_clause,
                gboolean   *blank_out,
                gint64     *number_out)
{
  JueFieldRef ref;
  const char *typed;

  if (blank_out)
    *blank_out = TRUE;
  if (number_out)
    *number_out = 0;
  if (!jue_report_resolve (c->report, path, &ref, NULL))
    {
      g_warning ("narrative: no field %s", path);
      return g_strdup (phrase (c, "blank"));
    }
  note_path (c, path);
  if ((typed = jue_field_get_unreadable (&ref)) != NULL)
    {
      g_autoptr (GHashTable) vars = g_hash_table_new (g_str_hash, g_str_equal);

      if (blank_out)
        *blank_out = FALSE;
      g_hash_table_insert (vars, "typed", (gpointer) typed);
      return link_text (c, path, jue_phrases_expand (c->phrases, "common", "unreadable", vars,
                                                     NULL));
    }
  if (jue_field_is_blank (&ref))
    return link_text (c, path, g_strdup (phrase (c, "blank")));
  if (blank_out)
    *blank_out = FALSE;
  switch (ref.def->kind)
    {
    case JUE_KIND_AMOUNT:
      if (number_out)
        *number_out = ((JueAmount *) ref.ptr)->fen;
      return link_text (c, path, fmt_fen (c, ((JueAmount *) ref.ptr)->fen));
    case JUE_KIND_INTEGER:
      if (number_out)
        *number_out = ((JueInteger *) ref.ptr)->value;
      return link_text (c, path, g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  ((JueInteger *) ref.ptr)->value));
    case JUE_KIND_PERCENT:
      return link_text (c, path, jue_percent_canonical (*(JuePercent *) ref.ptr));
    default:
      {
        const char *t = *(char **) ref.ptr;
        return as_clause ? clause_text (t) : g_strstrip (g_strdup (t ? t : ""));
      }
    }
}

static char *
fmt_field (Ctx        *c,
           const char *path)
{
  return fmt_field_full (c, path, TRUE, NULL, NULL);
}

/* ---- variables and cases ----------------------------------------------- */

static void
set_var (Ctx        *c,
         const char *name,
         char       *value)
{
  g_hash_table_insert (c->vars, g_strdup (name), value);
}

static void
set_field (Ctx        *c,
           const char *name,
           const char *path)
{
  set_var (c, name, fmt_field (c, path));
}

static void
set_computed (Ctx        *c,
              const char *name,
              const char *path)
{
  JueValue v = computed (c, path);
  set_var (c, name, link_text (c, path, fmt_value (c, &v, FALSE)));
}

static void
add_case (Ctx        *c,
          const char *word)
{
  g_ptr_array_add (c->cases, g_strdup (word));
}

/* The change on last year: {change_amount}, {change_pct}, its case (up,
 * down, same, up_from_zero, unknown) and the reason: {reason_text} is the
 * typed reason or, for a change that needs one (as W-CHANGE-NO-REASON and
 * completeness decide: jue_change_reason_required) and has none, the
 * visible mark; a change below the threshold without a reason says none
 * (case "optional": {reason} is empty).  A change that cannot be computed
 * is "unknown" ("no_previous" first when last year's figure is blank). */
static void
set_change (Ctx        *c,
            const char *change_path,
            const char *pct_path,
            const char *reason_path)
{
  JueValue change = computed (c, change_path);
  JueValue pct = computed (c, pct_path);
  const char *which;
  gboolean changed = FALSE;

  if (!change.defined && change.reason == JUE_UNDEFINED_NO_PREVIOUS)
    {
      add_case (c, "no_previous");   /* then whatever applies to unknown */
      which = "unknown";
    }
  else if (!change.defined)
    which = "unknown";
  else if (change.value == 0)
    which = "same";
  else if (change.value > 0 && !pct.defined && pct.reason == JUE_UNDEFINED_PREVIOUS_ZERO)
    which = "up_from_zero", changed = TRUE;
  else
    which = change.value > 0 ? "up" : "down", changed = TRUE;
  add_case (c, which);
  set_var (c, "change_amount", link_text (c, change_path, fmt_value (c, &change, TRUE)));
  set_var (c, "change_pct", link_text (c, pct_path, fmt_value (c, &pct, TRUE)));
  if (reason_path)
    {
      gboolean blank;
      char *reason = fmt_field_full (c, reason_path, TRUE, &blank, NULL);

      if (blank || *reason == '\0')
        {
          JueChangeThreshold threshold = jue_change_threshold_for_report (c->report);

          g_free (reason);
          reason = link_text (c, reason_path, g_strdup (phrase (c, "missing_reason")));
          if (changed && jue_change_reason_required (c->report, c->computed, reason_path,
                                                     &threshold))
            c->section->n_missing++;
          else if (changed)
            add_case (c, "optional");
        }
      set_var (c, "reason_text", reason);
    }
}

/* ---- sections ---------------------------------------------------------- */

static void
set_year (Ctx *c)
{
  const JueInteger year = c->report->profile.year;

  c->no_link = TRUE;    /* headings and titles print the year: not a figure */
  set_field (c, "year", "profile.year");
  c->no_link = FALSE;
  if (year.set)
    set_var (c, "prev_year", g_strdup_printf ("%" G_GINT64_FORMAT, year.value - 1));
  else
    set_var (c, "prev_year", g_strdup (phrase (c, "blank")));
  set_field (c, "dept", "profile.name");
}

/* lines=label:field[?];… of a record: items of {label}{amount}万元，占{share}
 * (or {count}); "?" leaves a line out when its figure is 0 or blank. */
static void
set_lines (Ctx        *c,
           const char *record,
           const char *share_prefix)
{
  g_auto (GStrv) lines = jue_phrases_list (c->phrases, c->section->id, "lines");
  const char *sep = phrase (c, "item_separator");
  GString *items = g_string_new (NULL);

  for (guint i = 0; lines && lines[i]; i++)
    {
      g_autofree char *spec = g_strdup (lines[i]);
      char *colon = strchr (spec, ':');
      gboolean optional;
      g_autofree char *path = NULL;
      g_autofree char *amount = NULL;
      g_autofree char *item = NULL;
      gboolean blank;
      gint64 number;
      gsize n;

      if (colon == NULL)
        continue;
      *colon++ = '\0';
      n = strlen (colon);
      optional = n > 0 && colon[n - 1] == '?';
      if (optional)
        colon[n - 1] = '\0';
      path = g_strconcat (record, ".", colon, NULL);
      amount = fmt_field_full (c, path, TRUE, &blank, &number);
      if (optional && number == 0)
        continue;
      set_var (c, "label", g_strdup (spec));
      set_var (c, "amount", g_strdup (amount));
      set_var (c, "count", g_strdup (amount));
      if (share_prefix)
        {
          g_autofree char *share_path = g_strconcat (share_prefix, ".", colon, ".share", NULL);
          set_computed (c, "share", share_path);
        }
      item = jue_phrases_expand (c->phrases, c->section->id, "item", c->vars, NULL);
      if (items->len)
        g_string_append (items, sep);
      g_string_append (items, item);
    }
  set_var (c, "items", g_string_free (items, FALSE));
}

static gboolean
total_is_empty (Ctx        *c,
                const char *path)
{
  JueValue v = computed (c, path);
  return !v.defined || v.value == 0;
}

/* A published table marked empty (本表为空表, jue-empty.h): the case
 * "marked" ("no_reason" too when none is given), {empty_tables} naming the
 * template's tables of key (Sichuan's 表11 and 表12 share state_capital)
 * and {empty_reason}.  FALSE when key is not marked. */
static gboolean
set_empty_mark (Ctx        *c,
                const char *key)
{
  gint row = jue_report_find_empty_table (c->report, key);
  const JueTemplate *tmpl = jue_render_report_template (c->report, NULL);
  g_autoptr (GArray) tables = NULL;
  const char *sep = phrase (c, "empty_table_separator");
  GString *names = g_string_new (NULL);
  g_autofree char *p_reason = NULL;
  g_autofree char *reason = NULL;
  gboolean blank;

  note_path (c, "empty_tables");
  if (row < 0)
    {
      g_string_free (names, TRUE);
      return FALSE;
    }
  tables = jue_template_tables_of_key (tmpl, key);
  for (guint i = 0; i < tables->len; i++)
    {
      const JueTemplateTable *t = jue_template_table (tmpl, g_array_index (tables, guint, i));
      g_autoptr (GHashTable) vars = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree char *name = NULL;

      g_hash_table_insert (vars, "number", t->number);
      g_hash_table_insert (vars, "title", t->title);
      name = jue_phrases_expand (c->phrases, c->section->id, "empty_table", vars, NULL);
      if (names->len)
        g_string_append (names, sep);
      g_string_append (names, name ? name : "");
    }
  p_reason = g_strdup_printf ("empty_tables[%d].reason", row);
  reason = fmt_field_full (c, p_reason, TRUE, &blank, NULL);
  add_case (c, "marked");
  if (blank || *reason == '\0')
    add_case (c, "no_reason");
  set_var (c, "empty_tables", g_string_free (names, FALSE));
  set_var (c, "empty_reason", link_text (c, p_reason, g_steal_pointer (&reason)));
  return TRUE;
}

static void
fill_s1 (Ctx *c)
{
  JueValue in = computed (c, "income.grand_total");
  JueValue out = computed (c, "expenditure.grand_total");

  if (in.defined && out.defined && in.value != out.value)
    add_case (c, "unequal");
  set_computed (c, "total", "income.grand_total");
  set_computed (c, "expenditure_total", "expenditure.grand_total");
  set_change (c, "income.change", "income.change_pct", "overview.change_reason");
  note_path (c, "overview.previous_income_total");
}

static void
fill_s2 (Ctx *c)
{
  if (total_is_empty (c, "income.total"))
    add_case (c, "empty");
  set_computed (c, "total", "income.total");
  set_lines (c, "income", "income");
}

static void
fill_s3 (Ctx *c)
{
  if (total_is_empty (c, "expenditure.total"))
    add_case (c, "empty");
  set_computed (c, "total", "expenditure.total");
  set_lines (c, "expenditure", "expenditure");
}

static void
fill_s4 (Ctx *c)
{
  JueValue in = computed (c, "appropriation.income_grand_total");
  JueValue out = computed (c, "appropriation.expenditure_grand_total");

  if (in.defined && out.defined && in.value != out.value)
    add_case (c, "unequal");
  set_computed (c, "total", "appropriation.income_grand_total");
  set_computed (c, "expenditure_total", "appropriation.expenditure_grand_total");
  set_change (c, "appropriation.change", "appropriation.change_pct",
              "appropriation.change_reason");
  note_path (c, "appropriation.previous_total");
}

static void
fill_s5_1 (Ctx *c)
{
  set_field (c, "amount", "appropriation.expenditure_general_budget");
  set_computed (c, "share", "appropriation.general_budget.share");
  set_change (c, "appropriation.general_budget.change", "appropriation.general_budget.change_pct",
              "appropriation.general_budget_change_reason");
  note_path (c, "appropriation.previous_general_budget");
}

/* The 类 as the classification names it (by code; for a class typed
 * without a code, the 类 whose name begins with the typed name), else as
 * typed: the seed's rows say 社会保障和就业, its structure sentence
 * 社会保障和就业支出. */
char *
jue_narrative_class_name (const JueFunctionalClassComputed *cl,
                          GPtrArray                        *classification)
{
  if (classification == NULL || classification->len == 0)
    classification = jue_classification_builtin ();
  for (guint i = 0; *cl->code && i < classification->len; i++)
    {
      const JueClassEntry *e = classification->pdata[i];
      if (e->level == 1 && strcmp (e->code, cl->code) == 0)
        return g_strdup (e->name);
    }
  for (guint i = 0; cl->name && *cl->name && i < classification->len; i++)
    {
      const JueClassEntry *e = classification->pdata[i];
      if (e->level == 1 && g_str_has_prefix (e->name, cl->name))
        return g_strdup (e->name);
    }
  return g_strdup (cl->name ? cl->name : "");
}

static void
fill_s5_2 (Ctx *c)
{
  const char *sep = phrase (c, "item_separator");
  GString *items = g_string_new (NULL);

  if (total_is_empty (c, "functional_total.actual") || c->computed->functional_classes->len == 0)
    add_case (c, "empty");
  set_computed (c, "total", "functional_total.actual");
  for (guint i = 0; i < c->computed->functional_classes->len; i++)
    {
      const JueFunctionalClassComputed *cl =
        &g_array_index (c->computed->functional_classes, JueFunctionalClassComputed, i);
      g_autofree char *item = NULL;
      g_autofree char *p_actual = g_strdup_printf ("functional_classes[%u].actual", i);
      g_autofree char *p_share = g_strdup_printf ("functional_classes[%u].share", i);

      set_var (c, "label", jue_narrative_class_name (cl, c->classification));
      set_var (c, "amount", link_text (c, p_actual, fmt_value (c, &cl->actual, FALSE)));
      set_var (c, "share", link_text (c, p_share, fmt_value (c, &cl->share, FALSE)));
      item = jue_phrases_expand (c->phrases, c->section->id, "item", c->vars, NULL);
      if (items->len)
        g_string_append (items, sep);
      g_string_append (items, item);
    }
  set_var (c, "items", g_string_free (items, FALSE));
  note_path (c, "functional");
}

static void
fill_s5_3 (Ctx *c)
{
  GPtrArray *rows = c->report->functional;

  if (total_is_empty (c, "functional_total.actual") || rows->len == 0)
    add_case (c, "empty");
  set_computed (c, "total", "functional_total.actual");
  set_computed (c, "completion", "functional_total.completion");
  note_path (c, "functional");
}

/* s5.3's item lines: one paragraph per 项. */
static void
add_s5_3_items (Ctx *c)
{
  GPtrArray *rows = c->report->functional;

  for (guint i = 0; i < rows->len && c->computed->functional->len == rows->len; i++)
    {
      const JueFunctionalRowComputed *rc =
        &g_array_index (c->computed->functional, JueFunctionalRowComputed, i);
      g_autofree char *p_class = g_strdup_printf ("functional[%u].class_name", i);
      g_autofree char *p_kuan = g_strdup_printf ("functional[%u].kuan_name", i);
      g_autofree char *p_xiang = g_strdup_printf ("functional[%u].xiang_name", i);
      g_autofree char *p_actual = g_strdup_printf ("functional[%u].actual", i);
      g_autofree char *p_budget = g_strdup_printf ("functional[%u].budget", i);
      g_autofree char *p_completion = g_strdup_printf ("functional[%u].completion", i);
      const char *cases[] = { NULL, NULL };
      char *line;

      set_var (c, "n", g_strdup_printf ("%u", i + 1));
      set_field (c, "class", p_class);
      set_field (c, "kuan", p_kuan);
      set_field (c, "xiang", p_xiang);
      set_field (c, "amount", p_actual);
      note_path (c, p_budget);
      set_var (c, "completion", link_text (c, p_completion,
                                           fmt_value (c, &rc->completion, FALSE)));
      if (!rc->completion.defined && rc->completion.reason == JUE_UNDEFINED_NO_BUDGET)
        cases[0] = "no_budget";
      line = jue_phrases_expand (c->phrases, c->section->id, "item", c->vars, cases);
      g_ptr_array_add (c->section->paragraphs, line);
    }
}

static void
fill_s6 (Ctx *c)
{
  set_computed (c, "total", "basic.total");
  set_field (c, "personnel", "basic.personnel");
  set_field (c, "personnel_items", "basic.personnel_items");
  set_field (c, "public", "basic.public");
  set_field (c, "public_items", "basic.public_items");
}

static void
set_completion (Ctx        *c,
                const char *path)
{
  JueValue v = computed (c, path);

  if (!v.defined && v.reason == JUE_UNDEFINED_NO_BUDGET)
    add_case (c, "no_budget");
  set_var (c, "completion", link_text (c, path, fmt_value (c, &v, FALSE)));
}

static void
fill_s7_1 (Ctx *c)
{
  set_empty_mark (c, "three_public");
  set_computed (c, "actual", "three_public.total.actual");
  set_completion (c, "three_public.total.completion");
  set_change (c, "three_public.total.change", "three_public.total.change_pct",
              "three_public.reason");
  note_path (c, "three_public.abroad.actual");
  note_path (c, "three_public.vehicle.actual");
  note_path (c, "three_public.reception.actual");
}

static void
fill_s7_2 (Ctx *c)
{
  static const char * const items[] = { "abroad", "vehicle", "reception" };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *path = g_strdup_printf ("three_public.%s.actual", items[i]);
      g_autofree char *share = g_strdup_printf ("three_public.%s.share", items[i]);
      g_autofree char *name = g_strdup_printf ("%s_share", items[i]);

      set_field (c, items[i], path);
      set_computed (c, name, share);
    }
}

static void
fill_s7_abroad (Ctx *c)
{
  gboolean blank;
  g_autofree char *purpose = fmt_field_full (c, "three_public.abroad.purpose", TRUE, &blank, NULL);

  set_field (c, "actual", "three_public.abroad.actual");
  set_completion (c, "three_public.abroad.completion");
  set_field (c, "groups", "three_public.abroad.groups");
  set_field (c, "persons", "three_public.abroad.persons");
  set_change (c, "three_public.abroad.change", "three_public.abroad.change_pct",
              "three_public.abroad.reason");
  if (blank || *purpose == '\0')
    add_case (c, "no_purpose");
  set_var (c, "purpose", g_steal_pointer (&purpose));
}

static void
fill_s7_vehicle (Ctx *c)
{
  set_field (c, "actual", "three_public.vehicle.actual");
  set_completion (c, "three_public.vehicle.completion");
  set_change (c, "three_public.vehicle.change", "three_public.vehicle.change_pct",
              "three_public.vehicle.reason");
  set_field (c, "purchase", "three_public.vehicle.purchase.actual");
  set_computed (c, "vehicles", "three_public.vehicle.count");
  set_field (c, "sedans", "three_public.vehicle.sedans");
  set_field (c, "suvs", "three_public.vehicle.suvs");
  set_field (c, "buses", "three_public.vehicle.buses");
  set_field (c, "operation", "three_public.vehicle.operation.actual");
  set_field (c, "use", "three_public.vehicle.operation.use");
}

/* "，共接待N批次、M人次" when any were received. */
static char *
visits (Ctx        *c,
        const char *part)
{
  g_autofree char *pb = g_strdup_printf ("three_public.reception.%s.batches", part);
  g_autofree char *pp = g_strdup_printf ("three_public.reception.%s.persons", part);
  gint64 batches, persons;
  g_autofree char *b = fmt_field_full (c, pb, TRUE, NULL, &batches);
  g_autofree char *p = fmt_field_full (c, pp, TRUE, NULL, &persons);
  g_autoptr (GHashTable) vars = g_hash_table_new (g_str_hash, g_str_equal);
  const char *none[] = { "none", NULL };

  g_hash_table_insert (vars, "batches", b);
  g_hash_table_insert (vars, "persons", p);
  return jue_phrases_expand (c->phrases, c->section->id, "visits", vars,
                             batches == 0 && persons == 0 ? none : NULL);
}

static void
fill_s7_reception (Ctx *c)
{
  set_field (c, "actual", "three_public.reception.actual");
  set_completion (c, "three_public.reception.completion");
  set_change (c, "three_public.reception.change", "three_public.reception.change_pct",
              "three_public.reception.reason");
  set_field (c, "domestic", "three_public.reception.domestic.actual");
  set_field (c, "foreign", "three_public.reception.foreign.actual");
  set_var (c, "domestic_visits", visits (c, "domestic"));
  set_var (c, "foreign_visits", visits (c, "foreign"));
}

/* 八 and 九: the fund's expenditure, and the mark when its table is marked
 * empty; its explanation follows unless it only repeats what is said (the
 * sample types the generated sentence; a file of schema 4 has the mark's
 * reason there too). */
static void
fill_fund (Ctx        *c,
           const char *fund)
{
  g_autofree char *p_exp = g_strconcat (fund, ".expenditure", NULL);
  g_autofree char *p_change = g_strconcat (fund, ".change", NULL);
  g_autofree char *p_pct = g_strconcat (fund, ".change_pct", NULL);
  g_autofree char *p_reason = g_strconcat (fund, ".reason", NULL);
  g_autofree char *p_prev = g_strconcat (fund, ".previous", NULL);
  g_autofree char *explanation = NULL;
  g_autofree char *so_far = NULL;
  gboolean blank;
  gint64 amount;
  char *a = fmt_field_full (c, p_exp, TRUE, &blank, &amount);

  set_empty_mark (c, fund);
  if (!blank && amount == 0)
    add_case (c, "empty");
  set_var (c, "amount", a);
  set_change (c, p_change, p_pct, NULL);
  note_path (c, p_prev);
  set_var (c, "explanation", g_strdup (""));
  explanation = fmt_field_full (c, p_reason, FALSE, &blank, NULL);
  g_ptr_array_add (c->cases, NULL);
  so_far = jue_phrases_expand (c->phrases, c->section->id, "text", c->vars,
                               (const char * const *) c->cases->pdata);
  g_ptr_array_remove_index (c->cases, c->cases->len - 1);
  if (c->linked)
    {
      char *plain = jue_narrative_strip_links (so_far);
      g_free (so_far);
      so_far = plain;
    }
  if (!blank && *explanation)
    {
      g_autofree char *said = clause_text (explanation);

      if (strstr (so_far, said) == NULL)
        set_var (c, "explanation", g_steal_pointer (&explanation));
    }
}

static void
fill_s8 (Ctx *c)
{
  fill_fund (c, "gov_fund");
}

static void
fill_s9 (Ctx *c)
{
  fill_fund (c, "state_capital");
}

static void
fill_s10_1 (Ctx *c)
{
  set_field (c, "amount", "other.operating_cost");
  set_change (c, "other.operating_cost.change", "other.operating_cost.change_pct",
              "other.operating_cost_reason");
  note_path (c, "other.operating_cost_previous");
}

static void
fill_s10_2 (Ctx *c)
{
  set_computed (c, "total", "other.procurement.total");
  set_field (c, "goods", "other.procurement.goods");
  set_field (c, "works", "other.procurement.works");
  set_field (c, "services", "other.procurement.services");
  set_field (c, "sme", "other.procurement.sme");
  set_field (c, "small_micro", "other.procurement.small_micro");
  set_computed (c, "sme_share", "other.procurement.sme_share");
  set_computed (c, "small_micro_share", "other.procurement.small_micro_share");
}

static void
fill_s10_3 (Ctx *c)
{
  set_computed (c, "vehicles", "other.assets.vehicles_total");
  set_lines (c, "other.assets", NULL);
  set_field (c, "equipment", "other.assets.equipment_over_1m");
}

static void
fill_s10_4 (Ctx *c)
{
  set_var (c, "performance_text", fmt_field_full (c, "other.performance_text", FALSE, NULL, NULL));
}

static void
fill_p1_duties (Ctx *c)
{
  set_var (c, "duties", fmt_field_full (c, "profile.duties", FALSE, NULL, NULL));
}

static void
fill_p1_structure (Ctx *c)
{
  set_var (c, "structure", fmt_field_full (c, "profile.structure", FALSE, NULL, NULL));
}

static void
add_glossary_items (Ctx *c)
{
  GPtrArray *rows = c->report->glossary;

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *p_term = g_strdup_printf ("glossary[%u].term", i);
      g_autofree char *p_def = g_strdup_printf ("glossary[%u].definition", i);

      set_var (c, "n", g_strdup_printf ("%u", i + 1));
      set_var (c, "term", fmt_field_full (c, p_term, TRUE, NULL, NULL));
      set_var (c, "definition", fmt_field_full (c, p_def, FALSE, NULL, NULL));
      g_ptr_array_add (c->section->paragraphs,
                       jue_phrases_expand (c->phrases, c->section->id, "item", c->vars, NULL));
    }
}

/* After the typed entries, each 项 the report uses that none of them
 * defines: its 类/款/项 names and a visible mark where the definition goes
 * (the classification tables have no definitions; jue-glossary.h). */
static void
add_code_items (Ctx *c)
{
  g_autoptr (GPtrArray) codes = jue_glossary_codes (c->report, c->classification);
  guint n = c->report->glossary->len;

  for (guint i = 0; i < codes->len; i++)
    {
      const JueGlossaryCode *code = codes->pdata[i];

      if (code->defined)
        continue;
      set_var (c, "n", g_strdup_printf ("%u", ++n));
      set_var (c, "term", g_strdup (code->term));
      set_var (c, "definition", link_text (c, "glossary", g_strdup (phrase (c, "missing_definition"))));
      c->section->n_missing++;
      g_ptr_array_add (c->section->paragraphs,
                       jue_phrases_expand (c->phrases, c->section->id, "item", c->vars, NULL));
    }
  note_path (c, "glossary");
}

typedef struct {
  const char *id;
  void (*fill) (Ctx *c);          /* variables of "text"; NULL: heading only */
  void (*items) (Ctx *c);         /* paragraphs after "text", or NULL */
} SectionWriter;

static const SectionWriter writers[] = {
  { "p1.duties", fill_p1_duties, NULL },
  { "p1.structure", fill_p1_structure, NULL },
  { "s1", fill_s1, NULL },
  { "s2", fill_s2, NULL },
  { "s3", fill_s3, NULL },
  { "s4", fill_s4, NULL },
  { "s5", NULL, NULL },
  { "s5.1", fill_s5_1, NULL },
  { "s5.2", fill_s5_2, NULL },
  { "s5.3", fill_s5_3, add_s5_3_items },
  { "s6", fill_s6, NULL },
  { "s7", NULL, NULL },
  { "s7.1", fill_s7_1, NULL },
  { "s7.2", fill_s7_2, NULL },
  { "s7.abroad", fill_s7_abroad, NULL },
  { "s7.vehicle", fill_s7_vehicle, NULL },
  { "s7.reception", fill_s7_reception, NULL },
  { "s8", fill_s8, NULL },
  { "s9", fill_s9, NULL },
  { "s10", NULL, NULL },
  { "s10.1", fill_s10_1, NULL },
  { "s10.2", fill_s10_2, NULL },
  { "s10.3", fill_s10_3, NULL },
  { "s10.4", fill_s10_4, NULL },
  { "p3.glossary", NULL, add_glossary_items },
  { "p3.codes", NULL, add_code_items },
};

/* ---- assembly ---------------------------------------------------------- */

static void
section_free (JueNarrativeSection *s)
{
  g_free (s->id);
  g_free (s->heading);
  g_ptr_array_unref (s->paragraphs);
  g_free (s->figure);
  g_free (s->caption);
  g_ptr_array_unref (s->paths);
  g_free (s);
}

static void
part_free (JueNarrativePart *p)
{
  g_free (p->id);
  g_free (p->title);
  g_ptr_array_unref (p->sections);
  g_free (p);
}

/* Splits text into paragraphs at line breaks; blank lines are dropped. */
static void
add_paragraphs (GPtrArray  *paragraphs,
                const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      char *p = g_strstrip (g_strdup (lines[i]));
      if (*p)
        g_ptr_array_add (paragraphs, p);
      else
        g_free (p);
    }
}

static JueNarrativeSection *
write_section (Ctx                 *c,
               const SectionWriter *w)
{
  JueNarrativeSection *s = g_new0 (JueNarrativeSection, 1);
  const char *figure;

  s->id = g_strdup (w->id);
  s->paragraphs = g_ptr_array_new_with_free_func (g_free);
  s->paths = g_ptr_array_new_with_free_func (g_free);
  c->section = s;
  c->vars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c->cases = g_ptr_array_new_with_free_func (g_free);
  set_year (c);

  if (w->fill)
    w->fill (c);
  g_ptr_array_add (c->cases, NULL);
  s->heading = jue_phrases_expand (c->phrases, s->id, "heading", c->vars, NULL);
  if (w->fill)
    {
      g_autofree char *text = jue_phrases_expand (c->phrases, s->id, "text", c->vars,
                                                  (const char * const *) c->cases->pdata);
      if (text)
        add_paragraphs (s->paragraphs, text);
    }
  if (w->items)
    w->items (c);
  if ((figure = jue_phrases_lookup (c->phrases, s->id, "figure", NULL)) != NULL)
    {
      g_autofree char *group = g_strconcat ("chart.", figure, NULL);

      s->figure = g_strdup (figure);
      set_var (c, "figure_number", g_strdup_printf ("%u", ++c->n_figures));
      set_var (c, "figure_title", jue_phrases_expand (c->phrases, group, "title", c->vars, NULL));
      s->caption = jue_phrases_expand (c->phrases, s->id, "caption", c->vars, NULL);
    }
  g_clear_pointer (&c->vars, g_hash_table_unref);
  g_clear_pointer (&c->cases, g_ptr_array_unref);
  c->section = NULL;
  return s;
}

static const SectionWriter *
find_writer (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    if (strcmp (writers[i].id, id) == 0)
      return &writers[i];
  return NULL;
}

const JuePhrases *
jue_narrative_phrases_for (const JueReport *report)
{
  return jue_phrases_get (report->profile.template);
}

static JueNarrative *
narrative_new (const JueReport   *report,
               const JueComputed *computed,
               GPtrArray         *classification,
               gboolean           linked)
{
  g_autoptr (JueComputed) own = NULL;
  JueNarrative *n = g_new0 (JueNarrative, 1);
  Ctx c = { 0 };
  g_auto (GStrv) parts = NULL;

  g_return_val_if_fail (report != NULL, NULL);
  if (computed == NULL)
    {
      own = jue_computed_new ();
      jue_computed_update (own, report);
      computed = own;
    }
  if (classification == NULL || classification->len == 0)
    classification = jue_classification_builtin ();
  c.report = (JueReport *) report;
  c.computed = computed;
  c.phrases = n->phrases = jue_narrative_phrases_for (report);
  c.classification = classification;
  c.linked = linked;

  n->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  parts = jue_phrases_list (c.phrases, "phrases", "parts");
  for (guint i = 0; parts && parts[i]; i++)
    {
      JueNarrativePart *p = g_new0 (JueNarrativePart, 1);
      g_auto (GStrv) ids = jue_phrases_list (c.phrases, parts[i], "sections");
      g_autoptr (GHashTable) vars = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

      p->id = g_strdup (parts[i]);
      p->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
      g_hash_table_insert (vars, "year", jue_integer_canonical (report->profile.year));
      p->title = jue_phrases_expand (c.phrases, parts[i], "title", vars, NULL);
      for (guint k = 0; ids && ids[k]; k++)
        {
          const SectionWriter *w = find_writer (ids[k]);
          JueNarrativeSection *s;

          if (w == NULL)
            {
              g_warning ("phrases %s: no writer for section %s", jue_phrases_id (c.phrases), ids[k]);
              continue;
            }
          s = write_section (&c, w);
          n->n_missing += s->n_missing;
          g_ptr_array_add (p->sections, s);
        }
      g_ptr_array_add (n->parts, p);
    }
  return n;
}

JueNarrative *
jue_narrative_new (const JueReport   *report,
                   const JueComputed *computed,
                   GPtrArray         *classification)
{
  return narrative_new (report, computed, classification, FALSE);
}

JueNarrative *
jue_narrative_new_linked (const JueReport   *report,
                          const JueComputed *computed,
                          GPtrArray         *classification)
{
  return narrative_new (report, computed, classification, TRUE);
}

char *
jue_narrative_dept_eval_title (const JueReport *report)
{
  const char *name = report->dept_eval.name && *report->dept_eval.name
                       ? report->dept_eval.name : report->profile.name;
  g_autofree char *unit = g_strstrip (g_strdup (name ? name : ""));

  if (g_str_has_suffix (unit, "部门"))
    unit[strlen (unit) - strlen ("部门")] = '\0';
  return g_strconcat (unit, "部门整体支出绩效自评报告", NULL);
}

void
jue_narrative_free (JueNarrative *n)
{
  if (n == NULL)
    return;
  g_ptr_array_unref (n->parts);
  g_free (n);
}

const JueNarrativePart *
jue_narrative_get_part (const JueNarrative *n,
                        const char         *id)
{
  for (guint i = 0; i < n->parts->len; i++)
    {
      const JueNarrativePart *p = n->parts->pdata[i];
      if (strcmp (p->id, id) == 0)
        return p;
    }
  return NULL;
}

const JueNarrativeSection *
jue_narrative_get_section (const JueNarrative *n,
                           const char         *id)
{
  for (guint i = 0; i < n->parts->len; i++)
    {
      const JueNarrativePart *p = n->parts->pdata[i];
      for (guint k = 0; k < p->sections->len; k++)
        {
          const JueNarrativeSection *s = p->sections->pdata[k];
          if (strcmp (s->id, id) == 0)
            return s;
        }
    }
  return NULL;
}

static void
append_section (GString                   *out,
                const JueNarrativeSection *s)
{
  if (s->heading && *s->heading)
    g_string_append_printf (out, "%s\n", s->heading);
  for (guint i = 0; i < s->paragraphs->len; i++)
    g_string_append_printf (out, "%s\n", (char *) s->paragraphs->pdata[i]);
  if (s->caption && *s->caption)
    g_string_append_printf (out, "%s\n", s->caption);
}

char *
jue_narrative_section_text (const JueNarrativeSection *s)
{
  GString *out = g_string_new (NULL);

  append_section (out, s);
  return g_string_free (out, FALSE);
}

char *
jue_narrative_to_text (const JueNarrative *n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n->parts->len; i++)
    {
      const JueNarrativePart *p = n->parts->pdata[i];

      if (i > 0)
        g_string_append (out, "\n");
      g_string_append_printf (out, "%s\n", p->title ? p->title : "");
      for (guint k = 0; k < p->sections->len; k++)
        {
          const JueNarrativeSection *s = p->sections->pdata[k];
          /* a heading-only section (五、…) runs straight into its first
             subsection */
          g_string_append (out, "\n");
          append_section (out, s);
          if (s->paragraphs->len == 0 && k + 1 < p->sections->len)
            {
              s = p->sections->pdata[++k];
              append_section (out, s);
            }
        }
    }
  return g_string_free (out, FALSE);
}
