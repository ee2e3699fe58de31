/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-cue-event.h"

/* One cue of a session, immutable, as passed with UnknotSession::cue. */
struct _UnknotCueEvent
{
  UnknotCueEventKind kind;
  UnknotSegment *segment; /* the segment the cue belongs to; the ending one at an end */
  gint64 offset;          /* ms of routine time from the routine's start, in the plan */
  guint countdown;        /* 3, 2 or 1 for COUNTDOWN, else 0 */
  char *text;             /* the cue element's text for STEP_CUE, else NULL */
};

G_DEFINE_ENUM_TYPE (UnknotCueEventKind, unknot_cue_event_kind,
                    G_DEFINE_ENUM_VALUE (UNKNOT_CUE_EVENT_SEGMENT_START, "segment-start"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_CUE_EVENT_COUNTDOWN, "countdown"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_CUE_EVENT_SWITCH_SIDES, "switch-sides"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_CUE_EVENT_STEP_CUE, "step-cue"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_CUE_EVENT_STEP_END, "step-end"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_CUE_EVENT_ROUTINE_COMPLETE, "routine-complete"))

G_DEFINE_BOXED_TYPE (UnknotCueEvent, unknot_cue_event, unknot_cue_event_ref,
                     unknot_cue_event_unref)

/**
 * unknot_cue_event_new:
 * @segment: the segment the cue belongs to
 * @offset: when, in ms of routine time from the start of the routine
 * @countdown: 3, 2 or 1 for a COUNTDOWN, else 0
 * @text: (nullable): the text of the cue element, for a STEP_CUE
 */
UnknotCueEvent *
unknot_cue_event_new (UnknotCueEventKind  kind,
                      UnknotSegment      *segment,
                      gint64              offset,
                      guint               countdown,
                      const char         *text)
{
  UnknotCueEvent *self;

  g_return_val_if_fail (UNKNOT_IS_SEGMENT (segment), NULL);

  self = g_rc_box_new0 (UnknotCueEvent);
  self->kind = kind;
  self->segment = g_object_ref (segment);
  self->offset = offset;
  self->countdown = countdown;
  self->text = g_strdup (text);
  return self;
}

UnknotCueEvent *
unknot_cue_event_ref (UnknotCueEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_rc_box_acquire (self);
}

static void
unknot_cue_event_clear (gpointer data)
{
  UnknotCueEvent *self = data;

  g_object_unref (self->segment);
  g_free (self->text);
}

void
unknot_cue_event_unref (UnknotCueEvent *self)
{
  g_return_if_fail (self != NULL);
  g_rc_box_release_full (self, unknot_cue_event_clear);
}

UnknotCueEventKind
unknot_cue_event_get_kind (UnknotCueEvent *self)
{
  g_return_val_if_fail (self != NULL, UNKNOT_CUE_EVENT_SEGMENT_START);
  return self->kind;
}

/**
 * unknot_cue_event_get_segment:
 *
 * Returns: (transfer none): the segment that starts, ends or runs when the cue sounds;
 *   for ROUTINE_COMPLETE the last segment
 */
UnknotSegment *
unknot_cue_event_get_segment (UnknotCueEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->segment;
}

/* When the cue falls, in ms of routine time from the start of the routine. */
gint64
unknot_cue_event_get_offset (UnknotCueEvent *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->offset;
}

/* 3, 2 or 1 for COUNTDOWN, else 0. */
guint
unknot_cue_event_get_countdown (UnknotCueEvent *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->countdown;
}

/* The cue element's text, in the user's language, for STEP_CUE; NULL for the other kinds. */
const char *
unknot_cue_event_get_text (UnknotCueEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}
