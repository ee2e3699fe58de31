/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "session-fixtures.h"
#include "unknot-monotonic-clock.h"
#include "unknot-test-utils.h"

/* A session on the real clock keeps its time while the wall clock jumps.
 *
 * Setting the system clock needs root and would upset everything else on the machine,
 * so this program changes what wall time is *for itself*: it defines the C library's
 * wall-clock calls (clock_gettime for CLOCK_REALTIME, gettimeofday, time), which the
 * dynamic linker then binds for GLib and every other library in this process. Each read
 * of wall time is counted and answered with the real time plus an offset that a timer
 * keeps jumping, by hours, a day back, a year ahead. Monotonic clocks are passed through
 * to the kernel untouched.
 *
 * A session that read wall time would then stall (a day back) or fire everything at once
 * (an hour ahead), and the count would show the reads; the session must do neither and
 * read wall time not once. */

/* Set on the main thread, where the session runs; read wherever wall time is read. */
static gint64 wall_offset_usec;
static guint wall_reads;

static int
real_clock_gettime (clockid_t        id,
                    struct timespec *when)
{
  return syscall (SYS_clock_gettime, id, when);
}

static void
shift (struct timespec *when)
{
  gint64 usec = (gint64) when->tv_sec * G_USEC_PER_SEC + when->tv_nsec / 1000
                + wall_offset_usec;

  g_atomic_int_inc (&wall_reads);
  when->tv_sec = usec / G_USEC_PER_SEC;
  when->tv_nsec = (usec % G_USEC_PER_SEC) * 1000;
}

int clock_gettime (clockid_t id, struct timespec *when);
int gettimeofday (struct timeval *restrict tv, void *restrict tz);
time_t time (time_t *out);

int
clock_gettime (clockid_t        id,
               struct timespec *when)
{
  int result = real_clock_gettime (id, when);

  if (result == 0 && (id == CLOCK_REALTIME || id == CLOCK_REALTIME_COARSE || id == CLOCK_TAI))
    shift (when);
  return result;
}

int
gettimeofday (struct timeval *restrict tv,
              void *restrict           tz)
{
  struct timespec now;

  if (clock_gettime (CLOCK_REALTIME, &now) != 0)
    return -1;
  tv->tv_sec = now.tv_sec;
  tv->tv_usec = now.tv_nsec / 1000;
  return 0;
}

time_t
time (time_t *out)
{
  struct timespec now;

  clock_gettime (CLOCK_REALTIME, &now);
  if (out != NULL)
    *out = now.tv_sec;
  return now.tv_sec;
}

/* ---- the test ----------------------------------------------------------------------- */

#define SPEED 50

typedef struct
{
  UnknotSession *session;
  gint64 started;     /* monotonic µs */
  guint n_cues;
  guint n_jumps;
  gboolean early;
} Watch;

static gboolean
jump_wall_clock (gpointer data)
{
  static const gint64 jumps[] = {
    G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC,
    G_GINT64_CONSTANT (-86400) * G_USEC_PER_SEC,
    G_GINT64_CONSTANT (31536000) * G_USEC_PER_SEC,
    -G_USEC_PER_SEC,
  };
  Watch *watch = data;

  wall_offset_usec = jumps[watch->n_jumps++ % G_N_ELEMENTS (jumps)];
  return G_SOURCE_CONTINUE;
}

static void
on_cue (UnknotSession  *session,
        UnknotCueEvent *cue,
        Watch          *watch)
{
  gint64 since_start = g_get_monotonic_time () - watch->started;

  watch->n_cues++;
  /* Routine milliseconds at SPEED times: never before their time. */
  if (since_start * SPEED < unknot_cue_event_get_offset (cue) * 1000)
    watch->early = TRUE;
}

static gboolean
is_finished (gpointer data)
{
  Watch *watch = data;
  return unknot_session_get_state (watch->session) == UNKNOT_SESSION_FINISHED;
}

static void
test_session_ignores_wall_clock (void)
{
  g_autoptr (UnknotRoutine) routine = session_fixture_parse (
    "<routine format=\"1\" id=\"wall\"><name>Wall</name><description>D</description>"
    "<prepare duration=\"0s\"/>"
    "<step region=\"neck\" technique=\"friction\" duration=\"10s\"><title>T</title>"
    "<instructions>I</instructions><cue at=\"5s\">Halfway</cue></step>"
    "<rest duration=\"3s\"/>"
    "<step region=\"feet\" technique=\"rolling\" duration=\"10s\"><title>T</title>"
    "<instructions>I</instructions></step></routine>");
  g_autoptr (UnknotSession) session = unknot_session_new (routine, NULL);
  Watch watch = { session, 0, 0, 0, FALSE };
  struct timespec shifted, real;
  guint jumps, reads_before;

  g_assert_true (UNKNOT_IS_MONOTONIC_CLOCK (unknot_session_get_clock (session)));

  /* The interposition works: GLib's wall time moves with the offset. */
  wall_offset_usec = G_GINT64_CONSTANT (-86400) * G_USEC_PER_SEC;
  real_clock_gettime (CLOCK_REALTIME, &real);
  g_assert_cmpint (real.tv_sec - g_get_real_time () / G_USEC_PER_SEC, >=, 86399);
  g_assert_cmpint (clock_gettime (CLOCK_REALTIME, &shifted), ==, 0);
  g_assert_cmpint (real.tv_sec - shifted.tv_sec, >=, 86399);

  unknot_session_set_speed (session, SPEED);
  g_signal_connect (session, "cue", G_CALLBACK (on_cue), &watch);
  jumps = g_timeout_add (20, jump_wall_clock, &watch);

  reads_before = g_atomic_int_get (&wall_reads);
  watch.started = g_get_monotonic_time ();
  unknot_session_start (session);
  g_assert_true (unknot_test_wait_until (is_finished, &watch, 30000));
  g_assert_cmpuint (g_atomic_int_get (&wall_reads), ==, reads_before);
  g_source_remove (jumps);

  g_assert_cmpuint (watch.n_jumps, >, 4);
  g_assert_cmpuint (watch.n_cues, >, 5);
  g_assert_false (watch.early);
  g_assert_cmpint (unknot_session_get_elapsed (session), ==, unknot_session_get_total (session));
  g_assert_cmpint (unknot_session_get_total (session), ==, 23000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/wall-clock/ignored", test_session_ignores_wall_clock);

  return g_test_run ();
}
