/* jue-consolidate.h — a department's report as the sum of its units'
 * reports (汇总: 本级 + 下属单位).
 *
 * - The tables are summed: every amount and count of the income,
 *   expenditure, appropriation, basic-expenditure, “三公”, fund-table and
 *   other-matters records (staff and unit counts too), and the rows of the
 *   functional, accounts, economic and fund tables matched by code (by their
 *   names where a row has no code).  A blank stays blank only when it is
 *   blank in every unit.  Shares and percentages are computed from the sums.
 * - The department unit (the first, or the one named) gives the profile,
 *   every text, the glossary (others' new terms appended) and the
 *   department-wide evaluation; each unit's special-fund evaluations are
 *   listed in unit order, and every other unit's department-wide evaluation
 *   is kept as an attachment (a special-fund entry titled as such).
 * - Flows between the units can be eliminated (off by default): 对附属单位
 *   补助支出 against 上级补助收入, 附属单位上缴收入 against 上缴上级支出 —
 *   the smaller of the two sums, from both, in the totals (表1) and in the
 *   accounts columns (表2, 表3) by the same amount, so the columns still
 *   tie to the lines: first within each 项, then from the rows holding the
 *   rest; every elimination is listed.
 * - Refused with the reason: units of different years or templates, a unit
 *   holding a value that cannot be read.
 * Amounts are added as fen.
 */
#pragma once

#include <glib.h>

#include "jue-document.h"

G_BEGIN_DECLS

typedef struct {
  const char *name;       /* the unit's label in the provenance (its file name) */
  JueReport  *report;     /* borrowed */
} JueUnit;

typedef struct {
  JueReport *report;        /* the consolidated report */
  GPtrArray *provenance;    /* of char*: "PATH\tUNIT\tVALUE" lines, in path order */
  GPtrArray *eliminated;    /* of char*: translated lines, one per elimination */
} JueConsolidation;

void              jue_consolidation_free (JueConsolidation *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JueConsolidation, jue_consolidation_free)

/* units: of JueUnit*; department: the index of the department's own unit.
 * NULL with error (naming the unit and why) when they cannot be summed. */
JueConsolidation *jue_consolidate        (GPtrArray  *units,
                                          guint       department,
                                          gboolean    eliminate,
                                          GError    **error);

/* Writes the consolidation to out_file: created when it does not exist;
 * when it is a consolidation already (re-consolidating after a unit
 * resubmits), it is rebuilt in place keeping the department's own texts
 * (every text outside the special-fund evaluations), explanations and
 * classification tables, functional and economic: the units' tables are
 * never read, so units whose tables differ (or lack one) change nothing —
 * a consolidation has the tables imported into it, none at first.  The
 * provenance and the units are kept in the file (meta rows
 * "consolidation:…", "provenance:PATH"). */
gboolean          jue_consolidation_write (JueConsolidation *c,
                                           GPtrArray        *units,
                                           guint             department,
                                           const char       *out_file,
                                           gboolean         *reconsolidated_out,
                                           GError          **error);

G_END_DECLS
