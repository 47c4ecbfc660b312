/* jue-field.c — one scalar field of the report as a widget: its value as
 * typed, shown and stored, its commits and its marks. */
#include "config.h"
#include <glib/gi18n-lib.h>
#include <string.h>

#include "jue-choice-cell.h"
#include "jue-field-private.h"

static void
jue_field_free (JueField *self)
{
  g_clear_object (&self->session);
  g_free (self->path);
  g_free (self->parse_error);
  g_free (self->shown_message);
  g_free (self);
}

JueField *
jue_field_from_widget (GtkWidget *widget)
{
  return widget ? g_object_get_data (G_OBJECT (widget), "jue-field") : NULL;
}

const char *
jue_field_get_path (JueField *self)
{
  return self->path;
}

GtkWidget *
jue_field_get_widget (JueField *self)
{
  return self->widget;
}

const char *
jue_field_get_parse_error (JueField *self)
{
  return self->parse_error;
}

GtkWidget *
jue_field_get_error_label (JueField *self)
{
  return self->error_label;
}

/* The field the focus is in, where something is typed or chosen; NULL on
 * a button a row carries (move up or down, remove, open, choose). */
static JueField *
field_at (GtkWidget *focus)
{
  for (GtkWidget *w = focus; w; w = gtk_widget_get_parent (w))
    {
      JueField *field = jue_field_from_widget (w);

      if (GTK_IS_BUTTON (w) && !gtk_widget_get_ancestor (w, GTK_TYPE_DROP_DOWN) &&
          !gtk_widget_get_ancestor (w, JUE_TYPE_CHOICE_CELL))
        return NULL;
      if (field)
        return field;
    }
  return NULL;
}

/* Enter goes to the next field, past the buttons between fields: an
 * Enter more would move a row or remove it (after naming a new special
 * fund, the next stop was 上移, and a second Enter reordered the funds). */
void
jue_focus_next (GtkWidget *from)
{
  GtkRoot *root = gtk_widget_get_root (from);
  GtkWidget *start;
  JueField *here;

  GtkWidget *page;

  if (root == NULL)
    return;
  start = gtk_root_get_focus (root);
  here = field_at (start);
  /* the page the field is on: the child of the window's page stack */
  for (page = start; page && gtk_widget_get_parent (page) &&
       !GTK_IS_STACK (gtk_widget_get_parent (page)); page = gtk_widget_get_parent (page))
    ;
  for (guint i = 0; i < 500; i++)
    {
      GtkWidget *now;
      JueField *field;

      g_signal_emit_by_name (root, "move-focus", GTK_DIR_TAB_FORWARD);
      now = gtk_root_get_focus (root);
      if (now == NULL || now == start)
        return;   /* round the window, and no other field */
      /* past the page's last field: stay, rather than walk the sidebar
       * (focusing its rows changes the section) into another page */
      if (page && start && !gtk_widget_is_ancestor (now, page))
        {
          gtk_widget_grab_focus (start);
          return;
        }
      field = field_at (now);
      if (field && field != here)
        return;
    }
}

static void flush (JueField *self);
static gboolean too_long_for_entry (JueField *self, const char *text);
static void set_too_long (JueField *self, gboolean too_long);

#define TOOLTIP_CHARS 500

/* ---- values ----------------------------------------------------------- */

static gboolean
is_blank (const char *text)
{
  g_autofree char *norm = jue_normalize_input (text ? text : "");
  return *norm == '\0';
}

/* What text means for this field's kind, as the core would store it, so a
 * keystroke that changes nothing ("2.9" → "2.90") is not an edit. */
static char *
canonical_of (JueField    *self,
              const char  *text,
              GError     **error)
{
  switch (self->def->kind)
    {
    case JUE_KIND_AMOUNT:
      {
        JueAmount a;
        return jue_amount_parse (text, &a, error) ? jue_amount_canonical (a) : NULL;
      }
    case JUE_KIND_INTEGER:
      {
        JueInteger i;
        return jue_integer_parse (text, &i, error) ? jue_integer_canonical (i) : NULL;
      }
    case JUE_KIND_PERCENT:
      {
        JuePercent p;
        return jue_percent_parse (text, &p, error) ? jue_percent_canonical (p) : NULL;
      }
    case JUE_KIND_DATE:
      {
        char *iso = NULL;
        if (is_blank (text))
          return g_strdup ("");
        return jue_date_parse (text, &iso, error) ? iso : NULL;
      }
    default:
      return g_strdup (text ? text : "");
    }
}

static char *
stored_text (JueField *self)
{
  char *text = jue_report_get (jue_session_get_report (self->session), self->path, NULL);
  return text ? text : g_strdup ("");
}

/* The stored value's typed text when it cannot be read, else NULL. */
static const char *
stored_unreadable (JueField *self)
{
  JueFieldRef ref;

  if (!jue_report_resolve (jue_session_get_report (self->session), self->path, &ref, NULL))
    return NULL;
  return jue_field_get_unreadable (&ref);
}

/* A value kept as typed that cannot be read says why, where it was typed,
 * for as long as it is in the file (after a reopen too). */
static void
sync_parse_error (JueField *self)
{
  const char *typed = stored_unreadable (self);
  const char *unsaved = jue_session_get_unsaved (self->session, self->path);
  g_autoptr (GError) error = NULL;
  g_autofree char *canon = NULL;

  g_clear_pointer (&self->parse_error, g_free);
  if (self->editable)
    {
      g_autofree char *stored = unsaved ? NULL : stored_text (self);

      set_too_long (self, too_long_for_entry (self, unsaved ? unsaved : stored));
      if (self->too_long)
        {
          self->parse_error = g_strdup_printf (
            _("This text is %ld characters long, more than a one-line field can show or "
              "edit; it is kept whole and unchanged in the file (juesuan-cli get and the CSV "
              "export show it all)."),
            g_utf8_strlen (unsaved ? unsaved : stored, -1));
          return;
        }
    }
  if (unsaved)
    {
      /* typed, shown, and not in the file: said where it was typed */
      const GError *why = jue_session_get_unsaved_error (self->session);
      self->parse_error = g_strdup_printf (_("Not saved: %s. What you typed is kept here and "
                                             "is saved as soon as the file can be written."),
                                           why ? why->message : _("the file cannot be written"));
      return;
    }
  if (typed == NULL)
    return;
  canon = canonical_of (self, typed, &error);
  self->parse_error = error ? g_strdup (error->message)
                            : g_strdup_printf (_("“%s” was kept as typed"), typed);
}

static gboolean
has_focus (JueField *self)
{
  return self->focus &&
         gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (self->focus));
}

/* Amounts read 万元 with 2 decimals, except while being edited, when the
 * exact value is shown so that nothing is lost by tabbing through. */
static char *
shown_for (JueField   *self,
           const char *stored,
           gboolean    editing)
{
  if (self->def->kind == JUE_KIND_AMOUNT && !editing)
    {
      JueAmount a;
      if (jue_amount_parse (stored, &a, NULL))
        return jue_amount_display (a);
    }
  return g_strdup (stored);
}

static char *
widget_text (JueField *self)
{
  if (self->editable)
    return g_strdup (gtk_editable_get_text (self->editable));
  if (self->buffer)
    {
      GtkTextIter start, end;
      gtk_text_buffer_get_bounds (self->buffer, &start, &end);
      return gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
    }
  if (self->selector)
    {
      guint pos;
      const JueChoiceSet *set = self->def->extra;

      g_object_get (self->selector, "selected", &pos, NULL);
      if (pos == 0 || pos == GTK_INVALID_LIST_POSITION)
        return g_strdup ("");
      return g_strdup (set->values[pos - 1]);
    }
  return g_strdup ("");
}

/* A cell is narrow: its tooltip shows the whole text.  Made when it is
 * about to be shown (query-tooltip), never stored: setting a tooltip asks
 * the X server where the pointer is, and a table page set each of its
 * cells' 2–3 times (about 8,000 round trips for one ×20 page). */
char *
jue_field_dup_cell_tooltip (JueField *self)
{
  const char *text;

  if (self->entry == NULL || self->selector)
    return NULL;
  text = gtk_editable_get_text (self->editable);
  if (g_utf8_strlen (text, TOOLTIP_CHARS + 1) > TOOLTIP_CHARS)
    {
      /* a tooltip is a glance: a page-long name is cut there */
      const char *end = g_utf8_offset_to_pointer (text, TOOLTIP_CHARS);
      return g_strdup_printf ("%s: %.*s…", _(self->def->label), (int) (end - text), text);
    }
  return *text ? g_strdup_printf ("%s: %s", _(self->def->label), text)
               : g_strdup (_(self->def->label));
}

/* A one-line entry holds at most 65,534 bytes (GtkEntryBuffer); a longer
 * value (put in by juesuan-cli or a CSV import: the file takes 256 KiB) is
 * shown cut, marked, and never edited here — an edit would store the cut
 * text in place of the whole. */
#define ENTRY_MAX_BYTES (G_MAXUSHORT - 1)   /* and a NUL */

static gboolean
too_long_for_entry (JueField   *self,
                    const char *text)
{
  return self->editable && text && strlen (text) > ENTRY_MAX_BYTES;
}

/* What the entry shows of a text too long for it: its beginning, and "…". */
static char *
cut_for_entry (const char *text)
{
  const char *end = text + ENTRY_MAX_BYTES - 16;

  while (end > text && (*end & 0xc0) == 0x80)
    end--;
  return g_strdup_printf ("%.*s…", (int) (end - text), text);
}

static void
set_too_long (JueField *self,
              gboolean  too_long)
{
  if (self->too_long == (guint) too_long)
    return;
  self->too_long = too_long;
  gtk_editable_set_editable (self->editable, !too_long);
}

static void
set_widget_text (JueField   *self,
                 const char *text)
{
  g_autofree char *now = widget_text (self);

  if (g_strcmp0 (now, text) == 0)
    return;
  self->updating = TRUE;
  if (self->editable && too_long_for_entry (self, text))
    {
      g_autofree char *cut = cut_for_entry (text);
      gtk_editable_set_text (self->editable, cut);
    }
  else if (self->editable)
    gtk_editable_set_text (self->editable, text);
  else if (self->buffer)
    gtk_text_buffer_set_text (self->buffer, text, -1);
  else if (self->selector)
    {
      const JueChoiceSet *set = self->def->extra;
      guint pos = 0;

      for (guint i = 0; set->values[i]; i++)
        if (g_strcmp0 (set->values[i], text) == 0)
          pos = i + 1;
      g_object_set (self->selector, "selected", pos, NULL);
    }
  self->updating = FALSE;
}

void
jue_field_refresh (JueField *self)
{
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;
  gboolean editing;

  if (self->committing)
    return;
  flush (self);
  if (jue_session_get_unsaved (self->session, self->path))
    {
      /* what was typed stays until it is in the file */
      set_widget_text (self, jue_session_get_unsaved (self->session, self->path));
      sync_parse_error (self);
      jue_field_update_marks (self);
      return;
    }
  stored = stored_text (self);
  editing = has_focus (self);
  if (editing)
    {
      g_autofree char *typed = widget_text (self);
      g_autofree char *canon = canonical_of (self, typed, NULL);
      /* what is typed already means what is stored (a value that cannot be
       * read is stored as typed) */
      if (canon ? g_strcmp0 (canon, stored) == 0 && stored_unreadable (self) == NULL
                : g_strcmp0 (typed, stored) == 0)
        {
          sync_parse_error (self);
          jue_field_update_marks (self);
          return;
        }
    }
  sync_parse_error (self);
  shown = shown_for (self, stored, editing);
  set_widget_text (self, shown);
  jue_field_update_marks (self);
}

/* ---- marks ------------------------------------------------------------ */

static const char *
mark_icon (JueMarkLevel level)
{
  switch (level)
    {
    case JUE_MARK_ERROR: return "dialog-error-symbolic";
    case JUE_MARK_WARNING: return "dialog-warning-symbolic";
    case JUE_MARK_HINT: return "dialog-information-symbolic";
    default: return NULL;
    }
}

void
jue_field_update_marks (JueField *self)
{
  g_autofree char *message = NULL;
  JueMarkLevel level;
  const char *icon;

  if (self->carried || (self->def->kind == JUE_KIND_TEXT && self->editable))
    {
      gboolean carried = jue_document_is_carried (jue_session_get_document (self->session),
                                                  self->path);
      if (carried)
        jue_field_ensure_carried_note (self);
      if (self->carried && gtk_widget_get_visible (self->carried) != carried)
        gtk_widget_set_visible (self->carried, carried);
    }
  if (self->parse_error)
    {
      level = JUE_MARK_ERROR;
      message = g_strdup (self->parse_error);
    }
  else
    level = jue_session_get_mark (self->session, self->path, &message);
  /* every edit re-marks every field: leave alone what has not changed (a
   * tooltip change asks the X server where the pointer is) */
  if (level == self->shown_level && g_strcmp0 (message, self->shown_message) == 0)
    return;
  self->shown_level = level;
  g_free (self->shown_message);
  self->shown_message = g_strdup (message);
  icon = mark_icon (level);

  if (level == JUE_MARK_ERROR)
    gtk_widget_add_css_class (self->widget, "error");
  else
    gtk_widget_remove_css_class (self->widget, "error");
  if (level == JUE_MARK_WARNING)
    gtk_widget_add_css_class (self->widget, "warning");
  else
    gtk_widget_remove_css_class (self->widget, "warning");

  if (self->mark)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (self->mark), icon);
      jue_widget_set_tooltip_later (self->mark, message);
      gtk_widget_set_visible (self->mark, icon != NULL);
    }
  else if (self->entry && (icon || gtk_entry_get_icon_storage_type (self->entry,
                                                                   GTK_ENTRY_ICON_PRIMARY)
                                      != GTK_IMAGE_EMPTY))
    {
      /* touched only when there is or was a mark: an icon slot, once made,
       * takes room in a narrow cell */
      gtk_entry_set_icon_from_icon_name (self->entry, GTK_ENTRY_ICON_PRIMARY, icon);
      gtk_entry_set_icon_tooltip_text (self->entry, GTK_ENTRY_ICON_PRIMARY, message);
      if (self->cover)
        jue_field_sync_cover (self);
    }
  else if (self->selector)
    jue_widget_set_tooltip_later (self->selector, message ? message : _(self->def->label));

  if (level == JUE_MARK_ERROR || level == JUE_MARK_WARNING)
    gtk_accessible_update_state (GTK_ACCESSIBLE (self->widget),
                                 GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (self->widget), GTK_ACCESSIBLE_STATE_INVALID);
  if (message)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->widget),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  /* what was typed and cannot be read is said in words where it was typed;
   * the findings of the checks stay in the tooltip and the findings page */
  if (self->parse_error || self->error_label)
    jue_field_show_parse_error (self);
}

void
jue_list_mark_update (JueSession *session,
                      const char *list_path,
                      GtkWidget  *box,
                      GtkWidget  *icon,
                      GtkWidget  *label)
{
  g_autofree char *message = NULL;
  JueMarkLevel level = jue_session_get_mark (session, list_path, &message);

  gtk_widget_set_visible (box, level != JUE_MARK_NONE);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), mark_icon (level));
  gtk_label_set_text (GTK_LABEL (label), message ? message : "");
  if (level == JUE_MARK_ERROR)
    gtk_widget_add_css_class (box, "error");
  else
    gtk_widget_remove_css_class (box, "error");
  if (level == JUE_MARK_WARNING)
    gtk_widget_add_css_class (box, "warning");
  else
    gtk_widget_remove_css_class (box, "warning");
}

char *
jue_field_dup_mark_message (JueField *self)
{
  if (self->mark)
    return gtk_widget_get_visible (self->mark) ? g_strdup (jue_widget_get_tooltip_later (self->mark))
                                               : NULL;
  if (self->entry)
    return gtk_entry_get_icon_tooltip_text (self->entry, GTK_ENTRY_ICON_PRIMARY);
  return g_strdup (jue_widget_get_tooltip_later (self->widget));
}

/* ---- committing ------------------------------------------------------- */

static void
commit (JueField *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *canon = NULL;
  g_autofree char *stored = NULL;
  JueDocument *doc = jue_session_get_document (self->session);

  if (self->updating || self->too_long || jue_session_is_read_only (self->session))
    return;
  typed = widget_text (self);
  canon = canonical_of (self, typed, &error);
  stored = stored_text (self);
  /* unchanged: what is typed means what is stored (a value that cannot be
   * read is stored exactly as typed) */
  if (canon ? g_strcmp0 (canon, stored) == 0 && stored_unreadable (self) == NULL
            : g_strcmp0 (typed, stored) == 0 && stored_unreadable (self) != NULL)
    {
      /* typed back to what the file holds: nothing is waiting any more */
      if (jue_session_get_unsaved (self->session, self->path))
        jue_session_drop_unsaved (self->session, self->path);
      sync_parse_error (self);
      jue_field_update_marks (self);
      return;
    }
  g_clear_error (&error);

  /* What is typed is what the file holds: a value that cannot be read
   * ("48o") is kept as typed and unknown, never its readable beginning. */
  self->committing = TRUE;
  if (!jue_document_set_typed (doc, self->path, typed, &error))
    {
      self->committing = FALSE;
      if (g_error_matches (error, JUE_ERROR, JUE_ERROR_PARSE) ||
          g_error_matches (error, JUE_ERROR, JUE_ERROR_INVALID))
        {
          g_free (self->parse_error);
          self->parse_error = g_strdup (error->message);
          jue_field_update_marks (self);
          return;
        }
      /* not stored (a full disk, a read-only folder, the file taken away
       * or changed by another program): what was typed stays in the
       * field, marked, and the window says so; it is written at the next
       * edit or a retry */
      jue_session_keep_unsaved (self->session, self->path, typed, error);
      return;
    }
  self->committing = FALSE;
  if (jue_session_get_unsaved (self->session, self->path))
    jue_session_drop_unsaved (self->session, self->path);
  sync_parse_error (self);
  jue_field_update_marks (self);
  /* the file can be written again: what could not be before goes now */
  if (jue_session_count_unsaved (self->session))
    jue_session_retry_unsaved (self->session, NULL);
}

/* A change can arrive in steps (set_text deletes, then inserts), so the
 * commit waits until the main loop is idle — still before the next frame
 * is drawn — and sees only the finished text. */
static gboolean
commit_now (gpointer data)
{
  JueField *self = data;

  self->commit_id = 0;
  commit (self);
  return G_SOURCE_REMOVE;
}

static void
flush (JueField *self)
{
  if (self->commit_id)
    {
      g_clear_handle_id (&self->commit_id, g_source_remove);
      commit (self);
    }
}

void
jue_field_flush (JueField *self)
{
  flush (self);
}

static void
on_editable_changed (JueField *self)
{
  if (self->updating || self->commit_id)
    return;
  self->commit_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, commit_now, self, NULL);
}

static void
on_focus_enter (GtkEventControllerFocus *controller,
                JueField                *self)
{
  if (self->def->kind == JUE_KIND_AMOUNT && self->parse_error == NULL && self->editable)
    {
      g_autofree char *stored = stored_text (self);
      set_widget_text (self, stored);
    }
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                JueField                *self)
{
  flush (self);
  if (self->def->kind == JUE_KIND_AMOUNT && self->parse_error == NULL && self->editable)
    {
      g_autofree char *stored = stored_text (self);
      g_autofree char *shown = shown_for (self, stored, FALSE);
      set_widget_text (self, shown);
    }
}

void
jue_field_activate_next (GtkWidget *widget,
                  JueField  *self)
{
  flush (self);
  /* in a table Enter goes down (its table says where); Tab goes across */
  if (self->entry && gtk_widget_activate_action (widget, "table.enter", "s", self->path))
    return;
  jue_focus_next (widget);
}

static void
on_widget_destroy (GtkWidget *widget,
                   JueField  *self)
{
  flush (self);
  jue_session_remove_field (self->session, self);
  if (self->popover)
    {
      gtk_widget_unparent (self->popover);
      self->popover = NULL;
    }
  if (self->error_holder && GTK_IS_POPOVER (self->error_holder))
    gtk_widget_unparent (self->error_holder);
  g_clear_weak_pointer (&self->error_holder);
}

JueField *
jue_field_attach (JueSession        *session,
              const char        *path,
              const JueFieldDef *def,
              GtkWidget         *widget)
{
  JueField *self = g_new0 (JueField, 1);

  self->session = g_object_ref (session);
  self->path = g_strdup (path);
  self->def = def;
  self->widget = widget;
  g_object_set_data_full (G_OBJECT (widget), "jue-field", self, (GDestroyNotify) jue_field_free);
  g_signal_connect (widget, "destroy", G_CALLBACK (on_widget_destroy), self);
  /* by "destroy" an entry's text widget may be gone already: what was just
   * typed is committed while the widget can still say what it holds */
  g_signal_connect_swapped (widget, "unrealize", G_CALLBACK (flush), self);
  jue_session_add_field (session, self);

  self->focus = gtk_event_controller_focus_new ();
  g_signal_connect (self->focus, "enter", G_CALLBACK (on_focus_enter), self);
  g_signal_connect (self->focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (widget, self->focus);
  return self;
}

static void
on_map_say_error (JueField *self)
{
  if (self->parse_error && self->error_label == NULL)
    jue_field_show_parse_error (self);
}

/* Load the stored value, then start listening, so loading is not an edit. */
void
jue_field_start (JueField *self)
{
  g_autofree char *stored = stored_text (self);
  g_autofree char *shown = shown_for (self, stored, FALSE);
  const char *unsaved = jue_session_get_unsaved (self->session, self->path);

  /* a page rebuilt while a value typed is not yet in the file shows it */
  set_widget_text (self, unsaved ? unsaved : shown);
  sync_parse_error (self);
  if (self->parse_error && self->entry == NULL)
    /* a value kept as typed is said in words under its row once the row is
     * in its list (it is not yet while the page is built) */
    g_signal_connect_swapped (self->widget, "map", G_CALLBACK (on_map_say_error), self);
  if (self->editable)
    g_signal_connect_swapped (self->editable, "changed", G_CALLBACK (on_editable_changed), self);
  else if (self->buffer)
    g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (on_editable_changed), self);
  else if (self->selector)
    g_signal_connect_swapped (self->selector, "notify::selected",
                              G_CALLBACK (on_editable_changed), self);
  jue_field_update_marks (self);
}

static gboolean
on_query_tooltip_later (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip,
                        gpointer    data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "jue-tooltip");

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
jue_widget_set_tooltip_later (GtkWidget  *widget,
                              const char *text)
{
  if (g_object_get_data (G_OBJECT (widget), "jue-tooltip-connected") == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip_later), NULL);
      g_object_set_data (G_OBJECT (widget), "jue-tooltip-connected", GINT_TO_POINTER (1));
      gtk_widget_set_has_tooltip (widget, TRUE);
    }
  g_object_set_data_full (G_OBJECT (widget), "jue-tooltip", g_strdup (text), g_free);
}

const char *
jue_widget_get_tooltip_later (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "jue-tooltip");
}

void
jue_field_label_accessible (GtkWidget  *widget,
                  const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Each field keeps its own history out of the way: Ctrl+Z is the
 * document's undo, across fields. */
void
jue_field_disable_local_undo (GtkEditable *editable)
{
  gtk_editable_set_enable_undo (editable, FALSE);
  if (gtk_editable_get_delegate (editable))
    gtk_editable_set_enable_undo (gtk_editable_get_delegate (editable), FALSE);
}

/* ---- focus ------------------------------------------------------------ */

/* The page scrolls vertically; a table's own scroller only sideways. */
static GtkWidget *
vertical_scroller (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      {
        GtkPolicyType v;
        gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (w), NULL, &v);
        if (v != GTK_POLICY_NEVER)
          return w;
      }
  return NULL;
}

#define SCROLL_FRAMES 5

/* Runs once the page has been laid out: a page built a moment ago has no
 * positions yet, so scrolling has to wait for the frame. */
static gboolean
scroll_into_view (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  GtkWidget *scroller = vertical_scroller (widget);
  GtkWidget *child;
  GtkAdjustment *adj;
  graphene_point_t at;
  double value, page;
  int height = gtk_widget_get_height (widget);
  guint frames;

  if (scroller == NULL || height == 0)
    return scroller != NULL ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
  child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  if (!gtk_widget_compute_point (widget, child, &GRAPHENE_POINT_INIT (0, 0), &at))
    return G_SOURCE_REMOVE;
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  value = gtk_adjustment_get_value (adj);
  page = gtk_adjustment_get_page_size (adj);
  /* the scrolled child (a viewport) shows the part from value on, so at.y
   * is where the field is on screen, not in the page */
  if (at.y < 0 || at.y + height > page)
    gtk_adjustment_set_value (adj, MAX (0, value + at.y - page / 4));
  /* a page just rebuilt (a row added) settles over a few frames (wrapped
   * cells take their height at the next one): look again until it has */
  frames = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "jue-scroll-frames"));
  if (frames < SCROLL_FRAMES)
    {
      g_object_set_data (G_OBJECT (widget), "jue-scroll-frames", GUINT_TO_POINTER (frames + 1));
      return G_SOURCE_CONTINUE;
    }
  g_object_set_data (G_OBJECT (widget), "jue-scroll-frames", NULL);
  return G_SOURCE_REMOVE;
}

void
jue_field_focus (JueField *self)
{
  GtkWidget *target = self->text_view ? self->text_view : self->widget;

  gtk_widget_grab_focus (target);
  gtk_widget_add_tick_callback (self->widget, scroll_into_view, NULL, NULL);
}
