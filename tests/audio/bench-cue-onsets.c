/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pulse-fixtures.h"

#include "unknot-cue-sound.h"
#include "unknot-sound-decoder.h"
#include "unknot-sound-pipeline.h"
#include "unknot-test-utils.h"

/* What a user hears: the onset of each chime in the recording of a private PulseAudio
 * daemon's null sink, minus the instant the session promised it for, over a routine of
 * 100 and more cues on the real clock. Measured for the design of the cue player (one
 * stream per run, chimes placed ahead) and for a fresh stream per cue, as the sound
 * was played before it and as most timers play theirs (the baseline), each idle and
 * with both cores kept busy by spinning threads, all in one run. Prints p50, p99, max
 * and spread; fails only if PulseAudio cannot be started, never on speed.
 *
 *   meson test -C _build --benchmark bench-cue-onsets -v
 *
 * With UNKNOT_TEST_SOUND_SERVER=pipewire in the environment, the same on PipeWire (see
 * pipewire-server.c).
 *
 * About seven minutes: four runs of 102 s. BENCH_CUE_STEPS=N makes each run N steps
 * of 4 s (4 cues each) instead of 25. */

#define MATCH_US (500 * G_TIME_SPAN_MILLISECOND)

typedef enum
{
  DESIGN_MIXED,
  DESIGN_FRESH_STREAM,
} Design;

typedef struct
{
  GBytes *sounds[UNKNOT_N_CUE_SOUNDS];
  GPtrArray *playing;  /* of UnknotSoundPipeline: the fresh streams under way */
} Baseline;

static char *
make_routine_xml (guint n_steps)
{
  GString *xml = g_string_new ("<routine format='1' id='bench'><name>Bench</name>"
                               "<description>d</description><prepare duration='2s'/>");

  for (guint i = 0; i < n_steps; i++)
    g_string_append (xml, "<step region='neck' technique='friction' duration='4s'>"
                          "<title>Rub</title><instructions>i</instructions></step>");
  g_string_append (xml, "</routine>");
  return g_string_free (xml, FALSE);
}

/* ---- the baseline: a fresh stream per cue ------------------------------------------- */

static void
on_fresh_finished (UnknotSoundPipeline *pipeline,
                   Baseline            *baseline)
{
  g_ptr_array_remove (baseline->playing, pipeline);
}

static void
play_fresh (Baseline       *baseline,
            UnknotCueSound  sound)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UnknotSoundPipeline) pipeline = unknot_sound_pipeline_new ("pulsesink", &error);

  g_assert_no_error (error);
  unknot_sound_pipeline_set_source (pipeline,
                                    unknot_sound_decoder_new_source (baseline->sounds[sound],
                                                                     48000, 2));
  g_signal_connect (pipeline, "finished", G_CALLBACK (on_fresh_finished), baseline);
  unknot_sound_pipeline_play (pipeline, unknot_cue_sound_get_name (sound));
  g_ptr_array_add (baseline->playing, g_steal_pointer (&pipeline));
}

static void
on_baseline_cue (UnknotSession  *session,
                 UnknotCueEvent *event,
                 Baseline       *baseline)
{
  switch (unknot_cue_event_get_kind (event))
    {
    case UNKNOT_CUE_EVENT_COUNTDOWN:
      play_fresh (baseline, UNKNOT_CUE_SOUND_COUNTDOWN_TICK);
      break;
    case UNKNOT_CUE_EVENT_SEGMENT_START:
      if (unknot_segment_get_kind (unknot_cue_event_get_segment (event)) == UNKNOT_SEGMENT_STEP)
        play_fresh (baseline, UNKNOT_CUE_SOUND_START);
      break;
    case UNKNOT_CUE_EVENT_ROUTINE_COMPLETE:
      play_fresh (baseline, UNKNOT_CUE_SOUND_ROUTINE_COMPLETE);
      break;
    default:
      break;
    }
}

static Baseline *
baseline_new (void)
{
  Baseline *baseline = g_new0 (Baseline, 1);

  for (guint sound = 0; sound < UNKNOT_N_CUE_SOUNDS; sound++)
    {
      g_autoptr (GFile) file = unknot_cue_sound_get_file (sound);
      g_autoptr (GError) error = NULL;
      gint rate;
      gint channels;

      baseline->sounds[sound] = unknot_sound_decoder_decode (file, 0, &rate, &channels, &error);
      g_assert_no_error (error);
    }
  baseline->playing = g_ptr_array_new_with_free_func (g_object_unref);
  return baseline;
}

static void
baseline_free (Baseline *baseline)
{
  g_ptr_array_unref (baseline->playing);
  for (guint sound = 0; sound < UNKNOT_N_CUE_SOUNDS; sound++)
    g_bytes_unref (baseline->sounds[sound]);
  g_free (baseline);
}

/* ---- busy cores --------------------------------------------------------------------- */

static gint stop_spinning;

static gpointer
spin (gpointer data)
{
  volatile guint64 sum = 0;

  while (!g_atomic_int_get (&stop_spinning))
    sum++;
  /* Returned, so that GCC 16 sees the count used. */
  return GSIZE_TO_POINTER ((gsize) sum);
}

/* ---- figures ------------------------------------------------------------------------ */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *name,
        GArray     *promised,
        GArray     *heard)
{
  g_autoptr (GArray) offsets = g_array_new (FALSE, FALSE, sizeof (double));
  guint missing = 0;
  double p50, p99, max, min;

  for (guint i = 0; i < promised->len; i++)
    {
      gint64 at = g_array_index (promised, gint64, i);
      gint64 best = G_MAXINT64;
      double offset;

      for (guint j = 0; j < heard->len; j++)
        if (ABS (g_array_index (heard, gint64, j) - at) < ABS (best))
          best = g_array_index (heard, gint64, j) - at;
      if (ABS (best) > MATCH_US)
        {
          missing++;
          continue;
        }
      offset = best / 1000.0;
      g_array_append_val (offsets, offset);
    }
  g_array_sort (offsets, compare_doubles);
  if (offsets->len == 0)
    {
      g_print ("%-26s none of %u cues heard\n", name, promised->len);
      return;
    }
  p50 = g_array_index (offsets, double, offsets->len / 2);
  p99 = g_array_index (offsets, double, MIN (offsets->len - 1, offsets->len * 99 / 100));
  max = g_array_index (offsets, double, offsets->len - 1);
  min = g_array_index (offsets, double, 0);
  g_print ("%-26s cues %3u  heard %3u  missing %u  extra %d  "
           "p50 %6.1f  p99 %6.1f  max %6.1f  spread %6.1f ms\n",
           name, promised->len, heard->len, missing, (int) heard->len - (int) offsets->len,
           p50, p99, max, max - min);
}

/* ---- a run -------------------------------------------------------------------------- */

static void
measure (PulseServer *server,
         const char  *xml,
         Design       design,
         gboolean     busy)
{
  g_autoptr (PulseRun) run = pulse_run_new (xml);
  Baseline *baseline = NULL;
  GThread *spinners[2] = { NULL, NULL };
  PulseRecorder *recorder;
  g_autoptr (GArray) heard = NULL;
  g_autofree char *name = NULL;

  g_atomic_int_set (&stop_spinning, 0);
  for (guint i = 0; busy && i < G_N_ELEMENTS (spinners); i++)
    spinners[i] = g_thread_new ("spin", spin, NULL);
  recorder = pulse_recorder_start ();
  if (design == DESIGN_MIXED)
    unknot_cue_player_set_session (run->player, run->session);
  else
    {
      baseline = baseline_new ();
      g_signal_connect (run->session, "cue", G_CALLBACK (on_baseline_cue), baseline);
    }
  unknot_session_start (run->session);
  pulse_run_until_done (run);
  heard = pulse_recorder_stop (recorder);
  g_atomic_int_set (&stop_spinning, 1);
  for (guint i = 0; i < G_N_ELEMENTS (spinners); i++)
    if (spinners[i] != NULL)
      g_thread_join (spinners[i]);

  name = g_strdup_printf ("%s, %s", design == DESIGN_MIXED ? "one stream" : "stream per cue",
                          busy ? "cores busy" : "idle");
  report (name, run->promised, heard);
  g_clear_pointer (&baseline, baseline_free);
}

int
main (int   argc,
      char *argv[])
{
  const char *steps = g_getenv ("BENCH_CUE_STEPS");
  g_autofree char *xml = make_routine_xml (steps != NULL ? (guint) atoi (steps) : 25);
  g_autoptr (PulseServer) server = NULL;

  gst_init (&argc, &argv);
  server = pulse_server_start ();
  if (server == NULL)
    {
      g_print ("%s is not installed\n", pulse_server_is_pipewire ()
               ? "PipeWire (pipewire, wireplumber, pipewire-pulse, pactl, dbus-daemon)"
               : "PulseAudio (pulseaudio, pactl)");
      return 77;
    }
  g_print ("onset heard minus instant promised, over one routine each\n");
  measure (server, xml, DESIGN_MIXED, FALSE);
  measure (server, xml, DESIGN_FRESH_STREAM, FALSE);
  measure (server, xml, DESIGN_MIXED, TRUE);
  measure (server, xml, DESIGN_FRESH_STREAM, TRUE);
  return 0;
}
