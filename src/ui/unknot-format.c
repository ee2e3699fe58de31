/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-format.h"

char *
unknot_format_sessions (guint n_sessions)
{
  /* Translators: a number of recorded sessions, such as "3 sessions" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session", "%u sessions", n_sessions),
                          n_sessions);
}

/* "1 week", "3 weeks": the length of a streak. */
char *
unknot_format_weeks (guint n_weeks)
{
  /* Translators: a number of weeks, such as "3 weeks in a row" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u week", "%u weeks", n_weeks), n_weeks);
}

/* "1 of 2 this week": sessions this week against the weekly goal, which may be passed. */
char *
unknot_format_goal_progress (guint this_week,
                             guint goal)
{
  /* Translators: sessions done this week, then the weekly goal; the plural form
   * follows the goal, such as "1 of 2 this week" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u this week", "%u of %u this week",
                                       goal),
                          this_week, goal);
}

/* "Felt 4 of 5": the rating given after a session, 1 (still tight) to 5 (loose and light). */
char *
unknot_format_feel (guint feel)
{
  g_return_val_if_fail (feel >= 1 && feel <= 5, NULL);

  /* Translators: how the muscles felt after a session, on a scale from 1 to 5 */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Felt %u of 5", "Felt %u of 5", feel),
                          feel);
}

/* How a session ended, as the history lists it. */
const char *
unknot_format_history_status (UnknotHistoryStatus status)
{
  switch (status)
    {
    case UNKNOT_HISTORY_STATUS_IN_PROGRESS: return _("In progress");
    case UNKNOT_HISTORY_STATUS_COMPLETED: return _("Completed");
    case UNKNOT_HISTORY_STATUS_STOPPED: return _("Stopped early");
    case UNKNOT_HISTORY_STATUS_INTERRUPTED: return _("Interrupted");
    default: g_return_val_if_reached (NULL);
    }
}

/* "After a long run", for a session that "Just ran?" started; %NULL for none, or for an
 * id this build does not know. */
const char *
unknot_format_after_run (const char *run_kind_id)
{
  guint kind;

  if (run_kind_id == NULL
      || !unknot_vocabulary_lookup (UNKNOT_VOCABULARY_RUN_KIND, run_kind_id, &kind))
    return NULL;
  switch ((UnknotRunKind) kind)
    {
    case UNKNOT_RUN_KIND_EASY: return _("After an easy run");
    case UNKNOT_RUN_KIND_LONG: return _("After a long run");
    case UNKNOT_RUN_KIND_INTERVALS: return _("After intervals or track work");
    case UNKNOT_RUN_KIND_RACE: return _("After a race");
    case UNKNOT_RUN_KIND_TRAIL: return _("After a trail or hill run");
    case UNKNOT_N_RUN_KINDS:
    default: g_return_val_if_reached (NULL);
    }
}

/* "Mon 4 May 2026, 07:30": when a session started, in the time zone of @time (the
 * caller's choice, the user's own in the app), with GLib's names of days and months in
 * the user's language. */
char *
unknot_format_date_time (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);

  /* Translators: the date and time a session started, in the codes of
   * g_date_time_format(), such as "Mon 4 May 2026, 07:30"; order them as your language
   * does, and use %I:%M %p where a 12-hour clock is usual */
  return g_date_time_format (time, C_("session start", "%a %-d %b %Y, %H:%M"));
}

/* "4 May": a day on a chart's axis. */
char *
unknot_format_day (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);

  /* Translators: a day on a chart's axis, in the codes of g_date_time_format(), such as
   * "4 May" */
  return g_date_time_format (time, C_("chart day", "%-d %b"));
}

/* How many times faster than real time a preview runs: "×10". */
char *
unknot_format_speed (double speed)
{
  /* Translators: how many times faster than real time a preview runs, such as "×10" */
  return g_strdup_printf (_("×%g"), speed);
}
