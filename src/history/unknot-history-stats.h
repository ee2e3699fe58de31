/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-history.h"

G_BEGIN_DECLS

/* The history page's figures. Every query takes @now, a GDateTime in the time zone
 * whose days and weeks count (g_date_time_new_now_local() in the app), so tests can pin
 * both. Weeks start on Monday at local midnight. Only sessions that count are counted
 * (see UNKNOT_HISTORY_COUNTS_SQL); results are plain structs in arrays, oldest first. */

/* The GSettings key "weekly-goal" has the same default (a test checks). */
#define UNKNOT_HISTORY_DEFAULT_WEEKLY_GOAL 2

typedef struct
{
  guint goal;           /* as passed in */
  guint this_week;      /* sessions in the week of now */
  guint current_streak; /* weeks in a row that met the goal, up to now; a current week that
                         * has not met it yet neither counts nor breaks the run */
  guint best_streak;    /* the longest such run, the current one included */
} UnknotHistoryGoalProgress;

typedef struct
{
  GDate date;           /* a local day */
  guint sessions;       /* sessions started that day */
} UnknotHistoryDay;

typedef struct
{
  gint64 session_id;
  gint64 started_at;    /* Unix time */
  guint  feel;          /* 1 to 5 */
} UnknotHistoryFeel;

gboolean  unknot_history_get_goal_progress  (UnknotHistory              *self,
                                             GDateTime                  *now,
                                             guint                       goal,
                                             UnknotHistoryGoalProgress  *progress,
                                             GError                    **error);
GArray   *unknot_history_get_calendar       (UnknotHistory              *self,
                                             GDateTime                  *now,
                                             guint                       n_weeks,
                                             GError                    **error);
gboolean  unknot_history_get_region_seconds (UnknotHistory              *self,
                                             GDateTime                  *now,
                                             guint                       n_days,
                                             guint64                     seconds[UNKNOT_N_REGIONS],
                                             GError                    **error);
GArray   *unknot_history_get_feel_ratings   (UnknotHistory              *self,
                                             GDateTime                  *now,
                                             guint                       n_days,
                                             GError                    **error);

G_END_DECLS
