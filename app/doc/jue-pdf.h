/* jue-pdf.h — the whole published document as a PDF (cairo PDF surface and
 * pango): A4, the CJK font embedded, a cover, a table of contents with page
 * numbers, page numbers, the Parts in the template's order (一 概况, 二 情况
 * 说明 with its charts, 三 名词解释, 四 附件: the self-evaluations, 五 附表:
 * the published tables, laid out by jue-render.c, split across pages with
 * their header rows repeated and no row cut), and — while errors or missing
 * items remain — a draft mark on every page that counts them.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "jue-document.h"

G_BEGIN_DECLS

/* explanations and classification may be NULL.  Unless force, refuses
 * (JUE_ERROR_EXISTS) an existing filename.  Written complete or not at all. */
gboolean    jue_export_pdf          (JueReport   *report,
                                     GHashTable  *explanations,
                                     GPtrArray   *classification,
                                     const char  *filename,
                                     gboolean     force,
                                     GError     **error);
gboolean    jue_export_pdf_document (JueDocument *document,
                                     const char  *filename,
                                     gboolean     force,
                                     GError     **error);

/* The same pages for printing (GtkPrintOperation): drawn once, then each
 * drawn onto any cairo context whose units are points, page i at (0, 0)
 * to (JUE_PAGE_WIDTH, JUE_PAGE_HEIGHT). */
#define JUE_PAGE_WIDTH  595.28   /* A4 in points */
#define JUE_PAGE_HEIGHT 841.89

typedef struct _JueDocPages JueDocPages;

JueDocPages *jue_doc_pages_new              (JueReport   *report,
                                             GHashTable  *explanations,
                                             GPtrArray   *classification);
JueDocPages *jue_doc_pages_new_for_document (JueDocument *document);
guint        jue_doc_pages_get_n            (JueDocPages *pages);
void         jue_doc_pages_draw             (JueDocPages *pages,
                                             guint        index,
                                             cairo_t     *cr);
void         jue_doc_pages_free             (JueDocPages *pages);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JueDocPages, jue_doc_pages_free)

G_END_DECLS
