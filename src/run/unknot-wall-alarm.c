/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-wall-alarm.h"

#include <errno.h>
#include <glib-unix.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/timerfd.h>
#endif

/* An alarm at a time of the wall clock, for reminders: one timer to that instant, no
 * polling. It rings ("rang") when the time comes, and says "changed" when the time it
 * was set by may have moved under it: the clock was set, the time zone changed, or the
 * computer woke from sleep; the owner then computes the time again and sets it anew.
 *
 * On Linux the timer is a timerfd on the real-time clock with TFD_TIMER_CANCEL_ON_SET:
 * it fires at the wall-clock instant even across a suspend, and the kernel cancels it
 * when the clock is set. Elsewhere a plain timeout, re-armed on "changed". */
struct _UnknotWallAlarm
{
  GObject parent_instance;

  gint64 offset;        /* µs added to the real time; see unknot_wall_alarm_init() */
  int timer_fd;         /* -1 without timerfd */
  guint timer_source;
  guint fallback_source;
  GFileMonitor *zone_monitor;
  GDBusConnection *system_bus;
  guint sleep_subscription;
  GCancellable *cancellable;
};

enum
{
  SIGNAL_RANG,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UnknotWallAlarm, unknot_wall_alarm, G_TYPE_OBJECT)

#ifdef __linux__
static gboolean
on_timer_fd (int          fd,
             GIOCondition condition,
             gpointer     data)
{
  UnknotWallAlarm *self = data;
  guint64 expirations;

  if (read (fd, &expirations, sizeof expirations) == sizeof expirations)
    g_signal_emit (self, signals[SIGNAL_RANG], 0);
  else if (errno == ECANCELED)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return G_SOURCE_CONTINUE;
}
#endif

static gboolean
on_fallback_timeout (gpointer data)
{
  UnknotWallAlarm *self = data;

  self->fallback_source = 0;
  g_signal_emit (self, signals[SIGNAL_RANG], 0);
  return G_SOURCE_REMOVE;
}

static void
on_zone_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 UnknotWallAlarm   *self)
{
  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT || event == G_FILE_MONITOR_EVENT_CREATED
      || event == G_FILE_MONITOR_EVENT_RENAMED || event == G_FILE_MONITOR_EVENT_MOVED_IN)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* logind says PrepareForSleep (false) when the computer has woken up. */
static void
on_prepare_for_sleep (GDBusConnection *connection,
                      const char      *sender,
                      const char      *path,
                      const char      *interface,
                      const char      *signal,
                      GVariant        *parameters,
                      gpointer         data)
{
  gboolean going_to_sleep;

  g_variant_get (parameters, "(b)", &going_to_sleep);
  if (!going_to_sleep)
    g_signal_emit (data, signals[SIGNAL_CHANGED], 0);
}

/* Without a system bus (a container, a test) the other signs of a changed clock remain. */
static void
on_system_bus (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr (GDBusConnection) bus = g_bus_get_finish (result, NULL);
  UnknotWallAlarm *self;

  if (bus == NULL)
    return;
  self = data;
  self->system_bus = g_steal_pointer (&bus);
  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (self->system_bus, "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager", "PrepareForSleep",
                                        "/org/freedesktop/login1", NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, on_prepare_for_sleep, self,
                                        NULL);
}

static void
unknot_wall_alarm_dispose (GObject *object)
{
  UnknotWallAlarm *self = UNKNOT_WALL_ALARM (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->timer_source, g_source_remove);
  g_clear_handle_id (&self->fallback_source, g_source_remove);
  if (self->timer_fd >= 0)
    close (self->timer_fd);
  self->timer_fd = -1;
  if (self->zone_monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->zone_monitor, self);
  g_clear_object (&self->zone_monitor);
  if (self->sleep_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
  self->sleep_subscription = 0;
  g_clear_object (&self->system_bus);

  G_OBJECT_CLASS (unknot_wall_alarm_parent_class)->dispose (object);
}

static void
unknot_wall_alarm_class_init (UnknotWallAlarmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_wall_alarm_dispose;

  signals[SIGNAL_RANG] = g_signal_new ("rang", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static gint64
to_unix_usec (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

/* UNKNOT_REMINDER_NOW (an ISO 8601 time) lets the tests start the clock at a time of
 * their choosing, a few seconds before a reminder; it then runs at its normal pace. */
static gint64
read_test_offset (void)
{
  const char *text = g_getenv ("UNKNOT_REMINDER_NOW");
  g_autoptr (GDateTime) start = NULL;

  if (text == NULL || *text == '\0')
    return 0;
  start = g_date_time_new_from_iso8601 (text, NULL);
  if (start == NULL)
    return 0;
  return to_unix_usec (start) - g_get_real_time ();
}

static void
unknot_wall_alarm_init (UnknotWallAlarm *self)
{
  g_autoptr (GFile) zone_file = g_file_new_for_path ("/etc/localtime");

  self->offset = read_test_offset ();
  self->cancellable = g_cancellable_new ();
  self->timer_fd = -1;
#ifdef __linux__
  self->timer_fd = timerfd_create (CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (self->timer_fd >= 0)
    self->timer_source = g_unix_fd_add (self->timer_fd, G_IO_IN, on_timer_fd, self);
#endif
  self->zone_monitor = g_file_monitor_file (zone_file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->zone_monitor != NULL)
    g_signal_connect (self->zone_monitor, "changed", G_CALLBACK (on_zone_changed), self);
  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, on_system_bus, self);
}

UnknotWallAlarm *
unknot_wall_alarm_new (void)
{
  return g_object_new (UNKNOT_TYPE_WALL_ALARM, NULL);
}

/* Returns: (transfer full): the time now, in the local time zone as it is now: read
 * afresh, since the zone may have changed while the process ran (g_time_zone_new_local()
 * would keep the first). As GLib's own, TZ first, else the system's zone. */
GDateTime *
unknot_wall_alarm_now (UnknotWallAlarm *self)
{
  g_autoptr (GTimeZone) zone = NULL;
  g_autoptr (GDateTime) second = NULL;
  g_autoptr (GDateTime) now = NULL;
  gint64 usec;

  g_return_val_if_fail (UNKNOT_IS_WALL_ALARM (self), NULL);

  zone = g_time_zone_new_identifier (g_getenv ("TZ"));
  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  usec = g_get_real_time () + self->offset;
  second = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  now = g_date_time_add (second, usec % G_USEC_PER_SEC);
  return g_date_time_to_timezone (now, zone);
}

/* Rings once at @when, or never for %NULL; a time already past rings at once. Replaces
 * what was set before. */
void
unknot_wall_alarm_set (UnknotWallAlarm *self,
                       GDateTime       *when)
{
  gint64 target;

  g_return_if_fail (UNKNOT_IS_WALL_ALARM (self));

  g_clear_handle_id (&self->fallback_source, g_source_remove);
  target = when != NULL ? to_unix_usec (when) - self->offset : 0;
#ifdef __linux__
  if (self->timer_fd >= 0)
    {
      struct itimerspec spec = { { 0, 0 }, { 0, 0 } };

      /* 0 disarms; a target at or before the epoch cannot be meant. */
      if (when != NULL)
        {
          spec.it_value.tv_sec = MAX (target, 1) / G_USEC_PER_SEC;
          spec.it_value.tv_nsec = (MAX (target, 1) % G_USEC_PER_SEC) * 1000;
          if (spec.it_value.tv_sec == 0 && spec.it_value.tv_nsec == 0)
            spec.it_value.tv_nsec = 1;
        }
      if (timerfd_settime (self->timer_fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec,
                           NULL) == 0)
        return;
    }
#endif
  if (when != NULL)
    self->fallback_source =
      g_timeout_add_seconds (
        (guint) CLAMP ((target - g_get_real_time () + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC, 0,
                       G_MAXINT),
        on_fallback_timeout, self);
}

/* Moves this alarm's clock by @usec, as setting the system clock would, and says so
 * ("changed"), as the kernel does then: for tests of what follows a clock jump. */
void
unknot_wall_alarm_jump (UnknotWallAlarm *self,
                        gint64           usec)
{
  g_return_if_fail (UNKNOT_IS_WALL_ALARM (self));

  self->offset += usec;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}
