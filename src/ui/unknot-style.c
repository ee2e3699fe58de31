/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-compat.h"
#include "unknot-style.h"

/* libadwaita defines every colour the custom widgets ask for; these stand in only
 * where a theme without them is forced, so a widget still draws something legible. */
static const struct
{
  const char *name;
  const char *fallback;
} fallbacks[] = {
  { "accent_bg_color", "#3584e4" },
  { "accent_color", "#1c71d8" },
  { "window_fg_color", "rgba(0,0,0,0.8)" },
  { "success_color", "#26a269" },
  { "warning_color", "#c64600" },
  { "error_color", "#c01c28" },
  { "window_bg_color", "#fafafa" },
};

/**
 * unknot_style_lookup_color:
 * @name: a named colour of the theme, such as "accent_bg_color"
 * @alpha: what to multiply the colour's alpha by
 *
 * The colour the custom widgets draw with, so that they follow the light, dark and
 * high-contrast styles instead of hard-coding colours.
 */
GdkRGBA
unknot_style_lookup_color (GtkWidget  *widget,
                           const char *name,
                           double      alpha)
{
  GdkRGBA color = { 0, 0, 0, 1 };

  g_return_val_if_fail (GTK_IS_WIDGET (widget), color);
  g_return_val_if_fail (name != NULL, color);

  if (!unknot_compat_lookup_color (widget, name, &color))
    for (guint i = 0; i < G_N_ELEMENTS (fallbacks); i++)
      if (g_str_equal (fallbacks[i].name, name))
        gdk_rgba_parse (&color, fallbacks[i].fallback);
  color.alpha *= alpha;
  return color;
}
