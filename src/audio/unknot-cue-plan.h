/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-cue-mixer.h"

G_BEGIN_DECLS

/* The chimes placed ahead, one entry per instant of the routine. */
typedef struct _UnknotCuePlan UnknotCuePlan;

#define UNKNOT_PLAN_MAX_SOUNDS 8

typedef struct
{
  gint64 at;         /* monotonic µs at which the instant falls */
  gint64 end;        /* monotonic µs at which its chime ends; @at without one */
  guint id;          /* the chime in the mixer, or 0 for an instant without one */
  gint64 spoken_end; /* monotonic µs at which its prompts end, or 0 if not placed */
  guint n_prompts;
  guint prompts[UNKNOT_PLAN_MAX_SOUNDS]; /* the prompts in the mixer */
} UnknotPlannedInstant;

UnknotCuePlan        *unknot_cue_plan_new           (void);
void                  unknot_cue_plan_free          (UnknotCuePlan  *self);
UnknotPlannedInstant *unknot_cue_plan_lookup        (UnknotCuePlan  *self,
                                                     gint64          position);
UnknotPlannedInstant *unknot_cue_plan_add           (UnknotCuePlan  *self,
                                                     gint64          position,
                                                     gint64          at,
                                                     gint64          end,
                                                     guint           id);
void                  unknot_cue_plan_remove        (UnknotCuePlan  *self,
                                                     gint64          position);
void                  unknot_cue_plan_cancel_after  (UnknotCuePlan  *self,
                                                     UnknotCueMixer *mixer,
                                                     gint64          now);
void                  unknot_cue_plan_forget_before (UnknotCuePlan  *self,
                                                     gint64          before);
void                  unknot_cue_plan_clear         (UnknotCuePlan  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotCuePlan, unknot_cue_plan_free)

G_END_DECLS
