/* jue-computed-paths.c — computed paths: one table names every computed
 * value, and lookup, foreach, the schema walk and docs/computed.md all
 * follow it, so a path cannot name a value that does not exist.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jue-computed.h"

typedef enum { NODE_VALUE, NODE_GROUP, NODE_ARRAY } NodeType;

typedef struct Node Node;
struct Node {
  const char *name;         /* may hold dots: "three_public.total.actual" */
  NodeType    type;
  JueValueKind kind;        /* NODE_VALUE */
  gsize       offset;       /* JueValue, a struct (GROUP) or a GArray* (ARRAY) */
  const Node *children;     /* GROUP and ARRAY */
  guint       n_children;
  gsize       elem_size;    /* ARRAY */
  const char *description;
};

#define AMOUNT JUE_VALUE_AMOUNT
#define PERCENT JUE_VALUE_PERCENT
#define POINTS JUE_VALUE_POINTS
#define COUNT JUE_VALUE_COUNT

#define V(T, name, member, kind, desc) \
  { name, NODE_VALUE, kind, offsetof (T, member), NULL, 0, 0, desc }
#define GROUP(T, name, member, kids, desc) \
  { name, NODE_GROUP, 0, offsetof (T, member), kids, G_N_ELEMENTS (kids), 0, desc }
#define ARRAY(T, name, member, kids, E, desc) \
  { name, NODE_ARRAY, 0, offsetof (T, member), kids, G_N_ELEMENTS (kids), sizeof (E), desc }

static const Node functional_row_nodes[] = {
  V (JueFunctionalRowComputed, "share", share, PERCENT, N_("Share of the functional total")),
  V (JueFunctionalRowComputed, "completion", completion, PERCENT, N_("Actual as a percentage of the adjusted budget")),
  V (JueFunctionalRowComputed, "class_index", class_index, COUNT, N_("Index of the row's class in functional_classes")),
  V (JueFunctionalRowComputed, "unsplit", unsplit, AMOUNT, N_("Not split (未分项): actual minus basic minus project")),
  V (JueFunctionalRowComputed, "class_subtotal", class_subtotal, COUNT, N_("Index of the row's 类 subtotal")),
  V (JueFunctionalRowComputed, "kuan_subtotal", kuan_subtotal, COUNT, N_("Index of the row's 款 subtotal")),
};

#define SUB_HEAD \
  V (JueSubtotalComputed, "code", code_value, COUNT, N_("The 类 (3-digit) or 款 (5-digit) code")), \
  V (JueSubtotalComputed, "level", level, COUNT, N_("1 for a 类 subtotal, 2 for a 款 subtotal")), \
  V (JueSubtotalComputed, "parent", parent, COUNT, N_("A 款 subtotal's 类 subtotal (its index)")), \
  V (JueSubtotalComputed, "rows", rows, COUNT, N_("Rows under the code"))
#define SUB(name, k, desc) V (JueSubtotalComputed, name, v[k], AMOUNT, desc)

static const Node functional_subtotal_nodes[] = {
  SUB_HEAD,
  SUB ("budget", 0, N_("Subtotal of the adjusted budgets")),
  SUB ("actual", 1, N_("Subtotal of the actuals")),
  SUB ("basic", 2, N_("Subtotal of basic expenditure")),
  SUB ("project", 3, N_("Subtotal of project expenditure")),
  SUB ("budget_initial", 4, N_("Subtotal of the initial budgets")),
};

static const Node fund_subtotal_nodes[] = {
  SUB_HEAD,
  SUB ("budget", 0, N_("Subtotal of the adjusted budgets")),
  SUB ("carried_in", 1, N_("Subtotal carried in")),
  SUB ("income", 2, N_("Subtotal of income")),
  SUB ("actual", 3, N_("Subtotal of the actuals")),
  SUB ("basic", 4, N_("Subtotal of basic expenditure")),
  SUB ("project", 5, N_("Subtotal of project expenditure")),
  SUB ("carried_out", 6, N_("Subtotal carried over")),
};

static const Node economic_subtotal_nodes[] = {
  SUB_HEAD,
  SUB ("actual", 0, N_("Subtotal of the 款 lines (or the 类 line when it has none)")),
};

#define ACCOUNT_COLUMNS(T, M) \
  V (T, "income_appropriation", M[JUE_ACCOUNT_INCOME_APPROPRIATION], AMOUNT, N_("Appropriation income")), \
  V (T, "income_superior", M[JUE_ACCOUNT_INCOME_SUPERIOR], AMOUNT, N_("Subsidy from superior")), \
  V (T, "income_business", M[JUE_ACCOUNT_INCOME_BUSINESS], AMOUNT, N_("Public-service income")), \
  V (T, "income_operating", M[JUE_ACCOUNT_INCOME_OPERATING], AMOUNT, N_("Operating income")), \
  V (T, "income_affiliated", M[JUE_ACCOUNT_INCOME_AFFILIATED], AMOUNT, N_("Income from affiliated units")), \
  V (T, "income_other", M[JUE_ACCOUNT_INCOME_OTHER], AMOUNT, N_("Other income")), \
  V (T, "exp_basic", M[JUE_ACCOUNT_EXP_BASIC], AMOUNT, N_("Basic expenditure")), \
  V (T, "exp_project", M[JUE_ACCOUNT_EXP_PROJECT], AMOUNT, N_("Project expenditure")), \
  V (T, "exp_to_superior", M[JUE_ACCOUNT_EXP_TO_SUPERIOR], AMOUNT, N_("Paid to superior")), \
  V (T, "exp_operating", M[JUE_ACCOUNT_EXP_OPERATING], AMOUNT, N_("Operating expenditure")), \
  V (T, "exp_affiliated", M[JUE_ACCOUNT_EXP_AFFILIATED], AMOUNT, N_("Subsidies to affiliated units")), \
  V (T, "income_total", M[JUE_ACCOUNT_INCOME_TOTAL], AMOUNT, N_("Total income of the year (本年收入合计)")), \
  V (T, "exp_total", M[JUE_ACCOUNT_EXP_TOTAL], AMOUNT, N_("Total expenditure of the year (本年支出合计)"))

static const Node account_row_nodes[] = {
  V (JueAccountRowComputed, "income_total", income_total, AMOUNT, N_("Row income: the six income columns")),
  V (JueAccountRowComputed, "exp_total", exp_total, AMOUNT, N_("Row expenditure: the five expenditure columns")),
  V (JueAccountRowComputed, "class_subtotal", class_subtotal, COUNT, N_("Index of the row's 类 subtotal")),
  V (JueAccountRowComputed, "kuan_subtotal", kuan_subtotal, COUNT, N_("Index of the row's 款 subtotal")),
};

static const Node account_total_nodes[] = {
  ACCOUNT_COLUMNS (JueAccountTotalComputed, v),
};

static const Node account_subtotal_nodes[] = {
  SUB_HEAD,
  ACCOUNT_COLUMNS (JueSubtotalComputed, v),
};

static const Node economic_row_nodes[] = {
  V (JueEconomicRowComputed, "block", block, COUNT, N_("1 personnel expenses (301, 303), 2 public expenses, 0 no code")),
  V (JueEconomicRowComputed, "counted", counted, COUNT, N_("1 when the line counts in its block (not a 类 line over 款 lines, not uncoded)")),
  V (JueEconomicRowComputed, "class_subtotal", class_subtotal, COUNT, N_("Index of the line's 类 subtotal")),
};

static const Node functional_class_nodes[] = {
  V (JueFunctionalClassComputed, "budget", budget, AMOUNT, N_("Class budget subtotal")),
  V (JueFunctionalClassComputed, "actual", actual, AMOUNT, N_("Class actual subtotal")),
  V (JueFunctionalClassComputed, "share", share, PERCENT, N_("Class share of the functional total")),
  V (JueFunctionalClassComputed, "completion", completion, PERCENT, N_("Class completion of budget")),
  V (JueFunctionalClassComputed, "rows", rows, COUNT, N_("Rows in the class")),
};

static const Node fund_row_nodes[] = {
  V (JueFundRowComputed, "completion", completion, PERCENT, N_("Actual as a percentage of the adjusted budget")),
  V (JueFundRowComputed, "unsplit", unsplit, AMOUNT, N_("Not split (未分项): actual minus basic minus project")),
  V (JueFundRowComputed, "class_subtotal", class_subtotal, COUNT, N_("Index of the row's 类 subtotal")),
  V (JueFundRowComputed, "kuan_subtotal", kuan_subtotal, COUNT, N_("Index of the row's 款 subtotal")),
};

static const Node indicator_nodes[] = {
  V (JueIndicatorComputed, "score", score, POINTS, N_("Indicator score")),
};

static const Node eval_nodes[] = {
  V (JueEvalComputed, "weight_total", weight_total, POINTS, N_("Sum of the indicator weights")),
  V (JueEvalComputed, "template_total", template_total, POINTS, N_("Weight total the template expects (blank = 90)")),
  V (JueEvalComputed, "execution_rate", execution_rate, PERCENT, N_("Budget execution rate")),
  V (JueEvalComputed, "execution_score", execution_score, POINTS, N_("Budget-execution score: (100 − template total) × min(1, executed / budget)")),
  V (JueEvalComputed, "indicator_score", indicator_score, POINTS, N_("Sum of the indicator scores")),
  V (JueEvalComputed, "score", score, POINTS, N_("Computed table score")),
  V (JueEvalComputed, "score_gap", score_gap, POINTS, N_("Computed score minus the self-reported score")),
  V (JueEvalComputed, "ungraded", ungraded, COUNT, N_("Qualitative rows without a grade (scored at full weight)")),
  V (JueEvalComputed, "unscored", unscored, COUNT, N_("Rows that could not be scored (no actual value, or a word where a figure is expected): 0 points")),
  ARRAY (JueEvalComputed, "indicators", indicators, indicator_nodes, JueIndicatorComputed, NULL),
};

#define C JueComputed
#define ITEM(prefix, member) \
  V (C, prefix ".completion", three_public.member.completion, PERCENT, N_("Actual as a percentage of budget")), \
  V (C, prefix ".change", three_public.member.change, AMOUNT, N_("Change on last year")), \
  V (C, prefix ".change_pct", three_public.member.change_pct, PERCENT, N_("Change on last year, percent")), \
  V (C, prefix ".share", three_public.member.share, PERCENT, N_("Share of the enclosing total"))
#define SHARE(prefix, member, desc) V (C, prefix ".share", member.share, PERCENT, desc)

static const Node root_nodes[] = {
  V (C, "income.total", income.total, AMOUNT, N_("Total income of the year (本年收入合计)")),
  V (C, "income.grand_total", income.grand_total, AMOUNT, N_("Income grand total (收入总计): year + surplus used + carried in")),
  V (C, "income.change", income.change, AMOUNT, N_("Grand total minus last year's")),
  V (C, "income.change_pct", income.change_pct, PERCENT, N_("Change of the grand total, percent")),
  SHARE ("income.general_budget", income.general_budget, N_("Share of total income")),
  SHARE ("income.gov_fund", income.gov_fund, N_("Share of total income")),
  SHARE ("income.state_capital", income.state_capital, N_("Share of total income")),
  SHARE ("income.superior_subsidy", income.superior_subsidy, N_("Share of total income")),
  SHARE ("income.business", income.business, N_("Share of total income")),
  SHARE ("income.operating", income.operating, N_("Share of total income")),
  SHARE ("income.affiliated", income.affiliated, N_("Share of total income")),
  SHARE ("income.other", income.other, N_("Share of total income")),

  V (C, "expenditure.total", expenditure.total, AMOUNT, N_("Total expenditure of the year (本年支出合计)")),
  V (C, "expenditure.grand_total", expenditure.grand_total, AMOUNT, N_("Expenditure grand total (支出总计): year + surplus distribution + carried over")),
  V (C, "expenditure.change", expenditure.change, AMOUNT, N_("Grand total minus last year's")),
  V (C, "expenditure.change_pct", expenditure.change_pct, PERCENT, N_("Change of the grand total, percent")),
  SHARE ("expenditure.basic", expenditure.basic, N_("Share of total expenditure")),
  SHARE ("expenditure.project", expenditure.project, N_("Share of total expenditure")),
  SHARE ("expenditure.to_superior", expenditure.to_superior, N_("Share of total expenditure")),
  SHARE ("expenditure.operating", expenditure.operating, N_("Share of total expenditure")),
  SHARE ("expenditure.affiliated_subsidy", expenditure.affiliated_subsidy, N_("Share of total expenditure")),
  V (C, "balance.difference", balance.difference, AMOUNT, N_("Income grand total minus expenditure grand total")),

  V (C, "appropriation.income_total", appropriation.income_total, AMOUNT, N_("Appropriation income of the year")),
  V (C, "appropriation.income_grand_total", appropriation.income_grand_total, AMOUNT, N_("Appropriation income plus carried in")),
  V (C, "appropriation.expenditure_total", appropriation.expenditure_total, AMOUNT, N_("Appropriation expenditure of the year")),
  V (C, "appropriation.expenditure_grand_total", appropriation.expenditure_grand_total, AMOUNT, N_("Appropriation expenditure plus carried over")),
  V (C, "appropriation.basic_project_total", appropriation.basic_project_total, AMOUNT, N_("General-budget basic plus project expenditure")),
  V (C, "appropriation.change", appropriation.change, AMOUNT, N_("Expenditure grand total minus last year's")),
  V (C, "appropriation.change_pct", appropriation.change_pct, PERCENT, N_("Change on last year, percent")),
  V (C, "appropriation.general_budget.change", appropriation.general_budget.change, AMOUNT, N_("General-budget expenditure minus last year's")),
  V (C, "appropriation.general_budget.change_pct", appropriation.general_budget.change_pct, PERCENT, N_("Change on last year, percent")),
  V (C, "appropriation.general_budget.share", appropriation.general_budget.share, PERCENT, N_("General-budget expenditure as a share of total expenditure")),
  SHARE ("appropriation.general_budget_basic", appropriation.general_budget_basic, N_("Share of general-budget expenditure")),
  SHARE ("appropriation.general_budget_project", appropriation.general_budget_project, N_("Share of general-budget expenditure")),

  V (C, "functional_total.budget", functional_total.budget, AMOUNT, N_("Sum of the functional rows' budgets")),
  V (C, "functional_total.actual", functional_total.actual, AMOUNT, N_("Sum of the functional rows' actuals")),
  V (C, "functional_total.completion", functional_total.completion, PERCENT, N_("Functional total completion of budget")),
  ARRAY (C, "functional", functional, functional_row_nodes, JueFunctionalRowComputed, NULL),
  ARRAY (C, "functional_classes", functional_classes, functional_class_nodes, JueFunctionalClassComputed, NULL),
  V (C, "functional_total.basic", functional_total.basic, AMOUNT, N_("Sum of the functional rows' basic expenditure")),
  V (C, "functional_total.project", functional_total.project, AMOUNT, N_("Sum of the functional rows' project expenditure")),
  V (C, "functional_total.budget_initial", functional_total.budget_initial, AMOUNT, N_("Sum of the functional rows' initial budgets")),
  V (C, "functional_total.unsplit", functional_total.unsplit, AMOUNT, N_("Not split (未分项): total actual minus basic minus project")),
  ARRAY (C, "functional_subtotals", functional_subtotals, functional_subtotal_nodes, JueSubtotalComputed, NULL),

  GROUP (C, "accounts_total", accounts_total, account_total_nodes, NULL),
  ARRAY (C, "accounts", accounts, account_row_nodes, JueAccountRowComputed, NULL),
  ARRAY (C, "accounts_subtotals", accounts_subtotals, account_subtotal_nodes, JueSubtotalComputed, NULL),

  V (C, "basic.total", basic.total, AMOUNT, N_("Personnel plus public expenses")),
  SHARE ("basic.personnel", basic.personnel, N_("Share of basic expenditure")),
  SHARE ("basic.public", basic.public, N_("Share of basic expenditure")),
  V (C, "economic_total.personnel", economic_total.personnel, AMOUNT, N_("Personnel expenses by line: 301 and 303")),
  V (C, "economic_total.public", economic_total.public, AMOUNT, N_("Public expenses by line: the other codes")),
  V (C, "economic_total.actual", economic_total.actual, AMOUNT, N_("Basic expenditure by line: personnel + public")),
  V (C, "economic.unsplit_personnel", economic_total.unsplit_personnel, AMOUNT, N_("Personnel expenses not split into lines (未分项)")),
  V (C, "economic.unsplit_public", economic_total.unsplit_public, AMOUNT, N_("Public expenses not split into lines (未分项)")),
  ARRAY (C, "economic", economic, economic_row_nodes, JueEconomicRowComputed, NULL),
  ARRAY (C, "economic_subtotals", economic_subtotals, economic_subtotal_nodes, JueSubtotalComputed, NULL),

  V (C, "three_public.total.budget", three_public.total.budget, AMOUNT, N_("“Three public” budget total")),
  V (C, "three_public.total.actual", three_public.total.actual, AMOUNT, N_("“Three public” actual total")),
  V (C, "three_public.total.previous", three_public.total.previous, AMOUNT, N_("“Three public” total last year")),
  V (C, "three_public.total.completion", three_public.total.completion, PERCENT, N_("Actual as a percentage of budget")),
  V (C, "three_public.total.change", three_public.total.change, AMOUNT, N_("Change on last year")),
  V (C, "three_public.total.change_pct", three_public.total.change_pct, PERCENT, N_("Change on last year, percent")),
  ITEM ("three_public.abroad", abroad),
  ITEM ("three_public.vehicle", vehicle),
  V (C, "three_public.vehicle.count", three_public.vehicle_count, COUNT, N_("Vehicles: sedans + off-road + passenger")),
  ITEM ("three_public.vehicle.purchase", vehicle_purchase),
  ITEM ("three_public.vehicle.operation", vehicle_operation),
  ITEM ("three_public.reception", reception),
  V (C, "three_public.reception.batches", three_public.reception_batches, COUNT, N_("Reception batches, domestic + foreign")),
  V (C, "three_public.reception.persons", three_public.reception_persons, COUNT, N_("Reception persons, domestic + foreign")),

  V (C, "gov_fund.rows_budget", gov_fund.rows_budget, AMOUNT, N_("Sum of the rows' budgets")),
  V (C, "gov_fund.rows_actual", gov_fund.rows_actual, AMOUNT, N_("Sum of the rows' actuals")),
  V (C, "gov_fund.change", gov_fund.change, AMOUNT, N_("Expenditure minus last year's")),
  V (C, "gov_fund.change_pct", gov_fund.change_pct, PERCENT, N_("Change on last year, percent")),
  ARRAY (C, "gov_fund.rows", gov_fund.rows, fund_row_nodes, JueFundRowComputed, NULL),
  V (C, "gov_fund.rows_carried_in", gov_fund.rows_carried_in, AMOUNT, N_("Sum of the rows carried in")),
  V (C, "gov_fund.rows_income", gov_fund.rows_income, AMOUNT, N_("Sum of the rows' income")),
  V (C, "gov_fund.rows_basic", gov_fund.rows_basic, AMOUNT, N_("Sum of the rows' basic expenditure")),
  V (C, "gov_fund.rows_project", gov_fund.rows_project, AMOUNT, N_("Sum of the rows' project expenditure")),
  V (C, "gov_fund.rows_carried_out", gov_fund.rows_carried_out, AMOUNT, N_("Sum of the rows carried over")),
  ARRAY (C, "gov_fund.subtotals", gov_fund.subtotals, fund_subtotal_nodes, JueSubtotalComputed, NULL),
  V (C, "state_capital.rows_budget", state_capital.rows_budget, AMOUNT, N_("Sum of the rows' budgets")),
  V (C, "state_capital.rows_actual", state_capital.rows_actual, AMOUNT, N_("Sum of the rows' actuals")),
  V (C, "state_capital.change", state_capital.change, AMOUNT, N_("Expenditure minus last year's")),
  V (C, "state_capital.change_pct", state_capital.change_pct, PERCENT, N_("Change on last year, percent")),
  ARRAY (C, "state_capital.rows", state_capital.rows, fund_row_nodes, JueFundRowComputed, NULL),
  V (C, "state_capital.rows_carried_in", state_capital.rows_carried_in, AMOUNT, N_("Sum of the rows carried in")),
  V (C, "state_capital.rows_income", state_capital.rows_income, AMOUNT, N_("Sum of the rows' income")),
  V (C, "state_capital.rows_basic", state_capital.rows_basic, AMOUNT, N_("Sum of the rows' basic expenditure")),
  V (C, "state_capital.rows_project", state_capital.rows_project, AMOUNT, N_("Sum of the rows' project expenditure")),
  V (C, "state_capital.rows_carried_out", state_capital.rows_carried_out, AMOUNT, N_("Sum of the rows carried over")),
  ARRAY (C, "state_capital.subtotals", state_capital.subtotals, fund_subtotal_nodes, JueSubtotalComputed, NULL),

  V (C, "other.operating_cost.change", other.operating_cost_change, AMOUNT, N_("Operating cost minus last year's")),
  V (C, "other.operating_cost.change_pct", other.operating_cost_change_pct, PERCENT, N_("Change on last year, percent")),
  V (C, "other.procurement.total", other.procurement_total, AMOUNT, N_("Procurement: goods + works + services")),
  V (C, "other.procurement.sme_share", other.procurement_sme_share, PERCENT, N_("Awarded to SMEs, share of procurement")),
  V (C, "other.procurement.small_micro_share", other.procurement_small_micro_share, PERCENT, N_("Awarded to small and micro enterprises, share of procurement")),
  V (C, "other.assets.vehicles_total", other.vehicles_total, COUNT, N_("Vehicles by use, all six kinds")),

  GROUP (C, "dept_eval", dept_eval, eval_nodes, NULL),
  ARRAY (C, "special_funds", special_funds, eval_nodes, JueEvalComputed, NULL),
};
#undef C

/* ---- lookup ------------------------------------------------------------ */

static gboolean
lookup_in (const Node    *nodes,
           guint          n,
           gconstpointer  base,
           const char    *path,
           JueValue      *out)
{
  for (guint i = 0; i < n; i++)
    {
      const Node *node = &nodes[i];
      gsize len = strlen (node->name);
      const char *rest = path + len;
      gconstpointer slot = (const guint8 *) base + node->offset;

      if (strncmp (path, node->name, len) != 0)
        continue;
      if (node->type == NODE_VALUE && *rest == '\0')
        {
          *out = *(const JueValue *) slot;
          return TRUE;
        }
      if (node->type == NODE_GROUP && *rest == '.')
        return lookup_in (node->children, node->n_children, slot, rest + 1, out);
      if (node->type == NODE_ARRAY && *rest == '[' && g_ascii_isdigit (rest[1]))
        {
          const GArray *arr = *(GArray * const *) slot;
          char *end;
          guint64 k = g_ascii_strtoull (rest + 1, &end, 10);

          if (end[0] != ']' || end[1] != '.' || k >= arr->len)
            return FALSE;
          return lookup_in (node->children, node->n_children,
                            arr->data + k * node->elem_size, end + 2, out);
        }
    }
  return FALSE;
}

gboolean
jue_computed_lookup (const JueComputed *computed,
                     const char        *path,
                     JueValue          *out)
{
  g_return_val_if_fail (computed != NULL && path != NULL && out != NULL, FALSE);
  return lookup_in (root_nodes, G_N_ELEMENTS (root_nodes), computed, path, out);
}

const JueEvalComputed *
jue_computed_get_eval (const JueComputed *computed,
                       const char        *prefix)
{
  char *end;
  guint64 k;

  if (strcmp (prefix, "dept_eval") == 0)
    return &computed->dept_eval;
  if (!g_str_has_prefix (prefix, "special_funds["))
    return NULL;
  k = g_ascii_strtoull (prefix + strlen ("special_funds["), &end, 10);
  if (strcmp (end, "]") != 0 || k >= computed->special_funds->len)
    return NULL;
  return &g_array_index (computed->special_funds, JueEvalComputed, k);
}

/* ---- walks --------------------------------------------------------------- */

typedef struct {
  const char     *prefix;
  gsize           prefix_len;
  JueComputedFunc func;
  gpointer        user_data;
} Walk;

static gboolean
under_prefix (const Walk *w,
              const char *path)
{
  if (w->prefix == NULL)
    return TRUE;
  return strncmp (path, w->prefix, w->prefix_len) == 0 &&
         (path[w->prefix_len] == '\0' || path[w->prefix_len] == '.' ||
          path[w->prefix_len] == '[');
}

static void
walk_nodes (const Walk   *w,
            const Node   *nodes,
            guint         n,
            gconstpointer base,
            GString      *path)
{
  gsize len = path->len;

  for (guint i = 0; i < n; i++)
    {
      const Node *node = &nodes[i];
      gconstpointer slot = (const guint8 *) base + node->offset;

      if (len)
        g_string_append_c (path, '.');
      g_string_append (path, node->name);
      if (node->type == NODE_VALUE)
        {
          if (under_prefix (w, path->str))
            w->func (path->str, slot, w->user_data);
        }
      else if (node->type == NODE_GROUP)
        walk_nodes (w, node->children, node->n_children, slot, path);
      else
        {
          const GArray *arr = *(GArray * const *) slot;
          gsize at = path->len;

          for (guint k = 0; k < arr->len; k++)
            {
              g_string_truncate (path, at);
              g_string_append_printf (path, "[%u]", k);
              walk_nodes (w, node->children, node->n_children,
                          arr->data + k * node->elem_size, path);
            }
        }
      g_string_truncate (path, len);
    }
}

void
jue_computed_foreach (const JueComputed *computed,
                      const char        *prefix,
                      JueComputedFunc    func,
                      gpointer           user_data)
{
  Walk w = { prefix, prefix ? strlen (prefix) : 0, func, user_data };
  g_autoptr (GString) path = g_string_new (NULL);

  walk_nodes (&w, root_nodes, G_N_ELEMENTS (root_nodes), computed, path);
}

static void
walk_schema (const Node            *nodes,
             guint                  n,
             GString               *path,
             JueComputedSchemaFunc  func,
             gpointer               user_data)
{
  gsize len = path->len;

  for (guint i = 0; i < n; i++)
    {
      const Node *node = &nodes[i];

      if (len)
        g_string_append_c (path, '.');
      g_string_append (path, node->name);
      if (node->type == NODE_VALUE)
        func (path->str, node->kind, node->description, user_data);
      else
        {
          if (node->type == NODE_ARRAY)
            g_string_append (path, "[N]");
          walk_schema (node->children, node->n_children, path, func, user_data);
        }
      g_string_truncate (path, len);
    }
}

void
jue_computed_schema_foreach (JueComputedSchemaFunc func,
                             gpointer              user_data)
{
  g_autoptr (GString) path = g_string_new (NULL);

  walk_schema (root_nodes, G_N_ELEMENTS (root_nodes), path, func, user_data);
}

/* ---- display --------------------------------------------------------------- */

const char *
jue_undefined_reason_text (JueUndefinedReason reason)
{
  switch (reason)
    {
    case JUE_UNDEFINED_NONE:
      return "";
    case JUE_UNDEFINED_NO_BUDGET:
      return _("no budget");
    case JUE_UNDEFINED_NO_PREVIOUS:
      return _("no previous-year figure");
    case JUE_UNDEFINED_PREVIOUS_ZERO:
      return _("previous year was 0");
    case JUE_UNDEFINED_ZERO_TOTAL:
      return _("total is 0");
    case JUE_UNDEFINED_BLANK:
      return _("blank");
    case JUE_UNDEFINED_NO_SELF_SCORE:
      return _("no self-reported score");
    case JUE_UNDEFINED_UNREADABLE:
      return _("a figure cannot be read");
    default:
      return _("not computed");
    }
}

static char *
display (const JueValue *v,
         gboolean        signed_)
{
  g_autofree char *num = NULL;
  const char *sign = signed_ && v->value > 0 ? "+" : "";

  if (!v->defined)
    return g_strdup (jue_undefined_reason_text (v->reason));
  switch (v->kind)
    {
    case JUE_VALUE_AMOUNT:
      num = jue_fen_display (v->value);
      break;
    case JUE_VALUE_PERCENT:
      num = jue_centi_percent_display (v->value);
      break;
    case JUE_VALUE_POINTS:
      num = jue_centi_display (v->value);
      break;
    default:
      num = g_strdup_printf ("%" G_GINT64_FORMAT, v->value);
      break;
    }
  return g_strconcat (sign, num, NULL);
}

char *
jue_value_display (const JueValue *value)
{
  return display (value, FALSE);
}

char *
jue_value_display_signed (const JueValue *value)
{
  return display (value, TRUE);
}
