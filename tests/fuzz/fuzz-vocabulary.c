/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "fuzz-harness.h"
#include "unknot-suggest.h"
#include "unknot-vocabulary.h"
#include "unknot-vocabulary-alias.h"

/* The word lists and the "did you mean" distance. The first byte picks a word list;
 * the rest is a word, or two words split at the first '|'. */

#define MAX_WORD 64

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_harness_make_criticals_fatal ();
  return 0;
}

static void
check_lookup (UnknotVocabulary  vocabulary,
              const char       *word)
{
  const char *suggestion = unknot_vocabulary_suggest (vocabulary, word);
  guint term = G_MAXUINT;

  if (unknot_vocabulary_lookup (vocabulary, word, &term))
    {
      g_assert_cmpuint (term, <, unknot_vocabulary_get_n_terms (vocabulary));
      g_assert_cmpstr (unknot_vocabulary_get_id (vocabulary, term), ==, word);
      g_assert_nonnull (unknot_vocabulary_get_label (vocabulary, term));
      /* A known word is its own best suggestion. */
      g_assert_cmpstr (suggestion, ==, word);
      return;
    }

  g_assert_cmpuint (term, ==, G_MAXUINT);
  if (suggestion != NULL)
    {
      guint found;

      g_assert_true (unknot_vocabulary_lookup (vocabulary, suggestion, &found));
      /* Either another name for the word (an alias), or a word close to it. */
      if (g_strcmp0 (suggestion, unknot_vocabulary_alias_lookup (vocabulary, word)) != 0)
        g_assert_cmpuint (unknot_edit_distance (word, suggestion), <=,
                          MAX (1, (strlen (suggestion) + 2) / 3));
    }
}

static void
check_distance (const char *a,
                const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  guint distance = unknot_edit_distance (a, b);

  g_assert_cmpuint (distance, ==, unknot_edit_distance (b, a));
  if (la > MAX_WORD || lb > MAX_WORD)
    {
      g_assert_cmpuint (distance, ==, G_MAXUINT);
      return;
    }
  g_assert_cmpuint (unknot_edit_distance (a, a), ==, 0);
  g_assert_cmpuint (distance, <=, MAX (la, lb));
  g_assert_cmpuint (distance, >=, (la > lb ? la - lb : lb - la));
  g_assert_true ((distance == 0) == (g_ascii_strcasecmp (a, b) == 0));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  UnknotVocabulary vocabulary;
  char *bar;

  if (size == 0)
    return 0;
  vocabulary = data[0] % UNKNOT_N_VOCABULARIES;
  text = g_strndup ((const char *) data + 1, size - 1);

  check_lookup (vocabulary, text);
  bar = strchr (text, '|');
  if (bar != NULL)
    {
      *bar = '\0';
      check_lookup (vocabulary, bar + 1);
      check_distance (text, bar + 1);
    }
  else
    check_distance (text, "calves");
  return 0;
}

char *
fuzz_harness_describe (const guint8 *data,
                       size_t        size)
{
  g_autofree char *text = NULL;
  const char *suggestion;

  if (size == 0)
    return g_strdup ("empty");
  text = g_strndup ((const char *) data + 1, size - 1);
  suggestion = unknot_vocabulary_suggest (data[0] % UNKNOT_N_VOCABULARIES, text);
  return g_strdup_printf ("suggest %s", suggestion ? suggestion : "nothing");
}
