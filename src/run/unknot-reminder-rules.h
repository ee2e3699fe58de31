/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* When a reminder is due, as plain functions of the settings, what has happened and
 * "now": no clock is read here, so tests can set any time in any time zone. */

/* A reminder missed while the computer slept or the service was not running still comes
 * this long after its time, not later: an evening reminder at breakfast helps nobody. */
#define UNKNOT_REMINDER_GRACE  (2 * G_TIME_SPAN_HOUR)
#define UNKNOT_REMINDER_SNOOZE (G_TIME_SPAN_HOUR)
/* A session still "in progress" this long after its start was left behind, not running. */
#define UNKNOT_REMINDER_RUN_LIMIT (4 * G_TIME_SPAN_HOUR)

typedef enum
{
  UNKNOT_REMINDER_OFF,      /* no days chosen and nothing snoozed */
  UNKNOT_REMINDER_WAIT,     /* nothing due yet */
  UNKNOT_REMINDER_REMIND,   /* due: send it */
  UNKNOT_REMINDER_GOAL_MET, /* due, but the week's goal is met */
  UNKNOT_REMINDER_RUNNING,  /* due, but a routine is running */
} UnknotReminderVerdict;

typedef struct
{
  guint8     days;          /* bit 0 Monday … bit 6 Sunday */
  int        hour;
  int        minute;
  GDate      last_day;      /* the local day of the last reminder handled; may be cleared */
  GDateTime *snoozed_until; /* nullable */
  guint      done;          /* sessions this week */
  guint      goal;
  gboolean   running;
} UnknotReminderState;

guint8                 unknot_reminder_days_from_strv (const char * const        *days);
gboolean               unknot_reminder_parse_time     (const char                *text,
                                                       int                       *hour,
                                                       int                       *minute);
GDateTime             *unknot_reminder_next_time      (const UnknotReminderState *state,
                                                       GDateTime                 *now);
GDateTime             *unknot_reminder_next_wake      (const UnknotReminderState *state,
                                                       GDateTime                 *now);
UnknotReminderVerdict  unknot_reminder_decide         (const UnknotReminderState *state,
                                                       GDateTime                 *now);
char                  *unknot_reminder_describe       (guint                      done,
                                                       guint                      goal,
                                                       const char                *routine_name,
                                                       gint64                     duration_ms);

G_END_DECLS
