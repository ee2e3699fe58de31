/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "unknot-chart-data.h"
#include "unknot-format.h"

/**
 * unknot_chart_heatmap_level:
 * @sessions: sessions on a day
 * @most_sessions: the most sessions on any day the heatmap shows
 *
 * Levels are relative to the busiest day, so the calendar reads the same for someone
 * who does one session a day as for someone who does three; a day with any session is
 * at least level 1, so it never looks like a day without.
 *
 * Returns: 0 for no session, else 1 to %UNKNOT_CHART_N_LEVELS.
 */
guint
unknot_chart_heatmap_level (guint sessions,
                            guint most_sessions)
{
  guint64 scaled;

  if (sessions == 0)
    return 0;
  most_sessions = MAX (most_sessions, sessions);
  /* Rounded up: the busiest day is always the full colour. */
  scaled = ((guint64) sessions * UNKNOT_CHART_N_LEVELS + most_sessions - 1) / most_sessions;
  return (guint) CLAMP (scaled, 1, UNKNOT_CHART_N_LEVELS);
}

static int
compare_region_times (const void *a,
                      const void *b)
{
  const UnknotRegionTime *first = a, *second = b;

  if (first->seconds != second->seconds)
    return first->seconds > second->seconds ? -1 : 1;
  /* Equal times keep the vocabulary's order, head to toe. */
  return (int) first->region - (int) second->region;
}

/**
 * unknot_chart_sort_regions:
 * @seconds: per #UnknotRegion, as unknot_history_get_region_seconds() gives them
 * @bars: (out caller-allocates): the regions with time, most time first
 *
 * Returns: how many of @bars are set.
 */
guint
unknot_chart_sort_regions (const guint64    seconds[UNKNOT_N_REGIONS],
                           UnknotRegionTime bars[UNKNOT_N_REGIONS])
{
  guint n_bars = 0;

  g_return_val_if_fail (seconds != NULL, 0);
  g_return_val_if_fail (bars != NULL, 0);

  for (guint region = 0; region < UNKNOT_N_REGIONS; region++)
    if (seconds[region] > 0)
      bars[n_bars++] = (UnknotRegionTime) { region, seconds[region] };
  qsort (bars, n_bars, sizeof *bars, compare_region_times);
  return n_bars;
}

/* "Calves 24 minutes, Feet 12 minutes": the region chart in words. */
char *
unknot_chart_describe_regions (const UnknotRegionTime *bars,
                               guint                   n_bars)
{
  GString *text;

  g_return_val_if_fail (bars != NULL || n_bars == 0, NULL);

  if (n_bars == 0)
    return g_strdup (_("No time on any region"));

  text = g_string_new (NULL);
  for (guint i = 0; i < n_bars; i++)
    {
      g_autofree char *time = unknot_format_duration_rounded ((gint64) bars[i].seconds * 1000);

      if (i > 0)
        g_string_append (text, C_("list separator", ", "));
      /* Translators: a body region and the time spent on it, such as "Calves 24 minutes" */
      g_string_append_printf (text, _("%s %s"), unknot_region_get_label (bars[i].region), time);
    }
  return g_string_free (text, FALSE);
}

/**
 * unknot_chart_describe_calendar:
 * @days: (element-type UnknotHistoryDay): whole weeks, as unknot_history_get_calendar()
 *   gives them
 * @today: the day the calendar ends on
 *
 * "3 sessions on 2 days in the last 12 weeks. Today: 1 session"
 */
char *
unknot_chart_describe_calendar (GArray      *days,
                                const GDate *today)
{
  g_autofree char *sessions = NULL;
  g_autofree char *on_days = NULL;
  g_autofree char *weeks = NULL;
  g_autofree char *on_today = NULL;
  guint n_sessions = 0, n_days = 0, n_today = 0;

  g_return_val_if_fail (days != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  for (guint i = 0; i < days->len; i++)
    {
      const UnknotHistoryDay *day = &g_array_index (days, UnknotHistoryDay, i);

      n_sessions += day->sessions;
      n_days += day->sessions > 0;
      if (g_date_compare (&day->date, today) == 0)
        n_today = day->sessions;
    }

  sessions = unknot_format_sessions (n_sessions);
  /* Translators: the days with a session, as in "3 sessions on 2 days in the last 12 weeks" */
  on_days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", n_days), n_days);
  weeks = unknot_format_weeks (days->len / 7);
  on_today = unknot_format_sessions (n_today);
  /* Translators: sessions, days and weeks, then today's sessions, such as
   * "3 sessions on 2 days in the last 12 weeks. Today: 1 session" */
  return g_strdup_printf (_("%s on %s in the last %s. Today: %s"), sessions, on_days, weeks,
                          on_today);
}

/**
 * unknot_chart_describe_feel:
 * @ratings: (element-type UnknotHistoryFeel): oldest first
 *
 * "3 ratings, average 3.7 of 5, latest 4 of 5"
 */
char *
unknot_chart_describe_feel (GArray *ratings)
{
  g_autofree char *count = NULL;
  guint sum = 0, latest;

  g_return_val_if_fail (ratings != NULL, NULL);

  if (ratings->len == 0)
    return g_strdup (_("No ratings yet"));

  for (guint i = 0; i < ratings->len; i++)
    sum += g_array_index (ratings, UnknotHistoryFeel, i).feel;
  latest = g_array_index (ratings, UnknotHistoryFeel, ratings->len - 1).feel;
  /* Translators: how many sessions were rated, as in "3 ratings, average 3.7 of 5, latest 4 of 5"
   */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rating", "%u ratings", ratings->len),
                           ratings->len);
  /* Translators: a number of ratings, their average and the latest, on a scale from 1
   * to 5, such as "3 ratings, average 3.7 of 5, latest 4 of 5" */
  return g_strdup_printf (_("%s, average %.1f of 5, latest %u of 5"), count,
                          (double) sum / ratings->len, latest);
}
