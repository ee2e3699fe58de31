/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-toasts.h"

/* Toasts from anywhere in a window: a widget shows one in the toast overlay it sits in,
 * found through the widget tree, so no page needs to know the window. */

/* A toast that shows @text as it is: a toast's title is markup, and messages hold file
 * names and errors with any character in them. */
AdwToast *
unknot_toast_new_text (const char *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  return adw_toast_new (markup);
}

/**
 * unknot_toast_add:
 * @toast: (transfer full): the toast to show
 *
 * Shows @toast in the overlay around @widget; a widget outside any (not yet in a
 * window, or taken out of one) drops it.
 */
void
unknot_toast_add (GtkWidget *widget,
                  AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

void
unknot_toast_show_text (GtkWidget  *widget,
                        const char *text)
{
  unknot_toast_add (widget, unknot_toast_new_text (text));
}
