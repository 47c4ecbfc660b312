/* jue-workbook.h — a spreadsheet workbook read into one grid.
 *
 * .xlsx (Office Open XML) is read with libgsf (the zip container) and
 * libxml2 (workbook.xml, its relationships, sharedStrings.xml, styles.xml
 * for percentage formats, each sheetN.xml with its mergeCells); .xls (BIFF)
 * with libfreexl, which does not report merged ranges.  Which of the two a
 * file is comes from its first bytes, not its name.
 *
 * Both give the same thing: sheets (name, in the workbook's order) holding
 * cells (row, column, the text stored) and merged ranges.  A numeric cell's
 * text is its stored value as a decimal ("1234.5", "0.0503"), never passed
 * through a double for .xlsx; for .xls it is the stored double written with
 * 15 significant digits.  Formulas count by their cached result.
 *
 * Everything is bounded: the file, each zip member (by the size the zip
 * declares, checked before anything is read or allocated), the ratio of a
 * member's size to its compressed size (a zip bomb), the number of sheets,
 * rows, columns, cells and shared strings.  A workbook beyond a limit is
 * refused with a message naming the file and the limit.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JUE_WORKBOOK_MAX_FILE_BYTES   (64u * 1024 * 1024)
#define JUE_WORKBOOK_MAX_MEMBER_BYTES (64u * 1024 * 1024)
#define JUE_WORKBOOK_MAX_TOTAL_BYTES  (256u * 1024 * 1024)
#define JUE_WORKBOOK_MAX_RATIO        200u   /* uncompressed : compressed */
#define JUE_WORKBOOK_MAX_SHEETS       256u
#define JUE_WORKBOOK_MAX_ROWS         100000u
#define JUE_WORKBOOK_MAX_COLUMNS      1024u
#define JUE_WORKBOOK_MAX_CELLS        500000u   /* in the whole workbook */
#define JUE_WORKBOOK_MAX_STRINGS      500000u
#define JUE_WORKBOOK_MAX_TEXT         32767u    /* characters in one cell (Excel's own limit) */

typedef enum {
  JUE_WB_CELL_TEXT,     /* a text cell (shared, inline or formula string) */
  JUE_WB_CELL_NUMBER,   /* a number; text is its decimal value */
  JUE_WB_CELL_BOOL,     /* text "TRUE" / "FALSE" */
  JUE_WB_CELL_ERROR,    /* text "#DIV/0!" etc. */
} JueWbCellKind;

typedef struct {
  guint          row;       /* 0-based */
  guint          column;    /* 0-based */
  JueWbCellKind  kind;
  char          *text;      /* UTF-8, never NULL */
  gboolean       percent;   /* a number shown as a percentage (.xlsx only) */
} JueWbCell;

typedef struct {
  guint first_row, first_column, last_row, last_column;   /* inclusive */
} JueWbRange;

typedef struct _JueWorkbook JueWorkbook;
typedef struct _JueWbSheet  JueWbSheet;

/* Opens filename (.xlsx or .xls by content). */
JueWorkbook      *jue_workbook_open          (const char *filename,
                                              GError    **error);
/* An .xlsx in memory; origin names it in messages. */
JueWorkbook      *jue_workbook_open_xlsx_data (const guint8 *data,
                                               gsize         len,
                                               const char   *origin,
                                               GError      **error);
/* A folder of CSV files (UTF-8, jue-csv.h) as a workbook: one sheet per
 * .csv file, in name order, named by the file without ".csv"; a cell that
 * reads as a number is a number, a text cell is unguarded.  The published
 * tables as CSV (jue-export-published.h) import this way. */
JueWorkbook      *jue_workbook_open_csv_dir  (const char *dir,
                                              GError    **error);
void              jue_workbook_free          (JueWorkbook *workbook);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JueWorkbook, jue_workbook_free)

/* The name messages use for the file. */
const char       *jue_workbook_get_origin    (const JueWorkbook *workbook);
guint             jue_workbook_n_sheets      (const JueWorkbook *workbook);
const JueWbSheet *jue_workbook_sheet         (const JueWorkbook *workbook,
                                              guint              index);

const char       *jue_wb_sheet_name          (const JueWbSheet *sheet);
/* One past the last row / column holding a cell or a merged range. */
guint             jue_wb_sheet_n_rows        (const JueWbSheet *sheet);
guint             jue_wb_sheet_n_columns     (const JueWbSheet *sheet);
/* The cells in row order, then column order. */
guint             jue_wb_sheet_n_cells       (const JueWbSheet *sheet);
const JueWbCell  *jue_wb_sheet_cell_at       (const JueWbSheet *sheet,
                                              guint             index);
/* The cell stored at (row, column), or NULL. */
const JueWbCell  *jue_wb_sheet_cell          (const JueWbSheet *sheet,
                                              guint             row,
                                              guint             column);
/* Its text, "" when there is no cell. */
const char       *jue_wb_sheet_text          (const JueWbSheet *sheet,
                                              guint             row,
                                              guint             column);
guint             jue_wb_sheet_n_merges      (const JueWbSheet *sheet);
const JueWbRange *jue_wb_sheet_merge         (const JueWbSheet *sheet,
                                              guint             index);
/* The merged range covering (row, column), or NULL. */
const JueWbRange *jue_wb_sheet_merge_at      (const JueWbSheet *sheet,
                                              guint             row,
                                              guint             column);

/* "A1", "AB12" for (row, column), 0-based. */
char             *jue_wb_cell_name           (guint row,
                                              guint column);
/* "B3" → row 2, column 1.  FALSE for anything else. */
gboolean          jue_wb_parse_cell_name     (const char *name,
                                              guint      *row,
                                              guint      *column);

G_END_DECLS
