/* jue-template.c — reading the templates of the published tables
 * (docs/templates.md).  The built-in ones are resources/templates/ID.ini in
 * the core GResource.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "jue-amount.h"
#include "jue-template.h"

#define RESOURCE_DIR "/io/github/juesuan/Juesuan/core/templates/"
#define MAX_HEADER_ROWS 3

static const char * const builtin_ids[] = { "national", "sichuan", NULL };

static void
column_free (gpointer data)
{
  JueTemplateColumn *c = data;

  g_free (c->header);
  g_strfreev (c->words);
  g_free (c->source);
  g_free (c);
}

static void
line_free (gpointer data)
{
  JueTemplateLine *l = data;

  g_free (l->label);
  g_strfreev (l->sources);
  g_free (l);
}

static gboolean
key_is_valid (const char *key)
{
  for (const char *p = key; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static void
table_free (gpointer data)
{
  JueTemplateTable *t = data;

  g_free (t->number);
  g_free (t->title);
  g_free (t->key);
  g_free (t->part);
  g_free (t->short_name);
  g_free (t->rows);
  g_ptr_array_unref (t->columns);
  g_ptr_array_unref (t->lines[0]);
  g_ptr_array_unref (t->lines[1]);
  g_free (t->blank);
  g_free (t->note);
  g_free (t->empty_note);
  g_free (t->options);
  g_strfreev (t->totals);
  g_strfreev (t->left_codes);
  g_free (t);
}

void
jue_template_free (JueTemplate *tmpl)
{
  if (tmpl == NULL)
    return;
  g_free (tmpl->id);
  g_free (tmpl->name);
  g_free (tmpl->part);
  g_ptr_array_unref (tmpl->tables);
  g_free (tmpl);
}

static void
set_error (GError    **error,
           const char *origin,
           const char *group,
           const char *key,
           const char *message)
{
  if (key != NULL)
    g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                 /* Translators: template file, [group], key: problem */
                 _("%s: [%s] %s: %s"), origin, group, key, message);
  else
    g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                 _("%s: [%s]: %s"), origin, group, message);
}

static gboolean
parse_layout (const char    *text,
              JueLayoutKind *out)
{
  static const struct { const char *name; JueLayoutKind kind; } kinds[] = {
    { "lines", JUE_LAYOUT_LINES },
    { "two-sided", JUE_LAYOUT_TWO_SIDED },
    { "matrix", JUE_LAYOUT_MATRIX },
    { "economic", JUE_LAYOUT_ECONOMIC },
    { "row", JUE_LAYOUT_ROW },
  };
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (text, kinds[i].name) == 0)
      {
        *out = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

/* "本年支出|小计:actual" */
static JueTemplateColumn *
parse_column (const char *spec,
              guint       side,
              char      **problem)
{
  g_autofree char *copy = g_strstrip (g_strdup (spec));
  char *colon = strrchr (copy, ':');
  JueTemplateColumn *c;
  const char *role;

  if (colon == NULL || colon == copy)
    {
      *problem = g_strdup_printf (_("column “%s” is not HEADER:SOURCE"), spec);
      return NULL;
    }
  *colon = '\0';
  role = g_strstrip (colon + 1);
  c = g_new0 (JueTemplateColumn, 1);
  c->header = g_strdup (g_strstrip (copy));
  c->words = g_strsplit (c->header, "|", -1);
  c->depth = g_strv_length (c->words);
  c->side = side;
  if (c->depth == 0 || c->depth > MAX_HEADER_ROWS)
    {
      *problem = g_strdup_printf (_("column “%s” has %u header rows; 1 to %u are allowed"),
                                  spec, c->depth, MAX_HEADER_ROWS);
      column_free (c);
      return NULL;
    }
  for (guint i = 0; i < c->depth; i++)
    g_strstrip (c->words[i]);
  if (strcmp (role, "label") == 0)
    c->role = JUE_COLUMN_LABEL;
  else if (strcmp (role, "lineno") == 0)
    c->role = JUE_COLUMN_LINENO;
  else if (strcmp (role, "code") == 0)
    c->role = JUE_COLUMN_CODE;
  else if (strcmp (role, "name") == 0)
    c->role = JUE_COLUMN_NAME;
  else if (strcmp (role, "rowsum") == 0)
    c->role = JUE_COLUMN_ROWSUM;
  else
    {
      c->role = JUE_COLUMN_VALUE;
      c->source = *role != '\0' ? g_strdup (role) : NULL;
    }
  return c;
}

/* "!本年收入合计:=income.total" or "*classes:functional.actual,…" */
static JueTemplateLine *
parse_line (const char *spec,
            guint       n_values,
            guint       n_amounts,
            char      **problem)
{
  g_autofree char *copy = g_strstrip (g_strdup (spec));
  char *label = copy, *colon;
  JueTemplateLine *l = g_new0 (JueTemplateLine, 1);

  if (*label == '!')
    {
      l->total = TRUE;
      label++;
    }
  colon = strrchr (label, ':');
  if (colon != NULL)
    *colon = '\0';
  l->label = g_strdup (g_strstrip (label));
  l->classes = strcmp (l->label, "*classes") == 0;
  if (colon != NULL)
    l->sources = g_strsplit (colon + 1, ",", -1);
  else
    l->sources = g_new0 (char *, 1);
  l->n_sources = g_strv_length (l->sources);
  for (guint i = 0; i < l->n_sources; i++)
    g_strstrip (l->sources[i]);
  if (l->n_sources == 1 && *l->sources[0] == '\0')
    l->n_sources = 0;
  if (l->n_sources != 0 && l->n_sources != n_values && l->n_sources != n_amounts)
    {
      *problem = g_strdup_printf (_("line “%s” names %u figures; its side has %u value columns"),
                                  spec, l->n_sources, n_values);
      line_free (l);
      return NULL;
    }
  return l;
}

static guint
count_columns (GPtrArray *columns,
               guint      side,
               gboolean   with_rowsum)
{
  guint n = 0;

  for (guint i = 0; i < columns->len; i++)
    {
      JueTemplateColumn *c = columns->pdata[i];
      if (c->side == side && (c->role == JUE_COLUMN_VALUE
                              || (with_rowsum && c->role == JUE_COLUMN_ROWSUM)))
        n++;
    }
  return n;
}

static gboolean
parse_columns (GKeyFile         *kf,
               const char       *origin,
               const char       *group,
               const char       *key,
               guint             side,
               JueTemplateTable *t,
               GError          **error)
{
  g_auto (GStrv) specs = NULL;
  gsize n = 0;

  specs = g_key_file_get_string_list (kf, group, key, &n, NULL);
  if (specs == NULL)
    return TRUE;
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *problem = NULL;
      JueTemplateColumn *c;

      if (*g_strstrip (specs[i]) == '\0')
        continue;
      c = parse_column (specs[i], side, &problem);
      if (c == NULL)
        {
          set_error (error, origin, group, key, problem);
          return FALSE;
        }
      g_ptr_array_add (t->columns, c);
    }
  return TRUE;
}

static gboolean
parse_lines (GKeyFile         *kf,
             const char       *origin,
             const char       *group,
             const char       *key,
             guint             side,
             JueTemplateTable *t,
             GError          **error)
{
  g_auto (GStrv) specs = NULL;
  gsize n = 0;
  guint n_values = count_columns (t->columns, side, FALSE);
  guint n_amounts = count_columns (t->columns, side, TRUE);

  specs = g_key_file_get_string_list (kf, group, key, &n, NULL);
  if (specs == NULL)
    return TRUE;
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *problem = NULL;
      JueTemplateLine *l;

      if (*g_strstrip (specs[i]) == '\0')
        continue;
      l = parse_line (specs[i], n_values, n_amounts, &problem);
      if (l == NULL)
        {
          set_error (error, origin, group, key, problem);
          return FALSE;
        }
      g_ptr_array_add (t->lines[side], l);
    }
  return TRUE;
}

static char *
get_string (GKeyFile   *kf,
            const char *group,
            const char *key,
            const char *fallback)
{
  char *s = g_key_file_get_string (kf, group, key, NULL);

  if (s == NULL)
    return fallback ? g_strdup (fallback) : NULL;
  return g_strstrip (s);
}

static JueTemplateTable *
parse_table (GKeyFile          *kf,
             const char        *origin,
             const char        *group,
             const JueTemplate *tmpl,
             GError           **error)
{
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (table_free);
  JueTemplateTable *t = g_new0 (JueTemplateTable, 1);
  g_autofree char *layout = NULL;
  g_autofree char *blank = NULL;
  g_autoptr (GError) local = NULL;
  guint n_values;

  g_ptr_array_add (keep, t);
  t->columns = g_ptr_array_new_with_free_func (column_free);
  t->lines[0] = g_ptr_array_new_with_free_func (line_free);
  t->lines[1] = g_ptr_array_new_with_free_func (line_free);
  t->index = tmpl->tables->len;
  t->number = get_string (kf, group, "number", "");
  t->title = get_string (kf, group, "title", NULL);
  if (t->title == NULL || *t->title == '\0')
    {
      set_error (error, origin, group, "title", _("every table needs a title"));
      return NULL;
    }
  t->key = get_string (kf, group, "key", NULL);
  if (t->key == NULL || *t->key == '\0')
    {
      g_free (t->key);
      t->key = g_strdup (t->title);
    }
  else if (!key_is_valid (t->key))
    {
      set_error (error, origin, group, "key",
                 _("a table key is lower-case letters, digits and _"));
      return NULL;
    }
  t->part = get_string (kf, group, "part", tmpl->part);
  t->short_name = get_string (kf, group, "name", NULL);
  if (t->short_name == NULL)
    t->short_name = g_strdup_printf ("%02u_%s", t->index + 1, t->title);
  layout = get_string (kf, group, "layout", NULL);
  if (layout == NULL || !parse_layout (layout, &t->layout))
    {
      set_error (error, origin, group, "layout",
                 _("the layout must be one of lines, two-sided, matrix, economic, row"));
      return NULL;
    }
  t->rows = get_string (kf, group, "rows", NULL);
  if ((t->layout == JUE_LAYOUT_MATRIX || t->layout == JUE_LAYOUT_ECONOMIC)
      && (t->rows == NULL || *t->rows == '\0'))
    {
      set_error (error, origin, group, "rows",
                 _("a matrix or economic table names the list its rows come from"));
      return NULL;
    }
  blank = get_string (kf, group, "blank", "profile");
  if (strcmp (blank, "zero") != 0 && strcmp (blank, "blank") != 0
      && strcmp (blank, "profile") != 0)
    {
      set_error (error, origin, group, "blank", _("blank must be zero, blank or profile"));
      return NULL;
    }
  t->blank = g_steal_pointer (&blank);
  t->note = get_string (kf, group, "note", NULL);
  t->empty_note = get_string (kf, group, "empty_note", "本表为空表");
  t->options = get_string (kf, group, "options", "");
  {
    g_autofree char *totals = get_string (kf, group, "totals", NULL);

    if (totals != NULL && *totals != '\0')
      {
        t->totals = g_strsplit (totals, ";", -1);
        for (guint i = 0; t->totals[i] != NULL; i++)
          {
            g_strstrip (t->totals[i]);
            if (strchr (t->totals[i], ':') == NULL)
              {
                set_error (error, origin, group, "totals",
                           _("each total is FIELD:PATH, e.g. exp_basic:expenditure.basic"));
                return NULL;
              }
          }
      }
  }
  t->provisional = g_key_file_get_boolean (kf, group, "provisional", &local);
  if (local != NULL && !g_error_matches (local, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
    {
      set_error (error, origin, group, "provisional", _("provisional must be true or false"));
      return NULL;
    }

  if (t->layout == JUE_LAYOUT_TWO_SIDED || t->layout == JUE_LAYOUT_ECONOMIC)
    {
      if (!parse_columns (kf, origin, group, "left_columns", 0, t, error)
          || !parse_columns (kf, origin, group, "right_columns", 1, t, error))
        return NULL;
    }
  else if (!parse_columns (kf, origin, group, "columns", 0, t, error))
    return NULL;
  if (t->columns->len > 64)
    {
      set_error (error, origin, group, NULL, _("a table has at most 64 columns"));
      return NULL;
    }
  if (t->columns->len == 0)
    {
      set_error (error, origin, group, NULL, _("the table has no columns"));
      return NULL;
    }
  if (t->layout == JUE_LAYOUT_ECONOMIC)
    {
      g_autofree char *codes = get_string (kf, group, "left_codes", "301,303");
      t->left_codes = g_strsplit (codes, ",", -1);
      for (guint i = 0; t->left_codes[i] != NULL; i++)
        g_strstrip (t->left_codes[i]);
    }
  if (t->layout == JUE_LAYOUT_TWO_SIDED || t->layout == JUE_LAYOUT_ECONOMIC)
    {
      if (!parse_lines (kf, origin, group, "left", 0, t, error)
          || !parse_lines (kf, origin, group, "right", 1, t, error))
        return NULL;
    }
  else if (t->layout == JUE_LAYOUT_LINES)
    {
      if (!parse_lines (kf, origin, group, "lines", 0, t, error))
        return NULL;
    }
  if ((t->layout == JUE_LAYOUT_LINES || t->layout == JUE_LAYOUT_TWO_SIDED)
      && t->lines[0]->len + t->lines[1]->len == 0)
    {
      set_error (error, origin, group, NULL, _("the table has no lines"));
      return NULL;
    }
  n_values = count_columns (t->columns, 0, FALSE) + count_columns (t->columns, 1, FALSE);
  if (n_values == 0)
    {
      set_error (error, origin, group, NULL, _("the table has no value column"));
      return NULL;
    }
  for (guint i = 0; i < t->columns->len; i++)
    {
      JueTemplateColumn *c = t->columns->pdata[i];
      if (c->role == JUE_COLUMN_VALUE && c->source == NULL
          && (t->layout == JUE_LAYOUT_MATRIX || t->layout == JUE_LAYOUT_ROW))
        {
          g_autofree char *msg = g_strdup_printf (_("column “%s” names no field"), c->header);
          set_error (error, origin, group, "columns", msg);
          return NULL;
        }
    }
  return g_ptr_array_steal_index (keep, 0);
}

JueTemplate *
jue_template_parse (const char  *data,
                    gsize        len,
                    const char  *origin,
                    GError     **error)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autoptr (JueTemplate) tmpl = NULL;
  g_auto (GStrv) groups = NULL;
  g_autoptr (GError) local = NULL;

  if (!g_key_file_load_from_data (kf, data, len, G_KEY_FILE_NONE, &local))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE, "%s: %s", origin, local->message);
      return NULL;
    }
  if (!g_key_file_has_group (kf, "template"))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                   _("%s: the file has no [template] group"), origin);
      return NULL;
    }
  tmpl = g_new0 (JueTemplate, 1);
  tmpl->tables = g_ptr_array_new_with_free_func (table_free);
  tmpl->id = get_string (kf, "template", "id", NULL);
  if (tmpl->id == NULL || *tmpl->id == '\0')
    {
      set_error (error, origin, "template", "id", _("the template needs an id"));
      return NULL;
    }
  tmpl->name = get_string (kf, "template", "name", tmpl->id);
  tmpl->part = get_string (kf, "template", "part", "");

  groups = g_key_file_get_groups (kf, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      JueTemplateTable *t;

      if (strcmp (groups[i], "template") == 0)
        continue;
      if (!g_str_has_prefix (groups[i], "table "))
        {
          set_error (error, origin, groups[i], NULL,
                     _("unknown group; groups are [template] and [table N]"));
          return NULL;
        }
      t = parse_table (kf, origin, groups[i], tmpl, error);
      if (t == NULL)
        return NULL;
      g_ptr_array_add (tmpl->tables, t);
    }
  if (tmpl->tables->len == 0)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                   _("%s: the template has no [table N] groups"), origin);
      return NULL;
    }
  return g_steal_pointer (&tmpl);
}

const char * const *
jue_template_ids (void)
{
  return builtin_ids;
}

const JueTemplate *
jue_template_get (const char  *id,
                  GError     **error)
{
  static GHashTable *cache;   /* id → JueTemplate*, for the process's life */
  G_LOCK_DEFINE_STATIC (cache);
  JueTemplate *tmpl;
  gboolean known = FALSE;

  if (id == NULL || *id == '\0')
    id = "national";
  for (guint i = 0; builtin_ids[i] != NULL; i++)
    known = known || strcmp (builtin_ids[i], id) == 0;
  if (!known)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                   _("unknown table template “%s”; the templates are national and sichuan"), id);
      return NULL;
    }

  G_LOCK (cache);
  if (cache == NULL)
    cache = g_hash_table_new (g_str_hash, g_str_equal);
  tmpl = g_hash_table_lookup (cache, id);
  if (tmpl == NULL)
    {
      g_autofree char *path = g_strconcat (RESOURCE_DIR, id, ".ini", NULL);
      g_autoptr (GBytes) bytes = g_resources_lookup_data (path, 0, error);
      if (bytes != NULL)
        {
          gsize len;
          const char *data = g_bytes_get_data (bytes, &len);
          g_autofree char *origin = g_strconcat (id, ".ini", NULL);
          tmpl = jue_template_parse (data, len, origin, error);
          if (tmpl != NULL)
            g_hash_table_insert (cache, g_strdup (id), tmpl);
        }
    }
  G_UNLOCK (cache);
  return tmpl;
}

guint
jue_template_n_tables (const JueTemplate *tmpl)
{
  return tmpl->tables->len;
}

const JueTemplateTable *
jue_template_table (const JueTemplate *tmpl,
                    guint              index)
{
  g_return_val_if_fail (index < tmpl->tables->len, NULL);
  return tmpl->tables->pdata[index];
}

guint
jue_template_table_value_columns (const JueTemplateTable *table,
                                  guint                   side)
{
  return count_columns (table->columns, side, TRUE);
}

gboolean
jue_template_table_has_option (const JueTemplateTable *table,
                               const char             *word)
{
  g_auto (GStrv) words = g_strsplit (table->options ? table->options : "", " ", -1);

  return g_strv_contains ((const char * const *) words, word);
}
