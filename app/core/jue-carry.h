/* jue-carry.h — next year's report from last year's (carry forward).
 *
 * The report is made once a year, mostly from last year's.  Carrying:
 * - the year advances by one;
 * - last year's 决算 figures become this year's 上年 figures wherever the
 *   tables and the text compare with last year (jue_carry_previous_fields()
 *   lists each pair): the income and expenditure grand totals, the
 *   appropriation total and general-budget expenditure, each “三公” item,
 *   the two fund tables' expenditure and 机关运行经费;
 * - the profile (but this year's staff counts), the internal offices, the
 *   glossary, the rows of every table by code and name, and the structure
 *   of every evaluation (tasks, indicator levels, names, natures, units,
 *   weights, template totals, section headings) are kept;
 * - every figure of this year is blank: amounts, counts, scores, grades,
 *   indicator targets and actuals, the date prepared;
 * - every carried text of prose (duties, structure, reasons, purposes,
 *   explanations, targets, task contents, report sections, the special
 *   funds' titles and descriptions) is marked carried
 *   (jue_field_is_carried()) until the user confirms or edits it, and
 *   completeness counts it as not done.
 * Amounts are copied as fen, never through a double.
 */
#pragma once

#include <glib.h>

#include "jue-document.h"
#include "jue-report.h"

G_BEGIN_DECLS

typedef struct {
  const char *previous;   /* the field of this year's report: "three_public.abroad.previous" */
  const char *source;     /* last year's figure it takes: a field or computed path */
} JueCarryPair;

/* The 上年 fields and where each comes from, NULL-terminated. */
const JueCarryPair *jue_carry_previous_fields (void);

/* The new report (free with jue_report_free).  notes_out (may be NULL)
 * receives translated lines on what needs a look (a code the new year's
 * classification lacks, with its row; a line of 表6 whose code the new
 * year's economic classification lacks, likewise); classification and
 * economic may be NULL (no code is then judged against it). */
JueReport  *jue_carry_forward        (const JueReport *last,
                                      GPtrArray       *classification,
                                      GPtrArray       *economic,
                                      GPtrArray      **notes_out);

/* Opens last_file read-only and creates new_file from it (never replacing
 * a file); the new year's classification and economic classification (of
 * JueClassEntry, each may be NULL) are loaded into it.  Last year's tables
 * are not carried: they are the year's parameters.  Returns the new
 * document. */
JueDocument *jue_carry_forward_file  (const char  *last_file,
                                      const char  *new_file,
                                      GPtrArray   *classification,
                                      GPtrArray   *economic,
                                      GPtrArray  **notes_out,
                                      GError     **error);

G_END_DECLS
