/* jue-chart-draw.c — pies, bars and this-year-against-last bars with cairo
 * and pango (jue-chart-draw.h).  Every label is the chart's (Chinese, from
 * the phrase file); figures are core's.  Colours print distinctly in grey
 * too (they differ in lightness). */
#include "config.h"

#include <math.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "jue-amount.h"
#include "jue-chart-draw.h"

static const double palette[][3] = {
  { 0.122, 0.357, 0.604 },   /* deep blue */
  { 0.902, 0.490, 0.133 },   /* orange */
  { 0.302, 0.655, 0.420 },   /* green */
  { 0.757, 0.239, 0.290 },   /* red */
  { 0.553, 0.451, 0.749 },   /* violet */
  { 0.459, 0.733, 0.831 },   /* light blue */
  { 0.800, 0.690, 0.302 },   /* ochre */
  { 0.600, 0.600, 0.600 },   /* grey */
};
#define N_COLOURS G_N_ELEMENTS (palette)

static void
set_colour (cairo_t *cr,
            guint    i)
{
  const double *c = palette[i % N_COLOURS];
  cairo_set_source_rgb (cr, c[0], c[1], c[2]);
}

static PangoLayout *
layout_new (cairo_t    *cr,
            const char *text,
            double      size,
            gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (JUE_DOC_FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

/* Draws text with its top-left (align 0), top-centre (0.5) or top-right
 * (1) at (x, y); returns its height. */
static double
text_at (cairo_t    *cr,
         const char *text,
         double      x,
         double      y,
         double      size,
         gboolean    bold,
         double      align)
{
  PangoLayout *layout = layout_new (cr, text, size, bold);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - align * w, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  return h;
}

static double
text_width (cairo_t    *cr,
            const char *text,
            double      size)
{
  PangoLayout *layout = layout_new (cr, text, size, FALSE);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  g_object_unref (layout);
  return w;
}

static double
draw_title (const JueChart *chart,
            cairo_t        *cr,
            double          width,
            double          s)
{
  double h;

  cairo_set_source_rgb (cr, 0, 0, 0);
  h = text_at (cr, chart->caption, width / 2, 6 * s, 14 * s, TRUE, 0.5);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  text_at (cr, chart->unit, width - 8 * s, 6 * s + h + 2 * s, 9 * s, FALSE, 1);
  return 6 * s + h + 16 * s;
}

static void
draw_pie (const JueChart *chart,
          cairo_t        *cr,
          double          width,
          double          height,
          double          top,
          double          s)
{
  double r = MIN (width * 0.42, height - top - 10 * s) / 2;
  double cx = 14 * s + r, cy = top + (height - top) / 2;
  double angle = -G_PI / 2;
  double lx = cx + r + 24 * s, ly;
  double line = 16 * s;

  for (guint i = 0; i < chart->items->len; i++)
    {
      const JueChartItem *it = chart->items->pdata[i];
      double sweep = 2 * G_PI * (it->has_share ? it->share / 10000.0 : 0);

      set_colour (cr, i);
      cairo_new_path (cr);   /* no line from where the last text ended */
      if (sweep >= 2 * G_PI - 1e-9)
        cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      else
        {
          cairo_move_to (cr, cx, cy);
          cairo_arc (cr, cx, cy, r, angle, angle + sweep);
          cairo_close_path (cr);
        }
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1.2 * s);
      cairo_stroke (cr);
      /* the share on the slice when it has room */
      if (it->share_text && sweep > 0.35)
        {
          double mid = angle + sweep / 2;
          double tx = cx + cos (mid) * r * 0.62, ty = cy + sin (mid) * r * 0.62 - 6 * s;
          if (sweep >= 2 * G_PI - 1e-9)
            tx = cx, ty = cy - 6 * s;
          cairo_set_source_rgb (cr, 1, 1, 1);
          text_at (cr, it->share_text, tx, ty, 10 * s, TRUE, 0.5);
        }
      angle += sweep;
    }
  /* the legend: swatch, label, value and share */
  ly = cy - chart->items->len * line / 2;
  for (guint i = 0; i < chart->items->len; i++)
    {
      const JueChartItem *it = chart->items->pdata[i];
      g_autofree char *text = g_strdup_printf ("%s  %s  %s", it->label, it->value_text,
                                               it->share_text ? it->share_text : "");

      set_colour (cr, i);
      cairo_rectangle (cr, lx, ly + 3 * s, 9 * s, 9 * s);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      text_at (cr, text, lx + 14 * s, ly, 10 * s, FALSE, 0);
      ly += line;
    }
}

static void
draw_bars (const JueChart *chart,
           cairo_t        *cr,
           double          width,
           double          height,
           double          top,
           double          s)
{
  double label_w = 0, value_w = 0, max = 1, row, x0, bar_w;

  for (guint i = 0; i < chart->items->len; i++)
    {
      const JueChartItem *it = chart->items->pdata[i];
      g_autofree char *v = g_strdup_printf ("%s（%s）", it->value_text,
                                            it->share_text ? it->share_text : "");
      label_w = MAX (label_w, text_width (cr, it->label, 10 * s));
      value_w = MAX (value_w, text_width (cr, v, 10 * s));
      max = MAX (max, (double) it->value);
    }
  row = MIN (28 * s, (height - top - 8 * s) / MAX (1u, chart->items->len));
  x0 = 10 * s + label_w + 8 * s;
  bar_w = MAX (20 * s, width - x0 - value_w - 16 * s);
  for (guint i = 0; i < chart->items->len; i++)
    {
      const JueChartItem *it = chart->items->pdata[i];
      double y = top + i * row, len = bar_w * (it->value / max);
      g_autofree char *v = g_strdup_printf ("%s（%s）", it->value_text,
                                            it->share_text ? it->share_text : "");

      cairo_set_source_rgb (cr, 0, 0, 0);
      text_at (cr, it->label, x0 - 8 * s, y + row / 2 - 7 * s, 10 * s, FALSE, 1);
      set_colour (cr, 0);
      cairo_rectangle (cr, x0, y + row * 0.18, MAX (len, 1 * s), row * 0.64);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      text_at (cr, v, x0 + len + 6 * s, y + row / 2 - 7 * s, 10 * s, FALSE, 0);
    }
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  cairo_set_line_width (cr, 1 * s);
  cairo_move_to (cr, x0, top);
  cairo_line_to (cr, x0, top + chart->items->len * row);
  cairo_stroke (cr);
}

static void
draw_compare (const JueChart *chart,
              cairo_t        *cr,
              double          width,
              double          height,
              double          top,
              double          s)
{
  guint n = chart->items->len;
  double max = 1, base = height - 30 * s, plot_h, group_w, bar;

  for (guint i = 0; i < n; i++)
    {
      const JueChartItem *it = chart->items->pdata[i];
      max = MAX (max, MAX ((double) it->value, (double) it->previous));
    }
  /* the legend, top right under the unit */
  for (guint k = 0; k < 2; k++)
    {
      double lx = 14 * s + k * 80 * s;
      set_colour (cr, k == 0 ? 0 : 7);
      cairo_rectangle (cr, lx, top - 12 * s, 9 * s, 9 * s);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      text_at (cr, chart->series[k], lx + 13 * s, top - 15 * s, 10 * s, FALSE, 0);
    }
  top += 16 * s;
  plot_h = base - top;
  group_w = (width - 20 * s) / MAX (1u, n);
  bar = MIN (36 * s, group_w * 0.3);
  for (guint i = 0; i < n; i++)
    {
      const JueChartItem *it = chart->items->pdata[i];
      double gx = 10 * s + i * group_w + group_w / 2;
      const gint64 values[2] = { it->value, it->previous };
      const char *texts[2] = { it->value_text, it->previous_text };

      for (guint k = 0; k < 2; k++)
        {
          double h = plot_h * 0.85 * (values[k] / max);
          double x = gx - bar - 2 * s + k * (bar + 4 * s);

          set_colour (cr, k == 0 ? 0 : 7);
          cairo_rectangle (cr, x, base - h, bar, MAX (h, 0.8 * s));
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
          text_at (cr, texts[k], x + bar / 2, base - h - 13 * s, 8.5 * s, FALSE, 0.5);
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      text_at (cr, it->label, gx, base + 4 * s, 9 * s, FALSE, 0.5);
    }
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  cairo_set_line_width (cr, 1 * s);
  cairo_move_to (cr, 10 * s, base);
  cairo_line_to (cr, width - 10 * s, base);
  cairo_stroke (cr);
}

void
jue_chart_draw (const JueChart *chart,
                cairo_t        *cr,
                double          width,
                double          height)
{
  double s = width / JUE_CHART_WIDTH;   /* sizes below are at the natural width */
  double top;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  top = draw_title (chart, cr, width, s);
  if (chart->empty)
    {
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      text_at (cr, chart->empty_text, width / 2, (top + height) / 2 - 8 * s, 11 * s, FALSE, 0.5);
    }
  else if (chart->kind == JUE_CHART_PIE)
    draw_pie (chart, cr, width, height, top, s);
  else if (chart->kind == JUE_CHART_BARS)
    draw_bars (chart, cr, width, height, top, s);
  else
    draw_compare (chart, cr, width, height, top + 14 * s, s);
  cairo_restore (cr);
}

static gboolean
surface_error (cairo_surface_t *surface,
               const char      *filename,
               GError         **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, JUE_ERROR, JUE_ERROR_IO, _("%s could not be written: %s"), filename,
               cairo_status_to_string (status));
  return FALSE;
}

gboolean
jue_chart_write_png (const JueChart *chart,
                     const char     *filename,
                     double          scale,
                     GError        **error)
{
  /* natural size in points → pixels at 96 dpi */
  int w = (int) ceil (JUE_CHART_WIDTH / 0.75 * scale);
  int h = (int) ceil (JUE_CHART_HEIGHT / 0.75 * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  gboolean ok;

  jue_chart_draw (chart, cr, w, h);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, filename);
  ok = status == CAIRO_STATUS_SUCCESS;
  if (!ok)
    g_set_error (error, JUE_ERROR, JUE_ERROR_IO, _("%s could not be written: %s"), filename,
                 cairo_status_to_string (status));
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
jue_chart_write_svg (const JueChart *chart,
                     const char     *filename,
                     GError        **error)
{
  cairo_surface_t *surface = cairo_svg_surface_create (filename, JUE_CHART_WIDTH, JUE_CHART_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  gboolean ok;

  jue_chart_draw (chart, cr, JUE_CHART_WIDTH, JUE_CHART_HEIGHT);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = surface_error (surface, filename, error);
  cairo_surface_destroy (surface);
  return ok;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

char *
jue_chart_svg_string (const JueChart *chart)
{
  GString *out = g_string_new (NULL);
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (append_bytes, out,
                                                                  JUE_CHART_WIDTH,
                                                                  JUE_CHART_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  jue_chart_draw (chart, cr, JUE_CHART_WIDTH, JUE_CHART_HEIGHT);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_string_free (out, FALSE);
}
