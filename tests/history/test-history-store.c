/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>

#include <glib/gstdio.h>

#include "history-test-utils.h"
#include "unknot-history-private.h"
#include "unknot-history-schema.h"
#include "unknot-history-stats.h"
#include "unknot-test-utils.h"

typedef struct
{
  char *folder;
  char *path;
  UnknotHistory *history;
  guint n_write_failures;
} Fixture;

static void
on_write_failed (UnknotHistory *history,
                 gint64         session_id,
                 GError        *error,
                 gpointer       data)
{
  Fixture *fixture = data;
  fixture->n_write_failures++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = unknot_test_make_folder ("unknot-history");
  fixture->path = history_test_db_path (fixture->folder);
  fixture->history = history_test_open (fixture->path);
  g_signal_connect (fixture->history, "write-failed", G_CALLBACK (on_write_failed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->history);
  unknot_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->path);
}

static void
reopen (Fixture *fixture)
{
  g_clear_object (&fixture->history);
  fixture->history = history_test_open (fixture->path);
}

/* A zero-byte file is an empty SQLite database: it must be brought to the current
 * version, in WAL mode, with foreign keys and full syncs. */
static void
test_migrate_empty_file (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-history");
  g_autofree char *path = history_test_db_path (folder);
  g_autoptr (UnknotHistory) history = NULL;
  g_autoptr (UnknotRoutine) routine = history_test_routine_new ("calf-care", "Calf care");
  g_autoptr (GError) error = NULL;
  g_autofree char *journal_mode = NULL;
  gint64 id;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  history = history_test_open (path);
  g_assert_null (unknot_history_get_kept_aside_path (history));
  g_assert_cmpint (history_test_query_int (history, "PRAGMA user_version"), ==,
                   UNKNOT_HISTORY_SCHEMA_VERSION);
  g_assert_cmpint (history_test_query_int (history, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (history_test_query_int (history, "PRAGMA synchronous"), ==, 2 /* FULL */);
  g_assert_cmpint (history_test_query_int (history,
                   "SELECT count(*) FROM sqlite_schema WHERE name IN ('sessions', 'steps', "
                   "'sessions_by_start', 'sessions_counted_by_start', 'sessions_in_progress')"),
                   ==, 5);
  id = unknot_history_begin (history, routine, 1000, 2, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&history);

  /* WAL is a property of the file; opening again migrates nothing and keeps the row. */
  journal_mode = history_test_check_file (path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  history = history_test_open (path);
  g_assert_cmpint (history_test_query_int (history, "PRAGMA user_version"), ==,
                   UNKNOT_HISTORY_SCHEMA_VERSION);
  g_assert_cmpint (history_test_query_int (history, "SELECT max (id) FROM sessions"), ==, id);
  g_clear_object (&history);
  unknot_test_remove_folder (folder);
}

/* With no path, the store lives in $XDG_DATA_HOME/unknot/, created if needed; main()
 * points XDG_DATA_HOME to a temporary folder. */
static void
test_default_path (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "unknot", "history.db",
                                                NULL);
  g_autofree char *path = unknot_history_get_default_path ();
  g_autoptr (UnknotHistory) history = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (path, ==, expected);
  history = unknot_history_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unknot_history_get_path (history), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
}

/* A file from a newer Unknot is refused with a message that names it, and left exactly
 * as it was: no rename, no migration, no change to its bytes. */
static void
test_newer_version_is_kept (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-history");
  g_autofree char *path = history_test_db_path (folder);
  g_autoptr (GError) error = NULL;
  g_autoptr (UnknotHistory) history = NULL;
  g_autofree char *before = NULL, *after = NULL, *version = NULL;
  gsize before_size, after_size;
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE future (x); PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  g_assert_true (g_file_get_contents (path, &before, &before_size, NULL));

  history = unknot_history_new (path, &error);
  g_assert_null (history);
  g_assert_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, path));

  g_assert_true (g_file_get_contents (path, &after, &after_size, NULL));
  g_assert_cmpmem (before, before_size, after, after_size);
  version = history_test_check_file (path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "99");
  unknot_test_remove_folder (folder);
}

static UnknotHistorySession *
get_session (Fixture *fixture,
             gint64   id)
{
  g_autoptr (GError) error = NULL;
  UnknotHistorySession *session = unknot_history_get_session (fixture->history, id, &error);

  g_assert_no_error (error);
  return session;
}

static void
test_lifecycle (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (UnknotRoutine) routine = history_test_routine_new ("post-run-recovery",
                                                                "Post-run recovery");
  g_autoptr (GDateTime) started = history_test_utc ("2026-11-26T16:48:45Z");
  g_autoptr (GDateTime) finished = history_test_utc ("2026-11-26T16:52:10Z");
  g_autoptr (UnknotHistorySession) session = NULL;
  g_autoptr (GError) error = NULL;
  const UnknotHistoryStep *step;
  gint64 id;

  id = unknot_history_begin (fixture->history, routine, 204400, 2, started, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* Written at once, as in progress. */
  session = get_session (fixture, id);
  g_assert_cmpint (session->status, ==, UNKNOT_HISTORY_STATUS_IN_PROGRESS);
  g_assert_cmpstr (session->routine_id, ==, "post-run-recovery");
  g_assert_cmpstr (session->routine_name, ==, "Post-run recovery");
  g_assert_cmpstr (session->routine_checksum, ==, unknot_routine_get_checksum (routine));
  g_assert_cmpint (g_date_time_to_unix (session->started_at), ==, g_date_time_to_unix (started));
  g_assert_null (session->finished_at);
  g_assert_cmpuint (session->planned_seconds, ==, 204);
  g_assert_cmpuint (session->steps_completed, ==, 0);
  g_assert_cmpuint (session->steps_total, ==, 2);
  g_assert_cmpuint (session->steps->len, ==, 0);
  g_clear_pointer (&session, unknot_history_session_free);

  g_assert_true (unknot_history_record_step (fixture->history, id, UNKNOT_REGION_CALVES,
                                             UNKNOT_TECHNIQUE_PETRISSAGE, UNKNOT_SIDE_EACH, 90,
                                             110000, &error));
  g_assert_no_error (error);
  g_assert_true (unknot_history_record_step (fixture->history, id, UNKNOT_REGION_HAMSTRINGS,
                                             UNKNOT_TECHNIQUE_ROLLING, UNKNOT_SIDE_BOTH, 60,
                                             174600, &error));
  g_assert_no_error (error);
  session = get_session (fixture, id);
  g_assert_cmpuint (session->steps_completed, ==, 2);
  g_assert_cmpuint (session->active_seconds, ==, 175);
  g_assert_cmpuint (session->steps->len, ==, 2);
  step = &g_array_index (session->steps, UnknotHistoryStep, 1);
  g_assert_cmpint (step->region, ==, UNKNOT_REGION_HAMSTRINGS);
  g_assert_cmpint (step->technique, ==, UNKNOT_TECHNIQUE_ROLLING);
  g_assert_cmpint (step->side, ==, UNKNOT_SIDE_BOTH);
  g_assert_cmpuint (step->seconds, ==, 60);
  g_clear_pointer (&session, unknot_history_session_free);

  g_assert_true (unknot_history_finish (fixture->history, id, UNKNOT_HISTORY_STATUS_COMPLETED,
                                        205000, finished, &error));
  g_assert_no_error (error);
  g_assert_true (unknot_history_set_feedback (fixture->history, id, 4, "Calves felt tight",
                                              &error));
  g_assert_no_error (error);

  /* Everything survives closing and opening again. */
  reopen (fixture);
  session = get_session (fixture, id);
  g_assert_cmpint (session->status, ==, UNKNOT_HISTORY_STATUS_COMPLETED);
  g_assert_cmpint (g_date_time_to_unix (session->finished_at), ==, g_date_time_to_unix (finished));
  g_assert_cmpuint (session->active_seconds, ==, 205);
  g_assert_cmpuint (session->feel, ==, 4);
  g_assert_cmpstr (session->note, ==, "Calves felt tight");
  g_assert_true (unknot_history_session_counts (session));

  /* Clearing the rating and note. */
  g_assert_true (unknot_history_set_feedback (fixture->history, id, 0, "", &error));
  g_clear_pointer (&session, unknot_history_session_free);
  session = get_session (fixture, id);
  g_assert_cmpuint (session->feel, ==, 0);
  g_assert_null (session->note);
  g_assert_cmpuint (fixture->n_write_failures, ==, 0);
}

static void
test_stop_early (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (UnknotRoutine) routine = history_test_routine_new ("calf-care", "Calf care");
  g_autoptr (UnknotHistorySession) session = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = unknot_history_begin (fixture->history, routine, 600000, 2, NULL, &error);

  g_assert_no_error (error);
  unknot_history_record_step (fixture->history, id, UNKNOT_REGION_CALVES,
                              UNKNOT_TECHNIQUE_PETRISSAGE, UNKNOT_SIDE_LEFT, 45, 50000, &error);
  g_assert_no_error (error);
  g_assert_true (unknot_history_finish (fixture->history, id, UNKNOT_HISTORY_STATUS_STOPPED,
                                        61000, NULL, &error));
  g_assert_no_error (error);

  session = get_session (fixture, id);
  g_assert_cmpint (session->status, ==, UNKNOT_HISTORY_STATUS_STOPPED);
  g_assert_cmpuint (session->steps_completed, ==, 1);
  g_assert_cmpuint (session->steps_total, ==, 2);
  g_assert_cmpuint (session->active_seconds, ==, 61);
  g_assert_nonnull (session->finished_at);
  /* A minute of ten planned is not a session toward the goal. */
  g_assert_false (unknot_history_session_counts (session));

  /* A closed session takes no more steps, and a second finish is refused: these are
   * the caller's mistakes, not failed writes. */
  g_assert_false (unknot_history_record_step (fixture->history, id, UNKNOT_REGION_CALVES,
                                              UNKNOT_TECHNIQUE_PETRISSAGE, UNKNOT_SIDE_RIGHT,
                                              45, 100000, &error));
  g_assert_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_NOT_IN_PROGRESS);
  g_clear_error (&error);
  g_assert_false (unknot_history_finish (fixture->history, id, UNKNOT_HISTORY_STATUS_COMPLETED,
                                         0, NULL, &error));
  g_assert_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_NOT_IN_PROGRESS);
  g_clear_error (&error);
  g_assert_false (unknot_history_finish (fixture->history, id + 100,
                                         UNKNOT_HISTORY_STATUS_COMPLETED, 0, NULL, &error));
  g_assert_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (history_test_query_int (fixture->history, "SELECT count(*) FROM steps"), ==, 1);
  g_assert_cmpuint (fixture->n_write_failures, ==, 0);
}

/* A whole row and its steps as text, to compare storage before and after. */
static char *
dump_rows (Fixture *fixture,
           gint64   id)
{
  sqlite3 *handle = unknot_history_db_get_handle (unknot_history_get_db (fixture->history));
  g_autofree char *sql = g_strdup_printf (
    "SELECT quote (id) || quote (routine_id) || quote (routine_name) || quote (routine_checksum)"
    " || quote (started_at) || quote (finished_at) || quote (planned_seconds)"
    " || quote (active_seconds) || quote (steps_completed) || quote (steps_total)"
    " || quote (status) || quote (feel) || quote (note)"
    " FROM sessions WHERE id = %1$" G_GINT64_FORMAT
    " UNION ALL SELECT * FROM (SELECT quote (position) || quote (region) || quote (technique)"
    " || quote (side) || quote (seconds) FROM steps WHERE session_id = %1$" G_GINT64_FORMAT
    " ORDER BY position)", id);
  GString *dump = g_string_new (NULL);
  sqlite3_stmt *statement = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &statement, NULL), ==, SQLITE_OK);
  while (sqlite3_step (statement) == SQLITE_ROW)
    g_string_append_printf (dump, "%s\n", sqlite3_column_text (statement, 0));
  sqlite3_finalize (statement);
  return g_string_free (dump, FALSE);
}

static void
test_delete_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GDateTime) started = history_test_utc ("2026-11-20T07:00:00Z");
  g_autoptr (UnknotHistorySession) before = NULL;
  g_autoptr (UnknotHistorySession) deleted = NULL;
  g_autoptr (UnknotHistorySession) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *rows_before = NULL;
  g_autofree char *rows_after = NULL;
  gint64 id, other, later;

  other = history_test_add (fixture->history, started, UNKNOT_HISTORY_STATUS_COMPLETED, 2);
  id = history_test_add (fixture->history, started, UNKNOT_HISTORY_STATUS_STOPPED, 1);
  unknot_history_set_feedback (fixture->history, id, 2, "Sore, \"stopped\"\nearly", &error);
  g_assert_no_error (error);
  before = get_session (fixture, id);
  rows_before = dump_rows (fixture, id);

  deleted = unknot_history_delete_session (fixture->history, id, &error);
  g_assert_no_error (error);
  history_test_assert_same (deleted, before);
  g_assert_null (unknot_history_get_session (fixture->history, id, &error));
  g_assert_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (history_test_query_int (fixture->history,
                   "SELECT count(*) FROM steps WHERE session_id NOT IN (SELECT id FROM sessions)"),
                   ==, 0);

  /* A session started meanwhile gets a new id, so the undo still fits. */
  later = history_test_add (fixture->history, started, UNKNOT_HISTORY_STATUS_COMPLETED, 0);
  g_assert_cmpint (later, >, id);

  g_assert_true (unknot_history_restore_session (fixture->history, deleted, &error));
  g_assert_no_error (error);
  after = get_session (fixture, id);
  history_test_assert_same (after, before);
  rows_after = dump_rows (fixture, id);
  g_assert_cmpstr (rows_after, ==, rows_before);

  /* Undoing twice is refused, and the other sessions are untouched. */
  g_assert_false (unknot_history_restore_session (fixture->history, deleted, &error));
  g_assert_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (history_test_query_int (fixture->history, "SELECT count(*) FROM sessions"),
                   ==, 3);
  g_clear_pointer (&after, unknot_history_session_free);
  after = get_session (fixture, other);
  g_assert_cmpuint (after->steps->len, ==, 2);
  g_assert_cmpuint (fixture->n_write_failures, ==, 0);
}

static void
test_list_newest_first (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *times[] = { "2026-11-03T10:00:00Z", "2026-11-01T10:00:00Z",
                          "2026-11-05T10:00:00Z", "2026-11-05T10:00:00Z",
                          "2026-11-04T10:00:00Z" };
  gint64 ids[G_N_ELEMENTS (times)];
  const guint expected[] = { 3, 2, 4, 0, 1 }; /* same time: the later id first */
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) page = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr (GDateTime) time = history_test_utc (times[i]);
      ids[i] = history_test_add (fixture->history, time, UNKNOT_HISTORY_STATUS_COMPLETED, 1);
    }

  all = unknot_history_list_sessions (fixture->history, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (times));
  for (guint i = 0; i < all->len; i++)
    {
      UnknotHistorySession *session = g_ptr_array_index (all, i);
      g_assert_cmpint (session->id, ==, ids[expected[i]]);
      g_assert_null (session->steps);
    }

  page = unknot_history_list_sessions (fixture->history, 2, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpint (((UnknotHistorySession *) page->pdata[0])->id, ==, ids[expected[2]]);
  g_assert_cmpint (((UnknotHistorySession *) page->pdata[1])->id, ==, ids[expected[3]]);
  g_clear_pointer (&page, g_ptr_array_unref);
  page = unknot_history_list_sessions (fixture->history, 5, 10, &error);
  g_assert_cmpuint (page->len, ==, 0);
}

/* The store dropped mid-session (the app quits without finishing) behaves like a crash
 * at the next open: the session is interrupted, its steps kept. */
static void
test_unfinished_becomes_interrupted (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr (GDateTime) started = history_test_utc ("2026-11-20T07:00:00Z");
  g_autoptr (UnknotHistorySession) session = NULL;
  gint64 id = history_test_add (fixture->history, started, UNKNOT_HISTORY_STATUS_IN_PROGRESS, 1);

  reopen (fixture);
  session = get_session (fixture, id);
  g_assert_cmpint (session->status, ==, UNKNOT_HISTORY_STATUS_INTERRUPTED);
  g_assert_null (session->finished_at);
  g_assert_cmpuint (session->steps->len, ==, 1);
  g_assert_cmpuint (session->active_seconds, ==, 45);
  g_assert_true (unknot_history_session_counts (session));
}

/* A step row whose term this build does not know (only another program could write
 * one) makes the session unreadable with an error that names the file, the kind of term
 * in words of its own and the id, for each of the three kinds. */
static void
test_unknown_term (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct { const char *column, *id, *says; } cases[] = {
    { "region", "calfs", "names an unknown body region “calfs”" },
    { "technique", "kneading", "names an unknown technique “kneading”" },
    { "side", "both-sides", "names an unknown side “both-sides”" },
  };
  g_autoptr (GDateTime) started = history_test_utc ("2026-11-20T07:00:00Z");
  sqlite3 *handle = unknot_history_db_get_handle (unknot_history_get_db (fixture->history));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 id = history_test_add (fixture->history, started, UNKNOT_HISTORY_STATUS_COMPLETED, 1);
      g_autofree char *sql = g_strdup_printf ("UPDATE steps SET %s = '%s' WHERE session_id = %"
                                              G_GINT64_FORMAT, cases[i].column, cases[i].id, id);
      g_autoptr (UnknotHistorySession) session = NULL;
      g_autoptr (GError) error = NULL;

      g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      session = unknot_history_get_session (fixture->history, id, &error);
      g_assert_null (session);
      g_assert_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, fixture->path));
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
}

/* The rule exists twice, in SQL for the queries and in C for the UI; they must agree
 * on every status, with and without the time of a finished step. */
static void
test_counting_rule (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GDateTime) started = history_test_utc ("2026-11-20T07:00:00Z");
  sqlite3 *handle = unknot_history_db_get_handle (unknot_history_get_db (fixture->history));
  guint n_counted = 0;

  for (UnknotHistoryStatus status = 0; status <= UNKNOT_HISTORY_STATUS_INTERRUPTED; status++)
    for (guint steps = 0; steps <= 1; steps++)
      {
        g_autoptr (UnknotHistorySession) session = NULL;
        g_autofree char *sql = NULL;
        sqlite3_stmt *statement = NULL;
        gint64 id = history_test_add (fixture->history, started, status, steps);

        session = get_session (fixture, id);
        sql = g_strdup_printf ("SELECT " UNKNOT_HISTORY_COUNTS_SQL " FROM sessions WHERE id = %"
                               G_GINT64_FORMAT, id);
        g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &statement, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
        g_assert_cmpint (sqlite3_column_int (statement, 0), ==,
                         unknot_history_session_counts (session));
        sqlite3_finalize (statement);
        n_counted += unknot_history_session_counts (session);
      }
  /* Completed, stopped and interrupted with a step done, half the planned time; none
   * without one, whatever its status says; never one in progress. */
  g_assert_cmpuint (n_counted, ==, 3);
}

/* The store's default weekly goal is the setting's. */
static void
test_default_goal_matches_settings (void)
{
  g_autoptr (GSettings) settings = g_settings_new ("io.github.unknot.Unknot");

  g_assert_cmpint (g_settings_get_int (settings, "weekly-goal"), ==,
                   UNKNOT_HISTORY_DEFAULT_WEEKLY_GOAL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = unknot_test_make_folder ("unknot-data");
  int status;

  /* Before GLib reads it once and for all: the default path must be in a folder of ours. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/store/migrate-empty-file", test_migrate_empty_file);
  g_test_add_func ("/history/store/default-path", test_default_path);
  g_test_add_func ("/history/store/newer-version-is-kept", test_newer_version_is_kept);
  g_test_add ("/history/store/lifecycle", Fixture, NULL,
              fixture_set_up, test_lifecycle, fixture_tear_down);
  g_test_add ("/history/store/stop-early", Fixture, NULL,
              fixture_set_up, test_stop_early, fixture_tear_down);
  g_test_add ("/history/store/delete-and-restore", Fixture, NULL,
              fixture_set_up, test_delete_and_restore, fixture_tear_down);
  g_test_add ("/history/store/list-newest-first", Fixture, NULL,
              fixture_set_up, test_list_newest_first, fixture_tear_down);
  g_test_add ("/history/store/unfinished-becomes-interrupted", Fixture, NULL,
              fixture_set_up, test_unfinished_becomes_interrupted, fixture_tear_down);
  g_test_add ("/history/store/counting-rule", Fixture, NULL,
              fixture_set_up, test_counting_rule, fixture_tear_down);
  g_test_add ("/history/store/unknown-term", Fixture, NULL,
              fixture_set_up, test_unknown_term, fixture_tear_down);
  g_test_add_func ("/history/store/default-goal-matches-settings",
                   test_default_goal_matches_settings);

  status = g_test_run ();
  unknot_test_remove_folder (data_home);
  return status;
}
