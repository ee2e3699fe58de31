/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-cue-player-internal.h"

#include <glib/gi18n-lib.h>

#include "unknot-audio-error.h"
#include "unknot-sound-decoder.h"
#include "unknot-sound-pipeline.h"
#include "unknot-speech.h"
#include "unknot-voice.h"

/* UnknotCuePlayer's output: the mixer and the voice built once per sink, the stream
 * opened while a session runs and closed after it and through long quiet stretches,
 * and an output lost mid-run tried again until it is back. */

/* ---- the output going and coming back ----------------------------------------------- */

#define RETRY_EVERY_MS 500
/* A stream this far behind the clock has stopped: a flowing one is ahead of it. A busy
 * machine delays the stream's thread by milliseconds, not by this. */
#define STALLED_US     G_TIME_SPAN_SECOND
/* A stream opened again is trusted once it has flowed so long: long enough for one that
 * does not flow to fall STALLED_US behind. */
#define PROVEN_US      (2 * G_TIME_SPAN_SECOND)

/* Both pipelines let go of the server, so that the next try makes a new connection
 * rather than reuse one to a server that has gone (see unknot_sound_pipeline_close()). */
static void
close_output (UnknotCuePlayer *self)
{
  unknot_cue_mixer_stop (self->mixer);
  unknot_sound_pipeline_close (unknot_cue_mixer_get_output (self->mixer));
  if (self->voice != NULL)
    unknot_sound_pipeline_close (unknot_voice_get_pipeline (self->voice));
}

/* Not fatal: a voice that stays closed opens on its next prompt. */
static void
reopen_voice (UnknotCuePlayer *self)
{
  g_autoptr (GError) error = NULL;

  if (self->voice != NULL &&
      !unknot_sound_pipeline_reopen (unknot_voice_get_pipeline (self->voice), &error))
    g_debug ("The voice's output does not open yet: %s", error->message);
}

static gboolean
on_retry (gpointer user_data)
{
  UnknotCuePlayer *self = user_data;
  g_autoptr (GError) error = NULL;

  if (!unknot_cue_mixer_is_running (self->mixer) && !unknot_cue_mixer_start (self->mixer, &error))
    {
      g_debug ("The audio output is still away: %s", error->message);
      close_output (self);
      return G_SOURCE_CONTINUE;
    }
  if (g_get_monotonic_time () - unknot_cue_mixer_get_started (self->mixer) < PROVEN_US)
    return G_SOURCE_CONTINUE;
  if (unknot_cue_mixer_is_stalled (self->mixer, STALLED_US))
    {
      g_debug ("The audio output opens but does not play yet");
      close_output (self);
      return G_SOURCE_CONTINUE;
    }
  reopen_voice (self);
  self->retry_id = 0;
  self->output_lost = FALSE;
  g_message ("The audio output is back");
  unknot_cue_player_set_audio_available (self, TRUE);
  unknot_cue_plan_clear (self->plan);
  unknot_cue_player_plan_ahead (self);
  /* Back after the run ended: nothing more to play. */
  if (self->session == NULL ||
      unknot_session_get_state (self->session) != UNKNOT_SESSION_RUNNING)
    unknot_cue_player_close_stream_later (self, CLOSE_AFTER_MS);
  return G_SOURCE_REMOVE;
}

/* The sound server went away, or its device: the session runs on, without sound, the
 * user is told once, and the stream is opened again as soon as it can be. Sound comes
 * back with the next cue that can still be placed. */
static void
lose_output (UnknotCuePlayer *self,
             const GError    *error)
{
  if (self->output_lost)
    return;
  self->output_lost = TRUE;
  self->resting = FALSE;
  close_output (self);
  unknot_cue_plan_clear (self->plan);
  g_message ("The audio output went away, cues are visual until it is back: %s",
             error->message);
  if (self->audio_available)
    {
      unknot_cue_player_set_audio_available (self, FALSE);
      unknot_cue_player_emit_audio_unavailable (self, error);
    }
  self->retry_id = g_timeout_add (RETRY_EVERY_MS, on_retry, self);
}

/* Called while a session runs, before the cues are placed: a sound server may keep a
 * stream whose output went away and stop reading it, without an error. */
void
unknot_cue_player_check_output (UnknotCuePlayer *self)
{
  g_autoptr (GError) error = NULL;

  if (self->mixer == NULL || self->output_lost)
    return;
  if (unknot_cue_mixer_is_stalled (self->mixer, STALLED_US))
    {
      error = g_error_new_literal (UNKNOT_AUDIO_ERROR, UNKNOT_AUDIO_ERROR_NO_OUTPUT,
                                   _("The audio output stopped playing"));
      lose_output (self, error);
    }
}

/* ---- the pipelines' signals --------------------------------------------------------- */

static void
on_mixer_failed (UnknotSoundPipeline *pipeline,
                 const GError        *error,
                 gboolean             in_output,
                 UnknotCuePlayer     *self)
{
  g_autoptr (GError) lost = NULL;

  if (!in_output || self->mixer == NULL)
    return;
  lost = g_error_new_literal (UNKNOT_AUDIO_ERROR, UNKNOT_AUDIO_ERROR_NO_OUTPUT, error->message);
  lose_output (self, lost);
}

static void
on_voice_busy (UnknotVoice     *voice,
               GParamSpec      *pspec,
               UnknotCuePlayer *self)
{
  unknot_cue_player_update_playing (self);
}

/* ---- building ----------------------------------------------------------------------- */

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
             const char       *speech_voice,
             GError          **error)
{
  UnknotVoice *voice = unknot_voice_new (self->sink, speech_voice, error);

  if (voice == NULL)
    return NULL;
  unknot_voice_set_volume (voice, self->volume);
  g_signal_connect_object (unknot_voice_get_pipeline (voice), "played",
                           G_CALLBACK (unknot_cue_player_on_played), self, 0);
  g_signal_connect (voice, "notify::busy", G_CALLBACK (on_voice_busy), self);
  return voice;
}

/* A sound that does not load is a warning, and its cues stay silent. */
static void
decode_sounds (UnknotCuePlayer *self)
{
  for (guint sound = 0; sound < UNKNOT_N_CUE_SOUNDS; sound++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GFile) file = unknot_cue_sound_get_file (sound);
      gint rate;
      gint channels;

      self->sounds[sound] = unknot_sound_decoder_decode (file, 0, &rate, &channels, &error);
      if (self->sounds[sound] != NULL)
        continue;
      /* Translators: the first %s is the name of a cue sound, such as "countdown-tick", the second
       * says why */
      g_warning (_("The cue sound “%s” cannot be played: %s"),
                 unknot_cue_sound_get_name (sound), error->message);
    }
}

static UnknotCueMixer *
build_mixer (UnknotCuePlayer  *self,
             GError          **error)
{
  UnknotCueMixer *mixer = unknot_cue_mixer_new (self->sink, error);

  if (mixer == NULL)
    return NULL;
  unknot_cue_mixer_set_volume (mixer, self->volume);
  g_signal_connect_object (mixer, "played", G_CALLBACK (unknot_cue_player_on_played), self, 0);
  g_signal_connect_object (unknot_cue_mixer_get_output (mixer), "failed",
                           G_CALLBACK (on_mixer_failed), self, 0);
  return mixer;
}

/* No output at all is what ::audio-unavailable is for. */
void
unknot_cue_player_build (UnknotCuePlayer *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *speech_voice = NULL;

  self->built = TRUE;
  unknot_cue_player_update_speech_available (self);
  self->mixer = build_mixer (self, &error);
  if (self->mixer == NULL)
    {
      unknot_cue_player_mark_unavailable (self, error);
      return;
    }
  decode_sounds (self);
  speech_voice = choose_speech_voice (self);
  if (self->prompts == NULL)
    self->prompts = unknot_prompt_cache_new (speech_voice);
  self->voice = build_voice (self, speech_voice, &error);
  if (self->voice == NULL)
    unknot_cue_player_mark_unavailable (self, error);
}

/* The prompt cache alone, before the output: for a routine only looked at so far. */
void
unknot_cue_player_ensure_prompts (UnknotCuePlayer *self)
{
  g_autofree char *speech_voice = NULL;

  if (self->prompts != NULL)
    return;
  unknot_cue_player_update_speech_available (self);
  speech_voice = choose_speech_voice (self);
  self->prompts = unknot_prompt_cache_new (speech_voice);
}

/* The stream runs while a session is set, so the first cue finds it open. */
void
unknot_cue_player_open_stream (UnknotCuePlayer *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->close_id, g_source_remove);
  self->resting = FALSE;
  if (self->mixer == NULL || self->output_lost || unknot_cue_mixer_is_running (self->mixer))
    return;
  if (!unknot_cue_mixer_start (self->mixer, &error))
    unknot_cue_player_mark_unavailable (self, error);
}

static gboolean
on_close (gpointer user_data)
{
  UnknotCuePlayer *self = user_data;

  self->close_id = 0;
  if (self->mixer != NULL && !self->output_lost)
    unknot_cue_mixer_stop (self->mixer);
  return G_SOURCE_REMOVE;
}

/* After the last chime has rung out, so that a sound server can let the device rest. */
void
unknot_cue_player_close_stream_later (UnknotCuePlayer *self,
                                      guint            after_ms)
{
  gint64 ringing = MAX (self->chime_until - g_get_monotonic_time (), 0) / 1000;

  g_clear_handle_id (&self->close_id, g_source_remove);
  if (self->mixer != NULL)
    self->close_id = g_timeout_add ((guint) ringing + after_ms, on_close, self);
}

/* ---- resting through long quiet stretches ------------------------------------------- */

/* A silent stream still wakes its thread and the sound server 25 times a second, and
 * keeps the device from sleeping. So where nothing sounds and no cue comes for
 * REST_QUIET_MS (the middle of a long step), the stream closes, and it opens again
 * WAKE_AHEAD_MS before the next cue: more than the plan ahead and one planning tick
 * (PLAN_AHEAD_MS and PLAN_EVERY_MS), so that cue is placed as exactly as any. A cue
 * that was not foreseen (a skip) or new timing wakes it at once: a skip's chime then
 * comes no later than through an open stream, whose buffer it waits behind (test-pulse's
 * rest-skip case). Not on a fake clock, where nothing is placed ahead. */
#define REST_QUIET_MS 10000
#define WAKE_AHEAD_MS 3000
/* The sink's buffer, and more: what was mixed last is heard to its end. */
#define RING_OUT_US   (500 * G_TIME_SPAN_MILLISECOND)

/* chime_until is the end of the last sound that came due (a chime, a prompt, a step's
 * audio); those still to come are the forecast's. */
static gboolean
may_rest (UnknotCuePlayer *self)
{
  return self->mixer != NULL && !self->output_lost && unknot_cue_mixer_is_running (self->mixer) &&
         g_get_monotonic_time () > self->chime_until + RING_OUT_US &&
         unknot_session_get_clock (self->session) == unknot_clock_get_default () &&
         !unknot_cue_player_cue_within (self, REST_QUIET_MS);
}

/* Opens the stream if it rests; an output gone meanwhile is lost as one gone mid-run. */
void
unknot_cue_player_wake (UnknotCuePlayer *self)
{
  g_autoptr (GError) error = NULL;

  if (!self->resting)
    return;
  self->resting = FALSE;
  g_debug ("The stream opens again for the cues ahead");
  if (!unknot_cue_mixer_start (self->mixer, &error))
    lose_output (self, error);
}

/* Called while the session runs, before the cues are placed. */
void
unknot_cue_player_rest_or_wake (UnknotCuePlayer *self)
{
  if (self->resting && unknot_cue_player_cue_within (self, WAKE_AHEAD_MS))
    unknot_cue_player_wake (self);
  else if (!self->resting && may_rest (self))
    {
      g_debug ("The stream rests: nothing sounds for %d s", REST_QUIET_MS / 1000);
      unknot_cue_mixer_stop (self->mixer);
      self->resting = TRUE;
    }
}
