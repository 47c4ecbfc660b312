/* jue-tsv.h — reports as "PATH<TAB>VALUE" lines (the built-in sample, and
 * `juesuan-cli paths`).  Values are escaped with jue_escape_line(). */
#pragma once

#include "jue-report.h"

G_BEGIN_DECLS

/* Applies every line of data to report.  Lines starting with '#' and blank
 * lines are skipped.  A list row is created when its index equals the
 * list's length, so rows must appear in order.  origin names the data in
 * messages ("sample.tsv:12: …"). */
gboolean    jue_report_apply_tsv    (JueReport  *report,
                                     const char *data,
                                     gsize       len,
                                     const char *origin,
                                     GError    **error);

/* Every non-blank field (and enough to recreate empty list rows) as lines. */
char       *jue_report_to_tsv       (JueReport  *report);

/* The built-in sample: the 2024 report of 遂宁市科学技术局. */
JueReport  *jue_sample_new          (GError    **error);

G_END_DECLS
