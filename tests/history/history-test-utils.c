/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "history-test-utils.h"

#include <sqlite3.h>

#include "unknot-history-private.h"
#include "unknot-routine-parser.h"
#include "unknot-test-utils.h"

/* A valid two-step routine; @name is plain text (escaped here). */
UnknotRoutine *
history_test_routine_new (const char *id,
                          const char *name)
{
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *xml = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<routine format=\"1\" id=\"%s\">\n"
    "  <name>%s</name>\n"
    "  <description>For the history tests.</description>\n"
    "  <step region=\"calves\" technique=\"petrissage\" tool=\"hands\" side=\"each\" "
    "duration=\"45s\">\n"
    "    <title>Knead the calf</title>\n"
    "    <instructions>Squeeze and lift.</instructions>\n"
    "  </step>\n"
    "  <step region=\"hamstrings\" technique=\"rolling\" tool=\"foam-roller\" duration=\"1m\">\n"
    "    <title>Roll the hamstrings</title>\n"
    "    <instructions>Roll slowly.</instructions>\n"
    "  </step>\n"
    "</routine>\n", id, escaped);
  g_autoptr (GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GError) error = NULL;
  UnknotRoutine *routine = unknot_routine_parser_load_bytes (parser, bytes, NULL, NULL, NULL,
                                                             &error);

  g_assert_no_error (error);
  return routine;
}

UnknotHistory *
history_test_open (const char *path)
{
  g_autoptr (GError) error = NULL;
  UnknotHistory *history = unknot_history_new (path, &error);

  g_assert_no_error (error);
  g_assert_false (unknot_history_get_read_only (history));
  return history;
}

char *
history_test_db_path (const char *folder)
{
  return g_build_filename (folder, "history.db", NULL);
}

GDateTime *
history_test_utc (const char *iso8601)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (time);
  return time;
}

/* The first column of the first row of @sql, on the store's own connection. */
gint64
history_test_query_int (UnknotHistory *history,
                        const char    *sql)
{
  sqlite3 *handle = unknot_history_db_get_handle (unknot_history_get_db (history));
  sqlite3_stmt *statement = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (statement, 0);
  sqlite3_finalize (statement);
  return value;
}

/* Runs "PRAGMA integrity_check" or the like on a connection of its own, as another
 * program would, and returns the first row. */
char *
history_test_check_file (const char *path,
                         const char *pragma)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *statement = NULL;
  char *verdict;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, pragma, -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  verdict = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  sqlite3_finalize (statement);
  sqlite3_close (handle);
  return verdict;
}

static void
assert_same_time (GDateTime *a,
                  GDateTime *b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a != NULL)
    g_assert_cmpint (g_date_time_to_unix (a), ==, g_date_time_to_unix (b));
}

static void
assert_same_steps (GArray *a,
                   GArray *b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a == NULL)
    return;
  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpmem (a->data, a->len * sizeof (UnknotHistoryStep),
                   b->data, b->len * sizeof (UnknotHistoryStep));
}

void
history_test_assert_same (const UnknotHistorySession *a,
                          const UnknotHistorySession *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpstr (a->routine_id, ==, b->routine_id);
  g_assert_cmpstr (a->routine_name, ==, b->routine_name);
  g_assert_cmpstr (a->routine_checksum, ==, b->routine_checksum);
  assert_same_time (a->started_at, b->started_at);
  assert_same_time (a->finished_at, b->finished_at);
  g_assert_cmpuint (a->planned_seconds, ==, b->planned_seconds);
  g_assert_cmpuint (a->active_seconds, ==, b->active_seconds);
  g_assert_cmpuint (a->steps_completed, ==, b->steps_completed);
  g_assert_cmpuint (a->steps_total, ==, b->steps_total);
  g_assert_cmpint (a->status, ==, b->status);
  g_assert_cmpuint (a->feel, ==, b->feel);
  g_assert_cmpstr (a->note, ==, b->note);
  g_assert_cmpstr (a->after_run, ==, b->after_run);
  assert_same_steps (a->steps, b->steps);
}

/* A session of the two-step test routine, planned as two steps of 45 s, that started at
 * @started_at, with @n_steps finished steps of 45 s on the calves, closed with @status
 * ten minutes later (or left running, or left as a crash leaves it). One step done is
 * half the planned time: enough for the session to count. */
gint64
history_test_add (UnknotHistory       *history,
                  GDateTime           *started_at,
                  UnknotHistoryStatus  status,
                  guint                n_steps)
{
  g_autoptr (UnknotRoutine) routine = history_test_routine_new ("calf-care", "Calf care");
  g_autoptr (GDateTime) finished_at = g_date_time_add_minutes (started_at, 10);
  g_autoptr (GError) error = NULL;
  gint64 id = unknot_history_begin (history, routine, 90000, 2, started_at, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n_steps; i++)
    {
      unknot_history_record_step (history, id, UNKNOT_REGION_CALVES, UNKNOT_TECHNIQUE_PETRISSAGE,
                                  UNKNOT_SIDE_EACH, 45, (i + 1) * 45000, &error);
      g_assert_no_error (error);
    }
  if (status == UNKNOT_HISTORY_STATUS_COMPLETED || status == UNKNOT_HISTORY_STATUS_STOPPED)
    {
      unknot_history_finish (history, id, status, n_steps * 45000, finished_at, &error);
      g_assert_no_error (error);
    }
  else if (status == UNKNOT_HISTORY_STATUS_INTERRUPTED)
    {
      /* What the next start does to a session a crash left; test-history-crash.c covers
       * the real thing. */
      sqlite3 *handle = unknot_history_db_get_handle (unknot_history_get_db (history));
      g_autofree char *sql =
        g_strdup_printf ("UPDATE sessions SET status = 'interrupted' WHERE id = %"
                         G_GINT64_FORMAT, id);

      g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  return id;
}

/* The session @id, which must be there. */
UnknotHistorySession *
history_test_get (UnknotHistory *history,
                  gint64         id)
{
  g_autoptr (GError) error = NULL;
  UnknotHistorySession *session = unknot_history_get_session (history, id, &error);

  g_assert_no_error (error);
  return session;
}

/* Writes @sql_name (a file beside the history tests) into a database file in a new
 * folder, as an older version left it, and opens it with this version, which migrates
 * it. */
void
history_test_old_file_open (HistoryOldFile *file,
                            const char     *sql_name)
{
  g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "history", sql_name, NULL);
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *handle = NULL;
  char *message = NULL;

  file->folder = unknot_test_make_folder ("unknot-history-old-file");
  file->path = history_test_db_path (file->folder);
  g_file_get_contents (sql_path, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (file->path, &handle), ==, SQLITE_OK);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql_name, message);
  sqlite3_close (handle);
  file->history = history_test_open (file->path);
}

void
history_test_old_file_close (HistoryOldFile *file)
{
  g_clear_object (&file->history);
  unknot_test_remove_folder (file->folder);
  g_clear_pointer (&file->folder, g_free);
  g_clear_pointer (&file->path, g_free);
}
