/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-technique-guide.h"

/* The glossary's words on each technique: how the hands move and how it should feel, in
 * the plain tone of the routines' own instructions, without promises of what it does
 * for the body. And for each, a region and tool its demonstration shows it on. */

static const UnknotTechniqueExample examples[] = {
  [UNKNOT_TECHNIQUE_EFFLEURAGE] = { UNKNOT_REGION_CALVES, UNKNOT_TOOL_HANDS, UNKNOT_SIDE_LEFT },
  [UNKNOT_TECHNIQUE_PETRISSAGE] = { UNKNOT_REGION_QUADRICEPS, UNKNOT_TOOL_HANDS,
                                    UNKNOT_SIDE_LEFT },
  [UNKNOT_TECHNIQUE_COMPRESSION] = { UNKNOT_REGION_HAMSTRINGS, UNKNOT_TOOL_HANDS,
                                     UNKNOT_SIDE_LEFT },
  [UNKNOT_TECHNIQUE_FRICTION] = { UNKNOT_REGION_ACHILLES, UNKNOT_TOOL_HANDS, UNKNOT_SIDE_LEFT },
  [UNKNOT_TECHNIQUE_TAPOTEMENT] = { UNKNOT_REGION_QUADRICEPS, UNKNOT_TOOL_HANDS,
                                    UNKNOT_SIDE_LEFT },
  [UNKNOT_TECHNIQUE_TRIGGER_POINT] = { UNKNOT_REGION_GLUTES, UNKNOT_TOOL_MASSAGE_BALL,
                                       UNKNOT_SIDE_LEFT },
  [UNKNOT_TECHNIQUE_MYOFASCIAL_RELEASE] = { UNKNOT_REGION_LOWER_BACK, UNKNOT_TOOL_HANDS,
                                            UNKNOT_SIDE_BOTH },
  [UNKNOT_TECHNIQUE_ROLLING] = { UNKNOT_REGION_IT_BAND, UNKNOT_TOOL_FOAM_ROLLER,
                                 UNKNOT_SIDE_LEFT },
  [UNKNOT_TECHNIQUE_STRETCHING] = { UNKNOT_REGION_HIP_FLEXORS, UNKNOT_TOOL_HANDS,
                                    UNKNOT_SIDE_LEFT },
  [UNKNOT_TECHNIQUE_VIBRATION] = { UNKNOT_REGION_QUADRICEPS, UNKNOT_TOOL_PERCUSSION_DEVICE,
                                   UNKNOT_SIDE_LEFT },
};

G_STATIC_ASSERT (G_N_ELEMENTS (examples) == UNKNOT_N_TECHNIQUES);

UnknotTechniqueExample
unknot_technique_guide_get_example (UnknotTechnique technique)
{
  g_return_val_if_fail (technique < UNKNOT_N_TECHNIQUES, examples[0]);
  return examples[technique];
}

/* Returns: one paragraph on how to do @technique and how it should feel. */
const char *
unknot_technique_guide_get_how_to (UnknotTechnique technique)
{
  switch (technique)
    {
    case UNKNOT_TECHNIQUE_EFFLEURAGE:
      /* Translators: the glossary's paragraph on effleurage (gliding strokes) */
      return _("Lay the palm flat and glide it along the muscle in long, even strokes toward "
               "the heart, then lift it and bring it back to the start. Keep the pressure "
               "light to medium and the pace slow. It should feel smooth and warm, never "
               "pulling at the skin.");
    case UNKNOT_TECHNIQUE_PETRISSAGE:
      /* Translators: the glossary's paragraph on petrissage (kneading) */
      return _("Take the muscle between the fingers and the heel of the hand, lift it gently "
               "and squeeze, then let go as the other hand takes over, the two hands working "
               "in turn as if kneading dough. Move slowly along the muscle. It should feel like "
               "a deep, firm squeeze, never a pinch.");
    case UNKNOT_TECHNIQUE_COMPRESSION:
      /* Translators: the glossary's paragraph on compression */
      return _("Press the palm or a loose fist straight into the muscle, hold for a breath, "
               "let go, and move a hand’s width on, stepping along the region. Lean your "
               "weight in rather than pushing with the arm. It should feel like broad, even "
               "pressure that eases as you let go.");
    case UNKNOT_TECHNIQUE_FRICTION:
      /* Translators: the glossary's paragraph on friction */
      return _("Put the fingertips or the thumb on one spot and move the skin over what lies "
               "beneath in small, quick circles, without sliding over the skin. Work each spot "
               "for a few seconds, then move on. It should feel warm and focused, a little "
               "intense, never sharp.");
    case UNKNOT_TECHNIQUE_TAPOTEMENT:
      /* Translators: the glossary's paragraph on tapotement (tapping) */
      return _("With loose wrists, tap the muscle quickly and rhythmically with the "
               "fingertips, the edges of the hands or loose fists, the two hands in turn, "
               "moving along the region. Keep it light and springy, and leave out bony places. "
               "It should feel lively, like waking the area up.");
    case UNKNOT_TECHNIQUE_TRIGGER_POINT:
      /* Translators: the glossary's paragraph on trigger-point (sustained pressure) */
      return _("Find a tender spot, press into it with a thumb, a knuckle or a massage ball, "
               "and hold still while you breathe slowly, for twenty to thirty seconds. It "
               "should feel like an ache you can breathe through, no more than six or seven on "
               "a scale of ten; if you hold your breath, press less.");
    case UNKNOT_TECHNIQUE_MYOFASCIAL_RELEASE:
      /* Translators: the glossary's paragraph on myofascial release */
      return _("Place both hands flat on the skin close together, sink in gently, and let them "
               "drift slowly apart, taking the skin with them rather than sliding over it. "
               "Wait where it stops until it gives a little more. It should feel like a slow, "
               "gentle stretch under the hands.");
    case UNKNOT_TECHNIQUE_ROLLING:
      /* Translators: the glossary's paragraph on rolling with a foam roller, ball or stick */
      return _("Rest the region on a foam roller or a ball, or hold a massage stick against "
               "it, and roll slowly along the muscle, a few centimetres a second, using your "
               "body weight for pressure. Pause on a tender spot for a few breaths. It should "
               "feel firm but comfortable.");
    case UNKNOT_TECHNIQUE_STRETCHING:
      /* Translators: the glossary's paragraph on stretching */
      return _("Move slowly into the position until you feel a gentle pull along the muscle, "
               "then hold it, breathing calmly, without bouncing. Keep the rest of the body "
               "relaxed. It should feel like a mild, even stretch, never pain or tingling; come "
               "out of it as slowly as you went in.");
    case UNKNOT_TECHNIQUE_VIBRATION:
      /* Translators: the glossary's paragraph on vibration and percussion devices */
      return _("Hold a percussion device or a flat hand on the muscle and let it shake the "
               "area quickly while you move slowly along it, without pressing hard. Keep away "
               "from bones and joints. It should feel buzzing and loosening; choose a lower "
               "speed if it is too much.");
    case UNKNOT_N_TECHNIQUES:
    default:
      g_return_val_if_reached ("");
    }
}
