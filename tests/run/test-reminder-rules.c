/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "history-test-utils.h"
#include "unknot-history-session.h"
#include "unknot-reminder-due.h"
#include "unknot-reminder-rules.h"
#include "unknot-test-utils.h"

/* When a reminder comes, decided on a table of cases: each gives "now" as the clock
 * would (a time in a time zone, so the clock can be set anywhere: before, at and after
 * the reminder, across a change of summer time, after the clock jumped back or the
 * computer moved to another zone), the settings and what happened, and says what must
 * be done and when to look again. */

#define MON (1 << 0)
#define WED (1 << 2)
#define THU (1 << 3)
#define SUN (1 << 6)

typedef struct
{
  const char *name;
  const char *zone;
  const char *now;            /* ISO 8601 with its offset */
  guint8 days;
  const char *time;
  const char *last_day;       /* YYYY-MM-DD or NULL */
  const char *snoozed_until;  /* ISO 8601 or NULL */
  guint done;
  guint goal;
  gboolean running;
  UnknotReminderVerdict verdict;
  const char *wake;           /* ISO 8601 in the zone, or NULL */
} Case;

/* 2026-12-02 is a Wednesday. In Berlin summer time began on 2026-03-29 at 02:00 and
 * ended on 2026-10-25 at 03:00. */
static const Case cases[] = {
  { "off", "Europe/Berlin", "2026-12-02T17:00:00+01:00", 0, "18:00", NULL, NULL, 0, 2, FALSE,
    UNKNOT_REMINDER_OFF, NULL },
  { "before", "Europe/Berlin", "2026-12-02T17:59:59+01:00", WED, "18:00", NULL, NULL, 0, 2, FALSE,
    UNKNOT_REMINDER_WAIT, "2026-12-02T18:00:00+01" },
  { "at-the-time", "Europe/Berlin", "2026-12-02T18:00:00+01:00", WED, "18:00", NULL, NULL, 1, 2,
    FALSE, UNKNOT_REMINDER_REMIND, "2026-12-02T18:00:00+01" },
  { "after-waking-within-grace", "Europe/Berlin", "2026-12-02T19:59:00+01:00", WED, "18:00", NULL,
    NULL, 0, 2, FALSE, UNKNOT_REMINDER_REMIND, "2026-12-02T18:00:00+01" },
  { "clock-jumped-past-grace", "Europe/Berlin", "2026-12-02T20:01:00+01:00", WED, "18:00", NULL,
    NULL, 0, 2, FALSE, UNKNOT_REMINDER_WAIT, "2026-12-09T18:00:00+01" },
  { "once-a-day", "Europe/Berlin", "2026-12-02T18:00:01+01:00", WED, "18:00", "2026-12-02", NULL,
    0, 2, FALSE, UNKNOT_REMINDER_WAIT, "2026-12-09T18:00:00+01" },
  { "clock-jumped-back", "Europe/Berlin", "2026-12-02T09:00:00+01:00", WED, "18:00", "2026-12-02",
    NULL, 0, 2, FALSE, UNKNOT_REMINDER_WAIT, "2026-12-09T18:00:00+01" },
  { "goal-met", "Europe/Berlin", "2026-12-02T18:00:00+01:00", WED, "18:00", NULL, NULL, 2, 2, FALSE,
    UNKNOT_REMINDER_GOAL_MET, "2026-12-02T18:00:00+01" },
  { "routine-running", "Europe/Berlin", "2026-12-02T18:00:00+01:00", WED, "18:00", NULL, NULL, 0, 2,
    TRUE, UNKNOT_REMINDER_RUNNING, "2026-12-02T18:00:00+01" },
  { "snoozed", "Europe/Berlin", "2026-12-02T18:30:00+01:00", WED, "18:00", "2026-12-02",
    "2026-12-02T19:00:00+01:00", 0, 2, FALSE, UNKNOT_REMINDER_WAIT, "2026-12-02T19:00:00+01" },
  { "snooze-over", "Europe/Berlin", "2026-12-02T19:00:00+01:00", WED, "18:00", "2026-12-02",
    "2026-12-02T19:00:00+01:00", 0, 2, FALSE, UNKNOT_REMINDER_REMIND, "2026-12-02T19:00:00+01" },
  { "snoozed-goal-met-meanwhile", "Europe/Berlin", "2026-12-02T19:00:00+01:00", WED, "18:00",
    "2026-12-02", "2026-12-02T19:00:00+01:00", 2, 2, FALSE, UNKNOT_REMINDER_GOAL_MET,
    "2026-12-02T19:00:00+01" },
  { "next-chosen-weekday", "Europe/Berlin", "2026-12-02T18:30:00+01:00", MON, "07:15", NULL, NULL,
    0, 2, FALSE, UNKNOT_REMINDER_WAIT, "2026-12-07T07:15:00+01" },
  { "late-reminder-past-midnight", "Europe/Berlin", "2026-12-03T00:30:00+01:00", WED, "23:30",
    NULL, NULL, 0, 2, FALSE, UNKNOT_REMINDER_REMIND, "2026-12-02T23:30:00+01" },
  { "spring-hour-skipped", "Europe/Berlin", "2026-03-29T01:00:00+01:00", SUN, "02:30", NULL, NULL,
    0, 2, FALSE, UNKNOT_REMINDER_WAIT, "2026-03-29T03:00:00+02" },
  { "autumn-long-day", "Europe/Berlin", "2026-10-24T20:00:00+02:00", SUN, "18:00", NULL, NULL, 0,
    2, FALSE, UNKNOT_REMINDER_WAIT, "2026-10-25T18:00:00+01" },
  { "moved-west-after-reminder", "America/New_York", "2026-12-02T13:00:00-05:00", WED | THU,
    "18:00", "2026-12-02", NULL, 0, 2, FALSE, UNKNOT_REMINDER_WAIT, "2026-12-03T18:00:00-05" },
  { "moved-east-into-tomorrow", "Asia/Tokyo", "2026-12-03T02:00:00+09:00", WED | THU, "18:00",
    "2026-12-02", NULL, 0, 2, FALSE, UNKNOT_REMINDER_WAIT, "2026-12-03T18:00:00+09" },
};

static GDateTime *
parse_in_zone (const char *iso,
               GTimeZone  *zone)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return g_date_time_to_timezone (time, zone);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier (c->zone);
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) snoozed = NULL;
  g_autoptr (GDateTime) wake = NULL;
  UnknotReminderState state = { 0 };

  g_assert_nonnull (zone);
  now = parse_in_zone (c->now, zone);
  state.days = c->days;
  g_assert_true (unknot_reminder_parse_time (c->time, &state.hour, &state.minute));
  g_date_clear (&state.last_day, 1);
  if (c->last_day != NULL)
    g_date_set_parse (&state.last_day, c->last_day);
  if (c->snoozed_until != NULL)
    snoozed = state.snoozed_until = parse_in_zone (c->snoozed_until, zone);
  state.done = c->done;
  state.goal = c->goal;
  state.running = c->running;

  g_assert_cmpint (unknot_reminder_decide (&state, now), ==, c->verdict);
  wake = unknot_reminder_next_wake (&state, now);
  if (c->wake == NULL)
    g_assert_null (wake);
  else
    {
      g_autofree char *text = NULL;

      g_assert_nonnull (wake);
      text = g_date_time_format (wake, "%Y-%m-%dT%H:%M:%S%:::z");
      g_assert_cmpstr (text, ==, c->wake);
    }
}

static void
test_days_and_time (void)
{
  const char *week[] = { "mon", "wed", "sun", "funday", NULL };
  const char *none[] = { NULL };
  const char *good[] = { "00:00", "7:05", "18:00", "23:59" };
  const char *bad[] = { "", "24:00", "18:60", "18", "18:5", "18:000", "-1:00", "18:00x", "118:00" };
  int hour, minute;

  g_assert_cmpuint (unknot_reminder_days_from_strv (week), ==, MON | WED | SUN);
  g_assert_cmpuint (unknot_reminder_days_from_strv (none), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (unknot_reminder_parse_time (good[i], &hour, &minute));
  g_assert_true (unknot_reminder_parse_time ("7:05", &hour, &minute));
  g_assert_cmpint (hour, ==, 7);
  g_assert_cmpint (minute, ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (unknot_reminder_parse_time (bad[i], &hour, &minute));
}

/* The words of the issue, and whole minutes rounded up. */
static void
test_describe (void)
{
  g_autofree char *eight = unknot_reminder_describe (1, 2, "Calves and Achilles", 7 * 60000 + 1);
  g_autofree char *one = unknot_reminder_describe (0, 3, "Quick feet", 20000);

  g_assert_cmpstr (eight, ==, "1 of 2 this week — Calves and Achilles takes 8 minutes");
  g_assert_cmpstr (one, ==, "0 of 3 this week — Quick feet takes 1 minute");
}

static UnknotHistorySession *
session_new (const char          *routine_id,
             const char          *started_at,
             UnknotHistoryStatus  status)
{
  UnknotHistorySession *session = unknot_history_session_new ();

  session->routine_id = g_strdup (routine_id);
  session->routine_name = g_strdup (routine_id);
  session->started_at = history_test_utc (started_at);
  session->status = status;
  return session;
}

/* A routine never done comes first; else the one done longest ago. */
static void
test_pick_routine (void)
{
  g_autoptr (GListStore) routines = g_list_store_new (UNKNOT_TYPE_ROUTINE);
  g_autoptr (GListStore) empty = g_list_store_new (UNKNOT_TYPE_ROUTINE);
  g_autoptr (GPtrArray) sessions =
    g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_history_session_free);
  const char *ids[] = { "a", "b", "c" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr (UnknotRoutine) routine = history_test_routine_new (ids[i], ids[i]);
      g_list_store_append (routines, routine);
    }
  g_assert_null (unknot_reminder_pick_routine (G_LIST_MODEL (empty), sessions));
  g_assert_cmpstr (unknot_routine_get_id (unknot_reminder_pick_routine (G_LIST_MODEL (routines),
                                                                        sessions)), ==, "a");
  /* Newest first, as the history lists them. */
  g_ptr_array_add (sessions, session_new ("a", "2026-12-01T18:00:00Z",
                                          UNKNOT_HISTORY_STATUS_COMPLETED));
  g_ptr_array_add (sessions, session_new ("c", "2026-11-30T18:00:00Z",
                                          UNKNOT_HISTORY_STATUS_COMPLETED));
  g_assert_cmpstr (unknot_routine_get_id (unknot_reminder_pick_routine (G_LIST_MODEL (routines),
                                                                        sessions)), ==, "b");
  g_ptr_array_add (sessions, session_new ("b", "2026-11-20T18:00:00Z",
                                          UNKNOT_HISTORY_STATUS_STOPPED));
  g_ptr_array_add (sessions, session_new ("a", "2026-11-01T18:00:00Z",
                                          UNKNOT_HISTORY_STATUS_COMPLETED));
  g_assert_cmpstr (unknot_routine_get_id (unknot_reminder_pick_routine (G_LIST_MODEL (routines),
                                                                        sessions)), ==, "b");
}

/* A session in progress means a routine runs, unless it was started hours ago. */
static void
test_is_running (void)
{
  g_autoptr (GPtrArray) sessions =
    g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_history_session_free);
  g_autoptr (GDateTime) now = history_test_utc ("2026-12-02T18:00:00Z");

  g_assert_false (unknot_reminder_is_running (sessions, now));
  g_ptr_array_add (sessions, session_new ("a", "2026-12-02T17:50:00Z",
                                          UNKNOT_HISTORY_STATUS_IN_PROGRESS));
  g_assert_true (unknot_reminder_is_running (sessions, now));
  g_ptr_array_remove_index (sessions, 0);
  g_ptr_array_add (sessions, session_new ("a", "2026-12-02T10:00:00Z",
                                          UNKNOT_HISTORY_STATUS_IN_PROGRESS));
  g_assert_false (unknot_reminder_is_running (sessions, now));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/reminder/rules/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/reminder/days-and-time", test_days_and_time);
  g_test_add_func ("/reminder/describe", test_describe);
  g_test_add_func ("/reminder/pick-routine", test_pick_routine);
  g_test_add_func ("/reminder/is-running", test_is_running);
  return g_test_run ();
}
