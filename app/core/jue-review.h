/* jue-review.h — a reviewer's folder of submissions: one summary line per
 * file (department, year, errors, warnings without explanation,
 * completeness, computed score against the self-reported score), sorted,
 * and written as CSV or as a workbook.
 *
 * Every file is opened read-only (JUE_STORE_READ_ONLY): not a byte of any
 * submission is written, and nothing is created beside it (a hot journal
 * is recovered into a private copy by the store).  A file that cannot be
 * opened is listed with the reason, never skipped.
 */
#pragma once

#include <glib.h>

#include "jue-computed.h"

G_BEGIN_DECLS

typedef struct {
  char     *file;            /* as found (folder/name.juesuan) */
  char     *problem;         /* translated reason it could not be opened, or NULL */
  gboolean  in_use;          /* could not be read: another program is writing it */
  char     *department;      /* profile.name, "" when blank */
  gint64    year;            /* profile.year; 0 when blank */
  guint     errors;
  guint     warnings;        /* every warning of the checks (not W-MISSING) */
  guint     warnings_unexplained;
  guint     filled;          /* completeness: required items filled in */
  guint     required;
  JueValue  score;           /* dept_eval.score (centi-points) */
  JueValue  self_score;      /* dept_eval.self_score (centi-points) */
  JueValue  score_gap;       /* score − self_score */
} JueReviewEntry;

void             jue_review_entry_free   (JueReviewEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JueReviewEntry, jue_review_entry_free)

/* The submissions in a folder: every *.juesuan file (not hidden), sorted by
 * name.  NULL with error when the folder cannot be read. */
GPtrArray       *jue_review_list_folder  (const char  *folder,
                                          GError     **error);

/* Opens filename read-only and summarizes it; never NULL (a file that
 * cannot be opened gives an entry with problem set). */
JueReviewEntry  *jue_review_summarize    (const char *filename);

typedef enum {
  JUE_REVIEW_SORT_FILE,
  JUE_REVIEW_SORT_DEPARTMENT,
  JUE_REVIEW_SORT_YEAR,
  JUE_REVIEW_SORT_ERRORS,        /* the most first */
  JUE_REVIEW_SORT_WARNINGS,      /* unexplained warnings, the most first */
  JUE_REVIEW_SORT_COMPLETENESS,  /* the least complete first */
  JUE_REVIEW_SORT_SCORE,         /* the lowest computed score first */
  JUE_REVIEW_SORT_GAP,           /* the widest gap to the self-score first */
} JueReviewSort;

/* "file", "department", "year", "errors", "warnings", "completeness",
 * "score", "gap".  FALSE for anything else. */
gboolean         jue_review_sort_from_name (const char    *name,
                                            JueReviewSort *out);
/* Sorts entries (of JueReviewEntry) by key, in the order that puts what
 * needs attention first; reverse flips it.  Except when sorting by file,
 * submissions that could not be opened come first.  Ties keep file order. */
void             jue_review_sort         (GPtrArray     *entries,
                                          JueReviewSort  key,
                                          gboolean       reverse);

/* Completeness in percent, rounded down (100 only when complete). */
guint            jue_review_entry_percent (const JueReviewEntry *entry);

/* The column headings of the summary, translated, NULL-terminated:
 * file, department, year, errors, unexplained warnings, filled, required,
 * completeness %, computed score, self-reported score, gap, problem. */
const char * const *jue_review_headings  (void);
/* One row as texts (g_strfreev), in the order of the headings; numbers
 * plain ("99.43"), undefined ones "". */
char           **jue_review_entry_cells  (const JueReviewEntry *entry);

/* The summary as CSV (UTF-8 with BOM, CRLF, RFC 4180, guarded cells);
 * g_free the result. */
char            *jue_review_to_csv       (GPtrArray *entries,
                                          gsize     *len_out);
/* The summary as a workbook of one sheet.  Refuses (JUE_ERROR_EXISTS) an
 * existing filename unless force. */
gboolean         jue_review_write_xlsx   (GPtrArray   *entries,
                                          const char  *filename,
                                          gboolean     force,
                                          GError     **error);

G_END_DECLS
