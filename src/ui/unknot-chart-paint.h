/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the history page's charts share to draw text: the widget's own font, so every
 * chart follows the user's text size. Colours come from unknot-style.h. */

PangoLayout *unknot_chart_paint_layout (GtkWidget         *widget,
                                        const char        *text);
void         unknot_chart_paint_text   (GtkSnapshot       *snapshot,
                                        PangoLayout       *layout,
                                        double             x,
                                        double             y,
                                        const GdkRGBA     *color);

G_END_DECLS
