/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "unknot-cue-event.h"
#include "unknot-segment.h"

G_BEGIN_DECLS

/* UnknotSession's properties, by id: what changed, for the emitter to notify. */
typedef enum
{
  UNKNOT_SESSION_PROP_0,
  UNKNOT_SESSION_PROP_ROUTINE,
  UNKNOT_SESSION_PROP_CLOCK,
  UNKNOT_SESSION_PROP_STATE,
  UNKNOT_SESSION_PROP_SEGMENT,
  UNKNOT_SESSION_PROP_SEGMENT_INDEX,
  UNKNOT_SESSION_PROP_N_SEGMENTS,
  UNKNOT_SESSION_PROP_REMAINING,
  UNKNOT_SESSION_PROP_ELAPSED,
  UNKNOT_SESSION_PROP_PROGRESS,
  UNKNOT_SESSION_PROP_SPEED,
  UNKNOT_SESSION_PROP_COUNTDOWN_TICKS,
  UNKNOT_SESSION_PROP_DEFAULT_PREPARE,
  UNKNOT_SESSION_PROP_DEFAULT_SWITCH_GAP,
  UNKNOT_SESSION_N_PROPS
} UnknotSessionProp;

/* Holds UnknotSession's signals and property notifications until an operation is
 * complete, then emits them in order. Internal to src/session/. */
typedef struct _UnknotSessionEmitter UnknotSessionEmitter;

UnknotSessionEmitter *unknot_session_emitter_new            (GObject               *owner,
                                                             guint                  cue_signal,
                                                             guint                  finished_signal,
                                                             GParamSpec           **properties,
                                                             guint                  n_properties);
void                  unknot_session_emitter_free           (UnknotSessionEmitter  *self);
void                  unknot_session_emitter_clear          (UnknotSessionEmitter  *self);
void                  unknot_session_emitter_queue_cue      (UnknotSessionEmitter  *self,
                                                             UnknotCueEvent        *cue);
void                  unknot_session_emitter_queue_finished (UnknotSessionEmitter  *self,
                                                             UnknotSegment         *segment,
                                                             gint64                 active_ms,
                                                             gboolean               completed);
void                  unknot_session_emitter_mark_dirty     (UnknotSessionEmitter  *self,
                                                             guint                  prop_id);
void                  unknot_session_emitter_forget_dirty   (UnknotSessionEmitter  *self);
void                  unknot_session_emitter_emit           (UnknotSessionEmitter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotSessionEmitter, unknot_session_emitter_free)

G_END_DECLS
