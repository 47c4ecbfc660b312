/* jue-export-xlsx.c — the report as a workbook with libxlsxwriter
 * (jue-export-xlsx.h).  Tables are laid out by jue-render.c only; this file
 * decides fonts, borders, merges and page setup, nothing about figures.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "jue-computed.h"
#include "jue-csv.h"
#include "jue-export.h"
#include "jue-export-xlsx.h"
#include "jue-render.h"

#define FONT "SimSun"          /* 宋体; LibreOffice substitutes a CJK serif */
#define SHEET_NAME_MAX 31      /* characters, Excel's limit */

typedef struct {
  lxw_workbook *wb;
  lxw_format   *title, *number, *unit_left, *unit_right;
  lxw_format   *header;
  lxw_format   *text, *text_bold, *code, *code_bold;
  lxw_format   *amount, *amount_bold, *percent, *count, *count_center;
  lxw_format   *unreadable, *blank, *note;
  lxw_format   *eval_text, *eval_number, *eval_title;
  GHashTable   *sheet_names;
} Book;

static lxw_format *
new_format (Book    *b,
            gboolean border)
{
  lxw_format *f = workbook_add_format (b->wb);

  format_set_font_name (f, FONT);
  format_set_font_size (f, 10);
  format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
  if (border)
    format_set_border (f, LXW_BORDER_THIN);
  return f;
}

static void
make_formats (Book *b)
{
  b->title = new_format (b, FALSE);
  format_set_font_size (b->title, 16);
  format_set_bold (b->title);
  format_set_align (b->title, LXW_ALIGN_CENTER);
  b->number = new_format (b, FALSE);
  format_set_align (b->number, LXW_ALIGN_RIGHT);
  b->unit_left = new_format (b, FALSE);
  b->unit_right = new_format (b, FALSE);
  format_set_align (b->unit_right, LXW_ALIGN_RIGHT);

  b->header = new_format (b, TRUE);
  format_set_bold (b->header);
  format_set_align (b->header, LXW_ALIGN_CENTER);
  format_set_text_wrap (b->header);
  format_set_bg_color (b->header, 0xF2F2F2);

  b->text = new_format (b, TRUE);
  format_set_text_wrap (b->text);
  b->text_bold = new_format (b, TRUE);
  format_set_bold (b->text_bold);
  format_set_text_wrap (b->text_bold);
  b->code = new_format (b, TRUE);
  format_set_num_format (b->code, "@");
  b->code_bold = new_format (b, TRUE);
  format_set_num_format (b->code_bold, "@");
  format_set_bold (b->code_bold);
  b->amount = new_format (b, TRUE);
  format_set_num_format (b->amount, "0.00");
  b->amount_bold = new_format (b, TRUE);
  format_set_num_format (b->amount_bold, "0.00");
  format_set_bold (b->amount_bold);
  b->percent = new_format (b, TRUE);
  format_set_num_format (b->percent, "0.00%");
  b->count = new_format (b, TRUE);
  format_set_num_format (b->count, "0");
  b->count_center = new_format (b, TRUE);
  format_set_num_format (b->count_center, "0");
  format_set_align (b->count_center, LXW_ALIGN_CENTER);
  b->unreadable = new_format (b, TRUE);
  format_set_align (b->unreadable, LXW_ALIGN_RIGHT);
  format_set_font_color (b->unreadable, LXW_COLOR_RED);
  format_set_bg_color (b->unreadable, 0xFFF2CC);
  b->blank = new_format (b, TRUE);
  b->note = new_format (b, FALSE);
  format_set_text_wrap (b->note);

  b->eval_title = new_format (b, FALSE);
  format_set_bold (b->eval_title);
  format_set_font_size (b->eval_title, 14);
  b->eval_text = new_format (b, TRUE);
  format_set_text_wrap (b->eval_text);
  format_set_align (b->eval_text, LXW_ALIGN_VERTICAL_TOP);
  b->eval_number = new_format (b, TRUE);
  format_set_align (b->eval_number, LXW_ALIGN_VERTICAL_TOP);
}

/* A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique. */
static char *
sheet_name (Book       *b,
            const char *wanted)
{
  GString *s = g_string_new (NULL);
  guint n = 0;

  for (const char *p = wanted; *p && n < SHEET_NAME_MAX; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);
      if (strchr ("[]:*?/\\'", (int) (ch < 128 ? ch : 'a')) != NULL && ch < 128)
        g_string_append_c (s, '_');
      else
        g_string_append_unichar (s, ch);
    }
  for (guint k = 2; g_hash_table_contains (b->sheet_names, s->str); k++)
    {
      g_autofree char *suffix = g_strdup_printf ("~%u", k);
      glong keep = SHEET_NAME_MAX - (glong) strlen (suffix);
      g_autofree char *base = g_utf8_substring (wanted, 0, MIN (keep, g_utf8_strlen (wanted, -1)));
      g_string_assign (s, base);
      g_string_append (s, suffix);
    }
  g_hash_table_add (b->sheet_names, g_strdup (s->str));
  return g_string_free (s, FALSE);
}

static void
page_setup (lxw_worksheet *ws)
{
  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9);             /* A4 */
  worksheet_set_margins (ws, 0.4, 0.4, 0.6, 0.6);
  worksheet_fit_to_pages (ws, 1, 0);       /* as wide as the page, as long as needed */
  worksheet_center_horizontally (ws);
}

/* ---- a published table ------------------------------------------------ */

static void
write_cell (Book                  *b,
            lxw_worksheet         *ws,
            lxw_row_t              row,
            lxw_col_t              col,
            const JueRenderedRow  *r,
            const JueRenderedCell *c)
{
  gboolean bold = c->emphasis;

  if (c->unreadable)
    {
      worksheet_write_string (ws, row, col, c->text, b->unreadable);
      if (*c->text != '\0')
        worksheet_write_comment (ws, row, col, "录入值无法识别为数字，按原样输出");
      return;
    }
  switch (c->kind)
    {
    case JUE_RENDER_CELL_EMPTY:
      worksheet_write_blank (ws, row, col, b->blank);
      break;
    case JUE_RENDER_CELL_TEXT:
      worksheet_write_string (ws, row, col, c->text, bold ? b->text_bold : b->text);
      break;
    case JUE_RENDER_CELL_CODE:
      worksheet_write_string (ws, row, col, c->text, bold ? b->code_bold : b->code);
      break;
    case JUE_RENDER_CELL_AMOUNT:
      if (!c->has_value)
        worksheet_write_string (ws, row, col, c->text, b->blank);
      else
        /* exact 万元 (fen / 10⁶); the format prints 2 decimals */
        worksheet_write_number (ws, row, col, (double) c->value / 1e6,
                                bold ? b->amount_bold : b->amount);
      break;
    case JUE_RENDER_CELL_PERCENT:
      if (!c->has_value)
        worksheet_write_string (ws, row, col, c->text, b->blank);
      else
        worksheet_write_number (ws, row, col, (double) c->value / 10000.0, b->percent);
      break;
    case JUE_RENDER_CELL_COUNT:
      if (!c->has_value && *c->text == '\0')
        worksheet_write_blank (ws, row, col, b->blank);
      else if (!c->has_value)
        worksheet_write_string (ws, row, col, c->text, b->blank);
      else
        worksheet_write_number (ws, row, col, (double) c->value,
                                c->path == NULL ? b->count_center : b->count);
      break;
    }
}

static void
write_table (Book                   *b,
             const JueRenderedTable *t)
{
  g_autofree char *name = sheet_name (b, t->table->short_name);
  lxw_worksheet *ws = workbook_add_worksheet (b->wb, name);
  lxw_col_t last = t->n_columns - 1;
  lxw_row_t head = 3, body = head + t->n_header_rows, row;

  page_setup (ws);
  /* number (top right), title, then 编制单位 left and 单位 right */
  worksheet_set_row (ws, 1, 30, NULL);
  worksheet_write_string (ws, 0, last, t->number, b->number);
  if (last > 0)
    worksheet_merge_range (ws, 1, 0, 1, last, t->title, b->title);
  else
    worksheet_write_string (ws, 1, 0, t->title, b->title);
  if (last >= 3)
    {
      lxw_col_t half = last / 2;
      worksheet_merge_range (ws, 2, 0, 2, half, t->unit_name, b->unit_left);
      worksheet_merge_range (ws, 2, half + 1, 2, last, t->unit, b->unit_right);
    }
  else
    {
      worksheet_write_string (ws, 2, 0, t->unit_name, b->unit_left);
      worksheet_write_string (ws, 2, last, t->unit, b->unit_right);
    }

  for (guint r = 0; r < t->n_header_rows; r++)
    worksheet_set_row (ws, head + r, 30, NULL);   /* two lines of wrapped header */
  for (guint i = 0; i < t->header->len; i++)
    {
      const JueRenderedHeaderCell *h = t->header->pdata[i];
      lxw_row_t r1 = head + h->row, r2 = r1 + h->row_span - 1;
      lxw_col_t c1 = h->col, c2 = c1 + h->col_span - 1;

      if (r1 == r2 && c1 == c2)
        worksheet_write_string (ws, r1, c1, h->text, b->header);
      else
        worksheet_merge_range (ws, r1, c1, r2, c2, h->text, b->header);
    }

  row = body;
  for (guint r = 0; r < t->rows->len; r++, row++)
    {
      const JueRenderedRow *rr = t->rows->pdata[r];

      if (rr->kind == JUE_RENDER_ROW_NOTE)
        {
          const JueRenderedCell *c = rr->cells->pdata[0];
          if (last > 0)
            worksheet_merge_range (ws, row, 0, row, last, c->text, b->text);
          else
            worksheet_write_string (ws, row, 0, c->text, b->text);
          continue;
        }
      for (guint c = 0; c < t->n_columns; c++)
        write_cell (b, ws, row, c, rr, rr->cells->pdata[c]);
    }
  if (t->note != NULL && *t->note != '\0')
    {
      worksheet_set_row (ws, row, 30, NULL);
      if (last > 0)
        worksheet_merge_range (ws, row, 0, row, last, t->note, b->note);
      else
        worksheet_write_string (ws, row, 0, t->note, b->note);
    }

  for (guint c = 0; c < t->n_columns; c++)
    {
      const JueRenderedColumn *col = t->columns->pdata[c];
      worksheet_set_column (ws, c, c, col->width + 1, NULL);
    }
  worksheet_freeze_panes (ws, body, 0);
  worksheet_repeat_rows (ws, head, body - 1);
}

/* ---- the self-evaluations, as the CSV export lays them out ------------- */

static gboolean
write_csv_sheet (Book          *b,
                 JueExportFile *file,
                 GError       **error)
{
  g_autofree char *stem = g_strndup (file->name, strlen (file->name) - strlen (".csv"));
  g_autofree char *name = sheet_name (b, stem);
  gsize len;
  const char *data = g_bytes_get_data (file->data, &len);
  g_autoptr (JueCsvTable) csv = jue_csv_parse (data, len, file->name, error);
  lxw_worksheet *ws;
  g_autofree guint *widths = NULL;
  guint n_cols = 0;

  if (csv == NULL)
    return FALSE;
  ws = workbook_add_worksheet (b->wb, name);
  page_setup (ws);
  for (guint r = 0; r < csv->rows->len; r++)
    n_cols = MAX (n_cols, ((JueCsvRow *) csv->rows->pdata[r])->cells->len);
  widths = g_new0 (guint, n_cols + 1);
  worksheet_write_string (ws, 0, 0, stem, b->eval_title);
  for (guint r = 0; r < csv->rows->len; r++)
    {
      const JueCsvRow *row = csv->rows->pdata[r];
      gboolean header = r == 0 || jue_csv_row_is_blank (csv->rows->pdata[r - 1]);

      if (jue_csv_row_is_blank (row))
        continue;
      for (guint c = 0; c < row->cells->len; c++)
        {
          const char *cell = jue_csv_row_cell (row, c);
          g_autofree char *text = jue_csv_unguard (cell);
          guint w = 0;

          if (!header && jue_csv_is_number (cell))
            {
              worksheet_write_number (ws, r + 2, c, g_ascii_strtod (cell, NULL), b->eval_number);
              w = strlen (cell);
            }
          else if (*text != '\0' || !header)
            {
              worksheet_write_string (ws, r + 2, c, text, header ? b->header : b->eval_text);
              w = jue_render_text_width (text);
            }
          widths[c] = MAX (widths[c], MIN (w, 60u));
        }
    }
  for (guint c = 0; c < n_cols; c++)
    worksheet_set_column (ws, c, c, CLAMP (widths[c] + 2, 8u, 60u), NULL);
  return TRUE;
}

static gboolean
is_evaluation (const char *name)
{
  return g_str_has_prefix (name, "13_") || g_str_has_prefix (name, "14_");
}

/* ---- the workbook ----------------------------------------------------- */

gboolean
jue_export_xlsx (JueReport   *report,
                 GHashTable  *explanations,
                 GPtrArray   *classification,
                 const char  *filename,
                 gboolean     force,
                 GError     **error)
{
  const JueTemplate *tmpl = jue_render_report_template (report, NULL);
  g_autoptr (JueComputed) computed = jue_computed_new ();
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *tmp = NULL;
  g_autofree char *dir = NULL;
  lxw_workbook_options options = { 0 };
  Book b = { 0 };
  lxw_error err;

  if (!force && g_file_test (filename, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_EXISTS,
                   _("%s already exists; nothing was exported"), filename);
      return FALSE;
    }
  tmp = g_strdup_printf ("%s.%d.tmp", filename, (int) getpid ());
  dir = g_path_get_dirname (filename);
  options.tmpdir = (char *) g_get_tmp_dir ();
  b.wb = workbook_new_opt (tmp, &options);
  if (b.wb == NULL)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_IO,
                   _("Could not write %s: the workbook could not be created in %s"),
                   filename, dir);
      return FALSE;
    }
  b.sheet_names = names;
  make_formats (&b);

  jue_computed_update (computed, report);
  for (guint i = 0; i < jue_template_n_tables (tmpl); i++)
    {
      g_autoptr (JueRenderedTable) t = jue_render_table (tmpl, i, report, computed);
      write_table (&b, t);
    }

  files = jue_export_csv_files (report, explanations, classification, NULL);
  for (guint i = 0; i < files->len; i++)
    {
      JueExportFile *f = files->pdata[i];
      if (is_evaluation (f->name) && !write_csv_sheet (&b, f, error))
        {
          workbook_close (b.wb);
          g_unlink (tmp);
          return FALSE;
        }
    }

  err = workbook_close (b.wb);
  if (err != LXW_NO_ERROR)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_IO, _("Could not write %s: %s"),
                   filename, lxw_strerror (err));
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, filename) != 0)
    {
      int saved = errno;
      g_set_error (error, JUE_ERROR, JUE_ERROR_IO, _("Could not write %s: %s"),
                   filename, g_strerror (saved));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

gboolean
jue_export_xlsx_document (JueDocument *document,
                          const char  *filename,
                          gboolean     force,
                          GError     **error)
{
  return jue_export_xlsx (jue_document_get_report (document),
                          jue_document_get_explanations (document),
                          jue_document_get_classification (document),
                          filename, force, error);
}
