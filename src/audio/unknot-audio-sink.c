/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-audio-sink.h"

#include <glib/gi18n-lib.h>

#include "unknot-audio-error.h"

/* $UNKNOT_AUDIO_SINK when set, so tests and CI can play into "fakesink sync=true" without
 * a sound card; else autoaudiosink, which picks the desktop's sound server. */
const char *
unknot_audio_sink_get_default_description (void)
{
  const char *description = g_getenv ("UNKNOT_AUDIO_SINK");

  return description != NULL && *description != '\0' ? description : "autoaudiosink";
}

/**
 * unknot_audio_sink_new:
 * @description: such as "autoaudiosink" or "fakesink sync=true"
 *
 * Returns: (transfer floating): a bin with a "sink" pad, or %NULL with
 *   %UNKNOT_AUDIO_ERROR_NO_OUTPUT if @description does not make one
 */
GstElement *
unknot_audio_sink_new (const char  *description,
                       GError     **error)
{
  g_autoptr (GError) parse_error = NULL;
  g_autoptr (GstPad) pad = NULL;
  GstElement *bin;

  g_return_val_if_fail (description != NULL, NULL);

  bin = gst_parse_bin_from_description (description, TRUE, &parse_error);
  /* A recoverable parse error, such as an unknown property, still returns a bin; refuse
   * it too, since the description is not what it says. */
  if (parse_error != NULL)
    {
      if (bin != NULL)
        gst_object_unref (gst_object_ref_sink (bin));
      g_set_error (error, UNKNOT_AUDIO_ERROR, UNKNOT_AUDIO_ERROR_NO_OUTPUT,
                   /* Translators: the first %s is the GStreamer description of the output, such as
                    * "pulsesink", the second says what is wrong with it */
                   _("The audio output “%s” cannot be made: %s"), description,
                   parse_error->message);
      return NULL;
    }

  pad = gst_element_get_static_pad (bin, "sink");
  if (pad == NULL)
    {
      gst_object_unref (gst_object_ref_sink (bin));
      g_set_error (error, UNKNOT_AUDIO_ERROR, UNKNOT_AUDIO_ERROR_NO_OUTPUT,
                   /* Translators: %s is the GStreamer description of the output, such as
                    * "pulsesink" */
                   _("The audio output “%s” has no input for sound"), description);
      return NULL;
    }
  return bin;
}

static gboolean
is_made_by (GstElement *element,
            const char *factory_name)
{
  GstElementFactory *factory = gst_element_get_factory (element);

  return factory != NULL && g_str_equal (GST_OBJECT_NAME (factory), factory_name);
}

static gboolean
is_autoaudiosink_fallback (GstElement *element)
{
  g_autoptr (GstObject) parent = gst_object_get_parent (GST_OBJECT (element));

  return is_made_by (element, "fakesink") && GST_IS_ELEMENT (parent) &&
         is_made_by (GST_ELEMENT (parent), "autoaudiosink");
}

/**
 * unknot_audio_sink_is_fallback:
 * @sink: from unknot_audio_sink_new(), in the READY state or above
 *
 * Whether @sink holds an autoaudiosink that found no audio device. In GStreamer 1.22
 * autoaudiosink does not fail then: on NULL to READY it tries every audio sink with a
 * rank, and when none opens it posts a warning and plays into a fakesink of its own
 * ("fake-audio-sink"), so the pipeline runs, silently. Back in NULL it holds such a
 * placeholder anyway, hence READY.
 */
gboolean
unknot_audio_sink_is_fallback (GstElement *sink)
{
  g_autoptr (GstIterator) iter = NULL;
  g_auto (GValue) item = G_VALUE_INIT;
  gboolean found = FALSE;
  gboolean done = FALSE;

  g_return_val_if_fail (GST_IS_BIN (sink), FALSE);

  iter = gst_bin_iterate_recurse (GST_BIN (sink));
  while (!found && !done)
    {
      switch (gst_iterator_next (iter, &item))
        {
        case GST_ITERATOR_OK:
          found = is_autoaudiosink_fallback (g_value_get_object (&item));
          g_value_reset (&item);
          break;
        case GST_ITERATOR_RESYNC:
          gst_iterator_resync (iter);
          break;
        default:
          done = TRUE;
          break;
        }
    }
  return found;
}
