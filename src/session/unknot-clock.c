/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-clock.h"

#include "unknot-monotonic-clock.h"

/* Where the session engine gets its time from. Times are monotonic microseconds, and
 * deadlines are absolute: whoever schedules "the next cue at T" asks for T itself, not
 * for "in 1000 ms", so a late wake-up never pushes the following ones later.
 *
 * The real clock is UnknotMonotonicClock; tests and `unknot --timeline` use
 * UnknotFakeClock, whose time moves only when told. */

G_DEFINE_ABSTRACT_TYPE (UnknotClock, unknot_clock, G_TYPE_OBJECT)

static void
unknot_clock_class_init (UnknotClockClass *klass)
{
}

static void
unknot_clock_init (UnknotClock *self)
{
}

/**
 * unknot_clock_get_default:
 *
 * Returns: (transfer none): the process's real clock, shared by all sessions.
 */
UnknotClock *
unknot_clock_get_default (void)
{
  static UnknotClock *clock;

  if (g_once_init_enter (&clock))
    g_once_init_leave (&clock, unknot_monotonic_clock_new ());
  return clock;
}

/* The current time in µs; only differences between two readings mean anything. */
gint64
unknot_clock_get_time (UnknotClock *self)
{
  g_return_val_if_fail (UNKNOT_IS_CLOCK (self), 0);
  return UNKNOT_CLOCK_GET_CLASS (self)->get_time (self);
}

/**
 * unknot_clock_add_deadline:
 * @deadline: when to call @func, in the clock's µs; a time already past fires as soon
 *   as possible
 *
 * Calls @func once, never before @deadline. The clock does not hold @user_data:
 * remove the deadline before @user_data goes away.
 *
 * Returns: an id above 0 for unknot_clock_remove_deadline()
 */
guint
unknot_clock_add_deadline (UnknotClock     *self,
                           gint64           deadline,
                           UnknotClockFunc  func,
                           gpointer         user_data)
{
  g_return_val_if_fail (UNKNOT_IS_CLOCK (self), 0);
  g_return_val_if_fail (func != NULL, 0);
  return UNKNOT_CLOCK_GET_CLASS (self)->add_deadline (self, deadline, func, user_data);
}

/* Cancels a deadline that has not fired yet; an id that already fired is ignored. */
void
unknot_clock_remove_deadline (UnknotClock *self,
                              guint        id)
{
  g_return_if_fail (UNKNOT_IS_CLOCK (self));
  g_return_if_fail (id > 0);
  UNKNOT_CLOCK_GET_CLASS (self)->remove_deadline (self, id);
}
