/* jue-html.c — the document as HTML (jue-html.h). */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jue-chart-data.h"
#include "jue-chart-draw.h"
#include "jue-checks.h"
#include "jue-completeness.h"
#include "jue-html.h"
#include "jue-narrative.h"
#include "jue-render.h"

static const char css[] =
  "body{font-family:'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',SimSun,sans-serif;"
  "max-width:46em;margin:2em auto;line-height:1.8;color:#000}"
  "h1{text-align:center;font-size:1.6em;page-break-before:always}"
  "h1.cover{page-break-before:auto;margin-top:6em;font-size:2em}"
  "h2{font-size:1.15em}h3{font-size:1.05em}"
  "p{text-indent:2em;margin:.3em 0}p.item,p.caption{text-indent:0}"
  "p.caption{text-align:center;color:#333}"
  "figure{margin:1em 0;text-align:center}figure svg{max-width:100%;height:auto}"
  "table{border-collapse:collapse;width:100%;font-size:.8em;margin:.5em 0 1.5em}"
  "th,td{border:1px solid #000;padding:2px 4px}th{background:#eee}"
  "td.n{text-align:right}tr.b td{font-weight:bold}td.x{color:#c00}"
  ".draft{color:#c00;border:1px solid #c00;padding:2px 6px;display:inline-block;float:right}"
  ".tt{text-align:center;font-weight:bold;font-size:1.1em;margin-top:1.5em}"
  ".unit{display:flex;justify-content:space-between;font-size:.85em}"
  "@page{size:A4;margin:2cm}"
  "@media print{body{margin:0;max-width:none}thead{display:table-header-group}"
  "tr{page-break-inside:avoid}.draft{position:fixed;top:0;right:0}}";

static void
esc (GString    *out,
     const char *text)
{
  g_autofree char *e = g_markup_escape_text (text ? text : "", -1);
  g_string_append (out, e);
}

static void
tag (GString    *out,
     const char *open,
     const char *text,
     const char *close)
{
  g_string_append (out, open);
  esc (out, text);
  g_string_append (out, close);
}

/* Inline SVGs share one id space: each chart's ids get a prefix. */
static char *
svg_with_prefix (const char *svg,
                 guint       n)
{
  g_autoptr (GRegex) re = g_regex_new ("(id=\"|href=\"#|url\\(#)", 0, 0, NULL);
  g_autofree char *prefix = g_strdup_printf ("\\1c%u-", n);
  g_autofree char *out = g_regex_replace (re, svg, -1, 0, prefix, 0, NULL);
  const char *start = out ? strstr (out, "<svg") : NULL;

  return g_strdup (start ? start : "");
}

static void
narrative_part (GString                *out,
                const JueNarrativePart *part,
                GPtrArray              *charts)
{
  tag (out, "<h1>", part->title, "</h1>\n");
  for (guint k = 0; k < part->sections->len; k++)
    {
      const JueNarrativeSection *s = part->sections->pdata[k];

      if (s->heading && *s->heading)
        tag (out, g_str_has_prefix (s->heading, "（") ? "<h3>" : "<h2>", s->heading,
             g_str_has_prefix (s->heading, "（") ? "</h3>\n" : "</h2>\n");
      for (guint i = 0; i < s->paragraphs->len; i++)
        {
          const char *para = s->paragraphs->pdata[i];
          gboolean item = g_ascii_isdigit (para[0]) && strcmp (s->id, "s5.3") == 0;
          tag (out, item ? "<p class=\"item\">" : "<p>", para, "</p>\n");
        }
      for (guint c = 0; s->figure && c < charts->len; c++)
        {
          const JueChart *chart = charts->pdata[c];
          g_autofree char *svg = NULL, *inl = NULL;

          if (strcmp (chart->id, s->figure) != 0)
            continue;
          svg = jue_chart_svg_string (chart);
          inl = svg_with_prefix (svg, chart->number);
          g_string_append (out, "<figure>");
          g_string_append (out, inl);
          tag (out, "<figcaption>", chart->caption, "</figcaption></figure>\n");
        }
    }
}

static void
html_table (GString                *out,
            const JueRenderedTable *t)
{
  g_string_append (out, "<div class=\"tt\">");
  esc (out, t->title);
  g_string_append (out, "</div>\n<div class=\"unit\"><span>");
  esc (out, t->unit_name);
  g_string_append (out, "</span><span>");
  esc (out, t->number);
  g_string_append (out, "</span><span>");
  esc (out, t->unit);
  g_string_append (out, "</span></div>\n<table><thead>\n");
  for (guint r = 0; r < t->n_header_rows; r++)
    {
      g_string_append (out, "<tr>");
      for (guint i = 0; i < t->header->len; i++)
        {
          const JueRenderedHeaderCell *h = t->header->pdata[i];
          if (h->row != r)
            continue;
          g_string_append_printf (out, "<th rowspan=\"%u\" colspan=\"%u\">", h->row_span, h->col_span);
          esc (out, h->text);
          g_string_append (out, "</th>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</thead><tbody>\n");
  for (guint r = 0; r < t->rows->len; r++)
    {
      const JueRenderedRow *row = t->rows->pdata[r];
      gboolean bold = FALSE;

      for (guint c = 0; c < t->n_columns; c++)
        bold = bold || ((JueRenderedCell *) row->cells->pdata[c])->emphasis;
      g_string_append (out, bold ? "<tr class=\"b\">" : "<tr>");
      if (row->kind == JUE_RENDER_ROW_NOTE)
        {
          g_string_append_printf (out, "<td colspan=\"%u\">", t->n_columns);
          esc (out, ((JueRenderedCell *) row->cells->pdata[0])->text);
          g_string_append (out, "</td></tr>\n");
          continue;
        }
      for (guint c = 0; c < t->n_columns; c++)
        {
          const JueRenderedCell *cell = row->cells->pdata[c];
          gboolean num = cell->kind == JUE_RENDER_CELL_AMOUNT || cell->kind == JUE_RENDER_CELL_COUNT
                         || cell->kind == JUE_RENDER_CELL_PERCENT;
          g_string_append (out, cell->unreadable ? "<td class=\"x\">" : num ? "<td class=\"n\">" : "<td>");
          esc (out, cell->text);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody></table>\n");
  if (t->note && *t->note)
    tag (out, "<p class=\"item\">", t->note, "</p>\n");
}

static void
indicators (GString   *out,
            GPtrArray *rows)
{
  static const char * const fields[] = { "level1", "level2", "name", "nature", "target", "unit",
                                         "weight", "actual" };
  static const char * const heads[] = { "一级指标", "二级指标", "三级指标", "指标性质", "指标值",
                                        "度量单位", "权重", "实际完成值" };

  g_string_append (out, "<table><thead><tr>");
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    tag (out, "<th>", heads[c], "</th>");
  g_string_append (out, "</tr></thead><tbody>\n");
  for (guint r = 0; r < rows->len; r++)
    {
      g_string_append (out, "<tr>");
      for (guint c = 0; c < G_N_ELEMENTS (fields); c++)
        for (guint i = 0; i < JueIndicator_def.n_fields; i++)
          if (strcmp (JueIndicator_def.fields[i].name, fields[c]) == 0)
            {
              JueFieldRef ref = { &JueIndicator_def.fields[i],
                                  (guint8 *) rows->pdata[r] + JueIndicator_def.fields[i].offset,
                                  -1, &JueIndicator_def };
              g_autofree char *v = jue_field_get_text (&ref);
              tag (out, c == 6 ? "<td class=\"n\">" : "<td>", v, "</td>");
            }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody></table>\n");
}

static void
sections (GString   *out,
          GPtrArray *list)
{
  for (guint i = 0; i < list->len; i++)
    {
      JueTextSection *s = list->pdata[i];
      g_auto (GStrv) paras = g_strsplit (s->body ? s->body : "", "\n", -1);

      if (s->title && *s->title)
        tag (out, "<h3>", s->title, "</h3>\n");
      for (guint k = 0; paras[k]; k++)
        if (*g_strstrip (paras[k]))
          tag (out, "<p>", paras[k], "</p>\n");
    }
}

static void
attachments (GString         *out,
             const JueReport *report,
             const char      *title)
{
  g_autofree char *dept_title = jue_narrative_dept_eval_title (report);
  guint n = 1;

  tag (out, "<h1>", title, "</h1>\n");
  g_string_append_printf (out, "<h2>附件%u</h2>\n", n++);
  g_string_append (out, "<div class=\"tt\">");
  esc (out, dept_title);
  g_string_append (out, "</div>\n");
  sections (out, report->dept_eval.sections);
  if (report->dept_eval.indicators->len)
    indicators (out, report->dept_eval.indicators);
  for (guint i = 0; i < report->special_funds->len; i++)
    {
      JueSpecialFund *f = report->special_funds->pdata[i];
      g_string_append_printf (out, "<h2 style=\"page-break-before:always\">附件%u</h2>\n", n++);
      tag (out, "<div class=\"tt\">", f->title && *f->title ? f->title : f->project_name, "</div>\n");
      sections (out, f->sections);
      if (f->indicators->len)
        indicators (out, f->indicators);
    }
}

char *
jue_html_document (JueReport  *report,
                   GHashTable *explanations,
                   GPtrArray  *classification)
{
  g_autoptr (JueComputed) computed = jue_computed_new ();
  g_autoptr (JueNarrative) n = NULL;
  g_autoptr (GPtrArray) charts = NULL;
  g_autoptr (GHashTable) vars = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr (GPtrArray) findings = jue_check_report (report, classification, explanations);
  g_autoptr (JueCompleteness) comp = jue_completeness_new (report);
  const JuePhrases *phrases = jue_narrative_phrases_for (report);
  g_auto (GStrv) order = jue_phrases_list (phrases, "document", "order");
  g_autofree char *cover = NULL, *draft = NULL;
  GString *out = g_string_new (NULL);
  guint errors = 0;

  jue_computed_update (computed, report);
  n = jue_narrative_new (report, computed, classification);
  charts = jue_charts_new (report, computed, classification);
  g_hash_table_insert (vars, "dept", g_strdup (report->profile.name ? report->profile.name : ""));
  g_hash_table_insert (vars, "year", jue_integer_canonical (report->profile.year));
  for (guint i = 0; i < findings->len; i++)
    if (((JueFinding *) findings->pdata[i])->severity == JUE_SEVERITY_ERROR)
      errors++;
  g_hash_table_insert (vars, "errors", g_strdup_printf ("%u", errors));
  g_hash_table_insert (vars, "missing", g_strdup_printf ("%u", comp->missing->len));
  cover = jue_phrases_expand (phrases, "document", "cover", vars, NULL);
  if (errors || comp->missing->len)
    draft = jue_phrases_expand (phrases, "document", "draft", vars, NULL);

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n<title>");
  esc (out, cover);
  g_string_append (out, "</title>\n<style>");
  g_string_append (out, css);
  g_string_append (out, "</style></head><body>\n");
  if (draft)
    tag (out, "<div class=\"draft\">", draft, "</div>\n");
  {
    g_auto (GStrv) lines = g_strsplit (cover, "\n", -1);
    g_string_append (out, "<h1 class=\"cover\">");
    for (guint i = 0; lines[i]; i++)
      {
        if (i)
          g_string_append (out, "<br>");
        esc (out, lines[i]);
      }
    g_string_append (out, "</h1>\n");
  }
  for (guint i = 0; order && order[i]; i++)
    {
      const JueNarrativePart *part = jue_narrative_get_part (n, order[i]);
      g_autofree char *key = g_strconcat (order[i], "_title", NULL);
      g_autofree char *title = jue_phrases_expand (phrases, "document", key, vars, NULL);

      if (part)
        narrative_part (out, part, charts);
      else if (strcmp (order[i], "attachments") == 0)
        attachments (out, report, title ? title : "");
      else if (strcmp (order[i], "tables") == 0)
        {
          const JueTemplate *tmpl = jue_render_report_template (report, NULL);

          tag (out, "<h1>", title ? title : "", "</h1>\n");
          for (guint k = 0; k < jue_template_n_tables (tmpl); k++)
            {
              g_autoptr (JueRenderedTable) t = jue_render_table (tmpl, k, report, computed);
              html_table (out, t);
            }
        }
    }
  g_string_append (out, "</body></html>\n");
  return g_string_free (out, FALSE);
}

gboolean
jue_export_html (JueReport   *report,
                 GHashTable  *explanations,
                 GPtrArray   *classification,
                 const char  *filename,
                 gboolean     force,
                 GError     **error)
{
  g_autofree char *html = NULL;
  g_autoptr (GError) local = NULL;

  if (!force && g_file_test (filename, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_EXISTS,
                   _("%s already exists; nothing was exported"), filename);
      return FALSE;
    }
  html = jue_html_document (report, explanations, classification);
  if (!g_file_set_contents (filename, html, -1, &local))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
jue_export_html_document (JueDocument *document,
                          const char  *filename,
                          gboolean     force,
                          GError     **error)
{
  return jue_export_html (jue_document_get_report (document),
                          jue_document_get_explanations (document),
                          jue_document_get_classification (document),
                          filename, force, error);
}
