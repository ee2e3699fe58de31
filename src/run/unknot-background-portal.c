/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-background-portal.h"

/* Asks the desktop, through the Background portal, to let the reminder service run at
 * login and in the background. Without the portal (no such interface on the bus, as in
 * a plain Debian 12 session) the request fails with G_IO_ERROR_NOT_SUPPORTED, and
 * reminders come only while the window is open. */

#define PORTAL_NAME      "org.freedesktop.portal.Desktop"
#define PORTAL_PATH      "/org/freedesktop/portal/desktop"
#define PORTAL_INTERFACE "org.freedesktop.portal.Background"

typedef struct
{
  GDBusConnection *bus;
  char *request_path;
  guint response_subscription;  /* holds a reference on the task until unsubscribed */
  gboolean answered;
} Request;

static void
stop_listening (Request *request)
{
  if (request->response_subscription != 0)
    g_dbus_connection_signal_unsubscribe (request->bus, request->response_subscription);
  request->response_subscription = 0;
}

static void
request_free (Request *request)
{
  g_clear_object (&request->bus);
  g_free (request->request_path);
  g_free (request);
}

/* The portal answers on a request object whose path it derives from our name on the bus
 * and a token of ours; we listen there before asking, so no answer is missed. */
static char *
request_path_for (GDBusConnection *bus,
                  const char      *token)
{
  g_autofree char *sender = g_strdup (g_dbus_connection_get_unique_name (bus) + 1);

  g_strdelimit (sender, ".", '_');
  return g_strdup_printf (PORTAL_PATH "/request/%s/%s", sender, token);
}

static void
on_response (GDBusConnection *bus,
             const char      *sender,
             const char      *path,
             const char      *interface,
             const char      *signal,
             GVariant        *parameters,
             gpointer         data)
{
  GTask *task = data;
  Request *request = g_task_get_task_data (task);
  g_autoptr (GVariant) results = NULL;
  guint32 response;
  gboolean background = FALSE;

  if (request->answered)
    return;
  request->answered = TRUE;
  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_variant_lookup (results, "background", "b", &background);
  if (response == 0 && background)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             "Running in the background was not allowed");
  stop_listening (request);
}

static void
on_requested (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr (GTask) task = data;
  Request *request = g_task_get_task_data (task);
  g_autoptr (GVariant) reply = NULL;
  GError *error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply != NULL || request->answered)
    {
      g_clear_error (&error);
      return; /* answered by on_response() */
    }
  request->answered = TRUE;
  stop_listening (request);
  g_task_return_error (task, error);
}

static GVariant *
request_options (const char *token)
{
  static const char *const commandline[] = { "unknot", "--gapplication-service", NULL };
  GVariantBuilder options;

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Reminds you of your routines on the days "
                                                 "you chose, also when Unknot is closed")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (TRUE));
  g_variant_builder_add (&options, "{sv}", "commandline",
                         g_variant_new_strv (commandline, -1));
  return g_variant_builder_end (&options);
}

static void
on_version (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr (GTask) task = data;
  Request *request = g_task_get_task_data (task);
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GVariant) version = NULL;
  g_autofree char *token = g_strdup_printf ("unknot%u", g_random_int ());

  reply = g_dbus_connection_call_finish (request->bus, result, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(v)", &version);
  if (version == NULL || !g_variant_is_of_type (version, G_VARIANT_TYPE_UINT32)
      || g_variant_get_uint32 (version) == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               "No background portal");
      return;
    }

  request->request_path = request_path_for (request->bus, token);
  request->response_subscription =
    g_dbus_connection_signal_subscribe (request->bus, PORTAL_NAME,
                                        "org.freedesktop.portal.Request", "Response",
                                        request->request_path, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, on_response,
                                        g_object_ref (task), g_object_unref);
  g_dbus_connection_call (request->bus, PORTAL_NAME, PORTAL_PATH, PORTAL_INTERFACE,
                          "RequestBackground",
                          g_variant_new ("(s@a{sv})", "", request_options (token)),
                          G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          g_task_get_cancellable (task), on_requested, g_object_ref (task));
}

/* Asks for background activity and autostart of `unknot --gapplication-service`. */
void
unknot_background_portal_request_async (GDBusConnection     *bus,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task;
  Request *request;

  g_return_if_fail (G_IS_DBUS_CONNECTION (bus));

  task = g_task_new (NULL, cancellable, callback, user_data);
  request = g_new0 (Request, 1);
  request->bus = g_object_ref (bus);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_dbus_connection_call (bus, PORTAL_NAME, PORTAL_PATH, "org.freedesktop.DBus.Properties", "Get",
                          g_variant_new ("(ss)", PORTAL_INTERFACE, "version"),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, -1, cancellable,
                          on_version, task);
}

/* Returns: whether the service may run in the background and start at login. */
gboolean
unknot_background_portal_request_finish (GAsyncResult  *result,
                                         GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
