/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-language.h"

#include <string.h>

/* Brings a POSIX locale name ("de_DE.UTF-8@euro") and an XML language tag ("de-DE")
 * to one comparable form ("de_de"), so authors may write either. */
char *
unknot_language_normalize (const char *tag)
{
  GString *out;

  g_return_val_if_fail (tag != NULL, NULL);

  out = g_string_new (NULL);
  for (const char *p = tag; *p != '\0' && *p != '.' && *p != '@'; p++)
    g_string_append_c (out, *p == '-' ? '_' : g_ascii_tolower (*p));

  return g_string_free (out, FALSE);
}

/* Whether @tag looks like a language, as the schema has it: two or three letters, then
 * any number of parts of one to eight letters or digits after "-" or "_" ("de", "pt-BR",
 * "de_DE", "sr-Latn-RS"). */
gboolean
unknot_language_is_tag (const char *tag)
{
  const char *p = tag;
  guint n;

  g_return_val_if_fail (tag != NULL, FALSE);

  for (n = 0; g_ascii_isalpha (*p); n++)
    p++;
  if (n < 2 || n > 3)
    return FALSE;

  while (*p == '-' || *p == '_')
    {
      p++;
      for (n = 0; g_ascii_isalnum (*p); n++)
        p++;
      if (n < 1 || n > 8)
        return FALSE;
    }

  return *p == '\0';
}

static void
add_unique (GPtrArray  *list,
            char       *language)
{
  if (*language == '\0' || g_str_equal (language, "c") || g_str_equal (language, "posix")
      || g_ptr_array_find_with_equal_func (list, language, g_str_equal, NULL))
    {
      g_free (language);
      return;
    }
  g_ptr_array_add (list, language);
}

/**
 * unknot_language_preferences:
 * @locale_names: (nullable): as from g_get_language_names(), most wanted first
 *
 * Returns: (transfer full): the user's languages, normalised and without duplicates, each
 *   followed by its base language ("pt_br", "pt"), most wanted first; "C" is dropped, as
 *   it means "whatever the file says without xml:lang".
 */
GStrv
unknot_language_preferences (const char *const *locale_names)
{
  GPtrArray *list = g_ptr_array_new ();

  if (locale_names == NULL)
    locale_names = g_get_language_names ();

  for (guint i = 0; locale_names[i] != NULL; i++)
    {
      char *normal = unknot_language_normalize (locale_names[i]);
      char *underscore = strchr (normal, '_');
      char *base = underscore ? g_strndup (normal, underscore - normal) : NULL;

      add_unique (list, normal);
      if (base != NULL)
        add_unique (list, base);
    }

  g_ptr_array_add (list, NULL);
  return (GStrv) g_ptr_array_free (list, FALSE);
}

/* The position of @tag in @preferences (0 is best), or -1 if the user did not ask for
 * it. A file's "de" serves a user who asked for "de_at" through the base "de".
 *
 * A translation for another country of a language the user reads ("de-DE" for a user
 * in "de_CH", "pt-BR" for one in "pt") is not what they asked for, but it serves them
 * better than the untranslated text: it ranks after every language in @preferences. */
int
unknot_language_rank (const char *const *preferences,
                      const char        *tag)
{
  g_autofree char *normal = NULL;
  g_autofree char *base = NULL;
  char *underscore;
  int n;

  g_return_val_if_fail (preferences != NULL, -1);
  g_return_val_if_fail (tag != NULL, -1);

  normal = unknot_language_normalize (tag);
  for (n = 0; preferences[n] != NULL; n++)
    if (g_str_equal (preferences[n], normal))
      return n;

  underscore = strchr (normal, '_');
  if (underscore == NULL || underscore == normal)
    return -1;
  base = g_strndup (normal, underscore - normal);
  for (int i = 0; preferences[i] != NULL; i++)
    if (g_str_equal (preferences[i], base))
      return n + i;

  return -1;
}
