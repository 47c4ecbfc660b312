/* jue-window-nav.c — moving about the report by keyboard: back from a
 * finding's field to the findings (Alt+Left, or the bar's button), on to
 * the next finding (F8, Shift+F8 the one before), and Alt+A, which reaches
 * every Add of a page. */
#include "config.h"
#include <glib/gi18n-lib.h>

#include "jue-field.h"
#include "jue-finding-item.h"
#include "jue-findings-page.h"
#include "jue-list-editor.h"
#include "jue-window-private.h"

/* ---- the finding being looked at ------------------------------------- */

static void
update_bar (JueWindow *self)
{
  gboolean shown = self->finding_rule != NULL && g_strcmp0 (self->section_id, "findings") != 0;

  gtk_revealer_set_reveal_child (GTK_REVEALER (self->finding_bar), shown);
  /* a revealer that is closed still takes the keyboard focus into its child */
  gtk_widget_set_visible (self->finding_bar, shown);
}

void
jue_window_nav_section_shown (JueWindow *self)
{
  if (self->finding_bar)
    update_bar (self);
}

void
jue_window_nav_forget (JueWindow *self)
{
  g_clear_pointer (&self->finding_rule, g_free);
  g_clear_pointer (&self->finding_path, g_free);
  if (self->finding_bar)
    update_bar (self);
}

/* The index of the finding (rule, path) in the findings, or -1. */
static gint
finding_index (JueWindow  *self,
               const char *rule,
               const char *path)
{
  GListModel *findings = jue_session_get_findings (self->session);
  guint n = g_list_model_get_n_items (findings);

  for (guint i = 0; rule && i < n; i++)
    {
      g_autoptr (JueFindingItem) item = g_list_model_get_item (findings, i);
      const JueFinding *f = jue_finding_item_get_finding (item);

      if (g_strcmp0 (f->rule, rule) == 0 && g_strcmp0 (f->path, path) == 0)
        return (gint) i;
    }
  return -1;
}

gboolean
jue_window_goto_finding (JueWindow  *self,
                         const char *rule,
                         const char *path)
{
  GListModel *findings;
  gint index;

  if (self->session == NULL)
    return FALSE;
  findings = jue_session_get_findings (self->session);
  index = finding_index (self, rule, path);
  g_free (self->finding_rule);
  g_free (self->finding_path);
  self->finding_rule = g_strdup (rule);
  self->finding_path = g_strdup (path);
  if (index >= 0)
    {
      g_autoptr (JueFindingItem) item = g_list_model_get_item (findings, (guint) index);
      const JueFinding *f = jue_finding_item_get_finding (item);
      g_autofree char *where = g_strdup_printf (_("Finding %d of %u"), index + 1,
                                                g_list_model_get_n_items (findings));

      gtk_label_set_text (GTK_LABEL (self->finding_label), f->message);
      gtk_widget_set_tooltip_text (self->finding_label, f->message);
      gtk_label_set_text (GTK_LABEL (self->finding_count), where);
    }
  if (!jue_window_goto_field (self, path))
    {
      /* a finding on a list with no rows: its section, at least */
      JueSection *section = jue_sections_find_for_path (self->sections, path);
      if (section)
        jue_window_show_section (self, section->id);
    }
  update_bar (self);
  return TRUE;
}

gboolean
jue_window_back_to_findings (JueWindow *self)
{
  GtkWidget *page;

  if (self->session == NULL || self->finding_rule == NULL)
    return FALSE;
  jue_session_flush_fields (self->session);
  jue_window_show_section (self, "findings");
  page = jue_window_get_page (self, "findings");
  return jue_findings_page_focus_finding (JUE_FINDINGS_PAGE (page), self->finding_rule,
                                          self->finding_path);
}

/* The finding after (step 1) or before (-1) the one last gone to, round
 * the list; the first when none was. */
gboolean
jue_window_step_finding (JueWindow *self,
                         int        step)
{
  GListModel *findings;
  g_autoptr (JueFindingItem) item = NULL;
  guint n;
  gint at;
  const JueFinding *f;

  if (self->session == NULL)
    return FALSE;
  jue_session_flush_fields (self->session);
  findings = jue_session_get_findings (self->session);
  n = g_list_model_get_n_items (findings);
  if (n == 0)
    return FALSE;
  at = finding_index (self, self->finding_rule, self->finding_path);
  if (at < 0)
    at = step > 0 ? 0 : (gint) n - 1;
  else
    at = (at + step + (gint) n) % (gint) n;
  item = g_list_model_get_item (findings, (guint) at);
  f = jue_finding_item_get_finding (item);
  return jue_window_goto_finding (self, f->rule, f->path);
}

static void
on_goto_finding_action (GtkWidget  *widget,
                        const char *action,
                        GVariant   *param)
{
  const char *rule, *path;

  g_variant_get (param, "(&s&s)", &rule, &path);
  jue_window_goto_finding (JUE_WINDOW (widget), rule, path);
}

static void
on_back_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  jue_window_back_to_findings (JUE_WINDOW (widget));
}

static void
on_step_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  jue_window_step_finding (JUE_WINDOW (widget),
                           g_str_equal (action, "win.next-finding") ? 1 : -1);
}

/* ---- Alt+A ------------------------------------------------------------ */

static void
collect_adds (GtkWidget *root,
              GPtrArray *adds)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      if (gtk_widget_has_css_class (c, "jue-add-button"))
        {
          if (gtk_widget_get_mapped (c) && gtk_widget_is_sensitive (c))
            g_ptr_array_add (adds, c);
          continue;
        }
      collect_adds (c, adds);
    }
}

/* In a table or list: a row added to it.  Elsewhere: the cursor on the
 * page's first Add, and each Alt+A more on the next (Enter then adds). */
void
jue_window_add_row (JueWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (GTK_STACK (self->pages));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  g_autoptr (GPtrArray) adds = g_ptr_array_new ();
  GtkWidget *container = NULL;

  if (self->session == NULL || page == NULL || jue_session_is_read_only (self->session))
    return;
  collect_adds (page, adds);
  if (adds->len == 0)
    return;
  for (guint i = 0; focus && i < adds->len; i++)
    if (focus == adds->pdata[i] || gtk_widget_is_ancestor (focus, adds->pdata[i]))
      {
        gtk_widget_grab_focus (adds->pdata[(i + 1) % adds->len]);
        return;
      }
  if (focus && gtk_widget_is_ancestor (focus, page))
    {
      container = gtk_widget_get_ancestor (focus, JUE_TYPE_LIST_EDITOR);
    }
  for (guint i = 0; container && i < adds->len; i++)
    if (gtk_widget_get_ancestor (adds->pdata[i], G_OBJECT_TYPE (container)) == container)
      {
        GtkWidget *add = adds->pdata[i];
        gtk_widget_activate_action (add, gtk_actionable_get_action_name (GTK_ACTIONABLE (add)),
                                    NULL);
        return;
      }
  gtk_widget_grab_focus (adds->pdata[0]);
}

static void
on_add_row_action (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  jue_window_add_row (JUE_WINDOW (widget));
}

/* ---- setting up ------------------------------------------------------- */

void
jue_window_nav_init (JueWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *back = gtk_button_new ();
  GtkWidget *back_content = adw_button_content_new ();
  GtkWidget *next = gtk_button_new_from_icon_name ("go-down-symbolic");
  GtkWidget *previous = gtk_button_new_from_icon_name ("go-up-symbolic");
  GtkWidget *steps = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (back_content), "go-previous-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (back_content), _("Back to Findings"));
  gtk_button_set_child (GTK_BUTTON (back), back_content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "win.back-to-findings");
  gtk_widget_set_tooltip_text (back, _("Back to the findings, at this finding (Alt+Left)"));
  gtk_widget_add_css_class (back, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (previous), "win.previous-finding");
  gtk_widget_set_tooltip_text (previous, _("Previous finding (Shift+F8)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (next), "win.next-finding");
  gtk_widget_set_tooltip_text (next, _("Next finding (F8)"));
  gtk_widget_add_css_class (previous, "flat");
  gtk_widget_add_css_class (next, "flat");
  gtk_box_append (GTK_BOX (steps), previous);
  gtk_box_append (GTK_BOX (steps), next);

  self->finding_label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->finding_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (self->finding_label), 0);
  gtk_widget_set_hexpand (self->finding_label, TRUE);
  self->finding_count = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->finding_count, "dim-label");
  gtk_widget_add_css_class (self->finding_count, "numeric");

  gtk_box_append (GTK_BOX (box), back);
  gtk_box_append (GTK_BOX (box), self->finding_label);
  gtk_box_append (GTK_BOX (box), self->finding_count);
  gtk_box_append (GTK_BOX (box), steps);
  gtk_widget_add_css_class (box, "jue-finding-bar");

  self->finding_bar = gtk_revealer_new ();
  /* at once: the field gone to keeps its place on screen below it */
  gtk_revealer_set_transition_type (GTK_REVEALER (self->finding_bar),
                                    GTK_REVEALER_TRANSITION_TYPE_NONE);
  gtk_revealer_set_child (GTK_REVEALER (self->finding_bar), box);
  gtk_widget_set_visible (self->finding_bar, FALSE);
  gtk_box_insert_child_after (GTK_BOX (self->content), self->finding_bar, self->banner);
}

void
jue_window_nav_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.goto-finding", "(ss)",
                                   on_goto_finding_action);
  gtk_widget_class_install_action (widget_class, "win.back-to-findings", NULL, on_back_action);
  gtk_widget_class_install_action (widget_class, "win.next-finding", NULL, on_step_action);
  gtk_widget_class_install_action (widget_class, "win.previous-finding", NULL, on_step_action);
  gtk_widget_class_install_action (widget_class, "win.add-row", NULL, on_add_row_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.back-to-findings", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK,
                                       "win.back-to-findings", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.next-finding", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, GDK_SHIFT_MASK,
                                       "win.previous-finding", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_ALT_MASK, "win.add-row",
                                       NULL);
}
