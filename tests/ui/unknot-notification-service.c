/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-notification-service.h"
#include "unknot-test-dbus-service.h"

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

/* Written from the service's thread, read from the test's. */
static GMutex lock;
static GHashTable *open_notifications; /* id → summary */
static char *last_summary;
static char *last_body;
static guint n_sent;
static guint next_id = 1;

static void
notify (GVariant              *parameters,
        GDBusMethodInvocation *invocation)
{
  guint replaces;
  const char *summary, *body;
  guint id;

  /* app name, replaces id, icon, summary, body, actions, hints, timeout */
  g_variant_get (parameters, "(&su&s&s&s^a&s@a{sv}i)", NULL, &replaces, NULL, &summary, &body,
                 NULL, NULL, NULL);
  g_mutex_lock (&lock);
  id = replaces != 0 ? replaces : next_id++;
  g_hash_table_replace (open_notifications, GUINT_TO_POINTER (id), g_strdup (summary));
  g_free (last_summary);
  last_summary = g_strdup (summary);
  g_free (last_body);
  last_body = g_strdup (body);
  n_sent++;
  g_mutex_unlock (&lock);
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
      g_mutex_lock (&lock);
      g_hash_table_remove (open_notifications, GUINT_TO_POINTER (id));
      g_mutex_unlock (&lock);
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

  open_notifications = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  unknot_test_dbus_service_start ("org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                                  introspection, &vtable);
}

/* How many notifications are shown now: sent and not yet withdrawn. */
guint
unknot_notification_service_get_n_open (void)
{
  guint n;

  g_mutex_lock (&lock);
  n = g_hash_table_size (open_notifications);
  g_mutex_unlock (&lock);
  return n;
}

/* The title of the last notification sent, or NULL; valid until the next one. */
const char *
unknot_notification_service_get_last (void)
{
  const char *summary;

  g_mutex_lock (&lock);
  summary = last_summary;
  g_mutex_unlock (&lock);
  return summary;
}

/* The text of the last notification sent, or NULL; valid until the next one. */
const char *
unknot_notification_service_get_last_body (void)
{
  const char *body;

  g_mutex_lock (&lock);
  body = last_body;
  g_mutex_unlock (&lock);
  return body;
}

/* How many notifications were sent, withdrawn ones too. */
guint
unknot_notification_service_get_n_sent (void)
{
  guint n;

  g_mutex_lock (&lock);
  n = n_sent;
  g_mutex_unlock (&lock);
  return n;
}
