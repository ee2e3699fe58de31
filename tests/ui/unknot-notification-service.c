/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-notification-service.h"

static const char introspection[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static GDBusConnection *bus;           /* kept: the name goes with the connection */
static GHashTable *open_notifications; /* id → summary */
static char *last_summary;
static guint next_id = 1;

static void
notify (GVariant              *parameters,
        GDBusMethodInvocation *invocation)
{
  guint replaces;
  const char *summary;
  guint id;

  /* app name, replaces id, icon, summary, body, actions, hints, timeout */
  g_variant_get (parameters, "(&su&s&s&s^a&s@a{sv}i)", NULL, &replaces, NULL, &summary, NULL,
                 NULL, NULL, NULL);
  id = replaces != 0 ? replaces : next_id++;
  g_hash_table_replace (open_notifications, GUINT_TO_POINTER (id), g_strdup (summary));
  g_free (last_summary);
  last_summary = g_strdup (summary);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", id));
}

static void
on_method_call (GDBusConnection       *connection,
                const char            *sender,
                const char            *path,
                const char            *interface,
                const char            *method,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               data)
{
  const char *capabilities[] = { "body", NULL };
  guint id;

  if (g_str_equal (method, "Notify"))
    notify (parameters, invocation);
  else if (g_str_equal (method, "CloseNotification"))
    {
      g_variant_get (parameters, "(u)", &id);
      g_hash_table_remove (open_notifications, GUINT_TO_POINTER (id));
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method, "GetCapabilities"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", capabilities));
  else
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "test", "unknot", "1", "1.2"));
}

void
unknot_notification_service_start (void)
{
  static const GDBusInterfaceVTable vtable = { on_method_call, NULL, NULL, { 0 } };
  g_autoptr (GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (introspection, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  open_notifications = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications", node->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.Notifications", 0),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
}

/* How many notifications are shown now: sent and not yet withdrawn. */
guint
unknot_notification_service_get_n_open (void)
{
  return g_hash_table_size (open_notifications);
}

/* The title of the last notification sent, or NULL. */
const char *
unknot_notification_service_get_last (void)
{
  return last_summary;
}
