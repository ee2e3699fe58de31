/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-cue.h"

struct _UnknotCue
{
  gint64 at_ms; /* from the start of the step, or of each side for side="each" */
  char *text;   /* already in the user's language */
};

G_DEFINE_BOXED_TYPE (UnknotCue, unknot_cue, unknot_cue_ref, unknot_cue_unref)

UnknotCue *
unknot_cue_new (gint64      at_ms,
                const char *text)
{
  UnknotCue *self;

  g_return_val_if_fail (at_ms >= 0, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_rc_box_new0 (UnknotCue);
  self->at_ms = at_ms;
  self->text = g_strdup (text);
  return self;
}

UnknotCue *
unknot_cue_ref (UnknotCue *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_rc_box_acquire (self);
}

static void
unknot_cue_clear (gpointer data)
{
  UnknotCue *self = data;
  g_free (self->text);
}

void
unknot_cue_unref (UnknotCue *self)
{
  g_return_if_fail (self != NULL);
  g_rc_box_release_full (self, unknot_cue_clear);
}

gint64
unknot_cue_get_at (UnknotCue *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->at_ms;
}

const char *
unknot_cue_get_text (UnknotCue *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}
