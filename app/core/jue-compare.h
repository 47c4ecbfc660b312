/* jue-compare.h — this year against last year: the lines Part 2 (情况说明)
 * must explain, what changed most, and whether the reason given fits.
 *
 * A change is large when it reaches either threshold: its amount (default
 * ±10万元) or its percent of last year's figure (default ±10%); a change
 * from 0 (no percent) is large.  The checks warn when a large change has
 * no reason (W-CHANGE-NO-REASON; for the “三公” lines any change, as Part 2
 * explains every one) and when the reason names the wrong direction
 * (W-CHANGE-REASON-SIGN: 增加 where the figure fell).
 */
#pragma once

#include <glib.h>

#include "jue-computed.h"
#include "jue-report.h"

G_BEGIN_DECLS

typedef struct {
  gint64 fen;     /* |change| at least this is large (default 10万元) */
  gint64 centi;   /* |change %| at least this is large (centi-percent; 1000 = 10%) */
} JueChangeThreshold;

#define JUE_CHANGE_THRESHOLD_FEN   (G_GINT64_CONSTANT (100000) * 100)   /* 10万元 */
#define JUE_CHANGE_THRESHOLD_CENTI 1000                                 /* 10% */

/* The defaults; JUESUAN_CHANGE_THRESHOLD ("10%,10" — percent, then 万元)
 * in the environment overrides them, so the window and the CLI agree. */
JueChangeThreshold jue_change_threshold_default (void);
/* What a report counts as large: its own setting (profile.change_threshold_
 * percent and _amount, each where typed) over the defaults above.  A
 * threshold given for one run (`--threshold`) overrides both. */
JueChangeThreshold jue_change_threshold_for_report (const JueReport *report);
/* "10%,10", "5,2.5" (percent, 万元).  FALSE with error on anything else. */
gboolean     jue_change_threshold_parse (const char          *text,
                                         JueChangeThreshold  *out,
                                         GError             **error);

/* Is previous → current a large change?  Both known. */
gboolean     jue_change_is_large        (gint64                    previous_fen,
                                         gint64                    current_fen,
                                         const JueChangeThreshold *threshold);
/* The word of reason that says the other direction ("增加" where change < 0,
 * "减少" where change > 0), or NULL.  A reason naming both directions is
 * not judged. */
const char  *jue_reason_contradicts     (const char *reason,
                                         gint64      change_fen);

typedef struct {
  const char *label;        /* English, N_() */
  const char *current;      /* this year's figure: a field or computed path */
  const char *current_parts;/* for a computed total: its fields, space-separated */
  const char *previous;     /* this report's 上年 figure: a field or computed path */
  const char *previous_parts;
  const char *reason;       /* the reason field that explains it */
  gboolean    always;       /* any change needs a reason (“三公”), not only a large one */
  gboolean    checked;      /* W-CHANGE-NO-REASON looks at it (not the vehicle parts) */
} JueChangeLine;

/* The lines Part 2 explains, NULL-terminated. */
const JueChangeLine *jue_change_lines (void);

/* A line's figure of this year (previous FALSE) or its 上年 figure: known
 * (set) only when every figure it adds is typed (blank is not 0). */
JueAmount    jue_change_figure          (const JueReport     *report,
                                         const JueComputed   *computed,
                                         const JueChangeLine *line,
                                         gboolean             previous);

typedef struct {
  char      *label;          /* translated */
  char      *path;           /* this year's field (or the row) */
  JueAmount  last;           /* last year's figure (from LAST) */
  JueAmount  current;        /* this year's (from THIS) */
  JueAmount  stated_previous;/* what THIS gives as last year's (its 上年 field) */
  gboolean   has_stated;     /* the line has a 上年 field */
  gint64     change;         /* current − last, fen; when both known */
  JueValue   change_pct;     /* of last */
  char      *reason;         /* THIS's reason text, NULL when the line has none */
  char      *reason_path;
  gboolean   large;
  const char *contradiction; /* the word, or NULL */
} JueCompareLine;

void         jue_compare_line_free      (JueCompareLine *line);

/* The columns a comparison is shown in, by the CLI and the window alike. */
typedef enum {
  JUE_COMPARE_COL_LINE,
  JUE_COMPARE_COL_LAST,
  JUE_COMPARE_COL_THIS,
  JUE_COMPARE_COL_CHANGE,
  JUE_COMPARE_COL_CHANGE_PCT,
  JUE_COMPARE_COL_REASON,
  JUE_COMPARE_COL_NOTE,
  JUE_COMPARE_N_COLS
} JueCompareColumn;

/* The translated heading of each column (JUE_COMPARE_N_COLS of them). */
const char  *jue_compare_heading        (JueCompareColumn column);
/* A line's texts, one per column (NULL-terminated): amounts in 万元 (— when
 * unknown), the signed change and percent, the reason on one line (cut to
 * reason_chars characters with …, 0: whole; “(none)” when the line has a
 * reason field left blank), and the note (a large change without a reason,
 * a reason naming the other direction, a 上年 figure that is not last
 * year's). */
char       **jue_compare_line_texts     (const JueCompareLine *line,
                                         guint                 reason_chars);

typedef enum {
  JUE_COMPARE_SORT_AMOUNT,    /* the largest |change| first */
  JUE_COMPARE_SORT_PERCENT,   /* the largest |change %| first (from 0 first) */
} JueCompareSort;

/* Every line of jue_change_lines() and every functional row (matched by
 * code, or by its names when it has no code) known in either report, each
 * row with its reason (functional[N].reason) and its own 上年 figure
 * (functional[N].previous) as stated_previous; sorted.  last NULL: against
 * current's own 上年 figures (the rows that have one). */
GPtrArray   *jue_compare_reports        (const JueReport          *last,
                                         const JueReport          *current,
                                         const JueChangeThreshold *threshold,
                                         JueCompareSort            sort);

/* The one rule for when a change on last year needs a reason — the check
 * W-CHANGE-NO-REASON, completeness and the generated text all ask it: any
 * change of a “三公” line (line->always), else a large one
 * (jue_change_is_large: past either threshold, or from 0). */
gboolean     jue_change_line_needs_reason (const JueChangeLine      *line,
                                           gint64                    previous_fen,
                                           gint64                    current_fen,
                                           const JueChangeThreshold *threshold);
/* Is the reason at reason_path ("overview.change_reason") needed now: a
 * checked line it explains has both figures known and a change that needs
 * one.  FALSE for a path no line names. */
gboolean     jue_change_reason_required   (const JueReport          *report,
                                           const JueComputed        *computed,
                                           const char               *reason_path,
                                           const JueChangeThreshold *threshold);

G_END_DECLS
