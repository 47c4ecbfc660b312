/* cli-edit.c — new, info, paths, schema, get, set, add, remove, move. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jue-carry.h"
#include "jue-checks.h"
#include "jue-cli.h"
#include "jue-computed.h"
#include "jue-tsv.h"

/* A classification CSV given to new --from; NULL (with the reason said)
 * when it cannot be read. */
static GPtrArray *
read_classification (const char *csv,
                     gboolean    economic,
                     const char *filename)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  GPtrArray *entries = NULL;
  gsize len;

  if (!jue_read_regular_file (csv, JUE_MAX_CSV_BYTES, &data, &len, &error) ||
      (entries = economic ? jue_classification_economic_parse (data, len, csv, &error)
                          : jue_classification_parse (data, len, csv, &error)) == NULL)
    {
      jue_cli_error ("%s", error->message);
      jue_cli_error (_("%s was not created"), filename);
    }
  return entries;
}

/* new --from LAST.juesuan [--classification NEW-YEAR.csv]
 *     [--economic-classification NEW-YEAR-ECONOMIC.csv] NEW.juesuan */
static int
new_from_last (const char *last,
               const char *classification_csv,
               const char *economic_csv,
               const char *filename)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GPtrArray) economic = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (JueDocument) doc = NULL;
  g_autofree char *year = NULL;
  guint carried;

  if (classification_csv &&
      (entries = read_classification (classification_csv, FALSE, filename)) == NULL)
    return JUE_EXIT_REFUSED;
  if (economic_csv && (economic = read_classification (economic_csv, TRUE, filename)) == NULL)
    return JUE_EXIT_REFUSED;
  doc = jue_carry_forward_file (last, filename, entries, economic, &notes, &error);
  if (doc == NULL)
    {
      jue_cli_error ("%s", error->message);
      return g_error_matches (error, JUE_ERROR, JUE_ERROR_EXISTS) ? JUE_EXIT_REFUSED
                                                                  : jue_cli_exit_for (error);
    }
  carried = jue_report_count_carried (jue_document_get_report (doc));
  year = jue_report_get (jue_document_get_report (doc), "profile.year", NULL);
  for (guint i = 0; i < notes->len; i++)
    g_printerr ("%s: %s\n", filename, (const char *) notes->pdata[i]);
  /* TRANSLATORS: "2025.juesuan: the 2025 report, from 2024.juesuan; 57 carried
   * texts to confirm or edit (juesuan-cli confirm)" */
  printf (g_dngettext (GETTEXT_PACKAGE,
                       "%s: the %s report, from %s; %u carried text to confirm or edit "
                       "(juesuan-cli confirm)\n",
                       "%s: the %s report, from %s; %u carried texts to confirm or edit "
                       "(juesuan-cli confirm)\n", carried),
          filename, year ? year : "", last, carried);
  return JUE_EXIT_OK;
}

int
jue_cli_new (int    argc,
             char **argv)
{
  gboolean sample = FALSE;
  const char *filename = NULL, *from = NULL, *classification = NULL, *economic = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) report = NULL;
  g_autoptr (JueDocument) doc = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--from") == 0 && i + 1 < argc)
        from = argv[++i];
      else if (strcmp (argv[i], "--classification") == 0 && i + 1 < argc)
        classification = argv[++i];
      else if (strcmp (argv[i], "--economic-classification") == 0 && i + 1 < argc)
        economic = argv[++i];
      else if (strcmp (argv[i], "--sample") == 0)
        sample = TRUE;
      else if (filename == NULL && argv[i][0] != '-')
        filename = argv[i];
      else
        return jue_cli_usage (argv[0]);
    }
  if (filename == NULL || (from && sample) || ((classification || economic) && !from))
    return jue_cli_usage (argv[0]);
  if (from)
    return new_from_last (from, classification, economic, filename);

  report = sample ? jue_sample_new (&error) : jue_report_new ();
  if (report == NULL)
    {
      jue_cli_error ("%s", error->message);
      return JUE_EXIT_FILE;
    }
  doc = jue_document_create (filename, report, &error);
  if (doc == NULL)
    {
      jue_cli_error ("%s", error->message);
      return JUE_EXIT_REFUSED;
    }
  return JUE_EXIT_OK;
}

int
jue_cli_info (int    argc,
              char **argv)
{
  g_autoptr (JueDocument) doc = NULL;
  JueReport *r;

  if (argc != 2)
    return jue_cli_usage (argv[0]);
  doc = jue_cli_open (argv[1], TRUE);
  if (doc == NULL)
    return jue_cli_open_status ();
  r = jue_document_get_report (doc);
  printf ("%s\t%s\n", _("File"), argv[1]);
  printf ("%s\t%s (application_id 0x%08X)\n", _("Format"), _("Juesuan report"),
          JUE_APPLICATION_ID);
  printf ("%s\t%d\n", _("Schema version"), jue_store_get_version (jue_document_get_store (doc)));
  printf ("%s\t%s\n", _("Department"), r->profile.name ? r->profile.name : "");
  if (r->profile.year.set)
    printf ("%s\t%" G_GINT64_FORMAT "\n", _("Year"), r->profile.year.value);
  else
    printf ("%s\t\n", _("Year"));
  return JUE_EXIT_OK;
}

static void
print_path_line (const char        *path,
                 const JueFieldRef *ref,
                 gpointer           user_data)
{
  g_autofree char *value = jue_field_get_text (ref);
  g_autofree char *escaped = jue_escape_line (value);

  printf ("%s\t%s\t%s\n", path, jue_kind_type_name (ref->def->kind), escaped);
}

/* paths --computed: PATH<TAB>KIND<TAB>VALUE of every computed value; an
 * amount exact in 万元, a percent or points as centi "95.03", a count as
 * is, an undefined value as its reason. */
static void
print_computed_line (const char     *path,
                     const JueValue *v,
                     gpointer        user_data)
{
  static const char * const kinds[] = { "amount", "percent", "points", "count" };
  g_autofree char *text = NULL;

  if (!v->defined)
    text = g_strdup (jue_undefined_reason_text (v->reason));
  else if (v->kind == JUE_VALUE_AMOUNT)
    text = jue_amount_canonical (jue_amount_from_fen (v->value));
  else if (v->kind == JUE_VALUE_COUNT)
    text = g_strdup_printf ("%" G_GINT64_FORMAT, v->value);
  else
    text = jue_centi_display (v->value);
  printf ("%s\t%s\t%s\n", path, kinds[MIN (v->kind, 3)], text);
}

int
jue_cli_paths (int    argc,
               char **argv)
{
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (GError) error = NULL;

  if (argc >= 2 && strcmp (argv[1], "--computed") == 0)
    {
      g_autoptr (JueComputed) computed = jue_computed_new ();

      if (argc != 3 && argc != 4)
        return jue_cli_usage (argv[0]);
      doc = jue_cli_open (argv[2], TRUE);
      if (doc == NULL)
        return jue_cli_open_status ();
      jue_computed_update (computed, jue_document_get_report (doc));
      jue_computed_foreach (computed, argc == 4 ? argv[3] : NULL, print_computed_line, NULL);
      return JUE_EXIT_OK;
    }
  if (argc != 2 && argc != 3)
    return jue_cli_usage (argv[0]);
  doc = jue_cli_open (argv[1], TRUE);
  if (doc == NULL)
    return jue_cli_open_status ();
  if (!jue_report_foreach (jue_document_get_report (doc), argc == 3 ? argv[2] : NULL,
                           print_path_line, NULL, &error))
    {
      jue_cli_error ("%s", error->message);
      return JUE_EXIT_REFUSED;
    }
  return JUE_EXIT_OK;
}

static void
print_schema_line (const char        *pattern,
                   const JueFieldDef *def,
                   gpointer           user_data)
{
  printf ("%s\t%s\t%s\n", pattern, jue_kind_type_name (def->kind), _(def->label));
}

int
jue_cli_schema (int    argc,
                char **argv)
{
  if (argc != 1)
    return jue_cli_usage (argv[0]);
  jue_schema_foreach (print_schema_line, NULL);
  return JUE_EXIT_OK;
}

int
jue_cli_get (int    argc,
             char **argv)
{
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;

  if (argc != 3)
    return jue_cli_usage (argv[0]);
  doc = jue_cli_open (argv[1], TRUE);
  if (doc == NULL)
    return jue_cli_open_status ();
  value = jue_report_get (jue_document_get_report (doc), argv[2], &error);
  if (value == NULL)
    {
      jue_cli_error ("%s", error->message);
      return JUE_EXIT_REFUSED;
    }
  printf ("%s\n", value);
  return JUE_EXIT_OK;
}

int
jue_cli_set (int    argc,
             char **argv)
{
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  int code;

  if (argc != 4)
    return jue_cli_usage (argv[0]);
  doc = jue_cli_open_for_edit (argv[1], &code);
  if (doc == NULL)
    return code;
  if (!jue_document_set (doc, argv[2], argv[3], &error))
    {
      jue_cli_error ("%s", error->message);
      return jue_cli_exit_for (error);
    }
  return JUE_EXIT_OK;
}

static gboolean
parse_index (const char *text,
             gint       *out)
{
  char *end;
  guint64 v;

  if (!g_ascii_isdigit (*text))
    return FALSE;
  v = g_ascii_strtoull (text, &end, 10);
  if (*end || v > G_MAXINT)
    return FALSE;
  *out = (gint) v;
  return TRUE;
}

int
jue_cli_add (int    argc,
             char **argv)
{
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  gint index = -1;
  int code;

  if (argc >= 2 && strcmp (argv[1], "--code") == 0)
    return jue_cli_add_code (argc, argv);
  if (argc != 3 && argc != 4)
    return jue_cli_usage (argv[0]);
  if (argc == 4 && !parse_index (argv[3], &index))
    {
      jue_cli_error (_("“%s” is not a row index (0, 1, 2, …)"), argv[3]);
      return JUE_EXIT_REFUSED;
    }
  doc = jue_cli_open_for_edit (argv[1], &code);
  if (doc == NULL)
    return code;
  index = jue_document_insert_row (doc, argv[2], index, &error);
  if (index < 0)
    {
      jue_cli_error ("%s", error->message);
      return jue_cli_exit_for (error);
    }
  printf ("%s[%d]\n", argv[2], index);
  return JUE_EXIT_OK;
}

int
jue_cli_remove (int    argc,
                char **argv)
{
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  int code;

  if (argc != 3)
    return jue_cli_usage (argv[0]);
  doc = jue_cli_open_for_edit (argv[1], &code);
  if (doc == NULL)
    return code;
  if (!jue_document_remove_row (doc, argv[2], &error))
    {
      jue_cli_error ("%s", error->message);
      return jue_cli_exit_for (error);
    }
  return JUE_EXIT_OK;
}

int
jue_cli_move (int    argc,
              char **argv)
{
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  gint index;
  int code;

  if (argc != 4)
    return jue_cli_usage (argv[0]);
  if (!parse_index (argv[3], &index))
    {
      jue_cli_error (_("“%s” is not a row index (0, 1, 2, …)"), argv[3]);
      return JUE_EXIT_REFUSED;
    }
  doc = jue_cli_open_for_edit (argv[1], &code);
  if (doc == NULL)
    return code;
  if (!jue_document_move_row (doc, argv[2], index, &error))
    {
      jue_cli_error ("%s", error->message);
      return jue_cli_exit_for (error);
    }
  return JUE_EXIT_OK;
}

static void
print_carried (const char        *path,
               const JueFieldRef *ref,
               gpointer           user_data)
{
  g_autofree char *text = jue_field_get_text (ref);
  g_autofree char *line = jue_escape_line (text);
  const char *p = line;
  glong n = g_utf8_strlen (line, -1);

  /* the path and the start of the text, to recognise it */
  if (n > 40)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, 40);
      printf ("%s\t%s…\n", path, cut);
    }
  else
    printf ("%s\t%s\n", path, p);
}

typedef struct {
  GPtrArray *paths;
} Collect;

static void
collect_carried (const char        *path,
                 const JueFieldRef *ref,
                 gpointer           user_data)
{
  g_ptr_array_add (((Collect *) user_data)->paths, g_strdup (path));
}

/* confirm FILE: list the texts carried from last year (PATH<TAB>start);
 * confirm FILE PATH…|--all: confirm them as they stand. */
int
jue_cli_confirm (int    argc,
                 char **argv)
{
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  gboolean all = FALSE;
  int code;

  if (argc < 2)
    return jue_cli_usage (argv[0]);
  if (argc == 2)
    {
      doc = jue_cli_open (argv[1], TRUE);
      if (doc == NULL)
        return jue_cli_open_status ();
      jue_report_foreach_carried (jue_document_get_report (doc), NULL, print_carried, NULL);
      return JUE_EXIT_OK;
    }
  for (int i = 2; i < argc; i++)
    if (strcmp (argv[i], "--all") == 0)
      all = TRUE;
    else
      g_ptr_array_add (paths, g_strdup (argv[i]));
  if (all && paths->len > 0)
    return jue_cli_usage (argv[0]);
  doc = jue_cli_open_for_edit (argv[1], &code);
  if (doc == NULL)
    return code;
  if (all)
    {
      Collect c = { paths };
      jue_report_foreach_carried (jue_document_get_report (doc), NULL, collect_carried, &c);
    }
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr (GError) error = NULL;
      const char *path = paths->pdata[i];

      if (!all && !jue_document_is_carried (doc, path))
        {
          JueFieldRef ref;
          if (!jue_report_resolve (jue_document_get_report (doc), path, &ref, &error))
            {
              jue_cli_error ("%s", error->message);
              return JUE_EXIT_REFUSED;
            }
          jue_cli_error (_("%s is not a text carried from last year; nothing was changed"), path);
          return JUE_EXIT_REFUSED;
        }
      if (!jue_document_confirm_carried (doc, path, &error))
        {
          jue_cli_error ("%s", error->message);
          return jue_cli_exit_for (error);
        }
    }
  return JUE_EXIT_OK;
}
