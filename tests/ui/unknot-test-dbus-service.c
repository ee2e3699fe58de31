/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-test-dbus-service.h"

/* Runs a desktop service for the UI tests on the private D-Bus session, the way the
 * real one runs: on a connection of its own, answering from a thread of its own, so
 * that the app's synchronous calls (GTK inhibits idle with one) get their reply while
 * the app's main loop waits. */

typedef struct
{
  const char *bus_name;
  const char *object_path;
  const char *introspection;
  const GDBusInterfaceVTable *vtable;
  GMutex lock;
  GCond ready_cond;
  gboolean ready;
} Service;

static GDBusConnection *
connect_privately (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  GDBusConnection *connection;

  g_assert_no_error (error);
  connection =
    g_dbus_connection_new_for_address_sync (address,
                                            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                                            | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                            NULL, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

static void
own_name (GDBusConnection *connection,
          const char      *bus_name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;
  guint result;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", bus_name, 0), G_VARIANT_TYPE ("(u)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1); /* DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER */
}

static gpointer
serve (gpointer data)
{
  Service *service = data;
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (GMainLoop) loop = g_main_loop_new (context, FALSE);
  g_autoptr (GDBusNodeInfo) node = NULL;
  g_autoptr (GError) error = NULL;
  GDBusConnection *connection;

  g_main_context_push_thread_default (context);
  connection = connect_privately ();
  node = g_dbus_node_info_new_for_xml (service->introspection, &error);
  g_assert_no_error (error);
  for (guint i = 0; node->interfaces[i] != NULL; i++)
    {
      g_dbus_connection_register_object (connection, service->object_path, node->interfaces[i],
                                         service->vtable, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  own_name (connection, service->bus_name);

  g_mutex_lock (&service->lock);
  service->ready = TRUE;
  g_cond_signal (&service->ready_cond);
  g_mutex_unlock (&service->lock);

  /* Serves until the test program ends. */
  g_main_loop_run (loop);
  return NULL;
}

/**
 * unknot_test_dbus_service_start:
 * @introspection: the D-Bus XML of the object's interfaces
 * @vtable: answers their method calls, from the service's own thread
 *
 * Returns once the service owns @bus_name.
 */
void
unknot_test_dbus_service_start (const char                 *bus_name,
                                const char                 *object_path,
                                const char                 *introspection,
                                const GDBusInterfaceVTable *vtable)
{
  Service *service = g_new0 (Service, 1);

  service->bus_name = bus_name;
  service->object_path = object_path;
  service->introspection = introspection;
  service->vtable = vtable;
  g_mutex_init (&service->lock);
  g_cond_init (&service->ready_cond);

  g_thread_unref (g_thread_new (bus_name, serve, service));

  g_mutex_lock (&service->lock);
  while (!service->ready)
    g_cond_wait (&service->ready_cond, &service->lock);
  g_mutex_unlock (&service->lock);
}
