/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <atspi/atspi.h>

/* Starts a 30-minute timer in a running GNOME Clocks that shows its timer page, the way
 * a user would: by pressing its "30 m" quick-start button, then Start if that only set
 * the duration. Through the accessibility bus, so it needs no pointer and no window
 * manager. For bench-running-cpu, to measure Clocks' running timer beside Unknot.
 * Exits 0 once the timer runs, 1 if Clocks or its buttons never showed up. */

#define WAIT_SECONDS 30

/* Every push button under @node, in the order of the tree. */
static void
collect_buttons (AtspiAccessible *node,
                 GPtrArray       *buttons,
                 guint            depth)
{
  gint n_children;

  if (depth > 40)
    return;
  if (atspi_accessible_get_role (node, NULL) == ATSPI_ROLE_PUSH_BUTTON)
    g_ptr_array_add (buttons, g_object_ref (node));
  n_children = atspi_accessible_get_child_count (node, NULL);
  for (gint i = 0; i < n_children; i++)
    {
      AtspiAccessible *child = atspi_accessible_get_child_at_index (node, i, NULL);

      if (child != NULL)
        collect_buttons (child, buttons, depth + 1);
      g_clear_object (&child);
    }
}

/* The index of the button called @name in @buttons, or -1. */
static gint
find_named (GPtrArray  *buttons,
            const char *name)
{
  for (guint i = 0; i < buttons->len; i++)
    {
      g_autofree char *button_name = atspi_accessible_get_name (buttons->pdata[i], NULL);
      if (g_strcmp0 (button_name, name) == 0)
        return (gint) i;
    }
  return -1;
}

static gboolean
has_state (AtspiAccessible *node,
           AtspiStateType   state)
{
  AtspiStateSet *states = atspi_accessible_get_state_set (node);
  gboolean has = atspi_state_set_contains (states, state);

  g_object_unref (states);
  return has;
}

static AtspiAccessible *
find_clocks (void)
{
  AtspiAccessible *desktop = atspi_get_desktop (0);
  gint n_apps = atspi_accessible_get_child_count (desktop, NULL);
  AtspiAccessible *clocks = NULL;

  for (gint i = 0; i < n_apps && clocks == NULL; i++)
    {
      AtspiAccessible *app = atspi_accessible_get_child_at_index (desktop, i, NULL);
      g_autofree char *name = app ? atspi_accessible_get_name (app, NULL) : NULL;

      if (name != NULL && strstr (name, "clocks") != NULL)
        clocks = g_steal_pointer (&app);
      g_clear_object (&app);
    }
  g_object_unref (desktop);
  return clocks;
}

static gboolean
press (AtspiAccessible *button)
{
  return has_state (button, ATSPI_STATE_SENSITIVE)
         && atspi_action_do_action (ATSPI_ACTION (button), 0, NULL);
}

/* How many push buttons Clocks has now. */
static guint
count_buttons (AtspiAccessible *clocks)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new_with_free_func (g_object_unref);

  collect_buttons (clocks, buttons, 0);
  return buttons->len;
}

/* The timer page, empty, offers quick-start durations ("1 m" to "1 h") and then its
 * Start button, which has an icon and no name of its own: presses "30 m", then the first
 * button after "1 h" (it becomes sensitive once a duration is set). TRUE once the timer
 * runs: its row has brought buttons of its own. */
static gboolean
start_timer (AtspiAccessible *clocks)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new_with_free_func (g_object_unref);
  gint quick, last_quick;

  collect_buttons (clocks, buttons, 0);
  quick = find_named (buttons, "30 m");
  last_quick = find_named (buttons, "1 h");
  if (quick < 0 || last_quick < 0 || last_quick + 1 >= (gint) buttons->len)
    return FALSE;
  if (!press (buttons->pdata[quick]))
    return FALSE;
  g_usleep (G_USEC_PER_SEC / 2);
  press (buttons->pdata[last_quick + 1]);
  g_usleep (G_USEC_PER_SEC);
  return count_buttons (clocks) > buttons->len;
}

int
main (void)
{
  gint64 give_up = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  if (atspi_init () < 0)
    {
      g_printerr ("no accessibility bus\n");
      return 1;
    }
  while (g_get_monotonic_time () < give_up)
    {
      AtspiAccessible *clocks = find_clocks ();
      gboolean running = clocks != NULL && start_timer (clocks);

      g_clear_object (&clocks);
      if (running)
        return 0;
      g_usleep (G_USEC_PER_SEC / 2);
    }
  g_printerr ("GNOME Clocks' quick-start button or running timer was not found\n");
  return 1;
}
