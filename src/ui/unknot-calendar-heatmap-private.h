/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-calendar-heatmap.h"

G_BEGIN_DECLS

/* What the widget shows, for the tests to check; the app reads none of it. */
guint       unknot_calendar_heatmap_get_n_weeks  (UnknotCalendarHeatmap *self);
guint       unknot_calendar_heatmap_get_sessions (UnknotCalendarHeatmap *self,
                                                  const GDate           *date);
guint       unknot_calendar_heatmap_get_level    (UnknotCalendarHeatmap *self,
                                                  const GDate           *date);
const char *unknot_calendar_heatmap_get_summary  (UnknotCalendarHeatmap *self);

G_END_DECLS
