/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-voice.h"

#include <glib/gi18n-lib.h>

#include "unknot-speech.h"

/* UnknotVoice says things one after another through one UnknotSoundPipeline: spoken
 * prompts and the steps' own audio files, in the order they were asked for.
 *
 * Chimes come first. While the cue player holds the voice (a chime sounds), nothing new
 * starts, and what already plays is ducked, so a prompt never talks over a chime. What
 * is asked for starts from an idle callback, after the session has emitted all the cues
 * of the instant, so a chime of the same instant comes first even when its cue comes
 * second (a <cue> and a countdown tick at the same time).
 *
 * What is said belongs to a segment. When a later segment starts, whatever is left of
 * earlier ones is dropped, unless it belongs to the same step (the steps' sides and the
 * switch between them), so skipping ahead never leaves a queue of stale prompts. */

#define DUCKED_VOLUME 0.3 /* of the voice's volume, while a chime sounds */

typedef struct
{
  GFile *file;             /* a step's audio, or NULL for speech */
  char *text;              /* what to say, for speech */
  char *what;              /* for ::played: "say:TEXT" or the file's URI */
  UnknotStep *step;        /* the step it belongs to, or NULL */
  gint64 start;            /* the start of its segment, in routine ms */
} Utterance;

struct _UnknotVoice
{
  GObject parent_instance;

  UnknotSoundPipeline *pipeline;
  char *speech_voice;      /* an espeak voice, or NULL without speech */
  GQueue queue;            /* of Utterance, not yet begun */
  Utterance *current;      /* under way, or NULL */
  gboolean held;
  gboolean paused;
  gboolean busy;
  guint advance_id;        /* the idle that starts what is asked for */
  double volume;
  GHashTable *warned;      /* URIs of files already warned about */
};

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotVoice, unknot_voice, G_TYPE_OBJECT)

static void
utterance_free (gpointer data)
{
  Utterance *utterance = data;

  g_clear_object (&utterance->file);
  g_clear_object (&utterance->step);
  g_free (utterance->text);
  g_free (utterance->what);
  g_free (utterance);
}

static Utterance *
utterance_new (UnknotSegment *segment)
{
  Utterance *utterance = g_new0 (Utterance, 1);
  UnknotStep *step = unknot_segment_get_step (segment);

  utterance->step = step != NULL ? g_object_ref (step) : NULL;
  utterance->start = unknot_segment_get_start (segment);
  return utterance;
}

/* ---- playing ------------------------------------------------------------------------ */

static void
update_busy (UnknotVoice *self)
{
  gboolean busy = self->current != NULL || !g_queue_is_empty (&self->queue);

  if (busy == self->busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
apply_volume (UnknotVoice *self)
{
  unknot_sound_pipeline_set_volume (self->pipeline,
                                    self->volume * (self->held ? DUCKED_VOLUME : 1.0));
}

static GstElement *
make_source (UnknotVoice *self,
             Utterance   *utterance)
{
  g_autofree char *uri = NULL;
  GstElement *source;

  if (utterance->file == NULL)
    return unknot_speech_new_source (utterance->text, self->speech_voice);

  /* uridecodebin plays whatever GStreamer can decode: Ogg, Opus, MP3, WAV, FLAC … */
  uri = g_file_get_uri (utterance->file);
  source = gst_element_factory_make ("uridecodebin", NULL);
  if (source != NULL)
    g_object_set (source, "uri", uri, NULL);
  return source;
}

static void
advance (UnknotVoice *self)
{
  GstElement *source;

  while (self->current == NULL && !self->held && !self->paused &&
         !g_queue_is_empty (&self->queue))
    {
      self->current = g_queue_pop_head (&self->queue);
      source = make_source (self, self->current);
      if (source == NULL)
        {
          g_clear_pointer (&self->current, utterance_free);
          continue;
        }
      unknot_sound_pipeline_set_source (self->pipeline, source);
      apply_volume (self);
      unknot_sound_pipeline_play (self->pipeline, self->current->what);
    }
  update_busy (self);
}

static gboolean
on_advance (gpointer user_data)
{
  UnknotVoice *self = user_data;

  self->advance_id = 0;
  advance (self);
  return G_SOURCE_REMOVE;
}

static void
queue (UnknotVoice *self,
       Utterance   *utterance)
{
  g_queue_push_tail (&self->queue, utterance);
  if (self->advance_id == 0)
    self->advance_id = g_idle_add (on_advance, self);
  update_busy (self);
}

static void
end_current (UnknotVoice *self)
{
  g_clear_pointer (&self->current, utterance_free);
  advance (self);
}

static void
on_finished (UnknotSoundPipeline *pipeline,
             UnknotVoice         *self)
{
  unknot_sound_pipeline_stop (self->pipeline);
  end_current (self);
}

/* A warning once per file: a step that loops in a routine does not repeat it. */
static void
warn_once (UnknotVoice  *self,
           Utterance    *utterance,
           const GError *error)
{
  g_autofree char *name = NULL;

  if (!g_hash_table_add (self->warned, g_strdup (utterance->what)))
    return;
  name = g_file_get_parse_name (utterance->file);
  /* Translators: the first %s is the path of a step's audio file, the second says why */
  g_warning (_("Cannot play the audio file %s, the step goes on without it: %s"), name,
             error->message);
}

/* A file that is missing or cannot be decoded is skipped; output failures are for the
 * cue player, which watches every pipeline's output. */
static void
on_failed (UnknotSoundPipeline *pipeline,
           const GError        *error,
           gboolean             in_output,
           UnknotVoice         *self)
{
  if (in_output || self->current == NULL)
    return;
  if (self->current->file != NULL)
    warn_once (self, self->current, error);
  else
    g_message ("Cannot speak “%s”: %s", self->current->text, error->message);
  unknot_sound_pipeline_stop (self->pipeline);
  end_current (self);
}

/* ---- asking ------------------------------------------------------------------------- */

/* Does nothing without speech (see unknot_speech_is_available()). */
void
unknot_voice_say (UnknotVoice   *self,
                  const char    *text,
                  UnknotSegment *segment)
{
  Utterance *utterance;

  g_return_if_fail (UNKNOT_IS_VOICE (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (UNKNOT_IS_SEGMENT (segment));

  if (self->speech_voice == NULL)
    return;
  utterance = utterance_new (segment);
  utterance->text = g_strdup (text);
  utterance->what = g_strconcat ("say:", text, NULL);
  queue (self, utterance);
}

void
unknot_voice_play_file (UnknotVoice   *self,
                        GFile         *file,
                        UnknotSegment *segment)
{
  Utterance *utterance;

  g_return_if_fail (UNKNOT_IS_VOICE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (UNKNOT_IS_SEGMENT (segment));

  utterance = utterance_new (segment);
  utterance->file = g_object_ref (file);
  utterance->what = g_file_get_uri (file);
  queue (self, utterance);
}

static gboolean
is_stale (Utterance     *utterance,
          UnknotSegment *segment)
{
  UnknotStep *step = unknot_segment_get_step (segment);

  return utterance->start < unknot_segment_get_start (segment) &&
         (step == NULL || utterance->step != step);
}

/* Drops what belongs to segments before @segment, but not to its own step. */
void
unknot_voice_forget_until (UnknotVoice   *self,
                           UnknotSegment *segment)
{
  GList *link;

  g_return_if_fail (UNKNOT_IS_VOICE (self));
  g_return_if_fail (UNKNOT_IS_SEGMENT (segment));

  link = self->queue.head;
  while (link != NULL)
    {
      GList *next = link->next;

      if (is_stale (link->data, segment))
        {
          utterance_free (link->data);
          g_queue_delete_link (&self->queue, link);
        }
      link = next;
    }
  if (self->current != NULL && is_stale (self->current, segment))
    {
      unknot_sound_pipeline_stop (self->pipeline);
      end_current (self);
    }
  update_busy (self);
}

void
unknot_voice_clear (UnknotVoice *self)
{
  g_return_if_fail (UNKNOT_IS_VOICE (self));

  g_queue_clear_full (&self->queue, utterance_free);
  if (self->current != NULL)
    {
      unknot_sound_pipeline_stop (self->pipeline);
      g_clear_pointer (&self->current, utterance_free);
    }
  update_busy (self);
}

/* While held, nothing new starts and what plays is ducked. */
void
unknot_voice_set_held (UnknotVoice *self,
                       gboolean     held)
{
  g_return_if_fail (UNKNOT_IS_VOICE (self));

  if (self->held == !!held)
    return;
  self->held = !!held;
  apply_volume (self);
  advance (self);
}

void
unknot_voice_set_paused (UnknotVoice *self,
                         gboolean     paused)
{
  g_return_if_fail (UNKNOT_IS_VOICE (self));

  if (self->paused == !!paused)
    return;
  self->paused = !!paused;
  if (self->current != NULL && paused)
    unknot_sound_pipeline_pause (self->pipeline);
  else if (self->current != NULL)
    unknot_sound_pipeline_resume (self->pipeline);
  advance (self);
}

void
unknot_voice_set_volume (UnknotVoice *self,
                         double       volume)
{
  g_return_if_fail (UNKNOT_IS_VOICE (self));

  self->volume = CLAMP (volume, 0.0, 1.0);
  apply_volume (self);
}

/* Whether something plays or waits to. */
gboolean
unknot_voice_get_busy (UnknotVoice *self)
{
  g_return_val_if_fail (UNKNOT_IS_VOICE (self), FALSE);
  return self->busy;
}

/* Returns: (transfer none) */
UnknotSoundPipeline *
unknot_voice_get_pipeline (UnknotVoice *self)
{
  g_return_val_if_fail (UNKNOT_IS_VOICE (self), NULL);
  return self->pipeline;
}

/* ---- the object --------------------------------------------------------------------- */

/**
 * unknot_voice_new:
 * @sink_description: see unknot_audio_sink_new()
 * @speech_voice: (nullable): the espeak voice, or %NULL to say nothing and only play
 *   files
 *
 * Returns: (transfer full): a voice, or %NULL with %UNKNOT_AUDIO_ERROR_NO_OUTPUT
 */
UnknotVoice *
unknot_voice_new (const char  *sink_description,
                  const char  *speech_voice,
                  GError     **error)
{
  g_autoptr (UnknotSoundPipeline) pipeline = unknot_sound_pipeline_new (sink_description, error);
  UnknotVoice *self;

  if (pipeline == NULL)
    return NULL;

  self = g_object_new (UNKNOT_TYPE_VOICE, NULL);
  self->pipeline = g_steal_pointer (&pipeline);
  self->speech_voice = g_strdup (speech_voice);
  g_signal_connect_object (self->pipeline, "finished", G_CALLBACK (on_finished), self, 0);
  g_signal_connect_object (self->pipeline, "failed", G_CALLBACK (on_failed), self, 0);
  apply_volume (self);
  return self;
}

static void
unknot_voice_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  UnknotVoice *self = UNKNOT_VOICE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_voice_dispose (GObject *object)
{
  UnknotVoice *self = UNKNOT_VOICE (object);

  g_clear_handle_id (&self->advance_id, g_source_remove);
  g_queue_clear_full (&self->queue, utterance_free);
  g_clear_pointer (&self->current, utterance_free);
  g_clear_object (&self->pipeline);

  G_OBJECT_CLASS (unknot_voice_parent_class)->dispose (object);
}

static void
unknot_voice_finalize (GObject *object)
{
  UnknotVoice *self = UNKNOT_VOICE (object);

  g_free (self->speech_voice);
  g_hash_table_unref (self->warned);

  G_OBJECT_CLASS (unknot_voice_parent_class)->finalize (object);
}

static void
unknot_voice_class_init (UnknotVoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = unknot_voice_get_property;
  object_class->dispose = unknot_voice_dispose;
  object_class->finalize = unknot_voice_finalize;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_voice_init (UnknotVoice *self)
{
  g_queue_init (&self->queue);
  self->volume = 1.0;
  self->warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
