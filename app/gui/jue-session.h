/* jue-session.h — one open report as the GUI sees it: the document, the
 * findings of the last check, and every field widget showing a path.
 *
 * An edit flows document → "changed" → the session re-checks what the
 * edit touches → marks the fields → emits its own "changed", which pages
 * use to refresh computed values and rebuild lists.  Not a widget. */
#pragma once

#include <gtk/gtk.h>

#include "jue-completeness.h"
#include "jue-computed.h"
#include "jue-document.h"

G_BEGIN_DECLS

typedef struct _JueField JueField;

typedef enum {
  JUE_MARK_NONE,
  JUE_MARK_HINT,
  JUE_MARK_WARNING,
  JUE_MARK_ERROR,
} JueMarkLevel;

#define JUE_TYPE_SESSION (jue_session_get_type ())
G_DECLARE_FINAL_TYPE (JueSession, jue_session, JUE, SESSION, GObject)

JueSession  *jue_session_new              (JueDocument *document);
JueDocument *jue_session_get_document     (JueSession  *self);
JueReport   *jue_session_get_report       (JueSession  *self);
gboolean     jue_session_is_read_only     (JueSession  *self);

/* Field widgets register themselves while they exist. */
void         jue_session_add_field        (JueSession  *self,
                                           JueField    *field);
void         jue_session_remove_field     (JueSession  *self,
                                           JueField    *field);
/* The first live widget for path, or NULL; a row of a long table that
 * has not been built yet is built for it (jue_session_add_row_builder). */
JueField    *jue_session_lookup_field     (JueSession  *self,
                                           const char  *path);
/* The same, but only among the widgets already built. */
JueField    *jue_session_find_built_field (JueSession  *self,
                                           const char  *path);

/* Builds the rows of list_path up to and including index; FALSE when it
 * has no such row. */
typedef gboolean (*JueSessionBuildRowFunc) (gpointer owner,
                                            guint    index);
/* A table that builds its rows as they are wanted registers here, so a
 * lookup of a field in a row not built yet builds it. */
void         jue_session_add_row_builder  (JueSession             *self,
                                           const char             *list_path,
                                           JueSessionBuildRowFunc  build,
                                           gpointer                owner);
void         jue_session_remove_row_builder (JueSession *self,
                                             gpointer    owner);

/* Stores every typed value still waiting to be committed: called before
 * an edit that is not typing (undo, rows added or removed), so it applies
 * after what was typed. */
void         jue_session_flush_fields     (JueSession  *self);

/* What was typed at a path and could not be written to the file (a full
 * disk, a read-only folder, a file taken away, changed by another
 * program): never lost.  The model keeps what the file holds; the text is
 * kept here, shown in its field, marked, and written again at the next
 * edit or when asked (retry).  "unsaved-changed" is emitted when the set
 * changes. */
void         jue_session_keep_unsaved     (JueSession   *self,
                                           const char   *path,
                                           const char   *text,
                                           const GError *error);
void         jue_session_drop_unsaved     (JueSession   *self,
                                           const char   *path);
/* The text kept for path, or NULL. */
const char  *jue_session_get_unsaved      (JueSession   *self,
                                           const char   *path);
guint        jue_session_count_unsaved    (JueSession   *self);
/* Why the last write of one failed (NULL when none is kept). */
const GError *jue_session_get_unsaved_error (JueSession *self);
/* The paths kept, sorted (transfer full). */
GPtrArray   *jue_session_list_unsaved     (JueSession   *self);
/* Writes each kept text again; FALSE (error set) when one still cannot be
 * written (it and those after it stay kept). */
gboolean     jue_session_retry_unsaved    (JueSession   *self,
                                           GError      **error);

/* The findings of the last check (JueFindingItem objects, findings first by
 * severity then by position in the report). */
GListModel  *jue_session_get_findings     (JueSession  *self);
/* What a finished report still lacks, recomputed with the findings: the
 * items (JueFindingItem, rule W-MISSING, in section order) and the
 * progress per section. */
GListModel  *jue_session_get_missing      (JueSession  *self);
const JueCompleteness *
             jue_session_get_completeness (JueSession  *self);
/* Errors and warnings under a path prefix ("" for all). */
void         jue_session_count_findings   (JueSession  *self,
                                           const char  *prefix,
                                           guint       *errors,
                                           guint       *warnings);
/* The worst finding on exactly this path, and its messages joined by
 * newlines (transfer full, NULL when none). */
JueMarkLevel jue_session_get_mark         (JueSession  *self,
                                           const char  *path,
                                           char       **message);

/* Asks the window to tell the user that an edit was refused. */
void         jue_session_report_error     (JueSession   *self,
                                           const GError *error);

G_END_DECLS

G_BEGIN_DECLS

/* Computed values (jue-computed.h), recomputed after every edit before the
 * session's "changed" is emitted. */
const JueComputed *jue_session_get_computed (JueSession *self);
/* A label showing the computed value at path, kept up to date while it
 * exists ("95.03%", or the reason it has no value). */
GtkWidget   *jue_computed_label_new       (JueSession  *self,
                                           const char  *path);
/* The translated description of a computed path ("Completion rate"), from
 * jue_computed_schema_foreach; NULL when unknown. */
const char  *jue_computed_describe        (const char  *path);

G_END_DECLS
