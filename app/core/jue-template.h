/* jue-template.h — the published tables' templates, as data
 * (resources/templates/<id>.ini in the core GResource; docs/templates.md).
 *
 * A template names the tables a report prints, in report order, with their
 * number, title, Part, layout kind (implemented once, in jue-render.c), the
 * rows they are made of and their columns with the header words as printed.
 * Adding a province is a new .ini file; nothing in C names a province.
 *
 * Template texts (titles, headers, row labels) are the published document's
 * Chinese on every locale: they are not user-interface text.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  JUE_LAYOUT_LINES,      /* fixed lines: label (行次) and value columns */
  JUE_LAYOUT_TWO_SIDED,  /* 收入 lines on the left, 支出 lines on the right */
  JUE_LAYOUT_MATRIX,     /* 合计 + 类/款/项 rows of a list against columns */
  JUE_LAYOUT_ECONOMIC,   /* 人员经费 and 公用经费 blocks by economic 类/款 */
  JUE_LAYOUT_ROW,        /* one row of cells (the 三公 table) */
} JueLayoutKind;

/* What a column holds. */
typedef enum {
  JUE_COLUMN_VALUE,      /* an amount (or count): source names it */
  JUE_COLUMN_LABEL,      /* the line's label (lines, two-sided) */
  JUE_COLUMN_LINENO,     /* 行次: generated */
  JUE_COLUMN_CODE,       /* the 类/款/项 or economic code, as text */
  JUE_COLUMN_NAME,       /* the 类/款/项 or economic name */
  JUE_COLUMN_ROWSUM,     /* the sum of the row's VALUE columns of its side */
} JueColumnRole;

typedef struct {
  char         *header;   /* header rows joined by '|': "本年支出|小计" */
  char        **words;    /* the same split at '|' (1 to 3 rows) */
  guint         depth;    /* number of header rows this column has */
  JueColumnRole role;
  char         *source;   /* VALUE: a field name relative to the row (matrix,
                             economic), a path (row), or NULL (lines: each
                             line names its own sources) */
  gboolean      count;    /* VALUE: a count (辆), not an amount */
  guint         side;     /* two-sided: 0 left, 1 right */
} JueTemplateColumn;

/* One fixed line of a lines/two-sided table. */
typedef struct {
  char     *label;        /* as printed: "一、一般公共预算财政拨款收入" */
  char    **sources;      /* one per VALUE column of its side: a field path
                             ("income.general_budget"), "=computed.path", or
                             "" (an empty cell) */
  guint     n_sources;
  gboolean  classes;      /* "*classes": one line per functional 类 */
  gboolean  total;        /* printed bold: 合计/总计 lines */
} JueTemplateLine;

typedef struct {
  guint          index;       /* position in the template, from 0 */
  char          *number;      /* "公开01表", "表1" */
  char          *title;       /* "收入支出决算总表" */
  char          *key;         /* the same table in every template: "gov_fund",
                                 "three_public" (what empty_tables[N].table
                                 names; tables printing the same data share
                                 one); the title when the file gives none */
  char          *part;        /* "第五部分 附表", or "" */
  char          *short_name;  /* sheet/file name: "01_收入支出决算总表" */
  JueLayoutKind  layout;
  char          *rows;        /* matrix: the list path(s) ("accounts",
                                 "gov_fund.rows"); economic: "economic" */
  GPtrArray     *columns;     /* JueTemplateColumn* */
  GPtrArray     *lines[2];    /* JueTemplateLine*: lines / left, right */
  char          *blank;       /* "zero", "blank" or "profile" (the report's
                                 profile.blank_cells decides) */
  char          *note;        /* printed under the table, or NULL */
  char          *empty_note;  /* printed when the table has no data:
                                 "本表为空表" by default */
  gboolean       provisional; /* layout not yet confirmed from a published
                                 table of this template */
  char         **left_codes;  /* economic: the 类 codes of the left block
                                 ("301", "303"); the rest go right */
  char          *options;     /* free words the layouts read, e.g.
                                 "budget_initial" (space separated) */
  char         **totals;      /* matrix: "field:path" pairs, the typed
                                 figure a column's 合计 is
                                 ("exp_basic:expenditure.basic"), or NULL */
} JueTemplateTable;

typedef struct {
  char      *id;          /* "national", "sichuan" */
  char      *name;        /* "全国通用（九张表）" */
  char      *part;        /* the default Part of the tables */
  GPtrArray *tables;      /* JueTemplateTable*, in report order */
} JueTemplate;

/* Parses a template file.  Errors name the origin, the group and the key. */
JueTemplate *jue_template_parse      (const char  *data,
                                      gsize        len,
                                      const char  *origin,
                                      GError     **error);
/* A built-in template by id ("national", "sichuan"); NULL or "" gives the
 * national one.  NULL with an error for an unknown id.  Owned by the
 * library (do not free). */
const JueTemplate *jue_template_get  (const char  *id,
                                      GError     **error);
/* The ids of the built-in templates, NULL-terminated (owned by the library). */
const char * const *jue_template_ids (void);
void         jue_template_free       (JueTemplate *tmpl);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JueTemplate, jue_template_free)

guint        jue_template_n_tables   (const JueTemplate *tmpl);
const JueTemplateTable *jue_template_table (const JueTemplate *tmpl,
                                            guint              index);
/* The number of VALUE/ROWSUM columns on a side (two-sided) or in all. */
guint        jue_template_table_value_columns (const JueTemplateTable *table,
                                               guint                   side);
/* TRUE when the table's options list word. */
gboolean     jue_template_table_has_option (const JueTemplateTable *table,
                                            const char             *word);

G_END_DECLS
