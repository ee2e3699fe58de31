/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-cue-player-private.h"

#include <glib/gi18n-lib.h>

#include "unknot-audio-error.h"
#include "unknot-audio-sink.h"
#include "unknot-cue-sound.h"
#include "unknot-sound-decoder.h"
#include "unknot-sound-pipeline.h"
#include "unknot-speech.h"
#include "unknot-spoken-prompt.h"
#include "unknot-voice.h"

/* UnknotCuePlayer turns a session's cues into sound.
 *
 * Pipelines. One per built-in sound, decoded once into memory and prerolled when a
 * session is set, so a cue only costs a flushing seek to 0 (in memory) and PLAYING; and
 * one UnknotVoice for spoken prompts and the steps' own audio files. They are built for
 * the first session and again when the sink changes, and torn down when there is no
 * audio output: the session then runs on with visual cues only, and ::audio-unavailable
 * tells the UI, once.
 *
 * What each cue sounds like. One chime per instant: where two cues meet, the chime of
 * the one that says what comes next is heard. Speech waits for the chimes to end.
 *
 *   cue                            chime                spoken, if prompts are on
 *   segment start: prepare         none                 "Get ready"
 *   segment start: step (a side)   start (1)            "Left side. TITLE, 45 seconds"
 *   segment start: switch gap      none                 none: switch sides said it
 *   segment start: rest            none                 "Rest, 10 seconds"
 *   countdown 3, 2, 1              countdown-tick (2)   none
 *   switch sides                   switch-sides         "Switch sides"
 *   <cue> of a step                start, if unspoken   the cue's text
 *   step end                       step-end (3)         none
 *   routine complete               routine-complete     "Routine complete"
 *
 *   (1) not for a right side right after its left side, with no gap: switch-sides has
 *       just played. A step's own <audio> plays after the prompt, on its first side
 *       only, with or without prompts.
 *   (2) only with countdown-ticks.
 *   (3) only when a rest follows: a step starting at the same instant has its start
 *       chime, and the end of the routine its own. */

struct _UnknotCuePlayer
{
  GObject parent_instance;

  UnknotSession *session;
  double volume;
  gboolean spoken_prompts;
  gboolean countdown_ticks;
  char *sink;
  gboolean audio_available;
  gboolean speech_available;
  gboolean playing;

  gboolean built;          /* the pipelines were built for this sink, or found no output */
  UnknotSoundPipeline *chimes[UNKNOT_N_CUE_SOUNDS]; /* NULL where a sound did not load */
  guint sounding;          /* 1 << sound, from firing to its end */
  UnknotVoice *voice;      /* NULL without output */
};

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_VOLUME,
  PROP_SPOKEN_PROMPTS,
  PROP_COUNTDOWN_TICKS,
  PROP_SINK,
  PROP_AUDIO_AVAILABLE,
  PROP_SPEECH_AVAILABLE,
  PROP_PLAYING,
  N_PROPS
};

enum
{
  PLAYED,
  AUDIO_UNAVAILABLE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UnknotCuePlayer, unknot_cue_player, G_TYPE_OBJECT)

/* ---- state -------------------------------------------------------------------------- */

static void
update_playing (UnknotCuePlayer *self)
{
  gboolean playing = self->sounding != 0 ||
                     (self->voice != NULL && unknot_voice_get_busy (self->voice));

  if (playing == self->playing)
    return;
  self->playing = playing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

static void
update_speech_available (UnknotCuePlayer *self)
{
  gboolean available = unknot_speech_is_available ();

  if (available == self->speech_available)
    return;
  self->speech_available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEECH_AVAILABLE]);
}

static void
tear_down (UnknotCuePlayer *self)
{
  for (guint sound = 0; sound < UNKNOT_N_CUE_SOUNDS; sound++)
    g_clear_object (&self->chimes[sound]);
  if (self->voice != NULL)
    g_signal_handlers_disconnect_by_data (self->voice, self);
  g_clear_object (&self->voice);
  self->sounding = 0;
  update_playing (self);
}

/* Once per sink: every pipeline would find the same. */
static void
mark_unavailable (UnknotCuePlayer *self,
                  const GError    *error)
{
  tear_down (self);
  if (!self->audio_available)
    return;

  g_message ("No audio output, cues are visual only: %s", error->message);
  self->audio_available = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIO_AVAILABLE]);
  g_signal_emit (self, signals[AUDIO_UNAVAILABLE], 0, error);
}

/* ---- the pipelines' signals --------------------------------------------------------- */

static void
on_played (UnknotSoundPipeline *pipeline,
           const char          *what,
           gint64               time,
           UnknotCuePlayer     *self)
{
  g_signal_emit (self, signals[PLAYED], 0, what, time);
}

static void
chime_ended (UnknotCuePlayer     *self,
             UnknotSoundPipeline *chime)
{
  for (guint sound = 0; sound < UNKNOT_N_CUE_SOUNDS; sound++)
    if (self->chimes[sound] == chime)
      self->sounding &= ~(1u << sound);
  if (self->sounding == 0 && self->voice != NULL)
    unknot_voice_set_held (self->voice, FALSE);
  update_playing (self);
}

/* PAUSED, not PLAYING at its end, so a sound server can let the device rest. */
static void
on_chime_finished (UnknotSoundPipeline *chime,
                   UnknotCuePlayer     *self)
{
  unknot_sound_pipeline_pause (chime);
  chime_ended (self, chime);
}

static void
on_failed (UnknotSoundPipeline *pipeline,
           const GError        *error,
           gboolean             in_output,
           UnknotCuePlayer     *self)
{
  if (in_output)
    mark_unavailable (self, error);
  else if (self->voice == NULL || pipeline != unknot_voice_get_pipeline (self->voice))
    chime_ended (self, pipeline);
}

static void
on_voice_busy (UnknotVoice     *voice,
               GParamSpec      *pspec,
               UnknotCuePlayer *self)
{
  update_playing (self);
}

static void
watch_pipeline (UnknotCuePlayer     *self,
                UnknotSoundPipeline *pipeline)
{
  g_signal_connect_object (pipeline, "played", G_CALLBACK (on_played), self, 0);
  g_signal_connect_object (pipeline, "failed", G_CALLBACK (on_failed), self, 0);
}

/* ---- building ----------------------------------------------------------------------- */

static UnknotSoundPipeline *
build_chime (UnknotCuePlayer  *self,
             UnknotCueSound    sound,
             GError          **error)
{
  g_autoptr (UnknotSoundPipeline) chime = unknot_sound_pipeline_new (self->sink, error);
  g_autoptr (GFile) file = unknot_cue_sound_get_file (sound);
  g_autoptr (GBytes) samples = NULL;
  GstElement *source;
  gint rate;
  gint channels;

  if (chime == NULL)
    return NULL;
  samples = unknot_sound_decoder_decode (file, &rate, &channels, error);
  if (samples == NULL)
    return NULL;
  source = unknot_sound_decoder_new_source (samples, rate, channels);
  if (source == NULL)
    {
      g_set_error (error, UNKNOT_AUDIO_ERROR, UNKNOT_AUDIO_ERROR_MISSING_PLUGIN,
                   _("GStreamer’s base plugins are missing (giostreamsrc, rawaudioparse)"));
      return NULL;
    }
  unknot_sound_pipeline_set_source (chime, source);
  unknot_sound_pipeline_set_volume (chime, self->volume);
  watch_pipeline (self, chime);
  g_signal_connect_object (chime, "finished", G_CALLBACK (on_chime_finished), self, 0);
  if (!unknot_sound_pipeline_preroll (chime, error))
    return NULL;
  return g_steal_pointer (&chime);
}

static char *
choose_speech_voice (UnknotCuePlayer *self)
{
  g_auto (GStrv) voices = NULL;

  if (!self->speech_available)
    return NULL;
  voices = unknot_speech_list_voices ();
  return unknot_speech_choose_voice (g_get_language_names (), (const char *const *) voices);
}

static UnknotVoice *
build_voice (UnknotCuePlayer  *self,
             GError          **error)
{
  g_autofree char *speech_voice = choose_speech_voice (self);
  UnknotVoice *voice = unknot_voice_new (self->sink, speech_voice, error);

  if (voice == NULL)
    return NULL;
  unknot_voice_set_volume (voice, self->volume);
  watch_pipeline (self, unknot_voice_get_pipeline (voice));
  g_signal_connect (voice, "notify::busy", G_CALLBACK (on_voice_busy), self);
  return voice;
}

/* A sound that does not load is a warning, and its cues stay silent; no output at all
 * is what ::audio-unavailable is for. */
static gboolean
build_chimes (UnknotCuePlayer *self)
{
  for (guint sound = 0; sound < UNKNOT_N_CUE_SOUNDS; sound++)
    {
      g_autoptr (GError) error = NULL;

      self->chimes[sound] = build_chime (self, sound, &error);
      if (self->chimes[sound] != NULL)
        continue;
      if (g_error_matches (error, UNKNOT_AUDIO_ERROR, UNKNOT_AUDIO_ERROR_NO_OUTPUT))
        {
          mark_unavailable (self, error);
          return FALSE;
        }
      g_warning (_("The cue sound “%s” cannot be played: %s"),
                 unknot_cue_sound_get_name (sound), error->message);
    }
  return TRUE;
}

static void
build (UnknotCuePlayer *self)
{
  g_autoptr (GError) error = NULL;

  self->built = TRUE;
  update_speech_available (self);
  if (!build_chimes (self))
    return;
  self->voice = build_voice (self, &error);
  if (self->voice == NULL)
    mark_unavailable (self, error);
}

/* ---- cues --------------------------------------------------------------------------- */

static gboolean
speaks (UnknotCuePlayer *self)
{
  return self->spoken_prompts && self->speech_available && self->voice != NULL;
}

/* @segment's place in the session's plan, or -1 if it is not there (any more). */
static int
find_segment (UnknotCuePlayer *self,
              UnknotSegment   *segment)
{
  guint n_segments = unknot_session_get_n_segments (self->session);

  for (guint i = 0; i < n_segments; i++)
    if (unknot_session_get_segment_at (self->session, i) == segment)
      return (int) i;
  return -1;
}

static UnknotSegmentKind
kind_at (UnknotCuePlayer *self,
         int              index)
{
  return unknot_segment_get_kind (unknot_session_get_segment_at (self->session, index));
}

/* A right side with no gap before it: the switch-sides chime has just played. */
static gboolean
start_is_heard (UnknotCuePlayer *self,
                UnknotSegment   *segment)
{
  int index = find_segment (self, segment);

  return unknot_segment_get_side (segment) != UNKNOT_SIDE_RIGHT || index <= 0 ||
         kind_at (self, index - 1) != UNKNOT_SEGMENT_STEP;
}

/* Heard before a rest only: a step that starts at the same instant has its start
 * chime, and the routine's end its own. */
static gboolean
step_end_is_heard (UnknotCuePlayer *self,
                   UnknotSegment   *segment)
{
  int index = find_segment (self, segment);

  if (index < 0)
    return TRUE;
  return (guint) index + 1 < unknot_session_get_n_segments (self->session) &&
         kind_at (self, index + 1) != UNKNOT_SEGMENT_STEP;
}

static gboolean
choose_chime (UnknotCuePlayer *self,
              UnknotCueEvent  *event,
              UnknotCueSound  *sound)
{
  UnknotSegment *segment = unknot_cue_event_get_segment (event);

  switch (unknot_cue_event_get_kind (event))
    {
    case UNKNOT_CUE_EVENT_SEGMENT_START:
      *sound = UNKNOT_CUE_SOUND_START;
      return unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_STEP &&
             start_is_heard (self, segment);
    case UNKNOT_CUE_EVENT_COUNTDOWN:
      *sound = UNKNOT_CUE_SOUND_COUNTDOWN_TICK;
      return self->countdown_ticks;
    case UNKNOT_CUE_EVENT_SWITCH_SIDES:
      *sound = UNKNOT_CUE_SOUND_SWITCH_SIDES;
      return TRUE;
    case UNKNOT_CUE_EVENT_STEP_CUE:
      /* Something to look at on the screen, when it cannot be said. */
      *sound = UNKNOT_CUE_SOUND_START;
      return !speaks (self);
    case UNKNOT_CUE_EVENT_STEP_END:
      *sound = UNKNOT_CUE_SOUND_STEP_END;
      return step_end_is_heard (self, segment);
    case UNKNOT_CUE_EVENT_ROUTINE_COMPLETE:
      *sound = UNKNOT_CUE_SOUND_ROUTINE_COMPLETE;
      return TRUE;
    default:
      return FALSE;
    }
}

static void
fire (UnknotCuePlayer *self,
      UnknotCueSound   sound)
{
  if (self->chimes[sound] == NULL)
    return;

  self->sounding |= 1u << sound;
  unknot_voice_set_held (self->voice, TRUE);
  if (!unknot_sound_pipeline_replay (self->chimes[sound], unknot_cue_sound_get_name (sound)))
    chime_ended (self, self->chimes[sound]);
  update_playing (self);
}

/* The step's own <audio>, once per step: on its first side. */
static void
play_step_audio (UnknotCuePlayer *self,
                 UnknotSegment   *segment)
{
  UnknotStep *step = unknot_segment_get_step (segment);
  GFile *audio = unknot_step_get_audio (step);

  if (audio == NULL)
    return;
  if (unknot_step_get_side (step) == UNKNOT_SIDE_EACH &&
      unknot_segment_get_side (segment) != UNKNOT_SIDE_LEFT)
    return;
  unknot_voice_play_file (self->voice, audio, segment);
}

static void
on_cue (UnknotSession   *session,
        UnknotCueEvent  *event,
        UnknotCuePlayer *self)
{
  UnknotSegment *segment = unknot_cue_event_get_segment (event);
  gboolean starts = unknot_cue_event_get_kind (event) == UNKNOT_CUE_EVENT_SEGMENT_START;
  g_autofree char *prompt = NULL;
  UnknotCueSound sound;

  if (self->voice == NULL)
    return;

  if (starts)
    unknot_voice_forget_until (self->voice, segment);
  if (choose_chime (self, event, &sound))
    fire (self, sound);
  prompt = unknot_spoken_prompt_for_cue (event);
  if (prompt != NULL && speaks (self))
    unknot_voice_say (self->voice, prompt, segment);
  if (starts && unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_STEP)
    play_step_audio (self, segment);
}

/* A paused routine pauses what is said; a stopped one silences it. Chimes are short
 * enough to ring out. */
static void
on_session_state (UnknotSession   *session,
                  GParamSpec      *pspec,
                  UnknotCuePlayer *self)
{
  UnknotSessionState state = unknot_session_get_state (session);

  if (self->voice == NULL)
    return;
  unknot_voice_set_paused (self->voice, state == UNKNOT_SESSION_PAUSED);
  if (state == UNKNOT_SESSION_STOPPED)
    unknot_voice_clear (self->voice);
}

/* ---- public ------------------------------------------------------------------------- */

UnknotCuePlayer *
unknot_cue_player_new (void)
{
  return g_object_new (UNKNOT_TYPE_CUE_PLAYER, NULL);
}

/* Returns: (transfer none) (nullable) */
UnknotSession *
unknot_cue_player_get_session (UnknotCuePlayer *self)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), NULL);
  return self->session;
}

/**
 * unknot_cue_player_set_session:
 * @session: (nullable): the session to give sound to, or %NULL for none
 *
 * The first session builds and prerolls the pipelines, which takes a few milliseconds
 * and finds out whether there is an audio output at all (see ::audio-unavailable).
 */
void
unknot_cue_player_set_session (UnknotCuePlayer *self,
                               UnknotSession   *session)
{
  g_return_if_fail (UNKNOT_IS_CUE_PLAYER (self));
  g_return_if_fail (session == NULL || UNKNOT_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->voice != NULL)
    unknot_voice_clear (self->voice);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect (session, "cue", G_CALLBACK (on_cue), self);
      g_signal_connect (session, "notify::state", G_CALLBACK (on_session_state), self);
      if (!self->built)
        build (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

double
unknot_cue_player_get_volume (UnknotCuePlayer *self)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), 0.0);
  return self->volume;
}

/* @volume: 0.0 to 1.0, for every sound, at once, also for one under way */
void
unknot_cue_player_set_volume (UnknotCuePlayer *self,
                              double           volume)
{
  g_return_if_fail (UNKNOT_IS_CUE_PLAYER (self));

  volume = CLAMP (volume, 0.0, 1.0);
  if (self->volume == volume)
    return;
  self->volume = volume;
  for (guint sound = 0; sound < UNKNOT_N_CUE_SOUNDS; sound++)
    if (self->chimes[sound] != NULL)
      unknot_sound_pipeline_set_volume (self->chimes[sound], volume);
  if (self->voice != NULL)
    unknot_voice_set_volume (self->voice, volume);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOLUME]);
}

gboolean
unknot_cue_player_get_spoken_prompts (UnknotCuePlayer *self)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), FALSE);
  return self->spoken_prompts;
}

void
unknot_cue_player_set_spoken_prompts (UnknotCuePlayer *self,
                                      gboolean         spoken_prompts)
{
  g_return_if_fail (UNKNOT_IS_CUE_PLAYER (self));

  if (self->spoken_prompts == !!spoken_prompts)
    return;
  self->spoken_prompts = !!spoken_prompts;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPOKEN_PROMPTS]);
}

gboolean
unknot_cue_player_get_countdown_ticks (UnknotCuePlayer *self)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), FALSE);
  return self->countdown_ticks;
}

void
unknot_cue_player_set_countdown_ticks (UnknotCuePlayer *self,
                                       gboolean         countdown_ticks)
{
  g_return_if_fail (UNKNOT_IS_CUE_PLAYER (self));

  if (self->countdown_ticks == !!countdown_ticks)
    return;
  self->countdown_ticks = !!countdown_ticks;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTDOWN_TICKS]);
}

const char *
unknot_cue_player_get_sink (UnknotCuePlayer *self)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), NULL);
  return self->sink;
}

/**
 * unknot_cue_player_set_sink:
 * @sink: (nullable): a GStreamer bin description such as "fakesink sync=true", or
 *   %NULL for the default: $UNKNOT_AUDIO_SINK if set, else "autoaudiosink"
 *
 * A new sink is a new try: audio-available is %TRUE again until the new output is
 * found wanting.
 */
void
unknot_cue_player_set_sink (UnknotCuePlayer *self,
                            const char      *sink)
{
  g_return_if_fail (UNKNOT_IS_CUE_PLAYER (self));

  if (sink == NULL)
    sink = unknot_audio_sink_get_default_description ();
  if (g_strcmp0 (self->sink, sink) == 0)
    return;

  g_free (self->sink);
  self->sink = g_strdup (sink);
  tear_down (self);
  self->built = FALSE;
  if (!self->audio_available)
    {
      self->audio_available = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIO_AVAILABLE]);
    }
  if (self->session != NULL)
    build (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SINK]);
}

gboolean
unknot_cue_player_get_audio_available (UnknotCuePlayer *self)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), FALSE);
  return self->audio_available;
}

gboolean
unknot_cue_player_get_speech_available (UnknotCuePlayer *self)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), FALSE);
  return self->speech_available;
}

/* Whether a sound plays, or a prompt plays or waits to. */
gboolean
unknot_cue_player_get_playing (UnknotCuePlayer *self)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), FALSE);
  return self->playing;
}

/* Returns: (transfer container) (element-type GstElement): every pipeline, chimes first
 *   in the order of UnknotCueSound, then the voice's; empty before a session is set */
GPtrArray *
unknot_cue_player_get_pipelines (UnknotCuePlayer *self)
{
  GPtrArray *pipelines = g_ptr_array_new ();

  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), pipelines);

  for (guint sound = 0; sound < UNKNOT_N_CUE_SOUNDS; sound++)
    if (self->chimes[sound] != NULL)
      g_ptr_array_add (pipelines, unknot_sound_pipeline_get_pipeline (self->chimes[sound]));
  if (self->voice != NULL)
    g_ptr_array_add (pipelines,
                     unknot_sound_pipeline_get_pipeline (unknot_voice_get_pipeline (self->voice)));
  return pipelines;
}

/* ---- the object --------------------------------------------------------------------- */

static void
unknot_cue_player_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UnknotCuePlayer *self = UNKNOT_CUE_PLAYER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_VOLUME:
      g_value_set_double (value, self->volume);
      break;
    case PROP_SPOKEN_PROMPTS:
      g_value_set_boolean (value, self->spoken_prompts);
      break;
    case PROP_COUNTDOWN_TICKS:
      g_value_set_boolean (value, self->countdown_ticks);
      break;
    case PROP_SINK:
      g_value_set_string (value, self->sink);
      break;
    case PROP_AUDIO_AVAILABLE:
      g_value_set_boolean (value, self->audio_available);
      break;
    case PROP_SPEECH_AVAILABLE:
      g_value_set_boolean (value, self->speech_available);
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, self->playing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_cue_player_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  UnknotCuePlayer *self = UNKNOT_CUE_PLAYER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      unknot_cue_player_set_session (self, g_value_get_object (value));
      break;
    case PROP_VOLUME:
      unknot_cue_player_set_volume (self, g_value_get_double (value));
      break;
    case PROP_SPOKEN_PROMPTS:
      unknot_cue_player_set_spoken_prompts (self, g_value_get_boolean (value));
      break;
    case PROP_COUNTDOWN_TICKS:
      unknot_cue_player_set_countdown_ticks (self, g_value_get_boolean (value));
      break;
    case PROP_SINK:
      unknot_cue_player_set_sink (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_cue_player_dispose (GObject *object)
{
  UnknotCuePlayer *self = UNKNOT_CUE_PLAYER (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  tear_down (self);

  G_OBJECT_CLASS (unknot_cue_player_parent_class)->dispose (object);
}

static void
unknot_cue_player_finalize (GObject *object)
{
  UnknotCuePlayer *self = UNKNOT_CUE_PLAYER (object);

  g_free (self->sink);

  G_OBJECT_CLASS (unknot_cue_player_parent_class)->finalize (object);
}

static void
install_properties (GObjectClass *object_class)
{
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, UNKNOT_TYPE_SESSION, rw);
  properties[PROP_VOLUME] =
    g_param_spec_double ("volume", NULL, NULL, 0.0, 1.0, 1.0, rw);
  properties[PROP_SPOKEN_PROMPTS] =
    g_param_spec_boolean ("spoken-prompts", NULL, NULL, TRUE, rw);
  properties[PROP_COUNTDOWN_TICKS] =
    g_param_spec_boolean ("countdown-ticks", NULL, NULL, TRUE, rw);
  /* Defaults to $UNKNOT_AUDIO_SINK, else "autoaudiosink"; NULL sets that default. */
  properties[PROP_SINK] =
    g_param_spec_string ("sink", NULL, NULL, NULL, rw);
  /* FALSE once there proved to be no audio output; see ::audio-unavailable. */
  properties[PROP_AUDIO_AVAILABLE] =
    g_param_spec_boolean ("audio-available", NULL, NULL, TRUE, ro);
  /* Whether spoken prompts can be had: GStreamer's espeak element is installed. */
  properties[PROP_SPEECH_AVAILABLE] =
    g_param_spec_boolean ("speech-available", NULL, NULL, FALSE, ro);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_cue_player_class_init (UnknotCuePlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = unknot_cue_player_get_property;
  object_class->set_property = unknot_cue_player_set_property;
  object_class->dispose = unknot_cue_player_dispose;
  object_class->finalize = unknot_cue_player_finalize;
  install_properties (object_class);

  /**
   * UnknotCuePlayer::played:
   * @what: a built-in sound's name ("start", "countdown-tick", "switch-sides",
   *   "step-end", "routine-complete"), a step audio file's URI, or "say:" and the
   *   spoken text
   * @time: g_get_monotonic_time() when its first buffer reached the sink, taken in the
   *   streaming thread; the signal comes later, in the main thread
   */
  signals[PLAYED] = g_signal_new ("played", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                  G_TYPE_STRING, G_TYPE_INT64);
  /**
   * UnknotCuePlayer::audio-unavailable:
   * @error: why, in %UNKNOT_AUDIO_ERROR
   *
   * There is no audio output (no device, or the sink cannot be opened); cues are
   * visual only from now on. Emitted once per sink, when the first session is set or
   * when the output fails later.
   */
  signals[AUDIO_UNAVAILABLE] = g_signal_new ("audio-unavailable", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, G_TYPE_ERROR);

  /* GStreamer starts with the first player, so that programs which never play a cue
   * (the command-line modes, a library that is only browsed) do not pay for it. */
  if (!gst_is_initialized ())
    gst_init (NULL, NULL);
}

static void
unknot_cue_player_init (UnknotCuePlayer *self)
{
  self->volume = 1.0;
  self->spoken_prompts = TRUE;
  self->countdown_ticks = TRUE;
  self->sink = g_strdup (unknot_audio_sink_get_default_description ());
  self->audio_available = TRUE;
  self->speech_available = unknot_speech_is_available ();
}
