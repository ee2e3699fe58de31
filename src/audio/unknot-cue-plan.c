/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-cue-plan.h"

/* What the cue player has placed in the stream ahead of the session's cues, by the
 * instant's routine ms. When the cue comes, the player finds its chime here and leaves
 * it be; when the timing changes (pause, skip, back, added time, stop), every chime
 * still to come is taken out of the stream and placed again from the new timing, so
 * nothing sounds for an instant that no longer comes. */

struct _UnknotCuePlan
{
  GHashTable *instants;  /* gint64 * → UnknotPlannedInstant * */
};

UnknotCuePlan *
unknot_cue_plan_new (void)
{
  UnknotCuePlan *self = g_new0 (UnknotCuePlan, 1);

  self->instants = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  return self;
}

void
unknot_cue_plan_free (UnknotCuePlan *self)
{
  g_hash_table_unref (self->instants);
  g_free (self);
}

/* Returns: (transfer none) (nullable) */
UnknotPlannedInstant *
unknot_cue_plan_lookup (UnknotCuePlan *self,
                        gint64         position)
{
  return g_hash_table_lookup (self->instants, &position);
}

/* Returns: (transfer none): the new entry, for its prompts */
UnknotPlannedInstant *
unknot_cue_plan_add (UnknotCuePlan *self,
                     gint64         position,
                     gint64         at,
                     gint64         end,
                     guint          id)
{
  UnknotPlannedInstant *instant = g_new0 (UnknotPlannedInstant, 1);

  instant->at = at;
  instant->end = end;
  instant->id = id;
  g_hash_table_replace (self->instants, g_memdup2 (&position, sizeof position), instant);
  return instant;
}

/* Returns: whether any of its sounds had begun */
static gboolean
cancel_instant (UnknotPlannedInstant *instant,
                UnknotCueMixer       *mixer)
{
  gboolean begun = FALSE;

  if (instant->id != 0)
    begun |= unknot_cue_mixer_cancel (mixer, instant->id);
  for (guint i = 0; i < instant->n_prompts; i++)
    begun |= unknot_cue_mixer_cancel (mixer, instant->prompts[i]);
  instant->id = 0;
  instant->n_prompts = 0;
  return begun;
}

void
unknot_cue_plan_remove (UnknotCuePlan *self,
                        gint64         position)
{
  g_hash_table_remove (self->instants, &position);
}

/* Takes every instant after @now out of the plan, and its chime out of @mixer unless
 * it has begun: that one stays, and sounds to its end. */
void
unknot_cue_plan_cancel_after (UnknotCuePlan  *self,
                              UnknotCueMixer *mixer,
                              gint64          now)
{
  GHashTableIter iter;
  UnknotPlannedInstant *instant;

  g_hash_table_iter_init (&iter, self->instants);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &instant))
    {
      if (instant->at <= now)
        continue;
      if (mixer != NULL && cancel_instant (instant, mixer))
        continue;
      g_hash_table_iter_remove (&iter);
    }
}

/* Instants long past need no entry; going back to them later plays them again. */
void
unknot_cue_plan_forget_before (UnknotCuePlan *self,
                               gint64         before)
{
  GHashTableIter iter;
  UnknotPlannedInstant *instant;

  g_hash_table_iter_init (&iter, self->instants);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &instant))
    if (instant->at < before)
      g_hash_table_iter_remove (&iter);
}

void
unknot_cue_plan_clear (UnknotCuePlan *self)
{
  g_hash_table_remove_all (self->instants);
}
