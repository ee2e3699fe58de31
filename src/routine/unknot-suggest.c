/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-suggest.h"

#include <string.h>

/* Words in the routine format are short; longer input is certainly not a typo of one. */
#define MAX_WORD 64

/* Damerau–Levenshtein distance (optimal string alignment), ignoring ASCII case, so a
 * swapped pair of letters ("hmastrings") counts as one mistake, as a person sees it. */
guint
unknot_edit_distance (const char *a,
                      const char *b)
{
  guint row_before[MAX_WORD + 1];
  guint row_above[MAX_WORD + 1];
  guint row[MAX_WORD + 1];
  gsize la, lb;

  g_return_val_if_fail (a != NULL && b != NULL, G_MAXUINT);

  la = strlen (a);
  lb = strlen (b);
  if (la > MAX_WORD || lb > MAX_WORD)
    return G_MAXUINT;

  for (gsize j = 0; j <= lb; j++)
    row_above[j] = row_before[j] = j;

  for (gsize i = 1; i <= la; i++)
    {
      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;
          guint best = MIN (row_above[j] + 1, row[j - 1] + 1);

          best = MIN (best, row_above[j - 1] + cost);
          if (i > 1 && j > 1
              && g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 2])
              && g_ascii_tolower (a[i - 2]) == g_ascii_tolower (b[j - 1]))
            best = MIN (best, row_before[j - 2] + 1);
          row[j] = best;
        }
      memcpy (row_before, row_above, sizeof row);
      memcpy (row_above, row, sizeof row);
    }

  return row_above[lb];
}

/* The candidate nearest to @misspelt, if it is near enough to be a likely typo: about
 * one mistake per three letters of the candidate. */
const char *
unknot_suggest (const char        *misspelt,
                const char *const *candidates)
{
  const char *best = NULL;
  guint best_distance = G_MAXUINT;

  g_return_val_if_fail (misspelt != NULL, NULL);
  g_return_val_if_fail (candidates != NULL, NULL);

  for (guint i = 0; candidates[i] != NULL; i++)
    {
      guint distance = unknot_edit_distance (misspelt, candidates[i]);
      guint allowed = MAX (1, (strlen (candidates[i]) + 2) / 3);

      if (distance <= allowed && distance < best_distance)
        {
          best = candidates[i];
          best_distance = distance;
        }
    }

  return best;
}
