/* jue-section-list.c — the sidebar of sections with problem counts. */
#include "config.h"
#include <glib/gi18n-lib.h>

#include "jue-field.h"
#include "jue-section-list.h"

struct _JueSectionList {
  GtkWidget  parent_instance;

  GtkWidget *scroller;
  GtkWidget *list;
  GtkWidget *total;
  guint      reveal_tick;   /* scrolling the selected row into view */
  guint      reveal_frames;

  GPtrArray *sections;   /* borrowed */
  guint      selecting : 1;
};

enum { SECTION_SELECTED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JueSectionList, jue_section_list, GTK_TYPE_WIDGET)

static GtkWidget *
badge_new (const char *css)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "jue-badge");
  gtk_widget_add_css_class (label, css);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static GtkWidget *
row_new (const JueSection *section)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (section->title);
  GtkWidget *errors = badge_new ("jue-badge-error");
  GtkWidget *warnings = badge_new ("jue-badge-warning");
  GtkWidget *progress = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  jue_widget_set_tooltip_later (title, section->title);
  if (g_str_has_prefix (section->id, "fund-"))
    gtk_widget_set_margin_start (box, 12);
  gtk_widget_add_css_class (progress, "dim-label");
  gtk_widget_add_css_class (progress, "numeric");
  gtk_widget_add_css_class (progress, "caption");
  gtk_widget_set_valign (progress, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (progress, FALSE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), progress);
  gtk_box_append (GTK_BOX (box), errors);
  gtk_box_append (GTK_BOX (box), warnings);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "section-id", g_strdup (section->id), g_free);
  g_object_set_data (G_OBJECT (row), "errors", errors);
  g_object_set_data (G_OBJECT (row), "warnings", warnings);
  g_object_set_data (G_OBJECT (row), "progress", progress);
  /* a copy: the rows outlive the sections while the list is replaced */
  g_object_set_data_full (G_OBJECT (row), "group", g_strdup (section->group), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  section->title, -1);
  return row;
}

/* A heading above the first section of a group (the published tables,
 * "第五部分 附表"). */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       data)
{
  const char *group = g_object_get_data (G_OBJECT (row), "group");
  const char *prev = before ? g_object_get_data (G_OBJECT (before), "group") : NULL;
  GtkWidget *header;

  if (group == NULL || g_strcmp0 (prev, group) == 0)
    {
      if (gtk_list_box_row_get_header (row))
        gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_list_box_row_get_header (row);
  if (header && g_strcmp0 (gtk_label_get_text (GTK_LABEL (header)), group) == 0)
    return;
  header = gtk_label_new (group);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "jue-sidebar-heading");
  gtk_list_box_row_set_header (row, header);
}

void
jue_section_list_set_sections (JueSectionList *self,
                               GPtrArray      *sections)
{
  GtkWidget *child;

  self->selecting = TRUE;
  while ((child = gtk_widget_get_first_child (self->list)))
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  self->sections = sections;
  for (guint i = 0; sections && i < sections->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), row_new (sections->pdata[i]));
  self->selecting = FALSE;
}

/* Scrolls the sidebar so that the selected row is in view; FALSE while
 * the row has no place yet (the list not laid out since it was filled). */
static gboolean
reveal_selected (JueSectionList *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list));
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  graphene_rect_t bounds;

  double value = gtk_adjustment_get_value (adj);

  if (row == NULL)
    return TRUE;
  /* where the row is seen now, in the sidebar's own coordinates */
  if (gtk_adjustment_get_page_size (adj) <= 0 ||
      !gtk_widget_compute_bounds (GTK_WIDGET (row), self->scroller, &bounds) ||
      bounds.size.height <= 0)
    return FALSE;
  /* with the list's margin around it, so the first row is seen whole */
  gtk_adjustment_clamp_page (adj, value + bounds.origin.y - 6,
                             value + bounds.origin.y + bounds.size.height + 6);
  return TRUE;
}

static gboolean
reveal_on_tick (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  JueSectionList *self = JUE_SECTION_LIST (widget);

  /* a list filled a moment ago is laid out by the next frame or two */
  if (reveal_selected (self) || ++self->reveal_frames > 60)
    {
      self->reveal_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

void
jue_section_list_select (JueSectionList *self,
                         const char     *id)
{
  self->selecting = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (self->list); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "section-id"), id) == 0)
      gtk_list_box_select_row (GTK_LIST_BOX (self->list), GTK_LIST_BOX_ROW (row));
  self->selecting = FALSE;
  /* a section shown from elsewhere (a finding, Find, the last session, the
   * next submission) is seen in the sidebar too, however long the list:
   * scrolled into view on the next frame, once the rows have their places */
  self->reveal_frames = 0;
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_on_tick,
                                                      NULL, NULL);
}

/* Counts are refreshed on every edit: touch a badge only when its number
 * changes (a tooltip change asks the X server where the pointer is). */
static gboolean
set_badge (GtkWidget *badge,
           guint      n)
{
  g_autofree char *text = g_strdup_printf ("%u", n);

  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (badge)), text) == 0)
    return FALSE;
  gtk_label_set_text (GTK_LABEL (badge), text);
  gtk_widget_set_visible (badge, n > 0);
  return TRUE;
}

/* How much of a section is filled in: "87%" beside its title (hidden when
 * it requires nothing), the counts in its tooltip.  The fund list sums
 * its funds.  Touched only when the text changes. */
static void
set_progress (GtkWidget        *label,
              const JueSection *s,
              JueSession       *session)
{
  const JueCompleteness *done = session ? jue_session_get_completeness (session) : NULL;
  guint filled = 0, required = 0;
  g_autofree char *text = NULL;

  if (done && s->kind == JUE_SECTION_FUNDS)
    for (guint k = 0; k < done->sections->len; k++)
      {
        const JueSectionProgress *p = done->sections->pdata[k];
        if (g_str_has_prefix (p->id, "fund-"))
          {
            filled += p->filled;
            required += p->required;
          }
      }
  else if (done)
    {
      const JueSectionProgress *p = jue_completeness_get_section (done, s->id);
      if (p)
        {
          filled = p->filled;
          required = p->required;
        }
    }
  text = required ? g_strdup_printf ("%u%%", jue_completeness_percent (filled, required))
                  : g_strdup ("");
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    {
      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_widget_set_visible (label, required > 0);
    }
  if (required)
    {
      g_autofree char *tip = g_strdup_printf (_("Filled in: %u of %u required items"), filled,
                                              required);
      jue_widget_set_tooltip_later (label, tip);
    }
}

void
jue_section_list_update_counts (JueSectionList *self,
                                JueSession     *session)
{
  guint i = 0;
  const JueCompleteness *done = session ? jue_session_get_completeness (session) : NULL;

  if (done)
    {
      /* Translators: the whole report's progress under the sidebar, 已填 87% */
      g_autofree char *total = g_strdup_printf (_("Filled in %u%%"),
                                                jue_completeness_percent (done->filled,
                                                                          done->required));
      g_autofree char *tip = g_strdup_printf (_("Filled in: %u of %u required items"),
                                              done->filled, done->required);

      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (self->total)), total) != 0)
        gtk_label_set_text (GTK_LABEL (self->total), total);
      jue_widget_set_tooltip_later (self->total, tip);
    }
  gtk_widget_set_visible (self->total, done != NULL);

  /* rows by index: the list's children include the group headings */
  for (GtkWidget *row; (row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list),
                                                                         (int) i))); i++)
    {
      const JueSection *s = self->sections->pdata[i];
      guint errors = 0, warnings = 0;
      g_autofree char *description = NULL;
      g_autofree char *e_text = NULL;
      g_autofree char *w_text = NULL;

      if (session == NULL)
        ;
      else if (s->kind == JUE_SECTION_FINDINGS)
        jue_session_count_findings (session, "", &errors, &warnings);
      else
        for (guint k = 0; s->prefixes[k]; k++)
          {
            guint e, w;
            jue_session_count_findings (session, s->prefixes[k], &e, &w);
            errors += e;
            warnings += w;
          }
      set_progress (g_object_get_data (G_OBJECT (row), "progress"), s, session);
      if (!set_badge (g_object_get_data (G_OBJECT (row), "errors"), errors) &&
          !set_badge (g_object_get_data (G_OBJECT (row), "warnings"), warnings))
        continue;
      set_badge (g_object_get_data (G_OBJECT (row), "warnings"), warnings);
      e_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors),
                                errors);
      w_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                             warnings), warnings);
      description = g_strdup_printf ("%s, %s", e_text, w_text);
      jue_widget_set_tooltip_later (g_object_get_data (G_OBJECT (row), "errors"), e_text);
      jue_widget_set_tooltip_later (g_object_get_data (G_OBJECT (row), "warnings"), w_text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
    }
}

static void
on_row_selected (GtkListBox     *box,
                 GtkListBoxRow  *row,
                 JueSectionList *self)
{
  if (row == NULL || self->selecting)
    return;
  g_signal_emit (self, signals[SECTION_SELECTED], 0,
                 g_object_get_data (G_OBJECT (row), "section-id"));
}

static void
on_row_activated (GtkListBox     *box,
                  GtkListBoxRow  *row,
                  JueSectionList *self)
{
  /* activating the selected row again still shows it (on a folded window) */
  g_signal_emit (self, signals[SECTION_SELECTED], 0,
                 g_object_get_data (G_OBJECT (row), "section-id"));
}

static void
jue_section_list_dispose (GObject *object)
{
  JueSectionList *self = JUE_SECTION_LIST (object);

  if (self->reveal_tick)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
      self->reveal_tick = 0;
    }
  gtk_widget_dispose_template (GTK_WIDGET (object), JUE_TYPE_SECTION_LIST);
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
      gtk_widget_unparent (child);
  }
  G_OBJECT_CLASS (jue_section_list_parent_class)->dispose (object);
}

static void
jue_section_list_class_init (JueSectionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jue_section_list_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/juesuan/Juesuan/ui/jue-section-list.ui");
  gtk_widget_class_bind_template_child (widget_class, JueSectionList, scroller);
  gtk_widget_class_bind_template_child (widget_class, JueSectionList, list);
  gtk_widget_class_bind_template_child (widget_class, JueSectionList, total);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_NAVIGATION);

  signals[SECTION_SELECTED] = g_signal_new ("section-selected", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
jue_section_list_init (JueSectionList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (GTK_LIST_BOX (self->list), update_header, NULL, NULL);
}

GtkWidget *
jue_section_list_new (void)
{
  return g_object_new (JUE_TYPE_SECTION_LIST, NULL);
}
