/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sys/resource.h>

#include "unknot-demonstration.h"
#include "unknot-player-page.h"
#include "unknot-ui-test.h"

/* The CPU a running routine costs with its demonstration at rest, and without the
 * demonstration, in the same run of the app (meson test --benchmark): the step runs
 * on, the demonstration plays its cycles and comes to rest, the CPU time the process
 * uses is read for 30 s; then the demonstration is hidden and it is read again; twice.
 * Also what the motion costs while it plays. Prints figures; never fails on speed. */

#define SECONDS 30
#define ROUNDS 2

static UnknotApplication *application;

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @seconds and returns the CPU it used, in % of one core. */
static double
measure (double seconds)
{
  gboolean done = FALSE;
  double before = cpu_seconds ();
  gint64 start = g_get_monotonic_time ();

  g_timeout_add ((guint) (seconds * 1000), on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return 100.0 * (cpu_seconds () - before) / ((g_get_monotonic_time () - start) / 1e6);
}

/* Past the get-ready countdown: the step's start replays the demonstration, which
 * must not fall inside a measurement at rest. */
static gboolean
in_step (gpointer data)
{
  UnknotSegment *segment = unknot_session_get_segment (data);

  return segment != NULL && unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_STEP;
}

static gboolean
is_at_rest (gpointer data)
{
  return !unknot_demonstration_get_playing (data);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  UnknotWindow *window;
  UnknotDemonstration *demonstration;
  double playing, at_rest = 0, without = 0;

  gtk_init ();
  application = unknot_ui_test_start_application ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  window = unknot_ui_test_get_window (application);

  folder = unknot_test_make_folder ("unknot-bench-demonstration");
  unknot_test_write_file (folder, "long.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<routine format=\"1\" id=\"long\">\n"
    "  <name>Long</name>\n"
    "  <description>One long step.</description>\n"
    "  <step region=\"quadriceps\" technique=\"rolling\" tool=\"foam-roller\" duration=\"10m\">\n"
    "    <title>Roll the thigh</title>\n"
    "    <instructions>Roll from the knee to the hip.</instructions>\n"
    "  </step>\n"
    "</routine>\n");
  path = g_build_filename (folder, "long.xml", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (unknot_window_start (window, NULL, file));
  g_assert_true (unknot_test_wait_until (in_step,
                                         unknot_run_get_session (unknot_window_get_run (window)),
                                         20000));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 10);
  demonstration = unknot_ui_test_get_child (unknot_ui_test_get_page (window, "player"),
                                            UNKNOT_TYPE_PLAYER_PAGE, "demonstration");

  unknot_player_page_replay_demonstration (
    UNKNOT_PLAYER_PAGE (unknot_ui_test_get_page (window, "player")));
  playing = measure (2);
  g_assert_true (unknot_test_wait_until (is_at_rest, demonstration, 20000));
  /* Twice each way, in turn, so that neither gains from coming later in the step. */
  for (guint round = 0; round < ROUNDS; round++)
    {
      gtk_widget_set_visible (GTK_WIDGET (demonstration), TRUE);
      unknot_demonstration_rest (demonstration);
      at_rest += measure (SECONDS) / ROUNDS;
      gtk_widget_set_visible (GTK_WIDGET (demonstration), FALSE);
      without += measure (SECONDS) / ROUNDS;
    }

  g_print ("CPU while the demonstration plays (2 s): %.2f %% of one core\n", playing);
  g_print ("CPU while a routine runs, %d × %d s each way, demonstration at rest: %.2f %% of "
           "one core\n", ROUNDS, SECONDS, at_rest);
  g_print ("CPU while a routine runs, %d × %d s each way, without the demonstration: %.2f %% "
           "of one core\n", ROUNDS, SECONDS, without);

  unknot_session_stop (unknot_run_get_session (unknot_window_get_run (window)));
  unknot_test_remove_folder (folder);
  g_clear_object (&application);
  return 0;
}
