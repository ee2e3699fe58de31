/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-history.h"
#include "unknot-library.h"
#include "unknot-wall-alarm.h"

G_BEGIN_DECLS

/* The app action a reminder's "Later" button activates; "Start" activates
 * "app.show-routine" with the routine's id, which the application defines. */
#define UNKNOT_REMINDERS_SNOOZE_ACTION "reminder-later"
#define UNKNOT_REMINDERS_SHOW_ACTION   "show-routine"
#define UNKNOT_REMINDERS_NOTIFICATION  "reminder"

#define UNKNOT_TYPE_REMINDERS (unknot_reminders_get_type ())
G_DECLARE_FINAL_TYPE (UnknotReminders, unknot_reminders, UNKNOT, REMINDERS, GObject)

UnknotReminders *unknot_reminders_new         (GApplication    *application,
                                               GSettings       *settings,
                                               UnknotLibrary   *library,
                                               UnknotHistory   *history);
void             unknot_reminders_update      (UnknotReminders *self);
void             unknot_reminders_snooze      (UnknotReminders *self);
gboolean         unknot_reminders_get_enabled (UnknotReminders *self);
UnknotWallAlarm *unknot_reminders_get_alarm   (UnknotReminders *self);

G_END_DECLS
