/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-playhead.h"

#include <math.h>

/* Where a session is in routine time, derived from clock time; all values in µs.
 *
 * Two quantities move together while the playhead moves, at `speed` times the clock:
 * the position (where in the planned timeline we are; jumps on skip and restart) and
 * the active time (how long the user has spent, never jumps). Both are computed from
 * an anchor, the clock time at which they last were set, instead of being counted up
 * tick by tick: a late main loop, a long pause or a busy machine cannot shift them. */
struct _UnknotPlayhead
{
  GObject parent_instance;

  double speed;
  gboolean moving;
  gint64 anchor_time;     /* clock µs at which the two values below held */
  gint64 anchor_position; /* routine µs */
  gint64 anchor_active;   /* routine µs */
};

G_DEFINE_FINAL_TYPE (UnknotPlayhead, unknot_playhead, G_TYPE_OBJECT)

static void
unknot_playhead_class_init (UnknotPlayheadClass *klass)
{
}

static void
unknot_playhead_init (UnknotPlayhead *self)
{
  self->speed = 1.0;
}

/* Held at position 0, with no active time. */
UnknotPlayhead *
unknot_playhead_new (void)
{
  return g_object_new (UNKNOT_TYPE_PLAYHEAD, NULL);
}

gboolean
unknot_playhead_is_moving (UnknotPlayhead *self)
{
  g_return_val_if_fail (UNKNOT_IS_PLAYHEAD (self), FALSE);
  return self->moving;
}

/* Routine µs that pass in @wall_us of clock time. Rounded to the nearest, which with
 * get_wall_time() rounding up means a deadline always finds its position reached. */
static gint64
routine_time_in (UnknotPlayhead *self,
                 gint64          wall_us)
{
  /* Before the anchor: a start set a moment ahead (unknot_session_start_from()) waits. */
  if (!self->moving || wall_us <= 0)
    return 0;
  if (self->speed == 1.0)
    return wall_us;
  return (gint64) llround ((double) wall_us * self->speed);
}

gint64
unknot_playhead_get_position (UnknotPlayhead *self,
                              gint64          now)
{
  g_return_val_if_fail (UNKNOT_IS_PLAYHEAD (self), 0);
  return self->anchor_position + routine_time_in (self, now - self->anchor_time);
}

gint64
unknot_playhead_get_active (UnknotPlayhead *self,
                            gint64          now)
{
  g_return_val_if_fail (UNKNOT_IS_PLAYHEAD (self), 0);
  return self->anchor_active + routine_time_in (self, now - self->anchor_time);
}

/* The clock time at which a moving playhead reaches @position (not before it). */
gint64
unknot_playhead_get_wall_time (UnknotPlayhead *self,
                               gint64          position)
{
  gint64 ahead;

  g_return_val_if_fail (UNKNOT_IS_PLAYHEAD (self), 0);
  g_return_val_if_fail (self->moving, G_MAXINT64);

  ahead = position - self->anchor_position;
  if (self->speed == 1.0)
    return self->anchor_time + ahead;
  return self->anchor_time + (gint64) ceil ((double) ahead / self->speed);
}

static void
reanchor (UnknotPlayhead *self,
          gint64          now,
          gint64          position)
{
  self->anchor_active = unknot_playhead_get_active (self, now);
  self->anchor_position = position;
  self->anchor_time = now;
}

/* Starts moving from where it stands. */
void
unknot_playhead_move (UnknotPlayhead *self,
                      gint64          now)
{
  g_return_if_fail (UNKNOT_IS_PLAYHEAD (self));

  reanchor (self, now, unknot_playhead_get_position (self, now));
  self->moving = TRUE;
}

/* Stops where it is at @now. */
void
unknot_playhead_hold (UnknotPlayhead *self,
                      gint64          now)
{
  g_return_if_fail (UNKNOT_IS_PLAYHEAD (self));

  reanchor (self, now, unknot_playhead_get_position (self, now));
  self->moving = FALSE;
}

/* Jumps to @position at @now; the active time is not affected. */
void
unknot_playhead_seek (UnknotPlayhead *self,
                      gint64          now,
                      gint64          position)
{
  g_return_if_fail (UNKNOT_IS_PLAYHEAD (self));
  reanchor (self, now, position);
}

/* Stops at given values, for an end that lies in the past of a late wake-up. */
void
unknot_playhead_rest_at (UnknotPlayhead *self,
                         gint64          position,
                         gint64          active)
{
  g_return_if_fail (UNKNOT_IS_PLAYHEAD (self));

  self->moving = FALSE;
  self->anchor_position = position;
  self->anchor_active = active;
}

double
unknot_playhead_get_speed (UnknotPlayhead *self)
{
  g_return_val_if_fail (UNKNOT_IS_PLAYHEAD (self), 1.0);
  return self->speed;
}

/* From @now on, routine time runs @speed times as fast as the clock. */
void
unknot_playhead_set_speed (UnknotPlayhead *self,
                           gint64          now,
                           double          speed)
{
  g_return_if_fail (UNKNOT_IS_PLAYHEAD (self));
  g_return_if_fail (speed > 0);

  reanchor (self, now, unknot_playhead_get_position (self, now));
  self->speed = speed;
}
