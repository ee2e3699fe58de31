/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-picture-sequence.h"

/* The pictures of one side of a step: a single still, or a short sequence whose
 * pictures take turns, each for its own duration, over and over for as long as the side
 * lasts (as Workrave shows its exercises). A sequence shows a movement that one picture
 * cannot, such as the start and the end of a stroke.
 *
 * Immutable, like the step that holds it: the player asks which picture belongs to a
 * moment of the side, and never keeps time here. */
struct _UnknotPictureSequence
{
  GObject parent_instance;

  GArray *frames;  /* of UnknotPictureFrame, each holding a reference to its file */
  gint64 cycle;    /* ms of one round through every frame; 0 for a still */
};

G_DEFINE_FINAL_TYPE (UnknotPictureSequence, unknot_picture_sequence, G_TYPE_OBJECT)

static void
frame_clear (gpointer data)
{
  UnknotPictureFrame *frame = data;
  g_clear_object (&frame->file);
}

static void
unknot_picture_sequence_finalize (GObject *object)
{
  UnknotPictureSequence *self = UNKNOT_PICTURE_SEQUENCE (object);

  g_clear_pointer (&self->frames, g_array_unref);

  G_OBJECT_CLASS (unknot_picture_sequence_parent_class)->finalize (object);
}

static void
unknot_picture_sequence_class_init (UnknotPictureSequenceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_picture_sequence_finalize;
}

static void
unknot_picture_sequence_init (UnknotPictureSequence *self)
{
  self->frames = g_array_new (FALSE, TRUE, sizeof (UnknotPictureFrame));
  g_array_set_clear_func (self->frames, frame_clear);
}

/* A sequence needs a duration for every picture: without one it would never move on. */
static gboolean
are_timed (const UnknotPictureFrame *frames,
           guint                     n_frames)
{
  for (guint i = 0; i < n_frames; i++)
    if (frames[i].file == NULL
        || (n_frames > 1 && frames[i].duration < UNKNOT_PICTURE_FRAME_MIN_MS))
      return FALSE;
  return TRUE;
}

/**
 * unknot_picture_sequence_new:
 * @frames: (array length=n_frames): the pictures in the order they are shown; with more
 *   than one, each needs a duration of at least %UNKNOT_PICTURE_FRAME_MIN_MS
 * @n_frames: at least 1, at most %UNKNOT_PICTURE_SEQUENCE_MAX_FRAMES
 *
 * The parser has checked what the author wrote; these are the rules it enforced.
 */
UnknotPictureSequence *
unknot_picture_sequence_new (const UnknotPictureFrame *frames,
                             guint                     n_frames)
{
  UnknotPictureSequence *self;

  g_return_val_if_fail (frames != NULL, NULL);
  g_return_val_if_fail (n_frames >= 1 && n_frames <= UNKNOT_PICTURE_SEQUENCE_MAX_FRAMES, NULL);
  g_return_val_if_fail (are_timed (frames, n_frames), NULL);

  self = g_object_new (UNKNOT_TYPE_PICTURE_SEQUENCE, NULL);
  for (guint i = 0; i < n_frames; i++)
    {
      UnknotPictureFrame frame = { g_object_ref (frames[i].file), MAX (frames[i].duration, 0) };

      g_array_append_val (self->frames, frame);
      self->cycle += frame.duration;
    }
  /* A lone picture is a still, whatever duration it was given. */
  if (n_frames == 1)
    self->cycle = 0;
  return self;
}

guint
unknot_picture_sequence_get_n_frames (UnknotPictureSequence *self)
{
  g_return_val_if_fail (UNKNOT_IS_PICTURE_SEQUENCE (self), 0);
  return self->frames->len;
}

/* Returns: (transfer none): the picture at @index */
GFile *
unknot_picture_sequence_get_file (UnknotPictureSequence *self,
                                  guint                  index)
{
  g_return_val_if_fail (UNKNOT_IS_PICTURE_SEQUENCE (self), NULL);
  g_return_val_if_fail (index < self->frames->len, NULL);
  return g_array_index (self->frames, UnknotPictureFrame, index).file;
}

/* How long the picture at @index is shown in ms, or 0 for a still without a duration. */
gint64
unknot_picture_sequence_get_duration (UnknotPictureSequence *self,
                                      guint                  index)
{
  g_return_val_if_fail (UNKNOT_IS_PICTURE_SEQUENCE (self), 0);
  g_return_val_if_fail (index < self->frames->len, 0);
  return g_array_index (self->frames, UnknotPictureFrame, index).duration;
}

/**
 * unknot_picture_sequence_get_frame_at:
 * @elapsed: ms since the side began
 *
 * The picture shown @elapsed into the side: the sequence starts again at its first
 * picture whenever it has shown its last, so a side longer than the sequence loops it.
 *
 * Returns: the index of the picture
 */
guint
unknot_picture_sequence_get_frame_at (UnknotPictureSequence *self,
                                      gint64                 elapsed)
{
  gint64 into_cycle;

  g_return_val_if_fail (UNKNOT_IS_PICTURE_SEQUENCE (self), 0);

  if (self->cycle <= 0 || elapsed <= 0)
    return 0;
  into_cycle = elapsed % self->cycle;
  for (guint i = 0; i < self->frames->len; i++)
    {
      gint64 duration = g_array_index (self->frames, UnknotPictureFrame, i).duration;

      if (into_cycle < duration)
        return i;
      into_cycle -= duration;
    }
  g_assert_not_reached ();
}
