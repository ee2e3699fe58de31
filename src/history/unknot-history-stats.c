/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-history-stats.h"

#include <string.h>

#include "unknot-history-private.h"
#include "unknot-history-schema.h"
#include "unknot-history-time.h"

/* Days and weeks are cut at local midnights computed with GTimeZone, never as multiples
 * of 24 hours: around a clock change a day lasts 23 or 25 hours, and a session at
 * 00:30 on the Monday after must fall in the new week. */

/* Counts per week, from the week of the first session to the week of now. */
typedef struct
{
  GTimeZone *zone;
  GDate monday;   /* of the last week in counts */
  char *end;      /* the moment that week ends, in the stored form */
  GArray *counts; /* of guint */
} WeekWalk;

static gint64
day_start_after (GTimeZone   *zone,
                 const GDate *date,
                 guint        days)
{
  GDate later = *date;

  g_date_add_days (&later, days);
  return unknot_history_time_day_start (zone, &later);
}

static void
week_walk_set_end (WeekWalk *walk)
{
  g_free (walk->end);
  walk->end = unknot_history_time_format_unix (day_start_after (walk->zone, &walk->monday, 7));
}

static gboolean
week_walk_open (WeekWalk   *walk,
                const char *first)
{
  GDate date;
  gint64 time;

  if (!unknot_history_time_parse (first, &time))
    return FALSE;
  unknot_history_time_local_date (walk->zone, time, &date);
  unknot_history_time_week_start (&date, &walk->monday);
  week_walk_set_end (walk);
  g_array_set_size (walk->counts, 1);
  return TRUE;
}

static void
week_walk_next (WeekWalk *walk)
{
  g_date_add_days (&walk->monday, 7);
  week_walk_set_end (walk);
  g_array_set_size (walk->counts, walk->counts->len + 1);
}

/* Stored times sort as text, so each session is placed by comparing text: this runs
 * once for every session ever recorded. */
static void
week_walk_add (WeekWalk   *walk,
               const char *time)
{
  if (walk->counts->len == 0 && !week_walk_open (walk, time))
    return;
  while (strcmp (time, walk->end) >= 0)
    week_walk_next (walk);
  g_array_index (walk->counts, guint, walk->counts->len - 1)++;
}

/* One pass over the start times of all sessions that count, in order, through the
 * partial index that holds exactly those. */
static gboolean
count_weeks (UnknotHistoryDb  *db,
             WeekWalk         *walk,
             const GDate      *this_monday,
             GError          **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (db,
    "SELECT started_at FROM sessions WHERE " UNKNOT_HISTORY_COUNTS_SQL
    " AND started_at < ?1 ORDER BY started_at", error);
  gint64 end = day_start_after (walk->zone, this_monday, 7);
  int result;

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_text (statement, 1, unknot_history_time_format_unix (end), -1, g_free);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    week_walk_add (walk, (const char *) sqlite3_column_text (statement, 0));
  if (!unknot_history_db_done (db, statement, result, error))
    return FALSE;

  while (walk->counts->len > 0 && g_date_compare (&walk->monday, this_monday) < 0)
    week_walk_next (walk);
  return TRUE;
}

/* The last element of @counts is the current week. */
static void
count_streaks (GArray                    *counts,
               UnknotHistoryGoalProgress *progress)
{
  guint run = 0;

  for (guint i = 0; i < counts->len; i++)
    {
      gboolean met = g_array_index (counts, guint, i) >= progress->goal;
      gboolean current = i + 1 == counts->len;

      if (met)
        run++;
      else if (!current)
        run = 0;
      progress->best_streak = MAX (progress->best_streak, run);
    }
  progress->current_streak = run;
  if (counts->len > 0)
    progress->this_week = g_array_index (counts, guint, counts->len - 1);
}

/**
 * unknot_history_get_goal_progress:
 * @goal: sessions a week to aim for (the "weekly-goal" setting); past weeks are judged
 *   by this goal too, as the history keeps no record of earlier goals
 *
 * Sessions this week and the streaks of weeks that met @goal.
 */
gboolean
unknot_history_get_goal_progress (UnknotHistory              *self,
                                  GDateTime                  *now,
                                  guint                       goal,
                                  UnknotHistoryGoalProgress  *progress,
                                  GError                    **error)
{
  g_autoptr (GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
  WeekWalk walk = { 0 };
  GDate today, this_monday;

  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (goal > 0, FALSE);
  g_return_val_if_fail (progress != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *progress = (UnknotHistoryGoalProgress) { .goal = goal };
  walk.zone = g_date_time_get_timezone (now);
  walk.counts = counts;
  unknot_history_time_local_date (walk.zone, g_date_time_to_unix (now), &today);
  unknot_history_time_week_start (&today, &this_monday);

  if (!count_weeks (unknot_history_get_db (self), &walk, &this_monday, error))
    {
      g_free (walk.end);
      return FALSE;
    }
  g_free (walk.end);
  count_streaks (counts, progress);
  return TRUE;
}

static GArray *
new_days (GTimeZone   *zone,
          const GDate *first,
          guint        n_days,
          gint64      *bounds)
{
  GArray *days = g_array_sized_new (FALSE, TRUE, sizeof (UnknotHistoryDay), n_days);

  g_array_set_size (days, n_days);
  for (guint i = 0; i < n_days; i++)
    {
      UnknotHistoryDay *day = &g_array_index (days, UnknotHistoryDay, i);

      day->date = *first;
      g_date_add_days (&day->date, i);
      bounds[i] = unknot_history_time_day_start (zone, &day->date);
    }
  bounds[n_days] = day_start_after (zone, first, n_days);
  return days;
}

static gboolean
count_days (UnknotHistoryDb  *db,
            GArray           *days,
            const gint64     *bounds,
            GError          **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (db,
    "SELECT started_at FROM sessions WHERE " UNKNOT_HISTORY_COUNTS_SQL
    " AND started_at >= ?1 AND started_at < ?2 ORDER BY started_at", error);
  guint day = 0;
  int result;

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_text (statement, 1, unknot_history_time_format_unix (bounds[0]), -1, g_free);
  sqlite3_bind_text (statement, 2, unknot_history_time_format_unix (bounds[days->len]), -1,
                     g_free);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      gint64 time;

      if (!unknot_history_time_parse ((const char *) sqlite3_column_text (statement, 0), &time))
        continue;
      while (day < days->len && time >= bounds[day + 1])
        day++;
      if (day < days->len)
        g_array_index (days, UnknotHistoryDay, day).sessions++;
    }
  return unknot_history_db_done (db, statement, result, error);
}

/**
 * unknot_history_get_calendar:
 * @n_weeks: how many weeks to show; the history page shows 12
 *
 * Sessions per local day for a calendar of @n_weeks rows, Monday to Sunday, the last
 * row being the week of now (its days after today are there, with 0).
 *
 * Returns: (transfer full) (element-type UnknotHistoryDay) (nullable): @n_weeks × 7 days.
 */
GArray *
unknot_history_get_calendar (UnknotHistory  *self,
                             GDateTime      *now,
                             guint           n_weeks,
                             GError        **error)
{
  GTimeZone *zone;
  g_autoptr (GArray) days = NULL;
  g_autofree gint64 *bounds = NULL;
  GDate today, first;

  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (n_weeks > 0 && n_weeks <= 520, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  zone = g_date_time_get_timezone (now);
  unknot_history_time_local_date (zone, g_date_time_to_unix (now), &today);
  unknot_history_time_week_start (&today, &first);
  g_date_subtract_days (&first, 7 * (n_weeks - 1));

  bounds = g_new (gint64, n_weeks * 7 + 1);
  days = new_days (zone, &first, n_weeks * 7, bounds);
  if (!count_days (unknot_history_get_db (self), days, bounds, error))
    return NULL;
  return g_steal_pointer (&days);
}

/* From the start of the local day @n_days - 1 days before today to the end of today. */
static void
get_day_range (GDateTime *now,
               guint      n_days,
               char     **start,
               char     **end)
{
  GTimeZone *zone = g_date_time_get_timezone (now);
  GDate today, first;

  unknot_history_time_local_date (zone, g_date_time_to_unix (now), &today);
  first = today;
  g_date_subtract_days (&first, n_days - 1);
  *start = unknot_history_time_format_unix (unknot_history_time_day_start (zone, &first));
  *end = unknot_history_time_format_unix (day_start_after (zone, &today, 1));
}

static gboolean
sum_regions (UnknotHistoryDb  *db,
             GDateTime        *now,
             guint             n_days,
             guint64          *seconds,
             GError          **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (db,
    "SELECT steps.region, SUM (steps.seconds) FROM sessions JOIN steps "
    "ON steps.session_id = sessions.id WHERE " UNKNOT_HISTORY_COUNTS_SQL
    " AND started_at >= ?1 AND started_at < ?2 GROUP BY steps.region", error);
  char *start, *end;
  int result;

  if (statement == NULL)
    return FALSE;

  get_day_range (now, n_days, &start, &end);
  sqlite3_bind_text (statement, 1, start, -1, g_free);
  sqlite3_bind_text (statement, 2, end, -1, g_free);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      guint region;

      /* A region this build does not know (another program's row) is left out. */
      if (unknot_vocabulary_lookup (UNKNOT_VOCABULARY_REGION,
                                    (const char *) sqlite3_column_text (statement, 0), &region))
        seconds[region] = sqlite3_column_int64 (statement, 1);
    }
  return unknot_history_db_done (db, statement, result, error);
}

/**
 * unknot_history_get_region_seconds:
 * @n_days: how many local days, today included; the history page shows 30
 * @seconds: (out caller-allocates) (array fixed-size=20): per #UnknotRegion, the seconds
 *   of finished steps on it (the page shows them as minutes)
 */
gboolean
unknot_history_get_region_seconds (UnknotHistory  *self,
                                   GDateTime      *now,
                                   guint           n_days,
                                   guint64         seconds[UNKNOT_N_REGIONS],
                                   GError        **error)
{
  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (n_days > 0, FALSE);
  g_return_val_if_fail (seconds != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (seconds, 0, sizeof (guint64) * UNKNOT_N_REGIONS);
  return sum_regions (unknot_history_get_db (self), now, n_days, seconds, error);
}

/**
 * unknot_history_get_feel_ratings:
 * @n_days: how many local days, today included
 *
 * Returns: (transfer full) (element-type UnknotHistoryFeel) (nullable): the rated
 *   sessions of those days, oldest first.
 */
GArray *
unknot_history_get_feel_ratings (UnknotHistory  *self,
                                 GDateTime      *now,
                                 guint           n_days,
                                 GError        **error)
{
  UnknotHistoryDb *db;
  sqlite3_stmt *statement;
  g_autoptr (GArray) ratings = NULL;
  char *start, *end;
  int result;

  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (n_days > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = unknot_history_get_db (self);
  statement = unknot_history_db_prepare (db,
    "SELECT id, started_at, feel FROM sessions WHERE " UNKNOT_HISTORY_COUNTS_SQL
    " AND feel IS NOT NULL AND started_at >= ?1 AND started_at < ?2 "
    "ORDER BY started_at, id", error);
  if (statement == NULL)
    return NULL;

  ratings = g_array_new (FALSE, TRUE, sizeof (UnknotHistoryFeel));
  get_day_range (now, n_days, &start, &end);
  sqlite3_bind_text (statement, 1, start, -1, g_free);
  sqlite3_bind_text (statement, 2, end, -1, g_free);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      UnknotHistoryFeel rating = { sqlite3_column_int64 (statement, 0), 0,
                                   sqlite3_column_int (statement, 2) };

      if (unknot_history_time_parse ((const char *) sqlite3_column_text (statement, 1),
                                     &rating.started_at))
        g_array_append_val (ratings, rating);
    }
  if (!unknot_history_db_done (db, statement, result, error))
    return NULL;
  return g_steal_pointer (&ratings);
}
