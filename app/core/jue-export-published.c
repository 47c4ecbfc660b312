/* jue-export-published.c — the published tables as CSV, as printed
 * (jue-export-published.h). */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "jue-amount.h"
#include "jue-csv.h"
#include "jue-export.h"
#include "jue-export-published.h"
#include "jue-render.h"

/* A file name from the table's place, printed number and title
 * ("01_公开01表_收入支出决算总表.csv"): characters Windows does not allow
 * become _. */
static char *
file_name (guint                   index,
           const JueRenderedTable *t)
{
  g_autofree char *raw = *t->number != '\0'
                         ? g_strdup_printf ("%02u_%s_%s", index + 1, t->number, t->table->title)
                         : g_strdup_printf ("%02u_%s", index + 1, t->table->title);
  GString *out = g_string_new (NULL);

  for (const char *p = raw; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c < 0x80 && strchr ("\\/:*?\"<>|", (int) c) != NULL))
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
    }
  g_string_append (out, ".csv");
  return g_string_free (out, FALSE);
}

/* A row of n cells, empty but those given. */
typedef struct {
  GPtrArray *cells;   /* char * or NULL; numbers marked by a leading \x01 */
} Line;

static void
put (GPtrArray  *cells,
     guint       col,
     const char *text,
     gboolean    number)
{
  if (col >= cells->len)
    return;
  g_free (cells->pdata[col]);
  cells->pdata[col] = number ? g_strconcat ("\x01", text, NULL) : g_strdup (text);
}

static GPtrArray *
line_new (guint n)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_set_size (cells, n);
  return cells;
}

static void
write_line (JueCsvWriter *w,
            GPtrArray    *cells)
{
  for (guint c = 0; c < cells->len; c++)
    {
      const char *s = cells->pdata[c];

      if (s == NULL)
        jue_csv_write_text (w, "");
      else if (s[0] == '\x01')
        jue_csv_write_number (w, s + 1);
      else
        jue_csv_write_text (w, s);
    }
  jue_csv_end_row (w);
}

/* An amount in 万元, exact, at least 2 decimals. */
static char *
amount_text (gint64 fen)
{
  return jue_amount_canonical (jue_amount_from_fen (fen));
}

static void
put_cell (GPtrArray             *cells,
          guint                  col,
          const JueRenderedCell *c)
{
  g_autofree char *text = NULL;

  if (c->unreadable)
    {
      put (cells, col, c->text, FALSE);   /* as typed: a text, never a number */
      return;
    }
  switch (c->kind)
    {
    case JUE_RENDER_CELL_EMPTY:
      break;
    case JUE_RENDER_CELL_TEXT:
    case JUE_RENDER_CELL_CODE:
      put (cells, col, c->text, FALSE);
      break;
    case JUE_RENDER_CELL_AMOUNT:
      if (!c->has_value)
        put (cells, col, c->text, FALSE);
      else
        {
          text = amount_text (c->value);
          put (cells, col, text, TRUE);
        }
      break;
    case JUE_RENDER_CELL_PERCENT:
      if (!c->has_value)
        put (cells, col, c->text, FALSE);
      else
        {
          /* centi-percent → percent with 2 decimals, no % */
          gint64 v = c->value;
          text = g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", v < 0 ? "-" : "",
                                  ABS (v) / 100, (int) (ABS (v) % 100));
          put (cells, col, text, TRUE);
        }
      break;
    case JUE_RENDER_CELL_COUNT:
      if (!c->has_value)
        put (cells, col, c->text, FALSE);
      else
        {
          text = g_strdup_printf ("%" G_GINT64_FORMAT, c->value);
          put (cells, col, text, TRUE);
        }
      break;
    }
}

static GBytes *
table_bytes (const JueRenderedTable *t)
{
  g_autoptr (JueCsvWriter) w = jue_csv_writer_new ();
  guint n = MAX (t->n_columns, 1);
  guint last = n - 1;
  g_autoptr (GPtrArray) header = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *cells;
  const char *data;
  gsize len;

  /* number (top right), title, 编制单位 left and 单位 right */
  cells = line_new (n);
  put (cells, last, t->number, FALSE);
  write_line (w, cells);
  g_ptr_array_unref (cells);
  cells = line_new (n);
  put (cells, 0, t->title, FALSE);
  write_line (w, cells);
  g_ptr_array_unref (cells);
  cells = line_new (n);
  put (cells, 0, t->unit_name, FALSE);
  put (cells, last >= 3 ? last / 2 + 1 : last, t->unit, FALSE);
  if (last == 0)
    put (cells, 0, t->unit_name, FALSE);
  write_line (w, cells);
  g_ptr_array_unref (cells);

  /* the header: a merged cell's text in its first cell */
  for (guint r = 0; r < t->n_header_rows; r++)
    g_ptr_array_add (header, line_new (n));
  for (guint i = 0; i < t->header->len; i++)
    {
      const JueRenderedHeaderCell *h = t->header->pdata[i];

      if (h->row < header->len)
        put (header->pdata[h->row], h->col, h->text, FALSE);
    }
  for (guint r = 0; r < header->len; r++)
    write_line (w, header->pdata[r]);

  for (guint r = 0; r < t->rows->len; r++)
    {
      const JueRenderedRow *rr = t->rows->pdata[r];

      cells = line_new (n);
      if (rr->kind == JUE_RENDER_ROW_NOTE)
        put (cells, 0, ((const JueRenderedCell *) rr->cells->pdata[0])->text, FALSE);
      else
        for (guint c = 0; c < t->n_columns; c++)
          put_cell (cells, c, rr->cells->pdata[c]);
      write_line (w, cells);
      g_ptr_array_unref (cells);
    }
  if (t->note != NULL && *t->note != '\0')
    {
      cells = line_new (n);
      put (cells, 0, t->note, FALSE);
      write_line (w, cells);
      g_ptr_array_unref (cells);
    }
  data = jue_csv_writer_data (w, &len);
  return g_bytes_new (data, len);
}

GPtrArray *
jue_export_published_files (JueReport *report)
{
  g_autoptr (JueComputed) computed = jue_computed_new ();
  const JueTemplate *tmpl = jue_render_report_template (report, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify) jue_export_file_free);

  jue_computed_update (computed, report);
  for (guint i = 0; i < jue_template_n_tables (tmpl); i++)
    {
      g_autoptr (JueRenderedTable) t = jue_render_table (tmpl, i, report, computed);
      JueExportFile *f = g_new0 (JueExportFile, 1);

      f->name = file_name (i, t);
      f->data = table_bytes (t);
      g_ptr_array_add (files, f);
    }
  return files;
}

gboolean
jue_export_published_dir (JueDocument *document,
                          const char  *dir,
                          gboolean     force,
                          GError     **error)
{
  g_autoptr (GPtrArray) files = jue_export_published_files (jue_document_get_report (document));

  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  for (guint i = 0; i < files->len && !force; i++)
    {
      JueExportFile *f = files->pdata[i];
      g_autofree char *path = g_build_filename (dir, f->name, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, JUE_ERROR, JUE_ERROR_EXISTS,
                       _("%s already exists; nothing was exported"), path);
          return FALSE;
        }
    }
  for (guint i = 0; i < files->len; i++)
    {
      JueExportFile *f = files->pdata[i];
      g_autofree char *path = g_build_filename (dir, f->name, NULL);
      gsize len;
      const char *bytes = g_bytes_get_data (f->data, &len);

      if (!g_file_set_contents (path, bytes, (gssize) len, error))
        return FALSE;
    }
  return TRUE;
}
