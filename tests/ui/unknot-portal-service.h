/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The desktop portal (org.freedesktop.portal.Desktop) as far as the UI tests meet it, on
 * the test's private D-Bus session. GTK from 4.20 on keeps the screen on through its
 * Inhibit interface, where older GTK asked org.gnome.SessionManager; it remembers what is
 * inhibited so tests can check it. Its Settings interface knows no setting, so libadwaita
 * falls back to GSettings as it does without a portal. Its Background interface grants
 * every request and keeps the last one's options. */

void  unknot_portal_service_start            (void);
guint unknot_portal_service_get_n_inhibitors (void);
guint unknot_portal_service_get_flags        (void);
GVariant *unknot_portal_service_get_background_request (void);
void      unknot_portal_service_set_background           (gboolean present);

G_END_DECLS
