/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "unknot-step.h"

G_BEGIN_DECLS

typedef enum
{
  UNKNOT_SEGMENT_PREPARE, /* the get-ready countdown before the first step */
  UNKNOT_SEGMENT_STEP,    /* a step, or one side of a side="each" step */
  UNKNOT_SEGMENT_SWITCH,  /* the gap between the two sides of a side="each" step */
  UNKNOT_SEGMENT_REST,
} UnknotSegmentKind;

#define UNKNOT_TYPE_SEGMENT_KIND (unknot_segment_kind_get_type ())
GType unknot_segment_kind_get_type (void) G_GNUC_CONST;

#define UNKNOT_TYPE_SEGMENT (unknot_segment_get_type ())
G_DECLARE_FINAL_TYPE (UnknotSegment, unknot_segment, UNKNOT, SEGMENT, GObject)

UnknotSegment     *unknot_segment_new             (UnknotSegmentKind  kind,
                                                   UnknotStep        *step,
                                                   UnknotSide         side,
                                                   guint              step_number,
                                                   gint64             start,
                                                   gint64             duration);
UnknotSegment     *unknot_segment_new_retimed     (UnknotSegment     *self,
                                                   gint64             start,
                                                   gint64             duration);

UnknotSegmentKind  unknot_segment_get_kind        (UnknotSegment     *self);
UnknotStep        *unknot_segment_get_step        (UnknotSegment     *self);
UnknotSide         unknot_segment_get_side        (UnknotSegment     *self);
guint              unknot_segment_get_step_number (UnknotSegment     *self);
gint64             unknot_segment_get_start       (UnknotSegment     *self);
gint64             unknot_segment_get_duration    (UnknotSegment     *self);
gint64             unknot_segment_get_end         (UnknotSegment     *self);
gboolean           unknot_segment_is_first_side   (UnknotSegment     *self);
gboolean           unknot_segment_ends_step       (UnknotSegment     *self);
char              *unknot_segment_describe        (UnknotSegment     *self);

G_END_DECLS
