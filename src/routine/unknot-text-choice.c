/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "unknot-language.h"
#include "unknot-routine-error.h"
#include "unknot-text-choice.h"

struct _UnknotTextChoice
{
  const char *const *preferences; /* normalised, most wanted first; not owned */
  GPtrArray *languages;           /* normalised xml:lang values seen; made when needed,
                                   * as most texts have no translations */
  guint n_variants;
  char *fallback;                 /* the variant without xml:lang */
  char *best;                     /* the variant the user prefers most so far */
  int best_rank;
};

UnknotTextChoice *
unknot_text_choice_new (const char *const *preferences)
{
  UnknotTextChoice *self = g_new0 (UnknotTextChoice, 1);

  self->preferences = preferences;
  self->best_rank = G_MAXINT;
  return self;
}

void
unknot_text_choice_free (UnknotTextChoice *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_free (self->fallback);
  g_free (self->best);
  g_free (self);
}

/**
 * unknot_text_choice_add:
 * @language: (nullable): the xml:lang value, or %NULL for the untranslated text
 * @text: the text, normalised
 *
 * Returns: %FALSE with %UNKNOT_ROUTINE_ERROR_DUPLICATE_ELEMENT if a variant for the
 *   same language was added already.
 */
gboolean
unknot_text_choice_add (UnknotTextChoice  *self,
                        const char        *language,
                        const char        *text,
                        GError           **error)
{
  g_autofree char *normal = NULL;
  int rank;

  if (language == NULL)
    {
      if (self->fallback != NULL)
        {
          g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_DUPLICATE_ELEMENT,
                       _("there is already one without xml:lang; mark translations with "
                         "xml:lang=\"de\" and so on"));
          return FALSE;
        }
      self->fallback = g_strdup (text);
      self->n_variants++;
      return TRUE;
    }

  normal = unknot_language_normalize (language);
  if (self->languages == NULL)
    self->languages = g_ptr_array_new_with_free_func (g_free);
  if (g_ptr_array_find_with_equal_func (self->languages, normal, g_str_equal, NULL))
    {
      g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_DUPLICATE_ELEMENT,
                   /* Translators: %s is a language code such as de; this completes "a
                    * second <title>: …" */
                   _("there is already one for the language '%s'"), language);
      return FALSE;
    }
  g_ptr_array_add (self->languages, g_steal_pointer (&normal));
  self->n_variants++;

  rank = unknot_language_rank (self->preferences, language);
  if (rank >= 0 && rank < self->best_rank)
    {
      g_free (self->best);
      self->best = g_strdup (text);
      self->best_rank = rank;
    }
  return TRUE;
}

guint
unknot_text_choice_get_n_variants (UnknotTextChoice *self)
{
  return self->n_variants;
}

/* The text without xml:lang, or %NULL if the file has none. */
const char *
unknot_text_choice_get_fallback (UnknotTextChoice *self)
{
  return self->fallback;
}

/* The translation the user prefers most, else the untranslated text. */
const char *
unknot_text_choice_get_best (UnknotTextChoice *self)
{
  return self->best != NULL ? self->best : self->fallback;
}

static gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Collapses runs of white space to one space and trims, as XML texts are wrapped to fit
 * the author's editor, not the reader's window. Every text of every routine passes
 * here, so it writes into one buffer of the input's length rather than growing one. */
char *
unknot_text_normalize (const char *text)
{
  char *out = g_malloc (strlen (text) + 1);
  char *end = out;
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (is_xml_space (*p))
        {
          pending_space = end > out;
          continue;
        }
      if (pending_space)
        *end++ = ' ';
      pending_space = FALSE;
      *end++ = *p;
    }
  *end = '\0';
  return out;
}
