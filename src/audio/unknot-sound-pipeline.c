/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-sound-pipeline.h"

#include <glib/gi18n-lib.h>

#include "unknot-audio-error.h"
#include "unknot-audio-sink.h"

/* UnknotSoundPipeline is one GStreamer pipeline into the audio output,
 *
 *   SOURCE ! audioconvert ! audioresample ! volume ! SINK
 *
 * where SOURCE can be swapped while the output stays open. The cue player keeps one
 * per built-in sound, prerolled, and replays it with a flushing seek; UnknotVoice keeps
 * one more and swaps in a decoder or a speech synthesiser for each thing it says.
 *
 * What reached the output: a probe on the sink's pad takes the time of the first buffer
 * of each play in the streaming thread and posts it on the bus, and the bus watch emits
 * ::played in the main thread. Plays are numbered. The probe arms on the SEGMENT event
 * that follows a seek's flush or a new source's stream start, so a buffer still in
 * flight from an earlier play is never taken for a later one's; EOS events are numbered
 * the same way, so a late EOS of an earlier play does not end a later one. */

#define PLAYED_MESSAGE  "unknot-played"
#define PREROLL_TIMEOUT (2 * GST_SECOND)

struct _UnknotSoundPipeline
{
  GObject parent_instance;

  GstElement *pipeline;
  GstElement *source;      /* or NULL */
  GstElement *convert;     /* where the source links */
  GstElement *volume;
  GstElement *sink;
  guint bus_watch;

  GMutex lock;             /* guards the rest, which the streaming thread shares */
  guint fired;             /* number of the latest play */
  guint armed;             /* the play whose SEGMENT the sink saw last */
  guint reported;          /* the latest play reported as played */
  guint ended;             /* the play whose EOS the sink saw last */
  char *what;              /* what the latest play is */
  char *armed_what;        /* what the armed play is */
};

enum
{
  PLAYED,
  FINISHED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UnknotSoundPipeline, unknot_sound_pipeline, G_TYPE_OBJECT)

/* ---- the streaming thread's side ---------------------------------------------------- */

static void
post_played (UnknotSoundPipeline *self,
             const char          *what,
             gint64               time)
{
  GstStructure *structure = gst_structure_new (PLAYED_MESSAGE,
                                               "what", G_TYPE_STRING, what,
                                               "time", G_TYPE_INT64, time,
                                               NULL);

  gst_element_post_message (self->sink,
                            gst_message_new_element (GST_OBJECT (self->sink), structure));
}

static void
note_buffer (UnknotSoundPipeline *self)
{
  gint64 time = g_get_monotonic_time ();
  g_autofree char *what = NULL;

  g_mutex_lock (&self->lock);
  if (self->armed != self->reported)
    {
      self->reported = self->armed;
      what = g_strdup (self->armed_what);
    }
  g_mutex_unlock (&self->lock);

  if (what != NULL)
    post_played (self, what, time);
}

static void
note_event (UnknotSoundPipeline *self,
            GstEvent            *event)
{
  g_mutex_lock (&self->lock);
  if (GST_EVENT_TYPE (event) == GST_EVENT_SEGMENT && self->armed != self->fired)
    {
      self->armed = self->fired;
      g_free (self->armed_what);
      self->armed_what = g_strdup (self->what);
    }
  else if (GST_EVENT_TYPE (event) == GST_EVENT_EOS)
    {
      self->ended = self->armed;
    }
  g_mutex_unlock (&self->lock);
}

static GstPadProbeReturn
on_sink_pad_data (GstPad          *pad,
                  GstPadProbeInfo *info,
                  gpointer         user_data)
{
  UnknotSoundPipeline *self = user_data;

  if (GST_PAD_PROBE_INFO_TYPE (info) & GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM)
    note_event (self, GST_PAD_PROBE_INFO_EVENT (info));
  else
    note_buffer (self);
  return GST_PAD_PROBE_OK;
}

/* ---- the main thread's side --------------------------------------------------------- */

static gboolean
is_from_output (UnknotSoundPipeline *self,
                GstMessage          *message)
{
  GstObject *source = GST_MESSAGE_SRC (message);

  return source == GST_OBJECT (self->sink) ||
         gst_object_has_as_ancestor (source, GST_OBJECT (self->sink));
}

static void
on_played_message (UnknotSoundPipeline *self,
                   GstMessage          *message)
{
  const GstStructure *structure = gst_message_get_structure (message);
  gint64 time = 0;

  gst_structure_get_int64 (structure, "time", &time);
  g_signal_emit (self, signals[PLAYED], 0, gst_structure_get_string (structure, "what"), time);
}

static void
on_eos (UnknotSoundPipeline *self)
{
  gboolean current;

  g_mutex_lock (&self->lock);
  current = self->ended == self->fired;
  g_mutex_unlock (&self->lock);

  if (current)
    g_signal_emit (self, signals[FINISHED], 0);
}

static void
on_error (UnknotSoundPipeline *self,
          GstMessage          *message)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *debug = NULL;

  gst_message_parse_error (message, &error, &debug);
  g_debug ("%s: %s (%s)", GST_OBJECT_NAME (GST_MESSAGE_SRC (message)), error->message,
           debug != NULL ? debug : "");
  g_signal_emit (self, signals[FAILED], 0, error, is_from_output (self, message));
}

static void
log_warning (GstMessage *message)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *debug = NULL;

  /* autoaudiosink warns here when it falls back to its fakesink; unknot_audio_sink_is_fallback()
   * is what acts on that. */
  gst_message_parse_warning (message, &error, &debug);
  g_debug ("%s: %s (%s)", GST_OBJECT_NAME (GST_MESSAGE_SRC (message)), error->message,
           debug != NULL ? debug : "");
}

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  g_autoptr (UnknotSoundPipeline) self = g_object_ref (user_data);

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ELEMENT:
      if (gst_message_has_name (message, PLAYED_MESSAGE))
        on_played_message (self, message);
      break;
    case GST_MESSAGE_EOS:
      on_eos (self);
      break;
    case GST_MESSAGE_ERROR:
      on_error (self, message);
      break;
    case GST_MESSAGE_WARNING:
      log_warning (message);
      break;
    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}

/* ---- building ----------------------------------------------------------------------- */

static GstElement *
make_element (const char  *factory_name,
              GError     **error)
{
  GstElement *element = gst_element_factory_make (factory_name, NULL);

  if (element == NULL)
    g_set_error (error, UNKNOT_AUDIO_ERROR, UNKNOT_AUDIO_ERROR_MISSING_PLUGIN,
                 /* Translators: %s is the name of a GStreamer element, such as "audioconvert" */
                 _("The GStreamer element “%s” is missing; install GStreamer’s base plugins"),
                 factory_name);
  return element;
}

static gboolean
assemble (UnknotSoundPipeline  *self,
          GstElement           *sink,
          GError              **error)
{
  GstElement *resample;
  g_autoptr (GstPad) sink_pad = NULL;
  g_autoptr (GstBus) bus = NULL;

  self->pipeline = gst_object_ref_sink (gst_pipeline_new (NULL));
  self->sink = sink;
  gst_bin_add (GST_BIN (self->pipeline), sink);
  if ((self->convert = make_element ("audioconvert", error)) == NULL)
    return FALSE;
  gst_bin_add (GST_BIN (self->pipeline), self->convert);
  if ((resample = make_element ("audioresample", error)) == NULL)
    return FALSE;
  gst_bin_add (GST_BIN (self->pipeline), resample);
  if ((self->volume = make_element ("volume", error)) == NULL)
    return FALSE;
  gst_bin_add (GST_BIN (self->pipeline), self->volume);
  gst_element_link_many (self->convert, resample, self->volume, sink, NULL);

  sink_pad = gst_element_get_static_pad (sink, "sink");
  gst_pad_add_probe (sink_pad,
                     GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_BUFFER_LIST |
                     GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM,
                     on_sink_pad_data, self, NULL);

  bus = gst_element_get_bus (self->pipeline);
  self->bus_watch = gst_bus_add_watch (bus, on_bus_message, self);
  return TRUE;
}

static void
take_bus_error (UnknotSoundPipeline  *self,
                UnknotAudioError      code,
                const char           *fallback,
                GError              **error)
{
  g_autoptr (GstBus) bus = gst_element_get_bus (self->pipeline);
  g_autoptr (GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  g_autoptr (GError) bus_error = NULL;

  if (message != NULL)
    gst_message_parse_error (message, &bus_error, NULL);
  if (message != NULL && is_from_output (self, message))
    code = UNKNOT_AUDIO_ERROR_NO_OUTPUT;
  g_set_error (error, UNKNOT_AUDIO_ERROR, code, "%s",
               bus_error != NULL ? bus_error->message : fallback);
}

/* Opening the sink happens on NULL to READY, in this thread, so a sound card that cannot
 * be opened shows here and not in the middle of a routine. */
static gboolean
open_output (UnknotSoundPipeline  *self,
             GError              **error)
{
  if (gst_element_set_state (self->pipeline, GST_STATE_READY) == GST_STATE_CHANGE_FAILURE)
    {
      take_bus_error (self, UNKNOT_AUDIO_ERROR_NO_OUTPUT, _("The audio output cannot be opened"),
                      error);
      return FALSE;
    }
  if (unknot_audio_sink_is_fallback (self->sink))
    {
      g_set_error (error, UNKNOT_AUDIO_ERROR, UNKNOT_AUDIO_ERROR_NO_OUTPUT,
                   _("No audio device was found"));
      return FALSE;
    }
  return TRUE;
}

/**
 * unknot_sound_pipeline_new:
 * @sink_description: see unknot_audio_sink_new()
 *
 * Returns: (transfer full): a pipeline in READY with its output open, or %NULL with
 *   %UNKNOT_AUDIO_ERROR_NO_OUTPUT if there is no output to open
 */
UnknotSoundPipeline *
unknot_sound_pipeline_new (const char  *sink_description,
                           GError     **error)
{
  g_autoptr (UnknotSoundPipeline) self = g_object_new (UNKNOT_TYPE_SOUND_PIPELINE, NULL);
  GstElement *sink;

  g_return_val_if_fail (sink_description != NULL, NULL);

  sink = unknot_audio_sink_new (sink_description, error);
  if (sink == NULL)
    return NULL;
  if (!assemble (self, sink, error) || !open_output (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

static gboolean
is_audio_pad (GstPad *pad)
{
  g_autoptr (GstCaps) caps = gst_pad_get_current_caps (pad);

  if (caps == NULL)
    caps = gst_pad_query_caps (pad, NULL);
  return gst_caps_get_size (caps) > 0 &&
         g_str_has_prefix (gst_structure_get_name (gst_caps_get_structure (caps, 0)), "audio/");
}

/* Decoders expose their pads once they know the stream, in a streaming thread; the
 * first audio pad is linked, anything else (a video track) is left alone. */
static void
on_pad_added (GstElement *source,
              GstPad     *pad,
              gpointer    user_data)
{
  UnknotSoundPipeline *self = user_data;
  g_autoptr (GstPad) sink_pad = gst_element_get_static_pad (self->convert, "sink");

  if (!gst_pad_is_linked (sink_pad) && is_audio_pad (pad))
    gst_pad_link (pad, sink_pad);
}

/**
 * unknot_sound_pipeline_set_source:
 * @source: (transfer floating): an element with a "src" pad, or one that adds audio
 *   pads as it goes, such as uridecodebin
 *
 * Stops what plays (the pipeline goes to READY, so the output stays open) and puts
 * @source in place of the old source.
 */
void
unknot_sound_pipeline_set_source (UnknotSoundPipeline *self,
                                  GstElement          *source)
{
  g_autoptr (GstPad) pad = NULL;

  g_return_if_fail (UNKNOT_IS_SOUND_PIPELINE (self));
  g_return_if_fail (GST_IS_ELEMENT (source));

  gst_element_set_state (self->pipeline, GST_STATE_READY);
  if (self->source != NULL)
    {
      gst_element_set_state (self->source, GST_STATE_NULL);
      gst_bin_remove (GST_BIN (self->pipeline), self->source);
    }
  self->source = source;
  gst_bin_add (GST_BIN (self->pipeline), source);

  pad = gst_element_get_static_pad (source, "src");
  if (pad != NULL)
    gst_element_link (source, self->convert);
  else
    g_signal_connect_object (source, "pad-added", G_CALLBACK (on_pad_added), self, 0);
}

/* Decodes up to the first buffer, which then waits in the sink: a play starts from there
 * at once. Blocks until then, at most PREROLL_TIMEOUT. */
gboolean
unknot_sound_pipeline_preroll (UnknotSoundPipeline  *self,
                               GError              **error)
{
  GstStateChangeReturn result;

  g_return_val_if_fail (UNKNOT_IS_SOUND_PIPELINE (self), FALSE);

  result = gst_element_set_state (self->pipeline, GST_STATE_PAUSED);
  if (result == GST_STATE_CHANGE_ASYNC)
    result = gst_element_get_state (self->pipeline, NULL, NULL, PREROLL_TIMEOUT);
  if (result == GST_STATE_CHANGE_FAILURE)
    {
      take_bus_error (self, UNKNOT_AUDIO_ERROR_SOUND, _("The sound cannot be decoded"), error);
      gst_element_set_state (self->pipeline, GST_STATE_READY);
      return FALSE;
    }
  return TRUE;
}

static void
begin_play (UnknotSoundPipeline *self,
            const char          *what)
{
  g_mutex_lock (&self->lock);
  self->fired++;
  g_free (self->what);
  self->what = g_strdup (what);
  g_mutex_unlock (&self->lock);
}

/* @what: what ::played reports for this play */
void
unknot_sound_pipeline_play (UnknotSoundPipeline *self,
                            const char          *what)
{
  g_return_if_fail (UNKNOT_IS_SOUND_PIPELINE (self));

  begin_play (self, what);
  gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
}

/* Plays the source again from its start, cutting off a play still under way.
 *
 * Returns: %FALSE if it cannot, and no ::finished will come */
gboolean
unknot_sound_pipeline_replay (UnknotSoundPipeline *self,
                              const char          *what)
{
  g_return_val_if_fail (UNKNOT_IS_SOUND_PIPELINE (self), FALSE);

  begin_play (self, what);
  if (!gst_element_seek_simple (self->pipeline, GST_FORMAT_TIME, GST_SEEK_FLAG_FLUSH, 0))
    {
      g_debug ("Cannot seek to the start of %s", what);
      return FALSE;
    }
  return gst_element_set_state (self->pipeline, GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE;
}

void
unknot_sound_pipeline_pause (UnknotSoundPipeline *self)
{
  g_return_if_fail (UNKNOT_IS_SOUND_PIPELINE (self));
  gst_element_set_state (self->pipeline, GST_STATE_PAUSED);
}

void
unknot_sound_pipeline_resume (UnknotSoundPipeline *self)
{
  g_return_if_fail (UNKNOT_IS_SOUND_PIPELINE (self));
  gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
}

/* Stops what plays; the output stays open. A later ::finished is not for this play. */
void
unknot_sound_pipeline_stop (UnknotSoundPipeline *self)
{
  g_return_if_fail (UNKNOT_IS_SOUND_PIPELINE (self));

  g_mutex_lock (&self->lock);
  self->fired++;
  g_mutex_unlock (&self->lock);
  gst_element_set_state (self->pipeline, GST_STATE_READY);
}

/* Stops what plays and lets go of the output. PulseAudio's sink shares one connection to
 * the server among all the sinks of a process, and keeps it, dead or not, until the last
 * of them closes: after the server restarted, every pipeline must close before any can
 * reach the new one. A later play, preroll or unknot_sound_pipeline_reopen() opens it
 * again. */
void
unknot_sound_pipeline_close (UnknotSoundPipeline *self)
{
  g_return_if_fail (UNKNOT_IS_SOUND_PIPELINE (self));

  unknot_sound_pipeline_stop (self);
  gst_element_set_state (self->pipeline, GST_STATE_NULL);
}

/* After unknot_sound_pipeline_close(): opens the output again, as when made. */
gboolean
unknot_sound_pipeline_reopen (UnknotSoundPipeline  *self,
                              GError              **error)
{
  g_return_val_if_fail (UNKNOT_IS_SOUND_PIPELINE (self), FALSE);

  return open_output (self, error);
}

double
unknot_sound_pipeline_get_volume (UnknotSoundPipeline *self)
{
  double volume;

  g_return_val_if_fail (UNKNOT_IS_SOUND_PIPELINE (self), 0.0);

  g_object_get (self->volume, "volume", &volume, NULL);
  return volume;
}

/* Takes effect at once, also on a sound under way. */
void
unknot_sound_pipeline_set_volume (UnknotSoundPipeline *self,
                                  double               volume)
{
  g_return_if_fail (UNKNOT_IS_SOUND_PIPELINE (self));
  g_object_set (self->volume, "volume", CLAMP (volume, 0.0, 1.0), NULL);
}

/* Returns: (transfer none): the GstPipeline, for tests */
GstElement *
unknot_sound_pipeline_get_pipeline (UnknotSoundPipeline *self)
{
  g_return_val_if_fail (UNKNOT_IS_SOUND_PIPELINE (self), NULL);
  return self->pipeline;
}

/* ---- the object --------------------------------------------------------------------- */

/* NULL joins the streaming threads, so no probe runs after this. */
static void
unknot_sound_pipeline_dispose (GObject *object)
{
  UnknotSoundPipeline *self = UNKNOT_SOUND_PIPELINE (object);

  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  g_clear_handle_id (&self->bus_watch, g_source_remove);
  self->source = NULL;
  self->convert = NULL;
  self->volume = NULL;
  self->sink = NULL;
  g_clear_pointer (&self->pipeline, gst_object_unref);

  G_OBJECT_CLASS (unknot_sound_pipeline_parent_class)->dispose (object);
}

static void
unknot_sound_pipeline_finalize (GObject *object)
{
  UnknotSoundPipeline *self = UNKNOT_SOUND_PIPELINE (object);

  g_mutex_clear (&self->lock);
  g_free (self->what);
  g_free (self->armed_what);

  G_OBJECT_CLASS (unknot_sound_pipeline_parent_class)->finalize (object);
}

static void
unknot_sound_pipeline_class_init (UnknotSoundPipelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_sound_pipeline_dispose;
  object_class->finalize = unknot_sound_pipeline_finalize;

  /**
   * UnknotSoundPipeline::played:
   * @what: what the play was started with
   * @time: g_get_monotonic_time() when its first buffer reached the sink
   */
  signals[PLAYED] = g_signal_new ("played", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                  G_TYPE_STRING, G_TYPE_INT64);
  /* The latest play reached its end. */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * UnknotSoundPipeline::failed:
   * @error: what GStreamer reported
   * @in_output: whether the audio output failed, rather than the source
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                  G_TYPE_ERROR, G_TYPE_BOOLEAN);
}

static void
unknot_sound_pipeline_init (UnknotSoundPipeline *self)
{
  g_mutex_init (&self->lock);
}
