/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-sound-decoder.h"

#include <glib/gi18n-lib.h>

#include "unknot-audio-error.h"
#include "unknot-cue-mixer.h"

/* Why decode once: a cue then costs adding samples into the run's stream (see
 * unknot-cue-mixer.c), with no demuxing or decoding on the way, so a sound is ready the
 * moment it is due. Everything is decoded to the mixer's one format, 48 kHz stereo
 * 32-bit float; our five sounds come to about two megabytes. */

#define DECODE_TIMEOUT (5 * GST_SECOND)
#define DECODED_CAPS   UNKNOT_MIX_CAPS
#define SECOND_SIZE    (UNKNOT_MIX_RATE * UNKNOT_MIX_CHANNELS * sizeof (float))

typedef struct
{
  GByteArray *samples;
  GstCaps *caps;
  gsize max_size;     /* bytes, or 0 for no limit */
  gboolean too_long;
} Decoding;

/* In the streaming thread; the EOS message that the main thread waits for comes after. */
static GstPadProbeReturn
collect_samples (GstPad          *pad,
                 GstPadProbeInfo *info,
                 gpointer         user_data)
{
  Decoding *decoding = user_data;
  GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER (info);
  GstMapInfo map;

  if (decoding->caps == NULL)
    decoding->caps = gst_pad_get_current_caps (pad);
  if (decoding->max_size > 0 &&
      decoding->samples->len + gst_buffer_get_size (buffer) > decoding->max_size)
    {
      /* An error ends the decoding at once, rather than after the rest of the file. */
      decoding->too_long = TRUE;
      GST_ELEMENT_ERROR (GST_PAD_PARENT (pad), STREAM, TOO_LAZY, (NULL), (NULL));
      return GST_PAD_PROBE_DROP;
    }
  if (gst_buffer_map (buffer, &map, GST_MAP_READ))
    {
      g_byte_array_append (decoding->samples, map.data, map.size);
      gst_buffer_unmap (buffer, &map);
    }
  return GST_PAD_PROBE_OK;
}

static gboolean
run_to_end (GstElement  *pipeline,
            const char  *name,
            GError     **error)
{
  g_autoptr (GstBus) bus = gst_element_get_bus (pipeline);
  g_autoptr (GstMessage) message = NULL;
  g_autoptr (GError) bus_error = NULL;

  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, DECODE_TIMEOUT,
                                        GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  if (message != NULL && GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS)
    return TRUE;

  if (message != NULL)
    gst_message_parse_error (message, &bus_error, NULL);
  g_set_error (error, UNKNOT_AUDIO_ERROR, UNKNOT_AUDIO_ERROR_SOUND,
               /* Translators: the first %s names a sound file, the second says why, such as "it
                * takes too long" */
               _("%s cannot be decoded: %s"), name,
               bus_error != NULL ? bus_error->message
                                 /* Translators: why a sound could not be decoded, as in
                                  * "start.oga cannot be decoded: it takes too long" */
                                 : _("it takes too long"));
  return FALSE;
}

static gboolean
read_format (GstCaps  *caps,
             gint     *rate,
             gint     *channels)
{
  GstStructure *structure;

  if (caps == NULL || gst_caps_get_size (caps) == 0)
    return FALSE;
  structure = gst_caps_get_structure (caps, 0);
  return gst_structure_get_int (structure, "rate", rate) &&
         gst_structure_get_int (structure, "channels", channels);
}

/**
 * unknot_sound_decoder_decode:
 * @max_seconds: the longest sound to hold in memory, or 0 for any length
 * @rate: (out): samples per second
 * @channels: (out): interleaved channels
 *
 * Decodes all of @file, in whatever format GStreamer reads, to 32-bit float samples
 * (a second of them is 384 kB). Blocks until done: a few milliseconds for a short
 * sound, a few hundred for a minute of Ogg Vorbis.
 *
 * Returns: (transfer full): the samples, or %NULL with %UNKNOT_AUDIO_ERROR_SOUND
 */
GBytes *
unknot_sound_decoder_decode (GFile   *file,
                             guint    max_seconds,
                             gint    *rate,
                             gint    *channels,
                             GError **error)
{
  g_autoptr (GstElement) pipeline = NULL;
  g_autoptr (GstElement) source = NULL;
  g_autoptr (GstElement) sink = NULL;
  g_autoptr (GstPad) pad = NULL;
  g_autofree char *path = g_file_get_path (file);
  Decoding decoding = { g_byte_array_new (), NULL, (gsize) max_seconds * SECOND_SIZE, FALSE };
  gboolean done;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  pipeline = gst_parse_launch ("filesrc name=file ! decodebin ! audioconvert ! audioresample ! "
                               DECODED_CAPS " ! fakesink name=sink", error);
  if (pipeline == NULL)
    return NULL;
  gst_object_ref_sink (pipeline);
  source = gst_bin_get_by_name (GST_BIN (pipeline), "file");
  g_object_set (source, "location", path, NULL);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  pad = gst_element_get_static_pad (sink, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, collect_samples, &decoding, NULL);

  done = run_to_end (pipeline, path, error);
  if (decoding.too_long)
    {
      g_clear_error (error);
      g_set_error (error, UNKNOT_AUDIO_ERROR, UNKNOT_AUDIO_ERROR_SOUND,
                   /* Translators: %s is the path of a sound file, %u a number of seconds */
                   g_dngettext (GETTEXT_PACKAGE, "%s lasts longer than %u second",
                                "%s lasts longer than %u seconds", max_seconds),
                   path, max_seconds);
    }
  if (done && !read_format (decoding.caps, rate, channels))
    {
      done = FALSE;
      g_set_error (error, UNKNOT_AUDIO_ERROR, UNKNOT_AUDIO_ERROR_SOUND,
                   /* Translators: %s is the path of a sound file */
                   _("%s holds no sound"), path);
    }
  g_clear_pointer (&decoding.caps, gst_caps_unref);
  if (!done)
    {
      g_byte_array_unref (decoding.samples);
      return NULL;
    }
  return g_byte_array_free_to_bytes (decoding.samples);
}

/**
 * unknot_sound_decoder_render:
 * @source: (transfer floating): an element with a "src" pad that ends, such as espeak
 * @name: what it is, for an error message
 *
 * Runs @source to its end, as fast as it goes, into samples in %UNKNOT_MIX_CAPS.
 * Blocks until done; any thread may call it.
 *
 * Returns: (transfer full): the samples, or %NULL with %UNKNOT_AUDIO_ERROR_SOUND
 */
GBytes *
unknot_sound_decoder_render (GstElement  *source,
                             const char  *name,
                             GError     **error)
{
  g_autoptr (GstElement) pipeline = NULL;
  g_autoptr (GstElement) tail = NULL;
  g_autoptr (GstElement) sink = NULL;
  g_autoptr (GstPad) pad = NULL;
  Decoding decoding = { g_byte_array_new (), NULL, 0, FALSE };
  gboolean done;

  g_return_val_if_fail (GST_IS_ELEMENT (source), NULL);

  pipeline = gst_object_ref_sink (gst_pipeline_new (NULL));
  tail = gst_parse_bin_from_description ("audioconvert ! audioresample ! " DECODED_CAPS
                                         " ! fakesink name=sink", TRUE, error);
  if (tail == NULL)
    {
      gst_object_unref (gst_object_ref_sink (source));
      g_byte_array_unref (decoding.samples);
      return NULL;
    }
  gst_bin_add_many (GST_BIN (pipeline), source, g_object_ref (tail), NULL);
  gst_element_link (source, tail);
  sink = gst_bin_get_by_name (GST_BIN (tail), "sink");
  pad = gst_element_get_static_pad (sink, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, collect_samples, &decoding, NULL);

  done = run_to_end (pipeline, name, error);
  g_clear_pointer (&decoding.caps, gst_caps_unref);
  if (!done)
    {
      g_byte_array_unref (decoding.samples);
      return NULL;
    }
  return g_byte_array_free_to_bytes (decoding.samples);
}

/**
 * unknot_sound_decoder_new_source:
 * @samples: from unknot_sound_decoder_decode()
 *
 * A source that plays @samples from memory. It works in pull mode, so a flushing seek
 * to 0 is a seek in memory.
 *
 * Returns: (transfer floating): a bin with a "src" pad
 */
GstElement *
unknot_sound_decoder_new_source (GBytes *samples,
                                 gint    rate,
                                 gint    channels)
{
  g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (samples);
  g_autoptr (GstElement) memory = NULL;
  g_autoptr (GstElement) parser = NULL;
  g_autoptr (GstPad) parsed = NULL;
  GstElement *bin;

  g_return_val_if_fail (samples != NULL, NULL);

  bin = gst_parse_bin_from_description ("giostreamsrc name=memory ! rawaudioparse name=parser "
                                        "use-sink-caps=false format=pcm pcm-format=f32le",
                                        FALSE, NULL);
  if (bin == NULL)
    return NULL;
  memory = gst_bin_get_by_name (GST_BIN (bin), "memory");
  g_object_set (memory, "stream", stream, NULL);
  parser = gst_bin_get_by_name (GST_BIN (bin), "parser");
  g_object_set (parser, "sample-rate", rate, "num-channels", channels, NULL);
  parsed = gst_element_get_static_pad (parser, "src");
  gst_element_add_pad (bin, gst_ghost_pad_new ("src", parsed));
  return bin;
}
