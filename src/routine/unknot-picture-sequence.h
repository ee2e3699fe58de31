/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How many pictures one side of a step may show in turn: a sequence is meant to be a
 * short loop, such as the two ends of a stroke, not a slide show. */
#define UNKNOT_PICTURE_SEQUENCE_MAX_FRAMES 8
/* How long each picture of a sequence may be shown, in ms. */
#define UNKNOT_PICTURE_FRAME_MIN_MS G_GINT64_CONSTANT (1000)
#define UNKNOT_PICTURE_FRAME_MAX_MS G_GINT64_CONSTANT (60000)

/* One picture of a sequence, for unknot_picture_sequence_new(). */
typedef struct
{
  GFile *file;
  gint64 duration;  /* ms; 0 for a still without a duration */
} UnknotPictureFrame;

#define UNKNOT_TYPE_PICTURE_SEQUENCE (unknot_picture_sequence_get_type ())
G_DECLARE_FINAL_TYPE (UnknotPictureSequence, unknot_picture_sequence, UNKNOT,
                      PICTURE_SEQUENCE, GObject)

UnknotPictureSequence *unknot_picture_sequence_new          (const UnknotPictureFrame *frames,
                                                             guint                     n_frames);
guint                  unknot_picture_sequence_get_n_frames  (UnknotPictureSequence    *self);
GFile                 *unknot_picture_sequence_get_file      (UnknotPictureSequence    *self,
                                                             guint                     index);
gint64                 unknot_picture_sequence_get_duration  (UnknotPictureSequence    *self,
                                                             guint                     index);
guint                  unknot_picture_sequence_get_frame_at  (UnknotPictureSequence    *self,
                                                             gint64                    elapsed);

G_END_DECLS
