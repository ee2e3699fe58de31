/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "audio-fixtures.h"

#include <gst/gst.h>

#include "unknot-cue-sound.h"
#include "unknot-test-utils.h"

/* How long from a session's cue to the first buffer of its sound at a synced fakesink:
 * 200 cues through UnknotCuePlayer's prerolled pipelines, then the same 200 cues each
 * through a fresh playbin, the obvious design, as the baseline. Prints the figures;
 * fails only if a sound never arrives, never on speed.
 *
 *   meson test --benchmark -C _build bench-cue-latency -v */

#define N_CUES      200
#define N_STEPS     (N_CUES / 4)   /* each: its start and three countdown ticks */
#define WAIT_MS     10000

typedef struct
{
  GArray *latencies;    /* of double ms */
  gint64 cue_time;      /* when the current instant's first cue came, or 0 */
  gint64 played_time;   /* when its sound reached the sink, or 0 */
} Measure;

static char *
make_routine_xml (void)
{
  GString *xml = g_string_new ("<routine format='1' id='bench'><name>Bench</name>"
                               "<description>d</description><prepare duration='0s'/>");

  for (guint i = 0; i < N_STEPS; i++)
    g_string_append (xml, "<step region='neck' technique='friction' duration='4s'>"
                          "<title>Rub</title><instructions>i</instructions></step>");
  g_string_append (xml, "</routine>");
  return g_string_free (xml, FALSE);
}

/* Connected before the player's handler, so the time is taken before the player acts. */
static void
on_cue (UnknotSession  *session,
        UnknotCueEvent *event,
        Measure        *measure)
{
  if (measure->cue_time == 0)
    measure->cue_time = g_get_monotonic_time ();
}

static gboolean
has_played (gpointer data)
{
  Measure *measure = data;
  return measure->played_time != 0;
}

static void
record (Measure *measure)
{
  double latency;

  if (!unknot_test_wait_until (has_played, measure, WAIT_MS))
    g_error ("A cue's sound did not reach the sink");
  latency = (measure->played_time - measure->cue_time) / 1000.0;
  g_array_append_val (measure->latencies, latency);
  measure->cue_time = 0;
  measure->played_time = 0;
}

/* ---- the cue player ----------------------------------------------------------------- */

static void
on_player_played (UnknotCuePlayer *player,
                  const char      *what,
                  gint64           time,
                  Measure         *measure)
{
  if (measure->played_time == 0)
    measure->played_time = time;
}

static void
measure_player (UnknotRoutine *routine,
                Measure       *measure)
{
  g_autoptr (PlayerFixture) player = player_fixture_new (routine, NULL);

  g_signal_connect (player->recorder->session, "cue", G_CALLBACK (on_cue), measure);
  g_signal_connect (player->player, "played", G_CALLBACK (on_player_played), measure);
  unknot_cue_player_set_spoken_prompts (player->player, FALSE);
  player_fixture_attach (player);

  unknot_session_start (player->recorder->session);
  while (measure->latencies->len < N_CUES)
    {
      record (measure);
      player_fixture_wait_quiet (player);
      while (measure->cue_time == 0)
        unknot_fake_clock_run_next (player->recorder->clock);
    }
}

/* ---- a fresh playbin per cue -------------------------------------------------------- */

static GstPadProbeReturn
on_first_buffer (GstPad          *pad,
                 GstPadProbeInfo *info,
                 gpointer         user_data)
{
  gint64 *time = user_data;

  g_atomic_pointer_set ((gpointer *) time, GSIZE_TO_POINTER (g_get_monotonic_time ()));
  /* The main loop waits in poll() for this; nothing else would wake it. */
  g_main_context_wakeup (NULL);
  return GST_PAD_PROBE_REMOVE;
}

static gboolean
has_buffer (gpointer data)
{
  return g_atomic_pointer_get ((gpointer *) data) != NULL;
}

/* What the player would play for these cues: the routine has only starts and ticks. */
static UnknotCueSound
sound_for (UnknotCueEvent *event)
{
  switch (unknot_cue_event_get_kind (event))
    {
    case UNKNOT_CUE_EVENT_COUNTDOWN:
      return UNKNOT_CUE_SOUND_COUNTDOWN_TICK;
    case UNKNOT_CUE_EVENT_ROUTINE_COMPLETE:
      return UNKNOT_CUE_SOUND_ROUTINE_COMPLETE;
    default:
      return UNKNOT_CUE_SOUND_START;
    }
}

static gint64
play_with_playbin (UnknotCueSound sound)
{
  g_autoptr (GFile) file = unknot_cue_sound_get_file (sound);
  g_autofree char *uri = g_file_get_uri (file);
  GstElement *playbin = gst_element_factory_make ("playbin", NULL);
  GstElement *sink = gst_element_factory_make ("fakesink", NULL);
  g_autoptr (GstPad) pad = gst_element_get_static_pad (sink, "sink");
  gpointer time = NULL;

  g_object_set (sink, "sync", TRUE, NULL);
  g_object_set (playbin, "uri", uri, "audio-sink", sink, NULL);
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, on_first_buffer, &time, NULL);
  gst_element_set_state (playbin, GST_STATE_PLAYING);
  if (!unknot_test_wait_until (has_buffer, &time, WAIT_MS))
    g_error ("playbin did not play %s", uri);
  gst_element_set_state (playbin, GST_STATE_NULL);
  gst_object_unref (playbin);
  return (gint64) GPOINTER_TO_SIZE (time);
}

/* Only the instant's first cue plays, as with the player: a step's end and the next
 * step's start meet. */
static void
on_cue_for_playbin (UnknotSession  *session,
                    UnknotCueEvent *event,
                    Measure        *measure)
{
  if (measure->played_time == 0 && unknot_cue_event_get_kind (event) != UNKNOT_CUE_EVENT_STEP_END)
    measure->played_time = play_with_playbin (sound_for (event));
}

static void
measure_playbin (UnknotRoutine *routine,
                 Measure       *measure)
{
  g_autoptr (SessionRecorder) recorder = session_recorder_new (routine);

  g_signal_connect (recorder->session, "cue", G_CALLBACK (on_cue), measure);
  g_signal_connect (recorder->session, "cue", G_CALLBACK (on_cue_for_playbin), measure);
  unknot_session_start (recorder->session);
  while (measure->latencies->len < N_CUES)
    {
      record (measure);
      while (measure->cue_time == 0)
        unknot_fake_clock_run_next (recorder->clock);
    }
}

/* ---- figures ------------------------------------------------------------------------ */

static UnknotTestFigures
summarise (const char *name,
           GArray     *latencies)
{
  UnknotTestFigures figures = unknot_test_figures (latencies);

  g_print ("%-28s n=%u  p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms\n", name, latencies->len,
           figures.median, figures.p99, figures.max);
  return figures;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xml = make_routine_xml ();
  g_autoptr (UnknotRoutine) routine = NULL;
  Measure prerolled = { g_array_new (FALSE, FALSE, sizeof (double)), 0, 0 };
  Measure playbin = { g_array_new (FALSE, FALSE, sizeof (double)), 0, 0 };
  UnknotTestFigures ours;
  UnknotTestFigures theirs;

  gst_init (&argc, &argv);
  routine = session_fixture_parse (xml);

  g_print ("Latency from a session's cue to the first buffer at \"%s\", %u cues\n",
           g_getenv ("UNKNOT_AUDIO_SINK"), N_CUES);
  measure_player (routine, &prerolled);
  measure_playbin (routine, &playbin);
  ours = summarise ("prerolled pipelines", prerolled.latencies);
  theirs = summarise ("fresh playbin per cue", playbin.latencies);
  g_print ("playbin / prerolled at p50: %.1f×, at p99: %.1f×\n", theirs.median / ours.median,
           theirs.p99 / ours.p99);
  g_print ("targets: p99 <= 2 ms: %s; >= 10× faster at p50: %s\n",
           ours.p99 <= 2.0 ? "met" : "missed",
           theirs.median >= 10.0 * ours.median ? "met" : "missed");

  g_array_unref (prerolled.latencies);
  g_array_unref (playbin.latencies);
  return EXIT_SUCCESS;
}
