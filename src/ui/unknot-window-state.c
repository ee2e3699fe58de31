/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-window-state.h"

/* The window's size and whether it is maximized, kept in the settings from one start to
 * the next. The default size, not the allocation: a maximized window must come back to
 * the size it had before it was maximized. */

void
unknot_window_state_restore (GtkWindow *window,
                             GSettings *settings)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (G_IS_SETTINGS (settings));

  gtk_window_set_default_size (window,
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (window);
}

void
unknot_window_state_save (GtkWindow *window,
                          GSettings *settings)
{
  int width, height;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (G_IS_SETTINGS (settings));

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
}
