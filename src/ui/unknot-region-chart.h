/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "unknot-vocabulary.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_REGION_CHART (unknot_region_chart_get_type ())
G_DECLARE_FINAL_TYPE (UnknotRegionChart, unknot_region_chart, UNKNOT, REGION_CHART, GtkWidget)

GtkWidget    *unknot_region_chart_new         (void);
void          unknot_region_chart_set_seconds (UnknotRegionChart *self,
                                               const guint64      seconds[UNKNOT_N_REGIONS]);
guint         unknot_region_chart_get_n_bars  (UnknotRegionChart *self);
guint64       unknot_region_chart_get_seconds (UnknotRegionChart *self,
                                               guint              index);

G_END_DECLS
