/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "routine-lint.h"

#include <string.h>

/* Word rules for the shipped routines, as the authoring guide (routines/README.md)
 * describes them: a step's technique must match what its instructions tell the user to
 * do, and a change between the floor and standing or a chair needs time. The rules read
 * the English texts, lowercased. */

typedef struct
{
  UnknotTechnique technique;
  const char *const *must_say_one;   /* at least one of these */
  const char *const *must_not_say;   /* none of these */
} TechniqueWords;

static const char *const effleurage_yes[] = { "glide", "stroke", NULL };
static const char *const effleurage_no[] = { "squeeze", "circles", "press in", NULL };
static const char *const petrissage_yes[] = { "squeeze", "lift", NULL };
static const char *const petrissage_no[] = { "circles", NULL };
static const char *const compression_yes[] = { "press", NULL };
static const char *const compression_no[] = { "circles", "roll it", NULL };
static const char *const friction_yes[] = { "circles", "across the fibres", NULL };
static const char *const friction_no[] = { "squeeze", NULL };
static const char *const tapotement_yes[] = { "tap", NULL };
static const char *const trigger_point_yes[] = { "hold", "stay on it", NULL };
static const char *const trigger_point_no[] = { "keep it moving", "keeping it moving", NULL };
static const char *const myofascial_yes[] = { "hold", NULL };
/* Rolling needs the tool to move under or over the body. */
static const char *const rolling_yes[] = { "roll", NULL };
static const char *const rolling_no[] = { "stay still", "stop there", "stay on it", NULL };
static const char *const stretching_yes[] = { "stretch", NULL };
static const char *const vibration_yes[] = { "shake", "device", NULL };
static const char *const none[] = { NULL };

static const TechniqueWords technique_words[] = {
  { UNKNOT_TECHNIQUE_EFFLEURAGE, effleurage_yes, effleurage_no },
  { UNKNOT_TECHNIQUE_PETRISSAGE, petrissage_yes, petrissage_no },
  { UNKNOT_TECHNIQUE_COMPRESSION, compression_yes, compression_no },
  { UNKNOT_TECHNIQUE_FRICTION, friction_yes, friction_no },
  { UNKNOT_TECHNIQUE_TAPOTEMENT, tapotement_yes, none },
  { UNKNOT_TECHNIQUE_TRIGGER_POINT, trigger_point_yes, trigger_point_no },
  { UNKNOT_TECHNIQUE_MYOFASCIAL_RELEASE, myofascial_yes, none },
  { UNKNOT_TECHNIQUE_ROLLING, rolling_yes, rolling_no },
  { UNKNOT_TECHNIQUE_STRETCHING, stretching_yes, none },
  { UNKNOT_TECHNIQUE_VIBRATION, vibration_yes, none },
};

static gboolean
says_any (const char        *lower,
          const char *const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (lower, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* What is wrong with @instructions for @technique, or %NULL if nothing. */
const char *
technique_lint (UnknotTechnique technique,
                const char     *instructions)
{
  g_autofree char *lower = g_utf8_strdown (instructions, -1);

  for (guint i = 0; i < G_N_ELEMENTS (technique_words); i++)
    {
      const TechniqueWords *words = &technique_words[i];

      if (words->technique != technique)
        continue;
      if (!says_any (lower, words->must_say_one))
        return "the instructions lack the word the technique needs";
      if (says_any (lower, words->must_not_say))
        return "the instructions describe another technique";
      return NULL;
    }
  return "the technique has no word rule";
}

/* How a title or a first sentence names a position: at its start, as an order. */
static const struct { const char *start; Position position; } position_words[] = {
  { "sit on the floor", POSITION_FLOOR },
  { "sit on the roller", POSITION_FLOOR },
  { "lie ", POSITION_FLOOR },
  { "turn onto your back", POSITION_FLOOR },
  { "turn face down", POSITION_FLOOR },
  { "kneel", POSITION_FLOOR },
  { "stand", POSITION_UP },
  { "sit on a chair", POSITION_UP },
  { "sit on your chair", POSITION_UP },
  { "sit on the front edge of a chair", POSITION_UP },
  { "sit on the edge of a chair", POSITION_UP },
  { "sit on a firm chair", POSITION_UP },
  { "sit upright in your seat", POSITION_UP },
  { "stay on the chair", POSITION_UP },
};

Position
position_of_text (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (position_words); i++)
    if (g_str_has_prefix (lower, position_words[i].start))
      return position_words[i].position;
  return POSITION_UNSAID;
}

/* The title says a change of position; the instructions say where to start. */
Position
position_of_step (UnknotStep *step)
{
  Position position = position_of_text (unknot_step_get_title (step));

  return position != POSITION_UNSAID ? position
                                     : position_of_text (unknot_step_get_instructions (step));
}

/* Turning over on a roller, moving a ball, taking up a stick again, changing knees or
 * turning onto the other side takes longer than the default 5 s. */
gboolean
needs_turning_time (UnknotStep *step)
{
  g_autofree char *lower = g_utf8_strdown (unknot_step_get_instructions (step), -1);
  UnknotTool tool = unknot_step_get_tool (step);

  if (unknot_step_get_side (step) != UNKNOT_SIDE_EACH)
    return FALSE;
  return tool == UNKNOT_TOOL_FOAM_ROLLER || tool == UNKNOT_TOOL_MASSAGE_BALL
         || tool == UNKNOT_TOOL_MASSAGE_STICK || strstr (lower, "kneel") != NULL
         || strstr (lower, "lie on your side") != NULL;
}

gint64
switch_gap_of (UnknotStep *step)
{
  gint64 gap = unknot_step_get_switch_gap (step);

  return gap >= 0 ? gap : UNKNOT_DEFAULT_SWITCH_GAP_MS;
}
