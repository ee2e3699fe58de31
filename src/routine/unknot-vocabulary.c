/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-suggest.h"
#include "unknot-vocabulary-alias.h"
#include "unknot-vocabulary.h"

typedef struct
{
  const char *id;          /* as written in routine files; never translated */
  const char *label;       /* N_() marked, translated when asked for */
  const char *description; /* N_() marked, one line for the UI and the authoring guide */
} Term;

static const Term regions[] = {
  { "neck", NC_("region", "Neck"), N_("The back and sides of the neck, never the front") },
  { "shoulders", NC_("region", "Shoulders"),
    N_("The top of the shoulders and the shoulder blades") },
  { "upper-back", NC_("region", "Upper back"), N_("Between and around the shoulder blades") },
  { "lower-back", NC_("region", "Lower back"), N_("The muscles either side of the lower spine") },
  { "chest", NC_("region", "Chest"), N_("The chest muscles below the collarbone") },
  { "upper-arms", NC_("region", "Upper arms"), N_("Biceps and triceps, shoulder to elbow") },
  { "forearms", NC_("region", "Forearms"), N_("Elbow to wrist") },
  { "hands", NC_("region", "Hands"), N_("Palms and fingers") },
  { "glutes", NC_("region", "Glutes"), N_("The muscles of the buttocks") },
  { "hips", NC_("region", "Hips"), N_("The outer hip, around the top of the thigh bone") },
  { "hip-flexors", NC_("region", "Hip flexors"),
    N_("The front of the hip, where thigh meets trunk") },
  { "adductors", NC_("region", "Adductors"), N_("The inner thigh") },
  { "quadriceps", NC_("region", "Quadriceps"), N_("The front of the thigh") },
  { "hamstrings", NC_("region", "Hamstrings"), N_("The back of the thigh") },
  { "it-band", NC_("region", "IT band"), N_("The outer thigh, hip to knee") },
  { "shins", NC_("region", "Shins"), N_("The muscles beside the shin bone, not the bone itself") },
  { "calves", NC_("region", "Calves"), N_("The back of the lower leg") },
  { "achilles", NC_("region", "Achilles"), N_("The tendon above the heel") },
  { "ankles", NC_("region", "Ankles"), N_("Around the ankle joint") },
  { "feet", NC_("region", "Feet"), N_("The sole and arch of the foot") },
};

static const Term techniques[] = {
  { "effleurage", NC_("technique", "Effleurage"), N_("Long gliding strokes") },
  { "petrissage", NC_("technique", "Petrissage"), N_("Kneading: squeeze, lift and release") },
  { "compression", NC_("technique", "Compression"), N_("Press and release, rhythmically") },
  { "friction", NC_("technique", "Friction"),
    N_("Small firm circles or strokes across the fibres") },
  { "tapotement", NC_("technique", "Tapotement"), N_("Light rhythmic tapping") },
  { "trigger-point", NC_("technique", "Trigger point"),
    N_("Sustained pressure on one tender spot") },
  { "myofascial-release", NC_("technique", "Myofascial release"),
    N_("Slow sustained stretch of the skin and tissue") },
  { "rolling", NC_("technique", "Rolling"), N_("Rolling slowly over a roller, ball or stick") },
  { "stretching", NC_("technique", "Stretching"), N_("Holding a gentle lengthening position") },
  { "vibration", NC_("technique", "Vibration"), N_("Quick shaking or a percussion device") },
};

static const Term tools[] = {
  { "hands", NC_("tool", "Hands"), N_("Your own hands, nothing else needed") },
  { "foam-roller", NC_("tool", "Foam roller"), N_("A firm foam cylinder to roll on") },
  { "massage-ball", NC_("tool", "Massage ball"),
    N_("A firm ball, such as a lacrosse or spiky ball") },
  { "massage-stick", NC_("tool", "Massage stick"), N_("A stick with rollers, held in both hands") },
  { "percussion-device", NC_("tool", "Percussion device"), N_("A massage gun") },
};

static const Term pressures[] = {
  { "light", NC_("pressure", "Light"), N_("Skin-deep, relaxing") },
  { "medium", NC_("pressure", "Medium"), N_("Into the muscle, comfortable") },
  { "firm", NC_("pressure", "Firm"), N_("Deep, strong but never painful") },
};

static const Term sides[] = {
  { "both", NC_("side", "Both sides"), N_("Both sides at once, or a part with no sides") },
  { "left", NC_("side", "Left side"), N_("The left side only") },
  { "right", NC_("side", "Right side"), N_("The right side only") },
  { "each", NC_("side", "Each side"), N_("Left, then right, for the same time each") },
};

/* Kinds of run, as a runner would name the one just done. */
static const Term runs[] = {
  { "easy", NC_("run", "Easy run"), N_("A relaxed run at a pace you could talk at") },
  { "long", NC_("run", "Long run"), N_("The week's longest run, at a steady pace") },
  { "intervals", NC_("run", "Intervals or track"),
    N_("Fast repeats, tempo or track work") },
  { "race", NC_("run", "Race"), N_("A race or a time trial, at full effort") },
  { "trail", NC_("run", "Trail or hills"), N_("Off road, or with long climbs and descents") },
};

typedef struct
{
  const char *attribute; /* also the labels' translation context */
  const Term *terms;
  guint n_terms;
} List;

static const List lists[UNKNOT_N_VOCABULARIES] = {
  [UNKNOT_VOCABULARY_REGION] = { "region", regions, G_N_ELEMENTS (regions) },
  [UNKNOT_VOCABULARY_TECHNIQUE] = { "technique", techniques, G_N_ELEMENTS (techniques) },
  [UNKNOT_VOCABULARY_TOOL] = { "tool", tools, G_N_ELEMENTS (tools) },
  [UNKNOT_VOCABULARY_PRESSURE] = { "pressure", pressures, G_N_ELEMENTS (pressures) },
  [UNKNOT_VOCABULARY_SIDE] = { "side", sides, G_N_ELEMENTS (sides) },
  [UNKNOT_VOCABULARY_RUN_KIND] = { "run", runs, G_N_ELEMENTS (runs) },
};

G_STATIC_ASSERT (G_N_ELEMENTS (regions) == UNKNOT_N_REGIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (techniques) == UNKNOT_N_TECHNIQUES);
G_STATIC_ASSERT (G_N_ELEMENTS (tools) == UNKNOT_N_TOOLS);
G_STATIC_ASSERT (G_N_ELEMENTS (pressures) == UNKNOT_N_PRESSURES);
G_STATIC_ASSERT (G_N_ELEMENTS (sides) == UNKNOT_N_SIDES);
G_STATIC_ASSERT (G_N_ELEMENTS (runs) == UNKNOT_N_RUN_KINDS);

static const Term *
get_term (UnknotVocabulary vocabulary,
          guint            term)
{
  g_return_val_if_fail (vocabulary < UNKNOT_N_VOCABULARIES, NULL);
  g_return_val_if_fail (term < lists[vocabulary].n_terms, NULL);

  return &lists[vocabulary].terms[term];
}

const char *
unknot_vocabulary_get_attribute (UnknotVocabulary vocabulary)
{
  g_return_val_if_fail (vocabulary < UNKNOT_N_VOCABULARIES, NULL);
  return lists[vocabulary].attribute;
}

guint
unknot_vocabulary_get_n_terms (UnknotVocabulary vocabulary)
{
  g_return_val_if_fail (vocabulary < UNKNOT_N_VOCABULARIES, 0);
  return lists[vocabulary].n_terms;
}

const char *
unknot_vocabulary_get_id (UnknotVocabulary vocabulary,
                          guint            term)
{
  const Term *t = get_term (vocabulary, term);
  return t ? t->id : NULL;
}

/* The translated label, e.g. "Waden" for calves in German. */
const char *
unknot_vocabulary_get_label (UnknotVocabulary vocabulary,
                             guint            term)
{
  const Term *t = get_term (vocabulary, term);
  return t ? g_dpgettext2 (GETTEXT_PACKAGE, lists[vocabulary].attribute, t->label) : NULL;
}

const char *
unknot_vocabulary_get_description (UnknotVocabulary vocabulary,
                                   guint            term)
{
  const Term *t = get_term (vocabulary, term);
  return t ? g_dgettext (GETTEXT_PACKAGE, t->description) : NULL;
}

gboolean
unknot_vocabulary_lookup (UnknotVocabulary  vocabulary,
                          const char       *id,
                          guint            *term)
{
  g_return_val_if_fail (vocabulary < UNKNOT_N_VOCABULARIES, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < lists[vocabulary].n_terms; i++)
    {
      if (g_str_equal (lists[vocabulary].terms[i].id, id))
        {
          if (term != NULL)
            *term = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The id meant by @misspelt, for "did you mean …?": the id it is another word for
 * ("quads"), else the closest id, or %NULL if none is close. */
const char *
unknot_vocabulary_suggest (UnknotVocabulary  vocabulary,
                           const char       *misspelt)
{
  const char *ids[32];
  const List *list;
  const char *alias;

  g_return_val_if_fail (vocabulary < UNKNOT_N_VOCABULARIES, NULL);

  alias = unknot_vocabulary_alias_lookup (vocabulary, misspelt);
  if (alias != NULL)
    return alias;

  list = &lists[vocabulary];
  g_assert (list->n_terms < G_N_ELEMENTS (ids));

  for (guint i = 0; i < list->n_terms; i++)
    ids[i] = list->terms[i].id;
  ids[list->n_terms] = NULL;

  return unknot_suggest (misspelt, ids);
}

const char *
unknot_region_get_label (UnknotRegion region)
{
  return unknot_vocabulary_get_label (UNKNOT_VOCABULARY_REGION, region);
}

const char *
unknot_technique_get_label (UnknotTechnique technique)
{
  return unknot_vocabulary_get_label (UNKNOT_VOCABULARY_TECHNIQUE, technique);
}

const char *
unknot_tool_get_label (UnknotTool tool)
{
  return unknot_vocabulary_get_label (UNKNOT_VOCABULARY_TOOL, tool);
}

const char *
unknot_pressure_get_label (UnknotPressure pressure)
{
  if (pressure == UNKNOT_PRESSURE_UNSPECIFIED)
    return NULL;
  return unknot_vocabulary_get_label (UNKNOT_VOCABULARY_PRESSURE, pressure);
}

const char *
unknot_side_get_label (UnknotSide side)
{
  return unknot_vocabulary_get_label (UNKNOT_VOCABULARY_SIDE, side);
}

const char *
unknot_run_kind_get_label (UnknotRunKind kind)
{
  return unknot_vocabulary_get_label (UNKNOT_VOCABULARY_RUN_KIND, kind);
}
