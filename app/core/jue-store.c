/* jue-store.c — the .juesuan file: validation, migrations, committed edits. */
#define _GNU_SOURCE  /* F_OFD_SETLK, renameat2 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "jue-store.h"
#include "jue-empty.h"
#include "jue-tsv.h"

/* The schema, version by version.  Each step runs inside one transaction.
 * The statements are also the exact text SQLite keeps in sqlite_master,
 * which is how a file's schema is compared with ours. */
static const char *const schema_v1[] = {
  "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID",
  "CREATE TABLE field (path TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID",
  NULL
};
static const char *const schema_v2[] = {
  "CREATE TABLE explanation (rule TEXT NOT NULL, path TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (rule, path)) WITHOUT ROWID",
  "CREATE TABLE classification (code TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, level INTEGER NOT NULL, parent TEXT) WITHOUT ROWID",
  NULL
};
/* v3 (issue 11): the lists and columns of the published tables (accounts,
 * economic, …) are new field paths, which an older Juesuan would call
 * damage.  No statements: the step is taken with the first edit, not when
 * the file is opened, so a file only looked at stays readable by the
 * version that made it. */
static const char *const schema_v3[] = { NULL };
/* v4 (issue 13): functional[N].previous and .reason, the 项's 上年 figure
 * and the reason for its change; taken with the first edit, as v3. */
static const char *const schema_v4[] = { NULL };
/* v5 (issue 11): tables marked empty, empty_tables[N] (jue-empty.h).  No
 * statements either; the step also writes the marks a file of schema ≤ 4
 * is read with (its fund tables whose explanation said 本表无数据), so the
 * file means the same after it. */
static const char *const schema_v5[] = { NULL };
/* v6 (issue 13): profile.change_threshold_percent and _amount, the
 * report's own threshold of a large change; taken with the first edit. */
static const char *const schema_v6[] = { NULL };
/* v7 (issue 11): the year's economic classification (部门预算支出经济分类),
 * imported like the functional one, in a table of its own.  Unlike v2's
 * tables it is created with the first edit, not when the file is opened
 * (see migrate), so a file only opened stays readable by the version that
 * made it. */
static const char *const schema_v7[] = {
  "CREATE TABLE economic_classification (code TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, level INTEGER NOT NULL, parent TEXT) WITHOUT ROWID",
  NULL
};
#define FIRST_EDIT_DDL 7  /* steps from here on wait for the first edit even with statements */
static const char *const *const migrations[] = { NULL, schema_v1, schema_v2, schema_v3,
                                                 schema_v4, schema_v5, schema_v6,
                                                 schema_v7 };

/* The writer lock: an open-file-description lock on a byte SQLite never
 * locks (its own lock bytes end at 0x40000200), held while a document is
 * open for editing and dropped by the kernel when the process dies.  The
 * holder also read-locks the byte LOCK_PID_BASE + its process id, so a
 * second program can say who has the file. */
#define LOCK_BASE      ((off_t) 0x40010000)
#define LOCK_PID_BASE  (LOCK_BASE + 16)
#define LOCK_PID_SPAN  ((off_t) 1 << 22)   /* pid_max is at most 2^22 */
#define LOCK_WAIT_USEC (3 * G_USEC_PER_SEC)

struct _JueStore {
  sqlite3      *db;
  char         *filename;    /* as the user named it: in every message */
  char         *real_path;   /* symbolic links resolved: what SQLite opens */
  char         *copy_dir;    /* review of a file needing recovery: a private copy */
  char         *why_read_only;
  int           lock_fd;     /* holds the writer lock, or -1 */
  gboolean      read_only;
  gboolean      in_use;
  gboolean      batch;       /* a transaction holding several writes is open */
  gboolean      after_failure;  /* our own write failed; data_version may move */
  int           version;
  sqlite3_int64 data_version;
  dev_t         dev;
  ino_t         ino;
  off_t         size;
  struct timespec mtime;
  sqlite3_stmt *upsert_field;
  sqlite3_stmt *delete_prefix;
  sqlite3_stmt *insert_carried;
  sqlite3_stmt *delete_carried;
  sqlite3_stmt *delete_carried_prefix;
  sqlite3_stmt *upsert_explanation;
  sqlite3_stmt *delete_explanation;
  GPtrArray    *legacy_rows;  /* path, value, …: the marks of empty tables a
                                 file of schema ≤ 4 is read with, written by
                                 the step to 5 */
};

void
jue_class_entry_free (JueClassEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->code);
  g_free (e->name);
  g_free (e->parent);
  g_free (e);
}

void
jue_explanation_free (JueExplanation *e)
{
  if (e == NULL)
    return;
  g_free (e->rule);
  g_free (e->path);
  g_free (e->text);
  g_free (e);
}

/* What went wrong, in words: never SQL text, and always the user's file. */
static gboolean
sql_error (GError    **error,
           sqlite3    *db,
           const char *filename,
           const char *doing)
{
  int code = db ? sqlite3_extended_errcode (db) : SQLITE_ERROR;
  int primary = code & 0xff;
  int sys = db ? sqlite3_system_errno (db) : 0;

  switch (primary)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, JUE_ERROR, JUE_ERROR_IN_USE,
                   _("%s is in use by another program; nothing was changed. "
                     "Try again when that program is done with it."), filename);
      break;
    case SQLITE_FULL:
      g_set_error (error, JUE_ERROR, JUE_ERROR_IO,
                   _("%s: the disk is full; nothing was changed"), filename);
      break;
    case SQLITE_READONLY:
      if (code == SQLITE_READONLY_DBMOVED)
        {
          g_set_error (error, JUE_ERROR, JUE_ERROR_IO,
                       _("%s was moved or deleted while it was open here; nothing was "
                         "changed"), filename);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, JUE_ERROR, JUE_ERROR_READ_ONLY,
                   _("%s cannot be written (the file or its folder is read-only); "
                     "nothing was changed"), filename);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, JUE_ERROR, JUE_ERROR_CORRUPT,
                   _("%s is damaged or was altered outside Juesuan"), filename);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, JUE_ERROR, JUE_ERROR_IO,
                   /* TRANSLATORS: file, then the system's reason */
                   _("Cannot open %s: %s"), filename,
                   sys ? g_strerror (sys) : _("the file or its folder cannot be reached"));
      break;
    case SQLITE_TOOBIG:
    case SQLITE_NOMEM:
      g_set_error (error, JUE_ERROR, JUE_ERROR_TOO_LARGE,
                   _("%s: the data is too large; nothing was changed"), filename);
      break;
    default:
      if (sys == ENOSPC || sys == EDQUOT || sys == EFBIG)
        {
          /* a write cut short: no room on the disk, or a quota or file size limit */
          g_set_error (error, JUE_ERROR, JUE_ERROR_IO,
                       _("%s: the disk is full; nothing was changed"), filename);
          break;
        }
      g_set_error (error, JUE_ERROR, JUE_ERROR_IO,
                   /* TRANSLATORS: "report.juesuan: saving failed: disk I/O error
                    * (Input/output error)"; the middle part says what was being done */
                   _("%s: %s failed: %s (%s)"), filename, doing,
                   sqlite3_errstr (code), sys ? g_strerror (sys) : "-");
      break;
    }
  return FALSE;
}

static gboolean
exec (JueStore   *store,
      const char *sql,
      GError    **error)
{
  if (sqlite3_exec (store->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return sql_error (error, store->db, store->filename, _("saving"));
  return TRUE;
}

static sqlite3_int64
data_version (sqlite3 *db)
{
  sqlite3_stmt *stmt;
  sqlite3_int64 v = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

static gboolean migrate (JueStore *store, gboolean on_edit, GError **error);

/* Every write starts here.  No write is based on a stale copy: if another
 * program committed to the file since it was loaded (it ignored the writer
 * lock — an old Juesuan, the sqlite3 shell), the edit is refused. */
static gboolean
begin (JueStore *store,
       GError  **error)
{
  /* inside a batch each write is a savepoint of the one transaction: a
   * write that fails takes back only its own part, and nothing is in the
   * file before the batch commits */
  if (store->batch)
    return exec (store, "SAVEPOINT jue_write", error);
  if (store->read_only)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_READ_ONLY,
                   _("%s is open read-only; nothing was changed"), store->filename);
      return FALSE;
    }
  /* the first edit of an older file takes the steps left (not when the
   * file changed under us: that edit is refused below) */
  if (store->version < JUE_SCHEMA_VERSION &&
      data_version (store->db) == store->data_version && !migrate (store, TRUE, error))
    return FALSE;
  if (!exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (store->after_failure)
    {
      store->data_version = data_version (store->db);
      store->after_failure = FALSE;
    }
  if (data_version (store->db) != store->data_version)
    {
      sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
      g_set_error (error, JUE_ERROR, JUE_ERROR_CHANGED,
                   _("%s was changed by another program after it was opened here; "
                     "nothing was changed. Open it again to see its changes."),
                   store->filename);
      return FALSE;
    }
  return TRUE;
}

static gboolean check_limits (JueStore *store, GError **error);

/* Takes back the transaction begun by begin().  A write that failed (a
 * full disk) makes SQLite drop its cache, which moves data_version on
 * although no other program wrote (none could: the transaction held the
 * write lock since begin checked it), so it is read again here — else the
 * next edit would be refused as "changed by another program". */
static void
rollback (JueStore *store)
{
  sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
  /* a read settles the cache (and rolls back a journal a failed commit
   * left); until one succeeds, the next begin takes the version as it is */
  store->after_failure = sqlite3_exec (store->db, "SELECT count(*) FROM meta",
                                       NULL, NULL, NULL) != SQLITE_OK;
  store->data_version = data_version (store->db);
}

static gboolean
commit (JueStore *store,
        gboolean  ok,
        GError  **error)
{
  if (store->batch)
    {
      if (ok && exec (store, "RELEASE jue_write", error))
        return TRUE;
      sqlite3_exec (store->db, "ROLLBACK TO jue_write", NULL, NULL, NULL);
      sqlite3_exec (store->db, "RELEASE jue_write", NULL, NULL, NULL);
      return FALSE;
    }
  ok = ok && check_limits (store, error);
  if (ok && sqlite3_exec (store->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  if (ok)
    sql_error (error, store->db, store->filename, _("saving"));
  rollback (store);
  return FALSE;
}

static gboolean
step_done (JueStore     *store,
           sqlite3_stmt *stmt,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return sql_error (error, store->db, store->filename, _("saving"));
  return TRUE;
}

/* ---- header check, before SQLite ever sees the file ------------------- */

static gboolean
check_header (int         fd,
              const char *filename,
              GError    **error)
{
  guint8 header[100];
  ssize_t n = pread (fd, header, sizeof header, 0);
  guint32 app_id, user_version;

  if (n < (ssize_t) sizeof header ||
      memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_NOT_OURS,
                   _("%s is not a Juesuan report: it is not an SQLite database"),
                   filename);
      return FALSE;
    }
  app_id = (guint32) header[68] << 24 | (guint32) header[69] << 16 |
           (guint32) header[70] << 8 | header[71];
  user_version = (guint32) header[60] << 24 | (guint32) header[61] << 16 |
                 (guint32) header[62] << 8 | header[63];
  if (app_id != JUE_APPLICATION_ID)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_NOT_OURS,
                   _("%s is an SQLite database but not a Juesuan report"), filename);
      return FALSE;
    }
  if (user_version > JUE_SCHEMA_VERSION)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_NEWER,
                   _("%s was written by a newer version of Juesuan (file format %u; "
                     "this version reads up to %d). Please update Juesuan."),
                   filename, user_version, JUE_SCHEMA_VERSION);
      return FALSE;
    }
  if (user_version < 1)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_CORRUPT,
                   _("%s is damaged: it has no schema version"), filename);
      return FALSE;
    }
  /* bytes 18 and 19: 1 rollback journal (ours), 2 write-ahead log */
  if (header[18] != 1 || header[19] != 1)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_CORRUPT,
                   _("%s was altered outside Juesuan: it was switched to SQLite's "
                     "write-ahead-log mode, which Juesuan never uses"), filename);
      return FALSE;
    }
  return TRUE;
}

static void
harden (sqlite3 *db)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_exec (db, "PRAGMA trusted_schema = OFF", NULL, NULL, NULL);
  sqlite3_busy_timeout (db, 2000);
}

static gboolean
corrupt (GError    **error,
         const char *filename,
         const char *why)
{
  g_set_error (error, JUE_ERROR, JUE_ERROR_CORRUPT,
               _("%s is damaged or was altered outside Juesuan: %s"), filename, why);
  return FALSE;
}

/* SQLite refused to read db: a lock held by another program is "in use",
 * anything else is damage. */
static gboolean
refuse_db (GError    **error,
           sqlite3    *db,
           const char *filename)
{
  int primary = sqlite3_errcode (db) & 0xff;

  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_NOMEM ||
      primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY)
    return sql_error (error, db, filename, _("reading"));
  return corrupt (error, filename, sqlite3_errmsg (db));
}

/* The file's schema must be exactly the one our migrations produce for its
 * version: no triggers, views, extra tables or altered columns. */
static gboolean
check_schema (sqlite3    *db,
              const char *filename,
              int         version,
              GError    **error)
{
  g_autoptr (GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int rc;
  guint seen = 0;

  for (int v = 1; v <= version; v++)
    for (guint i = 0; migrations[v][i]; i++)
      g_hash_table_add (expected, (gpointer) migrations[v][i]);

  if (sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_schema",
                          -1, &stmt, NULL) != SQLITE_OK)
    return refuse_db (error, db, filename);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *sql = (const char *) sqlite3_column_text (stmt, 2);

      if (g_strcmp0 (type, "table") == 0 && sql &&
          g_hash_table_contains (expected, sql))
        {
          seen++;
          continue;
        }
      if (g_strcmp0 (type, "index") == 0 && sql == NULL &&
          name && g_str_has_prefix (name, "sqlite_autoindex_"))
        continue;
      {
        g_autofree char *why = g_strdup_printf (
          _("it contains a %s “%s” that Juesuan did not create"),
          type ? type : "?", name ? name : "?");
        sqlite3_finalize (stmt);
        return corrupt (error, filename, why);
      }
    }
  if (rc != SQLITE_DONE)
    {
      refuse_db (error, db, filename);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  if (seen != g_hash_table_size (expected))
    return corrupt (error, filename, _("tables are missing"));
  return TRUE;
}

static gboolean
quick_check (sqlite3    *db,
             const char *filename,
             GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  g_autofree char *why = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK)
    return refuse_db (error, db, filename);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *r = (const char *) sqlite3_column_text (stmt, 0);
      ok = g_strcmp0 (r, "ok") == 0;
      why = g_strdup (r ? r : "?");
    }
  else
    {
      refuse_db (error, db, filename);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  if (ok)
    return TRUE;
  /* SQLite's own words name pages and b-trees: for the log, not a person */
  g_debug ("%s: quick_check: %s", filename, why);
  return corrupt (error, filename, _("its database pages do not fit together"));
}

/* ---- loading, within the limits -------------------------------------- */

typedef struct {
  char *path;
  char *value;
} Row;

static void
row_free (Row *row)
{
  g_free (row->path);
  g_free (row->value);
  g_free (row);
}

/* "functional[10]" after "functional[9]": list indices compare as numbers,
 * everything else byte by byte, so every row comes after the rows before
 * it in its list. */
static int
compare_rows (gconstpointer pa,
              gconstpointer pb)
{
  const char *a = (*(Row * const *) pa)->path;
  const char *b = (*(Row * const *) pb)->path;

  while (*a && *a == *b)
    {
      if (*a == '[')
        {
          guint64 x = 0, y = 0;

          for (a++; g_ascii_isdigit (*a); a++)
            x = x * 10 + (guint64) (*a - '0');
          for (b++; g_ascii_isdigit (*b); b++)
            y = y * 10 + (guint64) (*b - '0');
          if (x != y)
            return x < y ? -1 : 1;
          continue;
        }
      a++;
      b++;
    }
  return (int) (guchar) *a - (int) (guchar) *b;
}

/* A path's list indices, checked before any row is made for them. */
static gboolean
check_indices (const char *path)
{
  for (const char *p = strchr (path, '['); p; p = strchr (p + 1, '['))
    {
      guint digits = 0;
      guint64 index = 0;

      for (p++; g_ascii_isdigit (*p) && digits < 9; p++, digits++)
        index = index * 10 + (guint64) (*p - '0');
      if (digits == 0 || *p != ']' || index >= JUE_MAX_LIST_ROWS)
        return FALSE;
    }
  return TRUE;
}

/* Every stored (path, value), checked against the limits and sorted so
 * list rows come in order.  Memory is bounded by the file's size. */
static GPtrArray *
read_rows (sqlite3    *db,
           const char *filename,
           GError    **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  sqlite3_stmt *stmt;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT path, value FROM field", -1, &stmt, NULL) != SQLITE_OK)
    {
      refuse_db (error, db, filename);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* types first: reading a value as text converts it */
      gboolean text = sqlite3_column_type (stmt, 0) == SQLITE_TEXT &&
                      sqlite3_column_type (stmt, 1) == SQLITE_TEXT;
      const char *path = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);
      int path_bytes = sqlite3_column_bytes (stmt, 0);
      int value_bytes = sqlite3_column_bytes (stmt, 1);
      g_autofree char *why = NULL;
      Row *row;

      if (rows->len >= JUE_MAX_FIELDS)
        why = g_strdup_printf (_("it holds more than %d fields"), JUE_MAX_FIELDS);
      else if (path == NULL || value == NULL || !text)
        why = g_strdup (_("a stored field is not text"));
      else if (path_bytes > JUE_MAX_PATH_BYTES || !g_utf8_validate (path, path_bytes, NULL))
        why = g_strdup (_("a stored field has a path Juesuan never writes"));
      else if (!check_indices (path))
        why = g_strdup_printf (_("stored field %s: a list index is not a number below %d"),
                               path, JUE_MAX_LIST_ROWS);
      else if (value_bytes > JUE_MAX_TEXT_BYTES)
        why = g_strdup_printf (_("stored field %s: its value is longer than %d bytes"),
                               path, JUE_MAX_TEXT_BYTES);
      if (why)
        {
          sqlite3_finalize (stmt);
          corrupt (error, filename, why);
          return NULL;
        }
      row = g_new (Row, 1);
      row->path = g_strndup (path, (gsize) path_bytes);
      row->value = g_strndup (value, (gsize) value_bytes);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      refuse_db (error, db, filename);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  g_ptr_array_sort (rows, compare_rows);
  return g_steal_pointer (&rows);
}

/* Applies every stored field to a fresh report.  List rows must be
 * numbered densely from 0 (Juesuan stores every field of every row), so a
 * row is only ever created right after the last one. */
static JueReport *
load_report (sqlite3    *db,
             const char *filename,
             GError    **error)
{
  g_autoptr (JueReport) report = jue_report_new ();
  g_autoptr (GPtrArray) rows = read_rows (db, filename, error);
  JueResolveCache cache;

  if (rows == NULL)
    return NULL;
  /* rows come sorted: the fields of one record follow each other, and
   * only the first of them creates the record's row or resolves its path
   * from the root */
  jue_resolve_cache_init (&cache);
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = rows->pdata[i];
      GError *inner = NULL;
      JueFieldRef ref;

      if ((!jue_resolve_cache_holds (&cache, row->path) &&
           !jue_report_ensure_rows (report, row->path, TRUE, &inner)) ||
          !jue_report_resolve_cached (report, &cache, row->path, &ref, &inner) ||
          !jue_field_set_typed (&ref, row->path, row->value, NULL, &inner))
        {
          g_autofree char *why = g_strdup_printf (_("stored field %s: %s"), row->path,
                                                  inner->message);
          g_clear_error (&inner);
          jue_resolve_cache_clear (&cache);
          corrupt (error, filename, why);
          return NULL;
        }
    }
  jue_resolve_cache_clear (&cache);
  return g_steal_pointer (&report);
}

/* ---- open, create, migrate -------------------------------------------- */

static gboolean
prepare_statements (JueStore *store,
                    GError  **error)
{
  struct { sqlite3_stmt **stmt; const char *sql; } list[] = {
    { &store->upsert_field,
      "INSERT INTO field (path, value) VALUES (?1, ?2) "
      "ON CONFLICT (path) DO UPDATE SET value = excluded.value" },
    { &store->delete_prefix,
      "DELETE FROM field WHERE substr (path, 1, length (?1)) = ?1" },
    /* carried texts (issue 13): one meta row "carried:PATH" each */
    { &store->insert_carried,
      "INSERT OR IGNORE INTO meta (key, value) VALUES ('carried:' || ?1, '')" },
    { &store->delete_carried,
      "DELETE FROM meta WHERE key = 'carried:' || ?1" },
    { &store->delete_carried_prefix,
      "DELETE FROM meta WHERE substr (key, 1, length ('carried:' || ?1)) = 'carried:' || ?1" },
    { &store->upsert_explanation,
      "INSERT INTO explanation (rule, path, text) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (rule, path) DO UPDATE SET text = excluded.text" },
    { &store->delete_explanation,
      "DELETE FROM explanation WHERE rule = ?1 AND path = ?2" },
  };

  /* A version-1 file opened for review has no explanation table. */
  guint n = store->version >= 2 ? G_N_ELEMENTS (list) : 5;

  for (guint i = 0; i < n; i++)
    if (sqlite3_prepare_v3 (store->db, list[i].sql, -1, SQLITE_PREPARE_PERSISTENT,
                            list[i].stmt, NULL) != SQLITE_OK)
      return sql_error (error, store->db, store->filename, _("preparing"));
  return TRUE;
}

static gboolean
write_legacy_rows (JueStore *store,
                   GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (store->legacy_rows == NULL || store->legacy_rows->len == 0)
    return TRUE;
  if (sqlite3_prepare_v2 (store->db,
                          "INSERT INTO field (path, value) VALUES (?1, ?2) "
                          "ON CONFLICT (path) DO UPDATE SET value = excluded.value",
                          -1, &stmt, NULL) != SQLITE_OK)
    return sql_error (error, store->db, store->filename, _("preparing"));
  for (guint i = 0; ok && i + 1 < store->legacy_rows->len; i += 2)
    {
      sqlite3_bind_text (stmt, 1, store->legacy_rows->pdata[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, store->legacy_rows->pdata[i + 1], -1, SQLITE_STATIC);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        sql_error (error, store->db, store->filename, _("writing"));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  return ok;
}

static void
collect_legacy_row (const char        *path,
                    const JueFieldRef *ref,
                    gpointer           user_data)
{
  g_ptr_array_add (user_data, g_strdup (path));
  g_ptr_array_add (user_data, jue_field_get_text (ref));
}

/* Steps with statements (new tables) run when the file is opened for
 * editing; a step without any waits for the first edit (on_edit), which
 * then takes every step left. */
static gboolean
migrate (JueStore *store,
         gboolean  on_edit,
         GError  **error)
{
  while (store->version < JUE_SCHEMA_VERSION)
    {
      int next = store->version + 1;
      gboolean ok;
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", next);

      if (!on_edit && (migrations[next][0] == NULL || next >= FIRST_EDIT_DDL))
        break;
      if (!exec (store, "BEGIN IMMEDIATE", error))
        return FALSE;
      ok = TRUE;
      for (guint i = 0; ok && migrations[next][i]; i++)
        ok = exec (store, migrations[next][i], error);
      if (ok && next == 5)
        ok = write_legacy_rows (store, error);
      ok = ok && exec (store, set_version, error);
      if (!commit (store, ok, error))
        return FALSE;
      store->version = next;
      if (next == 5)
        g_clear_pointer (&store->legacy_rows, g_ptr_array_unref);
    }
  return TRUE;
}

static JueStore *
store_new (const char *filename)
{
  JueStore *store = g_new0 (JueStore, 1);
  store->filename = g_strdup (filename);
  store->lock_fd = -1;
  return store;
}

static void
remove_copy (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

void
jue_store_close (JueStore *store)
{
  if (store == NULL)
    return;
  sqlite3_finalize (store->upsert_field);
  sqlite3_finalize (store->delete_prefix);
  sqlite3_finalize (store->insert_carried);
  sqlite3_finalize (store->delete_carried);
  sqlite3_finalize (store->delete_carried_prefix);
  sqlite3_finalize (store->upsert_explanation);
  sqlite3_finalize (store->delete_explanation);
  sqlite3_close_v2 (store->db);
  /* only now: closing any descriptor of the file drops the process's
   * POSIX locks on it, SQLite's included */
  if (store->lock_fd >= 0)
    close (store->lock_fd);
  if (store->copy_dir)
    remove_copy (store->copy_dir);
  g_free (store->copy_dir);
  g_clear_pointer (&store->legacy_rows, g_ptr_array_unref);
  g_free (store->why_read_only);
  g_free (store->real_path);
  g_free (store->filename);
  g_free (store);
}

static gboolean
set_pragmas (JueStore *store,
             GError  **error)
{
  return exec (store, "PRAGMA foreign_keys = ON", error) &&
         exec (store, "PRAGMA journal_mode = DELETE", error) &&
         exec (store, "PRAGMA synchronous = FULL", error);
}

/* ---- the file itself: a regular file, its sidecars, the writer lock ---- */

/* format: "... %s ... %s" — the file, then the system's reason */
static gboolean
errno_error (GError    **error,
             int         saved,
             const char *format,
             const char *filename)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               format, filename, g_strerror (saved));
#pragma GCC diagnostic pop
  return FALSE;
}

/* Symbolic links resolved (a report in a linked folder opens; SQLite is
 * then given a path without links, so it never refuses one). */
static char *
resolve_path (const char *filename,
              GError    **error)
{
  char *real = realpath (filename, NULL);
  char *out;

  if (real == NULL)
    {
      errno_error (error, errno, _("Cannot open %s: %s"), filename);
      return NULL;
    }
  out = g_strdup (real);
  free (real);
  return out;
}

/* Opens path without blocking (a FIFO or a device never hangs the
 * program) and accepts only a regular file within the size limit. */
static int
open_regular (const char  *filename,
              const char  *path,
              int          mode,
              struct stat *st,
              GError     **error)
{
  int fd = open (path, mode | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);

  if (fd < 0)
    {
      errno_error (error, errno, _("Cannot open %s: %s"), filename);
      return -1;
    }
  if (fstat (fd, st) != 0 || !S_ISREG (st->st_mode))
    {
      close (fd);
      g_set_error (error, JUE_ERROR, JUE_ERROR_NOT_OURS,
                   _("%s is not a Juesuan report: it is not a regular file "
                     "(a folder, a device or a pipe)"), filename);
      return -1;
    }
  if (st->st_size > JUE_MAX_FILE_BYTES)
    {
      close (fd);
      g_set_error (error, JUE_ERROR, JUE_ERROR_TOO_LARGE,
                   _("%s is larger than %d MiB, far more than any report; "
                     "it was not opened"), filename, JUE_MAX_FILE_BYTES >> 20);
      return -1;
    }
  return fd;
}

gboolean
jue_read_regular_file (const char *filename,
                       gsize       max_bytes,
                       char      **data_out,
                       gsize      *len_out,
                       GError    **error)
{
  struct stat st;
  int fd = open (filename, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  g_autofree char *data = NULL;
  gsize len = 0;

  if (fd < 0)
    return errno_error (error, errno, _("Cannot open %s: %s"), filename);
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, JUE_ERROR, JUE_ERROR_NOT_OURS,
                   _("%s is not a regular file (a folder, a device or a pipe)"), filename);
      return FALSE;
    }
  if ((guint64) st.st_size > max_bytes)
    {
      close (fd);
      g_set_error (error, JUE_ERROR, JUE_ERROR_TOO_LARGE,
                   _("%s is larger than %u MiB, far more than any report's tables; "
                     "it was not read"), filename, (guint) (max_bytes >> 20));
      return FALSE;
    }
  data = g_malloc ((gsize) st.st_size + 1);
  while (len < (gsize) st.st_size)
    {
      ssize_t n = read (fd, data + len, (gsize) st.st_size - len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          return errno_error (error, saved, _("Cannot read %s: %s"), filename);
        }
      if (n == 0)
        break;    /* it shrank meanwhile: what is there */
      len += (gsize) n;
    }
  close (fd);
  data[len] = '\0';
  *data_out = g_steal_pointer (&data);
  if (len_out)
    *len_out = len;
  return TRUE;
}

static gboolean
try_lock (int fd)
{
  struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET,
                      .l_start = LOCK_BASE, .l_len = 1 };

  if (fcntl (fd, F_OFD_SETLK, &fl) != 0)
    return FALSE;
  fl.l_type = F_RDLCK;
  fl.l_start = LOCK_PID_BASE + getpid ();
  fcntl (fd, F_OFD_SETLK, &fl);   /* who has it: best effort */
  return TRUE;
}

static pid_t
lock_holder (int fd)
{
  struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET,
                      .l_start = LOCK_PID_BASE, .l_len = LOCK_PID_SPAN };

  if (fcntl (fd, F_OFD_GETLK, &fl) != 0 || fl.l_type == F_UNLCK)
    return 0;
  return (pid_t) (fl.l_start - LOCK_PID_BASE);
}

static char *
describe_holder (pid_t pid)
{
  g_autofree char *comm_path = g_strdup_printf ("/proc/%d/comm", (int) pid);
  g_autofree char *comm = NULL;

  if (pid <= 0)
    return g_strdup (_("another program"));
  if (g_file_get_contents (comm_path, &comm, NULL, NULL))
    g_strstrip (comm);
  if (comm && g_str_equal (comm, "juesuan-cli"))
    return g_strdup_printf (_("juesuan-cli (process %d)"), (int) pid);
  if (comm && g_str_equal (comm, "juesuan"))
    return g_strdup_printf (_("the Juesuan window (process %d)"), (int) pid);
  if (comm && *comm && g_utf8_validate (comm, -1, NULL))
    return g_strdup_printf (_("the program “%s” (process %d)"), comm, (int) pid);
  return g_strdup_printf (_("another program (process %d)"), (int) pid);
}

gboolean
jue_store_check_not_in_use (const char *filename,
                            GError    **error)
{
  struct stat st;
  struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET,
                      .l_start = LOCK_BASE, .l_len = 1 };
  int fd = open (filename, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  g_autofree char *who = NULL;

  if (fd < 0)
    return TRUE;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) ||
      fcntl (fd, F_OFD_GETLK, &fl) != 0 || fl.l_type == F_UNLCK)
    {
      close (fd);
      return TRUE;
    }
  who = describe_holder (lock_holder (fd));
  close (fd);
  g_set_error (error, JUE_ERROR, JUE_ERROR_IN_USE,
               /* TRANSLATORS: the file, then e.g. "juesuan-cli (process 4711)" */
               _("%s is open for editing in %s; it was not replaced"), filename, who);
  return FALSE;
}

/* Takes the writer lock on the file (fd is the file opened for reading,
 * st its identity).  FALSE with *why when it cannot be edited here. */
static gboolean
take_writer_lock (JueStore          *store,
                  const struct stat *st,
                  gboolean           wait,
                  char             **why)
{
  g_autofree char *dir = g_path_get_dirname (store->real_path);
  struct stat st2;
  gint64 deadline = g_get_monotonic_time () + (wait ? LOCK_WAIT_USEC : 0);
  int fd;

  if (access (store->real_path, W_OK) != 0)
    {
      *why = g_strdup (_("The file is read-only."));
      return FALSE;
    }
  if (access (dir, W_OK) != 0)
    {
      *why = g_strdup (_("The folder holding the file cannot be written to."));
      return FALSE;
    }
  fd = open_regular (store->filename, store->real_path, O_RDWR, &st2, NULL);
  if (fd < 0 || st2.st_dev != st->st_dev || st2.st_ino != st->st_ino)
    {
      if (fd >= 0)
        close (fd);
      *why = g_strdup (_("The file cannot be written."));
      return FALSE;
    }
  while (!try_lock (fd))
    {
      if (g_get_monotonic_time () >= deadline)
        {
          g_autofree char *who = describe_holder (lock_holder (fd));
          close (fd);
          /* TRANSLATORS: %s is e.g. "juesuan-cli (process 4711)" */
          *why = g_strdup_printf (_("It is open for editing in %s."), who);
          store->in_use = TRUE;
          return FALSE;
        }
      g_usleep (20 * 1000);
    }
  store->lock_fd = fd;
  return TRUE;
}

enum { SIDE_JOURNAL = 1 << 0, SIDE_WAL = 1 << 1 };

/* The files SQLite may read beside the report.  Juesuan leaves none behind
 * except a journal after a crash; a -wal or -shm comes from elsewhere. */
static gboolean
find_sidecars (JueStore *store,
               guint    *found,
               GError  **error)
{
  static const char *const suffixes[] = { "-journal", "-wal", "-shm" };

  *found = 0;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (store->real_path, suffixes[i], NULL);
      struct stat st;

      if (lstat (path, &st) != 0)
        continue;
      if (!S_ISREG (st.st_mode) || st.st_size > JUE_MAX_FILE_BYTES)
        {
          g_autofree char *base = g_path_get_basename (path);
          g_set_error (error, JUE_ERROR, JUE_ERROR_CORRUPT,
                       _("%s cannot be opened: beside it is “%s”, which is not a file "
                         "SQLite could have written"), store->filename, base);
          return FALSE;
        }
      *found |= i == 0 ? SIDE_JOURNAL : SIDE_WAL;
    }
  return TRUE;
}

static gboolean
copy_fd (int         from,
         const char *to,
         GError    **error)
{
  int out = open (to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  char buf[65536];
  off_t offset = 0;
  ssize_t n;

  if (out < 0)
    return errno_error (error, errno, _("Cannot create %s: %s"), to);
  while ((n = pread (from, buf, sizeof buf, offset)) > 0 && offset < JUE_MAX_FILE_BYTES)
    {
      if (write (out, buf, (size_t) n) != n)
        {
          int saved = errno ? errno : ENOSPC;
          close (out);
          return errno_error (error, saved, _("Cannot write %s: %s"), to);
        }
      offset += n;
    }
  close (out);
  if (n < 0)
    return errno_error (error, errno, _("Cannot read %s: %s"), to);
  return TRUE;
}

/* Review of a file left with a journal (a crash during a save) or with
 * another program's sidecars: the file and its journal are copied into a
 * private folder and recovered there, so nothing beside the file is
 * written and a stray -wal is never applied.  Returns the copy's path. */
static char *
make_private_copy (JueStore *store,
                   int       fd,
                   guint     sidecars,
                   GError  **error)
{
  g_autofree char *copy = NULL;

  store->copy_dir = g_dir_make_tmp ("juesuan-review-XXXXXX", error);
  if (store->copy_dir == NULL)
    return NULL;
  copy = g_build_filename (store->copy_dir, "report.juesuan", NULL);
  if (!copy_fd (fd, copy, error))
    return NULL;
  if (sidecars & SIDE_JOURNAL)
    {
      g_autofree char *journal = g_strconcat (store->real_path, "-journal", NULL);
      g_autofree char *journal_copy = g_strconcat (copy, "-journal", NULL);
      struct stat st;
      int jfd = open_regular (store->filename, journal, O_RDONLY, &st, NULL);
      gboolean ok;

      if (jfd >= 0)   /* gone meanwhile: nothing to recover */
        {
          ok = copy_fd (jfd, journal_copy, error);
          close (jfd);
          if (!ok)
            return NULL;
        }
    }
  return g_steal_pointer (&copy);
}

static sqlite3_int64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt;
  sqlite3_int64 v = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

/* ---- open ------------------------------------------------------------- */

static gboolean
open_db (JueStore   *store,
         const char *path,
         int         flags,
         GError    **error)
{
  if (sqlite3_open_v2 (path, &store->db, flags | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK)
    {
      sql_error (error, store->db, store->filename, _("opening"));
      return FALSE;
    }
  harden (store->db);
  return TRUE;
}

/* The file holds exactly the pages its header counts: a file cut short
 * (a copy that stopped early, a full disk) is refused even where SQLite
 * would read the missing bytes as zeros. */
static gboolean
check_size (JueStore   *store,
            const char *path,
            GError    **error)
{
  struct stat st;
  sqlite3_int64 pages = query_int (store->db, "PRAGMA page_count");
  sqlite3_int64 page_size = query_int (store->db, "PRAGMA page_size");

  if (stat (path, &st) == 0 && pages > 0 && page_size > 0 &&
      (sqlite3_int64) st.st_size == pages * page_size)
    return TRUE;
  return corrupt (error, store->filename, _("the file is cut short or has bytes added"));
}

/* The first read also rolls back a hot journal (a read-write connection). */
static JueReport *
validate_and_load (JueStore   *store,
                   const char *path,
                   GError    **error)
{
  sqlite3 *db = store->db;
  sqlite3_stmt *stmt;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      refuse_db (error, db, store->filename);
      sqlite3_finalize (stmt);
      return NULL;
    }
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (version < 1 || version > JUE_SCHEMA_VERSION)
    {
      corrupt (error, store->filename, _("the schema version cannot be read"));
      return NULL;
    }
  store->version = version;
  if (!check_size (store, path, error) ||
      !quick_check (db, store->filename, error) ||
      !check_schema (db, store->filename, version, error))
    return NULL;
  return load_report (db, store->filename, error);
}

/* The marks of texts carried from last year (meta rows "carried:PATH").
 * A mark that names no text field of the report is ignored: it is a note,
 * never a reason to refuse the file. */
static void
load_carried (JueStore  *store,
              JueReport *report)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  if (sqlite3_prepare_v2 (store->db,
                          "SELECT key FROM meta WHERE substr (key, 1, 8) = 'carried:'",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW && n++ < JUE_MAX_FIELDS)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      int bytes = sqlite3_column_bytes (stmt, 0);
      JueFieldRef ref;

      if (sqlite3_column_type (stmt, 0) != SQLITE_TEXT || key == NULL ||
          bytes > JUE_MAX_PATH_BYTES + 8 || !g_utf8_validate (key, bytes, NULL))
        continue;
      if (jue_report_resolve (report, key + 8, &ref, NULL) && ref.index < 0 &&
          ref.def->kind == JUE_KIND_TEXT)
        jue_field_set_carried (&ref, TRUE);
    }
  sqlite3_finalize (stmt);
}

JueStore *
jue_store_open (const char    *filename,
                JueStoreFlags  flags,
                JueReport    **report_out,
                GError       **error)
{
  g_autoptr (JueStore) store = store_new (filename);
  g_autoptr (JueReport) report = NULL;
  g_autofree char *copy = NULL;
  struct stat st;
  guint sidecars = 0;
  int fd;

  store->real_path = resolve_path (filename, error);
  if (store->real_path == NULL)
    return NULL;
  fd = open_regular (filename, store->real_path, O_RDONLY, &st, error);
  if (fd < 0)
    return NULL;
  store->dev = st.st_dev;
  store->ino = st.st_ino;
  store->size = st.st_size;
  store->mtime = st.st_mtim;
  store->read_only = TRUE;
  if (!check_header (fd, filename, error) || !find_sidecars (store, &sidecars, error))
    {
      close (fd);
      return NULL;
    }

  if (!(flags & JUE_STORE_READ_ONLY))
    {
      if (sidecars & SIDE_WAL)
        store->why_read_only = g_strdup (
          _("Another program left a write-ahead log (-wal or -shm) beside the file, "
            "which Juesuan never writes; it was read without it. Move those files "
            "away to edit the report."));
      else if (take_writer_lock (store, &st, (flags & JUE_STORE_WAIT) != 0,
                                 &store->why_read_only))
        store->read_only = FALSE;
    }

  if (store->read_only && sidecars)
    {
      copy = make_private_copy (store, fd, sidecars, error);
      close (fd);
      if (copy == NULL || !open_db (store, copy, SQLITE_OPEN_READWRITE, error))
        return NULL;
    }
  else
    {
      close (fd);
      if (!open_db (store, store->real_path,
                    store->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, error))
        return NULL;
    }

  report = validate_and_load (store, copy ? copy : store->real_path, error);
  if (report == NULL)
    return NULL;
  if (store->version < 5 && jue_report_read_legacy_empty (report) > 0)
    {
      store->legacy_rows = g_ptr_array_new_with_free_func (g_free);
      jue_report_foreach (report, "empty_tables", collect_legacy_row, store->legacy_rows, NULL);
    }
  load_carried (store, report);
  if (copy)
    sqlite3_exec (store->db, "PRAGMA query_only = ON", NULL, NULL, NULL);
  if (!store->read_only && (!set_pragmas (store, error) || !migrate (store, FALSE, error)))
    return NULL;
  /* a file opened for review is never written: no write is prepared */
  if (!store->read_only && !prepare_statements (store, error))
    return NULL;
  store->data_version = data_version (store->db);
  if (report_out)
    *report_out = g_steal_pointer (&report);
  return g_steal_pointer (&store);
}

/* ---- writing within the limits ---------------------------------------- */

/* Before every commit: a file Juesuan writes is one it will open again. */
static gboolean
check_limits (JueStore *store,
              GError  **error)
{
  sqlite3_int64 fields = query_int (store->db, "SELECT count(*) FROM field");
  sqlite3_int64 bytes = query_int (store->db, "PRAGMA page_count") *
                        query_int (store->db, "PRAGMA page_size");

  if (fields > JUE_MAX_FIELDS)
    g_set_error (error, JUE_ERROR, JUE_ERROR_TOO_LARGE,
                 _("%s would hold more than %d fields, the most a report may have; "
                   "nothing was changed"), store->filename, JUE_MAX_FIELDS);
  else if (bytes > JUE_MAX_FILE_BYTES)
    g_set_error (error, JUE_ERROR, JUE_ERROR_TOO_LARGE,
                 _("%s would grow beyond %d MiB, the most a report may have; "
                   "nothing was changed"), store->filename, JUE_MAX_FILE_BYTES >> 20);
  else
    return TRUE;
  return FALSE;
}

static gboolean
check_text (JueStore   *store,
            const char *what,
            const char *text,
            GError    **error)
{
  if (text == NULL || strlen (text) <= JUE_MAX_TEXT_BYTES)
    return TRUE;
  g_set_error (error, JUE_ERROR, JUE_ERROR_TOO_LARGE,
               _("%s: the text is longer than %d KiB, the most one value may hold; "
                 "nothing was changed"), what, JUE_MAX_TEXT_BYTES >> 10);
  return FALSE;
}

typedef struct {
  JueStore *store;
  gboolean  ok;
  GError  **error;
} WriteAll;

static void
write_one (const char        *path,
           const JueFieldRef *ref,
           gpointer           user_data)
{
  WriteAll *w = user_data;
  g_autofree char *value = NULL;

  if (!w->ok)
    return;
  value = jue_field_get_text (ref);
  if (!check_text (w->store, path, value, w->error))
    {
      w->ok = FALSE;
      return;
    }
  sqlite3_bind_text (w->store->upsert_field, 1, path, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (w->store->upsert_field, 2, value, -1, SQLITE_TRANSIENT);
  w->ok = step_done (w->store, w->store->upsert_field, w->error);
  if (w->ok && jue_field_is_carried (ref))
    {
      sqlite3_bind_text (w->store->insert_carried, 1, path, -1, SQLITE_TRANSIENT);
      w->ok = step_done (w->store, w->store->insert_carried, w->error);
    }
}

/* Puts the finished file tmp at target unless something is there by now:
 * a hard link fails when the name exists, so nothing is ever replaced. */
static gboolean
place_no_replace (const char *tmp,
                  const char *target,
                  const char *filename,
                  GError    **error)
{
  int saved;

  if (link (tmp, target) == 0)
    {
      g_unlink (tmp);
      return TRUE;
    }
  saved = errno;
  if (saved != EEXIST)   /* a file system without hard links */
    {
      if (renameat2 (AT_FDCWD, tmp, AT_FDCWD, target, RENAME_NOREPLACE) == 0)
        return TRUE;
      saved = errno;
      if (saved == EINVAL || saved == ENOSYS)
        {
          if (g_file_test (target, G_FILE_TEST_EXISTS))
            saved = EEXIST;
          else if (g_rename (tmp, target) == 0)
            return TRUE;
          else
            saved = errno;
        }
    }
  if (saved == EEXIST)
    g_set_error (error, JUE_ERROR, JUE_ERROR_EXISTS,
                 _("%s already exists; choose another name"), filename);
  else
    errno_error (error, saved, _("Cannot create %s: %s"), filename);
  return FALSE;
}

JueStore *
jue_store_create (const char *filename,
                  JueReport  *report,
                  GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (filename);
  g_autofree char *base = g_path_get_basename (filename);
  g_autofree char *real_dir = NULL;
  g_autofree char *tmpl = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = NULL;
  g_autofree char *target = NULL;
  g_autoptr (JueStore) store = NULL;
  WriteAll w = { NULL, TRUE, error };
  g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d", JUE_APPLICATION_ID);
  int fd;

  real_dir = resolve_path (dir, error);
  if (real_dir == NULL)
    return NULL;
  tmp = g_build_filename (real_dir, tmpl, NULL);
  target = g_build_filename (real_dir, base, NULL);
  if (g_file_test (target, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_EXISTS,
                   _("%s already exists; choose another name"), filename);
      return NULL;
    }
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      errno_error (error, errno, _("Cannot create a file in %s: %s"), dir);
      return NULL;
    }
  close (fd);
  {
    /* mkstemp makes the file private; a report is a normal document. */
    mode_t mask = umask (0);
    umask (mask);
    g_chmod (tmp, 0666 & ~mask);
  }

  /* every message names the user's file, not the temporary one */
  store = store_new (filename);
  store->real_path = g_strdup (tmp);
  if (!open_db (store, tmp, SQLITE_OPEN_READWRITE, error))
    goto fail;
  store->version = 0;

  if (!set_pragmas (store, error) || !exec (store, app_id, error) ||
      !migrate (store, TRUE, error) || !prepare_statements (store, error))
    goto fail;

  w.store = store;
  if (!exec (store, "BEGIN IMMEDIATE", error))
    goto fail;
  jue_report_foreach (report, NULL, write_one, &w, NULL);
  if (!commit (store, w.ok, error))
    goto fail;

  /* SQLite refuses to write to a file renamed under an open connection,
   * so close it, put the finished file in place and open it anew. */
  g_clear_pointer (&store, jue_store_close);
  if (!place_no_replace (tmp, target, filename, error))
    goto fail;
  return jue_store_open (filename, 0, NULL, error);

fail:
  g_clear_pointer (&store, jue_store_close);
  g_unlink (tmp);
  return NULL;
}

gboolean
jue_store_is_read_only (JueStore *store)
{
  return store->read_only;
}

const char *
jue_store_get_filename (JueStore *store)
{
  return store->filename;
}

const char *
jue_store_get_read_only_reason (JueStore *store)
{
  return store->why_read_only;
}

gboolean
jue_store_is_in_use (JueStore *store)
{
  return store->in_use;
}

gboolean
jue_store_is_same_file (JueStore   *store,
                        const char *filename)
{
  struct stat st;

  return stat (filename, &st) == 0 && st.st_dev == store->dev && st.st_ino == store->ino;
}

gboolean
jue_store_changed_on_disk (JueStore *store)
{
  struct stat st;

  if (store->real_path == NULL || stat (store->real_path, &st) != 0)
    return FALSE;   /* gone: nothing newer to show */
  if (st.st_dev != store->dev || st.st_ino != store->ino)
    return TRUE;    /* replaced by another file */
  if (store->copy_dir)
    return st.st_size != store->size || st.st_mtim.tv_sec != store->mtime.tv_sec ||
           st.st_mtim.tv_nsec != store->mtime.tv_nsec;
  if (store->after_failure)
    return FALSE;   /* our own failed write moved it; the next edit looks again */
  return data_version (store->db) != store->data_version;
}

int
jue_store_get_version (JueStore *store)
{
  return store->version;
}

/* ---- edits ------------------------------------------------------------ */

gboolean
jue_store_write_field (JueStore   *store,
                       const char *path,
                       const char *value,
                       GError    **error)
{
  gboolean ok;

  if (!check_text (store, path, value, error) || !begin (store, error))
    return FALSE;
  sqlite3_bind_text (store->upsert_field, 1, path, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (store->upsert_field, 2, value ? value : "", -1, SQLITE_TRANSIENT);
  ok = step_done (store, store->upsert_field, error);
  /* an edited text is no longer last year's (the model cleared its mark) */
  if (ok)
    {
      sqlite3_bind_text (store->delete_carried, 1, path, -1, SQLITE_TRANSIENT);
      ok = step_done (store, store->delete_carried, error);
    }
  return commit (store, ok, error);
}

static gboolean columns_are_text (sqlite3_stmt *stmt, int n);

gboolean
jue_store_write_meta (JueStore    *store,
                      const char  *clear_prefix,
                      GPtrArray   *keys,
                      GPtrArray   *values,
                      GError     **error)
{
  sqlite3_stmt *del = NULL, *ins = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; values && i < values->len; i++)
    if (!check_text (store, keys->pdata[i], values->pdata[i], error))
      return FALSE;
  if (!begin (store, error))
    return FALSE;
  if (sqlite3_prepare_v2 (store->db, "DELETE FROM meta WHERE substr (key, 1, length (?1)) = ?1",
                          -1, &del, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (store->db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
                          -1, &ins, NULL) != SQLITE_OK)
    ok = sql_error (error, store->db, store->filename, _("saving"));
  if (ok && clear_prefix)
    {
      sqlite3_bind_text (del, 1, clear_prefix, -1, SQLITE_TRANSIENT);
      ok = step_done (store, del, error);
    }
  for (guint i = 0; ok && keys && i < keys->len; i++)
    {
      sqlite3_bind_text (ins, 1, keys->pdata[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (ins, 2, values->pdata[i], -1, SQLITE_TRANSIENT);
      ok = step_done (store, ins, error);
    }
  sqlite3_finalize (del);
  sqlite3_finalize (ins);
  return commit (store, ok, error);
}

GHashTable *
jue_store_read_meta (JueStore   *store,
                     const char *prefix)
{
  GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;

  if (sqlite3_prepare_v2 (store->db,
                          "SELECT key, value FROM meta WHERE substr (key, 1, length (?1)) = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return out;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW && g_hash_table_size (out) < JUE_MAX_FIELDS)
    if (columns_are_text (stmt, 2))
      g_hash_table_insert (out, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  return out;
}

gboolean
jue_store_set_carried (JueStore   *store,
                       const char *path,
                       gboolean    carried,
                       GError    **error)
{
  sqlite3_stmt *stmt = carried ? store->insert_carried : store->delete_carried;
  gboolean ok;

  if (!begin (store, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
  ok = step_done (store, stmt, error);
  return commit (store, ok, error);
}

gboolean
jue_store_write_subtree (JueStore   *store,
                         JueReport  *report,
                         const char *prefix,
                         GError    **error)
{
  WriteAll w = { store, TRUE, error };
  g_autofree char *list_prefix = g_strconcat (prefix, "[", NULL);
  g_autofree char *dot_prefix = g_strconcat (prefix, ".", NULL);

  if (!begin (store, error))
    return FALSE;
  sqlite3_bind_text (store->delete_prefix, 1, list_prefix, -1, SQLITE_TRANSIENT);
  w.ok = step_done (store, store->delete_prefix, error);
  if (w.ok)
    {
      sqlite3_bind_text (store->delete_prefix, 1, dot_prefix, -1, SQLITE_TRANSIENT);
      w.ok = step_done (store, store->delete_prefix, error);
    }
  for (guint i = 0; i < 2 && w.ok; i++)
    {
      sqlite3_bind_text (store->delete_carried_prefix, 1, i ? dot_prefix : list_prefix, -1,
                         SQLITE_TRANSIENT);
      w.ok = step_done (store, store->delete_carried_prefix, error);
    }
  if (w.ok && !jue_report_foreach (report, prefix, write_one, &w, error))
    w.ok = FALSE;
  return commit (store, w.ok, error);
}

/* ---- several writes as one transaction --------------------------------- */

gboolean
jue_store_begin_batch (JueStore *store,
                       GError  **error)
{
  g_return_val_if_fail (!store->batch, FALSE);
  if (!begin (store, error))
    return FALSE;
  store->batch = TRUE;
  return TRUE;
}

gboolean
jue_store_commit_batch (JueStore *store,
                        GError  **error)
{
  g_return_val_if_fail (store->batch, FALSE);
  store->batch = FALSE;
  return commit (store, TRUE, error);
}

void
jue_store_rollback_batch (JueStore *store)
{
  g_return_if_fail (store->batch);
  store->batch = FALSE;
  rollback (store);
}

gboolean
jue_store_in_batch (JueStore *store)
{
  return store->batch;
}

/* Columns first..last-1 hold valid UTF-8 within the text limit (NULL is
 * allowed: the caller checks what must be there). */
static gboolean
columns_are_text_from (sqlite3_stmt *stmt,
                       int           first,
                       int           last)
{
  for (int c = first; c < last; c++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, c);
      int bytes = sqlite3_column_bytes (stmt, c);

      if (text && (bytes > JUE_MAX_TEXT_BYTES || !g_utf8_validate (text, bytes, NULL)))
        return FALSE;
    }
  return TRUE;
}

/* Columns 0..n-1 are UTF-8 text (not NULL, not a blob). */
static gboolean
columns_are_text (sqlite3_stmt *stmt,
                  int           n)
{
  for (int c = 0; c < n; c++)
    if (sqlite3_column_type (stmt, c) != SQLITE_TEXT)
      return FALSE;
  return columns_are_text_from (stmt, 0, n);
}

GPtrArray *
jue_store_load_explanations (JueStore *store,
                             GError  **error)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) jue_explanation_free);
  sqlite3_stmt *stmt;
  int rc;

  if (store->version < 2)
    return out;

  if (sqlite3_prepare_v2 (store->db, "SELECT rule, path, text FROM explanation ORDER BY rule, path",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      sql_error (error, store->db, store->filename, _("reading explanations"));
      g_ptr_array_unref (out);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JueExplanation *e;

      if (out->len >= JUE_MAX_FIELDS || !columns_are_text (stmt, 3))
        {
          sqlite3_finalize (stmt);
          g_ptr_array_unref (out);
          corrupt (error, store->filename,
                   _("an explanation is not valid UTF-8 text, or there are too many"));
          return NULL;
        }
      e = g_new0 (JueExplanation, 1);
      e->rule = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      e->path = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      e->text = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (out, e);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sql_error (error, store->db, store->filename, _("reading explanations"));
      g_ptr_array_unref (out);
      return NULL;
    }
  return out;
}

gboolean
jue_store_set_explanation (JueStore   *store,
                           const char *rule,
                           const char *path,
                           const char *text,
                           GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!check_text (store, path, text, error) || !begin (store, error))
    return FALSE;
  if (text && *text)
    {
      stmt = store->upsert_explanation;
      sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
    }
  else
    stmt = store->delete_explanation;
  sqlite3_bind_text (stmt, 1, rule, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_TRANSIENT);
  ok = step_done (store, stmt, error);
  return commit (store, ok, error);
}

static GPtrArray *
load_class_table (JueStore   *store,
                  gboolean    economic,
                  GError    **error)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) jue_class_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  if (store->version < (economic ? 7 : 2))
    return out;

  if (sqlite3_prepare_v2 (store->db,
                          economic
                          ? "SELECT code, name, level, parent FROM economic_classification ORDER BY code"
                          : "SELECT code, name, level, parent FROM classification ORDER BY code",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      sql_error (error, store->db, store->filename, _("reading the classification"));
      g_ptr_array_unref (out);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JueClassEntry *e;

      if (out->len >= JUE_MAX_FIELDS || !columns_are_text (stmt, 2) ||
          !columns_are_text_from (stmt, 3, 4))
        {
          sqlite3_finalize (stmt);
          g_ptr_array_unref (out);
          corrupt (error, store->filename,
                   _("the classification table has an entry that is not valid UTF-8 text, "
                     "or too many entries"));
          return NULL;
        }
      e = g_new0 (JueClassEntry, 1);
      e->code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      e->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      e->level = sqlite3_column_int (stmt, 2);
      e->parent = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (out, e);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sql_error (error, store->db, store->filename, _("reading the classification"));
      g_ptr_array_unref (out);
      return NULL;
    }
  return out;
}

static gboolean
replace_class_table (JueStore  *store,
                     gboolean   economic,
                     GPtrArray *entries,
                     GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (!begin (store, error))
    return FALSE;
  ok = exec (store, economic ? "DELETE FROM economic_classification"
                              : "DELETE FROM classification", error);
  if (ok && sqlite3_prepare_v2 (store->db,
                                economic
                                ? "INSERT INTO economic_classification (code, name, level, parent) "
                                  "VALUES (?1, ?2, ?3, ?4)"
                                : "INSERT INTO classification (code, name, level, parent) "
                                  "VALUES (?1, ?2, ?3, ?4)", -1, &stmt, NULL) != SQLITE_OK)
    ok = sql_error (error, store->db, store->filename, _("saving the classification"));
  for (guint i = 0; ok && i < entries->len; i++)
    {
      JueClassEntry *e = entries->pdata[i];
      sqlite3_bind_text (stmt, 1, e->code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, e->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, e->level);
      if (e->parent && *e->parent)
        sqlite3_bind_text (stmt, 4, e->parent, -1, SQLITE_TRANSIENT);
      ok = step_done (store, stmt, error);
    }
  sqlite3_finalize (stmt);
  return commit (store, ok, error);
}

GPtrArray *
jue_store_load_classification (JueStore *store,
                               GError  **error)
{
  return load_class_table (store, FALSE, error);
}

gboolean
jue_store_replace_classification (JueStore  *store,
                                  GPtrArray *entries,
                                  GError   **error)
{
  return replace_class_table (store, FALSE, entries, error);
}

GPtrArray *
jue_store_load_economic_classification (JueStore *store,
                                        GError  **error)
{
  return load_class_table (store, TRUE, error);
}

gboolean
jue_store_replace_economic_classification (JueStore  *store,
                                           GPtrArray *entries,
                                           GError   **error)
{
  return replace_class_table (store, TRUE, entries, error);
}

gboolean
jue_store_save_copy (JueStore   *store,
                     const char *filename,
                     GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (filename);
  g_autofree char *base = g_path_get_basename (filename);
  g_autofree char *real_dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *target = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* the same file by another path (a link, another spelling) is still
   * the open report: compared by device and inode, not by name */
  if (jue_store_is_same_file (store, filename))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_EXISTS,
                   _("%s is the open report itself; choose another name or folder "
                     "for the copy"), filename);
      return FALSE;
    }
  real_dir = resolve_path (dir, error);
  if (real_dir == NULL)
    return FALSE;
  tmp = g_strdup_printf ("%s/.%s.%08x.tmp", real_dir, base, g_random_int ());
  target = g_build_filename (real_dir, base, NULL);
  if (sqlite3_prepare_v2 (store->db, "VACUUM INTO ?1", -1, &stmt, NULL) != SQLITE_OK)
    return sql_error (error, store->db, filename, _("saving a copy"));
  sqlite3_bind_text (stmt, 1, tmp, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sql_error (error, store->db, filename, _("saving a copy"));
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, target) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      return errno_error (error, saved, _("Cannot write %s: %s"), filename);
    }
  return TRUE;
}
