/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GdkRGBA unknot_style_lookup_color (GtkWidget  *widget,
                                   const char *name,
                                   double      alpha);

G_END_DECLS
