/* jue-table-editor-edit.c — what a user does on a published table: the
 * spreadsheet keys, Escape, paste, a row added by its code, the empty
 * mark (本表为空表). */
#include "config.h"
#include <glib/gi18n-lib.h>
#include <string.h>

#include "jue-code-picker.h"
#include "jue-codes.h"
#include "jue-empty.h"
#include "jue-paste.h"
#include "jue-table-editor-private.h"

#define MORE_ROWS JUE_TABLE_MORE_ROWS

static void arrive (JueTableEditor *self, JueField *field);
static const char *add_list (JueTableEditor *self);

/* ---- marked empty (本表为空表) ------------------------------------------- */

static const char *
table_key (JueTableEditor *self)
{
  return self->table && self->table->table ? self->table->table->key : NULL;
}

void
jue_table_editor_update_empty (JueTableEditor *self)
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

/* The list (or lists, joined by '+': 表5 prints three budgets') new rows
 * go to, when the table's rows are lists of coded rows; else NULL.  A
 * list's own table (list mode) adds rows with its Add Row. */
static const char *
add_list (JueTableEditor *self)
{
  const char *list = self->table ? self->table->list : NULL;
  g_autofree char *first = NULL;

  if (list == NULL || jue_table_editor_is_list (self))
    return NULL;
  first = g_strndup (list, strcspn (list, "+"));
  if (jue_list_code_digits (g_strstrip (first), NULL) == 0)
    return NULL;
  return list;
}

static GPtrArray *
add_classification (JueTableEditor *self)
{
  const char *list = add_list (self);

  if (g_strcmp0 (list, "economic") == 0)
    return jue_session_economic_classification (self->session);
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
  {
    /* the lists of one table take codes of one length (表5: 项 codes) */
    g_autofree char *first = g_strndup (list, strcspn (list, "+"));
    digits = jue_list_code_digits (g_strstrip (first), &alt);
  }
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
  if (shown == 0)
    {
      g_autofree char *hint = g_strdup_printf (
        /* TRANSLATORS: what was typed in Add a Row by Code… */
        _("Nothing in the classification in force matches “%s”. The built-in table is "
          "partial: import this year's classification from the main menu."), text);
      gtk_label_set_text (GTK_LABEL (self->add_message), hint);
      gtk_widget_set_visible (self->add_message, TRUE);
    }
}

/* Is code in the classification new rows are named from? */
static gboolean
classified (JueTableEditor *self,
            const char     *code)
{
  GPtrArray *entries = add_classification (self);

  for (guint i = 0; entries && i < entries->len; i++)
    if (g_strcmp0 (((const JueClassEntry *) entries->pdata[i])->code, code) == 0)
      return TRUE;
  return FALSE;
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
  g_return_val_if_fail (add_list (self) != NULL, FALSE);
  /* a table page has no cell to type a 项's names in: they come from the
   * classification, or the row is added on its list's page */
  if (!classified (self, code))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                   /* TRANSLATORS: a classification code */
                   _("%s is not in the classification in force, so its names are not known: "
                     "import this year's classification from the main menu, or add the row on "
                     "its list's page and type its names there"), code);
      return FALSE;
    }
  /* 表5: the budget's list its 款 or 类 decides */
  list = jue_paste_list_for_code (jue_session_get_report (self->session), self->table, code,
                                  error);
  if (list == NULL)
    return FALSE;
  for (guint c = 0; c < jue_table_editor_n_columns (self) && field == NULL; c++)
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

  if (row >= self->table->rows->len || col >= jue_table_editor_n_columns (self))
    return NULL;
  if (row >= self->built)
    jue_table_editor_build_rows (self, row + MORE_ROWS);
  widget = self->cells->pdata[row * jue_table_editor_n_columns (self) + col];
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
  guint n = jue_table_editor_n_columns (self);

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

/* A click into a cell that is not being edited selects the cell, as in a
 * spreadsheet: the focus comes (selecting the text, so typing replaces
 * it) and the press is claimed, so GtkText does not put the caret where
 * it was pressed.  A click in the cell being edited places the caret. */
void
jue_table_editor_on_cell_pressed (GtkGestureClick *gesture,
                                  int              n_press,
                                  double           x,
                                  double           y,
                                  JueTableEditor  *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
    return;
  if (!GTK_IS_EDITABLE (widget) || !gtk_editable_get_editable (GTK_EDITABLE (widget)))
    return;
  gtk_widget_grab_focus (widget);
  gtk_editable_select_region (GTK_EDITABLE (widget), 0, -1);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

void
jue_table_editor_on_cell_focus_enter (GtkEventControllerFocus *controller,
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
  JueField *here = jue_table_editor_focused_field (self);
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
  else if (jue_table_editor_is_list (self) && !jue_session_is_read_only (self->session))
    {
      /* Enter in a list's last row: a new row, the cursor in its first
       * cell (Enter goes on typing rows in, as in a spreadsheet) */
      jue_field_flush (here);
      gtk_widget_activate_action (widget, "list.add", NULL);
    }
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
  table = jue_table_editor_render (self);   /* as the document is now */
  if (!find_path (table, path, &row, &col))
    return;
  block = jue_paste_parse (text);
  if (jue_table_editor_is_list (self)
      /* a list: filled from the cell across and down, rows added as
       * needed (column 0 is the row's number, then the fields) */
      ? !jue_paste_apply (jue_session_get_document (self->session), self->list_path, row,
                          col - 1, block, NULL, &error)
      : !jue_paste_apply_table (jue_session_get_document (self->session), table, row, col,
                                block, NULL, &error))
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

/* ---- the class -------------------------------------------------------- */

void
jue_table_editor_class_init_edit (GtkWidgetClass *widget_class)
{
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
}

void
jue_table_editor_init_edit (JueTableEditor *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (self->grid, keys);
}
