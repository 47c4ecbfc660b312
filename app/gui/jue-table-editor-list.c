/* jue-table-editor-list.c — a list of records (functional rows,
 * indicators, fund, accounts and economic rows) in the table editor: the
 * same grid, keys and lazy rows as a published table, with what a list
 * has besides: columns sized to what they hold, names wrapped on two
 * lines, choices, the code picker, computed columns, each row's menu and
 * the outline of the columns a finding on the whole list reads. */
#include "config.h"
#include <glib/gi18n-lib.h>
#include <string.h>

#include "jue-choice-cell.h"
#include "jue-code-picker.h"
#include "jue-finding-item.h"
#include "jue-form-page.h"
#include "jue-table-editor-private.h"

/* A closed choice's drop-down around its text: padding, arrow, spacing. */
#define DROP_DOWN_CHROME 40

/* Free text (names, targets) takes the room a row has to spare, up to
 * this many characters' width; the other columns keep their width. */
#define TEXT_MIN_CHARS      4
#define TEXT_NATURAL_CHARS 20
/* …and shows it on up to two lines when it is longer than that */
#define WRAP_LINES          2

typedef struct _JueListWidth {
  int      min;       /* pixels of text a cell always has room for */
  int      natural;   /* what it asks for when the window has room */
  gboolean expand;
} ListWidth;

gboolean
jue_table_editor_is_list (JueTableEditor *self)
{
  return self->list_path != NULL;
}

static const JueRecordDef *
element (JueTableEditor *self)
{
  return self->list_def->extra;
}

/* The columns on screen: every field, except the functional rows' split
 * (basic, project, budget_initial) and their 上年 figure and reason
 * (previous, reason; shown in Compare with Last Year): the last five
 * fields, which would squeeze the 类/款/项 names at the window's default
 * size; the template's own pages of 表5 and 表6 show the split.  They are
 * typed there, in the CLI and in the CSV and workbook imports. */
static guint
shown_fields (const JueRecordDef *def)
{
  return def == &JueFunctionalRow_def ? def->n_fields - 5 : def->n_fields;
}

/* The field of rendered column c (column 0 is the row's number). */
static const JueFieldDef *
column_field (JueTableEditor *self,
              guint           c)
{
  return c ? &element (self)->fields[c - 1] : NULL;
}

JueRenderedTable *
jue_table_editor_list_render (JueTableEditor *self)
{
  return jue_render_list (jue_session_get_report (self->session), self->list_path,
                          element (self), shown_fields (element (self)));
}

/* ---- column widths ---------------------------------------------------- */

static int
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* What an entry's width in characters means in pixels (as GtkText counts
 * it): a digit in English, a Chinese character in Chinese. */
static int
char_pixels (GtkWidget *widget)
{
  PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (widget),
                                                         NULL, NULL);
  int width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                   pango_font_metrics_get_approximate_digit_width (metrics));

  pango_font_metrics_unref (metrics);
  return MAX (1, (width + PANGO_SCALE - 1) / PANGO_SCALE);
}

/* The widest value column c holds, as shown when not being edited. */
static int
widest_value (JueTableEditor    *self,
              guint              c,
              const JueFieldDef *f)
{
  int widest = 0;

  for (guint r = 0; r < self->table->rows->len; r++)
    {
      const JueRenderedCell *cell = jue_rendered_cell (self->table, r, c);
      if (*cell->text)
        widest = MAX (widest, text_width (self->grid, cell->text));
    }
  if (f->kind == JUE_KIND_CHOICE)
    {
      const JueChoiceSet *set = f->extra;
      for (guint i = 0; set->values[i]; i++)
        widest = MAX (widest, text_width (self->grid, set->values[i]));
    }
  return widest;
}

/* Cells are sized to what they hold, measured in the font they are drawn
 * with: a Chinese character is about two digits wide, so one width in
 * characters would be too narrow in one language and too wide in the
 * other. */
static ListWidth
column_width (JueTableEditor    *self,
              guint              c,
              const JueFieldDef *f)
{
  int widest = widest_value (self, c, f);
  int han = text_width (self->grid, "汉");   /* one Chinese character */
  int floor;

  switch (f->kind)
    {
    case JUE_KIND_AMOUNT: floor = text_width (self->grid, "0,000.00"); break;
    case JUE_KIND_PERCENT: floor = text_width (self->grid, "100.00"); break;
    case JUE_KIND_INTEGER: floor = text_width (self->grid, "0000"); break;
    case JUE_KIND_CHOICE: floor = han; break;
    default:
      if (g_str_equal (f->name, "code"))
        floor = text_width (self->grid, "0000000");
      else if (g_str_equal (f->name, "unit"))
        return (ListWidth) { CLAMP (widest, 2 * han, 5 * han),
                             CLAMP (widest, 2 * han, 5 * han), FALSE };
      else
        return (ListWidth) { TEXT_MIN_CHARS * han,
                             CLAMP (widest, TEXT_MIN_CHARS * han, TEXT_NATURAL_CHARS * han),
                             TRUE };
    }
  return (ListWidth) { MAX (floor, widest), MAX (floor, widest), FALSE };
}

void
jue_table_editor_list_widths (JueTableEditor *self)
{
  guint n = self->table->n_columns;

  g_free (self->list_widths);
  self->list_widths = g_new0 (ListWidth, n);
  self->per_char = char_pixels (self->grid);
  for (guint c = 1; c < n; c++)
    self->list_widths[c] = column_width (self, c, column_field (self, c));
  g_free (self->widths);
  self->widths = g_new0 (int, n);
  for (guint c = 0; c < n; c++)
    self->widths[c] = self->list_widths[c].min;
}

/* ---- the header ------------------------------------------------------- */

/* Column titles a table has no room for in full; the tooltip has them. */
static const char *
short_title (const JueFieldDef *f)
{
  if (g_str_equal (f->name, "grade"))
    return _("Grade (%)");
  return _(f->label);
}

static GtkWidget *
header_label (const char *text,
              gboolean    end)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* a title of several words asks for no more than its longest: the cells
   * below say how wide the column is, and the title wraps between words
   * to fit ("Adjusted / budget"); a Chinese title keeps its width, since
   * breaking 序号 into 序 / 号 reads badly */
  if (strchr (text, ' '))
    gtk_label_set_max_width_chars (GTK_LABEL (label), 1);
  gtk_label_set_xalign (GTK_LABEL (label), end ? 1.0 : 0.0);
  gtk_label_set_justify (GTK_LABEL (label), end ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  gtk_widget_add_css_class (label, "jue-column-title");
  return label;
}

void
jue_table_editor_list_header (JueTableEditor *self)
{
  guint n = self->table->n_columns;

  gtk_grid_attach (GTK_GRID (self->grid), header_label (_("No."), FALSE), 0, 0, 1, 1);
  for (guint c = 1; c < n; c++)
    {
      const JueFieldDef *f = column_field (self, c);
      GtkWidget *label = header_label (short_title (f), f->kind == JUE_KIND_AMOUNT ||
                                                        f->kind == JUE_KIND_PERCENT);

      jue_widget_set_tooltip_later (label, _(f->label));
      gtk_grid_attach (GTK_GRID (self->grid), label, (int) c, 0, 1, 1);
    }
  for (guint i = 0; i < self->computed->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[0].%s", self->list_path,
                                               (char *) self->computed->pdata[i]);
      gtk_grid_attach (GTK_GRID (self->grid),
                       header_label (jue_computed_short_name (path), TRUE), (int) (n + i), 0, 1, 1);
    }
}

/* ---- cells ------------------------------------------------------------ */

GtkWidget *
jue_table_editor_list_cell (JueTableEditor        *self,
                            guint                  row,
                            guint                  c,
                            const JueRenderedCell *cell,
                            GtkWidget            **child)
{
  const JueFieldDef *f = column_field (self, c);
  const ListWidth *width = &self->list_widths[c];
  g_autofree char *label = g_strdup_printf (_("row %u"), row + 1);
  GtkWidget *widget = jue_field_cell_new (self->session, cell->path, f, label);

  gtk_widget_set_hexpand (widget, width->expand);
  if (JUE_IS_CHOICE_CELL (widget))
    gtk_widget_set_size_request (widget, width->min + DROP_DOWN_CHROME, -1);
  else if (GTK_IS_EDITABLE (widget))
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (widget),
                                    (width->min + self->per_char - 1) / self->per_char);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (widget),
                                        (width->natural + self->per_char - 1) / self->per_char);
    }
  if ((element (self) == &JueFunctionalRow_def || element (self) == &JueAccountRow_def) &&
      g_str_equal (f->name, "code") && !jue_session_is_read_only (self->session))
    jue_code_picker_attach (self->session, widget, self->list_path, row);
  *child = width->expand && GTK_IS_ENTRY (widget) ? jue_field_cell_wrap (widget, WRAP_LINES)
                                                  : widget;
  return widget;
}

/* A row's menu is made when it is first opened: a menu model set on a
 * button builds its popover at once, and a ×20 table has hundreds of rows. */
static void
make_row_menu (GtkMenuButton *button,
               gpointer       user_data)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "jue-row"));
  guint n_rows = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "jue-rows"));
  g_autoptr (GMenu) menu = NULL;
  struct { const char *label, *action; gboolean ok; } items[] = {
    { N_("Insert Row Above"), "list.insert", TRUE },
    { N_("Move Up"), "list.move-up", index > 0 },
    { N_("Move Down"), "list.move-down", index + 1 < n_rows },
    { N_("Remove Row"), "list.remove", TRUE },
  };

  if (gtk_menu_button_get_popover (button))
    return;
  menu = g_menu_new ();
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    if (items[i].ok)
      {
        g_autoptr (GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);
        g_menu_item_set_action_and_target_value (item, items[i].action,
                                                 g_variant_new_int32 ((gint32) index));
        g_menu_append_item (menu, item);
      }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* Tooltips made when shown: storing one asks the X server where the
 * pointer is, for every row and computed cell of the table. */
static gboolean
on_row_menu_tooltip (GtkWidget  *button,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    data)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "jue-row"));
  g_autofree char *name = g_strdup_printf (_("Row %u actions"), index + 1);

  gtk_tooltip_set_text (tooltip, name);
  return TRUE;
}

static gboolean
on_computed_tooltip (GtkWidget  *label,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    data)
{
  const char *path = g_object_get_data (G_OBJECT (label), "jue-path");
  const char *text = path ? jue_computed_describe (path) : NULL;

  gtk_tooltip_set_text (tooltip, text);
  return text != NULL;
}

static GtkWidget *
row_menu (JueTableEditor *self,
          guint           index,
          guint           n_rows)
{
  GtkWidget *button = gtk_menu_button_new ();
  g_autofree char *name = g_strdup_printf (_("Row %u actions"), index + 1);

  g_object_set_data (G_OBJECT (button), "jue-row", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "jue-rows", GUINT_TO_POINTER (n_rows));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), make_row_menu, NULL, NULL);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_has_tooltip (button, TRUE);
  g_signal_connect (button, "query-tooltip", G_CALLBACK (on_row_menu_tooltip), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_visible (button, !jue_session_is_read_only (self->session));
  return button;
}

void
jue_table_editor_list_row_end (JueTableEditor *self,
                               guint           row)
{
  int y = (int) (self->table->n_header_rows + row);
  int col = (int) self->table->n_columns;

  for (guint i = 0; i < self->computed->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u].%s", self->list_path, row,
                                               (char *) self->computed->pdata[i]);
      GtkWidget *label = jue_computed_label_new (self->session, path);

      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_computed_tooltip), NULL);
      gtk_grid_attach (GTK_GRID (self->grid), label, col++, y, 1, 1);
    }
  gtk_grid_attach (GTK_GRID (self->grid), row_menu (self, row, self->table->rows->len),
                   col, y, 1, 1);
}

void
jue_table_editor_list_row_count_changed (JueTableEditor *self,
                                         guint           row)
{
  GtkWidget *button;

  if (row >= self->built)
    return;
  button = gtk_grid_get_child_at (GTK_GRID (self->grid),
                                  (int) (self->table->n_columns + self->computed->len),
                                  (int) (self->table->n_header_rows + row));
  if (!GTK_IS_MENU_BUTTON (button))
    return;
  g_object_set_data (G_OBJECT (button), "jue-rows", GUINT_TO_POINTER (self->table->rows->len));
  /* made again, with the items the new count allows, when next opened */
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), NULL);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), make_row_menu, NULL, NULL);
}

/* ---- findings on the whole list -------------------------------------- */

/* A finding on the list itself (the weights total 180, not 90) names no
 * row: the banner above the table says it, and the columns its rule reads
 * are outlined, titles included, so the eye goes to the figures that make
 * the total.  The outline is a class of its own, apart from the cell's own
 * marks, which come and go with the cell's findings. */

static void
collect_rule_columns (const char         *id,
                      JueSeverity         severity,
                      const char * const *reads,
                      const char         *summary,
                      gpointer            user_data)
{
  JueTableEditor *self = user_data;
  const char *leaf = strrchr (self->list_path, '.');
  g_autofree char *row_part = g_strdup_printf ("%s[N].", leaf ? leaf + 1 : self->list_path);
  g_autoptr (GStrvBuilder) columns = g_strv_builder_new ();
  GStrv old = g_hash_table_lookup (self->rule_columns, id);

  for (guint i = 0; old && old[i]; i++)
    g_strv_builder_add (columns, old[i]);
  for (guint i = 0; reads && reads[i]; i++)
    {
      const char *at = strstr (reads[i], row_part);
      const char *rest = at ? at + strlen (row_part) : NULL;

      if (rest && *rest && !strpbrk (rest, ".[*"))
        g_strv_builder_add (columns, rest);
    }
  g_hash_table_insert (self->rule_columns, g_strdup (id), g_strv_builder_end (columns));
}

static const char *
list_mark_class (JueMarkLevel level)
{
  return level == JUE_MARK_ERROR ? "jue-list-error" : "jue-list-warning";
}

static void
mark_cells (JueTableEditor *self,
            const char     *column,
            guint           from,
            guint           upto,
            JueMarkLevel    level,
            gboolean        on)
{
  for (guint i = from; i < upto; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u].%s", self->list_path, i, column);
      JueField *field = jue_session_find_built_field (self->session, path);

      if (field == NULL)
        continue;
      if (on)
        gtk_widget_add_css_class (jue_field_get_widget (field), list_mark_class (level));
      else
        gtk_widget_remove_css_class (jue_field_get_widget (field), list_mark_class (level));
    }
}

static void
mark_column (JueTableEditor *self,
             const char     *column,
             JueMarkLevel    level,
             gboolean        on)
{
  for (guint c = 1; self->table && c < self->table->n_columns; c++)
    if (g_str_equal (column_field (self, c)->name, column))
      {
        GtkWidget *title = gtk_grid_get_child_at (GTK_GRID (self->grid), (int) c, 0);
        if (title && on)
          gtk_widget_add_css_class (title, list_mark_class (level));
        else if (title)
          gtk_widget_remove_css_class (title, list_mark_class (level));
      }
  mark_cells (self, column, 0, self->built, level, on);
}

void
jue_table_editor_list_mark_rows (JueTableEditor *self,
                                 guint           from,
                                 guint           upto)
{
  for (guint k = 0; self->marked_columns && self->marked_columns[k]; k++)
    mark_cells (self, self->marked_columns[k], from, upto, self->marked_level, TRUE);
}

static void
set_marked_columns (JueTableEditor *self,
                    GStrv           columns,
                    JueMarkLevel    level)
{
  for (guint i = 0; self->marked_columns && self->marked_columns[i]; i++)
    mark_column (self, self->marked_columns[i], self->marked_level, FALSE);
  g_strfreev (self->marked_columns);
  self->marked_columns = columns;
  self->marked_level = level;
  for (guint i = 0; columns && columns[i]; i++)
    mark_column (self, columns[i], level, TRUE);
}

/* The columns read by the errors and warnings on the list, at the level
 * of the worst (hints are left to the banner). */
static GStrv
columns_to_mark (JueTableEditor *self,
                 JueMarkLevel   *level)
{
  GListModel *findings = jue_session_get_findings (self->session);
  g_autoptr (GStrvBuilder) columns = g_strv_builder_new ();
  guint n = g_list_model_get_n_items (findings);

  *level = JUE_MARK_NONE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JueFindingItem) item = g_list_model_get_item (findings, i);
      const JueFinding *finding = jue_finding_item_get_finding (item);
      GStrv read;

      if (finding->severity == JUE_SEVERITY_HINT || !g_str_equal (finding->path, self->list_path))
        continue;
      read = g_hash_table_lookup (self->rule_columns, finding->rule);
      for (guint k = 0; read && read[k]; k++)
        g_strv_builder_add (columns, read[k]);
      if (finding->severity == JUE_SEVERITY_ERROR || *level == JUE_MARK_NONE)
        *level = finding->severity == JUE_SEVERITY_ERROR ? JUE_MARK_ERROR : JUE_MARK_WARNING;
    }
  return g_strv_builder_end (columns);
}

void
jue_table_editor_list_update_marks (JueTableEditor *self,
                                    gboolean        rebuilt)
{
  g_auto (GStrv) columns = NULL;
  JueMarkLevel level;

  if (rebuilt)
    g_clear_pointer (&self->marked_columns, g_strfreev);   /* their cells are gone */
  /* every edit asks every table: most have nothing on the list, and had
   * nothing, and are done here */
  if (jue_session_get_mark (self->session, self->list_path, NULL) == JUE_MARK_NONE &&
      self->marked_columns == NULL)
    return;
  columns = columns_to_mark (self, &level);
  if (!rebuilt && level == self->marked_level && self->marked_columns &&
      g_strv_equal ((const char * const *) columns, (const char * const *) self->marked_columns))
    return;
  if (self->marked_columns == NULL && *columns == NULL)
    return;
  set_marked_columns (self, *columns ? g_steal_pointer (&columns) : NULL, level);
}

/* ---- setting up ------------------------------------------------------- */

/* The computed columns of a row, from the schema, so an empty table has
 * its headings too. */
static void
collect_column (const char  *pattern,
                JueValueKind kind,
                const char  *description,
                gpointer     user_data)
{
  JueTableEditor *self = user_data;
  g_autofree char *row_pattern = NULL;
  GString *p = g_string_new (NULL);
  const char *rest;

  for (const char *s = self->list_path; *s; s++)
    {
      g_string_append_c (p, *s);
      if (*s == '[')
        {
          while (g_ascii_isdigit (s[1]))
            s++;
          g_string_append_c (p, 'N');
        }
    }
  g_string_append (p, "[N].");
  row_pattern = g_string_free (p, FALSE);
  if (!g_str_has_prefix (pattern, row_pattern))
    return;
  rest = pattern + strlen (row_pattern);
  /* counts (class_index, class_subtotal, block …) place a row; they are no
   * column; nor is 未分项 (unsplit), which goes with the hidden split */
  if (strchr (rest, '.') || strchr (rest, '[') || kind == JUE_VALUE_COUNT ||
      g_str_equal (rest, "unsplit"))
    return;
  g_ptr_array_add (self->computed, g_strdup (rest));
}

void
jue_table_editor_list_setup (JueTableEditor    *self,
                             const char        *list_path,
                             const JueFieldDef *list_def)
{
  self->list_path = g_strdup (list_path);
  self->list_def = list_def;
  self->computed = g_ptr_array_new_with_free_func (g_free);
  self->rule_columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_strfreev);
  jue_computed_schema_foreach (collect_column, self);
  jue_rules_foreach (collect_rule_columns, self);
  /* no title, number or unit: the list editor around it has its title */
  for (GtkWidget *c = gtk_widget_get_first_child (gtk_widget_get_parent (self->grid)); c;
       c = gtk_widget_get_next_sibling (c))
    if (c != self->grid)
      gtk_widget_set_visible (c, FALSE);
  gtk_widget_set_visible (self->add_button, FALSE);
  gtk_widget_set_visible (self->empty_button, FALSE);
  gtk_widget_remove_css_class (self->grid, "jue-pt-grid");
  gtk_widget_add_css_class (self->grid, "card");
  gtk_widget_add_css_class (self->grid, "jue-table");
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 4);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 4);
}

void
jue_table_editor_list_free (JueTableEditor *self)
{
  g_clear_pointer (&self->list_path, g_free);
  g_clear_pointer (&self->list_widths, g_free);
  g_clear_pointer (&self->computed, g_ptr_array_unref);
  g_clear_pointer (&self->rule_columns, g_hash_table_unref);
  g_clear_pointer (&self->marked_columns, g_strfreev);
}
