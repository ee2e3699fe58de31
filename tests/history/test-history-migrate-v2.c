/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>

#include "history-test-utils.h"
#include "unknot-history-private.h"
#include "unknot-history-schema.h"
#include "unknot-test-utils.h"

/* A history written by schema version 2 (history-v2.sql), before sessions recorded the
 * kind of run they followed, opened by this version: every row stays as it was and
 * follows no run; the new column takes each run kind of the routine format and refuses
 * anything else. */

typedef HistoryOldFile Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  history_test_old_file_open (fixture, "history-v2.sql");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  history_test_old_file_close (fixture);
}

static void
test_rows_stay (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (UnknotHistorySession) first = history_test_get (fixture->history, 1);
  g_autoptr (UnknotHistorySession) stopped = history_test_get (fixture->history, 2);
  g_autofree char *verdict = NULL;

  g_assert_cmpint (history_test_query_int (fixture->history, "PRAGMA user_version"), ==,
                   UNKNOT_HISTORY_SCHEMA_VERSION);
  g_assert_cmpint (UNKNOT_HISTORY_SCHEMA_VERSION, ==, 3);
  g_assert_cmpint (history_test_query_int (fixture->history, "SELECT count(*) FROM sessions"),
                   ==, 3);
  g_assert_cmpint (history_test_query_int (fixture->history, "SELECT count(*) FROM steps"), ==,
                   3);
  g_assert_cmpint (history_test_query_int (fixture->history,
                                           "SELECT count(*) FROM sessions "
                                           "WHERE after_run IS NOT NULL"), ==, 0);

  g_assert_cmpstr (first->routine_id, ==, "post-run-recovery");
  g_assert_cmpint (first->status, ==, UNKNOT_HISTORY_STATUS_COMPLETED);
  g_assert_cmpuint (first->feel, ==, 4);
  g_assert_cmpstr (first->note, ==, "Good");
  g_assert_cmpuint (first->steps->len, ==, 2);
  g_assert_null (first->after_run);
  g_assert_cmpint (stopped->status, ==, UNKNOT_HISTORY_STATUS_STOPPED);
  g_assert_null (stopped->after_run);

  verdict = history_test_check_file (fixture->path, "PRAGMA integrity_check");
  g_assert_cmpstr (verdict, ==, "ok");
}

/* Every run kind of the vocabulary can be recorded, read back, copied and cleared:
 * the column's CHECK lists the same ids as the routine format. */
static void
test_every_run_kind (Fixture       *fixture,
                     gconstpointer  data)
{
  for (UnknotRunKind kind = 0; kind < UNKNOT_N_RUN_KINDS; kind++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (UnknotHistorySession) session = NULL;
      g_autoptr (UnknotHistorySession) copy = NULL;

      g_assert_true (unknot_history_set_after_run (fixture->history, 1, kind, &error));
      g_assert_no_error (error);
      session = history_test_get (fixture->history, 1);
      g_assert_cmpstr (session->after_run, ==,
                       unknot_vocabulary_get_id (UNKNOT_VOCABULARY_RUN_KIND, kind));
      copy = unknot_history_session_copy (session);
      history_test_assert_same (copy, session);
    }

  g_assert_true (unknot_history_set_after_run (fixture->history, 1, UNKNOT_N_RUN_KINDS, NULL));
  {
    g_autoptr (UnknotHistorySession) cleared = history_test_get (fixture->history, 1);
    g_assert_null (cleared->after_run);
  }
}

/* A value another program writes that is no run kind is refused by the file itself. */
static void
test_check_refuses_others (Fixture       *fixture,
                           gconstpointer  data)
{
  sqlite3 *handle = unknot_history_db_get_handle (unknot_history_get_db (fixture->history));

  g_assert_cmpint (sqlite3_exec (handle, "UPDATE sessions SET after_run = 'marathon' "
                                         "WHERE id = 1", NULL, NULL, NULL), ==,
                   SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (history_test_query_int (fixture->history,
                                           "SELECT count(*) FROM sessions "
                                           "WHERE after_run IS NOT NULL"), ==, 0);
}

/* A deleted session comes back by undo with the run it followed. */
static void
test_undo_keeps_run (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UnknotHistorySession) deleted = NULL;
  g_autoptr (UnknotHistorySession) restored = NULL;

  g_assert_true (unknot_history_set_after_run (fixture->history, 1, UNKNOT_RUN_KIND_LONG,
                                               NULL));
  deleted = unknot_history_delete_session (fixture->history, 1, &error);
  g_assert_no_error (error);
  g_assert_true (unknot_history_restore_session (fixture->history, deleted, &error));
  g_assert_no_error (error);
  restored = history_test_get (fixture->history, 1);
  g_assert_cmpstr (restored->after_run, ==, "long");
}

/* Opening again changes nothing more. */
static void
test_once (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (UnknotHistorySession) before = NULL;
  g_autoptr (UnknotHistorySession) after = NULL;

  g_assert_true (unknot_history_set_after_run (fixture->history, 2, UNKNOT_RUN_KIND_TRAIL,
                                               NULL));
  before = history_test_get (fixture->history, 2);
  g_clear_object (&fixture->history);
  fixture->history = history_test_open (fixture->path);
  after = history_test_get (fixture->history, 2);
  history_test_assert_same (after, before);
  g_assert_cmpstr (after->after_run, ==, "trail");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/history/migrate-v2/rows-stay", test_rows_stay);
  ADD ("/history/migrate-v2/every-run-kind", test_every_run_kind);
  ADD ("/history/migrate-v2/check-refuses-others", test_check_refuses_others);
  ADD ("/history/migrate-v2/undo-keeps-run", test_undo_keeps_run);
  ADD ("/history/migrate-v2/once", test_once);
#undef ADD
  return g_test_run ();
}
