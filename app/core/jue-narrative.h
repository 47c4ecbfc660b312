/* jue-narrative.h — the text of the published document written from the
 * figures: Part 1 (概况), Part 2 (决算情况说明, sections 一 to 十) and
 * Part 3 (名词解释), in the phrasing of the report's template family
 * (jue-phrases.h: resources/phrases/<family>.ini).
 *
 * Every figure is core's (jue-computed.h, the typed fields): amounts in 万元
 * with 2 decimals, percentages rounded half up from exact fen as the tables
 * show them.  Increase / decrease / unchanged words follow the sign; a
 * change from a zero base has no percentage; a change whose reason is not
 * typed says so visibly (【请填写变动原因】, counted in n_missing and by
 * completeness); a blank figure prints 【未填】, a typed value that cannot
 * be read prints as typed and marked, never as a number.
 */
#pragma once

#include <glib.h>

#include "jue-computed.h"
#include "jue-phrases.h"
#include "jue-report.h"

G_BEGIN_DECLS

typedef struct {
  char      *id;          /* the phrase group: "s5.2", "p1.duties" */
  char      *heading;     /* "（二）一般公共预算财政拨款支出决算结构情况", or NULL */
  GPtrArray *paragraphs;  /* char*, in order */
  char      *figure;      /* the chart it refers to ("income", "expenditure",
                             "functional", "three_public") or NULL */
  char      *caption;     /* "（图1：收入决算结构图）" or NULL */
  GPtrArray *paths;       /* char*: the typed fields its text shows */
  guint      n_missing;   /* reasons not typed (【请填写变动原因】) */
} JueNarrativeSection;

typedef struct {
  char      *id;          /* "part1", "part2", "part3" */
  char      *title;       /* "第二部分  2024年度部门决算情况说明" */
  GPtrArray *sections;    /* JueNarrativeSection* */
} JueNarrativePart;

typedef struct {
  const JuePhrases *phrases;
  GPtrArray *parts;       /* JueNarrativePart* */
  guint      n_missing;   /* Σ sections' n_missing */
} JueNarrative;

/* The phrase family a report is written in (profile.template; national
 * for any other). */
const JuePhrases *jue_narrative_phrases_for (const JueReport *report);

/* Writes the text of report.  computed must be up to date for it (NULL:
 * computed here).  classification (JueClassEntry) names the 类 in the
 * structure sentence; NULL for the built-in table. */
JueNarrative *jue_narrative_new     (const JueReport   *report,
                                     const JueComputed *computed,
                                     GPtrArray         *classification);
/* The same text with each figure (and each 【未填】 or missing reason)
 * carrying the path it comes from, for the window's Report page:
 * JUE_NARRATIVE_LINK_START path JUE_NARRATIVE_LINK_MID text
 * JUE_NARRATIVE_LINK_END.  A path is a typed field's or a computed
 * value's (jue-computed.h).  jue_narrative_strip_links gives the text. */
#define JUE_NARRATIVE_LINK_START '\001'
#define JUE_NARRATIVE_LINK_MID   '\002'
#define JUE_NARRATIVE_LINK_END   '\003'
JueNarrative *jue_narrative_new_linked (const JueReport   *report,
                                        const JueComputed *computed,
                                        GPtrArray         *classification);
char         *jue_narrative_strip_links (const char *text);
void          jue_narrative_free    (JueNarrative *narrative);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JueNarrative, jue_narrative_free)

/* One part by id, or NULL. */
const JueNarrativePart    *jue_narrative_get_part    (const JueNarrative *narrative,
                                                      const char         *id);
/* One section by id, or NULL. */
const JueNarrativeSection *jue_narrative_get_section (const JueNarrative *narrative,
                                                      const char         *id);

/* A section as plain text: heading, paragraphs, caption, one a line. */
char         *jue_narrative_section_text (const JueNarrativeSection *section);
/* All parts as plain UTF-8 text (titles, a blank line between sections). */
char         *jue_narrative_to_text (const JueNarrative *narrative);

/* 附件1's title: "遂宁市科学技术局部门整体支出绩效自评报告", from the evaluation's
 * unit name (else the department's); a name that already ends in 部门
 * ("遂宁市科学技术局部门", as the sample types it) does not say it twice. */
char         *jue_narrative_dept_eval_title (const JueReport *report);

/* Figures as the phrase family prints them: "1447.01", "0" (amount_zero);
 * "48.98%", "100%" (percent_whole). */
char         *jue_narrative_amount_text  (const JuePhrases *phrases,
                                          gint64            fen);
char         *jue_narrative_percent_text (const JuePhrases *phrases,
                                          gint64            centi);
/* A 类's name as the classification has it (by code, else the 类 whose
 * name begins with the typed one), else as typed.  classification NULL:
 * the built-in table. */
char         *jue_narrative_class_name   (const JueFunctionalClassComputed *cl,
                                          GPtrArray                        *classification);

G_END_DECLS
