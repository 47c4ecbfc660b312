/* jue-chart-draw.h — the document's charts drawn with cairo and pango
 * (figures and labels from jue-chart-data.h).  The same drawing goes to a
 * PNG, an SVG, a PDF page and a widget.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "jue-chart-data.h"

G_BEGIN_DECLS

/* The natural size of a chart, in points (1/72 inch; 1 px at 96 dpi is
 * 0.75 pt): what PNG and SVG are written at, and the aspect a page keeps. */
#define JUE_CHART_WIDTH  480.0
#define JUE_CHART_HEIGHT 270.0

/* The font family of the document (Noto CJK from Debian's fonts-noto-cjk;
 * the Flatpak manifest installs it: the runtime has no CJK font). */
#define JUE_DOC_FONT "Noto Sans CJK SC"

/* Draws chart into the rectangle (0, 0, width, height) of cr. */
void      jue_chart_draw       (const JueChart *chart,
                                cairo_t        *cr,
                                double          width,
                                double          height);
/* Writes chart as PNG (scale × the natural size in pixels at 96 dpi) or
 * SVG (text as glyph outlines, so any viewer shows it). */
gboolean  jue_chart_write_png  (const JueChart *chart,
                                const char     *filename,
                                double          scale,
                                GError        **error);
gboolean  jue_chart_write_svg  (const JueChart *chart,
                                const char     *filename,
                                GError        **error);
/* The SVG as a string (for the HTML export). */
char     *jue_chart_svg_string (const JueChart *chart);

G_END_DECLS
