/* jue-find-popover.c — search over section titles, field labels and the
 * values typed into the fields (a name, a figure: 招商引资, 329.53). */
#include "config.h"
#include <glib/gi18n-lib.h>
#include <string.h>

#include "jue-find-popover.h"

#define MAX_RESULTS 60

typedef struct {
  char *label;      /* "Indicators 3 › Weight" */
  char *section;    /* the section's title */
  char *haystack;   /* casefolded label, section and path */
  char *value;      /* the field's value as shown, or NULL */
  char *value_hay;  /* …casefolded, with an amount's exact form too */
  char *path;       /* field path, or NULL for a section */
  char *section_id;
} Entry;

struct _JueFindPopover {
  GtkPopover  parent_instance;

  GtkWidget  *entry;
  GtkWidget  *results;
  GtkWidget  *status;

  JueSession *session;
  GPtrArray  *sections;   /* borrowed */
  GPtrArray  *index;      /* Entry*, built when the popover opens */
};

G_DEFINE_FINAL_TYPE (JueFindPopover, jue_find_popover, GTK_TYPE_POPOVER)

static void
entry_free (Entry *e)
{
  g_free (e->label);
  g_free (e->section);
  g_free (e->haystack);
  g_free (e->value);
  g_free (e->value_hay);
  g_free (e->path);
  g_free (e->section_id);
  g_free (e);
}

static Entry *
add_entry (JueFindPopover   *self,
           const JueSection *section,
           const char       *label,
           const char       *path)
{
  Entry *e = g_new0 (Entry, 1);
  g_autofree char *hay = g_strdup_printf ("%s\n%s\n%s", label, section->title, path ? path : "");

  e->label = g_strdup (label);
  e->section = g_strdup (section->title);
  e->haystack = g_utf8_casefold (hay, -1);
  e->path = g_strdup (path);
  e->section_id = g_strdup (section->id);
  g_ptr_array_add (self->index, e);
  return e;
}

typedef struct {
  JueFindPopover   *self;
  const JueSection *section;
} Walk;

static void
add_field (const char        *path,
           const JueFieldRef *ref,
           gpointer           user_data)
{
  Walk *walk = user_data;
  g_autofree char *label = jue_path_describe (jue_session_get_report (walk->self->session), path);
  Entry *e = add_entry (walk->self, walk->section, label, path);
  g_autofree char *text = jue_field_get_text (ref);
  const char *unreadable = jue_field_get_unreadable (ref);

  if (unreadable)
    {
      g_free (text);
      text = g_strdup (unreadable);
    }
  if (text == NULL || *text == '\0')
    return;
  if (ref->def->kind == JUE_KIND_AMOUNT && unreadable == NULL)
    {
      /* as shown (329.53) and as stored, exactly (329.530000 is not typed) */
      g_autofree char *shown = jue_amount_display (*(JueAmount *) ref->ptr);
      g_autofree char *both = g_strdup_printf ("%s\n%s", shown, text);

      e->value = g_steal_pointer (&shown);
      e->value_hay = g_utf8_casefold (both, -1);
    }
  else
    {
      e->value_hay = g_utf8_casefold (text, -1);
      e->value = g_steal_pointer (&text);
    }
}

static void
build_index (JueFindPopover *self)
{
  g_clear_pointer (&self->index, g_ptr_array_unref);
  self->index = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  if (self->session == NULL || self->sections == NULL)
    return;
  for (guint i = 0; i < self->sections->len; i++)
    {
      const JueSection *s = self->sections->pdata[i];
      add_entry (self, s, s->title, NULL);
    }
  for (guint i = 0; i < self->sections->len; i++)
    {
      const JueSection *s = self->sections->pdata[i];
      Walk walk = { self, s };

      if (s->kind != JUE_SECTION_FORM)
        continue;
      for (guint k = 0; s->prefixes[k]; k++)
        jue_report_foreach (jue_session_get_report (self->session), s->prefixes[k],
                            add_field, &walk, NULL);
    }
}

#define VALUE_CONTEXT 16   /* characters shown each side of a match in a value */

/* The part of a long value around where it matches word. */
static char *
value_excerpt (const char *value,
               const char *word)
{
  g_autofree char *folded = g_utf8_casefold (value, -1);
  const char *at = word && *word ? strstr (folded, word) : NULL;
  glong n = g_utf8_strlen (value, -1);
  glong start = 0, end;
  GString *out;

  if (at && g_utf8_strlen (folded, -1) == n)
    start = MAX (0, g_utf8_pointer_to_offset (folded, at) - VALUE_CONTEXT);
  end = MIN (n, start + 2 * VALUE_CONTEXT + (word ? g_utf8_strlen (word, -1) : 0));
  out = g_string_new (start > 0 ? "…" : "");
  g_string_append_len (out, g_utf8_offset_to_pointer (value, start),
                       g_utf8_offset_to_pointer (value, end) - g_utf8_offset_to_pointer (value, start));
  if (end < n)
    g_string_append (out, "…");
  for (char *p = out->str; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return g_string_free (out, FALSE);
}

static GtkWidget *
result_row (const Entry *e,
            const char  *value_word)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (e->label);
  GtkWidget *where = gtk_label_new (e->path ? e->section : _("Section"));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_START);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_widget_add_css_class (where, "dim-label");
  gtk_widget_add_css_class (where, "caption");
  gtk_box_append (GTK_BOX (box), title);
  if (value_word)
    {
      g_autofree char *excerpt = value_excerpt (e->value, value_word);
      GtkWidget *value = gtk_label_new (excerpt);

      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (value), 40);
      gtk_widget_add_css_class (value, "jue-find-value");
      gtk_box_append (GTK_BOX (box), value);
    }
  gtk_box_append (GTK_BOX (box), where);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, e->label);
  g_object_set_data (G_OBJECT (row), "entry", (gpointer) e);
  return row;
}

guint
jue_find_popover_search (JueFindPopover *self,
                         const char     *query)
{
  g_autofree char *needle = g_utf8_casefold (query ? query : "", -1);
  g_auto (GStrv) words = g_strsplit_set (g_strstrip (needle), " \t", -1);
  GtkWidget *child;
  guint n = 0, shown = 0;
  g_autofree char *status = NULL;

  if (self->index == NULL)
    build_index (self);
  while ((child = gtk_widget_get_first_child (self->results)))
    gtk_list_box_remove (GTK_LIST_BOX (self->results), child);
  if (*needle == '\0')
    {
      gtk_label_set_text (GTK_LABEL (self->status),
                          _("Type part of a field or section name, or of a value"));
      return 0;
    }
  for (guint i = 0; i < self->index->len; i++)
    {
      const Entry *e = self->index->pdata[i];
      gboolean all = TRUE;
      const char *in_value = NULL;   /* a word found in the value only */

      /* each word in the name, the section, the path or the value */
      for (guint w = 0; words[w] && all; w++)
        {
          if (*words[w] == '\0' || strstr (e->haystack, words[w]))
            continue;
          if (e->value_hay && strstr (e->value_hay, words[w]))
            in_value = in_value ? in_value : words[w];
          else
            all = FALSE;
        }
      if (!all)
        continue;
      n++;
      if (shown < MAX_RESULTS)
        {
          gtk_list_box_append (GTK_LIST_BOX (self->results), result_row (e, in_value));
          shown++;
        }
    }
  if (n == 0)
    status = g_strdup (_("No field, section or value has that text"));
  else if (n > shown)
    status = g_strdup_printf (_("Showing %u of %u matches"), shown, n);
  gtk_label_set_text (GTK_LABEL (self->status), status ? status : "");
  gtk_widget_set_visible (self->status, status != NULL);
  if (shown)
    gtk_list_box_select_row (GTK_LIST_BOX (self->results),
                             gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->results), 0));
  return n;
}

static void
go (JueFindPopover *self,
    const Entry    *e)
{
  gtk_popover_popdown (GTK_POPOVER (self));
  if (e->path)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.goto-field", "s", e->path);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-section", "s", e->section_id);
}

static void
on_search_changed (JueFindPopover *self)
{
  jue_find_popover_search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
on_entry_activate (JueFindPopover *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->results));

  if (row)
    go (self, g_object_get_data (G_OBJECT (row), "entry"));
}

static void
on_next_match (JueFindPopover *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->results));

  if (row)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
on_row_activated (GtkListBox     *box,
                  GtkListBoxRow  *row,
                  JueFindPopover *self)
{
  go (self, g_object_get_data (G_OBJECT (row), "entry"));
}

/* Down from the search entry goes into the results. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                JueFindPopover        *self)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->results), 1);
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->results), 0);
  if (row)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  return row != NULL;
}

static void
on_show (JueFindPopover *self)
{
  build_index (self);   /* labels and list rows change while editing */
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
  gtk_widget_grab_focus (self->entry);
  on_search_changed (self);
}

static void
jue_find_popover_dispose (GObject *object)
{
  JueFindPopover *self = JUE_FIND_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JUE_TYPE_FIND_POPOVER);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (jue_find_popover_parent_class)->dispose (object);
}

static void
jue_find_popover_finalize (GObject *object)
{
  JueFindPopover *self = JUE_FIND_POPOVER (object);

  g_clear_pointer (&self->index, g_ptr_array_unref);
  G_OBJECT_CLASS (jue_find_popover_parent_class)->finalize (object);
}

static void
jue_find_popover_class_init (JueFindPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jue_find_popover_dispose;
  object_class->finalize = jue_find_popover_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/juesuan/Juesuan/ui/jue-find-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, JueFindPopover, entry);
  gtk_widget_class_bind_template_child (widget_class, JueFindPopover, results);
  gtk_widget_class_bind_template_child (widget_class, JueFindPopover, status);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_next_match);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
jue_find_popover_init (JueFindPopover *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (self->entry, keys);
  g_signal_connect (self, "show", G_CALLBACK (on_show), NULL);
}

void
jue_find_popover_set_session (JueFindPopover *self,
                              JueSession     *session,
                              GPtrArray      *sections)
{
  g_set_object (&self->session, session);
  self->sections = sections;
  g_clear_pointer (&self->index, g_ptr_array_unref);
}
