/* jue-table-editor.c — a published table, as printed, typed into in place. */
#include "config.h"
#include <glib/gi18n-lib.h>
#include <string.h>

#include "jue-code-picker.h"
#include "jue-codes.h"
#include "jue-empty.h"
#include "jue-field.h"
#include "jue-lazy-rows.h"
#include "jue-paste.h"
#include "jue-table-editor.h"

/* Rows built with the table: more than a tall window shows (the sample's
 * longest table, 表5, has 30); the rest as they are scrolled near,
 * moved into or asked for by path. */
#define FIRST_ROWS 40
#define MORE_ROWS  20

typedef struct {
  JueTableEditor *self;
  char           *list;
} Builder;

struct _JueTableEditor {
  GtkWidget          parent_instance;

  GtkWidget         *number;
  GtkWidget         *title;
  GtkWidget         *unit_name;
  GtkWidget         *unit;
  GtkWidget         *provisional;
  GtkWidget         *grid;
  GtkWidget         *note;
  GtkWidget         *add_button;
  GtkWidget         *add_popover;
  GtkWidget         *add_entry;
  GtkWidget         *add_matches;
  GtkWidget         *add_message;
  GtkWidget         *empty_button;
  GtkWidget         *empty_bar;
  GtkWidget         *empty_label;
  GtkWidget         *unmark_button;

  JueSession        *session;
  guint              index;
  JueRenderedTable  *table;
  GPtrArray         *cells;      /* GtkWidget* (borrowed) of the rows built,
                                    row-major, NULL where none */
  guint              built;
  JueLazyRows       *lazy;       /* the rows not built yet */
  int               *widths;     /* pixels per column */
  GPtrArray         *builders;   /* Builder*, registered with the session */

  GtkWidget         *root;          /* the window, while mapped */

  char              *arrived_path;  /* the cell moved into, and its value */
  char              *arrived_text;  /* then (Escape puts it back) */
  guint              pending_rebuild : 1;  /* the rows changed while the
                                              cell typed in left the table */
};

G_DEFINE_FINAL_TYPE (JueTableEditor, jue_table_editor, GTK_TYPE_WIDGET)

static void build_rows (JueTableEditor *self, guint upto);
static const char *add_list (JueTableEditor *self);
static void arrive (JueTableEditor *self, JueField *field);

/* ---- the table -------------------------------------------------------- */

static JueRenderedTable *
render (JueTableEditor *self)
{
  JueReport *report = jue_session_get_report (self->session);
  const JueTemplate *tmpl = jue_render_report_template (report, NULL);

  if (self->index >= jue_template_n_tables (tmpl))
    return NULL;
  return jue_render_table (tmpl, self->index, report, jue_session_get_computed (self->session));
}

static guint
n_columns (JueTableEditor *self)
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

  g_free (self->widths);
  self->widths = g_new0 (int, n_columns (self));
  for (guint c = 0; c < n_columns (self); c++)
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

  for (guint c = 0; c < n_columns (self); c++)
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

static void on_cell_focus_enter (GtkEventControllerFocus *controller, JueTableEditor *self);

static GtkWidget *
typed_cell_new (JueTableEditor        *self,
                guint                  row,
                guint                  c,
                const JueRenderedCell *cell)
{
  JueReport *report = jue_session_get_report (self->session);
  g_autofree char *label = row_label (self, row);
  GtkEventController *focus;
  JueFieldRef ref;
  GtkWidget *widget;

  if (!jue_report_resolve (report, cell->path, &ref, NULL) ||
      ref.def->kind == JUE_KIND_LIST || ref.def->kind == JUE_KIND_RECORD)
    return computed_cell_new (self, c, cell);
  widget = jue_field_cell_new (self->session, cell->path, ref.def, label);
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
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus_enter), self);
  gtk_widget_add_controller (widget, focus);
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
      gtk_grid_attach (GTK_GRID (self->grid), label, 0, y, (int) n_columns (self), 1);
      g_ptr_array_add (self->cells, label);
      for (guint c = 1; c < n_columns (self); c++)
        g_ptr_array_add (self->cells, NULL);
      return;
    }
  for (guint c = 0; c < n_columns (self); c++)
    {
      const JueRenderedCell *cell = r->cells->pdata[c];
      GtkWidget *widget;

      if (cell->path)
        widget = typed_cell_new (self, row, c, cell);
      else
        widget = computed_cell_new (self, c, cell);
      gtk_grid_attach (GTK_GRID (self->grid), widget, (int) c, y, 1, 1);
      g_ptr_array_add (self->cells, widget);
    }
}

/* ---- building rows as they are wanted --------------------------------- */

static void
build_rows (JueTableEditor *self,
            guint           upto)
{
  if (self->table == NULL)
    return;
  upto = MIN (upto, self->table->rows->len);
  if (upto <= self->built)
    return;
  jue_lazy_rows_take_spacer (self->lazy, TRUE);
  for (guint r = self->built; r < upto; r++)
    build_row (self, r);
  self->built = upto;
  jue_lazy_rows_built (self->lazy, self->built, self->table->rows->len,
                       (int) (self->table->n_header_rows + self->built), (int) n_columns (self),
                       self->cells->len ? self->cells->pdata[self->cells->len - 1] : NULL);
}

static void
build_more (GtkWidget *owner,
            guint      upto)
{
  build_rows (JUE_TABLE_EDITOR (owner), upto);
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

      for (guint c = 0; c < n_columns (self); c++)
        {
          const JueRenderedCell *cell = row->cells->pdata[c];

          if (cell->path && g_str_has_prefix (cell->path, prefix))
            {
              build_rows (self, r + 1 + MORE_ROWS);
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

/* ---- marked empty (本表为空表) ------------------------------------------- */

static const char *
table_key (JueTableEditor *self)
{
  return self->table ? self->table->table->key : NULL;
}

static void
update_empty (JueTableEditor *self)
{
  gboolean read_only = jue_session_is_read_only (self->session);
  const char *reason = jue_report_table_empty_reason (jue_session_get_report (self->session),
                                                      table_key (self));

  gtk_widget_set_visible (self->empty_button, reason == NULL && !read_only);
  gtk_widget_set_visible (self->add_button, reason == NULL && !read_only && add_list (self));
  gtk_widget_set_visible (self->empty_bar, reason != NULL);
  gtk_widget_set_visible (self->unmark_button, !read_only);
  if (reason)
    {
      g_autofree char *text = *reason
        ? g_strdup_printf (_("Marked empty: %s"), reason)
        : g_strdup (_("Marked empty: the table is printed as “本表为空表”."));
      gtk_label_set_text (GTK_LABEL (self->empty_label), text);
    }
}

gboolean
jue_table_editor_mark_empty (JueTableEditor *self,
                             const char     *reason)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (JUE_IS_TABLE_EDITOR (self), FALSE);
  jue_session_flush_fields (self->session);
  if (jue_document_mark_table_empty (jue_session_get_document (self->session), table_key (self),
                                     reason, &error))
    return TRUE;
  jue_session_report_error (self->session, error);
  return FALSE;
}

static void
on_mark_response (AdwMessageDialog *dialog,
                  const char       *response,
                  JueTableEditor   *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  if (g_strcmp0 (response, "mark") == 0)
    jue_table_editor_mark_empty (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
  g_object_unref (self);
}

static void
on_mark_empty (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  JueTableEditor *self = JUE_TABLE_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = g_strdup_printf (_("Mark %s as Empty?"), self->table->number);
  GtkWidget *entry = gtk_entry_new ();
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading,
                                                       _("The table is printed as “本表为空表” "
                                                         "with the reason given here; its "
                                                         "figures are kept.")));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, e.g. 本单位无政府性基金预算财政拨款收支"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "mark", _("_Mark as Empty"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "mark", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "mark");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_mark_response), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_unmark_empty (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  JueTableEditor *self = JUE_TABLE_EDITOR (widget);
  g_autoptr (GError) error = NULL;

  jue_session_flush_fields (self->session);
  if (!jue_document_unmark_table_empty (jue_session_get_document (self->session),
                                        table_key (self), &error))
    jue_session_report_error (self->session, error);
}

/* ---- a 项 added by its code -------------------------------------------- */

/* The list new rows go to: the table's rows when they are one list of
 * coded rows (表6: functional), else NULL (表5 mixes three lists). */
static const char *
add_list (JueTableEditor *self)
{
  const char *list = self->table ? self->table->list : NULL;

  if (list == NULL || strchr (list, '+') || jue_list_code_digits (list, NULL) == 0)
    return NULL;
  return list;
}

static GPtrArray *
add_classification (JueTableEditor *self)
{
  const char *list = add_list (self);

  if (g_strcmp0 (list, "economic") == 0)
    return jue_classification_economic_builtin ();
  return jue_session_classification (self->session);
}

#define ADD_MATCHES 8

static void
on_add_entry_changed (JueTableEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->add_entry));
  const char *list = add_list (self);
  GPtrArray *entries = add_classification (self);
  guint digits, alt, shown = 0;
  GtkWidget *child;

  gtk_widget_set_visible (self->add_message, FALSE);
  while ((child = gtk_widget_get_first_child (self->add_matches)))
    gtk_list_box_remove (GTK_LIST_BOX (self->add_matches), child);
  if (list == NULL || entries == NULL || *text == '\0')
    return;
  digits = jue_list_code_digits (list, &alt);
  for (guint i = 0; i < entries->len && shown < ADD_MATCHES; i++)
    {
      const JueClassEntry *e = entries->pdata[i];
      g_autofree char *line = NULL;
      GtkWidget *label;
      gsize n = e->code ? strlen (e->code) : 0;

      if (n != digits && n != alt)
        continue;
      if (!g_str_has_prefix (e->code, text) && !(e->name && strstr (e->name, text)))
        continue;
      line = g_strdup_printf ("%s %s", e->code, e->name ? e->name : "");
      label = gtk_label_new (line);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_list_box_append (GTK_LIST_BOX (self->add_matches), label);
      g_object_set_data_full (G_OBJECT (gtk_widget_get_parent (label)), "jue-code",
                              g_strdup (e->code), g_free);
      shown++;
    }
}

/* Adds the row with code to the table's list and puts the cursor in its
 * first figure, set to 0 so the table prints the row (a 项 whose figures
 * are all blank is not printed): one undo step. */
gboolean
jue_table_editor_add_code (JueTableEditor *self,
                           const char     *code,
                           GError        **error)
{
  JueDocument *doc = jue_session_get_document (self->session);
  /* copies: each edit renders the table anew */
  g_autofree char *list = NULL;
  g_autofree char *field = NULL;
  g_autofree char *path = NULL;
  gint index;

  g_return_val_if_fail (JUE_IS_TABLE_EDITOR (self), FALSE);
  list = g_strdup (add_list (self));
  g_return_val_if_fail (list != NULL, FALSE);
  for (guint c = 0; c < n_columns (self) && field == NULL; c++)
    {
      const JueRenderedColumn *col = self->table->columns->pdata[c];
      if (col->role == JUE_COLUMN_VALUE && col->field)
        field = g_strdup (col->field);
    }
  jue_session_flush_fields (self->session);
  jue_document_begin_group (doc);
  index = jue_document_insert_by_code_in_group (doc, list, code, add_classification (self),
                                                NULL, NULL, error);
  if (index < 0)
    {
      jue_document_abort_group (doc, NULL);
      return FALSE;
    }
  if (field)
    {
      path = g_strdup_printf ("%s[%d].%s", list, index, field);
      if (!jue_document_set (doc, path, "0", error))
        {
          jue_document_abort_group (doc, NULL);
          return FALSE;
        }
    }
  if (!jue_document_commit_group (doc, list, error))
    return FALSE;
  if (path)
    {
      JueField *cell = jue_session_lookup_field (self->session, path);
      if (cell)
        arrive (self, cell);
    }
  return TRUE;
}

static void
add_code (JueTableEditor *self,
          const char     *code)
{
  g_autoptr (GError) error = NULL;

  if (jue_table_editor_add_code (self, code, &error))
    {
      gtk_popover_popdown (GTK_POPOVER (self->add_popover));
      return;
    }
  /* said where it was asked, the popover stays for another code */
  gtk_label_set_text (GTK_LABEL (self->add_message), error ? error->message : "");
  gtk_widget_set_visible (self->add_message, error != NULL);
}

static void
on_add_entry_activate (JueTableEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->add_entry));
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->add_matches), 0);
  gboolean digits = *text != '\0';

  for (const char *p = text; *p; p++)
    digits = digits && g_ascii_isdigit (*p);
  if (digits)
    add_code (self, text);
  else if (first)
    add_code (self, g_object_get_data (G_OBJECT (first), "jue-code"));
}

static void
on_add_match_activated (JueTableEditor *self,
                        GtkListBoxRow  *row)
{
  add_code (self, g_object_get_data (G_OBJECT (row), "jue-code"));
}

static void
on_add_popover_show (JueTableEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  gtk_widget_set_visible (self->add_message, FALSE);
}

/* ---- (re)building ----------------------------------------------------- */

static void
set_titles (JueTableEditor *self)
{
  gtk_label_set_text (GTK_LABEL (self->number), self->table->number);
  gtk_label_set_text (GTK_LABEL (self->title), self->table->title);
  gtk_label_set_text (GTK_LABEL (self->unit_name), self->table->unit_name);
  gtk_label_set_text (GTK_LABEL (self->unit), self->table->unit);
  gtk_label_set_text (GTK_LABEL (self->note), self->table->note ? self->table->note : "");
  gtk_widget_set_visible (self->note, self->table->note != NULL);
  gtk_widget_set_visible (self->provisional, self->table->provisional);
  update_empty (self);
}

static void
rebuild (JueTableEditor *self,
         JueRenderedTable *table)
{
  GtkWidget *child;
  guint keep = MAX (FIRST_ROWS, self->built);

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
  build_rows (self, keep);
  register_builders (self);
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
          GtkWidget *label = self->cells->pdata[r * n_columns (self)];
          const JueRenderedCell *cell = row->cells->pdata[0];

          if (label && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), cell->text) != 0)
            gtk_label_set_text (GTK_LABEL (label), cell->text);
          continue;
        }
      for (guint c = 0; c < n_columns (self); c++)
        {
          const JueRenderedCell *cell = row->cells->pdata[c];
          GtkWidget *widget = self->cells->pdata[r * n_columns (self) + c];

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
static JueField *
focused_field (JueTableEditor *self)
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

static void
refresh (JueTableEditor *self)
{
  JueRenderedTable *table = render (self);
  JueField *focused = focused_field (self);
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
on_session_changed (JueSession     *session,
                    int             kind,
                    const char     *path,
                    JueTableEditor *self)
{
  if (kind == JUE_CHANGE_EXPLANATION)
    return;
  refresh (self);
}

static void
on_focus_moved (GtkWindow      *window,
                GParamSpec     *pspec,
                JueTableEditor *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (self->pending_rebuild && (focus == NULL || !gtk_widget_is_ancestor (focus, self->grid)))
    refresh (self);
}

/* ---- keys ------------------------------------------------------------- */

/* The cell (row, col) of the body the widget is in; FALSE when outside. */
static gboolean
cell_of (JueTableEditor *self,
         GtkWidget      *widget,
         guint          *row,
         guint          *col)
{
  int c, r, w, h;

  while (widget && gtk_widget_get_parent (widget) != self->grid)
    widget = gtk_widget_get_parent (widget);
  if (widget == NULL)
    return FALSE;
  gtk_grid_query_child (GTK_GRID (self->grid), widget, &c, &r, &w, &h);
  if (r < (int) self->table->n_header_rows || c < 0)
    return FALSE;
  *row = (guint) r - self->table->n_header_rows;
  *col = (guint) c;
  return *row < self->built;
}

static JueField *
typed_at (JueTableEditor *self,
          guint           row,
          guint           col)
{
  GtkWidget *widget;

  if (row >= self->table->rows->len || col >= n_columns (self))
    return NULL;
  if (row >= self->built)
    build_rows (self, row + MORE_ROWS);
  widget = self->cells->pdata[row * n_columns (self) + col];
  return widget ? jue_field_from_widget (widget) : NULL;
}

static void
arrive (JueTableEditor *self,
        JueField       *field)
{
  GtkWidget *widget = jue_field_get_widget (field);

  jue_field_focus (field);
  if (GTK_IS_EDITABLE (widget))
    gtk_editable_select_region (GTK_EDITABLE (widget), 0, -1);
}

/* The next typed cell from (row, col) by (drow, dcol): down a column, or
 * along the rows (wrapping to the next or the previous row). */
static JueField *
next_typed (JueTableEditor *self,
            guint           row,
            guint           col,
            int             drow,
            int             dcol,
            gboolean        wrap)
{
  gint64 r = row, c = col;
  guint n = n_columns (self);

  for (;;)
    {
      JueField *field;

      if (drow)
        r += drow;
      else
        {
          c += dcol;
          if (c < 0 || c >= n)
            {
              if (!wrap)
                return NULL;
              r += dcol;
              c = dcol > 0 ? 0 : (gint64) n - 1;
            }
        }
      if (r < 0 || r >= self->table->rows->len)
        return NULL;
      field = typed_at (self, (guint) r, (guint) c);
      if (field)
        return field;
    }
}

static void
on_cell_focus_enter (GtkEventControllerFocus *controller,
                     JueTableEditor          *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  JueField *field = jue_field_from_widget (widget);

  if (field == NULL || g_strcmp0 (self->arrived_path, jue_field_get_path (field)) == 0)
    return;
  g_free (self->arrived_path);
  g_free (self->arrived_text);
  self->arrived_path = g_strdup (jue_field_get_path (field));
  self->arrived_text = jue_report_get (jue_session_get_report (self->session),
                                       self->arrived_path, NULL);
}

/* Escape: the value the cell had when it was arrived at. */
static gboolean
restore_arrived (JueTableEditor *self,
                 JueField       *field)
{
  GtkWidget *widget = jue_field_get_widget (field);
  const char *was = self->arrived_text ? self->arrived_text : "";

  if (!GTK_IS_EDITABLE (widget) || jue_session_is_read_only (self->session) ||
      g_strcmp0 (self->arrived_path, jue_field_get_path (field)) != 0)
    return FALSE;
  {
    /* the edit may rebuild the rows (a 未分项 line comes or goes): the
     * cell is found again by its path */
    g_autofree char *path = g_strdup (self->arrived_path);

    gtk_editable_set_text (GTK_EDITABLE (widget), was);
    jue_field_flush (field);
    field = jue_session_find_built_field (self->session, path);
    if (field == NULL)
      return TRUE;
    jue_field_refresh (field);
    widget = jue_field_get_widget (field);
    if (GTK_IS_EDITABLE (widget))
      gtk_editable_select_region (GTK_EDITABLE (widget), 0, -1);
  }
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                JueTableEditor        *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  JueField *here = focused_field (self);
  JueField *to = NULL;
  guint row, col;
  GtkEditable *editable;
  int start, end, length;
  gboolean all;

  if (here == NULL || focus == NULL || !cell_of (self, focus, &row, &col))
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  editable = GTK_IS_EDITABLE (jue_field_get_widget (here))
             ? GTK_EDITABLE (jue_field_get_widget (here)) : NULL;
  length = editable ? (int) g_utf8_strlen (gtk_editable_get_text (editable), -1) : 0;
  if (editable && gtk_editable_get_selection_bounds (editable, &start, &end))
    all = start == 0 && end == length;
  else
    {
      start = end = editable ? gtk_editable_get_position (editable) : 0;
      all = length == 0;
    }
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      to = next_typed (self, row, col, -1, 0, FALSE);
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      to = next_typed (self, row, col, 1, 0, FALSE);
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if ((state & GDK_SHIFT_MASK) || !(all || (start == end && start == 0)))
        return FALSE;
      to = next_typed (self, row, col, 0, -1, FALSE);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if ((state & GDK_SHIFT_MASK) || !(all || (start == end && end == length)))
        return FALSE;
      to = next_typed (self, row, col, 0, 1, FALSE);
      break;
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      to = next_typed (self, row, col, 0, (state & GDK_SHIFT_MASK) ? -1 : 1, TRUE);
      if (to == NULL)
        return FALSE;   /* on out of the table */
      break;
    case GDK_KEY_ISO_Left_Tab:
      to = next_typed (self, row, col, 0, -1, TRUE);
      if (to == NULL)
        return FALSE;
      break;
    case GDK_KEY_Escape:
      return restore_arrived (self, here);
    default:
      return FALSE;
    }
  if (to)
    {
      jue_field_flush (here);
      arrive (self, to);
    }
  return TRUE;
}

/* Enter in a cell (jue_field_activate_next): the same column, a row down. */
static void
on_enter (GtkWidget  *widget,
          const char *action,
          GVariant   *param)
{
  JueTableEditor *self = JUE_TABLE_EDITOR (widget);
  const char *path = g_variant_get_string (param, NULL);
  JueField *here = jue_session_find_built_field (self->session, path);
  JueField *to;
  guint row, col;

  if (here == NULL || !cell_of (self, jue_field_get_widget (here), &row, &col))
    return;
  to = next_typed (self, row, col, 1, 0, FALSE);
  if (to)
    arrive (self, to);
}

/* ---- paste ------------------------------------------------------------ */

/* The body cell showing path in table: FALSE when it shows none. */
static gboolean
find_path (const JueRenderedTable *table,
           const char             *path,
           guint                  *row,
           guint                  *col)
{
  for (guint r = 0; table && r < table->rows->len; r++)
    {
      const JueRenderedRow *x = table->rows->pdata[r];
      for (guint c = 0; c < table->n_columns; c++)
        if (g_strcmp0 (((JueRenderedCell *) x->cells->pdata[c])->path, path) == 0)
          {
            *row = r;
            *col = c;
            return TRUE;
          }
    }
  return FALSE;
}

/* Cells copied from a spreadsheet, pasted at the cell of path: the table
 * filled from there, or, a published table copied with its code column,
 * each 项 by its code (rows added in code order) and its 合计, 类 and 款
 * checked against what they add up to; all or nothing, one undo step
 * (jue_paste_apply_table). */
static void
on_paste (GtkWidget  *widget,
          const char *action,
          GVariant   *param)
{
  JueTableEditor *self = JUE_TABLE_EDITOR (widget);
  g_autoptr (JueRenderedTable) table = NULL;
  g_autoptr (JuePasteBlock) block = NULL;
  g_autoptr (GError) error = NULL;
  const char *path, *text;
  guint row, col;

  g_variant_get (param, "(&s&s)", &path, &text);
  jue_session_flush_fields (self->session);
  table = render (self);   /* as the document is now */
  if (!find_path (table, path, &row, &col))
    return;
  block = jue_paste_parse (text);
  if (!jue_paste_apply_table (jue_session_get_document (self->session), table, row, col, block,
                              NULL, &error))
    {
      jue_session_report_error (self->session, error);
      return;
    }
  /* the cursor stays where the paste began */
  {
    JueField *field = jue_session_lookup_field (self->session, path);
    if (field)
      jue_field_focus (field);
  }
}

/* ---- the widget ------------------------------------------------------- */

static void
jue_table_editor_map (GtkWidget *widget)
{
  JueTableEditor *self = JUE_TABLE_EDITOR (widget);

  GTK_WIDGET_CLASS (jue_table_editor_parent_class)->map (widget);
  self->root = GTK_WIDGET (gtk_widget_get_root (widget));
  if (GTK_IS_WINDOW (self->root))
    g_signal_connect (self->root, "notify::focus-widget", G_CALLBACK (on_focus_moved), self);
  else
    self->root = NULL;
  jue_lazy_rows_map (self->lazy);
}

static void
jue_table_editor_unmap (GtkWidget *widget)
{
  JueTableEditor *self = JUE_TABLE_EDITOR (widget);

  jue_lazy_rows_unmap (self->lazy);
  if (self->root)
    g_signal_handlers_disconnect_by_data (self->root, self);
  self->root = NULL;
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
  gtk_widget_class_bind_template_child (widget_class, JueTableEditor, empty_button);
  gtk_widget_class_bind_template_child (widget_class, JueTableEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, JueTableEditor, add_popover);
  gtk_widget_class_bind_template_child (widget_class, JueTableEditor, add_entry);
  gtk_widget_class_bind_template_child (widget_class, JueTableEditor, add_matches);
  gtk_widget_class_bind_template_child (widget_class, JueTableEditor, add_message);
  gtk_widget_class_bind_template_callback (widget_class, on_add_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_add_match_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_add_popover_show);
  gtk_widget_class_bind_template_child (widget_class, JueTableEditor, empty_bar);
  gtk_widget_class_bind_template_child (widget_class, JueTableEditor, empty_label);
  gtk_widget_class_bind_template_child (widget_class, JueTableEditor, unmark_button);
  gtk_widget_class_install_action (widget_class, "table.mark-empty", NULL, on_mark_empty);
  gtk_widget_class_install_action (widget_class, "table.unmark-empty", NULL, on_unmark_empty);
  gtk_widget_class_install_action (widget_class, "table.enter", "s", on_enter);
  gtk_widget_class_install_action (widget_class, "table.paste", "(ss)", on_paste);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jue_table_editor_init (JueTableEditor *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cells = g_ptr_array_new ();
  self->builders = g_ptr_array_new_with_free_func ((GDestroyNotify) builder_free);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (self->grid, keys);
  self->lazy = jue_lazy_rows_new (GTK_WIDGET (self), GTK_GRID (self->grid), build_more);
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
  rebuild (self, render (self));
  g_signal_connect (session, "changed", G_CALLBACK (on_session_changed), self);
  return GTK_WIDGET (self);
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
  if (self->table == NULL || row >= self->built || col >= n_columns (self))
    return NULL;
  return self->cells->pdata[row * n_columns (self) + col];
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
    build_rows (self, self->table->rows->len);
}
