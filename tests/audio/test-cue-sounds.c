/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gst/gst.h>
#include <math.h>

#include "unknot-cue-sound.h"
#include "unknot-test-utils.h"

/* The shipped cue sounds: they decode as mono 48 kHz, are equally loud, start and end
 * in silence, reach the build tree, and build-aux/make-cue-sounds makes them again to
 * the sample. */

#define RATE        48000
#define WINDOW      (RATE / 20)  /* 50 ms, as the script measures loudness */
#define HOP         (RATE / 200)
#define TARGET_DBFS -12.0

static GstPadProbeReturn
collect_samples (GstPad          *pad,
                 GstPadProbeInfo *info,
                 gpointer         user_data)
{
  GArray *samples = user_data;
  GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER (info);
  GstMapInfo map;

  g_assert_true (gst_buffer_map (buffer, &map, GST_MAP_READ));
  g_array_append_vals (samples, map.data, map.size / sizeof (float));
  gst_buffer_unmap (buffer, &map);
  return GST_PAD_PROBE_OK;
}

/* Decodes @path as our sounds must be: the caps filter fails on anything but mono
 * 48 kHz. The streaming thread fills the array; the EOS message comes after it is done.
 *
 * Returns: (transfer full): the samples */
static GArray *
decode (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GstElement) pipeline = gst_parse_launch (
    "filesrc name=file ! oggdemux ! vorbisdec "
    "! audio/x-raw,format=F32LE,rate=48000,channels=1 ! fakesink name=sink", &error);
  g_autoptr (GstElement) file = NULL;
  g_autoptr (GstElement) sink = NULL;
  g_autoptr (GstPad) pad = NULL;
  g_autoptr (GstBus) bus = NULL;
  g_autoptr (GstMessage) message = NULL;
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (float));

  g_assert_no_error (error);
  file = gst_bin_get_by_name (GST_BIN (pipeline), "file");
  g_object_set (file, "location", path, NULL);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  pad = gst_element_get_static_pad (sink, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, collect_samples, samples, NULL);

  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, 10 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      gst_message_parse_error (message, &error, NULL);
      g_error ("%s does not decode: %s", path, error->message);
    }
  gst_element_set_state (pipeline, GST_STATE_NULL);
  return samples;
}

/* The granule position of the last Ogg page: for Vorbis, the exact number of samples,
 * which decoders trim to. (GStreamer's decoder trims by time and may give one sample
 * more, so this is the count to compare.) */
static gint64
last_granule (const char *path)
{
  g_autofree guint8 *data = NULL;
  gsize length;
  gint64 granule = -1;
  gsize page = 0;

  g_assert_true (g_file_get_contents (path, (char **) &data, &length, NULL));
  while (page + 27 <= length)
    {
      gsize body = page + 27;

      g_assert_cmpmem (data + page, 4, "OggS", 4);
      granule = 0;
      for (guint i = 0; i < 8; i++)
        granule |= (gint64) data[page + 6 + i] << (8 * i);
      body += data[page + 26];
      g_assert_cmpuint (body, <=, length);
      for (guint i = 0; i < data[page + 26]; i++)
        body += data[page + 27 + i];
      page = body;
    }
  g_assert_cmpuint (page, ==, length);
  return granule;
}

static double
decibels (double value)
{
  return 20.0 * log10 (value);
}

static double
peak_of (GArray *samples)
{
  double peak = 0.0;

  for (guint i = 0; i < samples->len; i++)
    peak = MAX (peak, fabs (g_array_index (samples, float, i)));
  return peak;
}

static double
loudest_window_rms (GArray *samples)
{
  double loudest = 0.0;

  for (guint begin = 0; begin + WINDOW <= samples->len; begin += HOP)
    {
      double sum = 0.0;

      for (guint i = begin; i < begin + WINDOW; i++)
        sum += g_array_index (samples, float, i) * (double) g_array_index (samples, float, i);
      loudest = MAX (loudest, sqrt (sum / WINDOW));
    }
  return loudest;
}

static char *
shipped_path (UnknotCueSound sound)
{
  g_autofree char *name = g_strconcat (unknot_cue_sound_get_name (sound), ".oga", NULL);
  return unknot_test_source_path ("data", "sounds", name, NULL);
}

static void
assert_same_bytes (const char *path,
                   const char *other_path)
{
  g_autofree char *contents = NULL;
  g_autofree char *other = NULL;
  gsize length;
  gsize other_length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_get_contents (other_path, &other, &other_length, NULL));
  g_assert_cmpmem (contents, length, other, other_length);
}

static void
test_shipped (void)
{
  for (UnknotCueSound sound = 0; sound < UNKNOT_N_CUE_SOUNDS; sound++)
    {
      g_autofree char *path = shipped_path (sound);
      g_autoptr (GFile) found = unknot_cue_sound_get_file (sound);
      g_autofree char *found_path = g_file_get_path (found);
      g_autoptr (GArray) samples = decode (path);

      g_test_message ("%s: %" G_GINT64_FORMAT " samples, peak %.1f dBFS, "
                      "loudest 50 ms %.1f dBFS RMS",
                      unknot_cue_sound_get_name (sound), last_granule (path),
                      decibels (peak_of (samples)), decibels (loudest_window_rms (samples)));
      g_assert_cmpuint (samples->len, >=, RATE / 10);
      g_assert_cmpuint (samples->len, <=, 3 * RATE);
      g_assert_cmpfloat (decibels (peak_of (samples)), <=, -1.0);
      g_assert_cmpfloat_with_epsilon (decibels (loudest_window_rms (samples)), TARGET_DBFS, 1.0);
      /* No click at either end. */
      g_assert_cmpfloat (fabs (g_array_index (samples, float, 0)), <, 0.01);
      g_assert_cmpfloat (fabs (g_array_index (samples, float, samples->len - 1)), <, 0.01);
      /* The player finds the build tree's copy, which is the shipped file. */
      assert_same_bytes (path, found_path);
    }
}

/* The bytes differ from run to run (Ogg's random stream serial number); the sound does
 * not. */
static void
test_reproducible (void)
{
  g_autofree char *script = unknot_test_source_path ("build-aux", "make-cue-sounds", NULL);
  g_autofree char *folder = unknot_test_make_folder ("unknot-sounds");
  const char *argv[] = { script, "--output", folder, NULL };
  g_autofree char *output = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_test_message ("%s", output);

  for (UnknotCueSound sound = 0; sound < UNKNOT_N_CUE_SOUNDS; sound++)
    {
      g_autofree char *shipped = shipped_path (sound);
      g_autofree char *name = g_strconcat (unknot_cue_sound_get_name (sound), ".oga", NULL);
      g_autofree char *made = g_build_filename (folder, name, NULL);
      g_autoptr (GArray) shipped_samples = decode (shipped);
      g_autoptr (GArray) made_samples = decode (made);

      g_assert_cmpint (last_granule (made), ==, last_granule (shipped));
      g_assert_cmpuint (made_samples->len, ==, shipped_samples->len);
    }
  unknot_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/audio/sounds/shipped", test_shipped);
  g_test_add_func ("/audio/sounds/reproducible", test_reproducible);

  return g_test_run ();
}
