/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "session-fixtures.h"
#include "unknot-speech.h"
#include "unknot-spoken-prompt.h"
#include "unknot-timeline.h"

/* What the cue player says, and in which voice; no sound here. */

static void
test_durations (void)
{
  static const struct
  {
    gint64 ms;
    const char *spoken;
  } cases[] = {
    { 1000, "1 second" },
    { 45000, "45 seconds" },
    { 45400, "45 seconds" },
    { 60000, "1 minute" },
    { 61000, "1 minute 1 second" },
    { 90000, "1 minute 30 seconds" },
    { 120000, "2 minutes" },
    { 3600000, "60 minutes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *spoken = unknot_spoken_prompt_for_duration (cases[i].ms);
      g_assert_cmpstr (spoken, ==, cases[i].spoken);
    }
}

static void
assert_says (UnknotCueEventKind  kind,
             UnknotSegment      *segment,
             const char         *text,
             const char         *expected)
{
  g_autoptr (UnknotCueEvent) event = unknot_cue_event_new (kind, segment, 0, 0, text);
  g_autofree char *spoken = unknot_spoken_prompt_for_cue (event);

  g_assert_cmpstr (spoken, ==, expected);
}

static void
test_prompts (void)
{
  g_autoptr (UnknotRoutine) routine = session_fixture_parse (
    "<routine format='1' id='prompts'><name>Prompts</name><description>d</description>"
    "<prepare duration='10s'/>"
    "<step region='calves' technique='petrissage' side='each' duration='45s'>"
    "<title>Knead the calf</title><instructions>i</instructions></step>"
    "<rest duration='10s'/>"
    "<step region='hamstrings' technique='rolling' duration='1m30s'>"
    "<title>Roll the hamstrings</title><instructions>i</instructions></step>"
    "<step region='hips' technique='compression' side='left' duration='1m'>"
    "<title>Press the hip</title><instructions>i</instructions></step>"
    "</routine>");
  g_autoptr (GPtrArray) segments = unknot_timeline_plan (routine, 0, 5000);
  static const char *const expected[] = {
    "Get ready",
    "Left side. Knead the calf, 45 seconds",
    NULL, /* the switch gap: switch sides has said it */
    "Right side. Knead the calf, 45 seconds",
    "Rest, 10 seconds",
    "Roll the hamstrings, 1 minute 30 seconds",
    "Left side. Press the hip, 1 minute",
  };
  UnknotSegment *left;

  g_assert_cmpuint (segments->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < segments->len; i++)
    assert_says (UNKNOT_CUE_EVENT_SEGMENT_START, g_ptr_array_index (segments, i), NULL,
                 expected[i]);

  left = g_ptr_array_index (segments, 1);
  assert_says (UNKNOT_CUE_EVENT_SWITCH_SIDES, left, NULL, "Switch sides");
  assert_says (UNKNOT_CUE_EVENT_STEP_CUE, left, "Move up", "Move up");
  assert_says (UNKNOT_CUE_EVENT_ROUTINE_COMPLETE, left, NULL, "Routine complete");
  assert_says (UNKNOT_CUE_EVENT_COUNTDOWN, left, NULL, NULL);
  assert_says (UNKNOT_CUE_EVENT_STEP_END, left, NULL, NULL);
}

/* As unknot_speech_list_voices() gives espeak-ng's, in part. */
static const char *const voices[] = { "de", "en", "en-gb", "en", "en-us", "es", "es", "es-419",
                                      "fr", "fr-be", "fr", "fr-fr", "pt", "pt", "pt-br", NULL };

static void
assert_voice (const char *const *language_names,
              const char        *expected)
{
  g_autofree char *voice = unknot_speech_choose_voice (language_names, voices);
  g_assert_cmpstr (voice, ==, expected);
}

/* As g_get_language_names() gives them for LANGUAGE, LC_ALL and friends. */
static void
test_voice_choice (void)
{
  assert_voice ((const char *[]) { "de_DE.UTF-8", "de_DE", "de.UTF-8", "de", "C", NULL }, "de");
  assert_voice ((const char *[]) { "de_AT", "de", "C", NULL }, "de");
  assert_voice ((const char *[]) { "pt_BR.UTF-8", "pt_BR", "pt", "C", NULL }, "pt-br");
  assert_voice ((const char *[]) { "pt_PT", "C", NULL }, "pt");
  assert_voice ((const char *[]) { "en_US.UTF-8@x", "C", NULL }, "en-us");
  assert_voice ((const char *[]) { "es_MX", "es", "C", NULL }, "es");
  /* The first language espeak speaks wins; unknown ones fall through. */
  assert_voice ((const char *[]) { "tlh", "fr_BE", "de", "C", NULL }, "fr-be");
  assert_voice ((const char *[]) { "fr_CA", "fr", "C", NULL }, "fr");
  assert_voice ((const char *[]) { "C", NULL }, "en");
  assert_voice ((const char *[]) { "POSIX", NULL }, "en");
  assert_voice ((const char *[]) { "xx_YY", NULL }, "en");
}

/* What the installed synthesiser offers, where it is installed. */
static void
test_installed_voices (void)
{
  g_auto (GStrv) installed = NULL;

  if (!unknot_speech_is_available ())
    {
      g_test_skip ("GStreamer's espeak element is not installed");
      return;
    }
  installed = unknot_speech_list_voices ();
  g_assert_true (g_strv_contains ((const char *const *) installed, "en"));
  g_assert_true (g_strv_contains ((const char *const *) installed, "de"));
  g_assert_true (g_strv_contains ((const char *const *) installed, "en-us"));
  g_assert_true (g_strv_contains ((const char *const *) installed, "fr"));
  g_assert_true (g_strv_contains ((const char *const *) installed, "es"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/audio/spoken-prompt/durations", test_durations);
  g_test_add_func ("/audio/spoken-prompt/prompts", test_prompts);
  g_test_add_func ("/audio/spoken-prompt/voice-choice", test_voice_choice);
  g_test_add_func ("/audio/spoken-prompt/installed-voices", test_installed_voices);

  return g_test_run ();
}
