/* jue-lazy-rows.c — the rows of a long grid built as they are wanted. */
#include "config.h"

#include "jue-lazy-rows.h"

/* Rows built at a time as the page is scrolled */
#define MORE_ROWS 16

struct _JueLazyRows {
  GtkWidget        *owner;
  GtkGrid          *grid;
  JueLazyBuildFunc  build;
  GtkWidget        *spacer;       /* stands for the rows not built yet */
  guint             built;
  int               row_height;   /* with the grid's row spacing */
  GtkAdjustment    *vadjustment;  /* the page's, while mapped */
  guint             tick;
  JueLazyFocusFunc  focus_moved;
  GtkWidget        *root;         /* the window, while mapped */
};

JueLazyRows *
jue_lazy_rows_new (GtkWidget        *owner,
                   GtkGrid          *grid,
                   JueLazyBuildFunc  build)
{
  JueLazyRows *self = g_new0 (JueLazyRows, 1);

  self->owner = owner;
  self->grid = grid;
  self->build = build;
  return self;
}

void
jue_lazy_rows_set_focus_func (JueLazyRows      *self,
                              JueLazyFocusFunc  focus_moved)
{
  self->focus_moved = focus_moved;
}

static void
on_focus_moved (GtkWindow   *window,
                GParamSpec  *pspec,
                JueLazyRows *self)
{
  self->focus_moved (self->owner, gtk_root_get_focus (GTK_ROOT (window)));
}

void
jue_lazy_rows_free (JueLazyRows *self)
{
  if (self == NULL)
    return;
  jue_lazy_rows_unmap (self);
  g_free (self);
}

/* The page's scroller: the nearest one that scrolls up and down (a table
 * wider than the page has one of its own that only scrolls sideways). */
static GtkWidget *
page_scroller (GtkWidget *owner)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (owner, GTK_TYPE_SCROLLED_WINDOW);

  while (scroller)
    {
      GtkPolicyType vertical;

      gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (scroller), NULL, &vertical);
      if (vertical != GTK_POLICY_NEVER)
        return scroller;
      scroller = gtk_widget_get_parent (scroller);
      scroller = scroller ? gtk_widget_get_ancestor (scroller, GTK_TYPE_SCROLLED_WINDOW) : NULL;
    }
  return NULL;
}

/* While the spacer is within half a screen below the part shown of the
 * page, more rows; looked at again after each layout until it is not. */
static gboolean
build_while_near (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  JueLazyRows *self = data;
  GtkWidget *scroller, *content;
  double x, y, value, page;

  scroller = page_scroller (self->owner);
  content = scroller ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)) : NULL;
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (self->spacer == NULL || self->vadjustment == NULL || content == NULL)
    {
      self->tick = 0;
      return G_SOURCE_REMOVE;
    }
  /* the rows just built are not laid out yet: look again after they are */
  if (gtk_widget_get_height (self->spacer) == 0)
    return G_SOURCE_CONTINUE;
  /* where the spacer is on the page, against the part of the page shown
   * (positions on the page do not move as it scrolls) */
  value = gtk_adjustment_get_value (self->vadjustment);
  page = gtk_adjustment_get_page_size (self->vadjustment);
  if (page <= 0 || !gtk_widget_translate_coordinates (self->spacer, content, 0, 0, &x, &y) ||
      y > value + 1.5 * page)
    {
      self->tick = 0;
      return G_SOURCE_REMOVE;
    }
  self->build (self->owner, self->built + MAX (MORE_ROWS,
                                               (guint) ((value + 1.5 * page - y) /
                                                        MAX (1, self->row_height)) + 1));
  return G_SOURCE_CONTINUE;
}

void
jue_lazy_rows_check_near (JueLazyRows *self)
{
  if (self->tick == 0 && self->spacer && gtk_widget_get_mapped (self->owner))
    self->tick = gtk_widget_add_tick_callback (self->owner, build_while_near, self, NULL);
}

static void
on_page_scrolled (GtkAdjustment *adjustment,
                  JueLazyRows   *self)
{
  jue_lazy_rows_check_near (self);
}

void
jue_lazy_rows_map (JueLazyRows *self)
{
  GtkWidget *scroller = page_scroller (self->owner);

  if (scroller && self->vadjustment == NULL)
    {
      self->vadjustment = g_object_ref (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)));
      g_signal_connect (self->vadjustment, "value-changed", G_CALLBACK (on_page_scrolled), self);
      g_signal_connect (self->vadjustment, "changed", G_CALLBACK (on_page_scrolled), self);
    }
  if (self->focus_moved && self->root == NULL && GTK_IS_WINDOW (gtk_widget_get_root (self->owner)))
    {
      self->root = GTK_WIDGET (gtk_widget_get_root (self->owner));
      g_signal_connect (self->root, "notify::focus-widget", G_CALLBACK (on_focus_moved), self);
    }
  jue_lazy_rows_check_near (self);
}

void
jue_lazy_rows_unmap (JueLazyRows *self)
{
  if (self->vadjustment)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->vadjustment);
  if (self->root)
    g_signal_handlers_disconnect_by_data (self->root, self);
  self->root = NULL;
  if (self->tick)
    gtk_widget_remove_tick_callback (self->owner, self->tick);
  self->tick = 0;
}

void
jue_lazy_rows_take_spacer (JueLazyRows *self,
                           gboolean     kept)
{
  if (self->spacer && kept)
    gtk_grid_remove (self->grid, self->spacer);
  self->spacer = NULL;
  if (!kept)
    self->built = 0;
}

void
jue_lazy_rows_built (JueLazyRows *self,
                     guint        built,
                     guint        n_rows,
                     int          at,
                     int          columns,
                     GtkWidget   *sample)
{
  int spacing = gtk_grid_get_row_spacing (self->grid);

  self->built = built;
  if (built >= n_rows)
    return;
  if (self->row_height <= 0)
    {
      int natural = 0;

      if (sample)
        gtk_widget_measure (sample, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
      self->row_height = MAX (natural, 24) + spacing;
    }
  /* a new spacer each time: build_while_near tells one not laid out yet
   * by its zero height */
  self->spacer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_size_request (self->spacer, -1,
                               (int) (n_rows - built) * self->row_height - spacing);
  gtk_grid_attach (self->grid, self->spacer, 0, at, columns, 1);
}

gboolean
jue_lazy_rows_pending (JueLazyRows *self)
{
  return self->spacer != NULL;
}

guint
jue_lazy_rows_get_built (JueLazyRows *self)
{
  return self->built;
}
