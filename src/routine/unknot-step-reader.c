/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-cue-reader.h"
#include "unknot-picture-reader.h"
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
  UnknotPictureReader *pictures;
  xmlNode *audio_node;
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

/* The pictures of each side are read together, as how many there are matters. */
static void
read_image (UnknotStepReader *self,
            xmlNode          *child,
            StepContent      *content)
{
  unknot_picture_reader_read (content->pictures, child);
}

/* A second <audio> is reported and read as nothing: the first one stays. */
static void
read_audio (UnknotStepReader *self,
            xmlNode          *child,
            StepContent      *content)
{
  if (content->audio_node != NULL)
    {
      unknot_problem_collector_error (self->problems, child, NULL,
                                      UNKNOT_ROUTINE_ERROR_DUPLICATE_ELEMENT,
                                      /* Translators: %s is audio */
                                      _("<%s> may appear only once in a step"),
                                      unknot_element_reader_name_of (child));
      return;
    }
  content->audio_node = child;
  content->audio = unknot_media_reader_read (self->media, child);
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
  content->pictures = unknot_picture_reader_new (self->elements, self->media);
}

static void
step_content_clear (StepContent *content)
{
  unknot_text_variants_free (content->title);
  unknot_text_variants_free (content->instructions);
  unknot_cue_reader_free (content->cues);
  unknot_picture_reader_free (content->pictures);
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
  g_autoptr (UnknotPictureSequence) pictures = NULL;
  g_autoptr (UnknotPictureSequence) pictures_right = NULL;
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
  unknot_picture_reader_finish (content.pictures, &pictures, &pictures_right);

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
                              .pictures = pictures,
                              .pictures_right = pictures_right,
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
