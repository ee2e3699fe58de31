/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "unknot-history-stats.h"
#include "unknot-vocabulary.h"

G_BEGIN_DECLS

/* What the history page's charts show, worked out from the store's figures without
 * drawing anything, so the charts, their accessible text and the tests agree. */

/* A heatmap day is 0 (no session) or one of these levels of the accent colour. */
#define UNKNOT_CHART_N_LEVELS 4

typedef struct
{
  UnknotRegion region;
  guint64      seconds;
} UnknotRegionTime;

guint  unknot_chart_heatmap_level      (guint                   sessions,
                                        guint                   most_sessions);
guint  unknot_chart_sort_regions       (const guint64           seconds[UNKNOT_N_REGIONS],
                                        UnknotRegionTime        bars[UNKNOT_N_REGIONS]);
char  *unknot_chart_describe_regions   (const UnknotRegionTime *bars,
                                        guint                   n_bars);
char  *unknot_chart_describe_calendar  (GArray                 *days,
                                        const GDate            *today);
char  *unknot_chart_describe_feel      (GArray                 *ratings);

G_END_DECLS
