/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-cue-player-private.h"
#include "unknot-cue-player-internal.h"

#include "unknot-audio-sink.h"
#include "unknot-sound-pipeline.h"
#include "unknot-speech.h"

/* UnknotCuePlayer turns a session's cues into sound.
 *
 * The stream. One UnknotCueMixer per sink: one output stream, open while a session is
 * set and running (but for long quiet stretches, unknot-cue-player-output.c), into which the built-in sounds (decoded once into memory) and the
 * prompts (synthesised ahead by UnknotPromptCache) are mixed at exact samples. On the
 * real clock the player looks PLAN_AHEAD_MS ahead (unknot-cue-forecast.c) and places
 * each chime for the instant its cue falls due, so it leaves the speaker then, and its
 * prompts right after it; UnknotCuePlan remembers what was placed, so the cue itself,
 * when it comes, adds nothing, and a change of timing (pause, skip, back, added time,
 * stop) takes out and places again what was meant for later. A cue that was not
 * foreseen (a skip, a session on a fake clock) sounds as soon as the stream allows.
 * The steps' audio files are decoded ahead too and placed after their step's prompts
 * (unknot-cue-player-audio.c). UnknotVoice keeps its own pipeline for files and prompts
 * that were not ready in time. Without an output at all the session runs with visual cues
 * only and ::audio-unavailable tells the UI, once; an output lost mid-run is told the
 * same way and tried again until it is back.
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

static gboolean
chime_sounds (UnknotCuePlayer *self)
{
  return self->chime_until > g_get_monotonic_time ();
}

void
unknot_cue_player_update_playing (UnknotCuePlayer *self)
{
  gboolean playing = chime_sounds (self) ||
                     (self->voice != NULL && unknot_voice_get_busy (self->voice));

  if (playing == self->playing)
    return;
  self->playing = playing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

void
unknot_cue_player_update_speech_available (UnknotCuePlayer *self)
{
  gboolean available = unknot_speech_is_available ();

  if (available == self->speech_available)
    return;
  self->speech_available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEECH_AVAILABLE]);
}

void
unknot_cue_player_set_audio_available (UnknotCuePlayer *self,
                                       gboolean         available)
{
  if (self->audio_available == available)
    return;
  self->audio_available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIO_AVAILABLE]);
}

/* The signals are this file's; an output lost mid-run is told of from the output's. */
void
unknot_cue_player_emit_audio_unavailable (UnknotCuePlayer *self,
                                          const GError    *error)
{
  g_signal_emit (self, signals[AUDIO_UNAVAILABLE], 0, error);
}

static void
stop_timers (UnknotCuePlayer *self)
{
  g_clear_handle_id (&self->plan_id, g_source_remove);
  g_clear_handle_id (&self->quiet_id, g_source_remove);
  g_clear_handle_id (&self->close_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
}

static void
tear_down (UnknotCuePlayer *self)
{
  stop_timers (self);
  for (guint sound = 0; sound < UNKNOT_N_CUE_SOUNDS; sound++)
    g_clear_pointer (&self->sounds[sound], g_bytes_unref);
  if (self->mixer != NULL)
    g_signal_handlers_disconnect_by_data (self->mixer, self);
  unknot_cue_player_clear_step_audio (self);
  g_clear_object (&self->mixer);
  if (self->voice != NULL)
    g_signal_handlers_disconnect_by_data (self->voice, self);
  g_clear_object (&self->voice);
  g_clear_object (&self->prompts);
  self->voice_until = 0;
  unknot_cue_plan_clear (self->plan);
  self->chime_until = 0;
  self->output_lost = FALSE;
  unknot_cue_player_update_playing (self);
}

/* Once per sink: every pipeline would find the same. */
void
unknot_cue_player_mark_unavailable (UnknotCuePlayer *self,
                                    const GError    *error)
{
  tear_down (self);
  if (!self->audio_available)
    return;

  g_message ("No audio output, cues are visual only: %s", error->message);
  unknot_cue_player_set_audio_available (self, FALSE);
  g_signal_emit (self, signals[AUDIO_UNAVAILABLE], 0, error);
}

/* ---- the pipelines' signals --------------------------------------------------------- */

void
unknot_cue_player_on_played (GObject         *source,
                             const char      *what,
                             gint64           time,
                             UnknotCuePlayer *self)
{
  g_signal_emit (self, signals[PLAYED], 0, what, time);
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
  unknot_cue_player_clear_step_audio (self);
  if (self->mixer != NULL)
    unknot_cue_plan_cancel_after (self->plan, self->mixer, g_get_monotonic_time ());
  g_set_object (&self->session, session);
  unknot_cue_player_follow_clock (self);
  if (session != NULL)
    {
      g_signal_connect (session, "cue", G_CALLBACK (unknot_cue_player_on_cue), self);
      g_signal_connect (session, "notify::state",
                        G_CALLBACK (unknot_cue_player_on_session_state), self);
      g_signal_connect (session, "notify::segment",
                        G_CALLBACK (unknot_cue_player_on_session_timing), self);
      g_signal_connect (session, "notify::speed",
                        G_CALLBACK (unknot_cue_player_on_session_timing), self);
      g_signal_connect (session, "notify::countdown-ticks",
                        G_CALLBACK (unknot_cue_player_on_session_timing), self);
      if (!self->built)
        unknot_cue_player_build (self);
      unknot_cue_player_open_stream (self);
      unknot_cue_player_plan_ahead (self);
    }
  else
    unknot_cue_player_close_stream_later (self, CLOSE_AFTER_MS);
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
  if (self->mixer != NULL)
    unknot_cue_mixer_set_volume (self->mixer, volume);
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
    unknot_cue_player_build (self);
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

/* Returns: (transfer container) (element-type GstElement): every pipeline, the chimes'
 *   stream first, then the voice's; empty before a session is set */
GPtrArray *
unknot_cue_player_get_pipelines (UnknotCuePlayer *self)
{
  GPtrArray *pipelines = g_ptr_array_new ();

  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), pipelines);

  if (self->mixer != NULL)
    g_ptr_array_add (pipelines, unknot_cue_mixer_get_pipeline (self->mixer));
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
  unknot_cue_plan_free (self->plan);
  g_ptr_array_unref (self->step_audio);

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
  self->plan = unknot_cue_plan_new ();
  unknot_cue_player_init_step_audio (self);
}
