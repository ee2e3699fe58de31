/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "session-fixtures.h"

/* What mixed.xml does, undisturbed: every cue, at its exact time, in order. */
static const char *const mixed_log =
  "0 segment-start prepare\n"
  "2000 countdown 3\n"
  "3000 countdown 2\n"
  "4000 countdown 1\n"
  "5000 segment-start step1/left\n"
  "9000 step-cue Move to the outer edge\n"
  "12000 countdown 3\n"
  "13000 countdown 2\n"
  "14000 countdown 1\n"
  "15000 switch-sides step1/left\n"
  "15000 segment-start switch\n"
  "18000 segment-start step1/right\n"
  "22000 step-cue Move to the outer edge\n"
  "25000 countdown 3\n"
  "26000 countdown 2\n"
  "27000 countdown 1\n"
  "28000 step-end step1/right\n"
  "28000 segment-start rest\n"
  "30000 countdown 3\n"
  "31000 countdown 2\n"
  "32000 countdown 1\n"
  "33000 segment-start step2/both\n"
  "38000 countdown 3\n"
  "39000 step-cue Slower now\n"
  "39000 countdown 2\n"
  "40000 countdown 1\n"
  "41000 step-end step2/both\n"
  "41000 segment-start step3/left\n"
  "42000 countdown 1\n"
  "43000 step-end step3/left\n"
  "43000 segment-start step4/left\n"
  "44000 countdown 2\n"
  "45000 countdown 1\n"
  "46000 switch-sides step4/left\n"
  "46000 segment-start step4/right\n"
  "47000 countdown 2\n"
  "48000 countdown 1\n"
  "49000 step-end step4/right\n"
  "49000 routine-complete step4/right\n";

static SessionRecorder *
record_mixed (void)
{
  g_autoptr (UnknotRoutine) routine = session_fixture_load ("mixed.xml");
  return session_recorder_new (routine);
}

static void
test_cues_in_order (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  g_autofree char *log = NULL;

  g_assert_cmpint (unknot_session_get_total (recorder->session), ==, 49000);
  unknot_session_start (recorder->session);
  session_recorder_run (recorder);

  log = session_recorder_take_log (recorder);
  g_assert_cmpstr (log, ==, mixed_log);
  g_assert_cmpint (session_recorder_now (recorder), ==, 49000);
  g_assert_cmpint (unknot_session_get_state (recorder->session), ==, UNKNOT_SESSION_FINISHED);
  g_assert_cmpint (unknot_session_get_elapsed (recorder->session), ==, 49000);
  g_assert_cmpint (unknot_session_get_remaining (recorder->session), ==, 0);
  g_assert_cmpfloat (unknot_session_get_progress (recorder->session), ==, 1.0);
  g_assert_cmpuint (unknot_fake_clock_get_n_deadlines (recorder->clock), ==, 0);
}

/* Started 300 ms ahead, as the cue player does to place the first sounds: time stands
 * at 0 until then, and every cue keeps its offset, 300 ms later on the clock. */
static void
test_start_ahead (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;
  g_autofree char *log = NULL;

  recorder->check_offsets = FALSE;
  recorder->log_offsets = TRUE;
  unknot_session_start_from (session, 0, recorder->start + 300 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_RUNNING);
  g_assert_cmpint (unknot_session_get_clock_time_at (session, 0), ==,
                   recorder->start + 300 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (unknot_session_get_clock_time_at (session, 2000), ==,
                   recorder->start + 2300 * G_TIME_SPAN_MILLISECOND);

  unknot_fake_clock_advance (recorder->clock, 299);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 5000);
  g_assert_cmpint (unknot_session_get_elapsed (session), ==, 0);
  unknot_fake_clock_advance (recorder->clock, 1001);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 4000);

  session_recorder_run (recorder);
  log = session_recorder_take_log (recorder);
  g_assert_cmpstr (log, ==, mixed_log);
  g_assert_cmpint (session_recorder_now (recorder), ==, 49300);
  g_assert_cmpint (unknot_session_get_elapsed (session), ==, 49000);
}

/* A start time already past is now: the routine never starts part-way through. */
static void
test_start_at_past_time (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;

  recorder->check_offsets = FALSE;
  unknot_fake_clock_advance (recorder->clock, 1000);
  unknot_session_start_from (session, 0, recorder->start);
  g_assert_cmpint (unknot_session_get_clock_time_at (session, 0), ==,
                   recorder->start + G_TIME_SPAN_SECOND);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 5000);
}

/* One ms before each planned end the segment is still under way with 1 ms left; at the
 * end the next one has begun. */
static void
test_segment_boundaries (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;
  guint n_segments = unknot_session_get_n_segments (session);

  unknot_session_start (session);
  for (guint i = 0; i < n_segments; i++)
    {
      UnknotSegment *segment = unknot_session_get_segment_at (session, i);

      unknot_fake_clock_advance (recorder->clock,
                                 unknot_segment_get_end (segment) - 1 -
                                 session_recorder_now (recorder));
      g_assert_cmpuint (unknot_session_get_segment_index (session), ==, i);
      g_assert_cmpint (unknot_session_get_remaining (session), ==, 1);

      unknot_fake_clock_advance (recorder->clock, 1);
      if (i + 1 < n_segments)
        {
          g_assert_cmpuint (unknot_session_get_segment_index (session), ==, i + 1);
          g_assert_cmpint (unknot_session_get_remaining (session), ==,
                           unknot_segment_get_duration (unknot_session_get_segment (session)));
        }
    }
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_FINISHED);
  g_assert_cmpint (session_recorder_now (recorder), ==, 49000);
}

/* No <prepare duration> > 0 means no prepare segment: the first cue starts the step. */
static void
test_no_prepare (void)
{
  g_autoptr (UnknotRoutine) routine = session_fixture_parse (
    "<routine format='1' id='short'><name>Short</name><description>d</description>"
    "<prepare duration='0s'/>"
    "<step region='neck' technique='friction' duration='2s'>"
    "<title>Neck</title><instructions>i</instructions></step>"
    "<rest duration='1s'/>"
    "</routine>");
  g_autoptr (SessionRecorder) recorder = session_recorder_new (routine);
  g_autofree char *log = NULL;

  unknot_session_start (recorder->session);
  session_recorder_run (recorder);
  log = session_recorder_take_log (recorder);
  g_assert_cmpstr (log, ==,
                   "0 segment-start step1/both\n"
                   "1000 countdown 1\n"
                   "2000 step-end step1/both\n"
                   "2000 segment-start rest\n"
                   "3000 routine-complete rest\n");
}

static void
test_countdown_ticks_off (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  g_autofree char *log = NULL;

  unknot_session_start (recorder->session);
  unknot_fake_clock_advance (recorder->clock, 2500);
  /* Takes effect in the segment under way: tick 3 came, 2 and 1 do not. */
  unknot_session_set_countdown_ticks (recorder->session, FALSE);
  unknot_fake_clock_advance (recorder->clock, 12000);
  log = session_recorder_take_log (recorder);
  g_assert_cmpstr (log, ==,
                   "0 segment-start prepare\n"
                   "2000 countdown 3\n"
                   "5000 segment-start step1/left\n"
                   "9000 step-cue Move to the outer edge\n");
}

static void
test_segment_finished_reports (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  g_autofree char *finished = NULL;

  unknot_session_start (recorder->session);
  session_recorder_run (recorder);

  g_ptr_array_add (recorder->finished, NULL);
  finished = g_strjoinv (", ", (char **) recorder->finished->pdata);
  g_assert_cmpstr (finished, ==,
                   "prepare 5000 completed, step1/left 10000 completed, switch 3000 completed, "
                   "step1/right 10000 completed, rest 5000 completed, "
                   "step2/both 8000 completed, step3/left 2000 completed, "
                   "step4/left 3000 completed, step4/right 3000 completed");
}

/* Ten minutes of pause shift everything by exactly ten minutes, and count nowhere. */
static void
test_pause_excludes_paused_time (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  recorder->check_offsets = FALSE;
  unknot_session_start (session);
  unknot_fake_clock_advance (recorder->clock, 3500);
  unknot_session_pause (session);
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_PAUSED);
  g_assert_cmpuint (unknot_fake_clock_get_n_deadlines (recorder->clock), ==, 0);

  unknot_fake_clock_advance (recorder->clock, 600000);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 1500);
  g_assert_cmpint (unknot_session_get_elapsed (session), ==, 3500);
  g_assert_cmpfloat_with_epsilon (unknot_session_get_progress (session), 3500.0 / 49000, 1e-9);
  before = session_recorder_take_log (recorder);
  g_assert_cmpstr (before, ==, "0 segment-start prepare\n2000 countdown 3\n3000 countdown 2\n");

  unknot_session_resume (session);
  unknot_fake_clock_advance (recorder->clock, 5500);
  after = session_recorder_take_log (recorder);
  g_assert_cmpstr (after, ==,
                   "604000 countdown 1\n"
                   "605000 segment-start step1/left\n"
                   "609000 step-cue Move to the outer edge\n");
  g_assert_cmpint (unknot_session_get_elapsed (session), ==, 9000);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 6000);
}

/* At speed 4 the same cues, with the same routine-time offsets, come 4 times sooner. */
static void
test_speed (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;
  g_autofree char *log = NULL;

  recorder->check_offsets = FALSE;
  recorder->log_offsets = TRUE;
  unknot_session_set_speed (session, 4.0);
  unknot_session_start (session);

  unknot_fake_clock_advance (recorder->clock, 1000);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 1000);
  g_assert_cmpint (unknot_session_get_elapsed (session), ==, 4000);

  session_recorder_run (recorder);
  log = session_recorder_take_log (recorder);
  g_assert_cmpstr (log, ==, mixed_log);
  g_assert_cmpint (session_recorder_now (recorder), ==, 49000 / 4);
  g_assert_cmpint (unknot_session_get_elapsed (session), ==, 49000);
}

/* A speed that does not divide the times: the cues never come early, and not later
 * than the next microsecond. */
static void
test_odd_speed (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;
  g_autofree char *log = NULL;

  recorder->check_offsets = FALSE;
  recorder->log_offsets = TRUE;
  g_object_set (session, "speed", 3.0, NULL);
  unknot_session_start (session);
  session_recorder_run (recorder);

  log = session_recorder_take_log (recorder);
  g_assert_cmpstr (log, ==, mixed_log);
  g_assert_cmpint (unknot_clock_get_time (UNKNOT_CLOCK (recorder->clock)) - recorder->start, ==,
                   (49000000 + 2) / 3);
}

static void
test_speed_change_while_running (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;
  g_autofree char *log = NULL;

  recorder->check_offsets = FALSE;
  unknot_session_start (session);
  unknot_fake_clock_advance (recorder->clock, 2000);
  unknot_session_set_speed (session, 2.0);
  unknot_fake_clock_advance (recorder->clock, 1499);
  g_assert_cmpuint (unknot_session_get_segment_index (session), ==, 0);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 2);
  unknot_fake_clock_advance (recorder->clock, 1);
  g_assert_cmpuint (unknot_session_get_segment_index (session), ==, 1);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 10000);

  /* Wall time halves from 2 s on; the countdown and the step cue come accordingly. */
  unknot_fake_clock_advance (recorder->clock, 2000);
  log = session_recorder_take_log (recorder);
  g_assert_cmpstr (log, ==,
                   "0 segment-start prepare\n"
                   "2000 countdown 3\n"
                   "2500 countdown 2\n"
                   "3000 countdown 1\n"
                   "3500 segment-start step1/left\n"
                   "5500 step-cue Move to the outer edge\n");
}

/* A main loop blocked for a while wakes late once: every missed cue comes, in order,
 * with its planned offset, and the session is on the right segment. */
static void
test_stalled_loop (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;
  g_autofree char *missed = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *finished = NULL;

  recorder->check_offsets = FALSE;
  recorder->log_offsets = TRUE;
  unknot_session_start (session);
  unknot_fake_clock_advance (recorder->clock, 6000);
  g_ptr_array_set_size (recorder->cues, 0);

  /* Stalled from 6 s to 26 s: the left side's end, the gap, most of the right side. */
  unknot_fake_clock_jump (recorder->clock, 20000);
  missed = session_recorder_take_log (recorder);
  g_assert_cmpstr (missed, ==,
                   "9000 step-cue Move to the outer edge\n"
                   "12000 countdown 3\n"
                   "13000 countdown 2\n"
                   "14000 countdown 1\n"
                   "15000 switch-sides step1/left\n"
                   "15000 segment-start switch\n"
                   "18000 segment-start step1/right\n"
                   "22000 step-cue Move to the outer edge\n"
                   "25000 countdown 3\n"
                   "26000 countdown 2\n");
  g_assert_cmpuint (unknot_session_get_segment_index (session), ==, 3);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 2000);
  g_assert_cmpint (unknot_session_get_elapsed (session), ==, 26000);

  /* The segments crossed during the stall still report their full time. */
  g_ptr_array_add (recorder->finished, NULL);
  finished = g_strjoinv (", ", (char **) recorder->finished->pdata);
  g_assert_cmpstr (finished, ==,
                   "prepare 5000 completed, step1/left 10000 completed, switch 3000 completed");

  /* The rest comes on time, as if nothing had happened. */
  session_recorder_run (recorder);
  rest = session_recorder_take_log (recorder);
  g_assert_true (g_str_has_suffix (mixed_log, rest));
  g_assert_true (g_str_has_prefix (rest, "27000 countdown 1\n"));
  g_assert_cmpint (session_recorder_now (recorder), ==, 49000);
}

static void
test_stalled_past_the_end (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  g_autofree char *log = NULL;

  recorder->check_offsets = FALSE;
  recorder->log_offsets = TRUE;
  unknot_session_start (recorder->session);
  unknot_fake_clock_jump (recorder->clock, 120000);
  log = session_recorder_take_log (recorder);
  g_assert_cmpstr (log, ==, mixed_log);
  g_assert_cmpint (unknot_session_get_state (recorder->session), ==, UNKNOT_SESSION_FINISHED);
  g_assert_cmpint (unknot_session_get_elapsed (recorder->session), ==, 49000);
  g_assert_cmpuint (unknot_fake_clock_get_n_deadlines (recorder->clock), ==, 0);
}

typedef struct
{
  SessionRecorder *recorder;
  GString *log; /* "CLOCK_MS:REMAINING_MS " per notification */
} RemainingLog;

static void
on_notify_remaining (UnknotSession *session,
                     GParamSpec    *pspec,
                     RemainingLog  *log)
{
  g_string_append_printf (log->log, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT " ",
                          session_recorder_now (log->recorder),
                          unknot_session_get_remaining (session));
}

/* notify::remaining comes once per whole second left, exactly on it, also after a
 * pause that ends in the middle of a second. */
static void
test_remaining_notifies_on_whole_seconds (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;
  g_autoptr (GString) text = g_string_new (NULL);
  RemainingLog log = { recorder, text };

  recorder->check_offsets = FALSE;
  g_signal_connect (session, "notify::remaining", G_CALLBACK (on_notify_remaining), &log);
  unknot_session_start (session);
  for (guint i = 0; i < 75; i++)
    unknot_fake_clock_advance (recorder->clock, 100);
  g_assert_cmpstr (text->str, ==,
                   "0:5000 1000:4000 2000:3000 3000:2000 4000:1000 5000:10000 6000:9000 "
                   "7000:8000 ");
  g_assert_cmpint (unknot_session_get_remaining_seconds (session), ==, 8);

  /* Paused at 7.5 s with 7.5 s left: the label shows 8 until 0.5 s after the resume. */
  g_string_truncate (text, 0);
  unknot_session_pause (session);
  unknot_fake_clock_advance (recorder->clock, 60000);
  unknot_session_resume (session);
  for (guint i = 0; i < 20; i++)
    unknot_fake_clock_advance (recorder->clock, 100);
  g_assert_cmpstr (text->str, ==, "68000:7000 69000:6000 ");
}

static void
test_progress_and_elapsed (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;

  g_assert_cmpfloat (unknot_session_get_progress (session), ==, 0.0);
  g_assert_cmpint (unknot_session_get_elapsed (session), ==, 0);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 5000);

  unknot_session_start (session);
  unknot_fake_clock_advance (recorder->clock, 24500);
  g_assert_cmpfloat (unknot_session_get_progress (session), ==, 0.5);
  g_assert_cmpint (unknot_session_get_elapsed (session), ==, 24500);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 3500);
  g_assert_cmpint (unknot_session_get_remaining_seconds (session), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/timing/cues-in-order", test_cues_in_order);
  g_test_add_func ("/session/timing/segment-boundaries", test_segment_boundaries);
  g_test_add_func ("/session/timing/start-ahead", test_start_ahead);
  g_test_add_func ("/session/timing/start-at-past-time", test_start_at_past_time);
  g_test_add_func ("/session/timing/no-prepare", test_no_prepare);
  g_test_add_func ("/session/timing/countdown-ticks-off", test_countdown_ticks_off);
  g_test_add_func ("/session/timing/segment-finished", test_segment_finished_reports);
  g_test_add_func ("/session/timing/pause", test_pause_excludes_paused_time);
  g_test_add_func ("/session/timing/speed", test_speed);
  g_test_add_func ("/session/timing/odd-speed", test_odd_speed);
  g_test_add_func ("/session/timing/speed-change", test_speed_change_while_running);
  g_test_add_func ("/session/timing/stalled-loop", test_stalled_loop);
  g_test_add_func ("/session/timing/stalled-past-the-end", test_stalled_past_the_end);
  g_test_add_func ("/session/timing/remaining-on-whole-seconds",
                   test_remaining_notifies_on_whole_seconds);
  g_test_add_func ("/session/timing/progress-and-elapsed", test_progress_and_elapsed);

  return g_test_run ();
}
