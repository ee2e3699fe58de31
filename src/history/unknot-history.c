/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-history.h"

#include <glib/gi18n-lib.h>

#include "unknot-history-file.h"
#include "unknot-history-private.h"
#include "unknot-history-rows.h"
#include "unknot-history-time.h"

/* The record of sessions, in SQLite. Every write is its own committed transaction, made
 * as the session goes, so that whatever ends the app, the record stops at the last
 * finished step. Reads for the history page are in unknot-history-stats.c, the CSV
 * export in unknot-history-export.c. One connection with its statement cache: use a
 * store from one thread. */
struct _UnknotHistory
{
  GObject parent_instance;

  char *path;
  gboolean for_reading;      /* asked to change nothing on disk */
  gboolean read_only;        /* writes will fail: asked so, or no write access */
  char *kept_aside_path;     /* where a damaged file went at open, or NULL */
  UnknotHistoryDb *db;
  GHashTable *unrecorded;    /* gint64 ids of sessions a write failed for */
};

static void unknot_history_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UnknotHistory, unknot_history, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      unknot_history_initable_iface_init))

enum
{
  PROP_0,
  PROP_PATH,
  PROP_FOR_READING,
  PROP_READ_ONLY,
  PROP_KEPT_ASIDE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  WRITE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Where the app keeps its history: $XDG_DATA_HOME/unknot/history.db. */
char *
unknot_history_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "unknot", "history.db", NULL);
}

/* A crash, a kill or a power cut leaves the running session "in-progress"; at the next
 * start nothing can still be running it (the app is a single instance, and the command
 * line only reads), so it is closed as interrupted, its finished steps kept. */
static void
close_interrupted_sessions (UnknotHistory *self)
{
  g_autoptr (GError) error = NULL;

  if (!unknot_history_db_exec (self->db,
                               "UPDATE sessions SET status = 'interrupted' "
                               "WHERE status = 'in-progress'", &error))
    /* Not fatal: the rows stay in progress, which counts for nothing, until a start that
     * can write. */
    g_debug ("Could not close interrupted sessions: %s", error->message);
}

static gboolean
unknot_history_initable_init (GInitable     *initable,
                              GCancellable  *cancellable,
                              GError       **error)
{
  UnknotHistory *self = UNKNOT_HISTORY (initable);
  UnknotHistoryOpenMode mode = self->for_reading ? UNKNOT_HISTORY_OPEN_READ
                                                 : UNKNOT_HISTORY_OPEN_WRITE;

  if (self->path == NULL)
    self->path = unknot_history_get_default_path ();

  self->db = unknot_history_file_open (self->path, mode, &self->read_only,
                                       &self->kept_aside_path, error);
  if (self->db == NULL)
    return FALSE;

  if (!self->read_only)
    close_interrupted_sessions (self);
  return TRUE;
}

static void
unknot_history_initable_iface_init (GInitableIface *iface)
{
  iface->init = unknot_history_initable_init;
}

static void
unknot_history_finalize (GObject *object)
{
  UnknotHistory *self = UNKNOT_HISTORY (object);

  g_clear_pointer (&self->db, unknot_history_db_free);
  g_free (self->path);
  g_free (self->kept_aside_path);
  g_hash_table_destroy (self->unrecorded);

  G_OBJECT_CLASS (unknot_history_parent_class)->finalize (object);
}

static void
unknot_history_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  UnknotHistory *self = UNKNOT_HISTORY (object);

  switch (prop_id)
    {
    case PROP_PATH: g_value_set_string (value, self->path); break;
    case PROP_FOR_READING: g_value_set_boolean (value, self->for_reading); break;
    case PROP_READ_ONLY: g_value_set_boolean (value, self->read_only); break;
    case PROP_KEPT_ASIDE_PATH: g_value_set_string (value, self->kept_aside_path); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_history_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  UnknotHistory *self = UNKNOT_HISTORY (object);

  switch (prop_id)
    {
    case PROP_PATH: self->path = g_value_dup_string (value); break;
    case PROP_FOR_READING: self->for_reading = g_value_get_boolean (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_history_class_init (UnknotHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags readable = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                               | G_PARAM_STATIC_STRINGS;

  object_class->finalize = unknot_history_finalize;
  object_class->get_property = unknot_history_get_property;
  object_class->set_property = unknot_history_set_property;

  /* The database file; NULL for unknot_history_get_default_path(). */
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, construct);
  /* Open without changing anything on disk: no migration, no repair (the command line). */
  properties[PROP_FOR_READING] =
    g_param_spec_boolean ("for-reading", NULL, NULL, FALSE, construct);
  /* Writes will fail: opened for reading, or the file or its folder is read-only. */
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, readable);
  /* Set when the file was damaged at open: where it was moved, for the UI to tell the
   * user. Both change only during construction, so nothing is ever notified. */
  properties[PROP_KEPT_ASIDE_PATH] =
    g_param_spec_string ("kept-aside-path", NULL, NULL, NULL, readable);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After any successful change, for the history page to refresh. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A write failed (disk full, read-only …): the session with that id (0 if its start
   * failed) will not be recorded in full. The caller's session goes on. */
  signals[WRITE_FAILED] = g_signal_new ("write-failed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                        2, G_TYPE_INT64, G_TYPE_ERROR);
}

static void
unknot_history_init (UnknotHistory *self)
{
  self->unrecorded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/**
 * unknot_history_new:
 * @path: (nullable): the database file, or %NULL for the default
 *
 * Opens the history for the app: brings the file to the current format, closes
 * sessions left in progress as interrupted, and replaces a damaged file with a fresh
 * one after moving it aside (see unknot_history_get_kept_aside_path()). Without write
 * access it opens for reading and every write fails with
 * %UNKNOT_HISTORY_ERROR_READ_ONLY.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL if the file can be neither
 *   used nor replaced, or is from a newer Unknot (%UNKNOT_HISTORY_ERROR_TOO_NEW).
 */
UnknotHistory *
unknot_history_new (const char  *path,
                    GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return g_initable_new (UNKNOT_TYPE_HISTORY, NULL, error, "path", path, NULL);
}

/**
 * unknot_history_new_for_reading:
 * @path: (nullable): the database file, or %NULL for the default
 *
 * Opens the history without changing anything on disk, even while the app has it
 * open. A missing file reads as an empty history; a damaged one is an error.
 *
 * Returns: (transfer full) (nullable): the store, read-only.
 */
UnknotHistory *
unknot_history_new_for_reading (const char  *path,
                                GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return g_initable_new (UNKNOT_TYPE_HISTORY, NULL, error,
                         "path", path, "for-reading", TRUE, NULL);
}

const char *
unknot_history_get_path (UnknotHistory *self)
{
  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), NULL);
  return self->path;
}

gboolean
unknot_history_get_read_only (UnknotHistory *self)
{
  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), TRUE);
  return self->read_only;
}

/* Where a damaged database (with its -wal and -shm) was moved when this store opened,
 * or NULL if it was not. */
const char *
unknot_history_get_kept_aside_path (UnknotHistory *self)
{
  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), NULL);
  return self->kept_aside_path;
}

UnknotHistoryDb *
unknot_history_get_db (UnknotHistory *self)
{
  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), NULL);
  return self->db;
}

static gint64
round_to_seconds (gint64 ms)
{
  return MAX (ms, 0) / 1000 + (MAX (ms, 0) % 1000 >= 500);
}

/* Takes @local_error: remembers that @session_id is not recorded in full, tells
 * listeners, and hands the error on. */
static void
fail_write (UnknotHistory  *self,
            gint64          session_id,
            GError         *local_error,
            GError        **error)
{
  if (session_id > 0)
    g_hash_table_add (self->unrecorded, g_memdup2 (&session_id, sizeof session_id));
  g_signal_emit (self, signals[WRITE_FAILED], 0, session_id, local_error);
  g_propagate_error (error, local_error);
}

static gboolean
check_writable (UnknotHistory  *self,
                gint64          session_id,
                GError        **error)
{
  GError *local_error = NULL;

  if (!self->read_only)
    return TRUE;
  unknot_history_error_set_sqlite (&local_error, SQLITE_READONLY, self->path, "");
  fail_write (self, session_id, local_error, error);
  return FALSE;
}

/* Tells a missing session from a closed one, for a write that changed no row. */
static void
set_no_session_error (UnknotHistory  *self,
                      gint64          session_id,
                      GError        **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (self->db,
    "SELECT status FROM sessions WHERE id = ?1", NULL);
  gboolean exists = FALSE;

  if (statement != NULL)
    {
      sqlite3_bind_int64 (statement, 1, session_id);
      exists = sqlite3_step (statement) == SQLITE_ROW;
      unknot_history_db_done (self->db, statement, SQLITE_DONE, NULL);
    }

  if (exists)
    g_set_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_NOT_IN_PROGRESS,
                 _("Session %lld has ended already."), (long long) session_id);
  else
    g_set_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_NOT_FOUND,
                 _("There is no session %lld in the history."), (long long) session_id);
}

/* Runs an update of one session's row, which is an error if it found no such row. */
static gboolean
run_on_one_session (UnknotHistory  *self,
                    sqlite3_stmt   *statement,
                    gint64          session_id,
                    GError        **error)
{
  if (!unknot_history_db_run (self->db, statement, error))
    return FALSE;
  if (sqlite3_changes (unknot_history_db_get_handle (self->db)) == 1)
    return TRUE;
  set_no_session_error (self, session_id, error);
  return FALSE;
}

static gboolean
check_recorded (gint64   session_id,
                GError **error)
{
  if (session_id > 0)
    return TRUE;
  g_set_error_literal (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_NOT_RECORDED,
                       _("This session is not being recorded, because its start could not "
                         "be saved."));
  return FALSE;
}

static gint64
insert_new_session (UnknotHistory  *self,
                    UnknotRoutine  *routine,
                    gint64          planned_ms,
                    guint           steps_total,
                    GDateTime      *started_at,
                    GError        **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (self->db,
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
  if (!unknot_history_db_run (self->db, statement, error))
    return 0;
  return sqlite3_last_insert_rowid (unknot_history_db_get_handle (self->db));
}

/**
 * unknot_history_begin:
 * @routine: the routine being run
 * @planned_ms: how long the session is planned to take, in ms
 * @steps_total: how many steps it has
 * @started_at: (nullable): when it started, or %NULL for now
 *
 * Records a session as started ("in-progress") at once, so that even if the app never
 * gets to finish it, it is found at the next start and closed as interrupted.
 *
 * Returns: the session's id, or 0 with @error set: the session can go on, but it is
 *   not recorded, and "write-failed" has been emitted.
 */
gint64
unknot_history_begin (UnknotHistory  *self,
                      UnknotRoutine  *routine,
                      gint64          planned_ms,
                      guint           steps_total,
                      GDateTime      *started_at,
                      GError        **error)
{
  GError *local_error = NULL;
  gint64 id;

  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), 0);
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (routine), 0);
  g_return_val_if_fail (planned_ms >= 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_writable (self, 0, error))
    return 0;

  id = insert_new_session (self, routine, planned_ms, steps_total, started_at, &local_error);
  if (id == 0)
    {
      fail_write (self, 0, local_error, error);
      return 0;
    }
  g_signal_emit (self, signals[CHANGED], 0);
  return id;
}

/* The step row and the session's totals change together, or not at all. */
static gboolean
write_step (UnknotHistory  *self,
            gint64          session_id,
            const char     *ids[3],
            guint           seconds,
            gint64          active_ms,
            GError        **error)
{
  sqlite3_stmt *insert = unknot_history_db_prepare (self->db,
    "INSERT INTO steps (session_id, position, region, technique, side, seconds) "
    "SELECT id, steps_completed, ?2, ?3, ?4, ?5 FROM sessions "
    "WHERE id = ?1 AND status = 'in-progress'", error);
  sqlite3_stmt *update = unknot_history_db_prepare (self->db,
    "UPDATE sessions SET steps_completed = steps_completed + 1, active_seconds = ?2 "
    "WHERE id = ?1", error);
  sqlite3 *handle = unknot_history_db_get_handle (self->db);

  if (insert == NULL || update == NULL)
    return FALSE;

  sqlite3_bind_int64 (insert, 1, session_id);
  for (int i = 0; i < 3; i++)
    sqlite3_bind_text (insert, 2 + i, ids[i], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 5, seconds);
  if (!unknot_history_db_run (self->db, insert, error))
    return FALSE;
  if (sqlite3_changes (handle) == 0)
    {
      set_no_session_error (self, session_id, error);
      return FALSE;
    }

  sqlite3_bind_int64 (update, 1, session_id);
  sqlite3_bind_int64 (update, 2, round_to_seconds (active_ms));
  return unknot_history_db_run (self->db, update, error);
}

static gboolean
is_write_failure (const GError *error)
{
  return !g_error_matches (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_NOT_FOUND)
         && !g_error_matches (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_NOT_IN_PROGRESS)
         && !g_error_matches (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_EXISTS);
}

static gboolean
end_write (UnknotHistory  *self,
           gint64          session_id,
           gboolean        written,
           GError         *local_error,
           GError        **error)
{
  if (written)
    {
      g_signal_emit (self, signals[CHANGED], 0);
      return TRUE;
    }
  if (is_write_failure (local_error))
    fail_write (self, session_id, local_error, error);
  else
    g_propagate_error (error, local_error);
  return FALSE;
}

/**
 * unknot_history_record_step:
 * @session_id: from unknot_history_begin()
 * @seconds: how long the step was done (both sides together for "each")
 * @active_ms: the session's active time so far, pauses left out
 *
 * Records a finished step and brings the session's active time and count of finished
 * steps up to date, in one committed transaction.
 *
 * Returns: %TRUE if recorded; on failure the session can go on.
 */
gboolean
unknot_history_record_step (UnknotHistory    *self,
                            gint64            session_id,
                            UnknotRegion      region,
                            UnknotTechnique   technique,
                            UnknotSide        side,
                            guint             seconds,
                            gint64            active_ms,
                            GError          **error)
{
  const char *ids[3];
  GError *local_error = NULL;
  gboolean written;

  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (region < UNKNOT_N_REGIONS, FALSE);
  g_return_val_if_fail (technique < UNKNOT_N_TECHNIQUES, FALSE);
  g_return_val_if_fail (side < UNKNOT_N_SIDES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_recorded (session_id, error) || !check_writable (self, session_id, error))
    return FALSE;

  ids[0] = unknot_vocabulary_get_id (UNKNOT_VOCABULARY_REGION, region);
  ids[1] = unknot_vocabulary_get_id (UNKNOT_VOCABULARY_TECHNIQUE, technique);
  ids[2] = unknot_vocabulary_get_id (UNKNOT_VOCABULARY_SIDE, side);

  written = unknot_history_db_begin (self->db, &local_error)
            && write_step (self, session_id, ids, seconds, active_ms, &local_error)
            && unknot_history_db_commit (self->db, &local_error);
  if (!written)
    unknot_history_db_rollback (self->db);
  return end_write (self, session_id, written, local_error, error);
}

static gboolean
close_session (UnknotHistory        *self,
               gint64                session_id,
               UnknotHistoryStatus   status,
               gint64                active_ms,
               GDateTime            *finished_at,
               GError              **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (self->db,
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
  return run_on_one_session (self, statement, session_id, error);
}

/**
 * unknot_history_finish:
 * @status: %UNKNOT_HISTORY_STATUS_COMPLETED or %UNKNOT_HISTORY_STATUS_STOPPED
 * @active_ms: the session's active time, pauses left out
 * @finished_at: (nullable): when it ended, or %NULL for now
 *
 * Closes a session that is in progress.
 */
gboolean
unknot_history_finish (UnknotHistory        *self,
                       gint64                session_id,
                       UnknotHistoryStatus   status,
                       gint64                active_ms,
                       GDateTime            *finished_at,
                       GError              **error)
{
  GError *local_error = NULL;
  gboolean written;

  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (status == UNKNOT_HISTORY_STATUS_COMPLETED
                        || status == UNKNOT_HISTORY_STATUS_STOPPED, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_recorded (session_id, error) || !check_writable (self, session_id, error))
    return FALSE;

  written = close_session (self, session_id, status, active_ms, finished_at, &local_error);
  return end_write (self, session_id, written, local_error, error);
}

static gboolean
update_feedback (UnknotHistory  *self,
                 gint64          session_id,
                 guint           feel,
                 const char     *note,
                 GError        **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (self->db,
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
  return run_on_one_session (self, statement, session_id, error);
}

/**
 * unknot_history_set_feedback:
 * @feel: how the session felt, 1 (bad) to 5 (great), or 0 for no rating
 * @note: (nullable): the user's note; %NULL or "" for none
 *
 * Sets both, replacing what was there, on a session in any state.
 */
gboolean
unknot_history_set_feedback (UnknotHistory  *self,
                             gint64          session_id,
                             guint           feel,
                             const char     *note,
                             GError        **error)
{
  GError *local_error = NULL;
  gboolean written;

  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (feel <= 5, FALSE);
  g_return_val_if_fail (note == NULL || g_utf8_validate (note, -1, NULL), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_recorded (session_id, error) || !check_writable (self, session_id, error))
    return FALSE;

  written = update_feedback (self, session_id, feel, note, &local_error);
  return end_write (self, session_id, written, local_error, error);
}

/* Whether every write for the session so far succeeded; %FALSE for id 0 (its start
 * failed). Lets the UI say "this session could not be recorded" when it ends. */
gboolean
unknot_history_is_recorded (UnknotHistory *self,
                            gint64         session_id)
{
  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), FALSE);
  return session_id > 0 && !g_hash_table_contains (self->unrecorded, &session_id);
}

static UnknotHistorySession *
read_session (UnknotHistory  *self,
              gint64          session_id,
              GError        **error)
{
  sqlite3_stmt *statement = unknot_history_db_prepare (self->db,
    "SELECT " UNKNOT_HISTORY_SESSION_COLUMNS " FROM sessions WHERE id = ?1", error);
  g_autoptr (UnknotHistorySession) session = NULL;
  int result;

  if (statement == NULL)
    return NULL;

  sqlite3_bind_int64 (statement, 1, session_id);
  result = sqlite3_step (statement);
  if (result == SQLITE_ROW)
    session = unknot_history_rows_read_session (statement);
  if (!unknot_history_db_done (self->db, statement, result, error))
    return NULL;
  if (session == NULL)
    {
      g_set_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_NOT_FOUND,
                   _("There is no session %lld in the history."), (long long) session_id);
      return NULL;
    }
  if (!unknot_history_rows_load_steps (self->db, session, error))
    return NULL;
  return g_steal_pointer (&session);
}

/**
 * unknot_history_get_session:
 *
 * Returns: (transfer full) (nullable): the session with its steps.
 */
UnknotHistorySession *
unknot_history_get_session (UnknotHistory  *self,
                            gint64          session_id,
                            GError        **error)
{
  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_session (self, session_id, error);
}

/**
 * unknot_history_list_sessions:
 * @offset: how many of the newest sessions to skip
 * @limit: how many to return at most; 0 for all
 *
 * Sessions of every status, newest first (by start time, then by id), without their
 * steps (unknot_history_get_session() has them). For a list view, wrap the elements or
 * ask page by page.
 *
 * Returns: (transfer full) (element-type UnknotHistorySession) (nullable): the page.
 */
GPtrArray *
unknot_history_list_sessions (UnknotHistory  *self,
                              guint           offset,
                              guint           limit,
                              GError        **error)
{
  sqlite3_stmt *statement;
  g_autoptr (GPtrArray) sessions = NULL;
  int result;

  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = unknot_history_db_prepare (self->db,
    "SELECT " UNKNOT_HISTORY_SESSION_COLUMNS " FROM sessions "
    "ORDER BY started_at DESC, id DESC LIMIT ?1 OFFSET ?2", error);
  if (statement == NULL)
    return NULL;

  sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_history_session_free);
  sqlite3_bind_int64 (statement, 1, limit == 0 ? -1 : (gint64) limit);
  sqlite3_bind_int64 (statement, 2, offset);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    g_ptr_array_add (sessions, unknot_history_rows_read_session (statement));
  if (!unknot_history_db_done (self->db, statement, result, error))
    return NULL;
  return g_steal_pointer (&sessions);
}

static gboolean
delete_row (UnknotHistory  *self,
            gint64          session_id,
            GError        **error)
{
  /* Its steps go with it: ON DELETE CASCADE, with foreign keys on. */
  sqlite3_stmt *statement = unknot_history_db_prepare (self->db,
    "DELETE FROM sessions WHERE id = ?1", error);

  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, session_id);
  return unknot_history_db_run (self->db, statement, error);
}

/**
 * unknot_history_delete_session:
 *
 * Deletes a session and its steps for good. What is returned holds everything that was
 * stored, for unknot_history_restore_session() to put back exactly (an undo toast).
 *
 * Returns: (transfer full) (nullable): the deleted session, with its steps.
 */
UnknotHistorySession *
unknot_history_delete_session (UnknotHistory  *self,
                               gint64          session_id,
                               GError        **error)
{
  g_autoptr (UnknotHistorySession) session = NULL;
  GError *local_error = NULL;
  gboolean written;

  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_writable (self, session_id, error))
    return NULL;

  written = unknot_history_db_begin (self->db, &local_error)
            && (session = read_session (self, session_id, &local_error)) != NULL
            && delete_row (self, session_id, &local_error)
            && unknot_history_db_commit (self->db, &local_error);
  if (!written)
    unknot_history_db_rollback (self->db);
  if (!end_write (self, session_id, written, local_error, error))
    return NULL;
  return g_steal_pointer (&session);
}

static void
set_exists_error (UnknotHistory  *self,
                  gint64          session_id,
                  GError        **error)
{
  g_set_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_EXISTS,
               _("Session %lld is in the history already."), (long long) session_id);
}

/**
 * unknot_history_restore_session:
 * @session: as returned by unknot_history_delete_session()
 *
 * Puts a deleted session back with its id, times, status, rating, note and steps, in
 * one transaction. Ids are never reused, so the id is still free unless the session
 * was restored already (%UNKNOT_HISTORY_ERROR_EXISTS).
 */
gboolean
unknot_history_restore_session (UnknotHistory               *self,
                                const UnknotHistorySession  *session,
                                GError                     **error)
{
  GError *local_error = NULL;
  gboolean written;

  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (session != NULL && session->id > 0, FALSE);
  g_return_val_if_fail (session->routine_id != NULL && session->routine_name != NULL, FALSE);
  g_return_val_if_fail (session->started_at != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, session->id, error))
    return FALSE;

  written = unknot_history_db_begin (self->db, &local_error)
            && unknot_history_rows_insert_session (self->db, session, &local_error)
            && unknot_history_db_commit (self->db, &local_error);
  if (!written)
    {
      /* Read before the rollback, which resets it. */
      int result = sqlite3_extended_errcode (unknot_history_db_get_handle (self->db));

      unknot_history_db_rollback (self->db);
      if (result == SQLITE_CONSTRAINT_PRIMARYKEY)
        {
          g_clear_error (&local_error);
          set_exists_error (self, session->id, &local_error);
        }
    }
  return end_write (self, session->id, written, local_error, error);
}
