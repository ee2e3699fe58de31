/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-routine.h"
#include "unknot-step.h"

G_BEGIN_DECLS

/* Where the body is during a step, as far as its words say. */
typedef enum
{
  POSITION_UNSAID,  /* the words do not say */
  POSITION_FLOOR,   /* sitting, lying or kneeling on the floor */
  POSITION_UP,      /* standing, or sitting on a chair or a seat */
} Position;

const char *technique_lint      (UnknotTechnique technique,
                                 const char     *instructions);
Position    position_of_text    (const char     *text);
Position    position_of_step    (UnknotStep     *step);
gboolean    needs_turning_time  (UnknotStep     *step);
gint64      switch_gap_of       (UnknotStep     *step);

G_END_DECLS
