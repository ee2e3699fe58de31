/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-chart-data.h"
#include "unknot-format.h"

/* What the history page's charts and labels say, worked out without a display: heatmap
 * levels, the order of region bars, and the words for goals, streaks, sessions and the
 * charts' accessible text. */

static void
test_heatmap_levels (void)
{
  /* No session is level 0 whatever the busiest day; the busiest day is the top level. */
  g_assert_cmpuint (unknot_chart_heatmap_level (0, 0), ==, 0);
  g_assert_cmpuint (unknot_chart_heatmap_level (0, 5), ==, 0);
  g_assert_cmpuint (unknot_chart_heatmap_level (1, 1), ==, UNKNOT_CHART_N_LEVELS);
  g_assert_cmpuint (unknot_chart_heatmap_level (3, 3), ==, UNKNOT_CHART_N_LEVELS);

  /* Between, in proportion, rounded up so one session always shows. */
  g_assert_cmpuint (unknot_chart_heatmap_level (1, 2), ==, 2);
  g_assert_cmpuint (unknot_chart_heatmap_level (1, 3), ==, 2);
  g_assert_cmpuint (unknot_chart_heatmap_level (2, 3), ==, 3);
  g_assert_cmpuint (unknot_chart_heatmap_level (1, 4), ==, 1);
  g_assert_cmpuint (unknot_chart_heatmap_level (3, 4), ==, 3);
  g_assert_cmpuint (unknot_chart_heatmap_level (1, 100), ==, 1);
  g_assert_cmpuint (unknot_chart_heatmap_level (99, 100), ==, 4);

  /* A busiest day below the day asked about (a caller's slip) cannot overflow. */
  g_assert_cmpuint (unknot_chart_heatmap_level (7, 2), ==, UNKNOT_CHART_N_LEVELS);

  /* More sessions never make a lighter day. */
  for (guint most = 1; most <= 20; most++)
    for (guint sessions = 1; sessions < most; sessions++)
      g_assert_cmpuint (unknot_chart_heatmap_level (sessions, most), <=,
                        unknot_chart_heatmap_level (sessions + 1, most));
}

static void
test_sort_regions (void)
{
  guint64 seconds[UNKNOT_N_REGIONS] = { 0 };
  UnknotRegionTime bars[UNKNOT_N_REGIONS];
  guint n_bars;

  g_assert_cmpuint (unknot_chart_sort_regions (seconds, bars), ==, 0);

  seconds[UNKNOT_REGION_FEET] = 720;
  seconds[UNKNOT_REGION_CALVES] = 1440;
  seconds[UNKNOT_REGION_NECK] = 720;
  seconds[UNKNOT_REGION_QUADRICEPS] = 30;
  n_bars = unknot_chart_sort_regions (seconds, bars);

  /* Only regions with time, most first; equal times head to toe. */
  g_assert_cmpuint (n_bars, ==, 4);
  g_assert_cmpint (bars[0].region, ==, UNKNOT_REGION_CALVES);
  g_assert_cmpuint (bars[0].seconds, ==, 1440);
  g_assert_cmpint (bars[1].region, ==, UNKNOT_REGION_NECK);
  g_assert_cmpint (bars[2].region, ==, UNKNOT_REGION_FEET);
  g_assert_cmpint (bars[3].region, ==, UNKNOT_REGION_QUADRICEPS);
  g_assert_cmpuint (bars[3].seconds, ==, 30);
}

static void
test_describe_regions (void)
{
  guint64 seconds[UNKNOT_N_REGIONS] = { 0 };
  UnknotRegionTime bars[UNKNOT_N_REGIONS] = { { 0 } };
  g_autofree char *none = unknot_chart_describe_regions (bars, 0);
  g_autofree char *some = NULL;
  guint n_bars;

  g_assert_cmpstr (none, ==, "No time on any region");

  seconds[UNKNOT_REGION_FEET] = 720;
  seconds[UNKNOT_REGION_CALVES] = 1440;
  seconds[UNKNOT_REGION_HAMSTRINGS] = 40;
  seconds[UNKNOT_REGION_GLUTES] = 60;
  n_bars = unknot_chart_sort_regions (seconds, bars);
  some = unknot_chart_describe_regions (bars, n_bars);
  g_assert_cmpstr (some, ==, "Calves 24 minutes, Feet 12 minutes, Glutes 1 minute, "
                             "Hamstrings 40 seconds");
}

static GArray *
make_weeks (const GDate *monday,
            guint        n_weeks)
{
  GArray *days = g_array_new (FALSE, TRUE, sizeof (UnknotHistoryDay));

  g_array_set_size (days, n_weeks * 7);
  for (guint i = 0; i < days->len; i++)
    {
      UnknotHistoryDay *day = &g_array_index (days, UnknotHistoryDay, i);

      day->date = *monday;
      g_date_add_days (&day->date, i);
    }
  return days;
}

static void
test_describe_calendar (void)
{
  GDate monday, today;
  g_autoptr (GArray) days = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *busy = NULL;

  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 2, G_DATE_MARCH, 2026);
  g_assert_cmpint (g_date_get_weekday (&monday), ==, G_DATE_MONDAY);
  days = make_weeks (&monday, 12);
  today = g_array_index (days, UnknotHistoryDay, 80).date;

  empty = unknot_chart_describe_calendar (days, &today);
  g_assert_cmpstr (empty, ==, "0 sessions on 0 days in the last 12 weeks. Today: 0 sessions");

  g_array_index (days, UnknotHistoryDay, 3).sessions = 2;
  g_array_index (days, UnknotHistoryDay, 40).sessions = 1;
  g_array_index (days, UnknotHistoryDay, 80).sessions = 1;
  busy = unknot_chart_describe_calendar (days, &today);
  g_assert_cmpstr (busy, ==, "4 sessions on 3 days in the last 12 weeks. Today: 1 session");
}

static void
test_describe_feel (void)
{
  g_autoptr (GArray) ratings = g_array_new (FALSE, TRUE, sizeof (UnknotHistoryFeel));
  UnknotHistoryFeel rating = { 1, 1767225600, 3 };
  g_autofree char *none = unknot_chart_describe_feel (ratings);
  g_autofree char *one = NULL;
  g_autofree char *three = NULL;

  g_assert_cmpstr (none, ==, "No ratings yet");

  g_array_append_val (ratings, rating);
  one = unknot_chart_describe_feel (ratings);
  g_assert_cmpstr (one, ==, "1 rating, average 3.0 of 5, latest 3 of 5");

  rating.feel = 5;
  g_array_append_val (ratings, rating);
  rating.feel = 2;
  g_array_append_val (ratings, rating);
  three = unknot_chart_describe_feel (ratings);
  g_assert_cmpstr (three, ==, "3 ratings, average 3.3 of 5, latest 2 of 5");
}

static void
assert_format (char       *text,
               const char *expected)
{
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
}

static void
test_goal_and_streak_words (void)
{
  assert_format (unknot_format_goal_progress (1, 2), "1 of 2 this week");
  assert_format (unknot_format_goal_progress (0, 1), "0 of 1 this week");
  assert_format (unknot_format_goal_progress (5, 3), "5 of 3 this week");
  assert_format (unknot_format_weeks (0), "0 weeks");
  assert_format (unknot_format_weeks (1), "1 week");
  assert_format (unknot_format_weeks (12), "12 weeks");
  assert_format (unknot_format_sessions (1), "1 session");
  assert_format (unknot_format_sessions (2), "2 sessions");
  assert_format (unknot_format_feel (4), "Felt 4 of 5");
}

static void
test_status_words (void)
{
  g_assert_cmpstr (unknot_format_history_status (UNKNOT_HISTORY_STATUS_COMPLETED), ==,
                   "Completed");
  g_assert_cmpstr (unknot_format_history_status (UNKNOT_HISTORY_STATUS_STOPPED), ==,
                   "Stopped early");
  g_assert_cmpstr (unknot_format_history_status (UNKNOT_HISTORY_STATUS_INTERRUPTED), ==,
                   "Interrupted");
  g_assert_cmpstr (unknot_format_history_status (UNKNOT_HISTORY_STATUS_IN_PROGRESS), ==,
                   "In progress");
}

/* The same moment is a different day in Berlin and in New York. */
static void
test_date_time_in_zone (void)
{
  g_autoptr (GDateTime) utc = g_date_time_new_utc (2026, 5, 4, 2, 30, 0);
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr (GDateTime) in_berlin = NULL;
  g_autoptr (GDateTime) in_new_york = NULL;

  if (berlin == NULL || new_york == NULL)
    g_error ("The time zones are missing; install the tzdata package.");
  in_berlin = g_date_time_to_timezone (utc, berlin);
  in_new_york = g_date_time_to_timezone (utc, new_york);

  assert_format (unknot_format_date_time (in_berlin), "Mon 4 May 2026, 04:30");
  assert_format (unknot_format_date_time (in_new_york), "Sun 3 May 2026, 22:30");
  assert_format (unknot_format_day (in_berlin), "4 May");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-data/heatmap-levels", test_heatmap_levels);
  g_test_add_func ("/chart-data/sort-regions", test_sort_regions);
  g_test_add_func ("/chart-data/describe-regions", test_describe_regions);
  g_test_add_func ("/chart-data/describe-calendar", test_describe_calendar);
  g_test_add_func ("/chart-data/describe-feel", test_describe_feel);
  g_test_add_func ("/format/goal-and-streak", test_goal_and_streak_words);
  g_test_add_func ("/format/status", test_status_words);
  g_test_add_func ("/format/date-time-in-zone", test_date_time_in_zone);

  return g_test_run ();
}
