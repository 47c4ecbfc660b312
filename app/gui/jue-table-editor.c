/* jue-table-editor.c — a published table, as printed, typed into in place. */
#include "config.h"
#include <glib/gi18n-lib.h>
#include <string.h>

#include "jue-table-editor-private.h"

/* Rows built with the table: more than a tall window shows (the sample's
 * longest table, 表5, has 30); the rest as they are scrolled near,
 * moved into or asked for by path. */
#define FIRST_ROWS 40
/* A list's rows are taller (names on two lines) and its page has more
 * above it: what fits a tall window and every list of the built-in sample
 * (its longest, the department's indicators, has 18). */
#define FIRST_LIST_ROWS 24
#define MORE_ROWS  JUE_TABLE_MORE_ROWS

G_DEFINE_FINAL_TYPE (JueTableEditor, jue_table_editor, GTK_TYPE_WIDGET)

/* ---- the table -------------------------------------------------------- */

JueRenderedTable *
jue_table_editor_render (JueTableEditor *self)
{
  JueReport *report = jue_session_get_report (self->session);
  const JueTemplate *tmpl;

  if (jue_table_editor_is_list (self))
    return jue_table_editor_list_render (self);
  tmpl = jue_render_report_template (report, NULL);
  if (self->index >= jue_template_n_tables (tmpl))
    return NULL;
  return jue_render_table (tmpl, self->index, report, jue_session_get_computed (self->session));
}

guint
jue_table_editor_n_columns (JueTableEditor *self)
{
  return self->table ? self->table->n_columns : 0;
}

static JueRenderedRow *
body_row (JueTableEditor *self,
          guint           row)
{
  return self->table->rows->pdata[row];
}

static gboolean
is_figure (JueRenderCellKind kind)
{
  return kind == JUE_RENDER_CELL_AMOUNT || kind == JUE_RENDER_CELL_PERCENT ||
         kind == JUE_RENDER_CELL_COUNT;
}

/* What a digit is wide, in the font the table is drawn with. */
static int
digit_pixels (GtkWidget *widget)
{
  PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (widget),
                                                         NULL, NULL);
  int width = pango_font_metrics_get_approximate_digit_width (metrics);

  pango_font_metrics_unref (metrics);
  return MAX (1, (width + PANGO_SCALE - 1) / PANGO_SCALE);
}

/* The renderer's suggested widths (in columns, a Chinese character 2) in
 * pixels; names and labels take what the window has to spare and wrap. */
static void
compute_widths (JueTableEditor *self)
{
  int digit = digit_pixels (self->grid);

  if (jue_table_editor_is_list (self))
    {
      jue_table_editor_list_widths (self);
      return;
    }
  g_free (self->widths);
  self->widths = g_new0 (int, jue_table_editor_n_columns (self));
  for (guint c = 0; c < jue_table_editor_n_columns (self); c++)
    {
      const JueRenderedColumn *col = self->table->columns->pdata[c];
      guint width = col->width;

      if (is_figure (col->kind) && col->role != JUE_COLUMN_LINENO)
        {
          /* as wide as its widest figure, and room for one of 99999.99 万元
           * typed later; the header's words wrap */
          width = 11;
          for (guint r = 0; r < self->table->rows->len; r++)
            {
              const JueRenderedRow *row = body_row (self, r);
              if (row->kind != JUE_RENDER_ROW_NOTE)
                width = MAX (width, jue_render_text_width (((JueRenderedCell *) row->cells->pdata[c])->text) + 3);
            }
        }
      else if (col->kind == JUE_RENDER_CELL_TEXT)
        width = MIN (width, 16u);     /* wraps: a floor, not the width */
      else if (col->kind == JUE_RENDER_CELL_CODE)
        width = MAX (width, 9u);
      else if (col->role == JUE_COLUMN_LINENO)
        width = MIN (width, 6u);
      self->widths[c] = (int) width * digit;
    }
}

static gboolean
is_text_column (JueTableEditor *self,
                guint           c)
{
  const JueRenderedColumn *col = self->table->columns->pdata[c];
  return col->kind == JUE_RENDER_CELL_TEXT;
}

static void
build_header (JueTableEditor *self)
{
  if (jue_table_editor_is_list (self))
    {
      jue_table_editor_list_header (self);
      return;
    }
  for (guint i = 0; i < self->table->header->len; i++)
    {
      const JueRenderedHeaderCell *h = self->table->header->pdata[i];
      GtkWidget *label = gtk_label_new (h->text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      /* a header asks for no more than its column: the words wrap */
      gtk_label_set_width_chars (GTK_LABEL (label), 2);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 4);
      gtk_widget_add_css_class (label, "jue-pt-head");
      /* a table without rows (本表为空表) has its columns' widths too */
      if (h->col_span == 1)
        {
          gtk_widget_set_size_request (label, self->widths[h->col], -1);
          gtk_widget_set_hexpand (label, is_text_column (self, h->col));
        }
      gtk_grid_attach (GTK_GRID (self->grid), label, (int) h->col, (int) h->row,
                       (int) h->col_span, (int) h->row_span);
    }
}

/* A name for a typed cell's accessible label and messages: the row's
 * code and name, or its label ("row 3" when it has none). */
static char *
row_label (JueTableEditor *self,
           guint           row)
{
  JueRenderedRow *r = body_row (self, row);
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < jue_table_editor_n_columns (self); c++)
    {
      const JueRenderedCell *cell = r->cells->pdata[c];

      if ((cell->kind == JUE_RENDER_CELL_CODE || cell->kind == JUE_RENDER_CELL_TEXT) &&
          cell->path == NULL && cell->text && *cell->text)
        {
          if (out->len)
            g_string_append_c (out, ' ');
          g_string_append (out, cell->text);
          if (cell->kind == JUE_RENDER_CELL_TEXT)
            break;
        }
    }
  if (out->len == 0)
    g_string_printf (out, _("row %u"), row + 1);
  return g_string_free (out, FALSE);
}

static void
set_label_kind_classes (GtkWidget             *label,
                        const JueRenderedCell *cell)
{
  if (cell->emphasis)
    gtk_widget_add_css_class (label, "jue-pt-bold");
  else
    gtk_widget_remove_css_class (label, "jue-pt-bold");
}

static GtkWidget *
computed_cell_new (JueTableEditor        *self,
                   guint                  c,
                   const JueRenderedCell *cell)
{
  GtkWidget *label = gtk_label_new (cell->text);

  if (jue_table_editor_is_list (self))
    {
      /* the row's number */
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      return label;
    }
  gtk_widget_add_css_class (label, "jue-pt-cell");
  if (is_figure (cell->kind))
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "jue-pt-figure");
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "jue-pt-computed");
      gtk_widget_set_size_request (label, self->widths[c], -1);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      if (is_text_column (self, c))
        {
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_width_chars (GTK_LABEL (label), 6);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
          gtk_widget_set_hexpand (label, TRUE);
        }
      else
        gtk_widget_set_size_request (label, self->widths[c], -1);
    }
  if (cell->unreadable)
    gtk_widget_add_css_class (label, "error");
  set_label_kind_classes (label, cell);
  return label;
}


/* A typed cell: the field's widget, with the editor's keys and click;
 * *child is what goes in the grid (the widget, or a wrapper of it). */
static GtkWidget *
typed_cell_new (JueTableEditor        *self,
                guint                  row,
                guint                  c,
                const JueRenderedCell *cell,
                GtkWidget            **child)
{
  JueReport *report = jue_session_get_report (self->session);
  GtkEventController *focus;
  GtkGesture *click;
  JueFieldRef ref;
  GtkWidget *widget;

  if (!jue_report_resolve (report, cell->path, &ref, NULL) ||
      ref.def->kind == JUE_KIND_LIST || ref.def->kind == JUE_KIND_RECORD)
    return *child = computed_cell_new (self, c, cell);
  if (jue_table_editor_is_list (self))
    widget = jue_table_editor_list_cell (self, row, c, cell, child);
  else
    {
      g_autofree char *label = row_label (self, row);

      *child = widget = jue_field_cell_new (self->session, cell->path, ref.def, label);
      gtk_widget_add_css_class (widget, "jue-pt-typed");
      if (cell->emphasis)
        gtk_widget_add_css_class (widget, "jue-pt-bold");
      /* the column's width, not an entry's natural 150 pixels */
      if (GTK_IS_EDITABLE (widget))
        {
          gtk_editable_set_width_chars (GTK_EDITABLE (widget), 1);
          gtk_editable_set_max_width_chars (GTK_EDITABLE (widget), 1);
        }
      gtk_widget_set_size_request (widget, self->widths[c], -1);
    }
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (jue_table_editor_on_cell_focus_enter), self);
  gtk_widget_add_controller (widget, focus);
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (jue_table_editor_on_cell_pressed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
  g_object_set_data (G_OBJECT (widget), "jue-cell-click", click);
  return widget;
}

static void
build_row (JueTableEditor *self,
           guint           row)
{
  JueRenderedRow *r = body_row (self, row);
  int y = (int) (self->table->n_header_rows + row);

  if (r->kind == JUE_RENDER_ROW_NOTE)
    {
      const JueRenderedCell *cell = r->cells->pdata[0];
      GtkWidget *label = gtk_label_new (cell->text);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "jue-pt-note");
      gtk_grid_attach (GTK_GRID (self->grid), label, 0, y, (int) jue_table_editor_n_columns (self), 1);
      g_ptr_array_add (self->cells, label);
      for (guint c = 1; c < jue_table_editor_n_columns (self); c++)
        g_ptr_array_add (self->cells, NULL);
      return;
    }
  for (guint c = 0; c < jue_table_editor_n_columns (self); c++)
    {
      const JueRenderedCell *cell = r->cells->pdata[c];
      GtkWidget *widget, *child;

      if (cell->path)
        widget = typed_cell_new (self, row, c, cell, &child);
      else
        child = widget = computed_cell_new (self, c, cell);
      gtk_grid_attach (GTK_GRID (self->grid), child, (int) c, y, 1, 1);
      g_ptr_array_add (self->cells, widget);
    }
  if (jue_table_editor_is_list (self))
    jue_table_editor_list_row_end (self, row);
}

/* ---- building rows as they are wanted --------------------------------- */

/* The grid's columns: the table's, and a list's computed columns and row
 * menus after them. */
static guint
n_grid_columns (JueTableEditor *self)
{
  guint n = jue_table_editor_n_columns (self);

  return jue_table_editor_is_list (self) ? n + self->computed->len + 1 : n;
}

void
jue_table_editor_build_rows (JueTableEditor *self,
            guint           upto)
{
  guint from = self->built;

  if (self->table == NULL)
    return;
  upto = MIN (upto, self->table->rows->len);
  if (upto <= self->built)
    return;
  jue_lazy_rows_take_spacer (self->lazy, TRUE);
  for (guint r = self->built; r < upto; r++)
    build_row (self, r);
  self->built = upto;
  if (jue_table_editor_is_list (self))
    jue_table_editor_list_mark_rows (self, from, upto);
  jue_lazy_rows_built (self->lazy, self->built, self->table->rows->len,
                       (int) (self->table->n_header_rows + self->built), (int) n_grid_columns (self),
                       self->cells->len ? self->cells->pdata[self->cells->len - 1] : NULL);
}

static void
build_more (GtkWidget *owner,
            guint      upto)
{
  jue_table_editor_build_rows (JUE_TABLE_EDITOR (owner), upto);
}

/* jue_session_lookup_field of a figure in a row not built yet */
static gboolean
build_for_lookup (gpointer owner,
                  guint    index)
{
  Builder *b = owner;
  JueTableEditor *self = b->self;
  g_autofree char *prefix = g_strdup_printf ("%s[%u].", b->list, index);

  for (guint r = 0; self->table && r < self->table->rows->len; r++)
    {
      JueRenderedRow *row = body_row (self, r);

      for (guint c = 0; c < jue_table_editor_n_columns (self); c++)
        {
          const JueRenderedCell *cell = row->cells->pdata[c];

          if (cell->path && g_str_has_prefix (cell->path, prefix))
            {
              jue_table_editor_build_rows (self, r + 1 + MORE_ROWS);
              return TRUE;
            }
        }
    }
  return FALSE;
}

static void
builder_free (Builder *b)
{
  jue_session_remove_row_builder (b->self->session, b);
  g_free (b->list);
  g_free (b);
}

static void
register_builders (JueTableEditor *self)
{
  g_auto (GStrv) lists = NULL;

  g_ptr_array_set_size (self->builders, 0);
  if (self->table == NULL || self->table->list == NULL)
    return;
  lists = g_strsplit (self->table->list, "+", -1);
  for (guint i = 0; lists[i]; i++)
    {
      Builder *b = g_new0 (Builder, 1);

      b->self = self;
      b->list = g_strdup (g_strstrip (lists[i]));
      jue_session_add_row_builder (self->session, b->list, build_for_lookup, b);
      g_ptr_array_add (self->builders, b);
    }
}

/* ---- (re)building ----------------------------------------------------- */

static void
set_titles (JueTableEditor *self)
{
  if (jue_table_editor_is_list (self))
    return;
  gtk_label_set_text (GTK_LABEL (self->number), self->table->number);
  gtk_label_set_text (GTK_LABEL (self->title), self->table->title);
  gtk_label_set_text (GTK_LABEL (self->unit_name), self->table->unit_name);
  gtk_label_set_text (GTK_LABEL (self->unit), self->table->unit);
  gtk_label_set_text (GTK_LABEL (self->note), self->table->note ? self->table->note : "");
  gtk_widget_set_visible (self->note, self->table->note != NULL);
  gtk_widget_set_visible (self->provisional, self->table->provisional);
  jue_table_editor_update_empty (self);
}

static void
rebuild (JueTableEditor *self,
         JueRenderedTable *table)
{
  GtkWidget *child;
  guint keep = MAX (jue_table_editor_is_list (self) ? FIRST_LIST_ROWS : FIRST_ROWS,
                    self->built);

  while ((child = gtk_widget_get_first_child (self->grid)))
    gtk_grid_remove (GTK_GRID (self->grid), child);
  g_ptr_array_set_size (self->cells, 0);
  jue_lazy_rows_take_spacer (self->lazy, FALSE);
  self->built = 0;
  g_clear_pointer (&self->table, jue_rendered_table_free);
  self->table = table;
  self->pending_rebuild = FALSE;
  if (table == NULL)
    return;
  set_titles (self);
  compute_widths (self);
  build_header (self);
  jue_table_editor_build_rows (self, keep);
  register_builders (self);
  if (jue_table_editor_is_list (self))
    jue_table_editor_list_update_marks (self, TRUE);
  jue_lazy_rows_check_near (self->lazy);
}

/* Same rows, same cells typed: the labels can be updated in place. */
static gboolean
same_shape (const JueRenderedTable *a,
            const JueRenderedTable *b)
{
  if (a == NULL || b == NULL || a->rows->len != b->rows->len || a->n_columns != b->n_columns)
    return FALSE;
  for (guint r = 0; r < a->rows->len; r++)
    {
      const JueRenderedRow *x = a->rows->pdata[r];
      const JueRenderedRow *y = b->rows->pdata[r];

      if (x->kind != y->kind || x->item != y->item || g_strcmp0 (x->code, y->code) != 0)
        return FALSE;
      for (guint c = 0; c < a->n_columns; c++)
        {
          const JueRenderedCell *p = x->cells->pdata[c];
          const JueRenderedCell *q = y->cells->pdata[c];

          if (g_strcmp0 (p->path, q->path) != 0 || p->emphasis != q->emphasis)
            return FALSE;
          if (p->path == NULL && p->kind != q->kind)
            return FALSE;
        }
    }
  return TRUE;
}

static void
update_in_place (JueTableEditor   *self,
                 JueRenderedTable *table)
{
  for (guint r = 0; r < self->built; r++)
    {
      const JueRenderedRow *row = table->rows->pdata[r];

      if (row->kind == JUE_RENDER_ROW_NOTE)
        {
          GtkWidget *label = self->cells->pdata[r * jue_table_editor_n_columns (self)];
          const JueRenderedCell *cell = row->cells->pdata[0];

          if (label && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), cell->text) != 0)
            gtk_label_set_text (GTK_LABEL (label), cell->text);
          continue;
        }
      for (guint c = 0; c < jue_table_editor_n_columns (self); c++)
        {
          const JueRenderedCell *cell = row->cells->pdata[c];
          GtkWidget *widget = self->cells->pdata[r * jue_table_editor_n_columns (self) + c];

          if (cell->path || widget == NULL || !GTK_IS_LABEL (widget))
            continue;
          if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), cell->text) != 0)
            gtk_label_set_text (GTK_LABEL (widget), cell->text);
          if (cell->unreadable)
            gtk_widget_add_css_class (widget, "error");
          else
            gtk_widget_remove_css_class (widget, "error");
        }
    }
  g_clear_pointer (&self->table, jue_rendered_table_free);
  self->table = table;
  set_titles (self);
}

/* The field the focus is in, when it is one of this table's cells. */
JueField *
jue_table_editor_focused_field (JueTableEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, self->grid))
    return NULL;
  for (GtkWidget *w = focus; w && w != self->grid; w = gtk_widget_get_parent (w))
    if (jue_field_from_widget (w))
      return jue_field_from_widget (w);
  return NULL;
}

static gboolean
table_shows (const JueRenderedTable *table,
             const char             *path)
{
  for (guint r = 0; table && r < table->rows->len; r++)
    {
      const JueRenderedRow *row = table->rows->pdata[r];
      for (guint c = 0; c < table->n_columns; c++)
        if (g_strcmp0 (((JueRenderedCell *) row->cells->pdata[c])->path, path) == 0)
          return TRUE;
    }
  return FALSE;
}

/* Rebuilds on table; the cell that had the focus has it again. */
static void
rebuild_keeping_focus (JueTableEditor   *self,
                       JueRenderedTable *table)
{
  JueField *focused = jue_table_editor_focused_field (self);
  g_autofree char *focus_path = focused ? g_strdup (jue_field_get_path (focused)) : NULL;

  rebuild (self, table);
  if (focus_path)
    {
      JueField *field = jue_session_lookup_field (self->session, focus_path);
      if (field)
        {
          GtkWidget *widget = jue_field_get_widget (field);
          jue_field_focus (field);
          if (GTK_IS_EDITABLE (widget))
            gtk_editable_set_position (GTK_EDITABLE (widget), -1);
        }
    }
}

static void
refresh (JueTableEditor *self)
{
  JueRenderedTable *table = jue_table_editor_render (self);
  JueField *focused = jue_table_editor_focused_field (self);
  g_autofree char *focus_path = focused ? g_strdup (jue_field_get_path (focused)) : NULL;

  if (same_shape (self->table, table))
    {
      update_in_place (self, table);
      return;
    }
  /* the row typed in is no longer printed (its figures were cleared): it
   * stays until the cell is left, rather than vanish under the caret */
  if (focus_path && !table_shows (table, focus_path))
    {
      jue_rendered_table_free (table);
      self->pending_rebuild = TRUE;
      return;
    }
  rebuild_keeping_focus (self, table);
}

/* table is the list's rows and one more at the end: the new row is built
 * (when the rows before it are), the others stay as they are. */
static void
append_row (JueTableEditor   *self,
            JueRenderedTable *table)
{
  guint before = self->table->rows->len;
  gboolean all_built = self->built == before;

  g_clear_pointer (&self->table, jue_rendered_table_free);
  self->table = table;
  if (before > 0)
    jue_table_editor_list_row_count_changed (self, before - 1);
  if (all_built)
    jue_table_editor_build_rows (self, before + 1);
}

static void
on_session_changed (JueSession     *session,
                    int             kind,
                    const char     *path,
                    JueTableEditor *self)
{
  if (kind == JUE_CHANGE_EXPLANATION)
    return;
  if (jue_table_editor_is_list (self))
    {
      /* a list's cells and computed values follow their paths: only a
       * change of its rows rebuilds it (a row moved keeps the shape, not
       * the contents) */
      if (kind == JUE_CHANGE_LIST && g_strcmp0 (path, self->list_path) == 0)
        {
          JueRenderedTable *table = jue_table_editor_render (self);
          gboolean append = self->expect_append && self->table &&
                            table->rows->len == self->table->rows->len + 1;

          if (append)
            append_row (self, table);
          else
            rebuild_keeping_focus (self, table);
        }
      else
        jue_table_editor_list_update_marks (self, FALSE);
      return;
    }
  refresh (self);
}

static void
on_focus_moved (GtkWidget *owner,
                GtkWidget *focus)
{
  JueTableEditor *self = JUE_TABLE_EDITOR (owner);
  int column, row, width, height;

  if (self->pending_rebuild && (focus == NULL || !gtk_widget_is_ancestor (focus, self->grid)))
    {
      refresh (self);
      return;
    }
  /* Tab (or a click) into one of the last rows built builds the next
   * ones, so the focus never leaves the table over rows not built yet */
  if (!jue_lazy_rows_pending (self->lazy) || focus == NULL ||
      !gtk_widget_is_ancestor (focus, self->grid))
    return;
  while (gtk_widget_get_parent (focus) != self->grid)
    focus = gtk_widget_get_parent (focus);
  gtk_grid_query_child (GTK_GRID (self->grid), focus, &column, &row, &width, &height);
  row -= (int) (self->table ? self->table->n_header_rows : 0);
  if (row >= 0 && (guint) row + 2 >= self->built)
    jue_table_editor_build_rows (self, (guint) row + MORE_ROWS);
}

/* ---- the widget ------------------------------------------------------- */

static void
jue_table_editor_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (jue_table_editor_parent_class)->map (widget);
  jue_lazy_rows_map (JUE_TABLE_EDITOR (widget)->lazy);
}

static void
jue_table_editor_unmap (GtkWidget *widget)
{
  jue_lazy_rows_unmap (JUE_TABLE_EDITOR (widget)->lazy);
  GTK_WIDGET_CLASS (jue_table_editor_parent_class)->unmap (widget);
}

static void
jue_table_editor_dispose (GObject *object)
{
  JueTableEditor *self = JUE_TABLE_EDITOR (object);

  if (self->session)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->builders)
    g_ptr_array_set_size (self->builders, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), JUE_TYPE_TABLE_EDITOR);
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->session);
  G_OBJECT_CLASS (jue_table_editor_parent_class)->dispose (object);
}

static void
jue_table_editor_finalize (GObject *object)
{
  JueTableEditor *self = JUE_TABLE_EDITOR (object);

  g_clear_pointer (&self->table, jue_rendered_table_free);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->builders, g_ptr_array_unref);
  g_clear_pointer (&self->lazy, jue_lazy_rows_free);
  g_free (self->widths);
  g_free (self->arrived_path);
  g_free (self->arrived_text);
  jue_table_editor_list_free (self);
  G_OBJECT_CLASS (jue_table_editor_parent_class)->finalize (object);
}

static void
jue_table_editor_class_init (JueTableEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jue_table_editor_dispose;
  object_class->finalize = jue_table_editor_finalize;
  widget_class->map = jue_table_editor_map;
  widget_class->unmap = jue_table_editor_unmap;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/juesuan/Juesuan/ui/jue-table-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, JueTableEditor, number);
  gtk_widget_class_bind_template_child (widget_class, JueTableEditor, title);
  gtk_widget_class_bind_template_child (widget_class, JueTableEditor, unit_name);
  gtk_widget_class_bind_template_child (widget_class, JueTableEditor, unit);
  gtk_widget_class_bind_template_child (widget_class, JueTableEditor, provisional);
  gtk_widget_class_bind_template_child (widget_class, JueTableEditor, grid);
  gtk_widget_class_bind_template_child (widget_class, JueTableEditor, note);
  jue_table_editor_class_init_edit (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jue_table_editor_init (JueTableEditor *self)
{

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cells = g_ptr_array_new ();
  self->builders = g_ptr_array_new_with_free_func ((GDestroyNotify) builder_free);
  jue_table_editor_init_edit (self);
  self->lazy = jue_lazy_rows_new (GTK_WIDGET (self), GTK_GRID (self->grid), build_more);
  jue_lazy_rows_set_focus_func (self->lazy, on_focus_moved);
}

GtkWidget *
jue_table_editor_new (JueSession *session,
                      guint       index)
{
  JueTableEditor *self;

  g_return_val_if_fail (JUE_IS_SESSION (session), NULL);
  self = g_object_new (JUE_TYPE_TABLE_EDITOR, NULL);
  self->session = g_object_ref (session);
  self->index = index;
  rebuild (self, jue_table_editor_render (self));
  g_signal_connect (session, "changed", G_CALLBACK (on_session_changed), self);
  return GTK_WIDGET (self);
}

GtkWidget *
jue_table_editor_new_for_list (JueSession        *session,
                               const char        *list_path,
                               const JueFieldDef *list_def)
{
  JueTableEditor *self;

  g_return_val_if_fail (JUE_IS_SESSION (session), NULL);
  g_return_val_if_fail (list_def->kind == JUE_KIND_LIST, NULL);
  self = g_object_new (JUE_TYPE_TABLE_EDITOR, NULL);
  self->session = g_object_ref (session);
  jue_table_editor_list_setup (self, list_path, list_def);
  rebuild (self, jue_table_editor_render (self));
  g_signal_connect (session, "changed", G_CALLBACK (on_session_changed), self);
  return GTK_WIDGET (self);
}

void
jue_table_editor_expect_append (JueTableEditor *self,
                                gboolean        expect)
{
  g_return_if_fail (JUE_IS_TABLE_EDITOR (self));
  self->expect_append = expect;
}

GtkWidget *
jue_table_page_new (JueSession *session,
                    guint       index)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *editor = jue_table_editor_new (session, index);

  gtk_widget_set_margin_top (editor, 18);
  gtk_widget_set_margin_bottom (editor, 24);
  gtk_widget_set_margin_start (editor, 18);
  gtk_widget_set_margin_end (editor, 18);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), editor);
  return scroller;
}

const JueRenderedTable *
jue_table_editor_get_table (JueTableEditor *self)
{
  g_return_val_if_fail (JUE_IS_TABLE_EDITOR (self), NULL);
  return self->table;
}

GtkWidget *
jue_table_editor_get_cell (JueTableEditor *self,
                           guint           row,
                           guint           col)
{
  g_return_val_if_fail (JUE_IS_TABLE_EDITOR (self), NULL);
  if (self->table == NULL || row >= self->built || col >= jue_table_editor_n_columns (self))
    return NULL;
  return self->cells->pdata[row * jue_table_editor_n_columns (self) + col];
}

gint
jue_table_editor_find_row (JueTableEditor  *self,
                           JueRenderRowKind kind,
                           const char      *code)
{
  g_return_val_if_fail (JUE_IS_TABLE_EDITOR (self), -1);
  for (guint r = 0; self->table && r < self->table->rows->len; r++)
    {
      const JueRenderedRow *row = body_row (self, r);
      if (row->kind == kind && (code == NULL || g_strcmp0 (row->code, code) == 0))
        return (gint) r;
    }
  return -1;
}

void
jue_table_editor_build_all (JueTableEditor *self)
{
  g_return_if_fail (JUE_IS_TABLE_EDITOR (self));
  if (self->table)
    jue_table_editor_build_rows (self, self->table->rows->len);
}
