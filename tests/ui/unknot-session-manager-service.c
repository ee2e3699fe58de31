/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-session-manager-service.h"
#include "unknot-test-dbus-service.h"

static const char introspection[] =
  "<node>"
  "  <interface name='org.gnome.SessionManager'>"
  "    <method name='Inhibit'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='Uninhibit'><arg type='u' direction='in'/></method>"
  "    <method name='IsInhibited'>"
  "      <arg type='u' direction='in'/><arg type='b' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

/* Written from the service's thread, read from the test's. */
static GMutex lock;
static GHashTable *inhibitors;   /* cookie → flags */
static guint next_cookie = 1;

/* Call with the lock held. */
static guint
inhibited_flags (void)
{
  GHashTableIter iter;
  gpointer flags;
  guint all = 0;

  g_hash_table_iter_init (&iter, inhibitors);
  while (g_hash_table_iter_next (&iter, NULL, &flags))
    all |= GPOINTER_TO_UINT (flags);
  return all;
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
  guint cookie, flags;
  gboolean inhibited;

  g_mutex_lock (&lock);
  if (g_str_equal (method, "Inhibit"))
    {
      /* application id, window, reason, flags */
      g_variant_get (parameters, "(&su&su)", NULL, NULL, NULL, &flags);
      cookie = next_cookie++;
      g_hash_table_insert (inhibitors, GUINT_TO_POINTER (cookie), GUINT_TO_POINTER (flags));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", cookie));
    }
  else if (g_str_equal (method, "Uninhibit"))
    {
      g_variant_get (parameters, "(u)", &cookie);
      g_hash_table_remove (inhibitors, GUINT_TO_POINTER (cookie));
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    {
      g_variant_get (parameters, "(u)", &flags);
      inhibited = (inhibited_flags () & flags) != 0;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(b)", inhibited));
    }
  g_mutex_unlock (&lock);
}

void
unknot_session_manager_service_start (void)
{
  static const GDBusInterfaceVTable vtable = { on_method_call, NULL, NULL, { 0 } };

  inhibitors = g_hash_table_new (NULL, NULL);
  unknot_test_dbus_service_start ("org.gnome.SessionManager", "/org/gnome/SessionManager",
                                  introspection, &vtable);
}

/* How many inhibitions are in force now. */
guint
unknot_session_manager_service_get_n_inhibitors (void)
{
  guint n;

  g_mutex_lock (&lock);
  n = g_hash_table_size (inhibitors);
  g_mutex_unlock (&lock);
  return n;
}

/* What is inhibited now, as GtkApplicationInhibitFlags. */
guint
unknot_session_manager_service_get_flags (void)
{
  guint flags;

  g_mutex_lock (&lock);
  flags = inhibited_flags ();
  g_mutex_unlock (&lock);
  return flags;
}
