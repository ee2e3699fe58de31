/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-spoken-prompt.h"

#include <glib/gi18n-lib.h>

/**
 * unknot_spoken_prompt_for_duration:
 * @ms: a duration; rounded to whole seconds
 *
 * Returns: (transfer full): such as "45 seconds", "2 minutes", "1 minute 30 seconds"
 */
char *
unknot_spoken_prompt_for_duration (gint64 ms)
{
  guint total = (guint) ((MAX (ms, 0) + 500) / 1000);
  guint minutes = total / 60;
  guint seconds = total % 60;
  g_autofree char *minutes_text = NULL;
  g_autofree char *seconds_text = NULL;

  /* Translators: spoken, the minutes of a duration, as in "1 minute 30 seconds" */
  minutes_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes",
                                               minutes), minutes);
  /* Translators: spoken, the seconds of a duration, as in "1 minute 30 seconds" */
  seconds_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second", "%u seconds",
                                               seconds), seconds);
  if (minutes == 0)
    return g_steal_pointer (&seconds_text);
  if (seconds == 0)
    return g_steal_pointer (&minutes_text);
  /* Translators: a spoken duration: minutes, then seconds, as in "1 minute 30 seconds" */
  return g_strdup_printf (C_("spoken duration", "%1$s %2$s"), minutes_text, seconds_text);
}

/* "Left side. Knead the calf, 45 seconds": where, what and how long, in one breath. */
static char *
for_step (UnknotSegment *segment)
{
  const char *title = unknot_step_get_title (unknot_segment_get_step (segment));
  g_autofree char *duration =
    unknot_spoken_prompt_for_duration (unknot_segment_get_duration (segment));

  switch (unknot_segment_get_side (segment))
    {
    case UNKNOT_SIDE_LEFT:
      /* Translators: spoken as a step starts: the step's title, then its duration */
      return g_strdup_printf (_("Left side. %1$s, %2$s"), title, duration);
    case UNKNOT_SIDE_RIGHT:
      /* Translators: spoken as a step starts: the step's title, then its duration */
      return g_strdup_printf (_("Right side. %1$s, %2$s"), title, duration);
    default:
      /* Translators: spoken as a step starts: the step's title, then its duration, as
       * in "Roll the hamstrings, 1 minute" */
      return g_strdup_printf (C_("spoken prompt", "%1$s, %2$s"), title, duration);
    }
}

/* The switch gap says nothing: the SWITCH_SIDES cue at its start has said it. */
static char *
for_segment (UnknotSegment *segment)
{
  g_autofree char *duration = NULL;

  switch (unknot_segment_get_kind (segment))
    {
    case UNKNOT_SEGMENT_PREPARE:
      return g_strdup (_("Get ready"));
    case UNKNOT_SEGMENT_STEP:
      return for_step (segment);
    case UNKNOT_SEGMENT_REST:
      duration = unknot_spoken_prompt_for_duration (unknot_segment_get_duration (segment));
      /* Translators: spoken as a rest starts, as in "Rest, 10 seconds" */
      return g_strdup_printf (_("Rest, %s"), duration);
    default:
      return NULL;
    }
}

/**
 * unknot_spoken_prompt_for_cue:
 *
 * Returns: (transfer full) (nullable): what to say for @event, or %NULL for cues that
 *   are only heard as a sound (countdown ticks, a step's end)
 */
char *
unknot_spoken_prompt_for_cue (UnknotCueEvent *event)
{
  g_return_val_if_fail (event != NULL, NULL);

  switch (unknot_cue_event_get_kind (event))
    {
    case UNKNOT_CUE_EVENT_SEGMENT_START:
      return for_segment (unknot_cue_event_get_segment (event));
    case UNKNOT_CUE_EVENT_SWITCH_SIDES:
      return g_strdup (_("Switch sides"));
    case UNKNOT_CUE_EVENT_STEP_CUE:
      return g_strdup (unknot_cue_event_get_text (event));
    case UNKNOT_CUE_EVENT_ROUTINE_COMPLETE:
      return g_strdup (_("Routine complete"));
    default:
      return NULL;
    }
}
