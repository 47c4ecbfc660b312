/* jue-window-files.c — the window's file actions: new, open, open for
 * review, recent files, save a copy, CSV import and export, and loading
 * the year's classification table. */
#include "config.h"
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>

#include "jue-checks.h"
#include "jue-export.h"
#include "jue-export-xlsx.h"
#include "jue-pdf.h"
#include "jue-import.h"
#include "jue-render.h"
#include "jue-workbook-import.h"
#include "jue-checks.h"
#include "jue-tsv.h"
#include "jue-window-private.h"

#define MAX_RECENT 10
#define SCHEMA_ID  "io.github.juesuan.Juesuan"

/* ---- settings --------------------------------------------------------- */

/* The installed schema, or the one compiled in the build tree when the
 * program runs uninstalled; NULL (settings not kept) when neither exists. */
GSettings *
jue_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettingsSchemaSource) build = NULL;

  if (source)
    schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);
  if (schema == NULL)
    {
      build = g_settings_schema_source_new_from_directory (BUILD_ROOT "/resources", source,
                                                           FALSE, NULL);
      if (build)
        schema = g_settings_schema_source_lookup (build, SCHEMA_ID, TRUE);
    }
  if (schema == NULL)
    {
      g_warning ("GSettings schema %s not found; window size and recent files are not kept",
                 SCHEMA_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

/* ---- recent files ----------------------------------------------------- */

void
jue_window_add_recent (JueWindow  *self,
                       const char *filename)
{
  g_autoptr (GFile) file = g_file_new_for_path (filename);
  g_autofree char *uri = g_file_get_uri (file);
  g_auto (GStrv) old = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) list = NULL;
  guint n = 1;

  if (self->settings == NULL)
    return;
  old = g_settings_get_strv (self->settings, "recent-files");
  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] && n < MAX_RECENT; i++)
    if (!g_str_equal (old[i], uri))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  list = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) list);
}

static void
on_recent_activated (GtkListBox    *box,
                     GtkListBoxRow *row,
                     JueWindow     *self)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-recent", "s", uri);
}

void
jue_window_update_recent (JueWindow *self)
{
  g_auto (GStrv) uris = NULL;
  GtkWidget *child;
  guint shown = 0;

  g_menu_remove_all (self->recent_menu);
  while ((child = gtk_widget_get_first_child (self->recent_list)))
    gtk_list_box_remove (GTK_LIST_BOX (self->recent_list), child);
  if (self->settings)
    uris = g_settings_get_strv (self->settings, "recent-files");
  for (guint i = 0; uris && uris[i]; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_uri (uris[i]);
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *base = g_file_get_basename (file);
      g_autofree char *dir = path ? g_path_get_dirname (path) : NULL;
      g_autoptr (GMenuItem) item = NULL;
      GtkWidget *row;

      if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      item = g_menu_item_new (base, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (uris[i]));
      g_menu_append_item (self->recent_menu, item);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), base);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dir);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uris[i]), g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->recent_list), row);
      shown++;
    }
  gtk_widget_set_visible (self->recent_list, shown > 0);
}

/* ---- opening ---------------------------------------------------------- */

/* Another report in this window would lose what was typed and could not be
 * written: written now if it can be, else the window stays as it is. */
static gboolean
refuse_unsaved (JueWindow *self)
{
  g_autoptr (GError) error = NULL;
  guint n;

  if (self->session == NULL || jue_session_count_unsaved (self->session) == 0)
    return FALSE;
  if (!jue_session_is_read_only (self->session))
    jue_session_flush_fields (self->session);
  n = jue_session_count_unsaved (self->session);
  if (n == 0)
    return FALSE;
  {
    const GError *why = jue_session_get_unsaved_error (self->session);
    g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u change is not saved",
                                                             "%u changes are not saved", n), n);
    g_autofree char *body = g_strdup_printf (_("%s.\nWhat you typed is only in this window. "
                                               "Press Retry once the file can be written, "
                                               "then open the other report."),
                                             why ? why->message
                                                 : _("The file cannot be written"));
    jue_window_show_error (self, heading, body);
  }
  return TRUE;
}

static gboolean offer_csv_import (JueWindow *self, const char *filename);

gboolean
jue_window_open_file (JueWindow  *self,
                      const char *filename,
                      gboolean    read_only)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) doc = NULL;
  g_autofree char *base = g_path_get_basename (filename);
  const char *why_read_only;

  if (refuse_unsaved (self))
    return FALSE;
  /* A file that cannot be edited here (read-only, its folder read-only,
   * open for editing elsewhere) is opened for reading only, and said so. */
  doc = jue_document_open (filename, read_only, &error);
  if (doc == NULL && offer_csv_import (self, filename))
    return FALSE;
  if (doc == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Cannot open “%s”"), base);
      jue_window_show_error (self, heading, error->message);
      return FALSE;
    }
  jue_window_set_document (self, doc);
  why_read_only = jue_document_get_read_only_reason (doc);
  if (why_read_only)
    {
      g_autofree char *heading = g_strdup_printf (_("“%s” was opened for reading only"), base);
      g_autofree char *body = g_strdup_printf (
        /* TRANSLATORS: the reason, e.g. "It is open for editing in juesuan-cli
         * (process 4711)." */
        _("%s Nothing in it can be changed here; use Save a Copy to edit a copy of it."),
        why_read_only);
      jue_window_show_error (self, heading, body);
    }
  return TRUE;
}

/* Creates filename from report.  The chooser has already asked about an
 * existing file, so it is replaced — but only once the new one is
 * complete, beside it. */
static JueDocument *
create_replacing (const char *filename,
                  JueReport  *report,
                  GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (filename);
  g_autofree char *base = g_path_get_basename (filename);
  g_autofree char *tmp = NULL;
  g_autoptr (JueDocument) doc = NULL;

  if (!g_file_test (filename, G_FILE_TEST_EXISTS))
    return jue_document_create (filename, report, error);
  /* a report open for editing (here or elsewhere) is never replaced */
  if (!jue_store_check_not_in_use (filename, error))
    return NULL;
  tmp = g_strdup_printf ("%s/.%s.%08x.new", dir, base, g_random_int ());
  doc = jue_document_create (tmp, report, error);
  if (doc == NULL)
    return NULL;
  g_clear_object (&doc);
  if (g_rename (tmp, filename) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write %s: %s"), filename, g_strerror (saved));
      return NULL;
    }
  return jue_document_open (filename, FALSE, error);
}

gboolean
jue_window_create_file (JueWindow  *self,
                        const char *filename,
                        gboolean    sample)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueReport) report = sample ? jue_sample_new (&error) : jue_report_new ();
  g_autoptr (JueDocument) doc = NULL;

  if (refuse_unsaved (self))
    return FALSE;
  if (report)
    doc = create_replacing (filename, report, &error);
  if (doc == NULL)
    {
      g_autofree char *base = g_path_get_basename (filename);
      g_autofree char *heading = g_strdup_printf (_("Cannot create “%s”"), base);
      jue_window_show_error (self, heading, error->message);
      return FALSE;
    }
  jue_window_set_document (self, doc);
  return TRUE;
}

/* ---- choosers --------------------------------------------------------- */

typedef enum {
  CHOOSE_NEW,
  CHOOSE_NEW_SAMPLE,
  CHOOSE_OPEN,
  CHOOSE_OPEN_REVIEW,
  CHOOSE_SAVE_COPY,
  CHOOSE_EXPORT,
  CHOOSE_IMPORT_SOURCE,
  CHOOSE_IMPORT_TARGET,
  CHOOSE_CLASSIFICATION,
  CHOOSE_WORKBOOK,
  CHOOSE_EXPORT_XLSX,
  CHOOSE_EXPORT_PDF,
  CHOOSE_ECONOMIC,
} ChooseKind;

typedef struct {
  JueWindow *window;
  ChooseKind kind;
  JueImport *import;   /* CHOOSE_IMPORT_TARGET */
} Choice;

static void choose (JueWindow *self, ChooseKind kind, JueImport *import);

/* ---- replacing what an export would overwrite ---------------------------- */

/* An export to target (a file or a folder), replacing what is there when
 * force is set. */
typedef gboolean (*ExportFunc) (JueWindow  *self,
                                const char *target,
                                gboolean    force);

static void
on_replace (AdwMessageDialog *dialog,
            const char       *response,
            JueWindow        *self)
{
  ExportFunc export = (ExportFunc) g_object_get_data (G_OBJECT (dialog), "export");

  if (g_str_equal (response, "replace"))
    export (self, g_object_get_data (G_OBJECT (dialog), "target"), TRUE);
}

/* Asks whether to replace what is at target (message: the export's own
 * words for it) and, if so, runs the export again with force. */
static void
ask_replace (JueWindow  *self,
             const char *heading,
             const char *message,
             const char *target,
             ExportFunc  export)
{
  GtkWidget *ask = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (ask), "cancel", _("_Cancel"),
                                    "replace", _("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (ask), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (ask), "cancel");
  g_object_set_data_full (G_OBJECT (ask), "target", g_strdup (target), g_free);
  g_object_set_data (G_OBJECT (ask), "export", (gpointer) export);
  g_signal_connect (ask, "response", G_CALLBACK (on_replace), self);
  gtk_window_present (GTK_WINDOW (ask));
}

/* Says an export is done, with a button opening the folder it went to
 * (uri; NULL: none). */
static void
toast_exported (JueWindow  *self,
                const char *message,
                const char *uri)
{
  AdwToast *toast;

  g_free (self->last_message);
  self->last_message = g_strdup (message);
  toast = adw_toast_new (self->last_message);
  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, _("Open Folder"));
      adw_toast_set_action_name (toast, "win.open-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toast_overlay), toast);
}

/* ---- the workbook export ------------------------------------------------ */

static gboolean
export_xlsx_force (JueWindow  *self,
                   const char *filename,
                   gboolean    force)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (filename);
  g_autoptr (GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = folder ? g_file_get_uri (folder) : NULL;

  if (self->session == NULL)
    return FALSE;
  if (!jue_export_xlsx_document (jue_session_get_document (self->session), filename, force, &error))
    {
      if (g_error_matches (error, JUE_ERROR, JUE_ERROR_EXISTS))
        ask_replace (self, _("Replace the workbook?"), error->message, filename,
                     export_xlsx_force);
      else
        jue_window_show_error (self, _("Could not export the workbook"), error->message);
      return FALSE;
    }
  toast_exported (self, _("Exported the report as a workbook"), uri);
  return TRUE;
}

static void
export_xlsx (JueWindow  *self,
             const char *filename)
{
  export_xlsx_force (self, filename, FALSE);
}

/* ---- the document as PDF ------------------------------------------------ */

/* The whole document (jue-pdf.h) as it will print; an existing file is
 * replaced only when asked. */
gboolean
jue_window_export_pdf (JueWindow  *self,
                       const char *filename,
                       gboolean    force)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (filename);
  g_autoptr (GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = folder ? g_file_get_uri (folder) : NULL;

  if (self->session == NULL)
    return FALSE;
  jue_session_flush_fields (self->session);
  if (!jue_export_pdf_document (jue_session_get_document (self->session), filename, force, &error))
    {
      if (g_error_matches (error, JUE_ERROR, JUE_ERROR_EXISTS))
        ask_replace (self, _("Replace the PDF?"), error->message, filename,
                     jue_window_export_pdf);
      else
        jue_window_show_error (self, _("Could not export the PDF"), error->message);
      return FALSE;
    }
  toast_exported (self, _("Exported the document as PDF"), uri);
  return TRUE;
}

static void
add_report_filter (GtkFileChooser *chooser)
{
  g_autoptr (GtkFileFilter) reports = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (reports, _("Juesuan reports"));
  gtk_file_filter_add_pattern (reports, "*.juesuan");
  gtk_file_filter_add_mime_type (reports, "application/x-juesuan");
  gtk_file_chooser_add_filter (chooser, reports);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void
add_csv_filter (GtkFileChooser *chooser)
{
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (chooser, csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void
add_workbook_filter (GtkFileChooser *chooser)
{
  g_autoptr (GtkFileFilter) books = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (books, _("Workbooks (.xlsx, .xls)"));
  gtk_file_filter_add_suffix (books, "xlsx");
  gtk_file_filter_add_suffix (books, "xls");
  gtk_file_chooser_add_filter (chooser, books);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static char *
with_extension (const char *path)
{
  return g_str_has_suffix (path, ".juesuan") ? g_strdup (path)
                                             : g_strconcat (path, ".juesuan", NULL);
}

static gboolean
import_into (JueWindow  *self,
             JueImport  *import,
             const char *filename)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) doc = NULL;

  if (refuse_unsaved (self))
    return FALSE;
  if (!jue_store_check_not_in_use (filename, &error))
    {
      jue_window_show_error (self, _("Cannot replace the file"), error->message);
      return FALSE;
    }
  if (g_file_test (filename, G_FILE_TEST_EXISTS) && g_unlink (filename) != 0)
    {
      jue_window_show_error (self, _("Cannot replace the file"), g_strerror (errno));
      return FALSE;
    }
  doc = jue_import_create_document (import, filename, &error);
  if (doc == NULL)
    {
      jue_window_show_error (self, _("Cannot create the report from CSV"), error->message);
      return FALSE;
    }
  jue_window_set_document (self, doc);
  jue_window_toast (self, _("Imported the CSV files into a new report"));
  return TRUE;
}

/* Imports the CSV files at source (a folder, or one file) into a new
 * report filename and shows it. */
gboolean
jue_window_import_csv (JueWindow  *self,
                       const char *source,
                       const char *filename)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueImport) import = jue_import_csv (source, &error);

  if (import == NULL)
    {
      jue_window_show_error (self, _("Cannot import the CSV files"), error->message);
      return FALSE;
    }
  return import_into (self, import, filename);
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     Choice          *choice)
{
  JueWindow *self = choice->window;
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file ? g_file_get_path (file) : NULL;
    }
  if (path)
    switch (choice->kind)
      {
      case CHOOSE_NEW:
      case CHOOSE_NEW_SAMPLE:
        {
          g_autofree char *name = with_extension (path);
          jue_window_create_file (self, name, choice->kind == CHOOSE_NEW_SAMPLE);
        }
        break;
      case CHOOSE_OPEN:
      case CHOOSE_OPEN_REVIEW:
        jue_window_open_file (self, path, choice->kind == CHOOSE_OPEN_REVIEW);
        break;
      case CHOOSE_SAVE_COPY:
        {
          g_autofree char *name = with_extension (path);
          jue_window_save_copy_to (self, name);
        }
        break;
      case CHOOSE_EXPORT:
        jue_window_export_csv (self, path, FALSE);
        break;
      case CHOOSE_IMPORT_SOURCE:
        {
          g_autoptr (GError) error = NULL;
          JueImport *import = jue_import_csv (path, &error);
          if (import == NULL)
            jue_window_show_error (self, _("Cannot import the CSV files"), error->message);
          else
            choose (self, CHOOSE_IMPORT_TARGET, import);
        }
        break;
      case CHOOSE_IMPORT_TARGET:
        {
          g_autofree char *name = with_extension (path);
          import_into (self, choice->import, name);
        }
        break;
      case CHOOSE_CLASSIFICATION:
        jue_window_import_classification_file (self, path);
        break;
      case CHOOSE_WORKBOOK:
        jue_window_import_workbook_file (self, path);
        break;
      case CHOOSE_ECONOMIC:
        jue_window_import_economic_classification_file (self, path);
        break;
      case CHOOSE_EXPORT_XLSX:
        {
          g_autofree char *name = g_str_has_suffix (path, ".xlsx") ? g_strdup (path)
                                                                   : g_strconcat (path, ".xlsx", NULL);
          export_xlsx (self, name);
        }
        break;
      case CHOOSE_EXPORT_PDF:
        {
          g_autofree char *name = g_str_has_suffix (path, ".pdf") ? g_strdup (path)
                                                                  : g_strconcat (path, ".pdf", NULL);
          jue_window_export_pdf (self, name, FALSE);
        }
        break;
      }
  g_clear_pointer (&choice->import, jue_import_free);
  g_object_unref (self);
  g_free (choice);
  g_object_unref (dialog);
}

static void
choose (JueWindow  *self,
        ChooseKind  kind,
        JueImport  *import)
{
  static const struct {
    const char *title;
    GtkFileChooserAction action;
    const char *accept;
  } kinds[] = {
    [CHOOSE_NEW] = { N_("Create a Report"), GTK_FILE_CHOOSER_ACTION_SAVE, N_("_Create") },
    [CHOOSE_NEW_SAMPLE] = { N_("Create a Report from the Sample"), GTK_FILE_CHOOSER_ACTION_SAVE, N_("_Create") },
    [CHOOSE_OPEN] = { N_("Open a Report"), GTK_FILE_CHOOSER_ACTION_OPEN, N_("_Open") },
    [CHOOSE_OPEN_REVIEW] = { N_("Open a Report for Review"), GTK_FILE_CHOOSER_ACTION_OPEN, N_("_Open") },
    [CHOOSE_SAVE_COPY] = { N_("Save a Copy"), GTK_FILE_CHOOSER_ACTION_SAVE, N_("_Save") },
    [CHOOSE_EXPORT] = { N_("Export CSV into a Folder"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, N_("_Export") },
    [CHOOSE_IMPORT_SOURCE] = { N_("Import CSV: Choose the Exported Folder"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, N_("_Import") },
    [CHOOSE_IMPORT_TARGET] = { N_("Import CSV: Name the New Report"), GTK_FILE_CHOOSER_ACTION_SAVE, N_("_Create") },
    [CHOOSE_CLASSIFICATION] = { N_("Import the Classification Table of the Year"), GTK_FILE_CHOOSER_ACTION_OPEN, N_("_Import") },
    [CHOOSE_WORKBOOK] = { N_("Import the Tables' Figures from a Workbook"), GTK_FILE_CHOOSER_ACTION_OPEN, N_("_Import") },
    [CHOOSE_EXPORT_XLSX] = { N_("Export as Workbook"), GTK_FILE_CHOOSER_ACTION_SAVE, N_("_Export") },
    [CHOOSE_EXPORT_PDF] = { N_("Export the Document as PDF"), GTK_FILE_CHOOSER_ACTION_SAVE, N_("_Export") },
    [CHOOSE_ECONOMIC] = { N_("Import the Economic Classification of the Year"), GTK_FILE_CHOOSER_ACTION_OPEN, N_("_Import") },
  };
  GtkFileChooserNative *dialog;
  Choice *choice = g_new0 (Choice, 1);
  const char *current = jue_window_get_filename (self);

  dialog = gtk_file_chooser_native_new (_(kinds[kind].title), GTK_WINDOW (self),
                                        kinds[kind].action, _(kinds[kind].accept), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (kind == CHOOSE_OPEN || kind == CHOOSE_OPEN_REVIEW)
    add_report_filter (GTK_FILE_CHOOSER (dialog));
  else if (kind == CHOOSE_CLASSIFICATION || kind == CHOOSE_ECONOMIC)
    add_csv_filter (GTK_FILE_CHOOSER (dialog));
  else if (kind == CHOOSE_WORKBOOK)
    add_workbook_filter (GTK_FILE_CHOOSER (dialog));
  if (kind == CHOOSE_NEW)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("report.juesuan"));
  else if (kind == CHOOSE_NEW_SAMPLE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "sample.juesuan");
  else if (kind == CHOOSE_IMPORT_TARGET)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("imported.juesuan"));
  else if (kind == CHOOSE_EXPORT_XLSX)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("tables.xlsx"));
  else if (kind == CHOOSE_EXPORT_PDF)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("report.pdf"));
  else if (kind == CHOOSE_SAVE_COPY && current)
    {
      g_autofree char *base = g_path_get_basename (current);
      g_autofree char *stem = g_strndup (base, g_str_has_suffix (base, ".juesuan")
                                               ? strlen (base) - strlen (".juesuan") : strlen (base));
      g_autofree char *name = g_strdup_printf (_("%s (copy).juesuan"), stem);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  choice->window = g_object_ref (self);
  choice->kind = kind;
  choice->import = import;
  g_signal_connect (dialog, "response", G_CALLBACK (on_chooser_response), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- a CSV file opened as a report ------------------------------------ */

static void
on_csv_response (AdwMessageDialog *dialog,
                 const char       *response,
                 JueWindow        *self)
{
  JueImport *import = g_object_steal_data (G_OBJECT (dialog), "import");

  if (g_str_equal (response, "import") && import)
    choose (self, CHOOSE_IMPORT_TARGET, import);   /* takes it */
  else if (import)
    jue_import_free (import);
}

/* A CSV file opened as a report ("它不是 SQLite 数据库" meant nothing to
 * an accountant): say it is a CSV export and offer to import it (the
 * file of a single-file export, or the folder a table's file is in). */
static gboolean
offer_csv_import (JueWindow  *self,
                  const char *filename)
{
  g_autofree char *lower = g_ascii_strdown (filename, -1);
  g_autofree char *base = g_path_get_basename (filename);
  g_autofree char *dir = g_path_get_dirname (filename);
  g_autoptr (GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  JueImport *import;
  GtkWidget *dialog;

  if (!g_str_has_suffix (lower, ".csv"))
    return FALSE;
  import = jue_import_csv (filename, &error);
  /* one table of an exported folder ("01_收入支出决算总表.csv"): the folder */
  if (import == NULL && g_ascii_isdigit (base[0]) && g_ascii_isdigit (base[1]) && base[2] == '_')
    {
      g_clear_error (&error);
      import = jue_import_csv (dir, &error);
    }
  heading = g_strdup_printf (_("“%s” is a CSV file, not a report"), base);
  if (import)
    body = g_strdup (_("It is an export of a report as CSV. Reports are .juesuan files: "
                       "import the CSV export to make a new report from it."));
  else
    body = g_strdup_printf (_("Reports are .juesuan files. This CSV file is not an export of "
                              "a report that can be imported either: %s"), error->message);
  g_free (self->last_message);
  self->last_message = g_strdup_printf ("%s\n%s", heading, body);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (import)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "import", _("_Import…"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
      g_object_set_data_full (G_OBJECT (dialog), "import", import,
                              (GDestroyNotify) jue_import_free);
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_csv_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* ---- copy and CSV ----------------------------------------------------- */

gboolean
jue_window_save_copy_to (JueWindow  *self,
                         const char *filename)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *base = g_path_get_basename (filename);
  g_autofree char *text = NULL;

  if (self->session == NULL)
    return FALSE;
  if (jue_store_is_same_file (jue_document_get_store (jue_session_get_document (self->session)),
                              filename))
    {
      jue_window_show_error (self, _("Cannot save a copy over the report itself"),
                             _("Choose another name or folder for the copy."));
      return FALSE;
    }
  if (!jue_store_check_not_in_use (filename, &error) ||
      !jue_document_save_copy (jue_session_get_document (self->session), filename, &error))
    {
      jue_window_show_error (self, _("Could not save the copy"), error->message);
      return FALSE;
    }
  text = g_strdup_printf (_("Saved a copy as “%s”"), base);
  jue_window_toast (self, text);
  return TRUE;
}

gboolean
jue_window_export_csv (JueWindow  *self,
                       const char *dir,
                       gboolean    force)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  g_autofree char *uri = g_file_get_uri (folder);

  if (self->session == NULL)
    return FALSE;
  if (!jue_export_csv_dir (jue_session_get_document (self->session), dir, force, &error))
    {
      if (g_error_matches (error, JUE_ERROR, JUE_ERROR_EXISTS))
        ask_replace (self, _("Replace the CSV files?"), error->message, dir,
                     jue_window_export_csv);
      else
        jue_window_show_error (self, _("Could not export the CSV files"), error->message);
      return FALSE;
    }
  toast_exported (self, _("Exported the report as CSV files"), uri);
  return TRUE;
}

/* ---- the classification table ------------------------------------------ */

#define MAX_PROBLEMS_SHOWN 12

/* The parser names every bad line; a file that is not a table at all
 * would fill the screen, so the dialog shows the first lines and a count
 * of the rest. */
static char *
first_problems (const char *message)
{
  g_auto (GStrv) lines = g_strsplit (message, "\n", -1);
  guint n = g_strv_length (lines);
  g_autoptr (GString) shown = g_string_new (NULL);
  guint rest;

  if (n <= MAX_PROBLEMS_SHOWN)
    return g_strdup (message);
  rest = n - MAX_PROBLEMS_SHOWN;
  for (guint i = 0; i < MAX_PROBLEMS_SHOWN; i++)
    g_string_append_printf (shown, i ? "\n%s" : "%s", lines[i]);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s\n… and %u more line with a problem",
                                       "%s\n… and %u more lines with problems", rest),
                          shown->str, rest);
}

/* What differs between importing the functional and the economic
 * classification: the parser, where it is stored and the messages. */
typedef struct {
  GPtrArray * (*parse) (const char *data, gsize len, const char *origin, GError **error);
  gboolean    (*store) (JueDocument *document, GPtrArray *entries, GError **error);
  const char *cannot_read;   /* N_() */
  const char *not_imported;  /* N_() */
  const char *not_saved;     /* N_() */
} ClassificationImport;

static gboolean
import_classification (JueWindow                  *self,
                       const char                 *filename,
                       const ClassificationImport *how,
                       char                      **base_out,
                       guint                      *n_out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *base = g_path_get_basename (filename);
  g_autofree char *data = NULL;
  gsize len;

  if (self->session == NULL)
    return FALSE;
  if (!jue_read_regular_file (filename, JUE_MAX_CSV_BYTES, &data, &len, &error))
    {
      jue_window_show_error (self, _(how->cannot_read), error->message);
      return FALSE;
    }
  entries = how->parse (data, len, base, &error);
  if (entries == NULL)
    {
      g_autofree char *problems = first_problems (error->message);
      jue_window_show_error (self, _(how->not_imported), problems);
      return FALSE;
    }
  if (!how->store (jue_session_get_document (self->session), entries, &error))
    {
      jue_window_show_error (self, _(how->not_saved), error->message);
      return FALSE;
    }
  *base_out = g_steal_pointer (&base);
  *n_out = entries->len;
  return TRUE;
}

/* Loads the classification CSV at filename into the open report, with
 * the parser `juesuan-cli classification import` uses: all of it, or
 * nothing and a dialog naming each bad line. */
gboolean
jue_window_import_classification_file (JueWindow  *self,
                                       const char *filename)
{
  static const ClassificationImport how = {
    jue_classification_parse, jue_document_set_classification,
    N_("Cannot import the classification table"),
    N_("The classification table was not imported"),
    N_("The classification table was not saved"),
  };
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;
  guint n;

  if (!import_classification (self, filename, &how, &base, &n))
    return FALSE;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Loaded %u code from “%s”",
                                       "Loaded %u codes from “%s”", n), n, base);
  jue_window_toast (self, text);
  return TRUE;
}

/* The same for the economic classification (部门预算支出经济分类: 3-digit
 * 类, 5-digit 款), as `juesuan-cli classification import --economic`: all
 * of it as one undo step, or nothing and a dialog naming each bad line. */
gboolean
jue_window_import_economic_classification_file (JueWindow  *self,
                                                const char *filename)
{
  static const ClassificationImport how = {
    jue_classification_economic_parse, jue_document_set_economic_classification,
    N_("Cannot import the economic classification"),
    N_("The economic classification was not imported"),
    N_("The economic classification was not saved"),
  };
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;
  guint n;

  if (!import_classification (self, filename, &how, &base, &n))
    return FALSE;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Loaded %u economic code from “%s”",
                                       "Loaded %u economic codes from “%s”", n), n, base);
  jue_window_toast (self, text);
  return TRUE;
}

/* Replaces the figures of the open report's tables with those of the
 * workbook at filename (jue-workbook-import.h): all of them or none, as one
 * undo step; every text and evaluation kept.  A refusal names the sheet,
 * the cell and the reason. */
gboolean
jue_window_import_workbook_file (JueWindow  *self,
                                 const char *filename)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueWbImport) import = NULL;
  g_autofree char *base = g_path_get_basename (filename);
  g_autofree char *text = NULL;
  JueDocument *doc;

  if (self->session == NULL)
    return FALSE;
  doc = jue_session_get_document (self->session);
  if (jue_document_is_read_only (doc))
    return FALSE;
  import = jue_wb_import_file (filename,
                               jue_render_report_template (jue_document_get_report (doc), NULL),
                               !jue_report_prints_zero (jue_document_get_report (doc)),
                               &error);
  if (import == NULL || !jue_wb_import_into_document (import, doc, &error))
    {
      g_autofree char *message = g_strdup_printf ("%s\n%s", error->message,
                                                  _("Nothing was changed."));
      jue_window_show_error (self, _("The workbook was not imported"), message);
      return FALSE;
    }
  text = g_strdup_printf (_("Imported the tables' figures from “%s” (Undo takes them back)"),
                          base);
  jue_window_toast (self, text);
  return TRUE;
}

/* ---- actions ---------------------------------------------------------- */

static void
on_choose_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  static const struct { const char *name; ChooseKind kind; } map[] = {
    { "win.new", CHOOSE_NEW },
    { "win.new-sample", CHOOSE_NEW_SAMPLE },
    { "win.open", CHOOSE_OPEN },
    { "win.open-review", CHOOSE_OPEN_REVIEW },
    { "win.save-copy", CHOOSE_SAVE_COPY },
    { "win.export-csv", CHOOSE_EXPORT },
    { "win.import-csv", CHOOSE_IMPORT_SOURCE },
    { "win.import-classification", CHOOSE_CLASSIFICATION },
    { "win.import-workbook", CHOOSE_WORKBOOK },
    { "win.export-xlsx", CHOOSE_EXPORT_XLSX },
    { "win.export-pdf", CHOOSE_EXPORT_PDF },
    { "win.import-economic", CHOOSE_ECONOMIC },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (action, map[i].name))
      choose (JUE_WINDOW (widget), map[i].kind, NULL);
}

static void
on_open_recent (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));
  g_autofree char *path = g_file_get_path (file);

  if (path)
    jue_window_open_file (JUE_WINDOW (widget), path, FALSE);
}

static void
on_open_folder (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  g_autoptr (GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (g_variant_get_string (param, NULL), NULL, &error))
    jue_window_show_error (JUE_WINDOW (widget), _("Cannot open the folder"), error->message);
}

void
jue_window_files_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_recent_activated);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, on_choose_action);
  gtk_widget_class_install_action (widget_class, "win.new-sample", NULL, on_choose_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, on_choose_action);
  gtk_widget_class_install_action (widget_class, "win.open-review", NULL, on_choose_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, on_choose_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, on_choose_action);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, on_choose_action);
  gtk_widget_class_install_action (widget_class, "win.import-classification", NULL,
                                   on_choose_action);
  gtk_widget_class_install_action (widget_class, "win.import-workbook", NULL, on_choose_action);
  gtk_widget_class_install_action (widget_class, "win.export-xlsx", NULL, on_choose_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, on_choose_action);
  gtk_widget_class_install_action (widget_class, "win.import-economic", NULL, on_choose_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", on_open_recent);
  gtk_widget_class_install_action (widget_class, "win.open-folder", "s", on_open_folder);
}
