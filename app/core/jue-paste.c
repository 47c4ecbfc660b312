/* jue-paste.c — cells copied from a spreadsheet, pasted into a list. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jue-paste.h"

struct _JuePasteBlock {
  GPtrArray *rows;      /* GPtrArray of char* (the cells of a row) */
  guint      columns;
};

void
jue_paste_block_free (JuePasteBlock *block)
{
  if (block == NULL)
    return;
  g_ptr_array_unref (block->rows);
  g_free (block);
}

guint
jue_paste_block_rows (const JuePasteBlock *block)
{
  return block->rows->len;
}

guint
jue_paste_block_columns (const JuePasteBlock *block)
{
  return block->columns;
}

const char *
jue_paste_block_cell (const JuePasteBlock *block,
                      guint                row,
                      guint                column)
{
  GPtrArray *cells;

  if (row >= block->rows->len)
    return "";
  cells = block->rows->pdata[row];
  return column < cells->len ? cells->pdata[column] : "";
}

gboolean
jue_paste_block_is_single (const JuePasteBlock *block)
{
  return block->rows->len == 1 && block->columns == 1;
}

static gboolean
is_line_end (char c)
{
  return c == '\r' || c == '\n';
}

/* A cell in double quotes ("a""b" → a"b) that ends where a cell ends;
 * NULL (read it as it is) when the quotes do not close there. */
static char *
read_quoted (const char  *p,
             const char **end)
{
  GString *s = g_string_new (NULL);

  g_assert (*p == '"');
  for (p++; *p; p++)
    {
      if (*p != '"')
        {
          g_string_append_c (s, *p);
          continue;
        }
      if (p[1] == '"')
        {
          g_string_append_c (s, '"');
          p++;
          continue;
        }
      if (p[1] == '\0' || p[1] == '\t' || is_line_end (p[1]))
        {
          *end = p + 1;
          return g_string_free (s, FALSE);
        }
      break;
    }
  g_string_free (s, TRUE);
  return NULL;
}

JuePasteBlock *
jue_paste_parse (const char *text)
{
  JuePasteBlock *block = g_new0 (JuePasteBlock, 1);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  const char *p = text ? text : "";

  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (;;)
    {
      const char *end = NULL;
      char *cell = *p == '"' ? read_quoted (p, &end) : NULL;

      if (cell == NULL)
        {
          end = p + strcspn (p, "\t\r\n");
          cell = g_strndup (p, (gsize) (end - p));
        }
      g_ptr_array_add (row, cell);
      p = end;
      if (*p == '\t')
        {
          p++;
          continue;
        }
      g_ptr_array_add (block->rows, row);
      if (*p == '\0')
        break;
      p += (p[0] == '\r' && p[1] == '\n') ? 2 : 1;
      row = g_ptr_array_new_with_free_func (g_free);
    }
  /* the line end a spreadsheet puts after the last row (and any blank
   * lines after it) makes no row */
  while (block->rows->len > 1)
    {
      GPtrArray *last = block->rows->pdata[block->rows->len - 1];
      if (last->len != 1 || *(char *) last->pdata[0] != '\0')
        break;
      g_ptr_array_remove_index (block->rows, block->rows->len - 1);
    }
  for (guint r = 0; r < block->rows->len; r++)
    block->columns = MAX (block->columns, ((GPtrArray *) block->rows->pdata[r])->len);
  return block;
}

/* ---- applying --------------------------------------------------------- */

/* inner's message without the "path: " it starts with (the cell is named
 * in words instead). */
static const char *
without_path (const GError *inner,
              const char   *path)
{
  gsize n = strlen (path);

  if (strncmp (inner->message, path, n) == 0 && strncmp (inner->message + n, ": ", 2) == 0)
    return inner->message + n + 2;
  return inner->message;
}

static gboolean
cell_error (GError           **error,
            guint              row,
            const JueFieldDef *f,
            const GError      *inner,
            const char        *path)
{
  /* Translators: "Nothing was pasted: row 4, Actual: “12x” is not a valid
   * amount: …" (the row as numbered in the table, the column's title) */
  g_set_error (error, inner->domain, inner->code, _("Nothing was pasted: row %u, %s: %s"),
               row + 1, _(f->label), without_path (inner, path));
  return FALSE;
}

/* The list, its element and its rows, in report. */
static GPtrArray *
list_rows (JueReport           *report,
           const char          *list_path,
           const JueRecordDef **element,
           GError             **error)
{
  JueFieldRef ref;

  if (!jue_report_resolve (report, list_path, &ref, error))
    return NULL;
  if (ref.def->kind != JUE_KIND_LIST || ref.index >= 0)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID, _("%s is not a list"), list_path);
      return NULL;
    }
  *element = ref.def->extra;
  return *(GPtrArray **) ref.ptr;
}

gboolean
jue_paste_apply (JueDocument         *document,
                 const char          *list_path,
                 guint                row,
                 guint                column,
                 const JuePasteBlock *block,
                 guint               *n_added,
                 GError             **error)
{
  JueReport *report = jue_document_get_report (document);
  const JueRecordDef *element = NULL;
  GPtrArray *rows = list_rows (report, list_path, &element, error);
  g_autoptr (JueReport) trial = NULL;
  g_autoptr (GPtrArray) paths = NULL;   /* the cells that change */
  g_autoptr (GPtrArray) texts = NULL;   /* …and what they become */
  guint n_rows = jue_paste_block_rows (block);
  guint n_columns = jue_paste_block_columns (block);
  guint have, need, added = 0;
  g_autofree char *first = NULL;

  if (rows == NULL)
    return FALSE;
  if (column >= element->n_fields || n_columns > element->n_fields - column)
    {
      guint room = column < element->n_fields ? element->n_fields - column : 0;
      g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Nothing was pasted: the copied cells are %u column wide, "
                                "but the table has %u column from here on",
                                "Nothing was pasted: the copied cells are %u columns wide, "
                                "but the table has %u columns from here on", n_columns),
                   n_columns, room);
      return FALSE;
    }
  for (guint c = 0; c < n_columns; c++)
    {
      JueKind kind = element->fields[column + c].kind;
      if (kind == JUE_KIND_RECORD || kind == JUE_KIND_LIST)
        {
          g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                       _("Nothing was pasted: the column %s holds no single values"),
                       _(element->fields[column + c].label));
          return FALSE;
        }
    }
  have = rows->len;
  need = row + n_rows;
  if (row > have)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                   _("Nothing was pasted: the table has %u rows, row %u is past its end"),
                   have, row + 1);
      return FALSE;
    }
  if (need > JUE_MAX_LIST_ROWS)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                   _("Nothing was pasted: a table holds at most %u rows"), JUE_MAX_LIST_ROWS);
      return FALSE;
    }

  /* every cell read first, on a copy: all of it goes in, or none */
  trial = jue_report_copy (report);
  for (guint i = have; i < need; i++)
    if (jue_report_list_insert (trial, list_path, -1, error) < 0)
      return FALSE;
  paths = g_ptr_array_new_with_free_func (g_free);
  texts = g_ptr_array_new_with_free_func (g_free);
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        const JueFieldDef *f = &element->fields[column + c];
        g_autofree char *path = g_strdup_printf ("%s[%u].%s", list_path, row + r, f->name);
        g_autoptr (GError) inner = NULL;
        g_autofree char *before = NULL;
        JueFieldRef ref;

        if (!jue_report_resolve (trial, path, &ref, error))
          return FALSE;
        before = jue_field_get_text (&ref);
        if (!jue_field_set_text (&ref, path, jue_paste_block_cell (block, r, c), &inner))
          return cell_error (error, row + r, f, inner, path);
        if (first == NULL)
          first = g_strdup (path);
        {
          char *after = jue_field_get_text (&ref);
          g_autofree char *now = row + r < have ? jue_report_get (report, path, NULL) : NULL;

          if (row + r >= have ? *after != '\0' : g_strcmp0 (now, after) != 0)
            {
              g_ptr_array_add (paths, g_steal_pointer (&path));
              g_ptr_array_add (texts, after);
            }
          else
            g_free (after);
        }
      }

  /* then written, as one step */
  jue_document_begin_group (document);
  for (guint i = have; i < need; i++, added++)
    if (jue_document_insert_row (document, list_path, -1, error) < 0)
      goto undo;
  for (guint i = 0; i < paths->len; i++)
    if (!jue_document_set (document, paths->pdata[i], texts->pdata[i], error))
      goto undo;
  /* one transaction: the file gets all of it or, on failure, none */
  if (!jue_document_commit_group (document, first, error))
    return FALSE;
  if (n_added)
    *n_added = added;
  return TRUE;

undo:
  jue_document_abort_group (document, NULL);
  return FALSE;
}
