/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <gst/gst.h>

#include "audio-fixtures.h"
#include "session-fixtures.h"
#include "unknot-test-utils.h"

/* The cue sounds going missing: deleted while a routine runs, or never installed. A
 * routine always runs to its end; only what cannot be heard is not heard. */

static const char *const short_xml =
  "<routine format='1' id='short'><name>Short</name><description>d</description>"
  "<prepare duration='2s'/>"
  "<step region='neck' technique='friction' duration='4s'>"
  "<title>Rub the neck</title><instructions>i</instructions></step>"
  "</routine>";

static const char *const sounds[] = {
  "start", "countdown-tick", "switch-sides", "step-end", "routine-complete", NULL
};

/* A copy of the shipped sounds, as $UNKNOT_DATA_DIR/sounds, without @left_out. */
static char *
copy_sounds (const char *left_out)
{
  g_autofree char *shipped = g_build_filename (g_getenv ("UNKNOT_DATA_DIR"), "sounds", NULL);
  char *root = unknot_test_make_folder ("unknot-sounds");
  g_autofree char *folder = g_build_filename (root, "sounds", NULL);

  g_mkdir (folder, 0700);
  for (guint i = 0; sounds[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (sounds[i], ".oga", NULL);
      g_autofree char *from = g_build_filename (shipped, name, NULL);
      g_autofree char *to = g_build_filename (folder, name, NULL);
      g_autofree char *bytes = NULL;
      gsize length;

      if (g_strcmp0 (sounds[i], left_out) == 0)
        continue;
      g_assert_true (g_file_get_contents (from, &bytes, &length, NULL));
      g_assert_true (g_file_set_contents (to, bytes, length, NULL));
    }
  g_setenv ("UNKNOT_DATA_DIR", root, TRUE);
  return root;
}

/* The sounds are read once, when the first routine starts; deleting them afterwards,
 * as an update or a cleaner might, changes nothing that is heard. */
static void
test_deleted_while_running (void)
{
  g_autofree char *shipped = g_strdup (g_getenv ("UNKNOT_DATA_DIR"));
  g_autofree char *root = copy_sounds (NULL);
  g_autoptr (UnknotRoutine) routine = session_fixture_parse (short_xml);
  g_autoptr (PlayerFixture) player = player_fixture_new (routine, NULL);
  g_autofree char *log = NULL;

  unknot_cue_player_set_spoken_prompts (player->player, FALSE);
  player_fixture_attach (player);
  unknot_test_remove_folder (root);
  g_assert_false (g_file_test (root, G_FILE_TEST_EXISTS));

  player_fixture_run (player);
  log = player_fixture_take_log (player);
  g_assert_cmpstr (log, ==,
                   "1000 countdown-tick\n2000 start\n3000 countdown-tick\n4000 countdown-tick\n"
                   "5000 countdown-tick\n6000 routine-complete\n");
  g_setenv ("UNKNOT_DATA_DIR", shipped, TRUE);
}

/* A sound missing from the start is said once; its cues stay silent, the rest sound. */
static void
test_missing_at_start (void)
{
  g_autofree char *shipped = g_strdup (g_getenv ("UNKNOT_DATA_DIR"));
  g_autofree char *root = copy_sounds ("start");
  g_autoptr (UnknotRoutine) routine = session_fixture_parse (short_xml);
  g_autoptr (PlayerFixture) player = player_fixture_new (routine, NULL);
  g_autofree char *log = NULL;

  unknot_cue_player_set_spoken_prompts (player->player, FALSE);
  g_test_expect_message ("Unknot", G_LOG_LEVEL_WARNING, "*cue sound*start*");
  player_fixture_attach (player);
  g_test_assert_expected_messages ();
  g_assert_true (unknot_cue_player_get_audio_available (player->player));

  player_fixture_run (player);
  log = player_fixture_take_log (player);
  g_assert_cmpstr (log, ==,
                   "1000 countdown-tick\n3000 countdown-tick\n4000 countdown-tick\n"
                   "5000 countdown-tick\n6000 routine-complete\n");
  g_assert_cmpint (unknot_session_get_state (player->recorder->session), ==,
                   UNKNOT_SESSION_FINISHED);

  unknot_test_remove_folder (root);
  g_setenv ("UNKNOT_DATA_DIR", shipped, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/audio/faults/sound-deleted-while-running", test_deleted_while_running);
  g_test_add_func ("/audio/faults/sound-missing-at-start", test_missing_at_start);

  return g_test_run ();
}
