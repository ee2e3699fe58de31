/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-session.h"

#include "unknot-playhead.h"
#include "unknot-timeline.h"

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
 * call any method; what that causes is emitted after the signals already due. */
struct _UnknotSession
{
  GObject parent_instance;

  UnknotRoutine *routine;
  UnknotClock *clock;
  UnknotPlayhead *playhead;
  gint64 default_prepare;    /* ms */
  gint64 default_switch_gap; /* ms */
  gboolean countdown_ticks;

  UnknotSessionState state;
  GPtrArray *segments;       /* of UnknotSegment, the plan; add_time retimes it */
  guint index;               /* of the current segment */
  GArray *inner_cues;        /* of UnknotInnerCue: the current segment's */
  guint next_inner_cue;
  gint64 delivered;          /* routine µs up to which cues have been queued */
  gint64 entry_active;       /* active µs when the current segment was entered */
  gint64 shown_seconds;      /* whole seconds left as last notified */
  guint wake_id;             /* the clock deadline, or 0 */

  GQueue pending;            /* of Emission: signals due, in order */
  gboolean emitting;
  guint dirty;               /* 1 << property id of each property to notify */
};

enum
{
  PROP_0,
  PROP_ROUTINE,
  PROP_CLOCK,
  PROP_STATE,
  PROP_SEGMENT,
  PROP_SEGMENT_INDEX,
  PROP_N_SEGMENTS,
  PROP_REMAINING,
  PROP_ELAPSED,
  PROP_PROGRESS,
  PROP_SPEED,
  PROP_COUNTDOWN_TICKS,
  PROP_DEFAULT_PREPARE,
  PROP_DEFAULT_SWITCH_GAP,
  N_PROPS
};

enum
{
  CUE,
  SEGMENT_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* How the session leaves a segment: only ENDED counts as done; ENDED and SKIPPED give
 * the end cues, since the user still needs to hear "switch sides". */
typedef enum
{
  LEAVE_ENDED,
  LEAVE_SKIPPED,
  LEAVE_ABANDONED,
} LeaveReason;

/* A signal waiting to be emitted: a cue, or else a segment-finished report. */
typedef struct
{
  UnknotCueEvent *cue;
  UnknotSegment *segment;
  gint64 active_ms;
  gboolean completed;
} Emission;

#define US_PER_MS     G_GINT64_CONSTANT (1000)
#define US_PER_SECOND G_GINT64_CONSTANT (1000000)

G_DEFINE_ENUM_TYPE (UnknotSessionState, unknot_session_state,
                    G_DEFINE_ENUM_VALUE (UNKNOT_SESSION_READY, "ready"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_SESSION_RUNNING, "running"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_SESSION_PAUSED, "paused"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_SESSION_FINISHED, "finished"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_SESSION_STOPPED, "stopped"))

G_DEFINE_FINAL_TYPE (UnknotSession, unknot_session, G_TYPE_OBJECT)

/* ---- the plan ------------------------------------------------------------------------ */

static UnknotSegment *
current_segment (UnknotSession *self)
{
  if (self->segments->len == 0)
    return NULL;
  return g_ptr_array_index (self->segments, self->index);
}

static gint64
start_us (UnknotSegment *segment)
{
  return unknot_segment_get_start (segment) * US_PER_MS;
}

static gint64
end_us (UnknotSegment *segment)
{
  return unknot_segment_get_end (segment) * US_PER_MS;
}

static gboolean
is_under_way (UnknotSession *self)
{
  return self->state == UNKNOT_SESSION_RUNNING || self->state == UNKNOT_SESSION_PAUSED;
}

static void
mark_dirty (UnknotSession *self,
            guint          prop_id)
{
  self->dirty |= 1u << prop_id;
}

static void
set_state (UnknotSession      *self,
           UnknotSessionState  state)
{
  self->state = state;
  mark_dirty (self, PROP_STATE);
  mark_dirty (self, PROP_ELAPSED);
  mark_dirty (self, PROP_PROGRESS);
}

static void
replan (UnknotSession *self)
{
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  self->segments = unknot_timeline_plan (self->routine, self->default_prepare,
                                         self->default_switch_gap);
  self->index = 0;
  mark_dirty (self, PROP_N_SEGMENTS);
  mark_dirty (self, PROP_SEGMENT);
  mark_dirty (self, PROP_REMAINING);
  mark_dirty (self, PROP_PROGRESS);
}

/* ---- emitting, always after the state is complete -------------------------------------- */

static void
emission_free (gpointer data)
{
  Emission *emission = data;

  g_clear_pointer (&emission->cue, unknot_cue_event_unref);
  g_clear_object (&emission->segment);
  g_free (emission);
}

static void
queue_cue (UnknotSession      *self,
           UnknotCueEventKind  kind,
           UnknotSegment      *segment,
           guint               countdown,
           const char         *text)
{
  Emission *emission = g_new0 (Emission, 1);

  emission->cue = unknot_cue_event_new (kind, segment, self->delivered / US_PER_MS,
                                        countdown, text);
  g_queue_push_tail (&self->pending, emission);
}

static void
queue_segment_finished (UnknotSession *self,
                        UnknotSegment *segment,
                        gint64         active_us,
                        gboolean       completed)
{
  Emission *emission = g_new0 (Emission, 1);

  emission->segment = g_object_ref (segment);
  emission->active_ms = active_us / US_PER_MS;
  emission->completed = completed;
  g_queue_push_tail (&self->pending, emission);
}

static void
emit_one (UnknotSession *self,
          Emission      *emission)
{
  if (emission->cue != NULL)
    g_signal_emit (self, signals[CUE], 0, emission->cue);
  else
    g_signal_emit (self, signals[SEGMENT_FINISHED], 0, emission->segment, emission->active_ms,
                   emission->completed);
}

static void
notify_dirty (UnknotSession *self)
{
  guint dirty = self->dirty;

  self->dirty = 0;
  for (guint prop_id = 1; prop_id < N_PROPS; prop_id++)
    if (dirty & (1u << prop_id))
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* A call from a handler only queues more: the outermost call emits it all, in order. */
static void
emit_pending (UnknotSession *self)
{
  if (self->emitting)
    return;

  self->emitting = TRUE;
  g_object_ref (self);
  while (!g_queue_is_empty (&self->pending) || self->dirty != 0)
    {
      Emission *emission = g_queue_pop_head (&self->pending);

      if (emission == NULL)
        {
          notify_dirty (self);
          continue;
        }
      emit_one (self, emission);
      emission_free (emission);
    }
  self->emitting = FALSE;
  g_object_unref (self);
}

/* ---- moving through the timeline ------------------------------------------------------ */

static gint64
inner_cue_position (UnknotSession *self,
                    guint          index)
{
  const UnknotInnerCue *cue = &g_array_index (self->inner_cues, UnknotInnerCue, index);
  return start_us (current_segment (self)) + cue->offset * US_PER_MS;
}

/* Loads the current segment's inner cues, counting those up to @delivered as done. */
static void
load_inner_cues (UnknotSession *self,
                 gint64         delivered)
{
  g_clear_pointer (&self->inner_cues, g_array_unref);
  self->inner_cues = unknot_timeline_inner_cues (current_segment (self), self->countdown_ticks);
  self->next_inner_cue = 0;
  while (self->next_inner_cue < self->inner_cues->len &&
         inner_cue_position (self, self->next_inner_cue) <= delivered)
    self->next_inner_cue++;
}

static void
queue_inner_cues_until (UnknotSession *self,
                        gint64         position)
{
  while (self->next_inner_cue < self->inner_cues->len &&
         inner_cue_position (self, self->next_inner_cue) <= position)
    {
      const UnknotInnerCue *cue =
        &g_array_index (self->inner_cues, UnknotInnerCue, self->next_inner_cue++);

      self->delivered = start_us (current_segment (self)) + cue->offset * US_PER_MS;
      queue_cue (self, cue->kind, current_segment (self), cue->countdown, cue->text);
    }
}

/* @entry_active: the active time at which the segment counts as entered; a restart
 * keeps the first entry, so ::segment-finished reports the whole visit. */
static void
enter_segment (UnknotSession *self,
               guint          index,
               gint64         entry_active)
{
  self->index = index;
  self->delivered = start_us (current_segment (self));
  self->entry_active = entry_active;
  load_inner_cues (self, self->delivered - 1);
  queue_cue (self, UNKNOT_CUE_EVENT_SEGMENT_START, current_segment (self), 0, NULL);
  queue_inner_cues_until (self, self->delivered);

  mark_dirty (self, PROP_SEGMENT);
  mark_dirty (self, PROP_SEGMENT_INDEX);
  mark_dirty (self, PROP_REMAINING);
  mark_dirty (self, PROP_PROGRESS);
}

static void
leave_segment (UnknotSession *self,
               LeaveReason    reason,
               gint64         active)
{
  UnknotSegment *segment = current_segment (self);

  if (reason != LEAVE_ABANDONED && unknot_segment_is_first_side (segment))
    queue_cue (self, UNKNOT_CUE_EVENT_SWITCH_SIDES, segment, 0, NULL);
  if (reason != LEAVE_ABANDONED && unknot_segment_ends_step (segment))
    queue_cue (self, UNKNOT_CUE_EVENT_STEP_END, segment, 0, NULL);
  queue_segment_finished (self, segment, active - self->entry_active, reason == LEAVE_ENDED);
}

static void
finish (UnknotSession *self,
        gint64         active)
{
  unknot_playhead_rest_at (self->playhead, end_us (current_segment (self)), active);
  set_state (self, UNKNOT_SESSION_FINISHED);
  queue_cue (self, UNKNOT_CUE_EVENT_ROUTINE_COMPLETE, current_segment (self), 0, NULL);
}

/* After the current segment is left at @active: on to the next one, or the end. */
static void
enter_next_or_finish (UnknotSession *self,
                      gint64         active)
{
  if (self->index + 1 < self->segments->len)
    enter_segment (self, self->index + 1, active);
  else
    finish (self, active);
}

/* Queues every cue due by @now, crossing as many segment ends as a late wake-up needs.
 * Natural ends do not move the playhead: the next segment starts where the last ended. */
static void
catch_up (UnknotSession *self,
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
      gint64 end = end_us (current_segment (self));
      gint64 active_at_end;

      queue_inner_cues_until (self, MIN (target, end));
      if (target < end)
        {
          self->delivered = MAX (self->delivered, target);
          return;
        }
      self->delivered = end;
      active_at_end = active_now - (target - end);
      leave_segment (self, LEAVE_ENDED, active_at_end);
      enter_next_or_finish (self, active_at_end);
    }
}

/* ---- waking up ---------------------------------------------------------------------- */

static gint64
remaining_us (UnknotSession *self,
              gint64         now)
{
  UnknotSegment *segment = current_segment (self);
  gint64 duration;

  if (segment == NULL || self->state == UNKNOT_SESSION_FINISHED)
    return 0;
  duration = unknot_segment_get_duration (segment) * US_PER_MS;
  if (self->state == UNKNOT_SESSION_READY)
    return duration;
  return CLAMP (end_us (segment) - unknot_playhead_get_position (self->playhead, now),
                0, duration);
}

/* The position at which the whole seconds left next change: a label showing them then
 * turns exactly on the second, however the segment was paused or lengthened. */
static gint64
next_second_position (UnknotSession *self)
{
  gint64 end = end_us (current_segment (self));
  gint64 seconds_after = (end - self->delivered - 1) / US_PER_SECOND;

  return end - seconds_after * US_PER_SECOND;
}

static gint64
next_wake_position (UnknotSession *self)
{
  gint64 next = next_second_position (self);

  if (self->next_inner_cue < self->inner_cues->len)
    next = MIN (next, inner_cue_position (self, self->next_inner_cue));
  return next;
}

static void on_wake (gpointer data);

static void
schedule_wake (UnknotSession *self,
               gint64         now)
{
  gint64 deadline;

  if (self->wake_id != 0)
    unknot_clock_remove_deadline (self->clock, self->wake_id);
  self->wake_id = 0;
  if (self->state != UNKNOT_SESSION_RUNNING)
    return;

  /* Never now or earlier: rounding at odd speeds must not make the clock spin. */
  deadline = unknot_playhead_get_wall_time (self->playhead, next_wake_position (self));
  self->wake_id = unknot_clock_add_deadline (self->clock, MAX (deadline, now + 1), on_wake, self);
}

static void
note_seconds_shown (UnknotSession *self,
                    gint64         now)
{
  gint64 seconds = (remaining_us (self, now) + US_PER_SECOND - 1) / US_PER_SECOND;

  if (seconds == self->shown_seconds)
    return;
  self->shown_seconds = seconds;
  mark_dirty (self, PROP_REMAINING);
  mark_dirty (self, PROP_ELAPSED);
  mark_dirty (self, PROP_PROGRESS);
}

/* Ends every operation: queue what fell due, plan the next wake-up, then emit. */
static void
settle (UnknotSession *self,
        gint64         now)
{
  catch_up (self, now);
  note_seconds_shown (self, now);
  schedule_wake (self, now);
  emit_pending (self);
}

static void
on_wake (gpointer data)
{
  UnknotSession *self = data;

  self->wake_id = 0;
  settle (self, unknot_clock_get_time (self->clock));
}

/* ---- GObject -------------------------------------------------------------------------- */

static void
unknot_session_constructed (GObject *object)
{
  UnknotSession *self = UNKNOT_SESSION (object);

  G_OBJECT_CLASS (unknot_session_parent_class)->constructed (object);

  g_assert (self->routine != NULL);
  if (self->clock == NULL)
    self->clock = g_object_ref (unknot_clock_get_default ());
  self->segments = unknot_timeline_plan (self->routine, self->default_prepare,
                                         self->default_switch_gap);
  self->shown_seconds = (remaining_us (self, 0) + US_PER_SECOND - 1) / US_PER_SECOND;
  self->dirty = 0;
}

static void
unknot_session_dispose (GObject *object)
{
  UnknotSession *self = UNKNOT_SESSION (object);

  if (self->wake_id != 0)
    unknot_clock_remove_deadline (self->clock, self->wake_id);
  self->wake_id = 0;
  g_queue_clear_full (&self->pending, emission_free);

  G_OBJECT_CLASS (unknot_session_parent_class)->dispose (object);
}

static void
unknot_session_finalize (GObject *object)
{
  UnknotSession *self = UNKNOT_SESSION (object);

  g_clear_object (&self->routine);
  g_clear_object (&self->clock);
  g_clear_object (&self->playhead);
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_clear_pointer (&self->inner_cues, g_array_unref);

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
    case PROP_CLOCK: g_value_set_object (value, self->clock); break;
    case PROP_STATE: g_value_set_enum (value, self->state); break;
    case PROP_SEGMENT: g_value_set_object (value, unknot_session_get_segment (self)); break;
    case PROP_SEGMENT_INDEX: g_value_set_uint (value, self->index); break;
    case PROP_N_SEGMENTS: g_value_set_uint (value, self->segments->len); break;
    case PROP_REMAINING: g_value_set_int64 (value, unknot_session_get_remaining (self)); break;
    case PROP_ELAPSED: g_value_set_int64 (value, unknot_session_get_elapsed (self)); break;
    case PROP_PROGRESS: g_value_set_double (value, unknot_session_get_progress (self)); break;
    case PROP_SPEED: g_value_set_double (value, unknot_session_get_speed (self)); break;
    case PROP_COUNTDOWN_TICKS: g_value_set_boolean (value, self->countdown_ticks); break;
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
    case PROP_CLOCK: self->clock = g_value_dup_object (value); break;
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
  self->playhead = unknot_playhead_new ();
  self->countdown_ticks = TRUE;
  self->default_prepare = UNKNOT_DEFAULT_PREPARE_MS;
  self->default_switch_gap = UNKNOT_DEFAULT_SWITCH_GAP_MS;
  g_queue_init (&self->pending);
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

static gint64
clock_now (UnknotSession *self)
{
  return unknot_clock_get_time (self->clock);
}

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
  return self->clock;
}

UnknotSessionState
unknot_session_get_state (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), UNKNOT_SESSION_READY);
  return self->state;
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
  return current_segment (self);
}

guint
unknot_session_get_segment_index (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return self->index;
}

guint
unknot_session_get_n_segments (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return self->segments->len;
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
  g_return_val_if_fail (index < self->segments->len, NULL);
  return g_ptr_array_index (self->segments, index);
}

/* Routine ms left in the current segment, exact at the moment of the call. */
gint64
unknot_session_get_remaining (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return (remaining_us (self, clock_now (self)) + US_PER_MS - 1) / US_PER_MS;
}

/* Whole seconds left in the current segment, rounded up as a countdown shows them: the
 * value changes exactly when ::notify::remaining is emitted. */
gint64
unknot_session_get_remaining_seconds (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return (remaining_us (self, clock_now (self)) + US_PER_SECOND - 1) / US_PER_SECOND;
}

/* Routine ms spent while running, pauses excluded, restarts and skips included. */
gint64
unknot_session_get_elapsed (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return unknot_playhead_get_active (self->playhead, clock_now (self)) / US_PER_MS;
}

/* The planned length of the whole session in ms, with the time added so far. */
gint64
unknot_session_get_total (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);

  if (self->segments->len == 0)
    return 0;
  return unknot_segment_get_end (g_ptr_array_index (self->segments, self->segments->len - 1));
}

/* How far through the plan, from 0 to 1; skipping a segment moves it on. */
double
unknot_session_get_progress (UnknotSession *self)
{
  gint64 total;
  gint64 position;

  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0.0);

  total = unknot_session_get_total (self) * US_PER_MS;
  if (self->state == UNKNOT_SESSION_FINISHED)
    return 1.0;
  if (total <= 0)
    return 0.0;
  position = unknot_playhead_get_position (self->playhead, clock_now (self));
  return (double) CLAMP (position, 0, total) / (double) total;
}

/* ---- settings ------------------------------------------------------------------------- */

double
unknot_session_get_speed (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 1.0);
  return unknot_playhead_get_speed (self->playhead);
}

/* Runs routine time @speed times as fast as the clock, from now on; for previews and
 * tests. Nothing else changes: all reported times stay routine time. */
void
unknot_session_set_speed (UnknotSession *self,
                          double         speed)
{
  gint64 now;

  g_return_if_fail (UNKNOT_IS_SESSION (self));
  g_return_if_fail (speed >= 0.01 && speed <= 1000.0);

  if (speed == unknot_playhead_get_speed (self->playhead))
    return;

  /* During construction there is no clock yet, and no time to catch up on. */
  now = self->clock != NULL ? clock_now (self) : 0;
  catch_up (self, now);
  unknot_playhead_set_speed (self->playhead, now, speed);
  mark_dirty (self, PROP_SPEED);
  if (self->segments != NULL)
    settle (self, now);
}

gboolean
unknot_session_get_countdown_ticks (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), TRUE);
  return self->countdown_ticks;
}

/* Whether prepare, step and rest segments tick 3, 2, 1 before they end; takes effect at
 * once, also in the segment under way. */
void
unknot_session_set_countdown_ticks (UnknotSession *self,
                                    gboolean       countdown_ticks)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));

  countdown_ticks = !!countdown_ticks;
  if (countdown_ticks == self->countdown_ticks)
    return;

  self->countdown_ticks = countdown_ticks;
  mark_dirty (self, PROP_COUNTDOWN_TICKS);
  if (self->segments == NULL)
    return;
  catch_up (self, clock_now (self));
  if (is_under_way (self))
    load_inner_cues (self, self->delivered);
  settle (self, clock_now (self));
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
  if (self->segments == NULL)
    return;
  if (self->state == UNKNOT_SESSION_READY)
    replan (self);
  emit_pending (self);
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
  if (self->segments == NULL)
    return;
  if (self->state == UNKNOT_SESSION_READY)
    replan (self);
  emit_pending (self);
}

/* ---- operations ----------------------------------------------------------------------- */

/* Starts the first segment; only from READY. */
void
unknot_session_start (UnknotSession *self)
{
  gint64 now;

  g_return_if_fail (UNKNOT_IS_SESSION (self));

  if (self->state != UNKNOT_SESSION_READY)
    return;

  now = clock_now (self);
  if (self->segments->len == 0)
    {
      set_state (self, UNKNOT_SESSION_FINISHED);
      emit_pending (self);
      return;
    }

  unknot_playhead_move (self->playhead, now);
  set_state (self, UNKNOT_SESSION_RUNNING);
  enter_segment (self, 0, 0);
  settle (self, now);
}

/* Freezes time where it is; only while RUNNING. */
void
unknot_session_pause (UnknotSession *self)
{
  gint64 now;

  g_return_if_fail (UNKNOT_IS_SESSION (self));

  if (self->state != UNKNOT_SESSION_RUNNING)
    return;

  now = clock_now (self);
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
unknot_session_resume (UnknotSession *self)
{
  gint64 now;

  g_return_if_fail (UNKNOT_IS_SESSION (self));

  if (self->state != UNKNOT_SESSION_PAUSED)
    return;

  now = clock_now (self);
  unknot_playhead_move (self->playhead, now);
  set_state (self, UNKNOT_SESSION_RUNNING);
  settle (self, now);
}

/* The one key for everything: start when READY, pause when RUNNING, resume when PAUSED. */
void
unknot_session_toggle (UnknotSession *self)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));

  switch (self->state)
    {
    case UNKNOT_SESSION_READY: unknot_session_start (self); break;
    case UNKNOT_SESSION_RUNNING: unknot_session_pause (self); break;
    case UNKNOT_SESSION_PAUSED: unknot_session_resume (self); break;
    case UNKNOT_SESSION_FINISHED:
    case UNKNOT_SESSION_STOPPED:
    default:
      break;
    }
}

/* Catches up and tells whether an operation on the segment under way still applies: a
 * late main loop may have finished the routine meanwhile. */
static gboolean
catch_up_and_check (UnknotSession *self,
                    gint64         now)
{
  catch_up (self, now);
  if (is_under_way (self))
    return TRUE;
  settle (self, now);
  return FALSE;
}

/**
 * unknot_session_next:
 *
 * Skips the rest of the current segment, with its end cue, and starts the next one;
 * on the last segment this finishes the routine. A paused session stays paused, at
 * the start of the next segment. Only while RUNNING or PAUSED.
 */
void
unknot_session_next (UnknotSession *self)
{
  gint64 now;
  gint64 active;

  g_return_if_fail (UNKNOT_IS_SESSION (self));

  now = clock_now (self);
  if (!is_under_way (self) || !catch_up_and_check (self, now))
    return;

  self->delivered = unknot_playhead_get_position (self->playhead, now);
  active = unknot_playhead_get_active (self->playhead, now);
  leave_segment (self, LEAVE_SKIPPED, active);
  if (self->index + 1 < self->segments->len)
    {
      UnknotSegment *next = g_ptr_array_index (self->segments, self->index + 1);
      unknot_playhead_seek (self->playhead, now, start_us (next));
    }
  enter_next_or_finish (self, active);
  settle (self, now);
}

/**
 * unknot_session_previous:
 *
 * More than %UNKNOT_SESSION_RESTART_AFTER_MS into the current segment, or in the first
 * one, restarts it; otherwise goes back to the start of the segment before. A paused
 * session stays paused. Only while RUNNING or PAUSED.
 */
void
unknot_session_previous (UnknotSession *self)
{
  UnknotSegment *segment;
  gint64 now;
  gint64 into;

  g_return_if_fail (UNKNOT_IS_SESSION (self));

  now = clock_now (self);
  if (!is_under_way (self) || !catch_up_and_check (self, now))
    return;

  segment = current_segment (self);
  into = unknot_playhead_get_position (self->playhead, now) - start_us (segment);
  if (into > UNKNOT_SESSION_RESTART_AFTER_MS * US_PER_MS || self->index == 0)
    {
      unknot_playhead_seek (self->playhead, now, start_us (segment));
      enter_segment (self, self->index, self->entry_active);
    }
  else
    {
      gint64 active = unknot_playhead_get_active (self->playhead, now);
      UnknotSegment *previous = g_ptr_array_index (self->segments, self->index - 1);

      self->delivered = unknot_playhead_get_position (self->playhead, now);
      leave_segment (self, LEAVE_ABANDONED, active);
      unknot_playhead_seek (self->playhead, now, start_us (previous));
      enter_segment (self, self->index - 1, active);
    }
  settle (self, now);
}

/* Ends the session before its end, from any state but FINISHED; the segment under way
 * is reported as not completed. */
void
unknot_session_stop (UnknotSession *self)
{
  gint64 now;

  g_return_if_fail (UNKNOT_IS_SESSION (self));

  if (self->state == UNKNOT_SESSION_FINISHED || self->state == UNKNOT_SESSION_STOPPED)
    return;

  now = clock_now (self);
  if (self->state != UNKNOT_SESSION_READY && !catch_up_and_check (self, now))
    return;

  if (is_under_way (self))
    {
      self->delivered = unknot_playhead_get_position (self->playhead, now);
      leave_segment (self, LEAVE_ABANDONED, unknot_playhead_get_active (self->playhead, now));
      unknot_playhead_hold (self->playhead, now);
    }
  set_state (self, UNKNOT_SESSION_STOPPED);
  settle (self, now);
}

/**
 * unknot_session_add_time:
 *
 * Adds %UNKNOT_SESSION_ADD_TIME_MS to the segment under way. On the left side of a
 * side="each" step the right side gets the same, so both sides keep equal time; on the
 * right side only the right side grows, the left being over. The later segments move
 * back, and the current segment is replaced by a longer copy (::notify::segment).
 * Only while RUNNING or PAUSED.
 */
void
unknot_session_add_time (UnknotSession *self)
{
  gint64 now;

  g_return_if_fail (UNKNOT_IS_SESSION (self));

  now = clock_now (self);
  if (!is_under_way (self) || !catch_up_and_check (self, now))
    return;

  unknot_timeline_add_time (self->segments, self->index, UNKNOT_SESSION_ADD_TIME_MS);
  load_inner_cues (self, self->delivered);
  mark_dirty (self, PROP_SEGMENT);
  mark_dirty (self, PROP_REMAINING);
  mark_dirty (self, PROP_PROGRESS);
  settle (self, now);
}
