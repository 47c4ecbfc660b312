/* jue-store.h — the .juesuan document file: one SQLite database.
 *
 * PRAGMA application_id says "this is ours", user_version the schema.  The
 * report is kept as rows (path, value), one per field, so every edit is one
 * small committed transaction.  Journal mode DELETE: the file alone holds
 * every committed edit.  Files from others are untrusted: the header is
 * checked before SQLite sees the file, the database is opened defensively
 * (no triggers, no views, trusted_schema off) and its schema must be exactly
 * ours.
 */
#pragma once

#include "jue-report.h"

G_BEGIN_DECLS

#define JUE_APPLICATION_ID 0x4A554553   /* "JUES" */
#define JUE_SCHEMA_VERSION 2

typedef struct _JueStore JueStore;

typedef enum {
  JUE_STORE_READ_ONLY = 1 << 0,   /* never write a byte */
} JueStoreFlags;

typedef struct {
  char *code;
  char *name;
  int   level;    /* 1 类, 2 款, 3 项 */
  char *parent;
} JueClassEntry;

typedef struct {
  char *rule;
  char *path;
  char *text;
} JueExplanation;

void        jue_class_entry_free     (JueClassEntry *e);
void        jue_explanation_free     (JueExplanation *e);

/* Creates filename (which must not exist) holding report, atomically: the
 * file appears complete or not at all. */
JueStore   *jue_store_create         (const char *filename,
                                      JueReport  *report,
                                      GError    **error);
/* Opens and validates filename, and loads its report into *report_out.
 * Opening writable migrates an older schema forward; a read-only open (or
 * a file the user may not write) never changes the file. */
JueStore   *jue_store_open           (const char    *filename,
                                      JueStoreFlags  flags,
                                      JueReport    **report_out,
                                      GError       **error);
void        jue_store_close          (JueStore *store);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JueStore, jue_store_close)

gboolean    jue_store_is_read_only   (JueStore *store);
const char *jue_store_get_filename   (JueStore *store);
int         jue_store_get_version    (JueStore *store);

/* One committed transaction each. */
gboolean    jue_store_write_field    (JueStore    *store,
                                      const char  *path,
                                      const char  *value,
                                      GError     **error);
/* Rewrites every row under prefix (a list such as "functional" or
 * "special_funds[2].indicators") from report. */
gboolean    jue_store_write_subtree  (JueStore    *store,
                                      JueReport   *report,
                                      const char  *prefix,
                                      GError     **error);

GPtrArray  *jue_store_load_explanations (JueStore *store,
                                         GError  **error);
/* text NULL or "" removes the explanation. */
gboolean    jue_store_set_explanation   (JueStore   *store,
                                         const char *rule,
                                         const char *path,
                                         const char *text,
                                         GError    **error);
/* Of JueClassEntry; empty when the report has no imported table. */
GPtrArray  *jue_store_load_classification    (JueStore *store,
                                              GError  **error);
gboolean    jue_store_replace_classification (JueStore  *store,
                                              GPtrArray *entries,
                                              GError   **error);

/* A consistent copy of the whole file (VACUUM INTO a temporary name, then
 * renamed into place). */
gboolean    jue_store_save_copy      (JueStore   *store,
                                      const char *filename,
                                      GError    **error);

G_END_DECLS
