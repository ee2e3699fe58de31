/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-language.h"
#include "unknot-text-choice.h"
#include "unknot-text-variants.h"

/* Reads the versions of one translatable element as they come, each a text with or
 * without xml:lang, and at the end picks the one for the user's languages. The choice
 * itself is UnknotTextChoice's; this is what the file may get wrong on the way: a
 * language that is no code, an empty text, markup, two versions for one language, a
 * translation without the untranslated text it falls back to. */
struct _UnknotTextVariants
{
  const char *element;        /* its name, for messages about a missing one; static */
  UnknotTextChoice *choice;
  xmlNode *first;             /* the first version in the file, any language */
  xmlNode *untranslated;      /* the version without xml:lang */
};

/**
 * unknot_text_variants_new:
 * @element: the element's name, such as "title"; a string that outlives the reading
 * @languages: the user's languages, normalised; they must outlive the reading too
 */
UnknotTextVariants *
unknot_text_variants_new (const char        *element,
                          const char *const *languages)
{
  UnknotTextVariants *self = g_new0 (UnknotTextVariants, 1);

  self->element = element;
  self->choice = unknot_text_choice_new (languages);
  return self;
}

void
unknot_text_variants_free (UnknotTextVariants *self)
{
  if (self == NULL)
    return;
  unknot_text_choice_free (self->choice);
  g_free (self);
}

/* Adds one version; its attributes are the caller's to check, as a <cue> has more. */
void
unknot_text_variants_add (UnknotTextVariants  *self,
                          UnknotElementReader *elements,
                          xmlNode             *node)
{
  UnknotProblemCollector *problems = unknot_element_reader_get_problems (elements);
  g_autofree char *language = unknot_element_reader_get_language (node);
  g_autofree char *text = unknot_element_reader_get_text (node);
  const char *name = unknot_element_reader_name_of (node);
  g_autoptr (GError) error = NULL;

  if (self->first == NULL)
    self->first = node;

  unknot_element_reader_check_text_only (elements, node);
  if (language != NULL && !unknot_language_is_tag (language))
    {
      unknot_problem_collector_error (problems, node, "xml:lang",
                                      UNKNOT_ROUTINE_ERROR_UNKNOWN_VALUE,
                                      /* Translators: do not translate xml:lang nor the codes */
                                      _("xml:lang=\"%s\" is not a language code; write one "
                                        "such as de, fr_CA or pt-BR"), language);
      return;
    }
  if (*text == '\0')
    {
      unknot_problem_collector_error (problems, node, NULL, UNKNOT_ROUTINE_ERROR_EMPTY_TEXT,
                                      /* Translators: e.g. <title> is empty; write the text or
                                       * remove the element */
                                      _("<%s> is empty; write the text or remove the element"),
                                      name);
      return;
    }

  if (!unknot_text_choice_add (self->choice, language, text, &error))
    {
      /* Translators: the first %s names an element such as <title>, the second says what
       * is wrong with this one: "there is already one for the language 'de'" */
      unknot_problem_collector_error (problems, node, NULL, error->code, _("a second <%s>: %s"),
                                      name, error->message);
      return;
    }
  if (language == NULL)
    self->untranslated = node;
}

/**
 * unknot_text_variants_finish:
 * @parent: the element that should hold this one, to point at when it is missing
 *
 * Returns: (nullable): the version for the user's languages, or %NULL (reported) if the
 *   element is missing or lacks the untranslated version every translation falls back to
 */
const char *
unknot_text_variants_finish (UnknotTextVariants  *self,
                             UnknotElementReader *elements,
                             xmlNode             *parent,
                             gboolean             required)
{
  UnknotProblemCollector *problems = unknot_element_reader_get_problems (elements);

  if (unknot_text_choice_get_fallback (self->choice) != NULL)
    return unknot_text_choice_get_best (self->choice);

  if (unknot_text_choice_get_n_variants (self->choice) > 0 && self->first != NULL)
    unknot_problem_collector_error (problems, self->first, NULL,
                                    UNKNOT_ROUTINE_ERROR_MISSING_ELEMENT,
                                    /* Translators: e.g. <name> needs a version without xml:lang,
                                     * used when … */
                                    _("<%s> needs a version without xml:lang, used when no "
                                      "translation fits the user's language"), self->element);
  else if (required && self->first == NULL)
    unknot_problem_collector_error (problems, parent, NULL, UNKNOT_ROUTINE_ERROR_MISSING_ELEMENT,
                                    /* Translators: e.g. <step> is missing its <title> element */
                                    _("<%s> is missing its <%s> element"),
                                    unknot_element_reader_name_of (parent), self->element);
  return NULL;
}

/* Returns: (nullable): the version for the user's languages so far, without a word about
 *   what is missing */
const char *
unknot_text_variants_get_best (UnknotTextVariants *self)
{
  return unknot_text_choice_get_best (self->choice);
}

/* Returns: (nullable): the element without xml:lang, as the author wrote it */
xmlNode *
unknot_text_variants_get_untranslated_node (UnknotTextVariants *self)
{
  return self->untranslated;
}

/* Returns: (nullable): the text without xml:lang, in the author's own language */
const char *
unknot_text_variants_get_untranslated (UnknotTextVariants *self)
{
  return unknot_text_choice_get_fallback (self->choice);
}
