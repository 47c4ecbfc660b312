/* jue-choice-cell.c — a closed choice in a table cell: a menu button
 * showing the choice, whose list is made when first opened.  A
 * GtkDropDown builds its popover, list view and item factory (from a
 * GtkBuilder template) with every cell: in a table of indicators, four
 * per row, that was a sixth of the time a page took to build. */
#include "config.h"

#include "jue-choice-cell.h"

struct _JueChoiceCell {
  GtkWidget           parent_instance;

  GtkWidget          *button;
  GtkWidget          *label;
  GtkWidget          *list;     /* made when first opened */
  const char         *none;     /* position 0 */
  const char * const *values;   /* positions 1… */
  guint               n_values; /* with none */
  guint               selected;
};

enum { PROP_0, PROP_SELECTED, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (JueChoiceCell, jue_choice_cell, GTK_TYPE_WIDGET)

static const char *
value_at (JueChoiceCell *self,
          guint          position)
{
  return position == 0 ? self->none : self->values[position - 1];
}

static void
show_selected (JueChoiceCell *self)
{
  gtk_label_set_text (GTK_LABEL (self->label),
                      self->selected < self->n_values ? value_at (self, self->selected) : "");
}

static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  JueChoiceCell *self)
{
  jue_choice_cell_set_selected (self, (guint) gtk_list_box_row_get_index (row));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
  gtk_widget_grab_focus (self->button);
}

static void
on_popover_shown (GtkPopover    *popover,
                  JueChoiceCell *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list),
                                                      self->selected < self->n_values
                                                        ? (int) self->selected : 0);

  gtk_list_box_select_row (GTK_LIST_BOX (self->list), row);
  if (row)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
make_list (GtkMenuButton *button,
           gpointer       user_data)
{
  JueChoiceCell *self = user_data;
  GtkWidget *popover, *scroller;

  if (self->list)
    return;
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_SINGLE);
  for (guint i = 0; i < self->n_values; i++)
    {
      GtkWidget *label = gtk_label_new (value_at (self, i));

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 4);
      gtk_widget_set_margin_bottom (label, 4);
      gtk_list_box_append (GTK_LIST_BOX (self->list), label);
    }
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 400);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->list);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_add_css_class (popover, "menu");
  g_signal_connect (popover, "show", G_CALLBACK (on_popover_shown), self);
  gtk_menu_button_set_popover (button, popover);
}

guint
jue_choice_cell_get_selected (JueChoiceCell *self)
{
  g_return_val_if_fail (JUE_IS_CHOICE_CELL (self), GTK_INVALID_LIST_POSITION);
  return self->selected;
}

void
jue_choice_cell_set_selected (JueChoiceCell *self,
                              guint          position)
{
  g_return_if_fail (JUE_IS_CHOICE_CELL (self));
  if (position >= self->n_values)
    position = GTK_INVALID_LIST_POSITION;
  if (position == self->selected)
    return;
  self->selected = position;
  show_selected (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

void
jue_choice_cell_popup (JueChoiceCell *self)
{
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->button));
}

static void
jue_choice_cell_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JueChoiceCell *self = JUE_CHOICE_CELL (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jue_choice_cell_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  JueChoiceCell *self = JUE_CHOICE_CELL (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      jue_choice_cell_set_selected (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jue_choice_cell_dispose (GObject *object)
{
  JueChoiceCell *self = JUE_CHOICE_CELL (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);
  G_OBJECT_CLASS (jue_choice_cell_parent_class)->dispose (object);
}

static gboolean
jue_choice_cell_grab_focus (GtkWidget *widget)
{
  JueChoiceCell *self = JUE_CHOICE_CELL (widget);

  return self->button && gtk_widget_grab_focus (self->button);
}

static gboolean
jue_choice_cell_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  JueChoiceCell *self = JUE_CHOICE_CELL (widget);

  return self->button && gtk_widget_child_focus (self->button, direction);
}

static void
jue_choice_cell_class_init (JueChoiceCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = jue_choice_cell_get_property;
  object_class->set_property = jue_choice_cell_set_property;
  object_class->dispose = jue_choice_cell_dispose;
  widget_class->grab_focus = jue_choice_cell_grab_focus;
  widget_class->focus = jue_choice_cell_focus;
  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jue-choice");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
jue_choice_cell_init (JueChoiceCell *self)
{
  self->selected = GTK_INVALID_LIST_POSITION;
  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->label, TRUE);
  {
    /* the arrow at the cell's end, as a drop-down has it */
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

    gtk_box_append (GTK_BOX (box), self->label);
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("pan-down-symbolic"));
    self->button = gtk_menu_button_new ();
    gtk_menu_button_set_child (GTK_MENU_BUTTON (self->button), box);
  }
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->button), make_list, self, NULL);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
}

GtkWidget *
jue_choice_cell_new (const char         *none,
                     const char * const *values)
{
  JueChoiceCell *self = g_object_new (JUE_TYPE_CHOICE_CELL, NULL);

  self->none = none;
  self->values = values;
  self->n_values = 1 + g_strv_length ((char **) values);
  show_selected (self);
  return GTK_WIDGET (self);
}
