/* jue-window.c — the main window: layout, sections, navigation, undo. */
#include "config.h"
#include <glib/gi18n-lib.h>

#include "jue-application.h"
#include "jue-field.h"
#include "jue-findings-page.h"
#include "jue-list-editor.h"
#include "jue-form-page.h"
#include "jue-report-page.h"
#include "jue-table-editor.h"
#include "jue-window-private.h"

G_DEFINE_FINAL_TYPE (JueWindow, jue_window, ADW_TYPE_APPLICATION_WINDOW)

/* ---- messages --------------------------------------------------------- */

static void
on_error_dialog_response (AdwMessageDialog *dialog,
                          const char       *response,
                          JueWindow        *self)
{
  if (self->error_dialog == GTK_WIDGET (dialog))
    self->error_dialog = NULL;
}

void
jue_window_show_error (JueWindow  *self,
                       const char *heading,
                       const char *body)
{
  GtkWidget *dialog;

  g_free (self->last_message);
  self->last_message = g_strdup_printf ("%s\n%s", heading, body ? body : "");
  g_debug ("error shown: %s", self->last_message);   /* G_MESSAGES_DEBUG=Juesuan */
  if (self->error_dialog)
    {
      /* the newest error replaces the one still shown */
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self->error_dialog), heading);
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self->error_dialog), body ? body : "");
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_dialog_response), self);
  self->error_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

void
jue_window_toast (JueWindow  *self,
                  const char *text)
{
  g_free (self->last_message);
  self->last_message = g_strdup (text);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toast_overlay), adw_toast_new (text));
}

const char *
jue_window_get_last_message (JueWindow *self)
{
  return self->last_message;
}

static void schedule_reload (JueWindow *self, guint delay_ms);
static void update_saved_label (JueWindow *self);

/* The bar above the page while something typed is not in the file: what,
 * why (the user's file, in words), and Retry. */
static void
update_unsaved_bar (JueWindow *self)
{
  guint n = self->session ? jue_session_count_unsaved (self->session) : 0;
  const GError *why = self->session ? jue_session_get_unsaved_error (self->session) : NULL;
  g_autofree char *text = NULL;

  if (n == 0)
    {
      gtk_revealer_set_reveal_child (GTK_REVEALER (self->unsaved_bar), FALSE);
      gtk_widget_set_visible (self->unsaved_bar, FALSE);
      return;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u change is not saved: %s. What you typed is kept "
                                       "in the window and is saved at your next edit or "
                                       "when you press Retry.",
                                       "%u changes are not saved: %s. What you typed is kept "
                                       "in the window and is saved at your next edit or "
                                       "when you press Retry.", n),
                          n, why ? why->message : _("the file cannot be written"));
  gtk_label_set_text (GTK_LABEL (self->unsaved_label), text);
  gtk_widget_set_visible (self->unsaved_bar, TRUE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->unsaved_bar), TRUE);
  g_free (self->last_message);
  self->last_message = g_strdup_printf ("%s\n%s", _("The change was not saved"), text);
}

static void
on_unsaved_changed (JueSession *session,
                    JueWindow  *self)
{
  const GError *why = jue_session_get_unsaved_error (session);

  update_unsaved_bar (self);
  update_saved_label (self);
  /* another program changed the file: show what it holds now, with what
   * was typed here kept on top (written again once reloaded) */
  if (why && g_error_matches (why, JUE_ERROR, JUE_ERROR_CHANGED))
    schedule_reload (self, 0);
}

static void
on_retry_clicked (JueWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (self->session == NULL)
    return;
  jue_session_flush_fields (self->session);
  if (jue_session_count_unsaved (self->session) == 0)
    jue_window_toast (self, _("Saved"));
  else if (!jue_session_retry_unsaved (self->session, &error))
    update_unsaved_bar (self);   /* still not: the bar says why, again */
  else
    jue_window_toast (self, _("Saved"));
}

static void
build_unsaved_bar (JueWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  GtkWidget *retry = gtk_button_new_with_mnemonic (_("_Retry"));

  self->unsaved_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->unsaved_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->unsaved_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->unsaved_label), 0);
  gtk_widget_set_hexpand (self->unsaved_label, TRUE);
  gtk_widget_set_valign (retry, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (retry, _("Write what was typed to the file again"));
  g_signal_connect_swapped (retry, "clicked", G_CALLBACK (on_retry_clicked), self);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), self->unsaved_label);
  gtk_box_append (GTK_BOX (box), retry);
  gtk_widget_add_css_class (box, "jue-unsaved-bar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Not saved"), -1);

  self->unsaved_bar = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->unsaved_bar),
                                    GTK_REVEALER_TRANSITION_TYPE_NONE);
  gtk_revealer_set_child (GTK_REVEALER (self->unsaved_bar), box);
  gtk_widget_set_visible (self->unsaved_bar, FALSE);
  gtk_box_insert_child_after (GTK_BOX (self->content), self->unsaved_bar, self->banner);
}

static void
on_session_error (JueSession   *session,
                  const GError *error,
                  JueWindow    *self)
{
  jue_window_show_error (self, _("The change was not saved"), error->message);
  /* another program changed the file: show what it holds now */
  if (g_error_matches (error, JUE_ERROR, JUE_ERROR_CHANGED))
    schedule_reload (self, 0);
}

/* ---- titles and actions ----------------------------------------------- */

#define TITLE_CHARS 24

static void
update_title (JueWindow *self)
{
  JueReport *report;
  g_autofree char *base = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;

  if (self->session == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Juesuan"));
      return;
    }
  report = jue_session_get_report (self->session);
  base = g_path_get_basename (jue_document_get_filename (jue_session_get_document (self->session)));
  /* a long name is cut: the header would widen the sidebar to fit it */
  name = g_strdup (report->profile.name ? report->profile.name : "");
  if (g_utf8_strlen (name, -1) > TITLE_CHARS)
    {
      char *cut = g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (name, TITLE_CHARS)
                                                   - name), name);
      g_free (name);
      name = cut;
    }
  if (report->profile.year.set)
    {
      g_autofree char *year = g_strdup_printf ("%" G_GINT64_FORMAT, report->profile.year.value);
      /* Translators: the department and the year of the report */
      subtitle = g_strdup_printf (_("%s, %s"), name, year);
    }
  else
    subtitle = g_strdup (name);
  adw_window_title_set_title (ADW_WINDOW_TITLE (self->doc_title), base);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->doc_title), subtitle);
  gtk_window_set_title (GTK_WINDOW (self), base);
}

/* 已保存 — unless an edit could not be written (what was typed is in the
 * window, not in the file), or a value could not be read: it is in the
 * file as typed, but the report is not what it should be until it is
 * corrected. */
static void
update_saved_label (JueWindow *self)
{
  JueDocument *doc = self->session ? jue_session_get_document (self->session) : NULL;
  guint n = doc ? jue_document_count_unreadable (doc) : 0;
  guint unsaved = self->session ? jue_session_count_unsaved (self->session) : 0;
  g_autofree char *text = NULL;

  if (unsaved)
    {
      const GError *why = jue_session_get_unsaved_error (self->session);

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change not saved",
                                           "%u changes not saved", unsaved), unsaved);
      gtk_label_set_text (GTK_LABEL (self->saved_label), text);
      gtk_widget_set_tooltip_text (self->saved_label, why ? why->message : NULL);
      gtk_widget_remove_css_class (self->saved_label, "dim-label");
      gtk_widget_add_css_class (self->saved_label, "error");
      return;
    }
  if (n == 0)
    {
      gtk_label_set_text (GTK_LABEL (self->saved_label), _("Saved"));
      gtk_widget_set_tooltip_text (self->saved_label,
                                   _("Every change is written to the file as soon as it is made"));
      gtk_widget_remove_css_class (self->saved_label, "error");
      gtk_widget_add_css_class (self->saved_label, "dim-label");
      return;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u value cannot be read",
                                       "%u values cannot be read", n), n);
  gtk_label_set_text (GTK_LABEL (self->saved_label), text);
  gtk_widget_set_tooltip_text (self->saved_label,
                               _("Saved as typed. A value that cannot be read counts as an "
                                 "error and as unknown in every total until it is corrected; "
                                 "Findings lists it."));
  gtk_widget_remove_css_class (self->saved_label, "dim-label");
  gtk_widget_add_css_class (self->saved_label, "error");
}

const char *
jue_window_get_status_text (JueWindow *self)
{
  return gtk_label_get_text (GTK_LABEL (self->saved_label));
}

void
jue_window_update_actions (JueWindow *self)
{
  JueDocument *doc = self->session ? jue_session_get_document (self->session) : NULL;
  gboolean writable = doc && !jue_document_is_read_only (doc);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 doc && jue_document_can_undo (doc));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 doc && jue_document_can_redo (doc));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv", doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-xlsx", doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-csv", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-classification", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-economic", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-workbook", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-section", doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.goto-field", doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare", doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-own", doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.consolidate", doc != NULL);
  gtk_widget_set_visible (self->saved_label, writable);
  update_saved_label (self);
  jue_window_update_review (self);
}

/* ---- sections and pages ----------------------------------------------- */

static void
clear_pages (JueWindow *self,
             gboolean   funds_only)
{
  GtkWidget *child = gtk_widget_get_first_child (self->pages);

  while (child)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      const char *name = gtk_stack_page_get_name (gtk_stack_get_page (GTK_STACK (self->pages), child));

      if (!funds_only || g_str_has_prefix (name, "fund-"))
        gtk_stack_remove (GTK_STACK (self->pages), child);
      child = next;
    }
}

static void
clear_table_pages (JueWindow *self)
{
  GtkWidget *child = gtk_widget_get_first_child (self->pages);

  while (child)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      const char *name = gtk_stack_page_get_name (gtk_stack_get_page (GTK_STACK (self->pages), child));

      if (g_str_has_prefix (name, "table-") && child != gtk_stack_get_visible_child (GTK_STACK (self->pages)))
        gtk_stack_remove (GTK_STACK (self->pages), child);
      child = next;
    }
}

static GtkWidget *
build_page (JueWindow        *self,
            const JueSection *section)
{
  GtkWidget *page;

  switch (section->kind)
    {
    case JUE_SECTION_FINDINGS:
      return jue_findings_page_new (self->session);
    case JUE_SECTION_COMPARE:
      return jue_window_compare_page_new (self);
    case JUE_SECTION_REPORT:
      return jue_report_page_new (self->session);
    case JUE_SECTION_FUNDS:
      {
        JueFieldRef ref;
        GtkWidget *scroller = gtk_scrolled_window_new ();
        GtkWidget *clamp = adw_clamp_new ();
        GtkWidget *list;

        jue_report_resolve (jue_session_get_report (self->session), "special_funds", &ref, NULL);
        list = jue_list_editor_new (self->session, "special_funds", ref.def, "project_name");
        gtk_widget_set_margin_top (list, 24);
        gtk_widget_set_margin_bottom (list, 24);
        gtk_widget_set_margin_start (list, 12);
        gtk_widget_set_margin_end (list, 12);
        adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 820);
        adw_clamp_set_child (ADW_CLAMP (clamp), list);
        gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                        GTK_POLICY_AUTOMATIC);
        gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
        page = scroller;
      }
      return page;
    case JUE_SECTION_TABLE:
      return jue_table_page_new (self->session, section->table);
    case JUE_SECTION_FORM:
    default:
      return jue_form_page_new (self->session, section);
    }
}

GtkWidget *
jue_window_get_page (JueWindow  *self,
                     const char *section_id)
{
  JueSection *section;
  GtkWidget *page;

  if (self->session == NULL)
    return NULL;
  page = gtk_stack_get_child_by_name (GTK_STACK (self->pages), section_id);
  if (page)
    return page;
  section = jue_sections_find_by_id (self->sections, section_id);
  if (section == NULL)
    return NULL;
  page = build_page (self, section);
  gtk_stack_add_named (GTK_STACK (self->pages), page, section_id);
  return page;
}

/* Pages are kept for going back to them, but not every page ever shown: a
 * ×20 report has 170 sections, and every page visited held all its
 * widgets (1.3 GB after visiting them all).  Beyond the MAX_PAGES most
 * recently shown, pages are taken down (what was typed in them committed
 * first) and built again if shown again. */
#define MAX_PAGES 12

static void
drop_old_pages (JueWindow  *self,
                const char *shown)
{
  GList *l = g_queue_find_custom (&self->shown_pages, shown, (GCompareFunc) g_strcmp0);

  if (l)
    {
      g_free (l->data);
      g_queue_delete_link (&self->shown_pages, l);
    }
  g_queue_push_head (&self->shown_pages, g_strdup (shown));
  while (g_queue_get_length (&self->shown_pages) > MAX_PAGES)
    {
      g_autofree char *id = g_queue_pop_tail (&self->shown_pages);
      GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (self->pages), id);

      if (page == NULL || page == gtk_stack_get_visible_child (GTK_STACK (self->pages)))
        continue;
      jue_session_flush_fields (self->session);
      gtk_stack_remove (GTK_STACK (self->pages), page);
    }
}

void
jue_window_show_section (JueWindow  *self,
                         const char *section_id)
{
  JueSection *section;
  GtkWidget *page;

  if (self->sections == NULL)
    return;
  section = jue_sections_find_by_id (self->sections, section_id);
  if (section == NULL)
    section = self->sections->pdata[0];
  page = jue_window_get_page (self, section->id);
  gtk_stack_set_visible_child (GTK_STACK (self->pages), page);
  drop_old_pages (self, section->id);
  g_free (self->section_id);
  self->section_id = g_strdup (section->id);
  adw_window_title_set_title (ADW_WINDOW_TITLE (self->section_title), section->title);
  jue_section_list_select (JUE_SECTION_LIST (self->section_list), section->id);
  adw_leaflet_navigate (ADW_LEAFLET (self->leaflet), ADW_NAVIGATION_DIRECTION_FORWARD);
  if (self->settings)
    g_settings_set_string (self->settings, "last-section", section->id);
  jue_window_nav_section_shown (self);
}

const char *
jue_window_get_section (JueWindow *self)
{
  return self->section_id;
}

static void
rebuild_sections (JueWindow *self)
{
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  if (self->session)
    self->sections = jue_sections_for_report (jue_session_get_report (self->session));
  jue_section_list_set_sections (JUE_SECTION_LIST (self->section_list), self->sections);
  jue_find_popover_set_session (JUE_FIND_POPOVER (self->find_popover), self->session,
                                self->sections);
  if (self->session)
    {
      jue_section_list_update_counts (JUE_SECTION_LIST (self->section_list), self->session);
      if (self->section_id)
        jue_section_list_select (JUE_SECTION_LIST (self->section_list), self->section_id);
    }
}

static gboolean
is_fund_title (const char *path)
{
  return path && g_str_has_prefix (path, "special_funds[") &&
         g_str_has_suffix (path, "].project_name");
}

static gboolean
update_actions_idle (gpointer data)
{
  JueWindow *self = data;

  self->update_actions_id = 0;
  jue_window_update_actions (self);
  return G_SOURCE_REMOVE;
}

static void
on_session_changed (JueSession *session,
                    int         kind,
                    const char *path,
                    JueWindow  *self)
{
  if (kind == JUE_CHANGE_LIST && g_strcmp0 (path, "special_funds") == 0)
    {
      /* fund pages are addressed by index, which has just changed */
      g_autofree char *showing = g_strdup (self->section_id);
      gboolean on_fund = showing && g_str_has_prefix (showing, "fund-");

      clear_pages (self, TRUE);
      rebuild_sections (self);
      if (on_fund)
        jue_window_show_section (self, "special-funds");
    }
  else if (is_fund_title (path) || (kind == JUE_CHANGE_LIST && g_strcmp0 (path, "empty_tables") == 0))
    rebuild_sections (self);   /* titles; the page a mark's findings go to */
  else if (g_strcmp0 (path, "profile.template") == 0)
    {
      /* another template: other tables */
      g_autofree char *showing = g_strdup (self->section_id);

      rebuild_sections (self);
      if (showing && g_str_has_prefix (showing, "table-"))
        jue_window_show_section (self, "profile");
      clear_table_pages (self);
    }
  else
    jue_section_list_update_counts (JUE_SECTION_LIST (self->section_list), session);
  if (path && (g_str_equal (path, "profile.name") || g_str_equal (path, "profile.year")))
    update_title (self);
  /* "changed" comes before the document records the edit for undo */
  if (self->update_actions_id == 0)
    self->update_actions_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_actions_idle,
                                               self, NULL);
}

/* ---- the document ----------------------------------------------------- */

static void
drop_session (JueWindow *self)
{
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->monitor)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->session == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->session, self);
  jue_find_popover_set_session (JUE_FIND_POPOVER (self->find_popover), NULL, NULL);
  clear_pages (self, FALSE);
  jue_section_list_set_sections (JUE_SECTION_LIST (self->section_list), NULL);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_object (&self->session);
}

/* ---- changes made by other programs -------------------------------------
 *
 * A file open here for review (or read-only because another program has it
 * open for editing) is watched: when the writer commits, the window shows
 * the new contents.  A file open here for editing is locked, so only a
 * program that ignores the lock can change it; that is noticed too (and no
 * edit of the old copy is ever written over it). */

static gboolean
reload_if_changed (gpointer data)
{
  JueWindow *self = data;
  JueDocument *old;
  g_autofree char *filename = NULL;
  g_autofree char *section = NULL;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JueDocument) doc = NULL;
  g_autoptr (GPtrArray) unsaved = NULL;
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  gboolean was_read_only;

  self->reload_id = 0;
  if (self->session == NULL)
    return G_SOURCE_REMOVE;
  old = jue_session_get_document (self->session);
  if (!jue_document_changed_on_disk (old))
    return G_SOURCE_REMOVE;
  filename = g_strdup (jue_document_get_filename (old));
  section = g_strdup (self->section_id);
  base = g_path_get_basename (filename);
  was_read_only = jue_document_is_read_only (old);

  /* what was typed here and not written goes over to the new copy */
  unsaved = jue_session_list_unsaved (self->session);
  for (guint i = 0; i < unsaved->len; i++)
    g_ptr_array_add (texts, g_strdup (jue_session_get_unsaved (self->session,
                                                               unsaved->pdata[i])));
  /* the old document goes first: it may hold the writer lock */
  /* (the focus widget holds its field, and so the document, until it
   * is let go of: the file reopened as "in use by this program") */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  drop_session (self);
  doc = jue_document_open (filename, self->review, &error);
  if (doc == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("“%s” was changed by another program "
                                                    "and cannot be opened now"), base);
      gtk_stack_set_visible_child (GTK_STACK (self->main_stack), self->start_page);
      update_title (self);
      jue_window_update_actions (self);
      jue_window_show_error (self, heading, error->message);
      return G_SOURCE_REMOVE;
    }
  jue_window_set_document (self, doc);
  if (section)
    jue_window_show_section (self, section);
  if (unsaved->len)
    {
      for (guint i = 0; i < unsaved->len; i++)
        jue_session_keep_unsaved (self->session, unsaved->pdata[i], texts->pdata[i], NULL);
      jue_session_retry_unsaved (self->session, NULL);
    }
  if (was_read_only && !jue_document_is_read_only (doc))
    text = g_strdup_printf (_("“%s” was changed and closed by the other program; "
                              "it can be edited here now"), base);
  else
    text = g_strdup_printf (_("“%s” was changed by another program; this is what it "
                              "holds now"), base);
  jue_window_toast (self, text);
  return G_SOURCE_REMOVE;
}

static void
schedule_reload (JueWindow *self,
                 guint      delay_ms)
{
  /* a save is several writes: wait until they settle */
  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->reload_id = g_timeout_add (delay_ms, reload_if_changed, self);
}

static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 JueWindow         *self)
{
  if (event == G_FILE_MONITOR_EVENT_CHANGED ||
      event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT ||
      event == G_FILE_MONITOR_EVENT_CREATED ||
      event == G_FILE_MONITOR_EVENT_MOVED_IN ||
      event == G_FILE_MONITOR_EVENT_RENAMED ||
      event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    schedule_reload (self, 250);
}

static void
watch_file (JueWindow  *self,
            const char *filename)
{
  g_autoptr (GFile) file = g_file_new_for_path (filename);

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor)
    {
      g_file_monitor_set_rate_limit (self->monitor, 200);
      g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_changed), self);
    }
}

void
jue_window_set_document (JueWindow   *self,
                         JueDocument *document)
{
  const char *last = NULL;
  g_autofree char *last_setting = NULL;

  drop_session (self);
  self->session = jue_session_new (document);
  /* on purpose: read-only with no reason given (not in use, not a read-only file) */
  self->review = jue_document_is_read_only (document) &&
                 jue_document_get_read_only_reason (document) == NULL;
  watch_file (self, jue_document_get_filename (document));
  g_signal_connect (self->session, "changed", G_CALLBACK (on_session_changed), self);
  g_signal_connect (self->session, "error", G_CALLBACK (on_session_error), self);
  g_signal_connect (self->session, "unsaved-changed", G_CALLBACK (on_unsaved_changed), self);
  update_unsaved_bar (self);
  rebuild_sections (self);
  update_title (self);

  if (jue_document_is_read_only (document))
    {
      const char *why = jue_document_get_read_only_reason (document);
      g_autofree char *text = why
        /* TRANSLATORS: the reason, e.g. "The file is read-only." */
        ? g_strdup_printf (_("%s It was opened for reading only: nothing can be changed and "
                             "the file is never written."), why)
        : g_strdup (_("Open for review: nothing can be changed and the file is never "
                      "written. Findings and their explanations are listed under "
                      "Findings."));
      gtk_label_set_text (GTK_LABEL (self->banner_label), text);
      gtk_revealer_set_reveal_child (GTK_REVEALER (self->banner), TRUE);
      gtk_widget_add_css_class (self->content, "jue-read-only");
    }
  else
    {
      gtk_revealer_set_reveal_child (GTK_REVEALER (self->banner), FALSE);
      gtk_widget_remove_css_class (self->content, "jue-read-only");
    }

  gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), "document");
  if (jue_document_is_read_only (document))
    last = "findings";
  else if (self->settings)
    last = last_setting = g_settings_get_string (self->settings, "last-section");
  g_clear_pointer (&self->section_id, g_free);
  jue_window_nav_forget (self);
  jue_window_show_section (self, last);
  jue_window_add_recent (self, jue_document_get_filename (document));
  jue_window_update_actions (self);
}

JueSession *
jue_window_get_session (JueWindow *self)
{
  return self->session;
}

const char *
jue_window_get_filename (JueWindow *self)
{
  return self->session ? jue_document_get_filename (jue_session_get_document (self->session))
                       : NULL;
}

/* ---- navigation ------------------------------------------------------- */

static JueField *
find_field_under (JueWindow  *self,
                  const char *path)
{
  JueField *field = jue_session_lookup_field (self->session, path);
  JueReport *report = jue_session_get_report (self->session);
  g_autoptr (GPtrArray) paths = NULL;
  JueFieldRef ref;

  if (field)
    return field;
  /* a list or a row: its first field */
  if (!jue_report_resolve (report, path, &ref, NULL))
    return NULL;
  if (ref.def->kind == JUE_KIND_LIST && ref.index < 0)
    {
      GPtrArray *rows = *(GPtrArray **) ref.ptr;
      g_autofree char *first = NULL;
      const JueRecordDef *element = ref.def->extra;

      if (rows->len == 0)
        return NULL;
      first = g_strdup_printf ("%s[0].%s", path, element->fields[0].name);
      return jue_session_lookup_field (self->session, first);
    }
  if (ref.def->kind == JUE_KIND_LIST || ref.def->kind == JUE_KIND_RECORD)
    {
      const JueRecordDef *def = ref.def->extra;
      for (guint i = 0; i < def->n_fields; i++)
        {
          g_autofree char *child = g_strdup_printf ("%s.%s", path, def->fields[i].name);
          field = find_field_under (self, child);
          if (field)
            return field;
        }
    }
  return NULL;
}

gboolean
jue_window_goto_field (JueWindow  *self,
                       const char *path)
{
  JueSection *section;
  JueField *field;

  if (self->session == NULL)
    return FALSE;
  section = jue_sections_find_for_path (self->sections, path);
  if (section == NULL)
    return FALSE;
  jue_window_show_section (self, section->id);
  field = find_field_under (self, path);
  if (field == NULL)
    return FALSE;
  jue_field_focus (field);
  return TRUE;
}

static void
on_section_selected (JueSectionList *list,
                     const char     *id,
                     JueWindow      *self)
{
  jue_window_show_section (self, id);
}

static void
on_back_clicked (JueWindow *self)
{
  adw_leaflet_navigate (ADW_LEAFLET (self->leaflet), ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_show_section_action (GtkWidget  *widget,
                        const char *action,
                        GVariant   *param)
{
  jue_window_show_section (JUE_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
on_goto_field_action (GtkWidget  *widget,
                      const char *action,
                      GVariant   *param)
{
  jue_window_goto_field (JUE_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
on_find_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  JueWindow *self = JUE_WINDOW (widget);

  adw_leaflet_navigate (ADW_LEAFLET (self->leaflet), ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->find_button));
}

/* Undo and redo go through the document, across fields and lists, and
 * then show the field that changed back. */
static void
on_history_action (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  JueWindow *self = JUE_WINDOW (widget);
  JueDocument *doc;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean ok;

  if (self->session == NULL)
    return;
  doc = jue_session_get_document (self->session);
  jue_session_flush_fields (self->session);   /* undo what was typed last, too */
  if (g_str_equal (action, "win.undo"))
    ok = jue_document_undo (doc, &path, &error);
  else
    ok = jue_document_redo (doc, &path, &error);
  if (!ok)
    jue_window_show_error (self, g_str_equal (action, "win.undo") ? _("Could not undo")
                                                                  : _("Could not redo"),
                           error->message);
  else if (path)
    jue_window_goto_field (self, path);
  jue_window_update_actions (self);
}

/* ---- window state ----------------------------------------------------- */

static gboolean
close_confirmed_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   JueWindow        *self)
{
  self->close_dialog = NULL;
  if (g_strcmp0 (response, "close") == 0)
    {
      self->close_confirmed = TRUE;
      /* after the dialog has finished with its parent */
      g_idle_add_full (G_PRIORITY_DEFAULT, close_confirmed_idle, g_object_ref (self),
                       g_object_unref);
    }
  else
    {
      /* go to the first, to correct it */
      const char *first = g_object_get_data (G_OBJECT (dialog), "first-path");
      if (first)
        jue_window_goto_field (self, first);
    }
}

typedef struct {
  GString *list;
  guint    n;
  char    *first;
} Unreadable;

static void
note_unreadable (const char        *path,
                 const JueFieldRef *ref,
                 gpointer           user_data)
{
  Unreadable *u = user_data;

  if (u->first == NULL)
    u->first = g_strdup (path);
  if (u->n++ < 5)
    {
      g_string_append_c (u->list, '\n');
      /* Translators: a field's label and the text typed in it */
      g_string_append_printf (u->list, _("%s: “%s”"), _(ref->def->label),
                              jue_field_get_unreadable (ref));
    }
}

static void
on_unsaved_close_response (AdwMessageDialog *dialog,
                           const char       *response,
                           JueWindow        *self)
{
  self->close_dialog = NULL;
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->close_confirmed = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_confirmed_idle, g_object_ref (self),
                       g_object_unref);
    }
  else if (g_strcmp0 (response, "retry") == 0 && self->session &&
           jue_session_retry_unsaved (self->session, NULL))
    /* saved now: close as asked (a value that cannot be read still asks) */
    g_idle_add_full (G_PRIORITY_DEFAULT, close_confirmed_idle, g_object_ref (self),
                     g_object_unref);
  else if (self->session)
    {
      g_autoptr (GPtrArray) paths = jue_session_list_unsaved (self->session);
      if (paths->len)
        jue_window_goto_field (self, paths->pdata[0]);
    }
}

/* Something typed is not in the file: closing would lose it. */
static gboolean
ask_unsaved (JueWindow *self)
{
  g_autoptr (GPtrArray) paths = jue_session_list_unsaved (self->session);
  JueReport *report = jue_session_get_report (self->session);
  const GError *why = jue_session_get_unsaved_error (self->session);
  g_autoptr (GString) list = g_string_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  for (guint i = 0; i < paths->len && i < 5; i++)
    {
      JueFieldRef ref;
      const char *label = jue_report_resolve (report, paths->pdata[i], &ref, NULL)
                          ? _(ref.def->label) : paths->pdata[i];

      g_string_append_c (list, '\n');
      g_string_append_printf (list, _("%s: “%s”"), label,
                              jue_session_get_unsaved (self->session, paths->pdata[i]));
    }
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change is not saved",
                                          "%u changes are not saved", paths->len),
                             paths->len);
  /* TRANSLATORS: the reason (it names the file), then the values typed */
  body = g_strdup_printf (_("%s.\nWhat you typed is only in this window; closing now "
                            "loses it:%s"),
                          why ? why->message : _("The file cannot be written"), list->str);
  g_free (self->last_message);
  self->last_message = g_strdup_printf ("%s\n%s", heading, body);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Open"),
                                    "retry", _("_Retry"),
                                    "discard", _("_Close Without Saving"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "retry",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "retry");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (on_unsaved_close_response), self);
  self->close_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* TRUE when the window must stay open while the user answers. */
static gboolean
ask_before_closing (JueWindow *self)
{
  JueDocument *doc = self->session ? jue_session_get_document (self->session) : NULL;
  Unreadable u = { NULL, 0, NULL };
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (doc == NULL || self->close_confirmed)
    return FALSE;
  if (self->close_dialog)
    return TRUE;
  if (!jue_document_is_read_only (doc))
    jue_session_flush_fields (self->session);   /* and tries again what was not saved */
  if (jue_session_count_unsaved (self->session))
    return ask_unsaved (self);
  if (jue_document_is_read_only (doc))
    return FALSE;
  if (jue_document_count_unreadable (doc) == 0)
    return FALSE;

  u.list = g_string_new (NULL);
  jue_report_foreach_unreadable (jue_document_get_report (doc), note_unreadable, &u);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u value cannot be read",
                                          "%u values cannot be read", u.n), u.n);
  body = g_strdup_printf (_("It is saved in the file as typed and counts as an error "
                            "until it is corrected:%s"), u.list->str);
  g_string_free (u.list, TRUE);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "correct", _("_Go and Correct It"),
                                    "close", _("_Close Anyway"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "correct");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "correct");
  g_object_set_data_full (G_OBJECT (dialog), "first-path", u.first, g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
  self->close_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
jue_window_close_request (GtkWindow *window)
{
  JueWindow *self = JUE_WINDOW (window);
  int width, height;

  if (self->settings)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }
  /* every edit is already in the file; only one that could not be
   * written, or a value that cannot be read, is worth a question */
  if (ask_before_closing (self))
    return TRUE;
  jue_application_exit_if_last (gtk_window_get_application (window), window);
  return GTK_WINDOW_CLASS (jue_window_parent_class)->close_request (window);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         JueWindow     *self)
{
  GFile *file = g_value_get_object (value);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (path == NULL)
    {
      jue_window_show_error (self, _("Cannot open the dropped item"),
                             _("Only report files on this computer can be opened."));
      return FALSE;
    }
  return jue_window_open_file (self, path, FALSE);
}

static void
jue_window_dispose (GObject *object)
{
  JueWindow *self = JUE_WINDOW (object);

  drop_session (self);
  g_clear_handle_id (&self->update_actions_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), JUE_TYPE_WINDOW);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (jue_window_parent_class)->dispose (object);
}

static void
jue_window_finalize (GObject *object)
{
  JueWindow *self = JUE_WINDOW (object);

  g_free (self->section_id);
  g_queue_clear_full (&self->shown_pages, g_free);
  g_free (self->last_message);
  g_free (self->finding_rule);
  g_free (self->finding_path);
  g_clear_pointer (&self->review_files, g_ptr_array_unref);
  G_OBJECT_CLASS (jue_window_parent_class)->finalize (object);
}

static void
jue_window_class_init (JueWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jue_window_dispose;
  object_class->finalize = jue_window_finalize;
  window_class->close_request = jue_window_close_request;

  g_type_ensure (JUE_TYPE_SECTION_LIST);
  g_type_ensure (JUE_TYPE_FIND_POPOVER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/juesuan/Juesuan/ui/jue-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JueWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JueWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, JueWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, JueWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, JueWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, JueWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, JueWindow, content);
  gtk_widget_class_bind_template_child (widget_class, JueWindow, doc_title);
  gtk_widget_class_bind_template_child (widget_class, JueWindow, section_title);
  gtk_widget_class_bind_template_child (widget_class, JueWindow, section_list);
  gtk_widget_class_bind_template_child (widget_class, JueWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, JueWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, JueWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, JueWindow, find_button);
  gtk_widget_class_bind_template_child (widget_class, JueWindow, find_popover);
  gtk_widget_class_bind_template_child (widget_class, JueWindow, saved_label);
  gtk_widget_class_bind_template_child (widget_class, JueWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, JueWindow, review_buttons);
  gtk_widget_class_bind_template_callback (widget_class, on_section_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  jue_window_yearly_init_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, on_history_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, on_history_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, on_find_action);
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", on_show_section_action);
  gtk_widget_class_install_action (widget_class, "win.goto-field", "s", on_goto_field_action);
  jue_window_nav_init_actions (widget_class);
  jue_window_files_init_actions (widget_class);
  jue_window_print_init_actions (widget_class);
}

static void
restore_size (JueWindow *self)
{
  if (self->settings == NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1280, 860);
      return;
    }
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
jue_window_init (JueWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));
  jue_window_nav_init (self);
  build_unsaved_bar (self);
  self->settings = jue_settings_new ();
  restore_size (self);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  if (self->settings)
    g_signal_connect_swapped (self->settings, "changed::recent-files",
                              G_CALLBACK (jue_window_update_recent), self);
  jue_window_update_recent (self);
  jue_window_update_actions (self);
}

JueWindow *
jue_window_new (GtkApplication *application)
{
  return g_object_new (JUE_TYPE_WINDOW, "application", application, NULL);
}
