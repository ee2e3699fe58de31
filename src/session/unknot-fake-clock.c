/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-fake-clock.h"

/* A clock for tests and for `unknot --timeline`: its time stands still until told to
 * move, and then it fires the deadlines that fell due, earliest first (two at the same
 * time in the order they were added), without any main loop. */
struct _UnknotFakeClock
{
  UnknotClock parent_instance;

  gint64 now;           /* µs */
  GPtrArray *deadlines; /* of Deadline, unordered: there are only ever a few */
  guint last_id;
  guint64 last_sequence;
};

typedef struct
{
  guint id;
  guint64 sequence; /* breaks ties between equal deadlines: first added, first fired */
  gint64 time;
  UnknotClockFunc func;
  gpointer user_data;
} Deadline;

/* Not zero, so code that forgets to subtract its start time shows up in tests. */
#define FAKE_CLOCK_START_US G_GINT64_CONSTANT (3600000000)

G_DEFINE_FINAL_TYPE (UnknotFakeClock, unknot_fake_clock, UNKNOT_TYPE_CLOCK)

static gint64
unknot_fake_clock_get_time (UnknotClock *clock)
{
  return UNKNOT_FAKE_CLOCK (clock)->now;
}

static guint
unknot_fake_clock_add_deadline (UnknotClock     *clock,
                                gint64           time,
                                UnknotClockFunc  func,
                                gpointer         user_data)
{
  UnknotFakeClock *self = UNKNOT_FAKE_CLOCK (clock);
  Deadline *deadline = g_new0 (Deadline, 1);

  deadline->id = ++self->last_id;
  deadline->sequence = ++self->last_sequence;
  deadline->time = time;
  deadline->func = func;
  deadline->user_data = user_data;
  g_ptr_array_add (self->deadlines, deadline);
  return deadline->id;
}

static void
unknot_fake_clock_remove_deadline (UnknotClock *clock,
                                   guint        id)
{
  UnknotFakeClock *self = UNKNOT_FAKE_CLOCK (clock);

  for (guint i = 0; i < self->deadlines->len; i++)
    {
      Deadline *deadline = g_ptr_array_index (self->deadlines, i);

      if (deadline->id == id)
        {
          g_ptr_array_remove_index_fast (self->deadlines, i);
          return;
        }
    }
}

static void
unknot_fake_clock_finalize (GObject *object)
{
  UnknotFakeClock *self = UNKNOT_FAKE_CLOCK (object);

  g_ptr_array_unref (self->deadlines);

  G_OBJECT_CLASS (unknot_fake_clock_parent_class)->finalize (object);
}

static void
unknot_fake_clock_class_init (UnknotFakeClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  UnknotClockClass *clock_class = UNKNOT_CLOCK_CLASS (klass);

  object_class->finalize = unknot_fake_clock_finalize;
  clock_class->get_time = unknot_fake_clock_get_time;
  clock_class->add_deadline = unknot_fake_clock_add_deadline;
  clock_class->remove_deadline = unknot_fake_clock_remove_deadline;
}

static void
unknot_fake_clock_init (UnknotFakeClock *self)
{
  self->now = FAKE_CLOCK_START_US;
  self->deadlines = g_ptr_array_new_with_free_func (g_free);
}

UnknotFakeClock *
unknot_fake_clock_new (void)
{
  return g_object_new (UNKNOT_TYPE_FAKE_CLOCK, NULL);
}

static gboolean
deadline_is_earlier (const Deadline *a,
                     const Deadline *b)
{
  return a->time < b->time || (a->time == b->time && a->sequence < b->sequence);
}

static Deadline *
find_earliest (UnknotFakeClock *self)
{
  Deadline *earliest = NULL;

  for (guint i = 0; i < self->deadlines->len; i++)
    {
      Deadline *deadline = g_ptr_array_index (self->deadlines, i);

      if (earliest == NULL || deadline_is_earlier (deadline, earliest))
        earliest = deadline;
    }
  return earliest;
}

/* Fires the earliest deadline if it is due by @until. With @move_time the clock shows
 * the deadline's own time while it fires, as an ideal main loop would; without, it
 * keeps showing the present, as a main loop that woke late does. Callbacks may add and
 * remove deadlines, so it is taken out of the list before it runs. */
static gboolean
fire_earliest_due (UnknotFakeClock *self,
                   gint64           until,
                   gboolean         move_time)
{
  Deadline *earliest = find_earliest (self);
  Deadline deadline;

  if (earliest == NULL || earliest->time > until)
    return FALSE;

  deadline = *earliest;
  g_ptr_array_remove_fast (self->deadlines, earliest);
  if (move_time)
    self->now = MAX (self->now, deadline.time);
  deadline.func (deadline.user_data);
  return TRUE;
}

/**
 * unknot_fake_clock_advance:
 * @ms: how far to move, ≥ 0
 *
 * Moves time forward by @ms, stopping at every deadline on the way, in deadline order,
 * with the clock showing that deadline's time while it fires; deadlines added by the
 * callbacks fire too if they fall within the step.
 */
void
unknot_fake_clock_advance (UnknotFakeClock *self,
                           gint64           ms)
{
  gint64 target;

  g_return_if_fail (UNKNOT_IS_FAKE_CLOCK (self));
  g_return_if_fail (ms >= 0);

  g_object_ref (self);
  target = self->now + ms * 1000;
  while (fire_earliest_due (self, target, TRUE))
    ;
  self->now = target;
  g_object_unref (self);
}

/**
 * unknot_fake_clock_jump:
 * @ms: how far to move, ≥ 0
 *
 * Moves time forward by @ms at once, then fires every deadline that fell due, in
 * deadline order, all seeing the new time: what a main loop blocked for @ms does.
 */
void
unknot_fake_clock_jump (UnknotFakeClock *self,
                        gint64           ms)
{
  g_return_if_fail (UNKNOT_IS_FAKE_CLOCK (self));
  g_return_if_fail (ms >= 0);

  g_object_ref (self);
  self->now += ms * 1000;
  while (fire_earliest_due (self, self->now, FALSE))
    ;
  g_object_unref (self);
}

/**
 * unknot_fake_clock_run_next:
 *
 * Advances to the earliest deadline and fires it, with any others due at the same time.
 *
 * Returns: %FALSE if no deadline was pending
 */
gboolean
unknot_fake_clock_run_next (UnknotFakeClock *self)
{
  Deadline *earliest;

  g_return_val_if_fail (UNKNOT_IS_FAKE_CLOCK (self), FALSE);

  earliest = find_earliest (self);
  if (earliest == NULL)
    return FALSE;

  g_object_ref (self);
  self->now = MAX (self->now, earliest->time);
  while (fire_earliest_due (self, self->now, TRUE))
    ;
  g_object_unref (self);
  return TRUE;
}

/* How many deadlines wait to fire: lets tests check that nothing is left scheduled. */
guint
unknot_fake_clock_get_n_deadlines (UnknotFakeClock *self)
{
  g_return_val_if_fail (UNKNOT_IS_FAKE_CLOCK (self), 0);
  return self->deadlines->len;
}
