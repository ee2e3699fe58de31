/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_PLAYHEAD (unknot_playhead_get_type ())
G_DECLARE_FINAL_TYPE (UnknotPlayhead, unknot_playhead, UNKNOT, PLAYHEAD, GObject)

UnknotPlayhead *unknot_playhead_new           (void);
gboolean        unknot_playhead_is_moving     (UnknotPlayhead *self);
gint64          unknot_playhead_get_position  (UnknotPlayhead *self,
                                               gint64          now);
gint64          unknot_playhead_get_active    (UnknotPlayhead *self,
                                               gint64          now);
gint64          unknot_playhead_get_wall_time (UnknotPlayhead *self,
                                               gint64          position);
void            unknot_playhead_move          (UnknotPlayhead *self,
                                               gint64          now);
void            unknot_playhead_hold          (UnknotPlayhead *self,
                                               gint64          now);
void            unknot_playhead_seek          (UnknotPlayhead *self,
                                               gint64          now,
                                               gint64          position);
void            unknot_playhead_rest_at       (UnknotPlayhead *self,
                                               gint64          position,
                                               gint64          active);
double          unknot_playhead_get_speed     (UnknotPlayhead *self);
void            unknot_playhead_set_speed     (UnknotPlayhead *self,
                                               gint64          now,
                                               double          speed);

G_END_DECLS
