/* jue-document.h — an open report: the model, its file, undo and redo.
 *
 * Every edit goes model → one committed store transaction → "changed".  If
 * the file cannot be written the model is restored and the edit refused,
 * so the model is always what is stored (a group of edits — a paste — is
 * one transaction: see jue_document_begin_group).
 */
#pragma once

#include <glib-object.h>

#include "jue-report.h"
#include "jue-store.h"

G_BEGIN_DECLS

#define JUE_TYPE_DOCUMENT (jue_document_get_type ())
G_DECLARE_FINAL_TYPE (JueDocument, jue_document, JUE, DOCUMENT, GObject)

typedef enum {
  JUE_CHANGE_FIELD,        /* path is a scalar field */
  JUE_CHANGE_LIST,         /* path is a list whose rows changed */
  JUE_CHANGE_EXPLANATION,  /* path is the explained field */
  JUE_CHANGE_CLASSIFICATION,
} JueChangeKind;

/* Creates filename from report (copied).  Fails if the file exists. */
JueDocument *jue_document_create       (const char *filename,
                                        JueReport  *report,
                                        GError    **error);
JueDocument *jue_document_open         (const char *filename,
                                        gboolean    read_only,
                                        GError    **error);
/* The same with the store's flags (JUE_STORE_WAIT: wait a few seconds
 * for another writer to finish, as the CLI does). */
JueDocument *jue_document_open_with_flags (const char    *filename,
                                           JueStoreFlags  flags,
                                           GError       **error);

JueReport   *jue_document_get_report   (JueDocument *self);
const char  *jue_document_get_filename (JueDocument *self);
gboolean     jue_document_is_read_only (JueDocument *self);
JueStore    *jue_document_get_store    (JueDocument *self);
/* Why a document opened for editing is read-only (translated), or NULL;
 * in use: another program has it open for editing. */
const char  *jue_document_get_read_only_reason (JueDocument *self);
gboolean     jue_document_is_in_use    (JueDocument *self);
/* Another program changed the file since it was loaded: open it again to
 * see the changes (no edit of this document would be saved). */
gboolean     jue_document_changed_on_disk (JueDocument *self);

gboolean     jue_document_set          (JueDocument *self,
                                        const char  *path,
                                        const char  *text,
                                        GError     **error);
/* As typed in the window: a value that cannot be read (an amount "48o") is
 * kept as typed, in the file, and is unknown until corrected — never
 * replaced by another number.  Refused only when it cannot be stored at all
 * (invalid UTF-8, too long, a record). */
gboolean     jue_document_set_typed    (JueDocument *self,
                                        const char  *path,
                                        const char  *text,
                                        GError     **error);
/* How many values are kept as typed because they cannot be read. */
guint        jue_document_count_unreadable (JueDocument *self);

/* index -1 appends; returns the new row's index or -1. */
gint         jue_document_insert_row   (JueDocument *self,
                                        const char  *list_path,
                                        gint         index,
                                        GError     **error);
gboolean     jue_document_remove_row   (JueDocument *self,
                                        const char  *item_path,
                                        GError     **error);
gboolean     jue_document_move_row     (JueDocument *self,
                                        const char  *item_path,
                                        gint         new_index,
                                        GError     **error);

/* Explanations (出错说明) of findings, by rule id and field path. */
const char  *jue_document_get_explanation (JueDocument *self,
                                           const char  *rule,
                                           const char  *path);
gboolean     jue_document_set_explanation (JueDocument *self,
                                           const char  *rule,
                                           const char  *path,
                                           const char  *text,
                                           GError     **error);
/* (rule, path) → text, "rule\x1fpath" keys; owned by the document. */
GHashTable  *jue_document_get_explanations (JueDocument *self);

/* Texts carried from last year's report (jue-carry.h) and not yet
 * confirmed: editing one clears its mark, and so does confirming it as it
 * stands (one committed write; not an undo step). */
gboolean     jue_document_is_carried      (JueDocument *self,
                                           const char  *path);
gboolean     jue_document_confirm_carried (JueDocument *self,
                                           const char  *path,
                                           GError     **error);

/* The functional classification loaded into this report (JueClassEntry),
 * or NULL when none was imported (the built-in table then applies). */
GPtrArray   *jue_document_get_classification (JueDocument *self);
gboolean     jue_document_set_classification (JueDocument *self,
                                              GPtrArray   *entries,
                                              GError     **error);
/* The economic classification (部门预算支出经济分类) loaded into this report,
 * or NULL (the built-in table, jue_classification_economic_builtin, then
 * applies).  Set like the functional one: one undo step; undo's path
 * "economic".  Stored from schema 7 on (the step is taken by this edit). */
GPtrArray   *jue_document_get_economic_classification (JueDocument *self);
gboolean     jue_document_set_economic_classification (JueDocument *self,
                                                       GPtrArray   *entries,
                                                       GError     **error);

gboolean     jue_document_can_undo     (JueDocument *self);
gboolean     jue_document_can_redo     (JueDocument *self);
/* Each undo or redo is itself a committed edit.  *path_out (may be NULL)
 * receives the path it changed, for the GUI to show ("functional" for a
 * classification table, which is undone like any other edit). */
gboolean     jue_document_undo         (JueDocument *self,
                                        char       **path_out,
                                        GError     **error);
gboolean     jue_document_redo         (JueDocument *self,
                                        char       **path_out,
                                        GError     **error);

/* Several edits as one undo step (a paste of a block of cells, an import
 * into the report): the edits made between begin and end are undone and
 * redone together, and undo then reports path.  They are also one
 * transaction of the file: nothing of them is in the file until the group
 * is committed, and a crash or a failed write before that leaves the file
 * as it was.  commit writes the group; when that fails (error set) the
 * model is taken back to what the file holds and the group leaves no
 * trace.  end is commit without the error.  abort takes back the edits
 * made since begin (the file never had them) and leaves no trace of them
 * in the history.  Groups do not nest; undo and redo are refused inside
 * one.  An undo or redo of a group is one transaction too. */
void         jue_document_begin_group  (JueDocument *self);
gboolean     jue_document_commit_group (JueDocument *self,
                                        const char  *path,
                                        GError     **error);
void         jue_document_end_group    (JueDocument *self,
                                        const char  *path);
gboolean     jue_document_abort_group  (JueDocument *self,
                                        GError     **error);

gboolean     jue_document_save_copy    (JueDocument *self,
                                        const char  *filename,
                                        GError     **error);

char        *jue_explanation_key       (const char *rule,
                                        const char *path);

G_END_DECLS
