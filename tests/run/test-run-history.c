/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <sqlite3.h>

#include <glib/gstdio.h>

#include "history-test-utils.h"
#include "session-fixtures.h"
#include "unknot-run.h"
#include "unknot-test-utils.h"

/* What a run leaves in the history is what happened: each step once, and only when it
 * ran to its end on every side; the time the routine really ran; "completed" only for a
 * routine run to its end with at least half its time; nothing at all for a preview; and
 * never a row that misses a step, whatever the store went through. Runs go on a fake
 * clock, and the history is a real SQLite file. */

/* 42 s planned: 10 s, then 10 s a side with 2 s to switch, then 10 s. */
static const char routine_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<routine format=\"1\" id=\"three-steps\">\n"
  "  <name>Three steps</name>\n"
  "  <description>For the tests of what a run records.</description>\n"
  "  <prepare duration=\"0s\"/>\n"
  "  <step region=\"calves\" technique=\"petrissage\" duration=\"10s\">\n"
  "    <title>One</title><instructions>First.</instructions>\n"
  "  </step>\n"
  "  <step region=\"feet\" technique=\"friction\" side=\"each\" switch=\"2s\" duration=\"10s\">\n"
  "    <title>Two</title><instructions>Second, each side.</instructions>\n"
  "  </step>\n"
  "  <step region=\"shins\" technique=\"rolling\" duration=\"10s\">\n"
  "    <title>Three</title><instructions>Third.</instructions>\n"
  "  </step>\n"
  "</routine>\n";

#define N_STEPS 3
#define PLANNED_S 42

typedef struct
{
  char *data_home;
  char *path;
  UnknotHistory *history;
  UnknotFakeClock *clock;
  UnknotRoutine *routine;
  UnknotRun *run;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *folder = NULL;

  fixture->data_home = unknot_test_make_folder ("unknot-run-history");
  folder = g_build_filename (fixture->data_home, "unknot", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  fixture->path = history_test_db_path (folder);
  fixture->history = history_test_open (fixture->path);
  fixture->clock = unknot_fake_clock_new ();
  fixture->routine = session_fixture_parse (routine_xml);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->run);
  g_clear_object (&fixture->routine);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->history);
  unknot_test_remove_folder (fixture->data_home);
  g_free (fixture->data_home);
  g_free (fixture->path);
}

static UnknotSession *
start (Fixture *fixture,
       double   speed)
{
  fixture->run = g_object_new (UNKNOT_TYPE_RUN,
                               "routine", fixture->routine,
                               "history", fixture->history,
                               "clock", fixture->clock,
                               "speed", speed,
                               NULL);
  unknot_run_start (fixture->run);
  return unknot_run_get_session (fixture->run);
}

/* Lets @seconds of routine time pass at speed 1. */
static void
pass (Fixture *fixture,
      double   seconds)
{
  unknot_fake_clock_advance (fixture->clock, (gint64) (seconds * 1000));
}

static void
run_to_end (Fixture *fixture)
{
  while (!unknot_run_get_ended (fixture->run) && unknot_fake_clock_run_next (fixture->clock))
    ;
  g_assert_true (unknot_run_get_ended (fixture->run));
}

static UnknotHistorySession *
read_row (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  UnknotHistorySession *row;

  g_assert_cmpint (unknot_run_get_history_id (fixture->run), >, 0);
  row = unknot_history_get_session (fixture->history, unknot_run_get_history_id (fixture->run),
                                    &error);
  g_assert_no_error (error);
  return row;
}

static gint64
count_rows (Fixture *fixture)
{
  return history_test_query_int (fixture->history, "SELECT count(*) FROM sessions");
}

/* The whole routine, untouched: every step once, its full time, completed. */
static void
test_whole_routine (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (UnknotHistorySession) row = NULL;

  start (fixture, 1.0);
  run_to_end (fixture);
  row = read_row (fixture);
  g_assert_cmpint (row->status, ==, UNKNOT_HISTORY_STATUS_COMPLETED);
  g_assert_cmpuint (row->steps_completed, ==, N_STEPS);
  g_assert_cmpuint (row->steps->len, ==, N_STEPS);
  g_assert_cmpuint (row->active_seconds, ==, PLANNED_S);
  g_assert_cmpuint (row->planned_seconds, ==, PLANNED_S);
  /* A step done on each side is recorded with both sides' time. */
  g_assert_cmpuint (g_array_index (row->steps, UnknotHistoryStep, 1).seconds, ==, 20);
  g_assert_true (unknot_history_session_counts (row));
  g_assert_true (unknot_run_get_completed (fixture->run));
  g_assert_true (unknot_run_get_recorded (fixture->run));
}

/* A run that "Just ran?" says follows a long run keeps that in its row, whether it was
 * said before the start or during the run; a run that follows none has none. */
static void
test_after_run (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (UnknotHistorySession) row = NULL;
  g_autoptr (UnknotHistorySession) second = NULL;

  fixture->run = g_object_new (UNKNOT_TYPE_RUN, "routine", fixture->routine,
                               "history", fixture->history, "clock", fixture->clock, NULL);
  unknot_run_set_after_run (fixture->run, UNKNOT_RUN_KIND_LONG);
  unknot_run_start (fixture->run);
  run_to_end (fixture);
  row = read_row (fixture);
  g_assert_cmpstr (row->after_run, ==, "long");
  g_clear_object (&fixture->run);

  start (fixture, 1.0);
  pass (fixture, 5);
  g_assert_null ((second = read_row (fixture))->after_run);
  g_clear_pointer (&second, unknot_history_session_free);
  unknot_run_set_after_run (fixture->run, UNKNOT_RUN_KIND_TRAIL);
  run_to_end (fixture);
  second = read_row (fixture);
  g_assert_cmpstr (second->after_run, ==, "trail");
}

/* Previous within 3 s of the second step goes back to the first, which is done again:
 * the abandoned second step is not recorded, and the first is recorded once. */
static void
test_previous_then_finish (Fixture       *fixture,
                           gconstpointer  data)
{
  UnknotSession *session = start (fixture, 1.0);
  g_autoptr (UnknotHistorySession) row = NULL;

  pass (fixture, 11);            /* one second into the second step */
  unknot_session_previous (session);
  pass (fixture, 2);
  unknot_session_previous (session);  /* 2 s into the first again: back to its start */
  run_to_end (fixture);

  row = read_row (fixture);
  g_assert_cmpuint (row->steps_completed, ==, N_STEPS);
  g_assert_cmpuint (row->steps->len, ==, N_STEPS);
  g_assert_cmpint (g_array_index (row->steps, UnknotHistoryStep, 0).region, ==,
                   UNKNOT_REGION_CALVES);
  g_assert_cmpint (g_array_index (row->steps, UnknotHistoryStep, 1).region, ==,
                   UNKNOT_REGION_FEET);
  g_assert_cmpint (g_array_index (row->steps, UnknotHistoryStep, 2).region, ==,
                   UNKNOT_REGION_SHINS);
  /* The first step is recorded once, as it was first done; doing it again adds none. */
  g_assert_cmpuint (g_array_index (row->steps, UnknotHistoryStep, 0).seconds, ==, 10);
  /* Active time is all the time the routine ran, what was done twice included. */
  g_assert_cmpuint (row->active_seconds, ==, 10 + 1 + 2 + PLANNED_S);
  g_assert_cmpint (row->status, ==, UNKNOT_HISTORY_STATUS_COMPLETED);
  g_assert_true (unknot_run_get_recorded (fixture->run));
}

/* Skipping through the whole routine reaches its end, but that is not a routine done:
 * no step ran to its end, and the session is stopped, counting for nothing. */
static void
test_skip_through (Fixture       *fixture,
                   gconstpointer  data)
{
  UnknotSession *session = start (fixture, 1.0);
  g_autoptr (UnknotHistorySession) row = NULL;

  while (unknot_session_get_state (session) == UNKNOT_SESSION_RUNNING)
    {
      pass (fixture, 1);
      unknot_session_next (session);
    }
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_FINISHED);

  row = read_row (fixture);
  g_assert_cmpint (row->status, ==, UNKNOT_HISTORY_STATUS_STOPPED);
  g_assert_cmpuint (row->steps_completed, ==, 0);
  g_assert_cmpuint (row->active_seconds, <, PLANNED_S / 2);
  g_assert_false (unknot_history_session_counts (row));
  g_assert_false (unknot_run_get_completed (fixture->run));
  g_assert_cmpuint (unknot_run_get_steps_done (fixture->run), ==, 0);
}

/* Stopped 6 s into a step: that step was not done. */
static void
test_stop_mid_step (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (UnknotHistorySession) row = NULL;

  start (fixture, 1.0);
  pass (fixture, 6);
  unknot_run_stop (fixture->run);

  row = read_row (fixture);
  g_assert_cmpint (row->status, ==, UNKNOT_HISTORY_STATUS_STOPPED);
  g_assert_cmpuint (row->steps_completed, ==, 0);
  g_assert_cmpuint (row->active_seconds, ==, 6);
  g_assert_false (unknot_history_session_counts (row));
}

/* One side skipped: the step is not done, though the other side ran to its end. */
static void
test_side_skipped (Fixture       *fixture,
                   gconstpointer  data)
{
  UnknotSession *session = start (fixture, 1.0);
  g_autoptr (UnknotHistorySession) row = NULL;

  pass (fixture, 10 + 10 + 2 + 1);   /* one second into the right side */
  unknot_session_next (session);
  run_to_end (fixture);

  row = read_row (fixture);
  g_assert_cmpuint (row->steps_completed, ==, 2);
  g_assert_cmpint (g_array_index (row->steps, UnknotHistoryStep, 1).region, ==,
                   UNKNOT_REGION_SHINS);
  /* 33 s of 42 planned: the end was reached with more than half the time. */
  g_assert_cmpuint (row->active_seconds, ==, 33);
  g_assert_cmpint (row->status, ==, UNKNOT_HISTORY_STATUS_COMPLETED);
}

/* Pauses are not active time, and a stopped session with half its time counts. */
static void
test_pauses_and_half_time (Fixture       *fixture,
                           gconstpointer  data)
{
  UnknotSession *session = start (fixture, 1.0);
  g_autoptr (UnknotHistorySession) row = NULL;

  pass (fixture, 5);
  unknot_session_pause (session);
  pass (fixture, 600);
  unknot_session_resume (session);
  pass (fixture, 16);               /* 21 s active: half of 42 */
  unknot_run_stop (fixture->run);

  row = read_row (fixture);
  g_assert_cmpuint (row->active_seconds, ==, 21);
  g_assert_cmpint (row->status, ==, UNKNOT_HISTORY_STATUS_STOPPED);
  g_assert_cmpuint (row->steps_completed, ==, 1);
  g_assert_true (unknot_history_session_counts (row));
}

/* A run at another speed than 1 is a preview: no row at all, not even while it runs,
 * and `unknot --export-history` has nothing but its header. */
static void
test_preview_not_recorded (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *home = g_strdup_printf ("XDG_DATA_HOME=%s", fixture->data_home);
  const char *environment[] = { home, NULL };
  const char *arguments[] = { "--export-history", "-", NULL };
  g_auto (UnknotTestRun) cli = { 0 };

  start (fixture, 30.0);
  g_assert_true (unknot_run_get_preview (fixture->run));
  pass (fixture, 1);
  g_assert_cmpint (count_rows (fixture), ==, 0);
  run_to_end (fixture);
  g_assert_cmpint (count_rows (fixture), ==, 0);
  g_assert_cmpint (unknot_run_get_history_id (fixture->run), ==, 0);
  g_assert_false (unknot_run_get_recorded (fixture->run));
  /* Its summary is still true to the run. */
  g_assert_true (unknot_run_get_completed (fixture->run));
  g_assert_cmpuint (unknot_run_get_steps_done (fixture->run), ==, N_STEPS);

  unknot_test_run_unknot (NULL, environment, arguments, &cli);
  g_assert_cmpint (cli.status, ==, 0);
  g_assert_cmpstr (cli.err, ==, "");
  g_assert_cmpstr (cli.out, ==, "started_at,finished_at,routine_id,routine_name,status,"
                                "planned_seconds,active_seconds,steps_completed,steps_total,"
                                "rating,regions,after_run\r\n");
}

/* The store refuses the first write (another program holds it locked): the routine runs
 * on, and the row is written with the next step, with the steps done before it, so the
 * history never holds a session that misses its first steps. */
static void
test_first_write_fails_then_catches_up (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr (GDateTime) before = g_date_time_new_now_utc ();
  sqlite3 *handle = NULL;
  g_autoptr (UnknotHistorySession) row = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  start (fixture, 1.0);
  pass (fixture, 10);                /* the first step is done, and cannot be written */
  g_assert_cmpint (unknot_run_get_history_id (fixture->run), ==, 0);
  g_assert_false (unknot_run_get_recorded (fixture->run));
  g_assert_cmpint (sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  run_to_end (fixture);
  row = read_row (fixture);
  g_assert_cmpuint (row->steps_completed, ==, N_STEPS);
  g_assert_cmpuint (row->steps->len, ==, N_STEPS);
  g_assert_cmpint (g_array_index (row->steps, UnknotHistoryStep, 0).region, ==,
                   UNKNOT_REGION_CALVES);
  g_assert_cmpint (row->status, ==, UNKNOT_HISTORY_STATUS_COMPLETED);
  /* It started when the run started, not when the row could be written, after two
   * writes had each waited out the store's busy timeout of 2 s. */
  g_assert_cmpint (g_date_time_to_unix (row->started_at) - g_date_time_to_unix (before), <=, 1);
  g_assert_cmpint (g_date_time_to_unix (row->finished_at) - g_date_time_to_unix (row->started_at),
                   >=, 3);
  g_assert_true (unknot_run_get_recorded (fixture->run));
}

/* A store that refuses every write: no row, and the run says it is not recorded. */
static void
test_never_written (Fixture       *fixture,
                    gconstpointer  data)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  start (fixture, 1.0);
  pass (fixture, 10);
  unknot_run_stop (fixture->run);
  g_assert_cmpint (sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  g_assert_cmpint (unknot_run_get_history_id (fixture->run), ==, 0);
  g_assert_false (unknot_run_get_recorded (fixture->run));
  g_assert_cmpint (count_rows (fixture), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/run/history/whole-routine", test_whole_routine);
  ADD ("/run/history/after-run", test_after_run);
  ADD ("/run/history/previous-then-finish", test_previous_then_finish);
  ADD ("/run/history/skip-through", test_skip_through);
  ADD ("/run/history/stop-mid-step", test_stop_mid_step);
  ADD ("/run/history/side-skipped", test_side_skipped);
  ADD ("/run/history/pauses-and-half-time", test_pauses_and_half_time);
  ADD ("/run/history/preview-not-recorded", test_preview_not_recorded);
  ADD ("/run/history/first-write-fails-then-catches-up", test_first_write_fails_then_catches_up);
  ADD ("/run/history/never-written", test_never_written);
#undef ADD
  return g_test_run ();
}
