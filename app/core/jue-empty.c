/* jue-empty.c — published tables marked empty (本表为空表); see jue-empty.h. */
#include "config.h"

#include <string.h>

#include "jue-completeness.h"
#include "jue-empty.h"
#include "jue-render.h"
#include "jue-store.h"

gint
jue_report_find_empty_table (const JueReport *report,
                             const char      *key)
{
  g_return_val_if_fail (report != NULL, -1);

  if (key == NULL || report->empty_tables == NULL)
    return -1;
  for (guint i = 0; i < report->empty_tables->len; i++)
    {
      const JueEmptyTable *e = report->empty_tables->pdata[i];
      if (e->table && strcmp (e->table, key) == 0)
        return (gint) i;
    }
  return -1;
}

const char *
jue_report_table_empty_reason (const JueReport *report,
                               const char      *key)
{
  gint i = jue_report_find_empty_table (report, key);
  const JueEmptyTable *e;

  if (i < 0)
    return NULL;
  e = report->empty_tables->pdata[i];
  return e->reason ? e->reason : "";
}

const JueTemplateTable *
jue_template_find_table (const JueTemplate *tmpl,
                         const char        *name)
{
  g_return_val_if_fail (tmpl != NULL, NULL);

  if (name == NULL)
    return NULL;
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < tmpl->tables->len; i++)
      {
        const JueTemplateTable *t = tmpl->tables->pdata[i];
        const char *s = pass == 0 ? t->key : pass == 1 ? t->number : t->title;

        if (s && *s && strcmp (s, name) == 0)
          return t;
      }
  return NULL;
}

static gboolean
is_builtin_key (const char *key)
{
  const char * const *ids = jue_template_ids ();

  for (guint i = 0; ids[i]; i++)
    {
      const JueTemplate *t = jue_template_get (ids[i], NULL);
      for (guint j = 0; t && j < t->tables->len; j++)
        if (strcmp (((const JueTemplateTable *) t->tables->pdata[j])->key, key) == 0)
          return TRUE;
    }
  return FALSE;
}

char *
jue_table_key_resolve (const JueTemplate *tmpl,
                       const char        *name,
                       GError           **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  const JueTemplateTable *t;

  if (tmpl == NULL)
    tmpl = jue_template_get (NULL, NULL);
  if (*stripped != '\0' && is_builtin_key (stripped))
    return g_steal_pointer (&stripped);
  t = tmpl ? jue_template_find_table (tmpl, stripped) : NULL;
  if (t == NULL)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                   /* TRANSLATORS: %s is what the user typed, then the template's name */
                   _("No table “%s” in the template %s: name it by its number (表10), "
                     "its title or its key (gov_fund)"),
                   stripped, tmpl ? tmpl->name : "");
      return NULL;
    }
  return g_strdup (t->key);
}

GArray *
jue_template_tables_of_key (const JueTemplate *tmpl,
                            const char        *key)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; tmpl && key && i < tmpl->tables->len; i++)
    if (strcmp (((const JueTemplateTable *) tmpl->tables->pdata[i])->key, key) == 0)
      g_array_append_val (out, i);
  return out;
}

/* ---- files of schema ≤ 4 ---------------------------------------------- */

static gboolean
amount_is_figure (JueAmount a)
{
  return a.unreadable || (a.set && a.fen != 0);
}

static gboolean
fund_has_figures (const JueFund *fund)
{
  if (amount_is_figure (fund->carried_in) || amount_is_figure (fund->income) ||
      amount_is_figure (fund->expenditure) || amount_is_figure (fund->carried_out))
    return TRUE;
  for (guint i = 0; fund->rows && i < fund->rows->len; i++)
    {
      const JueFundRow *r = fund->rows->pdata[i];
      if (amount_is_figure (r->budget) || amount_is_figure (r->carried_in) ||
          amount_is_figure (r->income) || amount_is_figure (r->actual) ||
          amount_is_figure (r->basic) || amount_is_figure (r->project) ||
          amount_is_figure (r->carried_out))
        return TRUE;
    }
  return FALSE;
}

guint
jue_report_read_legacy_empty (JueReport *report)
{
  const struct { const char *key; const JueFund *fund; } funds[] = {
    { "gov_fund", &report->gov_fund },
    { "state_capital", &report->state_capital },
  };
  guint added = 0;

  for (guint i = 0; i < G_N_ELEMENTS (funds); i++)
    {
      JueEmptyTable *e;

      if (!jue_text_states_empty (funds[i].fund->reason) ||
          fund_has_figures (funds[i].fund) ||
          jue_report_find_empty_table (report, funds[i].key) >= 0)
        continue;
      e = jue_record_new (&JueEmptyTable_def);
      e->table = g_strdup (funds[i].key);
      e->reason = g_strdup (funds[i].fund->reason);
      g_ptr_array_add (report->empty_tables, e);
      added++;
    }
  return added;
}

/* ---- marking ---------------------------------------------------------- */

static char *
resolve_for (JueDocument *document,
             const char  *table,
             GError     **error)
{
  const JueTemplate *tmpl = jue_render_report_template (jue_document_get_report (document),
                                                        NULL);
  return jue_table_key_resolve (tmpl, table, error);
}

gboolean
jue_document_mark_table_empty (JueDocument *document,
                               const char  *table,
                               const char  *reason,
                               GError     **error)
{
  g_autofree char *key = NULL;
  g_autofree char *table_path = NULL;
  g_autofree char *reason_path = NULL;
  JueReport *report;
  gint index;

  g_return_val_if_fail (JUE_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  key = resolve_for (document, table, error);
  if (key == NULL)
    return FALSE;
  if (reason == NULL)
    reason = "";
  report = jue_document_get_report (document);
  index = jue_report_find_empty_table (report, key);
  if (index >= 0)
    {
      const char *now = ((JueEmptyTable *) report->empty_tables->pdata[index])->reason;

      if (strcmp (now ? now : "", reason) == 0)
        return TRUE;   /* marked so already: no edit, no undo step */
    }

  jue_document_begin_group (document);
  if (index < 0)
    {
      index = jue_document_insert_row (document, "empty_tables", -1, error);
      table_path = g_strdup_printf ("empty_tables[%d].table", index);
      if (index < 0 || !jue_document_set (document, table_path, key, error))
        goto fail;
    }
  reason_path = g_strdup_printf ("empty_tables[%d].reason", index);
  if (!jue_document_set (document, reason_path, reason, error))
    goto fail;
  return jue_document_commit_group (document, "empty_tables", error);

fail:
  jue_document_abort_group (document, NULL);
  return FALSE;
}

gboolean
jue_document_unmark_table_empty (JueDocument *document,
                                 const char  *table,
                                 GError     **error)
{
  g_autofree char *key = NULL;
  JueReport *report;
  gint index;

  g_return_val_if_fail (JUE_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  key = resolve_for (document, table, error);
  if (key == NULL)
    return FALSE;
  report = jue_document_get_report (document);
  if (jue_report_find_empty_table (report, key) < 0)
    return TRUE;
  jue_document_begin_group (document);
  while ((index = jue_report_find_empty_table (report, key)) >= 0)
    {
      g_autofree char *item = g_strdup_printf ("empty_tables[%d]", index);

      if (!jue_document_remove_row (document, item, error))
        {
          jue_document_abort_group (document, NULL);
          return FALSE;
        }
    }
  return jue_document_commit_group (document, "empty_tables", error);
}
