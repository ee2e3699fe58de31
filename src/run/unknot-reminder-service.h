/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_REMINDER_SERVICE (unknot_reminder_service_get_type ())
G_DECLARE_FINAL_TYPE (UnknotReminderService, unknot_reminder_service, UNKNOT, REMINDER_SERVICE,
                      GApplication)

UnknotReminderService *unknot_reminder_service_new          (void);
char                 **unknot_reminder_service_get_handover (UnknotReminderService *self);

G_END_DECLS
