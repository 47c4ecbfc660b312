/* jue-pdf.c — the published document as PDF (jue-pdf.h).
 *
 * One flow of blocks (headings, paragraphs, charts, tables) laid on A4
 * pages.  It runs twice: the first pass, to a PDF that is thrown away,
 * learns the page of each entry of the table of contents (and how many
 * pages the contents take); the second writes the file with them — or,
 * for printing, records each page (cairo recording surfaces) to be drawn
 * on the printer's cairo context: one drawing path for both.  Words come from the phrase file
 * ([document]); tables from jue-render.c; text from jue-narrative.c.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "jue-chart-data.h"
#include "jue-chart-draw.h"
#include "jue-checks.h"
#include "jue-completeness.h"
#include "jue-narrative.h"
#include "jue-pdf.h"
#include "jue-render.h"

#define PAGE_W   JUE_PAGE_WIDTH
#define PAGE_H   JUE_PAGE_HEIGHT
#define MARGIN_X 62.0
#define TOP      70.0
#define BOTTOM   (PAGE_H - 64.0)
#define TEXT_W   (PAGE_W - 2 * MARGIN_X)
#define BODY_PT  11.0
#define TABLE_PT 7.5

typedef struct {
  char  *title;
  guint  level;     /* 0 a Part, 1 an attachment or section */
  guint  page;
} TocEntry;

typedef struct {
  cairo_t          *cr;
  GPtrArray        *recorded;    /* NULL: pages go to cr's surface; else each
                                    page is a recording surface added here */
  const JuePhrases *phrases;
  char             *draft;       /* the draft mark, or NULL */
  GPtrArray        *toc;         /* TocEntry*, filled on the first pass */
  guint             toc_next;    /* entries met so far on this pass */
  guint             page;        /* physical page, from 1 */
  gboolean          numbered;    /* this page prints its number */
  double            y;
} Pdf;

/* ---- text -------------------------------------------------------------- */

static PangoLayout *
layout_new (Pdf        *p,
            const char *text,
            double      size,
            gboolean    bold,
            double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (p->cr);
  PangoFontDescription *font = pango_font_description_from_string (JUE_DOC_FONT);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* the same metrics whatever the surface (a PDF, a recorded page for
   * printing): the pages break at the same lines */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;
  pango_layout_get_extents (layout, NULL, NULL);
  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

/* ---- pages ------------------------------------------------------------- */

static void
start_page (Pdf     *p,
            gboolean numbered)
{
  if (p->recorded)
    {
      cairo_rectangle_t extents = { 0, 0, PAGE_W, PAGE_H };
      cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

      g_ptr_array_add (p->recorded, page);
      p->cr = cairo_create (page);
    }
  p->page++;
  p->numbered = numbered;
  p->y = TOP;
  if (p->draft)
    {
      PangoLayout *l = layout_new (p, p->draft, 10, TRUE, 0);
      int w, h;

      pango_layout_get_pixel_size (l, &w, &h);
      cairo_save (p->cr);
      cairo_set_source_rgb (p->cr, 0.80, 0.10, 0.10);
      cairo_set_line_width (p->cr, 1);
      cairo_rectangle (p->cr, PAGE_W - MARGIN_X - w - 12, 24, w + 12, h + 6);
      cairo_stroke (p->cr);
      cairo_move_to (p->cr, PAGE_W - MARGIN_X - w - 6, 27);
      pango_cairo_show_layout (p->cr, l);
      cairo_restore (p->cr);
      g_object_unref (l);
    }
}

static void
end_page (Pdf *p)
{
  if (p->numbered)
    {
      g_autofree char *n = g_strdup_printf ("— %u —", p->page);
      PangoLayout *l = layout_new (p, n, 9, FALSE, 0);
      int w, h;

      pango_layout_get_pixel_size (l, &w, &h);
      cairo_set_source_rgb (p->cr, 0, 0, 0);
      cairo_move_to (p->cr, (PAGE_W - w) / 2, PAGE_H - 40);
      pango_cairo_show_layout (p->cr, l);
      g_object_unref (l);
    }
  if (p->recorded)
    g_clear_pointer (&p->cr, cairo_destroy);
  else
    cairo_show_page (p->cr);
}

static void
new_page (Pdf *p)
{
  end_page (p);
  start_page (p, TRUE);
}

static void
ensure (Pdf   *p,
        double h)
{
  if (p->y + h > BOTTOM)
    new_page (p);
}

static void
toc_mark (Pdf        *p,
          const char *title,
          guint       level)
{
  TocEntry *e;

  if (p->toc_next < p->toc->len)
    e = p->toc->pdata[p->toc_next];
  else
    {
      e = g_new0 (TocEntry, 1);
      e->title = g_strdup (title);
      e->level = level;
      g_ptr_array_add (p->toc, e);
    }
  e->page = p->page;
  p->toc_next++;
}

/* A paragraph, broken across pages between lines.  indent: the first
 * line's indent in characters (两字缩进). */
static void
paragraph (Pdf        *p,
           const char *text,
           double      size,
           gboolean    bold,
           double      indent,
           double      align,   /* 0 left, 0.5 centre */
           double      space_after)
{
  PangoLayout *l = layout_new (p, text, size, bold, TEXT_W);
  PangoLayoutIter *it;

  pango_layout_set_indent (l, (int) (indent * size * PANGO_SCALE));
  pango_layout_set_spacing (l, (int) (size * 0.45 * PANGO_SCALE));
  if (align == 0.5)
    pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
  it = pango_layout_get_iter (l);
  do
    {
      PangoRectangle logical;
      int baseline = pango_layout_iter_get_baseline (it);
      int y0, y1;

      pango_layout_iter_get_line_yrange (it, &y0, &y1);
      pango_layout_iter_get_line_extents (it, NULL, &logical);
      ensure (p, (y1 - y0) / (double) PANGO_SCALE);
      cairo_set_source_rgb (p->cr, 0, 0, 0);
      cairo_move_to (p->cr, MARGIN_X + logical.x / (double) PANGO_SCALE,
                     p->y + (baseline - y0) / (double) PANGO_SCALE);
      pango_cairo_show_layout_line (p->cr, pango_layout_iter_get_line_readonly (it));
      p->y += (y1 - y0) / (double) PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (it));
  pango_layout_iter_free (it);
  g_object_unref (l);
  p->y += space_after;
}

static void
part_title (Pdf        *p,
            const char *title)
{
  new_page (p);
  toc_mark (p, title, 0);
  p->y += 10;
  paragraph (p, title, 18, TRUE, 0, 0.5, 18);
}

static void
heading (Pdf        *p,
         const char *text,
         gboolean    toc)
{
  ensure (p, 70);            /* a heading keeps with what follows */
  if (toc)
    toc_mark (p, text, 1);
  p->y += 4;
  paragraph (p, text, 12, TRUE, 0, 0, 6);
}

/* ---- tables ------------------------------------------------------------ */

typedef struct {
  guint   row, col, row_span, col_span;
  char   *text;
} HeadCell;

typedef struct {
  guint      n_cols;
  double    *widths;        /* points */
  guint      n_head_rows;
  GPtrArray *head;          /* HeadCell* */
  GPtrArray *rows;          /* GStrv, n_cols each */
  GArray    *note;          /* gboolean per row: one cell across the table */
  GArray    *numeric;       /* gboolean per column: right-aligned */
  GPtrArray *flags;         /* per row: guint8[n_cols] of CELL_* or NULL */
} Grid;

enum { CELL_MARK = 1, CELL_BOLD = 2 };   /* unreadable: as typed, in red */

static void
head_cell_free (HeadCell *h)
{
  g_free (h->text);
  g_free (h);
}

static Grid *
grid_new (guint n_cols)
{
  Grid *g = g_new0 (Grid, 1);

  g->n_cols = n_cols;
  g->widths = g_new0 (double, n_cols);
  g->head = g_ptr_array_new_with_free_func ((GDestroyNotify) head_cell_free);
  g->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g->note = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g->numeric = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_array_set_size (g->numeric, n_cols);
  g->flags = g_ptr_array_new_with_free_func (g_free);
  return g;
}

static void
grid_free (Grid *g)
{
  g_free (g->widths);
  g_ptr_array_unref (g->head);
  g_ptr_array_unref (g->rows);
  g_array_unref (g->note);
  g_array_unref (g->numeric);
  g_ptr_array_unref (g->flags);
  g_free (g);
}

static void
grid_head (Grid       *g,
           guint       row,
           guint       col,
           guint       row_span,
           guint       col_span,
           const char *text)
{
  HeadCell *h = g_new0 (HeadCell, 1);

  h->row = row, h->col = col, h->row_span = MAX (1u, row_span), h->col_span = MAX (1u, col_span);
  h->text = g_strdup (text ? text : "");
  g_ptr_array_add (g->head, h);
  g->n_head_rows = MAX (g->n_head_rows, row + h->row_span);
}

/* Column widths in proportion to the characters each needs (at least 4). */
static void
grid_fit (Grid          *g,
          const double  *chars)
{
  double sum = 0;

  for (guint i = 0; i < g->n_cols; i++)
    sum += MAX (4.0, chars[i]);
  for (guint i = 0; i < g->n_cols; i++)
    g->widths[i] = TEXT_W * MAX (4.0, chars[i]) / sum;
}

static double
col_x (Grid *g,
       guint col)
{
  double x = MARGIN_X;
  for (guint i = 0; i < col; i++)
    x += g->widths[i];
  return x;
}

static double
span_w (Grid *g,
        guint col,
        guint span)
{
  double w = 0;
  for (guint i = col; i < col + span && i < g->n_cols; i++)
    w += g->widths[i];
  return w;
}

static double
cell_text_h (Pdf        *p,
             const char *text,
             double      width,
             gboolean    bold)
{
  PangoLayout *l = layout_new (p, text, TABLE_PT, bold, width - 4);
  double h = layout_height (l);

  g_object_unref (l);
  return h + 5;
}

static void
cell_draw (Pdf        *p,
           const char *text,
           double      x,
           double      y,
           double      w,
           double      h,
           gboolean    bold,
           double      align,
           gboolean    mark)
{
  PangoLayout *l = layout_new (p, text, TABLE_PT, bold, w - 4);
  double th = layout_height (l);

  if (align == 1)
    pango_layout_set_alignment (l, PANGO_ALIGN_RIGHT);
  else if (align == 0.5)
    pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (p->cr, 0, 0, 0);
  cairo_set_line_width (p->cr, 0.5);
  cairo_rectangle (p->cr, x, y, w, h);
  cairo_stroke (p->cr);
  if (mark)
    cairo_set_source_rgb (p->cr, 0.8, 0.1, 0.1);
  cairo_move_to (p->cr, x + 2, y + (h - th) / 2);
  pango_cairo_show_layout (p->cr, l);
  g_object_unref (l);
}

/* The header rows; returns their height. */
static double
grid_head_height (Pdf   *p,
                  Grid  *g,
                  double *row_h)
{
  double total = 0;

  for (guint r = 0; r < g->n_head_rows; r++)
    row_h[r] = 14;
  for (guint i = 0; i < g->head->len; i++)
    {
      HeadCell *h = g->head->pdata[i];
      double need = cell_text_h (p, h->text, span_w (g, h->col, h->col_span), TRUE) / h->row_span;
      for (guint r = h->row; r < h->row + h->row_span; r++)
        row_h[r] = MAX (row_h[r], need);
    }
  for (guint r = 0; r < g->n_head_rows; r++)
    total += row_h[r];
  return total;
}

static void
grid_draw_head (Pdf    *p,
                Grid   *g,
                double *row_h)
{
  for (guint i = 0; i < g->head->len; i++)
    {
      HeadCell *h = g->head->pdata[i];
      double y = p->y, hh = 0;

      for (guint r = 0; r < h->row; r++)
        y += row_h[r];
      for (guint r = h->row; r < h->row + h->row_span; r++)
        hh += row_h[r];
      cairo_set_source_rgb (p->cr, 0.93, 0.93, 0.93);
      cairo_rectangle (p->cr, col_x (g, h->col), y, span_w (g, h->col, h->col_span), hh);
      cairo_fill (p->cr);
      cell_draw (p, h->text, col_x (g, h->col), y, span_w (g, h->col, h->col_span), hh, TRUE, 0.5,
                 FALSE);
    }
  for (guint r = 0; r < g->n_head_rows; r++)
    p->y += row_h[r];
}

/* Draws the grid from p->y; a row that does not fit goes to the next page
 * whole, under the header rows again. */
static void
grid_draw (Pdf  *p,
           Grid *g)
{
  g_autofree double *head_h = g_new0 (double, MAX (1u, g->n_head_rows));
  double head = grid_head_height (p, g, head_h);
  gboolean first = TRUE;

  for (guint r = 0; r < g->rows->len; r++)
    {
      char **cells = g->rows->pdata[r];
      gboolean note = g_array_index (g->note, gboolean, r);
      const guint8 *flags = g->flags->pdata[r];
      double h = 14;

      for (guint c = 0; c < (note ? 1 : g->n_cols); c++)
        h = MAX (h, cell_text_h (p, cells[c], note ? TEXT_W : g->widths[c],
                                 flags && (flags[c] & CELL_BOLD)));
      if (first || p->y + h > BOTTOM)
        {
          if (!first || p->y + head + h > BOTTOM)
            new_page (p);
          grid_draw_head (p, g, head_h);
          first = FALSE;
        }
      if (note)
        cell_draw (p, cells[0], MARGIN_X, p->y, TEXT_W, h, FALSE, 0.5, FALSE);
      else
        for (guint c = 0; c < g->n_cols; c++)
          cell_draw (p, cells[c], col_x (g, c), p->y, g->widths[c], h,
                     flags && (flags[c] & CELL_BOLD),
                     g_array_index (g->numeric, gboolean, c) ? 1 : 0,
                     flags && (flags[c] & CELL_MARK));
      p->y += h;
    }
  if (g->rows->len == 0)
    grid_draw_head (p, g, head_h);
}

static Grid *
grid_from_rendered (const JueRenderedTable *t)
{
  Grid *g = grid_new (t->n_columns);
  g_autofree double *chars = g_new0 (double, t->n_columns);

  for (guint i = 0; i < t->n_columns; i++)
    {
      const JueRenderedColumn *col = t->columns->pdata[i];
      chars[i] = col->width;
      g_array_index (g->numeric, gboolean, i) =
        col->kind == JUE_RENDER_CELL_AMOUNT || col->kind == JUE_RENDER_CELL_COUNT;
    }
  grid_fit (g, chars);
  for (guint i = 0; i < t->header->len; i++)
    {
      const JueRenderedHeaderCell *h = t->header->pdata[i];
      grid_head (g, h->row, h->col, h->row_span, h->col_span, h->text);
    }
  for (guint r = 0; r < t->rows->len; r++)
    {
      const JueRenderedRow *row = t->rows->pdata[r];
      char **cells = g_new0 (char *, t->n_columns + 1);
      guint8 *flags = g_new0 (guint8, t->n_columns);
      gboolean note = row->kind == JUE_RENDER_ROW_NOTE;

      for (guint c = 0; c < t->n_columns; c++)
        {
          const JueRenderedCell *cell = row->cells->pdata[c];
          cells[c] = g_strdup (cell->text ? cell->text : "");
          flags[c] = (cell->unreadable ? CELL_MARK : 0) | (cell->emphasis ? CELL_BOLD : 0);
        }
      g_ptr_array_add (g->rows, cells);
      g_ptr_array_add (g->flags, flags);
      g_array_append_val (g->note, note);
    }
  return g;
}

static void
published_table (Pdf                    *p,
                 const JueRenderedTable *t)
{
  g_autofree char *title = g_strdup_printf ("%s %s", t->number, t->title);
  PangoLayout *l;
  int w, h;
  Grid *g;

  new_page (p);
  toc_mark (p, title, 1);
  paragraph (p, t->title, 14, TRUE, 0, 0.5, 2);
  l = layout_new (p, t->number, 9, FALSE, 0);
  pango_layout_get_pixel_size (l, &w, &h);
  cairo_move_to (p->cr, PAGE_W - MARGIN_X - w, p->y);
  pango_cairo_show_layout (p->cr, l);
  g_object_unref (l);
  p->y += h + 2;
  l = layout_new (p, t->unit_name, 9, FALSE, 0);
  cairo_move_to (p->cr, MARGIN_X, p->y);
  pango_cairo_show_layout (p->cr, l);
  g_object_unref (l);
  l = layout_new (p, t->unit, 9, FALSE, 0);
  pango_layout_get_pixel_size (l, &w, &h);
  cairo_move_to (p->cr, PAGE_W - MARGIN_X - w, p->y);
  pango_cairo_show_layout (p->cr, l);
  g_object_unref (l);
  p->y += h + 4;
  g = grid_from_rendered (t);
  grid_draw (p, g);
  grid_free (g);
  if (t->note && *t->note)
    {
      p->y += 4;
      paragraph (p, t->note, 8, FALSE, 0, 0, 0);
    }
}

/* ---- the Parts ------------------------------------------------------------ */

static void
narrative_part (Pdf                    *p,
                const JueNarrativePart *part,
                GPtrArray              *charts)
{
  part_title (p, part->title);
  for (guint k = 0; k < part->sections->len; k++)
    {
      const JueNarrativeSection *s = part->sections->pdata[k];

      if (s->heading && *s->heading)
        heading (p, s->heading, g_str_has_prefix (part->id, "part2")
                                && !g_str_has_prefix (s->heading, "（")
                                && !g_ascii_isdigit (s->heading[0]));
      for (guint i = 0; i < s->paragraphs->len; i++)
        paragraph (p, s->paragraphs->pdata[i], BODY_PT, FALSE, 2, 0, 5);
      if (s->figure)
        for (guint c = 0; c < charts->len; c++)
          {
            const JueChart *chart = charts->pdata[c];
            double h = TEXT_W * JUE_CHART_HEIGHT / JUE_CHART_WIDTH;

            if (strcmp (chart->id, s->figure) != 0)
              continue;
            ensure (p, h + 8);
            cairo_save (p->cr);
            cairo_translate (p->cr, MARGIN_X, p->y);
            jue_chart_draw (chart, p->cr, TEXT_W, h);
            cairo_restore (p->cr);
            p->y += h + 10;
          }
    }
}

static const char *
indicator_text (gpointer     row,
                const char  *field,
                char       **owned)
{
  JueFieldRef ref = { NULL, NULL, -1, &JueIndicator_def };

  for (guint i = 0; i < JueIndicator_def.n_fields; i++)
    if (strcmp (JueIndicator_def.fields[i].name, field) == 0)
      {
        ref.def = &JueIndicator_def.fields[i];
        ref.ptr = (guint8 *) row + ref.def->offset;
      }
  if (ref.def == NULL)
    return "";
  *owned = jue_field_get_text (&ref);
  return *owned;
}

/* What text is wide on one line, in points, at size. */
static double
text_width (Pdf        *p,
            const char *text,
            double      size)
{
  PangoLayout *l = layout_new (p, text, size, FALSE, 0);
  int w, h;

  pango_layout_get_pixel_size (l, &w, &h);
  g_object_unref (l);
  return w;
}

/* Room around a cell's text: cell_draw's 2 points each side, and slack */
#define CELL_ROOM 7.0
/* A column whose longest text is at most this wide (points) gets all of it */
#define SHORT_COLUMN 60.0

/* Columns sized by what they hold, measured in the table's font: a column
 * whose longest text is short gets all of it and never wraps (产出指标, 定性,
 * 万元, 591，230); the columns of sentences (三级指标, 指标值) share the rest
 * by their average length, none wider than its longest text — so a column
 * of sentences is not squeezed to five lines a cell while a column of
 * short names has room to spare.  A heading wraps, two characters at least
 * a line. */
static void
grid_fit_content (Pdf                *p,
                  Grid               *g,
                  const double       *longest,
                  const double       *total,
                  guint               n_rows)
{
  /* widths in points on the page (layout, not money) */
  g_autofree double *want = g_new0 (double, g->n_cols);
  g_autofree double *weight = g_new0 (double, g->n_cols);
  g_autofree gboolean *flex = g_new0 (gboolean, g->n_cols);
  double fixed = 0, flexible = 0;
  /* a heading wraps, two characters a line at least */
  double head = text_width (p, "权重", TABLE_PT);

  for (guint c = 0; c < g->n_cols; c++)
    {
      double average = n_rows ? total[c] / n_rows : 0;

      want[c] = MAX (longest[c], head) + CELL_ROOM;
      flex[c] = longest[c] > SHORT_COLUMN;
      weight[c] = MAX (average, SHORT_COLUMN);
      if (flex[c])
        flexible += weight[c];
      else
        fixed += want[c];
    }
  if (fixed >= TEXT_W * 0.8 || flexible == 0)
    {
      /* nothing long, or too many columns: by what each wants */
      double sum = fixed + flexible;
      for (guint c = 0; c < g->n_cols; c++)
        g->widths[c] = TEXT_W * (flex[c] ? weight[c] : want[c]) / sum;
      return;
    }
  /* the long columns share what is left, none wider than it wants; what
   * one does not take goes to the others */
  for (gboolean again = TRUE; again;)
    {
      double left = TEXT_W - fixed;

      again = FALSE;
      for (guint c = 0; c < g->n_cols; c++)
        if (flex[c] && left * weight[c] / flexible > want[c])
          {
            flex[c] = FALSE;
            fixed += want[c];
            flexible -= weight[c];
            again = flexible > 0;
          }
    }
  for (guint c = 0; c < g->n_cols; c++)
    g->widths[c] = flex[c] ? (TEXT_W - fixed) * weight[c] / flexible : want[c];
  if (flexible == 0)
    {
      /* every column got all it wants: the table's width spread on them */
      double sum = 0;
      for (guint c = 0; c < g->n_cols; c++)
        sum += g->widths[c];
      for (guint c = 0; c < g->n_cols; c++)
        g->widths[c] *= TEXT_W / sum;
    }
}

static void
indicator_table (Pdf        *p,
                 GPtrArray  *indicators)
{
  static const char * const fields[] = { "level1", "level2", "name", "nature", "target", "unit",
                                         "weight", "actual" };
  static const char * const heads[] = { "一级指标", "二级指标", "三级指标", "指标性质", "指标值",
                                        "度量单位", "权重", "实际完成值" };
  double longest[G_N_ELEMENTS (fields)] = { 0 };
  double total[G_N_ELEMENTS (fields)] = { 0 };
  Grid *g = grid_new (G_N_ELEMENTS (fields));

  g_array_index (g->numeric, gboolean, 6) = TRUE;
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    grid_head (g, 0, c, 1, 1, heads[c]);
  for (guint r = 0; r < indicators->len; r++)
    {
      char **cells = g_new0 (char *, G_N_ELEMENTS (fields) + 1);
      gboolean no = FALSE;

      for (guint c = 0; c < G_N_ELEMENTS (fields); c++)
        {
          char *owned = NULL;
          double width;

          indicator_text (indicators->pdata[r], fields[c], &owned);
          cells[c] = owned ? owned : g_strdup ("");
          width = text_width (p, cells[c], TABLE_PT);
          longest[c] = MAX (longest[c], width);
          total[c] += width;
        }
      g_ptr_array_add (g->rows, cells);
      g_ptr_array_add (g->flags, NULL);
      g_array_append_val (g->note, no);
    }
  grid_fit_content (p, g, longest, total, indicators->len);
  grid_draw (p, g);
  grid_free (g);
  p->y += 8;
}

static void
text_sections (Pdf       *p,
               GPtrArray *sections)
{
  for (guint i = 0; i < sections->len; i++)
    {
      JueTextSection *s = sections->pdata[i];
      g_auto (GStrv) paras = g_strsplit (s->body ? s->body : "", "\n", -1);

      if (s->title && *s->title)
        heading (p, s->title, FALSE);
      for (guint k = 0; paras[k]; k++)
        if (*g_strstrip (paras[k]))
          paragraph (p, paras[k], BODY_PT, FALSE, 2, 0, 5);
    }
}

static void
attachments (Pdf             *p,
             const JueReport *report,
             const char      *title)
{
  guint n = 1;
  g_autofree char *a1 = g_strdup_printf ("附件%u", n++);
  g_autofree char *t1 = jue_narrative_dept_eval_title (report);
  g_autofree char *e1 = g_strdup_printf ("%s  %s", a1, t1);

  part_title (p, title);
  toc_mark (p, e1, 1);     /* the contents name each attachment */
  paragraph (p, a1, 12, TRUE, 0, 0, 4);
  paragraph (p, t1, 15, TRUE, 0, 0.5, 10);
  text_sections (p, report->dept_eval.sections);
  if (report->dept_eval.indicators->len)
    {
      heading (p, "绩效指标完成情况", FALSE);
      indicator_table (p, report->dept_eval.indicators);
    }
  for (guint i = 0; i < report->special_funds->len; i++)
    {
      JueSpecialFund *f = report->special_funds->pdata[i];
      g_autofree char *an = g_strdup_printf ("附件%u", n++);
      const char *t = f->title && *f->title ? f->title : f->project_name;
      g_autofree char *en = g_strdup_printf ("%s  %s", an, t ? t : "");

      new_page (p);
      toc_mark (p, g_strstrip (en), 1);
      paragraph (p, an, 12, TRUE, 0, 0, 4);
      paragraph (p, t ? t : "", 15, TRUE, 0, 0.5, 10);
      text_sections (p, f->sections);
      if (f->indicators->len)
        {
          heading (p, "绩效指标完成情况", FALSE);
          indicator_table (p, f->indicators);
        }
    }
}

static void
tables (Pdf               *p,
        const JueReport   *report,
        const JueComputed *computed,
        const char        *title)
{
  const JueTemplate *tmpl = jue_render_report_template (report, NULL);

  part_title (p, title);
  p->y = BOTTOM;   /* each table starts on its own page */
  for (guint i = 0; i < jue_template_n_tables (tmpl); i++)
    {
      g_autoptr (JueRenderedTable) t = jue_render_table (tmpl, i, report, computed);
      published_table (p, t);
    }
}

static void
cover (Pdf             *p,
       const JueReport *report,
       GHashTable      *vars)
{
  g_autofree char *title = jue_phrases_expand (p->phrases, "document", "cover", vars, NULL);
  g_autofree char *sub = jue_phrases_expand (p->phrases, "document", "cover_unit", vars, NULL);

  start_page (p, FALSE);
  p->y = PAGE_H * 0.3;
  paragraph (p, title, 26, TRUE, 0, 0.5, 40);
  p->y = PAGE_H * 0.62;
  paragraph (p, sub, 15, FALSE, 0, 0.5, 10);
}

/* The contents: its title, then one line per entry with its page and dot
 * leaders, on as many pages as it takes (a ×20 report has hundreds of
 * attachments).  contents_pages counts those pages with the same heights
 * and breaks, before the pages after them are numbered. */
#define TOC_TITLE_PT 18.0
/* contents pages carry no page number: their lines may go lower */
#define TOC_BOTTOM (PAGE_H - 30.0)
#define TOC_TITLE_SPACE 16.0

static PangoLayout *
toc_title_layout (Pdf        *p,
                  const char *title)
{
  PangoLayout *l = layout_new (p, title, TOC_TITLE_PT, TRUE, TEXT_W);

  pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
  return l;
}

#define TOC_GAP(e) ((e)->level == 0 ? 7.0 : 3.0)

/* An entry's two layouts; returns the height of its line. */
static double
toc_entry_layouts (Pdf          *p,
                   TocEntry     *e,
                   PangoLayout **title,
                   PangoLayout **number)
{
  double size = e->level == 0 ? 11.5 : 10;
  double indent = e->level == 0 ? 0 : 24;
  g_autofree char *n = g_strdup_printf ("%u", e->page);
  int w, h;

  *title = layout_new (p, e->title, size, e->level == 0, TEXT_W - indent - 40);
  *number = layout_new (p, n, size, FALSE, 0);
  pango_layout_get_pixel_size (*title, &w, &h);
  return h;
}

static guint
contents_pages (Pdf        *p,
                const char *title)
{
  PangoLayout *tl = toc_title_layout (p, title);
  double y = TOP + layout_height (tl) + TOC_TITLE_SPACE;
  guint pages = 1;

  g_object_unref (tl);
  for (guint i = 0; i < p->toc->len; i++)
    {
      PangoLayout *l, *pn;
      double h = toc_entry_layouts (p, p->toc->pdata[i], &l, &pn);

      g_object_unref (l);
      g_object_unref (pn);
      if (y + h > TOC_BOTTOM)
        {
          pages++;
          y = TOP;
        }
      y += h + TOC_GAP ((TocEntry *) p->toc->pdata[i]);
    }
  return pages;
}

static void
contents (Pdf        *p,
          const char *title)
{
  PangoLayout *tl = toc_title_layout (p, title);

  end_page (p);
  start_page (p, FALSE);
  cairo_set_source_rgb (p->cr, 0, 0, 0);
  cairo_move_to (p->cr, MARGIN_X, p->y);
  pango_cairo_show_layout (p->cr, tl);
  p->y += layout_height (tl) + TOC_TITLE_SPACE;
  g_object_unref (tl);
  for (guint i = 0; i < p->toc->len; i++)
    {
      TocEntry *e = p->toc->pdata[i];
      double indent = e->level == 0 ? 0 : 24;
      PangoLayout *l, *pn;
      double line = toc_entry_layouts (p, e, &l, &pn);
      int w, h, nw, nh;

      if (p->y + line > TOC_BOTTOM)
        {
          end_page (p);
          start_page (p, FALSE);
        }
      pango_layout_get_pixel_size (l, &w, &h);
      pango_layout_get_pixel_size (pn, &nw, &nh);
      cairo_set_source_rgb (p->cr, 0, 0, 0);
      cairo_move_to (p->cr, MARGIN_X + indent, p->y);
      pango_cairo_show_layout (p->cr, l);
      cairo_move_to (p->cr, PAGE_W - MARGIN_X - nw, p->y);
      pango_cairo_show_layout (p->cr, pn);
      /* dot leaders */
      cairo_set_line_width (p->cr, 0.6);
      cairo_set_dash (p->cr, (double[]) { 0.6, 2.4 }, 2, 0);
      cairo_move_to (p->cr, MARGIN_X + indent + w + 4, p->y + h - 4);
      cairo_line_to (p->cr, PAGE_W - MARGIN_X - nw - 4, p->y + h - 4);
      cairo_stroke (p->cr);
      cairo_set_dash (p->cr, NULL, 0, 0);
      g_object_unref (l);
      g_object_unref (pn);
      p->y += line + TOC_GAP (e);
    }
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* One pass over the whole document: onto surface's pages or, surface
 * NULL, each page recorded into p->recorded.  Returns how many pages the
 * contents take with the entries met. */
static guint
write_document (Pdf               *p,
                cairo_surface_t   *surface,
                const JueReport   *report,
                const JueComputed *computed,
                GPtrArray         *classification)
{
  g_autoptr (JueNarrative) n = jue_narrative_new (report, computed, classification);
  g_autoptr (GPtrArray) charts = jue_charts_new (report, computed, classification);
  g_autoptr (GHashTable) vars = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_auto (GStrv) order = jue_phrases_list (p->phrases, "document", "order");
  g_autofree char *contents_title = NULL;
  guint toc_pages;

  g_hash_table_insert (vars, "dept", g_strdup (report->profile.name ? report->profile.name : ""));
  g_hash_table_insert (vars, "year", jue_integer_canonical (report->profile.year));
  contents_title = jue_phrases_expand (p->phrases, "document", "contents", vars, NULL);
  p->cr = surface ? cairo_create (surface) : NULL;
  p->page = 0;
  p->toc_next = 0;
  cover (p, report, vars);
  contents (p, contents_title ? contents_title : "");
  for (guint i = 0; order && order[i]; i++)
    {
      const JueNarrativePart *part = jue_narrative_get_part (n, order[i]);
      g_autofree char *key = g_strconcat (order[i], "_title", NULL);
      g_autofree char *title = jue_phrases_expand (p->phrases, "document", key, vars, NULL);

      if (part)
        narrative_part (p, part, charts);
      else if (strcmp (order[i], "attachments") == 0)
        attachments (p, report, title ? title : "");
      else if (strcmp (order[i], "tables") == 0)
        tables (p, report, computed, title ? title : "");
    }
  toc_pages = contents_pages (p, contents_title ? contents_title : "");
  end_page (p);
  if (surface)
    cairo_destroy (p->cr);
  p->cr = NULL;
  return toc_pages;
}

static void
toc_entry_free (TocEntry *e)
{
  g_free (e->title);
  g_free (e);
}

/* "草稿：1 个错误，7 项未填" while errors or missing items remain. */
static char *
draft_mark (const JueReport *report,
            const JuePhrases *phrases,
            GHashTable      *explanations,
            GPtrArray       *classification)
{
  g_autoptr (GPtrArray) findings = jue_check_report (report, classification, explanations);
  g_autoptr (JueCompleteness) c = jue_completeness_new (report);
  g_autoptr (GHashTable) vars = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  guint errors = 0;

  for (guint i = 0; i < findings->len; i++)
    if (((JueFinding *) findings->pdata[i])->severity == JUE_SEVERITY_ERROR)
      errors++;
  if (errors == 0 && c->missing->len == 0)
    return NULL;
  g_hash_table_insert (vars, "errors", g_strdup_printf ("%u", errors));
  g_hash_table_insert (vars, "missing", g_strdup_printf ("%u", c->missing->len));
  return jue_phrases_expand (phrases, "document", "draft", vars, NULL);
}

/* The first pass, to a PDF that is thrown away: the page of each entry of
 * the contents, moved on by the pages the contents take beyond one. */
static void
document_begin (Pdf               *p,
                const JueReport   *report,
                const JueComputed *computed,
                GHashTable        *explanations,
                GPtrArray         *classification)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, NULL, PAGE_W, PAGE_H);
  guint toc_pages;

  p->phrases = jue_narrative_phrases_for (report);
  p->toc = g_ptr_array_new_with_free_func ((GDestroyNotify) toc_entry_free);
  p->draft = draft_mark (report, p->phrases, explanations, classification);
  toc_pages = write_document (p, surface, report, computed, classification);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  for (guint i = 0; i < p->toc->len; i++)
    ((TocEntry *) p->toc->pdata[i])->page += toc_pages - 1;
}

static void
document_end (Pdf *p)
{
  g_clear_pointer (&p->draft, g_free);
  g_clear_pointer (&p->toc, g_ptr_array_unref);
}

gboolean
jue_export_pdf (JueReport   *report,
                GHashTable  *explanations,
                GPtrArray   *classification,
                const char  *filename,
                gboolean     force,
                GError     **error)
{
  g_autoptr (JueComputed) computed = jue_computed_new ();
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Pdf p = { 0 };

  if (!force && g_file_test (filename, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_EXISTS,
                   _("%s already exists; nothing was exported"), filename);
      return FALSE;
    }
  jue_computed_update (computed, report);
  document_begin (&p, report, computed, explanations, classification);

  /* the second pass: the file, through a temporary one renamed into place */
  tmp = g_strdup_printf ("%s.tmp", filename);
  surface = cairo_pdf_surface_create (tmp, PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  report->profile.name ? report->profile.name : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Juesuan");
  write_document (&p, surface, report, computed, classification);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  document_end (&p);
  if (status != CAIRO_STATUS_SUCCESS || g_rename (tmp, filename) != 0)
    {
      g_unlink (tmp);
      g_set_error (error, JUE_ERROR, JUE_ERROR_IO, _("%s could not be written: %s"), filename,
                   status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status)
                                                  : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

struct _JueDocPages {
  GPtrArray *pages;   /* cairo_surface_t*: recording surfaces, one a page */
};

JueDocPages *
jue_doc_pages_new (JueReport  *report,
                   GHashTable *explanations,
                   GPtrArray  *classification)
{
  g_autoptr (JueComputed) computed = jue_computed_new ();
  JueDocPages *pages = g_new0 (JueDocPages, 1);
  Pdf p = { 0 };

  g_return_val_if_fail (report != NULL, NULL);
  jue_computed_update (computed, report);
  document_begin (&p, report, computed, explanations, classification);
  p.recorded = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  write_document (&p, NULL, report, computed, classification);
  pages->pages = g_steal_pointer (&p.recorded);
  document_end (&p);
  return pages;
}

JueDocPages *
jue_doc_pages_new_for_document (JueDocument *document)
{
  return jue_doc_pages_new (jue_document_get_report (document),
                            jue_document_get_explanations (document),
                            jue_document_get_classification (document));
}

guint
jue_doc_pages_get_n (JueDocPages *pages)
{
  g_return_val_if_fail (pages != NULL, 0);
  return pages->pages->len;
}

void
jue_doc_pages_draw (JueDocPages *pages,
                    guint        index,
                    cairo_t     *cr)
{
  g_return_if_fail (pages != NULL && index < pages->pages->len);
  cairo_save (cr);
  cairo_set_source_surface (cr, pages->pages->pdata[index], 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

void
jue_doc_pages_free (JueDocPages *pages)
{
  if (pages == NULL)
    return;
  g_ptr_array_unref (pages->pages);
  g_free (pages);
}

gboolean
jue_export_pdf_document (JueDocument *document,
                         const char  *filename,
                         gboolean     force,
                         GError     **error)
{
  return jue_export_pdf (jue_document_get_report (document),
                         jue_document_get_explanations (document),
                         jue_document_get_classification (document),
                         filename, force, error);
}
