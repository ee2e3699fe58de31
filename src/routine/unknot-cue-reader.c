/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-cue-reader.h"
#include "unknot-cue.h"
#include "unknot-duration.h"
#include "unknot-text-variants.h"

/* Reads the <cue>s of one step into UnknotCues. Cues are grouped by their "at": an
 * untranslated <cue> starts a group, and a translation joins the group with the same
 * "at" or, without "at", the group of the cue right before it, which is how msgfmt
 * writes translations into a file (it copies the element but not its attributes). */

static const char *const cue_attributes[] = { "at", "xml:lang", NULL };

typedef struct
{
  gint64 at;
  UnknotTextVariants *variants;
} CueGroup;

struct _UnknotCueReader
{
  UnknotElementReader *elements;  /* not owned: the step reader outlives this */
  const char *const *languages;   /* not owned, likewise */
  gint64 step_duration;           /* ms, per side for side="each"; -1 if unknown */
  UnknotSide side;
  GArray *groups;                 /* of CueGroup, in file order */
};

static void
cue_group_clear (gpointer data)
{
  CueGroup *group = data;
  unknot_text_variants_free (group->variants);
}

/**
 * unknot_cue_reader_new:
 * @step_duration: the step's duration in ms, or -1 if it is wrong (then cue times are
 *   not checked against it)
 * @side: the step's side, for the message of a cue outside a step with sides
 */
UnknotCueReader *
unknot_cue_reader_new (UnknotElementReader *elements,
                       const char *const   *languages,
                       gint64               step_duration,
                       UnknotSide           side)
{
  UnknotCueReader *self = g_new0 (UnknotCueReader, 1);

  self->elements = elements;
  self->languages = languages;
  self->step_duration = step_duration;
  self->side = side;
  self->groups = g_array_new (FALSE, TRUE, sizeof (CueGroup));
  g_array_set_clear_func (self->groups, cue_group_clear);
  return self;
}

void
unknot_cue_reader_free (UnknotCueReader *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->groups);
  g_free (self);
}

static UnknotProblemCollector *
get_problems (UnknotCueReader *self)
{
  return unknot_element_reader_get_problems (self->elements);
}

static CueGroup *
find_group (UnknotCueReader *self,
            gint64           at)
{
  for (guint i = 0; i < self->groups->len; i++)
    if (g_array_index (self->groups, CueGroup, i).at == at)
      return &g_array_index (self->groups, CueGroup, i);
  return NULL;
}

static CueGroup *
add_group (UnknotCueReader *self,
           gint64           at)
{
  CueGroup fresh = { at, unknot_text_variants_new ("cue", self->languages) };

  g_array_append_val (self->groups, fresh);
  return &g_array_index (self->groups, CueGroup, self->groups->len - 1);
}

/* A translation without "at" belongs to the cue right before it. */
static CueGroup *
find_group_before (UnknotCueReader *self,
                   xmlNode         *node)
{
  if (self->groups->len > 0)
    return &g_array_index (self->groups, CueGroup, self->groups->len - 1);

  unknot_problem_collector_error (get_problems (self), node, NULL,
                                  UNKNOT_ROUTINE_ERROR_MISSING_ELEMENT,
                                  _("this translated <cue> has no untranslated <cue> before it "
                                    "to belong to"));
  return NULL;
}

static gboolean
check_time (UnknotCueReader *self,
            xmlNode         *node,
            gint64           at)
{
  g_autofree char *step_time = NULL;

  if (self->step_duration <= 0 || (at > 0 && at < self->step_duration))
    return TRUE;

  step_time = unknot_duration_to_attribute (self->step_duration);
  if (self->side == UNKNOT_SIDE_EACH)
    unknot_problem_collector_error (get_problems (self), node, "at",
                                    UNKNOT_ROUTINE_ERROR_CUE_OUTSIDE_STEP,
                                    /* Translators: %s is the step's duration per side, such
                                     * as 30s */
                                    _("the cue lies outside its step: \"at\" counts from the "
                                      "start of each side and must be after 0s and before %s"),
                                    step_time);
  else
    unknot_problem_collector_error (get_problems (self), node, "at",
                                    UNKNOT_ROUTINE_ERROR_CUE_OUTSIDE_STEP,
                                    /* Translators: %s is the step's duration, such as 45s */
                                    _("the cue lies outside its step: \"at\" must be after 0s "
                                      "and before the step's %s"),
                                    step_time);
  return FALSE;
}

/* The group an untranslated cue starts, or a translation with "at" joins. */
static CueGroup *
find_group_at (UnknotCueReader *self,
               xmlNode         *node,
               gint64           at,
               const char      *language)
{
  CueGroup *group = find_group (self, at);

  if (group != NULL || language == NULL)
    return group != NULL ? group : add_group (self, at);

  unknot_problem_collector_error (get_problems (self), node, NULL,
                                  UNKNOT_ROUTINE_ERROR_MISSING_ELEMENT,
                                  _("this translated <cue> has no untranslated <cue> with the "
                                    "same \"at\" to belong to"));
  return NULL;
}

/* Reads one <cue> of the step, untranslated or a translation. */
void
unknot_cue_reader_read (UnknotCueReader *self,
                        xmlNode         *node)
{
  g_autofree char *language = unknot_element_reader_get_language (node);
  CueGroup *group = NULL;
  gint64 at;

  unknot_element_reader_check_attributes (self->elements, node, cue_attributes);
  if (!unknot_element_reader_read_duration (self->elements, node, "at", language == NULL, 0,
                                            G_MAXINT64, &at))
    return;

  if (at < 0)
    group = find_group_before (self, node);
  else if (check_time (self, node, at))
    group = find_group_at (self, node, at, language);

  if (group != NULL)
    unknot_text_variants_add (group->variants, self->elements, node);
}

static int
compare_cues (gconstpointer a,
              gconstpointer b)
{
  gint64 at_a = unknot_cue_get_at (*(UnknotCue **) a);
  gint64 at_b = unknot_cue_get_at (*(UnknotCue **) b);

  return (at_a > at_b) - (at_a < at_b);
}

/* Returns: (transfer full) (element-type UnknotCue): the cues in the user's languages,
 *   sorted by time */
GPtrArray *
unknot_cue_reader_finish (UnknotCueReader *self)
{
  GPtrArray *cues = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_cue_unref);

  for (guint i = 0; i < self->groups->len; i++)
    {
      CueGroup *group = &g_array_index (self->groups, CueGroup, i);
      const char *text = unknot_text_variants_get_best (group->variants);

      if (text != NULL)
        g_ptr_array_add (cues, unknot_cue_new (group->at, text));
    }

  g_ptr_array_sort (cues, compare_cues);
  return cues;
}
