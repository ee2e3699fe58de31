/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-history-sql.h"

#include <glib/gi18n-lib.h>

#include "unknot-history-error.h"
#include "unknot-history-rows.h"
#include "unknot-history-time.h"

/* The statements UnknotHistory runs on its sessions, one function each, apart from the
 * store's policy (read-only checks, "write-failed", transactions), which stays in
 * unknot-history.c. A write that changed no row says whether the session is missing or
 * has ended already. */

static gint64
round_to_seconds (gint64 ms)
{
  return MAX (ms, 0) / 1000 + (MAX (ms, 0) % 1000 >= 500);
}

/* Tells a missing session from a closed one, for a write that changed no row. */
static void
set_no_session_error (UnknotHistoryDb  *db,
                      gint64            session_id,
                      GError          **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (db,
    "SELECT status FROM sessions WHERE id = ?1", NULL);
  gboolean exists = FALSE;

  if (statement != NULL)
    {
      sqlite3_bind_int64 (statement, 1, session_id);
      exists = sqlite3_step (statement) == SQLITE_ROW;
      unknot_history_db_done (db, statement, SQLITE_DONE, NULL);
    }

  if (exists)
    g_set_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_NOT_IN_PROGRESS,
                 /* Translators: %lld is the number of a recorded session */
                 _("Session %lld has ended already."), (long long) session_id);
  else
    g_set_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_NOT_FOUND,
                 /* Translators: %lld is the number of a recorded session */
                 _("There is no session %lld in the history."), (long long) session_id);
}

/* Runs an update of one session's row, which is an error if it found no such row. */
static gboolean
run_on_one_session (UnknotHistoryDb  *db,
                    sqlite3_stmt     *statement,
                    gint64            session_id,
                    GError          **error)
{
  if (!unknot_history_db_run (db, statement, error))
    return FALSE;
  if (sqlite3_changes (unknot_history_db_get_handle (db)) == 1)
    return TRUE;
  set_no_session_error (db, session_id, error);
  return FALSE;
}

gint64
unknot_history_sql_insert_session (UnknotHistoryDb  *db,
                                   UnknotRoutine    *routine,
                                   gint64            planned_ms,
                                   guint             steps_total,
                                   GDateTime        *started_at,
                                   GError          **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (db,
    "INSERT INTO sessions (routine_id, routine_name, routine_checksum, started_at, "
    "planned_seconds, steps_total) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  g_autoptr (GDateTime) now = started_at ? g_date_time_ref (started_at)
                                         : g_date_time_new_now_utc ();

  if (statement == NULL)
    return 0;

  sqlite3_bind_text (statement, 1, unknot_routine_get_id (routine), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, unknot_routine_get_name (routine), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 3, unknot_routine_get_checksum (routine), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 4, unknot_history_time_format (now), -1, g_free);
  sqlite3_bind_int64 (statement, 5, round_to_seconds (planned_ms));
  sqlite3_bind_int64 (statement, 6, steps_total);
  if (!unknot_history_db_run (db, statement, error))
    return 0;
  return sqlite3_last_insert_rowid (unknot_history_db_get_handle (db));
}

/* The step row and the session's totals change together, or not at all. */
gboolean
unknot_history_sql_add_step (UnknotHistoryDb  *db,
                             gint64            session_id,
                             const char       *ids[3],
                             guint             seconds,
                             gint64            active_ms,
                             GError          **error)
{
  sqlite3 *handle = unknot_history_db_get_handle (db);
  sqlite3_stmt *insert;
  sqlite3_stmt *update;

  /* One at a time: a second failure must not overwrite the first one's error. */
  insert = unknot_history_db_prepare (db,
    "INSERT INTO steps (session_id, position, region, technique, side, seconds) "
    "SELECT id, steps_completed, ?2, ?3, ?4, ?5 FROM sessions "
    "WHERE id = ?1 AND status = 'in-progress'", error);
  if (insert == NULL)
    return FALSE;
  update = unknot_history_db_prepare (db,
    "UPDATE sessions SET steps_completed = steps_completed + 1, active_seconds = ?2 "
    "WHERE id = ?1", error);
  if (update == NULL)
    return FALSE;

  sqlite3_bind_int64 (insert, 1, session_id);
  for (int i = 0; i < 3; i++)
    sqlite3_bind_text (insert, 2 + i, ids[i], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 5, seconds);
  if (!unknot_history_db_run (db, insert, error))
    return FALSE;
  if (sqlite3_changes (handle) == 0)
    {
      set_no_session_error (db, session_id, error);
      return FALSE;
    }

  sqlite3_bind_int64 (update, 1, session_id);
  sqlite3_bind_int64 (update, 2, round_to_seconds (active_ms));
  return unknot_history_db_run (db, update, error);
}

gboolean
unknot_history_sql_close_session (UnknotHistoryDb      *db,
                                  gint64                session_id,
                                  UnknotHistoryStatus   status,
                                  gint64                active_ms,
                                  GDateTime            *finished_at,
                                  GError              **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (db,
    "UPDATE sessions SET status = ?2, active_seconds = ?3, finished_at = ?4 "
    "WHERE id = ?1 AND status = 'in-progress'", error);
  g_autoptr (GDateTime) now = finished_at ? g_date_time_ref (finished_at)
                                          : g_date_time_new_now_utc ();

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, session_id);
  sqlite3_bind_text (statement, 2, unknot_history_status_to_string (status), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (statement, 3, round_to_seconds (active_ms));
  sqlite3_bind_text (statement, 4, unknot_history_time_format (now), -1, g_free);
  return run_on_one_session (db, statement, session_id, error);
}

gboolean
unknot_history_sql_set_feedback (UnknotHistoryDb  *db,
                                 gint64            session_id,
                                 guint             feel,
                                 const char       *note,
                                 GError          **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (db,
    "UPDATE sessions SET feel = ?2, note = ?3 WHERE id = ?1", error);

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, session_id);
  if (feel == 0)
    sqlite3_bind_null (statement, 2);
  else
    sqlite3_bind_int64 (statement, 2, feel);
  if (note == NULL || *note == '\0')
    sqlite3_bind_null (statement, 3);
  else
    sqlite3_bind_text (statement, 3, note, -1, SQLITE_TRANSIENT);
  return run_on_one_session (db, statement, session_id, error);
}

/* @run_kind: a run kind id, or %NULL for none */
gboolean
unknot_history_sql_set_after_run (UnknotHistoryDb  *db,
                                  gint64            session_id,
                                  const char       *run_kind,
                                  GError          **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (db,
    "UPDATE sessions SET after_run = ?2 WHERE id = ?1", error);

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, session_id);
  if (run_kind == NULL)
    sqlite3_bind_null (statement, 2);
  else
    sqlite3_bind_text (statement, 2, run_kind, -1, SQLITE_STATIC);
  return run_on_one_session (db, statement, session_id, error);
}

UnknotHistorySession *
unknot_history_sql_read_session (UnknotHistoryDb  *db,
                                 gint64            session_id,
                                 GError          **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (db,
    "SELECT " UNKNOT_HISTORY_SESSION_COLUMNS " FROM sessions WHERE id = ?1", error);
  g_autoptr (UnknotHistorySession) session = NULL;
  int result;

  if (statement == NULL)
    return NULL;

  sqlite3_bind_int64 (statement, 1, session_id);
  result = sqlite3_step (statement);
  if (result == SQLITE_ROW)
    session = unknot_history_rows_read_session (statement);
  if (!unknot_history_db_done (db, statement, result, error))
    return NULL;
  if (session == NULL)
    {
      g_set_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_NOT_FOUND,
                   /* Translators: %lld is the number of a recorded session */
                   _("There is no session %lld in the history."), (long long) session_id);
      return NULL;
    }
  if (!unknot_history_rows_load_steps (db, session, error))
    return NULL;
  return g_steal_pointer (&session);
}

gboolean
unknot_history_sql_delete_session (UnknotHistoryDb  *db,
                                   gint64            session_id,
                                   GError          **error)
{
  /* Its steps go with it: ON DELETE CASCADE, with foreign keys on. */
  sqlite3_stmt *statement = unknot_history_db_prepare (db,
    "DELETE FROM sessions WHERE id = ?1", error);

  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, session_id);
  return unknot_history_db_run (db, statement, error);
}

GPtrArray *
unknot_history_sql_list_sessions (UnknotHistoryDb  *db,
                                  guint             offset,
                                  guint             limit,
                                  GError          **error)
{
  sqlite3_stmt *statement;
  g_autoptr (GPtrArray) sessions = NULL;
  int result;

  statement = unknot_history_db_prepare (db,
    "SELECT " UNKNOT_HISTORY_SESSION_COLUMNS " FROM sessions "
    "ORDER BY started_at DESC, id DESC LIMIT ?1 OFFSET ?2", error);
  if (statement == NULL)
    return NULL;

  sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_history_session_free);
  sqlite3_bind_int64 (statement, 1, limit == 0 ? -1 : (gint64) limit);
  sqlite3_bind_int64 (statement, 2, offset);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    g_ptr_array_add (sessions, unknot_history_rows_read_session (statement));
  if (!unknot_history_db_done (db, statement, result, error))
    return NULL;
  return g_steal_pointer (&sessions);
}
