/* jue-table-window.h — a window holding one sortable table of texts (the
 * review summary of a folder, the comparison with last year): a
 * GtkColumnView over a GListStore, each column sortable by its header
 * (numeric columns by an integer key, never by their text). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JUE_TYPE_TABLE_ROW (jue_table_row_get_type ())
G_DECLARE_FINAL_TYPE (JueTableRow, jue_table_row, JUE, TABLE_ROW, GObject)

/* cells: n texts (copied); keys: n sort keys, used where numeric[i] (may be
 * NULL); known[i] FALSE sorts the cell as the largest (first when descending). */
JueTableRow *jue_table_row_new   (const char * const *cells,
                                  const gint64       *keys,
                                  const gboolean     *known,
                                  guint               n,
                                  const char         *data);
const char  *jue_table_row_get_data (JueTableRow *row);
const char  *jue_table_row_get_cell (JueTableRow *row,
                                     guint        column);

typedef void (*JueTableActivated) (JueTableRow *row,
                                   GListModel  *sorted,   /* the rows in their shown order */
                                   guint        position,
                                   gpointer     user_data);

/* A window transient for parent with a heading line and the table;
 * numeric[i] right-aligns column i and sorts it by key.  rows: of
 * JueTableRow.  activated (may be NULL) is called on Enter or a double
 * click.  sort_column (or -1) is sorted first, descending when asked. */
GtkWidget   *jue_table_window_new (GtkWindow          *parent,
                                   const char         *title,
                                   const char         *subtitle,
                                   const char * const *headings,
                                   const gboolean     *numeric,
                                   guint               n_columns,
                                   GListStore         *rows,
                                   int                 sort_column,
                                   gboolean            descending,
                                   JueTableActivated   activated,
                                   gpointer            user_data);
/* The same table with its heading line, to be put in a page. */
GtkWidget   *jue_table_view_new   (const char         *subtitle,
                                   const char * const *headings,
                                   const gboolean     *numeric,
                                   guint               n_columns,
                                   GListStore         *rows,
                                   int                 sort_column,
                                   gboolean            descending,
                                   JueTableActivated   activated,
                                   gpointer            user_data);
/* The table's rows in their shown order (a window or a view). */
GListModel  *jue_table_window_get_sorted (GtkWidget *window);

G_END_DECLS
