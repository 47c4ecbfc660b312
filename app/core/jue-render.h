/* jue-render.h — one published table, laid out as its template prints it.
 *
 * jue_render_table() turns a template table (jue-template.h) and a report
 * into rows and cells: title, number, 编制单位 (profile.name), 单位：万元,
 * the header rows with their spans, then the body rows.  Each body cell has
 * its display text, its exact value and, when it is a typed figure, the
 * field path it shows (NULL when computed or fixed).  The same result feeds
 * the XLSX export, the GUI's table pages and the workbook importer (header
 * words → columns → field paths); no other code lays out a table.
 *
 * 类 and 款 rows and 合计 are computed here from the 项 rows (by code
 * prefix; rows without a code by class and 款 name); a subtotal that
 * includes an unreadable figure is not a number (its text is empty and
 * unreadable is TRUE).  A blank typed figure prints as "0.00" or as an
 * empty cell, as the template (or profile.blank_cells) says.  An unreadable
 * typed figure prints as typed and is marked, never as a number.  A table
 * without data is one note row, its empty_note (本表为空表).
 */
#pragma once

#include <glib.h>

#include "jue-computed.h"
#include "jue-report.h"
#include "jue-template.h"

G_BEGIN_DECLS

typedef enum {
  JUE_RENDER_ROW_TOTAL,   /* 合计 / 总计 / 本年收入合计 … */
  JUE_RENDER_ROW_CLASS,   /* a 类 subtotal (3-digit code) */
  JUE_RENDER_ROW_KUAN,    /* a 款 subtotal (5-digit code) */
  JUE_RENDER_ROW_ITEM,    /* a 项 (7 digits), an economic 款, a fund row */
  JUE_RENDER_ROW_LINE,    /* a fixed line (lines / two-sided / row) */
  JUE_RENDER_ROW_NOTE,    /* a note row: 本表为空表, 未分项 … (text in cell 0) */
} JueRenderRowKind;

typedef enum {
  JUE_RENDER_CELL_EMPTY,    /* nothing printed */
  JUE_RENDER_CELL_TEXT,     /* a label, a name */
  JUE_RENDER_CELL_CODE,     /* a code: text, never a number */
  JUE_RENDER_CELL_AMOUNT,   /* value in fen, text in 万元 with 2 decimals */
  JUE_RENDER_CELL_PERCENT,  /* value in centi-percent */
  JUE_RENDER_CELL_COUNT,    /* a plain integer (vehicles, 行次) */
} JueRenderCellKind;

typedef struct {
  JueRenderCellKind kind;
  char     *text;        /* display text ("" for a blank printed blank) */
  gint64    value;       /* exact: fen, centi-percent or count; 0 unless
                            has_value */
  gboolean  has_value;   /* a number is printed (blank as 0.00 counts) */
  gboolean  blank;       /* the figure is blank (not typed) */
  gboolean  unreadable;  /* typed but unreadable: text is as typed (or "" for
                            a subtotal that includes one) */
  char     *path;        /* the typed field shown ("functional[3].actual"),
                            NULL when computed, generated or fixed */
  gboolean  emphasis;    /* printed bold: a 合计/总计 line or a 类 row (on its
                            side of a two-sided table) */
} JueRenderedCell;

typedef struct {
  guint  row, col;           /* top-left, from 0 (row within the header) */
  guint  row_span, col_span; /* ≥ 1 */
  char  *text;
} JueRenderedHeaderCell;

typedef struct {
  JueRenderRowKind kind;
  char      *code;       /* the 类/款/项 or economic code, or NULL */
  GPtrArray *cells;      /* JueRenderedCell*, n_columns of them (a NOTE row
                            has its text in cell 0, the rest EMPTY) */
  gint       item;       /* ITEM rows: the list index of the row, else -1 */
  guint      side;       /* economic, two-sided: the side the code belongs to */
} JueRenderedRow;

/* A column as the importer needs it: its header words and where its
 * figures go. */
typedef struct {
  char          *header;  /* "本年支出|小计" (the template's text) */
  JueColumnRole  role;
  JueRenderCellKind kind; /* of its body cells (AMOUNT, CODE, TEXT, COUNT) */
  char          *field;   /* matrix/economic VALUE: the field name relative to
                             a row of list ("actual"); row: the path; else
                             NULL (each cell carries its own path) */
  guint          side;
  guint          width;   /* suggested width in characters (CJK count 2) */
} JueRenderedColumn;

typedef struct {
  const JueTemplateTable *table;  /* the template's table (not owned) */
  char      *number;        /* "公开01表" */
  char      *title;         /* "2024年度收入支出决算总表" (the year when profile.year is set) */
  char      *part;
  char      *unit_name;     /* "编制单位：遂宁市科学技术局" */
  char      *unit;          /* "单位：万元" */
  char      *list;          /* matrix/economic: the list the 项 rows are of
                               ("functional"), else NULL */
  guint      n_columns;
  guint      n_header_rows;
  GPtrArray *columns;       /* JueRenderedColumn*, n_columns */
  GPtrArray *header;        /* JueRenderedHeaderCell*, row-major */
  GPtrArray *rows;          /* JueRenderedRow* */
  char      *note;          /* printed under the table, or NULL */
  gboolean   empty;         /* no data: rows is the one empty_note row (and,
                               when marked_empty with a reason, a second
                               NOTE row with the reason) */
  gboolean   marked_empty;  /* the report marks it empty (empty_tables[N],
                               jue-empty.h): printed as empty whatever
                               figures it holds */
  gboolean   provisional;
  guint      n_unreadable;  /* cells shown as typed */
} JueRenderedTable;

/* Renders table index of tmpl for report.  computed must be up to date for
 * report (jue_computed_update); it may be NULL, then it is computed here. */
JueRenderedTable *jue_render_table   (const JueTemplate *tmpl,
                                      guint              index,
                                      const JueReport   *report,
                                      const JueComputed *computed);
typedef enum {
  JUE_RENDER_DEFAULT     = 0,
  JUE_RENDER_UNMARKED    = 1 << 0,  /* as if the table were not marked empty */
  JUE_RENDER_BLANK_ITEMS = 1 << 1,  /* also the 项 rows whose figures are all
                                       blank (the published table leaves them
                                       out; an editor shows a row just added
                                       by its code, jue-codes.h) */
} JueRenderFlags;

JueRenderedTable *jue_render_table_with_flags (const JueTemplate *tmpl,
                                               guint              index,
                                               const JueReport   *report,
                                               const JueComputed *computed,
                                               JueRenderFlags     flags);

/* The same as if the table were not marked empty: the figures a marked
 * table still holds (the check E-EMPTY-TABLE-FIGURES reads them). */
JueRenderedTable *jue_render_table_unmarked (const JueTemplate *tmpl,
                                             guint              index,
                                             const JueReport   *report,
                                             const JueComputed *computed);
/* A list of records (list_path, of element records) as a table to type
 * into: a 序号 column (the row's number, generated), then the first
 * n_fields fields of each record, every cell carrying its path; one
 * header row of the fields' labels (English, as in the schema: translate
 * them at use); list is list_path and table NULL (no template). */
JueRenderedTable *jue_render_list    (const JueReport    *report,
                                      const char         *list_path,
                                      const JueRecordDef *element,
                                      guint               n_fields);
void              jue_rendered_table_free (JueRenderedTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JueRenderedTable, jue_rendered_table_free)

/* The template a report names (profile.template; blank → national).  An
 * unknown id falls back to national and sets *unknown_out when given. */
const JueTemplate *jue_render_report_template (const JueReport *report,
                                               gboolean        *unknown_out);

/* The cell at (row, col) of the body. */
const JueRenderedCell *jue_rendered_cell (const JueRenderedTable *table,
                                          guint                   row,
                                          guint                   col);

/* Display width of text in columns: CJK and full-width characters 2. */
guint             jue_render_text_width (const char *text);

G_END_DECLS
