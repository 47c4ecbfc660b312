/* jue-finding-row.c — a finding with its explanation. */
#include "config.h"
#include <glib/gi18n-lib.h>

#include "jue-finding-row.h"
#include "jue-sections.h"

#define COMMIT_DELAY_MS 700   /* a pause in typing stores the explanation */

struct _JueFindingRow {
  GtkListBoxRow   parent_instance;

  GtkWidget      *icon;
  GtkWidget      *message;
  GtkWidget      *location;
  GtkWidget      *go_button;
  GtkWidget      *explanation;
  GtkWidget      *explanation_label;

  JueSession     *session;
  JueFindingItem *item;
  guint           commit_id;
  guint           updating : 1;
};

G_DEFINE_FINAL_TYPE (JueFindingRow, jue_finding_row, GTK_TYPE_LIST_BOX_ROW)

void
jue_finding_row_commit (JueFindingRow *self)
{
  const JueFinding *f = jue_finding_item_get_finding (self->item);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->explanation));
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->commit_id, g_source_remove);
  if (jue_session_is_read_only (self->session) ||
      g_strcmp0 (text, f->explanation ? f->explanation : "") == 0)
    return;
  if (!jue_document_set_explanation (jue_session_get_document (self->session),
                                     f->rule, f->path, text, &error))
    jue_session_report_error (self->session, error);
}

static gboolean
commit_later (gpointer data)
{
  JueFindingRow *self = data;

  self->commit_id = 0;
  jue_finding_row_commit (self);
  return G_SOURCE_REMOVE;
}

static void
on_explanation_changed (JueFindingRow *self)
{
  if (self->updating)
    return;
  g_clear_handle_id (&self->commit_id, g_source_remove);
  self->commit_id = g_timeout_add (COMMIT_DELAY_MS, commit_later, self);
}

static void
on_explanation_leave (JueFindingRow *self)
{
  jue_finding_row_commit (self);
}

static void
show_explanation (JueFindingRow *self)
{
  const JueFinding *f = jue_finding_item_get_finding (self->item);
  const char *text = f->explanation ? f->explanation : "";

  gtk_label_set_text (GTK_LABEL (self->explanation_label), text);
  gtk_widget_set_visible (self->explanation_label,
                          jue_session_is_read_only (self->session) && *text);
  if (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->explanation)))))
    return;   /* never overwrite what is being typed */
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->explanation), text);
  self->updating = FALSE;
}

static void
on_go (JueFindingRow *self)
{
  const JueFinding *f = jue_finding_item_get_finding (self->item);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.goto-field", "s", f->path);
}

static void
jue_finding_row_dispose (GObject *object)
{
  JueFindingRow *self = JUE_FINDING_ROW (object);

  if (self->commit_id)
    jue_finding_row_commit (self);
  if (self->item)
    g_signal_handlers_disconnect_by_data (self->item, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), JUE_TYPE_FINDING_ROW);
  g_clear_object (&self->item);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (jue_finding_row_parent_class)->dispose (object);
}

static void
jue_finding_row_class_init (JueFindingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jue_finding_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/juesuan/Juesuan/ui/jue-finding-row.ui");
  gtk_widget_class_bind_template_child (widget_class, JueFindingRow, icon);
  gtk_widget_class_bind_template_child (widget_class, JueFindingRow, message);
  gtk_widget_class_bind_template_child (widget_class, JueFindingRow, location);
  gtk_widget_class_bind_template_child (widget_class, JueFindingRow, go_button);
  gtk_widget_class_bind_template_child (widget_class, JueFindingRow, explanation);
  gtk_widget_class_bind_template_child (widget_class, JueFindingRow, explanation_label);
  gtk_widget_class_bind_template_callback (widget_class, on_explanation_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_explanation_leave);
  gtk_widget_class_bind_template_callback (widget_class, on_go);
}

static void
jue_finding_row_init (JueFindingRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->explanation), FALSE);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_explanation_leave), self);
  gtk_widget_add_controller (self->explanation, focus);
}

static const char *
severity_icon (JueSeverity severity)
{
  switch (severity)
    {
    case JUE_SEVERITY_ERROR: return "dialog-error-symbolic";
    case JUE_SEVERITY_WARNING: return "dialog-warning-symbolic";
    default: return "dialog-information-symbolic";
    }
}

static const char *
severity_class (JueSeverity severity)
{
  switch (severity)
    {
    case JUE_SEVERITY_ERROR: return "error";
    case JUE_SEVERITY_WARNING: return "warning";
    default: return "accent";
    }
}

static gboolean
on_location_tooltip (GtkWidget     *label,
                     int            x,
                     int            y,
                     gboolean       keyboard,
                     GtkTooltip    *tooltip,
                     JueFindingRow *self)
{
  gtk_tooltip_set_text (tooltip, jue_finding_item_get_finding (self->item)->path);
  return TRUE;
}

GtkWidget *
jue_finding_row_new (JueSession     *session,
                     JueFindingItem *item)
{
  JueFindingRow *self = g_object_new (JUE_TYPE_FINDING_ROW, NULL);
  const JueFinding *f = jue_finding_item_get_finding (item);
  g_autofree char *where = jue_path_describe (jue_session_get_report (session), f->path);
  g_autofree char *location = g_strdup_printf ("%s · %s · %s", jue_severity_label (f->severity),
                                               where, f->rule);
  g_autofree char *name = g_strdup_printf (_("Explanation of: %s"), f->message);

  self->session = g_object_ref (session);
  self->item = g_object_ref (item);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), severity_icon (f->severity));
  gtk_widget_add_css_class (self->icon, severity_class (f->severity));
  gtk_image_set_pixel_size (GTK_IMAGE (self->icon), 16);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  jue_severity_label (f->severity), -1);
  gtk_label_set_text (GTK_LABEL (self->message), f->message);
  gtk_label_set_text (GTK_LABEL (self->location), location);
  /* made when shown: storing a tooltip asks the X server where the pointer is */
  gtk_widget_set_has_tooltip (self->location, TRUE);
  g_signal_connect (self->location, "query-tooltip", G_CALLBACK (on_location_tooltip), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->explanation),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_visible (self->explanation, !jue_session_is_read_only (session));
  show_explanation (self);
  g_signal_connect_swapped (item, "notify::explanation", G_CALLBACK (show_explanation), self);
  return GTK_WIDGET (self);
}

JueFindingItem *
jue_finding_row_get_item (JueFindingRow *self)
{
  return self->item;
}

GtkWidget *
jue_finding_row_get_explanation_entry (JueFindingRow *self)
{
  return self->explanation;
}
