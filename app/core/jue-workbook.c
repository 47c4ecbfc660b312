/* jue-workbook.c — .xlsx (libgsf + libxml2) and .xls (libfreexl) into one
 * grid.  See jue-workbook.h for what is read and the limits. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-impl.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-utils.h>
#include <libxml/xmlreader.h>
#include <freexl.h>

#include "jue-amount.h"
#include "jue-csv.h"
#include "jue-workbook.h"

struct _JueWbSheet {
  char      *name;
  GArray    *cells;    /* JueWbCell, sorted by (row, column) after loading */
  GArray    *merges;   /* JueWbRange */
  guint      n_rows;
  guint      n_columns;
};

struct _JueWorkbook {
  char      *origin;
  GPtrArray *sheets;   /* JueWbSheet */
  guint      n_cells;  /* in every sheet, against the limit */
};

/* ---- the grid ------------------------------------------------------------ */

static void
cell_clear (gpointer data)
{
  JueWbCell *c = data;

  g_free (c->text);
}

static JueWbSheet *
sheet_new (const char *name)
{
  JueWbSheet *s = g_new0 (JueWbSheet, 1);

  s->name = g_strdup (name);
  s->cells = g_array_new (FALSE, FALSE, sizeof (JueWbCell));
  g_array_set_clear_func (s->cells, cell_clear);
  s->merges = g_array_new (FALSE, FALSE, sizeof (JueWbRange));
  return s;
}

static void
sheet_free (gpointer data)
{
  JueWbSheet *s = data;

  g_free (s->name);
  g_array_unref (s->cells);
  g_array_unref (s->merges);
  g_free (s);
}

static gint
cell_compare (gconstpointer a, gconstpointer b)
{
  const JueWbCell *x = a, *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  return 0;
}

typedef struct {
  JueWbCell cell;
  guint     pos;   /* order of arrival */
} Placed;

static gint
placed_compare (gconstpointer a, gconstpointer b, gpointer unused)
{
  const Placed *x = a, *y = b;
  gint c = cell_compare (&x->cell, &y->cell);

  if (c != 0)
    return c;
  return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Sorts the cells; of two at the same place the later one stays. */
static void
sheet_finish (JueWbSheet *s)
{
  gboolean sorted = TRUE;

  for (guint i = 1; i < s->cells->len && sorted; i++)
    if (cell_compare (&g_array_index (s->cells, JueWbCell, i - 1),
                      &g_array_index (s->cells, JueWbCell, i)) >= 0)
      sorted = FALSE;
  if (!sorted)
    {
      guint n = s->cells->len;
      Placed *tmp = g_new (Placed, n);
      GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (JueWbCell), n);

      for (guint i = 0; i < n; i++)
        {
          tmp[i].cell = g_array_index (s->cells, JueWbCell, i);
          tmp[i].pos = i;
        }
      g_qsort_with_data (tmp, (gint) n, sizeof (Placed), placed_compare, NULL);
      g_array_set_clear_func (out, cell_clear);
      for (guint i = 0; i < n; i++)
        {
          if (i + 1 < n && cell_compare (&tmp[i].cell, &tmp[i + 1].cell) == 0)
            {
              g_free (tmp[i].cell.text);
              continue;
            }
          g_array_append_val (out, tmp[i].cell);
        }
      g_free (tmp);
      /* The texts moved to out: drop the old array without freeing them. */
      g_array_set_clear_func (s->cells, NULL);
      g_array_unref (s->cells);
      s->cells = out;
    }
  for (guint i = 0; i < s->cells->len; i++)
    {
      const JueWbCell *c = &g_array_index (s->cells, JueWbCell, i);

      s->n_rows = MAX (s->n_rows, c->row + 1);
      s->n_columns = MAX (s->n_columns, c->column + 1);
    }
  for (guint i = 0; i < s->merges->len; i++)
    {
      const JueWbRange *m = &g_array_index (s->merges, JueWbRange, i);

      s->n_rows = MAX (s->n_rows, m->last_row + 1);
      s->n_columns = MAX (s->n_columns, m->last_column + 1);
    }
}

static JueWorkbook *
workbook_new (const char *origin)
{
  JueWorkbook *wb = g_new0 (JueWorkbook, 1);

  wb->origin = g_strdup (origin);
  wb->sheets = g_ptr_array_new_with_free_func (sheet_free);
  return wb;
}

void
jue_workbook_free (JueWorkbook *workbook)
{
  if (workbook == NULL)
    return;
  g_free (workbook->origin);
  g_ptr_array_unref (workbook->sheets);
  g_free (workbook);
}

const char *
jue_workbook_get_origin (const JueWorkbook *workbook)
{
  return workbook->origin;
}

guint
jue_workbook_n_sheets (const JueWorkbook *workbook)
{
  return workbook->sheets->len;
}

const JueWbSheet *
jue_workbook_sheet (const JueWorkbook *workbook,
                    guint              index)
{
  g_return_val_if_fail (index < workbook->sheets->len, NULL);
  return g_ptr_array_index (workbook->sheets, index);
}

const char *
jue_wb_sheet_name (const JueWbSheet *sheet)
{
  return sheet->name;
}

guint
jue_wb_sheet_n_rows (const JueWbSheet *sheet)
{
  return sheet->n_rows;
}

guint
jue_wb_sheet_n_columns (const JueWbSheet *sheet)
{
  return sheet->n_columns;
}

guint
jue_wb_sheet_n_cells (const JueWbSheet *sheet)
{
  return sheet->cells->len;
}

const JueWbCell *
jue_wb_sheet_cell_at (const JueWbSheet *sheet,
                      guint             index)
{
  g_return_val_if_fail (index < sheet->cells->len, NULL);
  return &g_array_index (sheet->cells, JueWbCell, index);
}

const JueWbCell *
jue_wb_sheet_cell (const JueWbSheet *sheet,
                   guint             row,
                   guint             column)
{
  JueWbCell key = { .row = row, .column = column };
  guint lo = 0, hi = sheet->cells->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint c = cell_compare (&g_array_index (sheet->cells, JueWbCell, mid), &key);

      if (c == 0)
        return &g_array_index (sheet->cells, JueWbCell, mid);
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

const char *
jue_wb_sheet_text (const JueWbSheet *sheet,
                   guint             row,
                   guint             column)
{
  const JueWbCell *c = jue_wb_sheet_cell (sheet, row, column);

  return c != NULL ? c->text : "";
}

guint
jue_wb_sheet_n_merges (const JueWbSheet *sheet)
{
  return sheet->merges->len;
}

const JueWbRange *
jue_wb_sheet_merge (const JueWbSheet *sheet,
                    guint             index)
{
  g_return_val_if_fail (index < sheet->merges->len, NULL);
  return &g_array_index (sheet->merges, JueWbRange, index);
}

const JueWbRange *
jue_wb_sheet_merge_at (const JueWbSheet *sheet,
                       guint             row,
                       guint             column)
{
  for (guint i = 0; i < sheet->merges->len; i++)
    {
      const JueWbRange *m = &g_array_index (sheet->merges, JueWbRange, i);

      if (row >= m->first_row && row <= m->last_row
          && column >= m->first_column && column <= m->last_column)
        return m;
    }
  return NULL;
}

char *
jue_wb_cell_name (guint row,
                  guint column)
{
  char letters[8];
  guint n = 0;
  guint c = column + 1;
  GString *s = g_string_new (NULL);

  while (c > 0 && n < sizeof letters)
    {
      letters[n++] = 'A' + (c - 1) % 26;
      c = (c - 1) / 26;
    }
  while (n > 0)
    g_string_append_c (s, letters[--n]);
  g_string_append_printf (s, "%u", row + 1);
  return g_string_free (s, FALSE);
}

gboolean
jue_wb_parse_cell_name (const char *name,
                        guint      *row,
                        guint      *column)
{
  guint64 c = 0, r = 0;
  const char *p = name;

  if (name == NULL)
    return FALSE;
  while (*p == '$')
    p++;
  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalpha (*p))
    {
      c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (c > 100000)
        return FALSE;
      p++;
    }
  if (*p == '$')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    {
      r = r * 10 + (guint64) (*p - '0');
      if (r > 100000000)
        return FALSE;
      p++;
    }
  if (*p != '\0' || r == 0)
    return FALSE;
  *row = (guint) (r - 1);
  *column = (guint) (c - 1);
  return TRUE;
}

/* ---- limits -------------------------------------------------------------- */

static gboolean
refuse_large (GError    **error,
              const char *origin,
              const char *what)
{
  g_set_error (error, JUE_ERROR, JUE_ERROR_TOO_LARGE,
               /* Translators: %s is a file, then why (a sentence fragment). */
               _("%s was not read: %s"), origin, what);
  return FALSE;
}

/* Adds a cell after checking the place and the limits. */
static gboolean
add_cell (JueWorkbook   *wb,
          JueWbSheet    *sheet,
          guint          row,
          guint          column,
          JueWbCellKind  kind,
          char          *text,    /* taken */
          gboolean       percent,
          GError       **error)
{
  JueWbCell c;

  if (row >= JUE_WORKBOOK_MAX_ROWS || column >= JUE_WORKBOOK_MAX_COLUMNS)
    {
      g_autofree char *cell = jue_wb_cell_name (row, column);
      g_autofree char *why =
        g_strdup_printf (_("sheet “%s” has a value in cell %s, beyond %u rows or %u columns"),
                         sheet->name, cell, JUE_WORKBOOK_MAX_ROWS,
                         JUE_WORKBOOK_MAX_COLUMNS);

      g_free (text);
      return refuse_large (error, wb->origin, why);
    }
  if (wb->n_cells >= JUE_WORKBOOK_MAX_CELLS)
    {
      g_autofree char *why =
        g_strdup_printf (_("it holds more than %u cells"), JUE_WORKBOOK_MAX_CELLS);

      g_free (text);
      return refuse_large (error, wb->origin, why);
    }
  wb->n_cells++;
  c.row = row;
  c.column = column;
  c.kind = kind;
  c.text = text;
  c.percent = percent;
  g_array_append_val (sheet->cells, c);
  return TRUE;
}

/* A stored number: [-+]digits[.digits][(e|E)[-+]digits]. */
static gboolean
is_number_text (const char *t)
{
  const char *p = t;
  gboolean digits = FALSE;

  if (*p == '-' || *p == '+')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, digits = TRUE;
    }
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '-' || *p == '+')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

/* ---- .xlsx: the zip ------------------------------------------------------ */

typedef struct {
  JueWorkbook *wb;
  GsfInfile   *zip;
  gsize        file_size;
  guint64      total;        /* bytes inflated so far */
} Xlsx;

/* The child of a zip folder by name.  gsf_infile_child_by_name() logs a
 * warning for a damaged entry (fatal in tests); the class method gives the
 * error instead, which becomes our message. */
static GsfInput *
zip_child (GsfInfile   *dir,
           const char  *name,
           GError     **error)
{
  int n = gsf_infile_num_children (dir);

  for (int i = 0; i < n; i++)
    if (g_strcmp0 (gsf_infile_name_by_index (dir, i), name) == 0)
      return GSF_INFILE_CLASS (G_OBJECT_GET_CLASS (dir))->child_by_index (dir, i, error);
  return NULL;
}

/* The member at path ("xl/worksheets/sheet1.xml"), or NULL (with *error
 * set when it is there but cannot be opened). */
static GsfInput *
zip_member (GsfInfile   *zip,
            const char  *path,
            GError     **error)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", 0);
  GsfInput *cur = g_object_ref (GSF_INPUT (zip));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      GsfInput *next;

      if (!GSF_IS_INFILE (cur))
        {
          g_object_unref (cur);
          return NULL;
        }
      next = zip_child (GSF_INFILE (cur), parts[i], error);
      g_object_unref (cur);
      if (next == NULL)
        return NULL;
      cur = next;
    }
  return cur;
}

/* Reads one member, NULL (no error) when absent and !required. */
static guint8 *
read_member (Xlsx        *x,
             const char  *path,
             gboolean     required,
             gsize       *len_out,
             GError     **error)
{
  g_autoptr (GObject) holder = NULL;
  g_autoptr (GError) local = NULL;
  GsfInput *input;
  gsf_off_t size;
  guint8 *buf;
  gsize done = 0;

  input = zip_member (x->zip, path, &local);
  holder = (GObject *) input;
  if (local != NULL)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_CORRUPT,
                   _("%s is damaged: its part %s cannot be unpacked"), x->wb->origin, path);
      return NULL;
    }
  if (input == NULL)
    {
      if (required)
        g_set_error (error, JUE_ERROR, JUE_ERROR_CORRUPT,
                     _("%s is not an Excel workbook: it has no %s"), x->wb->origin, path);
      return NULL;
    }
  if (GSF_IS_INFILE (input) && gsf_infile_num_children (GSF_INFILE (input)) > 0)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_CORRUPT,
                   _("%s is not an Excel workbook: %s is a folder"), x->wb->origin, path);
      return NULL;
    }
  size = gsf_input_size (input);
  if (size < 0 || (guint64) size > JUE_WORKBOOK_MAX_MEMBER_BYTES)
    {
      g_autofree char *why =
        g_strdup_printf (_("its part %s unpacks to more than %u MiB"), path,
                         JUE_WORKBOOK_MAX_MEMBER_BYTES / (1024 * 1024));
      refuse_large (error, x->wb->origin, why);
      return NULL;
    }
  x->total += (guint64) size;
  if (x->total > JUE_WORKBOOK_MAX_TOTAL_BYTES
      || x->total > MAX ((guint64) 1024 * 1024,
                         (guint64) JUE_WORKBOOK_MAX_RATIO * x->file_size))
    {
      g_autofree char *why =
        g_strdup_printf (_("it unpacks to far more than its size (%u times or more than "
                           "%u MiB): a zip bomb, not a workbook"),
                         JUE_WORKBOOK_MAX_RATIO,
                         JUE_WORKBOOK_MAX_TOTAL_BYTES / (1024 * 1024));
      refuse_large (error, x->wb->origin, why);
      return NULL;
    }
  buf = g_try_malloc ((gsize) size + 1);
  if (buf == NULL)
    {
      refuse_large (error, x->wb->origin, _("there is not enough memory to unpack it"));
      return NULL;
    }
  while (done < (gsize) size)
    {
      gsize chunk = MIN ((gsize) size - done, (gsize) 65536);

      if (gsf_input_read (input, chunk, buf + done) == NULL)
        {
          g_free (buf);
          g_set_error (error, JUE_ERROR, JUE_ERROR_CORRUPT,
                       _("%s is damaged: its part %s cannot be unpacked"),
                       x->wb->origin, path);
          return NULL;
        }
      done += chunk;
    }
  buf[size] = '\0';
  *len_out = (gsize) size;
  return buf;
}

/* ---- .xlsx: XML ---------------------------------------------------------- */

static xmlTextReaderPtr
xml_reader (const guint8 *data,
            gsize         len,
            const char   *part)
{
  if (len > G_MAXINT)
    return NULL;
  /* No network, no entity substitution, no DTD loading. */
  return xmlReaderForMemory ((const char *) data, (int) len, part, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

static gboolean
xml_bad (Xlsx        *x,
         const char  *part,
         GError     **error)
{
  g_set_error (error, JUE_ERROR, JUE_ERROR_CORRUPT,
               _("%s is damaged: its part %s is not well-formed XML"), x->wb->origin, part);
  return FALSE;
}

/* Next node; -1 error, 0 end, 1 a node.  A DOCTYPE is refused: no part of
 * a workbook has one, and entities are how XML bombs work. */
static int
xml_next (xmlTextReaderPtr r)
{
  int ret = xmlTextReaderRead (r);

  if (ret == 1 && xmlTextReaderNodeType (r) == XML_READER_TYPE_DOCUMENT_TYPE)
    return -1;
  return ret;
}

static gboolean
is_start (xmlTextReaderPtr r,
          const char      *name)
{
  return xmlTextReaderNodeType (r) == XML_READER_TYPE_ELEMENT
         && g_strcmp0 ((const char *) xmlTextReaderConstLocalName (r), name) == 0;
}

static gboolean
is_end (xmlTextReaderPtr r,
        const char      *name)
{
  return xmlTextReaderNodeType (r) == XML_READER_TYPE_END_ELEMENT
         && g_strcmp0 ((const char *) xmlTextReaderConstLocalName (r), name) == 0;
}

/* The attribute by local name, whatever its namespace (r:id, or the
 * strict-OOXML namespace's id). */
static char *
attr (xmlTextReaderPtr r,
      const char      *local,
      gboolean         prefixed)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (r) != 1)
    return NULL;
  do
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (r);
      const xmlChar *prefix = xmlTextReaderConstPrefix (r);

      if (g_strcmp0 (name, local) == 0 && (prefix != NULL) == prefixed)
        {
          value = g_strdup ((const char *) xmlTextReaderConstValue (r));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (r) == 1);
  xmlTextReaderMoveToElement (r);
  return value;
}

/* Appends the text inside the current element (a <t>, <v>) up to its end.
 * FALSE on malformed XML; *too_long when past the cell limit. */
static gboolean
read_text (xmlTextReaderPtr r,
           GString         *out,
           gboolean        *too_long)
{
  int depth = xmlTextReaderDepth (r);

  if (xmlTextReaderIsEmptyElement (r))
    return TRUE;
  for (;;)
    {
      int ret = xml_next (r);
      int type;

      if (ret != 1)
        return FALSE;
      type = xmlTextReaderNodeType (r);
      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (r) == depth)
        return TRUE;
      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
          || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
          || type == XML_READER_TYPE_WHITESPACE)
        {
          const char *v = (const char *) xmlTextReaderConstValue (r);

          if (v != NULL)
            {
              if (out->len + strlen (v) > (gsize) JUE_WORKBOOK_MAX_TEXT * 4)
                {
                  *too_long = TRUE;
                  return FALSE;
                }
              g_string_append (out, v);
            }
        }
    }
}

/* Excel writes characters XML cannot hold as _xHHHH_. */
static char *
unescape_ooxml (GString *s)
{
  GString *out;
  const char *p;

  if (strstr (s->str, "_x") == NULL)
    return g_strdup (s->str);
  out = g_string_sized_new (s->len);
  for (p = s->str; *p != '\0';)
    {
      if (p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3])
          && g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          gunichar c = (gunichar) ((g_ascii_xdigit_value (p[2]) << 12)
                                   | (g_ascii_xdigit_value (p[3]) << 8)
                                   | (g_ascii_xdigit_value (p[4]) << 4)
                                   | g_ascii_xdigit_value (p[5]));

          if (g_unichar_validate (c) && c != 0)
            g_string_append_unichar (out, c);
          p += 7;
          continue;
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

typedef struct {
  char *id;
  char *type;
  char *target;
} Rel;

static void
rel_free (gpointer data)
{
  Rel *r = data;

  g_free (r->id);
  g_free (r->type);
  g_free (r->target);
  g_free (r);
}

/* "dir" + "worksheets/sheet1.xml", or an absolute "/xl/…"; "../" steps up. */
static char *
resolve_target (const char *dir,
                const char *target)
{
  g_auto (GStrv) parts = NULL;
  GPtrArray *stack = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  char *result;

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else if (dir[0] != '\0')
    joined = g_strconcat (dir, "/", target, NULL);
  else
    joined = g_strdup (target);
  parts = g_strsplit (joined, "/", 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || strcmp (parts[i], ".") == 0)
        continue;
      if (strcmp (parts[i], "..") == 0)
        {
          if (stack->len > 0)
            g_ptr_array_remove_index (stack, stack->len - 1);
          continue;
        }
      g_ptr_array_add (stack, parts[i]);
    }
  g_ptr_array_add (stack, NULL);
  result = g_strjoinv ("/", (char **) stack->pdata);
  g_ptr_array_unref (stack);
  return result;
}

static GPtrArray *
read_rels (Xlsx        *x,
           const char  *part,
           GError     **error)
{
  gsize len = 0;
  g_autofree guint8 *data = read_member (x, part, FALSE, &len, error);
  GPtrArray *rels = g_ptr_array_new_with_free_func (rel_free);
  xmlTextReaderPtr r;
  int ret;

  if (data == NULL)
    {
      if (error != NULL && *error != NULL)
        {
          g_ptr_array_unref (rels);
          return NULL;
        }
      return rels;
    }
  r = xml_reader (data, len, part);
  if (r == NULL)
    {
      xml_bad (x, part, error);
      g_ptr_array_unref (rels);
      return NULL;
    }
  while ((ret = xml_next (r)) == 1)
    if (is_start (r, "Relationship") && rels->len < 10000)
      {
        Rel *rel = g_new0 (Rel, 1);

        rel->id = attr (r, "Id", FALSE);
        rel->type = attr (r, "Type", FALSE);
        rel->target = attr (r, "Target", FALSE);
        if (rel->id == NULL || rel->type == NULL || rel->target == NULL)
          rel_free (rel);
        else
          g_ptr_array_add (rels, rel);
      }
  xmlFreeTextReader (r);
  if (ret != 0)
    {
      xml_bad (x, part, error);
      g_ptr_array_unref (rels);
      return NULL;
    }
  return rels;
}

static const Rel *
rel_by_type (GPtrArray  *rels,
             const char *suffix)
{
  for (guint i = 0; i < rels->len; i++)
    {
      const Rel *rel = g_ptr_array_index (rels, i);

      if (g_str_has_suffix (rel->type, suffix))
        return rel;
    }
  return NULL;
}

static const Rel *
rel_by_id (GPtrArray  *rels,
           const char *id)
{
  for (guint i = 0; i < rels->len; i++)
    {
      const Rel *rel = g_ptr_array_index (rels, i);

      if (g_strcmp0 (rel->id, id) == 0)
        return rel;
    }
  return NULL;
}

static gboolean
read_shared_strings (Xlsx        *x,
                     const char  *part,
                     GPtrArray   *strings,
                     GError     **error)
{
  gsize len = 0;
  g_autofree guint8 *data = read_member (x, part, FALSE, &len, error);
  xmlTextReaderPtr r;
  g_autoptr (GString) item = g_string_new (NULL);
  gboolean in_si = FALSE, too_long = FALSE;
  int ret;

  if (data == NULL)
    return error == NULL || *error == NULL;
  r = xml_reader (data, len, part);
  if (r == NULL)
    return xml_bad (x, part, error);
  while ((ret = xml_next (r)) == 1)
    {
      if (is_start (r, "si"))
        {
          g_string_truncate (item, 0);
          in_si = !xmlTextReaderIsEmptyElement (r);
          if (!in_si)
            g_ptr_array_add (strings, g_strdup (""));
        }
      else if (in_si && is_start (r, "rPh"))
        {
          /* Phonetic guide: not part of the text. */
          if (!xmlTextReaderIsEmptyElement (r) && xmlTextReaderNext (r) != 1)
            break;
          if (is_end (r, "si"))
            goto end_si;
        }
      else if (in_si && is_start (r, "t"))
        {
          if (!read_text (r, item, &too_long))
            {
              ret = -1;
              break;
            }
        }
      else if (is_end (r, "si"))
        {
        end_si:
          in_si = FALSE;
          g_ptr_array_add (strings, unescape_ooxml (item));
        }
      if (strings->len > JUE_WORKBOOK_MAX_STRINGS)
        {
          g_autofree char *why =
            g_strdup_printf (_("it holds more than %u different texts"),
                             JUE_WORKBOOK_MAX_STRINGS);

          xmlFreeTextReader (r);
          return refuse_large (error, x->wb->origin, why);
        }
    }
  xmlFreeTextReader (r);
  if (too_long)
    {
      g_autofree char *why =
        g_strdup_printf (_("a text in it is longer than %u characters"), JUE_WORKBOOK_MAX_TEXT);
      return refuse_large (error, x->wb->origin, why);
    }
  if (ret != 0)
    return xml_bad (x, part, error);
  return TRUE;
}

/* Which cell styles (cellXfs, by index) show numbers as percentages. */
static gboolean
read_styles (Xlsx        *x,
             const char  *part,
             GArray      *percent,   /* gboolean per xf */
             GError     **error)
{
  gsize len = 0;
  g_autofree guint8 *data = read_member (x, part, FALSE, &len, error);
  g_autoptr (GHashTable) percent_formats = g_hash_table_new (g_direct_hash, g_direct_equal);
  xmlTextReaderPtr r;
  gboolean in_xfs = FALSE;
  int ret;

  if (data == NULL)
    return error == NULL || *error == NULL;
  r = xml_reader (data, len, part);
  if (r == NULL)
    return xml_bad (x, part, error);
  while ((ret = xml_next (r)) == 1)
    {
      if (is_start (r, "numFmt"))
        {
          g_autofree char *id = attr (r, "numFmtId", FALSE);
          g_autofree char *code = attr (r, "formatCode", FALSE);

          if (id != NULL && code != NULL && strchr (code, '%') != NULL)
            g_hash_table_add (percent_formats,
                              GUINT_TO_POINTER ((guint) g_ascii_strtoull (id, NULL, 10)));
        }
      else if (is_start (r, "cellXfs"))
        in_xfs = !xmlTextReaderIsEmptyElement (r);
      else if (is_end (r, "cellXfs"))
        in_xfs = FALSE;
      else if (in_xfs && is_start (r, "xf") && percent->len < 65536)
        {
          g_autofree char *id = attr (r, "numFmtId", FALSE);
          guint n = id != NULL ? (guint) g_ascii_strtoull (id, NULL, 10) : 0;
          gboolean p = n == 9 || n == 10
                       || g_hash_table_contains (percent_formats, GUINT_TO_POINTER (n));

          g_array_append_val (percent, p);
        }
    }
  xmlFreeTextReader (r);
  if (ret != 0)
    return xml_bad (x, part, error);
  return TRUE;
}

static gboolean
parse_range (const char *ref,
             JueWbRange *out)
{
  g_auto (GStrv) ends = NULL;

  if (ref == NULL)
    return FALSE;
  ends = g_strsplit (ref, ":", 3);
  if (ends[0] == NULL)
    return FALSE;
  if (!jue_wb_parse_cell_name (ends[0], &out->first_row, &out->first_column))
    return FALSE;
  if (ends[1] == NULL)
    {
      out->last_row = out->first_row;
      out->last_column = out->first_column;
    }
  else if (ends[2] != NULL
           || !jue_wb_parse_cell_name (ends[1], &out->last_row, &out->last_column))
    return FALSE;
  if (out->last_row < out->first_row || out->last_column < out->first_column)
    return FALSE;
  return TRUE;
}

static gboolean
read_sheet (Xlsx        *x,
            JueWbSheet  *sheet,
            const char  *part,
            GPtrArray   *strings,
            GArray      *percent,
            GError     **error)
{
  gsize len = 0;
  g_autofree guint8 *data = read_member (x, part, TRUE, &len, error);
  xmlTextReaderPtr r;
  guint row = 0, column = 0;
  gboolean have_row = FALSE, too_long = FALSE;
  int ret;

  if (data == NULL)
    return FALSE;
  r = xml_reader (data, len, part);
  if (r == NULL)
    return xml_bad (x, part, error);
  while ((ret = xml_next (r)) == 1)
    {
      if (is_start (r, "row"))
        {
          g_autofree char *rr = attr (r, "r", FALSE);
          guint64 n = rr != NULL ? g_ascii_strtoull (rr, NULL, 10) : 0;

          if (n >= 1 && n <= G_MAXUINT)
            row = (guint) (n - 1);
          else if (have_row)
            row++;
          have_row = TRUE;
          column = 0;
        }
      else if (is_start (r, "c"))
        {
          g_autofree char *ref = attr (r, "r", FALSE);
          g_autofree char *t = attr (r, "t", FALSE);
          g_autofree char *s = attr (r, "s", FALSE);
          g_autoptr (GString) value = g_string_new (NULL);
          g_autoptr (GString) inline_text = g_string_new (NULL);
          gboolean has_value = FALSE, has_inline = FALSE;
          guint cr, cc;
          int depth = xmlTextReaderDepth (r);

          if (ref != NULL && jue_wb_parse_cell_name (ref, &cr, &cc))
            {
              row = cr;
              column = cc;
            }
          if (!xmlTextReaderIsEmptyElement (r))
            for (;;)
              {
                ret = xml_next (r);
                if (ret != 1)
                  break;
                if (xmlTextReaderNodeType (r) == XML_READER_TYPE_END_ELEMENT
                    && xmlTextReaderDepth (r) == depth)
                  break;
                if (is_start (r, "v"))
                  {
                    has_value = TRUE;
                    if (!read_text (r, value, &too_long))
                      {
                        ret = -1;
                        break;
                      }
                  }
                else if (is_start (r, "rPh"))
                  {
                    if (!xmlTextReaderIsEmptyElement (r) && xmlTextReaderNext (r) != 1)
                      {
                        ret = -1;
                        break;
                      }
                    if (xmlTextReaderNodeType (r) == XML_READER_TYPE_END_ELEMENT
                        && xmlTextReaderDepth (r) == depth)
                      break;
                  }
                else if (is_start (r, "t"))
                  {
                    has_inline = TRUE;
                    if (!read_text (r, inline_text, &too_long))
                      {
                        ret = -1;
                        break;
                      }
                  }
              }
          if (ret != 1)
            break;
          if (has_value || has_inline)
            {
              JueWbCellKind kind = JUE_WB_CELL_NUMBER;
              char *text = NULL;
              gboolean pct = FALSE;

              if (g_strcmp0 (t, "s") == 0)
                {
                  guint64 i = g_ascii_strtoull (value->str, NULL, 10);

                  if (!g_ascii_isdigit (value->str[0]) || i >= strings->len)
                    {
                      g_autofree char *cell = jue_wb_cell_name (row, column);

                      xmlFreeTextReader (r);
                      g_set_error (error, JUE_ERROR, JUE_ERROR_CORRUPT,
                                   _("%s is damaged: cell %s of sheet “%s” refers to "
                                     "a text that is not there"),
                                   x->wb->origin, cell, sheet->name);
                      return FALSE;
                    }
                  kind = JUE_WB_CELL_TEXT;
                  text = g_strdup (g_ptr_array_index (strings, i));
                }
              else if (g_strcmp0 (t, "inlineStr") == 0)
                {
                  kind = JUE_WB_CELL_TEXT;
                  text = unescape_ooxml (inline_text);
                }
              else if (g_strcmp0 (t, "str") == 0 || g_strcmp0 (t, "d") == 0)
                {
                  kind = JUE_WB_CELL_TEXT;
                  text = unescape_ooxml (value);
                }
              else if (g_strcmp0 (t, "b") == 0)
                {
                  kind = JUE_WB_CELL_BOOL;
                  text = g_strdup (strcmp (value->str, "0") == 0 ? "FALSE" : "TRUE");
                }
              else if (g_strcmp0 (t, "e") == 0)
                {
                  kind = JUE_WB_CELL_ERROR;
                  text = g_strdup (value->str);
                }
              else
                {
                  g_strstrip (value->str);
                  if (is_number_text (value->str))
                    {
                      guint xf = s != NULL ? (guint) g_ascii_strtoull (s, NULL, 10) : 0;

                      pct = xf < percent->len && g_array_index (percent, gboolean, xf);
                      text = g_strdup (value->str);
                    }
                  else
                    {
                      kind = JUE_WB_CELL_TEXT;
                      text = g_strdup (value->str);
                    }
                }
              if (g_utf8_strlen (text, -1) > (glong) JUE_WORKBOOK_MAX_TEXT)
                {
                  g_free (text);
                  too_long = TRUE;
                  ret = -1;
                  break;
                }
              if (!add_cell (x->wb, sheet, row, column, kind, text, pct, error))
                {
                  xmlFreeTextReader (r);
                  return FALSE;
                }
            }
          column++;
        }
      else if (is_start (r, "mergeCell"))
        {
          g_autofree char *ref = attr (r, "ref", FALSE);
          JueWbRange m;

          if (parse_range (ref, &m) && m.first_row < JUE_WORKBOOK_MAX_ROWS
              && m.first_column < JUE_WORKBOOK_MAX_COLUMNS
              && sheet->merges->len < JUE_WORKBOOK_MAX_CELLS)
            {
              m.last_row = MIN (m.last_row, JUE_WORKBOOK_MAX_ROWS - 1);
              m.last_column = MIN (m.last_column, JUE_WORKBOOK_MAX_COLUMNS - 1);
              g_array_append_val (sheet->merges, m);
            }
        }
    }
  xmlFreeTextReader (r);
  if (too_long)
    {
      g_autofree char *why =
        g_strdup_printf (_("sheet “%s” has a cell longer than %u characters"), sheet->name,
                         JUE_WORKBOOK_MAX_TEXT);
      return refuse_large (error, x->wb->origin, why);
    }
  if (ret != 0)
    return xml_bad (x, part, error);
  return TRUE;
}

static gboolean
read_xlsx (Xlsx    *x,
           GError **error)
{
  g_autoptr (GPtrArray) root_rels = NULL;
  g_autoptr (GPtrArray) wb_rels = NULL;
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) percent = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr (GPtrArray) sheet_parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *wb_part = NULL;
  g_autofree char *wb_dir = NULL;
  g_autofree char *wb_rels_part = NULL;
  g_autofree guint8 *data = NULL;
  const Rel *rel;
  xmlTextReaderPtr r;
  gsize len = 0;
  int ret;

  root_rels = read_rels (x, "_rels/.rels", error);
  if (root_rels == NULL)
    return FALSE;
  rel = rel_by_type (root_rels, "/officeDocument");
  wb_part = rel != NULL ? resolve_target ("", rel->target) : g_strdup ("xl/workbook.xml");
  wb_dir = g_path_get_dirname (wb_part);
  if (strcmp (wb_dir, ".") == 0)
    {
      g_free (wb_dir);
      wb_dir = g_strdup ("");
    }
  {
    g_autofree char *base = g_path_get_basename (wb_part);

    wb_rels_part = wb_dir[0] != '\0' ? g_strconcat (wb_dir, "/_rels/", base, ".rels", NULL)
                                     : g_strconcat ("_rels/", base, ".rels", NULL);
  }
  wb_rels = read_rels (x, wb_rels_part, error);
  if (wb_rels == NULL)
    return FALSE;
  rel = rel_by_type (wb_rels, "/sharedStrings");
  if (rel != NULL)
    {
      g_autofree char *part = resolve_target (wb_dir, rel->target);

      if (!read_shared_strings (x, part, strings, error))
        return FALSE;
    }
  rel = rel_by_type (wb_rels, "/styles");
  if (rel != NULL)
    {
      g_autofree char *part = resolve_target (wb_dir, rel->target);

      if (!read_styles (x, part, percent, error))
        return FALSE;
    }

  data = read_member (x, wb_part, TRUE, &len, error);
  if (data == NULL)
    return FALSE;
  r = xml_reader (data, len, wb_part);
  if (r == NULL)
    return xml_bad (x, wb_part, error);
  while ((ret = xml_next (r)) == 1)
    if (is_start (r, "sheet"))
      {
        g_autofree char *name = attr (r, "name", FALSE);
        g_autofree char *id = attr (r, "id", TRUE);
        const Rel *sr = id != NULL ? rel_by_id (wb_rels, id) : NULL;

        if (name == NULL || sr == NULL)
          {
            xmlFreeTextReader (r);
            g_set_error (error, JUE_ERROR, JUE_ERROR_CORRUPT,
                         _("%s is damaged: a sheet has no name or no part"), x->wb->origin);
            return FALSE;
          }
        if (!g_str_has_suffix (sr->type, "/worksheet"))
          continue;   /* a chart sheet or a dialog sheet holds no cells */
        if (x->wb->sheets->len >= JUE_WORKBOOK_MAX_SHEETS)
          {
            g_autofree char *why =
              g_strdup_printf (_("it has more than %u sheets"), JUE_WORKBOOK_MAX_SHEETS);

            xmlFreeTextReader (r);
            return refuse_large (error, x->wb->origin, why);
          }
        g_ptr_array_add (x->wb->sheets, sheet_new (name));
        g_ptr_array_add (sheet_parts, resolve_target (wb_dir, sr->target));
      }
  xmlFreeTextReader (r);
  if (ret != 0)
    return xml_bad (x, wb_part, error);
  g_clear_pointer (&data, g_free);

  for (guint i = 0; i < x->wb->sheets->len; i++)
    {
      JueWbSheet *sheet = g_ptr_array_index (x->wb->sheets, i);

      if (!read_sheet (x, sheet, g_ptr_array_index (sheet_parts, i), strings, percent, error))
        return FALSE;
      sheet_finish (sheet);
    }
  return TRUE;
}

static JueWorkbook *
open_xlsx_input (GsfInput    *input,
                 gsize        size,
                 const char  *origin,
                 GError     **error)
{
  g_autoptr (GError) local = NULL;
  Xlsx x = { 0 };

  x.wb = workbook_new (origin);
  x.file_size = size;
  x.zip = gsf_infile_zip_new (input, &local);
  if (x.zip == NULL)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_CORRUPT,
                   _("%s is damaged: it cannot be read as a zip archive (%s)"), origin,
                   local != NULL ? local->message : "?");
      jue_workbook_free (x.wb);
      return NULL;
    }
  if (!read_xlsx (&x, error))
    {
      g_object_unref (x.zip);
      jue_workbook_free (x.wb);
      return NULL;
    }
  g_object_unref (x.zip);
  return x.wb;
}

JueWorkbook *
jue_workbook_open_xlsx_data (const guint8 *data,
                             gsize         len,
                             const char   *origin,
                             GError      **error)
{
  GsfInput *input;
  JueWorkbook *wb;

  if (len > JUE_WORKBOOK_MAX_FILE_BYTES)
    {
      g_autofree char *why =
        g_strdup_printf (_("it is larger than %u MiB"), JUE_WORKBOOK_MAX_FILE_BYTES / (1024 * 1024));
      refuse_large (error, origin, why);
      return NULL;
    }
  gsf_init ();
  input = gsf_input_memory_new (data, (gsf_off_t) len, FALSE);
  wb = open_xlsx_input (input, len, origin, error);
  g_object_unref (input);
  return wb;
}

/* ---- .xls ---------------------------------------------------------------- */

static JueWorkbook *
open_xls (const char  *filename,
          const char  *origin,
          GError     **error)
{
  const void *h = NULL;
  unsigned int n_sheets = 0;
  JueWorkbook *wb;
  int ret;

  ret = freexl_open (filename, &h);
  if (ret != FREEXL_OK)
    {
      if (h != NULL)
        freexl_close (h);
      g_set_error (error, JUE_ERROR, JUE_ERROR_CORRUPT,
                   _("%s is damaged or not an Excel 97–2003 workbook (FreeXL error %d)"),
                   origin, ret);
      return NULL;
    }
  wb = workbook_new (origin);
  if (freexl_get_info (h, FREEXL_BIFF_SHEET_COUNT, &n_sheets) != FREEXL_OK)
    n_sheets = 0;
  if (n_sheets > JUE_WORKBOOK_MAX_SHEETS)
    {
      g_autofree char *why =
        g_strdup_printf (_("it has more than %u sheets"), JUE_WORKBOOK_MAX_SHEETS);

      refuse_large (error, origin, why);
      goto fail;
    }
  for (unsigned short i = 0; i < n_sheets; i++)
    {
      const char *name = NULL;
      unsigned int rows = 0;
      unsigned short columns = 0;
      JueWbSheet *sheet;

      if (freexl_get_worksheet_name (h, i, &name) != FREEXL_OK
          || freexl_select_active_worksheet (h, i) != FREEXL_OK
          || freexl_worksheet_dimensions (h, &rows, &columns) != FREEXL_OK)
        {
          g_set_error (error, JUE_ERROR, JUE_ERROR_CORRUPT,
                       _("%s is damaged: its sheet %u cannot be read"), origin, i + 1u);
          goto fail;
        }
      sheet = sheet_new (name != NULL && g_utf8_validate (name, -1, NULL) ? name : "?");
      g_ptr_array_add (wb->sheets, sheet);
      if (rows > JUE_WORKBOOK_MAX_ROWS || columns > JUE_WORKBOOK_MAX_COLUMNS
          || (guint64) rows * columns > (guint64) JUE_WORKBOOK_MAX_CELLS * 8)
        {
          g_autofree char *why =
            g_strdup_printf (_("sheet “%s” is %u rows by %u columns, beyond %u rows, "
                               "%u columns or %u cells"),
                             sheet->name, rows, (guint) columns, JUE_WORKBOOK_MAX_ROWS,
                             JUE_WORKBOOK_MAX_COLUMNS, JUE_WORKBOOK_MAX_CELLS * 8);
          refuse_large (error, origin, why);
          goto fail;
        }
      for (unsigned int row = 0; row < rows; row++)
        for (unsigned short col = 0; col < columns; col++)
          {
            FreeXL_CellValue v;
            char buf[G_ASCII_DTOSTR_BUF_SIZE];
            JueWbCellKind kind = JUE_WB_CELL_NUMBER;
            char *text;

            if (freexl_get_cell_value (h, row, col, &v) != FREEXL_OK)
              continue;
            switch (v.type)
              {
              case FREEXL_CELL_INT:
                text = g_strdup_printf ("%d", v.value.int_value);
                break;
              case FREEXL_CELL_DOUBLE:
                text = g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g",
                                                  v.value.double_value));
                break;
              case FREEXL_CELL_TEXT:
              case FREEXL_CELL_SST_TEXT:
              case FREEXL_CELL_DATE:
              case FREEXL_CELL_DATETIME:
              case FREEXL_CELL_TIME:
                kind = JUE_WB_CELL_TEXT;
                text = g_strdup (v.value.text_value != NULL
                                 && g_utf8_validate (v.value.text_value, -1, NULL)
                                 ? v.value.text_value : "");
                break;
              default:
                continue;
              }
            if (g_utf8_strlen (text, -1) > (glong) JUE_WORKBOOK_MAX_TEXT)
              {
                g_autofree char *why =
                  g_strdup_printf (_("sheet “%s” has a cell longer than %u characters"),
                                   sheet->name, JUE_WORKBOOK_MAX_TEXT);
                g_free (text);
                refuse_large (error, origin, why);
                goto fail;
              }
            if (!add_cell (wb, sheet, row, col, kind, text, FALSE, error))
              goto fail;
          }
      sheet_finish (sheet);
    }
  freexl_close (h);
  return wb;

fail:
  freexl_close (h);
  jue_workbook_free (wb);
  return NULL;
}

/* ---- either -------------------------------------------------------------- */

/* Whether the file begins, after a BOM and white space, with an HTML tag
 * (<html, <table, <!DOCTYPE …): the “.xls” many finance systems export. */
static gboolean
looks_like_html (const char *filename)
{
  char head[512] = { 0 };
  const char *p = head;
  FILE *f = g_fopen (filename, "rb");
  size_t got;

  if (f == NULL)
    return FALSE;
  got = fread (head, 1, sizeof head - 1, f);
  fclose (f);
  head[got] = '\0';
  if (got >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (*p && g_ascii_isspace (*p))
    p++;
  return g_ascii_strncasecmp (p, "<html", 5) == 0 || g_ascii_strncasecmp (p, "<!doctype", 9) == 0
         || g_ascii_strncasecmp (p, "<table", 6) == 0 || g_ascii_strncasecmp (p, "<meta", 5) == 0;
}

JueWorkbook *
jue_workbook_open (const char *filename,
                   GError    **error)
{
  g_autofree char *origin = g_filename_display_name (filename);
  GStatBuf st;
  guint8 magic[8] = { 0 };
  FILE *f;
  size_t got;

  if (g_stat (filename, &st) != 0)
    {
      int e = errno;

      g_set_error (error, JUE_ERROR, JUE_ERROR_IO, _("Cannot read %s: %s"), origin,
                   g_strerror (e));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_IO,
                   _("%s is not a regular file (a folder, a device or a pipe)"), origin);
      return NULL;
    }
  if ((guint64) st.st_size > JUE_WORKBOOK_MAX_FILE_BYTES)
    {
      g_autofree char *why =
        g_strdup_printf (_("it is larger than %u MiB"), JUE_WORKBOOK_MAX_FILE_BYTES / (1024 * 1024));
      refuse_large (error, origin, why);
      return NULL;
    }
  f = g_fopen (filename, "rb");
  if (f == NULL)
    {
      int e = errno;

      g_set_error (error, JUE_ERROR, JUE_ERROR_IO, _("Cannot read %s: %s"), origin,
                   g_strerror (e));
      return NULL;
    }
  got = fread (magic, 1, sizeof magic, f);
  fclose (f);

  if (got >= 4 && memcmp (magic, "PK\003\004", 4) == 0)
    {
      g_autofree char *contents = NULL;
      gsize len = 0;
      g_autoptr (GError) local = NULL;

      if (!g_file_get_contents (filename, &contents, &len, &local))
        {
          g_set_error (error, JUE_ERROR, JUE_ERROR_IO, _("Cannot read %s: %s"), origin,
                       local->message);
          return NULL;
        }
      /* The size checked above may have grown since: open_xlsx_data checks again. */
      {
        JueWorkbook *wb = jue_workbook_open_xlsx_data ((const guint8 *) contents, len,
                                                       origin, error);
        return wb;
      }
    }
  if (got == sizeof magic
      && memcmp (magic, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", sizeof magic) == 0)
    return open_xls (filename, origin, error);

  if (looks_like_html (filename))
    g_set_error (error, JUE_ERROR, JUE_ERROR_NOT_OURS,
                 _("%s is not an Excel workbook but a web page (HTML) with a workbook's "
                   "name, as some systems export tables: open it in Excel or WPS and save "
                   "it as an Excel workbook (.xlsx)"), origin);
  else
    g_set_error (error, JUE_ERROR, JUE_ERROR_NOT_OURS,
                 _("%s is not an Excel workbook (.xlsx or .xls)"), origin);
  return NULL;
}

/* ---- a folder of CSV files ------------------------------------------------ */

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

JueWorkbook *
jue_workbook_open_csv_dir (const char *dir,
                           GError    **error)
{
  g_autofree char *origin = g_filename_display_name (dir);
  g_autoptr (GDir) d = g_dir_open (dir, 0, error);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (JueWorkbook) wb = NULL;
  const char *entry;

  if (d == NULL)
    return NULL;
  while ((entry = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (entry, ".csv"))
      g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_names);
  if (names->len == 0)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE, _("%s holds no .csv file"), origin);
      return NULL;
    }
  if (names->len > JUE_WORKBOOK_MAX_SHEETS)
    {
      g_autofree char *why = g_strdup_printf (_("it has more than %u sheets"),
                                              JUE_WORKBOOK_MAX_SHEETS);
      refuse_large (error, origin, why);
      return NULL;
    }
  wb = workbook_new (origin);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_autofree char *sheet_name = g_strndup (names->pdata[i],
                                               strlen (names->pdata[i]) - strlen (".csv"));
      g_autoptr (JueCsvTable) table = NULL;
      GStatBuf st;
      JueWbSheet *sheet;

      if (g_stat (path, &st) == 0 && (guint64) st.st_size > JUE_WORKBOOK_MAX_FILE_BYTES)
        {
          g_autofree char *shown = g_filename_display_name (path);
          g_autofree char *why = g_strdup_printf (_("it is larger than %u MiB"),
                                                  JUE_WORKBOOK_MAX_FILE_BYTES / (1024 * 1024));
          refuse_large (error, shown, why);
          return NULL;
        }
      table = jue_csv_read_file (path, error);
      if (table == NULL)
        return NULL;
      sheet = sheet_new (sheet_name);
      g_ptr_array_add (wb->sheets, sheet);
      for (guint r = 0; r < table->rows->len; r++)
        {
          const JueCsvRow *row = table->rows->pdata[r];

          for (guint c = 0; c < row->cells->len; c++)
            {
              const char *text = row->cells->pdata[c];
              JueWbCell cell = { 0 };

              if (text == NULL || *text == '\0')
                continue;
              if (r >= JUE_WORKBOOK_MAX_ROWS || c >= JUE_WORKBOOK_MAX_COLUMNS
                  || ++wb->n_cells > JUE_WORKBOOK_MAX_CELLS)
                {
                  g_autofree char *shown = g_filename_display_name (path);
                  g_autofree char *why =
                    g_strdup_printf (_("it has more than %u rows, %u columns or %u cells"),
                                     JUE_WORKBOOK_MAX_ROWS, JUE_WORKBOOK_MAX_COLUMNS,
                                     JUE_WORKBOOK_MAX_CELLS);
                  refuse_large (error, shown, why);
                  return NULL;
                }
              cell.row = r;
              cell.column = c;
              if (jue_csv_is_number (text))
                {
                  cell.kind = JUE_WB_CELL_NUMBER;
                  cell.text = g_strdup (text);
                }
              else
                {
                  cell.kind = JUE_WB_CELL_TEXT;
                  cell.text = jue_csv_unguard (text);
                }
              g_array_append_val (sheet->cells, cell);
            }
        }
      sheet_finish (sheet);
    }
  return g_steal_pointer (&wb);
}
