/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pulse-fixtures.h"

#include "unknot-cue-sound.h"
#include "unknot-sound-decoder.h"
#include "unknot-test-utils.h"

/* The cue player against a real sound server: a private PulseAudio daemon with a null
 * sink, whose monitor is recorded, or (test-pipewire, UNKNOT_TEST_SOUND_SERVER=pipewire)
 * the same on PipeWire through pipewire-pulse. A real routine runs through a real
 * session on the real monotonic clock, and the recording is the truth: every chime of
 * the timeline must be heard there exactly once, near the instant the session promised,
 * and nothing else. The bound is generous (the machine may be busy); how close the
 * chimes really come is for bench-cue-onsets to measure. Skipped where the server is
 * not installed.
 *
 *   meson test -C _build --suite pulse --suite pipewire -v */

#define BOUND_US (150 * G_TIME_SPAN_MILLISECOND)

#define HEAD "<routine format='1' id='pulse'><name>Pulse</name><description>d</description>"
#define STEP(side, extra, duration) \
  "<step region='calves' technique='petrissage' side='" side "' " extra " duration='" \
  duration "'><title>Knead</title><instructions>i</instructions></step>"

/* 26 s: sides with a switch gap, a rest, and the routine's end past 25 s. */
static const char sides_routine[] =
  HEAD "<prepare duration='3s'/>" STEP ("each", "switch='2s'", "5s")
  "<rest duration='3s'/>" STEP ("both", "", "8s") "</routine>";

/* A tick at 1 s, the start at 2 s, ticks at 3 and 4 s, the end at 5 s. */
static const char short_routine[] =
  HEAD "<prepare duration='2s'/>" STEP ("both", "", "3s") "</routine>";

/* Step A's ticks at 8, 9 and 10 s, B's at 2, 3 and 4 s into it. */
static const char two_steps_routine[] =
  HEAD "<prepare duration='3s'/>" STEP ("both", "", "8s") STEP ("both", "", "5s") "</routine>";

/* A tick at 1 s, the start at 2 s, ticks at 11, 12 and 13 s, the end at 14 s. */
static const char long_step_routine[] =
  HEAD "<prepare duration='2s'/>" STEP ("both", "", "12s") "</routine>";

/* Step A's start at 2 s, then nothing until its ticks at 19, 20 and 21 s: a quiet
 * stretch. B from 22 s, its ticks at 29, 30 and 31 s, the end at 32 s. */
static const char quiet_routine[] =
  HEAD "<prepare duration='2s'/>" STEP ("both", "", "20s") STEP ("both", "", "10s") "</routine>";

/* Spoken: "Get ready" at 0 s, the start chime at 3 s and the step's prompt after it,
 * the <cue> said alone at 6 s, the end chime at 8 s and "Routine complete" after it. */
static const char spoken_routine[] =
  HEAD "<prepare duration='3s'/><step region='calves' technique='petrissage' duration='5s'>"
  "<title>Knead</title><instructions>i</instructions><cue at='3s'>Press harder</cue></step>"
  "</routine>";

/* Step A's own audio, a 2 s tone, after its start chime at 2 s; B has none, C the same
 * tone. */
#define TONE_STEP(duration) \
  "<step region='calves' technique='petrissage' duration='" duration "'><title>Knead</title>" \
  "<instructions>i</instructions><audio src='" PULSE_RUN_TONE "'/></step>"
static const char audio_routine[] =
  HEAD "<prepare duration='2s'/>" TONE_STEP ("8s") STEP ("both", "", "4s") TONE_STEP ("4s")
  "</routine>";

typedef struct
{
  PulseServer *server;
  PulseRecorder *recorder;
  PulseRun *run;
} Fixture;

static void
set_up (Fixture       *fixture,
        gconstpointer  xml)
{
  fixture->server = pulse_server_start ();
  if (fixture->server == NULL)
    {
      g_test_skip (pulse_server_is_pipewire ()
                   ? "PipeWire (pipewire, wireplumber, pipewire-pulse, pactl, dbus-daemon) "
                     "is not installed"
                   : "PulseAudio (pulseaudio, pactl) is not installed");
      return;
    }
  fixture->run = pulse_run_new (xml);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  xml)
{
  g_clear_pointer (&fixture->run, pulse_run_free);
  g_clear_pointer (&fixture->server, pulse_server_free);
}

static GArray *
record_run (Fixture *fixture)
{
  PulseRecorder *recorder = pulse_recorder_start ();

  unknot_cue_player_set_session (fixture->run->player, fixture->run->session);
  unknot_session_start (fixture->run->session);
  pulse_run_until_done (fixture->run);
  return pulse_recorder_stop (recorder);
}

static void
test_sides (Fixture       *fixture,
            gconstpointer  xml)
{
  g_autoptr (GArray) heard = NULL;

  if (fixture->server == NULL)
    return;
  heard = record_run (fixture);
  /* Ticks 1, 2; start 3; ticks 5, 6, 7; switch 8; start 10; ticks 12, 13, 14; step end
   * 15; ticks 16, 17; start 18; ticks 23, 24, 25; complete 26. */
  g_assert_cmpuint (fixture->run->promised->len, ==, 19);
  pulse_run_check (fixture->run, fixture->run->promised, heard, BOUND_US);
  g_assert_cmpuint (fixture->run->n_unavailable, ==, 0);
}

/* The player set seconds before the session starts: its stream waits, running, and
 * the first chimes are on time all the same. */
static void
test_built_early (Fixture       *fixture,
                  gconstpointer  xml)
{
  PulseRecorder *recorder;
  g_autoptr (GArray) heard = NULL;

  if (fixture->server == NULL)
    return;
  recorder = pulse_recorder_start ();
  unknot_cue_player_set_session (fixture->run->player, fixture->run->session);
  pulse_run_wait (4000);
  unknot_session_start (fixture->run->session);
  pulse_run_until_done (fixture->run);
  heard = pulse_recorder_stop (recorder);
  g_assert_cmpuint (fixture->run->promised->len, ==, 5);
  pulse_run_check (fixture->run, fixture->run->promised, heard, BOUND_US);
}

/* Paused 1.5 s into step A for 2.5 s: the tick placed ahead for 8 s is taken out, and
 * every later chime comes 2.5 s later; nothing sounds while paused. */
static void
test_pause (Fixture       *fixture,
            gconstpointer  xml)
{
  PulseRecorder *recorder;
  g_autoptr (GArray) heard = NULL;

  if (fixture->server == NULL)
    return;
  recorder = pulse_recorder_start ();
  unknot_cue_player_set_session (fixture->run->player, fixture->run->session);
  unknot_session_start (fixture->run->session);
  pulse_run_wait (7000);
  unknot_session_pause (fixture->run->session);
  pulse_run_wait (2500);
  unknot_session_resume (fixture->run->session);
  pulse_run_until_done (fixture->run);
  heard = pulse_recorder_stop (recorder);
  /* Ticks 1, 2; start 3; then 8, 9, 10, start B, its three ticks, the end: all late by
   * the pause. */
  g_assert_cmpuint (fixture->run->promised->len, ==, 11);
  pulse_run_check (fixture->run, fixture->run->promised, heard, BOUND_US);
}

/* Skipped 4 s into step A: B starts at once, A's tick placed for 8 s is not heard. */
static void
test_skip (Fixture       *fixture,
           gconstpointer  xml)
{
  PulseRecorder *recorder;
  g_autoptr (GArray) heard = NULL;

  if (fixture->server == NULL)
    return;
  recorder = pulse_recorder_start ();
  unknot_cue_player_set_session (fixture->run->player, fixture->run->session);
  unknot_session_start (fixture->run->session);
  pulse_run_wait (7000);
  unknot_session_next (fixture->run->session);
  pulse_run_until_done (fixture->run);
  heard = pulse_recorder_stop (recorder);
  /* Ticks 1, 2; start 3; start B at the skip; its ticks; the end. */
  g_assert_cmpuint (fixture->run->promised->len, ==, 8);
  pulse_run_check (fixture->run, fixture->run->promised, heard, BOUND_US);
}

/* Returns: the monotonic µs of routine position 0 */
static gint64
start_run (Fixture *fixture)
{
  unknot_cue_player_set_session (fixture->run->player, fixture->run->session);
  unknot_session_start (fixture->run->session);
  return unknot_session_get_clock_time_at (fixture->run->session, 0);
}

/* After the output went and came back: the routine kept its time, the user was told
 * once, and every chime was heard, before the loss or after the return (the tick at
 * 1 s and the start at 2 s, then the ticks from 11 s on and the end). */
static void
check_back (Fixture *fixture,
            gint64   anchor,
            GArray  *before,
            GArray  *after)
{
  g_autoptr (GArray) heard = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_cmpint (fixture->run->anchor, ==, anchor);
  g_assert_cmpuint (fixture->run->n_unavailable, ==, 1);
  g_assert_true (unknot_cue_player_get_audio_available (fixture->run->player));
  g_assert_cmpuint (fixture->run->promised->len, ==, 6);
  g_array_append_vals (heard, before->data, before->len);
  g_array_append_vals (heard, after->data, after->len);
  pulse_run_check (fixture->run, fixture->run->promised, heard, BOUND_US);
}

/* The sink unloaded at 3 s, loaded again at 6 s: the routine keeps its time, the user
 * is told once, and the chimes from 11 s on are heard, on time. */
static void
test_output_lost (Fixture       *fixture,
                  gconstpointer  xml)
{
  PulseRecorder *recorder;
  g_autoptr (GArray) before = NULL;
  g_autoptr (GArray) after = NULL;
  gint64 anchor;

  if (fixture->server == NULL)
    return;
  /* PulseAudio ends the streams of a sink it unloads, with an error. PipeWire keeps
   * them, linked to nothing and no longer read: the player notices that its stream
   * stopped, and trusts a new one only once it is seen to flow. */
  recorder = pulse_recorder_start ();
  anchor = start_run (fixture);
  pulse_run_wait (3000);
  pulse_server_unload_sink (fixture->server);
  before = pulse_recorder_stop (recorder);
  pulse_run_wait (3000);
  g_assert_cmpuint (fixture->run->n_unavailable, ==, 1);
  g_assert_false (unknot_cue_player_get_audio_available (fixture->run->player));
  pulse_server_load_sink (fixture->server);
  recorder = pulse_recorder_start ();
  pulse_run_until_done (fixture->run);
  after = pulse_recorder_stop (recorder);

  check_back (fixture, anchor, before, after);
}

/* The sound server restarted at 3 s: every connection to it is gone, the player's
 * included. The routine keeps its time, the user is told once, and the chimes from
 * 11 s on are heard, on time, through a connection made anew. */
static void
test_server_restart (Fixture       *fixture,
                     gconstpointer  xml)
{
  PulseRecorder *recorder;
  g_autoptr (GArray) before = NULL;
  g_autoptr (GArray) after = NULL;
  gint64 anchor;

  if (fixture->server == NULL)
    return;
  recorder = pulse_recorder_start ();
  anchor = start_run (fixture);
  pulse_run_wait (3000);
  before = pulse_recorder_stop (recorder);
  pulse_server_restart (fixture->server);
  /* Listening again at once, as before the restart: a stream that joins the sink later
   * can change its latency under the player's stream. */
  recorder = pulse_recorder_start ();
  pulse_run_wait (3000);
  g_assert_cmpuint (fixture->run->n_unavailable, ==, 1);
  pulse_run_until_done (fixture->run);
  after = pulse_recorder_stop (recorder);

  check_back (fixture, anchor, before, after);
}

static gint64
nearest (GArray *heard,
         gint64  at)
{
  gint64 best = G_MAXINT64;

  for (guint i = 0; i < heard->len; i++)
    if (ABS (g_array_index (heard, gint64, i) - at) < ABS (best))
      best = g_array_index (heard, gint64, i) - at;
  return best;
}

static void
remove_time (GArray *times,
             gint64  time)
{
  for (guint i = 0; i < times->len; i++)
    if (g_array_index (times, gint64, i) == time)
      {
        g_array_remove_index (times, i);
        return;
      }
  g_assert_not_reached ();
}

static void
wait_until_time (gint64 at)
{
  gint64 now = g_get_monotonic_time ();

  if (at > now)
    pulse_run_wait ((guint) ((at - now) / 1000));
}

/* ---- a rest through a quiet stretch ------------------------------------------------- */

/* Returns: how many playback streams the server has @at ms of the routine */
static guint
count_playback_at (Fixture *fixture,
                   gint64   at)
{
  wait_until_time (unknot_session_get_clock_time_at (fixture->run->session, at));
  return pulse_server_count_playback ();
}

/* Through the middle of step A, where nothing sounds for 16 s, the server has no stream
 * of ours to read; it has one again before A's ticks, which are heard on time, as is
 * every chime. */
static void
test_rest (Fixture       *fixture,
           gconstpointer  xml)
{
  PulseRecorder *recorder;
  g_autoptr (GArray) heard = NULL;
  guint at_start;
  guint resting;
  guint awake;

  if (fixture->server == NULL)
    return;
  recorder = pulse_recorder_start ();
  start_run (fixture);
  at_start = count_playback_at (fixture, 1000);
  resting = count_playback_at (fixture, 8000);
  awake = count_playback_at (fixture, 18500);
  pulse_run_until_done (fixture->run);
  heard = pulse_recorder_stop (recorder);

  g_test_message ("playback streams: %u at 1 s, %u at 8 s, %u at 18.5 s", at_start, resting,
                  awake);
  g_assert_cmpuint (resting, ==, at_start - 1);
  g_assert_cmpuint (awake, ==, at_start);
  /* Ticks 1; start 2; ticks 19, 20, 21; start B 22; ticks 29, 30, 31; complete 32. */
  g_assert_cmpuint (fixture->run->promised->len, ==, 10);
  pulse_run_check (fixture->run, fixture->run->promised, heard, BOUND_US);
}

/* A press's chime, when the stream must open first: within a quarter of a second. */
#define SKIP_BOUND_US (250 * G_TIME_SPAN_MILLISECOND)

/* Skipped 8 s into the run, while the stream rests: B's start chime is heard soon after
 * the press all the same, and B's chimes after it on time. */
static void
test_rest_skip (Fixture       *fixture,
                gconstpointer  xml)
{
  PulseRecorder *recorder;
  g_autoptr (GArray) heard = NULL;
  guint at_start;
  gint64 skip_chime;
  gint64 delay;

  if (fixture->server == NULL)
    return;
  recorder = pulse_recorder_start ();
  start_run (fixture);
  at_start = count_playback_at (fixture, 1000);
  g_assert_cmpuint (count_playback_at (fixture, 8000), ==, at_start - 1);
  unknot_session_next (fixture->run->session);
  pulse_run_until_done (fixture->run);
  heard = pulse_recorder_stop (recorder);

  /* Tick 1; start 2; start B at the skip; its ticks; the end. */
  g_assert_cmpuint (fixture->run->promised->len, ==, 7);
  skip_chime = g_array_index (fixture->run->promised, gint64, 2);
  delay = nearest (heard, skip_chime);
  g_test_message ("B's start chime heard %.1f ms after the skip", delay / 1000.0);
  g_assert_cmpint (delay, >=, 0);
  g_assert_cmpint (delay, <=, SKIP_BOUND_US);
  /* The others, and nothing else, on time. */
  remove_time (heard, skip_chime + delay);
  remove_time (fixture->run->promised, skip_chime);
  pulse_run_check (fixture->run, fixture->run->promised, heard, BOUND_US);
}

static void
on_played (UnknotCuePlayer *player,
           const char      *what,
           gint64           time,
           GArray          *spoken)
{
  if (g_str_has_prefix (what, "say:"))
    g_array_append_val (spoken, time);
}

/* Speech synthesised ahead starts when planned, the first prompt of the run too: right
 * at the start, or right after the chime of its instant. Speech has onsets of its own
 * (syllables), so only its first one is looked for. */
static void
test_speech (Fixture       *fixture,
             gconstpointer  xml)
{
  PulseRecorder *recorder;
  g_autoptr (GArray) heard = NULL;
  g_autoptr (GArray) spoken = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 start;

  if (fixture->server == NULL)
    return;
  if (!unknot_cue_player_get_speech_available (fixture->run->player))
    {
      g_test_skip ("GStreamer's espeak element is not installed");
      return;
    }
  unknot_cue_player_set_spoken_prompts (fixture->run->player, TRUE);
  unknot_cue_player_set_countdown_ticks (fixture->run->player, FALSE);
  unknot_session_set_countdown_ticks (fixture->run->session, FALSE);
  g_signal_connect (fixture->run->player, "played", G_CALLBACK (on_played), spoken);
  recorder = pulse_recorder_start ();
  /* As in the app: the routine's page is read, then Start is pressed. */
  unknot_cue_player_prepare_routine (fixture->run->player, fixture->run->routine);
  pulse_run_wait (1500);
  unknot_cue_player_start_session (fixture->run->player, fixture->run->session, 0);
  start = unknot_session_get_clock_time_at (fixture->run->session, 0);
  pulse_run_until_done (fixture->run);
  heard = pulse_recorder_stop (recorder);

  for (guint i = 0; i < heard->len; i++)
    g_test_message ("heard at %.1f ms", (g_array_index (heard, gint64, i) - start) / 1000.0);
  g_assert_cmpuint (spoken->len, ==, 4);
  for (guint i = 0; i < spoken->len; i++)
    g_test_message ("prompt %u planned at %.1f ms, nearest onset %.1f ms from there", i,
                    (g_array_index (spoken, gint64, i) - start) / 1000.0,
                    nearest (heard, g_array_index (spoken, gint64, i)) / 1000.0);
  /* The first prompt is placed for the very start, and heard within 30 ms of it (what
   * espeak puts before the first syllable included). The <cue>, with no chime before
   * it, is placed for its very instant, and heard there. (Prompts right after a chime
   * are placed as exactly, but a soft consonant after a chime's tail is no clear onset
   * to find in the recording.) */
  g_assert_cmpint (ABS (g_array_index (spoken, gint64, 0) - start), <=, G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (ABS (nearest (heard, start)), <=, 30 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (ABS (g_array_index (spoken, gint64, 2) - (start + 6 * G_USEC_PER_SEC)), <=,
                   G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (ABS (nearest (heard, start + 6 * G_USEC_PER_SEC)), <=, BOUND_US);
}

/* ---- a step's own audio -------------------------------------------------------------- */

typedef struct
{
  GArray *chimes;  /* of gint64: when each start chime is to be heard, as placed */
  GArray *tones;   /* and each placing of the step's tone (a resume places its rest) */
} Placings;

static void
on_placed (UnknotCuePlayer *player,
           const char      *what,
           gint64           time,
           Placings        *placings)
{
  if (g_strcmp0 (what, "start") == 0)
    g_array_append_val (placings->chimes, time);
  else if (g_str_has_suffix (what, "/" PULSE_RUN_TONE))
    g_array_append_val (placings->tones, time);
}

static void
placings_clear (Placings *placings)
{
  g_array_unref (placings->chimes);
  g_array_unref (placings->tones);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Placings, placings_clear)

/* Returns: the start chime's length, µs */
static gint64
start_chime_length (void)
{
  g_autoptr (GFile) file = unknot_cue_sound_get_file (UNKNOT_CUE_SOUND_START);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) samples = NULL;
  gint rate;
  gint channels;

  samples = unknot_sound_decoder_decode (file, 0, &rate, &channels, &error);
  g_assert_no_error (error);
  return (gint64) (g_bytes_get_size (samples) / (sizeof (float) * channels)) *
         G_USEC_PER_SEC / rate;
}

/* Chimes and the tone only: no ticks, no prompts. Returns once step A's tone has
 * sounded for 0.5 s, with the recorder listening from the start. */
static PulseRecorder *
start_into_tone (Fixture  *fixture,
                 Placings *placings)
{
  PulseRecorder *recorder = pulse_recorder_start ();

  placings->chimes = g_array_new (FALSE, FALSE, sizeof (gint64));
  placings->tones = g_array_new (FALSE, FALSE, sizeof (gint64));
  unknot_cue_player_set_countdown_ticks (fixture->run->player, FALSE);
  unknot_session_set_countdown_ticks (fixture->run->session, FALSE);
  g_signal_connect (fixture->run->player, "played", G_CALLBACK (on_placed), placings);
  start_run (fixture);
  wait_until_time (unknot_session_get_clock_time_at (fixture->run->session, 2000) +
                   start_chime_length () + 500 * G_TIME_SPAN_MILLISECOND);
  return recorder;
}

/* The tone, decoded ahead, is heard right as the start chime ends (within 30 ms, as
 * speech is), not after a file is opened. Paused 0.5 s into it for 2 s, it goes on
 * where it was heard to: nothing of it repeated or lost, so it falls silent 2 s late. */
static void
test_step_audio (Fixture       *fixture,
                 gconstpointer  xml)
{
  g_auto (Placings) placings = { NULL, NULL };
  PulseRecorder *recorder;
  g_autoptr (GArray) heard = NULL;
  gint64 chime;
  gint64 tone;
  gint64 paused;
  gint64 resumed;
  gint64 silent_since;

  if (fixture->server == NULL)
    return;
  recorder = start_into_tone (fixture, &placings);
  paused = g_get_monotonic_time ();
  unknot_session_pause (fixture->run->session);
  pulse_run_wait (2000);
  resumed = g_get_monotonic_time ();
  unknot_session_resume (fixture->run->session);
  pulse_run_wait (3000);
  silent_since = pulse_recorder_get_silent_since (recorder);
  unknot_session_stop (fixture->run->session);
  heard = pulse_recorder_stop (recorder);

  g_assert_cmpuint (placings.chimes->len, ==, 1);
  g_assert_cmpuint (placings.tones->len, >=, 1);
  chime = g_array_index (placings.chimes, gint64, 0);
  tone = g_array_index (placings.tones, gint64, 0);
  g_test_message ("tone placed %.1f ms after the chime's end, heard %.1f ms from there; "
                  "silent %.1f ms after its end, pause included",
                  (tone - chime - start_chime_length ()) / 1000.0, nearest (heard, tone) / 1000.0,
                  (silent_since - (tone + PULSE_RUN_TONE_MS * 1000 + resumed - paused)) / 1000.0);
  g_assert_cmpuint (placings.tones->len, ==, 2);
  g_assert_cmpint (ABS (tone - (chime + start_chime_length ())), <=, G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (ABS (nearest (heard, tone)), <=, 30 * G_TIME_SPAN_MILLISECOND);
  /* The chime, the tone, and the tone again after the pause. */
  g_assert_cmpuint (heard->len, ==, 3);
  g_assert_cmpint (ABS (nearest (heard, chime)), <=, BOUND_US);
  g_assert_cmpint (ABS (nearest (heard, g_array_index (placings.tones, gint64, 1))), <=, BOUND_US);
  g_assert_cmpint (ABS (silent_since - (tone + PULSE_RUN_TONE_MS * 1000 + resumed - paused)), <=,
                   80 * G_TIME_SPAN_MILLISECOND);
}

/* Skipped 0.5 s into A's tone: B's start chime is heard, and the tone stops with it,
 * rather than playing on under B for the 1.5 s it had left. Skipped on to C, whose
 * tone was decoded ahead: it is heard right as C's chime ends, as if foreseen. */
static void
test_step_audio_skip (Fixture       *fixture,
                      gconstpointer  xml)
{
  g_auto (Placings) placings = { NULL, NULL };
  PulseRecorder *recorder;
  g_autoptr (GArray) heard = NULL;
  gint64 skipped;
  gint64 silent_since;
  gint64 chime_c;
  gint64 tone_c;

  if (fixture->server == NULL)
    return;
  recorder = start_into_tone (fixture, &placings);
  skipped = g_get_monotonic_time ();
  unknot_session_next (fixture->run->session);
  pulse_run_wait (2000);
  silent_since = pulse_recorder_get_silent_since (recorder);
  unknot_session_next (fixture->run->session);
  pulse_run_wait (3500);
  unknot_session_stop (fixture->run->session);
  heard = pulse_recorder_stop (recorder);

  g_assert_cmpuint (placings.chimes->len, ==, 3);
  g_assert_cmpuint (placings.tones->len, ==, 2);
  chime_c = g_array_index (placings.chimes, gint64, 2);
  tone_c = g_array_index (placings.tones, gint64, 1);
  g_test_message ("silent %.1f ms after the skip to B; C's tone placed %.1f ms after its "
                  "chime's end, heard %.1f ms from there", (silent_since - skipped) / 1000.0,
                  (tone_c - chime_c - start_chime_length ()) / 1000.0,
                  nearest (heard, tone_c) / 1000.0);
  /* A's tone stopped with B's chime (which starts under the tone's last moment, so it is
   * no clear onset): nothing sounds after that chime. */
  g_assert_cmpint (silent_since, <=, g_array_index (placings.chimes, gint64, 1) +
                                     start_chime_length () + 50 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (ABS (tone_c - (chime_c + start_chime_length ())), <=,
                   G_TIME_SPAN_MILLISECOND);
  /* A's chime, A's tone, C's chime, C's tone. */
  g_assert_cmpuint (heard->len, ==, 4);
  g_assert_cmpint (ABS (nearest (heard, chime_c)), <=, BOUND_US);
  g_assert_cmpint (ABS (nearest (heard, tone_c)), <=, 30 * G_TIME_SPAN_MILLISECOND);
}

typedef struct
{
  const char *name;
  const char *xml;
  void (*test) (Fixture *, gconstpointer);
} PulseCase;

static const PulseCase cases[] = {
  { "sides-switch-rest", sides_routine, test_sides },
  { "built-early", short_routine, test_built_early },
  { "pause", two_steps_routine, test_pause },
  { "skip", two_steps_routine, test_skip },
  { "output-lost", long_step_routine, test_output_lost },
  { "server-restart", long_step_routine, test_server_restart },
  { "speech", spoken_routine, test_speech },
  { "step-audio", audio_routine, test_step_audio },
  { "step-audio-skip", audio_routine, test_step_audio_skip },
  { "rest", quiet_routine, test_rest },
  { "rest-skip", quiet_routine, test_rest_skip },
};

/* The case as a test named after the server, as in /pipewire/skip. */
static void
add_case (const PulseCase *pulse_case)
{
  const char *server = pulse_server_is_pipewire () ? "pipewire" : "pulse";
  g_autofree char *path = g_strdup_printf ("/%s/%s", server, pulse_case->name);

  g_test_add (path, Fixture, pulse_case->xml, set_up, pulse_case->test, tear_down);
}

/* With no argument, every case; with names (as meson passes one per test), those
 * cases, and a name that matches none is an error rather than a test that runs
 * nothing. */
int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  for (guint c = 0; argc == 1 && c < G_N_ELEMENTS (cases); c++)
    add_case (&cases[c]);
  for (int a = 1; a < argc; a++)
    {
      guint c = 0;

      while (c < G_N_ELEMENTS (cases) && g_strcmp0 (cases[c].name, argv[a]) != 0)
        c++;
      if (c == G_N_ELEMENTS (cases))
        g_error ("test-pulse: no case is named '%s'", argv[a]);
      add_case (&cases[c]);
    }
  return g_test_run ();
}
