/* jue-code-picker.c — classification type-ahead for functional codes. */
#include "config.h"
#include <glib/gi18n-lib.h>
#include <string.h>

#include "jue-code-picker.h"
#include "jue-codes.h"
#include "jue-checks.h"
#include "jue-store.h"

#define MAX_MATCHES 40

struct _JueCodePicker {
  GtkPopover  parent_instance;

  GtkWidget  *list;

  JueSession *session;
  GtkWidget  *entry;
  char       *list_path;
  guint       index;
  guint       applying : 1;
};

G_DEFINE_FINAL_TYPE (JueCodePicker, jue_code_picker, GTK_TYPE_POPOVER)

GPtrArray *
jue_session_classification (JueSession *session)
{
  GPtrArray *imported = jue_document_get_classification (jue_session_get_document (session));

  if (imported && imported->len)
    return imported;
  return jue_classification_builtin ();
}

GPtrArray *
jue_session_economic_classification (JueSession *session)
{
  GPtrArray *imported =
    jue_document_get_economic_classification (jue_session_get_document (session));

  if (imported && imported->len)
    return imported;
  return jue_classification_economic_builtin ();
}

static const JueClassEntry *
find_code (GPtrArray  *entries,
           const char *code)
{
  for (guint i = 0; code && entries && i < entries->len; i++)
    {
      const JueClassEntry *e = entries->pdata[i];
      if (g_strcmp0 (e->code, code) == 0)
        return e;
    }
  return NULL;
}

static gboolean
matches (const JueClassEntry *e,
         const char          *query)
{
  return g_str_has_prefix (e->code, query) || (e->name && strstr (e->name, query));
}

static void
rebuild (JueCodePicker *self,
         const char    *query)
{
  GPtrArray *entries = jue_session_classification (self->session);
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (self->list)))
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  for (guint i = 0; entries && i < entries->len && n < MAX_MATCHES; i++)
    {
      const JueClassEntry *e = entries->pdata[i];
      g_autofree char *text = NULL;
      GtkWidget *label;
      GtkWidget *row;

      if (!matches (e, query))
        continue;
      text = g_strdup_printf ("%s  %s", e->code, e->name ? e->name : "");
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 6 + 12 * MAX (0, e->level - 1));
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 3);
      gtk_widget_set_margin_bottom (label, 3);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data (G_OBJECT (row), "entry", (gpointer) e);
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
      n++;
    }
  if (n)
    gtk_list_box_select_row (GTK_LIST_BOX (self->list),
                             gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), 0));
}

static void
set_field (JueCodePicker *self,
           const char    *name,
           const char    *value)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("%s[%u].%s", self->list_path, self->index, name);
  g_autofree char *now = jue_report_get (jue_session_get_report (self->session), path, NULL);

  if (g_strcmp0 (now, value ? value : "") == 0)
    return;
  if (!jue_document_set (jue_session_get_document (self->session), path, value ? value : "",
                         &error))
    jue_session_report_error (self->session, error);
}

/* Fills the code and the names of its 类, 款 and 项 (as far as it goes). */
static void
apply (JueCodePicker       *self,
       const JueClassEntry *chosen)
{
  GPtrArray *entries = jue_session_classification (self->session);
  const char *names[4] = { NULL, NULL, NULL, NULL };

  for (const JueClassEntry *e = chosen; e; e = find_code (entries, e->parent))
    {
      if (e->level >= 1 && e->level <= 3)
        names[e->level] = e->name;
      if (e->parent == NULL || *e->parent == '\0')
        break;
    }
  self->applying = TRUE;
  gtk_popover_popdown (GTK_POPOVER (self));
  set_field (self, "code", chosen->code);
  set_field (self, "class_name", names[1]);
  set_field (self, "kuan_name", names[2]);
  set_field (self, "xiang_name", names[3]);
  self->applying = FALSE;
}

static void
on_row_activated (GtkListBox    *box,
                  GtkListBoxRow *row,
                  JueCodePicker *self)
{
  apply (self, g_object_get_data (G_OBJECT (row), "entry"));
  gtk_widget_grab_focus (self->entry);
}

static void
on_entry_changed (GtkEditable   *editable,
                  JueCodePicker *self)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  GPtrArray *entries = jue_session_classification (self->session);

  if (self->applying || !gtk_widget_has_focus (gtk_editable_get_delegate (editable)
                                               ? GTK_WIDGET (gtk_editable_get_delegate (editable))
                                               : GTK_WIDGET (editable)))
    return;
  /* a complete known code needs no list */
  if (*query == '\0' || entries == NULL || (strlen (query) == 7 && find_code (entries, query)))
    {
      gtk_popover_popdown (GTK_POPOVER (self));
      return;
    }
  rebuild (self, query);
  if (gtk_widget_get_first_child (self->list))
    gtk_popover_popup (GTK_POPOVER (self));
  else
    gtk_popover_popdown (GTK_POPOVER (self));
}

static void
move_selection (JueCodePicker *self,
                int            delta)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list));
  int index = row ? gtk_list_box_row_get_index (row) + delta : 0;
  GtkListBoxRow *next = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), MAX (index, 0));

  if (next)
    {
      gtk_list_box_select_row (GTK_LIST_BOX (self->list), next);
      gtk_widget_grab_focus (self->entry);
    }
}

/* While the list is open the cursor stays in the cell: arrows choose,
 * Enter takes the choice, Escape closes. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                JueCodePicker         *self)
{
  GtkListBoxRow *row;

  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (self, -1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list));
      if (row == NULL)
        return FALSE;
      apply (self, g_object_get_data (G_OBJECT (row), "entry"));
      return TRUE;
    case GDK_KEY_Escape:
      gtk_popover_popdown (GTK_POPOVER (self));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                JueCodePicker           *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_entry_destroy (GtkWidget     *entry,
                  JueCodePicker *self)
{
  gtk_widget_unparent (GTK_WIDGET (self));
}

static void
jue_code_picker_dispose (GObject *object)
{
  JueCodePicker *self = JUE_CODE_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JUE_TYPE_CODE_PICKER);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (jue_code_picker_parent_class)->dispose (object);
}

static void
jue_code_picker_finalize (GObject *object)
{
  JueCodePicker *self = JUE_CODE_PICKER (object);

  g_free (self->list_path);
  G_OBJECT_CLASS (jue_code_picker_parent_class)->finalize (object);
}

static void
jue_code_picker_class_init (JueCodePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jue_code_picker_dispose;
  object_class->finalize = jue_code_picker_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/juesuan/Juesuan/ui/jue-code-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, JueCodePicker, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
jue_code_picker_init (JueCodePicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The hint, made when shown (storing a tooltip asks the X server where the
 * pointer is, for every code cell of the table); a mark icon's own first. */
static gboolean
on_query_tooltip (GtkWidget  *entry,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  if (!keyboard && gtk_entry_get_icon_at_pos (GTK_ENTRY (entry), x, y) != -1)
    return FALSE;
  gtk_tooltip_set_text (tooltip, _("Type a code or part of a name to choose from the "
                                   "classification"));
  return TRUE;
}

void
jue_code_picker_attach (JueSession *session,
                        GtkWidget  *entry,
                        const char *list_path,
                        guint       index)
{
  JueCodePicker *self = g_object_new (JUE_TYPE_CODE_PICKER, NULL);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->session = g_object_ref (session);
  self->entry = entry;
  self->list_path = g_strdup (list_path);
  self->index = index;
  gtk_widget_set_parent (GTK_WIDGET (self), entry);
  g_signal_connect (entry, "destroy", G_CALLBACK (on_entry_destroy), self);
  g_signal_connect_after (entry, "changed", G_CALLBACK (on_entry_changed), self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (entry, keys);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (entry, focus);
  gtk_widget_set_has_tooltip (entry, TRUE);
  g_signal_connect (entry, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}
