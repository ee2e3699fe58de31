/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-cue-player-internal.h"

#include "unknot-spoken-prompt.h"

/* UnknotCuePlayer's steps' own audio. A step's <audio> is decoded ahead, while the
 * cues before it are heard (UnknotPromptCache), and placed on the stream with its step's
 * start: after the chime and the prompts of that instant, so it starts on time instead
 * of after a file is opened and decoded. Once placed it is the run's like any sound:
 *
 *   - a pause takes what is not yet mixed out of the stream, and the resume places it
 *     again, so it goes on where it was heard to;
 *   - another step starting (the next one, a skip, a step back) stops it, as it stopped
 *     in the voice before;
 *   - new timing (added time, a skip) takes it out if it had not begun and its instant
 *     is still to come: that instant is placed again, and its audio with it;
 *   - a stop ends it; the routine's end does not, as it did not in the voice.
 *
 * A file not decoded in time, longer than the cache holds, or met without the stream
 * (a session on a fake clock, an output lost) is played by UnknotVoice, as before. */

typedef struct
{
  UnknotStep *step;
  GBytes *samples;     /* what is still to be placed: all of it, or the rest after a pause */
  char *what;          /* the file's URI, for ::played */
  guint id;            /* in the mixer, or 0 while paused */
  gint64 instant;      /* monotonic µs of its step's start, as placed */
  gint64 start;        /* monotonic µs at which it is heard, as placed */
  gint64 end;
} PlacedAudio;

static void
placed_audio_free (gpointer data)
{
  PlacedAudio *audio = data;

  g_object_unref (audio->step);
  g_bytes_unref (audio->samples);
  g_free (audio->what);
  g_free (audio);
}

void
unknot_cue_player_init_step_audio (UnknotCuePlayer *self)
{
  self->step_audio = g_ptr_array_new_with_free_func (placed_audio_free);
}

/* The file that @segment's start plays: its step's <audio>, on the step's first side. */
GFile *
unknot_cue_player_get_step_audio (UnknotSegment *segment)
{
  UnknotStep *step = unknot_segment_get_step (segment);

  if (unknot_segment_get_kind (segment) != UNKNOT_SEGMENT_STEP || step == NULL)
    return NULL;
  if (unknot_step_get_side (step) == UNKNOT_SIDE_EACH &&
      unknot_segment_get_side (segment) != UNKNOT_SIDE_LEFT)
    return NULL;
  return unknot_step_get_audio (step);
}

static GFile *
audio_of_cue (UnknotCueEvent *event)
{
  if (unknot_cue_event_get_kind (event) != UNKNOT_CUE_EVENT_SEGMENT_START)
    return NULL;
  return unknot_cue_player_get_step_audio (unknot_cue_event_get_segment (event));
}

/* Decodes the files that @cues start, and lets go of the others. */
void
unknot_cue_player_prepare_step_audio (UnknotCuePlayer *self,
                                      GPtrArray       *cues)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new ();

  if (self->prompts == NULL)
    return;
  for (guint i = 0; i < cues->len; i++)
    {
      GFile *file = audio_of_cue (g_ptr_array_index (cues, i));

      if (file == NULL)
        continue;
      unknot_prompt_cache_prepare_file (self->prompts, file);
      g_ptr_array_add (files, file);
    }
  unknot_prompt_cache_keep_files (self->prompts, files);
}

static PlacedAudio *
find_placed (UnknotCuePlayer *self,
             UnknotStep      *step)
{
  for (guint i = 0; i < self->step_audio->len; i++)
    {
      PlacedAudio *audio = g_ptr_array_index (self->step_audio, i);

      if (audio->step == step)
        return audio;
    }
  return NULL;
}

/* Whether the instant's prompts, if it has any, were placed: the audio comes after. */
static gboolean
prompts_placed (UnknotCuePlayer      *self,
                UnknotPlannedInstant *instant,
                GPtrArray            *cues,
                guint                 first,
                guint                 last)
{
  if (!self->spoken_prompts || !self->speech_available || instant->spoken_end != 0)
    return TRUE;
  for (guint i = first; i < last; i++)
    {
      g_autofree char *prompt = unknot_spoken_prompt_for_cue (g_ptr_array_index (cues, i));

      if (prompt != NULL)
        return FALSE;
    }
  return TRUE;
}

static void
place (UnknotCuePlayer *self,
       PlacedAudio     *audio,
       gint64           at)
{
  audio->id = unknot_cue_mixer_place (self->mixer, audio->samples, at, UNKNOT_MIX_TRACK_VOICE,
                                      audio->what, &audio->start, &audio->end);
  if (audio->id != 0)
    self->voice_until = MAX (self->voice_until, audio->end);
}

static PlacedAudio *
place_new (UnknotCuePlayer *self,
           UnknotStep      *step,
           GFile           *file,
           GBytes          *samples,
           gint64           instant,
           gint64           at)
{
  PlacedAudio *audio = g_new0 (PlacedAudio, 1);

  audio->step = g_object_ref (step);
  audio->samples = g_bytes_ref (samples);
  audio->what = g_file_get_uri (file);
  audio->instant = instant;
  place (self, audio, at);
  if (audio->id == 0)
    {
      placed_audio_free (audio);
      return NULL;
    }
  g_ptr_array_add (self->step_audio, audio);
  return audio;
}

/* The audio of a step starting at @instant ([@first, @last) of @cues), after its chime
 * and prompts, if its file is ready. */
void
unknot_cue_player_plan_step_audio (UnknotCuePlayer      *self,
                                   UnknotPlannedInstant *instant,
                                   GPtrArray            *cues,
                                   guint                 first,
                                   guint                 last)
{
  for (guint i = first; i < last; i++)
    {
      UnknotCueEvent *event = g_ptr_array_index (cues, i);
      GFile *file = audio_of_cue (event);
      GBytes *samples = file != NULL ? unknot_prompt_cache_lookup_file (self->prompts, file)
                                     : NULL;
      UnknotStep *step = unknot_segment_get_step (unknot_cue_event_get_segment (event));

      if (samples != NULL && find_placed (self, step) == NULL &&
          prompts_placed (self, instant, cues, first, last))
        place_new (self, step, file, samples, instant->at,
                   MAX (MAX (instant->end, instant->spoken_end), self->voice_until));
    }
}

/**
 * unknot_cue_player_place_step_audio_now:
 * @at: monotonic µs after which it may start: the end of what sounds before it
 *
 * The audio of a step started unforeseen (a skip, a step back), from memory if its
 * file was decoded ahead, as soon as the stream allows after @at.
 *
 * Returns: the monotonic µs at which it ends, or 0 if it could not be placed
 */
gint64
unknot_cue_player_place_step_audio_now (UnknotCuePlayer *self,
                                        UnknotSegment   *segment,
                                        gint64           at)
{
  GFile *file = unknot_cue_player_get_step_audio (segment);
  GBytes *samples = file != NULL ? unknot_prompt_cache_lookup_file (self->prompts, file)
                                 : NULL;
  PlacedAudio *audio;

  if (samples == NULL)
    return 0;
  /* Its instant is now: the new timing that comes with the skip must not take it out. */
  audio = place_new (self, unknot_segment_get_step (segment), file, samples,
                     g_get_monotonic_time (), at);
  return audio != NULL ? audio->end : 0;
}

/* Returns: the monotonic µs at which the audio of @segment's step, on the stream
 * already, ends; 0 if it is not there */
gint64
unknot_cue_player_get_step_audio_end (UnknotCuePlayer *self,
                                      UnknotSegment   *segment)
{
  PlacedAudio *audio = find_placed (self, unknot_segment_get_step (segment));

  return audio != NULL && audio->id != 0 ? audio->end : 0;
}

static void
take_out (UnknotCuePlayer *self,
          guint            index)
{
  PlacedAudio *audio = g_ptr_array_index (self->step_audio, index);

  if (audio->id != 0 && self->mixer != NULL)
    unknot_cue_mixer_cancel (self->mixer, audio->id);
  g_ptr_array_remove_index (self->step_audio, index);
}

/* @segment starts: the audio of other steps stops, and what has ended is forgotten. */
void
unknot_cue_player_stop_other_step_audio (UnknotCuePlayer *self,
                                         UnknotSegment   *segment)
{
  UnknotStep *step = unknot_segment_get_step (segment);
  gint64 now = g_get_monotonic_time ();

  for (guint i = self->step_audio->len; i > 0; i--)
    {
      PlacedAudio *audio = g_ptr_array_index (self->step_audio, i - 1);

      if (audio->step != step || (audio->id != 0 && audio->end <= now))
        take_out (self, i - 1);
    }
}

/* New timing: what had not begun, for an instant still to come, goes with that instant
 * (unknot_cue_plan_cancel_after()); it is placed again when the instant is. */
void
unknot_cue_player_replan_step_audio (UnknotCuePlayer *self,
                                     gint64           now)
{
  for (guint i = self->step_audio->len; i > 0; i--)
    {
      PlacedAudio *audio = g_ptr_array_index (self->step_audio, i - 1);

      if (audio->id != 0 && audio->start > now && audio->instant > now)
        take_out (self, i - 1);
    }
}

/* Keeps, of each audio, what the stream has not mixed yet, for the resume. */
void
unknot_cue_player_pause_step_audio (UnknotCuePlayer *self)
{
  for (guint i = self->step_audio->len; i > 0; i--)
    {
      PlacedAudio *audio = g_ptr_array_index (self->step_audio, i - 1);
      gssize mixed = audio->id != 0 && self->mixer != NULL
                     ? unknot_cue_mixer_take_back (self->mixer, audio->id) : -1;
      GBytes *rest;

      if (audio->id == 0)
        continue;
      audio->id = 0;
      if (mixed < 0 || (gsize) mixed >= g_bytes_get_size (audio->samples))
        {
          g_ptr_array_remove_index (self->step_audio, i - 1);
          continue;
        }
      rest = g_bytes_new_from_bytes (audio->samples, mixed,
                                     g_bytes_get_size (audio->samples) - mixed);
      g_bytes_unref (audio->samples);
      audio->samples = rest;
    }
}

/* Places the rest of each paused audio on the running stream, as soon as it and the
 * voice allow.
 * Returns: the monotonic µs at which the last of them ends, or 0 */
gint64
unknot_cue_player_resume_step_audio (UnknotCuePlayer *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 end = 0;

  for (guint i = self->step_audio->len; i > 0; i--)
    {
      PlacedAudio *audio = g_ptr_array_index (self->step_audio, i - 1);

      if (audio->id != 0)
        continue;
      place (self, audio, MAX (now, MAX (self->chime_until, self->voice_until)));
      if (audio->id == 0)
        g_ptr_array_remove_index (self->step_audio, i - 1);
      else
        end = MAX (end, audio->end);
    }
  return end;
}

void
unknot_cue_player_clear_step_audio (UnknotCuePlayer *self)
{
  while (self->step_audio->len > 0)
    take_out (self, self->step_audio->len - 1);
}
