/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_FEEL_CHART (unknot_feel_chart_get_type ())
G_DECLARE_FINAL_TYPE (UnknotFeelChart, unknot_feel_chart, UNKNOT, FEEL_CHART, GtkWidget)

GtkWidget  *unknot_feel_chart_new         (void);
void        unknot_feel_chart_set_ratings (UnknotFeelChart *self,
                                           GArray          *ratings,
                                           gint64           start,
                                           gint64           end);

G_END_DECLS
