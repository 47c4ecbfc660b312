/* jue-rules-private.h — how a rule is declared, and the helpers rules use.
 * Shared by jue-checks.c (the engine) and jue-rules-*.c (the rules).
 *
 * A rule entry runs once per instance of its scope: once for the whole
 * report, once per functional row, once per evaluation table ("@" stands
 * for dept_eval and every special_funds[N]), once per indicator row, ….
 * Its read patterns say which field paths it looks at; [N] matches any
 * index.  A read pattern that begins with the scope's pattern pins the
 * instance (an edit of functional[3].actual re-runs the row rule for row 3
 * only); any other read pattern re-runs every instance.  A trailing "*"
 * matches any remainder.
 */
#pragma once

#include "jue-checks.h"
#include "jue-compare.h"

G_BEGIN_DECLS

typedef enum {
  JUE_SCOPE_REPORT,            /* ""                     */
  JUE_SCOPE_OFFICES,           /* profile.offices[N]     */
  JUE_SCOPE_FUNCTIONAL,        /* functional[N]          */
  JUE_SCOPE_GOV_FUND_ROWS,     /* gov_fund.rows[N]       */
  JUE_SCOPE_STATE_CAPITAL_ROWS,/* state_capital.rows[N]  */
  JUE_SCOPE_ACCOUNTS,          /* accounts[N]            */
  JUE_SCOPE_ECONOMIC,          /* economic[N]            */
  JUE_SCOPE_GLOSSARY,          /* glossary[N]            */
  JUE_SCOPE_DEPT_TASKS,        /* dept_eval.tasks[N]     */
  JUE_SCOPE_SPECIAL_FUNDS,     /* special_funds[N]       */
  JUE_SCOPE_EVAL,              /* @  (index -1 = dept_eval) */
  JUE_SCOPE_EVAL_INDICATORS,   /* @.indicators[N]        */
  JUE_N_SCOPES,
} JueScope;

typedef struct _JueCheckRun JueCheckRun;
typedef struct _JueRuleEntry JueRuleEntry;

typedef void (*JueRuleFunc) (JueCheckRun *run);

struct _JueRuleEntry {
  const char         *id;
  JueSeverity         severity;
  JueScope            scope;
  const char * const *reads;
  const char         *summary;     /* N_() */
  JueRuleFunc         func;
  gconstpointer       data;        /* for rules declared more than once */
};

struct _JueCheckRun {
  const JueReport    *report;
  const JueComputed  *computed;
  GHashTable         *classification;   /* code → JueClassEntry */
  gboolean            builtin_classification;
  GHashTable         *economic_classification;  /* code → JueClassEntry; NULL: none
                                                   imported (the built-in one is partial) */
  const JueRuleEntry *entry;
  JueChangeThreshold  change_threshold;   /* what a large change is (jue-compare.h) */
  gboolean            change_threshold_given;  /* else the report's own, over it */
  gint                index[2];  /* the instance: [0] list index (or eval,
                                    -1 = dept_eval), [1] the row within */
  /* engine-private */
  GPtrArray          *out;
  guint               entry_no;
  guint               seq;
};

extern const JueRuleEntry jue_rules_accounts[];
extern const guint        jue_n_rules_accounts;
extern const JueRuleEntry jue_rules_evaluation[];
extern const guint        jue_n_rules_evaluation;
extern const JueRuleEntry jue_rules_values[];
extern const guint        jue_n_rules_values;
extern const JueRuleEntry jue_rules_ties[];
extern const guint        jue_n_rules_ties;

/* Adds a finding; the message is printf-formatted (already translated). */
void     jue_check_add          (JueCheckRun *run,
                                 JueSeverity  severity,
                                 const char  *path,
                                 const char  *format,
                                 ...) G_GNUC_PRINTF (4, 5);

/* A figure or a difference for a message: "1447.01". */
char    *jue_check_fen          (gint64 fen);

/* The rounding allowance of a comparison of whole with parts: half a
 * display unit (0.005 万元) per figure that is rounded to 0.01 万元, the
 * whole included; exact figures add nothing. */
gint64   jue_check_allowance    (const JueAmount *figures,
                                 guint            n);

/* Reports a difference between two breakdowns of the same money: nothing
 * when diff is 0, a hint (message + "possibly a rounding difference") when
 * |diff| ≤ allowance, else a finding with severity.  Takes message. */
gboolean jue_check_diff         (JueCheckRun *run,
                                 JueSeverity  severity,
                                 const char  *path,
                                 gint64       diff,
                                 gint64       allowance,
                                 char        *message);

/* whole must equal the sum of parts (at most 4).  A blank figure is
 * unknown, never 0 (DOMAIN.md: blank is not zero): nothing is said while
 * the whole is blank; when every part is present a difference is reported;
 * when some part is blank only known parts that already exceed the whole
 * are.  A difference within the allowance is reported as a hint, anything
 * larger with severity.  format receives the whole, then every part (a
 * blank one as "blank"), then the difference, all as strings.  Returns
 * FALSE when it reported something. */
gboolean jue_check_sum          (JueCheckRun     *run,
                                 JueSeverity      severity,
                                 const char      *path,
                                 JueAmount        whole,
                                 const JueAmount *parts,
                                 guint            n_parts,
                                 const char      *format);

/* Two sides that must be equal (a balance): each side is a sum of figures,
 * blank ones unknown.  Returns the difference left − right to report, or
 * FALSE when the figures present do not contradict each other: both
 * sides complete and equal, or a side with blanks whose known figures do
 * not yet exceed the other, complete side (amounts are never negative, so
 * a blank can only add). */
gboolean jue_check_sides        (const JueAmount *left,
                                 guint            n_left,
                                 const JueAmount *right,
                                 guint            n_right,
                                 gint64          *diff_out);

/* Text of a figure for a message: "1447.01", or "blank" (translated). */
char    *jue_check_figure       (JueAmount a);

/* "dept_eval" or "special_funds[K]" for an evaluation index. */
char    *jue_check_eval_prefix  (gint eval);
/* The evaluation table of an index: its indicators and other fields. */
typedef struct {
  GPtrArray  *indicators;
  JuePercent  template_total;
  const JueEvalComputed *computed;
} JueEvalView;
gboolean jue_check_eval_view    (const JueCheckRun *run,
                                 gint               eval,
                                 JueEvalView       *out);

G_END_DECLS
