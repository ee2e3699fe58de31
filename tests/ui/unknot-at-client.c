/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-at-client.h"

#include <gio/gio.h>

#define BUS_NAME "org.a11y.Bus"
#define TIMEOUT_MS 30000

/* The accessibility bus is started here, not by D-Bus activation: an activated launcher
 * would write into the test's output and outlive it, and the test runner waits for
 * that output to close. Its command is the one its D-Bus service file names. */
static GSubprocess *bus_launcher;

static char *
find_bus_launcher (void)
{
  const char *const *folders = g_get_system_data_dirs ();

  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (folders[i], "dbus-1", "services",
                                                BUS_NAME ".service", NULL);
      g_autoptr (GKeyFile) service = g_key_file_new ();

      if (g_key_file_load_from_file (service, path, G_KEY_FILE_NONE, NULL))
        return g_key_file_get_string (service, "D-BUS Service", "Exec", NULL);
    }
  return NULL;
}

static gboolean
has_owner (GDBusConnection *bus,
           const char      *name)
{
  g_autoptr (GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

void
unknot_at_bus_start (void)
{
  g_autofree char *command = find_bus_launcher ();
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr (GError) error = NULL;
  guint waited = 0;

  if (command == NULL)
    g_error ("No accessibility bus launcher is installed (at-spi2-core)");
  g_assert_nonnull (bus);
  /* It warns that the tests' stand-in session manager cannot register it, which is
   * harmless, so warnings are not fatal to it. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                        | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  bus_launcher = g_subprocess_launcher_spawn (launcher, &error, command, "--launch-immediately",
                                              NULL);
  g_assert_no_error (error);
  while (!has_owner (bus, BUS_NAME) && waited < TIMEOUT_MS)
    {
      unknot_at_sleep (50);
      waited += 50;
    }
  g_assert_true (has_owner (bus, BUS_NAME));
  g_assert_cmpint (atspi_init (), ==, 0);
}

void
unknot_at_bus_stop (void)
{
  if (bus_launcher == NULL)
    return;
  atspi_exit ();
  g_subprocess_send_signal (bus_launcher, SIGTERM);
  g_subprocess_wait (bus_launcher, NULL, NULL);
  g_clear_object (&bus_launcher);
}

static void
on_slept (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Waits with the main loop turning: this process answers the app's D-Bus calls. */
void
unknot_at_sleep (guint ms)
{
  gboolean slept = FALSE;

  g_timeout_add_once (ms, on_slept, &slept);
  while (!slept)
    g_main_context_iteration (NULL, TRUE);
}

static AtspiAccessible *
find_application_once (GPid pid)
{
  g_autoptr (UnknotAtAccessible) desktop = atspi_get_desktop (0);
  int n = atspi_accessible_get_child_count (desktop, NULL);

  for (int i = 0; i < n; i++)
    {
      g_autoptr (UnknotAtAccessible) application =
        atspi_accessible_get_child_at_index (desktop, i, NULL);

      if (application != NULL
          && atspi_accessible_get_process_id (application, NULL) == (guint) pid)
        return g_steal_pointer (&application);
    }
  return NULL;
}

/* The app of process @pid on the accessibility bus, once it has a window there. Read
 * afresh at every call, never from the client's cache, so a test sees every change. */
AtspiAccessible *
unknot_at_find_application (GPid pid)
{
  for (guint waited = 0; waited < TIMEOUT_MS; waited += 100)
    {
      g_autoptr (UnknotAtAccessible) application = find_application_once (pid);

      if (application != NULL && atspi_accessible_get_child_count (application, NULL) > 0)
        {
          atspi_accessible_set_cache_mask (application, ATSPI_CACHE_NONE);
          return g_steal_pointer (&application);
        }
      unknot_at_sleep (100);
    }
  g_error ("The app (process %d) never showed a window on the accessibility bus", (int) pid);
  return NULL;
}

AtspiAccessible *
unknot_at_get_frame (AtspiAccessible *application)
{
  int n = atspi_accessible_get_child_count (application, NULL);

  for (int i = 0; i < n; i++)
    {
      g_autoptr (UnknotAtAccessible) child = atspi_accessible_get_child_at_index (application, i,
                                                                               NULL);
      if (child != NULL && atspi_accessible_get_role (child, NULL) == ATSPI_ROLE_FRAME)
        return g_steal_pointer (&child);
    }
  return NULL;
}

gboolean
unknot_at_has_state (AtspiAccessible *accessible,
                     AtspiStateType   state)
{
  g_autoptr (UnknotAtStateSet) states = atspi_accessible_get_state_set (accessible);

  return states != NULL && atspi_state_set_contains (states, state);
}

char *
unknot_at_get_name (AtspiAccessible *accessible)
{
  char *name = atspi_accessible_get_name (accessible, NULL);

  return name != NULL ? name : g_strdup ("");
}

/* Visible, and given room in the window. GTK 4.8 never says "showing", and says
 * "visible" of the pages a stack keeps out of sight; those have no room. */
static gboolean
is_on_screen (AtspiAccessible *accessible)
{
  g_autoptr (UnknotAtComponent) component = NULL;
  AtspiRect *extents;
  gboolean has_room;

  if (!unknot_at_has_state (accessible, ATSPI_STATE_VISIBLE))
    return FALSE;
  component = atspi_accessible_get_component_iface (accessible);
  if (component == NULL)
    return TRUE;
  extents = atspi_component_get_extents (component, ATSPI_COORD_TYPE_WINDOW, NULL);
  has_room = extents == NULL || (extents->width > 0 && extents->height > 0);
  g_free (extents);
  return has_room;
}

static void
collect (AtspiAccessible *node,
         GPtrArray       *showing,
         guint            depth)
{
  int n;

  g_assert_cmpuint (depth, <, 100);
  n = atspi_accessible_get_child_count (node, NULL);
  for (int i = 0; i < n; i++)
    {
      AtspiAccessible *child = atspi_accessible_get_child_at_index (node, i, NULL);

      if (child == NULL)
        continue;
      if (!is_on_screen (child))
        {
          g_object_unref (child);
          continue;
        }
      g_ptr_array_add (showing, child);
      collect (child, showing, depth + 1);
    }
}

/* Everything under @root that is on screen, as a screen reader's review walks it. */
GPtrArray *
unknot_at_collect_showing (AtspiAccessible *root)
{
  GPtrArray *showing = g_ptr_array_new_with_free_func (g_object_unref);

  collect (root, showing, 0);
  return showing;
}

/* The first object on screen under @root with @role whose name starts with
 * @name_prefix, or NULL. */
AtspiAccessible *
unknot_at_find (AtspiAccessible *root,
                AtspiRole        role,
                const char      *name_prefix)
{
  g_autoptr (GPtrArray) showing = unknot_at_collect_showing (root);

  for (guint i = 0; i < showing->len; i++)
    {
      AtspiAccessible *accessible = showing->pdata[i];
      g_autofree char *name = unknot_at_get_name (accessible);

      if (atspi_accessible_get_role (accessible, NULL) == role
          && g_str_has_prefix (name, name_prefix))
        return g_object_ref (accessible);
    }
  return NULL;
}

/* What has the keyboard focus under @root, or NULL. */
AtspiAccessible *
unknot_at_find_focused (AtspiAccessible *root)
{
  g_autoptr (GPtrArray) showing = unknot_at_collect_showing (root);

  for (guint i = 0; i < showing->len; i++)
    if (unknot_at_has_state (showing->pdata[i], ATSPI_STATE_FOCUSED))
      return g_object_ref (showing->pdata[i]);
  return NULL;
}

/* Presses @accessible through its first action, as a screen reader's "activate" does. */
void
unknot_at_click (AtspiAccessible *accessible)
{
  g_autoptr (UnknotAtAction) action = atspi_accessible_get_action_iface (accessible);
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (action);
  g_assert_cmpint (atspi_action_get_n_actions (action, NULL), >, 0);
  atspi_action_do_action (action, 0, &error);
  g_assert_no_error (error);
}
