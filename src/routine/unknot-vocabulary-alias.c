/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-vocabulary-alias.h"

#include <string.h>

/* The words therapists and runners use for what the vocabulary names otherwise: "quads",
 * "kneading", "massage gun". They are only ever suggested ("did you mean …?"), never
 * taken for the id: a routine file says one thing one way, so that every tool that
 * reads it agrees, and an author learns the word once. Typos of the ids themselves are
 * left to the edit distance (unknot-suggest.c). */

typedef struct
{
  UnknotVocabulary vocabulary;
  const char *word; /* lowercase, words joined by hyphens */
  const char *id;
} Alias;

static const Alias aliases[] = {
  { UNKNOT_VOCABULARY_REGION, "calf", "calves" },
  { UNKNOT_VOCABULARY_REGION, "soleus", "calves" },
  { UNKNOT_VOCABULARY_REGION, "gastrocnemius", "calves" },
  { UNKNOT_VOCABULARY_REGION, "quads", "quadriceps" },
  { UNKNOT_VOCABULARY_REGION, "quad", "quadriceps" },
  { UNKNOT_VOCABULARY_REGION, "hammies", "hamstrings" },
  { UNKNOT_VOCABULARY_REGION, "glute", "glutes" },
  { UNKNOT_VOCABULARY_REGION, "buttocks", "glutes" },
  { UNKNOT_VOCABULARY_REGION, "itb", "it-band" },
  { UNKNOT_VOCABULARY_REGION, "iliotibial-band", "it-band" },
  { UNKNOT_VOCABULARY_REGION, "achilles-tendon", "achilles" },
  { UNKNOT_VOCABULARY_REGION, "shin", "shins" },
  { UNKNOT_VOCABULARY_REGION, "foot", "feet" },
  { UNKNOT_VOCABULARY_REGION, "arch", "feet" },
  { UNKNOT_VOCABULARY_REGION, "plantar-fascia", "feet" },
  { UNKNOT_VOCABULARY_REGION, "groin", "adductors" },
  { UNKNOT_VOCABULARY_REGION, "inner-thigh", "adductors" },
  { UNKNOT_VOCABULARY_REGION, "traps", "shoulders" },
  { UNKNOT_VOCABULARY_REGION, "trapezius", "shoulders" },
  { UNKNOT_VOCABULARY_REGION, "pecs", "chest" },
  { UNKNOT_VOCABULARY_REGION, "biceps", "upper-arms" },
  { UNKNOT_VOCABULARY_REGION, "triceps", "upper-arms" },
  { UNKNOT_VOCABULARY_REGION, "psoas", "hip-flexors" },
  { UNKNOT_VOCABULARY_TECHNIQUE, "kneading", "petrissage" },
  { UNKNOT_VOCABULARY_TECHNIQUE, "knead", "petrissage" },
  { UNKNOT_VOCABULARY_TECHNIQUE, "stroking", "effleurage" },
  { UNKNOT_VOCABULARY_TECHNIQUE, "gliding", "effleurage" },
  { UNKNOT_VOCABULARY_TECHNIQUE, "foam-rolling", "rolling" },
  { UNKNOT_VOCABULARY_TECHNIQUE, "roll", "rolling" },
  { UNKNOT_VOCABULARY_TECHNIQUE, "myofascial", "myofascial-release" },
  { UNKNOT_VOCABULARY_TECHNIQUE, "mfr", "myofascial-release" },
  { UNKNOT_VOCABULARY_TECHNIQUE, "acupressure", "trigger-point" },
  { UNKNOT_VOCABULARY_TECHNIQUE, "pressure-point", "trigger-point" },
  { UNKNOT_VOCABULARY_TECHNIQUE, "cross-fibre", "friction" },
  { UNKNOT_VOCABULARY_TECHNIQUE, "cross-fiber", "friction" },
  { UNKNOT_VOCABULARY_TECHNIQUE, "tapping", "tapotement" },
  { UNKNOT_VOCABULARY_TECHNIQUE, "pressing", "compression" },
  { UNKNOT_VOCABULARY_TECHNIQUE, "stretch", "stretching" },
  { UNKNOT_VOCABULARY_TECHNIQUE, "shaking", "vibration" },
  { UNKNOT_VOCABULARY_TECHNIQUE, "percussion", "vibration" },
  { UNKNOT_VOCABULARY_TOOL, "roller", "foam-roller" },
  { UNKNOT_VOCABULARY_TOOL, "foam-rolling", "foam-roller" },
  { UNKNOT_VOCABULARY_TOOL, "ball", "massage-ball" },
  { UNKNOT_VOCABULARY_TOOL, "lacrosse-ball", "massage-ball" },
  { UNKNOT_VOCABULARY_TOOL, "tennis-ball", "massage-ball" },
  { UNKNOT_VOCABULARY_TOOL, "stick", "massage-stick" },
  { UNKNOT_VOCABULARY_TOOL, "roller-stick", "massage-stick" },
  { UNKNOT_VOCABULARY_TOOL, "massage-gun", "percussion-device" },
  { UNKNOT_VOCABULARY_TOOL, "gun", "percussion-device" },
  { UNKNOT_VOCABULARY_TOOL, "percussion", "percussion-device" },
  { UNKNOT_VOCABULARY_PRESSURE, "gentle", "light" },
  { UNKNOT_VOCABULARY_PRESSURE, "soft", "light" },
  { UNKNOT_VOCABULARY_PRESSURE, "moderate", "medium" },
  { UNKNOT_VOCABULARY_PRESSURE, "deep", "firm" },
  { UNKNOT_VOCABULARY_PRESSURE, "strong", "firm" },
  { UNKNOT_VOCABULARY_PRESSURE, "hard", "firm" },
  { UNKNOT_VOCABULARY_SIDE, "bilateral", "both" },
  { UNKNOT_VOCABULARY_SIDE, "alternating", "each" },
  { UNKNOT_VOCABULARY_SIDE, "left-then-right", "each" },
  { UNKNOT_VOCABULARY_RUN_KIND, "recovery", "easy" },
  { UNKNOT_VOCABULARY_RUN_KIND, "jog", "easy" },
  { UNKNOT_VOCABULARY_RUN_KIND, "long-run", "long" },
  { UNKNOT_VOCABULARY_RUN_KIND, "marathon", "race" },
  { UNKNOT_VOCABULARY_RUN_KIND, "half-marathon", "race" },
  { UNKNOT_VOCABULARY_RUN_KIND, "parkrun", "race" },
  { UNKNOT_VOCABULARY_RUN_KIND, "track", "intervals" },
  { UNKNOT_VOCABULARY_RUN_KIND, "tempo", "intervals" },
  { UNKNOT_VOCABULARY_RUN_KIND, "speed", "intervals" },
  { UNKNOT_VOCABULARY_RUN_KIND, "fartlek", "intervals" },
  { UNKNOT_VOCABULARY_RUN_KIND, "hills", "trail" },
  { UNKNOT_VOCABULARY_RUN_KIND, "fell", "trail" },
};

/* "Massage gun", "massage_gun" and "massage-gun" are one word to look up. */
static char *
normalize (const char *word)
{
  g_autofree char *stripped = g_strstrip (g_strdup (word));
  char *normal = g_ascii_strdown (stripped, -1);

  for (char *p = normal; *p != '\0'; p++)
    if (*p == ' ' || *p == '_')
      *p = '-';
  return normal;
}

/**
 * unknot_vocabulary_alias_lookup:
 * @word: what an author wrote
 *
 * Returns: (nullable): the id that @word is another name for, to suggest, or %NULL.
 */
const char *
unknot_vocabulary_alias_lookup (UnknotVocabulary  vocabulary,
                                const char       *word)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (word != NULL, NULL);

  normal = normalize (word);
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (aliases[i].vocabulary == vocabulary && g_str_equal (aliases[i].word, normal))
      return aliases[i].id;
  return NULL;
}
