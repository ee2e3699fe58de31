/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-calendar-heatmap.h"
#include "unknot-feel-chart.h"
#include "unknot-goal-ring.h"
#include "unknot-history.h"
#include "unknot-region-chart.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_HISTORY_PAGE (unknot_history_page_get_type ())
G_DECLARE_FINAL_TYPE (UnknotHistoryPage, unknot_history_page, UNKNOT, HISTORY_PAGE, GtkWidget)

GtkWidget                  *unknot_history_page_new              (void);
UnknotHistory              *unknot_history_page_get_history      (UnknotHistoryPage *self);
void                        unknot_history_page_set_history      (UnknotHistoryPage *self,
                                                                  UnknotHistory     *history);
GSettings                  *unknot_history_page_get_settings     (UnknotHistoryPage *self);
void                        unknot_history_page_set_settings     (UnknotHistoryPage *self,
                                                                  GSettings         *settings);
void                        unknot_history_page_refresh          (UnknotHistoryPage *self);

const char                 *unknot_history_page_get_state        (UnknotHistoryPage *self);
UnknotGoalRing             *unknot_history_page_get_goal_ring    (UnknotHistoryPage *self);
UnknotCalendarHeatmap      *unknot_history_page_get_calendar     (UnknotHistoryPage *self);
UnknotRegionChart          *unknot_history_page_get_region_chart (UnknotHistoryPage *self);
UnknotFeelChart            *unknot_history_page_get_feel_chart   (UnknotHistoryPage *self);
guint                       unknot_history_page_get_n_sessions   (UnknotHistoryPage *self);
const UnknotHistorySession *unknot_history_page_get_session      (UnknotHistoryPage *self,
                                                                  guint              index);
AdwActionRow               *unknot_history_page_get_row          (UnknotHistoryPage *self,
                                                                  guint              index);
AdwToast                   *unknot_history_page_get_undo_toast   (UnknotHistoryPage *self);

G_END_DECLS
