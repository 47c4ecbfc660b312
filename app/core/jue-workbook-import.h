/* jue-workbook-import.h — the published tables found in a workbook.
 *
 * Each table is found by its title and its header words, never by the
 * sheet's order or a cell's position: the title may have a row or two
 * above it (公开07表, 附表), 编制单位 and 单位 rows below; the header may
 * span several rows with merged cells (or, in an .xls, a group title
 * written once over the columns it spans); a 栏次 row is skipped.  A
 * figure is a number or a number stored as text, with thousands
 * separators, in the unit the table's 单位 row names (万元 or 元; 元 is
 * converted exactly to fen).  A blank cell is 0 where the report's
 * template prints blank for zero, blank otherwise.
 *
 * The layout of each table (its title words, the header words of each
 * column, the label of each line, and the field or computed path of each
 * cell) is data: JueWbTableSpec.  A cell with a field path is read into
 * that field; a cell with a computed path (合计, 小计 rows) is checked
 * against the value computed from the figures read (within one printed
 * unit), never stored.
 *
 * Everything or nothing: a table not found, found twice, a column or line
 * missing or ambiguous, a cell that is not an amount, a total that does
 * not add up — each refuses the whole import with the sheet, the cell (A1
 * style) and the reason.
 */
#pragma once

#include <glib.h>

#include "jue-document.h"
#include "jue-template.h"
#include "jue-workbook.h"

G_BEGIN_DECLS

typedef struct {
  /* The row's label (its first text cell that matches, numbering such as
   * 一、 or （1） ignored), or NULL for a table of one row of figures. */
  const char *label;
  /* Header words of the column, top to bottom, "|" between header rows,
   * "/" between alternatives: "预算数|公务用车购置及运行费|购置费". */
  const char *header;
  const char *path;       /* a field path, or NULL */
  const char *computed;   /* when path is NULL: the computed path checked
                             (both NULL: read as an amount, not kept) */
  gboolean    optional;   /* a line the table may leave out (then 0) */
} JueWbCellSpec;

/* A matrix table's 类/款/项 rows, read into a list of the report: the
 * code and name columns, and per value column its header words and the
 * field of the list's rows it fills.  项 rows (7-digit codes) are the
 * list's rows; 类 and 款 rows and 合计 are checked against the sum of the
 * 项 rows under them (within one printed unit), never stored. */
typedef struct {
  const char *header;
  const char *field;      /* "actual", or NULL: read as an amount, not kept */
} JueWbListColumn;

typedef struct {
  const char            *list;          /* "functional" */
  const char            *code_header;   /* "项目|科目编码/科目编码" */
  const char            *name_header;   /* "项目|科目名称/科目名称" */
  const JueWbListColumn *columns;
  guint                  n_columns;
  /* The row's name field: "xiang_name" (the list's rows also carry
   * class_name and kuan_name, from the 类 and 款 rows above) or "name"
   * (NULL: "xiang_name"). */
  const char            *name_field;
  gboolean               no_class_names;
  /* An economic block (基本支出 by 经济分类: 人员经费 on the left, 公用经费
   * on the right): 3-digit 类 and 5-digit 款 rows; a 类 row with 款 rows
   * under it is checked against them and kept with its name and figure;
   * 未分项 and the block's 合计 line are not rows. */
  gboolean               economic;
  /* list names several lists ("functional+gov_fund.rows+state_capital.rows",
   * Sichuan's 财政拨款支出决算明细表): each 项 row goes to the list whose
   * own table printed the same row (by code, else by names), and must
   * agree with it figure by figure. */
  gboolean               multi;
} JueWbListSpec;

typedef struct {
  const char          *name;          /* 收入支出决算总表 (in messages) */
  const char * const  *title_words;   /* all in the title (NULL-terminated) */
  const char * const  *title_not;     /* none in the title (NULL-terminated, may be NULL) */
  const JueWbCellSpec *cells;
  guint                n_cells;
  const JueWbListSpec *rows;          /* a matrix table's 项 rows, or NULL */
  const JueWbListSpec *rows2;         /* an economic table's right block, or NULL */
  gboolean             optional;      /* read and checked when there (its rows repeat
                                         other tables': a multi list) */
  /* A template's table with 类 lines (收入支出决算总表's 支出 by 类): the
   * lines are read and checked against the rows read, as the template's
   * renderer adds them (NULL: none). */
  const JueTemplate   *tmpl;
  guint                table_index;
  /* The template table's key (jue-empty.h): a table printed 本表为空表 is
   * marked empty under it, with the text beside or under the note as the
   * reason (NULL: not marked). */
  const char          *key;
} JueWbTableSpec;

/* The layouts of a template's tables (jue-workbook-template.c): row,
 * lines, two-sided and economic tables' typed and computed cells, and the
 * 项 rows of matrix tables over a list with 类/款/项 names. */
typedef struct _JueWbLayout JueWbLayout;
JueWbLayout          *jue_wb_layout_new    (const JueTemplate *tmpl);
const JueWbTableSpec *jue_wb_layout_tables (const JueWbLayout *layout,
                                            guint             *n_tables);
void                  jue_wb_layout_free   (JueWbLayout *layout);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JueWbLayout, jue_wb_layout_free)

typedef struct _JueWbImport JueWbImport;

/* Finds every table of specs in workbook and reads its cells.  blank_zero:
 * a blank cell is 0 (the template prints blank for zero). */
JueWbImport *jue_wb_import_read       (const JueWorkbook    *workbook,
                                       const JueWbTableSpec *specs,
                                       guint                 n_specs,
                                       gboolean              blank_zero,
                                       GError              **error);
void         jue_wb_import_free       (JueWbImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JueWbImport, jue_wb_import_free)

/* Where each table was found: "收入支出决算总表: sheet “表1”, A1". */
guint        jue_wb_import_n_tables   (const JueWbImport *import);
char        *jue_wb_import_describe   (const JueWbImport *import,
                                       guint              index);
/* The 编制单位 and the year of the titles, when the workbook says them. */
const char  *jue_wb_import_department (const JueWbImport *import);
gint         jue_wb_import_year       (const JueWbImport *import);

/* Writes the figures into report and checks the totals against them;
 * on failure report may be partly written (use a copy).  A matrix table's
 * 项 rows go to the list's row with the same code (or, for a row without
 * one, the same 款 and 项 names), else to a new row at the end with code
 * and names; a row of the list the table does not print gets 0: the
 * published table lists every 项 with spending. */
gboolean     jue_wb_import_apply      (const JueWbImport *import,
                                       JueReport         *report,
                                       GError           **error);

/* A new report from the workbook: the figures, and the department and year
 * when the workbook says them. */
JueReport   *jue_wb_import_new_report (const JueWbImport *import,
                                       GError           **error);

/* Replaces the figures of document's tables with the workbook's, every
 * text and evaluation kept: one undo step, all or nothing. */
gboolean     jue_wb_import_into_document (const JueWbImport *import,
                                          JueDocument       *document,
                                          GError           **error);

/* Finds the tables of tmpl in workbook (jue_wb_layout_new); with tmpl NULL,
 * of the first built-in template whose tables are all there (a refusal is
 * then that of the template that found the most of its tables, named). */
JueWbImport *jue_wb_import_workbook   (const JueWorkbook *workbook,
                                       const JueTemplate *tmpl,
                                       gboolean           blank_zero,
                                       GError           **error);
/* Reads filename (a workbook, or a folder of the published tables as CSV,
 * jue_workbook_open_csv_dir) and finds the tables of tmpl (or of a
 * built-in template) in it. */
JueWbImport *jue_wb_import_file       (const char        *filename,
                                       const JueTemplate *tmpl,
                                       gboolean           blank_zero,
                                       GError           **error);
/* The id of the template whose layouts read it, when made by one of the
 * two above ("national", "sichuan"); a new report names it. */
const char  *jue_wb_import_template   (const JueWbImport *import);

/* "1,234.56" (a number or a number as text) in 万元 (yuan FALSE) or 元 →
 * fen, exactly; FALSE when it is not an amount or has digits below a fen
 * (a double's noise, 15 or more significant digits, is rounded away). */
gboolean     jue_wb_parse_amount      (const char *text,
                                       gboolean    yuan,
                                       gint64     *fen_out);

G_END_DECLS
