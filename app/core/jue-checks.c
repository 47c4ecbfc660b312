/* jue-checks.c — the check engine: runs the declared rules, keeps their
 * findings per rule and instance, and after an edit re-runs only the rules
 * whose read patterns match the edited path.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jue-completeness.h"
#include "jue-document.h"
#include "jue-rules-private.h"

/* ---- findings ------------------------------------------------------------ */

JueFinding *
jue_finding_copy (const JueFinding *f)
{
  JueFinding *c = g_memdup2 (f, sizeof *f);

  c->path = g_strdup (f->path);
  c->message = g_strdup (f->message);
  c->explanation = g_strdup (f->explanation);
  return c;
}

void
jue_finding_free (JueFinding *f)
{
  if (f == NULL)
    return;
  g_free (f->path);
  g_free (f->message);
  g_free (f->explanation);
  g_free (f);
}

const char *
jue_severity_id (JueSeverity severity)
{
  static const char * const ids[] = { "error", "warning", "hint" };

  return severity < JUE_N_SEVERITIES ? ids[severity] : "?";
}

const char *
jue_severity_label (JueSeverity severity)
{
  switch (severity)
    {
    case JUE_SEVERITY_ERROR:
      return _("error");
    case JUE_SEVERITY_WARNING:
      return _("warning");
    default:
      return _("hint");
    }
}

/* ---- the rule table ------------------------------------------------------ */

static guint
n_entries (void)
{
  return jue_n_rules_values + jue_n_rules_accounts + jue_n_rules_evaluation + jue_n_rules_ties;
}

static const JueRuleEntry *
entry_at (guint i)
{
  /* unreadable values first: nothing else can be trusted until they read */
  if (i < jue_n_rules_values)
    return &jue_rules_values[i];
  i -= jue_n_rules_values;
  if (i < jue_n_rules_accounts)
    return &jue_rules_accounts[i];
  i -= jue_n_rules_accounts;
  return i < jue_n_rules_evaluation ? &jue_rules_evaluation[i]
                                    : &jue_rules_ties[i - jue_n_rules_evaluation];
}

void
jue_rules_foreach (JueRuleInfoFunc func,
                   gpointer        user_data)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_entries (); i++)
    {
      const JueRuleEntry *e = entry_at (i);

      if (!g_hash_table_add (seen, (gpointer) e->id))
        continue;
      func (e->id, e->severity, e->reads, e->summary, user_data);
    }
}

gboolean
jue_rule_exists (const char *id)
{
  if (strcmp (id, JUE_RULE_MISSING) == 0)   /* completeness, reported by validate */
    return TRUE;
  for (guint i = 0; i < n_entries (); i++)
    if (strcmp (entry_at (i)->id, id) == 0)
      return TRUE;
  return FALSE;
}

static const char * const scope_patterns[JUE_N_SCOPES] = {
  [JUE_SCOPE_REPORT] = "",
  [JUE_SCOPE_OFFICES] = "profile.offices[N]",
  [JUE_SCOPE_FUNCTIONAL] = "functional[N]",
  [JUE_SCOPE_GOV_FUND_ROWS] = "gov_fund.rows[N]",
  [JUE_SCOPE_STATE_CAPITAL_ROWS] = "state_capital.rows[N]",
  [JUE_SCOPE_ACCOUNTS] = "accounts[N]",
  [JUE_SCOPE_ECONOMIC] = "economic[N]",
  [JUE_SCOPE_GLOSSARY] = "glossary[N]",
  [JUE_SCOPE_DEPT_TASKS] = "dept_eval.tasks[N]",
  [JUE_SCOPE_SPECIAL_FUNDS] = "special_funds[N]",
  [JUE_SCOPE_EVAL] = "@",
  [JUE_SCOPE_EVAL_INDICATORS] = "@.indicators[N]",
};

static guint
scope_depth (JueScope scope)
{
  switch (scope)
    {
    case JUE_SCOPE_REPORT:
      return 0;
    case JUE_SCOPE_EVAL_INDICATORS:
      return 2;
    default:
      return 1;
    }
}

static gboolean
parse_index (const char **p,
             gint        *out)
{
  const char *s = *p;
  gint64 v = 0;

  if (*s != '[' || !g_ascii_isdigit (s[1]))
    return FALSE;
  for (s++; g_ascii_isdigit (*s); s++)
    {
      v = v * 10 + (*s - '0');
      if (v > G_MAXINT)
        return FALSE;
    }
  if (*s != ']')
    return FALSE;
  *out = (gint) v;
  *p = s + 1;
  return TRUE;
}

/* Does path match pattern?  "[N]" and a leading "@" (dept_eval or
 * special_funds[K], captured as -1 or K) capture indices; "*" matches any
 * remainder.  In list mode path names a list, and it matches a pattern
 * that goes on into that list's rows. */
static gboolean
match_pattern (const char *pat,
               const char *path,
               gboolean    list_mode,
               gint        caps[4],
               guint      *n_caps)
{
  *n_caps = 0;
  if (*pat == '@')
    {
      if (g_str_has_prefix (path, "dept_eval") &&
          (path[9] == '.' || path[9] == '\0'))
        {
          caps[(*n_caps)++] = -1;
          path += 9;
        }
      else if (g_str_has_prefix (path, "special_funds"))
        {
          path += strlen ("special_funds");
          if (*path == '\0')
            return list_mode;
          if (!parse_index (&path, &caps[*n_caps]))
            return FALSE;
          (*n_caps)++;
        }
      else
        return FALSE;
      pat++;
    }
  while (*pat)
    {
      if (pat[0] == '[' && pat[1] == 'N' && pat[2] == ']')
        {
          if (*path == '\0')
            return list_mode;
          if (*n_caps >= 4 || !parse_index (&path, &caps[*n_caps]))
            return FALSE;
          (*n_caps)++;
          pat += 3;
          continue;
        }
      if (*pat == '*')
        return TRUE;
      if (*pat != *path)
        return FALSE;
      pat++;
      path++;
    }
  return *path == '\0';
}

static gboolean
read_is_scoped (const JueRuleEntry *e,
                const char         *read)
{
  const char *sp = scope_patterns[e->scope];
  gsize len = strlen (sp);

  return len > 0 && strncmp (read, sp, len) == 0 &&
         (read[len] == '.' || read[len] == '\0');
}

/* ---- classification ------------------------------------------------------ */

static void
build_class_table (GHashTable *table,
                   GPtrArray  *entries)
{
  g_hash_table_remove_all (table);
  for (guint i = 0; entries && i < entries->len; i++)
    {
      JueClassEntry *e = entries->pdata[i];
      g_hash_table_insert (table, e->code, e);
    }
}

/* ---- the checker --------------------------------------------------------- */

struct _JueChecker {
  JueComputed *computed;
  GPtrArray  **by_entry;        /* of JueFinding, per rule entry */
  GPtrArray   *sorted;          /* borrowed pointers, rebuilt on demand */
  gboolean     sorted_valid;
  GPtrArray   *class_entries;   /* owned copies, or NULL for built-in */
  GHashTable  *class_table;
  gboolean     builtin_classification;
  GPtrArray   *econ_entries;    /* owned copies of an imported economic table, or NULL */
  GHashTable  *econ_table;      /* of econ_entries */
  GHashTable  *explanations;    /* borrowed */
  JueChangeThreshold change_threshold;
  gboolean           change_threshold_given;  /* for this run: over the report's own */
};

JueChecker *
jue_checker_new (void)
{
  JueChecker *c = g_new0 (JueChecker, 1);

  c->computed = jue_computed_new ();
  c->change_threshold = jue_change_threshold_default ();
  c->by_entry = g_new0 (GPtrArray *, n_entries ());
  for (guint i = 0; i < n_entries (); i++)
    c->by_entry[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) jue_finding_free);
  c->sorted = g_ptr_array_new ();
  c->class_table = g_hash_table_new (g_str_hash, g_str_equal);
  c->econ_table = g_hash_table_new (g_str_hash, g_str_equal);
  jue_checker_set_classification (c, NULL);
  return c;
}

void
jue_checker_free (JueChecker *c)
{
  if (c == NULL)
    return;
  jue_computed_free (c->computed);
  for (guint i = 0; i < n_entries (); i++)
    g_ptr_array_unref (c->by_entry[i]);
  g_free (c->by_entry);
  g_ptr_array_unref (c->sorted);
  g_clear_pointer (&c->class_entries, g_ptr_array_unref);
  g_hash_table_unref (c->class_table);
  g_clear_pointer (&c->econ_entries, g_ptr_array_unref);
  g_hash_table_unref (c->econ_table);
  g_free (c);
}

static JueClassEntry *
class_entry_copy (const JueClassEntry *e)
{
  JueClassEntry *c = g_new0 (JueClassEntry, 1);

  c->code = g_strdup (e->code);
  c->name = g_strdup (e->name);
  c->level = e->level;
  c->parent = g_strdup (e->parent);
  return c;
}

void
jue_checker_set_classification (JueChecker *c,
                                GPtrArray  *entries)
{
  g_clear_pointer (&c->class_entries, g_ptr_array_unref);
  if (entries && entries->len > 0)
    {
      c->class_entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jue_class_entry_free);
      for (guint i = 0; i < entries->len; i++)
        g_ptr_array_add (c->class_entries, class_entry_copy (entries->pdata[i]));
      c->builtin_classification = FALSE;
      build_class_table (c->class_table, c->class_entries);
    }
  else
    {
      c->builtin_classification = TRUE;
      build_class_table (c->class_table, jue_classification_builtin ());
    }
}

void
jue_checker_set_economic_classification (JueChecker *c,
                                         GPtrArray  *entries)
{
  g_hash_table_remove_all (c->econ_table);
  g_clear_pointer (&c->econ_entries, g_ptr_array_unref);
  if (entries && entries->len > 0)
    {
      c->econ_entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jue_class_entry_free);
      for (guint i = 0; i < entries->len; i++)
        g_ptr_array_add (c->econ_entries, class_entry_copy (entries->pdata[i]));
      build_class_table (c->econ_table, c->econ_entries);
    }
}

void
jue_checker_set_change_threshold (JueChecker               *c,
                                  const JueChangeThreshold *threshold)
{
  c->change_threshold = threshold ? *threshold : jue_change_threshold_default ();
  c->change_threshold_given = threshold != NULL;
}

void
jue_checker_set_explanations (JueChecker *c,
                              GHashTable *explanations)
{
  c->explanations = explanations;
  c->sorted_valid = FALSE;
}

const JueComputed *
jue_checker_get_computed (JueChecker *c)
{
  return c->computed;
}

static void
run_instance (JueChecker      *c,
              const JueReport *report,
              guint            entry_no,
              gint             i0,
              gint             i1)
{
  JueCheckRun run = { 0 };

  run.report = report;
  run.computed = c->computed;
  run.classification = c->class_table;
  run.builtin_classification = c->builtin_classification;
  run.economic_classification = c->econ_entries ? c->econ_table : NULL;
  run.change_threshold = c->change_threshold;
  run.change_threshold_given = c->change_threshold_given;
  run.entry = entry_at (entry_no);
  run.index[0] = i0;
  run.index[1] = i1;
  run.out = c->by_entry[entry_no];
  run.entry_no = entry_no;
  run.entry->func (&run);
}

static guint
list_len (GPtrArray *list)
{
  return list ? list->len : 0;
}

static GPtrArray *
eval_indicators (const JueReport *r,
                 gint             eval)
{
  if (eval < 0)
    return r->dept_eval.indicators;
  return ((JueSpecialFund *) r->special_funds->pdata[eval])->indicators;
}

static void
run_entry (JueChecker      *c,
           const JueReport *r,
           guint            entry_no)
{
  const JueRuleEntry *e = entry_at (entry_no);
  GPtrArray *list = NULL;

  g_ptr_array_set_size (c->by_entry[entry_no], 0);
  switch (e->scope)
    {
    case JUE_SCOPE_REPORT:
      run_instance (c, r, entry_no, 0, 0);
      return;
    case JUE_SCOPE_EVAL:
      for (gint k = -1; k < (gint) r->special_funds->len; k++)
        run_instance (c, r, entry_no, k, 0);
      return;
    case JUE_SCOPE_EVAL_INDICATORS:
      for (gint k = -1; k < (gint) r->special_funds->len; k++)
        for (guint i = 0; i < list_len (eval_indicators (r, k)); i++)
          run_instance (c, r, entry_no, k, i);
      return;
    case JUE_SCOPE_OFFICES:
      list = r->profile.offices;
      break;
    case JUE_SCOPE_FUNCTIONAL:
      list = r->functional;
      break;
    case JUE_SCOPE_GOV_FUND_ROWS:
      list = r->gov_fund.rows;
      break;
    case JUE_SCOPE_STATE_CAPITAL_ROWS:
      list = r->state_capital.rows;
      break;
    case JUE_SCOPE_ACCOUNTS:
      list = r->accounts;
      break;
    case JUE_SCOPE_ECONOMIC:
      list = r->economic;
      break;
    case JUE_SCOPE_GLOSSARY:
      list = r->glossary;
      break;
    case JUE_SCOPE_DEPT_TASKS:
      list = r->dept_eval.tasks;
      break;
    case JUE_SCOPE_SPECIAL_FUNDS:
      list = r->special_funds;
      break;
    default:
      g_assert_not_reached ();
    }
  for (guint i = 0; i < list_len (list); i++)
    run_instance (c, r, entry_no, i, 0);
}

static void
rerun_instance (JueChecker      *c,
                const JueReport *r,
                guint            entry_no,
                const gint      *idx)
{
  GPtrArray *out = c->by_entry[entry_no];
  guint depth = scope_depth (entry_at (entry_no)->scope);

  for (guint i = out->len; i-- > 0;)
    {
      JueFinding *f = out->pdata[i];
      if ((depth < 1 || f->scope[0] == idx[0]) && (depth < 2 || f->scope[1] == idx[1]))
        g_ptr_array_remove_index_fast (out, i);
    }
  run_instance (c, r, entry_no, depth >= 1 ? idx[0] : 0, depth >= 2 ? idx[1] : 0);
}

void
jue_checker_check (JueChecker      *c,
                   const JueReport *report)
{
  jue_computed_update (c->computed, report);
  for (guint i = 0; i < n_entries (); i++)
    run_entry (c, report, i);
  c->sorted_valid = FALSE;
}

/* A list path, or a row of a list ("special_funds[2]"), as the list. */
static char *
list_path_of (JueReport  *report,
              const char *path,
              gboolean   *is_list)
{
  JueFieldRef ref;

  *is_list = FALSE;
  if (!jue_report_resolve (report, path, &ref, NULL))
    return NULL;
  if (ref.def->kind != JUE_KIND_LIST)
    return g_strdup (path);
  *is_list = TRUE;
  if (ref.index >= 0)
    return g_strndup (path, strrchr (path, '[') - path);
  return g_strdup (path);
}

void
jue_checker_update (JueChecker      *c,
                    const JueReport *report,
                    const char      *changed_path)
{
  g_autofree char *path = NULL;
  gboolean list_mode;

  if (changed_path == NULL ||
      (path = list_path_of ((JueReport *) report, changed_path, &list_mode)) == NULL)
    {
      jue_checker_check (c, report);
      return;
    }
  jue_computed_update_after (c->computed, report, list_mode ? NULL : path);

  for (guint i = 0; i < n_entries (); i++)
    {
      const JueRuleEntry *e = entry_at (i);
      gboolean all = FALSE;
      gint done[2] = { G_MININT, G_MININT };

      for (guint k = 0; e->reads[k] && !all; k++)
        {
          gint caps[4];
          guint n_caps;

          if (!match_pattern (e->reads[k], path, list_mode, caps, &n_caps))
            continue;
          if (list_mode || !read_is_scoped (e, e->reads[k]) || n_caps < scope_depth (e->scope))
            all = TRUE;
          else if (caps[0] != done[0] || caps[1] != done[1])
            {
              rerun_instance (c, report, i, caps);
              done[0] = caps[0];
              done[1] = n_caps > 1 ? caps[1] : done[1];
            }
        }
      if (all)
        run_entry (c, report, i);
    }
  c->sorted_valid = FALSE;
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const JueFinding *x = *(JueFinding * const *) a;
  const JueFinding *y = *(JueFinding * const *) b;

  if (x->entry != y->entry)
    return x->entry < y->entry ? -1 : 1;
  if (x->scope[0] != y->scope[0])
    return x->scope[0] < y->scope[0] ? -1 : 1;
  if (x->scope[1] != y->scope[1])
    return x->scope[1] < y->scope[1] ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

GPtrArray *
jue_checker_get_findings (JueChecker *c)
{
  if (c->sorted_valid)
    return c->sorted;
  g_ptr_array_set_size (c->sorted, 0);
  for (guint i = 0; i < n_entries (); i++)
    for (guint k = 0; k < c->by_entry[i]->len; k++)
      {
        JueFinding *f = c->by_entry[i]->pdata[k];
        const char *text = NULL;

        if (c->explanations)
          {
            g_autofree char *key = jue_explanation_key (f->rule, f->path);
            text = g_hash_table_lookup (c->explanations, key);
          }
        if (g_strcmp0 (text, f->explanation) != 0)
          {
            g_free (f->explanation);
            f->explanation = text && *text ? g_strdup (text) : NULL;
          }
        g_ptr_array_add (c->sorted, f);
      }
  g_ptr_array_sort (c->sorted, compare_findings);
  c->sorted_valid = TRUE;
  return c->sorted;
}

void
jue_checker_count (JueChecker *c,
                   guint       counts[JUE_N_SEVERITIES])
{
  memset (counts, 0, sizeof (guint) * JUE_N_SEVERITIES);
  for (guint i = 0; i < n_entries (); i++)
    for (guint k = 0; k < c->by_entry[i]->len; k++)
      counts[((JueFinding *) c->by_entry[i]->pdata[k])->severity]++;
}

GPtrArray *
jue_check_report (const JueReport *report,
                  GPtrArray       *classification,
                  GHashTable      *explanations)
{
  return jue_check_report_economic (report, classification, NULL, explanations);
}

GPtrArray *
jue_check_report_economic (const JueReport *report,
                           GPtrArray       *classification,
                           GPtrArray       *economic,
                           GHashTable      *explanations)
{
  g_autoptr (JueChecker) c = jue_checker_new ();
  GPtrArray *found, *out;

  jue_checker_set_classification (c, classification);
  jue_checker_set_economic_classification (c, economic);
  jue_checker_set_explanations (c, explanations);
  jue_checker_check (c, report);
  found = jue_checker_get_findings (c);
  out = g_ptr_array_new_full (found->len, (GDestroyNotify) jue_finding_free);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (out, jue_finding_copy (found->pdata[i]));
  return out;
}

/* ---- helpers for rules ---------------------------------------------------- */

/* A message quotes what was typed (a row's name, an indicator): a text
 * without break points — Chinese pasted without punctuation, a long
 * address — is cut to its first JUE_EXCERPT_CHARS characters and "…", so
 * a message stays a sentence (every list of findings wraps it, and a
 * 20,000-character word took GTK seconds to lay out). */
#define LONG_RUN_CHARS 80

static gboolean
breaks_run (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_ispunct (c);
}

static char *
shorten_long_runs (char *message)
{
  GString *out = NULL;
  const char *run = message;   /* where the current run began */
  glong run_len = 0;

  for (const char *p = message; ; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c == 0 || breaks_run (c))
        {
          if (run_len > LONG_RUN_CHARS)
            {
              if (out == NULL)
                out = g_string_new_len (message, run - message);
              g_string_append_len (out, run,
                                   g_utf8_offset_to_pointer (run, JUE_EXCERPT_CHARS) - run);
              g_string_append (out, "…");
            }
          else if (out)
            g_string_append_len (out, run, p - run);
          if (c == 0)
            break;
          if (out)
            g_string_append_unichar (out, c);
          run = g_utf8_next_char (p);
          run_len = 0;
        }
      else
        run_len++;
    }
  if (out == NULL)
    return message;
  g_free (message);
  return g_string_free (out, FALSE);
}

void
jue_check_add (JueCheckRun *run,
               JueSeverity  severity,
               const char  *path,
               const char  *format,
               ...)
{
  JueFinding *f = g_new0 (JueFinding, 1);
  va_list args;

  va_start (args, format);
  f->message = g_strdup_vprintf (format, args);
  va_end (args);
  if (!g_utf8_validate (f->message, -1, NULL))
    {
      char *valid = g_utf8_make_valid (f->message, -1);
      g_free (f->message);
      f->message = valid;
    }
  f->message = shorten_long_runs (f->message);
  f->rule = run->entry->id;
  f->severity = severity;
  f->path = g_strdup (path);
  f->entry = run->entry_no;
  f->scope[0] = run->index[0];
  f->scope[1] = run->index[1];
  f->seq = run->seq++;
  g_ptr_array_add (run->out, f);
}

char *
jue_check_fen (gint64 fen)
{
  return jue_fen_display (fen);
}

gint64
jue_check_allowance (const JueAmount *figures,
                     guint            n)
{
  gint64 allowance = 0;

  for (guint i = 0; i < n; i++)
    if (figures[i].set && figures[i].fen != 0 &&
        figures[i].fen % JUE_FEN_PER_DISPLAY_UNIT == 0)
      allowance += JUE_FEN_PER_DISPLAY_UNIT / 2;
  return allowance;
}

gboolean
jue_check_diff (JueCheckRun *run,
                JueSeverity  severity,
                const char  *path,
                gint64       diff,
                gint64       allowance,
                char        *message)
{
  g_autofree char *owned = message;

  if (diff == 0)
    return TRUE;
  if (ABS (diff) <= allowance)
    jue_check_add (run, JUE_SEVERITY_HINT, path, _("%s (possibly a rounding difference)"), message);
  else
    jue_check_add (run, severity, path, "%s", message);
  return FALSE;
}

char *
jue_check_figure (JueAmount a)
{
  return a.set ? jue_check_fen (a.fen) : g_strdup (_("blank"));
}

gboolean
jue_check_sides (const JueAmount *left,
                 guint            n_left,
                 const JueAmount *right,
                 guint            n_right,
                 gint64          *diff_out)
{
  gint64 l = 0, r = 0;
  gboolean l_all = TRUE, r_all = TRUE, l_any = FALSE, r_any = FALSE;

  for (guint i = 0; i < n_left; i++)
    {
      l += jue_amount_fen (left[i]);
      l_all &= left[i].set;
      l_any |= left[i].set;
    }
  for (guint i = 0; i < n_right; i++)
    {
      r += jue_amount_fen (right[i]);
      r_all &= right[i].set;
      r_any |= right[i].set;
    }
  *diff_out = l - r;
  if (!l_any || !r_any || l == r)
    return FALSE;
  if (l_all && r_all)
    return TRUE;
  /* with blanks on one side, only what is known already too much */
  if (l_all && r > l)
    return TRUE;
  if (r_all && l > r)
    return TRUE;
  return FALSE;
}

gboolean
jue_check_sum (JueCheckRun     *run,
               JueSeverity      severity,
               const char      *path,
               JueAmount        whole,
               const JueAmount *parts,
               guint            n_parts,
               const char      *format)
{
  JueAmount figures[5];
  g_autofree char *w = NULL, *d = NULL;
  char *p[4] = { NULL };
  gint64 diff;
  char *msg;
  gboolean ok;

  g_return_val_if_fail (n_parts <= 4, TRUE);
  /* a figure that cannot be read is unknown: the sum cannot be judged
   * (E-UNREADABLE says so), and it is never taken as 0 */
  if (whole.unreadable)
    return TRUE;
  for (guint i = 0; i < n_parts; i++)
    if (parts[i].unreadable)
      return TRUE;
  figures[0] = whole;
  for (guint i = 0; i < n_parts; i++)
    figures[i + 1] = parts[i];
  if (!jue_check_sides (&whole, 1, parts, n_parts, &diff))
    return TRUE;

  w = jue_check_fen (jue_amount_fen (whole));
  d = jue_check_fen (ABS (diff));
  for (guint i = 0; i < n_parts; i++)
    p[i] = jue_check_figure (parts[i]);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  switch (n_parts)
    {
    case 1:
      msg = g_strdup_printf (format, w, p[0], d);
      break;
    case 2:
      msg = g_strdup_printf (format, w, p[0], p[1], d);
      break;
    case 3:
      msg = g_strdup_printf (format, w, p[0], p[1], p[2], d);
      break;
    default:
      msg = g_strdup_printf (format, w, p[0], p[1], p[2], p[3], d);
      break;
    }
#pragma GCC diagnostic pop
  ok = jue_check_diff (run, severity, path, diff, jue_check_allowance (figures, n_parts + 1), msg);
  for (guint i = 0; i < 4; i++)
    g_free (p[i]);
  return ok;
}

char *
jue_check_eval_prefix (gint eval)
{
  return eval < 0 ? g_strdup ("dept_eval") : g_strdup_printf ("special_funds[%d]", eval);
}

gboolean
jue_check_eval_view (const JueCheckRun *run,
                     gint               eval,
                     JueEvalView       *out)
{
  const JueReport *r = run->report;

  if (eval < 0)
    {
      out->indicators = r->dept_eval.indicators;
      out->template_total = r->dept_eval.template_total;
      out->computed = &run->computed->dept_eval;
      return TRUE;
    }
  if (eval >= (gint) r->special_funds->len)
    return FALSE;
  out->indicators = ((JueSpecialFund *) r->special_funds->pdata[eval])->indicators;
  out->template_total = ((JueSpecialFund *) r->special_funds->pdata[eval])->template_total;
  out->computed = &g_array_index (run->computed->special_funds, JueEvalComputed, eval);
  return TRUE;
}
