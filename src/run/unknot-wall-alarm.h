/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_WALL_ALARM (unknot_wall_alarm_get_type ())
G_DECLARE_FINAL_TYPE (UnknotWallAlarm, unknot_wall_alarm, UNKNOT, WALL_ALARM, GObject)

UnknotWallAlarm *unknot_wall_alarm_new (void);
GDateTime       *unknot_wall_alarm_now (UnknotWallAlarm *self);
void             unknot_wall_alarm_set (UnknotWallAlarm *self,
                                        GDateTime       *when);
void             unknot_wall_alarm_jump (UnknotWallAlarm *self,
                                         gint64           usec);

G_END_DECLS
