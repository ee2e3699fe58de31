/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-session-recorder.h"

/* Writes a running session into the history as it goes: a row when it starts, each
 * step as it is done (so a crash keeps what was done), and the end. The history says
 * only what happened:
 *
 * - a step is done when each of its sides ran to its end, and it is done once, however
 *   often the user went back to it; a side skipped or left early does not count;
 * - the active time is the time the routine really ran, pauses and skipped time left out;
 * - the session is completed if it reached its end with at least half its planned time
 *   active, and stopped otherwise.
 *
 * A failed write never stops the routine, and nothing is written out of order: what
 * could not be written is written at the next chance, the session's row first, so a row
 * that exists always holds every step done before it. The summary tells the user when
 * something could not be written in the end. */

/* A step done, waiting to be written or written already. */
typedef struct
{
  UnknotStep *step;
  guint seconds;       /* its sides' time, together */
  gint64 active_ms;    /* the session's active time when it was done */
} DoneStep;

/* How far a step got: which of its sides ran to their ends, and for how long. */
typedef struct
{
  gboolean first_side_done;
  gint64 first_side_ms;
  gboolean done;
} StepProgress;

struct _UnknotSessionRecorder
{
  GObject parent_instance;

  UnknotHistory *history;  /* nullable: nothing is recorded */
  UnknotSession *session;
  GDateTime *started_at;   /* set when the session starts */
  gint64 planned_ms;
  GHashTable *progress;    /* UnknotStep * → StepProgress */
  GArray *done;            /* of DoneStep, in the order done */
  guint32 regions;         /* 1 << UnknotRegion of the steps done */

  gint64 session_id;       /* 0 until the row is written */
  UnknotRunKind after_run; /* what "Just ran?" said; UNKNOT_N_RUN_KINDS for nothing */
  gboolean after_run_written;
  guint n_written;         /* of done */
  gboolean ended;
  gboolean closed;         /* the row's end is written */
};

G_DEFINE_FINAL_TYPE (UnknotSessionRecorder, unknot_session_recorder, G_TYPE_OBJECT)

static gboolean
write_row (UnknotSessionRecorder *self)
{
  UnknotRoutine *routine = unknot_session_get_routine (self->session);
  g_autoptr (GError) error = NULL;

  self->session_id = unknot_history_begin (self->history, routine, self->planned_ms,
                                           unknot_routine_get_n_steps (routine),
                                           self->started_at, &error);
  if (self->session_id == 0)
    g_message ("This session is not recorded yet: %s", error->message);
  return self->session_id != 0;
}

static gboolean
write_step (UnknotSessionRecorder *self,
            const DoneStep        *done)
{
  g_autoptr (GError) error = NULL;

  if (unknot_history_record_step (self->history, self->session_id,
                                  unknot_step_get_region (done->step),
                                  unknot_step_get_technique (done->step),
                                  unknot_step_get_side (done->step), done->seconds,
                                  done->active_ms, &error))
    return TRUE;
  g_message ("A step of this session is not recorded yet: %s", error->message);
  return FALSE;
}

static gboolean
write_after_run (UnknotSessionRecorder *self)
{
  g_autoptr (GError) error = NULL;

  if (unknot_history_set_after_run (self->history, self->session_id, self->after_run, &error))
    return TRUE;
  g_message ("The run this session followed is not recorded yet: %s", error->message);
  return FALSE;
}

static gboolean
write_end (UnknotSessionRecorder *self)
{
  g_autoptr (GError) error = NULL;

  if (unknot_history_finish (self->history, self->session_id,
                             unknot_session_recorder_get_status (self),
                             unknot_session_get_elapsed (self->session), NULL, &error))
    return TRUE;
  g_message ("The end of this session is not recorded: %s", error->message);
  return FALSE;
}

/* Writes what is not written yet, in order, up to the first write that fails. */
static void
write_pending (UnknotSessionRecorder *self)
{
  if (self->history == NULL || self->started_at == NULL || self->closed)
    return;
  if (self->session_id == 0 && !write_row (self))
    return;
  if (!self->after_run_written)
    self->after_run_written = write_after_run (self);
  while (self->n_written < self->done->len)
    {
      if (!write_step (self, &g_array_index (self->done, DoneStep, self->n_written)))
        return;
      self->n_written++;
    }
  if (self->ended)
    self->closed = write_end (self);
}

static StepProgress *
get_progress (UnknotSessionRecorder *self,
              UnknotStep            *step)
{
  StepProgress *progress = g_hash_table_lookup (self->progress, step);

  if (progress == NULL)
    {
      progress = g_new0 (StepProgress, 1);
      g_hash_table_insert (self->progress, step, progress);
    }
  return progress;
}

/* A side of @segment's step ran to its end. */
static void
note_side_done (UnknotSessionRecorder *self,
                UnknotSegment         *segment,
                gint64                 active_ms)
{
  UnknotStep *step = unknot_segment_get_step (segment);
  StepProgress *progress = get_progress (self, step);
  DoneStep done;

  if (progress->done)
    return;
  if (unknot_segment_is_first_side (segment))
    {
      progress->first_side_done = TRUE;
      progress->first_side_ms = active_ms;
      return;
    }
  if (unknot_step_get_side (step) == UNKNOT_SIDE_EACH && !progress->first_side_done)
    return;

  progress->done = TRUE;
  done.step = step;
  done.seconds = (guint) ((progress->first_side_ms + active_ms + 500) / 1000);
  done.active_ms = unknot_session_get_elapsed (self->session);
  g_array_append_val (self->done, done);
  self->regions |= 1u << unknot_step_get_region (step);
}

static void
on_segment_finished (UnknotSession         *session,
                     UnknotSegment         *segment,
                     gint64                 active_ms,
                     gboolean               ran_to_end,
                     UnknotSessionRecorder *self)
{
  if (unknot_segment_get_kind (segment) != UNKNOT_SEGMENT_STEP || !ran_to_end)
    return;
  note_side_done (self, segment, active_ms);
  write_pending (self);
}

static void
on_state_changed (UnknotSession         *session,
                  GParamSpec            *pspec,
                  UnknotSessionRecorder *self)
{
  UnknotSessionState state = unknot_session_get_state (session);

  if (state == UNKNOT_SESSION_RUNNING && self->started_at == NULL)
    {
      self->started_at = g_date_time_new_now_utc ();
      self->planned_ms = unknot_session_get_total (session);
    }
  if (state == UNKNOT_SESSION_FINISHED || state == UNKNOT_SESSION_STOPPED)
    self->ended = TRUE;
  write_pending (self);
}

static void
unknot_session_recorder_dispose (GObject *object)
{
  UnknotSessionRecorder *self = UNKNOT_SESSION_RECORDER (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (unknot_session_recorder_parent_class)->dispose (object);
}

static void
unknot_session_recorder_finalize (GObject *object)
{
  UnknotSessionRecorder *self = UNKNOT_SESSION_RECORDER (object);

  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_hash_table_destroy (self->progress);
  g_array_unref (self->done);

  G_OBJECT_CLASS (unknot_session_recorder_parent_class)->finalize (object);
}

static void
unknot_session_recorder_class_init (UnknotSessionRecorderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = unknot_session_recorder_dispose;
  G_OBJECT_CLASS (klass)->finalize = unknot_session_recorder_finalize;
}

static void
unknot_session_recorder_init (UnknotSessionRecorder *self)
{
  self->progress = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->done = g_array_new (FALSE, FALSE, sizeof (DoneStep));
  self->after_run = UNKNOT_N_RUN_KINDS;
  self->after_run_written = TRUE;  /* nothing to write */
}

/**
 * unknot_session_recorder_new:
 * @history: (nullable): where to record; %NULL to only follow the session, for a run
 *   that is not recorded (no history could be opened, or a preview)
 * @session: a session that has not started yet
 */
UnknotSessionRecorder *
unknot_session_recorder_new (UnknotHistory *history,
                             UnknotSession *session)
{
  UnknotSessionRecorder *self;

  g_return_val_if_fail (history == NULL || UNKNOT_IS_HISTORY (history), NULL);
  g_return_val_if_fail (UNKNOT_IS_SESSION (session), NULL);

  self = g_object_new (UNKNOT_TYPE_SESSION_RECORDER, NULL);
  self->history = history ? g_object_ref (history) : NULL;
  self->session = g_object_ref (session);
  g_signal_connect (session, "segment-finished", G_CALLBACK (on_segment_finished), self);
  g_signal_connect (session, "notify::state", G_CALLBACK (on_state_changed), self);
  return self;
}

/**
 * unknot_session_recorder_set_after_run:
 * @kind: the kind of run the session follows, or %UNKNOT_N_RUN_KINDS for none
 *
 * Recorded with the session's row, or at once if it is written already.
 */
void
unknot_session_recorder_set_after_run (UnknotSessionRecorder *self,
                                       UnknotRunKind          kind)
{
  g_return_if_fail (UNKNOT_IS_SESSION_RECORDER (self));
  g_return_if_fail (kind <= UNKNOT_N_RUN_KINDS);

  if (kind == self->after_run)
    return;
  self->after_run = kind;
  self->after_run_written = FALSE;
  if (self->session_id != 0)
    write_pending (self);
}

/* The history's id of this session, or 0 if it has no row (yet). */
gint64
unknot_session_recorder_get_session_id (UnknotSessionRecorder *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION_RECORDER (self), 0);
  return self->session_id;
}

/* Whether everything about this session so far, its end included once it has ended,
 * is in the history. */
gboolean
unknot_session_recorder_is_recorded (UnknotSessionRecorder *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION_RECORDER (self), FALSE);
  return self->session_id != 0 && self->n_written == self->done->len
         && self->closed == self->ended;
}

/* How many steps were done, each once. */
guint
unknot_session_recorder_get_n_steps (UnknotSessionRecorder *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION_RECORDER (self), 0);
  return self->done->len;
}

/* A bit set, 1 << UnknotRegion, of the regions of the steps done. */
guint32
unknot_session_recorder_get_regions (UnknotSessionRecorder *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION_RECORDER (self), 0);
  return self->regions;
}

/**
 * unknot_session_recorder_get_status:
 *
 * How the session stands, as the history says it: in progress until it ends, then
 * completed if it reached its end with at least half its planned time active, and
 * stopped otherwise.
 */
UnknotHistoryStatus
unknot_session_recorder_get_status (UnknotSessionRecorder *self)
{
  gboolean reached_end;

  g_return_val_if_fail (UNKNOT_IS_SESSION_RECORDER (self), UNKNOT_HISTORY_STATUS_IN_PROGRESS);

  if (!self->ended)
    return UNKNOT_HISTORY_STATUS_IN_PROGRESS;
  reached_end = unknot_session_get_state (self->session) == UNKNOT_SESSION_FINISHED;
  if (reached_end && unknot_history_active_time_counts (unknot_session_get_elapsed (self->session),
                                                        self->planned_ms))
    return UNKNOT_HISTORY_STATUS_COMPLETED;
  return UNKNOT_HISTORY_STATUS_STOPPED;
}
