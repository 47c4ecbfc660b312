/* jue-codes.c — 项 rows by their code; see jue-codes.h. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "jue-checks.h"
#include "jue-codes.h"
#include "jue-store.h"

static const char * const functional_lists[] = {
  "functional", "accounts", "gov_fund.rows", "state_capital.rows", NULL };

guint
jue_list_code_digits (const char *list_path,
                      guint      *alt_out)
{
  if (alt_out)
    *alt_out = 0;
  if (list_path == NULL)
    return 0;
  for (guint i = 0; functional_lists[i]; i++)
    if (strcmp (list_path, functional_lists[i]) == 0)
      return 7;
  if (strcmp (list_path, "economic") == 0)
    {
      if (alt_out)
        *alt_out = 5;
      return 3;
    }
  return 0;
}

static gboolean
has_field (const JueRecordDef *def,
           const char         *name)
{
  for (guint i = 0; i < def->n_fields; i++)
    if (strcmp (def->fields[i].name, name) == 0)
      return TRUE;
  return FALSE;
}

const char *
jue_row_text (gconstpointer       record,
          const JueRecordDef *def,
          const char         *name)
{
  for (guint i = 0; i < def->n_fields; i++)
    if (strcmp (def->fields[i].name, name) == 0 && def->fields[i].kind == JUE_KIND_TEXT)
      {
        const char *v = *(char * const *) ((const guint8 *) record + def->fields[i].offset);
        return v ? v : "";
      }
  return "";
}

/* The list at list_path, its rows' record and its label (translated). */
static GPtrArray *
list_of (JueReport           *report,
         const char          *list_path,
         const JueRecordDef **element,
         const char         **label,
         GError             **error)
{
  JueFieldRef ref;

  if (!jue_report_resolve (report, list_path, &ref, error))
    return NULL;
  if (ref.def->kind != JUE_KIND_LIST || ref.index >= 0 || jue_list_code_digits (list_path, NULL) == 0)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                   _("%s is not a list of rows by code (functional, accounts, gov_fund.rows, "
                     "state_capital.rows, economic)"), list_path);
      return NULL;
    }
  *element = ref.def->extra;
  *label = _(ref.def->label);
  return *(GPtrArray **) ref.ptr;
}

static gboolean
code_fits (const char  *list_path,
           const char  *label,
           const char  *code,
           GError     **error)
{
  guint alt, digits = jue_list_code_digits (list_path, &alt);
  gsize len = strlen (code);
  gboolean ok = len == digits || (alt && len == alt);

  for (const char *p = code; ok && *p; p++)
    ok = g_ascii_isdigit (*p);
  if (ok)
    return TRUE;
  if (alt)
    g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                 /* TRANSLATORS: the code typed, the list's name and path */
                 _("“%s” is not a code for %s (%s): it takes a 3-digit 类 or 5-digit 款 code of "
                   "the economic classification (301, 30101)"), code, label, list_path);
  else
    g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                 _("“%s” is not a code for %s (%s): it takes the 7-digit 项 code of the "
                   "functional classification (2060101)"), code, label, list_path);
  return FALSE;
}

/* Do two 类 (款) names name the same one?  The same, or one the other
 * with more at its end: reports write 社会保障和就业 for the
 * classification's 社会保障和就业支出. */
static gboolean
same_name (const char *a,
           const char *b)
{
  return *a && *b && (g_str_has_prefix (a, b) || g_str_has_prefix (b, a));
}

/* The code a row without one stands at in code order, from its 类 and
 * 款 names and the built-in classification: the 款's code when both are
 * found, the 类's when only it is, NULL when neither is. */
static const char *
name_key (gconstpointer       row,
          const JueRecordDef *element)
{
  GPtrArray *entries = jue_classification_builtin ();
  const char *class_name = jue_row_text (row, element, "class_name");
  const char *kuan_name = jue_row_text (row, element, "kuan_name");
  const char *class_code = NULL;

  for (guint i = 0; entries && i < entries->len && class_code == NULL; i++)
    {
      const JueClassEntry *e = entries->pdata[i];
      if (e->level == 1 && e->name && same_name (e->name, class_name))
        class_code = e->code;
    }
  if (class_code == NULL)
    return NULL;
  for (guint i = 0; *kuan_name && i < entries->len; i++)
    {
      const JueClassEntry *e = entries->pdata[i];
      if (e->level == 2 && e->name && g_str_has_prefix (e->code, class_code) &&
          same_name (e->name, kuan_name))
        return e->code;
    }
  return class_code;
}

gint
jue_report_code_position (JueReport   *report,
                          const char  *list_path,
                          const char  *code,
                          GError     **error)
{
  const JueRecordDef *element = NULL;
  const char *label = NULL;
  GPtrArray *rows = list_of (report, list_path, &element, &label, error);
  gint after = -1, first_coded = -1;   /* coded, or placed by its names */

  if (rows == NULL || !code_fits (list_path, label, code, error))
    return -1;
  for (guint i = 0; i < rows->len; i++)
    {
      const char *c = jue_row_text (rows->pdata[i], element, "code");

      if (*c == '\0')
        {
          /* a row typed without a code stands where its 类 and 款 names
           * put it: a new 221 row goes after the rows named 社会保障和就业
           * (208), not in among them */
          const char *key = name_key (rows->pdata[i], element);

          /* (of the new row's own 类 with its 款 not known: no telling) */
          if (key == NULL || g_str_has_prefix (code, key))
            continue;
          if (first_coded < 0)
            first_coded = (gint) i;
          if (strcmp (key, code) < 0)
            after = (gint) i;
          continue;
        }
      if (strcmp (c, code) == 0)
        {
          g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                       /* TRANSLATORS: the list's name and path, the code, the row (from 1) */
                       _("%s (%s) already has a row with the code %s: row %u"),
                       label, list_path, code, i + 1);
          return -1;
        }
      if (first_coded < 0)
        first_coded = (gint) i;
      /* codes of a level compare as numbers; 301 < 30101 < 302 as printed */
      if (strcmp (c, code) < 0)
        after = (gint) i;
    }
  if (after >= 0)
    return after + 1;
  return first_coded >= 0 ? first_coded : (gint) rows->len;
}

static const char *
name_of (GHashTable *by_code,
         GHashTable *names,
         const char *code)
{
  const JueClassEntry *e = g_hash_table_lookup (by_code, code);

  if (e && e->name && *e->name)
    return e->name;
  return names ? g_hash_table_lookup (names, code) : NULL;
}

static gboolean
set_field (JueDocument *document,
           const char  *list_path,
           gint         index,
           const char  *field,
           const char  *text,
           GError     **error)
{
  g_autofree char *path = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;
  path = g_strdup_printf ("%s[%d].%s", list_path, index, field);
  return jue_document_set (document, path, text, error);
}

gint
jue_document_insert_by_code_in_group (JueDocument *document,
                                      const char  *list_path,
                                      const char  *code_in,
                                      GPtrArray   *classification,
                                      GHashTable  *names,
                                      const char  *name_hint,
                                      GError     **error)
{
  g_autofree char *code = g_strstrip (g_strdup (code_in ? code_in : ""));
  g_autoptr (GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  JueReport *report = jue_document_get_report (document);
  const JueRecordDef *element = NULL;
  const char *label = NULL;
  gboolean economic;
  gint pos, index;

  pos = jue_report_code_position (report, list_path, code, error);
  if (pos < 0)
    return -1;
  list_of (report, list_path, &element, &label, NULL);
  economic = strcmp (list_path, "economic") == 0;
  if (classification == NULL)
    classification = economic ? jue_document_get_economic_classification (document)
                              : jue_document_get_classification (document);
  if (classification == NULL || classification->len == 0)
    classification = economic ? jue_classification_economic_builtin ()
                              : jue_classification_builtin ();
  for (guint i = 0; i < classification->len; i++)
    {
      JueClassEntry *e = classification->pdata[i];
      g_hash_table_insert (by_code, e->code, e);
    }
  /* an economic row added by its code alone (not pasted with its names)
   * must be a code of the classification in force: an unknown one would be
   * an unnamed row of a table printed as it is */
  if (economic && names == NULL && name_hint == NULL &&
      !g_hash_table_contains (by_code, code))
    {
      if (classification == jue_classification_economic_builtin ())
        g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                     /* TRANSLATORS: a code, the list's name and path */
                     _("%s is not in the built-in economic classification, so no row of %s "
                       "(%s) was added: the built-in table is partial; import the year's "
                       "economic classification (Import Economic Classification…) first"),
                     code, label, list_path);
      else
        g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                     _("%s is not in the report's economic classification, so no row of %s "
                       "(%s) was added"), code, label, list_path);
      return -1;
    }

  index = jue_document_insert_row (document, list_path, pos, error);
  if (index < 0 || !set_field (document, list_path, index, "code", code, error))
    return -1;
  if (economic || !has_field (element, "class_name"))
    {
      const char *name = name_of (by_code, names, code);

      return set_field (document, list_path, index, "name", name ? name : name_hint, error)
             ? index : -1;
    }
  {
    g_autofree char *cls = g_strndup (code, 3);
    g_autofree char *kuan = g_strndup (code, 5);
    const char *xiang = name_of (by_code, names, code);

    if (!set_field (document, list_path, index, "class_name", name_of (by_code, names, cls), error) ||
        !set_field (document, list_path, index, "kuan_name", name_of (by_code, names, kuan), error) ||
        !set_field (document, list_path, index, "xiang_name", xiang ? xiang : name_hint, error))
      return -1;
  }
  return index;
}

gboolean
jue_document_insert_by_code (JueDocument *document,
                             const char  *list_path,
                             const char  *code,
                             GPtrArray   *classification,
                             gint        *index_out,
                             GError     **error)
{
  gint index;

  g_return_val_if_fail (JUE_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (list_path != NULL && code != NULL, FALSE);

  jue_document_begin_group (document);
  index = jue_document_insert_by_code_in_group (document, list_path, code, classification,
                                                NULL, NULL, error);
  if (index < 0)
    {
      jue_document_abort_group (document, NULL);
      return FALSE;
    }
  if (!jue_document_commit_group (document, list_path, error))
    return FALSE;
  if (index_out)
    *index_out = index;
  return TRUE;
}
