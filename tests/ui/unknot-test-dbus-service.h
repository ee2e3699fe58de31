/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void unknot_test_dbus_service_start (const char                 *bus_name,
                                     const char                 *object_path,
                                     const char                 *introspection,
                                     const GDBusInterfaceVTable *vtable);

G_END_DECLS
