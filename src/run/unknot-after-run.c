/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-after-run.h"
#include "unknot-suggestion.h"

/* The "Just ran?" rules: after a kind of run, with so many minutes, which routine first
 * and which second. What a routine suits is data, in its file (<suits run="…"/>); what
 * stays here is which regions each kind of run loads most, and how to weigh them.
 *
 * Only routines that say they suit the run and fit in the time are suggested: a
 * routine without <suits> is for another time of day (before a run, at the desk), or
 * its author has not said. Among those, a routine scores for each region it works that
 * the run loads, more for such a region no session worked this week, and a little for
 * each minute it takes, so that the time the runner has is used. Ties go by id, so the
 * same answer comes back for the same question. */

#define LOADED_WEIGHT 10
#define FRESH_WEIGHT 6
#define MINUTE_WEIGHT 1
#define MAX_SUGGESTIONS 2
#define MAX_FRESH_NAMED 2

/* The regions each kind of run loads, most loaded first (the why line names the first
 * ones). Sports massage guides for runners and the shipped routines agree on these. */
static const UnknotRegion loaded_regions[UNKNOT_N_RUN_KINDS][7] = {
  [UNKNOT_RUN_KIND_EASY] = { UNKNOT_REGION_CALVES, UNKNOT_REGION_HAMSTRINGS,
                             UNKNOT_REGION_QUADRICEPS, UNKNOT_REGION_FEET, UNKNOT_N_REGIONS },
  [UNKNOT_RUN_KIND_LONG] = { UNKNOT_REGION_CALVES, UNKNOT_REGION_HAMSTRINGS,
                             UNKNOT_REGION_QUADRICEPS, UNKNOT_REGION_GLUTES, UNKNOT_REGION_FEET,
                             UNKNOT_REGION_IT_BAND, UNKNOT_N_REGIONS },
  [UNKNOT_RUN_KIND_INTERVALS] = { UNKNOT_REGION_HAMSTRINGS, UNKNOT_REGION_CALVES,
                                  UNKNOT_REGION_ACHILLES, UNKNOT_REGION_HIP_FLEXORS,
                                  UNKNOT_REGION_GLUTES, UNKNOT_REGION_SHINS, UNKNOT_N_REGIONS },
  [UNKNOT_RUN_KIND_RACE] = { UNKNOT_REGION_CALVES, UNKNOT_REGION_QUADRICEPS,
                             UNKNOT_REGION_HAMSTRINGS, UNKNOT_REGION_FEET, UNKNOT_N_REGIONS },
  [UNKNOT_RUN_KIND_TRAIL] = { UNKNOT_REGION_QUADRICEPS, UNKNOT_REGION_CALVES,
                              UNKNOT_REGION_ANKLES, UNKNOT_REGION_IT_BAND, UNKNOT_REGION_GLUTES,
                              UNKNOT_REGION_ACHILLES, UNKNOT_N_REGIONS },
};

typedef struct
{
  UnknotRoutine *routine;
  gint64 total;   /* ms */
  guint32 fresh;  /* loaded regions it works that no session worked this week */
  gint score;
} Candidate;

guint32
unknot_after_run_get_loaded_regions (UnknotRunKind kind)
{
  guint32 regions = 0;

  g_return_val_if_fail (kind < UNKNOT_N_RUN_KINDS, 0);

  for (guint i = 0; loaded_regions[kind][i] != UNKNOT_N_REGIONS; i++)
    regions |= 1u << loaded_regions[kind][i];
  return regions;
}

static guint
whole_minutes (gint64 ms)
{
  return MAX (1, (ms + 30000) / 60000);
}

static gint
count_regions (guint32 regions)
{
  gint n = 0;

  for (; regions != 0; regions &= regions - 1)
    n++;
  return n;
}

static void
candidate_clear (gpointer data)
{
  Candidate *candidate = data;

  g_clear_object (&candidate->routine);
}

/* FALSE for a routine that is not suggested at all. */
static gboolean
weigh (const UnknotAfterRun *after,
       UnknotRoutine        *routine,
       Candidate            *candidate)
{
  guint32 loaded = unknot_after_run_get_loaded_regions (after->kind);
  guint32 worked;

  if (!(unknot_routine_get_suits (routine) & (1u << after->kind)))
    return FALSE;
  candidate->total = unknot_routine_get_total (routine, after->default_prepare_ms,
                                               after->default_switch_gap_ms);
  if (candidate->total > (gint64) after->minutes * 60000)
    return FALSE;

  candidate->routine = g_object_ref (routine);
  worked = unknot_routine_get_regions (routine) & loaded;
  candidate->fresh = worked & ~after->worked_this_week;
  candidate->score = LOADED_WEIGHT * count_regions (worked)
                     + FRESH_WEIGHT * count_regions (candidate->fresh)
                     + MINUTE_WEIGHT * (gint) (candidate->total / 60000);
  return TRUE;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->score != y->score)
    return y->score - x->score;
  return g_strcmp0 (unknot_routine_get_id (x->routine), unknot_routine_get_id (y->routine));
}

static const char *
describe_suits (UnknotRunKind kind)
{
  switch (kind)
    {
    case UNKNOT_RUN_KIND_EASY: return _("Suits an easy run");
    case UNKNOT_RUN_KIND_LONG: return _("Suits a long run");
    case UNKNOT_RUN_KIND_INTERVALS: return _("Suits intervals or track work");
    case UNKNOT_RUN_KIND_RACE: return _("Suits a race");
    case UNKNOT_RUN_KIND_TRAIL: return _("Suits a trail or hill run");
    case UNKNOT_N_RUN_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* The fresh regions, most loaded first, as "Calves and feet not worked this week". */
static char *
describe_fresh (UnknotRunKind kind,
                guint32       fresh)
{
  const char *names[MAX_FRESH_NAMED];
  guint n = 0;

  for (guint i = 0; loaded_regions[kind][i] != UNKNOT_N_REGIONS && n < MAX_FRESH_NAMED; i++)
    if (fresh & (1u << loaded_regions[kind][i]))
      names[n++] = unknot_region_get_label (loaded_regions[kind][i]);

  if (n == 0)
    return NULL;
  if (n == 1)
    /* Translators: %s is a body region, such as "Calves"; part of the reason a routine
     * is suggested after a run */
    return g_strdup_printf (_("%s not worked this week"), names[0]);
  /* Translators: two body regions, such as "Calves" and "Feet"; part of the reason a
   * routine is suggested after a run */
  return g_strdup_printf (_("%s and %s not worked this week"), names[0], names[1]);
}

static char *
describe (const UnknotAfterRun *after,
          const Candidate      *candidate)
{
  /* Translators: what joins the parts of the reason a routine is suggested after a run,
   * as in "Suits a long run · 10 minutes · Calves not worked this week" */
  const char *separator = _(" · ");
  guint minutes = whole_minutes (candidate->total);
  g_autofree char *fresh = describe_fresh (after->kind, candidate->fresh);
  GString *why = g_string_new (describe_suits (after->kind));

  g_string_append (why, separator);
  /* Translators: how long a suggested routine takes */
  g_string_append_printf (why, g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes",
                                            minutes), minutes);
  if (fresh != NULL)
    {
      g_string_append (why, separator);
      g_string_append (why, fresh);
    }
  return g_string_free (why, FALSE);
}

/**
 * unknot_after_run_suggest:
 * @routines: a list of UnknotRoutine, such as the library
 *
 * Returns: (transfer full) (element-type UnknotSuggestion): the suggestion and the
 *   second choice, or fewer when fewer routines suit the run and fit the time
 */
GPtrArray *
unknot_after_run_suggest (const UnknotAfterRun *after,
                          GListModel           *routines)
{
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  GPtrArray *suggestions = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (routines);

  g_array_set_clear_func (candidates, candidate_clear);
  g_return_val_if_fail (after != NULL && after->kind < UNKNOT_N_RUN_KINDS, suggestions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (UnknotRoutine) routine = g_list_model_get_item (routines, i);
      Candidate candidate = { 0 };

      if (weigh (after, routine, &candidate))
        g_array_append_val (candidates, candidate);
    }
  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < candidates->len && i < MAX_SUGGESTIONS; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);
      g_autofree char *why = describe (after, candidate);

      g_ptr_array_add (suggestions, unknot_suggestion_new (candidate->routine, why));
    }
  return suggestions;
}
