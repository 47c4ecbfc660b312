/* jue-form-table.c — a tabular list as a grid of editable cells. */
#include "config.h"
#include <glib/gi18n-lib.h>
#include <string.h>

#include "jue-choice-cell.h"
#include "jue-code-picker.h"
#include "jue-field.h"
#include "jue-finding-item.h"
#include "jue-form-page.h"
#include "jue-form-table.h"
#include "jue-lazy-rows.h"
#include "jue-paste.h"

struct _JueFormTable {
  GtkWidget          parent_instance;

  GtkWidget         *header;
  GtkWidget         *add_button;
  GtkWidget         *mark;
  GtkWidget         *mark_icon;
  GtkWidget         *mark_label;
  GtkWidget         *grid;

  JueSession        *session;
  char              *list_path;
  const JueFieldDef *list_def;
  GPtrArray         *computed;   /* names of the computed columns ("completion") */
  GHashTable        *rule_columns;  /* rule id → GStrv of the columns it reads */
  GStrv              marked_columns;  /* outlined for a finding on the list */
  JueMarkLevel       marked_level;

  /* Rows are built as they are wanted (issue 14): the first screenful at
   * once, the rest when scrolled near, tabbed into or asked for by path
   * (jue_session_lookup_field); until then a spacer of their estimated
   * height keeps the page's length and its scroll bar honest. */
  guint              built;
  JueLazyRows       *lazy;
  struct _ColumnWidth *widths;
  int                per_char;
};

/* Rows built with the table: what fits a tall window and every table of
 * the built-in sample (its longest, the department's indicators, has 18). */
#define FIRST_ROWS 24
/* Rows built at a time as the table is scrolled or tabbed through */
#define MORE_ROWS  16

G_DEFINE_FINAL_TYPE (JueFormTable, jue_form_table, GTK_TYPE_WIDGET)

gboolean
jue_form_is_tabular (const JueRecordDef *element)
{
  return element == &JueFunctionalRow_def || element == &JueIndicator_def ||
         element == &JueFundRow_def || element == &JueAccountRow_def ||
         element == &JueEconomicRow_def;
}

/* The columns on screen: every field, except the functional rows' split
 * (basic, project, budget_initial) and their 上年 figure and reason
 * (previous, reason; shown in Compare with Last Year): the last five fields,
 * which would
 * squeeze the 类/款/项 names at the window's default size; the template's
 * own pages of 表5 show them (issue 11 §3).  They are typed there, in the
 * CLI and in the CSV and workbook imports. */
static guint
shown_fields (const JueRecordDef *def)
{
  return def == &JueFunctionalRow_def ? def->n_fields - 5 : def->n_fields;
}

static GPtrArray *
get_rows (JueFormTable *self)
{
  JueFieldRef ref;

  if (!jue_report_resolve (jue_session_get_report (self->session), self->list_path, &ref, NULL))
    return NULL;
  return *(GPtrArray **) ref.ptr;
}

/* ---- column widths ---------------------------------------------------- */

/* A closed choice's drop-down around its text: padding, arrow, spacing. */
#define DROP_DOWN_CHROME 40

/* Free text (names, targets) takes the room a row has to spare, up to
 * this many characters' width; the other columns keep their width. */
#define TEXT_MIN_CHARS      4
#define TEXT_NATURAL_CHARS 20
/* …and shows it on up to two lines when it is longer than that */
#define WRAP_LINES          2

typedef struct _ColumnWidth {
  int      min;       /* pixels of text a cell always has room for */
  int      natural;   /* what it asks for when the window has room */
  gboolean expand;
} ColumnWidth;

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

/* The widest value a column holds, as shown when not being edited. */
static int
widest_value (JueFormTable      *self,
              GPtrArray         *rows,
              const JueFieldDef *f)
{
  JueReport *report = jue_session_get_report (self->session);
  int widest = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u].%s", self->list_path, i, f->name);
      g_autofree char *value = jue_report_get (report, path, NULL);
      JueAmount a;

      if (value && f->kind == JUE_KIND_AMOUNT && jue_amount_parse (value, &a, NULL))
        {
          g_free (value);
          value = jue_amount_display (a);
        }
      if (value && *value)
        widest = MAX (widest, text_width (self->grid, value));
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
static ColumnWidth
column_width (JueFormTable      *self,
              GPtrArray         *rows,
              const JueFieldDef *f)
{
  int widest = widest_value (self, rows, f);
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
        return (ColumnWidth) { CLAMP (widest, 2 * han, 5 * han),
                               CLAMP (widest, 2 * han, 5 * han), FALSE };
      else
        return (ColumnWidth) { TEXT_MIN_CHARS * han,
                               CLAMP (widest, TEXT_MIN_CHARS * han, TEXT_NATURAL_CHARS * han),
                               TRUE };
    }
  return (ColumnWidth) { MAX (floor, widest), MAX (floor, widest), FALSE };
}

static void
size_cell (GtkWidget         *cell,
           const ColumnWidth *width,
           int                per_char)
{
  gtk_widget_set_hexpand (cell, width->expand);
  if (JUE_IS_CHOICE_CELL (cell))
    gtk_widget_set_size_request (cell, width->min + DROP_DOWN_CHROME, -1);
  else if (GTK_IS_EDITABLE (cell))
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (cell), (width->min + per_char - 1) / per_char);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (cell),
                                        (width->natural + per_char - 1) / per_char);
    }
}

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
    { N_("Insert Row Above"), "table.insert", TRUE },
    { N_("Move Up"), "table.move-up", index > 0 },
    { N_("Move Down"), "table.move-down", index + 1 < n_rows },
    { N_("Remove Row"), "table.remove", TRUE },
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
row_menu (JueFormTable *self,
          guint         index,
          guint         n_rows)
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

static void
build_header (JueFormTable *self)
{
  const JueRecordDef *def = self->list_def->extra;
  int col = 1;

  gtk_grid_attach (GTK_GRID (self->grid), header_label (_("No."), FALSE), 0, 0, 1, 1);
  for (guint i = 0; i < shown_fields (def); i++)
    {
      GtkWidget *label = header_label (short_title (&def->fields[i]),
                                       def->fields[i].kind == JUE_KIND_AMOUNT ||
                                       def->fields[i].kind == JUE_KIND_PERCENT);
      jue_widget_set_tooltip_later (label, _(def->fields[i].label));
      gtk_grid_attach (GTK_GRID (self->grid), label, col++, 0, 1, 1);
    }
  for (guint i = 0; i < self->computed->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[0].%s", self->list_path,
                                               (char *) self->computed->pdata[i]);
      gtk_grid_attach (GTK_GRID (self->grid),
                       header_label (jue_computed_short_name (path), TRUE), col++, 0, 1, 1);
    }
}

static void
build_row (JueFormTable      *self,
           guint              index,
           guint              n_rows,
           const ColumnWidth *widths,
           int                per_char)
{
  const JueRecordDef *def = self->list_def->extra;
  g_autofree char *row_label = g_strdup_printf (_("row %u"), index + 1);
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  GtkWidget *num = gtk_label_new (number);
  int r = (int) index + 1;
  int col = 1;

  gtk_widget_add_css_class (num, "dim-label");
  gtk_widget_add_css_class (num, "numeric");
  gtk_grid_attach (GTK_GRID (self->grid), num, 0, r, 1, 1);
  for (guint i = 0; i < shown_fields (def); i++)
    {
      const JueFieldDef *f = &def->fields[i];
      g_autofree char *path = g_strdup_printf ("%s[%u].%s", self->list_path, index, f->name);
      GtkWidget *cell = jue_field_cell_new (self->session, path, f, row_label);

      size_cell (cell, &widths[i], per_char);
      if ((def == &JueFunctionalRow_def || def == &JueAccountRow_def) &&
          g_str_equal (f->name, "code") &&
          !jue_session_is_read_only (self->session))
        jue_code_picker_attach (self->session, cell, self->list_path, index);
      if (widths[i].expand && GTK_IS_ENTRY (cell))
        cell = jue_field_cell_wrap (cell, WRAP_LINES);
      gtk_grid_attach (GTK_GRID (self->grid), cell, col++, r, 1, 1);
    }
  for (guint i = 0; i < self->computed->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u].%s", self->list_path, index,
                                               (char *) self->computed->pdata[i]);
      GtkWidget *label = jue_computed_label_new (self->session, path);

      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_computed_tooltip), NULL);
      gtk_grid_attach (GTK_GRID (self->grid), label, col++, r, 1, 1);
    }
  gtk_grid_attach (GTK_GRID (self->grid), row_menu (self, index, n_rows), col, r, 1, 1);
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
  JueFormTable *self = user_data;
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
mark_column (JueFormTable *self,
             const char   *column,
             JueMarkLevel  level,
             gboolean      on)
{
  const JueRecordDef *def = self->list_def->extra;
  GPtrArray *rows = get_rows (self);

  for (guint k = 0; k < shown_fields (def); k++)
    if (g_str_equal (def->fields[k].name, column))
      {
        GtkWidget *title = gtk_grid_get_child_at (GTK_GRID (self->grid), (int) k + 1, 0);
        if (title && on)
          gtk_widget_add_css_class (title, list_mark_class (level));
        else if (title)
          gtk_widget_remove_css_class (title, list_mark_class (level));
      }
  for (guint i = 0; rows && i < rows->len; i++)
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
set_marked_columns (JueFormTable *self,
                    GStrv         columns,
                    JueMarkLevel  level)
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
columns_to_mark (JueFormTable *self,
                 JueMarkLevel *level)
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

static void
update_column_marks (JueFormTable *self,
                     gboolean      rebuilt)
{
  g_auto (GStrv) columns = NULL;
  JueMarkLevel level;

  /* every edit asks every table: most have nothing on the list, and had
   * nothing, and are done here */
  if (jue_session_get_mark (self->session, self->list_path, NULL) == JUE_MARK_NONE &&
      self->marked_columns == NULL)
    return;
  columns = columns_to_mark (self, &level);
  if (!rebuilt && level == self->marked_level && self->marked_columns &&
      g_strv_equal ((const char * const *) columns, (const char * const *) self->marked_columns))
    return;
  if (!rebuilt && self->marked_columns == NULL && *columns == NULL)
    return;
  if (rebuilt)
    g_clear_pointer (&self->marked_columns, g_strfreev);   /* their cells are gone */
  set_marked_columns (self, *columns ? g_steal_pointer (&columns) : NULL, level);
}

/* ---- building rows as they are wanted --------------------------------- */

static guint
n_columns (JueFormTable *self)
{
  return 2 + shown_fields (self->list_def->extra) + self->computed->len;
}

/* Builds rows up to (not including) upto, with the outlines the list's
 * findings give their columns. */
static void
build_rows (JueFormTable *self,
            guint         upto)
{
  GPtrArray *rows = get_rows (self);
  guint from = self->built;

  if (rows == NULL)
    return;
  upto = MIN (upto, rows->len);
  if (upto <= from)
    return;
  jue_lazy_rows_take_spacer (self->lazy, TRUE);
  for (guint i = from; i < upto; i++)
    build_row (self, i, rows->len, self->widths, self->per_char);
  self->built = upto;
  for (guint k = 0; self->marked_columns && self->marked_columns[k]; k++)
    for (guint i = from; i < upto; i++)
      {
        g_autofree char *path = g_strdup_printf ("%s[%u].%s", self->list_path, i,
                                                 self->marked_columns[k]);
        JueField *field = jue_session_find_built_field (self->session, path);

        if (field)
          gtk_widget_add_css_class (jue_field_get_widget (field),
                                    list_mark_class (self->marked_level));
      }
  jue_lazy_rows_built (self->lazy, self->built, rows->len, (int) self->built + 1,
                       (int) n_columns (self), gtk_grid_get_child_at (GTK_GRID (self->grid), 1, 1));
}

static void
build_more (GtkWidget *owner,
            guint      upto)
{
  build_rows (JUE_FORM_TABLE (owner), upto);
}

/* jue_session_lookup_field of a row not built yet */
static gboolean
build_row_for_lookup (gpointer owner,
                      guint    index)
{
  JueFormTable *self = owner;
  GPtrArray *rows = get_rows (self);

  if (rows == NULL || index >= rows->len)
    return FALSE;
  if (index >= self->built)
    build_rows (self, index + 1 + MORE_ROWS);
  return TRUE;
}

/* Tab (or a click) into one of the last rows built builds the next ones,
 * so the focus never leaves the table over rows not built yet. */
static void
on_focus_moved (GtkWidget *owner,
                GtkWidget *focus)
{
  JueFormTable *self = JUE_FORM_TABLE (owner);
  int column, row, width, height;

  if (!jue_lazy_rows_pending (self->lazy) || focus == NULL ||
      !gtk_widget_is_ancestor (focus, self->grid))
    return;
  while (gtk_widget_get_parent (focus) != self->grid)
    focus = gtk_widget_get_parent (focus);
  gtk_grid_query_child (GTK_GRID (self->grid), focus, &column, &row, &width, &height);
  if (row > 0 && (guint) row + 2 >= self->built)
    build_rows (self, (guint) row + MORE_ROWS);
}

static void
jue_form_table_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (jue_form_table_parent_class)->map (widget);
  jue_lazy_rows_map (JUE_FORM_TABLE (widget)->lazy);
}

static void
jue_form_table_unmap (GtkWidget *widget)
{
  jue_lazy_rows_unmap (JUE_FORM_TABLE (widget)->lazy);
  GTK_WIDGET_CLASS (jue_form_table_parent_class)->unmap (widget);
}

static void
rebuild (JueFormTable *self)
{
  GPtrArray *rows = get_rows (self);
  GtkWidget *child;
  g_autofree char *count = NULL;
  const JueRecordDef *def = self->list_def->extra;
  guint keep = MAX (FIRST_ROWS, self->built ? self->built + 1 : 0);

  while ((child = gtk_widget_get_first_child (self->grid)))
    gtk_grid_remove (GTK_GRID (self->grid), child);
  jue_lazy_rows_take_spacer (self->lazy, FALSE);
  self->built = 0;
  if (rows == NULL)
    return;
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", rows->len),
                           rows->len);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->header), count);
  build_header (self);
  g_free (self->widths);
  self->widths = g_new (ColumnWidth, def->n_fields);
  self->per_char = char_pixels (self->grid);
  for (guint k = 0; k < shown_fields (def); k++)
    self->widths[k] = column_width (self, rows, &def->fields[k]);
  /* the rows shown before keep being shown (a row added at the end of a
   * long table is built, its neighbours are) */
  g_clear_pointer (&self->marked_columns, g_strfreev);   /* their cells are gone */
  build_rows (self, keep);
  update_column_marks (self, TRUE);
  jue_lazy_rows_check_near (self->lazy);
}

static void
focus_row (JueFormTable *self,
           gint          index)
{
  const JueRecordDef *def = self->list_def->extra;
  g_autofree char *path = NULL;
  JueField *field;

  if (index < 0)
    {
      gtk_widget_grab_focus (self->add_button);
      return;
    }
  path = g_strdup_printf ("%s[%d].%s", self->list_path, index, def->fields[0].name);
  field = jue_session_lookup_field (self->session, path);
  if (field)
    jue_field_focus (field);
}

static void
on_session_changed (JueSession   *session,
                    int           kind,
                    const char   *path,
                    JueFormTable *self)
{
  if (kind == JUE_CHANGE_LIST && g_strcmp0 (path, self->list_path) == 0)
    rebuild (self);
  jue_list_mark_update (session, self->list_path, self->mark, self->mark_icon, self->mark_label);
  update_column_marks (self, FALSE);
}

static void
report (JueFormTable *self,
        GError       *error)
{
  if (error)
    jue_session_report_error (self->session, error);
}

static void
on_insert (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  JueFormTable *self = JUE_FORM_TABLE (widget);
  g_autoptr (GError) error = NULL;
  gint at = param ? g_variant_get_int32 (param) : -1;
  gint index;

  jue_session_flush_fields (self->session);
  index = jue_document_insert_row (jue_session_get_document (self->session),
                                   self->list_path, at, &error);

  report (self, error);
  if (index >= 0)
    focus_row (self, index);
}

static void
on_move (GtkWidget  *widget,
         const char *action,
         GVariant   *param)
{
  JueFormTable *self = JUE_FORM_TABLE (widget);
  g_autoptr (GError) error = NULL;
  gint index = g_variant_get_int32 (param);
  gint to = g_str_equal (action, "table.move-up") ? index - 1 : index + 1;
  g_autofree char *path = g_strdup_printf ("%s[%d]", self->list_path, index);
  GPtrArray *rows = get_rows (self);

  jue_session_flush_fields (self->session);

  if (rows == NULL || to < 0 || (guint) to >= rows->len)
    return;
  if (jue_document_move_row (jue_session_get_document (self->session), path, to, &error))
    focus_row (self, to);
  report (self, error);
}

static void
on_remove (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  JueFormTable *self = JUE_FORM_TABLE (widget);
  g_autoptr (GError) error = NULL;
  gint index = g_variant_get_int32 (param);
  g_autofree char *path = g_strdup_printf ("%s[%d]", self->list_path, index);

  jue_session_flush_fields (self->session);

  if (jue_document_remove_row (jue_session_get_document (self->session), path, &error))
    {
      GPtrArray *rows = get_rows (self);
      focus_row (self, rows && rows->len ? MIN (index, (gint) rows->len - 1) : -1);
    }
  report (self, error);
}

/* Enter in a cell: the same column one row down; after the last row, a
 * new row (Enter goes on typing rows in, as in a spreadsheet). */
static void
on_enter (GtkWidget  *widget,
          const char *action,
          GVariant   *param)
{
  JueFormTable *self = JUE_FORM_TABLE (widget);
  const char *path = g_variant_get_string (param, NULL);
  gsize n = strlen (self->list_path);
  GPtrArray *rows = get_rows (self);
  char *end = NULL;
  guint64 index;
  const char *column;

  if (rows == NULL || strncmp (path, self->list_path, n) != 0 || path[n] != '[')
    return;
  index = g_ascii_strtoull (path + n + 1, &end, 10);
  if (end == NULL || end[0] != ']' || end[1] != '.')
    return;
  column = end + 2;
  if (index + 1 < rows->len)
    {
      g_autofree char *below = g_strdup_printf ("%s[%u].%s", self->list_path,
                                                (guint) index + 1, column);
      JueField *field = jue_session_lookup_field (self->session, below);

      if (field)
        jue_field_focus (field);
    }
  else if (!jue_session_is_read_only (self->session))
    on_insert (widget, "table.add", NULL);
}

/* A row or a block of cells from a spreadsheet, pasted into the cell at
 * path: the table filled from there across and down, rows added as
 * needed, all or nothing, one undo step (jue-paste.h). */
static void
on_paste (GtkWidget  *widget,
          const char *action,
          GVariant   *param)
{
  JueFormTable *self = JUE_FORM_TABLE (widget);
  const JueRecordDef *def = self->list_def->extra;
  const char *path, *text;
  gsize n = strlen (self->list_path);
  g_autoptr (JuePasteBlock) block = NULL;
  g_autoptr (GError) error = NULL;
  char *end = NULL;
  guint64 index;
  gint column = -1;

  g_variant_get (param, "(&s&s)", &path, &text);
  if (strncmp (path, self->list_path, n) != 0 || path[n] != '[')
    return;
  index = g_ascii_strtoull (path + n + 1, &end, 10);
  if (end == NULL || end[0] != ']' || end[1] != '.')
    return;
  for (guint k = 0; k < def->n_fields; k++)
    if (g_str_equal (def->fields[k].name, end + 2))
      column = (gint) k;
  if (column < 0)
    return;
  jue_session_flush_fields (self->session);
  block = jue_paste_parse (text);
  if (!jue_paste_apply (jue_session_get_document (self->session), self->list_path,
                        (guint) index, (guint) column, block, NULL, &error))
    {
      report (self, error);
      return;
    }
  /* the cursor stays where the paste began (the table may be new) */
  {
    JueField *field = jue_session_lookup_field (self->session, path);
    if (field)
      jue_field_focus (field);
  }
}

/* The computed columns of a row, from the schema, so an empty table has
 * its headings too. */
static void
collect_column (const char  *pattern,
                JueValueKind kind,
                const char  *description,
                gpointer     user_data)
{
  JueFormTable *self = user_data;
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

static void
jue_form_table_dispose (GObject *object)
{
  JueFormTable *self = JUE_FORM_TABLE (object);

  if (self->session)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      jue_session_remove_row_builder (self->session, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), JUE_TYPE_FORM_TABLE);
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->session);
  G_OBJECT_CLASS (jue_form_table_parent_class)->dispose (object);
}

static void
jue_form_table_finalize (GObject *object)
{
  JueFormTable *self = JUE_FORM_TABLE (object);

  g_free (self->list_path);
  g_free (self->widths);
  g_clear_pointer (&self->lazy, jue_lazy_rows_free);
  g_clear_pointer (&self->computed, g_ptr_array_unref);
  g_clear_pointer (&self->rule_columns, g_hash_table_unref);
  g_strfreev (self->marked_columns);
  G_OBJECT_CLASS (jue_form_table_parent_class)->finalize (object);
}

static void
jue_form_table_class_init (JueFormTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jue_form_table_dispose;
  object_class->finalize = jue_form_table_finalize;
  widget_class->map = jue_form_table_map;
  widget_class->unmap = jue_form_table_unmap;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/juesuan/Juesuan/ui/jue-form-table.ui");
  gtk_widget_class_bind_template_child (widget_class, JueFormTable, header);
  gtk_widget_class_bind_template_child (widget_class, JueFormTable, add_button);
  gtk_widget_class_bind_template_child (widget_class, JueFormTable, mark);
  gtk_widget_class_bind_template_child (widget_class, JueFormTable, mark_icon);
  gtk_widget_class_bind_template_child (widget_class, JueFormTable, mark_label);
  gtk_widget_class_bind_template_child (widget_class, JueFormTable, grid);
  gtk_widget_class_install_action (widget_class, "table.add", NULL, on_insert);
  gtk_widget_class_install_action (widget_class, "table.insert", "i", on_insert);
  gtk_widget_class_install_action (widget_class, "table.move-up", "i", on_move);
  gtk_widget_class_install_action (widget_class, "table.move-down", "i", on_move);
  gtk_widget_class_install_action (widget_class, "table.remove", "i", on_remove);
  gtk_widget_class_install_action (widget_class, "table.enter", "s", on_enter);
  gtk_widget_class_install_action (widget_class, "table.paste", "(ss)", on_paste);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jue_form_table_init (JueFormTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->lazy = jue_lazy_rows_new (GTK_WIDGET (self), GTK_GRID (self->grid), build_more);
  jue_lazy_rows_set_focus_func (self->lazy, on_focus_moved);
  self->computed = g_ptr_array_new_with_free_func (g_free);
  self->rule_columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_strfreev);
}

GtkWidget *
jue_form_table_new (JueSession        *session,
                    const char        *list_path,
                    const JueFieldDef *list_def)
{
  JueFormTable *self = g_object_new (JUE_TYPE_FORM_TABLE, NULL);
  g_autofree char *add_label = NULL;

  self->session = g_object_ref (session);
  self->list_path = g_strdup (list_path);
  self->list_def = list_def;
  jue_computed_schema_foreach (collect_column, self);
  jue_rules_foreach (collect_rule_columns, self);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->header), _(list_def->label));
  add_label = g_strdup_printf (_("Add a row to %s"), _(list_def->label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  gtk_widget_set_tooltip_text (self->add_button, add_label);
  gtk_widget_set_visible (self->add_button, !jue_session_is_read_only (session));
  rebuild (self);
  jue_list_mark_update (session, self->list_path, self->mark, self->mark_icon, self->mark_label);
  g_signal_connect (session, "changed", G_CALLBACK (on_session_changed), self);
  jue_session_add_row_builder (session, self->list_path, build_row_for_lookup, self);
  return GTK_WIDGET (self);
}

const char *
jue_form_table_get_list_path (JueFormTable *self)
{
  return self->list_path;
}

void
jue_form_table_add_note (JueFormTable *self,
                         GtkWidget    *note)
{
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->header)), note,
                              self->header);
}
