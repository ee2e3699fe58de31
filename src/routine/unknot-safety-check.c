/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-safety-check.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "unknot-routine-error.h"
#include "unknot-step.h"

/* Firm pressure or a tool on the calves calls for the standard safety block of the
 * authoring guide (routines/README.md): calf clot signs, varicose veins, bruising easily
 * or blood-thinning medicine, pregnancy, and stopping on sharp pain, tingling or
 * numbness. The check looks for the two parts authors forget most, varicose veins and
 * blood-thinning medicine, in any language the note is written in; a routine written in
 * another language entirely gets the warning, which is only a warning for that reason. */

typedef struct
{
  const char *veins;     /* the stem of "varicose veins" */
  const char *thinners;  /* the stem of "blood-thinning medicine" */
} BlockWords;

/* Lowercase stems, so that "blood-thinning" and "Blood thinning" both match. */
static const BlockWords block_words[] = {
  { "varicose", "blood-thinn" },
  { "varicose", "blood thinn" },
  { "krampfader", "blutverdünn" },
  { "varices", "anticoagula" },
  { "varices", "anticoagulant" },
};

gboolean
unknot_safety_check_needs_calf_block (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      UnknotStep *step = g_ptr_array_index (items, i);

      if (unknot_step_get_kind (step) != UNKNOT_STEP_KIND_STEP
          || unknot_step_get_region (step) != UNKNOT_REGION_CALVES)
        continue;
      if (unknot_step_get_pressure (step) == UNKNOT_PRESSURE_FIRM
          || unknot_step_get_tool (step) != UNKNOT_TOOL_HANDS)
        return TRUE;
    }
  return FALSE;
}

gboolean
unknot_safety_check_has_calf_block (const char *safety)
{
  g_autofree char *lower = NULL;

  if (safety == NULL)
    return FALSE;
  lower = g_utf8_strdown (safety, -1);
  for (guint i = 0; i < G_N_ELEMENTS (block_words); i++)
    if (strstr (lower, block_words[i].veins) != NULL
        && strstr (lower, block_words[i].thinners) != NULL)
      return TRUE;
  return FALSE;
}

/* Whether any <safety> under @root, in whichever language, holds the block. */
static gboolean
any_note_has_block (xmlNode  *root,
                    xmlNode **first_note)
{
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;

      if (child->type != XML_ELEMENT_NODE || !xmlStrEqual (child->name, BAD_CAST "safety"))
        continue;
      if (*first_note == NULL)
        *first_note = child;
      text = (char *) xmlNodeGetContent (child);
      if (unknot_safety_check_has_calf_block (text))
        return TRUE;
    }
  return FALSE;
}

/* Warns when the steps of @items work the calves with firm pressure or a tool and no
 * safety note of @root names varicose veins and blood-thinning medicine. */
void
unknot_safety_check_routine (UnknotProblemCollector *problems,
                             xmlNode                *root,
                             GPtrArray              *items)
{
  xmlNode *note = NULL;

  if (!unknot_safety_check_needs_calf_block (items) || any_note_has_block (root, &note))
    return;

  unknot_problem_collector_warning (problems, note != NULL ? note : root, NULL,
                                    UNKNOT_ROUTINE_ERROR_SAFETY_NOTE, "%s",
                                    _("the routine works the calves with firm pressure or a "
                                      "tool, but its <safety> does not name varicose veins "
                                      "and blood-thinning medicine; add the standard safety "
                                      "block from the authoring guide"));
}
