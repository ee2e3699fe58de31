/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_SOUND_PIPELINE (unknot_sound_pipeline_get_type ())
G_DECLARE_FINAL_TYPE (UnknotSoundPipeline, unknot_sound_pipeline, UNKNOT, SOUND_PIPELINE, GObject)

UnknotSoundPipeline *unknot_sound_pipeline_new          (const char           *sink_description,
                                                         GError              **error);
void                 unknot_sound_pipeline_set_source   (UnknotSoundPipeline  *self,
                                                         GstElement           *source);
gboolean             unknot_sound_pipeline_preroll      (UnknotSoundPipeline  *self,
                                                         GError              **error);
void                 unknot_sound_pipeline_play         (UnknotSoundPipeline  *self,
                                                         const char           *what);
gboolean             unknot_sound_pipeline_replay       (UnknotSoundPipeline  *self,
                                                         const char           *what);
void                 unknot_sound_pipeline_pause        (UnknotSoundPipeline  *self);
void                 unknot_sound_pipeline_resume       (UnknotSoundPipeline  *self);
void                 unknot_sound_pipeline_stop         (UnknotSoundPipeline  *self);
void                 unknot_sound_pipeline_close        (UnknotSoundPipeline  *self);
gboolean             unknot_sound_pipeline_reopen       (UnknotSoundPipeline  *self,
                                                         GError              **error);
double               unknot_sound_pipeline_get_volume   (UnknotSoundPipeline  *self);
void                 unknot_sound_pipeline_set_volume   (UnknotSoundPipeline  *self,
                                                         double                volume);
GstElement          *unknot_sound_pipeline_get_pipeline (UnknotSoundPipeline  *self);

G_END_DECLS
