/* jue-application.c — io.github.juesuan.Juesuan. */
#include "config.h"
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "jue-application.h"
#include "jue-frame-hooks.h"
#include "jue-window.h"

struct _JueApplication {
  AdwApplication parent_instance;

  gboolean review;     /* --review: open files for review */
  char    *section;    /* --section: show this section first */
  char    *review_folder; /* --review-folder: list a folder's submissions */
  char    *compare;    /* --compare: compare the file with last year's */
  char    *new_from;   /* --new-from: make the file from last year's */
  gboolean quick_exit; /* end the process at the last window's close */
};

G_DEFINE_FINAL_TYPE (JueApplication, jue_application, ADW_TYPE_APPLICATION)

static const GOptionEntry options[] = {
  { "review", 'r', 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the files for review: read-only, never written"), NULL },
  { "section", 's', 0, G_OPTION_ARG_STRING, NULL,
    N_("Show this section or field first (profile, functional, findings, fund-1, "
       "special_funds[2].indicators, …)"), N_("SECTION") },
  { "review-folder", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("List the submissions in a folder for review (each opened read-only)"), N_("FOLDER") },
  { "compare", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Compare the file with last year's report"), N_("LAST") },
  { "new-from", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Make the file, which must not exist, from last year's report"), N_("LAST") },
  { NULL }
};

static JueWindow *
empty_window (JueApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (JUE_IS_WINDOW (l->data) && jue_window_get_session (l->data) == NULL)
      return l->data;
  return jue_window_new (GTK_APPLICATION (self));
}

static JueWindow *
window_showing (JueApplication *self,
                const char     *filename)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (JUE_IS_WINDOW (l->data) && g_strcmp0 (jue_window_get_filename (l->data), filename) == 0)
      return l->data;
  return NULL;
}

static void
jue_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (jue_window_new (GTK_APPLICATION (app)));
  gtk_window_present (window);
  if (JUE_IS_WINDOW (window) && JUE_APPLICATION (app)->review_folder)
    jue_window_open_review_folder (JUE_WINDOW (window), JUE_APPLICATION (app)->review_folder);
  if (JUE_IS_WINDOW (window))
    jue_frame_hooks_attach (JUE_WINDOW (window));
}

/* --section takes a section ("functional", "fund-2") or a field path
 * ("special_funds[2].indicators"); once the window is shown, so the page
 * can scroll to the field. */
static gboolean
show_first (gpointer data)
{
  JueWindow *window = data;
  JueApplication *self = JUE_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  /* a path that names no field (an empty list) still shows its section */
  if (self && self->section && !jue_window_goto_field (window, self->section) &&
      strpbrk (self->section, "._[") == NULL)
    jue_window_show_section (window, self->section);
  jue_frame_hooks_attach (window);
  return G_SOURCE_REMOVE;
}

static void
jue_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  JueApplication *self = JUE_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      JueWindow *window;

      if (path == NULL)
        continue;
      window = window_showing (self, path);
      if (window == NULL)
        {
          window = empty_window (self);
          /* shown first: a dialog about the file (a CSV export, a file
           * that cannot be opened) then comes above it, not under it */
          gtk_window_present (GTK_WINDOW (window));
          if (self->new_from)
            jue_window_new_from_last (window, self->new_from, path);
          else
            jue_window_open_file (window, path, self->review);
          if (self->compare)
            jue_window_show_compare (window, self->compare);
        }
      else
        gtk_window_present (GTK_WINDOW (window));
      if (self->section)
        g_idle_add_full (G_PRIORITY_LOW, show_first, g_object_ref (window), g_object_unref);
      else
        jue_frame_hooks_attach (window);
    }
}

static int
jue_application_handle_local_options (GApplication *app,
                                      GVariantDict *dict)
{
  JueApplication *self = JUE_APPLICATION (app);

  g_variant_dict_lookup (dict, "review", "b", &self->review);
  g_variant_dict_lookup (dict, "section", "s", &self->section);
  g_variant_dict_lookup (dict, "review-folder", "^ay", &self->review_folder);
  g_variant_dict_lookup (dict, "compare", "^ay", &self->compare);
  g_variant_dict_lookup (dict, "new-from", "^ay", &self->new_from);
  return -1;
}

static void
on_quit (GSimpleAction *action,
         GVariant      *param,
         gpointer       user_data)
{
  GApplication *app = user_data;

  /* every edit is already in the file; a window holding a value that
   * cannot be read asks first, and then stays open */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l;)
    {
      GList *next = l->next;
      gtk_window_close (l->data);
      l = next;
    }
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (JUE_IS_WINDOW (l->data))
      return;
  g_application_quit (app);
}

static void
on_about (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWidget *about = adw_about_window_new ();
  const char *developers[] = { _("The Juesuan team"), NULL };

  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (app));
  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("Juesuan"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APP_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
                                 _("Fill in a department's annual final accounts disclosure "
                                   "and its performance self-evaluations, checked as you type."));
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", on_quit, NULL, NULL, NULL, { 0 } },
  { "about", on_about, NULL, NULL, NULL, { 0 } },
};

static void
jue_application_startup (GApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.open-review", { "<Control><Shift>o", NULL } },
    { "win.save-copy", { "<Control><Shift>s", NULL } },
    { "win.export-csv", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.import-csv", { "<Control>i", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "F1", "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (jue_application_parent_class)->startup (app);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
jue_application_finalize (GObject *object)
{
  JueApplication *self = JUE_APPLICATION (object);

  g_free (self->section);
  g_free (self->review_folder);
  g_free (self->compare);
  g_free (self->new_from);
  G_OBJECT_CLASS (jue_application_parent_class)->finalize (object);
}

static void
jue_application_class_init (JueApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = jue_application_finalize;
  app_class->activate = jue_application_activate;
  app_class->open = jue_application_open;
  app_class->startup = jue_application_startup;
  app_class->handle_local_options = jue_application_handle_local_options;
}

static void
jue_application_init (JueApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
}

void
jue_application_set_quick_exit (JueApplication *self,
                                gboolean        quick)
{
  self->quick_exit = quick;
}

/* Tearing down a window after a big page took 1.5 s (every widget of every
 * page visited, one by one) for nothing the user can see: every edit is
 * committed as it is made, and the file is closed here. */
void
jue_application_exit_if_last (GtkApplication *app,
                              GtkWindow      *window)
{
  JueSession *session;

  if (!JUE_IS_APPLICATION (app) || !JUE_APPLICATION (app)->quick_exit || !JUE_IS_WINDOW (window))
    return;
  for (GList *l = gtk_application_get_windows (app); l; l = l->next)
    if (l->data != window && JUE_IS_WINDOW (l->data))
      return;
  session = jue_window_get_session (JUE_WINDOW (window));
  if (session)
    {
      JueDocument *doc = jue_session_get_document (session);

      if (!jue_document_is_read_only (doc))
        jue_session_flush_fields (session);
      /* closes the file (the widgets still hold the document) */
      g_object_run_dispose (G_OBJECT (doc));
    }
  g_settings_sync ();
  exit (0);
}

JueApplication *
jue_application_new (void)
{
  return g_object_new (JUE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/juesuan/Juesuan",
                       NULL);
}
