/* jue-form-page.c — one section's form, generated from the descriptors. */
#include "config.h"
#include <glib/gi18n-lib.h>
#include <string.h>

#include "jue-empty-table-group.h"
#include "jue-field.h"
#include "jue-list-editor.h"
#include "jue-form-page.h"
#include "jue-render.h"
#include "jue-sections.h"

#define FORM_WIDTH  820   /* records read best in a column */
#define TABLE_WIDTH 1600  /* tables use what the window gives them */

struct _JueFormPage {
  GtkWidget   parent_instance;

  GtkWidget  *scroller;
  GtkWidget  *box;

  JueSession *session;
  char       *section_id;
  GHashTable *computed;     /* parent path → GPtrArray of computed paths */
  GHashTable *last_group;   /* record path → its last AdwPreferencesGroup */
  GtkWidget  *classes;      /* class subtotals (functional), rebuilt on change */
  GtkWidget  *table_label;  /* which classification the codes are checked against */
};

G_DEFINE_FINAL_TYPE (JueFormPage, jue_form_page, GTK_TYPE_WIDGET)

const char *
jue_computed_short_name (const char *path)
{
  const char *last = strrchr (path, '.');

  last = last ? last + 1 : path;
  if (g_str_equal (last, "share"))
    return _("Share");
  if (g_str_equal (last, "completion"))
    return _("Completion");
  if (g_str_equal (last, "change"))
    return _("Change");
  if (g_str_equal (last, "change_pct"))
    return _("Change %");
  if (g_str_equal (last, "score"))
    return _("Score");
  return jue_computed_describe (path);
}

static char *
parent_of (const char *path)
{
  const char *dot = strrchr (path, '.');
  return dot ? g_strndup (path, (gsize) (dot - path)) : g_strdup ("");
}

static void
collect_computed (const char     *path,
                  const JueValue *value,
                  gpointer        user_data)
{
  JueFormPage *self = user_data;
  g_autofree char *parent = parent_of (path);
  GPtrArray *paths = g_hash_table_lookup (self->computed, parent);

  if (paths == NULL)
    {
      paths = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (self->computed, g_strdup (parent), paths);
    }
  g_ptr_array_add (paths, g_strdup (path));
}

static GtkWidget *
clamp (GtkWidget *child,
       int        width)
{
  GtkWidget *c = adw_clamp_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (c), width);
  /* a form eases in towards its width; a table takes all it is given,
   * up to its width, since every pixel shows more of its names */
  adw_clamp_set_tightening_threshold (ADW_CLAMP (c), width == TABLE_WIDTH ? width
                                                                          : MIN (width, 600));
  adw_clamp_set_child (ADW_CLAMP (c), child);
  return c;
}

static GtkWidget *
add_group (JueFormPage *self,
           const char  *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (self->box), clamp (group, FORM_WIDTH));
  return group;
}

static GtkWidget *
computed_row_new (JueFormPage *self,
                  const char  *path)
{
  GtkWidget *row = adw_action_row_new ();
  const char *description = jue_computed_describe (path);
  GtkWidget *label = jue_computed_label_new (self->session, path);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), description ? description : path);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_widget_add_css_class (row, "jue-computed-row");
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  jue_widget_set_tooltip_later (row, _("Computed from what is typed; cannot be edited"));
  return row;
}

/* "Share 49.00%" beside a field whose computed values hang off its path. */
static void
add_field_computed (JueFormPage *self,
                    GtkWidget   *row,
                    const char  *path)
{
  GPtrArray *paths = g_hash_table_lookup (self->computed, path);

  for (guint i = 0; paths && i < paths->len; i++)
    {
      const char *cpath = paths->pdata[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *name = gtk_label_new (jue_computed_short_name (cpath));

      gtk_widget_add_css_class (name, "dim-label");
      gtk_widget_add_css_class (name, "caption");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), jue_computed_label_new (self->session, cpath));
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      jue_widget_set_tooltip_later (box, jue_computed_describe (cpath));
      gtk_widget_add_css_class (box, "jue-computed-suffix");
      if (ADW_IS_ENTRY_ROW (row))
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), box);
      else if (ADW_IS_ACTION_ROW (row))
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
    }
}

static void build_record (JueFormPage *self, const char *prefix,
                          const JueRecordDef *def, const char *title);

static GtkWidget *table_label_new (JueFormPage *self);
static void build_computed_only (JueFormPage *self, const char *prefix);

/* The published tables whose pages type figures of the list (the
 * functional rows' split, hidden in the list): a link to each page whose
 * rows are the list alone ("在表6中填写"), rather than the columns twice. */
static GtkWidget *
table_links_new (JueFormPage *self,
                 const char  *list)
{
  JueReport *report = jue_session_get_report (self->session);
  g_autoptr (GPtrArray) sections = jue_sections_for_report (report);
  const JueTemplate *tmpl = jue_render_report_template (report, NULL);
  g_autofree char *prefix = g_strdup_printf ("%s[N].", list);
  GtkWidget *box = NULL;

  for (guint i = 0; i < sections->len; i++)
    {
      const JueSection *s = sections->pdata[i];
      gboolean owns = FALSE;
      g_autofree char *label = NULL;
      GtkWidget *button;

      if (s->kind != JUE_SECTION_TABLE || g_strcmp0 (s->rows, list) != 0)
        continue;
      for (guint k = 0; s->owns[k]; k++)
        owns = owns || g_str_has_prefix (s->owns[k], prefix);
      if (!owns)
        continue;
      if (box == NULL)
        {
          GtkWidget *text = gtk_label_new (g_str_equal (list, "functional")
                                           ? _("The split of each row into basic and project "
                                               "expenditure is typed in the published table.")
                                           : _("As printed in the published tables:"));

          box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          gtk_widget_add_css_class (box, "jue-table-links");
          gtk_label_set_wrap (GTK_LABEL (text), TRUE);
          gtk_label_set_xalign (GTK_LABEL (text), 0);
          gtk_widget_add_css_class (text, "dim-label");
          gtk_box_append (GTK_BOX (box), text);
        }
      /* Translators: a link to a published table's page, 在表6中填写 */
      label = g_strdup_printf (_("Fill in on %s"), jue_template_table (tmpl, s->table)->number);
      button = gtk_button_new_with_label (label);
      gtk_widget_add_css_class (button, "link");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-section");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", s->id);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

static void
build_list (JueFormPage       *self,
            const char        *path,
            const JueFieldDef *f)
{
  if (jue_list_is_tabular (f->extra))
    {
      GtkWidget *table = jue_list_editor_new (self->session, path, f, NULL);
      GtkWidget *links = table_links_new (self, path);

      if (links)
        jue_list_editor_add_note (JUE_LIST_EDITOR (table), links);
      /* the functional codes: under the title, which table checks them */
      if (g_str_equal (path, "functional"))
        jue_list_editor_add_note (JUE_LIST_EDITOR (table), table_label_new (self));
      gtk_box_append (GTK_BOX (self->box), clamp (table, TABLE_WIDTH));
      /* values of the list as a whole (economic.unsplit_personnel) */
      build_computed_only (self, path);
    }
  else
    gtk_box_append (GTK_BOX (self->box),
                    clamp (jue_list_editor_new (self->session, path, f, NULL), FORM_WIDTH));
}

/* Computed values of a record that are not a field's: totals, scores.  A
 * value under a name that is not a field ("three_public.total.budget")
 * belongs to the record too. */
static void
add_record_computed (JueFormPage        *self,
                     const char         *prefix,
                     const JueRecordDef *def,
                     const char         *title)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr (GPtrArray) parents = g_ptr_array_new ();
  GtkWidget *group = g_hash_table_lookup (self->last_group, prefix);

  g_hash_table_iter_init (&iter, self->computed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *parent = key;
      const char *rest;
      gboolean is_field = FALSE;

      if (!g_str_equal (parent, prefix) &&
          !(g_str_has_prefix (parent, prefix) && parent[strlen (prefix)] == '.'))
        continue;
      rest = parent[strlen (prefix)] ? parent + strlen (prefix) + 1 : "";
      if (strchr (rest, '.') || strchr (rest, '['))
        continue;
      for (guint i = 0; *rest && i < def->n_fields; i++)
        if (g_str_equal (def->fields[i].name, rest))
          is_field = TRUE;
      if (!is_field)
        g_ptr_array_add (parents, key);
    }
  g_ptr_array_sort (parents, (GCompareFunc) g_strcmp0);   /* stable order: own values first */
  for (guint k = 0; k < parents->len; k++)
    {
      GPtrArray *paths = g_hash_table_lookup (self->computed, parents->pdata[k]);
      for (guint i = 0; i < paths->len; i++)
        {
          if (group == NULL)
            group = add_group (self, title);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     computed_row_new (self, paths->pdata[i]));
        }
    }
}

static void
build_record (JueFormPage        *self,
              const char         *prefix,
              const JueRecordDef *def,
              const char         *title)
{
  GtkWidget *group = NULL;
  gboolean first = TRUE;

  for (guint i = 0; i < def->n_fields; i++)
    {
      const JueFieldDef *f = &def->fields[i];
      g_autofree char *path = g_strdup_printf ("%s.%s", prefix, f->name);
      GtkWidget *row;

      if (f->kind == JUE_KIND_RECORD)
        {
          build_record (self, path, f->extra, _(f->label));
          group = NULL;
          continue;
        }
      if (f->kind == JUE_KIND_LIST)
        {
          build_list (self, path, f);
          group = NULL;
          continue;
        }
      if (group == NULL)
        {
          group = add_group (self, first ? title : NULL);
          first = FALSE;
          g_hash_table_insert (self->last_group, g_strdup (prefix), group);
        }
      row = jue_field_row_new (self->session, path, f);
      add_field_computed (self, row, path);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  add_record_computed (self, prefix, def, title);
}

/* Class (类) subtotals of the functional table: one line per class. */
static void
build_classes (JueFormPage *self)
{
  const JueComputed *computed = jue_session_get_computed (self->session);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *old = self->classes;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Class subtotals"));
  for (guint i = 0; computed->functional_classes && i < computed->functional_classes->len; i++)
    {
      const JueFunctionalClassComputed *c =
        &g_array_index (computed->functional_classes, JueFunctionalClassComputed, i);
      g_autofree char *title = g_strdup_printf ("%s %s", c->code, c->name ? c->name : "");
      GtkWidget *row = adw_action_row_new ();
      static const char *const parts[] = { "budget", "actual", "share", "completion" };

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_strstrip (title));
      gtk_widget_set_focusable (row, FALSE);
      gtk_widget_add_css_class (row, "jue-computed-row");
      for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
        {
          g_autofree char *path = g_strdup_printf ("functional_classes[%u].%s", i, parts[k]);
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
          GtkWidget *caption = gtk_label_new (jue_computed_short_name (path));
          const char *description = jue_computed_describe (path);

          if (k < 2)
            gtk_label_set_text (GTK_LABEL (caption), k == 0 ? _("Budget") : _("Actual"));
          gtk_widget_add_css_class (caption, "dim-label");
          gtk_widget_add_css_class (caption, "caption");
          gtk_box_append (GTK_BOX (box), caption);
          gtk_box_append (GTK_BOX (box), jue_computed_label_new (self->session, path));
          jue_widget_set_tooltip_later (box, description);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (old)
    {
      GtkWidget *c = gtk_widget_get_parent (old);
      adw_clamp_set_child (ADW_CLAMP (c), group);
    }
  else
    gtk_box_append (GTK_BOX (self->box), clamp (group, FORM_WIDTH));
  self->classes = group;
}

/* Totals that belong to no record ("balance.difference",
 * "functional_total.actual"). */
static void
build_computed_only (JueFormPage *self,
                     const char  *prefix)
{
  GtkWidget *group = NULL;
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr (GPtrArray) parents = g_ptr_array_new ();

  if (g_str_equal (prefix, "functional_classes"))
    {
      build_classes (self);
      return;
    }
  g_hash_table_iter_init (&iter, self->computed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_equal (key, prefix))
      g_ptr_array_add (parents, key);
  for (guint k = 0; k < parents->len; k++)
    {
      GPtrArray *paths = g_hash_table_lookup (self->computed, parents->pdata[k]);
      for (guint i = 0; i < paths->len; i++)
        {
          if (group == NULL)
            group = add_group (self, _("Computed totals"));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     computed_row_new (self, paths->pdata[i]));
        }
    }
}

/* Says which table the functional codes are checked against, so that a
 * hint about a code missing from the partial built-in table is read in
 * its light. */
static void
update_table_label (JueFormPage *self)
{
  GPtrArray *imported = jue_document_get_classification (jue_session_get_document (self->session));
  g_autofree char *text = NULL;

  if (imported && imported->len)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Codes are checked against the imported classification "
                                         "table (%u code).",
                                         "Codes are checked against the imported classification "
                                         "table (%u codes).", imported->len),
                            imported->len);
  else if (jue_session_is_read_only (self->session))
    text = g_strdup (_("Codes are checked against the built-in classification table, which is "
                       "partial."));
  else
    text = g_strdup (_("Codes are checked against the built-in classification table, which is "
                       "partial: import the official table of the year from the main menu."));
  gtk_label_set_text (GTK_LABEL (self->table_label), text);
}

static GtkWidget *
table_label_new (JueFormPage *self)
{
  self->table_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->table_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->table_label), 0);
  gtk_widget_add_css_class (self->table_label, "dim-label");
  gtk_widget_add_css_class (self->table_label, "jue-classification-source");
  update_table_label (self);
  return self->table_label;
}

static void
build_prefix (JueFormPage *self,
              const char  *prefix,
              gboolean     titled)
{
  JueFieldRef ref;

  if (!jue_report_resolve (jue_session_get_report (self->session), prefix, &ref, NULL))
    {
      build_computed_only (self, prefix);
      return;
    }
  if (ref.def->kind == JUE_KIND_RECORD)
    build_record (self, prefix, ref.def->extra, titled ? _(ref.def->label) : NULL);
  else if (ref.def->kind == JUE_KIND_LIST && ref.index >= 0)
    build_record (self, prefix, ref.def->extra, NULL);
  else if (ref.def->kind == JUE_KIND_LIST)
    build_list (self, prefix, ref.def);
}

/* A fund or “three public” table with no data is marked empty at the top
 * of its form (本表为空表, jue-empty.h). */
static void
add_empty_table_group (JueFormPage *self,
                       const char  *section_id)
{
  static const struct { const char *section, *key; } tables[] = {
    { "three-public", "three_public" },
    { "gov-fund", "gov_fund" },
    { "state-capital", "state_capital" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (section_id, tables[i].section) == 0)
      gtk_box_append (GTK_BOX (self->box),
                      clamp (jue_empty_table_group_new (self->session, tables[i].key),
                             FORM_WIDTH));
}

static void
on_session_changed (JueSession  *session,
                    int          kind,
                    const char  *path,
                    JueFormPage *self)
{
  if (kind == JUE_CHANGE_CLASSIFICATION && self->table_label)
    update_table_label (self);
  /* the set of classes changes only with rows, codes and class names */
  if (self->classes && path && g_str_has_prefix (path, "functional") &&
      (kind == JUE_CHANGE_LIST || g_str_has_suffix (path, ".code") ||
       g_str_has_suffix (path, ".class_name")))
    build_classes (self);
}

static void
jue_form_page_dispose (GObject *object)
{
  JueFormPage *self = JUE_FORM_PAGE (object);

  if (self->session)
    g_signal_handlers_disconnect_by_data (self->session, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), JUE_TYPE_FORM_PAGE);
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->session);
  G_OBJECT_CLASS (jue_form_page_parent_class)->dispose (object);
}

static void
jue_form_page_finalize (GObject *object)
{
  JueFormPage *self = JUE_FORM_PAGE (object);

  g_free (self->section_id);
  g_clear_pointer (&self->computed, g_hash_table_unref);
  g_clear_pointer (&self->last_group, g_hash_table_unref);
  G_OBJECT_CLASS (jue_form_page_parent_class)->finalize (object);
}

static void
jue_form_page_class_init (JueFormPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jue_form_page_dispose;
  object_class->finalize = jue_form_page_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/juesuan/Juesuan/ui/jue-form-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JueFormPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, JueFormPage, box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jue_form_page_init (JueFormPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->computed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  self->last_group = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

GtkWidget *
jue_form_page_new (JueSession       *session,
                   const JueSection *section)
{
  JueFormPage *self = g_object_new (JUE_TYPE_FORM_PAGE, NULL);
  guint n = g_strv_length (section->prefixes);

  self->session = g_object_ref (session);
  self->section_id = g_strdup (section->id);
  for (guint i = 0; i < n; i++)
    jue_computed_foreach (jue_session_get_computed (session), section->prefixes[i],
                          collect_computed, self);
  add_empty_table_group (self, section->id);
  for (guint i = 0; i < n; i++)
    build_prefix (self, section->prefixes[i], n > 1);
  g_signal_connect (session, "changed", G_CALLBACK (on_session_changed), self);
  return GTK_WIDGET (self);
}

const char *
jue_form_page_get_section_id (JueFormPage *self)
{
  return self->section_id;
}

GtkWidget *
jue_form_page_get_table_label (JueFormPage *self)
{
  return self->table_label;
}
