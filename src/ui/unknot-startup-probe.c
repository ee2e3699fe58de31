/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "unknot-startup-probe.h"

/* For the start-up benchmark (tests/bench): with UNKNOT_STARTUP_PROBE set, the program
 * prints the monotonic time and its resident memory when its first window has painted
 * its first frame, then exits at once. The benchmark runs Unknot and a bare libadwaita
 * window this same way, so both are measured to the same point. Without the variable
 * this does nothing. */

static long
resident_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;
  long kib = -1;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  if (line != NULL)
    sscanf (line, "VmRSS: %ld", &kib);
  return kib;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  printf ("first-frame %" G_GINT64_FORMAT " rss-kib %ld\n", g_get_monotonic_time (),
          resident_kib ());
  fflush (stdout);
  /* Measured up to here; tearing down is not part of starting up. */
  _exit (0);
}

static void
on_map (GtkWidget *window,
        gpointer   data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

void
unknot_startup_probe_attach (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_getenv ("UNKNOT_STARTUP_PROBE") != NULL)
    g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
}
