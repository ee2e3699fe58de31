/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The part of a desktop session manager (org.gnome.SessionManager) that keeps the
 * screen on, on the test's private D-Bus session: GTK asks it to inhibit idle and
 * suspend, and it remembers what is inhibited so tests can check it. */

void  unknot_session_manager_service_start        (void);
guint unknot_session_manager_service_get_n_inhibitors (void);
guint unknot_session_manager_service_get_flags    (void);

G_END_DECLS
