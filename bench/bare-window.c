/* bare-window — the baseline for the window benchmarks in bench/run: a bare
 * AdwApplicationWindow holding one label, with the same hook as juesuan
 * (JUESUAN_QUIT_AFTER_FIRST_FRAME=1: close the window once its first frame
 * is drawn, and so quit). */
#include <adwaita.h>

static gulong handler;

static gboolean
close_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  g_signal_handler_disconnect (clock, handler);
  g_idle_add (close_idle, window);
}

static void
on_map (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), window);
  gtk_widget_queue_draw (window);
}

static void
on_activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  const char *quit = g_getenv ("JUESUAN_QUIT_AFTER_FIRST_FRAME");

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window),
                                      gtk_label_new ("决算 Juesuan"));
  if (quit && *quit && !g_str_equal (quit, "0"))
    g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (AdwApplication) app = adw_application_new ("io.github.juesuan.BenchBare",
                                                        G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
