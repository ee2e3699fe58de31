/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include <glib/gstdio.h>

#include "history-test-utils.h"
#include "unknot-fake-clock.h"
#include "unknot-history-private.h"
#include "unknot-routine-parser.h"
#include "unknot-session-recorder.h"
#include "unknot-test-utils.h"

/* The history failing under a session that is being recorded: locked by another
 * process, out of room, its folder made read-only. The routine always runs to its end;
 * what was written before stays; what is written after the fault ends is kept. */

static const char routine_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<routine format=\"1\" id=\"three\">\n"
  "  <name>Three steps</name>\n"
  "  <description>For the fault tests.</description>\n"
  "  <prepare duration=\"0s\"/>\n"
  "  <step region=\"calves\" technique=\"petrissage\" duration=\"30s\">\n"
  "    <title>One</title><instructions>First.</instructions>\n"
  "  </step>\n"
  "  <step region=\"shins\" technique=\"rolling\" duration=\"30s\">\n"
  "    <title>Two</title><instructions>Second.</instructions>\n"
  "  </step>\n"
  "  <step region=\"feet\" technique=\"friction\" duration=\"30s\">\n"
  "    <title>Three</title><instructions>Third.</instructions>\n"
  "  </step>\n"
  "</routine>\n";

/* A session on a fake clock, recorded into a history at @path. */
typedef struct
{
  char *folder;
  char *path;
  UnknotHistory *history;
  UnknotFakeClock *clock;
  UnknotSession *session;
  UnknotSessionRecorder *recorder;
  guint n_failures;
} Run;

static void
on_write_failed (UnknotHistory *history,
                 gint64         session_id,
                 GError        *error,
                 Run           *run)
{
  run->n_failures++;
}

static void
run_start (Run *run)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GBytes) bytes = g_bytes_new_static (routine_xml, sizeof routine_xml - 1);
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (GError) error = NULL;

  run->folder = unknot_test_make_folder ("unknot-faults-XXXXXX");
  run->path = history_test_db_path (run->folder);
  run->history = history_test_open (run->path);
  g_signal_connect (run->history, "write-failed", G_CALLBACK (on_write_failed), run);

  routine = unknot_routine_parser_load_bytes (parser, bytes, NULL, "three.xml", NULL, &error);
  g_assert_no_error (error);
  run->clock = unknot_fake_clock_new ();
  run->session = unknot_session_new (routine, UNKNOT_CLOCK (run->clock));
  run->recorder = unknot_session_recorder_new (run->history, run->session);
  unknot_session_start (run->session);
  g_assert_cmpint (unknot_session_recorder_get_session_id (run->recorder), >, 0);
}

/* Runs the session on until @n_steps are done, or to its end with 0. */
static void
run_until (Run   *run,
           guint  n_steps)
{
  while ((n_steps == 0 || unknot_session_recorder_get_n_steps (run->recorder) < n_steps)
         && unknot_fake_clock_run_next (run->clock))
    ;
  if (n_steps > 0)
    g_assert_cmpuint (unknot_session_recorder_get_n_steps (run->recorder), ==, n_steps);
  else
    g_assert_cmpint (unknot_session_get_state (run->session), ==, UNKNOT_SESSION_FINISHED);
}

static void
run_finish (Run *run)
{
  g_clear_object (&run->recorder);
  g_clear_object (&run->session);
  g_clear_object (&run->clock);
  g_clear_object (&run->history);
  unknot_test_remove_folder (run->folder);
  g_free (run->folder);
  g_free (run->path);
}

/* What another connection, opened afresh, finds of the session. */
static UnknotHistorySession *
read_back (Run *run)
{
  g_autoptr (UnknotHistory) history = history_test_open (run->path);
  g_autoptr (GError) error = NULL;
  UnknotHistorySession *session;

  session = unknot_history_get_session (history,
                                        unknot_session_recorder_get_session_id (run->recorder),
                                        &error);
  g_assert_no_error (error);
  return session;
}

static gint64
count_steps (Run *run)
{
  g_autoptr (UnknotHistory) history = history_test_open (run->path);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM steps WHERE session_id = %"
                                          G_GINT64_FORMAT,
                                          unknot_session_recorder_get_session_id (run->recorder));

  return history_test_query_int (history, sql);
}

/* ---- locked by another process ------------------------------------------------------ */

/* A process of its own (not a thread: SQLite's locks are per process too) that holds
 * the database locked with BEGIN EXCLUSIVE from when it says so on @ready until
 * something is written to @release. */
typedef struct
{
  GPid pid;
  int release;
} Locker;

static void G_GNUC_NORETURN
locker_main (const char *path,
             int         ready,
             int         release)
{
  sqlite3 *handle = NULL;
  char byte = 0;

  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK
      || sqlite3_exec (handle, "BEGIN EXCLUSIVE", NULL, NULL, NULL) != SQLITE_OK
      || write (ready, "L", 1) != 1)
    _exit (2);
  if (read (release, &byte, 1) < 0)
    _exit (3);
  _exit (sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL) == SQLITE_OK
         && sqlite3_close (handle) == SQLITE_OK ? 0 : 4);
}

static void
locker_start (Locker     *locker,
              const char *path)
{
  int ready[2], release[2];
  char byte;

  g_assert_cmpint (pipe (ready), ==, 0);
  g_assert_cmpint (pipe (release), ==, 0);
  locker->pid = fork ();
  g_assert_cmpint (locker->pid, >=, 0);
  if (locker->pid == 0)
    locker_main (path, ready[1], release[0]);

  close (ready[1]);
  close (release[0]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  close (ready[0]);
  locker->release = release[1];
}

static void
locker_release (Locker *locker)
{
  int status;

  g_assert_cmpint (write (locker->release, "U", 1), ==, 1);
  close (locker->release);
  g_assert_cmpint (waitpid (locker->pid, &status, 0), ==, locker->pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static gpointer
release_soon (gpointer data)
{
  /* Well inside the store's busy timeout of 2 s. */
  g_usleep (200 * 1000);
  locker_release (data);
  return NULL;
}

/* Locked while a step ends: the write waits out the busy timeout, fails with BUSY and
 * says so; the routine goes on; after the lock is gone the step that could not be
 * written is written with the next, in its place, and nothing is missing. */
static void
test_locked_through_a_step (void)
{
  Run run = { 0 };
  g_autoptr (UnknotHistorySession) session = NULL;
  Locker locker;

  run_start (&run);
  run_until (&run, 1);

  locker_start (&locker, run.path);
  run_until (&run, 2);
  g_assert_cmpuint (run.n_failures, ==, 1);
  g_assert_cmpint (unknot_session_get_state (run.session), ==, UNKNOT_SESSION_RUNNING);
  locker_release (&locker);

  run_until (&run, 0);
  g_assert_cmpuint (run.n_failures, ==, 1);
  g_assert_true (unknot_session_recorder_is_recorded (run.recorder));

  session = read_back (&run);
  g_assert_cmpint (session->status, ==, UNKNOT_HISTORY_STATUS_COMPLETED);
  g_assert_cmpuint (session->steps_completed, ==, 3);
  g_assert_cmpint (count_steps (&run), ==, 3);
  g_assert_cmpint (g_array_index (session->steps, UnknotHistoryStep, 1).region, ==,
                   UNKNOT_REGION_SHINS);
  run_finish (&run);
}

/* Locked for a moment: the write waits and then goes through; nothing is lost. */
static void
test_locked_for_a_moment (void)
{
  Run run = { 0 };
  g_autoptr (UnknotHistorySession) session = NULL;
  Locker locker;
  GThread *thread;

  run_start (&run);
  run_until (&run, 1);

  locker_start (&locker, run.path);
  thread = g_thread_new ("release", release_soon, &locker);
  run_until (&run, 2);
  g_thread_join (thread);

  run_until (&run, 0);
  g_assert_cmpuint (run.n_failures, ==, 0);
  g_assert_true (unknot_session_recorder_is_recorded (run.recorder));
  session = read_back (&run);
  g_assert_cmpint (session->status, ==, UNKNOT_HISTORY_STATUS_COMPLETED);
  g_assert_cmpuint (session->steps_completed, ==, 3);
  g_assert_cmpint (count_steps (&run), ==, 3);
  run_finish (&run);
}

/* ---- out of room -------------------------------------------------------------------- */

static void
limit_pages (UnknotHistory *history,
             gint64         max_pages)
{
  sqlite3 *handle = unknot_history_db_get_handle (unknot_history_get_db (history));
  g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, max_pages);

  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* Another session's steps, until the last page of the steps table is full. */
static void
fill_steps (UnknotHistory *history)
{
  g_autoptr (UnknotRoutine) routine = history_test_routine_new ("filler", "Filler");
  g_autoptr (GError) error = NULL;
  gint64 id = unknot_history_begin (history, routine, 600000, 2, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < 100000; i++)
    if (!unknot_history_record_step (history, id, UNKNOT_REGION_FEET, UNKNOT_TECHNIQUE_ROLLING,
                                     UNKNOT_SIDE_BOTH, 30, 30000, &error))
      {
        g_assert_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_DISK_FULL);
        return;
      }
  g_assert_not_reached ();
}

/* The disk fills up after the first step: the next writes fail with DISK_FULL, the
 * routine runs to its end, and the first step and the session's row are intact. */
static void
test_disk_full_mid_session (void)
{
  Run run = { 0 };
  g_autoptr (UnknotHistorySession) session = NULL;
  guint failures_before;

  run_start (&run);
  run_until (&run, 1);

  limit_pages (run.history, history_test_query_int (run.history, "PRAGMA page_count"));
  fill_steps (run.history);
  failures_before = run.n_failures;

  run_until (&run, 0);
  g_assert_cmpuint (run.n_failures, >, failures_before);
  g_assert_false (unknot_session_recorder_is_recorded (run.recorder));

  session = read_back (&run);
  g_assert_cmpstr (session->routine_id, ==, "three");
  g_assert_cmpuint (session->steps_completed, >=, 1);
  g_assert_cmpint (count_steps (&run), ==, session->steps_completed);
  g_assert_cmpint (history_test_query_int (run.history, "SELECT count(*) FROM pragma_quick_check "
                                                        "WHERE quick_check = 'ok'"), ==, 1);
  run_finish (&run);
}

/* ---- made read-only ----------------------------------------------------------------- */

/* chmod does not stop root, who runs CI: the check runs as "nobody" then. */
static void
drop_privileges (void)
{
  if (geteuid () != 0)
    return;
  g_assert_cmpint (setgroups (0, NULL), ==, 0);
  g_assert_cmpint (setgid (65534), ==, 0);
  g_assert_cmpint (setuid (65534), ==, 0);
}

/* The folder and the file made read-only while a session runs. The store holds its
 * files open, and on Linux permissions are checked at open, not at each write, so the
 * session is recorded in full, as it should be: making a file read-only does not take
 * back a right already used. The next start finds the history read-only, with the
 * session in it, and says so at each write. */
static void
read_only_mid_session_child (void)
{
  Run run = { 0 };
  g_autoptr (UnknotHistorySession) session = NULL;
  g_autoptr (UnknotHistory) reopened = NULL;
  g_autoptr (UnknotRoutine) routine = history_test_routine_new ("later", "Later");
  g_autoptr (GError) error = NULL;

  drop_privileges ();
  run_start (&run);
  run_until (&run, 1);

  g_assert_cmpint (g_chmod (run.path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (run.folder, 0555), ==, 0);
  run_until (&run, 0);
  g_assert_cmpuint (run.n_failures, ==, 0);
  g_assert_true (unknot_session_recorder_is_recorded (run.recorder));

  g_clear_object (&run.history);
  reopened = unknot_history_new (run.path, &error);
  g_assert_no_error (error);
  g_assert_true (unknot_history_get_read_only (reopened));
  session = unknot_history_get_session (reopened,
                                        unknot_session_recorder_get_session_id (run.recorder),
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpint (session->status, ==, UNKNOT_HISTORY_STATUS_COMPLETED);
  g_assert_cmpuint (session->steps_completed, ==, 3);
  g_assert_cmpint (unknot_history_begin (reopened, routine, 1000, 2, NULL, &error), ==, 0);
  g_assert_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_READ_ONLY);

  g_clear_object (&reopened);
  g_assert_cmpint (g_chmod (run.folder, 0755), ==, 0);
  run_finish (&run);
}

static void
test_read_only_mid_session (void)
{
  if (g_test_subprocess ())
    {
      read_only_mid_session_child ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/faults/locked-through-a-step", test_locked_through_a_step);
  g_test_add_func ("/history/faults/locked-for-a-moment", test_locked_for_a_moment);
  g_test_add_func ("/history/faults/disk-full-mid-session", test_disk_full_mid_session);
  g_test_add_func ("/history/faults/read-only-mid-session", test_read_only_mid_session);

  return g_test_run ();
}
