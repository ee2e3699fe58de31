/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-region-chart.h"

G_BEGIN_DECLS

/* What the widget shows, for the tests to check; the app reads none of it. */
UnknotRegion  unknot_region_chart_get_region  (UnknotRegionChart *self,
                                               guint              index);
const char   *unknot_region_chart_get_summary (UnknotRegionChart *self);

G_END_DECLS
