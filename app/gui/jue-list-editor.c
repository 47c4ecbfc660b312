/* jue-list-editor.c — a list of records edited in place (jue-list-editor.h). */
#include "config.h"
#include <glib/gi18n-lib.h>

#include "jue-field.h"
#include "jue-list-editor.h"
#include "jue-table-editor.h"

struct _JueListEditor {
  GtkWidget          parent_instance;

  GtkWidget         *header;
  GtkWidget         *add_button;
  GtkWidget         *add_content;
  GtkWidget         *mark;
  GtkWidget         *mark_icon;
  GtkWidget         *mark_label;
  GtkWidget         *items;
  GtkWidget         *table;      /* the JueTableEditor of a tabular list */

  JueSession        *session;
  char              *list_path;
  const JueFieldDef *list_def;
  char              *summary_field;
};

G_DEFINE_FINAL_TYPE (JueListEditor, jue_list_editor, GTK_TYPE_WIDGET)

gboolean
jue_list_is_tabular (const JueRecordDef *element)
{
  return element == &JueFunctionalRow_def || element == &JueIndicator_def ||
         element == &JueFundRow_def || element == &JueAccountRow_def ||
         element == &JueEconomicRow_def;
}

static GPtrArray *
get_rows (JueListEditor *self)
{
  JueFieldRef ref;

  if (!jue_report_resolve (jue_session_get_report (self->session), self->list_path, &ref, NULL))
    return NULL;
  return *(GPtrArray **) ref.ptr;
}

static const JueRecordDef *
element (JueListEditor *self)
{
  return self->list_def->extra;
}

/* The field shown for each row when there is only one (offices), or the
 * summary field (special funds); NULL for a full form per row. */
static const JueFieldDef *
single_field (JueListEditor *self)
{
  const JueRecordDef *def = element (self);

  if (self->table)
    return NULL;
  for (guint i = 0; self->summary_field && i < def->n_fields; i++)
    if (g_str_equal (def->fields[i].name, self->summary_field))
      return &def->fields[i];
  return def->n_fields == 1 ? &def->fields[0] : NULL;
}

/* ---- a form per row ---------------------------------------------------- */

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action,
             guint       index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) index);
  return button;
}

static GtkWidget *
row_buttons (JueListEditor *self,
             guint          index,
             guint          n_rows)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *up = icon_button ("go-up-symbolic", _("Move Up"), "list.move-up", index);
  GtkWidget *down = icon_button ("go-down-symbolic", _("Move Down"), "list.move-down", index);
  gboolean read_only = jue_session_is_read_only (self->session);

  gtk_widget_set_sensitive (up, index > 0);
  gtk_widget_set_sensitive (down, index + 1 < n_rows);
  gtk_box_append (GTK_BOX (box), up);
  gtk_box_append (GTK_BOX (box), down);
  gtk_box_append (GTK_BOX (box), icon_button ("user-trash-symbolic", _("Remove"),
                                              "list.remove", index));
  if (self->summary_field)
    gtk_box_append (GTK_BOX (box), icon_button ("go-next-symbolic", _("Open"),
                                                "list.open", index));
  gtk_widget_set_visible (box, !read_only || self->summary_field);
  if (read_only)
    for (GtkWidget *c = gtk_widget_get_first_child (box); c; c = gtk_widget_get_next_sibling (c))
      gtk_widget_set_visible (c, g_str_equal (gtk_actionable_get_action_name (GTK_ACTIONABLE (c)),
                                              "list.open"));
  return box;
}

static void
add_suffix (GtkWidget *row,
            GtkWidget *suffix)
{
  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), suffix);
  else if (ADW_IS_ACTION_ROW (row))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
}

static void
build_single (JueListEditor     *self,
              GPtrArray         *rows,
              const JueFieldDef *f)
{
  GtkWidget *box = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (box, "boxed-list");
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u].%s", self->list_path, i, f->name);
      g_autofree char *title = g_strdup_printf ("%s %u", _(f->label), i + 1);
      GtkWidget *row = jue_field_row_new (self->session, path, f);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      add_suffix (row, row_buttons (self, i, rows->len));
      gtk_list_box_append (GTK_LIST_BOX (box), row);
    }
  gtk_box_append (GTK_BOX (self->items), box);
}

static void
build_forms (JueListEditor *self,
             GPtrArray     *rows)
{
  const JueRecordDef *def = element (self);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      g_autofree char *title = g_strdup_printf (_("No. %u"), i + 1);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                               row_buttons (self, i, rows->len));
      for (guint k = 0; k < def->n_fields; k++)
        {
          const JueFieldDef *f = &def->fields[k];
          g_autofree char *path = g_strdup_printf ("%s[%u].%s", self->list_path, i, f->name);

          if (f->kind == JUE_KIND_RECORD || f->kind == JUE_KIND_LIST)
            continue;   /* not in the lists shown as forms */
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     jue_field_row_new (self->session, path, f));
        }
      gtk_box_append (GTK_BOX (self->items), group);
    }
}

/* The row count under the title; a list of forms is built anew (a table
 * rebuilds itself). */
static void
rebuild (JueListEditor *self)
{
  GPtrArray *rows = get_rows (self);
  const JueFieldDef *single = single_field (self);
  g_autofree char *count = NULL;

  if (rows == NULL)
    return;
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", rows->len),
                           rows->len);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->header), count);
  if (self->table)
    return;
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (self->items)))
      gtk_box_remove (GTK_BOX (self->items), child);
  }
  if (rows->len == 0)
    return;
  if (single)
    build_single (self, rows, single);
  else
    build_forms (self, rows);
}

static void
on_session_changed (JueSession    *session,
                    int            kind,
                    const char    *path,
                    JueListEditor *self)
{
  if (kind == JUE_CHANGE_LIST && g_strcmp0 (path, self->list_path) == 0)
    rebuild (self);
  jue_list_mark_update (session, self->list_path, self->mark, self->mark_icon, self->mark_label);
}

/* ---- the rows' actions ------------------------------------------------- */

/* Puts the cursor in the first field of row index (after add, remove,
 * move); on the Add button when the list is empty. */
static void
focus_row (JueListEditor *self,
           gint           index)
{
  const JueFieldDef *single = single_field (self);
  g_autofree char *path = NULL;
  JueField *field;

  if (index < 0)
    {
      gtk_widget_grab_focus (self->add_button);
      return;
    }
  path = g_strdup_printf ("%s[%d].%s", self->list_path, index,
                          single ? single->name : element (self)->fields[0].name);
  field = jue_session_lookup_field (self->session, path);
  if (field)
    jue_field_focus (field);
}

static void
report (JueListEditor *self,
        GError        *error)
{
  if (error)
    jue_session_report_error (self->session, error);
}

/* list.add (at the end) and list.insert (above row i) */
static void
on_insert (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  JueListEditor *self = JUE_LIST_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  gint at = param ? g_variant_get_int32 (param) : -1;
  gint index;

  jue_session_flush_fields (self->session);
  if (at < 0 && self->table)
    jue_table_editor_expect_append (JUE_TABLE_EDITOR (self->table), TRUE);
  index = jue_document_insert_row (jue_session_get_document (self->session),
                                   self->list_path, at, &error);
  if (self->table)
    jue_table_editor_expect_append (JUE_TABLE_EDITOR (self->table), FALSE);
  report (self, error);
  if (index >= 0)
    focus_row (self, index);
}

static void
on_move (GtkWidget  *widget,
         const char *action,
         GVariant   *param)
{
  JueListEditor *self = JUE_LIST_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  gint index = g_variant_get_int32 (param);
  gint to = g_str_equal (action, "list.move-up") ? index - 1 : index + 1;
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
  JueListEditor *self = JUE_LIST_EDITOR (widget);
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

static void
on_open (GtkWidget  *widget,
         const char *action,
         GVariant   *param)
{
  g_autofree char *id = g_strdup_printf ("fund-%d", g_variant_get_int32 (param));

  gtk_widget_activate_action (widget, "win.show-section", "s", id);
}

/* ---- the widget -------------------------------------------------------- */

static void
jue_list_editor_dispose (GObject *object)
{
  JueListEditor *self = JUE_LIST_EDITOR (object);

  if (self->session)
    g_signal_handlers_disconnect_by_data (self->session, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), JUE_TYPE_LIST_EDITOR);
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  self->table = NULL;
  g_clear_object (&self->session);
  G_OBJECT_CLASS (jue_list_editor_parent_class)->dispose (object);
}

static void
jue_list_editor_finalize (GObject *object)
{
  JueListEditor *self = JUE_LIST_EDITOR (object);

  g_free (self->list_path);
  g_free (self->summary_field);
  G_OBJECT_CLASS (jue_list_editor_parent_class)->finalize (object);
}

static void
jue_list_editor_class_init (JueListEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jue_list_editor_dispose;
  object_class->finalize = jue_list_editor_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/juesuan/Juesuan/ui/jue-list-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, JueListEditor, header);
  gtk_widget_class_bind_template_child (widget_class, JueListEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, JueListEditor, add_content);
  gtk_widget_class_bind_template_child (widget_class, JueListEditor, mark);
  gtk_widget_class_bind_template_child (widget_class, JueListEditor, mark_icon);
  gtk_widget_class_bind_template_child (widget_class, JueListEditor, mark_label);
  gtk_widget_class_bind_template_child (widget_class, JueListEditor, items);
  gtk_widget_class_install_action (widget_class, "list.add", NULL, on_insert);
  gtk_widget_class_install_action (widget_class, "list.insert", "i", on_insert);
  gtk_widget_class_install_action (widget_class, "list.move-up", "i", on_move);
  gtk_widget_class_install_action (widget_class, "list.move-down", "i", on_move);
  gtk_widget_class_install_action (widget_class, "list.remove", "i", on_remove);
  gtk_widget_class_install_action (widget_class, "list.open", "i", on_open);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jue_list_editor_init (JueListEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jue_list_editor_new (JueSession        *session,
                     const char        *list_path,
                     const JueFieldDef *list_def,
                     const char        *summary_field)
{
  JueListEditor *self = g_object_new (JUE_TYPE_LIST_EDITOR, NULL);
  g_autofree char *add_label = NULL;

  self->session = g_object_ref (session);
  self->list_path = g_strdup (list_path);
  self->list_def = list_def;
  self->summary_field = g_strdup (summary_field);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->header), _(list_def->label));
  add_label = g_strdup_printf (_("Add a row to %s"), _(list_def->label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  gtk_widget_set_tooltip_text (self->add_button, add_label);
  gtk_widget_set_visible (self->add_button, !jue_session_is_read_only (session));
  if (jue_list_is_tabular (element (self)) && summary_field == NULL)
    {
      /* wider than the window: the table scrolls sideways, the page down */
      GtkWidget *scroller = gtk_scrolled_window_new ();

      adw_button_content_set_label (ADW_BUTTON_CONTENT (self->add_content), _("Add Row"));
      self->table = jue_table_editor_new_for_list (session, list_path, list_def);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                      GTK_POLICY_NEVER);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->table);
      gtk_box_append (GTK_BOX (self->items), scroller);
    }
  rebuild (self);
  jue_list_mark_update (session, self->list_path, self->mark, self->mark_icon, self->mark_label);
  g_signal_connect (session, "changed", G_CALLBACK (on_session_changed), self);
  return GTK_WIDGET (self);
}

const char *
jue_list_editor_get_list_path (JueListEditor *self)
{
  g_return_val_if_fail (JUE_IS_LIST_EDITOR (self), NULL);
  return self->list_path;
}

GtkWidget *
jue_list_editor_get_table (JueListEditor *self)
{
  g_return_val_if_fail (JUE_IS_LIST_EDITOR (self), NULL);
  return self->table;
}

void
jue_list_editor_add_note (JueListEditor *self,
                          GtkWidget     *note)
{
  g_return_if_fail (JUE_IS_LIST_EDITOR (self));
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->header)), note,
                              self->header);
}
