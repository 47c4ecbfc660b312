/* jue-report-page.c — the document as it will print (jue-report-page.h).
 *
 * The page is a column of blocks, one per section of the document: a
 * heading with Copy, the text as a label whose figures are links
 * (jue_narrative_new_linked), and the chart the section refers to.  After
 * an edit, once typing pauses (and only while the page is shown), the text
 * is written again from the figures and only the blocks whose text changed
 * are set again; the widgets are built anew only when the document's
 * shape changes (a special fund added, a text section removed).
 *
 * Widgets are made a screenful and more at a time, as the page is scrolled
 * towards its end (as the findings are): a ×20 report has over a thousand
 * blocks, and laying them all out took seconds before the page showed.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jue-chart-data.h"
#include "jue-chart-draw.h"
#include "jue-narrative.h"
#include "jue-report-page.h"
#include "jue-sections.h"
#include "jue-window-private.h"

/* typing pauses: the text is written again after this long without an edit */
#define UPDATE_DELAY_MS 300
/* blocks made at a time */
#define CHUNK 24

typedef enum {
  BLOCK_PART,       /* a Part's title */
  BLOCK_SECTION,    /* heading, text, chart, caption; Copy */
  BLOCK_NOTE,       /* a line of explanation */
} BlockKind;

typedef struct {
  BlockKind  kind;
  char      *id;
  char      *heading;   /* linked text, or NULL */
  char      *body;      /* linked text: paragraphs, one a line */
  char      *caption;
  char      *figure;    /* chart id, or NULL */
  char      *plain;     /* what Copy copies */
  /* widgets */
  GtkWidget *heading_label;
  GtkWidget *body_label;
  GtkWidget *caption_label;
  GtkWidget *chart;
  GtkWidget *copy;
} Block;

struct _JueReportPage {
  GtkWidget   parent_instance;

  GtkWidget  *scroller;
  GtkWidget  *box;

  JueSession *session;
  GPtrArray  *blocks;      /* Block*, in order */
  guint       built;       /* blocks 0 … built-1 have their widgets */
  guint       more_id;     /* idle making the next blocks */
  GPtrArray  *charts;      /* JueChart* of the last update */
  guint       update_id;
  gboolean    dirty;       /* an edit came while the page was not shown */
  double      update_ms;
  guint       n_rewritten;
};

G_DEFINE_FINAL_TYPE (JueReportPage, jue_report_page, GTK_TYPE_WIDGET)

static void
block_free (Block *b)
{
  g_free (b->id);
  g_free (b->heading);
  g_free (b->body);
  g_free (b->caption);
  g_free (b->figure);
  g_free (b->plain);
  g_free (b);
}

static Block *
block_new (BlockKind   kind,
           const char *id)
{
  Block *b = g_new0 (Block, 1);

  b->kind = kind;
  b->id = g_strdup (id);
  return b;
}

/* ---- the text ------------------------------------------------------------ */

/* Linked text (JUE_NARRATIVE_LINK_*) as Pango markup with <a> links. */
static char *
linked_to_markup (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text ? text : "";

  while (*p)
    {
      const char *start = strchr (p, JUE_NARRATIVE_LINK_START);
      const char *mid, *end;
      g_autofree char *plain = NULL;
      g_autofree char *href = NULL;
      g_autofree char *shown = NULL;

      if (start == NULL)
        start = p + strlen (p);
      plain = g_markup_escape_text (p, (gssize) (start - p));
      g_string_append (out, plain);
      if (*start == '\0')
        break;
      mid = strchr (start, JUE_NARRATIVE_LINK_MID);
      end = mid ? strchr (mid, JUE_NARRATIVE_LINK_END) : NULL;
      if (end == NULL)
        break;
      href = g_markup_escape_text (start + 1, (gssize) (mid - start - 1));
      shown = g_markup_escape_text (mid + 1, (gssize) (end - mid - 1));
      g_string_append_printf (out, "<a href=\"%s\">%s</a>", href, shown);
      p = end + 1;
    }
  return g_string_free (out, FALSE);
}

/* Paragraphs one a line, each indented two characters as printed. */
static char *
join_paragraphs (GPtrArray *paragraphs)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      if (i)
        g_string_append_c (out, '\n');
      g_string_append (out, "\u3000\u3000");
      g_string_append (out, paragraphs->pdata[i]);
    }
  return g_string_free (out, FALSE);
}

static char *
link_to (const char *path,
         const char *text)
{
  return g_strdup_printf ("%c%s%c%s%c", JUE_NARRATIVE_LINK_START, path, JUE_NARRATIVE_LINK_MID,
                          text, JUE_NARRATIVE_LINK_END);
}

static void
add_narrative_part (GPtrArray              *blocks,
                    const JueNarrativePart *part)
{
  Block *title = block_new (BLOCK_PART, part->id);

  title->heading = g_strdup (part->title ? part->title : "");
  g_ptr_array_add (blocks, title);
  for (guint k = 0; k < part->sections->len; k++)
    {
      const JueNarrativeSection *s = part->sections->pdata[k];
      Block *b = block_new (BLOCK_SECTION, s->id);
      g_autofree char *text = jue_narrative_section_text (s);

      b->heading = g_strdup (s->heading && *s->heading ? s->heading : NULL);
      b->body = join_paragraphs (s->paragraphs);
      b->caption = g_strdup (s->caption);
      b->figure = g_strdup (s->figure);
      b->plain = jue_narrative_strip_links (text);
      g_ptr_array_add (blocks, b);
    }
}

/* An attachment's typed texts: its title, then each text section (the
 * heading a link to the text, to edit it there). */
static void
add_attachment (GPtrArray        *blocks,
                const JuePhrases *phrases,
                guint             number,
                const char       *path,
                const char       *title,
                GPtrArray        *sections)
{
  g_autofree char *id = g_strdup_printf ("attachment-%u", number);
  g_autofree char *label = g_strdup_printf ("附件%u", number);
  const char *blank = jue_phrases_lookup (phrases, "common", "blank", NULL);
  Block *head = block_new (BLOCK_SECTION, id);

  head->heading = g_strdup (label);
  head->body = g_strdup (title && *title ? title : "");
  head->plain = g_strdup_printf ("%s\n%s\n", label, head->body);
  g_ptr_array_add (blocks, head);
  for (guint i = 0; i < sections->len; i++)
    {
      JueTextSection *s = sections->pdata[i];
      g_autofree char *sid = g_strdup_printf ("attachment-%u.%u", number, i);
      g_autofree char *body_path = g_strdup_printf ("%s.sections[%u].body", path, i);
      const char *heading = s->title && *s->title ? s->title : _("(no heading)");
      g_auto (GStrv) lines = g_strsplit (s->body ? s->body : "", "\n", -1);
      GString *body = g_string_new (NULL);
      GString *plain = g_string_new (NULL);
      Block *b = block_new (BLOCK_SECTION, sid);

      for (guint k = 0; lines[k]; k++)
        if (*g_strstrip (lines[k]))
          {
            if (body->len)
              g_string_append_c (body, '\n');
            g_string_append (body, "\u3000\u3000");
            g_string_append (body, lines[k]);
            g_string_append_printf (plain, "%s\n", lines[k]);
          }
      if (body->len == 0)
        {
          g_autofree char *mark = link_to (body_path, blank ? blank : "");
          g_string_append (body, mark);
        }
      b->heading = link_to (body_path, heading);
      b->body = g_string_free (body, FALSE);
      b->plain = s->title && *s->title ? g_strdup_printf ("%s\n%s", s->title, plain->str)
                                        : g_strdup (plain->str);
      g_string_free (plain, TRUE);
      g_ptr_array_add (blocks, b);
    }
}

/* Every block of the document, Parts 1 to 4 in the template's order. */
static GPtrArray *
document_blocks (JueReportPage *self)
{
  JueReport *report = jue_session_get_report (self->session);
  GPtrArray *classification =
    jue_document_get_classification (jue_session_get_document (self->session));
  g_autoptr (JueNarrative) n = jue_narrative_new_linked (report,
                                                         jue_session_get_computed (self->session),
                                                         classification);
  const JuePhrases *phrases = n->phrases;
  g_autoptr (GHashTable) vars = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_auto (GStrv) order = jue_phrases_list (phrases, "document", "order");
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);

  g_hash_table_insert (vars, "dept", g_strdup (report->profile.name ? report->profile.name : ""));
  g_hash_table_insert (vars, "year", jue_integer_canonical (report->profile.year));
  for (guint i = 0; order && order[i]; i++)
    {
      const JueNarrativePart *part = jue_narrative_get_part (n, order[i]);
      g_autofree char *key = g_strconcat (order[i], "_title", NULL);
      g_autofree char *title = jue_phrases_expand (phrases, "document", key, vars, NULL);

      if (part)
        add_narrative_part (blocks, part);
      else if (strcmp (order[i], "attachments") == 0)
        {
          Block *b = block_new (BLOCK_PART, order[i]);
          g_autofree char *dept_title = jue_narrative_dept_eval_title (report);

          b->heading = g_strdup (title ? title : "");
          g_ptr_array_add (blocks, b);
          add_attachment (blocks, phrases, 1, "dept_eval", dept_title,
                          report->dept_eval.sections);
          for (guint f = 0; f < report->special_funds->len; f++)
            {
              JueSpecialFund *fund = report->special_funds->pdata[f];
              g_autofree char *path = g_strdup_printf ("special_funds[%u]", f);
              const char *t = fund->title && *fund->title ? fund->title : fund->project_name;

              add_attachment (blocks, phrases, f + 2, path, t, fund->sections);
            }
        }
      else if (strcmp (order[i], "tables") == 0)
        {
          Block *b = block_new (BLOCK_PART, order[i]);
          Block *note = block_new (BLOCK_NOTE, "tables-note");

          b->heading = g_strdup (title ? title : "");
          note->body = g_strdup (_("The published tables follow here in the printed document "
                                   "(Print, or Export the Document as PDF)."));
          g_ptr_array_add (blocks, b);
          g_ptr_array_add (blocks, note);
        }
    }
  return blocks;
}

/* ---- widgets ------------------------------------------------------------- */

static void
go_to_path (JueReportPage *self,
            const char    *path)
{
  JueReport *report = jue_session_get_report (self->session);
  g_autofree char *target = g_strdup (path);
  JueFieldRef ref;

  /* a computed figure goes to the nearest field it is written under
   * (income.grand_total → the income lines); one under no field at all
   * (functional_classes[0].share) to its section */
  while (!jue_report_resolve (report, target, &ref, NULL))
    {
      char *cut = MAX (strrchr (target, '.'), strrchr (target, '['));
      if (cut == NULL)
        {
          g_free (target);
          target = g_strdup (path);
          break;
        }
      *cut = '\0';
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "win.goto-field", "s", target);
}

static gboolean
on_activate_link (GtkLabel      *label,
                  const char    *uri,
                  JueReportPage *self)
{
  go_to_path (self, uri);
  return TRUE;
}

static void
on_copy_clicked (GtkButton     *button,
                 JueReportPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "block-id");
  const char *text = jue_report_page_get_text (self, id);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (text == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);
  if (JUE_IS_WINDOW (root))
    jue_window_toast (JUE_WINDOW (root), _("Copied to the clipboard"));
}

static const JueChart *
find_chart (JueReportPage *self,
            const char    *id)
{
  for (guint i = 0; self->charts && i < self->charts->len; i++)
    {
      const JueChart *c = self->charts->pdata[i];
      if (g_strcmp0 (c->id, id) == 0)
        return c;
    }
  return NULL;
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  JueReportPage *self = data;
  const JueChart *chart = find_chart (self, g_object_get_data (G_OBJECT (area), "chart-id"));

  if (chart == NULL)
    return;
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  jue_chart_draw (chart, cr, width, height);
}

static GtkWidget *
text_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
set_linked (GtkWidget  *label,
            const char *linked)
{
  g_autofree char *markup = linked_to_markup (linked);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_widget_set_visible (label, linked && *linked);
}

static void
build_block (JueReportPage *self,
             Block         *b)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  switch (b->kind)
    {
    case BLOCK_PART:
      b->heading_label = text_label ("title-2");
      gtk_label_set_selectable (GTK_LABEL (b->heading_label), FALSE);
      gtk_label_set_xalign (GTK_LABEL (b->heading_label), 0.5);
      gtk_widget_set_margin_top (box, 24);
      set_linked (b->heading_label, b->heading);
      gtk_box_append (GTK_BOX (box), b->heading_label);
      break;
    case BLOCK_NOTE:
      b->body_label = text_label ("dim-label");
      set_linked (b->body_label, b->body);
      gtk_box_append (GTK_BOX (box), b->body_label);
      break;
    case BLOCK_SECTION:
    default:
      {
        GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

        b->heading_label = text_label ("heading");
        gtk_widget_set_hexpand (b->heading_label, TRUE);
        gtk_widget_set_valign (b->heading_label, GTK_ALIGN_CENTER);
        b->copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
        gtk_widget_add_css_class (b->copy, "flat");
        gtk_widget_set_valign (b->copy, GTK_ALIGN_START);
        /* at the end of the row, also where the section has no heading */
        gtk_widget_set_halign (b->copy, GTK_ALIGN_END);
        gtk_widget_set_hexpand (b->copy, TRUE);
        gtk_widget_set_tooltip_text (b->copy, _("Copy this section's text"));
        gtk_accessible_update_property (GTK_ACCESSIBLE (b->copy),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy"), -1);
        g_object_set_data_full (G_OBJECT (b->copy), "block-id", g_strdup (b->id), g_free);
        g_signal_connect (b->copy, "clicked", G_CALLBACK (on_copy_clicked), self);
        gtk_box_append (GTK_BOX (row), b->heading_label);
        gtk_box_append (GTK_BOX (row), b->copy);
        gtk_box_append (GTK_BOX (box), row);
        set_linked (b->heading_label, b->heading);
        g_signal_connect (b->heading_label, "activate-link", G_CALLBACK (on_activate_link), self);

        b->body_label = text_label (NULL);
        set_linked (b->body_label, b->body);
        gtk_box_append (GTK_BOX (box), b->body_label);
        if (b->figure)
          {
            b->chart = gtk_drawing_area_new ();
            g_object_set_data_full (G_OBJECT (b->chart), "chart-id", g_strdup (b->figure), g_free);
            /* the natural size at 96 dpi: points × 4/3 */
            gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (b->chart),
                                                (int) (JUE_CHART_WIDTH * 4 / 3));
            gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (b->chart),
                                                 (int) (JUE_CHART_HEIGHT * 4 / 3));
            gtk_widget_set_halign (b->chart, GTK_ALIGN_CENTER);
            gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (b->chart), draw_chart, self, NULL);
            gtk_box_append (GTK_BOX (box), b->chart);
          }
        b->caption_label = text_label ("caption");
        gtk_label_set_xalign (GTK_LABEL (b->caption_label), 0.5);
        set_linked (b->caption_label, b->caption);
        gtk_box_append (GTK_BOX (box), b->caption_label);
        /* a heading-only section (五、…) has nothing of its own to copy */
        gtk_widget_set_visible (b->copy, b->body && *b->body);
      }
      break;
    }
  if (b->body_label)
    g_signal_connect (b->body_label, "activate-link", G_CALLBACK (on_activate_link), self);
  gtk_box_append (GTK_BOX (self->box), box);
}

static void
build_blocks (JueReportPage *self,
              guint          upto)
{
  for (; self->blocks && self->built < MIN (upto, self->blocks->len); self->built++)
    build_block (self, self->blocks->pdata[self->built]);
}

/* The last block made within two screens below what is shown: make the
 * next ones.  Measured once the layout has caught up. */
static gboolean
build_more (gpointer data)
{
  JueReportPage *self = data;
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  double page = gtk_adjustment_get_page_size (adj);
  double bottom = gtk_adjustment_get_upper (adj);

  self->more_id = 0;
  if (bottom <= gtk_adjustment_get_value (adj) + 3 * page)
    build_blocks (self, self->built + CHUNK);
  return G_SOURCE_REMOVE;
}

static void
on_scrolled (GtkAdjustment *adj,
             JueReportPage *self)
{
  if (self->more_id == 0 && self->blocks && self->built < self->blocks->len)
    self->more_id = g_idle_add (build_more, self);
}

static gboolean
same_shape (GPtrArray *a,
            GPtrArray *b)
{
  if (a == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      Block *x = a->pdata[i], *y = b->pdata[i];
      if (x->kind != y->kind || strcmp (x->id, y->id) != 0 || g_strcmp0 (x->figure, y->figure) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Moves what changed from fresh into old and sets it in old's widgets. */
static gboolean
update_block (Block *old,
              Block *fresh)
{
  gboolean changed = FALSE;

#define TAKE(field, widget)                                              \
  if (g_strcmp0 (old->field, fresh->field) != 0)                         \
    {                                                                    \
      g_free (old->field);                                               \
      old->field = g_steal_pointer (&fresh->field);                      \
      if (old->widget)                                                   \
        set_linked (old->widget, old->field);                            \
      changed = TRUE;                                                    \
    }
  TAKE (heading, heading_label)
  TAKE (body, body_label)
  TAKE (caption, caption_label)
#undef TAKE
  if (g_strcmp0 (old->plain, fresh->plain) != 0)
    {
      g_free (old->plain);
      old->plain = g_steal_pointer (&fresh->plain);
    }
  if (old->copy)
    gtk_widget_set_visible (old->copy, old->body && *old->body);
  return changed;
}

static void
update (JueReportPage *self)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr (GPtrArray) fresh = NULL;
  GtkWidget *child;

  g_clear_handle_id (&self->update_id, g_source_remove);
  self->dirty = FALSE;
  self->n_rewritten = 0;
  if (self->session == NULL)
    return;
  fresh = document_blocks (self);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  self->charts = jue_charts_new (jue_session_get_report (self->session),
                                 jue_session_get_computed (self->session),
                                 jue_document_get_classification (
                                   jue_session_get_document (self->session)));
  if (same_shape (self->blocks, fresh))
    {
      for (guint i = 0; i < fresh->len; i++)
        {
          Block *old = self->blocks->pdata[i];

          if (update_block (old, fresh->pdata[i]))
            self->n_rewritten++;
          if (old->chart)
            gtk_widget_queue_draw (old->chart);
        }
    }
  else
    {
      while ((child = gtk_widget_get_first_child (self->box)))
        gtk_box_remove (GTK_BOX (self->box), child);
      g_clear_pointer (&self->blocks, g_ptr_array_unref);
      self->blocks = g_steal_pointer (&fresh);
      self->built = 0;
      build_blocks (self, CHUNK);
      self->n_rewritten = self->blocks->len;
    }
  self->update_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_debug ("report page: %u of %u blocks written in %.1f ms", self->n_rewritten,
           self->blocks->len, self->update_ms);
}

static gboolean
update_timeout (gpointer data)
{
  JueReportPage *self = data;

  self->update_id = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

static void
on_session_changed (JueSession    *session,
                    int            kind,
                    const char    *path,
                    JueReportPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  /* wait until typing pauses */
  g_clear_handle_id (&self->update_id, g_source_remove);
  self->update_id = g_timeout_add (UPDATE_DELAY_MS, update_timeout, self);
}

static void
jue_report_page_map (GtkWidget *widget)
{
  JueReportPage *self = JUE_REPORT_PAGE (widget);

  GTK_WIDGET_CLASS (jue_report_page_parent_class)->map (widget);
  if (self->dirty)
    update (self);
}

/* ---- object -------------------------------------------------------------- */

static void
jue_report_page_dispose (GObject *object)
{
  JueReportPage *self = JUE_REPORT_PAGE (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_handle_id (&self->more_id, g_source_remove);
  if (self->session)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  G_OBJECT_CLASS (jue_report_page_parent_class)->dispose (object);
}

static void
jue_report_page_class_init (JueReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jue_report_page_dispose;
  widget_class->map = jue_report_page_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jue_report_page_init (JueReportPage *self)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkAdjustment *adj;

  self->scroller = gtk_scrolled_window_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->box, 24);
  gtk_widget_set_margin_bottom (self->box, 48);
  gtk_widget_set_margin_start (self->box, 18);
  gtk_widget_set_margin_end (self->box, 18);
  gtk_widget_add_css_class (self->box, "jue-report");
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  g_signal_connect (adj, "value-changed", G_CALLBACK (on_scrolled), self);
  g_signal_connect (adj, "changed", G_CALLBACK (on_scrolled), self);
}

GtkWidget *
jue_report_page_new (JueSession *session)
{
  JueReportPage *self = g_object_new (JUE_TYPE_REPORT_PAGE, NULL);

  self->session = g_object_ref (session);
  g_signal_connect (session, "changed", G_CALLBACK (on_session_changed), self);
  update (self);
  return GTK_WIDGET (self);
}

void
jue_report_page_update_now (JueReportPage *self)
{
  g_return_if_fail (JUE_IS_REPORT_PAGE (self));
  if (self->update_id || self->dirty)
    update (self);
}

gboolean
jue_report_page_is_pending (JueReportPage *self)
{
  g_return_val_if_fail (JUE_IS_REPORT_PAGE (self), FALSE);
  return self->update_id != 0 || self->dirty;
}

double
jue_report_page_get_update_ms (JueReportPage *self)
{
  g_return_val_if_fail (JUE_IS_REPORT_PAGE (self), 0);
  return self->update_ms;
}

guint
jue_report_page_get_n_rewritten (JueReportPage *self)
{
  g_return_val_if_fail (JUE_IS_REPORT_PAGE (self), 0);
  return self->n_rewritten;
}

static Block *
find_block (JueReportPage *self,
            const char    *id,
            gboolean       build)
{
  for (guint i = 0; id && self->blocks && i < self->blocks->len; i++)
    {
      Block *b = self->blocks->pdata[i];
      if (strcmp (b->id, id) == 0)
        {
          if (build)
            build_blocks (self, i + 1);
          return b;
        }
    }
  return NULL;
}

const char *
jue_report_page_get_text (JueReportPage *self,
                          const char    *id)
{
  Block *b;

  g_return_val_if_fail (JUE_IS_REPORT_PAGE (self), NULL);
  b = find_block (self, id, FALSE);
  return b ? b->plain : NULL;
}

GtkWidget *
jue_report_page_get_label (JueReportPage *self,
                           const char    *id)
{
  Block *b;

  g_return_val_if_fail (JUE_IS_REPORT_PAGE (self), NULL);
  b = find_block (self, id, TRUE);
  return b ? b->body_label : NULL;
}

GtkWidget *
jue_report_page_get_copy_button (JueReportPage *self,
                                 const char    *id)
{
  Block *b;

  g_return_val_if_fail (JUE_IS_REPORT_PAGE (self), NULL);
  b = find_block (self, id, TRUE);
  return b ? b->copy : NULL;
}
