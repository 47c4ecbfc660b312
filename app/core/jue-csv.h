/* jue-csv.h — CSV as spreadsheets on a Chinese desktop open it right the
 * first time: RFC 4180 with a UTF-8 byte-order mark and CRLF line ends,
 * and the OWASP guard against CSV injection.
 *
 * Writing: text cells go through the guard (a text that begins with = + -
 * @ TAB CR, or with the guard character ' itself, gets one leading ').
 * Numbers are written as they are and never guarded, so a negative amount
 * stays a number.  Reading strips exactly that one ' from text cells
 * (jue_csv_unguard), so text survives a round trip byte for byte.
 *
 * Reading is strict, because a file that is misread silently is worse than
 * one that is refused: the input must be UTF-8 (a BOM is optional; a GBK
 * file is recognised as "not UTF-8" and the message says it may be GBK),
 * quotes must pair, and nothing may follow a closing quote.  Every error
 * names the file, line and column (columns count characters from 1).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JUE_CSV_BOM "\xEF\xBB\xBF"

/* ---- writing ---------------------------------------------------------- */

typedef struct _JueCsvWriter JueCsvWriter;

/* A new buffer, starting with the BOM. */
JueCsvWriter *jue_csv_writer_new      (void);
void          jue_csv_writer_free     (JueCsvWriter *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JueCsvWriter, jue_csv_writer_free)

/* One text cell: guarded, then quoted when it holds a comma, a quote, a
 * line break, or leading or trailing white space.  NULL is an empty cell. */
void          jue_csv_write_text      (JueCsvWriter *writer,
                                       const char   *text);
/* One number cell ("1447.01", "-131.49", "95.03", "" for blank).  Anything
 * that is not a plain decimal number is written as text instead, guarded,
 * so a caller's mistake can never produce a formula. */
void          jue_csv_write_number    (JueCsvWriter *writer,
                                       const char   *number);
/* Ends the row with CRLF.  A row without cells is an empty line. */
void          jue_csv_end_row         (JueCsvWriter *writer);
/* The bytes written so far (BOM included). */
const char   *jue_csv_writer_data     (JueCsvWriter *writer,
                                       gsize        *len);

/* TRUE for a plain decimal number: -?digits(.digits)? */
gboolean      jue_csv_is_number       (const char *text);
/* TRUE when text would need the guard (starts with = + - @ TAB CR ').
 * A spreadsheet may run a cell beginning with = + - @ as a formula, and
 * strips leading TAB / CR before looking; the ' itself is guarded so that
 * unguarding is the exact inverse. */
gboolean      jue_csv_needs_guard     (const char *text);
char         *jue_csv_guard           (const char *text);
/* Removes one leading ' (the guard), and nothing else. */
char         *jue_csv_unguard         (const char *cell);

/* ---- reading ---------------------------------------------------------- */

typedef struct {
  guint      line;      /* physical line (from 1) where the row starts */
  GPtrArray *cells;     /* char*, as read (quotes removed, not unguarded) */
  GArray    *lines;     /* guint: the line where each cell starts */
} JueCsvRow;

typedef struct {
  char      *origin;    /* names the data in messages (a file name) */
  GPtrArray *rows;      /* JueCsvRow* */
  gboolean   had_bom;
  guint      n_lines;   /* physical lines read */
} JueCsvTable;

/* Parses data.  A trailing line break does not make an empty last row; an
 * empty line inside the data is a row of one empty cell.  Rows may differ
 * in length; see jue_csv_check_width(). */
JueCsvTable  *jue_csv_parse           (const char *data,
                                       gsize       len,
                                       const char *origin,
                                       GError    **error);
/* Reads and parses a file; origin is the file's base name. */
JueCsvTable  *jue_csv_read_file       (const char *filename,
                                       GError    **error);
void          jue_csv_table_free      (JueCsvTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JueCsvTable, jue_csv_table_free)

const char   *jue_csv_row_cell        (const JueCsvRow *row,
                                       guint            column);
guint         jue_csv_row_cell_line   (const JueCsvRow *row,
                                       guint            column);
/* TRUE for an empty line (one empty cell). */
gboolean      jue_csv_row_is_blank    (const JueCsvRow *row);

/* Refuses a row whose number of cells is not width ("line 7: 5 cells where
 * the header has 7"). */
gboolean      jue_csv_check_width     (const JueCsvTable *table,
                                       const JueCsvRow   *row,
                                       guint              width,
                                       GError           **error);

/* Sets a JUE_ERROR_PARSE error "ORIGIN, line L, column C: message". */
void          jue_csv_set_error       (GError    **error,
                                       const char *origin,
                                       guint       line,
                                       guint       column,
                                       const char *format,
                                       ...) G_GNUC_PRINTF (5, 6);

G_END_DECLS
