/* jue-computed.h — every figure that is computed, never typed: totals,
 * shares (占比), completion rates (完成预算%), year-on-year changes (增减额,
 * 增减%), class subtotals, three-public totals, procurement shares, weight
 * totals and scores.  The GUI, the CLI, CSV export and the checks all read
 * them from here, so a figure is computed in exactly one place.
 *
 * Each value has a stable *computed path* in the style of field paths
 * ("income.total", "functional[3].completion", "special_funds[2].score");
 * docs/computed.md lists them all.  Values are integers:
 *   JUE_VALUE_AMOUNT   fen
 *   JUE_VALUE_PERCENT  centi-percent (9503 = 95.03%), half up from exact fen
 *   JUE_VALUE_POINTS   centi-points (9096 = 90.96 points; weights, scores)
 *   JUE_VALUE_COUNT    a plain integer
 * A value that cannot be computed (no budget, 上年为0, …) has defined FALSE
 * and a reason; its value is then 0 and must not be shown as a number.
 *
 * Recomputing is one allocation-free pass over the report (the GUI does it
 * on every keystroke).  Strings in the typed structs (class names) point
 * into the report and stay valid until the report changes.
 */
#pragma once

#include <glib.h>

#include "jue-report.h"

G_BEGIN_DECLS

typedef enum {
  JUE_VALUE_AMOUNT,
  JUE_VALUE_PERCENT,
  JUE_VALUE_POINTS,
  JUE_VALUE_COUNT,
} JueValueKind;

typedef enum {
  JUE_UNDEFINED_NONE = 0,
  JUE_UNDEFINED_NO_BUDGET,      /* completion: the budget is blank or 0 */
  JUE_UNDEFINED_NO_PREVIOUS,    /* change: last year's figure is blank */
  JUE_UNDEFINED_PREVIOUS_ZERO,  /* change %: 上年为0, never "100%" */
  JUE_UNDEFINED_ZERO_TOTAL,     /* share of a total that is 0 */
  JUE_UNDEFINED_BLANK,          /* the figure itself is blank */
  JUE_UNDEFINED_NO_SELF_SCORE,  /* score gap: no self-reported score */
  JUE_UNDEFINED_UNREADABLE,     /* a figure it depends on cannot be read */
} JueUndefinedReason;

typedef struct {
  gint64   value;
  guint8   kind;      /* JueValueKind */
  guint8   reason;    /* JueUndefinedReason, NONE when defined */
  gboolean defined;
} JueValue;

/* ---- typed views (read directly; paths in comments) ------------------- */

typedef struct { JueValue share; } JueShareComputed;          /* X.share */

typedef struct {
  JueValue total;          /* income.total        本年收入合计 (8 lines) */
  JueValue grand_total;    /* income.grand_total  收入总计 = total + non_fiscal_surplus_used + carried_in */
  JueValue change;         /* income.change       grand_total − overview.previous_income_total */
  JueValue change_pct;     /* income.change_pct */
  /* income.<line>.share: each of the 8 lines as a share of income.total */
  JueShareComputed general_budget, gov_fund, state_capital, superior_subsidy,
                   business, operating, affiliated, other;
} JueIncomeComputed;

typedef struct {
  JueValue total;          /* expenditure.total        本年支出合计 (5 lines) */
  JueValue grand_total;    /* expenditure.grand_total  支出总计 = total + surplus_distribution + carried_out */
  JueValue change;         /* expenditure.change       grand_total − overview.previous_expenditure_total */
  JueValue change_pct;     /* expenditure.change_pct */
  /* expenditure.<line>.share: of expenditure.total */
  JueShareComputed basic, project, to_superior, operating, affiliated_subsidy;
} JueExpenditureComputed;

typedef struct {
  JueValue difference;     /* balance.difference  income.grand_total − expenditure.grand_total */
} JueBalanceComputed;

typedef struct {
  JueValue change;         /* appropriation.general_budget.change  vs previous_general_budget */
  JueValue change_pct;     /* appropriation.general_budget.change_pct */
  JueValue share;          /* appropriation.general_budget.share   of expenditure.total */
} JueGeneralBudgetComputed;

typedef struct {
  JueValue income_total;            /* appropriation.income_total  (3 appropriation incomes) */
  JueValue income_grand_total;      /* appropriation.income_grand_total  + carried_in */
  JueValue expenditure_total;       /* appropriation.expenditure_total */
  JueValue expenditure_grand_total; /* appropriation.expenditure_grand_total  + carried_out */
  JueValue basic_project_total;     /* appropriation.basic_project_total  general_budget_basic + general_budget_project */
  JueValue change;                  /* appropriation.change  expenditure_grand_total − previous_total */
  JueValue change_pct;              /* appropriation.change_pct */
  JueGeneralBudgetComputed general_budget;
  JueShareComputed general_budget_basic;   /* .share of expenditure_general_budget */
  JueShareComputed general_budget_project; /* .share of expenditure_general_budget */
} JueAppropriationComputed;

typedef struct {
  JueValue budget;         /* functional_total.budget */
  JueValue actual;         /* functional_total.actual      Σ functional[].actual */
  JueValue completion;     /* functional_total.completion  actual / budget */
  JueValue basic;          /* functional_total.basic       Σ functional[].basic */
  JueValue project;        /* functional_total.project     Σ functional[].project */
  JueValue budget_initial; /* functional_total.budget_initial */
  JueValue unsplit;        /* functional_total.unsplit     actual − basic − project */
} JueFunctionalTotalComputed;

typedef struct {
  JueValue share;          /* functional[N].share       actual / functional_total.actual */
  JueValue completion;     /* functional[N].completion  actual / budget */
  JueValue class_index;    /* functional[N].class_index its functional_classes[] index */
  JueValue unsplit;        /* functional[N].unsplit     未分项: actual − basic − project
                              (a blank part is unknown: the rest of actual) */
  JueValue class_subtotal; /* functional[N].class_subtotal  its 类 in functional_subtotals */
  JueValue kuan_subtotal;  /* functional[N].kuan_subtotal   its 款 in functional_subtotals */
} JueFunctionalRowComputed;

/* ---- subtotals by code (类 / 款 rows of the published tables) --------- */

#define JUE_SUBTOTAL_MAX_COLUMNS 13

/* A 类 or 款 subtotal of a list's rows: the rows whose codes share their
 * first 3 (类) or 5 (款) digits, or — where the row or the subtotal has no
 * code — whose 类 / 款 names are the same (a list coded only in part still
 * gets one subtotal per 类 and 款).  In order of first appearance; each row
 * names its subtotals (<list>[N].class_subtotal, .kuan_subtotal), so a table
 * prints a subtotal before the first of its rows.  v[] holds the list's
 * amount columns, in the order of its computed paths (docs/computed.md):
 * each the sum of its rows' figures, blank when all are blank, unknown when
 * one cannot be read. */
typedef struct {
  char        code[8];     /* "206", "20601"; "" when no row under it has a code */
  const char *name;        /* class_name / kuan_name of the first row having one
                              (accounts, functional); the 类 line's name
                              (economic); NULL otherwise */
  JueValue    code_value;  /* <list>_subtotals[N].code    the code as a number (blank: none) */
  JueValue    level;       /* <list>_subtotals[N].level   1 类, 2 款 */
  JueValue    parent;      /* <list>_subtotals[N].parent  a 款's 类 subtotal (index) */
  JueValue    rows;        /* <list>_subtotals[N].rows    rows under it */
  JueValue    v[JUE_SUBTOTAL_MAX_COLUMNS];
} JueSubtotalComputed;

/* The amount columns of accounts[N] (field order), then the row totals:
 * the index into JueAccountTotalComputed.v and the subtotals' v[]. */
typedef enum {
  JUE_ACCOUNT_INCOME_APPROPRIATION,
  JUE_ACCOUNT_INCOME_SUPERIOR,
  JUE_ACCOUNT_INCOME_BUSINESS,
  JUE_ACCOUNT_INCOME_OPERATING,
  JUE_ACCOUNT_INCOME_AFFILIATED,
  JUE_ACCOUNT_INCOME_OTHER,
  JUE_ACCOUNT_EXP_BASIC,
  JUE_ACCOUNT_EXP_PROJECT,
  JUE_ACCOUNT_EXP_TO_SUPERIOR,
  JUE_ACCOUNT_EXP_OPERATING,
  JUE_ACCOUNT_EXP_AFFILIATED,
  JUE_ACCOUNT_INCOME_TOTAL,
  JUE_ACCOUNT_EXP_TOTAL,
  JUE_ACCOUNT_N_COLUMNS
} JueAccountColumn;

typedef struct {
  JueValue income_total;   /* accounts[N].income_total  Σ the six income columns */
  JueValue exp_total;      /* accounts[N].exp_total     Σ the five expenditure columns */
  JueValue class_subtotal; /* accounts[N].class_subtotal  its 类 in accounts_subtotals */
  JueValue kuan_subtotal;  /* accounts[N].kuan_subtotal   its 款 in accounts_subtotals */
} JueAccountRowComputed;

typedef struct {
  JueValue v[JUE_ACCOUNT_N_COLUMNS];   /* accounts_total.<column>  Σ rows */
} JueAccountTotalComputed;

/* functional_subtotals[N].v[]: budget, actual, basic, project,
 * budget_initial; fund subtotals (gov_fund.subtotals[N]): budget,
 * carried_in, income, actual, basic, project, carried_out;
 * economic_subtotals[N]: actual. */
enum { JUE_FUNCTIONAL_SUBTOTAL_COLUMNS = 5, JUE_FUND_SUBTOTAL_COLUMNS = 7 };

/* 表6: basic expenditure by economic classification. */
typedef struct {
  JueValue block;          /* economic[N].block    1 人员经费 (301, 303), 2 公用经费
                              (other codes), 0 no code (in no block) */
  JueValue counted;        /* economic[N].counted  1 when the row counts in its
                              block; 0 for a 类 row with 款 rows under it (their
                              subtotal is computed) and for a row without a code */
  JueValue class_subtotal; /* economic[N].class_subtotal  its 类 in economic_subtotals (by code) */
} JueEconomicRowComputed;

typedef struct {
  JueValue personnel;      /* economic_total.personnel  Σ counted 301*, 303* rows */
  JueValue public;         /* economic_total.public     Σ counted other rows */
  JueValue actual;         /* economic_total.actual     personnel + public */
  JueValue unsplit_personnel; /* economic.unsplit_personnel  未分项: basic.personnel − personnel */
  JueValue unsplit_public;    /* economic.unsplit_public     未分项: basic.public − public */
} JueEconomicComputed;

/* A class (类) subtotal.  Rows belong to the same class when their codes
 * share the first 3 digits or, for rows without a code, when their
 * class_name is the same as the class's. */
typedef struct {
  char        code[8];     /* first 3 digits of the first coded row, or "" */
  const char *name;        /* class_name of the first row that has one */
  JueValue    budget;      /* functional_classes[N].budget */
  JueValue    actual;      /* functional_classes[N].actual */
  JueValue    share;       /* functional_classes[N].share       of functional_total.actual */
  JueValue    completion;  /* functional_classes[N].completion */
  JueValue    rows;        /* functional_classes[N].rows        number of rows */
} JueFunctionalClassComputed;

typedef struct {
  JueValue total;          /* basic.total  personnel + public */
  JueShareComputed personnel, public;   /* basic.personnel.share, basic.public.share */
} JueBasicComputed;

/* One "three public" item.  Paths three_public.{abroad,vehicle,reception,
 * vehicle.purchase,vehicle.operation}.X */
typedef struct {
  JueValue completion;     /* actual / budget */
  JueValue change;         /* actual − previous */
  JueValue change_pct;
  JueValue share;          /* of three_public.total.actual (purchase and
                              operation: of vehicle.actual) */
} JueThreePublicItemComputed;

typedef struct {
  JueValue budget;         /* three_public.total.budget    abroad + vehicle + reception */
  JueValue actual;         /* three_public.total.actual */
  JueValue previous;       /* three_public.total.previous */
  JueValue completion;     /* three_public.total.completion */
  JueValue change;         /* three_public.total.change */
  JueValue change_pct;     /* three_public.total.change_pct */
} JueThreePublicTotalComputed;

typedef struct {
  JueThreePublicTotalComputed total;
  JueThreePublicItemComputed  abroad, vehicle, reception;
  JueThreePublicItemComputed  vehicle_purchase;   /* three_public.vehicle.purchase.X */
  JueThreePublicItemComputed  vehicle_operation;  /* three_public.vehicle.operation.X */
  JueValue vehicle_count;        /* three_public.vehicle.count  sedans + suvs + buses */
  JueValue reception_batches;    /* three_public.reception.batches  domestic + foreign */
  JueValue reception_persons;    /* three_public.reception.persons */
} JueThreePublicComputed;

typedef struct {
  JueValue completion;     /* gov_fund.rows[N].completion */
  JueValue unsplit;        /* gov_fund.rows[N].unsplit  未分项: actual − basic − project */
  JueValue class_subtotal; /* gov_fund.rows[N].class_subtotal  its 类 in gov_fund.subtotals (by code) */
  JueValue kuan_subtotal;  /* gov_fund.rows[N].kuan_subtotal   its 款 */
} JueFundRowComputed;

typedef struct {
  JueValue rows_budget;    /* gov_fund.rows_budget   Σ rows[].budget */
  JueValue rows_actual;    /* gov_fund.rows_actual   Σ rows[].actual */
  JueValue change;         /* gov_fund.change        expenditure − previous */
  JueValue change_pct;     /* gov_fund.change_pct */
  GArray  *rows;           /* of JueFundRowComputed */
  JueValue rows_carried_in;  /* gov_fund.rows_carried_in   Σ rows[].carried_in */
  JueValue rows_income;      /* gov_fund.rows_income       Σ rows[].income */
  JueValue rows_basic;       /* gov_fund.rows_basic        Σ rows[].basic */
  JueValue rows_project;     /* gov_fund.rows_project      Σ rows[].project */
  JueValue rows_carried_out; /* gov_fund.rows_carried_out  Σ rows[].carried_out */
  GArray  *subtotals;      /* of JueSubtotalComputed: gov_fund.subtotals[N] */
} JueFundComputed;         /* also state_capital.X */

typedef struct {
  JueValue operating_cost_change;      /* other.operating_cost.change */
  JueValue operating_cost_change_pct;  /* other.operating_cost.change_pct */
  JueValue procurement_total;          /* other.procurement.total  goods + works + services */
  JueValue procurement_sme_share;      /* other.procurement.sme_share          sme / total */
  JueValue procurement_small_micro_share; /* other.procurement.small_micro_share  small_micro / total */
  JueValue vehicles_total;             /* other.assets.vehicles_total  by use, all six */
} JueOtherComputed;

typedef enum {
  JUE_INDICATOR_MET,          /* ≥ ≤ = with numbers, target reached */
  JUE_INDICATOR_MISSED,       /* ≥ ≤ = with numbers, target missed */
  JUE_INDICATOR_QUALITATIVE,  /* 定性: scored by grade */
  JUE_INDICATOR_NOT_NUMERIC,  /* ≥ ≤ = but no number in target or actual
                                 (a word: 完成, 满意): 0 points unless the
                                 reviewer grades it */
  JUE_INDICATOR_NO_ACTUAL,    /* ≥ ≤ = with a target and a blank actual:
                                 cannot be scored, 0 points */
} JueIndicatorStatus;

typedef struct {
  JueValue score;            /* <eval>.indicators[N].score  centi-points */
  guint8   status;           /* JueIndicatorStatus */
  gboolean graded;           /* grade typed (定性 / not numeric) */
  gboolean ungraded;         /* a 定性 row without a grade (full weight) */
  gboolean unscored;         /* could not be scored: 0 points (no actual,
                                or a word where a figure is expected) */
  gboolean has_target;       /* a number was read from the target text */
  gboolean has_actual;       /* a number was read from the actual text */
  gint64   target_micro;     /* that number × 10⁶ */
  gint64   actual_micro;
} JueIndicatorComputed;

/* A self-evaluation table: dept_eval or special_funds[N].  Paths <eval>.X */
typedef struct {
  JueValue weight_total;     /* Σ indicators[].weight (points) */
  JueValue template_total;   /* the template's figure: template_total, blank = 90 */
  JueValue execution_rate;   /* budget execution rate (percent): dept_eval
                                budget_executed / budget_adjusted; special
                                funds funds_executed / funds_total */
  JueValue execution_score;  /* P × min(1, executed / budget) (points), where
                                P = 100 − template_total: 10 beside the
                                usual 90, 0 beside a 100 template */
  JueValue indicator_score;  /* Σ indicators[].score */
  JueValue score;            /* indicator_score + execution_score */
  JueValue score_gap;        /* score − self_score */
  JueValue ungraded;         /* number of 定性 rows without a grade */
  JueValue unscored;         /* number of rows that could not be scored
                                (blank actual, or a word for a figure) */
  GArray  *indicators;       /* of JueIndicatorComputed */
} JueEvalComputed;

typedef struct {
  JueIncomeComputed          income;
  JueExpenditureComputed     expenditure;
  JueBalanceComputed         balance;
  JueAppropriationComputed   appropriation;
  JueFunctionalTotalComputed functional_total;
  GArray                    *functional;          /* of JueFunctionalRowComputed */
  GArray                    *functional_classes;  /* of JueFunctionalClassComputed */
  GArray                    *functional_subtotals;/* of JueSubtotalComputed, by code */
  JueAccountTotalComputed    accounts_total;
  GArray                    *accounts;            /* of JueAccountRowComputed */
  GArray                    *accounts_subtotals;  /* of JueSubtotalComputed, by code */
  JueBasicComputed           basic;
  JueEconomicComputed        economic_total;      /* economic_total.*, economic.unsplit_* */
  GArray                    *economic;            /* of JueEconomicRowComputed */
  GArray                    *economic_subtotals;  /* of JueSubtotalComputed (类) */
  JueThreePublicComputed     three_public;
  JueFundComputed            gov_fund;
  JueFundComputed            state_capital;
  JueOtherComputed           other;
  JueEvalComputed            dept_eval;
  GArray                    *special_funds;       /* of JueEvalComputed */
} JueComputed;

/* The default weight total of a self-evaluation (Sichuan's template: the
 * indicators carry 90 points, budget execution the other 10). */
#define JUE_DEFAULT_TEMPLATE_TOTAL_CENTI 9000

JueComputed *jue_computed_new        (void);
void         jue_computed_free       (JueComputed *computed);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JueComputed, jue_computed_free)

/* Recomputes everything from report. */
void         jue_computed_update     (JueComputed     *computed,
                                      const JueReport *report);
/* The same result as jue_computed_update(), cheaper after one scalar field
 * changed: indicator texts other than the changed one are not read again.
 * changed_path NULL, or a list path (rows inserted, removed, moved), means
 * everything. */
void         jue_computed_update_after (JueComputed     *computed,
                                        const JueReport *report,
                                        const char      *changed_path);

/* Reads one value by computed path.  FALSE for a path that names no value
 * (out is then untouched). */
gboolean     jue_computed_lookup     (const JueComputed *computed,
                                      const char        *path,
                                      JueValue          *out);

typedef void (*JueComputedFunc) (const char     *path,
                                 const JueValue *value,
                                 gpointer        user_data);
/* Every value with its path, in the order of docs/computed.md.  prefix
 * (NULL for all) limits the walk to paths that start with it followed by
 * '.', '[' or the end ("three_public", "special_funds[2]"). */
void         jue_computed_foreach    (const JueComputed *computed,
                                      const char        *prefix,
                                      JueComputedFunc    func,
                                      gpointer           user_data);

/* Every computed path pattern ("special_funds[N].indicators[N].score") with
 * its kind and an English description (N_(), translate with _()). */
typedef void (*JueComputedSchemaFunc) (const char   *pattern,
                                       JueValueKind  kind,
                                       const char   *description,
                                       gpointer      user_data);
void         jue_computed_schema_foreach (JueComputedSchemaFunc func,
                                          gpointer              user_data);

/* For display: "1447.01" (万元), "95.03%", "90.96", "3"; an undefined value
 * gives its reason, translated ("上年为0", "无预算", …). */
char        *jue_value_display       (const JueValue *value);
/* Signed, for changes: "+2.39", "-131.49", "+62.24%". */
char        *jue_value_display_signed (const JueValue *value);
const char  *jue_undefined_reason_text (JueUndefinedReason reason);

/* The typed evaluation for an evaluation prefix: "dept_eval" or
 * "special_funds[N]"; NULL when there is none. */
const JueEvalComputed *jue_computed_get_eval (const JueComputed *computed,
                                              const char        *prefix);

/* Reads the first number of an indicator text (like jue_text_first_number()
 * but without allocating): full-width digits, "95%", "≥ 98", "591，230". */
gboolean     jue_indicator_number    (const char *text,
                                      gint64     *micro_out);

G_END_DECLS
