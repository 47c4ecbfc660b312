/* jue-field-widgets.c — the widgets a field is shown in: form rows
 * (AdwEntryRow, AdwComboRow, a multi-line text row) and table cells
 * (GtkEntry, GtkDropDown), with the value lists of choices. */
#include "config.h"
#include <glib/gi18n-lib.h>
#include <string.h>

#include "jue-choice-cell.h"
#include "jue-field-private.h"
#include "jue-paste.h"

/* ---- choices ---------------------------------------------------------- */

/* "a、b" with value toggled in or out, in the order of the choice set. */
static char *
toggle_choice (const JueChoiceSet *set,
               const char         *current,
               const char         *value)
{
  g_auto (GStrv) parts = g_strsplit (current ? current : "", "、", -1);
  g_autoptr (GStrvBuilder) out = g_strv_builder_new ();
  g_auto (GStrv) joined = NULL;
  gboolean had = g_strv_contains ((const char * const *) parts, value);

  for (guint i = 0; set->values[i]; i++)
    {
      gboolean in = g_strv_contains ((const char * const *) parts, set->values[i]);
      if (g_strcmp0 (set->values[i], value) == 0)
        in = !had;
      if (in)
        g_strv_builder_add (out, set->values[i]);
    }
  joined = g_strv_builder_end (out);
  return g_strjoinv ("、", joined);
}

static void
on_choice_activated (GtkListBox    *box,
                     GtkListBoxRow *row,
                     JueField      *self)
{
  const JueChoiceSet *set = self->def->extra;
  const char *value = g_object_get_data (G_OBJECT (row), "value");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (box), GTK_TYPE_POPOVER);

  if (set->multi)
    {
      g_autofree char *next = toggle_choice (set, gtk_editable_get_text (self->editable), value);
      gtk_editable_set_text (self->editable, next);
    }
  else
    {
      gtk_editable_set_text (self->editable, value);
      gtk_popover_popdown (GTK_POPOVER (popover));
      gtk_widget_grab_focus (GTK_WIDGET (self->editable));
    }
}

static GtkWidget *
choice_popover_new (JueField *self)
{
  const JueChoiceSet *set = self->def->extra;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (box, "jue-choice-list");
  for (guint i = 0; set->values[i]; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (set->values[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 4);
      gtk_widget_set_margin_bottom (label, 4);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data (G_OBJECT (row), "value", (gpointer) set->values[i]);
      gtk_list_box_append (GTK_LIST_BOX (box), row);
    }
  g_signal_connect (box, "row-activated", G_CALLBACK (on_choice_activated), self);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

static GtkWidget *
choice_button_new (JueField   *self,
                   const char *label)
{
  GtkWidget *button = gtk_menu_button_new ();
  g_autofree char *tip = g_strdup_printf (_("Choose %s"), label);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "pan-down-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  jue_widget_set_tooltip_later (button, tip);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), choice_popover_new (self));
  return button;
}

static void
on_cell_icon_release (GtkEntry            *entry,
                      GtkEntryIconPosition pos,
                      JueField            *self)
{
  if (pos != GTK_ENTRY_ICON_SECONDARY)
    return;
  if (self->popover == NULL)
    {
      self->popover = choice_popover_new (self);
      gtk_widget_set_parent (self->popover, GTK_WIDGET (entry));
    }
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static GtkStringList *
choice_model_new (const JueChoiceSet *set)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, "—");
  for (guint i = 0; set->values[i]; i++)
    gtk_string_list_append (list, set->values[i]);
  return list;
}

static gboolean
is_closed_choice (JueSession        *session,
                  const JueFieldDef *def)
{
  const JueChoiceSet *set = def->extra;
  return def->kind == JUE_KIND_CHOICE && !set->open && !set->multi &&
         !jue_session_is_read_only (session);
}

/* ---- paste ------------------------------------------------------------ */

/* What a spreadsheet puts on the clipboard (jue-paste.h): one cell goes
 * into the field as if typed, without the line end after it; a row or a
 * block pasted into a table cell fills the table from that cell (the
 * table does it, as one undo step).  Anywhere else several cells are
 * pasted as they are, and read as what was typed. */

static void
paste_into (JueField   *self,
            const char *text)
{
  g_autoptr (GString) line = g_string_new (text);
  int pos;

  /* a line break left inside one cell: one line, as a one-line field holds */
  g_string_replace (line, "\r\n", " ", 0);
  g_string_replace (line, "\r", " ", 0);
  g_string_replace (line, "\n", " ", 0);
  gtk_editable_delete_selection (self->editable);
  pos = gtk_editable_get_position (self->editable);
  gtk_editable_insert_text (self->editable, line->str, (int) line->len, &pos);
  gtk_editable_set_position (self->editable, pos);
}

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  GWeakRef *ref = data;
  g_autoptr (GtkWidget) widget = g_weak_ref_get (ref);
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  g_autoptr (JuePasteBlock) block = NULL;
  JueField *self = widget ? jue_field_from_widget (widget) : NULL;

  g_weak_ref_clear (ref);
  g_free (ref);

  if (self == NULL || text == NULL)
    return;
  block = jue_paste_parse (text);
  if (jue_paste_block_is_single (block))
    paste_into (self, jue_paste_block_cell (block, 0, 0));
  else if (!(self->entry &&
             gtk_widget_activate_action (widget, "table.paste", "(ss)", self->path, text)))
    paste_into (self, text);
}

static void
on_paste_clipboard (GtkWidget *text,
                    JueField  *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_signal_stop_emission_by_name (text, "paste-clipboard");
  if (!gtk_editable_get_editable (self->editable))
    return;
  g_weak_ref_init (ref, self->widget);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (text), NULL, on_clipboard_text, ref);
}

static void
handle_paste (JueField *self)
{
  GtkEditable *text = gtk_editable_get_delegate (self->editable);

  if (text && GTK_IS_TEXT (text))
    g_signal_connect (text, "paste-clipboard", G_CALLBACK (on_paste_clipboard), self);
}

/* ---- rows ------------------------------------------------------------- */

static void
on_review_text_changed (GtkTextBuffer *buffer,
                        GtkLabel      *label)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  gtk_label_set_text (label, text);
}

static void
on_confirm_carried (GtkButton *button,
                    JueField  *self)
{
  g_autoptr (GError) error = NULL;
  JueDocument *doc = jue_session_get_document (self->session);

  if (!jue_document_confirm_carried (doc, self->path, &error))
    g_warning ("%s", error->message);
  jue_field_update_marks (self);
}

/* “Carried over from last year” with Confirm (an edit clears the mark
 * too); shown by jue_field_update_marks(). */
static GtkWidget *
carried_note_new (JueField *self)
{
  GtkWidget *carried = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *note = gtk_label_new (_("Carried over from last year"));
  GtkWidget *confirm = gtk_button_new_with_mnemonic (_("C_onfirm"));

  gtk_widget_add_css_class (note, "caption");
  gtk_widget_add_css_class (note, "jue-carried");
  gtk_widget_add_css_class (confirm, "flat");
  gtk_widget_add_css_class (confirm, "caption");
  gtk_widget_set_valign (confirm, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (confirm, _("Keep the text as it stands for this year"));
  gtk_widget_set_halign (carried, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (carried), note);
  gtk_box_append (GTK_BOX (carried), confirm);
  g_signal_connect (confirm, "clicked", G_CALLBACK (on_confirm_carried), self);
  return carried;
}

/* A one-line text (a special fund's title, its period) gets the note
 * when it is first carried: most one-line rows never are. */
void
jue_field_ensure_carried_note (JueField *self)
{
  if (self->carried || !ADW_IS_ENTRY_ROW (self->widget) ||
      jue_session_is_read_only (self->session))
    return;
  self->carried = carried_note_new (self);
  gtk_widget_set_visible (self->carried, FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->widget), self->carried);
}

static GtkWidget *
text_row_new (JueSession        *session,
              const char        *path,
              const JueFieldDef *def)
{
  /* an AdwPreferencesRow, so a preferences group puts it in its list */
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_(def->label));
  GtkWidget *mark = gtk_image_new ();
  GtkWidget *view;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(def->label));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "jue-text-row");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "jue-field-title");
  gtk_widget_set_visible (mark, FALSE);
  gtk_box_append (GTK_BOX (head), title);
  gtk_box_append (GTK_BOX (head), mark);
  GtkTextBuffer *buffer;
  JueField *self;

  if (jue_session_is_read_only (session))
    {
      /* review: the whole text, to be read (and copied), as a label; a text
       * view that cannot be edited keeps the height it was first measured
       * with, and showed 2 lines of a page-long text */
      view = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (view), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (view), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (view), 0);
      gtk_label_set_yalign (GTK_LABEL (view), 0);
      gtk_label_set_selectable (GTK_LABEL (view), TRUE);
      gtk_widget_add_css_class (view, "jue-text-label");
      buffer = gtk_text_buffer_new (NULL);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (on_review_text_changed), view, 0);
      g_object_set_data_full (G_OBJECT (view), "jue-buffer", buffer, g_object_unref);
    }
  else
    {
      view = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
    }
  gtk_widget_add_css_class (view, "jue-text-view");
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  jue_field_label_accessible (view, _(def->label));
  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), view);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  self = jue_field_attach (session, path, def, row);
  self->buffer = buffer;
  self->text_view = view;
  self->mark = mark;
  if (!jue_session_is_read_only (session))
    {
      /* a text carried from last year's report */
      GtkWidget *carried = carried_note_new (self);

      gtk_widget_set_hexpand (head, TRUE);
      gtk_widget_set_hexpand (carried, TRUE);
      gtk_widget_set_visible (carried, FALSE);
      gtk_box_append (GTK_BOX (head), carried);
      self->carried = carried;
    }
  return row;
}

static GtkWidget *
combo_row_new (JueSession        *session,
               const char        *path,
               const JueFieldDef *def)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr (GtkStringList) model = choice_model_new (def->extra);
  GtkWidget *mark = gtk_image_new ();
  JueField *self;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(def->label));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  gtk_widget_set_visible (mark, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
  jue_field_label_accessible (row, _(def->label));
  self = jue_field_attach (session, path, def, row);
  self->selector = row;
  self->mark = mark;
  return row;
}

static GtkWidget *
entry_row_new (JueSession        *session,
               const char        *path,
               const JueFieldDef *def)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *mark = gtk_image_new ();
  JueField *self;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(def->label));
  jue_field_disable_local_undo (GTK_EDITABLE (row));
  gtk_widget_set_visible (mark, FALSE);
  gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), mark);
  if (jue_session_is_read_only (session))
    gtk_editable_set_editable (GTK_EDITABLE (row), FALSE);
  if (def->kind == JUE_KIND_AMOUNT)
    {
      GtkWidget *unit = gtk_label_new (_("10k yuan"));
      gtk_widget_add_css_class (unit, "dim-label");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), unit);
      gtk_widget_add_css_class (row, "jue-amount");
    }
  jue_field_label_accessible (row, _(def->label));
  if (gtk_editable_get_delegate (GTK_EDITABLE (row)))
    jue_field_label_accessible (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row))), _(def->label));
  self = jue_field_attach (session, path, def, row);
  g_signal_connect (row, "entry-activated", G_CALLBACK (jue_field_activate_next), self);
  self->editable = GTK_EDITABLE (row);
  handle_paste (self);
  self->mark = mark;
  if (def->kind == JUE_KIND_CHOICE && !jue_session_is_read_only (session))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), choice_button_new (self, _(def->label)));
  return row;
}

GtkWidget *
jue_field_row_new (JueSession        *session,
                   const char        *path,
                   const JueFieldDef *def)
{
  GtkWidget *row;

  if (def->kind == JUE_KIND_TEXT && (def->flags & JUE_FIELD_MULTILINE))
    row = text_row_new (session, path, def);
  else if (is_closed_choice (session, def))
    row = combo_row_new (session, path, def);
  else
    row = entry_row_new (session, path, def);
  jue_field_start (jue_field_from_widget (row));
  return row;
}

/* ---- cells ------------------------------------------------------------ */

/* after the entry's own handler, which shows its icons' tooltips */
static gboolean
on_cell_query_tooltip (GtkWidget  *cell,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       JueField   *self)
{
  g_autofree char *tip = jue_field_dup_cell_tooltip (self);

  gtk_tooltip_set_text (tooltip, tip);
  return tip != NULL;
}

static int
cell_width_chars (const JueFieldDef *def)
{
  switch (def->kind)
    {
    case JUE_KIND_AMOUNT: return 8;
    case JUE_KIND_INTEGER:
    case JUE_KIND_PERCENT: return 4;
    case JUE_KIND_CHOICE: return 5;
    default:
      if (g_str_equal (def->name, "code"))
        return 7;
      if (g_str_equal (def->name, "unit"))
        return 3;
      return 8;
    }
}

/* A number is never cut: a cell is at least as wide as its figure and the
 * mark icon beside it, whatever width the table first gave its column (a
 * figure typed later may be longer than any there was, and an icon takes
 * room from the text: 12345.67 showed as ℓ2345.67).  The entry's padding,
 * border and icon are what it measures beyond its text. */
static void
fit_number_cell (JueField *self)
{
  GtkWidget *text = gtk_widget_get_first_child (self->widget);
  g_autoptr (PangoLayout) layout = NULL;
  int width, now, entry_min, text_min;

  while (text && !GTK_IS_TEXT (text))
    text = gtk_widget_get_next_sibling (text);
  if (text == NULL)
    return;
  layout = gtk_widget_create_pango_layout (text, gtk_editable_get_text (self->editable));
  pango_layout_get_pixel_size (layout, &width, NULL);
  gtk_widget_get_size_request (self->widget, &now, NULL);
  if (now != -1)
    gtk_widget_set_size_request (self->widget, -1, -1);
  gtk_widget_measure (self->widget, GTK_ORIENTATION_HORIZONTAL, -1, &entry_min, NULL, NULL, NULL);
  gtk_widget_measure (text, GTK_ORIENTATION_HORIZONTAL, -1, &text_min, NULL, NULL, NULL);
  width += entry_min - text_min + 2;   /* and the cursor after the last digit */
  gtk_widget_set_size_request (self->widget, width, -1);
}

GtkWidget *
jue_field_cell_new (JueSession        *session,
                    const char        *path,
                    const JueFieldDef *def,
                    const char        *row_label)
{
  g_autofree char *name = g_strdup_printf ("%s, %s", _(def->label), row_label);
  JueField *self;
  GtkWidget *cell;

  if (is_closed_choice (session, def))
    {
      const JueChoiceSet *set = def->extra;

      cell = jue_choice_cell_new ("—", set->values);
      gtk_widget_add_css_class (cell, "jue-cell");
      jue_field_label_accessible (cell, name);
      self = jue_field_attach (session, path, def, cell);
      self->selector = cell;
    }
  else
    {
      cell = gtk_entry_new ();
      gtk_widget_add_css_class (cell, "jue-cell");
      gtk_editable_set_width_chars (GTK_EDITABLE (cell), cell_width_chars (def));
      jue_field_disable_local_undo (GTK_EDITABLE (cell));
      if (def->kind == JUE_KIND_AMOUNT || def->kind == JUE_KIND_PERCENT ||
          def->kind == JUE_KIND_INTEGER)
        gtk_editable_set_alignment (GTK_EDITABLE (cell), 1.0);
      if (jue_session_is_read_only (session))
        gtk_editable_set_editable (GTK_EDITABLE (cell), FALSE);
      jue_field_label_accessible (cell, name);
      self = jue_field_attach (session, path, def, cell);
      g_signal_connect (cell, "activate", G_CALLBACK (jue_field_activate_next), self);
      if (def->kind == JUE_KIND_AMOUNT || def->kind == JUE_KIND_PERCENT ||
          def->kind == JUE_KIND_INTEGER)
        {
          g_signal_connect_swapped (cell, "changed", G_CALLBACK (fit_number_cell), self);
          g_signal_connect_swapped (cell, "notify::primary-icon-name",
                                    G_CALLBACK (fit_number_cell), self);
        }
      self->editable = GTK_EDITABLE (cell);
      self->entry = GTK_ENTRY (cell);
      handle_paste (self);
      if (def->kind == JUE_KIND_CHOICE && !jue_session_is_read_only (session))
        {
          gtk_entry_set_icon_from_icon_name (self->entry, GTK_ENTRY_ICON_SECONDARY,
                                             "pan-down-symbolic");
          gtk_entry_set_icon_tooltip_text (self->entry, GTK_ENTRY_ICON_SECONDARY, _("Choose"));
          g_signal_connect (cell, "icon-release", G_CALLBACK (on_cell_icon_release), self);
        }
    }
  if (self->entry)
    {
      gtk_widget_set_has_tooltip (cell, TRUE);
      g_signal_connect_after (cell, "query-tooltip", G_CALLBACK (on_cell_query_tooltip), self);
    }
  else
    jue_widget_set_tooltip_later (cell, _(def->label));
  jue_field_start (self);
  return cell;
}

/* ---- wrapped cells ---------------------------------------------------- */

/* A label laid over the entry shows its text wrapped while the entry is
 * not focused; typing happens in the entry, on one line, as in any cell.
 * The entry is made as tall as the wrapped text once the label knows its
 * width: measured with the overlay, the label would report its height at
 * its narrowest, which a table in a horizontal scroller asks for, and
 * every row would be a line too tall. */

#define CELL_PADDING 4    /* entry.jue-cell's padding in style.css */
#define CELL_ICON    22   /* an entry's icon and the space after it */

void
jue_field_sync_cover (JueField *self)
{
  gboolean icon = gtk_entry_get_icon_storage_type (self->entry, GTK_ENTRY_ICON_PRIMARY)
                    != GTK_IMAGE_EMPTY;

  gtk_widget_set_margin_start (self->cover, CELL_PADDING + (icon ? CELL_ICON : 0));
}

static void
show_cover (JueField *self,
            gboolean  shown)
{
  gtk_widget_set_opacity (self->cover, shown ? 1.0 : 0.0);
  if (shown)
    gtk_widget_add_css_class (self->widget, "jue-covered");
  else
    gtk_widget_remove_css_class (self->widget, "jue-covered");
}

static gboolean
fit_entry_to_cover (GtkWidget     *entry,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  int height = GPOINTER_TO_INT (data);
  int now;

  gtk_widget_get_size_request (entry, NULL, &now);
  if (now != height)
    gtk_widget_set_size_request (entry, -1, height);
  return G_SOURCE_REMOVE;
}

/* The label covers the whole cell (its margins keep it on the text); the
 * entry then takes the label's height at that width, at the next frame:
 * a size cannot change while sizes are being given out. */
static gboolean
on_cover_position (GtkOverlay   *overlay,
                   GtkWidget    *widget,
                   GdkRectangle *allocation,
                   JueField     *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (overlay));
  int height, now;

  *allocation = (GdkRectangle) { 0, 0, width, gtk_widget_get_height (GTK_WIDGET (overlay)) };
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  gtk_widget_get_size_request (self->widget, NULL, &now);
  if (height != now && !(now == -1 && height <= gtk_widget_get_height (self->widget)))
    gtk_widget_add_tick_callback (self->widget, fit_entry_to_cover, GINT_TO_POINTER (height), NULL);
  return TRUE;
}

static void
on_cover_text_changed (JueField *self)
{
  gtk_label_set_text (GTK_LABEL (self->cover), gtk_editable_get_text (self->editable));
}

static void
on_cover_focus_enter (JueField *self)
{
  show_cover (self, FALSE);
}

static void
on_cover_focus_leave (JueField *self)
{
  show_cover (self, TRUE);
}

GtkWidget *
jue_field_cell_wrap (GtkWidget *cell,
                     int        lines)
{
  JueField *self = jue_field_from_widget (cell);
  GtkWidget *overlay, *label;
  GtkEventController *focus;

  g_return_val_if_fail (self != NULL && self->entry != NULL, cell);
  overlay = gtk_overlay_new ();
  /* the entry is what is read out; the label only draws its text */
  label = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), lines);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_width_chars (GTK_LABEL (label), 1);
  gtk_label_set_max_width_chars (GTK_LABEL (label),
                                 gtk_editable_get_max_width_chars (self->editable));
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (label, CELL_PADDING);
  gtk_widget_set_margin_top (label, CELL_PADDING);
  gtk_widget_set_margin_bottom (label, CELL_PADDING);
  gtk_widget_set_can_target (label, FALSE);
  gtk_widget_add_css_class (label, "jue-cell-cover");
  gtk_overlay_set_child (GTK_OVERLAY (overlay), cell);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), label);
  g_signal_connect (overlay, "get-child-position", G_CALLBACK (on_cover_position), self);
  gtk_widget_set_hexpand (overlay, gtk_widget_get_hexpand (cell));
  self->cover = label;

  on_cover_text_changed (self);
  jue_field_sync_cover (self);
  show_cover (self, TRUE);
  g_signal_connect_swapped (cell, "changed", G_CALLBACK (on_cover_text_changed), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_cover_focus_enter), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_cover_focus_leave), self);
  gtk_widget_add_controller (cell, focus);
  return overlay;
}

/* ---- a value that cannot be read, said in words ----------------------- */

/* Under a form row: a row of its own in the same boxed list, so the
 * message sits right below what was typed. */
static GtkWidget *
error_row_new (JueField  *self,
               GtkWidget *label)
{
  GtkWidget *list = gtk_widget_get_parent (self->widget);
  GtkWidget *row = adw_preferences_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  /* A list box moves Tab and Enter to the next row only, and leaves the
   * whole list when that row takes no focus: the fields after a value
   * that cannot be read were skipped, Enter went to the next group.  It
   * passes over an insensitive row (the style keeps the message red). */
  gtk_widget_set_sensitive (row, FALSE);
  gtk_widget_add_css_class (row, "jue-field-error-row");
  gtk_list_box_insert (GTK_LIST_BOX (list), row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->widget)) + 1);
  return row;
}

/* At a table cell, where there is no room: a popover pointing at it that
 * takes neither the focus nor the clicks meant for the table. */
static GtkWidget *
error_popover_new (JueField  *self,
                   GtkWidget *label)
{
  GtkWidget *popover = gtk_popover_new ();

  gtk_popover_set_autohide (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  gtk_popover_set_child (GTK_POPOVER (popover), label);
  gtk_widget_set_can_focus (popover, FALSE);
  gtk_widget_set_can_target (popover, FALSE);
  gtk_widget_add_css_class (popover, "jue-error-popover");
  gtk_widget_set_parent (popover, self->widget);
  return popover;
}

static void
on_error_cell_focus_leave (JueField *self)
{
  if (self->error_holder)
    gtk_popover_popdown (GTK_POPOVER (self->error_holder));
}

static void
on_error_cell_focus_enter (JueField *self)
{
  if (self->error_holder && self->parse_error)
    gtk_popover_popup (GTK_POPOVER (self->error_holder));
}

static gboolean
ensure_error_label (JueField *self)
{
  GtkWidget *parent = gtk_widget_get_parent (self->widget);
  GtkWidget *label;

  if (self->error_label)
    return self->error_holder != NULL;
  if (self->entry == NULL && !GTK_IS_LIST_BOX (parent))
    return FALSE;   /* neither a cell nor a row of a list: the marks say it */
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "jue-field-error");
  self->error_label = label;
  if (self->entry)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      self->error_holder = error_popover_new (self, label);
      g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_error_cell_focus_enter), self);
      g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_error_cell_focus_leave), self);
      gtk_widget_add_controller (self->widget, focus);
    }
  else
    self->error_holder = error_row_new (self, label);
  g_object_add_weak_pointer (G_OBJECT (self->error_holder), (gpointer *) &self->error_holder);
  return TRUE;
}

void
jue_field_show_parse_error (JueField *self)
{
  if (!ensure_error_label (self))
    return;
  gtk_label_set_text (GTK_LABEL (self->error_label), self->parse_error ? self->parse_error : "");
  if (GTK_IS_POPOVER (self->error_holder))
    {
      if (self->parse_error && gtk_widget_get_mapped (self->widget))
        gtk_popover_popup (GTK_POPOVER (self->error_holder));
      else if (self->parse_error == NULL)
        gtk_popover_popdown (GTK_POPOVER (self->error_holder));
    }
  else
    gtk_widget_set_visible (self->error_holder, self->parse_error != NULL);
}
