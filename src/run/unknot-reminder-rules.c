/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-reminder-rules.h"

static const char *const day_names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

/* The GSettings key "reminder-days" as a set of weekdays; unknown names are ignored. */
guint8
unknot_reminder_days_from_strv (const char * const *days)
{
  guint8 set = 0;

  for (guint i = 0; days != NULL && days[i] != NULL; i++)
    for (guint d = 0; d < G_N_ELEMENTS (day_names); d++)
      if (g_str_equal (days[i], day_names[d]))
        set |= 1 << d;
  return set;
}

/* "HH:MM", 00:00 to 23:59. */
gboolean
unknot_reminder_parse_time (const char *text,
                            int        *hour,
                            int        *minute)
{
  guint64 h, m;
  char *end = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_ascii_isdigit (text[0]))
    return FALSE;
  h = g_ascii_strtoull (text, &end, 10);
  if (*end != ':' || !g_ascii_isdigit (end[1]) || end - text > 2)
    return FALSE;
  text = end + 1;
  m = g_ascii_strtoull (text, &end, 10);
  if (*end != '\0' || end - text != 2 || h > 23 || m > 59)
    return FALSE;
  *hour = (int) h;
  *minute = (int) m;
  return TRUE;
}

static gboolean
is_last_day (const UnknotReminderState *state,
             GDateTime                 *day)
{
  GDate date;

  if (!g_date_valid (&state->last_day))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
  return g_date_compare (&date, &state->last_day) <= 0;
}

/* The reminder time on the day of @day, in its time zone. Built from the calendar date,
 * not by adding hours, so a day of 23 or 25 hours keeps the time; a time that does not
 * exist that day (the hour skipped in spring) becomes the first that does. */
static GDateTime *
time_on_day (const UnknotReminderState *state,
             GDateTime                 *day)
{
  return g_date_time_new (g_date_time_get_timezone (day), g_date_time_get_year (day),
                          g_date_time_get_month (day), g_date_time_get_day_of_month (day),
                          state->hour, state->minute, 0);
}

/* Returns: (transfer full) (nullable): the scheduled reminder to look out for: the
 * earliest on a chosen day after the last one handled that is not more than
 * UNKNOT_REMINDER_GRACE past. It may lie before @now: then it is due. */
GDateTime *
unknot_reminder_next_time (const UnknotReminderState *state,
                           GDateTime                 *now)
{
  g_autoptr (GDateTime) earliest = g_date_time_add (now, -UNKNOT_REMINDER_GRACE);

  g_return_val_if_fail (state != NULL && now != NULL, NULL);

  if (state->days == 0)
    return NULL;
  /* From yesterday: a late reminder's grace may reach past midnight. */
  for (int offset = -1; offset <= 8; offset++)
    {
      g_autoptr (GDateTime) day = g_date_time_add_days (now, offset);
      g_autoptr (GDateTime) at = NULL;
      int weekday = g_date_time_get_day_of_week (day) - 1;

      if ((state->days & (1 << weekday)) == 0 || is_last_day (state, day))
        continue;
      at = time_on_day (state, day);
      if (at != NULL && g_date_time_compare (at, earliest) >= 0)
        return g_steal_pointer (&at);
    }
  return NULL;
}

/* Returns: (transfer full) (nullable): when to look again: the next reminder or the end
 * of a snooze, whichever comes first. */
GDateTime *
unknot_reminder_next_wake (const UnknotReminderState *state,
                           GDateTime                 *now)
{
  GDateTime *next = unknot_reminder_next_time (state, now);

  if (state->snoozed_until != NULL
      && (next == NULL || g_date_time_compare (state->snoozed_until, next) < 0))
    {
      g_clear_pointer (&next, g_date_time_unref);
      next = g_date_time_ref (state->snoozed_until);
    }
  return next;
}

/* What to do at @now. A due reminder that is not sent (goal met, routine running) is
 * handled all the same: the caller marks the day, so it does not come later that day. */
UnknotReminderVerdict
unknot_reminder_decide (const UnknotReminderState *state,
                        GDateTime                 *now)
{
  g_autoptr (GDateTime) wake = unknot_reminder_next_wake (state, now);

  g_return_val_if_fail (state != NULL && now != NULL, UNKNOT_REMINDER_OFF);

  if (wake == NULL)
    return UNKNOT_REMINDER_OFF;
  if (g_date_time_compare (wake, now) > 0)
    return UNKNOT_REMINDER_WAIT;
  if (state->goal > 0 && state->done >= state->goal)
    return UNKNOT_REMINDER_GOAL_MET;
  if (state->running)
    return UNKNOT_REMINDER_RUNNING;
  return UNKNOT_REMINDER_REMIND;
}

/* The notification's text: "1 of 2 this week — Calves and Achilles takes 8 minutes". */
char *
unknot_reminder_describe (guint       done,
                          guint       goal,
                          const char *routine_name,
                          gint64      duration_ms)
{
  guint minutes = (guint) MAX (1, (duration_ms + 59999) / 60000);

  g_return_val_if_fail (routine_name != NULL, NULL);

  /* Translators: what a reminder says. The first two numbers are the sessions done this
   * week and the weekly goal, %s the name of a routine and the last number its length */
  return g_strdup_printf (ngettext ("%u of %u this week — %s takes %u minute",
                                    "%u of %u this week — %s takes %u minutes", minutes),
                          done, goal, routine_name, minutes);
}
