/* jue-sections.h — the report's sections as the GUI lists them, and which
 * section a field path belongs to.  Not a widget: the section list, the
 * forms, the findings and Ctrl+F all ask this table. */
#pragma once

#include "jue-report.h"

G_BEGIN_DECLS

typedef enum {
  JUE_SECTION_FORM,       /* fields of one or more records or lists */
  JUE_SECTION_FUNDS,      /* the list of special funds (add, remove, order) */
  JUE_SECTION_FINDINGS,   /* the findings of the checks */
  JUE_SECTION_REPORT,     /* the document as it will print (jue-report-page.h) */
  JUE_SECTION_COMPARE,    /* compared with last year (jue_window_compare_page_new) */
  JUE_SECTION_TABLE,      /* one published table of the report's template */
} JueSectionKind;

typedef struct {
  char           *id;        /* "profile", "fund-3", "findings" */
  char           *title;     /* translated */
  JueSectionKind  kind;
  GStrv           prefixes;  /* field (and computed) paths this section shows */
  /* JUE_SECTION_TABLE: */
  guint           table;     /* its index in the report's template */
  char           *group;     /* the sidebar's heading above it ("第五部分 附表") */
  char           *rows;      /* the template's row lists ("functional"), or NULL */
  GStrv           owns;      /* "functional[N].basic": the list fields only the
                                published tables show as typed cells */
  char           *empty_path; /* "empty_tables[2]" when the report marks the
                                 table empty (本表为空表), else NULL */
} JueSection;

void        jue_section_free          (JueSection *section);

/* Every section for report, in the order of the published report; one per
 * special fund. */
GPtrArray  *jue_sections_for_report   (JueReport  *report);

/* The section showing path ("functional[3].budget" → "functional"), or NULL.
 * A figure the narrative pages do not show, or a list the published tables
 * show best (functional[3].basic, accounts[2].exp_basic, economic[0].actual),
 * goes to the first table page whose rows are its list (表6 before 表5). */
JueSection *jue_sections_find_for_path (GPtrArray  *sections,
                                        const char *path);
JueSection *jue_sections_find_by_id   (GPtrArray  *sections,
                                       const char *id);

/* TRUE when path is prefix or lies under it ("a.b" under "a", "a[2].c"
 * under "a[2]" and under "a"). */
gboolean    jue_path_has_prefix       (const char *path,
                                       const char *prefix);

/* A readable name for a field path, from the descriptors' labels:
 * "Indicators 3 › Weight".  Translated. */
char       *jue_path_describe         (JueReport  *report,
                                       const char *path);

G_END_DECLS
