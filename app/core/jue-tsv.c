/* jue-tsv.c — reading and writing reports as PATH<TAB>VALUE lines. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "jue-tsv.h"
#include "jue-core-resources.h"

gboolean
jue_report_apply_tsv (JueReport  *report,
                      const char *data,
                      gsize       len,
                      const char *origin,
                      GError    **error)
{
  g_autofree char *copy = g_strndup (data, len);
  g_auto (GStrv) lines = g_strsplit (copy, "\n", -1);

  for (guint n = 0; lines[n]; n++)
    {
      char *line = lines[n];
      char *tab;
      g_autofree char *value = NULL;
      GError *inner = NULL;
      gsize l = strlen (line);

      if (l && line[l - 1] == '\r')
        line[--l] = '\0';
      if (*line == '\0' || *line == '#')
        continue;
      tab = strchr (line, '\t');
      if (tab == NULL)
        {
          g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                       _("%s:%u: expected PATH, a tab and a value"), origin, n + 1);
          return FALSE;
        }
      *tab = '\0';
      value = jue_unescape_line (tab + 1);
      if (value == NULL)
        {
          g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                       _("%s:%u: a backslash must be followed by \\, t, n or r"),
                       origin, n + 1);
          return FALSE;
        }
      if (!jue_report_ensure_path (report, line, &inner) ||
          !jue_report_set (report, line, value, &inner))
        {
          g_set_error (error, JUE_ERROR, inner->code, "%s:%u: %s",
                       origin, n + 1, inner->message);
          g_error_free (inner);
          return FALSE;
        }
    }
  return TRUE;
}

typedef struct {
  GString *out;
  GHashTable *rows_written;  /* list-item prefixes that have a line */
} TsvWriter;

static void
write_field (const char        *path,
             const JueFieldRef *ref,
             gpointer           user_data)
{
  TsvWriter *w = user_data;
  g_autofree char *value = NULL;
  g_autofree char *escaped = NULL;
  const char *last_bracket = strrchr (path, ']');
  gboolean first_of_row = FALSE;

  /* Every list row gets at least its first field, blank or not, so that an
   * empty row survives a round trip. */
  if (last_bracket)
    {
      g_autofree char *row = g_strndup (path, (gsize) (last_bracket - path + 1));
      if (!g_hash_table_contains (w->rows_written, row))
        {
          g_hash_table_add (w->rows_written, g_steal_pointer (&row));
          first_of_row = TRUE;
        }
    }
  if (jue_field_is_blank (ref) && !first_of_row)
    return;

  value = jue_field_get_text (ref);
  escaped = jue_escape_line (value);
  g_string_append_printf (w->out, "%s\t%s\n", path, escaped);
}

char *
jue_report_to_tsv (JueReport *report)
{
  TsvWriter w = { g_string_new (NULL),
                  g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };

  jue_report_foreach (report, NULL, write_field, &w, NULL);
  g_hash_table_unref (w.rows_written);
  return g_string_free (w.out, FALSE);
}

JueReport *
jue_sample_new (GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JueReport) report = jue_report_new ();
  gsize len;
  const char *data;

  /* Looked up in our own resource bundle directly: referencing it also
   * keeps the linker from dropping it out of the static library. */
  bytes = g_resource_lookup_data (jue_core_get_resource (),
                                  "/io/github/juesuan/Juesuan/core/sample/suining-kjj-2024.tsv",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  if (!jue_report_apply_tsv (report, data, len, "suining-kjj-2024.tsv", error))
    return NULL;
  return g_steal_pointer (&report);
}
