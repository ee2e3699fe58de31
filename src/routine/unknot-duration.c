/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-duration.h"
#include "unknot-routine-error.h"

/* A routine is at most 4 hours, so no sensible number has more digits than this; the
 * cap also keeps "99999999m" from overflowing anything. */
#define MAX_DIGITS 6

static gboolean
fail (GError            **error,
      UnknotRoutineError  code,
      const char         *text,
      const char         *why)
{
  g_set_error (error, UNKNOT_ROUTINE_ERROR, code,
               /* Translators: the first %s is what the author wrote, the second why it
                * is wrong. Keep the examples of accepted forms untranslated. */
               _("invalid duration '%s': %s; write it like 45s, 2m or 1m30s"),
               text, why);
  return FALSE;
}

/* Reads one "<digits><unit>" part, advancing *cursor past it. */
static gboolean
read_part (const char  *text,
           const char **cursor,
           gint64      *number,
           char        *unit,
           GError     **error)
{
  const char *p = *cursor;
  guint digits = 0;

  *number = 0;
  while (g_ascii_isdigit (*p))
    {
      if (++digits > MAX_DIGITS)
        return fail (error, UNKNOT_ROUTINE_ERROR_DURATION_RANGE, text,
                     _("the number is far too large"));
      *number = *number * 10 + (*p - '0');
      p++;
    }

  if (digits == 0)
    {
      if (*p == '-')
        return fail (error, UNKNOT_ROUTINE_ERROR_BAD_DURATION, text, _("it cannot be negative"));
      return fail (error, UNKNOT_ROUTINE_ERROR_BAD_DURATION, text, _("a number is missing"));
    }

  if (*p == '\0')
    return fail (error, UNKNOT_ROUTINE_ERROR_BAD_DURATION, text,
                 _("the unit is missing (s for seconds, m for minutes)"));
  if (*p == '.' || *p == ',')
    return fail (error, UNKNOT_ROUTINE_ERROR_BAD_DURATION, text, _("fractions are not accepted"));
  if (*p == 'h' || *p == 'H')
    return fail (error, UNKNOT_ROUTINE_ERROR_BAD_DURATION, text,
                 _("hours are not accepted, use minutes"));
  if (*p != 's' && *p != 'm')
    return fail (error, UNKNOT_ROUTINE_ERROR_BAD_DURATION, text,
                 _("only s (seconds) and m (minutes) are accepted as units"));

  *unit = *p;
  *cursor = p + 1;
  return TRUE;
}

/**
 * unknot_duration_parse:
 * @text: "45s", "2m" or "1m30s"
 * @out_ms: (out): the duration in milliseconds
 *
 * Parses the duration syntax of the routine format. Only the syntax is checked here;
 * whether the value fits where it is used (a step, a cue …) is the caller's business.
 *
 * Returns: %TRUE on success; otherwise @error is set, with
 *   %UNKNOT_ROUTINE_ERROR_BAD_DURATION or, for absurd numbers,
 *   %UNKNOT_ROUTINE_ERROR_DURATION_RANGE.
 */
gboolean
unknot_duration_parse (const char  *text,
                       gint64      *out_ms,
                       GError     **error)
{
  const char *cursor = text;
  gint64 minutes = 0;
  gint64 seconds = 0;
  gint64 number;
  char unit = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_ms != NULL, FALSE);

  if (*text == '\0')
    return fail (error, UNKNOT_ROUTINE_ERROR_BAD_DURATION, text, _("it is empty"));

  if (!read_part (text, &cursor, &number, &unit, error))
    return FALSE;

  if (unit == 'm')
    {
      minutes = number;
      if (*cursor != '\0')
        {
          if (!read_part (text, &cursor, &number, &unit, error))
            return FALSE;
          if (unit != 's')
            return fail (error, UNKNOT_ROUTINE_ERROR_BAD_DURATION, text,
                         _("minutes must be followed by seconds"));
          if (number >= 60)
            return fail (error, UNKNOT_ROUTINE_ERROR_BAD_DURATION, text,
                         _("after minutes, the seconds must be fewer than 60"));
          seconds = number;
        }
    }
  else
    {
      seconds = number;
    }

  if (*cursor != '\0')
    return fail (error, UNKNOT_ROUTINE_ERROR_BAD_DURATION, text,
                 _("there is something after the seconds"));

  *out_ms = minutes * UNKNOT_MS_PER_MINUTE + seconds * UNKNOT_MS_PER_SECOND;
  return TRUE;
}

/* The inverse of unknot_duration_parse() for whole seconds: 90000 → "1m30s". */
char *
unknot_duration_to_attribute (gint64 ms)
{
  gint64 total_seconds = ms / UNKNOT_MS_PER_SECOND;
  gint64 minutes = total_seconds / 60;
  gint64 seconds = total_seconds % 60;

  if (minutes == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT "s", seconds);
  if (seconds == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT "m", minutes);
  return g_strdup_printf ("%" G_GINT64_FORMAT "m%" G_GINT64_FORMAT "s", minutes, seconds);
}

/* "M:SS", or "H:MM:SS" from one hour on, in whole seconds rounded down. */
char *
unknot_duration_format_clock (gint64 ms)
{
  gint64 total_seconds = MAX (ms, 0) / UNKNOT_MS_PER_SECOND;
  gint64 hours = total_seconds / 3600;
  gint64 minutes = (total_seconds / 60) % 60;
  gint64 seconds = total_seconds % 60;

  if (hours > 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT,
                            hours, minutes, seconds);
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT, minutes, seconds);
}
