/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>

#include "history-test-utils.h"
#include "unknot-library.h"
#include "unknot-notification-service.h"
#include "unknot-portal-service.h"
#include "unknot-reminders.h"
#include "unknot-test-utils.h"

/* `unknot --gapplication-service`, the real program, on the test's private D-Bus session
 * with a notification service that counts what it is sent. Its clock is started two
 * seconds before the reminder (UNKNOT_REMINDER_NOW), so the test waits seconds, not a
 * minute; the settings are a key file the test writes, the history a real database. */

#define ZONE "Europe/Berlin"
/* A Wednesday, two seconds before the reminder. */
#define NOW "2026-12-02T17:59:58+01:00"

typedef struct
{
  char *folder;
  GSubprocess *service;
} Fixture;

static void
write_settings (Fixture    *fixture,
                const char *days)
{
  g_autofree char *folder = g_build_filename (fixture->folder, "config", "glib-2.0", "settings",
                                              NULL);
  g_autofree char *text = g_strdup_printf ("[io/github/unknot/Unknot]\n"
                                           "reminder-days=%s\n"
                                           "reminder-time='18:00'\n"
                                           "weekly-goal=2\n", days);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  unknot_test_write_file (folder, "keyfile", text);
}

static char *
read_settings (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->folder, "config", "glib-2.0", "settings",
                                            "keyfile", NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* Sessions in the history the service reads, @minutes_ago before NOW. */
static void
add_session (Fixture             *fixture,
             int                  minutes_ago,
             UnknotHistoryStatus  status)
{
  g_autofree char *folder = g_build_filename (fixture->folder, "data", "unknot", NULL);
  g_autofree char *path = g_build_filename (folder, "history.db", NULL);
  g_autoptr (UnknotHistory) history = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_from_iso8601 (NOW, NULL);
  g_autoptr (GDateTime) started = g_date_time_add_minutes (now, -minutes_ago);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  history = history_test_open (path);
  history_test_add (history, started, status, 2);
}

static void
start_service_at (Fixture    *fixture,
                  const char *now)
{
  g_autoptr (GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autofree char *config = g_build_filename (fixture->folder, "config", NULL);
  g_autofree char *data = g_build_filename (fixture->folder, "data", NULL);
  g_autoptr (GError) error = NULL;

  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "TZ", ZONE, TRUE);
  g_subprocess_launcher_setenv (launcher, "UNKNOT_REMINDER_NOW", now, TRUE);
  fixture->service = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("UNKNOT_BINARY"),
                                                  "--gapplication-service", NULL);
  g_assert_no_error (error);
}

static void
start_service (Fixture *fixture)
{
  start_service_at (fixture, NOW);
}

static void
stop_service (Fixture *fixture)
{
  g_subprocess_send_signal (fixture->service, SIGTERM);
  g_subprocess_wait (fixture->service, NULL, NULL);
  g_clear_object (&fixture->service);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = unknot_test_make_folder ("reminder-service");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->service != NULL)
    stop_service (fixture);
  unknot_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

/* Looks every 20 ms: what is awaited happens in another process or on the notification
 * service's thread, which wake nothing here. */
static gboolean
wait_for (gboolean (*condition) (gpointer),
          gpointer  data,
          guint     timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (!condition (data))
    {
      if (g_get_monotonic_time () >= end)
        return FALSE;
      g_usleep (20 * G_TIME_SPAN_MILLISECOND);
    }
  return TRUE;
}

static gboolean
portal_asked (gpointer data)
{
  g_autoptr (GVariant) options = unknot_portal_service_get_background_request ();

  return options != NULL;
}

static gboolean
sent_more_than (gpointer data)
{
  return unknot_notification_service_get_n_sent () > GPOINTER_TO_UINT (data);
}

static gboolean
marked_today (gpointer data)
{
  g_autofree char *settings = read_settings (data);

  return strstr (settings, "reminder-last-day='2026-12-02'") != NULL;
}

/* The name of a routine of the library in @text, or NULL. */
static const char *
find_routine_name (const char *text)
{
  static UnknotLibrary *library;

  if (library == NULL)
    library = unknot_library_new_default ();
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr (UnknotRoutine) routine = g_list_model_get_item (G_LIST_MODEL (library), i);
      g_autofree char *expected = g_strdup_printf ("this week — %s takes",
                                                   unknot_routine_get_name (routine));

      if (strstr (text, expected) != NULL)
        return unknot_routine_get_name (routine);
    }
  return NULL;
}

static void
activate_action_with (const char *action,
                      GVariant   *parameter)
{
  GVariant *boxed = parameter != NULL ? g_variant_new_variant (parameter) : NULL;
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;
  GVariant *parameters = g_variant_new_array (G_VARIANT_TYPE_VARIANT, boxed ? &boxed : NULL,
                                              boxed ? 1 : 0);
  GVariant *platform_data = g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0);

  reply = g_dbus_connection_call_sync (bus, "io.github.unknot.Unknot", "/io/github/unknot/Unknot",
                                       "org.freedesktop.Application", "ActivateAction",
                                       g_variant_new ("(s@av@a{sv})", action, parameters,
                                                      platform_data),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
}

static void
activate_action (const char *action)
{
  activate_action_with (action, NULL);
}

static gboolean
none_open (gpointer data)
{
  return unknot_notification_service_get_n_open () == 0;
}

/* The "done when": one notification at the time, naming a routine, then none;
 * "Later" takes it away. */
static void
test_one_reminder (Fixture       *fixture,
                   gconstpointer  data)
{
  guint before = unknot_notification_service_get_n_sent ();
  const char *body;

  add_session (fixture, 24 * 60, UNKNOT_HISTORY_STATUS_COMPLETED);
  write_settings (fixture, "['wed']");
  start_service (fixture);

  g_assert_true (wait_for (sent_more_than, GUINT_TO_POINTER (before), 10000));
  g_assert_cmpstr (unknot_notification_service_get_last (), ==, "Time for a routine");
  body = unknot_notification_service_get_last_body ();
  g_test_message ("The reminder says: %s", body);
  g_assert_true (g_str_has_prefix (body, "1 of 2 this week — "));
  g_assert_nonnull (find_routine_name (body));
  g_assert_true (marked_today (fixture));

  /* No second one: the next is next Wednesday. */
  g_assert_false (wait_for (sent_more_than, GUINT_TO_POINTER (before + 1), 3000));
  g_assert_cmpuint (unknot_notification_service_get_n_open (), ==, 1);

  activate_action ("reminder-later");
  g_assert_true (wait_for (none_open, NULL, 5000));
  g_assert_cmpuint (unknot_notification_service_get_n_sent (), ==, before + 1);
}

/* With the week's goal met, or a routine running, the reminder's time passes in silence
 * (the day is marked as handled all the same). */
static void
test_silent (Fixture       *fixture,
             gconstpointer  data)
{
  UnknotHistoryStatus status = GPOINTER_TO_INT (data);
  guint before = unknot_notification_service_get_n_sent ();

  if (status == UNKNOT_HISTORY_STATUS_COMPLETED)
    {
      add_session (fixture, 24 * 60, status);
      add_session (fixture, 5, status);
    }
  else
    add_session (fixture, 5, status);
  write_settings (fixture, "['wed']");
  start_service (fixture);

  g_assert_true (wait_for (marked_today, fixture, 10000));
  g_assert_false (wait_for (sent_more_than, GUINT_TO_POINTER (before), 2000));
}

static char *
read_command_line (GSubprocess *process)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/cmdline",
                                           g_subprocess_get_identifier (process));
  char *text = NULL;
  gsize length;

  if (!g_file_get_contents (path, &text, &length, NULL))
    return g_strdup ("");
  for (gsize i = 0; i + 1 < length; i++)
    if (text[i] == '\0')
      text[i] = ' ';
  return text;
}

typedef struct
{
  GSubprocess *process;
  const char *ending;
} Expected;

static gboolean
runs_as (gpointer data)
{
  Expected *expected = data;
  g_autofree char *command_line = read_command_line (expected->process);

  return g_str_has_suffix (command_line, expected->ending);
}

/* The unique name of the process that owns the application's name, or NULL. */
static char *
get_app_owner (void)
{
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr (GVariant) reply = NULL;
  char *owner = NULL;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "GetNameOwner",
                                       g_variant_new ("(s)", "io.github.unknot.Unknot"),
                                       G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       NULL);
  if (reply != NULL)
    g_variant_get (reply, "(s)", &owner);
  return owner;
}

/* The application's name is owned, and not by the connection named @data (if given).
 * A process that has just executed another program in its place may still own the name
 * for a moment, until the bus notices its connection closed: a call then goes to it and
 * is never answered. */
static gboolean
app_on_bus (gpointer data)
{
  g_autofree char *owner = get_app_owner ();

  return owner != NULL && g_strcmp0 (owner, data) != 0;
}

/* "Start" on a reminder, sent to the service: it becomes the window, on that routine's
 * page, in the same process; and when the window quits with reminders on and the
 * desktop allowing them in the background, it becomes the service again. */
static void
test_hand_over (Fixture       *fixture,
                gconstpointer  data)
{
  Expected window = { NULL, " --show after-long-run" };
  Expected service = { NULL, " --gapplication-service" };
  g_autofree char *service_owner = NULL;
  g_autofree char *window_owner = NULL;

  write_settings (fixture, "['wed']");
  /* Hours before the reminder: only the hand-over is tried here. */
  start_service_at (fixture, "2026-12-02T09:00:00+01:00");
  window.process = service.process = fixture->service;
  g_assert_true (wait_for (runs_as, &service, 5000));
  g_assert_true (wait_for (app_on_bus, NULL, 5000));
  service_owner = get_app_owner ();

  activate_action_with ("show-routine", g_variant_new_string ("after-long-run"));
  g_assert_true (wait_for (runs_as, &window, 10000));
  /* The window took the name on the bus and asked the portal about the background. */
  g_assert_true (wait_for (app_on_bus, service_owner, 10000));
  g_assert_true (wait_for (portal_asked, NULL, 20000));
  window_owner = get_app_owner ();
  activate_action ("quit");
  g_assert_true (wait_for (runs_as, &service, 20000));
  g_assert_true (wait_for (app_on_bus, window_owner, 10000));
}

/* `unknot --show ID` typed while the service runs: the launcher hands its command line to
 * the service, as to any running instance, and the service becomes the window with it. */
static void
test_launched_meanwhile (Fixture       *fixture,
                         gconstpointer  data)
{
  Expected window = { NULL, " --show after-long-run" };
  Expected service = { NULL, " --gapplication-service" };
  g_autoptr (GSubprocess) launcher = NULL;
  g_autoptr (GError) error = NULL;

  g_autofree char *service_owner = NULL;

  write_settings (fixture, "['wed']");
  start_service_at (fixture, "2026-12-02T09:00:00+01:00");
  window.process = service.process = fixture->service;
  g_assert_true (wait_for (runs_as, &service, 5000));
  g_assert_true (wait_for (app_on_bus, NULL, 5000));
  service_owner = get_app_owner ();

  launcher = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, g_getenv ("UNKNOT_BINARY"),
                               "--show", "after-long-run", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (launcher, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for (runs_as, &window, 10000));
  g_assert_true (wait_for (app_on_bus, service_owner, 10000));
  activate_action ("quit");
  g_assert_true (wait_for (runs_as, &service, 20000));
}

/* Reminders off: nothing to wait for, so the service does not stay. */
static void
test_off_ends (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  write_settings (fixture, "@as []");
  start_service (fixture);
  g_assert_true (g_subprocess_wait (fixture->service, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (fixture->service));
  g_clear_object (&fixture->service);
}

/* The same code inside this process, as in the window: the clock is set forward past
 * the hours before the reminder, back after it, and on to the next day. Each jump
 * re-arms the one timer; without that it would wait for the time it was set to. */
static void
test_clock_jumps (void)
{
  g_autoptr (GApplication) application =
    g_application_new ("io.github.unknot.ReminderTest", G_APPLICATION_DEFAULT_FLAGS);
  g_autoptr (GSettings) settings = g_settings_new ("io.github.unknot.Unknot");
  const char *days[] = { "wed", "thu", NULL };
  g_autoptr (UnknotReminders) reminders = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = unknot_test_make_folder ("reminder-jumps");
  g_autofree char *path = g_build_filename (folder, "history.db", NULL);
  g_autoptr (UnknotHistory) history = history_test_open (path);
  g_autoptr (GDateTime) started = g_date_time_new_from_iso8601 ("2026-12-02T17:59:00+01:00", NULL);
  UnknotWallAlarm *alarm;
  guint before = unknot_notification_service_get_n_sent ();

  g_setenv ("TZ", ZONE, TRUE);
  g_setenv ("UNKNOT_REMINDER_NOW", "2026-12-02T09:00:00+01:00", TRUE);
  g_assert_true (g_application_register (application, NULL, &error));
  g_assert_no_error (error);
  g_settings_set_strv (settings, "reminder-days", days);
  g_settings_set_string (settings, "reminder-time", "18:00");
  reminders = unknot_reminders_new (application, settings, NULL, history);
  alarm = unknot_reminders_get_alarm (reminders);

  /* 09:00 → 17:59:58: the reminder comes two seconds later. */
  unknot_wall_alarm_jump (alarm, (9 * G_TIME_SPAN_HOUR) - 2 * G_TIME_SPAN_SECOND);
  g_assert_true (unknot_test_wait_until (sent_more_than, GUINT_TO_POINTER (before), 5000));
  g_assert_cmpstr (unknot_notification_service_get_last (), ==, "Time for a routine");
  g_assert_cmpuint (unknot_notification_service_get_n_open (), ==, 1);

  /* A routine starts, as the window says: the reminder on screen is stale. First the
   * notification service's answer must have come back, with the id to withdraw. */
  g_assert_false (unknot_test_wait_until (none_open, NULL, 500));
  history_test_add (history, started, UNKNOT_HISTORY_STATUS_IN_PROGRESS, 0);
  unknot_reminders_update (reminders);
  g_assert_true (unknot_test_wait_until (none_open, NULL, 5000));

  /* Back to 17:00 the same day: not again. */
  unknot_wall_alarm_jump (alarm, -G_TIME_SPAN_HOUR);
  g_assert_false (unknot_test_wait_until (sent_more_than, GUINT_TO_POINTER (before + 1), 2500));

  /* On to Thursday 17:59:58, the routine of yesterday long left behind: today's comes. */
  unknot_wall_alarm_jump (alarm, 25 * G_TIME_SPAN_HOUR);
  g_assert_true (unknot_test_wait_until (sent_more_than, GUINT_TO_POINTER (before + 1), 5000));
  g_assert_cmpuint (unknot_notification_service_get_n_open (), ==, 1);

  g_clear_object (&reminders);
  g_clear_object (&history);
  g_settings_reset (settings, "reminder-days");
  g_settings_reset (settings, "reminder-last-day");
  g_unsetenv ("UNKNOT_REMINDER_NOW");
  unknot_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  unknot_notification_service_start ();
  unknot_portal_service_start ();

  g_test_add ("/reminder-service/one-reminder", Fixture, NULL, fixture_set_up,
              test_one_reminder, fixture_tear_down);
  g_test_add ("/reminder-service/goal-met", Fixture,
              GINT_TO_POINTER (UNKNOT_HISTORY_STATUS_COMPLETED), fixture_set_up, test_silent,
              fixture_tear_down);
  g_test_add ("/reminder-service/routine-running", Fixture,
              GINT_TO_POINTER (UNKNOT_HISTORY_STATUS_IN_PROGRESS), fixture_set_up, test_silent,
              fixture_tear_down);
  g_test_add_func ("/reminder-service/clock-jumps", test_clock_jumps);
  g_test_add ("/reminder-service/hand-over", Fixture, NULL, fixture_set_up, test_hand_over,
              fixture_tear_down);
  g_test_add ("/reminder-service/launched-meanwhile", Fixture, NULL, fixture_set_up,
              test_launched_meanwhile, fixture_tear_down);
  g_test_add ("/reminder-service/off-ends", Fixture, NULL, fixture_set_up, test_off_ends,
              fixture_tear_down);
  return g_test_run ();
}
