/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A desktop notification service (org.freedesktop.Notifications) on the test's private
 * D-Bus session, which the app talks to as to any desktop's, and which remembers what
 * it was sent so tests can check it. */

void        unknot_notification_service_start      (void);
guint       unknot_notification_service_get_n_open (void);
const char *unknot_notification_service_get_last   (void);
const char *unknot_notification_service_get_last_body (void);
guint       unknot_notification_service_get_n_sent (void);

G_END_DECLS
