/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>

#include "session-fixtures.h"
#include "unknot-test-utils.h"

/* How punctual the session is on the real clock: runs a routine of 1-second segments
 * (by default 60 s), once on an idle machine and once with a busy-looping thread per
 * processor, and prints how late segment starts and the other cues came, and how far
 * the final cue drifted from the plan. A benchmark prints figures and never fails on
 * them; the targets are printed alongside.
 *
 *   bench-session [SECONDS]   SECONDS a multiple of 3, 60 by default */

typedef struct
{
  gint64 start;          /* clock µs when the session started */
  GArray *segment_starts; /* of double: ms late */
  GArray *other_cues;     /* of double: ms late */
  double final_drift;     /* ms */
  GMainLoop *loop;
} Measurement;

/* Left, right (no switch gap) and a rest, each 1 s: three segments a round. */
static char *
build_routine (guint seconds)
{
  GString *xml = g_string_new ("<routine format='1' id='bench'><name>Bench</name>"
                               "<description>1-second segments</description>"
                               "<prepare duration='0s'/>");

  for (guint i = 0; i < seconds / 3; i++)
    g_string_append (xml, "<step region='calves' technique='petrissage' side='each' "
                          "switch='0s' duration='1s'><title>Calf</title>"
                          "<instructions>Knead.</instructions></step>"
                          "<rest duration='1s'/>");
  g_string_append (xml, "</routine>");
  return g_string_free (xml, FALSE);
}

static void
on_cue (UnknotSession  *session,
        UnknotCueEvent *event,
        Measurement    *measurement)
{
  gint64 now = unknot_clock_get_time (unknot_session_get_clock (session));
  gint64 planned = measurement->start + unknot_cue_event_get_offset (event) * 1000;
  double late_ms = (now - planned) / 1000.0;

  switch (unknot_cue_event_get_kind (event))
    {
    case UNKNOT_CUE_EVENT_SEGMENT_START:
      g_array_append_val (measurement->segment_starts, late_ms);
      break;
    case UNKNOT_CUE_EVENT_ROUTINE_COMPLETE:
      measurement->final_drift = late_ms;
      g_array_append_val (measurement->other_cues, late_ms);
      g_main_loop_quit (measurement->loop);
      break;
    default:
      g_array_append_val (measurement->other_cues, late_ms);
    }
}

static void
print_lateness (const char *scenario,
                const char *what,
                GArray     *values)
{
  UnknotTestFigures figures = unknot_test_figures (values);

  g_print ("%-5s  %-14s  n=%-3u  p50 %6.3f ms  p99 %6.3f ms  max %6.3f ms\n", scenario, what,
           values->len, figures.median, figures.p99, figures.max);
}

static gint spinning;

/* Keeps a core busy; the count it returns is only there so that the loop does work. */
static gpointer
spin (gpointer data)
{
  guint64 counter = 0;

  while (g_atomic_int_get (&spinning))
    counter++;
  return GSIZE_TO_POINTER (counter);
}

static void
run_scenario (UnknotRoutine *routine,
              const char    *scenario)
{
  g_autoptr (UnknotSession) session = unknot_session_new (routine, NULL);
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Measurement measurement = { 0 };

  measurement.segment_starts = g_array_new (FALSE, FALSE, sizeof (double));
  measurement.other_cues = g_array_new (FALSE, FALSE, sizeof (double));
  measurement.loop = loop;
  g_signal_connect (session, "cue", G_CALLBACK (on_cue), &measurement);

  measurement.start = unknot_clock_get_time (unknot_session_get_clock (session));
  unknot_session_start (session);
  g_main_loop_run (loop);

  print_lateness (scenario, "segment starts", measurement.segment_starts);
  print_lateness (scenario, "other cues", measurement.other_cues);
  g_print ("%-5s  %-14s  %.3f ms\n", scenario, "final drift", measurement.final_drift);

  g_array_unref (measurement.segment_starts);
  g_array_unref (measurement.other_cues);
}

static void
run_busy (UnknotRoutine *routine)
{
  guint n_threads = g_get_num_processors ();
  g_autoptr (GPtrArray) threads = g_ptr_array_new ();

  g_atomic_int_set (&spinning, TRUE);
  for (guint i = 0; i < n_threads; i++)
    g_ptr_array_add (threads, g_thread_new ("busy", spin, NULL));

  run_scenario (routine, "busy");

  g_atomic_int_set (&spinning, FALSE);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
}

int
main (int   argc,
      char *argv[])
{
  guint seconds = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 60;
  g_autofree char *xml = NULL;
  g_autoptr (UnknotRoutine) routine = NULL;

  if (seconds < 3 || seconds % 3 != 0)
    {
      g_printerr ("bench-session: SECONDS must be a positive multiple of 3\n");
      return 2;
    }

  xml = build_routine (seconds);
  routine = session_fixture_parse (xml);
  g_print ("session timing: %u s routine of 1 s segments, real clock, %u processors\n",
           seconds, g_get_num_processors ());
  run_scenario (routine, "idle");
  run_busy (routine);
  g_print ("targets: p99 <= 2 ms idle, <= 10 ms busy; final drift <= 5 ms\n");
  return 0;
}
