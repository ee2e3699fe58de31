/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "session-fixtures.h"

/* The plan of mixed.xml, in s: prepare 0–5, step1/left 5–15, switch 15–18,
 * step1/right 18–28, rest 28–33, step2/both 33–41, step3/left 41–43, step4/left 43–46,
 * step4/right 46–49. */

static SessionRecorder *
record_mixed (void)
{
  g_autoptr (UnknotRoutine) routine = session_fixture_load ("mixed.xml");
  SessionRecorder *recorder = session_recorder_new (routine);

  /* Skips and restarts move routine time away from clock time. */
  recorder->check_offsets = FALSE;
  return recorder;
}

static char *
take_finished (SessionRecorder *recorder)
{
  char *text;

  g_ptr_array_add (recorder->finished, NULL);
  text = g_strjoinv (", ", (char **) recorder->finished->pdata);
  g_ptr_array_set_size (recorder->finished, 0);
  return text;
}

static void
assert_log (SessionRecorder *recorder,
            const char      *expected)
{
  g_autofree char *log = session_recorder_take_log (recorder);
  g_assert_cmpstr (log, ==, expected);
}

static void
assert_finished (SessionRecorder *recorder,
                 const char      *expected)
{
  g_autofree char *finished = take_finished (recorder);
  g_assert_cmpstr (finished, ==, expected);
}

static void
advance_to (SessionRecorder *recorder,
            gint64           ms)
{
  unknot_fake_clock_advance (recorder->clock, ms - session_recorder_now (recorder));
}

/* Before the start, nothing but start and stop does anything. */
static void
test_ready_ignores_controls (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;

  unknot_session_next (session);
  unknot_session_previous (session);
  unknot_session_pause (session);
  unknot_session_resume (session);
  unknot_session_add_time (session);
  unknot_fake_clock_advance (recorder->clock, 10000);
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_READY);
  g_assert_cmpuint (unknot_session_get_segment_index (session), ==, 0);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 5000);
  g_assert_cmpint (unknot_session_get_total (session), ==, 49000);
  assert_log (recorder, "");

  unknot_session_stop (session);
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_STOPPED);
  unknot_session_start (session);
  unknot_session_toggle (session);
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_STOPPED);
  assert_log (recorder, "");
  assert_finished (recorder, "");
}

static void
test_toggle (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;

  unknot_session_toggle (session);
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_RUNNING);
  unknot_fake_clock_advance (recorder->clock, 1000);
  unknot_session_toggle (session);
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_PAUSED);
  unknot_fake_clock_advance (recorder->clock, 1000);
  unknot_session_toggle (session);
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_RUNNING);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 4000);

  session_recorder_run (recorder);
  unknot_session_toggle (session);
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_FINISHED);
}

static void
test_next (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;

  unknot_session_start (session);
  advance_to (recorder, 2000);
  g_ptr_array_set_size (recorder->cues, 0);

  /* The prepare has no end cue; the step starts at once. */
  unknot_session_next (session);
  assert_log (recorder, "2000 segment-start step1/left\n");
  assert_finished (recorder, "prepare 2000 left");
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 10000);
  g_assert_cmpfloat_with_epsilon (unknot_session_get_progress (session), 5000.0 / 49000, 1e-9);

  /* Skipping a left side still says "switch sides", with the skip's own offset, and
   * goes straight to the right side: the switch gap is skipped over, never entered. */
  advance_to (recorder, 3000);
  recorder->log_offsets = TRUE;
  unknot_session_next (session);
  assert_log (recorder, "6000 switch-sides step1/left\n18000 segment-start step1/right\n");
  assert_finished (recorder, "step1/left 1000 left");
  g_assert_cmpuint (unknot_session_get_segment_index (session), ==, 3);
  recorder->log_offsets = FALSE;

  /* Paused, next moves on and stays paused; from the right side it skips the rest too,
   * to the next step. */
  unknot_session_pause (session);
  unknot_session_next (session);
  assert_log (recorder, "3000 step-end step1/right\n3000 segment-start step2/both\n");
  assert_finished (recorder, "step1/right 0 left");
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_PAUSED);
  g_assert_cmpint (unknot_segment_get_kind (unknot_session_get_segment (session)), ==,
                   UNKNOT_SEGMENT_STEP);
  unknot_fake_clock_advance (recorder->clock, 60000);
  assert_log (recorder, "");
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 8000);
  unknot_session_resume (session);

  /* The running session goes on from the skip: step 2's cue 6 s later. */
  unknot_fake_clock_advance (recorder->clock, 6000);
  assert_log (recorder, "68000 countdown 3\n69000 step-cue Slower now\n69000 countdown 2\n");
  g_assert_cmpint (unknot_session_get_elapsed (session), ==, 9000);
}

/* In a switch gap or a rest that came by itself, next goes on to the step after it. */
static void
test_next_from_gap_and_rest (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;

  unknot_session_start (session);
  advance_to (recorder, 16000);
  g_assert_cmpint (unknot_segment_get_kind (unknot_session_get_segment (session)), ==,
                   UNKNOT_SEGMENT_SWITCH);
  g_ptr_array_set_size (recorder->cues, 0);
  g_ptr_array_set_size (recorder->finished, 0);
  unknot_session_next (session);
  assert_log (recorder, "16000 segment-start step1/right\n");
  assert_finished (recorder, "switch 1000 left");
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 10000);

  /* The right side, then the rest: next from the rest starts step 2. */
  advance_to (recorder, 27000);
  g_assert_cmpint (unknot_segment_get_kind (unknot_session_get_segment (session)), ==,
                   UNKNOT_SEGMENT_REST);
  g_ptr_array_set_size (recorder->cues, 0);
  unknot_session_next (session);
  assert_log (recorder, "27000 segment-start step2/both\n");
  g_assert_cmpuint (unknot_session_get_segment_index (session), ==, 5);
}

/* Next never lands in a switch gap or a rest, wherever it is pressed. */
static void
test_next_never_lands_in_a_gap (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;
  guint n_steps = 0;

  unknot_session_start (session);
  while (unknot_session_get_state (session) == UNKNOT_SESSION_RUNNING)
    {
      unknot_session_next (session);
      if (unknot_session_get_state (session) == UNKNOT_SESSION_RUNNING)
        {
          g_assert_cmpint (unknot_segment_get_kind (unknot_session_get_segment (session)), ==,
                           UNKNOT_SEGMENT_STEP);
          n_steps++;
        }
    }
  /* step1 left and right, step2, step3, step4 left and right. */
  g_assert_cmpuint (n_steps, ==, 6);
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_FINISHED);
}

static void
test_next_on_last_segment_finishes (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;

  unknot_session_start (session);
  advance_to (recorder, 47000);
  g_ptr_array_set_size (recorder->cues, 0);
  g_ptr_array_set_size (recorder->finished, 0);

  unknot_session_next (session);
  assert_log (recorder, "47000 step-end step4/right\n47000 routine-complete step4/right\n");
  assert_finished (recorder, "step4/right 1000 left");
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_FINISHED);
  g_assert_cmpfloat (unknot_session_get_progress (session), ==, 1.0);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 0);
  g_assert_cmpint (unknot_session_get_elapsed (session), ==, 47000);
  g_assert_cmpuint (unknot_fake_clock_get_n_deadlines (recorder->clock), ==, 0);

  /* Nothing applies any more. */
  unknot_session_next (session);
  unknot_session_previous (session);
  unknot_session_add_time (session);
  unknot_session_stop (session);
  unknot_session_pause (session);
  unknot_fake_clock_advance (recorder->clock, 10000);
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_FINISHED);
  g_assert_cmpint (unknot_session_get_elapsed (session), ==, 47000);
  assert_log (recorder, "");
  assert_finished (recorder, "");
}

static void
test_next_on_last_segment_while_paused (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;

  unknot_session_start (session);
  advance_to (recorder, 48500);
  unknot_session_pause (session);
  g_ptr_array_set_size (recorder->cues, 0);
  unknot_session_next (session);
  assert_log (recorder, "48500 step-end step4/right\n48500 routine-complete step4/right\n");
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_FINISHED);
}

static void
test_previous_restarts_first_segment (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;

  unknot_session_start (session);
  advance_to (recorder, 1000);
  g_ptr_array_set_size (recorder->cues, 0);
  unknot_session_previous (session);
  assert_log (recorder, "1000 segment-start prepare\n");
  assert_finished (recorder, "");
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 5000);
  advance_to (recorder, 6000);
  assert_log (recorder, "3000 countdown 3\n4000 countdown 2\n5000 countdown 1\n"
                        "6000 segment-start step1/left\n");
  /* The restarted prepare reports the whole visit when it ends. */
  assert_finished (recorder, "prepare 6000 completed");
}

static void
test_previous (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;

  unknot_session_start (session);
  advance_to (recorder, 8000);
  g_ptr_array_set_size (recorder->cues, 0);
  g_ptr_array_set_size (recorder->finished, 0);

  /* Exactly 3 s into the left side is not "more than 3 s": back to the prepare. */
  unknot_session_previous (session);
  assert_log (recorder, "8000 segment-start prepare\n");
  assert_finished (recorder, "step1/left 3000 left");
  g_assert_cmpuint (unknot_session_get_segment_index (session), ==, 0);

  /* More than 3 s into it restarts the left side, with its cue again 4 s on. */
  advance_to (recorder, 16001);
  g_ptr_array_set_size (recorder->cues, 0);
  unknot_session_previous (session);
  assert_log (recorder, "16001 segment-start step1/left\n");
  g_assert_cmpuint (unknot_session_get_segment_index (session), ==, 1);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 10000);
  advance_to (recorder, 20001);
  assert_log (recorder, "20001 step-cue Move to the outer edge\n");

  /* Paused, it goes back and stays paused. */
  unknot_session_pause (session);
  advance_to (recorder, 20002);
  unknot_session_previous (session);
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_PAUSED);
  assert_log (recorder, "20002 segment-start step1/left\n");
  g_assert_cmpint (unknot_session_get_elapsed (session), ==, 20001);
}

/* Back from a switch gap goes to the left side, from a rest to the step before it, and
 * early in a right side to its left side: never into the gap between them. */
static void
test_previous_never_lands_in_a_gap (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;

  unknot_session_start (session);
  advance_to (recorder, 17000);
  g_ptr_array_set_size (recorder->cues, 0);
  g_ptr_array_set_size (recorder->finished, 0);
  unknot_session_previous (session);
  assert_log (recorder, "17000 segment-start step1/left\n");
  assert_finished (recorder, "switch 2000 left");
  g_assert_cmpuint (unknot_session_get_segment_index (session), ==, 1);

  /* On to the right side; 1 s into it, back goes over the gap to the left side. */
  unknot_session_next (session);
  advance_to (recorder, 18000);
  g_ptr_array_set_size (recorder->cues, 0);
  unknot_session_previous (session);
  assert_log (recorder, "18000 segment-start step1/left\n");

  /* In the rest, 4 s in: back to the right side of step 1, not a restart of the rest. */
  unknot_session_next (session);
  advance_to (recorder, 28000);
  g_assert_cmpint (unknot_segment_get_kind (unknot_session_get_segment (session)), ==,
                   UNKNOT_SEGMENT_REST);
  advance_to (recorder, 32000);
  g_ptr_array_set_size (recorder->cues, 0);
  unknot_session_previous (session);
  assert_log (recorder, "32000 segment-start step1/right\n");
  g_assert_cmpuint (unknot_session_get_segment_index (session), ==, 3);
}

/* +15 s lengthens only a step: the prepare, a switch gap and a rest keep their length. */
static void
test_add_time_only_on_a_step (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;
  const gint64 moments[] = { 1000, 16000, 30000 };  /* prepare, switch, rest */

  g_assert_false (unknot_session_can_add_time (session));
  unknot_session_start (session);
  for (guint i = 0; i < G_N_ELEMENTS (moments); i++)
    {
      gint64 remaining;

      advance_to (recorder, moments[i]);
      remaining = unknot_session_get_remaining (session);
      g_assert_false (unknot_session_can_add_time (session));
      unknot_session_add_time (session);
      g_assert_cmpint (unknot_session_get_remaining (session), ==, remaining);
      g_assert_cmpint (unknot_session_get_total (session), ==, 49000);
    }

  advance_to (recorder, 34000);
  g_assert_true (unknot_session_can_add_time (session));
  unknot_session_pause (session);
  g_assert_true (unknot_session_can_add_time (session));
  unknot_session_add_time (session);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 22000);
  unknot_session_stop (session);
  g_assert_false (unknot_session_can_add_time (session));
}

static void
test_stop (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;

  unknot_session_start (session);
  advance_to (recorder, 6500);
  g_ptr_array_set_size (recorder->cues, 0);
  g_ptr_array_set_size (recorder->finished, 0);

  unknot_session_stop (session);
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_STOPPED);
  assert_log (recorder, "");
  assert_finished (recorder, "step1/left 1500 left");
  g_assert_cmpuint (unknot_fake_clock_get_n_deadlines (recorder->clock), ==, 0);

  /* Frozen where it stopped; nothing resumes it. */
  unknot_session_resume (session);
  unknot_session_toggle (session);
  unknot_session_next (session);
  unknot_fake_clock_advance (recorder->clock, 100000);
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_STOPPED);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 8500);
  g_assert_cmpint (unknot_session_get_elapsed (session), ==, 6500);
  assert_log (recorder, "");
  assert_finished (recorder, "");
}

static void
test_stop_while_paused (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;

  unknot_session_start (session);
  advance_to (recorder, 1200);
  unknot_session_pause (session);
  advance_to (recorder, 50000);
  unknot_session_stop (session);
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_STOPPED);
  assert_finished (recorder, "prepare 1200 left");
  g_assert_cmpint (unknot_session_get_elapsed (session), ==, 1200);
}

/* +15 s on the left side: both sides 25 s, everything after 30 s later. */
static void
test_add_time_on_left_side (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;
  UnknotSegment *before;
  g_autofree char *log = NULL;

  recorder->check_offsets = TRUE;
  unknot_session_start (session);
  advance_to (recorder, 13500);
  g_ptr_array_set_size (recorder->cues, 0);
  before = unknot_session_get_segment (session);

  /* During the countdown: ticks 3 and 2 came, and will come again before the new end. */
  unknot_session_add_time (session);
  g_assert_false (unknot_session_get_segment (session) == before);
  g_assert_cmpint (unknot_segment_get_duration (unknot_session_get_segment (session)), ==, 25000);
  g_assert_cmpint (unknot_segment_get_duration (unknot_session_get_segment_at (session, 3)), ==,
                   25000);
  g_assert_cmpint (unknot_segment_get_duration (unknot_session_get_segment_at (session, 2)), ==,
                   3000);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 16500);
  g_assert_cmpint (unknot_session_get_total (session), ==, 79000);
  g_assert_cmpuint (unknot_session_get_n_segments (session), ==, 9);

  advance_to (recorder, 43000);
  log = session_recorder_take_log (recorder);
  g_assert_cmpstr (log, ==,
                   "27000 countdown 3\n"
                   "28000 countdown 2\n"
                   "29000 countdown 1\n"
                   "30000 switch-sides step1/left\n"
                   "30000 segment-start switch\n"
                   "33000 segment-start step1/right\n"
                   "37000 step-cue Move to the outer edge\n");
  session_recorder_run (recorder);
  g_assert_cmpint (session_recorder_now (recorder), ==, 79000);
}

static void
test_add_time_on_right_side (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;

  unknot_session_start (session);
  advance_to (recorder, 20000);
  unknot_session_add_time (session);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 23000);
  g_assert_cmpint (unknot_segment_get_duration (unknot_session_get_segment_at (session, 1)), ==,
                   10000);
  g_assert_cmpint (unknot_session_get_total (session), ==, 64000);

  /* While paused too; step 2 now starts at 48 s and lasts 23 s. */
  advance_to (recorder, 50000);
  unknot_session_pause (session);
  unknot_session_add_time (session);
  g_assert_cmpuint (unknot_session_get_segment_index (session), ==, 5);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 21000);
  g_assert_cmpint (unknot_session_get_total (session), ==, 79000);
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_PAUSED);
}

typedef struct
{
  SessionRecorder *recorder;
  UnknotCueEventKind kind;
  void (*action) (UnknotSession *session);
  gboolean done;
} CueReaction;

static void
react_to_cue (UnknotSession  *session,
              UnknotCueEvent *event,
              CueReaction    *reaction)
{
  if (!reaction->done && unknot_cue_event_get_kind (event) == reaction->kind)
    {
      reaction->done = TRUE;
      reaction->action (session);
    }
}

static void
test_handler_calls_pause (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;
  CueReaction reaction = { recorder, UNKNOT_CUE_EVENT_STEP_CUE, unknot_session_pause, FALSE };

  /* The recorder's handler runs first, so the log shows the emission order. */
  g_signal_connect (session, "cue", G_CALLBACK (react_to_cue), &reaction);
  unknot_session_start (session);
  advance_to (recorder, 8000);
  g_ptr_array_set_size (recorder->cues, 0);
  unknot_fake_clock_jump (recorder->clock, 5000);
  /* The jump made the cue at 9 s and the ticks at 12 and 13 s due together: the pause
   * from the first handler comes after all three, at the present. */
  assert_log (recorder, "13000 step-cue Move to the outer edge\n"
                        "13000 countdown 3\n"
                        "13000 countdown 2\n");
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_PAUSED);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 2000);
}

/* A handler that skips from inside a cue: the cues already due still come first, in
 * their order, and then those the skip causes. */
static void
test_handler_calls_next (void)
{
  g_autoptr (SessionRecorder) recorder = record_mixed ();
  UnknotSession *session = recorder->session;
  CueReaction reaction = { recorder, UNKNOT_CUE_EVENT_SWITCH_SIDES, unknot_session_next, FALSE };

  g_signal_connect (session, "cue", G_CALLBACK (react_to_cue), &reaction);
  unknot_session_start (session);
  advance_to (recorder, 14500);
  g_ptr_array_set_size (recorder->cues, 0);
  g_ptr_array_set_size (recorder->finished, 0);
  advance_to (recorder, 15000);
  assert_log (recorder, "15000 switch-sides step1/left\n"
                        "15000 segment-start switch\n"
                        "15000 segment-start step1/right\n");
  assert_finished (recorder, "step1/left 10000 completed, switch 0 left");

  advance_to (recorder, 18000);
  g_assert_cmpuint (unknot_session_get_segment_index (session), ==, 3);
  g_assert_cmpint (unknot_session_get_remaining (session), ==, 7000);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_default_settings_shape_the_plan_before_start (void)
{
  g_autoptr (UnknotRoutine) routine = session_fixture_load ("long.xml");
  g_autoptr (SessionRecorder) recorder = session_recorder_new (routine);
  UnknotSession *session = recorder->session;
  guint n_segments_notified = 0;

  g_signal_connect_swapped (session, "notify::n-segments", G_CALLBACK (count_notify),
                            &n_segments_notified);
  g_assert_cmpuint (unknot_session_get_n_segments (session), ==, 6);
  g_assert_cmpint (unknot_session_get_total (session), ==, 10000 + 3605000 + 60000 + 1200000);

  unknot_session_set_default_prepare (session, 0);
  g_assert_cmpuint (n_segments_notified, ==, 1);
  unknot_session_set_default_switch_gap (session, 2000);
  g_assert_cmpuint (unknot_session_get_n_segments (session), ==, 5);
  g_assert_cmpint (unknot_session_get_total (session), ==, 3602000 + 60000 + 1200000);
  g_assert_cmpint (unknot_segment_get_kind (unknot_session_get_segment (session)), ==,
                   UNKNOT_SEGMENT_STEP);

  /* Once started, the plan holds. */
  unknot_session_start (session);
  g_object_set (session, "default-prepare", (gint64) 30000, "default-switch-gap", (gint64) 0,
                NULL);
  g_assert_cmpint (unknot_session_get_default_prepare (session), ==, 30000);
  g_assert_cmpuint (unknot_session_get_n_segments (session), ==, 5);
  g_assert_cmpint (unknot_session_get_total (session), ==, 3602000 + 60000 + 1200000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/controls/ready", test_ready_ignores_controls);
  g_test_add_func ("/session/controls/toggle", test_toggle);
  g_test_add_func ("/session/controls/next", test_next);
  g_test_add_func ("/session/controls/next-from-gap-and-rest", test_next_from_gap_and_rest);
  g_test_add_func ("/session/controls/next-never-in-gap", test_next_never_lands_in_a_gap);
  g_test_add_func ("/session/controls/next-on-last", test_next_on_last_segment_finishes);
  g_test_add_func ("/session/controls/next-on-last-paused", test_next_on_last_segment_while_paused);
  g_test_add_func ("/session/controls/previous-at-first", test_previous_restarts_first_segment);
  g_test_add_func ("/session/controls/previous", test_previous);
  g_test_add_func ("/session/controls/previous-never-in-gap", test_previous_never_lands_in_a_gap);
  g_test_add_func ("/session/controls/add-time-only-on-step", test_add_time_only_on_a_step);
  g_test_add_func ("/session/controls/stop", test_stop);
  g_test_add_func ("/session/controls/stop-paused", test_stop_while_paused);
  g_test_add_func ("/session/controls/add-time-left", test_add_time_on_left_side);
  g_test_add_func ("/session/controls/add-time-right", test_add_time_on_right_side);
  g_test_add_func ("/session/controls/handler-next", test_handler_calls_next);
  g_test_add_func ("/session/controls/handler-pause", test_handler_calls_pause);
  g_test_add_func ("/session/controls/defaults", test_default_settings_shape_the_plan_before_start);

  return g_test_run ();
}
