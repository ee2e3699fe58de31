/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "history-test-utils.h"
#include "session-fixtures.h"
#include "unknot-run.h"
#include "unknot-test-utils.h"

/* UnknotRun owns one run: its session, its history row, its hold on the cue player. These
 * tests drive runs on a fake clock and check what a run leaves behind when it ends or is
 * dropped. */

typedef struct
{
  char *folder;
  UnknotHistory *history;
  UnknotFakeClock *clock;
  UnknotRoutine *routine;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->folder = unknot_test_make_folder ("unknot-run");
  path = history_test_db_path (fixture->folder);
  fixture->history = history_test_open (path);
  fixture->clock = unknot_fake_clock_new ();
  fixture->routine = history_test_routine_new ("two-steps", "Two steps");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->routine);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->history);
  unknot_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

static UnknotRun *
new_run (Fixture         *fixture,
         UnknotCuePlayer *cue_player)
{
  return g_object_new (UNKNOT_TYPE_RUN,
                       "routine", fixture->routine,
                       "history", fixture->history,
                       "cue-player", cue_player,
                       "clock", fixture->clock,
                       NULL);
}

static void
run_to_end (Fixture   *fixture,
            UnknotRun *run)
{
  while (!unknot_run_get_ended (run) && unknot_fake_clock_run_next (fixture->clock))
    ;
  g_assert_true (unknot_run_get_ended (run));
}

static UnknotHistorySession *
read_row (Fixture *fixture,
          gint64   id)
{
  g_autoptr (GError) error = NULL;
  UnknotHistorySession *session = unknot_history_get_session (fixture->history, id, &error);

  g_assert_no_error (error);
  return session;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* A run to its end: active while it runs, ended once, recorded whole. */
static void
test_run_to_end (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (UnknotRun) run = new_run (fixture, NULL);
  g_autoptr (UnknotHistorySession) row = NULL;
  guint n_ended = 0;

  g_signal_connect (run, "notify::ended", G_CALLBACK (count_notify), &n_ended);
  g_assert_false (unknot_run_get_active (run));
  unknot_run_start (run);
  g_assert_true (unknot_run_get_active (run));
  g_assert_cmpint (unknot_run_get_history_id (run), >, 0);

  run_to_end (fixture, run);
  g_assert_false (unknot_run_get_active (run));
  g_assert_cmpuint (n_ended, ==, 1);
  g_assert_true (unknot_run_get_completed (run));
  g_assert_true (unknot_run_get_recorded (run));
  g_assert_cmpuint (unknot_run_get_steps_done (run), ==, 2);

  row = read_row (fixture, unknot_run_get_history_id (run));
  g_assert_cmpint (row->status, ==, UNKNOT_HISTORY_STATUS_COMPLETED);
  g_assert_cmpuint (row->steps_completed, ==, 2);
}

/* "Start from this step": the run begins at the routine's second item, with its time
 * left and the routine's progress as if the first had run; it is recorded as the
 * routine's run with one step done, and as stopped early, as the history counts a run
 * complete only with half the routine's time done and this one did less. */
static void
test_start_at (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (UnknotRun) run = new_run (fixture, NULL);
  g_autoptr (UnknotHistorySession) row = NULL;
  UnknotSession *session = unknot_run_get_session (run);
  UnknotStep *second = unknot_routine_get_item (fixture->routine, 1);
  UnknotSegment *segment;

  unknot_run_start_at (run, 1);
  g_assert_true (unknot_run_get_active (run));
  segment = unknot_session_get_segment (session);
  g_assert_nonnull (segment);
  g_assert_true (unknot_segment_get_step (segment) == second);
  g_assert_cmpint (unknot_session_get_remaining (session), ==,
                   unknot_segment_get_duration (segment));
  g_assert_cmpfloat (unknot_session_get_progress (session), >, 0.0);

  run_to_end (fixture, run);
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_FINISHED);
  g_assert_cmpuint (unknot_run_get_steps_done (run), ==, 1);
  g_assert_cmpint (unknot_run_get_active_ms (run), ==, unknot_segment_get_duration (segment));
  row = read_row (fixture, unknot_run_get_history_id (run));
  g_assert_cmpint (row->status, ==, UNKNOT_HISTORY_STATUS_STOPPED);
  g_assert_cmpuint (row->steps_completed, ==, 1);
}

/* Dropping a run under way stops it: its row is closed as stopped, not left in
 * progress, and nothing of it runs on. */
static void
test_dropped_under_way (Fixture       *fixture,
                        gconstpointer  data)
{
  UnknotRun *run = new_run (fixture, NULL);
  g_autoptr (UnknotSession) session = NULL;
  g_autoptr (UnknotHistorySession) row = NULL;
  gint64 id;

  unknot_run_start (run);
  unknot_fake_clock_advance (fixture->clock, 20000);
  id = unknot_run_get_history_id (run);
  session = g_object_ref (unknot_run_get_session (run));
  g_object_unref (run);

  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_STOPPED);
  g_assert_cmpuint (unknot_fake_clock_get_n_deadlines (fixture->clock), ==, 0);
  row = read_row (fixture, id);
  g_assert_cmpint (row->status, ==, UNKNOT_HISTORY_STATUS_STOPPED);
  g_assert_nonnull (row->finished_at);
}

/* The cue player follows the run's session from the start; stopping the run silences it
 * at once. */
static void
test_cue_player_stop (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (UnknotCuePlayer) player = unknot_cue_player_new ();
  g_autoptr (UnknotRun) run = new_run (fixture, player);

  g_assert_null (unknot_cue_player_get_session (player));
  unknot_run_start (run);
  g_assert_true (unknot_cue_player_get_session (player) == unknot_run_get_session (run));
  unknot_run_stop (run);
  g_assert_null (unknot_cue_player_get_session (player));
  g_assert_true (unknot_run_get_ended (run));
}

/* A run that went to its end keeps the player until it is dropped, so the routine's
 * last chime plays out; dropping it lets the player go. */
static void
test_cue_player_drop (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (UnknotCuePlayer) player = unknot_cue_player_new ();
  UnknotRun *run = new_run (fixture, player);

  unknot_run_start (run);
  run_to_end (fixture, run);
  g_assert_true (unknot_cue_player_get_session (player) == unknot_run_get_session (run));
  g_object_unref (run);
  g_assert_null (unknot_cue_player_get_session (player));
}

/* The rating goes into the run's row; taking it back clears it. */
static void
test_rating (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (UnknotRun) run = new_run (fixture, NULL);
  g_autoptr (GError) error = NULL;
  guint n_notified = 0;

  g_signal_connect (run, "notify::rating", G_CALLBACK (count_notify), &n_notified);
  unknot_run_start (run);
  run_to_end (fixture, run);

  g_assert_true (unknot_run_set_rating (run, 4, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (unknot_run_get_rating (run), ==, 4);
  g_assert_cmpuint (n_notified, ==, 1);
  {
    g_autoptr (UnknotHistorySession) row = read_row (fixture, unknot_run_get_history_id (run));
    g_assert_cmpuint (row->feel, ==, 4);
  }

  g_assert_true (unknot_run_set_rating (run, 0, &error));
  {
    g_autoptr (UnknotHistorySession) row = read_row (fixture, unknot_run_get_history_id (run));
    g_assert_cmpuint (row->feel, ==, 0);
  }
}

/* The user's settings reach the session, also while it runs. */
static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new ("io.github.unknot.Unknot");
  g_autoptr (UnknotRun) run = NULL;
  UnknotSession *session;

  g_settings_set_int (settings, "prepare-time", 7);
  run = g_object_new (UNKNOT_TYPE_RUN, "routine", fixture->routine, "clock", fixture->clock,
                      "settings", settings, NULL);
  session = unknot_run_get_session (run);
  g_assert_cmpint (unknot_session_get_default_prepare (session), ==, 7000);

  unknot_run_start (run);
  g_settings_set_boolean (settings, "countdown-ticks", FALSE);
  g_assert_false (unknot_session_get_countdown_ticks (session));
  g_settings_reset (settings, "countdown-ticks");
  g_settings_reset (settings, "prepare-time");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/run/to-end", test_run_to_end);
  ADD ("/run/start-at", test_start_at);
  ADD ("/run/dropped-under-way", test_dropped_under_way);
  ADD ("/run/cue-player/stop", test_cue_player_stop);
  ADD ("/run/cue-player/drop", test_cue_player_drop);
  ADD ("/run/rating", test_rating);
  ADD ("/run/settings", test_settings);
#undef ADD
  return g_test_run ();
}
