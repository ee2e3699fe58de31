/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-monotonic-clock.h"

/* The real clock: g_get_monotonic_time(), and each deadline a GSource with that ready
 * time in the thread-default main context. The main loop then sleeps until the
 * deadline (GLib rounds its poll timeout up to the next millisecond, never down), so a
 * deadline never fires early. */
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

static GSourceFuncs deadline_source_funcs = {
  .dispatch = deadline_source_dispatch,
};

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
  g_source_set_static_name (source, "UnknotClock deadline");
  /* Above redraws and input, so a busy frame delays a cue as little as possible. */
  g_source_set_priority (source, G_PRIORITY_HIGH);
  g_source_set_ready_time (source, MAX (deadline, 0));
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
