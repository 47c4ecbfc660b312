/* jue-completeness.h — what a finished report must hold, section by
 * section, and how much of it is filled in.
 *
 * A blank is not an error (the checks speak only when figures present
 * disagree); it is an item a finished report still lacks.  Each section of
 * the sidebar (ids as in app/gui/jue-sections.c: "profile",
 * "income-expenditure", …, "dept-eval", "fund-N") has a list of required
 * fields and tables; docs/completeness.md gives the reason for each.
 *
 * - A required field counts as filled when it is not blank (a value that
 *   could not be read is not blank: it is an error of its own).
 * - A required table needs at least one row, and each row its required
 *   fields.
 * - Cells that Sichuan's template prints as 0.00 (the 三公 and fund tables,
 *   the lines of 收入支出决算总表 …) are required only when the report's
 *   template prints 0.00 (profile.blank_cells, jue_report_prints_zero()).
 * - A government-fund, state-capital or “three public” table marked empty
 *   (empty_tables, jue-empty.h: the one flag) is complete.  Its explanation's
 *   words (本表无数据 …) no longer count, except in a file of schema ≤ 4,
 *   which is read as marked (jue_report_read_legacy_empty).
 */
#pragma once

#include <glib.h>

#include "jue-report.h"

G_BEGIN_DECLS

/* The rule id under which validate reports a missing item (a warning). */
#define JUE_RULE_MISSING "W-MISSING"

typedef struct {
  char  *id;         /* the sidebar's section id */
  guint  filled;
  guint  required;
} JueSectionProgress;

typedef struct {
  const char *section;   /* id, points into the JueSectionProgress */
  char       *path;      /* the field, or the list that has no row */
  char       *message;   /* translated: "Duties is not filled in" */
} JueMissing;

typedef struct {
  GPtrArray *sections;   /* of JueSectionProgress, in sidebar order */
  GPtrArray *missing;    /* of JueMissing, in section order */
  guint      filled;
  guint      required;
} JueCompleteness;

JueCompleteness *jue_completeness_new     (const JueReport *report);
void             jue_completeness_free    (JueCompleteness *completeness);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JueCompleteness, jue_completeness_free)

/* The progress of one section (NULL when it has none). */
const JueSectionProgress *
                 jue_completeness_get_section (const JueCompleteness *completeness,
                                               const char            *id);

/* Percent filled, rounded down (so 100 means everything): 0 when nothing
 * is required. */
guint            jue_completeness_percent (guint filled,
                                           guint required);

/* Does the explanation text of a fund table state that it is empty?  (How
 * files of schema ≤ 4 said so; jue_report_read_legacy_empty.) */
gboolean         jue_text_states_empty    (const char *text);

G_END_DECLS
