/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gst/gst.h>

#include "unknot-sound-pipeline.h"

G_BEGIN_DECLS

/* The one format every sound is decoded to, so that mixing is adding floats. */
#define UNKNOT_MIX_RATE     48000
#define UNKNOT_MIX_CHANNELS 2
#define UNKNOT_MIX_CAPS     "audio/x-raw,format=F32LE,layout=interleaved,rate=48000,channels=2"

/* Which sounds a placed one ducks or is ducked by. */
typedef enum
{
  UNKNOT_MIX_TRACK_CHIME, /* built-in sounds: never ducked */
  UNKNOT_MIX_TRACK_VOICE, /* speech and the steps' audio: quieter while a chime sounds */
} UnknotMixTrack;

#define UNKNOT_TYPE_CUE_MIXER (unknot_cue_mixer_get_type ())
G_DECLARE_FINAL_TYPE (UnknotCueMixer, unknot_cue_mixer, UNKNOT, CUE_MIXER, GObject)

UnknotCueMixer *unknot_cue_mixer_new          (const char     *sink_description,
                                               GError        **error);
gboolean        unknot_cue_mixer_start        (UnknotCueMixer  *self,
                                               GError        **error);
void            unknot_cue_mixer_stop         (UnknotCueMixer  *self);
gboolean        unknot_cue_mixer_is_running   (UnknotCueMixer  *self);
guint           unknot_cue_mixer_place        (UnknotCueMixer  *self,
                                               GBytes          *samples,
                                               gint64           at,
                                               UnknotMixTrack   track,
                                               const char      *what,
                                               gint64          *start,
                                               gint64          *end);
gboolean        unknot_cue_mixer_cancel       (UnknotCueMixer  *self,
                                               guint            id);
gssize          unknot_cue_mixer_take_back    (UnknotCueMixer  *self,
                                               guint            id);
gint64          unknot_cue_mixer_get_earliest (UnknotCueMixer  *self);
gint64          unknot_cue_mixer_get_started  (UnknotCueMixer  *self);
gboolean        unknot_cue_mixer_is_stalled   (UnknotCueMixer  *self,
                                               gint64           tolerance);
void            unknot_cue_mixer_set_volume   (UnknotCueMixer  *self,
                                               double           volume);
GstElement     *unknot_cue_mixer_get_pipeline (UnknotCueMixer  *self);
UnknotSoundPipeline *unknot_cue_mixer_get_output (UnknotCueMixer *self);

G_END_DECLS
