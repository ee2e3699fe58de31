/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-picture-reader.h"

/* Reads the <image>s of one step. Without side= (or with side="left") an image is the
 * step's and its left side's, with side="right" the right side's own, shown as drawn
 * instead of the left one mirrored.
 *
 * One image for a side is a still, as in every file written before sequences existed.
 * Several for the same side are a sequence, shown in file order, and then each needs a
 * duration: there is no sensible default pace for someone else's pictures, and a
 * forgotten duration is more likely a second picture put there by mistake. */

/* The images of one side, as they were read. */
typedef struct
{
  GPtrArray *nodes;   /* of xmlNode, every <image> of the side, for messages */
  GArray *frames;     /* of UnknotPictureFrame: those whose file can be shown */
  gboolean broken;    /* a duration was wrong: the step is not made, so no sequence */
} Side;

struct _UnknotPictureReader
{
  UnknotElementReader *elements;  /* not owned: the step reader outlives this */
  UnknotMediaReader *media;       /* not owned, likewise */
  Side left;
  Side right;
};

static void
frame_clear (gpointer data)
{
  UnknotPictureFrame *frame = data;
  g_clear_object (&frame->file);
}

static void
side_init (Side *side)
{
  side->nodes = g_ptr_array_new ();
  side->frames = g_array_new (FALSE, TRUE, sizeof (UnknotPictureFrame));
  g_array_set_clear_func (side->frames, frame_clear);
}

static void
side_clear (Side *side)
{
  g_clear_pointer (&side->nodes, g_ptr_array_unref);
  g_clear_pointer (&side->frames, g_array_unref);
}

UnknotPictureReader *
unknot_picture_reader_new (UnknotElementReader *elements,
                           UnknotMediaReader   *media)
{
  UnknotPictureReader *self;

  g_return_val_if_fail (UNKNOT_IS_ELEMENT_READER (elements), NULL);
  g_return_val_if_fail (UNKNOT_IS_MEDIA_READER (media), NULL);

  self = g_new0 (UnknotPictureReader, 1);
  self->elements = elements;
  self->media = media;
  side_init (&self->left);
  side_init (&self->right);
  return self;
}

void
unknot_picture_reader_free (UnknotPictureReader *self)
{
  if (self == NULL)
    return;
  side_clear (&self->left);
  side_clear (&self->right);
  g_free (self);
}

static UnknotProblemCollector *
get_problems (UnknotPictureReader *self)
{
  return unknot_element_reader_get_problems (self->elements);
}

/* The side @node is for, or NULL (reported) if its side= is not one an image has. */
static Side *
find_side (UnknotPictureReader *self,
           xmlNode             *node)
{
  g_autofree char *side = unknot_element_reader_get_attribute (node, "side");

  if (side == NULL || g_str_equal (side, "left"))
    return &self->left;
  if (g_str_equal (side, "right"))
    return &self->right;

  unknot_problem_collector_error (get_problems (self), node, "side",
                                  UNKNOT_ROUTINE_ERROR_UNKNOWN_VALUE,
                                  /* Translators: side="…" of an <image>; keep the quoted
                                   * words as they are */
                                  _("unknown side '%s' for <image>: use \"left\" or "
                                    "\"right\", or leave it out for both"), side);
  return NULL;
}

/* Reads one <image>: its duration now, so that a wrong one is reported where it stands,
 * and its file, which the media reader checks (a missing one is left out of the
 * sequence in the app, as a lone missing picture is). */
void
unknot_picture_reader_read (UnknotPictureReader *self,
                            xmlNode             *node)
{
  Side *side = find_side (self, node);
  UnknotPictureFrame frame = { NULL, 0 };

  g_return_if_fail (self != NULL);

  if (side == NULL)
    return;
  g_ptr_array_add (side->nodes, node);
  if (!unknot_element_reader_read_duration (self->elements, node, "duration", FALSE,
                                            UNKNOT_PICTURE_FRAME_MIN_MS,
                                            UNKNOT_PICTURE_FRAME_MAX_MS, &frame.duration))
    side->broken = TRUE;
  frame.file = unknot_media_reader_read (self->media, node);
  if (frame.file != NULL)
    g_array_append_val (side->frames, frame);
}

/* More pictures than a sequence may have: reported once, at the first one too many. */
static void
check_length (UnknotPictureReader *self,
              Side                *side)
{
  guint most = UNKNOT_PICTURE_SEQUENCE_MAX_FRAMES;
  g_autofree char *message = NULL;

  if (side->nodes->len <= most)
    return;
  side->broken = TRUE;
  /* Translators: %u is the most pictures a step may show in turn for one side, 8; keep
   * <image> as it is */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "a step may show at most %u picture "
                                          "for each side: a sequence is meant to be short, so "
                                          "leave out this <image> and those after it",
                                          "a step may show at most %u pictures for each side: "
                                          "a sequence is meant to be short, so leave out this "
                                          "<image> and those after it", most), most);
  unknot_problem_collector_error (get_problems (self), g_ptr_array_index (side->nodes, most), NULL,
                                  UNKNOT_ROUTINE_ERROR_DUPLICATE_ELEMENT, "%s", message);
}

/* In a sequence, every picture without a duration, each at its own <image>. */
static void
check_durations (UnknotPictureReader *self,
                 Side                *side)
{
  if (side->nodes->len < 2)
    return;
  for (guint i = 0; i < side->nodes->len; i++)
    {
      xmlNode *node = g_ptr_array_index (side->nodes, i);
      g_autofree char *duration = unknot_element_reader_get_attribute (node, "duration");

      if (duration != NULL)
        continue;
      side->broken = TRUE;
      unknot_problem_collector_error (get_problems (self), node, NULL,
                                      UNKNOT_ROUTINE_ERROR_MISSING_ATTRIBUTE,
                                      /* Translators: keep <image> and duration="2s" as they
                                       * are */
                                      _("<image> needs a duration here, as the step shows "
                                        "several pictures for this side in turn: give each "
                                        "picture of a sequence a duration, such as "
                                        "duration=\"2s\""));
    }
}

static UnknotPictureSequence *
finish_side (UnknotPictureReader *self,
             Side                *side)
{
  check_length (self, side);
  check_durations (self, side);
  if (side->broken || side->frames->len == 0)
    return NULL;
  return unknot_picture_sequence_new (&g_array_index (side->frames, UnknotPictureFrame, 0),
                                      side->frames->len);
}

/**
 * unknot_picture_reader_finish:
 * @left: (out) (transfer full) (nullable): the step's pictures, and its left side's
 * @right: (out) (transfer full) (nullable): the right side's own pictures
 *
 * Checks what only all the images of a side together tell: how many there are, and
 * that a sequence has a duration for each. A side without a picture that can be shown
 * gets %NULL.
 */
void
unknot_picture_reader_finish (UnknotPictureReader    *self,
                              UnknotPictureSequence **left,
                              UnknotPictureSequence **right)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (left != NULL && right != NULL);

  *left = finish_side (self, &self->left);
  *right = finish_side (self, &self->right);
}
