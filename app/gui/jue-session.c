/* jue-session.c — one open report as the GUI sees it. */
#include "config.h"
#include <glib/gi18n-lib.h>
#include <string.h>

#include "jue-completeness.h"
#include "jue-field.h"
#include "jue-finding-item.h"
#include "jue-sections.h"
#include "jue-session.h"

struct _JueSession {
  GObject      parent_instance;

  JueDocument *document;
  JueChecker  *checker;
  JueComputed *computed;   /* the checker's: what the checks used */
  GHashTable  *fields;     /* path → GPtrArray of JueField* (not owned) */
  GHashTable  *labels;     /* path → GPtrArray of GtkLabel* (not owned) */
  GHashTable  *marks;      /* path → Mark* */
  GListStore  *findings;
  JueCompleteness *completeness;
  GListStore  *missing;    /* JueFindingItem, rule W-MISSING */
  GHashTable  *unsaved;    /* path → text typed but not written: the file could not be */
  GError      *unsaved_error;  /* why, the last time a write of one failed */
  gboolean     retrying;
  GPtrArray   *row_builders;  /* RowBuilder*: tables that build rows as shown */
};

typedef struct {
  char                  *list_path;
  JueSessionBuildRowFunc build;
  gpointer               owner;
} RowBuilder;

static void
row_builder_free (RowBuilder *b)
{
  g_free (b->list_path);
  g_free (b);
}

typedef struct {
  JueMarkLevel level;
  GString     *message;
} Mark;

enum { PROP_0, PROP_DOCUMENT, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { CHANGED, ERROR, UNSAVED_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JueSession, jue_session, G_TYPE_OBJECT)

static void
mark_free (Mark *mark)
{
  g_string_free (mark->message, TRUE);
  g_free (mark);
}

/* ---- re-checking ------------------------------------------------------ */

static void
add_mark (JueSession       *self,
          const JueFinding *finding)
{
  Mark *mark = g_hash_table_lookup (self->marks, finding->path);
  JueMarkLevel level = finding->severity == JUE_SEVERITY_ERROR ? JUE_MARK_ERROR
                     : finding->severity == JUE_SEVERITY_WARNING ? JUE_MARK_WARNING
                     : JUE_MARK_HINT;

  if (mark == NULL)
    {
      mark = g_new0 (Mark, 1);
      mark->message = g_string_new (NULL);
      g_hash_table_insert (self->marks, g_strdup (finding->path), mark);
    }
  mark->level = MAX (mark->level, level);
  if (mark->message->len)
    g_string_append_c (mark->message, '\n');
  g_string_append (mark->message, finding->message);
}

static gint
by_severity (gconstpointer a,
             gconstpointer b)
{
  const JueFinding *fa = *(const JueFinding * const *) a;
  const JueFinding *fb = *(const JueFinding * const *) b;

  return (int) fa->severity - (int) fb->severity;
}

/* The list changes only where the findings do (a common head and tail
 * are kept), so a finding being explained is not rebuilt under the cursor
 * and a keystroke that changes one message rebuilds one row.
 * Explanations are updated in place. */
static void
update_findings_store (GListStore *store,
                       GPtrArray  *findings)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n = g_list_model_get_n_items (model);
  guint head = 0, tail = 0;
  g_autoptr (GPtrArray) items = NULL;

  while (head < n && head < findings->len)
    {
      g_autoptr (JueFindingItem) item = g_list_model_get_item (model, head);
      if (!jue_finding_item_same (item, findings->pdata[head]))
        break;
      jue_finding_item_set_explanation (item, ((JueFinding *) findings->pdata[head])->explanation);
      head++;
    }
  while (tail < n - head && tail < findings->len - head)
    {
      g_autoptr (JueFindingItem) item = g_list_model_get_item (model, n - 1 - tail);
      const JueFinding *f = findings->pdata[findings->len - 1 - tail];
      if (!jue_finding_item_same (item, f))
        break;
      jue_finding_item_set_explanation (item, f->explanation);
      tail++;
    }
  if (head + tail == n && head + tail == findings->len)
    return;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = head; i < findings->len - tail; i++)
    g_ptr_array_add (items, jue_finding_item_new (findings->pdata[i]));
  g_list_store_splice (store, head, n - head - tail, items->pdata, items->len);
}

/* What a finished report still lacks (jue-completeness.h): every edit
 * can change it, and it is one pass over the required paths. */
static void
update_completeness (JueSession *self)
{
  JueReport *report = jue_document_get_report (self->document);
  GHashTable *explanations = jue_document_get_explanations (self->document);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) jue_finding_free);

  g_clear_pointer (&self->completeness, jue_completeness_free);
  self->completeness = jue_completeness_new (report);
  for (guint i = 0; i < self->completeness->missing->len; i++)
    {
      const JueMissing *m = self->completeness->missing->pdata[i];
      JueFinding *f = g_new0 (JueFinding, 1);
      g_autofree char *key = jue_explanation_key (JUE_RULE_MISSING, m->path);
      const char *text = explanations ? g_hash_table_lookup (explanations, key) : NULL;

      f->rule = JUE_RULE_MISSING;
      f->severity = JUE_SEVERITY_WARNING;
      f->path = g_strdup (m->path);
      f->message = g_strdup (m->message);
      f->explanation = text && *text ? g_strdup (text) : NULL;
      g_ptr_array_add (items, f);
    }
  update_findings_store (self->missing, items);
}

/* Re-runs what the edit touches (everything for a list change or at
 * start) and rebuilds the marks. */
static void
jue_session_run_checks (JueSession    *self,
                        JueChangeKind  kind,
                        const char    *path)
{
  JueReport *report = jue_document_get_report (self->document);
  GPtrArray *findings;
  g_autoptr (GPtrArray) sorted = NULL;

  switch (kind)
    {
    case JUE_CHANGE_FIELD:
    case JUE_CHANGE_LIST:
      if (path)
        jue_checker_update (self->checker, report, path);
      else
        jue_checker_check (self->checker, report);
      break;
    case JUE_CHANGE_CLASSIFICATION:
      jue_checker_set_classification (self->checker,
                                      jue_document_get_classification (self->document));
      jue_checker_set_economic_classification (
        self->checker, jue_document_get_economic_classification (self->document));
      jue_checker_check (self->checker, report);
      break;
    case JUE_CHANGE_EXPLANATION:
      /* nothing to re-check; setting them again makes the listing read them */
      jue_checker_set_explanations (self->checker,
                                    jue_document_get_explanations (self->document));
      break;
    }
  self->computed = (JueComputed *) jue_checker_get_computed (self->checker);
  findings = jue_checker_get_findings (self->checker);
  g_hash_table_remove_all (self->marks);
  for (guint i = 0; i < findings->len; i++)
    add_mark (self, findings->pdata[i]);
  /* errors first, then warnings, then hints; the checker's order within */
  sorted = g_ptr_array_copy (findings, NULL, NULL);
  g_ptr_array_sort (sorted, by_severity);   /* stable */
  update_findings_store (self->findings, sorted);
  update_completeness (self);
}

static void
refresh_labels (JueSession *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->labels);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *labels = value;
      JueValue v;
      g_autofree char *text = NULL;
      const char *last = strrchr (key, '.');

      if (!jue_computed_lookup (self->computed, key, &v))
        text = g_strdup ("");
      else if (last && (g_str_has_prefix (last, ".change") || g_str_equal (last, ".score_gap") ||
                        g_str_equal (last, ".difference")))
        text = jue_value_display_signed (&v);
      else
        text = jue_value_display (&v);
      for (guint i = 0; i < labels->len; i++)
        {
          GtkWidget *label = labels->pdata[i];
          gtk_label_set_text (GTK_LABEL (label), text);
          if (v.defined)
            gtk_widget_remove_css_class (label, "jue-undefined");
          else
            gtk_widget_add_css_class (label, "jue-undefined");
        }
    }
}

static void
update_field_marks (JueSession *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *fields = value;
      for (guint i = 0; i < fields->len; i++)
        jue_field_update_marks (fields->pdata[i]);
    }
}

static void
on_document_changed (JueDocument *document,
                     int          kind,
                     const char  *path,
                     JueSession  *self)
{
  GPtrArray *fields;

  jue_session_run_checks (self, kind, path);

  /* an undo or a change made elsewhere shows up in the field */
  fields = kind == JUE_CHANGE_FIELD ? g_hash_table_lookup (self->fields, path) : NULL;
  for (guint i = 0; fields && i < fields->len; i++)
    jue_field_refresh (fields->pdata[i]);

  update_field_marks (self);
  refresh_labels (self);
  g_signal_emit (self, signals[CHANGED], 0, kind, path);
}

/* ---- object ----------------------------------------------------------- */

static void
jue_session_dispose (GObject *object)
{
  JueSession *self = JUE_SESSION (object);

  if (self->document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->findings);
  g_clear_object (&self->missing);
  G_OBJECT_CLASS (jue_session_parent_class)->dispose (object);
}

static void
jue_session_finalize (GObject *object)
{
  JueSession *self = JUE_SESSION (object);

  g_clear_pointer (&self->checker, jue_checker_free);
  g_clear_pointer (&self->completeness, jue_completeness_free);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->marks, g_hash_table_unref);
  g_clear_pointer (&self->unsaved, g_hash_table_unref);
  g_clear_error (&self->unsaved_error);
  g_clear_pointer (&self->row_builders, g_ptr_array_unref);
  G_OBJECT_CLASS (jue_session_parent_class)->finalize (object);
}

static void
jue_session_constructed (GObject *object)
{
  JueSession *self = JUE_SESSION (object);

  G_OBJECT_CLASS (jue_session_parent_class)->constructed (object);
  jue_checker_set_explanations (self->checker, jue_document_get_explanations (self->document));
  jue_checker_set_classification (self->checker,
                                  jue_document_get_classification (self->document));
  jue_checker_set_economic_classification (self->checker,
                                           jue_document_get_economic_classification (self->document));
  g_signal_connect (self->document, "changed", G_CALLBACK (on_document_changed), self);
  jue_session_run_checks (self, JUE_CHANGE_LIST, NULL);
}

GListModel *
jue_session_get_findings (JueSession *self)
{
  return G_LIST_MODEL (self->findings);
}

GListModel *
jue_session_get_missing (JueSession *self)
{
  return G_LIST_MODEL (self->missing);
}

const JueCompleteness *
jue_session_get_completeness (JueSession *self)
{
  return self->completeness;
}

void
jue_session_count_findings (JueSession *self,
                            const char *prefix,
                            guint      *errors,
                            guint      *warnings)
{
  GPtrArray *findings = jue_checker_get_findings (self->checker);

  *errors = *warnings = 0;
  for (guint i = 0; i < findings->len; i++)
    {
      const JueFinding *f = findings->pdata[i];

      if (prefix && *prefix && !jue_path_has_prefix (f->path, prefix))
        continue;
      if (f->severity == JUE_SEVERITY_ERROR)
        (*errors)++;
      else if (f->severity == JUE_SEVERITY_WARNING)
        (*warnings)++;
    }
}

JueMarkLevel
jue_session_get_mark (JueSession  *self,
                      const char  *path,
                      char       **message)
{
  Mark *mark = g_hash_table_lookup (self->marks, path);

  if (message)
    *message = mark ? g_strdup (mark->message->str) : NULL;
  return mark ? mark->level : JUE_MARK_NONE;
}

static void
jue_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  JueSession *self = JUE_SESSION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jue_session_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  JueSession *self = JUE_SESSION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jue_session_class_init (JueSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jue_session_dispose;
  object_class->finalize = jue_session_finalize;
  object_class->constructed = jue_session_constructed;
  object_class->get_property = jue_session_get_property;
  object_class->set_property = jue_session_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, JUE_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* after the checks have run and the fields are marked */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                   G_TYPE_INT, G_TYPE_STRING);
  /* an edit was refused for a reason the user must hear about */
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  /* a value typed was kept unsaved, or has been saved since */
  signals[UNSAVED_CHANGED] = g_signal_new ("unsaved-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
}

static void
jue_session_init (JueSession *self)
{
  self->checker = jue_checker_new ();
  self->findings = g_list_store_new (JUE_TYPE_FINDING_ITEM);
  self->missing = g_list_store_new (JUE_TYPE_FINDING_ITEM);
  self->row_builders = g_ptr_array_new_with_free_func ((GDestroyNotify) row_builder_free);
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  self->marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) mark_free);
  self->unsaved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

JueSession *
jue_session_new (JueDocument *document)
{
  return g_object_new (JUE_TYPE_SESSION, "document", document, NULL);
}

JueDocument *
jue_session_get_document (JueSession *self)
{
  return self->document;
}

JueReport *
jue_session_get_report (JueSession *self)
{
  return jue_document_get_report (self->document);
}

gboolean
jue_session_is_read_only (JueSession *self)
{
  return jue_document_is_read_only (self->document);
}

const JueComputed *
jue_session_get_computed (JueSession *self)
{
  return self->computed;
}

void
jue_session_report_error (JueSession   *self,
                          const GError *error)
{
  g_signal_emit (self, signals[ERROR], 0, error);
}

/* ---- registries ------------------------------------------------------- */

static void
registry_add (GHashTable *table,
              const char *path,
              gpointer    item)
{
  GPtrArray *items = g_hash_table_lookup (table, path);

  if (items == NULL)
    {
      items = g_ptr_array_new ();
      g_hash_table_insert (table, g_strdup (path), items);
    }
  g_ptr_array_add (items, item);
}

static void
registry_remove (GHashTable *table,
                 const char *path,
                 gpointer    item)
{
  GPtrArray *items = g_hash_table_lookup (table, path);

  if (items == NULL)
    return;
  g_ptr_array_remove (items, item);
  if (items->len == 0)
    g_hash_table_remove (table, path);
}

void
jue_session_add_field (JueSession *self,
                       JueField   *field)
{
  registry_add (self->fields, jue_field_get_path (field), field);
}

void
jue_session_remove_field (JueSession *self,
                          JueField   *field)
{
  registry_remove (self->fields, jue_field_get_path (field), field);
}

/* ---- what was typed and could not be written ------------------------- */

static void
refresh_fields_at (JueSession *self,
                   const char *path)
{
  GPtrArray *fields = g_hash_table_lookup (self->fields, path);
  g_autoptr (GPtrArray) copy = fields ? g_ptr_array_copy (fields, NULL, NULL) : NULL;

  for (guint i = 0; copy && i < copy->len; i++)
    jue_field_refresh (copy->pdata[i]);
}

void
jue_session_keep_unsaved (JueSession   *self,
                          const char   *path,
                          const char   *text,
                          const GError *error)
{
  g_hash_table_insert (self->unsaved, g_strdup (path), g_strdup (text));
  if (error)
    {
      g_clear_error (&self->unsaved_error);
      self->unsaved_error = g_error_copy (error);
    }
  refresh_fields_at (self, path);
  g_signal_emit (self, signals[UNSAVED_CHANGED], 0);
}

void
jue_session_drop_unsaved (JueSession *self,
                          const char *path)
{
  if (!g_hash_table_remove (self->unsaved, path))
    return;
  if (g_hash_table_size (self->unsaved) == 0)
    g_clear_error (&self->unsaved_error);
  refresh_fields_at (self, path);
  g_signal_emit (self, signals[UNSAVED_CHANGED], 0);
}

const char *
jue_session_get_unsaved (JueSession *self,
                         const char *path)
{
  return g_hash_table_lookup (self->unsaved, path);
}

guint
jue_session_count_unsaved (JueSession *self)
{
  return g_hash_table_size (self->unsaved);
}

const GError *
jue_session_get_unsaved_error (JueSession *self)
{
  return self->unsaved_error;
}

static gint
by_string (gconstpointer a,
           gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
jue_session_list_unsaved (JueSession *self)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->unsaved);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (paths, g_strdup (key));
  /* in the order of the report's paths, as far as names sort so */
  g_ptr_array_sort (paths, by_string);
  return paths;
}

gboolean
jue_session_retry_unsaved (JueSession *self,
                           GError    **error)
{
  g_autoptr (GPtrArray) paths = jue_session_list_unsaved (self);
  gboolean changed = FALSE;
  gboolean ok = TRUE;

  if (paths->len == 0 || jue_document_is_read_only (self->document))
    return paths->len == 0;
  if (self->retrying)
    return TRUE;   /* a field flushed by one of these writes */
  self->retrying = TRUE;
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      g_autofree char *text = g_strdup (g_hash_table_lookup (self->unsaved, path));
      g_autoptr (GError) local = NULL;

      /* out of the table while it is written, so the field refreshed by the
       * edit shows what the file holds */
      g_hash_table_remove (self->unsaved, path);
      if (jue_document_set_typed (self->document, path, text, &local))
        {
          changed = TRUE;
          refresh_fields_at (self, path);
          continue;
        }
      if (g_error_matches (local, JUE_ERROR, JUE_ERROR_PARSE) ||
          g_error_matches (local, JUE_ERROR, JUE_ERROR_INVALID))
        {
          /* it cannot be stored at all (the row it was typed in is gone) */
          changed = TRUE;
          g_debug ("unsaved %s dropped: %s", path, local->message);
          refresh_fields_at (self, path);
          continue;
        }
      /* the file still cannot be written: keep it, and the rest */
      g_hash_table_insert (self->unsaved, g_strdup (path), g_steal_pointer (&text));
      g_clear_error (&self->unsaved_error);
      self->unsaved_error = g_error_copy (local);
      g_propagate_error (error, g_steal_pointer (&local));
      ok = FALSE;
      break;
    }
  self->retrying = FALSE;
  if (g_hash_table_size (self->unsaved) == 0)
    g_clear_error (&self->unsaved_error);
  if (changed || !ok)
    g_signal_emit (self, signals[UNSAVED_CHANGED], 0);
  return ok;
}

void
jue_session_flush_fields (JueSession *self)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  /* collected first: a commit may change the registry */
  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_extend (all, value, NULL, NULL);
  for (guint i = 0; i < all->len; i++)
    jue_field_flush (all->pdata[i]);
  /* what could not be written before goes first, if the file can be now */
  jue_session_retry_unsaved (self, NULL);
}

JueField *
jue_session_find_built_field (JueSession *self,
                              const char *path)
{
  GPtrArray *fields = g_hash_table_lookup (self->fields, path);

  for (guint i = 0; fields && i < fields->len; i++)
    if (gtk_widget_get_mapped (jue_field_get_widget (fields->pdata[i])))
      return fields->pdata[i];
  return fields && fields->len ? fields->pdata[0] : NULL;
}

/* A row of a long table is built when it is first wanted: scrolled to,
 * tabbed into, or asked for here (a finding, Find, Enter on the row above). */
JueField *
jue_session_lookup_field (JueSession *self,
                          const char *path)
{
  JueField *field = jue_session_find_built_field (self, path);

  /* a field built on a page not shown (the functional list) does not stop
   * the page shown (its table) from building its own */
  for (guint i = 0; (field == NULL || !gtk_widget_get_mapped (jue_field_get_widget (field))) &&
                    i < self->row_builders->len; i++)
    {
      RowBuilder *b = self->row_builders->pdata[i];
      gsize n = strlen (b->list_path);
      char *end = NULL;
      guint64 index;

      if (strncmp (path, b->list_path, n) != 0 || path[n] != '[' || !g_ascii_isdigit (path[n + 1]))
        continue;
      index = g_ascii_strtoull (path + n + 1, &end, 10);
      if (end == NULL || *end != ']' || index > G_MAXUINT)
        continue;
      if (b->build (b->owner, (guint) index))
        {
          JueField *built = jue_session_find_built_field (self, path);
          if (built)
            field = built;
        }
    }
  return field;
}

void
jue_session_add_row_builder (JueSession             *self,
                             const char             *list_path,
                             JueSessionBuildRowFunc  build,
                             gpointer                owner)
{
  RowBuilder *b = g_new (RowBuilder, 1);

  b->list_path = g_strdup (list_path);
  b->build = build;
  b->owner = owner;
  g_ptr_array_add (self->row_builders, b);
}

void
jue_session_remove_row_builder (JueSession *self,
                                gpointer    owner)
{
  for (guint i = self->row_builders->len; i > 0; i--)
    if (((RowBuilder *) self->row_builders->pdata[i - 1])->owner == owner)
      g_ptr_array_remove_index (self->row_builders, i - 1);
}

static void
on_label_destroy (GtkWidget  *label,
                  JueSession *self)
{
  registry_remove (self->labels, g_object_get_data (G_OBJECT (label), "jue-path"), label);
  g_object_unref (self);
}

GtkWidget *
jue_computed_label_new (JueSession *self,
                        const char *path)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "jue-computed");
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  g_object_set_data_full (G_OBJECT (label), "jue-path", g_strdup (path), g_free);
  registry_add (self->labels, path, label);
  g_signal_connect (label, "destroy", G_CALLBACK (on_label_destroy), g_object_ref (self));
  refresh_labels (self);
  return label;
}

/* ---- computed descriptions -------------------------------------------- */

static GHashTable *descriptions;  /* pattern → description (static strings) */

static void
collect_description (const char  *pattern,
                     JueValueKind kind,
                     const char  *description,
                     gpointer     user_data)
{
  g_hash_table_insert (user_data, g_strdup (pattern), (gpointer) description);
}

/* "special_funds[2].indicators[5].score" → "special_funds[N].indicators[N].score" */
static char *
path_pattern (const char *path)
{
  GString *out = g_string_new (NULL);

  for (const char *p = path; *p; p++)
    {
      g_string_append_c (out, *p);
      if (*p == '[')
        {
          while (g_ascii_isdigit (p[1]))
            p++;
          g_string_append_c (out, 'N');
        }
    }
  return g_string_free (out, FALSE);
}

const char *
jue_computed_describe (const char *path)
{
  g_autofree char *pattern = path_pattern (path);
  const char *description;

  if (g_once_init_enter (&descriptions))
    {
      GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      jue_computed_schema_foreach (collect_description, table);
      g_once_init_leave (&descriptions, table);
    }
  description = g_hash_table_lookup (descriptions, pattern);
  return description ? _(description) : NULL;
}
