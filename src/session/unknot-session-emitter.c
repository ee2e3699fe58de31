/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-session-emitter.h"

/* Why a queue: a handler of UnknotSession's signals must see the state of the latest
 * instant, so nothing is emitted while the session is half updated. The session queues
 * its ::cue and ::segment-finished signals and marks the properties that changed; at
 * the end of each operation it emits them all, signals first, then the notifications
 * of the same update. A handler that calls back into the session only queues more, and
 * the outermost call emits it, still in order. */
struct _UnknotSessionEmitter
{
  GObject *owner;          /* unowned: the session owns the emitter */
  guint cue_signal;
  guint finished_signal;
  GParamSpec **properties; /* indexed by property id; [0] unused */
  guint n_properties;

  GQueue pending;          /* of Emission: signals due, in order */
  gboolean emitting;
  guint dirty;             /* 1 << property id of each property to notify */
};

/* A signal waiting to be emitted: a cue, or else a segment-finished report. */
typedef struct
{
  UnknotCueEvent *cue;
  UnknotSegment *segment;
  gint64 active_ms;
  gboolean completed;
} Emission;

static void
emission_free (gpointer data)
{
  Emission *emission = data;

  g_clear_pointer (&emission->cue, unknot_cue_event_unref);
  g_clear_object (&emission->segment);
  g_free (emission);
}

/**
 * unknot_session_emitter_new:
 * @owner: the session whose signals and properties these are
 * @properties: the owner's property specs, indexed by property id (at most 31)
 */
UnknotSessionEmitter *
unknot_session_emitter_new (GObject     *owner,
                            guint        cue_signal,
                            guint        finished_signal,
                            GParamSpec **properties,
                            guint        n_properties)
{
  UnknotSessionEmitter *self = g_new0 (UnknotSessionEmitter, 1);

  g_assert (n_properties <= 32);
  self->owner = owner;
  self->cue_signal = cue_signal;
  self->finished_signal = finished_signal;
  self->properties = properties;
  self->n_properties = n_properties;
  g_queue_init (&self->pending);
  return self;
}

/* Drops what is still due, unsaid. */
void
unknot_session_emitter_clear (UnknotSessionEmitter *self)
{
  g_queue_clear_full (&self->pending, emission_free);
}

void
unknot_session_emitter_free (UnknotSessionEmitter *self)
{
  if (self == NULL)
    return;
  unknot_session_emitter_clear (self);
  g_free (self);
}

/* Takes @cue. */
void
unknot_session_emitter_queue_cue (UnknotSessionEmitter *self,
                                  UnknotCueEvent       *cue)
{
  Emission *emission = g_new0 (Emission, 1);

  emission->cue = cue;
  g_queue_push_tail (&self->pending, emission);
}

void
unknot_session_emitter_queue_finished (UnknotSessionEmitter *self,
                                       UnknotSegment        *segment,
                                       gint64                active_ms,
                                       gboolean              completed)
{
  Emission *emission = g_new0 (Emission, 1);

  emission->segment = g_object_ref (segment);
  emission->active_ms = active_ms;
  emission->completed = completed;
  g_queue_push_tail (&self->pending, emission);
}

void
unknot_session_emitter_mark_dirty (UnknotSessionEmitter *self,
                                   guint                 prop_id)
{
  g_assert (prop_id > 0 && prop_id < self->n_properties);
  self->dirty |= 1u << prop_id;
}

/* For construction, which has nobody to tell yet. */
void
unknot_session_emitter_forget_dirty (UnknotSessionEmitter *self)
{
  self->dirty = 0;
}

static void
emit_one (UnknotSessionEmitter *self,
          Emission             *emission)
{
  if (emission->cue != NULL)
    g_signal_emit (self->owner, self->cue_signal, 0, emission->cue);
  else
    g_signal_emit (self->owner, self->finished_signal, 0, emission->segment,
                   emission->active_ms, emission->completed);
}

static void
notify_dirty (UnknotSessionEmitter *self)
{
  guint dirty = self->dirty;

  self->dirty = 0;
  for (guint prop_id = 1; prop_id < self->n_properties; prop_id++)
    if (dirty & (1u << prop_id))
      g_object_notify_by_pspec (self->owner, self->properties[prop_id]);
}

/* A call from a handler only queues more: the outermost call emits it all, in order. */
void
unknot_session_emitter_emit (UnknotSessionEmitter *self)
{
  if (self->emitting)
    return;

  self->emitting = TRUE;
  g_object_ref (self->owner);
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
  g_object_unref (self->owner);
}
