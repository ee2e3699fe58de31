/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-session.h"

#include "unknot-session-emitter.h"
#include "unknot-session-machine.h"
#include "unknot-timeline.h"
#include "unknot-timeline-cursor.h"

/* UnknotSession runs a routine: the state machine between READY and FINISHED or
 * STOPPED, the timeline of segments (see unknot-timeline.c) and the cues, each at its
 * exact time on an UnknotClock.
 *
 * Time. Everything the session reports (durations, remaining, elapsed, cue offsets) is
 * routine time; `speed` only changes how fast routine time passes on the clock. The
 * position in routine time comes from an UnknotPlayhead, computed from the clock and
 * never counted down, and the session keeps exactly one clock deadline: the next cue,
 * segment end or whole second left. When it wakes, however late, it catches up on
 * every cue that fell due in between, in order, and lands on the right segment.
 *
 * Cues at one instant come in this order, always:
 *   1. the ending segment's end cue: SWITCH_SIDES after a left side, STEP_END after a
 *      step's last side (also when the segment is skipped with next);
 *   2. ROUTINE_COMPLETE if that was the last segment, else SEGMENT_START of the next;
 *   3. cues inside the segment at that time: STEP_CUE before COUNTDOWN.
 * ::segment-finished for a segment comes right after its end cue, before whatever
 * starts next. A switch gap of 0 therefore gives SWITCH_SIDES right before the right
 * side's SEGMENT_START.
 *
 * Signals are emitted only after the session has fully updated, and property
 * notifications after the signals of the same update: a handler sees the state of the
 * latest instant, so it should read the cue's own segment and offset. Handlers may
 * call any method; what that causes is emitted after the signals already due.
 *
 * This file is the session's face: its properties, signals and settings, and the checks
 * on what callers give. The state machine on the clock is an UnknotSessionMachine, where
 * the session is in its plan and which cues that gives an UnknotTimelineCursor, and the
 * queue of what is to be emitted an UnknotSessionEmitter. */
struct _UnknotSession
{
  GObject parent_instance;

  UnknotRoutine *routine;
  gint64 default_prepare;    /* ms */
  gint64 default_switch_gap; /* ms */

  UnknotSessionEmitter *emitter;
  UnknotTimelineCursor *cursor;
  UnknotSessionMachine *machine;
};

/* Short names for the ids unknot-session-emitter.h gives the properties. */
#define PROP_ROUTINE            UNKNOT_SESSION_PROP_ROUTINE
#define PROP_CLOCK              UNKNOT_SESSION_PROP_CLOCK
#define PROP_STATE              UNKNOT_SESSION_PROP_STATE
#define PROP_SEGMENT            UNKNOT_SESSION_PROP_SEGMENT
#define PROP_SEGMENT_INDEX      UNKNOT_SESSION_PROP_SEGMENT_INDEX
#define PROP_N_SEGMENTS         UNKNOT_SESSION_PROP_N_SEGMENTS
#define PROP_REMAINING          UNKNOT_SESSION_PROP_REMAINING
#define PROP_ELAPSED            UNKNOT_SESSION_PROP_ELAPSED
#define PROP_PROGRESS           UNKNOT_SESSION_PROP_PROGRESS
#define PROP_SPEED              UNKNOT_SESSION_PROP_SPEED
#define PROP_COUNTDOWN_TICKS    UNKNOT_SESSION_PROP_COUNTDOWN_TICKS
#define PROP_DEFAULT_PREPARE    UNKNOT_SESSION_PROP_DEFAULT_PREPARE
#define PROP_DEFAULT_SWITCH_GAP UNKNOT_SESSION_PROP_DEFAULT_SWITCH_GAP
#define N_PROPS                 UNKNOT_SESSION_N_PROPS

enum
{
  CUE,
  SEGMENT_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define US_PER_MS     G_GINT64_CONSTANT (1000)
#define US_PER_SECOND G_GINT64_CONSTANT (1000000)

G_DEFINE_ENUM_TYPE (UnknotSessionState, unknot_session_state,
                    G_DEFINE_ENUM_VALUE (UNKNOT_SESSION_READY, "ready"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_SESSION_RUNNING, "running"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_SESSION_PAUSED, "paused"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_SESSION_FINISHED, "finished"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_SESSION_STOPPED, "stopped"))

G_DEFINE_FINAL_TYPE (UnknotSession, unknot_session, G_TYPE_OBJECT)

/* ---- the plan ------------------------------------------------------------------------- */

static void
mark_dirty (UnknotSession *self,
            guint          prop_id)
{
  unknot_session_emitter_mark_dirty (self->emitter, prop_id);
}

static void
replan (UnknotSession *self)
{
  unknot_timeline_cursor_set_plan (self->cursor,
                                   unknot_timeline_plan (self->routine, self->default_prepare,
                                                         self->default_switch_gap));
  mark_dirty (self, PROP_N_SEGMENTS);
  mark_dirty (self, PROP_SEGMENT);
  mark_dirty (self, PROP_REMAINING);
  mark_dirty (self, PROP_PROGRESS);
}

/* ---- GObject -------------------------------------------------------------------------- */

static void
unknot_session_constructed (GObject *object)
{
  UnknotSession *self = UNKNOT_SESSION (object);

  G_OBJECT_CLASS (unknot_session_parent_class)->constructed (object);

  g_assert (self->routine != NULL);
  if (unknot_session_machine_get_clock (self->machine) == NULL)
    unknot_session_machine_set_clock (self->machine,
                                      g_object_ref (unknot_clock_get_default ()));
  unknot_timeline_cursor_set_plan (self->cursor,
                                   unknot_timeline_plan (self->routine, self->default_prepare,
                                                         self->default_switch_gap));
  unknot_session_machine_plan_made (self->machine);
  unknot_session_emitter_forget_dirty (self->emitter);
}

static void
unknot_session_dispose (GObject *object)
{
  UnknotSession *self = UNKNOT_SESSION (object);

  unknot_session_machine_stop_waking (self->machine);
  unknot_session_emitter_clear (self->emitter);

  G_OBJECT_CLASS (unknot_session_parent_class)->dispose (object);
}

static void
unknot_session_finalize (GObject *object)
{
  UnknotSession *self = UNKNOT_SESSION (object);

  g_clear_object (&self->routine);
  g_clear_pointer (&self->machine, unknot_session_machine_free);
  g_clear_pointer (&self->cursor, unknot_timeline_cursor_free);
  g_clear_pointer (&self->emitter, unknot_session_emitter_free);

  G_OBJECT_CLASS (unknot_session_parent_class)->finalize (object);
}

static void
unknot_session_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  UnknotSession *self = UNKNOT_SESSION (object);

  switch (prop_id)
    {
    case PROP_ROUTINE: g_value_set_object (value, self->routine); break;
    case PROP_CLOCK: g_value_set_object (value, unknot_session_get_clock (self)); break;
    case PROP_STATE: g_value_set_enum (value, unknot_session_get_state (self)); break;
    case PROP_SEGMENT: g_value_set_object (value, unknot_session_get_segment (self)); break;
    case PROP_SEGMENT_INDEX:
      g_value_set_uint (value, unknot_session_get_segment_index (self));
      break;
    case PROP_N_SEGMENTS: g_value_set_uint (value, unknot_session_get_n_segments (self)); break;
    case PROP_REMAINING: g_value_set_int64 (value, unknot_session_get_remaining (self)); break;
    case PROP_ELAPSED: g_value_set_int64 (value, unknot_session_get_elapsed (self)); break;
    case PROP_PROGRESS: g_value_set_double (value, unknot_session_get_progress (self)); break;
    case PROP_SPEED: g_value_set_double (value, unknot_session_get_speed (self)); break;
    case PROP_COUNTDOWN_TICKS:
      g_value_set_boolean (value, unknot_session_get_countdown_ticks (self));
      break;
    case PROP_DEFAULT_PREPARE: g_value_set_int64 (value, self->default_prepare); break;
    case PROP_DEFAULT_SWITCH_GAP: g_value_set_int64 (value, self->default_switch_gap); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_session_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  UnknotSession *self = UNKNOT_SESSION (object);

  switch (prop_id)
    {
    case PROP_ROUTINE: self->routine = g_value_dup_object (value); break;
    case PROP_CLOCK:
      if (g_value_get_object (value) != NULL)
        unknot_session_machine_set_clock (self->machine, g_value_dup_object (value));
      break;
    case PROP_SPEED: unknot_session_set_speed (self, g_value_get_double (value)); break;
    case PROP_COUNTDOWN_TICKS:
      unknot_session_set_countdown_ticks (self, g_value_get_boolean (value));
      break;
    case PROP_DEFAULT_PREPARE:
      unknot_session_set_default_prepare (self, g_value_get_int64 (value));
      break;
    case PROP_DEFAULT_SWITCH_GAP:
      unknot_session_set_default_switch_gap (self, g_value_get_int64 (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                G_PARAM_STATIC_STRINGS;
  const GParamFlags construct_only = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                     G_PARAM_STATIC_STRINGS;
  const GParamFlags settable = G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                               G_PARAM_STATIC_STRINGS;

  properties[PROP_ROUTINE] =
    g_param_spec_object ("routine", NULL, NULL, UNKNOT_TYPE_ROUTINE, construct_only);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, UNKNOT_TYPE_CLOCK, construct_only);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, UNKNOT_TYPE_SESSION_STATE, UNKNOT_SESSION_READY,
                       read_only);
  properties[PROP_SEGMENT] =
    g_param_spec_object ("segment", NULL, NULL, UNKNOT_TYPE_SEGMENT, read_only);
  properties[PROP_SEGMENT_INDEX] =
    g_param_spec_uint ("segment-index", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_N_SEGMENTS] =
    g_param_spec_uint ("n-segments", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_REMAINING] =
    g_param_spec_int64 ("remaining", NULL, NULL, 0, G_MAXINT64, 0, read_only);
  properties[PROP_ELAPSED] =
    g_param_spec_int64 ("elapsed", NULL, NULL, 0, G_MAXINT64, 0, read_only);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0, read_only);
  properties[PROP_SPEED] =
    g_param_spec_double ("speed", NULL, NULL, 0.01, 1000.0, 1.0, settable);
  properties[PROP_COUNTDOWN_TICKS] =
    g_param_spec_boolean ("countdown-ticks", NULL, NULL, TRUE, settable);
  properties[PROP_DEFAULT_PREPARE] =
    g_param_spec_int64 ("default-prepare", NULL, NULL, 0, UNKNOT_PREPARE_MAX_MS,
                        UNKNOT_DEFAULT_PREPARE_MS, settable);
  properties[PROP_DEFAULT_SWITCH_GAP] =
    g_param_spec_int64 ("default-switch-gap", NULL, NULL, 0, UNKNOT_SWITCH_GAP_MAX_MS,
                        UNKNOT_DEFAULT_SWITCH_GAP_MS, settable);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_session_class_init (UnknotSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = unknot_session_constructed;
  object_class->dispose = unknot_session_dispose;
  object_class->finalize = unknot_session_finalize;
  object_class->get_property = unknot_session_get_property;
  object_class->set_property = unknot_session_set_property;

  install_properties (object_class);

  /**
   * UnknotSession::cue:
   * @event: what to announce; ref it to keep it
   *
   * A cue is due. See the top of unknot-session.c for the order of cues that fall on
   * the same instant.
   */
  signals[CUE] =
    g_signal_new ("cue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, UNKNOT_TYPE_CUE_EVENT | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * UnknotSession::segment-finished:
   * @segment: the segment left
   * @active_ms: routine time spent in it, over restarts, without pauses
   * @completed: %TRUE if it ran to its end, %FALSE if skipped, left backwards or stopped
   *
   * The session left a segment it had entered; every entered segment gets exactly one.
   */
  signals[SEGMENT_FINISHED] =
    g_signal_new ("segment-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3,
                  UNKNOT_TYPE_SEGMENT, G_TYPE_INT64, G_TYPE_BOOLEAN);
}

static void
unknot_session_init (UnknotSession *self)
{
  self->default_prepare = UNKNOT_DEFAULT_PREPARE_MS;
  self->default_switch_gap = UNKNOT_DEFAULT_SWITCH_GAP_MS;
  self->emitter = unknot_session_emitter_new (G_OBJECT (self), signals[CUE],
                                              signals[SEGMENT_FINISHED], properties, N_PROPS);
  self->cursor = unknot_timeline_cursor_new (self->emitter);
  self->machine = unknot_session_machine_new (self->cursor, self->emitter);
}

/**
 * unknot_session_new:
 * @clock: (nullable): where time comes from; by default the real clock
 *
 * A READY session of @routine with the default settings; set `default-prepare`,
 * `default-switch-gap` and `countdown-ticks` from the user's settings before starting.
 */
UnknotSession *
unknot_session_new (UnknotRoutine *routine,
                    UnknotClock   *clock)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (clock == NULL || UNKNOT_IS_CLOCK (clock), NULL);

  return g_object_new (UNKNOT_TYPE_SESSION, "routine", routine, "clock", clock, NULL);
}

/* ---- reading -------------------------------------------------------------------------- */

UnknotRoutine *
unknot_session_get_routine (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), NULL);
  return self->routine;
}

UnknotClock *
unknot_session_get_clock (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), NULL);
  return unknot_session_machine_get_clock (self->machine);
}

UnknotSessionState
unknot_session_get_state (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), UNKNOT_SESSION_READY);
  return unknot_session_machine_get_state (self->machine);
}

/**
 * unknot_session_get_segment:
 *
 * Returns: (transfer none) (nullable): the segment under way; the first before the
 *   start, the last after the end, and %NULL only for a routine without steps
 */
UnknotSegment *
unknot_session_get_segment (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), NULL);
  return unknot_timeline_cursor_get_segment (self->cursor);
}

guint
unknot_session_get_segment_index (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return unknot_timeline_cursor_get_index (self->cursor);
}

guint
unknot_session_get_n_segments (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return unknot_timeline_cursor_get_n_segments (self->cursor);
}

/**
 * unknot_session_get_segment_at:
 *
 * Returns: (transfer none): the segment at @index in the plan, with the time added so far
 */
UnknotSegment *
unknot_session_get_segment_at (UnknotSession *self,
                               guint          index)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), NULL);
  g_return_val_if_fail (index < unknot_session_get_n_segments (self), NULL);
  return unknot_timeline_cursor_get_segment_at (self->cursor, index);
}

/* Routine ms left in the current segment, exact at the moment of the call. */
gint64
unknot_session_get_remaining (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return (unknot_session_machine_get_remaining (self->machine) + US_PER_MS - 1) / US_PER_MS;
}

/* Whole seconds left in the current segment, rounded up as a countdown shows them: the
 * value changes exactly when ::notify::remaining is emitted. */
gint64
unknot_session_get_remaining_seconds (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return (unknot_session_machine_get_remaining (self->machine) + US_PER_SECOND - 1)
         / US_PER_SECOND;
}

/* Routine ms spent while running, pauses excluded, restarts and skips included. */
gint64
unknot_session_get_elapsed (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return unknot_session_machine_get_active (self->machine) / US_PER_MS;
}

/* The planned length of the whole session in ms, with the time added so far. */
gint64
unknot_session_get_total (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return unknot_timeline_cursor_get_total (self->cursor);
}

/* How far through the plan, from 0 to 1; skipping a segment moves it on. */
double
unknot_session_get_progress (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0.0);
  return unknot_session_machine_get_progress (self->machine);
}

/**
 * unknot_session_get_clock_time_at:
 * @position: routine ms from the start of the plan
 *
 * When the session will reach @position if it keeps running as it does, so that a cue
 * player can place a sound ahead of its cue; a pause, a skip or added time changes the
 * answer.
 *
 * Returns: the clock's µs, or -1 when the session is not running
 */
gint64
unknot_session_get_clock_time_at (UnknotSession *self,
                                  gint64         position)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), -1);

  return unknot_session_machine_get_clock_time_at (self->machine, position);
}

/* ---- settings ------------------------------------------------------------------------- */

double
unknot_session_get_speed (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 1.0);
  return unknot_session_machine_get_speed (self->machine);
}

/* Runs routine time @speed times as fast as the clock, from now on; for previews and
 * tests. Nothing else changes: all reported times stay routine time. */
void
unknot_session_set_speed (UnknotSession *self,
                          double         speed)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));
  g_return_if_fail (speed >= 0.01 && speed <= 1000.0);

  unknot_session_machine_set_speed (self->machine, speed);
}

gboolean
unknot_session_get_countdown_ticks (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), TRUE);
  return unknot_timeline_cursor_get_countdown_ticks (self->cursor);
}

/* Whether prepare, step and rest segments tick 3, 2, 1 before they end; takes effect at
 * once, also in the segment under way. */
void
unknot_session_set_countdown_ticks (UnknotSession *self,
                                    gboolean       countdown_ticks)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));

  countdown_ticks = !!countdown_ticks;
  if (countdown_ticks == unknot_timeline_cursor_get_countdown_ticks (self->cursor))
    return;

  mark_dirty (self, PROP_COUNTDOWN_TICKS);
  unknot_session_machine_set_countdown_ticks (self->machine, countdown_ticks);
}

gint64
unknot_session_get_default_prepare (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), UNKNOT_DEFAULT_PREPARE_MS);
  return self->default_prepare;
}

/* The get-ready time for routines without <prepare>. Like the switch gap, it shapes
 * the plan, so a change counts only before the start. */
void
unknot_session_set_default_prepare (UnknotSession *self,
                                    gint64         ms)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));
  g_return_if_fail (ms >= 0 && ms <= UNKNOT_PREPARE_MAX_MS);

  if (ms == self->default_prepare)
    return;

  self->default_prepare = ms;
  mark_dirty (self, PROP_DEFAULT_PREPARE);
  if (!unknot_timeline_cursor_has_plan (self->cursor))
    return;
  if (unknot_session_get_state (self) == UNKNOT_SESSION_READY)
    replan (self);
  unknot_session_emitter_emit (self->emitter);
}

gint64
unknot_session_get_default_switch_gap (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), UNKNOT_DEFAULT_SWITCH_GAP_MS);
  return self->default_switch_gap;
}

/* The gap between sides for steps without switch=""; counts only before the start. */
void
unknot_session_set_default_switch_gap (UnknotSession *self,
                                       gint64         ms)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));
  g_return_if_fail (ms >= 0 && ms <= UNKNOT_SWITCH_GAP_MAX_MS);

  if (ms == self->default_switch_gap)
    return;

  self->default_switch_gap = ms;
  mark_dirty (self, PROP_DEFAULT_SWITCH_GAP);
  if (!unknot_timeline_cursor_has_plan (self->cursor))
    return;
  if (unknot_session_get_state (self) == UNKNOT_SESSION_READY)
    replan (self);
  unknot_session_emitter_emit (self->emitter);
}

/* ---- operations: the machine's; see unknot-session-machine.c ---------------------- */

/* Starts the first segment; only from READY. */
void
unknot_session_start (UnknotSession *self)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));
  unknot_session_machine_start_from (self->machine, 0,
                                     unknot_clock_get_time (unknot_session_get_clock (self)));
}

/**
 * unknot_session_start_from:
 * @index: the segment to begin with; 0 for the whole routine
 * @clock_time: the session clock's µs at which the routine time of that segment falls;
 *   a time already past means now
 *
 * Starts a READY session at any segment, as "Start from this step" does: the time left
 * and the cues from there on are those of the whole routine. Its time stands still
 * until @clock_time, so that what is heard at the start can be placed ahead to leave
 * the speaker at that instant; the start's cues are emitted at once, with their
 * instant in unknot_session_get_clock_time_at().
 */
void
unknot_session_start_from (UnknotSession *self,
                           guint          index,
                           gint64         clock_time)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));
  unknot_session_machine_start_from (self->machine, index, clock_time);
}

/* Freezes time where it is; only while RUNNING. */
void
unknot_session_pause (UnknotSession *self)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));
  unknot_session_machine_pause (self->machine);
}

/* Goes on from where it was paused; only while PAUSED. */
void
unknot_session_resume (UnknotSession *self)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));
  unknot_session_machine_resume (self->machine);
}

/* The one key for everything: start when READY, pause when RUNNING, resume when PAUSED. */
void
unknot_session_toggle (UnknotSession *self)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));
  unknot_session_machine_toggle (self->machine);
}

/**
 * unknot_session_next:
 *
 * Skips the rest of the current segment, with its end cue, and starts the next step:
 * on the left side of a side="each" step that is its right side; from the prepare, a
 * switch gap or a rest, the step that follows. It never lands in a switch gap or a
 * rest, which are skipped over without being entered. With no step left this finishes
 * the routine. A paused session stays paused, at the start of the step. Only while
 * RUNNING or PAUSED.
 */
void
unknot_session_next (UnknotSession *self)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));
  unknot_session_machine_next (self->machine);
}

/**
 * unknot_session_previous:
 *
 * More than %UNKNOT_SESSION_RESTART_AFTER_MS into a step (or the prepare), or with
 * nothing before it, restarts it; otherwise goes back to the start of the step before
 * (the left side, from the right side of a side="each" step), or to the prepare from
 * the first step. From a switch gap or a rest it goes back to the step before them: it
 * never lands in either. A paused session stays paused. Only while RUNNING or PAUSED.
 */
void
unknot_session_previous (UnknotSession *self)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));
  unknot_session_machine_previous (self->machine);
}

/* Ends the session before its end, from any state but FINISHED; the segment under way
 * is reported as not completed. */
void
unknot_session_stop (UnknotSession *self)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));
  unknot_session_machine_stop (self->machine);
}

/**
 * unknot_session_add_time:
 *
 * Adds %UNKNOT_SESSION_ADD_TIME_MS to the step under way. On the left side of a
 * side="each" step the right side gets the same, so both sides keep equal time; on the
 * right side only the right side grows, the left being over. The later segments move
 * back, and the current segment is replaced by a longer copy (::notify::segment).
 * Only on a step (see unknot_session_can_add_time()): the prepare, a switch gap or a
 * rest keep their length, since lengthening them would only delay the next step.
 */
void
unknot_session_add_time (UnknotSession *self)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));
  unknot_session_machine_add_time (self->machine);
}

/* Whether unknot_session_add_time() would lengthen anything now: RUNNING or PAUSED, on
 * a step. It changes with ::notify::segment and ::notify::state. */
gboolean
unknot_session_can_add_time (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), FALSE);
  return unknot_session_machine_can_add_time (self->machine);
}
