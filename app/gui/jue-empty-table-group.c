/* jue-empty-table-group.c — “the table is empty” (本表为空表) on a form. */
#include "config.h"
#include <glib/gi18n-lib.h>

#include "jue-empty-table-group.h"
#include "jue-empty.h"
#include "jue-render.h"
#include "jue-sections.h"

struct _JueEmptyTableGroup {
  AdwPreferencesGroup parent_instance;

  JueSession *session;
  char       *key;
  GtkWidget  *row;      /* AdwActionRow of the switch */
  GtkWidget  *mark;     /* the finding about the mark (E-EMPTY-TABLE-FIGURES) */
  GtkWidget  *toggle;   /* GtkSwitch */
  GtkWidget  *reason;   /* AdwEntryRow */
  gboolean    syncing;
};

G_DEFINE_FINAL_TYPE (JueEmptyTableGroup, jue_empty_table_group, ADW_TYPE_PREFERENCES_GROUP)

static void update_mark (JueEmptyTableGroup *self);

/* The switch and the reason as the report has them. */
static void
sync_widgets (JueEmptyTableGroup *self)
{
  const char *reason = jue_report_table_empty_reason (jue_session_get_report (self->session),
                                                      self->key);
  gboolean editable = !jue_session_is_read_only (self->session);

  self->syncing = TRUE;
  gtk_switch_set_active (GTK_SWITCH (self->toggle), reason != NULL);
  gtk_widget_set_sensitive (self->toggle, editable);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->reason)), reason ? reason : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->reason), reason ? reason : "");
  gtk_widget_set_sensitive (self->reason, editable && reason != NULL);
  self->syncing = FALSE;
  update_mark (self);
}

/* A finding about the mark (figures in a table marked empty): an icon
 * with the message on the switch's row, as a field shows its own. */
static void
update_mark (JueEmptyTableGroup *self)
{
  JueReport *report = jue_session_get_report (self->session);
  gint index = jue_report_find_empty_table (report, self->key);
  g_autofree char *path = index >= 0 ? g_strdup_printf ("empty_tables[%d].table", index) : NULL;
  g_autofree char *message = NULL;
  JueMarkLevel level = path ? jue_session_get_mark (self->session, path, &message) : JUE_MARK_NONE;

  gtk_widget_set_visible (self->mark, level >= JUE_MARK_WARNING);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->mark), level == JUE_MARK_ERROR
                                                        ? "dialog-error-symbolic"
                                                        : "dialog-warning-symbolic");
  gtk_widget_set_tooltip_text (self->mark, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  message ? message : "", -1);
  if (level == JUE_MARK_ERROR)
    gtk_widget_add_css_class (self->row, "error");
  else
    gtk_widget_remove_css_class (self->row, "error");
}

static void
on_toggled (GtkSwitch          *toggle,
            GParamSpec         *pspec,
            JueEmptyTableGroup *self)
{
  JueDocument *doc = jue_session_get_document (self->session);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  gboolean marked = jue_report_table_empty_reason (jue_session_get_report (self->session),
                                                   self->key) != NULL;

  /* GtkSwitch notifies active more than once for one flip */
  if (self->syncing || gtk_switch_get_active (toggle) == marked)
    return;
  if (gtk_switch_get_active (toggle))
    ok = jue_document_mark_table_empty (doc, self->key,
                                        gtk_editable_get_text (GTK_EDITABLE (self->reason)),
                                        &error);
  else
    ok = jue_document_unmark_table_empty (doc, self->key, &error);
  if (!ok)
    jue_session_report_error (self->session, error);
  sync_widgets (self);
}

static void
on_apply (AdwEntryRow        *row,
          JueEmptyTableGroup *self)
{
  g_autoptr (GError) error = NULL;

  if (self->syncing ||
      jue_report_table_empty_reason (jue_session_get_report (self->session), self->key) == NULL)
    return;
  if (!jue_document_mark_table_empty (jue_session_get_document (self->session), self->key,
                                      gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    jue_session_report_error (self->session, error);
  sync_widgets (self);
}

static void
on_session_changed (JueSession         *session,
                    int                 kind,
                    const char         *path,
                    JueEmptyTableGroup *self)
{
  if (path == NULL || jue_path_has_prefix (path, "empty_tables") || *path == '\0')
    sync_widgets (self);
}

/* "表10 政府性基金预算财政拨款收入支出决算表" (each table of the key). */
static char *
tables_text (JueEmptyTableGroup *self)
{
  const JueTemplate *tmpl = jue_render_report_template (jue_session_get_report (self->session),
                                                        NULL);
  g_autoptr (GArray) tables = jue_template_tables_of_key (tmpl, self->key);
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < tables->len; i++)
    {
      const JueTemplateTable *t = jue_template_table (tmpl, g_array_index (tables, guint, i));

      if (s->len)
        g_string_append (s, "、");
      g_string_append_printf (s, "%s %s", t->number, t->title);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
jue_empty_table_group_dispose (GObject *object)
{
  JueEmptyTableGroup *self = JUE_EMPTY_TABLE_GROUP (object);

  if (self->session)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (jue_session_get_findings (self->session), self);
    }
  g_clear_object (&self->session);
  G_OBJECT_CLASS (jue_empty_table_group_parent_class)->dispose (object);
}

static void
jue_empty_table_group_finalize (GObject *object)
{
  JueEmptyTableGroup *self = JUE_EMPTY_TABLE_GROUP (object);

  g_free (self->key);
  G_OBJECT_CLASS (jue_empty_table_group_parent_class)->finalize (object);
}

static void
jue_empty_table_group_class_init (JueEmptyTableGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jue_empty_table_group_dispose;
  object_class->finalize = jue_empty_table_group_finalize;
}

static void
jue_empty_table_group_init (JueEmptyTableGroup *self)
{
}

GtkWidget *
jue_empty_table_group_new (JueSession *session,
                           const char *key)
{
  JueEmptyTableGroup *self = g_object_new (JUE_TYPE_EMPTY_TABLE_GROUP, NULL);
  g_autofree char *tables = NULL;
  GtkWidget *row;

  self->session = g_object_ref (session);
  self->key = g_strdup (key);
  tables = tables_text (self);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Published table"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), tables);

  row = self->row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The table is empty (本表为空表)"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("It is printed as 本表为空表 with the reason below instead of "
                                 "its rows, and counts as filled in"));
  self->mark = gtk_image_new ();
  gtk_widget_set_visible (self->mark, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->mark);
  self->toggle = gtk_switch_new ();
  gtk_widget_set_valign (self->toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("The table is empty (本表为空表)"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->toggle);
  gtk_widget_add_css_class (row, "jue-empty-table-row");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);

  self->reason = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason), _("Why it is empty"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->reason), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->reason);

  sync_widgets (self);
  g_signal_connect (self->toggle, "notify::active", G_CALLBACK (on_toggled), self);
  g_signal_connect (self->reason, "apply", G_CALLBACK (on_apply), self);
  g_signal_connect (session, "changed", G_CALLBACK (on_session_changed), self);
  g_signal_connect_swapped (jue_session_get_findings (session), "items-changed",
                            G_CALLBACK (update_mark), self);
  return GTK_WIDGET (self);
}
