/* jue-checks.h — the checks (审核): findings on a report, and a checker that
 * re-runs only what an edit touches.
 *
 * Each check is one declared rule (jue-rules-*.c): a stable id such as
 * E-BREAKDOWN-BASIC, a severity, the field paths it reads and a translated
 * message stating the figures and their difference.  A finding names the
 * rule, its severity, the exact field path to fix and the message; an
 * explanation (出错说明) stored for (rule, path) marks it explained — it
 * is still listed.
 *
 * Ids start with E- (error), W- (warning) or H- (hint).  A sum that is off
 * by no more than the rounding allowance is reported under its rule's id
 * with severity hint ("可能为取整误差").
 */
#pragma once

#include <glib.h>

#include "jue-compare.h"
#include "jue-computed.h"
#include "jue-report.h"
#include "jue-store.h"

G_BEGIN_DECLS

typedef enum {
  JUE_SEVERITY_ERROR,
  JUE_SEVERITY_WARNING,
  JUE_SEVERITY_HINT,
  JUE_N_SEVERITIES,
} JueSeverity;

/* Completion of a functional row's budget below this is a warning
 * (招商引资 27.40% in the seed).  Centi-percent: 80.00%. */
#define JUE_COMPLETION_LOW_CENTI 8000

typedef struct {
  const char *rule;          /* rule id, static */
  JueSeverity severity;
  char       *path;          /* the field to fix */
  char       *message;       /* translated when it was made */
  char       *explanation;   /* 出错说明, NULL when there is none */
  /* which run of the rule produced it (internal ordering) */
  guint       entry;
  gint        scope[2];
  guint       seq;
} JueFinding;

JueFinding  *jue_finding_copy          (const JueFinding *finding);
void         jue_finding_free          (JueFinding *finding);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JueFinding, jue_finding_free)

/* "error", "warning", "hint" (for JSON and CSV). */
const char  *jue_severity_id           (JueSeverity severity);
/* Translated: "错误", "警告", "提示". */
const char  *jue_severity_label        (JueSeverity severity);

/* Every rule: id, default severity, the path patterns it reads (NULL-
 * terminated) and an English summary (N_(), translate with _()).  A rule id
 * may be declared once per place it applies; the walk lists each id once. */
typedef void (*JueRuleInfoFunc) (const char         *id,
                                 JueSeverity         severity,
                                 const char * const *reads,
                                 const char         *summary,
                                 gpointer            user_data);
void         jue_rules_foreach         (JueRuleInfoFunc func,
                                        gpointer        user_data);
gboolean     jue_rule_exists           (const char *id);

/* Does the report's template print 0.00 in an empty cell of its 三公 and
 * fund tables (profile.blank_cells blank or "0.00", Sichuan's), rather than
 * leave it blank ("空白")?  W-BLANK-ZERO and completeness ask. */
gboolean     jue_report_prints_zero    (const JueReport *report);

/* ---- the checker ----------------------------------------------------- */

typedef struct _JueChecker JueChecker;

JueChecker  *jue_checker_new           (void);
void         jue_checker_free          (JueChecker *checker);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JueChecker, jue_checker_free)

/* The functional classification to check codes against (JueClassEntry,
 * copied); NULL or empty for the built-in table.  Run a full check after. */
void         jue_checker_set_classification (JueChecker *checker,
                                             GPtrArray  *entries);
/* The economic classification imported into the report (JueClassEntry,
 * copied; NULL or empty: none — W-ECONOMIC-CODE then says nothing, the
 * built-in table being partial). */
void         jue_checker_set_economic_classification (JueChecker *checker,
                                                      GPtrArray  *entries);
/* What counts as a large change on last year (W-CHANGE-NO-REASON), over
 * the report's own setting; NULL: the report's setting, else the default
 * (jue_change_threshold_for_report()).  Run a full check after. */
void         jue_checker_set_change_threshold (JueChecker               *checker,
                                               const JueChangeThreshold *threshold);
/* (rule, path) → text as kept by JueDocument (keys from
 * jue_explanation_key()); borrowed, may be NULL.  Read by get_findings. */
void         jue_checker_set_explanations   (JueChecker *checker,
                                             GHashTable *explanations);

/* Checks everything. */
void         jue_checker_check         (JueChecker      *checker,
                                        const JueReport *report);
/* After one edit: changed_path is the scalar field that changed, or the
 * list whose rows were inserted, removed or moved ("functional",
 * "special_funds[2].indicators").  Re-runs only the rules that read it;
 * the findings equal those of a full check.  NULL means everything. */
void         jue_checker_update        (JueChecker      *checker,
                                        const JueReport *report,
                                        const char      *changed_path);

/* The findings in rule order, then by position, with explanations filled
 * in.  Owned by the checker; valid until the next check or update. */
GPtrArray   *jue_checker_get_findings  (JueChecker *checker);
/* Counts by severity (explained findings included). */
void         jue_checker_count         (JueChecker *checker,
                                        guint       counts[JUE_N_SEVERITIES]);
/* The computed values the checks used (valid until the next run). */
const JueComputed *jue_checker_get_computed (JueChecker *checker);

/* Convenience: a full check; returns a new array of JueFinding (free with
 * g_ptr_array_unref). */
GPtrArray   *jue_check_report          (const JueReport *report,
                                        GPtrArray       *classification,
                                        GHashTable      *explanations);
/* The same against an economic classification too (NULL: the built-in
 * one), as validate and the export's findings file check. */
GPtrArray   *jue_check_report_economic (const JueReport *report,
                                        GPtrArray       *classification,
                                        GPtrArray       *economic,
                                        GHashTable      *explanations);

/* ---- classification tables -------------------------------------------- */

/* The built-in functional classification (resources/gfs-expenditure-
 * functional.csv, partial: see /work/shared/data/README.md), of
 * JueClassEntry.  Owned by the library. */
GPtrArray   *jue_classification_builtin (void);
/* Reads a classification CSV (header code,name,level,parent; UTF-8, BOM
 * allowed; RFC 4180 quoting).  Every bad row is reported as
 * "origin:LINE: message" in one error; nothing is returned then. */
GPtrArray   *jue_classification_parse  (const char  *data,
                                        gsize        len,
                                        const char  *origin,
                                        GError     **error);
/* The same for the economic classification: only 3-digit 类 (level 1) and
 * 5-digit 款 (level 2) codes. */
GPtrArray   *jue_classification_economic_parse (const char  *data,
                                                gsize        len,
                                                const char  *origin,
                                                GError     **error);
/* One entry of such a table (its cells trimmed), after the entries whose
 * codes are in seen: NULL when it is fine (*level_out its level), else the
 * problem (free it) with *column_out the cell it is in (0 code, 1 name,
 * 2 level, 3 parent).  economic: as jue_classification_economic_parse(). */
char        *jue_classification_entry_problem (const char *code,
                                               const char *name,
                                               const char *level,
                                               const char *parent,
                                               GHashTable *seen,
                                               gboolean    economic,
                                               int        *level_out,
                                               guint      *column_out);

G_END_DECLS
