/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-cue-reader.h"
#include "unknot-routine-reader.h"
#include "unknot-routine.h"
#include "unknot-step-reader.h"
#include "unknot-text-variants.h"

/* Reads a <step> or a <rest> into an UnknotStep: the step's attributes, then each
 * element inside it by the table below.
 *
 * To add an element to <step>: write its reader, add a line to step_children, keep
 * what it yields in StepContent, and add it to data/schema/routine.rng as well. */

static const char *const step_attributes[] = {
  "region", "technique", "tool", "pressure", "side", "duration", "switch", NULL
};
static const char *const rest_attributes[] = { "duration", NULL };

struct _UnknotStepReader
{
  GObject parent_instance;

  UnknotElementReader *elements;
  UnknotProblemCollector *problems;
  UnknotMediaReader *media;
  const char *const *languages;  /* not owned: the parser's, which outlives the reading */
};

G_DEFINE_FINAL_TYPE (UnknotStepReader, unknot_step_reader, G_TYPE_OBJECT)

/* The attributes of a <step>. */
typedef struct
{
  guint region, technique, tool, pressure, side;
  gint64 duration;
  gint64 switch_gap;
} StepAttributes;

/* What the elements inside one <step> yield. */
typedef struct
{
  UnknotTextVariants *title;
  UnknotTextVariants *instructions;
  UnknotCueReader *cues;
  xmlNode *image_node;
  xmlNode *image_right_node;
  xmlNode *audio_node;
  GFile *image;
  GFile *image_right;   /* the right side's own picture, from <image side="right"> */
  GFile *audio;
} StepContent;

typedef void (*ChildReader) (UnknotStepReader *self,
                             xmlNode          *child,
                             StepContent      *content);

static void read_title        (UnknotStepReader *, xmlNode *, StepContent *);
static void read_instructions (UnknotStepReader *, xmlNode *, StepContent *);
static void read_cue          (UnknotStepReader *, xmlNode *, StepContent *);
static void read_image        (UnknotStepReader *, xmlNode *, StepContent *);
static void read_audio        (UnknotStepReader *, xmlNode *, StepContent *);

static const struct
{
  const char *name;
  ChildReader read;
} step_children[] = {
  { "title", read_title },
  { "instructions", read_instructions },
  { "cue", read_cue },
  { "image", read_image },
  { "audio", read_audio },
};

static void
unknot_step_reader_finalize (GObject *object)
{
  UnknotStepReader *self = UNKNOT_STEP_READER (object);

  g_clear_object (&self->elements);
  g_clear_object (&self->problems);
  g_clear_object (&self->media);

  G_OBJECT_CLASS (unknot_step_reader_parent_class)->finalize (object);
}

static void
unknot_step_reader_class_init (UnknotStepReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_step_reader_finalize;
}

static void
unknot_step_reader_init (UnknotStepReader *self)
{
}

/* @languages: the user's languages, normalised; they must outlive the reader */
UnknotStepReader *
unknot_step_reader_new (UnknotElementReader *elements,
                        UnknotMediaReader   *media,
                        const char *const   *languages)
{
  UnknotStepReader *self;

  g_return_val_if_fail (UNKNOT_IS_ELEMENT_READER (elements), NULL);
  g_return_val_if_fail (UNKNOT_IS_MEDIA_READER (media), NULL);

  self = g_object_new (UNKNOT_TYPE_STEP_READER, NULL);
  self->elements = g_object_ref (elements);
  self->problems = g_object_ref (unknot_element_reader_get_problems (elements));
  self->media = g_object_ref (media);
  self->languages = languages;
  return self;
}

/* ---- the elements inside a step ----------------------------------------------------- */

static const char *const text_attributes[] = { "xml:lang", NULL };

static void
read_title (UnknotStepReader *self,
            xmlNode          *child,
            StepContent      *content)
{
  unknot_element_reader_check_attributes (self->elements, child, text_attributes);
  unknot_text_variants_add (content->title, self->elements, child);
}

static void
read_instructions (UnknotStepReader *self,
                   xmlNode          *child,
                   StepContent      *content)
{
  unknot_element_reader_check_attributes (self->elements, child, text_attributes);
  unknot_text_variants_add (content->instructions, self->elements, child);
}

static void
read_cue (UnknotStepReader *self,
          xmlNode          *child,
          StepContent      *content)
{
  unknot_cue_reader_read (content->cues, child);
}

/* A second <image> (for the same side) or <audio> is reported and read as nothing: the
 * first one stays. */
static void
read_media_once (UnknotStepReader  *self,
                 xmlNode           *child,
                 xmlNode          **seen,
                 GFile            **media)
{
  if (*seen != NULL && g_str_equal ((const char *) child->name, "image"))
    {
      unknot_problem_collector_error (self->problems, child, NULL,
                                      UNKNOT_ROUTINE_ERROR_DUPLICATE_ELEMENT,
                                      /* Translators: keep the quoted words as they are */
                                      _("<image> may appear only once in a step for each "
                                        "side: one without side= (or with side=\"left\") "
                                        "and one with side=\"right\""));
      return;
    }
  if (*seen != NULL)
    {
      unknot_problem_collector_error (self->problems, child, NULL,
                                      UNKNOT_ROUTINE_ERROR_DUPLICATE_ELEMENT,
                                      /* Translators: %s is image or audio */
                                      _("<%s> may appear only once in a step"),
                                      unknot_element_reader_name_of (child));
      return;
    }
  *seen = child;
  *media = unknot_media_reader_read (self->media, child);
}

/* One picture for the step, or one for each side: without side= (or with side="left")
 * the picture of the step and of its left side, with side="right" the right side's, which
 * is shown as drawn instead of the left one mirrored. */
static void
read_image (UnknotStepReader *self,
            xmlNode          *child,
            StepContent      *content)
{
  g_autofree char *side = unknot_element_reader_get_attribute (child, "side");

  if (side == NULL || g_str_equal (side, "left"))
    read_media_once (self, child, &content->image_node, &content->image);
  else if (g_str_equal (side, "right"))
    read_media_once (self, child, &content->image_right_node, &content->image_right);
  else
    unknot_problem_collector_error (self->problems, child, "side",
                                    UNKNOT_ROUTINE_ERROR_UNKNOWN_VALUE,
                                    /* Translators: side="…" of an <image>; keep the quoted
                                     * words as they are */
                                    _("unknown side '%s' for <image>: use \"left\" or "
                                      "\"right\", or leave it out for both"), side);
}

static void
read_audio (UnknotStepReader *self,
            xmlNode          *child,
            StepContent      *content)
{
  read_media_once (self, child, &content->audio_node, &content->audio);
}

/* Whether <step> may hold an element of this name. */
gboolean
unknot_step_reader_is_child (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_children); i++)
    if (g_str_equal (name, step_children[i].name))
      return TRUE;
  return FALSE;
}

/* An element of <routine> inside a step: most likely the step's </step> is missing
 * before it (or was moved below it), which XML cannot tell, as the file is still
 * well-formed when a </step> further down makes up for it. */
static void
report_routine_child (UnknotStepReader *self,
                      xmlNode          *child)
{
  unknot_problem_collector_error (self->problems, child, NULL, UNKNOT_ROUTINE_ERROR_MISPLACED,
                                  /* Translators: e.g. <step> cannot stand inside the <step> of line
                                   * 7: is </step> missing before it? Keep the tags as they are. */
                                  _("<%s> cannot stand inside the <step> of line %u: is "
                                    "</step> missing before it?"),
                                  unknot_element_reader_name_of (child),
                                  unknot_problem_collector_get_line (self->problems,
                                                                     child->parent));
}

static void
read_child (UnknotStepReader *self,
            xmlNode          *child,
            StepContent      *content)
{
  const char *name = unknot_element_reader_name_of (child);
  const char *known[G_N_ELEMENTS (step_children) + 1] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (step_children); i++)
    {
      if (g_str_equal (name, step_children[i].name))
        {
          step_children[i].read (self, child, content);
          return;
        }
      known[i] = step_children[i].name;
    }

  if (unknot_routine_reader_is_child (name))
    report_routine_child (self, child);
  else
    unknot_element_reader_report_unknown_element (self->elements, child, known);
}

/* ---- steps -------------------------------------------------------------------------- */

static void
read_step_attributes (UnknotStepReader *self,
                      xmlNode          *node,
                      StepAttributes   *out)
{
  UnknotElementReader *elements = self->elements;

  unknot_element_reader_check_attributes (elements, node, step_attributes);
  unknot_element_reader_read_term (elements, node, UNKNOT_VOCABULARY_REGION, TRUE, 0,
                                   &out->region);
  unknot_element_reader_read_term (elements, node, UNKNOT_VOCABULARY_TECHNIQUE, TRUE, 0,
                                   &out->technique);
  unknot_element_reader_read_term (elements, node, UNKNOT_VOCABULARY_TOOL, FALSE,
                                   UNKNOT_TOOL_HANDS, &out->tool);
  unknot_element_reader_read_term (elements, node, UNKNOT_VOCABULARY_PRESSURE, FALSE,
                                   UNKNOT_PRESSURE_UNSPECIFIED, &out->pressure);
  unknot_element_reader_read_term (elements, node, UNKNOT_VOCABULARY_SIDE, FALSE,
                                   UNKNOT_SIDE_BOTH, &out->side);
  unknot_element_reader_read_duration (elements, node, "duration", TRUE, UNKNOT_STEP_MIN_MS,
                                       UNKNOT_STEP_MAX_MS, &out->duration);
  unknot_element_reader_read_duration (elements, node, "switch", FALSE, 0,
                                       UNKNOT_SWITCH_GAP_MAX_MS, &out->switch_gap);

  if (out->switch_gap >= 0 && out->side != UNKNOT_SIDE_EACH)
    unknot_problem_collector_warning (self->problems, node, "switch", UNKNOT_ROUTINE_ERROR_IGNORED,
                                      _("\"switch\" only applies to side=\"each\" and is "
                                        "ignored here"));
}

static void
step_content_init (UnknotStepReader     *self,
                   StepContent          *content,
                   const StepAttributes *attributes)
{
  content->title = unknot_text_variants_new ("title", self->languages);
  content->instructions = unknot_text_variants_new ("instructions", self->languages);
  content->cues = unknot_cue_reader_new (self->elements, self->languages, attributes->duration,
                                         attributes->side);
}

static void
step_content_clear (StepContent *content)
{
  unknot_text_variants_free (content->title);
  unknot_text_variants_free (content->instructions);
  unknot_cue_reader_free (content->cues);
  g_clear_object (&content->image);
  g_clear_object (&content->image_right);
  g_clear_object (&content->audio);
}

/* Returns: (transfer full) (nullable): the step, or %NULL if anything in it is wrong */
UnknotStep *
unknot_step_reader_read_step (UnknotStepReader *self,
                              xmlNode          *node)
{
  guint errors_before = unknot_problem_collector_get_n_errors (self->problems);
  StepAttributes attributes = { 0 };
  StepContent content = { 0 };
  g_autoptr (GPtrArray) cues = NULL;
  const char *title, *instructions;
  UnknotStep *step = NULL;

  g_return_val_if_fail (UNKNOT_IS_STEP_READER (self), NULL);

  read_step_attributes (self, node, &attributes);
  step_content_init (self, &content, &attributes);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE
        && unknot_element_reader_check_namespace (self->elements, child))
      read_child (self, child, &content);
    else if (unknot_element_reader_is_text (child))
      unknot_element_reader_check_stray_text (self->elements, node, child, "instructions");

  title = unknot_text_variants_finish (content.title, self->elements, node, TRUE);
  instructions = unknot_text_variants_finish (content.instructions, self->elements, node, TRUE);
  cues = unknot_cue_reader_finish (content.cues);

  if (unknot_problem_collector_get_n_errors (self->problems) == errors_before)
    step = unknot_step_new (&(UnknotStepFields) {
                              .kind = UNKNOT_STEP_KIND_STEP,
                              .region = attributes.region,
                              .technique = attributes.technique,
                              .tool = attributes.tool,
                              .pressure = attributes.pressure,
                              .side = attributes.side,
                              .duration = attributes.duration,
                              .switch_gap = attributes.switch_gap,
                              .title = title,
                              .instructions = instructions,
                              .cues = cues,
                              .image = content.image,
                              .image_right = content.image_right,
                              .audio = content.audio,
                              .line = unknot_problem_collector_get_line (self->problems, node),
                            });

  step_content_clear (&content);
  return step;
}

/* Returns: (transfer full) (nullable): the rest, or %NULL if anything in it is wrong */
UnknotStep *
unknot_step_reader_read_rest (UnknotStepReader *self,
                              xmlNode          *node)
{
  gint64 duration;

  g_return_val_if_fail (UNKNOT_IS_STEP_READER (self), NULL);

  unknot_element_reader_check_attributes (self->elements, node, rest_attributes);
  unknot_element_reader_check_empty (self->elements, node);
  if (!unknot_element_reader_read_duration (self->elements, node, "duration", TRUE,
                                            UNKNOT_STEP_MIN_MS, UNKNOT_STEP_MAX_MS, &duration))
    return NULL;

  return unknot_step_new (&(UnknotStepFields) {
                            .kind = UNKNOT_STEP_KIND_REST,
                            .pressure = UNKNOT_PRESSURE_UNSPECIFIED,
                            .duration = duration,
                            .switch_gap = -1,
                            .line = unknot_problem_collector_get_line (self->problems, node),
                          });
}
