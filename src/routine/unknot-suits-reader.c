/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-suits-reader.h"

/* Reads <suits run="long race"/>: the kinds of run after which a routine is a good
 * choice, as a list of run ids separated by spaces. The list is what the "Just ran?"
 * suggestion reads; the element says nothing the session needs, so it has no text to
 * translate. Each word must be a run id, and each only once, so that a misspelt kind
 * cannot quietly drop the routine from the suggestions. */

static const char *const suits_attributes[] = { "run", NULL };

static void
report_missing_runs (UnknotElementReader *elements,
                     xmlNode             *node)
{
  unknot_problem_collector_error (unknot_element_reader_get_problems (elements), node, NULL,
                                  UNKNOT_ROUTINE_ERROR_MISSING_ATTRIBUTE,
                                  /* Translators: keep the markup and the ids as they are */
                                  _("<suits> needs a run attribute with one or more kinds of "
                                    "run, such as run=\"long race\""));
}

static void
report_twice (UnknotElementReader *elements,
              xmlNode             *node,
              const char          *word)
{
  unknot_problem_collector_error (unknot_element_reader_get_problems (elements), node, "run",
                                  UNKNOT_ROUTINE_ERROR_DUPLICATE_ELEMENT,
                                  /* Translators: %s is a run kind id, such as 'long' */
                                  _("run kind '%s' is listed twice in <suits>; write it once"),
                                  word);
}

/**
 * unknot_suits_reader_read:
 * @runs: (out): a bit set, 1 << UnknotRunKind, of the kinds listed
 *
 * Returns: whether the element was valid (its problems are reported)
 */
gboolean
unknot_suits_reader_read (UnknotElementReader *elements,
                          xmlNode             *node,
                          guint32             *runs)
{
  g_autofree char *value = unknot_element_reader_get_attribute (node, "run");
  g_auto (GStrv) words = NULL;
  gboolean valid = TRUE;

  *runs = 0;
  unknot_element_reader_check_attributes (elements, node, suits_attributes);
  unknot_element_reader_check_empty (elements, node);

  words = g_strsplit_set (value != NULL ? value : "", " \t\r\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      guint run;

      if (*words[i] == '\0')
        continue;
      if (!unknot_vocabulary_lookup (UNKNOT_VOCABULARY_RUN_KIND, words[i], &run))
        {
          unknot_element_reader_report_unknown_term (elements, node, UNKNOT_VOCABULARY_RUN_KIND,
                                                     words[i]);
          valid = FALSE;
        }
      else if (*runs & (1u << run))
        {
          report_twice (elements, node, words[i]);
          valid = FALSE;
        }
      else
        *runs |= 1u << run;
    }

  if (*runs == 0 && valid)
    {
      report_missing_runs (elements, node);
      valid = FALSE;
    }
  return valid;
}
