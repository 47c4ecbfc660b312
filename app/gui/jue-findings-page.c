/* jue-findings-page.c — the list of findings. */
#include "config.h"
#include <glib/gi18n-lib.h>

#include "jue-finding-row.h"
#include "jue-findings-page.h"
#include "jue-sections.h"

/* Rows are built a screenful and more at a time, as the list is scrolled
 * towards its end: a ×20 report has hundreds of findings, and building
 * every row (wrapped labels, an entry each) took seconds before the page
 * was shown.  Rows 0 … built-1 always show items 0 … built-1. */
#define CHUNK 40

struct _JueFindingsPage {
  GtkWidget   parent_instance;

  GtkWidget  *stack;
  GtkWidget  *summary;
  GtkWidget  *list;
  GtkWidget  *missing_heading;
  GtkWidget  *missing_note;
  GtkWidget  *missing_list;
  GtkWidget  *scroller;

  JueSession *session;
  guint       built;      /* rows made, from the top */
  guint       more_id;    /* idle building the next rows */
};

G_DEFINE_FINAL_TYPE (JueFindingsPage, jue_findings_page, GTK_TYPE_WIDGET)

static void
build_rows (JueFindingsPage *self,
            guint            upto)
{
  GListModel *model = jue_session_get_findings (self->session);
  guint n = MIN (upto, g_list_model_get_n_items (model));

  for (; self->built < n; self->built++)
    {
      g_autoptr (JueFindingItem) item = g_list_model_get_item (model, self->built);
      gtk_list_box_append (GTK_LIST_BOX (self->list), jue_finding_row_new (self->session, item));
    }
}

static void
remove_rows (JueFindingsPage *self,
             guint            position,
             guint            count)
{
  for (guint i = 0; i < count; i++)
    gtk_list_box_remove (GTK_LIST_BOX (self->list),
                         GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list),
                                                                    (int) position)));
  self->built -= count;
}

static void
on_items_changed (GListModel      *model,
                  guint            position,
                  guint            removed,
                  guint            added,
                  JueFindingsPage *self)
{
  guint before = self->built;

  if (position < before)
    {
      remove_rows (self, position, MIN (position + removed, before) - position);
      if (position + added <= before)
        for (guint i = 0; i < added; i++)
          {
            g_autoptr (JueFindingItem) item = g_list_model_get_item (model, position + i);
            gtk_list_box_insert (GTK_LIST_BOX (self->list),
                                 jue_finding_row_new (self->session, item), (int) (position + i));
            self->built++;
          }
      else
        {
          /* more new rows than were shown: the shown ones again, no more */
          remove_rows (self, position, self->built - position);
          build_rows (self, before);
        }
    }
  build_rows (self, CHUNK);
}

/* The last row built within two screens below what is shown (whatever
 * follows the list): build the next rows.  Measured once the layout has
 * caught up (an idle after the scroll or the growth that asked), in the
 * scrolled content's own coordinates. */
static gboolean
build_more (gpointer data)
{
  JueFindingsPage *self = data;
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller));
  GtkWidget *content = GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport))
                                                  : viewport;
  double page = gtk_adjustment_get_page_size (adj);
  double x, bottom;

  self->more_id = 0;
  if (content && gtk_widget_translate_coordinates (self->list, content, 0,
                                                   gtk_widget_get_height (self->list),
                                                   &x, &bottom) &&
      bottom <= gtk_adjustment_get_value (adj) + 3 * page)
    build_rows (self, self->built + CHUNK);
  return G_SOURCE_REMOVE;
}

static void
on_scrolled (GtkAdjustment   *adj,
             JueFindingsPage *self)
{
  if (self->more_id == 0 && self->session &&
      self->built < g_list_model_get_n_items (jue_session_get_findings (self->session)))
    self->more_id = g_idle_add (build_more, self);
}

/* An item a finished report still lacks: what, and where; Enter goes there. */
static GtkWidget *
create_missing_row (gpointer item,
                    gpointer user_data)
{
  JueFindingsPage *self = user_data;
  const JueFinding *f = jue_finding_item_get_finding (item);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *message = gtk_label_new (f->message);
  g_autofree char *where = jue_path_describe (jue_session_get_report (self->session), f->path);
  g_autofree char *location = f->explanation
    ? g_strdup_printf (_("%s · explained: %s"), where, f->explanation) : g_strdup (where);
  GtkWidget *place = gtk_label_new (location);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (place), 0);
  gtk_label_set_wrap (GTK_LABEL (place), TRUE);
  gtk_widget_add_css_class (place, "dim-label");
  gtk_widget_add_css_class (place, "caption");
  gtk_box_append (GTK_BOX (box), message);
  gtk_box_append (GTK_BOX (box), place);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  f->message, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, location, -1);
  g_object_set_data_full (G_OBJECT (row), "path", g_strdup (f->path), g_free);
  return row;
}

static void
on_missing_activated (GtkListBox      *box,
                      GtkListBoxRow   *row,
                      JueFindingsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.goto-field", "s",
                              g_object_get_data (G_OBJECT (row), "path"));
}

static void
update_summary (JueFindingsPage *self)
{
  GListModel *missing = jue_session_get_missing (self->session);
  guint n_missing = g_list_model_get_n_items (missing);
  const JueCompleteness *done = jue_session_get_completeness (self->session);
  g_autofree char *heading = NULL;
  GListModel *model = jue_session_get_findings (self->session);
  guint n = g_list_model_get_n_items (model);
  guint counts[JUE_N_SEVERITIES] = { 0 };
  guint explained = 0;
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *hints = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JueFindingItem) item = g_list_model_get_item (model, i);
      const JueFinding *f = jue_finding_item_get_finding (item);

      counts[f->severity]++;
      if (f->explanation && *f->explanation)
        explained++;
    }
  errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors",
                                         counts[JUE_SEVERITY_ERROR]), counts[JUE_SEVERITY_ERROR]);
  warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                           counts[JUE_SEVERITY_WARNING]),
                              counts[JUE_SEVERITY_WARNING]);
  hints = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hint", "%u hints",
                                        counts[JUE_SEVERITY_HINT]), counts[JUE_SEVERITY_HINT]);
  /* Translators: "3 errors, 5 warnings, 2 hints; 4 explained" */
  text = g_strdup_printf (_("%s, %s, %s; %u explained"), errors, warnings, hints, explained);
  gtk_label_set_text (GTK_LABEL (self->summary), text);
  gtk_widget_set_visible (self->list, n > 0);
  /* Translators: the group of required items not filled in (未填) */
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Not filled in: %u item (%u%% of the report filled in)",
                                          "Not filled in: %u items (%u%% of the report filled in)",
                                          n_missing),
                             n_missing, jue_completeness_percent (done->filled, done->required));
  gtk_label_set_text (GTK_LABEL (self->missing_heading), heading);
  gtk_widget_set_visible (self->missing_heading, n_missing > 0);
  gtk_widget_set_visible (self->missing_note, n_missing > 0);
  gtk_widget_set_visible (self->missing_list, n_missing > 0);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), n || n_missing ? "list" : "empty");
}

static void
on_row_activated (GtkListBox      *box,
                  GtkListBoxRow   *row,
                  JueFindingsPage *self)
{
  const JueFinding *f = jue_finding_item_get_finding (jue_finding_row_get_item (JUE_FINDING_ROW (row)));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.goto-finding", "(ss)", f->rule, f->path);
}

static JueFindingRow *
find_row (GtkWidget  *root,
          const char *rule,
          const char *path)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      JueFindingRow *found;

      if (JUE_IS_FINDING_ROW (c))
        {
          const JueFinding *f =
            jue_finding_item_get_finding (jue_finding_row_get_item (JUE_FINDING_ROW (c)));
          if (g_strcmp0 (f->rule, rule) == 0 && g_strcmp0 (f->path, path) == 0)
            return JUE_FINDING_ROW (c);
          continue;
        }
      found = find_row (c, rule, path);
      if (found)
        return found;
    }
  return NULL;
}

gboolean
jue_findings_page_focus_finding (JueFindingsPage *self,
                                 const char      *rule,
                                 const char      *path)
{
  GListModel *model = jue_session_get_findings (self->session);
  JueFindingRow *row;
  GtkWidget *box;

  /* a finding further down than the rows built so far: build to it */
  for (guint i = self->built, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr (JueFindingItem) item = g_list_model_get_item (model, i);
      const JueFinding *f = jue_finding_item_get_finding (item);

      if (g_strcmp0 (f->rule, rule) == 0 && g_strcmp0 (f->path, path) == 0)
        {
          build_rows (self, i + 1);
          break;
        }
    }
  row = find_row (GTK_WIDGET (self), rule, path);

  if (row == NULL)
    return FALSE;
  box = gtk_widget_get_ancestor (GTK_WIDGET (row), GTK_TYPE_LIST_BOX);
  if (box && gtk_list_box_get_selection_mode (GTK_LIST_BOX (box)) != GTK_SELECTION_NONE)
    gtk_list_box_select_row (GTK_LIST_BOX (box), GTK_LIST_BOX_ROW (row));
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

static void
jue_findings_page_dispose (GObject *object)
{
  JueFindingsPage *self = JUE_FINDINGS_PAGE (object);

  if (self->session)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (jue_session_get_findings (self->session), self);
      g_signal_handlers_disconnect_by_data (jue_session_get_missing (self->session), self);
    }
  g_clear_handle_id (&self->more_id, g_source_remove);
  if (self->scroller)
    g_signal_handlers_disconnect_by_data (
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), JUE_TYPE_FINDINGS_PAGE);
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->session);
  G_OBJECT_CLASS (jue_findings_page_parent_class)->dispose (object);
}

static void
jue_findings_page_class_init (JueFindingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jue_findings_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/juesuan/Juesuan/ui/jue-findings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JueFindingsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, JueFindingsPage, summary);
  gtk_widget_class_bind_template_child (widget_class, JueFindingsPage, list);
  gtk_widget_class_bind_template_child (widget_class, JueFindingsPage, missing_heading);
  gtk_widget_class_bind_template_child (widget_class, JueFindingsPage, missing_note);
  gtk_widget_class_bind_template_child (widget_class, JueFindingsPage, missing_list);
  gtk_widget_class_bind_template_child (widget_class, JueFindingsPage, scroller);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_missing_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jue_findings_page_init (JueFindingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jue_findings_page_new (JueSession *session)
{
  JueFindingsPage *self = g_object_new (JUE_TYPE_FINDINGS_PAGE, NULL);
  GListModel *model = jue_session_get_findings (session);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));

  self->session = g_object_ref (session);
  build_rows (self, CHUNK);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), self);
  g_signal_connect (adj, "value-changed", G_CALLBACK (on_scrolled), self);
  g_signal_connect (adj, "changed", G_CALLBACK (on_scrolled), self);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (update_summary), self);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->missing_list), jue_session_get_missing (session),
                           create_missing_row, self, NULL);
  g_signal_connect_swapped (jue_session_get_missing (session), "items-changed",
                            G_CALLBACK (update_summary), self);
  g_signal_connect_swapped (session, "changed", G_CALLBACK (update_summary), self);
  update_summary (self);
  return GTK_WIDGET (self);
}
