/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "unknot-segment.h"

G_BEGIN_DECLS

/* What a session announces; the cue player gives each its sound. */
typedef enum
{
  UNKNOT_CUE_EVENT_SEGMENT_START,    /* any segment starts */
  UNKNOT_CUE_EVENT_COUNTDOWN,        /* 3, 2, 1 s before a prepare, step or rest ends */
  UNKNOT_CUE_EVENT_SWITCH_SIDES,     /* the left side of a side="each" step ends */
  UNKNOT_CUE_EVENT_STEP_CUE,         /* a <cue at> of the step, on each side */
  UNKNOT_CUE_EVENT_STEP_END,         /* the last side of a step ends */
  UNKNOT_CUE_EVENT_ROUTINE_COMPLETE, /* the last segment ended */
} UnknotCueEventKind;

#define UNKNOT_TYPE_CUE_EVENT_KIND (unknot_cue_event_kind_get_type ())
GType unknot_cue_event_kind_get_type (void) G_GNUC_CONST;

#define UNKNOT_TYPE_CUE_EVENT (unknot_cue_event_get_type ())

typedef struct _UnknotCueEvent UnknotCueEvent;

GType               unknot_cue_event_get_type      (void) G_GNUC_CONST;
UnknotCueEvent     *unknot_cue_event_new           (UnknotCueEventKind  kind,
                                                    UnknotSegment      *segment,
                                                    gint64              offset,
                                                    guint               countdown,
                                                    const char         *text);
UnknotCueEvent     *unknot_cue_event_ref           (UnknotCueEvent     *self);
void                unknot_cue_event_unref         (UnknotCueEvent     *self);
UnknotCueEventKind  unknot_cue_event_get_kind      (UnknotCueEvent     *self);
UnknotSegment      *unknot_cue_event_get_segment   (UnknotCueEvent     *self);
gint64              unknot_cue_event_get_offset    (UnknotCueEvent     *self);
guint               unknot_cue_event_get_countdown (UnknotCueEvent     *self);
const char         *unknot_cue_event_get_text      (UnknotCueEvent     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotCueEvent, unknot_cue_event_unref)

G_END_DECLS
