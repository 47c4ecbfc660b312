/* jue-document.c — an open report: model + file + undo/redo. */
#include "config.h"

#include <string.h>

#include "jue-document.h"

/* Consecutive edits of one field within this time are one undo step, so
 * undo takes back a typed word, not a keystroke. */
#define COALESCE_USEC (1500 * 1000)

typedef enum { OP_SET, OP_INSERT, OP_REMOVE, OP_MOVE, OP_EXPLAIN, OP_CLASSIFICATION,
               OP_GROUP } OpKind;

typedef struct {
  OpKind              kind;
  char               *path;     /* field, list, or explained field */
  char               *rule;     /* OP_EXPLAIN */
  char               *before;
  char               *after;
  gint                index;    /* INSERT/REMOVE row; MOVE from */
  gint                index2;   /* MOVE to */
  gpointer            record;   /* REMOVE: the removed row */
  GPtrArray          *table_before;  /* CLASSIFICATION (NULL: none) */
  GPtrArray          *table_after;
  gboolean            economic;  /* CLASSIFICATION: the economic table */
  const JueRecordDef *element;
  GPtrArray          *steps;    /* GROUP: its Op*, in the order done */
  gint64              when;
  gboolean            carried;  /* SET: the text was carried from last year before */
} Op;

struct _JueDocument {
  GObject     parent_instance;
  JueStore   *store;
  JueReport  *report;
  GHashTable *explanations;    /* key → text */
  GPtrArray  *classification;  /* JueClassEntry, or NULL */
  GPtrArray  *economic;        /* the economic classification, or NULL */
  GPtrArray  *undo;            /* Op* */
  GPtrArray  *redo;
  gint        group_start;     /* undo->len at begin_group, or -1 */
  GError     *group_error;     /* the group's transaction could not begin */
  gboolean    model_only;      /* taking back in the model what the file never got */
};

G_DEFINE_FINAL_TYPE (JueDocument, jue_document, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
op_free (Op *op)
{
  g_free (op->path);
  g_free (op->rule);
  g_free (op->before);
  g_free (op->after);
  if (op->record)
    jue_record_free (op->element, op->record);
  g_clear_pointer (&op->table_before, g_ptr_array_unref);
  g_clear_pointer (&op->table_after, g_ptr_array_unref);
  g_clear_pointer (&op->steps, g_ptr_array_unref);
  g_free (op);
}

/* Closes the file; g_object_run_dispose() does it while others still hold
 * the document (the window's quick exit).  Nothing is written after. */
static void
jue_document_dispose (GObject *object)
{
  JueDocument *self = JUE_DOCUMENT (object);

  g_clear_pointer (&self->store, jue_store_close);
  G_OBJECT_CLASS (jue_document_parent_class)->dispose (object);
}

static void
jue_document_finalize (GObject *object)
{
  JueDocument *self = JUE_DOCUMENT (object);

  g_clear_pointer (&self->store, jue_store_close);
  g_clear_pointer (&self->report, jue_report_free);
  g_clear_pointer (&self->explanations, g_hash_table_unref);
  g_clear_pointer (&self->classification, g_ptr_array_unref);
  g_clear_pointer (&self->economic, g_ptr_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_error (&self->group_error);
  G_OBJECT_CLASS (jue_document_parent_class)->finalize (object);
}

static void
jue_document_class_init (JueDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jue_document_dispose;
  G_OBJECT_CLASS (klass)->finalize = jue_document_finalize;

  /**
   * JueDocument::changed:
   * @kind: a #JueChangeKind
   * @path: the field, list or explained field that changed
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);
}

static void
jue_document_init (JueDocument *self)
{
  self->explanations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  self->group_start = -1;
}

char *
jue_explanation_key (const char *rule,
                     const char *path)
{
  return g_strconcat (rule, "\x1f", path, NULL);
}

static gboolean
load_side_tables (JueDocument *self,
                  GError     **error)
{
  g_autoptr (GPtrArray) expl = jue_store_load_explanations (self->store, error);
  g_autoptr (GPtrArray) cls = NULL;

  if (expl == NULL)
    return FALSE;
  for (guint i = 0; i < expl->len; i++)
    {
      JueExplanation *e = expl->pdata[i];
      g_hash_table_insert (self->explanations, jue_explanation_key (e->rule, e->path),
                           g_strdup (e->text));
    }
  cls = jue_store_load_classification (self->store, error);
  if (cls == NULL)
    return FALSE;
  if (cls->len)
    self->classification = g_steal_pointer (&cls);
  g_clear_pointer (&cls, g_ptr_array_unref);
  cls = jue_store_load_economic_classification (self->store, error);
  if (cls == NULL)
    return FALSE;
  if (cls->len)
    self->economic = g_steal_pointer (&cls);
  return TRUE;
}

JueDocument *
jue_document_create (const char *filename,
                     JueReport  *report,
                     GError    **error)
{
  g_autoptr (JueDocument) self = g_object_new (JUE_TYPE_DOCUMENT, NULL);
  g_autoptr (JueReport) blank = NULL;

  if (report == NULL)
    report = blank = jue_report_new ();
  self->store = jue_store_create (filename, report, error);
  if (self->store == NULL)
    return NULL;
  self->report = jue_report_copy (report);
  return g_steal_pointer (&self);
}

JueDocument *
jue_document_open_with_flags (const char    *filename,
                              JueStoreFlags  flags,
                              GError       **error)
{
  g_autoptr (JueDocument) self = g_object_new (JUE_TYPE_DOCUMENT, NULL);

  self->store = jue_store_open (filename, flags, &self->report, error);
  if (self->store == NULL || !load_side_tables (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

JueDocument *
jue_document_open (const char *filename,
                   gboolean    read_only,
                   GError    **error)
{
  return jue_document_open_with_flags (filename, read_only ? JUE_STORE_READ_ONLY : 0, error);
}

JueReport *
jue_document_get_report (JueDocument *self)
{
  return self->report;
}

const char *
jue_document_get_filename (JueDocument *self)
{
  return jue_store_get_filename (self->store);
}

gboolean
jue_document_is_read_only (JueDocument *self)
{
  return jue_store_is_read_only (self->store);
}

JueStore *
jue_document_get_store (JueDocument *self)
{
  return self->store;
}

const char *
jue_document_get_read_only_reason (JueDocument *self)
{
  return jue_store_get_read_only_reason (self->store);
}

gboolean
jue_document_is_in_use (JueDocument *self)
{
  return jue_store_is_in_use (self->store);
}

gboolean
jue_document_changed_on_disk (JueDocument *self)
{
  return jue_store_changed_on_disk (self->store);
}

static gboolean
refuse_read_only (JueDocument *self,
                  GError     **error)
{
  if (!jue_document_is_read_only (self))
    return FALSE;
  g_set_error (error, JUE_ERROR, JUE_ERROR_READ_ONLY,
               _("%s is open for review (read-only); nothing was changed"),
               jue_document_get_filename (self));
  return TRUE;
}

static void
emit (JueDocument   *self,
      JueChangeKind  kind,
      const char    *path)
{
  g_signal_emit (self, signals[CHANGED], 0, (int) kind, path);
}

/* ---- primitives: model + file + signal, no history -------------------- */

/* Inside a group whose transaction could not begin, nothing is written. */
static gboolean
group_refuses (JueDocument *self,
               GError     **error)
{
  if (self->group_error == NULL)
    return FALSE;
  if (error)
    *error = g_error_copy (self->group_error);
  return TRUE;
}

/* The file's side of each primitive; none while a group that never
 * reached the file is taken back in the model (model_only). */
static gboolean
store_field (JueDocument *self,
             const char  *path,
             const char  *value,
             GError     **error)
{
  if (self->model_only)
    return TRUE;
  return !group_refuses (self, error) &&
         jue_store_write_field (self->store, path, value, error);
}

static gboolean
store_subtree (JueDocument *self,
               const char  *list_path,
               GError     **error)
{
  if (self->model_only)
    return TRUE;
  return !group_refuses (self, error) &&
         jue_store_write_subtree (self->store, self->report, list_path, error);
}

/* A field written and marked carried again, together: the undo of an edit
 * of a text carried from last year.  Inside a batch (a group), part of it. */
static gboolean
store_field_carried (JueDocument *self,
                     const char  *path,
                     const char  *value,
                     GError     **error)
{
  gboolean own_batch;

  if (self->model_only)
    return TRUE;
  if (group_refuses (self, error))
    return FALSE;
  own_batch = !jue_store_in_batch (self->store);
  if (own_batch && !jue_store_begin_batch (self->store, error))
    return FALSE;
  if (!jue_store_write_field (self->store, path, value, error) ||
      !jue_store_set_carried (self->store, path, TRUE, error))
    {
      if (own_batch)
        jue_store_rollback_batch (self->store);
      return FALSE;
    }
  return !own_batch || jue_store_commit_batch (self->store, error);
}

/* keep_typed: a value that does not read is kept as typed (the window, and
 * undo restoring such a value); otherwise it is refused (the CLI).
 * mark_carried: the text is last year's again (undo of its edit). */
static gboolean
apply_set (JueDocument *self,
           const char  *path,
           const char  *text,
           gboolean     keep_typed,
           gboolean     mark_carried,
           char       **before_out,
           gboolean    *was_carried_out,
           GError     **error)
{
  JueFieldRef ref;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean was_carried;

  if (!jue_report_resolve (self->report, path, &ref, error))
    return FALSE;
  before = jue_field_get_text (&ref);
  if (before == NULL)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                   _("%s is a record or list, not a value"), path);
      return FALSE;
    }
  was_carried = jue_field_is_carried (&ref);
  if (keep_typed ? !jue_field_set_typed (&ref, path, text, NULL, error)
                 : !jue_field_set_text (&ref, path, text, error))
    return FALSE;
  after = jue_field_get_text (&ref);
  if (was_carried && g_strcmp0 (before, after) == 0)
    {
      /* the same text committed again (a field losing focus) is not an
       * edit: a carried text stays marked, and nothing is written */
      jue_field_set_carried (&ref, TRUE);
    }
  else if (mark_carried ? !store_field_carried (self, path, after, error)
                        : !store_field (self, path, after, error))
    {
      jue_field_set_typed (&ref, path, before, NULL, NULL);
      jue_field_set_carried (&ref, was_carried);
      return FALSE;
    }
  if (mark_carried)
    jue_field_set_carried (&ref, TRUE);
  if (before_out)
    *before_out = g_steal_pointer (&before);
  if (was_carried_out)
    *was_carried_out = was_carried;
  emit (self, JUE_CHANGE_FIELD, path);
  return TRUE;
}

/* Inserts record (taken on success; the caller keeps it on failure) or a
 * new blank row at index. */
static gint
apply_insert (JueDocument *self,
              const char  *list_path,
              gint         index,
              gpointer     record,
              GError     **error)
{
  index = jue_report_list_insert_record (self->report, list_path, index, record, error);
  if (index < 0)
    return -1;
  if (!store_subtree (self, list_path, error))
    {
      const JueRecordDef *element;
      gpointer row = jue_report_list_steal (self->report, list_path, index, &element, NULL);
      if (row != record)
        jue_record_free (element, row);
      return -1;
    }
  emit (self, JUE_CHANGE_LIST, list_path);
  return index;
}

static gboolean
apply_remove (JueDocument         *self,
              const char          *list_path,
              gint                 index,
              gpointer            *removed_out,
              const JueRecordDef **element_out,
              GError             **error)
{
  const JueRecordDef *element;
  gpointer item = jue_report_list_steal (self->report, list_path, index, &element, error);

  if (item == NULL)
    return FALSE;
  if (!store_subtree (self, list_path, error))
    {
      jue_report_list_insert_record (self->report, list_path, index, item, NULL);
      return FALSE;
    }
  if (removed_out)
    {
      *removed_out = item;
      *element_out = element;
    }
  else
    jue_record_free (element, item);
  emit (self, JUE_CHANGE_LIST, list_path);
  return TRUE;
}

static gboolean
apply_move (JueDocument *self,
            const char  *list_path,
            gint         from,
            gint         to,
            GError     **error)
{
  if (!jue_report_list_move_row (self->report, list_path, from, to, error))
    return FALSE;
  if (!store_subtree (self, list_path, error))
    {
      jue_report_list_move_row (self->report, list_path, to, from, NULL);
      return FALSE;
    }
  emit (self, JUE_CHANGE_LIST, list_path);
  return TRUE;
}

static gboolean
apply_explain (JueDocument *self,
               const char  *rule,
               const char  *path,
               const char  *text,
               GError     **error)
{
  if (!self->model_only &&
      (group_refuses (self, error) ||
       !jue_store_set_explanation (self->store, rule, path, text, error)))
    return FALSE;
  if (text && *text)
    g_hash_table_insert (self->explanations, jue_explanation_key (rule, path),
                         g_strdup (text));
  else
    {
      g_autofree char *key = jue_explanation_key (rule, path);
      g_hash_table_remove (self->explanations, key);
    }
  emit (self, JUE_CHANGE_EXPLANATION, path);
  return TRUE;
}

/* ---- history ---------------------------------------------------------- */

static void
push (JueDocument *self,
      Op          *op)
{
  op->when = g_get_monotonic_time ();
  g_ptr_array_add (self->undo, op);
  g_ptr_array_set_size (self->redo, 0);
}

static gboolean
document_set (JueDocument *self,
              const char  *path,
              const char  *text,
              gboolean     keep_typed,
              GError     **error)
{
  g_autofree char *before = NULL;
  gboolean was_carried = FALSE;
  JueFieldRef ref;
  Op *top;

  if (refuse_read_only (self, error))
    return FALSE;
  if (!apply_set (self, path, text, keep_typed, FALSE, &before, &was_carried, error))
    return FALSE;

  jue_report_resolve (self->report, path, &ref, NULL);
  top = self->undo->len ? self->undo->pdata[self->undo->len - 1] : NULL;
  if (top && top->kind == OP_SET && g_strcmp0 (top->path, path) == 0 &&
      self->group_start < 0 &&
      g_get_monotonic_time () - top->when < COALESCE_USEC)
    {
      g_free (top->after);
      top->after = jue_field_get_text (&ref);
      top->when = g_get_monotonic_time ();
      g_ptr_array_set_size (self->redo, 0);
    }
  else
    {
      Op *op = g_new0 (Op, 1);
      op->kind = OP_SET;
      op->path = g_strdup (path);
      /* the same text again leaves it carried: nothing to bring back */
      op->carried = was_carried && !jue_field_is_carried (&ref);
      op->before = g_steal_pointer (&before);
      op->after = jue_field_get_text (&ref);
      push (self, op);
    }
  return TRUE;
}

gboolean
jue_document_set (JueDocument *self,
                  const char  *path,
                  const char  *text,
                  GError     **error)
{
  return document_set (self, path, text, FALSE, error);
}

gboolean
jue_document_set_typed (JueDocument *self,
                        const char  *path,
                        const char  *text,
                        GError     **error)
{
  return document_set (self, path, text, TRUE, error);
}

guint
jue_document_count_unreadable (JueDocument *self)
{
  return jue_report_count_unreadable (self->report);
}

gint
jue_document_insert_row (JueDocument *self,
                         const char  *list_path,
                         gint         index,
                         GError     **error)
{
  Op *op;

  if (refuse_read_only (self, error))
    return -1;
  index = apply_insert (self, list_path, index, NULL, error);
  if (index < 0)
    return -1;
  op = g_new0 (Op, 1);
  op->kind = OP_INSERT;
  op->path = g_strdup (list_path);
  op->index = index;
  push (self, op);
  return index;
}

gboolean
jue_document_remove_row (JueDocument *self,
                         const char  *item_path,
                         GError     **error)
{
  g_autofree char *list_path = NULL;
  gint index;
  gpointer removed = NULL;
  const JueRecordDef *element = NULL;
  Op *op;

  if (refuse_read_only (self, error) ||
      !jue_split_item_path (item_path, &list_path, &index, error) ||
      !apply_remove (self, list_path, index, &removed, &element, error))
    return FALSE;
  op = g_new0 (Op, 1);
  op->kind = OP_REMOVE;
  op->path = g_steal_pointer (&list_path);
  op->index = index;
  op->record = removed;
  op->element = element;
  push (self, op);
  return TRUE;
}

gboolean
jue_document_move_row (JueDocument *self,
                       const char  *item_path,
                       gint         new_index,
                       GError     **error)
{
  g_autofree char *list_path = NULL;
  gint index;
  Op *op;

  if (refuse_read_only (self, error) ||
      !jue_split_item_path (item_path, &list_path, &index, error))
    return FALSE;
  if (index == new_index)
    return TRUE;
  if (!apply_move (self, list_path, index, new_index, error))
    return FALSE;
  op = g_new0 (Op, 1);
  op->kind = OP_MOVE;
  op->path = g_steal_pointer (&list_path);
  op->index = index;
  op->index2 = new_index;
  push (self, op);
  return TRUE;
}

const char *
jue_document_get_explanation (JueDocument *self,
                              const char  *rule,
                              const char  *path)
{
  g_autofree char *key = jue_explanation_key (rule, path);
  return g_hash_table_lookup (self->explanations, key);
}

GHashTable *
jue_document_get_explanations (JueDocument *self)
{
  return self->explanations;
}

gboolean
jue_document_set_explanation (JueDocument *self,
                              const char  *rule,
                              const char  *path,
                              const char  *text,
                              GError     **error)
{
  const char *old;
  Op *op;

  if (refuse_read_only (self, error))
    return FALSE;
  old = jue_document_get_explanation (self, rule, path);
  op = g_new0 (Op, 1);
  op->kind = OP_EXPLAIN;
  op->rule = g_strdup (rule);
  op->path = g_strdup (path);
  op->before = g_strdup (old);
  op->after = g_strdup (text && *text ? text : NULL);
  if (!apply_explain (self, rule, path, text, error))
    {
      op_free (op);
      return FALSE;
    }
  push (self, op);
  return TRUE;
}

gboolean
jue_document_is_carried (JueDocument *self,
                         const char  *path)
{
  JueFieldRef ref;

  return jue_report_resolve (self->report, path, &ref, NULL) && ref.index < 0 &&
         ref.def->kind == JUE_KIND_TEXT && jue_field_is_carried (&ref);
}

gboolean
jue_document_confirm_carried (JueDocument *self,
                              const char  *path,
                              GError     **error)
{
  JueFieldRef ref;

  if (!jue_report_resolve (self->report, path, &ref, error))
    return FALSE;
  if (ref.index >= 0 || ref.def->kind != JUE_KIND_TEXT || !jue_field_is_carried (&ref))
    return TRUE;
  if (refuse_read_only (self, error) ||
      !jue_store_set_carried (self->store, path, FALSE, error))
    return FALSE;
  jue_field_set_carried (&ref, FALSE);
  emit (self, JUE_CHANGE_FIELD, path);
  return TRUE;
}

GPtrArray *
jue_document_get_classification (JueDocument *self)
{
  return self->classification;
}

GPtrArray *
jue_document_get_economic_classification (JueDocument *self)
{
  return self->economic;
}

/* entries NULL or empty: back to the built-in table. */
static gboolean
apply_classification (JueDocument *self,
                      gboolean     economic,
                      GPtrArray   *entries,
                      GError     **error)
{
  g_autoptr (GPtrArray) none = NULL;
  GPtrArray **slot = economic ? &self->economic : &self->classification;

  if (entries == NULL)
    entries = none = g_ptr_array_new ();
  if (!self->model_only &&
      (group_refuses (self, error) ||
       !(economic ? jue_store_replace_economic_classification (self->store, entries, error)
                  : jue_store_replace_classification (self->store, entries, error))))
    return FALSE;
  g_clear_pointer (slot, g_ptr_array_unref);
  if (entries->len)
    *slot = g_ptr_array_ref (entries);
  emit (self, JUE_CHANGE_CLASSIFICATION, economic ? "economic" : "");
  return TRUE;
}

static gboolean
set_classification (JueDocument *self,
                    gboolean     economic,
                    GPtrArray   *entries,
                    GError     **error)
{
  GPtrArray *current = economic ? self->economic : self->classification;
  GPtrArray *before = current ? g_ptr_array_ref (current) : NULL;
  Op *op;

  if (refuse_read_only (self, error) ||
      !apply_classification (self, economic, entries, error))
    {
      g_clear_pointer (&before, g_ptr_array_unref);
      return FALSE;
    }
  op = g_new0 (Op, 1);
  op->kind = OP_CLASSIFICATION;
  op->economic = economic;
  op->path = g_strdup (economic ? "economic" : "");
  op->table_before = before;
  op->table_after = entries && entries->len ? g_ptr_array_ref (entries) : NULL;
  push (self, op);
  return TRUE;
}

gboolean
jue_document_set_classification (JueDocument *self,
                                 GPtrArray   *entries,
                                 GError     **error)
{
  return set_classification (self, FALSE, entries, error);
}

gboolean
jue_document_set_economic_classification (JueDocument *self,
                                          GPtrArray   *entries,
                                          GError     **error)
{
  return set_classification (self, TRUE, entries, error);
}

gboolean
jue_document_can_undo (JueDocument *self)
{
  return self->undo->len > 0 && !jue_document_is_read_only (self);
}

gboolean
jue_document_can_redo (JueDocument *self)
{
  return self->redo->len > 0 && !jue_document_is_read_only (self);
}

static char *
item_path (const char *list_path,
           gint        index)
{
  return g_strdup_printf ("%s[%d]", list_path, index);
}

static gboolean run_op (JueDocument *self, Op *op, gboolean backwards, char **path_out,
                        GError **error);

/* Runs ops steps[0..k-1] back in the model only (the file never got them:
 * its transaction was rolled back), last first. */
static void
take_back_in_model (JueDocument *self,
                    GPtrArray   *steps,
                    guint        k,
                    gboolean     backwards)
{
  guint n = steps->len;
  gboolean was = self->model_only;

  self->model_only = TRUE;
  while (k-- > 0)
    run_op (self, steps->pdata[backwards ? n - 1 - k : k], !backwards, NULL, NULL);
  self->model_only = was;
}

/* Runs the steps of a group in turn (backwards: the last first), in one
 * transaction: all of it reaches the file, or none of it — and then the
 * model is taken back to what the file holds. */
static gboolean
run_group (JueDocument *self,
           Op          *op,
           gboolean     backwards,
           GError     **error)
{
  guint n = op->steps->len;
  gboolean batch = !self->model_only && !jue_store_in_batch (self->store);

  if (batch && !jue_store_begin_batch (self->store, error))
    return FALSE;
  for (guint k = 0; k < n; k++)
    {
      Op *step = op->steps->pdata[backwards ? n - 1 - k : k];

      if (!run_op (self, step, backwards, NULL, error))
        {
          if (batch)
            jue_store_rollback_batch (self->store);
          take_back_in_model (self, op->steps, k, backwards);
          return FALSE;
        }
    }
  if (batch && !jue_store_commit_batch (self->store, error))
    {
      take_back_in_model (self, op->steps, n, backwards);
      return FALSE;
    }
  return TRUE;
}

/* Runs op backwards (undo) or forwards (redo). */
static gboolean
run_op (JueDocument *self,
        Op          *op,
        gboolean     backwards,
        char       **path_out,
        GError     **error)
{
  gboolean ok = FALSE;

  switch (op->kind)
    {
    case OP_SET:
      /* undo of an edit of a carried text: last year's text, marked again */
      ok = apply_set (self, op->path, backwards ? op->before : op->after, TRUE,
                      backwards && op->carried, NULL, NULL, error);
      if (ok && path_out)
        *path_out = g_strdup (op->path);
      break;
    case OP_EXPLAIN:
      ok = apply_explain (self, op->rule, op->path,
                          backwards ? op->before : op->after, error);
      if (ok && path_out)
        *path_out = g_strdup (op->path);
      break;
    case OP_INSERT:
    case OP_REMOVE:
      if ((op->kind == OP_INSERT) == backwards)
        {
          /* take the row out again, keeping it for the way back */
          ok = apply_remove (self, op->path, op->index, &op->record, &op->element, error);
          if (ok && path_out)
            *path_out = g_strdup (op->path);
        }
      else
        {
          ok = apply_insert (self, op->path, op->index, op->record, error) >= 0;
          if (ok)
            op->record = NULL;  /* the list holds it now */
          if (ok && path_out)
            *path_out = item_path (op->path, op->index);
        }
      break;
    case OP_CLASSIFICATION:
      ok = apply_classification (self, op->economic,
                                 backwards ? op->table_before : op->table_after, error);
      if (ok && path_out)  /* the rows the table checks */
        *path_out = g_strdup (op->economic ? "economic" : "functional");
      break;
    case OP_GROUP:
      ok = run_group (self, op, backwards, error);
      if (ok && path_out)
        *path_out = g_strdup (op->path);
      break;
    case OP_MOVE:
      ok = backwards ? apply_move (self, op->path, op->index2, op->index, error)
                     : apply_move (self, op->path, op->index, op->index2, error);
      if (ok && path_out)
        *path_out = item_path (op->path, backwards ? op->index : op->index2);
      break;
    }
  return ok;
}

static gboolean
step_history (JueDocument *self,
              GPtrArray   *from,
              GPtrArray   *to,
              gboolean     backwards,
              char       **path_out,
              GError     **error)
{
  Op *op;

  if (refuse_read_only (self, error))
    return FALSE;
  if (self->group_start >= 0)
    {
      g_set_error_literal (error, JUE_ERROR, JUE_ERROR_INVALID,
                           _("An edit is under way; try again when it is done"));
      return FALSE;
    }
  if (from->len == 0)
    {
      g_set_error_literal (error, JUE_ERROR, JUE_ERROR_INVALID,
                           backwards ? _("Nothing to undo") : _("Nothing to redo"));
      return FALSE;
    }
  op = from->pdata[from->len - 1];
  if (!run_op (self, op, backwards, path_out, error))
    return FALSE;
  g_ptr_array_steal_index (from, from->len - 1);
  op->when = 0;  /* never coalesce with a step that came back */
  g_ptr_array_add (to, op);
  return TRUE;
}

gboolean
jue_document_undo (JueDocument *self,
                   char       **path_out,
                   GError     **error)
{
  return step_history (self, self->undo, self->redo, TRUE, path_out, error);
}

gboolean
jue_document_redo (JueDocument *self,
                   char       **path_out,
                   GError     **error)
{
  return step_history (self, self->redo, self->undo, FALSE, path_out, error);
}

/* ---- groups: several edits as one undo step ---------------------------- */

/* A group is one transaction of the file (jue_store_begin_batch): a crash
 * or a failed write in the middle leaves the file as it was before the
 * group, and the model is then taken back to match it. */
void
jue_document_begin_group (JueDocument *self)
{
  g_return_if_fail (self->group_start < 0);
  self->group_start = (gint) self->undo->len;
  g_clear_error (&self->group_error);
  if (!jue_document_is_read_only (self) &&
      !jue_store_begin_batch (self->store, &self->group_error))
    g_debug ("a group cannot begin: %s", self->group_error->message);
}

/* The group's ops, out of the history, in the order done. */
static GPtrArray *
steal_group_steps (JueDocument *self)
{
  guint start = (guint) self->group_start;
  GPtrArray *steps = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);

  while (self->undo->len > start)
    g_ptr_array_add (steps, g_ptr_array_steal_index (self->undo, start));
  self->group_start = -1;
  g_clear_error (&self->group_error);
  return steps;
}

gboolean
jue_document_commit_group (JueDocument *self,
                           const char  *path,
                           GError     **error)
{
  g_autoptr (GPtrArray) steps = NULL;
  Op *op;

  g_return_val_if_fail (self->group_start >= 0, FALSE);
  if (self->group_error)
    {
      /* nothing was written, and every edit of the group was refused */
      g_propagate_error (error, g_steal_pointer (&self->group_error));
      steps = steal_group_steps (self);
      take_back_in_model (self, steps, steps->len, FALSE);
      return FALSE;
    }
  if (jue_store_in_batch (self->store) && !jue_store_commit_batch (self->store, error))
    {
      steps = steal_group_steps (self);
      take_back_in_model (self, steps, steps->len, FALSE);
      return FALSE;
    }
  steps = steal_group_steps (self);
  if (steps->len == 0)
    return TRUE;
  if (steps->len == 1)
    {
      /* one edit: a step of its own */
      push (self, g_ptr_array_steal_index (steps, 0));
      return TRUE;
    }
  op = g_new0 (Op, 1);
  op->kind = OP_GROUP;
  op->path = g_strdup (path);
  op->steps = g_steal_pointer (&steps);
  push (self, op);
  return TRUE;
}

void
jue_document_end_group (JueDocument *self,
                        const char  *path)
{
  g_autoptr (GError) error = NULL;

  if (!jue_document_commit_group (self, path, &error))
    g_debug ("a group was not saved, and taken back: %s", error->message);
}

gboolean
jue_document_abort_group (JueDocument *self,
                          GError     **error)
{
  g_autoptr (GPtrArray) steps = NULL;

  g_return_val_if_fail (self->group_start >= 0, FALSE);
  if (jue_store_in_batch (self->store))
    jue_store_rollback_batch (self->store);
  steps = steal_group_steps (self);
  /* the file holds none of it: the model is taken back to match */
  take_back_in_model (self, steps, steps->len, FALSE);
  return TRUE;
}

gboolean
jue_document_save_copy (JueDocument *self,
                        const char  *filename,
                        GError     **error)
{
  return jue_store_save_copy (self->store, filename, error);
}
