/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "unknot-claimed-length.h"
#include "unknot-duration.h"
#include "unknot-routine-reader.h"
#include "unknot-safety-check.h"
#include "unknot-suits-reader.h"
#include "unknot-text-variants.h"

/* Reads the <routine> element and assembles the UnknotRoutine: its format and id, the
 * elements that describe it (name, description, safety …), then its steps and rests in
 * order, which UnknotStepReader reads.
 *
 * To add an element to <routine>: write its reader, add a line to routine_children
 * (before "step" if it belongs to the header, which comes first), keep what it yields
 * in RoutineContent, and add it to data/schema/routine.rng as well. */

static const char *const routine_attributes[] = { "format", "id", NULL };
static const char *const text_attributes[] = { "xml:lang", NULL };
static const char *const no_attributes[] = { NULL };
static const char *const duration_attributes[] = { "duration", NULL };

struct _UnknotRoutineReader
{
  GObject parent_instance;

  UnknotElementReader *elements;
  UnknotProblemCollector *problems;
  UnknotStepReader *steps;
  const char *const *languages;  /* not owned: the parser's, which outlives the reading */
};

G_DEFINE_FINAL_TYPE (UnknotRoutineReader, unknot_routine_reader, G_TYPE_OBJECT)

/* What the elements inside <routine> yield. */
typedef struct
{
  UnknotTextVariants *name;
  UnknotTextVariants *description;
  UnknotTextVariants *safety;
  xmlNode *author_node;
  xmlNode *license_node;
  xmlNode *prepare_node;
  xmlNode *suits_node;
  char *author;
  char *license;
  gint64 prepare;       /* ms, or -1 when the file leaves it to the user's setting */
  guint32 suits;        /* 1 << UnknotRunKind of <suits run="…">; 0 when the file says none */
  GPtrArray *items;     /* of UnknotStep */
  xmlNode *first_item;  /* the first <step> or <rest>: the header ends there */
  xmlNode *last_step;   /* the <step> read last, for elements that belong in it */
} RoutineContent;

typedef void (*ChildReader) (UnknotRoutineReader *self,
                             xmlNode             *child,
                             RoutineContent      *content);

static void read_name        (UnknotRoutineReader *, xmlNode *, RoutineContent *);
static void read_description (UnknotRoutineReader *, xmlNode *, RoutineContent *);
static void read_author      (UnknotRoutineReader *, xmlNode *, RoutineContent *);
static void read_license     (UnknotRoutineReader *, xmlNode *, RoutineContent *);
static void read_safety      (UnknotRoutineReader *, xmlNode *, RoutineContent *);
static void read_prepare     (UnknotRoutineReader *, xmlNode *, RoutineContent *);
static void read_suits       (UnknotRoutineReader *, xmlNode *, RoutineContent *);
static void read_step        (UnknotRoutineReader *, xmlNode *, RoutineContent *);
static void read_rest        (UnknotRoutineReader *, xmlNode *, RoutineContent *);

static const struct
{
  const char *name;
  ChildReader read;
  gboolean is_item;     /* a step or a rest, which run in file order after the header */
} routine_children[] = {
  { "name", read_name, FALSE },
  { "description", read_description, FALSE },
  { "author", read_author, FALSE },
  { "license", read_license, FALSE },
  { "safety", read_safety, FALSE },
  { "prepare", read_prepare, FALSE },
  { "suits", read_suits, FALSE },
  { "step", read_step, TRUE },
  { "rest", read_rest, TRUE },
};

static void
unknot_routine_reader_finalize (GObject *object)
{
  UnknotRoutineReader *self = UNKNOT_ROUTINE_READER (object);

  g_clear_object (&self->elements);
  g_clear_object (&self->problems);
  g_clear_object (&self->steps);

  G_OBJECT_CLASS (unknot_routine_reader_parent_class)->finalize (object);
}

static void
unknot_routine_reader_class_init (UnknotRoutineReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_routine_reader_finalize;
}

static void
unknot_routine_reader_init (UnknotRoutineReader *self)
{
}

/* @languages: the user's languages, normalised; they must outlive the reader */
UnknotRoutineReader *
unknot_routine_reader_new (UnknotElementReader *elements,
                           UnknotStepReader    *steps,
                           const char *const   *languages)
{
  UnknotRoutineReader *self;

  g_return_val_if_fail (UNKNOT_IS_ELEMENT_READER (elements), NULL);
  g_return_val_if_fail (UNKNOT_IS_STEP_READER (steps), NULL);

  self = g_object_new (UNKNOT_TYPE_ROUTINE_READER, NULL);
  self->elements = g_object_ref (elements);
  self->problems = g_object_ref (unknot_element_reader_get_problems (elements));
  self->steps = g_object_ref (steps);
  self->languages = languages;
  return self;
}

/* ---- the header --------------------------------------------------------------------- */

static void
read_name (UnknotRoutineReader *self,
           xmlNode             *child,
           RoutineContent      *content)
{
  unknot_element_reader_check_attributes (self->elements, child, text_attributes);
  unknot_text_variants_add (content->name, self->elements, child);
}

static void
read_description (UnknotRoutineReader *self,
                  xmlNode             *child,
                  RoutineContent      *content)
{
  unknot_element_reader_check_attributes (self->elements, child, text_attributes);
  unknot_text_variants_add (content->description, self->elements, child);
}

static void
read_safety (UnknotRoutineReader *self,
             xmlNode             *child,
             RoutineContent      *content)
{
  unknot_element_reader_check_attributes (self->elements, child, text_attributes);
  unknot_text_variants_add (content->safety, self->elements, child);
}

/* FALSE, reported, if an element that may appear once already did; else it is *@seen. */
static gboolean
check_once (UnknotRoutineReader  *self,
            xmlNode              *child,
            xmlNode             **seen)
{
  if (*seen == NULL)
    {
      *seen = child;
      return TRUE;
    }
  unknot_problem_collector_error (self->problems, child, NULL,
                                  UNKNOT_ROUTINE_ERROR_DUPLICATE_ELEMENT,
                                  /* Translators: e.g. <author> may appear only once */
                                  _("<%s> may appear only once"),
                                  unknot_element_reader_name_of (child));
  return FALSE;
}

/* An untranslated text that may appear once; a second one leaves the first in place. */
static void
read_plain_text (UnknotRoutineReader  *self,
                 xmlNode              *child,
                 xmlNode             **seen,
                 char                **text)
{
  if (!check_once (self, child, seen))
    return;
  unknot_element_reader_check_attributes (self->elements, child, no_attributes);
  unknot_element_reader_check_text_only (self->elements, child);
  *text = unknot_element_reader_get_text (child);
}

static void
read_author (UnknotRoutineReader *self,
             xmlNode             *child,
             RoutineContent      *content)
{
  read_plain_text (self, child, &content->author_node, &content->author);
}

static void
read_license (UnknotRoutineReader *self,
              xmlNode             *child,
              RoutineContent      *content)
{
  read_plain_text (self, child, &content->license_node, &content->license);
}

static void
read_prepare (UnknotRoutineReader *self,
              xmlNode             *child,
              RoutineContent      *content)
{
  /* A second one is reported, but read too: its own mistakes are worth hearing of. */
  check_once (self, child, &content->prepare_node);
  unknot_element_reader_check_attributes (self->elements, child, duration_attributes);
  unknot_element_reader_check_empty (self->elements, child);
  unknot_element_reader_read_duration (self->elements, child, "duration", TRUE, 0,
                                       UNKNOT_PREPARE_MAX_MS, &content->prepare);
}

static void
read_suits (UnknotRoutineReader *self,
            xmlNode             *child,
            RoutineContent      *content)
{
  if (check_once (self, child, &content->suits_node))
    unknot_suits_reader_read (self->elements, child, &content->suits);
}

/* ---- steps and rests ---------------------------------------------------------------- */

static void
read_step (UnknotRoutineReader *self,
           xmlNode             *child,
           RoutineContent      *content)
{
  UnknotStep *step = unknot_step_reader_read_step (self->steps, child);

  content->last_step = child;
  if (step != NULL)
    g_ptr_array_add (content->items, step);
}

static void
read_rest (UnknotRoutineReader *self,
           xmlNode             *child,
           RoutineContent      *content)
{
  UnknotStep *rest = unknot_step_reader_read_rest (self->steps, child);

  if (rest != NULL)
    g_ptr_array_add (content->items, rest);
}

/* ---- the routine -------------------------------------------------------------------- */

static void
routine_content_init (UnknotRoutineReader *self,
                      RoutineContent      *content)
{
  content->name = unknot_text_variants_new ("name", self->languages);
  content->description = unknot_text_variants_new ("description", self->languages);
  content->safety = unknot_text_variants_new ("safety", self->languages);
  content->prepare = -1;
  content->items = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
routine_content_clear (RoutineContent *content)
{
  unknot_text_variants_free (content->name);
  unknot_text_variants_free (content->description);
  unknot_text_variants_free (content->safety);
  g_free (content->author);
  g_free (content->license);
  g_ptr_array_unref (content->items);
}

static gboolean
is_valid_id (const char *id)
{
  if (*id == '\0' || *id == '-' || g_str_has_suffix (id, "-") || strstr (id, "--") != NULL)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return TRUE;
}

/* Reads format and id; returns FALSE if the format is one this build cannot read, as
 * nothing else in the file can then be judged. */
static gboolean
read_routine_attributes (UnknotRoutineReader  *self,
                         xmlNode              *root,
                         char                **id)
{
  g_autofree char *format = unknot_element_reader_get_attribute (root, "format");

  unknot_element_reader_check_attributes (self->elements, root, routine_attributes);

  if (format == NULL)
    {
      unknot_problem_collector_error (self->problems, root, NULL,
                                      UNKNOT_ROUTINE_ERROR_FORMAT_MISSING,
                                      /* Translators: %d is the format version, 1 */
                                      _("<routine> needs format=\"%d\", the version of the "
                                        "routine format"), UNKNOT_ROUTINE_FORMAT_VERSION);
      return FALSE;
    }
  if (g_strcmp0 (format, G_STRINGIFY (UNKNOT_ROUTINE_FORMAT_VERSION)) != 0)
    {
      unknot_problem_collector_error (self->problems, root, "format",
                                      UNKNOT_ROUTINE_ERROR_FORMAT_UNSUPPORTED,
                                      /* Translators: %s is the version in the file, %d the one this
                                       * Unknot reads */
                                      _("format \"%s\" is not supported; this version of Unknot "
                                        "reads format %d (a newer Unknot may read this file)"),
                                      format, UNKNOT_ROUTINE_FORMAT_VERSION);
      return FALSE;
    }

  *id = unknot_element_reader_get_attribute (root, "id");
  if (*id == NULL)
    unknot_problem_collector_error (self->problems, root, NULL, UNKNOT_ROUTINE_ERROR_BAD_ID,
                                    _("<routine> needs an id, such as id=\"post-run-recovery\""));
  else if (!is_valid_id (*id))
    unknot_problem_collector_error (self->problems, root, "id", UNKNOT_ROUTINE_ERROR_BAD_ID,
                                    /* Translators: %s is the id in the file */
                                    _("id \"%s\" may use only lowercase letters, digits and "
                                      "single hyphens between them, such as "
                                      "\"post-run-recovery\""), *id);
  return TRUE;
}

/* The schema wants the routine's own elements first, then its steps and rests. */
static void
check_order (UnknotRoutineReader *self,
             xmlNode             *child,
             gboolean             is_item,
             RoutineContent      *content)
{
  if (is_item && content->first_item == NULL)
    content->first_item = child;
  if (is_item || content->first_item == NULL)
    return;

  unknot_problem_collector_error (self->problems, child, NULL, UNKNOT_ROUTINE_ERROR_MISPLACED,
                                  /* Translators: e.g. <author> belongs before the first <step> or
                                   * <rest> (line 7); … */
                                  _("<%s> belongs before the first <step> or <rest> (line %u); "
                                    "move it up"),
                                  unknot_element_reader_name_of (child),
                                  unknot_problem_collector_get_line (self->problems,
                                                                     content->first_item));
}

/* Whether <routine> may hold an element of this name. */
gboolean
unknot_routine_reader_is_child (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (routine_children); i++)
    if (g_str_equal (name, routine_children[i].name))
      return TRUE;
  return FALSE;
}

/* An element of <step> outside any: most likely a </step> above it came too early. */
static void
report_step_child (UnknotRoutineReader *self,
                   xmlNode             *child,
                   RoutineContent      *content)
{
  const char *name = unknot_element_reader_name_of (child);

  if (content->last_step != NULL)
    unknot_problem_collector_error (self->problems, child, NULL, UNKNOT_ROUTINE_ERROR_MISPLACED,
                                    /* Translators: e.g. <cue> belongs inside a <step>: move it into
                                     * the step of line 7, before its </step>. Keep the tags as they
                                     * are. */
                                    _("<%s> belongs inside a <step>: move it into the step of "
                                      "line %u, before its </step>"),
                                    name, unknot_problem_collector_get_line (self->problems,
                                                                             content->last_step));
  else
    unknot_problem_collector_error (self->problems, child, NULL, UNKNOT_ROUTINE_ERROR_MISPLACED,
                                    /* Translators: e.g. <cue> belongs inside a <step>: … */
                                    _("<%s> belongs inside a <step>: move it between a <step> "
                                      "and its </step>"), name);
}

static void
read_child (UnknotRoutineReader *self,
            xmlNode             *child,
            RoutineContent      *content)
{
  const char *name = unknot_element_reader_name_of (child);
  const char *known[G_N_ELEMENTS (routine_children) + 1] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (routine_children); i++)
    {
      if (g_str_equal (name, routine_children[i].name))
        {
          check_order (self, child, routine_children[i].is_item, content);
          routine_children[i].read (self, child, content);
          return;
        }
      known[i] = routine_children[i].name;
    }

  if (unknot_step_reader_is_child (name))
    report_step_child (self, child, content);
  else
    unknot_element_reader_report_unknown_element (self->elements, child, known);
}

static gint64
get_total (RoutineContent *content)
{
  gint64 total = content->prepare >= 0 ? content->prepare : UNKNOT_DEFAULT_PREPARE_MS;

  for (guint i = 0; i < content->items->len; i++)
    total += unknot_step_get_total (g_ptr_array_index (content->items, i),
                                    UNKNOT_DEFAULT_SWITCH_GAP_MS);
  return total;
}

static void
check_total (UnknotRoutineReader *self,
             xmlNode             *root,
             RoutineContent      *content)
{
  gint64 total = get_total (content);
  g_autofree char *shown = NULL;

  if (total <= UNKNOT_ROUTINE_MAX_MS)
    return;

  shown = unknot_duration_format_clock (total);
  unknot_problem_collector_error (self->problems, root, NULL,
                                  UNKNOT_ROUTINE_ERROR_ROUTINE_TOO_LONG,
                                  /* Translators: %s is a time such as 4:12:30 */
                                  _("the routine lasts %s in all, more than the limit of 4 "
                                    "hours; split it into shorter routines"), shown);
}

static gboolean
has_step (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    if (unknot_step_get_kind (g_ptr_array_index (items, i)) == UNKNOT_STEP_KIND_STEP)
      return TRUE;
  return FALSE;
}

/* The length the name or else the description states ("Eight minutes for …") against
 * the real one, with the default times to get ready and switch sides: a warning, since
 * the routine runs all the same, but readers choose a routine by it. */
static void
check_claimed_length (UnknotRoutineReader *self,
                      RoutineContent      *content)
{
  UnknotTextVariants *variants = content->name;
  const char *text = unknot_text_variants_get_untranslated (variants);
  guint minutes = text != NULL ? unknot_claimed_minutes (text) : 0;
  gint64 total = get_total (content);
  xmlNode *node;
  g_autofree char *shown = NULL;

  if (minutes == 0)
    {
      variants = content->description;
      text = unknot_text_variants_get_untranslated (variants);
      minutes = text != NULL ? unknot_claimed_minutes (text) : 0;
    }
  node = unknot_text_variants_get_untranslated_node (variants);
  if (minutes == 0 || node == NULL || unknot_total_matches_claim (total, minutes))
    return;

  shown = unknot_duration_format_clock (total);
  unknot_problem_collector_warning (self->problems, node, NULL,
                                    UNKNOT_ROUTINE_ERROR_CLAIMED_LENGTH,
                                    /* Translators: %s are the element, such as <description>,
                                     * and the real length, such as 6:35; %u is the number of
                                     * minutes that the element's text states */
                                    g_dngettext (GETTEXT_PACKAGE, "<%s> says %u minute, but the "
                                                 "routine lasts %s; change the text or the steps "
                                                 "so that they differ by a tenth at most",
                                                 "<%s> says %u minutes, but the routine lasts "
                                                 "%s; change the text or the steps so that "
                                                 "they differ by a tenth at most",
                                                 minutes),
                                    unknot_element_reader_name_of (node), minutes, shown);
}

/* Returns: whether the elements inside <routine> held any error */
static gboolean
read_children (UnknotRoutineReader *self,
               xmlNode             *root,
               RoutineContent      *content)
{
  guint errors_before = unknot_problem_collector_get_n_errors (self->problems);

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE
        && unknot_element_reader_check_namespace (self->elements, child))
      read_child (self, child, content);
    else if (unknot_element_reader_is_text (child))
      unknot_element_reader_check_stray_text (self->elements, root, child, "description");

  return unknot_problem_collector_get_n_errors (self->problems) > errors_before;
}

/* @children_failed: whether the steps may have been dropped for their errors */
static UnknotRoutine *
assemble (UnknotRoutineReader *self,
          xmlNode             *root,
          const char          *id,
          RoutineContent      *content,
          gboolean             children_failed,
          GFile               *file,
          GBytes              *bytes)
{
  const char *name, *description, *safety;
  guint id_line, id_column;

  name = unknot_text_variants_finish (content->name, self->elements, root, TRUE);
  description = unknot_text_variants_finish (content->description, self->elements, root, TRUE);
  safety = unknot_text_variants_finish (content->safety, self->elements, root, FALSE);

  /* A routine whose steps were all wrong has none left, and needs no word about that. */
  if (!has_step (content->items) && !children_failed)
    unknot_problem_collector_error (self->problems, root, NULL,
                                    UNKNOT_ROUTINE_ERROR_MISSING_ELEMENT,
                                    _("the routine has no <step>; add at least one"));
  check_total (self, root, content);
  unknot_safety_check_routine (self->problems, root, content->items);

  if (unknot_problem_collector_get_n_errors (self->problems) > 0)
    return NULL;
  check_claimed_length (self, content);

  unknot_problem_collector_locate (self->problems, root, "id", &id_line, &id_column);
  return unknot_routine_new (&(UnknotRoutineFields) {
                               .id = id,
                               .id_line = id_line,
                               .id_column = id_column,
                               .name = name,
                               .description = description,
                               .author = content->author,
                               .license = content->license,
                               .safety = safety,
                               .prepare = content->prepare,
                               .suits = content->suits,
                               .file = file,
                               .source = bytes,
                               .items = content->items,
                               .warnings = unknot_problem_collector_get_warnings (self->problems),
                             });
}

/**
 * unknot_routine_reader_read:
 * @root: the <routine> element
 * @file: (nullable): where the file came from
 * @bytes: the file's content, which the routine keeps
 *
 * Returns: (transfer full) (nullable): the routine, or %NULL if anything in the file is
 *   wrong (reported)
 */
UnknotRoutine *
unknot_routine_reader_read (UnknotRoutineReader *self,
                            xmlNode             *root,
                            GFile               *file,
                            GBytes              *bytes)
{
  RoutineContent content = { 0 };
  g_autofree char *id = NULL;
  UnknotRoutine *routine;
  gboolean children_failed;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE_READER (self), NULL);

  if (!read_routine_attributes (self, root, &id))
    return NULL;

  routine_content_init (self, &content);
  children_failed = read_children (self, root, &content);
  routine = assemble (self, root, id, &content, children_failed, file, bytes);
  routine_content_clear (&content);
  return routine;
}
