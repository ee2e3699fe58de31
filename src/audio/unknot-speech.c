/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-speech.h"

#include <string.h>

#define SPEECH_ELEMENT "espeak"
#define FALLBACK_VOICE "en"

/* Looked up each time, not cached, so the app notices the plugin whenever it builds its
 * pipelines; it runs without speech where the plugin is not installed. */
gboolean
unknot_speech_is_available (void)
{
  g_autoptr (GstElementFactory) factory = gst_element_factory_find (SPEECH_ELEMENT);

  return factory != NULL;
}

/* "fr", and "fr-be" for a variant: names the element's voice property takes. espeak
 * reads a language without its variant as the language's main voice. */
static void
add_voice_names (GStrvBuilder *names,
                 GValueArray  *voice)
{
  const char *language;
  const char *variant;
  g_autofree char *lower = NULL;
  g_autofree char *full = NULL;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (voice->n_values < 3)
    return;
  language = g_value_get_string (g_value_array_get_nth (voice, 1));
  variant = g_value_get_string (g_value_array_get_nth (voice, 2));
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (language == NULL)
    return;
  lower = g_ascii_strdown (language, -1);
  g_strv_builder_add (names, lower);
  if (variant == NULL || g_str_equal (variant, "none"))
    return;
  full = g_strconcat (lower, "-", variant, NULL);
  g_strv_builder_add (names, full);
}

/**
 * unknot_speech_list_voices:
 *
 * Returns: (transfer full): the voices the installed synthesiser has, as names for
 *   unknot_speech_new_source(), some more than once; empty without speech
 */
GStrv
unknot_speech_list_voices (void)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GstElement) element = gst_element_factory_make (SPEECH_ELEMENT, NULL);
  GValueArray *voices = NULL;

  if (element == NULL)
    return g_strv_builder_end (builder);

  gst_object_ref_sink (element);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  /* The element lists (name, language, variant) triples in a GValueArray. */
  g_object_get (element, "voices", &voices, NULL);
  for (guint i = 0; voices != NULL && i < voices->n_values; i++)
    {
      GValue *voice = g_value_array_get_nth (voices, i);

      if (G_VALUE_TYPE (voice) == g_value_array_get_type ())
        add_voice_names (builder, g_value_get_boxed (voice));
    }
  g_clear_pointer (&voices, g_value_array_free);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return g_strv_builder_end (builder);
}

/* "pt_BR.UTF-8@euro" → "pt-br"; NULL for "C" and "POSIX", which name no language. */
static char *
normalise (const char *language_name)
{
  g_autofree char *name = g_ascii_strdown (language_name, strcspn (language_name, ".@"));

  if (g_str_equal (name, "c") || g_str_equal (name, "posix") || *name == '\0')
    return NULL;
  g_strdelimit (name, "_", '-');
  return g_steal_pointer (&name);
}

/**
 * unknot_speech_choose_voice:
 * @language_names: in order of preference, as g_get_language_names() gives them
 * @voices: from unknot_speech_list_voices()
 *
 * The voice for the first of @language_names that the synthesiser speaks, trying
 * "pt-br" before "pt"; English if it speaks none of them. espeak itself would read any
 * unknown voice name as English without a word, hence the check.
 *
 * Returns: (transfer full): a voice name
 */
char *
unknot_speech_choose_voice (const char *const *language_names,
                            const char *const *voices)
{
  g_return_val_if_fail (language_names != NULL, NULL);
  g_return_val_if_fail (voices != NULL, NULL);

  for (guint i = 0; language_names[i] != NULL; i++)
    {
      g_autofree char *name = normalise (language_names[i]);
      g_autofree char *language = NULL;

      if (name == NULL)
        continue;
      if (g_strv_contains (voices, name))
        return g_steal_pointer (&name);
      language = g_strndup (name, strcspn (name, "-"));
      if (g_strv_contains (voices, language))
        return g_steal_pointer (&language);
    }
  return g_strdup (FALLBACK_VOICE);
}

/* Returns: (transfer floating): a source that speaks @text, or %NULL without speech */
GstElement *
unknot_speech_new_source (const char *text,
                          const char *voice)
{
  GstElement *source;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (voice != NULL, NULL);

  source = gst_element_factory_make (SPEECH_ELEMENT, NULL);
  if (source != NULL)
    g_object_set (source, "text", text, "voice", voice, NULL);
  return source;
}
