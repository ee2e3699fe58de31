/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "history-test-utils.h"
#include "unknot-history-regions.h"
#include "unknot-history-stats.h"
#include "unknot-test-utils.h"

/* Every test runs in two time zones, one east and one west of UTC, whose clocks change
 * on different Sundays of 2026. */
typedef struct
{
  const char *identifier;
  gboolean east_of_utc;
  int spring_month, spring_day; /* the Sunday the clocks go forward */
  int fall_month, fall_day;     /* the Sunday they go back */
} Zone;

static const Zone zones[] = {
  { "Europe/Berlin", TRUE, 3, 29, 10, 25 },
  { "America/New_York", FALSE, 3, 8, 11, 1 },
};

typedef struct
{
  const Zone *zone;
  GTimeZone *tz;
  char *folder;
  UnknotHistory *history;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->zone = data;
  fixture->tz = g_time_zone_new_identifier (fixture->zone->identifier);
  if (fixture->tz == NULL)
    g_error ("The time zone %s is missing; install the tzdata package.",
             fixture->zone->identifier);
  fixture->folder = unknot_test_make_folder ("unknot-history");
  path = history_test_db_path (fixture->folder);
  fixture->history = history_test_open (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->history);
  g_time_zone_unref (fixture->tz);
  unknot_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

static GDateTime *
local (Fixture *fixture,
       int      year,
       int      month,
       int      day,
       int      hour,
       int      minute)
{
  GDateTime *time = g_date_time_new (fixture->tz, year, month, day, hour, minute, 0);

  g_assert_nonnull (time);
  return time;
}

static gint64
add (Fixture             *fixture,
     int                  year,
     int                  month,
     int                  day,
     int                  hour,
     int                  minute,
     UnknotHistoryStatus  status,
     guint                n_steps)
{
  g_autoptr (GDateTime) time = local (fixture, year, month, day, hour, minute);

  return history_test_add (fixture->history, time, status, n_steps);
}

static gint64
add_completed (Fixture *fixture,
               int      year,
               int      month,
               int      day,
               int      hour,
               int      minute)
{
  return add (fixture, year, month, day, hour, minute, UNKNOT_HISTORY_STATUS_COMPLETED, 2);
}

static UnknotHistoryGoalProgress
progress_at (Fixture *fixture,
             int      year,
             int      month,
             int      day,
             int      hour,
             int      minute,
             guint    goal)
{
  g_autoptr (GDateTime) now = local (fixture, year, month, day, hour, minute);
  g_autoptr (GError) error = NULL;
  UnknotHistoryGoalProgress progress;

  g_assert_true (unknot_history_get_goal_progress (fixture->history, now, goal, &progress,
                                                   &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.goal, ==, goal);
  return progress;
}

#define assert_progress(p, week, current, best) \
  G_STMT_START { \
    g_assert_cmpuint ((p).this_week, ==, (week)); \
    g_assert_cmpuint ((p).current_streak, ==, (current)); \
    g_assert_cmpuint ((p).best_streak, ==, (best)); \
  } G_STMT_END

/* 2026 has an ISO week 53, Monday 28 December to Sunday 3 January: one week across the
 * new year, and the next starts on Monday 4 January. */
static void
test_new_year (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GDateTime) monday = local (fixture, 2026, 12, 28, 12, 0);
  g_autoptr (GDateTime) next_monday = local (fixture, 2027, 1, 4, 12, 0);
  g_autoptr (GDateTime) instant = history_test_utc ("2027-01-10T23:30:00Z");
  UnknotHistoryGoalProgress p;

  g_assert_cmpint (g_date_time_get_week_of_year (monday), ==, 53);
  g_assert_cmpint (g_date_time_get_day_of_week (monday), ==, 1);
  g_assert_cmpint (g_date_time_get_week_of_year (next_monday), ==, 1);

  add_completed (fixture, 2026, 12, 28, 10, 0);
  add_completed (fixture, 2027, 1, 2, 9, 0);
  add_completed (fixture, 2027, 1, 3, 23, 30);
  add_completed (fixture, 2027, 1, 4, 0, 30);

  p = progress_at (fixture, 2027, 1, 3, 23, 45, 2);
  assert_progress (p, 3, 1, 1);
  p = progress_at (fixture, 2027, 1, 4, 12, 0, 2);
  assert_progress (p, 1, 1, 1); /* week 1 not met yet: the run of week 53 holds */

  add_completed (fixture, 2027, 1, 5, 18, 0);
  p = progress_at (fixture, 2027, 1, 6, 12, 0, 2);
  assert_progress (p, 2, 2, 2);

  /* One moment, two weeks: Monday 00:30 in Berlin, Sunday 18:30 in New York. */
  history_test_add (fixture->history, instant, UNKNOT_HISTORY_STATUS_COMPLETED, 1);
  p = progress_at (fixture, 2027, 1, 11, 12, 0, 2);
  assert_progress (p, fixture->zone->east_of_utc ? 1 : 0, 2, 2);
}

static void
add_pair (Fixture *fixture,
          int      year,
          int      month,
          int      day)
{
  add_completed (fixture, year, month, day, 18, 0);
  add_completed (fixture, year, month, day + 2, 7, 30);
}

static void
test_streaks (Fixture       *fixture,
              gconstpointer  data)
{
  UnknotHistoryGoalProgress p;

  /* A run of three weeks in October… */
  add_pair (fixture, 2026, 10, 6);
  add_pair (fixture, 2026, 10, 13);
  add_pair (fixture, 2026, 10, 20);
  /* …broken by a week with one session that counts, one stopped before the first step
   * and one still running: neither of these counts. */
  add_completed (fixture, 2026, 10, 27, 18, 0);
  add (fixture, 2026, 10, 28, 18, 0, UNKNOT_HISTORY_STATUS_STOPPED, 0);
  add (fixture, 2026, 10, 29, 18, 0, UNKNOT_HISTORY_STATUS_IN_PROGRESS, 1);
  p = progress_at (fixture, 2026, 10, 31, 12, 0, 2);
  assert_progress (p, 1, 3, 3);
  p = progress_at (fixture, 2026, 10, 31, 12, 0, 1);
  assert_progress (p, 1, 4, 4);

  /* A run of four weeks across the new year; a stopped session with a step and an
   * interrupted one with a step count. */
  add_completed (fixture, 2026, 12, 15, 18, 0);
  add (fixture, 2026, 12, 16, 18, 0, UNKNOT_HISTORY_STATUS_STOPPED, 1);
  add_completed (fixture, 2026, 12, 22, 18, 0);
  add (fixture, 2026, 12, 23, 18, 0, UNKNOT_HISTORY_STATUS_INTERRUPTED, 1);
  add_completed (fixture, 2026, 12, 31, 23, 30);
  add_completed (fixture, 2027, 1, 1, 0, 30);
  add_pair (fixture, 2027, 1, 5);

  /* This week has one session so far: the run goes on. */
  add_completed (fixture, 2027, 1, 11, 8, 0);
  p = progress_at (fixture, 2027, 1, 13, 12, 0, 2);
  assert_progress (p, 1, 4, 4);
  add_completed (fixture, 2027, 1, 13, 18, 0);
  p = progress_at (fixture, 2027, 1, 13, 20, 0, 2);
  assert_progress (p, 2, 5, 5);

  /* An empty week breaks it; the best stays. */
  p = progress_at (fixture, 2027, 1, 27, 12, 0, 2);
  assert_progress (p, 0, 0, 5);

  /* A higher goal judges the past by it too. */
  p = progress_at (fixture, 2027, 1, 13, 20, 0, 3);
  assert_progress (p, 2, 0, 0);
}

static void
test_empty_history (Fixture       *fixture,
                    gconstpointer  data)
{
  UnknotHistoryGoalProgress p = progress_at (fixture, 2027, 1, 13, 20, 0, 2);

  assert_progress (p, 0, 0, 0);
}

static GArray *
calendar_at (Fixture *fixture,
             int      year,
             int      month,
             int      day)
{
  g_autoptr (GDateTime) now = local (fixture, year, month, day, 15, 0);
  g_autoptr (GError) error = NULL;
  GArray *days = unknot_history_get_calendar (fixture->history, now, 12, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 84);
  return days;
}

static guint
sessions_on (GArray *days,
             int     year,
             int     month,
             int     day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  for (guint i = 0; i < days->len; i++)
    if (g_date_compare (&g_array_index (days, UnknotHistoryDay, i).date, &date) == 0)
      return g_array_index (days, UnknotHistoryDay, i).sessions;
  g_assert_not_reached ();
}

/* A local time in 2026, @offset_days from the given day. */
static GDateTime *
local_near (Fixture *fixture,
            int      month,
            int      day,
            int      offset_days,
            int      hour,
            int      minute)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, 2026);
  if (offset_days >= 0)
    g_date_add_days (&date, offset_days);
  else
    g_date_subtract_days (&date, -offset_days);
  return local (fixture, g_date_get_year (&date), g_date_get_month (&date),
                g_date_get_day (&date), hour, minute);
}

static UnknotHistoryGoalProgress
progress_near (Fixture *fixture,
               int      month,
               int      day,
               int      offset_days,
               int      hour,
               guint    goal)
{
  g_autoptr (GDateTime) now = local_near (fixture, month, day, offset_days, hour, 0);

  return progress_at (fixture, g_date_time_get_year (now), g_date_time_get_month (now),
                      g_date_time_get_day_of_month (now), hour, 59, goal);
}

static guint
sessions_on_day_of (GArray    *days,
                    GDateTime *time)
{
  return sessions_on (days, g_date_time_get_year (time), g_date_time_get_month (time),
                      g_date_time_get_day_of_month (time));
}

/* A week lasts 167 hours when the clocks go forward and 169 when they go back; a
 * session at 00:15 on the Monday after the first, and at 23:30 on the Sunday that ends
 * the second, must land in the right week and on the right day (counting weeks and
 * days as multiples of 24 hours would put both in the wrong ones). */
static void
test_daylight_saving (Fixture       *fixture,
                      gconstpointer  data)
{
  const Zone *zone = fixture->zone;
  g_autoptr (GDateTime) spring_sunday = local_near (fixture, zone->spring_month,
                                                    zone->spring_day, 0, 10, 0);
  g_autoptr (GDateTime) spring_monday = local_near (fixture, zone->spring_month,
                                                    zone->spring_day, 1, 0, 15);
  g_autoptr (GDateTime) spring_week_start = local_near (fixture, zone->spring_month,
                                                        zone->spring_day, -6, 0, 0);
  g_autoptr (GDateTime) fall_monday = local_near (fixture, zone->fall_month,
                                                  zone->fall_day, -6, 0, 15);
  g_autoptr (GDateTime) fall_sunday = local_near (fixture, zone->fall_month,
                                                  zone->fall_day, 0, 23, 30);
  g_autoptr (GDateTime) spring_now = local_near (fixture, zone->spring_month,
                                                 zone->spring_day, 3, 15, 0);
  g_autoptr (GDateTime) fall_now = local_near (fixture, zone->fall_month,
                                               zone->fall_day, 0, 23, 45);
  g_autoptr (GArray) days = NULL;
  g_autoptr (GError) error = NULL;
  UnknotHistoryGoalProgress p;

  /* The offsets really change in those weeks. */
  g_assert_cmpint (g_date_time_get_utc_offset (spring_week_start), !=,
                   g_date_time_get_utc_offset (spring_monday));
  g_assert_cmpint (g_date_time_get_utc_offset (fall_monday), !=,
                   g_date_time_get_utc_offset (fall_sunday));

  history_test_add (fixture->history, spring_sunday, UNKNOT_HISTORY_STATUS_COMPLETED, 1);
  history_test_add (fixture->history, spring_monday, UNKNOT_HISTORY_STATUS_COMPLETED, 1);
  history_test_add (fixture->history, fall_monday, UNKNOT_HISTORY_STATUS_COMPLETED, 1);
  history_test_add (fixture->history, fall_sunday, UNKNOT_HISTORY_STATUS_COMPLETED, 1);

  p = progress_near (fixture, zone->spring_month, zone->spring_day, 0, 23, 1);
  assert_progress (p, 1, 1, 1);
  p = progress_near (fixture, zone->spring_month, zone->spring_day, 1, 12, 1);
  assert_progress (p, 1, 2, 2);
  days = unknot_history_get_calendar (fixture->history, spring_now, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions_on_day_of (days, spring_sunday), ==, 1);
  g_assert_cmpuint (sessions_on_day_of (days, spring_monday), ==, 1);
  g_clear_pointer (&days, g_array_unref);

  p = progress_near (fixture, zone->fall_month, zone->fall_day, 0, 23, 2);
  assert_progress (p, 2, 1, 1);
  p = progress_near (fixture, zone->fall_month, zone->fall_day, 1, 12, 2);
  assert_progress (p, 0, 1, 1);
  days = unknot_history_get_calendar (fixture->history, fall_now, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions_on_day_of (days, fall_sunday), ==, 1);
  g_assert_cmpuint (sessions_on_day_of (days, fall_monday), ==, 1);
  g_assert_cmpuint (g_array_index (days, UnknotHistoryDay, days->len - 2).sessions, ==, 0);
}

static void
test_calendar (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GArray) days = NULL;
  guint total = 0;

  add_completed (fixture, 2026, 10, 18, 22, 0);  /* the day before the calendar */
  add_completed (fixture, 2026, 10, 19, 0, 5);   /* its first day */
  add_completed (fixture, 2026, 11, 3, 7, 0);
  add_completed (fixture, 2026, 11, 3, 19, 0);
  add (fixture, 2026, 11, 4, 7, 0, UNKNOT_HISTORY_STATUS_STOPPED, 0);
  add_completed (fixture, 2026, 12, 31, 23, 30);
  add_completed (fixture, 2027, 1, 1, 0, 30);
  add_completed (fixture, 2027, 1, 10, 23, 59);  /* its last day */

  days = calendar_at (fixture, 2027, 1, 6);
  for (guint i = 0; i < days->len; i++)
    {
      UnknotHistoryDay *day = &g_array_index (days, UnknotHistoryDay, i);
      GDate expected;

      g_date_clear (&expected, 1);
      g_date_set_dmy (&expected, 19, 10, 2026);
      g_date_add_days (&expected, i);
      g_assert_cmpint (g_date_compare (&day->date, &expected), ==, 0);
      total += day->sessions;
    }
  g_assert_cmpint (g_date_get_weekday (&g_array_index (days, UnknotHistoryDay, 0).date), ==,
                   G_DATE_MONDAY);
  g_assert_cmpuint (sessions_on (days, 2026, 10, 19), ==, 1);
  g_assert_cmpuint (sessions_on (days, 2026, 11, 3), ==, 2);
  g_assert_cmpuint (sessions_on (days, 2026, 11, 4), ==, 0);
  g_assert_cmpuint (sessions_on (days, 2026, 12, 31), ==, 1);
  g_assert_cmpuint (sessions_on (days, 2027, 1, 1), ==, 1);
  g_assert_cmpuint (sessions_on (days, 2027, 1, 10), ==, 1);
  g_assert_cmpuint (total, ==, 6);
}

static void
test_regions_and_feel (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (UnknotRoutine) routine = history_test_routine_new ("legs", "Legs");
  g_autoptr (GDateTime) started = local (fixture, 2027, 1, 5, 19, 0);
  g_autoptr (GDateTime) now = local (fixture, 2027, 1, 6, 15, 0);
  g_autoptr (GArray) ratings = NULL;
  g_autoptr (GError) error = NULL;
  guint64 seconds[UNKNOT_N_REGIONS];
  gint64 first, before, hamstrings, not_counted;

  first = add_completed (fixture, 2026, 12, 8, 0, 10);               /* calves 90 s */
  before = add_completed (fixture, 2026, 12, 7, 23, 50);             /* a day too early */
  add (fixture, 2027, 1, 6, 14, 0, UNKNOT_HISTORY_STATUS_INTERRUPTED, 1); /* calves 45 s */
  add (fixture, 2027, 1, 6, 14, 30, UNKNOT_HISTORY_STATUS_IN_PROGRESS, 1);
  not_counted = add (fixture, 2027, 1, 6, 14, 40, UNKNOT_HISTORY_STATUS_STOPPED, 0);

  hamstrings = unknot_history_begin (fixture->history, routine, 120000, 2, started, &error);
  unknot_history_record_step (fixture->history, hamstrings, UNKNOT_REGION_HAMSTRINGS,
                              UNKNOT_TECHNIQUE_ROLLING, UNKNOT_SIDE_BOTH, 60, 60000, &error);
  unknot_history_finish (fixture->history, hamstrings, UNKNOT_HISTORY_STATUS_STOPPED, 60000,
                         NULL, &error);
  g_assert_no_error (error);

  g_assert_true (unknot_history_get_region_seconds (fixture->history, now, 30, seconds, &error));
  g_assert_no_error (error);
  for (UnknotRegion region = 0; region < UNKNOT_N_REGIONS; region++)
    g_assert_cmpuint (seconds[region], ==, region == UNKNOT_REGION_CALVES ? 135
                                           : region == UNKNOT_REGION_HAMSTRINGS ? 60 : 0);

  unknot_history_set_feedback (fixture->history, first, 3, NULL, &error);
  unknot_history_set_feedback (fixture->history, before, 5, NULL, &error);
  unknot_history_set_feedback (fixture->history, hamstrings, 4, "tight", &error);
  unknot_history_set_feedback (fixture->history, not_counted, 1, NULL, &error);
  g_assert_no_error (error);
  ratings = unknot_history_get_feel_ratings (fixture->history, now, 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ratings->len, ==, 2);
  g_assert_cmpint (g_array_index (ratings, UnknotHistoryFeel, 0).session_id, ==, first);
  g_assert_cmpuint (g_array_index (ratings, UnknotHistoryFeel, 0).feel, ==, 3);
  g_assert_cmpint (g_array_index (ratings, UnknotHistoryFeel, 1).session_id, ==, hamstrings);
  g_assert_cmpuint (g_array_index (ratings, UnknotHistoryFeel, 1).feel, ==, 4);
  g_assert_cmpint (g_array_index (ratings, UnknotHistoryFeel, 1).started_at, ==,
                   g_date_time_to_unix (started));
}

/* Days since each region was last worked, counted in local days: calves on Sunday
 * 23:50 of the week before (last week, 3 days before Wednesday), hamstrings on Monday
 * 00:10 (this week); a session that does not count works nothing; a region never
 * worked is -1. */
static void
test_regions_due (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (UnknotRoutine) routine = history_test_routine_new ("legs", "Legs");
  g_autoptr (GDateTime) monday = local (fixture, 2026, 11, 2, 0, 10);
  g_autoptr (GDateTime) now = local (fixture, 2026, 11, 4, 9, 0);
  g_autoptr (GError) error = NULL;
  UnknotHistoryRegionsDue due;
  gint64 hamstrings;

  add_completed (fixture, 2026, 10, 20, 8, 0);                         /* calves, earlier */
  add_completed (fixture, 2026, 11, 1, 23, 50);                        /* calves, Sunday */
  add (fixture, 2026, 11, 3, 8, 0, UNKNOT_HISTORY_STATUS_STOPPED, 0);  /* counts not */
  hamstrings = unknot_history_begin (fixture->history, routine, 60000, 1, monday, &error);
  unknot_history_record_step (fixture->history, hamstrings, UNKNOT_REGION_HAMSTRINGS,
                              UNKNOT_TECHNIQUE_ROLLING, UNKNOT_SIDE_BOTH, 60, 60000, &error);
  unknot_history_finish (fixture->history, hamstrings, UNKNOT_HISTORY_STATUS_COMPLETED, 60000,
                         NULL, &error);
  g_assert_no_error (error);

  g_assert_true (unknot_history_get_regions_due (fixture->history, now, &due, &error));
  g_assert_no_error (error);
  g_assert_cmpint (due.days_since[UNKNOT_REGION_CALVES], ==, 3);
  g_assert_cmpint (due.days_since[UNKNOT_REGION_HAMSTRINGS], ==, 2);
  g_assert_cmpint (due.days_since[UNKNOT_REGION_FEET], ==, -1);
  g_assert_cmpuint (due.this_week, ==, 1u << UNKNOT_REGION_HAMSTRINGS);
}

static void
add_test (const char *name,
          const Zone *zone,
          void (*test) (Fixture *, gconstpointer))
{
  g_autofree char *path = g_strdup_printf ("/history/weeks/%s/%s", zone->identifier, name);

  g_test_add (path, Fixture, zone, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      add_test ("new-year", &zones[i], test_new_year);
      add_test ("regions-due", &zones[i], test_regions_due);
      add_test ("streaks", &zones[i], test_streaks);
      add_test ("empty-history", &zones[i], test_empty_history);
      add_test ("daylight-saving", &zones[i], test_daylight_saving);
      add_test ("calendar", &zones[i], test_calendar);
      add_test ("regions-and-feel", &zones[i], test_regions_and_feel);
    }

  return g_test_run ();
}
