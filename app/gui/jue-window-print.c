/* jue-window-print.c — Print… (Ctrl+P): the whole document through
 * GtkPrintOperation, with the print dialog's preview.  The pages are the
 * PDF export's, drawn by the same code (jue-pdf.h: recorded once when
 * printing begins, then each drawn on the printer's cairo context). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jue-pdf.h"
#include "jue-window-private.h"

static void
on_begin_print (GtkPrintOperation *op,
                GtkPrintContext   *context,
                JueWindow         *self)
{
  JueDocPages *pages;

  /* after the dialog: what was typed last is in it */
  jue_session_flush_fields (self->session);
  pages = jue_doc_pages_new_for_document (jue_session_get_document (self->session));
  gtk_print_operation_set_n_pages (op, (int) jue_doc_pages_get_n (pages));
  g_object_set_data_full (G_OBJECT (op), "jue-pages", pages,
                          (GDestroyNotify) jue_doc_pages_free);
}

static void
on_draw_page (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page_nr,
              JueWindow         *self)
{
  JueDocPages *pages = g_object_get_data (G_OBJECT (op), "jue-pages");
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = MIN (gtk_print_context_get_width (context) / JUE_PAGE_WIDTH,
                      gtk_print_context_get_height (context) / JUE_PAGE_HEIGHT);

  if (pages == NULL || page_nr < 0 || (guint) page_nr >= jue_doc_pages_get_n (pages))
    return;
  cairo_save (cr);
  /* A4 as it is; another paper: the page scaled to fit it */
  if (scale < 0.999 || scale > 1.001)
    cairo_scale (cr, scale, scale);
  jue_doc_pages_draw (pages, (guint) page_nr, cr);
  cairo_restore (cr);
}

/* Prints the open report (action: the dialog, a preview, or — with
 * export_filename — straight to a PDF file, as the tests do).  FALSE when
 * it failed (the user is told) or was cancelled. */
gboolean
jue_window_print (JueWindow               *self,
                  GtkPrintOperationAction  action,
                  const char              *export_filename)
{
  g_autoptr (GtkPrintOperation) op = NULL;
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr (GError) error = NULL;
  g_autofree char *base = NULL;
  GtkPrintSettings *settings;
  GtkPrintOperationResult result;

  if (self->session == NULL)
    return FALSE;
  op = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  base = g_path_get_basename (jue_window_get_filename (self));
  gtk_print_operation_set_job_name (op, base);
  settings = g_object_get_data (G_OBJECT (self), "jue-print-settings");
  if (settings)
    gtk_print_operation_set_print_settings (op, settings);
  if (export_filename)
    gtk_print_operation_set_export_filename (op, export_filename);
  g_signal_connect (op, "begin-print", G_CALLBACK (on_begin_print), self);
  g_signal_connect (op, "draw-page", G_CALLBACK (on_draw_page), self);

  result = gtk_print_operation_run (op, action, GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      jue_window_show_error (self, _("Could not print the document"),
                             error ? error->message : NULL);
      return FALSE;
    }
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && gtk_print_operation_get_print_settings (op))
    g_object_set_data_full (G_OBJECT (self), "jue-print-settings",
                            g_object_ref (gtk_print_operation_get_print_settings (op)),
                            g_object_unref);
  return result == GTK_PRINT_OPERATION_RESULT_APPLY ||
         result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS;
}

static void
on_print_action (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  jue_window_print (JUE_WINDOW (widget), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
}

void
jue_window_print_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print", NULL, on_print_action);
}
