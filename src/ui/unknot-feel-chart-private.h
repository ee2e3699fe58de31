/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-feel-chart.h"

G_BEGIN_DECLS

/* What the widget shows, for the tests to check; the app reads none of it. */
guint       unknot_feel_chart_get_n_points (UnknotFeelChart *self);
guint       unknot_feel_chart_get_feel     (UnknotFeelChart *self,
                                            guint            index);
const char *unknot_feel_chart_get_summary  (UnknotFeelChart *self);

G_END_DECLS
