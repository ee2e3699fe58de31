/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-cue-player-internal.h"

#include "unknot-cue-forecast.h"
#include "unknot-spoken-prompt.h"

/* The start of a run. What is heard at routine time 0 ("Get ready", a step's start
 * chime) cannot be placed ahead if routine time 0 is the instant the user presses
 * Start: the stream's buffer alone would make it a tenth of a second late. So the
 * session starts at once, but with its time 0 set at the earliest instant the stream
 * can still place a sound; and the first prompts are synthesised while the routine's
 * page is read, before Start (unknot_cue_player_prepare_routine()). */

/* The streaming thread mixes on while the first sounds are placed, a chunk (40 ms) at a
 * time; each chunk mixed meanwhile moves the earliest instant on. Two chunks and some:
 * with one and a half, a main thread held up for 40–80 ms (a busy machine) placed the
 * first prompt 20 ms late, about 1 run in 15. */
#define START_MARGIN_US (100 * G_TIME_SPAN_MILLISECOND)
#define PREPARE_MS      10000

/**
 * unknot_cue_player_start_session:
 * @session: a session in the READY state
 * @segment: the segment to start at (see unknot_session_start_from()), 0 for all
 *
 * Gives sound to @session and starts it, its time 0 just past the stream's buffer
 * (some 0.15 s from now) when sounds are placed ahead, else at once.
 */
void
unknot_cue_player_start_session (UnknotCuePlayer *self,
                                 UnknotSession   *session,
                                 guint            segment)
{
  gint64 start;

  g_return_if_fail (UNKNOT_IS_CUE_PLAYER (self));
  g_return_if_fail (UNKNOT_IS_SESSION (session));

  unknot_cue_player_set_session (self, session);
  start = unknot_clock_get_time (unknot_session_get_clock (session));
  /* Sounds are placed on the monotonic clock; a session on a fake one gets them late. */
  if (self->mixer != NULL && !self->output_lost && unknot_cue_mixer_is_running (self->mixer)
      && unknot_session_get_clock (session) == unknot_clock_get_default ())
    start = unknot_cue_mixer_get_earliest (self->mixer) + START_MARGIN_US;
  unknot_session_start_from (session, segment, start);
}

/**
 * unknot_cue_player_prepare_routine:
 * @routine: a routine that may be started soon
 *
 * Synthesises the prompts of @routine's first seconds, if prompts are spoken, and
 * decodes the audio of its first steps, so that a run started a moment later is heard
 * on time from its first word.
 */
void
unknot_cue_player_prepare_routine (UnknotCuePlayer *self,
                                   UnknotRoutine   *routine)
{
  g_autoptr (UnknotSession) session = NULL;
  g_autoptr (GPtrArray) cues = NULL;

  g_return_if_fail (UNKNOT_IS_CUE_PLAYER (self));
  g_return_if_fail (UNKNOT_IS_ROUTINE (routine));

  unknot_cue_player_ensure_prompts (self);
  session = unknot_session_new (routine, unknot_clock_get_default ());
  cues = unknot_cue_forecast (session, PREPARE_MS);
  unknot_cue_player_prepare_step_audio (self, cues);
  for (guint i = 0; i < cues->len && self->spoken_prompts; i++)
    {
      g_autofree char *prompt = unknot_spoken_prompt_for_cue (g_ptr_array_index (cues, i));

      if (prompt != NULL)
        unknot_prompt_cache_prepare (self->prompts, prompt);
    }
}
