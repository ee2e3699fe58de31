/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "unknot-cue-event.h"
#include "unknot-routine.h"
#include "unknot-segment.h"

G_BEGIN_DECLS

/* A cue that falls inside a segment, as opposed to at its start or end. */
typedef struct
{
  gint64              offset;    /* ms from the segment's start */
  UnknotCueEventKind  kind;      /* STEP_CUE or COUNTDOWN */
  guint               countdown; /* 3, 2 or 1 for COUNTDOWN, else 0 */
  const char         *text;      /* the <cue> text for STEP_CUE, owned by the step */
} UnknotInnerCue;

/* The countdown ticks 3, 2, 1 s before a segment ends. */
#define UNKNOT_TIMELINE_COUNTDOWN_FROM 3

GPtrArray *unknot_timeline_plan       (UnknotRoutine *routine,
                                       gint64         default_prepare,
                                       gint64         default_switch_gap);
GArray    *unknot_timeline_inner_cues (UnknotSegment *segment,
                                       gboolean       countdown_ticks);
void       unknot_timeline_add_time   (GPtrArray     *segments,
                                       guint          index,
                                       gint64         extra);

G_END_DECLS
