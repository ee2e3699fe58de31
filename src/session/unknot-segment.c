/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-segment.h"

#include <glib/gi18n-lib.h>

/* One stretch of a session's timeline. Immutable: when the user adds time, the session
 * puts a retimed copy in its place, so a segment handed out never changes under its
 * holder. Times are routine time in ms, from the start of the routine. */
struct _UnknotSegment
{
  GObject parent_instance;

  UnknotSegmentKind kind;
  UnknotStep *step;  /* for STEP and SWITCH (the step whose sides switch), else NULL */
  UnknotSide side;   /* BOTH, LEFT or RIGHT; never EACH, which becomes two segments */
  guint step_number; /* 1-based among the routine's steps; 0 for PREPARE and REST */
  gint64 start;
  gint64 duration;
};

enum
{
  PROP_0,
  PROP_KIND,
  PROP_STEP,
  PROP_SIDE,
  PROP_STEP_NUMBER,
  PROP_START,
  PROP_DURATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ENUM_TYPE (UnknotSegmentKind, unknot_segment_kind,
                    G_DEFINE_ENUM_VALUE (UNKNOT_SEGMENT_PREPARE, "prepare"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_SEGMENT_STEP, "step"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_SEGMENT_SWITCH, "switch"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_SEGMENT_REST, "rest"))

G_DEFINE_FINAL_TYPE (UnknotSegment, unknot_segment, G_TYPE_OBJECT)

static void
unknot_segment_finalize (GObject *object)
{
  UnknotSegment *self = UNKNOT_SEGMENT (object);

  g_clear_object (&self->step);

  G_OBJECT_CLASS (unknot_segment_parent_class)->finalize (object);
}

static void
unknot_segment_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  UnknotSegment *self = UNKNOT_SEGMENT (object);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_STEP: g_value_set_object (value, self->step); break;
    case PROP_SIDE: g_value_set_uint (value, self->side); break;
    case PROP_STEP_NUMBER: g_value_set_uint (value, self->step_number); break;
    case PROP_START: g_value_set_int64 (value, self->start); break;
    case PROP_DURATION: g_value_set_int64 (value, self->duration); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_segment_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  UnknotSegment *self = UNKNOT_SEGMENT (object);

  switch (prop_id)
    {
    case PROP_KIND: self->kind = g_value_get_enum (value); break;
    case PROP_STEP: self->step = g_value_dup_object (value); break;
    case PROP_SIDE: self->side = g_value_get_uint (value); break;
    case PROP_STEP_NUMBER: self->step_number = g_value_get_uint (value); break;
    case PROP_START: self->start = g_value_get_int64 (value); break;
    case PROP_DURATION: self->duration = g_value_get_int64 (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_segment_class_init (UnknotSegmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = unknot_segment_finalize;
  object_class->get_property = unknot_segment_get_property;
  object_class->set_property = unknot_segment_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, UNKNOT_TYPE_SEGMENT_KIND, UNKNOT_SEGMENT_STEP, flags);
  properties[PROP_STEP] = g_param_spec_object ("step", NULL, NULL, UNKNOT_TYPE_STEP, flags);
  properties[PROP_SIDE] =
    g_param_spec_uint ("side", NULL, NULL, 0, UNKNOT_SIDE_RIGHT, UNKNOT_SIDE_BOTH, flags);
  properties[PROP_STEP_NUMBER] =
    g_param_spec_uint ("step-number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_START] = g_param_spec_int64 ("start", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_DURATION] =
    g_param_spec_int64 ("duration", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_segment_init (UnknotSegment *self)
{
}

/**
 * unknot_segment_new:
 * @step: (nullable): the step for STEP and SWITCH segments
 * @side: BOTH, LEFT or RIGHT
 * @step_number: 1-based among the routine's steps, 0 for PREPARE and REST
 * @start: planned start, ms of routine time from the start of the routine
 * @duration: planned length in ms
 */
UnknotSegment *
unknot_segment_new (UnknotSegmentKind  kind,
                    UnknotStep        *step,
                    UnknotSide         side,
                    guint              step_number,
                    gint64             start,
                    gint64             duration)
{
  g_return_val_if_fail (step == NULL || UNKNOT_IS_STEP (step), NULL);
  g_return_val_if_fail ((step != NULL) ==
                        (kind == UNKNOT_SEGMENT_STEP || kind == UNKNOT_SEGMENT_SWITCH), NULL);
  g_return_val_if_fail (side != UNKNOT_SIDE_EACH, NULL);
  g_return_val_if_fail (start >= 0 && duration >= 0, NULL);

  return g_object_new (UNKNOT_TYPE_SEGMENT,
                       "kind", kind,
                       "step", step,
                       "side", side,
                       "step-number", step_number,
                       "start", start,
                       "duration", duration,
                       NULL);
}

/* A copy of @self at another place or with another length in the timeline. */
UnknotSegment *
unknot_segment_new_retimed (UnknotSegment *self,
                            gint64         start,
                            gint64         duration)
{
  g_return_val_if_fail (UNKNOT_IS_SEGMENT (self), NULL);

  return unknot_segment_new (self->kind, self->step, self->side, self->step_number,
                             start, duration);
}

UnknotSegmentKind
unknot_segment_get_kind (UnknotSegment *self)
{
  g_return_val_if_fail (UNKNOT_IS_SEGMENT (self), UNKNOT_SEGMENT_STEP);
  return self->kind;
}

/**
 * unknot_segment_get_step:
 *
 * Returns: (transfer none) (nullable): the step of a STEP or SWITCH segment
 */
UnknotStep *
unknot_segment_get_step (UnknotSegment *self)
{
  g_return_val_if_fail (UNKNOT_IS_SEGMENT (self), NULL);
  return self->step;
}

UnknotSide
unknot_segment_get_side (UnknotSegment *self)
{
  g_return_val_if_fail (UNKNOT_IS_SEGMENT (self), UNKNOT_SIDE_BOTH);
  return self->side;
}

/* For "Step 3 of 8"; 0 for PREPARE and REST. */
guint
unknot_segment_get_step_number (UnknotSegment *self)
{
  g_return_val_if_fail (UNKNOT_IS_SEGMENT (self), 0);
  return self->step_number;
}

gint64
unknot_segment_get_start (UnknotSegment *self)
{
  g_return_val_if_fail (UNKNOT_IS_SEGMENT (self), 0);
  return self->start;
}

gint64
unknot_segment_get_duration (UnknotSegment *self)
{
  g_return_val_if_fail (UNKNOT_IS_SEGMENT (self), 0);
  return self->duration;
}

gint64
unknot_segment_get_end (UnknotSegment *self)
{
  g_return_val_if_fail (UNKNOT_IS_SEGMENT (self), 0);
  return self->start + self->duration;
}

static gboolean
is_side_of_each_step (UnknotSegment *self)
{
  return self->kind == UNKNOT_SEGMENT_STEP &&
         unknot_step_get_side (self->step) == UNKNOT_SIDE_EACH;
}

/* Whether this is the left side of a side="each" step, after which the sides switch. */
gboolean
unknot_segment_is_first_side (UnknotSegment *self)
{
  g_return_val_if_fail (UNKNOT_IS_SEGMENT (self), FALSE);
  return is_side_of_each_step (self) && self->side == UNKNOT_SIDE_LEFT;
}

/* Whether the step is done when this segment ends: a step's only segment, or the right
 * side of a side="each" step. */
gboolean
unknot_segment_ends_step (UnknotSegment *self)
{
  g_return_val_if_fail (UNKNOT_IS_SEGMENT (self), FALSE);
  return self->kind == UNKNOT_SEGMENT_STEP && !unknot_segment_is_first_side (self);
}

static void
append_part (GString    *text,
             const char *part)
{
  if (text->len > 0)
    /* Translators: joins the parts of a one-line description of a part of a routine,
     * as in "Left side · Calves · Petrissage" */
    g_string_append (text, C_("segment description", " · "));
  g_string_append (text, part);
}

/**
 * unknot_segment_describe:
 *
 * A one-line, translated description for screens, notifications and spoken prompts,
 * such as "Left side · Calves · Petrissage", "Switch sides · Calves", "Rest".
 *
 * Returns: (transfer full): the description
 */
char *
unknot_segment_describe (UnknotSegment *self)
{
  GString *text;

  g_return_val_if_fail (UNKNOT_IS_SEGMENT (self), NULL);

  text = g_string_new (NULL);
  switch (self->kind)
    {
    case UNKNOT_SEGMENT_PREPARE:
      append_part (text, _("Get ready"));
      break;
    case UNKNOT_SEGMENT_STEP:
      if (self->side != UNKNOT_SIDE_BOTH)
        append_part (text, unknot_side_get_label (self->side));
      append_part (text, unknot_region_get_label (unknot_step_get_region (self->step)));
      append_part (text, unknot_technique_get_label (unknot_step_get_technique (self->step)));
      break;
    case UNKNOT_SEGMENT_SWITCH:
      append_part (text, _("Switch sides"));
      append_part (text, unknot_region_get_label (unknot_step_get_region (self->step)));
      break;
    case UNKNOT_SEGMENT_REST:
      append_part (text, _("Rest"));
      break;
    default:
      g_assert_not_reached ();
    }
  return g_string_free (text, FALSE);
}
