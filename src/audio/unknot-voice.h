/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-segment.h"
#include "unknot-sound-pipeline.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_VOICE (unknot_voice_get_type ())
G_DECLARE_FINAL_TYPE (UnknotVoice, unknot_voice, UNKNOT, VOICE, GObject)

UnknotVoice         *unknot_voice_new          (const char     *sink_description,
                                                const char     *speech_voice,
                                                GError        **error);
void                 unknot_voice_say          (UnknotVoice    *self,
                                                const char     *text,
                                                UnknotSegment  *segment);
void                 unknot_voice_play_file    (UnknotVoice    *self,
                                                GFile          *file,
                                                UnknotSegment  *segment);
void                 unknot_voice_forget_until (UnknotVoice    *self,
                                                UnknotSegment  *segment);
void                 unknot_voice_clear        (UnknotVoice    *self);
void                 unknot_voice_set_held     (UnknotVoice    *self,
                                                gboolean        held);
void                 unknot_voice_set_paused   (UnknotVoice    *self,
                                                gboolean        paused);
void                 unknot_voice_set_volume   (UnknotVoice    *self,
                                                double          volume);
gboolean             unknot_voice_get_busy     (UnknotVoice    *self);
UnknotSoundPipeline *unknot_voice_get_pipeline (UnknotVoice    *self);

G_END_DECLS
