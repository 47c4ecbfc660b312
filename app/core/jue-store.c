/* jue-store.c — the .juesuan file: validation, migrations, committed edits. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "jue-store.h"
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
static const char *const *const migrations[] = { NULL, schema_v1, schema_v2 };

struct _JueStore {
  sqlite3      *db;
  char         *filename;
  gboolean      read_only;
  int           version;
  sqlite3_stmt *upsert_field;
  sqlite3_stmt *delete_prefix;
  sqlite3_stmt *upsert_explanation;
  sqlite3_stmt *delete_explanation;
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

static gboolean
sql_error (GError    **error,
           sqlite3    *db,
           const char *filename,
           const char *doing)
{
  int code = db ? sqlite3_extended_errcode (db) : SQLITE_ERROR;
  int primary = code & 0xff;
  JueErrorCode ours = JUE_ERROR_IO;

  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    ours = JUE_ERROR_CORRUPT;
  else if (primary == SQLITE_READONLY)
    ours = JUE_ERROR_READ_ONLY;

  g_set_error (error, JUE_ERROR, ours,
               /* TRANSLATORS: "%s: could not save the edit (disk I/O error)" */
               _("%s: %s failed: %s"), filename, doing,
               db ? sqlite3_errmsg (db) : sqlite3_errstr (code));
  if (primary == SQLITE_FULL)
    {
      g_clear_error (error);
      g_set_error (error, JUE_ERROR, JUE_ERROR_IO,
                   _("%s: the disk is full; the edit was not saved"), filename);
    }
  return FALSE;
}

static gboolean
exec (JueStore   *store,
      const char *sql,
      GError    **error)
{
  if (sqlite3_exec (store->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return sql_error (error, store->db, store->filename, sql);
  return TRUE;
}

static gboolean
begin (JueStore *store,
       GError  **error)
{
  if (store->read_only)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_READ_ONLY,
                   _("%s is open read-only; nothing was changed"), store->filename);
      return FALSE;
    }
  return exec (store, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (JueStore *store,
        gboolean  ok,
        GError  **error)
{
  if (ok && sqlite3_exec (store->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  if (ok)
    sql_error (error, store->db, store->filename, _("saving"));
  sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
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
check_header (const char *filename,
              GError    **error)
{
  guint8 header[100];
  ssize_t n;
  int fd = g_open (filename, O_RDONLY | O_CLOEXEC, 0);
  guint32 app_id, user_version;

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot open %s: %s"), filename, g_strerror (saved));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

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
    return corrupt (error, filename, sqlite3_errmsg (db));

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
      g_autofree char *why = g_strdup (sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return corrupt (error, filename, why);
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
    return corrupt (error, filename, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *r = (const char *) sqlite3_column_text (stmt, 0);
      ok = g_strcmp0 (r, "ok") == 0;
      why = g_strdup (r ? r : "?");
    }
  else
    why = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return ok ? TRUE : corrupt (error, filename, why);
}

static int
read_user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt;
  int v = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

/* Applies every stored field to a fresh report.  Rows may come in any
 * order; list rows are created as their indices appear. */
static JueReport *
load_report (sqlite3    *db,
             const char *filename,
             GError    **error)
{
  g_autoptr (JueReport) report = jue_report_new ();
  sqlite3_stmt *stmt;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT path, value FROM field", -1, &stmt, NULL) != SQLITE_OK)
    {
      corrupt (error, filename, sqlite3_errmsg (db));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *path = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);
      GError *inner = NULL;

      if (path == NULL || value == NULL ||
          !jue_report_ensure_rows (report, path, FALSE, &inner) ||
          /* a value that does not read is what the user typed: keep it */
          !jue_report_set_typed (report, path, value, NULL, &inner))
        {
          g_autofree char *why = g_strdup_printf (_("stored field %s: %s"),
                                                  path ? path : "?",
                                                  inner ? inner->message : "NULL");
          g_clear_error (&inner);
          sqlite3_finalize (stmt);
          corrupt (error, filename, why);
          return NULL;
        }
    }
  if (rc != SQLITE_DONE)
    {
      corrupt (error, filename, sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
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
    { &store->upsert_explanation,
      "INSERT INTO explanation (rule, path, text) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (rule, path) DO UPDATE SET text = excluded.text" },
    { &store->delete_explanation,
      "DELETE FROM explanation WHERE rule = ?1 AND path = ?2" },
  };

  /* A version-1 file opened for review has no explanation table. */
  guint n = store->version >= 2 ? G_N_ELEMENTS (list) : 2;

  for (guint i = 0; i < n; i++)
    if (sqlite3_prepare_v3 (store->db, list[i].sql, -1, SQLITE_PREPARE_PERSISTENT,
                            list[i].stmt, NULL) != SQLITE_OK)
      return sql_error (error, store->db, store->filename, _("preparing"));
  return TRUE;
}

static gboolean
migrate (JueStore *store,
         GError  **error)
{
  while (store->version < JUE_SCHEMA_VERSION)
    {
      int next = store->version + 1;
      gboolean ok;
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", next);

      if (!exec (store, "BEGIN IMMEDIATE", error))
        return FALSE;
      ok = TRUE;
      for (guint i = 0; ok && migrations[next][i]; i++)
        ok = exec (store, migrations[next][i], error);
      ok = ok && exec (store, set_version, error);
      if (!commit (store, ok, error))
        return FALSE;
      store->version = next;
    }
  return TRUE;
}

static JueStore *
store_new (sqlite3    *db,
           const char *filename)
{
  JueStore *store = g_new0 (JueStore, 1);
  store->db = db;
  store->filename = g_strdup (filename);
  return store;
}

void
jue_store_close (JueStore *store)
{
  if (store == NULL)
    return;
  sqlite3_finalize (store->upsert_field);
  sqlite3_finalize (store->delete_prefix);
  sqlite3_finalize (store->upsert_explanation);
  sqlite3_finalize (store->delete_explanation);
  sqlite3_close_v2 (store->db);
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

JueStore *
jue_store_open (const char    *filename,
                JueStoreFlags  flags,
                JueReport    **report_out,
                GError       **error)
{
  sqlite3 *db = NULL;
  g_autoptr (JueStore) store = NULL;
  g_autoptr (JueReport) report = NULL;
  int version;
  gboolean read_only = (flags & JUE_STORE_READ_ONLY) != 0;

  if (!check_header (filename, error))
    return NULL;

  /* Validate and load through a read-only handle first, so that nothing
   * about a refused file can change it. */
  if (sqlite3_open_v2 (filename, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK)
    {
      sql_error (error, db, filename, _("opening"));
      sqlite3_close_v2 (db);
      return NULL;
    }
  harden (db);
  store = store_new (db, filename);
  store->read_only = TRUE;

  version = read_user_version (db);
  if (version < 1 || version > JUE_SCHEMA_VERSION)
    {
      corrupt (error, filename, _("the schema version cannot be read"));
      return NULL;
    }
  store->version = version;
  if (!quick_check (db, filename, error) ||
      !check_schema (db, filename, version, error))
    return NULL;
  report = load_report (db, filename, error);
  if (report == NULL)
    return NULL;

  if (!read_only)
    {
      sqlite3 *rw = NULL;

      if (g_access (filename, W_OK) != 0)
        read_only = TRUE;
      else if (sqlite3_open_v2 (filename, &rw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW,
                                NULL) != SQLITE_OK)
        {
          sql_error (error, rw, filename, _("opening"));
          sqlite3_close_v2 (rw);
          return NULL;
        }
      if (rw)
        {
          sqlite3_close_v2 (store->db);
          store->db = rw;
          harden (rw);
          store->read_only = sqlite3_db_readonly (rw, "main") == 1;
          if (!store->read_only &&
              (!set_pragmas (store, error) || !migrate (store, error)))
            return NULL;
        }
    }

  if (!prepare_statements (store, error))
    return NULL;
  if (report_out)
    *report_out = g_steal_pointer (&report);
  return g_steal_pointer (&store);
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
  sqlite3_bind_text (w->store->upsert_field, 1, path, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (w->store->upsert_field, 2, value, -1, SQLITE_TRANSIENT);
  w->ok = step_done (w->store, w->store->upsert_field, w->error);
}

JueStore *
jue_store_create (const char *filename,
                  JueReport  *report,
                  GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (filename);
  g_autofree char *base = g_path_get_basename (filename);
  g_autofree char *tmpl = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, tmpl, NULL);
  g_autoptr (JueStore) store = NULL;
  sqlite3 *db = NULL;
  WriteAll w = { NULL, TRUE, error };
  g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d", JUE_APPLICATION_ID);
  int fd;

  if (g_file_test (filename, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_EXISTS,
                   _("%s already exists; choose another name"), filename);
      return NULL;
    }
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create a file in %s: %s"), dir, g_strerror (saved));
      return NULL;
    }
  close (fd);
  {
    /* mkstemp makes the file private; a report is a normal document. */
    mode_t mask = umask (0);
    umask (mask);
    g_chmod (tmp, 0666 & ~mask);
  }

  if (sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      sql_error (error, db, filename, _("creating"));
      sqlite3_close_v2 (db);
      g_unlink (tmp);
      return NULL;
    }
  harden (db);
  store = store_new (db, tmp);
  store->version = 0;

  if (!set_pragmas (store, error) || !exec (store, app_id, error) ||
      !migrate (store, error) || !prepare_statements (store, error))
    goto fail;

  w.store = store;
  if (!exec (store, "BEGIN IMMEDIATE", error))
    goto fail;
  jue_report_foreach (report, NULL, write_one, &w, NULL);
  if (!commit (store, w.ok, error))
    goto fail;

  /* SQLite refuses to write to a file renamed under an open connection,
   * so close it, move the finished file into place and open it anew. */
  g_clear_pointer (&store, jue_store_close);
  if (g_rename (tmp, filename) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create %s: %s"), filename, g_strerror (saved));
      goto fail;
    }
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

  if (!begin (store, error))
    return FALSE;
  sqlite3_bind_text (store->upsert_field, 1, path, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (store->upsert_field, 2, value ? value : "", -1, SQLITE_TRANSIENT);
  ok = step_done (store, store->upsert_field, error);
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
  if (w.ok && !jue_report_foreach (report, prefix, write_one, &w, error))
    w.ok = FALSE;
  return commit (store, w.ok, error);
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
      JueExplanation *e = g_new0 (JueExplanation, 1);
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

  if (!begin (store, error))
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

GPtrArray *
jue_store_load_classification (JueStore *store,
                               GError  **error)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) jue_class_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  if (store->version < 2)
    return out;

  if (sqlite3_prepare_v2 (store->db,
                          "SELECT code, name, level, parent FROM classification ORDER BY code",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      sql_error (error, store->db, store->filename, _("reading the classification"));
      g_ptr_array_unref (out);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JueClassEntry *e = g_new0 (JueClassEntry, 1);
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

gboolean
jue_store_replace_classification (JueStore  *store,
                                  GPtrArray *entries,
                                  GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (!begin (store, error))
    return FALSE;
  ok = exec (store, "DELETE FROM classification", error);
  if (ok && sqlite3_prepare_v2 (store->db,
                                "INSERT INTO classification (code, name, level, parent) "
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

gboolean
jue_store_save_copy (JueStore   *store,
                     const char *filename,
                     GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (filename);
  g_autofree char *base = g_path_get_basename (filename);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.%08x.tmp", dir, base, g_random_int ());
  sqlite3_stmt *stmt = NULL;
  int rc;

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
  if (g_rename (tmp, filename) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write %s: %s"), filename, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
