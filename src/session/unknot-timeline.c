/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-timeline.h"

/* How a routine becomes a session's timeline: the segments in order, and the cues
 * inside each. Pure functions of their arguments, so UnknotSession and the tests see
 * the same plan. */

static void
append_segment (GPtrArray         *segments,
                gint64            *start,
                UnknotSegmentKind  kind,
                UnknotStep        *step,
                UnknotSide         side,
                guint              step_number,
                gint64             duration)
{
  g_ptr_array_add (segments, unknot_segment_new (kind, step, side, step_number, *start, duration));
  *start += duration;
}

/* side="each" is left, the switch gap (none when it is 0), then right, each side for
 * the step's full duration, so both sides get equal time. */
static void
append_step (GPtrArray  *segments,
             gint64     *start,
             UnknotStep *step,
             guint       step_number,
             gint64      default_switch_gap)
{
  gint64 duration = unknot_step_get_duration (step);
  UnknotSide side = unknot_step_get_side (step);
  gint64 gap;

  if (side != UNKNOT_SIDE_EACH)
    {
      append_segment (segments, start, UNKNOT_SEGMENT_STEP, step, side, step_number, duration);
      return;
    }

  gap = unknot_step_get_switch_gap (step);
  if (gap < 0)
    gap = default_switch_gap;

  append_segment (segments, start, UNKNOT_SEGMENT_STEP, step, UNKNOT_SIDE_LEFT, step_number,
                  duration);
  if (gap > 0)
    append_segment (segments, start, UNKNOT_SEGMENT_SWITCH, step, UNKNOT_SIDE_BOTH, step_number,
                    gap);
  append_segment (segments, start, UNKNOT_SEGMENT_STEP, step, UNKNOT_SIDE_RIGHT, step_number,
                  duration);
}

/**
 * unknot_timeline_plan:
 * @default_prepare: ms of get-ready countdown when the routine has no <prepare>
 * @default_switch_gap: ms between sides for steps without switch=""
 *
 * Returns: (transfer full) (element-type UnknotSegment): the segments, in order, each
 *   starting where the one before ends; no segment of length 0
 */
GPtrArray *
unknot_timeline_plan (UnknotRoutine *routine,
                      gint64         default_prepare,
                      gint64         default_switch_gap)
{
  GPtrArray *segments;
  gint64 prepare;
  gint64 start = 0;
  guint step_number = 0;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (routine), NULL);

  segments = g_ptr_array_new_with_free_func (g_object_unref);
  prepare = unknot_routine_get_prepare (routine);
  if (prepare < 0)
    prepare = default_prepare;
  if (prepare > 0)
    append_segment (segments, &start, UNKNOT_SEGMENT_PREPARE, NULL, UNKNOT_SIDE_BOTH, 0, prepare);

  for (guint i = 0; i < unknot_routine_get_n_items (routine); i++)
    {
      UnknotStep *item = unknot_routine_get_item (routine, i);

      if (unknot_step_get_kind (item) == UNKNOT_STEP_KIND_STEP)
        append_step (segments, &start, item, ++step_number, default_switch_gap);
      else if (unknot_step_get_duration (item) > 0)
        append_segment (segments, &start, UNKNOT_SEGMENT_REST, NULL, UNKNOT_SIDE_BOTH, 0,
                        unknot_step_get_duration (item));
    }
  return segments;
}

/* At one instant a spoken prompt goes before a tick, so the tick does not cut it off. */
static int
inner_cue_rank (const UnknotInnerCue *cue)
{
  return cue->kind == UNKNOT_CUE_EVENT_STEP_CUE ? 0 : 1;
}

static int
compare_inner_cues (gconstpointer a,
                    gconstpointer b)
{
  const UnknotInnerCue *cue_a = a;
  const UnknotInnerCue *cue_b = b;

  if (cue_a->offset != cue_b->offset)
    return cue_a->offset < cue_b->offset ? -1 : 1;
  return inner_cue_rank (cue_a) - inner_cue_rank (cue_b);
}

static void
add_step_cues (GArray        *cues,
               UnknotSegment *segment)
{
  UnknotStep *step = unknot_segment_get_step (segment);
  gint64 duration = unknot_segment_get_duration (segment);

  /* For side="each" the cue times count from the start of each side. */
  for (guint i = 0; i < unknot_step_get_n_cues (step); i++)
    {
      UnknotCue *cue = unknot_step_get_cue (step, i);
      UnknotInnerCue inner = { unknot_cue_get_at (cue), UNKNOT_CUE_EVENT_STEP_CUE, 0,
                               unknot_cue_get_text (cue) };

      if (inner.offset >= 0 && inner.offset < duration)
        g_array_append_val (cues, inner);
    }
}

/* Only ticks that fall after the segment's start: a 2 s rest ticks "1" alone. */
static void
add_countdown (GArray        *cues,
               UnknotSegment *segment)
{
  gint64 duration = unknot_segment_get_duration (segment);

  for (guint n = UNKNOT_TIMELINE_COUNTDOWN_FROM; n >= 1; n--)
    {
      UnknotInnerCue tick = { duration - n * G_GINT64_CONSTANT (1000),
                              UNKNOT_CUE_EVENT_COUNTDOWN, n, NULL };

      if (tick.offset > 0)
        g_array_append_val (cues, tick);
    }
}

/**
 * unknot_timeline_inner_cues:
 * @countdown_ticks: whether prepare, step and rest segments tick 3, 2, 1 before they end
 *
 * Returns: (transfer full) (element-type UnknotInnerCue): the cues inside @segment,
 *   sorted by time; at one instant a step cue comes before a tick
 */
GArray *
unknot_timeline_inner_cues (UnknotSegment *segment,
                            gboolean       countdown_ticks)
{
  GArray *cues;
  UnknotSegmentKind kind;

  g_return_val_if_fail (UNKNOT_IS_SEGMENT (segment), NULL);

  cues = g_array_new (FALSE, FALSE, sizeof (UnknotInnerCue));
  kind = unknot_segment_get_kind (segment);
  if (kind == UNKNOT_SEGMENT_STEP)
    add_step_cues (cues, segment);
  if (countdown_ticks && kind != UNKNOT_SEGMENT_SWITCH)
    add_countdown (cues, segment);
  g_array_sort (cues, compare_inner_cues);
  return cues;
}

static gboolean
is_other_side (UnknotSegment *segment,
               UnknotSegment *first_side)
{
  return unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_STEP &&
         unknot_segment_get_side (segment) == UNKNOT_SIDE_RIGHT &&
         unknot_segment_get_step (segment) == unknot_segment_get_step (first_side);
}

/**
 * unknot_timeline_add_time:
 * @segments: (element-type UnknotSegment): a plan from unknot_timeline_plan()
 * @extra: ms to add
 *
 * Lengthens segment @index by @extra, replacing it with a retimed copy, and moves the
 * later segments back. Time added to the left side of a side="each" step is added to
 * its right side too, so both sides still get equal time; time added to the right side
 * stays there, since the left side is over.
 */
void
unknot_timeline_add_time (GPtrArray *segments,
                          guint      index,
                          gint64     extra)
{
  UnknotSegment *lengthened;
  gboolean first_side;
  gint64 shift = 0;

  g_return_if_fail (segments != NULL);
  g_return_if_fail (index < segments->len);
  g_return_if_fail (extra >= 0);

  lengthened = g_object_ref (g_ptr_array_index (segments, index));
  first_side = unknot_segment_is_first_side (lengthened);
  for (guint i = index; i < segments->len; i++)
    {
      UnknotSegment *segment = g_ptr_array_index (segments, i);
      gint64 grow = 0;

      if (i == index || (first_side && is_other_side (segment, lengthened)))
        grow = extra;
      g_ptr_array_index (segments, i) =
        unknot_segment_new_retimed (segment, unknot_segment_get_start (segment) + shift,
                                    unknot_segment_get_duration (segment) + grow);
      g_object_unref (segment);
      shift += grow;
    }
  g_object_unref (lengthened);
}
