/* jue-consolidate.c — a department's report from its units' (jue-consolidate.h). */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "jue-consolidate.h"
#include "jue-empty.h"

void
jue_consolidation_free (JueConsolidation *c)
{
  if (c == NULL)
    return;
  g_clear_pointer (&c->report, jue_report_free);
  g_clear_pointer (&c->provenance, g_ptr_array_unref);
  g_clear_pointer (&c->eliminated, g_ptr_array_unref);
  g_free (c);
}

static JueUnit *
unit_at (GPtrArray *units,
         guint      i)
{
  return units->pdata[i];
}

/* ---- refusals ------------------------------------------------------------ */

static const char *
template_of (const JueReport *r)
{
  return r->profile.template && *r->profile.template ? r->profile.template : "national";
}

typedef struct {
  char *path;
  char *text;
} FirstUnreadable;

static void
note_unreadable (const char        *path,
                 const JueFieldRef *ref,
                 gpointer           user_data)
{
  FirstUnreadable *f = user_data;

  if (f->path == NULL)
    {
      f->path = g_strdup (path);
      f->text = g_strdup (jue_field_get_unreadable (ref));
    }
}

static gboolean
check_units (GPtrArray  *units,
             GError    **error)
{
  const JueReport *first = unit_at (units, 0)->report;

  for (guint i = 0; i < units->len; i++)
    {
      const JueUnit *u = unit_at (units, i);
      const JueReport *r = u->report;
      FirstUnreadable f = { NULL, NULL };

      jue_report_foreach_unreadable (r, note_unreadable, &f);
      if (f.path)
        {
          g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                       _("%s holds a value that cannot be read (%s: “%s”); correct it "
                         "before consolidating"), u->name, f.path, f.text ? f.text : "");
          g_free (f.path);
          g_free (f.text);
          return FALSE;
        }
      if (!r->profile.year.set)
        {
          g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                       _("%s has no year; every unit must be of the same year"), u->name);
          return FALSE;
        }
      if (r->profile.year.value != first->profile.year.value)
        {
          g_autofree char *y1 = g_strdup_printf ("%" G_GINT64_FORMAT, r->profile.year.value);
          g_autofree char *y0 = g_strdup_printf ("%" G_GINT64_FORMAT, first->profile.year.value);
          g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                       _("%s is of %s, %s of %s; units of different years cannot be consolidated"),
                       u->name, y1, unit_at (units, 0)->name, y0);
          return FALSE;
        }
      if (strcmp (template_of (r), template_of (first)) != 0)
        {
          g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                       _("%s follows the template “%s”, %s the template “%s”; units of "
                         "different templates cannot be consolidated"),
                       u->name, template_of (r), unit_at (units, 0)->name, template_of (first));
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- sums ---------------------------------------------------------------- */

static void
add_amount (JueAmount       *dst,
            const JueAmount *src)
{
  if (!src->set)
    return;
  if (!dst->set)
    *dst = *src;
  else
    dst->fen += src->fen;
}

static void
add_integer (JueInteger       *dst,
             const JueInteger *src)
{
  if (!src->set)
    return;
  if (!dst->set)
    *dst = *src;
  else
    dst->value += src->value;
}

static gboolean
is_figure (const JueFieldDef *f)
{
  return f->kind == JUE_KIND_AMOUNT || f->kind == JUE_KIND_INTEGER;
}

static void
add_field (const JueFieldDef *f,
           gpointer           dst,
           gconstpointer      src)
{
  if (f->kind == JUE_KIND_AMOUNT)
    add_amount (dst, src);
  else if (f->kind == JUE_KIND_INTEGER)
    add_integer (dst, src);
}

typedef struct {
  JueConsolidation *c;
  JueReport        *out;
  const char       *unit;
  gboolean          add;       /* FALSE for the department (already in out) */
} SumWalk;

static void
provenance_line (JueConsolidation  *c,
                 const char        *path,
                 const char        *unit,
                 const JueFieldRef *ref)
{
  g_autofree char *value = jue_field_get_text (ref);

  if (value && *value)
    g_ptr_array_add (c->provenance, g_strdup_printf ("%s\t%s\t%s", path, unit, value));
}

static void
sum_one (const char        *path,
         const JueFieldRef *ref,
         gpointer           user_data)
{
  SumWalk *w = user_data;
  JueFieldRef dst;

  /* the year and the change threshold are the department's, not sums */
  if (!is_figure (ref->def) || strchr (path, '[') || strcmp (path, "profile.year") == 0 ||
      g_str_has_prefix (path, "profile.change_threshold"))
    return;
  provenance_line (w->c, path, w->unit, ref);
  if (w->add && jue_report_resolve (w->out, path, &dst, NULL))
    add_field (ref->def, dst.ptr, ref->ptr);
}

static const char * const summed_records[] = {
  "profile", "income", "expenditure", "overview", "appropriation", "basic", "three_public",
  "gov_fund", "state_capital", "other", NULL };

/* A row's identity: its code, or its names (one-line texts). */
static char *
row_key (const JueRecordDef *def,
         gconstpointer       row)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < def->n_fields; i++)
    {
      const JueFieldDef *f = &def->fields[i];
      const char *v;

      /* a reason (multi-line) explains the row; it does not name it */
      if (f->kind != JUE_KIND_TEXT || (f->flags & JUE_FIELD_MULTILINE))
        continue;
      v = *(char * const *) ((const guint8 *) row + f->offset);
      if (strcmp (f->name, "code") == 0 && v && *v)
        {
          g_string_assign (key, v);
          return g_string_free (key, FALSE);
        }
      if (strcmp (f->name, "code") != 0)
        g_string_append_printf (key, "\x1f%s", v ? v : "");
    }
  return g_string_free (key, FALSE);
}

typedef struct {
  guint         unit;
  gconstpointer row;
} Contribution;

static const char * const summed_lists[] = {
  "functional", "accounts", "economic", "gov_fund.rows", "state_capital.rows", NULL };

/* Sums the rows of one list by key; contributions[i] lists who gave out row i. */
static GPtrArray *
sum_list (JueReport  *out,
          GPtrArray  *units,
          guint       department,
          const char *list)
{
  JueFieldRef ref;
  GPtrArray *rows, *contributions;
  const JueRecordDef *elem;
  g_autoptr (GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!jue_report_resolve (out, list, &ref, NULL))
    g_return_val_if_reached (NULL);
  rows = *(GPtrArray **) ref.ptr;
  elem = ref.def->extra;
  contributions = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      GArray *who = g_array_new (FALSE, FALSE, sizeof (Contribution));
      Contribution c = { department, NULL };
      const GPtrArray *dept_rows;
      JueFieldRef dref;

      jue_report_resolve (unit_at (units, department)->report, list, &dref, NULL);
      dept_rows = *(GPtrArray **) dref.ptr;
      c.row = dept_rows->pdata[i];
      g_array_append_val (who, c);
      g_ptr_array_add (contributions, who);
      g_hash_table_insert (index, row_key (elem, rows->pdata[i]), GUINT_TO_POINTER (i + 1));
    }
  for (guint u = 0; u < units->len; u++)
    {
      JueFieldRef uref;
      GPtrArray *urows;

      if (u == department)
        continue;
      jue_report_resolve (unit_at (units, u)->report, list, &uref, NULL);
      urows = *(GPtrArray **) uref.ptr;
      for (guint k = 0; k < urows->len; k++)
        {
          g_autofree char *key = row_key (elem, urows->pdata[k]);
          guint at = GPOINTER_TO_UINT (g_hash_table_lookup (index, key));
          Contribution c = { u, urows->pdata[k] };

          if (at == 0)
            {
              g_ptr_array_add (rows, jue_record_copy (elem, urows->pdata[k]));
              g_ptr_array_add (contributions, g_array_new (FALSE, FALSE, sizeof (Contribution)));
              at = rows->len;
              g_hash_table_insert (index, g_steal_pointer (&key), GUINT_TO_POINTER (at));
            }
          else
            for (guint f = 0; f < elem->n_fields; f++)
              if (is_figure (&elem->fields[f]))
                add_field (&elem->fields[f],
                           (guint8 *) rows->pdata[at - 1] + elem->fields[f].offset,
                           (const guint8 *) urows->pdata[k] + elem->fields[f].offset);
          g_array_append_val (contributions->pdata[at - 1], c);
        }
    }
  return contributions;
}

static void
list_provenance (JueConsolidation *c,
                 GPtrArray        *units,
                 const char       *list,
                 GPtrArray        *contributions)
{
  JueFieldRef ref;
  const JueRecordDef *elem;

  jue_report_resolve (c->report, list, &ref, NULL);
  elem = ref.def->extra;
  for (guint i = 0; i < contributions->len; i++)
    {
      GArray *who = contributions->pdata[i];
      for (guint f = 0; f < elem->n_fields; f++)
        {
          const JueFieldDef *fd = &elem->fields[f];
          g_autofree char *path = NULL;

          if (!is_figure (fd))
            continue;
          path = g_strdup_printf ("%s[%u].%s", list, i, fd->name);
          for (guint k = 0; k < who->len; k++)
            {
              const Contribution *cb = &g_array_index (who, Contribution, k);
              JueFieldRef cell = { fd, (guint8 *) cb->row + fd->offset, -1, elem };
              provenance_line (c, path, unit_at (units, cb->unit)->name, &cell);
            }
        }
    }
}

/* ---- evaluations and the glossary ----------------------------------------- */

static void
append_special_funds (JueReport       *out,
                      const JueReport *unit)
{
  for (guint i = 0; i < unit->special_funds->len; i++)
    {
      JueSpecialFund *f = jue_record_copy (&JueSpecialFund_def, unit->special_funds->pdata[i]);
      if ((f->budget_unit == NULL || *f->budget_unit == '\0') && unit->profile.name)
        {
          g_free (f->budget_unit);
          f->budget_unit = g_strdup (unit->profile.name);
        }
      g_ptr_array_add (out->special_funds, f);
    }
}

/* Another unit's department-wide evaluation, kept as an attachment. */
static void
append_dept_eval (JueReport       *out,
                  const JueReport *unit,
                  const char      *unit_name)
{
  const JueDeptEval *e = &unit->dept_eval;
  JueSpecialFund *f = jue_record_new (&JueSpecialFund_def);
  const char *name = unit->profile.name && *unit->profile.name ? unit->profile.name : unit_name;
  GString *tasks = g_string_new (NULL);

  /* TRANSLATORS: the title of another unit's department-wide self-evaluation,
   * kept in a consolidated report */
  f->title = g_strdup_printf (_("%s department-wide self-evaluation (attachment)"), name);
  f->project_name = g_strdup (f->title);
  f->budget_unit = g_strdup (name);
  /* its budget execution as the evaluation had it: executed / adjusted
   * budget, so the attachment scores what the unit's evaluation scored */
  f->funds_total = e->budget_adjusted;
  f->funds_executed = e->budget_executed;
  f->target = g_strdup (e->target);
  f->template_total = e->template_total;
  f->self_score = e->self_score;
  for (guint i = 0; i < e->indicators->len; i++)
    g_ptr_array_add (f->indicators, jue_record_copy (&JueIndicator_def, e->indicators->pdata[i]));
  for (guint i = 0; i < e->tasks->len; i++)
    {
      const JueTask *t = e->tasks->pdata[i];
      g_string_append_printf (tasks, "%s%s：%s", tasks->len ? "\n" : "", t->name ? t->name : "",
                              t->content ? t->content : "");
    }
  if (tasks->len)
    {
      JueTextSection *s = jue_record_new (&JueTextSection_def);
      s->title = g_strdup (_("Main tasks"));
      s->body = g_string_free (g_steal_pointer (&tasks), FALSE);
      g_ptr_array_add (f->sections, s);
    }
  else
    g_string_free (tasks, TRUE);
  for (guint i = 0; i < e->sections->len; i++)
    g_ptr_array_add (f->sections, jue_record_copy (&JueTextSection_def, e->sections->pdata[i]));
  g_ptr_array_add (out->special_funds, f);
}

static void
merge_glossary (JueReport       *out,
                const JueReport *unit)
{
  for (guint i = 0; i < unit->glossary->len; i++)
    {
      const JueGlossaryEntry *g = unit->glossary->pdata[i];
      gboolean known = FALSE;

      for (guint k = 0; k < out->glossary->len && !known; k++)
        known = g_strcmp0 (((JueGlossaryEntry *) out->glossary->pdata[k])->term, g->term) == 0;
      if (!known)
        g_ptr_array_add (out->glossary, jue_record_copy (&JueGlossaryEntry_def, g));
    }
}

/* ---- elimination ------------------------------------------------------------ */

static void
eliminate_pair (JueConsolidation *c,
                JueAmount        *a,
                const char       *a_path,
                gint64            a_within,
                JueAmount        *b,
                const char       *b_path,
                gint64            b_within)
{
  gint64 e = MIN (a_within, b_within);
  g_autofree char *text = NULL;

  if (e <= 0 || !a->set || !b->set)
    return;
  a->fen -= e;
  b->fen -= e;
  text = jue_fen_display (e);
  /* TRANSLATORS: an elimination of a flow between consolidated units */
  g_ptr_array_add (c->eliminated, g_strdup_printf (_("%s and %s: %s eliminated from each"),
                                                   a_path, b_path, text));
}

static gint64
sum_fen (GPtrArray  *units,
         guint       skip,    /* G_MAXUINT: none */
         const char *path)
{
  gint64 total = 0;

  for (guint u = 0; u < units->len; u++)
    {
      JueFieldRef ref;
      if (u == skip || !jue_report_resolve (unit_at (units, u)->report, path, &ref, NULL))
        continue;
      if (((JueAmount *) ref.ptr)->set)
        total += ((JueAmount *) ref.ptr)->fen;
    }
  return total;
}

static gint64
row_sum (GArray     *who,
         gsize       offset,
         guint       skip)
{
  gint64 total = 0;

  for (guint k = 0; k < who->len; k++)
    {
      const Contribution *cb = &g_array_index (who, Contribution, k);
      const JueAmount *a = (const JueAmount *) ((const guint8 *) cb->row + offset);
      if (cb->unit != skip && a->set)
        total += a->fen;
    }
  return total;
}

/* The accounts rows (表2 收入决算表, 表3 支出决算表) lose, column by column,
 * what the overview lines lose, so each column's total still ties to its
 * line of 表1 (DOMAIN.md "How they tie"): the payer's column (from every
 * unit) against the receiver's (from every unit but the department, whose
 * own comes from outside).  First where both sides are in the same 项; a
 * flow the payer books under one 项 and the receiver under another is then
 * taken from the rows that hold it, in row order, so both columns lose the
 * same amount. */
static void
eliminate_rows (JueConsolidation *c,
                guint             department,
                GPtrArray        *accounts,
                gsize             payer_offset,
                const char       *payer,
                gsize             receiver_offset,
                const char       *receiver)
{
  GPtrArray *rows = c->report->accounts;
  g_autofree gint64 *a = g_new0 (gint64, rows->len + 1);
  g_autofree gint64 *b = g_new0 (gint64, rows->len + 1);
  gint64 total_a = 0, total_b = 0, left_a, left_b;

  for (guint i = 0; i < rows->len; i++)
    {
      const JueAmount *ra = (const JueAmount *) ((const guint8 *) rows->pdata[i] + payer_offset);
      const JueAmount *rb = (const JueAmount *) ((const guint8 *) rows->pdata[i] + receiver_offset);

      a[i] = ra->set ? CLAMP (row_sum (accounts->pdata[i], payer_offset, G_MAXUINT), 0, ra->fen) : 0;
      b[i] = rb->set ? CLAMP (row_sum (accounts->pdata[i], receiver_offset, department), 0,
                              rb->fen) : 0;
      total_a += a[i];
      total_b += b[i];
    }
  left_a = left_b = MIN (total_a, total_b);
  for (guint i = 0; i < rows->len && left_a > 0; i++)
    {
      gint64 e = MIN (MIN (a[i], b[i]), left_a);
      g_autofree char *pa = g_strdup_printf ("accounts[%u].%s", i, payer);
      g_autofree char *pb = g_strdup_printf ("accounts[%u].%s", i, receiver);

      eliminate_pair (c, (JueAmount *) ((guint8 *) rows->pdata[i] + payer_offset), pa, e,
                      (JueAmount *) ((guint8 *) rows->pdata[i] + receiver_offset), pb, e);
      if (e > 0)
        {
          a[i] -= e;
          b[i] -= e;
          left_a -= e;
          left_b -= e;
        }
    }
  for (guint side = 0; side < 2; side++)
    for (guint i = 0; i < rows->len; i++)
      {
        gint64 *avail = side == 0 ? a : b;
        gint64 *left = side == 0 ? &left_a : &left_b;
        gsize offset = side == 0 ? payer_offset : receiver_offset;
        gint64 e = MIN (avail[i], *left);
        JueAmount *cell = (JueAmount *) ((guint8 *) rows->pdata[i] + offset);
        g_autofree char *path = NULL, *text = NULL;

        if (e <= 0)
          continue;
        cell->fen -= e;
        *left -= e;
        path = g_strdup_printf ("accounts[%u].%s", i, side == 0 ? payer : receiver);
        text = jue_fen_display (e);
        /* TRANSLATORS: an elimination whose other side is in another row */
        g_ptr_array_add (c->eliminated,
                         g_strdup_printf (_("%s: %s eliminated (the other side is in another row)"),
                                          path, text));
      }
}

/* A subsidy to affiliated units goes to a unit of the group; the
 * department's own 上级补助收入 comes from outside it, the units' from the
 * department.  So: every unit's 对附属单位补助支出 against the other units'
 * 上级补助收入, and every unit's 附属单位上缴收入 against the other units'
 * 上缴上级支出 — in the overview lines (表1) and in the accounts rows'
 * columns (表2, 表3) alike.  The appropriation, functional and fund tables
 * hold money from the finance bureau, never a flow between the units. */
static void
eliminate (JueConsolidation *c,
           GPtrArray        *units,
           guint             department,
           GPtrArray        *accounts)
{
  JueReport *r = c->report;

  eliminate_pair (c, &r->expenditure.affiliated_subsidy, "expenditure.affiliated_subsidy",
                  sum_fen (units, G_MAXUINT, "expenditure.affiliated_subsidy"),
                  &r->income.superior_subsidy, "income.superior_subsidy",
                  sum_fen (units, department, "income.superior_subsidy"));
  eliminate_pair (c, &r->income.affiliated, "income.affiliated",
                  sum_fen (units, G_MAXUINT, "income.affiliated"),
                  &r->expenditure.to_superior, "expenditure.to_superior",
                  sum_fen (units, department, "expenditure.to_superior"));
  eliminate_rows (c, department, accounts, G_STRUCT_OFFSET (JueAccountRow, exp_affiliated),
                  "exp_affiliated", G_STRUCT_OFFSET (JueAccountRow, income_superior),
                  "income_superior");
  eliminate_rows (c, department, accounts, G_STRUCT_OFFSET (JueAccountRow, income_affiliated),
                  "income_affiliated", G_STRUCT_OFFSET (JueAccountRow, exp_to_superior),
                  "exp_to_superior");
}

/* ---- the whole ------------------------------------------------------------- */

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* A table marked empty (本表为空表) is empty in the department's tables
 * only when every unit marks it: else another unit's figures are in it. */
static void
keep_common_marks (JueReport *out,
                   GPtrArray *units)
{
  for (guint i = out->empty_tables->len; i-- > 0;)
    {
      const char *key = ((const JueEmptyTable *) out->empty_tables->pdata[i])->table;
      gboolean all = TRUE;

      for (guint u = 0; u < units->len && all; u++)
        all = jue_report_find_empty_table (unit_at (units, u)->report, key) >= 0;
      if (!all)
        {
          g_autofree char *item = g_strdup_printf ("empty_tables[%u]", i);
          jue_report_list_remove (out, item, NULL);
        }
    }
}

JueConsolidation *
jue_consolidate (GPtrArray  *units,
                 guint       department,
                 gboolean    eliminate_flows,
                 GError    **error)
{
  g_autoptr (JueConsolidation) c = g_new0 (JueConsolidation, 1);
  g_autoptr (GPtrArray) accounts = NULL;

  g_return_val_if_fail (units->len > 0 && department < units->len, NULL);
  if (!check_units (units, error))
    return NULL;
  c->report = jue_report_copy (unit_at (units, department)->report);
  c->provenance = g_ptr_array_new_with_free_func (g_free);
  c->eliminated = g_ptr_array_new_with_free_func (g_free);

  for (guint u = 0; u < units->len; u++)
    {
      SumWalk w = { c, c->report, unit_at (units, u)->name, u != department };
      for (guint k = 0; summed_records[k]; k++)
        jue_report_foreach (unit_at (units, u)->report, summed_records[k], sum_one, &w, NULL);
    }
  for (guint k = 0; summed_lists[k]; k++)
    {
      g_autoptr (GPtrArray) who = sum_list (c->report, units, department, summed_lists[k]);
      list_provenance (c, units, summed_lists[k], who);
      if (strcmp (summed_lists[k], "accounts") == 0)
        accounts = g_steal_pointer (&who);
    }
  for (guint u = 0; u < units->len; u++)
    if (u != department)
      {
        append_special_funds (c->report, unit_at (units, u)->report);
        merge_glossary (c->report, unit_at (units, u)->report);
      }
  for (guint u = 0; u < units->len; u++)
    if (u != department)
      append_dept_eval (c->report, unit_at (units, u)->report, unit_at (units, u)->name);
  keep_common_marks (c->report, units);
  if (eliminate_flows)
    eliminate (c, units, department, accounts);
  g_ptr_array_sort (c->provenance, compare_lines);
  return g_steal_pointer (&c);
}

/* ---- writing ---------------------------------------------------------------- */

typedef struct {
  JueReport *into;
} KeepTexts;

static void
keep_text (const char        *path,
           const JueFieldRef *ref,
           gpointer           user_data)
{
  KeepTexts *k = user_data;
  JueFieldRef dst;

  if (ref->def->kind != JUE_KIND_TEXT || g_str_has_prefix (path, "special_funds") ||
      jue_field_is_blank (ref))
    return;
  if (jue_report_resolve (k->into, path, &dst, NULL) && dst.def->kind == JUE_KIND_TEXT)
    {
      g_free (*(char **) dst.ptr);
      *(char **) dst.ptr = g_strdup (*(char **) ref->ptr);
    }
}

static gboolean
write_meta (JueDocument      *doc,
            JueConsolidation *c,
            GPtrArray        *units,
            guint             department,
            GError          **error)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) by_path = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *list = g_string_new (NULL);
  GHashTableIter it;
  gpointer k, v;

  for (guint u = 0; u < units->len; u++)
    g_string_append_printf (list, "%s%s\n", unit_at (units, u)->name,
                            u == department ? "\tdepartment" : "");
  g_ptr_array_add (keys, g_strdup ("consolidation:units"));
  g_ptr_array_add (values, g_string_free (list, FALSE));
  g_ptr_array_add (keys, g_strdup ("consolidation:eliminated"));
  {
    GString *e = g_string_new (NULL);
    for (guint i = 0; i < c->eliminated->len; i++)
      g_string_append_printf (e, "%s\n", (char *) c->eliminated->pdata[i]);
    g_ptr_array_add (values, g_string_free (e, FALSE));
  }
  for (guint i = 0; i < c->provenance->len; i++)
    {
      const char *line = c->provenance->pdata[i];
      const char *tab = strchr (line, '\t');
      g_autofree char *path = g_strndup (line, tab - line);
      GString *s = g_hash_table_lookup (by_path, path);

      if (s == NULL)
        {
          s = g_string_new (NULL);
          g_hash_table_insert (by_path, g_steal_pointer (&path), s);
        }
      g_string_append_printf (s, "%s\n", tab + 1);
    }
  g_hash_table_iter_init (&it, by_path);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      g_ptr_array_add (keys, g_strconcat ("provenance:", (char *) k, NULL));
      g_ptr_array_add (values, g_string_free (v, FALSE));
    }
  /* the strings went into values; the table still frees its keys (stealing
   * them all leaked one path per provenance line) */
  if (!jue_store_write_meta (jue_document_get_store (doc), "provenance:", NULL, NULL, error))
    return FALSE;
  return jue_store_write_meta (jue_document_get_store (doc), "consolidation:", keys, values, error);
}

gboolean
jue_consolidation_write (JueConsolidation *c,
                         GPtrArray        *units,
                         guint             department,
                         const char       *out_file,
                         gboolean         *reconsolidated_out,
                         GError          **error)
{
  g_autoptr (JueDocument) old = NULL;
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (GPtrArray) classification = NULL;
  g_autoptr (GPtrArray) economic = NULL;
  g_autoptr (GPtrArray) explanations = NULL;
  g_autofree char *tmp = NULL;

  if (reconsolidated_out)
    *reconsolidated_out = FALSE;
  if (!g_file_test (out_file, G_FILE_TEST_EXISTS))
    {
      doc = jue_document_create (out_file, c->report, error);
      return doc != NULL && write_meta (doc, c, units, department, error);
    }

  /* re-consolidating: the department's own texts, explanations and
   * classification tables (functional and economic) come from the file as
   * it is; the units' tables are never read */
  old = jue_document_open (out_file, FALSE, error);
  if (old == NULL)
    return FALSE;
  if (jue_document_is_read_only (old))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_IN_USE, _("%s cannot be changed now: %s"),
                   out_file, jue_document_get_read_only_reason (old)
                               ? jue_document_get_read_only_reason (old) : "");
      return FALSE;
    }
  {
    g_autoptr (GHashTable) units_row = jue_store_read_meta (jue_document_get_store (old),
                                                            "consolidation:units");
    if (g_hash_table_size (units_row) == 0)
      {
        g_set_error (error, JUE_ERROR, JUE_ERROR_EXISTS,
                     _("%s already exists and is not a consolidation; nothing was changed"),
                     out_file);
        return FALSE;
      }
  }
  {
    KeepTexts k = { c->report };
    jue_report_foreach (jue_document_get_report (old), NULL, keep_text, &k, NULL);
  }
  if (jue_document_get_classification (old))
    classification = g_ptr_array_ref (jue_document_get_classification (old));
  if (jue_document_get_economic_classification (old))
    economic = g_ptr_array_ref (jue_document_get_economic_classification (old));
  explanations = jue_store_load_explanations (jue_document_get_store (old), NULL);
  g_clear_object (&old);

  {
    g_autofree char *dir = g_path_get_dirname (out_file);
    g_autofree char *base = g_path_get_basename (out_file);
    g_autofree char *name = g_strdup_printf (".%s.consolidating-%d", base, (int) getpid ());
    tmp = g_build_filename (dir, name, NULL);
  }
  doc = jue_document_create (tmp, c->report, error);
  if (doc == NULL)
    return FALSE;
  if ((classification && classification->len > 0 &&
       !jue_document_set_classification (doc, classification, error)) ||
      (economic && economic->len > 0 &&
       !jue_document_set_economic_classification (doc, economic, error)) ||
      !write_meta (doc, c, units, department, error))
    goto fail;
  for (guint i = 0; explanations && i < explanations->len; i++)
    {
      const JueExplanation *e = explanations->pdata[i];
      if (!jue_store_set_explanation (jue_document_get_store (doc), e->rule, e->path, e->text,
                                      error))
        goto fail;
    }
  g_clear_object (&doc);
  if (!jue_store_check_not_in_use (out_file, error))
    goto fail;
  if (g_rename (tmp, out_file) != 0)
    {
      int saved = errno;
      g_set_error (error, JUE_ERROR, JUE_ERROR_IO, _("Could not write %s: %s"), out_file,
                   g_strerror (saved));
      goto fail;
    }
  if (reconsolidated_out)
    *reconsolidated_out = TRUE;
  return TRUE;

fail:
  g_clear_object (&doc);
  g_unlink (tmp);
  return FALSE;
}
