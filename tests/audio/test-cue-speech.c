/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "audio-fixtures.h"

#include <string.h>

#include "unknot-speech.h"
#include "unknot-test-utils.h"

/* Spoken prompts, through the real espeak element where it is installed (the tests that
 * need it skip otherwise), and the app without it, by taking it out of the registry. */

static const char *const calf_xml =
  "<routine format='1' id='calf'><name>Calf</name><description>d</description>"
  "<prepare duration='0s'/>"
  "<step region='calves' technique='petrissage' side='each' switch='0s' duration='3s'>"
  "<title>Knead the calf</title><instructions>i</instructions>"
  "<cue at='1s'>Move to the outer edge</cue></step>"
  "</routine>";

static PlayerFixture *
make_calf (void)
{
  g_autoptr (UnknotRoutine) routine = session_fixture_parse (calf_xml);
  PlayerFixture *player = player_fixture_new (routine, NULL);

  unknot_cue_player_set_countdown_ticks (player->player, FALSE);
  return player;
}

static gboolean
skip_without_speech (void)
{
  if (unknot_speech_is_available ())
    return FALSE;
  g_test_skip ("GStreamer's espeak element is not installed");
  return TRUE;
}

/* Each prompt in full, in order, and never over a chime. */
static void
test_prompts (void)
{
  g_autoptr (PlayerFixture) player = NULL;
  g_autofree char *log = NULL;

  if (skip_without_speech ())
    return;

  player = make_calf ();
  player_fixture_run (player);
  g_assert_true (unknot_cue_player_get_speech_available (player->player));

  g_assert_cmpint (player_fixture_time_of (player, "say:Left side. Knead the calf, 3 seconds") -
                   player_fixture_time_of (player, "start"), >=, 850000);
  g_assert_cmpint (player_fixture_time_of (player, "say:Switch sides") -
                   player_fixture_time_of (player, "switch-sides"), >=, 1050000);
  g_assert_cmpint (player_fixture_time_of (player, "say:Right side. Knead the calf, 3 seconds") -
                   player_fixture_time_of (player, "say:Switch sides"), >=, 300000);

  log = player_fixture_take_log (player);
  g_assert_cmpstr (log, ==,
                   "0 start\n"
                   "0 say:Left side. Knead the calf, 3 seconds\n"
                   "1000 say:Move to the outer edge\n"
                   "3000 switch-sides\n"
                   "3000 say:Switch sides\n"
                   "3000 say:Right side. Knead the calf, 3 seconds\n"
                   "4000 say:Move to the outer edge\n"
                   "6000 routine-complete\n"
                   "6000 say:Routine complete\n");
}

/* A <cue> that cannot be said gets a chime, so the runner looks at the screen. */
static const char *const unspoken_log =
  "0 start\n"
  "1000 start\n"
  "3000 switch-sides\n"
  "4000 start\n"
  "6000 routine-complete\n";

static void
test_prompts_off (void)
{
  g_autoptr (PlayerFixture) player = make_calf ();
  g_autofree char *log = NULL;

  unknot_cue_player_set_spoken_prompts (player->player, FALSE);
  player_fixture_run (player);

  log = player_fixture_take_log (player);
  g_assert_cmpstr (log, ==, unspoken_log);
}

static void
remove_speech_element (void)
{
  GstRegistry *registry = gst_registry_get ();
  g_autoptr (GstPluginFeature) feature = gst_registry_lookup_feature (registry, "espeak");

  if (feature != NULL)
    gst_registry_remove_feature (registry, feature);
}

/* Without the plugin the app runs as with prompts off, and says so in a property. */
static void
test_speech_absent (void)
{
  g_autoptr (PlayerFixture) player = NULL;
  g_autofree char *log = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr ("");
      return;
    }

  remove_speech_element ();
  g_assert_false (unknot_speech_is_available ());
  player = make_calf ();
  g_assert_false (unknot_cue_player_get_speech_available (player->player));
  g_assert_true (unknot_cue_player_get_spoken_prompts (player->player));
  player_fixture_run (player);

  log = player_fixture_take_log (player);
  g_assert_cmpstr (log, ==, unspoken_log);
}

static const char *const long_cue_xml =
  "<routine format='1' id='long-cue'><name>Long cue</name><description>d</description>"
  "<prepare duration='0s'/>"
  "<step region='calves' technique='petrissage' duration='4s'>"
  "<title>Knead the calf</title><instructions>i</instructions>"
  "<cue at='1s'>Now move slowly to the outer edge of the calf, and keep the pressure even "
  "all the way up to the knee</cue></step>"
  "</routine>";

typedef struct
{
  PlayerFixture *player;
  const char *prefix;
  double volume;
} Waiting;

static gboolean
has_played (gpointer data)
{
  Waiting *waiting = data;

  for (guint i = 0; i < waiting->player->played->len; i++)
    if (strstr (g_ptr_array_index (waiting->player->played, i), waiting->prefix) != NULL)
      return TRUE;
  return FALSE;
}

static double
voice_volume (PlayerFixture *player)
{
  g_autoptr (GPtrArray) pipelines = unknot_cue_player_get_pipelines (player->player);

  return player_fixture_volume_of (g_ptr_array_index (pipelines, pipelines->len - 1));
}

static gboolean
voice_is_at (gpointer data)
{
  Waiting *waiting = data;
  return G_APPROX_VALUE (voice_volume (waiting->player), waiting->volume, 1e-6);
}

/* A tick under a long prompt ducks it, and it comes back up when the tick has ended. */
static void
test_ducking (void)
{
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (PlayerFixture) player = NULL;
  Waiting waiting = { NULL, " say:Now move slowly", 0.8 };

  if (skip_without_speech ())
    return;

  routine = session_fixture_parse (long_cue_xml);
  player = player_fixture_new (routine, NULL);
  waiting.player = player;
  unknot_cue_player_set_volume (player->player, 0.8);
  player_fixture_attach (player);
  unknot_session_start (player->recorder->session);
  player_fixture_wait_quiet (player);

  /* 1 s: the <cue>, then the tick 3 of the same instant, which goes first. */
  unknot_fake_clock_run_next (player->recorder->clock);
  g_assert_true (unknot_test_wait_until (has_played, &waiting, 10000));
  g_assert_cmpint (player_fixture_time_of (player, waiting.prefix + 1) -
                   player_fixture_time_of (player, "countdown-tick"), >=, 100000);
  g_assert_cmpfloat_with_epsilon (voice_volume (player), 0.8, 1e-6);

  /* 2 s: tick 2, under the prompt. */
  unknot_fake_clock_run_next (player->recorder->clock);
  g_assert_cmpfloat_with_epsilon (voice_volume (player), 0.8 * 0.3, 1e-6);
  g_assert_true (unknot_test_wait_until (voice_is_at, &waiting, 2000));
  g_assert_true (unknot_cue_player_get_playing (player->player));

  player_fixture_wait_quiet (player);
  while (unknot_fake_clock_get_n_deadlines (player->recorder->clock) > 0)
    player_fixture_step (player);
}

/* Skipping ahead drops what was to be said for the steps left behind. */
static void
test_skipping_drops_stale_prompts (void)
{
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (PlayerFixture) player = NULL;
  g_autofree char *log = NULL;

  if (skip_without_speech ())
    return;

  routine = session_fixture_parse (
    "<routine format='1' id='skip'><name>Skip</name><description>d</description>"
    "<prepare duration='0s'/>"
    "<step region='neck' technique='friction' duration='9s'>"
    "<title>First</title><instructions>i</instructions></step>"
    "<step region='neck' technique='friction' duration='9s'>"
    "<title>Second</title><instructions>i</instructions></step>"
    "<step region='neck' technique='friction' duration='9s'>"
    "<title>Third</title><instructions>i</instructions></step>"
    "</routine>");
  player = player_fixture_new (routine, NULL);
  player->recorder->check_offsets = FALSE;
  unknot_cue_player_set_countdown_ticks (player->player, FALSE);
  player_fixture_attach (player);
  unknot_session_start (player->recorder->session);
  unknot_session_next (player->recorder->session);
  unknot_session_next (player->recorder->session);
  player_fixture_wait_quiet (player);

  log = player_fixture_take_log (player);
  g_assert_null (strstr (log, "say:First"));
  g_assert_null (strstr (log, "say:Second"));
  g_assert_nonnull (strstr (log, "0 say:Third, 9 seconds\n"));
}

static GstElement *
find_speech_element (GstElement *pipeline)
{
  g_autoptr (GstIterator) iter = gst_bin_iterate_elements (GST_BIN (pipeline));
  g_auto (GValue) item = G_VALUE_INIT;
  GstElement *found = NULL;

  while (found == NULL && gst_iterator_next (iter, &item) == GST_ITERATOR_OK)
    {
      GstElement *element = g_value_get_object (&item);
      GstElementFactory *factory = gst_element_get_factory (element);

      if (factory != NULL && g_str_equal (GST_OBJECT_NAME (factory), "espeak"))
        found = gst_object_ref (element);
      g_value_reset (&item);
    }
  g_assert_nonnull (found);
  return found;
}

/* Prompts are spoken in the voice for the UI language. (The words stay English here:
 * the test builds no translations.) */
static void
test_voice_follows_language (void)
{
  g_autoptr (PlayerFixture) player = NULL;
  g_autoptr (GPtrArray) pipelines = NULL;
  g_autoptr (GstElement) speech = NULL;
  g_autofree char *voice = NULL;
  Waiting waiting = { NULL, " say:", 0.0 };

  if (skip_without_speech ())
    return;
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  g_setenv ("LANGUAGE", "de_AT:de", TRUE);
  player = make_calf ();
  waiting.player = player;
  player_fixture_attach (player);
  unknot_session_start (player->recorder->session);
  g_assert_true (unknot_test_wait_until (has_played, &waiting, 10000));

  pipelines = unknot_cue_player_get_pipelines (player->player);
  speech = find_speech_element (g_ptr_array_index (pipelines, pipelines->len - 1));
  g_object_get (speech, "voice", &voice, NULL);
  g_assert_cmpstr (voice, ==, "de");
  player_fixture_wait_quiet (player);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/audio/speech/prompts", test_prompts);
  g_test_add_func ("/audio/speech/prompts-off", test_prompts_off);
  g_test_add_func ("/audio/speech/absent", test_speech_absent);
  g_test_add_func ("/audio/speech/ducking", test_ducking);
  g_test_add_func ("/audio/speech/skipping", test_skipping_drops_stale_prompts);
  g_test_add_func ("/audio/speech/voice-follows-language", test_voice_follows_language);

  return g_test_run ();
}
