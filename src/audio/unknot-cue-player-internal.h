/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-cue-mixer.h"
#include "unknot-cue-plan.h"
#include "unknot-cue-player.h"
#include "unknot-cue-sound.h"
#include "unknot-prompt-cache.h"
#include "unknot-voice.h"

G_BEGIN_DECLS

/* UnknotCuePlayer is one class over five files, each small enough to read at once:
 * unknot-cue-player.c holds the object, its state and its API; unknot-cue-player-output.c
 * builds the output, rests it through quiet stretches and follows it going and coming
 * back; unknot-cue-player-cues.c places the cues' sounds ahead and as they come;
 * unknot-cue-player-audio.c does the same for the steps' own audio files;
 * unknot-cue-player-start.c starts a session so that its first sounds are heard on
 * time. Only those five include this. */

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

  gboolean built;          /* the output was built for this sink, or found wanting */
  GBytes *sounds[UNKNOT_N_CUE_SOUNDS]; /* decoded; NULL where a sound did not load */
  UnknotCueMixer *mixer;   /* the run's stream; NULL without output */
  UnknotVoice *voice;      /* NULL without output */
  UnknotPromptCache *prompts; /* prompts and steps' audio made ready; NULL without output */
  gint64 voice_until;      /* monotonic µs at which the last prompt placed ends */
  UnknotCuePlan *plan;     /* the chimes placed ahead */
  gint64 chime_until;      /* monotonic µs at which the last chime placed ends */
  GPtrArray *step_audio;   /* the steps' audio files on the stream, or paused */
  gboolean output_lost;    /* the output went away mid-run; tried again until back */
  gboolean resting;        /* the stream is closed through a long quiet stretch */
  guint plan_id;           /* the timeout that places what is due within PLAN_AHEAD */
  guint quiet_id;          /* at the end of the latest chime */
  guint close_id;          /* closes the stream after the end or a long pause */
  guint retry_id;          /* tries to open a lost output again */
};

#define CLOSE_AFTER_MS   1000  /* the stream stays open so long after the end */
#define CLOSE_PAUSED_MS  30000 /* and so long into a pause */

/* unknot-cue-player.c */
void unknot_cue_player_update_playing          (UnknotCuePlayer *self);
void unknot_cue_player_update_speech_available (UnknotCuePlayer *self);
void unknot_cue_player_set_audio_available     (UnknotCuePlayer *self,
                                                gboolean         available);
void unknot_cue_player_emit_audio_unavailable  (UnknotCuePlayer *self,
                                                const GError    *error);
void unknot_cue_player_mark_unavailable        (UnknotCuePlayer *self,
                                                const GError    *error);
void unknot_cue_player_on_played               (GObject         *source,
                                                const char      *what,
                                                gint64           time,
                                                UnknotCuePlayer *self);

/* unknot-cue-player-output.c */
void unknot_cue_player_build              (UnknotCuePlayer *self);
void unknot_cue_player_open_stream        (UnknotCuePlayer *self);
void unknot_cue_player_ensure_prompts     (UnknotCuePlayer *self);
void unknot_cue_player_close_stream_later (UnknotCuePlayer *self,
                                           guint            after_ms);
void unknot_cue_player_check_output       (UnknotCuePlayer *self);
void unknot_cue_player_rest_or_wake       (UnknotCuePlayer *self);
void unknot_cue_player_wake               (UnknotCuePlayer *self);

/* unknot-cue-player-cues.c */
void unknot_cue_player_plan_ahead        (UnknotCuePlayer *self);
gboolean unknot_cue_player_cue_within    (UnknotCuePlayer *self,
                                          guint            ms);
void unknot_cue_player_follow_clock      (UnknotCuePlayer *self);
void unknot_cue_player_on_cue            (UnknotSession   *session,
                                          UnknotCueEvent  *event,
                                          UnknotCuePlayer *self);
void unknot_cue_player_on_session_state  (UnknotSession   *session,
                                          GParamSpec      *pspec,
                                          UnknotCuePlayer *self);
void unknot_cue_player_on_session_timing (UnknotSession   *session,
                                          GParamSpec      *pspec,
                                          UnknotCuePlayer *self);

/* unknot-cue-player-audio.c */
void    unknot_cue_player_init_step_audio       (UnknotCuePlayer      *self);
GFile  *unknot_cue_player_get_step_audio        (UnknotSegment        *segment);
void    unknot_cue_player_prepare_step_audio    (UnknotCuePlayer      *self,
                                                 GPtrArray            *cues);
void    unknot_cue_player_plan_step_audio       (UnknotCuePlayer      *self,
                                                 UnknotPlannedInstant *instant,
                                                 GPtrArray            *cues,
                                                 guint                 first,
                                                 guint                 last);
gint64  unknot_cue_player_get_step_audio_end    (UnknotCuePlayer      *self,
                                                 UnknotSegment        *segment);
gint64  unknot_cue_player_place_step_audio_now  (UnknotCuePlayer      *self,
                                                 UnknotSegment        *segment,
                                                 gint64                at);
void    unknot_cue_player_stop_other_step_audio (UnknotCuePlayer      *self,
                                                 UnknotSegment        *segment);
void    unknot_cue_player_replan_step_audio     (UnknotCuePlayer      *self,
                                                 gint64                now);
void    unknot_cue_player_pause_step_audio      (UnknotCuePlayer      *self);
gint64  unknot_cue_player_resume_step_audio     (UnknotCuePlayer      *self);
void    unknot_cue_player_clear_step_audio      (UnknotCuePlayer      *self);

G_END_DECLS
