/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-cue-player-internal.h"

#include <math.h>

#include "unknot-cue-forecast.h"
#include "unknot-spoken-prompt.h"

/* UnknotCuePlayer's cues: which chime each one has, the chimes and prompts placed
 * ahead on the stream and placed again when the timing changes (a pause, a skip, added
 * time), and what a cue that comes sounds like. */

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

/* ---- chimes, placed ahead ----------------------------------------------------------- */

#define PLAN_AHEAD_MS    1500  /* how far ahead chimes are placed: well past the sink's buffer */
#define PLAN_EVERY_MS    500   /* so a chime is placed at least a second ahead */
#define EARLY_MATCH_US   (100 * G_TIME_SPAN_MILLISECOND)
#define LATE_MATCH_US    (2 * G_TIME_SPAN_SECOND)

static gboolean
on_quiet (gpointer user_data)
{
  UnknotCuePlayer *self = user_data;

  self->quiet_id = 0;
  if (self->voice != NULL)
    unknot_voice_set_held (self->voice, FALSE);
  unknot_cue_player_update_playing (self);
  return G_SOURCE_REMOVE;
}

/* Speech waits for the chime of its instant, and is ducked under a later one. */
static void
hold_voice_until (UnknotCuePlayer *self,
                  gint64           end)
{
  gint64 now = g_get_monotonic_time ();

  self->chime_until = MAX (self->chime_until, end);
  if (self->chime_until <= now)
    return;
  unknot_voice_set_held (self->voice, TRUE);
  g_clear_handle_id (&self->quiet_id, g_source_remove);
  self->quiet_id = g_timeout_add ((guint) ((self->chime_until - now + 999) / 1000), on_quiet, self);
  unknot_cue_player_update_playing (self);
}

/* Returns: the chime's id in the mixer, or 0 if it could not be placed */
static guint
place_chime (UnknotCuePlayer *self,
             UnknotCueSound   sound,
             gint64           at,
             gint64          *end)
{
  *end = at;
  if (self->sounds[sound] == NULL || self->mixer == NULL)
    return 0;
  return unknot_cue_mixer_place (self->mixer, self->sounds[sound], at, UNKNOT_MIX_TRACK_CHIME,
                                 unknot_cue_sound_get_name (sound), NULL, end);
}

/* Only on the real clock can an instant of the session be turned into one of the
 * stream; a session on a fake clock has its chimes played when their cues come. */
static gboolean
can_plan (UnknotCuePlayer *self)
{
  return self->session != NULL && self->mixer != NULL && !self->output_lost &&
         unknot_cue_mixer_is_running (self->mixer) &&
         unknot_session_get_clock (self->session) == unknot_clock_get_default () &&
         unknot_session_get_state (self->session) == UNKNOT_SESSION_RUNNING;
}

/* The routine ms the session will have reached in @ms of real time. */
static gint64
position_in (UnknotCuePlayer *self,
             guint            ms)
{
  UnknotSegment *segment = unknot_session_get_segment (self->session);
  gint64 position = unknot_segment_get_end (segment) - unknot_session_get_remaining (self->session);

  return position + (gint64) ceil (ms * unknot_session_get_speed (self->session));
}

/* Whether a cue of the running session, on the real clock, falls due within @ms. */
gboolean
unknot_cue_player_cue_within (UnknotCuePlayer *self,
                              guint            ms)
{
  g_autoptr (GPtrArray) cues = NULL;
  gint64 now = g_get_monotonic_time ();

  if (self->session == NULL || unknot_session_get_state (self->session) != UNKNOT_SESSION_RUNNING ||
      unknot_session_get_clock (self->session) != unknot_clock_get_default ())
    return FALSE;
  cues = unknot_cue_forecast (self->session, position_in (self, ms));
  for (guint i = 0; i < cues->len; i++)
    {
      gint64 offset = unknot_cue_event_get_offset (g_ptr_array_index (cues, i));

      if (unknot_session_get_clock_time_at (self->session, offset) > now)
        return TRUE;
    }
  return FALSE;
}

/* The prompts of the cues [@first, @last), if all of them are synthesised. */
static GPtrArray *
ready_prompts (UnknotCuePlayer *self,
               GPtrArray       *cues,
               guint            first,
               guint            last)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = first; i < last; i++)
    {
      char *prompt = unknot_spoken_prompt_for_cue (g_ptr_array_index (cues, i));

      if (prompt == NULL)
        continue;
      g_ptr_array_add (texts, prompt);
      if (unknot_prompt_cache_lookup (self->prompts, prompt) == NULL ||
          texts->len > UNKNOT_PLAN_MAX_SOUNDS)
        return NULL;
    }
  return g_steal_pointer (&texts);
}

/* Speech after the chime of its instant, and after what was said before. */
static void
plan_prompts (UnknotCuePlayer      *self,
              UnknotPlannedInstant *instant,
              GPtrArray            *cues,
              guint                 first,
              guint                 last)
{
  g_autoptr (GPtrArray) texts = NULL;
  gint64 at = MAX (instant->end, self->voice_until);

  if (!speaks (self) || self->prompts == NULL)
    return;
  texts = ready_prompts (self, cues, first, last);
  if (texts == NULL)
    return;
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      g_autofree char *what = g_strconcat ("say:", text, NULL);

      instant->prompts[instant->n_prompts++] =
        unknot_cue_mixer_place (self->mixer, unknot_prompt_cache_lookup (self->prompts, text), at,
                                UNKNOT_MIX_TRACK_VOICE, what, NULL, &at);
    }
  instant->spoken_end = at;
  self->voice_until = at;
}

/* One chime per instant: the first of its cues that has one; then the prompts. */
static void
plan_instant (UnknotCuePlayer *self,
              GPtrArray       *cues,
              guint            first,
              guint            last,
              gint64           at)
{
  gint64 position = unknot_cue_event_get_offset (g_ptr_array_index (cues, first));
  UnknotPlannedInstant *instant;
  UnknotCueSound sound;
  gint64 end = at;
  guint id = 0;

  for (guint i = first; i < last && id == 0; i++)
    if (choose_chime (self, g_ptr_array_index (cues, i), &sound))
      id = place_chime (self, sound, at, &end);
  instant = unknot_cue_plan_add (self->plan, position, at, end, id);
  plan_prompts (self, instant, cues, first, last);
  unknot_cue_player_plan_step_audio (self, instant, cues, first, last);
}

#define SPEAK_AHEAD_MS 10000  /* how far ahead prompts are synthesised and files decoded */

/* Synthesises what will be said in the next SPEAK_AHEAD_MS, or at the start, and
 * decodes the steps' audio that will start. */
static void
prepare_prompts (UnknotCuePlayer *self)
{
  g_autoptr (GPtrArray) cues = NULL;

  if (self->prompts == NULL || self->session == NULL ||
      unknot_session_get_segment (self->session) == NULL)
    return;
  cues = unknot_cue_forecast (self->session, position_in (self, SPEAK_AHEAD_MS));
  unknot_cue_player_prepare_step_audio (self, cues);
  for (guint i = 0; i < cues->len && speaks (self); i++)
    {
      g_autofree char *prompt = unknot_spoken_prompt_for_cue (g_ptr_array_index (cues, i));

      if (prompt != NULL)
        unknot_prompt_cache_prepare (self->prompts, prompt);
    }
}

void
unknot_cue_player_plan_ahead (UnknotCuePlayer *self)
{
  g_autoptr (GPtrArray) cues = NULL;
  gint64 now = g_get_monotonic_time ();
  guint first = 0;

  unknot_cue_plan_forget_before (self->plan, now - LATE_MATCH_US);
  prepare_prompts (self);
  if (!can_plan (self))
    return;
  cues = unknot_cue_forecast (self->session, position_in (self, PLAN_AHEAD_MS));
  while (first < cues->len)
    {
      gint64 position = unknot_cue_event_get_offset (g_ptr_array_index (cues, first));
      gint64 at = unknot_session_get_clock_time_at (self->session, position);
      guint last = first + 1;

      while (last < cues->len &&
             unknot_cue_event_get_offset (g_ptr_array_index (cues, last)) == position)
        last++;
      if (at > now && unknot_cue_plan_lookup (self->plan, position) == NULL)
        plan_instant (self, cues, first, last, at);
      first = last;
    }
}

static gboolean
on_plan (gpointer user_data)
{
  unknot_cue_player_check_output (user_data);
  unknot_cue_player_rest_or_wake (user_data);
  unknot_cue_player_plan_ahead (user_data);
  return G_SOURCE_CONTINUE;
}

/* The timing changed: what was placed for later goes, and is placed again; a step's
 * audio paused goes on, before anything new is placed after it. */
static void
replan (UnknotCuePlayer *self)
{
  gint64 now;

  if (self->session != NULL && unknot_session_get_state (self->session) == UNKNOT_SESSION_RUNNING)
    unknot_cue_player_wake (self);
  now = g_get_monotonic_time ();
  unknot_cue_plan_cancel_after (self->plan, self->mixer, now);
  unknot_cue_player_replan_step_audio (self, now);
  self->voice_until = MIN (self->voice_until, now);
  if (can_plan (self))
    hold_voice_until (self, unknot_cue_player_resume_step_audio (self));
  unknot_cue_player_plan_ahead (self);
}

/* The monotonic µs at which @event falls due: now, or its instant if that is still to
 * come, as the cues of a start set a moment ahead are (unknot_session_start_from()). */
static gint64
due_time (UnknotCuePlayer *self,
          UnknotCueEvent  *event)
{
  gint64 now = g_get_monotonic_time ();

  if (unknot_session_get_clock (self->session) != unknot_clock_get_default ())
    return now;
  return MAX (now, unknot_session_get_clock_time_at (self->session,
                                                     unknot_cue_event_get_offset (event)));
}

/* A cue whose chime was placed ahead, for this very instant: nothing to place. Placed
 * for a later instant, the timing has changed under it (a skip): placed again. */
static UnknotPlannedInstant *
was_placed (UnknotCuePlayer *self,
            UnknotCueEvent  *event)
{
  gint64 position = unknot_cue_event_get_offset (event);
  UnknotPlannedInstant *instant = unknot_cue_plan_lookup (self->plan, position);
  gint64 now = g_get_monotonic_time ();
  gint64 due = due_time (self, event);

  if (instant == NULL)
    return NULL;
  if (instant->at > due + EARLY_MATCH_US)
    {
      replan (self);
      instant = unknot_cue_plan_lookup (self->plan, position);
      if (instant == NULL || instant->at > due + EARLY_MATCH_US)
        {
          unknot_cue_plan_remove (self->plan, position);
          return NULL;
        }
    }
  if (instant->at < now - LATE_MATCH_US)
    {
      unknot_cue_plan_remove (self->plan, position);
      return NULL;
    }
  /* The step's audio waits for the chime and for what is said. */
  hold_voice_until (self, MAX (instant->end, instant->spoken_end));
  return instant;
}

/* A cue that nothing was placed for: its chime as soon as can be. */
static void
sound_now (UnknotCuePlayer *self,
           UnknotCueEvent  *event)
{
  gint64 due = due_time (self, event);
  UnknotCueSound sound;
  gint64 end;
  guint id;

  if (!choose_chime (self, event, &sound))
    return;
  id = place_chime (self, sound, due, &end);
  if (id == 0)
    return;
  unknot_cue_plan_add (self->plan, unknot_cue_event_get_offset (event), due, end, id);
  hold_voice_until (self, end);
}

/* A prompt that was not placed ahead: from the cache as soon as the chime and what is
 * said before it allow, else synthesised by the voice, later. */
static void
say_now (UnknotCuePlayer *self,
         const char      *prompt,
         UnknotCueEvent  *event)
{
  UnknotSegment *segment = unknot_cue_event_get_segment (event);
  GBytes *samples = self->prompts != NULL ? unknot_prompt_cache_lookup (self->prompts, prompt)
                                          : NULL;
  g_autofree char *what = g_strconcat ("say:", prompt, NULL);
  gint64 at = MAX (due_time (self, event), MAX (self->chime_until, self->voice_until));
  gint64 end;

  if (samples == NULL || !can_plan (self) ||
      unknot_cue_mixer_place (self->mixer, samples, at, UNKNOT_MIX_TRACK_VOICE, what, NULL,
                              &end) == 0)
    {
      unknot_voice_say (self->voice, prompt, segment);
      return;
    }
  self->voice_until = end;
  hold_voice_until (self, end);
}

/* The step's own <audio>, once per step: on its first side. Placed ahead, it waits
 * only to be heard to its end. Not placed (the step came unforeseen), it is placed now,
 * after the chime and the prompt, if those went on the stream too; else the voice plays
 * it, after what it says. */
static void
play_step_audio (UnknotCuePlayer *self,
                 UnknotSegment   *segment)
{
  GFile *audio = unknot_cue_player_get_step_audio (segment);
  gint64 end = unknot_cue_player_get_step_audio_end (self, segment);

  if (end == 0 && audio != NULL && can_plan (self) && !unknot_voice_get_busy (self->voice))
    end = unknot_cue_player_place_step_audio_now (
      self, segment, MAX (g_get_monotonic_time (), MAX (self->chime_until, self->voice_until)));
  if (end != 0)
    hold_voice_until (self, end);
  else if (audio != NULL)
    unknot_voice_play_file (self->voice, audio, segment);
}

void
unknot_cue_player_on_cue (UnknotSession   *session,
                          UnknotCueEvent  *event,
                          UnknotCuePlayer *self)
{
  UnknotSegment *segment = unknot_cue_event_get_segment (event);
  gboolean starts = unknot_cue_event_get_kind (event) == UNKNOT_CUE_EVENT_SEGMENT_START;
  g_autofree char *prompt = NULL;
  UnknotPlannedInstant *instant;

  if (self->voice == NULL)
    return;

  unknot_cue_player_wake (self);
  if (starts)
    {
      unknot_voice_forget_until (self->voice, segment);
      unknot_cue_player_stop_other_step_audio (self, segment);
    }
  instant = was_placed (self, event);
  if (instant == NULL)
    sound_now (self, event);
  prompt = unknot_spoken_prompt_for_cue (event);
  if (prompt != NULL && speaks (self) && (instant == NULL || instant->spoken_end == 0))
    say_now (self, prompt, event);
  if (starts && unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_STEP)
    play_step_audio (self, segment);
}

void
unknot_cue_player_follow_clock (UnknotCuePlayer *self)
{
  gboolean running = self->session != NULL &&
                     unknot_session_get_state (self->session) == UNKNOT_SESSION_RUNNING;

  if (running && self->plan_id == 0)
    self->plan_id = g_timeout_add (PLAN_EVERY_MS, on_plan, self);
  else if (!running)
    g_clear_handle_id (&self->plan_id, g_source_remove);
}

/* A paused routine pauses what is said and the step's audio, and the chimes placed for
 * later go; a stopped one silences both. A finished one lets them end, and the stream
 * stays open until they have. Chimes under way are short enough to ring out. */
void
unknot_cue_player_on_session_state (UnknotSession   *session,
                                    GParamSpec      *pspec,
                                    UnknotCuePlayer *self)
{
  UnknotSessionState state = unknot_session_get_state (session);

  if (self->voice == NULL)
    return;
  if (state == UNKNOT_SESSION_RUNNING)
    unknot_cue_player_open_stream (self);
  else if (state == UNKNOT_SESSION_PAUSED)
    unknot_cue_player_pause_step_audio (self);
  else if (state != UNKNOT_SESSION_FINISHED)
    unknot_cue_player_clear_step_audio (self);
  unknot_cue_player_follow_clock (self);
  replan (self);
  unknot_voice_set_paused (self->voice, state == UNKNOT_SESSION_PAUSED);
  if (state == UNKNOT_SESSION_STOPPED)
    unknot_voice_clear (self->voice);
  if (state == UNKNOT_SESSION_PAUSED)
    unknot_cue_player_close_stream_later (self, CLOSE_PAUSED_MS);
  else if (state == UNKNOT_SESSION_STOPPED || state == UNKNOT_SESSION_FINISHED)
    unknot_cue_player_close_stream_later (self, CLOSE_AFTER_MS);
}

/* Added time, a skip, a step back, another speed, ticks on or off: new timing. */
void
unknot_cue_player_on_session_timing (UnknotSession   *session,
                                     GParamSpec      *pspec,
                                     UnknotCuePlayer *self)
{
  if (self->mixer != NULL)
    replan (self);
}
