/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-portal-service.h"
#include "unknot-test-dbus-service.h"

#define REQUEST_PATH_BASE "/org/freedesktop/portal/desktop/request/"
#define REQUEST_PATH REQUEST_PATH_BASE "unknot/"

static const char introspection[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Inhibit'>"
  "    <method name='Inhibit'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='o' direction='out'/>"
  "    </method>"
  "    <method name='CreateMonitor'>"
  "      <arg type='s' direction='in'/><arg type='a{sv}' direction='in'/>"
  "      <arg type='o' direction='out'/>"
  "    </method>"
  "    <method name='QueryEndResponse'><arg type='o' direction='in'/></method>"
  "  </interface>"
  "  <interface name='org.freedesktop.portal.Background'>"
  "    <method name='RequestBackground'>"
  "      <arg type='s' direction='in'/><arg type='a{sv}' direction='in'/>"
  "      <arg type='o' direction='out'/>"
  "    </method>"
  "  </interface>"
  "  <interface name='org.freedesktop.portal.Settings'>"
  "    <method name='Read'>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='v' direction='out'/>"
  "    </method>"
  "    <method name='ReadOne'>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='v' direction='out'/>"
  "    </method>"
  "    <method name='ReadAll'>"
  "      <arg type='as' direction='in'/><arg type='a{sa{sv}}' direction='out'/>"
  "    </method>"
  "  </interface>"
  /* Answered here rather than by GDBus, so that GTK asking for the version of an interface
   * this portal lacks hears 0, "not supported", instead of an error it warns about. */
  "  <interface name='org.freedesktop.DBus.Properties'>"
  "    <method name='Get'>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='v' direction='out'/>"
  "    </method>"
  "    <method name='GetAll'>"
  "      <arg type='s' direction='in'/><arg type='a{sv}' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

/* What an inhibition returns: a request object, closed to end it. */
static const char request_introspection[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Request'>"
  "    <method name='Close'/>"
  "  </interface>"
  "</node>";

typedef struct
{
  guint flags;          /* GtkApplicationInhibitFlags */
  guint registration;   /* of its request object, to undo when it is closed */
} Inhibition;

/* Written from the service's thread, read from the test's. */
static GMutex lock;
static GHashTable *inhibitions;   /* request path → Inhibition */
static guint next_request = 1;
static GVariant *background_options; /* of the last RequestBackground */
static gboolean background_absent;   /* as on a desktop whose portal lacks it */

static GDBusInterfaceInfo *
request_interface (void)
{
  static GDBusNodeInfo *node;

  if (node == NULL)
    node = g_dbus_node_info_new_for_xml (request_introspection, NULL);
  return node->interfaces[0];
}

static void
on_request_call (GDBusConnection       *connection,
                 const char            *sender,
                 const char            *path,
                 const char            *interface,
                 const char            *method,
                 GVariant              *parameters,
                 GDBusMethodInvocation *invocation,
                 gpointer               data)
{
  Inhibition *inhibition;
  guint registration;

  g_mutex_lock (&lock);
  inhibition = g_hash_table_lookup (inhibitions, path);
  g_assert_nonnull (inhibition);
  registration = inhibition->registration;
  g_hash_table_remove (inhibitions, path);
  g_mutex_unlock (&lock);
  g_dbus_method_invocation_return_value (invocation, NULL);
  g_dbus_connection_unregister_object (connection, registration);
}

static void
inhibit (GDBusConnection       *connection,
         GVariant              *parameters,
         GDBusMethodInvocation *invocation)
{
  static const GDBusInterfaceVTable vtable = { on_request_call, NULL, NULL, { 0 } };
  Inhibition *inhibition = g_new0 (Inhibition, 1);
  g_autoptr (GError) error = NULL;
  char *path;

  /* window, flags, options */
  g_variant_get (parameters, "(&su@a{sv})", NULL, &inhibition->flags, NULL);
  g_mutex_lock (&lock);
  path = g_strdup_printf (REQUEST_PATH "%u", next_request++);
  inhibition->registration =
    g_dbus_connection_register_object (connection, path, request_interface (), &vtable, NULL,
                                       NULL, &error);
  g_assert_no_error (error);
  g_hash_table_insert (inhibitions, path, inhibition);
  g_mutex_unlock (&lock);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", path));
}

/* Grants it at once, as a desktop does once the user has allowed it, answering on the
 * request object the caller derives from its name and its token. */
static void
request_background (GDBusConnection       *connection,
                    const char            *sender,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation)
{
  g_autoptr (GVariant) options = NULL;
  g_autofree char *caller = g_strdup (sender + 1);
  g_autofree char *path = NULL;
  const char *token = "none";
  GVariantBuilder results;

  g_variant_get (parameters, "(&s@a{sv})", NULL, &options);
  g_variant_lookup (options, "handle_token", "&s", &token);
  g_strdelimit (caller, ".", '_');
  path = g_strdup_printf (REQUEST_PATH_BASE "%s/%s", caller, token);
  g_mutex_lock (&lock);
  g_clear_pointer (&background_options, g_variant_unref);
  background_options = g_variant_ref (options);
  g_mutex_unlock (&lock);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", path));

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (TRUE));
  g_variant_builder_add (&results, "{sv}", "autostart", g_variant_new_boolean (TRUE));
  g_dbus_connection_emit_signal (connection, sender, path, "org.freedesktop.portal.Request",
                                 "Response", g_variant_new ("(u@a{sv})", 0,
                                                            g_variant_builder_end (&results)),
                                 NULL);
}

/* The version of each interface this portal has, as today's xdg-desktop-portal; 0 for
 * any other. */
static guint
interface_version (const char *interface)
{
  if (g_str_equal (interface, "org.freedesktop.portal.Inhibit"))
    return 3;
  if (g_str_equal (interface, "org.freedesktop.portal.Settings"))
    return 2;
  if (g_str_equal (interface, "org.freedesktop.portal.Background"))
    return g_atomic_int_get (&background_absent) ? 0 : 2;
  return 0;
}

static void
get_property (GVariant              *parameters,
              GDBusMethodInvocation *invocation)
{
  const char *interface, *property;

  g_variant_get (parameters, "(&s&s)", &interface, &property);
  if (g_str_equal (property, "version"))
    g_dbus_method_invocation_return_value (
      invocation, g_variant_new ("(v)", g_variant_new_uint32 (interface_version (interface))));
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                           "No such property “%s”", property);
}

static void
get_all_properties (GVariant              *parameters,
                    GDBusMethodInvocation *invocation)
{
  const char *interface;
  GVariantBuilder properties;

  g_variant_get (parameters, "(&s)", &interface);
  g_variant_builder_init (&properties, G_VARIANT_TYPE_VARDICT);
  if (interface_version (interface) > 0)
    g_variant_builder_add (&properties, "{sv}", "version",
                           g_variant_new_uint32 (interface_version (interface)));
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(a{sv})", &properties));
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
  if (g_str_equal (method, "Inhibit"))
    inhibit (connection, parameters, invocation);
  else if (g_str_equal (method, "RequestBackground"))
    request_background (connection, sender, parameters, invocation);
  else if (g_str_equal (method, "CreateMonitor"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(o)", REQUEST_PATH "monitor"));
  else if (g_str_equal (method, "QueryEndResponse"))
    g_dbus_method_invocation_return_value (invocation, NULL);
  else if (g_str_equal (method, "Get"))
    get_property (parameters, invocation);
  else if (g_str_equal (method, "GetAll"))
    get_all_properties (parameters, invocation);
  else if (g_str_equal (method, "ReadAll"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(a{sa{sv}})", NULL));
  else
    g_dbus_method_invocation_return_dbus_error (invocation,
                                                "org.freedesktop.portal.Error.NotFound",
                                                "No such setting");
}

void
unknot_portal_service_start (void)
{
  static const GDBusInterfaceVTable vtable = { on_method_call, NULL, NULL, { 0 } };

  inhibitions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  unknot_test_dbus_service_start ("org.freedesktop.portal.Desktop",
                                  "/org/freedesktop/portal/desktop", introspection, &vtable);
}

/* How many inhibitions are in force now. */
guint
unknot_portal_service_get_n_inhibitors (void)
{
  guint n;

  g_mutex_lock (&lock);
  n = g_hash_table_size (inhibitions);
  g_mutex_unlock (&lock);
  return n;
}

/* What is inhibited now, as GtkApplicationInhibitFlags. */
guint
unknot_portal_service_get_flags (void)
{
  GHashTableIter iter;
  Inhibition *inhibition;
  guint flags = 0;

  g_mutex_lock (&lock);
  g_hash_table_iter_init (&iter, inhibitions);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &inhibition))
    flags |= inhibition->flags;
  g_mutex_unlock (&lock);
  return flags;
}

/* Returns: (transfer full) (nullable): the options of the last request to run in the
 * background, or %NULL if none came. */
GVariant *
unknot_portal_service_get_background_request (void)
{
  GVariant *options;

  g_mutex_lock (&lock);
  options = background_options ? g_variant_ref (background_options) : NULL;
  g_mutex_unlock (&lock);
  return options;
}

/* Whether the portal has a Background interface, as today's do (the default), or not, as
 * Debian 12's has not. */
void
unknot_portal_service_set_background (gboolean present)
{
  g_atomic_int_set (&background_absent, !present);
}
