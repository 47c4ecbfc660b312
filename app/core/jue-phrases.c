/* jue-phrases.c — phrase files (jue-phrases.h): loading, lookup by case,
 * expansion of {placeholders}.
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "jue-amount.h"
#include "jue-phrases.h"

#define RESOURCE_DIR "/io/github/juesuan/Juesuan/core/phrases/"
#define MAX_DEPTH 8   /* nested keys; deeper is a loop in the data */

struct _JuePhrases {
  char       *id;
  GKeyFile   *kf;
  GMutex      lock;
  GHashTable *texts;   /* "group\x1fkey" → text: GKeyFile returns copies,
                          callers get borrowed strings kept here */
};

static const char * const builtin_ids[] = { "national", "sichuan", NULL };

JuePhrases *
jue_phrases_parse (const char  *data,
                   gsize        len,
                   const char  *origin,
                   GError     **error)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autoptr (GError) local = NULL;
  JuePhrases *p;
  char *id;

  if (!g_key_file_load_from_data (kf, data, len, G_KEY_FILE_NONE, &local))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE, "%s: %s", origin, local->message);
      return NULL;
    }
  id = g_key_file_get_string (kf, "phrases", "id", NULL);
  if (id == NULL || !g_key_file_has_group (kf, "common"))
    {
      g_free (id);
      g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                   _("%s: a phrase file needs [phrases] with id= and a [common] group"), origin);
      return NULL;
    }
  p = g_new0 (JuePhrases, 1);
  p->id = id;
  p->kf = g_steal_pointer (&kf);
  g_mutex_init (&p->lock);
  p->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return p;
}

void
jue_phrases_free (JuePhrases *p)
{
  if (p == NULL)
    return;
  g_free (p->id);
  g_key_file_unref (p->kf);
  g_hash_table_unref (p->texts);
  g_mutex_clear (&p->lock);
  g_free (p);
}

const char * const *
jue_phrases_ids (void)
{
  return builtin_ids;
}

const JuePhrases *
jue_phrases_get (const char *id)
{
  static GHashTable *cache;
  G_LOCK_DEFINE_STATIC (cache);
  JuePhrases *p;
  gboolean known = FALSE;

  for (guint i = 0; id && builtin_ids[i]; i++)
    known = known || strcmp (builtin_ids[i], id) == 0;
  if (!known)
    id = "national";

  G_LOCK (cache);
  if (cache == NULL)
    cache = g_hash_table_new (g_str_hash, g_str_equal);
  p = g_hash_table_lookup (cache, id);
  if (p == NULL)
    {
      g_autofree char *path = g_strconcat (RESOURCE_DIR, id, ".ini", NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) bytes = g_resources_lookup_data (path, 0, &error);
      g_autofree char *origin = g_strconcat (id, ".ini", NULL);

      if (bytes != NULL)
        p = jue_phrases_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               origin, &error);
      if (p == NULL)   /* the built-in data is part of the program */
        g_error ("%s: %s", origin, error->message);
      g_hash_table_insert (cache, g_strdup (id), p);
    }
  G_UNLOCK (cache);
  return p;
}

const char *
jue_phrases_id (const JuePhrases *p)
{
  return p->id;
}

static const char *
raw (const JuePhrases *p,
     const char       *group,
     const char       *key)
{
  JuePhrases *self = (JuePhrases *) p;
  g_autofree char *k = NULL;
  gpointer found;

  if (group == NULL || !g_key_file_has_key (p->kf, group, key, NULL))
    return NULL;
  k = g_strconcat (group, "\x1f", key, NULL);
  g_mutex_lock (&self->lock);
  if (!g_hash_table_lookup_extended (self->texts, k, NULL, &found))
    {
      found = g_key_file_get_string (p->kf, group, key, NULL);
      g_hash_table_insert (self->texts, g_steal_pointer (&k), found);
    }
  g_mutex_unlock (&self->lock);
  return found;
}

const char *
jue_phrases_lookup (const JuePhrases   *p,
                    const char         *group,
                    const char         *key,
                    const char * const *cases)
{
  const char *t;

  for (guint i = 0; cases && cases[i]; i++)
    {
      g_autofree char *k = g_strconcat (key, ".", cases[i], NULL);

      if ((t = raw (p, group, k)) || (t = raw (p, "common", k)))
        return t;
    }
  if ((t = raw (p, group, key)) || (t = raw (p, "common", key)))
    return t;
  return NULL;
}

char **
jue_phrases_list (const JuePhrases *p,
                  const char       *group,
                  const char       *key)
{
  if (!g_key_file_has_key (p->kf, group, key, NULL))
    return NULL;
  return g_key_file_get_string_list (p->kf, group, key, NULL, NULL);
}

const char *
jue_phrases_option (const JuePhrases *p,
                    const char       *key)
{
  return raw (p, "phrases", key);
}

static void
expand_into (const JuePhrases   *p,
             const char         *group,
             const char         *text,
             GHashTable         *vars,
             const char * const *cases,
             guint               depth,
             GString            *out)
{
  const char *s = text;

  while (*s)
    {
      const char *open = strchr (s, '{');
      const char *close;
      g_autofree char *name = NULL;
      const char *value, *sub;

      if (open == NULL || (close = strchr (open + 1, '}')) == NULL)
        {
          g_string_append (out, s);
          return;
        }
      g_string_append_len (out, s, open - s);
      name = g_strndup (open + 1, close - open - 1);
      s = close + 1;
      if (vars && (value = g_hash_table_lookup (vars, name)) != NULL)
        g_string_append (out, value);
      else if (depth < MAX_DEPTH && (sub = jue_phrases_lookup (p, group, name, cases)) != NULL)
        expand_into (p, group, sub, vars, cases, depth + 1, out);
      else
        {
          g_warning ("phrases %s [%s]: nothing supplies {%s}", p->id, group, name);
          g_string_append_printf (out, "{%s}", name);
        }
    }
}

char *
jue_phrases_expand_text (const JuePhrases   *p,
                         const char         *group,
                         const char         *text,
                         GHashTable         *vars,
                         const char * const *cases)
{
  GString *out = g_string_new (NULL);

  expand_into (p, group, text, vars, cases, 0, out);
  return g_string_free (out, FALSE);
}

char *
jue_phrases_expand (const JuePhrases   *p,
                    const char         *group,
                    const char         *key,
                    GHashTable         *vars,
                    const char * const *cases)
{
  const char *text = jue_phrases_lookup (p, group, key, cases);

  if (text == NULL)
    return NULL;
  return jue_phrases_expand_text (p, group, text, vars, cases);
}

/* A key's base name ("text.empty" → "text"). */
static gboolean
group_has_base (const JuePhrases *p,
                const char       *group,
                const char       *name)
{
  g_auto (GStrv) keys = g_key_file_get_keys (p->kf, group, NULL, NULL);

  for (guint i = 0; keys && keys[i]; i++)
    {
      gsize n = strlen (name);
      if (strncmp (keys[i], name, n) == 0 && (keys[i][n] == '\0' || keys[i][n] == '.'))
        return TRUE;
    }
  return FALSE;
}

char **
jue_phrases_free_names (const JuePhrases *p)
{
  g_auto (GStrv) groups = g_key_file_get_groups (p->kf, NULL);
  g_autoptr (GPtrArray) out = g_ptr_array_new ();

  for (guint g = 0; groups[g]; g++)
    {
      g_auto (GStrv) keys = g_key_file_get_keys (p->kf, groups[g], NULL, NULL);

      if (strcmp (groups[g], "phrases") == 0)
        continue;
      for (guint k = 0; keys && keys[k]; k++)
        {
          g_autofree char *text = g_key_file_get_string (p->kf, groups[g], keys[k], NULL);
          const char *s = text;

          while (s && (s = strchr (s, '{')) != NULL)
            {
              const char *close = strchr (s, '}');
              g_autofree char *name = NULL;

              if (close == NULL)
                break;
              name = g_strndup (s + 1, close - s - 1);
              s = close + 1;
              if (!group_has_base (p, groups[g], name) && !group_has_base (p, "common", name))
                g_ptr_array_add (out, g_strconcat (groups[g], ":", name, NULL));
            }
        }
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_steal (out, NULL);
}
