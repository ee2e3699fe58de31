/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-session-recorder.h"

/* Writes a running session into the history as it goes: a row when it starts, each
 * step when its last side ends (so a crash keeps what was done), and the end.
 *
 * It lives in the UI layer because it is the one layer that may see both the session
 * engine and the history store. A failed write never stops the routine: the store
 * reports it, and the summary tells the user this session could not be recorded. */
struct _UnknotSessionRecorder
{
  GObject parent_instance;

  UnknotHistory *history;  /* nullable: no history could be opened */
  UnknotSession *session;
  gint64 session_id;       /* 0 until begun, or if the start could not be written */
  gint64 step_ms;          /* active time on the current step so far, over its sides */
  guint n_steps;           /* steps done, at least in part */
  guint32 regions;         /* 1 << UnknotRegion of the steps done */
};

G_DEFINE_FINAL_TYPE (UnknotSessionRecorder, unknot_session_recorder, G_TYPE_OBJECT)

static void
begin (UnknotSessionRecorder *self)
{
  UnknotRoutine *routine = unknot_session_get_routine (self->session);
  g_autoptr (GError) error = NULL;

  if (self->history == NULL || self->session_id != 0)
    return;
  self->session_id = unknot_history_begin (self->history, routine,
                                           unknot_session_get_total (self->session),
                                           unknot_routine_get_n_steps (routine), NULL, &error);
  if (error != NULL)
    g_message ("This session is not recorded: %s", error->message);
}

static void
on_segment_finished (UnknotSession         *session,
                     UnknotSegment         *segment,
                     gint64                 active_ms,
                     gboolean               ran_to_end,
                     UnknotSessionRecorder *self)
{
  UnknotStep *step = unknot_segment_get_step (segment);
  g_autoptr (GError) error = NULL;

  if (unknot_segment_get_kind (segment) != UNKNOT_SEGMENT_STEP)
    return;

  self->step_ms += active_ms;
  if (!unknot_segment_ends_step (segment))
    return;

  /* A step skipped before a second of it was done was not done. */
  if (self->step_ms >= 1000)
    {
      self->n_steps++;
      self->regions |= 1u << unknot_step_get_region (step);
      if (self->history != NULL && self->session_id != 0)
        unknot_history_record_step (self->history, self->session_id, unknot_step_get_region (step),
                                    unknot_step_get_technique (step), unknot_step_get_side (step),
                                    (guint) ((self->step_ms + 500) / 1000),
                                    unknot_session_get_elapsed (session), &error);
    }
  self->step_ms = 0;
}

static void
on_state_changed (UnknotSession         *session,
                  GParamSpec            *pspec,
                  UnknotSessionRecorder *self)
{
  UnknotSessionState state = unknot_session_get_state (session);
  UnknotHistoryStatus status;

  if (state == UNKNOT_SESSION_RUNNING)
    begin (self);
  if (state != UNKNOT_SESSION_FINISHED && state != UNKNOT_SESSION_STOPPED)
    return;
  if (self->history == NULL || self->session_id == 0)
    return;

  status = state == UNKNOT_SESSION_FINISHED ? UNKNOT_HISTORY_STATUS_COMPLETED
                                            : UNKNOT_HISTORY_STATUS_STOPPED;
  unknot_history_finish (self->history, self->session_id, status,
                         unknot_session_get_elapsed (session), NULL, NULL);
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
unknot_session_recorder_class_init (UnknotSessionRecorderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = unknot_session_recorder_dispose;
}

static void
unknot_session_recorder_init (UnknotSessionRecorder *self)
{
}

/**
 * unknot_session_recorder_new:
 * @history: (nullable): where to record; %NULL if the history could not be opened
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

/* The history's id of this session, or 0 if it could not be recorded. */
gint64
unknot_session_recorder_get_session_id (UnknotSessionRecorder *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION_RECORDER (self), 0);
  return self->session_id;
}

/* Whether everything about this session reached the history. */
gboolean
unknot_session_recorder_is_recorded (UnknotSessionRecorder *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION_RECORDER (self), FALSE);
  return self->session_id != 0 && unknot_history_is_recorded (self->history, self->session_id);
}

guint
unknot_session_recorder_get_n_steps (UnknotSessionRecorder *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION_RECORDER (self), 0);
  return self->n_steps;
}

/* A bit set, 1 << UnknotRegion, of the regions worked on. */
guint32
unknot_session_recorder_get_regions (UnknotSessionRecorder *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION_RECORDER (self), 0);
  return self->regions;
}
