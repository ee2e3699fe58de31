/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-history.h"

#include <glib/gi18n-lib.h>

#include "unknot-history-file.h"
#include "unknot-history-private.h"
#include "unknot-history-rows.h"
#include "unknot-history-sql.h"

/* The record of sessions, in SQLite. Every write is its own committed transaction, made
 * as the session goes, so that whatever ends the app, the record stops at the last
 * finished step. The statements themselves are in unknot-history-sql.c, reads for the
 * history page in unknot-history-stats.c, the CSV export in unknot-history-export.c.
 * One connection with its statement cache: use a store from one thread. */
struct _UnknotHistory
{
  GObject parent_instance;

  char *path;
  gboolean for_reading;      /* asked to change nothing on disk */
  gboolean read_only;        /* writes will fail: asked so, or no write access */
  char *kept_aside_path;     /* where a damaged file went at open, or NULL */
  UnknotHistoryDb *db;
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

/* Takes @local_error: tells listeners that @session_id is not recorded in full, and hands
 * the error on. */
static void
fail_write (UnknotHistory  *self,
            gint64          session_id,
            GError         *local_error,
            GError        **error)
{
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

  id = unknot_history_sql_insert_session (self->db, routine, planned_ms, steps_total,
                                          started_at, &local_error);
  if (id == 0)
    {
      fail_write (self, 0, local_error, error);
      return 0;
    }
  g_signal_emit (self, signals[CHANGED], 0);
  return id;
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
            && unknot_history_sql_add_step (self->db, session_id, ids, seconds, active_ms,
                                            &local_error)
            && unknot_history_db_commit (self->db, &local_error);
  if (!written)
    unknot_history_db_rollback (self->db);
  return end_write (self, session_id, written, local_error, error);
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

  written = unknot_history_sql_close_session (self->db, session_id, status, active_ms,
                                              finished_at, &local_error);
  return end_write (self, session_id, written, local_error, error);
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

  written = unknot_history_sql_set_feedback (self->db, session_id, feel, note, &local_error);
  return end_write (self, session_id, written, local_error, error);
}

/**
 * unknot_history_set_after_run:
 * @kind: the kind of run the session followed, or %UNKNOT_N_RUN_KINDS for none
 *
 * Records what "Just ran?" said the session came after, on a session in any state.
 */
gboolean
unknot_history_set_after_run (UnknotHistory  *self,
                              gint64          session_id,
                              UnknotRunKind   kind,
                              GError        **error)
{
  GError *local_error = NULL;
  const char *id = NULL;
  gboolean written;

  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (kind <= UNKNOT_N_RUN_KINDS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_recorded (session_id, error) || !check_writable (self, session_id, error))
    return FALSE;

  if (kind < UNKNOT_N_RUN_KINDS)
    id = unknot_vocabulary_get_id (UNKNOT_VOCABULARY_RUN_KIND, kind);
  written = unknot_history_sql_set_after_run (self->db, session_id, id, &local_error);
  return end_write (self, session_id, written, local_error, error);
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

  return unknot_history_sql_read_session (self->db, session_id, error);
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
  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return unknot_history_sql_list_sessions (self->db, offset, limit, error);
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
            && (session = unknot_history_sql_read_session (self->db, session_id,
                                                           &local_error)) != NULL
            && unknot_history_sql_delete_session (self->db, session_id, &local_error)
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
               /* Translators: %lld is the number of a recorded session */
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
