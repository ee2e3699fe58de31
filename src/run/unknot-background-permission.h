/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  UNKNOT_BACKGROUND_UNKNOWN,     /* not asked yet */
  UNKNOT_BACKGROUND_PENDING,     /* asked, no answer yet */
  UNKNOT_BACKGROUND_ALLOWED,
  UNKNOT_BACKGROUND_DENIED,
  UNKNOT_BACKGROUND_UNAVAILABLE, /* no Background portal, or no session bus */
} UnknotBackgroundState;

#define UNKNOT_TYPE_BACKGROUND_PERMISSION (unknot_background_permission_get_type ())
G_DECLARE_FINAL_TYPE (UnknotBackgroundPermission, unknot_background_permission, UNKNOT,
                      BACKGROUND_PERMISSION, GObject)

UnknotBackgroundPermission *unknot_background_permission_new       (GDBusConnection            *bus);
void                        unknot_background_permission_request   (UnknotBackgroundPermission *self);
UnknotBackgroundState       unknot_background_permission_get_state (UnknotBackgroundPermission *self);
gboolean                    unknot_background_permission_wait      (UnknotBackgroundPermission *self,
                                                                    guint                       timeout_ms);

G_END_DECLS
