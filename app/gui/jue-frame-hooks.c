/* jue-frame-hooks.c — see jue-frame-hooks.h. */
#include "config.h"

#include "jue-frame-hooks.h"
#include "jue-window-private.h"

typedef struct {
  JueWindow     *window;
  GdkFrameClock *clock;
  gulong         handler;
  gboolean       every;     /* show every section, one frame each */
  guint          next;      /* the next section to show */
} Hooks;

static gboolean
env_set (const char *name)
{
  const char *v = g_getenv (name);

  return v && *v && !g_str_equal (v, "0");
}

static void
hooks_free (Hooks *h)
{
  if (h->clock && h->handler)
    g_signal_handler_disconnect (h->clock, h->handler);
  g_clear_object (&h->clock);
  g_clear_object (&h->window);
  g_free (h);
}

static gboolean
quit_idle (gpointer data)
{
  GApplication *app = g_application_get_default ();

  if (app)
    g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void on_after_paint (GdkFrameClock *clock, Hooks *h);

static void
wait_for_frame (Hooks *h)
{
  h->handler = g_signal_connect (h->clock, "after-paint", G_CALLBACK (on_after_paint), h);
  gtk_widget_queue_draw (GTK_WIDGET (h->window));
}

static gboolean
next_idle (gpointer data)
{
  Hooks *h = data;
  GPtrArray *sections = h->window->sections;

  if (h->every && sections && h->next < sections->len)
    {
      JueSection *s = sections->pdata[h->next++];
      jue_window_show_section (h->window, s->id);
      wait_for_frame (h);
      return G_SOURCE_REMOVE;
    }
  hooks_free (h);
  g_idle_add (quit_idle, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                Hooks         *h)
{
  g_signal_handler_disconnect (clock, h->handler);
  h->handler = 0;
  /* after the frame, not inside it */
  g_idle_add (next_idle, h);
}

static void
start (Hooks *h)
{
  h->clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (h->window)));
  wait_for_frame (h);
}

static void
on_map (GtkWidget *widget,
        Hooks     *h)
{
  g_signal_handlers_disconnect_by_func (widget, on_map, h);
  start (h);
}

void
jue_frame_hooks_attach (JueWindow *window)
{
  gboolean every = env_set ("JUESUAN_SHOW_EVERY_SECTION");
  Hooks *h;

  if (!every && !env_set ("JUESUAN_QUIT_AFTER_FIRST_FRAME"))
    return;
  h = g_new0 (Hooks, 1);
  h->window = g_object_ref (window);
  h->every = every;
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    start (h);
  else
    g_signal_connect (window, "map", G_CALLBACK (on_map), h);
}
