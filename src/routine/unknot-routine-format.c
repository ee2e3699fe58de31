/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-routine-format.h"

/* How Unknot words a routine's durations, lists and steps for people, in the user's
 * language: one place, so that the window, the printed handout and the command line say
 * the same thing the same way. */

/* "45 seconds", "2 minutes", "1 min 30 s": exact to the second, for steps. */
char *
unknot_format_duration (gint64 ms)
{
  gint64 seconds = (MAX (ms, 0) + 500) / 1000;

  if (seconds < 60)
    /* Translators: the length of a step or a rest, such as "45 seconds" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d second", "%d seconds", seconds),
                            (int) seconds);
  if (seconds % 60 == 0 && seconds < 3600)
    /* Translators: the length of a step or a rest in whole minutes, such as "2 minutes" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", seconds / 60),
                            (int) (seconds / 60));
  if (seconds < 3600)
    /* Translators: minutes and seconds, such as "1 min 30 s" */
    return g_strdup_printf (_("%d min %d s"), (int) (seconds / 60), (int) (seconds % 60));
  return unknot_format_duration_rounded (ms);
}

/* "10 minutes", "1 hour", "1 h 5 min": rounded to whole minutes from one minute on, for
 * the length of a routine, which nobody plans to the second. */
char *
unknot_format_duration_rounded (gint64 ms)
{
  gint64 seconds = (MAX (ms, 0) + 500) / 1000;
  gint64 minutes = (seconds + 30) / 60;
  gint64 hours = minutes / 60;

  if (seconds < 60)
    return unknot_format_duration (ms);
  if (hours == 0)
    /* Translators: the length of a routine or a session under an hour, such as "12 minutes" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes),
                            (int) minutes);

  minutes %= 60;
  if (minutes == 0)
    /* Translators: the length of a routine or a session in whole hours, such as "2 hours" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", hours),
                            (int) hours);
  /* Translators: hours and minutes, such as "1 h 5 min" */
  return g_strdup_printf (_("%d h %d min"), (int) hours, (int) minutes);
}

static char *
join_labels (UnknotVocabulary vocabulary,
             guint32          terms)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < unknot_vocabulary_get_n_terms (vocabulary); i++)
    if (terms & (1u << i))
      {
        /* Translators: the separator between items of a list, such as "Calves, Feet" */
        if (text->len > 0)
          g_string_append (text, C_("list separator", ", "));
        g_string_append (text, unknot_vocabulary_get_label (vocabulary, i));
      }
  return g_string_free (text, FALSE);
}

/* "Calves, Hamstrings, Feet", in the order of the vocabulary (head to toe). */
char *
unknot_format_regions (guint32 regions)
{
  return join_labels (UNKNOT_VOCABULARY_REGION, regions);
}

char *
unknot_format_tools (guint32 tools)
{
  return join_labels (UNKNOT_VOCABULARY_TOOL, tools);
}

char *
unknot_format_steps (guint n_steps)
{
  /* Translators: how many steps a routine has, such as "8 steps" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps", n_steps), n_steps);
}

/* "Calves · Petrissage · Medium · Foam roller": what and how, without time and side. */
char *
unknot_format_step_facts (UnknotStep *step)
{
  const char *pressure = unknot_pressure_get_label (unknot_step_get_pressure (step));
  GString *text = g_string_new (unknot_region_get_label (unknot_step_get_region (step)));
  /* Translators: the separator between facts about a step, such as "Calves · Kneading" */
  const char *dot = C_("facts separator", " · ");

  g_string_append_printf (text, "%s%s", dot,
                          unknot_technique_get_label (unknot_step_get_technique (step)));
  if (pressure != NULL)
    g_string_append_printf (text, "%s%s", dot, pressure);
  g_string_append_printf (text, "%s%s", dot, unknot_tool_get_label (unknot_step_get_tool (step)));
  return g_string_free (text, FALSE);
}

/* "Calves · Petrissage · Medium · Hands · 45 seconds per side" */
char *
unknot_format_step_details (UnknotStep *step)
{
  g_autofree char *duration = unknot_format_duration (unknot_step_get_duration (step));
  g_autofree char *facts = NULL;
  g_autofree char *when = NULL;
  const char *dot = C_("facts separator", " · ");

  if (unknot_step_get_kind (step) == UNKNOT_STEP_KIND_REST)
    /* Translators: a rest between steps, such as "Rest, 10 seconds" */
    return g_strdup_printf (_("Rest, %s"), duration);

  facts = unknot_format_step_facts (step);
  switch (unknot_step_get_side (step))
    {
    case UNKNOT_SIDE_EACH:
      /* Translators: %s is a duration, such as "45 seconds" */
      when = g_strdup_printf (_("%s per side"), duration);
      break;
    case UNKNOT_SIDE_LEFT:
    case UNKNOT_SIDE_RIGHT:
      /* Translators: a side and a duration, such as "Left side, 45 seconds" */
      when = g_strdup_printf (_("%s, %s"), unknot_side_get_label (unknot_step_get_side (step)),
                              duration);
      break;
    case UNKNOT_SIDE_BOTH:
    case UNKNOT_N_SIDES:
    default:
      when = g_strdup (duration);
      break;
    }
  return g_strconcat (facts, dot, when, NULL);
}
