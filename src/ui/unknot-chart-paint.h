/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the history page's charts share to draw: the theme's named colours and text in
 * the widget's own font, so every chart follows light, dark and high-contrast styles
 * and the user's text size alike. */

GdkRGBA      unknot_chart_paint_color  (GtkWidget         *widget,
                                        const char        *name,
                                        double             alpha);
PangoLayout *unknot_chart_paint_layout (GtkWidget         *widget,
                                        const char        *text);
void         unknot_chart_paint_text   (GtkSnapshot       *snapshot,
                                        PangoLayout       *layout,
                                        double             x,
                                        double             y,
                                        const GdkRGBA     *color);

G_END_DECLS
