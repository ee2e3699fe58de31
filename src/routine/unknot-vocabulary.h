/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The closed word lists of the routine format. Each enum's order is the order of its
 * table in unknot-vocabulary.c, which is also the order the UI lists them in. */

typedef enum
{
  UNKNOT_REGION_NECK,
  UNKNOT_REGION_SHOULDERS,
  UNKNOT_REGION_UPPER_BACK,
  UNKNOT_REGION_LOWER_BACK,
  UNKNOT_REGION_CHEST,
  UNKNOT_REGION_UPPER_ARMS,
  UNKNOT_REGION_FOREARMS,
  UNKNOT_REGION_HANDS,
  UNKNOT_REGION_GLUTES,
  UNKNOT_REGION_HIPS,
  UNKNOT_REGION_HIP_FLEXORS,
  UNKNOT_REGION_ADDUCTORS,
  UNKNOT_REGION_QUADRICEPS,
  UNKNOT_REGION_HAMSTRINGS,
  UNKNOT_REGION_IT_BAND,
  UNKNOT_REGION_SHINS,
  UNKNOT_REGION_CALVES,
  UNKNOT_REGION_ACHILLES,
  UNKNOT_REGION_ANKLES,
  UNKNOT_REGION_FEET,
  UNKNOT_N_REGIONS
} UnknotRegion;

typedef enum
{
  UNKNOT_TECHNIQUE_EFFLEURAGE,
  UNKNOT_TECHNIQUE_PETRISSAGE,
  UNKNOT_TECHNIQUE_COMPRESSION,
  UNKNOT_TECHNIQUE_FRICTION,
  UNKNOT_TECHNIQUE_TAPOTEMENT,
  UNKNOT_TECHNIQUE_TRIGGER_POINT,
  UNKNOT_TECHNIQUE_MYOFASCIAL_RELEASE,
  UNKNOT_TECHNIQUE_ROLLING,
  UNKNOT_TECHNIQUE_STRETCHING,
  UNKNOT_TECHNIQUE_VIBRATION,
  UNKNOT_N_TECHNIQUES
} UnknotTechnique;

typedef enum
{
  UNKNOT_TOOL_HANDS,
  UNKNOT_TOOL_FOAM_ROLLER,
  UNKNOT_TOOL_MASSAGE_BALL,
  UNKNOT_TOOL_MASSAGE_STICK,
  UNKNOT_TOOL_PERCUSSION_DEVICE,
  UNKNOT_N_TOOLS
} UnknotTool;

typedef enum
{
  UNKNOT_PRESSURE_LIGHT,
  UNKNOT_PRESSURE_MEDIUM,
  UNKNOT_PRESSURE_FIRM,
  UNKNOT_N_PRESSURES,
  UNKNOT_PRESSURE_UNSPECIFIED = UNKNOT_N_PRESSURES,
} UnknotPressure;

typedef enum
{
  UNKNOT_SIDE_BOTH,
  UNKNOT_SIDE_LEFT,
  UNKNOT_SIDE_RIGHT,
  UNKNOT_SIDE_EACH,
  UNKNOT_N_SIDES
} UnknotSide;

/* What kind of run a routine suits (<suits run="…"/>), and what a session followed. */
typedef enum
{
  UNKNOT_RUN_KIND_EASY,
  UNKNOT_RUN_KIND_LONG,
  UNKNOT_RUN_KIND_INTERVALS,
  UNKNOT_RUN_KIND_RACE,
  UNKNOT_RUN_KIND_TRAIL,
  UNKNOT_N_RUN_KINDS
} UnknotRunKind;

/* Which word list; also the name of the attribute that takes its values. */
typedef enum
{
  UNKNOT_VOCABULARY_REGION,
  UNKNOT_VOCABULARY_TECHNIQUE,
  UNKNOT_VOCABULARY_TOOL,
  UNKNOT_VOCABULARY_PRESSURE,
  UNKNOT_VOCABULARY_SIDE,
  UNKNOT_VOCABULARY_RUN_KIND,
  UNKNOT_N_VOCABULARIES
} UnknotVocabulary;

const char  *unknot_vocabulary_get_attribute    (UnknotVocabulary  vocabulary);
guint        unknot_vocabulary_get_n_terms      (UnknotVocabulary  vocabulary);
const char  *unknot_vocabulary_get_id           (UnknotVocabulary  vocabulary,
                                                 guint             term);
const char  *unknot_vocabulary_get_label        (UnknotVocabulary  vocabulary,
                                                 guint             term);
const char  *unknot_vocabulary_get_description  (UnknotVocabulary  vocabulary,
                                                 guint             term);
gboolean     unknot_vocabulary_lookup           (UnknotVocabulary  vocabulary,
                                                 const char       *id,
                                                 guint            *term);
const char  *unknot_vocabulary_suggest          (UnknotVocabulary  vocabulary,
                                                 const char       *misspelt);

const char  *unknot_region_get_label            (UnknotRegion      region);
const char  *unknot_technique_get_label         (UnknotTechnique   technique);
const char  *unknot_tool_get_label              (UnknotTool        tool);
const char  *unknot_pressure_get_label          (UnknotPressure    pressure);
const char  *unknot_side_get_label              (UnknotSide        side);
const char  *unknot_run_kind_get_label          (UnknotRunKind     kind);

G_END_DECLS
