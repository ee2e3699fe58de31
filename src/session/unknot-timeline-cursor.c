/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-timeline-cursor.h"

#include "unknot-timeline.h"

/* UnknotSession's place in its plan: the segments (unknot-timeline.c plans them), the
 * one under way, the cues inside it, and `delivered`, the routine position up to which
 * cues have been queued on the session's emitter. The cursor knows nothing of clocks or
 * states: the session says where the playhead is, and the cursor queues every cue due
 * by then, in the order the top of unknot-session.c gives. */
struct _UnknotTimelineCursor
{
  UnknotSessionEmitter *emitter; /* unowned: the session owns both */
  GPtrArray *segments;           /* of UnknotSegment, the plan; add_time retimes it */
  guint index;                   /* of the current segment */
  GArray *inner_cues;            /* of UnknotInnerCue: the current segment's */
  guint next_inner_cue;
  gint64 delivered;              /* routine µs up to which cues have been queued */
  gint64 entry_active;           /* active µs when the current segment was entered */
  gboolean countdown_ticks;
};

#define US_PER_MS     G_GINT64_CONSTANT (1000)
#define US_PER_SECOND G_GINT64_CONSTANT (1000000)

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

UnknotTimelineCursor *
unknot_timeline_cursor_new (UnknotSessionEmitter *emitter)
{
  UnknotTimelineCursor *self = g_new0 (UnknotTimelineCursor, 1);

  self->emitter = emitter;
  self->countdown_ticks = TRUE;
  return self;
}

void
unknot_timeline_cursor_free (UnknotTimelineCursor *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_clear_pointer (&self->inner_cues, g_array_unref);
  g_free (self);
}

/* ---- the plan ------------------------------------------------------------------------ */

/* Takes @segments, and goes back to the first. */
void
unknot_timeline_cursor_set_plan (UnknotTimelineCursor *self,
                                 GPtrArray            *segments)
{
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  self->segments = segments;
  self->index = 0;
}

gboolean
unknot_timeline_cursor_has_plan (UnknotTimelineCursor *self)
{
  return self->segments != NULL;
}

guint
unknot_timeline_cursor_get_n_segments (UnknotTimelineCursor *self)
{
  return self->segments->len;
}

UnknotSegment *
unknot_timeline_cursor_get_segment_at (UnknotTimelineCursor *self,
                                       guint                 index)
{
  g_assert (index < self->segments->len);
  return g_ptr_array_index (self->segments, index);
}

/* Returns: (nullable): the current segment; %NULL only for a plan without segments. */
UnknotSegment *
unknot_timeline_cursor_get_segment (UnknotTimelineCursor *self)
{
  if (self->segments->len == 0)
    return NULL;
  return g_ptr_array_index (self->segments, self->index);
}

guint
unknot_timeline_cursor_get_index (UnknotTimelineCursor *self)
{
  return self->index;
}

gboolean
unknot_timeline_cursor_has_next (UnknotTimelineCursor *self)
{
  return self->index + 1 < self->segments->len;
}

/* The planned length of the whole plan in ms, with the time added so far. */
gint64
unknot_timeline_cursor_get_total (UnknotTimelineCursor *self)
{
  if (self->segments->len == 0)
    return 0;
  return unknot_segment_get_end (g_ptr_array_index (self->segments, self->segments->len - 1));
}

/* Where the segment at @index starts, in routine µs. */
gint64
unknot_timeline_cursor_get_start (UnknotTimelineCursor *self,
                                  guint                 index)
{
  return start_us (unknot_timeline_cursor_get_segment_at (self, index));
}

/* Where the current segment ends, in routine µs. */
gint64
unknot_timeline_cursor_get_end (UnknotTimelineCursor *self)
{
  return end_us (unknot_timeline_cursor_get_segment (self));
}

/* Where skipping and going back land: the steps, and the prepare at the very start so
 * that going back from the first step gives time to get ready again; never a switch
 * gap or a rest, which only make sense after the step before them. */
static gboolean
is_landing (UnknotSegment *segment)
{
  UnknotSegmentKind kind = unknot_segment_get_kind (segment);

  return kind == UNKNOT_SEGMENT_STEP || kind == UNKNOT_SEGMENT_PREPARE;
}

/* The index of the first step after the current segment (on the left side of a
 * side="each" step, its right side), or the number of segments when none is left. */
guint
unknot_timeline_cursor_next_step_index (UnknotTimelineCursor *self)
{
  guint index = self->index + 1;

  while (index < self->segments->len &&
         unknot_segment_get_kind (g_ptr_array_index (self->segments, index))
         != UNKNOT_SEGMENT_STEP)
    index++;
  return index;
}

/* Sets @index to the last step (or prepare) before the current segment; %FALSE when
 * there is none. */
gboolean
unknot_timeline_cursor_previous_step_index (UnknotTimelineCursor *self,
                                            guint                *index)
{
  for (guint i = self->index; i > 0; i--)
    if (is_landing (g_ptr_array_index (self->segments, i - 1)))
      {
        *index = i - 1;
        return TRUE;
      }
  return FALSE;
}

gint64
unknot_timeline_cursor_get_delivered (UnknotTimelineCursor *self)
{
  return self->delivered;
}

/* Moves the position up to which cues count as given, for a skip, a step back or a
 * stop at @position: cues queued then carry it as their offset. */
void
unknot_timeline_cursor_set_delivered (UnknotTimelineCursor *self,
                                      gint64                position)
{
  self->delivered = position;
}

gint64
unknot_timeline_cursor_get_entry_active (UnknotTimelineCursor *self)
{
  return self->entry_active;
}

gboolean
unknot_timeline_cursor_get_countdown_ticks (UnknotTimelineCursor *self)
{
  return self->countdown_ticks;
}

/* Counts from the next segment entered, or at once after reload_inner_cues(). */
void
unknot_timeline_cursor_set_countdown_ticks (UnknotTimelineCursor *self,
                                            gboolean              ticks)
{
  self->countdown_ticks = ticks;
}

/* ---- cues ---------------------------------------------------------------------------- */

static void
queue_cue (UnknotTimelineCursor *self,
           UnknotCueEventKind    kind,
           UnknotSegment        *segment,
           guint                 countdown,
           const char           *text)
{
  unknot_session_emitter_queue_cue (self->emitter,
                                    unknot_cue_event_new (kind, segment,
                                                          self->delivered / US_PER_MS,
                                                          countdown, text));
}

/* Queues a cue of the current segment at the delivered position. */
void
unknot_timeline_cursor_queue_cue (UnknotTimelineCursor *self,
                                  UnknotCueEventKind    kind)
{
  queue_cue (self, kind, unknot_timeline_cursor_get_segment (self), 0, NULL);
}

static gint64
inner_cue_position (UnknotTimelineCursor *self,
                    guint                 index)
{
  const UnknotInnerCue *cue = &g_array_index (self->inner_cues, UnknotInnerCue, index);
  return start_us (unknot_timeline_cursor_get_segment (self)) + cue->offset * US_PER_MS;
}

/* Loads the current segment's inner cues, counting those up to @delivered as done. */
static void
load_inner_cues (UnknotTimelineCursor *self,
                 gint64                delivered)
{
  g_clear_pointer (&self->inner_cues, g_array_unref);
  self->inner_cues = unknot_timeline_inner_cues (unknot_timeline_cursor_get_segment (self),
                                                 self->countdown_ticks);
  self->next_inner_cue = 0;
  while (self->next_inner_cue < self->inner_cues->len &&
         inner_cue_position (self, self->next_inner_cue) <= delivered)
    self->next_inner_cue++;
}

/* After the plan or the countdown setting changed under the current segment. */
void
unknot_timeline_cursor_reload_inner_cues (UnknotTimelineCursor *self)
{
  load_inner_cues (self, self->delivered);
}

static void
queue_inner_cues_until (UnknotTimelineCursor *self,
                        gint64                position)
{
  UnknotSegment *segment = unknot_timeline_cursor_get_segment (self);

  while (self->next_inner_cue < self->inner_cues->len &&
         inner_cue_position (self, self->next_inner_cue) <= position)
    {
      const UnknotInnerCue *cue =
        &g_array_index (self->inner_cues, UnknotInnerCue, self->next_inner_cue++);

      self->delivered = start_us (segment) + cue->offset * US_PER_MS;
      queue_cue (self, cue->kind, segment, cue->countdown, cue->text);
    }
}

/* ---- moving through the plan ---------------------------------------------------------- */

/* @entry_active: the active time at which the segment counts as entered; a restart
 * keeps the first entry, so ::segment-finished reports the whole visit. */
void
unknot_timeline_cursor_enter (UnknotTimelineCursor *self,
                              guint                 index,
                              gint64                entry_active)
{
  self->index = index;
  self->delivered = start_us (unknot_timeline_cursor_get_segment (self));
  self->entry_active = entry_active;
  load_inner_cues (self, self->delivered - 1);
  unknot_timeline_cursor_queue_cue (self, UNKNOT_CUE_EVENT_SEGMENT_START);
  queue_inner_cues_until (self, self->delivered);
}

/* Queues the end cues @reason calls for, and ::segment-finished at @active µs. */
void
unknot_timeline_cursor_leave (UnknotTimelineCursor *self,
                              UnknotLeaveReason     reason,
                              gint64                active)
{
  UnknotSegment *segment = unknot_timeline_cursor_get_segment (self);

  if (reason != UNKNOT_LEAVE_ABANDONED && unknot_segment_is_first_side (segment))
    queue_cue (self, UNKNOT_CUE_EVENT_SWITCH_SIDES, segment, 0, NULL);
  if (reason != UNKNOT_LEAVE_ABANDONED && unknot_segment_ends_step (segment))
    queue_cue (self, UNKNOT_CUE_EVENT_STEP_END, segment, 0, NULL);
  unknot_session_emitter_queue_finished (self->emitter, segment,
                                                 (active - self->entry_active) / US_PER_MS,
                                                 reason == UNKNOT_LEAVE_ENDED);
}

/**
 * unknot_timeline_cursor_run_to:
 * @position: where the playhead is now
 *
 * Queues the current segment's inner cues due by @position.
 *
 * Returns: %TRUE if the segment ended by then: the delivered position is its end, and
 *   the caller leaves it; %FALSE if it goes on.
 */
gboolean
unknot_timeline_cursor_run_to (UnknotTimelineCursor *self,
                               gint64                position)
{
  gint64 end = unknot_timeline_cursor_get_end (self);

  queue_inner_cues_until (self, MIN (position, end));
  if (position < end)
    {
      self->delivered = MAX (self->delivered, position);
      return FALSE;
    }
  self->delivered = end;
  return TRUE;
}

/* The position at which the whole seconds left next change: a label showing them then
 * turns exactly on the second, however the segment was paused or lengthened. */
static gint64
next_second_position (UnknotTimelineCursor *self)
{
  gint64 end = unknot_timeline_cursor_get_end (self);
  gint64 seconds_after = (end - self->delivered - 1) / US_PER_SECOND;

  return end - seconds_after * US_PER_SECOND;
}

/* The next position at which the session must wake: a cue, or a whole second left. */
gint64
unknot_timeline_cursor_next_wake (UnknotTimelineCursor *self)
{
  gint64 next = next_second_position (self);

  if (self->next_inner_cue < self->inner_cues->len)
    next = MIN (next, inner_cue_position (self, self->next_inner_cue));
  return next;
}

/* Adds @ms to the current segment (and its other side; see unknot_timeline_add_time()). */
void
unknot_timeline_cursor_add_time (UnknotTimelineCursor *self,
                                 gint64                ms)
{
  unknot_timeline_add_time (self->segments, self->index, ms);
  load_inner_cues (self, self->delivered);
}
