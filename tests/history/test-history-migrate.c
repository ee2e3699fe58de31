/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <sqlite3.h>

#include "history-test-utils.h"
#include "unknot-history-private.h"
#include "unknot-history-schema.h"
#include "unknot-test-utils.h"

/* A history written by the first version of the schema, with the rows its weaker rules
 * let through (history-v1.sql), opened by this version: every row and every step stays,
 * and what each row claims is judged again by what it shows itself. */

typedef HistoryOldFile Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  history_test_old_file_open (fixture, "history-v1.sql");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  history_test_old_file_close (fixture);
}

static void
assert_row (Fixture             *fixture,
            gint64               id,
            UnknotHistoryStatus  status,
            guint                active_seconds,
            guint                steps_completed,
            guint                n_step_rows,
            gboolean             counts)
{
  g_autoptr (UnknotHistorySession) session = history_test_get (fixture->history, id);

  g_assert_cmpint (session->status, ==, status);
  g_assert_cmpuint (session->active_seconds, ==, active_seconds);
  g_assert_cmpuint (session->steps_completed, ==, steps_completed);
  g_assert_cmpuint (session->steps->len, ==, n_step_rows);
  g_assert_cmpint (unknot_history_session_counts (session), ==, counts);
}

static void
test_every_row_stays (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *verdict = NULL;

  g_assert_cmpint (history_test_query_int (fixture->history, "PRAGMA user_version"), ==,
                   UNKNOT_HISTORY_SCHEMA_VERSION);
  g_assert_cmpint (history_test_query_int (fixture->history, "SELECT count(*) FROM sessions"),
                   ==, 7);
  g_assert_cmpint (history_test_query_int (fixture->history, "SELECT count(*) FROM steps"), ==,
                   10);
  verdict = history_test_check_file (fixture->path, "PRAGMA integrity_check");
  g_assert_cmpstr (verdict, ==, "ok");
}

static void
test_rows_judged_again (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (UnknotHistorySession) honest = history_test_get (fixture->history, 1);

  /* An honest session is as it was, its rating and note too. */
  assert_row (fixture, 1, UNKNOT_HISTORY_STATUS_COMPLETED, 610, 2, 2, TRUE);
  g_assert_cmpuint (honest->feel, ==, 4);
  g_assert_cmpstr (honest->note, ==, "Good");
  /* The preview ran 30 s on the wall clock, not ten minutes, and completed nothing. */
  assert_row (fixture, 2, UNKNOT_HISTORY_STATUS_STOPPED, 30, 2, 2, FALSE);
  /* No more steps done than the routine has; the step rows themselves stay. */
  assert_row (fixture, 3, UNKNOT_HISTORY_STATUS_COMPLETED, 150, 2, 4, TRUE);
  /* Skipped through: stopped. */
  assert_row (fixture, 4, UNKNOT_HISTORY_STATUS_STOPPED, 24, 5, 0, FALSE);
  /* A minute of ten no longer counts toward the goal; two thirds do. */
  assert_row (fixture, 5, UNKNOT_HISTORY_STATUS_STOPPED, 61, 1, 1, FALSE);
  assert_row (fixture, 6, UNKNOT_HISTORY_STATUS_INTERRUPTED, 400, 1, 1, TRUE);
  /* Left running by the old version: closed as interrupted, as at every start. */
  assert_row (fixture, 7, UNKNOT_HISTORY_STATUS_INTERRUPTED, 0, 0, 0, FALSE);
}

/* The figures read the new rule through the index rebuilt for it. */
static void
test_figures_follow_the_rule (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *index_sql = NULL;
  sqlite3 *handle = unknot_history_db_get_handle (unknot_history_get_db (fixture->history));
  sqlite3_stmt *statement = NULL;

  g_assert_cmpint (history_test_query_int (fixture->history,
                                           "SELECT count(*) FROM sessions WHERE "
                                           UNKNOT_HISTORY_COUNTS_SQL), ==, 3);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT sql FROM sqlite_schema "
                                               "WHERE name = 'sessions_counted_by_start'",
                                       -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  index_sql = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  sqlite3_finalize (statement);
  g_assert_nonnull (strstr (index_sql, UNKNOT_HISTORY_COUNTS_SQL));
}

/* Opening again changes nothing more. */
static void
test_once (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (UnknotHistorySession) before = history_test_get (fixture->history, 2);
  g_autoptr (UnknotHistorySession) after = NULL;

  g_clear_object (&fixture->history);
  fixture->history = history_test_open (fixture->path);
  after = history_test_get (fixture->history, 2);
  history_test_assert_same (after, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/history/migrate/every-row-stays", test_every_row_stays);
  ADD ("/history/migrate/rows-judged-again", test_rows_judged_again);
  ADD ("/history/migrate/figures-follow-the-rule", test_figures_follow_the_rule);
  ADD ("/history/migrate/once", test_once);
#undef ADD
  return g_test_run ();
}
