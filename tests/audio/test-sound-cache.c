/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <gst/gst.h>

#include "audio-fixtures.h"
#include "unknot-audio-error.h"
#include "unknot-cue-mixer.h"
#include "unknot-prompt-cache.h"
#include "unknot-sound-decoder.h"
#include "unknot-test-utils.h"

/* Files decoded ahead into memory, by real GStreamer: a step's <audio> is held in full
 * up to a limit, a longer file is refused with an error that names it, and the cache
 * lets go of what is no longer in view. */

#define SECOND_SIZE (UNKNOT_MIX_RATE * UNKNOT_MIX_CHANNELS * sizeof (float))

static GFile *
write_tone (const char *folder,
            guint       ms)
{
  g_autofree char *path = g_build_filename (folder, "tone.wav", NULL);

  audio_fixture_write_tone (folder, "tone.wav", ms);
  return g_file_new_for_path (path);
}

static void
test_decode_limit (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-sound-cache");
  g_autoptr (GFile) file = write_tone (folder, 2000);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) held = NULL;
  g_autoptr (GBytes) refused = NULL;
  gint rate;
  gint channels;

  held = unknot_sound_decoder_decode (file, 3, &rate, &channels, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rate, ==, UNKNOT_MIX_RATE);
  g_assert_cmpint (channels, ==, UNKNOT_MIX_CHANNELS);
  g_assert_cmpuint (g_bytes_get_size (held), ==, 2 * SECOND_SIZE);

  refused = unknot_sound_decoder_decode (file, 1, &rate, &channels, &error);
  g_assert_null (refused);
  g_assert_error (error, UNKNOT_AUDIO_ERROR, UNKNOT_AUDIO_ERROR_SOUND);
  g_assert_nonnull (strstr (error->message, "tone.wav lasts longer than 1 second"));
  unknot_test_remove_folder (folder);
}

static gboolean
is_ready (gpointer data)
{
  gpointer *cache_and_file = data;

  return unknot_prompt_cache_lookup_file (cache_and_file[0], cache_and_file[1]) != NULL;
}

/* Without speech, files only: decoded in the worker, held until out of view. */
static void
test_files_in_view (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-sound-cache");
  g_autoptr (GFile) file = write_tone (folder, 500);
  g_autoptr (UnknotPromptCache) cache = unknot_prompt_cache_new (NULL);
  g_autoptr (GPtrArray) in_view = g_ptr_array_new ();
  gpointer cache_and_file[] = { cache, file };

  unknot_prompt_cache_prepare (cache, "Get ready");
  unknot_prompt_cache_prepare_file (cache, file);
  g_assert_null (unknot_prompt_cache_lookup_file (cache, file));
  g_assert_true (unknot_test_wait_until (is_ready, cache_and_file, 10000));
  g_assert_cmpuint (g_bytes_get_size (unknot_prompt_cache_lookup_file (cache, file)), ==,
                    SECOND_SIZE / 2);
  g_assert_null (unknot_prompt_cache_lookup (cache, "Get ready"));

  g_ptr_array_add (in_view, file);
  unknot_prompt_cache_keep_files (cache, in_view);
  g_assert_nonnull (unknot_prompt_cache_lookup_file (cache, file));
  g_ptr_array_set_size (in_view, 0);
  unknot_prompt_cache_keep_files (cache, in_view);
  g_assert_null (unknot_prompt_cache_lookup_file (cache, file));
  unknot_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/audio/sound-cache/decode-limit", test_decode_limit);
  g_test_add_func ("/audio/sound-cache/files-in-view", test_files_in_view);

  return g_test_run ();
}
