/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "audio-fixtures.h"

#include <glib/gstdio.h>

#include "unknot-audio-error.h"
#include "unknot-speech.h"
#include "unknot-test-utils.h"

/* Every test plays into "fakesink sync=true" (UNKNOT_AUDIO_SINK in the test
 * environment), in real time, and steps the session on a fake clock one instant at a
 * time, waiting until all it fired has ended: the log shows what reached the sink, at
 * which routine time. */

/* Both kinds of sided step, a switch gap and none, a rest, a <cue>, a step's <audio>,
 * and a step start that meets a step end. */
static const char *const mixed_xml =
  "<routine format='1' id='audio-mixed'><name>Mixed</name><description>d</description>"
  "<prepare duration='4s'/>"
  "<step region='calves' technique='petrissage' side='each' switch='2s' duration='5s'>"
  "<title>Knead the calf</title><instructions>i</instructions>"
  "<cue at='1s'>Move to the outer edge</cue><audio src='calf.wav'/></step>"
  "<rest duration='4s'/>"
  "<step region='hamstrings' technique='rolling' tool='foam-roller' duration='4s'>"
  "<title>Roll the hamstrings</title><instructions>i</instructions></step>"
  "<step region='feet' technique='friction' side='each' switch='0s' duration='2s'>"
  "<title>Rub the sole</title><instructions>i</instructions></step>"
  "</routine>";

/* With spoken prompts off, so the <cue> is heard as a start chime. */
static const char *const mixed_log =
  "1000 countdown-tick\n"
  "2000 countdown-tick\n"
  "3000 countdown-tick\n"
  "4000 start\n"                 /* step 1, left side */
  "4000 FOLDER/calf.wav\n"       /* its own audio, after the chime */
  "5000 start\n"                 /* the <cue>, unspoken */
  "6000 countdown-tick\n"
  "7000 countdown-tick\n"
  "8000 countdown-tick\n"
  "9000 switch-sides\n"          /* and the switch gap starts, silently */
  "11000 start\n"                /* the right side, after the gap; no audio again */
  "12000 start\n"
  "13000 countdown-tick\n"
  "14000 countdown-tick\n"
  "15000 countdown-tick\n"
  "16000 step-end\n"             /* a rest follows */
  "17000 countdown-tick\n"
  "18000 countdown-tick\n"
  "19000 countdown-tick\n"
  "20000 start\n"                /* step 2 */
  "21000 countdown-tick\n"
  "22000 countdown-tick\n"
  "23000 countdown-tick\n"
  "24000 start\n"                /* step 2 ends as step 3 starts: one chime */
  "25000 countdown-tick\n"
  "26000 switch-sides\n"         /* no gap: the right side's start is not heard */
  "27000 countdown-tick\n"
  "28000 routine-complete\n";    /* the last step's end is not heard */

typedef struct
{
  char *folder;
} Folder;

static void
folder_set_up (Folder        *fixture,
               gconstpointer  data)
{
  fixture->folder = unknot_test_make_folder ("unknot-audio");
}

static void
folder_tear_down (Folder        *fixture,
                  gconstpointer  data)
{
  unknot_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

static PlayerFixture *
make_mixed (Folder *fixture)
{
  g_autoptr (UnknotRoutine) routine = NULL;

  audio_fixture_write_tone (fixture->folder, "calf.wav", 200);
  routine = audio_fixture_load_routine (fixture->folder, mixed_xml);
  return player_fixture_new (routine, fixture->folder);
}

static void
test_cues_in_order (Folder        *fixture,
                    gconstpointer  data)
{
  g_autoptr (PlayerFixture) player = make_mixed (fixture);
  g_autofree char *log = NULL;
  gint64 chime;
  gint64 file;

  unknot_cue_player_set_spoken_prompts (player->player, FALSE);
  player_fixture_run (player);

  /* The step's audio waits for the start chime (0.9 s) to end. */
  chime = player_fixture_time_of (player, "start");
  file = player_fixture_time_of (player, "FOLDER/calf.wav");
  g_assert_cmpint (file - chime, >=, 850000);

  log = player_fixture_take_log (player);
  g_assert_cmpstr (log, ==, mixed_log);
  g_assert_true (unknot_cue_player_get_audio_available (player->player));
  g_assert_cmpuint (player->n_unavailable, ==, 0);
}

static gboolean
is_countdown_cue (gconstpointer cue,
                  gconstpointer unused)
{
  return strstr (cue, " countdown ") != NULL;
}

static const char *const short_xml =
  "<routine format='1' id='short'><name>Short</name><description>d</description>"
  "<prepare duration='4s'/>"
  "<step region='neck' technique='friction' duration='4s'>"
  "<title>Rub the neck</title><instructions>i</instructions></step>"
  "</routine>";

/* The session still counts down (the UI shows it); only the tick is not heard. */
static void
test_ticks_off (void)
{
  g_autoptr (UnknotRoutine) routine = session_fixture_parse (short_xml);
  g_autoptr (PlayerFixture) player = player_fixture_new (routine, NULL);
  g_autofree char *log = NULL;

  unknot_cue_player_set_spoken_prompts (player->player, FALSE);
  unknot_cue_player_set_countdown_ticks (player->player, FALSE);
  player_fixture_run (player);

  g_assert_true (g_ptr_array_find_with_equal_func (player->recorder->cues, NULL,
                                                   is_countdown_cue, NULL));
  log = player_fixture_take_log (player);
  g_assert_cmpstr (log, ==, "4000 start\n8000 routine-complete\n");
}

static const char *const bad_audio_xml =
  "<routine format='1' id='bad-audio'><name>Bad audio</name><description>d</description>"
  "<prepare duration='0s'/>"
  "<step region='neck' technique='friction' duration='2s'>"
  "<title>Gone</title><instructions>i</instructions><audio src='gone.ogg'/></step>"
  "<step region='neck' technique='friction' duration='2s'>"
  "<title>Noise</title><instructions>i</instructions><audio src='noise.ogg'/></step>"
  "<step region='neck' technique='friction' duration='2s'>"
  "<title>Gone again</title><instructions>i</instructions><audio src='gone.ogg'/></step>"
  "<step region='neck' technique='friction' duration='2s'>"
  "<title>Noise again</title><instructions>i</instructions><audio src='noise.ogg'/></step>"
  "</routine>";

static void
write_noise (const char *folder,
             const char *name)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20240611);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr (GError) error = NULL;
  guint32 noise[4096];

  for (guint i = 0; i < G_N_ELEMENTS (noise); i++)
    noise[i] = g_rand_int (rand);
  g_file_set_contents (path, (const char *) noise, sizeof noise, &error);
  g_assert_no_error (error);
}

/* A file gone since the routine was loaded and one of random bytes: one warning each,
 * however often they come up, and the routine runs on. */
static void
test_bad_step_audio (Folder        *fixture,
                     gconstpointer  data)
{
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (PlayerFixture) player = NULL;
  g_autofree char *gone = g_build_filename (fixture->folder, "gone.ogg", NULL);
  g_autofree char *log = NULL;

  unknot_test_write_file (fixture->folder, "gone.ogg", "");
  write_noise (fixture->folder, "noise.ogg");
  routine = audio_fixture_load_routine (fixture->folder, bad_audio_xml);
  g_assert_cmpint (g_remove (gone), ==, 0);

  player = player_fixture_new (routine, fixture->folder);
  unknot_cue_player_set_spoken_prompts (player->player, FALSE);
  unknot_cue_player_set_countdown_ticks (player->player, FALSE);
  g_test_expect_message ("Unknot", G_LOG_LEVEL_WARNING, "*audio file*gone.ogg*");
  g_test_expect_message ("Unknot", G_LOG_LEVEL_WARNING, "*audio file*noise.ogg*");
  player_fixture_run (player);
  g_test_assert_expected_messages ();

  log = player_fixture_take_log (player);
  g_assert_cmpstr (log, ==,
                   "0 start\n"
                   "2000 start\n"
                   "4000 start\n"
                   "6000 start\n"
                   "8000 routine-complete\n");
}

/* The chimes' stream first, then the voice, which is ducked while a chime sounds. */
static void
assert_volumes (UnknotCuePlayer *player,
                double           volume,
                double           voice_volume)
{
  g_autoptr (GPtrArray) pipelines = unknot_cue_player_get_pipelines (player);

  g_assert_cmpuint (pipelines->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (player_fixture_volume_of (g_ptr_array_index (pipelines, 0)),
                                  volume, 1e-6);
  g_assert_cmpfloat_with_epsilon (player_fixture_volume_of (g_ptr_array_index (pipelines, 1)),
                                  voice_volume, 1e-6);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* The volume reaches every pipeline, also one under way. */
static void
test_volume (Folder        *fixture,
             gconstpointer  data)
{
  g_autoptr (PlayerFixture) player = make_mixed (fixture);
  guint notified = 0;

  unknot_cue_player_set_volume (player->player, 0.25);
  g_signal_connect (player->player, "notify::volume", G_CALLBACK (count_notify), &notified);
  player_fixture_attach (player);
  assert_volumes (player->player, 0.25, 0.25);

  unknot_session_start (player->recorder->session);
  unknot_fake_clock_advance (player->recorder->clock, 4000);
  g_assert_true (unknot_cue_player_get_playing (player->player));
  unknot_cue_player_set_volume (player->player, 0.5);
  assert_volumes (player->player, 0.5, 0.5 * 0.3);
  unknot_cue_player_set_volume (player->player, 0.5);
  g_assert_cmpuint (notified, ==, 1);

  player_fixture_wait_quiet (player);
  assert_volumes (player->player, 0.5, 0.5);
  unknot_cue_player_set_volume (player->player, 7.0);
  assert_volumes (player->player, 1.0, 1.0);
  g_assert_cmpfloat (unknot_cue_player_get_volume (player->player), ==, 1.0);
  g_assert_cmpuint (notified, ==, 2);
}

/* No output: the signal once, no sound, and the routine runs to its end all the same. */
static void
run_without_output (Folder     *fixture,
                    const char *sink)
{
  g_autoptr (PlayerFixture) player = make_mixed (fixture);
  g_autofree char *log = NULL;

  unknot_cue_player_set_sink (player->player, sink);
  player_fixture_run (player);

  g_assert_cmpuint (player->n_unavailable, ==, 1);
  g_assert_false (unknot_cue_player_get_audio_available (player->player));
  log = player_fixture_take_log (player);
  g_assert_cmpstr (log, ==, "");
  g_assert_cmpuint (player->recorder->cues->len, >, 30);
}

/* What autoaudiosink does on a machine without a sound card, made certain on any
 * machine: with caps that no audio sink takes, it finds none, warns, and falls back to
 * its own fakesink. */
static void
test_no_audio_device (Folder        *fixture,
                      gconstpointer  data)
{
  run_without_output (fixture, "autoaudiosink filter-caps=audio/x-unknot-nothing");
}

/* A sink that fails to open. */
static void
test_output_cannot_open (Folder        *fixture,
                         gconstpointer  data)
{
  run_without_output (fixture, "pulsesink server=unix:/nonexistent/unknot");
}

static void
test_output_not_a_sink (Folder        *fixture,
                        gconstpointer  data)
{
  run_without_output (fixture, "no-such-element-in-gstreamer");
}

static void
on_unavailable_notify (UnknotCuePlayer *player,
                       GParamSpec      *pspec,
                       guint           *count)
{
  (*count)++;
}

/* A new sink is a new try. */
static void
test_new_sink_tries_again (void)
{
  g_autoptr (UnknotRoutine) routine = session_fixture_parse (short_xml);
  g_autoptr (PlayerFixture) player = player_fixture_new (routine, NULL);
  g_autofree char *log = NULL;
  guint notified = 0;

  g_signal_connect (player->player, "notify::audio-available",
                    G_CALLBACK (on_unavailable_notify), &notified);
  unknot_cue_player_set_sink (player->player, "no-such-element-in-gstreamer");
  player_fixture_attach (player);
  g_assert_false (unknot_cue_player_get_audio_available (player->player));
  g_assert_cmpuint (player->n_unavailable, ==, 1);

  unknot_cue_player_set_sink (player->player, NULL);
  g_assert_cmpstr (unknot_cue_player_get_sink (player->player), ==,
                   g_getenv ("UNKNOT_AUDIO_SINK"));
  g_assert_true (unknot_cue_player_get_audio_available (player->player));
  g_assert_cmpuint (player->n_unavailable, ==, 1);
  g_assert_cmpuint (notified, ==, 2);

  unknot_cue_player_set_spoken_prompts (player->player, FALSE);
  unknot_cue_player_set_countdown_ticks (player->player, FALSE);
  player_fixture_run (player);
  log = player_fixture_take_log (player);
  g_assert_cmpstr (log, ==, "4000 start\n8000 routine-complete\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/audio/player/" path, Folder, NULL, folder_set_up, func, folder_tear_down)

  ADD ("cues-in-order", test_cues_in_order);
  ADD ("bad-step-audio", test_bad_step_audio);
  ADD ("volume", test_volume);
  ADD ("no-audio/device", test_no_audio_device);
  ADD ("no-audio/cannot-open", test_output_cannot_open);
  ADD ("no-audio/not-a-sink", test_output_not_a_sink);

#undef ADD

  g_test_add_func ("/audio/player/ticks-off", test_ticks_off);
  g_test_add_func ("/audio/player/no-audio/new-sink", test_new_sink_tries_again);

  return g_test_run ();
}
