/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-cue-mixer.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gst/app/gstappsrc.h>

#include "unknot-audio-error.h"
#include "unknot-sound-pipeline.h"

/* UnknotCueMixer is the run's one output stream: an appsrc that never stops producing,
 * silence where nothing sounds, into one UnknotSoundPipeline.
 *
 *   appsrc (F32, 48 kHz, stereo, made here) ! audioconvert ! audioresample ! volume ! SINK
 *
 * Why. A sound server opens, corks and starts a stream at its own pace; a stream per
 * cue arrives tens of milliseconds late, differently each time, and a prerolled stream
 * that waits corked is written as far ahead as it waited (or lost, past its buffer).
 * One stream that runs from the start to the end of a run has none of that: a sound is
 * a range of samples added into it, and where it starts is exact to the sample.
 *
 * Time. The pipeline runs on GStreamer's system clock, which is CLOCK_MONOTONIC like
 * g_get_monotonic_time() and the session's clock, and the sink slaves the device to
 * it. Frame F of the stream leaves the sink at base time + F / rate + the latency the
 * pipeline reports, so a sound due at monotonic time T goes to the frame that maps to
 * T. The stream is generated in chunks a little ahead of the device (the sink's buffer,
 * about 200 ms with PulseAudio); a sound placed for a frame already generated starts at
 * the first one not yet generated, as soon as it can. Whoever places sounds must do so
 * more than the sink's buffer ahead to have them exact; UnknotCuePlayer plans a second
 * ahead.
 *
 * Threads. The mixing runs in the appsrc's streaming thread, on need-data; placing and
 * cancelling come from the main thread; the list of placed sounds is shared under a
 * lock. ::played is emitted in the main thread, via the bus, when a sound's first
 * frame has been mixed, with the monotonic time at which that frame is due to be heard. */

/* 40 ms: each chunk wakes the streaming thread and the sink once, so 10 ms chunks woke
 * the app a hundred times a second for silence. A sound placed late (the skip chime)
 * waits for the queued chunk and the sink's buffer, about 200 ms with PulseAudio, so
 * 20 ms more of queue is little beside it; planned sounds are placed long before. */
#define CHUNK_FRAMES   1920
#define FRAME_BYTES    (UNKNOT_MIX_CHANNELS * sizeof (float))
#define DUCKED         0.3                     /* the voice's gain while a chime sounds */
#define MIX_WHAT       "unknot-mix"            /* the stream's own ::played, not a sound's */
#define START_TIMEOUT  (3 * GST_SECOND)

typedef struct
{
  guint id;
  GBytes *samples;
  guint64 start;       /* frame */
  guint64 end;         /* frame after its last */
  UnknotMixTrack track;
  char *what;
  gboolean reported;
} Placed;

struct _UnknotCueMixer
{
  GObject parent_instance;

  UnknotSoundPipeline *output;
  GstElement *source;      /* the appsrc, owned by the pipeline */
  gboolean running;
  GstClockTime base_time;
  GstClockTime latency;

  GMutex lock;             /* guards the rest, which the streaming thread shares */
  GPtrArray *placed;       /* of Placed */
  guint64 generated;       /* frames pushed so far */
  guint last_id;
};

enum
{
  PLAYED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UnknotCueMixer, unknot_cue_mixer, G_TYPE_OBJECT)

static void
placed_free (gpointer data)
{
  Placed *placed = data;

  g_bytes_unref (placed->samples);
  g_free (placed->what);
  g_free (placed);
}

/* ---- time --------------------------------------------------------------------------- */

static GstClockTime
frame_to_running (guint64 frame)
{
  return gst_util_uint64_scale (frame, GST_SECOND, UNKNOT_MIX_RATE);
}

/* Monotonic µs at which @frame is due to leave the sink. */
static gint64
frame_to_clock (UnknotCueMixer *self,
                guint64         frame)
{
  return (gint64) ((self->base_time + frame_to_running (frame) + self->latency) / GST_USECOND);
}

/* The frame due at monotonic µs @clock, or 0 for an instant before the stream. */
static guint64
clock_to_frame (UnknotCueMixer *self,
                gint64          clock)
{
  GstClockTime at = (GstClockTime) MAX (clock, 0) * GST_USECOND;
  GstClockTime zero = self->base_time + self->latency;

  if (at <= zero)
    return 0;
  return gst_util_uint64_scale_round (at - zero, UNKNOT_MIX_RATE, GST_SECOND);
}

/* ---- mixing, in the streaming thread ------------------------------------------------ */

static void
add_placed (Placed  *placed,
            float   *out,
            guint64  from,
            guint64  to,
            double   gain,
            gboolean ducked,
            gboolean *chimed)
{
  gsize size;
  const float *samples = g_bytes_get_data (placed->samples, &size);
  guint64 first = MAX (from, placed->start);
  guint64 last = MIN (to, placed->end);

  for (guint64 frame = first; frame < last; frame++)
    {
      guint index = (guint) (frame - from);
      const float *in = samples + (frame - placed->start) * UNKNOT_MIX_CHANNELS;
      double frame_gain = ducked && chimed[index] ? gain * DUCKED : gain;

      if (!ducked)
        chimed[index] = TRUE;
      for (guint channel = 0; channel < UNKNOT_MIX_CHANNELS; channel++)
        out[index * UNKNOT_MIX_CHANNELS + channel] += (float) (in[channel] * frame_gain);
    }
}

typedef struct
{
  char *what;
  gint64 time;
} Started;

/* Mixes the frames [from, to) into @out: chimes first, so the voice knows where to
 * duck. Returns what started in them, and drops what has ended. */
static GSList *
mix_locked (UnknotCueMixer *self,
            float          *out,
            guint64         from,
            guint64         to)
{
  gboolean chimed[CHUNK_FRAMES] = { FALSE };
  GSList *started = NULL;

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->placed->len; i++)
      {
        Placed *placed = g_ptr_array_index (self->placed, i);
        gboolean voice = placed->track == UNKNOT_MIX_TRACK_VOICE;

        if (voice != (pass == 1) || placed->start >= to || placed->end <= from)
          continue;
        add_placed (placed, out, from, to, 1.0, voice, chimed);
        if (!placed->reported)
          {
            Started *start = g_new (Started, 1);

            start->what = g_strdup (placed->what);
            start->time = frame_to_clock (self, placed->start);
            started = g_slist_append (started, start);
            placed->reported = TRUE;
          }
      }
  for (guint i = self->placed->len; i > 0; i--)
    if (((Placed *) g_ptr_array_index (self->placed, i - 1))->end <= to)
      g_ptr_array_remove_index (self->placed, i - 1);
  return started;
}

/* The bus carries it to the main thread, where UnknotSoundPipeline emits ::played. */
static void
post_started (UnknotCueMixer *self,
              Started        *started)
{
  GstStructure *structure = gst_structure_new ("unknot-played",
                                               "what", G_TYPE_STRING, started->what,
                                               "time", G_TYPE_INT64, started->time,
                                               NULL);

  gst_element_post_message (self->source,
                            gst_message_new_element (GST_OBJECT (self->source), structure));
  g_free (started->what);
  g_free (started);
}

static GstBuffer *
make_chunk (UnknotCueMixer *self,
            GSList        **started)
{
  GstBuffer *buffer = gst_buffer_new_allocate (NULL, CHUNK_FRAMES * FRAME_BYTES, NULL);
  GstMapInfo map;
  guint64 from;

  gst_buffer_map (buffer, &map, GST_MAP_WRITE);
  memset (map.data, 0, map.size);
  g_mutex_lock (&self->lock);
  from = self->generated;
  *started = mix_locked (self, (float *) map.data, from, from + CHUNK_FRAMES);
  self->generated = from + CHUNK_FRAMES;
  g_mutex_unlock (&self->lock);
  gst_buffer_unmap (buffer, &map);

  GST_BUFFER_PTS (buffer) = frame_to_running (from);
  GST_BUFFER_DURATION (buffer) = frame_to_running (from + CHUNK_FRAMES) - GST_BUFFER_PTS (buffer);
  GST_BUFFER_OFFSET (buffer) = from;
  GST_BUFFER_OFFSET_END (buffer) = from + CHUNK_FRAMES;
  return buffer;
}

static void
on_need_data (GstAppSrc *source,
              guint      length,
              gpointer   user_data)
{
  UnknotCueMixer *self = user_data;
  GSList *started = NULL;

  gst_app_src_push_buffer (source, make_chunk (self, &started));
  for (GSList *link = started; link != NULL; link = link->next)
    post_started (self, link->data);
  g_slist_free (started);
}

/* ---- the main thread's side --------------------------------------------------------- */

static void
on_played (UnknotSoundPipeline *output,
           const char          *what,
           gint64               time,
           UnknotCueMixer      *self)
{
  if (g_strcmp0 (what, MIX_WHAT) != 0)
    g_signal_emit (self, signals[PLAYED], 0, what, time);
}

static GstElement *
make_source (UnknotCueMixer *self)
{
  GstElement *source = gst_element_factory_make ("appsrc", NULL);
  g_autoptr (GstCaps) caps = gst_caps_from_string (UNKNOT_MIX_CAPS);
  /* Called straight from the streaming thread: a signal would cost more than the mixing,
   * 25 times a second. */
  GstAppSrcCallbacks callbacks = { .need_data = on_need_data };

  if (source == NULL)
    return NULL;
  /* One chunk queued at most: the stream is made just before the sink takes it, so a
   * sound placed late is still mixed in soon. */
  g_object_set (source, "caps", caps, "format", GST_FORMAT_TIME, "is-live", FALSE,
                "max-bytes", (guint64) (CHUNK_FRAMES * FRAME_BYTES), "block", FALSE,
                "emit-signals", FALSE, NULL);
  gst_app_src_set_callbacks (GST_APP_SRC (source), &callbacks, self, NULL);
  return source;
}

/**
 * unknot_cue_mixer_new:
 * @sink_description: see unknot_audio_sink_new()
 *
 * Returns: (transfer full): a mixer with its output open but no stream yet, or %NULL
 *   with an %UNKNOT_AUDIO_ERROR
 */
UnknotCueMixer *
unknot_cue_mixer_new (const char  *sink_description,
                      GError     **error)
{
  g_autoptr (UnknotCueMixer) self = g_object_new (UNKNOT_TYPE_CUE_MIXER, NULL);
  g_autoptr (GstClock) clock = gst_system_clock_obtain ();
  GstElement *pipeline;

  self->output = unknot_sound_pipeline_new (sink_description, error);
  if (self->output == NULL)
    return NULL;
  self->source = make_source (self);
  if (self->source == NULL)
    {
      g_set_error (error, UNKNOT_AUDIO_ERROR, UNKNOT_AUDIO_ERROR_MISSING_PLUGIN,
                   /* Translators: %s is the name of a GStreamer element, such as "audioconvert" */
                   _("The GStreamer element “%s” is missing; install GStreamer’s base plugins"),
                   "appsrc");
      return NULL;
    }
  unknot_sound_pipeline_set_source (self->output, self->source);
  pipeline = unknot_sound_pipeline_get_pipeline (self->output);
  /* The system clock is monotonic by default: the same time as the session's. */
  gst_pipeline_use_clock (GST_PIPELINE (pipeline), clock);
  g_signal_connect_object (self->output, "played", G_CALLBACK (on_played), self, 0);
  return g_steal_pointer (&self);
}

static GstClockTime
query_latency (GstElement *pipeline)
{
  g_autoptr (GstQuery) query = gst_query_new_latency ();
  GstClockTime min_latency = 0;

  if (gst_element_query (pipeline, query))
    gst_query_parse_latency (query, NULL, &min_latency, NULL);
  return GST_CLOCK_TIME_IS_VALID (min_latency) ? min_latency : 0;
}

/**
 * unknot_cue_mixer_start:
 *
 * Opens the stream and starts it, silent; blocks until it runs, a few milliseconds.
 * From now on sounds can be placed.
 */
gboolean
unknot_cue_mixer_start (UnknotCueMixer  *self,
                        GError         **error)
{
  GstElement *pipeline;

  g_return_val_if_fail (UNKNOT_IS_CUE_MIXER (self), FALSE);

  if (self->running)
    return TRUE;
  pipeline = unknot_sound_pipeline_get_pipeline (self->output);
  g_mutex_lock (&self->lock);
  self->generated = 0;
  g_ptr_array_set_size (self->placed, 0);
  g_mutex_unlock (&self->lock);
  if (!unknot_sound_pipeline_preroll (self->output, error))
    return FALSE;
  unknot_sound_pipeline_play (self->output, MIX_WHAT);
  if (gst_element_get_state (pipeline, NULL, NULL, START_TIMEOUT) == GST_STATE_CHANGE_FAILURE)
    {
      g_set_error (error, UNKNOT_AUDIO_ERROR, UNKNOT_AUDIO_ERROR_NO_OUTPUT,
                   _("The audio output cannot be opened"));
      return FALSE;
    }
  self->base_time = gst_element_get_base_time (pipeline);
  self->latency = query_latency (pipeline);
  self->running = TRUE;
  return TRUE;
}

/* Closes the stream; what was placed is dropped. */
void
unknot_cue_mixer_stop (UnknotCueMixer *self)
{
  g_return_if_fail (UNKNOT_IS_CUE_MIXER (self));

  self->running = FALSE;
  unknot_sound_pipeline_stop (self->output);
  g_mutex_lock (&self->lock);
  g_ptr_array_set_size (self->placed, 0);
  g_mutex_unlock (&self->lock);
}

gboolean
unknot_cue_mixer_is_running (UnknotCueMixer *self)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_MIXER (self), FALSE);
  return self->running;
}

/**
 * unknot_cue_mixer_place:
 * @samples: in %UNKNOT_MIX_CAPS; kept until the sound has been mixed
 * @at: monotonic µs at which it is to be heard; if that is too soon, it is heard as
 *   soon as can be
 * @what: what ::played reports for it
 * @start: (out) (optional): monotonic µs at which it will be heard
 * @end: (out) (optional): monotonic µs at which it will end
 *
 * Returns: an id for unknot_cue_mixer_cancel(), or 0 when the stream does not run
 */
guint
unknot_cue_mixer_place (UnknotCueMixer *self,
                        GBytes         *samples,
                        gint64          at,
                        UnknotMixTrack  track,
                        const char     *what,
                        gint64         *start,
                        gint64         *end)
{
  Placed *placed;

  g_return_val_if_fail (UNKNOT_IS_CUE_MIXER (self), 0);
  g_return_val_if_fail (samples != NULL, 0);

  if (!self->running)
    return 0;
  placed = g_new0 (Placed, 1);
  placed->samples = g_bytes_ref (samples);
  placed->track = track;
  placed->what = g_strdup (what);
  g_mutex_lock (&self->lock);
  placed->id = ++self->last_id;
  placed->start = MAX (clock_to_frame (self, at), self->generated);
  placed->end = placed->start + g_bytes_get_size (samples) / FRAME_BYTES;
  g_ptr_array_add (self->placed, placed);
  g_mutex_unlock (&self->lock);
  if (start != NULL)
    *start = frame_to_clock (self, placed->start);
  if (end != NULL)
    *end = frame_to_clock (self, placed->end);
  return placed->id;
}

/* Under the lock: the placed sound @id, out of the list, or NULL if it is not there. */
static Placed *
steal_locked (UnknotCueMixer *self,
              guint           id)
{
  for (guint i = 0; i < self->placed->len; i++)
    if (((Placed *) g_ptr_array_index (self->placed, i))->id == id)
      return g_ptr_array_steal_index (self->placed, i);
  return NULL;
}

/* Takes a placed sound out of the stream, or what is left of it if it has begun.
 * Returns: whether it had begun, so that part of it is heard */
gboolean
unknot_cue_mixer_cancel (UnknotCueMixer *self,
                         guint           id)
{
  Placed *placed;
  gboolean begun = FALSE;

  g_return_val_if_fail (UNKNOT_IS_CUE_MIXER (self), FALSE);

  g_mutex_lock (&self->lock);
  placed = steal_locked (self, id);
  if (placed != NULL)
    begun = placed->start < self->generated;
  g_mutex_unlock (&self->lock);
  g_clear_pointer (&placed, placed_free);
  return begun;
}

/**
 * unknot_cue_mixer_take_back:
 *
 * Takes a placed sound out of the stream as unknot_cue_mixer_cancel() does, and says
 * how much of it was mixed already: that part is still heard, from the sink's buffer,
 * so a sound paused here goes on from there.
 *
 * Returns: the bytes of its samples mixed, or -1 if it is not placed (any more)
 */
gssize
unknot_cue_mixer_take_back (UnknotCueMixer *self,
                            guint           id)
{
  Placed *placed;
  gssize mixed = -1;

  g_return_val_if_fail (UNKNOT_IS_CUE_MIXER (self), -1);

  g_mutex_lock (&self->lock);
  placed = steal_locked (self, id);
  if (placed != NULL)
    mixed = (gssize) ((CLAMP (self->generated, placed->start, placed->end) - placed->start) *
                      FRAME_BYTES);
  g_mutex_unlock (&self->lock);
  g_clear_pointer (&placed, placed_free);
  return mixed;
}

/* The monotonic µs of the first frame not yet mixed: a sound placed for an earlier
 * instant is heard late. */
gint64
unknot_cue_mixer_get_earliest (UnknotCueMixer *self)
{
  guint64 generated;

  g_return_val_if_fail (UNKNOT_IS_CUE_MIXER (self), 0);

  g_mutex_lock (&self->lock);
  generated = self->generated;
  g_mutex_unlock (&self->lock);
  return frame_to_clock (self, generated);
}

/* The monotonic µs at which the running stream started. */
gint64
unknot_cue_mixer_get_started (UnknotCueMixer *self)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_MIXER (self), 0);
  return (gint64) (self->base_time / GST_USECOND);
}

/**
 * unknot_cue_mixer_is_stalled:
 * @tolerance: µs
 *
 * Whether the sink has stopped taking the stream: the frame due now is more than
 * @tolerance past the last one mixed. A sound server whose output went away may keep
 * the stream and just stop reading it, with no error (PipeWire does); a stream that
 * flows is always a sink's buffer ahead of the clock.
 */
gboolean
unknot_cue_mixer_is_stalled (UnknotCueMixer *self,
                             gint64          tolerance)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_MIXER (self), FALSE);
  return self->running &&
         g_get_monotonic_time () - unknot_cue_mixer_get_earliest (self) > tolerance;
}

/* Takes effect within the sink's buffer, also on a sound under way. */
void
unknot_cue_mixer_set_volume (UnknotCueMixer *self,
                             double          volume)
{
  g_return_if_fail (UNKNOT_IS_CUE_MIXER (self));
  unknot_sound_pipeline_set_volume (self->output, volume);
}

/* Returns: (transfer none): the GstPipeline, for tests */
GstElement *
unknot_cue_mixer_get_pipeline (UnknotCueMixer *self)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_MIXER (self), NULL);
  return unknot_sound_pipeline_get_pipeline (self->output);
}

/* Returns: (transfer none): the stream's pipeline, whose ::failed tells of the output */
UnknotSoundPipeline *
unknot_cue_mixer_get_output (UnknotCueMixer *self)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_MIXER (self), NULL);
  return self->output;
}

/* ---- the object --------------------------------------------------------------------- */

static void
unknot_cue_mixer_dispose (GObject *object)
{
  UnknotCueMixer *self = UNKNOT_CUE_MIXER (object);

  /* The output's dispose joins the streaming thread, so no mixing runs after this. */
  g_clear_object (&self->output);
  self->source = NULL;

  G_OBJECT_CLASS (unknot_cue_mixer_parent_class)->dispose (object);
}

static void
unknot_cue_mixer_finalize (GObject *object)
{
  UnknotCueMixer *self = UNKNOT_CUE_MIXER (object);

  g_ptr_array_unref (self->placed);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (unknot_cue_mixer_parent_class)->finalize (object);
}

static void
unknot_cue_mixer_class_init (UnknotCueMixerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_cue_mixer_dispose;
  object_class->finalize = unknot_cue_mixer_finalize;

  /**
   * UnknotCueMixer::played:
   * @what: what the sound was placed with
   * @time: the monotonic µs at which its first frame is due to be heard
   *
   * A placed sound's first frame was mixed into the stream.
   */
  signals[PLAYED] = g_signal_new ("played", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                  G_TYPE_STRING, G_TYPE_INT64);
}

static void
unknot_cue_mixer_init (UnknotCueMixer *self)
{
  g_mutex_init (&self->lock);
  self->placed = g_ptr_array_new_with_free_func (placed_free);
}
