/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "history-test-utils.h"
#include "unknot-test-utils.h"

#define N_ROUNDS 20

/* The child: one session, then steps as fast as it can, one byte down @pipe_fd after
 * each step is committed, until it is killed. Its first message is the session id. */
static void G_GNUC_NORETURN
run_child (const char *path,
           int         pipe_fd)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UnknotHistory) history = unknot_history_new (path, &error);
  g_autoptr (UnknotRoutine) routine = history_test_routine_new ("calf-care", "Calf care");
  gint64 id;

  g_assert_no_error (error);
  /* Planned as two steps, so that one step done counts toward the goal. */
  id = unknot_history_begin (history, routine, 14000, 1000000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (write (pipe_fd, &id, sizeof id), ==, sizeof id);

  for (guint step = 0; step < 1000000; step++)
    {
      unknot_history_record_step (history, id, UNKNOT_REGION_QUADRICEPS,
                                  UNKNOT_TECHNIQUE_COMPRESSION, UNKNOT_SIDE_LEFT, 7,
                                  (step + 1) * 7000, &error);
      g_assert_no_error (error);
      g_assert_cmpint (write (pipe_fd, "s", 1), ==, 1);
    }
  _exit (1);
}

static void
read_exactly (int    fd,
              void  *buffer,
              gsize  size)
{
  g_assert_cmpint (read (fd, buffer, size), ==, size);
}

/* Kills the child at a random moment once it reported at least a few steps; returns how
 * many steps it reported committed. */
static guint
kill_child_midway (pid_t    child,
                   int      pipe_fd,
                   gint64  *id)
{
  guint n_before_kill = g_test_rand_int_range (1, 8);
  guint n_reported = 0;
  int status = 0;
  char byte;

  read_exactly (pipe_fd, id, sizeof *id);
  for (; n_reported < n_before_kill; n_reported++)
    read_exactly (pipe_fd, &byte, 1);
  g_usleep (g_test_rand_int_range (0, 5000));

  g_assert_cmpint (kill (child, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

  while (read (pipe_fd, &byte, 1) == 1)
    n_reported++;
  return n_reported;
}

/* Whatever the child was doing when killed (mid-transaction, mid-sync), the file passes
 * a full integrity check before the store touches it, and the next open shows the
 * session interrupted with every step it reported committed, the totals matching the
 * step rows. */
static void
check_after_kill (const char *path,
                  gint64      id,
                  guint       n_reported)
{
  g_autofree char *verdict = history_test_check_file (path, "PRAGMA integrity_check");
  g_autoptr (UnknotHistory) history = NULL;
  g_autoptr (UnknotHistorySession) session = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (verdict, ==, "ok");
  history = history_test_open (path);
  session = unknot_history_get_session (history, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (session->status, ==, UNKNOT_HISTORY_STATUS_INTERRUPTED);
  g_assert_cmpuint (session->steps_completed, >=, n_reported);
  g_assert_cmpuint (session->steps->len, ==, session->steps_completed);
  g_assert_cmpuint (session->active_seconds, ==, 7 * session->steps_completed);
  g_assert_null (session->finished_at);
  for (guint i = 0; i < session->steps->len; i++)
    {
      UnknotHistoryStep *step = &g_array_index (session->steps, UnknotHistoryStep, i);
      g_assert_cmpint (step->region, ==, UNKNOT_REGION_QUADRICEPS);
      g_assert_cmpuint (step->seconds, ==, 7);
    }
  g_assert_true (unknot_history_session_counts (session));
}

static void
test_killed_mid_session (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-history");
  g_autofree char *path = history_test_db_path (folder);
  g_autoptr (UnknotHistory) history = NULL;

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      int fds[2];
      pid_t child;
      gint64 id = 0;
      guint n_reported;

      g_assert_cmpint (pipe (fds), ==, 0);
      /* No connection is open in this process across the fork. */
      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          close (fds[0]);
          run_child (path, fds[1]);
        }
      close (fds[1]);
      n_reported = kill_child_midway (child, fds[0], &id);
      close (fds[0]);

      g_test_message ("round %u: session %" G_GINT64_FORMAT ", %u steps reported",
                      round, id, n_reported);
      check_after_kill (path, id, n_reported);
    }

  /* Every round's session is still there, each closed as interrupted. */
  history = history_test_open (path);
  g_assert_cmpint (history_test_query_int (history,
                   "SELECT count(*) FROM sessions WHERE status = 'interrupted'"), ==, N_ROUNDS);
  g_assert_cmpint (history_test_query_int (history, "SELECT count(*) FROM sessions"), ==,
                   N_ROUNDS);
  g_clear_object (&history);
  unknot_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/crash/killed-mid-session", test_killed_mid_session);

  return g_test_run ();
}
