/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-style.h"

/**
 * unknot_style_lookup_color:
 * @name: a named colour of the theme, such as "accent_bg_color"
 * @fallback: what to use where the theme does not define it
 *
 * The colour the custom widgets draw with, so that they follow the light, dark and
 * high-contrast styles instead of hard-coding colours.
 */
GdkRGBA
unknot_style_lookup_color (GtkWidget  *widget,
                           const char *name,
                           const char *fallback)
{
  GdkRGBA color;

  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color))
    gdk_rgba_parse (&color, fallback);
  return color;
}
