/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-fake-clock.h"
#include "unknot-monotonic-clock.h"
#include "unknot-test-utils.h"

typedef struct
{
  UnknotClock *clock;
  GString *log;      /* "name@ms " for each deadline fired, ms relative to start */
  gint64 start;
  guint nested_id;   /* a deadline added from inside a callback */
} ClockLog;

typedef struct
{
  ClockLog *log;
  const char *name;
} Named;

static void
log_fired (gpointer data)
{
  Named *named = data;
  ClockLog *log = named->log;

  g_string_append_printf (log->log, "%s@%" G_GINT64_FORMAT " ", named->name,
                          (unknot_clock_get_time (log->clock) - log->start) / 1000);
}

static Named nested = { NULL, "nested" };

static void
log_and_add_nested (gpointer data)
{
  Named *named = data;

  log_fired (data);
  nested.log = named->log;
  named->log->nested_id =
    unknot_clock_add_deadline (named->log->clock, unknot_clock_get_time (named->log->clock) + 500,
                               log_fired, &nested);
}

static void
test_fake_advance_in_order (void)
{
  g_autoptr (UnknotFakeClock) fake = unknot_fake_clock_new ();
  g_autoptr (GString) text = g_string_new (NULL);
  ClockLog log = { UNKNOT_CLOCK (fake), text, 0, 0 };
  Named a = { &log, "a" }, b = { &log, "b" }, c = { &log, "c" }, d = { &log, "d" };
  Named gone = { &log, "gone" };
  guint gone_id;

  log.start = unknot_clock_get_time (log.clock);
  /* Added out of order; b and c share a time and must fire in the order added, also
   * after a has fired and left its place to another. */
  unknot_clock_add_deadline (log.clock, log.start + 1000000, log_fired, &a);
  unknot_clock_add_deadline (log.clock, log.start + 3000000, log_fired, &d);
  unknot_clock_add_deadline (log.clock, log.start + 2000000, log_and_add_nested, &b);
  unknot_clock_add_deadline (log.clock, log.start + 2000000, log_fired, &c);
  gone_id = unknot_clock_add_deadline (log.clock, log.start + 1500000, log_fired, &gone);
  unknot_clock_remove_deadline (log.clock, gone_id);
  g_assert_cmpuint (unknot_fake_clock_get_n_deadlines (fake), ==, 4);

  /* Time stands still until told. */
  g_assert_cmpint (unknot_clock_get_time (log.clock), ==, log.start);
  unknot_fake_clock_advance (fake, 999);
  g_assert_cmpstr (text->str, ==, "");

  /* Each fires seeing its own time; the nested one (2000 + 0.5 ms) fires in the step. */
  unknot_fake_clock_advance (fake, 2001);
  g_assert_cmpstr (text->str, ==, "a@1000 b@2000 c@2000 nested@2000 d@3000 ");
  g_assert_cmpint (unknot_clock_get_time (log.clock) - log.start, ==, 3000000);
  g_assert_cmpuint (unknot_fake_clock_get_n_deadlines (fake), ==, 0);
}

static void
test_fake_jump_sees_late_time (void)
{
  g_autoptr (UnknotFakeClock) fake = unknot_fake_clock_new ();
  g_autoptr (GString) text = g_string_new (NULL);
  ClockLog log = { UNKNOT_CLOCK (fake), text, 0, 0 };
  Named a = { &log, "a" }, b = { &log, "b" }, later = { &log, "later" };

  log.start = unknot_clock_get_time (log.clock);
  unknot_clock_add_deadline (log.clock, log.start + 2000000, log_fired, &b);
  unknot_clock_add_deadline (log.clock, log.start + 1000000, log_fired, &a);
  unknot_clock_add_deadline (log.clock, log.start + 9000000, log_fired, &later);

  /* Like a main loop blocked for 5 s: due deadlines fire in order, all late. */
  unknot_fake_clock_jump (fake, 5000);
  g_assert_cmpstr (text->str, ==, "a@5000 b@5000 ");
  g_assert_cmpuint (unknot_fake_clock_get_n_deadlines (fake), ==, 1);

  g_assert_true (unknot_fake_clock_run_next (fake));
  g_assert_cmpstr (text->str, ==, "a@5000 b@5000 later@9000 ");
  g_assert_false (unknot_fake_clock_run_next (fake));
}

typedef struct
{
  UnknotClock *clock;
  gint64 deadline;
  gint64 fired_at;
} RealDeadline;

static void
record_real (gpointer data)
{
  RealDeadline *deadline = data;
  deadline->fired_at = unknot_clock_get_time (deadline->clock);
}

static gboolean
real_has_fired (gpointer data)
{
  RealDeadline *deadline = data;
  return deadline->fired_at != 0;
}

static void
test_monotonic_never_early (void)
{
  UnknotClock *clock = unknot_clock_get_default ();
  RealDeadline first = { clock, 0, 0 };
  RealDeadline removed = { clock, 0, 0 };
  guint removed_id;

  g_assert_true (UNKNOT_IS_MONOTONIC_CLOCK (clock));
  g_assert_true (unknot_clock_get_default () == clock);

  first.deadline = unknot_clock_get_time (clock) + 30000;
  removed.deadline = first.deadline - 10000;
  unknot_clock_add_deadline (clock, first.deadline, record_real, &first);
  removed_id = unknot_clock_add_deadline (clock, removed.deadline, record_real, &removed);
  unknot_clock_remove_deadline (clock, removed_id);

  g_assert_true (unknot_test_wait_until (real_has_fired, &first, 5000));
  g_assert_cmpint (first.fired_at, >=, first.deadline);
  g_assert_cmpint (removed.fired_at, ==, 0);
  /* Removing an id that has fired is harmless. */
  unknot_clock_remove_deadline (clock, removed_id);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/fake/advance-in-order", test_fake_advance_in_order);
  g_test_add_func ("/clock/fake/jump-sees-late-time", test_fake_jump_sees_late_time);
  g_test_add_func ("/clock/monotonic/never-early", test_monotonic_never_early);

  return g_test_run ();
}
