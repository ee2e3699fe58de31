/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-step.h"

/* One <step> or <rest> of a routine, immutable: made once by the parser and never
 * changed, so sessions and views can share it freely. The properties are read-only,
 * for bindings and expressions in the UI. */
struct _UnknotStep
{
  GObject parent_instance;

  UnknotStepKind kind;
  UnknotRegion region;
  UnknotTechnique technique;
  UnknotTool tool;
  UnknotPressure pressure;
  UnknotSide side;
  gint64 duration;   /* ms; per side when side is "each" */
  gint64 switch_gap; /* ms between the sides, or -1 for the user's setting */
  char *title;
  char *instructions;
  GPtrArray *cues;   /* of UnknotCue, sorted by time */
  UnknotPictureSequence *pictures;        /* nullable */
  UnknotPictureSequence *pictures_right;  /* nullable */
  GFile *audio;
  guint line;        /* where the step starts in its file, for messages */
};

enum
{
  PROP_0,
  PROP_KIND,
  PROP_REGION,
  PROP_TECHNIQUE,
  PROP_TOOL,
  PROP_PRESSURE,
  PROP_SIDE,
  PROP_DURATION,
  PROP_SWITCH_GAP,
  PROP_TITLE,
  PROP_INSTRUCTIONS,
  PROP_CUES,
  PROP_IMAGE,
  PROP_AUDIO,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotStep, unknot_step, G_TYPE_OBJECT)

static void
unknot_step_finalize (GObject *object)
{
  UnknotStep *self = UNKNOT_STEP (object);

  g_free (self->title);
  g_free (self->instructions);
  g_clear_pointer (&self->cues, g_ptr_array_unref);
  g_clear_object (&self->pictures);
  g_clear_object (&self->pictures_right);
  g_clear_object (&self->audio);

  G_OBJECT_CLASS (unknot_step_parent_class)->finalize (object);
}

static void
unknot_step_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  UnknotStep *self = UNKNOT_STEP (object);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_uint (value, self->kind); break;
    case PROP_REGION: g_value_set_uint (value, self->region); break;
    case PROP_TECHNIQUE: g_value_set_uint (value, self->technique); break;
    case PROP_TOOL: g_value_set_uint (value, self->tool); break;
    case PROP_PRESSURE: g_value_set_uint (value, self->pressure); break;
    case PROP_SIDE: g_value_set_uint (value, self->side); break;
    case PROP_DURATION: g_value_set_int64 (value, self->duration); break;
    case PROP_SWITCH_GAP: g_value_set_int64 (value, self->switch_gap); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_INSTRUCTIONS: g_value_set_string (value, self->instructions); break;
    case PROP_CUES: g_value_set_boxed (value, self->cues); break;
    case PROP_IMAGE: g_value_set_object (value, unknot_step_get_image (self)); break;
    case PROP_AUDIO: g_value_set_object (value, self->audio); break;
    case PROP_LINE: g_value_set_uint (value, self->line); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
uint_property (const char *name,
               guint       maximum,
               guint       default_value)
{
  return g_param_spec_uint (name, NULL, NULL, 0, maximum, default_value,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
unknot_step_class_init (UnknotStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = unknot_step_finalize;
  object_class->get_property = unknot_step_get_property;

  properties[PROP_KIND] = uint_property ("kind", UNKNOT_STEP_KIND_REST, UNKNOT_STEP_KIND_STEP);
  properties[PROP_REGION] = uint_property ("region", UNKNOT_N_REGIONS - 1, 0);
  properties[PROP_TECHNIQUE] = uint_property ("technique", UNKNOT_N_TECHNIQUES - 1, 0);
  properties[PROP_TOOL] = uint_property ("tool", UNKNOT_N_TOOLS - 1, UNKNOT_TOOL_HANDS);
  properties[PROP_PRESSURE] = uint_property ("pressure", UNKNOT_PRESSURE_UNSPECIFIED,
                                             UNKNOT_PRESSURE_UNSPECIFIED);
  properties[PROP_SIDE] = uint_property ("side", UNKNOT_N_SIDES - 1, UNKNOT_SIDE_BOTH);
  properties[PROP_DURATION] =
    g_param_spec_int64 ("duration", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SWITCH_GAP] =
    g_param_spec_int64 ("switch-gap", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_INSTRUCTIONS] = g_param_spec_string ("instructions", NULL, NULL, NULL, flags);
  properties[PROP_CUES] = g_param_spec_boxed ("cues", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  properties[PROP_IMAGE] = g_param_spec_object ("image", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_AUDIO] = g_param_spec_object ("audio", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_LINE] = uint_property ("line", G_MAXUINT, 0);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_step_init (UnknotStep *self)
{
}

UnknotStep *
unknot_step_new (const UnknotStepFields *fields)
{
  UnknotStep *self;

  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (fields->duration > 0, NULL);

  self = g_object_new (UNKNOT_TYPE_STEP, NULL);
  self->kind = fields->kind;
  self->region = fields->region;
  self->technique = fields->technique;
  self->tool = fields->tool;
  self->pressure = fields->pressure;
  self->side = fields->side;
  self->duration = fields->duration;
  self->switch_gap = fields->switch_gap;
  self->title = g_strdup (fields->title);
  self->instructions = g_strdup (fields->instructions);
  self->cues = fields->cues != NULL
               ? g_ptr_array_ref (fields->cues)
               : g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_cue_unref);
  g_set_object (&self->pictures, fields->pictures);
  g_set_object (&self->pictures_right, fields->pictures_right);
  g_set_object (&self->audio, fields->audio);
  self->line = fields->line;
  return self;
}

UnknotStepKind
unknot_step_get_kind (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), UNKNOT_STEP_KIND_STEP);
  return self->kind;
}

UnknotRegion
unknot_step_get_region (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), 0);
  return self->region;
}

UnknotTechnique
unknot_step_get_technique (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), 0);
  return self->technique;
}

UnknotTool
unknot_step_get_tool (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), UNKNOT_TOOL_HANDS);
  return self->tool;
}

UnknotPressure
unknot_step_get_pressure (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), UNKNOT_PRESSURE_UNSPECIFIED);
  return self->pressure;
}

UnknotSide
unknot_step_get_side (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), UNKNOT_SIDE_BOTH);
  return self->side;
}

/* Milliseconds; for side "each" this is the time of one side. */
gint64
unknot_step_get_duration (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), 0);
  return self->duration;
}

/* The pause between the sides of an "each" step in ms, or -1 if the file leaves it to
 * the user's setting. */
gint64
unknot_step_get_switch_gap (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), -1);
  return self->switch_gap;
}

const char *
unknot_step_get_title (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), NULL);
  return self->title;
}

const char *
unknot_step_get_instructions (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), NULL);
  return self->instructions;
}

guint
unknot_step_get_n_cues (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), 0);
  return self->cues->len;
}

UnknotCue *
unknot_step_get_cue (UnknotStep *self,
                     guint       index)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), NULL);
  g_return_val_if_fail (index < self->cues->len, NULL);
  return g_ptr_array_index (self->cues, index);
}

/* Returns: (transfer none) (nullable): the step's first picture, a still for where
 * nothing moves, such as a printed handout */
GFile *
unknot_step_get_image (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), NULL);
  return self->pictures != NULL ? unknot_picture_sequence_get_file (self->pictures, 0) : NULL;
}

/* Returns: (transfer none) (nullable): the step's pictures, and its left side's */
UnknotPictureSequence *
unknot_step_get_pictures (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), NULL);
  return self->pictures;
}

/* Returns: (transfer none) (nullable): the right side's own pictures, <image side="right"> */
UnknotPictureSequence *
unknot_step_get_pictures_right (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), NULL);
  return self->pictures_right;
}

/**
 * unknot_step_get_pictures_for_side:
 * @side: the side being worked
 * @mirrored: (out): whether to show the pictures mirrored
 *
 * The pictures to show for @side: the side's own if the author drew them, or else the
 * other side's mirrored (authors draw the left side, and the right is its mirror image).
 *
 * Returns: (transfer none) (nullable): the pictures, or %NULL if the step has none
 */
UnknotPictureSequence *
unknot_step_get_pictures_for_side (UnknotStep *self,
                                   UnknotSide  side,
                                   gboolean   *mirrored)
{
  gboolean right = side == UNKNOT_SIDE_RIGHT;
  UnknotPictureSequence *own = right ? self->pictures_right : self->pictures;
  UnknotPictureSequence *other = right ? self->pictures : self->pictures_right;

  g_return_val_if_fail (UNKNOT_IS_STEP (self), NULL);
  g_return_val_if_fail (mirrored != NULL, NULL);

  *mirrored = own == NULL && other != NULL;
  return own != NULL ? own : other;
}

static void
add_pictures (GPtrArray             *files,
              UnknotPictureSequence *pictures)
{
  for (guint i = 0; pictures != NULL && i < unknot_picture_sequence_get_n_frames (pictures); i++)
    g_ptr_array_add (files, g_object_ref (unknot_picture_sequence_get_file (pictures, i)));
}

/**
 * unknot_step_get_media_files:
 *
 * Every file the step shows or plays: each picture of each side, then the audio; a
 * file named twice is listed twice. For what must travel with the routine, such as a
 * pack or a copy in the library.
 *
 * Returns: (transfer container) (element-type GFile): the files
 */
GPtrArray *
unknot_step_get_media_files (UnknotStep *self)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (UNKNOT_IS_STEP (self), files);

  add_pictures (files, self->pictures);
  add_pictures (files, self->pictures_right);
  if (self->audio != NULL)
    g_ptr_array_add (files, g_object_ref (self->audio));
  return files;
}

GFile *
unknot_step_get_audio (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), NULL);
  return self->audio;
}

guint
unknot_step_get_line (UnknotStep *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), 0);
  return self->line;
}

/* How long the step takes in all: both sides and the gap between them for "each". */
gint64
unknot_step_get_total (UnknotStep *self,
                       gint64      default_switch_gap)
{
  g_return_val_if_fail (UNKNOT_IS_STEP (self), 0);

  if (self->kind == UNKNOT_STEP_KIND_STEP && self->side == UNKNOT_SIDE_EACH)
    {
      gint64 gap = self->switch_gap >= 0 ? self->switch_gap : default_switch_gap;
      return 2 * self->duration + gap;
    }

  return self->duration;
}
