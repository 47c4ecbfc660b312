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
#define JUE_SCHEMA_VERSION 7

typedef struct _JueStore JueStore;

/* Limits, far above any real report (the sample: 220 KiB, 1,196 fields,
 * longest text 1.5 KB, longest list 52 rows; see also JUE_MAX_LIST_ROWS).
 * A file beyond them is refused before it is loaded, and no edit can make
 * a file Juesuan would refuse. */
#define JUE_MAX_FILE_BYTES  (64 << 20)     /* the .juesuan file */
#define JUE_MAX_FIELDS      200000         /* stored fields (and explanations) */
#define JUE_MAX_TEXT_BYTES  (256 << 10)    /* one value or explanation */
#define JUE_MAX_PATH_BYTES  512            /* one field path */

typedef enum {
  JUE_STORE_READ_ONLY = 1 << 0,   /* never write a byte */
  JUE_STORE_WAIT      = 1 << 1,   /* wait a few seconds for another writer */
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

/* The most a CSV or classification file read by Juesuan may hold. */
#define JUE_MAX_CSV_BYTES   (16 << 20)

/* Reads a regular file of at most max_bytes (never waiting on a pipe or
 * device); *data_out is NUL-terminated. */
gboolean    jue_read_regular_file    (const char *filename,
                                      gsize       max_bytes,
                                      char      **data_out,
                                      gsize      *len_out,
                                      GError    **error);
/* FALSE (JUE_ERROR_IN_USE, naming who) when another document — in this
 * program or another — has filename open for editing, so it must not be
 * replaced. */
gboolean    jue_store_check_not_in_use (const char *filename,
                                        GError    **error);

void        jue_class_entry_free     (JueClassEntry *e);
void        jue_explanation_free     (JueExplanation *e);

/* Creates filename (which must not exist) holding report, atomically: the
 * file appears complete or not at all. */
JueStore   *jue_store_create         (const char *filename,
                                      JueReport  *report,
                                      GError    **error);
/* Opens and validates filename, and loads its report into *report_out.
 * Only a regular file is opened (never blocking on a pipe or device).
 *
 * One file has one writer: opening for editing takes a lock that lasts
 * until jue_store_close() (or the process dies).  When the file cannot be
 * edited here — another program has it open for editing, the file or its
 * folder is read-only, another program left a -wal beside it — it is
 * opened read-only and jue_store_get_read_only_reason() says why.
 *
 * After a crash during a save a journal is left beside the file: opening
 * for editing rolls it back (SQLite's recovery) before the checks; opening
 * read-only recovers a private copy instead and never writes a byte beside
 * the file.  Opening writable migrates an older schema forward. */
JueStore   *jue_store_open           (const char    *filename,
                                      JueStoreFlags  flags,
                                      JueReport    **report_out,
                                      GError       **error);
void        jue_store_close          (JueStore *store);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JueStore, jue_store_close)

gboolean    jue_store_is_read_only   (JueStore *store);
/* Why a file opened for editing is read-only (translated), or NULL. */
const char *jue_store_get_read_only_reason (JueStore *store);
/* Read-only because another program has it open for editing. */
gboolean    jue_store_is_in_use      (JueStore *store);
/* filename names this very file (device and inode), by whatever path. */
gboolean    jue_store_is_same_file   (JueStore   *store,
                                      const char *filename);
/* Another program changed (or replaced) the file since it was loaded. */
gboolean    jue_store_changed_on_disk (JueStore *store);
const char *jue_store_get_filename   (JueStore *store);
int         jue_store_get_version    (JueStore *store);

/* One committed transaction each (inside a batch: part of the batch's).
 * A write fails (JUE_ERROR_CHANGED) when
 * another program committed to the file since it was loaded, and
 * (JUE_ERROR_TOO_LARGE) when it would break a limit. */
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

/* Marks (or unmarks) a text as carried from last year; jue_store_write_field
 * unmarks the field it writes, write_subtree and create store the marks of
 * the report's fields they write. */
gboolean    jue_store_set_carried    (JueStore    *store,
                                      const char  *path,
                                      gboolean     carried,
                                      GError     **error);

/* Several writes as one transaction (a paste, an import into a report):
 * the writes between begin and commit reach the file together or not at
 * all — a crash or a failed write in the middle leaves the file as it was.
 * A write that fails inside a batch takes back only its own part; the
 * caller then rolls the whole batch back.  Batches do not nest. */
gboolean    jue_store_begin_batch    (JueStore  *store,
                                      GError   **error);
gboolean    jue_store_commit_batch   (JueStore  *store,
                                      GError   **error);
void        jue_store_rollback_batch (JueStore  *store);
gboolean    jue_store_in_batch       (JueStore  *store);

/* Notes kept beside the report in the meta table (a consolidation's units,
 * its provenance): in one transaction, the rows whose key starts with
 * clear_prefix (may be NULL) are removed and keys[i] = values[i] written. */
gboolean    jue_store_write_meta     (JueStore    *store,
                                      const char  *clear_prefix,
                                      GPtrArray   *keys,
                                      GPtrArray   *values,
                                      GError     **error);
/* key → value of the meta rows whose key starts with prefix. */
GHashTable *jue_store_read_meta      (JueStore    *store,
                                      const char  *prefix);

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
/* The same for the economic classification (schema 7; empty before). */
GPtrArray  *jue_store_load_economic_classification    (JueStore *store,
                                                       GError  **error);
gboolean    jue_store_replace_economic_classification (JueStore  *store,
                                                       GPtrArray *entries,
                                                       GError   **error);

/* A consistent copy of the whole file (VACUUM INTO a temporary name, then
 * renamed into place). */
gboolean    jue_store_save_copy      (JueStore   *store,
                                      const char *filename,
                                      GError    **error);

G_END_DECLS
