/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_CALENDAR_HEATMAP (unknot_calendar_heatmap_get_type ())
G_DECLARE_FINAL_TYPE (UnknotCalendarHeatmap, unknot_calendar_heatmap, UNKNOT, CALENDAR_HEATMAP,
                      GtkWidget)

GtkWidget  *unknot_calendar_heatmap_new          (void);
void        unknot_calendar_heatmap_set_days     (UnknotCalendarHeatmap *self,
                                                  GArray                *days,
                                                  const GDate           *today);

G_END_DECLS
