/* jue-glossary.h — the 类/款/项 a report uses and whether its glossary
 * (名词解释) defines them.
 *
 * Part 3 defines every 项 of the functional classification the report
 * spends under (DOMAIN.md, 9. Glossary), as the seed does:
 * 科学技术支出（类）科学技术管理事务（款）行政运行（项）：指…  The 项 are those of the
 * functional rows and of the accounts rows (收入支出决算表), each once.  The
 * classification tables Juesuan has (resources/gfs-expenditure-functional.csv,
 * an imported 科目表) hold codes and names only, no definitions (科目说明), so
 * the definitions are the glossary's typed entries: a 项 none of them defines
 * is listed after the typed entries with a visible mark (【请填写名词解释】)
 * and counted by completeness as a missing item of the glossary.
 */
#pragma once

#include <glib.h>

#include "jue-report.h"

G_BEGIN_DECLS

typedef struct {
  char     *code;      /* "2060101", or "" when the rows give none */
  char     *term;      /* "科学技术支出（类）科学技术管理事务（款）行政运行（项）" */
  char     *path;      /* the first row using it: "functional[1]" */
  gboolean  defined;   /* a typed glossary entry defines it */
} JueGlossaryCode;

void       jue_glossary_code_free (JueGlossaryCode *code);

/* Every 项 the report uses, in report order (functional rows, then the
 * accounts rows not among them).  Names come from the classification by
 * code (JueClassEntry; NULL: the built-in table), else as typed.  An entry
 * defines a 项 when its term holds the 项's code, or its 项 name (as typed or
 * as the classification names it, the typed one's ending 支出 optional)
 * with its 款 name — or the 项 name alone when no other 项 used has it. */
GPtrArray *jue_glossary_codes     (const JueReport *report,
                                   GPtrArray       *classification);

G_END_DECLS
