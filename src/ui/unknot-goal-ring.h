/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_GOAL_RING (unknot_goal_ring_get_type ())
G_DECLARE_FINAL_TYPE (UnknotGoalRing, unknot_goal_ring, UNKNOT, GOAL_RING, GtkWidget)

GtkWidget  *unknot_goal_ring_new          (void);
void        unknot_goal_ring_set_progress (UnknotGoalRing *self,
                                           guint           sessions,
                                           guint           goal);
guint       unknot_goal_ring_get_sessions (UnknotGoalRing *self);
guint       unknot_goal_ring_get_goal     (UnknotGoalRing *self);
const char *unknot_goal_ring_get_text     (UnknotGoalRing *self);

G_END_DECLS
