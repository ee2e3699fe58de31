/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-claimed-length.h"

#include <string.h>

/* Routines say how long they take in their name or description, in words a runner
 * reads: "Ten minutes for the legs …", "a 5-minute warm-up", "about twenty-five
 * minutes". The reader warns when the routine's real total strays from that claim, and
 * the tests of the shipped routines fail on it. Only English is read: the untranslated
 * texts are English by the authoring guide's rules. */

static const char *const units[] = {
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
  "eighteen", "nineteen",
};

static const char *const tens[] = {
  NULL, NULL, "twenty", "thirty", "forty", "fifty", "sixty",
};

static gboolean
word_value (const char *word,
            guint      *value)
{
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_equal (word, units[i]))
      {
        *value = i;
        return TRUE;
      }
  for (guint i = 2; i < G_N_ELEMENTS (tens); i++)
    if (g_str_equal (word, tens[i]))
      {
        *value = i * 10;
        return TRUE;
      }
  return FALSE;
}

/* "10", "ten", "twenty-five" or "twenty five"; 0 if @number is none of those. */
static guint
number_value (const char *number)
{
  g_auto (GStrv) words = NULL;
  guint first, second;

  if (*number == '\0')
    return 0;
  if (strspn (number, "0123456789") == strlen (number))
    return (guint) g_ascii_strtoull (number, NULL, 10);

  words = g_strsplit_set (number, "- ", -1);
  if (g_strv_length (words) == 1)
    return word_value (words[0], &first) ? first : 0;
  if (g_strv_length (words) == 2 && word_value (words[0], &first) && first >= 20
      && first % 10 == 0 && word_value (words[1], &second) && second >= 1 && second <= 9)
    return first + second;
  return 0;
}

/* The word that ends right before @end, which may hold hyphens ("twenty-five"). */
static const char *
word_before (const char *text,
             const char *end)
{
  const char *start = end;

  while (start > text && (g_ascii_isalnum (start[-1]) || start[-1] == '-'))
    start--;
  return start;
}

/* The number of minutes @text claims: the first number, in digits or English words,
 * right before "minute" or "minutes" (after a space or a hyphen). 0 if it claims none. */
guint
unknot_claimed_minutes (const char *text)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);

  for (const char *hit = strstr (lower, "minute"); hit != NULL; hit = strstr (hit + 1, "minute"))
    {
      const char *end = hit - 1;
      const char *start;
      g_autofree char *one_word = NULL;
      guint value = 0;

      if (hit == lower || (*end != ' ' && *end != '-'))
        continue;

      start = word_before (lower, end);
      one_word = g_strndup (start, end - start);

      /* "twenty five minutes": the word before may hold the tens. */
      if (start > lower + 1 && start[-1] == ' ')
        {
          const char *earlier = word_before (lower, start - 1);
          g_autofree char *two_words = g_strndup (earlier, end - earlier);

          value = number_value (two_words);
        }
      if (value == 0)
        value = number_value (one_word);
      if (value > 0)
        return value;
    }

  return 0;
}

/* Within 10 % of the claim, either way. */
gboolean
unknot_total_matches_claim (gint64 total_ms,
                            guint  minutes)
{
  gint64 claimed_ms = (gint64) minutes * 60 * 1000;

  return minutes > 0 && total_ms * 10 >= claimed_ms * 9 && total_ms * 10 <= claimed_ms * 11;
}
