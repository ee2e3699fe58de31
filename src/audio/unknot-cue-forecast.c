/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-cue-forecast.h"

#include "unknot-timeline.h"

/* What the session will announce if it keeps running: the same cues, in the same order
 * and with the same offsets as UnknotSession emits them (see the order of cues at one
 * instant in unknot-session.c), worked out from its plan and its current segment, so
 * that the cue player can place their sounds ahead of time. */

static void
add (GPtrArray          *cues,
     UnknotCueEventKind  kind,
     UnknotSegment      *segment,
     gint64              position,
     guint               countdown,
     const char         *text)
{
  g_ptr_array_add (cues, unknot_cue_event_new (kind, segment, position, countdown, text));
}

static void
add_inner_cues (GPtrArray     *cues,
                UnknotSession *session,
                UnknotSegment *segment,
                gint64         until)
{
  g_autoptr (GArray) inner =
    unknot_timeline_inner_cues (segment, unknot_session_get_countdown_ticks (session));
  gint64 start = unknot_segment_get_start (segment);

  for (guint i = 0; i < inner->len; i++)
    {
      const UnknotInnerCue *cue = &g_array_index (inner, UnknotInnerCue, i);

      if (start + cue->offset <= until)
        add (cues, cue->kind, segment, start + cue->offset, cue->countdown, cue->text);
    }
}

/* The end cues of @segment, then what starts after it. */
static void
add_end_cues (GPtrArray     *cues,
              UnknotSession *session,
              guint          index)
{
  UnknotSegment *segment = unknot_session_get_segment_at (session, index);
  gint64 end = unknot_segment_get_end (segment);

  if (unknot_segment_is_first_side (segment))
    add (cues, UNKNOT_CUE_EVENT_SWITCH_SIDES, segment, end, 0, NULL);
  if (unknot_segment_ends_step (segment))
    add (cues, UNKNOT_CUE_EVENT_STEP_END, segment, end, 0, NULL);
  if (index + 1 < unknot_session_get_n_segments (session))
    add (cues, UNKNOT_CUE_EVENT_SEGMENT_START, unknot_session_get_segment_at (session, index + 1),
         end, 0, NULL);
  else
    add (cues, UNKNOT_CUE_EVENT_ROUTINE_COMPLETE, segment, end, 0, NULL);
}

/**
 * unknot_cue_forecast:
 * @until: routine ms; the forecast ends there, inclusive
 *
 * Every cue from the start of the current segment up to @until, the current segment's
 * start excepted once the session has started: it has been announced already. Whether a cue is still to come is for
 * the caller to tell by its time (unknot_session_get_clock_time_at()).
 *
 * Returns: (transfer full) (element-type UnknotCueEvent): the cues in the order the
 *   session emits them, each with its routine ms as offset
 */
GPtrArray *
unknot_cue_forecast (UnknotSession *session,
                     gint64         until)
{
  GPtrArray *cues = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_cue_event_unref);
  guint n_segments;

  g_return_val_if_fail (UNKNOT_IS_SESSION (session), cues);

  n_segments = unknot_session_get_n_segments (session);
  if (n_segments > 0 && unknot_session_get_state (session) == UNKNOT_SESSION_READY)
    add (cues, UNKNOT_CUE_EVENT_SEGMENT_START, unknot_session_get_segment_at (session, 0), 0, 0,
         NULL);
  for (guint index = unknot_session_get_segment_index (session); index < n_segments; index++)
    {
      UnknotSegment *segment = unknot_session_get_segment_at (session, index);

      add_inner_cues (cues, session, segment, until);
      if (unknot_segment_get_end (segment) > until)
        break;
      add_end_cues (cues, session, index);
    }
  return cues;
}
