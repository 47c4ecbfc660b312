/* jue-table-window.c — one sortable table in a window (jue-table-window.h). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jue-table-window.h"

struct _JueTableRow {
  GObject   parent_instance;
  char    **cells;
  gint64   *keys;
  gboolean *known;
  guint     n;
  char     *data;
};

G_DEFINE_FINAL_TYPE (JueTableRow, jue_table_row, G_TYPE_OBJECT)

static void
jue_table_row_finalize (GObject *object)
{
  JueTableRow *self = JUE_TABLE_ROW (object);

  g_strfreev (self->cells);
  g_free (self->keys);
  g_free (self->known);
  g_free (self->data);
  G_OBJECT_CLASS (jue_table_row_parent_class)->finalize (object);
}

static void
jue_table_row_class_init (JueTableRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jue_table_row_finalize;
}

static void
jue_table_row_init (JueTableRow *self)
{
}

JueTableRow *
jue_table_row_new (const char * const *cells,
                   const gint64       *keys,
                   const gboolean     *known,
                   guint               n,
                   const char         *data)
{
  JueTableRow *self = g_object_new (JUE_TYPE_TABLE_ROW, NULL);

  self->cells = g_new0 (char *, n + 1);
  self->keys = g_new0 (gint64, n);
  self->known = g_new0 (gboolean, n);
  for (guint i = 0; i < n; i++)
    {
      self->cells[i] = g_strdup (cells[i] ? cells[i] : "");
      self->keys[i] = keys ? keys[i] : 0;
      self->known[i] = known ? known[i] : TRUE;
    }
  self->n = n;
  self->data = g_strdup (data);
  return self;
}

const char *
jue_table_row_get_data (JueTableRow *row)
{
  return row->data;
}

const char *
jue_table_row_get_cell (JueTableRow *row,
                        guint        column)
{
  return column < row->n ? row->cells[column] : "";
}

/* ---- the window ------------------------------------------------------------ */

typedef struct {
  guint    column;
  gboolean numeric;
} ColumnInfo;

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ColumnInfo               *info)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), info->numeric ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (info->numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ColumnInfo               *info)
{
  JueTableRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = jue_table_row_get_cell (row, info->column);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, g_utf8_strlen (text, -1) > 40 ? text : NULL);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const JueTableRow *x = a, *y = b;
  const ColumnInfo *info = data;
  guint c = info->column;
  int r;

  if (info->numeric)
    {
      /* unknown (a file that cannot be opened, no score) sorts as the
       * largest: first when sorted by errors or change, the default */
      if (x->known[c] != y->known[c])
        return x->known[c] ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
      if (x->known[c] && x->keys[c] != y->keys[c])
        return x->keys[c] < y->keys[c] ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
      return GTK_ORDERING_EQUAL;
    }
  r = g_utf8_collate (x->cells[c], y->cells[c]);
  return r < 0 ? GTK_ORDERING_SMALLER : r > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

typedef struct {
  JueTableActivated activated;
  gpointer          user_data;
  GListModel       *sorted;
} Activation;

static void
on_activate (GtkColumnView *view,
             guint          position,
             Activation    *a)
{
  g_autoptr (JueTableRow) row = g_list_model_get_item (a->sorted, position);

  if (a->activated && row)
    a->activated (row, a->sorted, position, a->user_data);
}

GListModel *
jue_table_window_get_sorted (GtkWidget *window)
{
  return g_object_get_data (G_OBJECT (window), "jue-sorted");
}

GtkWidget *
jue_table_window_new (GtkWindow          *parent,
                      const char         *title,
                      const char         *subtitle,
                      const char * const *headings,
                      const gboolean     *numeric,
                      guint               n_columns,
                      GListStore         *rows,
                      int                 sort_column,
                      gboolean            descending,
                      JueTableActivated   activated,
                      gpointer            user_data)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *view = jue_table_view_new (subtitle, headings, numeric, n_columns, rows,
                                        sort_column, descending, activated, user_data);

  gtk_window_set_title (GTK_WINDOW (window), title);
  if (parent)
    gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 640);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), view);
  g_object_set_data_full (G_OBJECT (window), "jue-sorted",
                          g_object_ref (jue_table_window_get_sorted (view)), g_object_unref);
  adw_window_set_content (ADW_WINDOW (window), box);
  return window;
}

GtkWidget *
jue_table_view_new (const char         *subtitle,
                    const char * const *headings,
                    const gboolean     *numeric,
                    guint               n_columns,
                    GListStore         *rows,
                    int                 sort_column,
                    gboolean            descending,
                    JueTableActivated   activated,
                    gpointer            user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_column_view_new (NULL);
  GtkWidget *caption = gtk_label_new (subtitle);
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  Activation *a = g_new0 (Activation, 1);
  GtkColumnViewColumn *first_sorted = NULL;

  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_set_margin_start (caption, 12);
  gtk_widget_set_margin_end (caption, 12);
  gtk_widget_set_margin_top (caption, 6);
  gtk_widget_set_margin_bottom (caption, 6);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), caption);

  for (guint i = 0; i < n_columns; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      ColumnInfo *info = g_new0 (ColumnInfo, 1);
      GtkColumnViewColumn *column;
      GtkCustomSorter *sorter;

      info->column = i;
      info->numeric = numeric && numeric[i];
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), info);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), info);
      g_object_set_data_full (G_OBJECT (factory), "jue-info", info, g_free);
      column = gtk_column_view_column_new (headings[i], factory);
      sorter = gtk_custom_sorter_new (compare_rows, info, NULL);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      g_object_unref (sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (i == n_columns - 1)
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      if ((int) i == sort_column)
        first_sorted = column;
      g_object_unref (column);
    }
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (rows)),
                                    g_object_ref (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (view))));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (sorted)));
  gtk_column_view_set_model (GTK_COLUMN_VIEW (view), GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  if (first_sorted)
    gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), first_sorted,
                                    descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  a->activated = activated;
  a->user_data = user_data;
  a->sorted = G_LIST_MODEL (sorted);
  g_object_set_data_full (G_OBJECT (box), "jue-sorted", sorted, g_object_unref);
  g_object_set_data_full (G_OBJECT (box), "jue-activation", a, g_free);
  g_signal_connect (view, "activate", G_CALLBACK (on_activate), a);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}
