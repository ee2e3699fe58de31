/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-session-machine.h"

#include "unknot-playhead.h"

/* The moving part of UnknotSession: its state machine (READY, RUNNING, PAUSED, FINISHED,
 * STOPPED) on a clock. The playhead turns clock time into routine time; the cursor
 * says what that position means in the plan and queues the cues due; the machine keeps
 * one clock deadline, the next cue, segment end or whole second left, and when it wakes,
 * however late, it catches up on everything due in between. Every operation ends by
 * settling: queue what fell due, plan the next wake-up, then emit, so that handlers of
 * the session's signals see the state of the latest instant. */
struct _UnknotSessionMachine
{
  UnknotClock *clock;
  UnknotPlayhead *playhead;
  UnknotTimelineCursor *cursor;  /* unowned: the session owns it, and the emitter */
  UnknotSessionEmitter *emitter;
  UnknotSessionState state;
  gint64 shown_seconds;          /* whole seconds left as last notified */
  guint wake_id;                 /* the clock deadline, or 0 */
};

#define US_PER_MS     G_GINT64_CONSTANT (1000)
#define US_PER_SECOND G_GINT64_CONSTANT (1000000)

/* ---- the state ------------------------------------------------------------------------ */

static gboolean
is_under_way (UnknotSessionMachine *self)
{
  return self->state == UNKNOT_SESSION_RUNNING || self->state == UNKNOT_SESSION_PAUSED;
}

static void
mark_dirty (UnknotSessionMachine *self,
            guint          prop_id)
{
  unknot_session_emitter_mark_dirty (self->emitter, prop_id);
}

static void
set_state (UnknotSessionMachine *self,
           UnknotSessionState  state)
{
  self->state = state;
  mark_dirty (self, UNKNOT_SESSION_PROP_STATE);
  mark_dirty (self, UNKNOT_SESSION_PROP_ELAPSED);
  mark_dirty (self, UNKNOT_SESSION_PROP_PROGRESS);
}

/* ---- moving through the timeline ------------------------------------------------------ */

static void
enter_segment (UnknotSessionMachine *self,
               guint          index,
               gint64         entry_active)
{
  unknot_timeline_cursor_enter (self->cursor, index, entry_active);
  mark_dirty (self, UNKNOT_SESSION_PROP_SEGMENT);
  mark_dirty (self, UNKNOT_SESSION_PROP_SEGMENT_INDEX);
  mark_dirty (self, UNKNOT_SESSION_PROP_REMAINING);
  mark_dirty (self, UNKNOT_SESSION_PROP_PROGRESS);
}

static void
finish (UnknotSessionMachine *self,
        gint64         active)
{
  unknot_playhead_rest_at (self->playhead, unknot_timeline_cursor_get_end (self->cursor), active);
  set_state (self, UNKNOT_SESSION_FINISHED);
  unknot_timeline_cursor_queue_cue (self->cursor, UNKNOT_CUE_EVENT_ROUTINE_COMPLETE);
}

/* After the current segment is left at @active: on to the next one, or the end. */
static void
enter_next_or_finish (UnknotSessionMachine *self,
                      gint64         active)
{
  if (unknot_timeline_cursor_has_next (self->cursor))
    enter_segment (self, unknot_timeline_cursor_get_index (self->cursor) + 1, active);
  else
    finish (self, active);
}

/* Queues every cue due by @now, crossing as many segment ends as a late wake-up needs.
 * Natural ends do not move the playhead: the next segment starts where the last ended. */
static void
catch_up (UnknotSessionMachine *self,
          gint64         now)
{
  gint64 target;
  gint64 active_now;

  if (self->state != UNKNOT_SESSION_RUNNING)
    return;

  target = unknot_playhead_get_position (self->playhead, now);
  active_now = unknot_playhead_get_active (self->playhead, now);
  while (self->state == UNKNOT_SESSION_RUNNING)
    {
      gint64 end = unknot_timeline_cursor_get_end (self->cursor);
      gint64 active_at_end;

      if (!unknot_timeline_cursor_run_to (self->cursor, target))
        return;
      active_at_end = active_now - (target - end);
      unknot_timeline_cursor_leave (self->cursor, UNKNOT_LEAVE_ENDED, active_at_end);
      enter_next_or_finish (self, active_at_end);
    }
}

/* ---- waking up ---------------------------------------------------------------------- */

static gint64
remaining_us (UnknotSessionMachine *self,
              gint64         now)
{
  UnknotSegment *segment = unknot_timeline_cursor_get_segment (self->cursor);
  gint64 duration;

  if (segment == NULL || self->state == UNKNOT_SESSION_FINISHED)
    return 0;
  duration = unknot_segment_get_duration (segment) * US_PER_MS;
  if (self->state == UNKNOT_SESSION_READY)
    return duration;
  return CLAMP (unknot_timeline_cursor_get_end (self->cursor)
                - unknot_playhead_get_position (self->playhead, now),
                0, duration);
}

static void on_wake (gpointer data);

static void
schedule_wake (UnknotSessionMachine *self,
               gint64         now)
{
  gint64 deadline;

  if (self->wake_id != 0)
    unknot_clock_remove_deadline (self->clock, self->wake_id);
  self->wake_id = 0;
  if (self->state != UNKNOT_SESSION_RUNNING)
    return;

  /* Never now or earlier: rounding at odd speeds must not make the clock spin. */
  deadline = unknot_playhead_get_wall_time (self->playhead,
                                            unknot_timeline_cursor_next_wake (self->cursor));
  self->wake_id = unknot_clock_add_deadline (self->clock, MAX (deadline, now + 1), on_wake, self);
}

static void
note_seconds_shown (UnknotSessionMachine *self,
                    gint64         now)
{
  gint64 seconds = (remaining_us (self, now) + US_PER_SECOND - 1) / US_PER_SECOND;

  if (seconds == self->shown_seconds)
    return;
  self->shown_seconds = seconds;
  mark_dirty (self, UNKNOT_SESSION_PROP_REMAINING);
  mark_dirty (self, UNKNOT_SESSION_PROP_ELAPSED);
  mark_dirty (self, UNKNOT_SESSION_PROP_PROGRESS);
}

/* Ends every operation: queue what fell due, plan the next wake-up, then emit. */
static void
settle (UnknotSessionMachine *self,
        gint64         now)
{
  catch_up (self, now);
  note_seconds_shown (self, now);
  schedule_wake (self, now);
  unknot_session_emitter_emit (self->emitter);
}

static void
on_wake (gpointer data)
{
  UnknotSessionMachine *self = data;

  self->wake_id = 0;
  settle (self, unknot_clock_get_time (self->clock));
}

/* ---- setting up and reading --------------------------------------------------------- */

UnknotSessionMachine *
unknot_session_machine_new (UnknotTimelineCursor *cursor,
                            UnknotSessionEmitter *emitter)
{
  UnknotSessionMachine *self = g_new0 (UnknotSessionMachine, 1);

  self->cursor = cursor;
  self->emitter = emitter;
  self->playhead = unknot_playhead_new ();
  self->state = UNKNOT_SESSION_READY;
  return self;
}

/* Lets go of the clock deadline: nothing runs on after the session is disposed. */
void
unknot_session_machine_stop_waking (UnknotSessionMachine *self)
{
  if (self->wake_id != 0)
    unknot_clock_remove_deadline (self->clock, self->wake_id);
  self->wake_id = 0;
}

void
unknot_session_machine_free (UnknotSessionMachine *self)
{
  if (self == NULL)
    return;
  unknot_session_machine_stop_waking (self);
  g_clear_object (&self->clock);
  g_clear_object (&self->playhead);
  g_free (self);
}

/* Takes @clock; once, before anything runs. */
void
unknot_session_machine_set_clock (UnknotSessionMachine *self,
                                  UnknotClock          *clock)
{
  g_assert (self->clock == NULL);
  self->clock = clock;
}

UnknotClock *
unknot_session_machine_get_clock (UnknotSessionMachine *self)
{
  return self->clock;
}

/* Once the plan is made: the seconds a countdown first shows. */
void
unknot_session_machine_plan_made (UnknotSessionMachine *self)
{
  self->shown_seconds = (remaining_us (self, 0) + US_PER_SECOND - 1) / US_PER_SECOND;
}

UnknotSessionState
unknot_session_machine_get_state (UnknotSessionMachine *self)
{
  return self->state;
}

/* Routine µs left in the current segment, now. */
gint64
unknot_session_machine_get_remaining (UnknotSessionMachine *self)
{
  return remaining_us (self, unknot_clock_get_time (self->clock));
}

/* Routine µs spent while running, pauses excluded, restarts and skips included. */
gint64
unknot_session_machine_get_active (UnknotSessionMachine *self)
{
  return unknot_playhead_get_active (self->playhead, unknot_clock_get_time (self->clock));
}

/* How far through the plan, from 0 to 1; skipping a segment moves it on. */
/* The clock's µs at which the running session reaches routine ms @position, or -1 when
 * it is not running. */
gint64
unknot_session_machine_get_clock_time_at (UnknotSessionMachine *self,
                                          gint64                position)
{
  if (self->state != UNKNOT_SESSION_RUNNING)
    return -1;
  return unknot_playhead_get_wall_time (self->playhead, position * US_PER_MS);
}

double
unknot_session_machine_get_progress (UnknotSessionMachine *self)
{
  gint64 total = unknot_timeline_cursor_get_total (self->cursor) * US_PER_MS;
  gint64 position;

  if (self->state == UNKNOT_SESSION_FINISHED)
    return 1.0;
  if (total <= 0)
    return 0.0;
  position = unknot_playhead_get_position (self->playhead, unknot_clock_get_time (self->clock));
  return (double) CLAMP (position, 0, total) / (double) total;
}

double
unknot_session_machine_get_speed (UnknotSessionMachine *self)
{
  return unknot_playhead_get_speed (self->playhead);
}

/* From now on; see unknot_session_set_speed(). */
void
unknot_session_machine_set_speed (UnknotSessionMachine *self,
                                  double                speed)
{
  gint64 now;

  if (speed == unknot_playhead_get_speed (self->playhead))
    return;

  /* During construction there is no clock yet, and no time to catch up on. */
  now = self->clock != NULL ? unknot_clock_get_time (self->clock) : 0;
  catch_up (self, now);
  unknot_playhead_set_speed (self->playhead, now, speed);
  mark_dirty (self, UNKNOT_SESSION_PROP_SPEED);
  if (unknot_timeline_cursor_has_plan (self->cursor))
    settle (self, now);
}

/* At once, also in the segment under way. */
void
unknot_session_machine_set_countdown_ticks (UnknotSessionMachine *self,
                                            gboolean              countdown_ticks)
{
  unknot_timeline_cursor_set_countdown_ticks (self->cursor, countdown_ticks);
  if (!unknot_timeline_cursor_has_plan (self->cursor))
    return;
  catch_up (self, unknot_clock_get_time (self->clock));
  if (is_under_way (self))
    unknot_timeline_cursor_reload_inner_cues (self->cursor);
  settle (self, unknot_clock_get_time (self->clock));
}

/* ---- operations ----------------------------------------------------------------------- */

/* Starts at segment @index (the first if there is no such segment), its time 0 at
 * @start (not before now); only from READY. See unknot_session_start_from(). */
void
unknot_session_machine_start_from (UnknotSessionMachine *self,
                                   guint                 index,
                                   gint64                start)
{
  gint64 now;

  if (self->state != UNKNOT_SESSION_READY)
    return;

  now = unknot_clock_get_time (self->clock);
  start = MAX (start, now);
  if (unknot_timeline_cursor_get_n_segments (self->cursor) == 0)
    {
      set_state (self, UNKNOT_SESSION_FINISHED);
      unknot_session_emitter_emit (self->emitter);
      return;
    }
  if (index >= unknot_timeline_cursor_get_n_segments (self->cursor))
    index = 0;

  /* The playhead starts where the segment does, so the time left, the progress and
   * every cue after it are as they would be had the routine run up to there; the
   * segments before it are neither run nor counted as skipped. */
  unknot_playhead_seek (self->playhead, start,
                        unknot_timeline_cursor_get_start (self->cursor, index));
  unknot_playhead_move (self->playhead, start);
  set_state (self, UNKNOT_SESSION_RUNNING);
  enter_segment (self, index, 0);
  settle (self, now);
}

/* Freezes time where it is; only while RUNNING. */
void
unknot_session_machine_pause (UnknotSessionMachine *self)
{
  gint64 now;


  if (self->state != UNKNOT_SESSION_RUNNING)
    return;

  now = unknot_clock_get_time (self->clock);
  catch_up (self, now);
  if (self->state == UNKNOT_SESSION_RUNNING)
    {
      unknot_playhead_hold (self->playhead, now);
      set_state (self, UNKNOT_SESSION_PAUSED);
    }
  settle (self, now);
}

/* Goes on from where it was paused; only while PAUSED. */
void
unknot_session_machine_resume (UnknotSessionMachine *self)
{
  gint64 now;


  if (self->state != UNKNOT_SESSION_PAUSED)
    return;

  now = unknot_clock_get_time (self->clock);
  unknot_playhead_move (self->playhead, now);
  set_state (self, UNKNOT_SESSION_RUNNING);
  settle (self, now);
}

/* The one key for everything: start when READY, pause when RUNNING, resume when PAUSED. */
void
unknot_session_machine_toggle (UnknotSessionMachine *self)
{

  switch (self->state)
    {
    case UNKNOT_SESSION_READY:
      unknot_session_machine_start_from (self, 0, unknot_clock_get_time (self->clock));
      break;
    case UNKNOT_SESSION_RUNNING: unknot_session_machine_pause (self); break;
    case UNKNOT_SESSION_PAUSED: unknot_session_machine_resume (self); break;
    case UNKNOT_SESSION_FINISHED:
    case UNKNOT_SESSION_STOPPED:
    default:
      break;
    }
}

/* Catches up and tells whether an operation on the segment under way still applies: a
 * late main loop may have finished the routine meanwhile. */
static gboolean
catch_up_and_check (UnknotSessionMachine *self,
                    gint64         now)
{
  catch_up (self, now);
  if (is_under_way (self))
    return TRUE;
  settle (self, now);
  return FALSE;
}

/* See unknot_session_next(). */
void
unknot_session_machine_next (UnknotSessionMachine *self)
{
  gint64 now;
  gint64 active;
  guint target;

  now = unknot_clock_get_time (self->clock);
  if (!is_under_way (self) || !catch_up_and_check (self, now))
    return;

  target = unknot_timeline_cursor_next_step_index (self->cursor);
  unknot_timeline_cursor_set_delivered (self->cursor,
                                        unknot_playhead_get_position (self->playhead, now));
  active = unknot_playhead_get_active (self->playhead, now);
  unknot_timeline_cursor_leave (self->cursor, UNKNOT_LEAVE_SKIPPED, active);
  if (target < unknot_timeline_cursor_get_n_segments (self->cursor))
    {
      unknot_playhead_seek (self->playhead, now,
                            unknot_timeline_cursor_get_start (self->cursor, target));
      enter_segment (self, target, active);
    }
  else
    finish (self, active);
  settle (self, now);
}

/* Whether going back restarts the current segment rather than going to an earlier one:
 * a step or the prepare well under way, or nothing earlier to go to. */
static gboolean
previous_restarts (UnknotSessionMachine *self,
                   gint64                now,
                   guint                *target)
{
  UnknotSegment *segment = unknot_timeline_cursor_get_segment (self->cursor);
  UnknotSegmentKind kind = unknot_segment_get_kind (segment);
  gint64 start = unknot_timeline_cursor_get_start (self->cursor,
                                                   unknot_timeline_cursor_get_index (self->cursor));
  gint64 into = unknot_playhead_get_position (self->playhead, now) - start;

  if (!unknot_timeline_cursor_previous_step_index (self->cursor, target))
    return TRUE;
  return (kind == UNKNOT_SEGMENT_STEP || kind == UNKNOT_SEGMENT_PREPARE)
         && into > UNKNOT_SESSION_RESTART_AFTER_MS * US_PER_MS;
}

/* See unknot_session_previous(). */
void
unknot_session_machine_previous (UnknotSessionMachine *self)
{
  guint index;
  guint target;
  gint64 now;

  now = unknot_clock_get_time (self->clock);
  if (!is_under_way (self) || !catch_up_and_check (self, now))
    return;

  index = unknot_timeline_cursor_get_index (self->cursor);
  if (previous_restarts (self, now, &target))
    {
      unknot_playhead_seek (self->playhead, now,
                            unknot_timeline_cursor_get_start (self->cursor, index));
      enter_segment (self, index, unknot_timeline_cursor_get_entry_active (self->cursor));
    }
  else
    {
      gint64 active = unknot_playhead_get_active (self->playhead, now);

      unknot_timeline_cursor_set_delivered (self->cursor,
                                            unknot_playhead_get_position (self->playhead, now));
      unknot_timeline_cursor_leave (self->cursor, UNKNOT_LEAVE_ABANDONED, active);
      unknot_playhead_seek (self->playhead, now,
                            unknot_timeline_cursor_get_start (self->cursor, target));
      enter_segment (self, target, active);
    }
  settle (self, now);
}

/* Ends the session before its end, from any state but FINISHED; the segment under way
 * is reported as not completed. */
void
unknot_session_machine_stop (UnknotSessionMachine *self)
{
  gint64 now;


  if (self->state == UNKNOT_SESSION_FINISHED || self->state == UNKNOT_SESSION_STOPPED)
    return;

  now = unknot_clock_get_time (self->clock);
  if (self->state != UNKNOT_SESSION_READY && !catch_up_and_check (self, now))
    return;

  if (is_under_way (self))
    {
      unknot_timeline_cursor_set_delivered (self->cursor,
                                            unknot_playhead_get_position (self->playhead, now));
      unknot_timeline_cursor_leave (self->cursor, UNKNOT_LEAVE_ABANDONED,
                                    unknot_playhead_get_active (self->playhead, now));
      unknot_playhead_hold (self->playhead, now);
    }
  set_state (self, UNKNOT_SESSION_STOPPED);
  settle (self, now);
}

/* Whether the segment under way is one that unknot_session_add_time() lengthens. */
gboolean
unknot_session_machine_can_add_time (UnknotSessionMachine *self)
{
  UnknotSegment *segment;

  if (!is_under_way (self))
    return FALSE;
  segment = unknot_timeline_cursor_get_segment (self->cursor);
  return segment != NULL && unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_STEP;
}

/* See unknot_session_add_time(). */
void
unknot_session_machine_add_time (UnknotSessionMachine *self)
{
  gint64 now;

  now = unknot_clock_get_time (self->clock);
  if (!is_under_way (self) || !catch_up_and_check (self, now))
    return;
  /* Checked after catching up: the step may have ended meanwhile. */
  if (!unknot_session_machine_can_add_time (self))
    {
      settle (self, now);
      return;
    }

  unknot_timeline_cursor_add_time (self->cursor, UNKNOT_SESSION_ADD_TIME_MS);
  mark_dirty (self, UNKNOT_SESSION_PROP_SEGMENT);
  mark_dirty (self, UNKNOT_SESSION_PROP_REMAINING);
  mark_dirty (self, UNKNOT_SESSION_PROP_PROGRESS);
  settle (self, now);
}
