/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "unknot-audio-error.h"
#include "unknot-session.h"

G_BEGIN_DECLS

/* No GStreamer types here: the UI includes this header, and only src/audio/ may include
 * GStreamer. */

#define UNKNOT_TYPE_CUE_PLAYER (unknot_cue_player_get_type ())
G_DECLARE_FINAL_TYPE (UnknotCuePlayer, unknot_cue_player, UNKNOT, CUE_PLAYER, GObject)

UnknotCuePlayer *unknot_cue_player_new                  (void);

UnknotSession   *unknot_cue_player_get_session          (UnknotCuePlayer *self);
void             unknot_cue_player_start_session        (UnknotCuePlayer *self,
                                                         UnknotSession   *session,
                                                         guint            segment);
void             unknot_cue_player_prepare_routine      (UnknotCuePlayer *self,
                                                         UnknotRoutine   *routine);
void             unknot_cue_player_set_session          (UnknotCuePlayer *self,
                                                         UnknotSession   *session);
double           unknot_cue_player_get_volume           (UnknotCuePlayer *self);
void             unknot_cue_player_set_volume           (UnknotCuePlayer *self,
                                                         double           volume);
gboolean         unknot_cue_player_get_spoken_prompts   (UnknotCuePlayer *self);
void             unknot_cue_player_set_spoken_prompts   (UnknotCuePlayer *self,
                                                         gboolean         spoken_prompts);
gboolean         unknot_cue_player_get_countdown_ticks  (UnknotCuePlayer *self);
void             unknot_cue_player_set_countdown_ticks  (UnknotCuePlayer *self,
                                                         gboolean         countdown_ticks);
const char      *unknot_cue_player_get_sink             (UnknotCuePlayer *self);
void             unknot_cue_player_set_sink             (UnknotCuePlayer *self,
                                                         const char      *sink);
gboolean         unknot_cue_player_get_audio_available  (UnknotCuePlayer *self);
gboolean         unknot_cue_player_get_speech_available (UnknotCuePlayer *self);
gboolean         unknot_cue_player_get_playing          (UnknotCuePlayer *self);

G_END_DECLS
