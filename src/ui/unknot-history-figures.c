/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-calendar-heatmap.h"
#include "unknot-feel-chart.h"
#include "unknot-format.h"
#include "unknot-goal-ring.h"
#include "unknot-history-figures.h"
#include "unknot-history-stats.h"
#include "unknot-region-chart.h"

/* The history in figures, at the top of the history page: the weekly goal and streaks,
 * a calendar of the last weeks, the time per region and how the muscles felt. Days and
 * weeks are those of the time zone of the moment it is given. */

#define CALENDAR_WEEKS 12
#define REGION_DAYS 30
#define FEEL_DAYS (7 * CALENDAR_WEEKS)

struct _UnknotHistoryFigures
{
  AdwBin parent_instance;

  UnknotGoalRing *goal_ring;
  GtkLabel *goal_label;
  GtkLabel *current_streak_label;
  GtkLabel *best_streak_label;
  UnknotCalendarHeatmap *calendar;
  UnknotRegionChart *region_chart;
  GtkLabel *region_empty_label;
  UnknotFeelChart *feel_chart;
  GtkLabel *feel_empty_label;
};

G_DEFINE_FINAL_TYPE (UnknotHistoryFigures, unknot_history_figures, ADW_TYPE_BIN)

static gboolean
show_goal (UnknotHistoryFigures  *self,
           UnknotHistory         *history,
           GDateTime             *now,
           guint                  goal,
           GError               **error)
{
  UnknotHistoryGoalProgress progress;
  g_autofree char *current = NULL;
  g_autofree char *best = NULL;
  g_autofree char *current_text = NULL;
  g_autofree char *best_text = NULL;

  if (!unknot_history_get_goal_progress (history, now, goal, &progress, error))
    return FALSE;

  unknot_goal_ring_set_progress (self->goal_ring, progress.this_week, goal);
  gtk_label_set_label (self->goal_label, unknot_goal_ring_get_text (self->goal_ring));
  current = unknot_format_weeks (progress.current_streak);
  best = unknot_format_weeks (progress.best_streak);
  /* Translators: %s is a number of weeks in a row that met the weekly goal, such as
   * "3 weeks" */
  current_text = g_strdup_printf (_("Current streak: %s"), current);
  /* Translators: %s is a number of weeks, such as "5 weeks" */
  best_text = g_strdup_printf (_("Best streak: %s"), best);
  gtk_label_set_label (self->current_streak_label, current_text);
  gtk_label_set_label (self->best_streak_label, best_text);
  return TRUE;
}

static gboolean
show_calendar (UnknotHistoryFigures  *self,
               UnknotHistory         *history,
               GDateTime             *now,
               GError               **error)
{
  g_autoptr (GArray) days = unknot_history_get_calendar (history, now, CALENDAR_WEEKS, error);
  GDate today;

  if (days == NULL)
    return FALSE;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  unknot_calendar_heatmap_set_days (self->calendar, days, &today);
  return TRUE;
}

static gboolean
show_regions (UnknotHistoryFigures  *self,
              UnknotHistory         *history,
              GDateTime             *now,
              GError               **error)
{
  guint64 seconds[UNKNOT_N_REGIONS];
  gboolean any;

  if (!unknot_history_get_region_seconds (history, now, REGION_DAYS, seconds, error))
    return FALSE;
  unknot_region_chart_set_seconds (self->region_chart, seconds);
  any = unknot_region_chart_get_n_bars (self->region_chart) > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->region_chart), any);
  gtk_widget_set_visible (GTK_WIDGET (self->region_empty_label), !any);
  return TRUE;
}

/* The chart spans the same local days as the store's query: from the start of the
 * first day to now. */
static gboolean
show_feel (UnknotHistoryFigures  *self,
           UnknotHistory         *history,
           GDateTime             *now,
           GError               **error)
{
  g_autoptr (GArray) ratings = unknot_history_get_feel_ratings (history, now, FEEL_DAYS, error);
  g_autoptr (GDateTime) today = NULL;
  g_autoptr (GDateTime) first = NULL;
  gboolean any;

  if (ratings == NULL)
    return FALSE;
  today = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                           g_date_time_get_month (now), g_date_time_get_day_of_month (now),
                           0, 0, 0);
  first = g_date_time_add_days (today, -(FEEL_DAYS - 1));
  unknot_feel_chart_set_ratings (self->feel_chart, ratings, g_date_time_to_unix (first),
                                 MAX (g_date_time_to_unix (now), g_date_time_to_unix (first) + 1));
  any = ratings->len > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->feel_chart), any);
  gtk_widget_set_visible (GTK_WIDGET (self->feel_empty_label), !any);
  return TRUE;
}

static void
unknot_history_figures_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), UNKNOT_TYPE_HISTORY_FIGURES);
  G_OBJECT_CLASS (unknot_history_figures_parent_class)->dispose (object);
}

static void
unknot_history_figures_class_init (UnknotHistoryFiguresClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = unknot_history_figures_dispose;

  g_type_ensure (UNKNOT_TYPE_GOAL_RING);
  g_type_ensure (UNKNOT_TYPE_CALENDAR_HEATMAP);
  g_type_ensure (UNKNOT_TYPE_REGION_CHART);
  g_type_ensure (UNKNOT_TYPE_FEEL_CHART);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/unknot/Unknot/ui/unknot-history-figures.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryFigures, goal_ring);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryFigures, goal_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryFigures, current_streak_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryFigures, best_streak_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryFigures, calendar);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryFigures, region_chart);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryFigures, region_empty_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryFigures, feel_chart);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryFigures, feel_empty_label);
}

static void
unknot_history_figures_init (UnknotHistoryFigures *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * unknot_history_figures_update:
 * @now: the moment whose local day and week are "today" and "this week"
 * @goal: sessions a week to aim for
 *
 * Reads every figure from @history again.
 *
 * Returns: %FALSE if the store could not be read; the figures may then be half new.
 */
gboolean
unknot_history_figures_update (UnknotHistoryFigures  *self,
                               UnknotHistory         *history,
                               GDateTime             *now,
                               guint                  goal,
                               GError               **error)
{
  g_return_val_if_fail (UNKNOT_IS_HISTORY_FIGURES (self), FALSE);
  g_return_val_if_fail (UNKNOT_IS_HISTORY (history), FALSE);

  return show_goal (self, history, now, goal, error)
         && show_calendar (self, history, now, error)
         && show_regions (self, history, now, error)
         && show_feel (self, history, now, error);
}
