/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-monotonic-clock.h"

#ifdef __linux__
#include <sys/timerfd.h>
#include <unistd.h>
#endif

/* The real clock: g_get_monotonic_time(), and each deadline a GSource with that ready
 * time in the thread-default main context, so it never fires early.
 *
 * A ready time alone wakes the loop up to about 2 ms late: GLib sleeps in whole
 * milliseconds, rounded up, and Linux lets a poll() overrun by 0.1 % of its length
 * (1 ms for the one-second waits of a session). So on Linux the source also watches a
 * timerfd armed at the same absolute time, which the kernel fires without slack; the
 * loop then wakes within tens of microseconds. The ready time stays, as the portable
 * way and the fallback should the timerfd fail. */
struct _UnknotMonotonicClock
{
  UnknotClock parent_instance;
};

G_DEFINE_FINAL_TYPE (UnknotMonotonicClock, unknot_monotonic_clock, UNKNOT_TYPE_CLOCK)

typedef struct
{
  GSource source;
  UnknotClockFunc func;
  gpointer user_data;
  int timer_fd; /* -1 if none */
} DeadlineSource;

static gboolean
deadline_source_dispatch (GSource     *source,
                          GSourceFunc  callback,
                          gpointer     data)
{
  DeadlineSource *deadline = (DeadlineSource *) source;

  deadline->func (deadline->user_data);
  return G_SOURCE_REMOVE;
}

static void
deadline_source_finalize (GSource *source)
{
#ifdef __linux__
  DeadlineSource *deadline = (DeadlineSource *) source;

  if (deadline->timer_fd >= 0)
    close (deadline->timer_fd);
#endif
}

static GSourceFuncs deadline_source_funcs = {
  .dispatch = deadline_source_dispatch,
  .finalize = deadline_source_finalize,
};

/* g_get_monotonic_time() is CLOCK_MONOTONIC in µs on Linux, so the deadline carries
 * over as it is. */
static void
add_timer_fd (DeadlineSource *deadline_source,
              gint64          deadline)
{
#ifdef __linux__
  struct itimerspec when = { { 0, 0 }, { 0, 0 } };
  int fd = timerfd_create (CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);

  if (fd < 0)
    return;

  /* An all-zero time would disarm the timer instead of firing it at once. */
  deadline = MAX (deadline, 1);
  when.it_value.tv_sec = deadline / G_USEC_PER_SEC;
  when.it_value.tv_nsec = (deadline % G_USEC_PER_SEC) * 1000;
  if (timerfd_settime (fd, TFD_TIMER_ABSTIME, &when, NULL) != 0)
    {
      close (fd);
      return;
    }
  deadline_source->timer_fd = fd;
  g_source_add_unix_fd (&deadline_source->source, fd, G_IO_IN);
#endif
}

static gint64
unknot_monotonic_clock_get_time (UnknotClock *clock)
{
  return g_get_monotonic_time ();
}

static guint
unknot_monotonic_clock_add_deadline (UnknotClock     *clock,
                                     gint64           deadline,
                                     UnknotClockFunc  func,
                                     gpointer         user_data)
{
  g_autoptr (GMainContext) context = g_main_context_ref_thread_default ();
  GSource *source = g_source_new (&deadline_source_funcs, sizeof (DeadlineSource));
  DeadlineSource *deadline_source = (DeadlineSource *) source;
  guint id;

  deadline_source->func = func;
  deadline_source->user_data = user_data;
  deadline_source->timer_fd = -1;
  g_source_set_static_name (source, "UnknotClock deadline");
  /* Above redraws and input, so a busy frame delays a cue as little as possible. */
  g_source_set_priority (source, G_PRIORITY_HIGH);
  g_source_set_ready_time (source, MAX (deadline, 0));
  add_timer_fd (deadline_source, deadline);
  id = g_source_attach (source, context);
  g_source_unref (source);
  return id;
}

static void
unknot_monotonic_clock_remove_deadline (UnknotClock *clock,
                                        guint        id)
{
  g_autoptr (GMainContext) context = g_main_context_ref_thread_default ();
  GSource *source = g_main_context_find_source_by_id (context, id);

  if (source != NULL)
    g_source_destroy (source);
}

static void
unknot_monotonic_clock_class_init (UnknotMonotonicClockClass *klass)
{
  UnknotClockClass *clock_class = UNKNOT_CLOCK_CLASS (klass);

  clock_class->get_time = unknot_monotonic_clock_get_time;
  clock_class->add_deadline = unknot_monotonic_clock_add_deadline;
  clock_class->remove_deadline = unknot_monotonic_clock_remove_deadline;
}

static void
unknot_monotonic_clock_init (UnknotMonotonicClock *self)
{
}

UnknotClock *
unknot_monotonic_clock_new (void)
{
  return g_object_new (UNKNOT_TYPE_MONOTONIC_CLOCK, NULL);
}
