/* jue-classification.c — the functional classification (政府收支分类科目):
 * the built-in partial table and official tables loaded from CSV.
 *
 * The CSV has the columns code,name,level,parent (UTF-8, optional BOM,
 * RFC 4180 quoting), as /work/shared/data/gfs-expenditure-functional.csv.
 * A table is all or nothing: every bad row is named with its line, and a
 * file with any bad row yields no table.
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "jue-checks.h"
#include "jue-codes.h"

#define ECONOMIC_RESOURCE "/io/github/juesuan/Juesuan/core/gfs-expenditure-economic.csv"
#define BUILTIN_RESOURCE "/io/github/juesuan/Juesuan/core/gfs-expenditure-functional.csv"

/* Splits one CSV record starting at *p (RFC 4180).  Advances *p past the
 * record's line ending and counts the lines it spans.  Returns FALSE with a
 * message for an unterminated quote. */
static gboolean
read_record (const char **p,
             const char  *end,
             GPtrArray   *fields,
             guint       *lines,
             char       **problem)
{
  const char *s = *p;
  GString *field = g_string_new (NULL);

  g_ptr_array_set_size (fields, 0);
  *lines = 1;
  for (;;)
    {
      if (s < end && *s == '"')
        {
          for (s++;; s++)
            {
              if (s >= end)
                {
                  *problem = g_strdup (_("a quoted field is not closed"));
                  g_string_free (field, TRUE);
                  return FALSE;
                }
              if (*s == '"' && s + 1 < end && s[1] == '"')
                {
                  g_string_append_c (field, '"');
                  s++;
                }
              else if (*s == '"')
                {
                  s++;
                  break;
                }
              else
                {
                  if (*s == '\n')
                    (*lines)++;
                  g_string_append_c (field, *s);
                }
            }
        }
      while (s < end && *s != ',' && *s != '\n' && *s != '\r')
        g_string_append_c (field, *s++);
      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
      if (s < end && *s == ',')
        {
          s++;
          field = g_string_new (NULL);
          continue;
        }
      break;
    }
  if (s < end && *s == '\r')
    s++;
  if (s < end && *s == '\n')
    s++;
  *p = s;
  return TRUE;
}

static gboolean
all_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

char *
jue_classification_entry_problem (const char *code,
                                  const char *name,
                                  const char *level,
                                  const char *parent,
                                  GHashTable *seen,
                                  gboolean    economic,
                                  int        *level_out,
                                  guint      *column_out)
{
  gsize len = strlen (code);
  int lv;

  *column_out = 0;
  if (economic && (!all_digits (code) || (len != 3 && len != 5)))
    return g_strdup_printf (_("code “%s” is not a 3-digit 类 or 5-digit 款 code of the economic "
                              "classification"), code);
  if (!all_digits (code) || (len != 3 && len != 5 && len != 7))
    return g_strdup_printf (_("code “%s” is not 3, 5 or 7 digits"), code);
  *column_out = 1;
  if (!g_utf8_validate (name, -1, NULL) || *name == '\0')
    return g_strdup_printf (_("code %s has no name (or it is not UTF-8)"), code);
  *column_out = 2;
  if (economic && (strlen (level) != 1 || level[0] < '1' || level[0] > '2'))
    return g_strdup_printf (_("level “%s” is not 1 or 2"), level);
  if (strlen (level) != 1 || level[0] < '1' || level[0] > '3')
    return g_strdup_printf (_("level “%s” is not 1, 2 or 3"), level);
  lv = level[0] - '0';
  if ((gsize) (lv * 2 + 1) != len)
    return g_strdup_printf (_("code %s does not fit level %d"), code, lv);
  *column_out = 3;
  if (lv == 1 && *parent)
    return g_strdup_printf (_("code %s is a class (类) and cannot have a parent"), code);
  if (lv > 1 && (strlen (parent) != len - 2 || strncmp (parent, code, len - 2) != 0))
    return g_strdup_printf (_("parent “%s” of code %s is not its first %u digits"),
                            parent, code, (guint) (len - 2));
  if (lv > 1 && !g_hash_table_contains (seen, parent))
    return g_strdup_printf (_("parent %s of code %s is not listed before it"), parent, code);
  *column_out = 0;
  if (g_hash_table_contains (seen, code))
    return g_strdup_printf (_("code %s is listed twice"), code);
  *level_out = lv;
  return NULL;
}

/* Checks one row's fields; returns a problem or NULL. */
static char *
row_problem (GPtrArray  *fields,
             GHashTable *seen,
             gboolean    economic,
             int        *level_out)
{
  guint column;

  if (fields->len != 4)
    return g_strdup_printf (_("expected 4 columns (code,name,level,parent), found %u"),
                            fields->len);
  return jue_classification_entry_problem (g_strstrip ((char *) fields->pdata[0]),
                                           g_strstrip ((char *) fields->pdata[1]),
                                           g_strstrip ((char *) fields->pdata[2]),
                                           g_strstrip ((char *) fields->pdata[3]),
                                           seen, economic, level_out, &column);
}

static GPtrArray *
classification_parse (const char  *data,
                      gsize        len,
                      const char  *origin,
                      gboolean     economic,
                      GError     **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) jue_class_entry_free);
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GString) problems = g_string_new (NULL);
  const char *p = data, *end = data + len;
  guint line = 1, spanned, n_problems = 0;
  gboolean header = TRUE;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  if (!g_utf8_validate (p, end - p, NULL))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE, _("%s: not UTF-8 text"), origin);
      return NULL;
    }
  while (p < end)
    {
      g_autofree char *problem = NULL;
      guint at = line;
      int level = 0;

      if (!read_record (&p, end, fields, &spanned, &problem))
        {
          g_string_append_printf (problems, "%s:%u: %s\n", origin, at, problem);
          n_problems++;
          break;
        }
      line += spanned;
      if (fields->len == 1 && *g_strstrip ((char *) fields->pdata[0]) == '\0')
        continue;   /* blank line */
      if (header)
        {
          header = FALSE;
          if (fields->len < 4 || strcmp (g_strstrip ((char *) fields->pdata[0]), "code") != 0 ||
              strcmp (g_strstrip ((char *) fields->pdata[1]), "name") != 0)
            {
              g_string_append_printf (problems, "%s:%u: %s\n", origin, at,
                                      _("the first line must be the header code,name,level,parent"));
              n_problems++;
            }
          continue;
        }
      problem = row_problem (fields, seen, economic, &level);
      if (problem)
        {
          g_string_append_printf (problems, "%s:%u: %s\n", origin, at, problem);
          n_problems++;
          continue;
        }
      {
        JueClassEntry *e = g_new0 (JueClassEntry, 1);
        e->code = g_strdup (fields->pdata[0]);
        e->name = g_strdup (fields->pdata[1]);
        e->level = level;
        e->parent = g_strdup (fields->pdata[3]);
        g_hash_table_add (seen, g_strdup (e->code));
        g_ptr_array_add (out, e);
      }
    }
  if (n_problems == 0 && out->len == 0)
    {
      g_string_append_printf (problems, "%s: %s\n", origin, _("no rows"));
      n_problems++;
    }
  if (n_problems > 0)
    {
      g_string_truncate (problems, problems->len - 1);
      g_set_error_literal (error, JUE_ERROR, JUE_ERROR_PARSE, problems->str);
      return NULL;
    }
  return g_steal_pointer (&out);
}

GPtrArray *
jue_classification_parse (const char  *data,
                          gsize        len,
                          const char  *origin,
                          GError     **error)
{
  return classification_parse (data, len, origin, FALSE, error);
}

GPtrArray *
jue_classification_economic_parse (const char  *data,
                                   gsize        len,
                                   const char  *origin,
                                   GError     **error)
{
  return classification_parse (data, len, origin, TRUE, error);
}

/* A built-in table from the core GResource (parsed once; an empty table
 * and a critical if it cannot be read, which is a build fault). */
static GPtrArray *
load_builtin (const char *resource,
              const char *name,
              gboolean    economic)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *t = NULL;
  gsize len;
  const char *data;

  bytes = g_resources_lookup_data (resource, 0, &error);
  if (bytes)
    {
      data = g_bytes_get_data (bytes, &len);
      t = classification_parse (data, len, name, economic, &error);
    }
  if (t == NULL)
    {
      g_critical ("built-in classification %s: %s", name, error->message);
      t = g_ptr_array_new_with_free_func ((GDestroyNotify) jue_class_entry_free);
    }
  return t;
}

GPtrArray *
jue_classification_builtin (void)
{
  static GPtrArray *table;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, load_builtin (BUILTIN_RESOURCE, "gfs-expenditure-functional.csv",
                                             FALSE));
  return table;
}

GPtrArray *
jue_classification_economic_builtin (void)
{
  static GPtrArray *table;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, load_builtin (ECONOMIC_RESOURCE, "gfs-expenditure-economic.csv",
                                             TRUE));
  return table;
}
