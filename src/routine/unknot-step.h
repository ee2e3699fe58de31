/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-cue.h"
#include "unknot-picture-sequence.h"
#include "unknot-vocabulary.h"

G_BEGIN_DECLS

/* What a <step> or a <rest> holds once loaded. A rest has only a duration. */
typedef enum
{
  UNKNOT_STEP_KIND_STEP,
  UNKNOT_STEP_KIND_REST,
} UnknotStepKind;

/* Everything a step is made of, for unknot_step_new(); the step copies what it keeps. */
typedef struct
{
  UnknotStepKind kind;
  UnknotRegion region;
  UnknotTechnique technique;
  UnknotTool tool;
  UnknotPressure pressure;
  UnknotSide side;
  gint64 duration;      /* ms; per side for UNKNOT_SIDE_EACH */
  gint64 switch_gap;    /* ms, or -1 for the user's setting */
  const char *title;
  const char *instructions;
  GPtrArray *cues;      /* nullable; of UnknotCue, sorted by time */
  UnknotPictureSequence *pictures;        /* nullable; the step's, and its left side's */
  UnknotPictureSequence *pictures_right;  /* nullable; the right side's own, instead of
                                           * the left ones mirrored */
  GFile *audio;         /* nullable */
  guint line;
} UnknotStepFields;

#define UNKNOT_TYPE_STEP (unknot_step_get_type ())
G_DECLARE_FINAL_TYPE (UnknotStep, unknot_step, UNKNOT, STEP, GObject)

UnknotStep      *unknot_step_new               (const UnknotStepFields *fields);

UnknotStepKind   unknot_step_get_kind          (UnknotStep *self);
UnknotRegion     unknot_step_get_region        (UnknotStep *self);
UnknotTechnique  unknot_step_get_technique     (UnknotStep *self);
UnknotTool       unknot_step_get_tool          (UnknotStep *self);
UnknotPressure   unknot_step_get_pressure      (UnknotStep *self);
UnknotSide       unknot_step_get_side          (UnknotStep *self);
gint64           unknot_step_get_duration      (UnknotStep *self);
gint64           unknot_step_get_switch_gap    (UnknotStep *self);
const char      *unknot_step_get_title         (UnknotStep *self);
const char      *unknot_step_get_instructions  (UnknotStep *self);
guint            unknot_step_get_n_cues        (UnknotStep *self);
UnknotCue       *unknot_step_get_cue           (UnknotStep *self,
                                                guint       index);
GFile           *unknot_step_get_image         (UnknotStep *self);
UnknotPictureSequence *unknot_step_get_pictures          (UnknotStep *self);
UnknotPictureSequence *unknot_step_get_pictures_right    (UnknotStep *self);
UnknotPictureSequence *unknot_step_get_pictures_for_side (UnknotStep *self,
                                                          UnknotSide  side,
                                                          gboolean   *mirrored);
GPtrArray       *unknot_step_get_media_files   (UnknotStep *self);
GFile           *unknot_step_get_audio         (UnknotStep *self);
guint            unknot_step_get_line          (UnknotStep *self);
gint64           unknot_step_get_total         (UnknotStep *self,
                                                gint64      default_switch_gap);

G_END_DECLS
