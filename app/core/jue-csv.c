/* jue-csv.c — the RFC 4180 writer and strict reader, with the formula guard.
 * See jue-csv.h for the rules and why.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <string.h>

#include "jue-amount.h"
#include "jue-csv.h"
#include "jue-store.h"

#define GUARD_CHAR '\''

/* ---- writing ---------------------------------------------------------- */

struct _JueCsvWriter {
  GString *buf;
  gboolean row_start;
};

JueCsvWriter *
jue_csv_writer_new (void)
{
  JueCsvWriter *w = g_new0 (JueCsvWriter, 1);

  w->buf = g_string_new (JUE_CSV_BOM);
  w->row_start = TRUE;
  return w;
}

void
jue_csv_writer_free (JueCsvWriter *writer)
{
  if (writer == NULL)
    return;
  g_string_free (writer->buf, TRUE);
  g_free (writer);
}

gboolean
jue_csv_needs_guard (const char *text)
{
  return text != NULL && strchr ("=+-@\t\r'", text[0]) != NULL && text[0] != '\0';
}

char *
jue_csv_guard (const char *text)
{
  if (jue_csv_needs_guard (text))
    return g_strconcat ("'", text, NULL);
  return g_strdup (text ? text : "");
}

char *
jue_csv_unguard (const char *cell)
{
  if (cell != NULL && cell[0] == GUARD_CHAR)
    return g_strdup (cell + 1);
  return g_strdup (cell ? cell : "");
}

gboolean
jue_csv_is_number (const char *text)
{
  const char *p = text;

  if (p == NULL)
    return FALSE;
  if (*p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

static gboolean
needs_quotes (const char *cell)
{
  gsize len = strlen (cell);

  if (len == 0)
    return FALSE;
  if (strpbrk (cell, ",\"\r\n") != NULL)
    return TRUE;
  /* Quoted so that no reader trims it. */
  return cell[0] == ' ' || cell[0] == '\t' ||
         cell[len - 1] == ' ' || cell[len - 1] == '\t';
}

static void
append_cell (JueCsvWriter *w,
             const char   *cell)
{
  if (!w->row_start)
    g_string_append_c (w->buf, ',');
  w->row_start = FALSE;

  if (!needs_quotes (cell))
    {
      g_string_append (w->buf, cell);
      return;
    }
  g_string_append_c (w->buf, '"');
  for (const char *p = cell; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (w->buf, '"');
      g_string_append_c (w->buf, *p);
    }
  g_string_append_c (w->buf, '"');
}

void
jue_csv_write_text (JueCsvWriter *writer,
                    const char   *text)
{
  g_autofree char *guarded = jue_csv_guard (text);

  append_cell (writer, guarded);
}

void
jue_csv_write_number (JueCsvWriter *writer,
                      const char   *number)
{
  if (number == NULL || *number == '\0' || jue_csv_is_number (number))
    append_cell (writer, number ? number : "");
  else
    jue_csv_write_text (writer, number);
}

void
jue_csv_end_row (JueCsvWriter *writer)
{
  g_string_append (writer->buf, "\r\n");
  writer->row_start = TRUE;
}

const char *
jue_csv_writer_data (JueCsvWriter *writer,
                     gsize        *len)
{
  if (len)
    *len = writer->buf->len;
  return writer->buf->str;
}

/* ---- errors ----------------------------------------------------------- */

void
jue_csv_set_error (GError    **error,
                   const char *origin,
                   guint       line,
                   guint       column,
                   const char *format,
                   ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
               /* TRANSLATORS: file name, line, column, then what is wrong */
               _("%s, line %u, column %u: %s"), origin, line, column, msg);
}

/* ---- reading ---------------------------------------------------------- */

typedef struct {
  const char *origin;
  const char *p;
  const char *end;
  const char *line_start;
  guint       line;
} Scanner;

static guint
column_at (const Scanner *s,
           const char    *pos)
{
  return (guint) g_utf8_strlen (s->line_start, pos - s->line_start) + 1;
}

/* Consumes one line break (CRLF, LF or a lone CR) at s->p. */
static void
take_line_break (Scanner *s,
                 GString *into)
{
  if (*s->p == '\r' && s->p + 1 < s->end && s->p[1] == '\n')
    {
      if (into)
        g_string_append (into, "\r\n");
      s->p += 2;
    }
  else
    {
      if (into)
        g_string_append_c (into, *s->p);
      s->p++;
    }
  s->line++;
  s->line_start = s->p;
}

static void
free_row (gpointer data)
{
  JueCsvRow *row = data;

  g_ptr_array_unref (row->cells);
  g_array_unref (row->lines);
  g_free (row);
}

static gboolean
read_quoted (Scanner *s,
             GString *cell,
             GError **error)
{
  guint open_line = s->line, open_col = column_at (s, s->p);

  s->p++;
  for (;;)
    {
      if (s->p >= s->end)
        {
          jue_csv_set_error (error, s->origin, open_line, open_col,
                             _("the quoted cell that starts here is never closed "
                               "(a \" is missing)"));
          return FALSE;
        }
      if (*s->p == '"')
        {
          if (s->p + 1 < s->end && s->p[1] == '"')
            {
              g_string_append_c (cell, '"');
              s->p += 2;
              continue;
            }
          s->p++;
          break;
        }
      if (*s->p == '\r' || *s->p == '\n')
        take_line_break (s, cell);
      else
        g_string_append_c (cell, *s->p++);
    }
  if (s->p < s->end && *s->p != ',' && *s->p != '\r' && *s->p != '\n')
    {
      jue_csv_set_error (error, s->origin, s->line, column_at (s, s->p),
                         _("text follows the closing quote of a cell; a quote "
                           "inside a quoted cell must be doubled (\"\")"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_plain (Scanner *s,
            GString *cell,
            GError **error)
{
  while (s->p < s->end && *s->p != ',' && *s->p != '\r' && *s->p != '\n')
    {
      if (*s->p == '"')
        {
          jue_csv_set_error (error, s->origin, s->line, column_at (s, s->p),
                             _("a quote inside a cell that does not start with "
                               "one; quote the whole cell and double the quote"));
          return FALSE;
        }
      g_string_append_c (cell, *s->p++);
    }
  return TRUE;
}

static JueCsvRow *
read_row (Scanner *s,
          GError **error)
{
  JueCsvRow *row = g_new0 (JueCsvRow, 1);

  row->line = s->line;
  row->cells = g_ptr_array_new_with_free_func (g_free);
  row->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  for (;;)
    {
      g_autoptr (GString) cell = g_string_new (NULL);
      guint cell_line = s->line;
      gboolean ok = (s->p < s->end && *s->p == '"')
        ? read_quoted (s, cell, error)
        : read_plain (s, cell, error);

      if (!ok)
        {
          free_row (row);
          return NULL;
        }
      g_ptr_array_add (row->cells, g_string_free (g_steal_pointer (&cell), FALSE));
      g_array_append_val (row->lines, cell_line);

      if (s->p >= s->end)
        break;
      if (*s->p == ',')
        {
          s->p++;
          continue;
        }
      take_line_break (s, NULL);
      break;
    }
  return row;
}

static gboolean
check_utf8 (Scanner *s,
            GError **error)
{
  const char *bad = NULL;

  if (g_utf8_validate_len (s->p, (gsize) (s->end - s->p), &bad))
    return TRUE;

  /* Find the line and column of the first bad byte. */
  for (const char *q = s->p; q < bad; q++)
    if (*q == '\n' || (*q == '\r' && (q + 1 >= bad || q[1] != '\n')))
      {
        s->line++;
        s->line_start = q + 1;
      }
  if (*bad == '\0')
    jue_csv_set_error (error, s->origin, s->line, column_at (s, bad),
                       _("the file contains a NUL byte; it is not a CSV text file"));
  else
    jue_csv_set_error (error, s->origin, s->line, column_at (s, bad),
                       _("the text is not valid UTF-8; the file may be in GBK "
                         "(as Excel or WPS save “CSV” on Chinese Windows). Save it "
                         "as “CSV UTF-8” and try again"));
  return FALSE;
}

JueCsvTable *
jue_csv_parse (const char *data,
               gsize       len,
               const char *origin,
               GError    **error)
{
  g_autoptr (JueCsvTable) table = g_new0 (JueCsvTable, 1);
  Scanner s = { origin, data, data + len, data, 1 };

  table->origin = g_strdup (origin);
  table->rows = g_ptr_array_new_with_free_func (free_row);

  if (len >= 3 && memcmp (data, JUE_CSV_BOM, 3) == 0)
    {
      table->had_bom = TRUE;
      s.p += 3;
      s.line_start = s.p;
    }
  {
    Scanner probe = s;
    if (!check_utf8 (&probe, error))
      return NULL;
  }

  while (s.p < s.end)
    {
      JueCsvRow *row = read_row (&s, error);

      if (row == NULL)
        return NULL;
      g_ptr_array_add (table->rows, row);
    }
  table->n_lines = s.line;
  return g_steal_pointer (&table);
}

JueCsvTable *
jue_csv_read_file (const char *filename,
                   GError    **error)
{
  g_autofree char *data = NULL;
  g_autofree char *base = g_path_get_basename (filename);
  gsize len = 0;

  if (!jue_read_regular_file (filename, JUE_MAX_CSV_BYTES, &data, &len, error))
    return NULL;
  return jue_csv_parse (data, len, base, error);
}

void
jue_csv_table_free (JueCsvTable *table)
{
  if (table == NULL)
    return;
  g_free (table->origin);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

const char *
jue_csv_row_cell (const JueCsvRow *row,
                  guint            column)
{
  return column < row->cells->len ? row->cells->pdata[column] : "";
}

guint
jue_csv_row_cell_line (const JueCsvRow *row,
                       guint            column)
{
  return column < row->lines->len ? g_array_index (row->lines, guint, column) : row->line;
}

gboolean
jue_csv_row_is_blank (const JueCsvRow *row)
{
  return row->cells->len == 1 && *(const char *) row->cells->pdata[0] == '\0';
}

gboolean
jue_csv_check_width (const JueCsvTable *table,
                     const JueCsvRow   *row,
                     guint              width,
                     GError           **error)
{
  if (row->cells->len == width)
    return TRUE;
  jue_csv_set_error (error, table->origin, row->line,
                     MIN (row->cells->len, width) + 1,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "the row has %u cell where the header has %u",
                                  "the row has %u cells where the header has %u",
                                  row->cells->len),
                     row->cells->len, width);
  return FALSE;
}
